"""PDF import of vertical text (竖排, `app/importers/pdf_vertical.py`), read with both readers.

The pages are made at test time by `fitpdf` (one glyph per BT/ET, our own invented news of the
fictional city of 澜州): a story set in vertical columns read right to left, with Latin and
figures turned to run down the page, a 2-digit tate-chu-yoko (縦中横: two half-width figures
upright side by side in one cell) and paragraphs that begin with an indented column; a
vertical headline (竖题) at the right of a story set across; a letter-spaced headline wrapped
in short lines, stacked as evenly as a column, that stays horizontal; and a 竖题 and a story
written with a vertical font (Identity-V: each column one Tj run, its glyphs stepping down by
themselves), whose glyphs both readers place where they print.
"""
from __future__ import annotations

import pytest

from galley.app.importers.pdf import read_pdf
from galley.app.pipeline import build_edition
from tests.app.importers import fitpdf as F

SIZE = 11.0
PITCH = 19.0          # column to column
PER_COLUMN = 12       # glyphs a column holds

# each paragraph: pieces of upright text and ("turned", text) / ("tcy", text) runs
PARAS = [
    [("", "澜州港今年开通至新加坡的班轮航线，每周两班，"), ("turned", "2024"), ("", "年首航货轮装载集装箱三百余个。")],
    [("", "港务集团表示，"), ("tcy", "12"), ("", "月起还将加密航班，并开通至巴生港的新航线，货主说运费比去年低了一成。")],
    [("", "码头新投用的"), ("turned", "5G"), ("", "智慧理货系统，让每个集装箱都有了自己的身份证。")],
]
TEXTS = ["".join(t for _, t in p) for p in PARAS]


def _cells(para: list[tuple[str, str]], font: F.Font) -> list[tuple[str, str, float]]:
    """The paragraph as cells down the columns: (kind, text, length in ems)."""
    out = []
    for kind, text in para:
        if kind == "turned":
            out.append((kind, text, sum(font.width(c) for c in text)))
        elif kind == "tcy":
            out.append((kind, text, 1.0))
        else:
            out.extend(("", c, 1.0) for c in text)
    return out


def set_vertical(page: F.Page, font: F.Font, right: float, top: float, paras, size: float = SIZE,
                 pitch: float = PITCH, per_column: int = PER_COLUMN) -> float:
    """Set paragraphs in columns from `right` leftwards, each opening two cells down; the x of
    the last column."""
    x = right - size
    for para in paras:
        used = 2.0            # the first-column indent
        for kind, text, ems in _cells(para, font):
            if used + ems > per_column + 0.01:
                x -= pitch
                used = 0.0
            cell_top = top + used * size
            if kind == "turned":       # turned 90° clockwise, written down the page
                F.run(page, font, x + 0.12 * size, cell_top, text, size, angle=-90)
            elif kind == "tcy":        # two half-width figures side by side in one cell
                w = sum(font.width(c) for c in text) * size
                F.glyphs(page, font, x + (size - w) / 2, cell_top + 0.88 * size, text, size)
            else:
                F.glyphs(page, font, x, cell_top + 0.88 * size, text, size)
            used += ems
        x -= pitch
    return x + pitch


def test_a_story_in_vertical_columns_reads_right_to_left(tmp_path, reader):
    """Columns read top to bottom, right to left; turned Latin and figures and a tate-chu-yoko
    pair are read in their place; an indented column opens a paragraph, a short one ends it."""
    w = F.Writer("".join(TEXTS) + "澜州港")
    font = w.font()
    page = w.page(400, 300)
    set_vertical(page, font, 380, 40, PARAS)
    pdf = tmp_path / "vertical.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == TEXTS


