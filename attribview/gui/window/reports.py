"""The open article's sourcing report: HTML, PDF and print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from attribview.core.titles import file_stem
from attribview.errors import AttribviewError
from attribview.gui.document import Document
from attribview.gui.report_export import document_report, print_report, write_html, write_pdf
from attribview.gui.window.parts import WindowParts


class ReportActions(WindowParts):
    """Writes or prints the report of the article on screen."""

    # the sourcing report ---------------------------------------------------------------------------

    def _report_article(self) -> Document | None:
        if self.document is None or self.stack.currentWidget() is not self.article_page:
            self.status_label.setText("Open an article first: the report is of the open article.")
            return None
        return self.document

    def report_file_name(self, suffix: str) -> str:
        """The name offered for the open article's report: its title, as the library shows it."""
        return f"{file_stem(self.document.title) if self.document is not None else 'article'}-report{suffix}"

    def _report_path(self, caption: str, suffix: str, name_filter: str) -> str:
        name = self.report_file_name(suffix)
        start = str(Path(self._recent()[0]).parent / name) if self._recent() else name
        path, _ = QFileDialog.getSaveFileName(self, caption, start, name_filter)
        return path

    def export_report(self, path: str | None = None) -> str | None:
        """Save the open article's sourcing report as one self-contained HTML file."""
        return self._export(path, write_html, "Export the sourcing report", ".html", "HTML (*.html *.htm)")

    def export_pdf(self, path: str | None = None) -> str | None:
        """Print the open article's sourcing report to a PDF file."""
        return self._export(path, write_pdf, "Export the report as PDF", ".pdf", "PDF (*.pdf)")

    def _export(self, path: str | None, write: Callable[[str, str], None], caption: str, suffix: str,
                name_filter: str) -> str | None:
        """Write the open article's report to ``path`` (asked for when None); the path, or None."""
        article = self._report_article()
        if article is None:
            return None
        path = path or self._report_path(caption, suffix, name_filter)
        if not path:
            return None
        try:
            write(document_report(article), path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        self.status_label.setText(f"Report saved to {Path(path).name}.")
        return path

    def print_report(self) -> None:
        article = self._report_article()
        if article is not None and print_report(document_report(article), self):
            self.status_label.setText("Report sent to the printer.")
