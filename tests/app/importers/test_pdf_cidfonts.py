"""PDF import of pages whose fonts carry no usable Unicode: CID-keyed CFF fonts (CIDFontType0,
FontFile3 /CIDFontType0C) with Adobe-GB1 CIDs and no ToUnicode, name-keyed CFF fonts, TrueType
fonts with only a GBK cmap or with CIDs apart from their glyph ids, and ToUnicode maps that send
glyphs to private use code points or to radicals, or leave some out.

The pages are made at test time by `fitpdf` and `cffont` (our own invented news of the fictional
city of 澜州), set the way 方正飞腾 and InDesign write them: a fake-bold headline one glyph per
BT/ET in a scrambled order, two columns of body justified with Tc and Tz. Each is read with both
readers and checked for its exact text and order.

What the readers did before `pdf_fonts` read CFF programs and overruled lying ToUnicode maps:
a CIDSystemInfo of Adobe-GB1 (Identity-H, UniGB-UCS2-H, GBK-EUC-H) was read by both; a CFF whose
PDF says Identity while the program names Adobe-GB1, a name-keyed CFF and a ToUnicode into private
use were refused by both ("no Unicode mapping" / "made up"); a ToUnicode with gaps left U+FFFD with
pdfplumber; a ToUnicode into Kangxi radicals and compatibility ideographs (⽼ for 老, 年 for 年)
was taken at its word by both.
"""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from galley.app.errors import GalleyError
from galley.app.importers import pdf_fonts
from galley.app.importers.pdf import read_pdf
from tests.app.importers import cffont
from tests.app.importers import fitpdf as F

HEADLINE = "澜州老城区完成雨污分流改造"
BODY = [
    ("本报讯（记者 庄明远）经过十四个月施工，澜州老城区雨污分流改造工程日前全部完工。工程共新铺"
     "雨水管道三十二公里、污水管道二十七公里，覆盖街巷一百一十六条。"),
    ("市水务局负责人介绍，老城区管网多建于上世纪八十年代，雨水和污水同走一根管道，一到汛期就容易"
     "倒灌。改造后雨水直接排入河道，污水全部送往城东净水厂处理。"),
    ("为减少对居民出行的影响，施工队采用分段围挡、夜间作业的办法，每段路面完工后三天内恢复通行。"
     "住在鼓楼巷的居民严秋芳说，今年夏天连下几场大雨，巷子里再没积过水。"),
]
CAPTION = "施工人员在鼓楼巷铺设污水管道。本报记者庄明远摄"
ALL = HEADLINE + "".join(BODY) + CAPTION

SIZE = 9.0
LEAD = 13.5
COL_CHARS = 14

# How each page's fonts are written (`fitpdf.Writer.font`).
FONTS = {
    "gb1_identity": {"cff": "cid", "to_unicode": False},
    "gb1_ucs2": {"cff": "cid", "to_unicode": False, "encoding": "UniGB-UCS2-H"},
    "gb1_gbk": {"cff": "cid", "to_unicode": False, "encoding": "GBK-EUC-H"},
    "program_names_gb1": {"cff": "cid", "to_unicode": False, "ordering": "Identity"},
    "name_keyed": {"cff": "named", "to_unicode": False},
    "cff_private_use": {"cff": "cid", "lies": "pua"},
    "truetype_private_use": {"lies": "pua"},
    "cff_gaps": {"cff": "cid", "lies": "gaps"},
    "truetype_gaps": {"lies": "gaps"},
    "radicals": {"lies": "radicals"},
    "cff_radicals": {"cff": "cid", "lies": "radicals"},
}


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def make_page(path: Path, body_font: dict, headline_font: dict | None = None, more: str = "",
              cmap: str = "unicode") -> None:
    """A headline (fake bold, written glyph by glyph out of order) over two justified columns and a
    caption, the headline and the body in the fonts given, which hold the characters `more` too
    (and whose TrueType program has the `cmap` given)."""
    w = F.Writer(ALL + more, cmap)
    font = w.font(**body_font)
    head = w.font(**headline_font) if headline_font is not None else font
    page = w.page(320, 360)
    F.glyphs(page, head, 30, 50, HEADLINE, 20, bold=2, shuffle=3, tz=96)
    col_w, gutter = COL_CHARS * SIZE, 1.5 * SIZE
    slots = [(30 + col * (col_w + gutter), 85 + r * LEAD) for col in range(2) for r in range(16)]
    lines = F.set_lines(font, BODY, SIZE, col_w)
    assert len(lines) <= len(slots), "the test page is too small for its text"
    for k, ((text, first, last), (x, y)) in enumerate(zip(lines, slots, strict=False)):
        indent = 2 * SIZE if first else 0.0
        tz = 97.0 if k % 2 else 100.0
        tc = 0.0 if last else F.justified(font, text, SIZE, col_w - indent, tz)
        F.run(page, font, x + indent, y, text, SIZE, tc=tc, tz=tz)
    F.run(page, font, 30, 85 + 16 * LEAD + 8, CAPTION, 7.5)
    w.save(path)


