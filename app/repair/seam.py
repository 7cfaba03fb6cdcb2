"""Evidence at a seam: does a word span the cut, and does a candidate fit the article?

Segmentation is jieba's; it is loaded once, lazily, and shared with proofreading.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache

WINDOW = 4
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORDS = re.compile(r"[\u3400-\u9fff]{2,}|[A-Za-z]{3,}")


@lru_cache(maxsize=1)
def tokenizer():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


def seam_word(left: str, right: str) -> str | None:
    """The dictionary word that spans the seam between `left` and `right`, if segmentation finds one."""
    a, b = left[-WINDOW:], right[:WINDOW]
    if not a or not b or not (_HAN.match(a[-1]) and _HAN.match(b[0])):
        return None
    pos = 0
    for tok in tokenizer().cut(a + b, HMM=False):
        end = pos + len(tok)
        if pos < len(a) < end and len(tok) >= 2:
            return tok
        pos = end
    return None


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    toks = set()
    for run in _WORDS.findall(text):
        if run[0].isascii():
            toks.add(run.lower())
            continue
        toks.update(t for t in tokenizer().cut(run, HMM=False) if len(t) >= 2)
    return frozenset(toks)


def block_words(text: str) -> frozenset[str]:
    return _words(text[:400])


def cohesion(candidate: str, context: Counter) -> float:
    """Share of the candidate's opening words found elsewhere in the article around the cut.

    `context` counts, for each word, the blocks around the cut that use it (the candidate
    itself included), so a word counts only when another block has it too.
    """
    words = _words(candidate[:80])
    if not words:
        return 0.0
    own = block_words(candidate)
    hits = sum(1 for w in words if context.get(w, 0) - (w in own) > 0)
    return hits / len(words)
