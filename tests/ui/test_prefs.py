"""Preferences: rule severities and the dictionary change the findings; settings persist for app/."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib


def test_turning_a_rule_off_and_back(sample_window):
    from galley.ui import prefs
    win = sample_window
    rule = win.doc.visible_marks()[0][3].rule
    n_rule = sum(1 for *_, m in win.doc.visible_marks() if m.rule == rule)
    new = dict(win.preferences, severities={rule: "off"})
    win.apply_preferences(new, "system")
    assert not any(m.rule == rule for *_, m in win.doc.visible_marks())
    stored = tomllib.loads(prefs.preferences_path().read_text(encoding="utf-8"))
    assert stored["rules"] == {rule: {"enabled": False}}  # where the command line reads it
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


def _cli_check(data_dir, path) -> list[dict]:
    env = {**os.environ, "GALLEY_DATA_DIR": str(data_dir)}
    proc = subprocess.run([sys.executable, "-m", "galley", "check", "--json", str(path)], env=env,
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_a_word_added_in_the_window_is_honoured_by_galley_check(qtbot, sample_window, data_dir):
    """One settings store: "Add to dictionary" in the GUI, then `galley check` no longer flags the word."""
    from tests.conftest import SAMPLE
    win = sample_window
    before = _cli_check(data_dir, SAMPLE)
    flagged = [f for f in before if f["rule"].startswith(("words.", "spell."))]
    assert flagged, "the sample should hold a word finding"
    word = flagged[0]["text"]
    row = next(i for i, r in enumerate(win.findings.model.rows) if r[3].finding.text == word)
    win.findings.select_row(row, quiet=True)
    win.add_word()
    assert word in win.doc.settings["user_words"]
    after = _cli_check(data_dir, SAMPLE)
    assert not any(f["text"] == word and f["rule"].startswith(("words.", "spell.")) for f in after)
    assert len(after) == len(before) - sum(f["text"] == word for f in flagged)
    win.doc.undo_stack.undo()     # taken out of the dictionary again: flagged again
    assert _cli_check(data_dir, SAMPLE) == before


def test_severities_set_in_the_window_apply_to_galley_check(sample_window, data_dir):
    from tests.conftest import SAMPLE
    win = sample_window
    before = _cli_check(data_dir, SAMPLE)
    rule = next(f["rule"] for f in before if f["rule"].startswith("punct."))
    win.apply_preferences(dict(win.preferences, severities={rule: "off"}), "system")
    after = _cli_check(data_dir, SAMPLE)
    assert rule not in {f["rule"] for f in after}
    win.apply_preferences(dict(win.preferences, severities={rule: "info"}), "system")
    assert {f["severity"] for f in _cli_check(data_dir, SAMPLE) if f["rule"] == rule} == {"info"}
