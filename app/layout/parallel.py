"""Use the second core for a command-line export: a forked child does half the work.

Line breaking is most of layout's time and each paragraph is independent, so before the
command-line export lays an edition out, `prebreak` forks: the child breaks the column
flows and sidebars of half the stories (by characters), the parent the other half, and the
child sends its paragraphs back (marshal, plain data) into the parent's cache
(`linebreak.add_paragraphs`). Placement and imposition then find every paragraph ready.
(Writing the PDF is not split so: after layout, copy-on-write of the large heap that both
processes touch costs more than the child saves.)

Same code and fonts in both processes, so the output is the same bytes as in one process;
if the child fails, its share is done here. Only where it is safe and pays: POSIX `fork`, no
other thread running (the GUI never forks), and a core to spare (the load average below the
number of CPUs less one); GALLEY_NO_FORK turns it off.
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

MIN_CHARS = 20_000       # below this a second process costs more than it saves
T = TypeVar("T")


def can_fork() -> bool:
    """POSIX, not turned off, no other thread, and a core to spare (a busy machine gains nothing)."""
    if not hasattr(os, "fork") or os.environ.get("GALLEY_NO_FORK") or threading.active_count() != 1:
        return False
    cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    return cpus >= 2 and busy < cpus - 1


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


def prebreak(edition, grid: Grid) -> bool:
    """Fill the line-breaking cache for all stories' flows, half of them in a child process.

    Returns whether a child helped (False: not worth it, not possible here, or it failed —
    then its stories are simply broken when layout asks for them).
    """
    if edition.char_count < MIN_CHARS or not can_fork():
        return False
    # two halves of about the same number of characters (longest stories first, each to the lighter)
    halves: tuple[list, list] = ([], [])
    load = [0, 0]
    for p in sorted((split_story(s) for s in edition.stories), key=_weight, reverse=True):
        k = 0 if load[0] <= load[1] else 1
        halves[k].append(p)
        load[k] += _weight(p)

    def child():
        linebreak.reset_caches()
        for p in halves[1]:
            _compose(p, grid)
        return linebreak.cached_paragraphs()

    def parent():
        for p in halves[0]:
            _compose(p, grid)

    _, theirs = fork_split(child, parent)
    if theirs is None:
        return False
    linebreak.add_paragraphs(theirs)
    return True
