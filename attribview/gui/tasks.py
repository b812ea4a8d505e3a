"""Background work: slow calls on worker threads, each result handed to a typed callback on the GUI thread.

Two lanes, each one thread that runs its calls in order: ``WORK`` for the engine and long jobs (the model
load, analyses, exports) and ``DESK`` for the library's opening and closing and what a key press asks (a
status, a note, a correction, a quote's details, the library's list, reading a file's text), so that a
status change never waits behind an analysis. The threads are daemons: closing the window drops what is
still queued on ``WORK`` and leaves a running call to finish on its own, its result unseen.
"""

from __future__ import annotations

import enum
import itertools
import logging
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from attribview.errors import AttribviewError

log = logging.getLogger("attribview.gui.tasks")

T = TypeVar("T")
FailureCallback = Callable[[BaseException], None]


class Lane(enum.Enum):
    """Which worker thread runs a call."""

    WORK = "work"  # the engine and the long jobs, one at a time (the Analyzer is not thread-safe)
    DESK = "desk"  # quick library reads and writes, and reading files: never behind an analysis


@dataclass(frozen=True)
class _Job(Generic[T]):
    """One call and where its outcome goes; ``message`` non-empty shows a busy state while it is pending."""

    id: int
    function: Callable[[], T]
    message: str
    on_success: Callable[[T], None]
    on_failure: FailureCallback | None


class _Relay(QObject):
    """Carries an outcome from a worker thread to the GUI thread (a queued signal).

    Signals:
        finished: (job id, whether it succeeded, its result or its exception)
    """

    finished = Signal(int, bool, object)


class _Worker:
    """One daemon thread running jobs in the order they were queued."""

    def __init__(self, name: str, relay: _Relay) -> None:
        self._relay = relay
        self._jobs: queue.SimpleQueue[_Job[Any] | None] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._queued = 0
        self._dropping = False  # after shutdown(drop=True): queued jobs are skipped
        self._detached = False  # after shutdown(): outcomes are no longer reported
        self._thread = threading.Thread(target=self._loop, name=f"attribview-{name}", daemon=True)
        self._thread.start()

    def submit(self, job: _Job[Any]) -> None:
        with self._idle:
            self._queued += 1
        self._jobs.put(job)

    def wait(self, msecs: int) -> bool:
        """Block until every queued job has run (-1: however long it takes); True when idle."""
        with self._idle:
            return self._idle.wait_for(lambda: self._queued == 0, None if msecs < 0 else msecs / 1000)

    def shutdown(self, *, drop: bool) -> None:
        """Stop after the queue (or, with ``drop``, after the running job); report nothing more."""
        self._dropping = drop
        self._detached = True
        self._jobs.put(None)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            if not self._dropping:
                self._run(job)
            with self._idle:
                self._queued -= 1
                self._idle.notify_all()

    def _run(self, job: _Job[Any]) -> None:
        try:
            result = job.function()
        except BaseException as error:  # reported on the GUI thread, never lost
            if self._detached:
                log.debug("a task finished after the window closed: %s", error)
            elif not isinstance(error, AttribviewError):
                log.error("background task failed:\n%s", "".join(traceback.format_exception(error)))
            self._report(job.id, False, error)
        else:
            self._report(job.id, True, result)

    def _report(self, job_id: int, succeeded: bool, outcome: object) -> None:
        if self._detached:
            return
        try:
            self._relay.finished.emit(job_id, succeeded, outcome)
        except RuntimeError:  # the window (and its relay) went away while the job ran
            log.debug("task %d finished after its window was deleted", job_id)


class TaskManager(QObject):
    """Runs slow calls on two worker threads (see the module); callbacks run on the GUI thread.

    Signals:
        busy_changed: (busy, message of the first pending task that shows one, or "")
    """

    busy_changed = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._workers = {lane: _Worker(lane.value, self._relay) for lane in Lane}
        self._ids = itertools.count(1)
        self._pending: dict[int, _Job[Any]] = {}  # in the order they were queued
        self._closed = False

    def run(self, function: Callable[[], T], *, on_success: Callable[[T], None],
            on_failure: FailureCallback | None = None, message: str = "", lane: Lane = Lane.WORK) -> int:
        """Queue ``function`` on ``lane``; ``on_success(result)`` or ``on_failure(error)`` follows on the
        GUI thread (neither after :meth:`shutdown`).

        Never touch widgets inside ``function``: it runs on a worker thread. A task with an empty
        ``message`` is quiet (a quick library read or write): it shows no busy state. A ``DESK`` task must
        not use the engine. Without ``on_failure``, an error that is not an ``Exception`` is raised again.
        """
        job = _Job(next(self._ids), function, message, on_success, on_failure)
        if self._closed:
            return job.id
        self._pending[job.id] = job
        self._workers[lane].submit(job)
        if message:
            self._announce()
        return job.id

    def is_busy(self) -> bool:
        """Whether a task that shows a busy state (a model load, an analysis) is queued or running."""
        return any(job.message for job in self._pending.values())

    def is_idle(self) -> bool:
        """Whether no task at all, quiet ones included, waits for its callback."""
        return not self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until both workers are idle, then deliver their outcomes (in tests, and at exit)."""
        idle = all(worker.wait(msecs) for worker in self._workers.values())
        if QThread.currentThread() is self.thread():
            QCoreApplication.sendPostedEvents(self)  # the callbacks of what just finished (queued to self)
        return idle

    def wait_desk(self, msecs: int = -1) -> bool:
        """Block until the desk worker is idle: the library opened or closed and its last saves written
        (at exit: they are quick, and a migration must not be cut short)."""
        return self._workers[Lane.DESK].wait(msecs)

    def shutdown(self) -> None:
        """At close: drop what waits on ``WORK`` (a running call finishes detached), let ``DESK`` write
        what it was given, and call back nothing more. Returns at once."""
        self._closed = True
        self._pending.clear()
        self._workers[Lane.WORK].shutdown(drop=True)
        self._workers[Lane.DESK].shutdown(drop=False)
        self.busy_changed.emit(False, "")

    def _announce(self) -> None:
        first = next((job.message for job in self._pending.values() if job.message), None)
        self.busy_changed.emit(first is not None, first or "")

    @Slot(int, bool, object)
    def _on_finished(self, job_id: int, succeeded: bool, outcome: object) -> None:
        job = self._pending.pop(job_id, None)
        if job is None:  # after shutdown
            return
        if job.message:
            self._announce()
        if succeeded:
            job.on_success(outcome)
        elif job.on_failure is not None:
            assert isinstance(outcome, BaseException)
            job.on_failure(outcome)
        elif isinstance(outcome, BaseException) and not isinstance(outcome, Exception):
            raise outcome
