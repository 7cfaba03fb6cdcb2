"""PDF import: the characters of each page → paragraphs in reading order (`RawBlock`s).

Sits at the start of the pipeline beside the text and DOCX importers. A PDF has no
paragraphs, only glyphs at positions, so this module rebuilds them in four steps:

1. **glyphs** — every character with its box, baseline and size, read with pypdfium2 (which
   pdfplumber itself depends on; about five times faster than pdfminer, so a 16-page broadsheet
   reads in a few seconds). pdfplumber is the fallback reader (GALLEY_PDF_READER=pdfplumber) and
   gives the same glyphs. A glyph's size is its Tf size scaled by the text and page matrices
   (方正飞腾 writes `1 Tf` and puts the size in Tm, one glyph per BT/ET). Identical glyphs
   stacked within 0.08 em (fake bold, drawn two to four times) are kept once, a headline's
   shadow or 3-D layers (full-width glyphs drawn under the face within 0.2 em) are dropped, and so are
   invisible (Tr 3) copies of visible text, and so are glyphs a clipping path hides (a
   story's lines run on past the frame they are clipped to, clipped on the page or on the form
   the story is placed as; pdfminer does not follow clips, so the pdfplumber reader lays a page
   out itself, keeping the clip); a font with no Unicode mapping is read through its
   embedded program (`pdf_fonts`: a TrueType cmap, a CID-keyed CFF's Adobe-GB1 ordering, a CFF's
   glyph names), and so is a glyph its ToUnicode maps to private use or leaves out, or its glyphs
   are U+FFFD and the reader says which font and page; a Kangxi radical or a compatibility
   ideograph (a ToUnicode's pick of the copies of 一 or 年) reads as the unified ideograph.
   Outlines and pictures of characters (转曲, 造字) in an ActualText span read as what the span
   says, each at its place, and so does a glyph in one. Content in a layer that is off when printed (optional content) is left out
   (`pdf_layers`: the file is read again without it). Drawn rectangles are kept as possible
   sidebar boxes, thin ones as column rules, images and empty frames as figures.
   A printer's spread (two pages side by side on one PDF page: much wider than tall, white down
   its middle, a page mark on each side) is read as its two pages, left then right.
   A page is what its trim box (within its crop box) holds: a page set in a larger sheet for the
   plate has its crop marks and slug line (date, 第N版, plate colour, time) outside it, and they
   are left out. Every coordinate is clipped to the page box, and files past `MAX_PAGES` / `MAX_GLYPHS`
   (and pages past `MAX_PAGE_GLYPHS`) are refused with a clear error, so no input makes the
   reader's memory or time grow without bound.
2. **lines** — glyphs on one baseline, split where the gap is wider than a character beyond the
   row's own tracking for that size (a headline letter-spaced 0.5 em and justified across a
   narrow column is still one line), or where it falls on a gutter of the page (a strip that
   glyphs hardly cover from top to bottom, or a column rule): Galley's tabloid gutter is
   narrower than a character. Word spaces, short lines and "would the next word have fitted"
   are all judged against each line's own tracking.
3. **reading order** — a recursive XY-cut over the lines (and the figures, which take up room
   but carry no text). A rule across the page under the 版眉 cuts it off first. In each region, in this order: a headline below body text starts a new
   story stacked below; a headline block at the top comes before the columns under it, even
   when it is not as wide as all of them; a caption or footer band across some gutters comes
   after them; then the region is cut at its gutters into columns and side-by-side stories,
   left to right (a gutter counts only with text level on both sides, and a column whose text
   starts below the neighbouring headline belongs under it, unless it opens with a heading of its
   own level with that headline; a story's first column set beside its head block, which spans
   only its other columns, is read after the head block; columns that run on past a photo set into them, text above it
   and below it, are cut at their gutters as if the photo and its caption were not there, the
   photo interrupting each column it spans); then at blank bands (wide against
   the size of the lines either side); then rows that bridge the region's gutters (a caption
   across the columns under a photo) apart from the runs that leave them open; then into bands
   of rows that span the gutters or do not.
4. **paragraphs** — lines are joined within a column unless the next one is indented (first-line
   indent), the line before ends short (the next line's first word would have fitted after it),
   a blank line, a change of size or a bullet (■ 本报记者) separates them; a paragraph runs on into
   the next column (past a photo's caption set between), and onto the next page, when the last
   line is full and the next first line is not indented. Vertical text (竖排: a 竖题, a column
   label, a story, poem or sidebar set in columns) is found before the lines are built
   (`pdf_vertical`: columns from the glyphs' places and steps, turned Latin and figures and
   vertical punctuation read in place) and read column by column, right to left, in the place
   its block stands; a vertical headline or label beside a story set across opens that story.
   Other rotated text reads in its own direction. Headline-sized lines are one block a line unless a headline wraps. Text in a
   drawn box (a sidebar) is its own flow of blocks, placed after the paragraph it interrupted.
   Chinese lines join without a space, Latin ones with one (not after a line-end hyphen).
5. **roles** (`pdf_roles`) — page furniture (版眉, folios, running headers and footers, 本版编辑
   lines) is taken out of the flow, so a paragraph runs on across a footer (the fields of one
   furniture line set a wide space apart, 本版编辑：…　校对：…, are one block); jump lines, captions
   under photos, sidebars in boxes and kicker/headline/deck (by size) are marked on the blocks
   (`RawBlock.role`) for structure; a story that jumps (下转第N版) goes on where it lands (上接).

Every character is kept once (whitespace aside). Unreadable files (not a PDF, truncated,
encrypted, no text layer, fonts without Unicode) raise `GalleyError`.
"""
from __future__ import annotations

import collections
import functools
import itertools
import logging
import math
import os
import re
import statistics
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from galley.app.errors import GalleyError
from galley.app.importers import pdf_fonts, pdf_layers, pdf_roles, pdf_vertical
from galley.app.model import RawBlock, join_parts
from galley.app.text import NO_LINE_START, OPENING

log = logging.getLogger(__name__)

# How far glyphs may be apart and still be one line, in ems of their size.
SEGMENT_GAP = 0.8
# The narrowest gutter the XY-cut accepts, in ems of the page's body size.
MIN_GUTTER = 0.45
# A line whose size is this much above the body size is a heading (one block a line).
HEADING_RATIO = 1.15
# A first-line indent is at least this many ems.
INDENT_MIN = 1.2
# Fields of one furniture line (本版编辑：…　校对：…) stand at most this many ems apart.
FIELD_GAP = 3.0
# A line ending more than this many ems short of the column edge ends its paragraph.
SHORT_LINE = 0.9
# A page whose body text is set outside these sizes (points) is read as if drawn at a scale that
# sets it in BODY_NORMAL: a broadsheet page printed to A4 (缩印, a 9 pt body at 5 pt), an e-paper
# page, a page drawn at twice its size; the readers' tolerances are in points, and fit pages whose
# body is a newspaper's (小五 to 五号, or a document's 小四).
BODY_LEAST, BODY_MOST, BODY_NORMAL = 7.5, 13.0, 9.5
# What one file may hold: past these a clear error, not hours of work or gigabytes of memory.
MAX_PAGES = 2000
MAX_GLYPHS = 4_000_000
MAX_PAGE_GLYPHS = 200_000
MAX_PAGE_BOXES = 20_000
# The largest page the PDF format allows (200 inches), in points.
MAX_EXTENT = 14400.0


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    base: float          # baseline, measured down from the top of the page
    size: float
    upright: bool = True
    angle: float = 0.0     # the direction of writing, radians counter-clockwise (rotated text)
    visible: bool = True   # False: drawn invisible (Tr 3) or as a clipping path only (Tr 7)
    extent: tuple[float, float] | None = None   # a turned glyph's top and bottom on the page


@dataclass(slots=True)
class Box:
    """A drawn rectangle (stroked or tinted): a possible sidebar frame."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)


@dataclass
class PageGlyphs:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    boxes: list[Box]
    figures: list[Box] = field(default_factory=list)   # images
    unmapped: dict[str, int] = field(default_factory=dict)   # font → glyphs with no Unicode
    optional: bool = False    # may hold content marked optional (a layer, `pdf_layers`)


@dataclass(slots=True)
class Line:
    glyphs: list[Glyph]
    x0: float
    x1: float
    base: float
    size: float
    text: str
    cx0: float = 0.0             # the extent without punctuation hanging into the margins
    cx1: float = 0.0
    box: int | None = None       # index of the innermost box holding the line
    frame: tuple[float, float] = (0.0, 0.0)   # the column (x0, x1) the line was read in
    leaf: int = 0                # which reading-order leaf it came from
    pos: int = 0                 # position in reading order
    y0: float | None = None      # the top of a figure standing in the reading order (no text)
    track: float = 0.0           # the usual white between its glyphs (tracking, justification)
    hang: float = 0.0            # indent owed to a drop cap beside it (首字下沉), not a paragraph's

    @property
    def top(self) -> float:
        return self.base - 0.75 * self.size if self.y0 is None else self.y0

    @property
    def bottom(self) -> float:
        return self.base


def join_lines(parts: list[str]) -> str:
    """Join a paragraph's lines: as `join_parts` (a space between Latin words), but curly quotes
    that touch Chinese on their other side are Chinese quotes, and take no space between them
    (“民生优先”“绿色发展” cut after the first one)."""
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if out and p and (_chinese_quote_end(out) or _chinese_quote_start(p)):
            out += p
        else:
            out = join_parts([out, p])
    return out


def _chinese_quote_end(text: str) -> bool:
    return len(text) >= 2 and text[-1] in "”’" and _is_cjk(text[-2]) and text[-2] not in "”’“‘"


def _chinese_quote_start(text: str) -> bool:
    return len(text) >= 2 and text[0] in "“‘" and _is_cjk(text[1]) and text[1] not in "”’“‘"


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    blank_before: bool = True
    heading: bool = False
    main: bool = True              # in the page's running text, not in a box
    body: bool = False             # set in the page's body size
    starts_indented: bool = False
    ends_full: bool = False        # its last line fills the column: it may run on
    role: str | None = None        # what the page's evidence says it is (see pdf_roles)
    boxed_story: bool = False      # in a box that holds a whole story, not a sidebar
    vertical: bool = False         # set in vertical columns (竖排, `pdf_vertical`)

    @property
    def text(self) -> str:
        return join_lines(self.texts)


# ---------------------------------------------------------------------------------------------
# entry point

def read_pdf(path: Path) -> list[RawBlock]:
    path = Path(path)
    _check_bytes(path)
    pages = _read_glyphs(path)
    if any(p.optional for p in pages):
        pages = _visible_layers(path, pages)
    if not pages:
        raise GalleyError("the PDF is damaged or truncated (it has no pages)", path)
    total = sum(len(p.glyphs) for p in pages)
    if total == 0:
        raise GalleyError("the PDF has no text layer (a scan?); Galley needs text", path)
    for p in pages:
        _unify(p)
        _garbled(p)
    unmapped = sum(1 for p in pages for g in p.glyphs if g.text == "\ufffd")
    if unmapped > total * 0.5:
        raise GalleyError("the PDF's fonts have no Unicode mapping, so its text cannot be read"
                          f"{_unmapped_fonts(pages)}", path)
    if unmapped:
        # a headline font or a few symbols: the rest of the page is read, the lost glyphs show as
        # U+FFFD where they stood, and the log says which fonts and pages
        log.warning("%s: %d characters have no Unicode mapping and read as U+FFFD%s", path, unmapped,
                    _unmapped_fonts(pages))
    pages = [_at_reading_scale(p) for p in pages]
    pages = _split_spreads(pages)
    running = _running_lines(pages)
    blocks: list[RawBlock] = []
    carry: tuple[int, Para] | None = None    # the running paragraph that ended the last page
    for page in pages:
        try:
            paras = page_paragraphs(page, running)
        except (ValueError, IndexError, ZeroDivisionError, RecursionError, statistics.StatisticsError):
            paras = _plain_paragraphs(page)  # odd geometry: never lose the page's text over it
        if carry is not None:
            _run_on(blocks, carry, paras)
        carry = None
        for para, column in paras:
            flow = para.main and not para.heading and para.role is None and not para.vertical
            blocks.append(RawBlock(index=len(blocks), text=para.text, blank_before=para.blank_before,
                                   page=page.number, column=column, role=para.role,
                                   indented=para.starts_indented if flow and para.body else None))
            if flow:
                carry = (len(blocks) - 1, para)
    pdf_roles.follow_jumps(blocks)
    offset = 0
    for b in blocks:
        b.offset = offset
        offset += len(b.text) + 2
    return blocks


def _glyph_body(glyphs: list[Glyph]) -> float:
    """The size (to half a point) most of the upright, visible glyphs are set in: the body's."""
    counts: collections.Counter[float] = collections.Counter(
        round(g.size * 2) / 2 for g in glyphs if g.upright and g.visible and g.size > 0)
    return max(counts, key=lambda s: (counts[s], -s)) if counts else BODY_NORMAL


def _at_reading_scale(page: PageGlyphs) -> PageGlyphs:
    """The page drawn at the scale that sets its body text (the size most of its upright glyphs
    have) in BODY_NORMAL points, where that size is outside BODY_LEAST..BODY_MOST; the page as
    it is otherwise. Only the reading's geometry changes: the text and its order are the page's."""
    body = _glyph_body(page.glyphs)
    if BODY_LEAST <= body <= BODY_MOST:
        return page
    f = BODY_NORMAL / body

    def box(b: Box) -> Box:
        return Box(b.x0 * f, b.top * f, b.x1 * f, b.bottom * f)

    glyphs = [Glyph(g.text, g.x0 * f, g.x1 * f, g.base * f, g.size * f, g.upright, g.angle, g.visible,
                    None if g.extent is None else (g.extent[0] * f, g.extent[1] * f)) for g in page.glyphs]
    return PageGlyphs(page.number, page.width * f, page.height * f, glyphs, [box(b) for b in page.boxes],
                      [box(b) for b in page.figures], page.unmapped, page.optional)


def _visible_layers(path: Path, pages: list[PageGlyphs]) -> list[PageGlyphs]:
    """The pages read again without the content of layers that are off (as printed), when the
    file has some (`pdf_layers`); the log names the layers left out."""
    found = pdf_layers.without_hidden(path)
    if found is None:
        return pages
    copy, names = found
    try:
        pages = _read_glyphs(copy)
    except GalleyError as exc:
        raise GalleyError(exc.message, path) from exc
    finally:
        copy.unlink(missing_ok=True)
    log.warning("%s: text in layers that are off when printed (%s) was left out", path, ", ".join(names))
    return pages


# A spread is at least this much wider than tall (two portrait pages side by side: about 1.4).
SPREAD_RATIO = 1.2
# The white at the spine of a spread (the two pages' inner margins), at least, in ems of the body.
SPINE = 2.5


def _split_spreads(pages: list[PageGlyphs]) -> list[PageGlyphs]:
    """A PDF page that holds two pages side by side (a printer's spread, 2-up) as those two
    pages, left then right, each read as a page of its own; the pages are numbered in that
    order (a spread's halves are two pages, so a story jumps from one to the other)."""
    out: list[PageGlyphs] = []
    for page in pages:
        halves = _spread_halves(page)
        out.extend(halves if halves else [page])
    if len(out) != len(pages):
        for k, page in enumerate(out, start=1):
            page.number = k
    return out


def _spread_halves(page: PageGlyphs) -> list[PageGlyphs] | None:
    """The two pages of a spread, or None when the page is not one. A spread is much wider than
    tall, no glyph crosses the white band at its middle (the two pages' inner margins, wider
    than a few body ems), and each side reads as a page: it holds a good share of the text,
    from the top of the sheet to its foot, with a page mark (第N版, a folio, a date, 本版编辑)
    in its head or foot band."""
    w, h = page.width, page.height
    gs = page.glyphs
    if w < SPREAD_RATIO * h or len(gs) < 40:
        return None
    body = statistics.median(g.size for g in gs)
    lo, hi = 0.4 * w, 0.6 * w
    spans = sorted((g.x0, g.x1) for g in gs if g.x1 > lo - 0.1 * w and g.x0 < hi + 0.1 * w)
    # the widest white band between the glyphs' extents that reaches into the middle fifth
    best: tuple[float, float] | None = None
    reach = lo - 0.1 * w
    for x0, x1 in spans:
        if x0 > reach and min(x0, hi) - max(reach, lo) > 0 and (best is None or x0 - reach > best[1] - best[0]):
            best = (reach, x0)
        reach = max(reach, x1)
    if reach < hi and (best is None or hi + 0.1 * w - reach > best[1] - best[0]):
        best = (reach, hi + 0.1 * w)
    if best is None or best[1] - best[0] < SPINE * body:
        return None
    cut = (best[0] + best[1]) / 2
    sides = ([g for g in gs if g.x1 <= cut], [g for g in gs if g.x0 >= cut])
    if any(len(side) < 0.15 * len(gs) for side in sides) or not all(_reads_as_page(side, h) for side in sides):
        return None
    halves = []
    for k, (side, (x0, x1)) in enumerate(zip(sides, ((0.0, cut), (cut, w)), strict=True)):
        for g in side:
            g.x0 -= x0
            g.x1 -= x0
        boxes = [Box(max(b.x0, x0) - x0, b.top, min(b.x1, x1) - x0, b.bottom) for b in page.boxes
                 if b.x0 < x1 and b.x1 > x0]
        figures = [Box(max(b.x0, x0) - x0, b.top, min(b.x1, x1) - x0, b.bottom) for b in page.figures
                   if b.x0 < x1 and b.x1 > x0]
        halves.append(PageGlyphs(page.number, x1 - x0, h, side, boxes, figures,
                                 page.unmapped if k == 0 else {}, page.optional))
    return halves


def _reads_as_page(glyphs: list[Glyph], height: float) -> bool:
    """Whether one side of a possible spread reads as a page: text from the head band of the
    sheet to its foot band, and a page mark (a folio, 第N版, a date) standing in one of them."""
    band = pdf_roles.BAND * height
    top = [g for g in glyphs if g.upright and g.base < band]
    foot = [g for g in glyphs if g.upright and g.base > height - band]
    if not top or not foot:
        return False
    for row in (top, foot):
        row.sort(key=lambda g: (round(g.base), g.x0))
        for _, line in itertools.groupby(row, key=lambda g: round(g.base)):
            text, last = "", None
            for g in line:
                if last is not None and g.x0 - last.x1 > g.size:
                    if pdf_roles.is_page_mark(text):
                        return True
                    text = ""
                text += g.text
                last = g
            if pdf_roles.is_page_mark(text):
                return True
    return False


# where a font whose Unicode mapping is made up (a page printed to PostScript and distilled
# again: its fonts became Type 3 with codes of their own) puts CJK glyphs: dingbats, enclosed
# alphanumerics, symbols and arrows, private use
_SYMBOL_BLOCKS = ((0x2190, 0x21FF), (0x2460, 0x24FF), (0x2600, 0x27BF), (0xE000, 0xF8FF))
_MADE_UP = "\0made-up"


def _unify(page: PageGlyphs) -> None:
    """Read a Kangxi radical (⼀ U+2F00 … ⿕) or a CJK compatibility ideograph (年 U+F98E …) as the
    unified ideograph it is a copy of (一, 年): a font's cmap maps both to one glyph, and the
    program that wrote the ToUnicode took the copy, which looks the same but is no character of
    running text (search, proofreading and the character count all miss it)."""
    for g in page.glyphs:
        t = g.text
        if len(t) == 1 and ("\u2e80" <= t <= "\u2fdf" or "\uf900" <= t <= "\ufaff"):
            u = unicodedata.normalize("NFKC", t)
            if len(u) == 1:
                g.text = u


