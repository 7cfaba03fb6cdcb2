"""Compose a story's elements into grid material: a headline block and column flows.

Sits between the grid (grid.py) and placement (place.py). A story becomes:

* a `HeadBlock` (section label, kicker 引题, headline 主题, deck 副题) set across the module's
  full width and rounded up to whole grid lines;
* a body `Flow`: a list of `Slot`s (each one composed line, or a blank line, or a photo frame)
  taking whole grid lines, to be threaded through the module's columns;
* a sidebar `Flow` (the story's sidebar items, boxed and tinted), set beside the story.

Paragraphs are broken by linebreak.py (cached), so recomposing after an edit is cheap.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from app.layout.grid import Grid, Style
from app.layout.linebreak import Line, Paragraph, break_paragraph
from app.model import Element, Kind, Story

HEAD_KINDS = (Kind.SECTION, Kind.BANNER, Kind.KICKER, Kind.HEADLINE, Kind.DECK)
PHOTO_LINES = 8          # height of the picture frame placeholder set above a caption


class Slot:
    """One entry of a column flow: `h` grid lines holding one text line, a blank, or a frame."""

    __slots__ = ("boxed", "element", "h", "keep", "kind", "line", "par", "style")

    def __init__(self, h, kind, par=None, line=0, style=None, element=None, keep=False, boxed=False):
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
    head, flow, side, pages = [], [], [], []
    in_head = True
    for i, el in els:
        if el.kind == Kind.PAGE:
            pages.append((i, el))
            continue
        if in_head and el.kind in HEAD_KINDS:
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


def headline_style(grid: Grid, width_cols: int, kind: Kind) -> Style:
    if kind == Kind.HEADLINE:
        if width_cols * 2 >= grid.columns and "headline" in grid.styles:
            return grid.style("headline")
        return grid.styles.get("headline_minor") or grid.style("headline")
    return grid.style(str(kind))


MAX_HEAD_SEGMENTS = 8     # space-separated parts of a headline tried as line breaks (2**7 partitions)


def _shifted(line: Line, offset: int) -> Line:
    return replace(line, start=line.start + offset, end=line.end + offset,
                   runs=tuple((role, a + offset, b + offset) for role, a, b in line.runs))


def _break_at_spaces(text: str, st: Style, width: float, align: str, plain: Paragraph) -> Paragraph:
    """A headline broken at its spaces (奋进新征程 / 建功新时代) rather than inside a word.

    The space-separated parts are grouped into lines; each group is set on its own at the full
    measure (a group too long for one line is broken inside, as a last resort). Groupings that
    cut fewer words than the plain breaking qualify if they take no more lines (one more when
    they cut none); the one cutting fewest words wins, then the fewest lines, then the most even
    line widths. Offsets stay those of the element's text.
    """
    segs = [(m.start(), m.end()) for m in re.finditer(r"[^ \u3000\t]+", text)]
    if len(segs) < 2 or len(segs) > MAX_HEAD_SEGMENTS:
        return plain
    plain_inner = sum(1 for ln in plain.lines[:-1]
                      if not (text[ln.end - 1:ln.end].isspace() or text[ln.end:ln.end + 1].isspace()))
    if not plain_inner:
        return plain                     # the plain breaking already breaks at spaces only
    k = len(segs)
    best = None
    for mask in range(1 << (k - 1)):
        groups, a = [], 0
        for b in range(1, k):
            if mask >> (b - 1) & 1:
                groups.append((segs[a][0], segs[b - 1][1]))
                a = b
        groups.append((segs[a][0], segs[k - 1][1]))
        lines, inner, widths = [], 0, []
        for g0, g1 in groups:
            sub = break_paragraph(text[g0:g1], st.role, st.size, width, 0.0, align)
            inner += len(sub.lines) - 1
            lines.extend(_shifted(ln, g0) for ln in sub.lines)
            widths.extend(ln.width for ln in sub.lines)
        # one line more than the plain breaking is worth it to cut no word; otherwise no more lines
        if len(lines) > len(plain.lines) + (0 if inner else 1) or inner >= plain_inner:
            continue
        key = (inner, len(lines), max(widths) - min(widths))
        if best is None or key < best[0]:
            best = (key, lines)
    if best is None:
        return plain
    lines = best[1]
    return Paragraph(text, plain.size, tuple(lines), plain.missing)


def compose_head(parts: StoryParts, grid: Grid, width_cols: int) -> HeadBlock:
    width = grid.span_width(width_cols)
    block = HeadBlock(width=width)
    y = 0.0
    for i, el in parts.head:
        if el.kind == Kind.SECTION and block.section is None:
            block.section = (el.text, i)
            block.section_y = y
            st = grid.style("section")
            block.section_par = break_paragraph(el.text, st.role, st.size, width, 0.0, "left")
            y += grid.leading * 2 * max(1, len(block.section_par.lines))
            continue
        st = headline_style(grid, width_cols, el.kind)
        align = st.align if st.align != "justify" else "left"
        par = break_paragraph(el.text, st.role, st.size, width, 0.0, align)
        if el.kind in (Kind.HEADLINE, Kind.BANNER, Kind.KICKER, Kind.DECK) and len(par.lines) == 2:
            # a headline that just misses one line is set a little smaller rather than broken:
            # widths scale with the size, so the fitting size is computed, then checked once
            natural = sum(ln.width for ln in par.lines) if align != "justify" else width * 2
            size = math.floor(st.size * width / max(natural, 1e-6) * 2) / 2
            if size >= st.size * 0.75:
                while size >= st.size * 0.75:
                    trial = break_paragraph(el.text, st.role, size, width, 0.0, align)
                    if len(trial.lines) == 1:
                        par, st = trial, replace(st, size=size)
                        break
                    size -= 0.5
        if len(par.lines) > 1 and " " in el.text.strip():
            par = _break_at_spaces(el.text, st, width, align, par)
        for li in range(len(par.lines)):
            block.lines.append(HeadLine(y + _baseline(st, st.leading), par, li, st, i))
            y += st.leading
    if y:
        block.grid_lines = math.ceil(y / grid.leading - 1e-6) + 1
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
    for i, el in items:
        kind = el.kind
        text = el.text
        if boxed and kind == Kind.CREDIT:
            st = grid.style("credit")
            par = break_paragraph(text, st.role, st.size, measure, 0.0, "right")
            slots.extend(_text_slots(par, st, grid, i, True))
        elif boxed:
            st = grid.style("sidebar")
            par = break_paragraph(text, st.role, st.size, measure, st.indent * st.size, st.align)
            slots.extend(_text_slots(par, st, grid, i, True))
        elif kind == Kind.BODY:
            st = grid.style("body")
            par = break_paragraph(text, st.role, st.size, measure, st.indent * st.size, st.align)
            slots.extend(_text_slots(par, st, grid, i, False))
        elif kind in (Kind.SUBHEAD, Kind.HEADLINE, Kind.KICKER, Kind.DECK, Kind.BANNER, Kind.SECTION):
            st = grid.style("subhead")
            if slots:
                slots.append(Slot(1, "space", keep=True))
            par = break_paragraph(text, st.role, st.size, measure, 0.0, "left")
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
