"""Starts the viewer: the window appears at once, the model loads behind it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from attribview.gui.main_window import MainWindow


def run(path: str | None = None) -> int:
    """Show the main window, load the model in the background, open ``path`` if given; exit status."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("attribview")
    app.setApplicationName("attribview")
    app.setApplicationDisplayName("attribview")
    window = MainWindow()
    window.show()
    window.start(path)
    status = app.exec()
    window.tasks.wait()  # a model load still running must finish before Python tears Qt down
    return status
