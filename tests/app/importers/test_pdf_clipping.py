"""PDF import of text under a clipping path, with both readers.

A page system sets a story's lines in a frame and clips them to it: what runs on past the frame
(overset lines, a frame pulled smaller, an old version left under a new one) is written but not
printed, and must not be read; a line the clip cuts through is printed in part and is read.
PDFium gives each text object the clipping path set in its own content stream (a clip a form
XObject is drawn under is added by the reader); pdfminer does not follow clips, so the pdfplumber
reader lays a page out with an interpreter that keeps them. Pages made at test time by `fitpdf`
(our own invented news of 澜州).
"""
from __future__ import annotations

import pytest

from galley.app.importers.pdf import read_pdf
from tests.app.importers import fitpdf as F
from tests.app.importers.test_pdf_fit import BODY

HEAD = "澜州口袋公园开放"


def _set(page: F.Page, font: F.Font, paras: list[str], x: float, top: float) -> int:
    lines = F.set_lines(font, paras, 9, 170)
    for k, (text, first, last) in enumerate(lines):
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 170 - indent)
        F.run(page, font, x + indent, top + k * 13.5, text, 9, tc=tc)
    return len(lines)


def _clipped_page(path, *, cut: float) -> None:
    """A headline, a frame clipped `cut` lines below its second paragraph's last baseline (0.3:
    under the line's descenders; 0.9: through the first line of the third paragraph, 0.5 em of
    it showing), holding the story's four paragraphs, and a second story beside it, not clipped."""
    w = F.Writer("".join(BODY) + HEAD)
    font = w.font()
    page = w.page(420, 400)
    F.run(page, font, 30, 50, HEAD, 20)
    shown = len(F.set_lines(font, BODY[:2], 9, 170))
    foot = 80 + (shown - 1) * 13.5 + cut * 13.5
    page.ops.append(f"q 28 {page.y(foot):.2f} 174 {foot - 66:.2f} re W n")
    _set(page, font, BODY[:4], 30, 80)
    page.ops.append("Q")
    _set(page, font, BODY[4:5], 220, 80)
    w.save(path)


def test_lines_a_clip_hides_are_not_read(tmp_path, reader):
    pdf = tmp_path / "clipped.pdf"
    _clipped_page(pdf, cut=0.3)
    texts = [b.text.replace(" ", "") for b in read_pdf(pdf)]
    assert texts == [t.replace(" ", "") for t in (HEAD, BODY[0], BODY[1], BODY[4])]


def test_a_line_the_clip_cuts_through_is_read(tmp_path, reader):
    """The clip's edge half an em below the third paragraph's first baseline: its first line
    shows its upper half (as a text box's last line does where the box ends) and is read; the
    lines under it are not."""
    pdf = tmp_path / "cut.pdf"
    _clipped_page(pdf, cut=0.9)
    texts = [b.text.replace(" ", "") for b in read_pdf(pdf)]
    first = F.set_lines(F.Writer("".join(BODY)).font(), BODY[2:3], 9, 170)[0][0]
    assert texts[:3] == [t.replace(" ", "") for t in (HEAD, BODY[0], BODY[1])]
    assert texts[3] == first.replace(" ", "")
    assert texts[4:] == [BODY[4].replace(" ", "")]


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_the_readers_agree_under_a_clip(tmp_path, monkeypatch, cut):
    pdf = tmp_path / "clipped.pdf"
    _clipped_page(pdf, cut=cut)
    got = {}
    for name in ("pdfium", "pdfplumber"):
        monkeypatch.setenv("GALLEY_PDF_READER", name)
        got[name] = [b.text.replace(" ", "") for b in read_pdf(pdf)]
    assert got["pdfium"] == got["pdfplumber"]


def _formed_page(path, *, clip_on_form: bool) -> None:
    """`_clipped_page` (cut 0.3) with the clipped story's lines drawn as a form XObject: the clip
    set on the page around the form's `Do` (`clip_on_form`, as a page system places a story's
    frame) or only inside the form (as a placed page or advertisement carries its own)."""
    import pikepdf

    w = F.Writer("".join(BODY) + HEAD)
    font = w.font()
    page = w.page(420, 400)
    F.run(page, font, 30, 50, HEAD, 20)
    shown = len(F.set_lines(font, BODY[:2], 9, 170))
    foot = 80 + (shown - 1) * 13.5 + 0.3 * 13.5
    clip = f"q 28 {page.y(foot):.2f} 174 {foot - 66:.2f} re W n"
    start = len(page.ops)
    _set(page, font, BODY[:4], 30, 80)
    story = page.ops[start:]
    del page.ops[start:]
    _set(page, font, BODY[4:5], 220, 80)
    w.save(path)
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        pg = doc.pages[0]
        inner = story if clip_on_form else [clip, *story, "Q"]
        form = doc.make_stream("\n".join(inner).encode("latin1"), Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 420, 400]),
                               Resources=pg.obj.Resources)
        pg.obj.Resources.XObject.F = form
        rest = pg.obj.Contents.read_bytes().decode("latin1").split("\n")
        call = [clip, "/F Do", "Q"] if clip_on_form else ["q /F Do Q"]
        pg.obj.Contents = doc.make_stream("\n".join([*rest[:start], *call, *rest[start:]]).encode("latin1"))
        doc.save(path)


@pytest.mark.parametrize("clip_on_form", [True, False])
def test_lines_a_clip_hides_in_a_form_are_not_read(tmp_path, reader, clip_on_form):
    """A clip set on a form XObject applies to the text inside it (PDFium gives an object in a
    form only the clips set inside the form), and a clip set only inside a form is followed
    (pdfplumber had looked for clips only in the page's own content)."""
    pdf = tmp_path / "formed.pdf"
    _formed_page(pdf, clip_on_form=clip_on_form)
    texts = [b.text.replace(" ", "") for b in read_pdf(pdf)]
    assert texts == [t.replace(" ", "") for t in (HEAD, BODY[0], BODY[1], BODY[4])]


def test_a_clip_is_followed_in_a_page_of_several_content_streams(tmp_path, reader):
    """A page whose /Contents is an array of streams (the clip set in the first, the lines it
    hides in the second): pdfplumber's page content, streams by reference, had been read as
    holding no clip."""
    import pikepdf

    pdf = tmp_path / "streams.pdf"
    _clipped_page(pdf, cut=0.3)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        pg = doc.pages[0]
        lines = pg.obj.Contents.read_bytes().split(b"\n")
        half = len(lines) // 2
        pg.obj.Contents = pikepdf.Array([doc.make_indirect(doc.make_stream(b"\n".join(lines[:half]) + b"\n")),
                                         doc.make_indirect(doc.make_stream(b"\n".join(lines[half:])))])
        doc.save(pdf)
    texts = [b.text.replace(" ", "") for b in read_pdf(pdf)]
    assert texts == [t.replace(" ", "") for t in (HEAD, BODY[0], BODY[1], BODY[4])]
