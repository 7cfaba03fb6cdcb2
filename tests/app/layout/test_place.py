"""Automatic placement (place.py): pages filled to the foot, rectangles on the grid, no overlaps,
balanced columns, no overset, deterministic; headlines broken at their spaces (compose.py)."""
from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from galley.app.layout import auto_plan, layout_edition, load_layout
from galley.app.layout.compose import StoryParts, compose_head
from galley.app.layout.paged import Box
from galley.app.model import Element, Kind, Story
from galley.app.pipeline import edition_from_text, load_edition
from tests.app.layout.sample import long_edition, sample_edition

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "resources" / "sample" / "edition.txt"
SHARED = ROOT / ".." / "shared"
EDITION1 = SHARED / "data" / "bench" / "edition1.txt"
SEED = SHARED / "data" / "seed" / "input.txt"

HEAD_STYLES = {"headline", "headline_minor", "kicker", "deck", "banner", "section"}


def _bundled():
    if not BUNDLED.exists():
        pytest.skip("bundled sample edition absent")
    return load_edition(BUNDLED)


def _last_pages(plan) -> set[int]:
    """The last page of each page group (a group runs out of material there)."""
    last: dict[str, int] = {}
    for p in range(1, plan.pages + 1):
        last[plan.labels.get(p, "")] = p
    return set(last.values())


def _check_rectangles(plan, grid) -> None:
    plan.validate(grid)
    by_page = defaultdict(list)
    for m in plan.modules:
        by_page[m.page].append(m)
    for page, mods in by_page.items():
        for a_i, a in enumerate(mods):
            for b in mods[a_i + 1:]:
                apart = (a.column + a.columns <= b.column or b.column + b.columns <= a.column
                         or a.line + a.lines <= b.line or b.line + b.lines <= a.line)
                assert apart, f"page {page}: {a} overlaps {b}"


def _column_feet(plan, grid, page: int) -> list[int]:
    mods = [m for m in plan.modules if m.page == page]
    return [max([m.line + m.lines for m in mods if m.column <= c < m.column + m.columns] or [0])
            for c in range(grid.columns)]


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_bundled_sample_fills_its_pages_without_overlaps_or_overset(name):
    ed = _bundled()
    g = load_layout(name)
    plan = auto_plan(ed, g)
    _check_rectangles(plan, g)
    last = _last_pages(plan)
    for p in range(1, plan.pages + 1):
        feet = _column_feet(plan, g, p)
        if p not in last:
            # a page the material continues from reaches the foot of the type area
            assert max(feet) >= g.lines - 2, (p, feet)
            assert sum(feet) >= g.columns * (g.lines - 4) - 3 * g.lines // 4, (p, feet)
    doc = layout_edition(ed, g, plan)
    assert doc.overset == {}


def test_bundled_sample_on_the_tabloid_is_one_full_page_and_a_short_second():
    ed = _bundled()
    g = load_layout("tabloid")
    plan = auto_plan(ed, g)
    assert plan.pages <= 2
    feet = _column_feet(plan, g, 1)
    # page 1 runs to the foot; all columns but one end within four lines of it
    assert max(feet) >= g.lines - 2, feet
    assert sum(1 for f in feet if f >= g.lines - 4) >= g.columns - 1, feet


def test_bundled_sample_broadsheet_modules_are_deep_not_strips():
    ed = _bundled()
    g = load_layout("broadsheet")
    doc = layout_edition(ed, g)
    page = doc.pages[0]
    for mod in page.modules:
        if mod.columns < 3:
            continue
        body = [ln for ln in page.lines() if ln.story == mod.story and ln.style == "body"]
        per_col = defaultdict(set)
        for ln in body:
            per_col[ln.column].add(round(ln.y / g.leading))
        # three columns or more: at least six lines of text in a column, not a strip
        assert max(len(v) for v in per_col.values()) >= 6, (mod.story, mod.columns, per_col)


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_module_columns_are_balanced(name):
    ed = _bundled()
    g = load_layout(name)
    doc = layout_edition(ed, g)
    for page in doc.pages:
        photos = [b for b in page.items if isinstance(b, Box) and b.role == "photo"]
        for mod in page.modules:
            placed = next(m for m in doc.plan.modules if (m.page, m.story, m.column, m.line)
                          == (page.number, mod.story, mod.column, mod.line))
            text_cols = mod.columns - placed.sidebar_columns      # a boxed sidebar beside is apart
            cols = defaultdict(float)
            for ln in page.lines():
                if (ln.story == mod.story and mod.column <= ln.column < mod.column + text_cols
                        and mod.y <= ln.y <= mod.y + mod.h and ln.style not in HEAD_STYLES):
                    cols[ln.column] = max(cols[ln.column], ln.y)
            # a column holding a picture is as deep as the picture makes it: compare text columns
            for b in photos:
                if mod.x <= b.x < mod.x + mod.w and mod.y <= b.y < mod.y + mod.h:
                    cols.pop(round((b.x - g.margin_left) / (g.column_width + g.gutter)), None)
            if len(cols) < 2:
                continue
            feet = [cols[c] for c in sorted(cols)]
            # the last column of a module is never much shorter than the deepest one
            assert (max(feet) - feet[-1]) / g.leading <= 5.5, (page.number, mod.story, feet)


