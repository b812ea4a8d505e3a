"""The verification desk of the selected quote: status, note, evidence, fact-check URL and history.

Like the panel it sits in, the box never writes anything: an edit is reported by a signal with the old
and the new value, and what the library then says (``show_details``) is what it shows. Whether an edit
can be saved at all (a quote shown, its details loaded) is the panel's to say, through ``editable_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from attribview.gui.form import caption, form_layout, heading, value_label
from attribview.gui.history import history_text, history_tooltip
from attribview.gui.plain import plain_label, tooltip
from attribview.gui.status import STYLES, status_icon
from attribview.gui.text_field import CommitTextEdit

if TYPE_CHECKING:
    from attribview.gui.desk import QuoteDetails

#: What the fact-check field is for, on hover: as its placeholder it was cut off in the side column.
FACTCHECK_HINT = "Where the fact-check is published (https://...)"


@dataclass(frozen=True)
class Unsaved:
    """What a checker tried to save when another checker's save came first (None: not part of it)."""

    note: str | None = None
    evidence: Sequence[str] | None = None
    speaker: str | None = None
    url: str | None = None


class VerificationBox(QWidget):
    """Lets a checker set the shown quote's status, note, evidence and fact-check URL, and shows its history.

    Signals (each with the quote's library id, the value shown before and the new value):
        status_edited: (quote id, old status, new status)
        note_edited: (quote id, old note, new note)
        evidence_edited: (quote id, old links, new links) as tuples of str
        url_edited: (quote id, old fact-check URL, new one; "" for none)
    """

    status_edited = Signal(int, str, str)
    note_edited = Signal(int, str, str)
    evidence_edited = Signal(int, object, object)
    url_edited = Signal(int, str, str)

    def __init__(self, editable_id: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable_id = editable_id
        self._saved_status = "unverified"
        self._shown_note = ""
        self._shown_evidence: tuple[str, ...] = ()
        self._shown_url = ""

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addSpacing(6)
        column.addWidget(heading("Verification"))
        self.conflict_label = plain_label()  # "changed by <name> at <time>", names typed by checkers
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.conflict_label.setMargin(4)
        self.conflict_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.conflict_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.conflict_label.setAutoFillBackground(True)
        self.conflict_label.hide()
        column.addWidget(self.conflict_label)
        column.addWidget(self._build_checks())
        self.not_stored = QLabel("This article is not in the library (it could not be opened), so its "
                                 "quotes cannot be checked or corrected.")
        self.not_stored.setWordWrap(True)
        self.not_stored.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.not_stored)

        column.addSpacing(6)
        column.addWidget(heading("History"))
        self.history_list = QListWidget()
        self.history_list.setWordWrap(True)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setMinimumHeight(110)
        column.addWidget(self.history_list, 1)

    def _build_checks(self) -> QWidget:
        self.verification_form = QWidget()
        checks = form_layout()
        self.verification_form.setLayout(checks)
        self.status_combo = QComboBox()
        text = self.palette().color(QPalette.ColorRole.Text)
        for style in STYLES.values():
            keys = " or ".join(style.keys)
            self.status_combo.addItem(status_icon(style.id, text), f"{style.label}   ({keys})", style.id)
        self.status_combo.activated.connect(self._on_status_activated)
        checks.addRow(caption("Status"), self.status_combo)
        self.note_edit = CommitTextEdit("What was checked, with whom, what is still open")
        self.note_edit.committed.connect(self._on_note_committed)
        checks.addRow(caption("Note"), self.note_edit)
        self.evidence_edit = CommitTextEdit("Links to the evidence, one per line")
        self.evidence_edit.committed.connect(self._on_evidence_committed)
        checks.addRow(caption("Evidence"), self.evidence_edit)
        self.checked_label = value_label()
        checks.addRow(caption("Checked"), self.checked_label)
        self.factcheck_edit = QLineEdit()  # a line edit shows text, never markup
        self.factcheck_edit.setPlaceholderText("https://…")  # short: the side column is narrow
        self.factcheck_edit.editingFinished.connect(self._on_url_committed)
        self.factcheck_edit.textChanged.connect(  # the whole address, which a narrow field cuts off
            lambda text: self.factcheck_edit.setToolTip(tooltip(text or FACTCHECK_HINT)))
        self.factcheck_edit.setToolTip(FACTCHECK_HINT)
        checks.addRow(caption("Fact-check"), self.factcheck_edit)
        return self.verification_form

    # showing ----------------------------------------------------------------------------------------

    def set_stored(self, stored: bool) -> None:
        """Checks can be edited only for an article the library holds; otherwise say why not."""
        self.verification_form.setEnabled(stored)
        self.not_stored.setVisible(not stored)

    def show_status(self, status: str) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))

    def clear(self) -> None:
        """Empty fields and history while the worker brings the library's details of a new quote."""
        self._show_verification("", (), "")
        self.history_list.clear()

    def show_details(self, details: QuoteDetails, groups: Mapping[str, str]) -> None:
        """What the library holds for the shown quote; ``groups`` names the groups its history mentions."""
        verification = details.verification
        self._saved_status = verification.status
        self.show_status(verification.status)
        checked = ""
        if verification.checked_at is not None:
            when = verification.checked_at.astimezone().strftime("%d %b %Y %H:%M")
            checked = f"by {verification.checked_by or 'unknown'}, {when}"
        self._show_verification(verification.note or "", verification.evidence, checked, keep_typing=True,
                                url=verification.url or "")
        self.history_list.clear()
        for change in reversed(details.history):  # newest first
            item = QListWidgetItem(history_text(change, groups))
            item.setToolTip(tooltip(history_tooltip(change, groups)))
            self.history_list.addItem(item)

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

    def show_conflict(self, message: str | None, unsaved: Unsaved | None = None,
                      also_kept: Sequence[str] = ()) -> None:
        """Say that another checker saved the shown quote first (None: hide it), with what this checker
        tried to save put back in its field, unsaved; ``also_kept`` names fields kept outside the box."""
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
        kept.extend(also_kept)
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

    def _on_status_activated(self, index: int) -> None:
        quote_id = self._editable_id()
        new = self.status_combo.itemData(index)
        if quote_id is None or not isinstance(new, str):
            return
        old = self._saved_status
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

    def _typed(self, field: CommitTextEdit) -> tuple[int, str] | None:
        """The shown quote's id and what was typed in ``field``, once (None: nothing new, or unsaveable)."""
        quote_id = self._editable_id()
        text = field.edit()
        if quote_id is None or text is None:
            return None
        field.accept_edit()  # reported once, however often the field loses focus
        return quote_id, text

    def _on_note_committed(self) -> None:
        """Report the note the user typed, exactly; a note only looked at is never rewritten."""
        typed = self._typed(self.note_edit)
        if typed is None:
            return
        quote_id, note = typed
        if note != self._shown_note:
            old, self._shown_note = self._shown_note, note
            self.note_edited.emit(quote_id, old, note)

    def _on_evidence_committed(self) -> None:
        """Report the links the user typed, one a line as typed (a blank line is no link)."""
        typed = self._typed(self.evidence_edit)
        if typed is None:
            return
        quote_id, text = typed
        links = tuple(line for line in text.split("\n") if line.strip())
        if links != self._shown_evidence:
            old, self._shown_evidence = self._shown_evidence, links
            self.evidence_edited.emit(quote_id, old, links)
