"""Benchmark: PDF import (app/importers/pdf.py) of Galley's own broadsheet pages.

Lays ../shared/data/bench/edition16.txt out on the broadsheet with Galley's exporter, writes
the print PDF, then times `read_pdf` on its first 16 pages and on all of them (median of 3),
split into reading the glyphs and rebuilding the paragraphs. It also prints how many of the
edition's elements come back whole (whitespace ignored) through `galley repair`'s pipeline.
Target: a 16-page PDF imports in a few seconds.

Reads ../shared/data/bench/edition16.txt (skips with a message when absent). Always exits 0.
"""
from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITION16 = ROOT.parent / "shared" / "data" / "bench" / "edition16.txt"
sys.path.insert(0, str(ROOT))


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def main() -> int:
    if not EDITION16.is_file():
        print(f"bench_pdf_import: {EDITION16} not found, skipped")
        return 0
    import pikepdf

    from app.importers import pdf as pdfimport
    from app.layout import layout_edition
    from app.pipeline import build_edition, load_edition
    from app.render.pdf import write_pdf

    edition = load_edition(EDITION16)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "edition16.pdf"
        write_pdf(layout_edition(edition, "broadsheet"), full)
        first16 = Path(tmp) / "first16.pdf"
        with pikepdf.open(full) as doc:
            n_pages = len(doc.pages)
            del doc.pages[16:]
            doc.save(first16)
        for label, path in (("16 pages", first16), (f"all {n_pages} pages", full)):
            glyph_times, total_times = [], []
            for _ in range(3):
                t0 = time.perf_counter()
                pages = pdfimport._read_glyphs(path)
                t1 = time.perf_counter()
                blocks = pdfimport.read_pdf(path)
                t2 = time.perf_counter()
                glyph_times.append(t1 - t0)
                total_times.append(t2 - t1)
            chars = sum(len(p.glyphs) for p in pages)
            total = statistics.median(total_times)
            print(f"pdf import, broadsheet, {label}: {chars} characters, {len(blocks)} blocks, "
                  f"{total:.2f} s (glyphs {statistics.median(glyph_times):.2f} s), "
                  f"{chars / total:,.0f} characters/s")
        want = [_nows(el.text) for _, _, el in edition.elements()]
        got = {_nows(el.text) for _, _, el in build_edition(blocks).elements()}
        whole = sum(1 for w in want if w in got)
        print(f"pdf round trip, edition16 on the broadsheet: {whole} of {len(want)} elements come back whole "
              f"({100 * whole / len(want):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
