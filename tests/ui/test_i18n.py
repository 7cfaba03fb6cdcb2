"""Translations: the zh_CN catalogue covers every UI string and loads through QTranslator."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from tests.conftest import ROOT

I18N = ROOT / "resources" / "i18n"


def test_catalogue_is_complete_and_current():
    sys.path.insert(0, str(I18N))
    try:
        import extract
    finally:
        sys.path.pop(0)
    found = extract.strings()
    known = extract.read_ts(I18N / "galley_zh_CN.ts")
    missing = [(c, s) for c, srcs in found.items() for s in srcs if (c, s) not in known]
    assert missing == [], f"untranslated: {missing[:5]} (run resources/i18n/extract.py --compile)"
    # placeholders survive translation
    for (ctx, src), zh in known.items():
        for ph in ("%1", "%2", "%3"):
            assert (ph in src) == (ph in zh), (ctx, src, zh)


def test_qm_is_compiled_from_the_ts(tmp_path):
    import shutil
    import subprocess
    ts, qm = I18N / "galley_zh_CN.ts", I18N / "galley_zh_CN.qm"
    assert ET.parse(ts).getroot().get("language") == "zh_CN"
    lrelease = shutil.which("pyside6-lrelease") or str(ROOT / ".venv" / "bin" / "pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), "the shipped .qm is stale: run resources/i18n/extract.py --compile"


def test_translator_loads_the_qm(qapp):
    from PySide6.QtCore import QCoreApplication

    from galley.ui import i18n
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("FindingsPanel", "%1 of %2 findings") == "%1 / %2 条问题"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_system_locale_decides_by_default(monkeypatch):
    from PySide6.QtCore import QLocale

    from galley.ui import i18n
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve("system") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve(None) == "en"
    assert i18n.resolve("zh_CN") == "zh_CN"
