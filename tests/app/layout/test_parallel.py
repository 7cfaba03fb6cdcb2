"""Breaking lines on two cores gives exactly the layout of breaking them in one process."""
from __future__ import annotations

import os

import pytest

from app.layout import layout_edition, linebreak, load_layout, parallel
from app.render.pdf import render_pdf
from tests.app.layout.sample import long_edition

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture(autouse=True)
def idle_machine(monkeypatch):
    """As on a newsroom PC with a core to spare (the test run itself keeps one busy)."""
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def _layout(prebroken: bool, monkeypatch):
    linebreak.reset_caches()
    ed = long_edition()
    grid = load_layout("a3")
    if prebroken:
        monkeypatch.setattr(parallel, "MIN_CHARS", 0)
        assert parallel.prebreak(ed, grid) is True
        assert len(linebreak._paragraphs) > 10          # the child's half came back (the copies repeat)
    return layout_edition(ed, grid)


def test_a_forked_child_breaks_the_same_lines(monkeypatch):
    serial = _layout(False, monkeypatch)
    forked = _layout(True, monkeypatch)
    assert [p.items for p in forked.pages] == [p.items for p in serial.pages]
    assert forked.missing_glyphs == serial.missing_glyphs
    assert render_pdf(forked) == render_pdf(serial)


def test_small_editions_busy_machines_and_disabled_fork_stay_in_one_process(monkeypatch):
    grid = load_layout("a3")
    ed = long_edition()
    monkeypatch.setattr(parallel, "MIN_CHARS", ed.char_count + 1)
    assert parallel.prebreak(ed, grid) is False
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 1.0))      # both cores already busy
    assert parallel.prebreak(ed, grid) is False
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setenv("GALLEY_NO_FORK", "1")
    assert parallel.prebreak(ed, grid) is False


def test_a_child_that_fails_leaves_the_parent_to_break_everything(monkeypatch):
    linebreak.reset_caches()
    grid = load_layout("a3")
    ed = long_edition()
    serial = layout_edition(ed, grid)
    linebreak.reset_caches()
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(linebreak, "cached_paragraphs", lambda: 1 / 0)   # raises in the child only
    assert parallel.prebreak(ed, grid) is False
    assert [p.items for p in layout_edition(ed, grid).pages] == [p.items for p in serial.pages]
