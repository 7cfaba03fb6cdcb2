"""Split-line repair: find where a paragraph cut at a column end continues, and join it.

For every block that ends mid-paragraph (a clause mark, a word that needs a sequel, or a body
line with no sentence end), look ahead over the blocks that can stand in the middle of an
article — sidebar items, captions, credits, a dateline-led item from another story — for the
block that continues it. Candidates are scored on the evidence at the seam (a word spanning
it, a start no paragraph can have), on whether the candidate itself reads as a paragraph start
(a dateline, a deck, a byline), and on how well it fits the article (shared words). The best
candidate above the threshold is joined; what stood between moves out, after the paragraph.

Every join is a `Fix` with its confidence and reason, so the editor can review and undo it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from galley.app.model import Fix, RawBlock
from galley.app.repair import features as ft
from galley.app.repair.geometry import PageGeometry
from galley.app.repair.model import (
    CLOSERS,
    candidate_evidence,
    closes_quote,
    cut_features,
    cut_prior,
    ending,
    enumerator,
    left_open,
    list_family,
    page_features,
    recurs_below,
    relative,
    run_on_features,
    seam_features,
    seam_model,
    spaced_digits,
    unclosed,
)
from galley.app.repair.seam import block_words, seam_gain, seam_word
from galley.app.repair.wrapped import measures, plan_wrapped
from galley.app.text import simplified_views

RUNNING = 60           # a block of running text this long ends a paragraph only at a sentence end
LOOKAHEAD = 12          # blocks scanned past a cut for its continuation
SURE = 0.9             # a join this sure tells the page's column width
# a newspaper column holds 8 characters or more, and a paragraph's first line is indented 2:
# a piece shorter than that is a paragraph's end, a heading or an item, never cut before its end
# (of 9,500 cuts in the generated sets, one is shorter: 环球证券 / (GlobalEquities))
MIN_PIECE = 6
RECUR_BLOCKS = 30       # blocks below a short block read for its words (recurs_below)
# a headline's words recur in its story: of 982 headlines in the fit sets none has less than
# this share of its character pairs in the 600 characters below it, and of 387 heading-shaped
# first pieces of a cut paragraph 214 have less (bench/repair_fit.py's sets, seeds 1/11/21/91)
RECUR_HEADLINE = 0.15
SEAM_LM_SURE = 0.5      # the character model across the seam (scaled) this sure reads as a word would
TERMINAL_FLOOR = 0.05    # a block ending a sentence is read against all its candidates only where the next
#                          block alone makes a cut this likely
HEADING_SURE = 0.8      # a heading-shaped line is joined without evidence at the seam only this sure
SET_IN_LEAST = 3        # lines set in (plain text) from which a text marks its paragraphs' first lines so
FLUSH_SURE = 0.9        # a block not set in after a blank line, where first lines are set in: the paragraph goes on
QUOTE_SURE = 0.9        # a pick this sure keeps a quotation's open mark (“我恰好 / 被挑了出来…。 / 他们…调查。”:
#                         a quotation of several paragraphs closes in the last one only)
# RawBlock.role (the page's own evidence, PDF input) of blocks that are never running text: a
# column cut is joined past them (they move out whole), never to them
_APART = frozenset({"furniture", "jump", "ad", "caption", "sidebar", "headline", "kicker", "deck", "subhead", "byline"})


_UNSET = object()


@dataclass
class _Block:
    raw: RawBlock
    text: str
    terminal: bool = field(init=False)
    body_like: bool = field(init=False)
    short: bool = field(init=False)

    def __post_init__(self):
        self.cut = _UNSET
        t = self.text
        self.terminal = ft.ends_terminal(t)
        self.body_like = (ft.has_body_punct(t[:-1]) or len(t) > 40) and not ft.is_paired_heading(t)
        self.short = ft.is_short_line(t)

    @cached_property
    def placed(self) -> bool:
        """The page itself says the block is not running text (PDF input: a folio, a running
        header, a jump line, an advertisement, a caption, a side column, another story's
        headline): passed over, never joined."""
        return self.raw.role in _APART

    @cached_property
    def furniture(self) -> bool:
        """Blocks that head or sign a story: never a continuation, never skipped over."""
        t = self.text
        deck = (ft.is_deck_start(t) and len(t) <= 40 and not ft.has_body_punct(t)   # not a ——-led list item
                and not self.listed)
        return ft.is_byline(t) or ft.is_page_marker(t) or deck

    heading: bool = False    # set when a deck (——…) follows: a subhead or headline
    boxed: bool = False      # a dateline-led line among a box's items (`page_blocks`): no story's lead
    listed: bool = False     # an item of a list whose other items close, stopping short (`page_blocks`)
    wrap_line: bool = False  # a line of a wrapped plain text, as wide as most of its lines (`page_blocks`)
    flush: bool = False      # after a blank line, not set in, in a plain text that sets its paragraphs' first lines in
    cut: object = field(default=None, repr=False)   # cut_kind, once computed (see _UNSET)

    @cached_property
    def para_start(self) -> bool:
        """Opens with a dateline (本报讯, 新华社…电); not a caption that quotes one (图为中新网…电,
        新华社都灵2月9日电…揭开面纱。田华勇 摄), nor a box's line (`boxed`)."""
        return ft.is_dateline_start(self.text) and not (
            ft.is_caption_start(self.text) or ft.ends_photo_credit(self.text) or self.boxed)

    @cached_property
    def insert_like(self) -> bool:
        """Can stand inside an article without belonging to it (so may be skipped over)."""
        t = self.text
        if self.furniture:
            return False
        if self.placed:
            return True
        if ft.is_credit(t) or self.short or ft.is_caption_start(t):
            return True
        if self.terminal and len(t) <= 160:
            return True          # a caption or a one-paragraph item from elsewhere
        return self.para_start and len(t) <= 90


def cut_kind(b: _Block) -> str | None:
    """Why block b looks cut at a column end, or None."""
    if b.cut is _UNSET:
        b.cut = _cut_kind(b)
    return b.cut if isinstance(b.cut, str) else None


def _cut_kind(b: _Block) -> str | None:
    t = b.text
    if b.furniture or b.placed or ft.is_credit(t):
        return None
    if b.para_start and not b.body_like:
        # a dateline-led line: a lead cut short, unless the dateline is all there is
        return "open" if len(ft.strip_dateline(t)) >= 4 and not b.terminal else None
    why = ft.open_end(t)
    if why == "punct":
        return "punct"
    if b.terminal:
        return None
    if why and (b.body_like or len(t) >= 6):
        return why
    if t[-1] in "：:":
        return "colon"
    if b.body_like:
        return "open"
    if len(t) >= 8 and not b.para_start:
        return "maybe"       # a short unpunctuated line: a heading, a sidebar item, or a cut start
    return None


