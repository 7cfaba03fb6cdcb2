"""The display list: what layout produces and every paged renderer paints.

`app.layout` composes an edition onto a page grid and returns a `PagedDocument`: pages of
positioned items. The PDF writer (`app.render.pdf`), the PNG proofs and the GUI's page view
(`ui/`) are thin painters over these same items, so the preview equals print.

Coordinates
-----------
All lengths are in PostScript points (1/72 in). The origin of a page is the TOP-LEFT corner
of its TRIM box (the finished page edge), x grows to the right, y grows DOWNWARDS (as in Qt).
Items may extend into the bleed, i.e. to negative coordinates or beyond `width`/`height` by up
to `bleed`. The PDF writer flips y and shifts by the bleed; a Qt painter can use them as is.

Text
----
A `TextLine` is one composed line: a baseline `y`, a left edge `x`, its set `width`, and
one or more `GlyphRun`s (a run = one font role at one size). Each run carries the absolute x
position of every character's glyph origin (`xs`, page coordinates), so justification,
punctuation compression and Han–Latin spacing are exact: a painter draws character `i` of
`run.text` with its origin at (`run.xs[i]`, `line.y`). `run.advances` is optional (may be
empty). The face of a role: `app.layout.fonts.font_info(role)` → (file, TTC index, family).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from galley.app.layout.plan import Plan


@dataclass(frozen=True)
class Cmyk:
    """A process colour, each component 0..1 (no RGB anywhere in print)."""

    c: float = 0.0
    m: float = 0.0
    y: float = 0.0
    k: float = 0.0

    @property
    def total_ink(self) -> float:
        return self.c + self.m + self.y + self.k

    def to_json(self) -> list[float]:
        return [self.c, self.m, self.y, self.k]


BLACK = Cmyk(0, 0, 0, 1)          # text: 100% K, overprinted
WHITE = Cmyk(0, 0, 0, 0)


@dataclass(slots=True, unsafe_hash=True)   # a value (nobody changes one); not frozen: 3× faster to make
class GlyphRun:
    """Characters of one font role and size, each with its glyph origin's x (page coordinates)."""

    role: str                      # "song" | "hei" | "kai" | "latin"
    size: float                    # pt
    text: str
    xs: tuple[float, ...]          # len(xs) == len(text): x of each glyph origin
    advances: tuple[float, ...] = ()   # nominal advance of each glyph at `size` (pt)
    color: Cmyk = BLACK
    stroke: float = 0.0            # outline stroke width (pt) drawn with the fill: a light face set
                                   # heavier (the 主题's 标宋 from 报宋); 0 = fill only

    @property
    def x(self) -> float:
        return self.xs[0] if self.xs else 0.0


@dataclass(slots=True, unsafe_hash=True)   # a value (nobody changes one); not frozen: 3× faster to make
class TextLine:
    """One composed line of text on its baseline."""

    x: float                       # left edge of the line's measure
    y: float                       # baseline, from the page top (y down)
    width: float                   # the measure the line is set to
    runs: tuple[GlyphRun, ...]
    style: str = "body"            # the grid style it was set in (body, headline, caption, ...)
    story: str | None = None       # story id
    element: int | None = None     # index of the element in the story
    start: int = 0                 # offset of the line's first character in the element's text
    column: int = 0                # the page column the line starts in (0-based)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs), default=0.0)


@dataclass(slots=True, unsafe_hash=True)   # a value (nobody changes one); not frozen: 3× faster to make
class Rule:
    """A straight line: column rules, rules under headline blocks, cut-off rules."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5             # stroke width in pt
    color: Cmyk = BLACK
    dash: tuple[float, ...] = ()   # dash pattern in pt, empty = solid


@dataclass(slots=True, unsafe_hash=True)   # a value (nobody changes one); not frozen: 3× faster to make
class Box:
    """A rectangle: a sidebar's frame, a tint panel, a photo placeholder."""

    x: float
    y: float                       # top edge (y down)
    w: float
    h: float
    stroke: Cmyk | None = BLACK
    fill: Cmyk | None = None       # a tint, e.g. Cmyk(0, 0, 0, 0.1)
    stroke_width: float = 0.5
    role: str = "frame"            # "frame" | "tint" | "photo" | "bullet" (a fact-box item's square) | "ad"


Item = TextLine | Rule | Box


@dataclass
class Module:
    """Where a story sits on a page: a rectangle of whole columns and grid lines."""

    story: str
    column: int                    # first column (0-based)
    columns: int                   # how many columns wide
    line: int                      # first grid line (0-based, body-leading lines from the type area top)
    lines: int                     # how many grid lines tall
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    overset: int = 0               # characters of this story that did not fit in this module
    kind: str = "story"            # "story", or a frame of its own: "ad", "picture" (story is then its id)
    label: str = ""                # what such a frame says


@dataclass
class Page:
    number: int                    # 1-based
    width: float                   # trim width (pt)
    height: float                  # trim height (pt)
    bleed: float                   # bleed on every side (pt)
    margins: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)   # top, right, bottom, left
    items: list[Item] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    label: str = ""                # page marker / folio text, e.g. 第1版 要闻

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in page coordinates (origin at trim top-left)."""
        return (0.0, 0.0, self.width, self.height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        b = self.bleed
        return (-b, -b, self.width + b, self.height + b)

    def lines(self) -> list[TextLine]:
        return [i for i in self.items if isinstance(i, TextLine)]


@dataclass
class Overset:
    """Text that did not fit: never dropped, reported."""

    story: str
    chars: int
    headline: str = ""
    page: int | None = None


@dataclass
class PagedDocument:
    pages: list[Page] = field(default_factory=list)
    overset: dict[str, int] = field(default_factory=dict)          # story id -> characters not set
    overset_details: list[Overset] = field(default_factory=list)
    grid: str = ""                 # layout name
    title: str = ""
    missing_glyphs: dict[str, str] = field(default_factory=dict)   # char -> role it fell back to ("" = none)
    plan: Plan | None = None       # the plan used (automatic or given): the GUI saves it

    def lines(self):
        for page in self.pages:
            yield from page.lines()

    @property
    def is_overset(self) -> bool:
        return any(self.overset.values())
