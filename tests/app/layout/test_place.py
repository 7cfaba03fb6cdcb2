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
        if mod.kind != "story" or mod.columns < 3:
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


def test_a_headline_keeps_a_numeral_with_its_unit_a_letter_with_its_word_and_a_foreign_name_whole():
    # 三千 / 人, A / 型 and 塔吉克 / 斯坦 (cut by the dictionary's words of up to four characters)
    # are no places to break a headline; read back from the page, such a break split the headline
    from galley.app.layout.compose import head_breaks
    for text, kept in (("驻港部队近三千人奉命换防", "三千人"), ("临川防止塔吉克斯坦A型口蹄疫传入", "塔吉克斯坦"),
                       ("临川防止塔吉克斯坦A型口蹄疫传入", "A型")):
        at = text.index(kept)
        assert not any(at < k < at + len(kept) for lv in head_breaks(text) for k in lv), (text, kept)
    assert 4 in head_breaks("2026临川马拉松开跑")[-1]       # a figure before a word of its own: a break


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


def test_white_at_a_page_foot_becomes_an_ad_frame_and_a_near_miss_a_deeper_module():
    from galley.app.layout.place import column_feet, fill_foot
    from galley.app.layout.plan import Placement
    g = load_layout("broadsheet")            # 8 columns, 102 lines
    L = g.lines
    mods = [Placement("a", 1, 0, 8, 0, 30),
            Placement("b", 1, 0, 4, 31, L - 31),          # to the foot
            Placement("c", 1, 4, 2, 31, 40),              # 71: far above the foot
            Placement("d", 1, 6, 2, 31, 39)]              # 70: a line above c
    ads = fill_foot(mods, g, 1)
    # d is deepened to c's foot; one ad frame across columns 4-7 from a line below to the foot
    assert mods[3].lines == 40
    assert [(a.kind, a.column, a.columns, a.line, a.line + a.lines) for a in ads] == [("ad", 4, 4, 72, L)]
    assert min(column_feet(mods + ads, 8)) == L
    # white of two lines or less is left; three lines deepen the module above instead of a strip of ad
    near = [Placement("a", 1, 0, 8, 0, L - 3)]
    assert fill_foot(near, g, 1) == [] and near[0].lines == L
    # a story continued on the next page keeps its depth (its text there was measured for it)
    cut = [Placement("a", 1, 0, 8, 0, L - 4)]
    assert fill_foot(cut, g, 1, frozenset({"a"}))[0].lines == 3 and cut[0].lines == L - 4


def test_ad_frames_are_modules_of_their_own_in_the_plan_and_on_the_page(tmp_path):
    from galley.app.layout.place import AD_LABEL
    from galley.app.layout.plan import load_plan, save_plan
    ed = _bundled()
    g = load_layout("a3")
    plan = auto_plan(ed, g)
    ads = [m for m in plan.modules if m.kind == "ad"]
    assert ads and all(m.label == AD_LABEL for m in ads)
    _check_rectangles(plan, g)
    plan.validate(g, [s.id for s in ed.stories])        # an ad frame names no story and passes
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    again = load_plan(path)
    assert again.modules == plan.modules
    doc = layout_edition(ed, g, again)
    for ad in ads:
        page = doc.pages[ad.page - 1]
        frames = [b for b in page.items if isinstance(b, Box) and b.role == "ad"]
        x, y = g.column_x(ad.column), g.line_y(ad.line)
        assert any(abs(b.x - x) < 0.01 and y <= b.y < y + g.leading and b.w == g.span_width(ad.columns)
                   for b in frames)
        assert any(ln.story == ad.story and ln.text == AD_LABEL for ln in page.lines())
        assert any(m.kind == "ad" and m.story == ad.story for m in page.modules)
    # no story text inside an ad frame
    for ad in ads:
        page = doc.pages[ad.page - 1]
        top, bottom = g.line_y(ad.line), g.line_y(ad.line + ad.lines)
        inside = [ln for ln in page.lines() if ln.story != ad.story and top <= ln.y <= bottom
                  and g.column_x(ad.column) <= ln.x < g.column_x(ad.column) + g.span_width(ad.columns)]
        assert inside == []


