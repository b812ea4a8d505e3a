"""Recent files: each article opened from a file heads the menu and the welcome screen, once, at most
``MAX_RECENT`` of them, and a recent entry opens its file again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.gui.welcome import PATH_ROLE
from attribview.gui.window.recent import MAX_RECENT

SLOW = 60_000


def _recent_paths(window: MainWindow) -> list[str]:
    listed = window.welcome.recent_list
    return [str(listed.item(row).data(PATH_ROLE)) for row in range(listed.count())]


def test_the_latest_file_heads_the_list_once_and_the_list_is_bounded(window: MainWindow, sample: Document,
                                                                    tmp_path: Path) -> None:
    paths = [tmp_path / f"dispatch-{n}.txt" for n in range(MAX_RECENT + 2)]
    for path in [*paths, paths[3]]:  # the fourth opened again at the end
        window.show_article(replace(sample, path=str(path)))
    expected = [str(paths[3].resolve()), *(str(p.resolve()) for p in reversed(paths) if p != paths[3])]
    assert _recent_paths(window) == expected[:MAX_RECENT]
    assert [action.text() for action in window.recent_menu.actions()] == \
        [Path(p).name for p in expected[:MAX_RECENT]]
    assert window.settings.value("recent_files") == expected[:MAX_RECENT]


def test_a_recent_entry_opens_its_file(qtbot: QtBot, window: MainWindow, sample: Document,
                                       tmp_path: Path) -> None:
    path = tmp_path / "quay & pier.txt"
    path.write_text("Harbour master Oda Linnqvist said the quay would reopen on Monday.\n", encoding="utf-8")
    window.show_article(replace(sample, path=str(path)))
    window.close_article()
    action = window.recent_menu.actions()[0]
    assert action.text() == "quay && pier.txt"  # an ampersand is shown, not taken as a mnemonic
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        action.trigger()
    assert shown.args[0].path == str(path.resolve())
