"""Placement plans as the page view edits them: put a story in a module, move or resize one.

A plan is the JSON of `app.layout.plan.Plan` (`{"format": "galley-plan", "layout", "pages",
"modules": [{story, page, column, columns, line, lines, sidebar_columns}]}`), kept in the
project as is. These helpers only rewrite that JSON; layout does the rest.
"""
from __future__ import annotations

import copy


def plan_from_paged(paged, grid) -> dict:
    """The placement the layout used (automatic placement made explicit), as plan JSON."""
    plan = getattr(paged, "plan", None)
    if plan is not None and hasattr(plan, "to_json"):
        return plan.to_json()
    modules = [{"story": m.story, "page": p.number, "column": m.column, "columns": m.columns, "line": m.line,
                "lines": m.lines, "sidebar_columns": 0} for p in (paged.pages if paged else []) for m in p.modules]
    return {"format": "galley-plan", "version": 1, "layout": getattr(grid, "name", ""),
            "pages": [{"number": p.number, "label": p.label} for p in (paged.pages if paged else [])],
            "modules": modules}


def plan_object(plan: dict | None):
    """Plan JSON → `app.layout.plan.Plan` (None stays None: automatic placement)."""
    if not plan:
        return None
    from galley.app.layout.plan import Plan
    return Plan.from_json(plan)


def _ensure_page(plan: dict, page: int) -> None:
    pages = plan.setdefault("pages", [])
    if not any(p.get("number") == page for p in pages):
        pages.append({"number": page, "label": ""})
        pages.sort(key=lambda p: p.get("number", 0))


def set_module(plan: dict, page: int, story: str, column: int, columns: int, line: int, lines: int) -> dict:
    """Move or resize `story`'s module on `page` (its first module there; others stay)."""
    plan = copy.deepcopy(plan)
    mods = plan.setdefault("modules", [])
    mod = next((m for m in mods if m.get("story") == story and m.get("page") == page), None)
    if mod is None:
        mod = {"story": story, "page": page, "sidebar_columns": 0}
        mods.append(mod)
    mod.update({"column": column, "columns": columns, "line": line, "lines": lines})
    if mod.get("sidebar_columns", 0) >= columns:
        mod["sidebar_columns"] = 0
    _ensure_page(plan, page)
    return plan


def place_story(plan: dict, page: int, story: str, column: int, columns: int, line: int, lines: int,
                replace: str | None = None) -> dict:
    """Put `story` in the module at (column, line) of `page`. The story that was there (`replace`)
    takes `story`'s old place when it had one; otherwise it is left out of the plan."""
    plan = copy.deepcopy(plan)
    mods = plan.setdefault("modules", [])
    old = [m for m in mods if m.get("story") == story]
    mods[:] = [m for m in mods if m.get("story") != story]
    if replace is not None:
        theirs = [m for m in mods if m.get("story") == replace and m.get("page") == page]
        mods[:] = [m for m in mods if not (m.get("story") == replace and m.get("page") == page)]
        for m in old:
            mods.append({**m, "story": replace})
        if not old:
            del theirs
    mods.append({"story": story, "page": page, "column": column, "columns": columns, "line": line, "lines": lines,
                 "sidebar_columns": 0})
    _ensure_page(plan, page)
    return plan


class Collision(Exception):
    """A module cannot go where it was put without overlapping one that cannot make room."""

    def __init__(self, story: str):
        super().__init__(story)
        self.story = story


def _overlap(a: dict, b: dict) -> bool:
    return (a.get("page") == b.get("page")
            and a["column"] < b["column"] + b["columns"] and b["column"] < a["column"] + a["columns"]
            and a["line"] < b["line"] + b["lines"] and b["line"] < a["line"] + a["lines"])


def overlapping(plan: dict) -> list[tuple[str, str]]:
    """Pairs of stories whose modules overlap on a page (none in a plan the page view wrote)."""
    mods = [m for m in plan.get("modules", []) if {"column", "columns", "line", "lines"} <= m.keys()]
    return [(a["story"], b["story"]) for i, a in enumerate(mods) for b in mods[i + 1:] if _overlap(a, b)]


def settle(plan: dict, page: int, story: str, lines: int) -> dict:
    """Make room for `story`'s module on `page` (just moved, resized or dropped): every module it
    overlaps is pushed down below it, and so on down the page. Raises `Collision` naming the
    story that would be pushed past the foot (`lines` grid lines); the plan is not changed then."""
    plan = copy.deepcopy(plan)
    mods = plan.get("modules", [])
    mover = next((m for m in mods if m.get("story") == story and m.get("page") == page), None)
    if mover is None:
        return plan
    if mover["line"] + mover["lines"] > lines:
        raise Collision(story)
    queue = [mover]
    while queue:
        m = queue.pop(0)
        for o in mods:
            if o is m or o is mover or o.get("page") != page or not _overlap(m, o):
                continue
            o["line"] = m["line"] + m["lines"]
            if o["line"] + o["lines"] > lines:
                raise Collision(o["story"])
            queue.append(o)
    return plan


def free_lines_below(plan: dict, page: int, story: str, column: int, columns: int, line: int, lines: int) -> int:
    """How many of `lines` grid lines from (column, line) down are free of other stories' modules."""
    for m in plan.get("modules", []):
        if m.get("page") != page or m.get("story") == story:
            continue
        if column < m["column"] + m["columns"] and m["column"] < column + columns and m["line"] >= line:
            lines = min(lines, m["line"] - line)
    return lines
