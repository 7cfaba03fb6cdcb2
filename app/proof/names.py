"""Personal and transliterated names: what name-aware rules leave alone.

A Chinese personal name is a surname (resources/proof/surnames.txt, 单姓 and 复姓) and one or
two given-name characters (颜徵, 梁靖崑, 李钟武); a transliterated foreign name is a run of
characters common in transliteration (resources/proof/translit_chars.txt: 辛吉丝, 哈玛斯). Names
use characters freely, so the misused-character and script rules do not judge them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from galley.app.proof.registry import RESOURCES


def _read_list(name: str) -> list[str]:
    out = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out += line.split()
    return out


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, two-character surnames)."""
    names = _read_list("surnames.txt")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


@lru_cache(maxsize=1)
def translit_chars() -> frozenset[str]:
    return frozenset("".join(_read_list("translit_chars.txt")))


def surname_before(t: str, i: int, bound=None, extra: frozenset[str] = frozenset(),
                   given: frozenset[str] | None = None) -> int:
    """The start of a surname whose given name holds t[i] (the first or second character after
    it), or -1. `bound(t, j)` says whether the character at j belongs to a word with the one
    before it (中国 is no surname 国 starting a name); by default nothing is bound. `extra`: the
    house's own surnames (settings). `given`: when set, every given-name character up to t[i] must
    be one of these (characters names are made of).
    """
    single, double = surnames()
    if extra:
        single = single | {n for n in extra if len(n) == 1}
        double = double | {n for n in extra if len(n) == 2}
    for k in (1, 2):                       # t[i] is the k-th given-name character
        for sl, table in ((2, double), (1, single)):
            j = i - k - sl + 1
            if j < 0 or t[j:j + sl] not in table:
                continue
            if bound is not None and j > 0 and bound(t, j):
                continue
            if given is not None and any(ch not in given for ch in t[j + sl:i + 1]):
                continue
            return j
    return -1


# titles and roles a personal name follows (副市长陈立峰, 记者林晓岚)
_TITLES = ("市长", "省长", "县长", "区长", "镇长", "乡长", "村长", "局长", "处长", "科长", "部长", "厅长",
           "书记", "主任", "主席", "委员", "代表", "记者", "编辑", "通讯员", "教授", "院士", "研究员",
           "医生", "老师", "校长", "院长", "所长", "站长", "队长", "经理", "董事长", "总裁", "总经理",
           "负责人", "理事长", "会长", "秘书长", "专家", "律师", "法官", "检察官", "警官", "民警",
           "同志", "总统", "总理", "首相", "大使", "发言人", "主持人", "作者", "摄影")


def surname_after_title(t: str, i: int, given: frozenset[str] | None = None) -> bool:
    """t[i] is a surname starting a name right after a title (副市长陈立峰): the name's own
    characters, whatever a word list would make of them."""
    single, double = surnames()
    size = 2 if t[i:i + 2] in double else 1 if t[i] in single else 0
    first = t[i + size:i + size + 1]            # the given name's first character
    return bool(size and first) and (given is None or first in given) and t[:i].endswith(_TITLES)


def in_translit(t: str, i: int) -> bool:
    """t[i] sits in a run of transliteration characters (two of it and its neighbours)."""
    tl = translit_chars()
    n = sum(1 for k in (i - 1, i, i + 1) if 0 <= k < len(t) and t[k] in tl)
    return n >= 2


@lru_cache(maxsize=1)
def name_chars() -> frozenset[str]:
    """Traditional or variant characters personal names keep (resources/proof/name_chars.txt)."""
    return frozenset("".join(_read_list("name_chars.txt")))


# a credit: the names after a reporter's title in brackets ((记者拱振林), （记者 王明 李华）) or before
# 摄 / 报道 (本报记者 拱振林 摄, 记者王明报道)
_CREDIT = re.compile(r"(?:[（(][^（）()]{0,12}?|(?<![\u4e00-\u9fff])|本报|新华社|中新社)"
                     r"(?:特约记者|摄影记者|实习记者|记者|通讯员|实习生)[ \u3000]*"
                     r"(?P<names>[\u4e00-\u9fff·]{2,5}(?:[ \u3000、，,]+[\u4e00-\u9fff·]{2,5}){0,5})"
                     r"(?=[ \u3000]*(?:[）)]|摄|报道))")


# a picture's credit: (拱振林 摄), （拱振林摄）
_PHOTO = re.compile(r"[（(](?P<names>[\u4e00-\u9fff·]{2,5}(?:[ \u3000、]+[\u4e00-\u9fff·]{2,5}){0,3})[ \u3000]*摄[）)]")


def credit_names(t: str) -> list[tuple[int, int]]:
    """The spans of the names a credit gives (the reporters of (记者拱振林) or 本报记者 拱振林 摄, the
    photographer of (拱振林 摄)): names, whatever the words around them would make of their characters."""
    return [m.span("names") for m in _CREDIT.finditer(t)] + [m.span("names") for m in _PHOTO.finditer(t)]
