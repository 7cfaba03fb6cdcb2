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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

from galley.app import text as text_classes

# marks that may not begin a line (they hang at the end of the line before) and that may not end one
NO_LINE_START = frozenset(text_classes.NO_LINE_START + "…·,.;:?!)%％")
NO_LINE_END = frozenset(text_classes.OPENING + "(")
# what is never broken: a Latin word or a figure with its marks, a dash or an ellipsis, one character
_RUNS = r"[A-Za-z0-9]+(?:[.,:/\-][A-Za-z0-9]+)*[%％]?|——+|……"
_ATOM = re.compile(_RUNS + r"|\S")
_RUN = re.compile(_RUNS)         # the units longer than a character
_SPACE = re.compile(r"\s")
WIDTHS = range(8, 41)        # column widths considered, in ems
INDENT = 2.0                 # a paragraph's first line
ODDS_CAP = 0.9               # no one block is taken as certainly cut: a wrong one would fix a wrong width
_EPS = 1e-9


def _width(s: str) -> float:
    if len(s) == 1:
        return 0.5 if s < "\x80" else 1.0
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


def atoms(text: str) -> list[tuple[int, float, str]]:
    """(end offset in `text`, width, atom) for each unbreakable unit, whitespace dropped."""
    if _SPACE.search(text):
        return [(m.end(), _width(m.group()), m.group()) for m in _ATOM.finditer(text)]
    # no whitespace: the units tile the text (one character each between the longer units), so
    # their ends are their running lengths
    parts: list[str] = []
    pos = 0
    for m in _RUN.finditer(text):
        if m.start() > pos:
            parts.extend(text[pos:m.start()])
        parts.append(m.group())
        pos = m.end()
    parts.extend(text[pos:])
    widths = [(0.5 if a < "\x80" else 1.0) if len(a) == 1 else _width(a) for a in parts]
    return list(zip(accumulate(map(len, parts)), widths, parts))


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


def fills_line(text: str, width: int, indent: float, nxt: str = "") -> bool:
    """Whether `text`, set `width` ems wide, ends exactly at a line end: before `nxt` (the
    text that would follow it) when given, else when its last line has no room for one more
    character."""
    return width in fill_widths(text, (width,), indent, nxt)


@lru_cache(maxsize=4096)
def _units(text: str) -> tuple[list[tuple[int, float, str]], list[float], list[int]]:
    """A block's units, their running widths and their end offsets (computed once per block)."""
    own = atoms(text)
    return own, list(accumulate((u[1] for u in own), initial=0.0)), [u[0] for u in own]


@lru_cache(maxsize=4096)
def _head_units(head: str) -> list[tuple[int, float, str]]:
    """The units of the first characters of a block (what follows a seam): asked of the same
    block at every seam it is a candidate for. Read only."""
    return atoms(head)


@lru_cache(maxsize=65536)
def _last_line(text: str, width: int, indent: float) -> int:
    """The index of the first unit of `text`'s last line, set `width` ems wide."""
    own, cum, offsets = _units(text)
    ends = line_ends(own, width, indent, cum)
    return 0 if len(ends) == 1 else bisect_right(offsets, ends[-2])


def fill_widths(text: str, widths: Iterable[int], indent: float, nxt: str = "") -> set[int]:
    """The widths, of `widths`, at which `text` ends exactly at a line end (see `fills_line`)."""
    own, cum, _ = _units(text)
    if not own or own[-1][0] != len(text.rstrip()):
        return set()
    out: set[int] = set()
    if nxt:
        # the lines before text's last are the same whatever follows: only the last one is set on
        follow = _head_units(nxt[:8])
        if not follow:
            return out
        _, fw, fa = follow[0]
        last_unit = own[-1][2]
        for w in widths:
            s = _last_line(text, w, indent)
            used = cum[-1] - cum[s] + (indent if s == 0 else 0.0)
            if used > w + _EPS:
                out.add(w)          # its last mark hangs: the line ends there
            elif len(fa) == 1 and fa in NO_LINE_END:
                units = own[s:] + [(len(text) + e, uw, a) for e, uw, a in follow]
                if line_ends(units, w, indent if s == 0 else 0.0)[0] == len(text):
                    out.add(w)      # an opening mark goes down with what it opens
            elif used + fw <= w + _EPS:
                continue            # what follows fits on the line
            elif len(fa) == 1 and fa in NO_LINE_START:
                continue            # a closing mark would hang after it
            elif len(own) - s > 1 and (fa[0] in NO_LINE_START or (len(last_unit) == 1 and last_unit in NO_LINE_END)):
                continue            # a unit would be carried down with it
            else:
                out.add(w)
        return out
    hanging = own[-1][2] in NO_LINE_START
    for w in widths:
        s = _last_line(text, w, indent)
        last = cum[-1] - cum[s] + (indent if s == 0 else 0.0)
        if (hanging and last > w + _EPS) or w - last < 1.0 - _EPS:
            out.add(w)
    return out


