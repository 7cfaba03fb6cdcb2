"""A project lock: one writer per `.galley` file, also across PCs on a shared folder.

The lock is a small JSON file beside the project (`NAME.galley.lock`) holding who took it
(host, user, pid, time). The record is written whole before it appears: into a temporary
file, flushed to the disk (fsync), then hard-linked to the lock's name, which fails when a
lock is already there (network file systems honour it as they do O_CREAT|O_EXCL). A folder
that cannot hold hard links gets the record by O_CREAT|O_EXCL, written and fsynced at once.
So a crash leaves either no lock or a whole one, never an empty one.

A lock left by a crashed Galley on this same computer (its process is gone) is taken over;
an empty or unreadable lock (left by an older Galley, or damaged) is taken over too, with a
warning; a lock held by another computer is reported by name and is only broken on purpose
(`break_lock`, `galley unlock PROJECT`). A guard (`filelock`, one per project folder, in the
temporary folder) makes the check-and-take step one process at a time on this computer. Warnings go to the "galley"
logger (the CLI prints them as `galley: warning: ...`) and to `ProjectLock.notes`.
"""
from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import socket
import tempfile
import time
from pathlib import Path
from typing import Self

from filelock import FileLock, Timeout

from galley.app.errors import GalleyError

log = logging.getLogger("galley")

_MAX_RECORD = 64 * 1024     # a lock record is a line of JSON; anything longer is not one
_FRESH = 2.0                 # seconds: an unreadable lock younger than this may still be being written


class ProjectLockedError(GalleyError):
    """Someone else has the project open for writing."""

    cli_hint = "if that computer is off or Galley crashed there, `galley unlock PROJECT` removes the lock"

    def __init__(self, path, owner: dict):
        super().__init__(f"the project is open on another computer or program ({describe(owner)})", path)
        self.owner = owner


def describe(owner: dict) -> str:
    """"wang on desk-07, since 2026-03-13 09:00" for a lock record."""
    since = owner.get("time_text", "")
    return f"{owner['user']} on {owner['host']}" + (f", since {since}" if since else "")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True


def _me() -> dict:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in some service environments
        user = "?"
    return {"host": socket.gethostname(), "user": user, "pid": os.getpid(), "time": time.time(),
            "time_text": time.strftime("%Y-%m-%d %H:%M")}


def valid_record(data) -> dict | None:
    """`data` when it is a lock record (host, user, pid and optional times of the right types), else None."""
    if not isinstance(data, dict):
        return None
    host, user, pid = data.get("host"), data.get("user"), data.get("pid")
    if not (isinstance(host, str) and host and isinstance(user, str) and isinstance(pid, int)
            and not isinstance(pid, bool) and 0 < pid < 2**31):
        return None
    if not isinstance(data.get("time_text", ""), str) or len(host) > 255 or len(user) > 255:
        return None
    return data


class ProjectLock:
    """`acquire()` / `release()` the write lock of one project file (also a context manager)."""

    def __init__(self, project_path: str | Path):
        self.project_path = Path(project_path)
        self.lock_path = self.project_path.with_name(self.project_path.name + ".lock")
        self.held = False
        self.notes: list[str] = []

    def read(self) -> tuple[str, dict | None]:
        """("none", None) with no lock, ("ok", record), or ("bad", None) for an empty or unreadable one."""
        try:
            with open(self.lock_path, "rb") as fh:
                raw = fh.read(_MAX_RECORD + 1)
        except FileNotFoundError:
            return "none", None
        except OSError:
            return "bad", None
        try:
            record = valid_record(json.loads(raw.decode("utf-8"))) if len(raw) <= _MAX_RECORD else None
        except (ValueError, RecursionError):
            record = None
        return ("ok", record) if record is not None else ("bad", None)

    def owner(self) -> dict | None:
        """Who holds the lock: None when there is none, {} when its record cannot be read."""
        state, record = self.read()
        return record if state == "ok" else ({} if state == "bad" else None)

    def _is_stale(self, owner: dict) -> bool:
        me = _me()
        if owner["host"] != me["host"]:
            return False  # another computer: we cannot know; the user decides (break_lock)
        return owner["pid"] != me["pid"] and not _pid_alive(owner["pid"])

    def _note(self, message: str) -> None:
        self.notes.append(message)
        log.warning("%s (%s)", message, self.project_path)

    def _age(self) -> float:
        try:
            return time.time() - self.lock_path.stat().st_mtime
        except OSError:
            return _FRESH

    def _guard(self) -> FileLock:
        """One guard per project folder on this computer, kept in the temporary folder (a guard
        deleted while another process waits on it would let two in at once)."""
        folder = self.lock_path.parent.resolve()
        key = hashlib.sha1(str(folder).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        return FileLock(str(Path(tempfile.gettempdir()) / f"galley-lock-{key}.guard"), timeout=5)

    def _create(self) -> None:
        """Put our record in place whole, or raise FileExistsError when a lock is there."""
        data = json.dumps(_me(), ensure_ascii=False).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.lock_path.name}.", suffix=".tmp", dir=self.lock_path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(tmp, self.lock_path)
            except FileExistsError:
                raise
            except (OSError, NotImplementedError, AttributeError):   # no hard links here (some SMB shares)
                fd2 = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                with os.fdopen(fd2, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _sync_folder(self.lock_path.parent)

    def acquire(self) -> ProjectLock:
        if self.held:
            return self
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            with self._guard():
                deadline = time.monotonic() + _FRESH + 1
                while True:
                    try:
                        self._create()
                    except FileExistsError:
                        pass
                    else:
                        self.held = True
                        return self
                    state, owner = self.read()
                    if state == "none":
                        continue                      # released in the meantime
                    if state == "bad":
                        if self._age() < _FRESH and time.monotonic() < deadline:
                            time.sleep(0.1)           # perhaps being written (a folder without hard links)
                            continue
                        self._note("the project's lock file was empty or unreadable (left by a crash); "
                                   "it was removed")
                        self._remove()
                        continue
                    me = _me()
                    if owner["host"] == me["host"] and owner["pid"] == me["pid"]:
                        self.held = True  # this process already holds it (another handle)
                        return self
                    if self._is_stale(owner):
                        self._note(f"the project's lock was left by a Galley that is no longer running "
                                   f"({describe(owner)}); it was taken over")
                        self._remove()
                        continue
                    raise ProjectLockedError(self.project_path, owner)
        except Timeout:
            raise GalleyError("cannot lock the project (the folder is busy)", self.project_path) from None
        except OSError as exc:
            raise GalleyError(f"cannot lock the project: {exc.strerror or exc}", self.project_path) from exc

    def _remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.lock_path.unlink()

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        state, owner = self.read()
        me = _me()
        if state == "ok" and owner["host"] == me["host"] and owner["pid"] == me["pid"]:
            with contextlib.suppress(OSError):
                self.lock_path.unlink()

    def break_lock(self) -> None:
        """Remove someone else's lock (after the user confirmed the other PC is not using it)."""
        self._remove()

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _sync_folder(folder: Path) -> None:
    """Make a new directory entry durable (POSIX; a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
