"""The thread-side adapter between the window and the core's library: called on the worker thread only.

The window hands these calls to its ``TaskManager`` and gets frozen values back by signal. Each desk
action is one call of the core's :class:`Library` (one transaction, which gives back what the screen
shows next); this adapter only opens the library on the worker and turns stored and analysed articles
into the viewer's ``Document``. One worker thread runs every call in order, so the library is opened
before the first article is saved and a status change is written before the undo that takes it back.

Each change is saved with the version of the quote (or of its verification) that the desk last gave the
viewer to show: when another checker saved it since, the core raises ``ConflictError`` and nothing is
written, rather than one checker silently overwriting the other; the viewer then reads the quote's
details again, and the next save expects their version.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from attribview.core.analysis import Analyzer
from attribview.core.library import (
    ArticleMeta,
    ArticleProgress,
    ConflictError,
    ImportReport,
    Library,
    Progress,
    QuoteDetails,
    QuotesChanged,
    Stop,
    StoredArticle,
    meta_for,
    text_source,
)
from attribview.core.types import Analysis
from attribview.errors import AttribviewError
from attribview.gui.commands import NewQuote
from attribview.gui.document import Document, make_document
from attribview.textio import prepare_text, read_article

PASTED_TITLE = "Pasted article"

__all__ = ["PASTED_TITLE", "ConflictError", "Desk", "QuoteDetails", "QuotesChanged", "conflict_message"]


def conflict_message(error: ConflictError) -> str:
    """Who saved the quote since, and when, in the checker's local time: one plain line."""
    when = f" at {error.at.astimezone():%d %b %Y %H:%M}" if error.at is not None else ""
    return f"Changed by {error.who}{when} since you read it: nothing of yours was saved."


