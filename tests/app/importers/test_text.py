"""Text import: every common encoding of the same page gives the same blocks."""
import codecs

import pytest

from app.errors import GalleyError
from app.importers import read_blocks
from app.importers.text import decode_bytes

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
    from app.importers.text import read_text
    blocks = read_text("甲\n乙\n\n丙\n")
    assert [(b.text, b.blank_before) for b in blocks] == [("甲", True), ("乙", False), ("丙", True)]


def test_bom_is_not_part_of_the_text():
    assert decode_bytes(codecs.BOM_UTF8 + "标题".encode()) == "标题"
