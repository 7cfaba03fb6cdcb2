"""`galley unlock PROJECT [--force]`: remove a project's lock left by a PC that is gone.

A lock held by another computer is never broken by itself (Galley cannot tell whether that
PC is still working on the edition): the one who knows it is off, or that Galley crashed
there, runs this. A lock held by a Galley still running on this computer is kept unless
`--force`. Exit 0 (also when there was no lock); 2 on errors.
"""
from __future__ import annotations

import sys
from pathlib import Path

from galley.app.errors import GalleyError


def add_parser(sub):
    p = sub.add_parser("unlock", help="remove a project's lock left by a computer that is gone or crashed")
    p.add_argument("project", metavar="PROJECT", help="the .galley file (or its .lock file)")
    p.add_argument("--force", action="store_true", help="also when a Galley on this computer holds it")
    return p


def run(args) -> int:
    from galley.app.project.lock import ProjectLock, _me, _pid_alive, describe
    path = Path(args.project)
    if path.name.endswith(".galley.lock"):
        path = path.with_name(path.name[: -len(".lock")])
    if path.is_dir():
        raise GalleyError("is a folder, not a project file", path)
    lock = ProjectLock(path)
    state, owner = lock.read()
    if state == "none":
        print(f"galley: the project is not locked ({path})", file=sys.stderr)
        return 0
    if state == "ok":
        me = _me()
        if owner["host"] == me["host"] and _pid_alive(owner["pid"]) and not args.force:
            raise GalleyError(f"the project is open in a Galley running on this computer ({describe(owner)}, "
                              f"process {owner['pid']}); close it there, or use --force", path)
        who = describe(owner)
    else:
        who = "an empty or unreadable lock record"
    try:
        lock.lock_path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise GalleyError(f"cannot remove the lock: {exc.strerror or exc}", lock.lock_path) from None
    print(f"galley: removed the lock ({who}) ({path})", file=sys.stderr)
    return 0
