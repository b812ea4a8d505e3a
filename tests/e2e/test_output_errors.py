"""Standard output that cannot be written: a full disk is one line and exit 2, a closed pipe is quiet.

Python flushes standard output once more at exit and reports a failure there as "Exception ignored
...": neither that nor a traceback may reach the user, and the library is left as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import digest

ARTICLE = "".join(
    f"“The ferry to Kelloway will run again in week {n},” said Tomas Brell, a harbour pilot.\n"
    for n in range(300)  # more than one buffer of output, so the failure comes while writing
)


@pytest.fixture(scope="module")
def made_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One library holding one invented article, imported once for the module by the real program."""
    folder = tmp_path_factory.mktemp("made")
    article = folder / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    environment = dict(os.environ, ATTRIBVIEW_PROFILES=str(folder / "no-user-profiles"),
                       HOME=str(folder), XDG_DATA_HOME=str(folder / "data"))
    subprocess.run([sys.executable, "-m", "attribview", "import", "--db", str(folder / "library.db"),
                    str(article)], check=True, capture_output=True, env=environment, cwd=folder)
    return folder


@pytest.fixture
def library(made_library: Path, tmp_path: Path) -> Path:
    """A copy of the library (and of its article) in the test's own folder."""
    shutil.copy(made_library / "ferry.txt", tmp_path / "ferry.txt")
    return Path(shutil.copy(made_library / "library.db", tmp_path / "library.db"))


COMMANDS = [
    pytest.param(lambda tmp, db: ["analyze", "--json", tmp / "ferry.txt"], id="analyze-json"),
    pytest.param(lambda tmp, db: ["analyze", tmp / "ferry.txt"], id="analyze-table"),
    pytest.param(lambda tmp, db: ["quotes", "--json", "--db", db], id="quotes-json"),
    pytest.param(lambda tmp, db: ["export", "--db", db], id="export-json"),
    pytest.param(lambda tmp, db: ["export", "--format", "csv", "--db", db], id="export-csv"),
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_is_one_line(attribview, library: Path, tmp_path: Path, command) -> None:  # type: ignore[no-untyped-def]
    before = digest(library)
    with open("/dev/full", "wb") as full:
        run = attribview(*command(tmp_path, library), stdout=full)
    run.assert_one_line_error("standard output", "cannot write", "no space left")
    assert "Exception ignored" not in run.stderr
    assert digest(library) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_pipe_ends_quietly(attribview, library: Path, tmp_path: Path, command) -> None:  # type: ignore[no-untyped-def]
    """``attribview quotes | head -1``: the reader has what it wants; no message, no traceback."""
    before = digest(library)
    read_end, write_end = os.pipe()
    os.close(read_end)
    with os.fdopen(write_end, "wb") as closed:
        run = attribview(*command(tmp_path, library), stdout=closed)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert digest(library) == before
