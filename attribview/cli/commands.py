"""What each ``attribview`` command does, once ``main`` has parsed its arguments.

Each takes the parsed arguments and returns the exit status. The heavy parts (spaCy, SQLAlchemy, Qt) are
imported inside the command that needs them, so that ``--help`` and the light commands stay fast.
"""

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from attribview.atomic import write_text
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.errors import AttribviewError

if TYPE_CHECKING:
    from attribview.store.library import QuoteRow

EXIT_USAGE = 2


def analyze(args: argparse.Namespace) -> int:
    from attribview.cli.render import render_table  # noqa: PLC0415 - only this command needs it
    from attribview.core.analysis import Analyzer  # noqa: PLC0415 - keeps --help fast
    from attribview.core.language import detect_language  # noqa: PLC0415
    from attribview.textio import read_article  # noqa: PLC0415

    source = read_article(args.file)
    conventions = NAMED_CONVENTIONS[args.count] if args.count else None
    analysis = Analyzer(model=args.model).analyze(source, profile=args.profile, conventions=conventions)
    language = detect_language(source.text)
    if language.notice:
        print(f"attribview: warning: {os.path.basename(args.file)}: {language.notice}", file=sys.stderr)
    if args.json:
        data = analysis.to_json()
        data["language"], data["notice"] = language.code, language.notice
        json.dump(data, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(render_table(analysis, args.file))
    return 0


def init(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415 - loads SQLAlchemy

    with Library.open(args.db) as library:
        count = len(library.store.articles())
        print(f"{library.store.where}: library ready ({count} article{'' if count == 1 else 's'})")
    return 0


def import_articles(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415 - loads SQLAlchemy and spaCy

    def bar(done: int, total: int, name: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def lines(done: int, total: int, name: str) -> None:
        """A log or a pipe gets one plain line per file: a redrawn bar would be one garbled line."""
        print(f"{done}/{total} {name}", file=sys.stderr, flush=True)

    with Library.open(args.db) as library:
        report = library.import_files(args.paths, profile=args.profile,
                                      progress=bar if sys.stderr.isatty() else lines)
    for path, message in report.failed:
        print(f"attribview: skipped {path}: {message}", file=sys.stderr)
    for path, earlier in report.duplicates:
        twin = "named twice" if path == earlier else f"the same text as {earlier}"
        print(f"attribview: skipped {path}: {twin}, stored once", file=sys.stderr)
    stored = len(report.imported) + len(report.skipped) + len(report.duplicates)
    print(f"imported {len(report.imported)}, already in the library {stored - len(report.imported)}, "
          f"unreadable {len(report.failed)}")
    return 0 if not report.failed or stored else EXIT_USAGE


def quotes(args: argparse.Namespace) -> int:
    from attribview.cli.render import render_quote_rows  # noqa: PLC0415
    from attribview.core.library import Library  # noqa: PLC0415

    with Library.open(args.db, create=False) as library:
        rows = library.search(speaker=args.speaker, group=args.group, status=args.status,
                              text=args.search, limit=args.limit)
    if args.json:
        json.dump([_row_json(row) for row in rows], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(render_quote_rows(rows))
    return 0


def _row_json(row: "QuoteRow") -> dict[str, Any]:
    data = asdict(row)
    data["flags"] = list(row.flags)
    return data


def verify(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415

    with Library.open(args.db, create=False) as library:
        row = library.verify(args.quote_id, args.status, note=args.note, evidence=args.evidence,
                             checker=args.checker, expected_version=args.if_version, url=args.url)
    print(f"quote {args.quote_id}: {row.status}" + (f" ({row.note})" if row.note else "")
          + (f" at {row.url}" if row.url else "") + f", by {row.checked_by}, version {row.version}")
    return 0


def export(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415

    if args.bom and args.format != "csv":
        raise AttribviewError("--bom is for --format csv only")
    chosen = [f"--{o.replace('_', '-')}" for o in ("settings", "publisher", "publisher_url", "logo")
              if getattr(args, o) is not None]
    if chosen and args.format != "claimreview":
        raise AttribviewError(f"{chosen[0]} is for --format claimreview only")
    publishing = None
    if args.format == "claimreview":  # read first: a wrong setting is told before the library is opened
        from attribview.core.publishing import load_publishing  # noqa: PLC0415

        publishing = load_publishing(args.settings, publisher=args.publisher,
                                     publisher_url=args.publisher_url, logo=args.logo)
        publishing.require_publisher()
    with Library.open(args.db, create=False) as library:
        text = library.export(args.format, args.article, bom=args.bom, publishing=publishing)
    if args.out:
        write_text(args.out, text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def report(args: argparse.Namespace) -> int:
    from pathlib import Path  # noqa: PLC0415

    if not args.out and not args.pdf:
        raise AttribviewError("report needs --out FILE.html, --pdf FILE.pdf or both")
    from attribview.core.analysis import Analyzer  # noqa: PLC0415 - keeps --help fast
    from attribview.core.report import render_report, statuses_by_span  # noqa: PLC0415
    from attribview.core.titles import article_title  # noqa: PLC0415
    from attribview.textio import read_article  # noqa: PLC0415

    analyzer = Analyzer()
    source = read_article(args.file)
    analysis = analyzer.analyze(source, profile=args.profile, readable=True)
    profile = analyzer.profiles.get(analysis.profile) if analysis.profile else None
    statuses = None
    if args.db:  # only when asked: a report never creates a library as a side effect
        from attribview.core.library import Library  # noqa: PLC0415

        with Library.open(args.db, create=False) as library:
            article_id = library.store.find_article_id(source.text)
            rows = library.store.search_quotes(article_id=article_id) if article_id is not None else []
        statuses = statuses_by_span(analysis, ((r.start, r.end, r.status) for r in rows))
    title = article_title(source, Path(args.file).name)  # as the viewer and the library call it
    html = render_report(analysis, title=title, profile=profile, statuses=statuses)
    if args.pdf:  # first: a PDF that cannot be made leaves no HTML behind either
        from attribview.gui.report_export import write_pdf  # noqa: PLC0415 - Qt loads only here

        write_pdf(html, args.pdf)
        print(f"wrote {args.pdf}")
    if args.out:
        write_text(args.out, html)
        print(f"wrote {args.out}")
    return 0


def profiles(args: argparse.Namespace) -> int:
    from pathlib import Path  # noqa: PLC0415

    from attribview.core.profiles import load_profiles, profile_paths  # noqa: PLC0415

    paths = [Path(f) for f in args.files] or profile_paths()
    profiles, problems = load_profiles(paths)
    for profile in profiles.values() if not args.files else ():
        print(f"{profile.id}: {profile.label} ({len(profile.groups)} groups, {len(profile.speakers)} "
              f"speakers, counts {profile.conventions.name}) {profile.path}")
    for path in paths if args.files else ():
        checked = next((p for p in profiles.values() if p.path == path), None)
        if checked is not None:
            print(f"{path}: ok (profile {checked.id!r}, {len(checked.groups)} groups, "
                  f"{len(checked.speakers)} speakers)")
    if not args.files:  # a listing skips a broken file, as every analysis does
        for problem in problems:
            print(f"attribview: warning: {problem} (profile skipped)", file=sys.stderr)
        return 0
    for problem in problems:
        print(f"attribview: error: {problem}", file=sys.stderr)
    return EXIT_USAGE if problems else 0


def class_report(args: argparse.Namespace) -> int:
    from attribview.core.exercise import load_exercise  # noqa: PLC0415
    from attribview.core.grading import (  # noqa: PLC0415
        MISTAKE_COLUMNS,
        SCORE_COLUMNS,
        class_report,
        mistake_cells,
        score_cells,
        write_class_csv,
    )

    key = load_exercise(args.key)
    if not key.keyed:
        raise AttribviewError(f"{args.key}: the trainees' copy, without answers; give the key file")
    report = class_report(key, args.attempts)
    print(f"{key.title}: {len(report.trainees)} attempts, {len(key.sentences)} sentences, "
          f"average {round(100 * report.average)}%\n")
    print(_text_table(SCORE_COLUMNS, [score_cells(row) for row in report.trainees]))
    if report.mistakes:
        print("\ncommon mistakes\n")
        print(_text_table(MISTAKE_COLUMNS, [mistake_cells(m) for m in report.mistakes]))
    if args.csv:
        write_class_csv(report, args.csv)
        print(f"\nwrote {args.csv}")
    return 0


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; control characters of a file name shown as spaces."""
    cells = [[" ".join(c.split()) for c in row] for row in (header, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
    return "\n".join(lines)


def gui(args: argparse.Namespace) -> int:
    from attribview.gui.app import run  # noqa: PLC0415 - Qt loads only for the GUI commands

    return run(args.file, library_path=args.db)


def snapshot(args: argparse.Namespace) -> int:
    from attribview.gui.snapshot import render_snapshot  # noqa: PLC0415 - Qt loads only here

    render_snapshot(args.file, args.out, width=args.width)
    print(f"wrote {args.out}")
    return 0
