"""Print PDF: paint a `PagedDocument` with reportlab's low-level canvas, then add the output intent.

A thin painter over app/layout/paged.py (the GUI paints the same items). Print rules:
every font embedded as a subset (reportlab's TrueType subsets; .ttc subfonts chosen in
app.layout.fonts), text 100% K and overprinted, CMYK only (no RGB operator anywhere),
MediaBox/BleedBox/TrimBox with the grid's bleed, optional crop marks, a CMYK newsprint output
intent (written with the document; `add_output_intent` does the same with pikepdf for other PDFs), document info; invariant mode, so the same input gives the same bytes.

Speed: fonts are parsed once per process (app.layout.fonts), each page's text is one text
object, each glyph run one hex string with spacing only where it is needed; the streams
(pages, font subsets, the profile) are Flate-compressed by deflate.py.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TypedDict

from galley.app.fsutil import write_bytes
from galley.app.layout import fonts
from galley.app.layout.paged import Box, PagedDocument, Rule, TextLine
from galley.app.render import deflate
from galley.app.render.cidfont import CidFont

MM = 72 / 25.4
MARK_ZONE = 10 * MM          # room outside the bleed for crop marks
ICC_CANDIDATES = [
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",      # Debian libgs10-common / libgs-common
    "/usr/share/color/icc/ISOnewspaper26v4.icc",
    "/usr/share/color/icc/colord/FOGRA39L_coated.icc",
]
OUTPUT_CONDITION = "Newsprint, ISO 12647-3 (IFRA26)"
NEWSPRINT_ID = "IFRA26"        # the ICC registry's name for the ISO 12647-3 newsprint characterisation
PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"


def _fmt(v: float) -> str:
    return f"{v:.2f}"


def find_cmyk_profile() -> str | None:
    """A CMYK ICC profile for the output intent: GALLEY_ICC_PROFILE, then known system paths."""
    if os.environ.get("GALLEY_ICC_PROFILE"):
        from galley.app.validate import icc_profile_setting  # a set profile must be a real CMYK one
        return icc_profile_setting()
    for p in ICC_CANDIDATES:
        if Path(p).is_file():
            return p
    gs = Path("/usr/share/ghostscript")
    if gs.is_dir():
        for icc in sorted(gs.glob("*/iccprofiles/default_cmyk.icc")):
            return str(icc)
    return None


def profile_description(path: str) -> str:
    """The description tag of an ICC profile ('desc' or 'mluc'), or the file name when unreadable."""
    import struct

    try:
        data = Path(path).read_bytes()
        count = struct.unpack(">I", data[128:132])[0]
        for k in range(count):
            sig, off, size = struct.unpack(">4sII", data[132 + 12 * k:144 + 12 * k])
            if sig != b"desc":
                continue
            tag = data[off:off + size]
            if tag[:4] == b"desc":
                n = struct.unpack(">I", tag[8:12])[0]
                return tag[12:12 + n].rstrip(b"\0").decode("latin-1").strip()
            if tag[:4] == b"mluc":
                n, o = struct.unpack(">II", tag[20:28])
                return tag[o:o + n].decode("utf-16-be").strip()
    except (OSError, struct.error, UnicodeDecodeError):
        pass
    return Path(path).name


class IntentLabels(TypedDict):
    """What an output intent says (see `intent_labels`)."""

    id: str
    condition: str
    registry: str | None       # the registry of a registered condition; None for a custom one
    info: str


def intent_labels(profile: str | None) -> IntentLabels:
    """What the output intent says, true to the profile it embeds.

    A newsprint characterisation (ISOnewspaper26, IFRA26) is named by its registered identifier;
    any other profile is a "Custom" condition named by its own description, with a note that the
    pages were made for newsprint; with no profile, the registered newsprint condition alone.
    """
    if profile is None:
        return {"id": NEWSPRINT_ID, "condition": OUTPUT_CONDITION, "registry": "http://www.color.org",
                "info": OUTPUT_CONDITION}
    desc = profile_description(profile)
    if "newspaper26" in desc.lower().replace(" ", "") or NEWSPRINT_ID.lower() in desc.lower():
        return {"id": NEWSPRINT_ID, "condition": OUTPUT_CONDITION, "registry": "http://www.color.org",
                "info": f"{desc} ({Path(profile).name})"}
    return {"id": "Custom", "condition": desc, "registry": None,
            "info": (f"{desc} ({Path(profile).name}), the CMYK profile found on this system; not a "
                     f"newsprint characterisation. Pages made for {OUTPUT_CONDITION}.")}


class _TextPainter:
    """Glyph runs → PDF text operators over one subset CID font per role (see cidfont.py).

    Characters get their codes once per page (sorted: deterministic); each run is then one hex
    string (`str.translate`), drawn with the character spacing (Tc) most of its gaps share
    and a TJ number only where a glyph is not there (compressed punctuation, Latin words in a
    justified line). The per-glyph arithmetic is one comprehension per run.
    """

    def __init__(self):
        self.cid: dict[str, CidFont] = {}
        self.cur: CidFont | None = None     # the font and size last set with Tf in this text object
        self.cur_size = 0.0
        self.tc = 0.0
        self.stroke = 0.0                   # outline stroke of the text drawn last (0: fill only)

    def _font(self, role: str) -> CidFont:
        cf = self.cid.get(role)
        if cf is None:
            cf = self.cid[role] = CidFont(fonts.font_for(role), f"FG{role}")
        return cf

    def prepare(self, runs_by_role: dict[str, list[str]]) -> None:
        for role, texts in runs_by_role.items():
            cf = self._font(role)
            new = set("".join(texts)).difference(cf.hex)
            if new:
                cf.add(sorted(new))

    def line(self, out: list[str], line: TextLine, x0: float, y: float) -> None:
        tm = f" {y:.2f} Tm"
        cid = self.cid
        for run in line.runs:
            text = run.text
            if not text:
                continue
            cf = cid[run.role]
            size = run.size
            if cf is not self.cur or size != self.cur_size:
                out.append(f"/{cf.resource} {size:.2f} Tf")
                self.cur = cf
                self.cur_size = size
            xs = run.xs
            if run.stroke != self.stroke:
                # fill and stroke (Tr 2) with a thin outline: a light face set heavier
                out.append(f"2 Tr {run.stroke:.2f} w" if run.stroke else "0 Tr")
                self.stroke = run.stroke
            out.append(f"1 0 0 1 {x0 + xs[0]:.2f}{tm}")
            hx = text.translate(cf.trans)
            if len(text) == 1:
                out.append(f"<{hx}> Tj")
                continue
            # nominal advance minus the gap to the next glyph, in text space (1/1000 em)
            k = 1000.0 / size
            adj = [w - k * (b - a) for w, a, b in zip(map(cf.width.__getitem__, text), xs, xs[1:])]
            base = adj[len(adj) // 2]
            if -0.05 < base < 0.05:
                base = 0.0
            tc = round(-base * size / 1000.0, 3)
            if tc != self.tc:
                out.append(f"{tc} Tc")
                self.tc = tc
            lo, hi = base - 0.05, base + 0.05
            if lo <= min(adj) and max(adj) <= hi:
                out.append(f"<{hx}> Tj")
                continue
            parts = []
            start = 0
            for q, v in enumerate(adj):
                if v < lo or v > hi:
                    parts.append(f"<{hx[start:4 * q + 4]}>{v - base:.1f}")
                    start = 4 * q + 4
            parts.append(f"<{hx[start:]}>")
            out.append("[" + "".join(parts) + "] TJ")


def render_pdf(doc: PagedDocument, crop_marks: bool = False, title: str | None = None,
               output_intent: bool = True) -> bytes:
    """The PDF as bytes, with the output intent (a CMYK profile from the system, see find_cmyk_profile)."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    first = doc.pages[0] if doc.pages else None
    extra = (first.bleed + MARK_ZONE) if (first and crop_marks) else (first.bleed if first else 0)
    size = ((first.width + 2 * extra, first.height + 2 * extra) if first else (595, 842))
    from reportlab.pdfbase import pdfmetrics

    initial = fonts.font_for("latin")      # a dynamic (subset) font: no unembedded Helvetica preamble
    if initial.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(initial)
    from reportlab import rl_config

    rl_config.useA85 = 0                   # binary streams: ASCII85 costs time and 25% size
    c = Canvas(buf, pagesize=size, invariant=1, pageCompression=1, initialFontName=initial.fontName)
    c.setTitle(title or doc.title or "Galley edition")
    c.setAuthor("Galley")
    c.setSubject(f"Newspaper pages, layout {doc.grid}")
    c.setCreator("Galley")
    c.setKeywords("print, CMYK, newsprint")
    painter = _TextPainter()
    for page in doc.pages:                 # glyph codes, page by page (deterministic)
        by_role: dict[str, list[str]] = {}
        for item in page.items:
            if isinstance(item, TextLine):
                for run in item.runs:
                    by_role.setdefault(run.role, []).append(run.text)
        painter.prepare(by_role)
    bodies = [_page_body(page, painter, crop_marks) for page in doc.pages]
    profile = find_cmyk_profile() if output_intent else None
    icc = deflate.stream(Path(profile).read_bytes(), 6, {"N": 4}) if profile else None
    for page, body in zip(doc.pages, bodies):
        bleed = page.bleed
        off = bleed + (MARK_ZONE if crop_marks else 0)
        c.setPageSize((page.width + 2 * off, page.height + 2 * off))
        c.setTrimBox((off, off, off + page.width, off + page.height))
        c.setBleedBox((off - bleed, off - bleed, off + page.width + bleed, off + page.height + bleed))
        c.setFillOverprint(True)
        c.setStrokeOverprint(True)
        c.setOverprintMask(1)
        c._code.append(body)
        c.showPage()
        pdf_page = c._doc.Pages.pages[-1]
        pdf_page.Contents = deflate.stream(pdf_page.stream)
    for role in sorted(painter.cid):
        painter.cid[role].add_to_document(c._doc)
    if output_intent:
        _intent_objects(c._doc, profile, icc)
        _pdfx_identification(c._doc, title or doc.title or "Galley edition")
    c.save()
    return buf.getvalue()


