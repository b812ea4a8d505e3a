"""Undoable edits of the verification desk: each one writes to the library, both ways.

A command holds the value before and after; redo saves the new value and undo saves the old one, through
the window's worker, so the library's history records the undo as a change like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from attribview.gui.status import status_label

#: (quote id, status or None, note or None, evidence or None): saves what is not None.
SaveVerification = Callable[[int, str | None, str | None, Sequence[str] | None], None]
#: (quote id, speaker, group).
SaveSpeaker = Callable[[int, str | None, str | None], None]


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


class EvidenceCommand(QUndoCommand):
    def __init__(self, save: SaveVerification, quote_id: int, old: Sequence[str], new: Sequence[str]) -> None:
        super().__init__("Edit Evidence")
        self._save, self._id, self._old, self._new = save, quote_id, tuple(old), tuple(new)

    def redo(self) -> None:
        self._save(self._id, None, None, self._new)

    def undo(self) -> None:
        self._save(self._id, None, None, self._old)


class SpeakerCommand(QUndoCommand):
    def __init__(self, save: SaveSpeaker, quote_id: int, old: tuple[str | None, str | None],
                 new: tuple[str | None, str | None]) -> None:
        super().__init__(f"Reassign to {new[0] or 'unknown speaker'}")
        self._save, self._id, self._old, self._new = save, quote_id, old, new

    def redo(self) -> None:
        self._save(self._id, *self._new)

    def undo(self) -> None:
        self._save(self._id, *self._old)
