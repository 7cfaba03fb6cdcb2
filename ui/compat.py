"""Work-arounds for bugs in the Qt binding, applied once when `ui` is imported.

PySide6 6.12.0 on Python 3.11 releases a reference to `None` on every call of a Qt method
that returns nothing (setText, setPen, resize, ...): after a few thousand calls None's
reference count reaches zero and the interpreter aborts ("none_dealloc"), at the latest
when it exits. Python 3.12 made None immortal, which hides the bug; here we do the same by
giving None a reference count no program can use up. Harmless with fixed versions.
"""
from __future__ import annotations

import ctypes
import sys


def make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # 3.12+: already; debug builds: skip
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < 1 << 40:
        refcnt.value += 1 << 40


make_none_immortal()