def _page_body(page, painter: _TextPainter, crop_marks: bool) -> str:
    """One page's rules, boxes and text (one text object) as content-stream operators."""
    bleed = page.bleed
    off = bleed + (MARK_ZONE if crop_marks else 0)
    top = off + page.height
    code: list[str] = []
    text_ops: list[str] = []
    painter.cur = None
    painter.tc = 0.0
    painter.stroke = 0.0
    for item in page.items:
        if isinstance(item, TextLine):
            painter.line(text_ops, item, off, top - item.y)
            continue
        if isinstance(item, Box):
            stroke = item.stroke if item.stroke_width > 0 else None
            fill = item.fill
            if stroke is None and fill is None:
                continue
            if fill is not None:
                code.append(f"{_fmt(fill.c)} {_fmt(fill.m)} {_fmt(fill.y)} {_fmt(fill.k)} k")
            if stroke is not None:
                code.append(f"{_fmt(stroke.c)} {_fmt(stroke.m)} {_fmt(stroke.y)} {_fmt(stroke.k)} K "
                            f"{_fmt(item.stroke_width)} w")
            op = "B" if (stroke is not None and fill is not None) else ("S" if stroke is not None else "f")
            code.append(f"{_fmt(off + item.x)} {_fmt(top - item.y - item.h)} {_fmt(item.w)} {_fmt(item.h)} re {op}")
        elif isinstance(item, Rule):
            s = item.color
            code.append(f"{_fmt(s.c)} {_fmt(s.m)} {_fmt(s.y)} {_fmt(s.k)} K {_fmt(item.width)} w "
                        f"[{' '.join(_fmt(d) for d in item.dash)}] 0 d "
                        f"{_fmt(off + item.x1)} {_fmt(top - item.y1)} m {_fmt(off + item.x2)} {_fmt(top - item.y2)} l S")
    if text_ops:
        code.append("BT 0 0 0 1 k 0 0 0 1 K 0 Tr")
        code.extend(text_ops)
        code.append("ET")
    if crop_marks:
        _crop_marks(code, off, page.width, page.height, bleed)
    return "\n".join(code)


