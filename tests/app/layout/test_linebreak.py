"""Chinese line breaking: 避头尾, unbreakable runs, compression, justification, Han–Latin spacing."""
from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from galley.app.layout import fonts
from galley.app.layout.linebreak import break_paragraph, line_texts, rules
from tests.app.layout.sample import P

SIZE = 9.0
MEASURE = 13 * SIZE


def _check_kinsoku(par):
    r = rules()
    texts = [t.strip() for t in line_texts(par)]
    for i, t in enumerate(texts):
        assert t, "empty line"
        if i > 0:
            assert t[0] not in r.no_start, f"line {i} starts with {t[0]!r}: {texts}"
        if i < len(texts) - 1:
            assert t[-1] not in r.no_end, f"line {i} ends with {t[-1]!r}: {texts}"


def _joined(par):
    return "".join(line_texts(par)).replace(" ", "")


@pytest.mark.parametrize("text", P)
def test_sample_paragraphs_keep_every_character_and_kinsoku(text):
    par = break_paragraph(text, "song", SIZE, MEASURE, 2 * SIZE, "justify")
    assert _joined(par) == text.replace(" ", "")
    _check_kinsoku(par)
    for ln in par.lines:
        assert len(ln.xs) == ln.end - ln.start
        assert list(ln.xs) == sorted(ln.xs), "glyphs go left to right"


def test_comma_after_a_full_line_pushes_its_character_down():
    # 13 Han characters fill the line and nothing can be squeezed: 推出 — 三 goes down with its comma
    text = "一二三四五六七八九十一二三，四五六七。"
    par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
    texts = line_texts(par)
    assert texts[0] == "一二三四五六七八九十一二"
    assert texts[1].startswith("三，")
    _check_kinsoku(par)


def test_squeezing_comes_before_pushing():
    # 13 characters fit; the 14th is a comma, which may not start a line: the commas are squeezed
    # (先挤进) so that it stays, rather than pushing 十 down (推出)
    text = "一二，三四，五六，七八九十，一二三"
    par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
    texts = line_texts(par)
    assert texts[0] == "一二，三四，五六，七八九十，"
    ln = par.lines[0]
    assert ln.xs[-1] + SIZE / 2 <= MEASURE + 0.01
    _check_kinsoku(par)


def test_a_line_that_fits_is_not_squeezed_to_take_one_more_character():
    # 护理、康复训练等服务，目前 is 13 em: 已 may start the next line, so nothing is squeezed and every
    # Han character stays on the 1-em grid
    text = "护理、康复训练等服务，目前已惠及三千余户家庭。"
    par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
    assert line_texts(par)[0] == "护理、康复训练等服务，目前"
    assert [round(x / SIZE, 3) for x in par.lines[0].xs] == list(range(13))


def test_opening_quote_never_ends_a_line():
    text = "一二三四五六七八九十一二“三四”五六七。"
    par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
    assert not line_texts(par)[0].endswith("“")
    _check_kinsoku(par)


@pytest.mark.parametrize("run", ["——", "……"])
def test_dash_and_ellipsis_pairs_are_never_split(run):
    for k in range(8, 16):
        text = "青" * k + run + "川市" * 6
        par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
        for t in line_texts(par):
            assert not t.endswith(run[0]) or t.endswith(run), (k, line_texts(par))


def test_latin_words_and_numbers_are_never_split():
    for k in range(5, 14):
        text = "青" * k + "GENOSCOPE" + "川" * 5 + "2026年" + "市" * k + "46.8%"
        par = break_paragraph(text, "song", SIZE, MEASURE, 0.0, "justify")
        joined = "|".join(line_texts(par))
        for word in ("GENOSCOPE", "2026", "46.8%"):
            assert word in joined.replace("|", "") and word in joined, (k, joined)


