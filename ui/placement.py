"""Placement plans as the page view edits them: put a story in a module, move or resize one.

A plan is the JSON `app.layout.plan` reads: pages, each with the modules placed on it
(story id, first column, columns, first grid line, lines). These helpers only rewrite
that JSON; layout does the rest.
"""
from __future__ import annotations

import copy


def plan_from_paged(paged, grid) -> dict:
    """The placement automatic layout chose, as an explicit plan."""
    try:
        from app.layout import plan as plan_mod
        if hasattr(plan_mod, "plan_from_document"):
            return plan_mod.plan_from_document(paged)
    except ImportError:
        pass
    return {"layout": getattr(grid, "name", None),
            "pages": [{"number": p.number,
                       "modules": [{"story": m.story, "column": m.column, "columns": m.columns, "line": m.line,
                                    "lines": m.lines} for m in p.modules]}
                      for p in (paged.pages if paged else [])]}


def _page(plan: dict, number: int) -> dict:
    pages = plan.setdefault("pages", [])
    for p in pages:
        if p.get("number") == number:
            return p
    p = {"number": number, "modules": []}
    pages.append(p)
    pages.sort(key=lambda p: p.get("number", 0))
    return p


def set_module(plan: dict, page: int, story: str, column: int, columns: int, line: int, lines: int) -> dict:
    """Move or resize `story`'s module on `page` (the story is taken off any other page)."""
    plan = copy.deepcopy(plan)
    for p in plan.get("pages", []):
        p["modules"] = [m for m in p.get("modules", []) if not (m.get("story") == story and p.get("number") != page)]
    pg = _page(plan, page)
    mod = next((m for m in pg["modules"] if m.get("story") == story), None)
    if mod is None:
        mod = {"story": story}
        pg["modules"].append(mod)
    mod.update({"column": column, "columns": columns, "line": line, "lines": lines})
    return plan


def place_story(plan: dict, page: int, story: str, column: int, columns: int, line: int, lines: int,
                replace: str | None = None) -> dict:
    """Put `story` in the module at (column, line) of `page`; the story that was there (`replace`)
    goes where `story` was, or is left for automatic placement."""
    plan = copy.deepcopy(plan)
    old = None
    for p in plan.get("pages", []):
        for m in p.get("modules", []):
            if m.get("story") == story:
                old = (p.get("number"), dict(m))
        p["modules"] = [m for m in p.get("modules", []) if m.get("story") != story]
    pg = _page(plan, page)
    if replace is not None:
        pg["modules"] = [m for m in pg["modules"] if m.get("story") != replace]
        if old is not None:
            op, om = old
            om["story"] = replace
            _page(plan, op)["modules"].append(om)
    pg["modules"].append({"story": story, "column": column, "columns": columns, "line": line, "lines": lines})
    return plan
