"""Structure editing: repairs rejected in place, split / join / move out / change kind, undoable and saved."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from galley.app.model import Kind
from galley.app.project import load_project
from tests.ui.test_window import type_text


def _cursor_to(editor, block: int, offset: int) -> None:
    b = editor.document().findBlockByNumber(block)
    c = QTextCursor(b)
    c.setPosition(b.position() + offset)
    editor.setTextCursor(c)


def _story_of_fix(win, fix):
    for si, st in enumerate(win.doc.edition.stories):
        for ei, el in enumerate(st.elements):
            if set(fix.blocks) <= set(el.parts):
                return si, ei
    raise AssertionError(fix)


def test_rejecting_a_repair_keeps_a_pasted_paragraph_and_the_other_stories(qtbot, tmp_path, sample_window,
                                                                            monkeypatch):
    win = sample_window
    ed = win.doc.edition
    fix = next(f for f in ed.fixes if f.kind == "join" and not f.moved)
    si, ei = _story_of_fix(win, fix)
    win.show_story(si)
    story = ed.stories[si]
    # the editor pastes a paragraph after the joined one
    _cursor_to(win.editor, ei, len(story.elements[ei].text))
    win.editor.setFocus()
    QTest.keyClick(win.editor, Qt.Key.Key_Return)
    type_text(win.editor, "编辑补充的一段。")
    assert any(el.text == "编辑补充的一段。" for el in story.elements)
    ids = [s.id for s in ed.stories]
    others = {s.id: [e.text for e in s.elements] for s in ed.stories if s is not story}
    n_before = len(story.elements)
    win.repairs.select_index(ed.fixes.index(fix))
    QTest.keyClick(win, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not fix.accepted
    assert [s.id for s in ed.stories] == ids                       # no story split off
    assert {s.id: [e.text for e in s.elements] for s in ed.stories if s is not story} == others
    assert len(story.elements) == n_before + 1
    second = story.elements[ei + 1]
    assert second.kind == story.elements[ei].kind and not second.kind.is_heading   # never a headline
    assert any(el.text == "编辑补充的一段。" for el in story.elements)
    # kept through a save
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "p.galley"), ""))
    assert win.save()
    again = load_project(tmp_path / "p.galley")
    assert "编辑补充的一段。" in again.edition.text()
    assert not next(f for f in again.edition.fixes if f.id == fix.id).accepted
    # accept it again, then undo both from the keyboard
    QTest.keyClick(win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert fix.accepted and len(story.elements) == n_before


def test_split_join_move_out_and_kind_from_the_keyboard(qtbot, tmp_path, sample_window, monkeypatch):
    win = sample_window
    ed = win.doc.edition
    si, st = next((i, s) for i, s in enumerate(ed.stories)
                  if sum(e.kind == Kind.BODY and len(e.text) > 40 for e in s.elements) >= 2)
    win.show_story(si)
    ei = next(i for i, e in enumerate(st.elements) if e.kind == Kind.BODY and len(e.text) > 40)
    el = st.elements[ei]
    whole = el.text
    n = len(st.elements)
    _cursor_to(win.editor, ei, 20)
    win.editor.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(win.editor, Qt.Key.Key_J, ctrl_shift)             # split here
    assert len(st.elements) == n + 1
    assert st.elements[ei].text + st.elements[ei + 1].text == whole.replace(" ", "") or \
        st.elements[ei].text == whole[:20].rstrip()
    assert win.editor.document().blockCount() == n + 1
    _cursor_to(win.editor, ei, 0)
    QTest.keyClick(win.editor, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)   # join with next
    assert len(st.elements) == n and st.elements[ei].text == whole
    # move it out as a sidebar: it goes after the running text
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    _cursor_to(win.editor, ei, 0)
    QTest.keyClick(win.editor, Qt.Key.Key_1, ctrl_alt)
    moved = next(e for e in st.elements if e.text == whole)
    assert moved.kind == Kind.SIDEBAR and st.elements.index(moved) > ei
    assert all(e.kind.is_insert for e in st.elements[st.elements.index(moved):])
    # change a kind from the menu
    _cursor_to(win.editor, 0, 0)
    first = st.elements[0]
    act = next(a for a in win.kind_menu.actions() if a.text() == "Deck")
    act.trigger()
    assert first.kind == Kind.DECK
    # everything is one undo step each, from the editor
    for _ in range(4):
        QTest.keyClick(win.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert st.elements[ei] is el and el.text == whole and el.kind == Kind.BODY and len(st.elements) == n
    assert first.kind != Kind.DECK
    QTest.keyClick(win.editor, Qt.Key.Key_Z, ctrl_shift)
    QTest.keyClick(win.editor, Qt.Key.Key_Z, ctrl_shift)
    QTest.keyClick(win.editor, Qt.Key.Key_Z, ctrl_shift)
    assert next(e for e in st.elements if e.text == whole).kind == Kind.SIDEBAR
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "s.galley"), ""))
    assert win.save()
    again = load_project(tmp_path / "s.galley").edition.stories[si]
    assert [(e.kind, e.text) for e in again.elements] == [(e.kind, e.text) for e in st.elements]


def test_a_rebuild_from_the_blocks_keeps_pasted_paragraphs_in_place(sample_window):
    """The fallback when a repair's elements were restructured by hand: rebuild, pasted text kept."""
    from galley.app.model import Element
    from galley.ui.undo import RebuildCommand
    win = sample_window
    ed = win.doc.edition
    st = ed.stories[2]
    anchor = next(e for e in st.elements if e.parts and e.kind == Kind.BODY)
    at = st.elements.index(anchor) + 1
    st.elements[at:at] = [Element(Kind.BODY, "粘贴的第一段。"), Element(Kind.BODY, "粘贴的第二段。")]
    fix = ed.fixes[0]
    win.doc.undo_stack.push(RebuildCommand(win.doc, {fix.id}, "reject"))
    ed = win.doc.edition
    new_st = next(s for s in ed.stories if any(e.text == "粘贴的第一段。" for e in s.elements))
    texts = [e.text for e in new_st.elements]
    i = texts.index("粘贴的第一段。")
    assert texts[i + 1] == "粘贴的第二段。"
    assert set(new_st.elements[i - 1].parts) & set(anchor.parts)
    win.doc.undo_stack.undo()
    assert "粘贴的第一段。" in win.doc.edition.text()


