"""Compose a story's elements into grid material: a headline block and column flows.

Sits between the grid (grid.py) and placement (place.py). A story becomes:

* a `HeadBlock` (section label, kicker 引题, headline 主题, deck 副题) set across the module's
  full width and rounded up to whole grid lines, with air shared above and below; the 主题 takes
  its size from the layout's ladder in 号 (by rank and module width), every head element breaks
  at its spaces, punctuation or between words (never inside one), lines evened out;
* a body `Flow`: a list of `Slot`s (each one composed line, or a blank line, or a photo frame)
  taking whole grid lines, to be threaded through the module's columns;
* a sidebar `Flow` (the story's sidebar items, boxed and tinted, several items each after a
  bullet with a blank line between, kept whole in a column where it fits), set beside the story.

Threading never strands a paragraph's first line at a column foot or its last line at the top of
the next column, and keeps a subhead with its text.

Paragraphs are broken by linebreak.py (cached), so recomposing after an edit is cheap.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from galley.app.layout.grid import HAO, HAO_ORDER, Grid, Style
from galley.app.layout.linebreak import PREPARED_MAX, Line, Paragraph, S, _prepare, break_paragraph, rules
from galley.app.model import DISPLAY_KINDS, Element, Kind, Story
from galley.app.text import NO_LINE_START, OPENING

BULLET = "■"             # before each item of a fact box with several
BULLET_EM = 1.0          # the room it takes, in ems of the box text
PHOTO_LINES = 8          # height of the picture frame placeholder set above a caption


class Slot:
    """One entry of a column flow: `h` grid lines holding one text line, a blank, or a frame."""

    __slots__ = ("boxed", "dx", "element", "h", "keep", "kind", "line", "mark", "par", "style")

    def __init__(self, h, kind, par=None, line=0, style=None, element=None, keep=False, boxed=False):
        self.dx = 0.0             # the line set this far in from the column edge (a bulleted item)
        self.mark = ""            # a bullet drawn in that room before the line (an item's first line)
        self.h = h
        self.kind = kind          # "text" | "space" | "photo"
        self.par = par
        self.line = line
        self.style = style
        self.element = element
        self.keep = keep          # keep with the next slot (subheads, photo frames)
        self.boxed = boxed        # inside a sidebar box

    @property
    def chars(self) -> int:
        if self.kind != "text":
            return 0
        ln = self.par.lines[self.line]
        return len(self.par.text[ln.start:ln.end].replace(" ", ""))


@dataclass
class HeadLine:
    """A line of the headline block: baseline offset from the block top, centred/aligned in the width."""

    dy: float
    par: Paragraph
    line: int
    style: Style
    element: int


@dataclass
class HeadBlock:
    lines: list[HeadLine] = field(default_factory=list)
    grid_lines: int = 0            # whole grid lines taken, including the space below
    section: tuple[str, int] | None = None   # (text, element index) of a section label
    section_par: Paragraph | None = None
    section_y: float = 0.0         # offset of the section label from the block top
    width: float = 0.0

    @property
    def chars(self) -> int:
        n = sum(len(h.par.text[h.par.lines[h.line].start:h.par.lines[h.line].end].replace(" ", ""))
                for h in self.lines)
        return n + (len(self.section[0].replace(" ", "")) if self.section else 0)


@dataclass
class StoryParts:
    """A story split the way layout uses it."""

    story: Story
    head: list[tuple[int, Element]]
    flow: list[tuple[int, Element]]
    sidebar: list[tuple[int, Element]]
    pages: list[tuple[int, Element]]

    @property
    def has_sidebar(self) -> bool:
        return bool(self.sidebar)

    def flow_chars(self) -> int:
        return sum(len(e.text) for _, e in self.flow)


def split_story(story: Story, elements: list[tuple[int, Element]] | None = None) -> StoryParts:
    els = list(enumerate(story.elements)) if elements is None else elements
    head: list[tuple[int, Element]] = []
    flow: list[tuple[int, Element]] = []
    side: list[tuple[int, Element]] = []
    pages: list[tuple[int, Element]] = []
    in_head = True
    for i, el in els:
        if el.kind == Kind.PAGE:
            pages.append((i, el))
            continue
        if in_head and el.kind in DISPLAY_KINDS:
            head.append((i, el))
            continue
        in_head = False
        if el.kind == Kind.SIDEBAR or (el.kind == Kind.CREDIT and side and side[-1][0] == i - 1):
            side.append((i, el))        # a fact box, with the credit that signs it
        else:
            flow.append((i, el))
    return StoryParts(story, head, flow, side, pages)


def _baseline(style: Style, leading: float) -> float:
    """Baseline offset from the top of a slot `leading` tall for text of `style`."""
    return (leading - style.size) / 2 + style.size * 0.86


def headline_style(grid: Grid, width_cols: int, kind: Kind, lead: bool = False) -> Style:
    """The style of a head element at a module `width_cols` wide.

    The 主题 takes its size from the grid's ladder in 号 (by rank and width; `[headlines]` in the
    layout file), in the headline style's face; without a ladder, headline / headline_minor.
    """
    if kind == Kind.HEADLINE:
        rank = "lead" if lead else "other"
        ladder = grid.headline_ladder.get(rank) or grid.headline_ladder.get("other")
        base = grid.style("headline")
        if ladder:
            hao = next((h for c, h in ladder if width_cols >= c), ladder[-1][1])
            return _at_hao(base, hao)
        if width_cols * 2 >= grid.columns and "headline" in grid.styles:
            return base
        return grid.styles.get("headline_minor") or base
    return grid.style(str(kind))


@lru_cache(maxsize=256)
def _at_hao(base: Style, hao: str) -> Style:
    size = HAO[hao]
    return replace(base, size=size, leading=round(size * base.leading / base.size, 2), size_name=hao)


def smaller(style: Style) -> Style | None:
    """The next size down the 号 ladder (None when the style is not on it or at its foot)."""
    if not style.size_name:
        return None
    k = HAO_ORDER.index(style.size_name) + 1
    return _at_hao(style, HAO_ORDER[k]) if k < len(HAO_ORDER) else None


@lru_cache(maxsize=1024)
def head_key(grid: Grid, cols: int, lead: bool) -> tuple:
    """What a head block's setting depends on besides its width: the sizes of its elements."""
    return tuple(headline_style(grid, cols, k, lead).size for k in (Kind.HEADLINE,))


