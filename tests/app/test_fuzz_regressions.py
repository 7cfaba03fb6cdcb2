"""The holes the first fuzzing run found (issue 15), each kept closed, tested from outside."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORY = ("临川晚报 · 要闻\n\n新河大桥今日通车\n\n■ 本报记者 王小明\n\n"
         "临川市新河大桥今天上午正式通车，全长一千二百米，双向六车道。\n\n"
         "据介绍，大桥总投资约九亿元，历时三年建成。\n")


def galley(*args, env: dict | None = None, tmp: Path | None = None) -> subprocess.CompletedProcess:
    e = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    if tmp is not None:
        e["XDG_CONFIG_HOME"] = str(tmp / "config")
    return subprocess.run([sys.executable, "-m", "galley", *map(str, args)], cwd=ROOT, env=e,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def one_error(proc, *words, path=None):
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("galley: error: "), proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    for w in words:
        assert w in lines[0], lines[0]
    if path is not None:
        assert lines[0].endswith(f"({path})"), lines[0]


@pytest.fixture
def story(tmp_path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def test_control_characters_do_not_break_export_docx(tmp_path):
    src = tmp_path / "ctrl.txt"
    src.write_text(STORY.replace("全长", "全\x0b长\x01").replace("据介绍", "据\x1b介绍"), encoding="utf-8")
    out = tmp_path / "o.docx"
    proc = galley("export", "-q", src, "--docx", out)
    assert proc.returncode == 0, proc.stderr
    import docx
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "据介绍" in text and "\x01" not in text


def test_characters_no_font_has_are_refused_before_anything_is_written(tmp_path):
    src = tmp_path / "pua.txt"
    src.write_text(STORY.replace("大桥", "大\U0010fffd桥", 1), encoding="utf-8")
    pdf, docx_out = tmp_path / "old.pdf", tmp_path / "old.docx"
    pdf.write_bytes(b"%PDF- the good one")
    proc = galley("export", "-q", src, "--pdf", pdf, "--docx", docx_out)
    one_error(proc, "no installed font has these characters", "U+10FFFD", path=src)
    assert pdf.read_bytes() == b"%PDF- the good one" and not docx_out.exists()


def test_join_parts_is_linear():
    from galley.app.model.edition import join_parts
    parts = ["临川市新河大桥今天上午正式通车" * 66 + "a"] * 4000     # 4,000 lines of 1,000 characters
    t = time.monotonic()
    joined = join_parts(parts)
    assert time.monotonic() - t < 1.0          # was 50 s: the growing text was scanned at every seam
    assert joined == "".join(parts)            # Han after a Latin letter: no space at the seams


@pytest.fixture(scope="module")
def saved_plan(tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("plan")
    (d / "story.txt").write_text(STORY, encoding="utf-8")
    proc = galley("export", "-q", d / "story.txt", "--save-plan", d / "plan.json")
    assert proc.returncode == 0, proc.stderr
    return json.loads((d / "plan.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, words", [
    ({"page": 1000000000}, ["page 1000000000", "from 1 to 1000"]),
    ({"page": 100000}, ["page 100000"]),
    ({"columns": "8"}, ["bad columns"]),
    ({"version": "1"}, ["version is not a positive whole number"]),
    ({"version": 99}, ["newer than this Galley"]),
])
def test_bad_plans_are_refused_clearly(tmp_path, story, saved_plan, change, words):
    plan = tmp_path / "plan.json"
    data = json.loads(json.dumps(saved_plan))
    if "version" in change:
        data.update(change)
    else:
        data["modules"][0].update(change)
    plan.write_text(json.dumps(data), encoding="utf-8")
    pdf = tmp_path / "x.pdf"
    t = time.monotonic()
    proc = galley("export", "-q", story, "--plan", plan, "--pdf", pdf)
    one_error(proc, *words, path=plan)
    assert time.monotonic() - t < 10 and not pdf.exists()


@pytest.mark.parametrize("value, words", [
    ("{font}#abc", ["GALLEY_FONT_SONG", "whole number", "'abc'"]),
    ("{font}#9", ["#9 is not one of them"]),
    ("/nowhere/font.ttc", ["does not exist"]),
    ("{cut}", ["damaged or cut short"]),
    ("/etc/passwd", ["not a TrueType font"]),
])
def test_garbage_font_settings(tmp_path, story, value, words):
    from galley.app.layout import fonts
    real = fonts.resolve_font("song")
    cut = tmp_path / "cut.ttc"
    cut.write_bytes(Path(real).read_bytes()[:200_000])
    value = value.format(font=real, cut=cut)
    proc = galley("export", "-q", story, "--pdf", tmp_path / "x.pdf",
                  env={"GALLEY_FONT_SONG": value, "GALLEY_NO_FONT_CACHE": "1"})
    one_error(proc, *words)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("profile, words", [
    ("/etc/passwd", ["GALLEY_ICC_PROFILE", "not a CMYK ICC colour profile", "no ICC profile header"]),
    ("rgb", ["colour space is RGB"]),
    ("cut", ["cut short"]),
    ("/nowhere.icc", ["no such colour profile"]),
])
def test_colour_profile_must_be_a_real_cmyk_profile(tmp_path, story, profile, words):
    from galley.app.render.pdf import ICC_CANDIDATES
    cmyk = next((Path(p) for p in ICC_CANDIDATES if Path(p).is_file()), None)
    if cmyk is None:
        pytest.skip("no CMYK profile installed")
    if profile == "rgb":
        profile = str(cmyk.with_name("default_rgb.icc"))
        if not Path(profile).is_file():
            pytest.skip("no RGB profile beside the CMYK one")
    elif profile == "cut":
        (tmp_path / "cut.icc").write_bytes(cmyk.read_bytes()[:1000])
        profile = str(tmp_path / "cut.icc")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"old")
    proc = galley("export", "-q", story, "--pdf", pdf, env={"GALLEY_ICC_PROFILE": profile})
    one_error(proc, *words)
    assert pdf.read_bytes() == b"old"
    proc = galley("export", "-q", story, "--pdf", pdf, env={"GALLEY_ICC_PROFILE": str(cmyk)})
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("toml, words", [
    ("this = = not toml", ["not valid TOML"]),
    ('script = "klingon"', ["script must be"]),
    ("dictionary = 5", ["dictionary must be a list"]),
    ('user_words = ["no arrow here"]', ["not \"wrong→right\""]),
    ('[rules."punct.halfwidth"]\nseverity = "loud"', ["severity must be one of"]),
    ('[rules."no.such.rule"]\nenabled = false', ["unknown rule 'no.such.rule'"]),
    ("colour = 1", ["unknown setting 'colour'"]),
])
def test_garbage_proof_settings(tmp_path, story, toml, words):
    cfg = tmp_path / "config" / "galley"
    cfg.mkdir(parents=True)
    (cfg / "proof.toml").write_text(toml, encoding="utf-8")
    proc = galley("check", story, tmp=tmp_path)
    one_error(proc, "proofreading settings", *words, path=cfg / "proof.toml")


def test_good_proof_settings_are_used(tmp_path, story):
    cfg = tmp_path / "config" / "galley"
    cfg.mkdir(parents=True)
    (cfg / "proof.toml").write_text('user_words = ["大桥→桥梁"]\n[rules."space.mixed"]\nenabled = false\n',
                                    encoding="utf-8")
    proc = galley("check", story, "--json", tmp=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "words.user" in {f["rule"] for f in json.loads(proc.stdout)}


@pytest.mark.parametrize("edit, words", [
    (("columns = 8", "columns = 100000000"), ["columns must be a number from 1 to 40"]),
    (("columns = 8", "columns = inf"), ["columns"]),
    (("width_mm = 390", "width_mm = nan"), ["width_mm"]),
    (("[styles.banner]", "[styles.banner]\nsize = 'x'\n[styles.x]"), ["styles.banner"]),
    (('role = "hei"', 'role = "comic"'), ["role must be one of"]),
    (("[page]", "page = 3\n[pagex]"), ["[page]"]),
])
def test_garbage_page_grids(tmp_path, story, edit, words):
    grid = (ROOT / "layouts" / "broadsheet.toml").read_text(encoding="utf-8").replace(*edit, 1)
    p = tmp_path / "grid.toml"
    p.write_text(grid, encoding="utf-8")
    proc = galley("export", "-q", story, "--layout", p, "--pdf", tmp_path / "x.pdf")
    one_error(proc, "page grid", *words, path=p)


def test_outputs_are_checked_before_any_is_written(tmp_path, story):
    pdf = tmp_path / "keep.pdf"
    pdf.write_bytes(b"old")
    (tmp_path / "folder.docx").mkdir()
    proc = galley("export", "-q", story, "--pdf", pdf, "--docx", tmp_path / "folder.docx")
    one_error(proc, "it is a folder")
    assert pdf.read_bytes() == b"old"
    proc = galley("export", "-q", story, "--pdf", pdf, "--docx", pdf)
    one_error(proc, "two outputs are the same file")


def test_an_error_naming_text_with_line_breaks_stays_one_line(tmp_path, story):
    """A story id of "\\r" in a plan (found by the fuzzing run) and a file name with a line feed."""
    plan = tmp_path / "plan.json"
    assert galley("export", "-q", story, "--save-plan", plan).returncode == 0
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["modules"][0]["story"] = "\r"
    plan.write_text(json.dumps(data), encoding="utf-8")
    one_error(galley("export", "-q", story, "--plan", plan, "--pdf", tmp_path / "x.pdf"), "does not have: \\r")
    odd = tmp_path / "a\nb.txt"
    odd.write_bytes(b"\xef\xbb\xbf\xff")
    one_error(galley("repair", odd), "a\\nb.txt")
