"""The user's proofreading settings: own word list, dictionary, script, spelling language, rule overrides.

Callers pass a `ProofSettings` (or a plain dict of the same fields) to `check_edition` /
`check_paragraph`. The user's own live in the settings store that the GUI and the CLI share
(`app/settings.py`, `settings.toml`).
"""
from __future__ import annotations

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


def load_user_settings(path: str | Path | None = None) -> ProofSettings:
    """The user's settings file if there is one, else defaults. A broken file is ignored, not fatal."""
    from galley.app import settings
    from galley.app.errors import GalleyError
    try:
        return settings.proof_settings(settings.parse(path))
    except (GalleyError, TypeError, ValueError, AttributeError):
        return ProofSettings()
