"""Safe file writing: a temporary file beside the target, then an atomic rename.

A failed run never leaves half a file or overwrites a good one. A symbolic link is followed
(the file it points to is replaced, the link stays); a target that is not a regular file
(a device such as /dev/null, a pipe) is written in place, never replaced. The new file gets
the mode of the file it replaces, or the usual mode for new files (0666 less the umask).
`-` as a path means standard output. Problems become a `GalleyError` naming the file.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from galley.app.errors import GalleyError

STDOUT = "-"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _problem(exc: OSError) -> str:
    reasons = {
        "EACCES": "permission denied", "EPERM": "permission denied", "EROFS": "the disk is read-only",
        "ENOSPC": "the disk is full", "EDQUOT": "the disk quota is full", "EISDIR": "it is a folder",
        "ENOENT": "the folder does not exist", "ENOTDIR": "a part of the path is not a folder",
        "EEXIST": "a part of the path is a file",
    }
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    return reasons.get(name, exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Open a temporary file next to `path`; on success rename it over `path`."""
    target = Path(path)
    if str(path) == STDOUT:
        stream = sys.stdout if "b" not in mode else sys.stdout.buffer
        yield stream
        stream.flush()
        return
    try:
        target = target.resolve() if target.is_symlink() else target
        if target.exists() and not target.is_file():
            if target.is_dir():
                raise GalleyError("cannot write the file: it is a folder", path)
            with open(target, mode, encoding=encoding) as fh:   # a device or a pipe: write through
                yield fh
            return
        keep_mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise GalleyError(f"cannot write the file: {_problem(exc)}", path) from exc
    try:
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, keep_mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise GalleyError(f"cannot write the file: {_problem(exc)}", path) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike, text: str) -> None:
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_write(path, "wb") as fh:
        fh.write(data)
