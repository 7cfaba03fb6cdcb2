"""The placement plan: which story goes where (page, columns, grid lines), as JSON.

Automatic placement (place.py) produces one; `galley export --plan PLAN.json` reads one; the
GUI writes one when the layout editor moves modules. A story may have several placements in
order: its text threads from the first module into the next (a jump to a later page).

    {"format": "galley-plan", "version": 1, "layout": "broadsheet",
     "pages": [{"number": 1, "label": "第1版"}],
     "modules": [{"story": "s1", "page": 1, "column": 0, "columns": 8, "line": 0, "lines": 40,
                  "sidebar_columns": 0},
                 {"story": "ad1.1", "kind": "ad", "label": "广告", "page": 1, "column": 0, "columns": 8,
                  "line": 90, "lines": 12}]}

A module is a story's (the default) or a frame of its own: an ad frame (`"kind": "ad"`, the space
booked for an advertisement, drawn as a labelled frame for the ad to be dropped into) or a picture
frame (`"kind": "picture"`). Such a frame's `story` is its own id, not a story of the edition.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeGuard

from galley.app import limits
from galley.app.errors import GalleyError
from galley.app.fsutil import write_text

FORMAT = "galley-plan"
VERSION = 1
_MAX_GRID = 10_000          # columns or grid lines: far past any page
KINDS = ("story", "ad", "picture")


def _is_int(v: object) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _show(v) -> str:
    text = repr(v) if not _is_int(v) or abs(v) < 10**12 else "a huge number"
    return text if len(text) <= 40 else text[:37] + "..."


def _page(number: object, path: str | None) -> int:
    """The page number, checked."""
    if not _is_int(number) or not 1 <= number <= limits.MAX_PLAN_PAGES:
        raise GalleyError(f"placement plan: page {_show(number)} is not a page number from 1 to "
                          f"{limits.MAX_PLAN_PAGES}", path)
    return number


@dataclass
class Placement:
    story: str
    page: int                  # 1-based
    column: int                # first column, 0-based
    columns: int
    line: int                  # first grid line, 0-based
    lines: int
    sidebar_columns: int = 0   # columns on the module's right kept for the story's sidebar (0: inline)
    kind: str = "story"        # "story", or a frame of its own: "ad", "picture" (see the module docstring)
    label: str = ""            # what an ad or picture frame says (广告, the picture's caption)

    @property
    def is_story(self) -> bool:
        return self.kind == "story"


@dataclass
class Plan:
    layout: str = ""
    pages: int = 0
    labels: dict[int, str] = field(default_factory=dict)     # page number -> folio label
    modules: list[Placement] = field(default_factory=list)

    def for_story(self, story_id: str) -> list[Placement]:
        return [m for m in self.modules if m.story == story_id]

    def to_json(self) -> dict:
        n = max([self.pages, *[m.page for m in self.modules]])
        return {"format": FORMAT, "version": VERSION, "layout": self.layout,
                "pages": [{"number": i, "label": self.labels.get(i, "")} for i in range(1, n + 1)],
                "modules": [_module_json(m) for m in self.modules]}

    @classmethod
    def from_json(cls, data: dict, path: str | None = None) -> Plan:
        """A plan from its JSON, every value checked (a plan may be hand-made): a bad one is a
        `GalleyError` naming what is wrong, and no plan names more than `MAX_PLAN_PAGES` pages."""
        if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
            raise GalleyError("not a Galley placement plan", path)
        version = data.get("version", 1)
        if not _is_int(version) or version < 1:
            raise GalleyError(f"placement plan: the version is not a positive whole number ({_show(version)})", path)
        if version > VERSION:
            raise GalleyError(f"placement plan version {version} is newer than this Galley", path)
        pages, modules = data.get("pages", []), data.get("modules", [])
        layout = data.get("layout", "")
        if not isinstance(pages, list) or not isinstance(modules, list) or not isinstance(layout, str):
            raise GalleyError("placement plan: pages and modules must be lists, layout a name", path)
        if len(pages) > limits.MAX_PLAN_PAGES:
            raise GalleyError(f"placement plan: too many pages ({len(pages):,}; at most {limits.MAX_PLAN_PAGES:,})",
                              path)
        if len(modules) > limits.MAX_PLAN_MODULES:
            raise GalleyError(f"placement plan: too many modules ({len(modules):,}; at most "
                              f"{limits.MAX_PLAN_MODULES:,})", path)
        labels: dict[int, str] = {}
        for p in pages:
            number = p.get("number") if isinstance(p, dict) else None
            label = p.get("label", "") if isinstance(p, dict) else None
            number = _page(number, path)
            if not isinstance(label, str):
                raise GalleyError(f"placement plan: page {_show(number)} has a label that is not text", path)
            labels[number] = label
        placed = []
        for m in modules:
            if not isinstance(m, dict) or not isinstance(m.get("story"), str):
                raise GalleyError(f"placement plan: bad module entry ({_show(m)})", path)
            values: dict[str, int] = {}
            for name in ("page", "column", "columns", "line", "lines", "sidebar_columns"):
                v = m.get(name, 0 if name == "sidebar_columns" else None)
                if name == "page":
                    v = _page(v, path)
                elif not _is_int(v) or not 0 <= v <= _MAX_GRID:
                    raise GalleyError(f"placement plan: module of story {m['story'][:40]} has a bad {name} "
                                      f"({_show(v)})", path)
                values[name] = v
            kind, label = m.get("kind", "story"), m.get("label", "")
            if kind not in KINDS or not isinstance(label, str):
                raise GalleyError(f"placement plan: module {m['story'][:40]} has a bad kind or label ({_show(kind)})",
                                  path)
            placed.append(Placement(story=m["story"], **values, kind=kind, label=label))
        return cls(layout=layout, pages=max([0, *labels, *[m.page for m in placed]]), labels=labels, modules=placed)

    def validate(self, grid, story_ids=None, path: str | None = None) -> None:
        """Every module fits the grid and, when `story_ids` is given, names a story of the edition."""
        if story_ids is not None:
            unknown = sorted({m.story for m in self.modules if m.is_story} - set(story_ids))
            if unknown:
                raise GalleyError(f"placement plan names stories the edition does not have: {', '.join(unknown)}",
                                  path)
        for m in self.modules:
            if (m.page < 1 or m.column < 0 or m.columns < 1 or m.column + m.columns > grid.columns
                    or m.line < 0 or m.lines < 1 or m.line + m.lines > grid.lines
                    or not 0 <= m.sidebar_columns < m.columns):
                raise GalleyError(f"placement plan: module of story {m.story} on page {m.page} does not fit "
                                  f"the {grid.name} grid ({grid.columns} columns, {grid.lines} lines)", path)


def _module_json(m: Placement) -> dict:
    out = asdict(m)
    if m.is_story:            # a story's module reads as it always has
        del out["kind"], out["label"]
    return out


_MAX_PLAN_BYTES = 16 * 1024 * 1024


def load_plan(path: str | Path) -> Plan:
    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size > _MAX_PLAN_BYTES:
            raise GalleyError(f"the placement plan is too large (at most {_MAX_PLAN_BYTES // 2**20} MB)", str(p))
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GalleyError(f"cannot read the placement plan: {exc.strerror or exc}", str(p)) from None
    except UnicodeDecodeError:
        raise GalleyError("the placement plan is not UTF-8 text", str(p)) from None
    except json.JSONDecodeError as exc:
        raise GalleyError(f"the placement plan is not valid JSON (line {exc.lineno})", str(p)) from None
    except RecursionError:
        raise GalleyError("the placement plan is nested too deeply", str(p)) from None
    except ValueError:              # a number too long to read
        raise GalleyError("the placement plan holds a number too long to read", str(p)) from None
    return Plan.from_json(data, str(p))


def save_plan(plan: Plan, path: str | Path) -> None:
    write_text(path, json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n")
