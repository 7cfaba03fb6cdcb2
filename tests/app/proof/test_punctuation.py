"""GB/T 15834 punctuation rules: what they catch and what they leave alone."""
from __future__ import annotations

import pytest

from tests.app.proof.conftest import hits


@pytest.mark.parametrize("text,mark,fix", [
    ("青川市今天召开会议,部署春耕工作。", ",", "，"),
    ("会议指出;要抓好落实。", ";", "；"),
    ("市长说:我们要加快建设。", ":", "："),
    ("你去过青川吗?", "?", "？"),
    ("太好了!", "!", "！"),
    ("新华社青川3月5日电(记者林一)今天", "(", "（"),
])
def test_halfwidth_in_chinese_is_caught(text, mark, fix):
    found = hits(text, "punct.halfwidth")
    assert any(f.text.strip() == mark and f.fix == fix and f.safe for f in found)


def test_halfwidth_counts_each_mark():
    found = hits("新华社青川3月5日电(记者林一)今天,天气晴;气温:12度?", "punct.halfwidth")
    assert [f.text for f in found] == ["(", ")", ",", ";", ":", "?"]


def test_parentheses_around_latin_in_chinese_are_caught():
    found = hits("脱氧核糖核酸(DNA)由碱基组成。", "punct.halfwidth")
    assert [f.fix for f in found] == ["（", "）"]


@pytest.mark.parametrize("text", [
    "全市共有1,000名志愿者。",
    "青川队以3:2战胜对手。",
    "列车10:30开出。",
    "详见http://www.qingchuan.gov.cn/news?id=3,4。",
    "他说“Hello, world”。",
    "Call me Ishmael, he said (quietly); then left!",
])
def test_halfwidth_left_alone_in_latin_and_number_contexts(text):
    assert hits(text, "punct.halfwidth") == []


def test_halfwidth_fix_swallows_spaces_beside_chinese():
    found = hits("青川市 , 今天", "punct.halfwidth")
    assert len(found) == 1 and found[0].text == " , " and found[0].fix == "，"


def test_period_at_chinese_sentence_end():
    found = hits("青川市今天召开会议.", "punct.period")
    assert len(found) == 1 and found[0].fix == "。"
    assert hits("价格上涨3.5%。", "punct.period") == []
    assert hits("He said it was fine.", "punct.period") == []


def test_interpunct_in_foreign_names():
    found = hits("微软公司创始人比尔.盖茨今天到访。", "punct.interpunct")
    assert len(found) == 1 and found[0].text == "." and found[0].fix == "·"
    found = hits("玛丽・居里的故事", "punct.interpunct")
    assert found and found[0].fix == "·" and found[0].safe
    assert hits("比尔·盖茨今天到访。", "punct.interpunct") == []
    assert hits("版本号为3.2.1。", "punct.interpunct") == []


def test_doubled_marks():
    found = hits("今天，，天气很好。。", "punct.doubled")
    assert [(f.text, f.fix) for f in found] == [("，，", "，"), ("。。", "。")]
    assert hits("今天，天气很好。", "punct.doubled") == []
    assert hits("他沉默了。。。", "punct.doubled") == []   # an ellipsis, reported by punct.ellipsis
    found = hits("今天,,天气很好", "punct.doubled")
    assert len(found) == 1 and found[0].fix == "，"
    assert hits("a,,b", "punct.doubled") == []


@pytest.mark.parametrize("text,bad", [
    ("他说...我们走吧", "..."),
    ("他说。。。我们走吧", "。。。"),
    ("他说…我们走吧", "…"),
    ("他说………我们走吧", "………"),
])
def test_ellipsis_forms_are_caught(text, bad):
    found = hits(text, "punct.ellipsis")
    assert len(found) == 1 and found[0].text == bad and found[0].fix == "……"


@pytest.mark.parametrize("text", ["他说……我们走吧", "第一段…………第三段", "Wait... what?", "and so on…"])
def test_ellipsis_left_alone(text):
    assert hits(text, "punct.ellipsis") == []


