"""Starts the viewer: the window appears at once, the model loads behind it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from attribview.gui.main_window import MainWindow


def run(path: str | None = None, library_path: str | Path | None = None) -> int:
    """Show the main window, open the library (the user's by default) and load the model in the
    background, open ``path`` if given; the exit status."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("attribview")
    app.setApplicationName("attribview")
    app.setApplicationDisplayName("attribview")
    window = MainWindow(library_path=library_path)
    window.show()
    window.start(path)
    status = app.exec()
    window.tasks.wait()  # a model load still running must finish before Python tears Qt down
    return status
