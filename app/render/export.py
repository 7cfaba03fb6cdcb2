"""Export as a long job: layout, then PDF, DOCX and PNG proofs, yielding progress.

The CLI (`galley export`) prints the steps; the GUI runs the same generator in a worker thread
with a progress bar and can stop between steps. The final item carries the `ExportResult`.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from galley.app.layout import iter_layout
from galley.app.layout.grid import Grid
from galley.app.layout.paged import PagedDocument
from galley.app.layout.plan import Plan


@dataclass
class Progress:
    stage: str                 # "layout" | "pdf" | "docx" | "png" | "done"
    done: int
    total: int
    message: str = ""
    result: ExportResult | None = None


@dataclass
class ExportResult:
    document: PagedDocument
    written: list[Path] = field(default_factory=list)

    @property
    def overset(self) -> dict[str, int]:
        return self.document.overset


def iter_export(edition, grid: Grid, plan: Plan | None = None, pdf: str | None = None, docx: str | None = None,
                png: str | None = None, crop_marks: bool = False, output_intent: bool = True
                ) -> Iterator[Progress]:
    """Lay out, render every output in memory, then write them all: a render that fails writes nothing."""
    if png:
        from galley.app.render.png import check_folder
        check_folder(png)
    doc = None
    for done, total, doc in iter_layout(edition, grid, plan):
        yield Progress("layout", done, total, f"page {done}/{total}")
    assert doc is not None      # iter_layout's last step carries the document
    result = ExportResult(doc)
    pdf_bytes: bytes | None = None
    docx_bytes: bytes | None = None
    pages: list[bytes] = []
    if pdf or png:
        from galley.app.render.pdf import render_pdf
        yield Progress("pdf", 0, 1, "PDF")
        pdf_bytes = render_pdf(doc, crop_marks=crop_marks, output_intent=output_intent)
        yield Progress("pdf", 1, 1, str(pdf or ""))
    if docx:
        from galley.app.render.docx import render_docx
        yield Progress("docx", 0, 1, "DOCX")
        docx_bytes = render_docx(edition, grid, doc)
        yield Progress("docx", 1, 1, str(docx))
    if png:
        from galley.app.render.png import render_pngs
        yield Progress("png", 0, 1, "PNG")
        assert pdf_bytes is not None    # rendered above for PNG too
        pages = render_pngs(pdf_bytes)
        yield Progress("png", 1, 1, str(png))
    from galley.app.fsutil import write_bytes
    if pdf:
        assert pdf_bytes is not None
        write_bytes(pdf, pdf_bytes)
        result.written.append(Path(pdf))
    if docx:
        assert docx_bytes is not None
        write_bytes(docx, docx_bytes)
        result.written.append(Path(docx))
    if png:
        from galley.app.render.png import write_png_files
        result.written.extend(write_png_files(pages, png))
    yield Progress("done", 1, 1, "", result)
