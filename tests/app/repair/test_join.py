"""Split-line repair: what each rule must join and what it must leave apart.

Fixtures are our own invented text about the fictional city of 临川.
"""
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from galley.app.pipeline import edition_from_text


def paragraphs(text: str) -> list[str]:
    return [p for p in (re.sub(r"\s+", "", x) for x in text.split("\n\n")) if p]


def repaired(*blocks: str) -> list[str]:
    return paragraphs(edition_from_text("\n\n".join(blocks)).text())


def fixed_model(p, weight=None):
    """A seam model that finds every block cut with probability `p` (a number, or a function of
    the block's cut features) and weighs each candidate by `weight(features)` (by default all
    alike): what the decoder's own rules add to the model, tested alone."""
    class Fixed:
        join, doubt = 0.3, 0.2

        def p_cut(self, x):
            return p(x) if callable(p) else p

        def pick_scores(self, xs):
            w = [weight(x) if weight else 1.0 for x in xs]
            return [v / sum(w) for v in w]

    return Fixed()


def test_mid_word_cut_is_joined():
    out = repaired("临川新区加快推进基础设施建设,全力推动产业繁", "荣发展,城市面貌焕然一新。")
    assert out == ["临川新区加快推进基础设施建设,全力推动产业繁荣发展,城市面貌焕然一新。"]


def test_cut_after_comma_is_joined():
    out = repaired("会议指出,要坚持问题导向,", "切实解决群众最关心的难题。")
    assert out == ["会议指出,要坚持问题导向,切实解决群众最关心的难题。"]


def test_cut_after_full_stop_joined_when_next_cannot_start_a_paragraph():
    out = repaired("他说:“我们要把好事办实。", "”随后,代表们参观了展览。")
    assert out == ["他说:“我们要把好事办实。”随后,代表们参观了展览。"]


def test_number_cut_from_its_unit_is_joined():
    out = repaired("临川港码头始建于1975年11", "月,至今已有五十年历史。")
    assert out == ["临川港码头始建于1975年11月,至今已有五十年历史。"]


def test_range_and_measure_word_cut_from_their_number_are_joined():
    # a two-part opening (X，Y) looks like a subhead: only the number at the seam tells it is cut
    out = repaired("临川港一季度集装箱吞吐量创同期新高。", "抓工期，扩建用时14至", "16个月完成,届时泊位将增至十二个。")
    assert out[1] == "抓工期，扩建用时14至16个月完成,届时泊位将增至十二个。"
    out = repaired("临川港一季度集装箱吞吐量创同期新高。", "赶进度，工期缩短3到", "5个月,泊位将增至十二个。")
    assert out[1] == "赶进度，工期缩短3到5个月,泊位将增至十二个。"
    from galley.app.repair import features as ft
    assert ft.number_continues("义诊活动持续3到5", "天,覆盖全市各社区。")
    assert ft.number_continues("全年新增公交线路12", "条,新建站台300座。")
    assert not ft.number_continues("全年新增公交线路12", "本报讯(记者 何雨晴)3月20日")
    assert not ft.number_continues("全市共有社区医院2", "双方签署了合作协议。")
    assert ft.number_continues("展会定于五月二十", "八日开幕。") and ft.number_continues("共有一千二", "百名代表参会。")
    assert not ft.number_continues("全市实行统一", "部署。") and not ft.number_continues("万一", "发生火情,")


def test_a_han_number_before_a_word_of_its_own_is_no_cut():
    # 享年九十 / 日本…: 日 only starts a word of its own (日本), as 人 does in 人民; a headline list
    out = repaired("临川老艺人张明德昨天去世享年九十", "日本友好城市代表团访问临川", "临川港集装箱吞吐量同比增长百分之三十",
                   "人民公园改造工程年内完工")
    assert len(out) == 4
    from galley.app.repair import features as ft
    assert not ft.number_continues("享年九十", "日本友好城市代表团") and not ft.number_continues("增长百分之三十", "人民公园")
    assert ft.number_continues("二〇二五年十二", "月底前完工") and ft.number_continues("共有三十", "万人参加")
    # a numeral that counts what follows (一跨省…) opens a line of its own; 一岁, 一届 go on
    assert not ft.number_continues("成交量增长百分之三十", "一男子在临川江边救起落水儿童")
    assert ft.number_continues("今年三十", "一岁的王明") and ft.number_continues("第二十", "一届运动会")


def test_after_a_sentence_end_only_a_closing_mark_is_forced_on():
    # 阿秀。/ 限，加强…: a word cut at the column end cannot run on past a full stop
    from galley.app.importers.text import read_text
    from galley.app.repair.join import plan_repairs
    blocks = read_text("大家都叫她阿秀。\n\n限，加强对全市党员干部的日常监督。")
    assert not [f for f in plan_repairs(blocks) if f.accepted and f.confidence >= 0.95]
    out = repaired("他说:“我们要把好事办实。", "”随后,代表们参观了展览。")
    assert len(out) == 1


@pytest.mark.parametrize("call", ["看，这就是临川新区的夜景。", "妈，您来的时候请带上我的外套。", "哪，一会儿见！"])
def test_a_call_or_a_look_before_a_comma_may_open_a_paragraph(call):
    # 看，… 妈，…: one character before a comma is no cut word here
    from galley.app.repair import features as ft
    assert ft.closed_start(call) is None
    out = repaired("这本书是我的朋友去年送给我的。", call)
    assert len(out) == 2


def test_sidebar_and_credit_interleaved_mid_word_are_moved_out():
    out = repaired(
        "大力推动全市文化体育事业繁",
        "全市建成社区健身中心 86 个",
        "新建城市绿道 120 公里",
        "举办全民健身赛事 300 余场",
        "图表:陈一凡",
        "荣发展,不断丰富市民精神文化生活。",
    )
    assert out[0] == "大力推动全市文化体育事业繁荣发展,不断丰富市民精神文化生活。"
    assert out[1:] == ["全市建成社区健身中心86个", "新建城市绿道120公里", "举办全民健身赛事300余场", "图表:陈一凡"]


def test_caption_between_the_parts_is_moved_out():
    out = repaired(
        "港口部门推出便利化措施后,企业通关时间平均缩短",
        "图为临川港集装箱码头一角。 周海涛 摄",
        "了近一半。",
    )
    assert out == ["港口部门推出便利化措施后,企业通关时间平均缩短了近一半。", "图为临川港集装箱码头一角。周海涛摄"]


def test_headline_over_dateline_is_left_apart():
    out = repaired("全市春季植树造林动员会召开", "本报讯(记者 何雨晴)3月20日,全市春季植树造林动员会召开。")
    assert len(out) == 2


def test_kicker_headline_deck_and_byline_are_left_apart():
    blocks = ["抓项目 强产业 优环境", "我市一季度重点项目开工率达九成", "——全市上下掀起项目建设热潮",
              "■ 本报记者 林晓岚", "3月18日,临川高新区光电产业园内塔吊林立。"]
    assert len(repaired(*blocks)) == 5


def test_two_part_subhead_with_a_comma_is_left_apart():
    out = repaired("今年以来,我市新开工项目186个。", "抓前期,项目储备更充足",
                   "市发展改革委有关负责人介绍,我市建立了滚动推进机制。")
    assert len(out) == 3


def test_sidebar_lines_without_punctuation_are_not_joined_to_each_other():
    out = repaired("临川市一季度经济运行平稳。", "全市新增市场主体 1.2 万户",
                   "规上工业增加值增长 8.1%", "社会消费品零售总额增长 6.5%")
    assert len(out) == 4


def test_caption_ending_in_punctuation_stays_its_own_block():
    out = repaired("市民在临川湿地公园观赏春景。", "近日,临川湿地公园迎来踏青高峰,游客量同比增长两成。")
    assert len(out) == 2


def test_lead_retelling_its_headline_is_not_joined():
    out = repaired("临川港集装箱吞吐量创同期新高", "临川港一季度集装箱吞吐量创同期新高,同比增长21.4%。")
    assert len(out) == 2


