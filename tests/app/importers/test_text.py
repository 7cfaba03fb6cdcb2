"""Text import: every common encoding of the same page gives the same blocks."""
import codecs

import pytest

from galley.app.errors import GalleyError
from galley.app.importers import read_blocks
from galley.app.importers.text import decode_bytes

PAGE = "新华日报\n\n本报讯(记者 李明)3月5日,全市召开会议。\n\n“十五五”开局之年,我市坚持……\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
def test_encodings_decode_to_the_same_text(encoding):
    assert decode_bytes(PAGE.encode(encoding)) == PAGE


def test_big5_traditional_text():
    text = "新聞速覽\n\n本報訊(記者 王明)市政府召開會議,討論發展規劃。\n"
    assert decode_bytes(text.encode("big5")) == text


def test_seed_page_in_every_encoding_gives_same_blocks(seed_path, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    want = [b.text for b in read_blocks(seed_path)]
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        p = tmp_path / f"seed-{enc}.txt"
        p.write_bytes(text.encode(enc))
        assert [b.text for b in read_blocks(p)] == want, enc


def test_binary_junk_is_refused(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(GalleyError) as err:
        read_blocks(p)
    assert "junk.txt" in str(err.value)


def test_blank_lines_mark_block_boundaries():
    from galley.app.importers.text import read_text
    blocks = read_text("甲\n乙\n\n丙\n")
    assert [(b.text, b.blank_before) for b in blocks] == [("甲", True), ("乙", False), ("丙", True)]


def test_bom_is_not_part_of_the_text():
    assert decode_bytes(codecs.BOM_UTF8 + "标题".encode()) == "标题"


# --- damaged and oversized files (issue 15) ------------------------------------------------

@pytest.mark.parametrize("tail, what", [(b"\xff\xe6\x96\x87\n", "not valid UTF-8 at byte 9"),
                                        (b"\xe6\x96", "cut short at byte 9"),
                                        (b"\xed\xa0\x80", "not valid UTF-8 at byte 9")])
def test_bom_with_a_bad_or_cut_byte_is_a_clear_error(tmp_path, tail, what):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + "中文".encode() + tail)
    with pytest.raises(GalleyError, match=what) as err:
        read_blocks(p)
    assert err.value.path == str(p)


def test_control_characters_never_reach_the_blocks():
    from galley.app.importers.text import read_text
    blocks = read_text("甲\x0b乙\x01丙\x1b\x7f\x85丁\u2028戊\x00\n")
    assert [b.text for b in blocks] == ["甲", "乙丙", "丁", "戊"]


def test_too_large_text_file_is_refused_before_reading(tmp_path):
    import time
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)          # 50 MB (sparse: nothing is written)
    t = time.monotonic()
    with pytest.raises(GalleyError, match="too large"):
        read_blocks(p)
    assert time.monotonic() - t < 1


def test_an_edition_past_the_character_bound_is_refused(tmp_path):
    from galley.app import limits
    p = tmp_path / "long.txt"
    p.write_text(("临川市新河大桥今天上午正式通车。" * 100 + "\n") * (limits.MAX_EDITION_CHARS // 1600 + 2),
                 encoding="utf-8")
    with pytest.raises(GalleyError, match="too long: .* characters"):
        read_blocks(p)


def test_a_jump_line_is_typed_as_the_pdf_reader_types_it_and_repair_passes_over_it():
    from galley.app.importers.text import read_text
    from galley.app.pipeline import edition_from_text
    blocks = read_text("本报讯临川港今年推出多项便利化措施，企业通关\n\n（下转第3版）\n\n时间平均缩短三成。\n\n上接第1版\n")
    assert [b.role for b in blocks] == [None, "jump", None, "jump"]
    ed = edition_from_text("临川港通关再提速\n\n本报讯（记者 王明）临川港今年推出多项便利化措施，企业通关\n\n"
                           "（下转第3版）\n\n时间平均缩短三成。港口部门表示，将继续优化服务。\n")
    kinds = [(el.kind.value, el.text) for _, _, el in ed.elements()]
    assert ("body", "本报讯（记者 王明）临川港今年推出多项便利化措施，企业通关时间平均缩短三成。港口部门表示，将继续优化服务。") in kinds
    assert ("credit", "（下转第3版）") in kinds
