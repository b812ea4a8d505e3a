"""Plain text (``gui.plain``): Qt shows the characters given and a document loads nothing its text names;
markup in an article, a speaker's name, a note or a title is shown as its characters everywhere in the
window, and no resource it names is ever opened (a watched canary file stays unopened)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from attribview.gui.article_view import quote_tooltip
from attribview.gui.main_window import MainWindow
from attribview.gui.plain import InertDocument, plain_label, rich, tooltip
from attribview.gui.report_export import document_report, write_pdf
from attribview.gui.snapshot import header_html, render_image

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



SLOW = 60_000


HEADING = "<b>Harbour</b> town, <i>Sunday</i>."  # the title everywhere: the article's first line


ARTICLE = """{heading}

"<img src='{url}'> The bridge holds," said Mayor Ilse Varnholt on Tuesday.

"The <b>Veltmark</b> plan stands," Colonel Brannick Oduya said.

The ferry left at noon.
"""


SPEAKER = 'Mayor <img src="{url}"> <b>Veltmark</b>'


NOTE = 'Checked <img src="{url}"> with <b>Veltmark</b> care'


FILE_NAME = "<i>Ferry log.txt"


#: Words of the hostile text, each with the markup around it that must show as characters.
MARKED = {"Veltmark": "<b>Veltmark</b>", "Harbour": "<b>Harbour</b>", "Ferry log": "<i>Ferry log",
          "Sunday": "<i>Sunday</i>"}


@pytest.fixture
def hostile(qtbot: QtBot, window: MainWindow, canary: Any, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The window with a hostile article open and stored, its first quote given a hostile speaker and
    note through the detail panel; the literal strings the screen must show."""
    texts = {"speaker": SPEAKER.format(url=canary.url), "note": NOTE.format(url=canary.url),
             "heading": HEADING, "title": HEADING}
    texts["article"] = ARTICLE.format(url=canary.url, heading=texts["heading"])
    path = tmp_path / FILE_NAME
    path.write_text(texts["article"], encoding="utf-8")
    with qtbot.wait_signal(window.library_opened, timeout=SLOW):
        window.start()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        window.open_file(str(path))
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.detail.speaker_edit.setText(texts["speaker"])
        window.detail.speaker_edit.editingFinished.emit()
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.detail.verification.note_edit.insertPlainText(texts["note"])  # as a paste would
        window.detail.commit_pending()
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.refresh_library()
    yield texts


def _unwrapped(text: str) -> str:
    """The text without its white space: the chart wraps a label in lines, long words included."""
    return "".join(text.split())


def _assert_never_rendered(texts: list[str]) -> None:
    """Wherever a marked word shows, its markup shows with it: it was never rendered bold or italic."""
    for text in texts:
        for word, literal in MARKED.items():
            assert word not in text or literal in text, text


def _label_text(label: QLabel, shown: Callable[..., str]) -> str:
    return shown(label.text(), label.textFormat())


def _show_every_tooltip(window: MainWindow, tips: list[str]) -> None:
    """Show each tooltip as hovering would, and paint the window with each dock in front."""
    anchor = window.article_view.viewport()
    for tip in tips:
        QToolTip.showText(anchor.mapToGlobal(QPoint(10, 10)), tip, anchor)
        QApplication.processEvents()
    QToolTip.hideText()
    for dock in (window.summary_dock, window.library_dock):
        dock.show()
        dock.raise_()
        QApplication.processEvents()
        window.grab()


def _screen_tooltips(window: MainWindow) -> list[str]:
    """Every tooltip the window can show: widgets', list and tree items', the table's and the article's."""
    tips = [w.toolTip() for w in window.findChildren(QWidget) if w.toolTip()]
    history = window.detail.verification.history_list
    tips += [history.item(i).toolTip() for i in range(history.count())]
    tree = window.library_panel.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        tips += [item.toolTip(column) for column in range(tree.columnCount())]
    model = window.proxy
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            tips.append(str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""))
    article = window.document
    assert article is not None
    tips += [quote_tooltip(article, i) for i in range(len(article.analysis.quotes))]
    return [tip for tip in tips if tip]


def _categories(window: MainWindow) -> list[str]:
    return [label for axis in window.summary.chart.axes() if isinstance(axis, QBarCategoryAxis)
            for label in axis.categories()]


