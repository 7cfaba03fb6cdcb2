"""Latin words hyphenated at a line end: propose rejoining them when the joined word is a word.

`inter-` / `national` → `international` (enchant knows it), but `well-` / `known` stays
`well-known` (a real hyphen: enchant does not know `wellknown`). Each proposal is a `Fix` of
kind "dehyphenate". `galley repair` never applies them (it changes only whitespace); the
editor accepts them in the GUI and `galley fix` applies them.
With no enchant library or en_US dictionary nothing is proposed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from galley.app.model import Fix, RawBlock

_LEFT = re.compile(r"([A-Za-z]+)-$")
_RIGHT = re.compile(r"^([a-z]+)")


@lru_cache(maxsize=1)
def dictionary():
    try:
        import enchant
    except (ImportError, OSError):       # no libenchant: nothing to check against
        return None
    try:
        return enchant.Dict("en_US")
    except enchant.errors.Error:         # no en_US dictionary
        return None


def plan_dehyphenation(blocks: list[RawBlock], units: list[tuple[int, ...]]) -> list[Fix]:
    fixes: list[Fix] = []
    for unit in units:
        for a, b in pairwise(unit):
            left, right = _LEFT.search(blocks[a].text), _RIGHT.match(blocks[b].text)
            if not (left and right):
                continue
            d = dictionary()
            if d is None:
                return []
            word = left.group(1) + right.group(1)
            if not d.check(word) or d.check(f"{left.group(1)}-{right.group(1)}") and not d.check(word.lower()):
                continue
            fixes.append(Fix(
                id=f"h{a}-{b}", kind="dehyphenate", blocks=(a, b), confidence=0.9,
                reason=f"{left.group(1)}-{right.group(1)} was hyphenated at a line end; {word} is a word",
                reason_zh=f"{left.group(1)}-{right.group(1)} 为行末断字，合并为 {word}",
                before=f"{left.group(1)}-", after=right.group(1)))
    return fixes
