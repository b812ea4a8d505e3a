"""Unattributed hedged claims: "is believed to be", "reportedly", "it is understood that"."""

from collections.abc import Iterator

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from attribview.nlp import lexicon


def _candidates(doc: Doc) -> Iterator[Token]:
    """The tokens a hedge may start at, read from the Doc's arrays (no ``Token`` for other words): each
    distinct word and lemma looked up once, not each token."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T
    words, word_of = numpy.unique(lowers, return_inverse=True)
    bases, base_of = numpy.unique(lemmas, return_inverse=True)
    hedged = numpy.fromiter((strings[w] in lexicon.HEDGE_ADVERBS or strings[w] in lexicon.HEDGE_NOUNS
                             for w in words.tolist()), dtype=bool, count=len(words))
    passive = numpy.fromiter((strings[b].lower() in lexicon.HEDGE_PASSIVE_LEMMAS for b in bases.tolist()),
                             dtype=bool, count=len(bases))
    for i in numpy.flatnonzero(hedged[word_of] | passive[base_of]).tolist():
        yield doc[i]


def find_hedges(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the words that make a claim without naming who makes it."""
    found: list[tuple[int, int]] = []
    for token in _candidates(doc):
        lower = token.lower_
        if lower in lexicon.HEDGE_ADVERBS:
            found.append((token.idx, token.idx + len(token)))
        elif token.lemma_.lower() in lexicon.HEDGE_PASSIVE_LEMMAS and token.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in token.children
        ) and not any(c.dep_ == "agent" for c in token.children):
            following = token.nbor() if token.i + 1 < len(doc) else None
            if following is not None and following.lower_ in lexicon.HEDGE_COMPLEMENTS:
                found.append((token.left_edge.idx if token.left_edge.lower_ == "it" else token.idx,
                              token.idx + len(token)))
        elif lower in lexicon.HEDGE_NOUNS and token.pos_ == "NOUN" and (
            not any(c.dep_ in {"poss", "compound", "amod"} and c.pos_ == "PROPN" for c in token.children)
        ):
            following = token.nbor() if token.i + 1 < len(doc) else None
            if following is not None and following.lower_ in lexicon.HEDGE_NOUN_COMPLEMENTS:
                found.append((token.idx, token.idx + len(token)))
    return found
