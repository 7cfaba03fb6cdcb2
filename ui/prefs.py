"""Preferences: interface language, fonts per role, spelling language, rule severities.

UI state (language, recent files, window geometry) lives in a QSettings INI file; the
preferences the core needs (fonts, spelling language, severities, the user dictionary)
live in `preferences.json` beside it in the user data folder, which `app/` can read
without Qt. `GALLEY_DATA_DIR` moves both (tests, portable installs).
"""
from __future__ import annotations

import json

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

from galley.app.fsutil import write_text
from galley.app.project.autosave import data_dir
from galley.ui import i18n, proofing

ROLES = ("song", "hei", "kai", "latin")
SEVERITY_CHOICES = ("default", "error", "warning", "info", "off")


def tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


def qsettings() -> QSettings:
    return QSettings(str(data_dir() / "galley.ini"), QSettings.Format.IniFormat)


def preferences_path():
    return data_dir() / "preferences.json"


AUTOSAVE_SECONDS = (2, 10)    # the autosave interval's range: work lost in a crash is at most this


def read_preferences() -> tuple[dict, list[str]]:
    """`preferences.json`, each setting checked: (the usable settings, a message per setting dropped).

    A setting of the wrong type is left out (its default applies), so a hand-edited file can
    never stop the window from opening; the messages say what was wrong."""
    try:
        text = preferences_path().read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [tr("cannot read it (%1)").replace("%1", exc.strerror or str(exc))]
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return {}, [tr("it is not valid JSON (%1)").replace("%1", str(exc)[:80])]
    if not isinstance(data, dict):
        return {}, [tr("it should hold an object of settings")]
    return clean_preferences(data)


