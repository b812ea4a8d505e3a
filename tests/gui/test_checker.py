"""The checker's name: asked once on the first change, kept in the settings, editable from the menu,
and recorded in the history and the exports instead of the login name."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from attribview.core.library import Library
from attribview.gui.checker import SETTING
from attribview.gui.main_window import MainWindow

SLOW = 60_000


def _answer(window: MainWindow, name: str | None, asked: list[str]) -> None:
    """Answer the checker dialog as soon as it is open (None: cancel it)."""
    def reply() -> None:
        dialog = window.checker.dialog
        if dialog is None:
            QTimer.singleShot(10, reply)
            return
        asked.append(dialog.textValue())
        if name is None:
            dialog.reject()
        else:
            dialog.setTextValue(name)
            dialog.accept()
    QTimer.singleShot(0, reply)


def _set_status(qtbot: QtBot, window: MainWindow, index: int, status: str) -> int:
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(index)
    combo = window.detail.verification.status_combo
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        combo.setCurrentIndex(combo.findData(status))
        combo.activated.emit(combo.findData(status))
    assert window.detail.quote_id is not None
    return window.detail.quote_id


def test_the_name_is_asked_once_and_recorded(qtbot: QtBot, desk: MainWindow, library_file: Path) -> None:
    desk.settings.remove(SETTING)
    asked: list[str] = []
    _answer(desk, "  Ana   Lisova ", asked)
    first = _set_status(qtbot, desk, 0, "verified")
    assert asked == [""] and desk.settings.value(SETTING) == "Ana Lisova"
    second = _set_status(qtbot, desk, 1, "disputed")  # no dialog this time: the test would hang
    assert len(asked) == 1
    history = desk.detail.verification.history_texts()
    assert any(text.split("\n")[0].endswith("· Ana Lisova") for text in history)
    with Library.open(library_file) as library:
        assert {h.who for q in (first, second) for h in library.quote_history(q)} == {"Ana Lisova"}
        exported = json.loads(library.export("json"))
    checked = [q["verification"]["checked_by"] for a in exported["articles"] for q in a["quotes"]
               if q["verification"] and q["verification"]["checked_at"]]
    assert len(checked) == 2 and set(checked) == {"Ana Lisova"}


def test_the_name_is_edited_from_the_menu_and_cancel_keeps_it(qtbot: QtBot, desk: MainWindow,
                                                               library_file: Path) -> None:
    asked: list[str] = []
    before = str(desk.settings.value(SETTING))
    _answer(desk, None, asked)
    desk.checker_action.trigger()
    assert asked == [before] and desk.settings.value(SETTING) == before  # cancelled: unchanged
    _answer(desk, "Petro Vynnyk", asked)
    desk.checker_action.trigger()
    quote_id = _set_status(qtbot, desk, 0, "verified")
    with Library.open(library_file) as library:
        assert [h.who for h in library.quote_history(quote_id)] == ["Petro Vynnyk"]
