"""Benchmark: the resource limits of issue 15. Every file up to 50 MB is imported (or refused)
within 30 s and under 1 GB of memory, measured on the `galley` command as a user runs it.

Inputs are made here from the bundled sample and Galley's own outputs: a 50 MB text file, the
largest text edition Galley accepts (`app.limits.MAX_EDITION_CHARS`, as many short lines and as
long cut paragraphs), a text just under the byte bound, a 50 MB DOCX (a big picture), a DOCX
decompression bomb (1 GB of markup in a 1 MB file), a 50 MB project file and PDFs of 2,000
pages and 50 MB, one paragraph of 950,000 characters and 190,000 one-word lines. Each run is one `python -m app` process; its wall time and peak resident
memory (wait4) are printed, with PASS when it answered (exit 0, 1, 2 or 3; never `internal
error`) within 30 s and 1 GB. Exits 1 if any run failed. `--quick` skips the slowest inputs.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"
MB = 1024 * 1024
TIME_LIMIT, MEMORY_LIMIT = 30.0, 1024 * MB


def measure(argv: list, timeout: float = 120) -> tuple[int, float, int, str]:
    """(exit code, seconds, peak RSS bytes, last stderr line) of `galley ARGV` in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as err:
        t = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "galley", *map(str, argv)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        deadline = t + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - t
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    return code, seconds, usage.ru_maxrss * 1024, (lines[-1] if lines else "")


def make_inputs(d: Path, quick: bool) -> list[tuple[str, Path, list[str]]]:
    from galley.app import limits
    sample = SAMPLE.read_text(encoding="utf-8")
    out: list[tuple[str, Path, list[str]]] = []

    def text_file(name: str, text_bytes_target: int, unit: str) -> Path:
        p = d / name
        data = unit.encode("utf-8")
        with open(p, "wb") as fh:
            for _ in range(text_bytes_target // len(data)):
                fh.write(data)
        return p

    out.append(("text 50 MB", text_file("t50.txt", 50 * MB, sample), ["repair"]))
    out.append(("text 15 MB", text_file("t15.txt", 15 * MB, sample), ["repair"]))
    # the largest edition accepted: just under MAX_EDITION_CHARS characters
    per = len(sample)
    p = d / "tmax.txt"
    p.write_text(sample * int(limits.MAX_EDITION_CHARS * 0.98 // per), encoding="utf-8")
    out.append((f"text {len(p.read_text(encoding='utf-8')):,} chars", p, ["repair", "check", "export"]))
    # long paragraphs cut at every line end: 950 lines of 1,000 characters, each ending mid-clause
    han = "".join(ch for ch in sample if "\u4e00" <= ch <= "\u9fff")
    lines = [(han * 3)[i * 7 % 2000:][:999] + "，" for i in range(950)]
    p = d / "tlong.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.append(("text 950 cut lines × 1,000 chars", p, ["repair", "check"] + ([] if quick else ["export"])))

    p = d / "tpara.txt"
    p.write_text((han * 400)[: int(limits.MAX_EDITION_CHARS * 0.95)] + "\n", encoding="utf-8")
    out.append(("text one paragraph of 950,000 chars", p, ["repair", "check"] + ([] if quick else ["export"])))
    p = d / "tlines.txt"
    p.write_text("\n".join((han * 40)[i * 5:i * 5 + 4] for i in range(int(limits.MAX_BLOCKS * 0.95))) + "\n",
                 encoding="utf-8")
    out.append(("text 190,000 lines of 4 chars", p, ["repair", "check"] + ([] if quick else ["export"])))

    import docx
    doc = docx.Document()
    for para in sample.split("\n\n")[:60]:
        doc.add_paragraph(para.strip())
    base = d / "base.docx"
    doc.save(base)
    big = d / "d50.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/media/image1.png", os.urandom(50 * MB))
    out.append(("docx 50 MB (a picture)", big, ["repair"]))
    bomb = d / "bomb.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != "word/document.xml":
                zout.writestr(info, data)
                continue
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(data[:-20])
                block = b" " * MB
                for _ in range(1024):
                    fh.write(block)
                fh.write(data[-20:])
    out.append((f"docx bomb ({bomb.stat().st_size / MB:.1f} MB → 1 GB)", bomb, ["repair"]))

    # a project file of 50 MB: edition.json stored, padded with a 50 MB source name
    proj = d / "p50.galley"
    edition = {"source": "x" * (50 * MB), "script": "simplified", "blocks": [], "stories": [], "fixes": []}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("manifest.json", json.dumps({"format": "galley", "version": 1}))
        z.writestr("edition.json", json.dumps(edition))
    proj.write_bytes(buf.getvalue())
    out.append(("galley 50 MB", proj, ["repair"]))

    from reportlab.pdfgen import canvas
    pdf = d / "p2000.pdf"
    c = canvas.Canvas(str(pdf))
    for i in range(2000):
        c.drawString(72, 720, f"Linchuan Evening News, page {i + 1}: the new bridge opens today.")
        c.showPage()
    c.save()
    out.append(("pdf 2,000 pages", pdf, ["repair"]))
    import pikepdf
    big_pdf = d / "p50.pdf"
    with pikepdf.open(pdf) as src:          # the 2,000 pages and a 50 MB picture on the first
        stream = src.make_stream(os.urandom(50 * MB))
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stream.Width, stream.Height, stream.BitsPerComponent = 5000, 3495, 8
        stream.ColorSpace = pikepdf.Name.DeviceRGB
        page = src.pages[0]
        page.Resources.XObject = pikepdf.Dictionary(Im0=stream)
        src.save(big_pdf)
    out.append((f"pdf {big_pdf.stat().st_size / MB:.0f} MB (2,000 pages, a picture)", big_pdf, ["repair"]))
    return out


def main() -> int:
    quick = "--quick" in sys.argv
    if "--make" in sys.argv:     # the inputs are made in a process of their own: a child forked from
        d = Path(sys.argv[sys.argv.index("--make") + 1])        # a big parent would count its memory
        (d / "inputs.json").write_text(json.dumps([(lbl, str(p), cmds) for lbl, p, cmds in make_inputs(d, quick)]))
        return 0
    failed = 0
    with tempfile.TemporaryDirectory(prefix="galley-limits-") as tmp:
        d = Path(tmp)
        subprocess.run([sys.executable, __file__, "--make", str(d)] + (["--quick"] if quick else []), check=True)
        print(f"bench_limits: every input answered within {TIME_LIMIT:.0f} s and {MEMORY_LIMIT // MB} MB")
        for label, path, commands in json.loads((d / "inputs.json").read_text()):
            for command in commands:
                argv = [command, path]
                if command == "export":
                    argv = ["export", "-q", path, "--pdf", d / "out.pdf", "--allow-overset"]
                code, seconds, rss, last = measure(argv)
                ok = (code in (0, 1, 2, 3) and "internal error" not in last and seconds <= TIME_LIMIT
                      and rss <= MEMORY_LIMIT)
                failed += not ok
                answer = "ok" if code in (0, 1, 3) else last.replace("galley: error: ", "")[:90]
                print(f"  {'PASS' if ok else 'FAIL'}  {label:<36} {command:<9} {seconds:6.2f} s {rss / MB:7.0f} MB"
                      f"  exit {code}: {answer}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
