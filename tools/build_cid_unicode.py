"""Build resources/pdf/adobe_gb1.txt: the character each CID of Adobe's Adobe-GB1 ordering stands
for, which the PDF importer reads a CID-keyed font through when the PDF gives no Unicode
(`app/importers/pdf_fonts.py`).

Source: Adobe's CMap resources (github.com/adobe-type-tools/cmap-resources, BSD 3-clause; the
notice is kept in resources/pdf/LICENSE-cmap-resources.txt), the table Adobe-GB1-6/cid2code.txt:
each CID's code in every CMap of the ordering. A CID stands for its UniGB-UTF32 code points (the
forms for vertical writing, marked v, too: a page in Identity-V writes their CIDs); of several,
the one a text should hold (a unified ideograph before a radical or a compatibility form:
`pdf_fonts._rank`); a CID with none, for the character of its GBK-EUC code.

    python tools/build_cid_unicode.py PATH/TO/cmap-resources     (writes the file, prints its size)

The file is plain text, one run a line: `CID CODE COUNT` in hexadecimal, the COUNT CIDs from
CID standing for the COUNT code points from CODE.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "pdf" / "adobe_gb1.txt"


def cid_to_unicode(cid2code: str) -> dict[int, int]:
    sys.path.insert(0, str(ROOT))
    from galley.app.importers.pdf_fonts import _rank

    rows = [line.split("\t") for line in cid2code.splitlines() if line and not line.startswith("#")]
    head = rows[0]
    utf32, gbk = head.index("UniGB-UTF32"), head.index("GBK-EUC")
    out: dict[int, int] = {}
    for row in rows[1:]:
        cid = int(row[0])
        codes = [int(c.rstrip("v"), 16) for c in row[utf32].split(",") if c != "*"]
        if codes:
            out[cid] = min(codes, key=_rank)
            continue
        for c in row[gbk].split(","):
            if c == "*":
                continue
            try:
                ch = bytes.fromhex(c.rstrip("v")).decode("gbk")
            except (ValueError, UnicodeDecodeError):
                continue
            if len(ch) == 1:
                out[cid] = ord(ch)
                break
    return out


def runs(table: dict[int, int]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for cid in sorted(table):
        if out and out[-1][0] + out[-1][2] == cid and out[-1][1] + out[-1][2] == table[cid]:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + 1)
        else:
            out.append((cid, table[cid], 1))
    return out


def main() -> None:
    src = Path(sys.argv[1]) / "Adobe-GB1-6" / "cid2code.txt"
    table = cid_to_unicode(src.read_text("latin-1"))
    lines = ["# Adobe-GB1 CID -> Unicode, built by tools/build_cid_unicode.py from Adobe's",
             "# cmap-resources (BSD 3-clause, see LICENSE-cmap-resources.txt): CID CODE COUNT, hex"]
    lines += [f"{c:x} {u:x} {n:x}" for c, u, n in runs(table)]
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{OUT}: {len(table)} CIDs, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
