"""Imposing a plan: where a story's last module puts the white its text does not fill."""
from __future__ import annotations

from dataclasses import replace

from galley.app.layout import layout_edition, load_layout
from galley.app.layout.paged import Box, TextLine
from galley.app.layout.plan import Placement, Plan
from galley.app.model import Edition, Element, Kind, Story
from tests.app.layout.sample import SIDEBAR, P, sample_edition

HEAD_STYLES = ("headline", "kicker", "deck")


def _one_story(story: Story, grid, placement: Placement):
    plan = Plan(layout=grid.name, pages=1, modules=[placement])
    return layout_edition(Edition(blocks=[], stories=[story]), grid, plan)


def _lines(doc, story: str, styles) -> list[TextLine]:
    return [ln for ln in doc.pages[0].lines() if ln.story == story and ln.style in styles]


def _last_line(doc, grid, story: str) -> int:
    """The grid line (0-based from the type area top) of the story's lowest body line."""
    y = max(ln.y for ln in _lines(doc, story, ("body",)))
    return max(k for k in range(grid.lines) if grid.line_y(k) <= y)


def test_a_module_deeper_than_its_text_gives_the_white_to_its_headline_block():
    g = load_layout("broadsheet")
    story = Story("t", [Element(Kind.HEADLINE, "植保无人机飞进高标准农田"),
                        Element(Kind.BODY, P[7]), Element(Kind.BODY, P[8])])
    deep = Placement("t", 1, 0, 2, 0, 30)
    doc = _one_story(story, g, deep)
    plain = _one_story(story, replace(g, head_fill=0), deep)
    assert g.head_fill >= 2 and not doc.overset
    # the text moves down by the lines given to the head, the headline by half of them (it stays
    # centred in its block): the white at the module's foot is that much less
    assert _last_line(doc, g, "t") == _last_line(plain, g, "t") + g.head_fill
    [head], [head0] = _lines(doc, "t", HEAD_STYLES), _lines(plain, "t", HEAD_STYLES)
    assert abs(head.y - head0.y - g.head_fill * g.leading / 2) < 0.01
    # a module its text fills keeps its head as composed
    fitted = Placement("t", 1, 0, 2, 0, _last_line(plain, g, "t") + 1)
    assert _lines(_one_story(story, g, fitted), "t", HEAD_STYLES)[0].y == head0.y
    # and a module too small for its text gives every line to the text
    small = _one_story(story, g, Placement("t", 1, 0, 2, 0, 6))
    assert small.overset and _lines(small, "t", HEAD_STYLES)[0].y == head0.y


def test_a_story_ends_under_its_fact_box_when_the_box_column_would_stand_half_empty():
    # the seed page had 17 (broadsheet) and 26 (A3) empty lines under a fact box set at the top of
    # a column of its own, the story's text ending higher in the columns beside it
    g = load_layout("broadsheet")
    story = next(s for s in sample_edition().stories if s.id == "s1")
    story = Story("s1", [e for e in story.elements if e.kind != Kind.PAGE]
                  + [Element(Kind.BODY, P[9]), Element(Kind.BODY, P[10])])
    doc = _one_story(story, g, Placement("s1", 1, 0, 3, 0, 40, sidebar_columns=1))
    assert not doc.overset
    box_x = g.column_x(2)
    [frame] = [b for b in doc.pages[0].items if isinstance(b, Box) and b.role == "frame" and abs(b.x - box_x) < 1]
    side = [ln for ln in _lines(doc, "s1", ("sidebar",))]
    assert len(side) >= len(SIDEBAR)
    under = [ln for ln in _lines(doc, "s1", ("body",)) if abs(ln.x - box_x) < 1]
    assert len(under) >= 2 and min(ln.y for ln in under) > frame.y + frame.h + g.body_size * 0.5
    # the text columns end together: every column's last line within two lines of the deepest
    feet = [max(ln.y for ln in _lines(doc, "s1", ("body",)) if abs(ln.x - g.column_x(c)) < 1) for c in range(3)]
    assert max(feet) - min(feet) <= 2 * g.leading
    # the story's text reads in order: the lines under the box come last
    body = _lines(doc, "s1", ("body",))
    order = sorted(body, key=lambda ln: (round(ln.x), ln.y))
    assert [(ln.element, ln.start) for ln in order] == sorted((ln.element, ln.start) for ln in body)


def test_a_story_s_last_columns_end_together_where_subheads_would_leave_a_hole():
    # greedy threading at the balanced depth ends a column early where a subhead and its first
    # line do not fit at its foot, and leaves the last column what remains: the seed's lead had 4
    # and 8 empty lines in two of its eight columns
    from galley.app.layout.compose import compose_flow, needed_height, thread
    from galley.app.layout.impose import _even_end
    g = load_layout("broadsheet")
    heads = ["群众关心什么就改什么", "审批时间压缩到45天", "港口效率提高三成", "高标准农田新建5.5万亩"]
    elements = []
    for k, text in enumerate(P[:8]):
        if k % 2 == 0:
            elements.append(Element(Kind.SUBHEAD, heads[k // 2]))
        elements.append(Element(Kind.BODY, text))
    slots = compose_flow(list(enumerate(elements)), g, g.column_width)

    def spread(cols):
        used = [sum(s.h for s in c) for c in cols]
        return max(used) - min(used)

    improved = 0
    for columns in range(2, 7):
        depth = needed_height(slots, columns, 200)
        cols, pos = thread(slots, columns, depth)
        assert pos == len(slots)
        even, epos = _even_end(slots, cols, pos, columns, depth, 0)
        # the same text in the same order (a blank above a subhead is dropped at a column top)
        assert epos == pos
        assert [s for c in even for s in c if s.kind != "space"] == [s for c in cols for s in c if s.kind != "space"]
        assert all(sum(s.h for s in c) <= depth for c in even)
        assert spread(even) <= spread(cols)
        improved += spread(cols) >= 3 > spread(even)
    assert improved


def test_a_light_headline_face_set_heavier_takes_its_figures_with_it():
    # 标宋 from 报宋 with an outline stroke: the figures and Latin letters of the headline, set in the
    # Latin face, get the same stroke (12.6% as heavy as the Han around it); the 黑体, heavy already, none
    g = load_layout("broadsheet")
    assert g.styles["headline"].bold > 0 and g.styles["headline"].role == "song"
    story = Story("t", [Element(Kind.HEADLINE, "一季度外贸增长12.6%"), Element(Kind.BODY, P[7])])
    doc = _one_story(story, g, Placement("t", 1, 0, 3, 0, 30))
    [head] = _lines(doc, "t", ("headline",))
    by_role = {r.role: r.stroke for r in head.runs}
    assert by_role["song"] > 0 and by_role["latin"] == by_role["song"]
    assert "".join(r.text for r in head.runs if r.role == "latin") == "12.6%"
