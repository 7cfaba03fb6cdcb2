"""Placeholder: every block stands alone (replaced by the real joiner)."""
from __future__ import annotations

from app.model import Fix, RawBlock


def plan_repairs(blocks: list[RawBlock]) -> list[Fix]:
    return []


def assemble(blocks: list[RawBlock], fixes: list[Fix]) -> list[tuple[int, ...]]:
    return [(b.index,) for b in blocks]
