"""Misused characters (错别字) in running text: candidates from confusion sets, scored by language models.

Two ways to a candidate. A character no common two-character word holds (措折, 书贵) gets each
similar-sound or similar-shape character (the confusion sets) that would make a dictionary word
with its neighbours. A character that also fits its neighbours poorly under the character model
(app/proof/charlm.py, pair counts of real Chinese) gets the characters it was most often mistaken
for in the training sentences (在 → 再, 门 → 们). A four-character window one character off an
idiom of jieba's dictionary (成语, tagged `i`: 应地制宜 → 因地制宜) that is no established word itself
gets that character, similar or not, with the idiom's frequency as a feature of its own. Each candidate is scored by fitted boosted
trees over its features (FEATURES; resources/proof/misused_trees.json): how much likelier it makes the text under jieba's word model
(the best segmentation's log probability), under the word bigram model (app/proof/wordlm.py, the
best segmentation under SunPinyin's word pairs: 一起锅过 → 一起度过) and under the character model,
read left to right and right to left, how often that
confusion happened in the training sentences, whether the two characters share a syllable, tones
aside, in some reading (pypinyin's, read when the data is built: 境/镜 do, 诲/侮 do not) and with the
same tone too (境/镜 jìng; 买/卖 not), the character pairs of those sentences, the word it
makes and the words the written character makes (a word-level check: 再接再励 holds no word
that 再接再厉 does), and whether the place reads as a personal or transliterated name (names use
what characters they like: a fixed penalty, `name_weight`, not fitted). Only candidates scoring above the fitted thresholds are reported
(resources/proof/misused.toml: warning, and error at high confidence).

Data: resources/proof/misused.marshal (tools/build_misused.py), resources/proof/charlm.marshal
(tools/build_charlm.py) and resources/proof/wordlm.marshal (tools/build_wordlm.py), loaded once, on first use; the trees and thresholds by tools/fit_misused.py.
"""
from __future__ import annotations

import marshal
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, repeat
from math import log
from operator import add, and_, gt, mul, or_

from galley.app.data import gc_paused, loaded_once
from galley.app.forked import Child, start
from galley.app.proof.charlm import COUNT, CharLM, charlm
from galley.app.proof.names import in_translit, surname_after_title, surname_before
from galley.app.proof.registry import RESOURCES
from galley.app.proof.wordlm import WordLM, wordlm
from galley.app.trees import margin_of_file

DATA = RESOURCES / "misused.marshal"
TREES = RESOURCES / "misused_trees.json"
PARAMS = RESOURCES / "misused.toml"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
SOUND, SHAPE, SEEN, HOMOPHONE, NCU, TONE = 1, 2, 4, 8, 16, 32
# what a pair of neighbouring characters says about them (Model.pair_flags): a common word holds both;
# a confusion of the second was seen after the first, of the first before the second; an idiom
# opens or closes with them
COMMON_PAIR, MET_LEFT, MET_RIGHT, IDIOM_HEAD, IDIOM_TAIL = 1, 2, 4, 8, 16
KIND0 = 0x30           # a candidate's kind bits are stored as chr(KIND0 + bits) (tools/build_misused.py)
FEATURES = ("gain", "ln(1+seen)", "sound", "shape", "ln f(wrong)", "ln f(right)", "ln(1+f(word))", "free neighbours",
            "bigrams", "char gain", "makes a word", "pair gain", "in a name", "seen with a neighbour",
            "ln(1+f(old words))", "ln(1+f(new words))", "old fit", "ln(1+f(idiom))", "homophone", "ncu",
            "back gain", "worse side", "same tone", "candidates here", "word lm gain")
# the features computed only for candidates the cheap model keeps (it is fitted without them)
COSTLY = ("gain", "char gain", "in a name", "ln(1+f(old words))", "ln(1+f(new words))", "back gain", "worse side",
          "word lm gain")
WORD_LM = FEATURES.index("word lm gain")
BACK_GAIN, WORSE_SIDE = FEATURES.index("back gain"), FEATURES.index("worse side")
OLD_WORDS, NEW_WORDS = FEATURES.index("ln(1+f(old words))"), FEATURES.index("ln(1+f(new words))")
NO_WORD = 1.0          # markers in the log-probability cache (a real one is negative)
PREFIX = 2.0
CONTEXT = 3            # characters either side that the language model sees (a word of 4 holding i)
MAX_WORD = 4
RUNS_KEPT = 1 << 16    # runs whose suspects are kept at most (then forgotten, and kept again as met)
FITS_KEPT = 1 << 20    # pairs' fits kept at most (then forgotten, and kept again as met)
SPLIT_MIN = 20000      # characters of runs to judge from which a second process pays (Model.prefetch)
PARENT_SHARE = 0.45    # of them judged here: the rest in the child, while this process reads the first stories
QUICK_SLACK = 1e-6     # how far below the cascade's cut the cheap score's estimate must be (see candidates)

