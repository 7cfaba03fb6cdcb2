"""Measured qualities of whole laid-out editions, as a city daily's art director would check them.

Golden thresholds, measured on the bundled sample and (when present) the shared benchmark
edition and seed page: the share of body lines whose Han characters all sit on the 1-em grid,
paragraphs whose last line holds one character (孤字), paragraphs cut at a column end with a
single line on either side, pages with a column ending more than two lines above the foot
(none: text, a deepened module or an ad frame reaches it), modules with an empty text column, and the white a story module leaves under its text.
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
    """(pages, pages whose text covers under 30% of the page, pages with a column ending more than
    two lines above the foot) of the automatic plan; ad frames count as filling their columns."""
    from galley.app.layout import place
    plan = place.auto_plan(ed, grid)
    small = short = 0
    for p in range(1, plan.pages + 1):
        mods = [m for m in plan.modules if m.page == p]
        feet = place.column_feet(mods, grid.columns)
        text = sum(m.columns * m.lines for m in mods if m.kind == "story")
        small += text < 0.3 * grid.lines * grid.columns
        short += min(feet) < grid.lines - 2
    return plan.pages, small, short


@pytest.mark.parametrize(("layout", "most_small"), [("a3", 4), ("broadsheet", 4), ("tabloid", 0)])
def test_edition16_pages_are_filled_to_the_foot(layout, most_small):
    # before: 9, 14 and 1 pages under 30% full; 16, 9 and 13 continued-from pages short of the foot
    # and every group's last page ending where its text ran out (25, 30 and 25 pages in all).
    # Each of the 16 sections ends on a part-filled page; on broadsheet four sit at 22-29%, so the
    # count moves by one when the repaired text of a section changes by a few lines; ad frames
    # take the rest of such a page.
    if not EDITION16.exists():
        pytest.skip("shared data absent")
    pages, small, short = page_fill(load_edition(EDITION16), load_layout(layout))
    assert small <= most_small and short == 0, (pages, small, short)


FILL_CASES = [(SAMPLE, name) for name in ("broadsheet", "tabloid", "a3")] + [
    (s, name) for s in SEEDS[:1] for name in ("broadsheet", "tabloid", "a3")]


@pytest.mark.parametrize(("path", "layout"), FILL_CASES, ids=[f"{p.stem}-{n}" for p, n in FILL_CASES])
def test_every_page_of_the_sample_and_the_seed_ends_at_the_foot(path, layout):
    # before: the seed's broadsheet page ended 7 lines short across the page, the sample's 10-17
    ed = load_edition(path)
    grid = load_layout(layout)
    _, _, short = page_fill(ed, grid)
    assert short == 0
    doc = layout_edition(ed, grid)
    assert doc.overset == {}


def empty_columns(doc, grid) -> list[tuple[int, str, int]]:
    """(page, story, text columns with nothing in them) of each story module wider than its text."""
    from galley.app.layout.paged import Box
    out = []
    for p in doc.pages:
        inked = {(ln.story, ln.column) for ln in p.lines()}
        boxes = [b for b in p.items if isinstance(b, Box) and b.role in ("photo", "frame")]
        for m in p.modules:
            if m.kind != "story":
                continue
            empty = 0
            for c in range(m.column, m.column + m.columns):
                x = grid.column_x(c)
                if (m.story, c) not in inked and not any(abs(b.x - x) < 10 and m.y <= b.y <= m.y + m.h
                                                         for b in boxes):
                    empty += 1
            if empty:
                out.append((p.number, m.story, empty))
    return out


EMPTY_CASES = FILL_CASES + [(EDITION16, name) for name in ("broadsheet", "tabloid", "a3")]


@pytest.mark.parametrize(("path", "layout"), EMPTY_CASES, ids=[f"{p.stem}-{n}" for p, n in EMPTY_CASES])
def test_no_module_leaves_more_than_one_text_column_empty(path, layout):
    # before: the sample's lead on A3 page 2 took five columns for one column of text beside its
    # picture (three empty); edition16 had 7, 3 and 2 modules on broadsheet, tabloid and A3 with
    # an empty column (a short lead across the page threaded five deep into six of eight columns)
    if not path.exists():
        pytest.skip("shared data absent")
    grid = load_layout(layout)
    bad = empty_columns(layout_edition(load_edition(path), grid), grid)
    assert len(bad) <= 1 and all(n == 1 for _, _, n in bad), bad


def module_white(doc, grid) -> list[tuple[int, str, int, int]]:
    """(page, story, column, empty grid lines) of each column of a story module whose ink (text,
    a box) ends three grid lines or more above the module's foot: a hole in the page (开天窗)."""
    from galley.app.layout.paged import Box
    out = []
    lead = grid.leading
    for p in doc.pages:
        for m in p.modules:
            if m.kind != "story":
                continue
            for c in range(m.column, m.column + m.columns):
                x0 = grid.column_x(c)
                x1 = x0 + grid.column_width
                low = m.y
                for it in p.items:
                    if isinstance(it, TextLine) and it.x < x1 - 1 and it.x + it.width > x0 + 1:
                        bottom = it.y + lead * 0.3
                    elif isinstance(it, Box) and it.role != "bullet" and it.x < x1 - 1 and it.x + it.w > x0 + 1:
                        bottom = it.y + it.h
                    else:
                        continue
                    if m.y - 1 <= bottom <= m.y + m.h + lead:
                        low = max(low, bottom)
                empty = int((m.y + m.h - low) / lead + 1e-6)
                if empty >= 3:
                    out.append((p.number, m.story, c, empty))
    return out


