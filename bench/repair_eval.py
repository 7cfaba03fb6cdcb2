"""Score split-line repair on sets of cases (score.py's format) in one process.

    python bench/repair_eval.py SET_DIR [SET_DIR ...]

Each SET_DIR holds case_NNN/{input.txt,truth.json}, or folders of such sets. Prints, per set,
F1, recall, precision, cut-paragraph recall, perfect cases, characters lost/added, and two
harms: lines joined in files that are one item a line, and order changes (a kept block printed
before one that stood before it in the input; blocks moved out as sidebar, caption or credit
are not counted).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))

MOVABLE = {"sidebar", "caption", "credit"}


def order_changes(edition) -> int:
    """Kept blocks printed after a later block of the input (a descent in the printed order)."""
    seen_max, n = -1, 0
    for _, _, el in edition.elements():
        if el.kind.value in MOVABLE:
            continue
        for b in el.parts:
            if b < seen_max:
                n += 1
            seen_max = max(seen_max, b)
    return n


def score_set(cases: list[Path]) -> Counter:
    import score

    from galley.app.importers.text import read_text
    from galley.app.pipeline import build_edition
    tot: Counter = Counter()
    for case in cases:
        text = (case / "input.txt").read_text(encoding="utf-8")
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        ed = build_edition(read_text(text), dehyphenate=False)
        tot["cases"] += 1
        tot["order"] += order_changes(ed)
        if truth.get("meta", {}).get("one_a_line"):
            lines = [x for x in text.splitlines() if x.strip()]
            tot["lines"] += len(lines)
            tot["joined"] += sum(len(el.parts) for _, _, el in ed.elements() if len(el.parts) > 1)
            continue
        r = score.score_case(str(case), ed.text())
        tot.update({k: v for k, v in r.items() if isinstance(v, (int, float))})
        tot["perfect"] += int(r["matched"] == r["paragraphs"] and r["correct_outputs"] == r["outputs"]
                              and not r["lost"] and not r["added"])
    return tot


def line(name: str, t: Counter) -> str:
    if t["lines"]:
        return (f"{name}: {t['cases']} one-item-a-line files, {t['joined']}/{t['lines']} lines joined "
                f"({100 * t['joined'] / t['lines']:.2f}%), order changes {t['order']}")
    rec = t["matched"] / max(1, t["paragraphs"])
    pre = t["correct_outputs"] / max(1, t["outputs"])
    f1 = 2 * rec * pre / max(1e-9, rec + pre)
    return (f"{name}: F1={f1:.3f} recall={rec:.3f} precision={pre:.3f} "
            f"cut-paragraph recall={t['split_matched'] / max(1, t['split']):.3f} "
            f"({t['split_matched']}/{t['split']}) perfect {t['perfect']}/{t['cases']} "
            f"lost={t['lost']} added={t['added']} order changes {t['order']}")


def case_dirs(folder: Path) -> dict[str, list[Path]]:
    """Sets under `folder`: its own cases, or each subfolder's."""
    if (folder / "input.txt").exists():
        return {folder.name: [folder]}
    own = sorted(p.parent for p in folder.glob("case_*/input.txt"))
    if own:
        return {folder.name: own}
    out: dict[str, list[Path]] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        out.update({f"{folder.name}/{k}": v for k, v in case_dirs(sub).items()})
    return out


def main(argv: list[str]) -> int:
    for arg in argv:
        for name, cases in case_dirs(Path(arg)).items():
            print(line(name, score_set(cases)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
