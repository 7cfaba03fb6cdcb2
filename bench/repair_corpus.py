"""Repair cases from many bodies of text, split into what the seam model is fitted on and what it
is judged on.

The articles come from third-party text in ../shared (read, never copied into the project): the
benchmark editions' NIST news stories, split by year (MT03 and MT04 to fit on; MT06 and MT08
kept apart) and the corrected sentences of the public spelling-check training data (公文, legal,
medical) grouped into paragraphs. `../shared/tools/make_cases.py` sets them into simulated
columns, cuts them at column ends and interleaves sidebars, captions and credits. Beside those,
sets of files that are one item a line (headline lists, one sentence a line) and articles of
numbered clauses ending in `；`, where nothing is to be joined. The held-out news comes once more
in full-width marks (`nist-fw`), as a mainland daily sets them. And files of the same stories
hard-wrapped at one width (`wrapped`: a one-column page's text, an e-mail), with no blank line
between a paragraph's lines, and read column after column with each story at its own column
width (`columns`: an OCR's or a viewer's copy of a page), a blank line after each column's piece.

    python bench/repair_corpus.py OUT_DIR [--cases 300]

writes OUT_DIR/{fit,heldout}/<source>/case_NNN/{input.txt,truth.json} (score.py's format).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "data" / "bench"
CSC = SHARED / "data" / "csc"

_SENT = re.compile(r"[^。！？]+[。！？]”?")
_CLAUSE = re.compile(r"[^，,；;。！？]+")
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅"
GIVEN = "明华军平伟芳敏静丽强磊洋勇艳杰涛超鹏辉刚健琳雪峰松梅兰晨阳宁欣悦浩宇轩然"


def nist_stories() -> dict[str, list[tuple[str, list[str]]]]:
    """Stories of the benchmark editions by NIST set (mt03 …), each once: (headline, paragraphs)."""
    meta = json.loads((BENCH / "editions.json").read_text(encoding="utf-8"))["editions"]["edition64"]
    text = (BENCH / "edition64.txt").read_text(encoding="utf-8")
    heads = meta["headlines"]
    pages = re.split(r"^第\d+版\n", text, flags=re.MULTILINE)[1:]
    out: dict[str, list] = {}
    seen: set[str] = set()
    h = 0
    for page, detail in zip(pages, meta["pages_detail"]):
        blocks = [b.strip() for b in page.split("\n\n") if b.strip()]
        stories: list[tuple[str, list[str]]] = []
        for b in blocks:
            if h < len(heads) and b == heads[h] and (not stories or stories[-1][1]):
                stories.append((b, []))
                h += 1
            elif stories:
                stories[-1][1].append(b)
        for sid, story in zip(detail["stories"], stories):
            if sid in seen:
                continue
            seen.add(sid)
            out.setdefault(sid.split(":")[0], []).append(story)
    return out


def csc_paragraphs(names: list[str], rng: random.Random) -> list[tuple[str, list[str]]]:
    """Corrected sentences of the spelling-check training sets, grouped into short articles."""
    sents: list[str] = []
    for name in names:
        for line in (CSC / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and len(parts[2]) >= 12 and parts[2][-1] in "。！？”":
                sents.append(parts[2].strip())
    rng.shuffle(sents)
    arts, k = [], 0
    while k < len(sents) - 10:
        paras = []
        for _ in range(rng.randint(3, 7)):
            n = rng.randint(1, 3)
            paras.append("".join(sents[k:k + n]))
            k += n
        arts.append(("", paras))
    return arts


def credit(rng: random.Random) -> str:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return rng.choice([f"（记者 {name}）", f"（{name} 摄）", f"图表：{name}", f"制图：{name}",
                       f"本报记者 {name} 摄", f"新华社记者 {name} 摄", f"（通讯员 {name}）", f"{name} 摄"])


def pool_of(stories: list[tuple[str, list[str]]], rng: random.Random) -> dict:
    """Foreign material for the inserts: clauses, captions, sentences, credits, short lines."""
    groups, sents, captions, short = [], [], [], []
    for head, paras in stories:
        if head:
            short.append(head)
        for p in paras:
            cl = [c.strip() for c in _CLAUSE.findall(p) if 4 <= len(c.strip()) <= 30]
            if len(cl) >= 2:
                groups.append(cl)
            for s in _SENT.findall(p):
                if 10 <= len(s) <= 90:
                    sents.append(s)
    for s in rng.sample(sents, min(len(sents), 400)):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        body = s.rstrip("。！？”")
        captions.append(rng.choice([f"图为{body}。（{name} 摄）", f"图为{body}。", f"{body}。{name} 摄",
                                    f"上图：{body}。本报记者 {name} 摄", f"{body}。"]))
    return {"clause_groups": groups, "captions": captions, "sentences": sents,
            "credits": sorted({credit(rng) for _ in range(300)}), "short_lines": short}


def numbered(stories: list[tuple[str, list[str]]], rng: random.Random) -> list[tuple[str, list[str]]]:
    """Articles whose paragraphs are numbered clauses ending in ；, as rules and decisions are set."""
    marks = [lambda k: f"（{'一二三四五六七八九十'[k]}）", lambda k: f"{'一二三四五六七八九十'[k]}、",
             lambda k: f"第{'一二三四五六七八九十'[k]}条", lambda k: f"{k + 1}．", lambda k: "——"]
    out = []
    for head, paras in stories:
        clauses = [c for p in paras[1:] for c in re.split(r"[。；]", p) if 10 <= len(c) <= 120]
        if len(clauses) < 4:
            continue
        mark = rng.choice(marks)
        items = [mark(k) + c + "；" for k, c in enumerate(clauses[: rng.randint(3, 9)])]
        items[-1] = items[-1][:-1] + "。"
        lead = paras[0] if len(paras[0]) < 200 else paras[0][:120] + "。"
        if rng.random() < 0.5:
            lead = lead.rstrip("。！？”") + "：" if len(lead) > 12 else lead      # items after a colon
        out.append((head, [lead] + items))
    return out


def one_a_line(items: list[str], rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """Files that are one item a line: nothing to join."""
    out = []
    for _ in range(n):
        k = rng.randint(15, 60)
        picked = rng.sample(items, min(k, len(items)))
        text = "\n".join(picked) + "\n"
        out.append((text, {"paragraphs": [], "blocks": [], "headlines": picked,
                           "meta": {"split_paragraphs": [], "one_a_line": True}}))
    return out


WRAP_STYLES = ("typeset", "typeset-indent", "chars", "chars-indent")


def wrapped(stories: list[tuple[str, list[str]]], rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """Files of two or three stories hard-wrapped at one width: a one-column page's text, set as
    make_cases sets a column (ems, the first line indented two, marks hung; `typeset`), or an
    e-mail's or an editor's wrap (`chars`: so many characters a line), with the indent written
    as two ideographic spaces or not there at all; headlines over their stories, a blank line
    between stories and, in some files, between paragraphs. Every paragraph of two lines or more
    is a cut paragraph to be joined."""
    sys.path.insert(0, str(SHARED / "tools"))
    from make_cases import lay_paragraph
    out = []
    for _ in range(n):
        style = rng.choice(WRAP_STYLES)
        width = rng.randint(14, 40)
        blank = rng.random() < 0.3
        lines: list[str] = []
        paragraphs: list[str] = []
        heads: list[str] = []
        split: list[int] = []
        for head, paras in rng.sample(stories, min(len(stories), rng.randint(2, 3))):
            if head:
                lines.append(head)
                heads.append(head)
            for p in paras:
                indent = "\u3000\u3000" if style.endswith("indent") else ""
                if style.startswith("typeset"):
                    ls = lay_paragraph(p, width, indent=2)
                    ls[0] = indent + ls[0]
                else:
                    t = indent + p
                    ls = [t[k:k + width] for k in range(0, len(t), width)]
                if len(ls) > 1:
                    split.append(len(paragraphs))
                paragraphs.append(p)
                lines += ls + ([""] if blank else [])
            lines.append("")
        text = "\n".join(lines) + "\n"
        out.append((text, {"paragraphs": paragraphs, "blocks": [], "headlines": heads,
                           "meta": {"split_paragraphs": split, "wrapped": {"style": style, "width": width}}}))
    return out


def columns(stories: list[tuple[str, list[str]]], rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """Files of two to four stories read column after column, as an OCR of a page or a viewer's
    copy of it gives them: each story set as make_cases sets a column (ems, first line indented
    two, marks hung) at its own width (11-20 ems) and depth (6-30 lines), its lines kept, a blank
    line after each column's piece; the indent written as two ideographic spaces or not there at
    all; headlines over their stories. Every paragraph of two lines or more is a cut paragraph."""
    sys.path.insert(0, str(SHARED / "tools"))
    from make_cases import lay_paragraph
    out = []
    for _ in range(n):
        indent = "\u3000\u3000" if rng.random() < 0.5 else ""
        lines: list[str] = []
        paragraphs: list[str] = []
        heads: list[str] = []
        split: list[int] = []
        widths = []
        for head, paras in rng.sample(stories, min(len(stories), rng.randint(2, 4))):
            width, depth = rng.randint(11, 20), rng.randint(6, 30)
            widths.append(width)
            if head:
                lines += [head, ""]
                heads.append(head)
            column: list[str] = []
            for p in paras:
                if not p.strip():
                    continue
                ls = lay_paragraph(p, width, indent=2)
                ls[0] = indent + ls[0]
                if len(ls) > 1:
                    split.append(len(paragraphs))
                paragraphs.append(p)
                for line in ls:
                    column.append(line)
                    if len(column) == depth:
                        lines += column + [""]
                        column = []
            if column:
                lines += column + [""]
        text = "\n".join(lines) + "\n"
        out.append((text, {"paragraphs": paragraphs, "blocks": [], "headlines": heads,
                           "meta": {"split_paragraphs": split, "columns": {"indent": bool(indent), "widths": widths}}}))
    return out


def write_cases(folder: Path, cases: list[tuple[str, dict]]) -> None:
    for k, (text, truth) in enumerate(cases):
        d = folder / f"case_{k + 1:03d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "input.txt").write_text(text, encoding="utf-8")
        (d / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")


def write_articles(folder: Path, name: str, stories, pool) -> None:
    with open(folder / f"{name}_articles.jsonl", "w", encoding="utf-8") as fh:
        for k, (head, paras) in enumerate(stories):
            sec = {"headlines": [head] if head else [], "paragraphs": paras}
            fh.write(json.dumps({"id": f"{name}{k}", "sections": [sec]}, ensure_ascii=False) + "\n")
    (folder / f"{name}_pool.json").write_text(json.dumps(pool, ensure_ascii=False), encoding="utf-8")


_HALF_MARKS = str.maketrans({";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})


def full_width(text: str) -> str:
    """The NIST stories' half-width marks (, : ; ? ! ( )) as a mainland daily sets them, full
    width; a comma or colon between figures (1,000, 8:30) stays."""
    text = re.sub(r"(?<![0-9]),|,(?![0-9])", "，", text)
    text = re.sub(r"(?<![0-9A-Za-z]):|:(?![0-9])", "：", text)
    return text.translate(_HALF_MARKS)


def build(out: Path, cases: int, seed: int) -> None:
    rng = random.Random(seed)
    nist = nist_stories()
    splits = {
        "fit": {"nist": nist["mt03"] + nist["mt04"],
                "csc": csc_paragraphs(["ecspell_odw.train.tsv", "sighan_train2014.tsv"], rng)},
        "heldout": {"nist": nist["mt06"] + nist["mt08"],
                    "csc": csc_paragraphs(["ecspell_law.train.tsv", "ecspell_med.train.tsv"], rng)},
    }
    tmp = out / "corpus"
    tmp.mkdir(parents=True, exist_ok=True)
    for split, sources in splits.items():
        sources["numbered"] = numbered(sources["nist"] + sources["csc"], rng)
        if split == "heldout":
            # the same news in full-width marks, as the held-out newspaper prints it (the other
            # sets come out as before for a given seed)
            sources["nist-fw"] = [(full_width(h), [full_width(p) for p in ps]) for h, ps in sources["nist"]]
        for name, stories in sources.items():
            # inserts come from other stories of the same split
            pool = pool_of(stories if name != "numbered" else sources["nist"],
                           rng if name != "nist-fw" else random.Random(f"{seed}:fw"))
            write_articles(tmp, f"{split}-{name}", stories, pool)
            n = cases if name != "numbered" else cases // 4
            subprocess.run([sys.executable, str(SHARED / "tools" / "make_cases.py"), "--name", f"{split}-{name}",
                            "--corpus", str(tmp), "--out", str(out / split), "--cases", str(n),
                            "--seed", str(seed), "--interleave", "0.5"], check=True, stdout=subprocess.DEVNULL)
            (out / split / f"{split}-{name}").rename(out / split / name)
            if name in ("nist", "csc"):
                # pages of two or three stories each, as a page is set: a story's end meets the
                # next one's headline, and each story has its own column width; inserts as often
                # as make_cases sets them by default
                subprocess.run([sys.executable, str(SHARED / "tools" / "make_cases.py"), "--name", f"{split}-{name}",
                                "--corpus", str(tmp), "--out", str(out / split), "--cases",
                                str(max(1, len(stories) // 5 * 2)), "--seed", str(seed)],
                               check=True, stdout=subprocess.DEVNULL)
                (out / split / f"{split}-{name}").rename(out / split / f"{name}-pages")
        heads = [h for h, _ in sources["nist"] if h]
        sents = [s for _, ps in sources["csc"] for p in ps for s in _SENT.findall(p)]
        for name, items in (("headlines", heads), ("sentences", sents)):
            write_cases(out / split / name, one_a_line(items, rng, cases // 10))
        # (a generator of its own: the sets above come out as before for a given seed)
        wrap_rng = random.Random(f"{seed}:{split}:wrapped")
        write_cases(out / split / "wrapped", wrapped(sources["nist"] + sources["csc"], wrap_rng, cases // 5))
        col_rng = random.Random(f"{seed}:{split}:columns")
        write_cases(out / split / "columns", columns(sources["nist"] + sources["csc"], col_rng, cases // 5))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    if not (BENCH / "edition64.txt").exists():
        print("repair_corpus: ../shared/data is not here; nothing made")
        return 0
    build(Path(a.out), a.cases, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
