"""Proofreading: rules → findings over the repaired edition (the proof stage of the pipeline).

    check_edition(edition, rules=None, settings=None) -> list[Finding]   offsets into edition.text()
    check_paragraph(text, rules=None, settings=None) -> list[Finding]    offsets into text (live re-check)
    apply_fixes(text, findings) / fix_edition(edition, findings)        apply the safe fixes
    convert_story(edition, story_index, config) -> list[str]            OpenCC s2t, t2s, s2tw, s2hk, tw2sp

Rules are registered by id in `app.proof.rules` (`all_rules()`); severities and on/off live in
resources/proof/rules.toml; ignore records in `app.proof.ignores`.

The names above are imported when first asked for: repair reads the character model
(`app.proof.charlm`) of this package, and an export then needs none of the proofreading
machinery (its modules, their regular expressions).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from galley.app.proof.engine import check_edition, check_paragraph
    from galley.app.proof.finding import Finding
    from galley.app.proof.fixes import apply_fixes, fix_edition
    from galley.app.proof.ignores import Ignores
    from galley.app.proof.script import convert_story, detect_script
    from galley.app.proof.settings import ProofSettings

__all__ = ["Finding", "Ignores", "ProofSettings", "apply_fixes", "check_edition", "check_paragraph",
           "convert_story", "detect_script", "fix_edition"]


def __getattr__(name: str) -> Any:
    # plain import statements (not importlib by name), so that the bundle's analysis sees them
    value: Any
    if name in ("check_edition", "check_paragraph"):
        from galley.app.proof import engine
        value = getattr(engine, name)
    elif name == "Finding":
        from galley.app.proof import finding
        value = finding.Finding
    elif name in ("apply_fixes", "fix_edition"):
        from galley.app.proof import fixes
        value = getattr(fixes, name)
    elif name == "Ignores":
        from galley.app.proof import ignores
        value = ignores.Ignores
    elif name in ("convert_story", "detect_script"):
        from galley.app.proof import script
        value = getattr(script, name)
    elif name == "ProofSettings":
        from galley.app.proof import settings
        value = settings.ProofSettings
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
