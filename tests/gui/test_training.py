"""The training panel (``gui.training``): its answer buttons on a projector."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.exercise import NARRATION, Exercise, GroupInfo, ReferenceSentence
from attribview.core.types import Analysis, Quote, Sentence
from attribview.gui.document import Document, make_document
from attribview.gui.training import TrainingPanel, TrainingSession, exercise_of


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


def test_the_open_article_as_an_exercise_reads_its_profile(analyzer: Analyzer) -> None:
    text = "The regional governor, Ivo Marten, said the ferry at Orvik would run. Rain fell."
    cut = text.index(" Rain")
    said = Quote(start=text.index("the ferry"), end=cut - 1, text="the ferry at Orvik would run",
                 speaker="Ivo Marten", group="ukrainian_military", kind="indirect", confidence=0.9,
                 mention="The regional governor, Ivo Marten")
    analysis = Analysis(text=text, profile="war", quotes=(said,),
                        sentences=(Sentence(0, cut, ("ukrainian_military",)), Sentence(cut + 1, len(text))))
    article = make_document(analysis, analyzer.profiles, title="Ferry")
    exercise = exercise_of(article)  # the description's group (regional officials) accepted too
    local = analyzer.profiles["war"].role_group(said.mention, said.text)
    assert local is not None and local != "ukrainian_military"
    assert exercise.sentences[0].also_ok == ((local,),)


def test_every_answer_button_shows_its_groups_badge(qtbot: QtBot, sample: Document) -> None:
    session = TrainingSession(exercise_of(sample), origin="the open article")
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    sizes = {button.iconSize().toTuple() for button in panel.buttons.values()}
    assert len(sizes) == 1  # one width: the labels line up
    font = QFont(panel.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 0.85)  # the legend's badge font
    widest = max(QFontMetrics(font).horizontalAdvance(g.badge) for g in sample.groups)
    width, _height = sizes.pop()
    assert width >= widest + 8, "a swatch without the group's mark"
    for group in session.exercise.groups:
        style = sample.group(group.id)
        assert style is not None and group.mark == style.badge
        assert not panel.buttons[group.id].icon().isNull()
        assert group.label in panel.buttons[group.id].text()  # the label in full beside it