def test_a_vertical_headline_opens_the_story_beside_it(tmp_path, reader):
    """竖题 at the right of a story set across (read after it, left to right, by position):
    it comes first, and structure takes it for the story's headline."""
    from tests.app.importers.test_pdf_fit import BODY
    headline = "澜州港新航线开通"
    w = F.Writer(headline + "".join(BODY[:2]))
    font = w.font()
    page = w.page(300, 400)
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[:2], 9, 108)):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 108 - indent)
        F.run(page, font, 30 + indent, 60 + k * 13.5, text, 9, tc=tc)
    F.glyphs(page, font, 160, 70, headline, 24, vertical=True, pitch=25)
    pdf = tmp_path / "vhead.pdf"
    w.save(pdf)
    blocks = read_pdf(pdf)
    assert [b.text for b in blocks] == [headline, *BODY[:2]]
    assert blocks[0].role == "headline"
    story = build_edition(blocks).stories[0]
    assert story.elements[0].kind.value == "headline" and story.elements[0].text == headline


def test_a_wrapped_letter_spaced_headline_stays_across(tmp_path, reader):
    """A headline letter-spaced 0.5 em and wrapped in four short lines at 1.2 em leading stacks
    its glyphs as evenly as a column, but the file writes it line by line: it reads across."""
    rows = ["澜州扩建", "停车泊位", "惠及二十", "七户居民"]
    w = F.Writer("".join(rows))
    font = w.font()
    page = w.page(300, 300)
    for k, row in enumerate(rows):
        F.run(page, font, 40, 60 + k * 24 * 1.2, row, 24, tc=12)
    pdf = tmp_path / "tracked.pdf"
    w.save(pdf)
    assert "".join(b.text.replace(" ", "") for b in read_pdf(pdf)) == "".join(rows)


# a story in vertical columns written the way page systems write 竖排 with a vertical font:
# each column one Tj run in a Type0 font with Identity-V encoding (the glyphs step an em down
# the page by themselves), a 竖题 in two columns at its right
V_HEADLINE = ["澜州老城墙", "修缮完工"]
V_PARAS = ["历时两年的老城墙修缮工程日前完工，东段城楼重新向市民开放。",
           "修缮坚持“修旧如旧”，城砖大多取自原墙，缺损部分按古法烧制补齐。",
           "市文物部门表示，城墙沿线还将设置说明牌，讲述这段城墙的来历。"]


def _identity_v_page(path, *, tc: float = 0.0, story_across: bool = False) -> None:
    w = F.Writer("".join(V_HEADLINE) + "".join(V_PARAS))
    font = w.font()
    vfont = w.font(vertical=True)
    page = w.page(420, 340)
    x = 380.0
    for line in V_HEADLINE:                    # 竖题: 22 pt, columns 28 pt apart
        F.vrun(page, vfont, x, 40, line, 22, tc=tc)
        x -= 28
    if story_across:
        # the story set across, left of the 竖题, its first line level with the headline's top
        for k, (text, first, last) in enumerate(F.set_lines(font, V_PARAS, 9, 230)):
            indent = 18 if first else 0
            tc_h = 0.0 if last else F.justified(font, text, 9, 230 - indent)
            F.run(page, font, 80 + indent, 50 + 13.5 * k, text, 9, tc=tc_h)
        w.save(path)
        return
    x -= 12
    for para in V_PARAS:                       # body: 11 pt, 14 a column, the first one indented 2
        used, pos = 2, 0
        while pos < len(para):
            n = PER_COLUMN + 2 - used
            F.vrun(page, vfont, x, 40 + used * (SIZE + tc), para[pos:pos + n], SIZE, tc=tc)
            pos += n
            used = 0
            x -= PITCH
    w.save(path)


@pytest.mark.parametrize("tc", [0.0, 1.5], ids=["solid", "spaced"])
def test_identity_v_columns_read_top_to_bottom_right_to_left(tmp_path, reader, tc):
    pdf = tmp_path / "identity_v.pdf"
    _identity_v_page(pdf, tc=tc)
    blocks = read_pdf(pdf)
    assert [(b.text, b.role) for b in blocks] == [("".join(V_HEADLINE), "headline"), *((p, None) for p in V_PARAS)]


