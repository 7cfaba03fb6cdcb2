"""Build resources/proof/wordlm.marshal: a word bigram model of real Chinese for `words.misused`.

Source: the open-gram word trigram language model as Debian ships it for SunPinyin (package
sunpinyin-data 0.1.22+20170109-2: /usr/lib/x86_64-linux-gnu/sunpinyin/data/lm_sc.t3g and its
lexicon pydict_sc.bin; open-gram, (c) 1997-2010 MDBG and the SunPinyin authors, Creative Commons
Attribution-ShareAlike 3.0: wordlm.marshal is a derived work under the same licence, see
resources/proof/README-wordlm.txt). The model is dumped as text with `tslminfo -v` (package
sunpinyin-utils), as tools/build_charlm.py does. No text of it is copied: the file holds the
model's words (a lexicon), its unigram and bigram log probabilities and back-off weights.

Only words of Han characters that have a unigram are kept; a bigram is kept when both its words
are. The trigrams are left out (the bigrams carry most of what a one-character change moves).

    apt-get install sunpinyin-data sunpinyin-utils
    python tools/build_wordlm.py [DUMP]     (a minute or two; DUMP: the `tslminfo -v` output, if made already)

File layout (a marshal dump; arrays as bytes, so loading is a copy): {"version", "words": the
words joined by "\\n" in id order, "uni": array('f') of log P(w), "bow": array('f') of the back-off
weights (natural log), "rows": array('I') of len(words) + 1 offsets into "next"/"lp": the bigrams
(a, b) of word a are next[rows[a]:rows[a + 1]] (the ids of b, sorted) and lp[...] their log P(b|a),
quantised as round(-16 log P) in one byte}.
"""
from __future__ import annotations

import array
import marshal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_charlm import DATA, HAN, dump_rows, lexicon

OUT = ROOT / "resources" / "proof" / "wordlm.marshal"


def main() -> int:
    dump = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    words = lexicon(DATA / "pydict_sc.bin")
    uni: dict[int, tuple[float, float]] = {}
    bigrams: list[tuple[int, int, float]] = []
    for level, cols in dump_rows(dump):
        if level == 1:
            k = int(cols[0])
            if k < len(words) and HAN.match(words[k]):
                uni.setdefault(k, (-float(cols[1]), -float(cols[2])))
        elif level == 2:
            a, b = int(cols[0]), int(cols[1])
            if a in uni and b in uni:
                bigrams.append((a, b, -float(cols[2])))
    # one id per word text (the lexicon may list a text twice: the first with a unigram wins)
    ids: dict[str, int] = {}
    for k in sorted(uni):
        ids.setdefault(words[k], k)
    order = sorted(ids)                         # new ids: the words sorted
    new = {ids[w]: n for n, w in enumerate(order)}
    rows = array.array("I", [0] * (len(order) + 1))
    pairs = sorted((new[a], new[b], lp) for a, b, lp in bigrams if a in new and b in new)
    for a, _, _ in pairs:
        rows[a + 1] += 1
    for n in range(len(order)):
        rows[n + 1] += rows[n]
    data = {"version": 1, "words": "\n".join(order),
            "uni": array.array("f", [uni[ids[w]][0] for w in order]).tobytes(),
            "bow": array.array("f", [uni[ids[w]][1] for w in order]).tobytes(),
            "rows": rows.tobytes(),
            "next": array.array("I", [b for _, b, _ in pairs]).tobytes(),
            "lp": bytes(min(255, round(-16 * lp)) for _, _, lp in pairs)}
    OUT.write_bytes(marshal.dumps(data))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB; {len(order)} words, {len(pairs)} bigrams")
    return 0


if __name__ == "__main__":
    sys.exit(main())