def _garbled(page: PageGlyphs) -> None:
    """A page whose text maps to symbols or to Latin letters a Han character wide — a Unicode
    mapping made up by the program that wrote the PDF, not the characters on the page — reads
    those glyphs as U+FFFD, so the reader reports them as unmapped (and refuses a page of them)
    instead of handing on a page of ✁✂✄ or !"#$ as text."""
    odd = []
    for g in page.glyphs:
        o = ord(g.text[0]) if g.text else 0
        if 0x3000 <= o < 0xE000:
            continue             # CJK (most of a page): never a made-up code
        if (0x21 <= o <= 0xFF and g.upright and g.x1 - g.x0 >= 0.85 * g.size and g.size > 0) or \
                any(lo <= o <= hi for lo, hi in _SYMBOL_BLOCKS):
            odd.append(g)
    if len(odd) < 20 or len(odd) < 0.3 * len(page.glyphs):
        return               # a few symbols, bullets and full-width Latin: the page's own
    for g in odd:
        g.text = "\ufffd"
    page.unmapped[_MADE_UP] = page.unmapped.get(_MADE_UP, 0) + len(odd)


def _unmapped_fonts(pages: list[PageGlyphs]) -> str:
    """Which fonts (and on which pages) have glyphs with no Unicode: ' (fonts X on page 1, …)'."""
    where: dict[str, list[int]] = {}
    for p in pages:
        for name in p.unmapped:
            where.setdefault(name, []).append(p.number)
    if not where:
        return ""
    parts = []
    for name, nums in list(where.items())[:4]:
        pages_text = ", ".join(str(k) for k in nums[:5]) + (" …" if len(nums) > 5 else "")
        label = ("glyphs whose Unicode mapping the PDF's writer made up (symbols or Latin letters for"
                 " Chinese: a page printed to PostScript and distilled again?)" if name == _MADE_UP
                 else "characters drawn as pictures (造字)" if name == _PICTURED
                 else "an unnamed font" if name in ("?", "unknown", "") else f"font {name}")
        parts.append(f"{label} on page{'s' if len(nums) > 1 else ''} {pages_text}")
    more = f" and {len(where) - 4} more fonts" if len(where) > 4 else ""
    return f" (in {'; '.join(parts)}{more})"


def _run_on(blocks: list[RawBlock], carry: tuple[int, Para], paras: list[tuple[Para, int]]) -> None:
    """A paragraph that fills the last line of a page runs on into the first body paragraph of the
    next page when that one starts without an indent (past the folio and other page furniture)."""
    k, last = carry
    if not (last.ends_full and last.body):
        return
    for i, (para, _) in enumerate(paras):
        if para.role == "jump":
            return   # (上接第N版): the story lands here from a jump, which follow_jumps() follows
        if not para.main or para.role == "furniture":
            continue
        if para.body:
            if not para.starts_indented and not para.heading:
                blocks[k].text = join_lines([blocks[k].text, para.text])
                del paras[i]
            return
        if len(para.text) > 12:
            return  # a real heading, not furniture: the story does not run on here


def _check_bytes(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - 2048))
            tail = fh.read()
    except OSError as exc:
        raise GalleyError(f"cannot read the file: {exc.strerror or exc}", path) from exc
    if b"%PDF-" not in head:
        raise GalleyError("not a PDF file (it does not start with %PDF)", path)
    if b"%%EOF" not in tail:
        raise GalleyError("the PDF is damaged or truncated (no end-of-file marker)", path)


# ---------------------------------------------------------------------------------------------
# 1. glyphs

def _read_glyphs(path: Path) -> list[PageGlyphs]:
    backend = os.environ.get("GALLEY_PDF_READER", "")
    if backend != "pdfplumber":
        try:
            import pypdfium2  # noqa: F401
        except ImportError:
            backend = "pdfplumber"
    if backend == "pdfplumber":
        return _glyphs_pdfplumber(path)
    return _glyphs_pdfium(path)


_SKIP_CODES = frozenset((0, 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000))


def _clean(text: str) -> str:
    if text.startswith("(cid:") or text in ("\ufffe", "\uffff", "\x00"):
        return "\ufffd"
    return text


def _glyphs_pdfium(path: Path) -> list[PageGlyphs]:
    import ctypes

    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise GalleyError("the PDF is encrypted (password protected); save an unprotected copy", path) from exc
        raise GalleyError("the PDF is damaged or truncated (cannot be opened)", path) from exc
    pages: list[PageGlyphs] = []
    miners = _MinerPages(path)     # the file read by pdfminer, for fonts that lie (when needed)
    try:
        _check_pages(len(pdf), path)
        rect = raw.FS_RECTF()
        get_unicode, get_box, get_origin = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        get_size, get_angle = raw.FPDFText_GetFontSize, raw.FPDFText_GetCharAngle
        # older PDFium builds lack these: no unmapped-glyph recovery, no render modes there
        map_error = getattr(raw, "FPDFText_HasUnicodeMapError", None)
        text_object = getattr(raw, "FPDFText_GetTextObject", None)
        render_mode = getattr(raw, "FPDFTextObj_GetTextRenderMode", None)
        get_font = getattr(raw, "FPDFTextObj_GetFont", None)
        get_matrix = getattr(raw, "FPDFText_GetMatrix", None)
        count_marks = getattr(raw, "FPDFPageObjMark_GetParamBlobValue", None) and raw.FPDFPageObj_CountMarks
        matrix = raw.FS_MATRIX() if get_matrix is not None else None
        ox, oy = ctypes.c_double(), ctypes.c_double()
        for n in range(len(pdf)):
            page = pdf[n]
            # the glyphs' places are in the page's own space, which a /Rotate turns only on
            # screen: measure them against the unturned page (turned, the page box would cut
            # them to its edge, and glyphs stacked there would be taken for fake-bold copies),
            # from the corner of its trim or crop box (`_view`)
            # (PDFium's box getters read the page's own dictionary only; a box the page inherits
            # from its page tree, where xdvipdfmx and others write the MediaBox, is read through
            # the page's bounding box: its crop box, else its media box, inherited or not)
            shown = page.get_bbox()
            media = page.get_mediabox(fallback_ok=False) or shown
            view = _view(media, shown, page.get_trimbox(fallback_ok=False))
            sx, sy, right, top_y = view or (min(media[0], media[2]), min(media[1], media[3]),
                                            max(media[0], media[2]), max(media[1], media[3]))
            width, height = right - sx, top_y - sy
            tp = page.get_textpage()
            handle = tp.raw
            glyphs: list[Glyph] = []
            raws: dict[int, tuple[float, float, float, float, float, float]] = {}
            unmapped: dict[str, int] = {}
            # per page: a font handle lives as long as its page
            fonts = pdf_fonts.FontMaps(lambda n=n: miners.fixes(n))
            append = glyphs.append
            where: list[int] = []            # each glyph's char index, for `_reread`
            flagged: dict[int, int] = {}     # glyphs read through their font's program → the font
            private: list[int] = []          # glyphs PDFium gave a private use code point
            # invisible text is looked for glyph by glyph only on a page that has some
            hidden_text, optional = _page_marks(page.raw, raw)
            hidden = text_object is not None and render_mode is not None and hidden_text
            # the page's objects, walked once: text objects a clipping path cuts (their glyphs
            # outside it are not printed), and below, paths, pictures and ActualText spans
            objects = list(_page_objects(page.raw, raw, text=True))
            clips = _text_clips(raw, objects) if text_object is not None else {}
            for i in range(tp.count_chars()):
                code = get_unicode(handle, i)
                obj = text_object(handle, i) if (hidden or clips) and text_object is not None else None
                clip = clips.get(pdf_fonts.address(obj)) if clips and obj else None
                if map_error is not None and map_error(handle, i) == 1:
                    # a font with no Unicode mapping: PDFium gives the glyph's code, which in an
                    # Identity-H font is the glyph id of the embedded program
                    if obj is None and text_object is not None:
                        obj = text_object(handle, i)
                    font = get_font(obj) if obj and get_font is not None else None
                    key = pdf_fonts.address(font)
                    ch = fonts.lookup(font, code, key) if font else None
                    if ch is None:
                        name = pdf_fonts.font_name(font) if font else "?"
                        unmapped[name] = unmapped.get(name, 0) + 1
                        ch = "\ufffd"
                    flagged[len(glyphs)] = key
                elif code in _SKIP_CODES:
                    continue
                else:
                    # PDFium reports a hyphen at a line end as 0x02
                    ch = "-" if code == 2 else chr(code) if code < 0x110000 else "\ufffd"
                    if ch.isspace():
                        continue
                    if code < 0x20 or code >= 0xFFF0:
                        ch = _clean(ch)
                    elif 0xE000 <= code <= 0xF8FF:
                        private.append(len(glyphs))
                visible = not hidden or not obj or render_mode is None or render_mode(obj) not in (3, 7)
                get_box(handle, i, rect)
                get_origin(handle, i, ox, oy)
                size = get_size(handle, i)
                # the size set by Tf, scaled by the text and page matrices: page systems write
                # `1 Tf` and put the size in Tm, or scale the page with cm (a web page's
                # 0.75, px to pt: a 12 px running head is 9 pt, though a face's box is 1.26 em
                # tall and so about as tall as 12)
                if (get_matrix is not None and matrix is not None
                        and get_matrix(handle, i, matrix)):
                    # the height of a unit square, across the baseline (a shear leaves it 1)
                    run = math.hypot(matrix.a, matrix.b)
                    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) / run if run > 1e-9 else 0.0
                    if 0.01 < scale and abs(scale - 1.0) > 1e-3:
                        size *= scale
                    # the direction of writing is the matrix's x axis: a sheared matrix (fake
                    # italic, 斜体 made by slanting a face) writes along its baseline, upright,
                    # though PDFium's char angle leans with the slant
                    angle = (-math.atan2(matrix.b, matrix.a)) % (2 * math.pi)
                else:
                    angle = get_angle(handle, i)
                if size <= 0:
                    size = max(1.0, rect.top - rect.bottom)
                upright = angle < 0.02 or angle > 6.26
                if clip is not None:
                    # an upright glyph's em box, from its baseline (a full stop's own box sits
                    # low in it: it shows when its line does)
                    low, high = (oy.value - 0.12 * size, oy.value + 0.88 * size) if upright else (rect.bottom, rect.top)
                    if _clipped_away((rect.left, low, rect.right, high), clip):
                        continue
                where.append(i)
                append(Glyph(ch, rect.left - sx, rect.right - sx, top_y - oy.value, size, upright,
                             0.0 if upright else (-angle) % (2 * math.pi), visible,
                             None if upright else (top_y - rect.top, top_y - rect.bottom)))
                if not upright:      # a turned glyph's box and origin, for `_turn`
                    raws[len(glyphs) - 1] = (rect.left - sx, rect.right - sx, rect.bottom - sy, rect.top - sy,
                                             ox.value - sx, oy.value - sy)
            if private and text_object is not None and get_font is not None:
                # a ToUnicode into private use: the font's ordering or program may know better
                fixes = miners.fixes(n)
                if fixes is not None:
                    for k in private:
                        font = get_font(text_object(handle, where[k]))
                        glyphs[k].text = fixes.get(pdf_fonts.font_name(font), glyphs[k].text) or glyphs[k].text
            if flagged and text_object is not None and get_font is not None:
                pieces = _reread(glyphs, where, flagged, fonts, unmapped, handle, text_object, get_font)
                if pieces:
                    keep = [k for k in range(len(glyphs)) if k not in pieces]
                    moved = {old: new for new, old in enumerate(keep)}
                    raws = {moved[k]: v for k, v in raws.items() if k in moved}
                    glyphs = [glyphs[k] for k in keep]
            _join_surrogates(glyphs)
            boxes = []
            figures = []
            spoken: dict[int, tuple[str, list[tuple[float, float, float, float]]]] = {}
            voiced: set[int] = set()     # spans over text objects: PDFium reads those itself
            for obj, kind, form, _ in objects:
                if kind == raw.FPDF_PAGEOBJ_TEXT and count_marks is None:
                    continue
                said = _actual_text(raw, obj) if count_marks is not None and count_marks(obj) else None
                if kind == raw.FPDF_PAGEOBJ_TEXT:
                    if said is not None:
                        voiced.add(said[0])
                    continue
                if said is not None:
                    # outlines or a picture of characters with their text in an ActualText span
                    spoken.setdefault(said[0], (said[1], []))[1].append(_on_page(_bounds(raw, obj), form))
                    continue
                if kind == raw.FPDF_PAGEOBJ_IMAGE:
                    left, bottom, right, top = _on_page(_bounds(raw, obj), form)
                    figures.append(Box(left - sx, top_y - top, right - sx, top_y - bottom))
                    continue
                if raw.FPDFPath_CountSegments(obj) > 16 or _paints_nothing_pdfium(raw, obj):
                    continue
                left, bottom, right, top = _bounds(raw, obj)
                # what is painted is the path inside its clipping path: a web-to-print page
                # (WeasyPrint) draws a story's rule under it as the whole story's rectangle
                # clipped to a strip a point high, not a box around the story
                clip = _clip_bounds(raw, obj)
                if clip is not None:
                    left, bottom = max(left, clip[0]), max(bottom, clip[1])
                    right, top = min(right, clip[2]), min(top, clip[3])
                    if right <= left or top <= bottom:
                        continue
                left, bottom, right, top = _on_page((left, bottom, right, top), form)
                boxes.append(Box(left - sx, top_y - top, right - sx, top_y - bottom))
            for key, (text, parts) in spoken.items():
                if key not in voiced:
                    glyphs.extend(_spoken_glyphs(text, [(a - sx, b - sy, c - sx, d - sy) for a, b, c, d in parts],
                                                 height))
            width, height = _turn(glyphs, raws, boxes, figures, width, height)
            if view is not None:
                glyphs, boxes, figures = _on_view(glyphs, boxes, figures, width, height)
            figures = _pictured_characters(glyphs, figures, unmapped)
            pages.append(_bounded(PageGlyphs(n + 1, width, height, glyphs, boxes, figures, unmapped, optional),
                                  pages, path))
            tp.close()
            page.close()
    except GalleyError:
        raise
    except Exception as exc:
        raise GalleyError(f"the PDF is damaged and cannot be read ({type(exc).__name__})", path) from exc
    finally:
        miners.close()
        pdf.close()
    return pages


# Codes PDFium hands on as characters for a font with no Unicode mapping pass through its bidi
# and normalisation steps on a line that holds codes of right-to-left scripts: most of those lose
# their unmapped flag, and codes with a compatibility decomposition come out as it (U+06C2 as
# U+06C1 U+0654, U+00A8 as U+0308, as NFKD does). In Adobe-GB1 (CIDs 0x580–0x8FF), and in the
# glyph ids of a subset of a whole page's characters, these are common Han characters (今 建 盖 …).
_NORMALISED = (0x00A0, 0x2E7F)


@functools.cache
def _pieces_back() -> dict[str, int]:
    """What PDFium turns a code into (its NFKD, white space left out as the reader leaves it out)
    → the code (the lowest, when several come out the same)."""
    back: dict[str, int] = {}
    for code in range(_NORMALISED[0], _NORMALISED[1] + 1):
        pieces = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not c.isspace())
        if pieces and pieces != chr(code):
            back.setdefault(pieces, code)
    return back


def _actual_text(raw, obj) -> tuple[int, str] | None:
    """The ActualText of the marked-content span a path or an image is drawn in (glyphs turned into
    outlines, a character set as a picture, with what they say kept for search and copying), and
    which span it is (the address of the span's mark, which its objects share), or None."""
    import ctypes
    size = ctypes.c_ulong(0)
    for k in range(min(raw.FPDFPageObj_CountMarks(obj), 8)):
        mark = raw.FPDFPageObj_GetMark(obj, k)
        # the string's bytes (PDFium's string getter reads them as UTF-8, which a UTF-16 string is not)
        if not mark or not raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, ctypes.byref(size)):
            continue
        if not 0 < size.value <= 4096:
            continue
        buf = (ctypes.c_ubyte * size.value)()
        if raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buf, size.value, ctypes.byref(size)):
            text = _text_string(bytes(buf[:size.value]))
            if text.strip():
                return ctypes.addressof(mark.contents), text
    return None


def _text_string(data: bytes) -> str:
    """A PDF text string: UTF-16BE after its byte order mark (how Chinese is written), UTF-8 after
    its own, or PDFDocEncoding (Latin-1 near enough)."""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    return data.decode("latin-1")


def _spoken_glyphs(text: str, parts: list[tuple[float, float, float, float]], height: float) -> list[Glyph]:
    """Glyphs for the characters an ActualText span says its outlines or pictures are: one to each
    part when there are as many parts as characters (an outline a glyph), else spread evenly over
    the parts' box, across it, or down it when it stands tall (竖排). Parts are (left, bottom,
    right, top) on the page, from its foot."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return []
    if len(parts) == len(chars):
        boxes = parts
    else:
        left, bottom = min(p[0] for p in parts), min(p[1] for p in parts)
        right, top = max(p[2] for p in parts), max(p[3] for p in parts)
        n = len(chars)
        if n > 1 and top - bottom > 1.5 * (right - left):
            step = (top - bottom) / n
            boxes = [(left, top - (k + 1) * step, right, top - k * step) for k in range(n)]
        else:
            step = (right - left) / n
            boxes = [(left + k * step, bottom, left + (k + 1) * step, top) for k in range(n)]
    out = []
    for ch, (left, bottom, right, top) in zip(chars, boxes, strict=True):
        # a Chinese outline's ink: about 0.85 em tall, its foot 0.08 em below the baseline
        size = max(top - bottom, right - left, 1.0) / 0.85
        out.append(Glyph(ch, left, right, height - bottom - 0.08 * size, size))
    return out


def _reread(glyphs: list[Glyph], where: list[int], flagged: dict[int, int], fonts: pdf_fonts.FontMaps,
            unmapped: dict[str, int], handle, text_object, get_font) -> set[int]:
    """Read again, through their font's program, the glyphs of a font with no Unicode mapping that
    PDFium did not flag as unmapped, the pieces it cut one into put back together. A font counts
    as having no mapping when nearly all its glyphs that read as Chinese were flagged: one whose
    ToUnicode lacks only some glyphs has most of its glyphs mapped, unflagged. Returns the glyphs
    that were pieces of the one before, to be dropped."""
    # the font of each glyph: known for the flagged ones, asked for the others
    handles = [None if k in flagged else get_font(text_object(handle, i)) for k, i in enumerate(where)]
    keys = [flagged[k] if k in flagged else pdf_fonts.address(f) for k, f in enumerate(handles)]
    seen: dict[int | None, list[int]] = {}
    for k, g in enumerate(glyphs):
        if k in flagged or (g.text and ord(g.text[0]) >= 0x2E80 and not pdf_fonts.is_private(g.text)):
            counts = seen.setdefault(keys[k], [0, 0])
            counts[0] += 1
            counts[1] += k in flagged
    nomap = {key for key, (n, bad) in seen.items() if bad >= 0.9 * n}
    pieces: set[int] = set()
    k = 0
    while k < len(glyphs):
        g = glyphs[k]
        if k in flagged or keys[k] not in nomap or not g.text:
            k += 1
            continue
        text, end = g.text, k + 1
        while (end < len(glyphs) and end not in flagged and keys[end] == keys[k]
               and abs(glyphs[end].x0 - g.x0) < 0.01 and abs(glyphs[end].base - g.base) < 0.01):
            text += glyphs[end].text      # the pieces of one code, at one place
            end += 1
        code = _pieces_back().get(text) if end > k + 1 else None
        if code is None:       # not pieces (a copy drawn at the same place): one glyph alone
            code, end = ord(g.text[0]), k + 1
            if unicodedata.category(g.text[0]) == "Mn":
                # a mark alone: a code that came out as its mark (U+00A8 as U+0308); a letter or
                # digit alone is read as its own code, which it far more often is than a code
                # that came out as it (U+00B2 as 2)
                code = _pieces_back().get(g.text, code)
        # (not through a one-byte font's outlines: its code read back from the character PDFium
        # made of it is a guess, and a guess matched by outline is a wrong character, not a lost one)
        ch = fonts.lookup(handles[k], code, keys[k], outlines=False)
        if ch is None:
            name = pdf_fonts.font_name(handles[k])
            unmapped[name] = unmapped.get(name, 0) + 1
        g.text = ch or "\ufffd"
        pieces.update(range(k + 1, end))
        k = end
    return pieces


class _MinerPages:
    """The file opened with pdfminer, page by page, for the fonts of pages where PDFium found
    glyphs with no Unicode or with a private use one (`pdf_fonts.PageFixes`); nothing when
    pdfminer is not installed or cannot read the file."""

    def __init__(self, path: Path):
        self.path = path
        self.pages: list | None = None
        self.read: dict[int, pdf_fonts.PageFixes] = {}
        self._fh: BinaryIO | None = None

    def fixes(self, n: int) -> pdf_fonts.PageFixes | None:
        if self.pages is None:
            self.pages = []
            try:
                from pdfminer.pdfdocument import PDFDocument
                from pdfminer.pdfpage import PDFPage
                from pdfminer.pdfparser import PDFParser
                self._fh = open(self.path, "rb")    # noqa: SIM115 - read page by page, closed by close()
                self.pages = list(itertools.islice(PDFPage.create_pages(PDFDocument(PDFParser(self._fh))),
                                                   MAX_PAGES))
            except ImportError:
                return None
            except Exception:     # noqa: BLE001 - pdfminer cannot read what PDFium could: no fixes
                return None
        if n >= len(self.pages):
            return None
        if n not in self.read:
            self.read[n] = pdf_fonts.PageFixes(self.pages[n])
        return self.read[n]

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _white(color) -> bool:
    """A colour (components 0–1: grey, RGB or CMYK) that is the paper's own: white."""
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        vals = [float(c) for c in color]
    except (TypeError, ValueError):       # a pattern or a named colour: not judged
        return False
    if len(vals) == 4:
        return max(vals) <= 0.03
    return bool(vals) and min(vals) >= 0.97