def test_no_deng_after_ellipsis():
    found = hits("苹果、梨、桃……等水果", "punct.ellipsis-deng")
    assert len(found) == 1 and found[0].text == "……等" and found[0].fix == "……" and not found[0].safe
    assert hits("苹果、梨、桃等水果", "punct.ellipsis-deng") == []


def test_dash():
    found = hits("青川--一座新城", "punct.dash")
    assert len(found) == 1 and found[0].fix == "——"
    found = hits("—记青川市环卫工人林一", "punct.dash", kind="deck")
    assert len(found) == 1 and found[0].text == "—" and found[0].fix == "——"
    assert hits("青川——一座新城", "punct.dash") == []
    assert hits("state-of-the-art --verbose", "punct.dash") == []
    assert hits("1949—1976年", "punct.dash") == []


def test_single_dash_between_han_is_a_warning_only():
    found = hits("青川—一座新城", "punct.dash-single")
    assert len(found) == 1 and found[0].severity == "warning" and not found[0].safe
    assert hits("建立“培训—实践—上岗”一条龙模式", "punct.dash-single") == []   # range connectors


def test_dunhao_between_quoted_items_is_a_warning():
    found = hits("他读过《青川志》、《江城记》。", "punct.dunhao-quoted")
    assert len(found) == 1 and found[0].severity == "warning"
    assert hits("他读过《青川志》《江城记》。", "punct.dunhao-quoted") == []
    assert hits("苹果、梨和桃。", "punct.dunhao-quoted") == []


def test_straight_quotes_in_chinese():
    found = hits('市长说"我们要加快建设"。', "punct.straight-quote")
    assert [f.fix for f in found] == ["“", "”"]
    assert hits('He said "yes" twice.', "punct.straight-quote") == []


def test_corner_quotes_in_simplified_text():
    found = hits("他说：「我们走吧。」", "punct.corner-quote")
    assert [f.fix for f in found] == ["“", "”"]
    assert hits("他說：「我們走吧。」", "punct.corner-quote", script="traditional") == []


def test_doubled_and_mixed_end_marks():
    found = hits("青川队赢了！！", "punct.end-marks")
    assert [(f.text, f.fix, f.severity) for f in found] == [("！！", "！", "warning")]
    found = hits("这也叫服务？！？！", "punct.end-marks")
    assert [(f.text, f.fix, f.severity) for f in found] == [("？！？！", "？！", "error")]
    assert [f.fix for f in hits("你真的去了！？", "punct.end-marks")] == ["？！"]
    assert hits("这也叫服务？！", "punct.end-marks") == []       # GB/T 15834 allows ？！
    assert hits("青川队赢了！", "punct.end-marks") == []


def test_full_stop_inside_brackets_within_a_sentence():
    found = hits("会议在青川召开（去年是在临川。），来了三百人。", "punct.paren-period")
    assert [(f.text, f.fix) for f in found] == [("。）", "）")]
    found = hits("代表们参观了新区（开发区成立于2010年。）", "punct.paren-period")
    assert [(f.text, f.fix) for f in found] == [("。）", "）。")]
    assert hits("代表们参观了新区。（开发区成立于2010年。）", "punct.paren-period") == []
    assert hits("代表们参观了新区（开发区）。", "punct.paren-period") == []


def test_stray_symbol_between_han():
    found = hits("青川中●文学校开学了。", "punct.stray-symbol")
    assert [f.text for f in found] == ["●"] and found[0].severity == "error"
    assert hits("二○○一年", "punct.stray-symbol") == []
    assert hits("★★★ 推荐：青川米粉", "punct.stray-symbol") == []


@pytest.mark.parametrize("dash", ["—", "―", "－"])
def test_a_single_dash_between_han(dash):
    found = hits(f"他想了想{dash}还是去吧。", "punct.dash-single")
    assert [f.fix for f in found] == ["——"]
    assert hits("他想了想——还是去吧。", "punct.dash-single") == []
