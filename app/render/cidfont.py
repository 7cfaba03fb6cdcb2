"""Embed a TrueType font as ONE subset CID font (Type0, Identity-H) in a reportlab document.

reportlab's own TrueType embedding splits a font into 256-glyph simple fonts; a Chinese page
uses thousands of characters, so nearly every glyph would switch font. Here each font role is
one Type0 font whose 2-byte codes are the glyph ids of a subset built with reportlab's own
`TTFontFile.makeSubset` (so the subset is real TrueType, glyph i+1 = the i-th character used):
one `Tf` per role and size, one hex string per run. ToUnicode maps codes back to text, so the
PDF reads back (pdftotext, pdfplumber, copy and paste).
"""
from __future__ import annotations

import hashlib


class CidFont:
    """The characters one role uses in one document, and their glyph ids in the subset."""

    def __init__(self, ttfont, resource_name: str):
        self.font = ttfont
        self.face = ttfont.face
        self.resource = resource_name          # e.g. "FGsong"
        self.subset: list[int] = []            # code points in order of first use
        self.gid_of_glyph: dict[int, int] = {0: 0}
        self.hex: dict[str, str] = {}          # char -> 4 hex digits (the CID = subset glyph id)
        self.trans: dict[int, str] = {}        # the same keyed by code point, for str.translate
        self.width: dict[str, float] = {}      # char -> advance in the W array (1/1000 em)
        self.to_unicode: dict[int, int] = {}   # gid -> code point (first char seen for a glyph)

    def add(self, chars) -> None:
        """Give codes to characters not seen before (call in a deterministic order)."""
        c2g = self.face.charToGlyph
        cw, dw = self.face.charWidths, self.face.defaultWidth
        for ch in chars:
            if ch in self.hex:
                continue
            code = 32 if ch == "\u00a0" else ord(ch)
            self.subset.append(code)
            orig = c2g.get(code, 0)
            gid = self.gid_of_glyph.get(orig)
            if gid is None:
                gid = self.gid_of_glyph[orig] = len(self.gid_of_glyph)
                self.to_unicode[gid] = code
            self.hex[ch] = self.trans[ord(ch)] = f"{gid:04x}"
            self.width[ch] = round(cw.get(self.to_unicode[gid], dw) if gid else dw, 3)   # as in the W array

    def _tag(self) -> str:
        digest = hashlib.sha1(",".join(map(str, self.subset)).encode()).digest()
        return "".join(chr(65 + b % 26) for b in digest[:6])

    def subset_file(self) -> bytes:
        """The subset TrueType font file (reportlab's `makeSubset`)."""
        return self.face.makeSubset(self.subset) if self.subset else self.face.makeSubset([32])

    def add_to_document(self, doc) -> None:
        """Add the font objects and register the resource name in the document's font dictionary."""
        from reportlab.pdfbase import pdfdoc

        from galley.app.render import deflate

        face = self.face
        base = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
        name = f"{self._tag()}+{base}"
        data = self.subset_file()
        # level 1: the font files are large and compress nearly as well
        ff_ref = doc.Reference(deflate.stream(data, 1, {"Length1": len(data)}), f"cidFontFile:{self.resource}")
        flags = (face.flags & ~(1 << 5)) | (1 << 2)          # symbolic, as for any subset TrueType
        descriptor = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("FontDescriptor"), "FontName": pdfdoc.PDFName(name),
            "Ascent": face.ascent, "Descent": face.descent, "CapHeight": face.capHeight,
            "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox), "ItalicAngle": face.italicAngle,
            "StemV": face.stemV, "FontFile2": ff_ref, "MissingWidth": face.defaultWidth,
        })
        fd_ref = doc.Reference(descriptor, f"cidFontDescriptor:{self.resource}")
        cw, dw = face.charWidths, face.defaultWidth
        widths = [0] * (len(self.gid_of_glyph))
        for gid, code in self.to_unicode.items():
            widths[gid] = round(cw.get(code, dw), 3)
        widths[0] = round(dw, 3)
        w_array = pdfdoc.PDFArray([0, pdfdoc.PDFArray(widths)])
        cid = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(name), "FontDescriptor": fd_ref, "DW": round(dw, 3), "W": w_array,
            "CIDToGIDMap": pdfdoc.PDFName("Identity"),
            "CIDSystemInfo": pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"),
                                                   "Ordering": pdfdoc.PDFString("Identity"),
                                                   "Supplement": 0}),
        })
        cid_ref = doc.Reference(cid, f"cidFont:{self.resource}")
        tu = deflate.stream(self._to_unicode_cmap(name).encode("ascii"))
        tu_ref = doc.Reference(tu, f"cidToUnicode:{self.resource}")
        type0 = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(name), "Encoding": pdfdoc.PDFName("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([cid_ref]), "ToUnicode": tu_ref,
        })
        doc.idToObject["BasicFonts"].dict[self.resource] = doc.Reference(type0, self.resource)

    def _to_unicode_cmap(self, name: str) -> str:
        entries = sorted(self.to_unicode.items())
        out = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
               "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
               f"/CMapName /{name.replace('+', '-')}-UCS def", "/CMapType 2 def",
               "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for i in range(0, len(entries), 100):
            chunk = entries[i:i + 100]
            out.append(f"{len(chunk)} beginbfchar")
            for gid, code in chunk:
                out.append(f"<{gid:04x}> <{chr(code).encode('utf-16-be').hex()}>")
            out.append("endbfchar")
        out += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(out)
