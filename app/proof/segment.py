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