@pytest.mark.parametrize("kind", list(FONTS))
def test_page_in_a_font_without_usable_unicode_reads_whole_and_in_order(tmp_path, reader, kind):
    pdf = tmp_path / f"{kind}.pdf"
    make_page(pdf, FONTS[kind])
    texts = [b.text for b in read_pdf(pdf)]
    joined = "".join(texts)
    assert "\ufffd" not in joined and not any(pdf_fonts.is_private(c) for c in joined), texts
    assert texts[0] == HEADLINE, texts
    assert [t for t in texts if t in BODY] == BODY, texts
    assert CAPTION in texts
    assert sorted(_nows(joined)) == sorted(_nows(ALL))


def test_subset_of_thousands_of_glyphs_without_tounicode(tmp_path, reader):
    """A page system's subset of a whole page's characters (two thousand and more) without a
    ToUnicode: glyph ids past 0x580 are codes that PDFium passes through its bidi and
    normalisation steps as Arabic, Indic or Tibetan letters, most of them not flagged unmapped,
    some cut in two. They are read from the font's cmap like the rest."""
    more = "".join(bytes([hi, lo]).decode("gb2312") for hi in range(0xB0, 0xC8) for lo in range(0xA1, 0xFF))
    pdf = tmp_path / "big.pdf"
    make_page(pdf, {"to_unicode": False}, more=more)
    gids = F.Writer(ALL + more).gid
    assert sum(0x580 <= gids[c] <= 0x8FF for c in set(ALL)) >= 10     # the page has such codes
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY, texts
    assert sorted(_nows("".join(texts))) == sorted(_nows(ALL))


@pytest.mark.parametrize("cmap", ["prc", "mac"])
def test_truetype_font_with_only_a_gbk_cmap(tmp_path, reader, cmap):
    """An older Chinese TrueType font whose only cmap is a GBK one ((3,3) PRC, format 4, or (1,25)
    Mac simplified Chinese, format 2), embedded without a ToUnicode: its codes are read as GBK."""
    pdf = tmp_path / f"{cmap}.pdf"
    make_page(pdf, {"to_unicode": False}, cmap=cmap)
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY, texts
    assert sorted(_nows("".join(texts))) == sorted(_nows(ALL))


@pytest.mark.parametrize("named", [True, False])
def test_truetype_subset_with_no_cmap_reads_by_its_outlines(tmp_path, reader, named):
    """A TrueType subset that kept only its glyphs (no cmap), embedded without a ToUnicode: only
    the outlines say what each glyph is. Named as the installed font it was cut from (WenQuanYi
    Zen Hei, which the tests' pages are set in), each glyph is found there by its points; named
    as a font the machine does not have, the page is refused with the font's name, as before."""
    pdf, named_pdf = tmp_path / "bare.pdf", tmp_path / "named.pdf"
    make_page(pdf, {"to_unicode": False}, cmap="none")
    with pikepdf.open(pdf) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and named:
                obj.BaseFont = pikepdf.Name("/QWERTY+WenQuanYiZenHei")
            elif isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor" and named:
                obj.FontName = pikepdf.Name("/QWERTY+WenQuanYiZenHei")
        doc.save(named_pdf)
    if not named:
        with pytest.raises(GalleyError, match="FZSSK"):
            read_pdf(named_pdf)
        return
    texts = [b.text for b in read_pdf(named_pdf)]
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY, texts
    assert sorted(_nows("".join(texts))) == sorted(_nows(ALL))


@pytest.mark.parametrize("shift", [3, 300])
def test_truetype_font_whose_cids_are_not_its_glyph_ids(tmp_path, reader, shift):
    """A TrueType CID font with a CIDToGIDMap stream (CID = glyph id + `shift`) and no ToUnicode:
    read through its cmap, a CID must first become a glyph id. Taken for glyph ids, the CIDs read
    as other characters (a shift of 3, silently) or as none (300)."""
    pdf = tmp_path / "shifted.pdf"
    make_page(pdf, {"to_unicode": False, "cid_shift": shift})
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY, texts


def test_headline_font_that_lies_over_a_cff_body(tmp_path, reader):
    """A headline font whose ToUnicode maps into private use, over body text in a CID-keyed CFF
    font with no ToUnicode whose PDF says Identity: each font is read from its own program."""
    pdf = tmp_path / "mixed.pdf"
    make_page(pdf, {"cff": "cid", "to_unicode": False, "ordering": "Identity"}, {"lies": "pua"})
    texts = [b.text for b in read_pdf(pdf)]
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY


