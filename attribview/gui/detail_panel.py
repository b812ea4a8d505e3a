"""The selected quote in full, and the verification desk: status, note, evidence, speaker and history.

The panel never writes anything itself. An edit is reported by a signal carrying the old and the new
value; the window turns it into an undoable command that the worker saves to the library. What the
library then says (``set_details``) is what the panel shows, so the screen never runs ahead of the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from attribview.core.types import kind_label
from attribview.gui.document import Document, flag_text
from attribview.gui.history import history_text, history_tooltip
from attribview.gui.legend import swatch_icon
from attribview.gui.plain import plain_label, tooltip
from attribview.gui.status import STYLES, status_icon
from attribview.gui.text_field import CommitTextEdit

if TYPE_CHECKING:
    from attribview.gui.desk import QuoteDetails

FIELDS = ("Said", "Kind", "Cue", "Source", "Confidence", "Flags")

SpeakerGroup = tuple[str | None, str | None]


@dataclass(frozen=True)
class Unsaved:
    """What a checker tried to save when another checker's save came first (None: not part of it)."""

    note: str | None = None
    evidence: Sequence[str] | None = None
    speaker: str | None = None
    url: str | None = None


def _value_label() -> QLabel:
    label = plain_label()  # article text is never interpreted as markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _caption(text: str) -> QLabel:
    caption = QLabel(text)
    caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return caption


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class DetailPanel(QWidget):
    """Shows one quote and lets a checker set its status, note, evidence and speaker.

    Signals (each with the quote's library id, the value shown before and the new value):
        status_edited: (quote id, old status, new status)
        note_edited: (quote id, old note, new note)
        evidence_edited: (quote id, old links, new links) as tuples of str
        speaker_edited: (quote id, (old speaker, old group), (new speaker, new group))
        url_edited: (quote id, old fact-check URL, new one; "" for none)
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
        self._shown_note = ""
        self._shown_evidence: tuple[str, ...] = ()
        self._shown_url = ""

        self._stack = QStackedWidget()
        hint = QLabel("Select a quote in the table, or click a highlighted sentence, to see its details "
                      "and check it.")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setContentsMargins(0, 4, 0, 0)
        self._stack.addWidget(hint)
        self._stack.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(_heading("Selected quote"))
        layout.addWidget(self._stack, 1)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _build_form(self) -> QWidget:
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        form = self._form()
        self.values: dict[str, QLabel] = {name: _value_label() for name in FIELDS}
        form.addRow(_caption("Said"), self.values["Said"])

        self.speaker_edit = QLineEdit()
        self.speaker_edit.setPlaceholderText("unknown speaker")
        self.speaker_edit.setToolTip("Type another speaker and press Enter to reassign the quote")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(completer)
        self.speaker_edit.editingFinished.connect(self._on_speaker_finished)
        form.addRow(_caption("Speaker"), self.speaker_edit)

        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.setMinimumContentsLength(16)
        self.group_combo.activated.connect(self._on_group_activated)
        form.addRow(_caption("Group"), self.group_combo)
        for name in FIELDS[1:]:
            form.addRow(_caption(name), self.values[name])
        column.addLayout(form)

        self._build_verification(column)
        return host

    def _build_verification(self, column: QVBoxLayout) -> None:
        column.addSpacing(6)
        column.addWidget(_heading("Verification"))
        self.verification_form = QWidget()
        checks = self._form()
        self.verification_form.setLayout(checks)
        self.conflict_label = plain_label()  # "changed by <name> at <time>", names typed by checkers
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.conflict_label.setMargin(4)
        self.conflict_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.conflict_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.conflict_label.setAutoFillBackground(True)
        self.conflict_label.hide()
        column.addWidget(self.conflict_label)
        self.status_combo = QComboBox()
        text = self.palette().color(QPalette.ColorRole.Text)
        for style in STYLES.values():
            keys = " or ".join(style.keys)
            self.status_combo.addItem(status_icon(style.id, text), f"{style.label}   ({keys})", style.id)
        self.status_combo.activated.connect(self._on_status_activated)
        checks.addRow(_caption("Status"), self.status_combo)
        self.note_edit = CommitTextEdit("What was checked, with whom, what is still open")
        self.note_edit.committed.connect(self._on_note_committed)
        checks.addRow(_caption("Note"), self.note_edit)
        self.evidence_edit = CommitTextEdit("Links to the evidence, one per line")
        self.evidence_edit.committed.connect(self._on_evidence_committed)
        checks.addRow(_caption("Evidence"), self.evidence_edit)
        self.checked_label = _value_label()
        checks.addRow(_caption("Checked"), self.checked_label)
        self.factcheck_edit = QLineEdit()  # a line edit shows text, never markup
        self.factcheck_edit.setPlaceholderText("Where the fact-check is published (https://...)")
        self.factcheck_edit.editingFinished.connect(self._on_url_committed)
        self.factcheck_edit.textChanged.connect(  # the whole address, which a narrow field cuts off
            lambda text: self.factcheck_edit.setToolTip(tooltip(text)))
        checks.addRow(_caption("Fact-check"), self.factcheck_edit)
        column.addWidget(self.verification_form)
        self.not_stored = QLabel("This article is not in the library (it could not be opened), so its "
                                 "quotes cannot be checked or corrected.")
        self.not_stored.setWordWrap(True)
        self.not_stored.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.not_stored)

        column.addSpacing(6)
        column.addWidget(_heading("History"))
        self.history_list = QListWidget()
        self.history_list.setWordWrap(True)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setMinimumHeight(110)
        column.addWidget(self.history_list, 1)

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
            self._stack.setCurrentIndex(0)
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
        self.verification_form.setEnabled(stored)
        self.not_stored.setVisible(not stored)
        self.status_combo.setCurrentIndex(self.status_combo.findData(article.status(index) or "unverified"))
        if not same or self._details is None or self._details.row.id != self.quote_id:
            self._details = None  # the worker brings the note, evidence and history
            self._show_verification("", (), "")
            self.history_list.clear()
        self._loading = False
        self._stack.setCurrentIndex(1)

    def set_details(self, details: QuoteDetails) -> None:
        """What the library holds for the shown quote; details of another quote are ignored."""
        if details.row.id != self.quote_id:
            return
        self._details = details
        verification = details.verification
        self._loading = True
        self.status_combo.setCurrentIndex(self.status_combo.findData(verification.status))
        checked = ""
        if verification.checked_at is not None:
            when = verification.checked_at.astimezone().strftime("%d %b %Y %H:%M")
            checked = f"by {verification.checked_by or 'unknown'}, {when}"
        self._show_verification(verification.note or "", verification.evidence, checked, keep_typing=True,
                                url=verification.url or "")
        self.history_list.clear()
        groups = {g.id: g.label for g in self._article.groups} if self._article is not None else {}
        for change in reversed(details.history):  # newest first
            item = QListWidgetItem(history_text(change, groups))
            item.setToolTip(tooltip(history_tooltip(change, groups)))
            self.history_list.addItem(item)
        self._loading = False

    def _show_verification(self, note: str, evidence: tuple[str, ...], checked: str, *,
                           keep_typing: bool = False, url: str = "") -> None:
        self._shown_note = note
        self._shown_evidence = evidence
        self.note_edit.show_value(note, keep_typing=keep_typing)
        self.evidence_edit.show_value("\n".join(evidence), keep_typing=keep_typing)
        self.checked_label.setText(checked or "not yet")
        self._shown_url = url
        if not (keep_typing and self.factcheck_edit.isModified()):
            self.factcheck_edit.setText(url)
            self.factcheck_edit.setModified(False)

    def show_conflict(self, message: str | None, unsaved: Unsaved | None = None) -> None:
        """Say that another checker saved the shown quote first (None: hide it), with what this checker
        tried to save put back in its field, unsaved, to save again (it saves when the field is left)."""
        self.conflict_label.setVisible(message is not None)
        if message is None:
            return
        kept = []
        if unsaved is not None and unsaved.note is not None:
            self._keep_typed(self.note_edit, unsaved.note)
            kept.append("note")
        if unsaved is not None and unsaved.evidence is not None:
            self._keep_typed(self.evidence_edit, "\n".join(unsaved.evidence))
            kept.append("evidence")
        if unsaved is not None and unsaved.url is not None:
            self.factcheck_edit.setText(unsaved.url)
            self.factcheck_edit.setModified(True)
            kept.append("fact-check URL")
        if unsaved is not None and unsaved.speaker is not None:
            self.speaker_edit.setText(unsaved.speaker)
            kept.append("speaker")
        hint = (f" Your {' and '.join(kept)} is kept below, unsaved: leaving its field saves it over "
                "theirs." if kept else " Their state is shown: choose again to change it.")
        self.conflict_label.setText(message + hint)

    @staticmethod
    def _keep_typed(field: CommitTextEdit, text: str) -> None:
        if field.typed() != text:
            field.setPlainText(text)
            field.document().setModified(True)

    def history_texts(self) -> list[str]:
        """The history as shown, newest first (for tests and accessibility)."""
        return [self.history_list.item(i).text() for i in range(self.history_list.count())]

    # editing ----------------------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Report a note or evidence typed but not yet left (before another quote is shown)."""
        self._on_note_committed()
        self._on_evidence_committed()

    def _editable_id(self) -> int | None:
        """The shown quote's id, when an edit of it can be saved; None while loading or unsaved."""
        if self._loading or self._details is None:
            return None
        return self.quote_id

    def _on_status_activated(self, index: int) -> None:
        quote_id = self._editable_id() if self._article is not None else None
        new = self.status_combo.itemData(index)
        if quote_id is None or self._details is None or not isinstance(new, str):
            return
        old = self._details.verification.status
        if new != old:
            self.status_edited.emit(quote_id, old, new)

    def _on_url_committed(self) -> None:
        """Report the fact-check URL the user typed (spaces around it dropped) once, when it changed."""
        quote_id = self._editable_id()
        text = self.factcheck_edit.text().strip()
        if quote_id is None or not self.factcheck_edit.isModified():
            return
        self.factcheck_edit.setModified(False)
        if text != self._shown_url:
            old = self._shown_url
            self._shown_url = text
            self.url_edited.emit(quote_id, old, text)

    def _on_note_committed(self) -> None:
        """Report the note the user typed, exactly; a note only looked at is never rewritten."""
        quote_id = self._editable_id()
        text = self.note_edit.edit()
        if quote_id is None or text is None:
            return
        self.note_edit.accept_edit()  # reported once, however often the field loses focus
        if text != self._shown_note:
            old = self._shown_note
            self._shown_note = text
            self.note_edited.emit(quote_id, old, text)

    def _on_evidence_committed(self) -> None:
        """Report the links the user typed, one a line as typed (a blank line is no link)."""
        quote_id = self._editable_id()
        text = self.evidence_edit.edit()
        if quote_id is None or text is None:
            return
        self.evidence_edit.accept_edit()
        links = tuple(line for line in text.split("\n") if line.strip())
        if links != self._shown_evidence:
            old = self._shown_evidence
            self._shown_evidence = links
            self.evidence_edited.emit(quote_id, old, links)

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
