"""``attribview`` command line: analyse an article, keep what was checked, open the viewer."""

import argparse
import errno
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from attribview import __version__
from attribview.atomic import write_text
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.errors import AttribviewError
from attribview.store.statuses import STATUSES

if TYPE_CHECKING:
    from attribview.store.library import QuoteRow

EXIT_USAGE = 2
EXPORT_FORMATS = ("json", "csv", "claimreview")
DB_HELP = ("library: a file, sqlite:///FILE or postgresql+psycopg://USER@HOST/DATABASE (the password from "
           "PGPASSWORD or ~/.pgpass); default: a file in the user data folder")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attribview", description="Who said what in a news article.")
    parser.add_argument("--version", action="version", version=f"attribview {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="find attributions in an article file")
    analyze.add_argument("file", help="article: .txt (any encoding), .html or .docx")
    analyze.add_argument("--json", action="store_true", help="machine-readable output (FORMAT.md contract)")
    _add_profile(analyze)
    analyze.add_argument("--model", default=None, help="spaCy model to load (default: en_core_web_sm)")
    analyze.add_argument("--count", choices=sorted(NAMED_CONVENTIONS), default=None,
                         help="what counts as one attribution: 'statements' (said or written, one quote "
                              "per quotation) or 'relations' (also stances such as 'X wants ...', and "
                              "a quotation split by its cue as one); default: the profile's conventions")
    analyze.set_defaults(run=_analyze)

    library = argparse.ArgumentParser(add_help=False)
    library.add_argument("--db", default=None, help=DB_HELP)

    init = sub.add_parser("init", parents=[library],
                          help="create the library, or migrate it to this attribview's schema")
    init.set_defaults(run=_init)

    imports = sub.add_parser("import", parents=[library], help="analyse article files into the library")
    imports.add_argument("paths", nargs="+", help="article files or folders (.txt, .html, .docx)")
    _add_profile(imports)
    imports.set_defaults(run=_import)

    quotes = sub.add_parser("quotes", parents=[library], help="search the quotes of the library")
    quotes.add_argument("--speaker", help="speaker name or alias (part of it is enough)")
    quotes.add_argument("--group", help="speaker group id or label, e.g. russian_mod or \"Russian MoD\"")
    quotes.add_argument("--status", choices=STATUSES, help="verification status")
    quotes.add_argument("--search", help="text the quote contains")
    quotes.add_argument("--limit", type=int, default=None, help="at most this many quotes")
    quotes.add_argument("--json", action="store_true", help="machine-readable output")
    quotes.set_defaults(run=_quotes)

    verify = sub.add_parser("verify", parents=[library], help="record the verification of a quote")
    verify.add_argument("quote_id", type=int, help="the quote's id (see `attribview quotes`)")
    verify.add_argument("--status", required=True, choices=STATUSES)
    verify.add_argument("--note", help="what was checked and how")
    verify.add_argument("--evidence", action="append", metavar="URL",
                        help="a source of evidence (repeatable)")
    verify.add_argument("--url", default=None, metavar="URL",
                        help="where the fact-check is published (ClaimReview's url; \"\" removes it)")
    verify.add_argument("--checker", metavar="NAME", default=None,
                        help="who checked it, for the history (default: your login name)")
    verify.add_argument("--if-version", type=int, default=None, metavar="N",
                        help="save only if the verification is still at version N (as this command "
                             "printed it; 0: never checked), else say who changed it")
    verify.set_defaults(run=_verify)

    _add_export_command(sub, library)

    report = sub.add_parser("report", help="write a self-contained HTML sourcing report of an article")
    report.add_argument("file", help="article: .txt, .html or .docx")
    report.add_argument("--out", default=None, help="HTML file to write")
    report.add_argument("--pdf", default=None, help="PDF file to write (the same report, laid out for A4)")
    report.add_argument("--db", default=None,
                        help="take verification statuses from this library (only when given)")
    _add_profile(report)
    report.set_defaults(run=_report)

    _add_viewer_commands(sub)
    _add_profiles_command(sub)
    _add_class_report_command(sub)
    return parser


def _add_class_report_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    grades = sub.add_parser("class-report", help="score a class's attempts at an exercise against its key")
    grades.add_argument("key", help="the exercise file with its answer key (File > Save Exercise)")
    grades.add_argument("attempts", nargs="+", metavar="ATTEMPT", help="the trainees' attempt files")
    grades.add_argument("--csv", default=None, metavar="OUT",
                        help="also write the scores and common mistakes as CSV (formula cells neutralised)")
    grades.set_defaults(run=_class_report)


def _add_viewer_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    gui = sub.add_parser("gui", help="open the desktop viewer")
    gui.add_argument("file", nargs="?", help="article to open (default: the welcome screen)")
    gui.add_argument("--db", default=None, help=DB_HELP)
    gui.set_defaults(run=_gui)

    snapshot = sub.add_parser("snapshot", help="render the highlighted article and its legend to a PNG")
    snapshot.add_argument("file", help="article to render")
    snapshot.add_argument("--out", required=True, help="PNG file to write")
    snapshot.add_argument("--width", type=int, default=1000, help="image width in pixels")
    snapshot.set_defaults(run=_snapshot)


def _add_profiles_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    profiles = sub.add_parser("profiles", help="list the speaker-group profiles, or check profile files")
    profiles.add_argument("files", nargs="*", metavar="FILE",
                          help="profile files to check (default: list the installed profiles)")
    profiles.set_defaults(run=_profiles)


def _add_export_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
                        library: argparse.ArgumentParser) -> None:
    export = sub.add_parser("export", parents=[library], help="export the library or one article")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    export.add_argument("--article", type=int, default=None, help="only this article id")
    export.add_argument("--out", default=None, help="file to write (default: standard output)")
    export.add_argument("--bom", action="store_true",
                        help="start a CSV with a UTF-8 byte-order mark, so that Excel opens it right")
    group = export.add_argument_group("ClaimReview", "who publishes the fact-checks (over the settings file)")
    group.add_argument("--settings", default=None, metavar="FILE",
                       help="settings file with a [claimreview] table (default: settings.toml in the user "
                            "config folder, or ATTRIBVIEW_SETTINGS)")
    group.add_argument("--publisher", default=None, metavar="NAME", help="the publishing organisation")
    group.add_argument("--publisher-url", default=None, metavar="URL", help="its site")
    group.add_argument("--logo", default=None, metavar="URL", help="its logo")
    export.set_defaults(run=_export)


