"""Evidence at a seam: does a word span the cut, and does a candidate fit the article?

Both segment with a compact copy of jieba's dictionary (`app.repair.lexicon`), so repair never
loads jieba itself; the article's words are cut only when a candidate's fit could matter.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from galley.app.repair.lexicon import lexicon, segment, segment_logprob

WINDOW = 4
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORDS = re.compile(r"[\u3400-\u9fff]{2,}|[A-Za-z]{3,}")
COMMON = 200         # jieba frequency of a word common enough to trust at a seam


def seam_word(left: str, right: str) -> tuple[str, float] | None:
    """The word that spans the seam between `left` and `right`, and how much to trust it.

    A word the segmenter puts across the seam is strong evidence when it is a common word;
    a common dictionary word that could span it, though the segmenter cut elsewhere, is weaker.
    """
    return _seam_word(left[-WINDOW:], right[:WINDOW])


@lru_cache(maxsize=1 << 16)
def _seam_word(a: str, b: str) -> tuple[str, float] | None:
    if not a or not b or not (_HAN.match(a[-1]) and _HAN.match(b[0])):
        return None
    freq, _ = lexicon()
    pos = 0
    for tok in segment(a + b):
        end = pos + len(tok)
        if pos < len(a) < end and len(tok) >= 2:
            common = max(freq.get(tok, 0), *(freq.get(a[k:] + b[:m], 0)
                                             for k in range(max(0, pos), len(a)) for m in range(1, end - len(a) + 1)))
            return tok, (2.5 if common >= COMMON else 1.0)
        pos = end
    best = max(((freq.get(a[-k:] + b[:m], 0), a[-k:] + b[:m]) for k in (1, 2) for m in (1, 2)), default=(0, ""))
    if best[0] >= 5 * COMMON:
        return best[1], 1.5
    return None


def seam_gain(left: str, right: str) -> float:
    """How much likelier the text reads across the seam than as two pieces (log-probability of
    the best segmentation of the joined window less those of its halves, scaled to about 0–1)."""
    return _seam_gain(left[-WINDOW:], right[:WINDOW])


@lru_cache(maxsize=1 << 16)
def _seam_gain(a: str, b: str) -> float:
    if not a or not b or not (_HAN.match(a[-1]) and _HAN.match(b[0])):
        return 0.0
    gain = _logprob(a + b) - _logprob(a) - _logprob(b)
    return max(-1.0, min(1.5, gain / 10.0))


def seam_lm(left: str, right: str) -> float:
    """How much the end of `left` helps to predict the start of `right` (log-probability of
    right's first two characters after left's last two, less that of the same two standing
    alone; a character model of real Chinese, `galley.app.proof.charlm`): text cut at a column
    end runs on (多年 / 历史), a block that only happens to follow does not (多年 / 两位)."""
    return _seam_lm(left[-2:], right[:2])


@lru_cache(maxsize=1 << 16)
def _seam_lm(a: str, b: str) -> float:
    if not a or not b or not (_HAN.match(a[-1]) and _HAN.match(b[0])):
        return 0.0
    from galley.app.proof.charlm import charlm
    lm = charlm()
    if lm is None:
        return 0.0
    ids = lm.ids(a + b)
    k = len(a)
    joined = sum(lm.p3(ids[j - 2], ids[j - 1], ids[j]) if j >= 2 else lm.p2(ids[j - 1], ids[j])
                 for j in range(k, len(ids)))
    alone = lm.lp1[ids[k]] + (lm.p2(ids[k], ids[k + 1]) if len(ids) > k + 1 else 0.0)
    return joined - alone


# a block's end and a candidate's start meet many candidates and blocks, and every seam is read
# twice (`join.settled_geometry`): the windows' answers are kept (small keys, bounded caches)
_logprob = lru_cache(maxsize=1 << 16)(segment_logprob)


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    toks = set()
    for run in _WORDS.findall(text):
        if run[0].isascii():
            toks.add(run.lower())
            continue
        toks.update(t for t in segment(run) if len(t) >= 2)
    return frozenset(toks)


def block_words(text: str) -> frozenset[str]:
    return _words(text[:240])


def cohesion(candidate: str, context: Counter) -> tuple[int, int]:
    """(words of the candidate's opening found elsewhere around the cut, words in its opening).

    `context` counts, for each word, the blocks around the cut that use it (the candidate
    itself included), so a word counts only when another block has it too.
    """
    words = _words(candidate[:80])
    if not words:
        return 0, 0
    own = block_words(candidate)
    hits = sum(1 for w in words if context.get(w, 0) - (w in own) > 0)
    return hits, len(words)

