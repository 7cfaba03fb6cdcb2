"""Text wrapped at a fixed width: lines broken where they filled, not where paragraphs end.

A text saved from an e-mail, a text editor's hard wrap or a one-column PDF page has a line for
each line of the source: every line of a paragraph but its last one is as wide as the wrap
allows, and the paragraph's last line is shorter, so the width itself says which line break is a
paragraph's end. Such a file is told by its lines' widths: among the lines that run straight on
into the next one (no blank line between), most are within a character of one width and almost
none are wider (a hanging mark goes one past it). Headline lists and a sentence a line have no
such width (their lines are as long as they come), so nothing here touches them.

Widths are measured two ways, as a typesetter measures a line (ems: a Han character or full-width
mark 1, a Latin letter, digit or half-width mark ½) and as a plain wrap counts characters, and the
file's width is read in whichever one its lines agree on better. A line indented as a paragraph's
first line (two ideographic spaces, or spaces or a tab: `RawBlock.indented`) starts a paragraph
whatever the line above it did, and counts its indent (2) in its width. A typeset page squeezes
marks to half an em to fit a line, so a line is only wider than the wrap (a headline no one
wrapped) where it still is with its marks at half an em (`_wider`).

A page's text read column after column (an OCR's, a viewer's copy, pdftotext of a page whose
stories it takes one at a time) sets each story at its own column width, a blank line after each
column's piece: the width is read region by region, the file cut where the widest lines of its
runs change by more than a unit (`_regions`); a text wrapped at one width is one region. There a
column's full last line goes on into the next column's full first line where a paragraph's first
line is two short (`_column_goes_on`), and in a text with no blank line at all a headline as wide
as the columns, over a paragraph's first line or a dateline, stands apart (`_headline`).

A full line that ends a sentence may end its paragraph too. Where nothing marks the paragraphs'
first lines, the file's own lines say how likely that is (`_full_line_ends`: the paragraph ends
short of the width against the sentence ends inside its lines), and the line is joined where a
sentence end inside a paragraph is the likelier reading.

Every join is a `Fix` like the seam model's (kind "join", a confidence, a reason in English and
Chinese), so the editor reviews and undoes it the same way; what the width leaves open (a full
line ending a sentence where paragraphs are mostly that sentence, a short line that stops
mid-sentence) the seam model decides.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple, cast

from galley.app.model import Fix, RawBlock
from galley.app.repair import features as ft
from galley.app.repair.geometry import NO_LINE_START, fills_line

INDENT = 2.0          # the width of a paragraph's first-line indent (ems or characters)
SLACK = 1.0           # a full line may stop this much short of the width (a unit carried down)
LEAST_LINES = 4       # lines at the width a file needs …
LEAST_SHARE = 0.4     # … and this share of its lines that run on without a blank line
MOST_OVER = 0.05      # lines wider than the width passed over (share, at least two: headlines no one wrapped)
LEAST_RUNNING = 3.0   # marks (，。、；：！？) per 100 characters of the lines at the width: running text has
#                       six to ten, a list of headlines next to none
NAIVE = 0.02          # share of lines starting with a closing mark from which a wrap is by characters
EVERY_BLANK = 0.95    # share of lines after a blank line from which a file's blank lines say nothing …
EVERY_LEAST = 12      # … and lines of just the width such a file needs (column pieces seldom agree on one)
SURE = 0.97           # a join of a full line to the line under it
COLUMN_SURE = 0.9     # a full column's last line to the next column's full first line (`_column_goes_on`)
RUN_LINES = 2         # lines that run on in a run (a column's piece) for it to say where the width changes


_MARKS = re.compile("[，。、；：！？,;:?!]")
_SENTENCE_END = re.compile("[。！？!?]")
_BODY = re.compile("[，。,]")
_SQUEEZE = frozenset("，。、；：“”‘’（）《》〈〉【】「」『』")   # marks a setter may set in half an em


def ems(text: str) -> float:
    """The width in ems; a space is none (in text taken from a page it stands for the gap between
    Han characters and Latin or figures, a quarter em)."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in text) - 0.5 * text.count(" ")


def measures(b: RawBlock) -> tuple[float, float]:
    """A line's width in ems and in characters, its first-line indent counted."""
    lead = INDENT if b.indented else 0.0
    return ems(b.text) + lead, len(b.text) + lead


