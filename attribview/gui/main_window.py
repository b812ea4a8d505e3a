"""The main window: welcome screen or the article with its legend, quote table and detail panel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from attribview.errors import AttribviewError
from attribview.gui.article_view import ArticleView
from attribview.gui.detail_panel import DetailPanel
from attribview.gui.document import Document, load_file, load_text
from attribview.gui.legend import LegendPanel, swatch_icon
from attribview.gui.quote_model import QUOTE_ROLE, Column, QuoteFilterModel, QuoteTableModel
from attribview.gui.tasks import TaskManager
from attribview.gui.welcome import WelcomePage
from attribview.paths import sample_article

log = logging.getLogger("attribview.gui")

MAX_RECENT = 8
ARTICLE_FILTER = "Articles (*.txt *.text *.html *.htm);;All files (*)"
ErrorReporter = Callable[[str, str], None]


def _scrolling(widget: QWidget) -> QScrollArea:
    """A side panel that scrolls rather than clips when the splitter makes it small."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class MainWindow(QMainWindow):
    """The viewer's one window. ``start()`` loads the model in the background; nothing here blocks.

    Args:
        analyzer: the engine facade (its model loads on the worker thread); a new one by default.
        settings: where geometry and recent files persist; the user's ``attribview`` settings by default.
        report_error: shows (title, message) to the user; a message box by default.

    Signals:
        article_shown: the Document now on screen
    """

    article_shown = Signal(object)

    def __init__(self, analyzer: Analyzer | None = None, settings: QSettings | None = None,
                 report_error: ErrorReporter | None = None) -> None:
        super().__init__()
        self.analyzer = analyzer if analyzer is not None else Analyzer()
        self.settings = settings if settings is not None else QSettings("attribview", "attribview")
        self._report_error = report_error if report_error is not None else self._show_error_box
        self.tasks = TaskManager(self)
        self._generation = 0
        self.model_ready = False
        self.setWindowTitle("attribview")
        self.setAcceptDrops(True)
        self.resize(1360, 860)

        self.welcome = WelcomePage()
        self.article_view = ArticleView()
        self.legend = LegendPanel()
        self.detail = DetailPanel()
        self.quote_model = QuoteTableModel(self)
        self.proxy = QuoteFilterModel(self)
        self.proxy.setSourceModel(self.quote_model)
        self.search = QLineEdit()
        self.group_filter = QComboBox()
        self.table = QTableView()
        self._build_article_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.article_page)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_settings()

    # building ---------------------------------------------------------------------------------------

    def _build_article_page(self) -> None:
        self.search.setPlaceholderText("Search speakers and quotes  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.group_filter.setMinimumContentsLength(22)
        self.group_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
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
        widths = {Column.SPEAKER: 230, Column.GROUP: 230, Column.KIND: 130, Column.CONFIDENCE: 60}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.group_filter)
        quotes = QWidget()
        quotes_layout = QVBoxLayout(quotes)
        quotes_layout.setContentsMargins(6, 6, 6, 0)
        quotes_layout.addLayout(filters)
        quotes_layout.addWidget(self.table)

        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.addWidget(_scrolling(self.legend))
        self.side_splitter.addWidget(_scrolling(self.detail))
        self.side_splitter.setSizes([380, 320])
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(self.article_view)
        self.top_splitter.addWidget(self.side_splitter)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([930, 400])
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(quotes)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([560, 240])
        self.article_page = self.main_splitter

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy indicator: spaCy reports no progress within one article
        self.busy.setMaximumWidth(140)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        bar = self.statusBar()
        bar.addWidget(self.busy)
        bar.addWidget(self.status_label, 1)
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
        close = self._action("&Close Article", self.close_article, QKeySequence.StandardKey.Close)
        file_menu.addAction(close)
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addAction(self._action("&Next Quote", self.next_quote, "J", "Ctrl+Down"))
        go_menu.addAction(self._action("&Previous Quote", self.previous_quote, "K", "Ctrl+Up"))
        go_menu.addAction(self._action("&Find Quote", self.focus_search, QKeySequence.StandardKey.Find))
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self._action("Show &All Groups", self.show_all_groups))

    def _connect(self) -> None:
        self.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.open_requested.connect(self.choose_file)
        self.welcome.paste_requested.connect(self.paste_article)
        self.welcome.recent_requested.connect(self.open_file)
        self.legend.visibility_changed.connect(self.article_view.set_visible_groups)
        self.article_view.quote_clicked.connect(self.select_quote)
        self.search.textChanged.connect(self.proxy.set_search)
        self.group_filter.currentIndexChanged.connect(self._on_group_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    # opening ----------------------------------------------------------------------------------------

    def start(self, path: str | None = None) -> None:
        """Load the model in the background, then open ``path`` (queued behind the load) if given."""
        self.tasks.run(lambda: self.analyzer.nlp, message="Loading the language model…",
                       on_success=self._on_model_loaded, on_failure=self._on_task_failed)
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        name = Path(path).name or path
        self._load(lambda: load_file(self.analyzer, path), f"Analysing {name}…")

    def open_sample(self) -> None:
        self.open_file(str(sample_article()))

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
        self._load(lambda: load_text(self.analyzer, text), "Analysing the pasted article…")

    def _load(self, work: Callable[[], Document], message: str) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(work, message=message, on_failure=self._on_task_failed,
                       on_success=lambda article: self._on_article_loaded(generation, article))

    def _on_article_loaded(self, generation: int, article: object) -> None:
        if generation == self._generation and isinstance(article, Document):  # a later open wins
            self.show_article(article)

    def _on_model_loaded(self, _nlp: object) -> None:
        self.model_ready = True
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

    # showing ----------------------------------------------------------------------------------------

    def show_article(self, article: Document) -> None:
        """Put an analysed article on screen (public so tests can pass a ready Document)."""
        self.quote_model.set_article(article)
        self.article_view.set_article(article)
        self.legend.set_article(article)
        self.detail.set_article(article)
        self.search.clear()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        base = self.palette().color(QPalette.ColorRole.Base)
        self.group_filter.addItem("All groups", None)
        for style in article.groups:
            if style.quotes:
                self.group_filter.addItem(swatch_icon(style.colour, base), style.label, style.id)
        self.group_filter.blockSignals(False)
        self.proxy.set_group(None)
        self.stack.setCurrentWidget(self.article_page)
        profile = f" — {article.profile_label}" if article.profile_label else ""
        self.setWindowTitle(f"{article.title}{profile} — attribview")
        analysis = article.analysis
        self.counts_label.setText(f"{len(analysis.quotes)} quotes · {len(analysis.sentences)} sentences")
        self.status_label.setText(f"Opened {article.title}.")
        if article.path is not None:
            self._remember(article.path)
        self.article_shown.emit(article)

    def close_article(self) -> None:
        self._generation += 1
        for widget in (self.quote_model, self.article_view, self.legend, self.detail):
            widget.set_article(None)
        self.counts_label.clear()
        self.setWindowTitle("attribview")
        self.stack.setCurrentWidget(self.welcome)

    def select_quote(self, quote_index: int) -> None:
        """Select the quote's row (clearing filters that hide it); the article follows the table."""
        row = self.proxy.proxy_row(quote_index)
        if row < 0:
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
            row = self.proxy.proxy_row(quote_index)
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))

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
        row = max(0, min(count - 1, row))
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
        quote = self.current_quote()
        self.detail.show_quote(quote)
        if quote is not None:
            self.article_view.select_quote(quote)

    def _on_group_filter_changed(self, index: int) -> None:
        data = self.group_filter.itemData(index)
        self.proxy.set_group(data if isinstance(data, str) else None)

    def _on_tasks_busy_changed(self, busy: bool, message: str) -> None:
        self.busy.setVisible(busy)
        self.status_label.setText(message if busy else ("Ready." if self.model_ready else ""))
        self.welcome.status.setText(message if busy else "")

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
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(recent))
        self.welcome.set_recent_files(recent)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in self._splitters().items():
            saved = self.settings.value(f"window/{key}")
            if saved is not None:
                splitter.restoreState(saved)
        self._refresh_recent(self._recent())

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main_splitter": self.main_splitter, "top_splitter": self.top_splitter,
                "side_splitter": self.side_splitter}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for key, splitter in self._splitters().items():
            self.settings.setValue(f"window/{key}", splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
