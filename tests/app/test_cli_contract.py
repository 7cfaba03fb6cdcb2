"""The command-line contract (DESIGN.md, "Contracts other tools rely on"), tested from outside.

Runs `python -m app ...` in a subprocess, as newsroom scripts do, and checks exit codes, the
one-line `galley: error: WHAT (FILE)` messages, that bad input never leaves or clobbers an
output file, that `check --json` offsets point into the text `repair` prints, that `fix`
differs from `repair` only by the safe fixes, and that `export` writes readable PDF/DOCX/PNG.
A sub-command whose module is not in this build is skipped.
"""
from __future__ import annotations

import collections
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"
SEED = ROOT.parent / "shared" / "seeds" / "000_e7e65077cf72d160.txt"
COMMANDS = ["repair", "structure", "check", "fix", "export", "layouts", "gui"]
READERS = ["repair", "structure", "check", "fix", "export"]

# Our own invented copy about a fictional city (not third-party text).
STORY = (
    "第1版\n\n临川晚报 · 要闻\n\n新河大桥今日通车\n\n■ 本报记者 王小明\n\n"
    "临川市新河大桥今天上午正式通车，全长一千二百米，双向六车道。"
    "市民张先生说：“以后上班方便多了。”\n\n"
    "据介绍，大桥总投资约九亿元，历时三年建成，是我市跨江交通的重要通道。\n"
)
STORY_TRAD = (
    "第1版\n\n臨川晚報 · 要聞\n\n新河大橋今日通車\n\n■ 本報記者 王小明\n\n"
    "臨川市新河大橋今天上午正式通車，全長一千二百米，雙向六車道。"
    "市民張先生說：「以後上班方便多了。」\n\n"
    "據介紹，大橋總投資約九億元，歷時三年建成，是我市跨江交通的重要通道。\n"
)
CLEAN = "临川晚报 · 要闻\n\n新河大桥今日通车\n\n临川市新河大桥今天上午正式通车，全长一千二百米。\n"
DIRTY = "临川晚报 · 要闻\n\n新河大桥今日通车\n\n临川市新河大桥今天上午正式通车,全长一千二百米的的。\n"


def galley(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "galley", *map(str, args)],
        cwd=cwd or ROOT, capture_output=True, text=True, encoding="utf-8", check=False,
    )


def need(command: str) -> None:
    if importlib.util.find_spec(f"galley.app.commands.{command}") is None:
        pytest.skip(f"`galley {command}` is not in this build yet")


def assert_one_line_error(proc: subprocess.CompletedProcess, path: Path | None = None, code: int = 2) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("galley: warning: ")]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("galley: error: "), lines[0]
    if path is not None:
        assert lines[0].endswith(f"({path})"), lines[0]


