"""Text wrapped at a fixed width (an e-mail, an editor's hard wrap, a one-column PDF's text):
full lines are joined to the line under them, a paragraph's short last line is not, and files
whose lines agree on no width (headline lists, a sentence a line) are left alone."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from galley.app.importers.text import read_text
from galley.app.model import RawBlock
from galley.app.pipeline import build_edition
from galley.app.repair import plan_repairs
from galley.app.repair.geometry import atoms, line_ends
from galley.app.repair.wrapped import plan_wrapped, wrap_width

PARAGRAPHS = [
    ("临川市今年新建城市绿道一百二十公里，串起沿江湿地、老城街巷和城郊田园，市民步行十分钟即可走上绿道。"
     "市园林局负责人介绍，绿道沿线还将增设驿站和直饮水点。"),
    "记者从市交通运输局获悉，临川港集装箱码头二期工程已完成主体结构，预计年内投入试运行，届时港口年吞吐能力将翻一番。",
    "港口部门推出便利化措施，企业通关时间平均缩短三成。一家外贸企业负责人说，过去报关要跑三个窗口，现在网上一次办结。",
    "全市建成社区健身中心八十六个，举办全民健身赛事三百余场，参与群众超过四十万人次。",
    "“过去办齐施工许可要跑七八个部门，现在一个窗口就能办完。”临川经开区一家新能源企业的负责人告诉记者。",
    "下一步，市里将实行重点项目“周调度、月通报、季观摩”制度，确保全年目标任务圆满完成。",
]
CLOSING = set("，。、；：？！”）》")
WS = re.compile(r"\s+")


def wrap(paragraph: str, width: int, indent: str = "", implicit: bool = False) -> list[str]:
    """`paragraph` broken into lines `width` characters wide (all Han and full-width), a closing
    mark hung at the end of the line it would otherwise open: how a one-column page sets it.
    `indent`: the first line's indent as text (two ideographic spaces); `implicit`: the first
    line indented two characters with no mark of it in the text (a PDF's text)."""
    lines, line, room = [], indent, width - len(indent) - (2 if implicit else 0)
    for ch in paragraph:
        if room <= 0 and ch not in CLOSING:
            lines.append(line)
            line, room = "", width
        line += ch
        room -= 1
    lines.append(line)
    return lines


def paragraphs_out(text: str) -> list[str]:
    ed = build_edition(read_text(text), dehyphenate=False)
    return [WS.sub("", el.text) for _, _, el in ed.elements()]


def wrapped_text(width: int, **kw) -> str:
    return "\n".join(line for p in PARAGRAPHS for line in wrap(p, width, **kw)) + "\n"


def test_a_wrapped_text_comes_back_as_its_paragraphs():
    for width, kw in ((18, {}), (24, {"indent": "\u3000\u3000"}), (20, {"implicit": True}), (31, {})):
        text = wrapped_text(width, **kw)
        assert len(text.splitlines()) > 2 * len(PARAGRAPHS)
        assert paragraphs_out(text) == PARAGRAPHS, (width, kw)


def test_a_pages_text_with_gaps_written_as_spaces_comes_back_whole():
    """pdftotext writes the quarter-em gap between Han characters and figures as a space; a line's
    width counts no space. Set in ems (figures half an em, marks hung, the first line indented with
    no mark of it) at a column's width, as a one-column page is."""
    paragraphs = [("2025年，临川港集装箱吞吐量达到126万标准箱，同比增长8.5%，其中外贸航线占六成。"
                   "港口部门推出便利化措施，企业通关时间平均缩短30%。"), *PARAGRAPHS]
    lines = []
    for p in paragraphs:
        ends = line_ends(atoms(p), 16, 2.0)
        lines += [re.sub(r"(?<=[^\x00-\x7f])([0-9.%]+)|([0-9.%]+)(?=[^\x00-\x7f])", lambda m: f" {m.group()} ", p[a:b]).strip()
                  for a, b in zip([0, *ends], ends, strict=False)]
    assert any(" 126 " in line for line in lines)
    assert paragraphs_out("\n".join(lines)) == [WS.sub("", p) for p in paragraphs]


def test_a_wrap_by_characters_is_told_by_lines_that_start_with_a_mark():
    long_text = "".join(PARAGRAPHS) * 6
    naive = [long_text[k:k + 17] for k in range(0, len(long_text), 17)]        # an e-mail's wrap
    assert sum(1 for line in naive if line[0] in "，。、”") >= 0.03 * len(naive)
    assert wrap_width(read_text("\n".join(naive))).slack == 0.0
    # a page starts a line with a mark only after another one hung (…。” / ”…): a few in many
    typeset = [line for p in PARAGRAPHS * 6 for line in wrap(p, 17)]
    typeset[10:12] = ["”" + typeset[10][1:], "」" + typeset[11][1:]]
    assert wrap_width(read_text("\n".join(typeset))).slack == 1.0


def test_a_short_line_that_stops_mid_sentence_is_left_to_the_seam_model():
    """A short line that stops mid-sentence (text set narrower round a picture, a column's last
    line pdftotext wrote without the blank) is no paragraph's end: the seam model reads it; a
    short line that ends a sentence ends its paragraph."""
    lines = [line for p in PARAGRAPHS for line in wrap(p, 18)]
    k = next(n for n, line in enumerate(lines) if line.startswith("记者从市交通运输局")) + 1
    cut = lines[k].index("主体") + 1
    lines[k:k + 1] = [lines[k][:cut], lines[k][cut:]]      # 码头二期工程已完成主 / 体结构，预计年内投入
    blocks = read_text("\n".join(lines))
    fixes, settled = plan_wrapped(blocks)
    assert k not in settled and k not in {f.blocks[0] for f in fixes}
    ends = [n for n, b in enumerate(blocks[:-1]) if b.text.endswith("番。")]
    assert ends and ends[0] in settled
    assert any(f.blocks == (k, k + 1) for f in plan_repairs(blocks))      # 主 / 体: a word across the seam


# paragraphs of several sentences each (our own text), and paragraphs of one sentence each
STORIES = [
    ("临川港今年一季度完成集装箱吞吐量三十一万标准箱。外贸航线新增两条，分别通往东南亚和中东。"
     "港口负责人说，码头二期投用后，船舶平均等泊时间缩短了一半。企业普遍反映，通关更快了。"),
    ("市图书馆新馆将于五月开放。新馆藏书一百二十万册，设有少儿阅览区和古籍修复室。"
     "开馆首月，读者可凭身份证免押金办理借阅证。馆方提醒，周一闭馆。"),
    ("记者昨天走访了城东菜市场。蔬菜供应充足，价格比上月略有下降。"
     "一位摊主说，今年本地大棚菜上市早，外地菜运进来的少了。市民王女士买了两斤西红柿，她说很新鲜。"),
    ("沿江绿道北段已完成铺装。绿道全长十八公里，串起三座公园和两处湿地。"
     "园林部门表示，沿线还将种植樱花和银杏。预计国庆节前全线贯通。"),
]
ITEMS = [
    "临川市第一中学的学生在全省青少年科技创新大赛中获得两项一等奖和三项二等奖。",
    "市气象台预计本周后期将有一次明显降温过程，请市民及时增添衣物并注意出行安全。",
    "城西污水处理厂扩建工程通过验收，日处理能力由五万吨提高到八万吨并投入运行。",
    "临川大学与本地三家企业共建新能源材料联合实验室，首批研究项目已经正式启动。",
    "市体育中心游泳馆完成改造后重新对外开放，每天早晨六点至晚上九点接待市民健身。",
    "全市新增公共充电桩一千二百个，城区主要道路沿线平均每两公里就有一处充电站点。",
]


def test_a_full_line_ending_a_sentence_inside_a_paragraph_goes_on():
    """Wrapped by characters with nothing to mark a paragraph's first line, a line that fills
    the width and ends a sentence may end the paragraph too: the file's own lines say how often.
    Where paragraphs run to several sentences, a sentence ends at a line end inside a paragraph
    far more often than a paragraph ends on a full line: the line is joined, with that reason."""
    for width in range(14, 30):
        lines = [p[k:k + width] for p in STORIES for k in range(0, len(p), width)]
        ends_inside = [line for p in STORIES for line in [p[k:k + width] for k in range(0, len(p) - width, width)]
                       if line.endswith("。")]
        if ends_inside and all(len(p) % width for p in STORIES):
            break
    else:
        raise AssertionError("no width puts a sentence end at a line end")
    blocks = read_text("\n".join(lines) + "\n")
    assert wrap_width(blocks).width == width
    assert paragraphs_out("\n".join(lines)) == STORIES
    fixes, _ = plan_wrapped(blocks)
    k = next(n for n, b in enumerate(blocks) if b.text == ends_inside[0])
    fix = next(f for f in fixes if f.blocks == (k, k + 1))
    assert 0.5 < fix.confidence < 0.97 and "%" in fix.reason and "段末" in fix.reason_zh


def test_a_full_line_ending_a_paragraph_of_one_sentence_ends_it():
    """Where every paragraph is one sentence, a full line that ends a sentence ends its paragraph."""
    for width in range(14, 30):
        if any(len(p) % width == 0 for p in ITEMS) and all(len(p) > width for p in ITEMS):
            break
    else:
        raise AssertionError("no width ends an item on a full line")
    text = "\n".join(p[k:k + width] for p in ITEMS for k in range(0, len(p), width)) + "\n"
    assert wrap_width(read_text(text)).width == width
    assert paragraphs_out(text) == ITEMS


WIRE = [   # a wire's copy (half-width commas and brackets), paragraphs of two or three lines
    "临川市交通运输局局长王明介绍,今年全市新开通公交线路12条,新增公交车辆260辆,其中新能源车辆占比达到85%,市民出行更加方便。",
    "据了解,临川港集装箱码头二期工程(一期已于2023年投入使用)完成主体结构后,预计年内投入试运行,年吞吐能力将从60万标准箱提高到120万标准箱。",
    "王明说:“我们将在2026年底前建成城市绿道300公里,让市民步行10分钟就能走上绿道。”",
    "市园林局负责人表示,绿道沿线将增设驿站48处、直饮水点120个,并在节假日开放夜间照明。",
    "全市建成社区健身中心86个,举办全民健身赛事300余场,参与群众超过40万人次,比上年增长12.5%。",
    "港口部门推出便利化措施,企业通关时间平均缩短30%。一家外贸企业负责人说,过去报关要跑3个窗口,现在网上一次办结。",
    "下一步,市里将实行重点项目“周调度、月通报、季观摩”制度,确保全年目标任务圆满完成。",
]


def test_short_paragraphs_set_in_with_no_mark_give_the_width_of_their_full_lines():
    """A page's paragraphs of two or three lines, their first lines set in two ems with no mark of
    it: more first lines than full ones, and a first line is always under a paragraph's last line.
    The width is the full lines', not the first lines' (which had every first line read as full
    and joined to the next paragraph); where only one line is full, the first lines are the
    widest, and reading them as full joins the same lines."""
    for width in range(24, 37, 2):
        lines = []
        for p in WIRE:
            ends = line_ends(atoms(p), width, 2.0)
            lines += [p[a:b] for a, b in zip([0, *ends], ends, strict=False)]
        text = "\n".join(lines) + "\n"
        wrap = wrap_width(read_text(text))
        if width <= 30:
            assert (wrap.width, wrap.first) == (width, width - 2), width
        assert paragraphs_out(text) == WIRE, width


def test_a_file_of_a_block_a_line_still_has_its_inserts_passed_over():
    """A file with a block a line and no blank lines at all (column pieces pasted one under
    another) sets a caption between a paragraph's two pieces as closely as the pieces themselves:
    no blank line tells it apart, and the scan passes over it (only a line as wide as the line
    above it, as a wrapped file's lines are, is taken for a line of the running text)."""
    first = ("记者从市交通运输局获悉，临川港集装箱码头二期工程已完成主体结构，预计年内投入试运行，"
             "届时港口年吞吐能力将翻一番。港口部门还推出便利化措施，企业通关时间平均缩短三")
    rest = "成。一家外贸企业负责人说，过去报关要跑三个窗口，现在网上一次办结。"
    caption = "临川港二期码头的岸桥正在调试，工人们在做最后的检查。陈晓摄"
    text = "\n".join(["临川港二期年内试运行", first, caption, rest, *PARAGRAPHS[3:]]) + "\n"
    out = paragraphs_out(text)
    assert first + rest in out and WS.sub("", caption) in out


def test_a_blank_line_after_every_line_says_nothing():
    """A text pasted into Word a paragraph a line and saved as text has a blank line after every
    line: the width still tells the paragraphs' ends. Column pieces with blank lines between them
    (the repairer's usual input) agree on no width and are left to the seam model."""
    text = "\n\n".join(line for p in PARAGRAPHS * 2 for line in wrap(p, 16, implicit=True)) + "\n"
    assert wrap_width(read_text(text)).width == 16.0
    assert paragraphs_out(text) == PARAGRAPHS * 2
    pieces = [p[:k] for p in PARAGRAPHS for k in (30,)] + [p[30:] for p in PARAGRAPHS]
    assert wrap_width(read_text("\n\n".join(pieces))) is None


def test_the_joins_are_fixes_with_their_reason():
    blocks = read_text(wrapped_text(20))
    fixes, settled = plan_wrapped(blocks)
    assert wrap_width(blocks).width == 20.0
    assert fixes and all(f.kind == "join" and f.blocks[1] == f.blocks[0] + 1 for f in fixes)
    assert "20" in fixes[0].reason and "折行" in fixes[0].reason_zh
    joined = {f.blocks[0] for f in fixes}
    assert joined <= settled
    # a paragraph's short last line is settled, and not joined
    ends = [k for k, b in enumerate(blocks[:-1]) if any(b.text.endswith(p[-6:]) for p in PARAGRAPHS) and len(b.text) < 19]
    assert ends and all(k in settled and k not in joined for k in ends)
    assert {f.blocks for f in plan_repairs(blocks) if f.id.startswith("w")} == {f.blocks for f in fixes}


def test_lines_set_in_are_read_as_indented():
    blocks = read_text("\u3000\u3000临川市今年新建城市绿道，\n串起沿江湿地。\n  港口部门推出便利化措施。\n\t全市建成社区健身中心。\n")
    assert [b.indented for b in blocks] == [True, None, True, True]
    assert blocks[0].text == "临川市今年新建城市绿道，"
    # with no unindented line going on from a line above, the indents mark nothing: every line
    # set in alike (column pieces, a paragraph a line) reads as if none were
    for text in ("\u3000\u3000临川市今年新建城市绿道，\n\n\u3000\u3000串起沿江湿地。\n",
                 "临川港通关再提速\n\u3000\u3000港口部门推出便利化措施。\n\u3000\u3000企业通关时间平均缩短三成。\n"):
        assert all(b.indented is None for b in read_text(text))


def test_column_pieces_all_set_in_are_repaired_as_if_none_were():
    lines = ["临川港通关再提速", "记者从市交通运输局获悉，临川港集装箱码头二期工程已完成主", "体结构，预计年内投入试运行。",
             "港口部门推出便利化措施，企业通关时间平均缩", "短三成。"]
    pieces = "\n\n".join(lines)
    indented = "\n".join("\u3000\u3000" + line if line else line for line in pieces.splitlines())
    assert paragraphs_out(indented) == paragraphs_out(pieces)
    assert len(paragraphs_out(pieces)) == 3


def test_an_indented_line_starts_a_paragraph_even_under_a_full_line():
    # the first paragraph's last line fills the width, and ends a sentence
    paragraphs = ["临川港集装箱码头二期工程已完成主体结构封顶。", *PARAGRAPHS]
    lines = [line for p in paragraphs for line in wrap(p, 12, indent="\u3000\u3000")]
    assert lines[1] == "工程已完成主体结构封顶。"
    assert paragraphs_out("\n".join(lines)) == paragraphs


def test_files_whose_lines_agree_on_no_width_are_left_alone():
    headlines = ["临川港通关再提速", "绿道串起城乡新风景", "全民健身赛事火热开展", "新开工项目稳中有进",
                 "书香浸润城市", "老旧小区改造今年再启动", "清明假期我市天气以多云为主", "一季度重点项目开工率达九成"]
    sentences = [p.split("。")[0] + "。" for p in PARAGRAPHS] * 2
    cut = [h[:8] for h in headlines * 2]            # a list of headlines cut to one length
    for lines in (headlines * 3, sentences, cut):
        text = "\n".join(lines) + "\n"
        assert wrap_width(read_text(text)) is None
        assert paragraphs_out(text) == [WS.sub("", x) for x in lines]


def test_a_pdfs_blocks_are_not_read_as_wrapped_lines():
    lines = [line for p in PARAGRAPHS for line in wrap(p, 18)]
    blocks = [RawBlock(index=k, text=t, blank_before=False, page=1, column=0) for k, t in enumerate(lines)]
    assert wrap_width(blocks) is None
    assert plan_wrapped(blocks) == ([], set())


CLAUSES = ["临川市今年新建城市绿道一百二十公里", "市民出行更加便利", "港口部门推出便利化措施", "企业通关时间平均缩短三成",
           "全市建成社区健身中心八十六个", "举办全民健身赛事三百余场", "推动文化体育事业繁荣发展"]


@settings(max_examples=40, deadline=None)
@example([[CLAUSES[0], CLAUSES[0], CLAUSES[1]], [CLAUSES[0], CLAUSES[1], CLAUSES[1]], [CLAUSES[1], CLAUSES[2], CLAUSES[0]],
          [CLAUSES[1], CLAUSES[2], CLAUSES[0]]], 20, "")     # too few lines to read a width from; 临川 / 市今年…，
#                                                             市民出行 / 更加便利。: the middle line is no insert
@given(st.lists(st.lists(st.sampled_from(CLAUSES), min_size=3, max_size=6), min_size=4, max_size=8),
       st.integers(12, 24), st.sampled_from(["\u3000\u3000", ""]))
def test_any_wrapped_text_keeps_its_characters_and_order(paras, width, indent):
    """Nothing lost, added or reordered; with the paragraphs' first lines indented in the text,
    every paragraph comes back whole (the indent settles every line break). (A file of a few
    short paragraphs may show no width to read: it is left to the seam model, as any file is.)"""
    paragraphs = ["，".join(cl) + "。" for cl in paras]
    text = "\n".join(line for p in paragraphs for line in wrap(p, width, indent=indent)) + "\n"
    out = paragraphs_out(text)
    assert "".join(out) == "".join(paragraphs)
    if indent:
        assert out == paragraphs


HEADS = ["临川港通关再提速", "绿道串起城乡新风景", "全民健身赛事火热开展", "新开工项目稳中有进"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADS),
                          st.lists(st.lists(st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=3),
                                            min_size=1, max_size=3), min_size=1, max_size=4)),
                min_size=1, max_size=3),
       st.integers(12, 30), st.sampled_from(["typeset", "naive", "indent"]), st.booleans())
