"""Opening: the library, the model and articles (a file, the clipboard, the library), on the workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from attribview.core.analysis import AUTO
from attribview.core.titles import article_title
from attribview.errors import AttribviewError
from attribview.gui.document import Document
from attribview.gui.plain import tooltip
from attribview.gui.tasks import Lane
from attribview.gui.window.parts import WindowParts
from attribview.paths import sample_article
from attribview.textio import SourceText, read_article

if TYPE_CHECKING:
    from attribview.core.library import ArticleProgress
    from attribview.core.types import Analysis


ARTICLE_FILTER = "Articles (*.txt *.text *.html *.htm *.docx);;All files (*)"


class Opening(WindowParts):
    """Starts the background work that opens things and shows what comes back."""

    # opening ----------------------------------------------------------------------------------------

    def start(self, path: str | None = None) -> None:
        """Open the library and load the model in the background, then open ``path`` if given (its text
        read first of all, so that it is on screen before the library has opened)."""
        if path:
            self._read_text(path, self._generation + 1)  # the generation of the analysis queued below
        self.open_library()
        self.tasks.run(lambda: self.analyzer.nlp, message="Loading the language model…",
                       on_success=self._on_model_loaded, on_failure=self._on_task_failed)
        if path:
            self._load_file(path)

    def open_library(self) -> None:
        """Open the library on the desk worker (the process waits for it at exit: a migration is never
        cut short); an article analysed meanwhile waits for it and is then saved to it."""
        self._library_settled.clear()

        def open_desk() -> str | Path:
            try:
                return self.desk.open()  # the desk (and the store's SQLAlchemy) is made here, not before
            finally:
                self._library_settled.set()

        self.tasks.run(open_desk, lane=Lane.DESK, on_success=self._on_library_opened,  # quick: no busy bar
                       on_failure=self._on_library_failed)

    def open_file(self, path: str) -> None:
        """Show the file's text at once (read on the desk worker), then its analysis when ready."""
        self._load_file(path)
        if not self.model_ready:  # else the analysis follows in a moment: no plain text in between
            self._read_text(path, self._generation)

    def _load_file(self, path: str) -> None:
        name = Path(path).name or path
        self._load(lambda: self.desk.load_file(path), f"Analysing {name}…")

    def _read_text(self, path: str, generation: int) -> None:
        """Read the file on the desk worker and show its plain text, unless ``generation``'s analysis (or a
        later open) is on screen by then."""
        self.tasks.run(lambda: read_article(path), lane=Lane.DESK,
                       on_success=lambda source: self._show_plain(generation, source),
                       on_failure=lambda _error: None)  # the analysis reports a file it cannot read

    def _show_plain(self, generation: int, source: SourceText) -> None:
        """The text of a file being analysed, as plain characters, until its highlights are ready."""
        if generation != self._generation or generation == self._analysed:
            return  # the analysis (or a later open) came first
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()
        self.document = None
        for widget in (self.quote_model, self.legend, self.detail, self.summary):
            widget.set_article(None)
        self.article_view.set_article(None)
        self.article_view.setPlainText(source.text)  # plain text: nothing in it is markup
        self.counts_label.clear()
        self.profile_choice.set_article(None)  # chosen for the analysis, once it is there
        self.stack.setCurrentWidget(self.article_page)
        self._share_space()
        self.setWindowTitle(f"{article_title(source, 'article')} — attribview")
        self._update_correction_actions()
        self.text_shown.emit(source.text)

    def open_sample(self) -> None:
        self.open_file(str(sample_article()))

    def open_article(self, article_id: int) -> None:
        """Open an article of the library with its stored quotes and checks, on the desk worker: it needs
        no model, so it never waits behind the model's load or an analysis. An article stored by an older
        version is shown at once with its quotes; its sentences follow from the engine's lane."""
        self._generation += 1
        generation = self._generation
        self.tasks.run(lambda: self.desk.open_stored(article_id), lane=Lane.DESK,
                       on_success=lambda opened: self._on_stored_opened(generation, article_id, *opened),
                       on_failure=self._on_task_failed)

    def _on_stored_opened(self, generation: int, article_id: int, article: Document, complete: bool) -> None:
        self._on_article_loaded(generation, article, saved=False)
        if not complete and generation == self._generation:  # the same generation: any later open wins
            self.tasks.run(lambda: self.desk.find_sentences(article_id),
                           message="Finding the article's sentences…",
                           on_success=lambda found: self._on_sentences_found(generation, article_id, found),
                           on_failure=self._on_task_failed)

    def _on_sentences_found(self, generation: int, article_id: int, found: Analysis) -> None:
        """An older article's sentences, highlighted in place: the quote selected meanwhile, the caret, the
        scroll and anything checked meanwhile stay (the quotes are the ones on screen, not the found)."""
        shown = self.document
        if generation != self._generation or shown is None or shown.article_id != article_id:
            return
        self._update_document(shown.with_sentences(found))
        self.notice_bar.show_language(self.document.analysis if self.document is not None else None)
        self.sentences_shown.emit(self.document)

    def choose_profile(self, profile: str) -> None:
        """Analyse the open article again with another profile (``auto``: the one its content is given,
        ``none``: without one) on the engine's worker, and show it; a stored article keeps its checks and
        corrections."""
        article = self.document
        if article is None:
            return
        chosen = article.profiles.get(article.automatic if profile == AUTO else profile)
        name = f"the profile {chosen.label}" if chosen is not None else "no profile"
        if profile == AUTO:
            name = f"the automatic choice, {name}"
        self._load(lambda: self.desk.reanalyse(article, profile), f"Analysing {article.title} with {name}…",
                   shown=f"Analysed again with {name}.")

    def choose_file(self) -> None:
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open an article", start, ARTICLE_FILTER)
        if path:
            self.open_file(path)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._report_error("Nothing to paste", "The clipboard holds no text. Copy an article first.")
            return
        self._load(lambda: self.desk.load_text(text), "Analysing the pasted article…")

    def _load(self, work: Callable[[], Document], message: str, *, saved: bool = True,
              shown: str | None = None) -> None:
        """Analyse on the engine's lane, then show; ``saved``: the work stores the article (the library's
        list is read again); ``shown``: what the status bar says then."""
        self._generation += 1
        generation = self._generation

        def when_library_settled() -> Document:
            self._library_settled.wait()  # saved into the library being opened, not beside it
            return work()

        self.tasks.run(when_library_settled, message=message, on_failure=self._on_task_failed,
                       on_success=lambda article: self._on_article_loaded(generation, article, saved=saved,
                                                                          shown=shown))

    def _on_article_loaded(self, generation: int, article: Document, *, saved: bool,
                           shown: str | None = None) -> None:
        if generation == self._generation:  # a later open wins
            self._analysed = generation
            self.show_article(article)
            if shown is not None:
                self.status_label.setText(shown)
            if article.stored:
                if saved:
                    self.refresh_library()
                self.tasks.run(lambda: self.desk.speakers(), lane=Lane.DESK,  # noqa: PLW0108 - made there
                               on_success=self._on_speakers_listed,
                               on_failure=lambda _error: None)  # completion is a convenience

    def _on_library_opened(self, path: str | Path) -> None:
        self.library_ready = True
        self.library_dock.setWindowTitle("Library")
        self.library_dock.setToolTip(tooltip(str(path)))
        self.library_opened.emit(path)
        self.refresh_library()

    def _on_library_failed(self, error: BaseException) -> None:
        self.library_dock.setWindowTitle("Library (not open)")
        self._on_task_failed(error)

    def _on_model_loaded(self, _nlp: object) -> None:
        self.model_ready = True
        self.model_loaded.emit()
        if not self.tasks.is_busy():
            self.status_label.setText("Ready.")

    def _on_task_failed(self, error: BaseException) -> None:
        if isinstance(error, AttribviewError):
            self._report_error("attribview", str(error))
        else:
            self._report_error("attribview: unexpected error",
                               f"{type(error).__name__}: {error}\n\nThis is a bug; details are in the log.")
        self.status_label.setText("")
        self.profile_choice.set_article(self.document)  # a profile chosen but not analysed is not ticked

    # the library ------------------------------------------------------------------------------------

    def refresh_library(self) -> None:
        """List the library's articles with their progress again (after an import or a check)."""
        if self.library_ready:
            self.tasks.run(lambda: self.desk.progress(), lane=Lane.DESK,  # noqa: PLW0108 - made there
                           on_success=self._on_library_listed,
                           on_failure=self._on_task_failed)

    def _on_library_listed(self, articles: list[ArticleProgress]) -> None:
        self.library_panel.set_progress(articles)
        self.library_listed.emit(articles)

    def _on_speakers_listed(self, speakers: list[tuple[str, str | None]]) -> None:
        if self.document is not None:
            self.detail.set_known_speakers(self.document.known_speakers(speakers))
