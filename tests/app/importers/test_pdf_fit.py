"""PDF import of pages written the way 方正飞腾 (FIT) and similar page systems write them.

The pages are made at test time by `fitpdf` (raw content streams, our own invented news of the
fictional city of 澜州): one glyph per BT/ET placed by Tm with the size in the matrix and
`1 Tf`, glyphs of a line written out of order, lines justified by character spacing (Tc) and
horizontal scaling (Tz) so each line of a column has its own spacing, fake bold drawn three
times, invisible (Tr 3) copies, a 竖排 kicker one glyph a line, a rotated credit, an article
that runs around a photo, and fonts with no ToUnicode. Each page is read back and checked
for its exact text and order: every character once, no glyph doubled by fake bold, the lines
of a column in order.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from galley.app.errors import GalleyError
from galley.app.importers.pdf import read_pdf
from tests.app.importers import fitpdf as F

KICKER = "春耕一线"                       # 竖排, one glyph a line
HEADLINE = "澜州十二座口袋公园同步开放"
DECK = "——市民步行十五分钟可达一处绿地"
BODY = [
    ("本报讯（记者 孟子涵）4月2日，澜州市十二座口袋公园同步向市民开放。这批公园利用街角空地和"
     "拆违腾退地块建设，总面积约8.6公顷，每一座都配有座椅、饮水点和无障碍坡道。"),
    ("市园林局介绍，公园建设坚持“少硬化、多绿化”，保留原有大树一百二十株，新栽乔木和灌木三千余株。"
     "园内步道采用透水铺装，雨水可以就地下渗，减轻周边道路的排水压力。"),
    ("开园首日，不少居民带着孩子前来散步。家住西塘片区的退休教师秦玉兰说，过去出门只见车流，"
     "如今下楼五分钟就能坐在树荫下，生活一下子慢了下来。"),
    ("为管好用好这些公园，各街道组建了由居民、商户和志愿者组成的护园队，每天早晚两次巡查，"
     "发现设施损坏及时报修。市城管部门还开通了热线，市民可随时反映问题和建议。"),
    ("“公园建在家门口，管护也要靠大家。”东坪街道护园队队长冯振华说，队伍成立不到一个月，"
     "已有六十多名居民报名，年纪最大的七十三岁，最小的还在读高中。"),
    ("据悉，今年澜州还将新建口袋公园二十座，并推进绿道贯通工程，让公园之间连成网络，"
     "力争年底实现市民步行十五分钟可达一处绿地。"),
]
CAPTION = "新开放的滨河口袋公园一角。本报记者孟子涵摄"
CREDIT = "本版责任编辑韩立新"            # turned 90° counter-clockwise at the page's right edge

ALL = KICKER + HEADLINE + DECK + "".join(BODY) + CAPTION + CREDIT + "第3版澜州日报"

BODY_SIZE = 9.0
COL_CHARS = 12
LEAD = 13.5


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def make_front(path: Path, *, deck_unmapped: bool = False, hidden_offset: float = 0.02,
               photo_foot: bool = False) -> None:
    """A FIT-style module: 竖排 kicker, fake-bold headline written out of order with an invisible
    copy, a deck, three justified columns around a photo at the head of columns 2 and 3 (the
    article runs down column 1, then under the photo in 2 and 3), the photo's caption, a folio
    and a rotated credit."""
    w = F.Writer(ALL)
    font = w.font()
    deck_font = w.font(to_unicode=False) if deck_unmapped else font
    page = w.page(420, 520)
    left, col_w, gutter = 40.0, COL_CHARS * BODY_SIZE, 1.2 * BODY_SIZE
    F.run(page, font, left, 24, "第3版", 8)
    F.run(page, font, 330, 24, "澜州日报", 8)
    # 竖排 kicker down the left margin, one glyph a line
    F.glyphs(page, font, 14, 62, KICKER, 12, vertical=True, pitch=14)
    # headline: each glyph three times (fake bold), glyphs written in a scrambled order, and an
    # invisible copy for search a little off the visible one
    F.glyphs(page, font, left, 70, HEADLINE, 26, bold=3, shuffle=7, tz=95)
    F.glyphs(page, font, left + hidden_offset * 26, 70, HEADLINE, 26, render=3, tz=95)
    F.run(page, deck_font, left + 2 * 14, 98, DECK, 14, tc=0.5)
    top = 130.0
    rows = 22
    photo_rows = 9
    slots = []
    for col in range(3):
        x = left + col * (col_w + gutter)
        if photo_foot:    # the photo at the foot of columns 1 and 2: the article runs over it
            slots += [(x, top + r * LEAD) for r in range(rows - photo_rows if col < 2 else rows)]
        else:             # at the head of columns 2 and 3: the article runs down column 1 first
            slots += [(x, top + r * LEAD) for r in range(0 if col == 0 else photo_rows, rows)]
    lines = F.set_lines(font, BODY, BODY_SIZE, col_w)
    assert len(lines) <= len(slots), "the test page is too small for its text"
    for k, ((text, first, last), (x, y)) in enumerate(zip(lines, slots, strict=False)):
        indent = 2 * BODY_SIZE if first else 0.0
        width = col_w - indent
        if k % 3 == 0:
            # glyph by glyph, out of order, spread to the width
            tc = 0.0 if last else F.justified(font, text, BODY_SIZE, width)
            F.glyphs(page, font, x + indent, y, text, BODY_SIZE, tc=tc, shuffle=k)
        else:
            # one run: justified by Tc, narrowed by Tz on every other line
            tz = 96.0 if k % 3 == 2 else 100.0
            tc = 0.0 if last else F.justified(font, text, BODY_SIZE, width, tz)
            F.run(page, font, x + indent, y, text, BODY_SIZE, tc=tc, tz=tz)
    x2 = left if photo_foot else left + col_w + gutter
    y2 = top + (rows - photo_rows) * LEAD if photo_foot else top
    photo_w = 2 * col_w + gutter
    page.images.append((x2, y2 - 0.8 * BODY_SIZE, photo_w, (photo_rows - 1.6) * LEAD))
    F.run(page, font, x2, y2 + (photo_rows - 1.1) * LEAD, CAPTION, 7.5)
    F.run(page, font, 408, 470, CREDIT, 7, angle=90)
    w.save(path)


@pytest.mark.parametrize("photo_foot", [False, True], ids=["photo_head", "photo_foot"])
def test_fit_page_reads_whole_and_in_order(tmp_path, reader, photo_foot):
    pdf = tmp_path / "fit.pdf"
    make_front(pdf, photo_foot=photo_foot)
    texts = [b.text for b in read_pdf(pdf)]
    assert [t for t in texts if t in BODY] == BODY, "\n".join(texts)
    for whole in (KICKER, HEADLINE, DECK, CAPTION, CREDIT):
        assert whole in texts, (whole, texts)
    assert texts.index(KICKER) < texts.index(HEADLINE) < texts.index(DECK) < texts.index(BODY[0])
    # every character once: fake bold and the invisible copy leave nothing doubled
    assert sorted(_nows("".join(texts))) == sorted(_nows(ALL))
    assert "".join(texts).count("口袋公园同步开放") == 1


def test_headline_with_invisible_copy_further_off_is_read_once(tmp_path):
    """PDFium tells invisible text (Tr 3) apart: a copy a third of an em off the visible
    headline is still a copy (pdfplumber does not say which text is invisible)."""
    pdf = tmp_path / "fit.pdf"
    make_front(pdf, hidden_offset=0.3)
    texts = [b.text for b in read_pdf(pdf)]
    assert HEADLINE in texts
    assert sorted(_nows("".join(texts))) == sorted(_nows(ALL))


def test_font_without_tounicode_is_read_from_its_cmap(tmp_path, reader):
    """An Identity-H font with no ToUnicode: the codes are glyph ids of the embedded font, read
    back through the font's own cmap."""
    pdf = tmp_path / "fit.pdf"
    make_front(pdf, deck_unmapped=True)
    texts = [b.text for b in read_pdf(pdf)]
    assert DECK in texts
    assert "\ufffd" not in "".join(texts)