# found by this test: too few lines to read a width from, and …缩短三成，临 / 川市今年新建城市绿道一百 /
# 二十公里。 had its middle line moved out as a box's item
@example([(HEADS[0], [[[CLAUSES[3], CLAUSES[0]]]])], 12, "typeset", False)
@example([(HEADS[0], [[[CLAUSES[3], CLAUSES[0]]]])], 19, "typeset", False)     # …缩 / 短三成，…一百二十 / 公里。
@example([(HEADS[0], [[[CLAUSES[2], CLAUSES[1]], [CLAUSES[3], CLAUSES[1]]]])] * 2, 12, "typeset", False)
#                       (a full line ending a sentence over the next story's headline)
@example([(HEADS[0], [[[CLAUSES[0]] * 2]]), (HEADS[0], [[[CLAUSES[0]] * 2]] * 3)], 12, "indent", False)   # (so, set in)
@example([(HEADS[0], [[[CLAUSES[1], CLAUSES[0]], [CLAUSES[0], CLAUSES[1]]]])], 21, "indent", False)
@example([(HEADS[0], [[[CLAUSES[0], CLAUSES[4]]]])], 14, "naive", False)     # …公里， / 全市…八十六个 / 。
@example([(HEADS[0], [[[CLAUSES[0]] * 2], [[CLAUSES[0], CLAUSES[1]], [CLAUSES[0]] * 2]])], 24, "typeset", False)
@example([(HEADS[0], [[[CLAUSES[0]] * 2], [[CLAUSES[1], CLAUSES[2]], [CLAUSES[0]] * 2]])], 24, "typeset", False)
@example([(HEADS[0], [[[CLAUSES[1]] * 2, [CLAUSES[1], CLAUSES[1], CLAUSES[0]]], [[CLAUSES[1]] * 2]])], 23, "typeset", False)
def test_wrapped_stories_keep_their_order_and_headlines(stories, width, style, blank_between):
    """Stories of a headline (never wrapped) and paragraphs of sentences of two or three clauses
    (the marks running text has), the first after a dateline, wrapped at one width (a page's way, a naive wrap by characters, or first lines set in),
    with or without a blank line between paragraphs: nothing lost, added or reordered, and no
    headline joined to the text."""
    lines: list[str] = []
    for head, paras in stories:
        lines.append(head)
        for k, sentences in enumerate(paras):
            p = "".join("，".join(s) + "。" for s in sentences)
            p = ("本报讯（记者 王明）" + p) if k == 0 else p
            if style == "naive":
                body = [p[m:m + width] for m in range(0, len(p), width)]
            else:
                body = wrap(p, width, indent="\u3000\u3000" if style == "indent" else "")
            lines += body + ([""] if blank_between else [])
    text = "\n".join(lines) + "\n"
    ed = keeps_order_and_headlines(text)
    assert "".join(ed.text().split()) == "".join("".join(lines).split())