def plan_repairs(blocks: list[RawBlock]) -> list[Fix]:
    """Joins for the seams the model is sure of, and possible cuts (not applied) for those it doubts.

    Two passes: the joins the first is sure of tell the page's column width (`page_geometry`),
    which the second reads at every seam."""
    bs = page_blocks(blocks)
    wrapped = plan_wrapped(blocks, [b.text for b in bs])
    return _plan(bs, settled_geometry(bs, wrapped), wrapped=wrapped)


def page_blocks(blocks: list[RawBlock]) -> list[_Block]:
    """The page's blocks as the decoder (and the fit) reads them, with what the page around
    each says of it: a deck follows it, or it is an item of a list whose items close."""
    bs = [_Block(r, v) for r, v in zip(blocks, simplified_views([r.text for r in blocks]))]
    for k in range(len(bs) - 1):
        bs[k].heading = ft.is_deck_start(bs[k + 1].text) and not bs[k].terminal
    tally = list_tallies([b.text for b in bs])
    for b in bs:
        b.listed = _item_of_closed_list(b.text, tally)
    _mark_wrap_lines(bs)
    if sum(1 for b in bs if b.raw.indented and b.raw.page is None) >= SET_IN_LEAST:
        # the text sets its paragraphs' first lines in: a block after a blank line that is not
        # set in opens no paragraph (a column's piece read after the one before it)
        for b in bs:
            # (plain text read line by line; not the pieces of a text laid out in columns, whose
            # indents the layout's string positions give only roughly: app.importers.columns)
            b.flush = b.raw.blank_before and b.raw.page is None and b.raw.column is None and not b.raw.indented
    for k in range(1, len(bs) - 1):
        # a box's lines are the clauses of a paragraph from elsewhere, its first one with the
        # dateline (…因为它 / 新华社哈尔滨2月11日电(记者梁书斌)2月10日23时许 / 京哈公路58公里处… /
        # … / 可提供…), set in where running text is cut: no story opens inside a paragraph, and a
        # story's lead cut short at a column end goes on in running text, not in another item
        prev, b, nxt = bs[k - 1], bs[k], bs[k + 1]
        b.boxed = len(b.text) <= 40 and not b.terminal and ft.is_dateline_start(b.text) \
            and not prev.terminal and not _heading_shaped(prev, past=True) \
            and len(nxt.text) <= 40 and not nxt.terminal and not ft.is_dateline_start(nxt.text) \
            and not nxt.furniture and not ft.is_credit(nxt.text) and len(ft.strip_dateline(b.text)) >= 4
    return bs


def settled_geometry(bs: list[_Block], wrapped: tuple[list[Fix], set[int]] | None = None) -> PageGeometry:
    """The page's column geometry with the joins a first pass is sure of among its evidence
    (`wrapped`: the line breaks of a wrapped file, `plan_wrapped`)."""
    geo = page_geometry(bs)
    first = _plan(bs, geo, first=True, wrapped=wrapped)
    sure = {f.blocks[0]: f.blocks[1] for f in first if not f.doubtful and f.confidence >= SURE}
    # with no sure join the geometry is the same, and what it has read off the page stays good
    return page_geometry(bs, sure, geo.stories) if sure else geo


def _plan(bs: list[_Block], geo: PageGeometry, first: bool = False,
          wrapped: tuple[list[Fix], set[int]] | None = None) -> list[Fix]:
    """The repairs, block by block (`first`: a first pass, for the joins it is sure of only,
    which passes over sentence ends the next block can open after; `wrapped`: the joins of a
    wrapped file's full lines and the lines whose break they settle, `plan_wrapped`)."""
    model = seam_model()
    page = page_features([b.text for b in bs])
    doc = _PageText(bs)
    fixes: list[Fix] = []
    line_joins = {f.blocks[0]: f for f in wrapped[0]} if wrapped else {}
    settled = wrapped[1] if wrapped else set()
    consumed: set[int] = {f.blocks[1] for f in line_joins.values()}   # blocks already joined to a predecessor
    moved: set[int] = set()
    for i, a in enumerate(bs):
        if i in line_joins and i not in moved:
            fixes.append(line_joins[i])
            continue             # a full line of a wrapped file: the line under it goes on
        if i in moved or i in settled or a.furniture or (a.placed and a.raw.role != "sidebar") or not a.text:
            continue             # stands inside another paragraph, or heads or signs a story
        if ft.is_credit(a.text) and not (i + 1 < len(bs) and _hard_seam(a.text, bs[i + 1].text)):
            continue             # a credit (新华社记者 潘欣勇 摄) signs a picture or a story: nothing follows it
        if first and a.terminal and not (i + 1 < len(bs) and ft.cannot_open(a.text, bs[i + 1].text)
                                         and not _stray_closer(a.text, bs[i + 1].text)):
            continue
        if len(a.text) < MIN_PIECE and not (i + 1 < len(bs) and _hard_seam(a.text, bs[i + 1].text)):
            continue             # shorter than any column's first line: a paragraph's last piece or an item
        best = _best_continuation(bs, i, consumed, model, page, doc, geo)
        if best is None:
            continue
        j, p, x = best
        if p < model.doubt:
            continue
        doubtful = p < model.join
        between = tuple(k for k in range(i + 1, j) if k not in consumed)
        if any(k in settled or k in line_joins for k in between):
            continue             # a wrapped file's lines are running text: never moved out as an insert
        if between and _claimed_by(bs, between[-1], j, p, consumed, model, page, doc, geo):
            continue             # 欧盟立法是英国近现 / 总胆红素是间接胆红素和直接 / 胆红素之和: the block
            #                      passed over is the surer start of what follows it
        reasons = _reasons(x)
        reason = "; ".join(reasons)
        if between:
            reason += f"; {len(between)} interleaved block(s) moved out"
        fixes.append(Fix(
            id=f"{'c' if doubtful else 'j'}{i}-{j}", kind="join", blocks=(i, j), confidence=round(p, 2),
            reason=reason, reason_zh=_zh(reasons, len(between)), moved=between,
            before=a.raw.text[-12:], after=bs[j].raw.text[:12], doubtful=doubtful, accepted=not doubtful))
        if not doubtful:
            consumed.add(j)
            moved.update(between)
    return fixes


