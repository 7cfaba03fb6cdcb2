"""`galley repair IN [-o OUT]`: the repaired edition, one block a line, blank-line separated."""
from __future__ import annotations

import sys

from galley.app.fsutil import write_text
from galley.app.pipeline import load_edition


def add_parser(sub):
    p = sub.add_parser("repair", help="join split lines, move sidebars and captions out; print the text")
    p.add_argument("input", metavar="IN")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    return p


def run(args) -> int:
    edition = load_edition(args.input, dehyphenate=False)   # the contract: only whitespace changes
    text = edition.text()
    if args.output:
        write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
