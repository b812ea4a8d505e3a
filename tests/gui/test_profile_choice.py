"""The status bar names the open article's profile, and choosing another analyses the article again with
it on the engine's worker, keeping its checks."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from attribview.core.library import Library
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.gui.profile_choice import NO_PROFILE_LABEL
from tests.gui.conftest import open_in_library

SLOW = 60_000
#: An invented wire report, too short for the war profile to be chosen by its content.
ARTICLE = ('"Our units repelled three attacks near Veldorf," the Ukrainian General Staff said on '
           "Tuesday.\n\nThe Russian defence ministry said its forces had taken the village of Kessin.\n")


def test_status_bar_names_the_active_profile(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert sample.profile_label and sample.profile_automatic  # chosen by its content
    assert window.profile_choice.isVisibleTo(window)
    assert window.profile_choice.text() == f"Profile: {sample.profile_label} (automatic)".replace("&", "&&")
    offered = window.profile_choice.actions_by_profile
    assert set(offered) == {"auto", *sample.profiles, "none"}
    entries = [action.data() for action in window.profile_choice.menu().actions() if action.isCheckable()]
    assert entries[:1] == ["auto"]  # the first entry
    assert offered["auto"].text() == f"Automatic ({sample.profile_label})".replace("&", "&&")
    assert offered["none"].text() == NO_PROFILE_LABEL
    assert [p for p, action in offered.items() if action.isChecked()] == ["auto"]
    chosen = make_document(replace(sample.analysis, profile=None), sample.profiles, title="by hand")
    window.show_article(chosen)  # read without the profile its content is given
    offered = window.profile_choice.actions_by_profile
    assert [p for p, action in offered.items() if action.isChecked()] == ["none"]
    assert window.profile_choice.text() == "Profile: none"
    window.close_article()
    assert not window.profile_choice.isVisibleTo(window)


def test_another_profile_analyses_the_article_again_and_keeps_its_checks(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, library_file: Path) -> None:
    path = tmp_path / "front.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_in_library(qtbot, window, path)
    before = window.document
    assert before is not None and before.analysis.profile is None and before.stored
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.set_status("verified")
    checked_id = before.rows[0].id

    gate = threading.Event()  # the engine's lane held: the choice waits there, the window does not
    window.tasks.run(lambda: gate.wait(3 * SLOW / 1000), message="Busy…", on_success=lambda _r: None)
    try:
        window.profile_choice.actions_by_profile["war"].trigger()
        shown_now = window.document
        assert window.tasks.is_busy() and shown_now is not None and shown_now.analysis.profile is None
    finally:
        gate.set()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        pass
    war = shown.args[0]
    assert isinstance(war, Document) and war.analysis.profile == "war" and war.article_id == before.article_id
    label = war.profiles["war"].label
    assert window.profile_choice.text() == f"Profile: {label}"
    assert window.status_label.text() == f"Analysed again with the profile {label}."
    assert {q.group for q in war.analysis.quotes} <= {g.id for g in war.profiles["war"].groups}
    with Library.open(library_file) as library:
        (entry,) = library.progress()
        assert entry.article.profile == "war"
        assert library.verification(checked_id).status == "verified"  # the check is kept
    assert window.document is not None and window.document.rows[0].status == "verified"

    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        window.profile_choice.actions_by_profile["none"].trigger()
    again = shown.args[0]
    assert isinstance(again, Document) and again.analysis.profile is None
    assert window.profile_choice.text() == "Profile: none (automatic)"  # too short for any by content


def _checked(window: MainWindow) -> list[str]:
    return [p for p, action in window.profile_choice.actions_by_profile.items() if action.isChecked()]


def _analysed_again(qtbot: QtBot, window: MainWindow, choice: str) -> Document:
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        window.profile_choice.actions_by_profile[choice].trigger()
    article = shown.args[0]
    assert isinstance(article, Document)
    return article


def test_automatic_goes_back_to_the_profile_the_content_is_given_and_keeps_the_checks(
        qtbot: QtBot, desk: MainWindow, library_file: Path) -> None:
    window = desk
    first = window.document
    assert first is not None and first.analysis.profile == "war" and _checked(window) == ["auto"]
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.set_status("verified")
    checked_id = first.rows[0].id

    by_mistake = _analysed_again(qtbot, window, "none")
    assert by_mistake.analysis.profile is None and not by_mistake.profile_automatic
    assert _checked(window) == ["none"]

    back = _analysed_again(qtbot, window, "auto")
    label = back.profiles["war"].label
    assert back.analysis.profile == "war" and back.profile_automatic and back.article_id == first.article_id
    assert _checked(window) == ["auto"]
    assert window.profile_choice.text() == f"Profile: {label} (automatic)".replace("&", "&&")
    assert window.status_label.text() == f"Analysed again with the automatic choice, the profile {label}."
    with Library.open(library_file) as library:
        assert library.verification(checked_id).status == "verified"  # the check is kept
    index = back.index_of(checked_id)
    assert index is not None and back.rows[index].status == "verified"

    # the automatic choice asked again, or its profile by name: nothing to do, the tick stays
    window.profile_choice.actions_by_profile["war"].trigger()
    window.profile_choice.actions_by_profile["auto"].trigger()
    assert not window.tasks.is_busy() and window.document is back and _checked(window) == ["auto"]
