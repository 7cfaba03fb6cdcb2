"""`galley check` and `galley fix` on an invented edition."""
from __future__ import annotations

import json

from galley.app.cli import main
from galley.app.pipeline import load_edition

TEXT = "青川日报\n\n青川新区建设提速\n\n今年以来,青川新区按步就班推进建设。\n\n二零二五年，新区投资增长。\n"
CLEAN = "青川日报\n\n青川新区建设提速\n\n今年以来，青川新区按部就班推进建设。\n"


def _write(tmp_path, text, name="in.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_check_text_report_and_exit_code(tmp_path, capsys):
    p = _write(tmp_path, TEXT)
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    assert "punct.halfwidth" in out and "words.confusable" in out
    assert "【,】" in out and "按部就班" in out
    assert "per 10,000 characters" in out.strip().splitlines()[-1] or "per 10,000" in out


def test_check_json_offsets_match_repair_output(tmp_path, capsys):
    p = _write(tmp_path, TEXT)
    assert main(["check", str(p), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert main(["repair", str(p)]) == 0
    repaired = capsys.readouterr().out
    assert data and all(set(d) == {"rule", "severity", "start", "end", "text", "message", "fix"} for d in data)
    for d in data:
        assert repaired[d["start"]:d["end"]] == d["text"]


def test_check_clean_text_exits_zero(tmp_path, capsys):
    p = _write(tmp_path, CLEAN)
    assert main(["check", str(p)]) == 0
    assert "0 findings" in capsys.readouterr().out


def test_check_rules_option(tmp_path, capsys):
    p = _write(tmp_path, TEXT)
    assert main(["check", str(p), "--json", "--rules", "num"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {d["rule"] for d in data} == {"num.year-zero"}
    assert main(["check", str(p), "--rules", "bogus"]) == 2
    assert "galley: error: unknown rule" in capsys.readouterr().err


def test_check_missing_file_is_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.startswith("galley: error:")


def test_fix_writes_text_with_safe_fixes(tmp_path, capsys):
    p = _write(tmp_path, TEXT)
    out = tmp_path / "out.txt"
    assert main(["fix", str(p), "-o", str(out)]) == 0
    fixed = out.read_text(encoding="utf-8")
    assert "今年以来，青川新区" in fixed and "二〇二五年" in fixed
    assert "按步就班" in fixed          # a word fix is a suggestion, not applied blindly
    assert main(["check", str(out), "--json", "--rules", "punct,num"]) == 0


def test_fix_rules_limit_what_is_fixed(tmp_path):
    p = _write(tmp_path, TEXT)
    out = tmp_path / "out.txt"
    assert main(["fix", str(p), "-o", str(out), "--rules", "num"]) == 0
    fixed = out.read_text(encoding="utf-8")
    assert "二〇二五年" in fixed and "今年以来," in fixed


def test_fix_writes_a_galley_project(tmp_path):
    p = _write(tmp_path, TEXT)
    out = tmp_path / "out.galley"
    assert main(["fix", str(p), "-o", str(out)]) == 0
    ed = load_edition(out)
    assert "二〇二五年" in ed.text() and "今年以来，" in ed.text()


def test_check_honours_ignores_saved_in_a_galley_project(tmp_path, capsys):
    from galley.app.project import Project, save_project
    from galley.app.proof import Ignores, check_edition

    ed = load_edition(_write(tmp_path, TEXT))
    ign = Ignores()
    for f in check_edition(ed):
        ign.ignore_here(f, ed.text())
    path = tmp_path / "ed.galley"
    save_project(Project.from_edition(ed, ignores=ign.to_json()), path)
    assert main(["check", str(path)]) == 0
    assert "0 findings" in capsys.readouterr().out


def test_report_says_when_spelling_was_skipped(tmp_path, capsys, monkeypatch):
    from galley.app.proof.rules import spelling
    monkeypatch.setattr(spelling, "_dicts", {})
    monkeypatch.setattr(spelling, "_reasons", {"en_US": "no en_US dictionary for enchant (test)"})
    p = _write(tmp_path, CLEAN)
    assert main(["check", str(p)]) == 0
    out = capsys.readouterr().out
    assert "spelling skipped: no en_US dictionary" in out


def test_fix_refuses_an_output_it_cannot_write_as_that_format(tmp_path, capsys):
    from galley.app.cli import main
    src = tmp_path / "in.txt"
    src.write_text("临川市召开会议,讨论发展规划。\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["fix", str(src), "-o", str(out)]) == 2
    assert ".galley" in capsys.readouterr().err and not out.exists()


def test_check_loading_in_a_forked_process_reports_the_same(tmp_path, capsys, monkeypatch):
    """Where a process can be forked, `check` repairs the file in one while it loads the models
    here (galley.app.forked): the same report; bad input is still one clear error, exit 2."""
    import os
    import sys

    import pytest

    from galley.app import forked
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        pytest.skip("forks only on Linux")
    p = _write(tmp_path, TEXT)
    assert main(["check", str(p)]) == 1
    alone = capsys.readouterr().out
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    forks = []
    real = forked._spawn
    monkeypatch.setattr(forked, "_spawn", lambda job: forks.append(1) or real(job))
    assert main(["check", str(p)]) == 1
    assert capsys.readouterr().out == alone and forks
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.docx" in err and err.count("bad.docx") == 1


def test_fix_loading_in_a_forked_process_writes_the_same(tmp_path, monkeypatch):
    import os
    import sys

    import pytest

    from galley.app import forked
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        pytest.skip("forks only on Linux")
    p = _write(tmp_path, TEXT)
    assert main(["fix", str(p), "-o", str(tmp_path / "alone.txt")]) == 0
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    forks = []
    real = forked._spawn
    monkeypatch.setattr(forked, "_spawn", lambda job: forks.append(1) or real(job))
    assert main(["fix", str(p), "-o", str(tmp_path / "forked.txt")]) == 0
    assert forks and (tmp_path / "forked.txt").read_text(encoding="utf-8") == (tmp_path / "alone.txt").read_text(encoding="utf-8")