def _claimed_by(bs: list[_Block], m: int, j: int, p: float, consumed: set[int], model, page, doc,
                geo: PageGeometry) -> bool:
    """Block m, passed over to join a block before it to j, is itself continued by j, adjacent and
    surer (at joining confidence, above p, and the seam model finding m cut)."""
    if bs[m].terminal or bs[m].furniture or bs[m].placed:
        return False
    best = _best_continuation(bs, m, consumed, model, page, doc, geo)
    if best is None or best[0] != j or best[1] < model.join or best[1] <= p:
        return False
    ev = evidence(bs, m, consumed, page, geo)       # the model's own word, not a rule's
    return ev is not None and model.p_cut(ev[0]) >= 0.5


def candidates(bs: list[_Block], i: int, consumed: set[int]):
    """The blocks that could continue block i, each with the blocks passed over to reach it.

    The scan passes over blocks that can stand inside an article without belonging to it
    (sidebar items, captions, credits, a short item from elsewhere) and stops at running text,
    at a block cut itself, at a story's start, at page furniture and at a block the page sets
    indented as a paragraph's first line (PDF input). A heading-shaped block
    passes over nothing: a headline joined past a paragraph would change the order of the text.
    """
    a = bs[i]
    if a.placed:         # a side column's paragraph, cut where its column ends: the next one of it
        j = next((k for k in range(i + 1, len(bs)) if k not in consumed), None)
        if j is not None and bs[j].raw.role == a.raw.role:
            yield j, []
        return
    heading_shaped = _heading_shaped(a)
    strict = False       # past a sentence, a heading-shaped line is continued only where a word spans the
    #                      seam, or where it has running text's function words (…的周海涛是临): no headline
    strong_cut = ending(a.text) in ("clause", "word")
    name_cut = None      # whether a stops inside a name (`_name_cut`), asked at most once
    between: list[int] = []
    for j in range(i + 1, min(len(bs), i + 1 + LOOKAHEAD)):
        if j in consumed:
            continue
        b = bs[j]
        if _story_starts(bs, j) or ft.is_page_marker(b.text) or b.raw.indented:
            return       # (indented: the page sets b as a paragraph's first line, …港口... / 今年以来…)
        if not (b.furniture or b.placed) and (not strict or _plain_seam(a.text, b.text)
                                              or not _reads_as_heading(a.text)):
            yield j, between
        item = len(b.text) <= 40 and not b.terminal       # a sidebar item, with 、 or ， or not
        if b.furniture or not (b.insert_like or item):
            return
        if _line_of_running_text(bs, j) or (a.wrap_line and j == i + 1 and not b.raw.blank_before
                                             and not _set_in_form(b)):
            return           # …临川 / 市今年新建…，市民出行 / 更加便利。: a line of the text, not set in;
            #                  a full line of a wrapped text goes on into the line under it, or ends
        if b.para_start and len(b.text) > 30 and not strong_cut:
            if name_cut is None:
                name_cut = _name_cut(bs, i)
            if not (name_cut or _seam_past(bs, i, j, consumed)):
                return       # past a whole lead only from a sure cut: a reordered lead is worse than a cut left
        if cut_kind(b) in ("punct", "word", "open") and not item:
            return           # a paragraph cut itself: what follows is its own
        if heading_shaped and not (b.short or item or ft.is_credit(b.text) or ft.is_caption_start(b.text)):
            if strict or not (b.terminal and len(b.text) <= 90):
                return       # past one sentence set in, not a run of them (a headline would take the text after)
            strict = True    # 要想摆脱尖锐湿疣的困 / 建议西药治疗，中药辅助。 / 扰，建议您…
        between = between + [j]


def _mark_wrap_lines(bs: list[_Block]) -> None:
    """Mark the lines of a plain text wrapped at one width, however few (too few for
    `wrapped.wrap_width` to read its width from), that are as wide as most of its lines: a file
    whose lines run on with no blank line between them, two or more and two in five of them
    within a unit of one width, and that width among the widest (a wrap's full lines; a box's
    short items can be as alike, but under wider running text). A file of a block a line (column
    pieces pasted one under another) has no such width: its blocks are as long as they come."""
    glued = [k for k, b in enumerate(bs) if k and b.raw.page is None and not b.raw.blank_before]
    if len(glued) < 3:
        return
    lines = sorted({k - 1 for k in glued} | set(glued))
    widths = [measures(bs[k].raw)[1] for k in lines]
    upper = sorted(widths)[int(0.75 * len(widths))]
    for w, _ in Counter(round(x) for x in widths).most_common(3):
        near = [k for k, x in zip(lines, widths, strict=True) if abs(x - w) <= 1]
        if len(near) >= 2 and len(near) >= 0.4 * len(lines) and w >= upper - 1:
            for k in near:
                bs[k].wrap_line = True
            return


def _line_of_running_text(bs: list[_Block], j: int) -> bool:
    """Block j is a line of a wrapped plain text (`_mark_wrap_lines`) run on from the line above
    it and into the line under it, with no mark of a block set in (a caption's or a credit's
    form): no scan passes over it (…临川 / 市今年新建…，市民出行 / 更加便利。; …缩短三成，临 /
    川市今年新建城市绿道一百 / 二十公里。), and nothing is moved out of the text as an insert."""
    b = bs[j]
    if not b.wrap_line or b.raw.blank_before or j + 1 >= len(bs) or bs[j + 1].raw.blank_before:
        return False
    return not _set_in_form(b)


def _set_in_form(b: _Block) -> bool:
    """b has a set-in block's form: a caption's, a credit's or a byline's, or the page places it."""
    return b.placed or ft.is_credit(b.text) or ft.is_caption_start(b.text) or ft.is_byline(b.text)


def page_geometry(bs: list[_Block], sure: dict[int, int] | None = None,
                  stories: list[int] | None = None) -> PageGeometry:
    """The column width around each block, read off the blocks that look cut (by how they end,
    or because the block after them cannot begin a paragraph); a block after one of those is
    set from a column top, without the first line's indent."""
    odds = [0.0 if b.furniture or b.placed else cut_prior(b.text, bs[k + 1].text if k + 1 < len(bs) else "")
            for k, b in enumerate(bs)]
    tops = [0.0] + [min(o, 0.9) for o in odds[:-1]]
    for a, b in (sure or {}).items():      # joins a first pass is sure of
        odds[a] = 0.99
        tops[b] = 0.9
    return PageGeometry([b.text for b in bs], odds, tops, stories=stories or story_numbers(bs))