def _paints_nothing(fill: bool, stroke: bool, fill_color, stroke_color) -> bool:
    """A path that leaves the paper as it was: neither filled nor stroked, or only in white. A
    word processor gives every text box a white background (Word's default, and LibreOffice's
    frames in a PDF), and such a box is no sidebar frame: nothing shows on the page."""
    return (not fill or _white(fill_color)) and (not stroke or _white(stroke_color))


def _paints_nothing_pdfium(raw, obj) -> bool:
    import ctypes
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
        return False
    colors = []
    for get in (raw.FPDFPageObj_GetFillColor, raw.FPDFPageObj_GetStrokeColor):
        r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        if not get(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
            return False
        colors.append(None if a.value == 0 else (r.value / 255, g.value / 255, b.value / 255))
    fill, line = mode.value != raw.FPDF_FILLMODE_NONE, bool(stroke.value)
    # a fully transparent paint is none
    return _paints_nothing(fill and colors[0] is not None, line and colors[1] is not None,
                           colors[0] or (1.0,), colors[1] or (1.0,))


_PICTURED = "\0pictured"


def _pictured_characters(glyphs: list[Glyph], figures: list[Box], unmapped: dict[str, int]) -> list[Box]:
    """A picture the size of a character set on a line of text, between its characters (造字: a
    rare character of a name that the page system drew as an image): it stands for a character
    the text cannot hold, so it reads as U+FFFD in its place, is counted with the unmapped glyphs
    (the log names it) and is no figure. Returns the figures that remain."""
    if not figures or not glyphs:
        return figures
    rows: dict[int, list[Glyph]] = {}
    for g in glyphs:
        if g.upright:
            rows.setdefault(round(g.base), []).append(g)
    kept = []
    for f in figures:
        w, h = f.x1 - f.x0, f.bottom - f.top
        found = None
        for base in (round(f.bottom) + d for d in range(-4, 5)):
            for g in rows.get(base, ()):
                s = g.size
                if (0.6 * s <= h <= 1.4 * s and 0.5 * s <= w <= 1.4 * s
                        and abs(f.bottom - (g.base + 0.12 * s)) <= 0.35 * s
                        and (abs(g.x1 - f.x0) <= 0.3 * s or abs(f.x1 - g.x0) <= 0.3 * s)):
                    found = g
                    break
            if found:
                break
        if found is None:
            kept.append(f)
            continue
        glyphs.append(Glyph("\ufffd", f.x0, f.x1, found.base, found.size))
        unmapped[_PICTURED] = unmapped.get(_PICTURED, 0) + 1
    return kept


def _turn(glyphs: list[Glyph], raws: dict[int, tuple[float, float, float, float, float, float]],
          boxes: list[Box], figures: list[Box], width: float, height: float) -> tuple[float, float]:
    """A page whose text runs mostly in one turned direction (a landscape page stored turned,
    shown upright by /Rotate; a page set sideways) is read in the frame of its text: each glyph,
    box and figure is turned so that direction reads left to right. Returns the page's width and
    height in that frame (unchanged when most text is upright already). `raws`: each turned
    glyph's box and origin (left, right, bottom, top, x, y; PDF space), by its index; an upright
    one's are taken from the glyph itself."""
    if len(glyphs) < 20:
        return width, height
    turns = {k: 0 for k in (1, 2, 3)}
    for g in glyphs:
        if not g.upright:
            k = round(g.angle / (math.pi / 2)) % 4
            if k and abs(g.angle - k * math.pi / 2) < 0.05:
                turns[k] += 1
    k = max(turns, key=turns.__getitem__)
    if turns[k] < 0.6 * len(glyphs):
        return width, height
    w, h = width, height
    theta = k * math.pi / 2
    for n, g in enumerate(glyphs):
        raw = raws.get(n)
        if raw is None:
            oy = height - g.base
            raw = (g.x0, g.x1, oy - 0.12 * g.size, oy + 0.88 * g.size, g.x0, oy)
        left, right, bottom, top, ox, oy = raw
        if k == 1:      # runs up the page: the next line is to its right
            g.x0, g.x1, g.base = bottom, top, ox
        elif k == 3:    # runs down the page: the next line is to its left
            g.x0, g.x1, g.base = h - top, h - bottom, w - ox
        else:           # upside down
            g.x0, g.x1, g.base = w - right, w - left, oy
        g.angle = (g.angle - theta) % (2 * math.pi)
        g.extent = None
        g.upright = g.angle < 0.02 or g.angle > 2 * math.pi - 0.02
        if g.upright:
            g.angle = 0.0
    for lst in (boxes, figures):
        for b in lst:
            if k == 1:
                b.x0, b.top, b.x1, b.bottom = h - b.bottom, b.x0, h - b.top, b.x1
            elif k == 3:
                b.x0, b.top, b.x1, b.bottom = b.top, w - b.x1, b.bottom, w - b.x0
            else:
                b.x0, b.top, b.x1, b.bottom = w - b.x1, h - b.bottom, w - b.x0, h - b.top
    return (h, w) if k in (1, 3) else (w, h)


_Matrix = tuple[float, float, float, float, float, float]


_Rect = tuple[float, float, float, float]     # left, bottom, right, top


def _page_objects(page, raw, max_depth: int = 3, text: bool = False):
    """The page's paths and images (and text objects, with `text`), in its form XObjects too (a
    page drawn into a spread as a form, a placed advertisement): each object, its type, the
    matrix that takes its form's space to the page's (None on the page itself: PDFium gives an
    object's bounds in the space of the form that holds it), and the box (page space) of the
    clipping paths its forms are drawn under (None when they are drawn under none: PDFium gives
    an object in a form only the clips set inside the form)."""
    import ctypes
    kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, *((raw.FPDF_PAGEOBJ_TEXT,) if text else ()))
    get_kind, form_kind = raw.FPDFPageObj_GetType, raw.FPDF_PAGEOBJ_FORM
    m = raw.FS_MATRIX()
    todo: list[tuple[object, _Matrix | None, _Rect | None, int]] = [(None, None, None, 0)]
    while todo:
        form, matrix, outer, depth = todo.pop()
        if form is None:
            objs = [raw.FPDFPage_GetObject(page, j) for j in range(max(0, raw.FPDFPage_CountObjects(page)))]
        else:
            objs = [raw.FPDFFormObj_GetObject(form, j) for j in range(max(0, raw.FPDFFormObj_CountObjects(form)))]
        for obj in objs:
            kind = get_kind(obj)
            if kind in kinds:
                yield obj, kind, matrix, outer
            elif kind == form_kind and depth + 1 < max_depth and raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
                own = (m.a, m.b, m.c, m.d, m.e, m.f)
                # the form's own clip is in the space it is drawn in (its parent form's)
                clip = _clip_bounds(raw, obj)
                clip = _meet(outer, _on_page(clip, matrix)) if clip is not None else outer
                todo.append((obj, own if matrix is None else _compose(own, matrix), clip, depth + 1))


def _meet(a: _Rect | None, b: _Rect) -> _Rect:
    """The box two boxes (left, bottom, right, top) share (`b` when `a` is None); an empty one
    when they share nothing."""
    if a is None:
        return b
    left, bottom = max(a[0], b[0]), max(a[1], b[1])
    return (left, bottom, max(left, min(a[2], b[2])), max(bottom, min(a[3], b[3])))


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix that applies `inner`, then `outer` (PDF row-vector order)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _bounds(raw, obj) -> tuple[float, float, float, float]:
    import ctypes
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return (0.0, 0.0, 0.0, 0.0)
    return (left.value, bottom.value, right.value, top.value)


def _on_page(rect: tuple[float, float, float, float], matrix: _Matrix | None) -> tuple[float, float, float, float]:
    """A rectangle (left, bottom, right, top) in a form's space, in the page's: the box of its
    four corners taken through the form's matrix."""
    if matrix is None:
        return rect
    a, b, c, d, e, f = matrix
    x0, y0, x1, y1 = rect
    xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
    ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
    return (min(xs), min(ys), max(xs), max(ys))


def _clip_bounds(raw, obj) -> tuple[float, float, float, float] | None:
    """The bounding box (left, bottom, right, top, page space) of a page object's clipping
    path, the intersection of its paths' boxes; None when it has none (or this PDFium lacks
    the calls)."""
    import ctypes
    get_clip = getattr(raw, "FPDFPageObj_GetClipPath", None)
    if get_clip is None:
        return None
    clip = get_clip(obj)
    if not clip:
        return None
    n = raw.FPDFClipPath_CountPaths(clip)
    if n <= 0:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    out = [-math.inf, -math.inf, math.inf, math.inf]
    for p in range(n):
        xs, ys = [], []
        for k in range(raw.FPDFClipPath_CountPathSegments(clip, p)):
            if raw.FPDFPathSegment_GetPoint(raw.FPDFClipPath_GetPathSegment(clip, p, k), x, y):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            out = [max(out[0], min(xs)), max(out[1], min(ys)), min(out[2], max(xs)), min(out[3], max(ys))]
    return None if out[0] == -math.inf else (out[0], out[1], out[2], out[3])


def _text_clips(raw, objects) -> dict[int, _Rect]:
    """The clipping path's box (left, bottom, right, top, page space) of each text object among a
    page's `objects` (`_page_objects`: on the page or in its forms) that reaches beyond it, by the
    object's address: its own clip and the clip its forms are drawn under. A page system sets a
    story's lines in a frame and clips them to it, and what runs on past the frame (overset
    lines, a frame pulled smaller, an old version under a new one) is written but not printed:
    such glyphs must not be read. An object wholly inside its clip (most of them) is not kept."""
    get_clip = getattr(raw, "FPDFPageObj_GetClipPath", None)
    if get_clip is None:
        return {}
    text = raw.FPDF_PAGEOBJ_TEXT
    out: dict[int, _Rect] = {}
    for obj, kind, form, outer in objects:
        if kind != text or (outer is None and not get_clip(obj)):
            continue
        clip = _clip_bounds(raw, obj)
        if clip is None:
            if outer is None:
                continue
            clip = outer
        else:
            clip = _on_page(clip, form)
            if outer is not None:
                clip = _meet(outer, clip)
        left, bottom, right, top = _on_page(_bounds(raw, obj), form)
        if clip[0] <= left + 0.5 and clip[1] <= bottom + 0.5 and right - 0.5 <= clip[2] and top - 0.5 <= clip[3]:
            continue
        out[pdf_fonts.address(obj)] = clip
    return out


def _clipped_away(box: tuple[float, float, float, float], clip: tuple[float, float, float, float]) -> bool:
    """Whether a glyph's box (left, bottom, right, top) shows too little inside its clipping
    path's box to be seen: under 15% of its width or height. A line the clip cuts through (a
    text box's last line cut in half where the box ends) is still printed, partly, and read."""
    w, h = box[2] - box[0], box[3] - box[1]
    across = min(box[2], clip[2]) - max(box[0], clip[0])
    down = min(box[3], clip[3]) - max(box[1], clip[1])
    return across < 0.15 * w or down < 0.15 * h


def _page_marks(page, raw) -> tuple[bool, bool]:
    """Whether a PDFium page holds text drawn invisible (Tr 3) or only as a clip (Tr 7) among
    its own objects (text in a form XObject is not looked into: page systems do not put it
    there), and whether any of its objects (in forms too) is optional content (marked /OC: a
    layer). Two or three calls an object: the render mode of anything but text is -1, and an
    object marked by nothing has no marks."""
    get = raw.FPDFPage_GetObject
    mode = getattr(raw, "FPDFTextObj_GetTextRenderMode", None)
    marks = getattr(raw, "FPDFPageObj_CountMarks", None)
    objects = [get(page, j) for j in range(max(0, raw.FPDFPage_CountObjects(page)))]
    hidden = mode is not None and any(mode(o) in (3, 7) for o in objects)
    if marks is None:
        return hidden, False
    kind, form = raw.FPDFPageObj_GetType, raw.FPDF_PAGEOBJ_FORM
    todo, depth = objects, 0
    while todo and depth < 4:
        if any(marks(o) > 0 and _marked_optional(raw, o) for o in todo):
            return hidden, True
        todo = [raw.FPDFFormObj_GetObject(o, k) for o in todo if kind(o) == form
                for k in range(max(0, raw.FPDFFormObj_CountObjects(o)))]
        depth += 1
    return hidden, False


def _marked_optional(raw, obj) -> bool:
    """Whether one of a PDFium page object's marks is /OC (optional content)."""
    import ctypes
    buf = (ctypes.c_ushort * 8)()          # UTF-16: "OC" and its terminating zero fit
    size = ctypes.c_ulong()
    for k in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, k)
        if (mark and raw.FPDFPageObjMark_GetName(mark, buf, ctypes.sizeof(buf), ctypes.byref(size))
                and size.value == 6 and list(buf[:3]) == [ord("O"), ord("C"), 0]):
            return True
    return False


def _check_pages(n: int, path: Path) -> None:
    if n > MAX_PAGES:
        raise GalleyError(f"the PDF has {n} pages; Galley reads at most {MAX_PAGES} (split the file)", path)


def _view(media: _Rect, crop: _Rect | None, trim: _Rect | None) -> _Rect | None:
    """The part of a PDF page that is the newspaper page, (left, bottom, right, top) in the
    page's own space: its crop box (what a viewer shows) within its media box, and within that
    its trim box (the page as cut). A page system's print PDF sets its page in a larger sheet
    with the crop marks, colour bars and a slug line (file name, date, time, plate colour:
    "澜州日报 5月8日 第3版 黑 17:32") outside the trim box, or offsets the crop box over it;
    none of that is the page's text. None when the view is the whole media box; a box that is
    missing, or cuts away half the page's width or height (a stray or broken one), is not
    taken."""
    def norm(r: _Rect) -> _Rect:
        return min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])

    out = whole = norm(media)
    for box in (crop, trim):
        if box is None or not all(math.isfinite(v) for v in box):
            continue
        b = norm(box)
        cut = max(out[0], b[0]), max(out[1], b[1]), min(out[2], b[2]), min(out[3], b[3])
        if cut[2] - cut[0] >= 0.5 * (out[2] - out[0]) and cut[3] - cut[1] >= 0.5 * (out[3] - out[1]):
            out = cut
    return None if all(abs(a - b) < 0.5 for a, b in zip(out, whole, strict=True)) else out


def _on_view(glyphs: list[Glyph], boxes: list[Box], figures: list[Box], width: float,
             height: float) -> tuple[list[Glyph], list[Box], list[Box]]:
    """What stands on a page cut to its view (`_view`; its corner at 0, 0): a glyph whose middle
    lies outside it is left out (a slug line, a colour bar's labels), and so is a box or figure
    wholly outside (crop marks, registration targets)."""
    def inside(g: Glyph) -> bool:
        if g.upright:
            x, y = (g.x0 + g.x1) / 2, g.base - 0.35 * g.size
        elif g.extent is not None:
            x, y = (g.x0 + g.x1) / 2, (g.extent[0] + g.extent[1]) / 2
        else:
            x, y = (g.x0 + g.x1) / 2, g.base
        return 0.0 <= x <= width and 0.0 <= y <= height

    def shown(b: Box) -> bool:
        return b.x1 > 0.0 and b.x0 < width and b.bottom > 0.0 and b.top < height

    return [g for g in glyphs if inside(g)], [b for b in boxes if shown(b)], [b for b in figures if shown(b)]


def _bounded(page: PageGlyphs, before: list[PageGlyphs], path: Path) -> PageGlyphs:
    """The page with every glyph, box and figure clipped to the page box (a glyph placed far off
    the page stays, at its edge: no character is lost, and no measure grows with its position),
    after checking the file stays within the glyph limits."""
    n = len(page.glyphs)
    if n > MAX_PAGE_GLYPHS:
        raise GalleyError(f"page {page.number} of the PDF has {n} characters; Galley reads at most "
                          f"{MAX_PAGE_GLYPHS} on a page", path)
    if n + sum(len(p.glyphs) for p in before) > MAX_GLYPHS:
        raise GalleyError(f"the PDF has more than {MAX_GLYPHS} characters; Galley reads at most that many "
                          "(split the file)", path)
    w = min(max(1.0, page.width), MAX_EXTENT) if math.isfinite(page.width) else MAX_EXTENT
    h = min(max(1.0, page.height), MAX_EXTENT) if math.isfinite(page.height) else MAX_EXTENT
    page.width, page.height = w, h
    gs = page.glyphs
    if gs and (0.0 <= min(g.x0 for g in gs) and max(g.x1 for g in gs) <= w and 0.0 <= min(g.base for g in gs)
               and max(g.base for g in gs) <= h and max(g.size for g in gs) <= h
               and all(g.x0 <= g.x1 and g.size >= 0.5 for g in gs)):
        gs = []    # all on the page already (NaN fails the tests above and is clipped below)

    def clip(v: float, hi: float) -> float:
        return hi if not v < hi else 0.0 if not v > 0.0 else v    # NaN goes to the far edge

    for g in gs:
        g.x0, g.x1 = clip(g.x0, w), clip(g.x1, w)
        g.x1 = max(g.x1, g.x0)
        g.base = clip(g.base, h)
        g.size = min(max(clip(g.size, h), 0.5), h)
    for boxes in (page.boxes, page.figures):
        del boxes[MAX_PAGE_BOXES:]
        for b in boxes:
            b.x0, b.x1, b.top, b.bottom = clip(b.x0, w), clip(b.x1, w), clip(b.top, h), clip(b.bottom, h)
    return page


def _join_surrogates(glyphs: list[Glyph]) -> None:
    """PDFium reports a character outside the BMP as two UTF-16 halves."""
    i = 0
    while i < len(glyphs) - 1:
        a, b = glyphs[i].text, glyphs[i + 1].text
        if "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff":
            glyphs[i].text = (a + b).encode("utf-16", "surrogatepass").decode("utf-16")
            glyphs[i].x1 = max(glyphs[i].x1, glyphs[i + 1].x1)
            del glyphs[i + 1]
        i += 1


