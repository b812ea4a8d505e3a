"""The user's library as the faces see it: the store, filled by the engine.

The CLI (and later the GUI) call this facade, as Anki's screens call ``Collection``: it owns the store
and the analyzer, reads and analyses files in batches, and saves each article in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from attribview.core.analysis import AUTO, BATCH_SIZE, Analyzer
from attribview.core.claimreview import claimreview_json
from attribview.core.publishing import Publishing, load_publishing, web_url
from attribview.core.statuses import CHECKED_STATUSES, STATUSES
from attribview.core.titles import TITLE_LENGTH, article_title
from attribview.core.types import Analysis
from attribview.errors import AttribviewError, InputError
from attribview.store.db import default_db_path, open_store
from attribview.store.errors import ConflictError, StoreError
from attribview.store.export import checked_quotes, export_csv
from attribview.store.library import (
    ArticleMeta,
    ArticleRow,
    HistoryRow,
    QuoteRow,
    Store,
    VerificationRow,
    default_user,
    text_sha256,
)
from attribview.store.location import parse_location, without_password
from attribview.textio import PageMeta, SourceText, read_article

if TYPE_CHECKING:
    from types import TracebackType

#: File endings the importer reads from a folder.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".docx"})

#: Called after each article with (done, total, file name).
Progress = Callable[[int, int, str], None]

# The store's frozen rows, re-exported: the faces (the GUI) import them from here, never from the store.
__all__ = [
    "ARTICLE_SUFFIXES", "CHECKED_STATUSES", "STATUSES", "TITLE_LENGTH", "ArticleMeta", "ArticleProgress",
    "ArticleRow", "ConflictError", "HistoryRow", "ImportReport", "Library", "Progress", "QuoteRow",
    "StoreError", "StoredArticle", "VerificationRow", "article_files", "default_library_path",
    "library_location", "meta_for",
]

def default_library_path() -> Path:
    """The user's library file (in the user data folder), used when no other file is named."""
    return default_db_path()


def library_location(value: str | Path | None) -> str | Path:
    """The library a face opens, as it may show and keep it: a file, or a database URL without its
    password (libpq reads that from PGPASSWORD or ~/.pgpass); the user's library when ``value`` is None.

    A value that is no supported location is given back as it is: opening it says what is wrong.
    """
    if value is None:
        return default_db_path()
    try:
        location = parse_location(value)
    except StoreError:
        return value
    return location if isinstance(location, Path) else without_password(value)


@dataclass(frozen=True)
class ArticleProgress:
    """An article with how far its checking has come: quotes (rejected ones left out) by status."""

    article: ArticleRow
    quotes: int
    statuses: Mapping[str, int]

    @property
    def checked(self) -> int:
        """Quotes whose check is finished: verified, disputed, false or inconclusive."""
        return sum(self.statuses.get(status, 0) for status in CHECKED_STATUSES)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the library keeps it, with its (readable) text; offsets of its quotes index it."""

    row: ArticleRow
    text: str


@dataclass
class ImportReport:
    """What an import did: new articles, texts already stored, and what could not be read.

    ``skipped`` holds files whose text was in the library already, ``duplicates`` (file, earlier file)
    the files of this run with the same text as an earlier one (stored once), and ``failed`` (path,
    reason) the files and folders that could not be read or analysed.
    """

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The article files named by ``paths``, and (path, reason) for each entry that cannot be searched.

    Files are taken as given; folders are searched recursively in name order, following links to
    folders once each. A folder that cannot be listed, an entry that cannot be examined (a dangling
    link, a link loop) and an article-named entry that is not a regular file (a pipe, a socket) are
    reported, never skipped in silence.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_search(path, problems, set()))
        elif path.exists() and not path.is_file():
            problems.append((str(path), "is not a regular file"))
        else:
            found.append(path)  # reading it says what is wrong, if anything
    return found, problems


def _search(folder: Path, problems: list[tuple[str, str]], seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        status = folder.stat()
        seen.add((status.st_dev, status.st_ino))
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        problems.append((str(folder), f"the folder cannot be read ({error.strerror})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            status = path.stat()
        except OSError as error:
            what = "is a link that leads nowhere" if entry.is_symlink() else "cannot be examined"
            problems.append((str(path), f"{what} ({error.strerror})"))
            continue
        if stat.S_ISDIR(status.st_mode):
            if (status.st_dev, status.st_ino) in seen:
                problems.append((str(path), "links to a folder already searched"))
            else:
                yield from _search(path, problems, seen)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            if stat.S_ISREG(status.st_mode):
                yield path
            else:
                problems.append((str(path), "is not a regular file"))


def meta_for(path: Path, source: SourceText) -> ArticleMeta:
    """Title (see ``core.titles``), outlet, address and date from a saved page's metadata."""
    page = source.meta or PageMeta()
    return ArticleMeta(title=article_title(source, path.stem), outlet=page.outlet, url=page.url,
                       published=_date(page.published))


