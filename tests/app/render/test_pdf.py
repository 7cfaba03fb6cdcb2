"""The print PDF read back: fonts embedded as subsets, all text present, CMYK only, boxes, determinism."""
from __future__ import annotations

import re
import shutil
import subprocess

import pikepdf
import pytest

from galley.app.layout import layout_edition, load_layout
from galley.app.render.pdf import render_pdf, write_pdf
from tests.app.layout.sample import long_edition, sample_edition
from tests.app.render.conftest import assert_pdf_holds_edition_text

MM = 72 / 25.4
needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    ed = sample_edition()
    doc = layout_edition(ed, load_layout("broadsheet"))
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    write_pdf(doc, path)
    return ed, doc, path


@needs_poppler
def test_every_font_is_embedded_as_a_subset(sample_pdf):
    _, _, path = sample_pdf
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.strip().splitlines()[2:]
    assert rows
    names = " ".join(r.split()[0] for r in rows)
    for face in ("BousungEG-Light-GB", "WenQuanYiZenHei", "GBZenKai-Medium"):   # AR PL SungtiL GB, KaitiM GB
        assert face in names
    for r in rows:
        cols = r.split()
        # name type encoding emb sub uni id gen
        assert cols[-5] == "yes" and cols[-4] == "yes", r


@needs_poppler
def test_text_read_back_holds_every_character(sample_pdf):
    ed, _, path = sample_pdf
    assert_pdf_holds_edition_text(ed, path)


def test_column_text_reads_in_order_with_pdfplumber(sample_pdf):
    import pdfplumber
    _, doc, path = sample_pdf
    first_col = [ln for ln in doc.pages[0].lines() if ln.story == "s1" and ln.style == "body" and ln.column == 0]
    x0 = min(ln.x for ln in first_col) - 2
    x1 = x0 + load_layout("broadsheet").column_width + 4
    y0 = min(ln.y for ln in first_col) - 12
    y1 = max(ln.y for ln in first_col) + 4
    bleed = doc.pages[0].bleed
    with pdfplumber.open(str(path)) as pdf:
        page = pdf.pages[0]
        crop = page.crop((x0 + bleed, y0 + bleed, x1 + bleed, y1 + bleed))
        got = re.sub(r"\s", "", crop.extract_text())
    want = "".join(ln.text for ln in first_col).replace(" ", "")
    assert got == want


def _page_streams(path):
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            yield page, b"".join(c.read_bytes() for c in (page.Contents if isinstance(page.Contents, pikepdf.Array)
                                                          else [page.Contents]))


def test_cmyk_only_text_black_and_overprinted(sample_pdf):
    _, _, path = sample_pdf
    for page, data in _page_streams(path):
        assert not re.search(rb"(^|\s)(rg|RG|scn|SCN|sc|SC|cs|CS)(\s|$)", data)
        assert b"DeviceRGB" not in data
        for bt in re.findall(rb"BT(.*?)ET", data, re.DOTALL):
            colours = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k", bt)
            assert colours and all(c == (b"0", b"0", b"0", b"1") for c in colours)
        gs = page.Resources.get("/ExtGState")
        assert gs is not None
        used = {name for name in gs if name.encode() + b" gs" in data}
        states = [gs[n] for n in used]
        assert any(bool(v.get("/OP")) for v in states) and any(bool(v.get("/op")) for v in states)
        assert any(int(v.get("/OPM", 0)) == 1 for v in states)
        assert data.index(b" gs") < data.index(b"BT")
    raw = path.read_bytes()
    assert b"/DeviceRGB" not in raw


