"""Importers: a file on disk → a list of `RawBlock`s (one per line/block, source order).

One module per format behind one function, chosen from a registry by file suffix. Odd
text never fails; only unreadable files raise `GalleyError` naming the file and the problem.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from galley.app import limits
from galley.app.errors import GalleyError
from galley.app.model import RawBlock
from galley.app.text import CLOSE_QUOTES, STOPS

Reader = Callable[[Path], list[RawBlock]]


def _text(path: Path) -> list[RawBlock]:
    from galley.app.importers.text import read_text_file
    return read_text_file(path)


def _docx(path: Path) -> list[RawBlock]:
    from galley.app.importers.docx import read_docx
    return read_docx(path)


def _pdf(path: Path) -> list[RawBlock]:
    from galley.app.importers.pdf import read_pdf
    return read_pdf(path)


READERS: dict[str, Reader] = {".txt": _text, ".text": _text, ".md": _text, "": _text,
                              ".docx": _docx, ".pdf": _pdf}


def read_blocks(path: str | Path) -> list[RawBlock]:
    p = Path(path)
    if not p.exists():
        raise GalleyError("no such file", p)
    if p.is_dir():
        raise GalleyError("is a folder, not a file", p)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        raise GalleyError(f"cannot open {p.suffix} files (Galley reads .txt, .docx, .pdf and .galley)", p)
    try:
        size = p.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise GalleyError(f"the file is too large: {size / 2**20:.1f} MB (Galley reads files of up to "
                              f"{limits.MAX_FILE_BYTES // 2**20} MB)", p)
        return _bounded(reader(p), p)
    except GalleyError:
        raise
    except OSError as exc:
        raise GalleyError(f"cannot read the file: {exc.strerror or exc}", p) from exc
    except RecursionError:
        raise GalleyError("the file is nested too deeply to read", p) from None


def _bounded(blocks: list[RawBlock], path: Path) -> list[RawBlock]:
    """The blocks within `app.limits`, their text free of control characters (any reader)."""
    from galley.app.importers.text import clean_text
    if len(blocks) > limits.MAX_BLOCKS:
        raise GalleyError(f"the file has too many lines: {len(blocks):,} (Galley takes up to "
                          f"{limits.MAX_BLOCKS:,} in one edition; split the file)", path)
    chars = sum(len(b.text) for b in blocks)
    if chars > limits.MAX_EDITION_CHARS:
        raise GalleyError(limits.edition_too_large(chars), path)
    dropped = False
    for b in blocks:
        text = clean_text(b.text)
        if text is not b.text:
            b.text = " ".join(text.split("\n")).strip()
            dropped = dropped or not b.text
    if dropped:
        blocks = [b for b in blocks if b.text]
        for i, b in enumerate(blocks):
            b.index = i
    return blocks


_SENTENCE_END = frozenset(STOPS + "!?" + CLOSE_QUOTES + "」』")     # (a line ending on one ends a sentence, or may)


def _indented(line: str) -> bool:
    """A line set in as a paragraph's first line is: an ideographic space, two spaces or a tab."""
    return line[:1] in ("\u3000", "\t") or line[:2] == "  "


def blocks_from_lines(lines: list[str], start_offsets: list[int] | None = None) -> list[RawBlock]:
    """Lines of text → blocks: each non-empty line a block, remembering blank lines before it.
    A jump line alone on its line (下转第3版, 上接第1版) is typed as the PDF reader types it:
    repair passes over it and never joins it, structure sets it apart from the running text."""
    from galley.app.importers.pdf_roles import is_jump_line
    blocks: list[RawBlock] = []
    blank = True
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            blank = True
            continue
        off = start_offsets[i] if start_offsets else 0
        blocks.append(RawBlock(index=len(blocks), text=s, blank_before=blank, offset=off,
                               role="jump" if is_jump_line(s) else None, indented=_indented(line) or None))
        blank = False
    if not any(not b.indented and not b.blank_before and a.text[-1] not in _SENTENCE_END
               for a, b in pairwise(blocks)):
        # no line goes on, unindented, from a line above that stops mid-sentence: the indents
        # mark no paragraph's first line apart from its other lines (every line set in alike, or
        # a paragraph a line), and tell the repairer nothing
        for b in blocks:
            b.indented = None
    return blocks
