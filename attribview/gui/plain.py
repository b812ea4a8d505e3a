"""Text from an article, the library or a user, shown as the characters it is: never markup, never a resource.

Qt reads a string as rich text wherever it guesses it might be (``Qt.mightBeRichText``): tooltips, labels
in ``AutoText`` format, message boxes, chart labels. A speaker named ``<img src=file:///dev/zero>`` would
then make Qt read that file. Every widget of the viewer that shows such text goes through this module:
labels get ``Qt.PlainText``, rich text gets every piece escaped, and the documents built from article text
refuse every resource they are asked for.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget


def rich(text: str) -> str:
    """``text`` as a piece of Qt rich text that shows its characters: escaped, line breaks kept."""
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def tooltip(text: str) -> str:
    """Plain ``text`` as a tooltip: Qt renders a tooltip as rich text when it looks like markup."""
    return f"<qt>{rich(text)}</qt>" if text else ""


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` (and any text set later) as plain characters."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class InertDocument(QTextDocument):
    """A text document that loads nothing: images, style sheets or links named in its text are refused.

    An image is answered with a blank pixel: given nothing, Qt's image handler would read the file named
    by the ``src`` itself. ``refused`` lists the resources asked for (none is ever read), so a test can
    prove that nothing was.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        if type == QTextDocument.ResourceType.ImageResource.value:
            return _blank_pixel()
        return None


def _blank_pixel() -> QImage:
    pixel = QImage(1, 1, QImage.Format.Format_ARGB32)
    pixel.fill(Qt.GlobalColor.transparent)
    return pixel
