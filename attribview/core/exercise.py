"""Training exercises: an article with its reference attribution, a trainee's attempt, and its score.

A trainer saves an exercise as one JSON file (the article, the groups, the reference per sentence with
the trainer's corrections); a trainee marks each sentence with a speaker group or as narration; the
score says what was right, and which kinds of sourcing were missed: anonymous sources, hedged claims
nobody signs, speakers named only by a pronoun.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from attribview.atomic import write_text
from attribview.core.types import Analysis
from attribview.errors import InputError

EXERCISE_FORMAT = "attribview-exercise"
ATTEMPT_FORMAT = "attribview-attempt"
VERSION = 1
NARRATION = "narration"
_PRONOUNS = frozenset("he she it they his her its their who which".split())


@dataclass(frozen=True)
class GroupInfo:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class ReferenceSentence:
    """One sentence and the answer: the groups whose words it carries (none: narration), and why it is
    instructive (``anonymous``, ``unattributed``, ``pronoun``)."""

    start: int
    end: int
    groups: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exercise:
    title: str
    text: str
    profile: str | None
    groups: tuple[GroupInfo, ...]
    sentences: tuple[ReferenceSentence, ...]

    @property
    def fingerprint(self) -> str:
        """Ties an attempt to the exercise it answers."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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


def exercise_from_analysis(analysis: Analysis, *, title: str,
                           groups: Mapping[str, tuple[str, str]]) -> Exercise:
    """An exercise whose reference is an analysis (corrected by the trainer beforehand).

    Args:
        groups: group id -> (label, colour) for the legend the trainee answers with.
    """
    sentences = []
    for sentence in analysis.sentences:
        lessons = set(sentence.flags) & {"anonymous", "unattributed"}
        for quote in analysis.quotes:
            inside = sentence.start <= quote.start < sentence.end
            source = analysis.text[quote.source_start:quote.source_end].strip().lower() if (
                quote.source_start is not None and quote.source_end is not None) else ""
            if inside and source in _PRONOUNS:
                lessons.add("pronoun")
        sentences.append(ReferenceSentence(sentence.start, sentence.end, tuple(sentence.groups),
                                           tuple(sorted(lessons))))
    used = {g for s in sentences for g in s.groups}
    infos = tuple(GroupInfo(gid, label, colour) for gid, (label, colour) in groups.items() if gid in used
                  or not used)
    return Exercise(title=title, text=analysis.text, profile=analysis.profile, groups=infos,
                    sentences=tuple(sentences))


def score_attempt(exercise: Exercise, answers: Mapping[int, Sequence[str]]) -> Score:
    """Score answers keyed by sentence index; a sentence not answered counts as narration."""
    results = []
    missed: dict[str, int] = {}
    for index, sentence in enumerate(exercise.sentences):
        answer = tuple(sorted(g for g in answers.get(index, ()) if g != NARRATION))
        right = set(answer) == set(sentence.groups)
        results.append(SentenceResult(sentence, answer, right))
        if not right:
            for lesson in sentence.lessons:
                missed[lesson] = missed.get(lesson, 0) + 1
    return Score(results=tuple(results), missed=missed)


def save_exercise(exercise: Exercise, path: str | Path) -> None:
    data = {"format": EXERCISE_FORMAT, "version": VERSION, **asdict(exercise)}
    _write(path, data)


def load_exercise(path: str | Path) -> Exercise:
    data = _read(path, EXERCISE_FORMAT)
    try:
        return Exercise(
            title=str(data["title"]), text=str(data["text"]), profile=data.get("profile"),
            groups=tuple(GroupInfo(**g) for g in data["groups"]),
            sentences=tuple(ReferenceSentence(int(s["start"]), int(s["end"]), tuple(s["groups"]),
                                              tuple(s.get("lessons", ()))) for s in data["sentences"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"{Path(path).name}: not a valid attribview exercise ({error})") from None


def save_attempt(exercise: Exercise, answers: Mapping[int, Sequence[str]], path: str | Path) -> None:
    data = {"format": ATTEMPT_FORMAT, "version": VERSION, "exercise": exercise.fingerprint,
            "answers": {str(k): list(v) for k, v in answers.items()}}
    _write(path, data)


def load_attempt(exercise: Exercise, path: str | Path) -> dict[int, tuple[str, ...]]:
    data = _read(path, ATTEMPT_FORMAT)
    if data.get("exercise") != exercise.fingerprint:
        raise InputError(f"{Path(path).name}: this attempt answers another exercise")
    try:
        return {int(k): tuple(v) for k, v in data["answers"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{Path(path).name}: not a valid attempt ({error})") from None


def _write(path: str | Path, data: dict[str, Any]) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


def _read(path: str | Path, expected: str) -> dict[str, Any]:
    name = Path(path).name
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{name}: not an attribview file (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != expected:
        raise InputError(f"{name}: not an attribview {expected.split('-')[1]} file")
    if data.get("version", 0) > VERSION:
        raise InputError(f"{name}: written by a newer attribview; upgrade to open it")
    return data


#: How a trainee is told what was missed, singular and plural.
LESSON_LABELS = {
    "anonymous": ("anonymous source", "anonymous sources"),
    "unattributed": ("hedged claim nobody signs", "hedged claims nobody signs"),
    "pronoun": ("speaker named only by a pronoun", "speakers named only by a pronoun"),
}


def sentence_at(exercise: Exercise, offset: int) -> int | None:
    """The index of the sentence covering ``offset`` of the exercise's text, None between sentences."""
    return next((i for i, s in enumerate(exercise.sentences) if s.start <= offset < s.end), None)


def missed_summary(score: Score) -> str:
    """What was missed in words, e.g. "2 anonymous sources, 1 hedged claim nobody signs"; "" if nothing."""
    parts = []
    for lesson in ("anonymous", "unattributed", "pronoun"):
        count = score.missed.get(lesson, 0)
        if count:
            one, many = LESSON_LABELS[lesson]
            parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)
