"""Build resources/proof/misused.marshal, the data of the `words.misused` rule (错别字 in running text).

Sources (all lawful to ship):
  * ../shared/data/csc/confusion_sound.json, confusion_shape.json: similar-sound and similar-shape
    characters (from aopolin-lv/ECSpell, MIT licence);
  * ../shared/data/csc/confusion_ncu.txt: the NCU NLP Lab confusion set (same repository, MIT;
    traditional characters, converted to simplified with OpenCC t2s), marked NCU: similar sound
    or shape by another judgement, a third more pairs than the two sets above;
  * the TRAINING split of ../shared/data/csc/*.train.tsv (same repository, MIT): which confusions
    really happen (wrong → right counts, and with which neighbour) and the character pairs of the
    corrected sentences;
    Sentences whose hash puts them in the held split
    (`is_held`) are never read here; bench/bench_check.py reports on them;
  * pypinyin (MIT; a build-time tool, in the dev extras): the readings of the confusion sets'
    characters, to mark the pairs that share a syllable, tones aside (境/镜 jing), as HOMOPHONE, and
    those that share it with its tone too (境/镜 jìng, not 买/卖 mǎi/mài) as TONE as well;
  * jieba's dictionary (MIT, a dependency already): words of two or three Han characters and
    their frequencies, indexed by each position with that character left out ("中?" → "国文…");
    and its four-character idioms (成语: the words it tags `i`, 再接再厉, 按部就班 …), indexed
    the same way ("再接再?" → "厉"), for a window of running text one character off one.

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
REDUP_OUT = ROOT / "resources" / "proof" / "reduplicable.txt"
REDUP_TAGS = {"v", "vn", "vd", "a", "ad", "an", "b", "z"}   # verbs and adjectives in jieba's tags
TRAIN_FILES = ("sighan_train2013.tsv", "sighan_train2014.tsv", "sighan_train2015.tsv",
               "ecspell_odw.train.tsv", "ecspell_law.train.tsv", "ecspell_med.train.tsv")
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
MIN_WORD_FREQ = 100         # jieba words rarer than this are mostly names and junk (min_word_freq in misused.toml: no lower)
MAX_WORD = 3                # longest word a candidate may make (max_word in misused.toml may not exceed it)
COMMON_FREQ = 300           # a two-character word this common vouches for both its characters
MIN_IDIOM_FREQ = 10         # four-character idioms (成语, tag i in jieba's dictionary) at least this frequent
SOUND, SHAPE, SEEN, HOMOPHONE, NCU, TONE = 1, 2, 4, 8, 16, 32
KIND0 = 0x30               # a candidate's kind bits are stored as chr(KIND0 + bits)


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


def left_contexts(src: str, cor: str) -> list[str]:
    """For each wrong character with a Han neighbour on its left: neighbour + wrong + right."""
    return [src[i - 1] + a + b for i, (a, b) in enumerate(zip(src, cor, strict=True))
            if a != b and i and HAN_WORD.match(src[i - 1] + a + b)]


def right_contexts(src: str, cor: str) -> list[str]:
    """For each wrong character with a Han neighbour on its right: wrong + right + neighbour."""
    return [a + b + src[i + 1] for i, (a, b) in enumerate(zip(src, cor, strict=True))
            if a != b and i + 1 < len(src) and HAN_WORD.match(a + b + src[i + 1])]


def given_name_chars(dict_txt: Path) -> str:
    """Characters seen at least five times in the given names of jieba's personal names (tag nr)
    that start with a surname of resources/proof/surnames.txt: 伟 芳 强 … but not 偿 or 排."""
    sys.path.insert(0, str(ROOT))
    from galley.app.proof.names import surnames
    single, double = surnames()
    counts: Counter[str] = Counter()
    for line in dict_txt.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if len(cols) != 3 or cols[2] != "nr" or not HAN_WORD.match(cols[0]):
            continue
        w = cols[0]
        sl = 2 if w[:2] in double else 1 if w[0] in single else 0
        if sl and 1 <= len(w) - sl <= 2:
            counts.update(w[sl:])
    return "".join(sorted(c for c, n in counts.items() if n >= 5))


def write_reduplicable(dict_txt: Path) -> None:
    """Two-character verbs and adjectives of jieba's dictionary (its part-of-speech tags): AB AB is
    reduplication on purpose (研究研究, 高兴高兴), not a word typed twice."""
    words = []
    for line in dict_txt.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if len(cols) == 3 and len(cols[0]) == 2 and int(cols[1]) >= 50 and cols[2] in REDUP_TAGS \
                and HAN_WORD.match(cols[0]):
            words.append(cols[0])
    words.sort()
    head = ("# Two-character verbs and adjectives (jieba's dictionary, MIT, by its part-of-speech tags),\n"
            "# generated by tools/build_misused.py: doubled (研究研究) they are reduplication, not a typo.\n"
            "# Forms a newsroom adds by hand go in reduplication.txt.\n")
    REDUP_OUT.write_text(head + "\n".join(" ".join(words[k:k + 30]) for k in range(0, len(words), 30)) + "\n",
                         encoding="utf-8")


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
    ncu = csc / "confusion_ncu.txt"
    if ncu.is_file():
        import opencc
        t2s = opencc.OpenCC("t2s").convert
        for line in ncu.read_text(encoding="utf-8").splitlines():
            c, _, cands = line.partition(",")
            c = t2s(c.strip())
            if len(c) != 1 or not HAN_WORD.match(c):
                continue
            for x in {t2s(x) for x in cands.strip()}:
                if x != c and len(x) == 1 and HAN_WORD.match(x):
                    kinds.setdefault(c, {})[x] = kinds.get(c, {}).get(x, 0) | NCU

    seen: Counter[tuple[str, str]] = Counter()
    bigrams: Counter[str] = Counter()
    ctx_left: Counter[str] = Counter()          # left neighbour + wrong + right: 我在见 … (在见 → 再见)
    ctx_right: Counter[str] = Counter()         # wrong + right + right neighbour
    for _, src, cor in read_pairs(csc, held=False):
        bigrams.update(cor[k:k + 2] for k in range(len(cor) - 1) if HAN_WORD.match(cor[k:k + 2]))
        ctx_left.update(left_contexts(src, cor))
        ctx_right.update(right_contexts(src, cor))
        for a, b in zip(src, cor, strict=True):
            if a != b and HAN_WORD.match(a) and HAN_WORD.match(b):
                seen[a, b] += 1
    for a, b in seen:
        kinds.setdefault(a, {})[b] = kinds.get(a, {}).get(b, 0) | SEEN
    # the same syllable, tones aside, in some reading of each (pypinyin, MIT: a build-time tool only)
    from pypinyin import Style, pinyin

    def readings(c: str) -> frozenset[str]:
        said = pinyin(c, style=Style.NORMAL, heteronym=True, errors="ignore")
        return frozenset(said[0]) if said else frozenset()

    def toned(c: str) -> frozenset[str]:
        said = pinyin(c, style=Style.TONE3, heteronym=True, errors="ignore", neutral_tone_with_five=True)
        return frozenset(said[0]) if said else frozenset()

    said: dict[str, frozenset[str]] = {}
    tones: dict[str, frozenset[str]] = {}
    for c, d in kinds.items():
        rc = said.setdefault(c, readings(c))
        tc = tones.setdefault(c, toned(c))
        for x in d:
            if rc & said.setdefault(x, readings(x)):
                d[x] |= HOMOPHONE
                if tc & tones.setdefault(x, toned(x)):
                    d[x] |= TONE

    # only candidates that are characters of real text (in jieba's dictionary on their own)
    conf = {c: {x: k for x, k in d.items() if freq.get(x, 0) >= 3} for c, d in kinds.items()}
    conf = {c: d for c, d in conf.items() if d}

    wild: dict[str, str] = {}
    for w, f in freq.items():
        if not (2 <= len(w) <= MAX_WORD) or f < MIN_WORD_FREQ or not HAN_WORD.match(w):
            continue
        for k in range(len(w)):
            key = w[:k] + "?" + w[k + 1:]
            if w[k] not in wild.get(key, ""):
                wild[key] = wild.get(key, "") + w[k]

    idioms: dict[str, str] = {}
    n_idioms = 0
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if len(cols) != 3 or cols[2] != "i" or len(cols[0]) != 4 or int(cols[1]) < MIN_IDIOM_FREQ \
                or not HAN_WORD.match(cols[0]):
            continue
        w = cols[0]
        n_idioms += 1
        for k in range(4):
            key = w[:k] + "?" + w[k + 1:]
            if w[k] not in idioms.get(key, ""):
                idioms[key] = idioms.get(key, "") + w[k]

    data = {
        "version": 5,
        "conf": {c: "".join(sorted(d)) for c, d in conf.items()},               # candidates
        # their bits, one character each: chr(KIND0 + bits)
        "kind": {c: "".join(chr(KIND0 + d[x]) for x in sorted(d)) for c, d in conf.items()},
        "seen": {a + b: n for (a, b), n in seen.items()},
        "wild": wild,
        "idioms": idioms,
        "bigrams": dict(bigrams),
        "ctx_left": dict(ctx_left),
        "ctx_right": dict(ctx_right),
        "given": given_name_chars(Path(jieba.__file__).parent / "dict.txt"),
        "common": "".join(sorted(w for w, f in freq.items()
                                 if len(w) == 2 and f >= COMMON_FREQ and HAN_WORD.match(w))),
    }
    OUT.write_bytes(marshal.dumps(data))
    write_reduplicable(Path(jieba.__file__).parent / "dict.txt")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB, {len(conf)} characters with "
          f"candidates, {len(seen)} confusions seen in training, {len(wild)} word patterns, "
          f"{n_idioms} idioms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
