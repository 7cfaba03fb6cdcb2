"""English spelling (pyenchant) and spacing rules."""
from __future__ import annotations

import pytest

from galley.app.proof.rules import spelling
from tests.app.proof.conftest import hits


def test_misspelled_lowercase_latin_words_are_caught():
    if not spelling.status()[0]:
        pytest.skip("no enchant en_US dictionary here")
    found = hits("青川市举办了 international confrence 活动。", "spell.en")
    assert [f.text for f in found] == ["confrence"]
    assert found[0].fix == "conference" and found[0].severity == "warning"


def test_names_acronyms_and_urls_are_left_alone():
    assert hits("Xinhua 记者 Smithson 报道，GDP 和 CPI 上升，见 www.qingchuan.gov.cn。", "spell.en") == []


def test_user_dictionary_suppresses_spelling():
    if not spelling.status()[0]:
        pytest.skip("no enchant en_US dictionary here")
    assert hits("qingchuanese 美食", "spell.en", settings={"dictionary": ["qingchuanese"]}) == []


def test_missing_dictionary_skips_spelling_and_says_why(monkeypatch):
    monkeypatch.setattr(spelling, "_dicts", {})
    monkeypatch.setattr(spelling, "_reasons", {})
    found = hits("confrence", "spell.en", settings={"spelling_language": "xx_XX"})
    assert found == []
    ok, why = spelling.status("xx_XX")
    assert not ok and "xx_XX" in why


def test_stray_space_inside_chinese():
    found = hits("青川市今天 召开会议。", "space.han")
    assert len(found) == 1 and found[0].text == " " and found[0].fix == "" and found[0].safe
    assert hits("本报讯（记者 林一）今天", "space.han") == []           # a byline inside parentheses
    assert hits("主题为“携手向新 共创未来”的活动", "space.han") == []   # a slogan in quotes
    assert hits("青川 江城", "space.han", kind="headline") == []        # headings use spaces on purpose
    assert hits("图为青川港一角。 林一 摄", "space.han", kind="caption") == []   # the credit of a caption


def test_han_latin_spacing_is_a_warning_at_most():
    found = hits("建成运营 147 处", "space.mixed", kind="sidebar")
    assert len(found) == 1 and found[0].severity == "warning" and found[0].fix == "147" and not found[0].safe
    assert hits("建成运营147处", "space.mixed", kind="sidebar") == []
    assert hits("建成运营147处", "space.mixed", kind="sidebar", spacing="spaced")


def test_space_after_a_dateline_is_left_alone():
    assert hits("本报讯\u3000今年以来，青川新区建设明显提速。", "space.han") == []
    assert hits("本報訊　今年以來，青川新區建設明顯提速。", "space.han", script="traditional") == []


def test_extra_spaces():
    found = hits("增长了200  %，创新高。", "space.extra")
    assert [(f.text, f.fix, f.safe) for f in found] == [("  ", "", True)]
    found = hits("活动名为测试  Test 版。", "space.extra", spacing="spaced")
    assert [(f.text, f.fix) for f in found] == [("  ", " ")]
    assert hits("活动名为测试 Test 版。", "space.extra", spacing="spaced") == []
    assert hits("增长了200%，创新高。", "space.extra") == []
    # in an edition that sets no Han–Latin spaces, space.mixed already reports 测试  Test
    assert hits("活动名为测试  Test 版。", "space.extra") == []
    assert hits("活动名为测试  Test 版。", "space.mixed") != []
