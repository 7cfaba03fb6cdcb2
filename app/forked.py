"""Half of a CPU-bound job done in a forked process, on the machine's second core.

Checking a whole edition spends most of its time in one pure-Python stage (the misused-character
model judging each run of Han characters), which one process runs on one core. Where the platform
forks safely (Linux, no other Python thread running, called from the main thread), `halves` runs
the job's second half in a child that starts with the parent's memory (the models loaded once,
shared copy-on-write) while the parent runs the first; the child sends its answer back pickled
through a pipe. Anywhere else, or if the child fails for any reason, the caller does that half
itself: the result is the same, only slower. Nothing the child does reaches the user (no output,
no exit handlers: it ends with `os._exit`).
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Whether a second process may be forked here: Linux (a fork on macOS may break system
    frameworks, Windows has none), two cores or more, this the process's only Python thread, and
    no Qt in it (the GUI's own threads: the GUI checks in a worker process of its own instead)."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2
            and threading.current_thread() is threading.main_thread() and threading.active_count() == 1
            and "PySide6.QtCore" not in sys.modules)


def halves(fn: Callable[[list[T]], R], items: list[T]) -> tuple[R, R | None]:
    """(fn(items[0::2]) computed here, fn(items[1::2]) computed at the same time by a forked child,
    or None where no child could be forked or it failed: the caller computes that half then)."""
    mine, theirs = items[0::2], items[1::2]
    if not theirs or not can_fork():
        return fn(mine), None
    try:
        r, w = os.pipe()
    except OSError:
        return fn(mine), None
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return fn(mine), None
    if pid == 0:                                   # the child: compute, send, leave
        code = 1
        try:
            os.close(r)
            data = pickle.dumps(fn(theirs), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:
            os._exit(code)                         # (no exit handlers, no flushing the parent's buffers)
    os.close(w)
    answer: R | None = None
    try:
        result = fn(mine)
        with os.fdopen(r, "rb") as fh:
            data = fh.read()
        r = -1
        _, status = os.waitpid(pid, 0)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and data:
            answer = pickle.loads(data)
    finally:
        if r >= 0:                                 # interrupted before the child's answer was read
            os.close(r)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
    return result, answer
