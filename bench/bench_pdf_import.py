"""Benchmark: PDF import (app/importers/pdf.py) of Galley's own broadsheet pages.

Lays ../shared/data/bench/edition16.txt out on the broadsheet with Galley's exporter, writes
the print PDF, then times `read_pdf` on its first 16 pages and on all of them (median of 3),
split into reading the glyphs and rebuilding the paragraphs. It also prints how many of the
edition's elements come back whole (whitespace ignored) through `galley repair`'s pipeline.
Then times 16 pages of the test corpus (pages set by Typst and LibreOffice) and scores each
corpus page against its truth (characters lost/added, sentences whole and in order, mixed
blocks, typing). Target: 16 broadsheet pages import in under 2 s.

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

    from galley.app.importers import pdf as pdfimport
    from galley.app.layout import layout_edition
    from galley.app.pipeline import build_edition, load_edition
    from galley.app.render.pdf import write_pdf

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
            glyph_times, total_times, cpu_times = [], [], []
            for _ in range(3):
                t0 = time.perf_counter()
                pages = pdfimport._read_glyphs(path)
                t1 = time.perf_counter()
                c1 = time.process_time()
                blocks = pdfimport.read_pdf(path)
                t2 = time.perf_counter()
                cpu_times.append(time.process_time() - c1)
                glyph_times.append(t1 - t0)
                total_times.append(t2 - t1)
            chars = sum(len(p.glyphs) for p in pages)
            total = statistics.median(total_times)
            print(f"pdf import, broadsheet, {label}: {chars} characters, {len(blocks)} blocks, "
                  f"{total:.2f} s (processor {min(cpu_times):.2f} s; glyphs {statistics.median(glyph_times):.2f} s), "
                  f"{chars / total:,.0f} characters/s")
        want = [_nows(el.text) for _, _, el in edition.elements()]
        got = {_nows(el.text) for _, _, el in build_edition(blocks).elements()}
        whole = sum(1 for w in want if w in got)
        print(f"pdf round trip, edition16 on the broadsheet: {whole} of {len(want)} elements come back whole "
              f"({100 * whole / len(want):.1f}%)")
        layout_text(edition, full)
    corpus()
    return 0


def corpus() -> None:
    """Pages other software set (tests/fixtures/pdf_corpus: Typst and LibreOffice): 16 of them in
    one file, timed, and each page scored against its truth."""
    import pikepdf

    from galley.app.importers import pdf as pdfimport
    from tests.app.importers.pdf_score import CORPUS, score

    pages = sorted(CORPUS.glob("*.pdf"))
    if not pages:
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = pikepdf.Pdf.new()
        k = 0
        while len(out.pages) < 16:
            with pikepdf.open(pages[k % len(pages)]) as src:
                out.pages.extend(src.pages[: 16 - len(out.pages)])
                path = Path(tmp) / "corpus16.pdf"
                out.save(path)
            k += 1
        walls, cpus = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            blocks = pdfimport.read_pdf(path)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        print(f"pdf import, the corpus's first 16 pages: {len(blocks)} blocks, "
              f"{statistics.median(walls):.2f} s (processor {min(cpus):.2f} s)")
    for p in pages:
        print("  " + score(p).line(p.stem))
    pdftotext_layout(pages)


def layout_text(edition, pdf: Path) -> None:
    """The same pages through `pdftotext -layout` and read as plain text (columns side by side:
    app/importers/columns.py): how many body paragraphs come back whole."""
    import shutil
    import subprocess

    from galley.app.importers.text import read_text
    from galley.app.model import Kind
    from galley.app.pipeline import build_edition

    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=False).stdout
    body = [_nows(el.text) for _, _, el in edition.elements() if el.kind == Kind.BODY]
    got = {_nows(el.text) for _, _, el in build_edition(read_text(text)).elements()}
    print(f"pdftotext -layout of those pages, read as plain text: {sum(b in got for b in body)} of {len(body)} "
          "body paragraphs whole")


def pdftotext_layout(pages: list[Path]) -> None:
    """The corpus pages' text as `pdftotext -layout` writes it (columns side by side), read as a
    plain text (app/importers/columns.py) and repaired, and as pdftotext writes it without
    -layout: body paragraphs whole, characters lost and added. The pages tb_*, sc_* and front_* were looked at while the reader was written; the
    others were not (vt_*: vertical pages, which pdftotext writes a character a line)."""
    import json
    import shutil
    import subprocess
    from collections import Counter

    from galley.app.importers.text import read_text
    from galley.app.pipeline import build_edition

    if shutil.which("pdftotext") is None:
        print("pdftotext -layout of the corpus: skipped (no pdftotext)")
        return
    for flags in (["-layout"], []):
        tally = {"tuned on": [0, 0], "not looked at": [0, 0]}
        lost = added = 0
        for p in pages:
            truth = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
            body = [_nows(e["text"]) for pg in truth["pages"] for st in pg.get("stories", [])
                    for e in st if e.get("kind") == "body"]
            text = subprocess.run(["pdftotext", *flags, str(p), "-"], capture_output=True, text=True,
                                  check=False).stdout
            out = [_nows(el.text) for _, _, el in build_edition(read_text(text), dehyphenate=False).elements()]
            have = set(out)
            t = tally["tuned on" if p.stem.startswith(("tb_", "sc_", "front_")) else "not looked at"]
            t[0] += sum(b in have for b in body)
            t[1] += len(body)
            a, b = Counter(_nows(text)), Counter("".join(out))
            lost += sum((a - b).values())
            added += sum((b - a).values())
        # (without -layout pdftotext writes a multi-column page's rows across its columns, one
        # line of each in turn, or a story's column pieces one after another: read as wrapped text)
        print(f"pdftotext {' '.join(flags) or '(no -layout)'} of the corpus, read as plain text: body paragraphs whole "
              + ", ".join(f"{k} {v[0]} of {v[1]}" for k, v in tally.items())
              + f"; characters lost {lost}, added {added}")


if __name__ == "__main__":
    sys.exit(main())
