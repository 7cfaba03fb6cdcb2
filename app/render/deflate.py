"""Flate-compress PDF streams on a worker thread while the writer goes on.

zlib releases the GIL, so a page's content stream (or a font subset, or the output profile)
compresses on the second core while Python composes the next page. `deferred(data)` starts
the compression and returns a reportlab `PDFStream` whose content is the pending result; the
`DEFERRED` filter waits for it when the document is written. Compression is deterministic, so
the bytes do not depend on the timing.
"""
from __future__ import annotations

import threading
import zlib
from concurrent.futures import Future, ThreadPoolExecutor

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="galley-deflate")
        return _pool


def _compress(data: bytes | str, level: int) -> bytes:
    return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data, level)


def later(data: bytes | str, level: int = 6) -> Future:
    """Start compressing `data`; the future's result is the zlib stream."""
    try:
        return _executor().submit(_compress, data, level)
    except RuntimeError:                 # interpreter shutting down: compress here and now
        done: Future = Future()
        done.set_result(_compress(data, level))
        return done


class _Deferred:
    """A reportlab stream filter (FlateDecode) whose input is already being compressed."""

    pdfname = "FlateDecode"

    def encode(self, content):
        if isinstance(content, Future):
            return content.result()
        return _compress(content, 6)

    def decode(self, encoded):
        return zlib.decompress(encoded)


DEFERRED = _Deferred()


def deferred(data: bytes | str, level: int = 6, dictionary: dict | None = None):
    """A `PDFStream` of `data`, compressed in the background (Filter FlateDecode)."""
    from reportlab.pdfbase import pdfdoc

    stream = pdfdoc.PDFStream(dictionary=pdfdoc.PDFDictionary(dict(dictionary or {})))
    stream.content = later(data, level)
    stream.filters = [DEFERRED]
    return stream