def _date(value: str | None) -> dt.date | None:
    """The date of an ISO timestamp ("2025-07-26T08:00:00Z"), or None when it is not one."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class Library:
    """One library file and the engine that fills it; use as a context manager."""

    def __init__(self, store: Store, analyzer: Analyzer | None = None) -> None:
        self.store = store
        self._analyzer = analyzer
        self._profiles_recorded: set[str] = set()

    @classmethod
    def open(cls, path: str | Path | None = None, analyzer: Analyzer | None = None, *,
             create: bool = True) -> Library:
        """Open the library at ``path`` (a file or a database URL; default: the user's data folder),
        migrating it if needed.

        Without ``create`` (the commands that only read) a missing or empty file, or a database without
        tables, is an error, not a new library.
        """
        return cls(open_store(path if path is not None else default_db_path(), create=create), analyzer)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.store.close()

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer()
        return self._analyzer

    def import_files(self, paths: Iterable[str | Path], *, profile: str | None = AUTO,
                     batch_size: int = BATCH_SIZE, progress: Progress | None = None) -> ImportReport:
        """Analyse and store every article file; a text already in the library is skipped.

        A file that cannot be read or analysed is reported and the others go on; a text given twice is
        stored and counted once. Each article is saved in its own transaction, so an interrupted import
        keeps what it finished and a rerun completes it.
        """
        files, problems = article_files(paths)
        report = ImportReport(failed=problems)
        done = 0

        def finished(path: Path) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(files), path.name)

        first_of_text: dict[str, Path] = {}
        for batch in _batches(files, batch_size):
            pending: list[tuple[Path, SourceText]] = []
            for path in batch:
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
                elif self.store.find_article_id(source.text) is not None:  # the readable text is kept
                    report.skipped.append(str(path))
                    finished(path)
                else:
                    pending.append((path, source))
            for (path, source), analysis in zip(pending, self._analyse(pending, profile), strict=True):
                if isinstance(analysis, AttribviewError):
                    report.failed.append((str(path), str(analysis)))
                elif (article_id := self.store.add_analysis(meta_for(path, source), analysis)) is not None:
                    report.imported.append(article_id)
                    self._record_groups(analysis)
                else:  # a concurrent import stored it since it was looked up
                    report.skipped.append(str(path))
                finished(path)
        return report

    def _analyse(self, pending: Sequence[tuple[Path, SourceText]],
                 profile: str | None) -> Iterator[Analysis | AttribviewError]:
        """The batch's analyses in order, as they come; after a failure the rest go one by one, so that
        only the article that fails is lost (given back as its error)."""
        sources = [source for _, source in pending]
        given = 0
        try:
            for analysis in self.analyzer.analyze_many(sources, profile=profile, readable=True):
                given += 1
                yield analysis
        except AttribviewError:
            for source in sources[given:]:
                try:
                    yield from self.analyzer.analyze_many([source], profile=profile, readable=True)
                except AttribviewError as error:
                    yield error

    def search(self, *, speaker: str | None = None, group: str | None = None, status: str | None = None,
               text: str | None = None, limit: int | None = None) -> list[QuoteRow]:
        """Quotes by speaker (any alias a profile knows finds its canonical name), group (an id, or a
        group's label: "Russian MoD"), status and text."""
        profiles = list(self.analyzer.profiles.values())
        known = next((found for p in profiles if (found := p.known(speaker)) is not None), None)
        groups: str | tuple[str, ...] | None = group
        if group and not any(p.group(group) for p in profiles):
            wanted = group.casefold()
            groups = tuple(sorted({g.id for p in profiles for g in p.groups if wanted in g.label.casefold()}))
            groups = groups or group
        return self.store.search_quotes(speaker=known.name if known else speaker, group=groups,
                                        status=status, text=text, limit=limit)

    def verify(self, quote_id: int, status: str, *, note: str | None = None,
               evidence: Sequence[str] | None = None, checker: str | None = None,
               expected_version: int | None = None, url: str | None = None) -> VerificationRow:
        """Record a check by ``checker`` (default: the login name); ``url``: where the fact-check is
        published (an http(s) address; "" removes it).

        ``expected_version``: the verification's ``version`` the checker saw (0 for a quote never
        checked); when another checker saved since, :class:`ConflictError` carries their name, the time
        and the fresh state, and nothing is written.
        """
        return self.store.set_verification(quote_id, status, note=note, evidence=evidence,
                                           who=checker or default_user(), expected_version=expected_version,
                                           url=web_url(url, "the fact-check URL") if url else url)

    def export(self, format_name: str, article_id: int | None = None, *, bom: bool = False,
               publishing: Publishing | None = None) -> str:
        """The library (or one article) as text; ClaimReview with ``publishing`` (default: the settings
        file), which must name the publisher."""
        if format_name == "claimreview":
            checks = self.store.read(lambda s: checked_quotes(s, article_id))
            return claimreview_json(checks, publishing or load_publishing(), self.analyzer.profiles)
        if format_name != "csv":
            return self.store.export(format_name, article_id)
        return self.store.read(lambda s: export_csv(s, article_id, bom=bom))

    # --- the verification desk ---------------------------------------------------------------------------
    # Each method is one transaction and returns frozen rows, safe to hand from a worker thread to the GUI.

    def close(self) -> None:
        self.store.close()

    def save_analysis(self, analysis: Analysis, meta: ArticleMeta) -> int:
        """Store an analysed article (a text already there is re-analysed in place, keeping manual work)."""
        article_id = self.store.save_analysis(meta, analysis)
        self._record_groups(analysis)
        return article_id

    def _record_groups(self, analysis: Analysis) -> None:
        """Store the labels and sides of the analysis's profile once per library opening."""
        profile = self.analyzer.profiles.get(analysis.profile) if analysis.profile else None
        if profile is not None and profile.id not in self._profiles_recorded:
            self.store.record_groups(profile.id, profile.groups)
            self._profiles_recorded.add(profile.id)

    def stored_article(self, article_id: int) -> StoredArticle:
        """One article with its text."""
        return StoredArticle(*self.store.article(article_id))

    def quotes(self, article_id: int) -> list[QuoteRow]:
        """The article's quotes in text order, rejected ones left out."""
        return self.store.search_quotes(article_id=article_id)

    def quote(self, quote_id: int) -> QuoteRow:
        return self.store.get_quote(quote_id)

    def verification(self, quote_id: int) -> VerificationRow:
        return self.store.get_verification(quote_id)

    def quote_history(self, quote_id: int) -> list[HistoryRow]:
        """Every recorded change of the quote and of its verification, oldest first."""
        rows = self.store.history("quote", quote_id) + self.store.history("verification", quote_id)
        return sorted(rows, key=lambda row: row.id)

    # ``checker`` names who made each change in the history (default: the login name);
    # ``expected_version`` is the quote's ``version`` the checker saw, as in :meth:`verify`.

    def reassign_speaker(self, quote_id: int, speaker: str | None, group: str | None, *,
                         checker: str | None = None, expected_version: int | None = None) -> QuoteRow:
        """Give a quote another speaker and group (recorded in its history; re-analysis keeps it)."""
        return self.store.reassign_speaker(quote_id, speaker, group, who=checker or default_user(),
                                           expected_version=expected_version)

    def restore_speaker(self, quote_id: int, speaker: str | None, group: str | None, *, by_hand: bool,
                        checker: str | None = None) -> QuoteRow:
        """Put a quote's speaker and group back as they were (an undo), with whether a person chose them.

        With ``by_hand=False`` the speaker is the engine's again, and a re-analysis may change it.
        """
        return self.store.reassign_speaker(quote_id, speaker, group, who=checker or default_user(),
                                           by_hand=by_hand)

    def reject_quote(self, quote_id: int, *, rejected: bool = True, checker: str | None = None,
                     expected_version: int | None = None) -> QuoteRow:
        """Mark a quote "not an attribution" (or take that back); it is kept, out of lists and counts."""
        return self.store.reject_quote(quote_id, who=checker or default_user(), rejected=rejected,
                                       expected_version=expected_version)

    def add_quote(self, article_id: int, start: int, end: int, *, speaker: str | None, group: str | None,
                  kind: str = "manual", checker: str | None = None) -> QuoteRow:
        """Add an attribution the engine missed: the article's text at [start, end), said by ``speaker``."""
        return self.store.add_manual_quote(article_id, start, end, speaker=speaker, group=group,
                                           who=checker or default_user(), kind=kind)

    def speakers(self) -> list[tuple[str, str | None]]:
        """Every (speaker, group) the library knows, by name; the group is None without a profile."""
        return self.store.speakers()

    def progress(self) -> list[ArticleProgress]:
        """Every article, in import order, with its quotes counted by verification status."""
        return [ArticleProgress(row, sum(counts.values()), counts)
                for row, counts in self.store.status_counts()]


def _batches(items: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start:start + size]