def test_long_edition_pages_are_filled_and_never_overset():
    ed = long_edition(9)
    for name in ("tabloid", "broadsheet"):
        g = load_layout(name)
        plan = auto_plan(ed, g)
        _check_rectangles(plan, g)
        last = _last_pages(plan)
        for p in range(1, plan.pages + 1):
            if p not in last:
                assert max(_column_feet(plan, g, p)) >= g.lines - 2, (name, p)
        assert layout_edition(ed, g, plan).overset == {}


@pytest.mark.parametrize("path", [EDITION1, SEED])
def test_real_pages_fill_their_pages(path):
    if not path.exists():
        pytest.skip("shared data absent")
    ed = load_edition(path)
    for name in ("broadsheet", "tabloid", "a3"):
        _assert_pages_filled(ed, load_layout(name), longest=4, shortest=12)


def _assert_pages_filled(ed, g, longest: int, shortest: int) -> None:
    """Every page but a group's last runs to the foot: its longest column within `longest` grid
    lines of it, its shortest within `shortest`; rectangles, no overset."""
    plan = auto_plan(ed, g)
    _check_rectangles(plan, g)
    last = _last_pages(plan)
    for p in range(1, plan.pages + 1):
        if p not in last:
            feet = _column_feet(plan, g, p)
            assert max(feet) >= g.lines - longest, (g.name, p, feet)
            assert min(feet) >= g.lines - shortest, (g.name, p, feet)
    assert layout_edition(ed, g, plan).overset == {}


def test_automatic_placement_is_deterministic():
    ed = sample_edition()
    g = load_layout("tabloid")
    assert auto_plan(ed, g).to_json() == auto_plan(ed, g).to_json()
    text = BUNDLED.read_text(encoding="utf-8") if BUNDLED.exists() else None
    if text:
        a = auto_plan(edition_from_text(text), load_layout("broadsheet"))
        b = auto_plan(edition_from_text(text), load_layout("broadsheet"))
        assert a.to_json() == b.to_json()


def _head_lines(text: str, kind: Kind, layout: str, cols: int) -> list[str]:
    g = load_layout(layout)
    story = Story("s", [Element(kind, text)])
    block = compose_head(StoryParts(story, [(0, story.elements[0])], [], [], []), g, cols)
    return [hl.par.text[hl.par.lines[hl.line].start:hl.par.lines[hl.line].end] for hl in block.lines]


@pytest.mark.parametrize("layout,cols,kind,text", [
    ("tabloid", 6, Kind.BANNER, "干事创业 担当尽责 加快建设现代化“两河明珠”城市 奋力谱写新时代篇章"),
    ("tabloid", 2, Kind.HEADLINE, "奋进新征程 建功新时代 两河明珠城市"),
    ("broadsheet", 1, Kind.HEADLINE, "奋进新征程 建功新时代"),
    ("a3", 1, Kind.HEADLINE, "书香浸润 阅读点亮生活"),
    ("broadsheet", 1, Kind.KICKER, "抓项目 强产业 优环境 稳增长"),
])
def test_headlines_break_at_their_spaces(layout, cols, kind, text):
    lines = _head_lines(text, kind, layout, cols)
    assert len(lines) >= 2
    # every line but the last ends at one of the headline's spaces; nothing is lost
    for ln in lines[:-1]:
        assert text[text.index(ln) + len(ln.rstrip()):][:1] == " ", lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_banner_that_just_misses_one_line_is_set_smaller_on_one_line():
    text = "干事创业 担当尽责 加快建设现代化“两河明珠”城市"
    g = load_layout("tabloid")
    story = Story("s", [Element(Kind.BANNER, text)])
    block = compose_head(StoryParts(story, [(0, story.elements[0])], [], [], []), g, g.columns)
    assert len(block.lines) == 1
    assert g.style("banner").size * 0.75 <= block.lines[0].style.size < g.style("banner").size


def test_a_lead_with_a_banner_is_wide_enough_for_it_on_one_line():
    if not SEED.exists():
        pytest.skip("shared data absent")
    ed = load_edition(SEED)
    for name in ("broadsheet", "tabloid"):
        g = load_layout(name)
        doc = layout_edition(ed, g)
        banners = [ln for ln in doc.pages[0].lines() if ln.style == "banner"]
        assert len(banners) == 2, (name, [ln.text for ln in banners])
        assert any("两河明珠" in ln.text for ln in banners)


def test_headline_without_spaces_still_breaks_and_keeps_every_character():
    text = "临川籍选手夺得全国青年游泳锦标赛两枚金牌"
    lines = _head_lines(text, Kind.HEADLINE, "broadsheet", 2)
    assert len(lines) >= 2 and "".join(lines) == text


def test_a_headline_that_fits_one_line_stays_one_line():
    assert _head_lines("奋进新征程 建功新时代", Kind.HEADLINE, "broadsheet", 8) == ["奋进新征程 建功新时代"]


