"""Placeholder: one story of body paragraphs (replaced by the real classifier)."""
from __future__ import annotations

from app.model import Element, Kind, RawBlock, Story, join_parts


def build_stories(blocks: list[RawBlock], units: list[tuple[int, ...]]) -> list[Story]:
    els = [Element(Kind.BODY, join_parts([blocks[i].text for i in u]), tuple(u)) for u in units]
    return [Story("s1", els)] if els else []


def detect_script(text: str) -> str:
    return "simplified"
