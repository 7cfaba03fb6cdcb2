"""PDF import: the Unicode of glyphs whose font has no mapping, read from the font itself.

Part of step 1 (glyphs) of `pdf`. Page systems such as 方正飞腾 embed CID fonts with Identity-H
encoding, often without a ToUnicode CMap: the codes in the page are glyph ids of the embedded
font, and nothing in the PDF says which character each one is. The embedded TrueType (or
OpenType) program usually still carries its own Unicode cmap, so the mapping can be turned
round: glyph id → character. pdfplumber's reader does this by itself; PDFium reports such a
glyph as unmapped with its code, and `FontMaps` recovers it here. A font with no Unicode cmap
(a Type3 font, a bare CFF program) cannot be read: its glyphs stay U+FFFD and the reader says so.
"""
from __future__ import annotations

import struct

# Among several characters drawn with the same glyph, the one text should hold: unified
# ideographs and common punctuation before radicals and compatibility forms.
_PREFERRED = ((0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x0020, 0x007E), (0x3400, 0x4DBF),
              (0x2000, 0x206F))


def _rank(code: int) -> tuple[int, int]:
    for k, (lo, hi) in enumerate(_PREFERRED):
        if lo <= code <= hi:
            return (k, code)
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0xE000 <= code <= 0xF8FF:
        return (len(_PREFERRED) + 1, code)     # radicals, compatibility ideographs, private use
    return (len(_PREFERRED), code)


def unicode_cmap(data: bytes) -> dict[int, int]:
    """The font program's Unicode cmap (character → glyph id), or {} when it has none or is
    not a TrueType/OpenType font. Reads formats 4 and 12 of the (3,1), (3,10) and (0,*) tables."""
    try:
        return _unicode_cmap(data)
    except (struct.error, IndexError, ValueError):
        return {}


def _unicode_cmap(data: bytes) -> dict[int, int]:
    if data[:4] == b"ttcf":
        data_offset = struct.unpack(">I", data[12:16])[0]
    else:
        data_offset = 0
    if data[data_offset:data_offset + 4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return {}
    num = struct.unpack(">H", data[data_offset + 4:data_offset + 6])[0]
    cmap = None
    for k in range(num):
        rec = data_offset + 12 + 16 * k
        tag, _, off, _length = struct.unpack(">4sIII", data[rec:rec + 16])
        if tag == b"cmap":
            cmap = off
    if cmap is None:
        return {}
    count = struct.unpack(">H", data[cmap + 2:cmap + 4])[0]
    best: tuple[int, int] | None = None
    for k in range(count):
        platform, encoding, off = struct.unpack(">HHI", data[cmap + 4 + 8 * k:cmap + 12 + 8 * k])
        fmt = struct.unpack(">H", data[cmap + off:cmap + off + 2])[0]
        if fmt not in (4, 12) or not (platform == 0 or (platform == 3 and encoding in (1, 10))):
            continue
        rank = 0 if fmt == 12 else 1
        if best is None or rank < best[0]:
            best = (rank, cmap + off)
    if best is None:
        return {}
    at = best[1]
    out: dict[int, int] = {}
    if struct.unpack(">H", data[at:at + 2])[0] == 12:
        groups = struct.unpack(">I", data[at + 12:at + 16])[0]
        for g in range(min(groups, 70000)):
            start, end, gid = struct.unpack(">III", data[at + 16 + 12 * g:at + 28 + 12 * g])
            for c in range(start, min(end, start + 70000) + 1):
                out[c] = gid + c - start
        return out
    segs = struct.unpack(">H", data[at + 6:at + 8])[0] // 2
    ends = struct.unpack(f">{segs}H", data[at + 14:at + 14 + 2 * segs])
    base = at + 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", data[base:base + 2 * segs])
    deltas = struct.unpack(f">{segs}H", data[base + 2 * segs:base + 4 * segs])
    range_at = base + 4 * segs
    offsets = struct.unpack(f">{segs}H", data[range_at:range_at + 2 * segs])
    for s in range(segs):
        start, end, delta, roff = starts[s], ends[s], deltas[s], offsets[s]
        if start == 0xFFFF:
            continue
        for c in range(start, end + 1):
            if roff == 0:
                gid = (c + delta) & 0xFFFF
            else:
                p = range_at + 2 * s + roff + 2 * (c - start)
                gid = struct.unpack(">H", data[p:p + 2])[0]
                if gid:
                    gid = (gid + delta) & 0xFFFF
            if gid:
                out[c] = gid
    return out


def glyph_to_unicode(data: bytes) -> dict[int, str]:
    """Glyph id → the character it draws, from the font program's Unicode cmap."""
    back: dict[int, int] = {}
    for code, gid in unicode_cmap(data).items():
        if gid not in back or _rank(code) < _rank(back[gid]):
            back[gid] = code
    return {gid: chr(code) for gid, code in back.items()}


class FontMaps:
    """Per font of a PDFium page, the glyph id → character map recovered from its program (or
    None when there is none)."""

    def __init__(self) -> None:
        self.maps: dict[int, dict[int, str] | None] = {}

    def lookup(self, font, code: int) -> str | None:
        """The character for `code` in the PDFium font handle `font`, or None."""
        key = _address(font)
        if key not in self.maps:
            self.maps[key] = _pdfium_font_map(font) or None
        table = self.maps[key]
        if table is None:
            return None
        return table.get(code)


def _address(font) -> int:
    import ctypes
    return ctypes.cast(font, ctypes.c_void_p).value or 0


def _pdfium_font_map(font) -> dict[int, str]:
    import ctypes

    from pypdfium2 import raw
    if not font or not hasattr(raw, "FPDFFont_GetFontData"):
        return {}
    size = ctypes.c_size_t(0)
    if not raw.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return {}
    if size.value > 64 * 2**20:
        return {}
    buf = (ctypes.c_uint8 * size.value)()
    if not raw.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size)):
        return {}
    return glyph_to_unicode(bytes(buf))


def font_name(font) -> str:
    import ctypes

    from pypdfium2 import raw
    if not font or not hasattr(raw, "FPDFFont_GetBaseFontName"):
        return "?"
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    if n <= 0:
        return "?"
    buf = ctypes.create_string_buffer(n)
    raw.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("latin-1", "replace") or "?"
