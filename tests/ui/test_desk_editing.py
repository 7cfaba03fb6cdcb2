"""The story editor on the desk: undo from the editor, the context menu's fixes and Undo/Redo."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.test_window import type_text


def _put_cursor(editor, block: int, offset: int) -> None:
    b = editor.document().findBlockByNumber(block)
    c = QTextCursor(b)
    c.setPosition(b.position() + offset)
    editor.setTextCursor(c)


def test_ctrl_z_in_the_editor_undoes_galleys_edits(qtbot, sample_window):
    win = sample_window
    win.show_story(0)
    ed = win.editor
    ed.setFocus()
    el = ed.story.elements[-1]
    before = el.text
    _put_cursor(ed, len(ed.story.elements) - 1, len(before))
    type_text(ed, "测试")
    assert el.text == before + "测试"
    qtbot.keyClick(ed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert el.text == before
    assert ed.document().findBlockByNumber(len(ed.story.elements) - 1).text() == before
    qtbot.keyClick(ed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert el.text == before + "测试"
    # a fix accepted from the review panel is undone from the editor too
    fixable = next(r for r in win.doc.visible_marks() if r[3].fix is not None)
    win.findings.select_row(win.findings.model.rows.index(fixable), quiet=True)
    fel = fixable[2]
    old = fel.text
    win.accept_finding()
    assert fel.text != old
    ed.setFocus()
    qtbot.keyClick(ed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fel.text == old


def test_context_menu_has_working_undo_and_the_fix(qtbot, sample_window):
    win = sample_window
    si, ei, el, m = next(r for r in win.doc.visible_marks() if r[3].fix is not None)
    win.show_story(si)
    ed = win.editor
    _put_cursor(ed, ei, m.start)
    menu = ed.build_context_menu(ed.textCursor())
    texts = [a.text() for a in menu.actions()]
    undo = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Undo"))
    assert undo.isEnabled() == win.doc.undo_stack.canUndo()
    fix = next(a for a in menu.actions() if a.text().startswith("Fix:"))
    before = el.text
    fix.trigger()
    assert el.text == before[:m.start] + m.fix + before[m.end:], texts
    menu = ed.build_context_menu(ed.textCursor())
    undo = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Undo"))
    assert undo.isEnabled()
    undo.trigger()
    assert el.text == before


def test_typing_in_a_paragraph_keeps_a_name_the_edition_writes_three_times_unflagged(qtbot, window, tmp_path):
    # 派列诺 read alone looks like 排列 misspelt (words.misused); written three times in the edition it is
    # the writer's, in the whole check and in the live re-check of the paragraph being typed in
    path = tmp_path / "name.txt"
    path.write_text("临川队夺冠\n\n临川队的派列诺在昨天的比赛中夺得冠军。\n\n赛后，派列诺说，这块金牌属于全队。\n\n"
                    "教练表示，派列诺明年将参加全国比赛。\n", encoding="utf-8")
    assert window.open_path(path)
    win = window

    def misused():
        return [r for r in win.doc.visible_marks() if r[3].rule == "words.misused"]
    assert misused() == []
    win.show_story(0)
    ed = win.editor
    ed.setFocus()
    k = next(i for i, el in enumerate(ed.story.elements) if "派列诺" in el.text)
    _put_cursor(ed, k, len(ed.story.elements[k].text))
    type_text(ed, "好")
    win.doc.flush_rechecks()
    assert misused() == []