def keeps_order_and_headlines(text: str):
    """The edition of `text`, checked: the blocks it keeps in the body (all but those moved out as
    inserts) in their order, and no headline of HEADS joined to other text."""
    raw = read_text(text)
    ed = build_edition(raw, dehyphenate=False)
    parts = [b for _, _, el in ed.elements() for b in el.parts]
    moved = {m for f in ed.fixes if f.accepted for m in f.moved}
    kept = [b for b in parts if b not in moved]
    assert kept == sorted(kept)
    for _, _, el in ed.elements():
        if len(el.parts) > 1:
            assert not any(raw[b].text in HEADS for b in el.parts), el.text
    return ed


def columns_text(stories: list[tuple[str, list[str], int, int]], indent: str = "", implicit: bool = False) -> str:
    """Stories read column after column, as an OCR or a viewer's copy of a page gives them: each
    story (headline, paragraphs, column width, column depth) set at its own width, its lines kept,
    a blank line after each column's piece."""
    lines: list[str] = []
    for head, paragraphs, width, depth in stories:
        lines += [head, ""]
        column = [line for p in paragraphs for line in wrap(p, width, indent=indent, implicit=implicit)]
        for k in range(0, len(column), depth):
            lines += column[k:k + depth] + [""]
    return "\n".join(lines) + "\n"


