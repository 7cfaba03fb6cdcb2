"""Paired marks: balance, quotations over several paragraphs, nested book titles."""
from __future__ import annotations

from tests.app.proof.conftest import hits


def test_unbalanced_marks_are_caught():
    assert [f.text for f in hits("他说：“我们走吧。", "punct.pairs")] == ["“"]
    assert [f.text for f in hits("我们走吧。”他说。", "punct.pairs")] == ["”"]
    assert [f.text for f in hits("他读过《青川志。", "punct.pairs")] == ["《"]
    assert [f.text for f in hits("青川市（原青川县位于江南。", "punct.pairs")] == ["（"]
    assert [f.text for f in hits("【快讯青川今天降雪", "punct.pairs")] == ["【"]


def test_balanced_marks_are_left_alone():
    for text in ("他说：“我们走吧。”", "《青川志》（第二版）【快讯】", "他说：“她说‘走吧’。”",
                 "It’s Xinhua’s report.", "《论〈青川志〉的体例》"):
        assert hits(text, "punct.pairs") == [], text


def test_quotation_over_several_paragraphs():
    first = "他说：“第一，我们要加快建设。"
    middle = "“第二，我们要保护环境。"
    last = "“第三，我们要改善民生。”"
    assert hits(first, "punct.pairs", next_text=middle) == []
    assert hits(middle, "punct.pairs", prev_text=first, next_text=last) == []
    assert hits(last, "punct.pairs", prev_text=middle) == []
    # the last paragraph must close it
    assert len(hits(middle, "punct.pairs", prev_text=first, next_text="市民表示赞同。")) == 1


def test_quotation_closed_in_a_paragraph_that_does_not_reopen_it():
    first = "他说：“第一，我们要加快建设。"
    second = "第二，我们要保护环境。”"
    assert hits(first, "punct.pairs", next_text=second) == []
    assert hits(second, "punct.pairs", prev_text=first) == []
    warn = hits(first, "punct.quote-paragraph", next_text=second)
    assert len(warn) == 1 and warn[0].severity == "warning"


def test_nested_book_titles():
    found = hits("他写了《读《青川志》札记》一文。", "punct.nesting")
    assert [(f.text, f.fix) for f in found] == [("《", "〈"), ("》", "〉")]
    assert hits("他写了《读〈青川志〉札记》一文。", "punct.nesting") == []
    assert hits("《青川志》和《江城记》", "punct.nesting") == []


def test_nested_quotes_warning():
    found = hits("他说：“市长说“要加快”，我们照办。”", "punct.quote-nesting")
    assert len(found) == 1 and found[0].fix == "‘"
    assert hits("他说：“市长说‘要加快’，我们照办。”", "punct.quote-nesting") == []