def _crop_marks(code: list[str], off: float, w: float, h: float, bleed: float) -> None:
    """Trim marks in the zone outside the bleed, 0.25 pt, 100% K (not registration: ink limit)."""
    gap = bleed + 2
    length = MARK_ZONE - 4
    code.append("0 0 0 1 K 0.25 w [] 0 d")
    for x in (off, off + w):
        for y in (off, off + h):
            dy = -1 if y == off else 1
            dx = -1 if x == off else 1
            code.append(f"{_fmt(x)} {_fmt(y + dy * gap)} m {_fmt(x)} {_fmt(y + dy * (gap + length))} l S")
            code.append(f"{_fmt(x + dx * gap)} {_fmt(y)} m {_fmt(x + dx * (gap + length))} {_fmt(y)} l S")


def _intent_objects(doc, profile: str | None, icc) -> None:
    """Put the output intent (GTS_PDFX, labelled as `intent_labels` says) into the catalog."""
    from reportlab.pdfbase import pdfdoc

    lab = intent_labels(profile)
    entries = {"Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFX"),
               "OutputConditionIdentifier": pdfdoc.PDFString(lab["id"]),
               "OutputCondition": pdfdoc.PDFString(lab["condition"]),
               "Info": pdfdoc.PDFString(lab["info"])}
    if lab["registry"]:
        entries["RegistryName"] = pdfdoc.PDFString(lab["registry"])
    if profile:
        entries["DestOutputProfile"] = doc.Reference(icc, "galleyOutputProfile")
    intent = doc.Reference(pdfdoc.PDFDictionary(entries), "galleyOutputIntent")
    cat = doc.Catalog
    cat.__NoDefault__ = [*type(cat).__NoDefault__, "OutputIntents"]
    cat.OutputIntents = pdfdoc.PDFArray([intent])


