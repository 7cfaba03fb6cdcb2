"""Automatic placement: an edition's stories → a placement `Plan` that fills pages and never oversets.

Runs before impose.py when no plan is given. The stories are grouped by page (a new group at
each page marker of the edition); each group is set on as many pages as it needs. A page is
drawn the way a layout editor draws one:

* the first story (the lead) across the top, full width, or narrower with a stack of the next
  stories beside it, as deep as the lead;
* below it, the rest of the type area split into vertical stacks of whole columns, each stack
  a run of modules one above the other, every stack running down to the foot of the page;
* a story's module is as wide as its stack and exactly as deep as its text needs with the
  columns balanced (`needed_height`), so the widths are chosen to make the text depths add
  up to the page: fewer columns make a story deeper. A module is stretched a line or two only
  where that leaves its columns nearly even.

The arrangement is chosen by a small dynamic programme over (region, column, story) that
weighs the white left at the stack feet against the shape of the modules (shallow text across
many columns, headlines broken into many lines or with a character alone on the last, a last
column falling short, e.g. beside a picture). White in a stack is taken up first by a line
more between its modules, then by stretching. Stories beside a narrower lead may be taken a
little out of order to fill the column beside it.

A page the group continues from is filled to the foot: with the stories that fit it best (the
others wait for the next page in their order) and, if need be, ending with a long story that
continues on the next page (its modules are listed in order and impose threads the text
through them), so nothing is left over. A group's last page, when the material runs out,
tries an even foot with the white below it.

Then every page is taken to its foot (`fill_foot`): where the columns of a page end more than
two lines above the foot, a module ending a line or two higher is deepened, and white deeper
than that becomes an ad frame (a module of its own, `kind="ad"`) across those columns, as a
layout editor books ad space where the news runs out; the export names each such page.

A group's last page is where its material runs out: set as it comes, it may be mostly ad frame.
When a page would carry more than a third of its type area in ad frames (AD_SHARE_MAX), the
group is set again with its earlier pages ending higher, over an even ad band across their foot,
so that text moves on to the last page and the white is shared over the group's pages
(`_balanced_group`); where a group has too little text even so, the export says so.
Deterministic: the same edition and grid give the same plan.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Protocol

from galley.app.layout.compose import (
    Slot,
    StoryParts,
    compose_flow,
    compose_head,
    head_key,
    headline_style,
    needed_height,
    sidebar_measure,
    split_story,
    thread,
)
from galley.app.layout.grid import Grid
from galley.app.layout.plan import Placement, Plan
from galley.app.model import Edition, Kind

_Region = tuple[int, int, int, int]     # (first column, columns, top grid line, bottom grid line)
_Cell = tuple[int, int, int, int]       # a module of a stack: (first column, columns, top line, depth)
_Stack = tuple[list["_Piece"], list[_Cell], "_Piece | None"]    # (pieces, their cells, the one cut)
_Side = tuple[float, list[_Stack], list["_Piece"], list[_Region]]  # (cost, stacks beside, rest, regions)
# a step of the page programme: ("empty",), ("skip",), ("stack", w, t) or ("cut", w, t, room)
_Choice = tuple[str] | tuple[str, int, int] | tuple[str, int, int, int]

JUMP_LINES = 1           # a continued story's jump line (下转第X版 / 上接第X版), drawn by impose.py
MIN_SPLIT_LINES = 10     # a story is cut to continue on the next page only with this much text on each side
MIN_DEPTH = (3.0, 2.5)   # a module's text shallower than a + b × columns (grid lines) looks like a strip
MAX_STACK = 12           # stories in one stack
WINDOW = 48              # stories considered for one page
# costs, in column × grid lines of white page (the unit of the slack they are weighed against)
W_SLACK = 1.5            # on a group's last page (the material may run out)
W_SLACK_FILL = 4.0       # on a page the group continues from: it must be filled
W_SHALLOW = 2.0          # per missing line of depth per column
W_HEAD_LINE = 6.0        # per headline line beyond two, per column
W_EMPTY = 3.0            # factor on the slack cost for columns left without any module (a hole)
W_GAP = 0.3              # a second line of space between two modules of a stack, per column
GAP_MORE = 2            # lines of air more between two modules after stretching (at W_GAP2 each)
W_GAP2 = 1.0             # a third line there, per column (air between modules reads better than a
                         # white page foot, but only after stretching)
W_STRETCH = 0.6          # per line a module is stretched, per column but one (raggedness it adds)
W_RAGGED = 6.0           # per line a module's last column falls short of its deepest, beyond two
RAGGED_OK = 4            # stretching never makes the last column shorter than this
W_JUMP = 150.0           # a story continued on the next page
W_SKIP = 30.0            # a story left for the next page so that others fill this one
W_NARROW_LEAD = 4.0      # a lead narrower than the page, per column given up
W_HALF_LEAD = 80.0       # …and per column below 3/5 of the page (only a short lead is set that narrow)
W_SHORT = 0.5            # a group's last page ending above the foot, per column × line (an even foot
                         # with white below reads better than stacks ending at random depths)
W_EMPTY_COLUMN = 8.0     # per line of a text column a module leaves empty (white under its own head)
W_REORDER = 8.0          # a story set beside the lead ahead of one that comes before it
SIDE_LOOK = 5            # stories looked at for the column beside a narrower lead
SIDE_TRIES = 1           # sets tried there
FILL_AREA = 1.3          # stories looked at to fill a page: this many pages' worth
FOOT_ROUNDS = 2          # rounds of trying an even foot on a group's last page
FOOT_OK = 2              # a column ending this many grid lines above the foot counts as filled
DEEPEN_MAX = 2           # a module is deepened at most this much to reach its neighbours' foot or the page's
BAND_STEP = 6           # a frame this much higher than its neighbour's joins the band (its module deepened);
                        # a higher one keeps its upper part as a frame over the band
MIN_AD_LINES = 3         # the shallowest ad frame; shallower white at a foot deepens the module above
AD_LABEL = "广告"
AD_SHARE_MAX = 1 / 3     # a page with more of its type area in ad frames has its group's white shared out
AD_HOLE = 0.04           # an ad frame above the foot, weighed as this much more ad share (see _worst)
BAND_COARSE = 6          # ad band depths tried on the pages a group continues from: by this many lines,
BAND_FINE = 2            # then by this many about the best
INF = float("inf")


class _Piece:
    """What is placed in one module: a whole story (head and text), or the rest of one
    continuing from an earlier page (text from slot `pos`, no head). Sizes are cached."""

    def __init__(self, parts: StoryParts, grid: Grid, mat: _Piece | None = None, pos: int = 0):
        self.parts = parts
        self.grid = grid
        self.sid = parts.story.id
        self.pos = pos
        if mat is None:
            self.flow = compose_flow(parts.flow, grid, grid.column_width)
            self.side = (compose_flow(parts.sidebar, grid, sidebar_measure(grid), boxed=True)
                         if parts.sidebar else [])
            self.inline = self.flow + self.side
            self.whole = True
        else:
            self.flow, self.side = [], []
            self.inline = mat.inline[pos:]
            self.whole = False
        self.root = mat or self
        self.lead: bool = mat.lead if mat is not None else False    # opens its page group (set by _groups)
        self.text_lines = sum(x.h for x in self.inline)
        self._flow_lines = sum(x.h for x in self.flow)     # the text beside a sidebar set in its columns
        self._min_area = self.text_lines + 1 + (len(parts.head) if self.whole else 0)
        self._photo = any(x.kind == "photo" for x in self.inline)
        self._need: dict[int, int] = {}
        self._head: dict[int, tuple[int, int]] = {}
        self._single: set[int] = set()      # widths at which every head element is one line
        self._info: list[tuple[int, float, int] | None] = [None] * (grid.columns + 1)

    def head(self, cols: int) -> tuple[int, int]:
        """(grid lines, lines of the main headline) of the head block at `cols` columns; a story
        continued from an earlier page has the jump line (上接第X版) for its head."""
        if not self.whole:
            return (JUMP_LINES, 0)
        h = self._head.get(cols)
        if h is None:
            # a head whose every element stands on one line at some width looks the same at any
            # wider one with the same headline style: no need to set it again
            key = head_key(self.grid, cols, self.lead)
            for w0 in range(cols - 1, 0, -1):
                if w0 in self._single and head_key(self.grid, w0, self.lead) == key:
                    h = self._head[cols] = self._head[w0]
                    return h
            block = compose_head(self.parts, self.grid, cols, balance=False, lead=self.lead)
            per = Counter(hl.element for hl in block.lines)
            elements = self.parts.story.elements
            if all(v == 1 for v in per.values()) and (block.section_par is None
                                                     or len(block.section_par.lines) == 1) and all(
                    hl.style == headline_style(self.grid, cols, elements[hl.element].kind, self.lead)
                    for hl in block.lines):
                # (an element set a size down the ladder to save a line, or a banner set smaller,
                # may stand on one line at its own size at a wider width: a deeper block)
                self._single.add(cols)
            heads = [hl for hl in block.lines if self.parts.story.elements[hl.element].kind == Kind.HEADLINE]
            n = len(heads)
            if n > 1:
                last = heads[-1].par.lines[heads[-1].line]
                if len(heads[-1].par.text[last.start:last.end].strip()) <= 2:
                    n += 1          # a character or two alone on the last line: as bad as another line
            h = self._head[cols] = (block.grid_lines, n)
        return h

    def banner_fits(self, cols: int) -> bool:
        """Whether each banner of the head stands on one line at `cols` columns."""
        if not self.whole or not any(e.kind == Kind.BANNER for _, e in self.parts.head):
            return True
        block = compose_head(self.parts, self.grid, cols, balance=False, lead=self.lead)
        per = Counter(hl.element for hl in block.lines
                      if self.parts.story.elements[hl.element].kind == Kind.BANNER)
        return all(v == 1 for v in per.values())

    def sidebar_cols(self, cols: int) -> int:
        if not self.side or cols < 3:
            return 0
        return 2 if cols >= 6 else 1

    def need(self, cols: int) -> int:
        """Grid lines this piece needs as one module `cols` wide (lines + 1 when more than a page)."""
        got = self._need.get(cols)
        if got is not None:
            return got
        limit = self.grid.lines
        head = self.head(cols)[0]
        room = limit - head
        if room < 1:
            got = limit + 1
        else:
            sc = self.sidebar_cols(cols)
            if sc:
                body = needed_height(self.flow, cols - sc, room)
                side = needed_height(self.side, sc, room - 1) + 1
                got = head + max(body, side)
            else:
                got = head + needed_height(self.inline, cols, room)
            got = min(got, limit + 1)
        self._need[cols] = got
        return got

    def stretch_cap(self, cols: int, depth: int) -> int:
        """Lines a module may be made deeper than its text: each line deepens the first columns and
        shortens the last by cols - 1 lines, so only where the columns stay nearly even."""
        if cols - self.sidebar_cols(cols) <= 1:
            return 2
        return max(1, depth // 12) // (cols - 1 - (1 if self.sidebar_cols(cols) else 0) or 1)

    def shape_cost(self, cols: int, height: int) -> float:
        head, head_lines = self.head(cols)
        depth = height - head
        cost = 0.0
        want = MIN_DEPTH[0] + MIN_DEPTH[1] * cols
        if depth < want and cols > 1:
            # shallow text across many columns (a strip, not a module)
            cost += (want - depth) * cols * W_SHALLOW
        if head_lines > 2:
            cost += (head_lines - 2) * max(cols, 3) * W_HEAD_LINE
        return cost

    def _text_columns(self, cols: int, height: int) -> tuple[int, int, list[Slot], int] | None:
        """(text columns, lines of room under the head, the slots threaded into them, the grid
        lines those slots take) when the piece is set `cols` wide and `height` deep; None when
        fewer than two text columns or no room are left."""
        sc = self.sidebar_cols(cols)
        body = cols - sc
        room = height - self.head(cols)[0]
        if body < 2 or room < 1:
            return None
        return (body, room, self.flow, self._flow_lines) if sc else (body, room, self.inline, self.text_lines)

    def ragged(self, cols: int, height: int) -> int:
        """Lines by which the last text column falls short of the deepest when the piece is set
        `cols` wide and `height` deep (a picture kept with its caption can force it)."""
        set_ = self._text_columns(cols, height)
        if set_ is None:
            return 0
        body, room, slots, lines = set_
        # greedy threading fills every column but the last to the foot (give or take a kept
        # picture or subhead, which this estimate ignores)
        if self._photo:
            columns, _ = thread(slots, body, room)     # a picture moves whole: thread to see
            feet = [sum(x.h for x in c) for c in columns]
            return max(feet) - feet[-1]
        last = lines - (body - 1) * room
        return room - last if last > 0 else room

    def empty_columns(self, cols: int, height: int) -> int:
        """Text columns left with nothing in them when the piece is set `cols` wide and `height`
        deep: a module wider than its text (white under its own headline)."""
        set_ = self._text_columns(cols, height)
        if set_ is None:
            return 0
        body, room, slots, lines = set_
        if self._photo:
            columns, _ = thread(slots, body, room)
            return sum(1 for c in columns if not any(x.kind != "space" for x in c))
        return max(0, body - -(-lines // room))

    def info(self, cols: int) -> tuple[int, float, int]:
        """(depth needed, shape cost at that depth, stretch cap) at `cols` columns, cached."""
        got = self._info[cols]
        if got is None:
            h = self.need(cols)
            if h > self.grid.lines:
                got = (h, 0.0, 0)
            else:
                rag = self.ragged(cols, h)
                cap = self.stretch_cap(cols, h - self.head(cols)[0])
                if rag:
                    cap = max(0, min(cap, (RAGGED_OK - rag) // max(1, cols - 1)))
                empty = self.empty_columns(cols, h)
                got = (h, self.shape_cost(cols, h) + max(0, rag - 2) * W_RAGGED
                       + empty * (h - self.head(cols)[0]) * W_EMPTY_COLUMN, cap)
            self._info[cols] = got
        return got

    def min_area(self) -> int:
        """A lower bound of the columns × lines this piece takes at any width (its text, the line
        below, a line for each head element): cheap, so it prunes without setting headlines."""
        return self._min_area

    def cut(self, cols: int, lines: int) -> int:
        """Slots placed when this piece gets a module `cols` × `lines` (its sidebar set inline) and
        continues on the next page: its last line is the jump line (下转第X版)."""
        room = lines - self.head(cols)[0] - JUMP_LINES
        if room < 1:
            return 0
        return thread(self.inline, cols, room)[1]


class _Page:
    """One page's choice: modules as (piece, column, columns, line, lines, sidebar columns)."""

    def __init__(self):
        self.modules: list[tuple[_Piece, int, int, int, int, int]] = []
        self.used: list[_Piece] = []     # pieces placed whole or cut
        self.cut: tuple[_Piece, int] | None = None     # piece continued on the next page, slot reached


