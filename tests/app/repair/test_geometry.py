"""Column geometry: a piece cut at a column end fills its last line at the column's width."""
from hypothesis import given, settings
from hypothesis import strategies as st

from galley.app.repair.geometry import PageGeometry, atoms, fill_widths, fills_line, line_ends

TEXT = ("河西区今年新建口袋公园十二处，全部向市民开放。园林局介绍，公园选址在老旧小区之间，"
        "步行五分钟可达，配有健身器材、儿童游乐设施和休息座椅。")


def lines(text: str, width: float, indent: float) -> list[str]:
    ends = line_ends(atoms(text), width, indent)
    return [text[s:e] for s, e in zip([0] + ends[:-1], ends)]


def test_lines_are_greedy_and_indented():
    assert lines("一二三四五六七八", 5, 2) == ["一二三", "四五六七八"]


def test_a_closing_mark_hangs_and_an_opening_mark_moves_down():
    assert lines("一二三，四五", 3, 0) == ["一二三，", "四五"]
    assert lines("一二“三四”五", 3, 0) == ["一二", "“三四”", "五"]


def test_figures_and_latin_are_half_width_and_unbroken():
    assert lines("共计2026人参加", 4, 0) == ["共计2026", "人参加"]


def test_a_paragraph_end_inside_its_last_line_does_not_fill():
    assert not fills_line("今天是晴天。", 12, 2)
    assert fills_line("今天是个晴天。", 9, 2)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=8, max_value=30), st.integers(min_value=1, max_value=6), st.sampled_from([0, 2]))
def test_a_piece_cut_at_any_line_end_fills_its_line(width, k, indent):
    text = TEXT * 2
    ends = line_ends(atoms(text), width, indent)
    if k >= len(ends):
        return
    cut = ends[k - 1]
    head, tail = text[:cut], text[cut:]
    assert fills_line(head, width, indent, tail)
    assert width in fill_widths(head, [width], indent)


def test_the_page_gives_its_column_width():
    width = 13
    pieces = []
    for start in range(0, 60, 7):       # several paragraphs, each cut after its second line
        para = TEXT[start:] + TEXT[:start]
        ends = line_ends(atoms(para), width, 2)
        pieces += [para[: ends[1]], para[ends[1]:]]
    geo = PageGeometry(pieces, [0.9 if k % 2 == 0 else 0.03 for k in range(len(pieces))])
    dist = geo.widths(4)
    assert max(dist, key=dist.get) == width
    fill, sure = geo.fill(4, pieces[4], pieces[5], 2)
    assert fill > 0.8 and sure > 0.5
    # the same paragraph's end, where nothing was cut: not at a line end
    fill, _ = geo.fill(5, pieces[5] + "。", "另起一段", 0)
    assert fill < 0.2


def cut_pieces(width: int) -> list[str]:
    pieces = []
    for start in range(0, 60, 7):       # several paragraphs, each cut after its second line
        para = TEXT[start:] + TEXT[:start]
        ends = line_ends(atoms(para), width, 2)
        pieces += [para[: ends[1]], para[ends[1]:]]
    return pieces


def test_each_story_is_read_at_its_own_column_width():
    # two stories on one page, set at 13 and at 11 ems: a block of the second takes its width
    # from the second story's cuts only, where the page says where that story starts
    first, second = cut_pieces(13), cut_pieces(11)[:4]
    pieces = first + second
    odds = [0.9 if k % 2 == 0 else 0.03 for k in range(len(pieces))]
    stories = [0] * len(first) + [1] * len(second)
    at = len(first) + 2
    apart = PageGeometry(pieces, odds, stories=stories).widths(at)
    assert max(apart, key=apart.get) == 11
    pooled = PageGeometry(pieces, odds).widths(at)
    assert max(pooled, key=pooled.get) != 11          # the first story's many cuts outvote it
