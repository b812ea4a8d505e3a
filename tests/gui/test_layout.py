"""The window on a laptop's and a projector's screen: a real X server (Xvfb) of each size, the bundled
sample opened; the window fits the screen, the article gets the room, nothing the reader needs is cut.

The screenshots are saved in tests/gui/screenshots/ (ignored by git) to be looked at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from attribview.gui.document import Document
from attribview.gui.layout import SMALL_SCREEN, TEXT_SHARE, window_rect, within
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import Column

SCREENSHOTS = Path(__file__).parent / "screenshots"
ROOT = Path(__file__).resolve().parents[2]


def _shot(width: int, height: int) -> dict[str, object]:
    out = SCREENSHOTS / f"window-{width}x{height}.png"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("QT_QPA_PLATFORM", None)  # the real X server, not offscreen
    done = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable, "-m",
                           "tests.gui.window_shot", str(out)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.is_file() and out.with_suffix(".summary.png").is_file()
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb (xvfb-run) is not installed")
@pytest.mark.parametrize(("width", "height", "article"), [(1366, 768, 0.50), (1920, 1080, 0.45)])
def test_the_window_fits_the_screen_and_the_article_gets_the_room(width: int, height: int,
                                                                   article: float) -> None:
    shown = _shot(width, height)
    screen, window = (QRect(*shown[key]) for key in ("screen", "window"))  # type: ignore[misc]
    assert screen.contains(window), (screen, window)
    assert window.width() >= 0.85 * screen.width()  # no fixed size: sized from the screen
    assert shown["elided_speakers"] == [] and shown["elided_groups"] == [] and shown["elided_status"] == []
    assert float(shown["reading_share"]) >= 0.55  # type: ignore[arg-type]  # the article and its quotes
    # the text alone (the library beside it on the larger screen): 47% and 41% with a row for the toolbar,
    # a side column wider than the legend needs and the table a quarter of the column
    assert float(shown["article_share"]) >= article  # type: ignore[arg-type]
    assert float(shown["table_share"]) <= 0.25  # type: ignore[arg-type]
    assert float(shown["table_rows"]) >= 4  # type: ignore[arg-type]  # yet four rows of quotes at a glance
    assert int(shown["side_width"]) <= int(shown["legend_width"]) + 40  # type: ignore[call-overload]
    assert int(shown["text_column"]) >= 240  # type: ignore[call-overload]  # "What was said" gets the rest
    assert shown["table_scrolls"] is False  # in sight, not scrolled out of it by the short columns
    assert int(shown["elided_text"]) > 0 and shown["text_hidden_on_hover"] == []  # type: ignore[call-overload]
    # elided, and in full on hover
    assert shown["legend_scrolls"] is False  # the legend and its explanation whole
    assert shown["summary_truncated"] == [] and shown["summary_within_screen"] is True


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb (xvfb-run) is not installed")
def test_beside_the_library_the_short_columns_give_way_to_what_was_said() -> None:
    """A desktop just too wide to count as a laptop keeps the library open: the reading column is narrow,
    and the speakers and groups are elided (whole on hover) rather than "What was said" scrolled away."""
    shown = _shot(1600, 1000)
    assert shown["table_scrolls"] is False
    assert int(shown["text_column"]) >= 160  # type: ignore[call-overload]  # a quarter of the table
    assert shown["names_hidden_on_hover"] == [] and shown["text_hidden_on_hover"] == []
    assert shown["elided_status"] == []  # only the names give way, widest first


@pytest.mark.parametrize(("available", "small"), [(QRect(0, 0, 1366, 740), True),
                                                   (QRect(0, 0, 1920, 1050), False),
                                                   (QRect(1920, 30, 2560, 1410), False)])
def test_the_first_place_is_on_the_screen(available: QRect, small: bool) -> None:
    rect = window_rect(available)
    assert available.contains(rect)
    assert (available.width() < SMALL_SCREEN) == small
    assert rect.width() == (available.width() if small else round(available.width() * 0.9))


def test_a_saved_place_larger_than_the_screen_is_brought_inside() -> None:
    available = QRect(0, 0, 1366, 740)
    assert within(QRect(200, 100, 1400, 880), available) == QRect(0, 0, 1366, 740)
    assert within(QRect(-50, 600, 800, 400), available) == QRect(0, 340, 800, 400)


def _columns(window: MainWindow) -> tuple[int, int]:
    """The short columns' total width and "What was said"'s, as the table shows them now."""
    short = sum(window.table.columnWidth(c) for c in Column if c != Column.TEXT)
    return short, window.table.columnWidth(Column.TEXT)


def test_what_was_said_takes_the_room_a_resize_gives_and_keeps_in_sight(qtbot: QtBot, window: MainWindow,
                                                                       sample: Document) -> None:
    window.show_article(sample)
    splitter = window.main_splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 90, 90])  # the side column dragged narrow: a wide table ...
    window.show_article(sample)  # ... whose short columns are fitted to it
    viewport = window.table.viewport()
    wide_short, _ = _columns(window)
    wide = viewport.width()
    splitter.setSizes([total - 230, 230])  # narrower: the names give way, nothing scrolls
    qtbot.waitUntil(lambda: sum(_columns(window)) <= viewport.width() < wide, timeout=10_000)
    narrow_short, narrow_text = _columns(window)
    assert narrow_short < wide_short
    assert narrow_text >= TEXT_SHARE * viewport.width() - 1
    qtbot.waitUntil(lambda: window.table.horizontalScrollBar().maximum() == 0, timeout=10_000)
    before = viewport.width()
    splitter.setSizes([total - 90, 90])  # wider again: "What was said" takes the room
    qtbot.waitUntil(lambda: viewport.width() > before, timeout=10_000)
    qtbot.wait(50)  # a refit would be queued by now
    short, text = _columns(window)
    assert short == narrow_short and text == narrow_text + viewport.width() - before