def _pdfx_identification(doc, title: str) -> None:
    """PDF/X-1a:2001 identification: GTS_PDFXVersion and GTS_PDFXConformance in the document
    information (Trapped False), and the same in XMP metadata in the catalog."""
    from reportlab.pdfbase import pdfdoc

    class PdfxInfo(pdfdoc.PDFInfo):      # the class of doc.info, with the PDF/X keys added
        def format(self, document):
            text = super().format(document)
            extra = (f"/GTS_PDFXConformance ({PDFX_CONFORMANCE}) /GTS_PDFXVersion ({PDFX_VERSION})")
            return text.replace(b">>", f" {extra} >>".encode(), 1) if isinstance(text, bytes) else \
                text.replace(">>", f" {extra} >>", 1)

    info = PdfxInfo()
    info.__dict__.update(doc.info.__dict__)
    for k in ("title", "author", "subject", "creator", "keywords", "producer"):
        setattr(info, k, getattr(doc.info, k))
    info.trapped = "False"
    doc.info = info
    y, mo, d, h, mi, sec = doc._timeStamp.YMDhms
    dh, dm = doc._timeStamp.dhh, doc._timeStamp.dmm
    when = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}{'+' if dh >= 0 else '-'}{abs(dh):02d}:{dm:02d}"

    def esc(t: str) -> str:
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    xmp = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{esc(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{esc(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmp:CreatorTool>{esc(info.creator)}</xmp:CreatorTool>
   <pdf:Producer>{esc(info.producer)}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfx:GTS_PDFXVersion>{PDFX_VERSION}</pdfx:GTS_PDFXVersion>
   <pdfx:GTS_PDFXConformance>{PDFX_CONFORMANCE}</pdfx:GTS_PDFXConformance>
   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    meta = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"),
                                                  "Subtype": pdfdoc.PDFName("XML")}),
                            xmp.encode("utf-8"), filters=[])
    cat = doc.Catalog
    cat.__NoDefault__ = [*cat.__NoDefault__, "Metadata"]
    cat.Metadata = doc.Reference(meta, "galleyMetadata")


def add_output_intent(pdf_bytes: bytes, profile: str | None = None) -> bytes:
    """Add the output intent to an existing PDF with pikepdf (for PDFs made without one)."""
    import pikepdf

    profile = profile or find_cmyk_profile()
    lab = intent_labels(profile)
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
            OutputConditionIdentifier=pikepdf.String(lab["id"]),
            OutputCondition=pikepdf.String(lab["condition"]),
            Info=pikepdf.String(lab["info"]))
        if lab["registry"]:
            intent["/RegistryName"] = pikepdf.String(lab["registry"])
        if profile:
            stream = pikepdf.Stream(pdf, Path(profile).read_bytes())
            stream["/N"] = 4
            intent["/DestOutputProfile"] = pdf.make_indirect(stream)
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue()


def write_pdf(doc: PagedDocument, path: str | os.PathLike, crop_marks: bool = False,
              output_intent: bool = True) -> None:
    write_bytes(path, render_pdf(doc, crop_marks=crop_marks, output_intent=output_intent))
