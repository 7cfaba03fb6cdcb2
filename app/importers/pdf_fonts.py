"""PDF import: the Unicode of glyphs whose font has no mapping, or a mapping that lies, read from
the font itself.

Part of step 1 (glyphs) of `pdf`. Page systems such as 方正飞腾 embed CID fonts with Identity-H
encoding, often without a ToUnicode CMap: the codes in the page are glyph ids of the embedded
font, and nothing in the PDF says which character each one is. The embedded program still says:

- a TrueType (or OpenType) program usually carries its own Unicode cmap, so the mapping can be
  turned round: glyph id → character (an older Chinese font may carry only a GBK one, (3,3) PRC
  or (1,25) Mac simplified Chinese: its codes are read as GBK);
- a CID-keyed CFF program (FontFile3 /CIDFontType0C, as InDesign and Acrobat embed Adobe's and
  Founder's OpenType CJK fonts) names its character collection (ROS Adobe-GB1) even when the
  PDF's CIDSystemInfo says Identity: its CIDs stand for characters by Adobe's public ordering
  (resources/pdf/adobe_gb1.txt, built by tools/build_cid_unicode.py from Adobe's cmap-resources);
- a name-keyed CFF program names its glyphs (uni4E2D, u20021, or a standard name such as one).

pdfplumber's reader reads a TrueType cmap (and a CIDSystemInfo of Adobe-GB1) by itself, PDFium a
CIDSystemInfo of Adobe-GB1; what they leave unmapped (PDFium: a glyph with its code; pdfminer:
"(cid:N)") is recovered here, per font (`FontMaps`, `PageFixes`). A ToUnicode that maps a glyph
to a private use code point (a page system's own numbering) or leaves it out, where the program
or the ordering knows the character, is overruled for that glyph (`PageFixes`). A font with no
such source (a Type3 font, a CID-keyed CFF of an Identity ordering) cannot be read: its glyphs
stay U+FFFD and the reader says so.
"""
from __future__ import annotations

import functools
import re
import struct

# Among several characters drawn with the same glyph, the one text should hold: unified
# ideographs and common punctuation before radicals and compatibility forms (and the middle dot
# of 间隔号, U+00B7 as GB 18030 has it, before a bullet; □ before the combining square ⃞).
_PREFERRED = ((0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x0020, 0x007E), (0x3400, 0x4DBF),
              (0x00B7, 0x00B7), (0x2000, 0x206F), (0x25A0, 0x25FF))


def _rank(code: int) -> tuple[int, int]:
    for k, (lo, hi) in enumerate(_PREFERRED):
        if lo <= code <= hi:
            return (k, code)
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0xE000 <= code <= 0xF8FF:
        return (len(_PREFERRED) + 1, code)     # radicals, compatibility ideographs, private use
    return (len(_PREFERRED), code)


def unicode_cmap(data: bytes, face: int = 0) -> dict[int, int]:
    """The font program's Unicode cmap (character → glyph id), or {} when it has none or is
    not a TrueType/OpenType font. Reads formats 4 and 12 of the (3,1), (3,10) and (0,*) tables;
    failing those, a Chinese font's GBK one, (3,3) PRC or (1,25) Mac simplified Chinese, formats 4
    and 2 (older Chinese fonts carry only that), its codes turned into characters."""
    try:
        return _unicode_cmap(data, face)
    except (struct.error, IndexError, ValueError):
        return {}


def _unicode_cmap(data: bytes, face: int = 0) -> dict[int, int]:
    entry = _directory(data, face).get(b"cmap")
    if entry is None:
        return {}
    cmap = entry[0]
    count = struct.unpack(">H", data[cmap + 2:cmap + 4])[0]
    best: tuple[int, int] | None = None
    for k in range(count):
        platform, encoding, off = struct.unpack(">HHI", data[cmap + 4 + 8 * k:cmap + 12 + 8 * k])
        fmt = struct.unpack(">H", data[cmap + off:cmap + off + 2])[0]
        if fmt in (4, 12) and (platform == 0 or (platform == 3 and encoding in (1, 10))):
            rank = 0 if fmt == 12 else 1
        elif fmt in (2, 4) and (platform, encoding) in ((3, 3), (1, 25)):
            rank = 2
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, cmap + off)
    if best is None:
        return {}
    fmt = struct.unpack(">H", data[best[1]:best[1] + 2])[0]
    table = _format12(data, best[1]) if fmt == 12 else _format2(data, best[1]) if fmt == 2 else _format4(data, best[1])
    if best[0] < 2:
        return table
    out: dict[int, int] = {}
    for code, gid in table.items():
        try:
            ch = (bytes([code >> 8, code & 0xFF]) if code > 0xFF else bytes([code])).decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            out[ord(ch)] = gid
    return out


