"""The one error type a user may see: a message and the file it concerns.

The CLI prints it as `galley: error: WHAT (FILE)` and exits 2; the GUI shows it in a dialog.
"""
from __future__ import annotations

import os


class GalleyError(Exception):
    """A problem the user can act on (unreadable input, missing font, ...)."""

    exit_code = 2
    cli_hint: str | None = None    # what to do, as a command-line user (the GUI offers its own way)

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None):
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.message} ({self.path})" if self.path else self.message

    def for_cli(self) -> str:
        """The one line the CLI prints after `galley: error: `, with the command-line hint."""
        message = f"{self.message}; {self.cli_hint}" if self.cli_hint else self.message
        return f"{message} ({self.path})" if self.path else message


class OversetError(GalleyError):
    """Text did not fit its module; names the stories and character counts."""

    exit_code = 3
