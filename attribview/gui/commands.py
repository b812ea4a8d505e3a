"""Undoable edits of the verification desk: each one writes to the library, both ways.

A command holds the value before and after; redo saves the new value and undo saves the old one, through
the window's worker, so the library's history records the undo as a change like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from attribview.gui.status import status_label

#: (quote id, status or None, note or None, evidence or None): saves what is not None.
SaveVerification = Callable[[int, str | None, str | None, Sequence[str] | None], None]
#: (quote id, fact-check URL, "" for none).
SaveUrl = Callable[[int, str], None]
#: (quote id, speaker, group, chosen by hand).
SaveSpeaker = Callable[[int, str | None, str | None, bool], None]
#: (quote id, rejected).
SaveRejection = Callable[[int, bool], None]


@dataclass
class NewQuote:
    """An attribution added by hand. ``quote_id`` is set by the worker once it is saved, and read by the
    worker only: the one worker runs the add before any undo of it, so the undo always finds the id."""

    article_id: int
    start: int
    end: int
    speaker: str | None
    group: str | None
    kind: str
    quote_id: int | None = None


#: Saves a NewQuote (and sets its ``quote_id``).
SaveNewQuote = Callable[[NewQuote], None]
#: (the new quote, rejected): takes it back (an undo) or restores it (a redo).
RejectNewQuote = Callable[[NewQuote, bool], None]


def _excerpt(text: str, length: int = 40) -> str:
    """Article or user text as the Undo menu item names it: cut short, and an "&" shown as itself (a menu
    reads "&x" as the shortcut key x)."""
    text = " ".join(text.split())
    text = text if len(text) <= length else text[: length - 1].rstrip() + "…"
    return text.replace("&", "&&")


class StatusCommand(QUndoCommand):
    def __init__(self, save: SaveVerification, quote_id: int, old: str, new: str) -> None:
        super().__init__(f"Mark as {status_label(new)}")
        self._save, self._id, self._old, self._new = save, quote_id, old, new

    def redo(self) -> None:
        self._save(self._id, self._new, None, None)

    def undo(self) -> None:
        self._save(self._id, self._old, None, None)


class NoteCommand(QUndoCommand):
    def __init__(self, save: SaveVerification, quote_id: int, old: str, new: str) -> None:
        super().__init__("Edit Note")
        self._save, self._id, self._old, self._new = save, quote_id, old, new

    def redo(self) -> None:
        self._save(self._id, None, self._new, None)

    def undo(self) -> None:
        self._save(self._id, None, self._old, None)


class UrlCommand(QUndoCommand):
    def __init__(self, save: SaveUrl, quote_id: int, old: str, new: str) -> None:
        super().__init__("Edit Fact-check URL")
        self._save, self._id, self._old, self._new = save, quote_id, old, new

    def redo(self) -> None:
        self._save(self._id, self._new)

    def undo(self) -> None:
        self._save(self._id, self._old)


class EvidenceCommand(QUndoCommand):
    def __init__(self, save: SaveVerification, quote_id: int, old: Sequence[str], new: Sequence[str]) -> None:
        super().__init__("Edit Evidence")
        self._save, self._id, self._old, self._new = save, quote_id, tuple(old), tuple(new)

    def redo(self) -> None:
        self._save(self._id, None, None, self._new)

    def undo(self) -> None:
        self._save(self._id, None, None, self._old)


class SpeakerCommand(QUndoCommand):
    """A reassignment; undo puts back the old speaker and group and whether a person had chosen them."""

    def __init__(self, save: SaveSpeaker, quote_id: int, old: tuple[str | None, str | None],
                 new: tuple[str | None, str | None], old_by_hand: bool) -> None:
        super().__init__(f"Reassign to {_excerpt(new[0] or 'unknown speaker')}")
        self._save, self._id, self._old, self._new = save, quote_id, old, new
        self._old_by_hand = old_by_hand

    def redo(self) -> None:
        self._save(self._id, *self._new, True)

    def undo(self) -> None:
        self._save(self._id, *self._old, self._old_by_hand)


class RejectCommand(QUndoCommand):
    """"Not an attribution": the quote is rejected in the library (kept there for the record)."""

    def __init__(self, save: SaveRejection, quote_id: int, text: str) -> None:
        super().__init__(f"Not an Attribution: “{_excerpt(text)}”")
        self._save, self._id = save, quote_id

    def redo(self) -> None:
        self._save(self._id, True)

    def undo(self) -> None:
        self._save(self._id, False)


class AddQuoteCommand(QUndoCommand):
    """An attribution added from a text selection; undo rejects it, redo restores the same quote."""

    def __init__(self, add: SaveNewQuote, reject: RejectNewQuote, new: NewQuote, text: str) -> None:
        super().__init__(f"Add Attribution: “{_excerpt(text)}”")
        self._add, self._reject, self.new = add, reject, new
        self._added = False

    def redo(self) -> None:
        if self._added:
            self._reject(self.new, False)
        else:
            self._added = True
            self._add(self.new)

    def undo(self) -> None:
        self._reject(self.new, True)
