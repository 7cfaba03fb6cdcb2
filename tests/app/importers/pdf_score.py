"""Score a PDF reading against its truth (tests/fixtures/pdf_corpus/*.json).

Measures, whitespace ignored:
- characters lost and added (multiset difference between the blocks and the truth);
- sentences whole (inside one block) and in order (their blocks and offsets rise through
  each story: the longest rising run counts);
- blocks that mix two columns or stories (a block whose text is not one piece of the truth: it
  is cut into the longest runs found in the truth's elements, and two runs next to each other
  must be one element's end and the next element's start in the same story);
- elements typed right by `galley structure`: headlines, bylines, captions, datelines (the
  paragraph opening with it stays body and begins with it), and how many of each.

`python -m tests.app.importers.pdf_score [PDF...]` prints the figures.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "pdf_corpus"
_WS = re.compile(r"\s+")
_SENTENCE = re.compile(r".+?(?:[。！？!?][”’」』）)]*|$)")


def nows(s: str) -> str:
    return _WS.sub("", s)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(nows(text)) if len(s) >= 4]


@dataclass
class Score:
    chars: int = 0
    lost: int = 0
    added: int = 0
    sentences: int = 0
    whole: int = 0
    in_order: int = 0
    blocks: int = 0
    mixed: list[str] = field(default_factory=list)
    typed: dict[str, list[int]] = field(default_factory=dict)   # kind -> [right, total]
    wrong: list[str] = field(default_factory=list)

    @property
    def order_ratio(self) -> float:
        return self.in_order / max(1, self.sentences)

    def typed_ratio(self, kinds=("headline", "byline", "caption", "dateline")) -> float:
        right = sum(self.typed.get(k, [0, 0])[0] for k in kinds)
        total = sum(self.typed.get(k, [0, 0])[1] for k in kinds)
        return right / max(1, total)

    def line(self, name: str) -> str:
        typed = " ".join(f"{k} {r}/{t}" for k, (r, t) in sorted(self.typed.items()))
        return (f"{name}: {self.chars} chars, lost {self.lost}, added {self.added}; sentences whole {self.whole}/"
                f"{self.sentences}, whole and in order {self.in_order}/{self.sentences} ({100 * self.order_ratio:.1f}%);"
                f" {self.blocks} blocks, {len(self.mixed)} mixed; typed {typed}")


def _truth_elements(truth: dict) -> tuple[list[tuple[int, int, dict]], list[str]]:
    """(story id, position in story, element) for every element, and the furniture lines."""
    els, furniture, sid = [], [], 0
    for page in truth["pages"]:
        furniture.extend(page["furniture"])
        for story in page["stories"]:
            for k, el in enumerate(story):
                els.append((sid, k, el))
            sid += 1
    return els, furniture


def _lis(xs: list) -> int:
    from bisect import bisect_left
    tails: list = []
    for x in xs:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


def _segments(block: str, pieces: list[str]) -> list[tuple[int, int, int]]:
    """Cut a block into the longest runs found in the pieces: (piece, start in piece, end)."""
    out, p = [], 0
    while p < len(block):
        lo, hi, best = 1, len(block) - p, None
        while lo <= hi:      # longest prefix of block[p:] found in some piece
            mid = (lo + hi) // 2
            sub = block[p:p + mid]
            hit = next((i for i, t in enumerate(pieces) if sub in t), None)
            if hit is None:
                hi = mid - 1
            else:
                best, lo = (hit, mid), mid + 1
        if best is None:
            out.append((-1, 0, 1))
            p += 1
            continue
        i, n = best
        start = pieces[i].find(block[p:p + n])
        out.append((i, start, start + n))
        p += n
    return out


def score(pdf: Path, truth: dict | None = None) -> Score:
    from galley.app.importers.pdf import read_pdf
    from galley.app.pipeline import build_edition

    truth = truth or json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    blocks = read_pdf(pdf)
    els, furniture = _truth_elements(truth)
    sc = Score(blocks=len(blocks))
    texts = [nows(b.text) for b in blocks]

    want = Counter("".join(nows(e["text"]) for _, _, e in els) + "".join(nows(f) for f in furniture))
    got = Counter("".join(texts))
    sc.chars = sum(want.values())
    sc.lost = sum((want - got).values())
    sc.added = sum((got - want).values())

    # sentences whole and in order, story by story
    # (captions and sidebars are attached where the reader puts them: whole, in any order)
    by_story: dict[tuple[int, bool], list[str]] = {}
    for sid, _, e in els:
        if e["kind"] in ("body", "sidebar", "caption"):
            by_story.setdefault((sid, e["kind"] == "body"), []).extend(sentences(e["text"]))
    starts = []
    for t in texts:
        starts.append(starts[-1] + len(t) + 1 if starts else 0)
    joined = "\n".join(texts)
    for (_, ordered), sents in by_story.items():
        positions, cursor = [], 0
        for s in sents:
            sc.sentences += 1
            at = joined.find(s, cursor)
            if at < 0:
                at = joined.find(s)
            if at >= 0:
                sc.whole += 1
                positions.append(at)
                cursor = at + len(s)
        sc.in_order += _lis(positions) if ordered else len(positions)
        if ordered and _lis(positions) < len(sents):
            sc.wrong.append(f"order: {len(sents) - _lis(positions)} of {len(sents)} sentences of {sents[0][:20]}")

    # blocks mixing two elements that do not follow each other in one story
    pieces = [nows(e["text"]) for _, _, e in els] + [nows(f) for f in furniture]
    where = [(sid, k) for sid, k, _ in els] + [(-2 - i, 0) for i in range(len(furniture))]
    for t in texts:
        segs = _segments(t, pieces)
        for (i, _, end), (j, start, _) in pairwise(segs):
            if i == j:
                continue
            follows = (i >= 0 and j >= 0 and where[i][0] == where[j][0] and where[j][1] == where[i][1] + 1
                       and end == len(pieces[i]) and start == 0)
            if not follows:
                sc.mixed.append(t)
                break

    # typing by the structure pipeline
    edition = build_edition(blocks)
    elements = [(el.kind.value, nows(el.text)) for st in edition.stories for el in st.elements]
    for _, _, e in els:
        kind, text = e["kind"], nows(e["text"])
        if kind == "headline":
            ok = any(k == "headline" and t == text for k, t in elements)
        elif kind == "byline":
            ok = any(k in ("byline", "author") and t == text for k, t in elements)
        elif kind == "caption":
            parts = [k for k, t in elements if t and t in text]
            ok = any(k == "caption" and t.startswith(text[:8]) for k, t in elements) and \
                all(k in ("caption", "credit") for k in parts)
        elif kind == "body" and e.get("dateline"):
            kind = "dateline"
            ok = any(k == "body" and t.startswith(nows(e["dateline"])) for k, t in elements)
        elif kind in ("kicker", "deck", "sidebar"):
            ok = any(k == kind and t == text for k, t in elements)
        elif kind == "ad":
            ok = any(k == "page" and t == text for k, t in elements)
        elif kind == "jump":
            ok = any(k == "credit" and t == text for k, t in elements)
        else:
            continue
        right_total = sc.typed.setdefault(kind, [0, 0])
        right_total[1] += 1
        if ok:
            right_total[0] += 1
        else:
            sc.wrong.append(f"{kind}: {e['text'][:30]}")
    pages = [t for k, t in elements if k == "page"]
    for f in furniture:
        right_total = sc.typed.setdefault("furniture", [0, 0])
        right_total[1] += 1
        if nows(f) in pages:
            pages.remove(nows(f))
            right_total[0] += 1
        else:
            sc.wrong.append(f"furniture: {f}")
    return sc


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(CORPUS.glob("*.pdf"))
    for p in paths:
        sc = score(p)
        print(sc.line(p.stem))
        for m in sc.mixed[:5]:
            print("   mixed:", m[:90])
        for w in sc.wrong[:8]:
            print("   wrong:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