def _label_page(path: Path, label_type3: bool, body_type3: bool) -> None:
    w = F.Writer(KICKER + BODY[2][:60])      # a Type3 font holds at most 255 glyphs
    font = w.font()
    t3 = w.font(type3=True)
    page = w.page(300, 300)
    F.run(page, t3 if label_type3 else font, 30, 40, KICKER, 12)
    for k, text in enumerate(BODY[2][i:i + 20] for i in range(0, 60, 20)):
        F.run(page, t3 if body_type3 else font, 30, 80 + 14 * k, text, 9)
    w.save(path)


def test_type3_label_reads_as_replacement_and_is_reported(tmp_path, reader, caplog):
    pdf = tmp_path / "t3.pdf"
    _label_page(pdf, label_type3=True, body_type3=False)
    with caplog.at_level(logging.WARNING):
        texts = [b.text for b in read_pdf(pdf)]
    assert "\ufffd" * len(KICKER) in texts
    assert BODY[2][:60] in texts
    assert any("no Unicode mapping" in r.getMessage() and "page 1" in r.getMessage() for r in caplog.records)


def test_page_in_a_font_without_mapping_is_refused_clearly(tmp_path, reader):
    pdf = tmp_path / "t3.pdf"
    _label_page(pdf, label_type3=True, body_type3=True)
    with pytest.raises(GalleyError) as err:
        read_pdf(pdf)
    assert "no Unicode mapping" in err.value.message and "page 1" in err.value.message


