"""Plain-text import: detect the encoding (UTF-8 ± BOM, UTF-16, GB18030/GBK, Big5) without asking.

Byte-order marks decide first; then strict UTF-8; then charset-normalizer among the
encodings a Chinese newsroom meets. Binary junk (NUL bytes, control characters) is refused.
A stray control character in real text is not text: a vertical tab (Word's manual line
break), NEL and the Unicode line and paragraph separators break the line, the others are
dropped (`clean_text`), so nothing downstream (a DOCX, an XML-based format) meets one.
Files past `app.limits` are refused before they are decoded.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from galley.app import limits
from galley.app.errors import GalleyError
from galley.app.model import RawBlock

CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_8"]


def decode_bytes(data: bytes, name: str | Path = "") -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8", errors="strict"), name)
        except UnicodeDecodeError as exc:
            what = "cut short" if exc.reason == "unexpected end of data" else "not valid UTF-8"
            raise GalleyError(f"the file starts as UTF-8 text (byte-order mark) but is {what} "
                              f"at byte {exc.start + 3}", name) from exc
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[2:].decode(enc), name)
            except UnicodeDecodeError as exc:
                raise GalleyError(f"not valid UTF-16 text at byte {exc.start}", name) from exc
    if not data.strip():
        return ""
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is None:
        text = _guess(data, name)
    return _checked(text, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes in a file that decodes to readable text one way round."""
    if len(data) < 4 or len(data) % 2 or 0 not in data:
        return None
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _readable(text)
        if score > best_score:
            best, best_score = text, score
    return best if best_score > 0.9 else None


def _readable(text: str) -> float:
    sample = text[:5000]
    good = sum(1 for ch in sample if ch in "\n\r\t" or ch.isprintable() and unicodedata.category(ch) not in ("Co", "Cn"))
    return good / max(1, len(sample))


def _guess(data: bytes, name) -> str:
    if data.count(0) > 0:
        raise GalleyError("this is not a text file (it contains binary data)", name)
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is not None:
        enc = best.encoding
        # GB2312/GBK text is also GB18030; Big5 is told apart by the normalizer's chaos score.
        if enc in ("gb2312", "gbk", "hz"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            pass
    for enc in ("gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise GalleyError("cannot tell the text encoding (tried UTF-8, UTF-16, GB18030 and Big5)", name)


def _checked(text: str, name) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    if not text:
        return text
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f\v")
    if bad > max(3, len(sample) // 100):
        raise GalleyError("this is not a text file (it contains binary data)", name)
    return text


# C0/C1 controls other than tab, line feed, carriage return and form feed; lone surrogates
# (only a hand-made .galley can hold them); the two non-characters XML refuses.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAK = re.compile("[\x0b\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """`text` without control characters: line-breaking ones become a line feed, others go."""
    if _BREAK.search(text):
        text = _BREAK.sub("\n", text)
    if _DROP.search(text):
        text = _DROP.sub("", text)
    return text


def split_lines(text: str) -> tuple[list[str], list[int]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    lines, offsets, pos = [], [], 0
    for line in text.split("\n"):
        lines.append(line)
        offsets.append(pos)
        pos += len(line) + 1
    return lines, offsets


def read_text(text: str) -> list[RawBlock]:
    from galley.app.importers import blocks_from_lines
    if len(text) > limits.MAX_EDITION_CHARS:
        raise GalleyError(limits.edition_too_large(len(text)))
    lines, offsets = split_lines(clean_text(text.lstrip("\ufeff")))
    from galley.app.importers import columns
    if columns.laid_out(lines):
        # a page's columns side by side (pdftotext -layout): read column by column
        return columns.read_columns(lines, offsets)
    return blocks_from_lines(lines, offsets)


def read_text_file(path: Path) -> list[RawBlock]:
    size = path.stat().st_size
    if size > limits.MAX_TEXT_BYTES:
        raise GalleyError(f"the text file is too large: {size / 2**20:.1f} MB (Galley reads text files of up to "
                          f"{limits.MAX_TEXT_BYTES // 2**20} MB; split it)", path)
    text = decode_bytes(path.read_bytes(), path)
    if len(text) > limits.MAX_EDITION_CHARS:
        raise GalleyError(limits.edition_too_large(len(text)), path)
    return read_text(text)
