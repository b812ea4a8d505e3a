"""The screen shown with no article open: the bundled sample, Open, Paste and recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from attribview.gui.plain import plain_label, tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class WelcomePage(QWidget):
    """Signals: sample_requested, open_requested, paste_requested, recent_requested (path)."""

    sample_requested = Signal()
    open_requested = Signal()
    paste_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QWidget()
        column.setFixedWidth(560)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        title = QLabel("attribview")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        tagline = QLabel("Who said what in a news article. Every attributed statement is highlighted in "
                         "the colour of its speaker's group, so you see at a glance whose words carry "
                         "the story.")
        tagline.setWordWrap(True)
        layout.addWidget(tagline)
        layout.addSpacing(14)
        self.sample_button = self._button("Open the sample article", self.sample_requested, layout)
        self.sample_button.setDefault(True)
        self._button("Open an article file…  (Ctrl+O)", self.open_requested, layout)
        self._button("Paste an article from the clipboard  (Ctrl+Shift+V)", self.paste_requested, layout)
        hint = QLabel("Or drop a .txt or .html file on this window.")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        layout.addSpacing(14)
        self._recent_title = QLabel("Recent files")
        bold = self._recent_title.font()
        bold.setBold(True)
        self._recent_title.setFont(bold)
        layout.addWidget(self._recent_title)
        self.recent_list = QListWidget()
        self.recent_list.setMaximumHeight(180)
        self.recent_list.itemClicked.connect(self._on_recent_activated)
        layout.addWidget(self.recent_list)
        self.status = plain_label()
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.set_recent_files([])

    def _button(self, text: str, signal: SignalInstance, layout: QVBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        button.setStyleSheet("text-align: left; padding-left: 14px;")
        button.clicked.connect(signal)
        layout.addWidget(button)
        return button

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}    {Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(tooltip(path))
            self.recent_list.addItem(item)
        self._recent_title.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(str(item.data(PATH_ROLE)))
