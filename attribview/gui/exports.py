"""File > Export: the open article (or the whole library) as JSON, CSV or ClaimReview, through the core.

The export reads the library, so it runs on the worker thread like every other library call; the
file is written atomically there too, and the window only hears how it went. ClaimReview takes who
publishes and the rating scale from the same settings file as the command line (read by the core, in
the worker); without them the window shows the one line that says what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from attribview.atomic import write_text
from attribview.gui.document import Document
from attribview.gui.tasks import TaskManager


@dataclass(frozen=True)
class ExportFormat:
    id: str
    label: str
    suffix: str
    name_filter: str


FORMATS = (
    ExportFormat("json", "&JSON…", ".json", "JSON (*.json)"),
    ExportFormat("csv", "&CSV (opens in Excel)…", ".csv", "CSV (*.csv)"),
    ExportFormat("claimreview", "Claim&Review…", ".jsonld", "ClaimReview JSON-LD (*.jsonld *.json)"),
)

if TYPE_CHECKING:
    from attribview.gui.desk import Desk


class ExportMenu(QMenu):
    """One action per format; the open article when it is in the library, else the whole library.

    Args:
        parent: the window the file dialog belongs to.
        tasks, desk: the workers, and the library (made on first use) that only they call.
        article: the article on screen, if any.
        library_ready: whether the library is open (nothing to export otherwise).
        tell: shows one line in the status bar; report_error: shows a failure.
    """

    def __init__(self, parent: QWidget, tasks: TaskManager, desk: Callable[[], Desk], *,
                 article: Callable[[], Document | None], library_ready: Callable[[], bool],
                 tell: Callable[[str], None], report_error: Callable[[str, str], None]) -> None:
        super().__init__("E&xport", parent)
        self._window, self._tasks, self._desk = parent, tasks, desk
        self._article, self._library_ready, self._tell, self._report_error = (
            article, library_ready, tell, report_error)
        for fmt in FORMATS:
            action = QAction(fmt.label, self)
            action.triggered.connect(lambda _checked=False, f=fmt.id: self.export(f))
            self.addAction(action)

    def _scope(self) -> tuple[int | None, str]:
        """The article id to export (None: all) and how to call it."""
        article = self._article()
        if article is not None and article.stored:
            return article.article_id, Path(article.title).stem or "article"
        return None, "library"

    def export(self, format_id: str, path: str | None = None) -> bool:
        """Export in the background to `path` (asked for when None); False if nothing was started."""
        fmt = next(f for f in FORMATS if f.id == format_id)
        if not self._library_ready():
            self._tell("No library is open: there is nothing to export.")
            return False
        article_id, name = self._scope()
        if path is None:
            what = "this article" if article_id is not None else "the whole library"
            path, _ = QFileDialog.getSaveFileName(self._window, f"Export {what} as {fmt.id.upper()}",
                                                  f"{name}{fmt.suffix}", fmt.name_filter)
            if not path:
                return False
        target = path

        def work() -> str:
            text = self._desk().library.export(fmt.id, article_id, bom=fmt.id == "csv")
            write_text(target, text if text.endswith("\n") else text + "\n")
            return target

        self._tasks.run(work, message=f"Exporting {name}…",
                        on_success=lambda _path: self._tell(f"Exported to {Path(target).name}."),
                        on_failure=lambda error: self._report_error("attribview", str(error)))
        return True
