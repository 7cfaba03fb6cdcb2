"""The GUI side of the background process: submit a job with a callback, results come back by timer.

One `JobHub` per window owns the `JobProcess` (ui.layout_process). Consumers (the page
view, the document's proofreading) submit jobs with a callback; a result whose consumer
has gone or cancelled is dropped.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from galley.ui.layout_process import JobProcess, next_number


class JobHub(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.process = JobProcess()
        self._callbacks: dict[int, Callable] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self.poll)
        self.closed = False

    def start(self) -> None:
        """Start the process early so it warms up while the user looks around."""
        try:
            self.process.start()
        except OSError:
            pass

    def submit(self, kind: str, *payload, callback: Callable) -> int:
        n = next_number()
        self.process.submit((kind, n, *payload))
        self._callbacks[n] = callback
        self._timer.start()
        return n

    def cancel(self, number: int | None) -> None:
        self._callbacks.pop(number, None)

    def pending(self, number: int | None) -> bool:
        return number in self._callbacks

    def poll(self) -> None:
        while True:
            got = self.process.poll()
            if got is None:
                break
            n, result, error = got
            if n == -1:  # the process died: every consumer hears it
                callbacks, self._callbacks = list(self._callbacks.values()), {}
                for cb in callbacks:
                    cb(None, error)
                break
            cb = self._callbacks.pop(n, None)
            if cb is not None:
                cb(result, error)
        if not self._callbacks:
            self._timer.stop()

    def wait(self, number: int | None, timeout: float = 60.0) -> None:
        """Block until job `number` has been answered (tests, screenshots, benchmarks)."""
        end = time.monotonic() + timeout
        while number in self._callbacks and time.monotonic() < end:
            self.poll()
            if number in self._callbacks:
                time.sleep(0.005)

    def close(self) -> None:
        self.closed = True
        self._timer.stop()
        self._callbacks.clear()
        self.process.close()
