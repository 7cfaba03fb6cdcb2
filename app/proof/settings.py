"""The user's proofreading settings: own word list, dictionary, script, spelling language, rule overrides.

The GUI keeps these in its settings and passes a `ProofSettings` (or a plain dict of the same
fields) to `check_edition` / `check_paragraph`; the CLI reads them from the user's config file
(`proof.toml` in the platform config folder) when it exists.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from galley.app.proof.ignores import Ignores


@dataclass
class ProofSettings:
    user_words: dict[str, str] = field(default_factory=dict)   # wrong → right, the user's own list
    dictionary: set[str] = field(default_factory=set)          # words never to flag ("add to dictionary")
    ignores: Ignores = field(default_factory=Ignores)
    script: str | None = None          # "simplified" | "traditional"; None: detect from the text
    spelling_language: str = "en_US"
    spelling: bool = True
    rules: dict[str, dict] = field(default_factory=dict)       # id → {"enabled": bool, "severity": str}
    # house conventions: "reduplication" (doubled forms to leave alone), "surnames" (more surnames),
    # "names_traditional" (False: traditional characters in personal names are flagged too)
    house: dict = field(default_factory=dict)

    @classmethod
    def coerce(cls, value) -> ProofSettings:
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls.from_dict(value)
        raise TypeError(f"settings must be ProofSettings or dict, not {type(value).__name__}")

    @classmethod
    def from_dict(cls, d: dict) -> ProofSettings:
        words = d.get("user_words") or {}
        if isinstance(words, list):  # ["错→对", …] or [["错", "对"], …]
            pairs = {}
            for w in words:
                if isinstance(w, str) and ("→" in w or "\t" in w):
                    a, b = w.replace("\t", "→").split("→", 1)
                    pairs[a.strip()] = b.strip()
                elif isinstance(w, (list, tuple)) and len(w) == 2:
                    pairs[w[0]] = w[1]
            words = pairs
        ign = d.get("ignores")
        return cls(user_words=dict(words), dictionary=set(d.get("dictionary") or ()),
                   ignores=Ignores.from_json(ign) if ign else Ignores(),
                   script=d.get("script"), spelling_language=d.get("spelling_language", "en_US"),
                   spelling=bool(d.get("spelling", True)), rules=dict(d.get("rules") or {}),
                   house=dict(d.get("house") or {}))

    def to_dict(self) -> dict:
        return {"user_words": dict(self.user_words), "dictionary": sorted(self.dictionary),
                "ignores": self.ignores.to_json(), "script": self.script,
                "spelling_language": self.spelling_language, "spelling": self.spelling,
                "rules": self.rules, "house": dict(self.house)}


def user_settings_path() -> Path:
    from platformdirs import user_config_dir
    return Path(user_config_dir("galley")) / "proof.toml"


def load_user_settings(path: str | Path | None = None) -> ProofSettings:
    """The user's proof.toml if there is one, else defaults. A broken file is ignored, not fatal."""
    p = Path(path) if path else user_settings_path()
    if not p.is_file():
        return ProofSettings()
    try:
        with open(p, "rb") as fh:
            return ProofSettings.from_dict(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError, TypeError, ValueError):
        return ProofSettings()
