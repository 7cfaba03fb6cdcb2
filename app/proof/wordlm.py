"""A word bigram model of real Chinese, for `words.misused` (app/proof/misused.py).

The words, their log probabilities, back-off weights and the word bigrams come from the open-gram
word language model that Debian ships for SunPinyin (tools/build_wordlm.py; CC BY-SA 3.0,
resources/proof/README-wordlm.txt). `score` is the log probability of the best segmentation of a
short run of Han characters under the bigram model (Viterbi over the words it holds), so a
candidate's gain is how much likelier the few characters around it read as words that go
together (一起锅过 → 一起度过): evidence the character pairs and jieba's word frequencies, each
alone, do not give.

A bigram (a, b) missing from the model backs off: log P(b|a) = bow(a) + log P(b). A character no
word of the model holds costs UNKNOWN.
"""
from __future__ import annotations

from bisect import bisect_left

from galley.app.data import loaded_once, read_marshal, resource

DATA = resource("proof") / "wordlm.marshal"
UNKNOWN = -16.0            # log probability of a character no word holds
MAX_WORD = 6               # longest word looked for
NO_PAIR = 1.0              # (a marker: a log probability is never positive)
STATES = 6                 # segmentations kept at each point (the likeliest by their last word)

class WordLM:
    def __init__(self, data: dict):
        words = data["words"].split("\n")
        self.index = dict(zip(words, range(len(words))))
        # (views of the bytes as they were read: no copy)
        self.uni = memoryview(data["uni"]).cast("f")
        self.bow = memoryview(data["bow"]).cast("f")
        self.rows = memoryview(data["rows"]).cast("I")
        self.next = memoryview(data["next"]).cast("I")
        self.lp: bytes = data["lp"]
        if not (len(self.uni) == len(self.bow) == len(words) == len(self.rows) - 1) or len(self.next) != len(self.lp):
            raise ValueError("wordlm: the arrays differ in length")
        if len(words) >= 1 << 17:
            raise ValueError("wordlm: too many words for the pair keys")
        self._pairs: dict[int, float | None] = {}     # a << 17 | b → log P(b|a) or None, as met

    def bigram(self, a: int, b: int) -> float | None:
        """log P(b|a) when the model lists the pair, else None (looked up in a's row, kept as met)."""
        key = a << 17 | b
        v = self._pairs.get(key, NO_PAIR)
        if v is NO_PAIR:
            lo, hi = self.rows[a], self.rows[a + 1]
            k = bisect_left(self.next, b, lo, hi)
            v = self._pairs[key] = -self.lp[k] / 16 if k < hi and self.next[k] == b else None
        return v

    def score(self, s: str) -> float:
        """Log probability of the best segmentation of s under the bigram model."""
        n = len(s)
        index, uni, bow, bigram = self.index.get, self.uni, self.bow, self.bigram
        best: list[dict[int, float]] = [{} for _ in range(n + 1)]
        best[0][-1] = 0.0
        for k in range(n):
            here = best[k]
            if not here:
                continue
            if len(here) > STATES:
                here = dict(sorted(here.items(), key=lambda kv: -kv[1])[:STATES])
            for e in range(k + 1, min(n, k + MAX_WORD) + 1):
                w = index(s[k:e])
                if w is None:
                    if e > k + 1:
                        continue
                    w, u = -2, UNKNOWN           # (a character no word holds: no bigram either)
                else:
                    u = uni[w]
                there = best[e]
                for prev, lp in here.items():
                    if prev >= 0 and w >= 0:
                        p = bigram(prev, w)
                        v = lp + (p if p is not None else bow[prev] + u)
                    else:
                        v = lp + u
                    if v > there.get(w, -1e18):
                        there[w] = v
        return max(best[n].values())


@loaded_once
def wordlm() -> WordLM | None:
    """The model, loaded once; None when the resource is missing (the rule then does without it)."""
    data = read_marshal(DATA)
    return None if data is None else WordLM(data)
