"""The snapshot draws the same runs as the viewer (a sentence with two speakers shows both tints), at
the width asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.gui.document import make_document
from attribview.gui.highlights import blend
from attribview.gui.snapshot import PAGE, render_image, render_snapshot
from attribview.paths import sample_article


def _rows_with(image: QImage, colour: QColor, top: int) -> set[int]:
    """Rows below ``top`` where ``colour`` fills the text column (right of the badge margin)."""
    wanted = colour.rgb()
    return {y for y in range(top, image.height()) for x in range(image.width() // 4, image.width(), 3)
            if image.pixel(x, y) == wanted}


def test_the_snapshot_paints_both_speakers_of_one_sentence(analyzer: Analyzer, two_voices: Analysis) -> None:
    article = make_document(two_voices, analyzer.profiles, title="Fighting near Veldorf")
    image = render_image(article, 1000)
    white, across = PAGE.rgb(), range(100, image.width() - 100, 7)
    top = next(y for y in range(image.height())  # the rule between the legend and the article
               if len({image.pixel(x, y) for x in across}) == 1 and image.pixel(100, y) != white)
    tints = {g.id: blend(QColor(g.colour), PAGE) for g in article.groups}
    rows = {group: _rows_with(image, tints[group], top)
            for group in ("ukrainian_military", "other", "russian_mod", "putin")}
    assert all(rows.values()), {g: len(r) for g, r in rows.items()}
    assert rows["ukrainian_military"] & rows["other"]  # one line of one sentence, two colours
    assert max(rows["ukrainian_military"]) < min(rows["russian_mod"])  # the second paragraph below
    assert max(rows["russian_mod"]) <= max(rows["putin"])



def test_snapshot_writes_a_png_of_the_width_asked(analyzer: Analyzer, tmp_path: Path) -> None:
    out = tmp_path / "sample.png"
    render_snapshot(str(sample_article()), str(out), width=800, analyzer=analyzer)
    image = QImage(str(out))
    assert out.stat().st_size > 10_000
    assert image.width() == 800 and image.height() > 800