@pytest.mark.parametrize("text", ["临川港集装箱吞吐量创同期新高", "临川大学团队研发新型储能材料", "我市全面推进养老服务体系建设"])
def test_a_headline_never_ends_on_a_line_of_one_or_two_characters(text):
    # greedy breaking gave 临川港集装箱 / 吞吐量创同期 / 新高 in one broadsheet column
    lines = _head_lines(text, Kind.HEADLINE, "broadsheet", 1)
    assert len(lines) >= 2 and "".join(lines) == text
    assert all(len(ln.strip()) > 2 for ln in lines), lines


def test_a_picture_frame_in_a_plan_is_drawn_with_its_caption_below_it():
    from galley.app.layout.plan import Placement, Plan
    ed = sample_edition()
    g = load_layout("tabloid")
    plan = auto_plan(ed, g)
    page1 = [m for m in plan.modules if m.page == 1]
    caption = "青川港集装箱码头夜景。本报记者 林晓舟 摄"
    # a picture frame of two columns at the top of page 2, caption attached below the picture
    pic = Placement("pic1", plan.pages + 1, 0, 2, 0, 14, kind="picture", label=caption)
    plan = Plan(layout=plan.layout, pages=plan.pages + 1, labels=plan.labels, modules=[*plan.modules, pic])
    plan = Plan.from_json(plan.to_json())
    assert plan.modules[-1] == pic and page1
    doc = layout_edition(ed, g, plan)
    page = doc.pages[-1]
    photo = next(b for b in page.items if isinstance(b, Box) and b.role == "photo")
    assert abs(photo.w - g.span_width(2)) < 0.01 and photo.y < g.line_y(1)
    cap = [ln for ln in page.lines() if ln.story == "pic1"]
    assert "".join(ln.text for ln in cap) == caption
    assert all(photo.y + photo.h < ln.y <= g.line_y(14) for ln in cap)
    assert any(m.kind == "picture" for m in page.modules)


def test_ad_frames_side_by_side_a_few_lines_apart_become_one_band():
    from galley.app.layout.place import BAND_STEP, fill_foot
    from galley.app.layout.plan import Placement
    g = load_layout("broadsheet")
    L = g.lines
    mods = [Placement("a", 1, 0, 4, 0, 60), Placement("b", 1, 4, 4, 0, 64)]
    ads = fill_foot(mods, g, 1)
    assert [(a.column, a.columns, a.line, a.line + a.lines) for a in ads] == [(0, 8, 65, L)]
    assert mods[0].lines == 64 and mods[1].lines == 64
    # a frame more than BAND_STEP higher keeps its upper part as a frame over the band, a line
    # of air between them; no module is deepened
    mods = [Placement("a", 1, 0, 4, 0, 60), Placement("b", 1, 4, 4, 0, 61 + BAND_STEP)]
    ads = fill_foot(mods, g, 1)
    top = 62 + BAND_STEP
    assert [(a.column, a.columns, a.line, a.line + a.lines) for a in ads] == [(0, 4, 61, top - 1), (0, 8, top, L)]
    assert mods[0].lines == 60 and [a.story for a in ads] == ["ad1.1", "ad1.2"]


def test_a_story_in_a_module_deeper_than_its_text_keeps_its_columns_balanced():
    from galley.app.layout.plan import Placement, Plan
    ed = sample_edition()
    g = load_layout("tabloid")
    story = ed.stories[2]                          # a headline and twelve lines of text
    plan = Plan(layout="tabloid", pages=1, modules=[Placement(story.id, 1, 0, 3, 0, 70)])
    doc = layout_edition(ed, g, plan)
    feet = defaultdict(float)
    for ln in doc.pages[0].lines():
        if ln.story == story.id and ln.style == "body":
            feet[ln.column] = max(feet[ln.column], ln.y)
    assert len(feet) == 3, feet                    # greedy threading filled one or two columns
    assert max(feet.values()) - min(feet.values()) <= 2.5 * g.leading, feet
    assert max(feet.values()) < g.line_y(60)


@pytest.mark.parametrize(("text", "whole"), [("临川地铁2号线全线贯通", "2号线"), ("老旧小区改造今年再启动56个", "56个"),
                                             ("我市12月起实施新规定", "12月")])
