"""The progress of an import into the library: a bar, the file being stored, and a Cancel button.

The import runs on the engine's worker; it reports each stored file through :meth:`ImportProgress.report`
(called on that worker: the signal carries it to the GUI thread) and asks :meth:`ImportProgress.stopped`
before the next one, so Cancel ends it after the file being stored, and what was stored is kept.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from attribview.gui.legend import plural
from attribview.gui.plain import plain_label

if TYPE_CHECKING:
    from attribview.core.library import ImportReport


class ImportProgress(QDialog):
    """A window-modal progress dialog for one import.

    Signals:
        advanced: (files done, files in all, name of the file just done), from the import's worker
    """

    advanced = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing into the library")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._stop = threading.Event()
        self.label: QLabel = plain_label("Reading the files…")  # file names are never markup
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 52)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first file is analysed
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.advanced.connect(self._on_advanced)

    # called on the import's worker ------------------------------------------------------------------

    def report(self, done: int, total: int, name: str) -> None:
        """The import's progress callback: hands it to the GUI thread."""
        with contextlib.suppress(RuntimeError):  # the dialog went away with its window meanwhile
            self.advanced.emit(done, total, name)

    def stopped(self) -> bool:
        """The import's stop question: whether Cancel was pressed."""
        return self._stop.is_set()

    # on the GUI thread ------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop after the file being stored; the dialog stays until the import has stopped."""
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling after the file being stored…")

    def reject(self) -> None:  # Escape and the window's close button cancel too, never just hide it
        self.cancel()

    def _on_advanced(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if not self._stop.is_set():
            self.label.setText(f"{done} of {plural(total, 'file')}: {name}")


def import_summary(report: ImportReport) -> str:
    """One line for the status bar: what was stored, what was there already, what failed, and a cancel."""
    parts = [f"{plural(len(report.imported), 'article')} imported"]
    if report.skipped or report.duplicates:
        parts.append(f"{len(report.skipped) + len(report.duplicates)} already in the library")
    if report.failed:
        parts.append(f"{len(report.failed)} could not be read")
    done = len(report.imported) + len(report.skipped) + len(report.duplicates) + len(report.failed)
    if report.cancelled:
        parts.append(f"cancelled after {min(done, report.total)} of {plural(report.total, 'file')}: "
                     "what was stored is kept")
    return ", ".join(parts) + "."