def test_line_end_hyphen_kept_by_repair_and_offered_as_a_fix(capsys, tmp_path):
    text = "The port handles inter-\n\nnational container traffic and well-\n\nknown ships every day.\n"
    src = tmp_path / "latin.txt"
    src.write_text(text, encoding="utf-8")
    from galley.app.cli import main
    assert main(["repair", str(src)]) == 0
    assert "inter-national" in capsys.readouterr().out      # repair changes only whitespace
    ed = edition_from_text(text)
    from galley.app.repair.hyphen import dictionary
    if dictionary() is None:
        assert "inter-national" in ed.text()                  # no enchant: nothing proposed
        return
    assert "international" in ed.text() and "well-known" in ed.text()
    assert [f.kind for f in ed.fixes].count("dehyphenate") == 1


def test_every_join_is_a_reviewable_fix_and_can_be_rejected():
    from galley.app.importers.text import read_text
    from galley.app.pipeline import build_edition
    blocks = read_text("会议指出,要坚持问题导向,\n\n切实解决群众最关心的难题。\n")
    ed = build_edition(blocks)
    assert len(ed.fixes) == 1 and ed.fixes[0].kind == "join" and 0 < ed.fixes[0].confidence <= 1
    assert ed.fixes[0].reason and ed.fixes[0].reason_zh
    undone = build_edition(blocks, rejected={ed.fixes[0].id})
    assert len(paragraphs(undone.text())) == 2


han = st.text(alphabet="临川市发展建设会议指出要坚持问题导向切实解决群众的难题。,、“”", min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(han, min_size=1, max_size=12))
def test_repair_adds_and_removes_no_character(blocks):
    text = "\n\n".join(blocks)
    out = edition_from_text(text).text()
    assert Counter(re.sub(r"\s", "", out)) == Counter(re.sub(r"\s", "", text))


def _raw(*items):
    from galley.app.model.edition import RawBlock
    return [RawBlock(i, t, role=r) for i, (t, r) in enumerate(items)]


def test_a_page_footer_between_the_halves_is_passed_over_and_never_joined():
    from galley.app.repair.join import plan_repairs
    blocks = _raw(("本报讯 市政府昨天召开会议，部署今年城市更新和老旧小区改造工作，要求各区加快推进繁", None),
                  ("— 1 —", "furniture"),
                  ("荣发展的各项举措，确保年内完成改造任务。", None))
    joins = [f for f in plan_repairs(blocks) if f.accepted]
    assert [(f.blocks, f.moved) for f in joins] == [((0, 2), (1,))]


def test_blocks_the_page_types_as_heads_or_ads_are_never_joined():
    from galley.app.repair.join import plan_repairs
    blocks = _raw(("市政府部署城市更新和老旧小区改造工作", "headline"),
                  ("各区加快推进", "deck"),
                  ("本报讯 市政府昨天召开会议，部署今年城市更新工作，要求各区加快推进繁", None),
                  ("订购热线 12345678", "ad"),
                  ("荣发展的各项举措。", None))
    fixes = plan_repairs(blocks)
    assert all(f.blocks[0] >= 2 and f.blocks[1] != 3 for f in fixes)
    assert [(f.blocks, f.moved) for f in fixes if f.accepted] == [((2, 4), (3,))]


def test_a_name_cut_at_the_seam_is_joined_when_the_page_spells_it_whole():
    from galley.app.repair.join import _echo
    doc = "查韦斯重新就任总统。\n支持查韦斯的群众在首都示威。\n同日,支持查韦\n斯的群众"
    assert _echo("同日,支持查韦", "斯的群众", doc)
    assert not _echo("同日,支持查韦", "斯的群众", "同日,支持查韦\n斯的群众")    # spelled nowhere else
    assert not _echo("会议决定,", "各区", doc)                                 # no Han at the seam


def test_a_heading_shaped_first_piece_joins_past_a_sentence_where_a_word_spans_the_seam():
    out = repaired("临川湖公园的游客常为停车位的困", "园区今年还新增了一条环湖步道。",
                   "扰而发愁,今年园区新建了两处停车场,可停放八百多辆车。")
    assert out == ["临川湖公园的游客常为停车位的困扰而发愁,今年园区新建了两处停车场,可停放八百多辆车。",
                   "园区今年还新增了一条环湖步道。"]


def test_a_heading_is_not_joined_past_a_sentence_without_a_word_across_the_seam():
    out = repaired("临川湖公园新建两处停车场", "园区今天向市民开放。", "停车场共有八百多个车位,夜间免费。")
    assert out == ["临川湖公园新建两处停车场", "园区今天向市民开放。", "停车场共有八百多个车位,夜间免费。"]


def test_a_lower_case_brand_opens_a_paragraph_after_a_sentence_end():
    out = repaired("临川第一中学今年新建了三间创客教室,学生可以在课后使用。",
                   "iPad课堂也在四个年级推开,每个班配有一位信息技术老师。")
    assert len(out) == 2


def test_a_latin_word_cut_at_the_column_end_continues_in_lower_case():
    out = repaired("临川港今年引进的新系统名为Harbor", "master,已在三个码头试用。")
    assert out == ["临川港今年引进的新系统名为Harbormaster,已在三个码头试用。"]


def test_no_possible_cut_from_a_sentence_end_into_a_section_label():
    """The bundled sample: 惠及居民5.3万户。 then the section label 科技创新 and a headline."""
    from galley.app.data import resource
    from galley.app.importers.text import read_text
    from galley.app.repair import plan_repairs
    blocks = read_text(resource("sample", "edition.txt").read_text(encoding="utf-8"))
    label = next(b.index for b in blocks if b.text == "科技创新")
    assert [f.id for f in plan_repairs(blocks) if label in f.blocks] == []


def test_a_files_first_line_is_joined_only_with_evidence_at_the_seam():
    # a title line over a paragraph that reads on from it: still the title
    out = repaired("市卫健委:全市餐饮单位将逐步实行卫生监督公示",
                   "为进一步落实食品安全责任,市卫健委已在三个区开展试点工作。")
    assert len(out) == 2


def test_a_headline_over_its_lead_is_not_joined():
    lead = "临川新区今年新建公园六座。"
    for head, body in (("新能源公交线路本月开通", "7月10日,市交通局宣布全市首条新能源公交环线正式运营。"),
                       ("临川港集装箱吞吐量创新高", "临川港集装箱吞吐量上半年达到四十万标箱,同比增长一成。")):
        ed = edition_from_text(f"{lead}\n\n{head}\n\n{body}")
        assert paragraphs(ed.text()) == [lead, head, body]
        assert not [f for f in ed.fixes if f.blocks[0] == 1]      # not even a possible cut


def test_a_closing_quote_goes_to_the_block_whose_quotation_it_closes():
    from galley.app.importers.text import read_text
    from galley.app.repair.join import plan_repairs
    blocks = read_text("他说:“这几年我们的日子越过越好,大家心里都亮堂。\n\n"
                       "全市新增城市绿地三百公顷。\n\n"
                       "”记者了解到,该村今年人均收入增长一成。")
    joins = [f.blocks for f in plan_repairs(blocks) if f.accepted]
    assert (1, 2) not in joins


def test_a_name_cut_at_the_seam_is_followed_past_another_storys_lead():
    # 支持司马 / 文涛: the page spells 司马文涛 whole twice, so the piece is surely cut and the
    # scan passes over a whole dateline-led paragraph of another story to find its rest
    lead = "本报讯(记者 李华)昨天公布的一项调查结果显示,超过七成的市民对新区建设表示满意,认为交通出行更加便利。"
    out = repaired("临川新区管委会主任司马文涛昨天主持召开会议,部署今年重点工作。",
                   "会上,司马文涛要求各部门抓紧落实各项任务。同日,支持司马", lead,
                   "文涛的市民代表在座谈会上发言,建议继续扩建公园绿地。")
    assert out[1] == "会上,司马文涛要求各部门抓紧落实各项任务。同日,支持司马文涛的市民代表在座谈会上发言,建议继续扩建公园绿地。"
    assert out[2] == re.sub(r"\s+", "", lead)