def test_a_headline_keeps_a_figure_with_its_units(text, whole):
    # the dictionary has no 号线, so 临川地铁2号 / 线全线贯通 was a break between words
    for layout in ("broadsheet", "a3"):
        lines = _head_lines(text, Kind.HEADLINE, layout, 1)
        assert "".join(lines) == text and any(whole in ln for ln in lines), lines


def test_a_headline_breaks_where_han_meets_latin_not_inside_the_next_word():
    # OPEC 创始人:伊 / 拉克战争…: the seam after the half-width colon was no break, so the line
    # was cut inside 伊拉克; the lines below are also even (no 百元 alone)
    text = "OPEC 创始人:伊拉克战争将导致油价飙至百元"
    lines = _head_lines(text, Kind.HEADLINE, "broadsheet", 1)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("伊拉克" in ln for ln in lines) and all(len(ln.strip()) > 2 for ln in lines), lines


def _ad_shares(plan, g) -> list[float]:
    """Each page's share of the type area in ad frames."""
    return [sum(m.columns * m.lines for m in plan.modules if m.page == p and m.kind == "ad") / (g.columns * g.lines)
            for p in range(1, plan.pages + 1)]


@pytest.mark.parametrize("name", ["broadsheet", "tabloid"])
def test_a_group_short_of_a_page_shares_its_white_instead_of_ending_on_an_ad_page(name):
    # the invented edition's groups run a page and a third or so: set as they come, their last
    # page was 62% ad frame on the tabloid; spread over the group, no page carries over a third
    g = load_layout(name)
    ed = long_edition(6)
    plan = auto_plan(ed, g)
    shares = _ad_shares(plan, g)
    assert max(shares) <= 1 / 3 + 0.005, shares
    _check_rectangles(plan, g)
    # every page still ends at its foot (text or ad frame) and nothing is lost
    for p in range(1, plan.pages + 1):
        assert min(_column_feet(plan, g, p)) >= g.lines - 2, (name, p)
    assert layout_edition(ed, g, plan).overset == {}
    assert auto_plan(ed, g).to_json() == plan.to_json()


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_the_bundled_sample_has_no_page_mostly_ad_frame(name):
    g = load_layout(name)
    assert max(_ad_shares(auto_plan(_bundled(), g), g)) <= 1 / 3, name


def test_a_band_page_of_a_group_keeps_its_text_over_an_even_ad_band():
    # the page a group continues from, set over a band, has its stories end on one line above it
    from galley.app.layout import place
    g = load_layout("tabloid")
    pieces = place._groups(long_edition(3), g)[0][1]
    pages = place._balanced_group(place._Planner(g), pieces, g, 1)
    first = pages[0]
    ads = [m for m in first if m.kind == "ad"]
    assert len(ads) == 1 and ads[0].column == 0 and ads[0].columns == g.columns
    assert ads[0].line + ads[0].lines == g.lines
    assert max(m.line + m.lines for m in first if m.is_story) < ads[0].line


def test_a_real_edition_has_no_page_mostly_ad_frame():
    # edition1 set as it came ended its groups on pages 65% (broadsheet), 35% (tabloid) and 52%
    # (A3) ad frame; shared out, about a third at most (a group with less text than two thirds
    # of each of its pages cannot do better without setting its stories larger)
    if not EDITION1.exists():
        pytest.skip("shared data absent")
    ed = load_edition(EDITION1)
    for name in ("broadsheet", "tabloid", "a3"):
        g = load_layout(name)
        assert max(_ad_shares(auto_plan(ed, g), g)) <= 0.4, name


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_a_head_measured_once_serves_wider_widths_only_where_it_is_the_same(name):
    """A piece reuses a narrower width's head block where every element stood on one line there at
    its own size; a head on one line only a size down the ladder is set again (at full width the
    主题 on one line at its own size is deeper), so placement's plan does not depend on the order
    in which widths are tried."""
    from galley.app.layout import place

    ed = load_edition(EDITION1) if EDITION1.exists() else _bundled()
    g = load_layout(name)
    for _, pieces in place._groups(ed, g):
        for p in pieces:
            widths = range(1, g.columns + 1)
            in_order = [p.head(w) for w in widths]
            for w in widths:
                fresh = place._Piece(p.parts, g)
                fresh.lead = p.lead
                assert fresh.head(w) == in_order[w - 1], (p.sid, w)
