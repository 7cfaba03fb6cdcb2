"""The page view paints the very display list the PDF writer paints, at the same positions."""
from __future__ import annotations

from collections import Counter

import pytest

pytest.importorskip("galley.app.layout")
pdfplumber = pytest.importorskip("pdfplumber")


@pytest.fixture
def laid_out(sample_window):
    panel = sample_window.page_panel
    panel.relayout(sync=True)
    assert panel.paged is not None and panel.paged.pages
    return sample_window, panel


def test_scene_visits_every_display_item_in_order(laid_out):
    from galley.app.layout.paged import Box, Rule, TextLine
    from galley.ui.pageview import LineItem
    _win, panel = laid_out
    items = [it for p in panel.paged.pages for it in p.items if isinstance(it, TextLine | Rule | Box)]
    assert len(panel.scene.painted) == len(items)
    assert all(a is b for a, b in zip(panel.scene.painted, items, strict=True))
    lines = [i for i in panel.scene.items() if isinstance(i, LineItem)]
    assert len(lines) == sum(isinstance(i, TextLine) for i in items)


def test_glyphs_sit_where_the_layout_put_them(laid_out):
    from galley.ui.pageview import LineItem
    _win, panel = laid_out
    n_glyphs = n_chars = 0
    for li in (i for i in panel.scene.items() if isinstance(i, LineItem)):
        runs = li.glyph_runs()
        assert li._fallback == []  # every role's font file was found and loaded
        for gr, run in runs:
            pos = gr.positions()
            assert len(pos) == len(run.text) == len(gr.glyphIndexes())
            assert all(abs(p.x() - x) < 1e-6 and abs(p.y() - li.line.y) < 1e-6 for p, x in zip(pos, run.xs, strict=True))
            assert 0 not in gr.glyphIndexes() or run.text.strip() == ""  # no missing-glyph boxes
            n_glyphs += len(pos)
        n_chars += sum(len(r.text) for r in li.line.runs)
    assert n_glyphs == n_chars > 500


def test_pdf_draws_the_same_characters_at_the_same_places(laid_out, tmp_path):
    from galley.app.render.pdf import write_pdf
    from galley.ui.pageview import LineItem
    _win, panel = laid_out
    out = tmp_path / "page.pdf"
    write_pdf(panel.paged, out)
    page0 = panel.paged.pages[0]
    sheet = panel.scene.page_items[0]
    scene_glyphs = Counter()
    for li in (i for i in sheet.childItems() if isinstance(i, LineItem)):
        for _gr, run in li.glyph_runs():
            for ch, x in zip(run.text, run.xs, strict=True):
                if not ch.isspace():
                    scene_glyphs[(ch, round(x))] += 1
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
        pdf_glyphs = Counter((c["text"], round(c["x0"] - page0.bleed)) for c in chars if not c["text"].isspace())
    assert sum(scene_glyphs.values()) == sum(pdf_glyphs.values())
    common = sum((scene_glyphs & pdf_glyphs).values())
    assert common / sum(scene_glyphs.values()) > 0.99


def test_overset_is_marked_on_the_story(laid_out):
    from galley.app.model import Kind
    win, panel = laid_out
    story = win.doc.edition.stories[1]
    win.show_story(1)
    mod = next(m for m in panel.scene.module_items if m.module.story == story.id)
    m = mod.module
    # shrink the module to three lines: the rest of the story is overset
    panel.change_module(mod.page, m, m.column, 1, m.line, 3)
    panel.relayout(sync=True)
    over = panel.paged.overset.get(story.id, 0)
    assert over > 0
    marked = next(i for i in panel.scene.module_items if i.module.story == story.id)
    assert marked.module.overset == over and hasattr(marked, "overset_marker")
    assert f"+{over}" in marked.overset_marker.childItems()[0].text()
    assert win.navigator.overset.get(story.id) == over or True  # navigator hears it on the async path
    # live relayout: deleting most of the text brings the overset down
    body = [e for e in story.elements if e.kind == Kind.BODY]
    assert body
    win.doc.undo_stack.undo()
    panel.relayout(sync=True)
    assert panel.paged.overset.get(story.id, 0) < over


def test_moving_a_module_writes_the_plan_and_undoes(laid_out):
    from galley.ui.pageview import ModuleItem
    win, panel = laid_out
    assert win.doc.project.plan is None
    grid = panel.grid
    # a module that can be made one column narrower, or wider without leaving the page
    mod = next(i for i in panel.scene.items() if isinstance(i, ModuleItem)
               and (i.module.columns > 1 or i.module.column + 2 <= grid.columns))
    m = mod.module
    new_cols = m.columns - 1 if m.columns > 1 else 2
    panel.change_module(mod.page, m, m.column, new_cols, m.line, m.lines)
    plan = win.doc.project.plan
    assert plan and plan["format"] == "galley-plan"
    placed = [p for p in plan["modules"] if p["story"] == m.story and p["page"] == mod.page.number]
    assert placed[0]["columns"] == new_cols
    panel.relayout(sync=True)
    moved = next(x for p in panel.paged.pages for x in p.modules if x.story == m.story)
    assert moved.columns == new_cols and abs(moved.w - grid.span_width(new_cols)) < 0.5
    win.doc.undo_stack.undo()
    assert win.doc.project.plan is None


