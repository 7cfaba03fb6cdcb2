"""The proofreading rules, one module per family; importing this package registers them all.

`all_rules()` lists (id, default severity, description) for the GUI's rule settings.
"""
from __future__ import annotations

from galley.app.proof.rules import (  # noqa: F401  (registration side effects)
    misused,
    numbers,
    pairs,
    punctuation,
    repeats,
    script,
    spacing,
    spelling,
    unreadable,
    words,
)


def all_rules() -> list[tuple[str, str, str]]:
    from galley.app.proof.registry import registry, rules_config
    cfg = rules_config()
    return [(rid, cfg.get(rid, {}).get("severity", spec.severity), spec.description)
            for rid, spec in sorted(registry().items())]
