"""Build resources/pdf/adobe_gb1.txt: the character each CID of Adobe's Adobe-GB1 ordering stands
for, which the PDF importer reads a CID-keyed font through when the PDF gives no Unicode
(`app/importers/pdf_fonts.py`).

Source: Adobe's CMap resources (github.com/adobe-type-tools/cmap-resources, BSD 3-clause; the
notice is kept in resources/pdf/LICENSE-cmap-resources.txt), the CMap Adobe-GB1-6/CMap/UniGB-UTF32-H
(Unicode → CID), turned round. A CID that several code points map to stands for the one a text
should hold (a unified ideograph before a radical or a compatibility form: `pdf_fonts._rank`).

    python tools/build_cid_unicode.py PATH/TO/cmap-resources     (writes the file, prints its size)

The file is plain text, one run a line: `CID CODE COUNT` in hexadecimal, the COUNT CIDs from
CID standing for the COUNT code points from CODE.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "pdf" / "adobe_gb1.txt"


def cid_to_unicode(cmap_text: str) -> dict[int, int]:
    sys.path.insert(0, str(ROOT))
    from galley.app.importers.pdf_fonts import _rank

    best: dict[int, int] = {}

    def put(code: int, cid: int) -> None:
        if cid not in best or _rank(code) < _rank(best[cid]):
            best[cid] = code

    for block, body in re.findall(r"begincid(char|range)(.*?)endcid\1", cmap_text, re.DOTALL):
        for line in body.strip().splitlines():
            nums = re.findall(r"<([0-9a-fA-F]+)>|(\d+)", line)
            if block == "char":
                (code, _), (_, cid) = nums
                put(int(code, 16), int(cid))
            else:
                (lo, _), (hi, _), (_, cid) = nums
                for k in range(int(hi, 16) - int(lo, 16) + 1):
                    put(int(lo, 16) + k, int(cid) + k)
    return best


def runs(table: dict[int, int]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for cid in sorted(table):
        if out and out[-1][0] + out[-1][2] == cid and out[-1][1] + out[-1][2] == table[cid]:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + 1)
        else:
            out.append((cid, table[cid], 1))
    return out


def main() -> None:
    src = Path(sys.argv[1]) / "Adobe-GB1-6" / "CMap" / "UniGB-UTF32-H"
    table = cid_to_unicode(src.read_text("latin-1"))
    lines = ["# Adobe-GB1 CID -> Unicode, built by tools/build_cid_unicode.py from Adobe's",
             "# cmap-resources (BSD 3-clause, see LICENSE-cmap-resources.txt): CID CODE COUNT, hex"]
    lines += [f"{c:x} {u:x} {n:x}" for c, u, n in runs(table)]
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{OUT}: {len(table)} CIDs, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
