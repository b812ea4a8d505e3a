"""The PDF is the report laid out by a browser engine: its chart, tables, paragraph numbers, name boxes
and hedge lines survive, highlights keep their colour, and nothing the article names is fetched."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from attribview.cli.main import main
from attribview.core.analysis import Analyzer
from attribview.core.report import render_report
from attribview.gui.document import Document
from attribview.gui.report_export import document_report, render_pdf, write_pdf
from attribview.paths import sample_article
from attribview.textio import prepare_text

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                       reason="poppler-utils (pdftoppm, pdftotext) is not installed"),
    pytest.mark.usefixtures("qapp"),  # the window's QApplication, as in the viewer
]

#: Invented: one name spelt two ways, a hedged claim nobody signs, a named speaker.
VARIANTS = ("Mayor Halyna Brovko said the Dornel bridge would reopen on Friday. "
            "\"We have waited long enough,\" Brovko said.\n\n"
            "The new span is believed to have cost twice the estimate.\n\n"
            "Later, Mayor Brovka said the opening could slip by a week.\n")


def _pdf(tmp_path: Path, report: str) -> Path:
    out = tmp_path / "report.pdf"
    write_pdf(report, out)
    return out


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def _pages(pdf: Path, tmp_path: Path) -> list[QImage]:
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    return [QImage(str(p)) for p in sorted(tmp_path.glob("page-*.png"))]


def _tinted(image: QImage) -> int:
    """Pixels in a colour (not white, grey or black): the highlights and the chart. The highlights are pale
    tints of the group colours, so the bar is low: a grey anti-aliased glyph has no saturation at all."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            count += colour.hsvSaturation() > 20 and colour.value() > 120
    return count


def test_pdf_keeps_the_reports_layout(sample: Document, tmp_path: Path) -> None:
    report = document_report(sample)
    pdf = _pdf(tmp_path, report)
    text = _text(pdf)
    profile = sample.profiles[sample.analysis.profile or ""]
    for group in profile.groups:  # each bar of the chart: its label, then its figure, on one line
        count = sum(1 for s in sample.analysis.sentences if group.id in s.groups)
        assert re.search(rf"{re.escape(group.label)}\s+{count}\s*$", text, re.MULTILINE), group.label
    assert "Sentences per group" in text
    statuses = re.findall(r"\bunverified\b", text)  # the status column is wide enough for its word
    assert len(statuses) >= len(sample.analysis.quotes)
    paragraphs = [p.split()[:2] for p in re.split(r"\n\s*\n", sample.analysis.text) if p.strip()]
    badges = "|".join(re.escape(g.badge) for g in profile.groups if g.badge)  # a quote's badge may come first
    for number, words in enumerate(paragraphs[:3], start=1):  # the numbers the tables cite
        first = r"\s+".join(re.escape(w) for w in words)
        assert re.search(rf"^\s*{number}\s+(?:(?:{badges})\s+)?{first}", text, re.MULTILINE), \
            f"paragraph {number} numbered"
    assert "¶1" in text
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 2
    assert _tinted(pages[0]) > 2_000, "the highlighted article is coloured"
    for index, page in enumerate(pages):
        page.save(str(tmp_path / f"looked-{index}.png"))


def test_pdf_shows_name_boxes_and_hedge_lines(analyzer: Analyzer, tmp_path: Path) -> None:
    analysis = analyzer.analyze(prepare_text(VARIANTS, name="bridge"), profile="none", readable=True)
    report = render_report(analysis, title="Dornel bridge", profile=None)
    assert 'class="nv"' in report and 'class="hedge"' in report
    text = _text(_pdf(tmp_path, report))
    assert "Names spelt several ways" in text and "Brovko" in text and "Brovka" in text
    assert "Hedged claims nobody signs" in text and "believed to have cost" in text
    page = _pages(tmp_path / "report.pdf", tmp_path)[0]
    assert _tinted(page) > 200  # the hedge's wavy line and the highlights are drawn in colour


def test_pdf_fetches_nothing_the_article_names(analyzer: Analyzer, canary: Any, tmp_path: Path) -> None:
    article = (f'Officials met. <img src="{canary.url}"> <link rel="stylesheet" href="{canary.url}"> '
               f'The minister said: "Come to <iframe src="{canary.url}"></iframe> the hall."\n')
    analysis = analyzer.analyze(prepare_text(article, name="hostile"), profile="none", readable=True)
    report = render_report(analysis, title="hostile", profile=None)
    hostile = report.replace("</body>", f'<img src="{canary.url}"><iframe src="{canary.url}"></iframe>'
                                        f'<link rel="stylesheet" href="{canary.url}"></body>')
    assert render_pdf(hostile).startswith(b"%PDF")
    assert not canary.opened(), "the engine loaded a resource"


def test_report_command_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.pdf"
    assert main(["report", str(sample_article()), "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "Sentences per group" in _text(out)
    assert not (tmp_path / "cli.html").exists()


def test_report_command_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(sample_article())]) == 2
    err = capsys.readouterr().err
    assert err.startswith("attribview: error:") and "--pdf" in err and "Traceback" not in err


def test_pdf_quote_table_gives_the_quoted_words_most_of_the_page(sample: Document, tmp_path: Path) -> None:
    """The "What was said" column spans about 44% of the printable width, measured on the PDF's words."""
    pdf = _pdf(tmp_path, document_report(sample))
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout
    page = re.search(r'<page width="([\d.]+)"', boxes)
    assert page is not None
    page_width = float(page.group(1))
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>(WHAT|KIND)</word>', boxes)
    heads = {word: float(x) for x, word in words}
    printable = page_width * (1 - 2 * 15 / 210)  # A4 with 15 mm margins
    assert 0.40 <= (heads["KIND"] - heads["WHAT"]) / printable <= 0.5
