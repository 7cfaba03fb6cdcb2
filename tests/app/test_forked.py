"""galley.app.forked: half of a job in a forked process, the same answer as doing it all here."""
from __future__ import annotations

import os
import sys
import threading

import pytest

from galley.app import forked

linux = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "fork"),
                           reason="forks only on Linux")


def _relaxed() -> bool:
    # the test process has Qt loaded (pytest-qt), which can_fork refuses; the child here runs no Qt
    return True


def _square_with_pid(items: list[int]) -> dict[int, tuple[int, int]]:
    return {x: (os.getpid(), x * x) for x in items}


@linux
def test_the_second_half_is_done_in_another_process(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)
    items = list(range(101))
    mine, theirs = forked.halves(_square_with_pid, items)
    assert theirs is not None
    assert sorted(mine) == items[0::2] and sorted(theirs) == items[1::2]
    assert {pid for pid, _ in mine.values()} == {os.getpid()}
    (child,) = {pid for pid, _ in theirs.values()}
    assert child != os.getpid()
    assert {x: sq for x, (_, sq) in {**mine, **theirs}.items()} == {x: x * x for x in items}


@linux
def test_a_child_that_fails_leaves_its_half_to_the_caller(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)
    parent = os.getpid()

    def fails_in_child(items):
        if os.getpid() != parent:
            raise RuntimeError("the child's half fails")
        return sum(items)

    assert forked.halves(fails_in_child, [1, 2, 3, 4, 5]) == (1 + 3 + 5, None)


def test_where_no_process_may_be_forked_only_the_first_half_is_done(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    calls = []

    def record(items):
        calls.append(list(items))
        return len(items)

    assert forked.halves(record, list("abcde")) == (3, None)
    assert calls == [["a", "c", "e"]]


@linux
def test_no_fork_beside_another_thread_or_qt(monkeypatch):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: never forks")
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)
    if threading.active_count() > 1:
        pytest.skip("the test process runs other threads")
    assert forked.can_fork()
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not forked.can_fork()
    finally:
        stop.set()
        t.join()
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", sys)
    assert not forked.can_fork()


@linux
def test_alongside_runs_one_job_in_a_child_and_one_here(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)
    there, here = forked.alongside(lambda: ("there", os.getpid()), lambda: ("here", os.getpid()))
    assert here == ("here", os.getpid())
    assert there is not None and there[0] == "there" and there[1] != os.getpid()


@linux
def test_a_failed_job_in_the_child_comes_back_as_none_and_one_here_stops_the_child(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)

    def bad():
        raise ValueError("unreadable")

    assert forked.alongside(bad, lambda: 7) == (None, 7)
    import time

    def slow():
        time.sleep(30)
        return 1

    t0 = time.monotonic()
    with pytest.raises(KeyError):
        forked.alongside(slow, lambda: {}["missing"])
    assert time.monotonic() - t0 < 10          # the child was stopped, not waited for
