"""How fast the viewer starts and opens an article.

Each repetition is a fresh Python process (a QApplication can be made once per process), started with
``QT_QPA_PLATFORM=offscreen`` unless another platform is set, with its own settings and library files in
a temporary folder. In each one:

  first paint   from just before ``QApplication(...)`` until the first paint event of the main window
                (``MainWindow`` constructed and shown, the welcome screen drawn); the imports of PySide6
                and attribview before it are timed apart (``import``), and ``process`` counts from the
                interpreter's start (as ``attribview gui`` would feel);
  model load    from ``window.start(FILE)`` (as ``attribview gui FILE``: the library opened, the model
                loading on the worker thread, FILE a text new to the library) until the window's
                ``model_loaded`` signal; meanwhile a 10 ms timer on the GUI thread records the longest
                gap between its ticks (``GUI stall``: how long the window would not answer);
  text shown    from the same ``start(FILE)`` until FILE's text is on screen as plain text
                (``text_shown``), and until it is highlighted (``article_shown``, the model loaded and
                the text analysed: ``cold open``);
  open (warm)   with the model loaded: from calling ``window.open_file(path)`` (what File > Open does
                once a file is chosen) until ``article_shown`` (the highlights applied, the table and
                the legend filled), for each of the bundled samples in turn, ``--opens`` times. The first
                open of a text also saves it to the library; later opens of the same text re-analyse it
                in place (the ``first`` and ``again`` columns).

Usage::

    .venv/bin/python tests/bench/bench_startup.py [--repeat 5] [--opens 3] [--json]
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()  # before the imports below (interpreter start-up is not counted)

import argparse  # noqa: E402 - timed from the top of the file
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SAMPLES = ("frontline-report.txt", "harbour-council.txt", "river-crossing.txt")
TIMEOUT_MS = 180_000


def child(opens: int) -> dict[str, Any]:
    """One start-up, measured; runs in its own process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t_import = time.perf_counter()
    # imported here, timed: the parent process never loads Qt
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: PLC0415

    from attribview.gui.main_window import MainWindow  # noqa: PLC0415
    imported = time.perf_counter()

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.window: QWidget | None = None
            self.at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.at is None and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) \
                    and self.window is not None and watched.window() is self.window:
                self.at = time.perf_counter()
            return False

    folder = Path(tempfile.mkdtemp(prefix="attribview-bench-"))
    t0 = time.perf_counter()
    app = QApplication([sys.argv[0]])
    painted = FirstPaint()
    app.installEventFilter(painted)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, library_path=folder / "library.sqlite3",
                        report_error=lambda title, message: print(f"error: {title}: {message}",
                                                                  file=sys.stderr))
    constructed = time.perf_counter()
    painted.window = window
    window.show()
    while painted.at is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    first_paint = painted.at

    new_file = folder / "new-article.txt"  # a text the library has never seen
    new_file.write_text((sample_article_text() + f"\nFiled {time.time_ns()}.\n"), encoding="utf-8")
    model_load, gui_stall, text_shown, cold_open = _model_load(window, str(new_file))
    open_first, open_again = _opens(app, window, opens)
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "import": imported - t_import,
        "construct": constructed - t0,
        "first_paint": first_paint - t0,
        "process_to_paint": first_paint - PROCESS_START,
        "model_load": model_load,
        "text_shown": text_shown,
        "cold_open": cold_open,
        "gui_stall": gui_stall,
        "open_first": open_first,
        "open_again": open_again,
    }


