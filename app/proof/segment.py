"""Word segmentation for the rules that need word boundaries (repeats, misused words).

jieba is loaded lazily on first use and kept for the process, its prefix dictionary read from
Galley's cache folder (`prefix_dictionary`); each paragraph is segmented at most once (the
`Para.words` cache), and only when a rule asks for it.
"""
from __future__ import annotations

import logging
import re
import sys

from galley.app.data import gc_paused, loaded_once

# what jieba itself keeps together before segmenting (its re_han_default)
BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]")
MAX_BLOCK = 40

@loaded_once
def tokenizer():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    with gc_paused():
        tk.FREQ, tk.total = prefix_dictionary(tk)
    tk.initialized = True          # what tk.initialize() would have read or built
    return tk


PREFIX_FORMAT = 1       # bump when the packed form changes: the kept copies are then set aside


def prefix_dictionary(tk) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word or word prefix → frequency, 0 for a bare prefix) and its
    total, as `Tokenizer.initialize` makes them from the word list (0.8 s).

    They are kept in Galley's cache folder (galley.app.cache: named by jieba's version and its
    word list's size and date, written whole or not at all, made again when damaged, and made
    each time when the folder cannot be written), packed as the words one a line in UTF-16 and
    their frequencies as an array. The half-million entries are the largest piece of loading a
    cold check: made from that, the dictionary costs 28% fewer instructions than marshal's
    reading of the dictionary itself (jieba's own cache, which Galley kept before). Same words,
    same order, same frequencies."""
    import os

    from galley.app import cache
    jieba = sys.modules[type(tk).__module__]
    path = tk.dictionary if isinstance(tk.dictionary, str) else os.path.join(
        os.path.dirname(os.path.abspath(str(jieba.__file__))), jieba.DEFAULT_DICT_NAME)
    key = f"{PREFIX_FORMAT}\njieba {getattr(jieba, '__version__', '?')}\n{cache.files_key([path])}"

    def build():
        return _pack(*tk.gen_pfdict(tk.get_dict_file()))

    return cache.cached("jieba", key, build, _unpack)


def _unpack(value) -> tuple[dict[str, int], int]:
    import array
    words, typecode, counts, total = value
    values = array.array(typecode)
    values.frombytes(counts)
    keys = words.decode("utf-16-le", "surrogatepass").split("\n") if isinstance(words, bytes) else list(words)
    if len(keys) != len(values) or not isinstance(total, int):
        raise ValueError("jieba's prefix dictionary: words and frequencies differ in number")
    return dict(zip(keys, values)), total


def _pack(freq: dict[str, int], total: int) -> tuple[bytes | list[str], str, bytes, int]:
    """(the words one a line in UTF-16 (decoded several times faster than marshal's UTF-8), or a
    list of them if one held a line break, the array's typecode, the frequencies as its bytes,
    the total)."""
    import array
    keys = list(freq)
    words: bytes | list[str] = "\n".join(keys).encode("utf-16-le", "surrogatepass")
    if any("\n" in w for w in keys):       # (no word of a jieba list holds one: a list then)
        words = keys
    big = max(freq.values(), default=0) >= 2 ** 32 or min(freq.values(), default=0) < 0
    values = array.array("q" if big else "I", freq.values())
    return words, values.typecode, values.tobytes(), total


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
