"""The window as a user meets it: shown before the model loads, opening files, errors, snapshots."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.gui.snapshot import render_snapshot
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


def test_bad_file_is_reported_not_raised(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         errors: list[tuple[str, str]]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.open_file(str(empty))
    qtbot.waitUntil(lambda: bool(errors), timeout=SLOW)
    assert "empty.txt" in errors[0][1] and "empty" in errors[0][1]
    assert window.stack.currentWidget() is window.welcome


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


def test_snapshot_writes_a_png_of_the_width_asked(analyzer: Analyzer, tmp_path: Path) -> None:
    out = tmp_path / "sample.png"
    render_snapshot(str(sample_article()), str(out), width=800, analyzer=analyzer)
    image = QImage(str(out))
    assert out.stat().st_size > 10_000
    assert image.width() == 800 and image.height() > 800


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> Document:
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        window.open_file(str(path))
    article = shown.args[0]
    assert isinstance(article, Document) and article.stored
    return article


def test_undo_acts_on_the_article_on_screen_only(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 library_file: Path) -> None:
    """Verify a quote in one article, open another, undo: the first article's quote stays verified."""
    first_path, second_path = tmp_path / "ferry.txt", tmp_path / "bridge.txt"
    first_path.write_text('"The ferry runs again on Monday," said Mayor Ilse Varnholt.\n', encoding="utf-8")
    second_path.write_text('"Nobody crosses before dawn," Colonel Brannick Oduya said.\n', encoding="utf-8")
    with qtbot.wait_signal(window.library_opened, timeout=SLOW):
        window.start()
    first = _open(qtbot, window, first_path)
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.set_status("verified")
    assert window.undo_action.isEnabled()

    second = _open(qtbot, window, second_path)
    window.undo_action.trigger()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    assert window.tasks.wait(SLOW)
    with Library.open(library_file) as library:
        assert library.verification(first.rows[0].id).status == "verified"
        assert library.verification(second.rows[0].id).status == "unverified"
        assert [h.field for h in library.quote_history(first.rows[0].id)] == ["status"]  # no undo recorded
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    _open(qtbot, window, first_path)  # back to the first article: its earlier edit is not undone either
    window.undo_action.trigger()
    assert window.tasks.wait(SLOW)
    with Library.open(library_file) as library:
        assert library.verification(first.rows[0].id).status == "verified"


def test_a_file_shows_as_plain_text_before_its_analysis(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    text = "Mayor Halyna Brovko said the Dornel bridge would reopen.\n\n\"Soon,\" she said.\n"
    path = tmp_path / "bridge.txt"
    path.write_text(text, encoding="utf-8")
    gate = threading.Event()
    window.tasks.run(lambda: gate.wait(SLOW / 1000), message="", on_success=lambda _r: None)  # the engine
    try:
        with qtbot.wait_signal(window.text_shown, timeout=SLOW):  # busy: the text comes all the same
            window.start(str(path))
        assert window.stack.currentWidget() is window.article_page
        assert window.article_view.toPlainText() == text.rstrip("\n") or \
            window.article_view.toPlainText().strip() == text.strip()
        assert window.document is None and window.quote_model.rowCount() == 0
    finally:
        gate.set()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        pass
    assert window.document is not None and window.document.analysis.quotes  # the highlights follow
    assert window.quote_model.rowCount() == len(window.document.analysis.quotes)
