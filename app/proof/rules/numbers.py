"""GB/T 15835 numbers: abbreviated years (98年), 〇 not 零 in years in Chinese numerals, ranges
that keep the unit on both ends (15%～30%), approximate numbers without 顿号 (三四个),
mixed forms like 2亿3700万, full-width digits, and Chinese numerals in fixed expressions
(四面八方, not 4面8方: the list is resources/proof/numeral_words.txt).
"""
from __future__ import annotations

import re
from functools import lru_cache

from galley.app.proof.finding import Hit
from galley.app.proof.registry import RESOURCES, rule

CN_DIGITS = "〇零一二三四五六七八九"

YEAR_SHORT_RE = re.compile(r"(?<![\d.\-/年])([’'‘]?)(\d{2})年(?=\d{1,2}月)"
                           r"|(?<=[于在到至从自])(\d{2})年(?=[底初末春夏秋冬，。、；）]|$|上半年|下半年|以来|至今|起|"
                           r"开始|成立|创办|创建|建成|投产|毕业|出生|入学|加入|参加|就|即|便|已|曾)"
                           r"|[’'‘](\d{2})(?=年)"
                           r"|(?<![\d.\-/年近约多逾超过去这])(\d{2})年(?=以来|至今)")


def _year_like(yy: str) -> bool:
    """99年以来, 01年以来: a year; 30年以来, 50年以来: more likely a number of years."""
    v = int(yy)
    return not (v % 10 == 0 and v != 0 or 26 <= v <= 49)


@rule("num.year-short", "error", "年份不能简写 / years are written in full (1998年, not 98年)")
def year_short(p):
    t = p.text
    if "年" not in t:
        return
    for m in YEAR_SHORT_RE.finditer(t):
        yy = m.group(2) or m.group(3) or m.group(4) or m.group(5)
        if t.startswith(("以来", "至今"), m.end()) and not _year_like(yy):
            continue                      # 达到20年以来的最高点: twenty years
        full = ("19" if int(yy) >= 50 else "20") + yy
        s, e = m.span()
        span_text = t[s:e]
        fix = span_text.replace("’", "").replace("'", "").replace("‘", "").replace(yy, full, 1)
        yield Hit(s, e, f"年份不能简写，应写作“{full}年”", f"write the year in full: {full}", fix, False)


YEAR_CN_RE = re.compile(r"(?<![十百千万])[〇零○O0一二三四五六七八九]{4}(?=年)")


@rule("num.year-zero", "error", "汉字年份中的零应写“〇” / 〇 (not 零, ○ or 0) in years in Chinese numerals")
def year_zero(p):
    t = p.text
    if "年" not in t:
        return
    for m in YEAR_CN_RE.finditer(t):
        g = m.group()
        if not any(c in "一二三四五六七八九" for c in g) or "零" not in g:
            continue
        if sum(c in "一二三四五六七八九〇零○O0" for c in g) < 4 or g[0] in "〇零○O0":
            continue
        fix = re.sub("[零○O0]", "〇", g)
        yield Hit(m.start(), m.end(), f"年份中的零应写作“〇”：{fix}年", f"write 〇 in the year: {fix}年", fix, True)


@rule("num.year-circle", "warning", "汉字年份中的“○”“0”应为“〇” / ○ or 0 in place of 〇 in a year (二○○一年)")
def year_circle(p):
    t = p.text
    if "年" not in t:
        return
    for m in YEAR_CN_RE.finditer(t):
        g = m.group()
        if "零" in g or not any(c in "一二三四五六七八九" for c in g) or not any(c in "○O0" for c in g):
            continue
        if g[0] in "〇零○O0":
            continue
        fix = re.sub("[○O0]", "〇", g)
        yield Hit(m.start(), m.end(), "年份中的零应写作“〇”（U+3007），不用“○”或“0”",
                  "write 〇 (U+3007) in the year, not ○ or 0", fix, True)


RANGE_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([～~至到\-－—])(\d+(?:\.\d+)?)(%|‰|万亿|亿|万)")


