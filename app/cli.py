"""The `galley` command line (also `python -m galley`).

Each sub-command lives in `app/commands/<name>.py` with `add_parser(subparsers)` and
`run(args) -> int`. Errors are one line on stderr, `galley: error: WHAT (FILE)`, exit 2;
never a traceback.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import importlib.util
import logging
import os
import re
import sys

from galley.app import __version__, logs
from galley.app.errors import GalleyError

COMMANDS = ["repair", "structure", "check", "fix", "export", "layouts", "unlock", "gui"]


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, with only the sub-command they name when they name one
    (each command's module is imported to add its parser: a batch run imports its own only)."""
    parser = argparse.ArgumentParser(prog="galley", description="Copy-editing and page layout for Chinese newspapers.")
    parser.add_argument("--version", action="version", version=f"galley {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="say more on stderr (-vv: debug) and in the log file; also after the command")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = argv[0] if argv and argv[0] in COMMANDS else None
    for name in COMMANDS if named is None else [named]:
        if importlib.util.find_spec(f"galley.app.commands.{name}") is None:
            continue  # a command whose module is not part of this build
        module = importlib.import_module(f"galley.app.commands.{name}")
        p = module.add_parser(sub)
        p.set_defaults(_run=module.run)
    return parser


_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` as one line: line breaks and other control characters (a file or story name may hold
    them) written as escapes, so an error stays one line on stderr."""
    return _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class _Stderr(logging.Handler):
    """The "galley" logger on stderr: `galley: warning: ...` (and with --verbose, info and debug)."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            level = record.levelname.lower()
            print(f"galley: {level}: {one_line(record.getMessage())}", file=sys.stderr)


def _verbosity(argv: list[str] | None) -> int:
    """-v/--verbose anywhere before a lone `--` (so every subcommand takes it)."""
    args = sys.argv[1:] if argv is None else argv
    args = args[:args.index("--")] if "--" in args else args
    return sum(2 if a == "-vv" else 1 for a in args if a in ("-v", "--verbose", "-vv"))


def main(argv: list[str] | None = None) -> int:
    verbose = _verbosity(argv)
    log = logs.setup(verbose, _Stderr())
    argv = [a for a in (sys.argv[1:] if argv is None else argv) if a not in ("-v", "--verbose", "-vv")]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    log.debug("galley %s", " ".join(argv))
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        return args._run(args)
    except GalleyError as exc:
        print(f"galley: error: {one_line(exc.for_cli())}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("galley: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("galley: error: out of memory", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line, with a hint, never a traceback
        log.error("internal error in galley %s", " ".join(argv), exc_info=exc)
        detail = one_line(" ".join(str(exc).split())[:200])
        print(f"galley: error: internal error: {type(exc).__name__}: {detail} "
              f"(please report this; details in {logs.log_file()})", file=sys.stderr)
        if os.environ.get("GALLEY_DEBUG"):
            raise
        return 2


def entry() -> None:
    """The `galley` executable: `main()` as a process of its own.

    A batch command builds a large heap of small objects (an edition's lines and glyph
    positions) and frees none of it until the end, so the cyclic collector runs rarely
    (it found nothing to collect, but scanned the growing heap again and again: at every
    100,000 new objects, four scans of ~0.02 s each in a 16-page export, none at a million;
    a 64-page export peaks 4 MB higher for it), and the
    process leaves with `os._exit` once its output is flushed and its files are closed,
    instead of tearing that heap down object by object (a tenth of a second for an edition).
    The desktop app (`gui`) keeps the interpreter's normal collection and shutdown.
    """
    batch = sys.argv[1:2] != ["gui"]
    if batch:
        gc.set_threshold(1_000_000, 50, 100)
    code = main()
    if not batch:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):   # a closed pipe or stream
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
