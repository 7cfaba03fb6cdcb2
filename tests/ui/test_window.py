"""The main window: opening editions, findings by keyboard, repairs, undo, projects, errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from galley.app.model import Kind
from galley.app.project import load_project
from tests.conftest import SAMPLE


def type_text(widget, text: str) -> None:
    """Key presses carrying CJK text (QTest.keyClicks only knows Latin-1 keys)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_open_sample_fills_navigator_editor_and_findings(sample_window):
    win = sample_window
    ed = win.doc.edition
    assert len(ed.stories) >= 3
    n_items = sum(win.navigator.topLevelItem(i).childCount() for i in range(win.navigator.topLevelItemCount()))
    assert n_items == len(ed.stories)
    story = win.editor.story
    assert story is ed.stories[0]
    assert win.editor.toPlainText() == "\n".join(e.text for e in story.elements)
    # the sample has planted slips: findings are listed and underlined
    assert win.findings.model.rowCount() == len(win.doc.visible_marks()) > 0
    rules = {m.rule for *_, m in win.doc.visible_marks()}
    assert "words.confusable" in rules
    assert "Findings" in win.bottom_tabs.tabText(0)


def test_editor_underlines_findings_by_severity(sample_window):
    from PySide6.QtGui import QTextCharFormat
    win = sample_window
    si, ei, _el, m = win.doc.visible_marks()[0]
    win.show_story(si)
    block = win.editor.document().findBlockByNumber(ei)
    fmts = [r for r in block.layout().formats() if r.format.underlineStyle() ==
            QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert any(r.start <= m.start < r.start + r.length for r in fmts)
    from galley.ui.editor import SEVERITY_COLORS, mark_tooltip
    hit = next(r for r in fmts if r.start <= m.start < r.start + r.length)
    assert hit.format.underlineColor() == SEVERITY_COLORS[m.severity]
    tip = mark_tooltip(m)
    assert m.rule in tip and (m.fix is None or m.fix in tip)


def test_keyboard_next_accept_and_undo(qtbot, sample_window):
    win = sample_window
    marks = win.doc.visible_marks()
    fixable = [r for r in marks if r[3].fix is not None]
    assert fixable
    win.show_story(0, 0, 0, 0)
    qtbot.keyClick(win, Qt.Key.Key_F8)
    first = win.findings.current()
    assert first is not None and first[:2] == marks[0][:2]
    sel = win.editor.textCursor().selectedText()
    assert sel == first[2].text[first[3].start:first[3].end]
    qtbot.keyClick(win, Qt.Key.Key_F8)
    assert win.findings.current()[3] is marks[1][3]
    qtbot.keyClick(win, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert win.findings.current()[3] is marks[0][3]
    # accept a fix with Ctrl+Return, then undo with Ctrl+Z
    _si, _ei, el, m = fixable[0]
    win.findings.select_row(win.findings.model.rows.index(fixable[0]), quiet=True)
    before = el.text
    qtbot.keyClick(win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert el.text == before[:m.start] + m.fix + before[m.end:]
    assert len(win.doc.visible_marks()) < len(marks)
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert el.text == before
    assert len(win.doc.visible_marks()) == len(marks)


def test_shortcuts_are_shown_in_menus(sample_window):
    acts = sample_window.actions_by_key
    assert acts["next_finding"].shortcut().toString() == "F8"
    assert acts["prev_finding"].shortcut().toString() == "Shift+F8"
    assert acts["accept_finding"].shortcut().toString() == "Ctrl+Return"
    assert acts["reject_finding"].shortcut().toString() == "Ctrl+Backspace"
    menu_actions = [a for m in sample_window.menuBar().actions() for a in m.menu().actions()]
    assert acts["accept_finding"] in menu_actions and acts["next_finding"] in menu_actions


def test_reject_ignore_and_dictionary_are_undoable(sample_window):
    win = sample_window
    n = len(win.doc.visible_marks())
    win.findings.select_row(0, quiet=True)
    win.reject_finding()
    assert len(win.doc.visible_marks()) == n - 1
    assert win.doc.project.ignores[-1]["kind"] == "here"
    win.doc.undo_stack.undo()
    assert len(win.doc.visible_marks()) == n and win.doc.project.ignores == []
    word_rows = [i for i, r in enumerate(win.findings.model.rows) if r[3].rule.startswith(("words.", "spell."))]
    if word_rows:
        win.findings.select_row(word_rows[0], quiet=True)
        word = win.findings.current()[3].finding.text
        win.add_word()
        assert word in win.doc.settings["user_words"]
        assert all(r[3].finding.text != word or not r[3].rule.startswith(("words.", "spell."))
                   for r in win.findings.model.rows)
        win.doc.undo_stack.undo()
        assert word not in win.doc.settings["user_words"]


def test_typing_goes_through_the_undo_stack(qtbot, sample_window):
    win = sample_window
    win.show_story(0)
    body = next(i for i, e in enumerate(win.editor.story.elements) if e.kind == Kind.BODY)
    el = win.editor.story.elements[body]
    before = el.text
    win.editor.select(body, 0, 0)
    type_text(win.editor, "临川")
    assert el.text == "临川" + before
    assert win.doc.undo_stack.count() == 1  # typing merges into one command
    win.doc.undo_stack.undo()
    assert el.text == before
    assert win.editor.document().findBlockByNumber(body).text() == before
    win.doc.undo_stack.redo()
    assert el.text == "临川" + before
    # Enter splits the paragraph into two elements; undo joins them again
    n = len(win.editor.story.elements)
    win.editor.select(body, 2, 2)
    qtbot.keyClick(win.editor, Qt.Key.Key_Return)
    assert len(win.editor.story.elements) == n + 1
    assert win.editor.story.elements[body].text == "临川"
    win.doc.undo_stack.undo()
    assert len(win.editor.story.elements) == n and el.text == "临川" + before


def test_reject_a_repair_then_undo_keeps_edits(sample_window):
    win = sample_window
    ed = win.doc.edition
    assert ed.fixes, "the sample edition has repairs to review"
    fix = ed.fixes[0]
    joined = next(el for _, _, el in ed.elements() if set(fix.blocks) <= set(el.parts))
    joined_parts = tuple(joined.parts)
    # an edit in an element the repair does not touch must survive the rebuild
    other = next(el for _, _, el in ed.elements() if not set(el.parts) & set(fix.blocks) and el.kind == Kind.BODY)
    other.text += "（改）"
    text_before = ed.text()
    stories_before = list(ed.stories)
    win.repairs.select_index(0)
    win.set_repair(False)
    ed = win.doc.edition
    assert not ed.fixes[0].accepted
    parts = [tuple(el.parts) for _, _, el in ed.elements()]
    assert joined_parts not in parts  # the join is undone: its blocks stand apart
    assert any(el.text == other.text for _, _, el in ed.elements())
    assert "Rejected" in win.repairs.tree.topLevelItem(0).text(0) or "拒" in win.repairs.tree.topLevelItem(0).text(0)
    win.doc.undo_stack.undo()
    assert all(a is b for a, b in zip(win.doc.edition.stories, stories_before, strict=True))
    assert win.doc.edition.text() == text_before and win.doc.edition.fixes[0].accepted
    win.doc.undo_stack.redo()
    assert not win.doc.edition.fixes[0].accepted


def test_repair_detail_shows_before_and_after(sample_window):
    win = sample_window
    win.repairs.select_index(0)
    html = win.repairs.detail.toPlainText()
    fix = win.doc.edition.fixes[0]
    first = win.doc.edition.blocks[fix.blocks[0]].text
    assert first[:10] in html and ("Before" in html or "修复前" in html)


def test_galley_round_trip_through_the_gui(tmp_path, sample_window):
    win = sample_window
    win.show_story(1)
    el = win.editor.story.elements[-1]
    el.text += "（校）"
    win.findings.select_row(0, quiet=True)
    win.reject_finding()
    target = tmp_path / "page1.galley"
    assert win._save_to(target)
    assert win.doc.undo_stack.isClean() and win.windowTitle().startswith("page1.galley")
    assert Path(str(target) + ".lock").exists()  # held while the project is open
    proj = load_project(target)
    assert proj.edition.text() == win.doc.edition.text()
    assert proj.ignores == win.doc.project.ignores
    text = win.doc.edition.text()
    n_marks = len(win.doc.visible_marks())
    assert win.open_path(SAMPLE)
    assert not Path(str(target) + ".lock").exists()
    assert win.open_path(target)
    assert win.doc.edition.text() == text
    assert len(win.doc.visible_marks()) == n_marks
    assert target.name in win.recent_files()[0]


def test_a_bad_file_shows_a_dialog_and_keeps_the_edition(tmp_path, sample_window, dialogs):
    win = sample_window
    bad = tmp_path / "broken.galley"
    bad.write_bytes(b"this is not a zip")
    text = win.doc.edition.text()
    assert not win.open_path(bad)
    assert dialogs and "not a valid Galley project" in dialogs[-1][1]
    assert win.doc.edition.text() == text
    assert not win.open_path(tmp_path / "missing.txt")
    assert "no such file" in dialogs[-1][1]


def test_uncaught_exception_becomes_a_dialog(window, dialogs, capsys):
    import sys

    from galley.ui import errors
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        errors.excepthook(*sys.exc_info())
    assert dialogs and "boom" in dialogs[-1][1]
    assert errors.log_path().exists()


def test_drop_a_file_opens_it(qtbot, window):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, md, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    assert window.doc.edition.source == str(SAMPLE)


def test_autosave_and_recovery_offer(tmp_path, qtbot, sample_window, dialogs, monkeypatch):
    import json

    from PySide6.QtWidgets import QMessageBox
    win = sample_window
    win.doc.edition.stories[0].elements[0].text += "（未存）"
    win.doc.undo_stack.resetClean()
    win.doc.undo_stack.push(__import__("galley.ui.undo", fromlist=["x"]).RecordCommand(
        win.doc, "ignores", {"kind": "word", "word": "x"}, "x"))
    win.autosave()
    auto = win.session.autosave_file
    assert auto.exists()
    # simulate a crash of that session
    info = json.loads(win.session.file.read_text())
    info["pid"] = 999999999
    win.session.file.write_text(json.dumps(info))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    from galley.ui.window import MainWindow
    other = MainWindow()
    qtbot.addWidget(other)
    other.offer_recovery()
    assert other.doc.edition.stories[0].elements[0].text.endswith("（未存）")
    assert not other.doc.undo_stack.isClean()
    other.doc.undo_stack.setClean()
    other.page_panel.shutdown()
    other.close()


@pytest.mark.parametrize("lang,word", [("zh_CN", "文件"), ("en", "File")])
def test_language_switch_rebuilds_the_menus(qtbot, sample_window, lang, word):
    from galley.ui import i18n
    i18n.install(lang)
    qtbot.waitUntil(lambda: sample_window.menuBar().actions()[0].text().replace("&", "").startswith(word),
                    timeout=3000)
    i18n.install("en")


def test_a_large_file_opens_in_the_background(tmp_path, qtbot, window):
    import time
    para = "本报讯 临川新区今天举行重点项目集中开工仪式，共有十二个项目开工，总投资八十亿元。"
    text = "\n\n".join(f"第{i}条消息\n\n{para * 3}" for i in range(600))
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    assert big.stat().st_size > window.ASYNC_OPEN_BYTES
    assert window.open_path(big)
    assert window.opening == big  # the window is not blocked while the file is imported
    end = time.monotonic() + 120
    while window.opening is not None and time.monotonic() < end:
        window.hub.poll()
        qtbot.wait(20)
    assert window.doc.edition.source == str(big)
    assert window.doc.edition.char_count > 20_000 and window.editor.story is not None
    window.hub.wait(window.doc._check_job, 120)
    assert not window.doc.checking and window.doc.check_error is None
    # findings from the background check are placed in the right elements
    for si, ei, el, m in window.doc.visible_marks():
        assert el.text[m.start:m.end] == m.finding.text
