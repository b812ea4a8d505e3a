"""One title per article, the same everywhere: the library's rows, the window, the report's heading and
the name offered for an export.

A saved web page names itself (its headline in ``og:title`` or ``<title>``); a plain text's first line
is its headline when it has one, and the start of its first paragraph otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from attribview.textio import SourceText

#: A title longer than this is cut at a word: a plain text's first line can be a whole paragraph.
TITLE_LENGTH = 120
#: An export's file name is cut shorter, at a word, so that it fits a file dialog.
FILE_STEM_LENGTH = 60
#: Characters no file name may hold on one of the desktops (Windows is the strictest), and controls.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at the last word that fits (with "…") when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.-–—") + "…"


def article_title(source: SourceText, fallback: str) -> str:
    """The article's title: the page's headline, else the text's first line, else ``fallback``."""
    meta = source.meta
    headline = meta.title if meta is not None and meta.title and meta.title.strip() else None
    first = next((line for line in source.text.splitlines() if line.strip()), "")
    return shorten(headline or first or fallback, TITLE_LENGTH) or fallback


def byline(outlet: str | None, published: dt.date | None) -> str:
    """"Outlet · 2026-03-04", or the part of it that is known ("" when neither is)."""
    return " · ".join(part for part in (outlet, published.isoformat() if published else None) if part)


def file_stem(title: str, fallback: str = "article") -> str:
    """A file name (without suffix) from a title: no path separators or reserved characters, short."""
    plain = unicodedata.normalize("NFC", title)
    stem = shorten(_UNSAFE.sub(" ", plain), FILE_STEM_LENGTH).rstrip("…").strip(" .")
    return stem or fallback
