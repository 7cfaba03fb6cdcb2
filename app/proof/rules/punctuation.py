"""GB/T 15834 punctuation in Chinese text: half-width marks, doubled marks, the ellipsis,
the dash, the interpunct in foreign names, straight quotes, 顿号 between quoted items.

"Chinese context" means a Han character or a full-width mark next to the mark (spaces and
straight quotes skipped); marks inside Latin or number contexts (1,000, 3:2, 10:30, URLs,
an English sentence) are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from galley.app.proof.chars import is_cjk, is_han, is_latin, next_char, prev_char
from galley.app.proof.finding import Hit
from galley.app.proof.registry import RESOURCES, rule

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
NAMES = {",": ("逗号", "comma"), ";": ("分号", "semicolon"), ":": ("冒号", "colon"),
         "?": ("问号", "question mark"), "!": ("叹号", "exclamation mark"),
         "(": ("括号", "parenthesis"), ")": ("括号", "parenthesis")}
HALF_RE = re.compile(r"[,;:?!()]")
SKIP_BEFORE = " \"')"
SKIP_AFTER = " \"'("


@lru_cache(maxsize=1)
def translit_chars() -> frozenset[str]:
    text = (RESOURCES / "translit_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")).strip())


def _paren_partners(t: str) -> dict[int, int]:
    partners, stack = {}, []
    for i, c in enumerate(t):
        if c in "(（":
            stack.append(i)
        elif c in ")）" and stack:
            o = stack.pop()
            partners[o] = i
            partners[i] = o
    return partners


def _span_with_spaces(t: str, i: int) -> tuple[int, int]:
    """The mark plus spaces around it that a full-width mark makes redundant."""
    s, e = i, i + 1
    while e < len(t) and t[e] == " " and is_cjk(next_char(t, e - 1)):
        e += 1
    if t[i] not in "(":
        while s > 0 and t[s - 1] == " " and is_cjk(prev_char(t, s)):
            s -= 1
    return s, e


@rule("punct.halfwidth", "error", "半角标点用于中文 / half-width , ; : ? ! ( ) in Chinese text")
def halfwidth(p):
    t = p.text
    if not HALF_RE.search(t):
        return
    partners = None
    for m in HALF_RE.finditer(t):
        i = m.start()
        c = t[i]
        if p.protected and p.is_protected(i):
            continue
        if c in "()":
            if partners is None:
                partners = _paren_partners(t)
            j = partners.get(i)
            if j is not None:
                o, cl = (i, j) if c == "(" else (j, i)
                inner = t[o + 1:cl]
                chinese = (any(is_han(ch) for ch in inner) or is_cjk(prev_char(t, o))
                           or is_cjk(next_char(t, cl)))
            else:
                chinese = is_cjk(prev_char(t, i)) or is_cjk(next_char(t, i))
        else:
            before = t[i - 1] if i else ""
            after = t[i + 1] if i + 1 < len(t) else ""
            if c in ",:." and before.isdigit() and after.isdigit():
                continue                          # 1,000  3:2  10:30
            pc, nc = prev_char(t, i, SKIP_BEFORE), next_char(t, i, SKIP_AFTER)
            chinese = is_cjk(pc) or is_cjk(nc)
            if chinese and is_latin(pc) and is_latin(nc) and not (is_cjk(before) or is_cjk(after)):
                chinese = False                   # "Hello, world" quoted inside Chinese text
        if not chinese:
            continue
        s, e = _span_with_spaces(t, i)
        zh, en = NAMES[c]
        yield Hit(s, e, f"中文里应使用全角{zh}“{FULL[c]}”", f"use the full-width {en} {FULL[c]} in Chinese text",
                  FULL[c], True)


@rule("punct.period", "error", "中文句末用了西文句点 / a Latin full stop ending a Chinese sentence")
def period(p):
    t = p.text
    if "." not in t:
        return
    tl = translit_chars()
    for m in re.finditer(r"(?<!\.)\.(?!\.)", t):
        i = m.start()
        before = t[i - 1] if i else ""
        if not (is_han(before) or before in "”’）》"):
            continue
        if p.protected and p.is_protected(i):
            continue
        after = t[i + 1] if i + 1 < len(t) else ""
        if after == "" or after == " " and not t[i + 1:].strip():
            yield Hit(i, i + 1, "中文句末应使用句号“。”", "use the Chinese full stop 。", "。", True)
        elif is_han(after) or after in "“”":
            if before in tl or after in tl:
                continue                          # 比尔.盖茨: the interpunct rule reports it
            yield Hit(i, i + 1, "中文里不用西文句点：句末用“。”，外国人名中间用“·”",
                      "a Latin full stop in Chinese text: 。 to end a sentence, · inside a foreign name", "。")


INTERPUNCT_RE = re.compile(r"[.．•‧・∙⋅]")


@rule("punct.interpunct", "error", "外国人名间隔号应为“·” / the interpunct in foreign names is ·")
def interpunct(p):
    t = p.text
    if not INTERPUNCT_RE.search(t):
        return
    tl = translit_chars()
    for m in INTERPUNCT_RE.finditer(t):
        i = m.start()
        c = t[i]
        before = t[i - 1] if i else ""
        after = t[i + 1] if i + 1 < len(t) else ""
        if not (is_han(before) and (is_han(after) or (after.isascii() and after.isupper()))):
            continue
        if c == ".":
            if i + 1 < len(t) and t[i + 1] == "." or i and t[i - 1] == ".":
                continue
            if before in tl or after in tl or after.isupper():
                yield Hit(i, i + 1, "外国人名中的间隔号应为“·”", "the interpunct in a foreign name is ·", "·", False)
        else:
            yield Hit(i, i + 1, f"间隔号应为“·”，不用“{c}”", f"the interpunct is ·, not {c}", "·", True)


DOUBLED_RE = re.compile(r"([，、；：,;])\1+|(?<!。)。。(?!。)")
FULL_OF = {",": "，", ";": "；"}


@rule("punct.doubled", "error", "标点重复 / doubled punctuation (，， 。。)")
def doubled(p):
    t = p.text
    for m in DOUBLED_RE.finditer(t):
        c = m.group()[0]
        if c in FULL_OF:
            if not (is_cjk(prev_char(t, m.start())) or is_cjk(next_char(t, m.end() - 1))):
                continue
            c = FULL_OF[c]
        yield Hit(m.start(), m.end(), f"标点“{c}”重复", f"doubled {c}", c, True)


ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|…+|⋯+|·{3,}")


@rule("punct.ellipsis", "error", "省略号应为“……” / the ellipsis is …… (not ... 。。。 or a single …)")
def ellipsis(p):
    t = p.text
    if "…" not in t and "..." not in t and "。。。" not in t and "⋯" not in t and "···" not in t:
        return
    for m in ELLIPSIS_RE.finditer(t):
        s, e = m.span()
        g = m.group()
        chinese = is_cjk(t[s - 1] if s else "") or is_cjk(t[e] if e < len(t) else "")
        if g[0] == "…":
            if len(g) in (2, 4) or not chinese and len(g) == 1:
                continue
        elif g[0] == "⋯":
            if p.script == "traditional" or not chinese:
                continue
        elif g[0] == ".":
            if not chinese or p.protected and p.is_protected(s):
                continue
        elif g[0] == "·" and not chinese:
            continue
        yield Hit(s, e, f"省略号应为“……”，不用“{g}”", f"the ellipsis is ……, not {g}", "……", True)


@rule("punct.ellipsis-deng", "error", "省略号后不用“等” / no 等 after ……")
def ellipsis_deng(p):
    t = p.text
    if "…等" not in t:
        return
    for m in re.finditer(r"……(等等|等)", t):
        yield Hit(m.start(), m.end(), "省略号与“等”不能同时使用", "…… and 等 say the same: use one", "……", False)


DASH_RE = re.compile(r"[-－—─–]{2,}|—")


@rule("punct.dash", "error", "破折号应为“——” / the dash is —— (not -- or a single —)")
def dash(p):
    t = p.text
    if "-" not in t and "—" not in t and "－" not in t and "─" not in t:
        return
    for m in DASH_RE.finditer(t):
        s, e = m.span()
        g = m.group()
        if g == "——":
            continue
        before = t[s - 1] if s else ""
        after = t[e] if e < len(t) else ""
        if len(g) == 1:                                   # a single — (U+2014)
            if s == 0 and (is_han(after) or after in "“《"):
                yield Hit(s, e, "破折号应占两个字的位置：“——”", "the dash is two em long: ——", "——", True)
            continue
        if set(g) == {"-"} and (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
            continue                                      # a--b in Latin text
        if not (is_cjk(before) or is_cjk(after) or s == 0):
            continue
        yield Hit(s, e, f"破折号应为“——”，不用“{g}”", f"the dash is ——, not {g}", "——", True)


CHAIN_RE = re.compile(r"(?<!—)—(?!—)[^—，。；！？、“”]{1,10}(?<!—)—(?!—)")


SINGLE_DASHES = "—―－─–"


@rule("punct.dash-single", "warning", "单个“—”：破折号应为“——”，连接号可不改 / a single — between Han")
def dash_single(p):
    t = p.text
    if not any(c in t for c in SINGLE_DASHES):
        return
    for m in re.finditer(r"(?<![—―－─–-])[—―－─–](?![—―－─–-])", t):
        i = m.start()
        if i == 0:
            continue
        before, after = t[i - 1], t[i + 1] if i + 1 < len(t) else ""
        if (is_han(before) or before in "”’）》") and (is_han(after) or after in "“‘《（"):
            if CHAIN_RE.search(t, max(0, i - 12), i + 13):
                continue                          # 培训—实践—上岗: a chain of connectors
            if t[i] != "—" and not (is_han(before) and is_han(after)):
                continue
            yield Hit(i, i + 1, "单个“—”：如为破折号应为“——”（表示起止的连接号可不改）",
                      "a single —: a dash is —— (a range connector may stay)", "——", False)


@rule("punct.dunhao-quoted", "warning", "引号、书名号之间通常不用顿号 / no 、 between items in quotes or 《》")
def dunhao_quoted(p):
    t = p.text
    if "、" not in t:
        return
    for m in re.finditer(r"(?<=[”》])、(?=[“《])", t):
        yield Hit(m.start(), m.end(), "并列的引号或书名号之间通常不用顿号",
                  "items each in quotes or book-title marks usually take no 、 between them", "", False)


@rule("punct.straight-quote", "error", "中文里用了直引号 / straight quotes \" ' in Chinese text")
def straight_quote(p):
    t = p.text
    if '"' not in t:
        return
    idx = [m.start() for m in re.finditer('"', t) if not (p.protected and p.is_protected(m.start()))]
    for k in range(0, len(idx), 2):
        a = idx[k]
        b = idx[k + 1] if k + 1 < len(idx) else None
        if b is None:
            if is_cjk(prev_char(t, a)) or is_cjk(next_char(t, a)):
                fix = "“" if is_cjk(next_char(t, a)) else "”"
                yield Hit(a, a + 1, "中文里应使用弯引号“”", "use Chinese quotation marks “” in Chinese text", fix, False)
            continue
        inner = t[a + 1:b]
        if any(is_han(c) for c in inner) or is_cjk(prev_char(t, a)) or is_cjk(next_char(t, b)):
            yield Hit(a, a + 1, "中文里应使用弯引号“”", "use Chinese quotation marks “” in Chinese text", "“", True)
            yield Hit(b, b + 1, "中文里应使用弯引号“”", "use Chinese quotation marks “” in Chinese text", "”", True)


@rule("punct.corner-quote", "warning", "横排简体文本的引号用“”‘’ / corner quotes 「」『』 in simplified text")
def corner_quote(p):
    t = p.text
    if p.script == "traditional" or not any(c in t for c in "「」『』"):
        return
    table = {"「": "“", "」": "”", "『": "‘", "』": "’"}
    for m in re.finditer("[「」『』]", t):
        c = m.group()
        yield Hit(m.start(), m.end(), f"横排简体文本中引号应为“{table[c]}”", f"horizontal simplified text quotes with {table[c]}",
                  table[c], False)


END_RUN_RE = re.compile(r"[！？!?]{2,}")


@rule("punct.end-marks", "error", "句末点号叠用或混用 / doubled or mixed end marks (！！, ？！？！)")
def end_marks(p):
    """GB/T 15834 lets a question end in ？！ (a question asked with force); other runs of end marks
    (！！, ？？, ！？, ？！？！) are not newspaper style. Two of the same mark are less sure: a
    quotation may shout on purpose, so those are reported one step lower.
    """
    t = p.text
    if "！" not in t and "？" not in t:
        return
    for m in END_RUN_RE.finditer(t):
        g = m.group()
        if g == "？！" or not any(c in "！？" for c in g):
            continue                      # ?! in Latin text is not ours
        marks = {c.translate(str.maketrans("!?", "！？")) for c in g}
        fix = "？！" if marks == {"？", "！"} else marks.pop()
        yield Hit(m.start(), m.end(), f"句末点号不宜叠用或混用，应为“{fix}”", f"end marks doubled or mixed: use {fix}",
                  fix, False, len(g) == 2 and len(set(g)) == 1)


@rule("punct.paren-period", "error", "句内括号里不用句号 / no 。 inside brackets within a sentence (…（昨天。）)")
def paren_period(p):
    t = p.text
    if "。）" not in t:
        return
    for m in re.finditer("。）", t):
        o = t.rfind("（", 0, m.start())
        if o == -1 or t.rfind("）", o, m.start()) != -1:
            continue
        before = t[:o].rstrip()
        if not before or before[-1] in "。！？…”’":
            continue                      # （…。）after the sentence: a note on the whole sentence
        after = t[m.end():m.end() + 1]
        fix = "）" if after and after in "，。；：！？、…" else "）。"
        yield Hit(m.start(), m.end(), "括号注释句中词语时，括号里不用句号；句号放在括号外",
                  "a bracket inside a sentence takes no 。: the full stop goes after the bracket", fix, False)


STRAY_RE = re.compile("(?<=[\u4e00-\u9fff])[●■□◆◇▲△▼▽★☆※◎¤§○](?=[\u4e00-\u9fff])")


@rule("punct.stray-symbol", "error", "汉字之间混入符号 / a stray symbol between Han characters (中●文)")
def stray_symbol(p):
    t = p.text
    for m in STRAY_RE.finditer(t):
        c, i = m.group(), m.start()
        if c == "○" and (t[i - 1] in CN_NUMERALS or t[i + 1] in CN_NUMERALS):
            continue                      # 二○○一年: the year rules say 〇
        yield Hit(i, i + 1, f"汉字之间混入了符号“{c}”", f"a stray {c} between Han characters", "", False)


CN_NUMERALS = set("〇零一二三四五六七八九十百千○")
