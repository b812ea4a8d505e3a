"""Unattributed hedged claims: "is believed to be", "reportedly", "it is understood that"."""

from collections.abc import Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from attribview.nlp import lexicon


def _candidates(doc: Doc) -> Iterator[Token]:
    """The tokens a hedge may start at, read from the Doc's arrays (no ``Token`` for other words)."""
    strings = doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T.tolist() if len(doc) else ([], [])
    for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)):
        word = strings[lower]
        if word in lexicon.HEDGE_ADVERBS or word in lexicon.HEDGE_NOUNS or (
                strings[lemma].lower() in lexicon.HEDGE_PASSIVE_LEMMAS):
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
