"""The window's parts: the default error reporter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.main_window import MainWindow

#: Loading spaCy and analysing take seconds; a slow CI machine may need far more.
SLOW = 60_000


def test_default_error_reporter_is_a_message_box(qtbot: QtBot, analyzer: Analyzer, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(analyzer=analyzer, settings=settings, library_path=tmp_path / "library.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.open_file(str(tmp_path / "missing.txt"))

    def box() -> QMessageBox | None:
        return next((b for b in window.findChildren(QMessageBox) if b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=SLOW)
    found = box()
    assert found is not None and "missing.txt: no such file" in found.text()
    found.close()
    assert window.tasks.wait(SLOW)
    window.close()
