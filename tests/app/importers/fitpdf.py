"""A small PDF writer that sets text the way 方正飞腾 (FIT) and similar page systems write it.

Not reportlab's canvas: those systems write content streams reportlab never does, and the PDF
reader must get them right. Each page is a list of raw operators; text can be written

- one glyph per BT/ET block, each placed by its own Tm (the font size often in the matrix and
  `1 Tf`), in any order within a line (`shuffle`);
- as one run justified with character spacing (Tc) and horizontal scaling (Tz);
- several times with offsets of a few hundredths of an em (fake bold: 2–4 copies);
- invisible (Tr 3) or as a clipping path only (Tr 7), over or near the visible copy;
- rotated, or one glyph a line down a narrow column (竖排 kickers and headlines), or a whole
  column in one Tj run with a vertical (Identity-V) font, as page systems write 竖排 text;
- in a layer (optional content, `/OC /L1 BDC … EMC`) that is on or off when the file opens.

Fonts are Type0 (CIDFontType2, Identity-H, or Identity-V for vertical writing) with an embedded TrueType subset of WenQuanYi Zen
Hei whose CIDs are its glyph ids, with or without a ToUnicode CMap; the subset keeps a Unicode
cmap, so the mapping can be recovered from the font program, as from FIT's embedded fonts. Or
CIDFontType0 with an embedded CFF program (`cffont`): CID-keyed in Adobe-GB1's ordering (as
InDesign and Acrobat embed Adobe's and Founder's OpenType fonts), with Identity-H, UniGB-UCS2-H or
GBK-EUC-H, or name-keyed with glyph names uniXXXX; any of them with a ToUnicode that maps some
glyphs to private use code points or leaves some out. A
Type3 font with no ToUnicode (glyph names g1, g2 …) stands for a font nothing can map, and a
font whose ToUnicode maps its glyphs to dingbats for one whose mapping a PostScript round trip
made up.
The text on these pages is our own invented news of the fictional city of 澜州.
"""
from __future__ import annotations

import random
import struct
from dataclasses import dataclass, field
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

_SOURCES: dict[str, object] = {}


def _ttf():
    from reportlab.pdfbase.ttfonts import TTFontFile
    if "wqy" not in _SOURCES:
        _SOURCES["wqy"] = TTFontFile(str(FONT), subfontIndex=0, validate=0)
    return _SOURCES["wqy"]