def test_page_boxes_with_bleed_and_output_intent(sample_pdf):
    _, _, path = sample_pdf
    g = load_layout("broadsheet")
    with pikepdf.open(path) as pdf:
        p = pdf.pages[0]
        media = [float(v) for v in p.MediaBox]
        trim = [float(v) for v in p.TrimBox]
        bleed = [float(v) for v in p.BleedBox]
        assert trim[2] - trim[0] == pytest.approx(g.width, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(g.height, abs=0.01)
        assert trim[0] - bleed[0] == pytest.approx(3 * MM, abs=0.01)
        assert bleed[0] >= media[0] and bleed[2] <= media[2]
        intents = pdf.Root.OutputIntents
        assert intents[0].S == "/GTS_PDFX"
        if "/DestOutputProfile" in intents[0]:
            assert int(intents[0].DestOutputProfile.N) == 4
        assert str(pdf.docinfo["/Author"]) == "Galley" and str(pdf.docinfo["/Title"])


def test_crop_marks_widen_the_media_box():
    doc = layout_edition(sample_edition(), load_layout("a3"))
    plain = render_pdf(doc)
    marked = render_pdf(doc, crop_marks=True)
    import io
    with pikepdf.open(io.BytesIO(plain)) as a, pikepdf.open(io.BytesIO(marked)) as b:
        assert float(b.pages[0].MediaBox[2]) > float(a.pages[0].MediaBox[2]) + 20
        assert float(b.pages[0].TrimBox[2]) - float(b.pages[0].TrimBox[0]) == pytest.approx(
            float(a.pages[0].TrimBox[2]) - float(a.pages[0].TrimBox[0]))


def test_identical_bytes_for_identical_input(tmp_path):
    g = load_layout("tabloid")
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(layout_edition(long_edition(2), g), a)
    write_pdf(layout_edition(long_edition(2), g), b)
    assert a.read_bytes() == b.read_bytes()


def test_ink_limit_of_tints():
    doc = layout_edition(long_edition(2), load_layout("a3"))
    for page in doc.pages:
        for item in page.items:
            for colour in (getattr(item, "fill", None), getattr(item, "stroke", None), getattr(item, "color", None)):
                if colour is not None:
                    assert colour.total_ink <= 2.4


def test_output_intent_without_a_profile_still_names_the_condition(monkeypatch):
    import io

    import galley.app.render.pdf as pdfmod
    monkeypatch.setattr(pdfmod, "find_cmyk_profile", lambda: None)
    data = render_pdf(layout_edition(sample_edition(), load_layout("a3")))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "IFRA26"
        assert "/DestOutputProfile" not in intent


def test_pdfx_1a_identification_and_an_output_intent_true_to_its_profile(sample_pdf):
    import struct

    from galley.app.render.pdf import find_cmyk_profile
    _, _, path = sample_pdf
    with pikepdf.open(path) as pdf:
        info = pdf.docinfo
        assert str(info["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(info["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        assert info["/Trapped"] == pikepdf.Name("/False")
        assert str(info["/Title"]) and "/CreationDate" in info and "/ModDate" in info
        assert pdf.pdf_version <= "1.3"                     # X-1a:2001 is PDF 1.3
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-1:2001"
        assert meta["pdfx:GTS_PDFXConformance"] == "PDF/X-1a:2001"
        assert meta["pdf:Producer"] == str(info["/Producer"])
        assert meta["xmp:CreateDate"].startswith("2000-01-01T00:00:00")    # the Info dates, invariant
        for page in pdf.pages:
            assert "/TrimBox" in page and "/BleedBox" in page
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX"
        intent = intents[0]
        profile = find_cmyk_profile()
        if profile is None:
            assert str(intent.OutputConditionIdentifier) == "IFRA26" and "/RegistryName" in intent
            return
        embedded = bytes(intent.DestOutputProfile.read_bytes())
        assert embedded[36:40] == b"acsp" and embedded[16:20] == b"CMYK"
        # the label is the embedded profile's own description, not a newsprint claim it cannot back
        count = struct.unpack(">I", embedded[128:132])[0]
        tags = {embedded[132 + 12 * k:136 + 12 * k]: struct.unpack(">II", embedded[136 + 12 * k:144 + 12 * k])
                for k in range(count)}
        off, size = tags[b"desc"]
        desc = embedded[off:off + size]
        if desc[:4] == b"desc":
            name = desc[12:12 + struct.unpack(">I", desc[8:12])[0]].rstrip(b"\0").decode("latin-1")
        else:
            n, o = struct.unpack(">II", desc[20:28])
            name = desc[o:o + n].decode("utf-16-be")
        if "newspaper26" in name.lower().replace(" ", ""):
            assert str(intent.OutputConditionIdentifier) == "IFRA26"
        else:
            assert str(intent.OutputConditionIdentifier) == "Custom"
            assert str(intent.OutputCondition) == name.strip()
            assert "not a newsprint characterisation" in str(intent.Info)
            assert "/RegistryName" not in intent
