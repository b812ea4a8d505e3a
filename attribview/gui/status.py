"""Verification statuses as the viewer shows them: a name, a key to set it and a marker colour."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from attribview.core.highlight import STATUS_COLOURS
from attribview.core.statuses import CHECKED_STATUSES, STATUSES


@dataclass(frozen=True)
class StatusStyle:
    """``keys``: the single keys that set the status on the selected quote (a digit and a letter)."""

    id: str
    label: str
    keys: tuple[str, ...]
    colour: str | None  # None: an empty ring (nothing decided yet)


#: In the store's order; the colours (the core's, kept apart from every group colour) only mark,
#: the labels carry the meaning on their own.
STYLES: dict[str, StatusStyle] = {
    style.id: style for style in (
        StatusStyle("unverified", "Unverified", ("1", "U"), None),
        StatusStyle("in_progress", "In progress", ("2", "P"), STATUS_COLOURS["in_progress"]),
        StatusStyle("verified", "Verified", ("3", "V"), STATUS_COLOURS["verified"]),
        StatusStyle("disputed", "Disputed", ("4", "D"), STATUS_COLOURS["disputed"]),
        StatusStyle("false", "False", ("5", "F"), STATUS_COLOURS["false"]),
        StatusStyle("inconclusive", "Inconclusive", ("6", "I"), STATUS_COLOURS["inconclusive"]),
    )
}
assert tuple(STYLES) == STATUSES, "every status of the store needs a style"

MARKER = QSize(12, 12)


def status_label(status: str | None) -> str:
    if status is None:
        return ""
    style = STYLES.get(status)
    return style.label if style is not None else status.replace("_", " ")


def is_checked(status: str | None) -> bool:
    return status in CHECKED_STATUSES


def status_icon(status: str | None, outline: QColor) -> QIcon:
    """A filled dot in the status colour; an empty ring for a quote nobody has decided on."""
    pixmap = QPixmap(MARKER)
    pixmap.fill(Qt.GlobalColor.transparent)
    style = STYLES.get(status or "")
    if style is None:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if style.colour is None:
        painter.setPen(QPen(outline, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(QColor(style.colour).darker(130))
        painter.setBrush(QColor(style.colour))
    painter.drawEllipse(1, 1, MARKER.width() - 3, MARKER.height() - 3)
    painter.end()
    return QIcon(pixmap)
