"""Galley, as installed: `galley.app` (the pipeline, no Qt), `galley.ui` (the Qt application),
`galley.resources` and `galley.layouts` (data files).

In a wheel or the PyInstaller bundle those four are folders inside this package. In a source
checkout they are the top-level folders `app/`, `ui/`, `resources/` and `layouts/` beside this
one, so the package's search path is extended to the checkout: the same import names then work
from the source tree without installing anything.
"""
import os

_here = os.path.dirname(os.path.abspath(__file__))
if not os.path.isdir(os.path.join(_here, "app")):          # a source checkout
    __path__.append(os.path.dirname(_here))
