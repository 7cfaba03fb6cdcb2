"""Page grids: `layouts/*.toml` → `Grid` (page size, margins, columns on a character grid, styles).

The first stage of layout: everything after it (compose, place, render) measures in the
grid's points. A column is `column_chars` body characters wide; the type area is `lines`
grid lines (body leading) tall; every block takes whole grid lines.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from galley.app.data import layouts
from galley.app.errors import GalleyError

MM = 72 / 25.4
LAYOUT_DIR = layouts()
STYLE_NAMES = ("banner", "section", "kicker", "headline", "headline_minor", "deck", "byline", "subhead",
               "body", "sidebar", "caption", "credit")


@dataclass(frozen=True)
class Style:
    name: str
    role: str
    size: float
    leading: float
    align: str = "left"            # left | center | right | justify
    indent: float = 0.0            # first-line indent in characters
    tint: float = 0.0              # K tint of a panel behind (sidebar, section label)
    bold: float = 0.0              # outline stroke, in em, that sets a light face heavier (标宋 from 报宋)
    size_name: str = ""            # the size in 号 when it comes from the headline ladder


# Chinese type sizes (号) in points, as printers use them.
HAO = {"初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0, "三号": 16.0,
       "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0, "六号": 7.5, "小六": 6.5}
HAO_ORDER = list(HAO)


@dataclass(frozen=True)
class Grid:
    name: str
    title: str
    width: float                   # trim, pt
    height: float
    bleed: float
    margin_top: float
    margin_bottom: float
    columns: int
    column_chars: int
    gutter: float
    body_size: float
    leading: float
    lines: int
    column_rules: bool = True
    default: bool = False
    folio_role: str = "hei"
    folio_size: float = 10.5
    folio_rule: float = 1.5
    styles: dict[str, Style] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""
    # 主题 sizes in 号 by rank ("lead": a page's first story, "other") as (least columns, 号) pairs,
    # widest first; empty: the headline / headline_minor styles as they are
    headline_ladder: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict, hash=False,
                                                                    compare=False)
    head_air: float = 0.0          # grid lines of air added around a headline block (split above/below)
    head_side_air: float = 0.0     # ems (of the head's own size) its lines leave free of the module's width
    head_fill: int = 0             # most grid lines a module its text does not fill gives its headline block

    @property
    def column_width(self) -> float:
        return self.column_chars * self.body_size

    @property
    def type_width(self) -> float:
        return self.columns * self.column_width + (self.columns - 1) * self.gutter

    @property
    def type_height(self) -> float:
        return self.lines * self.leading

    @property
    def margin_left(self) -> float:
        return (self.width - self.type_width) / 2

    @property
    def margin_right(self) -> float:
        return self.width - self.type_width - self.margin_left

    def column_x(self, col: int) -> float:
        """Left edge of column `col` (0-based) in page coordinates."""
        return self.margin_left + col * (self.column_width + self.gutter)

    def span_width(self, columns: int) -> float:
        return columns * self.column_width + (columns - 1) * self.gutter

    def line_y(self, line: int) -> float:
        """Top of grid line `line` (0-based) in page coordinates."""
        return self.margin_top + line * self.leading

    def style(self, name: str) -> Style:
        return self.styles.get(name) or self.styles["body"]

    def describe(self) -> str:
        return (f"{self.name}\t{self.width / MM:.0f}×{self.height / MM:.0f} mm\t{self.columns} columns\t"
                f"body {self.body_size:g}/{self.leading:g} pt\t{self.title}")


def _num(table: dict, key: str, path: Path, default=None):
    v = table.get(key, default)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise GalleyError(f"page grid: {key} must be a number", path)
    return float(v)


def parse_grid(data: dict, path: Path) -> Grid:
    from galley.app.validate import check_grid  # a grid file may be anyone's: types and ranges first
    check_grid(data, path)
    try:
        page, grid = data["page"], data["grid"]
    except KeyError as exc:
        raise GalleyError(f"page grid: missing [{exc.args[0]}] table", path) from None
    styles: dict[str, Style] = {}
    for name, s in (data.get("styles") or {}).items():
        styles[name] = Style(name=name, role=str(s.get("role", "song")), size=_num(s, "size", path),
                             leading=_num(s, "leading", path, s.get("size", 9) * 1.5),
                             align=str(s.get("align", "left")), indent=_num(s, "indent", path, 0),
                             tint=_num(s, "tint", path, 0), bold=_num(s, "bold", path, 0))
    if "body" not in styles:
        raise GalleyError("page grid: a [styles.body] table is required", path)
    folio = data.get("folio", {})
    heads = data.get("headlines", {})
    ladder: dict[str, tuple[tuple[int, str], ...]] = {}
    for rank in ("lead", "other"):
        table = heads.get(rank)
        if table is None:
            continue
        pairs = []
        for cols, hao in (table.items() if isinstance(table, dict) else ()):
            if hao not in HAO or not str(cols).isdigit():
                raise GalleyError(f"page grid: headlines.{rank}: {cols} = {hao!r} is not a column count and a "
                                  f"size in 号 ({', '.join(HAO)})", path)
            pairs.append((int(cols), hao))
        ladder[rank] = tuple(sorted(pairs, reverse=True))
    g = Grid(name=str(data.get("name", path.stem)), title=str(data.get("title", path.stem)),
             width=_num(page, "width_mm", path) * MM, height=_num(page, "height_mm", path) * MM,
             bleed=_num(page, "bleed_mm", path, 3) * MM, margin_top=_num(page, "margin_top_mm", path) * MM,
             margin_bottom=_num(page, "margin_bottom_mm", path) * MM, columns=int(_num(grid, "columns", path)),
             column_chars=int(_num(grid, "column_chars", path)), gutter=_num(grid, "gutter_pt", path),
             body_size=_num(grid, "body_size", path), leading=_num(grid, "leading", path),
             lines=int(_num(grid, "lines", path)), column_rules=bool(grid.get("column_rules", True)),
             default=bool(data.get("default", False)), folio_role=str(folio.get("role", "hei")),
             folio_size=float(folio.get("size", 10.5)), folio_rule=float(folio.get("rule_pt", 1.5)),
             styles=styles, path=str(path), headline_ladder=ladder,
             head_air=_num(heads, "air_lines", path, 0), head_side_air=_num(heads, "side_air_em", path, 0),
             head_fill=int(_num(heads, "fill_lines", path, 0)))
    if g.columns < 1 or g.column_chars < 2 or g.lines < 10:
        raise GalleyError("page grid: too few columns, characters or lines", path)
    if g.type_width > g.width + 0.01 or g.margin_top + g.type_height > g.height + 0.01:
        raise GalleyError("page grid: the type area is larger than the page", path)
    return g


@cache
def _load(path_str: str, mtime: float) -> Grid:
    path = Path(path_str)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise GalleyError(f"cannot read page grid: {exc}", path) from None
    return parse_grid(data, path)


def _grid_files(folder: Path = LAYOUT_DIR) -> list[Path]:
    out = []
    for p in sorted(folder.glob("*.toml")):
        try:
            head = p.read_text(encoding="utf-8")
        except OSError:
            continue
        if any(ln.strip() == "[page]" for ln in head.splitlines()):
            out.append(p)
    return out


def list_layouts() -> list[Grid]:
    """The page grid templates, the default first."""
    grids = [_load(str(p), p.stat().st_mtime) for p in _grid_files()]
    return sorted(grids, key=lambda g: (not g.default, g.name))


def load_layout(name: str | None = None) -> Grid:
    """A grid by name, by path to a .toml file, or the default when `name` is None."""
    if name and (name.endswith(".toml") or "/" in name or "\\" in name):
        p = Path(name)
        if not p.is_file():
            raise GalleyError("no such page grid file", name)
        return _load(str(p.resolve()), p.stat().st_mtime)
    grids = list_layouts()
    if not grids:
        raise GalleyError("no page grids found", str(LAYOUT_DIR))
    if name is None:
        return grids[0]
    for g in grids:
        if g.name == name:
            return g
    raise GalleyError(f"unknown layout {name!r} (available: {', '.join(g.name for g in grids)})")
