"""Problems as dialogs, never tracebacks: `show_error` and the `sys.excepthook` the app installs.

A `GalleyError` is the user's problem to act on (a warning with its message and file); any
other exception is a bug: a short dialog says so and where the details were logged.
"""
from __future__ import annotations

import os
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from galley.app import logs
from galley.app.errors import GalleyError


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def log_path():
    return logs.log_file()


def _log(exc: BaseException) -> str | None:
    """The error with its traceback in the rotating log file; the file's path when it was written."""
    logs.setup().error("internal error", exc_info=exc)
    p = log_path()
    return str(p) if p.exists() else None


def show_error(parent, exc: BaseException | str, title: str | None = None) -> None:
    """Tell the user about a problem in a dialog (a GalleyError's message, or an internal error)."""
    if isinstance(exc, GalleyError):
        box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Galley"), exc.message, parent=parent)
        if exc.path:
            box.setInformativeText(tr("File: %1").replace("%1", exc.path))
        box.exec()
        return
    if isinstance(exc, str):
        QMessageBox.warning(parent, title or tr("Galley"), exc)
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    where = _log(exc)
    msg = tr("Something went wrong inside Galley: %1").replace("%1", f"{type(exc).__name__}: {exc}")
    box = QMessageBox(QMessageBox.Icon.Critical, title or tr("Galley"), msg, parent=parent)
    info = tr("Your work is autosaved every few seconds. Please report this problem.")
    if where:
        info += "\n" + tr("Details were written to %1").replace("%1", where)
    box.setInformativeText(info)
    if os.environ.get("GALLEY_DEBUG"):
        box.setDetailedText(details)
    box.exec()


_in_hook = False


def excepthook(exc_type, exc, tb) -> None:
    global _in_hook
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
    if _in_hook or QApplication.instance() is None:
        return
    _in_hook = True
    try:
        show_error(QApplication.activeWindow(), exc)
    finally:
        _in_hook = False


def install() -> None:
    sys.excepthook = excepthook
