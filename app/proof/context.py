"""What a rule sees: one paragraph (an element of a story) and what it needs around it.

`Para.words` is the paragraph's jieba segmentation, computed once and only if a rule asks;
`Para.protected` are spans (URLs, e-mail addresses) that punctuation rules leave alone.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from app.proof.chars import protected_spans
from app.proof.settings import ProofSettings


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

    @cached_property
    def words(self) -> list[tuple[str, int, int]]:
        from app.proof.segment import tokenize
        return tokenize(self.text)

    @cached_property
    def word_starts(self) -> list[int]:
        return [s for _, s, _ in self.words]

    def word_at(self, i: int) -> tuple[str, int, int]:
        """The word covering character i."""
        k = bisect_right(self.word_starts, i) - 1
        return self.words[max(k, 0)]

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        return protected_spans(self.text)

    def is_protected(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.protected)

    @property
    def is_heading(self) -> bool:
        from app.proof.registry import HEADINGS
        return self.kind in HEADINGS
