"""Simplified/traditional mixing and story conversion with OpenCC."""
from __future__ import annotations

import pytest

from galley.app.errors import GalleyError
from galley.app.pipeline import edition_from_text
from galley.app.proof import ProofSettings, check_edition, check_paragraph, convert_story, detect_script
from tests.app.proof.conftest import hits


def test_traditional_characters_in_simplified_text():
    found = hits("青川市這個项目很好。", "script.mixed")
    assert [(f.text, f.fix) for f in found] == [("這", "这"), ("個", "个")]


def test_phrase_level_check_leaves_valid_characters_alone():
    assert hits("乾隆年间，著名学者来到青川。", "script.mixed") == []
    assert hits("皇后之后", "script.mixed") == []


def test_simplified_characters_in_traditional_text():
    found = hits("青川市這個項目很好，后来發展", "script.mixed", script="traditional")
    assert [(f.text, f.fix) for f in found] == [("后", "後"), ("来", "來")]
    assert hits("皇后駕到", "script.mixed", script="traditional") == []


def test_detect_script():
    assert detect_script("這是繁體中文的報紙，後來發展很快。") == "traditional"
    assert detect_script("这是简体中文的报纸，后来发展很快。") == "simplified"


def test_edition_script_is_detected_for_checking():
    ed = edition_from_text("青川報\n\n這是繁體中文的報紙，後來發展很快。這個城市很美。\n")
    found = check_edition(ed, rules=["script.mixed"])
    assert found == []


@pytest.mark.parametrize("config,expected", [("s2t", "後來"), ("s2tw", "後來"), ("s2hk", "後來")])
def test_convert_story(config, expected):
    ed = edition_from_text("青川新闻\n\n后来青川发展很快。\n")
    texts = convert_story(ed, 0, config)
    assert len(texts) == len(ed.stories[0].elements)
    assert expected in "".join(texts)
    assert ed.stories[0].elements[-1].text == "后来青川发展很快。"   # the edition is not changed


def test_convert_story_back_to_simplified():
    ed = edition_from_text("青川新聞\n\n後來青川發展很快，軟體產業興旺。\n")
    assert "软件" in "".join(convert_story(ed, 0, "tw2sp"))
    assert "后来" in "".join(convert_story(ed, 0, "t2s"))


def test_convert_story_errors():
    ed = edition_from_text("青川新闻\n\n正文。\n")
    with pytest.raises(GalleyError):
        convert_story(ed, 5, "s2t")
    with pytest.raises(GalleyError):
        convert_story(ed, 0, "x2y")


@pytest.mark.parametrize("text", ["作家颜徵昨天到青川签售。", "乒乓球选手梁靖崑获得冠军。", "欧阳崑一家搬到了临川。"])
def test_personal_names_keep_their_characters(text):
    assert hits(text, "script.mixed") == []


def test_a_name_does_not_hide_other_traditional_characters():
    found = hits("梁靖崑說這個比賽很難。", "script.mixed")
    assert [f.text for f in found] == ["說", "這", "個", "賽", "難"]
    assert [f.text for f in hits("中國选手夺冠。", "script.mixed")] == ["國"]   # 中国 is a word, not 中 + name


def test_the_house_may_flag_traditional_characters_in_names():
    from galley.app.proof import ProofSettings, check_paragraph
    s = ProofSettings(house={"names_traditional": False})
    assert [f.text for f in check_paragraph("作家颜徵昨天到青川签售。", ["script.mixed"], s)] == ["徵"]
    s = ProofSettings(house={"surnames": ["禤"]})
    assert [f.text for f in check_paragraph("记者禤崑报道。", ["script.mixed"], s)] == []
    assert [f.text for f in hits("记者禤崑报道。", "script.mixed")] == ["崑"]


def test_only_the_characters_names_keep_are_left_alone():
    assert [f.text for f in hits("记者王國华报道。", "script.mixed")] == ["國"]
    assert [f.text for f in hits("台湾地区领导人陳水扁", "script.mixed")] == ["陳"]
    s = ProofSettings(house={"name_chars": "國"})
    assert check_paragraph("记者王國华报道。", ["script.mixed"], s) == []
