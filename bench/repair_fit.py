"""Fit the seam model's weights on generated repair cases; write resources/repair/seam_model.json.

    python bench/repair_fit.py FIT_DIR [FIT_DIR ...] [--write]

FIT_DIR holds sets of cases (bench/repair_corpus.py makes them). Every block of a case is
matched to the truth (which paragraph it is a piece of, or a headline or an interleaved block);
for every block the repairer's own candidate scan (app.repair.join.candidates, with the true
earlier joins made) lists the blocks that could continue it, and each (block, candidate) pair
is one example, labelled by whether the candidate is the block's true continuation. The
weights are an L2-regularised logistic regression fitted by Newton's method (numpy, a
development dependency only: Galley reads the weights as JSON).
`bench/repair_eval.py` then scores the repairer on folders the fit never saw.
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
    """Per block: (cut features, ending, has a true continuation, [(pair features, is it)…])."""
    from app.importers.text import read_text
    from app.repair import join as J
    from app.repair.model import candidate_evidence, cut_features, ending, page_features, seam_features

    for case in case_dirs:
        text = (case / "input.txt").read_text(encoding="utf-8")
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        blocks = read_text(text)
        texts = [b.text for b in blocks]
        gold = gold_next(texts, truth)
        bs = [J._Block(r, r.text) for r in blocks]
        for k in range(len(bs) - 1):
            bs[k].heading = J.ft.is_deck_start(bs[k + 1].text) and not bs[k].terminal
        page = page_features(texts)
        consumed: set[int] = set()
        for i, a in enumerate(bs):
            if not a.furniture and a.text:
                end = ending(a.text)
                nxt = next((bs[k].text for k in range(i + 1, len(bs)) if k not in consumed), "")
                context = J._lazy(lambda i=i, bs=bs: J._context(bs, i))
                pairs = [(seam_features(a.text, bs[j].text, [bs[k].text for k in between], context),
                          int(gold.get(i) == j)) for j, between in J.candidates(bs, i, consumed)
                         if not bs[j].para_start]
                xa = cut_features(a.text, nxt, page)
                xa.update(candidate_evidence([x for x, _ in pairs]))
                yield xa, end, int(i in gold), pairs if i in gold else []
            if i in gold:
                consumed.add(gold[i])


def _design(xs, ends, names):
    import numpy as np

    from app.repair.model import ENDINGS
    cols = [("shared", n) for n in names] + [(e, n) for e in ENDINGS for n in names]
    index = {c: k for k, c in enumerate(cols)}
    X = np.zeros((len(xs), len(cols)))
    for r, (x, end) in enumerate(zip(xs, ends)):
        for n, v in x.items():
            if ("shared", n) in index:
                X[r, index[("shared", n)]] = v
                X[r, index[(end, n)]] = v
    return X, index


def _weights(w, index) -> dict[str, dict[str, float]]:
    from app.repair.model import ENDINGS
    out: dict[str, dict[str, float]] = {"shared": {}, **{e: {} for e in ENDINGS}}
    for (group, n), k in index.items():
        if abs(w[k]) > 1e-4:
            out[group][n] = round(float(w[k]), 4)
    return out


def fit_cut(rows, l2: float):
    """L2-regularised logistic regression by Newton's method."""
    import numpy as np
    names = sorted({k for x, _, _, _ in rows for k in x})
    X, index = _design([r[0] for r in rows], [r[1] for r in rows], names)
    y = np.array([r[2] for r in rows], dtype=float)
    reg = np.full(X.shape[1], l2)
    reg[index[("shared", "bias")]] = 1e-3
    w = np.zeros(X.shape[1])
    for _ in range(40):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return _weights(w, index)


def fit_pick(rows, l2: float):
    """Conditional logit over each cut block's candidates (those whose true one is among them)."""
    import numpy as np
    groups = [(r[1], r[3]) for r in rows if r[3] and any(lab for _, lab in r[3]) and len(r[3]) > 1]
    names = sorted({k for _, pairs in groups for x, _ in pairs for k in x})
    mats = []
    for end, pairs in groups:
        X, index = _design([x for x, _ in pairs], [end] * len(pairs), names)
        gold = next(k for k, (_, lab) in enumerate(pairs) if lab)
        mats.append((X, gold))
    w = np.zeros(mats[0][0].shape[1]) if mats else np.zeros(0)
    reg = np.full(len(w), l2)
    for _ in range(40):
        g = reg * w
        H = np.diag(reg)
        for X, gold in mats:
            z = X @ w
            q = np.exp(z - z.max())
            q /= q.sum()
            mu = q @ X
            g = g - (X[gold] - mu)
            H = H + (X * q[:, None]).T @ X - np.outer(mu, mu)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return _weights(w, index)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fit", nargs="+")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--join", type=float, default=0.5)
    ap.add_argument("--doubt", type=float, default=0.2)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--choose", action="store_true", help="choose the join threshold on the fit cases")
    a = ap.parse_args()
    cases = sorted(p.parent for d in a.fit for p in Path(d).glob("**/case_*/input.txt"))
    rows = list(examples(cases))
    print(f"{len(cases)} cases, {len(rows)} blocks, {sum(r[2] for r in rows)} cut, "
          f"{sum(len(r[3]) for r in rows)} candidate pairs")
    weights = {"cut": fit_cut(rows, a.l2), "pick": fit_pick(rows, a.l2)}
    from app.repair import join as J
    from app.repair.model import MODEL, SeamModel
    model = SeamModel(weights, a.join, a.doubt)
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
        MODEL.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
