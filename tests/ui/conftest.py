"""GUI test fixtures: an isolated data folder (settings, autosave), a main window on the sample edition."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import SAMPLE


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "userdata"
    monkeypatch.setenv("GALLEY_DATA_DIR", str(d))
    return d


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes record what they would have said instead of blocking."""
    from PySide6.QtWidgets import QMessageBox
    shown: list[tuple[str, str]] = []

    def fake_exec(box):
        shown.append(("box", box.text()))
        return QMessageBox.StandardButton.Ok

    def fake_static(kind):
        def f(parent, title, text, *a, **k):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Discard if kind == "question" else QMessageBox.StandardButton.Ok
        return f
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, fake_static(kind))
    return shown


@pytest.fixture
def window(qtbot, dialogs):
    from galley.ui.main import make_app
    from galley.ui.window import MainWindow
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.doc.undo_stack.setClean()
    win.page_panel.shutdown()
    win.close()


@pytest.fixture
def sample_window(window):
    assert window.open_path(SAMPLE)
    return window
