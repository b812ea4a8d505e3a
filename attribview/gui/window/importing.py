"""Importing into the library from the viewer: a folder (File > Import Folder) or several dropped files,
on the engine's worker with a progress dialog and a Cancel button."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from attribview.gui.import_dialog import ImportProgress, import_summary
from attribview.gui.window.parts import WindowParts

if TYPE_CHECKING:
    from attribview.core.library import ImportReport

#: Failed files named in the message after an import (the rest are counted).
NAMED_FAILURES = 8


class Importing(WindowParts):
    """Imports files and folders into the library, and opens or imports what is dropped on the window."""

    import_dialog: ImportProgress | None = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """One file opens; several files (or a folder) are imported into the library, the first file
        opening too."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        files = [p for p in paths if not Path(p).is_dir()]
        if len(paths) == 1 and files:
            self.open_file(files[0])
            return
        rest = [p for p in paths if not files or p != files[0]]
        if files:
            self.open_file(files[0])
        self.import_paths(rest)
        if files:
            self.status_label.setText(f"Opening {Path(files[0]).name}; importing {len(rest)} more into the "
                                      "library.")

    def import_folder(self) -> None:
        """Ask for a folder and import every article file in it (and its subfolders)."""
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles", start)
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str]) -> None:
        """Analyse and store the files and folders on the engine's worker, with a progress dialog; the
        library's list is read again when it is done, or cancelled."""
        if not self.library_ready:
            self._report_error("Import", "The library is not open, so nothing can be imported into it.")
            return
        if self.import_dialog is not None:
            self._report_error("Import", "An import is running: wait for it to finish, or cancel it.")
            return
        dialog = self.import_dialog = ImportProgress(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wanted = list(paths)
        self.tasks.run(lambda: self.desk.import_files(wanted, progress=dialog.report, stop=dialog.stopped),
                       message="Importing into the library…", on_success=self._on_imported,
                       on_failure=self._on_import_failed)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None:  # the import stops after the file being stored
            self.import_dialog.cancel()
        super().closeEvent(event)

    def _import_done(self) -> None:
        if self.import_dialog is not None:
            self.import_dialog.done(0)
            self.import_dialog = None
        self.refresh_library()

    def _on_imported(self, report: ImportReport) -> None:
        self._import_done()
        summary = import_summary(report)
        self.status_label.setText(summary)
        if report.failed:
            named = "\n".join(reason if Path(path).name in reason else f"{Path(path).name}: {reason}"
                              for path, reason in report.failed[:NAMED_FAILURES])
            more = len(report.failed) - NAMED_FAILURES
            named += f"\n… and {more} more" if more > 0 else ""
            self._report_error("Import", f"{summary}\n\n{named}")
        self.imported.emit(report)

    def _on_import_failed(self, error: BaseException) -> None:
        self._import_done()
        self._on_task_failed(error)
