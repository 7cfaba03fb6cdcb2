"""The user's settings: one store, `settings.toml`, read by the command line and the desktop app.

It lives in the platform's config folder for "Galley" (platformdirs; `GALLEY_DATA_DIR`, when
set, holds it instead, with everything else of Galley's: tests, portable installs) and holds

- the proofreading settings (`app.proof.settings.ProofSettings`): `dictionary` (words never
  flagged; "Add to dictionary" in the GUI), `user_words` (the newsroom's "wrong→right" list),
  `[rules."id"]` severity and on/off, `script`, `spelling_language`, `spelling`, `[house]`;
- the desktop app's `[fonts]` (a font file per role) and `autosave_seconds`.

`galley check` and `galley fix` read it through `proof_settings()`; the GUI changes it through
`update()`, which keeps every setting it does not know. The GUI's window state (language,
recent files, geometry) is a QSettings file, `galley.ini`, in the same folder.

Older versions kept these in three places: `proof.toml` in a config folder spelled `galley`,
`preferences.json` and `galley.ini` in the data folder. The first time the store is read and
does not exist yet, those files are merged into it (and left where they were).
"""
from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import shutil
import tomllib
from pathlib import Path

from galley.app.errors import GalleyError
from galley.app.fsutil import write_text

log = logging.getLogger(__name__)

APP = "Galley"
FILE_NAME = "settings.toml"
UI_STATE = "galley.ini"
PROOF_KEYS = ("user_words", "dictionary", "script", "spelling_language", "spelling", "rules", "ignores",
              "house")
APP_KEYS = ("fonts", "autosave_seconds")


