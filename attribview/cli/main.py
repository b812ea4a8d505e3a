"""``attribview`` command line: analyse an article, keep what was checked, open the viewer.

This module parses the arguments and turns known problems into one line and exit status 2; what each
command does is in ``attribview.cli.commands``.
"""

import argparse
import errno
import logging
import os
import sys
from collections.abc import Callable, Sequence

from attribview import __version__
from attribview.cli import commands
from attribview.cli.commands import EXIT_USAGE
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.errors import AttribviewError
from attribview.store.statuses import STATUSES

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
    analyze.set_defaults(run=commands.analyze)

    library = argparse.ArgumentParser(add_help=False)
    library.add_argument("--db", default=None, help=DB_HELP)

    init = sub.add_parser("init", parents=[library],
                          help="create the library, or migrate it to this attribview's schema")
    init.set_defaults(run=commands.init)

    imports = sub.add_parser("import", parents=[library], help="analyse article files into the library")
    imports.add_argument("paths", nargs="+", help="article files or folders (.txt, .html, .docx)")
    _add_profile(imports)
    imports.set_defaults(run=commands.import_articles)

    quotes = sub.add_parser("quotes", parents=[library], help="search the quotes of the library")
    quotes.add_argument("--speaker", help="speaker name or alias (part of it is enough)")
    quotes.add_argument("--group", help="speaker group id or label, e.g. russian_mod or \"Russian MoD\"")
    quotes.add_argument("--status", choices=STATUSES, help="verification status")
    quotes.add_argument("--search", help="text the quote contains")
    quotes.add_argument("--limit", type=int, default=None, help="at most this many quotes")
    quotes.add_argument("--json", action="store_true", help="machine-readable output")
    quotes.set_defaults(run=commands.quotes)

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
    verify.set_defaults(run=commands.verify)

    _add_export_command(sub, library)

    report = sub.add_parser("report", help="write a self-contained HTML sourcing report of an article")
    report.add_argument("file", help="article: .txt, .html or .docx")
    report.add_argument("--out", default=None, help="HTML file to write")
    report.add_argument("--pdf", default=None, help="PDF file to write (the same report, laid out for A4)")
    report.add_argument("--db", default=None,
                        help="take verification statuses from this library (only when given)")
    _add_profile(report)
    report.set_defaults(run=commands.report)

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
    grades.set_defaults(run=commands.class_report)


def _add_viewer_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    gui = sub.add_parser("gui", help="open the desktop viewer")
    gui.add_argument("file", nargs="?", help="article to open (default: the welcome screen)")
    gui.add_argument("--db", default=None, help=DB_HELP)
    gui.set_defaults(run=commands.gui)

    snapshot = sub.add_parser("snapshot", help="render the highlighted article and its legend to a PNG")
    snapshot.add_argument("file", help="article to render")
    snapshot.add_argument("--out", required=True, help="PNG file to write")
    snapshot.add_argument("--width", type=int, default=1000, help="image width in pixels")
    snapshot.set_defaults(run=commands.snapshot)


def _add_profiles_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    profiles = sub.add_parser("profiles", help="list the speaker-group profiles, or check profile files")
    profiles.add_argument("files", nargs="*", metavar="FILE",
                          help="profile files to check (default: list the installed profiles)")
    profiles.set_defaults(run=commands.profiles)


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
    export.set_defaults(run=commands.export)


def _add_profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default="auto",
                        help="speaker-group profile id, 'auto' (default: chosen by content) or 'none'")


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