class Wrap(NamedTuple):
    measure: int          # 0: ems, 1: characters
    width: float          # what a full line measures
    first: float          # what a paragraph's full first line measures (less where the indent left no mark)
    slack: float          # how much less a full line may measure (a unit carried down to the next)
    exact: int            # lines of just that width (or a mark past it): how well the measure fits the file
    over: int             # lines wider than it (past a hanging mark): how badly it does
    full: int             # lines that fill it (with a paragraph's first line, where that is two short)
    firsts: int           # first lines just two short, most under a sentence's end (the paragraph before's last)

    def fit(self) -> int:
        """How well the lines fit: of just the width, or first lines just two short, less wider ones."""
        return self.exact + self.firsts - self.over


def _wrap(widths: Sequence[float], hangs: Sequence[float], measure: int, naive: bool,
          after_end: Sequence[bool], body: Sequence[bool]) -> Wrap | None:
    """The width the lines were wrapped at, or None where they agree on none: the widest line
    that does not end on a mark (such a mark may hang past the line end: `hangs`, its width) —
    a few wider lines, headlines no one wrapped, aside — if enough lines come within a unit of it
    (`after_end`: whether each line is under a line that ends a sentence, or is a file's or a run's
    first; `body`: whether it has running text's marks, a comma or a full stop, inside)."""
    n = len(widths)
    plain = sorted((x for x, h in zip(widths, hangs, strict=True) if not h), reverse=True)
    if len(plain) < LEAST_LINES:
        return None
    top = plain[min(len(plain) - 1, max(2, int(MOST_OVER * n)))]
    # the commonest width near the widest: a page that squeezes marks sets a few lines a unit
    # wider to the eye than they are
    near = Counter(math.ceil(x) for x in plain if top - 1.5 <= x <= top)    # (half a unit short is full)
    w = float(max(near.items(), key=lambda kv: (kv[1], kv[0]))[0]) if measure == 0 else top
    got = _at_width(widths, hangs, measure, naive, w, after_end)
    # paragraphs of a line or two, their first lines set in with no mark of it, have more first
    # lines than full ones: the commonest width near the widest can be the first lines' width.
    # Read two wider, those lines are first lines (`_at_width`: each under a paragraph's last line)
    wider = w + INDENT
    at_wider = [b for x, h, b in zip(widths, hangs, body, strict=True) if wider - SLACK <= x <= wider + h]
    if len(at_wider) >= 2 or any(at_wider):        # (two lines that wide, or one of running text: no headline)
        other = _at_width(widths, hangs, measure, naive, wider, after_end)
        if other.first < other.width and other.exact + other.firsts > got.exact + got.firsts \
                and other.full - other.over > got.full - got.over:
            got = other
    if got.full < LEAST_LINES or got.full < LEAST_SHARE * n:
        return None
    return got


def _at_width(widths: Sequence[float], hangs: Sequence[float], measure: int, naive: bool, w: float,
              after_end: Sequence[bool]) -> Wrap:
    """How the lines fit a wrap at width w."""
    # a wrap that keeps to the rules of line breaking carries a character down with a mark that
    # may not start a line; a wrap by characters does not, and starts lines with such marks
    slack = 0.0 if naive else SLACK
    full = sum(1 for x, h in zip(widths, hangs, strict=True) if w - slack <= x <= w + h)
    # (in ems a line may stop half a unit short: a half-width mark or figure leaves no room for a Han character)
    exact = sum(1 for x, h in zip(widths, hangs, strict=True) if w - (0.5 if measure == 0 else 0.0) <= x <= w + h)
    # a paragraph's first line two short of the others, many more often than a line three short
    # is: the first lines were indented, and the indent left no mark in the text
    twos = [after for x, after in zip(widths, after_end, strict=True) if w - INDENT - SLACK / 2 <= x <= w - INDENT]
    two = len(twos)
    three = sum(1 for x in widths if w - INDENT - 1 - SLACK / 2 <= x <= w - INDENT - 1)
    first = w - INDENT if two >= 3 and two > 2 * three else w
    firsts = 0
    if first < w:
        full += two
        if 2 * sum(twos) >= two:
            firsts = two    # (first lines just that wide, most under a sentence's end: the last line before)
    over = sum(1 for x, h in zip(widths, hangs, strict=True) if x > w + h)
    return Wrap(measure, w, first, slack, exact, over, full, firsts)