def test_a_page_whose_mapping_was_made_up_is_refused_clearly(tmp_path, reader):
    """A page printed to PostScript and distilled again: its font maps every Chinese glyph to a
    dingbat. The reader refuses it and says why, instead of handing on ✁✂✄ as text."""
    pdf = tmp_path / "distilled.pdf"
    w = F.Writer(KICKER + BODY[2][:60])
    font = w.font(made_up=True)
    page = w.page(300, 300)
    F.run(page, font, 30, 40, KICKER, 12)
    for k, text in enumerate(BODY[2][i:i + 20] for i in range(0, 60, 20)):
        F.run(page, font, 30, 80 + 14 * k, text, 9)
    w.save(pdf)
    with pytest.raises(GalleyError) as err:
        read_pdf(pdf)
    assert "made up" in err.value.message and "PostScript" in err.value.message and "page 1" in err.value.message


def test_vertical_headline_and_label_read_top_to_bottom(tmp_path, reader):
    """竖排: a headline and a body-size label set one glyph a line beside the columns are one
    line each, read top to bottom, before the column beside them."""
    headline, label = "绿色澜州", "社区新闻速递"
    w = F.Writer(headline + label + "".join(BODY[:2]))
    font = w.font()
    page = w.page(300, 400)
    F.glyphs(page, font, 20, 60, headline, 20, vertical=True, pitch=24, bold=2)
    F.glyphs(page, font, 52, 60, label, 9, vertical=True, pitch=11, shuffle=3)
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[:2], 9, 108)):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 108 - indent)
        F.run(page, font, 70 + indent, 60 + k * 13.5, text, 9, tc=tc)
    pdf = tmp_path / "vertical.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == [headline, label, *BODY[:2]]


def test_fake_bold_of_display_type_is_read_once(tmp_path, reader):
    """A 48 pt headline drawn four times, 0.03 em (1.4 pt) apart across and down."""
    headline = "澜州港吞吐量创新高"
    w = F.Writer(headline + BODY[3])
    font = w.font()
    page = w.page(560, 300)
    F.glyphs(page, font, 30, 80, headline, 48, bold=4, shuffle=1)
    F.run(page, font, 30, 130, BODY[3][:40], 9)
    pdf = tmp_path / "bold.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == [headline, BODY[3][:40]]


