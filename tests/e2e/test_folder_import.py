"""Folder imports: every entry that cannot be read is one line on stderr, and the good articles are stored.

Each case puts one bad entry beside two good articles. As root a folder without read permission is
still read, so the unreadable folders root can reproduce are links: a link loop, a dangling link, a link
back to a folder already searched; a pipe or a socket named like an article must not be opened at all.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import Run

Attribview = Callable[..., Run]
GOOD = {
    "one.txt": "Dam report.\n“The dam will hold,” said Mayor Ilsa Brandt.\n",
    "sub/two.txt": "Bridge report.\n“The bridge opens in May,” said Engineer Tomas Varek.\n",
}


def _binary(folder: Path) -> Path:
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 40)
    return folder / "scan.txt"


def _empty(folder: Path) -> Path:
    (folder / "blank.txt").write_bytes(b"")
    return folder / "blank.txt"


def _dangling(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "deleted-long-ago.txt")
    return folder / "gone.txt"


def _loop(folder: Path) -> Path:
    (folder / "loop").symlink_to("loop")
    return folder / "loop"


def _back_to_ancestor(folder: Path) -> Path:
    (folder / "sub" / "up").symlink_to("..")
    return folder / "sub" / "up"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")  # opening it would wait for a writer for ever
    return folder / "pipe.txt"


def _socket(folder: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    server.close()
    return folder / "sock.txt"


def _broken_docx(folder: Path) -> Path:
    (folder / "memo.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    return folder / "memo.docx"


BAD_ENTRIES = [  # (what to put beside the good articles, words of its line)
    (_binary, "scan.txt"),
    (_empty, "empty"),
    (_dangling, "link that leads nowhere"),
    (_loop, "too many levels of symbolic links"),
    (_back_to_ancestor, "links to a folder already searched"),
    (_fifo, "not a regular file"),
    (_socket, "not a regular file"),
    (_broken_docx, "memo.docx"),
]


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    for name, text in GOOD.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        count = int(raw.execute("SELECT count(*) FROM article").fetchone()[0])
    raw.close()
    return count


@pytest.mark.parametrize(("make", "words"), BAD_ENTRIES, ids=[make.__name__[1:] for make, _ in BAD_ENTRIES])
def test_a_bad_entry_is_one_line_and_the_rest_is_stored(attribview: Attribview, tmp_path: Path,
                                                         make: Callable[[Path], Path], words: str) -> None:
    folder = _articles(tmp_path)
    bad = make(folder)
    db = tmp_path / "library.sqlite3"
    run = attribview("import", folder, "--db", db, "--profile", "none")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    [line] = run.messages
    assert line.startswith(f"attribview: skipped {bad}: "), line
    assert words.lower() in line.lower(), line
    assert run.stdout.strip() == "imported 2, already in the library 0, unreadable 1"
    assert _stored(db) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a folder without read permission")
def test_a_folder_without_read_permission_is_reported(attribview: Attribview, tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    (folder / "sealed").mkdir(mode=0o000)
    run = attribview("import", folder, "--db", tmp_path / "library.sqlite3", "--profile", "none")
    assert run.returncode == 0 and "sealed: the folder cannot be read" in run.stderr


def test_nothing_readable_is_exit_2_with_a_line_per_file(attribview: Attribview, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    bad = [_binary(folder), _empty(folder)]
    run = attribview("import", folder, "--db", tmp_path / "library.sqlite3", "--profile", "none")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert sorted(line.split(": ")[1] for line in run.messages) == \
        sorted(f"skipped {path}" for path in bad)
    assert run.stdout.strip() == "imported 0, already in the library 0, unreadable 2"


def test_a_text_given_twice_is_stored_and_counted_once(attribview: Attribview, tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    (folder / "z-copy.txt").write_text(GOOD["one.txt"], encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    run = attribview("import", folder, folder / "one.txt", "--db", db, "--profile", "none")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "imported 2, already in the library 2, unreadable 0"
    assert sorted(run.messages) == [
        f"attribview: skipped {folder / 'one.txt'}: named twice, stored once",
        f"attribview: skipped {folder / 'z-copy.txt'}: the same text as {folder / 'one.txt'}, stored once",
    ]
    assert _stored(db) == 2


def test_two_imports_at_once_count_each_text_once(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(8):
        text = f"Report {number}.\n“Gate {number} stays shut,” said Warden Ada Koval{number}.\n"
        (folder / f"r{number}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    command = [sys.executable, "-m", "attribview", "import", str(folder), "--db", str(db),
               "--profile", "none"]
    # verbose: a lock error names SQLite's message and the statement that waited in vain
    environment = {**os.environ, "ATTRIBVIEW_PROFILES": str(tmp_path / "no-user-profiles"),
                   "ATTRIBVIEW_VERBOSE": "1"}
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=tmp_path, env=environment) for _ in range(2)]
    results = [process.communicate(timeout=300) for process in both]
    assert [process.returncode for process in both] == [0, 0], "\n\n".join(
        f"exit {process.returncode}\n{out}{err}" for process, (out, err) in zip(both, results, strict=True))
    counts = [re.fullmatch(r"imported (\d+), already in the library (\d+), unreadable 0", out.strip())
              for out, _ in results]
    assert all(counts), results
    imported = [int(match.group(1)) for match in counts if match]
    assert sum(imported) == 8, results  # each text counted as new by exactly one of the two
    assert _stored(db) == 8
