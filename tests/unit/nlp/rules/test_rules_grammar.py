"""The grammar helpers of the rules on hand-built parses, so that a model update cannot change them.

Each Doc is written out token by token (tag, part of speech, dependency, head, lemma) as the parser
would give it; the sentences are invented.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from attribview.nlp.rules.grammar import (
    cue_lemma,
    dateline_dash,
    doc_between,
    is_cue,
    is_negated,
    is_passive,
    mention_range,
    misread_predicate,
    noun_holder,
    subject_of,
    trailing_subject,
)

#: A blank English vocabulary: lower-case forms and punctuation flags, no model.
VOCAB = English().vocab


def parse(rows: str) -> Doc:
    """A Doc from one line per token: ``word tag pos dep head lemma``, and ``nospace`` when no space
    follows the word; ``head`` is the index of the head token (the root's own index)."""
    lines = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[f[0] for f in lines], spaces=[len(f) < 7 for f in lines],
               tags=[f[1] for f in lines], pos=[f[2] for f in lines], deps=[f[3] for f in lines],
               heads=[int(f[4]) for f in lines], lemmas=[f[5] for f in lines])


#: "The mayor said the pier will open."
SAID = parse("""
The DT DET det 1 the
mayor NN NOUN nsubj 2 mayor
said VBD VERB ROOT 2 say
the DT DET det 4 the
pier NN NOUN nsubj 6 pier
will MD AUX aux 6 will
open VB VERB ccomp 2 open
. . PUNCT punct 2 .
""")

#: "She was told by the mayor."
TOLD_BY = parse("""
She PRP PRON nsubjpass 2 she
was VBD AUX auxpass 2 be
told VBN VERB ROOT 2 tell
by IN ADP agent 2 by
the DT DET det 5 the
mayor NN NOUN pobj 3 mayor
. . PUNCT punct 2 .
""")

#: "The mayor arrived and said the pier would open."
ARRIVED_AND_SAID = parse("""
The DT DET det 1 the
mayor NN NOUN nsubj 2 mayor
arrived VBD VERB ROOT 2 arrive
and CC CCONJ cc 2 and
said VBD VERB conj 2 say
the DT DET det 6 the
pier NN NOUN nsubj 8 pier
would MD AUX aux 8 would
open VB VERB ccomp 4 open
. . PUNCT punct 2 .
""")

#: "Tolle was quoted as saying the bridge stood."
QUOTED_AS_SAYING = parse("""
Tolle NNP PROPN nsubjpass 2 Tolle
was VBD AUX auxpass 2 be
quoted VBN VERB ROOT 2 quote
as IN ADP prep 2 as
saying VBG VERB pcomp 3 say
the DT DET det 6 the
bridge NN NOUN nsubj 7 bridge
stood VBD VERB ccomp 4 stand
. . PUNCT punct 2 .
""")

#: "The report prompted Norland to protest."
PROMPTED = parse("""
The DT DET det 1 the
report NN NOUN nsubj 2 report
prompted VBD VERB ROOT 2 prompt
Norland NNP PROPN dobj 2 Norland
to TO PART aux 5 to
protest VB VERB xcomp 2 protest
. . PUNCT punct 2 .
""")

#: "KESSIN, Norland (AP) — The mayor said ...": the dateline's place parsed as a second subject.
DATELINE = parse("""
KESSIN NNP PROPN nsubj 9 KESSIN nospace
, , PUNCT punct 0 ,
Norland NNP PROPN appos 0 Norland
( -LRB- PUNCT punct 4 ( nospace
AP NNP PROPN appos 0 AP nospace
) -RRB- PUNCT punct 4 )
— : PUNCT punct 9 —
The DT DET det 8 the
mayor NN NOUN nsubj 9 mayor
said VBD VERB ROOT 9 say
. . PUNCT punct 9 .
""")

#: "The mayor did not say when."
DID_NOT_SAY = parse("""
The DT DET det 1 the
mayor NN NOUN nsubj 4 mayor
did VBD AUX aux 4 do
not RB PART neg 4 not
say VB VERB ROOT 4 say
when WRB ADV advmod 4 when
. . PUNCT punct 4 .
""")

#: "The mayor declined to confirm the date."
DECLINED = parse("""
The DT DET det 1 the
mayor NN NOUN nsubj 2 mayor
declined VBD VERB ROOT 2 decline
to TO PART aux 4 to
confirm VB VERB xcomp 2 confirm
the DT DET det 6 the
date NN NOUN dobj 4 date
. . PUNCT punct 2 .
""")