def _shifted(line: Line, offset: int) -> Line:
    return replace(line, start=line.start + offset, end=line.end + offset,
                   runs=tuple((role, a + offset, b + offset) for role, a, b in line.runs))


HEAD_PUNCT = set(NO_LINE_START + "·")
HEAD_OPEN = set(OPENING)


@lru_cache(maxsize=1)
def number_units() -> frozenset:
    """Units and measure words a headline keeps with the figure before them (composition.toml)."""
    import tomllib

    from galley.app.layout.linebreak import RULES_FILE
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    return frozenset(data.get("headlines", {}).get("number_units", ""))


HAN_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几半")


@lru_cache(maxsize=4096)
def head_breaks(text: str) -> tuple[tuple[int, ...], ...]:
    """Where a headline may break, best first: at its spaces; also after its punctuation; also
    between words (jieba's dictionary). Never inside a word (书香浸润城 / 市 is what this prevents)."""
    n = len(text)
    spaces, marks = set(), set()
    for i in range(1, n):
        a, b = text[i - 1], text[i]
        if a.isspace() or b.isspace():
            spaces.add(i)
        elif a in HEAD_PUNCT or b in HEAD_OPEN:
            marks.add(i)
    words = set()
    try:
        from galley.app.repair.lexicon import segment
    except ImportError:           # no dictionary: any place between characters
        words = set(range(1, n))
    else:
        for m in re.finditer(r"[\u3400-\u9fff]+", text):
            # where Han text meets Latin, figures or a half-width mark (OPEC 创始人: / 伊拉克…)
            words.update(p for p in (m.start(), m.end()) if 0 < p < n)
            pos = m.start()
            for word in segment(m.group(0)):
                pos += len(word)
                if m.start() < pos < m.end():
                    words.add(pos)
    # never between a figure, in digits or in Han numerals, and the units after it (2号 / 线,
    # 56 / 个, 三千 / 人), nor inside a transliterated name (塔吉克 / 斯坦, which the dictionary's
    # words up to four characters cut), nor after a lone Latin letter (A / 型)
    from galley.app.proof.names import translit_chars
    units = number_units()
    translit = translit_chars()
    tied = set()
    for i in range(1, n):
        j = i
        while j > 0 and text[j] in units and text[j - 1] in units:
            j -= 1
        numeral = text[i] in units and (text[j - 1].isdigit() or text[j - 1] in HAN_NUMERALS)
        name = text[i - 1] in translit and text[i] in translit
        letter = text[i - 1].isascii() and text[i - 1].isalpha() and not (      # A型, B超, X光
            i > 1 and text[i - 2].isascii() and text[i - 2].isalnum())
        if numeral or name or letter:
            tied.add(i)
    words -= tied
    marks -= tied
    out: list[tuple[int, ...]] = []
    for lv in (spaces, spaces | marks, spaces | marks | words):
        t = tuple(sorted(lv))
        if t and (not out or t != out[-1]):
            out.append(t)
    return tuple(out)


