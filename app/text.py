"""Text classes every stage reads: Chinese punctuation classes and script detection.

The lowest layer of app/ with app/model (which imports it; it imports nothing of Galley's
but the error type, and app/cache when the script table is first asked for): importers, repair,
structure, proof and layout take their punctuation classes from here, composing their own from
these where a stage needs more (ASCII marks, the ellipsis), and the edition's script is detected
here. The heading kinds are the model's (`app.model.HEADING_KINDS`, `DISPLAY_KINDS`).

Punctuation follows GB/T 15834 and the clreq line-start and line-end rules (避头尾).
Script detection uses OpenCC's tables (imported only when a script is asked for).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from operator import ne

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


SCRIPT_SETS_FORMAT = 1          # bump when the table is made differently: the cached copies are set aside


@lru_cache(maxsize=1)
def script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only characters, simplified-only characters) of all CJK, from OpenCC's own tables.

    Making the table loads OpenCC's s2t dictionaries and converts every CJK character both ways
    (a tenth of a second of each cold check); it is kept in the cache folder under OpenCC's version
    and its files' sizes and dates (galley.app.cache), and made again when those change."""
    from galley.app import cache
    trad, simp = cache.cached("script_sets", _script_sets_key(), _script_sets_built)
    return frozenset(trad), frozenset(simp)


def _script_sets_built() -> tuple[str, str]:
    trad, simp = _one_script_only(_cjk_chars())
    return "".join(sorted(trad)), "".join(sorted(simp))


@lru_cache(maxsize=1)
def _script_sets_key() -> str:
    """OpenCC's version and its files (the dictionaries are data files inside its package), read
    once per process."""
    import os

    import opencc

    from galley.app.cache import files_key
    root = os.path.dirname(os.path.abspath(opencc.__file__))
    files = [os.path.join(d, f) for d, _, names in os.walk(root) for f in names
             if f.endswith((".json", ".ocd2", ".ocd", ".txt", ".so", ".pyd", ".dylib"))]
    return f"{SCRIPT_SETS_FORMAT}\n{getattr(opencc, '__version__', '?')}\n{files_key(files)}"


def _script_sets_kept() -> tuple[frozenset[str], frozenset[str]] | None:
    """The table if it is at hand (made in this process, or kept in the cache folder), else None."""
    if script_sets.cache_info().currsize:
        return script_sets()
    from galley.app import cache
    path = cache.path_for("script_sets", _script_sets_key())
    if path is None or not path.is_file():
        return None
    return script_sets()


def detect_script(text: str, sample: int = 20000) -> str:
    """"simplified" or "traditional": which script's own characters the text uses more
    ("simplified", the common case, without OpenCC). Only the sample's own characters are
    looked up, unless the whole table is at hand already (made, or in the cache folder)."""
    head = text[:sample]
    try:
        kept = _script_sets_kept()
        if kept is not None:
            trad_only, simp_only = kept
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


# A page reads as traditional when OpenCC's t2s changes more than this share of its characters (a
# traditional one: a quarter or more; a simplified page has a few it would change too, 徵 沈 覆 藉
# 昇: 7 of edition16's 139,393)
TRADITIONAL_SHARE = 0.01


def simplified_views(texts: list[str]) -> list[str]:
    """`texts` in simplified characters, one for one (each the same length as its text, so offsets
    hold), when the page they make is set in traditional ones; else `texts` themselves.

    What the repairer and the structure read their evidence from: their word lists, datelines
    (本報訊 reads as 本报讯), segmentation and language model are simplified Chinese. Never shown:
    elements keep their own text. A text OpenCC's phrase tables convert to another length is
    converted a character at a time."""
    joined = _SEP.join(texts)
    if joined.isascii() or any(_SEP in t for t in texts):
        return texts
    try:
        t2s = converter("t2s")
        converted = t2s.convert(joined)
    except (ImportError, OSError, RuntimeError):
        return texts
    if converted == joined:
        return texts
    changed = sum(map(ne, joined, converted)) if len(converted) == len(joined) else len(joined)
    if changed <= TRADITIONAL_SHARE * len(joined):
        return texts
    views = converted.split(_SEP)
    if len(views) != len(texts):
        return texts
    return [v if len(v) == len(t) else _by_character(t2s, t) for t, v in zip(texts, views)]


_SEP = "\x1f"          # (the unit separator, which OpenCC passes through: one conversion for a page)


def _by_character(t2s, text: str) -> str:
    """`text` converted a character at a time (one conversion, the characters set apart by _SEP);
    a character that would become several stays as it is."""
    if _SEP in text:
        return text
    return "".join(c if len(c) == 1 else ch
                   for ch, c in zip(text, t2s.convert(_SEP.join(text)).split(_SEP), strict=True))


@lru_cache(maxsize=4096)
def simplified_one(text: str) -> str:
    """`text` in simplified characters, one for one (the same length): a paragraph of an edition
    set in traditional ones, as the misused-character model reads it (the engine's prefetch and
    the rule ask it of the same paragraphs: kept as met)."""
    if text.isascii():
        return text
    try:
        t2s = converter("t2s")
        out = t2s.convert(text)
        return out if len(out) == len(text) else _by_character(t2s, text)
    except (ImportError, OSError, RuntimeError):
        return text


def traditional_at(text: str, i: int, simplified: str) -> str:
    """The traditional form of `simplified` put at position i of `text` (a simplified view of a
    sentence), as OpenCC's s2t sets it there with its neighbours (发 → 發 or 髮)."""
    try:
        out = converter("s2t").convert(text[:i] + simplified + text[i + 1:])
    except (ImportError, OSError, RuntimeError):
        return simplified
    return out[i] if len(out) == len(text) else simplified