@dataclass(frozen=True)
class Suspect:
    start: int              # offset of the character in the text
    wrong: str
    right: str
    score: float            # log-odds that `right` is meant (the fitted model): higher is surer
    gain: float             # log-probability gain alone
    kind: int               # SOUND | SHAPE | SEEN | HOMOPHONE | NCU | TONE bits


class Model:
    """The confusion sets, the word patterns and jieba's frequencies, with the fitted scorer."""

    def __init__(self, data: dict, params: dict, freq: dict[str, int], total: int, lm: CharLM | None = None,
                 boosted: Callable[[Sequence[float]], float] | None = None, wlm: WordLM | None = None):
        busy = int(params.get("max_char_freq", 20000))
        # the commonest characters (的 在 是 …) are mostly grammar, which word frequencies cannot judge
        self.conf: dict[str, str] = {c: v for c, v in data["conf"].items() if freq.get(c, 0) < busy}
        self.conf_sets = _Sets(self.conf)      # (each character's as a set when first met)
        self.top = int(params.get("top", 2))
        self.min_word = int(params.get("min_word_freq", 30))
        self.span = int(params.get("max_word", 3))        # longest word a candidate may make
        self.conf_all: dict[str, str] = data["conf"]
        self.kind: dict[str, str] = data["kind"]
        self.seen: dict[str, int] = data["seen"]
        self.bigrams: dict[str, int] = data["bigrams"]     # character pairs of the training sentences
        # confusions of the training sentences with a neighbour: 我在见 (left + wrong + right), 在再见
        self.ctx_left: dict[str, int] = data.get("ctx_left", {})
        self.ctx_right: dict[str, int] = data.get("ctx_right", {})
        # (a confusion counts with a neighbour from `context_seen` training sentences up)
        self.ctx_min = int(params.get("context_seen", 1))
        self._ctx_pairs = frozenset(k[1:] for k in self.ctx_left) | frozenset(k[:2] for k in self.ctx_right)
        self.by_left: dict[str, str] = {}            # left neighbour + wrong → the rights seen there
        for k, n in self.ctx_left.items():
            if n >= self.ctx_min:
                self.by_left[k[:2]] = self.by_left.get(k[:2], "") + k[2]
        self.by_right: dict[str, str] = {}           # wrong + right neighbour → the rights
        for k, n in self.ctx_right.items():
            if n >= self.ctx_min:
                self.by_right[k[0] + k[2]] = self.by_right.get(k[0] + k[2], "") + k[1]
        self.wild: dict[str, str] = data["wild"]
        # four-character idioms by each position left out (再接再? → 厉), and the character pairs
        # that open and close one (a window one character off an idiom keeps one of them)
        self.idioms: dict[str, str] = data.get("idioms", {})
        self.idiom_heads = frozenset(k[:2] for k in self.idioms if k[2] == "?" or k[3] == "?")
        self.idiom_tails = frozenset(k[2:] for k in self.idioms if k[0] == "?" or k[1] == "?")
        # a window this frequent as a word of its own is not an idiom misspelled
        self.idiom_word = int(params.get("idiom_word_freq", 10))
        self.given = frozenset(data["given"])
        common = data["common"]
        self.common = frozenset(common[k:k + 2] for k in range(0, len(common), 2))
        self.freq = freq
        self.log_total = math.log(total)
        # the scorer: boosted trees over FEATURES (resources/proof/misused_trees.json, written by
        # tools/fit_misused.py), or, without them, the gain alone
        self.boosted = boosted if boosted is not None else (lambda f: f[0])
        self.name_weight = float(params.get("name_weight", -3.0))
        self.name_at = FEATURES.index("in a name")
        # the cheap model (the same features less the two language-model gains, at 0) and its cut
        self.cheap_weights = [float(w) for w in params.get("cheap_weights", [])]
        if self.cheap_weights and len(self.cheap_weights) != len(FEATURES):
            raise RuntimeError("misused.toml: cheap_weights are for other features: run tools/fit_misused.py --write")
        self.cheap_bias = float(params.get("cheap_bias", 0.0))
        self.cascade = float(params.get("cascade", -3.0))
        # for `candidates`' estimate of the cheap score: each candidate pair's part (as met), each
        # kind's part, and the pairs the neighbour counts know at all (wrong + right)
        self._quick: dict[str, float] | None = {} if self.cheap_weights else None
        w = self.cheap_weights or [0.0] * len(FEATURES)
        self._quick_kinds = [w[2] * (kind & SOUND) + w[3] * ((kind & SHAPE) >> 1) + w[18] * float(kind & HOMOPHONE > 0)
                             + w[19] * float(kind & NCU > 0) + w[22] * float(kind & TONE > 0) for kind in range(64)]
        # (the weights must be finite numbers, and the neighbour counts' keys three characters, for
        # the estimate to hold: else every candidate gets the exact sum)
        if not all(math.isfinite(x) for x in w) or any(len(k) != 3 for t in (self.ctx_left, self.ctx_right) for k in t):
            self._quick = None
        self.min_gain = float(params.get("min_gain", 4.0))
        self.warning = float(params.get("warning", 8.0))
        self.error = float(params.get("error", 12.0))
        self.skip = frozenset(params.get("skip_pairs", ()))
        self.lm = lm
        self.wlm = wlm
        # what each character was mistaken for in the training sentences (在 → 再): the context candidates
        # (the commonest `partners` of each, with its index in the character model)
        partners: dict[str, list[tuple[str, int]]] = {}
        if lm is not None:
            for pair, _ in sorted(self.seen.items(), key=lambda kv: -kv[1]):
                xid = lm.index.get(pair[1])
                if xid is not None and len(partners.setdefault(pair[0], [])) < int(params.get("partners", 6)):
                    partners[pair[0]].append((pair[1], xid))
        self.partners = partners
        # each pair of characters any of the tests of `positions` looks for, with its flags
        flags = dict.fromkeys(self.common, COMMON_PAIR)
        for table, bit in ((self.by_left, MET_LEFT), (self.by_right, MET_RIGHT),
                           (self.idiom_heads, IDIOM_HEAD), (self.idiom_tails, IDIOM_TAIL)):
            for pair in table:
                flags[pair] = flags.get(pair, 0) | bit
        self.pair_flags = flags
        # the characters looked at where no common word holds them: word and context candidates
        self.scan = frozenset(self.conf).union(partners)
        self.screen = float(params.get("screen", 0.0))
        self.ctx_top = int(params.get("context_top", 2))
        self.min_lm_gain = float(params.get("min_char_gain", 1.0))
        self.min_pair = float(params.get("min_pair_gain", 0.0))
        self._lp: dict[str, float] = {}        # word → log probability (or NO_WORD / PREFIX), as met
        self._fits: dict[int, float] = {}      # a pair's key in the character model → its `fit`, as met
        self._runs: dict[str, tuple[Suspect, ...]] = {}     # a run of Han characters → its suspects, as met
        self._pending: tuple[Child, list[str]] | None = None   # runs a forked child is judging (prefetch)
        # each pattern of `wild` (是?, ?议, 会?室) → its fillers' characters as a set, made when the
        # pattern is first met
        self._words: dict[str, frozenset[str]] = {}

    # ---------------------------------------------------------------- language model
    def logp(self, s: str) -> float:
        """Log probability of the best segmentation of a run of Han characters (jieba's unigram model)."""
        n = len(s)
        lp = self._lp
        route = [0.0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = -1e18
            for e in range(k + 1, min(n, k + MAX_WORD) + 1):
                w = s[k:e]
                v = lp.get(w)
                if v is None:
                    v = lp[w] = self._word_logp(w)
                if v is NO_WORD:
                    break                       # no longer word starts with these characters
                if v is not PREFIX and v + route[e] > best:
                    best = v + route[e]
            route[k] = best
        return route[0]

    def _word_logp(self, w: str):
        f = self.freq.get(w)
        if f:
            return math.log(f) - self.log_total
        if len(w) == 1:
            return -self.log_total              # an unknown character
        return NO_WORD if f is None else PREFIX

    def in_name(self, run: str, i: int) -> bool:
        """A personal or transliterated name holds run[i] (李钟武, 辛吉丝): names use what characters they like."""
        return in_translit(run, i) or surname_before(run, i, self.bound, given=self.given) >= 0 \
            or surname_after_title(run, i, self.given)

    def bound(self, t: str, j: int) -> bool:
        """t[j] makes a common word with the character before it (中国: 国 starts no name)."""
        return t[j - 1:j + 1] in self.common

    # ---------------------------------------------------------------- candidates
    def suspects(self, text: str) -> list[Suspect]:
        """The characters to flag, with their best replacement (names left alone).

        Each run of Han characters is judged on its own (nothing of the text around it enters), so
        a run's suspects are kept as met (`RUNS_KEPT` runs at most): re-checking a paragraph after
        an edit, or an edition after a change to one story, judges again only the runs that changed."""
        out: list[Suspect] = []
        kept = self._runs
        for m in HAN_RUN.finditer(text):
            run = m.group()
            got = kept.get(run)
            if got is None and self._pending is not None:
                self.settle()            # (the runs `prefetch` left to a forked child: its answers now)
                got = kept.get(run)
            if got is None:
                if len(kept) >= RUNS_KEPT:
                    kept.clear()
                got = kept[run] = self._run_suspects(run)
            base = m.start()
            out += got if not base else [Suspect(base + s.start, s.wrong, s.right, s.score, s.gain, s.kind)
                                         for s in got]
        return keep_stronger(out)

    def prefetch(self, texts: Iterable[str], min_chars: int | None = None) -> None:
        """Judge the runs of Han characters in `texts` not kept yet, and keep their suspects, as
        `suspects` would one by one; with at least `min_chars` (SPLIT_MIN) characters of them to
        judge, those of the later texts (a share 1 - PARENT_SHARE of the characters) in a forked
        process on another core where there is one (`galley.app.forked`), whose answers `suspects`
        takes in when it first meets one of them: a whole edition's first check, which the editor
        waits for, reads its first stories while the child judges the rest."""
        self.drop_pending()
        kept = self._runs
        runs = [r for r in dict.fromkeys(chain.from_iterable(map(HAN_RUN.findall, texts))) if r not in kept]
        if not runs or len(kept) + len(runs) > RUNS_KEPT:
            return               # (then `suspects` judges them as met, forgetting as it must)
        total = sum(map(len, runs))
        if total < (SPLIT_MIN if min_chars is None else min_chars):
            self._judge(runs)
            return
        cut, size = 0, 0
        while cut < len(runs) and size < PARENT_SHARE * total:
            size += len(runs[cut])
            cut += 1
        mine, theirs = runs[:cut], runs[cut:]
        child = start(lambda: self._judge(theirs)) if theirs else None
        if child is None:
            self._judge(runs)
            return
        try:
            self._judge(mine)
        except BaseException:
            child.cancel()
            raise
        self._pending = (child, theirs)

    def settle(self) -> None:
        """Take in the forked child's answers (`prefetch`), or judge its runs here if it failed."""
        if self._pending is None:
            return
        child, theirs = self._pending
        self._pending = None
        got = child.result()
        if got is None:
            self._judge(theirs)
        else:
            kept = self._runs
            for run in theirs:
                kept[run] = got.get(run, ())

    def drop_pending(self) -> None:
        """Stop a forked child whose answers are not wanted (a check given up, runs forgotten)."""
        if self._pending is not None:
            child, _ = self._pending
            self._pending = None
            child.cancel()

    def _judge(self, runs: list[str]) -> dict[str, tuple[Suspect, ...]]:
        """Each run's `_run_suspects`, kept; returned for the runs that have any."""
        kept = self._runs
        out = {}
        for run in runs:
            got = kept[run] = self._run_suspects(run)
            if got:
                out[run] = got
        return out

    def forget_runs(self) -> None:
        """Forget the runs' suspects kept by `suspects` (the next check judges every run afresh)."""
        self.drop_pending()
        self._runs.clear()

    def _run_suspects(self, run: str) -> tuple[Suspect, ...]:
        """`suspects` of one run of Han characters (offsets into it), before `keep_stronger`."""
        out = []
        for pos, r, i, c, found in self.positions(run):
            best = self._best(r, i, c, found)
            if best is None or best[2] < self.warning:
                continue
            out.append(Suspect(pos, *best))
        return tuple(out)

    def flags(self, run: str) -> list[int]:
        """`pair_flags` of each pair of neighbours in a run (run[k:k + 2] at k), and 0 for the last character."""
        # (the pairs made and looked up at C speed: map over the run and the run shifted by one)
        flags = list(map(self.pair_flags.get, map(add, run, run[1:]), repeat(0, len(run) - 1)))
        flags.append(0)
        return flags

    def positions(self, text: str):
        """(offset, Han run, index in run, character, found) for each character worth a closer look:
        found = (word candidates, free neighbours, context candidates, the run's character indices,
        idiom candidates, how well the character fits its neighbours where the screen asked, else None).

        Word candidates: for a character no common two-character word holds, the similar characters
        that would make a dictionary word with its neighbours, each with the frequency of the best
        word it makes. Context candidates: for a character no common word holds that fits its
        neighbours poorly (the character model's pointwise information with them below `screen`),
        the characters it was mistaken for in the training sentences that fit them better, each
        with that gain."""
        conf, sets, scan = self.conf, self.conf_sets, self.scan
        three = self.span >= 3
        lm, partners, seen, screen, ctx_top = self.lm, self.partners, self.seen, self.screen, self.ctx_top
        min_pair = self.min_pair
        by_left, by_right, ctx_left, ctx_right = self.by_left, self.by_right, self.ctx_left, self.ctx_right
        ctx_min = self.ctx_min
        idioms = self.idioms
        if lm is not None:
            # the character model's `fit` of a pair (how well its second character follows its
            # first), written out here: the screen asks it of most characters
            hot, bits, count, inv, rest1, lp1 = lm.hot, lm.bits, COUNT, lm.inv, lm.rest1, lm.lp1
            fits = self._fits           # (kept as met: a text's pairs recur, and the screen asks twice of each)
            if len(fits) > FITS_KEPT:
                fits.clear()

            def fit(a: int, c: int) -> float:
                k = a << bits | c
                v = fits.get(k)
                if v is None:
                    v = fits[k] = log(count[hot.get(k, 0)] * inv[a] + rest1[c]) - lp1[c]
                return v
        for m in HAN_RUN.finditer(text):
            run, base = m.group(), m.start()
            n = len(run)
            flags = self.flags(run)
            # free: no common word holds the character (with the one before or the one after it);
            # (the tests run at C speed over the whole run: a character scanned (True) counts when
            # greater than its covered bit (0), and `compress` keeps the indices of those)
            covered = map(and_, map(or_, flags, chain((0,), flags)), repeat(COMMON_PAIR))
            look = list(compress(range(n), map(gt, map(scan.__contains__, run), covered)))
            idiom_at = None
            if max(flags) > COMMON_PAIR:
                # a confusion the training sentences had with this very neighbour (我在见: 在见 → 再见)
                met = [*compress(range(1, n + 1), map(and_, flags, repeat(MET_LEFT))),
                       *compress(range(n), map(and_, flags, repeat(MET_RIGHT)))]
                if met:
                    look = sorted({*look, *met})
                idiom_at = self._idiom_candidates(run, flags) if n >= 4 and idioms else None
                if idiom_at:
                    look = sorted({*look, *idiom_at})
            ids = lm.ids(run) if lm is not None and look else None
            for i in look:
                c = run[i]
                before = flags[i - 1] if i else 0
                found: dict[str, int] = {}        # candidate → frequency of the best word it makes
                nfree = 0
                if c in conf and not (flags[i] | before) & COMMON_PAIR:
                    found = self._word_candidates(run, i, c, sets[c], three)
                    if found:
                        # neighbours no common word holds either (措折: both free)
                        nfree = (i > 0 and (i < 2 or not flags[i - 2] & COMMON_PAIR)) \
                            + (i + 1 < n and not flags[i + 1] & COMMON_PAIR)
                context: dict[str, float] = {}
                old = None           # how well c fits its neighbours (CharLM.fit_between)
                if ids is not None and c in partners:
                    # context candidates only where no common word holds the character either
                    a = ids[i - 1] if i else -1
                    b = ids[i + 1] if i + 1 < n else -1
                    cid = ids[i]
                    old = (fit(a, cid) if a >= 0 else 0.0) + (fit(cid, b) if b >= 0 else 0.0)
                    if old < screen:
                        for x, xid in partners[c]:
                            if not seen.get(c + x):
                                continue        # (while fitting: seen only in this sentence)
                            g = (fit(a, xid) if a >= 0 else 0.0) + (fit(xid, b) if b >= 0 else 0.0) - old
                            if g > min_pair:
                                context[x] = g
                        if len(context) > ctx_top:
                            context = dict(sorted(context.items(), key=lambda kv: -kv[1])[:ctx_top])
                if before & MET_LEFT or flags[i] & MET_RIGHT:
                    again = [x for x in (by_left.get(run[i - 1:i + 1], "") if i else "")
                             if x not in context and ctx_left.get(run[i - 1] + c + x, 0) >= ctx_min] + \
                        [x for x in (by_right.get(run[i:i + 2], "") if i + 1 < n else "")
                         if x not in context and ctx_right.get(c + x + run[i + 1], 0) >= ctx_min]
                    if again and ids is not None and lm is not None:
                        a = ids[i - 1] if i else -1
                        b = ids[i + 1] if i + 1 < n else -1
                        if old is None:
                            old = lm.fit_around(a, ids[i], b)
                        for x in again:
                            g = lm.fit_around(a, lm.index.get(x, lm.unknown), b) - old
                            if g > 0:            # it must fit the neighbours better, at least
                                context[x] = g
                    elif again:
                        context.update(dict.fromkeys(again, 0.0))
                idiom = idiom_at.get(i, {}) if idiom_at else {}
                if found or context or idiom:
                    yield base + i, run, i, c, (found, nfree, context, ids, idiom, old)

    def _idiom_candidates(self, run: str, flags: list[int]) -> dict[int, dict[str, int]]:
        """Index in run → {character: frequency of the idiom it makes}, for each four-character
        window one character off an idiom (再接再励 → 再接再厉) that is no established word itself
        (`flags`: the run's, `flags`)."""
        idioms, freq = self.idioms, self.freq
        out: dict[int, dict[str, int]] = {}
        n = len(run)
        # the windows that open or close with an idiom's pair (in order; found at C speed)
        starts = sorted({*compress(range(n - 3), map(and_, flags, repeat(IDIOM_HEAD))),
                         *compress(range(n - 3), map(and_, flags[2:], repeat(IDIOM_TAIL)))})
        for s in starts:
            head, tail = flags[s] & IDIOM_HEAD, flags[s + 2] & IDIOM_TAIL
            if not (head or tail):
                continue
            w = run[s:s + 4]
            if freq.get(w, 0) >= self.idiom_word:
                continue
            for k in ((0, 1) if tail else ()) + ((2, 3) if head else ()):
                chars = idioms.get(w[:k] + "?" + w[k + 1:])
                if not chars:
                    continue
                for x in chars:
                    if x != w[k]:
                        f = freq[w[:k] + x + w[k + 1:]]
                        d = out.setdefault(s + k, {})
                        if f > d.get(x, 0):
                            d[x] = f
        return out

    def _word_candidates(self, run: str, i: int, c: str, cands: frozenset[str], three: bool) -> dict[str, int]:
        """The characters of `cands` that make a dictionary word with run[i]'s neighbours (the two
        pairs that hold it and, with `three`, the three windows of three characters), each with
        the frequency of the best word it makes."""
        n = len(run)
        l1 = run[i - 1] if i else ""
        r1 = run[i + 1] if i + 1 < n else ""
        if l1 and r1:
            keys = [l1 + "?", "?" + r1]
        else:
            keys = [l1 + "?"] if l1 else ["?" + r1]
        if three:
            if i >= 2:
                keys.append(run[i - 2:i] + "?")
            if l1 and r1:
                keys.append(l1 + "?" + r1)
            if i + 2 < n:
                keys.append("?" + run[i + 1:i + 3])
        found: dict[str, int] = {}
        words, wild, freq, min_word = self._words, self.wild, self.freq, self.min_word
        for key in keys:
            fillers = words.get(key)
            if fillers is None:
                chars = wild.get(key)
                if not chars:
                    continue
                fillers = words[key] = frozenset(chars)
            # (a pattern's fillers are rarely similar to the character: 3 in 100 on edition16,
            # so the sets are compared at C speed, and the few in both taken in the fillers' order,
            # each with the frequency of the word it makes, if that reaches `min_word`)
            both = cands.intersection(fillers)
            if both:
                for x in both if len(both) == 1 else sorted(both, key=wild[key].index):
                    f = freq[key.replace("?", x)]
                    if f >= min_word and f > found.get(x, 0):
                        found[x] = f
        return found

    def candidates(self, run: str, i: int, c: str, found_free, names: bool = True, cascade: bool = True):
        """[(right, gain, kind, features), …] for the likeliest candidates (by the word each makes and
        how often the confusion was seen, or by how much better they fit the neighbours) that make
        the text more probable by min_gain (under the word model or the character model). (A list,
        not a generator: at nine places in ten it is empty, and a generator costs more to set up.)

        With `cascade`, a candidate whose cheap features alone (all but the two language-model
        gains and the words around it: COSTLY) score below `cascade` under the cheap model is
        dropped before the costly ones are computed."""
        out: list[tuple[str, float, int, tuple[float, ...]]] = []
        found, free, context, ids, idiom = found_free[:5]
        a, b = max(0, i - CONTEXT), min(len(run), i + CONTEXT + 1)
        left, right = run[a:i], run[i + 1:b]
        old = base = back = old_w = None
        sides = (0.0, 0.0)
        kinds, cands = self.kind.get(c, ""), self.conf_all.get(c, "")
        seen, freq = self.seen, self.freq
        if len(found) > self.top:      # (the commonest word, the most often seen confusion)
            found = {x: found[x] for x in sorted(found, key=lambda x: -found[x] * (1 + seen.get(c + x, 0)))[:self.top]}
        lc = math.log1p(freq.get(c, 0))
        bg = self.bigrams
        l1, r1 = run[i - 1:i], run[i + 1:i + 2]
        old_bg = math.log1p(bg.get(l1 + c, 0)) + math.log1p(bg.get(c + r1, 0))
        lm = self.lm
        # names use what characters they like: weaker evidence (`names` False: left at 0 for the
        # caller to settle, as it costs more than the rest)
        name = float(self.in_name(run, i)) if names else 0.0
        cheap_w, cut = self.cheap_weights, self.cascade if cascade else None
        # the words of two to four characters that hold position i (its whole window): how
        # established the written character is, and what each candidate makes instead
        wl, wr = run[max(0, i - MAX_WORD + 1):i], run[i + 1:i + MAX_WORD]
        old_words = None            # (computed for the first candidate that gets this far)
        # how well the written character fits its two neighbours (the character model's pointwise
        # information, as the screen of `positions` takes it; from the screen where it asked)
        old_fit = found_free[5] if len(found_free) > 5 and found_free[5] is not None \
            else lm.fit_between(ids, i) if lm is not None and ids is not None else 0.0
        quick = self._quick if cut is not None and cheap_w else None
        if quick is not None:
            # the cheap model's score estimated from the features of the pair (cached), the place
            # and the candidate, summed in another order: exact to ~1e-13, so a candidate it puts
            # below `cut` by more than QUICK_SLACK scores below `cut` exactly too and is dropped
            # without building its features; any other is judged on the exact sum below
            kind_w, ctx_pairs = self._quick_kinds, self._ctx_pairs
            w = cheap_w
        here = {**found, **context, **idiom}
        n_here = float(len(here))
        if quick is not None:
            at_place = self.cheap_bias + w[4] * lc + w[7] * free + w[12] * name + w[16] * old_fit \
                - w[8] * old_bg + w[23] * n_here - QUICK_SLACK
        for x in here:
            cx = c + x
            if cx in self.skip:
                continue
            k = cands.find(x)
            kind = ord(kinds[k]) - KIND0 if k >= 0 else 0 if x in idiom else SEEN
            if kind & ~(HOMOPHONE | TONE) == SEEN and not seen.get(cx) and x not in idiom:
                continue            # (while fitting: a confusion seen only in this sentence)
            fw = found.get(x, 0)
            if quick is not None:
                pair = quick.get(cx)
                if pair is None:
                    pair = quick[cx] = w[1] * math.log1p(seen.get(cx, 0)) + w[5] * math.log1p(freq.get(x, 0))
                estimate = at_place + pair + kind_w[kind & 63] + w[6] * math.log1p(fw) + w[10] * (fw > 0) \
                    + w[8] * (math.log1p(bg.get(l1 + x, 0)) + math.log1p(bg.get(x + r1, 0))) \
                    + w[11] * context.get(x, 0.0) + w[17] * math.log1p(idiom.get(x, 0))
                if cx in ctx_pairs:
                    estimate += w[13] * (math.log1p(self.ctx_left.get(l1 + cx, 0))
                                         + math.log1p(self.ctx_right.get(cx + r1, 0)))
                if estimate < cut:
                    continue
            feats = [0.0, math.log1p(seen.get(c + x, 0)), kind & SOUND, (kind & SHAPE) >> 1,
                     lc, math.log1p(freq.get(x, 0)), math.log1p(fw), free,
                     math.log1p(bg.get(l1 + x, 0)) + math.log1p(bg.get(x + r1, 0)) - old_bg,
                     0.0, float(fw > 0), context.get(x, 0.0), name,
                     math.log1p(self.ctx_left.get(l1 + c + x, 0)) + math.log1p(self.ctx_right.get(c + x + r1, 0)),
                     0.0, 0.0, old_fit, math.log1p(idiom.get(x, 0)),
                     float(kind & HOMOPHONE > 0), float(kind & NCU > 0),
                     0.0, 0.0, float(kind & TONE > 0), n_here, 0.0]
            if cut is not None and cheap_w and self.cheap_bias + sum(map(mul, cheap_w, feats)) < cut:
                continue
            if lm is not None:
                if base is None:
                    base = lm.around(ids, i)
                xid = lm.index.get(x, lm.unknown)
                lm_gain = lm.gain(ids, i, xid, base)
            else:
                lm_gain = 0.0
            if x not in found and x not in idiom and lm_gain < self.min_lm_gain:
                continue
            if old is None:
                old = self.logp(left + c + right)
            gain = self.logp(left + x + right) - old
            if max(gain, lm_gain) < self.min_gain:
                continue
            if old_words is None:
                old_words = words_around(freq, wl, c, wr)
            feats[OLD_WORDS], feats[NEW_WORDS] = old_words, words_around(freq, wl, x, wr)
            feats[0], feats[9] = gain, lm_gain
            if lm is not None:
                if back is None:
                    back = lm.around_back(ids, i)
                    sides = lm.sides(ids, i, ids[i])
                feats[BACK_GAIN] = lm.gain_back(ids, i, xid, back)
                on_left, on_right = lm.sides(ids, i, xid)
                feats[WORSE_SIDE] = min(on_left - sides[0], on_right - sides[1])
            if self.wlm is not None:
                if old_w is None:
                    old_w = self.wlm.score(left + c + right)
                feats[WORD_LM] = self.wlm.score(left + x + right) - old_w
            out.append((x, gain, kind, tuple(feats)))
        return out

    def score(self, features) -> float:
        """Log-odds that the candidate is the right character (the trees fitted by tools/fit_misused.py),
        less `name_weight` inside what reads as a name."""
        return self.boosted(features) + self.name_weight * features[self.name_at]

    def _best(self, run: str, i: int, c: str, found):
        best = None
        for x, gain, kind, feats in self.candidates(run, i, c, found, names=False):
            score = self.score(feats)
            if best is None or score > best[2]:
                best = (c, x, score, gain, kind)
        if best is not None and best[2] >= self.warning and self.name_weight and self.in_name(run, i):
            best = (*best[:2], best[2] + self.name_weight, *best[3:])
        return best


class _Sets(dict):
    """Each character's candidates (a string in `conf`) as a frozenset, made when first asked for."""

    def __init__(self, conf: dict[str, str]):
        super().__init__()
        self.conf = conf

    def __missing__(self, c: str) -> frozenset[str]:
        value = self[c] = frozenset(self.conf[c])
        return value


def words_around(freq: dict[str, int], left: str, c: str, right: str) -> float:
    """ln(1 + the summed jieba frequencies of the words of 2 to MAX_WORD characters that hold c between
    `left` and `right` (at most MAX_WORD - 1 characters each)."""
    total = 0
    nl = len(left)
    s = left + c + right
    for a in range(nl + 1):
        for b in range(max(nl + 1, a + 2), min(len(s), a + MAX_WORD) + 1):
            total += freq.get(s[a:b], 0)
    return math.log1p(total)


def keep_stronger(suspects: list[Suspect]) -> list[Suspect]:
    """Of two suspects side by side (开罚: 开→刑 or 罚→发) only the surer one: one slip, one finding."""
    out: list[Suspect] = []
    for s in suspects:
        if out and s.start - out[-1].start == 1:
            if s.score > out[-1].score:
                out[-1] = s
            continue
        out.append(s)
    return out


@lru_cache(maxsize=1)
def params() -> dict:
    with open(PARAMS, "rb") as fh:
        return tomllib.load(fh)




def load(scored: bool = True, settings: dict | None = None) -> Model:
    """A new model from the resources; `scored` False leaves out the fitted scorer (the gain alone),
    as tools/fit_misused.py needs it before there is one; `settings` stand in for those of
    misused.toml (tools/fit_misused.py --param)."""
    from galley.app.proof.segment import tokenizer
    with gc_paused():
        tk = tokenizer()
        data = marshal.loads(DATA.read_bytes())    # (marshal.load of the file object: three times slower)
        boosted = None
        if scored:
            fitted_names, margin = margin_of_file(TREES)
            if tuple(fitted_names) != FEATURES:
                raise RuntimeError(f"{TREES.name} was fitted on other features: run tools/fit_misused.py --write")
            names = FEATURES

            def boosted(features) -> float:
                return margin(dict(zip(names, features)))
        return Model(data, {**params(), **(settings or {})}, tk.FREQ, tk.total, charlm(), boosted, wordlm())


@loaded_once
def model() -> Model:
    return load()
