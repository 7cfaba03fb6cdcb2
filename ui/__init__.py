"""Galley's desktop application (Qt, PySide6): it only adapts `app/`.

`main.py` starts it; `window.py` is the main window; `document.py` holds the open edition,
its findings and the undo stack; `undo.py` the undoable commands; `editor.py`,
`findings.py`, `repairs.py`, `navigator.py` and `pageview.py` are the panels;
`export.py` the export dialog and its worker thread; `prefs.py` the preferences;
`i18n.py` loads the translations from `resources/i18n`.
"""
