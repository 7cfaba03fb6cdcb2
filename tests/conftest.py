"""Shared test fixtures. Third-party text is read from ../shared, never copied here."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_e7e65077cf72d160.txt"
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def seed_path(shared_dir) -> Path:
    return SEED
