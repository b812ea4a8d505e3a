"""An article whose speaker is named ``<img src="file:///dev/zero">``: the viewer and the snapshot show it as
characters. Were it read as rich text, Qt would read /dev/zero for the image and the process would abort
(``std::bad_alloc``), and again each time the article is opened from the library."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TIMEOUT = 300
#: The viewer's address space is capped, so reading /dev/zero (a regression) fails fast with bad_alloc
#: instead of filling the machine's memory.
ADDRESS_SPACE = 3 * 1024**3

ZERO = '<img src="file:///dev/zero">'
ARTICLE = f"""Harbour town, Tuesday.

"The plan stands," said Mayor {ZERO} on Tuesday.

"<b>Nothing</b> has changed," Colonel Brannick Oduya said.
"""

#: The viewer in a process of its own: open the article (analysed and stored by the worker as a user's open
#: would), put every panel on screen, show every tooltip, then open it again from the library.
VIEWER = """
import sys
from PySide6.QtCore import QPoint, QSettings, QTimer, Qt
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from attribview.gui.main_window import MainWindow

app = QApplication([])
folder = sys.argv[1]
window = MainWindow(settings=QSettings(folder + "/settings.ini", QSettings.Format.IniFormat),
                    library_path=folder + "/library.sqlite3", report_error=lambda *error: print(*error))
window.show()
opened = []

def tooltips():
    tips = [w.toolTip() for w in window.findChildren(QWidget) if w.toolTip()]
    model = window.proxy
    tips += [str(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or "")
             for r in range(model.rowCount()) for c in range(model.columnCount())]
    return [tip for tip in tips if tip]

def shown(article):
    opened.append(article)
    window.summary_dock.show()
    window.summary_dock.raise_()
    app.processEvents()
    window.grab()
    for tip in tooltips():
        QToolTip.showText(window.mapToGlobal(QPoint(20, 20)), tip, window)
        app.processEvents()
    speakers = [q.speaker for q in article.analysis.quotes]
    if len(opened) == 1:
        window.open_article(article.article_id)  # the stored article, as the library panel opens it
    else:
        print("shown", speakers)
        app.quit()

window.article_shown.connect(shown)
window.start(sys.argv[2])
QTimer.singleShot(120_000, lambda: app.exit(3))
status = app.exec()
window.close()
sys.exit(status)
"""


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _environment(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update({"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
                        "ATTRIBVIEW_PROFILES": str(tmp_path / "no-user-profiles"),
                        "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")})
    return environment


@pytest.fixture
def hostile_article(tmp_path: Path, attribview: Callable[..., Any]) -> Path:
    """The article, once the engine is seen to name its speaker with the markup (the premise)."""
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    analysed = attribview("analyze", "--json", path)
    assert analysed.returncode == 0, analysed.stderr
    speakers = [quote["speaker"] for quote in json.loads(analysed.stdout)["quotes"]]
    assert f"Mayor {ZERO}" in speakers, speakers
    return path


def test_the_viewer_shows_a_speaker_named_with_markup_and_reads_nothing(
        tmp_path: Path, hostile_article: Path) -> None:
    run = subprocess.run([sys.executable, "-c", VIEWER, str(tmp_path), str(hostile_article)],
                         capture_output=True, text=True, env=_environment(tmp_path), timeout=TIMEOUT,
                         check=False, preexec_fn=_capped)
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stderr}"
    assert "bad_alloc" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert f"Mayor {ZERO}" in run.stdout, run.stdout  # shown twice: fresh, then from the library


def test_a_snapshot_of_it_is_written(tmp_path: Path, hostile_article: Path,
                                     attribview: Callable[..., Any]) -> None:
    out = tmp_path / "harbour.png"
    run = attribview("snapshot", hostile_article, "--out", out)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