def _cmap_format4(pairs: dict[int, int]) -> bytes:
    """A (3,1) format 4 cmap table: one segment per character, then the closing 0xFFFF."""
    codes = sorted(c for c in pairs if c < 0xFFFF)
    segs = [(c, c, (pairs[c] - c) % 0x10000) for c in codes] + [(0xFFFF, 0xFFFF, 1)]
    n = len(segs)
    search = 2 ** (n.bit_length() - 1) * 2
    sub = struct.pack(">HHHHHHH", 4, 0, 0, n * 2, search, (search // 2).bit_length() - 1, n * 2 - search)
    sub += b"".join(struct.pack(">H", e) for _, e, _ in segs) + b"\0\0"
    sub += b"".join(struct.pack(">H", s) for s, _, _ in segs)
    sub += b"".join(struct.pack(">H", d) for _, _, d in segs)
    sub += b"\0\0" * n
    sub = sub[:2] + struct.pack(">H", len(sub)) + sub[4:]
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub


def _cmap_format2(pairs: dict[int, int], platform: int, encoding: int) -> bytes:
    """A high-byte mapping cmap (format 2) of one- and two-byte codes (GBK), one subheader for
    the one-byte codes and one per lead byte."""
    leads = sorted({c >> 8 for c in pairs if c > 0xFF})
    keys = [0] * 256
    for k, lead in enumerate(leads):
        keys[lead] = 8 * (k + 1)
    ranges = [(0, 256, [pairs.get(c, 0) for c in range(256)])]
    for lead in leads:
        lows = sorted(c & 0xFF for c in pairs if c >> 8 == lead)
        ranges.append((lows[0], lows[-1] - lows[0] + 1,
                       [pairs.get((lead << 8) | lo, 0) for lo in range(lows[0], lows[-1] + 1)]))
    heads, arrays = b"", b""
    n = len(ranges)
    for k, (first, count, gids) in enumerate(ranges):
        # idRangeOffset counts from the field itself (6 bytes into its subheader) to its array
        roff = 8 * (n - k) - 6 + len(arrays)
        heads += struct.pack(">HHhH", first, count, 0, roff)
        arrays += b"".join(struct.pack(">H", g) for g in gids)
    sub = struct.pack(">HHH", 2, 0, 0) + struct.pack(">256H", *keys) + heads + arrays
    sub = sub[:2] + struct.pack(">H", len(sub)) + sub[4:]
    return struct.pack(">HHHHI", 0, 1, platform, encoding, 12) + sub


def _cmap_format4_table(pairs: dict[int, int], platform: int = 3, encoding: int = 1) -> bytes:
    table = _cmap_format4(pairs)
    return table[:4] + struct.pack(">HHI", platform, encoding, 12) + table[12:]


def subset_font(chars: str, cmap: str = "unicode") -> tuple[bytes, dict[str, int], dict[int, int]]:
    """A TrueType subset holding `chars`: its bytes, each character's glyph id, and each glyph
    id's advance in 1/1000 em. Its cmap is Unicode (3,1), or only a GBK one as older Chinese
    fonts have: "prc" (3,3) format 4, "mac" (1,25) format 2; "none": no cmap at all (a subset
    that kept only the glyphs, as some page systems write it)."""
    from reportlab.pdfbase.ttfonts import TTFontMaker
    ttf = _ttf()
    codes = sorted({ord(c) for c in chars})
    data = ttf.makeSubset(codes)
    # reportlab's subset maps codes 0..n-1; give it a Unicode cmap, as a real font has
    num = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for k in range(num):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * k:28 + 16 * k])
        tables[tag.decode("latin1")] = data[off:off + length]
    old = tables["cmap"]
    entry = struct.unpack(">H", old[4 + 8 + 8:4 + 8 + 10])[0]
    gids = struct.unpack(f">{entry}H", old[4 + 8 + 10:4 + 8 + 10 + 2 * entry])
    gid = {chr(c): g for c, g in zip(codes, gids, strict=True)}
    gbk = {int.from_bytes(c.encode("gbk"), "big"): g for c, g in gid.items()}
    tables["cmap"] = (_cmap_format4({ord(c): g for c, g in gid.items()}) if cmap == "unicode"
                      else _cmap_format4_table(gbk, 3, 3) if cmap == "prc" else _cmap_format2(gbk, 1, 25))
    if cmap == "none":
        del tables["cmap"]
    maker = TTFontMaker()
    for tag, blob in tables.items():
        maker.add(tag, blob)
    widths = {g: round(ttf.charWidths.get(ord(c), 1000)) for c, g in gid.items()}
    return maker.makeStream(), gid, widths


@dataclass
class Font:
    name: str                      # resource name, F1 …
    gid: dict[str, int]
    widths: dict[int, int]
    to_unicode: bool = True
    type3: bool = False
    made_up: bool = False          # a ToUnicode that maps every glyph to a dingbat (a distilled PostScript page)
    vertical: bool = False         # Identity-V: written down the page, each glyph an em below the last
    cff: str = ""                  # "cid": a CID-keyed CFF program (CIDFontType0C), "named": a name-keyed one (Type1C)
    ordering: str = "GB1"          # a CFF font's CIDSystemInfo ordering (Adobe-GB1, or Identity)
    encoding: str = "Identity-H"   # a CFF font's CMap: Identity-H (codes are CIDs), UniGB-UCS2-H, GBK-EUC-H
    lies: str = ""                 # its ToUnicode maps glyphs to private use ("pua"), leaves some out ("gaps"), or to radicals
    cids: dict[str, int] = field(default_factory=dict)    # a CFF font's CID for each character
    ros: str = "GB1"               # the ordering a CID-keyed CFF program names itself (its ROS)
    cid_shift: int = 0             # a TrueType font's CIDs are its glyph ids plus this (a CIDToGIDMap stream)

    def width(self, ch: str) -> float:
        return self.widths.get(self.gid.get(ch, 0), 1000) / 1000

    def hexcodes(self, text: str) -> str:
        if self.type3:
            return "".join(f"{self.gid[c]:02X}" for c in text)
        if self.cff and self.encoding == "UniGB-UCS2-H":
            return "".join(f"{ord(c):04X}" for c in text)
        if self.cff and self.encoding == "GBK-EUC-H":
            return "".join(c.encode("gbk").hex().upper() for c in text)
        if self.cff:
            return "".join(f"{self.cids[c]:04X}" for c in text)
        return "".join(f"{self.gid[c] + self.cid_shift:04X}" for c in text)


