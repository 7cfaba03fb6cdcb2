"""Word segmentation for the rules that need word boundaries (repeats, misused words).

jieba is loaded lazily on first use and kept for the process; each paragraph is segmented
at most once (the `Para.words` cache), and only when a rule asks for it.
"""
from __future__ import annotations

import logging
import marshal
import re
import threading

# what jieba itself keeps together before segmenting (its re_han_default)
BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]")
MAX_BLOCK = 40

_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = _import_jieba()
                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                _cache_in_our_folder(tk, jieba)
                # jieba reads its cache with marshal.load(file), which reads the file object by object:
                # three times slower than marshal.loads of the whole file (0.55 → 0.18 s of a cold check)
                mod = jieba.marshal
                jieba.marshal = _WholeFileMarshal
                try:
                    tk.initialize()
                finally:
                    jieba.marshal = mod
                _tokenizer = tk
    return _tokenizer


CACHE_KEEP_DAYS = 30


def _cache_in_our_folder(tk, jieba) -> None:
    """jieba keeps the prefix dictionary it builds from its word list (0.8 s) in a cache file,
    by default `jieba.cache` in the temporary folder, trusted whatever jieba wrote it. Ours lives
    in Galley's cache folder (platformdirs), where temporary-file cleaning does not reach it, and is
    named by jieba's version and its word list's size and date, so another jieba builds its own.
    Without the folder (no platformdirs, or it cannot be made) jieba's default is kept."""
    import contextlib
    import os
    import time
    try:
        from galley.app.settings import cache_dir
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        st = os.stat(tk.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME))
    except (ImportError, OSError):
        return
    name = f"jieba-{getattr(jieba, '__version__', '0')}-{st.st_size}-{int(st.st_mtime)}.cache"
    tk.tmp_dir, tk.cache_file = str(folder), name
    cutoff = time.time() - CACHE_KEEP_DAYS * 24 * 3600
    for old in folder.glob("jieba-*.cache"):        # an older jieba's, not read for a month
        if old.name != name:
            with contextlib.suppress(OSError):
                if old.stat().st_atime < cutoff and old.stat().st_mtime < cutoff:
                    old.unlink()


class _WholeFileMarshal:
    """The marshal module as jieba's initialize() uses it, reading a file whole before decoding it."""

    @staticmethod
    def load(fh):
        return marshal.loads(fh.read())

    dump = staticmethod(marshal.dump)


def _import_jieba():
    """jieba, imported without setuptools' pkg_resources: jieba asks for it only to open its own
    files (and falls back to a plain open), and importing it costs ~0.1 s of a cold check."""
    import sys
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None      # `import pkg_resources` raises ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of `text`, in order."""
    return list(tokenizer().tokenize(text))


def is_dictionary_word(word: str) -> bool:
    """In jieba's dictionary (not a word its HMM made up for unknown characters)."""
    return tokenizer().FREQ.get(word, 0) > 0


def warm_up() -> None:
    """Load the dictionary and the misused-character model now (the GUI calls this in a worker
    thread at start-up)."""
    tokenizer()
    from galley.app.proof.misused import model
    model()


def block_around(text: str, i: int) -> tuple[int, int]:
    """The run of characters jieba segments as one block around position i (at most ~2×MAX_BLOCK)."""
    a = i
    lo = max(0, i - MAX_BLOCK)
    while a > lo and BLOCK_RE.match(text[a - 1]):
        a -= 1
    b = i + 1
    hi = min(len(text), i + MAX_BLOCK)
    while b < hi and BLOCK_RE.match(text[b]):
        b += 1
    return a, b
