"""PDF import stays bounded: glyphs far off the page, too many pages or characters.

A glyph placed millions of points outside a one-page PDF once sized an array by its position
(gigabytes); now coordinates are clipped to the page box, and files past the page and character
limits are refused with one clear line (exit 2 through the CLI).
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from galley.app.errors import GalleyError
from galley.app.importers import pdf as pdfimport
from galley.app.importers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[3]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))


def _page(path: Path, extra: list[tuple[float, float, str]], pages: int = 1) -> None:
    from reportlab.pdfgen import canvas
    _font()
    c = canvas.Canvas(str(path), pagesize=(300, 400), invariant=1)
    for n in range(pages):
        c.setFont("WQY", 9)
        c.drawString(30, 360, f"第{n + 1}页正文第一行，澜州的一段文字。")
        c.drawString(30, 346, "这是第二行文字，用来检查读取。")
        for x, y, s in extra:
            c.drawString(x, y, s)
        c.showPage()
    c.save()


@pytest.fixture(params=["pdfium", "pdfplumber"])
def reader(request, monkeypatch):
    if request.param == "pdfplumber":
        monkeypatch.setenv("GALLEY_PDF_READER", "pdfplumber")
    return request.param


def test_glyph_far_outside_the_page_is_kept_and_cheap(tmp_path, reader):
    pdf = tmp_path / "far.pdf"
    _page(pdf, [(1e7, 100, "远"), (-3e6, -5e6, "外"), (150, 1e8, "高")])
    (page,) = pdfimport._read_glyphs(pdf)
    assert all(0 <= g.x0 <= g.x1 <= page.width and 0 <= g.base <= page.height for g in page.glyphs)
    t0 = time.perf_counter()
    blocks = read_pdf(pdf)
    assert time.perf_counter() - t0 < 5
    text = "".join(b.text for b in blocks)
    for ch in "远外高":
        assert text.count(ch) == 1
    assert "澜州的一段文字" in text


def test_page_limit_is_a_clear_error(tmp_path, monkeypatch, reader):
    pdf = tmp_path / "many.pdf"
    _page(pdf, [], pages=3)
    monkeypatch.setattr(pdfimport, "MAX_PAGES", 2)
    with pytest.raises(GalleyError, match="3 pages; Galley reads at most 2"):
        read_pdf(pdf)
    monkeypatch.setattr(pdfimport, "MAX_PAGES", 3)
    assert "第3页正文" in "".join(b.text for b in read_pdf(pdf))


def test_character_limits_are_clear_errors(tmp_path, monkeypatch):
    pdf = tmp_path / "chars.pdf"
    _page(pdf, [], pages=2)
    monkeypatch.setattr(pdfimport, "MAX_PAGE_GLYPHS", 10)
    with pytest.raises(GalleyError, match="page 1 of the PDF has"):
        read_pdf(pdf)
    monkeypatch.setattr(pdfimport, "MAX_PAGE_GLYPHS", 1000)
    monkeypatch.setattr(pdfimport, "MAX_GLYPHS", 40)
    with pytest.raises(GalleyError, match="more than 40 characters"):
        read_pdf(pdf)


def test_cli_exit_2_past_the_limit(tmp_path):
    pdf = tmp_path / "many.pdf"
    _page(pdf, [], pages=2)
    code = ("import sys; from galley.app.importers import pdf; pdf.MAX_PAGES = 1; from galley.app.cli import main; "
            "sys.exit(main(['repair', sys.argv[1]]))")
    r = subprocess.run([sys.executable, "-c", code, str(pdf)], cwd=ROOT, capture_output=True, text=True,
                       check=False)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("galley: error: the PDF has 2 pages"), r.stderr
