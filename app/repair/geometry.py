"""Column geometry implied by the blocks: a piece cut at a column end fills its last line.

Text that came out of a multi-column page keeps no line breaks, but it keeps their trace: a
paragraph cut where its column ends consists of whole typeset lines, so laid out again at the
column's width (first line indented two characters, the rules of Chinese line breaking) it ends
exactly at a line end, while a paragraph that ends of its own accord stops somewhere inside its
last line. The column width is not given; it is read off the page itself, as the width at which
the blocks that are plainly cut (they stop at a comma or inside a word) all fill their last line.

Widths are in ems: a Han character or full-width mark is 1, a Latin letter, digit or half-width
mark ½ (Latin and figures are set in half-width in Chinese text).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from itertools import accumulate

# marks that may not begin a line (they hang at the end of the line before) and that may not end one
NO_LINE_START = frozenset("，。、；：？！）》」』”’…,.;:?!)％%·〉】〕")
NO_LINE_END = frozenset("“‘（《「『(〈【〔")
# what is never broken: a Latin word or a figure with its marks, a dash or an ellipsis, one character
_ATOM = re.compile(r"[A-Za-z0-9]+(?:[.,:/\-][A-Za-z0-9]+)*[%％]?|——+|……|\S")
WIDTHS = range(8, 41)        # column widths considered, in ems
INDENT = 2.0                 # a paragraph's first line
PRIOR = 1.0
_EPS = 1e-9


def _width(s: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


def atoms(text: str) -> list[tuple[int, float, str]]:
    """(end offset in `text`, width, atom) for each unbreakable unit, whitespace dropped."""
    return [(m.end(), _width(m.group()), m.group()) for m in _ATOM.finditer(text)]


def line_ends(units: list[tuple[int, float, str]], width: float, indent: float,
              cum: list[float] | None = None) -> list[int]:
    """Offsets at which the lines end when `units` are set `width` ems wide, greedy, with
    hanging punctuation and no opening mark at a line end (clreq 避头尾). `cum`: the units'
    running widths, when the caller has them."""
    if cum is None:
        cum = list(accumulate((u[1] for u in units), initial=0.0))
    n = len(units)
    ends: list[int] = []
    s, w0 = 0, indent
    while s < n:
        k = bisect_right(cum, width + _EPS - w0 + cum[s], lo=s) - 1    # units s..k-1 fit
        if k >= n:
            ends.append(units[-1][0])
            break
        a = units[k][2]
        if k == s:                  # a unit wider than the line: it stands alone
            ends.append(units[k][0])
            s = k + 1
        elif len(a) == 1 and a in NO_LINE_START:
            ends.append(units[k][0])    # the mark hangs at the line end
            s = k + 1
        else:
            cut = k
            if a[0] in NO_LINE_START and cut - 1 > s:
                cut -= 1            # an ellipsis may not begin a line: it takes a character with it
            while cut - 1 > s and len(units[cut - 1][2]) == 1 and units[cut - 1][2] in NO_LINE_END:
                cut -= 1            # an opening mark may not end a line
            ends.append(units[cut - 1][0])
            s = cut
        w0 = 0.0
    return ends or [0]


def fills_line(text: str, width: float, indent: float, nxt: str = "") -> bool:
    """Whether `text`, set `width` ems wide, ends exactly at a line end: before `nxt` (the
    text that would follow it) when given, else when its last line has no room for one more
    character."""
    return width in fill_widths(text, (width,), indent, nxt)


def fill_widths(text: str, widths, indent: float, nxt: str = "") -> set:
    """The widths, of `widths`, at which `text` ends exactly at a line end (see `fills_line`)."""
    own = atoms(text)
    if not own or own[-1][0] != len(text.rstrip()):
        return set()
    out = set()
    if nxt:
        units = own + [(len(text) + e, w, a) for e, w, a in atoms(nxt[:24])]
        cum = list(accumulate((u[1] for u in units), initial=0.0))
        for w in widths:
            if len(text) in line_ends(units, w, indent, cum):
                out.add(w)
        return out
    cum = list(accumulate((u[1] for u in own), initial=0.0))
    hanging = own[-1][2] in NO_LINE_START
    for w in widths:
        ends = line_ends(own, w, indent, cum)
        if len(ends) == 1:
            last = indent + cum[-1]
        else:
            first = bisect_right([u[0] for u in own], ends[-2])
            last = cum[-1] - cum[first]
        if (hanging and last > w + _EPS) or w - last < 1.0 - _EPS:
            out.add(w)
    return out


class PageGeometry:
    """The column width around each block, read off the page: a block that is plainly cut
    fills its last line at the true width; any other block does so by chance (about one in W)."""

    def __init__(self, texts: list[str], cut_odds: list[float], indents: list[float] | None = None,
                 reach: float = 12.0):
        """`cut_odds`: for each block, how likely it is cut; `indents`: the first line's indent
        each is set with (2 for a paragraph's first piece, 0 for a piece from a column top)."""
        self.reach = reach
        self._cache: dict[int, dict[int, float]] = {}
        # block index → (log-likelihood of its fill or not at each width, as a cut or by chance)
        self._ll: dict[int, dict[int, float]] = {}
        for k, (t, pi) in enumerate(zip(texts, cut_odds)):
            if pi <= 0 or len(t) < 4:
                continue
            ll = {}
            fits = fill_widths(t, WIDTHS, indents[k] if indents else INDENT)
            for w in WIDTHS:
                r = 1.0 / w
                if w in fits:
                    ll[w] = math.log((pi + (1 - pi) * r) / r)
                else:
                    ll[w] = math.log((1 - pi) * (1 - r) / (1 - r))
            self._ll[k] = ll

    def widths(self, i: int) -> dict[int, float]:
        if i not in self._cache:
            self._cache[i] = self._widths(i)
        return self._cache[i]

    def _widths(self, i: int) -> dict[int, float]:
        """A distribution over the column width around block i: a prior over the widths a
        newspaper sets its columns (mostly 10–20 ems), sharpened by the blocks near i (not i)."""
        logp = {w: (0.0 if 10 <= w <= 20 else math.log(0.1)) for w in WIDTHS}
        for k, ll in self._ll.items():
            d = abs(k - i)
            if k == i or d > 4 * self.reach:
                continue
            wgt = math.exp(-d / self.reach)
            for w in WIDTHS:
                logp[w] += wgt * ll[w]
        top = max(logp.values())
        p = {w: math.exp(v - top) for w, v in logp.items()}
        total = sum(p.values())
        return {w: v / total for w, v in p.items()}

    def fill(self, i: int, a: str, b: str, indent: float) -> tuple[float, float]:
        """(how likely block i, text `a` set with `indent`, ends exactly at a line end before
        `b`; how sure the page is of its column width: the likeliest width's probability)."""
        dist = self.widths(i)
        fits = fill_widths(a, [w for w, p in dist.items() if p > 0.002], indent, b)
        return sum(dist[w] for w in fits), max(dist.values())