def test_private_use_with_nothing_to_overrule_it_is_kept(tmp_path, reader):
    """A private use code point that neither the ordering nor the program can name (a page
    system's 造字, a CFF program of an Identity ordering) stays as the PDF has it."""
    pdf = tmp_path / "zaozi.pdf"
    make_page(pdf, {}, {"cff": "cid", "lies": "pua", "ordering": "Identity", "ros": "Identity"})
    texts = [b.text for b in read_pdf(pdf)]
    head = texts[0]
    assert len(head) == len(HEADLINE)
    assert sum(pdf_fonts.is_private(c) for c in head) >= 4
    assert all(c == h for c, h in zip(head, HEADLINE, strict=True) if not pdf_fonts.is_private(c))
    assert [t for t in texts if t in BODY] == BODY


def test_cff_font_that_names_no_ordering_is_refused_clearly(tmp_path, reader):
    """A CID-keyed CFF program of an Identity ordering, no ToUnicode: nothing says which
    character a glyph is. The reader names the font and the page instead of giving a traceback
    or numbers for text."""
    pdf = tmp_path / "identity.pdf"
    make_page(pdf, {"cff": "cid", "to_unicode": False, "ordering": "Identity", "ros": "Identity"})
    with pytest.raises(GalleyError) as err:
        read_pdf(pdf)
    assert "no Unicode mapping" in err.value.message
    assert "FZSSJW--GB1-0" in err.value.message and "page 1" in err.value.message
    assert str(err.value.path) == str(pdf)


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_cff_program_is_refused_clearly(tmp_path, reader, damage):
    """A CID-keyed CFF program cut short or overwritten, in a font whose PDF says Identity and
    has no ToUnicode: a clear error naming the font and the page, never a traceback."""
    import pikepdf
    pdf = tmp_path / "damaged.pdf"
    make_page(pdf, {"cff": "cid", "to_unicode": False, "ordering": "Identity"})
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        for font in doc.pages[0].Resources.Font.values():
            stream = font.DescendantFonts[0].FontDescriptor.FontFile3
            data = stream.read_bytes()
            stream.write(data[:40] if damage == "truncated" else bytes(len(data)))
        doc.save(pdf)
    with pytest.raises(GalleyError) as err:
        read_pdf(pdf)
    assert "no Unicode mapping" in err.value.message and "page 1" in err.value.message


def test_cff_programs_are_read_by_their_ordering_and_glyph_names():
    cids = [F.gb1_cid(c) for c in "澜州中1"]
    assert pdf_fonts.program_map(cffont.cid_font(cids)) == dict(zip(cids, "澜州中1", strict=True))
    assert pdf_fonts.program_map(cffont.named_font(["uni6F9C", "u5DDE", "one", "uni00B7.vert"])) == \
        {1: "澜", 2: "州", 3: "1", 4: "·"}
    assert pdf_fonts.program_map(cffont.cid_font(cids, ordering="Identity")) == {}
    # inside an OpenType font (FontFile3 /OpenType) the codes are still the CIDs
    assert pdf_fonts.program_map(cffont.opentype(cffont.cid_font(cids))) == dict(zip(cids, "澜州中1", strict=True))


def test_adobe_gb1_ordering_agrees_with_adobes_cmap():
    """Every character of the test pages goes to its CID by Adobe's UniGB-UCS2-H and back by
    resources/pdf/adobe_gb1.txt (built from Adobe's cid2code.txt)."""
    table = pdf_fonts.ordering_map("Adobe-GB1")
    assert table is not None and len(table) > 29000
    for ch in set(ALL) - {" "}:
        assert table[F.gb1_cid(ch)] == ch
    # the forms for vertical writing and the half-width ones GBK-EUC-H reaches stand for the
    # characters a text holds
    assert (table[573], table[580], table[599], table[814], table[829]) == ("，", "（", "…", "!", "0")
    assert pdf_fonts.ordering_map("Adobe-Identity") is None


def test_damaged_font_programs_give_nothing_not_an_error():
    data = cffont.cid_font([F.gb1_cid(c) for c in HEADLINE])
    for cut in (1, 3, 7, 20, 60, len(data) // 2, len(data) - 5):
        assert isinstance(pdf_fonts.program_map(data[:cut]), dict)
    assert pdf_fonts.program_map(b"\x01\x00\x04\x04" + b"\xff" * 40) == {}
    assert pdf_fonts.program_map(b"OTTO" + b"\0" * 40) == {}
