"""The compact seam lexicon segments short windows as jieba's dictionary mode does."""
import logging

import jieba

from galley.app.repair.lexicon import lexicon, segment
from galley.app.repair.seam import seam_word


def test_lexicon_has_jieba_words_with_frequencies():
    words, log_total = lexicon()
    assert words["繁荣"] > 1000 and words["发展"] > 1000 and log_total > 10
    assert all(len(w) <= 4 for w in list(words)[:1000])


def test_segment_agrees_with_jieba_on_plain_windows():
    jieba.setLogLevel(logging.WARNING)
    # (words rarer than the lexicon keeps, such as 高成长性, are left to their common parts)
    for window in ["事业繁荣发展", "阐述了今年度的", "科技助残共享", "大力推动文化", "港口吞吐量"]:
        assert segment(window) == list(jieba.cut(window, HMM=False))


def test_seam_word_spans_the_cut_only_when_a_common_word_does():
    assert seam_word("大力推动残疾人文化体育事业繁", "荣发展,不断丰富")[0] == "繁荣"
    assert seam_word("全市地方立法工作推进会召开", "本报讯(记者 黄振)") is None
    assert seam_word("目前,警方已封锁了", "爆炸现场。") is None
    assert seam_word("“独角兽”等高成", "长性创新企业")[0].startswith("成长")


def test_word_classes_come_from_jiebas_tags():
    from galley.app.repair.lexicon import word_class
    assert [word_class(w) for w in ("按照", "说", "立即", "上", "和", "的", "研究员")] == \
        ["p", "v", "d", "f", "c", "u", "n"]
    assert word_class("") == "" and word_class("澜州") == ""      # not in the dictionary


def test_the_lexicon_is_kept_in_the_cache_folder_and_read_back_alike(tmp_path, monkeypatch):
    from galley.app import cache
    from galley.app.repair import lexicon as lx
    monkeypatch.setattr(cache, "folder", lambda: tmp_path)
    lx._load.cache_clear()
    try:
        built = lx._load()
        assert len(list(tmp_path.glob("seam_lexicon-*.cache"))) == 1
        lx._load.cache_clear()
        monkeypatch.setattr(lx, "_build", lambda src: 1 / 0)   # read back from the file, not built again
        assert lx._load() == built
    finally:
        lx._load.cache_clear()
        lx.lexicon.cache_clear()
        lx._classes.cache_clear()
