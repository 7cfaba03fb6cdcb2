"""A small CFF font writer for the PDF import tests: CID-keyed and name-keyed programs as
page systems embed them (FontFile3, Subtype CIDFontType0C or Type1C).

Each glyph is a box with a notch, its place by glyph number: enough for a PDF reader to load the
font and measure its glyphs, and nothing in the program says which character a glyph draws
except what a real font carries too: a CID-keyed font's CIDs in its registry's ordering (ROS
Adobe-GB1: the CID is the character), a name-keyed font's glyph names (uni4E2D).
Written from the CFF specification (Adobe Technical Note #5176); no font library needed.
"""
from __future__ import annotations

import struct

# how many strings the CFF standard strings table holds: custom strings are numbered after it
_STANDARD_STRINGS = 391


def _index(items: list[bytes]) -> bytes:
    if not items:
        return b"\0\0"
    offsets = [1]
    for it in items:
        offsets.append(offsets[-1] + len(it))
    size = 1 if offsets[-1] < 0x100 else 2 if offsets[-1] < 0x10000 else 4
    fmt = {1: ">B", 2: ">H", 4: ">I"}[size]
    return (struct.pack(">HB", len(items), size) + b"".join(struct.pack(fmt, o) for o in offsets)
            + b"".join(items))


def _dict_int(v: int) -> bytes:
    return b"\x1d" + struct.pack(">i", v)     # always five bytes: offsets can be filled in later


def _op(code: int) -> bytes:
    return bytes([12, code - 1200]) if code >= 1200 else bytes([code])


def _dict(entries: list[tuple[int, list[int]]]) -> bytes:
    return b"".join(b"".join(_dict_int(v) for v in args) + _op(op) for op, args in entries)


def _cs_int(v: int) -> bytes:
    if -107 <= v <= 107:
        return bytes([v + 139])
    if 108 <= v <= 1131:
        v -= 108
        return bytes([(v >> 8) + 247, v & 0xFF])
    if -1131 <= v <= -108:
        v = -v - 108
        return bytes([(v >> 8) + 251, v & 0xFF])
    return b"\x1c" + struct.pack(">h", v)


def _charstring(k: int, width: int) -> bytes:
    """A box with a notch cut at a place that depends on `k`, so that no two glyphs are alike."""
    if k == 0:
        return _cs_int(width) + b"\x0e"                        # .notdef: nothing drawn
    notch = 100 + (k * 37) % 600
    out = _cs_int(width) + _cs_int(100) + _cs_int(-100) + b"\x15"          # rmoveto
    for dx, dy in ((notch, 0), (0, 100), (50, 0), (0, -100), (750 - notch - 50, 0), (0, 800),
                   (-800, 0)):
        out += _cs_int(dx) + _cs_int(dy) + b"\x05"                          # rlineto
    return out + b"\x0e"                                                    # endchar


def _font(name: str, top: list[tuple[int, list[int]]], strings: list[bytes], charset: bytes,
          charstrings: list[bytes], private: bytes, fd_name_sid: int | None) -> bytes:
    """Lays the font out: header, Name, Top DICT, String, Global Subr INDEXes, then charset,
    FDSelect, CharStrings, FDArray and Private DICT, with the Top DICT's offsets filled in."""
    header = bytes([1, 0, 4, 4])
    names = _index([name.encode("latin-1")])
    cid = fd_name_sid is not None
    n = len(charstrings)

    def top_dict(offs: dict[str, int]) -> bytes:
        entries = list(top)
        entries.append((15, [offs["charset"]]))
        entries.append((17, [offs["charstrings"]]))
        if cid:
            entries.append((1236, [offs["fdarray"]]))
            entries.append((1237, [offs["fdselect"]]))
        else:
            entries.append((18, [len(private), offs["private"]]))
        return _dict(entries)

    offs = {"charset": 0, "charstrings": 0, "fdarray": 0, "fdselect": 0, "private": 0}
    before = len(header) + len(names) + len(_index([top_dict(offs)])) + len(_index(strings)) + 2
    fdselect = struct.pack(">BHHBH", 3, 1, 0, 0, n) if cid else b""
    cs_index = _index(charstrings)
    offs["charset"] = before
    offs["fdselect"] = before + len(charset)
    offs["charstrings"] = offs["fdselect"] + len(fdselect)
    after_cs = offs["charstrings"] + len(cs_index)
    if cid:
        offs["fdarray"] = after_cs
        fd = _index([_dict([(1238, [fd_name_sid or 0]), (18, [len(private), 0])])])
        offs["private"] = after_cs + len(fd)
        fd = _index([_dict([(1238, [fd_name_sid or 0]), (18, [len(private), offs["private"]])])])
        tail = fd + private
    else:
        offs["private"] = after_cs
        tail = private
    out = (header + names + _index([top_dict(offs)]) + _index(strings) + b"\0\0" + charset + fdselect
           + cs_index + tail)
    assert len(header + names + _index([top_dict(offs)]) + _index(strings)) + 2 == before
    return out


def cid_font(cids: list[int], *, registry: str = "Adobe", ordering: str = "GB1", supplement: int = 5,
             width: int = 1000, name: str = "FZSSJW--GB1-0") -> bytes:
    """A CID-keyed CFF (what a PDF embeds as FontFile3 /CIDFontType0C) whose glyphs 1, 2 … are
    the CIDs `cids` in the ROS registry-ordering-supplement; glyph 0 is .notdef (CID 0)."""
    strings = [registry.encode(), ordering.encode(), (name + "-Regular").encode()]
    sid = {s: _STANDARD_STRINGS + k for k, s in enumerate(strings)}
    top = [(1230, [sid[registry.encode()], sid[ordering.encode()], supplement]),   # ROS
           (1234, [max([0, *cids]) + 1]),                                           # CIDCount
           (5, [0, -120, 1000, 880])]                                               # FontBBox
    charset = b"\0" + b"".join(struct.pack(">H", c) for c in cids)                # format 0
    glyphs = [_charstring(k, width) for k in range(len(cids) + 1)]
    private = _dict([(20, [width])])                                                # defaultWidthX
    return _font(name, top, strings, charset, glyphs, private, sid[(name + "-Regular").encode()])


def named_font(names: list[str], *, width: int = 1000, name: str = "FZBSK--GBK1-0") -> bytes:
    """A name-keyed CFF (FontFile3 /Type1C) whose glyphs 1, 2 … are named `names` (uni4E2D …)."""
    strings = [n.encode() for n in names]
    top = [(5, [0, -120, 1000, 880])]
    charset = b"\0" + b"".join(struct.pack(">H", _STANDARD_STRINGS + k) for k in range(len(names)))
    glyphs = [_charstring(k, width) for k in range(len(names) + 1)]
    private = _dict([(20, [width])])
    return _font(name, top, strings, charset, glyphs, private, None)


def opentype(cff: bytes) -> bytes:
    """`cff` wrapped as the one table of an OpenType font (FontFile3 /OpenType): enough for a
    reader that looks for its 'CFF ' table."""
    header = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0)
    offset = len(header) + 16
    return header + struct.pack(">4sIII", b"CFF ", 0, offset, len(cff)) + cff
