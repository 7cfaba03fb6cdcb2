"""Evidence at a seam: a word across it, and how well a character model reads on across it."""
from galley.app.repair.model import relative
from galley.app.repair.seam import seam_lm, seam_word


def test_the_text_reads_on_across_a_column_cut():
    cut = "临川古城建城已有两千多年"
    assert seam_lm(cut, "历史,城墙保存完好。") > seam_lm(cut, "两位游客在城门前合影。") + 2
    assert seam_lm("全市今年新建口袋公园的困", "扰已经基本解决。") > seam_lm("全市今年新建口袋公园的困", "市民可以就近休闲。")


def test_no_model_evidence_where_the_seam_is_not_between_two_han_characters():
    assert seam_lm("临川港今年吞吐量创新高,", "同比增长一成。") == 0.0
    assert seam_lm("临川港", "2026年") == 0.0


def test_a_word_spanning_the_seam_is_found():
    assert seam_word("全市今年新建口袋公园的困", "扰已经基本解决。")[0] == "困扰"


def test_candidates_are_compared_with_their_best_rival():
    xs = relative([{"seam_lm": 0.5}, {"seam_lm": -0.2}, {}])
    assert [round(x["seam_lm_rel"], 6) for x in xs] == [0.5, -0.7, -0.5]
