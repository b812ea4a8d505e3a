"""Killing `attribview export --out F` at any moment leaves F with its old or its whole new content.

The export is written to a temporary file beside F and renamed over it, so a kill never leaves F empty
or half-written (before, 10 kills of 10 left a 0-byte F: the old export was gone).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e import libraries
from tests.e2e.conftest import Run

Attribview = Callable[..., Run]
ARTICLES = 1500  # an export of about 3 MB: long enough for kills to land while it is written
OLD = b'{"format": "attribview-library", "note": "the export of last week"}\n'
RANDOM_KILLS = 8


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library") / "library.sqlite3"
    libraries.library(path, ARTICLES)
    return path


def _export(db: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "attribview", "export", "--db", str(db), "--out", str(out)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.stderr is not None
    process.stderr.close()


def _first_write(folder: Path, out: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until the export starts writing: a temporary file appears, or ``out`` itself changes."""
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if len(os.listdir(folder)) > 1 or out.stat().st_size != len(OLD):
            return
    raise AssertionError("the export ended before it was seen writing")


def test_a_killed_export_leaves_the_old_or_the_whole_new_file(big_library: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    shutil.copy(big_library, db)  # each test its own copy: the export only reads it
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "library.json"
    out.write_bytes(OLD)
    began = time.monotonic()
    finished = _export(db, out)
    _, err = finished.communicate(timeout=300)
    duration = time.monotonic() - began
    assert finished.returncode == 0, err
    new = out.read_bytes()
    assert len(new) > 1_000_000 and new != OLD

    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    outcomes = []
    for attempt in range(RANDOM_KILLS + 1):
        out.write_bytes(OLD)
        process = _export(db, out)
        if attempt == 0:  # the moment that matters most: as soon as anything is written
            _first_write(folder, out, process)
        else:
            time.sleep(chance.uniform(0.1, 1.1) * duration)
        _kill(process)
        content = out.read_bytes()
        assert content in (OLD, new), (f"seed {seed}, kill {attempt}: {len(content)} bytes, "
                                       f"neither the old export nor the new one")
        outcomes.append("old" if content == OLD else "new")
        for leftover in folder.glob(".library.json.*.tmp"):  # what a kill leaves: hidden, beside it
            leftover.unlink()
    assert "old" in outcomes, outcomes  # at least the first kill landed before the rename


def test_an_export_keeps_the_old_files_permission_bits(attribview: Attribview, big_library: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "shared.csv"
    out.write_bytes(OLD)
    out.chmod(0o604)
    run = attribview("export", "--format", "csv", "--db", big_library, "--out", out)
    assert run.returncode == 0, run.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o604
    assert out.read_bytes().startswith(b'"quote_id"')
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["shared.csv"]


FAILED_WRITES = [  # --out targets that cannot be written: (target under tmp_path or absolute, words)
    ("missing-folder/out.json", "no such file or directory"),
    ("a-file/out.json", "not a directory"),
    ("a-folder", "is a directory"),
    ("/dev/full", "no space left on device"),
]


@pytest.mark.parametrize(("where", "words"), FAILED_WRITES, ids=[w for w, _ in FAILED_WRITES])
@pytest.mark.parametrize("command", ["export", "report"])
def test_an_output_that_cannot_be_written_is_one_line(attribview: Attribview, big_library: Path,
                                                      tmp_path: Path, where: str, words: str,
                                                      command: str) -> None:
    (tmp_path / "a-file").write_bytes(OLD)
    (tmp_path / "a-folder").mkdir()
    out = Path(where) if where.startswith("/") else tmp_path / where
    article = tmp_path / "article.txt"
    article.write_text("Dam report.\n“The dam will hold,” said Mayor Ilsa Brandt.\n", encoding="utf-8")
    args = ["export", "--db", big_library] if command == "export" else \
        ["report", article, "--profile", "none"]
    run = attribview(*args, "--out", out)
    run.assert_one_line_error(str(out), "cannot write", words)
    assert (tmp_path / "a-file").read_bytes() == OLD
    assert not list((tmp_path / "a-folder").iterdir())
