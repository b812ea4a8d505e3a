"""Run under a real X server (Xvfb) of a given size: open the bundled sample in the viewer, save a
screenshot of the whole screen and print what the window gave each part, as JSON, for test_layout.

Usage: python -m tests.gui.window_shot OUT.png (a fresh settings and library file each run)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from attribview.gui.checker import SETTING
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import Column
from attribview.paths import sample_article


def _cut_rows(window: MainWindow, column: Column) -> list[int]:
    """The rows whose cell of ``column`` is wider than the column (drawn elided), as the delegate measures."""
    table = window.table
    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.decorationSize = table.iconSize() if table.iconSize().isValid() else option.decorationSize
    return [row for row in range(window.proxy.rowCount())
            if delegate.sizeHint(option, window.proxy.index(row, column)).width() > table.columnWidth(column)]


def _elided(window: MainWindow, column: Column) -> list[str]:
    """The cells of ``column`` drawn elided."""
    return [str(window.proxy.index(row, column).data()) for row in _cut_rows(window, column)]


def _hidden_on_hover(window: MainWindow, *columns: Column) -> list[str]:
    """The elided cells of ``columns`` whose tooltip does not give their whole text."""
    hidden = []
    for column in columns:
        for row in _cut_rows(window, column):
            index = window.proxy.index(row, column)
            tip = QTextDocumentFragment.fromHtml(str(index.data(Qt.ItemDataRole.ToolTipRole))).toPlainText()
            if " ".join(str(index.data()).split()) not in " ".join(tip.split()):
                hidden.append(str(index.data()))
    return hidden


def measure(window: MainWindow) -> dict[str, object]:
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    area = window.width() * window.height()
    view = window.article_view
    return {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "article_share": view.width() * view.height() / area,
        "reading_share": window.reading_splitter.width() * window.reading_splitter.height() / area,
        "table_share": window.quotes_area.height() / window.height(),
        "text_column": window.table.columnWidth(Column.TEXT),
        "table_scrolls": window.table.horizontalScrollBar().isVisible(),
        "table_rows": window.table.viewport().height() / window.table.verticalHeader().defaultSectionSize(),
        "side_width": window.main_splitter.sizes()[1],
        "legend_width": window.legend.minimumSizeHint().width(),
        "elided_speakers": _elided(window, Column.SPEAKER),
        "elided_groups": _elided(window, Column.GROUP),
        "elided_status": _elided(window, Column.STATUS),
        "elided_text": len(_elided(window, Column.TEXT)),
        "text_hidden_on_hover": _hidden_on_hover(window, Column.TEXT),
        "names_hidden_on_hover": _hidden_on_hover(window, Column.SPEAKER, Column.GROUP),
        "legend_scrolls": window.legend_area.horizontalScrollBar().isVisible()
        or window.legend_area.verticalScrollBar().isVisible(),
    }


def main() -> int:
    out, folder = Path(sys.argv[1]), Path(tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTING, "Screenshot")
    window = MainWindow(settings=settings, library_path=folder / "library.sqlite3")
    result: dict[str, object] = {}

    def shown(_article: object) -> None:
        def shoot() -> None:
            result.update(measure(window))
            window.screen().grabWindow(0).save(str(out))
            window.summary_dock.show()
            window.summary_dock.raise_()
            QTimer.singleShot(400, shoot_summary)

        def shoot_summary() -> None:
            window.summary.grab().save(str(out.with_suffix(".summary.png")))
            axes = window.summary.chart.axes()
            result["summary_truncated"] = [axis.titleText() or "categories" for axis in axes
                                           if axis.labelsTruncated()]
            result["summary_within_screen"] = window.screen().availableGeometry().contains(
                window.frameGeometry())
            window.close()
        QTimer.singleShot(600, shoot)  # layout and paint settle

    window.article_shown.connect(shown)
    window.show()
    window.start(str(sample_article()))
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    window.tasks.wait()
    print(json.dumps(result))
    return 0 if result else 1


if __name__ == "__main__":
    sys.exit(main())