def wrap_width(blocks: Sequence[RawBlock]) -> Wrap | None:
    """How the file's lines were wrapped, or None when they were not (or the file is not plain
    text: a PDF's lines are joined by its reader)."""
    return _wrap_width(blocks, *_together(blocks))


def _wrap_width(blocks: Sequence[RawBlock], together: Callable[[int], bool], every: bool,
                span: range | None = None) -> Wrap | None:
    """As `wrap_width`, of the lines in `span` (the whole file when None)."""
    span = span if span is not None else range(len(blocks))
    run = [k for k in range(span.start, span.stop - 1) if together(k)]
    if len(run) < LEAST_LINES:
        return None
    found: Wrap | None = None
    # (a typeset page starts a line with a mark only after another hung: 。」 — a few in a thousand)
    naive = sum(1 for k in run if blocks[k + 1].text[0] in NO_LINE_START) >= max(2, NAIVE * len(run))
    after_end = [k == span.start or not together(k - 1) or ft.ends_terminal(blocks[k - 1].text) for k in run]
    body = [bool(_BODY.search(blocks[k].text, 0, len(blocks[k].text) - 1)) for k in run]
    for measure in (0, 1):
        widths = [measures(blocks[k])[measure] for k in run]
        hangs = [(0.5 if measure == 0 and blocks[k].text[-1] < "\x80" else 1.0)
                 if blocks[k].text[-1] in NO_LINE_START else 0.0 for k in run]
        got = _wrap(widths, hangs, measure, naive, after_end, body)
        if got is None or (every and got.exact < EVERY_LEAST):
            continue            # (with a blank line after every line, many lines must fill one width)
        at_width = "".join(blocks[k].text for k, x in zip(run, widths, strict=True) if got.width - got.slack <= x)
        if len(_MARKS.findall(at_width)) < LEAST_RUNNING * len(at_width) / 100:
            continue            # a list of headlines cut to one length is no wrapped text
        # the measure the lines fit better: more lines of just the width, fewer wider than it (a
        # page's Latin and figures, half an em each, make its lines wider counted in characters)
        if found is None or got.fit() > found.fit():
            found = got
    return found


def plan_wrapped(blocks: Sequence[RawBlock], texts: Sequence[str] | None = None) -> tuple[list[Fix], set[int]]:
    """For a wrapped file: the joins of each full line to the line under it, and the lines whose
    line break is settled either way (joined, or a paragraph's end); ([], set()) for any other file.
    A full line that ends a sentence, with an unindented line under it that could open a
    paragraph, is left to the seam model (`texts`: the text it reads, a traditional page's
    simplified view)."""
    together, every = _together(blocks)
    indents = sum(1 for b in blocks if b.indented and b.page is None) >= LEAST_LINES
    texts = texts if texts is not None else [b.text for b in blocks]
    fixes: list[Fix] = []
    settled: set[int] = set()
    whole = _wrap_width(blocks, together, every)
    # (a text with no blank line at all may change its width at a story's headline too)
    glued = not any(b.blank_before for b in blocks[1:])
    for span in ([range(len(blocks))] if every else _regions(blocks, together, whole.measure if whole else 0, glued)):
        wrap = whole if span == range(len(blocks)) else _wrap_width(blocks, together, every, span)
        if wrap is not None or indents:
            # (where the width changes at a line that could head a story, that line is not joined
            # for its width: a headline as wide as a first line of the columns under it)
            head = glued and span.start > 0 and _heads_story(blocks, span.start)
            _plan_span(blocks, texts, together, wrap, indents, span, fixes, settled, head, glued)
    return fixes, settled


