"""Repeated characters and words (的的, 了了, 我们我们), using the paragraph's segmentation so
that words that contain the repetition (目的的 = 目的 + 的, 不了了之, 谢谢, 看看, 常常, 天天,
人人) are left alone. Also left alone: reduplication on purpose (研究研究, 参观参观, 分分钟:
resources/proof/reduplicable.txt, reduplication.txt and the house list in the settings), a
double across a word boundary (社会|会议, 告诉他们|他们, 问|问题), titles in 《》 and
transliterated names (尤克里里).
"""
from __future__ import annotations

import re
from functools import lru_cache

from galley.app.proof.chars import HAN
from galley.app.proof.finding import Hit
from galley.app.proof.names import surname_before, translit_chars
from galley.app.proof.registry import RESOURCES, rule

NUMERALS = set("〇一二三四五六七八九十百千万亿两")
HEAD_SUFFIX = set("长会初底末中周委员医魁")
DOUBLE_RE = re.compile(f"({HAN})\\1")
WORD_DOUBLE_RE = re.compile(f"({HAN}{{2,4}})\\1")
PRONOUNS = ("我们", "你们", "他们", "她们", "它们", "咱们", "大家", "自己", "我", "你", "他", "她", "它")
# verbs whose object may be followed by a clause with the same subject: 告诉他们|他们已经赢了
CLAUSE_VERBS = ("告诉", "通知", "提醒", "叮嘱", "嘱咐", "要求", "请求", "鼓励", "劝", "让", "叫", "请", "使",
                "问", "教", "帮", "帮助", "希望", "相信", "发现", "看见", "听说", "知道", "觉得", "认为")
SINGLE_WORD = 20000         # a character this frequent on its own is a word by itself (会, 问, 分)
CUE_BEFORE = ("要", "去", "来", "请", "让", "叫", "想", "该", "得", "能", "可以", "好好", "一起", "再", "多", "都",
              "给", "帮", "咱们", "我们", "大家", "你们", "您")
CUE_AFTER = ("吧", "啊", "呀", "嘛", "呗", "一下", "看", "，", "。", "！", "？", "、", "；", "”", "…")
COMMON_WORD = 100           # jieba frequency above which a two-character word is a real, common one


@lru_cache(maxsize=1)
def _listed() -> tuple[frozenset[str], frozenset[str]]:
    """(two-character words that double on purpose, doubled forms listed whole)."""
    def read(name):
        text = (RESOURCES / name).read_text(encoding="utf-8")
        return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return read("reduplicable.txt"), read("reduplication.txt")


def _in_listed_form(p, s: int, e: int) -> bool:
    """The span s:e lies inside a doubled form of the list (or the house list in the settings)."""
    _, forms = _listed()
    house = p.settings.house.get("reduplication", ())
    t = p.text
    for f in (*forms, *house) if house else forms:
        k = t.find(f, max(0, s - len(f) + 1), e + len(f) - 1)
        while k != -1 and k <= s:
            if k + len(f) >= e:
                return True
            k = t.find(f, k + 1, e + len(f) - 1)
    return False


def _in_title(t: str, i: int) -> bool:
    """Inside 《…》 on this paragraph: a title may repeat what it likes (《长安长安》)."""
    o = t.rfind("《", 0, i)
    return o != -1 and t.rfind("》", o, i) == -1 and t.find("》", i) != -1


def _common(w: str, least: int = COMMON_WORD) -> bool:
    from galley.app.proof.segment import tokenizer
    return tokenizer().FREQ.get(w, 0) >= least


def _reduplication_cue(t: str, s: int, e: int) -> bool:
    """A doubled verb or adjective reads as reduplication (try a little, 试一试) where the sentence
    asks for it: after 要 去 来 请 让 想 该 好好 一起 …, or before 吧 啊 一下 or a pause."""
    return t[max(0, s - 2):s].endswith(CUE_BEFORE) or t.startswith(CUE_AFTER, e) or e == len(t)


def _left_alone(p, s: int, e: int) -> bool:
    t = p.text
    return _in_title(t, s) or _in_translit_name(t, s, e) or _in_listed_form(p, s, e)


def _in_translit_name(t: str, s: int, e: int) -> bool:
    """尤克里里: the double inside a run of four or more transliteration characters, and no common
    word made with the character before (坦克|克, 报道|道 are slips)."""
    tl = translit_chars()
    if not all(c in tl for c in t[max(0, s - 1):e]) or s == 0 or _common(t[s - 1:s + 1]):
        return False
    return s >= 2 and t[s - 2] in tl or e < len(t) and t[e] in tl


def _doubled_given_name(p, s: int) -> bool:
    """王兵兵: a surname and a given-name character doubled (not 来了了: 了 names nobody)."""
    from galley.app.proof.misused import model
    t = p.text
    if t[s] not in model().given or _common(t[s:s + 2]) or _common(t[s - 1:s + 1]):
        return False                      # 商品|品, 欧盟|盟: a word, then a slip
    return surname_before(t, s, _bound, frozenset(p.settings.house.get("surnames", ()))) == s - 1


def _bound(t: str, j: int) -> bool:
    return _common(t[j - 1:j + 1])


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
        if _left_alone(p, i, i + 2):
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
        if g in _listed()[0] and _reduplication_cue(t, s, m.end()) or _left_alone(p, s, m.end()):
            continue            # 要研究研究, 去参观参观, 《长安长安》
        if g in PRONOUNS and t[:s].endswith(CLAUSE_VERBS):
            continue            # 告诉他们|他们已经赢了: object, then the subject of a clause
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
        if long1 and _common(t[i + 1:i + 3]) and _common(t[i], SINGLE_WORD) or long2 and i and _common(t[i - 1:i + 1]):
            continue                      # 社会|会|议论纷纷, 提问|问题: the single one is a word too
        if _left_alone(p, i, i + 2) or _doubled_given_name(p, i):
            continue                      # 分分钟, 问问题, 尤克里里, 王兵兵
        yield Hit(i, i + 2, f"“{t[i]}”可能多打了一个", f"{t[i]} may be typed twice", t[i], False)
