"""PDF import: multi-column pages come back as whole paragraphs in reading order.

The test pages are made here with reportlab (our own invented text about the fictional city
of 青湾市), set the way a newspaper sets them: a character grid, 2-character first-line
indents, paragraphs running on from the foot of one column to the head of the next (cut
mid-word), a headline block spanning the columns, and a boxed sidebar.
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from galley.app.errors import GalleyError
from galley.app.importers import read_blocks
from galley.app.importers.pdf import Glyph, build_lines, dedupe, read_pdf

ROOT = Path(__file__).resolve().parents[3]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

KICKER = "聚焦民生实事 建设宜居城市"
HEADLINE = "青湾新区生态公园全面开放"
DECK = "——十二处口袋公园同步投用,市民出行更便利"
BODY = [
    ("本报讯(记者 林晓岚)5月18日,青湾新区生态公园正式向市民开放。公园占地约六十公顷,沿青湾河两岸布局,"
    "建有滨水步道、林下广场和儿童游乐区,成为城市东部新的休闲去处。"),
    ("据介绍,公园建设坚持“少硬化、多绿化”的思路,保留原有湿地和树林,新栽乔木四千余株,"
    "种植水生植物二十多个品种。园内步道全部采用透水材料,雨水可以就地下渗,减轻了周边道路的排水压力。"),
    ("为方便市民游览,公交公司新开通两条接驳线路,在公园南门和北门分别设站。"
    "市城管部门还在园区周边增设停车泊位三百余个,并在节假日安排志愿者引导游客有序停车。"),
    ("开园当天,不少市民早早来到公园散步、骑行。家住附近的退休教师周明华说:“以前这里是一片荒地,"
    "现在推开窗就能看到绿树和河水,生活环境越来越好了。”"),
    ("今年以来,青湾市把建设口袋公园列入民生实事,利用街角空地、拆违腾退地块等见缝插绿,"
    "已建成口袋公园十二处。下一步,全市还将推进绿道贯通工程,让公园之间连成网络,"
    "市民步行十五分钟即可到达一处公园。"),
    ("市园林局负责人表示,公园开放后将实行精细化管护,建立日常巡查制度,及时修复损坏设施,"
    "同时广泛听取市民意见,不断完善服务功能,让公园真正成为群众身边的幸福空间。"),
]
SIDEBAR_TITLE = "公园小贴士"
SIDEBAR = ["开放时间:每日6:00至22:00", "园内禁止燃放烟花爆竹", "请勿攀折花木、投喂野生动物",
           "咨询电话:0000-12345"]
CAPTION = "图为青湾新区生态公园滨水步道。 (记者 林晓岚 摄)"


def _register_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))


@dataclass
class SetLine:
    text: str
    para: int
    first: bool
    last: bool


NO_START = set("，。、：；！？）》”’,.:;!?)")


def set_lines(paragraphs: list[str], width: float, size: float) -> list[SetLine]:
    """Break paragraphs into lines of at most `width` points, 2-character indent on the first
    line, no closing punctuation at a line start (the character before is pushed down)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    out = []
    for k, para in enumerate(paragraphs):
        pos, first = 0, True
        while pos < len(para):
            room = width - (2 * size if first else 0)
            end = pos
            while end < len(para) and stringWidth(para[pos:end + 1], "WQY", size) <= room + 0.01:
                end += 1
            if end < len(para) and para[end] in NO_START and end - pos > 2:
                end -= 1
            out.append(SetLine(para[pos:end], k, first, end >= len(para)))
            pos, first = end, False
    return out


