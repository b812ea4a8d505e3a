"""Bulk import without the engine: ``python -m attribview.store.bulk DB DIR`` stores every *.txt in DIR.

It finds only direct quotations followed by "said NAME" (a stand-in that needs no spaCy model), so that
the store's crash safety can be tested on hundreds of articles in seconds. The real import, through the
engine, is ``attribview import``. Each article is saved in its own transaction and articles already in
the library are skipped, so a killed run is finished by running it again.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from attribview.store.db import open_store
from attribview.store.errors import StoreError
from attribview.store.library import ArticleMeta

_QUOTED_SAID = re.compile(r'["“]([^"“”]+)["”],? (said) ([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)')


@dataclass(frozen=True)
class FoundQuote:
    """A quotation found by the stand-in, shaped like the engine's quotes."""

    start: int
    end: int
    text: str
    speaker: str | None
    group: str | None = None
    kind: str = "direct"
    confidence: float = 0.5
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    mention: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundQuotes:
    """The stand-in's analysis of one text."""

    text: str
    profile: str | None = None
    quotes: tuple[FoundQuote, ...] = field(default=())


def find_quotes(text: str) -> FoundQuotes:
    """Direct quotations followed by "said Name": enough to exercise the store, not to analyse news."""
    quotes = tuple(
        FoundQuote(
            start=m.start(1), end=m.end(1), text=m.group(1), speaker=m.group(3),
            cue_start=m.start(2), cue_end=m.end(2), source_start=m.start(3), source_end=m.end(3),
            mention=m.group(3),
        )
        for m in _QUOTED_SAID.finditer(text)
    )
    return FoundQuotes(text=text, quotes=quotes)


def import_folder(db: Path, folder: Path, *, pause: float = 0.0) -> tuple[int, int]:
    """Store every ``*.txt`` of ``folder`` (sorted by name); returns (imported, already there)."""
    imported = skipped = 0
    with open_store(db) as store:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if store.find_article_id(text) is not None:
                skipped += 1
                continue
            store.save_analysis(ArticleMeta(title=path.stem), find_quotes(text))
            imported += 1
            if pause:
                time.sleep(pause)  # lets a test kill the run half-way
    return imported, skipped


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; one line on stderr and status 2 on a store problem."""
    parser = argparse.ArgumentParser(prog="python -m attribview.store.bulk", description=__doc__)
    parser.add_argument("db", type=Path, help="the library file (created if missing)")
    parser.add_argument("folder", type=Path, help="a folder of UTF-8 *.txt articles")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds to wait after each article")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"attribview: error: {args.folder}: is not a folder", file=sys.stderr)
        return 2
    try:
        imported, skipped = import_folder(args.db, args.folder, pause=args.pause)
    except (StoreError, OSError, UnicodeDecodeError) as error:
        print(f"attribview: error: {error}", file=sys.stderr)
        return 2
    print(f"imported {imported}, already there {skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