def story_numbers(bs: list[_Block]) -> list[int]:
    """For each block, the number of the story it belongs to: a new one where a story starts
    (`_story_starts`: a headline over a dateline, a long dateline-led paragraph), counted from
    the first block of such a run."""
    out, n, prev = [], 0, False
    for j in range(len(bs)):
        starts = _story_starts(bs, j)
        if starts and not prev:
            n += 1
        prev = starts
        out.append(n)
    return out


def geometry_features(geo: PageGeometry, i: int, a: str, b: str, consumed: set[int]) -> dict[str, float]:
    """Whether block i ends exactly at a line end before b, at the page's column width (set as
    a paragraph's first piece, or, when i continues a piece before it, from a column top)."""
    if not b:
        return {}
    fill, sure = geo.fill(i, a, b, 0.0 if i in consumed else 2.0)
    return {"geo_fill": fill, "geo_sure": sure}


def _hard_seam(a: str, b: str) -> bool:
    """b cannot begin a paragraph after a, or carries on a's number."""
    return ft.cannot_open(a, b) or ft.number_continues(a, b)


def _plain_seam(a: str, b: str) -> bool:
    """The seam itself says the text runs on: a start no paragraph has, a number cut in two, or
    a common word across the seam that reads better whole."""
    if ft.cannot_open(a, b) or ft.number_continues(a, b) or ft.closed_start(b) == "word":
        return True          # (的载客目标…, 了…: a word no paragraph opens with)
    word = seam_word(a, b)
    return word is not None and word[1] >= 2.5 and seam_gain(a, b) >= 0.5


def evidence(bs: list[_Block], i: int, consumed: set[int], page, geo: PageGeometry, limit: int | None = None):
    """What the seam model reads for block i: (its cut features, its candidates as (j, blocks
    passed over), each candidate's features), or None when nothing can continue it. The
    decoder and the fit (`bench/repair_fit.py`) both take the evidence from here (`limit`: the
    first candidates only)."""
    a = bs[i]
    found = [(j, between) for j, between in candidates(bs, i, consumed) if not bs[j].para_start][:limit]
    if not found:
        return None          # (a third of the blocks: before any evidence is read)
    run_on = next(((j, between) for j, between in found if bs[j].body_like and not (
        ft.is_credit(bs[j].text) or ft.is_caption_start(bs[j].text))), None)
    nxt = next((bs[k].text for k in range(i + 1, len(bs)) if k not in consumed), "")
    xa = cut_features(a.text, nxt, page)
    xa.update({"n_" + k: v for k, v in geometry_features(geo, i, a.text, nxt, consumed).items()})
    if run_on is not None:
        xa.update(run_on_features(a.text, bs[run_on[0]].text, len(run_on[1])))
    context = _lazy(lambda: _context(bs, i)) if len(found) > 1 else None
    xs = [{**xa, **seam_features(a.text, bs[j].text, [bs[k].text for k in between], context,
                                 _after(bs, j, consumed)),
           **geometry_features(geo, i, a.text, bs[j].text, consumed)} for j, between in found]
    relative(xs)
    xa.update(candidate_evidence(xs))
    return xa, found, xs


