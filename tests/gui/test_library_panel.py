"""Library rows show headline, outlet and date; the library, the window, the report's heading and the
export's file name all call an article by the same title."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from attribview.cli.main import main
from attribview.gui.library_panel import TITLE, title_lines
from attribview.gui.main_window import MainWindow
from attribview.gui.report_export import document_report
from tests.gui.conftest import open_in_library

SLOW = 60_000
HEADLINE = "Dornel bridge to reopen on Friday, <mayor> says"
#: An invented saved page: headline, outlet and date in its metadata.
PAGE = f"""<!doctype html><html><head><title>Valley Courier | Dornel</title>
<meta property="og:title" content="{html.escape(HEADLINE)}">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2026-02-03T08:00:00Z"></head>
<body><p>Mayor Halyna Brovko said on Monday that the Dornel bridge would reopen on Friday.</p>
<p>"We have waited long enough," Brovko said.</p></body></html>"""


def test_the_title_agrees_everywhere(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "saved-page.html"
    page.write_text(PAGE, encoding="utf-8")
    open_in_library(qtbot, window, page)
    assert window.document is not None and window.document.title == HEADLINE
    panel = window.library_panel
    qtbot.wait_until(lambda: bool(panel.rows()), timeout=SLOW)
    assert panel.rows()[0][0] == HEADLINE
    assert panel.bylines()[0] == "The Valley Courier · 2026-02-03"
    item = panel.tree.topLevelItem(0)
    assert item is not None
    assert panel.tree.visualItemRect(item).height() >= 2 * panel.tree.fontMetrics().height()  # two lines
    panel.grab().save(str(tmp_path / "library.png"))
    tip = item.toolTip(TITLE)
    assert html.escape(HEADLINE) in tip and "<b>" not in tip  # plain text: the headline is escaped
    assert f"<h1>{html.escape(HEADLINE)}</h1>" in document_report(window.document)
    assert window.report_file_name(".pdf") == "Dornel bridge to reopen on Friday, mayor says-report.pdf"
    assert HEADLINE in window.windowTitle()

    out = tmp_path / "cli.html"
    assert main(["report", str(page), "--out", str(out)]) == 0
    assert html.escape(HEADLINE) in out.read_text(encoding="utf-8")  # the command line's heading too


def test_a_headline_without_a_byline_takes_two_lines_broken_between_words(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QApplication.font())
    title = "Ferry crossings resume as the harbour office clears the last of the winter ice from the quay"
    width = metrics.horizontalAdvance("Ferry crossings resume as the")
    first, second = title_lines(metrics, title, width)
    assert title.startswith(first + " ") and first.endswith("the")  # whole words, as many as fit
    assert second.endswith("…") and metrics.horizontalAdvance(second) <= width
    assert title_lines(metrics, title, width, lines=1)[1] == ""  # a byline below: one line, elided
    assert title_lines(metrics, "Ice", width) == ("Ice", "")
