"""Text classes every stage reads: Chinese punctuation classes and script detection.

The lowest layer of app/ with app/model (which imports it; it imports nothing of Galley's
but the error type): importers, repair, structure, proof and layout take their punctuation
classes from here, composing their own from these where a stage needs more (ASCII marks, the
ellipsis), and the edition's script is detected here. The heading kinds are the model's
(`app.model.HEADING_KINDS`, `DISPLAY_KINDS`).

Punctuation follows GB/T 15834 and the clreq line-start and line-end rules (避头尾).
Script detection uses OpenCC's tables (imported only when a script is asked for).
"""
from __future__ import annotations

import threading
from functools import lru_cache

# ------------------------------------------------------------------------------ punctuation
PAUSES = "，、；："            # 逗号 顿号 分号 冒号
STOPS = "。！？"               # 句号 叹号 问号
OPEN_QUOTES = "“‘"
CLOSE_QUOTES = "”’"
OPEN_BRACKETS = "（《〈【〔「『"
CLOSE_BRACKETS = "）》〉】〕」』"
OPENING = OPEN_QUOTES + OPEN_BRACKETS          # never at a line end (避尾)
CLOSING = CLOSE_QUOTES + CLOSE_BRACKETS
NO_LINE_START = PAUSES + STOPS + CLOSING       # never at a line start (避头)
OTHER_MARKS = "…—～·〇"                         # ellipsis, dash, tilde, interpunct, ling
CJK_PUNCT = NO_LINE_START + OPENING + OTHER_MARKS   # every full-width mark of running text


# ------------------------------------------------------------------------------ script
CONVERSIONS = ("s2t", "t2s", "s2tw", "s2hk", "tw2sp", "s2twp", "tw2s", "hk2s", "t2tw", "t2hk")

_lock = threading.Lock()


@lru_cache(maxsize=16)
def converter(config: str):
    """An OpenCC converter ("s2t", "t2s", … or a .json configuration), one per process."""
    import opencc
    with _lock:
        return opencc.OpenCC(config if config.endswith(".json") else config + ".json")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _cjk_chars() -> str:
    ranges = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)]
    return "".join(chr(c) for a, b in ranges for c in range(a, b + 1))


def _one_script_only(chars: str) -> tuple[frozenset[str], frozenset[str]]:
    """Of `chars`: (traditional-only, simplified-only) — t2s changes a traditional-only character
    and s2t leaves it as it is (and the reverse)."""
    if not chars:
        return frozenset(), frozenset()
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


@lru_cache(maxsize=1)
def script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only characters, simplified-only characters) of all CJK, from OpenCC's own tables."""
    return _one_script_only(_cjk_chars())


def detect_script(text: str, sample: int = 20000) -> str:
    """"simplified" or "traditional": which script's own characters the text uses more
    ("simplified", the common case, without OpenCC). Only the sample's own characters are
    looked up, unless the whole table is at hand already."""
    head = text[:sample]
    try:
        if script_sets.cache_info().currsize:
            trad_only, simp_only = script_sets()
        else:
            trad_only, simp_only = _one_script_only("".join(sorted({ch for ch in head if _is_cjk(ch)})))
    except (ImportError, OSError, RuntimeError):
        return "simplified"
    t = s = 0
    for ch in head:
        if ch in trad_only:
            t += 1
        elif ch in simp_only:
            s += 1
    return "traditional" if t > s else "simplified"
