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
from dataclasses import dataclass, field, replace

from app.layout.grid import Grid, Style
from app.layout.linebreak import Paragraph, break_paragraph
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
        if el.kind in (Kind.HEADLINE, Kind.KICKER, Kind.DECK) and len(par.lines) == 2:
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
        cols.append(col)
    return cols, i


def needed_height(slots: list[Slot], columns: int, limit: int) -> int:
    """The smallest column height (grid lines) that threads all slots into `columns` columns,
    or `limit + 1` when even `limit` is not enough."""
    if not slots:
        return 0
    total = sum(s.h for s in slots)
    longest_chain, chain = 0, 0          # kept-together runs (picture + caption) set the minimum
    for s in slots:
        chain += s.h
        if not s.keep:
            longest_chain = max(longest_chain, chain)
            chain = 0
    longest_chain = max(longest_chain, chain)
    lo = max(max(s.h for s in slots), math.ceil(total / columns), min(longest_chain, limit))
    if lo > limit:
        _, i = thread(slots, columns, limit)
        return limit + 1 if i < len(slots) else limit
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
