"""Claim nouns with a "that" clause: "Trump's claim that ...", "a warning by the ministry that ..."."""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.rules.boundaries import trim, without_gloss
from attribview.nlp.rules.grammar import mention_range, noun_holder
from attribview.nlp.rules.index import DocIndex


def from_claim_noun(ix: DocIndex, noun: Token, sent: Span) -> None:
    """"Trump's claim that X", "a warning by the ministry that X": the owner speaks."""
    doc = ix.doc
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    that = noun.i + 1
    if owner is None:
        for child in noun.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in lexicon.OWNER_PREPS:
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if child.right_edge.i + 1 < sent.end and doc[child.right_edge.i + 1].lower_ == "that":
                    that = child.right_edge.i + 1  # "warnings from the US and its allies that ..."
                break
    if owner is None and noun.dep_ == "dobj" and not ix.covered(noun):
        owner = noun_holder(noun)  # "the council issued a statement that ...": the light verb's subject
    if owner is None:
        return
    clause = _copular_clause(noun)  # "the mayor's view is that ...": the clause "be" takes
    if clause is not None:
        that = next(c.i for c in clause.children if c.dep_ == "mark")
    elif that >= sent.end or doc[that].lower_ != "that":
        return
    else:
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i),
                      doc[that].head if doc[that].dep_ == "mark" and that > noun.i + 1 else None)
    if clause is None:
        return
    if any(t.dep_ == "nsubj" and t.lower_ == "that" for t in clause.children):
        return  # "the claim that was made": a relative clause, not the claim's content
    content = trim(ix, that + 1, without_gloss(ix, that + 1, clause.right_edge.i + 1))
    if content is None:
        return
    owner = noun_holder(noun) or owner  # "Marsh repeated his claim that ...": Marsh
    ix.add(content, "indirect", cue=(noun.i, noun.i + 1), source=mention_range(owner),
           head=owner.i, confidence=0.7)


def _copular_clause(noun: Token) -> Token | None:
    """The "that" clause of the "be" a claim noun is the subject of ("Their argument is that ...")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i > verb.i for m in c.children)), None)
