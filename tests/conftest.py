"""Shared test fixtures. Third-party text is read from ../shared, never copied here."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_e7e65077cf72d160.txt"
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"


_SAVED_TEMP: list = []


def pytest_configure(config):
    """The session's temporary files go to a folder of its own, removed at the end, in this
    process and in the CLI processes the tests start (a project lock's guard file, one per
    project folder, is otherwise kept for good in the temporary folder)."""
    folder = tempfile.mkdtemp(prefix="galley-tests-")
    _SAVED_TEMP[:] = [folder, os.environ.get("TMPDIR"), tempfile.tempdir]
    os.environ["TMPDIR"], tempfile.tempdir = folder, folder


def pytest_unconfigure(config):
    if not _SAVED_TEMP:
        return
    folder, env, cached = _SAVED_TEMP
    if env is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = env
    tempfile.tempdir = cached
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def seed_path(shared_dir) -> Path:
    return SEED