def test_justified_lines_fill_the_measure_exactly():
    par = break_paragraph(P[1], "song", SIZE, MEASURE, 2 * SIZE, "justify")
    for ln in par.lines[:-1]:
        right = ln.xs[-1] + SIZE          # last glyph is a full-width Han char or punctuation
        last = P[1][ln.end - 1]
        if last not in "，。、：；”’）》":
            assert right == pytest.approx(MEASURE, abs=0.05)
        else:
            assert MEASURE - SIZE / 2 - 0.05 <= right - (SIZE if last else 0) + SIZE <= MEASURE + SIZE


def test_first_line_indent_is_two_characters():
    par = break_paragraph(P[0], "song", SIZE, MEASURE, 2 * SIZE, "justify")
    assert par.lines[0].xs[0] == pytest.approx(2 * SIZE)
    assert par.lines[1].xs[0] == pytest.approx(0.0)


def test_quarter_em_between_han_and_latin_letters():
    par = break_paragraph("共有GDP指标", "song", SIZE, 20 * SIZE, 0.0, "left")
    xs = par.lines[0].xs
    assert xs[2] - xs[1] == pytest.approx(SIZE + SIZE / 4)     # 有 then ¼ em before G
    # no extra space where the text has its own
    par2 = break_paragraph("共 GDP 个", "song", SIZE, 20 * SIZE, 0.0, "left")
    assert par2.lines[0].xs[2] - par2.lines[0].xs[0] < SIZE + SIZE / 4 + SIZE / 2


def test_figures_and_half_width_marks_are_set_solid():
    latin = fonts.metrics("latin")
    xs = break_paragraph("3月13日", "song", SIZE, 20 * SIZE, 0.0, "left").lines[0].xs
    assert xs[1] - xs[0] == pytest.approx(latin.advance("3") / 1000 * SIZE)
    assert xs[2] - xs[1] == pytest.approx(SIZE)
    assert xs[4] - xs[3] == pytest.approx(latin.advance("3") / 1000 * SIZE)
    xs = break_paragraph("聊城(北京)", "song", SIZE, 20 * SIZE, 0.0, "left").lines[0].xs
    assert xs[2] - xs[1] == pytest.approx(SIZE)                          # 城 then ( with no gap
    assert xs[3] - xs[2] == pytest.approx(latin.advance("(") / 1000 * SIZE)   # ( then 北 with no gap


@pytest.mark.parametrize("role", ["song", "hei", "kai"])
def test_every_face_sets_gb_punctuation_and_full_width_quotes(role):
    # 。，、 in the left half of their em; “ ” a full em each, “ inked in the right half, ” in the left
    text = "甲，乙。丙、丁“戊”己"
    line = break_paragraph(text, role, SIZE, 30 * SIZE, 0.0, "left").lines[0]
    xs = line.xs
    face = {k: r for r, a, b in line.runs for k in range(a, b)}       # a proportional quote comes
    for i in range(len(text) - 1):                                    # from a face with a full-width one
        ch = text[i]
        if ch in "，。、“”":
            assert xs[i + 1] - xs[i - 1] == pytest.approx(2 * SIZE), (role, ch)    # a full em
            assert fonts.metrics(face[i]).advance(ch) >= 900 or ch not in "“”", (role, ch)  # its box too
            slot = xs[i - 1] + SIZE
            a, b = fonts.ink_box(face[i], ch)
            centre = (xs[i] + (a + b) / 2 * SIZE - slot) / SIZE
            if ch == "“":
                assert 0.5 < centre < 1.0, (role, ch, centre)
            else:
                assert 0.0 < centre < 0.5, (role, ch, centre)


def test_no_single_character_on_a_paragraphs_last_line():
    for k in range(1, 14):        # 11 characters after the indent, then 13 a line: one would be left over
        text = "青" * (11 + 13 * (k % 3)) + "川日报社区"[:1 + k % 2] + "。"
        par = break_paragraph(text, "song", SIZE, MEASURE, 2 * SIZE, "justify")
        last = line_texts(par)[-1].strip("。")
        assert len(par.lines) == 1 or len(last) >= 2, line_texts(par)
        _check_kinsoku(par)
        assert _joined(par) == text


