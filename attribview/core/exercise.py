"""Training exercises: an article with its reference attribution, and a trainee's attempt, as files.

A trainer saves an exercise as one JSON file (the article, every group of the profile, the reference
per sentence with the trainer's corrections and the other answers it accepts); saved without its key,
the file carries the article and the groups only, so trainees can answer it and the trainer scores
their attempts later against the key (``core.grading``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from itertools import product
from pathlib import Path
from typing import Any

from attribview.atomic import write_text
from attribview.core.analysis import carries
from attribview.core.highlight import make_badge
from attribview.core.profiles import Profile
from attribview.core.types import Analysis, Quote, Sentence
from attribview.errors import InputError

EXERCISE_FORMAT = "attribview-exercise"
ATTEMPT_FORMAT = "attribview-attempt"
VERSION = 1
NARRATION = "narration"
#: Sources that name nobody by themselves: the trainee has to find who "she" is. Relative pronouns
#: ("the ministry, which said") follow their name and teach nothing.
_PRONOUNS = frozenset("he she it they".split())
#: Below this calibrated confidence the engine itself gives the attribution less than even odds: a
#: trainee who reads the sentence as narration (or without that group) is not marked wrong.
UNSURE = 0.5
#: At most this many alternative answers per sentence (each soft group doubles them).
MAX_ALSO_OK = 8


@dataclass(frozen=True)
class GroupInfo:
    """A group the trainee may answer with; ``badge`` its short mark (the profile's, as the viewer's)."""

    id: str
    label: str
    colour: str
    badge: str = ""

    @property
    def mark(self) -> str:
        """The mark the answers show, so that nothing depends on colour alone ("UA mil")."""
        return make_badge(self.label, self.badge)


@dataclass(frozen=True)
class ReferenceSentence:
    """One sentence and its answer: the groups whose words it carries (none: narration), the other
    group sets also accepted (the gold format's ``also_ok``), and why it is instructive (``anonymous``,
    ``unattributed``, ``pronoun``)."""

    start: int
    end: int
    groups: tuple[str, ...] = ()
    also_ok: tuple[tuple[str, ...], ...] = ()
    lessons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exercise:
    """An article to answer. ``keyed`` is False for the trainees' copy: the sentences carry no answer."""

    title: str
    text: str
    profile: str | None
    groups: tuple[GroupInfo, ...]
    sentences: tuple[ReferenceSentence, ...]
    keyed: bool = True

    @property
    def fingerprint(self) -> str:
        """Ties an attempt to the exercise it answers (the same for the key and the trainees' copy)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def without_key(self) -> Exercise:
        """The trainees' copy: the same article, groups and sentences, no answers and no lessons."""
        return replace(self, keyed=False, sentences=tuple(ReferenceSentence(s.start, s.end)
                                                           for s in self.sentences))


def _counts(sentence: Sentence, quote: Quote) -> bool:
    """Whether ``quote`` gives ``sentence`` one of its reference groups (the engine's overlap rule)."""
    return quote.group is not None and quote.group in sentence.groups and quote.speaker is not None \
        and carries(sentence.start, sentence.end, quote)


def sentence_lessons(analysis: Analysis, sentence: Sentence) -> tuple[str, ...]:
    """What the sentence teaches, from the reference attributions that give it its groups only: a quote
    the reference does not count (no speaker, no group: "It says a lot about ...") teaches nothing."""
    lessons = set(sentence.flags) & {"unattributed"}  # the engine's hedge outside every quote
    for quote in analysis.quotes:
        if not _counts(sentence, quote):
            continue
        if "anonymous" in quote.flags:
            lessons.add("anonymous")
        if quote.source_start is not None and quote.source_end is not None:
            source = analysis.text[quote.source_start:quote.source_end].strip().lower()
            if source in _PRONOUNS and (quote.mention or "").strip().lower() != source:
                lessons.add("pronoun")  # resolved to somebody named earlier
    return tuple(sorted(lessons))


def _readings(quote: Quote, profile: Profile | None, offered: Collection[str]) -> set[str | None]:
    """The groups a careful reader may defensibly give ``quote``'s words besides the reference's (None:
    none, i.e. not an attribution)."""
    readings: set[str | None] = set()
    if quote.confidence < UNSURE:
        readings.add(None)  # the engine is unsure it is an attribution at all
    if profile is not None:
        described = profile.role_group(quote.mention, quote.text)
        if described is not None and described != quote.group:
            readings.add(described)  # the speaker's group and their description's disagree
    return {g for g in readings if g is None or (g in offered and g != quote.group)}


