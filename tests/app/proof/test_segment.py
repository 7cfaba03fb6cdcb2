"""Word segmentation: jieba's prefix dictionary is kept in Galley's cache folder, packed, and read
back as the very dictionary jieba makes."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def jiebas_own():
    """jieba's prefix dictionary as jieba itself makes it from its word list."""
    from galley.app.proof import segment
    jieba = segment._import_jieba()
    tk = jieba.Tokenizer()
    return tk.gen_pfdict(tk.get_dict_file())


def test_the_prefix_dictionary_is_kept_and_read_back_the_same(tmp_path, monkeypatch, jiebas_own):
    from galley.app import cache
    from galley.app.proof import segment
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path / "cache")
    jieba = segment._import_jieba()
    freq, total = segment.prefix_dictionary(jieba.Tokenizer())       # built, and kept
    (kept,) = (tmp_path / "cache").glob("jieba-*.cache")
    assert kept.stat().st_size > 1_000_000
    again, again_total = segment.prefix_dictionary(jieba.Tokenizer())  # read back
    want, want_total = jiebas_own
    for got, got_total in ((freq, total), (again, again_total)):
        assert got == want and list(got) == list(want) and got_total == want_total
        assert all(type(v) is int for v in list(got.values())[:1000])
    # a damaged copy is made again
    raw = bytearray(kept.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    kept.write_bytes(bytes(raw))
    assert segment.prefix_dictionary(jieba.Tokenizer()) == (want, want_total)
    assert cache.read(kept)[3] == want_total


def test_without_a_cache_folder_the_dictionary_is_built(monkeypatch, jiebas_own):
    from galley.app.proof import segment

    def no_folder():
        raise ImportError("no platformdirs")
    monkeypatch.setattr("galley.app.settings.cache_dir", no_folder)
    jieba = segment._import_jieba()
    assert segment.prefix_dictionary(jieba.Tokenizer()) == jiebas_own


def test_the_tokenizer_segments_as_jieba_does():
    from galley.app.proof import segment
    jieba = segment._import_jieba()
    own = jieba.Tokenizer()
    own.initialize()
    text = "新华社北京12月5日电 国务院总理主持召开常务会议，研究部署进一步扩大内需。"
    assert segment.tokenize(text) == list(own.tokenize(text))
    assert segment.tokenizer().total == own.total


def test_packing_keeps_words_holding_any_character():
    from galley.app.proof import segment
    freq = {"甲": 3, "甲\n乙": 4, "𠀀": 2 ** 40}
    assert segment._unpack(segment._pack(freq, 9)) == (freq, 9)
    with pytest.raises(ValueError):
        segment._unpack((b"a\x00", "I", b"\x01\x00\x00\x00" * 2, 3))
