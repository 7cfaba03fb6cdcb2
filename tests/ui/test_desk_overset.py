"""Overset where the copy editor works: "cut N characters" and an overset line in the story editor,
the navigator's full count, and export asking before it writes."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

pytest.importorskip("galley.app.layout")


@pytest.fixture
def overset(sample_window):
    win = sample_window
    panel = win.page_panel
    panel.hub = None
    panel.relayout(sync=True)
    story = win.doc.edition.stories[1]
    win.show_story(1)
    mod = next(m for m in panel.scene.module_items if m.module.story == story.id)
    m = mod.module
    assert panel.change_module(mod.page, m, m.column, 1, m.line, 3)
    panel.relayout(sync=True)
    over = panel.paged.overset.get(story.id, 0)
    assert over > 0
    return win, story, over


def test_editor_says_how_much_to_cut_and_draws_the_overset_line(qtbot, overset):
    win, story, over = overset
    assert win.copyfit_label.isVisible()
    assert f"cut {over} characters" in win.copyfit_label.text()
    ei, off = win.editor.overset_position()
    running = "".join(e.text for e in story.elements if not e.kind.is_insert)
    kept = "".join(e.text for e in story.elements[:ei] if not e.kind.is_insert) + story.elements[ei].text[:off]
    assert len(running) - len(kept) == over
    # the line is painted: red pixels in the editor where the cut is
    win.show_story(1, ei, off, off)
    img = win.editor.viewport().grab().toImage()
    from PySide6.QtGui import QTextCursor
    block = win.editor.document().findBlockByNumber(ei)
    c = QTextCursor(block)
    c.setPosition(block.position() + off)
    r = win.editor.cursorRect(c)
    y = r.top()
    reds = [img.pixelColor(x, y) for x in range(r.left(), min(img.width(), r.left() + 40))]
    assert any(p.red() > 180 and p.green() < 90 for p in reds)
    # another story that fits: no banner
    win.show_story(0)
    if not win.page_panel.paged.overset.get(win.doc.edition.stories[0].id):
        assert not win.copyfit_label.isVisible()
    # navigator shows the whole count in its own column
    it = next(i for i in win.navigator._story_items() if i.data(0, 0x0100) == 1)
    assert it.text(3) == f"+{over}"


def test_export_asks_before_writing_overset(qtbot, tmp_path, overset, monkeypatch):
    win, story, over = overset
    from galley.ui.export import ExportDialog
    asked = []

    def answer(reply):
        def f(parent, title, text, *a, **k):
            asked.append(text)
            return reply
        return f
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    p = win.page_panel
    dlg = ExportDialog(win.doc, win, overset=dict(p.paged.overset), overset_grid=p.grid.name)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "out"))
    dlg.start()
    assert asked and story.headline[:6] in asked[0] and str(over) in asked[0]
    assert dlg.thread is None and not (tmp_path / "out.pdf").exists()      # nothing written
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dlg.start()
    qtbot.waitUntil(lambda: dlg.thread is None, timeout=60000)
    assert (tmp_path / "out.pdf").exists()
    # the folder is remembered for the next export
    again = ExportDialog(win.doc, win)
    qtbot.addWidget(again)
    assert again.path_edit.text().startswith(str(tmp_path))
