"""GB/T 15835 number rules."""
from __future__ import annotations

from tests.app.proof.conftest import hits


def test_abbreviated_years():
    found = hits("青川大桥98年3月通车。", "num.year-short")
    assert len(found) == 1 and found[0].fix == "1998年" and not found[0].safe
    assert hits("到15年底完成。", "num.year-short")[0].fix == "2015年"
    assert hits("他在青川工作了15年。", "num.year-short") == []
    assert hits("20世纪80年代", "num.year-short") == []
    assert hits("1998年3月通车", "num.year-short") == []


def test_zero_in_chinese_numeral_years():
    found = hits("二零二五年是青川建市十周年。", "num.year-zero")
    assert len(found) == 1 and found[0].fix == "二〇二五" and found[0].safe
    assert hits("二〇二五年", "num.year-zero") == []
    assert hits("零下五度", "num.year-zero") == []
    circ = hits("二○○一年", "num.year-circle")
    assert len(circ) == 1 and circ[0].severity == "warning" and circ[0].fix == "二〇〇一"


def test_range_keeps_unit_on_both_ends():
    found = hits("增长15～30%。", "num.range-unit")
    assert len(found) == 1 and found[0].fix == "15%～30%"
    assert hits("投资3～4亿元", "num.range-unit")[0].fix == "3亿～4亿"
    assert hits("增长15%～30%。", "num.range-unit") == []
    assert hits("3～5个工作日", "num.range-unit") == []


def test_approximate_numbers_take_no_dunhao():
    found = hits("来了三、四个人。", "num.approx-dunhao")
    assert len(found) == 1 and found[0].fix == "三四"
    assert hits("来了三四个人。", "num.approx-dunhao") == []
    assert hits("第三、五个项目", "num.approx-dunhao") == []   # not adjacent numbers
    assert hits("一、加强领导", "num.approx-dunhao") == []


def test_mixed_forms():
    found = hits("总投资2亿3700万元。", "num.mixed")
    assert len(found) == 1 and found[0].fix == "2.37亿" and found[0].severity == "warning"
    assert hits("人口1万5千人", "num.mixed")[0].fix == "1.5万"
    assert hits("总投资2.37亿元。", "num.mixed") == []


def test_fixed_expressions_keep_chinese_numerals():
    found = hits("消息传遍4面8方。", "num.fixed-expr")
    assert len(found) == 1 and found[0].fix == "四面八方"
    assert hits("这是全省唯1的试点。", "num.fixed-expr")[0].fix == "唯一"
    assert hits("消息传遍四面八方。", "num.fixed-expr") == []
    assert hits("第1名", "num.fixed-expr") == []


def test_fullwidth_digits():
    found = hits("全市共有１２３所学校。", "num.fullwidth")
    assert len(found) == 1 and found[0].fix == "123"


def test_abbreviated_years_in_context():
    assert [f.fix for f in hits("青川高铁站99年以来客流翻了两番。", "num.year-short")] == ["1999年"]
    assert [f.fix for f in hits("这家老字号创建于54年。", "num.year-short")] == ["1954年"]
    assert [f.fix for f in hits("自01年以来，青川年年丰收。", "num.year-short")] == ["2001年"]
    assert [f.fix for f in hits("他于88年毕业，回到临川。", "num.year-short")] == ["1988年"]


def test_numbers_of_years_are_not_years():
    for text in ("50年来，青川变化很大。", "近20年以来，临川人口翻番。", "他在青川工作了15年。",
                 "30年以来，这座桥从未大修。", "他在15年前来过青川。", "三个村在10年内全部搬迁。",
                 "青川的降雨量达到20年以来的最高点。"):
        assert hits(text, "num.year-short") == [], text
