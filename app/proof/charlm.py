"""A character bigram/trigram model of real Chinese, for `words.misused` (app/proof/misused.py).

The counts are expected character counts derived from the open-gram word language model that
Debian ships for SunPinyin (tools/build_charlm.py; CC BY-SA 3.0, resources/proof/README-charlm.txt).
The common pairs are held in a dictionary (built once, on first use: the screen asks about
every character), the rarer pairs and the triples in sorted arrays searched by bisection.

Probabilities are interpolated with fixed weights (the counts are pruned, and the triples across
word boundaries are only partly known, so a missing pair or triple is weak evidence):
  P(c)      = (U(c) + 1) / (N + V)
  P(c|b)    = L2 B(bc) / U(b) + (1 - L2) P(c)
  P(c|ab)   = L3 T(abc) / B(ab) + (1 - L3) P(c|b)
"""
from __future__ import annotations

import array
import math
from bisect import bisect_left
from functools import cached_property
from itertools import repeat

from galley.app.data import gc_paused, loaded_once, read_marshal, resource

DATA = resource("proof") / "charlm.marshal"
L2 = 0.8
L3 = 0.4

EXP = [math.exp(q / 8) for q in range(256)]      # a stored value q is round(8 ln count)
COUNT = [0.0] + EXP[1:]                          # the same, with 0 for a pair not stored

