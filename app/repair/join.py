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

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from app.model import Fix, RawBlock
from app.repair import features as ft
from app.repair.seam import block_words, cohesion, seam_word

LOOKAHEAD = 12          # blocks scanned past a cut for its continuation
COHESION = 2.0          # weight of the candidate's fit with the article
MIN_SCORE = 0.8         # below this a continuation is not trusted


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
    def furniture(self) -> bool:
        """Blocks that head or sign a story: never a continuation, never skipped over."""
        t = self.text
        return ft.is_byline(t) or ft.is_page_marker(t) or ft.is_deck_start(t)

    heading: bool = False    # set when a deck (——…) follows: a subhead or headline
    cut: object = field(default=None, repr=False)   # cut_kind, once computed (see _UNSET)

    @cached_property
    def para_start(self) -> bool:
        return ft.is_dateline_start(self.text)

    @cached_property
    def insert_like(self) -> bool:
        """Can stand inside an article without belonging to it (so may be skipped over)."""
        t = self.text
        if self.furniture:
            return False
        if ft.is_credit(t) or self.short or ft.is_caption_start(t):
            return True
        if self.terminal and len(t) <= 160:
            return True          # a caption or a one-paragraph item from elsewhere
        return self.para_start and len(t) <= 90


def cut_kind(b: _Block) -> str | None:
    """Why block b looks cut at a column end, or None."""
    if b.cut is _UNSET:
        b.cut = _cut_kind(b)
    return b.cut


def _cut_kind(b: _Block) -> str | None:
    t = b.text
    if b.furniture or ft.is_credit(t):
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


PRIOR = {"punct": 2.5, "word": 2.0, "hyphen": 2.0, "open": 1.5, "colon": 1.2, "maybe": -0.5}


def skip_cost(b: _Block, context) -> float:
    """How unlikely it is that block b stands inside an article it does not belong to.

    Sidebar items and credits are cheap to pass over. A caption is one sentence; the more
    words it has that the article around it does not use, the surer it is a stranger here.
    """
    if ft.is_credit(b.text) or b.short or ft.is_caption_start(b.text):
        return 0.1
    if b.para_start:
        return 0.3
    if ft.sentence_count(b.text) > 1:
        return 1.5
    hits, n = cohesion(b.text, context())
    if n < 6 or hits > 1:
        return 1.5          # it shares the article's words, or has too few to tell: not a stranger
    return 1.5 - 2.0 * min(1.0, n / 8)


def _score(a: _Block, b: _Block, cut: str, skip: float, context, decided: bool = False
           ) -> tuple[float, list[str]]:
    """How well b continues a, and why. `context()` gives the article's words (computed lazily).

    Segmentation (the seam word, the fit with the article) is the costly part, so it runs only
    when it could lift the candidate over the threshold; otherwise an upper bound is returned.
    `decided`: b is the last candidate and none before it passed, so once b passes, how well it
    fits the article no longer matters.
    """
    reasons: list[str] = []
    s = PRIOR[cut] - skip
    if cut == "maybe":
        # a line that reads as a clause (是、在、的…) rather than a heading's phrase
        s += {0: 0.0, 1: 0.3}.get(ft.function_words(a.text), 1.8)
    evidence = False
    start = ft.closed_start(b.text)
    if start == "punct":
        s += 4; reasons.append("starts with a mark no paragraph begins with"); evidence = True
    elif start == "lower":
        s += 3; reasons.append("a Latin word continues in lower case"); evidence = True
    elif start == "word":
        s += 1.5; reasons.append("starts with a word no paragraph begins with"); evidence = True
    if ft.number_continues(a.text, b.text) or (skip == 0 and ft.counted_noun_follows(a.text, b.text)):
        s += 2.5; reasons.append("a number or its unit continues"); evidence = True
    if b.para_start:
        s -= 6
    if b.furniture or b.heading:
        s -= 8
    if not a.body_like and ft.restates(a.text, b.text):
        s -= 2.5                           # a lead paragraph retelling its headline
    if b.text.startswith(("“", "‘", "「")):
        s -= 0.3
    weight = COHESION if a.body_like else COHESION / 2
    best_case = s + 2.5 + _form_adjust(a, b, cut, True, reasons=None) + weight
    if best_case < MIN_SCORE:
        return best_case, reasons          # not even a seam word and a perfect fit would carry it
    seam = seam_word(a.text, b.text)
    if seam:
        s += seam[1]
        reasons.append(f"the word {seam[0]} spans the cut"); evidence = True
    s += _form_adjust(a, b, cut, evidence, reasons)
    if s + weight >= MIN_SCORE and not (decided and s >= MIN_SCORE):
        hits, n = cohesion(b.text, context())
        # a block of few words says little either way; a heading shares words with its story anyway
        s += weight * hits / (n + 2)
    return s, reasons


