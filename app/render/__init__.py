"""Renderers: paged painters over a `PagedDocument` (pdf.py, png.py) and the flow DOCX writer (docx.py)."""
