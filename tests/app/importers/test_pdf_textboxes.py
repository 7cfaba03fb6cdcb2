"""PDF import of pages set in a word processor with text boxes, as many small newsrooms, 校报
and 企业内刊 set them in Word or WPS: every module a text box placed on the page, each box
painted with a white background, borders drawn a side at a time, layout tables of briefs.

The pages are made here with reportlab from invented text (the fictional city of 青湾市); the
LibreOffice text-box pages of the corpus (tests/fixtures/pdf_corpus/tb_*) show the same on real
output.
"""
from __future__ import annotations

from galley.app.importers.pdf import Box, _closed_boxes, read_pdf
from galley.app.pipeline import build_edition
from tests.app.importers.pdf_score import CORPUS
from tests.app.importers.test_pdf import _register_font, draw_justified, set_lines
from tests.app.importers.test_pdf_frames import BRIEF, STORY, _column

ITEMS = ["相关链接", "口袋公园：十二处", "新栽乔木：四千余株", "透水步道：八公里"]


def _white_box(c, x: float, top: float, w: float, h: float) -> None:
    """A text box's background: a white rectangle, filled, not stroked (reportlab y: top down)."""
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, top - h, w, h, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)


def test_white_text_box_backgrounds_are_not_sidebar_boxes(tmp_path, reader):
    """A headline box and two column boxes, each behind a white background as Word and
    LibreOffice paint a text box: nothing shows on the paper, so the story is a story (headline
    and body), not a sidebar; the columns read as two whole paragraphs' flow."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "white.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(420, 420), invariant=1)
    _white_box(c, 40, 390, 300, 30)
    c.setFont("WQY", 22)
    c.drawString(40, 368, "青湾新区口袋公园全面开放")
    _white_box(c, 40, 345, 160, 300)
    _white_box(c, 214, 345, 160, 300)
    lines = set_lines(STORY, 160, 9.0)
    half = (len(lines) + 1) // 2
    for col, part in enumerate((lines[:half], lines[half:])):
        y = 335
        for ln in part:
            x0 = 40 + col * 174 + (18 if ln.first else 0)
            draw_justified(c, x0, y, ln.text, 160 - (x0 - 40 - col * 174), 9.0, not ln.last)
            y -= 14
    c.save()
    blocks = read_pdf(pdf)
    assert [b.text for b in blocks] == ["青湾新区口袋公园全面开放", *STORY]
    assert all(b.role != "sidebar" for b in blocks), [b.role for b in blocks]
    kinds = {el.text: el.kind.value for st in build_edition(blocks).stories for el in st.elements}
    assert kinds["青湾新区口袋公园全面开放"] == "headline"
    assert kinds[STORY[1]] == "body"


def test_a_box_drawn_a_side_at_a_time_is_a_sidebar(tmp_path, reader):
    """A text box's border drawn as four lines meeting at the corners (LibreOffice draws a
    frame's border so) frames a sidebar beside the story, read after it, item by item."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "sides.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(420, 420), invariant=1)
    c.setFont("WQY", 22)
    c.drawString(40, 380, "青湾新区口袋公园全面开放")
    _column(c, STORY, 40, 350, 200)
    x0, x1, top, bottom = 260, 380, 352, 270
    c.setLineWidth(0.8)
    for a, b, cc, d in ((x0, top, x1, top), (x1, top, x1, bottom), (x0, bottom, x1, bottom), (x0, top, x0, bottom)):
        c.line(a, b, cc, d)
    c.setFont("WQY", 9)
    for k, item in enumerate(ITEMS):
        c.drawString(268, 338 - 16 * k, item)
    c.save()
    blocks = read_pdf(pdf)
    texts = [b.text for b in blocks]
    assert texts == ["青湾新区口袋公园全面开放", *STORY, *ITEMS], texts
    assert [b.role for b in blocks[-len(ITEMS):]] == ["sidebar"] * len(ITEMS)