def test_a_possible_cut_is_joined_in_place_when_accepted_and_parted_again_on_undo(qtbot, tmp_path, window,
                                                                                    monkeypatch):
    from galley.app.repair import join
    from galley.app.repair.model import SeamModel, seam_model
    m = seam_model()     # the fitted trees, sure of nothing: every seam found is a possible cut
    monkeypatch.setattr(join, "seam_model", lambda: SeamModel(m.cut, m.pick, join=1.01, doubt=0.0))
    path = tmp_path / "cut.txt"
    path.write_text("港口部门推出便利化措施后,企业通关时间平均缩短\n\n全市建成社区健身中心 86 个\n\n"
                    "三成以上,进出口企业的物流成本随之下降。\n", encoding="utf-8")
    assert window.open_path(path)
    ed = window.doc.edition
    cut = next(f for f in ed.fixes if f.doubtful and f.blocks == (0, 2))
    assert not cut.accepted and "港口部门推出便利化措施后,企业通关时间平均缩短" in ed.text().split("\n\n")
    window.repairs.select_index(ed.fixes.index(cut))
    QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert cut.accepted
    paras = ed.text().strip().split("\n\n")
    # joined where it stands; the sidebar item that stood between moves out after it, whole
    assert paras == ["港口部门推出便利化措施后,企业通关时间平均缩短三成以上,进出口企业的物流成本随之下降。",
                     "全市建成社区健身中心 86 个"]
    window.doc.undo_stack.undo()
    assert not cut.accepted and "港口部门推出便利化措施后,企业通关时间平均缩短" in ed.text().split("\n\n")
