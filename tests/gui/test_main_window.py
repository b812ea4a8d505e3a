"""The window as a user meets it: shown before the model loads, the welcome screen first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.paths import sample_article

#: Loading spaCy and analysing take seconds; a slow CI machine may need far more.
SLOW = 60_000


def test_window_appears_before_the_model_has_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    analyzer = Analyzer()  # not loaded yet: a fresh instance
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(analyzer=analyzer, settings=settings, library_path=tmp_path / "library.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.start(str(sample_article()))
    try:
        assert window.isVisible()
        assert "Loading" in window.status_label.text()
        assert window.busy.isVisible()
        with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
            pass
        assert isinstance(shown.args[0], Document)
        assert window.proxy.rowCount() == len(shown.args[0].analysis.quotes) > 0
        assert window.stack.currentWidget() is window.article_page
        assert window.settings.value("recent_files") == [str(sample_article().resolve())]
    finally:
        assert window.tasks.wait(SLOW)
    assert not window.busy.isVisible()
    assert shown.args[0].stored, "the article opened is saved to the library"
    window.close()


def test_welcome_screen_offers_the_sample(qtbot: QtBot, window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        window.welcome.sample_button.click()
    first_line = sample_article().read_text(encoding="utf-8").split("\n")[0]
    assert window.windowTitle().startswith(first_line[:40])  # the article's title, not its file name
