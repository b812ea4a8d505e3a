"""The per-Doc index every rule reads and the list of attributions they fill in.

spaCy's ``Doc.sents``, ``Token.sent`` and ``Doc.text`` walk the whole Doc on every call; on a long
article the rules would spend their time there. So sentences, quotations (by token) and sentence stops
are indexed once per Doc, here, and the rules ask this index instead.
"""

from collections.abc import Collection, Iterator
from itertools import accumulate

from spacy.attrs import LOWER, ORTH, POS, SPACY
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from attribview.nlp.attribution import Attribution
from attribview.nlp.quotations import Quotation, find_quotations
from attribview.nlp.rules.grammar import is_cue

_SENTENCE_STOPS = frozenset({".", "!", "?"})
#: Words ``grammar.is_cue`` takes as cues whatever their part of speech ("Said Ellis:" tagged PROPN).
CUE_WORDS = frozenset({"said", "says"})


def token_arrays(doc: Doc) -> tuple[list[str], list[str], list[int]]:
    """Each token's text, lower case and coarse part of speech, without making ``Token`` objects."""
    strings = doc.vocab.strings
    texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
    lowers = [strings[o] for o in doc.to_array(LOWER).tolist()]
    return texts, lowers, doc.to_array(POS).tolist()


def may_be_cue(pos: int, lower: str) -> bool:
    """Whether ``grammar.is_cue`` can accept a token of this part of speech and lower case (it
    refuses every other one at its first test): the tokens worth making into ``Token`` objects."""
    return pos == VERB or lower in CUE_WORDS


class DocIndex:
    """One Doc's sentences, quotations and found attributions; one instance per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sents: list[Span] = list(doc.sents)
        self.sent_index = [0] * len(doc)
        for number, sent in enumerate(self.sents):
            self.sent_index[sent.start:sent.end] = [number] * (sent.end - sent.start)
        self.sent_starts = [s.start_char for s in self.sents]
        self.sent_ends = [s.end_char for s in self.sents]
        #: Each token's text, lower case and coarse part of speech (spaCy's symbol ids), read once from
        #: the Doc's arrays: a ``Token`` object per word is what costs on a long article.
        self.texts, self.lowers, self.pos = token_arrays(doc)
        #: Sentence stops before each token: whether two tokens are in one sentence, in constant time.
        self.stops_before = [0, *accumulate(int(text in _SENTENCE_STOPS) for text in self.texts)]
        self.text = "".join([text + " " if space else text for text, space in
                             zip(self.texts, doc.to_array(SPACY).tolist(), strict=True)])
        self.quotations = [self._bounded(q) for q in find_quotations(self.text)]
        #: The quotation (by position in ``quotations``) each token is part of, if any.
        self.quote_of_token: list[int | None] = [None] * len(doc)
        for index, quote in enumerate(self.quotations):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is not None:  # a slice, not a ``Token`` per quoted word
                self.quote_of_token[span.start:span.end] = [index] * (span.end - span.start)
        #: The cues that may frame a quotation, by sentence start (filled in as the quotations ask).
        self.framing_cues: dict[int, list[int]] = {}
        self.found: list[Attribution] = []

    def tagged(self, parts: Collection[int]) -> Iterator[tuple[Token, Span]]:
        """The tokens of these parts of speech (``spacy.symbols`` ids), in text order, with their
        sentences; no other word becomes a ``Token`` object."""
        doc, sents, sent_index = self.doc, self.sents, self.sent_index
        for i, pos in enumerate(self.pos):
            if pos in parts:
                yield doc[i], sents[sent_index[i]]

    def sent_of(self, token: Token) -> Span:
        """The sentence of ``token``, from the index (``Token.sent`` rescans the Doc)."""
        return self.sents[self.sent_index[token.i]]

    def _bounded(self, quote: Quotation) -> Quotation:
        """An unclosed quotation ends before a later sentence that names a new speaker."""
        if quote.balanced:
            return quote
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return quote
        for sent in self.sents[self.sent_index[span[0].i] + 1:]:
            if sent.start >= span.end:
                break
            for i in range(sent.start, sent.end):  # a ``Token`` only for the words that may be cues
                if not may_be_cue(self.pos[i], self.lowers[i]):
                    continue
                token = self.doc[i]
                if is_cue(token) and any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}
                                         for c in token.children):
                    end = sent.start_char
                    while end > quote.start and self.text[end - 1].isspace():
                        end -= 1
                    return Quotation(quote.start, end, balanced=False)
        return quote

    def inside_quote(self, token: Token) -> bool:
        """Whether ``token`` stands inside a quotation (its marks excluded): the speaker's own words."""
        index = self.quote_of_token[token.i]
        if index is None:
            return False
        quote = self.quotations[index]
        return quote.start < token.idx < quote.end - 1

    def covered(self, token: Token) -> bool:
        """Whether ``token`` is part of a statement already found, as its content or its cue."""
        return any(a.start <= token.idx < a.end or (a.cue is not None and a.cue[0] <= token.idx < a.cue[1])
                   for a in self.found)

    def add(self, content: tuple[int, int], kind: str, *, cue: tuple[int, int] | None,
            source: tuple[int, int] | None, head: int | None, confidence: float) -> None:
        """Record an attribution: ``content`` in characters, ``cue`` and ``source`` in tokens."""
        doc = self.doc

        def chars(tokens: tuple[int, int] | None) -> tuple[int, int] | None:
            if tokens is None:
                return None
            first, last = doc[tokens[0]], doc[tokens[1] - 1]
            return first.idx, last.idx + len(last)

        self.found.append(Attribution(start=content[0], end=content[1], kind=kind, cue=chars(cue),
                                      source=chars(source), source_head=head, confidence=confidence))
