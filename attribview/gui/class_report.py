"""The trainer's class report: every attempt file scored against the key, and the common mistakes.

The scoring is the core's (``core.grading.class_report``), as on the command line (`attribview
class-report`); this dialog shows its two tables and exports them as CSV, formula cells neutralised.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from attribview.core.exercise import load_exercise
from attribview.core.grading import (
    MISTAKE_COLUMNS,
    SCORE_COLUMNS,
    ClassReport,
    class_report,
    mistake_cells,
    score_cells,
    write_class_csv,
)
from attribview.errors import AttribviewError, InputError
from attribview.gui.plain import plain_label


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> QTableWidget:
    """A read-only table of plain cells (an item's text is never markup)."""
    table = QTableWidget(len(rows), len(header))
    table.setHorizontalHeaderLabels(list(header))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(cell))
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ClassReportDialog(QDialog):
    """Scores per trainee and the sentences most got wrong, with "Export CSV…"."""

    def __init__(self, report: ClassReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Class report — attribview")
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        exercise = report.exercise
        layout.addWidget(plain_label(f"{exercise.title}: {len(report.trainees)} attempts, "
                                     f"{len(exercise.sentences)} sentences, average "
                                     f"{round(100 * report.average)}%"))
        self.scores = _table(SCORE_COLUMNS, [score_cells(row) for row in report.trainees])
        layout.addWidget(self.scores, 1)
        layout.addWidget(QLabel("Common mistakes (the sentences most trainees got wrong first):"))
        self.mistakes = _table(MISTAKE_COLUMNS, [mistake_cells(m) for m in report.mistakes])
        layout.addWidget(self.mistakes, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton("Export CSV…")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda _checked=False: self.export_csv())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def of_files(cls, key: str, attempts: Sequence[str], parent: QWidget | None = None) -> ClassReportDialog:
        """The report of attempt files against a key file; InputError names a file that is not one."""
        exercise = load_exercise(key)
        if not exercise.keyed:
            raise InputError(f"{Path(key).name}: the trainees' copy, without answers; choose the key file")
        return cls(class_report(exercise, attempts), parent)

    def export_csv(self, path: str | None = None) -> str | None:
        if path is None:
            name = f"{Path(self.report.exercise.title).stem}.class.csv"
            path, _ = QFileDialog.getSaveFileName(self, "Export the class report", name,
                                                  "CSV files (*.csv);;All files (*)")
        if not path:
            return None
        try:
            write_class_csv(self.report, path)
        except AttribviewError as error:
            QMessageBox.warning(self, "attribview", str(error))
            return None
        return path
