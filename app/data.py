"""Where Galley's own data files are: the one lookup that every module of app/ and ui/ uses.

The data ship inside the installed package, in `galley.resources` (word lists, models, the
translation catalogue, the sample edition) and `galley.layouts` (page grids, composition
rules). In a source checkout these are the folders resources/ and layouts/ (see
galley/__init__.py); in a wheel they are inside site-packages/galley/; in the PyInstaller
bundle inside _internal/galley/. importlib.resources finds them in all three.
"""
from __future__ import annotations

import atexit
import contextlib
from importlib.resources import as_file, files
from pathlib import Path

_kept = contextlib.ExitStack()
atexit.register(_kept.close)


def _path(package: str, parts: tuple[str, ...]) -> Path:
    # A real path: fonts, the translation catalogue and reportlab need one. For a package on disk
    # (every way Galley is installed) as_file gives the file itself; otherwise a temporary copy
    # kept until the program exits.
    return _kept.enter_context(as_file(files(package).joinpath(*parts)))


def resource(*parts: str) -> Path:
    """A file or folder of resources/, e.g. resource("proof", "rules.toml")."""
    return _path("galley.resources", parts)


def layouts(*parts: str) -> Path:
    """A file of layouts/ (or the folder itself with no arguments)."""
    return _path("galley.layouts", parts)
