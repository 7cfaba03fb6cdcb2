"""Paired marks (GB/T 15834): “” ‘’ （） 《》 〈〉 【】 balanced, book titles nested as 《〈〉》,
quotations nested as “‘’”.

A quotation running over several paragraphs opens each paragraph with “ and closes only at
the end of the last one, so an unclosed “ is fine when the next paragraph of the story opens
with “.
"""
from __future__ import annotations

from functools import lru_cache

from galley.app.proof.finding import Hit
from galley.app.proof.registry import rule

OPEN_OF = {"”": "“", "’": "‘", "）": "（", ")": "(", "》": "《", "〉": "〈", "】": "【", "」": "「", "』": "『",
           "〕": "〔"}
CLOSE_OF = {v: k for k, v in OPEN_OF.items()}
FAMILY = {"(": "（", ")": "）"}   # half-width parentheses balance with full-width ones
MARKS = set(OPEN_OF) | set(CLOSE_OF)


def _is_apostrophe(t: str, i: int) -> bool:
    before = t[i - 1] if i else ""
    return before.isascii() and before.isalpha()


@lru_cache(maxsize=4096)
def _scan(t: str):
    """(unmatched opens, unmatched closes) as index lists, per family; each family on its own stack."""
    stacks: dict[str, list[int]] = {}
    unmatched_close: list[int] = []
    for i, c in enumerate(t):
        if c not in MARKS:
            continue
        c = FAMILY.get(c, c)
        if c in CLOSE_OF:
            stacks.setdefault(c, []).append(i)
        else:
            o = FAMILY.get(OPEN_OF[c], OPEN_OF[c])
            st = stacks.get(o)
            if st:
                st.pop()
            elif c == "’" and _is_apostrophe(t, i):
                continue
            else:
                unmatched_close.append(i)
    return {k: v for k, v in stacks.items() if v}, unmatched_close


def _quote_continues(next_text: str | None) -> bool:
    return next_text is not None and next_text.lstrip("\u3000 ").startswith(("“", "「", "『", "‘"))


QUOTE_OPENS = "“「『‘"


def _runs_on(p, o: str) -> bool:
    """An unclosed quotation o here is closed in the next paragraph, which does not reopen it."""
    if not p.next_text or not any(c in p.next_text for c in CLOSE_OF[o]):
        return False
    _, closes = _scan(p.next_text)
    return any(OPEN_OF[p.next_text[i]] == o for i in closes)


def _ran_on(p, c: str) -> bool:
    """An unmatched closing quote c here closes a quotation left open in the previous paragraph."""
    if not p.prev_text or OPEN_OF[c] not in p.prev_text:
        return False
    opens, _ = _scan(p.prev_text)
    return bool(opens.get(OPEN_OF[c]))


@rule("punct.quote-paragraph", "warning", "引文跨段时每段开头都要用前引号 / a quotation running on opens each paragraph")
def quote_paragraph(p):
    t = p.text
    if not p.next_text or not any(c in t for c in QUOTE_OPENS):
        return
    opens, _ = _scan(t)
    for o, idx in opens.items():
        if o in QUOTE_OPENS and len(idx) == 1 and _runs_on(p, o):
            yield Hit(idx[0], idx[0] + 1, f"引文延续到下一段，下一段开头也应加“{o}”",
                      f"the quotation runs into the next paragraph, which should open with {o} too", None)


@rule("punct.pairs", "error", "成对标点不配对 / unbalanced paired marks “” ‘’ （） 《》 〈〉 【】")
def pairs(p):
    t = p.text
    if MARKS.isdisjoint(t):
        return
    opens, closes = _scan(t)
    for o, idx in opens.items():
        if o in QUOTE_OPENS and len(idx) == 1 and (_quote_continues(p.next_text) or _runs_on(p, o)):
            continue                    # a quotation running on into the next paragraph
        for i in idx:
            yield Hit(i, i + 1, f"“{t[i]}”没有对应的“{CLOSE_OF[FAMILY.get(t[i], t[i])]}”",
                      f"{t[i]} is never closed", None)
    for i in closes:
        c = FAMILY.get(t[i], t[i])
        if OPEN_OF[c] in QUOTE_OPENS and _ran_on(p, c):
            continue
        yield Hit(i, i + 1, f"“{t[i]}”前面没有对应的“{OPEN_OF[c]}”", f"{t[i]} closes nothing", None)


@rule("punct.nesting", "error", "书名号内再用书名号应为〈〉 / a book title inside 《》 takes 〈〉")
def nesting(p):
    t = p.text
    if t.count("《") < 2:
        return
    depth_stack: list[int] = []
    for i, c in enumerate(t):
        if c == "《":
            if depth_stack:
                # find the matching 》 of this inner title
                d, j = 0, i
                while j < len(t):
                    if t[j] == "《":
                        d += 1
                    elif t[j] == "》":
                        d -= 1
                        if d == 0:
                            break
                    j += 1
                yield Hit(i, i + 1, "书名号内的书名号应改用单书名号“〈”", "a title inside 《》 takes 〈 〉", "〈", True)
                if j < len(t):
                    yield Hit(j, j + 1, "书名号内的书名号应改用单书名号“〉”", "a title inside 《》 takes 〈 〉", "〉", True)
            depth_stack.append(i)
        elif c == "》" and depth_stack:
            depth_stack.pop()


@rule("punct.quote-nesting", "warning", "引号内再用引号应为‘’ / a quotation inside “” takes ‘’")
def quote_nesting(p):
    t = p.text
    if t.count("“") < 2:
        return
    depth = 0
    for i, c in enumerate(t):
        if c == "“":
            if depth >= 1:
                j = t.find("”", i)
                if j != -1 and t.find("“", i + 1, j) == -1 and t.find("”", j + 1) != -1:
                    yield Hit(i, i + 1, "引号内的引号应改用单引号“‘’”", "a quotation inside “” takes ‘ ’", "‘", False)
            depth += 1
        elif c == "”":
            depth = max(depth - 1, 0)