def _best_continuation(bs: list[_Block], i: int, consumed: set[int], model, page, doc, geo):
    """(j, probability, evidence) of the likeliest continuation of block i, or None (`doc(i)`:
    the text around block i, for names spelled elsewhere; `geo`: the page's column geometry)."""
    if bs[i].terminal and not unclosed(bs[i].text):
        # most blocks end a sentence: the block after one alone tells whether it may be cut at all,
        # and only then are the others read (half the time); a quotation left open goes on
        ev = evidence(bs, i, consumed, page, geo, limit=1)
        if ev is None or (model.p_cut(ev[0]) < TERMINAL_FLOOR and not (
                not ev[1][0][1] and _flush_sequel(bs[i], bs[ev[1][0][0]]))):
            return None
    ev = evidence(bs, i, consumed, page, geo)
    if ev is None:
        return None
    xa, found, xs = ev
    a = bs[i]
    end = ending(a.text)
    p_cut = model.p_cut(xa)
    if a.body_like and len(a.text) >= RUNNING and not a.para_start and a.text[-1] not in "”’」』》）)" and (
            end in ("word", "other") or a.text[-1] in "，,、"):
        p_cut = max(p_cut, 0.9)   # running text that stops where no paragraph ends: cut
    elif end == "word" and len(a.text) >= 6 and not a.para_start and ft.ends_on_open_word(a.text):
        p_cut = max(p_cut, 0.85)  # 的, 是, 可以 …: no line ends on a word that needs its sequel
    # a mark left open where a sentence or a clause item ends is as often a stray one
    mid_sentence = end != "terminal" and a.text[-1] not in "；;"
    if mid_sentence and left_open(a.text) & {"《", "（", "("}:
        p_cut = max(p_cut, 0.9)   # 民政部依据《社会团体: a title or an aside never spans two paragraphs
    if a.listed:
        p_cut = max(p_cut, 0.9)   # ——…；/ ——…；/ ——…冻结铀: an item of a list whose items all close
    elif mid_sentence and not enumerator(a.text) and unclosed(a.text) \
            and any(closes_quote(a.text, bs[j].text) for j, _ in found):
        p_cut = max(p_cut, 0.9)   # …举行的“CEPA香港澳门 / (credit) / (内地)推广周…研讨会”上: a quotation
        #                           open mid-sentence, and a block below closes it
    q = model.pick_scores(xs)
    if not a.terminal and len(ft.strip_dateline(a.text)) >= 4:
        # a credit alone ((记者 魏敏鹏), 制图：高兰) continues no sentence: it signs a dateline, a
        # picture or a story (…从今年7月1日起，中国 / (a box) / （记者魏敏鹏） / 将实施…)
        text_q = [0.0 if ft.is_credit(bs[j].text) else v for (j, _), v in zip(found, q)]
        total = sum(text_q)
        if total <= 0.0:
            return None
        q = [v / total for v in text_q]
    k = max(range(len(q)), key=q.__getitem__)
    p, x = p_cut * q[k], {**xa, **xs[k]}
    if p < P_RECUR * q[k] and _said_above_line(bs, i, bs[found[k][0]]):
        p = P_RECUR * q[k]            # 伊辛是在…听证会上作 / (credit) / 上述表示的: the story's own words, cut
    if len(found) > 1 and unclosed(a.text) and q[k] < QUOTE_SURE and not closes_quote(a.text, bs[found[k][0]].text):
        closing = [m for m, (j, _) in enumerate(found)
                   if closes_quote(a.text, bs[j].text) and not _list_item(bs[j].text)]   # (an item opens anew)
        if len(closing) == 1:     # “民主 / (a sentence from elsewhere) / 秀”。: the quotation goes on
            k = closing[0]
            x = {**xa, **xs[k]}
    first = bs[found[0][0]]
    if not found[0][1] and _flush_sequel(a, first):
        k, p, x = 0, max(p, FLUSH_SURE), {**xa, **xs[0], "flush": 1.0}
    elif not found[0][1] and not first.furniture and not _stray_closer(a.text, first.text) and (
            ft.cannot_open(a.text, first.text) or ft.number_continues(a.text, first.text)) and not (
            a.terminal and first.text[:1] not in CLOSERS):
        k, p, x = 0, max(p, 0.95), {**xa, **xs[0]}      # nothing can begin a paragraph so (after a
        #   sentence end, only a closing mark: 限，加强… does not go on from 叫她阿秀。)
    elif x.get("seam_word", 0) >= 1.0 and x.get("seam_gain", 0) >= 0.5 and q[k] >= 0.9 \
            and bs[found[k][0]].body_like and (p >= model.doubt or not a.para_start):
        p = max(p, model.join)          # a common word across the seam, and no rival candidate
    elif p < model.join and not a.terminal and not a.listed and not enumerator(a.text) \
            and all(ft.is_credit(bs[m].text) or ft.is_caption_start(bs[m].text) for m in found[k][1]) \
            and bs[found[k][0]].body_like and ft.needs_subject(bs[found[k][0]].text):
        p = max(p, model.join)          # 这名演员在访问中 / (图表：…) / 表示，…: no paragraph opens on 表示
    elif p < model.join and q[k] >= 0.5 and ft.ends_on_titled_surname(a.text) and not a.listed \
            and bs[found[k][0]].body_like and _HAN_HEAD.match(bs[found[k][0]].text):
        p = max(p, model.join)          # 行政委员吴 / (items) / 志良在…: a name goes on
    elif not _seam_evidence(x) and not _word_across(x) and not a.listed and (
            _title_line(bs, i, bs[found[k][0]]) or _over_lead(a, bs[found[k][0]]) or (
            (p < HEADING_SURE or (ft.is_paired_heading(a.text) and x.get("seam_lm", 0.0) <= 0.0))
            and _heading_shaped(a) and _reads_as_heading(a.text) and _may_head(bs, i))) \
            and not ft.needs_subject(bs[found[k][0]].text):
        # a headline and a cut first line look alike: only the seam tells (a two-part heading,
        # 抓前期，项目储备更充足, that reads no better run on into the text below stays apart
        # however sure the model is), or the words: a line whose words the text below never
        # says again is no headline of it, and the model decides alone
        p = min(p, model.doubt - 0.01)
    passed = found[k][1]
    if passed and not a.listed and ((_heading_shaped(a, past=True) and _reads_as_heading(a.text))
                                    or _title_line(bs, i)) and (
            (p < HEADING_SURE and not _plain_seam(a.text, bs[found[k][0]].text) and not _word_across(x)
             and not closes_quote(a.text, bs[found[k][0]].text) and not ft.needs_subject(bs[found[k][0]].text))
            or any(seam_word(bs[m].text, bs[found[k][0]].text) for m in passed)
            or (not bs[passed[-1]].terminal and ft.closed_start(bs[found[k][0]].text) is not None
                and not all(bs[m].short for m in passed))):
        # a headline joined past other blocks would take the text after them: only when sure, and
        # not past a block that reads on into the same text (本报 / 讯（记者 王明）市民出 / 行更加便利),
        # nor, past running text, to a text opening mid-word under an open block: that block is
        # its start (新开工项目稳中有进 / 本报 / 讯… / 港口部门推出便利 / 化措施。); a box's items
        # between a cut and its rest are passed over (宪法规定,印度为联邦制国 / items / 家,总统…)
        p = min(p, model.doubt - 0.01)
    if p < model.join and q[k] >= 0.5 and not (passed and _heading_shaped(a, past=True) and not all(
            ft.is_credit(bs[m].text) or ft.is_caption_start(bs[m].text) for m in passed)) and \
            _echo(a.text, bs[found[k][0]].text, doc(i)):     # (a headline past items: a list)
        p = model.join                # 查韦 / 斯: what spans the seam is said elsewhere on the page
        x = {**x, "echo": 1.0}
    if a.placed and p >= model.doubt and not (_seam_evidence(x) or end == "clause" or
                                              (a.body_like and len(a.text) >= RUNNING)):
        p = model.doubt - 0.01       # a box's items (停车泊位：五十五个) stand one a line
    b = bs[found[k][0]]
    if p >= model.doubt and b.body_like and spaced_digits(a.text) and not spaced_digits(b.text):
        p = model.doubt - 0.01       # 以军有 23 名: a box's line, set apart from running text
    if p >= model.join and not _seam_evidence(x) and _amid_items(bs, i, consumed):
        p = model.join - 0.01        # 法国也首次发现H5型禽流感病毒 / 欧洲、非洲高度警惕: a box's item
    if a.text[-1] in "：:" and p >= model.doubt and _list_item(bs[found[k][0]].text):
        p = model.doubt - 0.01       # 以下三件事： / ——继续打好…: a list follows its lead-in
    if p >= model.join and not found[k][1] and not _seam_evidence(x) \
            and _fused_subhead(a.text, bs[found[k][0]].text):
        p = model.join - 0.01        # …受伤。美国驻意大利使馆收到含有白粉邮袋 / 在罗马，美国驻意大利大使馆
        #                              前天收到一个含有白粉的邮袋…: a subhead run onto a paragraph's end
        x = {**x, "fused_subhead": 1.0}
    return found[k][0], p, x


def _flush_sequel(a: _Block, b: _Block) -> bool:
    """b, running text after a blank line, is not set in where the text sets its paragraphs' first
    lines in (`_Block.flush`), under running text: the rest of a's paragraph, carried to the top of
    the next column (…城市绿 / (column end) / 道一百二十公里。 read column after column), even
    where a ends a sentence. A headline, a byline, a caption, a credit, a dateline or a list's item
    is no such text."""
    if not b.flush or not b.body_like or b.furniture or b.para_start or b.listed or _set_in_form(b) \
            or enumerator(b.text) or ft.is_deck_start(b.text):
        return False
    if a.furniture or a.listed or not (a.body_like or a.wrap_line or not a.raw.blank_before):
        return False
    return not (_heading_shaped(a) or _set_in_form(a) or ft.ends_photo_credit(a.text))


