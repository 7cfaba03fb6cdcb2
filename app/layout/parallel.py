"""Use the second core for a command-line export: a forked child does half the line breaking.

Line breaking is most of layout's time and each paragraph is independent. So the command-line
export forks before it loads the edition (`load_and_prebreak`): parent and child both load
it, each breaks the column flows and sidebars of half the stories (by characters), and the
child sends its paragraphs back (marshal, plain data) into the parent's cache
(`linebreak.add_paragraphs`); placement and imposition then find every paragraph ready.
Forking before the load keeps copy-on-write small: forked after it, every object both
processes touch (CPython writes reference counts) is copied, and the child saved nothing.

Same code, input and fonts in both processes, so the output is the same bytes as in one
process; if the child fails, its stories are broken here when layout asks for them. Only
where it is safe and pays: POSIX `fork`, no other thread running (the GUI never forks), and a
core to spare (fewer other processes running than CPUs less one); GALLEY_NO_FORK turns it off.
"""
from __future__ import annotations

import contextlib
import marshal
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from app.layout import linebreak
from app.layout.compose import compose_flow, sidebar_measure, split_story
from app.layout.grid import Grid

MIN_BYTES = 60_000       # an input file smaller than this is not worth a second process
LOADAVG = "/proc/loadavg"
T = TypeVar("T")


def busy_elsewhere() -> float:
    """How many CPUs other processes keep busy right now.

    Linux: the tasks running at this moment (/proc/loadavg, ourselves not counted); elsewhere
    the one-minute load average, which also counts recent runs of our own.
    """
    try:
        with open(LOADAVG, encoding="ascii") as fh:
            return max(0, int(fh.read().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0]
    except (OSError, AttributeError):
        return 0.0


def can_fork() -> bool:
    """POSIX, not turned off, no other thread, and a core to spare (a busy machine gains nothing)."""
    if not hasattr(os, "fork") or os.environ.get("GALLEY_NO_FORK") or threading.active_count() != 1:
        return False
    cpus = os.cpu_count() or 1
    return cpus >= 2 and busy_elsewhere() < cpus - 1


def fork_split(child: Callable[[], Any], parent: Callable[[], T]) -> tuple[T, Any]:
    """Run `child` in a forked process while `parent` runs here; (parent's result, child's result).

    The child's result travels as marshal data (plain values only). It is None when no child
    could run or it failed: the caller then does the child's share itself.
    """
    if not can_fork():
        return parent(), None
    try:
        r, w = os.pipe()
        pid = os.fork()
    except OSError:
        return parent(), None
    if pid == 0:                                   # the child: its share, its result, then gone
        code = 1
        try:
            os.close(r)
            data = marshal.dumps(child())
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:                                   # whatever happened: never return into the caller
            os._exit(code)
    os.close(w)
    data = b""
    try:
        mine = parent()
    finally:
        with contextlib.suppress(OSError), os.fdopen(r, "rb") as fh:
            data = fh.read()
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, 0)
    try:
        return mine, marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return mine, None


def _compose(parts, grid: Grid) -> None:
    compose_flow(parts.flow, grid, grid.column_width)
    if parts.sidebar:
        compose_flow(parts.sidebar, grid, sidebar_measure(grid), boxed=True)


def _weight(parts) -> int:
    return sum(len(el.text) for _, el in parts.flow) + sum(len(el.text) for _, el in parts.sidebar)


def _halves(edition) -> tuple[list, list]:
    """Two halves of about the same number of characters (longest first, each to the lighter)."""
    halves: tuple[list, list] = ([], [])
    load = [0, 0]
    for p in sorted((split_story(s) for s in edition.stories), key=_weight, reverse=True):
        k = 0 if load[0] <= load[1] else 1
        halves[k].append(p)
        load[k] += _weight(p)
    return halves


def load_and_prebreak(load: Callable[[], Any], grid: Grid, size: int | None = None) -> tuple[Any, bool]:
    """`load()` the edition and fill the line-breaking cache for its stories' flows.

    With a core to spare, a child forked before anything large is in memory (so little is
    copied) loads the same edition alongside and breaks half of the stories; this process
    breaks the other half and takes the child's paragraphs. `size`: the input file's bytes
    (a small file is not worth a process; None, unknown: no child). Returns (edition,
    whether a child helped).
    """
    if size is None or size < MIN_BYTES or not can_fork():
        return load(), False

    def child():
        linebreak.reset_caches()
        edition = load()
        for p in _halves(edition)[1]:
            _compose(p, grid)
        return linebreak.cached_paragraphs()

    def parent():
        edition = load()
        for p in _halves(edition)[0]:
            _compose(p, grid)
        return edition

    edition, theirs = fork_split(child, parent)
    if theirs is None:
        return edition, False
    linebreak.add_paragraphs(theirs)
    return edition, True
