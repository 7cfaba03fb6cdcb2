"""Simplified/traditional mixing: in a simplified edition, characters that exist only in
traditional Chinese are errors (and the reverse). OpenCC converts the whole paragraph on the
phrase level and only characters it would change are reported, so 乾隆 or 皇后 stay alone.
Personal names keep the traditional or variant characters names are known to keep
(resources/proof/name_chars.txt: 颜徵, 梁靖崑; a surname and one or two given-name characters,
see app.proof.names) unless the house says otherwise (settings: house names_traditional = false).
"""
from __future__ import annotations

from galley.app.proof.finding import Hit
from galley.app.proof.names import name_chars, surname_before
from galley.app.proof.registry import rule
from galley.app.proof.script import converter, script_sets


@rule("script.mixed", "error", "简繁混用 / traditional characters in a simplified edition, or the reverse")
def mixed(p):
    t = p.text
    trad_only, simp_only = script_sets()
    if p.script == "traditional":
        bad, conv, zh, en = simp_only, "s2t", "繁体文本中混入简体字", "a simplified character in a traditional text"
    else:
        bad, conv, zh, en = trad_only, "t2s", "简体文本中混入繁体字", "a traditional character in a simplified text"
    if bad.isdisjoint(t):
        return
    cv = converter(conv)
    converted = cv.convert(t)
    same_length = len(converted) == len(t)
    house = p.settings.house
    names = p.script != "traditional" and house.get("names_traditional", True)
    extra = frozenset(house.get("surnames", ()))
    kept = name_chars() | set(house.get("name_chars", ""))
    for i, c in enumerate(t):
        if c not in bad:
            continue
        right = converted[i] if same_length else cv.convert(c)
        if right == c:
            continue
        if names and c in kept and surname_before(t, i, _bound, extra) >= 0:
            continue            # 颜徵, 梁靖崑: a personal name keeps its characters
        yield Hit(i, i + 1, f"{zh}：“{c}”应为“{right}”", f"{en}: {c} → {right}", right, True)


def _bound(t: str, j: int) -> bool:
    """t[j] makes a common word with the character before it (中国: 国 starts no name)."""
    from galley.app.proof.segment import tokenizer
    return tokenizer().FREQ.get(t[j - 1:j + 1], 0) >= 100
