"""The detail panel: the speaker a checker typed comes back with the other fields a conflict kept unsaved."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from attribview.gui.detail_panel import DetailPanel
from attribview.gui.verification_box import Unsaved


def test_a_conflict_puts_the_typed_speaker_back_and_says_so(qtbot: QtBot) -> None:
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_conflict("Changed by Ola Brekke.", Unsaved(note="mine", speaker="Harbourmaster Tove Lind"))
    assert panel.speaker_edit.text() == "Harbourmaster Tove Lind"
    assert "Your note and speaker is kept below, unsaved" in panel.verification.conflict_label.text()


def test_without_a_conflict_nothing_typed_is_put_back(qtbot: QtBot) -> None:
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_conflict(None, Unsaved(speaker="Harbourmaster Tove Lind"))
    assert panel.speaker_edit.text() == ""
    assert panel.verification.conflict_label.isHidden()
