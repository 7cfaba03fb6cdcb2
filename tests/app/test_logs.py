"""Logging: --verbose on stderr, internal errors in the rotating log file, no traceback shown."""
import logging
import subprocess
import sys

from galley.app import logs
from tests.conftest import ROOT


def run(tmp_path, *args):
    env = {"GALLEY_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "galley", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False)


def test_verbose_says_more_on_stderr(tmp_path):
    quiet = run(tmp_path, "layouts")
    loud = run(tmp_path, "layouts", "-vv")
    assert quiet.returncode == loud.returncode == 0
    assert quiet.stdout == loud.stdout
    assert quiet.stderr == ""
    assert "galley: debug: galley layouts" in loud.stderr


def test_rotating_file_in_the_log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GALLEY_DATA_DIR", str(tmp_path))
    log = logs.setup()
    try:
        log.warning("a warning for the file")
        handler = next(h for h in log.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        handler.flush()
        assert logs.log_file() == tmp_path / "logs" / "galley.log"
        assert "a warning for the file" in logs.log_file().read_text(encoding="utf-8")
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
    finally:
        for h in list(log.handlers):
            log.removeHandler(h)
            h.close()
