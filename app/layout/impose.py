"""Impose: a placement plan + composed stories → a `PagedDocument` of positioned items.

The last layout stage. For each story, in plan order of its modules: the headline block goes
across the top of its first module, the body flow threads through the module's columns (then
on into the story's next module), the sidebar is boxed and tinted in the columns kept for it.
What is left over after the last module is overset: counted and reported, never dropped.
Painters (PDF, PNG, the GUI) only read the items made here.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from galley.app.layout.compose import (
    PHOTO_LINES,
    HeadBlock,
    Slot,
    StoryParts,
    compose_flow,
    compose_head,
    group_leads,
    needed_height,
    sidebar_measure,
    split_story,
    thread,
)
from galley.app.layout.grid import Grid
from galley.app.layout.linebreak import break_paragraph
from galley.app.layout.paged import (
    BLACK,
    Box,
    Cmyk,
    GlyphRun,
    Module,
    Overset,
    Page,
    PagedDocument,
    Rule,
    TextLine,
)
from galley.app.layout.place import JUMP_LINES, folio_number
from galley.app.layout.plan import Placement, Plan
from galley.app.model import Edition

COLUMN_RULE = 0.25
UNDER_BOX_MIN = 12     # grid lines a fact box's column must leave empty before the story's text goes on under it
MODULE_RULE = 0.6
PICTURE_WIDEST = 5.0   # a picture set across a module, as drawn: at most this many times as wide as deep (a panorama strip)…
PICTURE_TALLEST = 1.5  # …and at most this many times as deep as wide


def _text_line(par, li: int, style, x: float, y: float, measure: float, story: str, element: int | None,
               column: int) -> TextLine:
    ln = par.lines[li]
    text = par.text
    xs = ln.xs
    s0 = ln.start
    runs = []
    size = par.size
    stroke = round(style.bold * size, 3) if style.bold else 0.0
    for role, a, b in ln.runs:
        t = text[a:b]
        if not t.strip():
            continue
        if stroke and (role == style.role or role != "hei"):
            # the style's light face set heavier, and with it the light faces its figures, Latin
            # letters and rare characters are set in (12.6% in a 标宋 headline), not the 黑体 already heavy
            runs.append(GlyphRun(role, size, t, tuple([x + v for v in xs[a - s0:b - s0]]), stroke=stroke))
        else:
            runs.append(GlyphRun(role, size, t, tuple([x + v for v in xs[a - s0:b - s0]])))
    return TextLine(x, y, measure, tuple(runs), style.name, story, element, s0, column)


class _StoryState:
    __slots__ = ("head", "head_done", "parts", "pic", "pos", "side_inline", "side_pos", "side_slots", "slots")

    def __init__(self, parts: StoryParts):
        self.parts = parts
        self.slots: list[Slot] | None = None
        self.pos = 0
        self.side_slots: list[Slot] | None = None
        self.side_pos = 0
        self.head_done = False
        self.head: HeadBlock | None = None
        self.side_inline = False
        self.pic: tuple | None = None      # (height asked, _picture_end's answer)


def _page(grid: Grid, number: int, label: str) -> Page:
    p = Page(number=number, width=grid.width, height=grid.height, bleed=grid.bleed,
             margins=(grid.margin_top, grid.margin_right, grid.height - grid.margin_top - grid.type_height,
                      grid.margin_left), label=label)
    return p


def _folio(grid: Grid, page: Page, layers) -> None:
    from galley.app.layout.linebreak import break_paragraph

    y_rule = grid.margin_top - 6
    layers[1].append(Rule(grid.margin_left, y_rule, grid.margin_left + grid.type_width, y_rule,
                          grid.folio_rule))
    size = grid.folio_size
    for text, align in ((page.label or f"第{page.number}版", "left"), (str(page.number), "right")):
        par = break_paragraph(text, grid.folio_role, size, grid.type_width, 0.0, align)
        for li in range(len(par.lines)):
            layers[2].append(_text_line(par, li, grid.style("section"), grid.margin_left,
                                        y_rule - 5 - (len(par.lines) - 1 - li) * size * 1.2,
                                        grid.type_width, "", -1, 0))


def _emit_columns(cols, grid: Grid, x_of, top: int, story: str, layers, first_col: int,
                  box_pad: float) -> list[int]:
    """Draw threaded columns; returns the used height (grid lines) of each column."""
    used = []
    lead = grid.leading
    for ci, col in enumerate(cols):
        x = x_of(ci)
        line = top
        box_start = None
        for s in col:
            if s.boxed and box_start is None:
                box_start = line
            elif not s.boxed and box_start is not None:
                _box(layers, grid, x, box_start, line, grid.column_width)
                box_start = None
            if s.kind == "text":
                st = s.style
                y = grid.line_y(line) + (s.h * lead - st.size) / 2 + st.size * 0.86
                tx = x + (box_pad if s.boxed else 0.0)
                if s.mark:
                    # the bullet is drawn, not set: a square (■) of 0.45 em on the x-height, no text
                    # for a reader of the PDF to take for part of the item
                    side = st.size * 0.45
                    layers[0].append(Box(tx + (s.dx - side) / 2 - st.size * 0.1, y - st.size * 0.36 - side / 2,
                                         side, side, None, BLACK, 0.0, "bullet"))
                layers[2].append(_text_line(s.par, s.line, st, tx + s.dx, y, grid.column_width, story,
                                            s.element, first_col + ci))
            elif s.kind == "photo":
                y0 = grid.line_y(line)
                h = s.h * lead - lead * 0.3
                layers[0].append(Box(x, y0, grid.column_width, h, BLACK, Cmyk(0, 0, 0, 0.12), 0.5, "photo"))
                layers[1].append(Rule(x, y0, x + grid.column_width, y0 + h, 0.25))
                layers[1].append(Rule(x, y0 + h, x + grid.column_width, y0, 0.25))
            line += s.h
        if box_start is not None:
            _box(layers, grid, x, box_start, line, grid.column_width)
        used.append(line - top)
    return used


def _even_end(slots, cols, pos: int, columns: int, depth: int, start: int):
    """A story's last module threaded so that its columns end together: when greedy threading
    (every column full to `depth` but the last) leaves a text column empty, or ends one column
    three lines or more above another (a subhead that does not fit at a column's foot takes its
    chain to the next column; the last column takes what is left: the seed's lead had 4 and 8
    empty lines in two of its eight columns), the text is dealt out evenly instead, each column
    taking its share of what is left (30 lines in 8 columns: 4 and 3, not 5 in six and none in the
    eighth), or a line or a few over that share where a kept chain needs it. Kept when it places
    the same text with no column empty and, unless greedy threading left one empty, ends its
    columns more nearly together. Greedy threading stands otherwise."""
    def has_text(c):
        return any(s.kind != "space" for s in c)

    def spread(cs):
        used = [sum(s.h for s in c) for c in cs]
        return max(used) - min(used)

    empty = not all(has_text(c) for c in cols)
    if not empty and spread(cols) < 3:
        return cols, pos
    mine = slots[:pos]                  # what greedy threading placed here, no more
    best, best_spread = cols, (depth + 1 if empty else spread(cols))
    for slack in range(4):              # a share a line or more over the even one, where keeps need it
        even, i = [], start
        for c in range(columns):
            left = sum(s.h for s in mine[i:])
            # a picture with its caption (a kept chain) is not cut: the column takes it whole
            j = i
            while j < len(mine) and mine[j].kind == "space":
                j += 1
            chain = 0
            while j < len(mine) and mine[j].keep:
                chain += mine[j].h
                j += 1
            chain += mine[j].h if j < len(mine) else 0
            share = min(depth, max(1, -(-left // (columns - c)) + slack, chain))
            col, i = thread(mine, 1, share, i)
            even.append(col[0])
        if i >= pos and all(has_text(c) for c in even) and spread(even) < best_spread:
            best, best_spread = even, spread(even)
            if best_spread < 3:
                break
    return best, pos


def _box(layers, grid: Grid, x: float, line0: int, line1: int, w: float) -> None:
    tint = grid.style("sidebar").tint
    y0 = grid.line_y(line0) - grid.leading * 0.25
    h = (line1 - line0) * grid.leading + grid.leading * 0.5
    layers[0].append(Box(x, y0, w, h, BLACK, Cmyk(0, 0, 0, tint) if tint else None, 0.6, "frame"))


def _jump(grid: Grid, m: Placement, line: int, text: str, align: str, layers) -> None:
    """A jump line (上接第X版 / 下转第X版) on grid line `line` of a module, in the byline face."""
    st = grid.style("byline")
    x = grid.column_x(m.column if align == "left" else m.column + m.columns - 1)
    par = break_paragraph(text, st.role, grid.body_size, grid.column_width, 0.0, align)
    y = grid.line_y(line) + (grid.leading - grid.body_size) / 2 + grid.body_size * 0.86
    layers[2].append(_text_line(par, 0, replace(st, name="jump", bold=0.0), x, y, grid.column_width, m.story, None,
                                m.column))


def _caption_lines(grid: Grid, par) -> int:
    """Grid lines a caption set in the caption style takes."""
    return math.ceil(len(par.lines) * grid.style("caption").leading / grid.leading - 1e-6) if par is not None else 0


def _photo_depth(grid: Grid, lines: float, air: float = 0.0) -> float:
    """Depth in points of the picture `_photo` draws in `lines` grid lines over its caption's, with
    `air` grid lines under the caption (a quarter line of air above it, a quarter between it and the caption)."""
    return max(grid.leading, (lines - air) * grid.leading - grid.leading * 0.5)


def _photo(grid: Grid, column: int, columns: int, line: int, lines: int, par, story: str, element: int | None,
           layers, air: float = 0.0) -> None:
    """A picture's place (tinted and crossed) `columns` wide and `lines` grid lines deep from grid
    line `line`, its caption (`par`, set at that width) below it inside those lines, attached, and
    `air` grid lines under the caption (text follows it)."""
    x, w = grid.column_x(column), grid.span_width(columns)
    st = grid.style("caption")
    y0 = grid.line_y(line) + grid.leading * 0.25
    h = _photo_depth(grid, lines - _caption_lines(grid, par), air)
    layers[0].append(Box(x, y0, w, h, BLACK, Cmyk(0, 0, 0, 0.12), 0.5, "photo"))
    layers[1].append(Rule(x, y0, x + w, y0 + h, 0.25))
    layers[1].append(Rule(x, y0 + h, x + w, y0, 0.25))
    if par is not None:
        for li in range(len(par.lines)):
            y = y0 + h + grid.leading * 0.25 + li * st.leading + (st.leading - st.size) / 2 + st.size * 0.86
            layers[2].append(_text_line(par, li, st, x, y, w, story, element, column))


def _picture(grid: Grid, m: Placement, layers) -> None:
    """A picture frame: the picture's place (tinted and crossed, as an inline picture) across the
    module, its caption (the module's label) set below it in the caption style, attached."""
    st = grid.style("caption")
    w = grid.span_width(m.columns)
    par = break_paragraph(m.label, st.role, st.size, w, 0.0, st.align) if m.label.strip() else None
    _photo(grid, m.column, m.columns, m.line, m.lines, par, m.story, None, layers)


def _picture_end(state: _StoryState, grid: Grid, m: Placement, height: int):
    """A story's last module with a picture in what is left of its text, set as a picture module:
    the picture across the module's columns under the head, its caption across under it, and the
    text dealt out evenly below, the picture's frame as deep as the module leaves (a picture's crop
    is the art desk's to choose; white under a story is not). Taken when the text threaded with the
    picture in one column, as set until now, ends a column 3 lines or more above the module's foot
    (the bundled sample's A3 page 2: a picture one column wide beside 3 and 2 lines of text, 8 and
    9 lines of white under them), and the frame comes out half PHOTO_LINES deep or more and the
    picture as drawn no wider than PICTURE_WIDEST times its depth and no deeper than PICTURE_TALLEST
    times its width. Returns (frame depth in grid lines with its caption, the caption set across,
    its element, the text's slots, their depth) or None."""
    if state.pic is not None and state.pic[0] == height:
        return state.pic[1]
    ans = None
    slots, pos = state.slots or [], state.pos
    sc = m.sidebar_columns if (state.parts.sidebar and not state.side_inline) else 0
    body_cols = m.columns - sc
    photos = [k for k in range(pos, len(slots)) if slots[k].kind == "photo"]
    if len(photos) == 1 and not sc and body_cols >= 1 and height > PHOTO_LINES:
        k = e = photos[0]
        e += 1
        while e < len(slots) and slots[e].kind == "text" and slots[e].style.name == "caption":
            e += 1
        b = k - 1 if k > pos and slots[k - 1].kind == "space" else k
        rest = slots[pos:b] + slots[e:]
        # as set until now: threaded with the picture in a column, balanced
        depth, under = _story_end(state, grid, m, height)
        cols, end = thread(slots, body_cols, depth, pos)
        if under is None and end >= len(slots):
            cols, _ = _even_end(slots, cols, end, body_cols, depth, pos)
            short = height - min(sum(s.h for s in c) for c in cols)
            elements = {s.element for s in slots[k + 1:e]}
            element = min(elements) if len(elements) == 1 else None
            cap = None
            if element is not None:
                text = next((el.text for i, el in state.parts.flow if i == element), "")
                st = grid.style("caption")
                if text.strip():
                    cap = break_paragraph(text, st.role, st.size, grid.span_width(body_cols), 0.0, st.align)
            d = needed_height(rest, body_cols, height) if rest else 0
            frame = height - d
            photo = frame - _caption_lines(grid, cap)
            w, h = grid.span_width(body_cols), _photo_depth(grid, photo, 0.5)   # as drawn
            if (short >= 3 and d <= height and photo >= PHOTO_LINES // 2 and len(elements) <= 1
                    and w / PICTURE_WIDEST <= h <= w * PICTURE_TALLEST):
                ans = (frame, cap, element, rest, d)
    state.pic = (height, ans)
    return ans


def _frame(grid: Grid, m: Placement, layers) -> None:
    """An ad frame: a ruled rectangle over the module with its label centred in the heading face
    and its size below it (栏 × mm), for the ad department to drop the ad into."""
    if m.kind == "picture":
        _picture(grid, m, layers)
        return
    x, w = grid.column_x(m.column), grid.span_width(m.columns)
    y0 = grid.line_y(m.line) + grid.leading * 0.25
    h = m.lines * grid.leading - grid.leading * 0.25
    layers[0].append(Box(x, y0, w, h, BLACK, None, MODULE_RULE, m.kind))
    st = grid.style("headline")
    size = max(grid.body_size, min(st.size, h * 0.3, w / max(2, len(m.label) + 1)))
    mm = 25.4 / 72
    note = f"{m.columns}栏 {w * mm:.0f}×{h * mm:.0f} mm"
    lines = [(m.label, st.role, size)] if m.label else []
    if h > size * 1.3 + grid.body_size * 2.5:
        lines.append((note, grid.style("byline").role, grid.body_size))
    total = sum(s * 1.4 for _, _, s in lines)
    y = y0 + (h - total) / 2
    for text, role, sz in lines:
        par = break_paragraph(text, role, sz, w, 0.0, "center")
        if len(par.lines) == 1:
            layers[2].append(_text_line(par, 0, replace(grid.style("byline"), name=m.kind, bold=0.0, size=sz), x,
                                        y + sz * 1.1, w, m.story, None, m.column))
        y += sz * 1.4


def _side_slots(state: _StoryState, grid: Grid) -> list[Slot]:
    """A sidebar set in columns of its own: its slots, composed once (the whole of it is one box)."""
    if state.side_slots is None:
        state.side_slots = compose_flow(state.parts.sidebar, grid, sidebar_measure(grid), boxed=True)
        for s in state.side_slots:
            s.boxed = False      # the whole sidebar module is one box, drawn round its columns
    return state.side_slots


def _story_end(state: _StoryState, grid: Grid, m: Placement, height: int) -> tuple[int, int | None]:
    """How a story's last module, `height` grid lines below its head, sets the rest of its text:
    (depth of its text columns, the line below the head where its text goes on under a fact box set
    in columns of its own, or None).

    Its columns are balanced (white left evenly at the foot, never a full first column and a short
    or empty last one). A fact box in a column of its own that leaves that column's lower part
    empty (16-25 empty lines under the box on the seed page) has the story's last lines set
    under it instead, all the text columns ending together, when two lines or more go there and
    the box leaves UNDER_BOX_MIN lines or more of its column empty (less is the box's own air; and
    with less, the PDF reader took the bundled sample's A3 headline beside such text apart)."""
    slots, pos = state.slots or [], state.pos
    sc = m.sidebar_columns if (state.parts.sidebar and not state.side_inline) else 0
    body_cols = m.columns - sc
    if body_cols <= 0:
        return 0, None
    depth = min(height, needed_height(slots[pos:], body_cols, height)) if body_cols > 1 else height
    if sc != 1 or height < 4:         # (a box two columns wide with text under it: the PDF reader
        return depth, None            # then reads its items as broken lines)
    side = _side_slots(state, grid)
    box_cols, side_end = thread(side, sc, height - 1, state.side_pos)
    if side_end < len(side):
        return depth, None            # the box goes on in the story's next module
    under = max(sum(s.h for s in c) for c in box_cols) + 2   # the box's lines and a line of air below its frame
    if depth - under < UNDER_BOX_MIN:
        return depth, None            # a few lines of white under a box are its own air
    n = len(slots)
    lo = max(under + 2, -(-sum(s.h for s in slots[pos:]) // (body_cols + sc)))
    for d in range(lo, min(depth, height) + 1):
        _, i = thread(slots, body_cols, d, pos)
        if i >= n:
            return d, None            # the text columns alone hold it at this depth
        _, j = thread(slots, sc, d - under, i)
        if j >= n and j - i >= 2:
            return d, under
    return depth, None


def _head_fill(state: _StoryState, grid: Grid, m: Placement) -> tuple[int, tuple[int, int | None] | None]:
    """Grid lines of white a story's only module would leave at its foot (the module deeper than
    its text: deepened to meet its neighbours, an ad band or the page foot), up to the grid's
    `head_fill`, to be given to its headline block instead. A hole under a story's last lines is
    what an art director sees first (开天窗); air around a headline is a designed look (撑题).
    With it, how the module sets its text (`_story_end`), which giving the head that white does not
    change beyond the depth of a single text column (not asked twice)."""
    head = state.head
    assert head is not None and state.slots is not None
    height = m.lines - head.grid_lines
    if grid.head_fill <= 0 or height <= 1 or _picture_end(state, grid, m, height) is not None:
        return 0, None            # (a picture module's white goes to its picture)
    sc = m.sidebar_columns if (state.parts.sidebar and not state.side_inline) else 0
    end = need, under = _story_end(state, grid, m, height)
    if under is None and m.columns - sc == 1:      # one text column is not balanced: its depth is all of it
        need = needed_height(state.slots[state.pos:], 1, height)
    if sc:
        box, _ = thread(_side_slots(state, grid), sc, height - 1, state.side_pos)
        need = max(need, max(sum(s.h for s in c) for c in box) + 1)
    if need > height:
        return 0, end             # overset: every line is wanted for text
    return min(grid.head_fill, height - need), end


def _head(state: _StoryState, grid: Grid, m: Placement, layers, extra: int = 0) -> int:
    """Draw the headline block at the module top, `extra` grid lines deeper than composed (its
    lines centred in the added air); returns the grid lines it takes."""
    head = state.head
    if head is None or not head.grid_lines:
        return 0
    x = grid.column_x(m.column)
    w = grid.span_width(m.columns)
    top = grid.line_y(m.line)
    story = state.parts.story.id
    y = top
    if head.section is not None:
        st = grid.style("section")
        par = head.section_par
        assert par is not None      # compose_head sets the label's paragraph with the label
        sy = top + head.section_y
        for li in range(len(par.lines)):
            by = sy + li * 2 * grid.leading
            tw = par.lines[li].width + st.size
            layers[0].append(Box(x, by + grid.leading * 0.2, min(w, tw), grid.leading * 1.4, None,
                                 Cmyk(0, 0, 0, st.tint or 0.15), 0, "tint"))
            layers[2].append(_text_line(par, li, st, x + st.size / 2,
                                        by + grid.leading * 0.2 + grid.leading * 0.7 + st.size * 0.36, w,
                                        story, head.section[1], m.column))
        y = sy + 2 * grid.leading * len(par.lines)
        layers[1].append(Rule(x, y - grid.leading * 0.35, x + w, y - grid.leading * 0.35, 0.5))
    dy = extra * grid.leading / 2
    for hl in head.lines:
        layers[2].append(_text_line(hl.par, hl.line, hl.style, x, top + hl.dy + dy, w, story, hl.element,
                                    m.column))
    return head.grid_lines + extra


def _stagger_heads(grid: Grid, lines: list, heads: list[tuple[float, float, range, int]]) -> None:
    """Keep side-by-side headlines off one height (碰题): a headline block given a module's white
    (`extra` grid lines, its lines centred in it) is moved up or down in that air, by half grid
    lines and as little as it can, until no line of it stands within a line of its own size of a
    headline line in a module beside it. Two headlines level across a gutter read as one (the
    bundled sample's tabloid page: 临川马拉松 / 一季度全市外贸 side by side; the PDF reader
    joined them too). `heads`: (left, right edge, indices of its lines in `lines`, extra) of each
    headline block on the page, fixed ones with `extra` 0; `lines` is changed in place."""
    half = grid.leading / 2
    gap = grid.gutter * 1.5

    def clashes(k: int, shift: float) -> bool:
        x0, x1, mine, _ = heads[k]
        for j, (o0, o1, theirs, _) in enumerate(heads):
            if j == k or not (0 <= o0 - x1 <= gap or 0 <= x0 - o1 <= gap):
                continue
            for a in mine:
                la = lines[a]
                for b in theirs:
                    lb = lines[b]
                    if abs(la.y + shift - lb.y) < max(la.size, lb.size) / 2:
                        return True
        return False

    for k, (_, _, mine, extra) in enumerate(heads):
        if not extra or not clashes(k, 0.0):
            continue
        # the block sits `extra` half lines from either end of its air: shifts that keep it inside
        for step in sorted(range(-extra, extra + 1), key=lambda v: (abs(v), v)):
            if step and not clashes(k, step * half):
                for a in mine:
                    lines[a] = replace(lines[a], y=lines[a].y + step * half)
                break


def impose(edition: Edition, grid: Grid, plan: Plan) -> Iterator[tuple[int, int, PagedDocument | None]]:
    """Yield (done, total, None) per page, then (total, total, the document)."""
    plan.validate(grid)
    doc = PagedDocument(grid=grid.name, title=(edition.stories[0].headline if edition.stories else ""))
    states = {s.id: _StoryState(split_story(s)) for s in edition.stories}
    leads = group_leads(edition.stories)
    n_pages = max([1, plan.pages, *[m.page for m in plan.modules]])   # an empty edition is one empty page
    by_page: dict[int, list[Placement]] = {}
    for m in plan.modules:
        by_page.setdefault(m.page, []).append(m)
    measure = grid.column_width
    missing: dict[str, str] = {}
    # a story's modules on different pages: the earlier ends with 下转第X版, the later starts with 上接第X版
    jump_to: dict[int, int] = {}
    jump_from: dict[int, int] = {}
    last_of: dict[str, Placement] = {}
    def folio(page: int) -> int:          # the number the page's folio shows (第N版)
        return folio_number(plan.labels.get(page, "")) or page

    for m in plan.modules:
        prev = last_of.get(m.story)
        if prev is not None and prev.page != m.page:
            jump_to[id(prev)] = folio(m.page)
            jump_from[id(m)] = folio(prev.page)
        last_of[m.story] = m
    for pno in range(1, n_pages + 1):
        page = _page(grid, pno, plan.labels.get(pno, ""))
        layers: tuple[list, list, list] = ([], [], [])   # tints/boxes, rules, text
        heads: list[tuple[float, float, range, int]] = []   # the page's headline blocks (_stagger_heads)
        for m in by_page.get(pno, []):
            if not m.is_story:
                _frame(grid, m, layers)
                page.modules.append(Module(m.story, m.column, m.columns, m.line, m.lines, grid.column_x(m.column),
                                           grid.line_y(m.line), grid.span_width(m.columns), m.lines * grid.leading,
                                           kind=m.kind, label=m.label))
                continue
            st = states.get(m.story)
            if st is None:
                continue
            top = m.line
            head_here = not st.head_done
            if head_here:
                st.head = compose_head(st.parts, grid, m.columns, lead=m.story in leads)
                st.head_done = True
                st.side_inline = not (m.sidebar_columns and st.parts.sidebar)
            if st.slots is None:
                flow = list(st.parts.flow)
                if st.side_inline and st.parts.sidebar:
                    st.slots = (compose_flow(flow, grid, measure)
                                + compose_flow(st.parts.sidebar, grid, sidebar_measure(grid), boxed=True))
                else:
                    st.slots = compose_flow(flow, grid, measure)
            end = None
            if head_here:
                extra = 0
                if id(m) == id(last_of[m.story]) and st.head is not None and st.head.grid_lines:
                    extra, end = _head_fill(st, grid, m)
                top += _head(st, grid, m, layers, extra)
                if st.head is not None and st.head.grid_lines and st.head.lines:
                    n = len(layers[2])
                    heads.append((grid.column_x(m.column), grid.column_x(m.column) + grid.span_width(m.columns),
                                  range(n - len(st.head.lines), n), extra))
            if id(m) in jump_from:
                _jump(grid, m, top, f"（上接第{jump_from[id(m)]}版）", "left", layers)
                top += JUMP_LINES
            height = m.line + m.lines - top
            if id(m) in jump_to:
                height -= JUMP_LINES
                _jump(grid, m, m.line + m.lines - JUMP_LINES, f"（下转第{jump_to[id(m)]}版）", "right", layers)
            sc = m.sidebar_columns if (st.parts.sidebar and not st.side_inline) else 0
            body_cols = m.columns - sc
            used = []
            pic = _picture_end(st, grid, m, height) if id(m) == id(last_of[m.story]) and height > 0 else None
            if pic is not None:
                frame, cap, element, rest, d = pic
                _photo(grid, m.column, body_cols, top, frame, cap, m.story, element, layers, air=0.5)
                cols, n = thread(rest, body_cols, d, 0)
                cols, _ = _even_end(rest, cols, n, body_cols, d, 0)
                st.pos = len(st.slots)
                used = _emit_columns(cols, grid, lambda ci, c0=m.column: grid.column_x(c0 + ci), top + frame,
                                     m.story, layers, m.column, grid.body_size / 2)
                if grid.column_rules:
                    for ci in range(1, len(cols)):
                        if cols[ci] and cols[ci - 1]:
                            gx = grid.column_x(m.column + ci) - grid.gutter / 2
                            layers[1].append(Rule(gx, grid.line_y(top + frame) + 2, gx,
                                                  grid.line_y(top + frame + max(used[ci - 1], used[ci])) - 2,
                                                  COLUMN_RULE))
            elif height > 0 and body_cols > 0:
                depth, under = height, None
                if end is not None:
                    depth, under = min(end[0], height), end[1]
                elif id(m) == id(last_of[m.story]):
                    depth, under = _story_end(st, grid, m, height)
                start = st.pos
                cols, st.pos = thread(st.slots, body_cols, depth, start)
                if id(m) == id(last_of[m.story]) and under is None:
                    cols, st.pos = _even_end(st.slots, cols, st.pos, body_cols, depth, start)
                if under is not None:
                    # the story's last lines under its fact box, in the box's columns
                    more, st.pos = thread(st.slots, sc, depth - under, st.pos)
                    cols = cols + more
                used = _emit_columns(cols[:body_cols], grid, lambda ci, c0=m.column: grid.column_x(c0 + ci), top,
                                     m.story, layers, m.column, grid.body_size / 2)
                if under is not None:
                    used += [under + u for u in _emit_columns(
                        cols[body_cols:], grid, lambda ci, c0=m.column + body_cols: grid.column_x(c0 + ci),
                        top + under, m.story, layers, m.column + body_cols, grid.body_size / 2)]
                if grid.column_rules:
                    for ci in range(1, len(cols)):
                        if cols[ci] and cols[ci - 1]:
                            gx = grid.column_x(m.column + ci) - grid.gutter / 2
                            first = top + (under if under is not None and ci >= body_cols else 0)
                            layers[1].append(Rule(gx, grid.line_y(first) + 2, gx,
                                                  grid.line_y(top + max(used[ci - 1], used[ci])) - 2,
                                                  COLUMN_RULE))
            if sc and height > 1:
                side_slots = _side_slots(st, grid)
                c0 = m.column + body_cols
                cols, st.side_pos = thread(side_slots, sc, height - 1, st.side_pos)
                x0 = grid.column_x(c0)
                sused = _emit_columns(cols, grid, lambda ci, c0=c0: grid.column_x(c0 + ci) + grid.body_size / 2,
                                      top, m.story, layers, c0, 0.0)
                bw = grid.span_width(sc)
                tint = grid.style("sidebar").tint
                lines_used = max(sused or [0])
                y0 = grid.line_y(top) - grid.leading * 0.4
                layers[0].insert(0, Box(x0, y0, bw, (lines_used + 0.8) * grid.leading, BLACK,
                                        Cmyk(0, 0, 0, tint) if tint else None, 0.6, "frame"))
            # module separators: a rule below the module and one at its right edge
            bottom = m.line + m.lines
            if bottom < grid.lines:
                yb = grid.line_y(bottom) + grid.leading / 2
                layers[1].append(Rule(grid.column_x(m.column), yb, grid.column_x(m.column) + grid.span_width(m.columns),
                                      yb, MODULE_RULE))
            if m.column + m.columns < grid.columns:
                xr = grid.column_x(m.column + m.columns) - grid.gutter / 2
                layers[1].append(Rule(xr, grid.line_y(m.line), xr, grid.line_y(bottom), MODULE_RULE))
            page.modules.append(Module(m.story, m.column, m.columns, m.line, m.lines, grid.column_x(m.column),
                                       grid.line_y(m.line), grid.span_width(m.columns), m.lines * grid.leading))
        _stagger_heads(grid, layers[2], heads)
        _folio(grid, page, layers)
        page.items = layers[0] + layers[1] + layers[2]
        doc.pages.append(page)
        yield pno, n_pages, None
    # overset: whatever is left of each story
    for story in edition.stories:
        st = states[story.id]
        left = 0
        if not st.head_done:
            left = sum(len(e.text.replace(" ", "")) for _, e in st.parts.head + st.parts.flow + st.parts.sidebar)
        else:
            if st.slots is not None:
                left += sum(s.chars for s in st.slots[st.pos:])
            else:
                left += sum(len(e.text.replace(" ", "")) for _, e in st.parts.flow)
            if st.parts.sidebar and not st.side_inline:
                if st.side_slots is None:
                    left += sum(len(e.text.replace(" ", "")) for _, e in st.parts.sidebar)
                else:
                    left += sum(s.chars for s in st.side_slots[st.side_pos:])
        if left:
            doc.overset[story.id] = left
            last = None
            for page in doc.pages:
                for mod in page.modules:
                    if mod.story == story.id:
                        last = mod
            if last is not None:
                last.overset = left          # the GUI marks the module the text runs out of
            first_page = next((m.page for m in plan.modules if m.story == story.id), None)
            doc.overset_details.append(Overset(story.id, left, story.headline, first_page))
    # characters a role's font lacks, from the paragraphs of this edition only
    for st in states.values():
        pars = {id(s.par): s.par for s in (st.slots or []) + (st.side_slots or []) if s.par is not None}
        if st.head is not None:
            pars.update({id(h.par): h.par for h in st.head.lines})
            if st.head.section_par is not None:
                pars[id(st.head.section_par)] = st.head.section_par
        for par in pars.values():
            missing.update(par.missing)
    doc.missing_glyphs = dict(sorted(missing.items()))
    yield n_pages, n_pages, doc
