"""PDF import of text whose glyphs are not what it says: outlines (转曲, a headline turned into
curves) or a picture of a character (造字) with their text in an ActualText span, and a glyph
drawn from the wrong font slot with the right character in its span.

The pages are made at test time by `fitpdf` (our own invented news of the fictional city of 澜州).
Before: PDFium read the span over a glyph but neither outlines nor pictures, pdfplumber none of
them (the outlined headline was lost, the 造字 was an image).
"""
from __future__ import annotations

from galley.app.importers.pdf import read_pdf
from tests.app.importers import fitpdf as F

HEADLINE = "澜州滨江绿道全线贯通"
KICKER = "城市更新"
BODY = ("本报讯（记者 温若溪）昨日，全长二十六公里的澜州滨江绿道全线贯通。绿道沿江串起九座公园，"
        "沿线设有驿站十二处，市民骑行一小时可从城西到城东。家住江畔小区的邝老伯说，早上沿江走一圈，"
        "心情格外舒畅。")
ODD = "邝"                      # set as a picture (造字) with its text in a span
WRONG = "畔"                    # drawn from another slot of the font (口), its span says 畔


def _utf16(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _outline(x: float, y: float, size: float) -> str:
    """A glyph-like outline (a frame with a bar across it) in an em box whose baseline is at `y`
    (from the page's foot): ink 0.84 em tall, its foot 0.07 em under the baseline."""
    x0, y0, s = x + 0.06 * size, y - 0.07 * size, 0.84 * size
    return (f"{x0:.2f} {y0:.2f} {s:.2f} {s:.2f} re {x0 + 0.1 * s:.2f} {y0 + 0.1 * s:.2f} {0.8 * s:.2f} "
            f"{0.8 * s:.2f} re {x0:.2f} {y0 + 0.45 * s:.2f} {s:.2f} {0.1 * s:.2f} re f*")


def make_page(path):
    w = F.Writer(HEADLINE + KICKER + BODY + "口")
    font = w.font()
    page = w.page(320, 300)
    # the kicker: outlines down the left margin, one path for the whole word, one span
    page.ops.append(f"/Span <</ActualText {_utf16(KICKER)}>> BDC")
    page.ops.append(" ".join(_outline(12, page.y(40 + 15 * k), 13) for k in range(len(KICKER))))
    page.ops.append("EMC")
    # the headline: a path a glyph, each span holding one glyph (as a page system marks them)
    for k, ch in enumerate(HEADLINE):
        page.ops.append(f"/Span <</ActualText {_utf16(ch)}>> BDC {_outline(40 + 24 * k, page.y(60), 24)} EMC")
    lines = F.set_lines(font, [BODY], 10, 240)
    for k, (text, first, last) in enumerate(lines):
        x = 40 + (20 if first else 0)
        top = 95 + 15 * k
        tc = 0.0 if last else F.justified(font, text, 10, 240 - (20 if first else 0))
        for j, ch in enumerate(text):
            at = x + j * (10 + tc)
            if ch == ODD:
                # 造字: a picture in the character's place, its text in the span
                page.ops.append(f"/Span <</ActualText {_utf16(ch)}>> BDC q 9 0 0 9 {at + 0.5:.2f} "
                                f"{page.y(top) - 1:.2f} cm /Im1 Do Q EMC")
            elif ch == WRONG:
                page.ops.append(f"/Span <</ActualText {_utf16(ch)}>> BDC")
                F.run(page, font, at, top, "口", 10)
                page.ops.append("EMC")
            else:
                F.run(page, font, at, top, ch, 10)
    w.save(path)


def test_outlines_and_pictures_read_as_their_actual_text(tmp_path, reader):
    pdf = tmp_path / "outlined.pdf"
    make_page(pdf)
    texts = [b.text for b in read_pdf(pdf)]
    assert texts == [KICKER, HEADLINE, BODY]


def test_outlines_without_actual_text_are_no_text(tmp_path, reader):
    """An outlined headline with nothing said about it is a picture: the body is read, the
    headline is not made up."""
    pdf = tmp_path / "curves.pdf"
    w = F.Writer(BODY)
    font = w.font()
    page = w.page(320, 300)
    page.ops.append(" ".join(_outline(40 + 24 * k, page.y(60), 24) for k in range(len(HEADLINE))))
    F.run(page, font, 40, 95, BODY[:24], 10)
    w.save(pdf)
    assert [b.text for b in read_pdf(pdf)] == [BODY[:24]]
