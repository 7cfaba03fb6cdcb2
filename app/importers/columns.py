"""Plain text that lays a page out in columns side by side: read column by column.

`pdftotext -layout`, a PDF viewer's "copy with layout" and some 方正 export tools write a
multi-column page as it looks: each text line holds one line of every column, the columns
apart by runs of spaces (their gutters), a story's headline over the columns it spans:

    五十五个。不少市民通过“澜      远，现在走几分钟就到了，生      行更加舒适。下一步，市气象
    州发布”APP 留言，希望在南湖     活高效多了。”下一步，市卫      台还将会同市气象台，在青石

Read line by line, every line mixes three paragraphs. Such a text is cut as a page is read
(a recursive XY cut on the grid of characters): at rows blank across the region, top to
bottom, then at gutters (columns of spaces down the region, or crossed by a few rows only),
left to right. Where a headline or a caption crosses a gutter at the region's top or foot, the
rows across it are cut off first; a caption or a box's line across it elsewhere is set apart
after the columns; a column's line that runs on into the next column's line with a space or two
between them is cut at the gutter. A column is cut again at a module's foot (a gap in it and in
the column beside, under a sentence's end or round the next story's headline), and its pieces
are read as a reader takes a page of modules: down a story's columns before the story under
them (`_reading_order`). Each leaf is one column's run of lines; its lines are joined where a
line runs to the column's measure (a paragraph's last line stops short; a first line is set
in), so what comes out is what a page's text reader gives: a block per paragraph-part-in-a-
column, which the repairer (`app.repair`) joins across column ends and past captions and boxes.

Nothing is dropped or added but the spaces of the layout: every other character of the file
is in exactly one block, and a column's lines keep their order. A text with no such columns
(a wrapped text, a paragraph a line, a table's short cells) is not read this way (`laid_out`).

Positions are string columns, as the layout writes them: a character takes one whatever its
width (pdftotext places each run of text at its x position and writes its characters one after
another), so a column's lines start at the same string column and their gutters stay blank.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from galley.app.model import RawBlock

log = logging.getLogger(__name__)

GAP = 3              # spaces between two runs of text, at least, that can be a gutter
MIN_RUN = 4          # Han characters in each of two runs of a line for it to show columns
MIN_ROWS = 4         # lines that show columns, at least, for a text to be read as laid out
MIN_SHARE = 0.15     # and that share of the lines with Han characters
CROSS_SHARE = 0.25   # rows of a column that may cross a gutter beside it (a caption, a box's line)
REACH = 20           # string columns either side of a gutter in which its columns are looked for
NEAR = 12            # string columns from a gutter's edge a line run into the next is cut at
INDENT = 2           # string columns right of a column's left edge: a first line set in
_WIDE = re.compile(rf"\S+(?: {{1,{GAP - 1}}}\S+)*")    # runs apart by GAP spaces or more
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE_IN_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]) "
                           r"(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’])")
_TERMINAL = frozenset("。！？!?…”’」』")
_CAPTION = re.compile(r"^(?:[（(]?(?:上|下|左|右)?图[为：:]|图\d)|摄[)）]?$")   # a picture's caption or credit


@dataclass(frozen=True, slots=True)
class _Seg:
    """A run of text on a row: string columns [start, end)."""
    row: int
    start: int
    end: int
    text: str


def _segments(row: int, line: str) -> list[_Seg]:
    return [_Seg(row, m.start(), m.end(), m.group()) for m in _WIDE.finditer(line)]


def laid_out(lines: list[str]) -> bool:
    """Whether the text sets columns side by side: enough lines hold two runs of text of
    Han characters apart by a gutter's spaces, and those gutters stand where others' do."""
    han_rows = 0
    starts: dict[int, int] = {}
    showing = 0
    for line in lines:
        if not _HAN.search(line):
            continue
        han_rows += 1
        segs = _WIDE.findall(line.strip())
        if len(segs) < 2:
            continue
        full = [m for m in _WIDE.finditer(line) if len(_HAN.findall(m.group())) >= MIN_RUN]
        if len(full) >= 2:
            showing += 1
            for m in full[1:]:
                starts[m.start()] = starts.get(m.start(), 0) + 1
    if showing < MIN_ROWS or showing < MIN_SHARE * han_rows:
        return False
    # the columns' left edges repeat from line to line (a column's lines start where it starts)
    aligned = sum(n for n in starts.values() if n >= 2)
    return aligned >= 0.5 * sum(starts.values())


def read_columns(lines: list[str], offsets: list[int]) -> list[RawBlock]:
    """The blocks of a laid-out text (`laid_out`), in reading order (see the module's docstring)."""
    from galley.app.importers.pdf_roles import is_jump_line
    leaves: list[list[_Seg]] = []
    segs = [s for r, line in enumerate(lines) for s in _segments(r, line)]
    _cut(segs, leaves, depth=0, occupied=frozenset(s.row for s in segs))
    log.info("read as a page's columns set side by side (pdftotext -layout): %d column pieces", len(leaves))
    blocks: list[RawBlock] = []
    for column, leaf in enumerate(leaves):
        for piece, indented in _pieces(leaf):
            text = _text(piece)
            if not text:
                continue
            first = piece[0]
            blocks.append(RawBlock(index=len(blocks), text=text, blank_before=True,
                                   offset=offsets[first.row] + first.start, column=column,
                                   role="jump" if is_jump_line(text) else None, indented=indented))
    return blocks


def _cut(segs: list[_Seg], out: list[list[_Seg]], depth: int, occupied: frozenset[int]) -> None:
    """Cut a region (its runs, in row order) and append its leaves to `out` in reading order.
    `occupied`: the rows the region it was cut from has text on (a row blank here but not
    there is another column's line set at another baseline, not a gap in this one)."""
    if not segs:
        return
    if depth > 60:                      # (a pathological grid: keep the runs as they come)
        out.append(segs)
        return
    # rows blank across the region: bands, top to bottom
    bands: list[list[_Seg]] = [[segs[0]]]
    for s in segs[1:]:
        last = bands[-1][-1].row
        if s.row - last > 1 and any(r not in occupied for r in range(last + 1, s.row)):
            bands.append([s])
        else:
            bands[-1].append(s)
    if len(bands) > 1:
        for band in bands:
            _cut(band, out, depth + 1, occupied)
        return
    rows = sorted({s.row for s in segs})
    here = frozenset(rows)
    edges, crossing = _gutters(segs, len(rows))
    if not edges:
        out.append(segs)
        return
    segs, crossing = _split_overflow(segs, crossing, [-1, *edges, 1 << 30])
    cross_rows = sorted({s.row for s in crossing})
    if crossing and _at_ends(cross_rows, rows):
        # a headline or a caption across the columns over or under them: cut off first
        across = set(cross_rows)
        runs: list[list[_Seg]] = []
        for s in segs:
            if runs and (runs[-1][0].row in across) == (s.row in across):
                runs[-1].append(s)
            else:
                runs.append([s])
        if len(runs) > 1:
            for run in runs:
                _cut(run, out, depth + 1, here)
            return
    bounds = [-1, *edges, 1 << 30]
    columns: list[list[_Seg]] = [[] for _ in range(len(bounds) - 1)]
    apart: list[_Seg] = []
    for s in segs:
        if s in crossing:
            apart.append(s)             # a box's line or a caption set across a gutter: after the columns
            continue
        k = next(k for k in range(len(bounds) - 1) if bounds[k] <= s.start < bounds[k + 1])
        columns[k].append(s)
    # each column's pieces (cut at a module's foot), read as a reader takes a page of modules;
    # what stands across a gutter (a caption, a box's line) after them
    filled = [frozenset(s.row for s in col) for col in columns]
    heads = frozenset(s.row for s in apart if not _CAPTION.search(s.text))
    nodes = [(k, band) for k, col in enumerate(columns)
             for band in _breaks(col, here, [filled[j] for j in (k - 1, k + 1) if 0 <= j < len(columns)], heads)]
    for band in _reading_order(nodes):
        _cut(band, out, depth + 1, here)
    if apart:
        out.append(apart)


def _breaks(col: list[_Seg], occupied: frozenset[int], beside: list[frozenset[int]],
            heads: frozenset[int]) -> list[list[_Seg]]:
    """A column's runs cut where it has a gap: a row with nothing in the whole region, or
    three rows or more with nothing in it under a line that ends a sentence or round a line
    across the gutter that is no caption (`heads`: the next story's headline), where a column
    beside it has three of them blank too (a module's foot). A row or two blank here alone is
    another column's line set at another baseline, or a caption across the gutter; a longer gap
    with the columns beside running on is a staggered page's text box starting lower; a gap
    under a line that stops mid-sentence is a picture set into the story's columns."""
    out: list[list[_Seg]] = []
    for s in sorted(col, key=lambda s: (s.row, s.start)):
        if out:
            last = out[-1][-1].row
            gap = range(last + 1, s.row)
            if any(r not in occupied for r in gap) or (
                    len(gap) >= 3 and (out[-1][-1].text[-1] in _TERMINAL or any(r in heads for r in gap))
                    and any(sum(r not in rows for r in gap) >= 3 for rows in beside)):
                out.append([s])
                continue
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _reading_order(nodes: list[tuple[int, list[_Seg]]]) -> list[list[_Seg]]:
    """Column pieces (column, runs) in the order a reader takes them on a page of modules: a
    piece before the pieces under it in its column and before those in columns to its right
    that stand level with it; of the pieces free to come next, the highest, then the leftest (a
    story set in two columns is read down the first, then the second, before the story under
    both). The order (column, top row) agrees with every such constraint: there is no cycle."""
    spans = [(min(s.row for s in band), max(s.row for s in band)) for _, band in nodes]
    after: list[list[int]] = [[] for _ in nodes]
    before = [0] * len(nodes)
    for x, (kx, _) in enumerate(nodes):
        for y, (ky, _) in enumerate(nodes):
            level = spans[x][0] <= spans[y][1] and spans[y][0] <= spans[x][1]
            if (kx == ky and spans[x][1] < spans[y][0]) or (kx < ky and level):
                after[x].append(y)
                before[y] += 1
    free = [x for x in range(len(nodes)) if not before[x]]
    order: list[int] = []
    while free:
        x = min(free, key=lambda i: (spans[i][0], nodes[i][0]))
        free.remove(x)
        order.append(x)
        for y in after[x]:
            before[y] -= 1
            if not before[y]:
                free.append(y)
    return [nodes[x][1] for x in order]


def _split_overflow(segs: list[_Seg], crossing: set[_Seg], bounds: list[int]) -> tuple[list[_Seg], set[_Seg]]:
    """A column's line that runs on into the gutter and into the next column's line, the layout
    leaving a space or two between them (计划提前 25 天。家住青石区的居民 《澜州市智慧路灯…, a line
    of figures set wider than its characters count): where it starts at its column's edge and is
    no wider than the column's lines, it is cut at the space nearest the gutter's edge (`_cut_at`).
    Returns the runs and those still across a gutter."""
    if not crossing:
        return segs, crossing

    def column(x: int) -> int:
        return next(k for k in range(len(bounds) - 1) if bounds[k] <= x < bounds[k + 1])

    starts: dict[int, Counter] = {}
    widths: dict[int, list[float]] = {}
    for s in segs:
        if s not in crossing:
            starts.setdefault(column(s.start), Counter())[s.start] += 1
            widths.setdefault(column(s.start), []).append(_width(s.text))
    out: list[_Seg] = []
    left: set[_Seg] = set()
    for s in segs:
        if s not in crossing:
            out.append(s)
            continue
        k = column(s.start)
        edge = starts[k].most_common(1)[0][0] if k in starts else None
        parts = _cut_at(s, [e for e in bounds[k + 1:-1] if e < s.end]) \
            if edge is not None and -1 <= s.start - edge <= 6 else None
        if parts and _width(parts[0].text) > 1.2 * max(widths[k]) + 1:
            parts = None                # wider than the column's lines: a caption across it
        if parts is None:
            out.append(s)
            left.add(s)
        else:
            out.extend(parts)
    return out, left


def _cut_at(s: _Seg, edges: list[int]) -> list[_Seg] | None:
    """Run s cut at the space nearest each edge (within NEAR string columns), or None where one
    has none."""
    parts: list[_Seg] = []
    rest = s
    for e in edges:
        spaces = [i for i, c in enumerate(rest.text) if c == " " and abs(rest.start + i - e) <= NEAR]
        if not spaces:
            return None
        i = min(spaces, key=lambda i: abs(rest.start + i - e))
        head, tail = rest.text[:i].rstrip(), rest.text[i:].lstrip()
        if not head or not tail:
            return None
        parts.append(_Seg(rest.row, rest.start, rest.start + len(head), head))
        # (the rest is the next column's line, wherever the layout pushed or pulled it)
        rest = _Seg(rest.row, max(rest.end - len(tail), e + 1), rest.end, tail)
    parts.append(rest)
    return parts


def _at_ends(cross_rows: list[int], rows: list[int]) -> bool:
    """The rows across the gutters are the region's first ones or its last ones, all together."""
    n = len(cross_rows)
    return cross_rows == rows[:n] or cross_rows == rows[-n:]


def _gutters(segs: list[_Seg], nrows: int) -> tuple[list[int], set[_Seg]]:
    """Where the region can be cut into columns: just left of where each stretch of GAP or more
    string columns ends that no run covers, or only the runs of a few rows (CROSS_SHARE: those
    runs are returned too), with text of two characters or more on both sides."""
    c0 = min(s.start for s in segs)
    c1 = max(s.end for s in segs)
    cover = [0] * (c1 - c0)
    for s in segs:
        for i in range(s.start - c0, s.end - c0):
            cover[i] += 1
    n = len(cover)
    # a gutter's column: blank, or crossed by a few rows only beside the columns either side of it
    # (a quarter of the lines of the sparser one, within REACH string columns)
    low = bytearray(n)
    for i in range(n):
        if cover[i] == 0:
            low[i] = 1
        elif nrows >= 4:
            side = min(max(cover[max(0, i - REACH):i], default=0), max(cover[i + 1:i + 1 + REACH], default=0))
            low[i] = cover[i] <= CROSS_SHARE * side
    stretches: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if not low[k]:
            k += 1
            continue
        j = k
        while j < n and low[j]:
            j += 1
        if j - k >= GAP and k > 0 and j < n:
            # cut just left of the column that starts where the stretch ends: a run that starts
            # inside the gutter (a caption set across it) is no line of the column right of it
            stretches.append((c0 + j - 1, cover[j - 1]))
        k = j
    edges: list[int] = []
    crossing: set[_Seg] = set()
    for edge, _ in stretches:
        # text of two characters or more on both sides (not a headline's letters spread apart)
        if any(s.end <= edge and len(s.text.replace(" ", "")) >= 2 for s in segs) and \
                any(s.start >= edge and len(s.text.replace(" ", "")) >= 2 for s in segs):
            edges.append(edge)
            crossing.update(s for s in segs if s.start < edge < s.end)
    return edges, crossing


def _width(text: str) -> float:
    """Ems of a run as set: a Han character or full-width mark 1, ASCII ½, and the space the
    layout writes beside a figure or a Latin word (a quarter em as set) ¼; other spaces (a
    line spread letter by letter) nothing."""
    w = sum(0.5 if ord(c) < 128 else 1.0 for c in text if c != " ")
    return w + 0.25 * len(_LATIN_SPACE.findall(text))


_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9%.]) (?=\S)|(?<=\S) (?=[A-Za-z0-9])")


