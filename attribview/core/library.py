"""The user's library as the faces see it: the one application service over the store and the engine.

The CLI and the GUI call this class, as Anki's screens call ``Collection``: it owns the store and the
analyzer, reads and analyses files in batches, and saves each article in its own transaction. Every desk
action (a status, a note, evidence, a speaker, a rejection, a quote added by hand) is one transaction
that gives back what the screen shows next: the quote with its verification and history, or the
article's quotes as they now are. An article is stored with its sentences, so that opening it from the
library needs no language model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from attribview.core.analysis import AUTO, BATCH_SIZE, NO_PROFILE, Analyzer
from attribview.core.article_files import ARTICLE_SUFFIXES, article_files, meta_for
from attribview.core.claimreview import claimreview_json
from attribview.core.importing import ImportReport, Progress, Stop, import_files
from attribview.core.language import detect_language
from attribview.core.publishing import Publishing, load_publishing, web_url
from attribview.core.statuses import CHECKED_STATUSES, STATUSES
from attribview.core.titles import TITLE_LENGTH
from attribview.core.types import Analysis, Quote, Sentence
from attribview.errors import AttribviewError
from attribview.store.articles import add_analysis, article_text, save_analysis, set_sentences
from attribview.store.checks import (
    add_manual_quote,
    change_rejection,
    change_speaker,
    change_verification,
    check_status,
)
from attribview.store.db import default_db_path, open_store
from attribview.store.errors import ConflictError, StoreError
from attribview.store.export import checked_quotes, export_csv
from attribview.store.groups import record_groups
from attribview.store.library import (
    ArticleMeta,
    ArticleRow,
    ArticleText,
    HistoryRow,
    QuoteDetails,
    QuoteRow,
    QuotesChanged,
    Store,
    VerificationRow,
    default_user,
)
from attribview.store.location import parse_location, without_password
from attribview.store.quotes import load_quote, quote_details, row_of, search_quotes
from attribview.textio import SourceText

if TYPE_CHECKING:
    from types import TracebackType

    from sqlalchemy.orm import Session

    from attribview.store.models import Quote as StoredQuote

# The store's frozen rows, re-exported: the faces (the GUI) import them from here, never from the store.
__all__ = [
    "ARTICLE_SUFFIXES", "CHECKED_STATUSES", "STATUSES", "TITLE_LENGTH", "ArticleMeta", "ArticleProgress",
    "ArticleRow", "ConflictError", "HistoryRow", "ImportReport", "Library", "Progress", "QuoteDetails",
    "QuoteRow", "QuotesChanged", "Stop", "StoreError", "StoredArticle", "VerificationRow", "article_files",
    "default_library_path", "library_location", "meta_for", "stored_quote", "text_source",
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
    """An article as the library keeps it: its row, its (readable) text, and an analysis made of what the
    library holds (its quotes with every correction, its sentences), so the faces draw it like a fresh one.

    ``rows`` are the stored quotes (rejected ones left out), parallel to ``analysis.quotes``; ``language``
    is the text's language code, None when it was never determined; ``sentences_kept`` is False for an
    article stored by an older version and opened without analysing it (no sentences yet).
    """

    row: ArticleRow
    text: str
    analysis: Analysis
    rows: tuple[QuoteRow, ...] = ()
    language: str | None = None
    sentences_kept: bool = True


def stored_quote(row: QuoteRow) -> Quote:
    """A stored quote as the engine's result type, so the faces draw it like a fresh one."""
    return Quote(start=row.start, end=row.end, text=row.text, speaker=row.speaker, group=row.group,
                 kind=row.kind, confidence=row.confidence, cue_start=row.cue_start, cue_end=row.cue_end,
                 source_start=row.source_start, source_end=row.source_end, mention=row.mention,
                 flags=row.flags)


def text_source(text: str) -> SourceText:
    """A text already read (as the library keeps it, or as the viewer shows it), to analyse again."""
    return SourceText(text, text, "utf-8", is_html=False)


def language_code(analysis: Analysis) -> str:
    """The language of the analysed sentences (an HTML page's text, not its tags), as the viewer tells it."""
    return detect_language("\n".join(analysis.text[s.start:s.end] for s in analysis.sentences)).code