# ------------------------------------------------------------------------------ folders
def config_dir() -> Path:
    """Where the settings live."""
    env = os.environ.get("GALLEY_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    """Where autosaves and running sessions live."""
    env = os.environ.get("GALLEY_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where caches that can be rebuilt at any time live."""
    import platformdirs
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def ui_state_path() -> Path:
    """The GUI's QSettings file (window state, recent files, language)."""
    migrate()
    return config_dir() / UI_STATE


# ------------------------------------------------------------------------------ reading and writing
def read(path: str | Path | None = None, check: bool = True) -> dict:
    """The store, parsed and checked (a bad setting is a `GalleyError` naming it); {} when there
    is none. `check=False`: parsed only, for a caller that checks each setting itself (the GUI)."""
    if path is None:
        migrate()
    p = Path(path) if path is not None else settings_path()
    if not p.is_file():
        return {}
    from galley.app.validate import read_settings
    return read_settings(p, check=check)


def parse(path: str | Path | None = None) -> dict:
    """The store parsed but not checked, for a caller that checks each setting itself (the GUI)."""
    return read(path, check=False)


def write(data: dict) -> None:
    write_text(settings_path(), dumps(data))


def update(changes: dict, remove: tuple[str, ...] = ()) -> dict:
    """Set (or, for the keys in `remove`, drop) some settings and keep the rest; returns the store."""
    data = _current()
    for key in remove:
        data.pop(key, None)
    data.update(changes)
    write(data)
    return data


def _current() -> dict:
    """The store as it is; an unparsable one counts as empty, its text kept as `settings.toml.bad`."""
    try:
        return parse()
    except GalleyError as exc:
        log.warning("replacing unreadable settings %s: %s", settings_path(), exc.message)
        with contextlib.suppress(OSError):
            shutil.copyfile(settings_path(), settings_path().with_suffix(".toml.bad"))
        return {}


def proof_settings(data: dict | None = None):
    """The store's proofreading settings as a `ProofSettings` (the store read when `data` is None)."""
    from galley.app.proof.settings import ProofSettings
    if data is None:
        data = read()
    return ProofSettings.from_dict({k: v for k, v in data.items() if k in PROOF_KEYS})


def add_to_dictionary(*words: str) -> None:
    data = _current()
    have = list(data.get("dictionary") or [])
    data["dictionary"] = have + [w for w in words if w not in have]
    write(data)


# ------------------------------------------------------------------------------ older versions' files
def _old_files() -> tuple[Path | None, Path | None, Path | None]:
    if os.environ.get("GALLEY_DATA_DIR"):
        here = config_dir()
        return None, here / "preferences.json", None
    import platformdirs
    proof = Path(platformdirs.user_config_dir("galley")) / "proof.toml"
    data = Path(platformdirs.user_data_dir(APP, appauthor=False))
    return proof, data / "preferences.json", data / UI_STATE


def migrate() -> bool:
    """Merge the files of older versions into the store when it does not exist yet; True if it did."""
    target = settings_path()
    if target.exists():
        return False
    proof, prefs, ini = _old_files()
    if ini is not None and ini.is_file() and not (config_dir() / UI_STATE).exists():
        with contextlib.suppress(OSError):
            config_dir().mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ini, config_dir() / UI_STATE)
    data: dict = {}
    found = []
    if proof is not None and proof.is_file():
        try:
            data.update(tomllib.loads(proof.read_text(encoding="utf-8")))
            found.append(proof)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
            log.warning("old proofreading settings %s not carried over: %s", proof, exc)
    if prefs is not None and prefs.is_file():
        try:
            old = json.loads(prefs.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            log.warning("old preferences %s not carried over: %s", prefs, exc)
            old = None
        if isinstance(old, dict):
            data = merge_gui_preferences(data, old)
            found.append(prefs)
    if not found:
        return False
    write(data)
    log.info("settings carried over from %s into %s", ", ".join(map(str, found)), target)
    return True


def merge_gui_preferences(data: dict, prefs: dict) -> dict:
    """The GUI's old `preferences.json` keys in the store's terms: `user_words` (a list of words
    never to flag) join the dictionary, `severities` become `[rules."id"]`."""
    out = dict(data)
    for key, value in prefs.items():
        if key == "user_words" and isinstance(value, list):
            have = list(out.get("dictionary") or [])
            out["dictionary"] = have + [w for w in value if isinstance(w, str) and w.strip() and w not in have]
        elif key == "severities" and isinstance(value, dict):
            out["rules"] = {**(out.get("rules") or {}), **severities_to_rules(value)}
        elif key == "autosave_minutes":
            continue            # replaced long ago by autosave_seconds
        else:
            out[key] = value
    return out


def severities_to_rules(severities: dict) -> dict:
    return {rid: ({"enabled": False} if sev == "off" else {"enabled": True, "severity": sev})
            for rid, sev in severities.items() if isinstance(sev, str)}


def rules_to_severities(rules: dict) -> dict:
    out = {}
    for rid, conf in (rules or {}).items():
        if not isinstance(conf, dict):
            continue
        if conf.get("enabled", True) is False:
            out[rid] = "off"
        elif "severity" in conf:
            out[rid] = conf["severity"]
    return out


# ------------------------------------------------------------------------------ TOML out
# tomllib only reads; the store's shapes (scalars, lists, tables of those) are written here.
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _key(k: str) -> str:
    return k if _BARE.fullmatch(k) else _string(k)


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"cannot store {v!r}")
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, (list, tuple, set)):
        return "[" + ", ".join(_value(x) for x in (sorted(v) if isinstance(v, set) else v)) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot store {type(v).__name__}")


def dumps(data: dict) -> str:
    lines: list[str] = []

    def table(d: dict, path: list[str]) -> None:
        plain = {k: v for k, v in d.items() if not isinstance(v, dict)}
        if path and (plain or not d):
            lines.append("")
            lines.append("[" + ".".join(map(_key, path)) + "]")
        lines.extend(f"{_key(k)} = {_value(v)}" for k, v in plain.items())
        for k, v in d.items():
            if isinstance(v, dict):
                table(v, [*path, k])

    table(data, [])
    return "\n".join(lines).lstrip("\n") + "\n"
