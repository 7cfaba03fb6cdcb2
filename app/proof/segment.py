"""Word segmentation for the rules that need word boundaries (repeats, misused words).

jieba is loaded lazily on first use and kept for the process; each paragraph is segmented
at most once (the `Para.words` cache), and only when a rule asks for it.
"""
from __future__ import annotations

import logging
import threading

_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba
                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                _tokenizer = tk
    return _tokenizer


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of `text`, in order."""
    return list(tokenizer().tokenize(text))


def warm_up() -> None:
    """Load the dictionary now (the GUI calls this in a worker thread at start-up)."""
    tokenizer()
