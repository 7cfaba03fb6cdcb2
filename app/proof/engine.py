"""Running the rules: over a whole edition (`check_edition`) or one paragraph (`check_paragraph`).

This is the proof stage of the pipeline: it reads the repaired `Edition` and returns
`Finding`s with offsets into `Edition.text()`. Each element is one `Para`; the rules see the
neighbouring elements of the same story (quotations running over paragraphs) and the
edition's script and Han–Latin spacing style, which are worked out once per edition.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from galley.app.proof.context import Para
from galley.app.proof.finding import Finding
from galley.app.proof.registry import ActiveRule, active_rules
from galley.app.proof.settings import ProofSettings
from galley.app.text import simplified_one

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
WEAKER = {"error": "warning", "warning": "info", "info": "info"}


@lru_cache(maxsize=32)
def _active_cached(selection: tuple[str, ...] | None, overrides: tuple) -> list[ActiveRule]:
    return active_rules(list(selection) if selection else None,
                        {k: dict(v) for k, v in overrides})


def resolve_rules(rules: list[str] | str | None, settings: ProofSettings) -> list[ActiveRule]:
    """The active rules; raises ValueError naming an unknown rule id."""
    if isinstance(rules, str):
        rules = [r for r in rules.split(",") if r.strip()]
    sel = tuple(r.strip() for r in rules) if rules else None
    overrides = tuple(sorted((k, tuple(sorted(v.items()))) for k, v in settings.rules.items()))
    return _active_cached(sel, overrides)


def run_para(para: Para, active: list[ActiveRule], offset: int = 0) -> list[Finding]:
    out: list[Finding] = []
    text = para.text
    story = para.story
    for ar in active:
        kinds = ar.spec.kinds
        if kinds is not None and para.kind is not None and para.kind not in kinds:
            continue
        for h in ar.spec.fn(para):
            sev = WEAKER[ar.severity] if h.weak else ar.severity
            out.append(Finding(ar.spec.id, sev, h.start + offset, h.end + offset, text[h.start:h.end],
                               h.zh, h.en, h.fix, h.safe, story))
    return out


def _sort(findings: list[Finding]) -> list[Finding]:
    findings.sort(key=lambda f: (f.start, f.end, SEVERITY_ORDER.get(f.severity, 3), f.rule))
    return findings


PLACE = 4               # characters either side of an occurrence that tell one place from another


def occurrences(text: str | Callable[[], str]) -> Callable[[str], int]:
    """In how many different places a string occurs in `text` (or in what `text()` returns, read on
    the first question only), each answer worked out once: what `Para.recurs` asks of the whole
    edition. Places are told apart by the PLACE characters either side, so a passage the edition
    prints twice (a story and its teaser, a pasted copy) counts once."""
    @cache
    def whole() -> str:
        return text() if callable(text) else text

    @cache
    def recurs(s: str) -> int:
        t = whole()
        places = set()
        k = t.find(s)
        while k >= 0:
            places.add(t[max(0, k - PLACE):k + len(s) + PLACE])
            k = t.find(s, k + 1)
        return len(places)
    return recurs


def check_paragraph(text: str, rules: list[str] | str | None = None, settings=None, *,
                    kind: str | None = "body", prev_text: str | None = None, next_text: str | None = None,
                    script: str | None = None, spacing: str = "tight",
                    edition_text: str | Callable[[], str] | None = None) -> list[Finding]:
    """Findings for one paragraph, offsets into `text` (the GUI's live re-check as the editor types;
    `edition_text`: the whole edition's text, or a function giving it, for the rules that weigh how
    the edition writes a word elsewhere)."""
    s = ProofSettings.coerce(settings)
    active = resolve_rules(rules, s)
    if script is None:
        script = s.script or "simplified"
    para = Para(text, kind, None, script, s, prev_text, next_text, spacing,
                occurrences(edition_text) if edition_text is not None else None)
    found = run_para(para, active)
    if s.ignores:
        found = [f for f in found if not s.ignores.suppresses(f, text)]
    return _sort(found)


def edition_script(edition, settings: ProofSettings) -> str:
    if settings.script:
        return settings.script
    if getattr(edition, "script", None) == "traditional":
        return "traditional"          # set by the user (detection only ever proposes it from the text)
    from galley.app.proof.script import detect_script
    return detect_script("".join(el.text for _, _, el in edition.elements()))


def check_edition(edition, rules: list[str] | str | None = None, settings=None) -> list[Finding]:
    """Findings for the whole edition, offsets into `edition.text()`, sorted by position."""
    from galley.app.proof.rules.spacing import edition_spacing

    s = ProofSettings.coerce(settings)
    active = resolve_rules(rules, s)
    script = edition_script(edition, s)
    spacing = edition_spacing(el.text for _, _, el in edition.elements())
    full = edition.text() if s.ignores else ""
    misused = next((ar.spec for ar in active if ar.spec.id == "words.misused"), None)
    model = None
    if misused is not None:
        # the misused-character model judges every run of the edition's running text up front,
        # the later stories' on a second core where it can (the rule then finds each run's answer kept)
        from galley.app.proof.misused import model as misused_model
        model = misused_model()
        view = simplified_one if script == "traditional" else str     # (as the rule reads them)
        model.prefetch(view(el.text) for _, _, el in edition.elements()
                       if misused.kinds is None or str(el.kind) in misused.kinds)
    out: list[Finding] = []
    pos = 0
    recurs = occurrences(full or edition.text)
    try:
        for si, story in enumerate(edition.stories):
            els = story.elements
            for ei, el in enumerate(els):
                para = Para(el.text, str(el.kind), si, script, s,
                            els[ei - 1].text if ei > 0 else None,
                            els[ei + 1].text if ei + 1 < len(els) else None, spacing, recurs)
                for f in run_para(para, active, pos):
                    if s.ignores and s.ignores.suppresses(f, full, story.id):
                        continue
                    out.append(f)
                pos += len(el.text) + 2
    finally:
        if model is not None:
            model.drop_pending()     # (a check given up: its forked child stopped, not left behind)
    return _sort(out)
