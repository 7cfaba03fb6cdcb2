"""PyInstaller runtime hook: runs before Galley's code in the frozen app.

The bundle mirrors the source tree inside `sys._MEIPASS` (`app/`, `ui/`, `resources/`,
`layouts/`), so code that finds its data relative to the repository root — e.g.
`Path(__file__).resolve().parents[1] / "resources"` from an `app/` module — works frozen too.
This hook also publishes that root as GALLEY_ROOT (not overriding one the user set) for
code that prefers an explicit location, and notes the bundle's folder for diagnostics.
"""
import os
import sys

_root = getattr(sys, "_MEIPASS", None)
if _root:
    os.environ.setdefault("GALLEY_ROOT", _root)
    os.environ.setdefault("GALLEY_FROZEN", "1")