#: "They visited a village called Brenmoor."
CALLED = parse("""
They PRP PRON nsubj 1 they
visited VBD VERB ROOT 1 visit
a DT DET det 3 a
village NN NOUN dobj 1 village
called VBN VERB acl 3 call
Brenmoor NNP PROPN oprd 4 Brenmoor
. . PUNCT punct 1 .
""")

#: "They signed the so-called deal."
SO_CALLED = parse("""
They PRP PRON nsubj 1 they
signed VBD VERB ROOT 1 sign
the DT DET det 6 the
so RB ADV advmod 5 so nospace
- HYPH PUNCT punct 5 - nospace
called VBN VERB amod 6 call
deal NN NOUN dobj 1 deal
. . PUNCT punct 1 .
""")

#: "Said Ellis:" (the tagger reads a sentence-opening "Said" as part of a name).
SAID_ELLIS = parse("""
Said NNP PROPN compound 1 Said
Ellis NNP PROPN ROOT 1 Ellis nospace
: : PUNCT punct 1 :
""")

#: "She continued:"
CONTINUED = parse("""
She PRP PRON nsubj 1 she
continued VBD VERB ROOT 1 continue nospace
: : PUNCT punct 1 :
""")

#: "The state agency Norpress said ...": two subjects of one verb, one mention.
TWO_SUBJECTS = parse("""
The DT DET det 2 the
state NN NOUN compound 2 state
agency NN NOUN nsubj 4 agency
Norpress NNP PROPN nsubj 4 Norpress
said VBD VERB ROOT 4 say
. . PUNCT punct 4 .
""")

#: "An aide, who asked not to be named, said."
ANONYMOUS_AIDE = parse("""
An DT DET det 1 an
aide NN NOUN nsubj 10 aide nospace
, , PUNCT punct 1 ,
who WP PRON nsubj 4 who
asked VBD VERB relcl 1 ask
not RB PART neg 8 not
to TO PART aux 8 to
be VB AUX auxpass 8 be
named VBN VERB xcomp 4 name nospace
, , PUNCT punct 1 ,
said VBD VERB ROOT 10 say nospace
. . PUNCT punct 10 .
""")

#: "KESSIN — Harbour officials said.": the dateline hangs on the subject.
DATELINE_IN_SUBJECT = parse("""
KESSIN NNP PROPN compound 3 KESSIN
— : PUNCT punct 3 —
Harbour NNP PROPN compound 3 Harbour
officials NNS NOUN nsubj 4 official
said VBD VERB ROOT 4 say nospace
. . PUNCT punct 4 .
""")


def test_cue_lemma_reads_a_said_tagged_as_a_name_as_say() -> None:
    assert cue_lemma(SAID[2]) == "say"
    assert cue_lemma(SAID_ELLIS[0]) == "say"
    assert cue_lemma(DECLINED[2]) == "decline"


@pytest.mark.parametrize(("doc", "i", "framing", "expected"), [
    (SAID, 2, False, True),
    (TOLD_BY, 2, False, True),
    (SAID, 6, False, False),  # "open" reports nothing
    (CALLED, 4, False, False),  # "a village called Brenmoor": nobody speaks
    (SO_CALLED, 5, False, False),  # "so-called"
    (SAID_ELLIS, 0, False, True),  # "Said Ellis:" opens a sentence however it is tagged
    (CONTINUED, 1, False, False),
    (CONTINUED, 1, True, True),  # "continued" only frames a quotation next to it
])
def test_is_cue(doc: Doc, i: int, framing: bool, expected: bool) -> None:
    assert is_cue(doc[i], framing=framing) is expected


#: "Marsh denied the notion that a strike is coming, explaining he was away.", the participle hung on
#: the noun's clause as the parser may give it
DENIED_EXPLAINING = parse("""
Marsh NNP PROPN nsubj 1 Marsh
denied VBD VERB ROOT 1 deny
the DT DET det 3 the
notion NN NOUN dobj 1 notion
that IN SCONJ mark 8 that
a DT DET det 6 a
strike NN NOUN nsubj 8 strike
is VBZ AUX aux 8 be
coming VBG VERB acl 3 come
, , PUNCT punct 8 ,
explaining VBG VERB advcl 8 explain
he PRP PRON nsubj 12 he
was VBD AUX ccomp 10 be
away RB ADV advmod 12 away
. . PUNCT punct 1 .
""")

