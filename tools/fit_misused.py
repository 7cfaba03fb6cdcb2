"""Fit the weights and thresholds of `words.misused` (resources/proof/misused.toml) on the csc training split.

Every training pair gives two sentences: the source with its wrong characters (a positive) and
the corrected one (a negative, which must stay clean). A sentence counts as caught when the rule
flags it and every flagged character is a wrong one; precision is caught / flagged sentences.
The held split (tools/build_misused.py `is_held`) is not read; bench/bench_check.py reports on it.

    python tools/fit_misused.py [--write]     (about a minute)
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_misused import CSC, read_pairs  # noqa: E402

from app.proof.misused import PARAMS, SHAPE, SOUND, model  # noqa: E402

TARGET_WARNING = 0.85      # sentence-level precision wanted at warning severity
TARGET_ERROR = 0.95        # and at error severity


def features(m, sentences):
    """Per sentence: (gold positions, {position: [(gain, kind, seen), …]})."""
    out = []
    for text, gold in sentences:
        pos = {}
        for p, run, i, c, found in m.positions(text):
            if m.in_name(run, i):
                continue
            pos[p] = [(g, k, s) for _, g, k, s in m.candidates(run, i, c, found)]
        out.append((gold, pos))
    return out


def evaluate(feats, w_seen, w_shape, th):
    flagged = caught = positives = 0
    for gold, pos in feats:
        if gold:
            positives += 1
        hits = set()
        for p, cands in pos.items():
            best = max((g + w_seen * math.log1p(s) + (w_shape if k & SHAPE and not k & SOUND else 0)
                        for g, k, s in cands), default=-1e9)
            if best >= th:
                hits.add(p)
        if hits:
            flagged += 1
            if gold and hits <= gold:
                caught += 1
    return caught / max(1, flagged), caught / max(1, positives), flagged


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    m = model()
    m.min_gain = 0.5
    sentences = []
    for _, src, cor in read_pairs(CSC, held=False):
        gold = {i for i, (a, b) in enumerate(zip(src, cor, strict=True)) if a != b}
        if gold:
            sentences.append((src, gold))
        sentences.append((cor, set()))
    feats = features(m, sentences)
    best = None
    for w_seen in (0.0, 0.5, 1.0, 1.5, 2.0):
        for w_shape in (-2.0, -1.0, 0.0):
            for th10 in range(20, 200, 5):
                th = th10 / 10
                prec, rec, _ = evaluate(feats, w_seen, w_shape, th)
                if prec >= TARGET_WARNING and (best is None or rec > best[0]):
                    best = (rec, prec, w_seen, w_shape, th)
    rec, prec, w_seen, w_shape, th = best
    err = None
    for th10 in range(int(th * 10), 400, 5):
        p, r, _ = evaluate(feats, w_seen, w_shape, th10 / 10)
        if p >= TARGET_ERROR:
            err = (th10 / 10, p, r)
            break
    print(f"warning: w_seen={w_seen} w_shape={w_shape} threshold={th}: precision {prec:.3f} recall {rec:.3f}")
    print(f"error: threshold={err[0]}: precision {err[1]:.3f} recall {err[2]:.3f}")
    if args.write:
        text = PARAMS.read_text(encoding="utf-8")
        for key, val in (("w_seen", w_seen), ("w_shape", w_shape), ("warning", th), ("error", err[0])):
            text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {val}", text)
        PARAMS.write_text(text, encoding="utf-8")
        print(f"wrote {PARAMS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
