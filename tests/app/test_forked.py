"""galley.app.forked: part of a job in a forked process, the same answer as doing it all here."""
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


@linux
def test_a_failed_child_answers_none(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)

    def fails():
        raise RuntimeError("the child's job fails")

    child = forked.start(fails)
    assert child is not None and child.result() is None


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


@linux
def test_a_started_child_answers_when_asked_and_a_cancelled_one_is_stopped(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", _relaxed)
    child = forked.start(lambda: ("there", os.getpid()))
    assert child is not None
    got = child.result()
    assert got is not None and got[0] == "there" and got[1] != os.getpid()
    assert child.result() == got                   # asked again: the same answer, no second wait
    import time
    slow = forked.start(lambda: time.sleep(30))
    assert slow is not None
    t0 = time.monotonic()
    slow.cancel()
    assert time.monotonic() - t0 < 10 and slow.result() is None


def test_no_child_is_started_where_none_may_be(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert forked.start(lambda: 1) is None
