"""Chinese line breaking: one paragraph at one measure → lines with every glyph's x.

The innermost stage of composition (compose.py calls it for every paragraph, headline and
caption). Rules, from `layouts/composition.toml` (GB-level 避头尾 after W3C clreq):

* no 、，。：；！？”’」』）〕】〗］｝》〉 at a line start, no “‘「『（〔【〖［｛《〈 at a line end;
* —— and …… are never split; runs of Latin letters and digits are never split;
* 先挤进，后推出: a line first tries to squeeze the next unbreakable unit in by compressing
  full-width punctuation (to half width) before pushing it to the next line;
* adjacent full-width punctuation is always compressed (，“ → the comma's blank half goes);
* justified lines spread the remaining space evenly between characters (not inside Latin words);
* ¼ em between Han and Latin/digits unless the text has its own space;
* first-line indent in characters.

Widths come from `fonts.metrics`. Results are cached per (text, style, measure), so an
interactive relayout only recomposes the paragraph that changed. Deterministic.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import add, ne, sub
from pathlib import Path

from app.layout import fonts

RULES_FILE = Path(__file__).resolve().parents[2] / "layouts" / "composition.toml"

H, L, S = 0, 1, 2      # character classes: CJK (set in the style's font), Latin/digits, space
CJK_GENERAL = set("‘’“”—…·•※■□●○◆◇△▲→←℃％")


@dataclass(frozen=True)
class Rules:
    no_start: frozenset
    no_end: frozenset
    inseparable: frozenset
    closing: frozenset
    opening: frozenset
    amount: float
    han_latin: float
    indent: float


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    k, c, s = data["kinsoku"], data["compression"], data["spacing"]
    return Rules(frozenset(k["no_start"]), frozenset(k["no_end"]), frozenset(k["inseparable"]),
                 frozenset(c["closing"]), frozenset(c["opening"]), float(c["amount"]),
                 float(s["han_latin"]), float(s["first_line_indent"]))


def char_class(ch: str) -> int:
    o = ord(ch)
    if ch == " " or ch == "\t" or ch == "\u00a0":
        return S
    if o >= 0x2E80 or ch in CJK_GENERAL:
        return H
    return L


def is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


@dataclass(slots=True, unsafe_hash=True)   # a value; not frozen: made for every line, 3× faster
class Line:
    """A composed line: characters text[start:end] with glyph origins relative to the line's left edge."""

    start: int
    end: int
    xs: tuple[float, ...]
    runs: tuple[tuple[str, int, int], ...]   # (role, start, end) in paragraph offsets
    width: float                             # set width (≤ measure unless a unit could not fit)


@dataclass(frozen=True)
class Paragraph:
    text: str
    size: float
    lines: tuple[Line, ...]
    missing: tuple[tuple[str, str], ...] = ()     # (char, role used instead or "") for chars the font lacks


class _CharTable:
    """Per style role: char → (drawing role, advance in 1/1000 em, class). Built lazily, cached."""

    def __init__(self, role: str):
        self.role = role
        self.cache: dict[str, tuple[str, float, int]] = {}
        self.missing: dict[str, str] = {}

    def lookup(self, ch: str) -> tuple[str, float, int]:
        got = self.cache.get(ch)
        if got is not None:
            return got
        cls = char_class(ch)
        want = self.role
        if cls != H and self.role == "song":
            want = "latin"          # body text: Latin letters and figures in the Latin face
        m = fonts.metrics(want)
        if cls == S:
            sp = " "
            got = (want, m.advance(sp, 250.0) if want == "latin" else min(m.advance(sp, 500.0), 500.0), S)
        elif m.has(ch):
            got = (want, m.advance(ch), cls)
        else:
            got = None
            for alt in fonts.FALLBACK[want]:
                try:
                    am = fonts.metrics(alt)
                except Exception:  # noqa: BLE001, S112 - an unavailable fallback font is skipped
                    continue
                if am.has(ch):
                    got = (alt, am.advance(ch), cls)
                    self.missing[ch] = alt
                    break
            if got is None:
                self.missing[ch] = ""
                got = (want, 1000.0 if cls == H else 500.0, cls)
        self.cache[ch] = got
        return got


_tables: dict[str, _CharTable] = {}


def table(role: str) -> _CharTable:
    t = _tables.get(role)
    if t is None:
        t = _tables[role] = _CharTable(role)
    return t


def reset_caches() -> None:
    _tables.clear()
    break_paragraph.cache_clear()


