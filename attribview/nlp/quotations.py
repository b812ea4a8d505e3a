"""Quotation spans found from the quotation marks of a text, tolerant of unbalanced marks.

Wire copy drops closing marks at paragraph ends (the quote goes on in the next paragraph), mixes
straight and curly marks, and uses quotation marks for titles and scare quotes. Instead of giving up on
an article (as textacy does), every paragraph is paired on its own and a quotation left open is closed
at the end of its paragraph, flagged ``balanced=False``.
"""

import re
from dataclasses import dataclass
from typing import Final

OPENERS: Final = "“„«"
CLOSERS: Final = "”»"
STRAIGHT: Final = '"'
DOUBLED: Final = "''"
_OPEN_CONTEXT: Final = " \t\n([{—–-/:"
#: The marks a paragraph is paired by, the doubled apostrophe first: only they are visited, not every
#: character (a loop over the characters took a tenth of the rules' time).
_MARKS: Final = re.compile("|".join([re.escape(DOUBLED), f"[{re.escape(STRAIGHT + OPENERS + CLOSERS)}]"]))


@dataclass(frozen=True)
class Quotation:
    """One quotation: ``start``/``end`` include the marks (``end`` is exclusive)."""

    start: int
    end: int
    balanced: bool = True



def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    if before in _OPEN_CONTEXT:
        return not after.isspace()
    return False


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotations(text: str) -> list[Quotation]:
    """Pair the quotation marks of ``text`` paragraph by paragraph."""
    found: list[Quotation] = []
    para_start = 0
    for para in text.split("\n"):
        found.extend(_pair_paragraph(text, para_start, para_start + len(para)))
        para_start += len(para) + 1
    return found


def _pair_paragraph(text: str, start: int, end: int) -> list[Quotation]:
    found: list[Quotation] = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        width = len(ch)
        if ch in OPENERS:
            opening, closing = True, False
        elif ch in CLOSERS:
            opening, closing = False, open_at is not None
        else:  # straight, or NYT style: ''quoted'' with two apostrophes
            opening = open_at is None and _is_opening_straight(text, i, width)
            closing = open_at is not None
        if closing and open_at is not None:
            found.append(Quotation(open_at, i + width))
            open_at = None
        elif opening:
            if open_at is not None:  # a second opener: the first quotation never closed
                found.append(Quotation(open_at, _trim_end(text, open_at, i), balanced=False))
            open_at = i
    if open_at is not None and _trim_end(text, open_at, end) - open_at > 1:
        found.append(Quotation(open_at, _trim_end(text, open_at, end), balanced=False))
    return found
