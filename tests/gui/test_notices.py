"""The viewer says plainly, above the article, when an article is not English, and which profile reads it."""

from __future__ import annotations

from pathlib import Path

from attribview.core.analysis import Analyzer
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.textio import prepare_text

RUSSIAN = (
    "Министр заявил в пятницу, что переговоры с соседями продолжатся. «Мы готовы к диалогу, но не на "
    "таких условиях», — сказал он журналистам. По его словам, это решение было принято ещё весной."
)
RUSSIAN_PAGE = f"<html><body><article><h1>Новости</h1><p>{RUSSIAN}</p></article></body></html>"


def test_notice_bar_shows_for_a_russian_article_and_hides_for_english(
    window: MainWindow, analyzer: Analyzer, sample: Document, tmp_path: Path
) -> None:
    for text, name in ((RUSSIAN, "ru.txt"), (RUSSIAN_PAGE, "ru.html")):
        analysis = analyzer.analyze(prepare_text(text, name=name))
        window.show_article(make_document(analysis, analyzer.profiles, title=name, path=None))
        assert window.notice_bar.isVisible()
        assert "Russian" in window.notice_bar.label.text() and "English" in window.notice_bar.label.text()
    window.grab().save(str(tmp_path / "notice.png"))
    window.show_article(sample)
    assert not window.notice_bar.isVisible()