def test_a_first_line_with_a_semicolon_over_a_lead_is_the_title():
    # neither joined nor offered as a possible cut
    ed = edition_from_text("临川有望建成首条跨江隧道专家称年内可望通车;市民期待缩短通勤时间\n\n"
                           "6月23日,市交通局在临江路施工现场表示,隧道主体工程已完成九成。")
    assert not ed.fixes and len(paragraphs(ed.text())) == 2


LIST = ("市政府今年将重点办好以下几件实事:",
        "——新建和改扩建中小学十二所,新增学位一万个；",
        "——加快建设临江港集装箱",
        "码头二期工程,年内建成两个万吨级泊位；",
        "——完成老旧小区改造八十个,惠及居民三万户；",
        "——新增城市绿地三百公顷,建成口袋公园二十个。")


def test_a_list_item_that_stops_short_of_its_siblings_closing_mark_is_cut():
    # ——加快建设临江港集装箱 looks like a deck on its own; every other item closes with ；or 。
    out = repaired(*LIST)
    assert out[2] == "——加快建设临江港集装箱码头二期工程,年内建成两个万吨级泊位；"
    assert len(out) == 5


def test_list_items_without_closing_marks_stand_one_a_line():
    # a box's items, none of them closed: the short one is not cut
    items = ("——新建中小学十二所", "——改造老旧小区八十个", "——加快建设临江港集装箱", "码头", "——新增城市绿地三百公顷")
    from galley.app.repair.join import _item_of_closed_list, list_tallies
    tally = list_tallies(list(items))
    assert not _item_of_closed_list("——加快建设临江港集装箱", tally)
    assert _item_of_closed_list("——加快建设临江港集装箱", list_tallies(list(LIST)))


def test_a_cut_inside_a_quotation_goes_to_the_block_that_closes_it():
    # the sentence set in between opens as a paragraph does; only the closing quote tells
    out = repaired("临川新区管委会主任在会上说:“新区的路网要在三年内全部建成,让",
                   "市图书馆新馆今天正式向读者开放。",
                   "市民出门更方便。”会后,代表们实地察看了在建道路。")
    assert out == ["临川新区管委会主任在会上说:“新区的路网要在三年内全部建成,让市民出门更方便。”会后,代表们实地察看了在建道路。",
                   "市图书馆新馆今天正式向读者开放。"]


def test_a_quotation_of_several_paragraphs_keeps_the_sure_continuation():
    # “我们恰好 / 赶上了…。 / 下一步…。”: the quotation runs over two paragraphs and closes in the
    # second; the model is sure the first is the sequel, and the closing mark does not overrule it
    out = repaired("临川新区管委会主任王明在会上说:“我们恰好",
                   "赶上了城市发展的好时候,新区的面貌一年一个样。",
                   "下一步,我们还要新建三所学校,让孩子们就近上学。”")
    assert out == ["临川新区管委会主任王明在会上说:“我们恰好赶上了城市发展的好时候,新区的面貌一年一个样。",
                   "下一步,我们还要新建三所学校,让孩子们就近上学。”"]


def test_closes_quote_reads_the_mark_left_open():
    from galley.app.repair.model import closes_quote
    assert closes_quote("他说:“要把好事办实", "办好。”随后")
    assert not closes_quote("他说:“要把好事办实", "《人民城市》)随后")     # not the mark left open
    assert not closes_quote("他说:“要把好事办实”", "办好。”随后")          # nothing left open
    assert not closes_quote("他说:“要把好事办实", "“办好”。")             # opens before it closes


def test_a_piece_shorter_than_any_columns_first_line_is_not_cut():
    # a list of four-character items: no column is that narrow, so none is a cut paragraph's start
    items = ["临川新区", "加快建设", "城市绿地", "老旧小区", "口袋公园", "环湖步道"] * 5
    ed = edition_from_text("\n\n".join(items))
    assert not ed.fixes and paragraphs(ed.text()) == items
    # unless the next block cannot begin a paragraph at all
    assert repaired("共有", "，市民代表参加了会议。") == ["共有，市民代表参加了会议。"]


def test_names_are_looked_up_on_the_page_around_a_seam_not_in_the_whole_file():
    from galley.app.importers.text import read_text
    from galley.app.repair.join import ECHO_REACH, _PageText, page_blocks
    texts = [f"第{k}条消息" for k in range(5 * ECHO_REACH)]
    doc = _PageText(page_blocks(read_text("\n\n".join(texts))))
    assert texts[ECHO_REACH + 10] in doc(10) and texts[3 * ECHO_REACH] not in doc(10)
    assert texts[2 * ECHO_REACH] in doc(3 * ECHO_REACH) and texts[ECHO_REACH - 1] not in doc(3 * ECHO_REACH)


def test_a_box_line_with_spaced_digits_is_not_joined_to_running_text():
    # digits set apart (120 公里): a box's text as it comes out of a page, though it stops at a
    # comma; the paragraph after it is running text set otherwise
    box = "今年全市新建城市绿道 120 公里，新增停车泊位 3500 个，改造老旧小区 80 个，惠及居民 3 万户，建成口袋公园 20 个，"
    ed = edition_from_text(box + "\n\n市交通局有关负责人介绍,今年全市还将新开通公交线路十二条,进一步方便市民出行。")
    assert not [f for f in ed.fixes if f.accepted] and len(paragraphs(ed.text())) == 2


def test_headline_is_not_joined_past_a_block_that_reads_on_into_the_same_text():
    # 进|行 spans the seam, but so does 出|行 from the block passed over: the headline stays apart
    out = repaired("新开工项目稳中有进", "本报", "讯（记者 王明）市民出", "行更加便利。")
    assert out[0] == "新开工项目稳中有进"
    assert not any("新开工项目稳中有进" in p and "行更加便利" in p for p in out)


def test_a_short_line_stopping_on_a_word_that_needs_a_sequel_is_not_taken_for_a_headline():
    # the line repeats words of the text below it, as a headline over its story does, but no
    # headline stops on 因为: it is a paragraph's first line, cut where its column ends
    out = repaired("临川湿地公园的候鸟越来越多。",
                   "湿地公园候鸟增多是因为",
                   "近年来湖区退耕还湿，水质明显好转，鱼虾多了，湿地公园成了候鸟歇脚的好地方。")
    assert out == ["临川湿地公园的候鸟越来越多。",
                   "湿地公园候鸟增多是因为近年来湖区退耕还湿，水质明显好转，鱼虾多了，湿地公园成了候鸟歇脚的好地方。"]


def test_a_headline_in_two_parts_over_its_lead_is_not_joined():
    # longer than a short line, with ：or ； between its parts but no comma: a headline's form
    lead = "临川新区今年新建公园六座。"
    for head, body in (("市卫健委：全市餐馆将逐步推行后厨明亮工程",
                        "为更好地保障群众舌尖上的安全,市卫健委日前下发通知,要求各区推行后厨公开。"),
                       ("临川港年吞吐量有望创新高；集装箱航线再添三条",
                        "7月2日,临川港集团在年中工作会上通报,上半年港口运行平稳。")):
        ed = edition_from_text(f"{lead}\n\n{head}\n\n{body}")
        assert paragraphs(ed.text()) == [lead, head, body]
        assert not [f for f in ed.fixes if f.blocks[0] == 1 and not f.doubtful]



def test_a_first_line_opening_on_a_time_phrase_is_no_two_part_heading():
    # 今年3月，… has the form of 抓前期，项目储备更充足 but opens a lead (cut at the column foot):
    # the heading caps (a headline and a cut first line look alike) must not take it
    from galley.app.repair import features as ft
    for line in ("今年3月,市长在临川港会见", "去年5月，港务局在港区召开", "上月中旬,全市各区开展"):
        assert ft.is_paragraph_opener(line)
        assert not ft.is_paired_heading(line)
    assert ft.is_paired_heading("抓前期，项目储备更充足")


