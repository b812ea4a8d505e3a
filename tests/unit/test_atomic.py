"""Atomic writes: a writer that fails half-way leaves the previous file exactly as it was."""

from __future__ import annotations

import ast
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from attribview.atomic import WriteError, replacing, write_bytes, write_text


def _pieces_then_failure() -> Iterator[str]:
    yield "first half of the new content, "
    yield "x" * 100_000
    raise RuntimeError("the writer broke half-way")


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_writer_that_raises_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old content\r\n")
    with pytest.raises(RuntimeError, match="half-way"):
        write_text(target, _pieces_then_failure())
    assert target.read_bytes() == b"old content\r\n"
    assert _listing(tmp_path) == ["export.csv"]


def test_a_failure_inside_the_block_leaves_no_new_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(ValueError, match="stop"), replacing(target) as temp:
        temp.write_bytes(b"%PDF- partial")
        raise ValueError("stop")
    assert _listing(tmp_path) == []


def test_the_new_content_replaces_the_old_with_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_text(target, "new\r\nline")
    assert target.read_bytes() == b"new\r\nline"  # newlines exactly as given
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _listing(tmp_path) == ["shared.json"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_bytes(tmp_path / "image.png", b"\x89PNG")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "image.png").stat().st_mode) == 0o644


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_device_is_written_in_place() -> None:
    write_text(os.devnull, "discarded")
    assert Path(os.devnull).is_char_device()


@pytest.mark.parametrize("where", ["missing-folder/out.txt", "a-file/out.txt", ""])
def test_an_impossible_target_is_one_line_naming_it(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / where if where else tmp_path  # the last: a folder
    with pytest.raises(WriteError) as caught:
        write_text(target, "text")
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)
    assert "cannot write" in str(caught.value)
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "x"


PACKAGE = Path(__file__).resolve().parents[2] / "attribview"
_DIRECT_WRITES = {"write_text", "write_bytes"}


def _direct_writes(tree: ast.AST) -> list[int]:
    """Lines that write a file without the helper: ``.write_text``, ``.write_bytes``, ``open(.., "w")``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        modes = [arg.value for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "mode")]
                 if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if (name in _DIRECT_WRITES and isinstance(node.func, ast.Attribute)) or (
                name == "open" and any(set(mode) & set("wax+") for mode in modes)):
            lines.append(node.lineno)
    return lines


def test_the_program_writes_files_only_through_the_helper() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py")) if path.name != "atomic.py"
        if (lines := _direct_writes(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}, f"written without attribview.atomic (a kill would leave them truncated): {found}"
