"""Renders a highlighted article with its legend to a PNG, offscreen: for slides and tests."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from attribview.atomic import replacing
from attribview.core.analysis import Analyzer
from attribview.core.highlight import LEGEND_NOTE
from attribview.errors import AttribviewError
from attribview.gui.application import ensure_application
from attribview.gui.article_view import article_font, fill_document
from attribview.gui.document import Document, load_file
from attribview.gui.highlights import (
    apply_highlights,
    badge_margin,
    blend,
    layout_badges,
    paint_badges,
    readable_on,
    set_left_margin,
)
from attribview.gui.legend import plural as _plural
from attribview.gui.plain import InertDocument, rich

MARGIN = 24
PAGE = QColor(Qt.GlobalColor.white)  # slides are light whatever the desktop theme


def _nowrap(text: str) -> str:
    """Escaped, with non-breaking spaces: a legend entry never breaks across lines."""
    return rich(text).replace(" ", "&nbsp;")


def header_html(article: Document) -> str:
    """Title and legend as rich text; every label and the title are escaped, never markup."""
    analysis = article.analysis
    profile = f" · {rich(article.profile_label)}" if article.profile_label else ""
    parts = [f"<p style='font-size:large'><b>{rich(article.title)}</b>{profile}</p>"
             "<p style='line-height:150%'>"]
    for style in article.groups:
        if not style.quotes:
            continue
        tinted = blend(QColor(style.colour), PAGE)  # a profile's colour as Qt reads it: never raw HTML
        fill, ink = tinted.name(), readable_on(tinted).name()
        counts = f"{_plural(style.sentences, 'sentence')}, {_plural(style.quotes, 'quote')}"
        parts.append(  # the swatch carries the badge the margin shows: colour and mark read together
            f"<span style='background-color:{fill}; color:{ink}; font-size:small'><b>&nbsp;"
            f"{_nowrap(style.badge)}&nbsp;</b></span>&nbsp;{_nowrap(style.label)}&nbsp;"
            f"<span style='color:#555555'>({_nowrap(counts)})</span>&nbsp;&nbsp;&nbsp; "
        )
    narration = sum(1 for s in analysis.sentences if not s.groups)
    parts.append(f"</p><p style='color:#555555'>{len(analysis.quotes)} attributions; narration: "
                 f"{narration} of {len(analysis.sentences)} sentences. {rich(LEGEND_NOTE)}</p>")
    return "".join(parts)


def render_image(article: Document, width: int = 1000) -> QImage:
    """The article as the window highlights it, under a title and legend, ``width`` pixels wide."""
    ensure_application()  # rendering text needs one
    header = InertDocument()
    header.setDefaultFont(article_font())
    header.setDocumentMargin(MARGIN)
    header.setHtml(header_html(article))
    header.setTextWidth(width)
    body = InertDocument()
    offsets = fill_document(body, article.analysis.text)
    body.setDocumentMargin(MARGIN)
    set_left_margin(body, badge_margin(body, article))  # badges on: a print has no other switch
    runs = apply_highlights(body, offsets.to_qt, article, {g.id for g in article.groups}, PAGE)
    body.setTextWidth(width)
    badges = layout_badges(body, offsets.to_qt, article, runs)
    header_height = header.size().height()
    height = int(header_height + body.size().height()) + 1
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(PAGE)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    header.drawContents(painter)
    painter.setPen(QColor("#cccccc"))
    painter.drawLine(QPointF(MARGIN, header_height), QPointF(width - MARGIN, header_height))
    painter.translate(0, header_height)
    body.drawContents(painter, QRectF(0, 0, width, body.size().height()))
    paint_badges(painter, body, badges, PAGE)
    painter.end()
    return image


def render_snapshot(path: str, out: str, width: int = 1000, *, analyzer: Analyzer | None = None) -> None:
    """Analyse ``path`` (on this thread: for the command line) and write its highlighted PNG to ``out``.

    Raises:
        AttribviewError: the article cannot be read, or the PNG cannot be written.
    """
    if width < 200:
        raise AttribviewError(f"snapshot width {width} is too small (at least 200 pixels)")
    article = load_file(analyzer if analyzer is not None else Analyzer(), path)
    with replacing(out) as temp:
        writer = QImageWriter(str(temp), b"png")  # QImage.save's bytes format argument is refused at run time
        if not writer.write(render_image(article, width)):
            raise AttribviewError(f"{out}: cannot write the PNG ({writer.errorString()})")
        writer.device().close()  # everything on disk before the temporary file is renamed