def _measure(widths: list[float]) -> float | None:
    """A column's measure: the widest width (within half an em) that two or more of its lines
    and a third of them reach; None where its lines agree on none (a headline, its deck and
    byline; a paragraph's last two lines)."""
    for w in sorted(widths, reverse=True):
        near = sum(1 for x in widths if abs(x - w) <= 0.5)
        if near >= 2 and near * 3 >= len(widths):
            return w
    return None


def _pieces(leaf: list[_Seg]) -> list[tuple[list[_Seg], bool | None]]:
    """A column's lines as paragraph pieces: a line goes on into the next where it runs to the
    column's measure and the next is not set in. Each piece with whether its first line is
    set in as a paragraph's (None where the column says nothing: one line, or no line set in)."""
    by_row: dict[int, list[_Seg]] = {}
    for s in leaf:
        by_row.setdefault(s.row, []).append(s)
    rows = [sorted(v, key=lambda s: s.start) for _, v in sorted(by_row.items())]
    starts = Counter(r[0].start for r in rows)
    left = min(starts, key=lambda x: (-starts[x], x))    # (the most lines start at the column's edge)
    widths = [sum(_width(s.text) for s in r) for r in rows]
    full = _measure(widths)
    set_in = [r[0].start - left >= INDENT for r in rows]       # (a line left of the edge is none)
    says = len(rows) >= 3 and any(set_in) and not all(set_in[1:])
    out: list[tuple[list[_Seg], bool | None]] = []
    cur: list[_Seg] = []
    k0 = 0
    for k, r in enumerate(rows):
        if cur and (set_in[k] or full is None or not _runs_on(rows[k - 1], widths[k - 1], full)):
            out.append((cur, (set_in[k0] if says else None)))
            cur = []
        if not cur:
            k0 = k
        cur.extend(r)
    if cur:
        out.append((cur, (set_in[k0] if says else None)))
    return out


