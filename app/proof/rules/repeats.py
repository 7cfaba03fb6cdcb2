"""Repeated characters and words (的的, 了了, 我们我们), using the paragraph's segmentation so
that words that contain the repetition (目的的 = 目的 + 的, 不了了之, 谢谢, 看看, 常常, 天天,
人人) are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from app.proof.chars import HAN
from app.proof.finding import Hit
from app.proof.registry import RESOURCES, rule

NUMERALS = set("〇一二三四五六七八九十百千万亿两")
HEAD_SUFFIX = set("长会初底末中周委员医魁")
DOUBLE_RE = re.compile(f"({HAN})\\1")
WORD_DOUBLE_RE = re.compile(f"({HAN}{{2,4}})\\1")


@lru_cache(maxsize=1)
def repeat_chars() -> frozenset[str]:
    text = (RESOURCES / "repeat_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line.strip() for line in text.splitlines() if not line.startswith("#")))


@rule("repeat.char", "error", "字重复 / a doubled character (的的, 了了)")
def repeated_char(p):
    t = p.text
    chars = repeat_chars()
    cands = [m.start() for m in DOUBLE_RE.finditer(t) if m.group(1) in chars]
    if not cands:
        return
    for i in cands:
        _, s1, e1 = p.word_at(i)
        _, s2, e2 = p.word_at(i + 1)
        if s1 == s2:            # one word holds both (等等, 的的确确, 不了了之)
            continue
        if e1 - s1 > 1 or e2 - s2 > 1:   # 目的|的, 的|的确: each belongs to a real word
            continue
        yield Hit(i, i + 2, f"“{t[i]}”重复", f"{t[i]} is doubled", t[i], False)


@rule("repeat.word", "warning", "词语重复 / a doubled word (我们我们)")
def repeated_word(p):
    t = p.text
    if not WORD_DOUBLE_RE.search(t):
        return
    for m in WORD_DOUBLE_RE.finditer(t):
        g = m.group(1)
        s = m.start()
        _, s1, e1 = p.word_at(s)
        _, s2, e2 = p.word_at(s + len(g))
        if not (s1 == s and e1 == s + len(g) and s2 == s + len(g) and e2 == m.end()):
            continue            # not two whole equal words
        if len(g) == 2 and g[0] == g[1] or g[0] == "一":
            continue            # 一件一件(地)办好: reduplication on purpose
        yield Hit(s, m.end(), f"“{g}”重复", f"{g} is doubled", g, False)


@rule("repeat.stutter", "warning", "多打了一个字 / a character typed twice across a word (经济济发展)")
def stutter(p):
    t = p.text
    chars = repeat_chars()
    cands = [m.start() for m in DOUBLE_RE.finditer(t) if m.group(1) not in chars]
    for i in cands:
        _, s1, e1 = p.word_at(i)
        _, s2, e2 = p.word_at(i + 1)
        if s1 == s2:
            continue                      # one word: 天天, 常常, 一个个
        long1, long2 = e1 - s1 > 1, e2 - s2 > 1
        if long1 == long2:
            continue                      # 中国|国家 (two words) or 啊|啊 (two particles)
        if t[i] in NUMERALS or (i and t[i - 1] == "一"):
            continue                      # 十五五, 一枚枚
        if t[i + 2:i + 3] in HEAD_SUFFIX:
            continue                      # 消防署|署长, 两国|国会, 2002年|年初: an unknown compound before
        yield Hit(i, i + 2, f"“{t[i]}”可能多打了一个", f"{t[i]} may be typed twice", t[i], False)
