"""The front half of the pipeline: file → blocks → repair → structure → `Edition`.

`build_edition` is also how a repair is undone: rebuild from the same blocks with that
fix rejected (the GUI keeps the editor's text edits for elements whose blocks did not change).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.model import Edition, RawBlock


def load_edition(path: str | Path) -> Edition:
    p = Path(path)
    if p.suffix.lower() == ".galley":
        from app.project import load_project
        return load_project(p).edition
    from app.importers import read_blocks
    return build_edition(read_blocks(p), source=str(p))


def edition_from_text(text: str, source: str | None = None) -> Edition:
    from app.importers.text import read_text
    return build_edition(read_text(text), source=source)


def build_edition(blocks: list[RawBlock], rejected: Iterable[str] = (), source: str | None = None) -> Edition:
    from app.repair import assemble, plan_repairs
    from app.structure import build_stories, detect_script

    fixes = plan_repairs(blocks)
    rejected = set(rejected)
    for f in fixes:
        f.accepted = f.id not in rejected
    units = assemble(blocks, fixes)
    moved = frozenset(m for f in fixes if f.accepted for m in f.moved)
    stories = build_stories(blocks, units, moved)
    return Edition(blocks=blocks, stories=stories, fixes=fixes, source=source,
                   script=detect_script("".join(b.text for b in blocks[:400])))