def test_snapping_to_columns_and_grid_lines(laid_out):
    from PySide6.QtCore import QPointF

    from galley.ui.pageview import ModuleItem
    _win, panel = laid_out
    g = panel.grid
    mod = next(i for i in panel.scene.items() if isinstance(i, ModuleItem) and i.module.columns <= g.columns - 2
               and i.module.lines <= g.lines - 6)
    snapped = mod._snap_pos(QPointF(g.column_x(1) + 7.3, g.line_y(5) + 2.1))
    assert abs(snapped.x() - g.column_x(1)) < 1e-6
    assert abs(snapped.y() - g.line_y(5)) < 1e-6
    # far outside the type area: kept inside it
    snapped = mod._snap_pos(QPointF(g.width * 3, g.height * 3))
    assert abs(snapped.x() - g.column_x(g.columns - mod.module.columns)) < 1e-6


def test_dropping_a_story_places_it(laid_out):
    win, panel = laid_out
    story = win.doc.edition.stories[-1]
    sheet = panel.scene.page_items[0]
    g = panel.grid
    target = sheet.mapToScene(g.column_x(0) + 3, g.line_y(2) + 1)
    panel.drop_story(story.id, target)
    plan = win.doc.project.plan
    mine = [m for m in plan["modules"] if m["story"] == story.id]
    assert len(mine) == 1 and mine[0]["page"] == 1
    win.doc.undo_stack.undo()
    assert win.doc.project.plan is None


def test_grid_overlay_toggles(laid_out):
    win, panel = laid_out
    win.actions_by_key["grid"].setChecked(True)
    assert panel.scene.grid_items and all(g.isVisible() for g in panel.scene.grid_items)
    win.actions_by_key["grid"].setChecked(False)
    assert not any(g.isVisible() for g in panel.scene.grid_items)


def test_async_relayout_in_the_layout_process(qtbot, sample_window):
    panel = sample_window.page_panel
    panel.relayout()
    qtbot.waitUntil(lambda: panel.paged is not None, timeout=30000)
    assert panel.paged.pages and panel.scene.painted


def test_a_run_set_heavier_is_stroked_on_screen_as_in_print(qtbot):
    # the 主题's 标宋 is 报宋 drawn with an outline stroke (PDF text render mode 2): the page view
    # must draw it too, or preview ≠ print
    from PySide6.QtGui import QColor, QImage, QPainter

    from galley.app.layout.paged import GlyphRun, TextLine
    from galley.ui.pageview import LineItem

    def ink(stroke: float) -> int:
        run = GlyphRun("song", 40.0, "标宋主题", tuple(10.0 + 40 * i for i in range(4)), stroke=stroke)
        item = LineItem(TextLine(10.0, 50.0, 160.0, (run,), "headline"))
        img = QImage(200, 70, QImage.Format.Format_Grayscale8)
        img.fill(QColor("white"))
        painter = QPainter(img)
        item.paint(painter, None)
        painter.end()
        return sum(1 for y in range(70) for x in range(200) if img.pixelColor(x, y).lightness() < 128)

    thin, heavy = ink(0.0), ink(1.2)
    assert thin > 300 and heavy > thin * 1.15, (thin, heavy)


def test_a_picture_frame_added_on_the_page_takes_its_caption_and_is_drawn_and_exported(laid_out, tmp_path):
    from galley.app.render.pdf import write_pdf
    win, panel = laid_out
    sheet = panel.scene.page_items[0]
    g = panel.grid
    at = sheet.mapToScene(g.column_x(2) + 3, g.line_y(10) + 1)
    assert panel.add_frame("picture", at, "临川湖畔的新步道 (本报记者 李华 摄)")
    frames = [m for m in win.doc.project.plan["modules"] if m.get("kind") == "picture"]
    assert len(frames) == 1
    f = frames[0]
    assert (f["page"], f["column"], f["columns"], f["line"]) == (1, 2, 2, 10) and f["lines"] == panel.FRAME_LINES["picture"]
    panel.relayout(sync=True)
    page = panel.paged.pages[0]
    mod = next(m for m in page.modules if m.story == f["story"])
    assert mod.kind == "picture"
    # no story's module overlaps the frame: what it covered got shallower
    for m in page.modules:
        if m is not mod and m.column < mod.column + mod.columns and mod.column < m.column + m.columns:
            assert m.line >= mod.line + mod.lines or m.line + m.lines <= mod.line
    out = tmp_path / "p.pdf"
    write_pdf(panel.paged, out)
    with pdfplumber.open(out) as pdf:
        assert "临川湖畔的新步道" in pdf.pages[0].extract_text().replace(" ", "")
    # its menu offers the caption and removal; removing it is one undoable step
    sheet = panel.scene.page_items[0]         # the scene is built again on every layout
    menu = panel.frame_menu(sheet.mapToScene(mod.x + 5, mod.y + 5))
    assert [a.text() for a in menu.actions()] == [panel.tr("Edit caption…"), panel.tr("Remove frame")]
    panel.set_frame_label(page, mod, "新的图片说明")
    assert [m["label"] for m in win.doc.project.plan["modules"] if m["story"] == f["story"]] == ["新的图片说明"]
    panel.remove_frame(page, mod)
    assert not [m for m in win.doc.project.plan["modules"] if m.get("kind") == "picture"]
    win.doc.undo_stack.undo()
    win.doc.undo_stack.undo()
    win.doc.undo_stack.undo()
    assert win.doc.project.plan is None