def _form_adjust(a: _Block, b: _Block, cut: str, evidence: bool, reasons: list[str] | None) -> float:
    """What b's own form says, given whether the seam already showed evidence of a cut."""
    s = 0.0
    if ft.is_caption_start(b.text) and not evidence:
        s -= 3
    if not b.body_like and not b.terminal:
        s -= 1.0 if evidence else 2.5      # a short unpunctuated line: a heading or a list item
        if cut == "maybe":
            s -= 3.0                       # two short lines in a row: a list, not a cut paragraph
    if ft.figure_starts(b.text) and not evidence:
        s += 1.0
        if reasons is not None:
            reasons.append("a figure continues the sentence")
    if not evidence and ft.is_paragraph_opener(b.text):
        s -= 1.5
    return s


def plan_repairs(blocks: list[RawBlock]) -> list[Fix]:
    bs = [_Block(r, r.text) for r in blocks]
    for k in range(len(bs) - 1):
        bs[k].heading = ft.is_deck_start(bs[k + 1].text) and not bs[k].terminal
    fixes: list[Fix] = []
    consumed: set[int] = set()       # blocks already joined to a predecessor
    moved: set[int] = set()
    for i, a in enumerate(bs):
        if i in moved:
            continue             # stands inside another paragraph: a sidebar, caption or credit
        cut = cut_kind(a)
        if cut == "maybe" and _in_list(bs, i):
            continue             # one line of a list of short lines: a sidebar, not a cut paragraph
        if cut is None and not a.terminal:
            continue
        if cut not in (None, "punct") and not a.body_like and i + 1 < len(bs) and bs[i + 1].para_start:
            continue             # a line over a dateline is a headline
        best, best_score, best_reasons = None, None, []
        skip = 0.0
        context = _lazy(lambda i=i: _context(bs, i))
        for j in range(i + 1, min(len(bs), i + 1 + LOOKAHEAD)):
            if j in consumed:
                continue
            b = bs[j]
            if _story_starts(bs, j):
                break
            if cut is None:
                # a complete sentence end: only a start no paragraph can have continues it
                if ft.closed_start(b.text) == "punct" and not b.furniture:
                    best, best_score, best_reasons = j, 4.0, ["starts with a mark no paragraph begins with"]
                    break
                if cut_kind(b) is not None:
                    break        # b is cut itself: what follows is b's
            else:
                last = not b.insert_like or cut_kind(b) in ("punct", "word", "open")
                decided = last and (best_score is None or best_score < MIN_SCORE)
                sc, why = _score(a, b, cut, skip, context, decided)
                if best_score is None or sc > best_score:
                    best, best_score, best_reasons = j, sc, why
            if not b.insert_like or cut_kind(b) in ("punct", "word", "open"):
                break            # running text, or a paragraph cut itself: no further
            if cut is not None:          # (a sentence end only looks for a closing mark)
                skip += skip_cost(b, context)
        if best is None or best_score < MIN_SCORE:
            continue
        between = tuple(k for k in range(i + 1, best) if k not in consumed)
        conf = max(0.05, min(0.99, 0.5 + 0.1 * best_score))
        if not best_reasons:
            best_reasons = ["the paragraph has no sentence end and the next block reads as its sequel"]
        reason = "; ".join(r for r in best_reasons if r)
        if between:
            reason += f"; {len(between)} interleaved block(s) moved out"
        fixes.append(Fix(
            id=f"j{i}-{best}", kind="join", blocks=(i, best), confidence=round(conf, 2),
            reason=reason, reason_zh=_zh(best_reasons, len(between)), moved=between,
            before=a.text[-12:], after=bs[best].text[:12]))
        consumed.add(best)
        moved.update(between)
    return fixes


def _lazy(make):
    """A getter that computes its value on first use."""
    box: list = []

    def get():
        if not box:
            box.append(make())
        return box[0]
    return get


def _in_list(bs: list[_Block], i: int) -> bool:
    def item(k: int) -> bool:
        return 0 <= k < len(bs) and bs[k].short and not ft.is_credit(bs[k].text)
    return item(i - 1)


def _story_starts(bs: list[_Block], j: int) -> bool:
    """Block j opens another story: a headline over a dateline, or a long dateline-led paragraph."""
    b = bs[j]
    if b.para_start:
        prev = bs[j - 1] if j > 0 else None
        return len(b.text) > 120 or (prev is not None and not prev.terminal and not prev.body_like)
    return b.short and j + 1 < len(bs) and bs[j + 1].para_start


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
        a, b = f.blocks
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
        while chain[-1] in nxt:
            chain.append(nxt[chain[-1]])
        emitted.update(chain)
        units.append(tuple(chain))
        for k in chain:
            for m in after.get(k, ()):
                emit(m)

    for b in blocks:
        if b.index in held or b.index in is_cont:
            continue
        emit(b.index)
    for b in blocks:                     # anything held by a chain that never got emitted
        if b.index not in emitted and b.index not in is_cont:
            emit(b.index)
    return units
