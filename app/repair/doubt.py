"""Possible cuts: seams the repair model doubted, shown to the editor instead of being decided.

A doubtful join is not applied (`Fix.doubtful`, `accepted` False); `galley check` reports each
as a `repair.possible_cut` warning at the end of the paragraph that may have been cut, and the
GUI's Repairs tab lists it for the editor to accept.
"""
from __future__ import annotations

RULE = "repair.possible_cut"


def possible_cuts(edition) -> list:
    """A warning for each doubtful join still open, at the end of the block that may be cut."""
    from galley.app.proof.finding import Finding
    where: dict[int, tuple[int, int, int]] = {}      # block → (story, end of its text in text(), …)
    for span in edition.spans():
        el = edition.stories[span.story].elements[span.element]
        if el.parts:
            where[el.parts[-1]] = (span.story, span.start, span.end)
    out = []
    for f in edition.fixes:
        if not f.doubtful or f.accepted or f.kind != "join":
            continue
        hit = where.get(f.blocks[0])
        if hit is None:
            continue
        story, start, end = hit
        a = max(start, end - 4)
        text = edition.text()[a:end]
        out.append(Finding(
            rule=RULE, severity="warning", start=a, end=end, text=text,
            message_zh=f"可能是断行：本段或与“{f.after}”一段相连（把握 {f.confidence:.0%}），请核对",
            message_en=f"possible cut: this paragraph may continue in “{f.after}” "
                       f"({f.confidence:.0%} sure); please check",
            story=story))
    return out