@lru_cache(maxsize=8)
def _patterns(R: Rules):
    cjk_general = "".join(sorted(CJK_GENERAL))
    latin = re.compile("[^\\s\u00a0\u2e80-\U0010ffff" + re.escape(cjk_general) + "]{2,}")
    return (re.compile("[" + re.escape("".join(sorted(R.closing | R.opening))) + "]"),
            re.compile("[" + re.escape("".join(sorted(R.no_start))) + " \t\u00a0]"),   # no break before
            re.compile("[" + re.escape("".join(sorted(R.no_end))) + "]"),
            re.compile("|".join(re.escape(c) + "{2,}" for c in sorted(R.inseparable))),
            latin,
            re.compile("[^\\s\u00a0\u2e80-\U0010ffff" + re.escape(cjk_general) + "]+"))


@lru_cache(maxsize=50000)
def break_paragraph(text: str, role: str, size: float, measure: float, indent: float = 0.0,
                    align: str = "justify") -> Paragraph:
    """Break `text` into lines `measure` pt wide; `indent` (pt) on the first line.

    align: "justify" (all lines but the last spread to the measure), "left", "center", "right".
    Per-character work is done in list comprehensions; the rules only touch the (few) places
    where punctuation, Latin runs and spaces occur.
    """
    R = rules()
    n = len(text)
    if n == 0:
        return Paragraph(text, size, ())
    tab = table(role)
    try:
        info = list(map(tab.cache.__getitem__, text))
    except KeyError:                  # characters not seen before: look them up (once per process)
        get, lookup = tab.cache.get, tab.lookup
        info = [get(ch) or lookup(ch) for ch in text]
    roles, adv1000, cls = zip(*info)
    scale = size / 1000.0
    adv = [a * scale for a in adv1000]
    half = R.amount * size
    closing, opening = R.closing, R.opening
    no_start = R.no_start
    hl = R.han_latin * size
    full = size * 0.95
    punct_re, start_re, end_re, insep_re, latin_re, alnum_re = _patterns(R)

    comp = [0.0] * n          # compressible amount still available
    shift = [0.0] * n         # glyph origin shift left (compressed punctuation keeps its ink in the slot)
    gap = [0.0] * n           # fixed space before char i (Han–Latin)

    def ink_shift(j: int, taken: float) -> float:
        # move the glyph left so its ink stays centred in the narrowed slot (fonts differ)
        want = fonts.ink_center(roles[j], text[j]) * size - (adv1000[j] * scale - taken) / 2
        return 0.0 if want <= 0 else (min(want, taken))

    has_comp = has_shift = has_gap = False     # what this paragraph needs (most need little)
    all_glue = True
    comp_pos = [m.start() for m in punct_re.finditer(text)]
    for i in comp_pos:
        if cls[i] == H and adv[i] >= full:
            comp[i] = half
            has_comp = True
    # adjacent punctuation: always compress the blank half that faces the neighbour
    for i in sorted({k for p in comp_pos for k in (p - 1, p) if 0 <= k < n - 1}):
        a, b = text[i], text[i + 1]
        if comp[i] and a in closing and (comp[i + 1] or b in no_start):
            adv[i] -= half
            shift[i] = ink_shift(i, half)
            comp[i] = 0.0
            has_shift = True
        elif comp[i + 1] and b in opening and (comp[i] or a in opening):
            adv[i + 1] -= half
            shift[i + 1] = ink_shift(i + 1, half)
            comp[i + 1] = 0.0
            has_shift = True

    brk = [True] * (n + 1)
    glue = [True] * (n + 1)
    brk[0] = glue[0] = False
    for m in start_re.finditer(text):
        brk[m.start()] = False
    for m in end_re.finditer(text):
        brk[m.start() + 1] = False
    for m in (*(insep_re.finditer(text) if R.inseparable else ()), *latin_re.finditer(text)):
        a0, a1 = m.span()          # no break and no spreading inside —— …… or a Latin word
        brk[a0 + 1:a1] = glue[a0 + 1:a1] = [False] * (a1 - a0 - 1)
        all_glue = False
    for m in alnum_re.finditer(text):
        a0, a1 = m.span()
        if a0 > 0 and is_ideograph(text[a0 - 1]):
            gap[a0] = hl
            has_gap = True
        if a1 < n and is_ideograph(text[a1]):
            gap[a1] = hl
            has_gap = True
    brk[n] = True

    widths = list(map(add, adv, gap)) if has_gap else adv
    P = list(accumulate(widths, initial=0.0))
    Q = list(map(sub, P, accumulate(comp, initial=0.0))) if has_comp else P
    if has_gap:
        PG = list(map(sub, map(add, P, gap), shift))         # glyph origin before spreading
    elif has_shift:
        PG = list(map(sub, P, shift))
    else:
        PG = P
    G1 = range(n + 1) if all_glue else list(accumulate(glue[1:n + 1], initial=0))  # glue points in 1..j
    one_role = roles.count(roles[0]) == n
    changes = [] if one_role else list(compress(range(1, n), map(ne, roles[1:], roles)))
    role0 = roles[0]
    lines: list[Line] = []
    append = lines.append
    s = 0
    eps = 1e-6
    first_indent = indent
    while s < n:
        while s < n and cls[s] == S:      # spaces never start a line
            s += 1
        if s >= n:
            break
        avail = measure - first_indent
        base = P[s] + gap[s]              # a line-start Han–Latin gap is dropped
        # farthest k with squeezed width (Q) fitting
        k = bisect_right(Q, Q[s] + gap[s] + avail + eps, s) - 1
        if k >= n:
            e = n
        else:
            e = k
            while e > s and not brk[e]:
                e -= 1
            if e == s:                    # one unit wider than the measure: cut it
                e = max(k, s + 1)
                if e < n and text[e] in R.inseparable and text[e - 1] == text[e]:
                    r0 = e                # …but between pairs of a —— / …… run
                    while r0 > s and text[r0 - 1] == text[e]:
                        r0 -= 1
                    if (e - r0) % 2 and e - 1 > s:
                        e -= 1
        t = e                             # trailing spaces hang in the margin
        while t < n and cls[t] == S:
            t += 1
        vis_end = e
        while vis_end > s and cls[vis_end - 1] == S:
            vis_end -= 1
        natural = P[vis_end] - base
        last = t >= n
        over = natural - avail
        comp_used = None
        set_width = natural
        if over > eps:
            comp_used = {}
            idx = [j for j in range(s, vis_end) if comp[j]]
            if idx and idx[-1] == vis_end - 1 and text[vis_end - 1] in closing:
                take = min(comp[vis_end - 1], over)
                comp_used[vis_end - 1] = take
                over -= take
                idx = idx[:-1]
            if over > eps and idx:
                share = min(over / len(idx), half)
                for j in idx:
                    comp_used[j] = share
                over -= share * len(idx)
            set_width = natural - sum(comp_used.values())
        slack = avail - set_width
        spread = 0.0
        offset = first_indent
        if slack > eps:
            if align == "justify" and not last:
                g = G1[vis_end - 1] - G1[s] if vis_end - 1 > s else 0
                if g > 0:
                    spread = slack / g
            elif align == "center":
                offset += slack / 2
            elif align == "right":
                offset += slack
        if not comp_used:
            if not spread:
                o = offset - base
                xs = tuple([o + v for v in PG[s:e]])
            elif all_glue:
                o = offset - base - spread * s
                xs = tuple([o + v + spread * j for j, v in enumerate(PG[s:e], s)])
            else:
                o = offset - base - spread * G1[s]
                xs = tuple([o + PG[j] + spread * G1[j] for j in range(s, e)])
        else:
            xs_l = []
            x = offset
            for j in range(s, e):
                if j > s:
                    x += gap[j]
                    if glue[j] and spread:
                        x += spread
                cu = comp_used.get(j, 0.0)
                xs_l.append(x - ink_shift(j, cu) if cu else x - shift[j])
                x += adv[j] - cu
            xs = tuple(xs_l)
        if one_role:
            runs = ((role0, s, e),)
        else:
            c0 = bisect_right(changes, s)
            c1 = bisect_right(changes, e - 1)
            bounds = [s, *changes[c0:c1], e]
            runs = tuple([(roles[bounds[q]], bounds[q], bounds[q + 1]) for q in range(len(bounds) - 1)])
        width = avail if (align == "justify" and not last) else set_width
        append(Line(s, e, xs, runs, width + first_indent))
        first_indent = 0.0
        s = max(e, t)
    missing = tuple(sorted((ch, tab.missing[ch]) for ch in set(text) if ch in tab.missing)) if tab.missing else ()
    return Paragraph(text, size, tuple(lines), missing)


def line_texts(par: Paragraph) -> list[str]:
    return [par.text[ln.start:ln.end] for ln in par.lines]
