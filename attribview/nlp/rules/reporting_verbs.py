"""Reporting verbs: "X said (that) ...", "..., X said", "As X noted, ...", "X, she said, Y".

A cue's content is cut from the running text (see ``contents``); a cue that closes a quotation just
before it is left to the quotation pass, which attributes the quotation itself.
"""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.rules.boundaries import after_dateline, trim, without_gloss
from attribview.nlp.rules.contents import content_after, content_before, tail_after, with_extracted
from attribview.nlp.rules.grammar import (
    cue_lemma,
    is_cue,
    is_negated,
    is_passive,
    mention_range,
    misread_predicate,
    subject_of,
    trailing_subject,
)
from attribview.nlp.rules.index import DocIndex
from attribview.nlp.rules.wire_copy import carries_saying, comma_that_start, fronted_apposition, opens_with_as

#: Tags of a finite verb (past, present, modal): a clause that goes on after an interposed cue.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def from_cue(ix: DocIndex, cue: Token, sent: Span) -> None:
    """The statement of a reporting verb, its content after the cue, before it, or around it."""
    lemma = cue_lemma(cue)
    if is_negated(cue, ix.quote_of_token):
        return
    if cue.dep_ == "pcomp" and cue.tag_ == "VBG" and ix.covered(cue):
        return  # "blamed the council for delaying the vote": the gerund is what the accusation says
    if carries_saying(cue) or (  # "Reuters cited the governor as saying ...": the "saying" reports it
            lemma in lexicon.CREDIT_VERBS and cue.i + 1 < len(ix.doc) and ix.doc[cue.i + 1].lower_ == "by"
            and not opens_with_as(cue)):
        return  # "(Reporting by Anna Lee; Editing by ...)": a credit line, not "as reported by X"
    passive = is_passive(cue)
    subject = subject_of(cue)
    if passive and (subject is None or subject.dep_ == "nsubjpass"):
        return
    if subject is not None and not (sent.start <= subject.i < sent.end):
        subject = None
    subject = fronted_apposition(cue) or _coordinated_speaker(ix, cue, subject, sent)
    lost_name, lost_subject = None, False
    if subject is None:
        subject, lost_name, lost_subject = _lost_speaker(ix, cue, sent)
    if subject is None and (cue.i == sent.start or cue.tag_ == "VB"):
        return  # "Report number 3 ...", "Tell us": an imperative or a headline word, nobody speaks
    cognition = lemma in lexicon.COGNITION_VERBS
    if cognition and any(a.start <= cue.idx < a.end for a in ix.found):
        return  # "he said he thought ...": the belief is part of what was said
    has_clause = any(c.dep_ in {"ccomp", "parataxis"} for c in cue.children)
    if cognition and (not has_clause or subject is None):
        return
    # "“...,” he said, adding he would ...": a cue that borrows its subject frames no quotation
    own_subject = subject is None or subject.head.i == cue.i or lost_subject
    left = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
    if own_subject and _frames_quote_before(ix, left):
        return  # "“...,” he said during a visit": the quotation pass attributes it
    # "The harbour was thriving, Strand said, until ...": a fronted clause is the content, and what
    # follows the cue goes on with it
    as_clause = _as_clause_content(ix, cue, sent)
    if as_clause is not None:  # "As the mayor said, the ferry will not return", "..., as X noted"
        ix.add(as_clause, "indirect", cue=(cue.i, cue.i + 1),
               source=mention_range(subject) if subject is not None else None,
               head=subject.i if subject is not None else None, confidence=0.75)
        return
    if _inverted_interposed(ix, cue, sent):  # "The new pier, said the mayor, will open in May"
        return
    fronted = left - 1 > sent.start and ix.doc[left - 1].text == "," and any(
        c.dep_ in {"ccomp", "parataxis"} and c.i < left and c.left_edge.i <= after_dateline(ix, sent)
        for c in cue.children)
    content = None if fronted else content_after(ix, cue, sent, subject) or _after_comma_that(ix, cue, sent)
    if content is not None:
        content = with_extracted(ix, cue, content)
    kind = "indirect"
    tail = None
    if content is not None and subject is not None and _misread_interposed(ix, cue, subject):
        # "The new pier, Mayor Strand said, will open in May", parsed with the pier as the subject
        subject = next(c for c in subject.children if c.dep_ == "appos")
        first = trim(ix, after_dateline(ix, sent), subject.left_edge.i)
        content = (first[0], content[1]) if first is not None else None
    # "she was told about it by the mayor" reports nothing before it, nor does a cue inside another's
    # content ("the agency said the figures show “...”")
    if content is None and not passive and not ix.covered(cue):
        content = content_before(ix, cue, sent, subject)
        tail = tail_after(ix, max(cue.i, subject.right_edge.i if subject is not None else cue.i), sent)
        if content is None and tail is not None and cue.dep_ == "parataxis" and cue.head.i > cue.i:
            # "The new bridge, the council said, was its largest yet": the cue splits one clause
            start = after_dateline(ix, sent)
            first = trim(ix, start, left)
            content = (first[0], tail[1]) if first is not None else None
    if content is None or _only_a_time(ix, content):
        return  # "faster than scientists estimated five years ago": when, not what
    source = lost_name or (mention_range(subject) if subject is not None else None)
    confidence = 0.6 if cognition else 0.85 if subject is not None else 0.55
    ix.add(content, kind, cue=(cue.i, cue.i + 1), source=source,
           head=subject.i if subject is not None else None, confidence=confidence)
    ix.found[-1].tail = tail


