"""Training exercises: save, open, answer, score; files from elsewhere are refused in one line."""

from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.exercise import (
    NARRATION,
    Exercise,
    Score,
    exercise_from_analysis,
    load_attempt,
    load_exercise,
    missed_summary,
    save_attempt,
    save_exercise,
    score_attempt,
    sentence_at,
)
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