def _regions(blocks: Sequence[RawBlock], together: Callable[[int], bool], measure: int,
             glued: bool = False) -> list[range]:
    """The file cut where its wrap width changes: its runs of lines with no blank line between
    (a column's piece, a paragraph) grouped while the widest of their lines that run on (a
    headline over them aside) come within a unit of one width, in the measure the whole file
    fits better (a page's stories read column after column, each at its own column width: an
    OCR's text, a viewer's copy); in a text with no blank line at all (`glued`), its one run cut
    too before each line that could head a story (`_heads_story`). A run with fewer than
    RUN_LINES such lines (a headline, a short paragraph) goes with the group it stands in."""
    out: list[range] = []
    start, width = 0, None
    k0 = 0
    for k in range(len(blocks)):
        if k + 1 < len(blocks) and together(k) and not (glued and _heads_story(blocks, k + 1)):
            continue
        # the widest of its lines that run on into the next (not a headline over the text: a first
        # line with no comma or full stop inside)
        head = k0 + (not _BODY.search(blocks[k0].text, 0, len(blocks[k0].text) - 1))
        lines = [measures(blocks[j]) for j in range(head, k) if blocks[j].text and blocks[j].text[-1] not in NO_LINE_START]
        if len(lines) >= RUN_LINES:
            top = max(line[measure] for line in lines)
            if width is not None and abs(top - width) > 1.0:
                out.append(range(start, k0))
                start = k0
            width = top
        k0 = k + 1
    out.append(range(start, len(blocks)))
    return out


def _headline(blocks: Sequence[RawBlock], texts: Sequence[str], together: Callable[[int], bool],
              wrap: Wrap | None, k: int, span: range) -> bool:
    """Line k is a headline, however wide: the text's first line or one under a sentence's end,
    with no clause mark (nor a word that needs a sequel at its end), over a dateline or over a
    paragraph's first line (two short: `Wrap.first`) that goes on."""
    t = texts[k]
    if not t or len(t) > 40 or k + 1 >= span.stop or not together(k) or _MARKS.search(t) or ft.ends_terminal(t):
        return False
    if k > 0 and together(k - 1) and not ft.ends_terminal(texts[k - 1]):
        return False
    if ft.is_dateline_start(t) or ft.ends_on_open_word(t):
        return False
    if ft.is_dateline_start(texts[k + 1]):
        return True
    return (_first_line(blocks[k + 1], wrap) and not ft.ends_terminal(texts[k + 1])
            and k + 2 < span.stop and together(k + 1))


def _wider(text: str, width: float, wrap: Wrap) -> bool:
    """A line measuring `width` is wider than the wrap allows even with its marks set in half an em
    (a typeset page squeezes ，。、“”《》 and the like to fit a line: such a line measures a unit or
    two more, in ems, than the column it fills)."""
    if wrap.measure == 0:
        width -= 0.5 * sum(1 for c in text if c in _SQUEEZE)
    return width > wrap.width + wrap.slack + _hang(text)


def _hang(text: str) -> float:
    """How far past the width a line may reach: a mark that may not start a line hangs at its end."""
    return 1.0 if text[-1:] in NO_LINE_START else 0.0


def _first_line(b: RawBlock, wrap: Wrap | None) -> bool:
    """b is as wide as a paragraph's first line where those are two short (the indent left no mark)."""
    if wrap is None or wrap.first >= wrap.width:
        return False
    w = measures(b)[wrap.measure]
    return wrap.first - 0.5 <= w <= wrap.first + _hang(b.text)


def _heads_story(blocks: Sequence[RawBlock], k: int) -> bool:
    """Line k, run on from a line that ends a sentence, could head the next story (no clause mark
    inside, no sentence end, at most 40 characters): where the text has no blank lines at all,
    the width may change there too."""
    t = blocks[k].text
    return (bool(t) and len(t) <= 40 and ft.ends_terminal(blocks[k - 1].text) and not ft.ends_terminal(t)
            and not _MARKS.search(t))


