"""Overlaps between cues: a content that swallows a later cue of its own speaker stops before it."""

from attribview.nlp import lexicon
from attribview.nlp.rules.boundaries import trim
from attribview.nlp.rules.index import DocIndex


def cut_at_nested_cues(ix: DocIndex) -> None:
    """A content that swallows a coordinated cue of the same speaker stops before it.

    "The ministry said that X and called Y "..."": the second cue is a new attribution, not part
    of what was said in the first.
    """
    doc = ix.doc
    for outer in ix.found:
        if outer.cue is None:
            continue
        for inner in ix.found:
            if inner is outer or inner.cue is None or inner.source_head is None:
                continue
            if not outer.start < inner.cue[0] < outer.end:
                continue
            inner_cue = doc.char_span(*inner.cue, alignment_mode="expand")
            if inner_cue is None:
                continue
            # "... the bridge would reopen soon while the mayor said the repairs ...": a contrast
            # opens another speaker's statement
            contrast = next((c for c in inner_cue.root.children if c.dep_ == "mark"
                             and c.lower_ in lexicon.CONTRAST_MARKS), None)
            # "... and a third of the residents said the council ...": a coordinated statement with
            # its own speaker;
            # "..., according to an attendee": the outer content does not run into another's source
            root = inner_cue.root
            subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i == inner.source_head), None)
            own_clause = subject is not None and subject.left_edge.i > 0 and (
                root.dep_ == "conj" or doc[subject.left_edge.i - 1].dep_ == "cc")
            according = inner.kind == "according_to"
            if inner.source_head != outer.source_head and contrast is None and not (own_clause or according):
                continue
            cut = inner_cue.start if contrast is None else min(contrast.i, inner_cue.start)
            if (contrast is not None or own_clause) and outer.start <= doc[inner.source_head].idx < outer.end:
                cut = min(cut, doc[inner.source_head].left_edge.i)
            while cut > 0 and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct
                               or doc[cut - 1].is_space):
                cut -= 1
            start_token = doc.char_span(outer.start, outer.end, alignment_mode="expand")
            if start_token is None:
                continue
            trimmed = trim(ix, start_token.start, cut)
            if trimmed is not None:
                outer.start, outer.end = trimmed
