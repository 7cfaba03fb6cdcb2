"""PNG proofs: one image per page, rasterised from the print PDF (so the proof is the print).

Uses poppler's `pdftoppm` when installed (Debian package poppler-utils), else pypdfium2 (a
dependency of pdfplumber). Files are named page-01.png, page-02.png, … in the folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from galley.app.errors import GalleyError
from galley.app.fsutil import write_bytes
from galley.app.layout.paged import PagedDocument


def _name(i: int, n: int) -> str:
    return f"page-{i:0{max(2, len(str(n)))}d}.png"


def render_pngs(pdf_bytes: bytes, dpi: int = 100) -> list[bytes]:
    """The PNG image of each page of the PDF, in memory."""
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.pdf"
            src.write_bytes(pdf_bytes)
            r = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(src), str(Path(tmp) / "p")],
                               capture_output=True, text=True, check=False)
            if r.returncode != 0:
                raise GalleyError(f"pdftoppm failed: {r.stderr.strip()[:200]}")
            files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
            return [f.read_bytes() for f in files]
    try:
        import io

        import pypdfium2 as pdfium
    except ImportError:
        raise GalleyError("PNG proofs need pdftoppm (apt-get install poppler-utils) or pypdfium2") from None
    pdf = pdfium.PdfDocument(pdf_bytes)
    pages = []
    for i in range(len(pdf)):
        buf = io.BytesIO()
        pdf[i].render(scale=dpi / 72).to_pil().save(buf, "PNG")
        pages.append(buf.getvalue())
    return pages


def check_folder(folder: str | os.PathLike) -> Path:
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise GalleyError("cannot write PNG proofs here: it is a file, not a folder", str(out))
    return out


def write_png_files(pages: list[bytes], folder: str | os.PathLike) -> list[Path]:
    """Write page-01.png … into the folder; proofs of pages the edition no longer has are removed."""
    out = check_folder(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GalleyError(f"cannot create the folder: {exc.strerror}", str(out)) from exc
    written = []
    for i, data in enumerate(pages, 1):
        dst = out / _name(i, len(pages))
        write_bytes(dst, data)
        written.append(dst)
    keep = {p.name for p in written}
    for old in out.glob("page-*.png"):
        if old.name not in keep and old.stem[5:].isdigit():
            old.unlink(missing_ok=True)         # a stale proof must not pass for a current page
    return written


def pdf_to_pngs(pdf_bytes: bytes, folder: str | os.PathLike, dpi: int = 100) -> list[Path]:
    return write_png_files(render_pngs(pdf_bytes, dpi), folder)


def write_pngs(doc: PagedDocument, folder: str | os.PathLike, dpi: int = 100, pdf_bytes: bytes | None = None,
               crop_marks: bool = False) -> list[Path]:
    if pdf_bytes is None:
        from galley.app.render.pdf import render_pdf
        pdf_bytes = render_pdf(doc, crop_marks=crop_marks)
    return pdf_to_pngs(pdf_bytes, folder, dpi)
