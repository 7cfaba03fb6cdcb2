"""Page editing without collisions: drags, resizes, drops and arrow-key nudges."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

pytest.importorskip("galley.app.layout")


@pytest.fixture
def page(sample_window):
    win = sample_window
    panel = win.page_panel
    panel.hub = None          # lay out here, synchronously: the scene is rebuilt before the next step
    win.resize(1600, 1000)
    panel.relayout(sync=True)
    panel.fit()
    assert panel.paged is not None
    return win, panel


def _modules(panel, page_no=1):
    from galley.ui.pageview import ModuleItem
    return [i for i in panel.scene.items() if isinstance(i, ModuleItem) and i.page.number == page_no]


def _plan_overlaps(win):
    from galley.ui.placement import overlapping
    return overlapping(win.doc.project.plan or {"modules": []})


def _view_point(panel, item, local: QPointF) -> QPoint:
    return panel.view.mapFromScene(item.mapToScene(local))


def _drag(panel, start: QPoint, end: QPoint) -> None:
    vp = panel.view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 8
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_a_module_onto_another_pushes_it_aside(qtbot, page):
    win, panel = page
    g = panel.grid
    mods = sorted(_modules(panel), key=lambda m: (m.module.line, m.module.column))
    # two modules side by side or one above another: drag the second onto the first's top-left
    a, b = mods[0], mods[1]
    start = _view_point(panel, b, QPointF(b.rect().width() / 2, 20))
    target = a.mapToScene(QPointF(4, 20))
    end = panel.view.mapFromScene(target) + QPoint(int(b.rect().width() / 2 * panel.view.transform().m11()), 0)
    _drag(panel, start, end)
    plan = win.doc.project.plan
    assert plan is not None, panel.info.text()
    assert _plan_overlaps(win) == []
    panel.relayout(sync=True)
    placed = [m for p in panel.paged.pages for m in p.modules]
    for i, x in enumerate(placed):
        for y in placed[i + 1:]:
            if x.story == y.story:
                continue
            assert not (x.column < y.column + y.columns and y.column < x.column + x.columns and
                        x.line < y.line + y.lines and y.line < x.line + x.lines and
                        any(p for p in panel.paged.pages if x in p.modules and y in p.modules)), (x, y)
    assert all(m.line + m.lines <= g.lines for m in placed)


def test_a_move_that_would_push_a_module_off_the_page_is_refused(qtbot, page):
    win, panel = page
    g = panel.grid
    mods = _modules(panel)
    deep = max(mods, key=lambda m: m.module.lines)
    other = next(m for m in mods if m is not deep)
    # put `other` at the top of `deep`'s columns, as deep as the whole page: everything below must go
    assert not panel.change_module(other.page, other.module, deep.module.column, other.module.columns, 0, g.lines)
    assert win.doc.project.plan is None
    assert "pushed off the page" in panel.info.text()


def test_resize_handle_is_visible_and_resizes_by_drag(qtbot, page):
    win, panel = page
    g = panel.grid
    mod = max(_modules(panel), key=lambda m: m.module.lines)
    assert mod.handle_size() * panel.view.transform().m11() == pytest.approx(mod.HANDLE_PX)
    from PySide6.QtGui import QImage, QPainter
    img = QImage(40, 40, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    painter = QPainter(img)
    panel.scene.render(painter, img.rect(), mod.mapRectToScene(mod.handle_rect()))
    painter.end()
    c = img.pixelColor(28, 28)
    assert c.blue() > c.red() + 40 or c.red() > c.blue() + 40, c.name()   # the handle is painted, not white paper
    m = mod.module
    start = _view_point(panel, mod, mod.rect().bottomRight() - QPointF(mod.handle_size() / 2, mod.handle_size() / 2))
    up = int(10 * g.leading * panel.view.transform().m11())
    _drag(panel, start, start - QPoint(0, up))
    plan = win.doc.project.plan
    assert plan is not None
    new = next(x for x in plan["modules"] if x["story"] == m.story and x["page"] == 1)
    assert new["columns"] == m.columns and m.lines - 12 <= new["lines"] <= m.lines - 8
    assert _plan_overlaps(win) == []


def test_drop_honours_the_drop_point_and_never_overlaps(qtbot, page):
    win, panel = page
    g = panel.grid
    story = win.doc.edition.stories[-1]
    # make free room at the foot of the page: shrink the deepest module, then drop there
    mod = max(_modules(panel), key=lambda m: m.module.line + m.module.lines)
    m = mod.module
    assert panel.change_module(mod.page, m, m.column, m.columns, m.line, max(8, (g.lines - m.line) // 2))
    panel.relayout(sync=True)
    bottom = m.line + max(8, (g.lines - m.line) // 2)
    sheet = panel.scene.page_items[0]
    drop_line = bottom + 2
    panel.drop_story(story.id, sheet.mapToScene(g.column_x(m.column) + 3, g.line_y(drop_line) + 1))
    placed = next(x for x in win.doc.project.plan["modules"] if x["story"] == story.id)
    assert placed["line"] == drop_line and placed["column"] == m.column
    assert placed["line"] + placed["lines"] <= g.lines
    assert _plan_overlaps(win) == []


def test_arrow_keys_nudge_the_selected_module(qtbot, page):
    win, panel = page
    mod = max(_modules(panel), key=lambda m: m.module.lines)
    m = mod.module
    # make room below it first (the automatic placement fills the page to the foot)
    assert panel.change_module(mod.page, m, m.column, m.columns, m.line, m.lines - 10)
    panel.relayout(sync=True)
    mod = next(x for x in _modules(panel) if x.module.story == m.story)
    panel.view.setFocus()
    _drag(panel, _view_point(panel, mod, QPointF(30, 30)), _view_point(panel, mod, QPointF(30, 30)))  # a click
    QTest.keyClick(panel.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    plan = win.doc.project.plan
    new = next(x for x in plan["modules"] if x["story"] == m.story and x["page"] == 1)
    assert new["line"] == m.line + 5 and new["lines"] == m.lines - 10, panel.info.text()
    assert _plan_overlaps(win) == []
    win.doc.undo_stack.undo()
    new = next(x for x in win.doc.project.plan["modules"] if x["story"] == m.story and x["page"] == 1)
    assert new["line"] == m.line


def test_numeric_fields_show_and_set_the_module(qtbot, page):
    win, panel = page
    mod = max(_modules(panel), key=lambda m: m.module.lines)
    m = mod.module
    si = next(i for i, s in enumerate(win.doc.edition.stories) if s.id == m.story)
    win.show_story(si)
    f = panel.fields
    assert f["lines"].isEnabled() and f["lines"].value() == m.lines and f["column"].value() == m.column + 1
    f["lines"].setFocus()
    f["lines"].selectAll()
    QTest.keyClicks(f["lines"], str(m.lines - 6))
    QTest.keyClick(f["lines"], Qt.Key.Key_Return)
    new = next(x for x in win.doc.project.plan["modules"] if x["story"] == m.story and x["page"] == 1)
    assert new["lines"] == m.lines - 6 and new["line"] == m.line
    assert _plan_overlaps(win) == []