FUSED_SHARE = 0.6       # of a fused subhead's content pairs that the next sentence says again (_fused_subhead)
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
_TAIL_MARK = re.compile(r"[，,、；;：:“”‘’（）()《》「」]")


def _fused_subhead(a: str, b: str) -> bool:
    """a ends a sentence and then runs on into a heading's words (8 to 30 characters, no mark, none
    of running text's function words), and the first sentence of b, which nothing at the seam
    joins to them (the caller asks `_seam_evidence` too), says most of those words again: a
    subhead the source set on the paragraph's last line, over the paragraph it heads (a lead
    restating its subhead), not a sentence cut at a column end, whose sequel goes on from it and
    seldom repeats it."""
    ends = list(_SENTENCE_END.finditer(a))
    if not ends:
        return False
    tail = a[ends[-1].end():]
    if not 8 <= len(tail) <= 30 or _TAIL_MARK.search(tail) or ft.function_words(tail, running=True):
        return False
    if ft.cannot_open(a, b) or ft.number_continues(a, b) or seam_word(a, b):
        return False
    pairs = ft.content_pairs(tail)
    first = re.split(r"[。！？!?]", b[:80], maxsplit=1)[0]
    return len(pairs) >= 4 and sum(pair in first for pair in pairs) >= FUSED_SHARE * len(pairs)


RECUR_REACH = 600       # characters of the story above a line read for its words (_said_above)
RECUR_LEAST = 2         # content pairs said there that make a line the story's own
P_RECUR = 0.85          # and how likely such a line, stopping mid-sentence, is cut (of the short open lines with
#                         function words in the fit halves of seeds 31/41/51, nist, csc and numbered: 538 of the
#                         550 saying two names or terms of the story above were cut, 955 of 1,016 counting common words)


def _said_above_line(bs: list[_Block], i: int, b: _Block) -> bool:
    """Block i is a line of at most a box item's length (40) that stops mid-sentence, with running
    text's function words, that says RECUR_LEAST names or terms of the story above it: the
    story's own line, cut, and b (running text, no list's item) its sequel."""
    a = bs[i]
    t = a.text
    return len(t) <= 40 and ending(t) != "terminal" and t[-1] not in "；;：:" and not (
        a.furniture or a.placed or a.listed or enumerator(t) or _list_item(t) or _reads_as_heading(t)) \
        and b.body_like and not (enumerator(b.text) or _list_item(b.text)) and _said_above(bs, i) >= RECUR_LEAST


def _said_above(bs: list[_Block], i: int) -> int:
    """How many of block i's content character pairs (no function character in either) the
    RECUR_REACH characters of its story above it already have: a sidebar's item or another
    story's headline seldom says what the story above said; the story's own cut line mostly does."""
    pairs = ft.content_pairs(bs[i].text)
    if not pairs:
        return 0
    above: list[str] = []
    size = 0
    for k in range(i - 1, -1, -1):
        b = bs[k]
        if b.furniture or b.placed:
            break
        if b.body_like:          # running text: not another line of a list or a box
            above.append(b.text)
            size += len(b.text)
        if size >= RECUR_REACH or _story_starts(bs, k):
            break
    text = "".join(reversed(above))[-RECUR_REACH:]
    return sum(1 for pair in pairs if pair in text)


def _item(b: _Block) -> bool:
    """A line as a box's items are set: short, no sentence end, not stopping at a clause mark."""
    return len(b.text) <= 40 and not b.terminal and b.text[-1] not in "，,、；;：:" and not (
        b.furniture or b.para_start)


def _amid_items(bs: list[_Block], i: int, consumed: set[int]) -> bool:
    """Block i is one of a run of a box's items (the line before it is one too, and it is not
    that line's sequel): what follows it is no part of it unless the seam itself says so."""
    return i > 0 and i not in consumed and _item(bs[i]) and _item(bs[i - 1])


def _seam_past(bs: list[_Block], i: int, j: int, consumed: set[int]) -> bool:
    """The block after j reads on from block i at the seam itself (同比减 / 本报成都…电… / 少127次):
    block j, a one-sentence lead, stands inside i's paragraph and moves out whole."""
    b = bs[j]
    if not (b.terminal and ft.sentence_count(b.text) <= 1):
        return False
    k = next((k for k in range(j + 1, min(len(bs), j + 3)) if k not in consumed), None)
    return k is not None and not bs[k].furniture and _plain_seam(bs[i].text, bs[k].text)


def _name_cut(bs: list[_Block], i: int) -> bool:
    """Block i stops inside a name or term that the page, twice or more, spells on with the
    same character and never otherwise (支持查韦 / 斯: 查韦斯 elsewhere): a sure cut."""
    tail = _HAN_TAIL.search(bs[i].text[-2:])
    if tail is None or len(tail.group()) < 2:
        return False
    t = tail.group()
    follow: Counter = Counter()
    for k in range(max(0, i - ECHO_REACH), min(len(bs), i + ECHO_REACH)):    # its page and more
        b = bs[k]
        s, at = b.text, b.text.find(t)
        while at >= 0:
            end = at + len(t)
            if not (k == i and end == len(s)):
                follow[s[end:end + 1]] += 1
            at = s.find(t, at + 1)
    return sum(follow.values()) >= 2 and len(follow) == 1 and bool(_HAN_HEAD.match(next(iter(follow))))


def _closes(t: str) -> bool:
    return t[-1:] in "；;" or ft.ends_terminal(t)


def list_tallies(texts: list[str]) -> dict[str, tuple[int, int]]:
    """Per kind of list marker, how many blocks of the page open with it and how many of those close."""
    tally: dict[str, tuple[int, int]] = {}
    for t in texts:
        family = list_family(t)
        if family is not None:
            n, closed = tally.get(family, (0, 0))
            tally[family] = (n + 1, closed + _closes(t))
    return tally


def _item_of_closed_list(t: str, tally: dict[str, tuple[int, int]]) -> bool:
    """t opens as an item of a list whose other items on the page, two or more, close with a
    sentence end or a semicolon (three in four at least), and stops short itself: it is cut,
    however much it looks like a deck (——联合国因德黑兰未能冻结铀 / 浓缩作业，…；)."""
    family = list_family(t)
    if family is None or _closes(t) or family not in tally:
        return False
    n, closed = tally[family]
    return n - 1 >= 2 and closed >= 0.75 * (n - 1)


