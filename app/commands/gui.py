"""`galley gui [FILE] [--screenshot PATH]`: the desktop application (Qt, imported only here, lazily).

With `--screenshot` the window opens FILE, is rendered (offscreen when there is no display)
to a PNG, and the command exits: for documentation and tests.
"""
from __future__ import annotations

from pathlib import Path

from galley.app.errors import GalleyError


def add_parser(sub):
    p = sub.add_parser("gui", help="open the desktop application")
    p.add_argument("file", nargs="?", metavar="FILE", help="an edition or .galley project to open")
    p.add_argument("--screenshot", metavar="PATH", help="render the main window to a PNG and exit")
    return p


def run(args) -> int:
    if args.file and not Path(args.file).exists():
        raise GalleyError("no such file", args.file)
    if args.file and args.screenshot:
        # no one is there to close an error dialog: an unreadable file is a one-line error
        from galley.app.pipeline import load_edition
        load_edition(args.file)
    try:
        from galley.ui.main import run_gui  # Qt only now: app/ never imports it at module level
    except ImportError as exc:
        raise GalleyError(f"the desktop application is not available: {exc}") from exc
    return run_gui(args.file, args.screenshot)