def _format12(data: bytes, at: int) -> dict[int, int]:
    out: dict[int, int] = {}
    groups = struct.unpack(">I", data[at + 12:at + 16])[0]
    for g in range(min(groups, 70000)):
        start, end, gid = struct.unpack(">III", data[at + 16 + 12 * g:at + 28 + 12 * g])
        for c in range(start, min(end, start + 70000) + 1):
            out[c] = gid + c - start
    return out


def _format4(data: bytes, at: int) -> dict[int, int]:
    out: dict[int, int] = {}
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


def _format2(data: bytes, at: int) -> dict[int, int]:
    """A high-byte mapping table (format 2): one- and two-byte codes, as GBK has them."""
    out: dict[int, int] = {}
    keys = struct.unpack(">256H", data[at + 6:at + 6 + 512])
    heads = at + 6 + 512
    for hi in range(256):
        k = keys[hi] // 8          # subheader 0: a one-byte code; any other: a code's first byte
        sub = heads + 8 * k
        first, count, delta, roff = struct.unpack(">HHhH", data[sub:sub + 8])
        array = sub + 6 + roff
        for j in ([hi - first] if k == 0 else range(count)):
            if not 0 <= j < count:
                continue
            gid = struct.unpack(">H", data[array + 2 * j:array + 2 * j + 2])[0]
            if gid:
                out[hi if k == 0 else (hi << 8) | (first + j)] = (gid + delta) & 0xFFFF
    return out


def program_map(data: bytes) -> dict[int, str]:
    """Code → character, from the font program alone, for a CID font whose codes are its CIDs
    (Identity-H): a TrueType/OpenType cmap turned round (glyph id, which is the CID), a CID-keyed
    CFF of a known ordering (CID), a name-keyed CFF's glyph names (glyph number, which is the CID).
    {} when the program says nothing."""
    try:
        if data[:4] == b"OTTO":
            cff = _table(data, b"CFF ")
            if cff is not None and _cff_top(cff).get(1230):
                return cff_map(cff)        # its codes are CIDs, not the cmap's glyph ids
        if data[:1] == b"\x01" and data[2:3] in (b"\x04", b"\x05"):
            return cff_map(data)
    except (struct.error, IndexError, ValueError, KeyError):
        return {}
    return glyph_to_unicode(data)


def _table(data: bytes, tag: bytes) -> bytes | None:
    entry = _directory(data).get(tag)
    return data[entry[0]:entry[0] + entry[1]] if entry else None


def ordering_map(collection: str) -> dict[int, str] | None:
    """CID → character for a registered character collection ("Adobe-GB1"), or None."""
    if collection not in _ORDERINGS:
        return None
    return _ordering(_ORDERINGS[collection])


_ORDERINGS = {"Adobe-GB1": "adobe_gb1.txt"}


@functools.cache
def _ordering(name: str) -> dict[int, str]:
    from galley.app.data import resource
    out: dict[int, str] = {}
    for line in resource("pdf", name).read_text(encoding="ascii").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cid, code, count = (int(v, 16) for v in line.split())
        for k in range(count):
            out[cid + k] = chr(code + k)
    return out


def cff_map(data: bytes) -> dict[int, str]:
    """A bare CFF program's glyphs: CID → character for a CID-keyed font of a known ordering,
    glyph number → character for a name-keyed one (from its glyph names); {} otherwise."""
    top = _cff_top(data)
    strings = _cff_strings(data)
    n = _index_count(data, int(top[17][0])) if 17 in top else 0
    charset = _charset(data, top.get(15, [0])[0], n)
    if 1230 in top:
        reg, order = (_sid(strings, int(v)) for v in top[1230][:2])
        table = ordering_map(f"{reg}-{order}")
        if table is None:
            return {}
        return {cid: table[cid] for cid in charset if cid in table}
    out = {}
    for gid, sid in enumerate(charset):
        ch = _glyph_name_char(_sid(strings, sid))
        if ch is not None and gid:
            out[gid] = ch
    return out


