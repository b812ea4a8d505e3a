"""GUI fixtures: offscreen Qt, the sample article analysed once, windows that leave no thread behind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.paths import sample_article
from attribview.textio import read_article


@pytest.fixture(scope="session")
def sample(analyzer: Analyzer) -> Document:
    """The bundled sample, analysed once per session by the real model."""
    path = str(sample_article())
    return make_document(analyzer.analyze(read_article(path)), analyzer.profiles, title="sample", path=path)


@pytest.fixture
def errors() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    """The test's own library file (never the user's)."""
    return tmp_path / "library.sqlite3"


@pytest.fixture
def window(qtbot: QtBot, analyzer: Analyzer, tmp_path: Path, library_file: Path,
           errors: list[tuple[str, str]]) -> Iterator[MainWindow]:
    """A shown main window with its own settings and library files; its worker must be idle at teardown.

    The library is not opened until the test calls ``start()`` (or ``open_library()``).
    """
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(analyzer=analyzer, settings=settings, library_path=library_file,
                     report_error=lambda title, message: errors.append((title, message)))
    qtbot.addWidget(win)
    win.show()
    yield win
    assert win.tasks.wait(60_000), "a background task was still running at teardown"
    win.close()
    assert win.tasks.is_idle()
