"""Find and replace across stories (regular expressions too), F7 to the next spelling finding."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _open_find(win):
    QTest.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win._find.isVisible()
    return win._find


def test_find_next_walks_across_stories_and_wraps(qtbot, sample_window):
    win = sample_window
    word = "临川"
    hits = [(si, ei, el.text.index(word)) for si, ei, el in win.doc.edition.elements() if word in el.text]
    stories = {h[0] for h in hits}
    assert len(stories) >= 2
    win.show_story(0, 0, 0, 0)
    dlg = _open_find(win)
    QTest.keyClicks(dlg.find_edit, "")
    dlg.find_edit.setText(word)
    seen = set()
    for _ in range(len(hits) + 1):
        QTest.keyClick(dlg.find_edit, Qt.Key.Key_Return)
        assert win.editor.textCursor().selectedText() == word
        seen.add(win.doc.story_index(win.editor.story))
    assert seen == stories
    assert "Wrapped" in dlg.message.text() or len(seen) == len(stories)


def test_replace_all_with_a_regex_is_one_undo_step(qtbot, sample_window):
    win = sample_window
    import re
    text = win.doc.edition.text()
    pat = r"(\d+)个"
    n = len(re.findall(pat, text))
    assert n >= 2
    dlg = _open_find(win)
    dlg.find_edit.setText(pat)
    dlg.replace_edit.setText(r"\1 个")
    dlg.regex.setChecked(True)
    QTest.mouseClick(dlg.replace_all_button, Qt.MouseButton.LeftButton)
    assert win.doc.edition.text() == re.sub(pat, r"\1 个", text)
    assert str(n) in dlg.message.text()
    win.editor.setFocus()
    QTest.keyClick(win.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.doc.edition.text() == text
    dlg.find_edit.setText("([")
    QTest.mouseClick(dlg.replace_all_button, Qt.MouseButton.LeftButton)
    assert "regular expression" in dlg.message.text()
    assert win.doc.edition.text() == text


def test_replace_one_then_the_next(qtbot, sample_window):
    win = sample_window
    dlg = _open_find(win)
    dlg.find_edit.setText("临川")
    dlg.replace_edit.setText("临州")
    before = win.doc.edition.text().count("临川")
    QTest.mouseClick(dlg.replace_button, Qt.MouseButton.LeftButton)    # finds the first
    QTest.mouseClick(dlg.replace_button, Qt.MouseButton.LeftButton)    # replaces it, finds the next
    assert win.doc.edition.text().count("临川") == before - 1
    assert win.editor.textCursor().selectedText() == "临川"


def test_f7_goes_to_the_next_spelling_finding(qtbot, sample_window):
    from PySide6.QtGui import QTextCursor

    from tests.ui.test_window import type_text
    win = sample_window
    win.show_story(0, 0, 0, 0)
    ed = win.editor
    ed.setFocus()
    ed.moveCursor(QTextCursor.MoveOperation.End)
    type_text(ed, "大家按步就班。")          # a misused idiom typed into the first story
    win.doc.flush_rechecks()
    rows = [r for r in win.doc.visible_marks() if r[3].rule.startswith(("spell.", "words."))]
    assert len(rows) >= 2 and rows[0][0] == 0
    win.show_story(0, 0, 0, 0)
    QTest.keyClick(ed, Qt.Key.Key_F7)
    si, ei, el, m = rows[0]
    assert win.doc.story_index(ed.story) == si
    assert ed.textCursor().selectedText() == el.text[m.start:m.end] == "按步就班"
    QTest.keyClick(ed, Qt.Key.Key_F7)
    si, ei, el, m = rows[1]
    assert (win.doc.story_index(ed.story), ed.textCursor().blockNumber()) == (si, ei)
    assert ed.textCursor().selectedText() == el.text[m.start:m.end]
    assert win.findings.current()[3].rule.startswith(("spell.", "words."))
