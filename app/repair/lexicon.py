"""A compact word list for seam checks: jieba's common dictionary words of up to four characters.

Loading jieba's whole prefix dictionary costs a second or two; repair only needs to know which
short words could span a cut, and how common they are. The list is read once from jieba's
`dict.txt` and kept in Galley's cache folder (`galley.app.cache`; rebuilt when jieba changes),
in buckets by first character that are unpacked as a repair first reads them.
`segment` cuts a short window the way jieba's dictionary-only mode does (the most probable
path through the words the window contains); `word_class` gives a word's part of speech as
jieba's dictionary tags it (a line rarely ends on a preposition or an adverb, a paragraph rarely
begins with 说).
"""
from __future__ import annotations

import marshal
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

MAX_WORD = 4
MIN_FREQ = 5         # rarer words (most of jieba's list: names, rare terms) are left out


def _dict_path() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).with_name("dict.txt")


class Lexicon(Mapping):
    """word → jieba frequency, in buckets by first character, each unpacked when first read.

    A repair reads the words of the characters around its seams only: a few thousand of the
    dictionary's seven thousand first characters, so most buckets stay packed.
    """

    def __init__(self, packed: dict[str, bytes]):
        self._packed = packed
        self._open: dict[str, dict] = {}

    def bucket(self, first: str) -> dict:
        """The words that start with `first` (empty if none)."""
        got = self._open.get(first)
        if got is None:
            raw = self._packed.get(first)
            got = self._open[first] = marshal.loads(raw) if raw is not None else {}
        return got

    def get(self, word: str, default=None):
        return self.bucket(word[0]).get(word, default) if word else default

    def __getitem__(self, word: str) -> int:
        if not word:
            raise KeyError(word)
        return self.bucket(word[0])[word]

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and bool(word) and word in self.bucket(word[0])

    def __iter__(self):
        for first in self._packed:
            yield from self.bucket(first)

    def __len__(self) -> int:
        return sum(len(self.bucket(first)) for first in self._packed)


def _pack(words: Mapping) -> dict[str, bytes]:
    buckets: dict[str, dict] = {}
    for w, f in words.items():
        buckets.setdefault(w[0], {})[w] = f
    return {first: marshal.dumps(b) for first, b in buckets.items()}


@lru_cache(maxsize=1)
def lexicon() -> tuple[Lexicon, float]:
    """(word → frequency for words of 1–4 characters, log of jieba's total frequency)."""
    packed, total, _ = _load()
    return Lexicon(packed), math.log(total)


# jieba's tags, coarsely: nouns (n, nr, ns …), verbs, adjectives, adverbs, prepositions,
# conjunctions, particles, locatives (上, 中), pronouns, numerals, measure words, times
WORD_CLASSES = ("n", "v", "a", "d", "p", "c", "u", "f", "r", "m", "q", "t")


@lru_cache(maxsize=1)
def _classes() -> Lexicon:
    return Lexicon(_load()[2])


def word_class(word: str) -> str:
    """The word's part of speech as jieba's dictionary tags it, one of `WORD_CLASSES`, or ""
    (not in the list, or another class: idioms, names' parts, symbols)."""
    return _classes().get(word, "") if word else ""


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, bytes], int, dict[str, bytes]]:
    """(packed word → frequency buckets, jieba's total frequency, packed word → class buckets),
    kept in Galley's cache folder (`galley.app.cache`) and rebuilt when jieba's list changes."""
    from galley.app import cache
    src = _dict_path()
    key = f"seam lexicon v3 {MIN_FREQ} {MAX_WORD}\n{cache.files_key([src])}"
    return cache.cached("seam_lexicon", key, lambda: _build(src), _unpack)


def _build(src: Path) -> tuple[dict[str, bytes], int, dict[str, bytes]]:
    words: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            freq = int(parts[1])
            total += freq
            if len(parts[0]) == 1 or (len(parts[0]) <= MAX_WORD and freq >= MIN_FREQ):
                words[parts[0]] = freq
                tag = parts[2][:1] if len(parts) > 2 else ""
                if tag in WORD_CLASSES:
                    tags[parts[0]] = tag
    return _pack(words), total, _pack(tags)


def _unpack(value) -> tuple[dict[str, bytes], int, dict[str, bytes]]:
    packed, total, classes = value
    if not (isinstance(packed, dict) and isinstance(total, int) and isinstance(classes, dict)):
        raise TypeError("not a seam lexicon")
    return packed, total, classes


def segment(text: str) -> list[str]:
    """Cut `text` into the most probable sequence of dictionary words (single characters otherwise)."""
    _, step = _best_path(text)
    out, i, n = [], 0, len(text)
    while i < n:
        j = step[i]
        out.append(text[i:j])
        i = j
    return out


def segment_logprob(text: str) -> float:
    """The log-probability of `text`'s most probable cut into dictionary words."""
    return _best_path(text)[0][0] if text else 0.0


def _best_path(text: str) -> tuple[list[float], list[int]]:
    lex, log_total = lexicon()
    bucket, log = lex.bucket, math.log
    n = len(text)
    score = [0.0] * (n + 1)       # best log-probability of text[i:]
    step = [n] * (n + 1)          # where the first word of that best cut ends
    for i in range(n - 1, -1, -1):
        words = bucket(text[i])
        f = words.get(text[i])
        best, to = log(f or 1) - log_total + score[i + 1], i + 1
        for j in range(i + 2, min(n, i + MAX_WORD) + 1):
            f = words.get(text[i:j])
            if f:
                s = log(f) - log_total + score[j]
                if s >= best:         # ties go to the longer word
                    best, to = s, j
        score[i], step[i] = best, to
    return score, step
