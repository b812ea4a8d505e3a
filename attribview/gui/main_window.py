"""The main window: welcome screen or the article with its legend, quote table and detail panel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from attribview.core.analysis import Analyzer
from attribview.core.exercise import (
    NARRATION,
    Exercise,
    load_attempt,
    load_exercise,
    save_attempt,
    save_exercise,
)
from attribview.core.grading import Score, missed_summary
from attribview.core.library import ArticleProgress, library_location
from attribview.core.titles import article_title, file_stem
from attribview.core.types import KIND_LABELS
from attribview.errors import AttribviewError
from attribview.gui.add_quote import AddAttributionDialog
from attribview.gui.article_view import ArticleView
from attribview.gui.checker import Checker
from attribview.gui.class_report import ClassReportDialog
from attribview.gui.commands import (
    AddQuoteCommand,
    EvidenceCommand,
    NewQuote,
    NoteCommand,
    RejectCommand,
    SpeakerCommand,
    StatusCommand,
)
from attribview.gui.desk import Desk, QuoteDetails, QuotesChanged
from attribview.gui.detail_panel import DetailPanel
from attribview.gui.document import Document
from attribview.gui.exports import ExportMenu
from attribview.gui.layout import (
    fit_columns,
    is_small,
    share_columns,
    share_reading,
    share_side,
    window_rect,
    within,
)
from attribview.gui.legend import LegendPanel, plural, swatch_icon
from attribview.gui.library_panel import LibraryPanel
from attribview.gui.notices import NoticeBar, with_notice_bar
from attribview.gui.plain import plain_label, tooltip
from attribview.gui.quote_model import QUOTE_ROLE, Column, QuoteFilterModel, QuoteTableModel
from attribview.gui.report_export import document_report, print_report, write_html, write_pdf
from attribview.gui.status import STYLES, is_checked, status_icon, status_label
from attribview.gui.summary import SummaryPanel
from attribview.gui.tasks import TaskManager
from attribview.gui.training import TrainingPanel, TrainingSession, exercise_of
from attribview.gui.training_view import TrainingKeys, digit_group
from attribview.gui.welcome import WelcomePage
from attribview.paths import sample_article
from attribview.textio import SourceText, read_article

log = logging.getLogger("attribview.gui")
#: The table's columns sized to their contents; "What was said" (the last) stretches over the rest.
SHORT_COLUMNS = (Column.SPEAKER, Column.GROUP, Column.KIND, Column.STATUS, Column.CONFIDENCE)

MAX_RECENT = 8
ARTICLE_FILTER = "Articles (*.txt *.text *.html *.htm *.docx);;All files (*)"
ARTICLE_ORIGIN = "the open article"
EXERCISE_FILTER = "attribview exercises and attempts (*.json);;All files (*)"
ErrorReporter = Callable[[str, str], None]
#: Text sizes a classroom can choose, as a multiple of the article's size, and one step of Ctrl+=.
MIN_SCALE = 0.7
MAX_SCALE = 3.0
SCALE_STEP = 1.15


def _scrolling(widget: QWidget) -> QScrollArea:
    """A side panel that scrolls rather than clips when the splitter makes it small."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class MainWindow(QMainWindow):
    """The viewer's one window. ``start()`` opens the library and loads the model in the background.

    Every call on the library or the engine runs on the ``TaskManager``'s worker thread; nothing here
    blocks.

    Args:
        analyzer: the engine facade (its model loads on the worker thread); a new one by default.
        settings: where geometry and recent files persist; the user's ``attribview`` settings by default.
        report_error: shows (title, message) to the user; a message box by default.
        library_path: the library file or database URL; the user's library by default.

    Signals:
        article_shown: the Document now on screen
        library_opened: the library file's path, once it is open
        library_listed: the library's articles (a list of ArticleProgress), after each refresh
        details_shown: the QuoteDetails the detail panel now shows
        quote_saved: the QuoteDetails of a quote just saved (a status, a note, a speaker, an undo)
        quotes_changed: the QuotesChanged after a quote was rejected, added or restored (and its undo)
        model_loaded: the language model is loaded (articles now open without waiting for it)
        text_shown: a file's text, shown as plain text while it is analysed
    """

    article_shown = Signal(object)
    library_opened = Signal(object)
    library_listed = Signal(object)
    details_shown = Signal(object)
    quote_saved = Signal(object)
    quotes_changed = Signal(object)
    model_loaded = Signal()
    text_shown = Signal(str)

    def __init__(self, analyzer: Analyzer | None = None, settings: QSettings | None = None,
                 report_error: ErrorReporter | None = None, library_path: str | Path | None = None) -> None:
        super().__init__()
        self.analyzer = analyzer if analyzer is not None else Analyzer()
        self.settings = settings if settings is not None else QSettings("attribview", "attribview")
        self.checker = Checker(self.settings, self)
        self._report_error = report_error if report_error is not None else self._show_error_box
        self.library_path = library_location(library_path)  # a URL keeps its //, loses its password
        self.desk = Desk(self.analyzer, self.library_path)  # worker thread only
        self.tasks = TaskManager(self)
        self.undo_stack = QUndoStack(self)
        self._generation = 0
        self._analysed = 0  # the generation whose analysis is on screen (its plain text is not wanted)
        self._closed = False
        self.model_ready = False
        self.library_ready = False
        self.document: Document | None = None
        self.add_dialog: AddAttributionDialog | None = None
        self.training: TrainingSession | None = None
        self._training_keys: TrainingKeys | None = None
        self._summary_was_visible = False
        self.training_panel = TrainingPanel()
        self.setWindowTitle("attribview")
        self.setAcceptDrops(True)
        self._default_layout = True  # no saved layout: share the space in the first showEvent

        self.welcome = WelcomePage()
        self.article_view = ArticleView()
        self.legend = LegendPanel()
        self.detail = DetailPanel()
        self.library_panel = LibraryPanel()
        self.summary = SummaryPanel()
        self.quote_model = QuoteTableModel(self)
        self.proxy = QuoteFilterModel(self)
        self.proxy.setSourceModel(self.quote_model)
        self.search = QLineEdit()
        self.group_filter = QComboBox()
        self.status_filter = QComboBox()
        self.table = QTableView()
        self._build_article_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.article_page)
        self.setCentralWidget(self.stack)
        self._build_docks()
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_settings()
        self._place_on_screen()

    # building ---------------------------------------------------------------------------------------

    def _build_article_page(self) -> None:
        self.search.setPlaceholderText("Search speakers and quotes  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        for combo, length in ((self.group_filter, 18), (self.status_filter, 12)):
            combo.setMinimumContentsLength(length)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.addItem("All statuses", None)
        text = self.palette().color(QPalette.ColorRole.Text)
        for style in STYLES.values():
            self.status_filter.addItem(status_icon(style.id, text), style.label, style.id)
        self._build_table()
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.group_filter)
        filters.addWidget(self.status_filter)
        quotes = self.quotes_area = QWidget()
        quotes_layout = QVBoxLayout(quotes)
        quotes_layout.setContentsMargins(6, 6, 6, 0)
        quotes_layout.addLayout(filters)
        quotes_layout.addWidget(self.table)

        self.reading_splitter = QSplitter(Qt.Orientation.Vertical)
        self.reading_splitter.addWidget(self.article_view)
        self.reading_splitter.addWidget(quotes)
        self.reading_splitter.setStretchFactor(0, 1)  # a taller window gives its height to the article
        self.reading_splitter.setStretchFactor(1, 0)
        self.reading_splitter.setSizes([520, 300])
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.legend_area = _scrolling(self.legend)
        self.detail_area = _scrolling(self.detail)
        self.training_area = _scrolling(self.training_panel)
        self.side_splitter.addWidget(self.legend_area)
        self.side_splitter.addWidget(self.detail_area)
        self.side_splitter.addWidget(self.training_area)
        self.training_area.hide()
        self.side_splitter.setStretchFactor(0, 1)
        self.side_splitter.setStretchFactor(1, 3)
        self.side_splitter.setSizes([300, 520])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.reading_splitter)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.setStretchFactor(0, 1)  # and its width
        self.main_splitter.setStretchFactor(1, 0)
        self.main_splitter.setSizes([720, 400])
        self.notice_bar = NoticeBar()
        self.article_page = with_notice_bar(self.notice_bar, self.main_splitter)

    def _build_table(self) -> None:
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # article order until the user sorts
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        longest_kind = max(KIND_LABELS.values(), key=self.fontMetrics().horizontalAdvance)
        widths = {Column.SPEAKER: 140, Column.GROUP: 150, Column.STATUS: 105, Column.CONFIDENCE: 44,
                  Column.KIND: self.fontMetrics().horizontalAdvance(longest_kind) + 16}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() restores docks by name
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def _build_docks(self) -> None:
        self.library_dock = self._dock("Library", "library_dock", self.library_panel)
        self.library_dock.setToolTip(tooltip(str(self.library_path)))
        self.summary_dock = self._dock("Sourcing summary", "summary_dock", self.summary)
        self.tabifyDockWidget(self.library_dock, self.summary_dock)
        self.library_dock.raise_()
        self.resizeDocks([self.library_dock], [270], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        self.status_label = plain_label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy indicator: spaCy reports no progress within one article
        self.busy.setMaximumWidth(140)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.counts_label = plain_label()
        bar = self.statusBar()
        bar.addWidget(self.busy)
        bar.addWidget(self.status_label, 1)
        self.profile_label = plain_label()  # which speaker groups the open article is read with
        bar.addPermanentWidget(self.profile_label)
        bar.addPermanentWidget(self.counts_label)

    def _action(self, text: str, slot: Callable[[], object],
                *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever page is showing
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&Open…", self.choose_file, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action("Open &Sample Article", self.open_sample))
        file_menu.addAction(self._action("&Paste Article from Clipboard", self.paste_article, "Ctrl+Shift+V"))
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

    def _build_report_and_exercise_menu(self, file_menu: QMenu) -> None:
        self.report_action = self._action("&Export Sourcing Report…", self.export_report, "Ctrl+E")
        self.pdf_action = self._action("Export Report as P&DF…", self.export_pdf)
        self.print_action = self._action("&Print Report…", self.print_report, QKeySequence.StandardKey.Print)
        for action in (self.report_action, self.pdf_action, self.print_action):
            file_menu.addAction(action)
        self.export_menu = ExportMenu(self, self.tasks, self.desk, article=lambda: self.document,
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
        toolbar = self.addToolBar("Training")
        toolbar.setObjectName("training_toolbar")  # saveState() restores toolbars by name
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
        self.detail.status_edited.connect(self._on_status_edited)
        self.detail.note_edited.connect(self._on_note_edited)
        self.detail.evidence_edited.connect(self._on_evidence_edited)
        self.detail.speaker_edited.connect(self._on_speaker_edited)
        self.article_view.sentence_clicked.connect(self.select_sentence)
        self.training_panel.answer_chosen.connect(self.answer_sentence)
        self.training_panel.check_requested.connect(self.check_answers)
        self.training_panel.sentence_requested.connect(self._on_mistake_picked)

    # opening ----------------------------------------------------------------------------------------

    def start(self, path: str | None = None) -> None:
        """Open the library and load the model in the background, then open ``path`` if given."""
        self.open_library()
        self.tasks.run(lambda: self.analyzer.nlp, message="Loading the language model…",
                       on_success=self._on_model_loaded, on_failure=self._on_task_failed)
        if path:
            self.open_file(path)

    def open_library(self) -> None:
        """Open the library file on the worker; articles opened after this are saved to it."""
        self.tasks.run(self.desk.open, message="", on_success=self._on_library_opened,  # quick: no busy bar
                       on_failure=self._on_library_failed)

    def open_file(self, path: str) -> None:
        """Show the file's text at once (read on the second worker), then its analysis when ready."""
        name = Path(path).name or path
        self._load(lambda: self.desk.load_file(path), f"Analysing {name}…")
        if self.model_ready:
            return  # the analysis follows in a moment: no plain text in between
        generation = self._generation
        self.tasks.run(lambda: read_article(path), message="", reader=True,
                       on_success=lambda source: self._show_plain(generation, source),
                       on_failure=lambda _error: None)  # the analysis reports a file it cannot read

    def _show_plain(self, generation: int, source: object) -> None:
        """The text of a file being analysed, as plain characters, until its highlights are ready."""
        if generation != self._generation or generation == self._analysed \
                or not isinstance(source, SourceText):
            return  # the analysis (or a later open) came first
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()
        self.document = None
        for widget in (self.quote_model, self.legend, self.detail, self.summary):
            widget.set_article(None)
        self.article_view.set_article(None)
        self.article_view.setPlainText(source.text)  # plain text: nothing in it is markup
        self.counts_label.clear()
        self.stack.setCurrentWidget(self.article_page)
        self._share_space()
        self.setWindowTitle(f"{article_title(source, 'article')} — attribview")
        self._update_correction_actions()
        self.text_shown.emit(source.text)

    def open_sample(self) -> None:
        self.open_file(str(sample_article()))

    def open_article(self, article_id: int) -> None:
        """Open an article of the library with its stored quotes and checks."""
        self._load(lambda: self.desk.open_article(article_id), "Opening the article from the library…")

    def choose_file(self) -> None:
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open an article", start, ARTICLE_FILTER)
        if path:
            self.open_file(path)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._report_error("Nothing to paste", "The clipboard holds no text. Copy an article first.")
            return
        self._load(lambda: self.desk.load_text(text), "Analysing the pasted article…")

    def _load(self, work: Callable[[], Document], message: str) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(work, message=message, on_failure=self._on_task_failed,
                       on_success=lambda article: self._on_article_loaded(generation, article))

    def _on_article_loaded(self, generation: int, article: object) -> None:
        if generation == self._generation and isinstance(article, Document):  # a later open wins
            self._analysed = generation
            self.show_article(article)
            if article.stored:
                self.refresh_library()
                self.tasks.run(self.desk.speakers, message="", on_success=self._on_speakers_listed,
                               on_failure=lambda _error: None)  # completion is a convenience

    def _on_library_opened(self, path: object) -> None:
        self.library_ready = True
        self.library_dock.setWindowTitle("Library")
        self.library_opened.emit(path)
        self.refresh_library()

    def _on_library_failed(self, error: BaseException) -> None:
        self.library_dock.setWindowTitle("Library (not open)")
        self._on_task_failed(error)

    def _on_model_loaded(self, _nlp: object) -> None:
        self.model_ready = True
        self.model_loaded.emit()
        if not self.tasks.is_busy():
            self.status_label.setText("Ready.")

    def _on_task_failed(self, error: BaseException) -> None:
        if isinstance(error, AttribviewError):
            self._report_error("attribview", str(error))
        else:
            self._report_error("attribview: unexpected error",
                               f"{type(error).__name__}: {error}\n\nThis is a bug; details are in the log.")
        self.status_label.setText("")

    def _show_error_box(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names, never markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # the library ------------------------------------------------------------------------------------

    def refresh_library(self) -> None:
        """List the library's articles with their progress again (after an import or a check)."""
        if self.library_ready:
            self.tasks.run(self.desk.progress, message="", on_success=self._on_library_listed,
                           on_failure=self._on_task_failed)

    def _on_library_listed(self, articles: object) -> None:
        if isinstance(articles, list):
            self.library_panel.set_progress([a for a in articles if isinstance(a, ArticleProgress)])
            self.library_listed.emit(articles)

    def _on_speakers_listed(self, speakers: object) -> None:
        if self.document is not None and isinstance(speakers, list):
            self.detail.set_known_speakers(self.document.known_speakers(speakers))

    # showing ----------------------------------------------------------------------------------------

    def show_article(self, article: Document) -> None:
        """Put an analysed article on screen (public so tests can pass a ready Document)."""
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()  # undo acts on the article on screen only, never on one that is not
        self.document = article
        self.quote_model.set_article(article)
        self.article_view.set_article(article)
        self.legend.set_article(article)
        self.detail.set_article(article)
        self.detail.set_known_speakers(article.known_speakers())
        self.summary.set_article(article)
        self.notice_bar.show_language(article.analysis)
        self.profile_label.setText(f"Profile: {article.profile_label or 'none'}")
        self.library_panel.set_current(article.article_id)
        self.search.clear()
        self._fill_group_filter(article)
        self.proxy.set_group(None)
        shown = self.stack.currentWidget() is self.article_page  # its plain text was: rows show later
        self.stack.setCurrentWidget(self.article_page)
        if shown and self._default_layout:
            QTimer.singleShot(0, self._share_space)  # once the legend's new rows are shown (queued)
        else:
            self._share_space()
        self._fit_columns()
        profile = f" — {article.profile_label}" if article.profile_label else ""
        self.setWindowTitle(f"{article.title}{profile} — attribview")
        self._show_counts()
        self.status_label.setText(f"Opened {article.title}." if article.stored or not self.library_ready
                                  else f"Opened {article.title} (not saved: no library).")
        if article.path is not None:
            self._remember(article.path)
        self._update_correction_actions()
        self.article_shown.emit(article)

    def _fill_group_filter(self, article: Document) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        base = self.palette().color(QPalette.ColorRole.Base)
        self.group_filter.addItem("All groups", None)
        for style in article.groups:
            if style.quotes:
                self.group_filter.addItem(swatch_icon(style.colour, base), style.label, style.id)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(current)))
        self.group_filter.blockSignals(False)

    def _show_counts(self) -> None:
        article = self.document
        if article is None:
            self.counts_label.clear()
            return
        analysis = article.analysis
        stances = sum(1 for quote in analysis.quotes if quote.is_stance)
        counts = (f"{plural(len(analysis.quotes) - stances, 'quote')} · "
                  f"{plural(len(analysis.sentences), 'sentence')}")
        if stances:  # "wants to ...", "endorsed ...": held, not said
            counts = f"{counts} · {plural(stances, 'stance')}"
        if article.stored:
            checked = sum(1 for row in article.rows if is_checked(row.status))
            counts += f" · {checked} checked"
        self.counts_label.setText(counts)

    def _update_document(self, article: Document) -> None:
        """The open article after a saved change: every view follows, selection and scroll stay."""
        old = self.document
        self.document = article
        self.quote_model.update_article(article)
        self.article_view.update_article(article)  # redrawn only if a speaker or group changed
        if old is None or old.analysis != article.analysis:  # a speaker or group changed
            self.legend.update_article(article)
            self.summary.set_article(article)
            self._fill_group_filter(article)
            self._fit_columns()
        self.detail.update_article(article)
        self._show_counts()
        self._update_correction_actions()

    def close_article(self) -> None:
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()
        self._generation += 1
        self.document = None
        for widget in (self.quote_model, self.article_view, self.legend, self.detail, self.summary):
            widget.set_article(None)
        self.library_panel.set_current(None)
        self.counts_label.clear()
        self.profile_label.clear()
        self.setWindowTitle("attribview")
        self.stack.setCurrentWidget(self.welcome)
        self._update_correction_actions()

    def select_quote(self, quote_index: int) -> None:
        """Select the quote's row (clearing filters that hide it); the article follows the table."""
        row = self.proxy.proxy_row(quote_index)
        if row < 0:
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            row = self.proxy.proxy_row(quote_index)
        self._select_row(row)

    def current_quote(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(QUOTE_ROLE)) if rows else None

    def next_quote(self) -> None:
        self._step(1)

    def previous_quote(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = self.proxy.rowCount()
        if count == 0 or self.stack.currentWidget() is not self.article_page:
            return
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() + delta if rows else (0 if delta > 0 else count - 1)
        self._select_row(max(0, min(count - 1, row)))

    def _select_row(self, row: int) -> None:
        """Select a row of the table as it is filtered and sorted, and show it."""
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.article_page:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def show_all_groups(self) -> None:
        article = self.article_view.article
        if article is not None:
            for style in article.groups:
                self.legend.set_group_visible(style.id, True)

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.detail.commit_pending()  # a note typed for the previous quote is saved to that quote
        quote = self.current_quote()
        self.detail.show_quote(quote)
        self._update_correction_actions()
        if quote is not None:
            self.article_view.select_quote(quote)
            row = self.document.row(quote) if self.document is not None else None
            if row is not None:
                quote_id = row.id
                self.tasks.run(lambda: self.desk.details(quote_id), message="",
                               on_success=self._on_details_loaded, on_failure=self._on_task_failed)

    def _on_details_loaded(self, details: object) -> None:
        if isinstance(details, QuoteDetails):
            self.detail.set_details(details)
            if self.detail.quote_id == details.row.id:
                self.details_shown.emit(details)

    def _on_group_filter_changed(self, index: int) -> None:
        data = self.group_filter.itemData(index)
        self.proxy.set_group(data if isinstance(data, str) else None)

    def _on_status_filter_changed(self, index: int) -> None:
        data = self.status_filter.itemData(index)
        self.proxy.set_status(data if isinstance(data, str) else None)

    def _on_tasks_busy_changed(self, busy: bool, message: str) -> None:
        self.busy.setVisible(busy)
        self.status_label.setText(message if busy else ("Ready." if self.model_ready else ""))
        self.welcome.status.setText(message if busy else "")

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
        self.tasks.run(lambda: self.desk.set_verification(quote_id, status=status, note=note,
                                                          evidence=evidence, who=who),
                       message="", on_success=lambda details: self._on_quote_saved(details, what),
                       on_failure=lambda error: self._on_save_failed(quote_id, error))

    def _save_speaker(self, quote_id: int, speaker: str | None, group: str | None, by_hand: bool) -> None:
        what = f"speaker set to {speaker or 'unknown'}"
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.restore_speaker(quote_id, speaker, group, by_hand, who=who),
                       message="",
                       on_success=lambda details: self._on_quote_saved(details, what),
                       on_failure=lambda error: self._on_save_failed(quote_id, error))

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
        self.tasks.run(lambda: self.desk.reject(quote_id, rejected, who=who), message="",
                       on_success=lambda changed: self._on_quotes_changed(changed, what),
                       on_failure=self._on_task_failed)

    def _save_new_quote(self, new: NewQuote) -> None:
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.add_quote(new, who=who), message="",
                       on_success=lambda changed: self._on_quotes_changed(changed, "attribution added"),
                       on_failure=self._on_task_failed)

    def _reject_new_quote(self, new: NewQuote, rejected: bool) -> None:
        what = "added attribution taken back" if rejected else "attribution added"
        who = self.checker.name()
        self.tasks.run(lambda: self.desk.reject_new(new, rejected, who=who), message="",
                       on_success=lambda changed: self._on_quotes_changed(changed, what),
                       on_failure=self._on_task_failed)

    def _on_quotes_changed(self, changed: object, what: str) -> None:
        """A quote added, rejected or restored: the open article shows the library's quotes again."""
        if not isinstance(changed, QuotesChanged):
            return
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
        self.refresh_library()
        self.quotes_changed.emit(changed)

    def _on_quote_saved(self, details: object, what: str) -> None:
        if not isinstance(details, QuoteDetails):
            return
        if self.document is not None and self.document.index_of(details.row.id) is not None:
            self._update_document(self.document.with_row(details.row))
        self.detail.set_details(details)
        self.status_label.setText(f"Saved: {what}.")
        self.refresh_library()
        self.quote_saved.emit(details)

    def _on_save_failed(self, quote_id: int, error: BaseException) -> None:
        self._on_task_failed(error)
        if self.detail.quote_id == quote_id:  # show what the library holds, not what failed to save
            self.tasks.run(lambda: self.desk.details(quote_id), message="",
                           on_success=self._on_details_loaded, on_failure=lambda _error: None)

    # the sourcing report ---------------------------------------------------------------------------

    def _report_article(self) -> Document | None:
        if self.document is None or self.stack.currentWidget() is not self.article_page:
            self.status_label.setText("Open an article first: the report is of the open article.")
            return None
        return self.document

    def report_file_name(self, suffix: str) -> str:
        """The name offered for the open article's report: its title, as the library shows it."""
        return f"{file_stem(self.document.title) if self.document is not None else 'article'}-report{suffix}"

    def _report_path(self, caption: str, suffix: str, name_filter: str) -> str:
        name = self.report_file_name(suffix)
        start = str(Path(self._recent()[0]).parent / name) if self._recent() else name
        path, _ = QFileDialog.getSaveFileName(self, caption, start, name_filter)
        return path

    def export_report(self, path: str | None = None) -> str | None:
        """Save the open article's sourcing report as one self-contained HTML file."""
        return self._export(path, write_html, "Export the sourcing report", ".html", "HTML (*.html *.htm)")

    def export_pdf(self, path: str | None = None) -> str | None:
        """Print the open article's sourcing report to a PDF file."""
        return self._export(path, write_pdf, "Export the report as PDF", ".pdf", "PDF (*.pdf)")

    def _export(self, path: str | None, write: Callable[[str, str], None], caption: str, suffix: str,
                name_filter: str) -> str | None:
        """Write the open article's report to ``path`` (asked for when None); the path, or None."""
        article = self._report_article()
        if article is None:
            return None
        path = path or self._report_path(caption, suffix, name_filter)
        if not path:
            return None
        try:
            write(document_report(article), path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        self.status_label.setText(f"Report saved to {Path(path).name}.")
        return path

    def print_report(self) -> None:
        article = self._report_article()
        if article is not None and print_report(document_report(article), self):
            self.status_label.setText("Report sent to the printer.")

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
        self.table.clearSelection()
        self.training = session
        self.article_view.set_training(session)
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.training_panel.set_session(session)
        for widget in (self.quotes_area, self.legend_area, self.detail_area):
            widget.hide()
        self.summary_dock.hide()
        self.training_area.show()
        self.stack.setCurrentWidget(self.article_page)
        self.setWindowTitle(f"Training: {session.exercise.title} — attribview")
        if self._training_keys is None:
            self._training_keys = TrainingKeys(self, self.answer_digit, self.move_sentence)
        self._sync_training_actions()
        self._update_correction_actions()

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
        if self._summary_was_visible:
            self.summary_dock.show()
        if self.document is None:
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("attribview")
        else:
            profile = f" — {self.document.profile_label}" if self.document.profile_label else ""
            self.setWindowTitle(f"{self.document.title}{profile} — attribview")
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
        self.status_label.setText(f"{score.right} of {score.total} right"
                                  + (f"; missed: {missed}." if missed else "."))
        return score

    def _on_mistake_picked(self, index: int) -> None:
        self.select_sentence(index)
        self.article_view.show_sentence(index)

    def _training_path(self, caption: str, suffix: str, *, save: bool) -> str:
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        if save:
            title = self.training.exercise.title if self.training is not None else \
                self.document.title if self.document is not None else "exercise"
            name = f"{file_stem(title)}{suffix}"
            start = str(Path(start) / name) if start else name
            path, _ = QFileDialog.getSaveFileName(self, caption, start, EXERCISE_FILTER)
        else:
            path, _ = QFileDialog.getOpenFileName(self, caption, start, EXERCISE_FILTER)
        return path

    def _exercise_to_save(self, keyless: str) -> tuple[Exercise, str] | None:
        """The open article as an exercise (with how its key was made); in training on an opened
        exercise, that exercise; None (and the message ``keyless`` for a copy without key) if none."""
        of_article = self.training is None or self.training.origin == ARTICLE_ORIGIN
        if self.document is not None and of_article:
            what = "with the library's corrections" if self.document.stored \
                else "with the engine's attribution (the article is not in the library: no corrections)"
            return exercise_of(self.document), what
        if self.training is not None and self.training.exercise.keyed:
            return self.training.exercise, "as opened"
        self.status_label.setText(keyless if self.training is not None else
                                  "Open an article first: the exercise is made of the open article.")
        return None

    def save_exercise(self, path: str | None = None) -> str | None:
        """Save the open article as an exercise with its answer key (the trainer's file)."""
        chosen = self._exercise_to_save("This copy has no answer key to save: open the trainer's key file.")
        if chosen is None:
            return None
        exercise, what = chosen
        path = path or self._training_path("Save the exercise", ".exercise.json", save=True)
        if not path or not self._write_exercise(exercise, path):
            return None
        self.status_label.setText(f"Exercise saved to {Path(path).name}, {what}.")
        return path

    def save_exercise_without_answers(self, path: str | None = None) -> tuple[str, str] | None:
        """Save the trainees' copy (the article and the groups, no answers) and, beside it, the key
        (``NAME.key.json``) the trainer scores their attempts with. Returns (copy, key)."""
        chosen = self._exercise_to_save("This is already the trainees' copy: it has no answers to leave out.")
        if chosen is None:
            return None
        exercise, what = chosen
        path = path or self._training_path("Save the exercise for trainees", ".exercise.json", save=True)
        if not path:
            return None
        key = str(Path(path).with_name(f"{Path(path).name.removesuffix('.json').removesuffix('.exercise')}"
                                       ".key.json"))
        if not self._write_exercise(exercise, key) or not self._write_exercise(exercise.without_key(), path):
            return None
        self.status_label.setText(f"Trainees' copy saved to {Path(path).name} (no answers); keep the key "
                                  f"{Path(key).name}, {what}.")
        return path, key

    def _write_exercise(self, exercise: Exercise, path: str) -> bool:
        try:
            save_exercise(exercise, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        return True

    def class_report(self, key: str | None = None, attempts: Sequence[str] | None = None) -> \
            ClassReportDialog | None:
        """Score a class: the key file and the attempt files (asked for when not given), in a table."""
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        key = key or QFileDialog.getOpenFileName(self, "The exercise's key file", start, EXERCISE_FILTER)[0]
        if not key:
            return None
        if attempts is None:
            attempts = QFileDialog.getOpenFileNames(self, "The trainees' attempt files",
                                                    str(Path(key).parent), EXERCISE_FILTER)[0]
        if not attempts:
            return None
        try:
            dialog = ClassReportDialog.of_files(key, attempts, self)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        dialog.show()
        self.status_label.setText(f"Class report: {plural(len(attempts), 'attempt')} scored against "
                                  f"{Path(key).name}.")
        return dialog

    def open_exercise(self, path: str | None = None) -> bool:
        """Open an exercise file in training mode: its own text, groups and colours; no analysis."""
        path = path or self._training_path("Open an exercise", "", save=False)
        if not path:
            return False
        try:
            exercise = load_exercise(path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        self._enter_training(TrainingSession(exercise, origin=Path(path).name))
        self.status_label.setText(f"Opened the exercise {Path(path).name}: click a sentence, then answer.")
        return True

    def save_attempt(self, path: str | None = None) -> str | None:
        if self.training is None:
            return None
        path = path or self._training_path("Save your attempt", ".attempt.json", save=True)
        if not path:
            return None
        try:
            save_attempt(self.training.exercise, self.training.answers, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        self.status_label.setText(f"Attempt saved to {Path(path).name}.")
        return path

    def open_attempt(self, path: str | None = None) -> bool:
        """Load saved answers to the exercise in training (not checked until Check)."""
        if self.training is None:
            self.status_label.setText("Open the exercise first, then its attempt.")
            return False
        path = path or self._training_path("Open an attempt", "", save=False)
        if not path:
            return False
        try:
            answers = load_attempt(self.training.exercise, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        self.training.answers = dict(answers)
        self.training.score = None
        self._refresh_training()
        self.status_label.setText(f"Opened the attempt {Path(path).name}: Check to see the score.")
        return True

    # presentation: for a classroom ----------------------------------------------------------------

    @property
    def text_scale(self) -> float:
        value = self.settings.value("presentation/text_scale", 1.0, type=float)
        return float(value) if isinstance(value, (int, float)) else 1.0

    def set_text_scale(self, scale: float) -> None:
        scale = round(max(MIN_SCALE, min(MAX_SCALE, scale)), 3)
        self.settings.setValue("presentation/text_scale", scale)
        self._apply_presentation()

    def larger_text(self) -> None:
        self.set_text_scale(self.text_scale * SCALE_STEP)

    def smaller_text(self) -> None:
        self.set_text_scale(self.text_scale / SCALE_STEP)

    def _on_contrast_toggled(self) -> None:
        self.settings.setValue("presentation/high_contrast", self.contrast_action.isChecked())
        self._apply_presentation()

    def _on_full_screen_toggled(self) -> None:
        checked = self.full_screen_action.isChecked()
        self.settings.setValue("presentation/full_screen", checked)
        if checked:
            self.showFullScreen()
        else:
            self.showNormal()

    def _apply_presentation(self) -> None:
        contrast = bool(self.settings.value("presentation/high_contrast", False, type=bool))
        self.contrast_action.setChecked(contrast)
        self.article_view.set_presentation(self.text_scale, contrast)
        self.training_panel.set_presentation(self.text_scale, contrast)

    # files, settings --------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_file(urls[0].toLocalFile())

    def _recent(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path, *(p for p in self._recent() if p != path)][:MAX_RECENT]
        self.settings.setValue("recent_files", recent)
        self._refresh_recent(recent)

    def _refresh_recent(self, recent: list[str]) -> None:
        self.recent_menu.clear()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
            action.setToolTip(tooltip(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(recent))
        self.welcome.set_recent_files(recent)

    def _restore_settings(self) -> None:
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in self._splitters().items():
            saved = self.settings.value(f"window/{key}")
            if saved is not None:
                splitter.restoreState(saved)
                self._default_layout = False
        self._refresh_recent(self._recent())
        self._apply_presentation()
        if self.settings.value("presentation/full_screen", False, type=bool):
            self.full_screen_action.setChecked(True)
            self.showFullScreen()
        self._sync_training_actions()

    def _place_on_screen(self) -> None:
        """The saved place if it fits this screen (moved into it otherwise), else one from the screen."""
        available = self.screen().availableGeometry()
        geometry = self.settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self.setGeometry(within(self.geometry(), available))
            return
        self.setGeometry(window_rect(available))
        if is_small(available) and self.settings.value("window/state") is None:
            self.library_dock.hide()  # a laptop's width goes to the article; Ctrl+L shows the library
            self.summary_dock.hide()

    def _share_space(self) -> None:
        """The first article on screen, with no saved layout: article, table and side panels share the
        window as ``gui.layout`` says (the legend's needs are known only once it shows an article)."""
        if self._default_layout and self.isVisible():
            self._default_layout = self.document is None  # plain text first: again once analysed
            share_columns(self.main_splitter, self.legend, self.width())
            share_reading(self.reading_splitter)
            share_side(self.side_splitter, self.legend)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        frame = self.frameGeometry()  # a title bar is known only now: keep the frame on the screen
        inside = within(frame, self.screen().availableGeometry())
        if inside != frame:
            self.setGeometry(self.geometry().adjusted(
                inside.left() - frame.left(), inside.top() - frame.top(),
                inside.right() - frame.right(), inside.bottom() - frame.bottom()))

    def _fit_columns(self) -> None:
        fit_columns(self.table, SHORT_COLUMNS, self.main_splitter.sizes()[0])

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main_splitter": self.main_splitter, "reading_splitter": self.reading_splitter,
                "side_splitter": self.side_splitter}

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.detail.commit_pending()  # a note still being typed is saved before the library closes
            self.tasks.run(self.desk.close, message="", on_success=lambda _result: None,
                           on_failure=lambda _error: None)
            self.tasks.wait()
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            for key, splitter in self._splitters().items():
                self.settings.setValue(f"window/{key}", splitter.saveState())
            self.settings.sync()
        super().closeEvent(event)
