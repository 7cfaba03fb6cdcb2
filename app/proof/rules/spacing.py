"""Spacing: stray spaces inside Chinese running text, and Han–Latin/digit spacing that differs
from the rest of the edition (Chinese papers set no space there; layout adds ¼ em itself).

Headings, bylines and credits are left alone: they use spaces as separators on purpose.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from galley.app.proof.chars import HAN
from galley.app.proof.finding import Hit
from galley.app.proof.registry import rule
from galley.app.text import CJK_PUNCT

# the full-width marks a stray space is looked for beside (app.text's marks of running text but
# the corner and tortoise-shell brackets, ～, · and 〇, as this rule has always been)
CJK_MARK = "".join(c for c in CJK_PUNCT if c not in "「」『』〔〕～·〇")
HAN_SPACE_RE = re.compile(f"(?<=[{HAN[1:-1]}{CJK_MARK}])[ \u3000\u00a0]+(?=[{HAN[1:-1]}{CJK_MARK}])")
SPACED_RE = re.compile(f"{HAN}[ \u00a0]+[A-Za-z0-9]|[A-Za-z0-9%][ \u00a0]+{HAN}")
BOTH_SIDES_RE = re.compile(f"(?<={HAN})[ \u00a0]+([A-Za-z0-9][A-Za-z0-9.%]*)[ \u00a0]+(?={HAN})")
TIGHT_RE = re.compile(f"{HAN}[A-Za-z0-9]|[A-Za-z0-9%]{HAN}")


def edition_spacing(texts: Iterable[str]) -> str:
    """"spaced" when most Han–Latin/digit boundaries have a space, else "tight"."""
    spaced = tight = 0
    for t in texts:
        spaced += len(SPACED_RE.findall(t))
        tight += len(TIGHT_RE.findall(t))
    return "spaced" if spaced > tight else "tight"


CREDIT_END = re.compile(r"(?:摄|攝|供图|供圖|制图|製圖|图|圖)$")
CREDIT_WORDS = ("记者", "記者", "通讯员", "通訊員", "实习生", "摄", "攝", "文", "图", "圖", "电", "電", "讯", "訊")


def _inside_marks(t: str, i: int) -> bool:
    """Inside (…) or “…” / 《…》 / 「…」 on the same paragraph."""
    for o, c in (("(（", ")）"), ("“", "”"), ("《", "》"), ("「", "」")):
        lo = max(t.rfind(x, 0, i) for x in o)
        if lo != -1 and max(t.rfind(x, 0, i) for x in c) < lo:
            return True
    return False


@rule("space.han", "warning", "中文之间多余的空格 / a stray space inside Chinese text", kinds=("body", "caption"))
def han_space(p):
    t = p.text
    if " " not in t and "\u3000" not in t and "\u00a0" not in t:
        return
    for m in HAN_SPACE_RE.finditer(t):
        if _inside_marks(t, m.start()) or t[max(0, m.start() - 3):m.start()].endswith(CREDIT_WORDS):
            continue            # (记者 黄振), “携手向新质 赢未来”: a space on purpose
        if t[m.start() - 1] in "。！？" or CREDIT_END.match(t, m.end()):
            continue            # a credit after a caption: 图为…一角。 周海涛 摄
        yield Hit(m.start(), m.end(), "中文之间多了空格", "a stray space inside Chinese text", "", True)


@rule("space.mixed", "warning", "中西文间距不一致 / Han–Latin/digit spacing unlike the rest of the edition",
      kinds=("body", "caption", "sidebar"))
def mixed_space(p):
    t = p.text
    if p.spacing == "tight":
        if " " not in t and "\u00a0" not in t:
            return
        for m in BOTH_SIDES_RE.finditer(t):       # 运营 147 处: one finding for the pair of spaces
            yield Hit(m.start(), m.end(), "中文与西文、数字之间一般不加空格（本版其他地方未加）",
                      "no space between Han and Latin or digits here (the rest of the edition has none)",
                      m.group(1), False)
        for m in SPACED_RE.finditer(t):
            s, e = m.start() + 1, m.end() - 1
            if any(a <= s < b for a, b in (mm.span() for mm in BOTH_SIDES_RE.finditer(t))):
                continue
            yield Hit(s, e, "中文与西文、数字之间一般不加空格（本版其他地方未加）",
                      "no space between Han and Latin or digits here (the rest of the edition has none)", "", False)
    else:
        for m in TIGHT_RE.finditer(t):
            g = m.group()
            yield Hit(m.start(), m.end(), "中文与西文、数字之间的空格与本版其他地方不一致",
                      "Han–Latin spacing differs from the rest of the edition", g[0] + " " + g[1], False)


EXTRA_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
UNIT_SPACE_RE = re.compile(r"(?<=\d)[ \u00a0\u3000]+(?=[%‰℃°])")


@rule("space.extra", "warning", "多余的空格 / extra spaces (测试  Test, 200  %)", kinds=("body", "caption", "sidebar"))
def extra_space(p):
    """Two or more spaces where one (or none) belongs, and a space between a number and %, ‰, ℃.

    Spaces between two Han characters are space.han's; between Han and Latin in an edition that
    sets no such spaces, space.mixed's.
    """
    t = p.text
    if "  " not in t and " %" not in t and "\u00a0" not in t and "\u3000" not in t:
        return
    for m in UNIT_SPACE_RE.finditer(t):
        yield Hit(m.start(), m.end(), "数字与单位符号之间不加空格", "no space between a number and its unit sign",
                  "", True)
    for m in EXTRA_SPACE_RE.finditer(t):
        s, e = m.span()
        if UNIT_SPACE_RE.match(t, s) or _inside_marks(t, s):
            continue
        before, after = t[s - 1], t[e]
        han_b, han_a = bool(HAN_ONE.match(before)), bool(HAN_ONE.match(after))
        if han_b and han_a or (han_b or han_a) and p.spacing == "tight":
            continue                      # space.han or space.mixed reports it
        yield Hit(s, e, "多了空格", "extra spaces", " ", True)


HAN_ONE = re.compile(HAN)
