"""Automatic placement: an edition's stories → a placement `Plan` that never oversets.

Runs before impose.py when no plan is given. Per page (a new page at each page marker of the
edition): the first story across the full width at the top (the lead), the next ones in bands
of side-by-side modules below it (columns shared in proportion to their length, a sidebar in
its own columns at the right of its story), more pages when a story or band does not fit. A
story too long for what is left of a page continues on the next page (its modules are listed
in order and impose threads the text through them), so nothing is left over.
"""
from __future__ import annotations

from app.layout.compose import (
    StoryParts,
    compose_flow,
    compose_head,
    needed_height,
    sidebar_measure,
    split_story,
    thread,
)
from app.layout.grid import Grid
from app.layout.plan import Placement, Plan
from app.model import Edition

MIN_SPLIT_LINES = 12     # a story continues from a page only if at least this much room is left
LEAD_MIN_LINES = 14      # a lead whose text is shallower than this at full width is set narrower
MIN_STACK_LINES = 6      # space under a short story in a band worth filling with the next story


def _same_group(parts: StoryParts, group) -> bool:
    """Whether a story can join the current page's band (no page marker of its own, same page)."""
    return (not parts.pages and (parts.story.page is None or parts.story.page == group)
            and bool(parts.head or parts.flow or parts.sidebar))


class _Material:
    """A story's composed slots, computed once."""

    def __init__(self, parts: StoryParts, grid: Grid):
        self.parts = parts
        self.grid = grid
        self.flow = compose_flow(parts.flow, grid, grid.column_width)
        self.side = (compose_flow(parts.sidebar, grid, sidebar_measure(grid), boxed=True)
                     if parts.sidebar else [])
        self.inline = self.flow + self.side
        self._heads: dict[int, int] = {}

    def head_lines(self, cols: int) -> int:
        h = self._heads.get(cols)
        if h is None:
            h = self._heads[cols] = compose_head(self.parts, self.grid, cols).grid_lines
        return h

    def sidebar_cols(self, cols: int) -> int:
        if not self.side or cols < 3:
            return 0
        return 2 if cols >= 6 else 1

    def need(self, cols: int, limit: int) -> int:
        """Grid lines this story needs as one module `cols` wide (limit + 1 if more than `limit`)."""
        head = self.head_lines(cols)
        room = limit - head
        if room < 1:
            return limit + 1
        sc = self.sidebar_cols(cols)
        if sc:
            body = needed_height(self.flow, cols - sc, room)
            side = needed_height(self.side, sc, room - 1) + 1 if self.side else 0
            return head + max(body, side)
        return head + needed_height(self.inline, cols, room)

    @property
    def weight(self) -> int:
        return sum(s.h for s in self.inline) + self.head_lines(self.grid.columns) * 2 + 1


def _alloc(weights: list[int], total: int, minimum: int) -> list[int]:
    k = len(weights)
    s = sum(weights) or 1
    w = [max(minimum, round(total * x / s)) for x in weights]
    while sum(w) > total:
        i = max(range(k), key=lambda j: (w[j], -j))
        if w[i] <= minimum:
            break
        w[i] -= 1
    while sum(w) < total:
        i = max(range(k), key=lambda j: (weights[j] / w[j], -j))
        w[i] += 1
    return w


