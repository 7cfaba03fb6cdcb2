"""DOCX import (python-docx): every paragraph in document order, including the text in tables
and text boxes. A paragraph's line breaks become separate blocks, as they do in a text file.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from app.errors import GalleyError
from app.model import RawBlock

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(path: Path) -> list[RawBlock]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - installed with Galley
        raise GalleyError("python-docx is not installed", path) from exc
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
    from app.importers import blocks_from_lines
    return blocks_from_lines(lines)


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