# (path, grid, most module columns with 3+ empty lines, deepest): the tabloid gives its headlines
# no air (air_lines and fill_lines 0 there, for the PDF reader) and sets no text under a fact box
# two columns wide, so its white stays where it was
WHITE_CASES = [(SAMPLE, "broadsheet", 3, 7), (SAMPLE, "tabloid", 3, 12), (SAMPLE, "a3", 5, 8),
               *[(s, name, 5, deep) for s in SEEDS[:1] for name, deep in (("broadsheet", 6), ("tabloid", 10), ("a3", 6))],
               (EDITION16, "broadsheet", 6, 5), (EDITION16, "tabloid", 26, 5), (EDITION16, "a3", 6, 5)]


@pytest.mark.parametrize(("path", "layout", "most", "deepest"), WHITE_CASES,
                         ids=[f"{p.stem}-{n}" for p, n, _, _ in WHITE_CASES])
def test_story_modules_leave_little_white_under_their_text(path, layout, most, deepest):
    # before: a fact box at the top of a column of its own left 16 (broadsheet), 10 (tabloid) and
    # 25 (A3) empty lines under it on the seed page; a story's last module deepened to meet its
    # neighbours left all its white under its text (the sample's tabloid page 12 lines; module
    # columns with 3 empty lines or more in edition16: 52, 31 and 52 on broadsheet, tabloid and
    # A3, up to 8 deep), and a subhead that did not fit at a column's foot ended that column early
    # (the seed's lead: 4 and 8 empty lines in two of its eight columns on the broadsheet).
    # Now (broadsheet/tabloid/A3): sample 1/2/5 (4/12/8 deep), seed 1/4/5 (5/10/6), edition16 4/25/4 (4/5/5)
    if not path.exists():
        pytest.skip("shared data absent")
    grid = load_layout(layout)
    white = module_white(layout_edition(load_edition(path), grid), grid)
    assert len(white) <= most and max((w for *_, w in white), default=0) <= deepest, white


def picture_white(doc, grid) -> list[tuple[int, str, int, int]]:
    """`module_white` of the story modules that hold a picture frame."""
    from galley.app.layout.paged import Box
    framed = {(p.number, m.story) for p in doc.pages for m in p.modules if m.kind == "story" and any(
        isinstance(it, Box) and it.role == "photo" and m.x - 1 <= it.x < m.x + m.w and m.y - 1 <= it.y <= m.y + m.h
        for it in p.items)}
    return [w for w in module_white(doc, grid) if w[:2] in framed]


