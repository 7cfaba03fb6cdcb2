"""Measured qualities of whole laid-out editions, as a city daily's art director would check them.

Golden thresholds, measured on the bundled sample and (when present) the shared benchmark
edition and seed page: the share of body lines whose Han characters all sit on the 1-em grid,
paragraphs whose last line holds one character (孤字), paragraphs cut at a column end with a
single line on either side.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from galley.app.layout import layout_edition, load_layout
from galley.app.layout.paged import TextLine
from galley.app.pipeline import load_edition

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"
SHARED = ROOT.parent / "shared"
EDITION16 = SHARED / "data" / "bench" / "edition16.txt"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


def _han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF


def _body_lines(doc):
    return [(p.number, it) for p in doc.pages for it in p.items
            if isinstance(it, TextLine) and it.style == "body"]


def on_grid_share(doc) -> float:
    """Body lines with every Han character's origin a whole number of ems from the line's left edge."""
    on = total = 0
    for _, ln in _body_lines(doc):
        offs = [(x - ln.x) / r.size for r in ln.runs for ch, x in zip(r.text, r.xs) if _han(ch)]
        if offs:
            total += 1
            on += all(abs(q - round(q)) < 0.02 for q in offs)
    return on / max(total, 1)


def one_character_endings(doc) -> tuple[int, int]:
    """(paragraphs whose last line has one letter or Han character, paragraphs)."""
    last = {}
    for _, ln in _body_lines(doc):
        last[(ln.story, ln.element)] = ln
    lone = sum(1 for ln in last.values() if sum(c.isalnum() for c in ln.text) == 1)
    return lone, len(last)


def stranded_lines(doc) -> int:
    """Paragraphs cut at a column end leaving one line alone before or after the cut."""
    pars = defaultdict(list)
    for number, ln in _body_lines(doc):
        pars[(ln.story, ln.element)].append((number, round(ln.x, 1), ln.y))
    bad = 0
    for lines in pars.values():
        segs = [[lines[0]]]
        for a, b in itertools.pairwise(lines):
            if (a[0], a[1]) != (b[0], b[1]) or b[2] < a[2]:
                segs.append([b])
            else:
                segs[-1].append(b)
        if len(segs) > 1:
            bad += (len(segs[0]) == 1) + (len(segs[-1]) == 1)
    return bad


CASES = [(SAMPLE, "broadsheet", 0.70), (SAMPLE, "tabloid", 0.70), (EDITION16, "a3", 0.70),
         (EDITION16, "broadsheet", 0.70), *[(s, "broadsheet", 0.75) for s in SEEDS[:1]]]


@pytest.mark.parametrize(("path", "layout", "grid_share"), CASES,
                         ids=[f"{p.stem}-{n}" for p, n, _ in CASES])
def test_body_text_stays_on_the_grid_without_lone_characters_or_stranded_lines(path, layout, grid_share):
    if not path.exists():
        pytest.skip("shared data absent")
    doc = layout_edition(load_edition(path), load_layout(layout))
    # before GB composition: 55% (sample), 38% (edition16 A3), 29% (seed) of body lines on the grid
    assert on_grid_share(doc) >= grid_share
    lone, total = one_character_endings(doc)
    assert total > 10 and lone == 0          # was 17% of the sample's paragraphs, 13% of edition16's
    assert stranded_lines(doc) == 0          # was 184 in edition16 on A3


def page_fill(ed, grid):
    """(pages, pages under 30% full, pages a group continues from that end more than two lines above
    the foot in some column) of the automatic plan."""
    from galley.app.layout import place
    plan = place.auto_plan(ed, grid)
    group_of = {pc.sid: gi for gi, (_, pieces) in enumerate(place._groups(ed, grid)) for pc in pieces}
    page_group, last = {}, {}
    for m in plan.modules:
        page_group.setdefault(m.page, group_of.get(m.story))
    for p in range(1, plan.pages + 1):
        last[page_group.get(p)] = p
    small = short = 0
    for p in range(1, plan.pages + 1):
        mods = [m for m in plan.modules if m.page == p]
        feet = [max([m.line + m.lines for m in mods if m.column <= c < m.column + m.columns] or [0])
                for c in range(grid.columns)]
        small += sum(feet) < 0.3 * grid.lines * grid.columns
        short += p not in last.values() and min(feet) < grid.lines - 2
    return plan.pages, small, short


@pytest.mark.parametrize(("layout", "most_small", "most_short"), [("a3", 4, 14), ("broadsheet", 4, 10), ("tabloid", 0, 10)])
def test_edition16_pages_are_filled(layout, most_small, most_short):
    # before: 9, 14 and 1 pages under 30% full; 16, 9 and 13 continued-from pages short of the foot.
    # Each of the 16 sections ends on a part-filled page; on broadsheet four sit at 22-29%, so the
    # count moves by one when the repaired text of a section changes by a few lines.
    if not EDITION16.exists():
        pytest.skip("shared data absent")
    pages, small, short = page_fill(load_edition(EDITION16), load_layout(layout))
    assert small <= most_small and short <= most_short, (pages, small, short)
