"""Continuations: a quotation with no cue of its own carries on the latest speaker's words."""

from bisect import bisect_left, bisect_right

from spacy.tokens import Span

from attribview.nlp.attribution import Attribution
from attribview.nlp.quotations import Quotation
from attribview.nlp.rules.boundaries import trim
from attribview.nlp.rules.index import DocIndex
from attribview.nlp.span_index import AttributionIndex

#: A quotation this short with no cue is a title or a scare quote, not a statement.
_MIN_FREE_QUOTE_WORDS = 4
#: How many sentences back a cue-less quotation may look for the speaker it continues.
_CONTINUATION_WINDOW = 3


def continuation(ix: DocIndex, placed: AttributionIndex, quote: Quotation, qspan: Span) -> None:
    """A quotation with no cue of its own carries on the latest speaker's words."""
    words = [t for t in qspan if not (t.is_punct or t.is_space)]
    sent = ix.sent_of(qspan[0])
    last = placed.latest_ending_by(quote.start)
    if last is None:
        return
    whole_sentence = qspan.start - sent.start <= 1 and sent.end - qspan.end <= 2
    # a short quotation is a title or a scare quote, unless it is a sentence of its own right after
    # the speaker's: "“I would,” Melanie said. “I would, Donald.”"
    if len(words) < _MIN_FREE_QUOTE_WORDS and not (
            whole_sentence and last.kind == "direct" and sent.start > 0
            and ix.sent_of(ix.doc[sent.start - 1]).start_char <= last.end):
        return
    sentences_between = max(0, bisect_right(ix.sent_ends, quote.start)
                            - bisect_left(ix.sent_starts, last.end))
    if sentences_between > _CONTINUATION_WINDOW:
        return
    if whole_sentence or quote.start - sent.start_char <= 1:
        start, end, kind = quote.start, quote.end, "direct"
    else:
        trimmed = trim(ix, sent.start, sent.end)
        if trimmed is None:
            return
        start, end, kind = trimmed[0], max(trimmed[1], quote.end), "mixed"
        while start < end and ix.text[start:start + 1].isspace():
            start += 1
    ix.found.append(Attribution(start=start, end=end, kind=kind, confidence=0.65,
                                follows=last))