def test_stories_at_their_own_column_widths_come_back_whole():
    """The width is read story by story where it changes: every paragraph whole, with first
    lines set in with no mark of it (a page's text) or, at widths far enough apart, not at all.
    (The width read once for the whole file took one story's lines for short ones, paragraph
    ends and headlines: 0 to 4 paragraphs of 12 came back whole.)"""
    second = PARAGRAPHS[::-1]
    for narrow, wide, kw in ((11, 20, {}), (13, 18, {}), (12, 16, {"implicit": True}), (11, 20, {"implicit": True}),
                             (16, 12, {"implicit": True}), (13, 18, {"implicit": True})):
        text = columns_text([("临川绿道串起城乡新风景", PARAGRAPHS, narrow, 7), ("临川港通关再提速", second, wide, 8)], **kw)
        out = paragraphs_out(text)
        assert [p for p in PARAGRAPHS + second if p not in out] == [], (narrow, wide, kw)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADS),
                          st.lists(st.lists(st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=3),
                                            min_size=1, max_size=3), min_size=1, max_size=4),
                          st.integers(10, 22), st.integers(3, 12)),
                min_size=1, max_size=4),
       st.sampled_from(["", "\u3000\u3000"]))
def test_stories_read_column_after_column_keep_their_order_and_headlines(stories, indent):
    """Stories (a headline, the first paragraph after a dateline) each at its own column width and
    depth, read column after column: nothing lost or added, nothing reordered but the blocks moved
    out as inserts, and no headline joined to the text."""
    built = [(head, [("本报讯（记者 王明）" if k == 0 else "") + "".join("，".join(s) + "。" for s in sentences)
                     for k, sentences in enumerate(paras)], width, depth)
             for head, paras, width, depth in stories]
    text = columns_text(built, indent=indent)
    ed = keeps_order_and_headlines(text)
    assert sorted("".join(ed.text().split())) == sorted("".join(text.split()))   # (a piece may move as an insert)


