"""Held-out style check of split-line repair on simulated pages.

Takes real stories from ../shared/data/bench/edition16.txt (never copied into the project),
sets them into narrow simulated columns the way a page is set, cuts them at column ends,
interleaves sidebars, captions and credits from other stories, and scores Galley's repair on
the result with ../shared/tools/score.py. The cases are written to a temporary folder.

    python bench/repair_synth.py [--cases 150] [--seed 7] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))


def stories(path: Path, headlines: set[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for block in (b.strip() for b in path.read_text(encoding="utf-8").split("\n\n")):
        if not block or re.fullmatch(r"第\d+版", block):
            continue
        if block in headlines or (not out):
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return [s for s in out if len(s[1]) >= 2]


def sentence(rng, pool, limit: int = 80) -> str:
    """One sentence of another story: what a caption is."""
    for _ in range(50):
        _, paras = rng.choice(pool)
        sents = [x for x in re.findall(r"[^。！？]+[。！？]", rng.choice(paras)) if 8 <= len(x) <= limit]
        if sents:
            return rng.choice(sents)
    return "图为会议现场。"


def sidebar(rng, pool) -> list[str]:
    s = sentence(rng, pool, 200)
    items = [x for x in re.split(r"[,，;；。:：]", s) if 4 <= len(x) <= 24]
    return items[:6] if len(items) >= 2 else [s]


def credit(rng) -> str:
    name = "".join(rng.choice("王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高") + rng.choice("明华军平伟芳敏静丽强磊洋勇艳杰涛超") for _ in range(1))
    return rng.choice([f"(记者{name})", f"图表:{name}", f"({name} 摄)", f"新华社记者 {name} 摄"])


def make_case(rng, pool) -> tuple[str, dict]:
    picked = rng.sample(pool, rng.choice([1, 2, 2, 3]))
    W, H = rng.randint(11, 16), rng.randint(12, 26)
    truth = {"paragraphs": [], "blocks": [], "headlines": [], "meta": {"split_paragraphs": []}}
    blocks: list[str] = []
    line_in_col = 0
    pending_insert: list[str] | None = None
    for head, paras in picked:
        blocks.append(head)
        truth["headlines"].append(head)
        line_in_col += 2
        for p in paras[: rng.randint(2, 6)]:
            idx = len(truth["paragraphs"])
            truth["paragraphs"].append(p)
            rest, cut = p, False
            while rest:
                room = (H - line_in_col) * W
                if room <= 0:
                    line_in_col = 0
                    if pending_insert is None and rng.random() < 0.35:
                        kind = rng.choice(["caption", "sidebar", "credit"])
                        ins = ([sentence(rng, pool)] if kind == "caption" else
                               sidebar(rng, pool) if kind == "sidebar" else [credit(rng)])
                        blocks.extend(ins)
                        truth["blocks"].extend(ins)
                    continue
                piece, rest = rest[:room], rest[room:]
                blocks.append(piece)
                line_in_col += -(-len(piece) // W)
                if rest:
                    cut = True
            if cut:
                truth["meta"]["split_paragraphs"].append(idx)
    return "\n\n".join(blocks) + "\n", truth


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep")
    args = ap.parse_args()
    src = SHARED / "data" / "bench" / "edition16.txt"
    if not src.exists():
        print("repair_synth: ../shared/data/bench is not here; skipped")
        return 0
    meta = json.loads((SHARED / "data" / "bench" / "editions.json").read_text(encoding="utf-8"))
    heads = set()
    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in ("headline", "headlines") and isinstance(v, (str, list)):
                    heads.update([v] if isinstance(v, str) else [h for h in v if isinstance(h, str)])
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(meta)
    pool = stories(src, heads)
    rng = random.Random(args.seed)
    out = Path(args.keep or tempfile.mkdtemp(prefix="galley-synth-"))
    import score

    from galley.app.pipeline import edition_from_text
    tot = Counter()
    for n in range(args.cases):
        text, truth = make_case(rng, pool)
        case = out / f"case_{n:03d}"
        case.mkdir(parents=True, exist_ok=True)
        (case / "input.txt").write_text(text, encoding="utf-8")
        (case / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        r = score.score_case(str(case), edition_from_text(text).text())
        tot.update(r)
    rec = tot["matched"] / tot["paragraphs"]
    pre = tot["correct_outputs"] / tot["outputs"]
    print(f"synthetic repair ({args.cases} cases from edition16, seed {args.seed}): "
          f"F1={2 * rec * pre / (rec + pre):.3f} recall={rec:.3f} precision={pre:.3f} "
          f"split_recall={tot['split_matched'] / max(1, tot['split']):.3f} "
          f"({tot['split_matched']}/{tot['split']}) lost={tot['lost']} added={tot['added']}  [{out}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
