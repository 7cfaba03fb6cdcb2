"""Simplified/traditional mixing: in a simplified edition, characters that exist only in
traditional Chinese are errors (and the reverse). OpenCC converts the whole paragraph on the
phrase level and only characters it would change are reported, so 乾隆 or 皇后 stay alone.
"""
from __future__ import annotations

from app.proof.finding import Hit
from app.proof.registry import rule
from app.proof.script import converter, script_sets


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
    for i, c in enumerate(t):
        if c not in bad:
            continue
        right = converted[i] if same_length else cv.convert(c)
        if right == c:
            continue
        yield Hit(i, i + 1, f"{zh}：“{c}”应为“{right}”", f"{en}: {c} → {right}", right, True)
