"""DOCX import: paragraphs in order, text in tables and text boxes, clear errors for broken files."""
import subprocess
import sys

import docx
import pytest
from docx.oxml import parse_xml

from galley.app.errors import GalleyError
from galley.app.importers import read_blocks

TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>边栏:全市新增绿道120公里</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>边栏:全市新增绿道120公里</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def make_docx(path):
    d = docx.Document()
    d.add_paragraph("临川日报")
    d.add_paragraph("本报讯(记者 林晓岚)3月18日,临川高新区光电产业园二期厂房封顶。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "开工率90.3%"
    p = d.add_paragraph("园区负责人说,今年计划投产三条新产线。")
    p._p.append(parse_xml(TEXTBOX))
    d.save(path)


def test_paragraphs_tables_and_text_boxes_in_order(tmp_path):
    path = tmp_path / "edition.docx"
    make_docx(path)
    texts = [b.text for b in read_blocks(path)]
    assert texts == ["临川日报", "本报讯(记者 林晓岚)3月18日,临川高新区光电产业园二期厂房封顶。",
                     "项目", "开工率90.3%", "园区负责人说,今年计划投产三条新产线。", "边栏:全市新增绿道120公里"]


def test_truncated_docx_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.docx"
    make_docx(path)
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(GalleyError) as err:
        read_blocks(path)
    assert "DOCX" in str(err.value) and "broken.docx" in str(err.value)


def test_cli_reports_broken_docx_on_one_line_and_writes_nothing(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out.txt"
    proc = subprocess.run([sys.executable, "-m", "galley", "repair", str(path), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("galley: error: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and not out.exists()


def test_failed_run_does_not_overwrite_a_good_output(tmp_path):
    good = tmp_path / "out.txt"
    good.write_text("earlier good output", encoding="utf-8")
    bad = tmp_path / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    proc = subprocess.run([sys.executable, "-m", "galley", "repair", str(bad), "-o", str(good)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and "junk.txt" in proc.stderr
    assert good.read_text(encoding="utf-8") == "earlier good output"


def test_decompression_bomb_is_refused_from_the_zip_directory(tmp_path):
    """A 300 KB DOCX whose document.xml unpacks to 300 MB is refused at once, without unpacking it."""
    import resource
    import time
    import zipfile
    base = tmp_path / "base.docx"
    docx.Document().save(base)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != "word/document.xml":
                zout.writestr(info, data)
                continue
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(data[:-20])
                block = b" " * (1 << 20)
                for _ in range(300):
                    fh.write(block)
                fh.write(data[-20:])
    assert bomb.stat().st_size < 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.monotonic()
    with pytest.raises(GalleyError, match="too large when unpacked"):
        read_blocks(bomb)
    assert time.monotonic() - t < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000   # KB: nothing unpacked


def test_a_docx_that_lies_about_its_sizes_is_a_clear_error(tmp_path):
    """Declared sizes that are too small: the ZIP reader stops at them, the damage is reported."""
    path = tmp_path / "lies.docx"
    make_docx(path)
    data = bytearray(path.read_bytes())
    i = data.find(b"word/document.xml", data.find(b"PK\x01\x02"))      # its central directory entry
    entry = data.rfind(b"PK\x01\x02", 0, i)
    data[entry + 24:entry + 28] = (10).to_bytes(4, "little")        # uncompressed size: 10 bytes
    path.write_bytes(bytes(data))
    with pytest.raises(GalleyError, match="not a readable DOCX"):
        read_blocks(path)
