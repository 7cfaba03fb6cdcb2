"""Boosted regression trees read from data (JSON) and run as compiled Python: the seam model of
split-line repair (`galley.app.repair.model`) and the scorer of `words.misused`
(`galley.app.proof.misused`). Their fits live in the tools that write them (bench/repair_fit.py,
tools/fit_misused.py); Galley only evaluates them."""
from __future__ import annotations

import hashlib
import math
import types
from collections.abc import Callable
from pathlib import Path


class Trees:
    """Boosted regression trees: a margin (log-odds) from a feature dict.

    Each tree is a flat list of nodes: `[feature, threshold, left, right]` (go left when the
    feature is below the threshold) or `[-1, value]` for a leaf.
    """

    def __init__(self, names: list[str], base: float, trees: list[list[list[float]]]):
        self.names, self.base, self.trees = names, base, trees
        self._margin: Callable[[dict[str, float]], float] | None = None

    def margin(self, x: dict[str, float]) -> float:
        if self._margin is None:
            self._margin = self._compile()
        return self._margin(x)

    def _compile(self) -> Callable[[dict[str, float]], float]:
        """`margin` as one Python function: each tree a nest of `if`s over the features it reads
        (each read from the dict once), the leaves added in the trees' order from `base` — the
        same comparisons and the same sum as walking the nodes, several times faster. Compiled
        once per model and interpreter; the code is kept in the cache folder (compiling takes a
        hundredth of a second for the seam model's trees, a tenth for the misused-character scorer's)."""
        from galley.app import cache
        source = self._source()
        return cache.cached("trees", source, lambda: self._code(source), _checked_function)

    def _code(self, source: str | None = None):
        return compile(self._source() if source is None else source, f"<trees {len(self.trees)}>", "exec")

    def _source(self) -> str:
        used: dict[str, str] = {}
        for tree in self.trees:
            for nd in tree:
                if nd[0] >= 0:
                    used.setdefault(self.names[int(nd[0])], f"f{len(used)}")
        lines = ["def margin(x):", "    get = x.get"]
        lines += [f"    {var} = get({name!r}, 0.0)" for name, var in used.items()]
        lines.append(f"    s = {float(self.base)!r}")

        def emit(tree: list[list[float]], k: int, pad: str) -> None:
            nd = tree[k]
            if nd[0] < 0:
                lines.append(f"{pad}s += {float(nd[1])!r}")
                return
            lines.append(f"{pad}if {used[self.names[int(nd[0])]]} < {float(nd[1])!r}:")
            emit(tree, int(nd[2]), pad + "    ")
            lines.append(f"{pad}else:")
            emit(tree, int(nd[3]), pad + "    ")

        for tree in self.trees:
            emit(tree, 0, "    ")
        lines.append("    return s")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"names": self.names, "base": self.base, "trees": self.trees}

    @classmethod
    def from_json(cls, d: dict) -> Trees:
        return cls(list(d["names"]), float(d["base"]), d["trees"])


def _checked_function(code) -> Callable[[dict[str, float]], float]:
    if not isinstance(code, types.CodeType):
        raise TypeError("not compiled trees")
    return _function(code)


def _function(code) -> Callable[[dict[str, float]], float]:
    scope: dict = {"inf": math.inf, "nan": math.nan}     # how repr writes those floats
    exec(code, scope)  # noqa: S102 - code generated from a model's numbers (Trees._source)
    return scope["margin"]


JSON_FORMAT = 1        # bump when the code made from a file changes: the kept copies are set aside


def margin_of_file(path: Path) -> tuple[list[str], Callable[[dict[str, float]], float]]:
    """The feature names and the compiled `margin` of trees kept as JSON at `path` (`Trees.to_json`).

    The names and the code are kept in the cache folder (galley.app.cache) under a digest of the
    file's bytes and the interpreter's bytecode tag, so a start that finds them there neither
    parses the JSON (the misused-character scorer's is a quarter of a megabyte of numbers) nor
    writes out the source again: 0.3 G instructions of a cold check. The same code as
    `Trees.margin` compiles."""
    import json

    from galley.app import cache
    raw = path.read_bytes()
    key = f"{JSON_FORMAT}\n{hashlib.sha1(raw, usedforsecurity=False).hexdigest()}"

    def build() -> tuple[list[str], object]:
        model = Trees.from_json(json.loads(raw))
        return model.names, model._code()

    def unpack(value) -> tuple[list[str], Callable[[dict[str, float]], float]]:
        names, code = value
        if not all(isinstance(n, str) for n in names):
            raise TypeError("not the trees' names")
        return list(names), _checked_function(code)

    return cache.cached("trees_json", key, build, unpack)
