"""Misused characters (错别字) in running text: candidates from confusion sets, scored by a language model.

A character is a suspect when no dictionary word of two characters holds it (措折, 书贵: an
isolated character, or one in a rare word). For a suspect, each similar-sound or similar-shape
character (the confusion sets) that would make a dictionary word with its neighbours is a
candidate; the candidate is scored by how much more probable it makes the text around it under
jieba's word-frequency model (the best segmentation's log probability, as jieba itself cuts
text), plus how often that confusion happened in the training sentences. Only candidates
scoring above the fitted thresholds are reported (resources/proof/misused.toml).

Data: resources/proof/misused.marshal (tools/build_misused.py), loaded once, on first use.
"""
from __future__ import annotations

import marshal
import math
import re
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from app.proof.names import in_translit, surname_before
from app.proof.registry import RESOURCES

DATA = RESOURCES / "misused.marshal"
PARAMS = RESOURCES / "misused.toml"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
SOUND, SHAPE, SEEN = 1, 2, 4
CONTEXT = 3            # characters either side that the language model sees (a word of 4 holding i)
MAX_WORD = 4

_lock = threading.Lock()


@dataclass(frozen=True)
class Suspect:
    start: int              # offset of the character in the text
    wrong: str
    right: str
    score: float            # log-probability gain plus prior: higher is surer
    gain: float             # log-probability gain alone
    kind: int               # SOUND | SHAPE | SEEN bits


class Model:
    """The confusion sets, the word patterns and jieba's frequencies, with the fitted weights."""

    def __init__(self, data: dict, params: dict, freq: dict[str, int], total: int):
        busy = int(params.get("max_char_freq", 20000))
        # the commonest characters (的 在 是 …) are mostly grammar, which word frequencies cannot judge
        self.conf: dict[str, str] = {c: v for c, v in data["conf"].items() if freq.get(c, 0) < busy}
        self.top = int(params.get("top", 2))
        self.min_word = int(params.get("min_word_freq", 30))
        self.span = int(params.get("max_word", 3))        # longest word a candidate may make
        self.kind: dict[str, str] = data["kind"]
        self.seen: dict[str, int] = data["seen"]
        self.wild: dict[str, str] = data["wild"]
        self.given = frozenset(data["given"])
        common = data["common"]
        self.common = frozenset(common[k:k + 2] for k in range(0, len(common), 2))
        self.freq = freq
        self.log_total = math.log(total)
        self.w_seen = float(params.get("w_seen", 1.0))
        self.w_shape = float(params.get("w_shape", 0.0))
        self.min_gain = float(params.get("min_gain", 4.0))
        self.warning = float(params.get("warning", 8.0))
        self.error = float(params.get("error", 12.0))
        self.skip = frozenset(params.get("skip_pairs", ()))
        self._logs: dict[str, float] = {}

    # ---------------------------------------------------------------- language model
    def logp(self, s: str) -> float:
        """Log probability of the best segmentation of a run of Han characters (jieba's unigram model)."""
        n = len(s)
        freq, lt = self.freq, self.log_total
        route = [0.0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = -1e18
            for e in range(k + 1, min(n, k + MAX_WORD) + 1):
                f = freq.get(s[k:e])
                if f:
                    v = math.log(f) - lt + route[e]
                elif e == k + 1:
                    v = -lt + route[e]          # an unknown character
                else:
                    if f is None:
                        break                   # no longer word starts with these characters
                    continue
                if v > best:
                    best = v
            route[k] = best
        return route[0]

    def in_name(self, run: str, i: int) -> bool:
        """A personal or transliterated name holds run[i] (李钟武, 辛吉丝): names use what characters they like."""
        return in_translit(run, i) or surname_before(run, i, self.bound, given=self.given) >= 0

    def bound(self, t: str, j: int) -> bool:
        """t[j] makes a common word with the character before it (中国: 国 starts no name)."""
        return t[j - 1:j + 1] in self.common

    # ---------------------------------------------------------------- candidates
    def suspects(self, text: str) -> list[Suspect]:
        """The characters to flag, with their best replacement (names left alone)."""
        out: list[Suspect] = []
        for pos, run, i, c, found in self.positions(text):
            best = self._best(run, i, c, found)
            if best is None or best[2] < self.warning:
                continue
            if self.in_name(run, i):
                continue
            out.append(Suspect(pos, *best))
        return out

    def positions(self, text: str):
        """(offset, Han run, index in run, character, candidate characters) for each character that
        no common two-character word holds and a similar character would make a word of."""
        conf, wild, common, freq, min_word = self.conf, self.wild, self.common, self.freq, self.min_word
        span = self.span
        for m in HAN_RUN.finditer(text):
            run, base = m.group(), m.start()
            n = len(run)
            held = [run[k:k + 2] in common for k in range(n - 1)]
            held.append(False)
            prev = False
            for i, c in enumerate(run):
                here, prev = prev or held[i], held[i]
                if here:
                    continue
                cands = conf.get(c)
                if cands is None:
                    continue
                found: dict[str, int] = {}        # candidate → frequency of the best word it makes
                for a in range(max(0, i - span + 1), i + 1):
                    for b in range(max(i + 1, a + 2), min(n, a + span) + 1):
                        left, right = run[a:i], run[i + 1:b]
                        chars = wild.get(left + "?" + right)
                        if chars:
                            for x in chars:
                                if x in cands:
                                    f = freq[left + x + right]
                                    if f >= min_word and f > found.get(x, 0):
                                        found[x] = f
                if found:
                    yield base + i, run, i, c, found

    def candidates(self, run: str, i: int, c: str, found: dict[str, int]):
        """(right, gain, kind, seen) for the likeliest candidates (by the word each makes and how
        often the confusion was seen) that make the text more probable by min_gain."""
        a, b = max(0, i - CONTEXT), min(len(run), i + CONTEXT + 1)
        left, right = run[a:i], run[i + 1:b]
        old = self.logp(left + c + right)
        cands, kinds = self.conf[c], self.kind[c]
        seen = self.seen
        if len(found) > self.top:
            found = sorted(found, key=lambda x: -found[x] * (1 + seen.get(c + x, 0)))[:self.top]
        for x in found:
            if c + x in self.skip:
                continue
            gain = self.logp(left + x + right) - old
            if gain >= self.min_gain:
                yield x, gain, int(kinds[cands.index(x)]), self.seen.get(c + x, 0)

    def score(self, gain: float, kind: int, seen: int) -> float:
        score = gain + self.w_seen * math.log1p(seen)
        if kind & SHAPE and not kind & SOUND:
            score += self.w_shape
        return score

    def _best(self, run: str, i: int, c: str, found: dict[str, int]):
        best = None
        for x, gain, kind, seen in self.candidates(run, i, c, found):
            score = self.score(gain, kind, seen)
            if best is None or score > best[2]:
                best = (c, x, score, gain, kind)
        return best


@lru_cache(maxsize=1)
def params() -> dict:
    with open(PARAMS, "rb") as fh:
        return tomllib.load(fh)


_model: Model | None = None


def model() -> Model:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from app.proof.segment import tokenizer
                tk = tokenizer()
                with open(DATA, "rb") as fh:
                    data = marshal.load(fh)
                _model = Model(data, params(), tk.FREQ, tk.total)
    return _model
