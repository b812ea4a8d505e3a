"""GUI fixtures: offscreen Qt, the sample article analysed once, windows that leave no thread behind, a
canary file that tells whether Qt opened it, and what Qt shows of a string."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.checker import SETTING as CHECKER_SETTING
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.gui.plain import InertDocument
from attribview.paths import sample_article
from attribview.textio import read_article

#: The checker's name the ``window`` fixture's settings hold.
CHECKER = "Mira Testova"


@pytest.fixture(scope="session")
def sample(analyzer: Analyzer) -> Document:
    """The bundled sample, analysed once per session by the real model."""
    path = str(sample_article())
    return make_document(analyzer.analyze(read_article(path)), analyzer.profiles, title="sample", path=path)


class Canary:
    """A file that knows whether anything opened it (Linux inotify): proof that Qt read nothing an article
    named. Access times are unreliable (``noatime``); an open is reported whatever the mount options."""

    IN_ACCESS, IN_OPEN, IN_NONBLOCK = 0x1, 0x20, 0o4000

    def __init__(self, path: Path) -> None:
        path.write_text("canary\n", encoding="utf-8")
        self.path = path
        self._libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = self._libc.inotify_init1(self.IN_NONBLOCK)
        assert self._fd >= 0, os.strerror(ctypes.get_errno())
        watch = self._libc.inotify_add_watch(self._fd, os.fsencode(path), self.IN_OPEN | self.IN_ACCESS)
        assert watch >= 0, os.strerror(ctypes.get_errno())
        self._seen = False

    @property
    def url(self) -> str:
        return path_url(self.path)

    def opened(self) -> bool:
        """Whether the file was opened or read since the watch began."""
        with contextlib.suppress(BlockingIOError):  # nothing happened since the last look
            self._seen = self._seen or bool(os.read(self._fd, 4096))
        return self._seen

    def close(self) -> None:
        os.close(self._fd)


def path_url(path: Path) -> str:
    return f"file://{path}"


@pytest.fixture
def canary() -> Iterator[Canary]:
    """A watched file in the test's folder; ``canary.opened()`` tells whether anything opened it."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the canary watches the file with Linux inotify")
    folder = Path(tempfile.mkdtemp(prefix="canary-"))  # a short path: tooltips cut long text
    watched = Canary(folder / "c.png")
    yield watched
    watched.close()
    shutil.rmtree(folder)


def _shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters Qt shows for ``text`` in a tooltip or label of ``text_format``: rendered (with no
    resource loaded) when Qt takes it for rich text, as it is otherwise."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = InertDocument()
    document.setHtml(text)
    return document.toPlainText()


@pytest.fixture
def shown() -> Callable[..., str]:
    """``shown(text, text_format=AutoText)``: the characters Qt shows for a tooltip or a label's text."""
    return _shown


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
    settings.setValue(CHECKER_SETTING, CHECKER)  # the desk asks no name (test_checker.py asks it)
    win = MainWindow(analyzer=analyzer, settings=settings, library_path=library_file,
                     report_error=lambda title, message: errors.append((title, message)))
    qtbot.addWidget(win)
    win.show()
    yield win
    assert win.tasks.wait(60_000), "a background task was still running at teardown"
    win.close()
    assert win.tasks.is_idle()


@pytest.fixture
def desk(qtbot: QtBot, window: MainWindow) -> Iterator[MainWindow]:
    """The window with its library open and the sample article analysed and saved in it."""
    with qtbot.wait_signal(window.library_opened, timeout=60_000):
        window.start()
    with qtbot.wait_signal(window.article_shown, timeout=60_000):
        window.open_sample()
    assert window.document is not None and window.document.stored
    yield window


def open_in_library(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Open the window's library, then ``path`` in it (analysed and stored)."""
    with qtbot.wait_signal(window.library_opened, timeout=60_000):
        window.start()
    with qtbot.wait_signal(window.article_shown, timeout=60_000):
        window.open_file(str(path))
