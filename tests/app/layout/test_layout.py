"""Layout of an edition: placement, threading, overset, plans, fonts, determinism."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from galley.app.errors import GalleyError
from galley.app.layout import auto_plan, fonts, layout_edition, load_layout
from galley.app.layout.linebreak import rules
from galley.app.layout.paged import Box, Rule, TextLine
from galley.app.layout.plan import Placement, Plan, load_plan, save_plan
from galley.app.model import Kind
from tests.app.layout.sample import long_edition, sample_edition

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds" / "000_e7e65077cf72d160.txt"


def _placed_chars(doc) -> Counter:
    c = Counter()
    for ln in doc.lines():
        c.update(ln.text.replace(" ", ""))
    return c


def _edition_chars(ed) -> Counter:
    c = Counter()
    for _, _, el in ed.elements():
        c.update(el.text.replace(" ", ""))
    return c


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_sample_edition_is_set_whole(name):
    ed = sample_edition()
    doc = layout_edition(ed, load_layout(name))
    assert doc.overset == {}
    missing = _edition_chars(ed) - _placed_chars(doc)
    assert not missing, missing


def test_no_line_starts_or_ends_with_a_prohibited_character():
    r = rules()
    doc = layout_edition(long_edition(), load_layout("a3"))
    lines = list(doc.lines())
    assert len(lines) > 200
    for ln in lines:
        t = ln.text.strip()
        if ln.style == "body" and ln.start > 0:
            assert t[0] not in r.no_start, t
        assert t[-1] not in r.no_end, t


def test_headline_block_spans_the_module_and_body_threads_through_columns():
    g = load_layout("broadsheet")
    doc = layout_edition(sample_edition(), g)
    page = doc.pages[0]
    lead = next(m for m in page.modules if m.story == "s1")
    # the lead is at the top left, at least 5/8 of the page wide (full width when it is deep)
    assert lead.line == 0 and lead.column == 0 and lead.columns * 8 >= g.columns * 5
    head = [ln for ln in page.lines() if ln.story == "s1" and ln.style == "headline"]
    assert head and head[0].width == pytest.approx(g.span_width(lead.columns))
    # the stories beside a narrower lead stay within its height
    for mod in page.modules:
        if mod.column >= lead.columns and mod.line < lead.lines:
            assert mod.line + mod.lines <= lead.lines
    body_cols = {ln.column for ln in page.lines() if ln.story == "s1" and ln.style == "body"}
    assert len(body_cols) >= 3
    # body lines sit on the grid
    for ln in page.lines():
        if ln.style == "body":
            k = (ln.y - g.margin_top - ((g.leading - 9) / 2 + 9 * 0.86)) / g.leading
            assert abs(k - round(k)) < 1e-6
    # the sidebar is boxed and tinted, column rules and module rules are drawn
    frames = [i for i in page.items if isinstance(i, Box) and i.role == "frame"]
    assert any(b.fill is not None and b.fill.k > 0 for b in frames)
    assert any(isinstance(i, Rule) for i in page.items)
    sidebar_lines = [ln for ln in page.lines() if ln.style == "sidebar"]
    assert sidebar_lines and all(any(b.x <= ln.x and ln.x < b.x + b.w for b in frames) for ln in sidebar_lines)


def test_a_deep_lead_spans_the_whole_page():
    g = load_layout("tabloid")
    ed = long_edition(1)
    lead = ed.stories[0]
    lead.elements[4:4] = [type(lead.elements[4])(Kind.BODY, lead.elements[4].text) for _ in range(12)]
    doc = layout_edition(ed, g)
    mod = next(m for m in doc.pages[0].modules if m.story == lead.id)
    assert mod.columns == g.columns and mod.line == 0


def test_automatic_placement_adds_pages_instead_of_overset():
    ed = long_edition(9)
    doc = layout_edition(ed, load_layout("tabloid"))
    assert doc.overset == {}
    assert len(doc.pages) >= 3
    assert not (_edition_chars(ed) - _placed_chars(doc))
    # each page marker starts its own page
    labels = [p.label for p in doc.pages]
    assert any("第2版" in lb for lb in labels) and any("第3版" in lb for lb in labels)


def test_a_plan_with_a_small_module_reports_overset_with_story_and_count():
    ed = sample_edition()
    g = load_layout("broadsheet")
    plan = Plan(layout=g.name, pages=1, labels={1: "第1版"},
                modules=[Placement("s1", 1, 0, 4, 0, 12, 0), Placement("s2", 1, 4, 4, 0, 40, 0)])
    doc = layout_edition(ed, g, plan)
    assert "s1" in doc.overset and doc.overset["s1"] > 0
    # s3, s4, s5 are not in the plan: wholly overset, never dropped silently
    for sid in ("s3", "s4", "s5"):
        story = next(s for s in ed.stories if s.id == sid)
        assert doc.overset[sid] == sum(len(e.text.replace(" ", "")) for e in story.elements if e.kind != Kind.PAGE)
    mod = next(m for m in doc.pages[0].modules if m.story == "s1")
    assert mod.overset == doc.overset["s1"]
    placed = _placed_chars(doc)
    s1_total = sum(len(e.text.replace(" ", "")) for e in ed.stories[0].elements if e.kind != Kind.PAGE)
    s1_placed = sum(len(ln.text.replace(" ", "")) for ln in doc.lines() if ln.story == "s1")
    assert s1_placed + doc.overset["s1"] == s1_total
    assert placed


def test_plan_round_trips_through_json(tmp_path):
    ed = sample_edition()
    g = load_layout("tabloid")
    plan = auto_plan(ed, g)
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "galley-plan" and data["layout"] == "tabloid"
    again = load_plan(path)
    assert again.modules == plan.modules
    a = layout_edition(ed, g, plan)
    b = layout_edition(ed, g, again)
    assert [p.items for p in a.pages] == [p.items for p in b.pages]


def test_a_plan_outside_the_grid_is_an_error(tmp_path):
    g = load_layout("tabloid")
    plan = Plan(layout="tabloid", pages=1, modules=[Placement("s1", 1, 4, 5, 0, 10)])
    with pytest.raises(GalleyError, match="does not fit"):
        layout_edition(sample_edition(), g, plan)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GalleyError):
        load_plan(bad)


def test_layout_is_deterministic():
    g = load_layout("broadsheet")
    a = layout_edition(long_edition(3), g)
    b = layout_edition(long_edition(3), g)
    assert [p.items for p in a.pages] == [p.items for p in b.pages]


def test_text_lines_have_a_position_for_every_glyph():
    doc = layout_edition(sample_edition(), load_layout("a3"))
    for ln in doc.lines():
        assert isinstance(ln, TextLine)
        for run in ln.runs:
            assert len(run.xs) == len(run.text) and run.role in fonts.ALL_ROLES
            assert run.color.k == 1 and run.color.c == run.color.m == run.color.y == 0


def test_missing_font_names_the_role_and_the_package(monkeypatch):
    monkeypatch.setitem(fonts.CANDIDATES, "kai", [("no-such-font-file.ttf", 0)])
    monkeypatch.setattr(fonts, "_paths", {})
    with pytest.raises(GalleyError) as err:
        fonts.resolve_font("kai")
    assert "kai" in str(err.value) and "fonts-arphic-gkai00mp" in str(err.value)


def test_font_roles_resolve_to_truetype_files():
    for role in fonts.ROLES:
        assert Path(fonts.resolve_font(role)).is_file()
    assert fonts.metrics("song").has("青")


@pytest.mark.skipif(not SEED.exists(), reason="shared seed edition not present")
def test_seed_edition_lays_out_without_loss():
    from galley.app.pipeline import load_edition
    ed = load_edition(SEED)
    doc = layout_edition(ed, load_layout("broadsheet"))
    assert doc.overset == {}
    assert not (_edition_chars(ed) - _placed_chars(doc))


def test_font_table_cache_rebuilds_the_same_font(tmp_path, monkeypatch):
    path, idx = fonts._resolve("latin")
    monkeypatch.setattr(fonts, "_cache_file", lambda p, i: tmp_path / "latin.marshal")
    from reportlab.pdfbase.ttfonts import TTFont
    parsed = TTFont("x", path, subfontIndex=idx)
    fonts._to_cache(parsed, path, idx)
    cached = fonts._from_cache("latin", path, idx)
    assert cached is not None
    assert cached.face.charToGlyph == parsed.face.charToGlyph
    assert cached.face.charWidths == parsed.face.charWidths
    assert cached.face.makeSubset([65, 66, 67]) == parsed.face.makeSubset([65, 66, 67])
    (tmp_path / "latin.marshal").write_bytes(b"not marshal data")
    assert fonts._from_cache("latin", path, idx) is None        # a damaged cache is ignored


def test_missing_glyphs_are_reported_per_document():
    from galley.app.model import Edition, Element, Story
    odd = Edition(blocks=[], stories=[Story("x", [Element(Kind.HEADLINE, "青川港"), Element(Kind.BODY, "港口\U0001FAE8。")])])
    doc = layout_edition(odd, load_layout("a3"))
    assert doc.missing_glyphs.get("\U0001FAE8") == ""
    clean = layout_edition(sample_edition(), load_layout("a3"))
    assert "\U0001FAE8" not in clean.missing_glyphs


def test_configure_keeps_caches_when_nothing_changes_and_applies_a_new_font(tmp_path):
    fonts.configure(None)
    song = fonts.font_for("song")
    fonts.configure({})
    assert fonts.font_for("song") is song              # no re-parse before every relayout
    kai_path = fonts.resolve_font("kai")
    try:
        fonts.configure({"song": kai_path})
        assert fonts.resolve_font("song") == kai_path
        doc = layout_edition(sample_edition(), load_layout("a3"))
        assert doc.overset == {}
    finally:
        fonts.configure(None)
    assert fonts.resolve_font("song") != kai_path


def test_fact_box_items_have_bullets_space_between_and_the_box_is_not_split():
    from galley.app.layout.compose import BULLET, compose_flow, split_story, thread
    from tests.app.layout.sample import SIDEBAR, sample_edition
    g = load_layout("a3")
    story = next(s for s in sample_edition().stories if any(e.kind.value == "sidebar" for e in s.elements))
    parts = split_story(story)
    slots = compose_flow(parts.sidebar, g, g.column_width - g.body_size, boxed=True)
    firsts = [s for s in slots if s.kind == "text" and s.line == 0 and s.style.name == "sidebar"]
    assert len(firsts) == len(SIDEBAR) > 1 and all(s.mark == BULLET and s.dx > 0 for s in firsts)
    # a blank line inside the box between items, none before the first item's bullet
    boxed = [s for s in slots if s.boxed]
    blanks = [k for k, s in enumerate(boxed) if s.kind == "space"]
    assert len(blanks) == len(SIDEBAR) - 1 and boxed[0].kind == "text"
    # threaded after text that nearly fills a column, the box moves whole to the next column
    body = compose_flow(parts.flow, g, g.column_width)
    height = sum(s.h for s in boxed) + 4
    for lead_in in range(1, height):
        cols, _ = thread(body[:lead_in] + slots, 3, height)
        holding = [ci for ci, col in enumerate(cols) if any(s.boxed for s in col)]
        assert len(holding) == 1, (lead_in, holding)
    # and the page draws the bullets: squares, one before each item, no text added
    doc = layout_edition(sample_edition(), g)
    squares = [b for p in doc.pages for b in p.items if isinstance(b, Box) and b.role == "bullet"]
    assert len(squares) == len(SIDEBAR) and all(b.fill is not None and b.w == b.h for b in squares)
    side = [ln.text for p in doc.pages for ln in p.lines() if ln.style == "sidebar"]
    assert side and not any(BULLET in t for t in side)