def _balanced(text: str, st: Style, width: float, breaks: tuple[int, ...], par: Paragraph) -> Paragraph:
    """`par` (broken only at `breaks`) with its lines made as even as they can be: the narrowest of a
    few measures from the average line width up that keeps the line count (a two-line headline
    reads 5 + 5 rather than 9 + 1)."""
    k = len(par.lines)
    if k < 2:
        return par
    clean = _cuts_only_at(par, breaks)
    widths = [ln.width for ln in par.lines]
    if min(widths) >= 0.8 * max(widths):
        return par                # even enough already
    start = max(sum(widths) / k, max(widths) / 2)
    for j in range(5):
        mid = start + j * st.size / 2
        if mid >= width:
            break
        trial = break_paragraph(text, st.role, st.size, mid, 0.0, "left", breaks)
        if (len(trial.lines) <= k and max(ln.width for ln in trial.lines) <= mid + 1e-6
                and (not clean or _cuts_only_at(trial, breaks))):
            return trial
    return par


SHORT_TAIL = 2        # a headline's last line of this many characters or fewer stands alone (孤字)


def _tail_chars(par: Paragraph) -> int:
    last = par.lines[-1]
    return len(par.text[last.start:last.end].strip()) if len(par.lines) > 1 else 99


def _no_short_tail(text: str, st: Style, width: float, breaks: tuple[int, ...], par: Paragraph) -> Paragraph:
    """`par` set again in as many lines at `breaks`, chosen so that its shortest line is as long
    as it can be (临川港 / 集装箱吞吐量 / 创同期新高, not 临川港集装箱 / 吞吐量创同期 / 新高); `par`
    when no such choice is better. A small dynamic programme over the break positions."""
    n, k = len(text), len(par.lines)
    cuts = [0, *[b for b in breaks if 0 < b < n], n]

    # the glyph origins of the text set on one line: a stretch's width is a difference of two
    one = break_paragraph(text, st.role, st.size, 1e6, 0.0, "left")
    if len(one.lines) != 1 or one.lines[0].end < n:
        return par
    xs = [*one.lines[0].xs, one.lines[0].width]

    R = rules()
    # a line from cut i to cut j is text[starts[i]:ends[j]] (spaces at either end hang); it may not
    # start with a mark that cannot start a line (bad_start), end with one that cannot end it or
    # split —— / …… (bad_end), nor be wider than the measure
    starts, bad_start, ends, bad_end = [], [], [], []
    for c in cuts:
        a = c
        while a < n and text[a].isspace():
            a += 1
        starts.append(a)
        bad_start.append(a < n and text[a] in R.no_start)
        b = c
        while b > 0 and text[b - 1].isspace():
            b -= 1
        ends.append(b)
        bad_end.append(b == 0 or text[b - 1] in R.no_end
                       or (c < n and text[c - 1] in R.inseparable and text[c] == text[c - 1]))
    limit = width + 1e-6

    # best[j][m]: (shortest line, previous cut) breaking text[:cuts[j]] into m lines
    best: list[dict[int, tuple[int, int]]] = [{} for _ in cuts]
    best[0][0] = (99, -1)
    for j in range(1, len(cuts)):
        if bad_end[j]:
            continue
        cj, b = cuts[j], ends[j]
        xb = xs[b]
        best_j = best[j]
        for i in range(j):
            a = starts[i]
            if not best[i] or a >= cj or bad_start[i] or xb - xs[a] > limit:
                continue      # (a >= cj: nothing but spaces between the cuts)
            chars = b - a
            for m, (short, _) in best[i].items():
                if m + 1 > k:
                    continue
                # the longest shortest line; of equals, the later cut (greedy breaking at the
                # chosen cuts then ends each line where the programme did)
                cand = (min(short, chars), i)
                if cand > best_j.get(m + 1, (-1, -1)):
                    best_j[m + 1] = cand
    got = best[-1].get(k)
    if got is None or got[0] <= _tail_chars(par):
        return par
    chosen, j, m = [], len(cuts) - 1, k
    while m > 0:
        i = best[j][m][1]
        if i > 0:
            chosen.append(cuts[i])
        j, m = i, m - 1
    trial = break_paragraph(text, st.role, st.size, width, 0.0, "left", tuple(sorted(chosen)))
    return trial if len(trial.lines) == k and _tail_chars(trial) > _tail_chars(par) else par


