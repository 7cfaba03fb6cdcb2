"""Layout off the GUI thread: a child process that lays out editions on request.

Why a process and not a thread: layout is pure Python, so a thread would compete with the
GUI for the interpreter lock (typing would stutter), and PySide painting while another
Python thread runs has proved crash-prone. The child imports no Qt. Requests and results
go through a multiprocessing pipe; the GUI polls it with a timer, so no Python thread runs
beside the GUI thread.
"""
from __future__ import annotations

import multiprocessing
import traceback


def serve(conn) -> None:
    """The child's loop: (req, edition, grid name, plan, font settings) → (req, PagedDocument, error)."""
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        req, edition, grid_name, plan, fonts = msg
        try:
            _answer(conn, req, edition, grid_name, plan, fonts)
        except (BrokenPipeError, EOFError, OSError):
            return  # the window went away


def _answer(conn, req, edition, grid_name, plan, fonts) -> None:
    try:
        from app.layout import fonts as font_mod
        from app.layout import layout_edition, load_layout
        from app.layout.plan import Plan
        font_mod.configure(fonts)
        paged = layout_edition(edition, load_layout(grid_name), plan=Plan.from_json(plan) if plan else None)
    except Exception as exc:  # noqa: BLE001 - sent back as a message; the GUI shows it
        from app.errors import GalleyError
        msg = str(exc) if isinstance(exc, GalleyError) else f"{type(exc).__name__}: {exc}"
        conn.send((req, None, msg + ("" if isinstance(exc, GalleyError) else "\n" + traceback.format_exc(-3))))
        return
    conn.send((req, paged, None))


class LayoutProcess:
    """The parent's handle: `submit()` a job, `poll()` for the newest result, `close()`."""

    def __init__(self):
        self._proc = None
        self._conn = None
        self.busy = False

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=serve, args=(child,), name="galley-layout", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent

    def submit(self, req: int, edition, grid_name: str, plan, fonts: dict) -> None:
        if self._proc is None or not self._proc.is_alive():
            self._start()
        self._conn.send((req, edition, grid_name, plan, fonts))
        self.busy = True

    def poll(self):
        """(req, paged, error) when a result is waiting, else None."""
        if self._conn is None:
            return None
        try:
            if not self._conn.poll():
                if self._proc is not None and not self._proc.is_alive() and self.busy:
                    self.busy = False
                    self._proc = None
                    return (-1, None, "the layout process stopped unexpectedly")
                return None
            result = self._conn.recv()
        except (EOFError, OSError):
            self.busy = False
            self._proc = None
            return (-1, None, "the layout process stopped unexpectedly")
        self.busy = False
        return result

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
            except (OSError, ValueError):
                pass
        if self._proc is not None:
            self._proc.join(2)
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join(2)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None
        self.busy = False