@dataclass
class Page:
    width: float
    height: float
    ops: list[str] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)

    def y(self, top: float) -> float:
        return self.height - top


class Writer:
    """Collects pages; `font()` before drawing, `save()` at the end (all characters drawn
    with a font must be in the text given to `font()`)."""

    def __init__(self, chars: str, cmap: str = "unicode"):
        self.chars = "".join(sorted(set(chars)))
        self.data, self.gid, self.widths = subset_font(self.chars, cmap)
        self.fonts: list[Font] = []
        self.pages: list[Page] = []
        self.layers: list[tuple[str, str, bool]] = []     # resource name, layer name, on
        self.base_state = "ON"

    def layer(self, name: str, on: bool) -> str:
        """A layer (an optional content group), on or off when the file opens: returns the name
        its content is marked with, `/OC /<name> BDC … EMC`."""
        self.layers.append((f"L{len(self.layers) + 1}", name, on))
        return self.layers[-1][0]

    def font(self, *, to_unicode: bool = True, type3: bool = False, made_up: bool = False,
             vertical: bool = False, cff: str = "", ordering: str = "GB1", encoding: str = "Identity-H",
             lies: str = "", ros: str = "GB1", cid_shift: int = 0) -> Font:
        """A font holding every character of the writer. `cff` "cid" embeds a CID-keyed CFF
        program whose CIDs are Adobe-GB1's (as Adobe's and Founder's OpenType CJK fonts are),
        with `ordering` in the PDF's CIDSystemInfo and the CMap `encoding` (`ros`: the ordering
        the program names itself, Identity for one that says nothing); "named" a name-keyed CFF
        with glyph names uniXXXX, its codes glyph numbers. `lies` makes the ToUnicode map every
        other glyph to private use ("pua") or leave out every third one ("gaps"). `cid_shift`
        numbers a TrueType font's CIDs apart from its glyph ids, with a CIDToGIDMap stream."""
        f = Font(f"F{len(self.fonts) + 1}", self.gid, self.widths, to_unicode, type3, made_up, vertical,
                 cff, ordering if cff == "cid" else "Identity", encoding, lies, ros=ros, cid_shift=cid_shift)
        if cff == "cid":
            f.cids = {c: gb1_cid(c) for c in self.chars}
            if encoding == "GBK-EUC-H":    # its one-byte codes are the half-width CIDs
                f.cids.update({c: 7716 if c == " " else 814 + ord(c) - 0x21 for c in self.chars if c < "\x7f"})
        elif cff == "named":
            f.cids = {c: k + 1 for k, c in enumerate(self.chars)}
        if type3:
            f.gid = {c: k + 1 for k, c in enumerate(self.chars[:250])}
            f.widths = {k + 1: 1000 for k in range(len(f.gid))}
        self.fonts.append(f)
        return f

    def page(self, width: float, height: float) -> Page:
        self.pages.append(Page(width, height))
        return self.pages[-1]

    # ---------------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        import pikepdf
        from pikepdf import Array, Dictionary, Name

        pdf = pikepdf.new()
        font_file = pdf.make_stream(self.data)
        font_file.Length1 = len(self.data)
        descriptor = pdf.make_indirect(Dictionary(
            Type=Name.FontDescriptor, FontName=Name("/FZSSK--GBK1-0"), Flags=4,
            FontBBox=Array([0, -120, 1000, 880]), ItalicAngle=0, Ascent=880, Descent=-120,
            CapHeight=700, StemV=80, FontFile2=font_file))
        resources = Dictionary()
        for f in self.fonts:
            if f.type3:
                resources[Name("/" + f.name)] = self._type3(pdf, f)
                continue
            w = Array()
            if f.cff:
                cid_widths = {f.cids[c]: f.widths[f.gid[c]] for c in f.cids}
            elif f.cid_shift:
                cid_widths = {g + f.cid_shift: width for g, width in f.widths.items()}
            for g, width in sorted(cid_widths.items() if f.cff or f.cid_shift else f.widths.items()):
                w.append(g)
                w.append(Array([width]))
            if f.cff:
                cid = pdf.make_indirect(self._cff(pdf, f))
                cid.W = w
            else:
                cid = pdf.make_indirect(Dictionary(
                    Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/FZSSK--GBK1-0"),
                    CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                             Supplement=0),
                    FontDescriptor=descriptor, CIDToGIDMap=Name.Identity, DW=1000, W=w))
                if f.cid_shift:
                    top = max(f.widths) + f.cid_shift + 1
                    cid.CIDToGIDMap = pdf.make_stream(b"".join(
                        struct.pack(">H", max(0, c - f.cid_shift)) for c in range(top)))
            if f.vertical:
                # each glyph's vertical origin half its width across and 0.88 em up from its
                # horizontal one, and an advance of an em down the page
                cid.DW2 = Array([880, -1000])
            t0 = Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=cid.BaseFont,
                            Encoding=Name("/Identity-V" if f.vertical else "/" + f.encoding),
                            DescendantFonts=Array([cid]))
            if f.to_unicode:
                codes = f.cids if f.cff else {c: g + f.cid_shift for c, g in f.gid.items()}
                gid = ({chr(0x2701 + k): g for k, g in enumerate(sorted(f.gid.values()))} if f.made_up else codes)
                if f.lies == "radicals":
                    gid = {_copies().get(c, c): g for c, g in gid.items()}
                elif f.lies:
                    # the PUA code points or gaps fall on glyphs spread through the text
                    items = sorted(gid.items())
                    gid = ({c: g for k, (c, g) in enumerate(items) if k % 3 != 1} if f.lies == "gaps"
                           else {(chr(0xE000 + k) if k % 2 else c): g for k, (c, g) in enumerate(items)})
                t0.ToUnicode = pdf.make_stream(_to_unicode(gid).encode("ascii"))
            resources[Name("/" + f.name)] = pdf.make_indirect(t0)
        groups = {key: pdf.make_indirect(Dictionary(Type=Name.OCG, Name=pikepdf.String(name)))
                  for key, name, _ in self.layers}
        if groups:
            on = Array([groups[k] for k, _, v in self.layers if v])
            off = Array([groups[k] for k, _, v in self.layers if not v])
            pdf.Root.OCProperties = Dictionary(
                OCGs=Array(list(groups.values())),
                D=Dictionary(BaseState=Name("/" + self.base_state), ON=on, OFF=off, Order=Array(list(groups.values()))))
        image = pdf.make_stream(b"\x80" * 16, Type=Name.XObject, Subtype=Name.Image, Width=4, Height=4,
                                ColorSpace=Name.DeviceGray, BitsPerComponent=8)
        for p in self.pages:
            ops = list(p.ops)
            for x, top, w, h in p.images:
                ops.append(f"q {w:.2f} 0 0 {h:.2f} {x:.2f} {p.height - top - h:.2f} cm /Im1 Do Q")
            content = pdf.make_stream("\n".join(ops).encode("latin1"))
            page = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, p.width, p.height]),
                              Resources=Dictionary(Font=resources, XObject=Dictionary(Im1=image)),
                              Contents=content)
            if groups:
                page.Resources.Properties = Dictionary({"/" + k: g for k, g in groups.items()})
            pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))
        pdf.save(path, deterministic_id=True)

    def _cff(self, pdf, f: Font):
        """The CIDFontType0 dictionary of a font with an embedded CFF program (FontFile3)."""
        import pikepdf
        from pikepdf import Array, Dictionary, Name

        from tests.app.importers import cffont
        if f.cff == "cid":
            chars = sorted(f.cids, key=f.cids.get)
            data = cffont.cid_font([f.cids[c] for c in chars], ordering=f.ros)
            base, subtype = "FZSSJW--GB1-0", "/CIDFontType0C"
        else:
            data = cffont.named_font([f"uni{ord(c):04X}" for c in sorted(f.cids, key=f.cids.get)])
            base, subtype = "FZBSK--GBK1-0", "/Type1C"
        font_file = pdf.make_stream(data)
        font_file.Subtype = Name(subtype)
        descriptor = pdf.make_indirect(Dictionary(
            Type=Name.FontDescriptor, FontName=Name("/" + base), Flags=4,
            FontBBox=Array([0, -120, 1000, 880]), ItalicAngle=0, Ascent=880, Descent=-120,
            CapHeight=700, StemV=80, FontFile3=font_file))
        return Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType0, BaseFont=Name("/" + base),
            CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String(f.ordering),
                                     Supplement=5 if f.ordering == "GB1" else 0),
            FontDescriptor=descriptor, DW=1000)

    def _type3(self, pdf, f: Font):
        from pikepdf import Array, Dictionary, Name
        procs = Dictionary()
        diffs = Array([1])
        for c, code in f.gid.items():
            # each glyph a box with a notch, its place by code: what a Type3 outline font draws
            procs[Name(f"/g{code}")] = pdf.make_stream(
                f"1000 0 0 0 1000 1000 d1 {code % 7 * 10} 0 800 800 re f".encode())
            diffs.append(Name(f"/g{code}"))
            del c
        return pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.Type3, FontBBox=Array([0, 0, 1000, 1000]),
            FontMatrix=Array([0.001, 0, 0, 0.001, 0, 0]), CharProcs=procs,
            Encoding=Dictionary(Type=Name.Encoding, Differences=diffs),
            FirstChar=1, LastChar=len(f.gid), Widths=Array([1000] * len(f.gid)), Resources=Dictionary()))


