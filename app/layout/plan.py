"""The placement plan: which story goes where (page, columns, grid lines), as JSON.

Automatic placement (place.py) produces one; `galley export --plan PLAN.json` reads one; the
GUI writes one when the layout editor moves modules. A story may have several placements in
order: its text threads from the first module into the next (a jump to a later page).

    {"format": "galley-plan", "version": 1, "layout": "broadsheet",
     "pages": [{"number": 1, "label": "第1版"}],
     "modules": [{"story": "s1", "page": 1, "column": 0, "columns": 8, "line": 0, "lines": 40,
                  "sidebar_columns": 0}]}
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.errors import GalleyError
from app.fsutil import write_text

FORMAT = "galley-plan"
VERSION = 1


@dataclass
class Placement:
    story: str
    page: int                  # 1-based
    column: int                # first column, 0-based
    columns: int
    line: int                  # first grid line, 0-based
    lines: int
    sidebar_columns: int = 0   # columns on the module's right kept for the story's sidebar (0: inline)


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
                "modules": [asdict(m) for m in self.modules]}

    @classmethod
    def from_json(cls, data: dict, path: str | None = None) -> Plan:
        if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
            raise GalleyError("not a Galley placement plan", path)
        if int(data.get("version", 1)) > VERSION:
            raise GalleyError(f"placement plan version {data.get('version')} is newer than this Galley", path)
        try:
            pages = data.get("pages", [])
            labels = {int(p["number"]): str(p.get("label", "")) for p in pages}
            modules = [Placement(story=str(m["story"]), page=int(m["page"]), column=int(m["column"]),
                                 columns=int(m["columns"]), line=int(m["line"]), lines=int(m["lines"]),
                                 sidebar_columns=int(m.get("sidebar_columns", 0)))
                       for m in data.get("modules", [])]
        except (KeyError, TypeError, ValueError) as exc:
            raise GalleyError(f"placement plan: bad module entry ({exc})", path) from None
        return cls(layout=str(data.get("layout", "")), pages=max([len(pages), *[m.page for m in modules]]),
                   labels=labels, modules=modules)

    def validate(self, grid, story_ids=None, path: str | None = None) -> None:
        """Every module fits the grid and, when `story_ids` is given, names a story of the edition."""
        if story_ids is not None:
            unknown = sorted({m.story for m in self.modules} - set(story_ids))
            if unknown:
                raise GalleyError(f"placement plan names stories the edition does not have: {', '.join(unknown)}",
                                  path)
        for m in self.modules:
            if (m.page < 1 or m.column < 0 or m.columns < 1 or m.column + m.columns > grid.columns
                    or m.line < 0 or m.lines < 1 or m.line + m.lines > grid.lines
                    or not 0 <= m.sidebar_columns < m.columns):
                raise GalleyError(f"placement plan: module of story {m.story} on page {m.page} does not fit "
                                  f"the {grid.name} grid ({grid.columns} columns, {grid.lines} lines)", path)


def load_plan(path: str | Path) -> Plan:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GalleyError(f"cannot read the placement plan: {exc.strerror or exc}", str(p)) from None
    except UnicodeDecodeError:
        raise GalleyError("the placement plan is not UTF-8 text", str(p)) from None
    except json.JSONDecodeError as exc:
        raise GalleyError(f"the placement plan is not valid JSON (line {exc.lineno})", str(p)) from None
    return Plan.from_json(data, str(p))


def save_plan(plan: Plan, path: str | Path) -> None:
    write_text(path, json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n")
