"""chars.unreadable: U+FFFD (a PDF font with no Unicode mapping, undecodable bytes) is an error
finding with no fix, one per run, offsets on the run."""
from __future__ import annotations

from galley.app.proof import check_paragraph


def test_a_run_of_replacement_characters_is_one_error_without_a_fix():
    text = "临川市\ufffd\ufffd新闻发布会今天举行，\ufffd市长出席。"
    hits = [f for f in check_paragraph(text) if f.rule == "chars.unreadable"]
    assert [(f.start, f.end, f.severity, f.fix) for f in hits] == [(3, 5, "error", None), (15, 16, "error", None)]
    assert hits[0].message_zh.startswith("2 个字符无法识别")


def test_clean_text_has_no_unreadable_finding():
    assert not [f for f in check_paragraph("临川市新闻发布会今天举行。") if f.rule == "chars.unreadable"]


def test_a_private_use_character_is_a_warning_without_a_fix():
    # a font's own 造字 (U+E000 …): no other font, nor Galley's pages, shows it
    text = "临川市民张\ue1a3华说，湿地公园的候鸟越来越多了。"
    hits = [f for f in check_paragraph(text) if f.rule == "chars.unreadable"]
    assert [(f.start, f.end, f.severity, f.fix) for f in hits] == [(5, 6, "warning", None)]
    assert "私用区" in hits[0].message_zh
