"""DOCX export read back with python-docx: styles, East Asian fonts, sections, every character."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter

import docx
import pytest
from docx.oxml.ns import qn

from app.layout import layout_edition, load_layout
from app.render.docx import render_docx, write_docx
from tests.app.layout.sample import long_edition, sample_edition
from tests.app.render.conftest import assert_pdf_holds_edition_text

NAMES = ["引题", "主题", "副题", "正文", "署名", "小标题", "图片说明", "边栏"]


def test_docx_styles_sections_and_text(tmp_path):
    ed = sample_edition()
    g = load_layout("broadsheet")
    doc = layout_edition(ed, g)
    path = tmp_path / "e.docx"
    write_docx(ed, g, path, doc)
    d = docx.Document(str(path))
    styles = {s.name: s for s in d.styles}
    for name in NAMES:
        assert name in styles, name
        rfonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts is not None and rfonts.get(qn("w:eastAsia")) in ("SimSun", "SimHei", "KaiTi")
    assert styles["主题"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "SimSun"   # 标宋-style 主题
    assert styles["引题"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "SimHei"
    used = Counter(p.style.name for p in d.paragraphs)
    for name in ("引题", "主题", "副题", "正文", "署名", "小标题", "图片说明", "边栏"):
        assert used[name] > 0, name
    got = Counter(re.sub(r"\s", "", "".join(p.text for p in d.paragraphs)))
    want = Counter()
    for _, _, el in ed.elements():
        want.update(re.sub(r"\s", "", el.text))
    assert not (want - got)
    # page size and columns come from the grid
    sec = d.sections[-1]
    assert abs(sec.page_width.pt - g.width) < 1 and abs(sec.page_height.pt - g.height) < 1
    cols = [s._sectPr.find(qn("w:cols")).get(qn("w:num")) for s in d.sections]
    assert "1" in cols and any(int(c) > 1 for c in cols)
    # sidebars are boxed
    side = next(p for p in d.paragraphs if p.style.name == "边栏")
    assert styles["边栏"].element.pPr.find(qn("w:pBdr")) is not None and side.text


def test_a_new_page_section_per_page_and_same_bytes_twice():
    ed = long_edition(6)
    g = load_layout("tabloid")
    doc = layout_edition(ed, g)
    data = render_docx(ed, g, doc)
    assert data == render_docx(ed, g, doc)
    import io
    d = docx.Document(io.BytesIO(data))
    starts = [s.start_type for s in d.sections]
    from docx.enum.section import WD_SECTION
    assert sum(1 for s in starts if s == WD_SECTION.NEW_PAGE) == len(doc.pages) - 1


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_libreoffice_opens_the_docx_and_keeps_every_character(tmp_path):
    ed = sample_edition()
    g = load_layout("tabloid")
    src = tmp_path / "e.docx"
    write_docx(ed, g, src, layout_edition(ed, g))
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    env = {**os.environ, "HOME": str(tmp_path)}          # a fresh profile, no user settings
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=300, env=env)
    pdf = tmp_path / "e.pdf"
    assert pdf.exists()
    assert_pdf_holds_edition_text(ed, pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    assert abs(float(w) - g.width) < 2 and abs(float(h) - g.height) < 2
