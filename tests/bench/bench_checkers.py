"""Checkers at once on one PostgreSQL library: saves per second, conflicts, and that nothing is lost.

``--checkers`` processes (default 8), each with its own connections, verify the quotes of one library
for ``--seconds`` (default 60): each round reads a random quote's verification (its version), thinks
for up to ``--think-ms``, and saves a new status with a note of its own, naming the version it read.
A save refused because another checker saved since (``ConflictError``) is counted as a conflict; the
checker reads the fresh state and goes on. The quotes are few (``--quotes``, default 40) so that
checkers meet on the same quote often.

Afterwards it verifies that nothing was lost:
  - each successful save replaced exactly the version its checker read (version read + 1), the saves of
    each quote have the versions 1, 2, ... n without a gap or a twin (no save overwrote another unseen),
    and the quote's final state is its last successful save;
  - the history has exactly one ``note`` row per successful save, naming its checker.

Usage::

    .venv/bin/python tests/bench/bench_checkers.py [--url postgresql+psycopg://...] [--seconds 60]

Without ``--url`` it starts a throw-away PostgreSQL cluster (``tests/postgres.py``) and a new database.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.postgres, from the repository

from attribview.core.types import Analysis, Quote
from attribview.store.db import open_store
from attribview.store.errors import ConflictError
from attribview.store.library import ArticleMeta
from tests.postgres import server_binaries, throwaway_cluster

STATUSES = ("in_progress", "verified", "disputed", "false", "inconclusive")


def _fill(url: str, quotes: int) -> list[int]:
    """A library with ``quotes`` quotes in one invented article; their ids."""
    sentences = [f"“Line {i} holds,” said Checker Sample {i}." for i in range(quotes)]
    article = "\n".join(sentences) + "\n"
    found = []
    for i, sentence in enumerate(sentences):
        start = article.index(sentence) + 1
        end = start + len(f"Line {i} holds,")
        found.append(Quote(start=start, end=end, text=article[start:end], speaker=f"Checker Sample {i}",
                           group=None, kind="direct", confidence=0.9))
    with open_store(url) as store:
        store.save_analysis(ArticleMeta(title="load test"), Analysis(text=article, profile=None,
                                                                     quotes=tuple(found), sentences=()))
        return [row.id for row in store.search_quotes()]


def _checker(url: str, name: str, quote_ids: list[int], seconds: float, think_ms: float,
             results: multiprocessing.Queue[object]) -> None:
    """One checker's loop; puts (name, successful saves, conflicts, errors, (start, end)) on ``results``."""
    rng = random.Random(name)
    saves: list[tuple[int, int, str]] = []  # (quote, version after the save, note)
    conflicts = 0
    errors: list[str] = []
    with open_store(url) as store:
        began = time.monotonic()  # the system's clock: comparable between the processes
        deadline = began + seconds
        while time.monotonic() < deadline:
            quote_id = rng.choice(quote_ids)
            seen = store.get_verification(quote_id)
            time.sleep(rng.uniform(0, think_ms) / 1000)
            note = f"{name} save {len(saves) + conflicts}"
            try:
                row = store.set_verification(quote_id, rng.choice(STATUSES), note=note, who=name,
                                             expected_version=seen.version)
            except ConflictError:
                conflicts += 1
                continue
            except Exception as error:  # every other failure is reported, never hidden
                errors.append(f"{type(error).__name__}: {error}")
                continue
            if row.version != seen.version + 1:  # it replaced a state its checker never saw
                errors.append(f"{note}: read version {seen.version}, saved as version {row.version}")
            saves.append((quote_id, row.version, note))
        window = (began, time.monotonic())
    results.put((name, saves, conflicts, errors, window))


def _verify(url: str, saves: list[tuple[str, int, int, str]]) -> list[str]:
    """What was lost or doubled; an empty list when every save is accounted for."""
    problems: list[str] = []
    by_quote: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for name, quote_id, version, note in saves:
        by_quote[quote_id].append((version, note, name))
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            final = {row.quote_id: (row.version, row.note, row.checked_by) for row in connection.execute(
                text("SELECT quote_id, version, note, checked_by FROM verification"))}
            history = connection.execute(text(
                "SELECT entity_id, new_value, who FROM history "
                "WHERE entity = 'verification' AND field = 'note'")).all()
    finally:
        engine.dispose()
    for quote_id, done in by_quote.items():
        versions = sorted(version for version, _, _ in done)
        if versions != list(range(1, len(versions) + 1)):
            problems.append(f"quote {quote_id}: the versions of its saves have gaps or twins: {versions}")
        last_version, last_note, last_name = max(done)
        if final.get(quote_id) != (last_version, last_note, last_name):
            problems.append(f"quote {quote_id}: final state {final.get(quote_id)} is not its last save "
                            f"{(last_version, last_note, last_name)}")
    recorded = Counter((entity_id, note, who) for entity_id, note, who in history)
    expected = Counter((quote_id, note, name) for name, quote_id, _version, note in saves)
    if recorded != expected:
        missing, extra = expected - recorded, recorded - expected
        problems.append(f"history: {sum(missing.values())} saves missing, {sum(extra.values())} rows extra")
    return problems


def _run(url: str, args: argparse.Namespace) -> dict[str, object]:
    quote_ids = _fill(url, args.quotes)
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue[object] = context.Queue()
    workers = [context.Process(target=_checker, args=(url, f"checker-{i + 1}", quote_ids, args.seconds,
                                                      args.think_ms, results))
               for i in range(args.checkers)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=args.seconds + 120) for _ in workers]
    for worker in workers:
        worker.join()
    # the time all checkers worked, from the first start to the last end (process start-up left out)
    elapsed = max(o[4][1] for o in outcomes) - min(o[4][0] for o in outcomes)  # type: ignore[index]
    saves = [(name, quote_id, version, note) for name, done, _, _, _ in outcomes  # type: ignore[misc]
             for quote_id, version, note in done]
    conflicts = sum(c for _, _, c, _, _ in outcomes)  # type: ignore[misc]
    errors = [e for _, _, _, errs, _ in outcomes for e in errs]  # type: ignore[misc]
    problems = _verify(url, saves)
    return {
        "checkers": args.checkers, "seconds": round(elapsed, 1), "quotes": args.quotes,
        "saves": len(saves), "saves_per_second": round(len(saves) / elapsed, 1), "conflicts": conflicts,
        "conflict_rate": round(conflicts / max(len(saves) + conflicts, 1), 3), "errors": len(errors),
        "first_errors": errors[:3], "lost_or_doubled": problems,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throw-away cluster)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--checkers", type=int, default=8)
    parser.add_argument("--quotes", type=int, default=40)
    parser.add_argument("--think-ms", type=float, default=5, help="longest pause between read and save")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.url:
        report = _run(args.url, args)
    else:
        binaries = server_binaries()
        if binaries is None:
            print("PostgreSQL is not installed (no initdb); give --url", file=sys.stderr)
            return 2
        with throwaway_cluster(binaries) as server:
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text('CREATE DATABASE "checkers"'))
            admin.dispose()
            report = _run(make_url(server).set(database="checkers").render_as_string(hide_password=False),
                          args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>18}: {value}")
    return 0 if not report["lost_or_doubled"] and not report["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
