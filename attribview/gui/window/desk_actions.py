"""The desk: statuses, notes, evidence, speakers and corrections, each an undoable command saved on the
desk worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from attribview.gui.add_quote import AddAttributionDialog
from attribview.gui.commands import (
    AddQuoteCommand,
    EvidenceCommand,
    NewQuote,
    NoteCommand,
    RejectCommand,
    SpeakerCommand,
    StatusCommand,
    UrlCommand,
)
from attribview.gui.document import Document
from attribview.gui.status import status_label
from attribview.gui.tasks import Lane
from attribview.gui.verification_box import Unsaved
from attribview.gui.window.parts import WindowParts

if TYPE_CHECKING:
    from attribview.core.library import QuoteRow
    from attribview.gui.desk import QuoteDetails, QuotesChanged


class DeskActions(WindowParts):
    """Turns edits into undo commands and their saves into desk tasks; the views follow what the
    library returns."""

    # checking and correcting: every edit is an undoable command saved on the worker ----------------

    def set_status(self, status: str) -> None:
        """Set the selected quote's verification status (the keys 1-6 and U, P, V, D, F, I)."""
        index = self.current_quote()
        article = self.document
        row = article.row(index) if article is not None and index is not None else None
        if row is None or self.stack.currentWidget() is not self.article_page or self.training is not None:
            return
        if row.status != status:
            self.undo_stack.push(StatusCommand(self._save_verification, row.id, row.status, status))

    def _status_setter(self, status: str) -> Callable[[], None]:
        return lambda: self.set_status(status)

    def _on_status_edited(self, quote_id: int, old: str, new: str) -> None:
        self.undo_stack.push(StatusCommand(self._save_verification, quote_id, old, new))

    def _on_note_edited(self, quote_id: int, old: str, new: str) -> None:
        self.undo_stack.push(NoteCommand(self._save_verification, quote_id, old, new))

    def _on_url_edited(self, quote_id: int, old: str, new: str) -> None:
        self.undo_stack.push(UrlCommand(self._save_url, quote_id, old, new))

    def _save_url(self, quote_id: int, url: str) -> None:
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.set_verification(quote_id, url=url, who=who), lane=Lane.DESK,
                       on_success=lambda details: self._on_quote_saved(details, "fact-check URL saved"),
                       on_failure=lambda error: self._on_save_failed(quote_id, error, Unsaved(url=url)))

    def _on_evidence_edited(self, quote_id: int, old: object, new: object) -> None:
        if isinstance(old, tuple) and isinstance(new, tuple):
            self.undo_stack.push(EvidenceCommand(self._save_verification, quote_id, old, new))

    def _on_speaker_edited(self, quote_id: int, old: object, new: object) -> None:
        index = self.document.index_of(quote_id) if self.document is not None else None
        if isinstance(old, tuple) and isinstance(new, tuple) and self.document is not None \
                and index is not None:
            by_hand = self.document.rows[index].speaker_by_hand  # an undo gives an engine's choice back
            self.undo_stack.push(SpeakerCommand(self._save_speaker, quote_id, old, new, by_hand))

    def _save_verification(self, quote_id: int, status: str | None, note: str | None,
                           evidence: Sequence[str] | None) -> None:
        what = f"marked as {status_label(status)}" if status is not None \
            else "note saved" if note is not None else "evidence saved"
        who = self.checker.name()
        unsaved = Unsaved(note, evidence)
        self.tasks.run(lambda: self.desk.set_verification(quote_id, status=status, note=note,
                                                          evidence=evidence, who=who),
                       lane=Lane.DESK, on_success=lambda details: self._on_quote_saved(details, what),
                       on_failure=lambda error: self._on_save_failed(quote_id, error, unsaved))

    def _save_speaker(self, quote_id: int, speaker: str | None, group: str | None, by_hand: bool) -> None:
        what = f"speaker set to {speaker or 'unknown'}"
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.restore_speaker(quote_id, speaker, group, by_hand, who=who),
                       lane=Lane.DESK,
                       on_success=lambda details: self._on_quote_saved(details, what),
                       on_failure=lambda error: self._on_save_failed(quote_id, error,
                                                                     Unsaved(speaker=speaker or "")))

    # corrections from the article: not an attribution, an attribution added from a selection ------

    def _editable_article(self) -> Document | None:
        """The open article when its quotes can be corrected (it is shown and in the library)."""
        article = self.document
        if article is None or not article.stored or self.stack.currentWidget() is not self.article_page \
                or self.training is not None:
            return None
        return article

    def _selection_span(self) -> tuple[int, int] | None:
        """The article view's selection without the spaces around it, None when nothing is selected."""
        article = self._editable_article()
        if article is None or not self.article_view.textCursor().hasSelection():
            return None
        start, end = self.article_view.selected_range()
        text = article.analysis.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def _update_correction_actions(self) -> None:
        index = self.current_quote()
        self.reject_action.setEnabled(self._editable_article() is not None and index is not None)
        span = self._selection_span()
        quotes = self.document.analysis.quotes if self.document is not None else ()
        self.add_quote_action.setEnabled(span is not None and all((q.start, q.end) != span for q in quotes))

    def reject_selected(self) -> None:
        """Mark the selected quote "not an attribution" (N or Delete): it leaves the highlights and table."""
        article = self._editable_article()
        index = self.current_quote()
        row = article.row(index) if article is not None and index is not None else None
        if row is not None:
            self.undo_stack.push(RejectCommand(self._save_rejection, row.id, row.text))

    def add_attribution_from_selection(self) -> None:
        """Ask who said the selected words (A, or the article's context menu), then save the quote."""
        article = self._editable_article()
        span = self._selection_span()
        if article is None or span is None or article.article_id is None:
            self.status_label.setText("Select the words that were said in the article first.")
            return
        start, end = span
        text = article.analysis.text[start:end]
        dialog = AddAttributionDialog(text, article.groups, self.detail.known_speakers,
                                      has_profile=article.analysis.profile is not None, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        article_id = article.article_id

        def accepted() -> None:
            new = NewQuote(article_id, start, end, dialog.speaker(), dialog.group(), dialog.kind())
            self.undo_stack.push(AddQuoteCommand(self._save_new_quote, self._reject_new_quote, new, text))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        dialog.open()

    def _save_rejection(self, quote_id: int, rejected: bool) -> None:
        what = "marked “not an attribution” (Ctrl+Z brings it back)" if rejected else "attribution restored"
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.reject(quote_id, rejected, who=who), lane=Lane.DESK,
                       on_success=lambda changed: self._on_quotes_changed(changed, what),
                       on_failure=lambda error: self._on_save_failed(quote_id, error))

    def _save_new_quote(self, new: NewQuote) -> None:
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.add_quote(new, who=who), lane=Lane.DESK,
                       on_success=lambda changed: self._on_quotes_changed(changed, "attribution added"),
                       on_failure=self._on_task_failed)

    def _reject_new_quote(self, new: NewQuote, rejected: bool) -> None:
        what = "added attribution taken back" if rejected else "attribution added"
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.reject_new(new, rejected, who=who), lane=Lane.DESK,
                       on_success=lambda changed: self._on_quotes_changed(changed, what),
                       on_failure=self._on_task_failed)

    def _on_quotes_changed(self, changed: QuotesChanged, what: str) -> None:
        """A quote added, rejected or restored: the open article shows the library's quotes again."""
        article = self.document
        if article is not None and article.article_id == changed.row.article_id:
            rows = self.table.selectionModel().selectedRows()
            before = rows[0].row() if rows else None  # the row on screen, under the filters as they are
            self.table.clearSelection()  # indices change: the panel lets go of the old one first
            self._update_document(article.with_rows(changed.rows))
            shown = self.document.index_of(changed.row.id) if self.document is not None else None
            if shown is not None:
                self.select_quote(shown)  # the quote added or brought back
            elif before is not None and self.proxy.rowCount():
                self._select_row(min(before, self.proxy.rowCount() - 1))  # the next one the filter shows
        self.status_label.setText(f"Saved: {what}.")
        self._count_again(changed.row.article_id, changed.rows)
        self.quotes_changed.emit(changed)

    def _on_quote_saved(self, details: QuoteDetails, what: str) -> None:
        if self.document is not None and self.document.index_of(details.row.id) is not None:
            self._update_document(self.document.with_row(details.row))
        self.detail.set_details(details)
        self.detail.show_conflict(None)
        self.status_label.setText(f"Saved: {what}.")
        article = self.document
        if article is not None and article.article_id == details.row.article_id:
            self._count_again(details.row.article_id, article.rows)
        else:
            self.refresh_library()
        self.quote_saved.emit(details)

    def _count_again(self, article_id: int, rows: Sequence[QuoteRow]) -> None:
        """The library's list after a desk action, from the quotes it returned (the list is read again
        only for an article it does not show)."""
        if self.library_panel.update_article(article_id, rows):
            self.library_listed.emit(self.library_panel.articles)
        else:
            self.refresh_library()

    def _on_save_failed(self, quote_id: int, error: BaseException, unsaved: Unsaved | None = None) -> None:
        """Show what the library holds, not what failed to save. When another checker saved the quote
        since it was shown, say who and when, show their state, and keep what this checker typed in its
        field to save again; the undo steps go (undoing them would overwrite the other checker's work)."""
        from attribview.gui.desk import ConflictError, conflict_message  # noqa: PLC0415 - the store is loaded

        if not isinstance(error, ConflictError):
            self._on_task_failed(error)
            message = None
        else:
            message = conflict_message(error)
            self.undo_stack.clear()
            self.status_label.setText(message)
        if self.detail.quote_id == quote_id:
            self.tasks.run(lambda: self.desk.details(quote_id), lane=Lane.DESK,
                           on_success=lambda details: self._on_fresh_details(details, message, unsaved),
                           on_failure=lambda _error: None)

    def _on_fresh_details(self, details: QuoteDetails, conflict: str | None, unsaved: Unsaved | None) -> None:
        if self.document is not None and self.document.index_of(details.row.id) is not None:
            self._update_document(self.document.with_row(details.row))  # the table shows the fresh state
        self._on_details_loaded(details)
        if conflict is not None and self.detail.quote_id == details.row.id:
            self.detail.show_conflict(conflict, unsaved or Unsaved())
            self.conflict_shown.emit(conflict)
