"""Starts the viewer: the window appears at once, the model loads behind it."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from attribview.errors import AttribviewError
from attribview.gui.main_window import MainWindow

NO_DISPLAY_HINT = "use 'attribview snapshot FILE --out PNG' to render an article without a display"
#: Linux platforms that need a display server, and the variable that names it.
DISPLAY_SERVERS = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}


def display_problem(environment: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why the viewer cannot open a window here, or None; checked before Qt, which would abort the process
    (with a message about the xcb-cursor library, whatever is missing).

    On Linux, ``QT_QPA_PLATFORM`` (unset: xcb or wayland) needs its display server named in the
    environment, and for X11 Qt's plugin must load (its libraries installed).
    """
    if not platform.startswith("linux"):
        return None
    env = os.environ if environment is None else environment
    wanted = [name.split(":")[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [name for name in wanted if name] or ["xcb", "wayland"]
    servers = {name: _server_variable(name) for name in wanted}
    usable = [name for name, variable in servers.items() if variable is None or env.get(variable)]
    if not usable:
        unset = sorted({variable for variable in servers.values() if variable is not None})
        return f"no display found ({' and '.join(unset)} {'is' if len(unset) == 1 else 'are'} not set): " \
               "the viewer needs a desktop; " + NO_DISPLAY_HINT
    if usable[0].startswith("xcb"):
        return _xcb_problem()
    return None


def _server_variable(platform_name: str) -> str | None:
    """The variable naming the display server ``platform_name`` needs; None for offscreen, vnc, eglfs."""
    return next((variable for prefix, variable in DISPLAY_SERVERS.items()
                 if platform_name.startswith(prefix)), None)


def _xcb_problem() -> str | None:
    """Whether Qt's X11 plugin loads: a missing library (libxcb-cursor0) would abort Qt.

    The X server itself is not probed: Xvfb resets when a client leaves while no other is connected, and
    Qt's own connection, made a moment later, would then fail.
    """
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # a Qt built another way reports for itself
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = str(error).split(":")[0]
        return f"the display cannot be opened: Qt's X11 plugin needs {missing}; " + NO_DISPLAY_HINT
    return None


@contextmanager
def _fatal_as_one_line() -> Iterator[None]:
    """While Qt opens its platform: a fatal failure (a display named but not answering) is one line and
    exit status 2, not Qt's abort with its advice about plugins."""
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            seen.append(message)
            return
        display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or "?"
        unreachable = any("connect to display" in m for m in seen)
        reason = f"no display answers at {display}" if unreachable else "Qt cannot open a window here"
        sys.stderr.write(f"attribview: error: {reason}; {NO_DISPLAY_HINT}\n")
        sys.stderr.flush()
        os._exit(2)  # Qt aborts as soon as this handler returns

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def run(path: str | None = None, library_path: str | Path | None = None) -> int:
    """Show the main window, open the library (the user's by default) and load the model in the
    background, open ``path`` if given; the exit status.

    Raises:
        AttribviewError: no display can be opened here (the command line says so in one line).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        problem = display_problem()
        if problem is not None:
            raise AttribviewError(problem)
        with _fatal_as_one_line():
            app = QApplication(sys.argv[:1])
    app.setOrganizationName("attribview")
    app.setApplicationName("attribview")
    app.setApplicationDisplayName("attribview")
    window = MainWindow(library_path=library_path)
    window.show()
    window.start(path)
    status = app.exec()
    window.tasks.wait_desk()  # the library's opening and the last saves are written before the process ends
    if not window.tasks.wait(0):  # an analysis still running: end without tearing Qt down under it
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
