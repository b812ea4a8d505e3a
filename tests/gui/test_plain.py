"""Plain text helpers: Qt shows the characters given; a document loads nothing its text names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from attribview.gui.plain import InertDocument, plain_label, rich, tooltip

HOSTILE = [
    '<img src="{url}">',
    "<b>bold</b> and <i>italic</i>",
    "&lt;b&gt; is how a tag is written",
    "Mayor <img src={url}> said\r\nit twice\nand <a href='x'>linked</a>",
    "<!DOCTYPE html><html><body><p>Ilse</p></body></html>",
    "  spaces kept, \u2028 a line separator and \u00a0 a non-breaking space",
]


def test_the_canary_sees_qt_open_a_file_named_in_rich_text(qtbot: QtBot, canary: Any) -> None:
    """The detector itself: a rich-text label naming the canary makes Qt open it, so a test that
    finds the canary unopened proves something."""
    label = QLabel(f'<img src="{canary.url}">')
    qtbot.addWidget(label)
    label.show()
    QApplication.processEvents()
    assert canary.opened()


@pytest.mark.parametrize("text", HOSTILE)
def test_a_tooltip_shows_its_characters_and_loads_nothing(
        qtbot: QtBot, canary: Any, shown: Callable[..., str], text: str) -> None:
    text = text.format(url=canary.url)
    tip = tooltip(text)
    assert " ".join(shown(tip).split()) == " ".join(text.replace("\u00a0", " ").split())
    label = QLabel("hover me")
    qtbot.addWidget(label)
    label.show()
    QApplication.processEvents()
    QToolTip.showText(label.mapToGlobal(label.rect().center()), tip, label)
    QApplication.processEvents()
    assert QToolTip.isVisible() and QToolTip.text() == tip
    assert not canary.opened()
    QToolTip.hideText()


@pytest.mark.parametrize("text", HOSTILE)
def test_a_plain_label_shows_its_characters_and_loads_nothing(qtbot: QtBot, canary: Any, text: str) -> None:
    text = text.format(url=canary.url)
    label = plain_label(text)
    qtbot.addWidget(label)
    label.show()
    label.grab()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == text
    label.setText(text + " again")  # the format holds for text set later
    label.grab()
    assert not canary.opened()


def test_rich_pieces_keep_line_breaks_and_escape_everything(shown: Callable[..., str]) -> None:
    assert rich("a <b>\r\nc & d") == "a &lt;b&gt;<br>c &amp; d"
    assert shown(f"<qt><b>{rich('<i>x</i>')}</b></qt>") == "<i>x</i>"
    assert tooltip("") == ""


def test_an_inert_document_refuses_every_resource(canary: Any) -> None:
    document = InertDocument()
    document.setHtml(f'<html><head><link rel="stylesheet" href="{canary.url}"></head><body>'
                     f'<img src="{canary.url}"><p style="background-image: url({canary.url})">x</p>'
                     "</body></html>")
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    image_asked = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(canary.url))
    assert isinstance(image_asked, QImage) and image_asked.size() == QSize(1, 1)  # a blank pixel
    assert document.resource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl(canary.url)) is None
    assert canary.url in document.refused
    assert not canary.opened()