def _cuts_only_at(par: Paragraph, breaks: tuple[int, ...]) -> bool:
    ok = set(breaks)
    return all(ln.end in ok or par.text[ln.end:ln.end + 1].isspace() for ln in par.lines[:-1])


def _fits_unbroken(text: str, st: Style, width: float) -> bool:
    """Whether a short text set left in `st` stands on one line `width` wide at its natural width
    (the test `break_paragraph` makes for its first line, on the preparation it keeps)."""
    n = len(text)
    if not n or n > PREPARED_MAX:
        return False
    prep = _prepare(text, st.role, st.size, rules())
    cls, gap, P = prep[2], prep[7], prep[14]
    s = 0
    while s < n and cls[s] == S:
        s += 1
    return s < n and P[n] <= P[s] + gap[s] + width + 1e-6


@lru_cache(maxsize=8192)
def set_headline(text: str, st: Style, width: float, align: str, balance: bool = True) -> Paragraph:
    """A head element in as few lines as its breaks allow, the lines as even as they can be and
    aligned in the full width. Its spaces are the breaks it wants; then its punctuation; then the
    places between words. A word too long for the width is cut inside as a last resort."""
    if _fits_unbroken(text, st, width):
        levels: tuple[tuple[int, ...], ...] = ()       # one line: nothing to choose
        par = break_paragraph(text, st.role, st.size, width, 0.0, "left")
    else:
        # (set at its finest breaks, a text that fits on one line is that line, as set with no
        # breaks given: so the unbroken setting is made only where there are no breaks to give)
        levels = head_breaks(text)
        if levels:
            finest = par = break_paragraph(text, st.role, st.size, width, 0.0, "left", levels[-1])
            chosen = levels[-1]
        else:
            par = break_paragraph(text, st.role, st.size, width, 0.0, "left")
    if levels and len(par.lines) > 1:
        spaces = any(text[j].isspace() or text[j - 1].isspace() for j in levels[0])
        for q, lv in enumerate(levels[:-1]):
            trial = break_paragraph(text, st.role, st.size, width, 0.0, "left", lv)
            # a line more is worth breaking only at the headline's own spaces
            extra = 1 if (q == 0 and spaces) else 0
            if _cuts_only_at(trial, lv) and len(trial.lines) <= len(finest.lines) + extra:
                par, chosen = trial, lv
                break
        if balance:               # (placement only counts lines: balancing keeps their number)
            par = _balanced(text, st, width, chosen, par)
        if _tail_chars(par) <= SHORT_TAIL:
            par = _no_short_tail(text, st, width, chosen, par)
    if align in ("center", "right"):
        lines = []
        for ln in par.lines:
            off = (width - ln.width) / (2 if align == "center" else 1)
            lines.append(Line(ln.start, ln.end, tuple([x + off for x in ln.xs]), ln.runs, ln.width))
        par = Paragraph(par.text, par.size, tuple(lines), par.missing)
    return par


def _fewest_lines(text: str, st: Style, width: float) -> int:
    """A lower bound of the lines `text` takes in `st` at `width`: its width on one line, less all
    the punctuation could be squeezed (half an em a mark), over the measure."""
    one = break_paragraph(text, st.role, st.size, 1e6, 0.0, "left")
    R = rules()
    squeeze = sum(1 for ch in text if ch in R.closing or ch in R.opening or ch in R.no_start) * st.size / 2
    natural = sum(ln.width for ln in one.lines) - squeeze - st.size / 2
    return max(1, math.ceil(natural / max(width, 1e-6) - 1e-9))


