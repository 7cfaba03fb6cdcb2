"""Bulk review: accept every fix of a rule, of a story, every safe fix; several selected rows."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _rule_rows(win, rule):
    return [r for r in win.doc.visible_marks() if r[3].rule == rule]


def test_accept_all_of_a_rule_in_one_step_and_undo(qtbot, sample_window):
    win = sample_window
    counts = {}
    for *_, m in win.doc.visible_marks():
        if m.fix is not None:
            counts[m.rule] = counts.get(m.rule, 0) + 1
    rule = max(counts, key=counts.get)
    assert counts[rule] >= 2
    row = next(i for i, r in enumerate(win.findings.model.rows) if r[3].rule == rule)
    win.findings.select_row(row, quiet=True)
    text_before = win.doc.edition.text()
    depth = win.doc.undo_stack.count()
    QTest.keyClick(win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    win.doc.flush_rechecks()
    assert not any(r[3].fix is not None for r in _rule_rows(win, rule))
    assert win.doc.undo_stack.count() == depth + 1          # one step
    QTest.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.doc.edition.text() == text_before


def test_accept_every_safe_fix(qtbot, sample_window):
    win = sample_window
    safe = [r for r in win.doc.visible_marks() if getattr(r[3].finding, "safe", False) and r[3].fix is not None]
    unsafe = [r for r in win.doc.visible_marks() if not getattr(r[3].finding, "safe", False)]
    assert safe
    QTest.keyClick(win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    left = win.doc.visible_marks()
    assert not any(getattr(r[3].finding, "safe", False) and r[3].fix is not None for r in left)
    assert len(left) >= len(unsafe) - len(safe)   # findings without a safe fix stay for the editor


def test_accept_all_in_a_story(qtbot, sample_window):
    win = sample_window
    si = next(r[0] for r in win.doc.visible_marks() if r[3].fix is not None)
    others = [r for r in win.doc.visible_marks() if r[0] != si]
    win.findings.select_like(si, 0, 0, quiet=True)
    QTest.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert not any(r[3].fix is not None for r in win.doc.visible_marks() if r[0] == si)
    assert len([r for r in win.doc.visible_marks() if r[0] != si]) == len(others)


def test_several_selected_rows_are_accepted_together(qtbot, sample_window):
    win = sample_window
    rows = [0, 1, 2]
    assert all(win.findings.model.rows[i][3].fix is not None for i in rows)
    table = win.findings.table
    chosen = [win.findings.model.rows[i] for i in rows]
    def click(i, mods=Qt.KeyboardModifier.NoModifier):
        rect = table.visualRect(win.findings.model.index(i, 0))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, mods, rect.center())
    click(rows[0])
    click(rows[2], Qt.KeyboardModifier.ShiftModifier)        # a range with Shift
    assert len(win.findings.selected()) == 3
    click(rows[1], Qt.KeyboardModifier.ControlModifier)      # Ctrl toggles one out and back in
    assert len(win.findings.selected()) == 2
    click(rows[1], Qt.KeyboardModifier.ControlModifier)
    assert len(win.findings.selected()) == 3
    texts = [r[2].text for r in chosen]
    win.accept_finding()
    changed = sum(r[2].text != t for r, t in zip(chosen, texts, strict=True))
    assert changed >= 1 and all(m not in [x[3] for x in win.doc.visible_marks()] for *_, m in chosen)
