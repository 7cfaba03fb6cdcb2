"""Roles from page evidence (app/importers/pdf_roles.py) and how structure honours them.

A PDF block may carry `RawBlock.role` (furniture, jump, kicker, headline, deck, caption,
sidebar); `build_stories` types such a block by its role, and a block without one (every block
of text and DOCX input) exactly as before.
"""
from __future__ import annotations

from galley.app.importers import pdf_roles
from galley.app.model import Kind, RawBlock
from galley.app.structure import build_stories


def _blocks(items):
    return [RawBlock(index=k, text=t, role=r) for k, (t, r) in enumerate(items)]


def _kinds(blocks):
    units = [(b.index,) for b in blocks]
    return [(el.kind, el.text) for st in build_stories(blocks, units) for el in st.elements]


def test_roles_decide_the_kind():
    items = [("澜州日报", "furniture"), ("第3版 要闻", "furniture"), ("澜州观察", "kicker"),
             ("南湖新区十二处口袋公园全面开放", "headline"), ("——市民出行更便利", "deck"),
             ("本报讯（记者 王某）昨日，南湖新区十二处口袋公园全面开放。", None),
             ("相关链接", "sidebar"), ("口袋公园：十二处", "sidebar"),
             ("图为南湖新区新投用的口袋公园。 李某 摄", "caption"), ("（下转第2版）", "jump"),
             ("南湖家居广场", "ad"), ("咨询电话：0000-12345678", "ad")]
    kinds = {t: k for k, t in _kinds(_blocks(items))}
    assert kinds["澜州日报"] == kinds["第3版 要闻"] == Kind.PAGE
    assert kinds["澜州观察"] == Kind.KICKER        # not a section label, though short and on top
    assert kinds["南湖新区十二处口袋公园全面开放"] == Kind.HEADLINE
    assert kinds["——市民出行更便利"] == Kind.DECK
    assert kinds["相关链接"] == kinds["口袋公园：十二处"] == Kind.SIDEBAR
    assert kinds["图为南湖新区新投用的口袋公园。 李某 摄"] == Kind.CAPTION
    assert kinds["（下转第2版）"] == Kind.CREDIT
    assert kinds["南湖家居广场"] == kinds["咨询电话：0000-12345678"] == Kind.PAGE   # kept out of the stories


def test_without_roles_the_text_decides_as_before():
    items = [("澜州观察", None), ("南湖新区十二处口袋公园全面开放", None),
             ("本报讯（记者 王某）昨日，南湖新区十二处口袋公园全面开放。", None)]
    with_none = _kinds(_blocks(items))
    assert (Kind.SECTION, "澜州观察") in with_none
    assert (Kind.HEADLINE, "南湖新区十二处口袋公园全面开放") in with_none


def test_jump_lines():
    for text in ("（下转第2版）", "(上接第1版)", "下转第十二版", "（转第A3版）", "（上接第 4 版）"):
        assert pdf_roles.is_jump_line(text), text
    for text in ("第2版", "下转", "记者下转第2版采访了许多市民并且写了很长的一段文字。"):
        assert not pdf_roles.is_jump_line(text), text
    assert [pdf_roles._number(x) for x in ("2", "１２", "十", "十二", "二十", "二十三", "三")] == [2, 12, 10, 12, 20, 23, 3]


def test_a_traditional_pages_jump_lines_and_footer_are_read_like_simplified_ones():
    # a Hong Kong or Taiwan paper sets 下轉第2版, 續上, 本版編輯：…, 電話
    for text in ("（下轉第2版）", "(續上第1版)", "轉第3版"):
        assert pdf_roles.is_jump_line(text), text
    assert pdf_roles._JUMP_OUT.search("（下轉第2版）") and pdf_roles._JUMP_IN.search("（續上第1版）")
    assert pdf_roles._PAGE_MARK.match("本版編輯：陳大文") and pdf_roles._PAGE_MARK.match("第3頁")
    assert pdf_roles._PHONE.search("訂購電話：0000-1234567")


def test_running_lines_recur_on_other_pages():
    class L:
        def __init__(self, text, base):
            self.text, self.base = text, base
    pages = [[L("澜州日报电子版 · 文字稿", 30), L(f"第{n}页", 820), L("正文第一行", 400)] for n in (1, 2, 3)]
    running = pdf_roles.running_lines(pages, [842.0] * 3)
    assert "澜州日报电子版·文字稿" in running and "第#页" in running
    assert "正文第一行" not in running     # recurs, but in the middle of the page
    assert pdf_roles.running_lines(pages[:1], [842.0]) == set()


def test_subheads_from_the_page_open_no_story():
    """A 导读's titles (role subhead) stay in the story their label opened, each over its summary."""
    items = [("导读", "headline"), ("滨河绿道全线贯通", "subhead"), ("全长十二公里的滨河绿道昨日贯通。（第3版）", None),
             ("老城墙修缮完工", "subhead"), ("东段城楼重新向市民开放。（第5版）", None)]
    assert _kinds(_blocks(items)) == [(Kind.HEADLINE, "导读"), (Kind.SUBHEAD, "滨河绿道全线贯通"),
                                      (Kind.BODY, "全长十二公里的滨河绿道昨日贯通。（第3版）"),
                                      (Kind.SUBHEAD, "老城墙修缮完工"), (Kind.BODY, "东段城楼重新向市民开放。（第5版）")]
