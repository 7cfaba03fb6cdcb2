"""Breaking lines on two cores gives exactly the layout of breaking them in one process."""
from __future__ import annotations

import os

import pytest

from app.layout import layout_edition, linebreak, load_layout, parallel
from app.render.pdf import render_pdf
from tests.app.layout.sample import long_edition

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
BIG = 10 ** 6                                   # an input file large enough to share the work


@pytest.fixture(autouse=True)
def idle_machine(monkeypatch):
    """As on a newsroom PC with a core to spare (the test run itself keeps one busy)."""
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_a_forked_child_breaks_the_same_lines():
    grid = load_layout("a3")
    linebreak.reset_caches()
    serial = layout_edition(long_edition(), grid)
    linebreak.reset_caches()
    edition, helped = parallel.load_and_prebreak(long_edition, grid, BIG)
    assert helped
    forked = layout_edition(edition, grid)
    assert [p.items for p in forked.pages] == [p.items for p in serial.pages]
    assert forked.missing_glyphs == serial.missing_glyphs
    assert render_pdf(forked) == render_pdf(serial)


def test_the_childs_half_arrives_in_the_cache(monkeypatch):
    grid = load_layout("a3")
    linebreak.reset_caches()
    real = parallel._halves
    # the parent breaks nothing itself: every paragraph in its cache came from the child
    monkeypatch.setattr(parallel, "_halves", lambda ed: ([], real(ed)[0] + real(ed)[1]))
    _, helped = parallel.load_and_prebreak(long_edition, grid, BIG)
    assert helped and len(linebreak._paragraphs) > 10


def test_small_files_busy_machines_and_disabled_fork_stay_in_one_process(monkeypatch):
    grid = load_layout("a3")
    assert parallel.load_and_prebreak(long_edition, grid, parallel.MIN_BYTES - 1)[1] is False
    assert parallel.load_and_prebreak(long_edition, grid, None)[1] is False
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: 1)          # the other core is taken
    assert parallel.load_and_prebreak(long_edition, grid, BIG)[1] is False
    monkeypatch.setattr(parallel, "busy_elsewhere", lambda: 0)
    monkeypatch.setenv("GALLEY_NO_FORK", "1")
    assert parallel.load_and_prebreak(long_edition, grid, BIG)[1] is False


def test_a_child_that_fails_leaves_the_parent_to_break_everything(monkeypatch):
    grid = load_layout("a3")
    linebreak.reset_caches()
    serial = layout_edition(long_edition(), grid)
    linebreak.reset_caches()
    monkeypatch.setattr(linebreak, "cached_paragraphs", lambda: 1 / 0)   # raises in the child only
    edition, helped = parallel.load_and_prebreak(long_edition, grid, BIG)
    assert not helped
    assert [p.items for p in layout_edition(edition, grid).pages] == [p.items for p in serial.pages]


def test_a_load_error_reaches_the_caller_and_the_child_is_reaped(monkeypatch):
    def bad():
        raise ValueError("unreadable")
    with pytest.raises(ValueError, match="unreadable"):
        parallel.load_and_prebreak(bad, load_layout("a3"), BIG)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)                # no child left behind


def test_busy_elsewhere_counts_the_other_running_processes(tmp_path, monkeypatch):
    monkeypatch.undo()                          # the real function, not the idle machine's
    fake = tmp_path / "loadavg"
    fake.write_text("0.52 0.41 0.30 3/211 4242\n", encoding="ascii")
    monkeypatch.setattr(parallel, "LOADAVG", str(fake))
    assert parallel.busy_elsewhere() == 2       # three running, one of them this process
    monkeypatch.setattr(parallel, "LOADAVG", str(tmp_path / "none"))
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 1.0, 0.5))
    assert parallel.busy_elsewhere() == 1.5     # no /proc: the load average
