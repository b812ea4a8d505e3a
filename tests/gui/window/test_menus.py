"""The menus: every entry is named, and no key is claimed by two actions (Qt would then run neither)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from attribview.gui.main_window import MainWindow


def _menu_actions(window: MainWindow) -> list[QAction]:
    """Every entry of every menu (submenus included), separators and submenus left out."""
    return [action for menu in window.findChildren(QMenu) for action in menu.actions()
            if not action.isSeparator() and action.menu() is None]


def test_every_menu_entry_is_named(window: MainWindow) -> None:
    actions = _menu_actions(window)
    assert len(actions) > 30
    assert [action for action in actions if not action.text().strip()] == []


def test_no_key_belongs_to_two_actions(window: MainWindow) -> None:
    actions = {id(action): action for action in [*window.actions(), *_menu_actions(window)]}.values()
    keys = Counter(key for action in actions for key in {k.toString() for k in action.shortcuts()})
    assert keys and [key for key, count in keys.items() if count > 1] == []


def test_a_key_listed_twice_on_one_action_still_runs_it(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+- is both Qt's Zoom Out and the key named for other platforms: one shortcut, not an
    ambiguous pair that Qt would refuse to run."""
    assert all(len(a.shortcuts()) == len({k.toString() for k in a.shortcuts()}) for a in window.actions())
    before = window.text_scale
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_scale < before
