"""Find attributions in a parsed Doc: reporting cues, "according to", claim nouns, quotations, stances.

The rules live in ``attribview.nlp.rules``, one module per family, over one index of the Doc; this runs
them in their order: statements sentence by sentence, then the cuts between nested cues, then the
quotations (which join, extend or continue the statements), and last the stances (a stance inside a
statement is part of what was said).
"""

from spacy import symbols
from spacy.tokens import Doc

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution
from attribview.nlp.rules.according_to import according_to, in_finding
from attribview.nlp.rules.claim_nouns import from_claim_noun
from attribview.nlp.rules.grammar import is_cue
from attribview.nlp.rules.index import DocIndex, may_be_cue
from attribview.nlp.rules.overlaps import cut_at_nested_cues
from attribview.nlp.rules.quotations import place_quotations
from attribview.nlp.rules.reporting_verbs import from_cue, from_headline
from attribview.nlp.rules.stances import find_stances


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions of ``doc``, in text order."""
    ix = DocIndex(doc)
    from_headline(ix)
    for i, cue_word in _candidates(ix):
        token, sent = doc[i], ix.sents[ix.sent_index[i]]
        if ix.lowers[i] == "according":
            according_to(ix, token, sent)
        elif cue_word and is_cue(token) and not ix.inside_quote(token):
            from_cue(ix, token, sent)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.CLAIM_NOUNS and (
                not ix.inside_quote(token)):
            from_claim_noun(ix, token, sent)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.FINDING_NOUNS:
            in_finding(ix, token, sent)
    cut_at_nested_cues(ix)
    place_quotations(ix)
    find_stances(ix)
    ix.found.sort(key=lambda a: (a.start, a.end))
    return ix.found


def _candidates(ix: DocIndex) -> list[tuple[int, bool]]:
    """The tokens, in text order, that may open a statement: "according", a possible cue, a noun;
    read from the index's arrays, so that the other words never become ``Token`` objects. Each comes
    with whether it may be a cue: the nouns (most candidates) then skip ``is_cue``."""
    found: list[tuple[int, bool]] = []
    for i, (pos, lower) in enumerate(zip(ix.pos, ix.lowers, strict=True)):
        cue_word = may_be_cue(pos, lower)
        if cue_word or pos == symbols.NOUN or lower == "according":
            found.append((i, cue_word))
    return found