def _glyphs_pdfplumber(path: Path) -> list[PageGlyphs]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(str(path))
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        name = type(inner).__name__
        if "Password" in name or "Encrypt" in name:
            raise GalleyError("the PDF is encrypted (password protected); save an unprotected copy", path) from exc
        raise GalleyError("the PDF is damaged or truncated (cannot be opened)", path) from exc
    except Exception as exc:
        raise GalleyError(f"the PDF is damaged or truncated ({type(exc).__name__})", path) from exc
    pages: list[PageGlyphs] = []
    try:
        with pdf:
            _check_pages(len(pdf.pages), path)
            for n, page in enumerate(pdf.pages):
                glyphs = []
                unmapped: dict[str, int] = {}
                clipped = _clipped_out(page)     # lays the page out: before anything asks for its glyphs
                unreadable = _unreadable_type3(page)
                fixes = pdf_fonts.PageFixes(page.page_obj)
                misread = fixes.misread()
                said, outlines = _actual_texts(page)
                for c in page.chars:
                    text = c["text"]
                    if clipped and (round(c["x0"], 2), round(c["y0"], 2), text) in clipped:
                        continue
                    if said:
                        # a glyph in an ActualText span reads as what the span says it is
                        text = said.get((round(c["x0"], 2), round(c["y0"], 2), text), text)
                    if not text or text.isspace():
                        continue
                    if text.startswith("(cid:") or pdf_fonts.is_private(text) or c.get("fontname") in misread:
                        # no mapping, one to private use, or one pdfminer gets wrong: the font's
                        # ordering or program may know
                        text = fixes.get(str(c.get("fontname") or ""), text) or text
                    text = _clean(text) if c.get("fontname") not in unreadable else "\ufffd"
                    if text == "\ufffd":
                        name = str(c.get("fontname") or "?")
                        unmapped[name] = unmapped.get(name, 0) + 1
                    m = c["matrix"]
                    upright = bool(c["upright"])
                    # a vertical font's glyph (Identity-V: its advance points down, below 0)
                    # has its text origin at the top of its em box, not on its baseline; the
                    # box pdfminer gives it ends on the baseline (for the usual advance of an em)
                    vertical = (c.get("adv") or 0.0) < 0
                    base = c["top"] + (c["y1"] - m[5]) if upright and not vertical else c["bottom"]
                    angle = 0.0 if upright else math.atan2(m[1], m[0]) % (2 * math.pi)
                    glyphs.append(Glyph(text, c["x0"], c["x1"], base, c["size"], upright, angle, True,
                                        None if upright else (c["top"], c["bottom"])))
                for said_text, parts in outlines:
                    glyphs.extend(_spoken_glyphs(said_text, parts, float(page.height)))
                # rectangles and straight lines (a rule, a frame's border drawn a side at a time),
                # as PDFium gives every path: a line's box is as thick as its stroke
                boxes = [Box(r["x0"] - _half_width(r), r["top"] - _half_width(r), r["x1"] + _half_width(r),
                             r["bottom"] + _half_width(r)) if r["object_type"] == "line"
                         else Box(r["x0"], r["top"], r["x1"], r["bottom"])
                         for r in [*page.rects, *page.lines]
                         if not _paints_nothing(bool(r.get("fill")), bool(r.get("stroke")),
                                                r.get("non_stroking_color"), r.get("stroking_color"))]
                spoken = {(round(x0, 2), round(y0, 2)) for _, parts in outlines for x0, y0, _, _ in parts}
                figures = _pictured_characters(glyphs, [Box(r["x0"], r["top"], r["x1"], r["bottom"])
                                                        for r in page.images
                                                        if (round(r["x0"], 2), round(r["y0"], 2)) not in spoken],
                                               unmapped)
                width, height = float(page.width), float(page.height)
                view = _plumber_view(page)
                if view is not None:
                    x0, top, x1, bottom = view
                    for g in glyphs:
                        g.x0, g.x1, g.base = g.x0 - x0, g.x1 - x0, g.base - top
                        if g.extent is not None:
                            g.extent = (g.extent[0] - top, g.extent[1] - top)
                    for b in (*boxes, *figures):
                        b.x0, b.x1, b.top, b.bottom = b.x0 - x0, b.x1 - x0, b.top - top, b.bottom - top
                    width, height = x1 - x0, bottom - top
                    glyphs, boxes, figures = _on_view(glyphs, boxes, figures, width, height)
                # (pdfminer does not say which content is marked optional: the file is looked at)
                pages.append(_bounded(PageGlyphs(n + 1, width, height, glyphs, boxes, figures, unmapped, True),
                                      pages, path))
    except GalleyError:
        raise
    except Exception as exc:
        raise GalleyError(f"the PDF is damaged and cannot be read ({type(exc).__name__})", path) from exc
    return pages


def _plumber_view(page) -> _Rect | None:
    """A pdfplumber page's view (`_view`) as (left, top, right, bottom) in pdfplumber's frame:
    pdfminer turns the page by its /Rotate and measures from the media box's corner, and
    pdfplumber adds the media box's offset back (as it does to each glyph)."""
    def box(name: str) -> _Rect | None:
        from pdfminer.pdftypes import resolve_all
        value = resolve_all(page.page_obj.attrs.get(name))
        if not isinstance(value, list | tuple) or len(value) != 4 or \
                not all(isinstance(v, int | float) for v in value):
            return None
        return float(value[0]), float(value[1]), float(value[2]), float(value[3])

    media = box("MediaBox")
    view = _view(media, box("CropBox"), box("TrimBox")) if media is not None else None
    if view is None or media is None:
        return None
    mx0, my0, mx1, my1 = min(media[0], media[2]), min(media[1], media[3]), max(media[0], media[2]), max(media[1], media[3])
    rotation = page.rotation % 360
    xs, tops = [], []
    for x, y in ((view[0], view[1]), (view[2], view[3])):
        # pdfminer's page matrix for each /Rotate
        xp, yp = {90: (y - my0, mx1 - x), 180: (mx1 - x, my1 - y), 270: (my1 - y, x - mx0)}.get(
            rotation, (x - mx0, y - my0))
        xs.append(xp + float(page.mediabox[0]))
        tops.append(float(page.height) - yp + float(page.mediabox[1]))
    return min(xs), min(tops), max(xs), max(tops)


def _actual_texts(page) -> tuple[dict[tuple[float, float, str], str],
                                   list[tuple[str, list[tuple[float, float, float, float]]]]]:
    """What the ActualText spans of a pdfplumber page say (pdfminer reads the glyphs under them,
    not the span): the text each glyph in a span reads as, by its place and own text (the first
    glyph takes the span's whole text, the others none, unless there is a glyph a character), and
    each span with no glyphs (outlines, a picture) with the boxes it drew (left, bottom, right,
    top, from the page's foot). Only a page whose content mentions ActualText is read again."""
    try:
        data = b"".join(s.get_data() for s in page.page_obj.contents)
    except Exception:     # noqa: BLE001 - content pdfplumber read but this cannot: nothing said
        return {}, []
    if b"ActualText" not in data:
        return {}, []
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    class Spans(PDFPageAggregator):
        def __init__(self, rsrc):
            super().__init__(rsrc, pageno=1, laparams=None)
            self.stack: list[tuple[int, str] | None] = []
            self.tagged: list[tuple[object, tuple[int, str]]] = []

        def begin_tag(self, tag, props=None):
            value = props.get("ActualText") if isinstance(props, dict) else None
            self.stack.append((len(self.tagged), _text_string(value)) if isinstance(value, bytes) else None)

        def end_tag(self):
            if self.stack:
                self.stack.pop()

        def _tag(self, before: int) -> None:
            span = next((sp for sp in reversed(self.stack) if sp), None)
            if span is not None:
                self.tagged.extend((obj, span) for obj in self.cur_item._objs[before:])

        def render_char(self, *args, **kwargs):
            before = len(self.cur_item._objs)
            adv = super().render_char(*args, **kwargs)
            self._tag(before)
            return adv

        def paint_path(self, *args, **kwargs):
            before = len(self.cur_item._objs)
            super().paint_path(*args, **kwargs)
            self._tag(before)

        def render_image(self, *args, **kwargs):
            before = len(self.cur_item._objs)
            super().render_image(*args, **kwargs)
            self._tag(before)

    try:
        rsrc = PDFResourceManager()
        device = Spans(rsrc)
        PDFPageInterpreter(rsrc, device).process_page(page.page_obj)
    except Exception:     # noqa: BLE001 - a page pdfplumber read but this cannot: nothing said
        return {}, []
    spans: dict[tuple[int, str], list] = {}
    for obj, span in device.tagged:
        spans.setdefault(span, []).append(obj)
    said: dict[tuple[float, float, str], str] = {}
    outlines = []
    for (_, text), objs in spans.items():
        chars = [o for o in objs if isinstance(o, LTChar)]
        wanted = [c for c in text if not c.isspace()]
        if chars:
            parts = wanted if len(wanted) == len(chars) else ["".join(wanted)] + [""] * (len(chars) - 1)
            for c, part in zip(chars, parts, strict=True):
                said[(round(c.x0, 2), round(c.y0, 2), c.get_text())] = part
        elif wanted:
            outlines.append((text, [(o.x0, o.y0, o.x1, o.y1) for o in objs]))
    return said, outlines


