"""Helpers for the proof tests: findings of one rule on an invented paragraph."""
from __future__ import annotations

import pytest

from galley.app.proof import check_paragraph


def hits(text: str, rule: str, **kw) -> list:
    return [f for f in check_paragraph(text, rules=[rule], **kw) if f.rule == rule]


@pytest.fixture
def find():
    return hits
