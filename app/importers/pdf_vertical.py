"""Vertical text (竖排) on a PDF page: columns of glyphs read top to bottom, right to left.

Called by the PDF importer (`app/importers/pdf.py`) before it builds lines: the glyphs set in
vertical columns are taken out of the page's horizontal flow and come back as blocks of
columns, which the importer reads as paragraphs in the place the block stands on the page.
Chinese newspapers set vertical text as a 竖题 (a vertical headline, perhaps with a kicker
beside it) next to a story set across, a short column label, or a whole story, poem or sidebar
in columns read right to left (副刊 pages).

Everything is judged from the page's own geometry, never from the producer:

- **a column** is a run of full-width upright glyphs of one size, one under another at the same
  place across, each a step of at most `MAX_STEP` ems below the last (its advance and any
  tracking), where that step is clearly shorter (`RATIO`) than the step to the nearest glyph of
  its size on the same baseline: horizontal text steps an em across and a line's leading down,
  vertical text an em down and its column pitch across. At least three glyphs make a column
  by themselves;
- **what a column takes in**: Latin and figures turned to run down the page (angle −90°),
  half-width figures set upright side by side (縦中横, 2-digit tate-chu-yoko), vertical
  punctuation forms and turned marks (——, “” or 「」, 《》) lying within the column, top to bottom
  (side by side: left to right); and beside a block, a short column of its size on its grid (a
  paragraph's last column of one or two glyphs);
- **a block** is columns of one size side by side, level with each other, read right to left;
  a paragraph begins at a column set lower than the block's top (a first-column indent), after
  a column that stops short of the block's foot, or after a blank column;
- **a group** is blocks read together, right to left: a kicker and a headline, then the byline
  and body beside them. A headline starts a group unless the group so far holds only display
  lines (its kicker).
"""
from __future__ import annotations

import itertools
import math
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

# Glyph to glyph down a column, at most, in ems of the glyph's size (advance and tracking).
MAX_STEP = 1.35
# The step down must be at most this share of the step across to the next glyph on its baseline.
RATIO = 0.85
# The direction of text written down the page (a glyph turned 90° clockwise), radians ccw.
DOWN = 1.5 * math.pi

Glyph = Any      # app.importers.pdf.Glyph (imported there; duck-typed here to keep the modules apart)


@dataclass
class Column:
    glyphs: list[Glyph]      # top to bottom
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Block:
    columns: list[Column] = field(default_factory=list)     # right to left
    size: float = 0.0

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.columns)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.columns)

    @property
    def top(self) -> float:
        return min(c.top for c in self.columns)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.columns)

    def pitch(self) -> float:
        steps = [a.mid - b.mid for a, b in itertools.pairwise(self.columns)]
        return statistics.median(steps) if steps else 1.5 * self.size

    def paragraphs(self) -> list[list[Column]]:
        """The block's columns cut into paragraphs, right to left."""
        top, bottom, s = self.top, self.bottom, self.size
        pitch = self.pitch()
        out: list[list[Column]] = []
        prev: Column | None = None
        # when most columns stop short of the block's foot (a poem, a list), the foot is only
        # where the longest line ends: every column is a line of its own
        reach = sum(c.bottom >= bottom - 0.6 * s for c in self.columns)
        verse = len(self.columns) >= 3 and 2 * reach <= len(self.columns)
        for c in self.columns:
            new = (prev is None or verse or prev.bottom < bottom - 0.95 * s or c.top >= top + 1.2 * s
                   or prev.mid - c.mid > 1.8 * pitch)
            if new:
                out.append([c])
            else:
                out[-1].append(c)
            prev = c
        return out


def is_down(g: Glyph) -> bool:
    return not g.upright and abs(g.angle - DOWN) < 0.05


def _full_width(g: Glyph) -> bool:
    return g.upright and g.size >= 3.0 and g.x1 - g.x0 >= 0.7 * g.size


