"""Training mode: the highlights hidden, sentences answered with the legend's groups or the number
keys, then checked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from attribview.core.exercise import NARRATION
from attribview.core.grading import Score, missed_summary
from attribview.gui.layout import share_columns
from attribview.gui.training import TrainingSession, exercise_of
from attribview.gui.training_view import TrainingKeys, digit_group
from attribview.gui.window.parts import WindowParts

ARTICLE_ORIGIN = "the open article"


class TrainingActions(WindowParts):
    """Enters and leaves training and records the trainee's answers."""

    # training mode ---------------------------------------------------------------------------------

    def _on_training_toggled(self) -> None:
        if self.training_action.isChecked():
            self.start_training()
        else:
            self.leave_training()

    def start_training(self) -> bool:
        """Training on the open article: its highlights hidden, its analysis the reference."""
        if self.training is not None:
            return True
        if self.document is None:
            self._sync_training_actions()
            self.status_label.setText("Open an article or an exercise first.")
            return False
        self._enter_training(TrainingSession(exercise_of(self.document), origin=ARTICLE_ORIGIN))
        return True

    def _enter_training(self, session: TrainingSession) -> None:
        if self.training is None:
            self.detail.commit_pending()
            self._summary_was_visible = self.summary_dock.isVisible()
            self._library_was_visible = self.library_dock.isVisible()
        self.table.clearSelection()
        self.training = session
        self.article_view.set_training(session)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.training_panel.set_session(session)
        for widget in (self.quotes_area, self.legend_area, self.detail_area):
            widget.hide()
        self._show_desk_tools(False)
        self.training_area.show()
        self.stack.setCurrentWidget(self.article_page)
        share_columns(self.main_splitter, self.training_panel, self.width(), grow_only=True)  # labels whole
        self.setWindowTitle(f"Training: {session.exercise.title} — attribview")
        if self._training_keys is None:
            self._training_keys = TrainingKeys(self, self.answer_digit, self.move_sentence)
        origin = "" if session.origin == ARTICLE_ORIGIN else f" ({session.origin})"
        self.status_label.setText(f"Training on {session.exercise.title}{origin}: click a sentence, "
                                  "then answer.")
        self._sync_training_actions()
        self._update_correction_actions()

    def _show_desk_tools(self, shown: bool) -> None:
        """The library, the summary, the profile button and the quote count leave the screen in training
        (the summary, the profile and the count would give answers away, the library is the desk's);
        back as they were after it."""
        for dock in (self.library_dock, self.summary_dock):
            dock.toggleViewAction().setEnabled(shown)
        self.library_dock.setVisible(shown and self._library_was_visible)
        self.summary_dock.setVisible(shown and self._summary_was_visible)
        self.profile_choice.setVisible(shown and self.document is not None)
        self.counts_label.setVisible(shown)

    def leave_training(self) -> None:
        """Back to the highlighted article (or the welcome screen when only an exercise was open)."""
        if self.training is None:
            self._sync_training_actions()
            return
        self.training = None
        if self._training_keys is not None:
            self._training_keys.detach()
            self._training_keys = None
        self.article_view.set_training(None)
        self.training_area.hide()
        for widget in (self.quotes_area, self.legend_area, self.detail_area):
            widget.show()
        self._show_desk_tools(True)
        if self.document is None:
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("attribview")
            self.status_label.setText("Training left.")
        else:
            profile = f" — {self.document.profile_label}" if self.document.profile_label else ""
            self.setWindowTitle(f"{self.document.title}{profile} — attribview")
            self.status_label.setText(f"Training left: {self.document.title} is highlighted again.")
        self._sync_training_actions()
        self._update_correction_actions()

    def _sync_training_actions(self) -> None:
        self.training_action.blockSignals(True)
        self.training_action.setChecked(self.training is not None)
        self.training_action.blockSignals(False)
        self.check_action.setEnabled(self.training is not None and self.training.exercise.keyed)
        self.save_attempt_action.setEnabled(self.training is not None)
        self.open_attempt_action.setEnabled(self.training is not None)

    def _refresh_training(self) -> None:
        if self.training is not None:
            self.article_view.refresh_training()
            self.training_panel.show_state(self.training)

    def select_sentence(self, index: int) -> None:
        """The sentence the trainee clicked becomes the one the legend's buttons answer."""
        if self.training is not None and 0 <= index < len(self.training.exercise.sentences):
            self.training.current = index
            self._refresh_training()

    def answer_sentence(self, group: str) -> None:
        """Toggle a group on the current sentence (several groups make one answer); narration is a
        whole answer, so it also moves on to the next sentence."""
        session = self.training
        if session is None or session.current is None:
            return
        session.toggle(session.current, group)
        if group == NARRATION and session.answers.get(session.current):
            session.move(1)
        self._refresh_training()
        self.article_view.show_sentence(session.current)
        self.status_label.setText(session.progress())

    def answer_digit(self, digit: int) -> None:
        """Number key ``digit``: 1-9 toggle the groups in legend order, 0 narration."""
        session = self.training
        if session is None or session.current is None:
            self.status_label.setText("Pick a sentence first: click it, or press an arrow key or Tab.")
            return
        group = digit_group(session.group_ids, digit)
        if group is None:
            self.status_label.setText(f"No group has the key {digit}.")
        else:
            self.answer_sentence(group)

    def move_sentence(self, delta: int) -> None:
        """Arrow keys and Tab: the next (1) or previous (-1) sentence becomes the one to answer."""
        if self.training is not None and self.training.exercise.sentences:
            self.article_view.show_sentence(self.training.move(delta))
            self._refresh_training()

    def check_answers(self) -> Score | None:
        """Reveal right and wrong per sentence and the score."""
        if self.training is None:
            return None
        if not self.training.exercise.keyed:
            self.status_label.setText("This copy has no answer key: save your attempt and hand it in.")
            return None
        score = self.training.check()
        self._refresh_training()
        missed = missed_summary(score)
        self.status_label.setText(self.training.progress() + (f"; missed: {missed}." if missed else "."))
        return score

    def _on_mistake_picked(self, index: int) -> None:
        self.select_sentence(index)
        self.article_view.show_sentence(index)