def test_kaiming_style_sets_commas_half_width_everywhere(monkeypatch):
    from dataclasses import replace

    from galley.app.layout import linebreak
    base = rules()
    text = "甲，乙：丙。丁"
    full = break_paragraph.__wrapped__(text, "song", SIZE, 30 * SIZE, 0.0, "left").lines[0].xs
    monkeypatch.setattr(linebreak, "rules", lambda: replace(base, style="kaiming"))
    half = break_paragraph.__wrapped__(text, "song", SIZE, 30 * SIZE, 0.0, "left").lines[0].xs
    assert full[2] - full[0] == pytest.approx(2 * SIZE)
    assert half[2] - half[0] == pytest.approx(1.5 * SIZE)     # ， half width
    assert half[4] - half[2] == pytest.approx(1.5 * SIZE)     # ： half width
    assert half[6] - half[4] == pytest.approx(2 * SIZE)       # 。 keeps its em


def test_adjacent_punctuation_is_compressed():
    par = break_paragraph("他说：“好。”然后", "song", SIZE, 30 * SIZE, 0.0, "left")
    xs = par.lines[0].xs
    # ： followed by “ : one of the two gives up half an em
    assert xs[3] - xs[2] + (xs[4] - xs[3]) < 2 * SIZE - SIZE / 2 + 0.01


def test_center_alignment_centres_the_line():
    par = break_paragraph("青川日报", "hei", 20.0, 200.0, 0.0, "center")
    assert par.lines[0].xs[0] == pytest.approx((200 - 80) / 2)


def test_deterministic():
    a = break_paragraph.__wrapped__(P[2], "song", SIZE, MEASURE, 18.0, "justify")
    b = break_paragraph.__wrapped__(P[2], "song", SIZE, MEASURE, 18.0, "justify")
    assert a == b


ALPHABET = list("青川市港口图书馆新城区的了在是和有") + list("，。、：；！？”’」』）〕】〗］｝》〉") + \
    list("“‘「『（〔【〖［｛《〈") + ["——", "……", "ABC", "2026", "3.5", " "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=120),
       st.integers(min_value=4, max_value=20), st.sampled_from(["justify", "left", "center"]))
def test_property_kinsoku_and_no_lost_characters(tokens, chars, align):
    text = "".join(tokens).strip()
    if not text:
        return
    par = break_paragraph.__wrapped__(text, "song", SIZE, chars * SIZE, 0.0, align)
    assert _joined(par) == text.replace(" ", "")
    r = rules()
    texts = [t.strip() for t in line_texts(par)]
    for i, t in enumerate(texts):
        # a line may only start with a prohibited character when the previous line is nothing but
        # unbreakable material (e.g. a run of closing punctuation longer than the measure)
        if i > 0 and t and t[0] in r.no_start:
            prev = texts[i - 1]
            assert all(c in r.no_start or c in r.no_end for c in prev) or len(prev) >= chars, texts
    raw = line_texts(par)
    for a, b in pairwise(raw):
        # —— and …… never split, nor Latin words / numbers — unless the unbreakable run itself is
        # wider than the measure and has to be cut somewhere
        for c in "—…":
            if a.endswith(c) and b.startswith(c):
                k = len(re.search(c + "+$", a).group(0))
                whole = k + len(re.search("^" + c + "+", b).group(0))
                assert k % 2 == 0 or whole + 1 > chars, raw
        if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
            word = re.search(r"[!-~]*$", a).group(0) + re.search(r"^[!-~]*", b).group(0)
            latin = fonts.metrics("latin")
            assert sum(latin.advance(c) for c in word) / 1000 > chars - 1, raw   # wider than the measure