# the prior over the column width (log): mostly 10–20 ems
_PRIOR = {w: (0.0 if 10 <= w <= 20 else math.log(0.1)) for w in WIDTHS}
_PRIOR_LIST = [_PRIOR[w] for w in WIDTHS]


class PageGeometry:
    """The column width around each block, read off the page: a block that is plainly cut
    fills its last line at the true width; any other block does so by chance (about one in W)."""

    def __init__(self, texts: list[str], cut_odds: list[float], tops: list[float] | None = None,
                 reach: float = 12.0, stories: list[int] | None = None):
        """`cut_odds`: for each block, how likely it is cut; `tops`: how likely each is set from
        a column top (the rest of a cut paragraph, no indent) rather than as a paragraph's first
        piece (indented two characters); `stories`: the story each block belongs to, where the
        page says (each story may be set at its own column width: no block tells another
        story's width)."""
        self.texts, self.odds = texts, cut_odds
        self.tops = tops or [0.0] * len(texts)
        self.stories = stories
        self.reach = reach
        self.window = int(4 * reach)
        self._ll: dict[int, dict[int, float] | None] = {}
        # the blocks with evidence (`_loglik` not None), in order
        self._live = [k for k, (t, pi) in enumerate(zip(texts, cut_odds)) if pi > 0 and len(t) >= 4]
        self._cache: dict[int, dict[int, float]] = {}
        self._ll_list: dict[int, list[float]] = {}     # `_loglik` as a list in WIDTHS order
        self._fills: dict[tuple[int, str, str, float], tuple[float, float]] = {}   # `fill`'s answers

    def _loglik(self, k: int) -> dict[int, float] | None:
        """Block k's evidence on each width: the log-likelihood ratio of its filling its last
        line there (or not) as a cut piece against by chance (about one in W); None if none."""
        if k not in self._ll:
            t, pi, top = self.texts[k], min(self.odds[k], ODDS_CAP), self.tops[k]
            ll = None
            if pi > 0 and len(t) >= 4:
                at_top = fill_widths(t, WIDTHS, 0.0) if top > 0 else set()
                first = fill_widths(t, WIDTHS, INDENT) if top < 1 else set()
                ll = {}
                for w in WIDTHS:
                    # a cut piece ends at a line end (at either indent, as likely as each is);
                    # any other stops anywhere in its last line, at the line end one time in w
                    f = top * (w in at_top) + (1 - top) * (w in first)
                    ll[w] = math.log(pi * f * w + (1 - pi))
            self._ll[k] = ll
        return self._ll[k]

    def widths(self, i: int) -> dict[int, float]:
        if i not in self._cache:
            self._cache[i] = self._widths(i)
        return self._cache[i]

    def _widths(self, i: int) -> dict[int, float]:
        """A distribution over the column width around block i: a prior over the widths a
        newspaper sets its columns (mostly 10–20 ems), sharpened by the blocks near i (not i)."""
        logp = _PRIOR_LIST          # per width, in WIDTHS order (lists: a block's widths are
        live = self._live           # read at every seam it meets)
        stories = self.stories
        for k in live[bisect_left(live, i - self.window):bisect_right(live, i + self.window)]:
            if k == i or (stories is not None and stories[k] != stories[i]):
                continue
            ll = self._ll_list.get(k)
            if ll is None:
                got = self._loglik(k)
                assert got is not None
                ll = self._ll_list[k] = [got[w] for w in WIDTHS]
            wgt = math.exp(-abs(k - i) / self.reach)
            logp = [v + wgt * x for v, x in zip(logp, ll)]
        top = max(logp)
        p = [math.exp(v - top) for v in logp]
        total = sum(p)
        return {w: v / total for w, v in zip(WIDTHS, p)}

    def fill(self, i: int, a: str, b: str, indent: float) -> tuple[float, float]:
        """(how likely block i, text `a` set with `indent`, ends exactly at a line end before
        `b`; how sure the page is of its column width: the likeliest width's probability)."""
        key = (i, a, b, indent)
        got = self._fills.get(key)
        if got is None:         # (asked twice of most blocks: before the next block, and its first candidate)
            dist = self.widths(i)
            fits = fill_widths(a, [w for w, p in dist.items() if p > 0.02], indent, b)
            got = self._fills[key] = (sum(dist[w] for w in fits), max(dist.values()))
        return got
