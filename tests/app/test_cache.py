"""Derived data kept in the cache folder: built once, read back, rebuilt when damaged, and built
each time when the folder cannot be written."""
from __future__ import annotations

import os
import tempfile
import time

import pytest

from galley.app import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: where)
    return where


class Builder:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


VALUE = ("数据", b"\x00\x01", [1, 2, 3], {"词": 5})


def test_built_once_then_read_back(folder):
    build = Builder(VALUE)
    assert cache.cached("demo", "v1", build) == VALUE
    assert cache.cached("demo", "v1", build) == VALUE
    assert build.calls == 1
    (kept,) = folder.glob("demo-*.cache")
    assert not list(folder.glob(".*.tmp"))          # written through a temporary file, renamed
    assert cache.read(kept) == VALUE


def test_another_key_is_another_file(folder):
    build = Builder(VALUE)
    cache.cached("demo", "v1", build)
    cache.cached("demo", "v2", build)
    assert build.calls == 2 and len(list(folder.glob("demo-*.cache"))) == 2


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_a_damaged_file_is_built_again_and_replaced(folder, damage):
    build = Builder(VALUE)
    cache.cached("demo", "v1", build)
    path = cache.path_for("demo", "v1")
    raw = bytearray(path.read_bytes())
    if damage == "flip":
        raw[-3] ^= 0xFF
    elif damage == "truncate":
        raw = raw[:len(raw) // 2]
    elif damage == "empty":
        raw = bytearray()
    else:
        raw = bytearray(b"not a cache file at all")
    path.write_bytes(bytes(raw))
    assert cache.cached("demo", "v1", build) == VALUE
    assert build.calls == 2
    assert cache.read(path) == VALUE                # written over with a good copy


def test_a_value_its_reader_rejects_is_built_again(folder):
    def unpack(value):
        if value != "good":
            raise ValueError("not the shape I write")
        return value.upper()

    path = cache.path_for("demo", "v1")
    assert cache.write(path, ("an", "older", "shape"))
    build = Builder("good")
    assert cache.cached("demo", "v1", build, unpack) == "GOOD"
    assert build.calls == 1
    assert cache.cached("demo", "v1", build, unpack) == "GOOD"
    assert build.calls == 1


def test_a_folder_that_cannot_be_written_means_building_each_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: blocker / "cache")   # under a file
    build = Builder(VALUE)
    assert cache.cached("demo", "v1", build) == VALUE
    assert cache.cached("demo", "v1", build) == VALUE
    assert build.calls == 2


def test_a_read_only_folder_means_building_each_time(folder, monkeypatch):
    folder.mkdir()

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    build = Builder(VALUE)
    assert cache.cached("demo", "v1", build) == VALUE
    assert cache.cached("demo", "v1", build) == VALUE
    assert build.calls == 2
    assert list(folder.iterdir()) == []


def test_a_failed_rename_leaves_no_temporary_file(folder, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "replace", refuse)
    assert not cache.write(cache.path_for("demo", "v1"), VALUE)
    assert list(folder.iterdir()) == []


def test_no_cache_folder_at_all(monkeypatch):
    def no_platformdirs():
        raise ImportError("platformdirs")
    monkeypatch.setattr("galley.app.settings.cache_dir", no_platformdirs)
    build = Builder(VALUE)
    assert cache.path_for("demo", "v1") is None
    assert cache.cached("demo", "v1", build) == cache.cached("demo", "v1", build) == VALUE
    assert build.calls == 2


def test_files_of_the_same_kind_unused_for_a_month_are_removed(folder):
    folder.mkdir()
    stale = folder / "demo-cpython-311-0123456789abcdef0123.cache"
    recent = folder / "demo-cpython-311-fedcba9876543210fedc.cache"
    other = folder / "other-cpython-311-0123456789abcdef0123.cache"
    for p in (stale, recent, other):
        p.write_bytes(b"x")
    old = time.time() - (cache.KEEP_DAYS + 1) * cache.DAY
    for p in (stale, other):
        os.utime(p, (old, old))
    cache.cached("demo", "v1", Builder(VALUE))
    assert not stale.exists() and recent.exists() and other.exists()


def test_reading_marks_a_file_in_use(folder):
    cache.cached("demo", "v1", Builder(VALUE))
    path = cache.path_for("demo", "v1")
    old = time.time() - 3 * cache.DAY
    os.utime(path, (old, old))
    cache.cached("demo", "v1", Builder(VALUE))
    assert time.time() - path.stat().st_mtime < cache.DAY


def test_files_key_changes_with_a_files_size_or_date(tmp_path):
    f = tmp_path / "data.txt"
    f.write_text("a")
    first = cache.files_key([f])
    f.write_text("ab")
    assert cache.files_key([f]) != first
    assert cache.files_key([tmp_path / "missing"]).endswith(":-")