def also_ok(analysis: Analysis, sentence: Sentence, profile: Profile | None = None,
            offered: Collection[str] = ()) -> tuple[tuple[str, ...], ...]:
    """The other answers a sentence accepts, derived from the reference attributions that give it its
    groups. A group gets another reading only when every quote that gives it has one: a quote whose
    calibrated confidence is below ``UNSURE`` may be read as narration; with a profile, a quote whose
    source description maps to another of the ``offered`` groups than the speaker's may be read as that
    group. Every combination of the readings is accepted (at most ``MAX_ALSO_OK``), the reference
    itself excepted. (An anonymous source read as the catch-all group was tried and left out: reference
    annotations do not accept it.)"""
    options: list[set[str | None]] = []
    for group in sentence.groups:
        giving = [q for q in analysis.quotes if q.group == group and _counts(sentence, q)]
        readings = [_readings(q, profile, offered) for q in giving]
        shared = set.intersection(*readings) if readings else set()
        options.append({group, *shared})
    reference = frozenset(sentence.groups)
    found: dict[frozenset[str], None] = {}
    for choice in product(*(sorted(o, key=lambda g: (g is not None, g or "")) for o in options)):
        answer = frozenset(g for g in choice if g is not None)
        if answer != reference:
            found.setdefault(answer, None)
    order = {g: i for i, g in enumerate(offered)}
    ranked = sorted(found, key=lambda a: (len(a), sorted(order.get(g, len(order)) for g in a)))
    return tuple(tuple(sorted(a, key=lambda g: order.get(g, len(order)))) for a in ranked[:MAX_ALSO_OK])


def exercise_from_analysis(analysis: Analysis, *, title: str, groups: Mapping[str, tuple[str, str]],
                           profile: Profile | None = None,
                           badges: Mapping[str, str] | None = None) -> Exercise:
    """An exercise whose reference is an analysis (corrected by the trainer beforehand), with the other
    answers each sentence accepts (:func:`also_ok`).

    Args:
        groups: group id -> (label, colour): every group the trainee may answer with, in legend order
            (all the profile's, not only those the article uses: that would give answers away).
        profile: the profile the analysis was made with, whose role patterns tell which other group a
            speaker may defensibly be given.
        badges: group id -> its short mark (the viewer's); made from the label where none is given.
    """
    sentences = tuple(ReferenceSentence(s.start, s.end, tuple(s.groups),
                                        also_ok(analysis, s, profile, groups), sentence_lessons(analysis, s))
                      for s in analysis.sentences)
    marks = badges or {}
    infos = tuple(GroupInfo(gid, label, colour, marks.get(gid, ""))
                  for gid, (label, colour) in groups.items())
    return Exercise(title=title, text=analysis.text, profile=analysis.profile, groups=infos,
                    sentences=sentences)


def save_exercise(exercise: Exercise, path: str | Path) -> None:
    data = {"format": EXERCISE_FORMAT, "version": VERSION, **asdict(exercise)}
    if not exercise.keyed:
        data["sentences"] = [{"start": s.start, "end": s.end} for s in exercise.sentences]
    _write(path, data)


def _group_sets(value: Any) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not all(isinstance(v, list) for v in value):
        raise TypeError("also_ok must be a list of group lists")
    return tuple(tuple(str(g) for g in groups) for groups in value)


def load_exercise(path: str | Path) -> Exercise:
    data = _read(path, EXERCISE_FORMAT)
    try:
        keyed = bool(data.get("keyed", True))
        sentences = tuple(
            ReferenceSentence(int(s["start"]), int(s["end"]), tuple(s["groups"]) if keyed else (),
                              _group_sets(s.get("also_ok", [])) if keyed else (),
                              tuple(s.get("lessons", ())) if keyed else ())
            for s in data["sentences"])
        return Exercise(title=str(data["title"]), text=str(data["text"]), profile=data.get("profile"),
                        groups=tuple(GroupInfo(**g) for g in data["groups"]), sentences=sentences,
                        keyed=keyed)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"{Path(path).name}: not a valid attribview exercise ({error})") from None


def save_attempt(exercise: Exercise, answers: Mapping[int, Sequence[str]], path: str | Path) -> None:
    data = {"format": ATTEMPT_FORMAT, "version": VERSION, "exercise": exercise.fingerprint,
            "answers": {str(k): list(v) for k, v in sorted(answers.items()) if v}}
    _write(path, data)


def load_attempt(exercise: Exercise, path: str | Path) -> dict[int, tuple[str, ...]]:
    data = _read(path, ATTEMPT_FORMAT)
    if data.get("exercise") != exercise.fingerprint:
        raise InputError(f"{Path(path).name}: this attempt answers another exercise")
    try:
        answers = {int(k): tuple(str(g) for g in v) for k, v in data["answers"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{Path(path).name}: not a valid attempt ({error})") from None
    if any(not 0 <= k < len(exercise.sentences) for k in answers):
        raise InputError(f"{Path(path).name}: not a valid attempt (a sentence the exercise does not have)")
    return answers


def _write(path: str | Path, data: dict[str, Any]) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


def _read(path: str | Path, expected: str) -> dict[str, Any]:
    name = Path(path).name
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not an attribview file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{name}: not an attribview file (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != expected:
        raise InputError(f"{name}: not an attribview {expected.split('-')[1]} file")
    version = data.get("version", 0)
    if not isinstance(version, int) or version > VERSION:
        raise InputError(f"{name}: written by a newer attribview; upgrade to open it")
    return data


def sentence_at(exercise: Exercise, offset: int) -> int | None:
    """The index of the sentence covering ``offset`` of the exercise's text, None between sentences."""
    return next((i for i, s in enumerate(exercise.sentences) if s.start <= offset < s.end), None)
