"""The verification desk's worker side: the library and the engine, called on the worker thread only.

The window never calls these methods itself: it hands them to its ``TaskManager`` and gets frozen values
back by signal. One worker thread runs every call in order, so the library is opened before the first
article is saved and a status change is written before the undo that takes it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from attribview.core.analysis import NO_PROFILE, Analyzer
from attribview.core.library import (
    ArticleMeta,
    ArticleProgress,
    HistoryRow,
    Library,
    QuoteRow,
    VerificationRow,
    meta_for,
)
from attribview.core.types import Analysis
from attribview.errors import AttribviewError
from attribview.gui.commands import NewQuote
from attribview.gui.document import Document, make_document
from attribview.textio import SourceText, prepare_text, read_article

PASTED_TITLE = "Pasted article"


@dataclass(frozen=True)
class QuotesChanged:
    """A quote added, rejected or restored, and its article's quotes as they now are (rejected left out)."""

    row: QuoteRow
    rows: tuple[QuoteRow, ...]


@dataclass(frozen=True)
class QuoteDetails:
    """One stored quote with its verification and history, as the detail panel shows it."""

    row: QuoteRow
    verification: VerificationRow
    history: tuple[HistoryRow, ...]


class Desk:
    """The library behind the viewer. Not thread-safe by design: only the one worker thread calls it.

    Args:
        analyzer: the engine (its model loads on the worker).
        library_path: the library file or database URL; opened by :meth:`open`.
    """

    def __init__(self, analyzer: Analyzer, library_path: str | Path) -> None:
        self.analyzer = analyzer
        self.library_path = library_path
        self._library: Library | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            raise AttribviewError("no library is open: corrections and checks cannot be saved")
        return self._library

    def open(self) -> str | Path:
        """Open (create, migrate) the library; raises StoreError for a locked or foreign file."""
        self._library = Library.open(self.library_path, self.analyzer)
        return self.library_path

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    # articles ---------------------------------------------------------------------------------------

    def load_file(self, path: str) -> Document:
        """Read, analyse and store a file (a text already in the library keeps its checks)."""
        source = read_article(path)
        analysis = self.analyzer.analyze(source, readable=True)
        meta = meta_for(Path(path), source)
        return self._stored(analysis, meta, title=meta.title, path=path)

    def load_text(self, text: str) -> Document:
        source = prepare_text(text, name=PASTED_TITLE.lower())
        analysis = self.analyzer.analyze(source, readable=True)
        meta = meta_for(Path(PASTED_TITLE), source)
        return self._stored(analysis, meta, title=meta.title)

    def open_article(self, article_id: int) -> Document:
        """An article from the library: its stored text and quotes (with every correction).

        The stored quotes are shown as they are; the engine runs again on the stored text only for the
        sentence boundaries and the hedged claims, which the library does not keep.
        """
        stored = self.library.stored_article(article_id)
        profile = stored.row.profile if stored.row.profile in self.analyzer.profiles else NO_PROFILE
        source = SourceText(stored.text, stored.text, "utf-8", is_html=False)
        analysis = self.analyzer.analyze(source, profile=profile, readable=True)
        return make_document(analysis, self.analyzer.profiles, title=stored.row.title, article_id=article_id,
                             rows=self.library.quotes(article_id))

    def _stored(self, analysis: Analysis, meta: ArticleMeta, *, title: str,
                path: str | None = None) -> Document:
        if self._library is None:  # the library could not be opened: show the article all the same
            return make_document(analysis, self.analyzer.profiles, title=title, path=path)
        article_id = self._library.save_analysis(analysis, meta)
        return make_document(analysis, self.analyzer.profiles, title=title, path=path, article_id=article_id,
                             rows=self._library.quotes(article_id))

    def progress(self) -> list[ArticleProgress]:
        return self.library.progress()

    def speakers(self) -> list[tuple[str, str | None]]:
        return self.library.speakers()

    # one quote --------------------------------------------------------------------------------------

    def details(self, quote_id: int) -> QuoteDetails:
        library = self.library
        return QuoteDetails(library.quote(quote_id), library.verification(quote_id),
                            tuple(library.quote_history(quote_id)))

    def set_verification(self, quote_id: int, *, status: str | None = None, note: str | None = None,
                         evidence: Sequence[str] | None = None, who: str | None = None) -> QuoteDetails:
        """Change the status, the note or the evidence (None leaves each as it is); recorded in history
        under ``who`` (the checker's name; the login name when None), as every change below."""
        library = self.library
        if status is None:
            status = library.verification(quote_id).status
        library.verify(quote_id, status, note=note, evidence=evidence, checker=who)
        return self.details(quote_id)

    def reassign(self, quote_id: int, speaker: str | None, group: str | None, *,
                 who: str | None = None) -> QuoteDetails:
        self.library.reassign_speaker(quote_id, speaker, group, checker=who)
        return self.details(quote_id)

    def restore_speaker(self, quote_id: int, speaker: str | None, group: str | None,
                        by_hand: bool, *, who: str | None = None) -> QuoteDetails:
        """Set the speaker and group and whether they count as chosen by hand (undo and redo)."""
        self.library.restore_speaker(quote_id, speaker, group, by_hand=by_hand, checker=who)
        return self.details(quote_id)

    def reject(self, quote_id: int, rejected: bool, *, who: str | None = None) -> QuotesChanged:
        """Mark a quote "not an attribution", or take that back."""
        row = self.library.reject_quote(quote_id, rejected=rejected, checker=who)
        return QuotesChanged(row, tuple(self.library.quotes(row.article_id)))

    def add_quote(self, new: NewQuote, *, who: str | None = None) -> QuotesChanged:
        """Save an attribution added by hand; ``new.quote_id`` is its id from now on."""
        row = self.library.add_quote(new.article_id, new.start, new.end, speaker=new.speaker,
                                     group=new.group, kind=new.kind, checker=who)
        new.quote_id = row.id
        return QuotesChanged(row, tuple(self.library.quotes(row.article_id)))

    def reject_new(self, new: NewQuote, rejected: bool, *, who: str | None = None) -> QuotesChanged:
        """Take back (or restore) an attribution added by hand."""
        if new.quote_id is None:
            raise AttribviewError("the attribution added by hand was never saved: there is nothing to undo")
        return self.reject(new.quote_id, rejected, who=who)
