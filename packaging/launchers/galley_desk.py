"""Frozen entry point of `galley-desk`, the desktop application (windowed executable).

Runs `ui.main:main` (the `galley-desk` GUI script of pyproject.toml) when the bundle has it,
otherwise `galley gui [FILE]`. A windowed Windows executable has no console: stdout/stderr
are None there, so they go to a log file in the user's log folder instead of crashing the
first print. `multiprocessing.freeze_support()` comes first of all: spawned helper processes
(the GUI's layout process, multiprocessing's resource tracker) re-run this executable.
"""
import importlib.util
import multiprocessing
import os
import sys


def _give_streams_a_home() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        from platformdirs import user_log_dir
        folder = user_log_dir("Galley", appauthor=False)
        os.makedirs(folder, exist_ok=True)
        log = open(os.path.join(folder, "galley-desk.log"), "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (lives as long as the app)
    except OSError:
        log = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stdout or log
    sys.stderr = sys.stderr or log


def main() -> int:
    _give_streams_a_home()
    if importlib.util.find_spec("galley.ui.main") is not None:
        from galley.ui.main import main as desk_main
        return desk_main() or 0
    from galley.app.cli import main as cli_main
    return cli_main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