def _wait(signal: Any, what: str) -> None:
    """Run the event loop until ``signal`` (or give up after TIMEOUT_MS)."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415 - the parent never loads Qt

    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(TIMEOUT_MS)
    loop.exec()
    signal.disconnect(loop.quit)
    if not timer.isActive():
        raise SystemExit(f"timed out waiting for {what}")


def sample_article_text() -> str:
    from attribview.paths import sample_article  # noqa: PLC0415 - the parent never loads attribview

    return sample_article().read_text(encoding="utf-8")


def _model_load(window: Any, path: str) -> tuple[float, float, float, float]:
    """Seconds from ``start(path)`` to the model loaded, the GUI thread's longest silence meanwhile,
    and from ``start(path)`` to the text on screen and to its highlights."""
    from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: PLC0415 - the parent never loads Qt

    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: gaps.append(clock.restart() / 1000))
    clock.start()
    ticker.start()
    seen: dict[str, float] = {}
    window.text_shown.connect(lambda _text: seen.setdefault("text", time.perf_counter()))
    window.article_shown.connect(lambda _article: seen.setdefault("article", time.perf_counter()))
    window.model_loaded.connect(lambda: seen.setdefault("model", time.perf_counter()))
    t_start = time.perf_counter()
    window.start(path)
    while "article" not in seen:
        _wait(window.article_shown if "model" in seen else window.model_loaded, "the model and the article")
    ticker.stop()
    if not window.library_ready:
        _wait(window.library_opened, "the library")
    text = seen.get("text", float("nan")) - t_start
    return seen["model"] - t_start, max(gaps, default=0.0), text, seen["article"] - t_start


def _opens(app: Any, window: Any, opens: int) -> tuple[list[float], list[float]]:
    """Seconds from ``open_file`` to ``article_shown``: first opens of each text, and the later ones."""
    from attribview.paths import sample_article  # noqa: PLC0415 - the parent never loads attribview

    first: list[float] = []
    again: list[float] = []
    folder = sample_article().parent
    for round_ in range(opens):
        for name in SAMPLES:
            t = time.perf_counter()
            window.open_file(str(folder / name))
            _wait(window.article_shown, name)
            (first if round_ == 0 else again).append(time.perf_counter() - t)
            window.tasks.wait()  # the library refresh after an open is not part of the next one
            app.processEvents()
    return first, again


def _ms(value: float) -> str:
    return f"{value * 1000:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes to measure (default 5)")
    parser.add_argument("--opens", type=int, default=3, help="opens of each sample per process (default 3)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.opens)))
        return 0

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs: list[dict[str, Any]] = []
    for i in range(args.repeat):
        done = subprocess.run([sys.executable, __file__, "--child", "--opens", str(args.opens)], env=env,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
            return 1
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"run {i + 1}/{args.repeat} done", file=sys.stderr)

    print(f"attribview start-up, {args.repeat} fresh processes, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, "
          f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(f"{'measure':<44}{'median ms':>11}{'min ms':>9}{'max ms':>9}{'n':>5}")
    rows = [
        ("import PySide6 + attribview.gui", [r["import"] for r in runs]),
        ("QApplication + MainWindow constructed", [r["construct"] for r in runs]),
        ("first paint (from QApplication)", [r["first_paint"] for r in runs]),
        ("first paint (from process start)", [r["process_to_paint"] for r in runs]),
        ("model load (background)", [r["model_load"] for r in runs]),
        ("start(FILE) -> text on screen", [r["text_shown"] for r in runs]),
        ("start(FILE) -> highlighted (cold open)", [r["cold_open"] for r in runs]),
        ("  longest GUI stall during the load", [r["gui_stall"] for r in runs]),
        ("open -> highlighted, warm, first of a text", [v for r in runs for v in r["open_first"]]),
        ("open -> highlighted, warm, text in library", [v for r in runs for v in r["open_again"]]),
    ]
    for label, values in rows:
        if values:
            print(f"{label:<44}{_ms(statistics.median(values)):>11}{_ms(min(values)):>9}"
                  f"{_ms(max(values)):>9}{len(values):>5}")
    per_sample = {name: [r["open_again"][i::len(SAMPLES)] for r in runs] for i, name in enumerate(SAMPLES)}
    for name, lists in per_sample.items():
        values = [v for values in lists for v in values]
        if values:
            print(f"{'  again: ' + name:<44}{_ms(statistics.median(values)):>11}{_ms(min(values)):>9}"
                  f"{_ms(max(values)):>9}{len(values):>5}")
    if args.json:
        print(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
