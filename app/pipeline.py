"""The front half of the pipeline: file → blocks → repair → structure → `Edition`.

`build_edition` is also how a repair is undone: rebuild from the same blocks with that
fix rejected (the GUI keeps the editor's text edits for elements whose blocks did not change).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from galley.app.model import Edition, RawBlock


def load_edition(path: str | Path, dehyphenate: bool = True) -> Edition:
    p = Path(path)
    if p.suffix.lower() == ".galley":
        from galley.app.project import load_project
        return load_project(p).edition
    from galley.app.importers import read_blocks
    return build_edition(read_blocks(p), source=str(p), dehyphenate=dehyphenate)


def edition_from_text(text: str, source: str | None = None, dehyphenate: bool = True) -> Edition:
    from galley.app.importers.text import read_text
    return build_edition(read_text(text), source=source, dehyphenate=dehyphenate)


def build_edition(blocks: list[RawBlock], rejected: Iterable[str] = (), source: str | None = None,
                  dehyphenate: bool = True, accepted: Iterable[str] = ()) -> Edition:
    """Repair and structure `blocks`. Fixes whose ids are in `rejected` are left unapplied; a
    possible cut (a doubtful join) is applied only when its id is in `accepted`.

    With `dehyphenate` False, line-end hyphens are proposed for removal but not removed
    (what `galley repair` prints changes only whitespace).
    """
    from galley.app.repair import assemble, plan_repairs
    from galley.app.repair.hyphen import plan_dehyphenation
    from galley.app.structure import build_stories

    fixes = plan_repairs(blocks)
    rejected, accepted = set(rejected), set(accepted)
    for f in fixes:
        f.accepted = f.id in accepted if f.doubtful else f.id not in rejected
    units = assemble(blocks, fixes)
    hyphens = plan_dehyphenation(blocks, units)
    for f in hyphens:
        f.accepted = dehyphenate and f.id not in rejected
    fixes += hyphens
    moved = frozenset(m for f in fixes if f.accepted for m in f.moved)
    stories = build_stories(blocks, units, moved,
                            frozenset(f.blocks for f in hyphens if f.accepted))
    return Edition(blocks=blocks, stories=stories, fixes=fixes, source=source)   # script: detected when read
