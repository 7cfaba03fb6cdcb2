"""Applying findings' fixes: to a text (offsets into it) or to an edition's elements.

Fixes are applied right to left so offsets stay valid; of overlapping fixes the first (by
position, then severity) wins and the others are skipped.
"""
from __future__ import annotations

from galley.app.proof.finding import Finding


def choose(findings: list[Finding], safe_only: bool = True) -> list[Finding]:
    """Non-overlapping findings that carry a fix, in text order."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):   # at one place the wider fix wins
        if f.fix is None or (safe_only and not f.safe):
            continue
        if f.start < last_end or (f.start == f.end and f.start == last_end and chosen):
            continue
        chosen.append(f)
        last_end = max(last_end, f.end)
    return chosen


def apply_fixes(text: str, findings: list[Finding], safe_only: bool = True) -> tuple[str, list[Finding]]:
    """(new text, the findings applied)."""
    chosen = choose(findings, safe_only)
    out = text
    for f in reversed(chosen):
        assert f.fix is not None        # choose() keeps only findings with a fix
        out = out[:f.start] + f.fix + out[f.end:]
    return out, chosen


def fix_edition(edition, findings: list[Finding], safe_only: bool = True) -> list[Finding]:
    """Apply fixes to the edition's elements in place (findings from `check_edition`)."""
    chosen = choose(findings, safe_only)
    spans = edition.spans()
    els = {(s.story, s.element): el for s in spans for el in [edition.stories[s.story].elements[s.element]]}
    by_el: dict[tuple[int, int], list[tuple[int, Finding]]] = {}
    k = 0
    for f in chosen:
        while k < len(spans) and spans[k].end < f.start:
            k += 1
        if k == len(spans):
            break
        sp = spans[k]
        if f.start < sp.start or f.end > sp.end:
            continue   # a fix across elements: not ours to make
        by_el.setdefault((sp.story, sp.element), []).append((sp.start, f))
    applied = []
    for key, items in by_el.items():
        el = els[key]
        text = el.text
        for base, f in reversed(items):
            assert f.fix is not None    # choose() keeps only findings with a fix
            text = text[:f.start - base] + f.fix + text[f.end - base:]
            applied.append(f)
        el.text = text
    return sorted(applied, key=lambda f: f.start)