def _copies() -> dict[str, str]:
    """Each ideograph that has a copy elsewhere in Unicode → its first copy: a Kangxi radical
    (⼀ for 一) or a CJK compatibility ideograph (年 for 年)."""
    import unicodedata
    out: dict[str, str] = {}
    for code in [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00)]:
        u = unicodedata.normalize("NFKC", chr(code))
        if len(u) == 1 and u != chr(code):
            out.setdefault(u, chr(code))
    return out


_GB1: dict[str, int] = {}


def gb1_cid(ch: str) -> int:
    """The Adobe-GB1 CID of `ch`, from the UniGB-UCS2-H CMap (Adobe's, as pdfminer ships it)."""
    if not _GB1:
        import gzip
        import json

        import pdfminer
        data = json.loads(gzip.decompress((Path(pdfminer.__file__).parent / "cmap" / "UniGB-UCS2-H.json.gz")
                                          .read_bytes()))["CODE2CID"]
        for hi, row in data.items():
            if isinstance(row, dict):
                for lo, cid in row.items():
                    _GB1[chr(int(hi) * 256 + int(lo))] = cid
            else:
                _GB1[chr(int(hi))] = row
    return _GB1[ch]


def _to_unicode(gid: dict[str, int]) -> str:
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted((g, c) for c, g in gid.items())
    for k in range(0, len(items), 100):
        chunk = items[k:k + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{g:04X}> <{''.join(f'{u:04X}' for u in _utf16(c))}>" for g, c in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _utf16(c: str) -> list[int]:
    b = c.encode("utf-16-be")
    return [int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2)]


