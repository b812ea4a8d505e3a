"""Long articles analysed in pieces: cut at paragraph breaks, results shifted back and merged in order.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters: its error E088), and the parser's
memory grows with the text it is given. A piece of at most :data:`PIECE_CHARS` characters keeps both
bounded whatever the length of the article. Quotations are paired paragraph by paragraph, so a cut at a
paragraph break changes none of them; only a speaker named in an earlier piece is not carried over.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from attribview.nlp.attribution import Attribution

#: The most characters the pipeline is given at once: spaCy takes about 3.5 KB of memory per character
#: of a Doc (a piece of 50,000 some 180 MB), and its limit is 1,000,000.
PIECE_CHARS = 50_000


def cut(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces that cover ``text``, each at most ``limit`` characters long.

    A piece ends after its last line break; a paragraph longer than ``limit`` ends after its last
    space, and a run of ``limit`` characters without any ends where the limit falls.
    """
    if limit < 1:
        raise ValueError("a piece needs at least one character")
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        at = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1
        if at <= start:
            at = end
        pieces.append((start, at))
        start = at
    pieces.append((start, len(text)))
    return pieces


_Context = TypeVar("_Context")


def batches(pieces: Iterable[tuple[str, _Context]], size: int,
            max_chars: int) -> Iterator[list[tuple[str, _Context]]]:
    """``(text, context)`` pairs in batches of at most ``size``, and of at most ``max_chars`` characters
    unless one piece alone has more: the parser's memory grows with the text of a whole batch."""
    batch: list[tuple[str, _Context]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= size or chars + len(piece[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


@dataclass
class Part:
    """What the pipeline found in one piece, in character offsets of the whole text."""

    attributions: list[Attribution]
    hedges: list[tuple[int, int]]
    #: Each sentence's (start, end), without its surrounding whitespace.
    sentences: list[tuple[int, int]]
    #: The (start, end) of each grammatical subject, for the sides of bodies named without a country.
    subjects: list[tuple[int, int]]

    def shift(self, offset: int) -> "Part":
        """The same results moved ``offset`` characters on (the piece's start in the whole text).

        Attributions are moved in place, so the links between them (``follows``) still hold.
        """
        if offset:
            for attribution in self.attributions:
                attribution.start += offset
                attribution.end += offset
                attribution.cue = _moved(attribution.cue, offset)
                attribution.source = _moved(attribution.source, offset)
                attribution.tail = _moved(attribution.tail, offset)
            self.hedges = [(start + offset, end + offset) for start, end in self.hedges]
            self.sentences = [(start + offset, end + offset) for start, end in self.sentences]
            self.subjects = [(start + offset, end + offset) for start, end in self.subjects]
        return self


def merge(parts: Iterable[Part]) -> Part:
    """The parts of one text, in text order, as one."""
    merged = Part([], [], [], [])
    for part in parts:
        merged.attributions.extend(part.attributions)
        merged.hedges.extend(part.hedges)
        merged.sentences.extend(part.sentences)
        merged.subjects.extend(part.subjects)
    return merged


def _moved(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return (span[0] + offset, span[1] + offset) if span is not None else None


def sentence_spans(doc: Any, text: str, offset: int) -> list[tuple[int, int]]:
    """The Doc's sentences as character spans (in the Doc's offsets) without their surrounding
    whitespace, a stray closing quotation mark joined to the sentence it closes (the parser sometimes
    makes '”' after a full stop a sentence of its own). The Doc is the piece of ``text`` from
    ``offset``: the characters are read there, not rebuilt from the Doc's tokens."""
    spans: list[tuple[int, int, int]] = []  # (end token, start char, end char)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[offset + start:offset + end]
        if not chunk.strip():
            continue
        if spans and not any(ch.isalnum() for ch in chunk) and sent.start == spans[-1][0]:
            spans[-1] = (sent.end, spans[-1][1], end)
        else:
            spans.append((sent.end, start, end))
    chars: list[tuple[int, int]] = []
    for _, start, end in spans:
        chunk = text[offset + start:offset + end]
        chars.append((start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())))
    return chars


def subject_spans(doc: Any) -> list[tuple[int, int]]:
    """The (start, end) characters of each grammatical subject's phrase; only the subjects become
    ``Token`` objects (the labels are read from the Doc's array)."""
    strings = doc.vocab.strings
    deps = doc.to_array("DEP").tolist()
    wanted = {label for label in set(deps) if strings[label] in {"nsubj", "nsubjpass"}}
    spans: list[tuple[int, int]] = []
    for i, label in enumerate(deps):
        if label in wanted:
            token = doc[i]
            last = token.right_edge
            spans.append((token.left_edge.idx, last.idx + len(last)))
    return spans
