"""Long jobs off the GUI thread: a child process that lays out and proofreads editions.

Why a process and not a thread: layout and proofreading are pure Python, so a thread would
compete with the GUI for the interpreter lock (typing would stutter). The child imports no
Qt and warms up (word lists, segmenter, fonts) as soon as it starts. Jobs and results go
through a multiprocessing pipe; the GUI polls it with a timer, so no Python thread runs
beside the GUI thread (the child reads jobs in a thread of its own, so neither side blocks
the other on a full pipe). Jobs are answered in order; each result carries its job number.

Jobs: ("open", n, path) → Edition (import, repair, structure of a large file);
      ("layout", n, edition, grid name, plan JSON, font settings) → PagedDocument;
      ("check", n, edition, proof settings) → list of Findings (offsets into edition.text()).
"""
from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
import traceback

_numbers = itertools.count(1)


def next_number() -> int:
    return next(_numbers)


def _warm_up() -> None:
    """Load word lists and the segmenters now, not when the user opens the first edition."""
    try:
        from galley.app.data import resource
        from galley.app.pipeline import edition_from_text
        from galley.app.proof import check_edition
        sample = resource("sample", "edition.txt")
        text = sample.read_text(encoding="utf-8")[:4000] if sample.exists() else "临川日报讯，今天天气晴朗。\n"
        check_edition(edition_from_text(text))
    except Exception:  # noqa: BLE001,S110 - warming is best effort; the real job reports problems
        pass


def _run(job: tuple):
    kind = job[0]
    if kind == "layout":
        _, _, edition, grid_name, plan, fonts = job
        from galley.app.layout import fonts as font_mod
        from galley.app.layout import layout_edition, load_layout
        from galley.app.layout.plan import Plan
        font_mod.configure(fonts)
        return layout_edition(edition, load_layout(grid_name), plan=Plan.from_json(plan) if plan else None)
    if kind == "open":
        from galley.app.pipeline import load_edition
        return load_edition(job[2])
    if kind == "check":
        _, _, edition, settings = job
        from galley.app.proof import check_edition
        return check_edition(edition, settings=settings)
    raise ValueError(f"unknown job {kind!r}")


def _reader(conn, jobs: queue.Queue) -> None:
    """Read jobs as they come, so the parent never blocks sending one while we send a result."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            job = None
        jobs.put(job)
        if job is None:
            return


def serve(conn) -> None:
    """The child's loop: a job → (number, result, error text or None)."""
    jobs: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(conn, jobs), name="galley-jobs-reader", daemon=True).start()
    _warm_up()
    while True:
        job = jobs.get()
        if job is None:
            return
        try:
            result, error = _run(job), None
        except Exception as exc:  # noqa: BLE001 - sent back as a message; the GUI shows it
            from galley.app.errors import GalleyError
            result = None
            error = str(exc) if isinstance(exc, GalleyError) else (
                f"{type(exc).__name__}: {exc}\n" + traceback.format_exc(-3))
        try:
            conn.send((job[1], result, error))
        except (OSError, ValueError):
            return  # the window went away


class JobProcess:
    """The parent's handle: `submit()` jobs, `poll()` results, `close()`."""

    def __init__(self):
        self._proc = None
        self._conn = None
        self.outstanding = 0

    def start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=serve, args=(child,), name="galley-jobs", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        self.outstanding = 0

    def submit(self, job: tuple) -> int:
        self.start()
        self._conn.send(job)
        self.outstanding += 1
        return job[1]

    def poll(self):
        """(number, result, error) when a result is waiting, else None."""
        if self._conn is None or self.outstanding == 0:
            return None
        try:
            if not self._conn.poll():
                if not self._proc.is_alive():
                    self.outstanding = 0
                    return (-1, None, "the background process stopped unexpectedly")
                return None
            result = self._conn.recv()
        except (EOFError, OSError):
            self.outstanding = 0
            self._proc = None
            return (-1, None, "the background process stopped unexpectedly")
        self.outstanding -= 1
        return result

    def close(self) -> None:
        if self._proc is not None:
            if self.outstanding:
                self._proc.terminate()  # do not wait for a job nobody wants any more
            else:
                try:
                    self._conn.send(None)
                except (OSError, ValueError):
                    pass
            self._proc.join(1)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(1)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None
        self.outstanding = 0