def _briefs_edition(n: int):
    para = ("本报讯（记者 林晓舟）青川市召开城市更新工作推进会，明确今年将完成老旧小区改造126个，"
            "新建口袋公园40处，改造雨污管网85公里，让群众在家门口感受到城市品质的提升。") * 3
    return edition_from_text("第1版\n\n" + "\n\n".join(f"青川短讯第{i}条\n\n" + para[:60 + i * 7]
                                                     for i in range(n)) + "\n")


@pytest.mark.parametrize("name", ["broadsheet", "tabloid"])
def test_a_page_of_many_short_items_is_filled_in_every_column(name):
    _assert_pages_filled(_briefs_edition(50), load_layout(name), longest=2, shortest=8)


def test_headline_sizes_come_from_the_ladder_in_hao():
    from galley.app.layout.grid import HAO
    g = load_layout("broadsheet")
    assert _head_style(g, 8, lead=True).size == HAO["小初"]
    assert _head_style(g, 8, lead=False).size == HAO["一号"]
    assert _head_style(g, 1, lead=False).size == HAO["三号"]
    # wider modules never get a smaller 主题 than narrower ones
    for lead in (True, False):
        sizes = [_head_style(g, c, lead).size for c in range(1, g.columns + 1)]
        assert sizes == sorted(sizes)
    ed = _bundled()
    for name in ("broadsheet", "tabloid", "a3"):
        doc = layout_edition(ed, load_layout(name))
        heads = [ln for p in doc.pages for ln in p.lines() if ln.style == "headline"]
        assert heads and all(r.size in HAO.values() for ln in heads for r in ln.runs), name


def _head_style(g, cols, lead):
    from galley.app.layout.compose import headline_style
    return headline_style(g, cols, Kind.HEADLINE, lead)


@pytest.mark.parametrize("layout,cols", [("a3", 1), ("broadsheet", 1), ("tabloid", 1), ("broadsheet", 2)])
def test_headlines_break_between_words_and_never_leave_one_character(layout, cols):
    text = "书香浸润城市阅读点亮生活"
    lines = _head_lines(text, Kind.HEADLINE, layout, cols)
    assert "".join(lines) == text
    joins = {len("".join(lines[:k])) for k in range(1, len(lines))}
    for word in ("城市", "阅读", "点亮", "生活", "书香", "浸润"):
        at = text.index(word)
        assert at + 1 not in joins, (word, lines)
    assert all(len(ln.strip()) >= 2 for ln in lines), lines


def test_real_headlines_have_no_single_character_line_and_banners_span_the_page():
    paths = [p for p in (EDITION1, SEED, *sorted((SHARED / "seeds").glob("*.txt"))) if p.exists()]
    if not paths:
        pytest.skip("shared data absent")
    banners = 0
    for path in paths:
        ed = load_edition(path)
        for name in ("broadsheet", "tabloid", "a3"):
            g = load_layout(name)
            doc = layout_edition(ed, g)
            for page in doc.pages:
                for ln in page.lines():
                    if ln.style in ("headline", "kicker", "deck"):
                        assert len(ln.text.strip()) >= 2, (name, ln.text)
                    if ln.style == "banner":
                        banners += 1
                        assert abs(ln.width - g.type_width) < 0.5, (name, ln.text)
    assert banners or len(paths) < 2


def test_continued_stories_carry_jump_lines_and_every_page_its_own_folio():
    para = ("本报讯（记者 林晓舟）青川市召开城市更新工作推进会，明确今年将完成老旧小区改造126个，"
            "新建口袋公园40处，改造雨污管网85公里，让群众在家门口感受到城市品质的提升。")
    ed = edition_from_text("第1版 要闻\n\n青川今年将完成老旧小区改造126个\n\n" + para + "\n\n"
                           + "城市更新调查：一条老街的四季\n\n" + "\n\n".join(para * 2 for _ in range(90)) + "\n")
    found = 0
    for name in ("a3", "tabloid"):
        g = load_layout(name)
        doc = layout_edition(ed, g)
        plan = doc.plan
        pages = {}
        for m in plan.modules:
            pages.setdefault(m.story, []).append(m.page)
        for sid, ps in pages.items():
            for a, b in itertools.pairwise(ps):
                if a == b:
                    continue
                found += 1
                jumps_a = [ln.text for ln in doc.pages[a - 1].lines() if ln.story == sid and ln.style == "jump"]
                jumps_b = [ln.text for ln in doc.pages[b - 1].lines() if ln.story == sid and ln.style == "jump"]
                assert f"（下转第{b}版）" in jumps_a, (name, sid, jumps_a)
                assert f"（上接第{a}版）" in jumps_b, (name, sid, jumps_b)
        assert len(doc.pages) >= 3
        for page in doc.pages:
            folio = [ln.text for ln in page.lines() if ln.story == "" and ln.element == -1 and "版" in ln.text]
            assert folio and all(t.startswith(f"第{page.number}版") for t in folio), (name, page.number, folio)
        assert doc.overset == {}
    assert found
