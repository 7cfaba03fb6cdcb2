"""Preferences: interface language, fonts per role, spelling language, rule severities.

The preferences the core needs (fonts, spelling language, rule severities, the dictionary) live
in the settings store the command line reads too (`app/settings.py`: `settings.toml` in the
platform's config folder), so a word added here is honoured by `galley check`. Window state
(language, recent files, geometry) is a QSettings INI file beside it. `GALLEY_DATA_DIR` moves
both (tests, portable installs).

In the window a preferences dict holds `user_words` (the dictionary: words never flagged),
`severities` (rule id → error, warning, info or off), `fonts`, `spelling_language` and
`autosave_seconds`; `read_preferences` and `save_preferences` translate to the store's terms.
"""
from __future__ import annotations

import tomllib

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from galley.app import settings
from galley.app.errors import GalleyError
from galley.ui import i18n, proofing

ROLES = ("song", "hei", "kai", "latin")
SEVERITY_CHOICES = ("default", "error", "warning", "info", "off")


def qsettings() -> QSettings:
    return QSettings(str(settings.ui_state_path()), QSettings.Format.IniFormat)


def preferences_path():
    return settings.settings_path()


AUTOSAVE_SECONDS = (2, 10)    # the autosave interval's range: work lost in a crash is at most this


def read_preferences() -> tuple[dict, list[str]]:
    """The settings store, each setting the window uses checked: (the usable preferences, a
    message per setting dropped).

    A setting of the wrong type is left out (its default applies), so a hand-edited file can
    never stop the window from opening; the messages say what was wrong."""
    settings.migrate()
    try:
        text = preferences_path().read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        return {}, [QCoreApplication.translate("PreferencesDialog", "cannot read it (%1)").replace("%1", why)]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        return {}, [QCoreApplication.translate("PreferencesDialog", "it is not valid TOML (%1)")
                    .replace("%1", str(exc)[:80])]
    return clean_preferences(data)