def _runs_on(row: list[_Seg], width: float, full: float) -> bool:
    """A line that runs on into the next: as wide as the column's measure (a mark may hang or a
    line be a character short of it), or spread across it letter by letter."""
    if len(row) > 1:
        return False        # runs the column could not cut apart: a table's row, a headline's words
    text = row[0].text
    if full - 1.0 - 1e-9 <= width <= full + 1.5:
        return True
    return text.count(" ") >= 3 and 0.6 * full <= width <= full + 1.5 and text[-1] not in _TERMINAL


def _unspaced(text: str) -> str:
    """A run spread letter by letter (a justified line the layout writes 三 年 行 动 方 案) without
    the spaces between its characters; any other run as it is (（林晓岚 摄）)."""
    gaps = len(_SPACE_IN_CJK.findall(text))
    if gaps >= 3 and 2 * gaps >= len(_HAN.findall(text)) - 1:
        return _SPACE_IN_CJK.sub("", text)
    return text


def _text(piece: list[_Seg]) -> str:
    from galley.app.model import join_parts
    lines: list[str] = []
    row = None
    for s in piece:
        t = _unspaced(s.text)
        if s.row == row:
            lines[-1] += " " + t
        else:
            lines.append(t)
        row = s.row
    return join_parts(lines).strip() if lines else ""