def _stray_closer(a: str, b: str) -> bool:
    """b opens with a closing quote or bracket that nothing open in a awaits (a quotation
    closed on a line of its own: its sentence is another block's)."""
    return b[:1] in CLOSERS and not unclosed(a)


_LIST_START = re.compile(r"^(?:——|――|──|[一二三四五六七八九十]是|首先|其次|第[一二三四五六七八九十]、?[，,]?)")


def _list_item(t: str) -> bool:
    return bool(_LIST_START.match(t) or enumerator(t))


def _after(bs: list[_Block], j: int, consumed: set[int]) -> str:
    """The text of the first block after j not already joined elsewhere."""
    return next((bs[k].text for k in range(j + 1, min(len(bs), j + 4)) if k not in consumed), "")


def _title_line(bs: list[_Block], i: int, b: _Block | None = None) -> bool:
    """The file's first line, short and without a clause mark in it, or over a paragraph that
    opens as a lead does or repeats its words (b, when given): its title, as a rule."""
    t = bs[i].text
    if len(t) > 50 or bs[i].terminal or any(bs[k].text for k in range(i)):   # (no copy of the blocks before it)
        return False
    if not any(m in t[:-1] for m in "。！？!?…，,；;"):
        return True
    # with a clause mark in it, a title has the two-part form (抓前期，项目储备更充足), not a
    # sentence's first clauses (纳达尔今天在…对战乔科维奇，比赛尾声)
    return b is not None and _lead_under(t, b.text) and ft.is_paired_heading(t)


def _reads_as_heading(t: str) -> bool:
    """A two-part heading (抓前期，项目储备更充足), or a line with none of running text's
    function words (是, 了, 目前 …): a headline's telegraphic style."""
    return ft.is_paired_heading(t) or ft.function_words(t, running=True) == 0


def _over_lead(a: _Block, b: _Block) -> bool:
    """A line in a headline's form over a paragraph that opens as a lead does (7月10日，… 据悉 …)
    or that repeats its words (糖尿病药物文迪雅): a headline over its story, not a cut first line.
    The form: short, or up to 50 characters with no comma or sentence mark in it (卫生部：全国餐饮业
    将逐步实行卫生监督公示制度, 主题；副题). A line that stops on a word needing its sequel
    (是因为, 的) is no headline, whatever it repeats."""
    t, end = a.text, ft.open_end(a.text)
    headline_form = a.short or (len(t) <= 50 and end is None and not any(m in t for m in "，,。！？!?"))
    return headline_form and not a.terminal and end != "word" and (
        ft.is_paragraph_opener(b.text) or (ft.restates(t, b.text) and ft.function_words(t, running=True) < 2))


def _lead_under(head: str, para: str) -> bool:
    """The paragraph opens as a lead does (7月10日，… 据悉) or repeats the line's words."""
    return ft.restates(head, para) or ft.is_paragraph_opener(para)


def _heading_shaped(a: _Block, past: bool = False) -> bool:
    """A line that could be a headline, kicker, deck or subhead: never joined on its form alone.
    `past`: asked of a line that would be joined past other blocks, where a headline taken for a
    cut line changes the order of the text: a line ending on a word a headline may also end on
    (全民健身赛事火热开展, 与基因变异有关: words.toml headline_ends) counts too."""
    t = a.text
    end = ft.open_end(t)
    if end == "punct" or (end == "word" and not (past and not ft.ends_on_open_word(t))):
        return False         # 的, 在, 和 … or ·, “: a headline does not end on what needs a sequel
    if ft.ends_on_titled_surname(t):
        return False         # …行政委员吴: a name cut, not a headline's end
    return ft.is_short_line(t) or ft.is_paired_heading(t) or (a.para_start and len(ft.strip_dateline(t)) < 4)


def _may_head(bs: list[_Block], i: int) -> bool:
    """Heading-shaped block i may head the text below it: it has a subhead's two-part form
    (抓前期，项目储备更充足), or it signs or introduces a story (a credit, a caption, a dateline),
    or the text below says its words again (`recurs_below`)."""
    a = bs[i]
    if ft.is_paired_heading(a.text) or a.para_start or ft.is_credit(a.text) or ft.is_caption_start(a.text):
        return True
    said = recurs_below(a.text, [b.text for b in bs[i + 1:i + 1 + RECUR_BLOCKS]])
    return said is None or said >= RECUR_HEADLINE


def _seam_evidence(x: dict[str, float]) -> bool:
    """Positive evidence at the seam itself: a word across it, a start no paragraph has, a number."""
    return bool(x.get("seam_word", 0) >= 0.6 or x.get("b_start_mark") or x.get("b_start_word")
                or x.get("b_start_lower") or x.get("number_continues") or x.get("counted_noun")
                or x.get("pair_closes") or x.get("a_unclosed") or x.get("seam_lm", 0) >= SEAM_LM_SURE)


def _word_across(x: dict[str, float]) -> bool:
    """A dictionary word could span the seam, and the two sides read better joined by it
    (接收公 / 费师范生, 铭传大学华 / 语中心): a headline does not stop inside a word."""
    return x.get("seam_word", 0) >= 0.4 and x.get("seam_gain", 0) >= 0.5


_REASONS = [
    ("b_start_mark", "starts with a mark no paragraph begins with"),
    ("b_start_lower", "a Latin word continues in lower case"),
    ("b_start_word", "starts with a word no paragraph begins with"),
    ("number_continues", "a number or its unit continues"),
    ("counted_noun", "a number or its unit continues"),
    ("a_comma_end", "the paragraph stops at a comma"),
    ("a_semicolon_end", "the paragraph stops at a semicolon"),
    ("a_word_end", "the paragraph stops on a word that needs a sequel"),
    ("flush", "the text sets its paragraphs' first lines in, and the next block is not set in"),
]


def _reasons(x: dict[str, float]) -> list[str]:
    out: list[str] = []
    for key, text in _REASONS:
        if x.get(key) and text not in out:
            out.append(text)
    if x.get("seam_word"):
        out.append("a word spans the cut")
    if x.get("echo"):
        out.append("the page spells what spans the cut whole elsewhere")
    if not out and x.get("end_terminal"):
        out.append("the column may end at a sentence end, and the next block reads as its sequel")
    if not out:
        out.append("the paragraph has no sentence end and the next block reads as its sequel")
    if x.get("fused_subhead"):
        out.append("but its last words may be a subhead, which the next paragraph says again")
    return out