def test_identity_v_headline_opens_the_story_across(tmp_path, reader):
    pdf = tmp_path / "identity_v.pdf"
    _identity_v_page(pdf, story_across=True)
    blocks = read_pdf(pdf)
    assert [(b.text, b.role) for b in blocks] == [("".join(V_HEADLINE), "headline"), *((p, None) for p in V_PARAS)]


def test_identity_v_glyphs_stand_where_printed_with_both_readers(tmp_path, monkeypatch):
    """A vertical font's glyph: its box an em square hanging from the text origin, its baseline
    0.88 em below that origin (the default vertical metrics), with either reader."""
    from galley.app.importers.pdf import _read_glyphs
    pdf = tmp_path / "identity_v.pdf"
    _identity_v_page(pdf)
    found = {}
    for name in ("pdfium", "pdfplumber"):
        monkeypatch.setenv("GALLEY_PDF_READER", name)
        found[name] = sorted((round(g.x0), g.base) for g in _read_glyphs(pdf)[0].glyphs if g.size > 20)
    want = sorted((x, 40 + 22 * k + 0.88 * 22) for x, line in ((380.0, V_HEADLINE[0]), (352.0, V_HEADLINE[1]))
                  for k in range(len(line)))
    for name, got in found.items():
        assert [v for xy in got for v in xy] == pytest.approx([v for xy in want for v in xy], abs=0.05), name


# a narrow story with its 竖题 at its right, beside a commentary one column two wide (FIT pages
# set 时评 so): the 竖题 opens the narrow story, not the commentary
NEIGHBOUR_HEAD = "公园管护要靠大家"
NARROW_HEAD = "口袋公园开放"


def _narrow_story_page(path, *, neighbour_head: bool, rule: bool) -> None:
    from tests.app.importers.test_pdf_fit import BODY
    w = F.Writer(NEIGHBOUR_HEAD + NARROW_HEAD + "".join(BODY) + "（上接第一版）")
    font = w.font()
    page = w.page(420, 400)
    top = 60.0
    if neighbour_head:       # the commentary's headline level with the 竖题's top
        F.run(page, font, 40, top, NEIGHBOUR_HEAD, 16)
        top += 30
    else:                    # the commentary runs on from another page
        F.run(page, font, 30, top, "（上接第一版）", 9)
        top += 16
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[3:5], 9, 200)):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 200 - indent)
        F.run(page, font, 30 + indent, top + k * 13.5, text, 9, tc=tc)
    if rule:                 # a column rule between the commentary and the narrow story
        page.ops.append(f"0.5 w 241 {page.y(45):.2f} m 241 {page.y(340):.2f} l S")
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[:2], 9, 99)):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 99 - indent)
        F.run(page, font, 252 + indent, 60 + k * 13.5, text, 9, tc=tc)
    F.glyphs(page, font, 362, 70, NARROW_HEAD, 22, vertical=True, pitch=24)
    w.save(path)


@pytest.mark.parametrize(("neighbour_head", "rule"), [(True, False), (True, True), (False, True)],
                         ids=["beside-its-headline", "headline-and-rule", "column-rule"])
def test_a_vertical_headline_opens_only_the_narrow_story_beside_it(tmp_path, reader, neighbour_head, rule):
    """The walk back from the narrow story's first paragraph to where its run begins stops at
    the commentary's own headline (it stands over the commentary, not over the narrow story) and
    at a column rule: the commentary stays whole before the 竖题, which opens the narrow story."""
    from tests.app.importers.test_pdf_fit import BODY
    pdf = tmp_path / "narrow.pdf"
    _narrow_story_page(pdf, neighbour_head=neighbour_head, rule=rule)
    blocks = read_pdf(pdf)
    texts = [b.text.replace(" ", "") for b in blocks]
    first = [NEIGHBOUR_HEAD] if neighbour_head else ["（上接第一版）"]
    assert texts == [t.replace(" ", "") for t in (*first, BODY[3], BODY[4], NARROW_HEAD, BODY[0], BODY[1])]
    assert blocks[3].role == "headline"
    assert blocks[0].role == ("headline" if neighbour_head else "jump")
