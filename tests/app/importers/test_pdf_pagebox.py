"""PDF import of a page set in a larger sheet: a print PDF as page systems write it for the
plate, with the page's trim box (and perhaps its crop box) inside the media box, and crop marks
and a slug line (paper, date, 第N版, plate colour, the time it was output) outside the trim.

The page is the FIT-style module of `test_pdf_fit` (our own invented news of 澜州), moved into
the sheet; the slug is written with `fitpdf` and laid over it. It must read as the page alone:
nothing of the slug, every glyph where it stands on the page.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from galley.app.importers.pdf import read_pdf
from tests.app.importers import fitpdf as F
from tests.app.importers.test_pdf_fit import make_front

SLUG = "澜州日报 2025年5月8日 第3版 黑 17:32:08"
MARGIN = 36.0


def _slug(path: Path, width: float, height: float) -> None:
    """A sheet `MARGIN` wider than the page on each side: crop marks at the trim's corners and
    the slug line in the margin over and under the page."""
    w = F.Writer(SLUG)
    font = w.font()
    sheet = w.page(width + 2 * MARGIN, height + 2 * MARGIN)
    m = MARGIN
    for x in (m, m + width):
        sheet.ops.append(f"0.3 w {x} 2 m {x} {m - 6} l S {x} {m + height + 6} m {x} {2 * m + height - 2} l S")
    F.run(sheet, font, m + 20, m / 2, SLUG, 7)
    F.run(sheet, font, m + 20, sheet.height - m / 2 + 7, SLUG, 7)
    w.save(path)


def _in_sheet(page_pdf: Path, out: Path, how: str) -> None:
    """The page moved into a sheet with marks and slug. `trim`: the media box is the sheet, the
    trim box the page (a viewer shows the marks); `crop`: the crop box is the page too (shown
    cut, the slug still in the file); `negative`: the sheet's media box has its corner below and
    left of the origin, the page's at it; `rotate`: as `crop`, and /Rotate 90."""
    with pikepdf.open(page_pdf) as pdf:
        page = pdf.pages[0]
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        width, height = x1 - x0, y1 - y0
        _slug(out.with_name("slug.pdf"), width, height)
        m = MARGIN
        shift = 0.0 if how == "negative" else m
        page.contents_add(pdf.make_stream(f"q 1 0 0 1 {shift} {shift} cm".encode()), prepend=True)
        page.contents_add(pdf.make_stream(b"Q"))
        with pikepdf.open(out.with_name("slug.pdf")) as slug:
            page.add_overlay(slug.pages[0], pikepdf.Rectangle(shift - m, shift - m, shift + m + width,
                                                              shift + m + height))
        page.MediaBox = [shift - m, shift - m, shift + m + width, shift + m + height]
        trim = [shift, shift, shift + width, shift + height]
        page.TrimBox = trim
        page.BleedBox = [shift - 9, shift - 9, shift + width + 9, shift + height + 9]
        if how != "trim":
            page.CropBox = trim
        if how == "rotate":
            page.Rotate = 90
        pdf.save(out)


@pytest.mark.parametrize("how", ["trim", "crop", "negative", "rotate"])
def test_a_page_in_a_sheet_reads_as_the_page(tmp_path, reader, how):
    plain, sheet = tmp_path / "page.pdf", tmp_path / f"{how}.pdf"
    make_front(plain)
    if how == "rotate":
        with pikepdf.open(plain, allow_overwriting_input=True) as pdf:
            pdf.pages[0].Rotate = 90
            pdf.save(plain)
    _in_sheet(plain, sheet, how)
    want = [b.text for b in read_pdf(plain)]
    got = [b.text for b in read_pdf(sheet)]
    assert got == want
    assert not any("17:32" in t or "黑" in t for t in got)


def test_a_stray_trim_box_cuts_nothing_away(tmp_path, reader):
    """A trim box a ninth of the page (a broken one) is not taken: the page reads whole."""
    plain, odd = tmp_path / "page.pdf", tmp_path / "odd.pdf"
    make_front(plain)
    with pikepdf.open(plain) as pdf:
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].MediaBox)
        pdf.pages[0].TrimBox = [x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3]
        pdf.save(odd)
    assert [b.text for b in read_pdf(odd)] == [b.text for b in read_pdf(plain)]


@pytest.mark.parametrize("name, scale", [("tb_front", 0.5), ("tb_front", 2.0), ("fit_headright", 1.1), ("sc_wrap", 1.1)])
def test_a_page_drawn_at_another_scale_reads_as_the_page(tmp_path, name, scale):
    """A broadsheet page printed to A4 (缩印: its 9 pt body at about 5 pt) or drawn at twice its
    size reads as the page itself: a page whose body is set far outside a newspaper's sizes is
    read at the scale that brings it back (`BODY_NORMAL`), and a rule's thickness and length are
    judged against the body (the 版眉's 2.4 pt rule, drawn a tenth larger, still cuts the 版眉
    off), and a caption half a point smaller than the body is smaller type at any scale (the
    Scribus page's 8.5 pt caption under a 9 pt body reads 9.5 against 10 a tenth larger, and the
    paragraph it interrupts still runs on past it). Corpus pages: the text-box page (LibreOffice),
    whose boxes and rules a scale upsets, a FIT-style page and a Scribus page."""
    from tests.app.importers.pdf_score import CORPUS
    page = CORPUS / f"{name}.pdf"
    scaled = tmp_path / "scaled.pdf"
    with pikepdf.open(page) as pdf:
        p = pdf.pages[0]
        p.contents_add(pdf.make_stream(f"q {scale} 0 0 {scale} 0 0 cm".encode()), prepend=True)
        p.contents_add(pdf.make_stream(b"Q"))
        for box in ("/MediaBox", "/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
            if box in p.obj:
                p.obj[box] = [float(v) * scale for v in p.obj[box]]
        pdf.save(scaled)
    assert [b.text for b in read_pdf(scaled)] == [b.text for b in read_pdf(page)]