class Desk:
    """The library behind the viewer. Not thread-safe by design: only the one worker thread calls it.

    Args:
        analyzer: the engine (its model loads on the worker, and only to analyse a new text).
        library_path: the library file or database URL; opened by :meth:`open`.
    """

    def __init__(self, analyzer: Analyzer, library_path: str | Path) -> None:
        self.analyzer = analyzer
        self.library_path = library_path
        self._library: Library | None = None
        #: quote id -> (its verification's version, its own version) as last given to the viewer
        self._seen: dict[int, tuple[int, int]] = {}

    @property
    def library(self) -> Library:
        if self._library is None:
            raise AttribviewError("no library is open: corrections and checks cannot be saved")
        return self._library

    def open(self) -> str | Path:
        """Open (create, migrate) the library, and read the profiles its articles are drawn with, so that
        the first article opened from it is on screen at once; raises StoreError for a locked or foreign
        file."""
        self._library = Library.open(self.library_path, self.analyzer)
        self.analyzer.profiles  # noqa: B018 - loaded here, on the worker, not on the first open
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
        return self._stored(analysis, meta, path=path)

    def load_text(self, text: str) -> Document:
        source = prepare_text(text, name=PASTED_TITLE.lower())
        analysis = self.analyzer.analyze(source, readable=True)
        return self._stored(analysis, meta_for(Path(PASTED_TITLE), source))

    def find_sentences(self, article_id: int) -> Analysis:
        """An article stored by an older version, with the sentences the engine finds for it now (kept from
        then on). Slow (the engine): its worker only. The versions the viewer was shown stay as they are:
        the article stays on screen, and its quotes' next saves expect them."""
        return self.library.open_article(article_id).analysis

    def open_stored(self, article_id: int) -> tuple[Document, bool]:
        """The article as the library keeps it, never with the model (the desk lane runs it), and whether
        its sentences were kept: False for an article stored by an older version, which
        :meth:`find_sentences` completes once on the engine's lane."""
        stored = self.library.open_article(article_id, analyse=False)
        return self._document(stored), stored.sentences_kept

    def reanalyse(self, article: Document, profile: str) -> Document:
        """The open article analysed again with another profile (``none``: without one); a stored one
        keeps its checks and corrections. Slow (the engine): the engine's worker only."""
        if self._library is None or article.article_id is None:
            analysis = self.analyzer.analyze(text_source(article.analysis.text), profile=profile,
                                             readable=True)
            return make_document(analysis, self.analyzer.profiles, title=article.title, path=article.path)
        return self._document(self._library.reanalyse(article.article_id, profile), path=article.path)

    def _stored(self, analysis: Analysis, meta: ArticleMeta, *, path: str | None = None) -> Document:
        if self._library is None:  # the library could not be opened: show the article all the same
            return make_document(analysis, self.analyzer.profiles, title=meta.title, path=path)
        return self._document(self._library.save_analysis(analysis, meta), path=path)

    def _document(self, stored: StoredArticle, *, path: str | None = None) -> Document:
        self._seen.clear()  # an article opened or analysed again: each quote's details are read anew
        return make_document(stored.analysis, self.analyzer.profiles, title=stored.row.title, path=path,
                             article_id=stored.row.id, rows=stored.rows)

    def import_files(self, paths: Sequence[str], *, progress: Progress, stop: Stop) -> ImportReport:
        """Analyse and store files and folders (the engine's worker), each article in its own transaction."""
        return self.library.import_files(paths, progress=progress, stop=stop)

    def progress(self) -> list[ArticleProgress]:
        return self.library.progress()

    def speakers(self) -> list[tuple[str, str | None]]:
        return self.library.speakers()

    # one quote: each call is one transaction of the core's library ----------------------------------
    # ``who`` is the checker's name for the history (the login name when None).

    def _shown(self, details: QuoteDetails) -> QuoteDetails:
        """``details`` as the viewer is about to show them: their versions are what the next save expects."""
        self._seen[details.row.id] = (details.verification.version, details.row.version)
        return details

    def _expected(self, quote_id: int, which: int) -> int | None:
        """The version the viewer was shown (0: verification, 1: the quote); None when it never was."""
        seen = self._seen.get(quote_id)
        return seen[which] if seen is not None else None

    def details(self, quote_id: int) -> QuoteDetails:
        return self._shown(self.library.details(quote_id))

    def set_verification(self, quote_id: int, *, status: str | None = None, note: str | None = None,
                         evidence: Sequence[str] | None = None, url: str | None = None,
                         who: str | None = None) -> QuoteDetails:
        """Change the status, the note, the evidence or the fact-check URL (None leaves each as it is)."""
        expected = self._expected(quote_id, 0)
        return self._shown(self.library.set_verification(quote_id, status=status, note=note,
                                                         evidence=evidence, url=url, checker=who,
                                                         expected_version=expected))

    def reassign(self, quote_id: int, speaker: str | None, group: str | None, *,
                 who: str | None = None) -> QuoteDetails:
        return self.restore_speaker(quote_id, speaker, group, True, who=who)

    def restore_speaker(self, quote_id: int, speaker: str | None, group: str | None,
                        by_hand: bool, *, who: str | None = None) -> QuoteDetails:
        """Set the speaker and group and whether they count as chosen by hand (undo and redo)."""
        expected = self._expected(quote_id, 1)
        return self._shown(self.library.restore_speaker(quote_id, speaker, group, by_hand=by_hand,
                                                        checker=who, expected_version=expected))

    def reject(self, quote_id: int, rejected: bool, *, who: str | None = None) -> QuotesChanged:
        """Mark a quote "not an attribution", or take that back."""
        expected = self._expected(quote_id, 1)
        changed = self.library.reject_quote(quote_id, rejected=rejected, checker=who,
                                            expected_version=expected)
        if quote_id in self._seen:
            self._seen[quote_id] = (self._seen[quote_id][0], changed.row.version)
        return changed

    def add_quote(self, new: NewQuote, *, who: str | None = None) -> QuotesChanged:
        """Save an attribution added by hand; ``new.quote_id`` is its id from now on."""
        changed = self.library.add_quote(new.article_id, new.start, new.end, speaker=new.speaker,
                                         group=new.group, kind=new.kind, checker=who)
        new.quote_id = changed.row.id
        return changed

    def reject_new(self, new: NewQuote, rejected: bool, *, who: str | None = None) -> QuotesChanged:
        """Take back (or restore) an attribution added by hand."""
        if new.quote_id is None:
            raise AttribviewError("the attribution added by hand was never saved: there is nothing to undo")
        return self.reject(new.quote_id, rejected, who=who)