@pytest.mark.parametrize("offset", [0.1, 0.15, 0.2])
def test_headline_with_a_shadow_is_read_once(tmp_path, reader, offset):
    """阴影字 and 立体字: a headline drawn first as its shadow, offset down and right by up to a
    fifth of an em (or as three layers of a 3-D effect), then its face on top; the body text below
    has a character set twice in a row (谢谢), which stays twice."""
    headline, body = "澜州港吞吐量创新高", "港务集团向全体职工道谢谢意不言而喻，今年货运量再创新高。"
    w = F.Writer(headline + body)
    font = w.font()
    page = w.page(560, 300)
    for layer in (3, 2, 1):
        F.run(page, font, 30 + layer * offset / 3 * 36, 80 + layer * offset / 3 * 36, headline, 36)
    F.run(page, font, 30, 80, headline, 36)
    F.run(page, font, 30, 130, body, 10.5, tc=-1.0)
    pdf = tmp_path / "shadow.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == [headline, body]


# two columns side by side, set by hand: a line whose next word would not fit is spread wide
# (five glyphs across twelve ems), every line has its own spacing, some are narrowed by Tz
UNEVEN = [[("澜州港今年开通至新加", 1), ("坡的班轮航线，每周两", 0), ("班，单程约九天。首航", 0), ("货轮装载了", 0),
           ("Shenzhen-Express号的", 0), ("集装箱三百二十个，货主", 0), ("说运费比去年低了一成。", 2)],
          [("港务集团表示，下半年", 1), ("还将加密航班，并开通", 0), ("至马来西亚巴生港的", 0), ("新航线。", 2),
           ("澜州港是我国西部重要", 1), ("出海口，去年吞吐量", 0), ("突破八千万吨。", 2)]]


def _paras(column: list[tuple[str, int]]) -> list[str]:
    out: list[str] = []
    for text, flag in column:
        if flag == 1:
            out.append("")
        out[-1] += text
    return out


def test_columns_with_uneven_letter_spacing(tmp_path, reader):
    w = F.Writer("".join(t for c in UNEVEN for t, _ in c))
    font = w.font()
    page = w.page(320, 300)
    col = 108.0
    for ci, column in enumerate(UNEVEN):
        for k, (text, flag) in enumerate(column):
            indent = 18.0 if flag == 1 else 0.0
            x, top = 40 + ci * (col + 10) + indent, 60 + 13.5 * k
            tz = 94.0 if k % 3 else 100.0
            tc = 0.0 if flag == 2 else F.justified(font, text, 9, col - indent, tz)
            if k % 2:
                F.glyphs(page, font, x, top, text, 9, tc=tc, tz=tz, shuffle=k)
            else:
                F.run(page, font, x, top, text, 9, tc=tc, tz=tz)
    pdf = tmp_path / "uneven.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == _paras(UNEVEN[0]) + _paras(UNEVEN[1])


def test_page_scaled_by_cm(tmp_path, reader):
    """The whole page written at ten times its size under `0.1 0 0 0.1 cm`, glyphs at 90 pt."""
    w = F.Writer("".join(t for t, _ in UNEVEN[1]))
    font = w.font()
    page = w.page(320, 300)
    big = F.Page(3200, 3000)
    for k, (text, flag) in enumerate(UNEVEN[1]):
        indent = 18.0 if flag == 1 else 0.0
        tc = 0.0 if flag == 2 else F.justified(font, text, 9, 108 - indent)
        F.glyphs(big, font, 10 * (40 + indent), 10 * (60 + 13.5 * k), text, 90, tc=10 * tc, shuffle=k)
    page.ops += ["q 0.1 0 0 0.1 0 0 cm", *big.ops, "Q"]
    pdf = tmp_path / "cm.pdf"
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == _paras(UNEVEN[1])


