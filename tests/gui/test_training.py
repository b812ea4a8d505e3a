"""The training panel (``gui.training``): its answer buttons on a projector."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from attribview.core.exercise import NARRATION, Exercise, GroupInfo, ReferenceSentence
from attribview.gui.training import TrainingPanel, TrainingSession


def test_a_pressed_answer_shows_black_on_a_projector(qtbot: QtBot) -> None:
    mayor = GroupInfo("mayor", "Mayor", "#F0E442")
    exercise = Exercise("Drill", "Tilda Brenn said so. Rain fell.", None, (mayor,),
                        (ReferenceSentence(0, 20), ReferenceSentence(21, 31)))
    session = TrainingSession(exercise, origin="a file", current=0)
    session.toggle(0, "mayor")
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.set_presentation(1.5, True)
    panel.resize(320, 520)
    panel.show()
    pressed, other = (panel.buttons[g].grab().toImage() for g in ("mayor", NARRATION))
    assert panel.buttons["mayor"].isChecked() and not panel.buttons[NARRATION].isChecked()
    assert pressed.pixelColor(pressed.width() - 12, pressed.height() // 2).lightness() < 60
    assert other.pixelColor(other.width() - 12, other.height() // 2).lightness() > 200