def _glyph_name_char(name: str) -> str | None:
    """The character a glyph name stands for: uni4E2D, u20021, or a standard ASCII name."""
    base = name.split(".")[0]
    try:
        if base.startswith("uni") and len(base) == 7:
            code = int(base[3:], 16)
        elif base.startswith("u") and 5 <= len(base) <= 7:
            code = int(base[1:], 16)
        else:
            return _STANDARD_ASCII.get(base)
    except ValueError:
        return None
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF or code < 0x20:
        return None
    return chr(code)


# The CFF standard strings 1–95 name the printable ASCII characters in order (space … asciitilde).
_ASCII_NAMES = ["space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quoteright", "parenleft", "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question", "at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "quoteleft", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "braceleft", "bar", "braceright", "asciitilde"]
_STANDARD_ASCII = {n: chr(0x20 + k) for k, n in enumerate(_ASCII_NAMES)}
_STANDARD_ASCII.update(quoteright="\u2019", quoteleft="\u2018", quotesingle="'", grave="`")


def _sid(strings: list[bytes], sid: int) -> str:
    if sid < len(_ASCII_NAMES) + 1:
        return _ASCII_NAMES[sid - 1] if sid else ".notdef"
    if sid >= 391 and sid - 391 < len(strings):
        return strings[sid - 391].decode("latin-1")
    return ""


def _index(data: bytes, at: int) -> tuple[list[tuple[int, int]], int]:
    """A CFF INDEX at `at`: the (start, end) of each item, and where the INDEX ends."""
    count = struct.unpack(">H", data[at:at + 2])[0]
    if count == 0:
        return [], at + 2
    size = data[at + 2]
    if not 1 <= size <= 4:
        raise ValueError("bad INDEX")
    base = at + 3 + (count + 1) * size - 1
    offs = [int.from_bytes(data[at + 3 + k * size:at + 3 + (k + 1) * size], "big") for k in range(count + 1)]
    return [(base + offs[k], base + offs[k + 1]) for k in range(count)], base + offs[-1]


def _index_count(data: bytes, at: int) -> int:
    return struct.unpack(">H", data[at:at + 2])[0]


def _cff_top(data: bytes) -> dict[int, list[float]]:
    _, after_names = _index(data, data[2])
    tops, _ = _index(data, after_names)
    if not tops:
        raise ValueError("no Top DICT")
    return _dict(data[tops[0][0]:tops[0][1]])


def _cff_strings(data: bytes) -> list[bytes]:
    _, after_names = _index(data, data[2])
    _, after_top = _index(data, after_names)
    items, _ = _index(data, after_top)
    return [data[a:b] for a, b in items]


def _dict(blob: bytes) -> dict[int, list[float]]:
    out: dict[int, list[float]] = {}
    args: list[float] = []
    i = 0
    while i < len(blob):
        b = blob[i]
        if b <= 21:
            op = b
            if b == 12:
                i += 1
                op = 1200 + blob[i]
            out[op] = args
            args = []
            i += 1
        elif b == 28:
            args.append(struct.unpack(">h", blob[i + 1:i + 3])[0])
            i += 3
        elif b == 29:
            args.append(struct.unpack(">i", blob[i + 1:i + 5])[0])
            i += 5
        elif b == 30:       # a real number: its nibbles up to the 0xf one (its value is not needed)
            i += 1
            while i < len(blob) and (blob[i] & 0x0F) != 0x0F and (blob[i] >> 4) != 0x0F:
                i += 1
            i += 1
            args.append(0.0)
        elif b <= 246:
            args.append(b - 139)
            i += 1
        elif b <= 250:
            args.append((b - 247) * 256 + blob[i + 1] + 108)
            i += 2
        elif b <= 254:
            args.append(-(b - 251) * 256 - blob[i + 1] - 108)
            i += 2
        else:
            raise ValueError("bad DICT")
    return out


def _charset(data: bytes, at: float, n: int) -> list[int]:
    """The SID (name-keyed) or CID (CID-keyed) of each glyph, glyph 0 first."""
    at = int(at)
    if at <= 2 or n <= 0:
        return list(range(n)) if at == 0 else []    # ISOAdobe and the predefined ones: no CJK
    fmt = data[at]
    out = [0]
    p = at + 1
    while len(out) < min(n, 70000):
        if fmt == 0:
            out.append(struct.unpack(">H", data[p:p + 2])[0])
            p += 2
        elif fmt in (1, 2):
            first = struct.unpack(">H", data[p:p + 2])[0]
            left = data[p + 2] if fmt == 1 else struct.unpack(">H", data[p + 2:p + 4])[0]
            p += 3 if fmt == 1 else 4
            out.extend(range(first, first + left + 1))
        else:
            raise ValueError("bad charset")
    return out[:n]


def glyph_to_unicode(data: bytes, face: int = 0) -> dict[int, str]:
    """Glyph id → the character it draws, from the font program's Unicode cmap (of a collection's
    `face`)."""
    back: dict[int, int] = {}
    for code, gid in unicode_cmap(data, face).items():
        if gid not in back or _rank(code) < _rank(back[gid]):
            back[gid] = code
    return {gid: chr(code) for gid, code in back.items()}


class FontMaps:
    """Per font of a PDFium page, the code → character map recovered from its program (or None
    when there is none). `fixes`, when given, reads the page's fonts with pdfminer (called once,
    when a font is first looked up): a TrueType font whose CIDs are not its glyph ids (a
    CIDToGIDMap stream) has its map turned from glyph ids to CIDs."""

    def __init__(self, fixes=None) -> None:
        self.maps: dict[int, dict[int, str] | None] = {}
        self.guessed: dict[int, bool] = {}      # whether a font's map says nothing of codes read back
        self.fixes = fixes

    def lookup(self, font, code: int, key: int | None = None, outlines: bool = True) -> str | None:
        """The character for `code` in the PDFium font handle `font` (at `key`, its address,
        when known), or None. `outlines` False: `code` was read back from the character PDFium
        made of a glyph, which for a one-byte font matched by its outlines is a guess (PDFium
        decodes such a font as WinAnsi, Mac Roman or Standard encoding, and says not which): None."""
        if key is None:
            key = address(font)
        if key not in self.maps:
            table, self.guessed[key] = _pdfium_font_map(font)
            if table and self.fixes is not None:
                if not isinstance(self.fixes, PageFixes):
                    self.fixes = self.fixes()
                fix = self.fixes.font(font_name(font)) if self.fixes is not None else None
                if fix is not None and fix.cid_to_gid is not None:
                    table = fix.by_cid(table)
            self.maps[key] = table or None
        found = self.maps[key]
        if found is None or (not outlines and self.guessed[key]):
            return None
        return found.get(code)


def address(font) -> int:
    """Where a PDFium handle points (the same object gives the same number; 0 for none)."""
    import ctypes
    return ctypes.addressof(font.contents) if font else 0


def _pdfium_font_map(font) -> tuple[dict[int, str], bool]:
    """The code → character map of a PDFium font's program, and whether it was read from the
    glyphs' outlines of a one-byte font (its own tables naming no character but private use ones,
    its codes reached through a symbol or Mac cmap)."""
    import ctypes

    from pypdfium2 import raw
    if not font or not hasattr(raw, "FPDFFont_GetFontData"):
        return {}, False
    size = ctypes.c_size_t(0)
    if not raw.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return {}, False
    if size.value > 64 * 2**20:
        return {}, False
    buf = (ctypes.c_uint8 * size.value)()
    if not raw.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size)):
        return {}, False
    data = bytes(buf)
    table = program_map(data)
    if _names_nothing(table):
        found = outline_map(data, font_name(font))
        if found:
            return found, bool(symbol_codes(data))
    return table, False


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