#: "Brenn rejected the idea, saying it was wrong.", the participle an "acl" of the object
REJECTED_SAYING = parse("""
Brenn NNP PROPN nsubj 1 Brenn
rejected VBD VERB ROOT 1 reject
the DT DET det 3 the
idea NN NOUN dobj 1 idea
, , PUNCT punct 3 ,
saying VBG VERB acl 3 say
it PRP PRON nsubj 7 it
was VBD AUX ccomp 5 be
wrong JJ ADJ acomp 7 wrong
. . PUNCT punct 1 .
""")


@pytest.mark.parametrize(("doc", "verb", "subject"), [
    (DENIED_EXPLAINING, 10, 0),  # ", explaining": the denier, not the strike
    (DENIED_EXPLAINING, 8, 6),  # the noun's clause keeps its own subject
    (REJECTED_SAYING, 5, 0),  # ", saying": the one who rejected, not the idea
    (SAID, 2, 1),
    (SAID, 6, 4),  # the reported clause's own subject
    (TOLD_BY, 2, 5),  # the agent of a passive
    (ARRIVED_AND_SAID, 4, 1),  # a coordinated verb inherits the subject
    (QUOTED_AS_SAYING, 4, 0),  # "was quoted as saying": the one quoted
    (PROMPTED, 5, 3),  # "prompted Norland to protest": the one prompted
    (DATELINE, 9, 8),  # not the dateline's place
])
def test_subject_of(doc: Doc, verb: int, subject: int) -> None:
    found = subject_of(doc[verb])
    assert found is not None
    assert found.i == subject


def test_subject_of_a_verb_without_one() -> None:
    assert subject_of(SO_CALLED[5]) is None


def test_dateline_dash() -> None:
    assert dateline_dash(DATELINE[9]) == 6
    assert dateline_dash(SAID[2]) is None
    assert dateline_dash(DATELINE_IN_SUBJECT[4]) == 1


def test_is_passive() -> None:
    assert is_passive(TOLD_BY[2])
    assert is_passive(QUOTED_AS_SAYING[2])
    assert not is_passive(SAID[2])


def test_is_negated() -> None:
    unquoted: list[int | None] = [None] * len(DID_NOT_SAY)
    assert is_negated(DID_NOT_SAY[4], unquoted)
    quoted = list(unquoted)
    quoted[3] = 0  # the "not" is inside a quotation: the speaker's word, not the reporter's
    assert not is_negated(DID_NOT_SAY[4], quoted)
    assert is_negated(DECLINED[4], [None] * len(DECLINED))  # "declined to confirm"
    assert not is_negated(DECLINED[2], [None] * len(DECLINED))
    assert not is_negated(SAID[2], [None] * len(SAID))


def test_doc_between() -> None:
    assert doc_between(SAID[1], SAID[6]).text == "said the pier will"
    assert doc_between(SAID[6], SAID[1]).text == "said the pier will"
    assert not len(doc_between(SAID[1], SAID[2]))


@pytest.mark.parametrize(("doc", "subject", "expected"), [
    (SAID, 1, (0, 2)),
    (TWO_SUBJECTS, 3, (0, 4)),  # sibling subjects join the mention
    (ANONYMOUS_AIDE, 1, (0, 2)),  # without the relative clause and its commas
    (DATELINE, 8, (7, 9)),
    (TOLD_BY, 5, (4, 6)),
])
def test_mention_range(doc: Doc, subject: int, expected: tuple[int, int]) -> None:
    assert mention_range(doc[subject]) == expected


def test_mention_range_leaves_out_a_dateline() -> None:
    assert mention_range(DATELINE_IN_SUBJECT[3]) == (2, 4)  # "Harbour officials", not "KESSIN —"


#: "Marsh repeated his claim."
REPEATED_HIS_CLAIM = parse("""
Marsh NNP PROPN nsubj 1 Marsh
repeated VBD VERB ROOT 1 repeat
his PRP$ PRON poss 3 his
claim NN NOUN dobj 1 claim
. . PUNCT punct 1 .
""")

#: "The council rejected Marsh's claim."
REJECTED_CLAIM = parse("""
The DT DET det 1 the
council NN NOUN nsubj 2 council
rejected VBD VERB ROOT 2 reject
Marsh NNP PROPN poss 5 Marsh nospace
's POS PART case 3 's
claim NN NOUN dobj 2 claim
. . PUNCT punct 2 .
""")

#: "Oakes came out in support."
IN_SUPPORT = parse("""
Oakes NNP PROPN nsubj 1 Oakes
came VBD VERB ROOT 1 come
out RP ADP prt 1 out
in IN ADP prep 1 in
support NN NOUN pobj 3 support
. . PUNCT punct 1 .
""")