def test_a_ruled_table_is_not_one_box():
    """Four rules meeting at their ends enclose a box; a rule across it from side to side
    makes it a table of cells (briefs side by side), not one sidebar."""
    def h(x0, x1, y):
        return Box(x0, y - 0.4, x1, y + 0.4)

    def v(x, y0, y1):
        return Box(x - 0.4, y0, x + 0.4, y1)

    frame = [h(10, 200, 10), h(10, 200, 150), v(10, 10, 150), v(200, 10, 150)]
    assert [(round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in _closed_boxes(frame)] == [
        (10, 10, 200, 150)]
    assert _closed_boxes([*frame, v(105, 10, 150)]) == []
    assert _closed_boxes([*frame, h(10, 200, 80)]) == []
    assert _closed_boxes(frame[:3]) == []


def test_a_layout_table_of_briefs_reads_brief_by_brief(tmp_path):
    """Two briefs side by side in a ruled layout table: each brief's headline and body read
    together, the left one first, each a story of its own."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "table.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(420, 300), invariant=1)
    c.setLineWidth(0.5)
    c.line(40, 260, 380, 260)
    c.line(40, 90, 380, 90)
    for x in (40, 210, 380):
        c.line(x, 260, x, 90)
    c.setFont("WQY", 12)
    c.drawString(46, 244, "口袋公园全面开放")
    c.drawString(216, 244, "东区分馆昨日开馆")
    _column(c, STORY[:1], 46, 226, 158)
    _column(c, BRIEF[:1], 216, 226, 158)
    c.save()
    blocks = read_pdf(pdf)
    texts = [b.text for b in blocks]
    assert texts == ["口袋公园全面开放", STORY[0], "东区分馆昨日开馆", BRIEF[0]], texts
    assert all(b.role != "sidebar" for b in blocks)


def test_the_textbox_corpus_pages_are_there():
    assert len(list(CORPUS.glob("tb_*.pdf"))) >= 4


def test_a_byline_centred_under_the_headline_inside_one_column_opens_the_story(tmp_path, reader):
    """A headline centred over three columns, the byline in the body size centred under it and
    so inside the middle column, short of both its edges: the byline belongs to the head block,
    and the paragraph running from the middle column into the third reads whole, not cut by
    the byline read at the top of the middle column."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "byline.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(500, 400), invariant=1)
    x0, width, gap = 40, 130, 15
    c.setFont("WQY", 22)
    head = "青湾新区口袋公园全面开放"
    c.drawCentredString(x0 + (3 * width + 2 * gap) / 2, 360, head)
    c.setFont("WQY", 9)
    byline = "本报记者 林晓岚"
    c.drawCentredString(x0 + (3 * width + 2 * gap) / 2, 336, byline)
    lines = set_lines(STORY, width, 9.0)
    per = (len(lines) + 2) // 3
    for col in range(3):
        y = 316
        for ln in lines[col * per:(col + 1) * per]:
            left = x0 + col * (width + gap)
            xs = left + (18 if ln.first else 0)
            draw_justified(c, xs, y, ln.text, width - (xs - left), 9.0, not ln.last)
            y -= 14
    c.save()
    blocks = read_pdf(pdf)
    texts = [b.text for b in blocks]
    assert texts == [head, byline, *STORY], texts


def test_a_kicker_on_a_coloured_bar_is_a_kicker(tmp_path, reader):
    """A kicker set white on a red bar (a shape with text in it) over the headline: the bar
    holds one label and is no taller than two of its lines, so it frames no sidebar; the
    label is the story's kicker."""
    from reportlab.pdfgen import canvas
    _register_font()
    pdf = tmp_path / "bar.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(420, 420), invariant=1)
    c.setFillColorRGB(0.7, 0.1, 0.1)
    c.rect(40, 382, 90, 20, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("WQY", 12)
    c.drawString(49, 387, "聚焦民生实事")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("WQY", 22)
    c.drawString(40, 350, "青湾新区口袋公园全面开放")
    _column(c, STORY, 40, 320, 330)
    c.save()
    blocks = read_pdf(pdf)
    assert [b.text for b in blocks] == ["聚焦民生实事", "青湾新区口袋公园全面开放", *STORY]
    assert blocks[0].role != "sidebar"
    kinds = {el.text: el.kind.value for st in build_edition(blocks).stories for el in st.elements}
    assert kinds["聚焦民生实事"] == "kicker"
    assert kinds["青湾新区口袋公园全面开放"] == "headline"