def is_private(text: str) -> bool:
    """A private use character: a page system's own numbering, not a character."""
    return len(text) == 1 and (0xE000 <= ord(text) <= 0xF8FF or 0xF0000 <= ord(text) <= 0x10FFFD)


class PageFixes:
    """The characters of one page's glyphs that its PDF maps wrongly or not at all, by font, read
    with pdfminer from the page's CID fonts: a glyph the reader gave as "(cid:N)" (no mapping) or
    as a private use code point (a ToUnicode that lies, or PDFium's text for it) is the character
    its CID stands for in the font's ordering (Adobe-GB1) or in its program (`program_map`),
    when one of them knows it. Fonts with a CMap other than Identity are left as the reader read
    them (a private use code point cannot be traced back to its code there)."""

    def __init__(self, page_obj) -> None:
        from pdfminer.psparser import PSException
        self.fonts: dict[str, _FontFix] = {}
        try:
            self._read(page_obj)
        except (PSException, TypeError, AttributeError, KeyError, ValueError, IndexError, RecursionError,
                struct.error):
            pass     # an odd font dictionary: the page is read as the reader gave it

    def misread(self) -> set[str]:
        """The names of the fonts whose every glyph pdfminer misreads (`_FontFix.misread`)."""
        return {name for name, fix in self.fonts.items() if fix.misread is not None}

    def font(self, font_name: str) -> _FontFix | None:
        return self.fonts.get(font_name) or self.fonts.get(font_name.split("+", 1)[-1])

    def get(self, font_name: str, text: str) -> str | None:
        fix = self.font(font_name)
        if fix is None:
            return None
        if fix.misread is not None:
            return fix.misread().get(text)
        if text.startswith("(cid:") and text.endswith(")"):
            try:
                return fix.char(int(text[5:-1]))
            except ValueError:
                return None
        if is_private(text):
            cid = fix.claimed.get(text)
            return fix.char(cid) if cid is not None else None
        return None

    def _read(self, page_obj) -> None:
        from pdfminer.pdftypes import resolve1
        fonts = resolve1(resolve1(page_obj.resources or {}).get("Font")) or {}
        for ref in list(fonts.values())[:200]:
            spec = resolve1(ref)
            if not isinstance(spec, dict) or _name(spec.get("Subtype")) != "Type0":
                continue
            kids = resolve1(spec.get("DescendantFonts")) or []
            cid_font = resolve1(kids[0]) if kids else None
            if not isinstance(cid_font, dict) or not _name(spec.get("Encoding")).startswith("Identity-"):
                continue
            fix = _FontFix(spec, cid_font)
            for name in (_name(spec.get("BaseFont")), _name(cid_font.get("BaseFont"))):
                if name:
                    self.fonts[name] = fix
                    self.fonts.setdefault(name.split("+", 1)[-1], fix)


