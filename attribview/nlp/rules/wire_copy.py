"""Wire, agency and machine-translated copy: who speaks where an outlet carries somebody's words.

"An agency quoted the envoy as saying ...", "As reported in the ministry of defence, ...", "“...” — wrote
the commander X", "The governor informed, that ...". The small model parses these shapes in ways the
general rules do not expect; each helper reads one of them from tokens, so ``grammar``, ``quotations``
and ``reporting_verbs`` can ask it without a rule of their own.
"""

from collections.abc import Iterable

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import Attribution

#: Entity types of a phrase that says where or when a report was made, never by whom.
_NO_SOURCE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL"})
#: The most tokens (its marks included) of a quoted name in a title ("the group “West”").
_NAME_TOKENS = 6


def carried_speaker(verb: Token) -> Token | None:
    """"An agency quoted the envoy as saying ...", "a newswire cited the governor as saying ...": the one the
    outlet quotes speaks, the outlet only carries the words (the object of a carrier verb)."""
    if verb.lemma_.lower() not in lexicon.CARRIER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)


def opens_with_as(participle: Token) -> bool:
    """"As reported by the ministry, ...": a bare "as"-participle before the clause it vouches for; at
    the end of a sentence ("..., as reported by X") it credits a report, the speaker stays the cue's."""
    return participle.tag_ == "VBN" and participle.i < participle.head.i and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in participle.children)


def venue_source(participle: Token) -> Token | None:
    """"As reported in the Ministry of defence, ...", "as stated at the regional administration": the
    body a bare "as"-participle names with a preposition other than "by" reported it (not a date or a
    place: "as reported in March", "as reported in Kyiv")."""
    children = list(participle.children)
    if not opens_with_as(participle):
        return None
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in lexicon.VENUE_PREPS:
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and body.pos_ in {"NOUN", "PROPN"} and (
                    body.ent_type_ not in _NO_SOURCE_ENTITIES):
                return body
    return None


def inverted_object(cue: Token, quote_end: int) -> Token | None:
    """"“Glory to our pilots!” — wrote the commander X": a cue after a quotation, without a subject,
    whose object follows it; the quotation is what was written, so the object is the writer the
    parser misread (a "subject" inside the quotation is the parser's too)."""
    doc = cue.doc
    if cue.i < quote_end or not all(t.is_punct or t.is_space for t in doc[quote_end:cue.i]) or any(
            c.dep_ in {"nsubj", "nsubjpass", "ccomp"} and c.i >= quote_end for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.pos_ in {"NOUN", "PROPN"}),
                None)


def comma_that_start(cue: Token) -> int | None:
    """"The governor informed, that ...": machine translation puts a comma before "that", and the parser
    then loses the clause; the token where the content starts, after the "that"."""
    doc = cue.doc
    if cue.dep_ == "parataxis" or (cue.left_edge.i > 0 and doc[cue.left_edge.i - 1].text == ",") or any(
            c.dep_ in {"ccomp", "parataxis"} and c.i < cue.i for c in cue.children):
        return None  # "He hoped, he said, that ...": an interposed cue; the clause is the fronted one
    if cue.i + 3 < len(doc) and doc[cue.i + 1].text == "," and doc[cue.i + 2].lower_ == "that":
        return cue.i + 3
    return None


def carries_saying(verb: Token) -> bool:
    """"A wire cited a commander as saying ...", "the governor was cited by an agency as saying ...": the
    carrier verb frames the "saying", which reports the content; the carrier itself reports nothing."""
    return verb.lemma_.lower() in lexicon.CARRIER_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children)


def in_source(found: Iterable[Attribution], qspan: Span) -> bool:
    """"Representative of the group “West” Oleh Marten said ...": a short quoted name inside a speaker's
    mention is part of the name, not a quotation of anybody's words."""
    start, end = qspan.start_char, qspan.end_char
    return len(qspan) <= _NAME_TOKENS and any(
        a.source is not None and a.source[0] <= start and end <= a.source[1] for a in found)


def fronted_apposition(cue: Token) -> Token | None:
    """"In Ukraine, the head of the Norland region said ...": a digest's opening place phrase, and the
    parser makes the speaker after its comma an apposition of the place (the place itself the subject
    when it loses the preposition's object); the apposition that runs to the cue is the speaker."""
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    if subjects:
        before = subjects[0].left_edge.i - 1
        if before < 0 or doc[before].dep_ != "prep" or any(c.dep_ == "pobj" for c in doc[before].children):
            return None
        places = subjects[:1]  # "Meanwhile in Norland, the governor ...": "Norland" parsed as the subject
    else:
        places = [c for prep in cue.children if prep.dep_ == "prep" and prep.i < cue.i
                  for c in prep.children if c.dep_ == "pobj"]
    for place in places:
        for noun in place.children:
            left = noun.left_edge.i
            if noun.dep_ == "appos" and noun.right_edge.i == cue.i - 1 and doc[left - 1].text == ",":
                return noun
    return None
