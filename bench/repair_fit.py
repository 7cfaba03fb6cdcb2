"""Fit the seam model's weights on generated repair cases; write resources/repair/seam_model.json.

    python bench/repair_fit.py FIT_DIR [FIT_DIR ...] [--write]

FIT_DIR holds sets of cases (bench/repair_corpus.py makes them). Every block of a case is
matched to the truth (which paragraph it is a piece of, or a headline or an interleaved block);
for every block the repairer's own candidate scan (app.repair.join.candidates, with the true
earlier joins made) lists the blocks that could continue it, and each (block, candidate) pair
is one example, labelled by whether the candidate is the block's true continuation. Two models
of gradient-boosted trees are fitted (`boost`, numpy, a development dependency only: Galley reads
the trees as JSON): whether a block was cut (log loss over the blocks) and which candidate
continues it (softmax loss over each cut block's candidates).
`bench/repair_eval.py` then scores the repairer on folders the fit never saw.

Tried and measured (session 30; fresh seeds 191/221 and the selection seeds, against the kept
model): a refit on the fit halves of seeds 1/21/201/211 with the block before each cut as evidence
(its sentence end, whether it is a box's item) and with the fit-side news in full-width marks
found ~+10 cut paragraphs a set on the fit-side sets but lost as many on held nist and nist-fw;
the mean of two such refits (seeds 1/21/201/211 and 231/241/251/261) and the mean of the kept
model with one were as mixed. The decoder's rules were tuned over the kept model, so a refit is
judged on seeds none of that tuning saw.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

_WS = re.compile(r"\s+")


def gold_next(texts: list[str], truth: dict) -> dict[int, int]:
    """block index → the block that truly continues it (pieces of one paragraph, in order)."""
    paras = [_WS.sub("", p) for p in truth.get("paragraphs", [])]
    heads = [_WS.sub("", h) for h in truth.get("headlines", [])]
    inserts = [_WS.sub("", b) for b in truth.get("blocks", [])]
    out: dict[int, int] = {}
    pi, done = 0, 0            # the paragraph being consumed, and how much of it is consumed
    last_piece: int | None = None
    for k, raw in enumerate(texts):
        t = _WS.sub("", raw)
        if pi < len(paras) and paras[pi][done:].startswith(t) and t:
            if done and last_piece is not None:
                out[last_piece] = k
            done += len(t)
            last_piece = k
            if done == len(paras[pi]):
                pi, done, last_piece = pi + 1, 0, None
            continue
        if t in heads:
            heads.remove(t)
        elif t in inserts:
            inserts.remove(t)
    return out


def examples(case_dirs: list[Path]):
    """Per block: (cut features, has a true continuation, [(candidate features, is it)…]),
    computed exactly as the decoder computes them, with the true earlier joins made."""
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J
    from galley.app.repair.model import page_features

    for case in case_dirs:
        text = (case / "input.txt").read_text(encoding="utf-8")
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        blocks = read_text(text)
        texts = [b.text for b in blocks]
        gold = gold_next(texts, truth)
        bs = J.page_blocks(blocks)
        page = page_features(texts)
        geo = J.settled_geometry(bs)
        consumed: set[int] = set()
        for i, a in enumerate(bs):
            if not a.furniture and a.text:
                ev = J.evidence(bs, i, consumed, page, geo)
                if ev is not None:
                    xa, found, xs = ev
                    yield xa, int(i in gold), [(x, int(gold.get(i) == j)) for (j, _), x in zip(found, xs)]
            if i in gold:
                consumed.add(gold[i])


def _matrix(xs: list[dict[str, float]], names: list[str]):
    import numpy as np
    index = {n: k for k, n in enumerate(names)}
    X = np.zeros((len(xs), len(names)))
    for r, x in enumerate(xs):
        for n, v in x.items():
            k = index.get(n)
            if k is not None:
                X[r, k] = v
    return X


def boost(X, y, groups=None, rounds: int = 200, depth: int = 3, rate: float = 0.1,
          min_leaf: float = 5.0, lam: float = 1.0, bins: int = 24):
    """Gradient-boosted trees on log loss (or, with `groups`, the softmax loss of choosing one
    row of each group). Splits are searched on quantile bins; returns (base, trees)."""
    import numpy as np
    n, d = X.shape
    edges = [np.unique(np.quantile(X[:, f], np.linspace(0, 1, bins + 1)[1:-1])) for f in range(d)]
    B = np.stack([np.searchsorted(edges[f], X[:, f], side="right") for f in range(d)], axis=1)
    if groups is None:
        base = float(np.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6)))
    else:
        base = 0.0
    m = np.full(n, base)
    trees = []
    for _ in range(rounds):
        if groups is None:
            p = 1 / (1 + np.exp(-m))
            g, h = p - y, np.maximum(p * (1 - p), 1e-6)
        else:
            e = np.exp(m - np.maximum.reduceat(m, groups[:-1])[np.repeat(np.arange(len(groups) - 1),
                                                                          np.diff(groups))])
            z = np.add.reduceat(e, groups[:-1])
            q = e / np.repeat(z, np.diff(groups))
            g, h = q - y, np.maximum(q * (1 - q), 1e-6)
        nodes: list[list[float]] = []

        def build(idx, level, g=g, h=h, nodes=nodes):
            G, H = g[idx].sum(), h[idx].sum()
            me = len(nodes)
            nodes.append([-1, float(-G / (H + lam) * rate)])
            if level == depth or H < 2 * min_leaf:
                return me
            best = (0.0, None, None)
            parent = G * G / (H + lam)
            for f in range(d):
                nb = len(edges[f]) + 1
                if nb < 2:
                    continue
                gs = np.bincount(B[idx, f], weights=g[idx], minlength=nb).cumsum()[:-1]
                hs = np.bincount(B[idx, f], weights=h[idx], minlength=nb).cumsum()[:-1]
                ok = (hs >= min_leaf) & (H - hs >= min_leaf)
                if not ok.any():
                    continue
                gain = gs ** 2 / (hs + lam) + (G - gs) ** 2 / (H - hs + lam) - parent
                gain[~ok] = -1
                k = int(gain.argmax())
                if gain[k] > best[0]:
                    best = (float(gain[k]), f, k)
            if best[1] is None:
                return me
            f, k = best[1], best[2]
            left = idx[B[idx, f] <= k]
            right = idx[B[idx, f] > k]
            nodes[me] = [f, float(edges[f][k]), 0, 0]
            nodes[me][2] = build(left, level + 1, g, h, nodes)
            nodes[me][3] = build(right, level + 1, g, h, nodes)
            return me

        build(np.arange(n), 0)
        tree = [[int(nd[0]), nd[1], int(nd[2]), int(nd[3])] if nd[0] >= 0 else [-1, round(nd[1], 5)]
                for nd in nodes]
        for nd in tree:
            if nd[0] >= 0:
                nd[1] = float(nd[1])
        trees.append(tree)
        m = m + _apply(tree, X)
    return base, trees


def _apply(tree, X):
    import numpy as np
    out = np.zeros(len(X))
    stack = [(0, np.arange(len(X)))]
    while stack:
        k, idx = stack.pop()
        nd = tree[k]
        if nd[0] < 0:
            out[idx] = nd[1]
            continue
        go = X[idx, nd[0]] < nd[1]
        stack.append((nd[2], idx[go]))
        stack.append((nd[3], idx[~go]))
    return out


def fit(rows, rounds: int):
    import numpy as np

    from galley.app.trees import Trees
    names = sorted({k for x, _, _ in rows for k in x})
    X = _matrix([r[0] for r in rows], names)
    y = np.array([r[1] for r in rows], dtype=float)
    base, trees = boost(X, y, rounds=rounds)
    cut = Trees(names, round(base, 5), trees)
    groups = [r[2] for r in rows if r[1] and any(lab for _, lab in r[2])]
    pnames = sorted({k for pairs in groups for x, _ in pairs for k in x})
    P = _matrix([x for pairs in groups for x, _ in pairs], pnames)
    py = np.array([lab for pairs in groups for _, lab in pairs], dtype=float)
    starts = np.cumsum([0] + [len(pairs) for pairs in groups])
    _, ptrees = boost(P, py, groups=starts, rounds=rounds)
    return cut, Trees(pnames, 0.0, ptrees)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fit", nargs="+")
    ap.add_argument("--rounds", type=int, default=150)
    ap.add_argument("--join", type=float, default=0.5)
    ap.add_argument("--doubt", type=float, default=0.2)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--choose", action="store_true", help="choose the join threshold on the fit cases")
    a = ap.parse_args()
    # (not the hard-wrapped files nor those read column after column: their line breaks are read
    # off the wrap's width, app.repair.wrapped, never by the seam model)
    cases = sorted(p.parent for d in a.fit for p in Path(d).glob("**/case_*/input.txt")
                   if p.parent.parent.name not in ("wrapped", "columns"))
    rows = list(examples(cases))
    print(f"{len(cases)} cases, {len(rows)} blocks, {sum(r[1] for r in rows)} cut, "
          f"{sum(len(r[2]) for r in rows)} candidate pairs")
    cut, pick = fit(rows, a.rounds)
    from galley.app.repair import join as J
    from galley.app.repair.model import MODEL, SeamModel
    model = SeamModel(cut, pick, a.join, a.doubt)
    if a.choose:
        # the join threshold that repairs the fit cases best (F1 over whole paragraphs)
        from repair_eval import score_set
        sample = cases[:: max(1, len(cases) // 600)]
        best = None
        for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
            model.join = t
            J.seam_model = lambda: model
            tot = score_set(sample)
            rec, pre = tot["matched"] / tot["paragraphs"], tot["correct_outputs"] / tot["outputs"]
            f1 = 2 * rec * pre / (rec + pre)
            print(f"join at {t}: F1 {f1:.4f} on {len(sample)} fit cases")
            if best is None or f1 > best[0]:
                best = (f1, t)
        model.join = best[1]
    if a.write:
        MODEL.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                         encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
