"""The page programme's kept work (place.py): the stack rows a planner keeps for a page group
(`_stack_row`, by region depth and the pieces a stack starts with) give every programme the
choice a planner with nothing kept makes, and a plan made with them equals one made without."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from galley.app.layout import load_layout, place
from galley.app.model import Edition, Element, Kind, Story
from galley.app.pipeline import load_edition
from tests.app.layout.sample import long_edition, sample_edition

EDITION1 = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "bench" / "edition1.txt"

PARA = ("本报讯（记者 林晓舟）青川市召开城市更新工作推进会，明确今年将完成老旧小区改造126个，"
        "新建口袋公园40处，改造雨污管网85公里，让群众在家门口感受到城市品质的提升。会议指出，"
        "城市更新不是简单的“拆旧建新”，而是要在留住城市记忆的同时补齐民生短板。")


def _outcome(got):
    """A programme's result with its pieces by identity (they are the same objects either way)."""
    if got is None:
        return None
    cost, stacks, placed, cut = got
    return (cost, [([id(p) for p in ps], cells, id(c) if c is not None else None) for ps, cells, c in stacks],
            [id(p) for p in placed], (id(cut[0]), cut[1]) if cut is not None else None)


def _every_programme_as_if_fresh(monkeypatch, edition: Edition, grid) -> int:
    """Plan `edition`, checking each programme against a planner that has kept nothing; returns
    how many programmes were checked."""
    fill = place._Planner._fill
    checked = []

    def checked_fill(self, pieces, regions, must_all):
        got = fill(self, pieces, regions, must_all)
        fresh = place._Planner(self.grid)
        fresh.foot, fresh.skip = self.foot, self.skip
        assert _outcome(fill(fresh, pieces, regions, must_all)) == _outcome(got)
        checked.append(1)
        return got

    monkeypatch.setattr(place._Planner, "_fill", checked_fill)
    place.auto_plan(edition, grid)
    return len(checked)


@pytest.mark.parametrize("name", ["broadsheet", "tabloid", "a3"])
def test_kept_stack_rows_give_the_choice_a_fresh_programme_makes(monkeypatch, name):
    assert _every_programme_as_if_fresh(monkeypatch, long_edition(6), load_layout(name)) > 10


@pytest.mark.parametrize("name", ["broadsheet", "a3"])
def test_kept_stack_rows_on_a_real_edition(monkeypatch, name):
    if not EDITION1.exists():
        pytest.skip("shared bench edition absent")
    assert _every_programme_as_if_fresh(monkeypatch, load_edition(EDITION1), load_layout(name)) > 10


def _edition(sizes: list[tuple[int, int]]) -> Edition:
    """Stories of `paragraphs` paragraphs each `chars` long, in two page groups."""
    stories = []
    for k, (paragraphs, chars) in enumerate(sizes):
        els = [Element(Kind.PAGE, f"第{1 + 2 * k // len(sizes)}版")] if k in (0, len(sizes) // 2) else []
        els.append(Element(Kind.HEADLINE, f"青川新闻第{k}条" + "城市更新" * (k % 3)))
        els += [Element(Kind.BODY, (PARA * 4)[q:q + chars]) for q in range(paragraphs)]
        stories.append(Story(f"s{k}", els, page=f"第{1 + 2 * k // len(sizes)}版"))
    return Edition(blocks=[], stories=stories)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.tuples(st.integers(1, 5), st.integers(20, 160)), min_size=3, max_size=10),
       name=st.sampled_from(["broadsheet", "tabloid", "a3"]))
def test_kept_stack_rows_on_random_editions(monkeypatch, sizes, name):
    _every_programme_as_if_fresh(monkeypatch, _edition(sizes), load_layout(name))


def test_a_plan_is_the_same_whichever_page_group_the_planner_set_before():
    """What a planner keeps is forgotten at each group (`reset`): a group set after others is
    placed as it is on its own."""
    grid = load_layout("broadsheet")
    groups = place._groups(sample_edition(), grid) + place._groups(long_edition(2), grid)
    planner = place._Planner(grid)
    for _, pieces in groups:
        kept = place._balanced_group(planner, pieces, grid, 1)
        alone = place._balanced_group(place._Planner(grid), pieces, grid, 1)
        assert [[vars(m) for m in mods] for mods in kept] == [[vars(m) for m in mods] for mods in alone]
