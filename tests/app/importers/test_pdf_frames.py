"""PDF import of pages set in frames, as a desktop-publishing program sets them (Scribus,
InDesign, 方正飞腾): a boxed brief with its own small headline beside a story's headline, a
photo's credit in a frame of its own under the caption, a box read in a region wider than it.

The pages are made here with reportlab from invented text (the fictional city of 青湾市); the
Scribus pages of the corpus (tests/fixtures/pdf_corpus/sc_*) show the same on real output.
"""
from __future__ import annotations

from pathlib import Path

from galley.app.importers.pdf import read_pdf
from galley.app.pipeline import build_edition
from tests.app.importers.pdf_score import CORPUS
from tests.app.importers.test_pdf import _register_font, draw_justified, set_lines

STORY = [
    "本报讯（记者 林晓岚）今年以来，青湾新区新建口袋公园十二处，利用街角空地见缝插绿，市民步行几分钟就能走进一处公园。",
    "据介绍，公园建设坚持少硬化、多绿化的思路，保留原有树林，新栽乔木四千余株，园内步道全部采用透水材料。",
    "市园林局负责人表示，公园开放后将实行精细化管护，建立日常巡查制度，及时修复损坏设施，让公园成为群众身边的幸福空间。",
    "家住附近的退休教师周明华说：“以前这里是一片荒地，现在推开窗就能看到绿树和河水，生活环境越来越好了。”",
]
BRIEF = [
    "本报讯 青湾市图书馆东区分馆昨日开馆，馆内藏书八万余册，设有少儿阅览区和自习区，每天开放十二个小时。",
    "分馆还开通了通借通还服务，读者在全市任何一处分馆借阅的图书，都可以就近归还，不必再跑回原来的馆。",
]


def _column(c, paras: list[str], x: float, top: float, width: float, size: float = 9.0,
            lead: float = 14.0) -> float:
    """Set paragraphs justified in one column from `top` (reportlab y); returns the y below."""
    y = top
    for ln in set_lines(paras, width, size):
        x0 = x + (2 * size if ln.first else 0)
        draw_justified(c, x0, y, ln.text, width - (x0 - x), size, not ln.last)
        y -= lead
    return y


def test_a_boxed_brief_with_its_own_headline_beside_a_story_is_read_apart(tmp_path):
    """A story's 22 pt headline at the left, a box at the right opening with a 14 pt heading
    level with it: the brief's body, which starts below the story's headline, is not set under
    that headline as one more column of the story: the story reads first, then the brief, which
    is typed as a story of its own (a headline over running text), not a sidebar."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "brief.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(520, 420), invariant=1)
    c.setFont("WQY", 22)
    c.drawString(40, 370, "青湾新区口袋公园全面开放")
    y = 340
    lines = set_lines(STORY, 126, 9.0)
    half = (len(lines) + 1) // 2
    for col, part in enumerate((lines[:half], lines[half:])):
        yy = y
        for ln in part:
            x0 = 40 + col * 140 + (18 if ln.first else 0)
            draw_justified(c, x0, yy, ln.text, 126 - (x0 - 40 - col * 140), 9.0, not ln.last)
            yy -= 14
    c.rect(340, 360 - 14 * 14, 140, 14 * 14 + 28, stroke=1, fill=0)
    c.setFont("WQY", 14)
    c.drawString(352, 368, "图书馆东区分馆开馆")
    _column(c, BRIEF, 348, 340, 124)
    c.save()
    blocks = read_pdf(pdf)
    texts = [b.text for b in blocks]
    assert texts == ["青湾新区口袋公园全面开放", *STORY, "图书馆东区分馆开馆", *BRIEF], texts
    edition = build_edition(blocks)
    kinds = {el.text: el.kind.value for st in edition.stories for el in st.elements}
    assert kinds["图书馆东区分馆开馆"] == "headline"
    assert kinds[BRIEF[0]] == "body"


def _photo_page(pdf, height: float, photo_width: float, photo_y: float | None = None):
    """A canvas with a headline 40 pt from the top, a grey photo 110 pt high under it (its foot
    at `photo_y`, by default 170 pt from the top) and a one-line caption under the photo."""
    from reportlab.pdfgen import canvas
    _register_font()
    photo_y = height - 170 if photo_y is None else photo_y
    c = canvas.Canvas(str(pdf), pagesize=(360, height), invariant=1)
    c.setFont("WQY", 22)
    c.drawString(40, height - 40, "青湾新区口袋公园全面开放")
    c.setFillGray(0.7)
    c.rect(40, photo_y, photo_width, 110, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("WQY", 8)
    c.drawString(40, photo_y - 12, "图为青湾新区新建的口袋公园，市民在这里散步。")
    return c


def test_a_credit_in_a_frame_of_its_own_under_the_caption_is_a_caption(tmp_path):
    """Under a grey photo: the caption, then the credit (记者 林晓岚 摄) set in a frame of its own,
    ranged right, in the caption's small size: both are captions, and the credit does not
    start a story of its own."""
    pdf = tmp_path / "credit.pdf"
    c = _photo_page(pdf, 420, 280)
    c.drawRightString(320, 227, "记者 林晓岚 摄")
    _column(c, STORY, 40, 205, 280)
    c.save()
    blocks = read_pdf(pdf)
    roles = {b.text.replace(" ", ""): b.role for b in blocks}
    assert roles["图为青湾新区新建的口袋公园，市民在这里散步。"] == "caption"
    assert roles["记者林晓岚摄"] == "caption"
    edition = build_edition(blocks)
    assert len(edition.stories) == 1
    assert [el.kind.value for el in edition.stories[0].elements if el.text.replace(" ", "") == "记者林晓岚摄"] \
        in (["caption"], ["credit"])


def test_a_box_read_in_a_region_wider_than_it_keeps_its_paragraphs():
    """Scribus page sc_chain: a boxed brief whose column of the page runs on below it into the
    footer line (本版编辑 …, wider than the box): its lines are judged against the box's inner
    edge, not the region's, so its paragraphs come back whole, not one block a line."""
    import json
    pdf = CORPUS / "sc_chain.pdf"
    truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    brief = truth["pages"][0]["stories"][-1]
    texts = ["".join(b.text.split()) for b in read_pdf(pdf)]
    for el in brief:
        assert "".join(el["text"].split()) in texts, el["text"][:30]


