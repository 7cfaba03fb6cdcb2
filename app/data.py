"""Where Galley's own data files are: the one lookup that every module of app/ and ui/ uses.

The data ship inside the installed package, in `galley.resources` (word lists, models, the
translation catalogue, the sample edition) and `galley.layouts` (page grids, composition
rules). In a source checkout these are the folders resources/ and layouts/ (see
galley/__init__.py); in a wheel they are inside site-packages/galley/; in the PyInstaller
bundle inside _internal/galley/. importlib.resources finds them in all three.
"""
from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import marshal
import threading
from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_kept = contextlib.ExitStack()
atexit.register(_kept.close)


def _path(package: str, parts: tuple[str, ...]) -> Path:
    # A real path: fonts, the translation catalogue and reportlab need one. For a package on disk
    # (every way Galley is installed) as_file gives the file itself; otherwise a temporary copy
    # kept until the program exits.
    return _kept.enter_context(as_file(files(package).joinpath(*parts)))


def resource(*parts: str) -> Path:
    """A file or folder of resources/, e.g. resource("proof", "rules.toml")."""
    return _path("galley.resources", parts)


def layouts(*parts: str) -> Path:
    """A file of layouts/ (or the folder itself with no arguments)."""
    return _path("galley.layouts", parts)


_paused = 0
_was_enabled = True
_pause_lock = threading.Lock()


@contextlib.contextmanager
def gc_paused():
    """The cyclic garbage collector held off while a large table is read (jieba's dictionary, the
    proofreading models): their dicts, strings and numbers hold no cycles, yet the allocations set
    off collections that scan them again and again (a tenth of a second of a cold check on
    edition16). Pauses nest and may overlap across threads; the collector runs again when the last
    one ends, if it ran before the first."""
    global _paused, _was_enabled
    with _pause_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()



def loaded_once(load: Callable[[], T]) -> Callable[[], T]:
    """`load` made into the process's one copy of what it reads (a model, jieba's tokenizer): run
    once, by one thread at a time, then kept. A None (the resource is missing) is not kept, so a
    later call looks again."""
    lock = threading.Lock()
    kept: list = []

    @functools.wraps(load)
    def get():
        if not kept:
            with lock:
                if not kept:
                    got = load()
                    if got is None:
                        return None
                    kept.append(got)
        return kept[0]
    return get


def read_marshal(path: Path):
    """The data of a marshal file (the proofreading models), read with the collector held off;
    None when the file is missing."""
    if not path.is_file():
        return None
    with gc_paused():
        return marshal.loads(path.read_bytes())
