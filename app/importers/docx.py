"""DOCX import (python-docx): every paragraph in document order, including the text in tables
and text boxes. A paragraph's line breaks become separate blocks, as they do in a text file.

Before python-docx unpacks anything, the ZIP's directory is checked against `app.limits`: a
decompression bomb (a small file whose parts expand to gigabytes) is refused from the sizes
its directory declares, and the ZIP reader never expands a part past its declared size.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from galley.app import limits
from galley.app.errors import GalleyError
from galley.app.model import RawBlock

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(path: Path) -> list[RawBlock]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - installed with Galley
        raise GalleyError("python-docx is not installed", path) from exc
    _check_package(path)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise GalleyError("not a readable DOCX file (damaged or not a Word document)", path) from exc
    except Exception as exc:  # lxml parse errors and the like from a broken package
        raise GalleyError(f"not a readable DOCX file ({type(exc).__name__})", path) from exc
    lines: list[str] = []
    for p in document.element.body.iter(f"{W}p"):
        if _in_fallback(p):
            continue  # the VML copy of a text box already read from its DrawingML twin
        text = "".join(_run_text(p))
        lines.extend(text.split("\n"))
        lines.append("")  # a paragraph end is a block boundary
    from galley.app.importers import blocks_from_lines
    return blocks_from_lines(lines)


_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".jfif")


def _check_package(path: Path) -> None:
    """Refuse a DOCX whose parts would expand past `app.limits` (before anything is unpacked)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        raise GalleyError("not a readable DOCX file (damaged or not a Word document)", path) from exc
    if len(infos) > limits.MAX_DOCX_PARTS:
        raise GalleyError(f"not a readable DOCX file (it holds {len(infos):,} parts)", path)
    xml = sum(i.file_size for i in infos if not i.filename.lower().endswith(_PICTURES))   # parsed as XML
    total = sum(i.file_size for i in infos)
    if xml > limits.MAX_DOCX_XML_BYTES or total > limits.MAX_DOCX_BYTES:
        raise GalleyError(f"the DOCX file is too large when unpacked ({max(xml, total) / 2**20:,.0f} MB of "
                          f"{'text and markup' if xml > limits.MAX_DOCX_XML_BYTES else 'parts'}; Galley takes up "
                          f"to {limits.MAX_DOCX_XML_BYTES // 2**20} MB of markup and "
                          f"{limits.MAX_DOCX_BYTES // 2**20} MB in all)", path)


def _in_fallback(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _run_text(p):
    """Text of paragraph `p` itself, not of paragraphs nested in its text boxes."""
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        owner = el.getparent()
        while owner is not None and owner.tag != f"{W}p":
            owner = owner.getparent()
        if owner is not p:
            continue
        if el.tag == f"{W}t":
            yield el.text or ""
        elif el.tag == f"{W}tab":
            yield "\t"
        else:
            yield "\n"
