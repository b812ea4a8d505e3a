"""Training exercises: save, open, answer, score; files from elsewhere are refused in one line."""

import json
import re
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.exercise import (
    NARRATION,
    UNSURE,
    Exercise,
    GroupInfo,
    ReferenceSentence,
    also_ok,
    exercise_from_analysis,
    load_attempt,
    load_exercise,
    save_attempt,
    save_exercise,
    sentence_at,
)
from attribview.core.grading import Score, missed_summary, score_attempt
from attribview.core.profiles import Group, Profile, RolePattern
from attribview.core.types import Analysis, Quote, Sentence
from attribview.errors import InputError
from attribview.textio import prepare_text

ARTICLE = (
    "The Valdane ministry said the bridge would reopen in March. "
    "Local sources say the works are far behind. "
    "The river is believed to be rising again. "
    "Harold Venn inspected the site on Monday. He said the pillars were sound."
)


@pytest.fixture(scope="module")
def exercise(analyzer: Analyzer) -> Exercise:
    analysis = analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)
    groups = {q.group: (q.group, "#999999") for q in analysis.quotes if q.group}
    return exercise_from_analysis(analysis, title="Bridge", groups=groups)


def test_reference_marks_what_a_trainee_should_learn(exercise: Exercise) -> None:
    lessons = {exercise.text[s.start:s.end]: s.lessons for s in exercise.sentences}
    assert "anonymous" in lessons["Local sources say the works are far behind."]
    assert "unattributed" in lessons["The river is believed to be rising again."]
    assert "pronoun" in lessons["He said the pillars were sound."]


def test_round_trip_answer_and_score(exercise: Exercise, tmp_path: Path) -> None:
    path = tmp_path / "bridge.exercise.json"
    save_exercise(exercise, path)
    opened = load_exercise(path)
    assert opened == exercise
    perfect = {i: s.groups or (NARRATION,) for i, s in enumerate(opened.sentences)}
    assert score_attempt(opened, perfect).share == 1.0

    lazy = {i: (NARRATION,) for i in range(len(opened.sentences))}  # "it is all narration"
    attempt = tmp_path / "bridge.attempt.json"
    save_attempt(opened, lazy, attempt)
    score = score_attempt(opened, load_attempt(opened, attempt))
    assert score.right == sum(1 for s in opened.sentences if not s.groups)
    assert score.missed.get("anonymous") == 1 and score.missed.get("pronoun") == 1


