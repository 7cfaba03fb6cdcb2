"""PyInstaller runtime hook: runs before Galley's code in the frozen app.

The bundle mirrors the source tree inside `sys._MEIPASS` (`app/`, `ui/`, `resources/`,
`layouts/`), so code that finds its data relative to the repository root — e.g.
`Path(__file__).resolve().parents[1] / "resources"` from an `app/` module — works frozen too.
This hook also publishes that root as GALLEY_ROOT (not overriding one the user set) for
code that prefers an explicit location.

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
