"""Start the desktop application: `galley-desk [FILE]`, `galley gui [FILE] [--screenshot PATH]`.

Sets up Qt (translations, the error dialog hook, the fonts layout uses), opens the main
window, offers to recover after a crash, and opens FILE. With `--screenshot` it renders
the window (offscreen when there is no display) to a PNG and exits.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt

_KEEP: list = []


def make_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        _KEEP.append(app)  # lives until the interpreter exits
    app.setApplicationName("Galley")
    app.setOrganizationName("Galley")
    app.setApplicationDisplayName("Galley")
    from galley.app import logs
    from galley.ui import errors, i18n, prefs
    logs.setup()                     # the rotating log file: warnings, errors with their tracebacks
    errors.install()
    i18n.install(prefs.qsettings().value("ui/language", "system"))
    from galley.ui.window import register_layout_fonts
    register_layout_fonts()
    return app


def run_gui(file: str | None = None, screenshot: str | None = None, recover: bool = True) -> int:
    headless = (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
                and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")))
    if headless and screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif headless:
        from galley.app.errors import GalleyError
        raise GalleyError("no display to open the window on (DISPLAY is not set): run it in a desktop session, "
                          "with xvfb-run, or use --screenshot PATH")
    app = make_app()
    from galley.ui.window import MainWindow
    win = MainWindow()
    try:
        return _run(app, win, file, screenshot, recover)
    finally:
        win.page_panel.shutdown()
        win.hub.close()
        _dispose(app, win)


def _dispose(app, win) -> None:
    """Delete the window while the application still exists (not later, by the garbage collector)."""
    from PySide6.QtCore import QEvent
    win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    win.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _run(app, win, file, screenshot, recover) -> int:
    if screenshot:
        win.resize(1440, 900)
    win.show()
    if recover and not screenshot:
        win.offer_recovery()
    if file:
        ok = win.open_path(file)
        if not ok and screenshot:
            return 2
    if screenshot:
        return take_screenshot(win, screenshot)
    app.aboutToQuit.connect(win.page_panel.shutdown)
    app.aboutToQuit.connect(win.hub.close)
    return app.exec()


def take_screenshot(win, path: str) -> int:
    from PySide6.QtWidgets import QApplication

    from galley.app.errors import GalleyError
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    win.wait_idle()
    for _ in range(5):
        app.processEvents()
    win.wait_idle()
    win.page_panel.fit_width()
    for _ in range(5):
        app.processEvents()
    pix = win.grab()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pix.save(str(out), "PNG"):
        raise GalleyError("cannot write the screenshot", str(out))
    win.doc.undo_stack.setClean()
    win.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    import multiprocessing
    multiprocessing.freeze_support()  # the layout process of a frozen (packaged) build
    parser = argparse.ArgumentParser(prog="galley-desk", description="Galley desktop application")
    parser.add_argument("file", nargs="?", help="an edition (.txt, .docx, .pdf) or project (.galley) to open")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window to a PNG and exit")
    args = parser.parse_args(argv)
    from galley.app.errors import GalleyError
    try:
        return run_gui(args.file, args.screenshot)
    except GalleyError as exc:
        print(f"galley-desk: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