def _plan_span(blocks: Sequence[RawBlock], texts: Sequence[str], together: Callable[[int], bool],
               wrap: Wrap | None, indents: bool, span: range, fixes: list[Fix], settled: set[int],
               head: bool = False, glued: bool = False) -> None:
    """`plan_wrapped` for the lines in `span`, wrapped at `wrap` (None: no width to read; `head`:
    its first line may head a story, and over a paragraph's first line or a dateline it does;
    `glued`: the text has no blank line at all, so its headlines stand among its lines)."""
    ends_here: float | None = None  # how often a full line ending a sentence ends its paragraph (`_full_line_ends`)
    starts: bool | None = True      # whether line k starts a paragraph (None: the seam model decides)
    for k in range(span.start, span.stop - 1):
        a, b = blocks[k], blocks[k + 1]
        if not together(k) or not a.text or not b.text:
            starts = True
            if wrap is not None and a.text and b.text and _column_goes_on(blocks, texts, together, wrap, k):
                settled.add(k)
                starts = False
                fixes.append(_line_join(
                    blocks, k, "a column's full last line over a column whose first line is full too, where a "
                               "paragraph's first line is two short: the paragraph goes on into the next column",
                    "本栏末行排满，下栏首行也排满（各段首行短两字）：本段转入下一栏", COLUMN_SURE))
            continue
        if (head and k == span.start and (ft.is_dateline_start(texts[k + 1]) or _first_line(blocks[k + 1], wrap))) \
                or (glued and _headline(blocks, texts, together, wrap, k, span)) \
                or (glued and ft.ends_terminal(texts[k]) and _headline(blocks, texts, together, wrap, k + 1, span)):
            settled.add(k)          # a headline over its story (whatever its width), or the line ending a
            starts = True           # sentence over it
            continue
        if b.indented or ft.is_dateline_start(texts[k + 1]):
            settled.add(k)      # the line under starts a paragraph (or a story: 新华社…电, 本报讯)
            starts = True
            continue
        if wrap is None:
            # no width to read (a few short paragraphs): the indents alone say that a line under
            # a paragraph's line goes on with it, where that line stops mid-sentence
            if (a.indented or starts is False) and not ft.ends_terminal(texts[k]):
                settled.add(k)
                starts = False
                fixes.append(_line_join(blocks, k, "the paragraphs' first lines are indented, and this line goes "
                                                   "on into the unindented line under it",
                                        "各段首行缩进，本行未完，下一行未缩进，是折行"))
            else:
                starts = None
            continue
        width = measures(a)[wrap.measure]
        first = starts is not False and not a.indented
        least = (wrap.first if first else wrap.width) - wrap.slack
        seam = ft.cannot_open(texts[k], texts[k + 1])
        if _wider(a.text, width, wrap):
            settled.add(k)      # wider than the wrap: a line no one wrapped (a headline)
            starts = True
            continue
        if width < least and wrap.slack and fills_line(     # (a width of half ems sets as well as a whole one)
                a.text, cast(int, wrap.width), wrap.width - wrap.first if first else 0.0, b.text):
            width = least       # the unit that opens the line under (a figure, a word) had no room
        if width < least:
            if not seam and ft.ends_terminal(texts[k]):
                settled.add(k)  # a paragraph's last line
                starts = True
            else:
                starts = None   # a headline, a byline, or a paragraph cut where a column ended: the seam model decides
            continue
        under = measures(b)[wrap.measure]
        if _wider(b.text, under, wrap) and not seam:
            # the line under is wider than the wrap: no line of the wrapped text (a headline no one
            # wrapped), so this one ends its paragraph where it ends a sentence
            if ft.ends_terminal(texts[k]):
                settled.add(k)
                starts = True
            else:
                starts = None
            continue
        if ft.ends_terminal(texts[k]) and not seam and ft.is_short_line(texts[k + 1]) \
                and ft.strip_sign_off(texts[k + 1]) and under < wrap.width - wrap.slack:
            starts = None       # a headline, a subhead or a box's item under a sentence's end (not a
            continue            # sign-off, (记者王春秋)): the seam model decides
        if ft.ends_terminal(texts[k]) and not seam and not indents:
            # a sentence ends at the line end: a paragraph may end there too. Where the first
            # lines are set in with no mark of it, the line under tells: as wide as a first line,
            # it starts a paragraph; as wide as the others, it goes on with this one
            if wrap.first < wrap.width - 1 and wrap.first - 0.5 <= under <= wrap.first + _hang(texts[k + 1]):
                settled.add(k)
                starts = True
                continue
            if not (wrap.first < wrap.width - 1 and under >= wrap.width - wrap.slack):
                if ends_here is None:
                    ends_here = _full_line_ends(blocks, texts, together, wrap, span)
                if ends_here >= 0.5:
                    starts = None   # the seam model decides
                    continue
                settled.add(k)
                starts = False
                fixes.append(_line_join(
                    blocks, k, f"the line fills the width the text is wrapped at here and ends a sentence; in this "
                               f"text a paragraph ends so {ends_here:.0%} of the time, as its paragraphs' last lines show",
                    f"本行排满此处的折行宽度，以句末标点结束；据这段文字各段末行推算，这样的行是段末的可能约为{ends_here:.0%}",
                    round(min(SURE, 1.0 - ends_here), 2)))
                continue
        settled.add(k)
        starts = False
        unit = "characters" if wrap.measure else "ems"
        fixes.append(_line_join(
            blocks, k, f"the line fills the width the text is wrapped at here ({wrap.width:g} {unit}): "
                       "a line break, not a paragraph's end",
            f"本行排满此处的折行宽度（{wrap.width:g}{'字符' if wrap.measure else '字'}），是折行而非段末"))