def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default="auto",
                        help="speaker-group profile id, 'auto' (default: chosen by content) or 'none'")


def _analyze(args: argparse.Namespace) -> int:
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


def _init(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415 - loads SQLAlchemy

    with Library.open(args.db) as library:
        count = len(library.store.articles())
        print(f"{library.store.where}: library ready ({count} article{'' if count == 1 else 's'})")
    return 0


def _import(args: argparse.Namespace) -> int:
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


def _quotes(args: argparse.Namespace) -> int:
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


def _verify(args: argparse.Namespace) -> int:
    from attribview.core.library import Library  # noqa: PLC0415

    with Library.open(args.db, create=False) as library:
        row = library.verify(args.quote_id, args.status, note=args.note, evidence=args.evidence,
                             checker=args.checker, expected_version=args.if_version, url=args.url)
    print(f"quote {args.quote_id}: {row.status}" + (f" ({row.note})" if row.note else "")
          + (f" at {row.url}" if row.url else "") + f", by {row.checked_by}, version {row.version}")
    return 0


def _export(args: argparse.Namespace) -> int:
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


def _report(args: argparse.Namespace) -> int:
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


def _profiles(args: argparse.Namespace) -> int:
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


def _class_report(args: argparse.Namespace) -> int:
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


def _gui(args: argparse.Namespace) -> int:
    from attribview.gui.app import run  # noqa: PLC0415 - Qt loads only for the GUI commands

    return run(args.file, library_path=args.db)


def _snapshot(args: argparse.Namespace) -> int:
    from attribview.gui.snapshot import render_snapshot  # noqa: PLC0415 - Qt loads only here

    render_snapshot(args.file, args.out, width=args.width)
    print(f"wrote {args.out}")
    return 0


def _report_warnings() -> None:
    """The core's warnings (a profile file skipped) as ``attribview: warning: ...`` lines on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("attribview: warning: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("attribview")
    if not logger.handlers:
        logger.addHandler(handler)
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; known problems print one line on stderr and exit with status 2.

    Output that cannot be written (a full disk, a closed pipe) is a known problem too: the output is
    flushed here, inside the handlers, so that Python's own flush at exit has nothing left to fail on.
    """
    args = _build_parser().parse_args(argv)
    _report_warnings()
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        status = run(args)
        sys.stdout.flush()
        return status
    except AttribviewError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "attribview quotes | head": the reader has all it wants
        _discard_stdout()
        return 0
    except OSError as error:
        if error.errno not in _WRITE_ERRNOS:
            raise
        _discard_stdout()
        where = error.filename if error.filename is not None else "standard output"
        return _fail(f"{where}: cannot write ({error.strerror or error})")


#: Errors of a write that failed for want of room or of a working device, not because of a bug.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _fail(message: str) -> int:
    print(f"attribview: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _discard_stdout() -> None:
    """Point standard output at the null device, so the output still buffered is dropped quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file (captured in tests) or already closed
        pass
