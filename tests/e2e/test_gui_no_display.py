"""``attribview gui`` where no window can be opened: one line that says so and points to ``snapshot``, exit 2,
instead of Qt's abort (exit 134) with a message about the xcb-cursor library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def bare(monkeypatch: pytest.MonkeyPatch) -> None:
    """A session with no display: DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset."""
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.usefixtures("bare")
@pytest.mark.parametrize("env", [{}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland"},
                                 {"QT_QPA_PLATFORM": "wayland;xcb"}], ids=["unset", "xcb", "wayland", "both"])
def test_no_display_is_one_line(attribview: Callable[..., Any], tmp_path: Path, env: dict[str, str]) -> None:
    library = tmp_path / "library.sqlite3"
    article = tmp_path / "ferry.txt"
    article.write_text('"The ferry runs on Monday," said Mayor Ilse Varnholt.\n', encoding="utf-8")
    run = attribview("gui", article, "--db", library, env=env)
    run.assert_one_line_error("no display found", "attribview snapshot")
    assert not library.exists()  # nothing was created
    assert article.read_text(encoding="utf-8").startswith('"The ferry')


@pytest.mark.usefixtures("bare")
def test_a_display_that_does_not_answer_is_one_line(attribview: Callable[..., Any], tmp_path: Path) -> None:
    number = next(n for n in range(87, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    library = tmp_path / "library.sqlite3"
    article = tmp_path / "ferry.txt"
    article.write_text('"The ferry runs on Monday," said Mayor Ilse Varnholt.\n', encoding="utf-8")
    run = attribview("gui", article, "--db", library, env={"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"})
    run.assert_one_line_error(f"no display answers at :{number}", "attribview snapshot")
    assert not library.exists()