def auto_plan(edition: Edition, grid: Grid) -> Plan:
    plan = Plan(layout=grid.name)
    mats = [_Material(split_story(s), grid) for s in edition.stories]
    N, LINES = grid.columns, grid.lines
    band_size = 3 if N >= 8 else 2
    min_cols = 2 if N >= 4 else 1
    page = 0
    cursor = LINES
    group: object = object()
    pending: list[str] = []
    has_content = False

    def new_page(label: str) -> None:
        nonlocal page, cursor, has_content
        page += 1
        cursor = 0
        has_content = False
        plan.labels[page] = label
        plan.pages = page

    def add_label(text: str) -> None:
        cur = plan.labels.get(page, "")
        if text and text not in cur.split("  "):
            plan.labels[page] = (cur + "  " + text).strip()

    def place_long(m: _Material, sid: str) -> None:
        """Full width from the cursor, continuing on new pages until all is set."""
        nonlocal cursor, has_content
        slots = m.inline
        head = m.head_lines(N)
        if LINES - cursor - head < 2:
            new_page(plan.labels.get(page, ""))
        lines = LINES - cursor
        plan.modules.append(Placement(sid, page, 0, N, cursor, lines, 0))
        _, pos = thread(slots, N, lines - head)
        bottom = LINES
        label = plan.labels.get(page, "")
        while pos < len(slots):
            new_page(label)
            rest = slots[pos:]
            lines = min(needed_height(rest, N, LINES), LINES)
            plan.modules.append(Placement(sid, page, 0, N, 0, lines, 0))
            _, used = thread(rest, N, lines)
            if used == 0:
                break           # cannot happen with grid-line slots; never loop forever
            pos += used
            bottom = lines
        cursor = bottom + 1 if bottom < LINES - 2 else LINES
        has_content = True

    def stack(slots: list[list[int]], bottom: int, i: int) -> int:
        """Put the next stories, in order, into free column slots [column, width, top] above `bottom`."""
        while slots and i < len(mats) and _same_group(mats[i].parts, group):
            nxt = mats[i]
            spot = None
            for sl in slots:
                free = bottom - sl[2]
                if free >= MIN_STACK_LINES:
                    need = nxt.need(sl[1], free)
                    if need <= free:
                        spot = (sl, need, free)
                        break
            if spot is None:
                break
            sl, need, free = spot
            lines = free if free - need < MIN_STACK_LINES else need
            plan.modules.append(Placement(nxt.parts.story.id, page, sl[0], sl[1], sl[2], lines,
                                          nxt.sidebar_cols(sl[1])))
            sl[2] += lines + 1
            i += 1
        return i

    i = 0
    while i < len(mats):
        m = mats[i]
        parts = m.parts
        markers = [e.text for _, e in parts.pages]
        key = parts.story.page
        content = bool(parts.head or parts.flow or parts.sidebar)
        starts_page = bool(markers) or (key is not None and key != group)
        if starts_page and has_content:
            cursor = LINES          # force a new page
        if key is not None:
            group = key
        if not content:
            pending.extend(markers)
            i += 1
            continue
        if cursor >= LINES - 2:
            new_page(key or "")
        for t in pending + markers:
            add_label(t)
        pending = []
        sid = parts.story.id
        if cursor == 0:
            need = m.need(N, LINES)
            lw = -(-N * 5 // 8)
            if (need - m.head_lines(N) < LEAD_MIN_LINES and N >= 5 and i + 1 < len(mats)
                    and _same_group(mats[i + 1].parts, group)):
                # a short lead: narrower, with the next stories stacked beside it
                h = m.need(lw, LINES)
                first_side = mats[i + 1].need(N - lw, LINES)
                if h <= LINES and first_side <= h:
                    plan.modules.append(Placement(sid, page, 0, lw, 0, h, m.sidebar_cols(lw)))
                    i = stack([[lw, N - lw, 0]], h, i + 1)
                    cursor = h + 1
                    has_content = True
                    continue
            if need <= LINES:
                plan.modules.append(Placement(sid, page, 0, N, 0, need, m.sidebar_cols(N)))
                cursor = need + 1
                has_content = True
            else:
                place_long(m, sid)
            i += 1
            continue
        # a band of up to band_size stories of the same page group
        band = [m]
        j = i + 1
        while len(band) < band_size and j < len(mats):
            if not _same_group(mats[j].parts, group):
                break
            band.append(mats[j])
            j += 1
        room = LINES - cursor
        placed = False
        while band:
            widths = [N] if len(band) == 1 else _alloc([b.weight for b in band], N, min_cols)
            heights = [b.need(w, room) for b, w in zip(band, widths)]
            h = max(heights)
            if h <= room:
                col = 0
                slots = []            # (column, width, free lines below the story) for stacking
                for b, w, hb in zip(band, widths, heights):
                    lines = h if h - hb < MIN_STACK_LINES else hb
                    plan.modules.append(Placement(b.parts.story.id, page, col, w, cursor, lines, b.sidebar_cols(w)))
                    if lines < h:
                        slots.append([col, w, cursor + lines + 1])
                    col += w
                i += len(band)
                i = stack(slots, cursor + h, i)
                cursor += h + 1
                has_content = True
                placed = True
                break
            band = band[:-1]
        if placed:
            continue
        if room >= MIN_SPLIT_LINES + m.head_lines(N):
            place_long(m, sid)
        else:
            cursor = LINES
            new_page(plan.labels.get(page, "") if key is None else key)
            continue
        i += 1
    return plan
