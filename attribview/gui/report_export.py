"""The sourcing report of the open article: HTML to save, PDF to write, or the print dialog.

The PDF is the HTML report laid out by a browser engine (QtWebEngine), so its chart, tables, paragraph
numbers and boxes are the report's own; Qt's rich-text subset turned them into run-on text. The engine
runs no script and fetches nothing: every request but the report page itself is blocked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QMarginsF, QSize, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from attribview.atomic import write_bytes, write_text
from attribview.core.report import render_report, statuses_by_span
from attribview.errors import InputError
from attribview.gui.application import ensure_application
from attribview.gui.document import Document

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo

#: setHtml hands the page over as a data: URL, which Chromium limits to 2 MB.
MAX_REPORT_BYTES = 2_000_000
#: How long the engine may take to lay out or print one report before the export gives up.
TIMEOUT_MS = 60_000
#: Printing rasterises the PDF's pages at this resolution (enough for text, bounded in memory).
PRINT_DPI = 200


def document_report(article: Document) -> str:
    """The report's HTML, with the library's verification statuses when the article is stored."""
    analysis = article.analysis
    profile = article.profiles.get(analysis.profile) if analysis.profile else None
    statuses = statuses_by_span(analysis, [(r.start, r.end, r.status) for r in article.rows]) \
        if article.stored else None
    return render_report(analysis, title=article.title, profile=profile, statuses=statuses)


def write_html(report: str, path: str | Path) -> None:
    write_text(path, report)


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def _engine_environment() -> None:
    """Chromium needs no GPU to print, and refuses to start as root unless its sandbox is off."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    wanted = ["--disable-gpu"]
    if getattr(os, "geteuid", lambda: 1)() == 0:
        wanted.append("--no-sandbox")  # as root Chromium cannot sandbox; scripts are off, loads blocked
    flags += [flag for flag in wanted if flag not in flags]
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def _wait(start: Callable[[Callable[..., None]], None], what: str) -> list[object]:
    """Run ``start(done)`` and an event loop until ``done`` is called; what it was given."""
    loop = QEventLoop()
    received: list[object] = []

    def done(*values: object) -> None:
        received.extend(values)
        loop.quit()

    timer = QTimer(singleShot=True, interval=TIMEOUT_MS)
    timer.timeout.connect(loop.quit)
    timer.start()
    start(done)
    if not received:
        loop.exec()
    timer.stop()
    if not received:
        raise InputError(f"the report could not be {what} within {TIMEOUT_MS // 1000} s")
    return received


def render_pdf(report: str) -> bytes:
    """The report as an A4 PDF, laid out by QtWebEngine with no script and no request but the page."""
    if len(report.encode("utf-8")) > MAX_REPORT_BYTES:
        raise InputError("the report is too large to lay out as a PDF; export it as HTML instead")
    _engine_environment()
    ensure_application()  # the engine needs one
    from PySide6.QtWebEngineCore import (  # noqa: PLC0415 - the engine loads only when a PDF is made
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineSettings,
        QWebEngineUrlRequestInfo,
        QWebEngineUrlRequestInterceptor,
    )

    class OnlyThePage(QWebEngineUrlRequestInterceptor):
        """Lets the report page itself load once and blocks everything else it could name."""

        def __init__(self) -> None:
            super().__init__()
            self.page_loaded = False

        def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
            main = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
            if main and info.requestUrl().scheme() == "data" and not self.page_loaded:
                self.page_loaded = True
                return
            info.block(True)

    profile = QWebEngineProfile()  # off the record: no cache, no cookies on disk
    interceptor = OnlyThePage()
    profile.setUrlRequestInterceptor(interceptor)
    page = QWebEnginePage(profile)
    settings = page.settings()
    for attribute in (QWebEngineSettings.WebAttribute.JavascriptEnabled,
                      QWebEngineSettings.WebAttribute.AutoLoadImages,
                      QWebEngineSettings.WebAttribute.PluginsEnabled,
                      QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
                      QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls):
        settings.setAttribute(attribute, False)
    try:
        def load(done: Callable[..., None]) -> None:
            page.loadFinished.connect(done)
            page.setHtml(report, QUrl("about:blank"))

        if _wait(load, "laid out") != [True]:
            raise InputError("the report could not be laid out as a PDF")
        data = _wait(lambda done: page.printToPdf(done, a4_layout()), "printed")[0]
    finally:
        shiboken6.delete(page)  # the page goes before its profile, now: no event loop may follow
    pdf = bytes(data.data()) if isinstance(data, QByteArray) else b""
    if not pdf.startswith(b"%PDF"):
        raise InputError("the PDF could not be made")
    return pdf


def write_pdf(report: str, path: str | Path) -> None:
    """Write the report as a PDF (atomically: an interrupted write keeps the previous file)."""
    write_bytes(path, render_pdf(report))


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Print a PDF's pages on ``printer``, each scaled to the printable page."""
    from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415 - loads only when printing

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if document.pageCount() == 0 or not painter.begin(printer):
        raise InputError("the report could not be sent to the printer")
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * PRINT_DPI), round(points.height() / 72 * PRINT_DPI))
            image = document.render(index, size)
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_report(report: str, parent: QWidget | None = None) -> bool:
    """Show the print dialog and print the report as its PDF looks; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(a4_layout().pageSize(), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the sourcing report")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pdf(render_pdf(report), printer)
    return True
