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

from galley.app.layout import layout_edition, load_layout
from galley.app.model import Kind
from galley.app.render.docx import render_docx, write_docx
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


def test_docx_is_chinese_with_cjk_quotes_banners_in_their_style_and_sections_per_page():
    import io
    from pathlib import Path

    from galley.app.pipeline import load_edition
    root = Path(__file__).resolve().parents[3]
    ed16 = root.parent / "shared" / "data" / "bench" / "edition16.txt"
    cases = [(sample_edition(), "broadsheet"), (load_edition(root / "resources" / "sample" / "edition.txt"), "tabloid"),
             *([(load_edition(ed16), "a3")] if ed16.exists() else [])]
    seen_banner = False
    for ed, name in cases:
        g = load_layout(name)
        doc = layout_edition(ed, g)
        d = docx.Document(io.BytesIO(render_docx(ed, g, doc)))
        lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
        assert lang.get(qn("w:eastAsia")) == "zh-CN"
        assert d.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
        for s in d.styles:
            if s.name in NAMES:
                assert s.element.rPr.find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia", s.name
        quoted = [r for p in d.paragraphs for r in p.runs if "“" in r.text]
        assert quoted and all(r._r.rPr.find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia" for r in quoted)
        # sections: a page's head band and its columns, never one per story (607 for edition16 before)
        assert len(d.sections) <= 2 * len(doc.pages) + 1, (name, len(d.sections), len(doc.pages))
        banners = [el.text for _, _, el in ed.elements() if el.kind == Kind.BANNER]
        got = [p.text for p in d.paragraphs if p.style.name == "通栏标题"]
        assert got == banners
        seen_banner = seen_banner or bool(banners)
    assert seen_banner
