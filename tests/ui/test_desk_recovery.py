"""Autosave and crash recovery in the GUI; preferences that cannot stop the window."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from tests.ui.test_window import type_text


def _crash(win) -> None:
    """What a kill -9 leaves: the session record of a process that is gone."""
    info = json.loads(win.session.file.read_text())
    info["pid"] = 999999999
    win.session.file.write_text(json.dumps(info))
    win.autosave_timer.stop()
    win.idle_timer.stop()


def _new_window(qtbot):
    from galley.ui.window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def _close(w) -> None:
    w.doc.undo_stack.setClean()
    w.page_panel.shutdown()
    w.session.file.unlink(missing_ok=True)   # leave it as a crash would not: the test is over


def test_typing_is_autosaved_when_idle(qtbot, sample_window):
    win = sample_window
    win.idle_timer.setInterval(50)
    ed = win.editor
    ed.setFocus()
    type_text(ed, "存")
    auto = win.session.autosave_file
    qtbot.waitUntil(lambda: auto.exists(), timeout=3000)
    first = auto.stat().st_mtime_ns
    type_text(ed, "稿")       # merged into the same typing command: still a change to autosave
    qtbot.waitUntil(lambda: auto.stat().st_mtime_ns != first, timeout=3000)
    from galley.app.project import load_project
    assert "存稿" in load_project(auto).edition.text()
    assert win.autosave_timer.interval() <= 10_000


def test_recovery_survives_repeated_crashes_and_ends_with_a_save(tmp_path, qtbot, sample_window, monkeypatch):
    win = sample_window
    ed = win.editor
    ed.setFocus()
    type_text(ed, "第一次")
    win.autosave()
    _crash(win)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second = _new_window(qtbot)
    second.offer_recovery()
    assert "第一次" in second.doc.edition.text()
    # the recovered work is on disk again before anything else is typed: crash again at once
    _crash(second)
    third = _new_window(qtbot)
    third.offer_recovery()
    assert "第一次" in third.doc.edition.text()
    assert not third.doc.undo_stack.isClean()
    # saving ends the need for a recovery copy
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "saved.galley"), ""))
    assert third.save()
    assert not third.session.autosave_file.exists()
    from galley.app.project.autosave import find_recoverable
    assert find_recoverable() == []
    for w in (second, third):
        _close(w)


def test_autosave_zero_or_garbage_preferences_do_not_stop_the_window(qtbot, window, dialogs, data_dir):
    from galley.ui import prefs
    prefs.preferences_path().parent.mkdir(parents=True, exist_ok=True)
    prefs.preferences_path().write_text(json.dumps({"autosave_minutes": 0, "autosave_seconds": "soon",
                                                    "fonts": ["song.ttf"], "severities": {"punct.x": 3},
                                                    "user_words": "临川", "spelling_language": "en_US"}))
    w = _new_window(qtbot)
    qtbot.waitUntil(lambda: any("preferences.json" in text for _, text in dialogs), timeout=3000)
    msg = next(text for _, text in dialogs if "preferences.json" in text)
    for key in ("autosave_seconds", "fonts", "severities", "user_words"):
        assert key in msg
    assert "spelling_language" not in msg
    assert w.preferences == {"spelling_language": "en_US"}
    assert 2_000 <= w.autosave_timer.interval() <= 10_000
    _close(w)
    prefs.preferences_path().write_text("{not json")
    w = _new_window(qtbot)
    qtbot.waitUntil(lambda: sum("preferences.json" in t for _, t in dialogs) == 2, timeout=3000)
    assert w.preferences == {}
    _close(w)


def test_preferences_dialog_sets_seconds(qtbot, sample_window):
    from galley.ui.prefs import PreferencesDialog
    dlg = PreferencesDialog({"autosave_minutes": 0}, "en", sample_window)
    qtbot.addWidget(dlg)
    assert dlg.autosave.value() == 10
    dlg.autosave.setValue(5)
    out = dlg.result_preferences({"autosave_minutes": 0})
    assert out["autosave_seconds"] == 5 and "autosave_minutes" not in out
    sample_window.apply_preferences(out, "system")
    assert sample_window.autosave_timer.interval() == 5000
