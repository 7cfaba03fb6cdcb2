"""Structure recognition on our sample edition and on the seed page."""
from galley.app.model import Kind
from galley.app.pipeline import edition_from_text, load_edition
from tests.conftest import SAMPLE


def kinds(story):
    return [str(e.kind) for e in story.elements]


def test_sample_edition_structure():
    ed = load_edition(SAMPLE)
    first = ed.stories[0]
    assert kinds(first)[:8] == ["page", "banner", "banner", "section", "kicker", "headline", "deck", "byline"]
    assert first.headline == "我市一季度重点项目开工率达九成"
    assert first.page == "第1版" and first.section == "时政动态"
    subheads = [e.text for e in first.elements if e.kind == Kind.SUBHEAD]
    assert subheads == ["抓前期，项目储备更充足", "优服务，审批跑出加速度"]
    by_headline = {s.headline: s for s in ed.stories}
    port = by_headline["临川港集装箱吞吐量创同期新高"]
    assert [str(e.kind) for e in port.elements if e.kind.is_insert] == ["caption"]
    care = by_headline["我市全面推进养老服务体系建设"]
    assert kinds(care)[-4:] == ["sidebar", "sidebar", "sidebar", "credit"]
    column = by_headline["清风徐来 廉洁为本"]
    assert kinds(column)[:2] == ["headline", "author"]
    # the dateline stays inside the first paragraph
    assert by_headline["全市春季植树造林动员会召开"].elements[1].text.startswith("本报讯（记者 何雨晴）3月20日")


def test_every_block_lands_in_exactly_one_element():
    ed = load_edition(SAMPLE)
    parts = [p for _, _, e in ed.elements() for p in e.parts]
    assert sorted(parts) == list(range(len(ed.blocks)))


def test_seed_structure(seed_path):
    ed = load_edition(seed_path)
    heads = [s.headline for s in ed.stories]
    assert heads == ["强链补链蓄动能", "全市地方立法工作推进会召开", "我市推动乡村富民产业提速增质",
                     "加快培育高质量发展新动能", "我市构建残疾人多层次社会保障网", "目光投向群众 工作更有温度"]
    assert [s.section for s in ed.stories] == ["时政动态", "时政动态", "新闻速览", "新闻速览", "权威发布", "权威发布"]
    assert sum(1 for e in ed.stories[0].elements if e.kind == Kind.SUBHEAD) == 8
    assert [str(e.kind) for e in ed.stories[4].elements if e.kind.is_insert] == ["sidebar"] * 5 + ["credit"]


def test_traditional_script_is_detected():
    assert edition_from_text("臨川市召開會議,討論發展規劃與經濟建設。").script == "traditional"
    assert edition_from_text("临川市召开会议,讨论发展规划与经济建设。").script == "simplified"


def test_cli_structure_json(capsys):
    import json

    from galley.app.cli import main
    assert main(["structure", str(SAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = load_edition(SAMPLE).text()
    for st in data["stories"]:
        for el in st["elements"]:
            assert text[el["start"]:el["end"]] == el["text"]


def test_a_subhead_the_copy_marks_is_a_subhead():
    # edition16's wire copy marks its subheads, (小标题)总理职位花落谁家: they were typed as bylines
    # (set as one, and the PDF reader then ran the line into the paragraph above it)
    text = ("澜州港新开外贸航线\n\n本报讯 澜州港今天开通九条外贸航线，货物可直达东南亚各大港口。\n\n"
            "(小标题)航线如何布局\n\n新航线由三家船公司运营，每周往返两次。\n\n"
            "（小标题）企业怎样受益\n\n外贸企业的运输时间可缩短两天。\n")
    kinds = [(el.kind, el.text) for _, _, el in edition_from_text(text).elements()]
    assert (Kind.SUBHEAD, "(小标题)航线如何布局") in kinds
    assert (Kind.SUBHEAD, "（小标题）企业怎样受益") in kinds
    assert not [t for k, t in kinds if k == Kind.BYLINE]
