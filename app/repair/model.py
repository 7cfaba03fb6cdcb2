"""The seam model: how likely block b continues the paragraph block a was cut from.

Every piece of evidence is an explicit, named feature (how a ends, how b begins, the parts of
speech of the words at their edges as jieba's dictionary tags them, a word spanning the seam,
what stands between them, the running text past a credit or caption, the page's share of
one-item lines); the trees are fitted
by `bench/repair_fit.py` on thousands of generated cases (`bench/repair_corpus.py`) and checked
on text the fit never saw. They live in `resources/repair/seam_model.json`, so a refit changes
data, not code.

Two models of boosted trees: one says whether block a was cut at all (from how it ends, its
form, the block after it, the page, and the strongest evidence any candidate shows), the other
which of the candidates continues it (a margin per candidate, normalised over them: a word
across the seam, how b begins, what stands between). Trees let what the evidence means depend
on how a ended. A seam is joined when P(cut) × P(this candidate | cut) reaches `join`, and
offered as a possible cut from `doubt` up.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache

from galley.app.data import resource
from galley.app.repair import features as ft
from galley.app.repair.lexicon import segment, word_class
from galley.app.repair.seam import cohesion, seam_gain, seam_lm, seam_word
from galley.app.trees import Trees

MODEL = resource("repair", "seam_model.json")

# enumerators that open a numbered clause or item: （一） 一、 第三条 1. (2) ①, by kind
_ENUM = re.compile(r"^(?:(?P<paren>[（(][一二三四五六七八九十\d]{1,3}[）)])|(?P<han>[一二三四五六七八九十]{1,3}[、．.])|"
                   r"(?P<article>第[一二三四五六七八九十百\d]{1,4}(?:[条章节款项]|部分))|(?P<digit>\d{1,2}[、．.](?!\d))|"
                   r"(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩]))")
_DIGIT = re.compile(r"^[0-9０-９]")
_LATIN = re.compile(r"[A-Za-z]$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACED_DIGITS = re.compile(r"[\u3400-\u9fff] [0-9][0-9.,]* ?[\u3400-\u9fff%]")
_SIGN_OFF = re.compile(r"^[（(]完[）)]")
PAIRS = {"“": "”", "（": "）", "(": ")", "《": "》", "‘": "’", "「": "」", "【": "】"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")     # what the two below read


def left_open(text: str) -> set[str]:
    """The opening marks (“ （ 《 …) text leaves without their closing ones."""
    depth: dict[str, int] = {}
    for ch in _MARKS.findall(text):
        if ch in PAIRS:
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in CLOSERS and depth.get(CLOSERS[ch], 0) > 0:
            depth[CLOSERS[ch]] -= 1
    return {k for k, v in depth.items() if v > 0}


def unclosed(text: str) -> bool:
    """An opening mark (“ （ 《 …) with no closing one after it: the sentence runs on."""
    return bool(left_open(text))


def first_unopened(text: str) -> str | None:
    """The first closing mark in text (its first 80 characters) before any opening one, or None."""
    seen: set[str] = set()
    for ch in _MARKS.findall(text, 0, 80):
        if ch in PAIRS:
            seen.add(ch)
        elif ch in CLOSERS and CLOSERS[ch] not in seen:
            return ch
    return None


def unopened(text: str) -> bool:
    """A closing mark (” ） 》 …) before any opening one: the block carries on a quotation or aside."""
    return first_unopened(text) is not None


def closes_quote(a: str, b: str) -> bool:
    """b closes, before it opens anything, a mark a leaves open (“民主 / 秀”。)."""
    closer = first_unopened(b)
    return closer is not None and CLOSERS[closer] in left_open(a)


ENDINGS = ("terminal", "clause", "word", "other")


def ending(text: str) -> str:
    """How a block ends: a sentence end, a clause mark, a word that needs a sequel, or neither."""
    if ft.ends_terminal(text):
        return "terminal"
    why = ft.open_end(text)
    if why == "punct" or text[-1:] in "：:":
        return "clause"
    if why:
        return "word"
    return "other"


def cut_prior(text: str, nxt: str = "") -> float:
    """How likely a block is cut at a column end, from how it ends and how the next block
    begins (what the page's column width is read from: `geometry.PageGeometry`)."""
    if not text or ft.is_byline(text) or ft.is_page_marker(text):
        return 0.0
    if nxt and (ft.cannot_open(text, nxt) or ft.number_continues(text, nxt)):
        return 0.95
    if ft.is_short_line(text):
        return 0.0               # list items of one length would agree on a width of their own
    end = ending(text)
    if end in ("clause", "word"):
        return 0.9
    if end == "terminal":
        return 0.0               # cut so seldom that its fill says next to nothing
    return 0.6 if len(text) > 30 and ft.has_body_punct(text) else 0.15


def enumerator(text: str) -> bool:
    return bool(_ENUM.match(text))


def list_family(text: str) -> str | None:
    """The kind of marker a list item opens with (dash ——, paren （一）, han 一、, article 第一条,
    digit 1., circled ①), or None."""
    if ft.is_deck_start(text):
        return "dash"
    m = _ENUM.match(text)
    return m.lastgroup if m else None


def spaced_digits(text: str) -> bool:
    """Digits set apart from the Han around them (以军有 23 名, 07 式军服): how a box or sidebar's
    lines come out of a page, not running text."""
    return bool(_SPACED_DIGITS.search(text) or _SPACED_LEAD.match(text))


_SPACED_LEAD = re.compile(r"[0-9][0-9.,]* [\u3400-\u9fff%]")


def _log_len(text: str) -> float:
    return math.log1p(len(text)) / 5.0


@lru_cache(maxsize=8192)
def block_features(text: str) -> dict[str, float]:
    """What one block's own form says (as a cut paragraph's first part, or as a continuation)."""
    last = text[-1:]
    start = ft.closed_start(text)
    body = (ft.has_body_punct(text[:-1]) or len(text) > 40) and not ft.is_paired_heading(text)
    return {
        "len": _log_len(text),
        "short": float(ft.is_short_line(text)),
        "body": float(body),
        "terminal": float(ft.ends_terminal(text)),
        "comma_end": float(last in "，,、"),
        "semicolon_end": float(last in "；;"),
        "colon_end": float(last in "：:"),
        "open_mark_end": float(last in "（(“‘《〈【「『"),
        "word_end": float(ft.open_end(text) == "word"),
        "han_end": float(bool(_HAN.match(last))),
        "digit_end": float(last.isdigit()),
        "latin_end": float(bool(_LATIN.search(last))),
        "quote_end": float(last in "”’」』"),
        "function_words": min(3, ft.function_words(text[:40])) / 3.0,
        "dateline": float(ft.is_dateline_start(text)),
        "byline": float(ft.is_byline(text)),
        "page": float(ft.is_page_marker(text)),
        "credit": float(ft.is_credit(text)),
        "caption": float(ft.is_caption_start(text)),
        "deck": float(ft.is_deck_start(text)),
        "enum": float(enumerator(text)),
        "opener": float(ft.is_paragraph_opener(text)),
        "start_mark": float(start == "punct"),
        "start_lower": float(start == "lower"),
        "start_word": float(start in ("word", "lone")),
        "digit_start": float(bool(_DIGIT.match(text))),
        "figure_start": float(ft.figure_starts(text)),
        "quote_start": float(text[:1] in "“‘「『"),
        "sentences": min(4, ft.sentence_count(text)) / 4.0,
        "paired_heading": float(ft.is_paired_heading(text)),
        "unclosed": float(unclosed(text)),
        "unopened": float(unopened(text)),
        "spaced_digits": float(bool(_SPACED_DIGITS.search(text))),
        "sign_off": float(bool(_SIGN_OFF.match(text))),
        "tiny": float(len(text) <= 6),
    }


@lru_cache(maxsize=8192)
def edge_classes(text: str) -> tuple[str, str]:
    """The parts of speech of the block's first and last words (`word_class`; "" where the
    block starts or ends otherwise than on a Han character): a paragraph seldom begins with 说 or
    立即, a finished line seldom ends on 按照, 为 or 一般, a cut one often does."""
    head = word_class(segment(text[:6])[0]) if _HAN.match(text[:1]) else ""
    tail = word_class(segment(text[-6:])[-1]) if _HAN.match(text[-1:]) else ""
    return head, tail


@lru_cache(maxsize=8192)
def _named_features(text: str, prefix: str) -> dict[str, float]:
    """`block_features` with their names prefixed (a_ for block a, n_ for the next, b_ for a
    candidate), and the classes of its edge words as `<prefix>head_<class>` and
    `<prefix>tail_<class>`: a block is all three in turn. Read only: callers copy it."""
    x = block_features(text)
    out = dict(zip(_prefixed(tuple(x), prefix), x.values()))
    head, tail = edge_classes(text)
    if head:
        out[prefix + "head_" + head] = 1.0
    if tail:
        out[prefix + "tail_" + tail] = 1.0
    return out


@lru_cache(maxsize=8)
def _prefixed(names: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    return tuple(prefix + k for k in names)


PRIOR_BLOCKS = 20


def page_features(texts: list[str]) -> dict[str, float]:
    """The whole file's shape: a list of one item a line has few cut paragraphs in it."""
    # shrunk toward a typical page's shares, so a file of a few blocks says little
    n = len(texts) + PRIOR_BLOCKS
    short = (sum(1 for t in texts if ft.is_short_line(t)) + 0.3 * PRIOR_BLOCKS) / n
    terminal = (sum(1 for t in texts if ft.ends_terminal(t)) + 0.4 * PRIOR_BLOCKS) / n
    lengths = sorted(len(t) for t in texts) or [0]
    return {"page_short": short, "page_terminal": terminal,
            "page_median_len": _log_len("x" * lengths[len(lengths) // 2])}


def seam_features(a: str, b: str, between: list[str], context, after: str = "") -> dict[str, float]:
    """Evidence that candidate b, rather than another, continues a (`between`: the blocks
    passed over to reach b; `after`: the block after b; `context()`: the article's words, or
    None when b is the only candidate and its fit with the article cannot matter)."""
    fb = block_features(b)
    x: dict[str, float] = dict(_named_features(b, "b_"))
    x["pair_closes"] = float(unclosed(a) and fb["unopened"] > 0)
    x["b_in_list"] = float(fb["short"] > 0 and bool(after) and ft.is_short_line(after))
    x["number_continues"] = float(ft.number_continues(a, b))
    x["counted_noun"] = float(ft.counted_noun_follows(a, b))
    x["restates"] = float(ft.restates(a, b))
    x["enum_pair"] = float(enumerator(a) and enumerator(b))
    x["skipped"] = min(4, len(between)) / 4.0
    if between:
        bf = [block_features(t) for t in between]
        x["skipped_body"] = max(f["body"] * (1 - f["caption"]) * (1 - f["credit"]) for f in bf)
        x["skipped_sentence"] = max(f["terminal"] for f in bf)
        x["skipped_caption"] = max(max(f["caption"], f["credit"]) for f in bf)
        x["skipped_short"] = min(f["short"] for f in bf)
        x["skipped_dateline"] = max(f["dateline"] for f in bf)
        x["skipped_len"] = max(f["len"] for f in bf)
        x["skipped_open"] = max(1.0 - f["terminal"] - f["short"] for f in bf)
    seam = seam_word(a, b)
    x["seam_word"] = (seam[1] / 2.5) if seam else 0.0
    x["seam_gain"] = seam_gain(a, b)
    x["seam_lm"] = max(-1.0, min(1.6, seam_lm(a, b) / 5.0))
    if context is not None:
        hits, n = cohesion(b, context())
        x["cohesion"] = hits / (n + 2)
        x["cohesion_none"] = float(n >= 4 and hits == 0)
    return x


RELATIVE = ("seam_lm", "seam_word", "seam_gain", "cohesion")


def relative(xs: list[dict[str, float]]) -> list[dict[str, float]]:
    """Each candidate's seam evidence against its best rival's (`seam_lm_rel` …): which of the
    candidates reads on from the cut best, not only how well each does."""
    if len(xs) < 2:
        return xs
    for key in RELATIVE:
        vals = [x.get(key, 0.0) for x in xs]
        for k, x in enumerate(xs):
            x[key + "_rel"] = vals[k] - max(v for m, v in enumerate(vals) if m != k)
    return xs


CANDIDATE_EVIDENCE = ("cand_seam", "cand_closed", "cand_number")


def candidate_evidence(xs: list[dict[str, float]]) -> dict[str, float]:
    """The strongest seam evidence any candidate shows: a sign that a was cut at all."""
    if not xs:
        return {}
    return {"cand_seam": max(x.get("seam_word", 0.0) for x in xs),
            "cand_closed": max(max(x.get("b_start_mark", 0.0), x.get("b_start_word", 0.0),
                                   x.get("b_start_lower", 0.0)) for x in xs),
            "cand_number": max(max(x.get("number_continues", 0.0), x.get("counted_noun", 0.0)) for x in xs)}


def cut_features(a: str, nxt: str, page: dict[str, float]) -> dict[str, float]:
    """Evidence that block a was cut at a column end: its own ending and form, the next block
    (`candidate_evidence` adds what the candidates show)."""
    x: dict[str, float] = {"end_" + ending(a): 1.0}
    x.update(_named_features(a, "a_"))
    if nxt:
        x.update(_named_features(nxt, "n_"))
        x["n_number_continues"] = float(ft.number_continues(a, nxt))
        x["n_restates"] = float(ft.restates(a, nxt))
        x["n_enum_pair"] = float(enumerator(a) and enumerator(nxt))
        x["n_pair_closes"] = float(unclosed(a) and unopened(nxt))
        x["n_seam_lm"] = max(-1.0, min(1.6, seam_lm(a, nxt) / 5.0))
        if not ft.ends_terminal(a):
            seam = seam_word(a, nxt)
            x["n_seam_word"] = (seam[1] / 2.5) if seam else 0.0
            x["n_seam_gain"] = seam_gain(a, nxt)
    else:
        x["n_none"] = 1.0
    x.update(page)
    return x


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
RECUR_REACH = 600      # characters of text after a block read for its words (a story's first paragraphs)
RECUR_LEN = 60         # a block this long or longer is running text: not asked


@lru_cache(maxsize=8192)
def han_pairs(text: str) -> frozenset[str]:
    """The pairs of neighbouring Han characters in `text`."""
    return frozenset(run[k:k + 2] for run in _HAN_RUN.findall(text) for k in range(len(run) - 1))


def recurs_below(a: str, below: list[str]) -> float | None:
    """How much of a short block is said again in the text below it (`below`: the blocks that
    follow, in order): a headline's words recur in its story (印度西部豪雨成灾 / 印度西部周末遭受
    强风暴雨), a paragraph's first piece cut at a column foot says its words once
    (下颌角手术危险一般 / 不大的，…). None for running text and for a line too short to tell."""
    if len(a) >= RECUR_LEN:
        return None
    own = han_pairs(a)
    if len(own) < 2:
        return None
    seen: set[str] = set()
    n = 0
    for t in below:
        seen.update(han_pairs(t[:RECUR_REACH - n]))
        n += len(t)
        if n >= RECUR_REACH:
            break
    return len(own & seen) / len(own)


def run_on_features(a: str, r: str, passed: int) -> dict[str, float]:
    """Evidence from the first block of running text after a (`r`, reached past `passed`
    credits, captions or items): when a credit or a caption comes next, how the text after it
    would read on from a still says whether a was cut (这名三十八岁的演员在访问中 / 图表：… / 表示,…)."""
    x = dict(_named_features(r, "r_"))
    x["r_passed"] = min(3, passed) / 3.0
    x["r_seam_lm"] = max(-1.0, min(1.6, seam_lm(a, r) / 5.0))
    seam = seam_word(a, r)
    x["r_seam_word"] = (seam[1] / 2.5) if seam else 0.0
    x["r_seam_gain"] = seam_gain(a, r)
    return x


class SeamModel:
    """Two models of boosted trees: was block a cut (`cut`), and which candidate continues it
    (`pick`: a margin per candidate, normalised over the candidates)."""

    def __init__(self, cut: Trees, pick: Trees, join: float, doubt: float):
        self.cut, self.pick = cut, pick
        self.join = join          # probability at or above which a seam is joined
        self.doubt = doubt        # at or above this, and below `join`, a seam is a possible cut

    def p_cut(self, x: dict[str, float]) -> float:
        return _sigmoid(self.cut.margin(x))

    def pick_scores(self, xs: list[dict[str, float]]) -> list[float]:
        """Each candidate's probability of being the continuation, given that a was cut."""
        logits = [self.pick.margin(x) for x in xs]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self) -> dict:
        return {"join": self.join, "doubt": self.doubt, "cut": self.cut.to_json(), "pick": self.pick.to_json()}


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v))))


@lru_cache(maxsize=1)
def seam_model() -> SeamModel:
    """The fitted model, read once per process (again if the file changes: a refit)."""
    return _seam_model(MODEL.stat().st_mtime_ns)


@lru_cache(maxsize=1)
def _seam_model(_mtime: int) -> SeamModel:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return SeamModel(Trees.from_json(data["cut"]), Trees.from_json(data["pick"]), data["join"], data["doubt"])
