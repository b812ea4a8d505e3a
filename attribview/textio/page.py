"""HTML pages read without running them: text with an offset for every character, and the page's metadata.

Nothing is executed or fetched: tags only decide what is dropped and where lines break. trafilatura then
chooses which of that text is the story (`textio.main_text`).
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

from attribview.errors import InputError
from attribview.textio.main_text import select_main_text


def _build_char_map() -> dict[int, str]:
    """One-for-one replacements, so the analysed text keeps the original's length and offsets."""
    mapping: dict[int, str] = {}
    for code in (*range(0x20), *range(0x7F, 0xA0)):
        mapping[code] = " "  # stray control characters confuse the tokenizer; a space is harmless
    del mapping[ord("\n")]
    mapping[ord("\r")] = "\n"  # lone CR (old Mac files); CRLF is joined to one LF before this map applies
    for line_break in "\v\f\x85\u2028\u2029":
        mapping[ord(line_break)] = "\n"
    # Unicode space separators (category Zs) other than the plain space, and invisible word breaks.
    spaces = "\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
    for space in spaces + "\u180e\u200b\u2060\ufeff":
        mapping[ord(space)] = " "
    return mapping


CHAR_MAP: Final = _build_char_map()
_HTML_START_RE: Final = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_HTML_TAG_RE: Final = re.compile(
    r"</?(?:p|div|br|span|li|h[1-6]|table|tr|td|script|style)\b[^<>]*>", re.IGNORECASE
)
_HTML_SUFFIXES: Final = (".htm", ".html", ".xhtml")
_MIN_HTML_TAGS: Final = 3
_ENTITY_RE: Final = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?")
_RUN_RE: Final = re.compile(r"(\S+)|\s+")
# Elements whose content is not article text (or is executable), dropped with everything inside.
_SKIP_TAGS: Final = frozenset(
    {"script", "style", "noscript", "head", "title", "nav", "footer", "aside", "form", "template"}
    | {"iframe", "svg"}
)
# Elements that end a paragraph: each becomes its own line of `text`.
_BLOCK_TAGS: Final = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "tr"}
    | {"ul", "ol", "dl", "dt", "dd", "table", "main", "header", "figure", "figcaption", "pre", "hr"}
    | {"address", "body", "html"}
)
_CELL_TAGS: Final = frozenset({"td", "th"})


_ARTICLE_TAG_RE: Final = re.compile(r"<article[\s>]", re.IGNORECASE)

#: ``<meta>`` keys that say what a saved page is, mapped to the PageMeta field they fill (first wins).
_META_FIELDS: Final = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "outlet", "application-name": "outlet",
    "og:url": "url", "article:published_time": "published", "datepublished": "published",
    "date": "published", "pubdate": "published", "publish-date": "published",
}