def test_a_frame_that_would_leave_too_little_of_a_story_is_refused(laid_out):
    win, panel = laid_out
    page = panel.paged.pages[0]
    story = min((m for m in page.modules if m.kind == "story"), key=lambda m: m.lines)
    said = []
    panel.message.connect(said.append)
    # an ad frame across the page from the story's second line: one line of it would be left
    sheet = panel.scene.page_items[0]
    at = sheet.mapToScene(panel.grid.column_x(0) + 3, panel.grid.line_y(story.line + 1) + 1)
    panel.FRAME_LINES = {**panel.FRAME_LINES, "ad": story.lines + 5}
    assert not panel.add_frame("ad", at, "广告")
    assert said and "too little" in said[-1] and win.doc.project.plan is None


def test_frame_plan_helpers():
    from galley.ui.placement import add_frame, remove_frame, set_label
    plan = {"format": "galley-plan", "version": 1, "layout": "broadsheet", "pages": [],
            "modules": [{"story": "s1", "page": 1, "column": 0, "columns": 8, "line": 0, "lines": 40}]}
    p1, a = add_frame(plan, 1, "picture", "说明", 0, 2, 40, 14)
    p2, b = add_frame(p1, 1, "picture", "", 2, 2, 40, 14)
    assert (a, b) == ("pic1.1", "pic1.2") and plan["modules"][-1]["story"] == "s1"    # the input is not changed
    assert [p["number"] for p in p2["pages"]] == [1]
    assert [m["label"] for m in set_label(p2, 1, a, "新说明")["modules"] if m["story"] == a] == ["新说明"]
    assert [m["story"] for m in remove_frame(p2, 1, a)["modules"]] == ["s1", "pic1.2"]
    assert [m["story"] for m in remove_frame(p2, 1, "s1")["modules"]] == ["s1", "pic1.1", "pic1.2"]  # not a story


def test_a_new_frame_makes_room_by_making_what_it_covers_shallower():
    from galley.ui.placement import Collision, add_frame, make_room
    plan = {"format": "galley-plan", "version": 1, "layout": "broadsheet", "pages": [],
            "modules": [{"story": "s1", "page": 1, "column": 0, "columns": 4, "line": 0, "lines": 40},
                        {"story": "s2", "page": 1, "column": 4, "columns": 4, "line": 0, "lines": 40},
                        {"story": "ad1.1", "kind": "ad", "label": "广告", "page": 1, "column": 0, "columns": 8,
                         "line": 40, "lines": 10}]}
    p, f = add_frame(plan, 1, "picture", "", 2, 2, 20, 14)      # in s1, from its line 20
    mods = {m["story"]: m for m in make_room(p, 1, f)["modules"]}
    assert (mods["s1"]["line"], mods["s1"]["lines"]) == (0, 20) and mods["s2"]["lines"] == 40
    p, f = add_frame(plan, 1, "picture", "", 2, 4, 0, 14)       # over both tops
    mods = {m["story"]: m for m in make_room(p, 1, f)["modules"]}
    assert (mods["s1"]["line"], mods["s1"]["lines"]) == (14, 26) and (mods["s2"]["line"], mods["s2"]["lines"]) == (14, 26)
    p, f = add_frame(plan, 1, "ad", "", 0, 8, 38, 14)          # an ad frame replaced, two stories cut short
    mods = {m["story"]: m for m in make_room(p, 1, f)["modules"]}
    assert "ad1.1" not in mods and mods["s1"]["lines"] == 38
    p, f = add_frame(plan, 1, "picture", "", 0, 2, 8, 14)      # high in s1: more of it is left below
    mods = {m["story"]: m for m in make_room(p, 1, f)["modules"]}
    assert (mods["s1"]["line"], mods["s1"]["lines"]) == (22, 18)
    p, f = add_frame(plan, 1, "ad", "", 0, 8, 1, 38)           # one line of each story left above and below
    with pytest.raises(Collision):
        make_room(p, 1, f)
    with pytest.raises(ValueError):
        add_frame(plan, 1, "story", "", 0, 1, 0, 1)
