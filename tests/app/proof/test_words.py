"""Misused words and idioms from the word lists."""
from __future__ import annotations

import pytest

from galley.app.proof.registry import RESOURCES
from galley.app.proof.rules.words import confusables, parse_table
from tests.app.proof.conftest import hits


def test_confusables_list_is_large_and_well_formed():
    table = confusables()
    assert len(table) >= 500
    for e in table.entries.values():
        assert e.wrong != e.right and e.wrong and e.right


@pytest.mark.parametrize("wrong,right", [
    ("按步就班", "按部就班"), ("谈笑风声", "谈笑风生"), ("再接再励", "再接再厉"), ("既使", "即使"),
    ("时侯", "时候"), ("震憾", "震撼"), ("迫不急待", "迫不及待"),
])
def test_common_misused_words_are_caught(wrong, right):
    text = f"青川市民{wrong}，大家都看到了。"
    found = hits(text, "words.confusable")
    assert len(found) == 1 and found[0].text == wrong and found[0].fix == right
    assert hits(text.replace(wrong, right), "words.confusable") == []


@pytest.mark.parametrize("text", [
    "他激动得不能自已。",          # 自已 inside 不能自已
    "这家俱乐部成立于去年。",       # 家|俱乐部
    "全市开展转变作风活动。",       # 开展|转变
    "这既使企业受益，又使群众满意。",  # 既…又…
    "要加强预防犯罪工作。",         # 预防|犯罪
])
def test_correct_text_containing_a_wrong_form_is_left_alone(text):
    assert hits(text, "words.confusable") == []


def test_newsroom_list_is_a_warning():
    found = hits("该公司的帐户被冻结。", "words.newsroom")
    assert len(found) == 1 and found[0].fix == "账户" and found[0].severity == "warning"


def test_user_word_list_and_dictionary():
    settings = {"user_words": {"青川日报社": "青川日报"}}
    found = hits("青川日报社记者报道。", "words.user", settings=settings)
    assert len(found) == 1 and found[0].fix == "青川日报"
    assert hits("青川日报社记者报道。", "words.user") == []
    settings = {"dictionary": ["按步就班路"]}
    assert hits("他住在按步就班路。", "words.confusable", settings=settings) == []


def test_table_format_accepts_arrow_and_comments():
    entries = parse_table("# comment\n错字→对字\n甲\t乙\t甲丙\n")
    assert [(e.wrong, e.right, e.exceptions) for e in entries] == [("错字", "对字", ()), ("甲", "乙", ("甲丙",))]


def test_data_files_exist():
    assert (RESOURCES / "confusables.tsv").is_file() and (RESOURCES / "newsroom_words.txt").is_file()


def test_hongwei():
    found = hits("青川新建的体育馆气势弘伟。", "words.confusable")
    assert [(f.text, f.fix) for f in found] == [("弘伟", "宏伟")]
    assert hits("青川大力弘扬传统文化。", "words.confusable") == []
