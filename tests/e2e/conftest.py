"""End-to-end battery: the real ``attribview`` process on bad input, broken libraries and hostile text.

Every case checks the same promise: exit status 2, one line on stderr starting ``attribview: error:``,
no traceback, and the input left exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ERROR_PREFIX = "attribview: error: "
EXIT_ERROR = 2
TIMEOUT = 300
PROGRESS_LINE = re.compile(r"\d+/\d+ ")


@dataclass(frozen=True)
class Run:
    """One finished ``python -m attribview`` process."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def messages(self) -> list[str]:
        """The lines of stderr other than an import's progress ("2/40 name.txt", one per file)."""
        return [line for line in self.stderr.splitlines() if not PROGRESS_LINE.match(line)]

    def assert_one_line_error(self, *fragments: str) -> None:
        """Exit 2, a single ``attribview: error:`` line on stderr (containing ``fragments``), no traceback."""
        assert self.returncode == EXIT_ERROR, f"exit {self.returncode}\nstderr: {self.stderr}"
        assert "Traceback" not in self.stderr, self.stderr
        lines = self.stderr.strip("\n").split("\n")
        assert len(lines) == 1, f"expected one line, got {len(lines)}:\n{self.stderr}"
        assert lines[0].startswith(ERROR_PREFIX), lines[0]
        for fragment in fragments:
            assert fragment.lower() in lines[0].lower(), f"{fragment!r} not in {lines[0]!r}"


@pytest.fixture
def attribview(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``attribview(*args, stdin=None, stdout=None, env=None)``: run the real command line in ``tmp_path``.

    The user's own profiles and data folders are replaced by empty folders of the test's own, so a
    case never reads or writes the user's files. ``stdout`` may be an open file (``/dev/full``).
    """
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)

    def run(*args: str | Path, env: dict[str, str] | None = None, stdout: object = None,
            cwd: Path | None = None) -> Run:
        environment = dict(os.environ)
        environment.update({
            "ATTRIBVIEW_PROFILES": str(tmp_path / "no-user-profiles"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        })
        environment.update(env or {})
        result = subprocess.run(
            [sys.executable, "-m", "attribview", *map(str, args)],
            stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, cwd=cwd or tmp_path, env=environment, timeout=TIMEOUT, check=False,
        )
        out = result.stdout.decode("utf-8", errors="replace") if isinstance(result.stdout, bytes) else ""
        return Run(result.returncode, out, result.stderr.decode("utf-8", errors="replace"))

    return run


def digest(path: Path) -> str:
    """The SHA-256 of a file, or of every file of a folder by name: "left exactly as it was"."""
    if path.is_dir():
        return hashlib.sha256(
            b"".join(p.name.encode() + bytes.fromhex(digest(p)) for p in sorted(path.iterdir()))
        ).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()
