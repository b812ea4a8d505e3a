"""The article's main text, as trafilatura finds it, kept as exact spans of the page's own text.

trafilatura tells the story from menus, cookie banners, teaser lists and in-article promo boxes far
better than tag rules do, but it returns text without offsets. Its paragraphs are therefore only used
to choose which parts of the text our own HTML parser extracted (with an offset for every character)
are analysed: each paragraph is found in that text with whitespace ignored, and the analysed text is
made of the parser's characters alone, so each one still points at where it is written in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final

_SPACE_RE: Final = re.compile(r"\s+")
#: A paragraph that cannot be found exactly is kept when this share of its characters aligns.
_MIN_ALIGNED_SHARE: Final = 0.9
#: How far past the expected place an inexact paragraph is looked for (its length times this, plus some).
_SEARCH_WINDOW: Final = 3


@dataclass(frozen=True)
class MainText:
    """What trafilatura found: the selected text with its offsets, and the page's metadata."""

    text: str
    offsets: tuple[int, ...]
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def _paragraphs(original: str) -> tuple[list[str], dict[str, str | None]] | None:
    """trafilatura's paragraphs (headings, list items, cells and quotes each one) and metadata."""
    import trafilatura  # noqa: PLC0415 - only web pages need it, and it takes a while to load

    document = trafilatura.bare_extraction(
        original, include_comments=False, include_tables=True, include_images=False,
        include_links=False, favor_precision=True, with_metadata=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, trafilatura.settings.Document) or document.body is None:
        return None  # None when it finds no main text (a dict only when asked for one)
    blocks = [" ".join("".join(element.itertext()).split()) for element in document.body]
    meta = {"title": document.title, "published": document.date, "outlet": document.sitename,
            "url": document.url}
    return [block for block in blocks if block], meta


def _compact(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace, and for each remaining character its index in `text`."""
    kept = [(index, char) for index, char in enumerate(text) if not char.isspace()]
    return "".join(char for _, char in kept), [index for index, _ in kept]


def _locate(paragraph: str, compact: str, cursor: int) -> tuple[int, int] | None:
    """The span of `compact` holding `paragraph` (whitespace removed), looked for from `cursor` on."""
    found = compact.find(paragraph, cursor)
    if found < 0:
        found = compact.find(paragraph)
    if found >= 0:
        return found, found + len(paragraph)
    window = compact[cursor:cursor + _SEARCH_WINDOW * len(paragraph) + 200]
    matcher = SequenceMatcher(None, paragraph, window, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or sum(block.size for block in blocks) < _MIN_ALIGNED_SHARE * len(paragraph):
        return None
    return cursor + blocks[0].b, cursor + blocks[-1].b + blocks[-1].size


def select_main_text(original: str, text: str, offsets: tuple[int, ...]) -> MainText | None:
    """Keep the parts of `text` (extracted from `original`, `offsets` per character) that are the story.

    None when trafilatura finds no main text or none of it can be found in `text`: the caller then
    falls back to its own rules.
    """
    found = _paragraphs(original)
    if found is None:
        return None
    paragraphs, meta = found
    compact, index = _compact(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for paragraph in paragraphs:
        located = _locate(_SPACE_RE.sub("", paragraph), compact, cursor)
        if located is None:
            continue
        start, end = index[located[0]], index[located[1] - 1] + 1
        if spans and start < spans[-1][1]:
            continue  # already taken (trafilatura repeats a paragraph it also kept elsewhere)
        spans.append((start, end))
        cursor = located[1]
    if not spans:
        return None
    pieces: list[str] = []
    kept: list[int] = []
    for number, (start, end) in enumerate(spans):
        if number:
            pieces.append("\n")
            kept.append(offsets[spans[number - 1][1]])  # the line break maps to what ended the line
        pieces.append(text[start:end])
        kept.extend(offsets[start:end])
    return MainText("".join(pieces), (*kept, offsets[-1]), meta["title"], meta["published"],
                    meta["outlet"], meta["url"])
