"""Scoring: one trainee's attempt against an exercise's key, and a class's attempts in one table.

A sentence is right when the set of groups answered is the reference's or one of the sets it also
accepts (narration: the empty set; a sentence left unanswered counts as narration). The lessons of
the sentences answered wrongly say which kinds of sourcing were missed.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from attribview.atomic import write_text
from attribview.core.exercise import NARRATION, Exercise, ReferenceSentence, load_attempt
from attribview.errors import InputError

#: How a trainee is told what was missed, singular and plural, in the order the summary lists them.
LESSON_LABELS = {
    "anonymous": ("anonymous source", "anonymous sources"),
    "unattributed": ("hedged claim nobody signs", "hedged claims nobody signs"),
    "pronoun": ("speaker named only by a pronoun", "speakers named only by a pronoun"),
}


@dataclass(frozen=True)
class SentenceResult:
    sentence: ReferenceSentence
    answer: tuple[str, ...]
    right: bool


@dataclass(frozen=True)
class Score:
    """Right and wrong per sentence, and the lessons of the sentences answered wrongly."""

    results: tuple[SentenceResult, ...]
    missed: dict[str, int] = field(default_factory=dict)

    @property
    def right(self) -> int:
        return sum(r.right for r in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


def answer_set(answer: Sequence[str]) -> frozenset[str]:
    """The groups an answer names; narration (or no answer) is the empty set."""
    return frozenset(g for g in answer if g != NARRATION)


def accepted(sentence: ReferenceSentence, answer: Sequence[str]) -> bool:
    given = answer_set(answer)
    return any(given == frozenset(groups) for groups in (sentence.groups, *sentence.also_ok))


def score_attempt(exercise: Exercise, answers: Mapping[int, Sequence[str]]) -> Score:
    """Score answers keyed by sentence index against the exercise's key."""
    if not exercise.keyed:
        raise InputError(f"{exercise.title}: this copy of the exercise has no answer key; "
                         "score the attempt against the trainer's key file")
    results = []
    missed: Counter[str] = Counter()
    for index, sentence in enumerate(exercise.sentences):
        answer = tuple(sorted(answer_set(answers.get(index, ()))))
        right = accepted(sentence, answer)
        results.append(SentenceResult(sentence, answer, right))
        if not right:
            missed.update(sentence.lessons)
    return Score(results=tuple(results), missed=dict(missed))


def missed_summary(score: Score) -> str:
    """What was missed in words, e.g. "2 anonymous sources, 1 hedged claim nobody signs"; "" if nothing."""
    return ", ".join(f"{count} {one if count == 1 else many}" for lesson, (one, many) in LESSON_LABELS.items()
                     if (count := score.missed.get(lesson, 0)))


def group_label(exercise: Exercise, groups: Sequence[str]) -> str:
    """An answer or a reference in words: "Narration", or the groups' labels joined by " + "."""
    labels = {g.id: g.label for g in exercise.groups}
    named = [labels.get(g, g) for g in groups if g != NARRATION]
    return " + ".join(named) if named else "Narration"


@dataclass(frozen=True)
class TraineeRow:
    """One attempt file's score."""

    name: str
    score: Score


@dataclass(frozen=True)
class CommonMistake:
    """A sentence several trainees got wrong: how many, the reference, and the wrong answer most given."""

    index: int
    wrong: int
    reference: str
    usual_answer: str
    usual_count: int
    lessons: tuple[str, ...]


@dataclass(frozen=True)
class ClassReport:
    exercise: Exercise
    trainees: tuple[TraineeRow, ...]
    mistakes: tuple[CommonMistake, ...]

    @property
    def average(self) -> float:
        return sum(t.score.share for t in self.trainees) / len(self.trainees) if self.trainees else 0.0


def trainee_name(path: str | Path) -> str:
    """An attempt file's trainee: its name without ".attempt.json" ("amara.attempt.json" -> "amara")."""
    name = Path(path).name
    for suffix in (".attempt.json", ".json"):
        if name.lower().endswith(suffix):
            return name[:-len(suffix)] or name
    return name


def class_report(key: Exercise, attempts: Sequence[str | Path]) -> ClassReport:
    """Every attempt file scored against the key; the sentences most got wrong first.

    Raises:
        InputError: an attempt that is not one, or answers another exercise (naming the file).
    """
    rows = tuple(TraineeRow(trainee_name(path), score_attempt(key, load_attempt(key, path)))
                 for path in attempts)
    mistakes = []
    for index, sentence in enumerate(key.sentences):
        wrong = Counter(row.score.results[index].answer for row in rows if not row.score.results[index].right)
        if wrong:
            answer, count = wrong.most_common(1)[0]
            mistakes.append(CommonMistake(index, sum(wrong.values()), group_label(key, sentence.groups),
                                          group_label(key, answer), count, sentence.lessons))
    mistakes.sort(key=lambda m: (-m.wrong, m.index))
    return ClassReport(key, rows, tuple(mistakes))


def lesson_text(lessons: Sequence[str]) -> str:
    return "; ".join(LESSON_LABELS[lesson][0] for lesson in lessons if lesson in LESSON_LABELS)


SCORE_COLUMNS = ("trainee", "right", "total", "percent",
                 *(f"missed {many}" for _one, many in LESSON_LABELS.values()), "wrong sentences")
MISTAKE_COLUMNS = ("sentence", "trainees wrong", "reference", "most given wrong answer", "given by",
                   "teaches")


def score_cells(row: TraineeRow) -> list[str]:
    score = row.score
    wrong = " ".join(str(i + 1) for i, r in enumerate(score.results) if not r.right)
    return [row.name, str(score.right), str(score.total), str(score.percent),
            *(str(score.missed.get(k, 0)) for k in LESSON_LABELS), wrong]


def mistake_cells(mistake: CommonMistake) -> list[str]:
    return [str(mistake.index + 1), str(mistake.wrong), mistake.reference, mistake.usual_answer,
            str(mistake.usual_count), lesson_text(mistake.lessons)]


def class_csv(report: ClassReport) -> str:
    """The scores table, a blank line, then the common mistakes; written as the library's CSV export
    is: every field quoted, a cell that begins like a formula (a trainee's file name) kept as text."""
    from attribview.store.export import spreadsheet_cell  # noqa: PLC0415 - the store's SQLAlchemy stack, loaded when a CSV is written, not with the viewer

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(SCORE_COLUMNS)
    writer.writerows([spreadsheet_cell(c) for c in score_cells(row)] for row in report.trainees)
    writer.writerow([])
    writer.writerow(MISTAKE_COLUMNS)
    writer.writerows([spreadsheet_cell(c) for c in mistake_cells(m)] for m in report.mistakes)
    return buffer.getvalue()


def write_class_csv(report: ClassReport, path: str | Path) -> None:
    """Write :func:`class_csv` to ``path`` atomically (WriteError names a path that cannot be written)."""
    write_text(path, class_csv(report))
