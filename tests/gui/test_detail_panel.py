"""The detail panel: the speaker a checker typed comes back with the other fields a conflict kept unsaved, and
the hint shown without a quote is never left scrolled out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from attribview.gui.detail_panel import DetailPanel
from attribview.gui.document import Document
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


def test_the_hint_is_in_sight_when_no_quote_is_shown_after_scrolling_a_long_one(
        qtbot: QtBot, sample: Document) -> None:
    panel = DetailPanel()
    area = QScrollArea()  # as the window holds it: the side column scrolls rather than clips
    area.setWidgetResizable(True)
    area.setWidget(panel)
    area.resize(360, 240)
    qtbot.addWidget(area)
    area.show()
    panel.set_article(sample)
    panel.show_quote(0)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # down to the history
    panel.show_quote(None)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() == 0)
    assert area.verticalScrollBar().maximum() == 0  # only the hint: nothing to scroll to
