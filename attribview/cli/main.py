"""``attribview`` command line: ``analyze`` an article (more commands come with the store)."""

import argparse
import json
import sys
from collections.abc import Sequence

from attribview import __version__
from attribview.errors import AttribviewError

EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attribview", description="Who said what in a news article.")
    parser.add_argument("--version", action="version", version=f"attribview {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="find attributions in an article file")
    analyze.add_argument("file", help="article: .txt (any encoding) or .html")
    analyze.add_argument("--json", action="store_true", help="machine-readable output (FORMAT.md contract)")
    analyze.add_argument("--profile", default="auto",
                         help="speaker-group profile id, 'auto' (default: chosen by content) or 'none'")
    analyze.add_argument("--model", default=None, help="spaCy model to load (default: en_core_web_sm)")
    return parser


def _analyze(args: argparse.Namespace) -> int:
    from attribview.cli.render import render_table  # noqa: PLC0415 - only this command needs it
    from attribview.core.analysis import Analyzer  # noqa: PLC0415 - keeps --help fast
    from attribview.textio import read_article  # noqa: PLC0415

    source = read_article(args.file)
    analysis = Analyzer(model=args.model).analyze(source, profile=args.profile)
    if args.json:
        json.dump(analysis.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(render_table(analysis, args.file))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; known problems print one line on stderr and exit with status 2."""
    args = _build_parser().parse_args(argv)
    try:
        return _analyze(args)
    except AttribviewError as error:
        print(f"attribview: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