def han_counts(text: str) -> collections.Counter:
    return collections.Counter(c for c in text if "\u4e00" <= c <= "\u9fff")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    p: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        p[name] = d / name
        p[name].write_bytes(data)

    put("good.txt", STORY.encode("utf-8"))
    put("clean.txt", CLEAN.encode("utf-8"))
    put("dirty.txt", DIRTY.encode("utf-8"))
    put("empty.txt", b"")
    put("junk.txt", bytes(range(256)) * 40)
    put("gb18030.txt", STORY.encode("gb18030"))
    put("utf16le.txt", STORY.encode("utf-16-le"))
    put("utf16be.txt", STORY.encode("utf-16-be"))
    put("trad_utf8.txt", STORY_TRAD.encode("utf-8"))
    put("big5.txt", STORY_TRAD.encode("big5"))
    put("junk.galley", bytes(range(256)) * 12)

    import docx
    doc = docx.Document()
    for para in STORY.split("\n\n"):
        doc.add_paragraph(para.strip())
    doc.save(d / "good.docx")
    data = (d / "good.docx").read_bytes()
    put("truncated.docx", data[: len(data) // 2])
    with zipfile.ZipFile(d / "zip.docx", "w") as z:
        z.writestr("notes.txt", "not a word document")
    p["zip.docx"] = d / "zip.docx"

    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(d / "plain.pdf"))
    c.drawString(72, 720, "Linchuan Evening News: the new bridge opens today.")
    c.save()
    import pikepdf
    with pikepdf.open(d / "plain.pdf") as pdf:
        pdf.save(d / "encrypted.pdf", encryption=pikepdf.Encryption(owner="o", user="secret", R=6))
    p["encrypted.pdf"] = d / "encrypted.pdf"
    data = (d / "plain.pdf").read_bytes()
    put("truncated.pdf", data[: len(data) // 2])
    put("text-named.pdf", STORY.encode("utf-8"))

    (d / "folder.txt").mkdir()
    p["folder.txt"] = d / "folder.txt"
    p["missing.txt"] = d / "missing.txt"
    put("broken-plan.json", b'{"format": "galley-plan", "modules": [ {')
    put("list-plan.json", b"[1, 2, 3]")
    return p


BAD_INPUTS = ["missing.txt", "folder.txt", "junk.txt", "truncated.docx", "zip.docx",
              "encrypted.pdf", "truncated.pdf", "text-named.pdf", "junk.galley"]


def command_args(command: str, src: Path, out_dir: Path) -> tuple[list, list[Path]]:
    """Arguments for `command` reading `src`, and the output files it would write."""
    if command == "fix":
        out = out_dir / "fixed.txt"
        return [command, src, "-o", out], [out]
    if command == "export":
        pdf, docx = out_dir / "out.pdf", out_dir / "out.docx"
        return [command, "-q", src, "--pdf", pdf, "--docx", docx], [pdf, docx]
    if command == "repair":
        out = out_dir / "repaired.txt"
        return [command, src, "-o", out], [out]
    return [command, src], []


# --- general -----------------------------------------------------------------------------------

def test_version():
    proc = galley("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("galley ")
    assert proc.stdout.split()[1][0].isdigit()


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command):
    need(command)
    proc = galley(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"usage: galley {command}")
    assert proc.stderr == ""


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(command, name, inputs, tmp_path):
    need(command)
    src = inputs[name]
    args, outs = command_args(command, src, tmp_path)
    proc = galley(*args)
    assert_one_line_error(proc, src)
    assert proc.stdout == ""
    for out in outs:
        assert not out.exists(), f"{out.name} left behind"
    assert sorted(tmp_path.iterdir()) == [], "temporary files left behind"


@pytest.mark.parametrize("command", ["repair", "fix", "export"])
@pytest.mark.parametrize("name", ["junk.txt", "truncated.docx", "encrypted.pdf"])
def test_bad_input_never_overwrites_a_good_output(command, name, inputs, tmp_path):
    need(command)
    args, outs = command_args(command, inputs[name], tmp_path)
    for out in outs:
        out.write_bytes(b"GOOD OLD OUTPUT")
    proc = galley(*args)
    assert_one_line_error(proc, inputs[name])
    for out in outs:
        assert out.read_bytes() == b"GOOD OLD OUTPUT"


@pytest.mark.parametrize("name", ["gb18030.txt", "utf16le.txt", "utf16be.txt"])
def test_encodings_are_detected(name, inputs):
    need("repair")
    want = galley("repair", inputs["good.txt"])
    got = galley("repair", inputs[name])
    assert want.returncode == got.returncode == 0, got.stderr
    assert got.stdout == want.stdout
    assert "新河大桥今日通车" in got.stdout


def test_big5_is_detected(inputs):
    need("repair")
    want = galley("repair", inputs["trad_utf8.txt"])
    got = galley("repair", inputs["big5.txt"])
    assert got.returncode == 0, got.stderr
    assert got.stdout == want.stdout
    assert "新河大橋今日通車" in got.stdout


@pytest.mark.parametrize("command", ["repair", "fix"])
@pytest.mark.parametrize("target", ["/proc/galley-qa.txt", "FILE_AS_DIR"])
def test_unwritable_output_is_one_line_exit_2(command, target, inputs, tmp_path):
    need(command)
    if target == "FILE_AS_DIR":
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        target = str(blocker / "out.txt")
    proc = galley(command, inputs["good.txt"], "-o", target)
    assert_one_line_error(proc)
    assert not Path(target).exists()


def test_export_unwritable_pdf_is_one_line_exit_2(inputs):
    need("export")
    proc = galley("export", "-q", inputs["good.txt"], "--pdf", "/proc/galley-qa.pdf")
    assert_one_line_error(proc)


# --- repair / structure ------------------------------------------------------------------------

def test_repair_output_file_equals_stdout(inputs, tmp_path):
    need("repair")
    out = tmp_path / "r.txt"
    proc = galley("repair", inputs["good.txt"], "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8") == galley("repair", inputs["good.txt"]).stdout


def test_repair_changes_only_whitespace():
    need("repair")
    proc = galley("repair", SAMPLE)
    assert proc.returncode == 0, proc.stderr
    src = SAMPLE.read_text(encoding="utf-8-sig")
    assert sorted("".join(proc.stdout.split())) == sorted("".join(src.split()))


def test_structure_json_lists_stories():
    need("structure")
    proc = galley("structure", "--json", SAMPLE)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data, "no stories recognised in the sample edition"


# --- check / fix -------------------------------------------------------------------------------

def test_check_exit_0_without_findings(inputs):
    need("check")
    proc = galley("check", "--json", inputs["clean.txt"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_check_exit_1_with_findings(inputs):
    need("check")
    proc = galley("check", "--json", inputs["dirty.txt"])
    assert proc.returncode == 1, proc.stderr
    found = {(f["text"], f["fix"]) for f in json.loads(proc.stdout)}
    assert (",", "，") in found
    plain = galley("check", inputs["dirty.txt"])
    assert plain.returncode == 1


def test_check_unknown_rule_is_exit_2(inputs):
    need("check")
    proc = galley("check", inputs["good.txt"], "--rules", "no.such-rule")
    assert_one_line_error(proc)


@pytest.mark.parametrize("which", ["sample", "seed"])
def test_check_json_offsets_index_the_repaired_text(which):
    need("check")
    src = SAMPLE if which == "sample" else SEED
    if not src.exists():
        pytest.skip("../shared/seeds is not available")
    text = galley("repair", src).stdout
    proc = galley("check", "--json", src)
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)
    assert findings
    for f in findings:
        assert set(f) == {"rule", "severity", "start", "end", "text", "message", "fix"}, f
        assert f["severity"] in {"error", "warning", "info"}
        assert f["fix"] is None or isinstance(f["fix"], str)
        assert 0 <= f["start"] <= f["end"] <= len(text)
        assert text[f["start"]:f["end"]] == f["text"], f


@pytest.mark.parametrize("which", ["sample", "seed"])
def test_fix_differs_from_repair_only_by_safe_fixes(which, tmp_path):
    need("fix")
    src = SAMPLE if which == "sample" else SEED
    if not src.exists():
        pytest.skip("../shared/seeds is not available")
    from galley.app.pipeline import load_edition
    from galley.app.proof import check_edition

    text = galley("repair", src).stdout
    out = tmp_path / "fixed.txt"
    proc = galley("fix", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    edition = load_edition(src)
    assert edition.text().rstrip("\n") == text.rstrip("\n")
    safe = sorted((f for f in check_edition(edition) if f.safe and f.fix is not None), key=lambda f: f.start)
    assert safe, "expected some safe fixes in this edition"
    want = text
    for f in reversed(safe):
        want = want[:f.start] + f.fix + want[f.end:]
    assert out.read_text(encoding="utf-8") == want


def test_fix_to_galley_project(inputs, tmp_path):
    need("fix")
    out = tmp_path / "fixed.galley"
    proc = galley("fix", inputs["good.txt"], "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert zipfile.is_zipfile(out)


# --- layouts / export --------------------------------------------------------------------------

def test_layouts_one_per_line_with_size_and_columns():
    need("layouts")
    proc = galley("layouts")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    names = {ln.split()[0] for ln in lines}
    assert {"broadsheet", "tabloid", "a3"} <= names
    for ln in lines:
        assert "mm" in ln and "columns" in ln, ln


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory):
    need("export")
    d = tmp_path_factory.mktemp("export")
    proc = galley("export", "-q", SAMPLE, "--pdf", d / "s.pdf", "--docx", d / "s.docx",
                  "--png", d / "png", "--save-plan", d / "plan.json")
    return proc, d


def test_export_writes_pdf_docx_png(sample_export):
    proc, d = sample_export
    assert proc.returncode == 0, proc.stderr
    assert (d / "s.pdf").read_bytes().startswith(b"%PDF")
    pngs = sorted((d / "png").glob("*.png"))
    assert pngs and all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    import docx
    body = "\n".join(p.text for p in docx.Document(d / "s.docx").paragraphs)
    assert "临川" in body


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_export_pdf_fonts_embedded(sample_export):
    proc, d = sample_export
    assert proc.returncode == 0, proc.stderr
    out = subprocess.run(["pdffonts", d / "s.pdf"], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_export_pdf_keeps_every_character(sample_export):
    proc, d = sample_export
    assert proc.returncode == 0, proc.stderr
    text = galley("repair", SAMPLE).stdout
    pdf = subprocess.run(["pdftotext", d / "s.pdf", "-"], capture_output=True, text=True, check=True).stdout
    missing = han_counts(text) - han_counts(pdf)
    assert not missing, f"characters missing from the PDF: {dict(missing)}"


def test_export_unknown_layout_is_exit_2(tmp_path, inputs):
    need("export")
    out = tmp_path / "x.pdf"
    proc = galley("export", "-q", inputs["good.txt"], "--layout", "no-such-grid", "--pdf", out)
    assert_one_line_error(proc)
    assert "no-such-grid" in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("plan", ["broken-plan.json", "list-plan.json", "missing.txt", "folder.txt"])
def test_export_bad_plan_is_exit_2_and_keeps_old_pdf(plan, tmp_path, inputs):
    need("export")
    out = tmp_path / "x.pdf"
    out.write_bytes(b"GOOD OLD PDF")
    proc = galley("export", "-q", inputs["good.txt"], "--plan", inputs[plan], "--pdf", out)
    assert_one_line_error(proc, inputs[plan])
    assert out.read_bytes() == b"GOOD OLD PDF"


def test_export_overset_exit_3_names_the_story(sample_export, tmp_path):
    proc, d = sample_export
    assert proc.returncode == 0, proc.stderr
    plan = json.loads((d / "plan.json").read_text(encoding="utf-8"))
    module = plan["modules"][0]
    module["columns"], module["lines"] = 1, 3
    squeezed = tmp_path / "squeezed.json"
    squeezed.write_text(json.dumps(plan), encoding="utf-8")
    proc = galley("export", "-q", SAMPLE, "--plan", squeezed, "--pdf", tmp_path / "o.pdf")
    assert_one_line_error(proc, code=3)
    assert "overset" in proc.stderr and module["story"] in proc.stderr
    allowed = galley("export", "-q", SAMPLE, "--plan", squeezed, "--pdf", tmp_path / "a.pdf", "--allow-overset")
    assert allowed.returncode == 0, allowed.stderr
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_export_saved_plan_round_trips(sample_export, tmp_path):
    proc, d = sample_export
    assert proc.returncode == 0, proc.stderr
    again = galley("export", "-q", SAMPLE, "--plan", d / "plan.json", "--pdf", tmp_path / "p.pdf")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "p.pdf").read_bytes() == (d / "s.pdf").read_bytes()


# --- gui ---------------------------------------------------------------------------------------

def run_gui(*args: str | Path) -> subprocess.CompletedProcess:
    """`galley gui ...` offscreen; a hang (e.g. a modal dialog nobody can close) fails with its stderr."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "galley", "gui", *map(str, args)],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        pytest.fail(f"galley gui did not exit: {err[-3000:]}")


def test_gui_screenshot(tmp_path):
    need("gui")
    pytest.importorskip("PySide6")
    shot = tmp_path / "gui.png"
    proc = run_gui(SAMPLE, "--screenshot", shot)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_gui_missing_file_is_exit_2(tmp_path):
    need("gui")
    pytest.importorskip("PySide6")
    missing = tmp_path / "missing.txt"
    proc = run_gui(missing, "--screenshot", tmp_path / "g.png")
    assert proc.returncode == 2
    assert f"galley: error: no such file ({missing})" in proc.stderr
    assert "Traceback" not in proc.stderr
