"""The window's widgets and state, built once; the window's other parts (``gui.window``) act on them."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
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
from attribview.core.types import KIND_LABELS
from attribview.gui.add_quote import AddAttributionDialog
from attribview.gui.article_view import ArticleView
from attribview.gui.checker import Checker
from attribview.gui.detail_panel import DetailPanel
from attribview.gui.document import Document
from attribview.gui.layout import RefitOnResize
from attribview.gui.legend import LegendPanel
from attribview.gui.library_panel import LibraryPanel
from attribview.gui.notices import NoticeBar, with_notice_bar
from attribview.gui.plain import plain_label
from attribview.gui.profile_choice import ProfileChoice
from attribview.gui.quote_model import Column, QuoteFilterModel, QuoteTableModel
from attribview.gui.status import STYLES, status_icon
from attribview.gui.summary import SummaryPanel
from attribview.gui.tasks import TaskManager
from attribview.gui.training import TrainingPanel, TrainingSession
from attribview.gui.training_view import TrainingKeys
from attribview.gui.welcome import WelcomePage

if TYPE_CHECKING:
    from attribview.gui.desk import Desk, QuoteDetails

log = logging.getLogger("attribview.gui")


ErrorReporter = Callable[[str, str], None]


def _scrolling(widget: QWidget) -> QScrollArea:
    """A side panel that scrolls rather than clips when the splitter makes it small."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class WindowParts(QMainWindow):
    """The window's widgets, state and signals, which every part of ``gui.window`` acts on; ``MainWindow``
    composes the parts. Every call on the library or the engine runs on a worker of ``tasks``.

    Args:
        analyzer: the engine facade (its model loads on the worker thread); a new one by default.
        settings: where geometry and recent files persist; the user's ``attribview`` settings by default.
        report_error: shows (title, message) to the user; a message box by default.
        library_path: the library file or database URL; the user's library by default.

    Signals:
        article_shown: the Document now on screen
        sentences_shown: the Document on screen once an older article's sentences, found after it was
            shown, are highlighted in place (the selection, caret and scroll kept)
        library_opened: the library file's path, once it is open
        library_listed: the library's articles (a list of ArticleProgress), after each refresh
        details_shown: the QuoteDetails the detail panel now shows
        quote_saved: the QuoteDetails of a quote just saved (a status, a note, a speaker, an undo)
        quotes_changed: the QuotesChanged after a quote was rejected, added or restored (and its undo)
        model_loaded: the language model is loaded (articles now open without waiting for it)
        text_shown: a file's text, shown as plain text while it is analysed
        conflict_shown: "changed by <name> at <time>": another checker saved a quote since it was shown
        imported: the ImportReport of an import from the viewer (a folder, dropped files), done or cancelled
    """

    # Actions made by the menus, and the methods one part calls on another: declared here (no value), so
    # that each part, a subclass of this one, is type-checked against what the others provide.
    recent_menu: QMenu
    reject_action: QAction
    add_quote_action: QAction
    training_action: QAction
    check_action: QAction
    save_attempt_action: QAction
    open_attempt_action: QAction
    contrast_action: QAction
    full_screen_action: QAction
    open_file: Callable[[str], None]
    refresh_library: Callable[[], None]
    _on_task_failed: Callable[[BaseException], None]
    show_article: Callable[[Document], None]
    select_quote: Callable[[int], None]
    current_quote: Callable[[], int | None]
    _select_row: Callable[[int], None]
    _update_document: Callable[[Document], None]
    _on_details_loaded: Callable[[QuoteDetails], None]
    _update_correction_actions: Callable[[], None]
    _enter_training: Callable[[TrainingSession], None]
    leave_training: Callable[[], None]
    _sync_training_actions: Callable[[], None]
    _refresh_training: Callable[[], None]
    _share_space: Callable[[], None]
    _fit_columns: Callable[[], None]
    _on_table_resized: Callable[[], None]
    _recent: Callable[[], list[str]]
    _remember: Callable[[str], None]
    _refresh_recent: Callable[[list[str]], None]

    article_shown = Signal(object)
    sentences_shown = Signal(object)
    library_opened = Signal(object)
    library_listed = Signal(object)
    details_shown = Signal(object)
    quote_saved = Signal(object)
    quotes_changed = Signal(object)
    model_loaded = Signal()
    text_shown = Signal(str)
    conflict_shown = Signal(str)
    imported = Signal(object)

    def __init__(self, analyzer: Analyzer | None = None, settings: QSettings | None = None,
                 report_error: ErrorReporter | None = None, library_path: str | Path | None = None) -> None:
        super().__init__()
        self.analyzer = analyzer if analyzer is not None else Analyzer()
        self.settings = settings if settings is not None else QSettings("attribview", "attribview")
        self.checker = Checker(self.settings, self)
        self._report_error = report_error if report_error is not None else self._show_error_box
        self._library_wanted = library_path
        self._desk: Desk | None = None
        self._desk_lock = threading.Lock()
        self._library_settled = threading.Event()  # cleared while the library opens
        self._library_settled.set()
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
        self._library_was_visible = False
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
        RefitOnResize(self.table, self._on_table_resized)  # "What was said" keeps in sight

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() restores docks by name
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def _build_docks(self) -> None:
        self.library_dock = self._dock("Library", "library_dock", self.library_panel)
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
        self.profile_choice = ProfileChoice()  # which speaker groups the open article is read with
        bar.addPermanentWidget(self.profile_choice)
        bar.addPermanentWidget(self.counts_label)

    def _show_error_box(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names, never markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @property
    def desk(self) -> Desk:
        """The library behind the desk, made on first use, on a worker: the store's SQLAlchemy stack loads
        there, after the window's first paint. Only the workers call it."""
        with self._desk_lock:
            if self._desk is None:
                from attribview.core.library import library_location  # noqa: PLC0415 - after the paint
                from attribview.gui.desk import Desk  # noqa: PLC0415

                # a URL keeps its //, loses its password
                self._desk = Desk(self.analyzer, library_location(self._library_wanted))
            return self._desk

    def _close_desk(self) -> None:
        """Close the library, if it was ever made (on the desk worker, after its last saves)."""
        with self._desk_lock:
            if self._desk is not None:
                self._desk.close()
