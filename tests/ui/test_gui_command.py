"""`galley gui FILE --screenshot PATH`: the window rendered offscreen to a PNG."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def test_screenshot_of_the_sample(tmp_path):
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GALLEY_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "galley", "gui", str(SAMPLE), "--screenshot", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Fatal" not in proc.stderr
    from PySide6.QtGui import QImage
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1440, 900)
    # not a blank window: many distinct colours (text, page view, tables)
    colours = {img.pixel(x, y) for x in range(0, 1440, 7) for y in range(0, 900, 7)}
    assert len(colours) > 50
    # a clean exit leaves no autosave or session behind
    assert not list((tmp_path / "data").glob("sessions/*.json"))


def test_missing_file_is_a_one_line_error(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GALLEY_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "galley", "gui", str(tmp_path / "nope.txt"), "--screenshot",
                           str(tmp_path / "x.png")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("galley: error: no such file") and "Traceback" not in proc.stderr


def test_no_display_is_a_clear_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GALLEY_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.run([sys.executable, "-m", "galley", "gui", str(SAMPLE)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    if sys.platform.startswith("linux"):
        assert proc.returncode == 2 and "no display" in proc.stderr and "Traceback" not in proc.stderr


def test_screenshot_of_an_unreadable_file_is_a_one_line_error_not_a_dialog(tmp_path):
    import subprocess
    import sys
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "galley", "gui", str(junk), "--screenshot", str(out)],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 2 and "junk.txt" in proc.stderr and not out.exists()
