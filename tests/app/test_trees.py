"""The compiled code of boosted trees is cached, and the cache keeps only what is in use."""
from __future__ import annotations

from galley.app import trees as T


def test_compiled_code_is_cached_and_read_back(tmp_path, monkeypatch):
    """The code is kept in the cache folder (galley.app.cache, which also prunes the code of
    models no longer in use) and a fresh object of the same trees reads it, not compiling again."""
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path)
    model = T.Trees(["a"], 0.5, [[[0, 0.5, 1, 2], [-1, -1.0], [-1, 1.0]]])
    got = model.margin({"a": 1.0})
    assert len(list(tmp_path.glob("trees-*.cache"))) == 1      # this model's code, written

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again")
    monkeypatch.setattr(T.Trees, "_code", no_compile)
    again = T.Trees(["a"], 0.5, [[[0, 0.5, 1, 2], [-1, -1.0], [-1, 1.0]]])
    assert got == 1.5
    assert again.margin({"a": 1.0}) == got and again.margin({"a": 0.0}) == -0.5


def test_trees_of_a_file_are_compiled_once_and_kept(tmp_path, monkeypatch):
    import json
    import random
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path / "cache")
    model = T.Trees(["a", "b"], 0.25, [[[0, 0.5, 1, 2], [-1, -1.0], [1, -2.0, 3, 4], [-1, 0.5], [-1, 2.0]],
                                       [[1, 1.5, 1, 2], [-1, 0.125], [-1, -0.75]]])
    path = tmp_path / "trees.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    names, margin = T.margin_of_file(path)
    assert names == ["a", "b"]
    rng = random.Random(3)
    xs = [{"a": rng.uniform(-1, 2), "b": rng.uniform(-4, 3)} for _ in range(200)] + [{}, {"a": 0.5, "b": -2.0}]
    assert [margin(x) for x in xs] == [model.margin(x) for x in xs]
    (kept,) = (tmp_path / "cache").glob("trees_json-*.cache")

    def no_json(*args, **kwargs):
        raise AssertionError("the file was parsed again")
    monkeypatch.setattr(json, "loads", no_json)
    names, again = T.margin_of_file(path)               # from the cache folder: no parsing
    assert [again(x) for x in xs] == [model.margin(x) for x in xs]
    monkeypatch.undo()
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path / "cache")
    kept.write_bytes(kept.read_bytes()[:40])             # damaged: compiled again
    names, third = T.margin_of_file(path)
    assert [third(x) for x in xs] == [model.margin(x) for x in xs]
    path.write_text(json.dumps({**model.to_json(), "base": 1.25}), encoding="utf-8")   # refitted: new code
    _, refit = T.margin_of_file(path)
    assert refit({}) == model.margin({}) + 1.0


def test_the_misused_scorer_from_its_file_is_the_compiled_trees():
    import json
    import random

    from galley.app.proof import misused
    fitted = json.loads(misused.TREES.read_text(encoding="utf-8"))
    names, margin = T.margin_of_file(misused.TREES)
    model = T.Trees.from_json(fitted)
    rng = random.Random(12)
    for _ in range(300):
        x = {n: rng.choice([0.0, 1.0, rng.uniform(-10, 10)]) for n in names}
        assert margin(x) == model.margin(x)