def _as_menu_shows(text: str) -> str:
    """A menu item's text as drawn: "&&" is an "&", a single "&" marks the shortcut key and is not drawn."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def test_every_place_shows_the_characters_and_opens_nothing(
        window: MainWindow, hostile: dict[str, str], canary: Any, shown: Callable[..., str]) -> None:
    speaker, note = hostile["speaker"], hostile["note"]
    tips = _screen_tooltips(window)
    _show_every_tooltip(window, tips)
    assert not canary.opened()

    shown_tips = [shown(tip) for tip in tips]
    labels = [_label_text(label, shown) for label in window.findChildren(QLabel)]
    buttons = [button.text() for button in window.findChildren(QAbstractButton)]
    categories = [shown(label) for label in _categories(window)]
    assert speaker in buttons  # the legend's check box (without a profile a speaker is a group)
    assert any(speaker in tip for tip in shown_tips)  # its tooltip, the table's, the article's
    assert _unwrapped(speaker) in [_unwrapped(label) for label in categories]  # the chart's bar
    assert window.detail.speaker_edit.text() == speaker
    assert any(f"Show or hide the highlights of {speaker}" == tip for tip in shown_tips)
    history = [shown(window.detail.verification.history_list.item(i).toolTip())
               for i in range(window.detail.verification.history_list.count())]
    assert any(note in tip for tip in history) and any(speaker in tip for tip in history)
    assert any(hostile["heading"] in tip for tip in shown_tips)  # the library's tooltip
    assert hostile["heading"] in [row[0] for row in window.library_panel.rows()]
    assert any(f"<img src='{canary.url}'> The bridge" in text for text in labels + shown_tips)
    _assert_never_rendered(labels + shown_tips + categories + buttons)
    asked = window.article_view.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                                     QUrl(canary.url))
    assert asked is not None and not canary.opened()  # the article's own document reads nothing


def test_training_shows_the_characters_and_opens_nothing(
        window: MainWindow, hostile: dict[str, str], canary: Any, shown: Callable[..., str]) -> None:
    assert window.start_training()
    score = window.check_answers()  # nothing answered: every attributed sentence is a mistake
    assert score is not None and score.right < score.total
    session = window.training
    assert session is not None
    mistakes = window.training_panel.mistakes
    tips = [mistakes.item(i).toolTip() for i in range(mistakes.count())]
    tips += [tip for i in range(len(session.exercise.sentences)) if (tip := session.tooltip(i))]
    _show_every_tooltip(window, tips)
    assert not canary.opened()
    shown_tips = [shown(tip) for tip in tips]
    assert any(f"<img src='{canary.url}'>" in tip for tip in shown_tips)  # a mistake's sentence
    _assert_never_rendered(shown_tips)
    assert any(hostile["speaker"] in tip for tip in shown_tips)  # the reference's group
    title = window.training_panel.title
    assert hostile["title"] in _label_text(title, shown)
    badges = window.article_view.toPlainText().replace("\u00a0", " ")  # "should be: <the group>" in the text
    assert f"should be: {hostile['speaker']}" in badges and not canary.opened()


def test_report_and_snapshot_show_the_characters_and_open_nothing(
        window: MainWindow, hostile: dict[str, str], canary: Any, tmp_path: Path) -> None:
    article = window.document
    assert article is not None
    write_pdf(document_report(article), tmp_path / "report.pdf")
    if shutil.which("pdftotext"):
        printed = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], check=True,
                                 capture_output=True, text=True).stdout
        words = " ".join(printed.split())  # a name may wrap at a space in its column
        assert hostile["speaker"] in words and hostile["title"] in words
    render_image(article)
    assert not canary.opened()


def test_an_error_message_is_plain_text(qtbot: QtBot, window: MainWindow, canary: Any) -> None:
    message = f'<img src="{canary.url}">: cannot read'
    window._show_error_box("attribview", message)
    box = next(b for b in window.findChildren(QMessageBox) if b.text() == message)
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.grab()
    box.close()
    assert not canary.opened()


def test_a_profile_colour_with_markup_stays_a_colour(window: MainWindow, hostile: dict[str, str],
                                                     canary: Any) -> None:
    """Profiles are files a user may write: a colour that closes the style attribute adds no markup."""
    article = window.document
    assert article is not None
    colour = f"#E69F00'><img src='{canary.url}'><span style='"
    tainted = replace(article, groups=tuple(replace(g, colour=colour) for g in article.groups))
    header = InertDocument()
    header.setHtml(header_html(tainted))
    image = QImage(800, 200, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    header.drawContents(painter)  # images are asked for when drawn
    painter.end()
    assert header.refused == []  # no image in the legend: the colour was read as a colour
    render_image(tainted)
    assert not canary.opened()


def test_the_undo_menu_names_a_speaker_as_written(qtbot: QtBot, window: MainWindow,
                                                  hostile: dict[str, str]) -> None:
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.detail.speaker_edit.setText("Varnholt & Oduya")
        window.detail.speaker_edit.editingFinished.emit()
    assert _as_menu_shows(window.undo_action.text()) == "Undo Reassign to Varnholt & Oduya"