# ---------------------------------------------------------------------------------------------
# drawing text

BOLD_OFFSETS = [(0.0, 0.0), (0.03, 0.0), (0.0, 0.03), (0.03, 0.03)]


def glyphs(page: Page, font: Font, x: float, top: float, text: str, size: float, *, tz: float = 100.0,
           tc: float = 0.0, bold: int = 1, render: int = 0, shuffle: int | None = None,
           size_in_matrix: bool = True, vertical: bool = False, pitch: float | None = None) -> float:
    """Write `text` one glyph per BT/ET, each placed by Tm, its baseline `top` points below the
    page's top edge. `tc` (points) and `tz` (percent) space the glyphs as a justified line
    does; `bold` draws each glyph that many times a few hundredths of an em apart; `shuffle`
    (a seed) writes the glyphs in a scrambled order; `vertical` stacks them down the page,
    `pitch` apart. Returns where the line ends (x, or the last baseline when vertical)."""
    placed = []
    pos = x if not vertical else top
    for ch in text:
        if vertical:
            placed.append((ch, x, pos))
            pos += pitch or size
        else:
            placed.append((ch, pos, top))
            pos += (font.width(ch) * size + tc) * tz / 100
    order = list(range(len(placed)))
    if shuffle is not None:
        random.Random(shuffle).shuffle(order)
    h = tz / 100
    for k in order:
        ch, gx, gy = placed[k]
        for dx, dy in BOLD_OFFSETS[:bold]:
            ox, oy = gx + dx * size, page.y(gy) + dy * size
            if size_in_matrix:
                m = f"{size * h:.3f} 0 0 {size:.3f} {ox:.3f} {oy:.3f} Tm /{font.name} 1 Tf"
            else:
                m = f"/{font.name} {size:.3f} Tf {tz:.1f} Tz 1 0 0 1 {ox:.3f} {oy:.3f} Tm"
            page.ops.append(f"BT {render} Tr {m} <{font.hexcodes(ch)}> Tj ET")
    return pos


