"""Misused words and idioms (错别字) from word lists: the newsroom's list of common ones
(resources/proof/confusables.tsv), its house-style list (resources/proof/newsroom_words.txt)
and the user's own list (settings). Each list maps a wrong form to the right one.

List format, one entry a line: `wrong<TAB>right[<TAB>exceptions][<TAB>note]`; `exceptions` is a
comma-separated list of longer, correct strings that contain the wrong form (不能自已 for 自已).
Matching is a scan on the first character, so a list of thousands costs little.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from galley.app.proof.finding import Hit
from galley.app.proof.registry import RESOURCES, rule


@dataclass(frozen=True)
class Entry:
    wrong: str
    right: str
    exceptions: tuple[str, ...] = ()
    note: str = ""


class WordTable:
    """wrong → Entry, indexed by first character for a fast scan."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.wrong: e for e in entries if e.wrong and e.wrong != e.right}
        self.by_first: dict[str, list[Entry]] = {}
        for e in sorted(self.entries.values(), key=lambda e: -len(e.wrong)):
            self.by_first.setdefault(e.wrong[0], []).append(e)
        self.firsts = frozenset(self.by_first)
        self.bigrams = frozenset(w[:2] for w in self.entries)
        self.first_re = re.compile("[" + "".join(re.escape(c) for c in sorted(self.firsts)) + "]") \
            if self.firsts else None

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str, dictionary: frozenset[str] | set[str] = frozenset()):
        """(start, end, entry) for each wrong form in text, longest first, not overlapping."""
        if self.first_re is None:
            return
        bigrams, by_first = self.bigrams, self.by_first
        free = 0
        for m in self.first_re.finditer(text):
            i = m.start()
            if i < free or text[i:i + 2] not in bigrams:
                continue
            for e in by_first[m.group()]:
                if text.startswith(e.wrong, i) and not _excepted(text, i, e, dictionary):
                    yield i, i + len(e.wrong), e
                    free = i + len(e.wrong)
                    break


def _excepted(text: str, i: int, e: Entry, dictionary) -> bool:
    for ex in e.exceptions + tuple(w for w in dictionary if e.wrong in w):
        if ex.startswith("…"):
            end = i + len(e.wrong)
            stop = min((k for k in (text.find(c, end) for c in "。！？；") if k != -1), default=len(text))
            if ex[1:] and ex[1:] in text[end:stop]:
                return True
            continue
        k = ex.find(e.wrong)
        while k != -1:
            if i - k >= 0 and text.startswith(ex, i - k):
                return True
            k = ex.find(e.wrong, k + 1)
    return False


def parse_table(text: str) -> list[Entry]:
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line and "→" in line:
            line = line.replace("→", "\t", 1)
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or not cols[0] or not cols[1]:
            continue
        exc = tuple(x.strip() for x in cols[2].split(",") if x.strip()) if len(cols) > 2 else ()
        out.append(Entry(cols[0], cols[1], exc, cols[3] if len(cols) > 3 else ""))
    return out


@lru_cache(maxsize=8)
def load_table(path: str) -> WordTable:
    return WordTable(parse_table(Path(path).read_text(encoding="utf-8")))


CONFUSABLES = str(RESOURCES / "confusables.tsv")
NEWSROOM = str(RESOURCES / "newsroom_words.txt")


def confusables() -> WordTable:
    return load_table(CONFUSABLES)


def newsroom_words() -> WordTable:
    return load_table(NEWSROOM)


@lru_cache(maxsize=8)
def _user_table(items: tuple[tuple[str, str], ...]) -> WordTable:
    return WordTable([Entry(a, b) for a, b in items])


def _aligned(p, s: int, e: int) -> bool:
    """No dictionary word crosses the edges of the match (一家|俱乐部, 开展|转变 do).

    Words jieba only guessed (its HMM joins unknown characters, as in 就己|经) do not count.
    """
    from galley.app.proof.segment import is_dictionary_word
    for w, ws, we in {p.word_at(s), p.word_at(e - 1)}:
        covers = ws <= s and we >= e        # a longer word holding the whole match: exceptions decide
        if not covers and (ws < s < we or ws < e < we) and is_dictionary_word(w):
            return False
    return True


def _hits(table: WordTable, p, zh: str, en: str, safe: bool = False):
    t = p.text
    for s, e, entry in table.find(t, p.settings.dictionary):
        if e - s <= 3 and not _aligned(p, s, e):
            continue        # 一家|俱乐部, 开展|转变: the match straddles real words
        note = f"（{entry.note}）" if entry.note else ""
        yield Hit(s, e, f"{zh}：“{entry.wrong}”应为“{entry.right}”{note}",
                  f"{en}: {entry.wrong} should be {entry.right}", entry.right, safe)


@rule("words.confusable", "error", "常见错别字 / common misused characters and idioms (按步就班 → 按部就班)")
def confusable(p):
    yield from _hits(confusables(), p, "错别字", "misused word")


@rule("words.newsroom", "warning", "本报用字规范 / the newsroom's preferred forms (异形词, house style)")
def newsroom(p):
    yield from _hits(newsroom_words(), p, "用字规范", "house style")


@rule("words.user", "error", "用户词表 / the user's own word list")
def user_words(p):
    if not p.settings.user_words:
        return
    yield from _hits(_user_table(tuple(sorted(p.settings.user_words.items()))), p, "用户词表", "your word list")
