"""Open Recent, one language at a time, and plurals that agree with their numbers."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE


def test_open_recent_keeps_a_one_item_list_and_tells_same_names_apart(tmp_path, qtbot, window):
    a = tmp_path / "monday" / "edition.txt"
    b = tmp_path / "tuesday" / "edition.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_path(a)
    window.settings.sync()
    from galley.ui import prefs
    again = prefs.qsettings()      # read back from the INI file, as the next start would
    assert again.value("files/recent_json") is not None
    window.settings = again
    assert window.recent_files() == [str(a.resolve())]
    window._fill_recent()
    labels = [x.text() for x in window.recent_menu.actions()]
    assert labels == ["&1 edition.txt"]
    window.doc.undo_stack.setClean()
    assert window.open_path(b)
    window._fill_recent()
    labels = [x.text() for x in window.recent_menu.actions()]
    assert labels == ["&1 edition.txt  — tuesday", "&2 edition.txt  — monday"]
    # an older settings file with a one-item list stored as a plain string
    window.settings.remove("files/recent_json")
    window.settings.setValue("files/recent", str(a))
    assert window.recent_files() == [str(a)]


def test_repair_reasons_and_rule_names_follow_the_interface_language(sample_window):
    from galley.ui import i18n
    from galley.ui.repairs import reason
    win = sample_window
    f = win.doc.edition.fixes[0]
    assert reason(f) == f.reason
    win.repairs.select_index(0)
    text = win.repairs.detail.toPlainText()
    assert f.reason[:20] in text and f.reason_zh[:10] not in text
    labels = [win.findings.rule_box.itemText(i) for i in range(1, win.findings.rule_box.count())]
    assert "punct.halfwidth" not in labels
    assert any("half-width" in x.lower() for x in labels)
    assert not any(" / " in x or x.startswith("半角") for x in labels)
    i18n.install("zh_CN")
    try:
        assert reason(f) == f.reason_zh
        win.findings.refresh_filters()
        zh = [win.findings.rule_box.itemText(i) for i in range(1, win.findings.rule_box.count())]
        assert any("半角" in x for x in zh)
    finally:
        i18n.install("en")


def test_counts_agree_with_their_numbers(qtbot, tmp_path, window):
    one = tmp_path / "one.txt"
    one.write_text("临川新区开工\n\n本报讯 临川新区今天举行重点项目集中开工仪式。\n", encoding="utf-8")
    assert window.open_path(one)
    window.wait_idle()
    qtbot.waitUntil(lambda: window.page_panel.paged is not None, timeout=20000)
    assert len(window.doc.edition.stories) == 1
    status = window.status_label.text()
    assert "1 story" in status and "1 stories" not in status
    assert window.page_panel.info.text().startswith("1 page") and "1 pages" not in window.page_panel.info.text()
