"""The two workers: a desk action never waits behind an analysis, and closing never waits for one."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.gui.main_window import MainWindow
from attribview.gui.tasks import Lane, TaskManager
from attribview.textio import prepare_text

SLOW = 60_000
#: An invented article, long enough to keep the engine busy while the desk works.
LONG = "Mayor Ilse Varnholt said the Kessin ferry would run again by spring. " * 40


def _held_analysis(analyzer: Analyzer, gate: threading.Event, started: threading.Event,
                   finished: threading.Event) -> object:
    """A real analysis that starts only once ``gate`` opens: the engine lane is busy until then."""
    started.set()
    gate.wait(SLOW / 1000)
    try:
        return analyzer.analyze(prepare_text(LONG))
    finally:
        finished.set()


def test_a_status_change_is_saved_while_an_analysis_runs(qtbot: QtBot, desk: MainWindow) -> None:
    gate, started, finished = threading.Event(), threading.Event(), threading.Event()
    desk.tasks.run(lambda: _held_analysis(desk.analyzer, gate, started, finished),
                   message="Analysing…", on_success=lambda _analysis: None)
    try:
        assert started.wait(SLOW / 1000)
        desk.select_quote(0)
        with qtbot.wait_signal(desk.quote_saved, timeout=SLOW) as saved:
            desk.set_status("verified")
        assert saved.args[0].verification.status == "verified"
        assert not finished.is_set(), "the status change waited for the analysis"
    finally:
        gate.set()


def test_closing_returns_while_an_analysis_runs(qtbot: QtBot, window: MainWindow) -> None:
    gate, started, finished = threading.Event(), threading.Event(), threading.Event()
    results: list[object] = []
    window.tasks.run(lambda: _held_analysis(window.analyzer, gate, started, finished),
                     message="Analysing…", on_success=results.append)
    queued: list[object] = []
    window.tasks.run(lambda: "never run", on_success=queued.append)
    assert started.wait(SLOW / 1000)
    try:
        window.close()  # returns although the analysis is held: nothing waits for it
        assert not window.isVisible() and not finished.is_set()
        assert window.tasks.is_idle()  # nothing left to call back
    finally:
        gate.set()
    assert finished.wait(SLOW / 1000)
    assert window.tasks.wait(SLOW)
    qtbot.wait(50)  # a result would have been delivered by now
    assert results == [] and queued == []  # the running one finished unseen, the queued one never ran


def test_each_outcome_reaches_its_own_typed_callback(qtbot: QtBot) -> None:
    tasks = TaskManager()
    lengths: list[int] = []
    errors: list[BaseException] = []
    tasks.run(lambda: "four", on_success=lambda text: lengths.append(len(text)), lane=Lane.DESK)
    tasks.run(lambda: 1 // 0, on_success=lambda _n: None, on_failure=errors.append)
    qtbot.wait_until(tasks.is_idle, timeout=SLOW)
    assert lengths == [4]
    assert [type(error) for error in errors] == [ZeroDivisionError]
    tasks.shutdown()


def test_waiting_delivers_the_outcomes_of_what_finished(qapp: object) -> None:
    """``wait`` returns with the callbacks run, without an event loop: a test (or the exit) can rely on
    what they did (the outcomes are queued to the manager, not to the relay that carries them)."""
    tasks = TaskManager()
    done = threading.Event()
    seen: list[str] = []
    tasks.run(lambda: done.wait(SLOW / 1000) and "slow", on_success=seen.append, message="Working…")
    tasks.run(lambda: "desk", on_success=seen.append, lane=Lane.DESK)
    done.set()
    assert tasks.wait(SLOW)
    assert sorted(seen) == ["desk", "slow"] and tasks.is_idle() and not tasks.is_busy()
    tasks.shutdown()
