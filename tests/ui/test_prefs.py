"""Preferences: rule severities and the dictionary change the findings; settings persist for app/."""
from __future__ import annotations

import json


def test_turning_a_rule_off_and_back(sample_window):
    from galley.ui import prefs
    win = sample_window
    rule = win.doc.visible_marks()[0][3].rule
    n_rule = sum(1 for *_, m in win.doc.visible_marks() if m.rule == rule)
    new = dict(win.preferences, severities={rule: "off"})
    win.apply_preferences(new, "system")
    assert not any(m.rule == rule for *_, m in win.doc.visible_marks())
    stored = json.loads(prefs.preferences_path().read_text(encoding="utf-8"))
    assert stored["severities"] == {rule: "off"}  # where app/ can read it
    win.apply_preferences(dict(new, severities={rule: "info"}), "system")
    marks = [m for *_, m in win.doc.visible_marks() if m.rule == rule]
    assert len(marks) == n_rule and all(m.severity == "info" for m in marks)


def test_preferences_dialog_round_trip(qtbot, sample_window):
    from galley.ui.prefs import PreferencesDialog
    dlg = PreferencesDialog({"user_words": ["临川"], "spelling_language": "en_US"}, "zh_CN", sample_window)
    qtbot.addWidget(dlg)
    assert dlg.chosen_language() == "zh_CN"
    assert dlg.rules.rowCount() > 10  # every proofreading rule is listed
    dlg.rules.cellWidget(0, 1).setCurrentIndex(dlg.rules.cellWidget(0, 1).findData("error"))
    dlg.font_edits["kai"].setText("/fonts/my-kai.ttf")
    dlg.words.setPlainText("临川\n新区")
    out = dlg.result_preferences({})
    assert out["severities"] == {dlg.rules.item(0, 0).text(): "error"}
    assert out["fonts"] == {"kai": "/fonts/my-kai.ttf"}
    assert out["user_words"] == ["临川", "新区"]


def test_language_choice_is_remembered(qtbot, sample_window):
    from galley.ui import i18n, prefs
    sample_window.apply_preferences(sample_window.preferences, "zh_CN")
    try:
        assert prefs.qsettings().value("ui/language") == "zh_CN"
        assert i18n.current_language() == "zh_CN"
        qtbot.waitUntil(lambda: sample_window.menuBar().actions()[0].text().startswith("文件"), timeout=3000)
    finally:
        sample_window.apply_preferences(sample_window.preferences, "en")
