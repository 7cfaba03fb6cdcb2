"""A project lock: one writer per `.galley` file, also across PCs on a shared folder.

The lock is a small JSON file beside the project (`NAME.galley.lock`) created with
O_CREAT|O_EXCL, which network file systems honour, holding who took it (host, user, pid,
time). A lock left by a crashed Galley on this same computer (its process is gone) is
taken over; a lock held by another computer is reported by name and can only be broken
on purpose (`break_lock`). `filelock` guards the check-and-take step between processes.
"""
from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
from pathlib import Path
from typing import Self

from filelock import FileLock, Timeout

from app.errors import GalleyError


class ProjectLockedError(GalleyError):
    """Someone else has the project open for writing."""

    def __init__(self, path, owner: dict):
        who = f"{owner.get('user', '?')} on {owner.get('host', '?')}"
        since = owner.get("time_text", "")
        super().__init__(f"the project is open on another computer or program ({who}{', since ' + since if since else ''})",
                         path)
        self.owner = owner


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _me() -> dict:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in some service environments
        user = "?"
    return {"host": socket.gethostname(), "user": user, "pid": os.getpid(), "time": time.time(),
            "time_text": time.strftime("%Y-%m-%d %H:%M")}


class ProjectLock:
    """`acquire()` / `release()` the write lock of one project file (also a context manager)."""

    def __init__(self, project_path: str | Path):
        self.project_path = Path(project_path)
        self.lock_path = self.project_path.with_name(self.project_path.name + ".lock")
        self.held = False

    def owner(self) -> dict | None:
        try:
            return json.loads(self.lock_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return {"host": "?", "user": "?", "pid": -1}

    def _is_stale(self, owner: dict) -> bool:
        me = _me()
        if owner.get("host") != me["host"]:
            return False  # another computer: we cannot know; the user decides (break_lock)
        pid = int(owner.get("pid") or -1)
        return pid != me["pid"] and not _pid_alive(pid)

    def acquire(self) -> ProjectLock:
        if self.held:
            return self
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        guard = FileLock(str(self.lock_path) + ".guard", timeout=5)
        try:
            with guard:
                for _ in range(2):
                    try:
                        fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                    except FileExistsError:
                        owner = self.owner() or {}
                        me = _me()
                        if owner.get("host") == me["host"] and owner.get("pid") == me["pid"]:
                            self.held = True  # this process already holds it (another handle)
                            return self
                        if self._is_stale(owner):
                            with contextlib.suppress(FileNotFoundError):
                                self.lock_path.unlink()
                            continue
                        raise ProjectLockedError(self.project_path, owner) from None
                    with os.fdopen(fd, "w", encoding="utf-8") as fh:
                        json.dump(_me(), fh)
                    self.held = True
                    return self
        except Timeout:
            raise GalleyError("cannot lock the project (the folder is busy)", self.project_path) from None
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            raise GalleyError(f"cannot lock the project: {exc.strerror or exc}", self.project_path) from exc
        finally:
            with contextlib.suppress(OSError):
                Path(str(self.lock_path) + ".guard").unlink()
        raise ProjectLockedError(self.project_path, self.owner() or {})

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        owner = self.owner() or {}
        me = _me()
        if owner.get("host") == me["host"] and owner.get("pid") == me["pid"]:
            with contextlib.suppress(FileNotFoundError):
                self.lock_path.unlink()

    def break_lock(self) -> None:
        """Remove someone else's lock (after the user confirmed the other PC is not using it)."""
        with contextlib.suppress(FileNotFoundError):
            self.lock_path.unlink()

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
