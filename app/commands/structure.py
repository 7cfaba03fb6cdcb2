"""`galley structure IN [--json]`: the recognised stories with their typed elements."""
from __future__ import annotations

import json
import sys

from galley.app.pipeline import load_edition


def add_parser(sub):
    p = sub.add_parser("structure", help="show the stories and their typed elements")
    p.add_argument("input", metavar="IN")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    return p


def edition_json(edition) -> dict:
    spans = {(s.story, s.element): s for s in edition.spans()}
    return {
        "source": edition.source,
        "script": edition.script,
        "stories": [
            {"id": st.id, "page": st.page, "section": st.section, "headline": st.headline,
             "elements": [{"kind": str(el.kind), "text": el.text, "start": spans[(si, ei)].start,
                           "end": spans[(si, ei)].end, "parts": list(el.parts),
                           **({"lines": list(el.lines)} if el.lines else {})}
                          for ei, el in enumerate(st.elements)]}
            for si, st in enumerate(edition.stories)],
        "fixes": [f.to_json() for f in edition.fixes],
    }


def run(args) -> int:
    edition = load_edition(args.input)
    if args.json:
        json.dump(edition_json(edition), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    out = []
    for st in edition.stories:
        where = " · ".join(x for x in (st.page, st.section) if x)
        out.append(f"== {st.id}: {st.headline}" + (f"  [{where}]" if where else ""))
        for el in st.elements:
            text = el.text if len(el.text) <= 60 else el.text[:58] + "……"
            mark = f" (+{len(el.parts) - 1} joined)" if el.is_joined else ""
            out.append(f"  {el.kind:<9} {text}{mark}")
        out.append("")
    joins = sum(1 for f in edition.fixes if f.kind == "join" and f.accepted)
    moves = sum(1 for f in edition.fixes if f.moved and f.accepted)
    doubts = [f for f in edition.fixes if f.doubtful and not f.accepted]
    for f in doubts:
        out.append(f"possible cut ({f.confidence:.0%}): …{f.before} ▸ {f.after}…  [{f.id}]")
    out.append(f"{len(edition.stories)} stories, {joins} split lines joined, {moves} interleaved groups moved out"
               + (f", {len(doubts)} possible cuts left for the editor" if doubts else ""))
    sys.stdout.write("\n".join(out) + "\n")
    return 0
