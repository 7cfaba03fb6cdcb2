"""Page layout: an edition on a page grid → a `PagedDocument` of positioned items.

Stages (one module each): grid.py (templates from layouts/*.toml) → linebreak.py (Chinese line
breaking) → compose.py (headline blocks and column flows) → place.py (automatic placement →
plan.py's Plan) → impose.py (threading into modules → paged.py's PagedDocument). Renderers in
app/render and the GUI's page view paint the PagedDocument.
"""
from __future__ import annotations

from collections.abc import Iterator

from galley.app.layout.grid import Grid, list_layouts, load_layout
from galley.app.layout.paged import PagedDocument
from galley.app.layout.plan import Plan

__all__ = [
    "Grid",
    "PagedDocument",
    "Plan",
    "auto_plan",
    "iter_layout",
    "layout_edition",
    "list_layouts",
    "load_layout",
]


def auto_plan(edition, grid: Grid) -> Plan:
    from galley.app.layout.place import auto_plan as _auto
    return _auto(edition, grid)


def iter_layout(edition, grid: Grid | str | None = None, plan: Plan | None = None
                ) -> Iterator[tuple[int, int, PagedDocument | None]]:
    """Lay out with progress: yields (pages done, pages total, None) and finally (n, n, document).

    With no plan, automatic placement is used (it adds pages rather than overset).
    """
    from galley.app.layout.impose import impose

    if not isinstance(grid, Grid):
        grid = load_layout(grid)
    if plan is None:
        plan = auto_plan(edition, grid)
    doc = None
    for done, total, doc in impose(edition, grid, plan):
        yield done, total, doc
    if doc is not None:
        doc.plan = plan


def layout_edition(edition, grid: Grid | str | None = None, plan: Plan | None = None) -> PagedDocument:
    doc = None
    for _, _, doc in iter_layout(edition, grid, plan):
        pass
    assert doc is not None      # iter_layout's last step carries the document
    return doc