def test_a_column_top_not_set_in_goes_on_where_first_lines_are_set_in():
    """In a text that sets its paragraphs' first lines in, a column's piece that starts flush
    after a blank line is the rest of the paragraph above, even where the column ended on a
    sentence's end; one set in starts a paragraph, and a headline stays apart."""
    text = ("临川绿道串起城乡新风景\n\n"
            "\u3000\u3000临川市今年新建城市绿道一百\n二十公里，串起沿江湿地、老城街\n巷和城郊田园。\n\n"
            "市园林局负责人介绍，绿道沿线还\n将增设驿站和直饮水点。\n"
            "\u3000\u3000记者从市交通运输局获悉，临\n川港集装箱码头二期工程已完成\n主体结构。\n\n"
            "\u3000\u3000全市建成社区健身中心八十六\n个，参与群众超过四十万人次。\n")
    assert paragraphs_out(text) == [
        "临川绿道串起城乡新风景",
        "临川市今年新建城市绿道一百二十公里，串起沿江湿地、老城街巷和城郊田园。市园林局负责人介绍，绿道沿线还将增设驿站和直饮水点。",
        "记者从市交通运输局获悉，临川港集装箱码头二期工程已完成主体结构。",
        "全市建成社区健身中心八十六个，参与群众超过四十万人次。"]
    fixes = plan_repairs(read_text(text))
    flush = [f for f in fixes if "not set in" in f.reason]
    assert len(flush) == 1 and flush[0].accepted and "未缩进" in flush[0].reason_zh