def _clipped_out(page) -> set[tuple[float, float, str]]:
    """The glyphs of a pdfplumber page that a clipping path hides (`_clipped_away`), by place and
    text. pdfminer does not follow clipping paths (its `W` does nothing), so the page is laid
    out here, as pdfplumber would (its device, resources and parameters), by an interpreter that
    keeps the box of the clip in force (the intersection of the boxes of the paths clipped to,
    through the CTM) with the graphics state, into forms too (a form is drawn inside the clip it
    is called under, and may set its own), and the layout is given to the page: one pass,
    where asking the page for its glyphs first would interpret it a second time."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.utils import apply_matrix_pt
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    hidden: set[tuple[float, float, str]] = set()

    class Clipping(PDFPageInterpreter):
        clip: _Rect | None = None
        inherited: _Rect | None = None

        def init_state(self, ctm):
            super().init_state(ctm)
            self.clip = self.inherited

        def dup(self):
            other = super().dup()
            other.inherited = self.clip     # a form is drawn inside the clip it is called under
            return other

        def get_current_state(self):
            return (*super().get_current_state(), self.clip)

        def set_current_state(self, state):
            super().set_current_state(state[:3])
            self.clip = state[3] if len(state) > 3 else None

        def do_W(self):
            pts = [apply_matrix_pt(self.ctm, (seg[-2], seg[-1])) for seg in self.curpath if len(seg) >= 3]
            if not pts:
                return
            box = (min(x for x, _ in pts), min(y for _, y in pts), max(x for x, _ in pts), max(y for _, y in pts))
            c = self.clip
            self.clip = box if c is None else (max(c[0], box[0]), max(c[1], box[1]), min(c[2], box[2]), min(c[3], box[3]))

        do_W_a = do_W

        def do_TJ(self, seq):
            clip = self.clip
            if clip is None:
                return super().do_TJ(seq)
            objs = self.device.cur_item._objs
            before = len(objs)
            super().do_TJ(seq)
            for c in objs[before:]:
                if _clipped_away((c.x0, c.y0, c.x1, c.y1), clip):
                    hidden.add((round(c.x0, 2), round(c.y0, 2), c.get_text()))
            return None

    try:
        device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number,
                                                    laparams=page.pdf.laparams)
        Clipping(page.pdf.rsrcmgr, device).process_page(page.page_obj)
        page._layout = device.get_result()
    except Exception:     # noqa: BLE001 - a page this cannot lay out: pdfplumber's own reading, nothing hidden
        return set()
    return hidden


def _half_width(obj: dict) -> float:
    try:
        return max(0.0, float(obj.get("linewidth") or 0.0)) / 2
    except (TypeError, ValueError):
        return 0.0


def _unreadable_type3(page) -> set[str]:
    """The names pdfplumber gives the page's Type3 fonts that have no ToUnicode and whose glyph
    names are no character names (g1, g2 …): pdfminer reads their codes as Latin letters."""
    from pdfminer.encodingdb import name2unicode
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSException

    out: set[str] = set()
    try:
        fonts = resolve1(resolve1(page.page_obj.resources or {}).get("Font")) or {}
        for ref in list(fonts.values())[:200]:
            spec = resolve1(ref)
            if not isinstance(spec, dict) or getattr(resolve1(spec.get("Subtype")), "name", "") != "Type3":
                continue
            if "ToUnicode" in spec:
                continue
            enc = resolve1(spec.get("Encoding"))
            found = [getattr(resolve1(x), "name", None) for x in resolve1(enc.get("Differences", []))
                     ] if isinstance(enc, dict) else []
            names = [str(n) for n in found if n]
            readable = 0
            for n in names:
                try:
                    name2unicode(n)
                    readable += 1
                except (KeyError, ValueError):
                    pass
            if not names or readable < 0.5 * len(names):
                desc = resolve1(spec.get("FontDescriptor"))
                name = getattr(resolve1(desc.get("FontName")), "name", None) if isinstance(desc, dict) else None
                out.add(name or "unknown")
    except (PSException, TypeError, AttributeError, KeyError, ValueError, RecursionError):
        return out    # an odd resource dictionary: read the glyphs as pdfminer gives them
    return out


def dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn again on top of an identical one (fake bold: each glyph drawn two to four
    times a few hundredths of an em apart; double printing), and invisible copies (Tr 3, as a
    page system writes for search over outlined or bold text) of a visible glyph near them.
    Invisible text with nothing visible under it (a scan's text layer) is kept.

    Glyphs are filed in 8-point cells by text; a glyph is compared with those in its own cell
    and, when it lies within the tolerance of a cell edge, in the neighbouring cell."""
    seen: dict[tuple[str, int, int], list[Glyph]] = {}
    get = seen.get
    out = []
    hidden = []
    for g in glyphs:
        if not g.visible:
            hidden.append(g)
            continue
        # up to 0.08 em (at least a point, at most half a cell), and never a third of the glyph
        tol = min(0.3 * max(0.1, g.x1 - g.x0), max(1.0, 0.08 * g.size), 4.0)
        kx, ky = int(g.x0 // 8), int(g.base // 8)
        fx, fy = g.x0 - 8 * kx, g.base - 8 * ky
        xs = (kx, kx - 1) if fx < tol else (kx, kx + 1) if fx > 8 - tol else (kx,)
        ys = (ky, ky - 1) if fy < tol else (ky, ky + 1) if fy > 8 - tol else (ky,)
        dup = False
        for x in xs:
            for y in ys:
                for h in get((g.text, x, y), ()):
                    if abs(h.x0 - g.x0) <= tol and abs(h.base - g.base) <= tol:
                        dup = True
        if not dup:
            seen.setdefault((g.text, kx, ky), []).append(g)
            out.append(g)
    out = _drop_shadows(out)
    if hidden:
        out.extend(_hidden_kept(hidden, out))
    return out


# How far a shadow (阴影字) or a layer of a 3-D effect (立体字) may stand from the face it is drawn
# under, in ems each way. Two full-width glyphs of one character this close never stand so in
# text: repeated ones (谢谢) are an advance apart, even set tight, and lines a leading apart.
SHADOW = 0.2


def _drop_shadows(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop the copies a page system draws under a headline's face as its shadow or 3-D effect:
    a full-width upright glyph set larger than the page's commonest size with a glyph of the same
    text and size drawn after it within `SHADOW` em each way (the face, drawn last, is kept)."""
    sizes = collections.Counter(round(g.size) for g in glyphs)
    body = sizes.most_common(1)[0][0] if sizes else 0
    cells: dict[tuple[str, int, int], list[int]] = {}
    for k, g in enumerate(glyphs):
        if g.size > 1.2 * body and g.upright and g.x1 - g.x0 >= 0.6 * g.size:
            cells.setdefault((g.text, int(g.x0 // 16), int(g.base // 16)), []).append(k)
    under: set[int] = set()
    for (text, cx, cy), ks in cells.items():
        for k in ks:
            g = glyphs[k]
            tol = min(SHADOW * g.size, 16.0)
            if any(j > k and abs(h.size - g.size) <= 0.05 * g.size and abs(h.x0 - g.x0) <= tol
                   and abs(h.base - g.base) <= tol
                   for x in (cx - 1, cx, cx + 1) for y in (cy - 1, cy, cy + 1)
                   for j in cells.get((text, x, y), ()) for h in (glyphs[j],)):
                under.add(k)
    return [g for k, g in enumerate(glyphs) if k not in under] if under else glyphs


def _hidden_kept(hidden: list[Glyph], shown: list[Glyph]) -> list[Glyph]:
    """The invisible glyphs that no visible glyph of the same text stands near (within half an
    em), each kept once."""
    cells: dict[tuple[str, int, int], list[Glyph]] = {}
    for g in shown:
        cells.setdefault((g.text, int(g.x0 // 32), int(g.base // 32)), []).append(g)
    kept: list[Glyph] = []
    for g in hidden:
        tol = min(0.5 * g.size, 16.0)
        kx, ky = int(g.x0 // 32), int(g.base // 32)
        if not any(abs(h.x0 - g.x0) <= tol and abs(h.base - g.base) <= tol
                   for x in (kx - 1, kx, kx + 1) for y in (ky - 1, ky, ky + 1)
                   for h in cells.get((g.text, x, y), ())):
            g.visible = True
            kept.append(g)
            cells.setdefault((g.text, kx, ky), []).append(g)
    return kept


# ---------------------------------------------------------------------------------------------
# 2. lines

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003ffff“”‘’—…·]")


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


class _Gutters:
    """Where the page's columns leave white space: a histogram of how many glyphs cover each
    point across the page, and the thin vertical rules drawn between columns. A gap in a row
    of glyphs that falls where the page is nearly empty from top to bottom (or on a column
    rule) is a gutter even when it is narrower than a character."""

    def __init__(self, glyphs: list[Glyph], rules: list[Box]):
        self.lo = int(min(g.x0 for g in glyphs)) - 8 if glyphs else 0
        hi = int(max(g.x1 for g in glyphs)) + 8 if glyphs else 1
        diff = [0] * (hi - self.lo + 2)
        for g in glyphs:
            # every point the glyph's ink may touch (compressed punctuation hangs into gutters
            # with the empty half of its box); adjacent glyphs leave no empty point between them
            x0, x1 = _ink(g)
            a, b = math.floor(x0) - self.lo, math.ceil(x1) - self.lo
            if b > a:
                diff[a] += 1
                diff[b] -= 1
        cov, run = [], 0
        for d in diff:
            run += d
            cov.append(run)
        self.cov = cov
        self.rules = rules
        self.across: list[Box] = []     # rules drawn across the page (between bands of modules)

    def low(self, x0: float, x1: float) -> bool:
        """Whether the page is nearly empty from top to bottom between x0 and x1."""
        lo, hi = max(0, math.ceil(x0) - self.lo), min(len(self.cov) - 1, math.floor(x1) - self.lo)
        if hi <= lo:
            return False
        cov = self.cov
        left = max(cov[max(0, lo - 7):lo - 1] or [0])
        right = max(cov[hi + 1:hi + 7] or [0])
        return min(cov[lo:hi]) <= 0.25 * max(1, min(left, right))

    def gutter_after(self, x: float) -> bool:
        """Whether a gutter (or the margin) begins at x: text to the left, white to the right."""
        i = round(x) - self.lo
        cov = self.cov
        if i - 8 < 0 or i + 4 >= len(cov):
            return i - 8 >= 0
        return min(cov[i + 1:i + 4]) <= 0.25 * max(cov[i - 8:i - 1]) and max(cov[i - 8:i - 1]) >= 4

    def gutter_before(self, x: float) -> bool:
        """Whether a gutter (or the margin) ends at x: white to the left, text to the right."""
        i = round(x) - self.lo
        cov = self.cov
        if i - 4 < 0 or i + 8 >= len(cov):
            return i + 8 < len(cov)
        return min(cov[i - 3:i]) <= 0.25 * max(cov[i + 1:i + 8]) and max(cov[i + 1:i + 8]) >= 4

    def separates(self, a: Glyph, b: Glyph, gap: float | None = None) -> bool:
        gap = b.x0 - a.x1 if gap is None else gap
        lo, hi = math.ceil(b.x0 - gap) - self.lo, math.floor(b.x0) - self.lo   # the points wholly in the gap
        if hi <= lo:
            return False
        cov = self.cov
        inside = min(cov[lo:hi])
        left = max(cov[max(0, lo - 7):lo - 1] or [0])
        right = max(cov[hi + 1:hi + 7] or [0])
        if min(left, right) >= 4 and inside <= 0.2 * min(left, right) and gap >= 0.45 * a.size:
            # ... unless the gap is narrower than the white it lies in: glyphs on either side
            # reach into the gutter, so they are one line's (记者 吕新军 通讯员 郑花浩, a byline
            # whose last word space falls on a gutter of the columns below)
            low = 0.4 * min(left, right)     # (headlines over the columns cross the gutter)
            x0 = min(range(lo, hi), key=cov.__getitem__)
            x1 = x0 + 1
            while x0 > 0 and cov[x0 - 1] <= low:
                x0 -= 1
            while x1 < len(cov) and cov[x1] <= low:
                x1 += 1
            if (x1 - x0) - gap <= 0.4 * a.size:
                return True
        # a column rule between their inks (a compressed closing mark's box may reach over it)
        return self.ruled(a, b, gap)

    def ruled(self, a: Glyph, b: Glyph, gap: float | None = None) -> bool:
        """Whether a column rule stands between the inks of a and b."""
        gap = _ink_gap(a, b) if gap is None else gap
        y0, y1 = a.base - 0.8 * a.size, a.base
        ink1 = b.x0 - gap
        return any(ink1 - 0.5 <= r.x0 and r.x1 <= b.x0 + 0.5 and r.top <= y0 + 1 and r.bottom >= y1 - 1
                   for r in self.rules)


_FW_CLOSING = set(NO_LINE_START)
_FW_OPENING = set(OPENING)


def _ink(g: Glyph) -> tuple[float, float]:
    """Where a glyph's ink may be across the line: its box, or the half of it a full-width mark
    draws in (closing marks left, opening marks right); when the typesetter compresses such a mark
    the empty half reaches into the gap or the gutter."""
    x0, x1 = g.x0, g.x1
    if x1 - x0 >= 0.8 * g.size:
        if g.text in _FW_CLOSING:
            return x0, x0 + 0.5 * (x1 - x0)
        if g.text in _FW_OPENING:
            return x0 + 0.5 * (x1 - x0), x1
    return x0, x1


def _ink_gap(a: Glyph, b: Glyph) -> float:
    """The white space between two glyphs' inks (`_ink`)."""
    return _ink(b)[0] - _ink(a)[1]


def _ink_centre(g: Glyph) -> float:
    """The middle of a glyph's ink (`_ink`): two marks set as a compressed pair (”“, ）（) have
    boxes that nearly coincide; their inks are in order."""
    x0, x1 = _ink(g)
    return 0.5 * (x0 + x1)


def build_lines(glyphs: list[Glyph], gutters: _Gutters | None = None) -> list[Line]:
    """Glyphs on one baseline, split at gaps wider than a character and at gutters."""
    gutters = gutters or _Gutters(glyphs, [])
    glyphs = sorted(glyphs, key=lambda g: (g.base, g.x0))
    lines: list[Line] = []
    i, n = 0, len(glyphs)
    while i < n:
        anchor = glyphs[i]
        j = i + 1
        while j < n and glyphs[j].base - anchor.base <= max(1.0, 0.2 * anchor.size):
            j += 1
        # by the ink's centre: a compressed quote mark's box reaches over the comma set before it
        row = sorted(glyphs[i:j], key=_ink_centre)
        gaps = [_ink_gap(a, b) for a, b in itertools.pairwise(row)]
        usual = max(0.0, statistics.median(gaps)) if len(gaps) > 2 else 0.0
        # each size's own tracking on this row: a headline letter-spaced (and justified) across a
        # narrow column leaves an em or more between its glyphs, and is still one line
        spread: dict[float, list[float]] = {}
        for a, b in itertools.pairwise(row):
            if a.size == b.size and b.x0 - a.x1 < 2.5 * a.size:
                spread.setdefault(a.size, []).append(b.x0 - a.x1)
        track = {sz: min(max(0.0, statistics.median(v)), sz) for sz, v in spread.items() if len(v) >= 2}
        boxed = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
        seg = [row[0]]
        for k, (g, gap) in enumerate(zip(row[1:], gaps, strict=True)):
            prev = seg[-1]
            size = max(prev.size, g.size)
            resized = abs(g.size - prev.size)
            # a wide gap by the glyphs' boxes (a full stop's blank half is no gap: 。 then a word
            # space is one line); narrower gaps only at a gutter, judged by ink
            tracked = track.get(g.size, 0.0) if not resized else 0.0
            if (not resized and 0.3 * size < boxed[k] <= 3 * size and _in_step(boxed, k, len(seg), size)
                    and not gutters.separates(prev, g, gap)):
                # a justified line spreads its glyphs evenly, however wide (a short line of a
                # narrow column whose next word would not fit): the gap is as wide as the one
                # before it or after it, and lies on no gutter of the page
                seg.append(g)
                continue
            if (not resized and abs(boxed[k]) <= 0.02 * size and prev.text in _FW_CLOSING
                    and prev.x1 - prev.x0 >= 0.8 * prev.size and not gutters.ruled(prev, g)):
                # a full-width closing mark set solid to the next glyph: the white is its own
                # blank half, wherever a gutter of the columns below falls (免费、|自愿 in a
                # headline over the columns)
                seg.append(g)
                continue
            # (a mark set a size smaller than its text, as page systems set punctuation from a
            # face of its own, is no other line for that)
            marks = g.text in _MARKS or prev.text in _MARKS
            if (g.x0 - prev.x1 - tracked > SEGMENT_GAP * size or resized > 0.35 * size
                    or (resized > 0.12 * size and gap > 0.25 * size and not marks)
                    or (gap - max(usual, tracked) > 0.2 * size and gutters.separates(prev, g, gap))
                    or (tracked > 0.1 * size and _off_beat(seg, g, size) and gutters.separates(prev, g, gap))):
                lines.append(_make_line(seg))
                seg = [g]
            else:
                seg.append(g)
        lines.append(_make_line(seg))
        i = j
    return lines


def _in_step(boxed: list[float], k: int, run: int, size: float) -> bool:
    """Whether gap `k` of a row is as wide as the gap before it (within the run of glyphs it
    extends, `run` long) or the one after it."""
    tol = 0.06 * size
    return ((run >= 2 and abs(boxed[k] - boxed[k - 1]) <= tol)
            or (k + 1 < len(boxed) and abs(boxed[k] - boxed[k + 1]) <= tol))


def _off_beat(seg: list[Glyph], g: Glyph, size: float) -> bool:
    """Whether `g` breaks the letter-spacing of the run before it: two letter-spaced headlines
    side by side over their own modules are as far apart as their letters, but a justified line
    spreads its own letters evenly, so the gap between the two is out of step with both."""
    if len(seg) < 3:
        return False
    gaps = sorted(b.x0 - a.x1 for a, b in itertools.pairwise(seg))
    beat = gaps[len(gaps) // 2]
    return abs(g.x0 - seg[-1].x1 - beat) > 0.08 * size and gaps[-1] - gaps[0] <= 0.05 * size


def _make_line(glyphs: list[Glyph]) -> Line:
    sizes = [round(g.size * 2) / 2 for g in glyphs]
    size = max(set(sizes), key=lambda s: (sizes.count(s), s)) if len(set(sizes)) > 1 else sizes[0]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(glyphs)]
    # letter-spaced headlines and justified lines spread every gap alike: only a gap wider than
    # the line's usual one is a word space (three glyphs spread evenly: their two gaps alike)
    if len(gaps) > 2:
        usual = max(0.0, statistics.median(gaps))
    elif len(gaps) == 2 and abs(gaps[0] - gaps[1]) <= 0.1 * max(1.0, *gaps):
        usual = max(0.0, min(gaps))
    else:
        usual = 0.0
    parts = [glyphs[0].text]
    floor = usual + 0.15 * size
    for (a, b), gap in zip(itertools.pairwise(glyphs), gaps, strict=True):
        if gap > floor and _word_space(a.text[-1], b.text[0], gap - usual, size):
            parts.append(" ")
        parts.append(b.text)
    base = statistics.median(g.base for g in glyphs) if len(glyphs) > 2 else glyphs[0].base
    x0, x1 = min(g.x0 for g in glyphs), max(g.x1 for g in glyphs)
    # compressed or hanging punctuation at either end may stick into the gutter
    i, j = 0, len(glyphs) - 1
    while i < j and i < 2 and glyphs[i].text in _OPENING:
        i += 1
    while j > i and len(glyphs) - 1 - j < 2 and glyphs[j].text in _CLOSING:
        j -= 1
    cx0 = glyphs[i].x0 if i else x0
    cx1 = glyphs[j].x1 if j < len(glyphs) - 1 else x1
    return Line(glyphs, x0, x1, base, size, "".join(parts), cx0, cx1, track=min(usual, size))


_OPENING = set(OPENING + "([")
_MARKS = frozenset(NO_LINE_START + OPENING)
_CLOSING = set(NO_LINE_START + ",.;:!?)]")


_NO_SPACE_BEFORE = set(NO_LINE_START + ",.;:!?)]}%")
_NO_SPACE_AFTER = set(OPENING + "([{")


def _word_space(left: str, right: str, extra: float, size: float) -> bool:
    """Whether a gap `extra` wider than the line's usual one is a word space.

    Between Han characters a space is at least about 0.3 em (a half-width space); between Han
    and Latin text typesetters put ¼ em that is not a space; Latin word spaces are ≥ 0.2 em.
    """
    if right in _NO_SPACE_BEFORE or left in _NO_SPACE_AFTER:
        return extra > 0.8 * size
    cl, cr = _is_cjk(left), _is_cjk(right)
    if cl and cr:
        return extra > 0.27 * size
    if cl or cr:
        return extra > 0.32 * size
    return extra > 0.15 * size


def _closed_boxes(boxes: list[Box], tol: float = 3.0) -> list[Box]:
    """Rectangles whose border is drawn edge by edge: four rules meeting at their ends (a text
    frame's border from a word processor, a line a side). A rule crossing the rectangle from
    side to side makes it a ruled table, whose cells are not one box."""
    flat = sorted((b for b in boxes if b.bottom - b.top <= tol and b.x1 - b.x0 >= 10), key=lambda b: b.top)[:300]
    tall = [b for b in boxes if b.x1 - b.x0 <= tol and b.bottom - b.top >= 10][:300]
    if len(flat) < 2 or len(tall) < 2:
        return []

    def mid_y(b: Box) -> float:
        return (b.top + b.bottom) / 2

    def mid_x(b: Box) -> float:
        return (b.x0 + b.x1) / 2

    out = []
    for i, a in enumerate(flat):
        for c in flat[i + 1:]:
            if mid_y(c) - mid_y(a) < 10 or abs(a.x0 - c.x0) > tol or abs(a.x1 - c.x1) > tol:
                continue
            top, bottom = mid_y(a), mid_y(c)
            sides = [v for v in tall if abs(v.top - a.top) <= tol and abs(v.bottom - c.bottom) <= tol]
            left = any(abs(mid_x(v) - a.x0) <= tol for v in sides)
            right = any(abs(mid_x(v) - a.x1) <= tol for v in sides)
            if not (left and right):
                continue
            x0, x1 = min(a.x0, c.x0), max(a.x1, c.x1)
            across = any(top + tol < mid_y(h) < bottom - tol and h.x1 - h.x0 >= 0.9 * (x1 - x0)
                         and h.x0 <= x0 + tol and h.x1 >= x1 - tol for h in flat)
            across = across or any(x0 + tol < mid_x(v) < x1 - tol and v.bottom - v.top >= 0.9 * (bottom - top)
                                   and v.top <= top + tol and v.bottom >= bottom - tol for v in tall)
            if not across:
                out.append(Box(x0, min(a.top, c.top), x1, max(a.bottom, c.bottom)))
            break       # the nearest bottom edge closes the box from a
    return out


def _assign_boxes(lines: list[Line], boxes: list[Box], page: PageGlyphs, body: float,
                  rects: dict[int, Box] | None = None) -> list[Box]:
    """Keep the boxes that frame some text (but not the whole page); give each line its innermost box."""
    page_area = page.width * page.height
    cands = [b for b in boxes
             if b.x1 - b.x0 >= 3 * body and b.bottom - b.top >= 1.2 * body and b.area < 0.6 * page_area]
    cands.sort(key=lambda b: b.area)
    # the same rectangle stroked and filled is one box
    uniq: list[Box] = []
    for b in cands:
        if not any(abs(b.x0 - u.x0) < 1 and abs(b.x1 - u.x1) < 1 and abs(b.top - u.top) < 1
                   and abs(b.bottom - u.bottom) < 1 for u in uniq[-8:]):
            uniq.append(b)
    uniq = uniq[:400]
    used: dict[int, int] = {}
    found: dict[int, Box] = {}
    for line in lines:
        line.box = None
        # (a mark hanging at either end, ” past the measure or “ squeezed before it, may reach
        # over the frame: the line's extent without it must lie inside)
        lx0, lx1 = (line.cx0, line.cx1) if line.cx1 > line.cx0 else (line.x0, line.x1)
        for k, b in enumerate(uniq):
            if (b.x0 - 1 <= lx0 and lx1 <= b.x1 + 1 and b.top - 1 <= line.top
                    and line.bottom <= b.bottom + 1):
                line.box = used.setdefault(k, len(used))
                found[line.box] = b
                if rects is not None:
                    rects[line.box] = b
                break
    # a box holding every line on the page frames the page, not a sidebar
    if lines and all(line.box is not None and line.box == lines[0].box for line in lines):
        for line in lines:
            line.box = None
    # a bar behind one label larger than the body (a kicker set white on a coloured band, no
    # taller than two of its lines) is no sidebar frame: the label stays in the page's flow
    held: dict[int, list[Line]] = {}
    for line in lines:
        if line.box is not None:
            held.setdefault(line.box, []).append(line)
    for k, inside in held.items():
        if (len(inside) == 1 and inside[0].size >= HEADING_RATIO * body
                and found[k].bottom - found[k].top <= 2.5 * inside[0].size):
            inside[0].box = None
    return uniq


# ---------------------------------------------------------------------------------------------
# 3. reading order (recursive XY-cut)

def _merge_intervals(spans: list[tuple[float, float]]) -> list[list[float]]:
    spans = sorted(spans)
    out: list[list[float]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _has_gap(merged: list[list[float]], min_gap: float) -> bool:
    """Whether the lines leave a gutter open between them (an indent at the edge is not one)."""
    return any(b[0] - a[1] >= min_gap for a, b in itertools.pairwise(merged))


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Bands of lines whose vertical extents overlap, top to bottom."""
    lines = sorted(lines, key=lambda ln: ln.top)
    rows: list[list[Line]] = []
    bottom = 0.0          # of the last row (read only once there is one)
    for ln in lines:
        if rows and ln.top < bottom:
            rows[-1].append(ln)
            bottom = max(bottom, ln.bottom)
        else:
            rows.append([ln])
            bottom = ln.bottom
    return rows


def _side_by_side(a: list[Line], b: list[Line]) -> int:
    """How many lines stand level with a line of the other side, counted on the side that has
    fewer of them (two pieces of one justified line on one side, 不少市民… and 理。据…, level
    with one line on the other, are one level, not two)."""
    if len(a) * len(b) > 40000:      # (a page of one-glyph lines: count the cheap way)
        return min(len(a), len(b))
    return min(_level_with(a, b), _level_with(b, a))


def _level_with(xs: list[Line], ys: list[Line]) -> int:
    """How many of xs overlap some line of ys in height (y.top < x.bottom and x.top < y.bottom),
    against the union of ys' extents: sorted, merged where they overlap, bisected."""
    merged: list[list[float]] = []
    for t, b in sorted((y.top, y.bottom) for y in ys):
        if merged and t < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([t, b])
    tops = [m[0] for m in merged]
    n = 0
    for x in xs:
        k = bisect_left(tops, x.bottom) - 1      # the last extent starting above x's foot
        n += k >= 0 and x.top < merged[k][1]
    return n


def _row_gaps(rows: list[list[Line]]) -> list[float]:
    """The blank height above each row after the first."""
    gaps = []
    bottom = max(ln.bottom for ln in rows[0])
    for row in rows[1:]:
        gaps.append(min(ln.top for ln in row) - bottom)
        bottom = max(bottom, max(ln.bottom for ln in row))
    return gaps


class _Orderer:
    def __init__(self, body: float, page: _Gutters | None = None):
        self.body = body
        self.page = page
        self.min_gutter = max(2.0, MIN_GUTTER * body)
        self.leaves: list[tuple[list[Line], tuple[float, float]]] = []

    def run(self, lines: list[Line]) -> list[tuple[list[Line], tuple[float, float]]]:
        if lines:
            self.cut(lines, (min(ln.cx0 for ln in lines), max(ln.cx1 for ln in lines)), 0)
        return self.leaves

    def leaf(self, lines, frame):
        ordered = [ln for row in _rows(lines) for ln in sorted(row, key=lambda ln: ln.x0)]
        self.leaves.append((ordered, frame))

    def cut(self, lines: list[Line], frame: tuple[float, float], depth: int) -> None:
        if len(lines) == 1 or depth > 60:
            self.leaf(lines, frame)
            return
        rows = _rows(lines)
        gaps = _row_gaps(rows)
        # 0. a rule drawn across the whole page under its first row or two (under the 版眉):
        # nothing is read across it, though the gutters of the columns below line up with gaps
        # between the 版眉's fields
        breaks = self._ruled_breaks(rows) if depth == 0 else []
        # 1. a story stacked below another: a headline after a blank band below body text
        if not breaks:
            breaks = self._story_breaks(rows, gaps)
        # 2. a headline block over the columns of its story (not as wide as all of them)
        if not breaks:
            breaks = self._heading_block(rows, gaps)
        # 3. a footer or header band (a caption, a credit line) across some of the gutters
        if not breaks:
            breaks = self._furniture_breaks(rows, gaps)
        if breaks:
            self._cut_rows(rows, breaks, frame, depth)
            return
        # 4. columns and side-by-side stories, left to right
        groups = self._columns(lines)
        if len(groups) > 1:
            for g in groups:
                self.cut(g, (min(ln.cx0 for ln in g), max(ln.cx1 for ln in g)), depth + 1)
            return
        if len(rows) == 1:
            self.leaf(lines, frame)
            return
        # 5. blank bands, then bands of rows that span the gutters or do not
        breaks = self._wide_breaks(gaps, rows)
        if breaks:
            self._cut_rows(rows, breaks, frame, depth)
            return
        bands = self._bridged_bands(rows) or self._bands(rows)
        if len(bands) == 1:
            self.leaf(lines, frame)
            return
        for band in bands:
            self.cut([ln for r in band for ln in r], frame, depth + 1)

    def _cut_rows(self, rows, breaks, frame, depth) -> None:
        for a, b in itertools.pairwise([0, *breaks, len(rows)]):
            self.cut([ln for r in rows[a:b] for ln in r], frame, depth + 1)

    def _ruled_breaks(self, rows: list[list[Line]]) -> list[int]:
        if self.page is None or not self.page.across or len(rows) < 2:
            return []
        lo = min(ln.cx0 for r in rows for ln in r)
        hi = max(ln.cx1 for r in rows for ln in r)
        top = min(ln.top for ln in rows[0])
        above = max(ln.bottom for ln in rows[0])
        for k in range(1, min(3, len(rows))):
            head = [ln for r in rows[:k] for ln in r]
            # the band over the rule is one line of text high (the 版眉), not a module
            if not all(ln.glyphs for ln in head) or above - top > 2.5 * max(ln.size for ln in head):
                return []
            below = min(ln.top for ln in rows[k])
            if any(above - 1 <= (r.top + r.bottom) / 2 <= below + 1 and r.x0 <= lo + self.body
                   and r.x1 >= hi - self.body for r in self.page.across):
                return [k]
            above = max(above, max(ln.bottom for ln in rows[k]))
        return []

    def _story_breaks(self, rows: list[list[Line]], gaps: list[float]) -> list[int]:
        out = []
        for k in range(1, len(rows)):
            # (or smaller: a caption or credit closing the story above, which a photo set
            # beside it has kept out of the row of its last body lines)
            body_above = any(ln.glyphs and ln.size < self.body * 1.1 for ln in rows[k - 1])
            if (body_above and gaps[k - 1] >= 0.9 * self.body
                    and any(ln.size >= 1.4 * self.body for ln in rows[k])
                    and not self._wrapped(rows, k)):     # (a headline's second line, beside a column's foot)
                out.append(k)
        return out

    def _wrapped(self, rows: list[list[Line]], k: int) -> bool:
        """A headline line above row k goes on in a line of row k or below (`_wraps_under`): the
        rows between the two are those of running text set beside the headline, if any."""
        heads = [h for r in rows[max(0, k - 3):k] for h in r if h.size >= HEADING_RATIO * self.body]
        return bool(heads) and any(_wraps_under(h, ln) for h in heads for r in rows[k:k + 3] for ln in r)

    def _heading_block(self, rows: list[list[Line]], gaps: list[float]) -> list[int]:
        """The first rows, holding headline-sized text in one block (no gutter of its own: not
        the headlines of stories side by side), above a gap and above columns: the headline
        comes before the columns even where it is not as wide as all of them."""
        for k in range(1, len(rows)):
            if gaps[k - 1] < 0.5 * self.body:
                continue
            above = [ln for r in rows[:k] for ln in r]
            if not any(ln.size >= HEADING_RATIO * self.body for ln in above) or self._gutters(above):
                return []
            if self._wrapped(rows, k):
                continue         # a headline's second line set with air under the first: the same block
            # the lines under the headline set in their own size (a byline, a deck centred
            # over one column), or lying across a gutter of the columns below (a byline centred
            # over the story in the body size), belong to the block, not to a column
            # ... and so does a short line centred under a centred headline and centred in its
            # column, short of both its edges (a byline in the body size, centred over the
            # story, that falls inside one column of the story's)
            while k < len(rows) - 1 and len(rows[k]) == 1 and not self._wrapped(rows, k + 1):
                ln = rows[k][0]     # (not a headline's first line, its second one further down)
                rest_lines = [x for r in rows[k + 1:] for x in r]
                # the gutters of the running text below: a caption under a photo set across two
                # of the columns bridges their gutter, which is still the story's
                below = self._gutters([x for x in rest_lines if x.glyphs and abs(x.size - self.body) < 0.1 * self.body]
                                      ) or self._gutters(rest_lines)
                if not below or not (abs(ln.size - self.body) > 0.04 * self.body
                                     or any(ln.cx0 < g0 and ln.cx1 > g1 for g0, g1 in below)
                                     or self._centred_under(ln, above, below, rest_lines)):
                    break
                above = [*above, ln]
                k += 1
            rest = [ln for r in rows[k:] for ln in r]
            return [k] if self._gutters(rest) or self._wrapped_gutters(rest)[0] else []
        return []

    def _centred_under(self, ln: Line, above: list[Line], gutters: list[tuple[float, float]],
                       rest: list[Line]) -> bool:
        mid = (ln.cx0 + ln.cx1) / 2
        heads = [h for h in above if h.size >= HEADING_RATIO * self.body]
        if not heads or any(abs((h.cx0 + h.cx1) / 2 - mid) > self.body for h in heads):
            return False
        left = max([g1 for _, g1 in gutters if g1 <= ln.cx0], default=min(x.cx0 for x in rest))
        right = min([g0 for g0, _ in gutters if g0 >= ln.cx1], default=max(x.cx1 for x in rest))
        slack_left, slack_right = ln.cx0 - left, right - ln.cx1
        # short of both edges by about as much (a column's lines reach one edge or both: a first
        # line indented reaches the right one)
        return min(slack_left, slack_right) >= 0.5 * self.body and abs(slack_left - slack_right) <= self.body

    def _wide_breaks(self, gaps: list[float], rows: list[list[Line]]) -> list[int]:
        """Blank bands wider than the usual gap between rows, and wider than the line spacing
        of the text on either side (two lines of a 28 pt headline stand far apart)."""
        usual = statistics.median(gaps) if len(gaps) >= 3 else 0.0
        wide = max(1.5 * self.body, usual + 0.75 * self.body)
        out = []
        for k, gap in enumerate(gaps, start=1):
            if gap < wide:
                continue
            size = min(max(ln.size for ln in rows[k - 1]), max(ln.size for ln in rows[k]))
            if gap >= 0.9 * size:
                out.append(k)
        return out

    def _furniture_breaks(self, rows: list[list[Line]], gaps: list[float]) -> list[int]:
        """A band of small text below (or above) the rest, lying across the rest's gutters."""
        wide = self._wide_breaks(gaps, rows)
        out = []
        for k in (wide[-1:] + wide[:1]) if wide else []:
            if k in out:
                continue
            above = [ln for r in rows[:k] for ln in r]
            below = [ln for r in rows[k:] for ln in r]
            edge, rest = (below, above) if k == wide[-1] else (above, below)
            if len(edge) >= len(rest) and self._headlines_apart(rest):
                continue  # headlines of stories side by side over their own columns, not a band
            if any(ln.size >= 1.4 * self.body for ln in edge):
                continue     # a headline row, not a band (版眉 names its paper a little larger)
            gutters = self._gutters(rest)
            if any(ln.cx0 < g1 and ln.cx1 > g0 for ln in edge for g0, g1 in gutters):
                out.append(k)
        return sorted(out)

    def _headlines_apart(self, lines: list[Line]) -> bool:
        """Whether a gutter of these lines has a headline on either side."""
        big = [ln for ln in lines if ln.size >= 1.4 * self.body]
        return any(any(ln.cx1 <= g0 for ln in big) and any(ln.cx0 >= g1 for ln in big)
                   for g0, g1 in self._gutters(lines))

    def _gutters(self, lines: list[Line]) -> list[tuple[float, float]]:
        merged = _merge_intervals([(ln.cx0, ln.cx1) for ln in lines])
        return [(a[1], b[0]) for a, b in itertools.pairwise(merged) if b[0] - a[1] >= self.min_gutter]

    def _columns(self, lines: list[Line]) -> list[list[Line]]:
        """Split at the gutters, keeping only gutters with text beside them on both sides (a short
        last line and the indented line below it leave a gap too, but one above the other)."""
        gutters = self._gutters(lines)
        held: dict[int, Line] = {}
        if not gutters:
            gutters, held = self._wrapped_gutters(lines)
        if not gutters:
            return [lines]
        groups: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
        starts = [g[1] for g in gutters]
        ends = [g[0] for g in gutters]
        for ln in lines:
            if held.get(id(ln)) is ln:
                # a photo set into the columns interrupts each column it spans
                for k, group in enumerate(groups):
                    lo = starts[k - 1] if k else -math.inf
                    hi = ends[k] if k < len(ends) else math.inf
                    if ln.cx0 < hi and ln.cx1 > lo:
                        x0, x1 = max(ln.cx0, lo), min(ln.cx1, hi)
                        group.append(Line([], x0, x1, ln.base, 0.0, "", cx0=x0, cx1=x1, y0=ln.top))
                continue
            # its caption and credit go with the column the photo starts in
            anchor = held.get(id(ln), ln)
            groups[bisect_left(starts, anchor.cx0 + 1e-6)].append(ln)
        out = [groups[0]]
        for g, (g0, g1) in zip(groups[1:], gutters, strict=True):
            level = _side_by_side(out[-1], g)
            # one line level with another across a gap that is no gutter of the page is a wide
            # space inside a line (a caption's credit), not two columns; and a column whose text
            # starts below the other side's headline lies under that headline (a centred headline
            # need not reach over the first column of its story)
            if ((level > 1 or (level == 1 and (self.page is None or self.page.low(g0, g1))))
                    and not self._under_headline(out[-1], g) and not self._under_headline(g, out[-1])):
                out.append(g)
            else:
                out[-1].extend(g)
        return self._opened_beside(out)

    def _opened_beside(self, groups: list[list[Line]]) -> list[list[Line]]:
        """A story whose head block is set over some of its columns only, its first column
        running from the module's top beside the head (文包题, a headline over the right-hand
        columns): that column is read after the head block and before the columns under it. It
        is the column left of a group that opens with a head block (a headline at least 1.4
        body), holding no heading of its own, starting level with the head block, its last
        line full and the first line under the head not indented (the paragraph runs on)."""
        out = list(groups)
        k = 0
        while k < len(out) - 1:
            split = self._head_over(out[k], out[k + 1])
            if split is None:
                k += 1
                continue
            out[k:k + 2] = [split[0], out[k], split[1]]
            k += 3
        return out

    def _head_over(self, side: list[Line], group: list[Line]) -> tuple[list[Line], list[Line]] | None:
        """The head block and the rest of `group` when `side` is its story's first column set
        beside the head block (`_opened_beside`), else None."""
        body = self.body
        text = [ln for ln in side if ln.glyphs]
        if len(text) < 3 or any(ln.size >= HEADING_RATIO * body or abs(ln.size - body) >= 0.1 * body
                                for ln in text):
            return None
        rows = _rows(group)
        if len(rows) < 3:
            return None
        breaks = self._heading_block(rows, _row_gaps(rows))
        if not breaks:
            return None
        head = [ln for r in rows[:breaks[0]] for ln in r]
        rest = [ln for r in rows[breaks[0]:] for ln in r]
        if (not any(ln.size >= 1.4 * body for ln in head)
                or min(ln.top for ln in text) >= max(ln.bottom for ln in head)):
            return None
        # the side's paragraph runs on: its last line is full, and the first line of running
        # text in the first column under the head is not indented
        last = max(text, key=lambda ln: ln.base)
        if last.x1 < max(ln.x1 for ln in text) - SHORT_LINE * body:
            return None
        running = [ln for ln in rest if ln.glyphs and abs(ln.size - body) < 0.1 * body]
        if not running:
            return None
        left = min(ln.x0 for ln in running)
        first_column = [ln for ln in running if ln.x0 < left + INDENT_MIN * body + 1]
        first = min(first_column, key=lambda ln: ln.top)
        if first.x0 - left >= INDENT_MIN * body or first.text[:1] in _BULLETS:
            return None
        return head, rest

    def _wrapped_gutters(self, lines: list[Line]) -> tuple[list[tuple[float, float]], dict[int, Line]]:
        """The gutters of columns that run on past a photo set into them (the text wraps round
        it above and below): a photo with running text right above it and below it across its
        width, whose gutters, without the photo and its caption, stand open both above it and
        below it. Returns them, and the photo's block (the photo, its caption and credit)."""
        held: dict[int, Line] = {}
        figures = [ln for ln in lines if not ln.glyphs]
        if not figures:
            return [], held

        def body_over(f: Line, ln: Line) -> bool:
            return (bool(ln.glyphs) and abs(ln.size - self.body) < 0.04 * self.body
                    and ln.cx0 < f.cx1 and ln.cx1 > f.cx0)
        for f in figures:
            above = [ln for ln in lines if body_over(f, ln) and f.top - 2.5 * self.body <= ln.bottom <= f.top + 1]
            below = [ln for ln in lines if body_over(f, ln) and ln.top >= f.bottom - 1]
            if not above or not below:
                return [], {}
            held[id(f)] = f
            for ln in lines:
                if (ln.glyphs and abs(ln.size - self.body) >= 0.04 * self.body and ln.size < HEADING_RATIO * self.body
                        and f.bottom - 1 <= ln.top <= f.bottom + 4 * self.body and ln.cx0 >= f.cx0 - 1
                        and ln.cx1 <= f.cx1 + 1):
                    held[id(ln)] = f
        rest = [ln for ln in lines if id(ln) not in held]
        out = []
        for g0, g1 in self._gutters(rest):
            if all(any(ln.cx1 <= g0 + 0.5 and ln.bottom <= f.top + 1 for ln in rest)
                   and any(ln.cx0 >= g1 - 0.5 and ln.bottom <= f.top + 1 for ln in rest)
                   and any(ln.cx1 <= g0 + 0.5 and ln.top >= f.bottom - 1 for ln in rest)
                   and any(ln.cx0 >= g1 - 0.5 and ln.top >= f.bottom - 1 for ln in rest)
                   for f in figures):
                out.append((g0, g1))
        return out, (held if out else {})

    def _under_headline(self, side: list[Line], other: list[Line]) -> bool:
        if any(ln.size >= 1.4 * self.body for ln in side):
            return False
        big = [ln for ln in other if ln.size >= 1.4 * self.body]
        body = [ln for ln in side if abs(ln.size - self.body) < 0.1 * self.body]
        if not (big and body) or min(ln.top for ln in body) < max(ln.bottom for ln in big):
            return False
        # a side that opens with a heading of its own level with the headline (a boxed brief's
        # title beside the story) starts where the headline does: it is not under it
        return not any(ln.glyphs and ln.size >= HEADING_RATIO * self.body and ln.top < h.bottom and h.top < ln.bottom
                       for ln in side for h in big)

    def _bridged_bands(self, rows: list[list[Line]]) -> list[list[list[Line]]]:
        """Rows that bridge the region's gutters (a caption or a deck across the columns under
        it) apart from the runs of rows that leave them open. A gutter here is a strip at least
        `min_gutter` wide that hardly any row covers (a fifth of the rows on either side of it),
        measured over the rows, not over glyphs, so one long caption cannot close it."""
        if len(rows) < 3:
            return []
        lo = math.floor(min(ln.cx0 for r in rows for ln in r))
        hi = math.ceil(max(ln.cx1 for r in rows for ln in r))
        if hi - lo > 20000:
            return []
        diff = [0] * (hi - lo + 2)
        spans = []
        for r in rows:
            merged = _merge_intervals([(ln.cx0, ln.cx1) for ln in r])
            spans.append(merged)
            if not any(ln.glyphs for ln in r):
                continue     # a photo is no text over a gutter: it bridges, but does not close one
            for a, b in merged:
                diff[math.floor(a) - lo] += 1
                diff[math.ceil(b) - lo] -= 1
        cov, run = [], 0
        for d in diff:
            run += d
            cov.append(run)
        gutters = []
        peak = max(cov)
        x = 0
        while x < len(cov):
            if cov[x] * 5 <= peak and 0 < x:
                y = x
                while y < len(cov) and cov[y] * 5 <= peak:
                    y += 1
                left = max(cov[max(0, x - 12):x] or [0])
                right = max(cov[y:y + 12] or [0])
                inside = max(cov[x:y])
                if y < len(cov) and y - x >= self.min_gutter and inside * 5 <= min(left, right):
                    gutters.append((lo + x, lo + y))
                x = y
            x += 1
        if not gutters:
            return []
        bridging = [any(a < g0 + 0.5 and b > g1 - 0.5 for a, b in sp for g0, g1 in gutters) for sp in spans]
        if not any(bridging) or all(bridging):
            return []
        bands: list[list[list[Line]]] = []
        for row, br in zip(rows, bridging, strict=True):
            if bands and bridging[len([r for b in bands for r in b]) - 1] == br:
                bands[-1].append(row)
            else:
                bands.append([row])
        return bands

    def _bands(self, rows: list[list[Line]]) -> list[list[list[Line]]]:
        """Group rows top-down: a band stays together while its lines leave a gutter open."""
        bands = [[rows[0]]]
        union = _merge_intervals([(ln.cx0, ln.cx1) for ln in rows[0]])
        for row in rows[1:]:
            trial = _merge_intervals([(m[0], m[1]) for m in union] + [(ln.cx0, ln.cx1) for ln in row])
            if _has_gap(trial, self.min_gutter):
                bands[-1].append(row)
                union = trial
            else:
                bands.append([row])
                union = _merge_intervals([(ln.cx0, ln.cx1) for ln in row])
        return bands


# ---------------------------------------------------------------------------------------------
# 4. paragraphs

def _first_word(line: Line) -> float:
    """Width of the first word of a line (a Han character is a word), with the marks after it
    that no line may begin with and an opening mark after those with the character it opens
    (到， and 然。“停 move down to the next line together: the line before ends short of
    them by more than one character and is still full)."""
    gs = line.glyphs
    if gs[0].text in _OPENING and len(gs) > 1:
        k = 1                        # an opening bracket never ends a line: it comes with what follows
    elif not gs[0].text or _is_cjk(gs[0].text[0]):
        k = 0
    else:
        k = 0
        for a, b in itertools.pairwise(gs):
            if b.x0 - a.x1 - line.track > 0.2 * line.size or _is_cjk(b.text[0]):
                break
            k += 1
    while k + 1 < len(gs) and gs[k + 1].text[:1] in NO_LINE_START:
        k += 1
    while k + 2 < len(gs) and gs[k + 1].text in _OPENING:
        k += 2                       # 然。“停: no line ends on the opening quote either
    return gs[k].x1 - gs[0].x0


def _slack(line: Line) -> float:
    """White a heading line leaves in the width it was set in (either side when centred)."""
    return (line.frame[1] - line.x1) + max(0.0, line.x0 - line.frame[0])


def _space_at(line: Line) -> int:
    """Index of the first glyph after a word space (a gap, or a space glyph); len(glyphs) if none."""
    gs = line.glyphs
    for k in range(1, len(gs)):
        if gs[k].x0 - gs[k - 1].x1 - line.track > 0.2 * line.size or not gs[k].text.strip():
            return k
    return len(gs)


def _has_space(line: Line) -> bool:
    return _space_at(line) < len(line.glyphs)


def _first_phrase(line: Line) -> float:
    """Width of a heading line up to its first word space, or of the whole line when it has none.

    Headlines break at their spaces, so a heading line that ends short still wraps on when the
    next line's first phrase would not have fitted after it.
    """
    return line.glyphs[_space_at(line) - 1].x1 - line.glyphs[0].x0


class _Columns:
    """Known left and right column edges of a page, to judge indents and short lines."""

    def __init__(self, lines: list[Line], page: _Gutters | None = None):
        self.page = page
        lefts: dict[tuple, int] = {}
        rights: dict[tuple, int] = {}
        for ln in lines:
            lefts[(ln.box, round(ln.x0))] = lefts.get((ln.box, round(ln.x0)), 0) + 1
            rights[(ln.box, round(ln.x1))] = rights.get((ln.box, round(ln.x1)), 0) + 1
        self.lefts: dict = {}
        self.rights: dict = {}
        for (box, x), c in lefts.items():
            if c >= 3:
                self.lefts.setdefault(box, []).append(x)
        for (box, x), c in rights.items():
            if c >= 3:
                self.rights.setdefault(box, []).append(x)
        for d in (self.lefts, self.rights):
            for v in d.values():
                v.sort()
        # where the full lines of each column end: the rightmost line end shared by 3 lines
        ends: dict[tuple, dict[int, int]] = {}
        for ln in lines:
            e = ends.setdefault((ln.frame, ln.box), {})
            e[round(ln.x1)] = e.get(round(ln.x1), 0) + 1
        # (a line end counts at its own point and the points either side: a column's edge that
        # falls on a half point splits its lines between two points, and the page's scale says where)
        ends = {key: _near(e) for key, e in ends.items()}
        self.frame_rights = {key: float(max(x for x, c in e.items() if c >= 3))
                             for key, e in ends.items() if any(c >= 3 for c in e.values())}
        starts: dict[tuple, dict[int, int]] = {}
        for ln in lines:
            e = starts.setdefault((ln.frame, ln.box), {})
            e[round(ln.x0)] = e.get(round(ln.x0), 0) + 1
        starts = {key: _near(e) for key, e in starts.items()}
        self.frame_lefts = {key: sorted(float(x) for x, c in e.items() if c >= 3) for key, e in starts.items()}
        self.box_rights: dict[int, float] = {}
        self.box_edges: dict[int, float] = {}


def _near(counts: dict[int, int]) -> dict[int, int]:
    """Each point's count with its neighbours' (the points it holds, not new ones)."""
    return {x: counts.get(x - 1, 0) + c + counts.get(x + 1, 0) for x, c in counts.items()}


def _running_lines(pages: list[PageGlyphs]) -> set[str]:
    """Running headers and footers: short lines at the top or foot that recur on other pages."""
    if len(pages) < 2:
        return set()
    per_page = []
    for page in pages:
        top, foot = pdf_roles.BAND * page.height, (1 - pdf_roles.BAND) * page.height
        band = sorted((g for g in page.glyphs if g.upright and (g.base < top or g.base > foot)),
                      key=lambda g: (round(g.base), g.x0))
        # rough lines are enough here: glyphs on one baseline, cut at gaps wider than an em
        lines = []
        for _, row in itertools.groupby(band, key=lambda g: round(g.base)):
            seg: list[Glyph] = []
            for g in row:
                if seg and g.x0 - seg[-1].x1 > g.size:
                    lines.append(Line(seg, seg[0].x0, seg[-1].x1, seg[0].base, seg[0].size,
                                      "".join(x.text for x in seg)))
                    seg = []
                seg.append(g)
            if seg:
                lines.append(Line(seg, seg[0].x0, seg[-1].x1, seg[0].base, seg[0].size, "".join(x.text for x in seg)))
        per_page.append(lines)
    return pdf_roles.running_lines(per_page, [p.height for p in pages])


def page_paragraphs(page: PageGlyphs, running: frozenset[str] | set[str] = frozenset()) -> list[tuple[Para, int]]:
    glyphs = dedupe(page.glyphs)
    blocks, glyphs = pdf_vertical.find(glyphs)
    upright = [g for g in glyphs if g.upright]
    rotated = [g for g in glyphs if not g.upright]
    out: list[tuple[Para, int]] = []
    if upright or blocks:
        out.extend(_flow_page(upright, page, running, blocks))
    out.extend(_rotated_paragraphs(rotated))
    return out


def _plain_paragraphs(page: PageGlyphs) -> list[tuple[Para, int]]:
    """The fallback reading: every line a block, top to bottom."""
    lines = sorted(build_lines(dedupe(page.glyphs)), key=lambda ln: (round(ln.base), ln.x0))
    return [(Para([ln], [ln.text]), 0) for ln in lines]


def _figures(lines: list[Line], boxes: list[Box], body: float) -> list[Line]:
    """Photos and empty frames (a picture's placeholder) as text-less lines, so that the
    columns beside and below a photo are cut apart as they stand on the page."""
    big = [b for b in boxes if b.x1 - b.x0 >= 3 * body and b.bottom - b.top >= 3 * body]
    big.sort(key=lambda b: -b.area)
    del big[400:]   # the largest; each is tested against every line
    keep: list[Box] = []
    for b in big:
        if any(k.x0 - 1 <= b.x0 and b.x1 <= k.x1 + 1 and k.top - 1 <= b.top and b.bottom <= k.bottom + 1
               for k in keep):
            continue  # drawn inside a figure already kept (the cross in a placeholder)
        if any(ln.x0 < b.x1 and ln.x1 > b.x0 and ln.top < b.bottom and ln.bottom > b.top for ln in lines):
            continue  # text on it: a tint or a frame, not a picture
        keep.append(b)
        if len(keep) >= 50:
            break
    return [Line([], b.x0, b.x1, b.bottom, 0.0, "", cx0=b.x0, cx1=b.x1, y0=b.top) for b in keep]


def _body_size(lines: list[Line]) -> float:
    counts: dict[float, int] = {}
    for ln in lines:
        counts[ln.size] = counts.get(ln.size, 0) + len(ln.glyphs)
    return max(counts, key=lambda s: (counts[s], -s))


def _drop_caps(lines: list[Line], body: float) -> list[Line]:
    """A drop cap (首字下沉: a paragraph's first character set two or three lines deep, the lines
    beside it indented by its width) is read as that paragraph's first character, in its first
    line; the lines beside it owe their indent to it (`Line.hang`), not to a new paragraph."""
    out = lines
    caps = [ln for ln in lines if len(ln.glyphs) == 1 and ln.size >= 1.8 * body and _is_cjk(ln.text[:1])]
    for cap in caps:
        if any(o is not cap and abs(o.size - cap.size) <= 0.1 * cap.size and o.x0 < cap.x1 and cap.x0 < o.x1
               and abs(o.base - cap.base) <= 1.6 * cap.size for o in caps):
            continue         # one glyph of a column of them: 竖排, read top to bottom later
        top = cap.base - 0.9 * cap.size
        beside = sorted((ln for ln in out if ln is not cap and abs(ln.size - body) <= 0.05 * body
                         and cap.x1 - 0.2 * body <= ln.x0 <= cap.x1 + 1.5 * body
                         and top <= ln.base <= cap.base + 0.5 * body), key=lambda ln: ln.base)
        if len(beside) < 2 or beside[0].base > top + 1.6 * body:
            continue
        first = beside[0]
        g = Glyph(cap.text, first.x0 - first.size, first.x0, first.base, first.size)
        joined = _make_line([g, *first.glyphs])
        for ln in beside[1:]:
            ln.hang = ln.x0 - cap.x0
        out = [joined if ln is first else ln for ln in out if ln is not cap]
    return out


def _attach_scripts(lines: list[Line]) -> list[Line]:
    """A superscript or subscript (the 2 of m², a footnote's ①: up to four glyphs in a smaller
    size, raised or lowered off the baseline) is read into the line it is set in, where it
    stands, instead of as a line of its own after everything else."""
    small = [ln for ln in lines if len(ln.glyphs) <= 4]
    if not small:
        return lines
    by_base = sorted(lines, key=lambda ln: ln.base)
    bases = [ln.base for ln in by_base]
    merged: dict[int, list[Glyph]] = {}      # id(host) -> its glyphs with the scripts it takes
    taken: set[int] = set()
    for sc in small:
        s = sc.size
        lo, hi = bisect_left(bases, sc.base - 3.5 * s), bisect_left(bases, sc.base + 3.5 * s)
        for host in by_base[lo:hi]:
            m = host.size
            if host is sc or id(host) in taken or m < 1.3 * s or len(host.glyphs) < 2:
                continue
            if not (host.base - 0.9 * m <= sc.base <= host.base + 0.35 * m):
                continue
            if not (host.x0 - 0.3 * m <= sc.x0 and sc.x1 <= host.x1 + 1.2 * m):
                continue
            gs = merged.get(id(host), host.glyphs)
            if any(g.x0 < sc.x1 - 0.2 and g.x1 > sc.x0 + 0.2 for g in gs):
                continue            # it would cover the line's own glyphs: not set in it
            if not any(abs(sc.x0 - g.x1) <= 0.5 * m or abs(g.x0 - sc.x1) <= 0.5 * m for g in gs):
                continue
            merged[id(host)] = sorted([*gs, *sc.glyphs], key=_ink_centre)
            taken.add(id(sc))
            break
    if not taken:
        return lines
    return [_make_line(merged[id(ln)]) if id(ln) in merged else ln for ln in lines if id(ln) not in taken]


def _flow_page(glyphs: list[Glyph], page: PageGlyphs, running: frozenset[str] | set[str] = frozenset(),
               blocks: list[pdf_vertical.Block] | None = None) -> list[tuple[Para, int]]:
    # a rule's thickness and length, and how near its ends lie, in points of a 9 pt body: a page
    # set larger or smaller draws them in proportion
    unit = _glyph_body(glyphs) / 9.0
    rules = [b for b in page.boxes if b.x1 - b.x0 <= 2.5 * unit and b.bottom - b.top >= 10 * unit]
    gutters = _Gutters(glyphs, rules)
    gutters.across = _rules_across(page.boxes, rules, unit)
    lines = _attach_scripts(build_lines(glyphs, gutters))
    blocks = blocks or []
    body = _body_size(lines + [_column_line(c) for b in blocks for c in b.columns])
    lines = _drop_caps(lines, body)
    rects: dict[int, Box] = {}
    boxes = _assign_boxes(lines, page.boxes + _closed_boxes(page.boxes, 3.0 * unit), page, body, rects)
    # each group of vertical blocks stands in the reading order as a region without text lines
    # (a 竖题 or a column label beside a story set across is read with that story instead)
    groups = pdf_vertical.groups(blocks, HEADING_RATIO * body, boxes)
    beside = [all(b.size >= HEADING_RATIO * body for b in g) and _level_text(g, lines) for g in groups]
    areas = [Line([], min(b.x0 for b in g), max(b.x1 for b in g), max(b.bottom for b in g), 0.0, "",
                  cx0=min(b.x0 for b in g), cx1=max(b.x1 for b in g), y0=min(b.top for b in g)) for g in groups]
    places = [a for a, side in zip(areas, beside, strict=True) if not side]
    # (a box with vertical text on it, a label's coloured bar too, is no picture)
    figures = _figures(lines + areas, boxes + page.figures, body)
    leaves = _Orderer(body, gutters).run(lines + figures + places)
    place_pos: dict[int, int] = {}
    ordered: list[Line] = []
    pos = 0
    for k, (leaf_lines, frame) in enumerate(leaves):
        for ln in leaf_lines:
            pos += 1
            if not ln.glyphs:
                place_pos[id(ln)] = pos
                # a figure only takes its place in the reading order: the line after it is
                # interrupted, not a blank line away (a column running on below a photo set into it)
                continue
            box = rects.get(ln.box) if ln.box is not None else None
            if box is not None and box.x0 < frame[1] and frame[0] < box.x1:
                # a boxed line is set in its box's width, however wide the region read with it
                # (a framed commentary beside a story, its headline's rows alone across the page)
                ln.frame = (max(frame[0], box.x0), min(frame[1], box.x1))
            else:
                ln.frame = frame
            ln.leaf = k
            ln.pos = pos
            ordered.append(ln)
    # page furniture leaves the flow (a paragraph runs on across a footer): the lines above the
    # page's middle open it, the others close it
    furniture = pdf_roles.furniture_lines(ordered, page.height, body, running)
    head_furniture: list[Para] = []
    foot_furniture: list[Para] = []
    if furniture:
        for para in _furniture_paras([ln for ln in ordered if id(ln) in furniture]):
            (head_furniture if para.lines[0].base < page.height / 2 else foot_furniture).append(para)
        ordered = [ln for ln in ordered if id(ln) not in furniture]
    # frames known from fewer than 3 lines may be narrower than their column
    frame_counts: dict[tuple[float, float], int] = {}
    for ln in ordered:
        frame_counts[ln.frame] = frame_counts.get(ln.frame, 0) + 1
    columns = _Columns(ordered, gutters)
    columns.box_rights = _short_item_boxes(ordered, rects)
    columns.box_edges = _box_edges(ordered, rects)
    thin = {f for f, c in frame_counts.items() if c < 3}
    pitch = _pitch(ordered, body)

    flows: dict[int | None, list[Line]] = {}
    for ln in ordered:
        flows.setdefault(ln.box, []).append(ln)
    paras_by_flow = {box: _paragraphs(flow_lines, body, pitch, columns, thin, gutters)
                     for box, flow_lines in flows.items()}
    main = paras_by_flow.pop(None, [])
    for box_paras in paras_by_flow.values():
        # a box holding a display headline and running text frames a story, not a sidebar; so
        # does one that opens with a headline smaller than display (a boxed brief's, 1.4 body
        # and up, where a sidebar's label is hardly larger than the body) over running text
        prose = [p for p in box_paras if p.body and len(p.lines) > 1]
        if ((any(p.lines[0].size >= pdf_roles.DISPLAY * body for p in box_paras) and len(prose) >= 2)
                or (box_paras[0].heading and box_paras[0].lines[0].size >= 1.4 * body
                    and (len(prose) >= 2 or sum(len(p.lines) for p in prose) >= 4))):
            for p in box_paras:
                p.boxed_story = True
    # each boxed flow, and each group of vertical text, follows the main paragraph that was open
    # when it was met
    inserts: dict[int, list[Para]] = {}
    head: list[Para] = []
    main_lines = sorted((ln.pos, k) for k, p in enumerate(main) for ln in p.lines)
    positions = [pos for pos, _ in main_lines]
    met = [(paras[0].lines[0].pos, paras) for paras in paras_by_flow.values()]
    vertical = [_vertical_paragraphs(g, body, boxes) for g in groups]
    placed = [paras for paras, side in zip(vertical, beside, strict=True) if not side]
    met += [(place_pos.get(id(pl), 0), paras) for pl, paras in zip(places, placed, strict=True)]
    for first, paras in sorted(met, key=lambda t: t[0]):
        i = bisect_left(positions, first) - 1
        if i < 0:
            head.extend(paras)
        else:
            inserts.setdefault(main_lines[i][1], []).extend(paras)
    result: list[Para] = list(head)
    for k, p in enumerate(main):
        result.append(p)
        result.extend(inserts.get(k, []))
    for paras, side in zip(vertical, beside, strict=True):
        if side:
            result = _attach_vertical_heading(result, paras, rules)
    pdf_roles.assign(result, figures, body)
    result = head_furniture + result + foot_furniture
    col_x = sorted({round(ln.frame[0]) for ln in ordered}) or [0]
    return [(p, _column_index(col_x, p.lines[0].frame[0])) for p in result]


def _rules_across(boxes: list[Box], rules: list[Box], unit: float = 1.0) -> list[Box]:
    """Horizontal rules (a path at most 2.5 pt high and at least 10 pt long, `unit` times that on
    a page whose body is not 9 pt), not a side of a box drawn a side at a time (no vertical rule
    meets either end)."""
    out = []
    near = 3 * unit
    for b in boxes:
        if b.bottom - b.top > 2.5 * unit or b.x1 - b.x0 < 10 * unit:
            continue
        y = (b.top + b.bottom) / 2
        if any(r.top - near <= y <= r.bottom + near and (abs(r.x0 - b.x0) <= near or abs(r.x1 - b.x1) <= near)
               for r in rules):
            continue
        out.append(b)
    return out


def _furniture_paras(lines: list[Line]) -> list[Para]:
    """The page's furniture lines (in reading order) as blocks: one a line, but the fields of one
    line set apart by a wide space (本版编辑：王明　校对：李华, with a full-width space or two
    between the fields, which the line builder cuts as wider than a character) are one block,
    joined with a word space. Fields further apart than `FIELD_GAP` ems (the paper's name, the
    date and the folio spread across the 版眉) stay blocks of their own."""
    paras: list[Para] = []
    for ln in sorted(lines, key=lambda ln: (round(ln.base), ln.x0)):
        left = next((p for p in reversed(paras) if _field_follows(p.lines[-1], ln)), None)
        if left is not None:
            left.lines.append(ln)
            left.texts[-1] = left.texts[-1] + " " + ln.text
            continue
        para = Para([ln], [ln.text], main=False, role="furniture")
        paras.append(para)
    # in the reading order of each block's first line
    order = {id(ln): k for k, ln in enumerate(lines)}
    return sorted(paras, key=lambda p: order[id(p.lines[0])])


def _field_follows(a: Line, b: Line) -> bool:
    """Whether `b` is the next field of the furniture line `a`: on its baseline, in its size,
    right after it across no more than `FIELD_GAP` ems."""
    size = max(a.size, b.size)
    return (abs(a.base - b.base) <= 0.3 * size and abs(a.size - b.size) <= 0.1 * size
            and -0.5 <= b.x0 - a.x1 <= FIELD_GAP * size)


def _column_line(c: pdf_vertical.Column) -> Line:
    """A vertical column as a line: its glyphs top to bottom, its extent down the page."""
    return Line(c.glyphs, c.x0, c.x1, c.bottom, c.size, c.text, cx0=c.x0, cx1=c.x1, y0=c.top)


def _vertical_paragraphs(group: list[pdf_vertical.Block], body: float, boxes: list[Box]) -> list[Para]:
    """A group of vertical blocks as paragraphs, right to left. In a drawn box (not a bar behind
    one label) they are a sidebar, or a boxed story when a display headline heads running text."""
    paras = []
    # a group's running text (a block of three columns or more) may be set larger than the
    # page's body: its byline in that size is no heading
    prose = [b for b in group if len(b.columns) >= 3]
    own = max(prose, key=lambda b: sum(len(c.glyphs) for c in b.columns)).size if prose else body
    for b in group:
        heading = b.size >= HEADING_RATIO * body and b.size >= HEADING_RATIO * own and len(b.columns) <= 2
        for cols in b.paragraphs():
            lines = [_column_line(c) for c in cols]
            paras.append(Para(lines, [ln.text for ln in lines], heading=heading,
                              body=abs(b.size - own) < 0.05 * own, vertical=True))
    x0, x1 = min(b.x0 for b in group), max(b.x1 for b in group)
    top, bottom = min(b.top for b in group), max(b.bottom for b in group)
    framed = any(k.x0 - 1 <= x0 and x1 <= k.x1 + 1 and k.top - 1 <= top and bottom <= k.bottom + 1 for k in boxes)
    one_label = len(paras) == 1 and paras[0].heading and len(paras[0].lines) == 1
    if framed and not one_label:
        running = [p for p in paras if p.body]
        story = any(b.size >= pdf_roles.DISPLAY * body for b in group) and len(running) >= 2
        for p in paras:
            p.main, p.boxed_story = False, story
    return paras


def _level_text(group: list[pdf_vertical.Block], lines: list[Line]) -> bool:
    """Whether text set across stands level with the group, within four of its ems."""
    top, bottom = min(b.top for b in group), max(b.bottom for b in group)
    x0, x1 = min(b.x0 for b in group), max(b.x1 for b in group)
    reach = 4 * max(b.size for b in group)
    return any(ln.top < bottom and ln.bottom > top and max(ln.x0 - x1, x0 - ln.x1) <= reach for ln in lines)


def _attach_vertical_heading(result: list[Para], heads: list[Para], rules: list[Box]) -> list[Para]:
    """A vertical headline (竖题, with its kicker) or column label beside a story set across opens
    that story: it goes before the first paragraph of the story's run that stands level with it
    (its horizontal headline, if it has one), and before vertical text standing between the two
    (a label beside the headline); at the head of the page when no story stands beside it.

    The walk back from the paragraph nearest the 竖题 to where the story's run begins stops at a
    column rule (a narrow story set beside a commentary is ruled off from it) and at a
    neighbour's own headline: a headline set across that stands over paragraphs the walk took
    but not over the paragraph nearest the 竖题 heads a module beside the story, and those
    paragraphs are that module's (on FIT pages the narrow story's 竖题 had opened the commentary
    beside it, and the narrow story's text had been read as the commentary's)."""
    top = min(ln.top for p in heads for ln in p.lines)
    bottom = max(ln.bottom for p in heads for ln in p.lines)
    x0 = min(ln.x0 for p in heads for ln in p.lines)
    x1 = max(ln.x1 for p in heads for ln in p.lines)
    size = max(p.lines[0].size for p in heads)

    def away(p: Para) -> float:
        return min((max(ln.x0 - x1, x0 - ln.x1) for ln in p.lines if ln.top < bottom and ln.bottom > top),
                   default=math.inf)

    level = {id(p) for p in result if not p.vertical and p.main and p.role is None and away(p) < math.inf}
    if not level:
        return heads + result
    near = min((k for k, p in enumerate(result) if id(p) in level), key=lambda k: away(result[k]))
    if away(result[near]) > 4 * size:
        return heads + result
    story = result[near].lines[0]
    right = story.x0 >= x1

    def in_story(p: Para) -> bool:
        # set across, on the story's side, and not above the heading's top (the story before it)
        return (not p.vertical and p.main and p.role is None and p.lines[0].top >= top - size
                and all(ln.x0 >= x1 - 1 if right else ln.x1 <= x0 + 1 for ln in p.lines))

    start = near
    while (start > 0 and not result[start].heading and in_story(result[start - 1])
           and not _ruled_off(result[start - 1], result[near], rules)):
        start -= 1
    h = start if result[start].heading else start - 1
    if start < near and h >= 0 and result[h].heading and not result[h].vertical and not _over(result[h], result[near]):
        under = [k for k in range(start, near) if k != h and _over(result[h], result[k])]
        if under:
            start = max(under) + 1
    lo, hi = (x1, story.x0) if right else (story.x1, x0)
    while (start > 0 and result[start - 1].vertical and away(result[start - 1]) < math.inf
           and lo - 1 <= result[start - 1].lines[0].x0 and result[start - 1].lines[0].x1 <= hi + 1):
        start -= 1
    return result[:start] + heads + result[start:]


def _ruled_off(p: Para, q: Para, rules: list[Box]) -> bool:
    """Whether a column rule stands between paragraphs `p` and `q`: all of one's lines on one
    side of it, all of the other's on the other, the rule level with lines of both."""
    def level(r: Box, para: Para) -> bool:
        return any(ln.top < r.bottom and ln.bottom > r.top for ln in para.lines)

    for r in rules:
        x = (r.x0 + r.x1) / 2
        if not (level(r, p) and level(r, q)):
            continue
        if all(ln.x1 <= x + 1 for ln in p.lines) and all(ln.x0 >= x - 1 for ln in q.lines):
            return True
        if all(ln.x0 >= x - 1 for ln in p.lines) and all(ln.x1 <= x + 1 for ln in q.lines):
            return True
    return False


def _over(head: Para, p: Para) -> bool:
    """Whether the heading set across stands over paragraph `p`: a line of `p` below it lies
    mostly within its width."""
    x0, x1 = min(ln.x0 for ln in head.lines), max(ln.x1 for ln in head.lines)
    bottom = max(ln.bottom for ln in head.lines)
    return any(ln.top >= bottom - 1 and min(ln.x1, x1) - max(ln.x0, x0) >= 0.5 * (ln.x1 - ln.x0)
               for ln in p.lines)


def _column_index(col_x: list[int], x: float) -> int:
    return bisect_left(col_x, round(x))


def _pitch(lines: list[Line], body: float) -> float:
    deltas = [b.base - a.base for a, b in itertools.pairwise(lines)
              if a.leaf == b.leaf and a.size == b.size == body and 0 < b.base - a.base < 4 * body]
    return statistics.median(deltas) if deltas else 1.5 * body


def _paragraphs(lines: list[Line], body: float, pitch: float, columns: _Columns, thin: set,
                gutters: _Gutters) -> list[Para]:
    paras: list[Para] = []
    cur: Para | None = None
    prev: Line | None = None
    held: Para | None = None     # a body paragraph cut at a column foot, a caption read after it
    for ln in lines:
        heading = ln.size >= HEADING_RATIO * body
        if (held is not None and cur is not None and cur is not held and not heading
                and abs(ln.size - body) < 0.05 * body and _interrupts(cur, body)
                and ln.leaf != held.lines[-1].leaf
                and _continues(held.lines[-1], ln, body, pitch, columns, thin)):
            # the paragraph runs on at the head of the next column, past the photo's caption (an
            # article set around a photo): the caption stays after it
            cur.ends_full = _full(prev, columns, thin) if prev is not None else False
            held.lines.append(ln)
            held.texts.append(ln.text)
            cur, prev, held = held, ln, None
            continue
        if cur is not None and prev is not None and _same_row(prev, ln, body, gutters):
            gap = ln.x0 - prev.x1
            sep = " " if gap >= 0.5 * ln.size else ""
            cur.texts[-1] = cur.texts[-1] + sep + ln.text
            merged = Line(prev.glyphs + ln.glyphs, prev.x0, ln.x1, prev.base, prev.size, "",
                          cx0=prev.cx0, cx1=ln.cx1, box=prev.box,
                          frame=(prev.frame[0], max(prev.frame[1], ln.frame[1])), leaf=ln.leaf, pos=ln.pos)
            cur.lines[-1] = merged
            prev = merged
            continue
        decision = _continues(prev, ln, body, pitch, columns, thin) if cur is not None and prev is not None else None
        if decision is True and cur is not None and prev is not None:
            cur.lines.append(ln)
            cur.texts.append(_tracked_like(ln, prev))
        else:
            if cur is not None and prev is not None:
                cur.ends_full = _full(prev, columns, thin)
                if cur.body and cur.ends_full and _smaller(ln.size, body) and not heading:
                    held = cur
                elif not _interrupts(cur, body):
                    held = None
            blank = True
            if (prev is not None and cur is not None and heading and cur.heading and abs(prev.size - ln.size) < 0.1 * ln.size
                    and prev.leaf == ln.leaf and 0 < ln.base - prev.base < 2.2 * ln.size):
                blank = False  # the second line of a two-line heading
            cur = Para([ln], [ln.text], blank_before=blank, heading=heading, main=ln.box is None,
                       body=abs(ln.size - body) < 0.05 * body,
                       starts_indented=ln.x0 - _edges(ln, columns, thin)[0] >= INDENT_MIN * ln.size)
            paras.append(cur)
        prev = ln
    if cur is not None and prev is not None:
        cur.ends_full = _full(prev, columns, thin)
    return paras


def _tracked_like(ln: Line, prev: Line) -> str:
    """The text of `ln`, a wrapped headline's last line too short to show its own letter-spacing
    (提 升: two glyphs 0.3 em apart), read at the tracking of the line before it: no word space
    where its gaps are no wider than that tracking."""
    gs = ln.glyphs
    if " " not in ln.text or len(gs) > 4 or prev.track < 0.1 * ln.size or abs(prev.size - ln.size) > 0.05 * ln.size:
        return ln.text
    if all(b.x0 - a.x1 <= prev.track + 0.25 * ln.size for a, b in itertools.pairwise(gs)):
        return "".join(g.text for g in gs)
    return ln.text


def _interrupts(para: Para, body: float) -> bool:
    """Whether a paragraph is small type that may stand between the two parts of a running
    paragraph: a photo's caption or credit, a line or two smaller than the body."""
    return len(para.lines) <= 3 and all(_smaller(ln.size, body) for ln in para.lines) and not para.heading


def _smaller(size: float, body: float) -> bool:
    """A line's size (to half a point) is a smaller type than the body's: a step of half a point
    below it at least (a 9.35 pt caption under a 9.9 pt body reads 9.5 against 10)."""
    return size < 0.96 * body


def _full(ln: Line, columns: _Columns, thin: set) -> bool:
    return _edges(ln, columns, thin)[1] - ln.x1 <= SHORT_LINE * ln.size


def _same_row(a: Line, b: Line, body: float, gutters: _Gutters) -> bool:
    """`b` carries on the line `a`: a headline cut at a wide word space, not two headlines side
    by side over their own columns (a gutter or column rule between them)."""
    size = max(a.size, b.size)
    if abs(a.base - b.base) > 0.3 * size or abs(a.size - b.size) > 0.1 * size or a.box != b.box:
        return False
    gap = b.x0 - a.x1
    if gap < -0.5:
        return False
    heading = size >= HEADING_RATIO * body
    # a justified line stretches its word spaces: in one column (one leaf of the reading order)
    # up to two ems is still a word space
    own = a.leaf == b.leaf and a.frame == b.frame
    # a line justified by its word spaces alone (a web page's CJK line with one space in it,
    # 本报讯（通讯员 白俊）…, stretched to the column's edge): the space may be far wider
    justified = own and not heading and b.x1 >= a.frame[1] - 0.3 * size and gap < 6.0 * size
    if gap >= (3.0 if heading else 2.0 if own else 0.95) * size and not justified:
        return False
    if not gutters.separates(a.glyphs[-1], b.glyphs[0]):
        return True
    # over a gutter of the page: a display line's word space (开局 “十五五” 奋斗正当时 across
    # the page) is narrower than an em, unless the letters before it keep a spacing of their own
    # that the gap breaks (two letter-spaced headlines over their own modules)
    return (size >= pdf_roles.DISPLAY * body and gap < 1.2 * size
            and not (a.track > 0.1 * size and _off_beat(a.glyphs, b.glyphs[0], size)))


def _continues(prev: Line, ln: Line, body: float, pitch: float, columns: _Columns, thin: set) -> bool:
    if abs(prev.size - ln.size) > 0.04 * max(prev.size, ln.size):   # another style: a caption, a deck
        return False
    if ln.size >= HEADING_RATIO * body:
        return _heading_wraps(prev, ln)
    if ln.text[:1] in _BULLETS:
        return False  # ■ 本报记者 …, ● list items: a new block even when set flush left
    size = ln.size
    left, _right = _edges(ln, columns, thin)
    p_left, p_right = _edges(prev, columns, thin)
    below = ln.leaf == prev.leaf or (ln.base > prev.base and ln.x0 < p_right and ln.x1 > p_left
                                      and abs(left - p_left) < 2 * size)
    indent = ln.x0 - left - ln.hang
    if indent >= INDENT_MIN * size and not (below and abs(ln.x0 - prev.x0) < 0.5 and ln.base > prev.base
                                            and not _is_cjk(ln.text[:1]) and not _is_cjk(prev.text[:1])):
        # a first-line indent (in Latin text a block indented as a whole, a quotation, is none)
        return False
    # the line before ends short when the first word of this one would have fitted after it;
    # in a box (a fact box's items, set justified) any visible shortfall ends an item
    slack = p_right - prev.x1
    if (ln.box is not None and slack > 0.3 * size and prev.text[-1:] not in _CLOSING
            and not (slack < _first_word(ln) - 0.02 * size and 4 * len(ln.glyphs) <= len(prev.glyphs))):
        # (unless this line is a short tail the line before had no room for: an item wrapped)
        return False
    # tracking: a line's last glyph is followed by its tracking too, and a word takes its advance
    slack -= min(prev.track, 0.6 * size)
    first = _first_word(ln) + min(ln.track, 0.6 * size)
    if ln.text[:1].isascii() and ln.text[:1].isalnum():
        if slack > first + 0.3 * size:
            return False
    elif slack > first - 0.02 * size:
        return False
    if below:
        interrupted = ln.pos - prev.pos > 1
        if not interrupted and ln.base - prev.base > 1.6 * max(pitch, size):
            return False  # a blank line between them
        if ln.base <= prev.base:
            return False
    return True


_BULLETS = set("■●◆▲★▶►•※")  # not ○: it is written for 〇 (zero) in dates


def _wraps_under(head: Line, ln: Line) -> bool:
    """ln is set right under headline line `head` in its size, across most of the narrower one's
    width: the headline's next line (驻南韩美军近三千人 / 奉命冻结调防), whatever stands beside it."""
    if not (head.glyphs and ln.glyphs) or abs(ln.size - head.size) > 0.05 * head.size:
        return False
    overlap = min(head.x1, ln.x1) - max(head.x0, ln.x0)
    return 0.8 * head.size < ln.base - head.base <= 1.8 * head.size and \
        overlap >= 0.6 * min(head.x1 - head.x0, ln.x1 - ln.x0)


def _heading_wraps(prev: Line, ln: Line) -> bool:
    """A headline too long for its width goes on to a second line: the first one fills the
    width it was set in (left-aligned or centred), the second follows right below it, or at
    the head of the next column for a subhead set at the foot of one."""
    if prev.box != ln.box:
        return False
    slack = _slack(prev) - prev.track    # a letter-spaced line's last glyph carries its tracking
    if (prev.frame[1] - prev.x1 - prev.track < 0.5 * ln.size and prev.x0 - prev.frame[0] <= 2.5 * prev.size
            and not (_has_space(prev) and _has_space(ln))):
        slack = max(0.0, prev.frame[1] - prev.x1 - prev.track)   # flush right: full, whatever its indent
    advance = ln.track if len(ln.glyphs) > 2 else prev.track   # and each word of the next line its own
    # a line narrower than the one under it did not fill its width (a centred banner over a
    # wider one; a line alone in its region has no other measure of its width)
    slack = max(slack, (ln.x1 - ln.x0) - (prev.x1 - prev.x0))
    # short of the width: a wrap only where the line broke at a word space (the next phrase
    # would not have fitted), and not where both lines are whole paired phrases (奋进新征程
    # 建功新时代 over 临川日报 · 要闻: two titles, each complete on its line)
    step = ln.base - prev.base
    if slack > max(0.5 * ln.size, _first_word(ln) + advance - 0.02 * ln.size) and (
            slack > _first_phrase(ln) + advance or (_has_space(prev) and _has_space(ln))) \
            and not _centred_pair(prev, ln, step):
        return False
    if 0.8 * ln.size < step <= 1.8 * ln.size:
        return True
    return step < -1.5 * ln.size and ln.leaf != prev.leaf and ln.x0 - ln.frame[0] < 0.5 * ln.size


def _centred_pair(prev: Line, ln: Line, step: float) -> bool:
    """Two lines of a headline set centred one under the other in one size, neither with a word
    space: a headline broken in two for its shape (陕西凤翔泥塑羊成为 / 中国羊年吉祥物), not for
    want of room, so the first line may be short of its width by more than the second.
    (The quarter em between Han and Latin, 是ATP的, is no word space.)"""
    if not 0.8 * ln.size < step <= 1.5 * ln.size or any(
            (b.x0 - a.x1 - line.track > 0.2 * line.size or not b.text.strip())
            and not (a.text[-1:].isascii() and a.text[-1:].isalnum() or b.text[:1].isascii() and b.text[:1].isalnum())
            for line in (prev, ln) for a, b in itertools.pairwise(line.glyphs)):
        return False
    mid_prev, mid = (prev.x0 + prev.x1) / 2, (ln.x0 + ln.x1) / 2
    return abs(mid_prev - mid) <= 0.5 * ln.size


def _box_edges(lines: list[Line], rects: dict[int, Box]) -> dict[int, float]:
    """The inner right edge of each box: its frame less the white its lines leave on the left
    (a box pads its text alike on both sides)."""
    out = {}
    for box_id, rect in rects.items():
        inside = [ln.x0 for ln in lines if ln.box == box_id]
        if inside:
            out[box_id] = rect.x1 - max(0.0, min(inside) - rect.x0)
    return out


def _short_item_boxes(lines: list[Line], rects: dict[int, Box]) -> dict[int, float]:
    """The inner right edge of each box of short items (a fact box: 智慧路灯：一百二十个 …).

    A box whose text fills most of its width but none of whose lines reaches its inner edge
    (its frame less the white its lines leave on the left) holds items, not wrapped lines: the
    lines that end together are as long as each other, not full. A box much wider than its text
    (set on a grid, a column of it used) tells nothing and is left out, unless no line of it has
    a comma or a full stop and its lines wrap at no common measure (only one line is the
    longest): then it holds items whatever its width (数读 / 停车泊位：五十五个 … in a box as
    wide as a column of running text)."""
    out = {}
    for box_id, rect in rects.items():
        inside = [ln for ln in lines if ln.box == box_id]
        if len(inside) < 3:
            continue
        left = min(ln.x0 for ln in inside)
        edge = rect.x1 - max(0.0, left - rect.x0)
        longest = max(ln.x1 for ln in inside)
        size = max(ln.size for ln in inside)
        # no commas or full stops, and no measure the lines wrap at (one line alone is the longest)
        items = (all(not any(m in ln.text for m in "，。；,;") for ln in inside)
                 and sum(1 for ln in inside if ln.x1 >= max(x.x1 for x in inside) - 0.5) == 1)
        if (longest - left >= 0.55 * (edge - left) or items) and longest < edge - size:
            out[box_id] = edge
    return out


def _edges(ln: Line, columns: _Columns, thin: set) -> tuple[float, float]:
    left, right = _frame_edges(ln, columns, thin)
    if ln.box is not None and ln.box in columns.box_rights:
        right = max(right, columns.box_rights[ln.box] - 0.5 * ln.size)
    elif ln.box is not None and ln.box in columns.box_edges:
        # text in a box ends at the box's inner edge, however wide the region it was read in
        # (a boxed brief over the page's footer line)
        right = max(ln.x1, min(right, columns.box_edges[ln.box]))
    return left, right


def _frame_edges(ln: Line, columns: _Columns, thin: set) -> tuple[float, float]:
    left, right = ln.frame
    if ln.frame in thin:
        lefts = columns.lefts.get(ln.box, [])
        k = bisect_left(lefts, ln.x0 + 1.01) - 1
        if k >= 0 and ln.x0 - lefts[k] <= 4.5 * ln.size:
            left = min(left, lefts[k])
        rights = columns.rights.get(ln.box, [])
        k = bisect_left(rights, ln.x1 - 1.01)
        if k < len(rights) and rights[k] - ln.x1 <= 40 * ln.size:
            right = max(right, rights[k])
    else:
        # a column set in a module wider than its text (a story given more columns than it
        # fills): its right edge is where its full lines end, not the module's edge
        # (not in a box: there three items of one length end together, full or not)
        own = columns.frame_rights.get((ln.frame, ln.box)) if ln.box is None else None
        if own is not None and own >= ln.x1 - 1.01 and right - own >= 1.5 * ln.size:
            right = own
        # and its left edge is where its lines start (text beside a photo whose caption is wider)
        for x in columns.frame_lefts.get((ln.frame, ln.box), ()):
            if x <= ln.x0 + 1.01 and ln.x0 - x <= 4.5 * ln.size:
                left = max(left, x)
                break
        # a line that starts right after a gutter of the page, or ends right before one, fills
        # its column on that side, whatever its region's frame (a column beside a photo, a caption)
        page = columns.page
        if page is not None:
            if ln.x0 - left >= INDENT_MIN * ln.size and page.gutter_before(ln.x0):
                left = ln.x0
            if right - ln.x1 >= 0.5 * ln.size and page.gutter_after(ln.x1):
                right = ln.x1
    return left, right


def _rotated_paragraphs(glyphs: list[Glyph]) -> list[tuple[Para, int]]:
    """Rotated text (vertical labels, turned tables, a slanted headline): one block per run of
    glyphs written in one direction on one line, read in that direction (text turned 90°
    counter-clockwise reads from the foot of the page up), so no text is lost or reversed."""
    if not glyphs:
        return []
    placed = []
    for g in glyphs:
        dx, dy = math.cos(g.angle), -math.sin(g.angle)     # the writing direction, page y down
        cx = 0.5 * (g.x0 + g.x1)
        along, across = cx * dx + g.base * dy, -cx * dy + g.base * dx
        placed.append((round(g.angle / 0.05), across, along, g))
    # by direction, then by line (the distance across the writing direction), then along it
    placed.sort(key=lambda t: (t[0], t[1]))
    lines: list[list[tuple[int, float, float, Glyph]]] = []
    for t in placed:
        last = lines[-1][-1] if lines else None
        if last is not None and last[0] == t[0] and abs(t[1] - lines[-1][0][1]) <= 0.5 * t[3].size:
            lines[-1].append(t)
        else:
            lines.append([t])
    out = []
    for line in lines:
        line.sort(key=lambda t: t[2])
        runs = [[line[0][3]]]
        for a, b in itertools.pairwise(line):
            if b[2] - a[2] > 2.5 * max(a[3].size, b[3].size):
                runs.append([])
            runs[-1].append(b[3])
        for run in runs:
            text = "".join(g.text for g in run)
            ln = Line(run, min(g.x0 for g in run), max(g.x1 for g in run), run[0].base, run[0].size, text)
            out.append((ln.base, ln.x0, Para([ln], [text])))
    out.sort(key=lambda t: (t[0], t[1]))
    return [(para, 0) for _, _, para in out]