def _inset(par: Paragraph, air: float, align: str) -> Paragraph:
    """`par`, set `air` narrower than its module, placed in the module's full width: centred
    lines move by half the air, right-aligned ones by all of it."""
    dx = air / 2 if align == "center" else (air if align == "right" else 0.0)
    if not dx:
        return par
    lines = tuple(Line(ln.start, ln.end, tuple([x + dx for x in ln.xs]), ln.runs, ln.width) for ln in par.lines)
    return Paragraph(par.text, par.size, lines, par.missing)


def group_leads(stories) -> set[str]:
    """Ids of the stories that open a page group (头条): the first story with content after a page
    marker or a change of page, as placement groups them (place._groups)."""
    leads: set[str] = set()
    group_key: object = object()
    new_group = True
    force_new = False
    for story in stories:
        parts = split_story(story)
        key = story.page
        content = bool(parts.head or parts.flow or parts.sidebar)
        starts = bool(parts.pages) or (key is not None and key != group_key)
        if key is not None:
            group_key = key
        if not content:
            if starts and not new_group:
                force_new = True
            continue
        if new_group or starts or force_new:
            leads.add(story.id)
            force_new = False
        new_group = False
    return leads


def compose_head(parts: StoryParts, grid: Grid, width_cols: int, balance: bool = True,
                 lead: bool | None = None) -> HeadBlock:
    """The head block at a module `width_cols` wide; `balance=False` (placement trying widths)
    skips evening out the lines of a headline, which changes no line count. `lead`: the story
    opens its page group (its 主题 takes the lead's size); None: when it carries the page marker."""
    width = grid.span_width(width_cols)
    block = HeadBlock(width=width)
    if lead is None:
        lead = bool(parts.pages)  # a page's first story carries the page marker: the lead (头条)
    y = 0.0
    for i, el in parts.head:
        if el.kind == Kind.SECTION and block.section is None:
            block.section = (el.text, i)
            block.section_y = y
            st = grid.style("section")
            block.section_par = break_paragraph(el.text, st.role, st.size, width, 0.0, "left")
            y += grid.leading * 2 * max(1, len(block.section_par.lines))
            continue
        st = headline_style(grid, width_cols, el.kind, lead)
        align = st.align if st.align != "justify" else "left"
        # its lines leave air at the module's sides (a one-column head may fill its column)
        side = grid.head_side_air if width_cols > 1 else 0.0
        air = side * st.size
        if el.kind == Kind.BANNER:
            par = break_paragraph(el.text, st.role, st.size, width - air, 0.0, align)
            if len(par.lines) == 2:
                # a banner (通栏) that just misses one line is set a little smaller rather than broken:
                # widths scale with the size, so the fitting size is computed, then checked once
                natural = sum(ln.width for ln in par.lines)
                size = math.floor(st.size * (width - air) / max(natural, 1e-6) * 2) / 2
                while size >= st.size * 0.75:
                    trial = break_paragraph(el.text, st.role, size, width - air, 0.0, align)
                    if len(trial.lines) == 1:
                        par, st = trial, replace(st, size=size)
                        break
                    size -= 0.5
            if len(par.lines) > 1:
                par = set_headline(el.text, st, width - air, align, balance)
            par = _inset(par, air, align)
        else:
            par = set_headline(el.text, st, width - air, align, balance)
            down = smaller(st) if len(par.lines) > 1 else None
            if down is not None and _fewest_lines(el.text, down, width - side * down.size) >= len(par.lines):
                down = None           # no setting at the smaller size can save a line: skip trying it
            if down is not None:
                # one step down the ladder when that sets it on one line fewer
                air_down = side * down.size
                trial = set_headline(el.text, down, width - air_down, align, balance)
                if len(trial.lines) < len(par.lines):
                    par, st, air = trial, down, air_down
            par = _inset(par, air, align)
        if el.kind == Kind.HEADLINE and y and grid.head_air:
            y += grid.leading * grid.head_air / 2      # air between a kicker and the 主题
        for li in range(len(par.lines)):
            block.lines.append(HeadLine(y + _baseline(st, st.leading), par, li, st, i))
            y += st.leading
    if y:
        air = grid.leading * grid.head_air
        block.grid_lines = math.ceil((y + air) / grid.leading - 1e-6) + 1
        # the block's white is shared above and below its lines (the grid line below stays)
        drop = ((block.grid_lines - 1) * grid.leading - y) / 2
        if drop > 0:
            for hl in block.lines:
                hl.dy += drop
            block.section_y += drop if block.section is not None and block.section_y > 0 else 0.0
    return block