def clean_preferences(data: dict) -> tuple[dict, list[str]]:
    """The store's settings the window uses → a preferences dict, and a message per bad one."""
    out: dict = {}
    problems: list[str] = []

    def bad(key: str, want: str) -> None:
        problems.append(QCoreApplication.translate("PreferencesDialog", "“%1” should be %2")
                        .replace("%1", key).replace("%2", want))

    def is_int(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    for key, value in data.items():
        if key == "autosave_seconds":
            if is_int(value) and AUTOSAVE_SECONDS[0] <= value <= AUTOSAVE_SECONDS[1]:
                out[key] = value
            else:
                bad(key, QCoreApplication.translate("PreferencesDialog", "a whole number of seconds from %1 to %2")
                    .replace("%1", str(AUTOSAVE_SECONDS[0])).replace("%2", str(AUTOSAVE_SECONDS[1])))
        elif key == "fonts":
            if isinstance(value, dict) and all(isinstance(k, str) and k in ROLES and isinstance(v, str)
                                               for k, v in value.items()):
                out[key] = dict(value)
            else:
                bad(key, QCoreApplication.translate("PreferencesDialog",
                                                    "a font file path per role (song, hei, kai, latin)"))
        elif key == "rules":
            sev = settings.rules_to_severities(value) if isinstance(value, dict) else None
            if sev is not None and all(isinstance(v, dict) for v in value.values()) and \
                    all(v in SEVERITY_CHOICES[1:] for v in sev.values()):
                out["severities"] = sev
            else:
                bad(key, QCoreApplication.translate("PreferencesDialog",
                                                    "a severity (error, warning, info or off) per rule id"))
        elif key == "spelling_language":
            if isinstance(value, str) and value:
                out[key] = value
            else:
                bad(key, QCoreApplication.translate("PreferencesDialog", "a language code such as en_US"))
        elif key == "dictionary":
            if isinstance(value, list) and all(isinstance(w, str) for w in value):
                out["user_words"] = [w for w in value if w.strip()]
            else:
                bad(key, QCoreApplication.translate("PreferencesDialog", "a list of words"))
        # any other setting is the command line's (or another version's): kept in the store as it is
    return out, problems


def load_preferences() -> dict:
    return read_preferences()[0]


def autosave_seconds(prefs: dict) -> int:
    v = prefs.get("autosave_seconds", AUTOSAVE_SECONDS[1])
    if not isinstance(v, int) or isinstance(v, bool):
        return AUTOSAVE_SECONDS[1]
    return max(AUTOSAVE_SECONDS[0], min(AUTOSAVE_SECONDS[1], v))


def save_preferences(prefs: dict) -> None:
    """Write the preferences into the store, keeping every setting the window does not edit."""
    try:
        old_rules = settings.parse().get("rules")
    except GalleyError:     # an unreadable store: settings.update replaces it
        old_rules = None
    old_rules = old_rules if isinstance(old_rules, dict) else {}
    # rules the window cannot show (e.g. enabled = true alone) stay; the ones it shows are replaced
    shown = settings.rules_to_severities(old_rules)
    rules = {rid: conf for rid, conf in old_rules.items() if rid not in shown}
    rules.update(settings.severities_to_rules(prefs.get("severities") or {}))
    changes: dict = {"rules": rules, "dictionary": list(prefs.get("user_words") or [])}
    for key in ("fonts", "spelling_language", "autosave_seconds"):
        if key in prefs:
            changes[key] = prefs[key]
    settings.update(changes, remove=tuple(k for k in ("fonts", "spelling_language", "autosave_seconds")
                                          if k not in prefs))


def store_user_words(words: list[str]) -> None:
    settings.update({"dictionary": list(words)})


def apply_fonts(prefs: dict) -> None:
    """Tell the layout's font resolver about the user's font choices (when layout is present)."""
    try:
        from galley.app.layout import fonts
    except ImportError:
        return
    fonts.configure({k: v for k, v in (prefs.get("fonts") or {}).items() if v})


def role_label(role: str) -> str:
    return {
        "song": QCoreApplication.translate("PreferencesDialog", "Song (body)"),
        "hei": QCoreApplication.translate("PreferencesDialog", "Hei (headlines)"),
        "kai": QCoreApplication.translate("PreferencesDialog", "Kai (bylines, captions)"),
        "latin": QCoreApplication.translate("PreferencesDialog", "Latin"),
    }.get(role, role)


def spelling_languages() -> list[str]:
    try:
        import enchant
        langs = sorted(set(enchant.list_languages()))
    except Exception:  # noqa: BLE001 - no enchant library: spelling is simply unavailable
        langs = []
    return langs or ["en_US"]


class PreferencesDialog(QDialog):
    def __init__(self, prefs: dict, language: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.resize(620, 480)
        tabs = QTabWidget(self)

        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Interface language:"), self.language)
        self.autosave = QSpinBox()
        self.autosave.setRange(*AUTOSAVE_SECONDS)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(autosave_seconds(prefs))
        form.addRow(self.tr("Autosave at least every:"), self.autosave)
        tabs.addTab(general, self.tr("General"))

        fonts = QWidget()
        fform = QFormLayout(fonts)
        fform.addRow(QLabel(self.tr("Leave empty to use the default font for each role.")))
        self.font_edits: dict[str, QLineEdit] = {}
        defaults = {}
        try:
            from galley.app.layout.fonts import available_roles
            defaults = available_roles()
        except ImportError:
            pass
        for role in ROLES:
            edit = QLineEdit((prefs.get("fonts") or {}).get(role, ""))
            edit.setPlaceholderText(defaults.get(role) or self.tr("(not found)"))
            btn = QPushButton(self.tr("Browse…"))
            btn.clicked.connect(lambda _=False, e=edit: self._browse_font(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(btn)
            fform.addRow(role_label(role) + ":", row)
            self.font_edits[role] = edit
        tabs.addTab(fonts, self.tr("Fonts"))

        proof = QWidget()
        pl = QVBoxLayout(proof)
        pform = QFormLayout()
        self.spelling = QComboBox()
        for code in spelling_languages():
            self.spelling.addItem(code, code)
        self.spelling.setCurrentIndex(max(0, self.spelling.findData(prefs.get("spelling_language", "en_US"))))
        pform.addRow(self.tr("Spelling language (Latin words):"), self.spelling)
        pl.addLayout(pform)
        rules = proofing.all_rules()
        self.rules = QTableWidget(len(rules), 3)
        self.rules.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Severity"), self.tr("Description")])
        self.rules.verticalHeader().setVisible(False)
        self.rules.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        sev = prefs.get("severities") or {}
        labels = {"default": self.tr("Default"), "error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note"),
                  "off": self.tr("Off")}
        for r, (rid, default, desc) in enumerate(rules):
            self.rules.setItem(r, 0, QTableWidgetItem(rid))
            box = QComboBox()
            for s in SEVERITY_CHOICES:
                box.addItem(labels[s] + (f" ({labels.get(default, default)})" if s == "default" else ""), s)
            box.setCurrentIndex(max(0, box.findData(sev.get(rid, "default"))))
            self.rules.setCellWidget(r, 1, box)
            self.rules.setItem(r, 2, QTableWidgetItem(str(desc)))
        if not rules:
            pl.addWidget(QLabel(self.tr("Proofreading rules are not available in this build.")))
        pl.addWidget(self.rules)
        pl.addWidget(QLabel(self.tr("User dictionary (one word a line):")))
        self.words = QPlainTextEdit("\n".join(prefs.get("user_words") or []))
        self.words.setMaximumHeight(90)
        pl.addWidget(self.words)
        tabs.addTab(proof, self.tr("Proofreading"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)

    def _browse_font(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a font"), "", self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            edit.setText(path)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def result_preferences(self, old: dict) -> dict:
        out = dict(old)
        out.pop("autosave_minutes", None)
        out["autosave_seconds"] = self.autosave.value()
        out["fonts"] = {r: e.text().strip() for r, e in self.font_edits.items() if e.text().strip()}
        out["spelling_language"] = self.spelling.currentData()
        sev = {}
        for r in range(self.rules.rowCount()):
            s = self.rules.cellWidget(r, 1).currentData()
            if s != "default":
                sev[self.rules.item(r, 0).text()] = s
        out["severities"] = sev
        out["user_words"] = [w.strip() for w in self.words.toPlainText().splitlines() if w.strip()]
        return out
