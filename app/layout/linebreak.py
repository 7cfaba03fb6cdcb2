"""Chinese line breaking: one paragraph at one measure → lines with every glyph's x.

The innermost stage of composition (compose.py calls it for every paragraph, headline and
caption). Rules, from `layouts/composition.toml` (GB-level 避头尾 after W3C clreq):

* no 、，。：；！？”’」』）〕】〗］｝》〉 at a line start, no “‘「『（〔【〖［｛《〈 at a line end;
* —— and …… are never split; runs of Latin letters and digits are never split;
* punctuation compression as a setting: 全角式 (full width; narrowed beside another mark and,
  to keep a forbidden character off a line start, in whole half ems, a line's last mark only
  when the others are not enough) or 开明式 (all marks but 。！？ half width everywhere);
  先挤进，后推出: a line is squeezed only when the next unit may not start a line, else pushed;
* every face's marks in their GB place: 。，、：；！？ in the left half of the em, “ ” full width
  (a face that sets them elsewhere has them moved, or a proportional quote taken from a GB face);
* justified lines first give narrowed marks their width back and pad Han–Latin gaps so that the
  Han characters after them land on the 1-em grid, then spread what is left between characters;
* ¼ em between Han and Latin letters unless the text has its own space; figures and half-width
  marks set solid (3月13日, 聊城(北京));
* at least two characters on a paragraph's last line (no 孤字); first-line indent in characters.

Widths come from `fonts.metrics`. Results are cached per (text, style, measure), so an
interactive relayout only recomposes the paragraph that changed. Deterministic.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import add, ne, sub

from galley.app.data import layouts
from galley.app.layout import fonts

RULES_FILE = layouts("composition.toml")

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
    style: str = "quanjiao"          # 全角式 | kaiming 开明式
    kaiming_half: frozenset = frozenset()
    han_digit: float = 0.0
    gb_left: frozenset = frozenset()
    quote_open: frozenset = frozenset()
    quote_close: frozenset = frozenset()
    last_line_min: int = 2
    # what `_letters` does not count (derived, set once: it was a union of three sets per paragraph)
    marks: frozenset = field(init=False, compare=False, repr=False, default=frozenset())

    def __post_init__(self):
        object.__setattr__(self, "marks", self.no_start | self.no_end | self.inseparable)


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    k, c, s = data["kinsoku"], data["compression"], data["spacing"]
    pos = data.get("positions", {})
    style = str(c.get("style", "quanjiao"))
    if style not in ("quanjiao", "kaiming"):
        from galley.app.errors import GalleyError
        raise GalleyError(f"composition: compression style must be quanjiao or kaiming, not {style!r}", RULES_FILE)
    return Rules(frozenset(k["no_start"]), frozenset(k["no_end"]), frozenset(k["inseparable"]),
                 frozenset(c["closing"]), frozenset(c["opening"]), float(c["amount"]),
                 float(s["han_latin"]), float(s["first_line_indent"]), style,
                 frozenset(c.get("kaiming_half", "")), float(s.get("han_digit", 0.0)),
                 frozenset(pos.get("left", "")), frozenset(pos.get("quote_open", "")),
                 frozenset(pos.get("quote_close", "")), int(data.get("lines", {}).get("last_line_min", 2)))


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
    """Per style role: char → (drawing role, advance in 1/1000 em, class, origin offset in 1/1000 em).

    Built lazily, cached. The offset puts a face's punctuation where mainland type has it
    (`[positions]` in composition.toml): 。，、：；！？ in the left half of the em, “ ‘ in the
    right half and ” ’ in the left half of a full em, whatever the face does.
    """

    def __init__(self, role: str):
        self.role = role
        self.cache: dict[str, tuple[str, float, int, float]] = {}
        self.missing: dict[str, str] = {}

    def lookup(self, ch: str) -> tuple[str, float, int, float]:
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
            got = (want, m.advance(sp, 250.0) if want == "latin" else min(m.advance(sp, 500.0), 500.0), S, 0.0)
        elif m.has(ch):
            got = (want, m.advance(ch), cls, 0.0)
        else:
            got = None
            for alt in fonts.FALLBACK[want]:
                try:
                    am = fonts.metrics(alt)
                except Exception:  # noqa: BLE001, S112 - an unavailable fallback font is skipped
                    continue
                if am.has(ch):
                    got = (alt, am.advance(ch), cls, 0.0)
                    if alt != fonts.SUPPLEMENTS.get(want):   # the style's own face beyond GB 2312 is
                        self.missing[ch] = alt               # no substitution worth a warning
                    break
            if got is None:
                self.missing[ch] = ""
                got = (want, 1000.0 if cls == H else 500.0, cls, 0.0)
        if cls == H and got[0] != "latin":
            got = _gb_position(ch, got)
        self.cache[ch] = got
        return got


def _gb_position(ch: str, got: tuple[str, float, int, float]) -> tuple[str, float, int, float]:
    """A punctuation mark moved (and widened) to its GB place in the em, where the face has it elsewhere."""
    R = rules()
    role, adv, cls, _ = got
    if (ch in R.quote_open or ch in R.quote_close) and adv < 900:
        # a proportional quote (WenQuanYi Zen Hei, LXGW WenKai): the full-width one of a GB face,
        # whose glyph box covers its em (moved by hand, it would leave a gap a PDF reader takes
        # for a word space)
        for alt in ("song", "kai", "song_ext"):
            try:
                am = fonts.metrics(alt)
            except Exception:  # noqa: BLE001, S112 - an unavailable face is skipped
                continue
            if am.has(ch) and am.advance(ch) >= 900:
                role, adv = alt, am.advance(ch)
                break
    if ch in R.quote_open:
        a, b = fonts.ink_box(role, ch)
        adv = max(adv, 1000.0)
        if (a + b) / 2 < 0.5:                      # proportional or left-set: into the right half
            return role, adv, cls, round((0.92 - b) * 1000, 1)
        return role, adv, cls, 0.0
    if ch in R.quote_close or ch in R.gb_left:
        a, b = fonts.ink_box(role, ch)
        if ch in R.quote_close:
            adv = max(adv, 1000.0)
        if adv >= 900 and (a + b) / 2 > 0.4:       # centred (Taiwan style): into the left half
            return role, adv, cls, round((0.08 - a) * 1000, 1)
    return role, adv, cls, 0.0


_tables: dict[str, _CharTable] = {}
# per (role, size): char → the table's entry and its advance at that size (pt), so that a
# paragraph's widths are read, not multiplied out, character by character
_sized: dict[tuple[str, float], dict[str, tuple[str, float, int, float, float]]] = {}


def table(role: str) -> _CharTable:
    t = _tables.get(role)
    if t is None:
        t = _tables[role] = _CharTable(role)
    return t


def reset_caches() -> None:
    _tables.clear()
    _sized.clear()
    _prepare.cache_clear()
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


PREPARED_MAX = 64      # head elements this long or shorter keep their preparation (set at many widths)


def _ink_shift(text: str, roles, adv1000, dx1000, size: float, j: int, taken: float) -> float:
    """How far left the glyph of text[j] moves so that its ink stays inside its slot narrowed by
    `taken` (fonts differ)."""
    scale = size / 1000.0
    d = dx1000[j] * scale
    want = (fonts.ink_center(roles[j], text[j]) * size + d) - (adv1000[j] * scale - taken) / 2
    return (0.0 if want <= 0 else min(want, taken)) - d


@lru_cache(maxsize=2048)
def _prepare(text: str, role: str, size: float, R: Rules) -> tuple:
    """What breaking `text` needs that does not depend on the measure, the indent, the alignment or
    the allowed breaks: each character's face and width, the punctuation narrowed beside another
    mark, where a line may not break or spread, the Han–Latin gaps and the running widths. Kept for
    short texts not justified (head elements, PREPARED_MAX), since placement sets a headline at
    every module width it tries, each at several choices of breaks and sizes. Read only."""
    n = len(text)
    scale = size / 1000.0
    sized = _sized.get((role, size))
    if sized is None:
        sized = _sized[(role, size)] = {}
    try:
        info = list(map(sized.__getitem__, text))
    except KeyError:                  # characters not seen at this size before (once per process)
        get, lookup = table(role).cache.get, table(role).lookup
        for ch in text:
            if ch not in sized:
                r_, a_, c_, d_ = get(ch) or lookup(ch)
                sized[ch] = (r_, a_, c_, d_, a_ * scale)
        info = list(map(sized.__getitem__, text))
    roles, adv1000, cls, dx1000, adv_t = zip(*info)
    adv = list(adv_t)
    half = R.amount * size
    closing, opening = R.closing, R.opening
    no_start = R.no_start
    hl = R.han_latin * size
    hd = R.han_digit * size
    full = size * 0.95
    quanjiao = R.style == "quanjiao"
    punct_re, start_re, end_re, insep_re, latin_re, alnum_re = _patterns(R)

    comp = [0.0] * n          # compressible amount still available
    shift = [0.0] * n         # glyph origin shift left (GB position; compressed punctuation keeps its ink in the slot)
    gap = [0.0] * n           # fixed space before char i (Han–Latin)
    cut = {}                  # punctuation set narrower than full width: amount taken (restored first when justifying)

    def ink_shift(j: int, taken: float) -> float:
        return _ink_shift(text, roles, adv1000, dx1000, size, j, taken)

    has_comp = has_shift = has_gap = False     # what this paragraph needs (most need little)
    all_glue = True
    if any(dx1000):
        for i in compress(range(n), dx1000):
            shift[i] = -dx1000[i] * scale
        has_shift = True
    comp_pos = [m.start() for m in punct_re.finditer(text)]
    for i in comp_pos:
        if cls[i] == H and adv[i] >= full:
            comp[i] = half
            has_comp = True
    if not quanjiao and R.kaiming_half:
        # 开明式: every mark but 。！？ is set half width, everywhere
        for i in comp_pos:
            if comp[i] and text[i] in R.kaiming_half:
                adv[i] -= half
                shift[i] = ink_shift(i, half)
                cut[i] = half
                comp[i] = 0.0
                has_shift = True
    # adjacent punctuation: always compress the blank half that faces the neighbour
    for i in sorted({k for p in comp_pos for k in (p - 1, p) if 0 <= k < n - 1}):
        a, b = text[i], text[i + 1]
        if comp[i] and a in closing and (comp[i + 1] or cut.get(i + 1) or b in no_start):
            adv[i] -= half
            shift[i] = ink_shift(i, half)
            cut[i] = half
            comp[i] = 0.0
            has_shift = True
        elif comp[i + 1] and b in opening and (comp[i] or cut.get(i) or a in opening):
            adv[i + 1] -= half
            shift[i + 1] = ink_shift(i + 1, half)
            cut[i + 1] = half
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
    run_ends = []
    for m in alnum_re.finditer(text):
        # ¼ em between Han and Latin letters; figures are set solid (3月13日), and so are
        # half-width marks (聊城(北京)): the gap goes only where a letter meets a Han character
        a0, a1 = m.span()
        run_ends.append(a1)
        if a0 > 0 and is_ideograph(text[a0 - 1]):
            c = text[a0]
            g = hl if c.isalpha() else (hd if c.isdigit() else 0.0)
            if g:
                gap[a0] = g
                has_gap = True
        if a1 < n and is_ideograph(text[a1]):
            c = text[a1 - 1]
            g = hl if c.isalpha() else (hd if c.isdigit() else 0.0)
            if g:
                gap[a1] = g
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
    return roles, adv1000, cls, dx1000, adv, comp, shift, gap, cut, has_gap, all_glue, brk, glue, run_ends, P, Q, PG, G1


@lru_cache(maxsize=50000)
def break_paragraph(text: str, role: str, size: float, measure: float, indent: float = 0.0,
                    align: str = "justify", breaks: tuple[int, ...] | None = None) -> Paragraph:
    """Break `text` into lines `measure` pt wide; `indent` (pt) on the first line.

    `breaks`: the only offsets where a line may end (a headline's word boundaries), within the
    rules below; None: wherever the rules allow.

    align: "justify" (all lines but the last spread to the measure), "left", "center", "right".
    Per-character work is done in list comprehensions; the rules only touch the (few) places
    where punctuation, Latin runs and spaces occur.
    """
    R = rules()
    n = len(text)
    if n == 0:
        return Paragraph(text, size, ())
    kept = n <= PREPARED_MAX and align != "justify"     # a head element, not running text
    prep = (_prepare if kept else _prepare.__wrapped__)(text, role, size, R)
    roles, adv1000, cls, dx1000, adv, comp, shift, gap, cut, has_gap, all_glue, brk, glue, run_ends, P, Q, PG, G1 = prep
    tab = table(role)
    closing, opening = R.closing, R.opening
    quanjiao = R.style == "quanjiao"

    def ink_shift(j: int, taken: float) -> float:
        return _ink_shift(text, roles, adv1000, dx1000, size, j, taken)

    if breaks is not None:
        allowed = [False] * (n + 1)
        for j in breaks:
            if 0 < j < n:
                allowed[j] = True
        brk = [b and a for b, a in zip(brk, allowed)]
        brk[n] = True

    eps = 1e-6

    def span(s: int, avail: float, limit: int = n) -> tuple[int, int, int]:
        """The line starting at s: (end, end past trailing spaces, visible end)."""
        # farthest k with the natural width (P) fitting; only when no line may end there (the next
        # character cannot start a line) is punctuation squeezed to take it in (先挤进, then 推出):
        # the nearest legal break within the squeezed width (Q)
        k = bisect_right(P, P[s] + gap[s] + avail + eps, s, limit + 1) - 1
        if k >= n:
            e = n
        else:
            e = k
            if not brk[k] and Q is not P:
                # the nearest legal break the squeezed width reaches whose line needs no squeezing
                # of its own last mark (squeezed, that mark's glyph box would reach into the gutter);
                # failing one, the unit is pushed down (推出)
                kq = bisect_right(Q, Q[s] + gap[s] + avail + eps, s, limit + 1) - 1
                base_s = P[s] + gap[s]
                inner0 = P[s] - Q[s]
                e = k
                for c in range(k + 1, kq + 1):
                    if brk[c] and cls[c - 1] != S:
                        over = P[c] - base_s - avail
                        if (P[c - 1] - Q[c - 1]) - inner0 >= over - eps:
                            e = c
                            k = kq
                            break
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
        return e, t, vis_end

    def skip_spaces(s: int) -> int:
        while s < n and cls[s] == S:      # spaces never start a line
            s += 1
        return s

    spans: list[tuple[int, int, int, int]] = []
    s = skip_spaces(0)
    first = True
    while s < n:
        e, t, v = span(s, measure - (indent if first else 0.0))
        spans.append((s, e, t, v))
        first = False
        s = t                             # (past the spaces after e: where skip_spaces would go)
    if len(spans) >= 2 and R.last_line_min > 1:
        # no 孤字: a last line of one character takes one more from the line above
        ls, _le, _, lv = spans[-1]
        if lv - ls < R.last_line_min + 4 and _letters(text, ls, lv, R) < R.last_line_min:
            ps, pe, _, _ = spans[-2]
            lo = ps + (pe - ps) // 2          # the line above keeps at least half its characters
            e2 = pe - 1
            while e2 > lo and not brk[e2]:
                e2 -= 1
            if e2 > lo:
                p_avail = measure - (indent if len(spans) == 2 else 0.0)
                pe2, pt2, pv2 = span(ps, p_avail, e2)
                rest, s = [], skip_spaces(max(pe2, pt2))
                while s < n:
                    e, t, v = span(s, measure)
                    rest.append((s, e, t, v))
                    s = skip_spaces(max(e, t))
                if len(rest) == 1 and pe2 == e2:
                    spans[-2:] = [(ps, pe2, pt2, pv2), *rest]

    # where a justified line may take space before it spreads Han characters: beside a mark narrowed
    # next to another (全角式 gives its width back), after half-width punctuation, at a Han–Latin gap
    pads: list[int] = []
    pad_cap: dict[int, float] = {}
    if align == "justify" and (cut or run_ends):
        near = set(run_ends)
        near.update(k for i in cut for k in (i, i + 1))
        if has_gap:
            near.update(compress(range(n), gap))
        for j in sorted(near):
            if not 0 <= j < n:
                continue
            cap = 0.0
            if quanjiao and j > 0 and j - 1 in cut and text[j - 1] in closing:
                cap = cut[j - 1]
            elif quanjiao and j in cut and text[j] in opening:
                cap = cut[j]
            elif j == 0:
                continue
            elif cls[j] == H and cls[j - 1] == L and not text[j - 1].isalnum():
                cap = size * 0.999
            elif gap[j] and (text[j].isalpha() or text[j - 1].isalpha()):
                cap = size * 0.5
            if cap:
                pads.append(j)
                pad_cap[j] = cap

    one_role = roles.count(roles[0]) == n
    changes = [] if one_role else list(compress(range(1, n), map(ne, roles[1:], roles)))
    role0 = roles[0]
    lines: list[Line] = []
    append = lines.append
    first_indent = indent
    for s, e, t, vis_end in spans:
        avail = measure - first_indent
        base = P[s] + gap[s]              # a line-start Han–Latin gap is dropped
        natural = P[vis_end] - base
        last = t >= n
        over = natural - avail
        comp_used = None
        set_width = natural
        if over > eps:
            # 先挤进: the marks nearest the line end give up their blank half first, each a whole
            # half em (so the Han characters before them stay on the 1-em grid), the last what is left
            # The line's last mark is squeezed only when the others are not enough: squeezed, its
            # advance (the glyph box readers of the PDF see) would reach into the gutter.
            comp_used = {}
            order = [j for j in range(vis_end - 2, s - 1, -1) if comp[j]]
            if comp[vis_end - 1]:
                order.append(vis_end - 1)
            for j in order:
                take = min(comp[j], over)
                comp_used[j] = take
                over -= take
                if over <= eps:
                    break
            set_width = natural - sum(comp_used.values())
        slack = avail - set_width
        spread = 0.0
        offset = first_indent
        pre = None                        # space put back before char j (restored marks, grid padding)
        if slack > eps:
            if align == "justify" and not last:
                if cut and vis_end - 1 in cut and text[vis_end - 1] in closing:
                    # a mark narrowed beside a neighbour that went to the next line: its blank half
                    # comes back at the line end, where it moves nothing
                    slack -= min(cut[vis_end - 1], slack)
                c0 = bisect_left(pads, s)
                c1 = bisect_right(pads, vis_end - 1)
                if c0 < c1:
                    pre = _grid_pads(pads[c0:c1], pad_cap, s, e, P, gap, comp_used, cls, size, slack)
                    slack -= sum(pre.values())
                g = G1[vis_end - 1] - G1[s] if vis_end - 1 > s else 0
                if g > 0 and slack > eps:
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
            if pre:                       # a pad moves everything after it
                xl = list(xs)
                for pos, amount in pre.items():
                    k = pos - s
                    xl[k:] = [v + amount for v in xl[k:]]
                xs = tuple(xl)
        else:
            comp_used = comp_used or {}
            pre = pre or {}
            xs_l = []
            x = offset
            for j in range(s, e):
                if j > s:
                    x += gap[j]
                    if glue[j] and spread:
                        x += spread
                x += pre.get(j, 0.0)
                cu = comp_used.get(j, 0.0)
                xs_l.append(x - ink_shift(j, cu) if cu else x - shift[j])
                x += adv[j] - cu
            xs = tuple(xs_l)
        runs: tuple[tuple[str, int, int], ...]
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
    miss = tab.missing            # a few characters, if any: look for them in the text, not the other way
    missing = tuple(sorted((ch, miss[ch]) for ch in miss if ch in text)) if miss else ()
    return Paragraph(text, size, tuple(lines), missing)


def _grid_pads(cands: list[int], cap: dict[int, float], s: int, e: int, P: list[float], gap: list[float],
               comp_used: dict[int, float], cls, size: float, slack: float) -> dict[int, float]:
    """Space put before candidate characters of a line so that the Han character after each lands
    on the 1-em grid again, within what the line has to spare. Positions come from the prefix
    widths (P), less what squeezed marks before gave up: no walk over the line's characters."""
    pre: dict[int, float] = {}
    base = P[s] + gap[s]
    added = 0.0
    squeezed = sorted(comp_used.items()) if comp_used else ()
    for j in cands:
        h = j if cls[j] == H else j + 1
        if h >= e or cls[h] != H:
            continue
        xh = (P[h] + gap[h] - base if h > s else 0.0) + added
        for q, amount in squeezed:
            if q < h:
                xh -= amount
        frac = (xh / size) % 1.0
        need = (1.0 - frac) * size if frac > 1e-3 else 0.0
        if 1e-6 < need <= min(cap[j], slack) + 1e-9:
            pre[j] = need
            slack -= need
            added += need
    return pre


def _letters(text: str, a: int, b: int, R: Rules) -> int:
    """Characters in text[a:b] that are not punctuation or space (what makes a line a 孤字 line)."""
    marks = R.marks
    return sum(1 for ch in text[a:b] if ch not in marks and not ch.isspace())


def line_texts(par: Paragraph) -> list[str]:
    return [par.text[ln.start:ln.end] for ln in par.lines]
