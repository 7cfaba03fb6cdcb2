"""What the window remembers between sessions; the page re-fits; toolbar buttons keep their place."""
from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from tests.conftest import SAMPLE
from tests.ui.test_window import type_text


def test_splitters_filters_zoom_and_grid_are_remembered(qtbot, sample_window):
    win = sample_window
    win.central_split.setSizes([400, 900])
    sizes = win.central_split.sizes()
    win.repairs.split.setSizes([200, 600])
    rsizes = win.repairs.split.sizes()
    box = win.findings.severity_box
    box.setCurrentIndex(box.findData("error"))
    win.actions_by_key["grid"].setChecked(True)
    win.page_panel.wait_idle()
    win.page_panel.zoom(1.25)
    zoom = win.page_panel.zoom_level()
    win.doc.undo_stack.setClean()
    win.save_settings()
    from galley.ui.window import MainWindow
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    qtbot.wait(50)
    assert other.open_path(SAMPLE)
    qtbot.wait(50)
    def share(v):
        return v[0] / sum(v)
    # the same division (the offscreen window may come back a little narrower)
    assert abs(share(other.central_split.sizes()) - share(sizes)) < 0.02
    assert abs(share(other.repairs.split.sizes()) - share(rsizes)) < 0.02
    assert other.findings.severity_box.currentData() == "error"
    assert all(r[3].severity == "error" for r in other.findings.model.rows)
    assert other.page_panel.grid_visible()
    other.page_panel.wait_idle()
    qtbot.waitUntil(lambda: other.page_panel.paged is not None, timeout=20000)
    qtbot.wait(50)
    assert abs(other.page_panel.zoom_level() - zoom) < 1e-3
    other.page_panel.shutdown()


def test_page_refits_when_its_panel_is_resized(qtbot, sample_window):
    win = sample_window
    panel = win.page_panel
    panel.wait_idle()
    qtbot.waitUntil(lambda: panel.paged is not None, timeout=20000)
    panel.fit_width()
    before = panel.zoom_level()
    a, b = win.central_split.sizes()
    win.central_split.setSizes([a - 200, b + 200])
    qtbot.waitUntil(lambda: abs(panel.zoom_level() - before) > 1e-3, timeout=3000)
    assert panel.zoom_level() > before
    # a zoom the user chose is kept
    panel.zoom(1.25)
    chosen = panel.zoom_level()
    win.central_split.setSizes([a, b])
    qtbot.wait(200)
    assert panel.zoom_level() == chosen


def test_toolbar_buttons_do_not_move_as_the_undo_text_changes(qtbot, sample_window):
    win = sample_window
    tb = win.main_toolbar
    buttons = [b for b in tb.findChildren(QToolButton) if b.defaultAction() is not None]
    qtbot.wait(20)
    where = {b.defaultAction().text(): b.geometry() for b in buttons}
    win.editor.setFocus()
    type_text(win.editor, "很长的一段文字")
    win.accept_many("safe")
    qtbot.wait(20)
    assert win.actions_by_key["undo_tb"].isEnabled()
    assert "Accept" in win.actions_by_key["undo_tb"].toolTip()
    after = {b.defaultAction().text(): b.geometry() for b in buttons}
    assert after == where
