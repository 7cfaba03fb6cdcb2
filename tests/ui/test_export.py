"""The export dialog: a PDF (and DOCX) written in a worker thread, progress shown, problems in dialogs."""
from __future__ import annotations

import subprocess

import pytest

pytest.importorskip("galley.app.render.export")


def run_export(qtbot, dlg):
    dlg.start()
    qtbot.waitUntil(lambda: dlg.thread is None, timeout=60000)


def test_export_pdf_and_docx(qtbot, sample_window, tmp_path):
    from galley.ui.export import ExportDialog
    dlg = ExportDialog(sample_window.doc, sample_window)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "page1"))
    dlg.docx.setChecked(True)
    run_export(qtbot, dlg)
    pdf, docx = tmp_path / "page1.pdf", tmp_path / "page1.docx"
    assert pdf.exists() and docx.exists()
    assert dlg.progress.value() == dlg.progress.maximum()
    assert sorted(dlg.written) == sorted([str(pdf), str(docx)])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    headline = sample_window.doc.edition.stories[0].headline
    assert headline.replace(" ", "")[:6] in text.replace(" ", "").replace("\n", "")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "yes" in fonts  # embedded
    import docx as python_docx
    paras = "".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert headline[:6] in paras


def test_export_uses_the_edited_text(qtbot, sample_window, tmp_path):
    from galley.ui.export import ExportDialog
    story = sample_window.doc.edition.stories[0]
    body = story.elements[-1]
    body.text = "临川新区今天举行测试导出专用句子。" + body.text
    dlg = ExportDialog(sample_window.doc, sample_window)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "edited"))
    run_export(qtbot, dlg)
    text = subprocess.run(["pdftotext", str(tmp_path / "edited.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
    from collections import Counter
    before = Counter(sample_window.doc.edition.text()) - Counter("测试导出专用句子")
    # pdftotext interleaves columns, so compare characters: the added ones are all there
    assert all(Counter(text)[ch] >= 1 for ch in "测试导出专用句子")
    assert sum(Counter(text).values()) > sum(before.values()) * 0.5


def test_export_cancel_writes_nothing(qtbot, sample_window, tmp_path):
    from galley.ui.export import ExportDialog
    dlg = ExportDialog(sample_window.doc, sample_window)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "cancelled"))
    dlg.start()
    dlg.cancel()
    qtbot.waitUntil(lambda: dlg.thread is None, timeout=60000)
    assert dlg.worker.cancelled
    assert not (tmp_path / "cancelled.pdf").exists()
    assert dlg.status.text() in ("Cancelled.", "已取消。")


def test_export_problem_is_a_dialog(qtbot, sample_window, tmp_path, dialogs):
    from galley.ui.export import ExportDialog
    dlg = ExportDialog(sample_window.doc, sample_window)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "no" / "such" / "folder" / "x"))
    dlg.start()
    assert dlg.thread is None and dialogs and "does not exist" in dialogs[-1][1]
    # a failure inside the worker (an unwritable target) also ends in a dialog
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "x.pdf").mkdir()  # a folder where the PDF should go
    dlg.path_edit.setText(str(blocker / "x"))
    run_export(qtbot, dlg)
    assert dlg.worker.error is not None
    assert dialogs[-1][0] == "box"
