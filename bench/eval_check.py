"""Accuracy of `galley check`: false alarms on clean newspaper text, and recall on injected errors.

Reads the real newspaper text in ../shared/data (never copied into the repository):
  * clean text: ../shared/data/bench/edition16.txt and the paragraphs of ../shared/data/dev/*/truth.json
    (+ seed). That text uses half-width punctuation in Chinese heavily, which IS a finding under
    GB/T 15834; those findings (the "ASCII punctuation" class) are counted apart from the rest.
  * injection: each dev paragraph, first normalised with Galley's own safe half-width fixes, gets
    one error of each kind injected at a random place (seeded). A kind is detected when its rule
    reports a finding overlapping the injected span; findings that appear elsewhere after the
    injection are counted as false alarms.

Usage: python bench/eval_check.py [--seed N] [--edition16]  (prints a table, exits 0)
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
ANYWHERE = {"punct.pairs"}
ASCII_CLASS = {"punct.halfwidth", "punct.period", "punct.interpunct", "punct.straight-quote",
               "punct.corner-quote", "num.year-circle"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def dev_paragraphs() -> list[str]:
    paras = []
    for f in sorted(glob.glob(str(SHARED / "dev" / "*" / "truth.json"))) + [str(SHARED / "seed" / "truth.json")]:
        if Path(f).is_file():
            paras += json.loads(Path(f).read_text(encoding="utf-8"))["paragraphs"]
    return paras


def clean_rates(name: str, findings, chars: int) -> None:
    err = Counter(f.rule for f in findings if f.severity == "error")
    other = {r: n for r, n in err.items() if r not in ASCII_CLASS}
    ascii_n = sum(n for r, n in err.items() if r in ASCII_CLASS)
    warn = Counter(f.rule for f in findings if f.severity != "error")
    print(f"\n{name}: {chars} characters")
    print(f"  ASCII-punctuation class (real GB/T 15834 findings): {ascii_n} errors, "
          f"{ascii_n * 10000 / chars:.1f} per 10,000")
    print(f"  all other error-severity findings: {sum(other.values())}, "
          f"{sum(other.values()) * 10000 / chars:.2f} per 10,000  {dict(sorted(other.items()))}")
    print(f"  warnings/info: {sum(warn.values())}, {sum(warn.values()) * 10000 / chars:.2f} per 10,000  "
          f"{dict(sorted(warn.items()))}")


# --------------------------------------------------------------------------- injectors
# each takes (text, rng) and returns (new_text, start, end) of the injected span in new_text, or None

def _pick(rng, matches):
    matches = list(matches)
    return rng.choice(matches) if matches else None


def _replace(text, s, e, new):
    return text[:s] + new + text[e:], s, s + len(new)


def inj_halfwidth(t, rng):
    m = _pick(rng, re.finditer("[，；：？！]", t))
    if not m:
        return None
    return _replace(t, m.start(), m.end(), {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!"}[m.group()])


def inj_paren(t, rng):
    m = _pick(rng, re.finditer("（[^（）]{1,20}）", t))
    if not m:
        return None
    return _replace(t, m.start(), m.end(), "(" + m.group()[1:-1] + ")")


def inj_period(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])。$", t))
    return _replace(t, m.start(), m.end(), ".") if m else None


def inj_doubled(t, rng):
    m = _pick(rng, re.finditer("[，。]", t))
    return _replace(t, m.start(), m.end(), m.group() * 2) if m else None


def inj_ellipsis(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])，", t))
    return _replace(t, m.start(), m.start(), rng.choice(["...", "。。。", "…", "......"])) if m else None


def inj_ellipsis_deng(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])等(?=[\u4e00-\u9fff])", t))
    return _replace(t, m.start(), m.end(), "……等") if m else None


def inj_dash(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", t))
    return _replace(t, m.start(), m.end(), "--") if m else None


def inj_interpunct(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])·(?=[\u4e00-\u9fff])", t))
    return _replace(t, m.start(), m.end(), rng.choice([".", "・", "•"])) if m else None


def inj_straight_quote(t, rng):
    m = _pick(rng, re.finditer("“[^“”]{1,30}”", t))
    return _replace(t, m.start(), m.end(), '"' + m.group()[1:-1] + '"') if m else None


def inj_unpaired(t, rng):
    m = _pick(rng, re.finditer("[”》）]", t))
    return _replace(t, m.start(), m.end(), "") if m and m.start() > 0 else None


def inj_nesting(t, rng):
    m = _pick(rng, re.finditer("《[^《》]{1,20}》", t))
    return _replace(t, m.start(), m.end(), "《评" + m.group() + "》") if m else None


def inj_year_short(t, rng):
    m = _pick(rng, re.finditer(r"(?<!\d)(?:19|20)(\d\d)年(?=\d{1,2}月)", t))
    return _replace(t, m.start(), m.end(), m.group(1) + "年") if m else None


CN = "〇一二三四五六七八九"


def inj_year_zero(t, rng):
    m = _pick(rng, re.finditer(r"(?<!\d)((?:19|20)\d\d)年", t))
    if not m or "0" not in m.group(1):
        return None
    return _replace(t, m.start(), m.end() - 1, "".join("零" if c == "0" else CN[int(c)] for c in m.group(1)))


def inj_range(t, rng):
    m = _pick(rng, re.finditer(r"(?<![\d.～~\-])(\d{2,3})%", t))
    if not m:
        return None
    lo = max(1, int(m.group(1)) // 2)
    return _replace(t, m.start(), m.end(), f"{lo}～{m.group(1)}%")


def inj_approx(t, rng):
    m = _pick(rng, re.finditer("([一二三四五六七八])(?=[个名天年次家])", t))
    if not m:
        return None
    a = m.group(1)
    return _replace(t, m.start(), m.end(), f"{a}、{CN[CN.index(a) + 1]}")


def inj_fixed(t, rng):
    m = _pick(rng, re.finditer("之一|唯一|统一|一些|一直|一致|一切|四面八方|一如既往", t))
    if not m:
        return None
    return _replace(t, m.start(), m.end(), m.group().translate(str.maketrans({c: str(k) for k, c in enumerate(CN)})))


def inj_repeat(t, rng):
    from galley.app.proof.segment import tokenize
    cands = [(s, w) for w, s, e in tokenize(t) if w in ("的", "了", "在", "是", "和")]
    if not cands:
        return None
    s, w = rng.choice(cands)
    return _replace(t, s, s + 1, w + w)


def inj_stutter(t, rng):
    from galley.app.proof.segment import tokenize
    cands = [(s, e) for w, s, e in tokenize(t) if e - s == 2 and HAN.match(w[0]) and HAN.match(w[1])]
    if not cands:
        return None
    s, e = rng.choice(cands)
    return _replace(t, s, e, t[s:e] + t[e - 1])


def inj_word(t, rng):
    from galley.app.proof.segment import tokenize
    cands = [(s, e) for w, s, e in tokenize(t) if e - s == 2 and HAN.match(w[0]) and w[0] != w[1]]
    if not cands:
        return None
    s, e = rng.choice(cands)
    return _replace(t, s, e, t[s:e] * 2)


def inj_dunhao(t, rng):
    m = _pick(rng, re.finditer("[”》](?=[“《])", t))
    return _replace(t, m.start() + 1, m.start() + 1, "、") if m else None


def inj_mixed(t, rng):
    m = _pick(rng, re.finditer(r"(?<![\d.])(\d+)\.(\d{1,2})亿", t))
    if not m:
        return None
    small = (m.group(2) + "000")[:4].lstrip("0")
    return _replace(t, m.start(), m.end(), f"{m.group(1)}亿{small}万")


def _confusable_index():
    from galley.app.proof.rules.words import confusables
    by_right = defaultdict(list)
    for e in confusables().entries.values():
        if not e.exceptions:
            by_right[e.right].append(e.wrong)
    return by_right


_BY_RIGHT = None


def inj_confusable(t, rng):
    global _BY_RIGHT
    if _BY_RIGHT is None:
        _BY_RIGHT = _confusable_index()
    found = [(m.start(), r) for r in _BY_RIGHT for m in re.finditer(re.escape(r), t)]
    if not found:
        return None
    s, r = rng.choice(sorted(found))
    return _replace(t, s, s + len(r), rng.choice(_BY_RIGHT[r]))


def inj_script(t, rng):
    from galley.app.proof.script import converter, script_sets
    _, simp_only = script_sets()
    cands = [i for i, c in enumerate(t) if c in simp_only]
    if not cands:
        return None
    i = rng.choice(cands)
    tc = converter("s2t").convert(t[i])
    return _replace(t, i, i + 1, tc) if tc != t[i] else None


def inj_spelling(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", t))
    if not m:
        return None
    word = rng.choice(["recieve", "goverment", "enviroment", "occured", "seperate", "definately", "accomodate"])
    return _replace(t, m.start(), m.start(), word)


def inj_space(t, rng):
    m = _pick(rng, re.finditer(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", t))
    return _replace(t, m.start(), m.start(), " ") if m else None


INJECTORS = {
    "punct.halfwidth": inj_halfwidth, "punct.halfwidth (parens)": inj_paren, "punct.period": inj_period,
    "punct.doubled": inj_doubled, "punct.ellipsis": inj_ellipsis, "punct.ellipsis-deng": inj_ellipsis_deng,
    "punct.dash": inj_dash, "punct.interpunct": inj_interpunct, "punct.straight-quote": inj_straight_quote,
    "punct.pairs": inj_unpaired, "punct.nesting": inj_nesting, "num.year-short": inj_year_short,
    "num.year-zero": inj_year_zero, "num.range-unit": inj_range, "num.approx-dunhao": inj_approx,
    "num.fixed-expr": inj_fixed, "num.mixed": inj_mixed, "punct.dunhao-quoted": inj_dunhao,
    "repeat.char": inj_repeat, "repeat.stutter": inj_stutter, "repeat.word": inj_word, "words.confusable": inj_confusable,
    "script.mixed": inj_script, "spell.en": inj_spelling, "space.han": inj_space,
}


def normalise(p: str) -> str:
    """The dev paragraph with Galley's safe half-width fixes and name interpuncts applied (the base)."""
    from galley.app.proof import apply_fixes, check_paragraph
    found = check_paragraph(p, rules=["punct.halfwidth", "punct.interpunct", "punct.straight-quote"])
    for f in found:
        f.safe = True
    return apply_fixes(p, found)[0]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20250601)
    ap.add_argument("--edition16", action="store_true", help="also inject into edition16's paragraphs")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the injections that were missed")
    args = ap.parse_args()
    verbose = args.verbose
    if not SHARED.is_dir():
        print("eval_check: skipped (../shared/data not found)")
        return 0
    from galley.app.pipeline import load_edition
    from galley.app.proof import check_edition, check_paragraph

    paras = dev_paragraphs()
    dev_found = []
    for i, p in enumerate(paras):
        dev_found += check_paragraph(p, next_text=paras[i + 1] if i + 1 < len(paras) else None)
    clean_rates("dev + seed paragraphs (clean, as published)", dev_found, sum(map(len, paras)))
    bench = SHARED / "bench" / "edition16.txt"
    ed16 = None
    if bench.is_file():
        ed16 = load_edition(bench)
        clean_rates("edition16 (clean, as published)", check_edition(ed16), ed16.char_count)

    base = [normalise(p) for p in paras]
    if args.edition16 and ed16 is not None:
        base += [normalise(el.text) for _, _, el in ed16.elements() if len(el.text) > 30]
    rng = random.Random(args.seed)
    rows = []
    total_new_fp = total_inj = 0
    for kind, inj in INJECTORS.items():
        rule = kind.split(" ")[0]
        n = hit = fp = 0
        for p in base:
            got = inj(p, rng)
            if got is None:
                continue
            new, s, e = got
            before = {(f.rule, f.text) for f in check_paragraph(p)}
            after = check_paragraph(new)
            n += 1
            def near(f, s=s, e=e, anywhere=rule in ANYWHERE):
                # a deleted closing mark is reported at its opening mark: anywhere counts for pairs
                return anywhere or (f.start < max(e, s + 1) and f.end > s - 1)
            if any(f.rule == rule and near(f) for f in after):
                hit += 1
            elif verbose:
                print("  missed", kind, repr(new[max(0, s - 10):e + 10]))
            fp += sum(1 for f in after if not near(f) and (f.rule, f.text) not in before)
        total_new_fp += fp
        total_inj += n
        rows.append((kind, n, hit, fp))
    print("\ninjected errors (one per paragraph and kind, dev paragraphs"
          + (" + edition16" if args.edition16 else "") + f", seed {args.seed})")
    print(f"  {'rule':<28}{'injected':>9}{'found':>7}{'recall':>8}{'new false alarms':>18}")
    for kind, n, hit, fp in rows:
        rec = f"{hit / n:.2f}" if n else "-"
        print(f"  {kind:<28}{n:>9}{hit:>7}{rec:>8}{fp:>18}")
    tot_hit = sum(r[2] for r in rows)
    print(f"  {'all':<28}{total_inj:>9}{tot_hit:>7}{tot_hit / max(total_inj, 1):>8.2f}{total_new_fp:>18}")
    print(f"  precision on injected spans: {tot_hit / max(tot_hit + total_new_fp, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
