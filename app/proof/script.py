"""Simplified/traditional Chinese with OpenCC: detecting an edition's script, the characters
that belong to only one script, and converting a whole story (s2t, t2s, s2tw, s2hk, tw2sp …).

The character sets are derived from OpenCC's own tables once per process: a character is
"traditional only" when OpenCC's t2s changes it and s2t leaves it as it is (and the reverse).
Whether such a character is really wrong is decided on the phrase level (see rules/script.py),
so 乾隆 and 著名 in a simplified text stay alone.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from galley.app.errors import GalleyError

CONVERSIONS = ("s2t", "t2s", "s2tw", "s2hk", "tw2sp", "s2twp", "tw2s", "hk2s", "t2tw", "t2hk")

_lock = threading.Lock()


@lru_cache(maxsize=16)
def converter(config: str):
    import opencc
    with _lock:
        return opencc.OpenCC(config if config.endswith(".json") else config + ".json")


def _cjk_chars() -> str:
    ranges = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)]
    return "".join(chr(c) for a, b in ranges for c in range(a, b + 1))


@lru_cache(maxsize=1)
def script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only characters, simplified-only characters)."""
    chars = _cjk_chars()
    sep = "\n".join(chars)   # one character a line: OpenCC converts each on its own
    simp = converter("t2s").convert(sep).split("\n")
    trad = converter("s2t").convert(sep).split("\n")
    trad_only, simp_only = set(), set()
    for c, s, t in zip(chars, simp, trad, strict=True):
        if s != c and t == c:
            trad_only.add(c)
        elif t != c and s == c:
            simp_only.add(c)
    return frozenset(trad_only), frozenset(simp_only)


def detect_script(text: str, sample: int = 20000) -> str:
    """"simplified" or "traditional": which script's own characters the text uses more."""
    trad_only, simp_only = script_sets()
    t = s = 0
    for ch in text[:sample]:
        if ch in trad_only:
            t += 1
        elif ch in simp_only:
            s += 1
    return "traditional" if t > s else "simplified"


def convert_text(text: str, config: str) -> str:
    if config not in CONVERSIONS:
        raise GalleyError(f"unknown script conversion {config!r}; one of {', '.join(CONVERSIONS)}")
    return converter(config).convert(text)


def convert_story(edition, story_index: int, config: str) -> list[str]:
    """The converted text of each element of story `story_index`, in order.

    Nothing is changed in the edition: the GUI applies the texts as one undoable command.
    """
    if not 0 <= story_index < len(edition.stories):
        raise GalleyError(f"no story {story_index} (the edition has {len(edition.stories)})")
    return [convert_text(el.text, config) for el in edition.stories[story_index].elements]
