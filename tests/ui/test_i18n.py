"""Translations: Qt's own tools. `pyside6-lupdate` reads the `self.tr()` / `QCoreApplication.translate()`
calls of ui/*.py into resources/i18n/galley_zh_CN.ts, `pyside6-lrelease` compiles the .qm
(`make translations` does both). The committed catalogue must be what lupdate makes of today's
source, with every string translated, and the .qm compiled from it."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT

I18N = ROOT / "resources" / "i18n"
TS = I18N / "galley_zh_CN.ts"


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(ctx.findtext("name"), msg.findtext("source"))] = (tr.text, tr.get("type"))
    return out


def test_catalogue_holds_every_ui_string_translated(tmp_path):
    """lupdate run over today's source into a copy of the catalogue adds nothing and drops nothing."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    ui = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *ui,
                    "-ts", str(fresh)], check=True)
    committed, current = _messages(TS), _messages(fresh)
    assert sorted(set(current) - set(committed)) == [], "UI strings missing from the catalogue: run make translations"
    assert sorted(set(committed) - set(current)) == [], "strings no longer in the UI: run make translations"
    untranslated = [key for key, (text, kind) in committed.items() if not text or kind is not None]
    assert untranslated == [], f"untranslated: {untranslated[:5]}"
    assert fresh.read_bytes() == TS.read_bytes(), "the catalogue is not as lupdate writes it: run make translations"


def test_placeholders_survive_translation():
    for (ctx, src), (zh, _) in _messages(TS).items():
        for ph in ("%1", "%2", "%3"):
            assert (ph in src) == (ph in (zh or "")), (ctx, src, zh)


def test_catalogue_catches_a_string_missing_from_it(tmp_path):
    """The check above really sees new strings: a UI module with one more self.tr() call."""
    (tmp_path / "extra.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass Extra(QWidget):\n"
        "    def f(self):\n        return self.tr(\"A string nobody translated\")\n", encoding="utf-8")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    *sorted(str(p) for p in (ROOT / "ui").glob("*.py")), str(tmp_path / "extra.py"),
                    "-ts", str(fresh)], check=True)
    assert _messages(fresh)[("Extra", "A string nobody translated")] == (None, "unfinished")


def test_qm_is_compiled_from_the_ts(tmp_path):
    assert ET.parse(TS).getroot().get("language") == "zh_CN"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == (I18N / "galley_zh_CN.qm").read_bytes(), "the .qm is stale: run make translations"


def test_translator_loads_the_qm(qapp):
    from PySide6.QtCore import QCoreApplication

    from galley.ui import i18n
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("FindingsModel", "Severity") == "级别"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_self_tr_finds_the_context_lupdate_wrote(qtbot, sample_window):
    """self.tr() at run time looks in the class's context, the one lupdate extracted the string under."""
    from galley.ui import i18n
    from galley.ui.navigator import Navigator
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        nav = Navigator(sample_window.doc)
        qtbot.addWidget(nav)
        zh = {src: text for (ctx, src), (text, _) in _messages(TS).items() if ctx == "Navigator"}
        assert nav.headerItem().text(0) == zh["Pages and stories"] != "Pages and stories"
        assert sample_window.page_panel.tr("Page grid:") == _messages(TS)[("PagePanel", "Page grid:")][0]
    finally:
        i18n.install("en")


def test_system_locale_decides_by_default(monkeypatch):
    from PySide6.QtCore import QLocale

    from galley.ui import i18n
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve("system") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve(None) == "en"
    assert i18n.resolve("zh_CN") == "zh_CN"
