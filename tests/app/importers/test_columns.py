"""Plain text that lays a page's columns side by side (pdftotext -layout): read column by column."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from galley.app.importers.columns import laid_out, read_columns
from galley.app.importers.text import read_text, split_lines
from galley.app.model import Kind
from galley.app.pipeline import build_edition

SCALE = float(os.environ.get("GALLEY_HYPOTHESIS_SCALE", "1"))
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "pdf_corpus"
WS = re.compile(r"\s+")

# our own writing: a fictional city's news
PARAGRAPHS = [
    "本报临川3月18日讯（记者 林晓岚）临川市今年新建的三座城市公园日前全部开园，市民在家门口就能散步健身。",
    "据市园林局介绍，三座公园共种植乔木一万二千余株，铺设健身步道十八公里，并配建了儿童游乐区和公共卫生间。",
    "家住东湖街道的退休教师周明华说：“以前锻炼要坐两站公交车，现在下楼走五分钟就到了，生活方便多了。”",
    "市园林局负责人表示，下一步将在老城区见缝插绿，利用闲置地块建设口袋公园，让更多市民享受绿色福利。",
    "今年以来，临川新区共完成绿化改造项目二十七个，新增绿地面积86.5万平方米，城市绿化覆盖率达到41%。",
    "市民可以通过“临川发布”APP查询各公园的开放时间和停车位信息，也可以在线提出意见和建议。",
]


def _lines(text: str, width: int, indent: int = 2) -> list[str]:
    """Text set `width` characters wide, the first line set in two (ASCII counted whole: a
    sketch of a page's lines, not its measure)."""
    out, cur = [], "\u3000" * indent
    for ch in text:
        if len(cur) >= width and ch not in "，。、；：！？”）":
            out.append(cur)
            cur = ""
        cur += ch
    out.append(cur)
    return out


def _layout(paragraphs: list[str], width: int, depth: int, slot: int, head: str | None = None) -> tuple[str, list[str]]:
    """The paragraphs set in columns `depth` lines deep, `slot` string columns apart, as
    pdftotext -layout writes them (an indent as spaces); returns the text and the columns'
    texts in reading order."""
    lines = [ln for p in paragraphs for ln in _lines(p, width)]
    cols = [lines[k:k + depth] for k in range(0, len(lines), depth)]
    rows = []
    if head:
        rows += [" " * (slot // 2) + head, ""]
    for r in range(depth):
        row = ""
        for k, col in enumerate(cols):
            if r < len(col):
                cell = col[r].replace("\u3000\u3000", "    ")
                # (a line too long for its slot pushes the next column's one space on, as pdftotext does)
                row = (row.ljust(k * slot) if k == 0 or len(row) < k * slot else row + " ") + cell
        rows.append(row.rstrip())
    return "\n".join(rows) + "\n", ["".join(col) for col in cols]


def _nows(s: str) -> str:
    return WS.sub("", s).replace("\u3000", "")


def test_columns_side_by_side_come_back_as_paragraphs():
    text, _ = _layout(PARAGRAPHS, 14, 6, 32, head="临川三座城市公园全部开园")
    lines, _ = split_lines(text)
    assert laid_out(lines)
    edition = build_edition(read_text(text))
    body = [el.text for _, _, el in edition.elements() if el.kind == Kind.BODY]
    assert [_nows(t) for t in body] == [_nows(p) for p in PARAGRAPHS]
    heads = [el.text for _, _, el in edition.elements() if el.kind == Kind.HEADLINE]
    assert heads == ["临川三座城市公园全部开园"]


def test_a_caption_across_a_gutter_is_set_apart_from_the_columns():
    text, _ = _layout(PARAGRAPHS, 14, 8, 32)
    rows = text.split("\n")
    # a caption set under a picture across the first two columns' gutter, on a row of its own
    rows.insert(4, " " * 20 + "图为新开园的东湖公园。（林晓岚 摄）")
    text = "\n".join(rows)
    blocks = read_text(text)
    caption = [b for b in blocks if "图为" in b.text]
    assert len(caption) == 1 and caption[0].text == "图为新开园的东湖公园。（林晓岚 摄）"
    edition = build_edition(blocks)
    body = [_nows(el.text) for _, _, el in edition.elements() if el.kind == Kind.BODY]
    assert body == [_nows(p) for p in PARAGRAPHS]


@pytest.mark.parametrize("text", [
    "\n".join(_lines("".join(PARAGRAPHS), 20, 0)),                     # wrapped at one width
    "\n".join(PARAGRAPHS),                                             # a paragraph a line
    "\n\n".join("\u3000\u3000" + p for p in PARAGRAPHS),               # set-in paragraphs
    "\n".join(f"{a}      {b}      {c}" for a, b, c in [("地区", "人口", "增长"), ("临川市", "八十万", "百分之二"),
                                                      ("东湖区", "十二万", "百分之三"), ("西塘区", "九万", "百分之一")] * 3),
    "记者   王明   报道\n" + "\n".join(PARAGRAPHS),                    # a gap inside one line
])
def test_texts_without_columns_side_by_side_are_read_line_by_line(text):
    assert not laid_out(split_lines(text)[0])


_PIECES = st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=8)


@settings(max_examples=int(80 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECES, st.integers(10, 18), st.integers(3, 14), st.integers(3, 10), st.booleans())
def test_columns_read_in_order_with_nothing_lost_or_added(paragraphs, width, depth, gutter, head):
    """Read column by column: the blocks' characters are the columns' own, in reading order
    (each column top to bottom, the columns left to right); only spaces differ."""
    text, cols = _layout(paragraphs, width, depth, width + 3 + gutter, head="临川新闻" if head else None)
    lines, offsets = split_lines(text)
    got = "".join(_nows(b.text) for b in read_columns(lines, offsets))
    assert got == ("临川新闻" if head else "") + "".join(_nows(c) for c in cols)


@settings(max_examples=int(80 * SCALE), deadline=None)
@given(st.lists(st.text(alphabet="临川市民公园，。、“”0123456789abc %  ", max_size=60), max_size=30))
def test_any_text_keeps_its_characters(rows):
    """Whatever the rows, reading them as columns loses and adds nothing but spaces."""
    text = "\n".join(rows)
    lines, offsets = split_lines(text)
    got = Counter("".join(_nows(b.text) for b in read_columns(lines, offsets)))
    assert got == Counter(_nows(text))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("page", ["front_plain", "tb_table"])
def test_pdftotext_layout_of_a_page_reads_as_its_paragraphs(page):
    """pdftotext -layout of pages of the PDF corpus (our own writing): every body paragraph
    whole, and every character of the text in the edition."""
    truth = json.loads((CORPUS / f"{page}.json").read_text(encoding="utf-8"))
    body = [_nows(e["text"]) for pg in truth["pages"] for s in pg.get("stories", []) for e in s if e.get("kind") == "body"]
    text = subprocess.run(["pdftotext", "-layout", str(CORPUS / f"{page}.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert laid_out(split_lines(text)[0])
    edition = build_edition(read_text(text), dehyphenate=False)
    out = [_nows(el.text) for _, _, el in edition.elements()]
    assert [b for b in body if b not in out] == []
    assert Counter("".join(out)) == Counter(_nows(text))


def test_stories_stacked_in_modules_are_read_story_by_story():
    """Two stories set in two columns, one under the other (the second's headline across both),
    beside a third column of another story: each story is read down its first column, then its
    second, before the story under it; the column beside comes after both."""
    a, b, c = PARAGRAPHS[:2], PARAGRAPHS[2:4], PARAGRAPHS[4:] * 2
    width, slot = 13, 30

    def columns(paragraphs: list[str], n: int) -> list[list[str]]:
        lines = [ln.replace("\u3000\u3000", "    ") for p in paragraphs for ln in _lines(p, width)]
        depth = -(-len(lines) // n)
        return [lines[k:k + depth] for k in range(0, len(lines), depth)]

    top, under, beside = columns(a, 2), columns(b, 2), columns(c, 1)
    grid: list[list[str]] = []
    for pair in (top, under):
        if pair is under:
            grid += [[], [" " * 22 + "临川老城区改造提速"], []]      # the second story's headline across both
        grid += [[pair[0][r], pair[1][r] if r < len(pair[1]) else ""] for r in range(len(pair[0]))]
    assert len(beside[0]) >= len(grid)          # the story beside runs down both modules
    grid += [[] for _ in range(len(beside[0]) - len(grid))]
    rows = []
    for r, cells in enumerate(grid):
        row = ""
        for k, cell in enumerate((cells + ["", ""])[:2] + ([beside[0][r]] if r < len(beside[0]) else [])):
            if cell:
                row = row.ljust(k * slot) + cell
        rows.append(row.rstrip())
    text = "\n".join(rows) + "\n"
    assert laid_out(split_lines(text)[0])
    edition = build_edition(read_text(text))
    body = [_nows(el.text) for _, _, el in edition.elements() if el.kind == Kind.BODY]
    assert body == [_nows(p) for p in a + b + c]