def _together(blocks: Sequence[RawBlock]) -> tuple[Callable[[int], bool], bool]:
    """Whether line k and the line under it may be two lines of one paragraph: plain text with no
    blank line between them — or with one, in a file that puts a blank line after every line
    (a text pasted into Word a paragraph a line, and saved as text): there a blank line says
    nothing (the second answer: whether the file is such a one)."""
    blank = sum(1 for b in blocks[1:] if b.blank_before)
    every = len(blocks) > LEAST_LINES and blank >= EVERY_BLANK * (len(blocks) - 1)

    def together(k: int) -> bool:
        a, b = blocks[k], blocks[k + 1]
        return a.page is None and b.page is None and (every or not b.blank_before)
    return together, every


def _column_goes_on(blocks: Sequence[RawBlock], texts: Sequence[str], together: Callable[[int], bool],
                    wrap: Wrap, k: int) -> bool:
    """Line k ends a column's piece and line k + 1 opens the next (a blank line between, each with
    a line of its own beside it: a page's text read column after column), both full, in text whose
    paragraphs' first lines are two short of the width (`Wrap.first`, the indent left no mark): the
    next column's first line is no paragraph's first line, so the paragraph goes on into it, even
    where line k ends a sentence."""
    if wrap.first > wrap.width - INDENT or k == 0 or k + 2 >= len(blocks):
        return False
    a, b = blocks[k], blocks[k + 1]
    if a.page is not None or b.page is not None or b.indented or not together(k - 1) or not together(k + 1):
        return False
    if ft.is_dateline_start(texts[k + 1]) or ft.is_credit(texts[k + 1]):
        return False
    wa, wb = measures(a)[wrap.measure], measures(b)[wrap.measure]
    return wrap.width - wrap.slack <= wa <= wrap.width + _hang(a.text) and wrap.width - 0.5 <= wb <= wrap.width + _hang(b.text)


def _full_line_ends(blocks: Sequence[RawBlock], texts: Sequence[str], together: Callable[[int], bool],
                    wrap: Wrap, span: range) -> float:
    """How likely a full line that ends a sentence ends its paragraph too, in a file whose first
    lines are not set in: the paragraph ends expected on a full line against those and the
    sentence ends expected at the end of a line inside a paragraph. A paragraph's last line is as
    likely to stop anywhere in the width, so the paragraph ends short of it (plain to see) tell how
    many fall on a full line: `slack + 1` units of the width in `width - slack - 1`. A line inside
    a paragraph ends a sentence at its end as often as a sentence ends at any place in a line (the
    file's sentence ends inside its lines, per character): few times where sentences are long, and
    paragraphs run to several of them; more where each is short."""
    short = inside = 0              # paragraph ends short of the width; lines that go on, full and mid-sentence
    ends = chars = 0                # sentence ends inside the lines, and their characters
    for k in range(span.start, span.stop - 1):
        if not together(k) or blocks[k + 1].indented:
            continue
        text = texts[k]
        width = measures(blocks[k])[wrap.measure]
        ends += len(_SENTENCE_END.findall(text, 0, len(text) - 1))
        chars += len(text)
        if ft.ends_terminal(text):
            if width < wrap.width - wrap.slack and not ft.cannot_open(text, texts[k + 1]):
                short += 1
        elif width >= wrap.width - wrap.slack:
            inside += 1
    band = wrap.slack + 1.0
    on_full = short * band / max(1.0, wrap.width - band)
    rate = min(0.5, ends / max(1, chars))
    at_end = inside * rate / (1.0 - rate)
    return on_full / (on_full + at_end) if on_full + at_end > 0 else 1.0


def _line_join(blocks: Sequence[RawBlock], k: int, reason: str, reason_zh: str, confidence: float = SURE) -> Fix:
    return Fix(id=f"w{k}-{k + 1}", kind="join", blocks=(k, k + 1), confidence=confidence, reason=reason,
               reason_zh=reason_zh, before=blocks[k].text[-12:], after=blocks[k + 1].text[:12])
