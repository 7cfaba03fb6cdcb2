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

from app.errors import GalleyError
from app.fsutil import write_bytes
from app.layout.paged import PagedDocument


def _name(i: int, n: int) -> str:
    return f"page-{i:0{max(2, len(str(n)))}d}.png"


def pdf_to_pngs(pdf_bytes: bytes, folder: str | os.PathLike, dpi: int = 100) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.pdf"
            src.write_bytes(pdf_bytes)
            r = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(src), str(Path(tmp) / "p")],
                               capture_output=True, text=True, check=False)
            if r.returncode != 0:
                raise GalleyError(f"pdftoppm failed: {r.stderr.strip()[:200]}", str(out))
            files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
            for i, f in enumerate(files, 1):
                dst = out / _name(i, len(files))
                write_bytes(dst, f.read_bytes())
                written.append(dst)
        return written
    try:
        import io

        import pypdfium2 as pdfium
    except ImportError:
        raise GalleyError("PNG proofs need pdftoppm (apt-get install poppler-utils) or pypdfium2") from None
    pdf = pdfium.PdfDocument(pdf_bytes)
    n = len(pdf)
    for i in range(n):
        img = pdf[i].render(scale=dpi / 72).to_pil()
        buf = io.BytesIO()
        img.save(buf, "PNG")
        dst = out / _name(i + 1, n)
        write_bytes(dst, buf.getvalue())
        written.append(dst)
    return written


def write_pngs(doc: PagedDocument, folder: str | os.PathLike, dpi: int = 100, pdf_bytes: bytes | None = None,
               crop_marks: bool = False) -> list[Path]:
    if pdf_bytes is None:
        from app.render.pdf import render_pdf
        pdf_bytes = render_pdf(doc, crop_marks=crop_marks)
    return pdf_to_pngs(pdf_bytes, folder, dpi)
