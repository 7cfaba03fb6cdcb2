"""The rule registry: rules are small functions registered by id with `@rule(...)`.

A rule function takes a `Para` (see `app.proof.context`) and yields `Hit`s; the engine turns
hits into `Finding`s with the severity configured for the rule in `resources/proof/rules.toml`
(or the user's override). Rules live in `app/proof/rules/*.py`.
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from galley.app.data import resource
from galley.app.proof.finding import SEVERITIES

RESOURCES = resource("proof")

HEADINGS = frozenset({"page", "section", "banner", "kicker", "headline", "deck", "subhead"})
RUNNING = frozenset({"body", "caption", "sidebar"})


@dataclass
class RuleSpec:
    id: str
    fn: Callable
    severity: str                      # default severity (overridden by rules.toml)
    description: str
    kinds: frozenset[str] | None = None  # element kinds the rule applies to (None: all)
    enabled: bool = True
    tags: tuple[str, ...] = field(default_factory=tuple)


_REGISTRY: dict[str, RuleSpec] = {}


def rule(rule_id: str, severity: str, description: str, kinds: Iterable[str] | None = None):
    """Register a paragraph rule under `rule_id`."""
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r} for {rule_id}")

    def deco(fn):
        if rule_id in _REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        _REGISTRY[rule_id] = RuleSpec(rule_id, fn, severity, description,
                                      frozenset(kinds) if kinds is not None else None)
        return fn
    return deco


def registry() -> dict[str, RuleSpec]:
    import galley.app.proof.rules  # noqa: F401  (registers every rule module)
    return _REGISTRY


@lru_cache(maxsize=1)
def rules_config() -> dict[str, dict]:
    """`[rules."id"]` tables of resources/proof/rules.toml: severity and enabled."""
    path = RESOURCES / "rules.toml"
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return data.get("rules", {})


@dataclass
class ActiveRule:
    spec: RuleSpec
    severity: str


def active_rules(selection: list[str] | None = None, overrides: dict[str, dict] | None = None) -> list[ActiveRule]:
    """The rules to run: all enabled ones, or those named (an id or an id prefix like `punct`).

    Named rules run even when rules.toml switches them off. Unknown names raise ValueError.
    """
    reg = registry()
    cfg = {k: dict(v) for k, v in rules_config().items()}
    for k, v in (overrides or {}).items():
        cfg.setdefault(k, {}).update(v)
    chosen: list[str]
    if selection:
        chosen = []
        for name in selection:
            name = name.strip()
            if not name:
                continue
            hits = [rid for rid in reg if rid == name or rid.startswith(name + ".")]
            if not hits:
                raise ValueError(name)
            chosen += [h for h in hits if h not in chosen]
    else:
        chosen = [rid for rid in reg if cfg.get(rid, {}).get("enabled", reg[rid].enabled)]
    out = []
    for rid in chosen:
        sev = cfg.get(rid, {}).get("severity", reg[rid].severity)
        if sev not in SEVERITIES:
            sev = reg[rid].severity
        out.append(ActiveRule(reg[rid], sev))
    return out
