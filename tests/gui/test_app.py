"""Before Qt starts: whether a window can be opened here, from the environment and Qt's X11 plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from attribview.gui.app import display_problem

#: How often Qt connects right after the check (a check that touched the X server lost the race at times:
#: Xvfb resets when a client leaves, and Qt connected during the reset).
RACES = 4


def _free_display() -> str:
    number = next(n for n in range(93, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


@pytest.mark.parametrize(("environment", "problem"), [
    ({}, "DISPLAY and WAYLAND_DISPLAY are not set"),
    ({"DISPLAY": ""}, "DISPLAY and WAYLAND_DISPLAY are not set"),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "WAYLAND_DISPLAY is not set"),  # wayland asked for
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "(DISPLAY is not set)"),
    ({"QT_QPA_PLATFORM": "offscreen"}, None),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, None),
    ({"QT_QPA_PLATFORM": "wayland;offscreen"}, None),  # Qt falls back on the next platform
    ({"WAYLAND_DISPLAY": "wayland-0"}, None),
])
def test_the_environment_names_a_display_or_says_why_not(environment: dict[str, str],
                                                          problem: str | None) -> None:
    found = display_problem(environment, platform="linux")
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found and "attribview snapshot FILE --out PNG" in found


def test_other_systems_are_left_to_qt() -> None:
    assert display_problem({}, platform="darwin") is None
    assert display_problem({}, platform="win32") is None


@pytest.fixture
def x_server() -> Iterator[str]:
    """A real X server (Xvfb) on a free display, for as long as the test runs."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    display = _free_display()
    server = subprocess.Popen(["Xvfb", display, "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 20
    while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        if not socket.exists():
            pytest.skip("Xvfb did not start")
        yield display
    finally:
        server.terminate()
        server.wait(10)


def test_a_running_x_server_is_a_display_and_the_check_leaves_it_usable(x_server: str) -> None:
    """Xvfb resets when a client leaves: the check must not touch the server Qt is about to connect to."""
    assert display_problem({"DISPLAY": x_server}, platform="linux") is None
    environment = {**os.environ, "DISPLAY": x_server, "QT_QPA_PLATFORM": "xcb"}
    script = ("from attribview.gui.app import display_problem; assert display_problem() is None; "
              "from PySide6.QtWidgets import QApplication; app = QApplication([]); print(app.platformName())")
    for _ in range(RACES):  # a check that were a client would lose Qt's connection to the reset at times
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment,
                             timeout=120, check=False)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "xcb"


#: The viewer as ``attribview gui FILE`` runs it, its window closed 0.3 s after it appears: the model is
#: still loading then, so the file's analysis has not started.
CLOSED_AT_ONCE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from attribview.gui.app import run
app = QApplication(sys.argv[:1])
QTimer.singleShot(300, app.closeAllWindows)
sys.exit(run(sys.argv[1], library_path=sys.argv[2]))
"""


def test_quitting_while_the_model_loads_ends_the_process_cleanly(tmp_path: Path) -> None:
    """The window closes at once: the queued analysis is dropped, nothing half-done is stored, the process
    ends with status 0 and without a traceback or a crash while the model load runs on."""
    article = tmp_path / "ferry.txt"
    article.write_text("Harbour master Oda Linnqvist said the ferry would run in May.\n", encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-c", CLOSED_AT_ONCE, str(article), str(library)], env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "Fatal" not in run.stderr
    from attribview.core.library import Library  # noqa: PLC0415 - the store only for this check

    with Library.open(library, create=False) as opened:
        assert opened.progress() == []  # the article's analysis never ran