def _widths(n_cols: int) -> list[int]:
    return list(range(1, n_cols + 1))


def _absorb(slack: int, gaps: int, caps: int, w: int, slack_w: float) -> float:
    """Cost of the white `slack` lines of a stack: first a line more between modules (up to one
    per gap), then modules stretched within their caps, the rest left at the foot."""
    g = min(slack, gaps)
    slack -= g
    a = min(slack, caps)
    slack -= a
    g2 = min(slack, GAP_MORE * gaps)
    return g * w * W_GAP + a * max(1, w - 1) * W_STRETCH + g2 * w * W_GAP2 + (slack - g2) * w * slack_w


@cache
def _subsets(n: int) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The sets of up to three of n stories tried beside a narrower lead: (bit mask, their
    indices), by mask. A set stacked costs its modules' shape and the white they leave (`_absorb`)."""
    out = []
    for mask in range(1, 1 << n):
        ks = tuple(k for k in range(n) if mask >> k & 1)
        if len(ks) <= 3:
            out.append((mask, ks))
    return tuple(out)


def _stack_layout(pieces: list[_Piece], w: int, height: int) -> list[tuple[int, int]]:
    """(line offset, depth) of `pieces` stacked `w` columns wide in `height` lines: each as deep
    as its text; white is taken up as in `_absorb`: a line more between modules from the foot
    up, then modules stretched from the bottom one up within their caps."""
    infos = [p.info(w) for p in pieces]
    depths = [h for h, _, _ in infos]
    gaps = [1] * (len(pieces) - 1)
    slack = height - sum(depths) - len(gaps)
    for k in range(len(gaps) - 1, -1, -1):
        if slack > 0:
            gaps[k] += 1
            slack -= 1
    for k in range(len(pieces) - 1, -1, -1):
        add = min(infos[k][2], slack)
        if add > 0:
            depths[k] += add
            slack -= add
    for _ in range(GAP_MORE):
        for k in range(len(gaps) - 1, -1, -1):
            if slack > 0:
                gaps[k] += 1
                slack -= 1
    out, y = [], 0
    for k, d in enumerate(depths):
        out.append((y, d))
        y += d + (gaps[k] if k < len(gaps) else 0)
    return out