def test_a_full_column_top_goes_on_where_first_lines_are_two_short():
    """Read column after column, with the paragraphs' first lines two short and no mark of the
    indent (a page's text): a column whose first line is full goes on with the paragraph the
    column before ended, even on a sentence's end; one whose first line is two short starts one."""
    lines = [line for p in PARAGRAPHS for line in wrap(p, 17, implicit=True)]
    cut = lines.index(wrap(PARAGRAPHS[0], 17, implicit=True)[2])       # …走上绿道。 (a full line)
    assert lines[cut].endswith("。") and cut + 1 < len(wrap(PARAGRAPHS[0], 17, implicit=True))
    rest = lines[cut + 1:]
    pieces = [lines[:cut + 1], rest[:9], rest[9:]]
    text = "临川绿道串起城乡新风景\n\n" + "\n\n".join("\n".join(piece) for piece in pieces) + "\n"
    assert paragraphs_out(text) == ["临川绿道串起城乡新风景"] + PARAGRAPHS
    joins = [f for f in plan_repairs(read_text(text)) if "next column" in f.reason]
    assert joins and all(f.accepted and "下一栏" in f.reason_zh for f in joins)


def test_stories_at_their_own_widths_with_no_blank_line_at_all():
    """An OCR's text of a page has no blank line at all: the width is read again from each line
    that could head a story (after a sentence's end, no clause mark), and a headline wider than
    the story's columns is no line of them."""
    second = PARAGRAPHS[::-1]
    for narrow, wide in ((11, 20), (20, 11), (13, 18)):
        text = columns_text([("临川绿道串起城乡新风景", PARAGRAPHS, narrow, 7), ("临川港通关再提速", second, wide, 8)],
                            implicit=True)
        glued = "\n".join(line for line in text.splitlines() if line) + "\n"
        out = paragraphs_out(glued)
        assert [p for p in PARAGRAPHS + second if p not in out] == [], (narrow, wide)
        assert "临川港通关再提速" in out


