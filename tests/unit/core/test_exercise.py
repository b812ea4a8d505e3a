"""Training exercises: save, open, answer, score; files from elsewhere are refused in one line."""

import json
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.exercise import (
    NARRATION,
    Exercise,
    GroupInfo,
    ReferenceSentence,
    exercise_from_analysis,
    load_attempt,
    load_exercise,
    save_attempt,
    save_exercise,
    sentence_at,
)
from attribview.core.grading import Score, missed_summary, score_attempt
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
