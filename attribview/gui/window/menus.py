"""The window's menus, actions and their shortcuts, and the signals its panels are wired by."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QToolBar

from attribview.gui.exports import ExportMenu
from attribview.gui.status import STYLES, status_icon
from attribview.gui.window.desk_actions import DeskActions
from attribview.gui.window.exercises import ExerciseFiles
from attribview.gui.window.importing import Importing
from attribview.gui.window.opening import Opening
from attribview.gui.window.presentation import Presentation
from attribview.gui.window.recent import RecentFiles
from attribview.gui.window.reports import ReportActions
from attribview.gui.window.showing import Showing
from attribview.gui.window.training import TrainingActions


class MenuActions(Opening, Importing, Showing, DeskActions, ReportActions, TrainingActions, ExerciseFiles,
                  Presentation, RecentFiles):
    """Builds the menu bar and toolbar over every part of the window, and wires the panels' signals;
    every action is also added to the window, so that its shortcut works on every page."""

    def _action(self, text: str, slot: Callable[[], object],
                *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # a key named twice (Zoom Out is Ctrl+- here) would be ambiguous, and Qt would run neither
            keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}
            action.setShortcuts(list(keys.values()))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever page is showing
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&Open…", self.choose_file, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action("Open &Sample Article", self.open_sample))
        file_menu.addAction(self._action("&Paste Article from Clipboard", self.paste_article, "Ctrl+Shift+V"))
        file_menu.addAction(self._import_action())
        self.recent_menu = QMenu("&Recent Files", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self._build_report_and_exercise_menu(file_menu)
        close = self._action("&Close Article", self.close_article, QKeySequence.StandardKey.Close)
        file_menu.addAction(close)
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.checker_action = self._action("Checker's &Name…", self.checker.ask)
        self.checker_action.setStatusTip("The name the history and the exports record for your changes")
        edit_menu.addAction(self.checker_action)
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addAction(self._action("&Next Quote", self.next_quote, "J", "Ctrl+Down"))
        go_menu.addAction(self._action("&Previous Quote", self.previous_quote, "K", "Ctrl+Up"))
        go_menu.addAction(self._action("&Find Quote", self.focus_search, QKeySequence.StandardKey.Find))
        check_menu = self.menuBar().addMenu("&Check")
        self.status_actions: dict[str, QAction] = {}
        text = self.palette().color(QPalette.ColorRole.Text)
        for style in STYLES.values():
            action = self._action(f"Mark as {style.label}", self._status_setter(style.id), *style.keys)
            action.setIcon(status_icon(style.id, text))
            check_menu.addAction(action)
            self.status_actions[style.id] = action
        check_menu.addSeparator()
        self.reject_action = self._action("&Not an Attribution", self.reject_selected, "N", "Del")
        self.reject_action.setStatusTip("The selected quote is not an attribution: remove it (undo brings "
                                        "it back)")
        self.add_quote_action = self._action("&Add Attribution from Selection…",
                                             self.add_attribution_from_selection, "A")
        self.add_quote_action.setStatusTip("Select the words said in the article, then name who said them")
        for action in (self.reject_action, self.add_quote_action):
            check_menu.addAction(action)
        self.article_view.set_context_actions([self.add_quote_action, self.reject_action])
        self._update_correction_actions()
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self._action("Show &All Groups", self.show_all_groups))
        view_menu.addAction(self.article_view.badges_action(self.settings))
        view_menu.addSeparator()
        self._build_training_menu(view_menu)
        for dock, key in ((self.library_dock, "Ctrl+L"), (self.summary_dock, "Ctrl+Shift+S")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(key))
            view_menu.addAction(toggle)

    def _import_action(self) -> QAction:
        self.import_action = self._action("&Import Folder…", self.import_folder, "Ctrl+Shift+O")
        self.import_action.setStatusTip("Analyse every article file of a folder (and its subfolders) into "
                                        "the library")
        return self.import_action

    def _build_report_and_exercise_menu(self, file_menu: QMenu) -> None:
        self.report_action = self._action("&Export Sourcing Report…", self.export_report, "Ctrl+E")
        self.pdf_action = self._action("Export Report as P&DF…", self.export_pdf)
        self.print_action = self._action("&Print Report…", self.print_report, QKeySequence.StandardKey.Print)
        for action in (self.report_action, self.pdf_action, self.print_action):
            file_menu.addAction(action)
        self.export_menu = ExportMenu(self, self.tasks, lambda: self.desk, article=lambda: self.document,
                                      library_ready=lambda: self.library_ready,
                                      tell=self.status_label.setText, report_error=self._report_error)
        file_menu.addMenu(self.export_menu)
        file_menu.addSeparator()
        self.save_exercise_action = self._action("Save E&xercise…", self.save_exercise)
        self.save_exercise_action.setStatusTip("Save the open article and its reference attribution (with "
                                               "your corrections) as an exercise for a class")
        self.save_blank_action = self._action("Save Exercise &without Answers…",
                                              self.save_exercise_without_answers)
        self.save_blank_action.setStatusTip("Save the article for trainees, without its answer key; the key "
                                            "is saved beside it for you, to score their attempts")
        self.open_exercise_action = self._action("Open Exe&rcise…", self.open_exercise)
        self.save_attempt_action = self._action("Save A&ttempt…", self.save_attempt)
        self.open_attempt_action = self._action("Open Atte&mpt…", self.open_attempt)
        self.class_report_action = self._action("Class Re&port…", self.class_report)
        self.class_report_action.setStatusTip("Score a class's attempt files against the exercise's key: "
                                              "one table of scores and common mistakes")
        for action in (self.save_exercise_action, self.save_blank_action, self.open_exercise_action,
                       self.save_attempt_action, self.open_attempt_action, self.class_report_action):
            file_menu.addAction(action)
        file_menu.addSeparator()

    def _build_training_menu(self, view_menu: QMenu) -> None:
        self.training_action = self._action("&Training Mode", self._on_training_toggled, "Ctrl+T")
        self.training_action.setCheckable(True)
        self.training_action.setStatusTip("Hide the highlights: mark each sentence yourself, then check")
        self.check_action = self._action("C&heck Answers", self.check_answers, "Ctrl+Return")
        self.check_action.setEnabled(False)
        view_menu.addAction(self.training_action)
        view_menu.addAction(self.check_action)
        toolbar = QToolBar("Training", self)  # in the menu bar's corner: a row of its own is the article's
        toolbar.setObjectName("training_toolbar")
        self.menuBar().setCornerWidget(toolbar, Qt.Corner.TopRightCorner)
        toolbar.addAction(self.training_action)
        toolbar.addAction(self.check_action)
        view_menu.addSeparator()
        self.larger_action = self._action("&Larger Text", self.larger_text, QKeySequence.StandardKey.ZoomIn,
                                          "Ctrl+=")
        self.smaller_action = self._action("&Smaller Text", self.smaller_text,
                                           QKeySequence.StandardKey.ZoomOut, "Ctrl+-")
        self.reset_text_action = self._action("&Actual Text Size", lambda: self.set_text_scale(1.0),
                                              "Ctrl+0")
        self.full_screen_action = self._action("&Full Screen", self._on_full_screen_toggled, "F11")
        self.full_screen_action.setCheckable(True)
        self.contrast_action = self._action("&High Contrast", self._on_contrast_toggled)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setStatusTip("Stronger highlight colours under black text, for a projector")
        for action in (self.larger_action, self.smaller_action, self.reset_text_action,
                       self.full_screen_action, self.contrast_action):
            view_menu.addAction(action)
        view_menu.addSeparator()

    def _connect(self) -> None:
        self.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.open_requested.connect(self.choose_file)
        self.welcome.paste_requested.connect(self.paste_article)
        self.welcome.recent_requested.connect(self.open_file)
        self.legend.visibility_changed.connect(self.article_view.set_visible_groups)
        self.article_view.quote_clicked.connect(self.select_quote)
        self.article_view.selectionChanged.connect(self._update_correction_actions)
        self.search.textChanged.connect(self.proxy.set_search)
        self.group_filter.currentIndexChanged.connect(self._on_group_filter_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.library_panel.article_requested.connect(self.open_article)
        self.profile_choice.profile_chosen.connect(self.choose_profile)
        self.detail.status_edited.connect(self._on_status_edited)
        self.detail.note_edited.connect(self._on_note_edited)
        self.detail.url_edited.connect(self._on_url_edited)
        self.detail.evidence_edited.connect(self._on_evidence_edited)
        self.detail.speaker_edited.connect(self._on_speaker_edited)
        self.article_view.sentence_clicked.connect(self.select_sentence)
        self.training_panel.answer_chosen.connect(self.answer_sentence)
        self.training_panel.check_requested.connect(self.check_answers)
        self.training_panel.sentence_requested.connect(self._on_mistake_picked)