def test_a_headline_as_wide_as_the_columns_stays_apart():
    """No blank line at all, both stories at one width, the second's headline as wide as a full
    line: under a sentence's end, with no clause mark, over a paragraph's first line (two short)
    that goes on, it is a headline, not a line of the story above."""
    head = "临川港集装箱通关再提速"                   # 11 characters, the columns' width
    lines = [line for p in PARAGRAPHS[:3] for line in wrap(p, 11, implicit=True)] + [head] + \
        [line for p in PARAGRAPHS[3:] for line in wrap(p, 11, implicit=True)]
    out = paragraphs_out("临川绿道串起城乡新风景\n" + "\n".join(lines) + "\n")
    assert head in out
    assert [p for p in PARAGRAPHS if p not in out] == []


def test_a_line_whose_marks_were_squeezed_to_fit_is_a_full_line():
    """A typeset column squeezes marks (，“”) to half an em to fit a line, so in the text such a
    line counts a unit or more over the column's width (过“临川发布”APP 留言，希望: 13.5 ems in a
    12-em column): it is a full line, not a headline no one wrapped, and goes on into the next."""
    squeezable = set("，。、；：“”‘’（）《》")

    def set_width(line: str) -> float:
        return sum(0.5 if ord(c) < 128 else 1.0 for c in line) - 0.5 * line.count(" ") \
            - 0.5 * sum(c in squeezable for c in line)

    paragraphs = [("今年以来，临川市新建便民菜场八十多个，让居民买菜更加方便。不少市民通过“临川发布”APP 留言，"
                   "希望在城南新区增设更多便民菜场。"),
                  "市商务局负责人表示，将把便民菜场建设列入年度民生实事，年底前再建二十个，覆盖全市所有街道。",
                  "家住城南新区的居民李梅说：“以前买菜要坐两站公交，现在走几分钟就到了，菜价也实惠。”",
                  "据介绍，新建菜场统一设置“平价专区”，蔬菜价格比周边超市低一成左右，每天早上七点开门。"]
    lines = []
    for p in paragraphs:          # 12 ems, the first line two short with no mark of it
        room, line = 10.0, ""
        for ch in p:
            if set_width(line + ch) > room and ch not in CLOSING:
                lines.append(line)
                line, room = "", 12.0
            line += ch
        lines.append(line)
    assert "过“临川发布”APP 留言，希望" in lines
    assert paragraphs_out("\n".join(lines)) == [WS.sub("", p) for p in paragraphs]
