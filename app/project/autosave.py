"""Autosave and crash recovery, in the user's data folder (platformdirs).

While a Galley window runs it registers a *session* (`sessions/<pid>.json`: host, pid,
the project it shows and where that project is autosaved) and writes the project a moment
after each change (and at least every few seconds) to `autosave/<key>.galley`. A clean exit ends the session and deletes the
autosave. At start-up, a session whose process is gone on this computer left a crash
behind: `find_recoverable()` lists its autosave so the GUI can offer to reopen it.

`GALLEY_DATA_DIR` overrides the folder (tests, portable installs).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from galley.app.fsutil import write_bytes, write_text
from galley.app.project.format import Project, project_bytes
from galley.app.project.lock import _pid_alive


def data_dir() -> Path:
    env = os.environ.get("GALLEY_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_data_dir("Galley", appauthor=False))


def autosave_path(source: str | os.PathLike | None, session_id: str | None = None) -> Path:
    """Where the project opened from `source` is autosaved (one file per source path)."""
    key = str(Path(source).resolve()) if source else f"untitled-{session_id or os.getpid()}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    stem = Path(source).stem if source else "untitled"
    return data_dir() / "autosave" / f"{stem}-{digest}.galley"


@dataclass
class Recovery:
    """A project a crashed session was working on, with its autosaved copy."""

    autosave: Path
    source: str | None      # the file the user had open (None for an unsaved import)
    saved_at: float         # when the autosave was written (epoch seconds)
    session_file: Path

    def discard(self) -> None:
        """The user declined to recover: both files go."""
        for p in (self.autosave, self.session_file):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()

    def forget(self, keep: Path | None = None) -> None:
        """Recovered into a new session: the crashed session's record goes; its autosave too, unless
        it is `keep` (the new session autosaves to the same file, or could not write its own)."""
        with contextlib.suppress(FileNotFoundError):
            self.session_file.unlink()
        if keep is None or Path(keep).resolve() != self.autosave.resolve():
            with contextlib.suppress(FileNotFoundError):
                self.autosave.unlink()


class Session:
    """One running window's registration; `autosave(project)` writes the autosave copy."""

    def __init__(self):
        self.pid = os.getpid()
        self.host = socket.gethostname()
        self.file = data_dir() / "sessions" / f"{self.host}-{self.pid}-{id(self):x}.json"
        self.source: str | None = None
        self.autosave_file: Path | None = None

    def _write(self) -> None:
        write_text(self.file, json.dumps({"host": self.host, "pid": self.pid, "source": self.source,
                                          "autosave": str(self.autosave_file) if self.autosave_file else None,
                                          "started": time.time()}, ensure_ascii=False))

    def start(self, source: str | None = None) -> None:
        self.set_source(source)

    def set_source(self, source: str | None) -> None:
        """The window now shows the project from `source` (a .galley or imported file)."""
        old = self.autosave_file
        self.source = str(source) if source else None
        self.autosave_file = autosave_path(self.source, f"{self.pid}-{id(self):x}")
        if old and old != self.autosave_file:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
        self._write()

    def autosave(self, project: Project) -> Path:
        if self.autosave_file is None:
            self.set_source(None)
        write_bytes(self.autosave_file, project_bytes(project))
        return self.autosave_file

    def discard_autosave(self) -> None:
        """After a save: the file on disk is current, the autosave is not needed."""
        if self.autosave_file:
            with contextlib.suppress(FileNotFoundError):
                self.autosave_file.unlink()

    def end(self) -> None:
        """A clean exit: nothing to recover."""
        self.discard_autosave()
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()


def find_recoverable() -> list[Recovery]:
    """Autosaves left by sessions on this computer whose process has died (a crash)."""
    folder = data_dir() / "sessions"
    out = []
    host = socket.gethostname()
    for f in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if info.get("host") != host or _pid_alive(int(info.get("pid") or -1)):
            continue  # another computer's session, or a Galley still running
        auto = Path(info["autosave"]) if info.get("autosave") else None
        if auto is None or not auto.exists():
            with contextlib.suppress(FileNotFoundError):
                f.unlink()  # crashed before anything was autosaved: nothing to offer
            continue
        out.append(Recovery(autosave=auto, source=info.get("source"), saved_at=auto.stat().st_mtime,
                            session_file=f))
    return out
