"""How much Galley will build from one file: the bounds every reader checks.

An edition is a newspaper's text: a 16-page broadsheet holds about 150,000 characters. The
bounds below are far above any real edition and low enough that importing, checking and
exporting anything inside them stays within a desktop PC's memory and a few tens of seconds
(`bench/bench_limits.py` measures it). Past a bound a reader answers with a `GalleyError`
saying which bound and what to do, never with a hang or an exhausted machine.
"""
from __future__ import annotations

MAX_FILE_BYTES = 64 * 1024 * 1024        # any input file (text, DOCX, PDF, .galley) on disk
MAX_TEXT_BYTES = 16 * 1024 * 1024        # a plain-text edition (about 5 million Han in UTF-8)
MAX_EDITION_CHARS = 1_000_000            # characters in one edition, whatever it was read from
MAX_BLOCKS = 200_000                     # lines / blocks in one edition
MAX_DOCX_XML_BYTES = 32 * 1024 * 1024    # uncompressed XML parts of a DOCX (a decompression bomb)
MAX_DOCX_BYTES = 256 * 1024 * 1024       # every uncompressed part of a DOCX, pictures included
MAX_PROJECT_MEMBER = 64 * 1024 * 1024    # one JSON document inside a .galley
MAX_JSON_DEPTH = 64                      # nesting of JSON objects and lists in a .galley or plan
MAX_PLAN_PAGES = 1000                    # pages a placement plan may name
MAX_PLAN_MODULES = 20_000                # modules in one placement plan
MAX_DOCX_PARTS = 10_000                  # files inside a DOCX


def edition_too_large(chars: int) -> str:
    return (f"the edition is too long: {chars:,} characters (Galley takes up to {MAX_EDITION_CHARS:,} "
            "in one edition; split the file)")
