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


def test_edge_words_are_classed_for_the_model():
    from galley.app.repair.model import edge_classes
    assert edge_classes("全市工业增加值为") == ("n", "p")        # a line stopping on 为 needs its sequel
    assert edge_classes("说,为了实现目标。") == ("v", "")          # (ends on no Han character)
    assert edge_classes("2026年全市新建公园") == ("", "n")


def test_the_running_text_past_a_credit_is_read_against_the_cut():
    from galley.app.repair.model import run_on_features
    cut = "这名三十八岁的演员在访问中"
    on = run_on_features(cut, "表示,如果没有在成名之前痛下决心改掉不好的习惯,他可能得不到提名。", 1)
    off = run_on_features(cut, "两位游客在城门前合影留念。", 1)
    assert on["r_passed"] == off["r_passed"] == 1 / 3
    assert on["r_head_v"] == 1.0 and on["r_seam_lm"] > off["r_seam_lm"]