def _text_slots(par: Paragraph, style: Style, grid: Grid, element: int, boxed: bool, keep: bool = False):
    h = max(1, math.ceil(style.leading / grid.leading - 1e-6))
    n = len(par.lines)
    return [Slot(h, "text", par, li, style, element, keep, boxed)
            for li in range(n)]


def compose_flow(items: list[tuple[int, Element]], grid: Grid, measure: float, boxed: bool = False) -> list[Slot]:
    """Elements → slots at one column measure (pt)."""
    slots: list[Slot] = []
    prev_kind = None
    if boxed:
        # a fact box (资料框): a blank line above its frame, each of several items after a bullet
        # (hanging) with a blank line between items, and the box kept whole in one column where
        # it fits (keep on every slot but its last)
        slots.append(Slot(1, "space", keep=True))
        n_items = sum(1 for _, el in items if el.kind != Kind.CREDIT)
    for i, el in items:
        kind = el.kind
        text = el.text
        if boxed and kind == Kind.CREDIT:
            st = grid.style("credit")
            par = break_paragraph(text, st.role, st.size, measure, 0.0, "right")
            slots.extend(_text_slots(par, st, grid, i, True, keep=True))
        elif boxed:
            st = grid.style("sidebar")
            if n_items > 1:
                if prev_kind is not None:
                    slots.append(Slot(1, "space", keep=True, boxed=True))
                bullet = st.size * BULLET_EM
                par = break_paragraph(text, st.role, st.size, measure - bullet, 0.0, st.align)
                item = _text_slots(par, st, grid, i, True, keep=True)
                for sl in item:
                    sl.dx = bullet
                item[0].mark = BULLET
                slots.extend(item)
            else:
                par = break_paragraph(text, st.role, st.size, measure, st.indent * st.size, st.align)
                slots.extend(_text_slots(par, st, grid, i, True, keep=True))
        elif kind == Kind.BODY:
            st = grid.style("body")
            par = break_paragraph(text, st.role, st.size, measure, st.indent * st.size, st.align)
            slots.extend(_text_slots(par, st, grid, i, False))
        elif kind in (Kind.SUBHEAD, Kind.HEADLINE, Kind.KICKER, Kind.DECK, Kind.BANNER, Kind.SECTION):
            st = grid.style("subhead")
            if slots:
                slots.append(Slot(1, "space", keep=True))
            # broken like a headline (at its punctuation or between words, never 制 / 高点), and a
            # step down the 号 ladder when that keeps it on one line
            par = set_headline(text, st, measure, "left")
            if len(par.lines) > 1:
                hao = next((h for h, v in HAO.items() if abs(v - st.size) < 0.01), None)
                k = HAO_ORDER.index(hao) + 1 if hao else len(HAO_ORDER)
                if k < len(HAO_ORDER) and HAO[HAO_ORDER[k]] >= grid.body_size:
                    down = replace(st, size=HAO[HAO_ORDER[k]])
                    trial = set_headline(text, down, measure, "left")
                    if len(trial.lines) == 1:
                        par, st = trial, down
            slots.extend(_text_slots(par, st, grid, i, False, keep=True))
        elif kind in (Kind.BYLINE, Kind.AUTHOR):
            st = grid.style("byline")
            par = break_paragraph(text, st.role, st.size, measure, 0.0, "left")
            slots.extend(_text_slots(par, st, grid, i, False))
        elif kind == Kind.CAPTION:
            st = grid.style("caption")
            if prev_kind != Kind.CAPTION:
                if slots:
                    slots.append(Slot(1, "space"))
                slots.append(Slot(PHOTO_LINES, "photo", keep=True))
            par = break_paragraph(text, st.role, st.size, measure, 0.0, st.align)
            slots.extend(_text_slots(par, st, grid, i, False, keep=True))   # stays with its picture
        elif kind == Kind.CREDIT:
            st = grid.style("credit")
            par = break_paragraph(text, st.role, st.size, measure, 0.0, "right")
            slots.extend(_text_slots(par, st, grid, i, False))
        else:  # anything else is set as body text: never lose a character
            st = grid.style("body")
            par = break_paragraph(text, st.role, st.size, measure, st.indent * st.size, st.align)
            slots.extend(_text_slots(par, st, grid, i, False))
        prev_kind = kind
    if boxed and slots:
        slots[-1].keep = False
    return slots


