"""Fit the weights and thresholds of `words.misused` (resources/proof/misused.toml) on the csc training split.

The confusion counts and character pairs a sentence's features see leave out that sentence's own
(and those of every other pair with the same corrected sentence), as a sentence never fitted on
would see them. Every training pair gives two sentences: the source with its wrong characters (a positive) and
the corrected one (a negative, which must stay clean). Each candidate the model proposes is an
example (right when it is the wrong character's correction); a logistic regression over the
candidate's features (app.proof.misused.FEATURES) gives the weights. The thresholds are then
set at sentence level: a sentence counts as caught when the rule flags it and every flagged
character is a wrong one; precision is caught / flagged sentences. The weights are fitted on three training
sentences in four; the thresholds are set on the fourth (`is_tune`, by the corrected sentence, so a
pair's two sentences stay together): the warning threshold is the lowest with
precision >= TARGET_WARNING there, the error threshold the lowest with >= TARGET_ERROR.
The held split (tools/build_misused.py `is_held`) is never read; bench/bench_check.py reports on it.

    python tools/fit_misused.py [--write]     (about a minute; needs numpy)
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_misused import CSC, left_contexts, read_pairs, right_contexts

from galley.app.proof.misused import CROSSES, FEATURES, PARAMS, expand, model

TARGET_WARNING = 0.88      # sentence-level precision wanted at warning severity on the tuning quarter (the held split has come out about 0.05 lower)
TARGET_ERROR = 0.97        # and at error severity
L2 = 1e-3
NAME_WEIGHT = -3.0         # a candidate inside what reads as a personal or transliterated name


def is_tune(sentence: str) -> bool:
    """One training sentence in four (by another hash than the held split's): the weights are not
    fitted on it, the thresholds are set on it."""
    return int(hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:8], 16) % 4 == 0


def examples(m, sentences):
    """Per sentence: (gold positions, [(position, [(features, is right), …]), …])."""
    out = []
    for text, gold, own, pairs, ctx in sentences:
        for pair in own:            # leave the sentence's own confusions out of the counts
            m.seen[pair] -= 1
        for table, key in ctx:      # and the neighbours they had
            table[key] -= 1
        for bg in pairs:            # and its corrected form's character pairs
            m.bigrams[bg] -= 1
        pos = []
        for p, run, i, c, found in m.positions(text):
            cands = [(f, gold.get(p) == x) for x, _, _, f in m.candidates(run, i, c, found, cascade=False)]
            if cands:
                pos.append((p, cands))
        out.append((set(gold), pos))
        for pair in own:
            m.seen[pair] += 1
        for table, key in ctx:
            table[key] += 1
        for bg in pairs:
            m.bigrams[bg] += 1
    return out


def logistic(X, y, steps=3000, lr=0.5):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = p - y
        w -= lr * (Z.T @ g / len(y) + L2 * w)
        b -= lr * g.mean()
    return w / sd, b - float((w / sd) @ mu)


def sentence_scores(exs, w, b, cheap=None):
    """Per sentence: (gold, {position: best score}); with `cheap` = (weights, bias, cut), candidates
    the cheap model puts below the cut are dropped, as the rule does."""
    out = []
    for gold, pos in exs:
        best = {}
        for p, cands in pos:
            s = [float(np.dot(w, expand(f))) + b for f, _ in cands
                 if cheap is None or float(np.dot(cheap[0], f)) + cheap[1] >= cheap[2]]
            if s:
                best[p] = max(s)
        out.append((gold, best))
    return out


def evaluate(scored, th):
    flagged = caught = positives = 0
    for gold, best in scored:
        positives += bool(gold)
        hits = sorted((p, s) for p, s in best.items() if s >= th)
        kept: list[tuple[int, float]] = []
        for p, s in hits:                   # as keep_stronger: one of two neighbours
            if kept and p - kept[-1][0] == 1:
                if s > kept[-1][1]:
                    kept[-1] = (p, s)
                continue
            kept.append((p, s))
        hits = {p for p, _ in kept}
        if hits:
            flagged += 1
            caught += bool(gold) and hits <= gold
    return caught / max(1, flagged), caught / max(1, positives)


def steady(res, target):
    """The lowest threshold from which precision stays at or above target for every higher one
    (while the recall is above 2%): not a lucky point on a noisy curve."""
    live = [r for r in res if r[2] > 0.02]
    for k, r in enumerate(live):
        if all(q[1] >= target for q in live[k:]):
            return r
    return live[-1] if live else res[-1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--dump", help="also write the examples (pickle) for experiments")
    args = ap.parse_args()
    m = model()
    m.min_gain = 0.0
    sentences, tune = [], []
    train = read_pairs(CSC, held=False)
    # the same corrected sentence often comes with several sources (different slips): all of them
    # are left out of the counts together, as a held sentence's copies all sit in the held split
    group: dict[str, list[str]] = {}
    for _, src, cor in train:
        group.setdefault(cor, []).append(src)
    for _, src, cor in train:
        gold = {i: b for i, (a, b) in enumerate(zip(src, cor, strict=True)) if a != b}
        own = [a + b for s in group[cor] for a, b in zip(s, cor, strict=True) if a != b and a + b in m.seen]
        pairs = [cor[k:k + 2] for k in range(len(cor) - 1) if cor[k:k + 2] in m.bigrams] * len(group[cor])
        ctx = [(m.ctx_left, k) for s in group[cor] for k in left_contexts(s, cor) if k in m.ctx_left] + \
            [(m.ctx_right, k) for s in group[cor] for k in right_contexts(s, cor) if k in m.ctx_right]
        if gold:
            sentences.append((src, gold, own, pairs, ctx))
            tune.append(is_tune(cor))
        sentences.append((cor, {}, own, pairs, ctx))
        tune.append(is_tune(cor))
    exs = examples(m, sentences)
    if args.dump:
        import pickle
        with open(args.dump, "wb") as fh:
            pickle.dump((exs, tune), fh)
    fit = [e for e, t in zip(exs, tune, strict=True) if not t]
    Xb = np.array([f for _, pos in fit for _, cands in pos for f, _ in cands], dtype=float)
    X = np.array([expand(f) for _, pos in fit for _, cands in pos for f, _ in cands], dtype=float)
    y = np.array([r for _, pos in fit for _, cands in pos for _, r in cands], dtype=float)
    print(f"{len(sentences)} sentences ({sum(tune)} kept for the thresholds), {len(y)} candidates fitted on, "
          f"{int(y.sum())} right")
    # names: the training sentences (learners' essays, laws, medicine) hold few, newspaper text many;
    # their weight is the house's choice (NAME_WEIGHT), not fitted
    name = FEATURES.index("in a name")
    X[:, name] = 0.0
    Xb[:, name] = 0.0
    # (the products with the name feature: none, so zeroing its column zeroes all of it)
    w, b = logistic(X, y)
    w[name] = NAME_WEIGHT
    names = [*FEATURES, *(f"{FEATURES[a]} * {FEATURES[c]}" for a, c in CROSSES), "max gain", "min gain", "char gain unseen"]
    for fname, wk in zip(names, w, strict=True):
        print(f"  {fname:16} {wk:+.3f}")
    # the cheap model of the cascade: the same features with the two language-model gains (and
    # the name, settled later) at 0
    costly = [FEATURES.index("gain"), FEATURES.index("char gain"), name]
    Xc = Xb.copy()
    Xc[:, costly] = 0.0
    wc, bc = logistic(Xc, y)
    wc[costly] = 0.0
    cut = m.cascade
    scored = sentence_scores([e for e, t in zip(exs, tune, strict=True) if t], w, b, (wc, bc, cut))
    ths = [t / 10 for t in range(-60, 80)]
    res = [(th, *evaluate(scored, th)) for th in ths]
    warn = steady(res, TARGET_WARNING)
    err = steady([r for r in res if r[0] >= warn[0]], TARGET_ERROR)
    print(f"warning: threshold {warn[0]}: precision {warn[1]:.3f} recall {warn[2]:.3f}")
    print(f"error: threshold {err[0]}: precision {err[1]:.3f} recall {err[2]:.3f}")
    if args.write:
        text = PARAMS.read_text(encoding="utf-8")
        vals = {"weights": "[" + ", ".join(f"{x:.4f}" for x in w) + "]", "bias": f"{b:.4f}",
                "cheap_weights": "[" + ", ".join(f"{x:.4f}" for x in wc) + "]", "cheap_bias": f"{bc:.4f}",
                "warning": warn[0], "error": err[0]}
        for key, val in vals.items():
            text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {val}", text)
            if not n:
                text += f"{key} = {val}\n"
        PARAMS.write_text(text, encoding="utf-8")
        print(f"wrote {PARAMS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