def _stack_row(rows: list, pieces: list[_Piece], i: int, w: int, H: int, slack_mode: float):
    """The stacks `w` columns wide and `H` lines deep that start with pieces[i], kept in rows[w]:
    (costs, stop). costs[t] is (the shape cost of pieces[i:i + t + 1], that plus the cost of the
    white they leave at the stack foot, taken up as in `_absorb`); stop is None when the stacks
    end at MAX_STACK or the last piece, else (t, the shape cost of the t pieces before it, the
    lines they take, whether pieces[i + t] is too deep even without its head, its depth) for the
    first piece that does not fit. What a stack costs does not depend on where it stands, so
    the programme asks this once for every column and page it could stand at."""
    gap_w, stretch_w, slack_w = w * W_GAP, max(1, w - 1) * W_STRETCH, w * slack_mode
    gap2_w = w * W_GAP2
    used = -1            # lines taken: depths plus a line between modules
    shape = 0.0
    caps = 0
    costs: list[tuple[float, float]] = []
    stop = None
    for t in range(min(MAX_STACK, len(pieces) - i)):
        p = pieces[i + t]
        too_deep = used + 1 + -(-p.text_lines // w) > H   # even without its head
        h, sh, cap = (H + 1, 0.0, 0) if too_deep else (p._info[w] or p.info(w))
        if used + 1 + h > H:
            stop = (t, shape, used, too_deep, h)
            break
        used += 1 + h
        shape += sh
        caps += cap
        # white at the stack foot: a line more between modules, stretching, the rest
        sl = H - used
        g = t if t < sl else sl  # noqa: FURB136 - hot loop
        sl -= g
        a = caps if caps < sl else sl  # noqa: FURB136
        sl -= a
        g2 = GAP_MORE * t if GAP_MORE * t < sl else sl  # noqa: FURB136
        costs.append((shape, shape + g * gap_w + a * stretch_w + g2 * gap2_w + (sl - g2) * slack_w))
    row = rows[w] = (costs, stop)
    return row


class _Planner:
    def __init__(self, grid: Grid):
        self.grid = grid
        self.N = grid.columns
        self.L = grid.lines
        self.skip = False          # whether stories may be left for the next page (see page())
        self.foot = grid.lines     # where a page the group continues from ends (higher: an ad band below)
        # what the ad bands tried for a page group (`_balanced_group`) ask again, forgotten at
        # the next group (`reset`): a band moves the foot of the pages the group continues from,
        # not the sets beside a lead nor what a group's last page can hold
        self._rest: dict[tuple[_Piece, int], _Piece] = {}    # continued pieces, by (story's piece, slot)
        self._sides: dict[tuple, list[tuple[float, list[_Piece], list[_Cell]]]] = {}
        self._lasts: dict[tuple[_Piece, ...], tuple | None] = {}
        self._tails: dict[tuple[int, int], int] = {}      # (piece's id, its tail's number) → number
        self._rows: dict[tuple[int, int, bool], list] = {}   # see `_stack_row`

    def reset(self) -> None:
        """Forget the pieces and choices of the page group set before."""
        self._rest.clear()
        self._sides.clear()
        self._lasts.clear()
        self._tails.clear()
        self._rows.clear()

    def _tail_numbers(self, pieces: list[_Piece]) -> list[int]:
        """A number for each tail pieces[i:] (and the empty one, last), the same for the same
        pieces in the same order in any list of the group: what the programme's stack rows are
        kept by (`_stack_row`). (The group's pieces live until `reset`: their ids are not reused.)"""
        tails = self._tails
        out = [0] * (len(pieces) + 1)
        nxt = 0
        for k in range(len(pieces) - 1, -1, -1):
            key = (id(pieces[k]), nxt)
            nxt = tails.get(key, 0)
            if not nxt:
                nxt = tails[key] = len(tails) + 1
            out[k] = nxt
        return out

    def continued(self, p: _Piece, used: int) -> _Piece | None:
        """The rest of `p` after `used` more of its slots (one object per place, so that what it
        has measured serves every setting of the group that continues it there), or None."""
        root = p.root
        pos = p.pos + used
        if pos >= len(root.inline):
            return None
        got = self._rest.get((root, pos))
        if got is None:
            got = self._rest[(root, pos)] = _Piece(p.parts, self.grid, mat=root, pos=pos)
        return got

    def _window(self, rest: list[_Piece]) -> list[_Piece]:
        """The stories looked at to fill a page the group continues from: as many as could cover
        the page half as much again, so the choice is there without setting the whole group."""
        out, area = [], 0
        half = max(1, self.N // 2)
        for p in rest:
            if area > FILL_AREA * self.N * self.L:
                break
            out.append(p)
            area += p.text_lines + (p.head(half)[0] + 1) * half     # as a module half the page wide
        return out

    def lead_widths(self, lead: _Piece) -> list[int]:
        """Widths tried for the lead: the full page, or half of it and more with stories beside it;
        never so narrow that a banner (通栏) would not stand on one line."""
        n = self.N
        out = [n]
        if n >= 5 and not any(e.kind == Kind.BANNER for _, e in lead.parts.head):
            # a banner (通栏) runs across the page: a lead carrying one is never set narrower
            out += [w for w in range(max(2, math.ceil(n * 0.5)), n - 1) if lead.banner_fits(w)]
        return out

    def page(self, pieces: list[_Piece]) -> _Page:
        """Choose the best page for the pieces (in order): all of them when they fit, else a full page."""
        N, L = self.N, self.L
        lead = pieces[0]
        rest = pieces[1:WINDOW]
        if lead.need(N) > L:
            pg = _Page()          # longer than a page even across it: the page is all this story's
            pg.modules.append((lead, 0, N, 0, L, 0))
            pg.used = [lead]
            pg.cut = (lead, lead.cut(N, L))
            return pg
        # first as a page the group continues from: filled to the foot with what fits best
        F = self.foot
        best = self._choose(lead, self._window(rest), False, F)
        placed = {id(p) for p in best[4]}
        left = [p for p in pieces[1:] if id(p) not in placed]
        white = N * (L + 1) - (best[1] * (best[2] + 1)
                               + sum(w * (d + 1) for _, cells, _ in best[3] for _, w, _, d in cells))
        last = None
        if len(pieces) <= WINDOW and sum(p.min_area() for p in left) <= white:
            key = (lead, *rest)
            if key in self._lasts:
                last = self._lasts[key]
            else:
                last = self._lasts[key] = self._last_page(lead, rest)    # the group may end on this page
        if last is not None:
            best = last
        else:
            feet = self._feet(best)
            if not feet or min(feet) < F - 2:
                # short of the foot: let stories wait for the next page so others fill this one
                self.skip = True
                got = self._choose(lead, rest[:self.N + 3], False, F, [best[1]])
                self.skip = False
                if got is not None and got[0] < best[0] - 1e-9:
                    best = got
        pg = _Page()
        _, lw, hl, stacks, used, cut = best
        pg.modules.append((lead, 0, lw, 0, hl, lead.sidebar_cols(lw)))
        for ps, cells, cut_piece in stacks:
            for p, (x, w, y, d) in zip(ps, cells):
                sc = 0 if p is cut_piece else p.sidebar_cols(w)
                pg.modules.append((p, x, w, y, d, sc))
        pg.used = [lead, *used]
        if cut is not None:
            pg.cut = cut
        return pg

    def _last_page(self, lead: _Piece, rest: list[_Piece]):
        """The page with all the group's remaining stories, or None when they do not all fit;
        where they leave white, an even foot higher up the page is tried."""
        L = self.L
        best = self._choose(lead, rest, True, L)
        if best is None:
            return None
        tried = {L}
        for _ in range(FOOT_ROUNDS):
            feet = [y for y in self._feet(best) if y < L]
            if not feet:
                break
            mean = round(sum(feet) / len(feet))
            if mean >= L - 3:
                break             # as good as reaching the foot
            before = best
            for foot in sorted({mean, max(feet)} - tried):
                tried.add(foot)
                if best[2] + 2 < foot < L:
                    got = self._choose(lead, rest, True, foot, [best[1]])
                    if got is not None and got[0] < best[0] - 1e-9:
                        best = got
            if best is before:
                break
        return best

    def _feet(self, best) -> list[int]:
        """The bottom line of each stack below the lead band (one per column)."""
        _, _, hl, stacks, _, _ = best
        feet = [0] * self.N
        for _, cells, _ in stacks:
            for x, w, y, d in cells:
                if y > hl:
                    for c in range(x, x + w):
                        feet[c] = max(feet[c], y + d)
        return [f for f in feet if f]

    def _choose(self, lead: _Piece, rest: list[_Piece], must_all: bool, foot: int, widths=None):
        """The best (cost, lead width, lead depth, stacks, pieces used, cut) with stacks ending at
        `foot`, the lead at one of `widths` (by default every width it may take)."""
        N, L = self.N, self.L
        best = None
        options = []
        for lw in widths or self.lead_widths(lead):
            hl = lead.need(lw)
            if hl <= L:
                empty = lead.empty_columns(lw, hl) * (hl - lead.head(lw)[0]) * W_EMPTY_COLUMN
                options.append((lead.shape_cost(lw, hl) + empty + (N - lw) * W_NARROW_LEAD + (L - foot) * N * W_SHORT
                                + max(0, math.ceil(N * 0.6) - lw) * W_HALF_LEAD, -lw, hl))
        # the lead's own cost is a lower bound of the page's: cheapest first, stop when it cannot win
        for cost, lw, hl in sorted(options):
            lw = -lw
            if best is not None and cost >= best[0]:
                break
            regions = []
            if lw < N:
                regions.append((lw, N - lw, 0, hl))
            if hl + 1 + MIN_SPLIT_LINES // 2 < foot:
                regions.append((0, N, hl + 1, foot))
            else:
                cost += (foot - hl) * N * W_SLACK
            if lw < N and not rest and must_all:
                # the group's last story alone: narrower and deeper, the page runs out beside it
                tries: list[_Side] = [((N - lw) * hl * W_SHORT, [], rest, regions[1:])]
            elif lw < N:
                # the column beside the lead: one stack of the next stories (or, to fill it, a few
                # taken a little out of order), the rest below
                tries = self._side_sets(rest, lw, hl, regions[1:], must_all)
            else:
                tries = [(0.0, [], rest, regions)]
            for extra, fixed, pieces, regs in tries:
                got = self._fill(pieces, regs, must_all)
                if got is not None:
                    c, stacks, used, cut = got
                    c += cost + extra
                    if best is None or c < best[0] - 1e-9:
                        best = (c, lw, hl, fixed + stacks, [q for ps, _, _ in fixed for q in ps] + used, cut)
        return best

    def _side_sets(self, rest: list[_Piece], lw: int, hl: int, below: list[_Region], must_all: bool
                   ) -> list[_Side]:
        """What to stack beside a narrower lead: the best SIDE_TRIES sets of up to three of the next
        SIDE_LOOK stories (in order, or taken a little out of order at a cost), each with the rest
        to place below."""
        look = rest[:SIDE_LOOK]
        key = (lw, hl, must_all, *look)
        sets = self._sides.get(key)
        if sets is None:
            sets = self._sides[key] = self._side_choice(look, lw, hl, must_all)
        out: list[_Side] = []
        for c, chosen, cells in sets:
            ids = {id(q) for q in chosen}
            out.append((c, [(chosen, cells, None)], [q for q in rest if id(q) not in ids], below))
        return out

    def _side_choice(self, look: list[_Piece], lw: int, hl: int, must_all: bool
                     ) -> list[tuple[float, list[_Piece], list[_Cell]]]:
        """The best SIDE_TRIES stacks of `look` beside a lead `lw` wide and `hl` deep: (cost,
        pieces, their cells)."""
        w = self.N - lw
        slack_w = W_SLACK if must_all else W_SLACK_FILL
        found = []
        infos = [p.info(w) for p in look]
        for mask, ks in _subsets(len(look)):
            used, shape, caps = -1, 0.0, 0
            for k in ks:
                h, sh, cap = infos[k]
                used += 1 + h
                shape += sh
                caps += cap
            if used > hl:
                continue
            c = shape + _absorb(hl - used, len(ks) - 1, caps, w, slack_w)
            top = mask.bit_length()
            c += (top - len(ks)) * W_REORDER         # stories passed over
            found.append((c, mask, [look[k] for k in ks]))
        found.sort(key=lambda f: (f[0], f[1]))
        return [(c, chosen, [(lw, w, dy, d) for dy, d in _stack_layout(chosen, w, hl)])
                for c, _, chosen in found[:SIDE_TRIES]]

    def _fill(self, pieces: list[_Piece], regions, must_all: bool):
        """Dynamic programme: stacks over the regions, taking pieces in order.

        Returns (cost, stacks, pieces used, cut) or None when `must_all` cannot be met.
        """
        n = len(pieces)
        min_cut = MIN_SPLIT_LINES
        slack_mode = W_SLACK if must_all else W_SLACK_FILL
        skip = self.skip and not must_all
        wide = max(3, math.ceil(self.N * 0.6))
        if must_all:
            # the least page area each remaining piece can take: prunes what cannot fit
            suffix = [0] * (n + 1)
            for k in range(n - 1, -1, -1):
                suffix[k] = suffix[k + 1] + pieces[k].min_area()
            region_area = [(reg[1]) * (reg[3] - reg[2] + 1) for reg in regions]
            later = [sum(region_area[k + 1:]) for k in range(len(regions))]
            if suffix[0] > sum(region_area):
                return None

        # the programme's states (region, column in it, next piece) in one flat list, past the last
        # region filled in: each state is looked up before it is asked, and most are asked again
        stride_u = n + 1
        stride_r = (self.N + 1) * stride_u
        memo: list[tuple | None] = [None] * ((len(regions) + 1) * stride_r)
        done = len(regions) * stride_r
        for k in range(n + 1):
            memo[done + k] = (0.0, None) if (k == n or not must_all) else (INF, None)
        # the stacks that start with a piece, at each width, for this depth of region: the same
        # in every state that starts a stack there, and in every programme of the group (another
        # lead width, ad band or page) that has a region as deep
        tails = self._tail_numbers(pieces)
        stack_rows = self._rows

        def best(r: int, u: int, i: int) -> tuple[float, _Choice | None]:
            """The state's (cost, choice), not yet in `memo`."""
            key = r * stride_r + u * stride_u + i
            res: tuple[float, _Choice | None]
            _, W, top, bottom = regions[r]
            H = bottom - top
            if must_all and suffix[i] > (W - u) * (H + 1) + later[r]:
                res = memo[key] = (INF, None)
                return res
            # leave the rest of this region white
            sub = memo[key + stride_r - u * stride_u] or best(r + 1, 0, i)
            # (the best cost so far and its choice are kept apart, the pair made once at the end)
            bc = sub[0] + (W - u) * H * (W_SLACK if must_all else W_SLACK_FILL) * W_EMPTY
            ch: _Choice = ("empty",)
            if i < n and skip:
                # leave this story for the next page: a page the group continues from is filled
                # with the stories that fit it best, the others following in their order
                c = W_SKIP + (memo[key + 1] or best(r, u, i + 1))[0]
                if c < bc - 1e-9:
                    bc, ch = c, ("skip",)
            if i < n:
                last_stack_region = r == len(regions) - 1
                rows_key = (H, tails[i], must_all)
                rows = stack_rows.get(rows_key)
                if rows is None:
                    rows = stack_rows[rows_key] = [None] * (self.N + 1)
                for w in range(1, W - u + 1):
                    if wide < w < W:
                        continue      # a stack wider than 3/5 of the page only as the whole region
                    nxt_r, nxt_u = (r, u + w) if u + w < W else (r + 1, 0)
                    nxt = nxt_r * stride_r + nxt_u * stride_u + i + 1     # the state after t + 1 pieces, less t
                    costs, stop = rows[w] or _stack_row(rows, pieces, i, w, H, slack_mode)
                    for t, (shape, c) in enumerate(costs):
                        if shape >= bc:
                            break     # every cost here is ≥ 0: no deeper stack (nor a cut) can do better
                        if c >= bc:
                            continue
                        c += (memo[nxt + t] or best(nxt_r, nxt_u, i + t + 1))[0]
                        if c < bc - 1e-9:
                            bc, ch = c, ("stack", w, t + 1)
                    else:
                        if stop is not None and not must_all and last_stack_region and u + w == W \
                                and bottom == self.foot:
                            # cannot take the next piece whole: perhaps cut it to fill the stack (last
                            # stack of a page that is not the group's last), the rest continuing on the
                            # next page
                            t, shape, used, too_deep, h = stop
                            p = pieces[i + t]
                            room = H - used - 1
                            if (room - p.head(w)[0] >= min_cut
                                    and (too_deep or h - room >= min_cut)
                                    and p.text_lines - (room - p.head(w)[0]) * w >= min_cut * w):
                                c = shape + W_JUMP
                                if c < bc:
                                    bc, ch = c, ("cut", w, t + 1, room)
            res = (bc, ch)
            memo[key] = res
            return res

        total, _ = memo[0] or best(0, 0, 0)     # (no regions: the first state is the last)
        if total == INF:
            return None
        # walk the choices
        stacks: list[_Stack] = []
        cut: tuple[_Piece, int] | None = None
        placed: list[_Piece] = []
        r, u, i = 0, 0, 0
        while r < len(regions):
            # (a state taken from another programme had its successors asked there)
            got = memo[r * stride_r + u * stride_u + i]
            assert got is not None       # every state the walk visits was chosen from
            _, ch = got
            x0, W, top, bottom = regions[r]
            if ch[0] == "skip":
                i += 1
                continue
            if ch[0] == "empty":
                r, u = r + 1, 0
                continue
            x = x0 + u
            if ch[0] == "cut":
                _, w, t, room = ch
                ps = pieces[i:i + t]
                depths = [q.info(w)[0] for q in ps[:-1]] + [room]
                cells = [(x, w, top + sum(depths[:k]) + k, d) for k, d in enumerate(depths)]
                stacks.append((ps, cells, ps[-1]))
                cut = (ps[-1], ps[-1].cut(w, room))
                placed += ps
                i += t
                break
            _, w, t = ch
            ps = pieces[i:i + t]
            stacks.append((ps, [(x, w, top + dy, d) for dy, d in _stack_layout(ps, w, bottom - top)], None))
            placed += ps
            i += t
            u += w
            if u >= W:
                r, u = r + 1, 0
        return total, stacks, placed, cut


def _groups(edition: Edition, grid: Grid):
    """The stories as page groups: [(label, [_Piece, ...]), ...]."""
    groups: list[tuple[str, list[_Piece]]] = []
    label_parts: list[str] = []
    cur: list[_Piece] | None = None
    group_key: object = object()
    force_new = False
    pending: list[str] = []

    def add_label(parts: list[str], text: str) -> None:
        if text and text not in parts:
            parts.append(text)

    for story in edition.stories:
        parts = split_story(story)
        markers = [e.text for _, e in parts.pages]
        key = story.page
        content = bool(parts.head or parts.flow or parts.sidebar)
        starts = bool(markers) or (key is not None and key != group_key)
        if key is not None:
            group_key = key
        if not content:
            pending.extend(markers)
            if starts and cur:
                force_new = True
            continue
        if cur is None or ((starts or force_new) and cur):
            label_parts = []
            add_label(label_parts, key or "")
            cur = []
            groups.append(("", cur))
            force_new = False
        for t in pending + markers:
            add_label(label_parts, t)
        pending = []
        groups[-1] = ("  ".join(label_parts), cur)
        piece = _Piece(parts, grid)
        piece.lead = not cur
        cur.append(piece)
    return groups


FOLIO_RE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*版")


def folio_label(label: str, number: int) -> str:
    """A page's label with its own number: every page of a group that runs to several pages says
    第N版 for the page it is (the source's 第1版 on the third page becomes 第3版)."""
    return FOLIO_RE.sub(f"第{number}版", label, count=1)


def folio_number(label: str) -> int | None:
    """The page number a label gives (第3版 → 3), or None."""
    m = FOLIO_RE.search(label or "")
    if m is None:
        return None
    digits = re.sub(r"\D", "", m.group(0).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return int(digits) if digits else None


def column_feet(modules: list[Placement], columns: int) -> list[int]:
    """The grid line below the lowest module in each column (0: an empty column)."""
    feet = [0] * columns
    for m in modules:
        for c in range(m.column, min(columns, m.column + m.columns)):
            feet[c] = max(feet[c], m.line + m.lines)
    return feet


def fill_foot(modules: list[Placement], grid: Grid, page: int, keep: frozenset[str] = frozenset()
              ) -> list[Placement]:
    """Take one page's columns to the foot: the ad frames to add (and `modules` deepened in place).

    Columns are taken in runs of neighbours that end within two lines of each other and short of
    the foot. In a run, a module ending a line or two above the run's lowest foot is deepened to
    it (never one of the stories in `keep`: a story cut to continue on a later page, whose text
    there was measured for this depth, nor one that reaches outside the run); the white below is
    then an ad frame across the run's columns, or, when too shallow for one, the modules above it
    are deepened to the foot.
    """
    N, L = grid.columns, grid.lines
    feet = column_feet(modules, N)
    runs: list[list[int]] = []
    for c in range(N):
        if feet[c] >= L - FOOT_OK:
            continue
        if runs and runs[-1][-1] == c - 1 and max(feet[k] for k in runs[-1] + [c]) - min(
                feet[k] for k in runs[-1] + [c]) <= DEEPEN_MAX:
            runs[-1].append(c)
        else:
            runs.append([c])
    ads: list[Placement] = []

    def inside(m: Placement, c0: int, c1: int) -> bool:
        return c0 <= m.column and m.column + m.columns <= c1 and m.is_story and m.story not in keep

    for run in runs:
        c0, c1 = run[0], run[-1] + 1
        foot = max(feet[c] for c in run)
        for m in modules:
            if inside(m, c0, c1) and foot - DEEPEN_MAX <= m.line + m.lines < foot:
                m.lines = foot - m.line
        top = foot + 1 if foot else 0          # a line of air between the text and the frame
        if L - top >= MIN_AD_LINES:
            ads.append(Placement(f"ad{page}.{len(ads) + 1}", page, c0, c1 - c0, top, L - top, 0,
                                 kind="ad", label=AD_LABEL))
        else:
            for m in modules:
                if inside(m, c0, c1) and m.line + m.lines == foot:
                    m.lines = L - m.line
    return _one_band(ads, modules, keep, page)


def _one_band(ads: list[Placement], modules: list[Placement], keep: frozenset[str], page: int) -> list[Placement]:
    """Frames side by side at the foot become one band from the lowest top across them all: the
    modules over a frame a few lines higher are deepened to meet it (their columns stay balanced,
    impose leaves the white at their foot), and a frame much higher keeps its upper part as a
    frame of its own above the band. A step of a few lines between ad frames reads as a mistake,
    one even band (with a smaller ad over part of it) as booked space."""
    ads = sorted(ads, key=lambda a: a.column)
    out: list[Placement] = []
    k = 0
    while k < len(ads):
        group = [ads[k]]
        while k + len(group) < len(ads) and ads[k + len(group)].column == group[-1].column + group[-1].columns:
            group.append(ads[k + len(group)])
        k += len(group)
        top = max(a.line for a in group)
        above: list[Placement] = []
        blocked = False         # a module above the band that cannot be shortened
        upper: list[Placement] = []
        for a in group:
            if a.line == top:
                continue
            if top - a.line > BAND_STEP:
                # much higher: its upper part stays a frame, a line of air above the band
                upper.append(Placement(a.story, page, a.column, a.columns, a.line, top - 1 - a.line, 0,
                                       kind="ad", label=a.label))
                continue
            mods = [m for m in modules if m.line + m.lines == a.line - 1
                    and a.column <= m.column and m.column + m.columns <= a.column + a.columns]
            if sum(m.columns for m in mods) != a.columns or any(not m.is_story or m.story in keep for m in mods):
                blocked = True
                break
            above += mods
        if len(group) < 2 or blocked:
            out += group
            continue
        for m in above:
            m.lines = top - 1 - m.line
        first, last = group[0], group[-1]
        out += upper
        out.append(Placement(first.story, page, first.column, last.column + last.columns - first.column, top,
                             first.line + first.lines - top, 0, kind="ad", label=first.label))
    out.sort(key=lambda a: (a.line, a.column))
    for n, a in enumerate(out, 1):
        a.story = f"ad{page}.{n}"
    return out


def _set_group(planner: _Planner, pieces: list[_Piece], grid: Grid, first: int, band: int = 0
               ) -> list[list[Placement]]:
    """The modules of one page group set from page `first` on, each page's ad frames with them;
    every page the group continues from ends `band` lines above the foot (an ad band below)."""
    pages: list[list[Placement]] = []
    queue = list(pieces)
    planner.foot = grid.lines - band
    try:
        while queue:
            page = first + len(pages)
            pg = planner.page(queue)
            mods = [Placement(p.sid, page, col, cols, line, lines, sc) for p, col, cols, line, lines, sc in pg.modules]
            keep = frozenset([pg.cut[0].sid] if pg.cut is not None else [])
            pages.append(mods + fill_foot(mods, grid, page, keep))
            done = {id(p) for p in pg.used}
            queue = [p for p in queue if id(p) not in done]
            if pg.cut is not None:
                rest = planner.continued(*pg.cut)
                if rest is not None:
                    queue.insert(0, rest)
    finally:
        planner.foot = grid.lines
    return pages


class _Framed(Protocol):
    kind: str
    columns: int
    lines: int


def ad_share(modules: Iterable[_Framed], grid: Grid) -> float:
    """The share of a page's type area its ad frames take (a plan's placements or a laid-out
    page's modules)."""
    return sum(m.columns * m.lines for m in modules if m.kind == "ad") / (grid.columns * grid.lines)


def _worst(pages: list[list[Placement]], grid: Grid) -> float:
    """What a group's pages are judged by: the largest share of a page in ad frames, and
    AD_HOLE for each frame that stops above the foot (a hole among the stories)."""
    holes = sum(1 for mods in pages for m in mods if m.kind == "ad" and m.line + m.lines < grid.lines)
    return max(ad_share(m, grid) for m in pages) + AD_HOLE * holes


def _balanced_group(planner: _Planner, pieces: list[_Piece], grid: Grid, first: int) -> list[list[Placement]]:
    """One page group's pages, the white where its material runs out shared over them.

    Set as it comes, a group fills every page to the foot but its last, which may then be
    mostly ad frame. When a page carries more than AD_SHARE_MAX of ad frames, the pages the
    group continues from are set again ending higher (an ad band across their foot), which
    moves text on to the last page: kept is the band whose pages' largest ad share is least
    (then the least ad in all, then the shallowest band), on as many pages or fewer.
    """
    planner.reset()
    pages = _set_group(planner, pieces, grid, first)
    shares = [ad_share(m, grid) for m in pages]
    if len(pages) < 2 or max(shares) <= AD_SHARE_MAX:
        return pages
    best = (_worst(pages, grid), sum(shares), 0, pages)
    tried: set[int] = set()

    def attempt(band: int) -> bool:
        """Set the group with this band; False when it then needs more pages."""
        nonlocal best
        tried.add(band)
        got = _set_group(planner, pieces, grid, first, band)
        if len(got) > len(pages):
            return False
        key = (_worst(got, grid), sum(ad_share(m, grid) for m in got), band, got)
        if key[:3] < best[:3]:
            best = key
        return True

    # a deeper band moves more text on, by steps (a story moves whole or cut at a column foot):
    # coarse steps until the band alone takes the best share found, then finer ones about the best
    band = MIN_AD_LINES + 1
    while band / grid.lines < best[0] and attempt(band):
        band += BAND_COARSE
    if best[2]:
        for band in range(best[2] - BAND_COARSE + BAND_FINE, best[2] + BAND_COARSE, BAND_FINE):
            if band > MIN_AD_LINES and band not in tried and band / grid.lines < best[0]:
                attempt(band)
    return best[3]


def auto_plan(edition: Edition, grid: Grid) -> Plan:
    plan = Plan(layout=grid.name)
    planner = _Planner(grid)
    page = 0
    groups = _groups(edition, grid)
    # pages are numbered on from the first group's own number (an export of 第3版 starts at 第3版)
    base = (folio_number(groups[0][0]) if groups else None) or 1
    for label, pieces in groups:
        for mods in _balanced_group(planner, pieces, grid, page + 1):
            page += 1
            plan.pages = page
            plan.labels[page] = folio_label(label, base + page - 1)
            plan.modules += mods
    return plan