@pytest.mark.parametrize("encoding", ["GBK-EUC-H", "Identity-H"])
def test_font_not_embedded_with_gb1_character_collection(tmp_path, reader, encoding):
    """方正 fonts left unembedded: a CID font of the Adobe-GB1 collection, its codes GBK bytes
    (GBK-EUC-H) or Adobe-GB1 CIDs (Identity-H), no ToUnicode: the collection says what each is."""
    import pikepdf
    from pdfminer.cmapdb import CMapDB
    from pikepdf import Array, Dictionary, Name

    text = "澜州港今年开通至新加坡的班轮航线，每周两班。"
    gbk = CMapDB.get_cmap("GBK-EUC-H")
    codes = ([ch.encode("gbk").hex() for ch in text] if encoding == "GBK-EUC-H"
             else [f"{next(iter(gbk.decode(ch.encode('gbk')))):04X}" for ch in text])
    pdf = pikepdf.new()
    descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name("/FZSSK--GBK1-0"), Flags=4,
                            FontBBox=Array([0, -120, 1000, 880]), ItalicAngle=0, Ascent=880, Descent=-120,
                            CapHeight=700, StemV=80)
    cid = Dictionary(Type=Name.Font, Subtype=Name.CIDFontType0, BaseFont=Name("/FZSSK--GBK1-0"),
                     CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("GB1"),
                                              Supplement=2),
                     FontDescriptor=descriptor, DW=1000)
    font = Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/FZSSK--GBK1-0"),
                      Encoding=Name("/" + encoding), DescendantFonts=Array([pdf.make_indirect(cid)]))
    ops = [f"BT 9 0 0 9 {40 + 9 * k} 250 Tm /F1 1 Tf <{code}> Tj ET" for k, code in enumerate(codes)]
    page = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 300, 300]),
                      Resources=Dictionary(Font=Dictionary(F1=pdf.make_indirect(font))),
                      Contents=pdf.make_stream("\n".join(ops).encode()))
    pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))
    path = tmp_path / "gb1.pdf"
    pdf.save(path)
    assert [b.text for b in read_pdf(path)] == [text]


def test_unreadable_label_is_an_error_finding_of_check(tmp_path):
    """What the reader could not map reaches the editor as a `check` error on the very span."""
    from galley.app.pipeline import load_edition
    from galley.app.proof import check_edition
    pdf = tmp_path / "t3.pdf"
    _label_page(pdf, label_type3=True, body_type3=False)
    edition = load_edition(pdf)
    hits = [f for f in check_edition(edition) if f.rule == "chars.unreadable"]
    assert [(f.text, f.severity) for f in hits] == [("\ufffd" * len(KICKER), "error")]
    assert edition.text()[hits[0].start:hits[0].end] == "\ufffd" * len(KICKER)


@pytest.mark.parametrize("between", ["\u3000", "gap"], ids=["ideographic_space", "wide_gap"])
def test_footer_fields_apart_are_one_furniture_line(tmp_path, reader, between):
    """本版编辑：…　校对：… at the page's foot: its two fields, set apart by a full-width space
    (written as a glyph, which the reader drops) or by a gap of two ems, are one furniture
    line, not two; the paper's name and the folio, spread across the 版眉, stay apart."""
    editor, proof = "本版编辑：孟子涵", "校对：冯振华"
    w = F.Writer(editor + proof + "\u3000" + "".join(BODY[:3]) + "第3版澜州日报")
    font = w.font()
    page = w.page(300, 420)
    F.run(page, font, 30, 30, "澜州日报", 8)
    F.run(page, font, 240, 30, "第3版", 8)
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[:3], 9, 240)):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 240 - indent)
        F.run(page, font, 30 + indent, 60 + k * 13.5, text, 9, tc=tc)
    if between == "gap":
        F.run(page, font, 270 - 8 * (len(editor) + len(proof) + 2), 400, editor, 8)
        F.run(page, font, 270 - 8 * len(proof), 400, proof, 8)
    else:
        F.run(page, font, 270 - 8 * (len(editor) + len(proof) + 1), 400, editor + "\u3000" + proof, 8)
    pdf = tmp_path / "footer.pdf"
    w.save(pdf)
    blocks = read_pdf(pdf)
    furniture = [_nows(b.text) for b in blocks if b.role == "furniture"]
    assert furniture == ["澜州日报", "第3版", editor + proof]
    assert [b.text for b in blocks if b.role is None] == BODY[:3]


