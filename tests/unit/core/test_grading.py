"""A class's attempts scored against the key: one table of scores and common mistakes, on the command
line and as CSV a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from attribview.cli.main import main
from attribview.core.exercise import (
    NARRATION,
    Exercise,
    GroupInfo,
    ReferenceSentence,
    save_attempt,
    save_exercise,
)
from attribview.core.grading import class_csv, class_report, trainee_name

KEY = Exercise(
    title="Harbour", text="A" * 60, profile=None,
    groups=(GroupInfo("mayor", "Mayor", "#E69F00"), GroupInfo("army", "Army", "#0072B2")),
    sentences=(ReferenceSentence(0, 20, ("mayor",), lessons=("pronoun",)),
               ReferenceSentence(21, 40, ("mayor", "army"), lessons=("anonymous",)),
               ReferenceSentence(41, 60, ())))
HOSTILE = '=HYPERLINK("https:example.invalid";"x")'  # a file name a spreadsheet would run


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, list[Path]]:
    key = tmp_path / "harbour.key.json"
    save_exercise(KEY, key)
    answers = {
        "amara": {0: ("mayor",), 1: ("army", "mayor")},  # all right
        "bo": {0: (NARRATION,), 1: ("mayor",)},  # two wrong
        HOSTILE: {1: ("mayor",), 2: ("army",)},  # all wrong: the first unanswered, the second as bo's
    }
    attempts = []
    for name, given in answers.items():
        path = tmp_path / f"{name}.attempt.json"
        save_attempt(KEY.without_key(), given, path)
        attempts.append(path)
    return key, attempts


def test_scores_and_common_mistakes(files: tuple[Path, list[Path]]) -> None:
    _, attempts = files
    report = class_report(KEY, attempts)
    assert [(t.name, t.score.right) for t in report.trainees] == [("amara", 3), ("bo", 1), (HOSTILE, 0)]
    assert report.trainees[1].score.missed == {"pronoun": 1, "anonymous": 1}
    assert round(report.average, 3) == round((1 + 1 / 3) / 3, 3)
    assert [(m.index, m.wrong) for m in report.mistakes] == [(0, 2), (1, 2), (2, 1)]  # most wrong first
    second = report.mistakes[1]
    assert (second.reference, second.usual_answer, second.usual_count, second.lessons) == \
        ("Mayor + Army", "Mayor", 2, ("anonymous",))


def test_csv_cells_never_run_as_formulas(files: tuple[Path, list[Path]]) -> None:
    _, attempts = files
    rows = list(csv.reader(io.StringIO(class_csv(class_report(KEY, attempts)))))
    names = [row[0] for row in rows[1:4]]
    assert names == ["amara", "bo", "'" + HOSTILE]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert rows[4] == [] and rows[5][0] == "sentence"
    assert trainee_name("x/Lee.attempt.json") == "Lee" and trainee_name("notes.txt") == "notes.txt"


def test_class_report_command(files: tuple[Path, list[Path]], tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    key, attempts = files
    out = tmp_path / "class.csv"
    assert main(["class-report", str(key), *map(str, attempts), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 attempts" in printed and "common mistakes" in printed and "Mayor + Army" in printed
    assert out.read_bytes().decode("utf-8") == class_csv(class_report(KEY, attempts))


@pytest.mark.parametrize("problem", ["copy", "foreign", "missing"])
def test_class_report_refuses_in_one_line(problem: str, files: tuple[Path, list[Path]], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    key, attempts = files
    if problem == "copy":  # the trainees' copy has no key to score with
        key = tmp_path / "copy.exercise.json"
        save_exercise(KEY.without_key(), key)
    elif problem == "foreign":
        other = Exercise(title="Other", text="B" * 10, profile=None, groups=(), sentences=())
        save_attempt(other, {}, attempts[1])
    else:
        attempts.append(tmp_path / "absent.attempt.json")
    before = {p: p.read_bytes() for p in (key, *attempts) if p.exists()}
    assert main(["class-report", str(key), *map(str, attempts)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("attribview: error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert {p: p.read_bytes() for p in before} == before
