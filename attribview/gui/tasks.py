"""Background work: slow calls (model load, analysis) on a worker thread, results back by signal."""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from attribview.errors import AttribviewError

log = logging.getLogger("attribview.gui.tasks")

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries a task's outcome from the worker thread to the GUI thread (queued signals).

    Signals:
        succeeded: (task id, result)
        failed: (task id, exception)
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    """Runs one callable; never lets an exception escape into Qt's thread (that would abort)."""

    def __init__(self, task_id: int, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._id = task_id
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except BaseException as error:  # reported on the GUI thread, never lost
            if not isinstance(error, AttribviewError):
                log.error("background task failed:\n%s", "".join(traceback.format_exception(error)))
            self._relay.failed.emit(self._id, error)
        else:
            self._relay.succeeded.emit(self._id, result)


class TaskManager(QObject):
    """Runs slow calls one at a time on a private worker thread (Anki's one-worker executor).

    One worker is deliberate: the ``Analyzer`` is thread-compatible, not thread-safe, and the model
    load must finish before the first analysis starts. A second worker runs ``reader`` tasks, which
    touch neither the engine nor the library (reading and decoding a file), so that they never wait
    behind a model load. Callbacks run on the GUI thread.

    Signals:
        busy_changed: (busy, message of the task now running or "")
    """

    busy_changed = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._reader = QThreadPool(self)
        self._reader.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_relay_succeeded)
        self._relay.failed.connect(self._on_relay_failed)
        # task id -> (message, on_success, on_failure), in the order they will run; "" for a quiet task
        self._pending: dict[int, tuple[str, SuccessCallback, FailureCallback | None]] = {}

    def run(self, function: Callable[[], Any], *, message: str, on_success: SuccessCallback,
            on_failure: FailureCallback | None = None, reader: bool = False) -> int:
        """Queue ``function``; ``on_success(result)`` or ``on_failure(error)`` runs on the GUI thread.

        Never touch widgets inside ``function``: it runs on the worker thread. A task with an empty
        ``message`` is quiet (a quick library read or write): it runs in turn but shows no busy state.
        A ``reader`` task runs on the second worker: it must use neither the engine nor the library.
        """
        task_id = next(self._ids)
        self._pending[task_id] = (message, on_success, on_failure)
        (self._reader if reader else self._pool).start(_Task(task_id, function, self._relay))
        if message:
            self._announce()
        return task_id

    def is_busy(self) -> bool:
        """Whether a task that shows a busy state (a model load, an analysis) is queued or running."""
        return any(message for message, _, _ in self._pending.values())

    def is_idle(self) -> bool:
        """Whether no task at all, quiet ones included, is queued or running."""
        return not self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until both workers are idle (at quit and in tests); True when they are."""
        return self._reader.waitForDone(msecs) and self._pool.waitForDone(msecs)

    def _announce(self) -> None:
        first = next((message for message, _, _ in self._pending.values() if message), None)
        self.busy_changed.emit(first is not None, first or "")

    @Slot(int, object)
    def _on_relay_succeeded(self, task_id: int, result: object) -> None:
        entry = self._pending.pop(task_id, None)
        if entry is not None and entry[0]:
            self._announce()
        if entry is not None:
            entry[1](result)

    @Slot(int, object)
    def _on_relay_failed(self, task_id: int, error: BaseException) -> None:
        entry = self._pending.pop(task_id, None)
        if entry is None:
            return
        if entry[0]:
            self._announce()
        if entry[2] is not None:
            entry[2](error)
        elif not isinstance(error, Exception):
            raise error
