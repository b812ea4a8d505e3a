"""The main window: welcome screen or the article with its legend, quote table and detail panel.

The window is composed of its parts in ``gui.window``, one module per seam: the widgets and state
(``parts``), menus and actions, opening, the article on screen, the desk, the report, training, exercise
files, presentation and recent files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent

from attribview.core.analysis import Analyzer
from attribview.gui.tasks import Lane
from attribview.gui.window.menus import MenuActions
from attribview.gui.window.parts import ErrorReporter


class MainWindow(MenuActions):
    """The viewer's one window. ``start()`` opens the library and loads the model in the background.

    Every call on the library or the engine runs on a worker thread of ``tasks``; nothing here blocks.
    Arguments and signals: see ``WindowParts``.
    """

    def __init__(self, analyzer: Analyzer | None = None, settings: QSettings | None = None,
                 report_error: ErrorReporter | None = None, library_path: str | Path | None = None) -> None:
        super().__init__(analyzer, settings, report_error, library_path)
        self._build_menus()
        self._connect()
        self._restore_settings()
        self._place_on_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.detail.commit_pending()  # a note still being typed is saved before the library closes
            self.tasks.run(self._close_desk, lane=Lane.DESK, on_success=lambda _none: None,
                           on_failure=lambda _error: None)
            self.tasks.shutdown()  # returns at once: an analysis still running finishes unseen
            self.leave_training()  # the docks training hid are saved as they were before it
            self._save_layout()
        super().closeEvent(event)
