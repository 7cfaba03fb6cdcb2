"""PyInstaller runtime hook: runs before Galley's code in the frozen app.

The bundle holds the installed `galley` package inside `sys._MEIPASS` (its data files in
`galley/resources/` and `galley/layouts/`, found through importlib.resources by app/data.py as
in a wheel). This hook also publishes `sys._MEIPASS` as GALLEY_ROOT (not overriding one the
user set) for tools that want the bundle's folder.

Chinese input on Linux: the bundled Qt carries the ibus input-method plugin but no fcitx one
(fcitx's Qt plugin must match the exact Qt build, so the system's cannot be used). A desktop
set up for fcitx5 exports QT_IM_MODULE=fcitx; fcitx5 also answers the ibus protocol, so the
frozen app asks Qt for ibus instead of silently losing the input method.
"""
import os
import sys

_root = getattr(sys, "_MEIPASS", None)
if _root:
    os.environ.setdefault("GALLEY_ROOT", _root)
    if sys.platform.startswith("linux") and os.environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        _plugins = os.path.join(_root, "PySide6", "Qt", "plugins", "platforminputcontexts")
        _names = os.listdir(_plugins) if os.path.isdir(_plugins) else []
        if not any("fcitx" in n for n in _names) and any("ibus" in n for n in _names):
            os.environ["QT_IM_MODULE"] = "ibus"