# (path, grid, deepest white in a picture's module)
PICTURE_CASES = [(SAMPLE, "broadsheet", 0), (SAMPLE, "tabloid", 0), (SAMPLE, "a3", 3)]


@pytest.mark.parametrize(("path", "layout", "deepest"), PICTURE_CASES,
                         ids=[f"{p.stem}-{n}" for p, n, _ in PICTURE_CASES])
def test_a_picture_and_its_story_come_out_as_a_filled_module(path, layout, deepest):
    # before: the sample's A3 page 2 set 湿地公园's picture one column wide beside 3 and 2 lines
    # of text, 7 empty lines under them in two columns of a 3-column module, and its broadsheet
    # page 1 beside 7 and 3 lines in a 2-column module, 4 empty lines under the 3; now the picture
    # goes across the module under its head, its frame as deep as the text below it leaves (drawn
    # 4.95:1 on A3, 3.59:1 on the broadsheet). 临川港's picture on A3 page 1 keeps its column: across
    # the module it would be a sliver (3 empty lines left there)
    from galley.app.layout.paged import Box
    grid = load_layout(layout)
    doc = layout_edition(load_edition(path), grid)
    white = picture_white(doc, grid)
    assert max((w for *_, w in white), default=0) <= deepest, white
    # and no picture is made a sliver or a tower to get there (across its module, A3 page 1's would
    # be 17:1): no wider than 5 times its depth (a panorama strip), no deeper than 1.5 times its width
    shapes = [round(it.w / it.h, 2) for p in doc.pages for it in p.items if isinstance(it, Box) and it.role == "photo"]
    assert shapes and all(1 / 1.5 <= r <= 5.0 for r in shapes), shapes


HEAD_STYLES = {"headline", "headline_minor", "kicker", "deck", "banner"}


def level_headlines(doc, grid) -> list[tuple[int, str, str]]:
    """(page, line, line) of headline lines of two stories side by side across a gutter whose
    baselines are within half the larger size: they read as one line (碰题)."""
    out = []
    for p in doc.pages:
        heads = [ln for ln in p.lines() if ln.style in HEAD_STYLES]
        for a, b in itertools.combinations(heads, 2):
            beside = (0 <= b.x - (a.x + a.width) <= grid.gutter * 1.5
                      or 0 <= a.x - (b.x + b.width) <= grid.gutter * 1.5)
            if a.story != b.story and beside and abs(a.y - b.y) < max(a.size, b.size) / 2:
                out.append((p.number, a.text, b.text))
    return out


# (path, grid, most pairs of level headlines side by side): a headline block given its module's
# white is moved in that air off the height of a headline beside it; the rest are placed level
LEVEL_CASES = [(SAMPLE, "broadsheet", 3), (SAMPLE, "a3", 1), *[(s, "a3", 0) for s in SEEDS[:1]],
               (EDITION16, "broadsheet", 110), (EDITION16, "a3", 69)]
# (edition16 broadsheet 108 -> 110 when its three marked subheads, (小标题)总理职位花落谁家 …, were
# typed as subheads, not bylines: the pages after them placed anew)


@pytest.mark.parametrize(("path", "layout", "most"), LEVEL_CASES, ids=[f"{p.stem}-{n}" for p, n, _ in LEVEL_CASES])
def test_headlines_given_air_stand_off_the_height_of_their_neighbours(path, layout, most):
    # before (centred in their air whatever stood beside them): sample 5 (broadsheet) and 3 (A3),
    # the seed's A3 page 1, edition16 125 (broadsheet) and 89 (A3)
    if not path.exists():
        pytest.skip("shared data absent")
    grid = load_layout(layout)
    level = level_headlines(layout_edition(load_edition(path), grid), grid)
    assert len(level) <= most, level[:5]