@dataclass(frozen=True)
class PageMeta:
    """What a saved web page says about itself: headline, outlet, address and publication date."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def _entity_length(raw: str) -> int:
    """How many characters of `raw` (starting with "&") the entity at its start takes, 0 if none.

    HTML decodes the longest known name, with or without ";": "&notanentity;" is "¬" for "&not" and
    then "anentity;" as written, so only those four characters belong to the "¬".
    """
    decoded = html.unescape(raw)
    if decoded == raw:
        return 0
    for length in range(2, len(raw) + 1):
        head = raw[:length]
        unescaped = html.unescape(head)
        if unescaped != head and unescaped + raw[length:] == decoded:
            return length
    return len(raw)


def source_length(original: str, pos: int) -> int:
    """How many characters of `original` produced the text at `pos`: a whole entity, else one."""
    if original.startswith("&", pos):
        match = _ENTITY_RE.match(original, pos)
        if match:
            return _entity_length(match.group()) or 1
    return 1


def is_html(original: str, name: str) -> bool:
    """HTML by file name, by its opening tag, or by several common tags (opening or closing)."""
    if name.lower().endswith(_HTML_SUFFIXES) or _HTML_START_RE.match(original):
        return True
    first_tags = itertools.islice(_HTML_TAG_RE.finditer(original), _MIN_HTML_TAGS)
    return sum(1 for _ in first_tags) == _MIN_HTML_TAGS


class _HtmlExtractor(HTMLParser):
    """Readable body text of an HTML page, one paragraph per line, with each character's origin.

    Nothing is executed or fetched: tags only decide what is dropped and where lines break.
    """

    def __init__(self, original: str, *, whole_page: bool = False) -> None:
        super().__init__(convert_charrefs=False)  # entities one by one, so each keeps its position
        self._original = original
        # without trafilatura's choice, a page that marks its story with <article> has menus, teasers
        # and footers outside it that are not the article, whatever tags they use
        self._only_article = not whole_page and _ARTICLE_TAG_RE.search(original) is not None
        self._article_depth = 0
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", original))]
        self._pieces: list[str] = []
        self._offsets: list[int] = []
        self._skipping: list[str] = []
        self._pre_depth = 0
        self._line_has_text = False
        self._pending_space: int | None = None
        self._meta: dict[str, str] = {}
        self._title: list[str] | None = None

    def extract(self) -> tuple[str, tuple[int, ...]]:
        """Parse the whole page; the offsets have a final entry pointing past the original."""
        self.feed(self._original)
        self.close()
        if self._pieces and self._pieces[-1] == "\n":
            self._pieces.pop()
            self._offsets.pop()
        return "".join(self._pieces), (*self._offsets, len(self._original))

    def _pos(self) -> int:
        """Index in the original of the construct being handled (getpos() gives line and column)."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    @property
    def meta(self) -> PageMeta:
        """The page's own description of itself, from ``<meta>``, ``<link>`` and ``<title>``."""
        title = self._meta.get("title") or " ".join("".join(self._title or ()).split()) or None
        return PageMeta(title=title, outlet=self._meta.get("outlet"), url=self._meta.get("url"),
                        published=self._meta.get("published"))

    def _note_meta(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            wanted = _META_FIELDS.get(key)
            if wanted and values.get("content", "").strip():
                self._meta.setdefault(wanted, " ".join(values["content"].split()))
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self._meta.setdefault("url", values["href"].strip())
        elif tag == "title" and self._title is None:
            self._title = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note the page's metadata; start dropping, break a line, or separate table cells."""
        self._note_meta(tag, attrs)
        if tag == "article":
            self._article_depth += 1
        if tag == "body":
            self._skipping.clear()  # an unclosed <head> must not swallow the article
        if tag in _SKIP_TAGS:
            self._skipping.append(tag)
        if self._skipping:
            return
        if tag in _BLOCK_TAGS:
            self._break(self._pos())
        elif tag in _CELL_TAGS:
            self._space(self._pos())
        if tag == "pre":
            self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        """Stop dropping, or end a paragraph."""
        if tag == "article":
            self._article_depth = max(0, self._article_depth - 1)
        if tag in _SKIP_TAGS and tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
            return
        if self._skipping:
            return
        if tag in _BLOCK_TAGS:
            self._break(self._pos())
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        """Literal text: every character maps to its own position."""
        if self._skipping and self._skipping[-1] == "title" and self._title is not None:
            self._title.append(data)
        if not self._skipping:
            self._add(data, self._pos(), literal=True)

    def handle_entityref(self, name: str) -> None:
        """A named entity such as &amp; (HTMLParser consumes the ';' only when present)."""
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        """A numeric entity such as &#8220; or &#x201C;."""
        self._entity("&#" + name)

    def _entity(self, raw: str) -> None:
        """Decode an entity; its characters all map to the '&' (unknown ones stay literal text).

        Only the characters the entity takes map to it: in "&notanentity;" those of "&not", and the
        rest is literal text at its own positions.
        """
        if self._skipping:
            return
        pos = self._pos()
        if self._original.startswith(";", pos + len(raw)):
            raw += ";"
        length = _entity_length(raw)
        if length == 0:
            self._add(raw, pos, literal=True)
            return
        self._add(html.unescape(raw[:length]), pos, literal=False)
        if length < len(raw):
            self._add(raw[length:], pos + length, literal=True)

    def _add(self, chars: str, start: int, *, literal: bool) -> None:
        """Append text, collapsing whitespace runs to one space (to a line break inside <pre>)."""
        if self._only_article and not self._article_depth:
            return
        for match in _RUN_RE.finditer(chars.translate(CHAR_MAP)):
            pos = start + match.start() if literal else start
            word = match.group(1)
            if word is not None:
                if self._pending_space is not None:
                    self._emit(" ", self._pending_space, literal=False)
                    self._pending_space = None
                self._emit(word, pos, literal=literal)
                self._line_has_text = True
            elif self._pre_depth and "\n" in match.group():
                self._break(pos + match.group().index("\n") if literal else pos)
            else:
                self._space(pos)

    def _emit(self, chars: str, pos: int, *, literal: bool) -> None:
        self._pieces.append(chars)
        self._offsets.extend(range(pos, pos + len(chars)) if literal else [pos] * len(chars))

    def _space(self, pos: int) -> None:
        """Remember a space, written only if more text follows on the same line."""
        if self._line_has_text and self._pending_space is None:
            self._pending_space = pos

    def _break(self, pos: int) -> None:
        """End the current line, unless it is empty (no blank lines from nested blocks)."""
        if self._line_has_text:
            self._emit("\n", pos, literal=False)
            self._line_has_text = False
        self._pending_space = None


def _extract(original: str, name: str, *, whole_page: bool) -> tuple[str, tuple[int, ...], PageMeta]:
    """The page's text by our own parser, with its offsets and metadata."""
    extractor = _HtmlExtractor(original, whole_page=whole_page)
    try:
        text, offsets = extractor.extract()
    except AssertionError as error:  # older html.parser versions assert on odd markup
        raise InputError(f"{name}: the HTML cannot be read ({error})") from None
    return text, offsets, extractor.meta


def read_page(original: str, name: str) -> tuple[str, tuple[int, ...], PageMeta]:
    """A web page's main text as trafilatura chooses it, else by our tag rules; offsets stay exact."""
    text, offsets, meta = _extract(original, name, whole_page=True)
    main = select_main_text(original, text, offsets) if text.strip() else None
    if main is None or not main.text.strip():
        text, offsets, meta = _extract(original, name, whole_page=False)
    else:
        text, offsets = main.text, main.offsets
        meta = PageMeta(title=meta.title or main.title, outlet=meta.outlet or main.outlet,
                        url=meta.url or main.url, published=meta.published or main.published)
    if not text.strip():
        raise InputError(f"{name}: no readable text found in the HTML")
    return text, offsets, meta
