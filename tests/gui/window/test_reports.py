"""The sourcing report from the window: HTML export with the speakers, escaped text, and a PDF."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.textio import prepare_text

HOSTILE = ("Officials met on Monday. <script>alert(1)</script> The minister said: "
           "\"We will <img src=x onerror=alert(2)> rebuild the bridge.\"\n")


def test_export_report_writes_html_with_speakers(qtbot: QtBot, window: MainWindow, sample: Document,
                                                 tmp_path: Path) -> None:
    window.show_article(sample)
    out = window.export_report(str(tmp_path / "report.html"))
    assert out is not None
    html = Path(out).read_text(encoding="utf-8")
    speakers = {q.speaker for q in sample.analysis.quotes if q.speaker}
    assert speakers and all(s.replace("'", "&#x27;") in html or s in html for s in speakers)
    for external in ('src="http', "src='http", 'href="http', "url(http", "<link"):
        assert external not in html, "self-contained: no network resources"
    assert "unverified" in html  # not in the library: every quote reads unverified


def test_export_report_escapes_article_text(qtbot: QtBot, window: MainWindow, analyzer: Analyzer,
                                            tmp_path: Path) -> None:
    analysis = analyzer.analyze(prepare_text(HOSTILE, name="hostile"), readable=True)
    window.show_article(make_document(analysis, analyzer.profiles, title="hostile"))
    out = window.export_report(str(tmp_path / "hostile.html"))
    assert out is not None
    html = Path(out).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_export_pdf_writes_a_pdf(qtbot: QtBot, window: MainWindow, sample: Document, tmp_path: Path) -> None:
    window.show_article(sample)
    out = window.export_pdf(str(tmp_path / "report.pdf"))
    assert out is not None
    data = Path(out).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000


def test_report_needs_an_open_article(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.export_report(str(tmp_path / "none.html")) is None
    assert not (tmp_path / "none.html").exists()