def test_footer_beside_a_longer_column_is_furniture(tmp_path, reader):
    """A 本版编辑 line set at the foot of the right-hand column, beside a left-hand column that
    runs on further down the page: nothing stands under it, so it is furniture, not body."""
    footer = "本版编辑：孟子涵　校对：冯振华"
    w = F.Writer(footer + "".join(BODY[:4]))
    font = w.font()
    page = w.page(300, 420)
    left, right = F.set_lines(font, BODY[:3], 9, 120), F.set_lines(font, BODY[3:4], 9, 120)
    pitch = 340 / (len(left) - 1)           # the left column from 60 down to 400, under the footer
    assert 12 < pitch < 20 and 60 + 13.5 * len(right) < 370
    for x, col, step in ((20.0, left, pitch), (160.0, right, 13.5)):
        for k, (text, first, last) in enumerate(col):
            indent = 18 if first else 0
            tc = 0.0 if last else F.justified(font, text, 9, 120 - indent)
            F.run(page, font, x + indent, 60 + step * k, text, 9, tc=tc)
    F.run(page, font, 280 - 8 * len(footer), 390, footer, 8)
    pdf = tmp_path / "footer.pdf"
    w.save(pdf)
    blocks = read_pdf(pdf)
    assert [_nows(b.text) for b in blocks if b.role == "furniture"] == [_nows(footer)]
    assert [b.text for b in blocks if b.role is None] == BODY[:4]


def _masthead_page(path: Path, *, name: str, name_size: float, marks: list[tuple[float, str]],
                   centred: bool) -> None:
    """A page under a 版眉: `name` at the left in `name_size`, each of `marks` (x, text) in 9 pt,
    on the name's baseline or centred on its height; a rule under it, a 24 pt headline and
    two columns of body."""
    w = F.Writer(name + "".join(t for _, t in marks) + HEADLINE + "".join(BODY))
    font = w.font()
    page = w.page(420, 520)
    F.run(page, font, 30, 44, name, name_size)
    for x, text in marks:
        F.run(page, font, x, 44 - (name_size - 9) * 0.4 if centred else 44, text, 9)
    page.ops.append(f"0.8 w 30 {page.y(52):.2f} m 390 {page.y(52):.2f} l S")
    F.run(page, font, 40, 90, HEADLINE, 24)
    for k, (text, first, last) in enumerate(F.set_lines(font, BODY[:5], 9, 170)):
        col, row = divmod(k, 26)
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 170 - indent)
        F.run(page, font, 30 + col * 190 + indent, 120 + row * 13.5, text, 9, tc=tc)
    w.save(path)


@pytest.mark.parametrize("centred", [False, True], ids=["on_baseline", "centred"])
@pytest.mark.parametrize("name_size", [13.5, 16.0, 22.0, 28.0])
def test_a_large_paper_name_in_the_masthead_is_furniture(tmp_path, reader, name_size, centred):
    """The paper's name set in display type in the 版眉 (16 to 28 pt over a 9 pt body) beside
    the date and 第N版 is furniture, like its fields; the page's headline stays its headline."""
    marks = [(150.0, "2026年8月4日 星期二"), (336.0, "第3版 要闻")]
    pdf = tmp_path / "masthead.pdf"
    _masthead_page(pdf, name="澜州日报", name_size=name_size, marks=marks, centred=centred)
    blocks = read_pdf(pdf)
    assert [_nows(b.text) for b in blocks if b.role == "furniture"] == ["澜州日报", "2026年8月4日星期二", "第3版要闻"]
    assert [b.text for b in blocks if b.role == "headline"] == [HEADLINE]
    assert [b.text for b in blocks if b.role is None] == BODY[:5]


def test_a_short_headline_beside_a_bare_folio_stays_a_headline(tmp_path, reader):
    """A short headline at the top of a page with no 版眉, level with a bare folio number in
    the corner: a number says nothing of the line beside it, which stays the headline."""
    pdf = tmp_path / "folio.pdf"
    _masthead_page(pdf, name="口袋公园开放", name_size=22.0, marks=[(380.0, "3")], centred=False)
    blocks = read_pdf(pdf)
    assert [b.text for b in blocks if b.role == "furniture"] == ["3"]
    assert blocks[1].text == "口袋公园开放" and blocks[1].role in ("headline", "kicker")
