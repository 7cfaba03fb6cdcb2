"""Page grid templates in layouts/*.toml and `galley layouts`."""
from __future__ import annotations

import pytest

from galley.app.cli import main
from galley.app.errors import GalleyError
from galley.app.layout import list_layouts, load_layout
from galley.app.layout.grid import MM, STYLE_NAMES


def test_the_three_grids_and_the_default():
    grids = {g.name: g for g in list_layouts()}
    assert {"broadsheet", "tabloid", "a3"} <= set(grids)
    assert load_layout(None).name == "broadsheet"
    b, t, a = grids["broadsheet"], grids["tabloid"], grids["a3"]
    assert b.columns == 8 and 5 <= t.columns <= 6 and a.columns == 5
    assert abs(b.width / MM - 390) < 5 and abs(b.height / MM - 540) < 5
    assert abs(b.type_width / MM - 350) < 5 and abs(b.type_height / MM - 490) < 10
    assert abs(t.width / MM - 273) < 5 and abs(t.height / MM - 390) < 5
    assert abs(a.width / MM - 297) < 1 and abs(a.height / MM - 420) < 1


@pytest.mark.parametrize("grid", list_layouts(), ids=lambda g: g.name)
def test_grid_is_a_character_grid_inside_the_page(grid):
    assert grid.body_size == 9
    assert grid.column_width == grid.column_chars * grid.body_size     # whole body characters
    assert grid.margin_left > 0 and grid.margin_right > 0
    assert grid.margin_top + grid.type_height < grid.height
    assert abs(grid.bleed / MM - 3) < 0.01
    for name in STYLE_NAMES:
        st = grid.style(name)
        assert st.role in ("song", "hei", "kai", "latin") and st.size > 0 and st.leading >= st.size


def test_unknown_layout_is_a_clear_error():
    with pytest.raises(GalleyError, match="unknown layout"):
        load_layout("nonexistent")


def test_galley_layouts_lists_one_per_line(capsys):
    assert main(["layouts"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(list_layouts())
    assert lines[0].startswith("broadsheet") and "8 columns" in lines[0] and "390×540 mm" in lines[0]
    assert any(ln.startswith("tabloid") and "6 columns" in ln for ln in lines)