def test_bylines_signed_wen_or_tu_are_bylines():
    from galley.app.repair.features import is_byline
    for line in ("文／本报记者 周海涛", "图/文 李华", "文/图 张三 李四", "文：王明"):
        assert is_byline(line), line
    for line in ("文化/体育", "图文并茂", "图为记者王明在现场"):
        assert not is_byline(line), line
    blocks = ["书香浸润城市 阅读点亮生活", "文／本报记者 周海涛", "4月23日,临川市图书馆里座无虚席。"]
    assert len(repaired(*blocks)) == 3


def test_bylines_set_with_no_spaces_are_told_from_headings_that_open_with_jizhe():
    """A page whose CJK setting drops the spaces (XeLaTeX) gives 记者孟胜通讯员江怡刚: a byline by
    the surnames its names begin with; 记者手记 and 本报记者走基层 are column titles."""
    from galley.app.repair.features import is_solid_byline
    for line in ("记者孟胜通讯员江怡刚", "本报记者段兰伟陈丽", "新华社记者李华", "记者王明", "记者邱宇通讯员萧静"):
        assert is_solid_byline(line), line
    for line in ("记者手记", "本报记者走基层", "记者节到了", "记者探访南湖新区", "记者王明在现场看到"):
        assert not is_solid_byline(line), line


def test_recurs_below_measures_how_much_of_a_line_the_text_below_says_again():
    from galley.app.repair.model import RECUR_LEN, recurs_below
    story = ["临川港集装箱吞吐量上半年达到四十万标箱,同比增长一成。",
             "港务集团表示,集装箱航线下半年还将增加三条。"]
    assert recurs_below("临川港集装箱吞吐量创新高", story) > 0.5
    assert recurs_below("市民反映老旧小区加装电梯", story) == 0.0
    # only a short line is asked, and only the text within reach below it is read
    assert recurs_below("临" * RECUR_LEN, story) is None
    far = ["澜" * 700] + story
    assert recurs_below("临川港集装箱吞吐量创新高", far) == 0.0


def test_a_first_line_at_a_column_foot_whose_words_recur_nowhere_below_is_joined():
    # a paragraph's first piece, stopped where its column ends, has a headline's form; but a
    # headline's words recur in its story, and these do not: the model decides, and joins
    from galley.app.repair.join import _may_head
    from galley.app.repair.model import recurs_below
    before = "澜州市今年将新建口袋公园二十座，老城区改造提速。"
    first = "居民想加装电梯可以先到街道"
    rest = "登记，由社区统一组织业主协商，再委托有资质的单位设计施工。"
    after = "市住建局表示，明年还将推广“一站式”审批。"
    assert recurs_below(first, [rest, after]) < 0.15
    out = repaired(before, first, rest, after)
    assert out == [before, first + rest, after]
    # a credit or a dateline heads or signs its text however little of it the text says again
    ed = edition_from_text(f"{before}\n\n新华社记者 李华 摄\n\n{rest}")
    assert len(paragraphs(ed.text())) == 3
    from galley.app.importers.text import read_text
    from galley.app.repair.join import page_blocks
    bs = page_blocks(read_text(f"新华社记者 李华 摄\n\n{first}\n\n{rest}"))
    assert _may_head(bs, 0) and not _may_head(bs, 1)


def test_a_measure_word_after_a_number_ends_its_phrase():
    # 所, 把, 则, 对 need a sequel as words (所说, 把它) but not as measure words (学校六所)
    from galley.app.repair import features as ft
    for line in ("改扩建中小学六所", "新建幼儿园四所", "发布通告两则"):
        assert ft.counted(line) and ft.open_end(line) is None, line
    for line in ("这正是我们所", "他们一致同意把", "一是"):
        assert not ft.counted(line) and ft.open_end(line) == "word", line
    # a box's items, one a line, over the story's next paragraph: none is joined to it
    blocks = ["临川区今年重点推进三项民生工程。", "新建幼儿园四所", "改扩建中小学六所", "新增学位五千个",
              "区教育局局长王明说，新学校将在明年秋季学期投入使用。"]
    assert repaired(*blocks) == blocks



def test_a_photo_credit_is_never_continued(monkeypatch):
    # a credit set at a column foot, above the rest of a paragraph cut after a sentence end, moves
    # out whole: however sure the seam model is, it is not joined to the sentence below it
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    monkeypatch.setattr(J, "seam_model", lambda: fixed_model(0.99))
    blocks = read_text("涨红了脸的港务局局长批评拖延。\n\n新华社记者 周海涛 摄\n\n他指扩建并不合法。\n")
    assert all(f.blocks[0] != 1 for f in J.plan_repairs(blocks))
    monkeypatch.undo()
    assert "新华社记者周海涛摄" in repaired("临川港一季度吞吐量创同期新高,港区昼夜繁忙。", "新华社记者 周海涛 摄",
                                        "码头方面说,二季度还将新开两条航线。")


def test_one_character_before_a_comma_opens_no_paragraph():
    from galley.app.repair import features as ft
    assert ft.cannot_open("队员们在训练中不慎扭伤了", "腰，队医随即上前处理。")
    for opener in ("另，据了解，港区还将扩建。", "是，我们会按期完工。", "一、总体要求"):
        assert not ft.cannot_open("码头工程进展顺利。", opener)
    out = repaired("临川马拉松赛上，多名选手在比赛途中召来队医疗治扭伤的左脚踝和背",
                   "伤，赛后均已无碍，组委会表示明年将增设医疗点。")
    assert out == ["临川马拉松赛上，多名选手在比赛途中召来队医疗治扭伤的左脚踝和背伤，赛后均已无碍，组委会表示明年将增设医疗点。"]


def test_a_one_sentence_lead_set_inside_a_cut_word_is_passed_over():
    # 同比减 / (a one-sentence item from another story, led by its dateline) / 少127次: the word
    # across the seam says the paragraph runs on; the item moves out whole, after the paragraph
    out = repaired("临川港今年上半年安全生产形势平稳，发生设备故障74次，同比减",
                   "本报临川7月3日讯 记者王明报道：“我们能住上新房，得益于市里的安居工程。”",
                   "少12次；发生安全事故4起，同比减少3起。")
    assert out[0] == "临川港今年上半年安全生产形势平稳，发生设备故障74次，同比减少12次；发生安全事故4起，同比减少3起。"
    assert len(out) == 2 and out[1].startswith("本报临川7月3日讯")


def test_a_heading_shaped_line_over_a_block_that_needs_its_subject_is_cut():
    # 临川港务局局长周海涛 / 告诉记者，…: the line looks like a heading whose words the text below
    # says again, but no paragraph opens on 告诉 (or 表示, 是, 还): it is a paragraph's first line
    lead = "临川港一季度集装箱吞吐量创同期新高。"
    for a, b in (("临川港务局副局长周海涛", "表示，临川港务局二季度还将在港区新开两条外贸航线，临川港的吞吐量有望再创新高。"),
                 ("临川港集装箱吞吐量的增长", "是港务局多年来推进港区扩建的结果，临川港集装箱吞吐量今年有望再创新高。"),
                 ("临川市民对港区扩建的期待", "还不止于此，市民希望临川港区扩建后能带来更多就业岗位。"),
                 ("临川港务局局长周海涛", "告诉记者，临川港务局正在推进港区扩建，临川港吞吐量将再创新高。")):
        assert repaired(lead, a, b) == [lead, a + b]
    out = repaired("临川港一季度集装箱吞吐量创同期新高", "新华社临川4月2日电 临川港一季度集装箱吞吐量创同期新高。")
    assert len(out) == 2
    from galley.app.repair import features as ft
    assert ft.needs_subject("以及清理港区闲置仓库的工作。") and not ft.needs_subject("以前的码头已改建为公园。")


def test_a_line_over_a_block_that_opens_on_a_word_needing_its_subject_is_joined():
    # the model alone doubts a long unpunctuated line; 表示，… cannot open a paragraph
    lead = "临川港一季度集装箱吞吐量创同期新高。"
    a, b = "这名在临川港工作了三十年的老码头工人在采访中", "表示，港区扩建让码头工人的收入提高了不少。"
    assert repaired(lead, a, b) == [lead, a + b]