def _top(g: Glyph) -> float:
    if g.upright:
        return g.base - 0.88 * g.size
    ext = getattr(g, "extent", None)
    return ext[0] if ext else g.base


def _bottom(g: Glyph) -> float:
    if g.upright:
        return g.base + 0.12 * g.size
    ext = getattr(g, "extent", None)
    return ext[1] if ext else g.base + 0.5 * g.size


def _mid(g: Glyph) -> float:
    return (g.x0 + g.x1) / 2


def _alike(a: Glyph, b: Glyph) -> bool:
    return abs(a.size - b.size) <= 0.1 * max(a.size, b.size)


class _Grid:
    """Full-width glyphs filed by baseline and by place across, for neighbour look-ups."""

    def __init__(self, glyphs: list[Glyph]):
        self.rows: dict[int, list[tuple[float, Glyph]]] = {}
        self.cols: dict[int, list[tuple[float, Glyph]]] = {}
        for g in glyphs:
            self.rows.setdefault(int(g.base // 2), []).append((_mid(g), g))
            self.cols.setdefault(int(_mid(g) // 2), []).append((_top(g), g))
        for d in (self.rows, self.cols):
            for v in d.values():
                v.sort(key=lambda t: t[0])
        # the sort keys of each row and column, for bisection (made once, not at each look-up)
        self.row_keys = {k: [t[0] for t in v] for k, v in self.rows.items()}
        self.col_keys = {k: [t[0] for t in v] for k, v in self.cols.items()}

    def across(self, g: Glyph) -> float:
        """The distance, centre to centre, to the nearest glyph of g's size on its baseline."""
        best = math.inf
        tol = 0.15 * g.size
        m = _mid(g)
        for k in range(int((g.base - tol) // 2), int((g.base + tol) // 2) + 1):
            row = self.rows.get(k, ())
            keys = self.row_keys.get(k, ())
            i = bisect_left(keys, m - 4 * g.size)
            j = bisect_right(keys, m + 4 * g.size)
            for x, h in row[i:j]:
                if h is not g and abs(h.base - g.base) <= tol and _alike(g, h):
                    best = min(best, abs(x - m))
        return best

    def below(self, g: Glyph) -> tuple[float, Glyph] | None:
        """The nearest glyph of g's size right under it (same place across), and the step."""
        tol = 0.2 * g.size
        m, t = _mid(g), _top(g)
        best: tuple[float, Glyph] | None = None
        for k in range(int((m - tol) // 2), int((m + tol) // 2) + 1):
            col = self.cols.get(k, ())
            keys = self.col_keys.get(k, ())
            i = bisect_left(keys, t + 0.6 * g.size)
            j = bisect_right(keys, t + MAX_STEP * g.size)
            for y, h in col[i:j]:
                if abs(_mid(h) - m) <= tol and _alike(g, h) and (best is None or y - t < best[0]):
                    best = (y - t, h)
        return best


def find(glyphs: list[Glyph]) -> tuple[list[Block], list[Glyph]]:
    """The page's vertical blocks, and the glyphs left for horizontal reading."""
    full = [g for g in glyphs if _full_width(g)]
    if len(full) < 3:
        return [], glyphs
    order = {id(g): i for i, g in enumerate(glyphs)}
    across: dict[int, float] = {}

    def step_across(g: Glyph) -> float:
        if id(g) not in across:
            across[id(g)] = grid.across(g)
        return across[id(g)]

    # a page the file writes along its lines (most glyphs have a neighbour in the content stream
    # beside them on their baseline): a glyph written so is in a line across and starts no
    # column, so only the others are looked under (a page in no order: every glyph is)
    beside = _pairs_beside(glyphs)
    n_beside = sum(1 for g in full if id(g) in beside)
    looked = [g for g in full if id(g) not in beside] if 2 * n_beside >= len(full) else full
    if not looked:
        return [], glyphs
    grid = _Grid(full)
    nxt: dict[int, tuple[float, Glyph]] = {}
    prev: dict[int, tuple[float, Glyph]] = {}
    for g in looked:
        hit = grid.below(g)
        if hit is None:
            continue
        dy, h = hit
        if dy > RATIO * min(step_across(g), step_across(h)):
            continue
        if id(h) in prev and prev[id(h)][0] <= dy:
            continue
        if id(h) in prev:
            del nxt[id(prev[id(h)][1])]
        nxt[id(g)] = (dy, h)
        prev[id(h)] = (dy, g)
    seeds: list[list[Glyph]] = []
    for g in full:
        if id(g) in prev or id(g) not in nxt:
            continue
        chain = [g]
        while id(chain[-1]) in nxt:
            chain.append(nxt[id(chain[-1])][1])
        # two glyphs make a column when nothing of their size stands on either baseline
        if not (len(chain) >= 3 or (len(chain) == 2 and step_across(chain[0]) == step_across(chain[1]) == math.inf)):
            continue
        if _written_across(chain, beside, order):
            continue
        seeds.append(chain)
    if not seeds:
        return [], glyphs
    used: set[int] = {id(g) for c in seeds for g in c}
    blocks = _blocks([_column(c) for c in seeds])
    for b in blocks:
        _take_in(b, glyphs, used, step_across)
    # the short columns taken in may close the gap between two pieces of one block
    blocks = _blocks([c for b in blocks for c in b.columns])
    for b in blocks:
        _take_in(b, glyphs, used, step_across)
    rest = [g for g in glyphs if id(g) not in used]
    return blocks, rest


def _pairs_beside(glyphs: list[Glyph]) -> set[int]:
    """The glyphs (by id) that the content stream writes next to a glyph beside them on their
    baseline (of their size, half an em to three ems apart): each neighbouring pair looked at once."""
    out: set[int] = set()
    for g, h in itertools.pairwise(glyphs):
        if not _alike(g, h):
            continue
        dy, dx = abs(h.base - g.base), abs(_mid(h) - _mid(g))
        for me, other in ((g, h), (h, g)):
            if other.upright and dy <= 0.15 * me.size and 0.5 * me.size <= dx <= 3 * me.size:
                out.add(id(me))
    return out


def _written_across(chain: list[Glyph], beside: set[int], order: dict[int, int]) -> bool:
    """Whether the file writes the chain's glyphs along lines across: each glyph's pen advance
    (the next glyph in the content stream) goes to its right-hand neighbour more often than to
    the glyph under it. A letter-spaced headline wrapped in short lines stacks its glyphs as
    evenly as a vertical column, but is written line by line. (A file that writes its glyphs
    in no order tells neither way: the geometry decides.)"""
    down = sum(abs(order[id(a)] - order[id(b)]) == 1 for a, b in itertools.pairwise(chain))
    along = sum(1 for g in chain if id(g) in beside)
    return along > down


def _column(glyphs: list[Glyph]) -> Column:
    glyphs = sorted(glyphs, key=lambda g: (round(_top(g), 1), g.x0))
    sizes = [g.size for g in glyphs if g.upright and g.x1 - g.x0 >= 0.7 * g.size] or [g.size for g in glyphs]
    full = [g for g in glyphs if g.upright and g.x1 - g.x0 >= 0.7 * g.size] or glyphs
    return Column(glyphs, statistics.median(g.x0 for g in full), statistics.median(g.x1 for g in full),
                  min(_top(g) for g in glyphs), max(_bottom(g) for g in glyphs), statistics.median(sizes))


def _blocks(columns: list[Column]) -> list[Block]:
    """Columns of one size side by side and level with each other, each block right to left."""
    columns = sorted(columns, key=lambda c: -c.mid)
    parent = list(range(len(columns)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(columns):
        for j in range(i + 1, len(columns)):
            b = columns[j]
            if a.mid - b.mid > 3.5 * a.size:
                break
            overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
            if (abs(a.size - b.size) <= 0.08 * max(a.size, b.size)
                    and overlap > 0.3 * min(a.bottom - a.top, b.bottom - b.top)):
                parent[root(j)] = root(i)
    groups: dict[int, list[Column]] = {}
    for i, c in enumerate(columns):
        groups.setdefault(root(i), []).append(c)
    return [Block(cs, statistics.median(c.size for c in cs)) for cs in groups.values()]


def _take_in(block: Block, glyphs: list[Glyph], used: set[int], step_across) -> None:
    """Give the block the glyphs that stand in it: turned Latin and figures, half-width figures,
    punctuation and short columns; then cut it into columns again."""
    s = block.size
    pitch = block.pitch()
    x0, x1 = block.x0 - pitch, block.x1 + pitch
    top, bottom = block.top - 0.5 * s, block.bottom + 0.5 * s
    seeds = block.columns
    taken: list[Glyph] = []
    for g in glyphs:
        if id(g) in used or not (g.upright or is_down(g)):
            continue
        m = _mid(g)
        if not (x0 <= m <= x1 and top - s <= _top(g) and _bottom(g) <= bottom + s):
            continue
        inside = next((c for c in seeds if c.x0 - 0.1 * s <= m <= c.x1 + 0.1 * s), None)
        if inside is not None:
            # a turned or half-width glyph, a mark; a full-width one of the column's size only,
            # and none that has a line's neighbour beside it (a folio's text over a 竖题)
            if _full_width(g):
                if abs(g.size - s) <= 0.1 * s and step_across(g) > RATIO * pitch:
                    taken.append(g)
            elif 0.3 * s <= g.size <= 1.15 * s:
                taken.append(g)
        elif (abs(g.size - s) <= 0.1 * s and top <= _top(g) and _bottom(g) <= bottom
              and (not g.upright or step_across(g) > RATIO * pitch)):
            taken.append(g)      # a short column on the block's grid: none of a line's glyphs beside it
    for g in taken:
        used.add(id(g))
    allg = sorted([g for c in seeds for g in c.glyphs] + taken, key=_mid)
    cols: list[list[Glyph]] = [[allg[0]]]
    for a, b in itertools.pairwise(allg):
        if _mid(b) - _mid(a) > 0.45 * s:
            cols.append([])
        cols[-1].append(b)
    block.columns = sorted((_column(c) for c in cols), key=lambda c: -c.mid)


def _frame(b: Block, boxes: list) -> int | None:
    """The innermost drawn box holding the block (its index), if any."""
    inside = [(k.x1 - k.x0) * (k.bottom - k.top) for k in boxes]
    best = None
    for i, k in enumerate(boxes):
        if (k.x0 - 1 <= b.x0 and b.x1 <= k.x1 + 1 and k.top - 1 <= b.top and b.bottom <= k.bottom + 1
                and (best is None or inside[i] < inside[best])):
            best = i
    return best


def groups(blocks: list[Block], display: float, boxes: list | None = None) -> list[list[Block]]:
    """Blocks read together, right to left: a heading block (size >= display) opens a group
    unless the group so far holds only headings (a kicker beside its headline); the next
    block to the left joins when it stands level, within three of its ems, and in the same
    drawn box (`boxes`: rectangles with x0, top, x1, bottom) or in none."""
    out: list[list[Block]] = []
    frames = {id(b): _frame(b, boxes or []) for b in blocks}
    for b in sorted(blocks, key=lambda b: -b.x1):
        home = None
        for grp in out:
            last = grp[-1]
            if frames[id(last)] != frames[id(b)]:
                continue
            gap = last.x0 - b.x1
            level = min(last.bottom, b.bottom) - max(last.top, b.top) > 0
            heads_only = all(x.size >= display for x in grp)
            if (level and -0.2 * b.size <= gap <= 3 * min(b.size, last.size)
                    and (b.size < display or heads_only)):
                home = grp
                break
        if home is None:
            out.append([b])
        else:
            home.append(b)
    return out
