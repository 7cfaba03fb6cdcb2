"""Repeated characters and words, with segmentation keeping real words alone."""
from __future__ import annotations

import pytest

from galley.app.proof import ProofSettings, check_paragraph
from tests.app.proof.conftest import hits


@pytest.mark.parametrize("text,dup", [("这是我的的书。", "的的"), ("他来了了。", "了了"), ("会议在在青川举行。", "在在")])
def test_doubled_characters_are_caught(text, dup):
    found = hits(text, "repeat.char")
    assert len(found) == 1 and found[0].text == dup and found[0].fix == dup[0]


@pytest.mark.parametrize("text", [
    "这次调研的目的的确很明确。", "此行的目的的确达到了。", "谢谢大家。", "请大家看看。", "他常常来青川。",
    "天天向上。", "人人有责。", "此事不了了之。", "苹果、梨等等。", "他的的确确来过。",
])
def test_real_words_are_left_alone(text):
    assert hits(text, "repeat.char") == []


def test_doubled_words_are_a_warning():
    found = hits("我们我们要加快建设。", "repeat.word")
    assert len(found) == 1 and found[0].severity == "warning"
    assert hits("把煤矿一个一个地关掉。", "repeat.word") == []
    assert hits("把为民服务的事情一件一件办好。", "repeat.word") == []
    assert len(hits("按照法律，这种这种行动是不允许的。", "repeat.word")) == 1


def test_a_character_typed_twice_across_words_is_a_warning():
    found = hits("青川经济济发展很快。", "repeat.stutter")
    assert len(found) == 1 and found[0].text == "济济" and found[0].severity == "warning"
    for text in ("中国国家博物馆", "学生生活", "一个个问题", "消防署署长", "2002年年初", "“十五五”规划"):
        assert hits(text, "repeat.stutter") == [], text


@pytest.mark.parametrize("text", [
    "过年见面，大家互道恭喜恭喜。", "周末带孩子去科技馆参观参观。", "新出的点心，请大家品尝品尝。",
    "这件事领导要研究研究再定。", "这点小事他分分钟就能办好。", "课后他总爱举手问问题。",
    "她抱着尤克里里唱了一首歌。", "新剧《长安长安》今晚开播。", "专家称国际社会会议论纷纷。",
    "老师告诉他们他们已经考上了。",
])
def test_reduplication_and_word_boundaries_are_left_alone(text):
    assert [f for f in check_paragraph(text) if f.rule.startswith("repeat.")] == [], text


def test_house_reduplication_list_from_settings():
    text = "他拿起话筒：长江长江，我是黄河。"
    assert hits(text, "repeat.word") != []
    settings = ProofSettings(house={"reduplication": ["长江长江"]})
    assert [f for f in check_paragraph(text, ["repeat.word"], settings) if f.rule == "repeat.word"] == []


def test_typed_twice_is_still_caught_next_to_the_exceptions():
    assert len(hits("他们他们今天去青川参观。", "repeat.word")) == 1
    assert len(hits("会议讨论了青川经济济发展。", "repeat.stutter")) == 1
    assert len(hits("这是他的的书，不是《长安》。", "repeat.char")) == 1


def test_a_doubled_given_name_is_left_alone():
    assert [f for f in check_paragraph("由王兵兵案引发的整治行动在青川展开。") if f.rule.startswith("repeat.")] == []