def test_a_line_ending_on_a_verb_that_needs_its_object_is_cut():
    # 增加值为 / (a credit) / 286.5万标箱: no clause ends on 为, 已有, 达到 …
    out = repaired("临川港一季度集装箱吞吐量创同期新高。", "临川港去年集装箱吞吐量为", "（通讯员 李华）",
                   "286.5万标箱,比上年增长12%。")
    assert out[1] == "临川港去年集装箱吞吐量为286.5万标箱,比上年增长12%。"
    assert out[2] == "（通讯员李华）"


def test_a_first_line_with_a_comma_is_no_title_unless_it_has_the_two_part_form():
    # the file opens on a sentence's first clauses cut at the column foot, a caption set in
    # below them: the paragraph goes on past the caption (its words recur there, as a
    # title's would, but a title with a comma in it has the form 抓前期，项目储备更充足)
    out = repaired("临川港务局局长周海涛今天在港区扩建工程开工仪式上会见外商代表团，仪式现场",
                   "图为港区一角。（周海涛 摄）",
                   "周海涛在会见外商代表团时说，临川港务局将为外商投资港区提供更多便利。")
    assert out[0].startswith("临川港务局局长周海涛今天") and out[0].endswith("提供更多便利。")
    assert out[1] == "图为港区一角。（周海涛摄）"
    assert len(repaired("抓前期，项目储备更充足", "今年以来，全市抓前期、抓储备，项目储备更充足。")) == 2


def test_a_short_first_line_in_running_prose_is_continued_past_a_sentence_set_in():
    # 现年五十八岁的周海涛是临 / (one sentence of another story) / 川港务局的…: the line is
    # heading-shaped (short, no clause mark) but has running text's function words (的, 是): no
    # headline; its rest lies past the sentence set in, where the page's 临川港务局 reads on
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a = "现年五十八岁的周海涛是临"
    insert = "北方多地今天迎来入冬后的第一场降雪。"
    rest = "川港务局的第一任局长，在港口工作了三十多年。"
    assert repaired(lead, a, insert, rest) == [lead, a + rest, insert]
    # a headline's telegraphic line, whose words the text below says again, stays apart from
    # the text past the sentence
    head = "临川港吞吐量再创新高"
    out = repaired(lead, head, insert, "港务局表示，临川港吞吐量再创新高得益于新航线的开通。")
    assert head in out


def test_a_boxs_item_after_another_is_not_joined_to_running_text(monkeypatch):
    # 东湖区已有 3 个社区开通夜间公交 / 城北、城南两区同步推进 (a box's items, set in at a column
    # foot) / 这款新车型…: however sure the seam model is, the last item is a line of the box, not a
    # paragraph's first piece: at most a possible cut, unless the seam itself says it runs on
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    monkeypatch.setattr(J, "seam_model", lambda: fixed_model(0.9))
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    items = ["东湖区已有 3 个社区开通夜间公交", "西山区首次开通电动公交线路", "城北、城南两区同步推进"]
    body = "这款以节能为卖点的新车型试图取代老式柴油车，不料一上路就成为市民热议的话题。"
    fixes = J.plan_repairs(read_text("\n\n".join([lead, *items, body])))
    assert not [f for f in fixes if f.blocks[0] in (2, 3) and f.accepted]
    # the first item follows running text, and a seam that reads on still joins
    fixes = J.plan_repairs(read_text("\n\n".join([lead, *items[:2], "城北、城南两区同步推", "进，市民出行更加方便。"])))
    assert [f.blocks for f in fixes if f.accepted] == [(3, 4)]


def test_running_text_ending_on_a_closed_quotation_is_left_to_the_model(monkeypatch):
    # …被港口职工称为“港区基本法” / 港区扩建工程…: a quotation closed at the block's end may end
    # its paragraph (公文 and legal text end so), or run on (“黑砖窑” / 事件): the seam model
    # decides, where a block of running text stopping on a word is cut whatever it says
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    monkeypatch.setattr(J, "seam_model", lambda: fixed_model(0.1))
    rest = "港区扩建工程今天正式开工，预计三年内完成，届时临川港的年吞吐能力将翻一番。"
    quoted = "临川市人大常委会去年通过的港区管理条例，对港区的规划、建设、管理和港区职工的权益都作了全面规定，被港口职工称为“港区基本法”"
    assert not [f for f in J.plan_repairs(read_text(quoted + "\n\n" + rest)) if f.accepted]
    open_word = "临川市人大常委会去年通过的港区管理条例，对港区的规划、建设、管理和港区职工的权益都作了全面规定，被港口职工称为港区的基本"
    assert [f.blocks for f in J.plan_repairs(read_text(open_word + "\n\n" + rest)) if f.accepted] == [(0, 1)]


def test_a_heading_shaped_line_is_joined_where_the_character_model_reads_on_across_the_seam(monkeypatch):
    # 临川沿海渔民抵抗 / 运动(渔民会)…: no dictionary word spans the seam, but 抵抗 so strongly
    # predicts 运动 that the seam reads as a word would; a headline over its story still stays
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    monkeypatch.setattr(J, "seam_model", lambda: fixed_model(0.7))
    head = "新华社临川2月9日电(港口观察)临川港扩建寻求突破\n\n新华社记者王明\n\n"
    body = "(渔民会)取得港区听证会胜利后，如何勾画新一届港区扩建蓝图成为当前临川关注的焦点。渔民会将推行什么样的政策，备受关注。"
    fixes = J.plan_repairs(read_text(head + "临川沿海渔民抵抗\n\n运动" + body))
    assert [f.blocks for f in fixes if f.accepted] == [(2, 3)]
    fixes = J.plan_repairs(read_text(head + "临川沿海渔民会\n\n渔民会" + body))
    assert not [f for f in fixes if f.accepted]


def test_a_line_left_inside_a_title_is_continued_past_a_box_to_the_block_that_closes_it():
    # 临川市港务局依据《临川港区 / (a box's items and its credit) / 管理条例》第十二条…: a title
    # (or an aside) never spans two paragraphs, however much the line looks like a heading
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    items = ["港区道路改造全部完成", "新建堆场面积扩大三成", "集装箱吞吐量增长一成二", "新华社记者 周海涛 摄"]
    a, rest = "临川市港务局依据《临川港区", "管理条例》第十二条的规定，对港区内三家违规企业作出停业整顿的处罚。"
    out = repaired(lead, a, *items, rest)
    assert out[1] == a + rest
    assert out[2:] == [re.sub(r"\s+", "", t) for t in items]


def test_a_line_stopping_on_the_dot_inside_a_foreign_name_is_cut():
    # 港务局聘请的荷兰专家范德·/ (a box's items) / 伯格今天说…: no line ends inside a name, nor is
    # such a line a heading
    from galley.app.repair import features as ft
    assert ft.open_end("港务局聘请的荷兰专家范德·") == "punct"
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    items = ["与此同时", "港区各级部门严肃查办涉及作风效能、损害群众利益的案件", "截至目前"]
    a, rest = "港务局聘请的荷兰专家范德·", "伯格今天说，临川港的集装箱码头已经达到国际先进水平。"
    out = repaired(lead, a, *items, rest)
    assert out[1] == a + rest and out[2:] == items


def test_a_heading_shaped_line_is_continued_past_a_boxs_items_with_clause_marks():
    # 周海涛在港区接受采访时表 / (a box's items, one of them with 、) / 示，…: the items are passed
    # over as short ones are
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    items = ["港务局也表示", "港区将向内地提供仓储、物流以及报关的配套服务", "总价值相当于十亿元"]
    a, rest = "港务局局长周海涛在港区接受采访时表", "示，港区内企业须在三个月内完成整改。"
    out = repaired(lead, a, *items, rest)
    assert out[1] == a + rest and out[2:] == items