def from_headline(ix: DocIndex) -> None:
    """"Ivo Marsh: Ferry Is Safe", "Poll: Voters Back the Pier": a headline that opens with a name (or a
    poll) and a colon gives the rest of its line, a clause, as what they said or found; "The Latest:"
    and "A Long Winter: ..." name nobody."""
    doc = ix.doc
    first = next((t.i for t in doc if not t.is_space), None)
    if first is None:
        return
    colon = next((t.i for t in doc[first:first + 6] if t.text == ":"), None)
    if colon is None or colon == first:
        return
    name, end = doc[first:colon], colon + 1
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1
    last = name[-1]
    speaks = (last.pos_ == "PROPN" and last.ent_type_ in {"", "PERSON", "ORG", "NORP", "GPE"}) or (
        last.lemma_.lower() in lexicon.FINDING_NOUNS)
    # "Former Mayor Marsh at Harbour Hall: ...": a name and where it spoke
    if not speaks or name[0].pos_ == "DET" or any(t.pos_ in {"VERB", "AUX"} or not (
            t.is_title or t.is_upper or t.is_punct or (t.lower_ in lexicon.VENUE_PREPS and t.i > first))
            for t in name):
        return  # "The Latest:", "FIX IS IN:"
    if not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in doc[colon + 1:end]):
        return  # "Marsh: A Life at Sea": no clause, a title
    content = trim(ix, colon + 1, end)
    if content is not None:
        ix.add(content, "indirect", cue=(colon, colon + 1), source=(first, colon), head=last.i,
               confidence=0.7)


def _only_a_time(ix: DocIndex, content: tuple[int, int]) -> bool:
    """Whether a content is nothing but a date or a time."""
    span = ix.doc.char_span(*content, alignment_mode="expand")
    words = [t for t in span if t.is_alpha or t.like_num] if span is not None else []
    return bool(words) and all(t.ent_type_ in {"DATE", "TIME"} for t in words)


def _lost_speaker(ix: DocIndex, cue: Token, sent: Span) -> tuple[Token | None, tuple[int, int] | None, bool]:
    """The speaker the parser did not make the cue's subject, the mention when it is only a name, and
    whether it stands between the content and the cue ("<clause>, the region's governor, X, said")."""
    doc = ix.doc
    if cue.dep_ == "ROOT" and cue.i > sent.start and cue.tag_ in {"VBD", "VBZ"}:
        before = doc[cue.i - 1]  # "In a meeting with the board of the Post Trump said": the parser
        if before.pos_ == "PROPN" and before.dep_ == "pobj":  # lost the name in the phrase before
            return before, (before.i - 1 if before.ent_iob_ == "I" and doc[before.i - 1].ent_type_ ==
                            "PERSON" else before.i, before.i + 1), False
    if misread_predicate(cue):
        return cue.head, None, True
    trailing = trailing_subject(cue, after_dateline(ix, sent)) if cue.i > sent.start + 2 else None
    return trailing, None, trailing is not None


def _after_comma_that(ix: DocIndex, cue: Token, sent: Span) -> tuple[int, int] | None:
    """"The governor informed, that ...": the clause the parser lost after a translated comma."""
    start = comma_that_start(cue)
    return trim(ix, start, sent.end) if start is not None else None


