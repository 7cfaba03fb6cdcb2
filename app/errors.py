"""The one error type a user may see: a message and the file it concerns.

The CLI prints it as `galley: error: WHAT (FILE)` and exits 2; the GUI shows it in a dialog.
"""
from __future__ import annotations


class GalleyError(Exception):
    """A problem the user can act on (unreadable input, missing font, ...)."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.message} ({self.path})" if self.path else self.message


class OversetError(GalleyError):
    """Text did not fit its module; names the stories and character counts."""

    exit_code = 3
