"""The sourcing report of the open article: HTML to save, PDF to write, or the print dialog."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from attribview.atomic import replacing, write_text
from attribview.core.report import render_report, statuses_by_span
from attribview.errors import InputError
from attribview.gui.document import Document
from attribview.gui.plain import InertDocument


def document_report(article: Document) -> str:
    """The report's HTML, with the library's verification statuses when the article is stored."""
    analysis = article.analysis
    profile = article.profiles.get(analysis.profile) if analysis.profile else None
    statuses = statuses_by_span(analysis, [(r.start, r.end, r.status) for r in article.rows]) \
        if article.stored else None
    return render_report(analysis, title=article.title, profile=profile, statuses=statuses)


def write_html(report: str, path: str | Path) -> None:
    write_text(path, report)


#: What Qt's rich-text engine understands of the report's look (it drops the browser stylesheet, whose
#: custom properties it cannot parse): group tints come from the report's own ``.gN`` rules.
_PRINT_CSS = """
body { color: #1b1b1b; font-size: 10pt; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14px; }
.cue { text-decoration: underline; }
.src { font-weight: bold; }
.num { font-weight: bold; }
.hedge { text-decoration: underline; color: #444444; }
.tag { color: #5f6368; font-size: 7pt; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d9d9d9; padding: 3px; }
"""
_PRINT_SPACING = (
    (re.compile(r'</span><span class="what">'), '</span> <span class="what">'),
    (re.compile(r'<span class="swatch( sw\d+)?"></span>'),
     r'<span class="swatch\1">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;'),
    (re.compile(r'</span><span class="count">'), '</span> — <span class="count">'),
)
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_GROUP_RULE = re.compile(r"\.(?:g|sw)\d+\{background-color:#[0-9A-Fa-f]{3,6}")


def print_html(report: str) -> tuple[str, str]:
    """The report as Qt's rich text can print it: (HTML without its browser stylesheet, Qt's CSS)."""
    style = _STYLE.search(report)
    rules = [m.group(0) + "}" for m in _GROUP_RULE.finditer(style.group(0))] if style else []
    body = _STYLE.sub("", report, count=1)
    for before, after in _PRINT_SPACING:  # the browser spaces these by CSS Qt ignores (flex, margins)
        body = before.sub(after, body)
    return body, _PRINT_CSS + "\n".join(rules)


def report_document(report: str) -> QTextDocument:
    """The report as a document Qt prints; it loads no resource, whatever the article names."""
    document = InertDocument()  # the report quotes the article: nothing it names is loaded
    body, css = print_html(report)
    document.setDefaultStyleSheet(css)
    document.setHtml(body)  # Qt's rich-text subset: no scripts, no network
    return document


def _a4(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def write_pdf(report: str, path: str | Path) -> None:
    """Print the report to a PDF file with Qt's printing (no browser engine needed)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    with replacing(path) as temp:
        printer.setOutputFileName(str(temp))
        _a4(printer)
        report_document(report).print_(printer)
        if not temp.is_file() or temp.stat().st_size == 0:
            raise InputError(f"{Path(path).name}: the PDF could not be written")


def print_report(report: str, parent: QWidget | None = None) -> bool:
    """Show the print dialog and print the report; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the sourcing report")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    report_document(report).print_(printer)
    return True