def test_foreign_files_are_refused(exercise: Exercise, tmp_path: Path) -> None:
    notjson = tmp_path / "x.json"
    notjson.write_text("<html>", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        load_exercise(notjson)
    attempt = tmp_path / "a.json"
    save_attempt(exercise, {}, attempt)
    with pytest.raises(InputError, match="not an attribview exercise file"):
        load_exercise(attempt)
    other = Exercise(title="t", text="other text", profile=None, groups=(), sentences=())
    with pytest.raises(InputError, match="another exercise"):
        load_attempt(other, attempt)


def test_sentence_at_and_missed_summary(exercise: Exercise) -> None:
    first = exercise.sentences[0]
    assert sentence_at(exercise, first.start) == 0
    assert sentence_at(exercise, exercise.sentences[-1].end - 1) == len(exercise.sentences) - 1
    assert sentence_at(exercise, len(exercise.text) + 5) is None
    assert missed_summary(Score(results=(), missed={})) == ""
    text = missed_summary(Score(results=(), missed={"pronoun": 1, "anonymous": 2, "unattributed": 1}))
    assert text == ("2 anonymous sources, 1 hedged claim nobody signs, "
                    "1 speaker named only by a pronoun")


SPURIOUS = (
    "The Corvale bakery reopened on Friday. "
    "It says a lot about the town that queues formed at dawn. "
    "The report, which claims the bridge is unsafe, was published on Monday. "
    "Mayor Tilda Brenn visited the harbour. She said the fleet would stay."
)


def test_lessons_come_from_the_reference_attributions_only(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(prepare_text(SPURIOUS), profile="none", readable=True)
    spurious = next(q for q in analysis.quotes if q.text.startswith("a lot about the town"))
    assert spurious.speaker is None, "the engine still finds the spurious quote this test is about"
    exercise = exercise_from_analysis(analysis, title="Harbour", groups={})
    lessons = {exercise.text[s.start:s.end]: s.lessons for s in exercise.sentences}
    assert lessons["It says a lot about the town that queues formed at dawn."] == ()
    assert "pronoun" not in lessons["The report, which claims the bridge is unsafe, was published on Monday."]
    assert lessons["She said the fleet would stay."] == ("pronoun",)


def test_every_group_of_the_legend_is_offered(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)
    groups = {"unused": ("Nobody here", "#111111"), **{q.group: (q.group, "#999999") for q in analysis.quotes
                                                        if q.group}}
    exercise = exercise_from_analysis(analysis, title="Bridge", groups=groups)
    assert [g.id for g in exercise.groups] == list(groups)


TWO = ReferenceSentence(0, 10, ("mayor", "army"), also_ok=(("mayor",),))
QUIET = ReferenceSentence(11, 20, (), also_ok=(("army",),), lessons=("unattributed",))
HANDMADE = Exercise(title="Handmade", text="x" * 20, profile=None,
                    groups=(GroupInfo("mayor", "Mayor", "#E69F00"), GroupInfo("army", "Army", "#0072B2")),
                    sentences=(TWO, QUIET))


@pytest.mark.parametrize(("first", "second", "right"), [
    (("army", "mayor"), (), 2),  # both groups, in any order; unanswered is narration
    (("mayor",), (NARRATION,), 2),  # an alternative the reference accepts
    (("army",), ("army",), 1),  # the second's alternative, the first's neither answer nor alternative
    ((NARRATION,), ("mayor",), 0),
])
def test_several_groups_and_alternatives(first: tuple[str, ...], second: tuple[str, ...], right: int) -> None:
    score = score_attempt(HANDMADE, {0: first, 1: second})
    assert score.right == right
    assert score.missed == ({"unattributed": 1} if not score.results[1].right else {})


def test_alternatives_survive_the_file(tmp_path: Path) -> None:
    path = tmp_path / "hand.exercise.json"
    save_exercise(HANDMADE, path)
    assert load_exercise(path) == HANDMADE


def test_trainees_copy_has_no_key_and_is_scored_against_the_key(tmp_path: Path) -> None:
    copy = tmp_path / "hand.exercise.json"
    save_exercise(HANDMADE.without_key(), copy)
    stored = json.loads(copy.read_text(encoding="utf-8"))
    assert stored["keyed"] is False
    assert all(set(s) == {"start", "end"} for s in stored["sentences"])
    assert "mayor" not in json.dumps(stored["sentences"])
    opened = load_exercise(copy)
    assert not opened.keyed and [(s.start, s.end) for s in opened.sentences] == [(0, 10), (11, 20)]
    with pytest.raises(InputError, match="no answer key"):
        score_attempt(opened, {})
    attempt = tmp_path / "amara.attempt.json"
    save_attempt(opened, {0: ("mayor", "army")}, attempt)
    assert score_attempt(HANDMADE, load_attempt(HANDMADE, attempt)).right == 2  # later, by the trainer


def test_an_attempt_naming_a_sentence_the_exercise_lacks_is_refused(tmp_path: Path) -> None:
    attempt = tmp_path / "a.attempt.json"
    save_attempt(HANDMADE, {5: ("mayor",)}, attempt)
    with pytest.raises(InputError, match="does not have"):
        load_attempt(HANDMADE, attempt)


# alternatives derived from the reference ---------------------------------------------------------------

WHARF = "Officials said the wharf will close. The harbour master, Ines Caro, said tolls would rise."
_HARBOUR_GROUPS = (Group("port", "Port authority", "#0072B2"), Group("council", "Town council", "#E69F00"),
                   Group("other", "Other", "#828081"))
HARBOUR = Profile(id="harbour", label="Harbour", description="", min_mentions=1, groups=_HARBOUR_GROUPS,
                  speakers=(), roles=(RolePattern(re.compile(r"harbour master"), "port"),), places=())
OFFERED = [g.id for g in _HARBOUR_GROUPS]


def _said(start: int, end: int, group: str, *, confidence: float = 0.9, mention: str | None = None,
          flags: tuple[str, ...] = ()) -> Quote:
    return Quote(start=start, end=end, text=WHARF[start:end], speaker=mention or "somebody", group=group,
                 kind="indirect", confidence=confidence, mention=mention, flags=flags)


def _sentences(*groups: tuple[str, ...]) -> tuple[Sentence, Sentence]:
    cut = WHARF.index(" The") + 1
    return Sentence(0, cut - 1, groups[0]), Sentence(cut, len(WHARF), groups[1])


def _first_wharf(*quotes: Quote, groups: tuple[str, ...] = ("council",)) -> tuple[tuple[str, ...], ...]:
    analysis = Analysis(text=WHARF, profile="harbour", quotes=quotes, sentences=_sentences(groups, ()))
    return also_ok(analysis, analysis.sentences[0], HARBOUR, OFFERED)


def test_an_attribution_the_engine_is_unsure_of_may_be_read_as_narration() -> None:
    unsure = _said(14, 35, "council", confidence=UNSURE - 0.1)
    assert _first_wharf(unsure) == ((),)
    assert _first_wharf(_said(14, 35, "council", confidence=UNSURE + 0.1)) == ()
    # a sure quote of the same group keeps the group in every accepted answer
    assert _first_wharf(unsure, _said(18, 35, "council")) == ()


def test_an_anonymous_source_keeps_its_group() -> None:
    anonymous = _said(14, 35, "council", mention="Officials", flags=("anonymous",))
    assert _first_wharf(anonymous) == ()  # a nameless body is not a second reading by itself


def test_a_description_that_maps_to_another_group_is_accepted_too() -> None:
    cut = WHARF.index(" The") + 1
    quote = _said(WHARF.index("tolls"), len(WHARF) - 1, "council", mention="The harbour master")
    analysis = Analysis(text=WHARF, profile="harbour", quotes=(quote,),
                        sentences=(Sentence(0, cut - 1), Sentence(cut, len(WHARF), ("council",))))
    assert also_ok(analysis, analysis.sentences[1], HARBOUR, OFFERED) == (("port",),)
    assert also_ok(analysis, analysis.sentences[1], None, OFFERED) == ()  # no profile, no second reading
    assert also_ok(analysis, analysis.sentences[1], HARBOUR, ["council"]) == ()  # a group not offered
    exercise = exercise_from_analysis(analysis, title="Wharf", profile=HARBOUR,
                                      groups={g.id: (g.label, g.colour) for g in _HARBOUR_GROUPS})
    assert exercise.sentences[1].also_ok == (("port",),)
    assert score_attempt(exercise, {1: ("port",)}).right == 2


def test_two_soft_groups_give_every_combination() -> None:
    unsure = _said(14, 35, "council", confidence=0.2, mention="the harbour master")
    port = _said(0, 35, "port", confidence=0.3)
    assert set(_first_wharf(unsure, port, groups=("port", "council"))) == {(), ("port",), ("council",)}


def test_alternatives_of_a_real_analysis_differ_from_the_reference(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)
    exercise = exercise_from_analysis(analysis, title="Bridge", groups={})
    for sentence in exercise.sentences:
        assert all(frozenset(a) != frozenset(sentence.groups) for a in sentence.also_ok)
        assert len(set(map(frozenset, sentence.also_ok))) == len(sentence.also_ok)


def test_a_groups_badge_survives_the_file_and_an_older_file_gets_one_from_the_label(tmp_path: Path) -> None:
    marked = Exercise(title="Marks", text="x" * 20, profile=None, sentences=(TWO, QUIET),
                      groups=(GroupInfo("mayor", "Mayor Tilda Brenn", "#E69F00", "Mayor"),
                              GroupInfo("army", "Valdane armed forces", "#0072B2")))
    path = tmp_path / "marks.exercise.json"
    save_exercise(marked, path)
    assert load_exercise(path) == marked
    assert [g.mark for g in marked.groups] == ["Mayor", "forces"]
    older = json.loads(path.read_text(encoding="utf-8"))
    for group in older["groups"]:
        del group["badge"]
    path.write_text(json.dumps(older), encoding="utf-8")
    assert [g.mark for g in load_exercise(path).groups] == ["Brenn", "forces"]
