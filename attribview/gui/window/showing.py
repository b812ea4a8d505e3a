"""The article on screen: its views filled, the table's selection, filters and navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QPalette

from attribview.gui.document import Document
from attribview.gui.legend import plural, swatch_icon
from attribview.gui.quote_model import QUOTE_ROLE
from attribview.gui.status import is_checked
from attribview.gui.tasks import Lane
from attribview.gui.window.parts import WindowParts

if TYPE_CHECKING:
    from attribview.gui.desk import QuoteDetails


class Showing(WindowParts):
    """Puts a Document on every view and keeps the table, the article and the detail panel on one quote."""

    # showing ----------------------------------------------------------------------------------------

    def show_article(self, article: Document) -> None:
        """Put an analysed article on screen (public so tests can pass a ready Document)."""
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()  # undo acts on the article on screen only, never on one that is not
        self.document = article
        self.quote_model.set_article(article)
        self.article_view.set_article(article)
        self.legend.set_article(article)
        self.detail.set_article(article)
        self.detail.set_known_speakers(article.known_speakers())
        self.summary.set_article(article)
        self.notice_bar.show_language(article.analysis)
        self.profile_choice.set_article(article)
        self.library_panel.set_current(article.article_id)
        self.search.clear()
        self._fill_group_filter(article)
        self.proxy.set_group(None)
        shown = self.stack.currentWidget() is self.article_page  # its plain text was: rows show later
        self.stack.setCurrentWidget(self.article_page)
        if shown and self._default_layout:
            QTimer.singleShot(0, self._share_space)  # once the legend's new rows are shown (queued)
        else:
            self._share_space()
        self._fit_columns()
        profile = f" — {article.profile_label}" if article.profile_label else ""
        self.setWindowTitle(f"{article.title}{profile} — attribview")
        self._show_counts()
        stop = "" if article.title.endswith(("…", ".", "!", "?")) else "."  # a cut title ends "…", not "…."
        self.status_label.setText(f"Opened {article.title}{stop}" if article.stored or not self.library_ready
                                  else f"Opened {article.title} (not saved: no library).")
        if article.path is not None:
            self._remember(article.path)
        self._update_correction_actions()
        self.article_shown.emit(article)

    def _fill_group_filter(self, article: Document) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        base = self.palette().color(QPalette.ColorRole.Base)
        self.group_filter.addItem("All groups", None)
        for style in article.groups:
            if style.quotes:
                self.group_filter.addItem(swatch_icon(style.colour, base), style.label, style.id)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(current)))
        self.group_filter.blockSignals(False)

    def _show_counts(self) -> None:
        article = self.document
        if article is None:
            self.counts_label.clear()
            return
        analysis = article.analysis
        stances = sum(1 for quote in analysis.quotes if quote.is_stance)
        counts = (f"{plural(len(analysis.quotes) - stances, 'quote')} · "
                  f"{plural(len(analysis.sentences), 'sentence')}")
        if stances:  # "wants to ...", "endorsed ...": held, not said
            counts = f"{counts} · {plural(stances, 'stance')}"
        if article.stored:
            checked = sum(1 for row in article.rows if is_checked(row.status))
            counts += f" · {checked} checked"
        self.counts_label.setText(counts)

    def _update_document(self, article: Document) -> None:
        """The open article after a saved change: every view follows, selection and scroll stay."""
        old = self.document
        self.document = article
        self.quote_model.update_article(article)
        self.article_view.update_article(article)  # redrawn only if a speaker or group changed
        if old is None or old.analysis != article.analysis:  # a speaker or group changed
            self.legend.update_article(article)
            self.summary.set_article(article)
            self._fill_group_filter(article)
            self._fit_columns()
        self.detail.update_article(article)
        self._show_counts()
        self._update_correction_actions()

    def close_article(self) -> None:
        self.leave_training()
        self.detail.commit_pending()
        self.undo_stack.clear()
        self._generation += 1
        self.document = None
        for widget in (self.quote_model, self.article_view, self.legend, self.detail, self.summary):
            widget.set_article(None)
        self.library_panel.set_current(None)
        self.counts_label.clear()
        self.profile_choice.set_article(None)
        self.setWindowTitle("attribview")
        self.stack.setCurrentWidget(self.welcome)
        self._update_correction_actions()

    def select_quote(self, quote_index: int) -> None:
        """Select the quote's row (clearing filters that hide it); the article follows the table."""
        row = self.proxy.proxy_row(quote_index)
        if row < 0:
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            row = self.proxy.proxy_row(quote_index)
        self._select_row(row)

    def current_quote(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(QUOTE_ROLE)) if rows else None

    def next_quote(self) -> None:
        self._step(1)

    def previous_quote(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = self.proxy.rowCount()
        if count == 0 or self.stack.currentWidget() is not self.article_page:
            return
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() + delta if rows else (0 if delta > 0 else count - 1)
        self._select_row(max(0, min(count - 1, row)))

    def _select_row(self, row: int) -> None:
        """Select a row of the table as it is filtered and sorted, and show it."""
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.article_page:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def show_all_groups(self) -> None:
        article = self.article_view.article
        if article is not None:
            for style in article.groups:
                self.legend.set_group_visible(style.id, True)

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.detail.commit_pending()  # a note typed for the previous quote is saved to that quote
        quote = self.current_quote()
        self.detail.show_quote(quote)
        self._update_correction_actions()
        if quote is not None:
            self.article_view.select_quote(quote)
            row = self.document.row(quote) if self.document is not None else None
            if row is not None:
                quote_id = row.id
                self.tasks.run(lambda: self.desk.details(quote_id), lane=Lane.DESK,
                               on_success=self._on_details_loaded, on_failure=self._on_task_failed)

    def _on_details_loaded(self, details: QuoteDetails) -> None:
        self.detail.set_details(details)
        if self.detail.quote_id == details.row.id:
            self.details_shown.emit(details)

    def _on_group_filter_changed(self, index: int) -> None:
        data = self.group_filter.itemData(index)
        self.proxy.set_group(data if isinstance(data, str) else None)

    def _on_status_filter_changed(self, index: int) -> None:
        data = self.status_filter.itemData(index)
        self.proxy.set_status(data if isinstance(data, str) else None)

    def _on_tasks_busy_changed(self, busy: bool, message: str) -> None:
        self.busy.setVisible(busy)
        self.status_label.setText(message if busy else ("Ready." if self.model_ready else ""))
        self.welcome.status.setText(message if busy else "")