class Library:
    """One library and the engine that fills it; use as a context manager.

    Every method is one transaction and returns frozen values, safe to hand from a worker thread to the
    GUI. Only importing and analysing load the language model; reading and checking never do.
    """

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

    def close(self) -> None:
        self.store.close()

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer()
        return self._analyzer

    def import_files(self, paths: Iterable[str | Path], *, profile: str | None = AUTO,
                     batch_size: int = BATCH_SIZE, progress: Progress | None = None,
                     stop: Stop | None = None) -> ImportReport:
        """Analyse and store every article file; see :func:`attribview.core.importing.import_files`."""
        return import_files(self.analyzer, self.store.find_article_id, self._add, paths, profile=profile,
                            batch_size=batch_size, progress=progress, stop=stop)

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
        published (an http(s) address; "" removes it). See :meth:`set_verification`."""
        check_status(status)
        return self.set_verification(quote_id, status=status, note=note, evidence=evidence, checker=checker,
                                     expected_version=expected_version, url=url).verification

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

    # --- articles ------------------------------------------------------------------------------------------

    def _meta(self, meta: ArticleMeta, analysis: Analysis) -> ArticleMeta:
        return meta if meta.language else ArticleMeta(meta.title, meta.outlet, meta.url, meta.published,
                                                      language_code(analysis))

    def _with_groups(self, session: Session, analysis: Analysis) -> None:
        """Store the labels and sides of the analysis's profile (once per library opening)."""
        profile = self.analyzer.profiles.get(analysis.profile) if analysis.profile else None
        if profile is not None and profile.id not in self._profiles_recorded:
            record_groups(session, profile.id, profile.groups)

    def _groups_recorded(self, analysis: Analysis) -> None:
        if analysis.profile in self.analyzer.profiles:
            self._profiles_recorded.add(analysis.profile)

    def _add(self, meta: ArticleMeta, analysis: Analysis) -> int | None:
        """Store a new text with its sentences and its profile's groups, in one transaction."""
        def work(session: Session) -> int | None:
            self._with_groups(session, analysis)
            return add_analysis(session, self._meta(meta, analysis), analysis)
        article_id = self.store.write(work)
        self._groups_recorded(analysis)
        return article_id

    def save_analysis(self, analysis: Analysis, meta: ArticleMeta) -> StoredArticle:
        """Store an analysed article (a text already there is re-analysed in place, keeping manual work)
        and give it back as the library now holds it, in one transaction."""
        def work(session: Session) -> ArticleText:
            self._with_groups(session, analysis)
            article_id = save_analysis(session, self._meta(meta, analysis), analysis)
            return article_text(session, article_id)
        stored = self.store.write(work)
        self._groups_recorded(analysis)
        return self._stored(stored)

    def reanalyse(self, article_id: int, profile: str) -> StoredArticle:
        """Analyse a stored article again with another profile (``none``: without one), keeping its
        manual work (quotes added, rejections, speakers chosen by hand, verifications), and give it back
        as the library now holds it."""
        stored = self.store.read(lambda s: article_text(s, article_id))
        fresh = self.analyzer.analyze(text_source(stored.text),
                                      profile=profile, readable=True)
        return self.save_analysis(fresh, ArticleMeta(stored.row.title, language=stored.language))

    def open_article(self, article_id: int, *, analyse: bool = True) -> StoredArticle:
        """An article with its stored quotes (every correction) and sentences: no model needed.

        An article imported before the library kept sentences (schema 0004 and older) is analysed once
        more for them, with the model, and they are kept from then on (its quotes stay as they are);
        without a model, or without ``analyse``, it is given with its quotes and no sentences (no
        hedged-claim lines) and ``sentences_kept`` False.
        """
        stored = self.store.read(lambda s: article_text(s, article_id))
        if stored.sentences is None and analyse:
            profile = stored.row.profile if stored.row.profile in self.analyzer.profiles else NO_PROFILE
            try:
                fresh = self.analyzer.analyze(text_source(stored.text),
                                              profile=profile, readable=True)
            except AttribviewError:  # no model: its quotes are shown all the same, its hedges once there is
                return self._stored(stored)
            language = language_code(fresh)
            self.store.write(lambda s: set_sentences(s, article_id, fresh.sentences, language,
                                                     fresh.counting))
            return self._stored(stored, fresh.sentences, language, fresh.counting)
        return self._stored(stored)

    def _stored(self, stored: ArticleText, sentences: Sequence[Sentence] | None = None,
                language: str | None = None, counting: str | None = None) -> StoredArticle:
        """The analysis the library holds of ``stored`` (fresh ``sentences`` for an older article)."""
        kept = sentences is not None or stored.sentences is not None
        if sentences is None:
            sentences = [Sentence(*span) for span in stored.sentences or ()]
        profile = self.analyzer.profiles.get(stored.row.profile) if stored.row.profile else None
        analysis = Analysis(text=stored.text, profile=stored.row.profile,
                            quotes=tuple(stored_quote(row) for row in stored.quotes),
                            sentences=tuple(sentences), encoding="utf-8",
                            groups={g.id: g.label for g in profile.groups} if profile is not None else {},
                            counting=counting or stored.counting or "statements")
        return StoredArticle(stored.row, stored.text, analysis, stored.quotes, language or stored.language,
                             sentences_kept=kept)

    def quotes(self, article_id: int) -> list[QuoteRow]:
        """The article's quotes in text order, rejected ones left out."""
        return self.store.search_quotes(article_id=article_id)

    def speakers(self) -> list[tuple[str, str | None]]:
        """Every (speaker, group) the library knows, by name; the group is None without a profile."""
        return self.store.speakers()

    def progress(self) -> list[ArticleProgress]:
        """Every article, in import order, with its quotes counted by verification status."""
        return [ArticleProgress(row, sum(counts.values()), counts)
                for row, counts in self.store.status_counts()]

    # --- the verification desk: one transaction per action, giving back what the screen shows next ------
    # ``checker`` names who made each change in the history (default: the login name); ``expected_version``
    # is the ``version`` the checker saw (of the verification for a check, else of the quote; 0 for a
    # quote never checked): when someone saved since, :class:`ConflictError` carries their name, the time
    # and the fresh state, and nothing is written.

    def quote(self, quote_id: int) -> QuoteRow:
        return self.store.get_quote(quote_id)

    def verification(self, quote_id: int) -> VerificationRow:
        return self.store.get_verification(quote_id)

    def quote_history(self, quote_id: int) -> list[HistoryRow]:
        """Every recorded change of the quote and of its verification, oldest first."""
        return list(self.details(quote_id).history)

    def details(self, quote_id: int) -> QuoteDetails:
        """The quote, its verification and its history."""
        return self.store.read(lambda s: quote_details(s, quote_id))

    def set_verification(self, quote_id: int, *, status: str | None = None, note: str | None = None,
                         evidence: Sequence[str] | None = None, checker: str | None = None,
                         expected_version: int | None = None, url: str | None = None) -> QuoteDetails:
        """Change the status, the note, the evidence or the fact-check URL (None leaves each as it is)."""
        who = checker or default_user()
        url = web_url(url, "the fact-check URL") if url else url

        def work(session: Session) -> QuoteDetails:
            loaded = load_quote(session, quote_id)
            change_verification(session, loaded[0], status, note=note, evidence=evidence, who=who,
                                expected_version=expected_version, url=url)
            return quote_details(session, quote_id, loaded)
        return self.store.write(work)

    def reassign_speaker(self, quote_id: int, speaker: str | None, group: str | None, *,
                         checker: str | None = None, expected_version: int | None = None) -> QuoteDetails:
        """Give a quote another speaker and group (recorded in its history; re-analysis keeps it)."""
        return self.restore_speaker(quote_id, speaker, group, by_hand=True, checker=checker,
                                    expected_version=expected_version)

    def restore_speaker(self, quote_id: int, speaker: str | None, group: str | None, *, by_hand: bool,
                        checker: str | None = None, expected_version: int | None = None) -> QuoteDetails:
        """Set a quote's speaker and group and whether a person chose them (an undo, a redo).

        With ``by_hand=False`` the speaker is the engine's again, and a re-analysis may change it.
        """
        who = checker or default_user()

        def work(session: Session) -> QuoteDetails:
            loaded = load_quote(session, quote_id)
            change_speaker(session, loaded[0], speaker, group, who=who, by_hand=by_hand,
                           expected_version=expected_version)
            return quote_details(session, quote_id, loaded)
        return self.store.write(work)

    def reject_quote(self, quote_id: int, *, rejected: bool = True, checker: str | None = None,
                     expected_version: int | None = None) -> QuotesChanged:
        """Mark a quote "not an attribution" (or take that back); it is kept, out of lists and counts."""
        who = checker or default_user()

        def work(session: Session) -> QuotesChanged:
            quote, title = load_quote(session, quote_id)
            change_rejection(session, quote, who=who, rejected=rejected, expected_version=expected_version)
            return _changed(session, quote, title)
        return self.store.write(work)

    def add_quote(self, article_id: int, start: int, end: int, *, speaker: str | None, group: str | None,
                  kind: str = "manual", checker: str | None = None) -> QuotesChanged:
        """Add an attribution the engine missed: the article's text at [start, end), said by ``speaker``."""
        who = checker or default_user()

        def work(session: Session) -> QuotesChanged:
            quote, title = add_manual_quote(session, article_id, start, end, speaker=speaker, group=group,
                                            who=who, kind=kind)
            return _changed(session, quote, title)
        return self.store.write(work)


def _changed(session: Session, quote: StoredQuote, title: str) -> QuotesChanged:
    """The changed quote with its article's quotes as they now are."""
    session.flush()  # the quote's new version, and the article's quotes with the change
    return QuotesChanged(row_of(quote, title), tuple(search_quotes(session, article_id=quote.article_id)))
