"""Build resources/proof/misused.marshal, the data of the `words.misused` rule (错别字 in running text).

Sources (all lawful to ship):
  * ../shared/data/csc/confusion_sound.json, confusion_shape.json: similar-sound and similar-shape
    characters (from aopolin-lv/ECSpell, MIT licence);
  * the TRAINING split of ../shared/data/csc/*.train.tsv (same repository, MIT): which confusions
    really happen (wrong → right counts). Sentences whose hash puts them in the held split
    (`is_held`) are never read here; bench/bench_check.py reports on them;
  * jieba's dictionary (MIT, a dependency already): words of two to four Han characters and
    their frequencies, indexed by each position with that character left out ("中?" → "国文…").

    python tools/build_misused.py [--csc DIR]      (a few seconds; writes the file and prints its size)

The file is a marshal dump (loads in milliseconds, no pickle): see app/proof/misused.py.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import marshal
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSC = ROOT.parent / "shared" / "data" / "csc"
OUT = ROOT / "resources" / "proof" / "misused.marshal"
TRAIN_FILES = ("sighan_train2013.tsv", "sighan_train2014.tsv", "sighan_train2015.tsv",
               "ecspell_odw.train.tsv", "ecspell_law.train.tsv", "ecspell_med.train.tsv")
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
MIN_WORD_FREQ = 10          # jieba words rarer than this are mostly names and junk
SOUND, SHAPE, SEEN = 1, 2, 4


def is_held(sentence: str) -> bool:
    """One sentence in five, by a fixed hash of its corrected form: kept apart, never fitted on."""
    return int(hashlib.md5(sentence.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def read_pairs(csc: Path, held: bool) -> list[tuple[str, str, str]]:
    """(file, source, corrected) of the training files' equal-length pairs in one split."""
    out = []
    for name in TRAIN_FILES:
        path = csc / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 3 or len(cols[1]) != len(cols[2]):
                continue
            if is_held(cols[2]) == held:
                out.append((name, cols[1], cols[2]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csc", default=str(CSC))
    args = ap.parse_args()
    csc = Path(args.csc)

    import jieba
    tk = jieba.Tokenizer()
    tk.initialize()
    freq = {w: f for w, f in tk.FREQ.items() if f > 0}

    kinds: dict[str, dict[str, int]] = {}
    for fname, bit in (("confusion_sound.json", SOUND), ("confusion_shape.json", SHAPE)):
        for c, cands in json.loads((csc / fname).read_text(encoding="utf-8")).items():
            for x in cands:
                if x != c and len(x) == 1:
                    kinds.setdefault(c, {})[x] = kinds.get(c, {}).get(x, 0) | bit

    seen: Counter[tuple[str, str]] = Counter()
    for _, src, cor in read_pairs(csc, held=False):
        for a, b in zip(src, cor, strict=True):
            if a != b and HAN_WORD.match(a) and HAN_WORD.match(b):
                seen[a, b] += 1
    for (a, b), _n in seen.items():
        kinds.setdefault(a, {})[b] = kinds.get(a, {}).get(b, 0) | SEEN

    # only candidates that are characters of real text (in jieba's dictionary on their own)
    conf = {c: {x: k for x, k in d.items() if freq.get(x, 0) >= 3} for c, d in kinds.items()}
    conf = {c: d for c, d in conf.items() if d}

    wild: dict[str, str] = {}
    for w, f in freq.items():
        if not (2 <= len(w) <= 4) or f < MIN_WORD_FREQ or not HAN_WORD.match(w):
            continue
        for k in range(len(w)):
            key = w[:k] + "?" + w[k + 1:]
            if w[k] not in wild.get(key, ""):
                wild[key] = wild.get(key, "") + w[k]

    data = {
        "version": 1,
        "conf": {c: "".join(sorted(d)) for c, d in conf.items()},               # candidates
        "kind": {c: "".join(str(d[x]) for x in sorted(d)) for c, d in conf.items()},  # their bits
        "seen": {a + b: n for (a, b), n in seen.items()},
        "wild": wild,
    }
    OUT.write_bytes(marshal.dumps(data))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB, {len(conf)} characters with "
          f"candidates, {len(seen)} confusions seen in training, {len(wild)} word patterns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