def test_a_heading_shaped_line_is_continued_past_a_caption_to_a_block_needing_its_subject():
    # 港务局局长周海涛称这些措施 / (a caption) / 是「…」。: no paragraph opens on 是; the line is
    # its subject, passed over a caption as over nothing
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, caption = "港务局局长周海涛称这些措施", "图为临川港集装箱码头上，工人们正在装卸一批出口的机械设备。"
    rest = "是「推动港区从传统港口向现代物流枢纽转型的关键一步」。"
    assert repaired(lead, a, caption, rest) == [lead, a + rest, caption.replace(" ", "")]


def test_a_date_cut_between_year_and_month_continues():
    # 港区扩建工程起始于2025年 / 3月，当时…: the date runs on, however heading-like the line
    from galley.app.repair import features as ft
    assert ft.number_continues("起始于2025年", "3月，当时") and ft.number_continues("于7月", "18日举行")
    assert ft.number_continues("二〇二五年", "三月") and not ft.number_continues("今年", "3月")
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, rest = "“港区扩建”起始于2025年", "3月，当时，临川港务局动用上百台工程机械对港区进行了全面改造，工期三年。"
    assert repaired(lead, a, rest) == [lead, a + rest]


def test_a_sentences_first_clauses_are_no_two_part_heading():
    # 按照协议规定，双方将按照临 / 川…: a two-part heading has no function words (将) and no
    # reporting verb in its first part (周海涛透露，港区今后); such a line is a cut first line
    from galley.app.repair import features as ft
    assert ft.is_paired_heading("抓前期，项目储备更充足") and ft.is_paired_heading("人勤春来早，田间农事忙")
    assert not ft.is_paired_heading("按照协议规定，双方将按照中")
    assert not ft.is_paired_heading("周海涛透露，港区今后")
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, rest = "按照协议规定，双方将按照临", "川港务局确定的原则，建立两港合作关系，双方成立合作委员会，轮流在两地举行会议。"
    assert repaired(lead, a, rest) == [lead, a + rest]


def test_a_three_character_word_needing_a_sequel_ends_no_headline():
    # 湿地公园的建设一方面 / (a credit) / 要靠…: 一方面 and 进一步 are sequel words of three
    # characters, and a line ending on one is no headline, whatever the text below repeats
    from galley.app.repair import features as ft
    assert ft.open_end("湿地公园的建设一方面") == "word" and ft.open_end("临川港区建设") is None
    lead = "临川市湿地公园二期工程今天开工，预计明年五月建成开放。"
    a, credit = "湿地公园的建设一方面", "图表：周海涛"
    rest = "要靠市财政投入，一方面则要靠社会资本参与。湿地公园建成后将向市民免费开放。"
    assert repaired(lead, a, credit, rest) == [lead, a + rest, credit]


def test_a_line_is_continued_past_a_credit_to_a_block_needing_its_subject():
    # 这名演员在访问中 / 图表：… / 表示，…: no paragraph opens on 表示, a credit is passed over
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, credit = "这位局长在访问中", "图表：周海涛"
    rest = "表示，如果没有在十年前下决心改造老港区，临川港得不到今天的发展。"
    assert repaired(lead, a, credit, rest) == [lead, a + rest, credit]


def test_a_name_cut_after_its_title_goes_on_past_a_box():
    # 临川港务局副局长吴 / (a box's items) / 志良在…: no headline stops on a title and a surname
    from galley.app.repair import features as ft
    assert ft.ends_on_titled_surname("临川港务局副局长吴") and ft.ends_on_titled_surname("本报记者王")
    assert not ft.ends_on_titled_surname("临川港务局副局长") and not ft.ends_on_titled_surname("专家指出")
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a = "临川港务局副局长吴"
    items = ["前几天他刚刚出院", "今天坚持来与老朋友道别", "周先生在留言册上留言时", "抑制不住自己的悲伤"]
    rest = "志良在今天的新闻发布会上介绍说，港区今年将新开十条国际航线。"
    assert repaired(lead, a, *items, rest) == [lead, a + rest, *items]


def test_a_block_passed_over_keeps_its_surer_sequel(monkeypatch):
    # 欧盟立法是英国近现 / 总胆红素是间接胆红素和直接 / 胆红素之和…: block 0's likeliest sequel is
    # block 2, passing over block 1, but block 1 runs on into block 2 surer (the seam model finds
    # it cut): the join is block 1's, and block 0 is left as it is
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    blocks = read_text("临川港一季度集装箱吞吐量创同期新高。其中外贸航线是临川港近\n\n"
                       "总吞吐量是外贸吞吐量和内贸\n\n吞吐量之和，外贸吞吐量增长较快。")
    sure = {0: (2, 0.35), 1: (2, 0.9)}
    monkeypatch.setattr(J, "_best_continuation", lambda bs, i, *rest: (*sure[i], {}) if i in sure else None)
    monkeypatch.setattr(J, "evidence", lambda bs, i, *rest: ({"cut": 1.0}, [(2, [])], [{}]))
    monkeypatch.setattr(J.seam_model(), "p_cut", lambda x: 0.9)
    joins = [f.blocks for f in J.plan_repairs(blocks) if f.accepted]
    assert joins == [(1, 2)]
    # where only a rule, not the seam model, would join block 1 on, block 0 keeps its sequel
    monkeypatch.setattr(J.seam_model(), "p_cut", lambda x: 0.1)
    assert [f.blocks for f in J.plan_repairs(blocks) if f.accepted] == [(0, 2)]


OBJECT_VERB_CASES = [
    # 避免久坐久蹲，否则可导致 / 痔静脉曲张…
    (("否则可导致", "可以采取", "已经造成"), "临川港务局今天发布消息，港区北侧道路将于下月起封闭施工。",
     "施工期间避免重车进入，否则可导致", "路面塌陷和管道破裂，港务局将派专人在路口值守。"),
    # 印度金融中心孟买亦受到 / (a box's items) / 波及
    (("孟买亦受到", "港区遭到", "港区面临"), "临川港务局今天发布消息，受台风影响，港区今天暂停装卸作业。",
     "临川港北侧的新港区亦受到", "波及，三个泊位的装卸作业全部暂停，港务局已派人值守。"),
]


@pytest.mark.parametrize(("ends", "lead", "a", "rest"), OBJECT_VERB_CASES, ids=["daozhi", "shoudao"])
def test_a_line_ending_on_a_verb_needing_its_object_is_cut(ends, lead, a, rest):
    # 导致, 采取, 造成, 受到, 遭到, 面临 need what follows them; no headline ends on one
    from galley.app.repair import features as ft
    assert all(ft.open_end(t) == "word" for t in ends)
    assert repaired(lead, a, rest) == [lead, a + rest]


def test_a_block_opening_on_jieshao_continues_the_line_above():
    # 据南非使馆旅游专员年贝喜 / 介绍，…: no paragraph opens on 介绍
    from galley.app.repair import features as ft
    assert ft.needs_subject("介绍，港区今年") and not ft.needs_subject("据介绍，港区今年")
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, rest = "据港务局调度中心主任周海涛", "介绍，港区今年将新开十条国际航线，其中六条通往东南亚。"
    assert repaired(lead, a, rest) == [lead, a + rest]


def test_no_number_runs_on_into_a_year():
    # 驻欧军队人数由原来的11.3 / 2002年 (a box's line): a year opens a line of its own
    from galley.app.repair import features as ft
    assert not ft.number_continues("免除了28", "2005 年全市用电量") and not ft.number_continues("原来的11.3", "2002年")
    assert ft.number_continues("原来的11.3", "万人减少至7.1万人") and ft.number_continues("共有12", "345人")


def test_a_block_opening_on_a_time_and_a_reporting_verb_continues():
    # 南莱特省官员罗塞特·莱里亚斯 / 当天说，…: 当天说 needs the speaker before it
    from galley.app.repair import features as ft
    assert ft.needs_subject("当天说，港区") and ft.needs_subject("17日表示，")
    assert not ft.needs_subject("当天，他说") and not ft.needs_subject("今天是个好日子") and not ft.needs_subject("今天说明了")
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a, rest = "临川港务局调度中心主任周海涛", "当天说，港区今年将新开十条国际航线，其中六条通往东南亚。"
    assert repaired(lead, a, rest) == [lead, a + rest]