class CharLM:
    def __init__(self, data: dict):
        self.bits = bits = int(data["bits"])
        chars: str = data["chars"]
        self.index = {c: k for k, c in enumerate(chars)}
        self.unknown = len(chars)                         # the index of any other character
        uni = [EXP[q] if q else 0.0 for q in data["uni"]] + [0.0]
        self.total = sum(uni)
        v = len(uni)
        self.lp1 = [math.log((u + 1.0) / (self.total + v)) for u in uni]   # log P(c)
        self.uni = uni
        self.hot_keys = array.array("I")             # the common pairs, sorted, and their values
        self.hot_keys.frombytes(data["hot2"])
        self.hot_vals = data["hotv2"]
        self.n_hot = len(self.hot_keys)
        if self.n_hot != len(self.hot_vals):
            raise ValueError("charlm: common pairs and their values differ in number")
        self.k2 = array.array("I")
        self.k2.frombytes(data["keys2"])
        self.v2 = data["val2"]
        self.n2 = len(self.k2)
        self.p1 = [math.exp(x) for x in self.lp1]
        self.rest1 = [(1 - L2) * p for p in self.p1]
        self.inv = [L2 / u if u else 0.0 for u in uni]
        self.k3 = array.array("Q")
        self.k3.frombytes(data["keys3"])
        self.v3 = data["val3"]
        self.n3 = len(self.k3)
        self.shift2 = 2 * bits

    def ids(self, s: str) -> list[int]:
        return list(map(self.index.get, s, repeat(self.unknown, len(s))))

    @cached_property
    def hot(self) -> dict[int, int]:
        """The common pairs as a dictionary, built on first use (a fifteenth of a second): the
        misused-character screen asks about every character; repair's few hundred seams look
        the pairs up in the sorted arrays instead."""
        with gc_paused():
            return dict(zip(self.hot_keys, self.hot_vals, strict=True))

    def pair(self, key: int) -> float:
        """The expected count of a pair (its key: index a << bits | index b)."""
        hot = self.__dict__.get("hot")
        if hot is not None:
            q = hot.get(key)
            if q is not None:
                return EXP[q]
        else:
            k = bisect_left(self.hot_keys, key)
            if k < self.n_hot and self.hot_keys[k] == key:
                return EXP[self.hot_vals[k]]
        k = bisect_left(self.k2, key)
        return EXP[self.v2[k]] if k < self.n2 and self.k2[k] == key else 0.0

    def fit(self, q: int, b: int, c: int) -> float:
        """log P(c|b) - log P(c) for a pair of stored value q (0: unseen): how well c fits after b."""
        return math.log(COUNT[q] * self.inv[b] + self.rest1[c]) - self.lp1[c]

    def fit_between(self, ids: list[int], i: int) -> float:
        """How well ids[i] fits its neighbours: `fit` after the one before plus `fit` of the one after."""
        return self.fit_around(ids[i - 1] if i else -1, ids[i], ids[i + 1] if i + 1 < len(ids) else -1)

    def fit_around(self, a: int, c: int, b: int) -> float:
        """How well c fits between a and b (-1: no character there), as `fit_between`."""
        bits, hot = self.bits, self.hot
        return (self.fit(hot.get(a << bits | c, 0), a, c) if a >= 0 else 0.0) \
            + (self.fit(hot.get(c << bits | b, 0), c, b) if b >= 0 else 0.0)

    def p2(self, b: int, c: int) -> float:
        """log P(c|b)."""
        return math.log(self.pair(b << self.bits | c) * self.inv[b] + self.rest1[c])

    def p3(self, a: int, b: int, c: int) -> float:
        """log P(c|ab)."""
        bits = self.bits
        ab = self.pair(a << bits | b)
        pb = self.pair(b << bits | c) * self.inv[b] + self.rest1[c]
        if ab == 0.0:
            return math.log(pb)
        key = a << self.shift2 | b << bits | c
        k = bisect_left(self.k3, key)
        t = EXP[self.v3[k]] if k < self.n3 and self.k3[k] == key else 0.0
        return math.log(L3 * t / ab + (1 - L3) * pb)

    def around(self, ids: list[int], i: int) -> float:
        """log P of ids[i], ids[i+1], ids[i+2] given what precedes each (the terms a change at i moves)."""
        n = len(ids)
        total = 0.0
        for j in range(i, min(n, i + 3)):
            if j >= 2:
                total += self.p3(ids[j - 2], ids[j - 1], ids[j])
            elif j == 1:
                total += self.p2(ids[0], ids[1])
            else:
                total += self.lp1[ids[0]]
        return total

    def q3(self, a: int, b: int, c: int) -> float:
        """log P(a|bc): the same counts read right to left."""
        bits = self.bits
        bc = self.pair(b << bits | c)
        pa = self.pair(a << bits | b) * self.inv[b] + (1 - L2) * self.p1[a]
        if bc == 0.0:
            return math.log(pa)
        key = a << self.shift2 | b << bits | c
        k = bisect_left(self.k3, key)
        t = EXP[self.v3[k]] if k < self.n3 and self.k3[k] == key else 0.0
        return math.log(L3 * t / bc + (1 - L3) * pa)

    def around_back(self, ids: list[int], i: int) -> float:
        """log P of ids[i], ids[i-1], ids[i-2] given what follows each (right to left: the terms a change at i moves)."""
        n = len(ids)
        total = 0.0
        for j in range(max(0, i - 2), i + 1):
            if j + 2 < n:
                total += self.q3(ids[j], ids[j + 1], ids[j + 2])
            elif j + 1 < n:
                total += math.log(self.pair(ids[j] << self.bits | ids[j + 1]) * self.inv[ids[j + 1]]
                                  + (1 - L2) * self.p1[ids[j]])
            else:
                total += self.lp1[ids[j]]
        return total

    def gain_back(self, ids: list[int], i: int, x: int, base: float) -> float:
        """`gain` under the model read right to left."""
        old = ids[i]
        ids[i] = x
        try:
            return self.around_back(ids, i) - base
        finally:
            ids[i] = old

    def sides(self, ids: list[int], i: int, x: int) -> tuple[float, float]:
        """(log P(x | the character before), log P(the character after | x)), 0 where there is none."""
        left = self.p2(ids[i - 1], x) if i else 0.0
        right = self.p2(x, ids[i + 1]) if i + 1 < len(ids) else 0.0
        return left, right

    def gain(self, ids: list[int], i: int, x: int, base: float | None = None) -> float:
        """How much likelier the run is with character index x at i (natural log)."""
        if base is None:
            base = self.around(ids, i)
        old = ids[i]
        ids[i] = x
        try:
            return self.around(ids, i) - base
        finally:
            ids[i] = old


@loaded_once
def charlm() -> CharLM | None:
    """The model, loaded once; None when the resource is missing (the rule then uses words alone)."""
    data = read_marshal(DATA)
    return None if data is None else CharLM(data)
