"""Part of a CPU-bound job done in a forked process, on the machine's second core.

Checking a whole edition spends most of its time in pure Python that one process runs on one
core: repairing the text, loading the proofreading models, then the misused-character model
judging each run of Han characters. Where the platform forks safely (Linux, no other Python
thread running, called from the main thread, no Qt loaded), `start` begins a job in a child that
starts with the parent's memory (the models loaded once, shared copy-on-write), for the parent to
collect when it needs the answer, and `alongside` runs one job in a child while the parent runs
another; the child sends its answer back pickled through a pipe. Anywhere else, or if the child fails for
any reason (bad input included: the caller then meets the error itself, with its clear message),
the caller does that part itself: the result is the same, only slower. Nothing the child does
reaches the user but what its job logs (no traceback, no exit handlers: it ends with `os._exit`).
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")
S = TypeVar("S")


def can_fork() -> bool:
    """Whether a second process may be forked here: Linux (a fork on macOS may break system
    frameworks, Windows has none), two cores or more, this the process's only Python thread, and
    no Qt in it (the GUI's own threads: the GUI checks in a worker process of its own instead)."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2
            and threading.current_thread() is threading.main_thread() and threading.active_count() == 1
            and "PySide6.QtCore" not in sys.modules)


def _spawn(job: Callable[[], Any]) -> tuple[int, int] | None:
    """(pid, read end of its pipe) of a forked child computing job(), or None if none could be forked."""
    try:
        r, w = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:                                   # the child: compute, send, leave
        code = 1
        try:
            os.close(r)
            data = pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:
            os._exit(code)                         # (no exit handlers, no flushing the parent's buffers)
    os.close(w)
    return pid, r


def _collect(child: tuple[int, int]) -> Any | None:
    """The child's answer, or None if it failed."""
    pid, r = child
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and data:
        return pickle.loads(data)
    return None


def _abandon(child: tuple[int, int]) -> None:
    """Stop a child whose answer is no longer wanted (the parent's own part failed)."""
    pid, r = child
    os.close(r)
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


class Child:
    """A job running in a forked child (`start`): `result` waits for its answer, None if it failed;
    `cancel` stops it when the answer is no longer wanted."""

    def __init__(self, handle: tuple[int, int]):
        self._handle: tuple[int, int] | None = handle
        self._value: Any | None = None

    def result(self) -> Any | None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            self._value = _collect(handle)
        return self._value

    def cancel(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            _abandon(handle)


def start(job: Callable[[], Any]) -> Child | None:
    """job() begun in a forked child, where a process may be forked (`can_fork`), else None."""
    handle = _spawn(job) if can_fork() else None
    return Child(handle) if handle is not None else None


def _with_child(child: tuple[int, int] | None, here: Callable[[], R]) -> tuple[Any | None, R]:
    if child is None:
        return None, here()
    try:
        result = here()
    except BaseException:
        _abandon(child)
        raise
    return _collect(child), result


def alongside(there: Callable[[], S], here: Callable[[], R]) -> tuple[S | None, R]:
    """(there() computed by a forked child, or None where none could be forked or it failed,
    here() computed in this process at the same time)."""
    return _with_child(_spawn(there) if can_fork() else None, here)