def draw_justified(c, x: float, y: float, text: str, width: float, size: float, justify: bool) -> None:
    """Draw a line character by character, spreading the gaps so that it fills `width`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    c.setFont("WQY", size)
    extra = (width - stringWidth(text, "WQY", size)) / (len(text) - 1) if justify and len(text) > 1 else 0.0
    for ch in text:
        c.drawString(x, y, ch)
        x += stringWidth(ch, "WQY", size) + extra


def make_page(path: Path, *, columns: int = 4, lines_per_column: int = 12, body: float = 9.0,
              col_chars: int = 13, gutter_em: float = 1.0, sidebar: bool = True, fake_bold: bool = False,
              pages: int = 1, box_in_column: int | None = None, box_at_row: int = 4) -> dict:
    """A newspaper-style page: spanning headline block, body threading through the columns,
    the last column shortened by a boxed sidebar (or, with `box_in_column`, the box set in the
    middle of that column with the text running on below it). Returns where each column was cut."""
    from reportlab.pdfgen import canvas
    _register_font()
    lead = body * 1.5
    col_w = col_chars * body
    gutter = gutter_em * body
    left = 40.0
    width = left * 2 + columns * col_w + (columns - 1) * gutter
    top_body = 170.0
    height = top_body + lines_per_column * lead + 60
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)
    cuts = []
    around_box = None
    for _ in range(pages):
        c.setFillColorCMYK(0, 0, 0, 1)

        def text_at(x, y_top, s, size, font="WQY"):
            c.setFont(font, size)
            c.drawString(x, height - y_top, s)
            if fake_bold and size > 20:
                c.drawString(x + 0.3, height - y_top, s)

        text_at(left, 60, KICKER, 13)
        text_at(left, 100, HEADLINE, 26)
        text_at(left + 2 * body, 130, DECK, 13)
        lines = set_lines(BODY, col_w, body)
        box_lines = len(SIDEBAR) + 3 if sidebar else 0
        box_col = columns - 1 if box_in_column is None else box_in_column
        box_row = lines_per_column - box_lines if box_in_column is None else box_at_row
        i = 0
        for col in range(columns):
            x = left + col * (col_w + gutter)
            for row in range(lines_per_column):
                if i >= len(lines):
                    break
                if col == box_col and box_row <= row < box_row + box_lines:
                    continue
                ln = lines[i]
                indent = 2 * body if ln.first else 0
                draw_justified(c, x + indent, height - (top_body + row * lead), ln.text, col_w - indent, body,
                               justify=not ln.last)
                i += 1
                if col == box_col and row == box_row - 1 and i < len(lines):
                    around_box = ln.text[-2:] + lines[i].text[:2]
            if 0 < i < len(lines):
                cuts.append((lines[i - 1].text, lines[i].text, lines[i - 1].para == lines[i].para))
        assert i == len(lines), "the test page is too small for its text"
        if sidebar:
            x = left + box_col * (col_w + gutter)
            y0 = top_body + (box_row - 0.5) * lead
            y1 = top_body + (box_row + box_lines - 1) * lead
            c.setStrokeColorCMYK(0, 0, 0, 1)
            c.rect(x, height - y1, col_w, y1 - y0, stroke=1, fill=0)
            text_at(x + body, y0 + 1.5 * body + 4, SIDEBAR_TITLE, 11)
            for k, item in enumerate(SIDEBAR):
                text_at(x + body * 0.5, y0 + 1.5 * body + 4 + (k + 1) * 12.5, item, 8)
        text_at(left, height - 25, CAPTION, 7.5)
        c.showPage()
    c.save()
    return {"cuts": cuts, "around_box": around_box}


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _chars(s: str) -> list[str]:
    return sorted(_nows(s))


def test_page_comes_back_as_whole_paragraphs(tmp_path, reader):
    pdf = tmp_path / "page.pdf"
    info = make_page(pdf)
    # the page really cuts paragraphs at column ends
    assert sum(1 for *_, same in info["cuts"] if same) >= 2
    blocks = read_pdf(pdf)
    texts = [b.text for b in blocks]
    assert texts[:3] == [KICKER, HEADLINE, DECK]
    body = [t for t in texts if t in BODY]
    assert body == BODY, "\n".join(texts)
    assert SIDEBAR_TITLE in texts
    for item in SIDEBAR:
        assert item in texts
    assert texts.index(SIDEBAR[0]) > texts.index(SIDEBAR_TITLE)
    assert _nows(CAPTION) in [_nows(t) for t in texts]
    # every character once: nothing lost, nothing doubled
    source = KICKER + HEADLINE + DECK + "".join(BODY) + SIDEBAR_TITLE + "".join(SIDEBAR) + CAPTION
    assert _chars("".join(texts)) == _chars(source)
    assert all(b.page == 1 for b in blocks)
    assert all(b.blank_before for b in blocks)
    assert [b.index for b in blocks] == list(range(len(blocks)))


def _turned(src: Path, dst: Path, how: str) -> None:
    """The page shown the same way but stored otherwise: `rotate` only sets /Rotate 90 (the text
    upright in the page's own space, shown turned); `stored` draws the content turned a quarter
    clockwise on a landscape page and sets /Rotate 270, so it shows upright; `upside` turns it
    half round and sets /Rotate 180."""
    import pikepdf
    with pikepdf.open(src) as pdf:
        for p in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in p.MediaBox)
            w, h = x1 - x0, y1 - y0
            if how == "rotate":
                p.Rotate = 90
                continue
            p.contents_coalesce()
            data = p.Contents.read_bytes()
            if how == "stored":
                p.Contents = pdf.make_stream(f"q 0 -1 1 0 0 {w} cm\n".encode() + data + b"\nQ")
                p.MediaBox = [0, 0, h, w]
                p.Rotate = 270
            else:
                p.Contents = pdf.make_stream(f"q -1 0 0 -1 {w} {h} cm\n".encode() + data + b"\nQ")
                p.Rotate = 180
        pdf.save(dst)


@pytest.mark.parametrize("how", ["rotate", "stored", "upside"])
def test_a_page_stored_turned_reads_as_it_is_shown(tmp_path, how):
    pdf, turned = tmp_path / "page.pdf", tmp_path / f"{how}.pdf"
    make_page(pdf)
    _turned(pdf, turned, how)
    want = [b.text for b in read_pdf(pdf)]
    assert [b.text for b in read_pdf(turned)] == want
    assert want[:3] == [KICKER, HEADLINE, DECK]


def test_paragraph_cut_mid_word_at_column_end_is_joined(tmp_path, reader):
    pdf = tmp_path / "page.pdf"
    info = make_page(pdf, columns=3, lines_per_column=16, sidebar=False)
    cut = [(a, b) for a, b, same in info["cuts"] if same]
    assert cut
    texts = [b.text for b in read_pdf(pdf)]
    for a, b in cut:
        seam = a[-2:] + b[:2]
        assert any(seam in t for t in texts), seam
    assert [t for t in texts if t in BODY] == BODY


def test_sidebar_does_not_break_the_paragraph_it_interrupts(tmp_path, reader):
    """The last column is cut short by the box: the paragraph flows on, the box items follow it."""
    pdf = tmp_path / "page.pdf"
    info = make_page(pdf, columns=4, lines_per_column=16, box_in_column=1, box_at_row=3)
    texts = [b.text for b in read_pdf(pdf)]
    assert [t for t in texts if t in BODY] == BODY
    # the paragraph running past the box is whole, and the box's items come right after it
    para = next(p for p in BODY if info["around_box"] in p)
    assert texts.index(SIDEBAR_TITLE) == texts.index(para) + 1
    assert texts[texts.index(SIDEBAR_TITLE) + 1:texts.index(SIDEBAR_TITLE) + 5] == SIDEBAR


def test_fake_bold_headline_is_read_once(tmp_path):
    pdf = tmp_path / "bold.pdf"
    make_page(pdf, fake_bold=True)
    texts = [b.text for b in read_pdf(pdf)]
    assert HEADLINE in texts
    assert "".join(texts).count("生态公园全面开放") == 1


def test_dedupe_keeps_real_repeats():
    g = [Glyph("哈", 10, 19, 100, 9), Glyph("哈", 19, 28, 100, 9), Glyph("哈", 10.3, 19.3, 100, 9),
         Glyph("l", 5, 5.9, 50, 4), Glyph("l", 5.9, 6.8, 50, 4)]
    assert [(x.text, x.x0) for x in dedupe(g)] == [("哈", 10), ("哈", 19), ("l", 5), ("l", 5.9)]
    # set tight (an advance of 0.8 em), or on the next line: still two
    g = [Glyph("谢", 10, 20, 100, 10), Glyph("谢", 18, 28, 100, 10), Glyph("谢", 10, 20, 112, 10)]
    assert len(dedupe(g)) == 3


def test_dedupe_drops_a_shadow_under_the_face():
    """A headline's shadow drawn first, 0.15 em down and right of the face drawn after it: the
    face is kept (and the body text under it, set in the page's commonest size)."""
    shadow = [Glyph(c, 13 + 20 * k, 31 + 20 * k, 103, 20) for k, c in enumerate("澜州港")]
    face = [Glyph(c, 10 + 20 * k, 28 + 20 * k, 100, 20) for k, c in enumerate("澜州港")]
    body = [Glyph(c, 10 + 9 * k, 19 + 9 * k, 130, 9) for k, c in enumerate("澜州港今年吞吐量")]
    kept = [(g.text, g.x0, g.base) for g in face + body]
    assert [(x.text, x.x0, x.base) for x in dedupe(shadow + face + body)] == kept


def test_a_squeezed_pair_of_quote_marks_reads_in_order():
    """”“ squeezed into one em (xeCJK, 开明式 setting): the two boxes nearly coincide, the opening
    mark's a hair to the left of the closing one's, as xdvipdfmx places them. Read by where their
    ink is (a closing mark's in its box's left half, an opening mark's in its right half), the
    line is 以人为本”“绿色, not 以人为本“”绿色."""
    row = [Glyph("本", 789.28, 799.78, 173.19, 10.5), Glyph("”", 799.78, 810.28, 173.19, 10.5),
           Glyph("“", 799.72, 810.22, 173.19, 10.5), Glyph("绿", 810.22, 820.72, 173.19, 10.5),
           Glyph("，", 820.72, 831.22, 173.19, 10.5), Glyph("（", 826.0, 836.5, 173.19, 10.5)]
    assert [line.text for line in build_lines(row)] == ["本”“绿，（"]


def test_a_page_whose_media_box_is_in_its_page_tree_reads_whole(tmp_path, reader):
    """xdvipdfmx (XeLaTeX) writes a page's MediaBox once, in the page tree, and the page inherits
    it; PDFium's box getters read the page's own dictionary only. A broadsheet-sized page read as
    US Letter (the getters' fallback) had every glyph beyond 612 × 792 pt cut to the edge."""
    import pikepdf

    from tests.app.importers import fitpdf as F
    paras = ["澜州港今年集装箱吞吐量创下新高，港口部门推出便利化措施，企业通关时间平均缩短三成。",
             "记者在码头看到，新投用的自动化轨道吊正在作业，现场秩序井然。"]
    w = F.Writer("".join(paras) + "澜州港吞吐量创新高")
    font = w.font()
    page = w.page(900, 1300)
    F.run(page, font, 60, 80, "澜州港吞吐量创新高", 30)
    for col, para in enumerate(paras):       # two columns high on the page, first lines set in
        lines = [para[:16]] + [para[k:k + 18] for k in range(16, len(para), 18)]
        for n, line in enumerate(lines):
            F.run(page, font, 60 + 420 * col + (20 if n == 0 else 0), 150 + 15 * n, line, 10)
    own = tmp_path / "own.pdf"
    w.save(own)
    tree = tmp_path / "tree.pdf"
    with pikepdf.open(own) as pdf:
        pdf.Root.Pages.MediaBox = pdf.pages[0].obj.MediaBox
        del pdf.pages[0].obj["/MediaBox"]
        pdf.save(tree)
    want = [b.text for b in read_pdf(own)]
    assert want[0] == "澜州港吞吐量创新高" and len("".join(want)) == len("".join(paras)) + 9
    assert [b.text for b in read_pdf(tree)] == want


def test_pages_are_numbered_and_in_order(tmp_path):
    pdf = tmp_path / "two.pdf"
    make_page(pdf, pages=2)
    blocks = read_pdf(pdf)
    assert {b.page for b in blocks} == {1, 2}
    pages = [b.page for b in blocks]
    assert pages == sorted(pages)
    assert [b.text for b in blocks if b.page == 1] == [b.text for b in blocks if b.page == 2]


def test_latin_lines_join_with_a_space_and_keep_hyphens(tmp_path, reader):
    from reportlab.pdfgen import canvas
    pdf = tmp_path / "latin.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(400, 300), invariant=1)
    lines = ["    The river park opens to the", "public on Monday with new walk-",
             "ways and a children's playground.", "    Buses will stop at both gates."]
    y = 260
    c.setFont("Helvetica", 10)
    for text in lines:
        indent = 20 if text.startswith("    ") else 0
        c.drawString(30 + indent, y, text.strip())
        y -= 13
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0].startswith("The river park opens to the public on Monday with new walk-ways")
    assert "Buses will stop at both gates." in texts


def test_a_letter_spaced_headline_wrapped_to_two_characters_has_no_word_space(tmp_path, reader):
    # 0.3 em between letters: the last line's one gap is the headline's tracking, not a space
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "head.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(400, 400), invariant=1)
    size = 24
    for y, text in ((340, "临川湿地公园候鸟年内"), (310, "增多")):
        t = c.beginText(40, y)
        t.setFont("WQY", size)
        t.setCharSpace(0.3 * size)
        t.textOut(text)
        c.drawText(t)
    body = "临川湿地公园今年春季观测到的候鸟已有一百二十多种，比去年多出十余种，其中三种是首次在临川记录到的珍稀鸟类，专家说这得益于湖区退耕还湿。"
    width = 312 - 0.3 * size       # the headline's first line, less the tracking after its last letter
    per = int(width // 9)
    for k in range(0, len(body), per):
        t = c.beginText(40, 280 - 12 * (k // per))
        t.setFont("WQY", 9)
        line = body[k:k + per]
        t.setCharSpace((width - 9 * len(line)) / max(1, len(line) - 1) if k + per < len(body) else 0)
        t.textOut(line)
        c.drawText(t)
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0] == "临川湿地公园候鸟年内增多"


def test_not_a_pdf(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_text("这不是PDF文件", encoding="utf-8")
    with pytest.raises(GalleyError) as err:
        read_blocks(p)
    assert "not a PDF" in err.value.message
    assert err.value.path == str(p)


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_pdf(tmp_path, keep):
    full = tmp_path / "full.pdf"
    make_page(full)
    data = full.read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(GalleyError) as err:
        read_blocks(p)
    assert "damaged or truncated" in err.value.message


def test_encrypted_pdf(tmp_path, reader):
    import pikepdf
    plain = tmp_path / "plain.pdf"
    make_page(plain)
    p = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as doc:
        doc.save(p, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    with pytest.raises(GalleyError) as err:
        read_blocks(p)
    assert "encrypted" in err.value.message


def test_scan_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas
    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p), pagesize=(200, 200), invariant=1)
    c.setFillColorCMYK(0, 0, 0, 0.3)
    c.rect(20, 20, 160, 160, fill=1)
    c.save()
    with pytest.raises(GalleyError) as err:
        read_blocks(p)
    assert "no text layer" in err.value.message


@pytest.mark.parametrize("kind", ["junk", "truncated", "encrypted"])
def test_cli_reports_one_error_line(tmp_path, kind):
    p = tmp_path / "x.pdf"
    if kind == "junk":
        p.write_bytes(bytes(range(256)) * 8)
    else:
        full = tmp_path / "full.pdf"
        make_page(full)
        if kind == "truncated":
            p.write_bytes(full.read_bytes()[:3000])
        else:
            import pikepdf
            with pikepdf.open(full) as doc:
                doc.save(p, encryption=pikepdf.Encryption(user="pw", owner="pw2"))
    out = tmp_path / "out.txt"
    r = subprocess.run([sys.executable, "-m", "galley", "repair", str(p), "-o", str(out)],
                       cwd=ROOT, capture_output=True, text=True, check=False)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("galley: error: ") and str(p) in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_cli_repair_prints_the_paragraphs(tmp_path):
    pdf = tmp_path / "page.pdf"
    make_page(pdf)
    r = subprocess.run([sys.executable, "-m", "galley", "repair", str(pdf)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    printed = r.stdout.split("\n\n")
    for para in BODY:
        assert para in [p.strip() for p in printed]


# --- round trip through Galley's own exporter ------------------------------------------------

EDITION = "\n\n".join([
    "第3版", "城市建设", HEADLINE, DECK, "■ 本报记者 林晓岚", *BODY,
    "青湾港一季度货物吞吐量同比增长一成",
    ("本报讯(记者 周海涛)记者从市港航管理局获悉,一季度青湾港完成货物吞吐量一千二百万吨,同比增长百分之十,"
    "其中集装箱吞吐量增长百分之十五,创历史同期新高。"),
    ("今年以来,港口加快智慧化改造,自动化岸桥、无人集卡陆续投入使用,船舶平均在港时间缩短了六个小时。"
    "港航部门还联合海关推出“提前申报”“抵港直装”等便利措施,企业通关时间平均缩短近一半。"),
    "市港航管理局负责人表示,下一步将继续完善集疏运体系,推进铁水联运,力争全年吞吐量突破五千万吨。",
]) + "\n"


def _galley(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "galley", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


@pytest.mark.parametrize("layout", ["broadsheet", "tabloid", "a3"])
def test_round_trip_through_galley_export(tmp_path, layout):
    """`galley export --pdf` then `galley repair` of that PDF gives the source's paragraphs back."""
    src = tmp_path / "edition.txt"
    src.write_text(EDITION, encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    r = _galley("export", str(src), "--layout", layout, "--pdf", str(pdf), "-q")
    assert r.returncode == 0, r.stderr
    want = [_nows(p) for p in _galley("repair", str(src)).stdout.split("\n\n") if p.strip()]
    got = [_nows(p) for p in _galley("repair", str(pdf)).stdout.split("\n\n") if p.strip()]
    # the folio's page number is the only text the page adds, with the label and size of the ad
    # frame that takes the page's foot where the text runs out
    extra = [g for g in got if g not in want]
    assert all(re.fullmatch(r"\d+|广告|\d栏\d+×\d+mm", g) for g in extra), extra
    assert [g for g in got if g in want] == want


@pytest.mark.parametrize("layout", ["broadsheet", "tabloid", "a3"])
def test_bundled_sample_headlines_come_back_whole(tmp_path, layout):
    """Galley breaks a headline at the space between its phrases (书香浸润城市 / 阅读点亮生活 on
    the a3 proof); reading the page back joins the lines (the space itself cannot be told from
    a break inside a word: whitespace is not compared), and keeps two stacked banners apart."""
    from galley.app.layout import layout_edition
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition, load_edition
    from galley.app.render.pdf import write_pdf

    edition = load_edition(ROOT / "resources" / "sample" / "edition.txt")
    pdf = tmp_path / "sample.pdf"
    write_pdf(layout_edition(edition, layout), pdf)
    heads = {Kind.HEADLINE, Kind.BANNER, Kind.KICKER}
    want = sorted(_nows(el.text) for _, _, el in edition.elements() if el.kind in heads)
    got = {_nows(el.text) for _, _, el in build_edition(read_pdf(pdf)).elements()}
    assert [t for t in want if t not in got] == []
    assert "书香浸润城市阅读点亮生活" in want and "奋进新征程建功新时代" in want


@pytest.mark.parametrize("layout", ["broadsheet", "tabloid", "a3"])
def test_bundled_sample_body_paragraphs_come_back_whole(tmp_path, layout):
    """Every body paragraph of the sample set by Galley and read back, whole: one that ends on a
    stray ... (…日韩等地的主要港口...) and the next, which the page sets indented as a paragraph's
    first line, stay two (the repairer joined them on broadsheet and a3, reading text alone)."""
    from galley.app.layout import layout_edition
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition, load_edition
    from galley.app.render.pdf import write_pdf

    edition = load_edition(ROOT / "resources" / "sample" / "edition.txt")
    pdf = tmp_path / "sample.pdf"
    write_pdf(layout_edition(edition, layout), pdf)
    want = [_nows(el.text) for _, _, el in edition.elements() if el.kind == Kind.BODY]
    got = [_nows(el.text) for _, _, el in build_edition(read_pdf(pdf)).elements() if el.kind == Kind.BODY]
    assert [t for t in want if t not in got] == []
    assert any(t.endswith("主要港口...") for t in want) and len(got) == len(want)


@pytest.mark.parametrize("layout", ["broadsheet", "tabloid"])
def test_seed_page_round_trip(seed_path, tmp_path, layout):
    """A real page (read from ../shared, never copied here) set by Galley and read back: every
    element whole; only the folio (第N版, page numbers) is added."""
    from galley.app.layout import layout_edition
    from galley.app.pipeline import build_edition, load_edition
    from galley.app.render.pdf import write_pdf

    edition = load_edition(seed_path)
    pdf = tmp_path / "seed.pdf"
    write_pdf(layout_edition(edition, layout), pdf)
    want = [_nows(el.text) for _, _, el in edition.elements()]
    got = [_nows(el.text) for _, _, el in build_edition(read_pdf(pdf)).elements()]
    assert sorted(g for g in got if g in want) == sorted(want)
    # (and the label and size of an ad frame where the text runs out above the foot)
    assert all(re.fullmatch(r"第\d+版|\d+|广告|\d栏\d+×\d+mm", g) for g in got if g not in want)
    assert _chars("".join(g for g in got if g in want)) == _chars("".join(want))


def test_paragraph_runs_on_to_the_next_page(tmp_path, reader):
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "two.pdf"
    width, body, lead = 13 * 9.0, 9.0, 13.5
    lines = set_lines(BODY[:3], width, body)
    cut = 9    # lines on page 1: the second paragraph runs on onto page 2
    assert not lines[cut].first
    c = canvas.Canvas(str(pdf), pagesize=(200, 300), invariant=1)
    for page, chunk in ((1, lines[:cut]), (2, lines[cut:])):
        c.setFont("WQY", 10.5)
        c.drawString(40, 280, f"第{page}版")
        for row, ln in enumerate(chunk):
            indent = 2 * body if ln.first else 0
            draw_justified(c, 40 + indent, 250 - row * lead, ln.text, width - indent, body, justify=not ln.last)
        c.showPage()
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert [t for t in texts if t in BODY] == BODY[:3]
    assert texts == ["第1版", BODY[0], BODY[1], "第2版", BODY[2]]


def test_rotated_text_is_kept(tmp_path):
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(300, 300), invariant=1)
    c.setFont("WQY", 9)
    c.drawString(40, 250, "青湾市图书馆今天开馆。")
    c.saveState()
    c.translate(20, 60)
    c.rotate(90)
    c.drawString(0, 0, "本版责任编辑 王明")
    c.restoreState()
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert "青湾市图书馆今天开馆。" in texts
    assert _chars("".join(texts)) == _chars("青湾市图书馆今天开馆。本版责任编辑王明")


def test_a_few_symbols_on_a_page_are_its_own():
    from galley.app.importers.pdf import Glyph, PageGlyphs, _garbled
    text = "临川湿地公园今年春季观测到的候鸟已有一百二十多种" * 4 + "①②③✔✔"
    page = PageGlyphs(1, 400, 400, [Glyph(ch, 10.0 * k, 10.0 * k + 9, 100, 9) for k, ch in enumerate(text)], [])
    _garbled(page)
    assert "".join(g.text for g in page.glyphs) == text and not page.unmapped
    made_up = "✁✂✄☎✆☎✝✞✟✠" * 5
    page = PageGlyphs(1, 400, 400, [Glyph(ch, 10.0 * k, 10.0 * k + 9, 100, 9) for k, ch in enumerate(made_up)], [])
    _garbled(page)
    assert {g.text for g in page.glyphs} == {"\ufffd"} and sum(page.unmapped.values()) == len(made_up)


def test_two_pieces_of_one_line_are_one_level_beside_a_line():
    # 不少市民… and 理。据… (one justified line split at its stretched space) beside 本报澜州6日讯:
    # one level, not two, so the gap between them is not taken for a gutter on that evidence
    from galley.app.importers.pdf import Line, _side_by_side

    def line(x0, x1, top):
        return Line([Glyph("字", x0, x1, top + 9, 9)], x0, x1, top + 9, 9, "字")
    left = [line(495, 559, 449)]
    right = [line(581, 679, 449), line(691, 888, 449), line(633, 738, 430)]
    assert _side_by_side(left, right) == 1
    columns = ([line(40, 200, 100 + 14 * k) for k in range(6)], [line(215, 380, 100 + 14 * k) for k in range(6)])
    assert _side_by_side(*columns) == 6


def test_items_of_one_length_in_a_box_wider_than_them_stay_apart(tmp_path):
    # 停车泊位：五十五个 / 健身步道：五十五个 …: three or more items end together, short of the
    # box's inner edge; they are items, not a column's full lines
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "box.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(300, 400), invariant=1)
    body = "临川湿地公园今年春季观测到的候鸟已有一百二十多种，比去年多出十余种，其中三种是首次在临川记录到。" * 2
    width, size, x0 = 18 * 9, 9, 40
    y = 360
    for k in range(0, 36, 18):
        t = c.beginText(x0 + (18 if k == 0 else 0), y)
        t.setFont("WQY", size)
        t.textOut(body[k:k + (16 if k == 0 else 18)])
        c.drawText(t)
        y -= 14
    c.rect(x0, y - 70, width, 76)
    items = ["停车泊位：五十五个", "健身步道：五十五个", "充电桩位：五十五个", "口袋公园：一百二十个"]
    y -= 8
    for item in items:
        c.setFont("WQY", size)
        c.drawString(x0 + 8, y, item)
        y -= 14
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    for item in items:
        assert item in texts, texts


_BIRDS = "临川湿地公园今年春季观测到的候鸟已有一百二十多种，比去年多出十余种，其中三种是首次在临川记录到的珍稀鸟类"


def _canvas(pdf: Path, size: tuple[float, float]):
    from reportlab.pdfgen import canvas
    _register_font()
    return pdf, canvas.Canvas(str(pdf), pagesize=size, invariant=1)


def _set_lines(c, body: str, top: float, write) -> None:
    """A 9 pt paragraph in lines of 18 characters from x = 40, its first indented two: `write(text
    object, x, y, line)` sets each line."""
    y, k = top, 0
    while k < len(body):
        n = 18 if k else 16
        t = c.beginText()
        write(t, 40 + (18 if k == 0 else 0), y, body[k:k + n])
        c.drawText(t)
        y, k = y - 14, k + n


def test_text_slanted_by_a_sheared_matrix_reads_as_upright_lines(tmp_path, reader):
    # 斜体 made by slanting a face (Tm 1 0 0.25 1): it writes along its baseline
    body = _BIRDS + "。"
    pdf, c = _canvas(tmp_path / "slant.pdf", (400, 300))

    def slanted(t, x, y, line):
        t.setTextTransform(1, 0, 0.25, 1, x, y)
        t.setFont("WQY", 9)
        t.textOut(line)
    _set_lines(c, body, 260, slanted)
    c.save()
    assert [b.text for b in read_pdf(pdf)] == [body]


def _png(w: int, h: int) -> bytes:
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes([0, 0, 0] * w) for _ in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_character_drawn_as_a_picture_reads_as_unreadable_in_its_place(tmp_path, caplog, reader):
    # 造字: a rare character of a name the page system drew as a one-em image in the line
    import io
    import logging

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "zaozi.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(400, 300), invariant=1)
    c.setFont("WQY", 9)
    c.drawString(40, 250, "临川市民张")
    c.drawImage(ImageReader(io.BytesIO(_png(8, 8))), 40 + 45.5, 249, width=8, height=8)
    c.drawString(40 + 54, 250, "华说，湿地公园的候鸟越来越多了。")
    c.drawImage(ImageReader(io.BytesIO(_png(8, 8))), 40, 100, width=120, height=80)   # a photo stays one
    c.save()
    with caplog.at_level(logging.WARNING):
        texts = [b.text for b in read_pdf(pdf)]
    assert texts == ["临川市民张\ufffd华说，湿地公园的候鸟越来越多了。"]
    assert any("pictures" in r.getMessage() and "page 1" in r.getMessage() for r in caplog.records)


def test_a_superscript_is_read_where_it_stands(tmp_path, reader):
    # the 2 of m², set smaller and raised: part of its line, not a line of its own at the end
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "sup.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(300, 300), invariant=1)
    t = c.beginText(40, 250)
    t.setFont("WQY", 9)
    t.textOut("临川湿地公园扩建后面积达到120万m")
    t.setRise(3)
    t.setFont("WQY", 5)
    t.textOut("2")
    t.setRise(0)
    t.setFont("WQY", 9)
    t.textOut("，比去年增加三成。")
    c.drawText(t)
    t = c.beginText(40, 236)
    t.setFont("WQY", 9)
    t.textOut("园内新建观鸟屋三座，步道两公里。")
    c.drawText(t)
    c.save()
    assert [b.text for b in read_pdf(pdf)] == ["临川湿地公园扩建后面积达到120万m2，比去年增加三成。园内新建观鸟屋三座，步道两公里。"]


def test_a_drop_cap_is_its_paragraphs_first_character(tmp_path, reader):
    # 首字下沉: the first character set two lines deep, the lines beside it indented by its width
    from reportlab.pdfgen import canvas
    _register_font()
    lead = "临川湿地公园今年春季观测到的候鸟已有一百二十多种。"
    body = "比去年多出十余种，其中三种是首次在临川记录到的珍稀鸟类，专家说这得益于湖区退耕还湿。"
    text = lead + body
    pdf = tmp_path / "drop.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(300, 300), invariant=1)
    c.setFont("WQY", 24)
    c.drawString(40, 236, text[0])
    c.setFont("WQY", 9)
    y, k = 250, 1
    for n in (16, 16):
        c.drawString(66, y, text[k:k + n])
        y, k = y - 14, k + n
    while k < len(text):
        c.drawString(40, y, text[k:k + 19])
        y, k = y - 14, k + 19
    c.save()
    assert [b.text for b in read_pdf(pdf)] == [text]


def test_punctuation_set_smaller_than_its_text_stays_in_its_line(tmp_path, reader):
    # page systems set ，。 from a face of their own, a size or two smaller than the text
    body = _BIRDS + "，专家说这得益于湖区退耕还湿。"
    pdf, c = _canvas(tmp_path / "punct.pdf", (300, 300))

    def small_marks(t, x, y, line):
        t.setTextOrigin(x, y)
        for ch in line:
            t.setFont("WQY", 7 if ch in "，。" else 9)
            t.textOut(ch)
    _set_lines(c, body, 250, small_marks)
    c.save()
    assert [b.text for b in read_pdf(pdf)] == [body]


def test_lines_level_with_the_other_side_are_counted_as_by_pairs():
    """The sweep over merged extents counts what comparing every pair of lines counts."""
    from types import SimpleNamespace

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from galley.app.importers.pdf import _level_with
    extent = st.tuples(st.integers(0, 40), st.sampled_from([0, 1, 2, 5, 12])).map(
        lambda th: SimpleNamespace(top=th[0] / 2, bottom=(th[0] + th[1]) / 2))

    @settings(max_examples=400, deadline=None)
    @given(st.lists(extent, max_size=10), st.lists(extent, max_size=10))
    def check(xs, ys):
        by_pairs = sum(1 for x in xs if any(y.top < x.bottom and x.top < y.bottom for y in ys))
        assert _level_with(xs, ys) == by_pairs
    check()


def _two_modules_page(path: Path, beside_foot: bool) -> None:
    """A story across four columns over two stories side by side. The right one's headline takes
    two lines (市民公园今起免费开放至晚上 / 十点前可入园) with air between them. Either the left one's
    headline stands lower, level with the second line, or the left column's text still runs on,
    level with the first line (`beside_foot`)."""
    from reportlab.pdfgen import canvas
    _register_font()
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    top = 800

    def line(x, base, text, size):
        c.setFont("WQY", size)
        c.drawString(x, top - base, text)

    col = [40, 175, 310, 445]                         # four columns of 12 characters at 9 pt, 27 pt gutters
    filler = "青湾市今年新建口袋公园十二处市民步行可达"
    for k in range(12):                               # the story across all four columns
        for x in col:
            line(x, 60 + 13 * k, (filler * 2)[k % 8:k % 8 + 12], 9)
    base = 260
    if beside_foot:
        for k in range(3):                            # the left columns run on beside the headline
            for x in col[:2]:
                line(x, 220 + 13 * k + 20, (filler * 2)[k:k + 12], 9)
    line(314, base, "市民公园今起免费开放至晚上", 18)       # the right two columns' width, 13 characters
    line(314 + 4.5 * 18, base + 23, "十点前可入园", 18)      # centred under it
    left_head = base + 38 if not beside_foot else base + 80
    line(80, left_head, "临川港新开外贸航线", 18)            # centred over the left two columns
    for k in range(10):                               # the two stories' columns below
        for x in col:
            line(x, left_head + 30 + 13 * k, (filler * 2)[(k + 3) % 8:(k + 3) % 8 + 12], 9)
    c.showPage()
    c.save()


@pytest.mark.parametrize("beside_foot", [False, True])
def test_a_two_line_headline_beside_another_storys_head_or_text_is_read_whole(tmp_path, beside_foot):
    # edition16 on the broadsheet, read back: seven such headlines came apart, their second
    # line read into another column (驻南韩美军近三千人 / … / 奉命冻结调防)
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition
    pdf = tmp_path / "two.pdf"
    _two_modules_page(pdf, beside_foot)
    heads = [_nows(el.text) for _, _, el in build_edition(read_pdf(pdf)).elements()
             if el.kind in (Kind.HEADLINE, Kind.KICKER, Kind.DECK)]
    assert "市民公园今起免费开放至晚上十点前可入园" in heads, heads


def _canvas_page(path: Path, draw, pages: int = 1, size: tuple[float, float] = (700, 800)) -> None:
    """A PDF drawn with reportlab in WenQuanYi Zen Hei: `draw(line, page)` for each page, where
    `line(x, base, text, pt)` sets a line with its baseline `base` points from the top."""
    from reportlab.pdfgen import canvas
    _register_font()
    c = canvas.Canvas(str(path), pagesize=size)

    def line(x, base, text, pt):
        c.setFont("WQY", pt)
        c.drawString(x, size[1] - base, text)
    for k in range(pages):
        draw(line, k)
        c.showPage()
    c.save()


_FILLER = "澜州市今年新建口袋公园十二处市民步行十分钟可达绿地覆盖率逐年提高"


def _heads_read(pdf: Path, draw) -> list[str]:
    """The headline, kicker and deck texts `galley structure` reads off a page drawn by `draw`."""
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition
    _canvas_page(pdf, draw)
    return [_nows(el.text) for _, _, el in build_edition(read_pdf(pdf)).elements()
            if el.kind in (Kind.HEADLINE, Kind.KICKER, Kind.DECK)]


def _column(line, x: float, base: float, lines: int, start: int = 0, chars: int = 16) -> None:
    for k in range(lines):
        s = (start + 3 * k) % 16
        line(x, base + 13.5 * k, (_FILLER * 2)[s:s + chars], 9)


def test_a_headlines_second_line_with_another_storys_text_level_between_is_read_whole(tmp_path):
    # edition16 on the tabloid, read back: 陕西凤翔泥塑羊成为 / 中国羊年吉祥物 came apart, the
    # right-hand story's first body line standing level between its two lines (the head block of
    # the right-hand story took the first line as its deck)
    cols = [40, 193, 346, 499]

    def draw(line, _):
        _column(line, cols[0], 60, 12)              # a story across the page above
        for x in cols[1:]:
            _column(line, x, 60, 12, 5)
        line(360, 240, "江北大桥今天合龙通车", 24)            # the right story's headline
        line(70, 273, "临川港新开外贸航线九条", 24)           # the left one's, in two lines
        line(94, 302, "货物直达东南亚港口", 24)
        for x in cols[2:]:
            _column(line, x, 284, 14, 7)            # the right story's text, from between them
        for x in cols[:2]:
            _column(line, x, 335, 10, 2)
    heads = _heads_read(tmp_path / "level.pdf", draw)
    assert "临川港新开外贸航线九条货物直达东南亚港口" in heads, heads
    assert "江北大桥今天合龙通车" in heads, heads


def test_a_centred_two_line_headline_short_of_its_width_is_one_headline(tmp_path):
    # edition16 on the tabloid: (体育)鲁塞德斯基:我 / 是ATP的牺牲品 and 靖江市人武部搭建平台 /
    # 提升专武干部素质, broken in two for their shape with room to spare on the first line, came
    # back as two headlines each
    cols = [40, 193, 346, 499]
    first, second = "澜州港新开九条外贸航线", "直达东盟ABC港"

    def draw(line, _):
        width = 499 + 144 - 40
        line(40 + (width - 22 * len(first)) / 2, 70, first, 22)
        w2 = 22 * (len(second) - 3) + 0.6 * 22 * 3 + 2 * 5.5    # three Latin letters, a ¼ em each side
        x = 40 + (width - w2) / 2
        line(x, 97, second[:4], 22)
        line(x + 88 + 5.5, 97, "ABC", 22)
        line(x + 88 + 5.5 + 0.6 * 22 * 3 + 5.5, 97, second[-1], 22)
        for x in cols:
            _column(line, x, 130, 12, 4)
    heads = _heads_read(tmp_path / "centred.pdf", draw)
    assert [h for h in heads if "澜州港" in h or "港" == h[-1:]] == [_nows(first + second)], heads


def test_a_headline_whose_comma_falls_on_a_gutter_is_one_line(tmp_path):
    # edition16 on A3: 河北艾滋病检测实行免费、自愿、保密, set solid, came back as two headlines:
    # the blank half of 、 lay over the 1-em gutter of the columns below
    cols = [100, 253, 406]                          # 16 characters at 9 pt, 1-em gutters
    head = "澜州检测实行免费、自愿、保密"

    def draw(line, _):
        line(232 - 8 * 24, 70, head, 24)            # 、 at 232: its ink ends at the column's edge
        for x in cols:
            _column(line, x, 100, 12, 6)
    heads = _heads_read(tmp_path / "comma.pdf", draw)
    assert heads == [head]


def test_a_storys_last_lines_printed_twice_at_a_page_foot_are_running_text(tmp_path):
    # edition16 on the tabloid prints a story twice, set alike on two pages: the last line of a
    # column at the page's foot (亚镇。, 起床。) came back on both pages as furniture (a running
    # footer), cut from its paragraph
    last = "和广场。"

    def draw(line, page):
        line(40, 30, f"第{page + 1}版", 9)
        line(40 + 18, 60, (_FILLER * 2)[:14], 9)     # a paragraph's first line, indented
        _column(line, 40, 60 + 13.5, 22, 5)
        line(40, 60 + 13.5 * 23, last, 9)           # its last line, at the page's foot
    pdf = tmp_path / "twice.pdf"
    _canvas_page(pdf, draw, pages=2, size=(300, 420))
    blocks = read_pdf(pdf)
    assert [b.role for b in blocks] == ["furniture", None, "furniture", None]
    assert [len(b.text) for b in blocks[1::2]] == [14 + 22 * 16 + len(last)] * 2
    assert all(b.text.endswith(last) for b in blocks[1::2])


def test_a_paragraph_that_jumps_does_not_run_on_into_the_landing_line(tmp_path):
    # edition16 on the tabloid: 许多深层次 at the foot of page 35, (下转第36版) under it, and page
    # 36 opening with (上接第35版) over the rest: the landing line was joined to the paragraph as
    # if the text ran on over the page
    def draw(line, page):
        line(40, 30, f"第{page + 1}版", 9)
        if page == 0:
            _column(line, 40, 60, 20, 1)
            line(40 + 144 - 7 * 9, 60 + 13.5 * 21, "（下转第2版）", 9)   # set right, under the column
        else:
            line(40, 60, "（上接第1版）", 9)
            _column(line, 40, 60 + 13.5, 6, 8)
            line(40, 60 + 13.5 * 7, "公园。", 9)
    pdf = tmp_path / "jump.pdf"
    _canvas_page(pdf, draw, pages=2, size=(300, 420))
    blocks = read_pdf(pdf)
    assert [b.role for b in blocks if "上接" in b.text] == ["jump"]
    assert [b.text for b in blocks if "上接" in b.text] == ["（上接第1版）"]


def test_a_byline_whose_word_space_falls_on_a_gutter_is_one_line(tmp_path):
    # a Typst page (broadsheet_dense, seed 906): 记者 吕新军 通讯员 郑花浩 under a headline, its
    # last word space inside the 2-em gutter of the columns below, came back as 记者 吕新军 通讯员
    # and, in the next column's text, 郑花浩: a gap narrower than the white it lies in is the
    # line's own, its glyphs reaching into the gutter
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition
    words = [("记者", 56.0), ("吕新军", 80.0), ("通讯员", 113.5), ("郑花浩", 147.0)]   # 5-pt spaces at 9.5 pt

    def draw(line, _):
        line(40, 60, "澜州一千二百个养老服务站年内新建", 22)
        for text, x in words:
            line(x, 88, text, 9.5)
        for x in (34, 153, 272):                    # 12 characters at 8.5 pt, 2-em gutters
            for k in range(14):
                s = (5 + 3 * k) % 16
                line(x, 108 + 12 * k, (_FILLER * 2)[s:s + 12], 8.5)
    pdf = tmp_path / "byline.pdf"
    _canvas_page(pdf, draw, size=(420, 320))
    els = [(el.kind, _nows(el.text)) for _, _, el in build_edition(read_pdf(pdf)).elements()]
    assert (Kind.BYLINE, "记者吕新军通讯员郑花浩") in els, els
    assert not [t for _, t in els if t.startswith("郑花浩") or t.endswith("郑花浩") and len(t) > 11]
