"""How fast an article from the library is on screen, highlighted, with no language model loaded.

A setup process imports the bundled samples into a new library (with the model: the import analyses
them and keeps their sentences). Then each repetition is a fresh Python process, with
``QT_QPA_PLATFORM=offscreen`` unless another platform is set, that never loads the model: it opens
the library (``open_library``, not ``start``: no model load runs), and for each stored article in
turn times

  core          ``Desk.open_article`` (the core's ``Library.open_article``, the stored text, quotes and
                sentences read, and the viewer's ``Document`` made of them), on the calling thread,
                after each window open;
  window        from ``window.open_article(id)`` (a click in the library sidebar) until the window's
                ``article_shown`` (the article view highlighted, the table, the legend and the detail
                panel filled), through the worker thread, ``--opens`` times each (the first open of
                each process, the coldest, is also shown apart).

Each child checks that spaCy was never imported. Bar: window under 100 ms.

Usage::

    .venv/bin/python tests/bench/bench_open.py [--repeat 5] [--opens 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SAMPLES = ("frontline-report.txt", "harbour-council.txt", "river-crossing.txt")


def setup(db: Path) -> None:
    """Import the samples (loads the model: this process is not measured)."""
    from attribview.core.library import Library  # noqa: PLC0415 - the parent stays light
    from attribview.paths import sample_article  # noqa: PLC0415

    folder = sample_article().parent
    with Library.open(db) as library:
        report = library.import_files([folder / name for name in SAMPLES])
        if report.failed or len(report.imported) != len(SAMPLES):
            raise SystemExit(f"import failed: {report.failed}")


def child(db: Path, opens: int) -> dict[str, Any]:
    """Open every stored article, timed; runs in its own process and never loads the model."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_startup import _wait as wait  # noqa: PLC0415 - the same wait for a window's signal
    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from attribview.core.library import Library  # noqa: PLC0415
    from attribview.gui.desk import Desk  # noqa: PLC0415
    from attribview.gui.main_window import MainWindow  # noqa: PLC0415

    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="attribview-bench-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, library_path=db,
                        report_error=lambda title, message: print(f"error: {title}: {message}",
                                                                  file=sys.stderr))
    window.show()

    window.open_library()
    wait(window.library_opened, "the library")
    with Library.open(db, create=False) as library:
        ids = [row.id for row in library.store.articles()]
    desk = Desk(window.analyzer, db)
    desk.open()
    core: list[float] = []
    shown: list[float] = []
    for _ in range(opens):
        for article_id in ids:
            t = time.perf_counter()
            window.open_article(article_id)
            wait(window.article_shown, f"article {article_id}")
            shown.append(time.perf_counter() - t)
            window.tasks.wait()  # the library refresh after an open is not part of the next one
            app.processEvents()
            t = time.perf_counter()
            document = desk.open_article(article_id)
            core.append(time.perf_counter() - t)
            assert document.stored and document.analysis.sentences
    desk.close()
    window.close()
    spacy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc"))
    return {"core": core, "window": shown, "first": shown[:1], "spacy": spacy, "articles": len(ids)}


def _ms(value: float) -> str:
    return f"{value * 1000:,.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes to measure (default 5)")
    parser.add_argument("--opens", type=int, default=3, help="opens of each article per process (default 3)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON too")
    parser.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--setup", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup(Path(args.setup))
        return 0
    if args.child:
        print(json.dumps(child(Path(args.child), args.opens)))
        return 0

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="attribview-bench-") as folder:
        db = Path(folder) / "library.sqlite3"
        subprocess.run([sys.executable, __file__, "--setup", str(db)], env=env, check=True)
        runs: list[dict[str, Any]] = []
        for i in range(args.repeat):
            done = subprocess.run([sys.executable, __file__, "--child", str(db), "--opens", str(args.opens)],
                                  env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
                return 1
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"run {i + 1}/{args.repeat} done", file=sys.stderr)
    loaded = sorted({m for r in runs for m in r["spacy"]})
    print(f"attribview: open an article from the library, no model, {args.repeat} fresh processes, "
          f"{runs[0]['articles']} articles x {args.opens} opens, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, "
          f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(f"spaCy imported: {'yes: ' + ', '.join(loaded) if loaded else 'never'}")
    print(f"{'measure':<44}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}{'n':>5}")
    for label, key in (("core: open_article + Document", "core"),
                       ("window: open -> highlighted (bar 100)", "window"),
                       ("  the first open of each process", "first")):
        values = sorted(v for r in runs for v in r[key])
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"{label:<44}{_ms(statistics.median(values)):>11}{_ms(p95):>9}{_ms(values[-1]):>9}{len(values):>5}")
    if args.json:
        print(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