def _lazy(make):
    """A getter that computes its value on first use."""
    box: list = []

    def get():
        if not box:
            box.append(make())
        return box[0]
    return get


def _story_starts(bs: list[_Block], j: int) -> bool:
    """Block j opens another story: a headline over a dateline, or a long dateline-led paragraph."""
    b = bs[j]
    if b.para_start:
        prev = bs[j - 1] if j > 0 else None
        return len(b.text) > 120 or (prev is not None and not prev.terminal and not prev.body_like)
    return b.short and j + 1 < len(bs) and bs[j + 1].para_start


_HAN_HEAD = re.compile(r"^[\u4e00-\u9fff]+")
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]+$")


class _PageText:
    """The text around a block, for names spelled elsewhere on its page: the blocks within
    `ECHO_REACH` or more of it (a whole file when short), joined once per stretch, so a long file
    is searched in stretches of the same size and never whole for every seam."""

    def __init__(self, bs: list[_Block]):
        self.bs = bs
        self.cache: dict[int, str] = {}

    def __call__(self, i: int) -> str:
        k = i // ECHO_REACH
        if k not in self.cache:
            lo, hi = max(0, (k - 1) * ECHO_REACH), (k + 2) * ECHO_REACH
            self.cache[k] = "\n".join(b.text for b in self.bs[lo:hi])
        return self.cache[k]


ECHO_REACH = 200        # blocks: more than a broadsheet page holds


def _echo(a: str, b: str, doc: str) -> bool:
    """A name or term cut by the seam (查韦 / 斯, 董事长汪 / 东进) that the page spells whole
    elsewhere: three characters across the seam seen twice, or four seen once."""
    left, right = _HAN_TAIL.search(a[-3:]), _HAN_HEAD.match(b[:3])
    if not (left and right):
        return False
    tail, head = left.group(), right.group()
    # every string across the seam of three characters or more holds one of the two of three
    # (tail[-1:] + head[:2] or tail[-2:] + head[:1]): where that one is nowhere in the page,
    # neither is the longer one, and the page is not searched for it
    counts: dict[str, int] = {}

    def count(s: str) -> int:
        c = counts.get(s)
        if c is None:
            c = counts[s] = doc.count(s)
        return c

    for i in range(1, len(tail) + 1):
        for j in range(1, len(head) + 1):
            n = i + j
            if n < 3:
                continue
            if n > 3 and not count(tail[-1:] + head[:2] if j >= 2 else tail[-2:] + head[:1]):
                continue
            if count(tail[-i:] + head[:j]) >= (2 if n == 3 else 1):
                return True
    return False


def _context(bs: list[_Block], i: int) -> Counter:
    """Words of the article around block i: back to its headline, and the blocks ahead."""
    lo = i
    while lo > 0 and i - lo < 12:
        if bs[lo].furniture or bs[lo].para_start:
            lo -= 1            # take the headline above a dateline or byline too
            break
        lo -= 1
    hi = i + 1
    while hi < min(len(bs), i + LOOKAHEAD + 4) and not _story_starts(bs, hi):
        hi += 1
    ctx: Counter = Counter()
    for k in range(max(0, lo), hi):
        ctx.update(block_words(bs[k].text))
    return ctx


_ZH = {
    "starts with a mark no paragraph begins with": "下一段以不能居段首的标点开头",
    "a Latin word continues in lower case": "英文单词以小写字母续接",
    "starts with a word no paragraph begins with": "下一段以不能居段首的字开头",
    "the paragraph has no sentence end and the next block reads as its sequel": "本段没有结束标点，下文与之衔接",
    "the column may end at a sentence end, and the next block reads as its sequel": "栏尾可能恰在句末断开，下文与之衔接",
    "a number or its unit continues": "数字或其单位跨越断行",
    "the paragraph stops at a comma": "本段止于逗号",
    "the paragraph stops at a semicolon": "本段止于分号",
    "the paragraph stops on a word that needs a sequel": "本段止于需要下文的词",
    "the text sets its paragraphs' first lines in, and the next block is not set in": "本文段首缩进，下一块未缩进，是本段的续文",
    "a word spans the cut": "有词语跨越断行",
    "the page spells what spans the cut whole elsewhere": "跨越断行的词在本版别处完整出现",
    "but its last words may be a subhead, which the next paragraph says again": "但段末几字可能是小标题，下一段重述了它",
}


def _zh(reasons: list[str], moved: int) -> str:
    out = []
    for r in reasons:
        if r.startswith("the word "):
            out.append(f"“{r[9:].split(' ')[0]}”一词跨越断行")
        else:
            out.append(_ZH.get(r, r))
    text = "；".join(out)
    if moved:
        text += f"；{moved}个穿插的块移出正文"
    return text


def assemble(blocks: list[RawBlock], fixes: list[Fix]) -> list[tuple[int, ...]]:
    """Apply the accepted joins: paragraphs as tuples of block indices, in reading order.

    The blocks a join moved out follow the repaired paragraph, in their own order.
    """
    nxt: dict[int, int] = {}
    after: dict[int, list[int]] = {}
    is_cont: set[int] = set()
    held: set[int] = set()
    for f in fixes:
        if f.kind != "join" or not f.accepted:
            continue
        a, b = f.blocks[0], f.blocks[1]
        if a in nxt or b in is_cont or b in held or a in held or b <= a \
                or any(m in is_cont or m in held or m in nxt for m in f.moved):
            continue                     # contradicts a join already made (an accepted possible cut)
        nxt[a] = b
        is_cont.add(b)
        after.setdefault(a, []).extend(f.moved)
        held.update(f.moved)
    units: list[tuple[int, ...]] = []
    emitted: set[int] = set()

    def emit(head: int) -> None:
        if head in emitted or head in is_cont:
            return
        chain = [head]
        while chain[-1] in nxt and nxt[chain[-1]] not in emitted:
            chain.append(nxt[chain[-1]])
        emitted.update(chain)
        units.append(tuple(chain))
        for k in chain:
            for m in after.get(k, ()):
                emit(m)

    for block in blocks:
        if block.index in held or block.index in is_cont:
            continue
        emit(block.index)
    for block in blocks:                 # anything a chain never reached stands on its own
        if block.index not in emitted:
            emitted.add(block.index)
            units.append((block.index,))
    return units
