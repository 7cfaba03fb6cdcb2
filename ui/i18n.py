"""Translations: Qt's QTranslator loading `resources/i18n/galley_<lang>.qm`.

The language follows the system locale unless the user chose one in Preferences
(`ui/language` in the settings: "system", "en" or "zh_CN"). English is the source language.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from galley.app.data import resource

I18N_DIR = resource("i18n")
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
_current = "en"


def resolve(choice: str | None) -> str:
    """'system' (or nothing) → the system locale's language if we have it, else English."""
    if choice and choice != "system":
        return choice if choice in LANGUAGES else "en"
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def current_language() -> str:
    return _current


def install(choice: str | None = None) -> str:
    """Load and install the translators for `choice`; returns the language now in force."""
    global _current
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = resolve(choice)
    _current = lang
    if lang == "en":
        return lang
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"galley_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)  # Qt's own strings (standard buttons, file dialogs), when shipped
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang
