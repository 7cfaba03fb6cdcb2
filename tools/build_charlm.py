"""Build resources/proof/charlm.marshal: a character bigram/trigram model of real Chinese for `words.misused`.

Source: the open-gram word trigram language model as Debian ships it for SunPinyin
(package sunpinyin-data 0.1.22+20170109-2: /usr/lib/x86_64-linux-gnu/sunpinyin/data/lm_sc.t3g
and its lexicon pydict_sc.bin; open-gram, (c) 1997-2010 MDBG and the SunPinyin authors,
Creative Commons Attribution-ShareAlike 3.0: charlm.bin is a derived work under the same
licence, see resources/proof/README-charlm.txt). The model is dumped as text with `tslminfo -v`
(package sunpinyin-utils). No text of it is copied: only expected character counts are kept.

From the word model we take expected character counts per word token: each word's unigram
probability counts the character pairs and triples inside it; each listed word bigram
(P(w1) P(w2|w1)) counts the pairs and triples across its boundary. Counts are scaled to a corpus
of SCALE characters, pruned (pairs below MIN_BIGRAM, triples below MIN_TRIGRAM) and stored as
round(8 ln count) in one byte.

    apt-get install sunpinyin-data sunpinyin-utils
    python tools/build_charlm.py        (about a minute; writes the file and prints its size)

File layout (a marshal dump: arrays as bytes, so loading is a copy): {"version", "chars": str (index order), "uni": bytes (per
character), "hot2"/"hotv2" and "keys2"/"val2": the common and the other pairs as sorted uint32 keys
(index a << 14 | index b) as bytes and their values, "keys3":
sorted uint64 keys (a << 28 | b << 14 | c), "val3": bytes}: looked up by bisection, so loading
builds no dictionary.
"""
from __future__ import annotations

import array
import marshal
import math
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "proof" / "charlm.marshal"
DATA = Path("/usr/lib/x86_64-linux-gnu/sunpinyin/data")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
SCALE = 1e9
MIN_BIGRAM = 3.0
MIN_TRIGRAM = 12.0
HOT = 37                    # pairs this common (8 ln 100) are loaded into a dictionary, the rest bisected
BITS = 14                   # a character's index in a key (at most 16,384 characters)


def lexicon(path: Path) -> list[str]:
    """Word ids → text: pydict_sc.bin ends with the words as 0-terminated UCS-4 strings in id order."""
    a = array.array("I")
    raw = path.read_bytes()
    a.frombytes(raw[:len(raw) // 4 * 4])
    start = a[2] // 4                          # the header's third word: byte offset of the string table
    words, cur = [], []
    for v in a[start:]:
        if v == 0:
            words.append("".join(cur))
            cur = []
        else:
            cur.append(chr(v))
    return words


def dump_lines(dump: Path | None):
    if dump is not None:
        with open(dump, encoding="utf-8") as fh:
            yield from fh
        return
    proc = subprocess.Popen(["tslminfo", "-v", str(DATA / "lm_sc.t3g")], stdout=subprocess.PIPE, text=True)
    yield from proc.stdout
    proc.wait()


def dump_rows(dump: Path | None):
    """(order, columns) of each unigram and bigram entry of the dump, in its order; stops at the
    trigrams (the word bigrams carry the boundaries the models keep)."""
    level = 0
    for line in dump_lines(dump):
        if line.startswith("\\"):
            level = int(line[1])
            if level >= 3:
                return
            continue
        yield level, line.split()


def main() -> int:
    dump = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    words = lexicon(DATA / "pydict_sc.bin")
    han = [w if HAN.match(w) else "" for w in words]
    uni_p: dict[int, float] = {}
    U: defaultdict[str, float] = defaultdict(float)
    B: defaultdict[str, float] = defaultdict(float)
    T: defaultdict[str, float] = defaultdict(float)
    for level, cols in dump_rows(dump):
        if level == 1:
            wid, p = int(cols[0]), math.exp(-float(cols[1]))
            uni_p[wid] = p
            w = han[wid] if wid < len(han) else ""
            for k in range(len(w)):
                U[w[k]] += p
                if k + 2 <= len(w):
                    B[w[k:k + 2]] += p
                if k + 3 <= len(w):
                    T[w[k:k + 3]] += p
        elif level == 2:
            a, b = int(cols[0]), int(cols[1])
            wa, wb = (han[a] if a < len(han) else ""), (han[b] if b < len(han) else "")
            if not wa or not wb:
                continue
            p = uni_p.get(a, 0.0) * math.exp(-float(cols[2]))
            B[wa[-1] + wb[0]] += p
            if len(wa) >= 2:
                T[wa[-2:] + wb[0]] += p
            if len(wb) >= 2:
                T[wa[-1] + wb[:2]] += p
    total = sum(U.values())
    scale = SCALE / total
    chars = "".join(sorted(c for c, v in U.items() if v * scale >= 1))

    def q(v: float) -> int:
        return max(0, min(255, round(8 * math.log(max(v * scale, 1.0)))))

    uni = bytes(q(U[c]) for c in chars)
    index = {c: k for k, c in enumerate(chars)}
    b2 = sorted((index[k[0]] << BITS | index[k[1]], q(v)) for k, v in B.items()
                if v * scale >= MIN_BIGRAM and k[0] in index and k[1] in index)
    t3 = sorted((index[k[0]] << 2 * BITS | index[k[1]] << BITS | index[k[2]], q(v)) for k, v in T.items()
                if v * scale >= MIN_TRIGRAM and all(c in index for c in k))
    data = {"version": 3, "scale": SCALE, "bits": BITS, "chars": chars, "uni": uni,
            "hot2": array.array("I", [k for k, v in b2 if v >= HOT]).tobytes(),
            "hotv2": bytes(v for _, v in b2 if v >= HOT),
            "keys2": array.array("I", [k for k, v in b2 if v < HOT]).tobytes(), "val2": bytes(v for _, v in b2 if v < HOT),
            "keys3": array.array("Q", [k for k, _ in t3]).tobytes(), "val3": bytes(v for _, v in t3)}
    OUT.write_bytes(marshal.dumps(data))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB; {len(chars)} characters, "
          f"{len(b2)} pairs (of {len(B)}), {len(t3)} triples (of {len(T)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
