"""Derived data kept between runs in the cache folder (platformdirs' user cache folder).

`cached(kind, key, build)` returns what `build()` returns, from a file in the cache folder when
one was written for the same `key` before. A cached value is only ever a copy of what `build`
computes from data that ships with Galley or with a library (a table made from OpenCC's
dictionaries, say), so it can be thrown away at any time:

- the file's name holds a digest of `key` (the data's version: a library's version, its files'
  sizes and dates), so another version builds and keeps its own, and files of the same kind not
  read for `KEEP_DAYS` days are removed;
- it is written to a temporary file beside it and renamed into place, so a reader never sees
  half a file, and two processes building at once each put a whole one;
- it carries its length and a CRC-32 of its contents (a check against a damaged disk or a
  file cut short, not against tampering: the folder is the user's own), and one that does not
  match, or does not decode, is built again (and written over);
- without a cache folder (no platformdirs, a read-only or full disk) the value is built each
  time, as if there were no cache.

Values are marshalled (builtin types only) and read by the interpreter version that wrote them
(the name holds its bytecode tag). This module sits below every stage; it imports nothing of
Galley's but the settings' folder names, and those only when a value is first asked for.
"""
from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAGIC = b"GLYC1"          # this module's file format
HEAD = struct.Struct("<QI")   # after MAGIC: the marshalled value's length and CRC-32
KEEP_DAYS = 30
DAY = 24 * 3600


def folder() -> Path | None:
    """The cache folder, or None when there is none (no platformdirs)."""
    try:
        from galley.app.settings import cache_dir
        return cache_dir()
    except (ImportError, OSError):
        return None


def path_for(kind: str, key: str) -> Path | None:
    """The file that holds the value of `kind` for `key` (None: no cache folder)."""
    where = folder()
    if where is None:
        return None
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:20]
    return where / f"{kind}-{sys.implementation.cache_tag}-{digest}.cache"


def _decode(raw: bytes) -> Any:
    """The value of a cache file's bytes; ValueError when they are not a whole, unchanged one."""
    head = len(MAGIC) + HEAD.size
    if len(raw) < head or raw[:len(MAGIC)] != MAGIC:
        raise ValueError("not a cache file")
    size, crc = HEAD.unpack_from(raw, len(MAGIC))
    body = memoryview(raw)[head:]
    if len(body) != size or zlib.crc32(body) != crc:
        raise ValueError("cache file damaged")
    return marshal.loads(body)


def _encode(value: Any) -> bytes:
    body = marshal.dumps(value)
    return MAGIC + HEAD.pack(len(body), zlib.crc32(body)) + body


def read(path: Path) -> Any:
    """The cached value at `path`; raises OSError when it is missing or unreadable, ValueError
    when it is damaged."""
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        return _decode(raw)
    except (EOFError, TypeError) as exc:      # marshal's own complaints
        raise ValueError(str(exc)) from exc


def write(path: Path, value: Any) -> bool:
    """Keep `value` at `path` (atomically); False when the folder cannot take it."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_encode(value))
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False


def cached(kind: str, key: str, build: Callable[[], Any], unpack: Callable[[Any], Any] | None = None) -> Any:
    """`build()`, or the value it returned before for the same `kind` and `key`; with `unpack`,
    what `unpack` makes of that value (it raises ValueError or TypeError on a value it cannot
    read: the value is then built again)."""
    path = path_for(kind, key)
    if path is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            value = read(path)
            result = value if unpack is None else unpack(value)
            _touch(path)
            return result
    value = build()
    if path is not None and write(path, value):
        prune(path)
    return value if unpack is None else unpack(value)


def _touch(path: Path) -> None:
    """Mark a file in use (once a day at most), so that `prune` keeps it."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > DAY:
            os.utime(path)


def prune(keep: Path) -> None:
    """Remove the files of `keep`'s kind not used for `KEEP_DAYS` days (another version's)."""
    kind = keep.name.split("-", 1)[0]
    cutoff = time.time() - KEEP_DAYS * DAY
    for old in keep.parent.glob(f"{kind}-*.cache"):
        if old != keep:
            with contextlib.suppress(OSError):
                if old.stat().st_mtime < cutoff:
                    old.unlink()


def files_key(paths) -> str:
    """A key for data read from files: each one's name, size and modification time."""
    parts = []
    for p in sorted(str(p) for p in paths):
        try:
            st = os.stat(p)
            parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{p}:-")
    return "\n".join(parts)
