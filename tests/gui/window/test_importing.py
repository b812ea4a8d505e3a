"""Importing from the viewer: dropped files opened and imported, a folder imported with a progress dialog
whose Cancel stops after the file being stored and keeps what was stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from attribview.core.library import ImportReport, Library
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow

SLOW = 60_000
TOWNS = ("Dornel", "Kessin", "Veldorf", "Marinsk", "Lorne", "Tarvik", "Ossery", "Brenmoor", "Halvik",
         "Quarrow", "Ennisfeld", "Morrow", "Saltcombe", "Wrenford", "Ashby", "Kilbray", "Durnhill",
         "Pellow", "Ravensey", "Tollard")


def _articles(folder: Path, count: int) -> list[Path]:
    """``count`` invented articles, each with a text of its own."""
    folder.mkdir(exist_ok=True)
    paths = []
    for number, town in enumerate(TOWNS[:count], start=1):
        path = folder / f"{number:02d}-{town.lower()}.txt"
        path.write_text(f'"The {town} ferry runs again on Monday," said Mayor Ilse Varnholt.\n\n'
                        f"The pier at {town} is believed to have been damaged by the storm.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def _drop(window: MainWindow, paths: list[Path]) -> None:
    """Drop ``paths`` on the window as a file manager does: file URLs in the drag's data, entering first
    (Qt delivers a drop to the widget that accepted the drag)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(QPoint(40, 40), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def _stored(library_file: Path) -> list[str]:
    with Library.open(library_file) as library:
        return sorted(entry.article.title for entry in library.progress())


def _started(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()


def test_one_dropped_file_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (path,) = _articles(tmp_path / "in", 1)
    _started(qtbot, window)
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        _drop(window, [path])
    article = shown.args[0]
    assert isinstance(article, Document) and article.path == str(path)
    assert window.import_dialog is None  # nothing to import


def test_several_dropped_files_open_the_first_and_import_the_rest(qtbot: QtBot, window: MainWindow,
                                                                  tmp_path: Path, library_file: Path) -> None:
    paths = _articles(tmp_path / "in", 3)
    _started(qtbot, window)
    shown_articles: list[object] = []
    reports: list[object] = []
    window.article_shown.connect(shown_articles.append)
    window.imported.connect(reports.append)
    with qtbot.wait_signals([window.article_shown, window.imported], timeout=SLOW):
        _drop(window, paths)
        assert "importing 2 more into the library" in window.status_label.text()
    (shown,), (report,) = shown_articles, reports
    assert isinstance(shown, Document) and shown.path == str(paths[0])
    assert isinstance(report, ImportReport) and len(report.imported) == 2 and not report.cancelled
    assert window.status_label.text() == "2 articles imported."
    qtbot.waitUntil(lambda: len(window.library_panel.rows()) == 3, timeout=SLOW)  # the list read again
    assert len(_stored(library_file)) == 3


def test_cancel_stops_a_folder_import_after_the_file_being_stored(qtbot: QtBot, window: MainWindow,
                                                                  tmp_path: Path, library_file: Path) -> None:
    folder = tmp_path / "folder"
    _articles(folder, len(TOWNS))
    _started(qtbot, window)
    window.import_paths([str(folder)])
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.wait_signal(dialog.advanced, timeout=SLOW):  # the import runs: the first file is stored
        pass
    with qtbot.wait_signal(window.imported, timeout=SLOW) as done:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert isinstance(report, ImportReport) and report.cancelled
    assert 0 < len(report.imported) < len(TOWNS)
    assert window.import_dialog is None
    assert window.status_label.text().endswith("what was stored is kept.")
    with qtbot.wait_signal(window.library_listed, timeout=SLOW) as listed:
        pass  # the list read again, with what was stored
    assert len(listed.args[0]) == len(report.imported) == len(_stored(library_file))

    with qtbot.wait_signal(window.imported, timeout=SLOW) as again:
        window.import_paths([str(folder)])  # run again, it completes the import
    rest = again.args[0]
    assert not rest.cancelled and len(rest.imported) == len(TOWNS) - len(report.imported)
    assert len(rest.skipped) == len(report.imported)
    assert window.tasks.wait(SLOW)
    assert len(_stored(library_file)) == len(TOWNS)


def test_an_import_without_a_library_says_so(window: MainWindow, tmp_path: Path,
                                             errors: list[tuple[str, str]]) -> None:
    window.import_paths([str(tmp_path)])
    assert errors and "library is not open" in errors[0][1]
    assert window.import_dialog is None
