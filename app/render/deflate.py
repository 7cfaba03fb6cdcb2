"""Flate-compress PDF streams on a worker thread while the writer goes on.

zlib releases the GIL, so a page's content stream (or a font subset, or the output profile)
compresses on the second core while Python composes the next page. A `Deflater` is one
worker thread for one document (a context manager: the thread ends with the document);
`stream(data)` starts the compression and returns a reportlab `PDFStream` whose content is
the pending result, which the `DEFERRED` filter waits for when the document is written.
Compression is deterministic, so the bytes do not depend on the timing.
"""
from __future__ import annotations

import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Self


def _compress(data: bytes | str, level: int) -> bytes:
    return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data, level)


class _Deferred:
    """A reportlab stream filter (FlateDecode) whose input is already being compressed."""

    pdfname = "FlateDecode"

    def encode(self, content: Future) -> bytes:
        return content.result()

    def decode(self, encoded):
        return zlib.decompress(encoded)


DEFERRED = _Deferred()


class Deflater:
    """Worker threads (two: a large font file need not wait behind the pages) for one document."""

    def __init__(self):
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Self:
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="galley-deflate")
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def later(self, data: bytes | str, level: int = 6) -> Future:
        """Start compressing `data` (inside `with Deflater()`); the future's result is the zlib stream."""
        return self._pool.submit(_compress, data, level)

    def stream(self, data: bytes | str, level: int = 6, dictionary: dict | None = None):
        """A `PDFStream` of `data`, compressed in the background (Filter FlateDecode)."""
        from reportlab.pdfbase import pdfdoc

        stream = pdfdoc.PDFStream(dictionary=pdfdoc.PDFDictionary(dict(dictionary or {})))
        stream.content = self.later(data, level)
        stream.filters = [DEFERRED]
        return stream
