"""Logging for the command line and the desktop app: the `galley` logger and its handlers.

- a rotating file, `galley.log` (1 MB, three old copies kept), in the platform's log folder
  (platformdirs' user log folder for "Galley"; `GALLEY_DATA_DIR/logs` when that variable
  sets Galley's data folder, as tests and portable installs do): warnings and errors, and with
  `--verbose` everything down to debug;
- on stderr (the command line), warnings as `galley: warning: ...` lines, and with
  `--verbose` (`-v`) info, with `-vv` debug messages too.
The core (app/) only calls `logging.getLogger(__name__)`; nothing is set up on import.
"""
from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from pathlib import Path

LOGGER = "galley"
FILE_NAME = "galley.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


def log_dir() -> Path:
    data = os.environ.get("GALLEY_DATA_DIR")
    if data:
        return Path(data) / "logs"
    import platformdirs
    return Path(platformdirs.user_log_dir("Galley", appauthor=False))


def log_file() -> Path:
    return log_dir() / FILE_NAME


class _RotatingFile(logging.handlers.RotatingFileHandler):
    """The log file, made (with its folder) on the first record; a log that cannot be written
    never stops Galley."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup(verbose: int = 0, console: logging.Handler | None = None) -> logging.Logger:
    """Attach the handlers (once per process) and set their levels for `verbose` (0, 1, 2)."""
    log = logging.getLogger(LOGGER)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    file_level = logging.DEBUG if verbose else logging.WARNING
    handler = next((h for h in log.handlers if isinstance(h, _RotatingFile)), None)
    if handler is not None and handler.baseFilename != os.path.abspath(log_file()):
        log.removeHandler(handler)
        handler.close()
        handler = None
    if handler is None:
        with contextlib.suppress(OSError):
            handler = _RotatingFile(log_file(), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                    delay=True)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            log.addHandler(handler)
    if handler is not None:
        handler.setLevel(file_level)
    if console is not None:
        for old in [h for h in log.handlers if type(h) is type(console)]:
            log.removeHandler(old)
        console.setLevel(logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG)
        log.addHandler(console)
    return log
