"""A tokenizer that cuts very long runs of characters without a space before spaCy's tokenizer sees them.

spaCy's tokenizer strips prefixes and suffixes one at a time, searching the rest of the run each time: a
run of 7,000 quotation marks takes seconds and twice as many take four times as long, so a flood within
the size limit could run for hours. Runs longer than :data:`MAX_RUN` (no word or address is) are handed
over in pieces of that length; the Doc is the same text, with a token boundary at each cut.
"""

import re
from collections.abc import Callable
from typing import Final

from spacy.tokens import Doc

#: The longest run of non-space characters given to spaCy's tokenizer in one piece.
MAX_RUN: Final = 200
_LONG_RUN: Final = re.compile(rf"\S{{{MAX_RUN + 1},}}")


class RunCuttingTokenizer:
    """Wraps a spaCy tokenizer; text without a long run goes straight through."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        pieces: list[Doc] = []
        start = 0
        for match in _LONG_RUN.finditer(text):
            for cut in range(match.start() + MAX_RUN, match.end(), MAX_RUN):
                pieces.append(self.tokenizer(text[start:cut]))
                start = cut
        pieces.append(self.tokenizer(text[start:]))
        return Doc.from_docs(pieces, ensure_whitespace=False)