def test_noun_holder_is_the_light_verbs_subject() -> None:
    holder = noun_holder(REPEATED_HIS_CLAIM[3])
    assert holder is not None and holder.i == 0  # "his" stands for the one who repeats it
    holder = noun_holder(IN_SUPPORT[4])
    assert holder is not None and holder.i == 0


def test_noun_holder_leaves_a_named_owner_and_other_verbs() -> None:
    assert noun_holder(REJECTED_CLAIM[5]) is None  # Marsh's claim, rejected by the council
    assert noun_holder(SAID[1]) is None  # a subject holds nothing


#: "Rebels shelled Varn, the port's mayor, Ivo Marsh, said.", with the speaker hung on "Varn".
LOST = parse("""
Rebels NNS NOUN nsubj 1 rebel
shelled VBD VERB ccomp 12 shell
Varn NNP PROPN dobj 1 Varn nospace
, , PUNCT punct 2 ,
the DT DET det 5 the
port NN NOUN poss 7 port nospace
's POS PART case 5 's
mayor NN NOUN appos 2 mayor nospace
, , PUNCT punct 7 ,
Ivo NNP PROPN compound 10 Ivo
Marsh NNP PROPN appos 7 Marsh nospace
, , PUNCT punct 7 ,
said VBD VERB ROOT 12 say nospace
. . PUNCT punct 12 .
""")


def test_the_phrase_between_a_clause_and_a_subjectless_cue_is_its_speaker() -> None:
    speaker = trailing_subject(LOST[12], 0)
    assert speaker is not None and speaker.i == 7
    assert mention_range(LOST[7]) == (4, 11)


def test_no_lost_speaker_without_a_clause_before_it() -> None:
    # "In Varn, the port's mayor, Ivo Marsh, said." : no subject before the first comma
    doc = parse("""
In IN ADP prep 12 in
Varn NNP PROPN pobj 0 Varn nospace
, , PUNCT punct 1 ,
the DT DET det 5 the
port NN NOUN poss 7 port nospace
's POS PART case 5 's
mayor NN NOUN appos 1 mayor nospace
, , PUNCT punct 7 ,
Ivo NNP PROPN compound 10 Ivo
Marsh NNP PROPN appos 7 Marsh nospace
, , PUNCT punct 7 ,
said VBD VERB ROOT 12 say nospace
. . PUNCT punct 12 .
""")
    assert trailing_subject(doc[11], 0) is None


#: "As noted by the mayor, the pier will open." and "The mayor, Ivo Marsh, announced that ..."
AS_NOTED = parse("""
As IN SCONJ mark 1 as
noted VBN VERB advcl 9 note
by IN ADP agent 1 by
the DT DET det 4 the
mayor NN NOUN pobj 2 mayor nospace
, , PUNCT punct 9 ,
the DT DET det 7 the
pier NN NOUN nsubj 9 pier
will MD AUX aux 9 will
open VB VERB ROOT 9 open nospace
. . PUNCT punct 9 .
""")
ANNOUNCED = parse("""
The DT DET det 1 the
mayor NN NOUN ROOT 1 mayor nospace
, , PUNCT punct 1 ,
Ivo NNP PROPN compound 4 Ivo
Marsh NNP PROPN appos 1 Marsh nospace
, , PUNCT punct 1 ,
announced VBN VERB acl 1 announce
that IN SCONJ mark 10 that
the DT DET det 9 the
pier NN NOUN nsubj 10 pier
opened VBD VERB ccomp 6 open nospace
. . PUNCT punct 1 .
""")


def test_participles_that_report_somebody_are_cues() -> None:
    assert is_cue(AS_NOTED[1])
    assert is_cue(ANNOUNCED[6]) and misread_predicate(ANNOUNCED[6])
    assert not misread_predicate(AS_NOTED[1])


def test_a_speaker_hung_on_a_participle_between_commas_before_the_verb_is_the_verbs_subject() -> None:
    # "Marsh, noting the crowd, said": the parser made "Marsh" the subject of "noting"
    doc = parse("""
        Marsh NNP PROPN nsubj 2 marsh nospace
        , , PUNCT punct 0 ,
        noting VBG VERB advcl 6 note
        the DT DET det 4 the
        crowd NN NOUN dobj 2 crowd nospace
        , , PUNCT punct 6 ,
        said VBD VERB ROOT 6 say
        nothing NN NOUN dobj 6 nothing
    """)
    subject = subject_of(doc[6])
    assert subject is not None and subject.i == 0