def sidebar_measure(grid: Grid) -> float:
    """Text inside a sidebar box: half a body character of padding each side, still a whole grid."""
    return (grid.column_chars - 1) * grid.body_size


def thread(slots: list[Slot], columns: int, height: int, start: int = 0) -> tuple[list[list[Slot]], int]:
    """Fill `columns` columns of `height` grid lines from slots[start:]; returns (columns, next index).

    A blank never starts a column; a slot marked keep is not left alone at a column foot.
    """
    cols: list[list[Slot]] = []
    i, n = start, len(slots)
    for _ in range(columns):
        col: list[Slot] = []
        used = 0
        while i < n and slots[i].kind == "space" and not col:
            i += 1
        while i < n:
            s = slots[i]
            if used + s.h > height:
                break
            if s.keep and col and (i == start or not slots[i - 1].keep or slots[i - 1] not in col):
                # a chain of kept slots (subhead, picture frame + caption) and the slot after it
                # move to the next column together rather than split
                j, chain = i, 0
                while j < n and slots[j].keep:
                    chain += slots[j].h
                    j += 1
                if j < n:
                    chain += slots[j].h
                if used + chain > height and chain <= height:
                    break
            col.append(s)
            used += s.h
            i += 1
        if i < n and len(col) > 1:
            i = _no_stranded_lines(slots, col, i)
        cols.append(col)
    return cols, i


def _same_par(a: Slot, b: Slot) -> bool:
    return a.kind == "text" and b.kind == "text" and a.par is b.par and a.element == b.element


def _no_stranded_lines(slots: list[Slot], col: list[Slot], i: int) -> int:
    """A column that ends before the flow does gives back lines so that no paragraph leaves its
    first line alone at the foot or its last line alone at the top of the next column, and no
    subhead is left without its text; returns the next slot index. The column keeps at least one slot."""
    nxt = slots[i]
    if _same_par(col[-1], nxt) and nxt.line == len(nxt.par.lines) - 1:
        # the last line would stand alone above: a line more goes with it (the whole paragraph
        # when it has only three lines, else its first line would be stranded here)
        col.pop()
        i -= 1
    last = col[-1] if col else None
    if (last is not None and last.kind == "text" and last.line == 0 and len(last.par.lines) > 1
            and _same_par(last, slots[i]) and len(col) > 1):
        col.pop()                 # a first line alone at the foot goes to the next column
        i -= 1
    while len(col) > 1 and (col[-1].kind == "space" or (col[-1].keep and col[-1].kind == "text"
                                                        and col[-1].style.name == "subhead")):
        col.pop()                 # a subhead (or the blank above it) goes with what follows it
        i -= 1
    if not col:                   # never empty a column (the flow must move on)
        col.append(slots[i])
        i += 1
    return i


def needed_height(slots: list[Slot], columns: int, limit: int) -> int:
    """The smallest column height (grid lines) that threads all slots into `columns` columns,
    or `limit + 1` when even `limit` is not enough."""
    if not slots:
        return 0
    hs = [s.h for s in slots]
    total = sum(hs)
    longest_chain, chain = max(hs), 0    # kept-together runs (picture + caption) set the minimum
    for s in slots:
        if s.keep or chain:
            chain += s.h
            if not s.keep:
                longest_chain = max(longest_chain, chain)
                chain = 0
    longest_chain = max(longest_chain, chain)
    lo = max(math.ceil(total / columns), min(longest_chain, limit))
    if lo > limit:
        _, i = thread(slots, columns, limit)
        return limit + 1 if i < len(slots) else limit
    # the balanced height is almost always within a line or two of the lower bound: probe upwards
    # first (one or two threadings), then bisect what is left
    for h in range(lo, min(lo + 3, limit + 1)):
        if thread(slots, columns, h)[1] >= len(slots):
            return h
    lo = min(lo + 3, limit)
    hi = limit
    _, i = thread(slots, columns, hi)
    if i < len(slots):
        return limit + 1
    while lo < hi:
        mid = (lo + hi) // 2
        _, i = thread(slots, columns, mid)
        if i >= len(slots):
            hi = mid
        else:
            lo = mid + 1
    return lo
