"""What a rule sees: one paragraph (an element of a story) and what it needs around it.

`Para.words` is the paragraph's jieba segmentation, computed once and only if a rule asks;
`Para.protected` are spans (URLs, e-mail addresses) that punctuation rules leave alone.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from galley.app.proof.chars import protected_spans
from galley.app.proof.settings import ProofSettings


@dataclass
class Para:
    text: str
    kind: str | None = None                # element kind ("body", "headline", …) or None if unknown
    story: int | None = None
    script: str = "simplified"
    settings: ProofSettings = field(default_factory=ProofSettings)
    prev_text: str | None = None           # previous element of the same story (for quotations)
    next_text: str | None = None           # next element of the same story
    spacing: str = "tight"                 # the edition's Han–Latin spacing style: "tight" | "spaced"
    recurs: Callable[[str], int] | None = None     # in how many places the whole edition writes a string (None: unknown)

    @cached_property
    def words(self) -> list[tuple[str, int, int]]:
        """The whole paragraph's segmentation (rules needing only a few words use `word_at`)."""
        from galley.app.proof.segment import tokenize
        return tokenize(self.text)

    @cached_property
    def _blocks(self) -> dict[tuple[int, int], tuple[list[int], list[tuple[str, int, int]]]]:
        return {}

    def word_at(self, i: int) -> tuple[str, int, int]:
        """The word covering character i (offsets into the paragraph).

        Only the run of Han/Latin characters around i is segmented (and cached): jieba splits
        text at punctuation itself, so this is the same segmentation at a fraction of the cost.
        """
        from galley.app.proof.segment import block_around, tokenize
        a, b = block_around(self.text, i)
        got = self._blocks.get((a, b))
        if got is None:
            words = [(w, s + a, e + a) for w, s, e in tokenize(self.text[a:b])]
            got = self._blocks[(a, b)] = ([s for _, s, _ in words], words)
        starts, words = got
        if not words:
            return (self.text[i], i, i + 1)
        k = bisect_right(starts, i) - 1
        return words[max(k, 0)]

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        return protected_spans(self.text)

    def is_protected(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.protected)

    @property
    def is_heading(self) -> bool:
        from galley.app.proof.registry import HEADINGS
        return self.kind in HEADINGS
