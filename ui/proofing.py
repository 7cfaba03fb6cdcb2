"""The proofreading adapter: `app.proof` seen from the GUI, with element-local marks.

`app.proof` reports findings as offsets into `Edition.text()` (whole edition) or into one
paragraph (`check_paragraph`). The editor works per element, so findings are kept as
`Mark`s: a finding plus its start/end inside one element's text. When `app.proof` is not
part of this build the GUI still runs, with no findings.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


def _proof():
    try:
        mod = importlib.import_module("galley.app.proof")
    except ImportError:
        return None
    return mod if hasattr(mod, "check_edition") and hasattr(mod, "check_paragraph") else None


def available() -> bool:
    return _proof() is not None


def all_rules() -> list[tuple[str, str, str]]:
    """(id, default severity, description) of every rule, or [] without app.proof."""
    try:
        rules = importlib.import_module("galley.app.proof.rules")
        return [tuple(r)[:3] for r in rules.all_rules()]
    except (ImportError, AttributeError, TypeError):
        return []


def rule_name(rule_id: str, lang: str = "en") -> str:
    """A rule's short name in the interface language (its description's "中文 / English" half),
    the id when the rule is unknown."""
    desc = _rule_descriptions().get(rule_id)
    if not desc:
        return rule_id
    zh, _, en = desc.partition(" / ")
    name = (zh if lang.startswith("zh") else en or zh).strip()
    return name[:1].upper() + name[1:] if name else rule_id


_DESCRIPTIONS: dict[str, str] | None = None


def _rule_descriptions() -> dict[str, str]:
    global _DESCRIPTIONS
    if _DESCRIPTIONS is None:
        _DESCRIPTIONS = {rid: str(desc) for rid, _sev, desc in all_rules()}
    return _DESCRIPTIONS


@dataclass
class Mark:
    """A finding placed in one element: `start`/`end` are offsets into that element's text."""

    finding: object
    start: int
    end: int

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def severity(self) -> str:
        return getattr(self.finding, "severity", "warning")

    @property
    def fix(self) -> str | None:
        return getattr(self.finding, "fix", None)

    def message(self, lang: str = "zh") -> str:
        f = self.finding
        if lang.startswith("en"):
            return getattr(f, "message_en", None) or getattr(f, "message", "")
        return getattr(f, "message_zh", None) or getattr(f, "message", "")


def proof_settings(prefs: dict) -> dict:
    """The GUI's preferences → the settings dict `app.proof` takes (see `app.proof.settings`).

    Ignore records and the dictionary are not passed: the GUI filters them itself, so that
    undoing an "ignore" brings the finding back without checking the edition again.
    """
    rules = {}
    for rid, sev in (prefs.get("severities") or {}).items():
        rules[rid] = {"enabled": False} if sev == "off" else {"enabled": True, "severity": sev}
    return {"spelling_language": prefs.get("spelling_language", "en_US"), "rules": rules}


def element_spans(edition) -> list[tuple[int, int, object]]:
    """(start, end, element) of every element in `edition.text()`."""
    elements = {(si, ei): el for si, ei, el in edition.elements()}
    return [(sp.start, sp.end, elements[(sp.story, sp.element)]) for sp in edition.spans()]


def marks_from_findings(findings, spans: list[tuple[int, int, object]]) -> dict[int, list[Mark]]:
    """Edition-offset findings → marks per element (keyed by the element's id())."""
    out: dict[int, list[Mark]] = {id(el): [] for _, _, el in spans}  # checked, even when clean
    j = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        while j < len(spans) and spans[j][1] < f.start:
            j += 1
        if j >= len(spans):
            break
        start, end, el = spans[j]
        if not (start <= f.start <= end):
            continue  # a finding on the blank line between elements
        out[id(el)].append(Mark(f, f.start - start, min(f.end, end) - start))
    return out


def check_edition(edition, settings=None) -> dict[int, list[Mark]]:
    """Findings of the whole edition, as marks per element (keyed by the element's id())."""
    proof = _proof()
    if proof is None or not edition.stories:
        return {}
    return marks_from_findings(proof.check_edition(edition, settings=settings), element_spans(edition))


def check_paragraph(text: str, settings=None, **context) -> list[Mark]:
    """Live re-check of one paragraph; `context` is kind, prev_text, next_text, script and edition_text."""
    proof = _proof()
    if proof is None or not text:
        return []
    return [Mark(f, f.start, f.end) for f in proof.check_paragraph(text, settings=settings, **context)]


def ignores_from(records: list, words=()):
    """An `app.proof.Ignores` from the project's records plus the user's dictionary (None without app.proof)."""
    proof = _proof()
    if proof is None:
        return None
    ign = proof.Ignores.from_json(list(records or []))
    ign.words.update(words)
    return ign
