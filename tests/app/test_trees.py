"""The compiled code of boosted trees is cached, and the cache keeps only what is in use."""
from __future__ import annotations

import os
import time

from galley.app import trees as T


def test_compiled_code_is_cached_and_stale_models_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path)
    stale = tmp_path / "trees-cpython-311-0123456789abcdef0123.marshal"
    recent = tmp_path / "trees-cpython-311-fedcba9876543210fedc.marshal"
    other = tmp_path / "jieba.cache"
    for p in (stale, recent, other):
        p.write_bytes(b"x")
    old = time.time() - (T.KEEP_DAYS + 1) * T.DAY
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    model = T.Trees(["a"], 0.5, [[[0, 0.5, 1, 2], [-1, -1.0], [-1, 1.0]]])
    got = model.margin({"a": 1.0})
    cached = [p for p in tmp_path.glob("trees-*.marshal") if p not in (stale, recent)]
    assert len(cached) == 1                      # this model's code, written
    assert not stale.exists() and recent.exists() and other.exists()
    # read back from the cache by a fresh object: the same margin
    again = T.Trees(["a"], 0.5, [[[0, 0.5, 1, 2], [-1, -1.0], [-1, 1.0]]])
    assert got == 1.5
    assert again.margin({"a": 1.0}) == got and again.margin({"a": 0.0}) == -0.5
