"""Flate-compressed PDF streams for the print PDF (pdf.py: page contents, the output profile;
cidfont.py: font subsets and ToUnicode maps), each at the zlib level its content calls for.

Streams are compressed in line, as reportlab compresses its own. (Compressing them on worker
threads while the next page is composed was measured no faster: 0.424 s against 0.426 s for
the 47-page edition16, identical bytes.)
"""
from __future__ import annotations

import zlib


class _Flate:
    """A reportlab stream filter (FlateDecode) at a chosen zlib level."""

    pdfname = "FlateDecode"

    def __init__(self, level: int):
        self.level = level

    def encode(self, content: bytes | str) -> bytes:
        return zlib.compress(content.encode("utf-8") if isinstance(content, str) else content, self.level)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


def stream(data: bytes | str, level: int = 6, dictionary: dict | None = None):
    """A reportlab `PDFStream` of `data`, Flate-compressed at `level` when the document is written."""
    from reportlab.pdfbase import pdfdoc

    s = pdfdoc.PDFStream(dictionary=pdfdoc.PDFDictionary(dict(dictionary or {})))
    s.content = data
    s.filters = [_Flate(level)]
    return s
