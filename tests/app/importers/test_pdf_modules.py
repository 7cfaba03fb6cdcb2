"""PDF import of irregular modules on FIT-style pages (tests/fixtures/pdf_corpus/fit_*, written
glyph by glyph by tools/make_pdf_corpus.py --fit-only; our own invented news of 澜州).

A lead's head block (kicker, headline, deck, byline, centred) spans three of its four columns;
its other column runs from the module's top beside the head, on the left (fit_headright: the
story opens in it, then runs on under the head) or on the right (fit_headleft: the story ends
in it). Under a rule across the page the 版眉's fields line up with the gutters; a photo and its
caption close the lead above the next band's headline. In the lower band a narrow story with a
竖题 at its right stands beside a commentary one column two wide, a column rule between them. Each page must read with both readers
with every sentence whole and in order, no block mixing two stories, the lead's byline in its
head block and not in a column, and its kicker, headline and deck before its first paragraph.
"""
from __future__ import annotations

import json

import pytest

from galley.app.importers.pdf import read_pdf
from tests.app.importers.pdf_score import CORPUS, nows, score


@pytest.mark.parametrize("name", ["fit_headright", "fit_headleft"])
def test_a_head_over_some_columns_reads_with_its_story(reader, name):
    pdf = CORPUS / f"{name}.pdf"
    sc = score(pdf)
    assert (sc.lost, sc.added) == (0, 0)
    assert sc.in_order == sc.sentences, sc.wrong
    assert sc.mixed == []
    # the narrow story's 竖题 opens it, not the commentary beside it
    assert sc.typed["headline"][0] == sc.typed["headline"][1], sc.wrong
    lead = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))["pages"][0]["stories"][0]
    texts = [nows(b.text) for b in read_pdf(pdf)]
    heads = [texts.index(nows(e["text"])) for e in lead if e["kind"] in ("kicker", "headline", "deck", "byline")]
    first = next(k for k, t in enumerate(texts) if t.startswith(nows(lead[4]["text"])[:20]))
    assert heads == sorted(heads) and heads[-1] < first, (heads, first)


@pytest.mark.parametrize("name", ["fit_headright", "fit_headleft"])
def test_the_guide_box_is_one_story_of_titles_and_summaries(reader, name):
    """The 导读 box (a label over titles, each with a summary ending in its page, （第6版）) is
    one story: the label its headline, the titles subheads, the summaries its body; each title
    had opened a story of its own, the first read as the label's deck."""
    from galley.app.model.edition import Kind
    from galley.app.pipeline import build_edition
    pdf = CORPUS / f"{name}.pdf"
    guide = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))["pages"][0]["stories"][1]
    assert nows(guide[0]["text"]) == "导读"
    stories = [st for st in build_edition(read_pdf(pdf)).stories
               if any(nows(e.text) == nows(guide[1]["text"]) for e in st.elements)]
    assert len(stories) == 1
    got = [(e.kind, nows(e.text)) for e in stories[0].elements]
    want = [(Kind.HEADLINE, "导读")] + [(Kind.SUBHEAD if e["kind"] == "subhead" else Kind.BODY, nows(e["text"]))
                                      for e in guide[1:]]
    assert got == want
