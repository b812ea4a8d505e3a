"""Attributions by "according to": "According to X, ..." and "..., according to X"; and by the
finding a sentence opens with ("In a poll released Monday, ...").

The parser often loses the object of "to" or reads the content as its apposition, so the source is
cut at the first comma when the parse gives none.
"""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.rules.boundaries import after_dateline, trim
from attribview.nlp.rules.grammar import is_cue, mention_range
from attribview.nlp.rules.index import DocIndex


def according_to(ix: DocIndex, according: Token, sent: Span) -> None:
    """The attribution an "according" opens, its content before or after the phrase."""
    doc = ix.doc
    nxt = according.nbor() if according.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return
    objects = [c for c in nxt.children if c.dep_ == "pobj"] or [
        c for c in according.children if c.dep_ == "pobj"
    ]
    phrase_start = according.i
    comma = next((t.i for t in doc[nxt.i + 1:min(sent.end, nxt.i + 12)] if t.text == ","), None)
    if objects:
        source_head = objects[0]
        phrase_end = max(source_head.right_edge.i, nxt.i) + 1
        if comma is not None and source_head.i < comma < phrase_end:
            phrase_end = comma  # "According to Limbaugh, the move reeks ..." misread as an apposition
    else:  # the parser lost the object: the source runs to the comma ("According to RIA, ...") or
        # to the end of the sentence ("..., according to show insiders.")
        end = comma
        if end is None:
            end = sent.end
            while end > nxt.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
        if end <= nxt.i + 1:
            return
        source_head, phrase_end = doc[end - 1], end
    if phrase_start - sent.start <= 2:  # "According to X, content."
        content = trim(ix, phrase_end, sent.end)
    else:  # "Content, according to X."
        start = after_dateline(ix, sent)
        while start < phrase_start and (doc[start].lower_ in lexicon.LEADING_CONNECTIVES
                                        or doc[start].text == "," or doc[start].is_space):
            start += 1
        content = trim(ix, start, phrase_start)
    if content is None:
        return
    left, right = mention_range(source_head) if objects else (nxt.i + 1, phrase_end)
    right = min(right, phrase_end)
    ix.add(content, "according_to", cue=(according.i, nxt.i + 1), source=(left, right),
           head=source_head.i, confidence=0.85)


def in_finding(ix: DocIndex, noun: Token, sent: Span) -> None:
    """"In a poll released Monday, 50 percent chose Marsh": a finding vouched for by the poll the
    sentence opens with, when no cue of the sentence reports it already."""
    doc = ix.doc
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or ix.covered(noun):
        return
    start = after_dateline(ix, sent)
    while start < prep.i and (doc[start].lower_ in lexicon.LEADING_CONNECTIVES or doc[start].is_space):
        start += 1
    comma = prep.right_edge.i + 1
    if prep.i != start:
        _trailing_finding(ix, noun, prep, sent)
        return
    if comma >= sent.end or doc[comma].text != ",":
        return
    if any(is_cue(t) for t in doc[comma:sent.end]):
        return  # "In a statement, the council said ...": the cue reports it
    content = trim(ix, comma + 1, sent.end)
    if content is not None:
        ix.add(content, "according_to", cue=(prep.i, prep.i + 1), source=(prep.i + 1, comma),
               head=noun.i, confidence=0.6)


#: Dependencies that lead from what a trailing "in a poll" hangs on up to its clause's verb ("trails by
#: six points in the polls", "is ahead in the polls").
_UP_TO_VERB = frozenset({"dobj", "attr", "acomp", "advmod", "npadvmod", "pobj", "prep", "oprd"})


def _trailing_finding(ix: DocIndex, noun: Token, prep: Token, sent: Span) -> None:
    """"Marsh leads in the latest poll", "where Lind has sagged in the polls": a clause that a poll
    closes with is the poll's finding, from its subject up to the "in", unless a cue reports it."""
    doc = ix.doc
    verb = prep.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in _UP_TO_VERB:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or not verb.i < prep.i < sent.end or ix.inside_quote(verb):
        return
    if any(is_cue(t) for t in [verb, *verb.ancestors]):
        return  # "voters said in the poll that ...", "Marsh leads in the polls, the paper said"
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in lexicon.DUMMY_SUBJECTS or not sent.start <= subject.left_edge.i:
        return
    content = trim(ix, subject.left_edge.i, prep.i)
    # the poll's phrase ends at a comma: "in the latest poll, a collapse driven by ..." is no part of it
    end = next((t.i for t in doc[noun.i:noun.right_edge.i + 1] if t.text == ","), noun.right_edge.i + 1)
    if content is not None:
        ix.add(content, "according_to", cue=(prep.i, prep.i + 1), source=(prep.i + 1, end),
               head=noun.i, confidence=0.6)
