"""PDF import on pages Galley did not set: the corpus in tests/fixtures/pdf_corpus.

The pages were set by Typst, by LibreOffice Writer, by WeasyPrint from HTML and CSS (CSS
columns, ragged CJK lines, borders drawn as clipped rectangles, a byline centred over the
gutters) and by Scribus (sc_*: text frames with frame columns, linked chains round photos, text
wrapped round a photo and a boxed sidebar, a boxed brief, credit frames under captions) and
by LibreOffice Writer as a word processor with text boxes (tb_*: Word/WPS-style pages of text
boxes placed on the page, each with a white background, stories through chained boxes round a
picture and a sidebar whose border is drawn a side at a time, a kicker on a coloured bar,
centred bylines, briefs in a ruled layout table) and with vertical text frames (vt_*: a 竖题
with its kicker beside a story set across, an essay, a poem and a boxed sidebar in vertical
columns read right to left, Latin and figures turned sideways, a vertical column label beside a
story's horizontal headline), and printer's spreads (sp_*: two of those pages side by side on one
PDF page, each drawn as a form XObject, read as the two pages they are, left then right), and
FIT-style pages written glyph by glyph (fit_*: a head block over some of a lead's columns, its
other column beside it from the module's top; a 导读 box; columns of unequal widths), and Typst
pages whose text is in traditional characters (tr_*: 本報記者, 下轉第2版, 本版編輯, as a Hong Kong or
Taiwan paper sets them), and XeLaTeX pages (xl_*: ctex's Fandol faces embedded as CID-keyed CFF
with no ToUnicode, the MediaBox inherited from the page tree, xeCJK's squeezed ”“ pairs and
marks hanging past the measure, multicol's balanced columns, a framed commentary beside a story,
a byline set larger than the body with no spaces in it, a story set ragged right);
tools/make_pdf_corpus.py, which also wrote each page's truth:
letter-spaced headlines (to 0.5 em), tracked body (0–0.17 em), gutters of 1.5–2.5 em, photos
with captions, boxed sidebars, an L-shaped module, jump lines and 版眉 furniture, and a
one-column A4 document over several pages with a running header and `第N页` footers. On every
page: no character lost or added, at least 98% of sentences whole and in order, no block that
mixes two columns or stories, and at least 90% of headlines, datelines, bylines and captions
typed right by `galley structure`; furniture is typed as page furniture, not body, each line one block (本版编辑：…　校对：…
whole, though its fields stand a full-width space apart).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from galley.app.errors import GalleyError
from galley.app.importers.pdf import read_pdf
from tests.app.importers.pdf_score import CORPUS, _segments, score, sentences

PAGES = sorted(CORPUS.glob("*.pdf"))


def test_corpus_is_there():
    assert len(PAGES) >= 15
    assert any(p.stem.startswith("lo_") for p in PAGES)
    assert any(p.stem.startswith("wp_") for p in PAGES)
    assert sum(p.stem.startswith("sc_") for p in PAGES) >= 4
    assert sum(p.stem.startswith("tb_") for p in PAGES) >= 4
    assert sum(p.stem.startswith("vt_") for p in PAGES) >= 4
    assert sum(p.stem.startswith("sp_") for p in PAGES) >= 3
    assert sum(p.stem.startswith("fit_") for p in PAGES) >= 2
    assert sum(p.stem.startswith("tr_") for p in PAGES) >= 2
    assert sum(p.stem.startswith("xl_") for p in PAGES) >= 3
    for pdf in PAGES:
        assert pdf.with_suffix(".json").is_file(), pdf


@pytest.fixture(scope="module")
def scores():
    return {}


def _score(scores, pdf: Path):
    if pdf.stem not in scores:
        scores[pdf.stem] = score(pdf)
    return scores[pdf.stem]


@pytest.mark.parametrize("pdf", PAGES, ids=lambda p: p.stem)
def test_no_character_lost_or_added(scores, pdf):
    sc = _score(scores, pdf)
    assert sc.chars > 1500
    assert (sc.lost, sc.added) == (0, 0)


@pytest.mark.parametrize("pdf", PAGES, ids=lambda p: p.stem)
def test_sentences_whole_and_in_order(scores, pdf):
    sc = _score(scores, pdf)
    assert sc.sentences >= 40
    assert sc.order_ratio >= 0.98, [w for w in sc.wrong if w.startswith("order")]


@pytest.mark.parametrize("pdf", PAGES, ids=lambda p: p.stem)
def test_no_block_mixes_two_columns(scores, pdf):
    sc = _score(scores, pdf)
    assert sc.mixed == []


@pytest.mark.parametrize("pdf", PAGES, ids=lambda p: p.stem)
def test_headlines_datelines_bylines_captions_typed(scores, pdf):
    sc = _score(scores, pdf)
    assert sc.typed_ratio() >= 0.9, sc.wrong
    right, total = sc.typed.get("furniture", [0, 0])
    assert right == total, sc.wrong


def test_kickers_decks_sidebars_jumps_typed_over_the_corpus(scores):
    right = total = 0
    for pdf in PAGES:
        sc = _score(scores, pdf)
        for kind in ("kicker", "deck", "sidebar", "jump"):
            r, t = sc.typed.get(kind, [0, 0])
            right, total = right + r, total + t
    assert total >= 60
    assert right >= 0.9 * total


def test_furniture_and_jump_lines_stay_out_of_the_body():
    pdf = CORPUS / "jump.pdf"
    blocks = read_pdf(pdf)
    roles = {b.text.replace(" ", ""): b.role for b in blocks}
    assert roles["（下转第2版）"] == roles["（上接第1版）"] == "jump"
    truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    for page in truth["pages"]:
        for f in page["furniture"]:
            assert roles.get(f.replace(" ", "")) == "furniture", f


def test_a_jumping_story_goes_on_where_it_lands():
    """下转第2版 on page 1, 上接第1版 on page 2: the landing paragraphs follow the jump line, and
    the story after the landing run (its own headline) stays on page 2."""
    pdf = CORPUS / "jump.pdf"
    blocks = read_pdf(pdf)
    texts = [b.text.replace(" ", "") for b in blocks]
    out, into = texts.index("（下转第2版）"), texts.index("（上接第1版）")
    assert into == out + 1
    truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    landing = [e["text"] for e in truth["pages"][1]["stories"][0] if e["kind"] == "body"]
    assert texts[into + 1:into + 1 + len(landing)] == landing
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert [b.page for b in blocks[into + 1:into + 1 + len(landing)]] == [2] * len(landing)


def test_a_sentence_runs_on_across_the_page_footer():
    """The A4 document's paragraphs cross page breaks, past the `第N页` footer and the running
    header: every sentence comes back whole, and the footers are blocks of their own."""
    pdf = CORPUS / "a4_text.pdf"
    blocks = read_pdf(pdf)
    assert max(b.page for b in blocks) >= 3
    truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    body = [e["text"] for page in truth["pages"] for story in page["stories"] for e in story if e["kind"] == "body"]
    texts = ["".join(b.text.split()) for b in blocks]
    crossing = 0
    for para in body:
        want = "".join(para.split())
        assert want in texts, para[:30]
        k = texts.index(want)
        crossing += blocks[k].page != max(b.page for b, t in zip(blocks, texts) if t == want)
    footers = [b for b in blocks if b.role == "furniture" and b.text.startswith("第")]
    assert len(footers) == max(b.page for b in blocks)


def test_a_spread_reads_as_its_two_pages():
    """A printer's spread of the two pages of jump.pdf reads exactly as the two pages do: the same
    blocks with the same roles and page numbers, the jumping story going on where it lands."""
    spread, pages = read_pdf(CORPUS / "sp_jump.pdf"), read_pdf(CORPUS / "jump.pdf")
    assert [(b.text, b.role, b.page) for b in spread] == [(b.text, b.role, b.page) for b in pages]


def test_a_wide_page_with_a_middle_gutter_is_no_spread(tmp_path):
    """A landscape page whose two halves are columns of one page (a folio on one side only) is
    read as one page: no half of it reads as a page of its own."""
    from galley.app.importers.pdf import _read_glyphs, _spread_halves
    from tests.app.importers import fitpdf as F
    from tests.app.importers.test_pdf_fit import BODY
    w = F.Writer("".join(BODY[:4]) + "第3版澜州日报")
    font = w.font()
    page = w.page(620, 400)
    F.run(page, font, 30, 24, "澜州日报", 8)
    F.run(page, font, 560, 24, "第3版", 8)
    for col, paras in enumerate((BODY[:2], BODY[2:4])):
        for k, (text, first, last) in enumerate(F.set_lines(font, paras, 9, 250)):
            indent = 18 if first else 0
            tc = 0.0 if last else F.justified(font, text, 9, 250 - indent)
            F.run(page, font, 30 + col * 310 + indent, 60 + 13.5 * k, text, 9, tc=tc)
        F.run(page, font, 30 + col * 310, 385, "澜州日报", 8)
    pdf = tmp_path / "wide.pdf"
    w.save(pdf)
    assert _spread_halves(_read_glyphs(pdf)[0]) is None
    assert [b.page for b in read_pdf(pdf)] == [1] * len(read_pdf(pdf))


def test_no_space_between_closing_and_opening_quotes():
    text = "".join(b.text for pdf in PAGES for b in read_pdf(pdf))
    assert "”“" in text
    assert "” “" not in text


def test_scorer_catches_a_mixed_block():
    """The scorer itself: a block joining two columns' text is found, a whole paragraph is not."""
    pieces = ["甲乙丙丁戊己庚辛", "子丑寅卯辰巳午未"]
    assert [s[0] for s in _segments("丙丁戊己", pieces)] == [0]
    assert [s[0] for s in _segments("庚辛子丑", pieces)] == [0, 1]
    assert sentences("第一句。第二句！“第三句？”没有句号的尾巴") == ["第一句。", "第二句！", "“第三句？”", "没有句号的尾巴"]


def test_scanned_page_is_refused(tmp_path):
    """A page that is only a picture (a scan) is refused with one clear line."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 14):
        draw.line((30, y, 370, y), fill=40, width=6)
    png = tmp_path / "scan.png"
    img.save(png)
    pdf = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(400, 560), invariant=1)
    c.drawImage(ImageReader(str(png)), 0, 0, 400, 560)
    c.showPage()
    c.save()
    with pytest.raises(GalleyError, match="no text layer"):
        read_pdf(pdf)
