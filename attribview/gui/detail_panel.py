"""The selected quote in full (what was said, speaker, group, cue, confidence) above its verification desk.

The panel never writes anything itself. An edit is reported by a signal carrying the old and the new
value; the window turns it into an undoable command that the worker saves to the library. What the
library then says (``set_details``) is what the panel shows, so the screen never runs ahead of the file.
The status, note, evidence and history half is a ``VerificationBox``; the speaker half is here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from attribview.core.types import kind_label
from attribview.gui.document import Document, flag_text
from attribview.gui.form import caption, form_layout, heading, value_label
from attribview.gui.legend import swatch_icon
from attribview.gui.verification_box import Unsaved, VerificationBox

if TYPE_CHECKING:
    from attribview.gui.desk import QuoteDetails

FIELDS = ("Said", "Kind", "Cue", "Source", "Confidence", "Flags")

SpeakerGroup = tuple[str | None, str | None]


class DetailPanel(QWidget):
    """Shows one quote and lets a checker set its status, note, evidence and speaker.

    Signals (each with the quote's library id, the value shown before and the new value):
        status_edited, note_edited, evidence_edited, url_edited: the ``VerificationBox``'s, passed on
        speaker_edited: (quote id, (old speaker, old group), (new speaker, new group))
    """

    status_edited = Signal(int, str, str)
    note_edited = Signal(int, str, str)
    evidence_edited = Signal(int, object, object)
    speaker_edited = Signal(int, object, object)
    url_edited = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Document | None = None
        self._index: int | None = None
        self._details: QuoteDetails | None = None
        self._known: dict[str, str | None] = {}
        self._loading = False

        self._stack = QStackedWidget()
        hint = QLabel("Select a quote in the table, or click a highlighted sentence, to see its details "
                      "and check it.")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setContentsMargins(0, 4, 0, 0)
        self._pages = (hint, self._build_form())
        for page in self._pages:
            self._stack.addWidget(page)
        self._show_page(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading("Selected quote"))
        layout.addWidget(self._stack, 1)

    def _build_form(self) -> QWidget:
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        form = form_layout()
        self.values: dict[str, QLabel] = {name: value_label() for name in FIELDS}
        form.addRow(caption("Said"), self.values["Said"])

        self.speaker_edit = QLineEdit()
        self.speaker_edit.setPlaceholderText("unknown speaker")
        self.speaker_edit.setToolTip("Type another speaker and press Enter to reassign the quote")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(completer)
        self.speaker_edit.editingFinished.connect(self._on_speaker_finished)
        form.addRow(caption("Speaker"), self.speaker_edit)

        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.setMinimumContentsLength(16)
        self.group_combo.activated.connect(self._on_group_activated)
        form.addRow(caption("Group"), self.group_combo)
        for name in FIELDS[1:]:
            form.addRow(caption(name), self.values[name])
        column.addLayout(form)

        self.verification = VerificationBox(self._editable_id)
        self.verification.status_edited.connect(self.status_edited)
        self.verification.note_edited.connect(self.note_edited)
        self.verification.evidence_edited.connect(self.evidence_edited)
        self.verification.url_edited.connect(self.url_edited)
        column.addWidget(self.verification, 1)
        return host

    # showing ----------------------------------------------------------------------------------------

    def set_article(self, article: Document | None) -> None:
        self._article = article
        self._details = None
        self._fill_groups(article)
        self.set_known_speakers({})
        self.show_quote(None)

    def update_article(self, article: Document) -> None:
        """The same article after a change saved elsewhere (undo, its sentences found): show the selected
        quote's new state, keeping what the library said of it until it says more."""
        if self._article is None or self._article.groups != article.groups:
            self._fill_groups(article)
        self._article = article
        self.show_quote(self._index)

    def _fill_groups(self, article: Document | None) -> None:
        self._loading = True
        self.group_combo.clear()
        if article is not None:
            base = self.palette().color(QPalette.ColorRole.Base)
            for style in article.groups:
                self.group_combo.addItem(swatch_icon(style.colour, base), style.label, style.id)
        self._loading = False

    def set_known_speakers(self, known: Mapping[str, str | None]) -> None:
        """Names the speaker field completes, each with the group it puts the quote in."""
        self._known = dict(known)
        self._completions.setStringList(sorted(self._known, key=str.casefold))

    @property
    def known_speakers(self) -> dict[str, str | None]:
        """The names the speaker field completes, each with its group."""
        return dict(self._known)

    @property
    def quote_index(self) -> int | None:
        return self._index

    @property
    def quote_id(self) -> int | None:
        row = self._article.row(self._index) if self._article is not None and self._index is not None \
            else None
        return row.id if row is not None else None

    def show_quote(self, index: int | None) -> None:
        article = self._article
        same = index is not None and index == self._index
        self._index = index
        if not same:
            self.show_conflict(None)
        if article is None or index is None:
            self._show_page(0)
            return
        quote = article.analysis.quotes[index]
        text = article.analysis.text

        def span(start: int | None, end: int | None) -> str:
            return " ".join(text[start:end].split()) if start is not None and end is not None else "—"

        self._loading = True
        self.speaker_edit.setText(quote.speaker or "")
        self.group_combo.setCurrentIndex(self.group_combo.findData(quote.group))
        self.values["Kind"].setText(kind_label(quote.kind))
        self.values["Cue"].setText(span(quote.cue_start, quote.cue_end))
        self.values["Source"].setText(span(quote.source_start, quote.source_end))
        self.values["Confidence"].setText(f"{quote.confidence:.2f}")
        self.values["Flags"].setText(flag_text(quote.flags) or "—")
        self.values["Said"].setText(" ".join(quote.text.split()))
        stored = article.stored
        self.speaker_edit.setReadOnly(not stored)
        self.group_combo.setEnabled(stored and article.analysis.profile is not None)
        self.verification.set_stored(stored)
        self.verification.show_status(article.status(index) or "unverified")
        if not same or self._details is None or self._details.row.id != self.quote_id:
            self._details = None  # the worker brings the note, evidence and history
            self.verification.clear()
        self._loading = False
        self._show_page(1)

    def _show_page(self, index: int) -> None:
        """Show the hint (0) or the quote (1), the panel as tall as that page: a stack is as tall as its
        tallest page, so the hint would sit at the top of the quote's height, scrolled out of sight."""
        for i, page in enumerate(self._pages):
            shown = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(shown, shown)
        self._stack.setCurrentIndex(index)
        self._stack.adjustSize()

    def set_details(self, details: QuoteDetails) -> None:
        """What the library holds for the shown quote; details of another quote are ignored."""
        if details.row.id != self.quote_id:
            return
        self._details = details
        self._loading = True
        groups = {g.id: g.label for g in self._article.groups} if self._article is not None else {}
        self.verification.show_details(details, groups)
        self._loading = False

    def show_conflict(self, message: str | None, unsaved: Unsaved | None = None) -> None:
        """Say that another checker saved the shown quote first (None: hide it), with what this checker
        tried to save put back in its field, unsaved, to save again (it saves when the field is left)."""
        kept = []
        if message is not None and unsaved is not None and unsaved.speaker is not None:
            self.speaker_edit.setText(unsaved.speaker)
            kept.append("speaker")
        self.verification.show_conflict(message, unsaved, also_kept=kept)

    # editing ----------------------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Report a note or evidence typed but not yet left (before another quote is shown)."""
        self.verification.commit_pending()

    def _editable_id(self) -> int | None:
        """The shown quote's id, when an edit of it can be saved; None while loading or unsaved."""
        if self._loading or self._details is None:
            return None
        return self.quote_id

    def _current_speaker_group(self) -> SpeakerGroup:
        if self._details is None:
            return None, None
        return self._details.row.speaker, self._details.row.group

    def _on_speaker_finished(self) -> None:
        quote_id = self._editable_id()
        if quote_id is None or self._article is None:
            return
        old = self._current_speaker_group()
        name = " ".join(self.speaker_edit.text().split()) or None
        if name == old[0]:
            return
        if self._article.analysis.profile is None:
            group = name  # without a profile every speaker is its own group
        else:
            known = self._known.get(name) if name else None
            group = known if known is not None else old[1]
        self.speaker_edited.emit(quote_id, old, (name, group))

    def _on_group_activated(self, index: int) -> None:
        quote_id = self._editable_id()
        group = self.group_combo.itemData(index)
        old = self._current_speaker_group()
        if quote_id is None or not isinstance(group, str) or group == old[1]:
            return
        self.speaker_edited.emit(quote_id, old, (old[0], group))