def _name(obj) -> str:
    from pdfminer.pdftypes import resolve1
    obj = resolve1(obj)
    name = getattr(obj, "name", obj)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else ""


class _FontFix:
    """One CID font (Identity CMap): CID → character from its ordering or its program, and which
    CID its ToUnicode gives each private use code point."""

    def __init__(self, spec: dict, cid_font: dict) -> None:
        from pdfminer.pdftypes import resolve1
        info = resolve1(cid_font.get("CIDSystemInfo")) or {}
        collection = "-".join(_text(resolve1(info.get(k))) for k in ("Registry", "Ordering")) \
            if isinstance(info, dict) else ""
        self.ordering = ordering_map(collection)
        self.spec, self.cid_font = spec, cid_font
        self._program: dict[int, str] | None = None
        self._claimed: dict[str, int] | None = None
        gid_map = resolve1(cid_font.get("CIDToGIDMap"))
        # CID → glyph id, when a TrueType font's CIDs are not its glyph ids
        self.cid_to_gid: bytes | None = gid_map.get_data() if hasattr(gid_map, "get_data") else None
        to_unicode = resolve1(spec.get("ToUnicode"))
        self.to_unicode = to_unicode if hasattr(to_unicode, "get_data") else None
        # pdfminer reads such a font with no ToUnicode through its cmap as if its CIDs were glyph
        # ids: every glyph it reads is misread, not only those it cannot read
        self.misread = (self._misread if self.cid_to_gid is not None and to_unicode is None
                        and self.ordering is None else None)
        self._misread_map: dict[str, str] | None = None

    @property
    def claimed(self) -> dict[str, int]:
        """The CID its ToUnicode gives each private use code point."""
        if self._claimed is None:
            self._claimed = {}
            if self.to_unicode is not None:
                from io import BytesIO

                from pdfminer.cmapdb import CMapParser, FileUnicodeMap
                umap = FileUnicodeMap()
                CMapParser(umap, BytesIO(self.to_unicode.get_data())).run()
                for cid, text in umap.cid2unichr.items():
                    if is_private(text):
                        self._claimed[text] = cid
        return self._claimed

    def char(self, cid: int) -> str | None:
        """What CID `cid` stands for: its ordering's character, else its program's; None when
        neither says, or when they say only private use."""
        ch = self.ordering.get(cid) if self.ordering else None
        if ch is None:
            ch = self.program().get(cid)
        return None if ch is None or is_private(ch) else ch

    def by_cid(self, by_gid: dict[int, str]) -> dict[int, str]:
        """A TrueType program's glyph id → character map turned into CID → character."""
        m = self.cid_to_gid or b""
        pairs = ((cid, (m[2 * cid] << 8) | m[2 * cid + 1]) for cid in range(min(len(m) // 2, 70000)))
        return {cid: by_gid[gid] for cid, gid in pairs if gid and gid in by_gid}

    def program(self) -> dict[int, str]:
        """CID → character from the font's program (via its CIDToGIDMap for a TrueType one)."""
        if self._program is None:
            self._program = self._glyphs()
            if self.cid_to_gid is not None and self._program:
                self._program = self.by_cid(self._program)
        return self._program

    def _glyphs(self) -> dict[int, str]:
        from pdfminer.pdftypes import resolve1
        from pdfminer.psparser import PSException
        desc = resolve1(self.cid_font.get("FontDescriptor"))
        try:
            if isinstance(desc, dict):
                for key in ("FontFile2", "FontFile3"):
                    stream = resolve1(desc.get(key))
                    if stream is not None and hasattr(stream, "get_data"):
                        data = stream.get_data()
                        table = program_map(data)
                        if _names_nothing(table):
                            # (a CID font's codes are its CIDs, not a guess: its outlines may say)
                            table = outline_map(data, _name(self.cid_font.get("BaseFont"))) or table
                        return table
        except (PSException, TypeError, AttributeError, KeyError, ValueError, RecursionError):
            pass       # a damaged font program: its glyphs stay unmapped
        return {}

    def _misread(self) -> dict[str, str]:
        """What pdfminer reads each glyph of this font as → what it is: it takes the CID for a
        glyph id (CID 300 reads as the character of glyph 300, or as (cid:300))."""
        if self._misread_map is None:
            by_gid = self._glyphs()
            right = self.by_cid(by_gid)
            self._misread_map = {f"(cid:{cid})": ch for cid, ch in right.items()}
            self._misread_map.update({by_gid[cid]: ch for cid, ch in right.items() if cid in by_gid})
        return self._misread_map


def _text(obj) -> str:
    if isinstance(obj, bytes):
        return obj.decode("latin-1")
    return obj if isinstance(obj, str) else ""


# ---------------------------------------------------------------------------------------------
# glyph outlines matched with the installed fonts

# A PDF font's name less a subset's tag (ABCDEF+) and what writers add to it: pdftops' numbered
# pieces of a large font (UMingCN_00, UMingCN_01), xdvipdfmx's encoding (-Identity-H).
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
EMPTY = b""              # the outline key of a glyph that draws nothing
_NAME_TAIL = re.compile(r"(?:_[0-9a-f]{2,3}|-Identity-[HV])$")


def _names_nothing(table: dict[int, str]) -> bool:
    """A program's code → character map says no character (none, or only private use ones)."""
    return not table or all(is_private(ch) for ch in table.values())


def outline_map(data: bytes, name: str) -> dict[int, str]:
    """Code → character for a TrueType program whose tables name no character — a page printed
    to PostScript and distilled again, its fonts cut into pieces of 255 glyphs with a symbol cmap
    and no glyph names — by each glyph's outline: the installed font of the same PostScript name
    (a newsroom's machines have the fonts their pages are set in) draws it with the same points,
    and its Unicode cmap says which character that is. {} when no such font is installed."""
    name = _NAME_TAIL.sub("", _SUBSET_TAG.sub("", name))
    fonts = installed_fonts()
    where = fonts.get(name)
    while where is None and "-" in name:
        name = name.rsplit("-", 1)[0]        # a style the installed face's names leave out (…-Hei-Medium)
        where = fonts.get(name)
    if where is None:
        return {}
    keys = outline_keys(data)
    known = _installed_outlines(*where)
    if not keys or not known:
        return {}
    codes = symbol_codes(data) or {gid: gid for gid in keys}     # (a CID font's codes are its glyph ids)
    out = {}
    missed = []
    for code, gid in codes.items():
        key = keys.get(gid)
        if key == EMPTY:
            out[code] = " "          # a glyph that draws nothing reads as the space it leaves
        elif key is not None and key in known:
            out[code] = known[key]
        elif key is not None:
            missed.append((code, gid))
    if missed:
        # a subsetter that rewrote the glyphs (hinting dropped, flags packed anew) leaves their
        # bytes changed and their points as they were: those are compared instead
        points = outline_keys(data, decoded=True)
        drawn = _installed_outlines(*where, decoded=True)
        for code, gid in missed:
            key = points.get(gid)
            if key is not None and key in drawn:
                out[code] = drawn[key]
    return out


def outline_keys(data: bytes, face: int = 0, decoded: bool = False) -> dict[int, bytes]:
    """Glyph id → a digest of its outline (its box, contour ends, flags and points; hinting left
    out) in a TrueType program (a collection's `face`), for each glyph drawn with contours of its
    own, and EMPTY for each glyph that draws nothing; {} for a program with no glyf table.
    `decoded`: a digest of its contours' points (as a rewriting subsetter leaves them), slower."""
    try:
        return _outline_keys(data, face, decoded)
    except (struct.error, IndexError, ValueError):
        return {}


def _outline_keys(data: bytes, face: int, decoded: bool) -> dict[int, bytes]:
    import hashlib
    tables = {tag: off for tag, (off, _length) in _directory(data, face).items()}
    if b"glyf" not in tables or b"loca" not in tables or b"head" not in tables or b"maxp" not in tables:
        return {}
    long_offsets = struct.unpack(">h", data[tables[b"head"] + 50:tables[b"head"] + 52])[0]
    count = struct.unpack(">H", data[tables[b"maxp"] + 4:tables[b"maxp"] + 6])[0]
    at = tables[b"loca"]
    if long_offsets:
        loca = struct.unpack(f">{count + 1}I", data[at:at + 4 * (count + 1)])
    else:
        loca = tuple(2 * x for x in struct.unpack(f">{count + 1}H", data[at:at + 2 * (count + 1)]))
    glyf = tables[b"glyf"]
    out: dict[int, bytes] = {}
    for gid in range(1, count):
        a, b = glyf + loca[gid], glyf + loca[gid + 1]
        if b <= a:
            out[gid] = EMPTY  # draws nothing: a space
            continue
        contours = struct.unpack(">h", data[a:a + 2])[0]
        if contours <= 0 or b - a < 12:
            continue          # made of other glyphs (their numbers change in a subset)
        ends = a + 10 + 2 * contours
        hinting = struct.unpack(">H", data[ends:ends + 2])[0]
        if decoded:
            points = _points(data, ends + 2 + hinting, struct.unpack(">H", data[ends - 2:ends])[0] + 1)
            out[gid] = hashlib.blake2b(data[a + 10:ends] + points, digest_size=12).digest()
        else:
            points = data[ends + 2 + hinting:b].rstrip(b"\0")
            out[gid] = hashlib.blake2b(data[a:ends] + points, digest_size=12).digest()
    return out


def _points(data: bytes, at: int, n: int) -> bytes:
    """A simple glyph's `n` points from its flags at `at`: on-curve bits, then x and y, packed."""
    import array
    flags = bytearray()
    while len(flags) < n:
        f = data[at]
        at += 1
        flags.append(f)
        if f & 8:
            flags.extend(bytes([f]) * data[at])
            at += 1
    del flags[n:]
    coords = array.array("i")
    for short, same in ((2, 16), (4, 32)):
        v = 0
        for f in flags:
            if f & short:
                v += data[at] if f & same else -data[at]
                at += 1
            elif not f & same:
                v += struct.unpack(">h", data[at:at + 2])[0]
                at += 2
            coords.append(v)
    return bytes(f & 1 for f in flags) + coords.tobytes()


def _directory(data: bytes, face: int = 0) -> dict[bytes, tuple[int, int]]:
    """Table tag → (offset, length) in a TrueType/OpenType program (a collection's `face`); {}
    for data that is no such program."""
    base = struct.unpack(">I", data[12 + 4 * face:16 + 4 * face])[0] if data[:4] == b"ttcf" else 0
    if data[base:base + 4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return {}
    num = struct.unpack(">H", data[base + 4:base + 6])[0]
    out = {}
    for k in range(min(num, 64)):
        tag, _, off, length = struct.unpack(">4sIII", data[base + 12 + 16 * k:base + 28 + 16 * k])
        out[tag] = (off, length)
    return out


def symbol_codes(data: bytes) -> dict[int, int]:
    """Code → glyph id from a TrueType program's symbol cmap ((3,0), whose 0xF0xx stands for code
    xx) or Mac Roman one ((1,0), formats 0 and 6): how a PDF's simple TrueType font reaches its
    glyphs; {} when it has neither."""
    try:
        entry = _directory(data).get(b"cmap")
        if entry is None:
            return {}
        at = entry[0]
        found: dict[int, int] = {}
        for k in range(struct.unpack(">H", data[at + 2:at + 4])[0]):
            platform, encoding, off = struct.unpack(">HHI", data[at + 4 + 8 * k:at + 12 + 8 * k])
            sub = at + off
            fmt = struct.unpack(">H", data[sub:sub + 2])[0]
            if (platform, encoding) == (3, 0) and fmt == 4:
                return {c & 0xFF if c >= 0xF000 else c: gid for c, gid in _format4(data, sub).items()}
            if (platform, encoding) == (1, 0) and fmt == 0 and not found:
                found = {c: gid for c, gid in enumerate(data[sub + 6:sub + 262]) if gid}
            elif (platform, encoding) == (1, 0) and fmt == 6 and not found:
                first, n = struct.unpack(">HH", data[sub + 6:sub + 10])
                gids = struct.unpack(f">{n}H", data[sub + 10:sub + 10 + 2 * n])
                found = {first + j: gid for j, gid in enumerate(gids) if gid}
        return found
    except (struct.error, IndexError, ValueError):
        return {}


@functools.cache
def installed_fonts() -> dict[str, tuple[str, int]]:
    """PostScript name (and full name, hyphens for spaces) → (file, face) of each TrueType font
    where the layout looks for fonts (Galley's own, the system's, the user's), read from the files'
    name tables."""
    from galley.app.layout.fonts import RESOURCE_DIR, SYSTEM_DIRS
    out: dict[str, tuple[str, int]] = {}
    for folder in (RESOURCE_DIR, *SYSTEM_DIRS):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                for face, name in _postscript_names(path):
                    out.setdefault(name, (str(path), face))
    return out


def _postscript_names(path) -> list[tuple[int, str]]:
    """(face, name) of each face of a font file (`_font_names`), read from its name table alone."""
    out = []
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            faces = [0]
            if head[:4] == b"ttcf":
                n = struct.unpack(">I", head[8:12])[0]
                faces = list(struct.unpack(f">{min(n, 64)}I", fh.read(4 * min(n, 64))))
            for k, base in enumerate(faces):
                fh.seek(base)
                directory = fh.read(12)
                num = min(struct.unpack(">H", directory[4:6])[0], 64)
                records = fh.read(16 * num)
                for j in range(num):
                    tag, _, off, length = struct.unpack(">4sIII", records[16 * j:16 * j + 16])
                    if tag == b"name":
                        fh.seek(off)
                        out += [(k, name) for name in _font_names(fh.read(min(length, 1 << 16)))]
    except (OSError, struct.error, ValueError):
        pass
    return out


def _font_names(table: bytes) -> list[str]:
    """A name table's PostScript name (name 6), then its full name (4), and its family and style
    (1, 2), with hyphens for spaces, as a web-to-print writer names a font (AR-PL-UMing-CN-Light)."""
    count, strings = struct.unpack(">HH", table[2:6])
    found: dict[int, str] = {}
    for k in range(count):
        platform, _encoding, _lang, name_id, length, off = struct.unpack(">6H", table[6 + 12 * k:18 + 12 * k])
        if name_id not in (1, 2, 4, 6) or name_id in found or platform not in (0, 1, 3):
            continue
        raw = table[strings + off:strings + off + length]
        found[name_id] = raw.decode("utf-16-be", "replace") if platform in (0, 3) else raw.decode("latin-1")
    out = [found[6]] if 6 in found else []
    if 4 in found:
        out.append(found[4].replace(" ", "-"))
    if 1 in found and 2 in found:
        out.append(f"{found[1]} {found[2]}".replace(" ", "-"))     # family and style (WenQuanYi-Zen-Hei-Medium)
    return out


@functools.lru_cache(maxsize=8)
def _installed_outlines(path: str, face: int, decoded: bool = False) -> dict[bytes, str]:
    """Outline digest (`outline_keys`) → character of an installed font's face."""
    from pathlib import Path
    data = Path(path).read_bytes()
    chars = glyph_to_unicode(data, face)
    out: dict[bytes, str] = {}
    for gid, key in outline_keys(data, face, decoded).items():
        ch = chars.get(gid)
        # two glyphs drawn alike (。 and ｡): the character text should hold
        if ch is not None and key != EMPTY and (key not in out or _rank(ord(ch)) < _rank(ord(out[key]))):
            out[key] = ch
    return out