def test_an_aside_left_open_at_a_sentence_end_is_a_stray_mark():
    # （其中一座在江边！ ends a sentence: the open bracket alone does not make the block cut
    out = repaired("临川新区今年新建了三座公园（其中一座在江边！", "市民周末出游又多了一个好去处。")
    assert out == ["临川新区今年新建了三座公园（其中一座在江边！", "市民周末出游又多了一个好去处。"]
    # open before a clause mark, the aside goes on
    out = repaired("民政部依据《社会团体登记管理条例》和《临川市", "社会组织管理办法》,对全市社团开展年检。")
    assert len(out) == 1


def test_a_line_with_running_texts_conjunctions_is_no_two_part_heading():
    # X，Y with 所以 / 他们 in it is a sentence's first clauses, not 抓前期，项目储备更充足
    from galley.app.repair import features as ft
    assert not ft.is_paired_heading("我没赶上末班车，所以我爸爸")
    assert ft.is_paired_heading("抓前期，项目储备更充足")
    assert ft.function_words("有一天他们决定去江边", running=True) > ft.function_words("有一天他们决定去江边")
    out = repaired("临川新区今年新建了三座公园。", "我没赶上末班车，所以我爸爸", "开车到车站接我，一路上我们聊了很多新区的变化。")
    assert out[1] == "我没赶上末班车，所以我爸爸开车到车站接我，一路上我们聊了很多新区的变化。"


def test_a_line_with_two_function_words_over_text_that_repeats_it_is_a_cut_first_line():
    # 王明在这次义诊活动的表现得 / 十分出色，这次义诊活动…: the words recur below, as a headline's do,
    # but a headline has one function word at most (两名约旦人因策划袭击美国人被判刑 stays one)
    out = repaired("临川新区今年新建了三座公园。", "王明在这次义诊活动的表现得",
                   "十分出色，这次义诊活动共为三百多名市民检查了身体。")
    assert out[1] == "王明在这次义诊活动的表现得十分出色，这次义诊活动共为三百多名市民检查了身体。"
    out = repaired("临川新区今年新建了三座公园。", "两名临川青年因见义勇为被市政府表彰",
                   "两名临川青年因在江边救起落水儿童，11日被市政府授予见义勇为称号。")
    assert len(out) == 3


def test_a_short_first_line_reaches_past_a_sentence_to_a_start_no_paragraph_has():
    # 自订今年 / (a quoted sentence set in) / 的吞吐目标…: a block opening on 的 runs on from the cut
    out = repaired("临川新区今年新建了三座公园。", "临川港集装箱公司自订今年", "市长王明说:“港口的扩建工程明年就能完工。",
                   "的吞吐目标为五十万标箱,比去年增长一成。")
    assert out[1] == "临川港集装箱公司自订今年的吞吐目标为五十万标箱,比去年增长一成。"
    assert out[2] == "市长王明说:“港口的扩建工程明年就能完工。"


def test_a_two_part_heading_does_not_stop_inside_a_word():
    # 做好接收公 / 费师范生…: X，Y in form, but a dictionary word (公费) spans the seam and reads better
    out = repaired("临川新区今年新建了三座公园。", "市里要统筹规划，做好接收公", "费师范生就业的各项准备工作。")
    assert out[1] == "市里要统筹规划，做好接收公费师范生就业的各项准备工作。"


@pytest.mark.parametrize("end", ["提出", "提供", "针对", "利用", "促进", "建立", "确保"])
def test_a_verb_or_preposition_that_needs_its_object_ends_no_line(end):
    from galley.app.repair import features as ft
    assert ft.open_end(f"市交通局听证会后{end}") == "word"
    ed = edition_from_text(f"临川新区今年新建了三座公园。\n\n市交通局听证会后{end}\n\n同公交公司共同开通夜间线路,方便市民晚间出行。")
    assert [(f.blocks, f.confidence >= 0.8) for f in ed.fixes if f.accepted] == [((1, 2), True)]


def test_a_closing_mark_set_alone_after_a_sentence_end_goes_back_to_it():
    # …全部建成。 / ” : the short line is the quotation's last mark, not a heading or an item
    out = repaired("临川新区管委会主任王明说:“新区的路网要在三年内全部建成。", "”", "临川新区今年新建了三座公园。")
    assert out == ["临川新区管委会主任王明说:“新区的路网要在三年内全部建成。”", "临川新区今年新建了三座公园。"]


def test_reading_a_sentence_end_against_its_next_block_first_changes_no_decision(monkeypatch):
    # the shortcut (TERMINAL_FLOOR) only saves work: on the bundled sample edition every fix is the
    # one the full reading of every candidate gives
    from pathlib import Path

    from galley.app.repair import clear_caches
    from galley.app.repair import join as J
    text = (Path(__file__).resolve().parents[3] / "resources" / "sample" / "edition.txt").read_text(encoding="utf-8")
    fast = [(f.blocks, f.confidence, f.accepted) for f in edition_from_text(text).fixes]
    monkeypatch.setattr(J, "TERMINAL_FLOOR", 0.0)
    clear_caches()
    full = [(f.blocks, f.confidence, f.accepted) for f in edition_from_text(text).fixes]
    assert fast == full and fast


def test_a_quotation_opened_mid_sentence_goes_on_to_the_block_that_closes_it(monkeypatch):
    # …举行的“CEPA临川港口 / (a credit) / (新区)推介会”上透露的。: the model alone doubts the short
    # line; a quotation opened before no sentence end, closed below, says it runs on
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    monkeypatch.setattr(J, "seam_model", lambda: fixed_model(0.1))
    blocks = read_text("这是副市长王明7日在此间举行的“CEPA临川港口\n\n（记者 郑鹏）\n\n(新区)推介会”上透露的。")
    assert [f.blocks for f in J.plan_repairs(blocks) if f.accepted] == [(0, 2)]
    # a list item closing on ；leaves its quotation to the items below, as numbered clauses do
    blocks = read_text("（一）推广“临川经验；\n\n（记者 郑鹏）\n\n（二）落实”的各项措施。")
    assert not [f for f in J.plan_repairs(blocks) if f.accepted]


def test_a_dateline_opens_no_story_in_a_caption_or_in_a_boxs_lines():
    # a caption that quotes a story's dateline and ends on its photographer (…揭幕。王明 摄), and a
    # box whose first line is a dateline's clause (新华社临川3月2日电…23时许 / 东湖大桥…), stand
    # between a paragraph's two pieces as any insert does: neither is another story's lead
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    a = "港务局负责人介绍，今年以来港口新开通了三条近洋航线，集装箱船每周往返的航班比去年同期增"
    rest = "加了一倍，达到二十班。"
    caption = "新华社临川3月2日电(记者李华)临川港第二期集装箱码头今天在东湖区正式开港揭幕。王明 摄"
    assert repaired(lead, a, caption, rest) == [lead, a + rest, caption.replace(" ", "")]
    box = ["新华社临川3月2日电(记者李华)东湖区交警大队3月1日晚23时许", "东湖大桥北侧发生一起交通事故", "两车受损"]
    assert repaired(lead, a, *box, rest) == [lead, a + rest, *box]
    # a story's dateline line under its headline opens the story even where the text is wrapped
    # line by line (a line under a headline is no box's line: no paragraph is cut there)
    wrapped = ("临川新区今年新建三座公园\n\n新华社临川3月2日电(记者李华)临川新区今年\n"
               "将在东湖和西山两区新建三座城市公园，为市民\n提供更多休闲去处。")
    assert [s.headline for s in edition_from_text(lead + "\n\n" + wrapped).stories][-1] == "临川新区今年新建三座公园"
    # a story's lead, cut at a column end, still opens its story and takes its own rest
    story = ["临川新区今年新建三座公园", "新华社临川3月2日电(记者李华)临川新区今年将在东湖和西山两区新建三座城市公",
             "园，为市民提供更多休闲去处。"]
    assert repaired(lead, *story) == [lead, story[0], story[1] + story[2]]