def run(page: Page, font: Font, x: float, top: float, text: str, size: float, *, tz: float = 100.0,
        tc: float = 0.0, render: int = 0, angle: float = 0.0) -> float:
    """Write `text` as one Tj run with character spacing `tc` and horizontal scaling `tz`,
    turned `angle` degrees counter-clockwise about its origin. Returns where it ends (x)."""
    import math
    if angle:
        a = math.radians(angle)
        m = f"{math.cos(a):.5f} {math.sin(a):.5f} {-math.sin(a):.5f} {math.cos(a):.5f} {x:.3f} {page.y(top):.3f} Tm"
    else:
        m = f"1 0 0 1 {x:.3f} {page.y(top):.3f} Tm"
    page.ops.append(f"BT {render} Tr /{font.name} {size:.3f} Tf {tz:.1f} Tz {tc:.4f} Tc {m} "
                    f"<{font.hexcodes(text)}> Tj ET")
    return x + sum((font.width(c) * size + tc) * tz / 100 for c in text)


def vrun(page: Page, font: Font, x: float, top: float, text: str, size: float, *, tc: float = 0.0) -> float:
    """Write `text` down the page as one Tj run in a vertical (Identity-V) font: a column whose
    glyphs' left edge is `x` (each glyph an em wide) and whose first glyph's top is `top` points
    below the page's top edge. The text origin is the first glyph's vertical origin, the top
    of its em box in the middle; `tc` (points) spaces the glyphs further apart down the column
    (written as a negative Tc: in vertical writing Tc is added to the glyph's displacement,
    which points up). Returns where the column ends (its foot, from the top edge)."""
    assert font.vertical
    page.ops.append(f"BT /{font.name} {size:.3f} Tf {-tc:.4f} Tc 1 0 0 1 {x + size / 2:.3f} {page.y(top):.3f} Tm "
                    f"<{font.hexcodes(text)}> Tj ET")
    return top + len(text) * (size + tc)


def justified(font: Font, text: str, size: float, width: float, tz: float = 100.0) -> float:
    """The character spacing that makes `text` fill `width` (how FIT justifies a line)."""
    natural = sum(font.width(c) * size for c in text) * tz / 100
    return (width - natural) / (len(text) - 1) / (tz / 100) if len(text) > 1 else 0.0


_NO_START = set("，。、：；！？）》”’,.:;!?)")


def set_lines(font: Font, paragraphs: list[str], size: float, width: float, indent: int = 2,
              tz: float = 100.0) -> list[tuple[str, bool, bool]]:
    """Break paragraphs into lines of `width` points (no closing mark at a line start):
    (text, first line of its paragraph, last line of its paragraph)."""
    out = []
    for para in paragraphs:
        pos, first = 0, True
        while pos < len(para):
            room = width - (indent * size if first else 0)
            end, used = pos, 0.0
            while end < len(para) and used + font.width(para[end]) * size * tz / 100 <= room + 0.01:
                used += font.width(para[end]) * size * tz / 100
                end += 1
            if end < len(para) and para[end] in _NO_START and end - pos > 2:
                end -= 1
            out.append((para[pos:end], first, end >= len(para)))
            pos, first = end, False
    return out
