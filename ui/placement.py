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
        if all(m.get("kind", "story") == "story" for m in theirs):
            for m in old:
                mods.append({**m, "story": replace})
        # an ad or picture frame the story is dropped on gives its place up to the story
    mods.append({"story": story, "page": page, "column": column, "columns": columns, "line": line, "lines": lines,
                 "sidebar_columns": 0})
    _ensure_page(plan, page)
    return plan


def add_frame(plan: dict, page: int, kind: str, label: str, column: int, columns: int, line: int,
              lines: int) -> tuple[dict, str]:
    """A picture or ad frame (`kind`) of its own on `page`, labelled (a picture's caption, an ad's
    广告); returns the plan and the frame's id (pic3.1, ad3.2: unique in the plan)."""
    if kind not in ("picture", "ad"):
        raise ValueError(f"not a frame kind: {kind}")
    plan = copy.deepcopy(plan)
    mods = plan.setdefault("modules", [])
    prefix = f"{'pic' if kind == 'picture' else 'ad'}{page}."
    taken = {m.get("story") for m in mods}
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    fid = f"{prefix}{n}"
    mods.append({"story": fid, "kind": kind, "label": label, "page": page, "column": column, "columns": columns,
                 "line": line, "lines": lines, "sidebar_columns": 0})
    _ensure_page(plan, page)
    return plan, fid


MIN_MODULE_LINES = 3


def make_room(plan: dict, page: int, frame: str) -> dict:
    """Room for a new frame inside what the page already holds, as a layout editor makes it when
    a picture goes into a story: each module the frame covers gets shallower — it ends above the
    frame, or starts below it when more of it is left so — and its text that no longer fits is
    overset, shown as such, for the desk to cut. An ad or picture
    frame covered goes. Raises `Collision` naming a story that would be left fewer than
    `MIN_MODULE_LINES` lines; the plan is not changed then."""
    plan = copy.deepcopy(plan)
    mods = plan.get("modules", [])
    new = next((m for m in mods if m.get("story") == frame and m.get("page") == page), None)
    if new is None:
        return plan
    top, foot = new["line"], new["line"] + new["lines"]
    for o in list(mods):
        if o is new or o.get("page") != page or not _overlap(new, o):
            continue
        o_top, o_foot = o["line"], o["line"] + o["lines"]
        if top - o_top >= o_foot - foot:
            o["lines"] = top - o_top                    # it ends above the frame
        else:
            o["line"], o["lines"] = foot, o_foot - foot  # it starts below: more of it is left so
        if o["lines"] < (1 if o.get("kind", "story") != "story" else MIN_MODULE_LINES):
            if o.get("kind", "story") != "story":
                mods.remove(o)
                continue
            raise Collision(o["story"])
    return plan


def remove_frame(plan: dict, page: int, frame: str) -> dict:
    """The plan without the picture or ad frame `frame` on `page` (a story's module stays)."""
    plan = copy.deepcopy(plan)
    plan["modules"] = [m for m in plan.get("modules", [])
                       if not (m.get("story") == frame and m.get("page") == page and m.get("kind", "story") != "story")]
    return plan


def set_label(plan: dict, page: int, frame: str, label: str) -> dict:
    """The frame's label (a picture's caption, an ad's name) set to `label`."""
    plan = copy.deepcopy(plan)
    for m in plan.get("modules", []):
        if m.get("story") == frame and m.get("page") == page and m.get("kind", "story") != "story":
            m["label"] = label
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
    overlaps is pushed down below it, and so on down the page (an ad or picture frame is made
    shallower instead, or taken out when none of it is left). Raises `Collision` naming the
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
        for o in list(mods):
            if o is m or o is mover or o.get("page") != page or not _overlap(m, o):
                continue
            if o.get("kind", "story") != "story":
                # an ad or picture frame holding the white at a foot gives way: it loses its top
                # lines down to the pushing module's foot, or goes when nothing of it is left
                foot = o["line"] + o["lines"]
                o["line"] = m["line"] + m["lines"]
                o["lines"] = foot - o["line"]
                if o["lines"] < 1:
                    mods.remove(o)
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
