"""Break an edition's text on two cores: a forked helper process composes every other story.

Line breaking is most of layout's time and each paragraph is independent, so before the
command-line export lays an edition out, `prebreak` forks (POSIX only): the child breaks the
column flows and sidebars of every other story, the parent the rest, and the child sends its
paragraphs back (marshal, plain data) into the parent's cache (`linebreak.add_paragraphs`).
Placement and imposition then find every paragraph ready. Same code, same fonts, so the same
lines as breaking them all in one process; if anything goes wrong with the child, the parent
simply breaks the rest itself. Not for the GUI: a process with threads must not fork.
"""
from __future__ import annotations

import contextlib
import marshal
import os

from app.layout import linebreak
from app.layout.compose import compose_flow, sidebar_measure, split_story
from app.layout.grid import Grid

MIN_CHARS = 20_000       # below this a second process costs more than it saves


def _compose(parts, grid: Grid) -> None:
    compose_flow(parts.flow, grid, grid.column_width)
    if parts.sidebar:
        compose_flow(parts.sidebar, grid, sidebar_measure(grid), boxed=True)


def prebreak(edition, grid: Grid) -> bool:
    """Fill the line-breaking cache for all stories' flows, half of them in a child process.

    Returns whether a child helped (False: not worth it, or no fork on this system).
    """
    if not hasattr(os, "fork") or os.environ.get("GALLEY_NO_FORK") or (os.cpu_count() or 1) < 2:
        return False
    if edition.char_count < MIN_CHARS:
        return False
    parts = [split_story(s) for s in edition.stories]
    try:
        r, w = os.pipe()
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:                                   # the child: its half, then its results, then gone
        code = 1
        try:
            os.close(r)
            linebreak.reset_caches()
            for p in parts[1::2]:
                _compose(p, grid)
            data = marshal.dumps(linebreak.cached_paragraphs())
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:                                   # whatever happened: never return into the caller
            os._exit(code)
    os.close(w)
    data = b""
    try:
        for p in parts[0::2]:
            _compose(p, grid)
    finally:
        with contextlib.suppress(OSError), os.fdopen(r, "rb") as fh:
            data = fh.read()
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, 0)
    try:
        linebreak.add_paragraphs(marshal.loads(data))
    except (EOFError, ValueError, TypeError):      # the child failed: its stories are broken on demand
        return False
    return True
