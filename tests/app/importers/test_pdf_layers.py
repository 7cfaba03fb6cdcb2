"""PDF import of pages with layers (optional content: app/importers/pdf_layers.py).

Text in a layer that is off when the file opens is not printed, so it is not read: a notes
layer over the columns, an English headline set over the Chinese one in a layer that is off,
a membership of layers (/OCMD). Text in a layer that is on is read as any other. The pages are
written by `fitpdf` (our own invented news of the fictional city of 澜州).
"""
from __future__ import annotations

import logging
import re
import sys
from collections import Counter

import pikepdf

from galley.app.importers.pdf import read_pdf
from tests.app.importers import fitpdf as F
from tests.app.importers.test_pdf_fit import BODY

HEADLINE = "澜州港开通新加坡航线"
OTHER = "LANZHOU PORT OPENS ROUTE"            # the same headline in a layer that is off
NOTE = "待核：航班数字请与港务集团再确认"          # an editor's note layer, off
CREDIT = "澜州日报记者孟子涵摄影报道"               # in a layer that is on


def _chars(texts: list[str]) -> Counter:
    return Counter(re.sub(r"\s+", "", "".join(texts)))


SHOWN = [HEADLINE, *BODY[:3], CREDIT]


def _page(path, *, base_state: str = "ON") -> None:
    """A headline over two justified columns; the English headline, in a layer that is off, set
    over the Chinese one; an editor's note, off, over the first column's lines; a credit line in
    a layer that is on (listed ON, as a file whose layers start off lists the ones shown)."""
    w = F.Writer(HEADLINE + OTHER + NOTE + CREDIT + "".join(BODY[:3]))
    font = w.font()
    english = w.layer("English", on=False)
    notes = w.layer("批注", on=False)
    credit = w.layer("图片说明", on=True)
    w.base_state = base_state
    page = w.page(320, 420)
    F.run(page, font, 30, 50, HEADLINE, 20)
    page.ops.append(f"/OC /{english} BDC")
    F.run(page, font, 30, 50, OTHER, 20)
    page.ops.append("EMC")
    lines = F.set_lines(font, BODY[:3], 9, 120)
    half = (len(lines) + 1) // 2
    for k, (text, first, last) in enumerate(lines):
        x, top = (30, 90 + 13.5 * k) if k < half else (170, 90 + 13.5 * (k - half))
        indent = 18 if first else 0
        tc = 0.0 if last else F.justified(font, text, 9, 120 - indent)
        F.run(page, font, x + indent, top, text, 9, tc=tc)
    # the note, nested in a marked span of its own, over the first column
    page.ops.append(f"/OC /{notes} BDC /Span <</Lang (zh-CN)>> BDC")
    F.glyphs(page, font, 40, 100, NOTE, 9, tc=0.4)
    page.ops.append("EMC EMC")
    page.ops.append(f"/OC /{credit} BDC")
    F.run(page, font, 30, 400, CREDIT, 8)
    page.ops.append("EMC")
    w.save(path)


def test_text_in_a_layer_that_is_off_is_not_read(tmp_path, reader, caplog):
    pdf = tmp_path / "layers.pdf"
    _page(pdf)
    with caplog.at_level(logging.WARNING):
        texts = [b.text for b in read_pdf(pdf)]
    assert _chars(texts) == _chars(SHOWN)          # nothing of the hidden layers, one by one
    assert texts[0] == HEADLINE
    assert [t for t in texts if t in BODY] == BODY[:3]
    assert CREDIT in texts
    assert any("layers that are off" in r.getMessage() and "English" in r.getMessage() and "批注" in r.getMessage()
               for r in caplog.records)


def test_layers_that_start_off_but_one(tmp_path, reader):
    """/BaseState /OFF: every layer is off but those listed ON."""
    pdf = tmp_path / "layers.pdf"
    _page(pdf, base_state="OFF")
    texts = [b.text for b in read_pdf(pdf)]
    assert CREDIT in texts and _chars(texts) == _chars(SHOWN)


def test_a_membership_of_layers_that_is_off(tmp_path, reader):
    """Content marked with an /OCMD: visible when any of its layers is on (/AnyOn), so hidden
    here, where both are off."""
    pdf = tmp_path / "layers.pdf"
    _page(pdf)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        groups = list(doc.Root.OCProperties.OCGs)[:2]
        props = doc.pages[0].Resources.Properties
        props.L1 = doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=pikepdf.Array(groups)))
        doc.save(pdf)
    assert _chars([b.text for b in read_pdf(pdf)]) == _chars(SHOWN)


def test_a_file_with_layers_all_on_reads_as_it_stands(tmp_path, reader):
    pdf = tmp_path / "layers.pdf"
    _page(pdf)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        doc.Root.OCProperties.D.OFF = pikepdf.Array()
        doc.save(pdf)
    assert _chars([b.text for b in read_pdf(pdf)]) == _chars([*SHOWN, OTHER, NOTE])


def test_without_pikepdf_the_layers_are_read_and_the_log_says_so(tmp_path, monkeypatch, caplog):
    pdf = tmp_path / "layers.pdf"
    _page(pdf)
    monkeypatch.setitem(sys.modules, "pikepdf", None)
    with caplog.at_level(logging.WARNING):
        texts = [b.text for b in read_pdf(pdf)]
    assert _chars(texts) == _chars([*SHOWN, OTHER, NOTE])
    assert any("without pikepdf" in r.getMessage() for r in caplog.records)