def test_a_term_the_page_spells_whole_goes_on_past_a_credit():
    # 调查人员正在了解事故发生前几分钟太空 / 本报记者 王明 摄 / 梭左侧…: 太空梭 is in no dictionary, but
    # the page says it whole; a photographer's credit between the pieces does not make the short
    # first piece a headline (past a box's items it still would: a list's last line)
    lead = "临川号太空梭昨天返回地面时发生故障。临川号太空梭的机组人员全部安全。"
    a = "调查人员正在了解故障发生前几分钟太空"
    rest = "梭左侧的温度为何突然升高，并将在下周公布初步结果。"
    assert repaired(lead, a, "本报记者 王明 摄", rest) == [lead, a + rest, "本报记者王明摄"]


def test_a_credit_alone_continues_no_sentence(monkeypatch):
    # …从今年7月1日起，临川 / (a box's lines) / （记者 王明） / 将实施…: the credit signs the box or
    # the story; the sentence goes on in the text after it, however much the model likes the credit
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    likes_credits = fixed_model(0.95, lambda x: 4.0 if x.get("b_credit") else 2.0 if x.get("b_body") else 0.1)
    monkeypatch.setattr(J, "seam_model", lambda: likes_credits)
    a = "本报讯 记者李华从市政府新闻发布会上获悉，从今年7月1日起，临川"
    box = ["据市交通局介绍", "全市公交线路今年新增十二条", "主要集中在东湖新区"]
    rest = "将对本市登记的新能源出租车免收三年的车辆通行费，鼓励更多出租车更新为新能源车。"
    fixes = J.plan_repairs(read_text("\n\n".join([a, *box, "（记者 王明）", rest])))
    assert [f.blocks for f in fixes if f.accepted and f.blocks[0] == 0] == [(0, 5)]


def test_a_word_across_the_seam_carries_a_short_piece_past_a_boxs_items(monkeypatch):
    # 「临川晚报」引 / (a box's lines) / 述市交通局负责人的话说…: a dictionary word spans the seam (引述)
    # and the two sides read better joined by it: no headline stops inside a word, so the short
    # piece goes on past the box as a cut first line does
    from galley.app.importers.text import read_text
    from galley.app.repair import join as J

    likes_text = fixed_model(lambda x: 0.01 if x.get("end_terminal") else 0.7,
                             lambda x: 5.0 if x.get("b_body") else 0.1)
    monkeypatch.setattr(J, "seam_model", lambda: likes_text)
    lead = "临川港务局今天发布消息，临川港一季度集装箱吞吐量创同期新高。"
    box = ["一周前开始相继进入汛期", "各区居民都做好了防汛准备"]
    rest = "述市交通局负责人的话说，全市公交线路今年将新增十二条，主要集中在东湖新区。"
    fixes = J.plan_repairs(read_text("\n\n".join([lead, "「临川晚报」引", *box, rest])))
    assert [f.blocks for f in fixes if f.accepted] == [(1, 4)]


STORY = ["临川港集装箱吞吐量创新高",
         ("本报讯（记者 王明）临川港务局局长陈立峰20日在临川港口物流论坛上表示，临川港一季度集装箱吞吐量"
          "同比增长两成，创历年同期新高。")]


def test_a_short_line_saying_the_storys_names_is_its_cut_first_line():
    # 陈立峰是在临川港口物流论坛上作 / （记者 李华） / 上述表示的。…: a line that stops mid-sentence
    # and says what the story above said (陈立峰, 临川港, 物流论坛) is the story's own line, cut at a
    # column foot; a sidebar's item or another story's headline seldom says the story's names
    line = "陈立峰是在临川港口物流论坛上作"
    rest = "上述表示的。他说，今年临川港将新开三条外贸航线，港口的物流费用有望再降一成。"
    out = repaired(*STORY, line, "（记者 李华）", rest)
    assert line + rest in out and "（记者李华）" in out


def test_a_line_saying_the_storys_names_is_not_joined_to_a_list_item():
    # the same line over a numbered item: an item opens anew, whatever the line says
    line = "陈立峰是在临川港口物流论坛上作"
    item = "第一条 临川港将新开三条外贸航线，港口的物流费用有望再降一成。"
    out = repaired(*STORY, line, item)
    assert line in out and re.sub(r"\s+", "", item) in out


def test_a_subhead_run_onto_a_paragraphs_end_is_offered_not_joined():
    # …无人受伤。临川港新开两条外贸航线 / 在港务局，临川港新开的两条外贸航线…: the source set a subhead
    # on the paragraph's last line; the next paragraph's first sentence says its words again, as a
    # lead under its subhead does. The seam is offered as a possible cut, not joined.
    first = "本报讯（记者 王明）临川港昨日一艘货轮在靠泊时擦碰码头，所幸无人受伤。临川港新开两条外贸航线"
    second = "在港务局，临川港新开的两条外贸航线昨日正式通航，港口物流费用有望再降一成。"
    edition = edition_from_text(f"临川港货轮擦碰码头\n\n{first}\n\n{second}")
    out = paragraphs(edition.text())
    assert re.sub(r"\s+", "", first) in out and second in out
    offered = [f for f in edition.fixes if f.kind == "join" and f.doubtful]
    assert [(f.accepted, f.after) for f in offered] == [(False, second[:12])]
    assert "subhead" in offered[0].reason and "小标题" in offered[0].reason_zh


def test_a_sentence_cut_after_a_sentence_end_is_joined_though_its_sequel_names_the_same_things():
    # the same last line cut at a column foot: its sequel goes on from it (…航线 / 的首航仪式…),
    # a word across the seam or a start no paragraph has, and is joined
    first = "本报讯（记者 王明）临川港昨日一艘货轮在靠泊时擦碰码头，所幸无人受伤。临川港新开两条外贸航线"
    second = "的首航仪式昨日举行，临川港新开两条外贸航线后，港口物流费用有望再降一成。"
    out = repaired("临川港货轮擦碰码头", first, second)
    assert re.sub(r"\s+", "", first) + second in out


def test_a_block_the_page_sets_indented_continues_nothing():
    # PDF input: the page says which blocks open with an indented first line, a paragraph's first
    # line; one ending on a stray ... stays apart from it. Plain text does not say, and is read as before.
    from galley.app.model import RawBlock
    from galley.app.repair import join as J
    first = "本报讯（记者 王明）临川港外贸集装箱航线新开通3条，通达东南亚、日韩等地的主要港口..."
    second = "今年以来，港口加快智慧化改造，自动化岸桥、无人集卡陆续投入使用，通关时间缩短近一半。"
    for indented, joined in ((True, False), (None, True)):
        blocks = [RawBlock(0, "临川港新开三条外贸航线"), RawBlock(1, first, indented=False),
                  RawBlock(2, second, indented=indented)]
        fixes = [f for f in J.plan_repairs(blocks) if f.accepted]
        assert [f.blocks for f in fixes] == ([(1, 2)] if joined else [])


def test_a_traditional_page_is_repaired_and_typed_as_its_simplified_twin():
    # the repairer's word lists, datelines and language model are simplified Chinese: the held nist
    # cases converted to traditional characters (OpenCC s2t) scored F1 0.954 against 0.975, csc 0.943
    # against 0.967, until the evidence was read from a simplified view of the page
    import opencc

    from galley.app.pipeline import load_edition
    from tests.conftest import SAMPLE
    text = SAMPLE.read_text(encoding="utf-8")
    trad = opencc.OpenCC("s2t").convert(text)
    assert trad != text
    simp_ed, trad_ed = load_edition(SAMPLE), edition_from_text(trad)
    assert [(f.blocks, f.doubtful) for f in trad_ed.fixes] == [(f.blocks, f.doubtful) for f in simp_ed.fixes]
    assert [el.kind for _, _, el in trad_ed.elements()] == [el.kind for _, _, el in simp_ed.elements()]
    # the elements keep the page's own characters
    assert [el.text for _, _, el in trad_ed.elements()] == \
        [opencc.OpenCC("s2t").convert(el.text) for _, _, el in simp_ed.elements()]
