"""`galley export`: outputs, exit codes (0, 3 overset, 2 errors), plans, PNG proofs, progress."""
from __future__ import annotations

import json
import shutil

import pytest

from galley.app.cli import main
from galley.app.layout import load_layout
from galley.app.render.export import iter_export
from tests.app.layout.sample import P, sample_edition

TEXT = "\n\n".join(["青川港一季度吞吐量创新高", *P[:6]]) + "\n"


@pytest.fixture()
def src(tmp_path):
    path = tmp_path / "edition.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_export_writes_pdf_docx_pngs_and_plan(src, tmp_path, capsys):
    pdf, docx_, pngs, plan = tmp_path / "o.pdf", tmp_path / "o.docx", tmp_path / "png", tmp_path / "plan.json"
    rc = main(["export", str(src), "--layout", "tabloid", "--pdf", str(pdf), "--docx", str(docx_),
               "--save-plan", str(plan)] + (["--png", str(pngs)] if shutil.which("pdftoppm") else []))
    assert rc == 0
    assert pdf.read_bytes().startswith(b"%PDF") and docx_.stat().st_size > 1000
    data = json.loads(plan.read_text(encoding="utf-8"))
    assert data["layout"] == "tabloid" and data["modules"]
    if shutil.which("pdftoppm"):
        files = sorted(pngs.glob("page-*.png"))
        assert len(files) == len(data["pages"])
        assert files[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_overset_exits_3_and_names_the_story_unless_allowed(src, tmp_path, capsys):
    plan = {"format": "galley-plan", "version": 1, "layout": "broadsheet", "pages": [{"number": 1, "label": ""}],
            "modules": []}
    out = tmp_path / "o.pdf"
    # find the story id the structure stage gives the text, and give it a tiny module
    from galley.app.pipeline import load_edition
    ed = load_edition(src)
    sid = ed.stories[0].id
    plan["modules"] = [{"story": sid, "page": 1, "column": 0, "columns": 1, "line": 0, "lines": 10}]
    pp = tmp_path / "plan.json"
    pp.write_text(json.dumps(plan), encoding="utf-8")
    capsys.readouterr()
    assert main(["export", str(src), "--plan", str(pp), "--pdf", str(out)]) == 3
    err = capsys.readouterr().err
    assert "overset" in err and sid in err and "characters" in err
    assert out.exists()          # still written, so the overset can be seen
    assert main(["export", str(src), "--plan", str(pp), "--pdf", str(out), "--allow-overset"]) == 0


def test_errors_exit_2(tmp_path, src, capsys):
    assert main(["export", str(tmp_path / "missing.txt"), "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert main(["export", str(src), "--layout", "nope", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "unknown layout" in capsys.readouterr().err
    assert main(["export", str(src)]) == 2


def test_export_job_yields_progress_then_result(tmp_path):
    steps = list(iter_export(sample_edition(), load_layout("a3"), pdf=str(tmp_path / "a.pdf")))
    stages = [s.stage for s in steps]
    assert stages[0] == "layout" and "pdf" in stages and stages[-1] == "done"
    assert steps[-1].result is not None and steps[-1].result.overset == {}
    layout_steps = [s for s in steps if s.stage == "layout"]
    assert layout_steps[-1].done == layout_steps[-1].total


def test_a_character_no_font_has_is_an_error_not_a_blank_box(tmp_path, capsys):
    src = tmp_path / "odd.txt"
    src.write_text("青川港一季度吞吐量创新高\n\n本报讯 港口吞吐量创新高\U0001FAE8。\n", encoding="utf-8")
    assert main(["export", str(src), "--pdf", str(tmp_path / "o.pdf")]) == 2
    assert "U+1FAE8" in capsys.readouterr().err


def test_an_empty_edition_is_an_error_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "empty.txt"
    src.write_text("\n\n", encoding="utf-8")
    out = tmp_path / "e.pdf"
    assert main(["export", str(src), "--pdf", str(out), "--docx", str(tmp_path / "e.docx"), "-q"]) == 2
    assert "nothing to lay out" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "e.docx").exists()


def test_a_failing_output_writes_none_of_the_others(src, tmp_path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    out = tmp_path / "new.pdf"
    assert main(["export", str(src), "--pdf", str(out), "--png", str(a_file), "-q"]) == 2
    assert not out.exists()


def test_png_proofs_of_pages_no_longer_there_are_removed(src, tmp_path):
    folder = tmp_path / "png"
    folder.mkdir()
    (folder / "page-07.png").write_bytes(b"stale")
    assert main(["export", str(src), "--png", str(folder), "-q", "--allow-overset"]) == 0
    assert not (folder / "page-07.png").exists() and (folder / "page-01.png").exists()

def test_a_plan_naming_a_story_the_edition_lacks_is_an_error(src, tmp_path, capsys):
    plan = tmp_path / "plan.json"
    plan.write_text('{"format": "galley-plan", "version": 1, "layout": "broadsheet", "modules": '
                    '[{"story": "s999", "page": 1, "column": 0, "columns": 8, "line": 0, "lines": 40}]}',
                    encoding="utf-8")
    out = tmp_path / "o.pdf"
    assert main(["export", str(src), "--plan", str(plan), "--pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert "s999" in err and str(plan) in err and not out.exists()


def test_a_page_whose_text_runs_out_gets_an_ad_frame_the_export_names(src, tmp_path, capsys):
    # one short story on a broadsheet page: the rest of the page is booked as an ad frame, the PDF
    # draws it with its label, and the export says so on standard error
    pdfplumber = pytest.importorskip("pdfplumber")
    out, plan = tmp_path / "o.pdf", tmp_path / "plan.json"
    assert main(["export", str(src), "--pdf", str(out), "--save-plan", str(plan)]) == 0
    err = capsys.readouterr().err
    assert "warning: the text ends above the foot on 1 page; ad frames fill the rest (page: share of it) 1 (" in err
    # most of the page is ad frame: the export says the page's group is short of text
    assert "warning: more than a third of the page is ad frame on 1 page (1 (" in err and "too little to fill" in err
    ads = [m for m in json.loads(plan.read_text(encoding="utf-8"))["modules"] if m.get("kind") == "ad"]
    g = load_layout("broadsheet")
    assert len(ads) >= 1 and any(m["line"] + m["lines"] == g.lines for m in ads)
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
        assert "广告" in text and f"{ads[0]['columns']}栏" in text
        assert any(r["width"] > 100 and r["height"] > 20 for r in pdf.pages[0].rects)
