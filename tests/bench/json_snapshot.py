"""Write ``attribview analyze --json`` of each file to a folder, to diff a speed change's output before/after.

A speed change must not change one byte of the output; running the command line once per file would
load the model once per file, so this runs the command line's ``main`` in one process, with the loaded
pipeline kept between files. Usage::

    .venv/bin/python tests/bench/json_snapshot.py OUT_DIR FILE ... [--profile war]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from attribview.cli.main import main as cli_main
from attribview.nlp import model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--profile", default=None)
    args = parser.parse_args(argv)
    model.load_pipeline = functools.cache(model.load_pipeline)  # type: ignore[method-assign]
    args.out.mkdir(parents=True, exist_ok=True)
    extra = ["--profile", args.profile] if args.profile else []
    for path in args.files:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = cli_main(["analyze", "--json", *extra, str(path)])
        name = f"{path.parent.name}__{path.name}.{args.profile or 'auto'}.json"
        (args.out / name).write_text(f"{status}\n{out.getvalue()}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