def clean_preferences(data: dict) -> tuple[dict, list[str]]:
    out: dict = {}
    problems: list[str] = []

    def bad(key: str, want: str) -> None:
        problems.append(tr("“%1” should be %2").replace("%1", key).replace("%2", want))

    def is_int(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    for key, value in data.items():
        if key == "autosave_seconds":
            if is_int(value) and AUTOSAVE_SECONDS[0] <= value <= AUTOSAVE_SECONDS[1]:
                out[key] = value
            else:
                bad(key, tr("a whole number of seconds from %1 to %2").replace("%1", str(AUTOSAVE_SECONDS[0]))
                    .replace("%2", str(AUTOSAVE_SECONDS[1])))
        elif key == "autosave_minutes":
            pass    # older versions' setting: autosave now runs every few seconds
        elif key == "fonts":
            if isinstance(value, dict) and all(isinstance(k, str) and k in ROLES and isinstance(v, str)
                                               for k, v in value.items()):
                out[key] = dict(value)
            else:
                bad(key, tr("a font file path per role (song, hei, kai, latin)"))
        elif key == "severities":
            if isinstance(value, dict) and all(isinstance(k, str) and v in SEVERITY_CHOICES[1:]
                                               for k, v in value.items()):
                out[key] = dict(value)
            else:
                bad(key, tr("a severity (error, warning, info or off) per rule id"))
        elif key == "spelling_language":
            if isinstance(value, str) and value:
                out[key] = value
            else:
                bad(key, tr("a language code such as en_US"))
        elif key == "user_words":
            if isinstance(value, list) and all(isinstance(w, str) for w in value):
                out[key] = [w for w in value if w.strip()]
            else:
                bad(key, tr("a list of words"))
        else:
            out[key] = value    # kept as is: another version's setting
    return out, problems


def load_preferences() -> dict:
    return read_preferences()[0]


def autosave_seconds(prefs: dict) -> int:
    v = prefs.get("autosave_seconds", AUTOSAVE_SECONDS[1])
    if not isinstance(v, int) or isinstance(v, bool):
        return AUTOSAVE_SECONDS[1]
    return max(AUTOSAVE_SECONDS[0], min(AUTOSAVE_SECONDS[1], v))


def save_preferences(prefs: dict) -> None:
    write_text(preferences_path(), json.dumps(prefs, ensure_ascii=False, indent=1))


def store_user_words(words: list[str]) -> None:
    p = load_preferences()
    p["user_words"] = list(words)
    save_preferences(p)


def apply_fonts(prefs: dict) -> None:
    """Tell the layout's font resolver about the user's font choices (when layout is present)."""
    try:
        from galley.app.layout import fonts
    except ImportError:
        return
    fonts.configure({k: v for k, v in (prefs.get("fonts") or {}).items() if v})


def role_label(role: str) -> str:
    return {"song": tr("Song (body)"), "hei": tr("Hei (headlines)"), "kai": tr("Kai (bylines, captions)"),
            "latin": tr("Latin")}.get(role, role)


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
        self.setWindowTitle(tr("Preferences"))
        self.resize(620, 480)
        tabs = QTabWidget(self)

        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem(tr("Follow the system"), "system")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(tr("Interface language:"), self.language)
        self.autosave = QSpinBox()
        self.autosave.setRange(*AUTOSAVE_SECONDS)
        self.autosave.setSuffix(tr(" s"))
        self.autosave.setValue(autosave_seconds(prefs))
        form.addRow(tr("Autosave at least every:"), self.autosave)
        tabs.addTab(general, tr("General"))

        fonts = QWidget()
        fform = QFormLayout(fonts)
        fform.addRow(QLabel(tr("Leave empty to use the default font for each role.")))
        self.font_edits: dict[str, QLineEdit] = {}
        defaults = {}
        try:
            from galley.app.layout.fonts import available_roles
            defaults = available_roles()
        except ImportError:
            pass
        for role in ROLES:
            edit = QLineEdit((prefs.get("fonts") or {}).get(role, ""))
            edit.setPlaceholderText(defaults.get(role) or tr("(not found)"))
            btn = QPushButton(tr("Browse…"))
            btn.clicked.connect(lambda _=False, e=edit: self._browse_font(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(btn)
            fform.addRow(role_label(role) + ":", row)
            self.font_edits[role] = edit
        tabs.addTab(fonts, tr("Fonts"))

        proof = QWidget()
        pl = QVBoxLayout(proof)
        pform = QFormLayout()
        self.spelling = QComboBox()
        for code in spelling_languages():
            self.spelling.addItem(code, code)
        self.spelling.setCurrentIndex(max(0, self.spelling.findData(prefs.get("spelling_language", "en_US"))))
        pform.addRow(tr("Spelling language (Latin words):"), self.spelling)
        pl.addLayout(pform)
        rules = proofing.all_rules()
        self.rules = QTableWidget(len(rules), 3)
        self.rules.setHorizontalHeaderLabels([tr("Rule"), tr("Severity"), tr("Description")])
        self.rules.verticalHeader().setVisible(False)
        self.rules.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        sev = prefs.get("severities") or {}
        labels = {"default": tr("Default"), "error": tr("Error"), "warning": tr("Warning"), "info": tr("Note"),
                  "off": tr("Off")}
        for r, (rid, default, desc) in enumerate(rules):
            self.rules.setItem(r, 0, QTableWidgetItem(rid))
            box = QComboBox()
            for s in SEVERITY_CHOICES:
                box.addItem(labels[s] + (f" ({labels.get(default, default)})" if s == "default" else ""), s)
            box.setCurrentIndex(max(0, box.findData(sev.get(rid, "default"))))
            self.rules.setCellWidget(r, 1, box)
            self.rules.setItem(r, 2, QTableWidgetItem(str(desc)))
        if not rules:
            pl.addWidget(QLabel(tr("Proofreading rules are not available in this build.")))
        pl.addWidget(self.rules)
        pl.addWidget(QLabel(tr("User dictionary (one word a line):")))
        self.words = QPlainTextEdit("\n".join(prefs.get("user_words") or []))
        self.words.setMaximumHeight(90)
        pl.addWidget(self.words)
        tabs.addTab(proof, tr("Proofreading"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)

    def _browse_font(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a font"), "", tr("TrueType fonts (*.ttf *.ttc)"))
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