def _flow(c, paras: list[str], columns: list[list[tuple[float, int]]], x0: float, width: float,
          gutter: float, size: float = 9.0) -> None:
    """Flow paragraphs column by column; each column is a list of (top y, how many lines) runs,
    so a column can skip over a photo set into it, as text wraps round a frame."""
    lines = set_lines(paras, width, size)
    k = 0
    for col, runs in enumerate(columns):
        x = x0 + col * (width + gutter)
        for top, n in runs:
            for i in range(n):
                if k >= len(lines):
                    return
                ln = lines[k]
                lx = x + (2 * size if ln.first else 0)
                draw_justified(c, lx, top - 14 * i, ln.text, width - (lx - x), size, not ln.last)
                k += 1
    assert k >= len(lines), "the columns hold too few lines"


def test_columns_run_on_past_a_photo_set_into_them(tmp_path):
    """Two columns with a photo across both in their middle (text above it and below it, the
    caption under it): each column reads top to bottom past the photo, then the next column,
    as the text was flowed; the paragraphs cut by the photo come back whole, the caption apart."""
    pdf = tmp_path / "wrap.pdf"
    c = _photo_page(pdf, 520, 278, photo_y=300)
    paras = STORY + BRIEF
    _flow(c, paras, [[(450, 3), (262, 10)], [(450, 3), (262, 10)]], 40, 130, 18)
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert [t for t in texts if t in paras] == paras, texts
    assert "图为青湾新区新建的口袋公园，市民在这里散步。" in texts


def test_a_caption_with_its_credit_under_a_photo_is_cut_from_the_columns_below(tmp_path):
    """A photo over two short columns, its credit ranged right under it and the caption under
    that: the caption (which leaves the gap up to the credit open) does not take the columns'
    first row into its band; each column reads whole, left then right."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "credit_band.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(360, 420), invariant=1)
    c.setFont("WQY", 22)
    c.drawString(40, 380, "青湾新区口袋公园全面开放")
    c.setFillGray(0.7)
    c.rect(40, 260, 278, 100, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("WQY", 7.5)
    c.drawRightString(318, 251, "记者 林晓岚 摄")
    c.setFont("WQY", 8.5)
    c.drawString(40, 238, "图为青湾新区新建的口袋公园，市民在这里散步。")
    # the first paragraph's short last line heads the right column, leaving the gap before
    # the credit open over the columns' first row
    _flow(c, STORY[:2], [[(222, 4)], [(222, 6)]], 40, 130, 18)
    c.save()
    texts = [b.text for b in read_pdf(pdf)]
    assert [t for t in texts if t in STORY] == STORY[:2], texts


def test_an_item_wrapped_in_a_narrow_box_is_one_item():
    """Scribus page sc_wide: a fact box one column wide whose item 校园足球场：一百二十个 is too
    long for it and wraps its last character onto a line of its own (the line before had no
    room for it, though it ends visibly short of the box's inner edge): one item, not two;
    the items that end short with room to spare stay items of their own."""
    import json
    pdf = CORPUS / "sc_wide.pdf"
    truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    items = [el["text"] for story in truth["pages"][0]["stories"] for el in story if el["kind"] == "sidebar"]
    texts = ["".join(b.text.split()) for b in read_pdf(pdf) if b.role == "sidebar"]
    assert texts == ["".join(x.split()) for x in items], texts


def test_the_frames_corpus_pages_are_there():
    assert len(sorted(Path(CORPUS).glob("sc_*.pdf"))) >= 4


def test_boxes_drawn_in_a_form_stand_where_they_print(tmp_path):
    """A page drawn into another as a form XObject and moved across (a page placed in a
    printer's spread, a placed advertisement): its rules, frames and pictures are found where
    they print, not at the form's own origin (PDFium gives an object's bounds in its form's
    space)."""
    import pikepdf
    from reportlab.pdfgen import canvas

    from galley.app.importers.pdf import _read_glyphs
    src = tmp_path / "page.pdf"
    c = canvas.Canvas(str(src), pagesize=(300, 400), invariant=1)
    c.rect(40, 200, 120, 80, stroke=1, fill=0)          # a sidebar frame
    c.setLineWidth(0.5)
    c.line(180, 60, 180, 340)                           # a column rule
    c.setFont("Helvetica", 9)
    c.drawString(50, 260, "Lanzhou harbour opens a new route")
    c.showPage()
    c.save()
    placed = tmp_path / "placed.pdf"
    with pikepdf.open(src) as doc:
        out = pikepdf.new()
        form = out.copy_foreign(doc.pages[0].as_form_xobject())
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=pikepdf.Array([0, 0, 700, 400]),
                                  Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(P=form)),
                                  Contents=out.make_stream(b"q 1 0 0 1 350 0 cm /P Do Q"))
        out.pages.append(pikepdf.Page(out.make_indirect(page)))
        out.save(placed)

    def places(path, dx):
        p = _read_glyphs(path)[0]
        return sorted((round(b.x0 - dx), round(b.top), round(b.x1 - dx), round(b.bottom)) for b in p.boxes)
    assert places(placed, 350) == places(src, 0) and len(places(src, 0)) >= 2
