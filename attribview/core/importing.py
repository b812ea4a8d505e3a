"""Importing article files: read in batches, analysed together, each stored in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from attribview.core.analysis import AUTO, BATCH_SIZE, Analyzer
from attribview.core.article_files import article_files, meta_for
from attribview.core.types import Analysis
from attribview.errors import AttribviewError, InputError
from attribview.store.library import ArticleMeta, text_sha256
from attribview.textio import SourceText, read_article

#: Called after each article with (done, total, file name).
Progress = Callable[[int, int, str], None]
#: Asked before each article is read and after each is stored: True stops the import there.
Stop = Callable[[], bool]


@dataclass
class ImportReport:
    """What an import did: new articles, texts already stored, and what could not be read.

    ``skipped`` holds files whose text was in the library already, ``duplicates`` (file, earlier file)
    the files of this run with the same text as an earlier one (stored once), and ``failed`` (path,
    reason) the files and folders that could not be read or analysed; ``cancelled``: stopped before the
    last file (what was stored is kept), ``total`` the article files it was given.
    """

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0


def import_files(analyzer: Analyzer, find: Callable[[str], int | None],
             add: Callable[[ArticleMeta, Analysis], int | None], paths: Iterable[str | Path], *,
             profile: str | None = AUTO, batch_size: int = BATCH_SIZE,
             progress: Progress | None = None, stop: Stop | None = None) -> ImportReport:
    """Analyse and store every article file; a text already in the library is skipped.

    A file that cannot be read or analysed is reported and the others go on; a text given twice is
    stored and counted once. Each article is saved in its own transaction, so an interrupted import
    keeps what it finished and a rerun completes it; ``stop`` (a Cancel button) ends it after the file
    being stored.
    """
    files, problems = article_files(paths)
    report = ImportReport(failed=problems, total=len(files))
    done = 0

    def finished(path: Path) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(files), path.name)

    def stopped() -> bool:
        report.cancelled = report.cancelled or (stop is not None and done < len(files) and stop())
        return report.cancelled

    first_of_text: dict[str, Path] = {}
    for batch in _batches(files, batch_size):
        pending: list[tuple[Path, SourceText]] = []
        for path in batch:
            if stopped():
                return report
            try:
                source = read_article(path)
            except InputError as error:
                report.failed.append((str(path), str(error)))
                finished(path)
                continue
            earlier = first_of_text.setdefault(text_sha256(source.text), path)
            if earlier is not path:
                report.duplicates.append((str(path), str(earlier)))
                finished(path)
            elif find(source.text) is not None:  # the readable text is kept
                report.skipped.append(str(path))
                finished(path)
            else:
                pending.append((path, source))
        for (path, source), analysis in zip(pending, _analyse(analyzer, pending, profile), strict=True):
            if isinstance(analysis, AttribviewError):
                report.failed.append((str(path), str(analysis)))
            elif (article_id := add(meta_for(path, source), analysis)) is not None:
                report.imported.append(article_id)
            else:  # a concurrent import stored it since it was looked up
                report.skipped.append(str(path))
            finished(path)
            if stopped():
                return report
    return report

def _analyse(analyzer: Analyzer, pending: Sequence[tuple[Path, SourceText]],
             profile: str | None) -> Iterator[Analysis | AttribviewError]:
    """The batch's analyses in order, as they come; after a failure the rest go one by one, so that
    only the article that fails is lost (given back as its error)."""
    sources = [source for _, source in pending]
    given = 0
    try:
        for analysis in analyzer.analyze_many(sources, profile=profile, readable=True):
            given += 1
            yield analysis
    except AttribviewError:
        for source in sources[given:]:
            try:
                yield from analyzer.analyze_many([source], profile=profile, readable=True)
            except AttribviewError as error:
                yield error


def _batches(items: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start:start + size]