@rule("num.range-unit", "error", "数值范围前后两个数的单位都要写 / ranges keep the unit on both ends (15%～30%)")
def range_unit(p):
    t = p.text
    if not any(u in t for u in ("%", "‰", "万", "亿")):
        return
    for m in RANGE_RE.finditer(t):
        a, sep, b, unit = m.groups()
        if sep in "-－—" and m.start() > 0 and t[m.start() - 1] in "-－—":
            continue
        fix = f"{a}{unit}{'～' if sep in '~-－' else sep}{b}{unit}"
        yield Hit(m.start(), m.end(), f"数值范围的单位前后都要写：{fix}", f"keep the unit on both ends: {fix}", fix, False)


APPROX_RE = re.compile(r"([一二三四五六七八九])、([一二三四五六七八九])"
                       r"(?=[十百千万亿个天日年月岁人名次种件条家位倍层分米公斤吨只项所辆起台届])")


@rule("num.approx-dunhao", "error", "相邻两数表示概数不用顿号 / approximate numbers take no 、 (三四个)")
def approx_dunhao(p):
    t = p.text
    if "、" not in t:
        return
    for m in APPROX_RE.finditer(t):
        a, b = m.group(1), m.group(2)
        if CN_DIGITS.index(b) - CN_DIGITS.index(a) != 1:
            continue
        yield Hit(m.start(), m.end(), f"相邻两数表示概数，中间不用顿号：{a}{b}",
                  f"adjacent numbers for an estimate take no 、: {a}{b}", a + b, True)


MIXED_RE = re.compile(r"(?<![\d.])(\d+)(亿)(\d{1,4})万(?!\d)|(?<![\d.])(\d+)(万)(\d)千(?!\d)")


@rule("num.mixed", "warning", "数字与万、亿混写宜改写 / mixed forms like 2亿3700万 read better as 2.37亿")
def mixed(p):
    t = p.text
    if "万" not in t and "千" not in t:
        return
    for m in MIXED_RE.finditer(t):
        if m.group(1):
            big, unit, small = m.group(1), "亿", m.group(3).rjust(4, "0")
        else:
            big, unit, small = m.group(4), "万", m.group(6)
        frac = small.rstrip("0")
        fix = f"{big}.{frac}{unit}" if frac else f"{big}{unit}"
        yield Hit(m.start(), m.end(), f"宜写作“{fix}”", f"better written as {fix}", fix, False)


FULLWIDTH_RE = re.compile(r"[０-９]+(?:[．.][０-９]+)?")


@rule("num.fullwidth", "warning", "数字应用半角 / digits are written half-width (123, not １２３)")
def fullwidth(p):
    t = p.text
    for m in FULLWIDTH_RE.finditer(t):
        fix = m.group().translate({0xFF10 + k: 0x30 + k for k in range(10)} | {0xFF0E: 0x2E})
        yield Hit(m.start(), m.end(), "阿拉伯数字应使用半角", "use half-width digits", fix, True)


@lru_cache(maxsize=1)
def numeral_words() -> tuple[re.Pattern | None, dict[str, str]]:
    """Digit forms of fixed expressions that keep Chinese numerals (4面8方 → 四面八方)."""
    table = str.maketrans({c: str(k) for k, c in enumerate("〇一二三四五六七八九")} | {"十": "10"})
    wrong: dict[str, str] = {}
    for line in (RESOURCES / "numeral_words.txt").read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip()
        if not w:
            continue
        d = w.translate(table)
        if d != w:
            wrong[d] = w
    if not wrong:
        return None, {}
    pat = re.compile("|".join(re.escape(w) for w in sorted(wrong, key=len, reverse=True)))
    return pat, wrong


@rule("num.fixed-expr", "error", "固定词语中的数字用汉字 / fixed expressions keep Chinese numerals (四面八方)")
def fixed_expr(p):
    t = p.text
    if not any(map(str.isdigit, t)):
        return
    pat, wrong = numeral_words()
    if pat is None:
        return
    for m in pat.finditer(t):
        s, e = m.span()
        if s and t[s - 1].isdigit() or e < len(t) and t[e].isdigit():
            continue
        right = wrong[m.group()]
        yield Hit(s, e, f"固定词语中的数字应用汉字：“{right}”", f"a fixed expression keeps Chinese numerals: {right}",
                  right, True)