def _as_clause_content(ix: DocIndex, cue: Token, sent: Span) -> tuple[int, int] | None:
    """The clause an "as X said" clause vouches for: the rest of its sentence."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} for c in cue.children):
        return None  # "..., as the mayor said the road could only reopen after repairs": a reason
    doc = ix.doc
    if cue.i < cue.head.i:  # "As many experts have pointed out, Trump is free to ..."
        start = cue.right_edge.i + 1
        return trim(ix, start, without_gloss(ix, start, sent.end))
    start = after_dateline(ix, sent)  # "The ferry will not return, as the mayor said."
    while start < cue.left_edge.i and (doc[start].is_space or doc[start].text == ","
                                       or doc[start].lower_ in lexicon.LEADING_CONNECTIVES):
        start += 1
    return trim(ix, start, cue.left_edge.i)


def _misread_interposed(ix: DocIndex, cue: Token, subject: Token) -> bool:
    """Whether the parser made the start of a clause the subject of a cue set between commas and
    the speaker its apposition: the reported clause after the cue then has no subject of its own."""
    doc = ix.doc
    if subject.i > cue.i or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return False
    names = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < cue.i]
    clause = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
    return bool(names and clause) and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause[0].children)


def _inverted_interposed(ix: DocIndex, cue: Token, sent: Span) -> bool:
    """"The new pier, said the mayor, will open in May": an inverted cue between commas after the
    clause's subject, which the parser makes the cue's own subject or leaves without a verb. Adds the
    whole clause as what the speaker (the noun phrase after the cue) said, if it is one."""
    doc = ix.doc
    start = after_dateline(ix, sent)
    # a bare noun phrase before the cue: "Ivo Marsh, the mayor, said ..." (an apposition) is its speaker
    if cue.i - 2 <= start or doc[cue.i - 1].text != "," or cue.tag_ not in _FINITE_TAGS or (
            cue_lemma(cue) not in lexicon.INVERTED_CUES) or any(
            t.pos_ in {"VERB", "AUX"} or t.text == "," or ix.quote_of_token[t.i] is not None
            for t in doc[start:cue.i - 1]):
        return False
    nouns = [t for t in doc[cue.i + 1:min(sent.end, cue.i + 6)] if t.pos_ in {"NOUN", "PROPN"}]
    if not nouns:
        return False
    speaker = nouns[0]
    while speaker.i < speaker.head.i < sent.end and speaker.head.pos_ in {"NOUN", "PROPN"} and (
            speaker.dep_ in {"compound", "amod"}):
        speaker = speaker.head  # "said Mayor Ivo Marsh": the name's last word
    comma = speaker.right_edge.i if doc[speaker.right_edge.i].text == "," else speaker.right_edge.i + 1
    if comma >= sent.end or doc[comma].text != "," or any(
            t.pos_ in {"VERB", "AUX"} for t in doc[cue.i + 1:comma]):
        return False
    content = trim(ix, start, sent.end)
    if content is None or not any(t.tag_ in _FINITE_TAGS for t in doc[comma + 1:sent.end]):
        return False  # the clause goes on after the speaker: "The pier, said the mayor, was ready"
    ix.add(content, "indirect", cue=(cue.i, cue.i + 1), source=mention_range(speaker), head=speaker.i,
           confidence=0.85)
    return True


def _coordinated_speaker(ix: DocIndex, cue: Token, subject: Token | None, sent: Span) -> Token | None:
    """"Zelensky denied claims that Ukraine attacked ..., and accused Moscow of ...": the parser
    hangs the second cue on the reported clause; its speaker is the first cue's."""
    doc = ix.doc
    if cue.dep_ != "conj" or any(c.dep_ == "nsubj" for c in cue.children):
        return subject
    if not any(t.dep_ == "cc" for t in doc[max(sent.start, cue.i - 2):cue.i]):
        return subject
    for earlier in sent:
        if earlier.i >= cue.i:
            break
        if is_cue(earlier) and not ix.inside_quote(earlier):
            first = subject_of(earlier)
            if first is not None and first.i < earlier.i and (subject is None or subject.i > earlier.i):
                return first
    return subject


def _frames_quote_before(ix: DocIndex, left: int) -> bool:
    """Whether the cue at ``left`` closes a quotation just before it: "“...,” he said", "“...” — he wrote"."""
    doc = ix.doc
    i = left - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {",", "-", "—", "–"}):
        if "\n" in doc[i].text:
            return False
        i -= 1
    if i < 1 or ix.quote_of_token[i] is None or not doc[i].is_quote:
        return False
    return doc[i - 1].text in {",", "?", "!", "—", "–"} or doc[i + 1].text == ","
