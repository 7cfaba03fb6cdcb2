"""Fuzzing every reader through the CLI: no input can crash, hang or exhaust Galley.

Hypothesis draws the inputs: text in every supported encoding (then perhaps damaged), the
bundled sample (and the seed page when ../shared is beside the checkout) with bytes flipped,
cut, inserted and repeated, Galley's own PDF, DOCX, .galley and placement plan made here and
damaged as bytes, inside their ZIP members and as JSON, page grid files, proof.toml, font and
colour-profile settings. Every run must keep the contract (`fuzzkit.assert_contract`): exit
0/1/2/3 as documented, one `galley: error:` line on failure, no traceback, no `internal
error`, no output left by a failed run, a pre-existing output untouched.

`make test` runs a small deterministic number of cases; `make fuzz` (GALLEY_FUZZ_SCALE) many
more, with fresh random cases each time.
"""
from __future__ import annotations

import codecs
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.app import fuzzkit as fk
from tests.app.fuzzkit import assert_contract, fuzz_settings, run_cli, snapshot

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "big5"]
READERS = ["repair", "structure", "check", "fix", "export"]

# text an edition may hold, and what damaged or odd files hold
newsroom_chars = st.sampled_from(list("临川市新河大桥今日通车本报讯记者王小明据介绍第版图摄的了是在和一二三〇"
                                      "，。、：；！？“”‘’（）《》【】—…·　 \t\n\n\n") +
                                 ["——", "……", "\r\n", "\f", "\x0b", "\x00", "\x1b", "\x7f", "\x85", "\u2028",
                                  "\ufeff", "\ufffe", "\u200b", "\U0002a6a5", "\ue000", "abc", "Linchuan-",
                                  "2026年3月", "12.5%", "e\u0301"])
edition_text = st.lists(st.one_of(newsroom_chars, st.text(max_size=6)), max_size=120).map("".join)


@pytest.fixture(scope="module")
def work():
    d = Path(tempfile.mkdtemp(prefix="galley-fuzz-"))
    cfg = d / "config"
    (cfg / "galley").mkdir(parents=True)
    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(cfg)     # no user's proof.toml; the worker inherits this
    fk._worker.stop()
    files = fk.own_files(d / "own")
    yield d, files
    fk._worker.stop()
    if old is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = old
    shutil.rmtree(d, ignore_errors=True)
    fk.print_counts()
    report = os.environ.get("GALLEY_FUZZ_REPORT")
    if report:
        Path(report).write_text(json.dumps(fk.RUNS, indent=1), encoding="utf-8")


def check_one(work_dir: Path, name: str, data: bytes, command: str, pre_existing: bool, counter: str,
              extra: list | None = None, env: dict | None = None) -> fk.Run:
    """Write `data` as `name`, run `command` on it with its outputs in a fresh folder, check the contract."""
    case = Path(tempfile.mkdtemp(dir=work_dir))
    try:
        src = case / name
        src.write_bytes(data)
        out = case / "out"
        out.mkdir()
        if command == "export":
            outputs = [out / "e.pdf", out / "e.docx"]
            argv = ["export", "-q", src, "--pdf", outputs[0], "--docx", outputs[1]]
        elif command in ("fix", "repair"):
            outputs = [out / ("f.galley" if command == "fix" and pre_existing else "f.txt")]
            argv = [command, src, "-o", outputs[0]]
        else:
            outputs = []
            argv = [command, src] + (["--json"] if pre_existing else [])
        argv += extra or []
        if pre_existing:
            for p in outputs:
                p.write_bytes(b"an output from an earlier run\n")
        before = snapshot(outputs)
        run = run_cli(argv, env=env, counter=counter)
        assert_contract(run, before, [out, case], codes=(0, 1, 2) if command == "check" else
                        (0, 2, 3) if command == "export" else (0, 2))
        if run.code in (0, 3):
            for p in outputs:
                assert p.is_file(), f"{run.argv}: {p} missing"
                if p.suffix in (".pdf", ".docx", ".galley"):
                    assert p.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04"), f"{run.argv}: {p} is not whole"
        return run
    finally:
        shutil.rmtree(case, ignore_errors=True)


commands = st.sampled_from(READERS[:4] * 3 + ["export"])   # export costs most: a quarter of the cases


# ------------------------------------------------------------------------------ text

@fuzz_settings(40)
@given(text=edition_text, encoding=st.sampled_from(ENCODINGS), damage=st.none() | fk.byte_mutations(2),
       command=commands, pre=st.booleans())
def test_text_in_every_encoding(work, text, encoding, damage, command, pre):
    data = text.encode(encoding, errors="ignore")
    if damage:
        data = fk.mutate(data, damage)
    check_one(work[0], "edition.txt", data, command, pre, "text")


@fuzz_settings(30)
@given(which=st.sampled_from(["sample", "seed", "story"]), encoding=st.sampled_from(ENCODINGS),
       damage=fk.byte_mutations(), command=commands, pre=st.booleans())
def test_damaged_real_text(work, which, encoding, damage, command, pre):
    if which == "seed" and fk.SEED.is_file():
        text = fk.SEED.read_text(encoding="utf-8")     # read only; never copied into the repository
    elif which == "story":
        text = fk.STORY
    else:
        text = fk.sample_head(4000)
    if encoding in ("big5",):
        text = text[:2000]
    data = text.encode(encoding, errors="ignore")
    check_one(work[0], "edition.txt", fk.mutate(data, damage), command, pre, "text")


@fuzz_settings(6)
@given(prefix=st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b""]),
       body=st.binary(max_size=300), command=st.sampled_from(READERS[:3]))
def test_raw_bytes(work, prefix, body, command):
    check_one(work[0], "edition.txt", prefix + body, command, False, "text")


# ------------------------------------------------------------------------------ DOCX, PDF, .galley

@fuzz_settings(20)
@given(damage=fk.byte_mutations(), inside=st.booleans(), pick=st.floats(0, 1), command=commands,
       pre=st.booleans())
def test_damaged_own_docx(work, damage, inside, pick, command, pre):
    data = work[1]["docx"].read_bytes()
    data = fk.mutate_member(data, damage, pick) if inside else fk.mutate(data, damage)
    check_one(work[0], "edition.docx", data, command, pre, "docx")


@fuzz_settings(20)
@given(damage=fk.byte_mutations(), command=st.sampled_from(["repair", "structure", "check"]), pre=st.booleans())
def test_damaged_own_pdf(work, damage, command, pre):
    data = fk.mutate(work[1]["pdf"].read_bytes(), damage)
    check_one(work[0], "edition.pdf", data, command, pre, "pdf")


@fuzz_settings(20)
@given(damage=fk.byte_mutations(), inside=st.booleans(), pick=st.floats(0, 1), command=commands,
       pre=st.booleans())
def test_damaged_own_galley_bytes(work, damage, inside, pick, command, pre):
    data = work[1]["galley"].read_bytes()
    data = fk.mutate_member(data, damage, pick) if inside else fk.mutate(data, damage)
    check_one(work[0], "edition.galley", data, command, pre, "galley")


def galley_with(docs: dict, edits) -> bytes:
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, doc in docs.items():
            z.writestr(name, fk.dump_with_raw(doc))
    return buf.getvalue()


@fuzz_settings(40)
@given(data=st.data(), member=st.sampled_from(["edition.json"] * 4 + ["manifest.json"]),
       command=commands, pre=st.booleans())
def test_galley_json_values(work, data, member, command, pre):
    with zipfile.ZipFile(work[1]["galley"]) as z:
        docs = {n: json.loads(z.read(n)) for n in z.namelist()}
    for _ in range(data.draw(st.integers(1, 3))):
        paths = fk.paths_in(docs[member])
        if not paths:
            break
        where = data.draw(st.sampled_from(paths))
        fk.replace_at(docs[member], where, data.draw(fk.json_replacement))
    check_one(work[0], "edition.galley", galley_with(docs, None), command, pre, "galley")


# ------------------------------------------------------------------------------ plans and page grids

@fuzz_settings(25)
@given(data=st.data(), raw=st.none() | st.binary(max_size=200), pre=st.booleans())
def test_plans(work, data, raw, pre):
    d, files = work
    plan = json.loads(files["plan"].read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(fk.paths_in(plan)))
        value = data.draw(st.one_of(fk.json_replacement,
                                    st.sampled_from([1000000000, 100000, 1001, 0, -1, "1", 1.5, True, None])))
        fk.replace_at(plan, where, value)
    case = Path(tempfile.mkdtemp(dir=d))
    p = case / "plan.json"
    p.write_bytes(raw if raw is not None else fk.dump_with_raw(plan).encode("utf-8"))
    run = check_one(d, "own.txt", files["txt"].read_bytes(), "export", pre, "plan", ["--plan", p, "--allow-overset"])
    shutil.rmtree(case, ignore_errors=True)
    assert run.code in (0, 2, 3)


GRID = (fk.ROOT / "layouts" / "broadsheet.toml").read_text(encoding="utf-8")
toml_values = st.sampled_from(["0", "-1", "1e9", "inf", "nan", "1000000", "2.5", '"x"', "[1, 2]", "true",
                               "{ a = 1 }", "3", "", "= =", '"hei"', '"nowhere"', "0.0001", "9" * 30])


@fuzz_settings(25)
@given(data=st.data(), pre=st.booleans())
def test_page_grid_files(work, data, pre):
    d, files = work
    lines = GRID.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        if "=" in lines[i] and data.draw(st.booleans()):
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {data.draw(toml_values)}"
        else:
            lines[i] = data.draw(st.sampled_from(["", "[styles]", "[page]", "styles = 3", "[grid]\ncolumns = 2",
                                                  "[styles.body]\nsize = 1e300"]))
    case = Path(tempfile.mkdtemp(dir=d))
    p = case / "grid.toml"
    p.write_text("\n".join(lines), encoding="utf-8")
    check_one(d, "own.txt", files["txt"].read_bytes(), "export", pre, "layout", ["--layout", p, "--allow-overset"])
    shutil.rmtree(case, ignore_errors=True)


# ------------------------------------------------------------------------------ settings

proof_values = st.one_of(st.sampled_from(['"simplified"', '"x"', "3", "[1, 2]", '["错→对"]', '["no arrow"]',
                                          "{ a = 1 }", "true", '[["a", "b"]]', '[["a"]]', '"en_US"', '"../../x"']),
                         st.text(max_size=12).map(json.dumps))


@fuzz_settings(25)
@given(key=st.sampled_from(["user_words", "dictionary", "script", "spelling_language", "spelling", "rules",
                            "ignores", "bogus"]), value=proof_values, raw=st.none() | st.binary(max_size=80),
       rule=st.sampled_from(["punct.halfwidth", "nope", "space.mixed"]),
       conf=st.sampled_from(["enabled = false", 'severity = "loud"', "enabled = 3", 'severity = "info"', "x = 1"]))
def test_proof_settings(work, key, value, raw, rule, conf):
    d, files = work
    toml = d / "config" / "galley" / "proof.toml"
    if raw is not None:
        toml.write_bytes(raw)
    elif key == "rules":
        toml.write_text(f'[rules."{rule}"]\n{conf}\n', encoding="utf-8")
    else:
        toml.write_text(f"{key} = {value}\n", encoding="utf-8")
    try:
        check_one(d, "own.txt", files["txt"].read_bytes(), "check", False, "settings")
    finally:
        toml.unlink()


def font_file(d: Path, how: str) -> str:
    from galley.app.layout import fonts
    real = fonts.resolve_font("song")
    p = d / f"font-{how}.ttc"
    data = Path(real).read_bytes()
    if how == "cut":
        p.write_bytes(data[: len(data) // 50])
    elif how == "head":
        p.write_bytes(data[:12])
    elif how == "text":
        p.write_bytes(b"not a font at all\n" * 10)
    elif how == "otto":
        p.write_bytes(b"OTTO" + data[4:4096])
    else:
        return real
    return str(p)


@fuzz_settings(12)
@given(role=st.sampled_from(["SONG", "HEI", "KAI", "LATIN"]),
       how=st.sampled_from(["cut", "head", "text", "otto", "real"]),
       suffix=st.sampled_from(["", "#0", "#abc", "#99", "#", "#-1", "#1e3", "# 1"]))
def test_font_settings(work, role, how, suffix):
    d, files = work
    value = font_file(d, how) + suffix
    check_one(d, "own.txt", files["txt"].read_bytes(), "export", False, "settings",
              env={f"GALLEY_FONT_{role}": value, "GALLEY_NO_FONT_CACHE": "1"})


@fuzz_settings(15)
@given(damage=st.none() | fk.byte_mutations(2), which=st.sampled_from(["cmyk", "rgb", "passwd", "missing"]))
def test_colour_profile_settings(work, damage, which):
    d, files = work
    from galley.app.render.pdf import ICC_CANDIDATES
    real = next((Path(p) for p in ICC_CANDIDATES if Path(p).is_file()), None)
    if real is None:
        pytest.skip("no CMYK profile installed")
    src = {"cmyk": real, "rgb": real.with_name("default_rgb.icc"), "passwd": Path("/etc/passwd")}.get(which)
    value = str(d / "missing.icc")
    if src is not None and src.is_file():
        p = d / "profile.icc"
        data = src.read_bytes()
        p.write_bytes(fk.mutate(data, damage) if damage else data)
        value = str(p)
    case_dir = Path(tempfile.mkdtemp(dir=d))
    pdf = case_dir / "x.pdf"
    run = run_cli(["export", "-q", files["txt"], "--pdf", pdf, "--allow-overset"], env={"GALLEY_ICC_PROFILE": value},
                  counter="settings")
    assert_contract(run, {pdf: None}, [case_dir], codes=(0, 2))
    if run.code == 0:       # only a real CMYK printer profile is embedded
        from galley.app.validate import icc_problem
        assert icc_problem(Path(value).read_bytes()) is None
        assert b"/OutputIntents" in pdf.read_bytes()
    shutil.rmtree(case_dir, ignore_errors=True)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
markup = st.sampled_from([
    "<w:p>", "</w:p>", "<w:p><w:r><w:t>", "<w:t>\u4e34\u5ddd</w:t>", "&#1;", "&#x1F;", "&#xFFFE;", "&bogus;",
    "<w:br/>" * 2000, "<w:p>" * 5000 + "</w:p>" * 5000, "<w:r>" * 300000, "<x:y/>",
    '<w:t xml:space="preserve">' + "长" * 100000 + "</w:t>", "\x00", "\udcff", "<![CDATA[x]]>", "<!-- c -->",
    "<w:tab/>" * 1000, '<w:p><w:r><w:t a="' + "x" * 100000 + '">y</w:t></w:r></w:p>',
])
doctypes = st.sampled_from([
    "",
    ('<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'),
    '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
])


@fuzz_settings(20)
@given(inserts=st.lists(st.tuples(st.floats(0, 1), markup), min_size=1, max_size=3), doctype=doctypes,
       command=st.sampled_from(["repair", "structure", "check"]))
def test_docx_markup(work, inserts, doctype, command):
    import io
    src = zipfile.ZipFile(work[1]["docx"])
    xml = src.read("word/document.xml").decode("utf-8")
    body = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("</w:body>")
    for where, snippet in inserts:
        i = body + int(where * (end - body))
        xml = xml[:i] + snippet + xml[i:]
    if doctype:
        xml = xml.replace("?>", "?>" + doctype.replace("<!DOCTYPE d", "<!DOCTYPE w:document"), 1)
        xml = xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>&d;&x;</w:t></w:r></w:p>", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = xml.encode("utf-8", "surrogatepass") if info.filename == "word/document.xml" else src.read(info)
            out.writestr(info.filename, data)
    run = check_one(work[0], "edition.docx", buf.getvalue(), command, False, "docx")
    assert "root:" not in run.out            # no external entity was read


extreme_numbers = st.sampled_from([b"1e12", b"-1e12", b"99999999999", b"-0", b"nan", b"inf", b"1e-300", b"0",
                                   b"1e308", b"-3e38", b"123456789012345678901234567890", b"."])


@fuzz_settings(15)
@given(edits=st.lists(st.tuples(st.floats(0, 1), extreme_numbers), min_size=1, max_size=6),
       operators=st.lists(st.sampled_from([b" Tm", b" Td", b" Tf", b" TJ", b" cm", b" re", b" BT", b" ET", b" Tc"]),
                          max_size=3),
       copies=st.sampled_from([1, 1, 1, 40]))
def test_pdf_content_streams(work, edits, operators, copies):
    """Numbers in the page's drawing operators replaced with extreme ones (glyphs far off the page, NaN
    sizes, absurd matrices), operators dropped in, pages repeated: the reader must stay bounded."""
    import io
    import re

    import pikepdf
    with pikepdf.open(work[1]["pdf"]) as pdf:
        page = pdf.pages[0]
        data = page.Contents.read_bytes()
        numbers = [m.span() for m in re.finditer(rb"-?[0-9]+\.?[0-9]*", data[:200_000])]
        for where, value in sorted(edits, reverse=True):
            a, b = numbers[min(int(where * len(numbers)), len(numbers) - 1)]
            data = data[:a] + value + data[b:]
        for i, op in enumerate(operators):
            at = int(len(data) * (i + 1) / (len(operators) + 1))
            data = data[:at] + op + data[at:]
        page.Contents = pdf.make_stream(data)
        for _ in range(copies - 1):
            pdf.pages.append(pdf.pages[0])
        buf = io.BytesIO()
        pdf.save(buf)
    check_one(work[0], "edition.pdf", buf.getvalue(), "repair", False, "pdf")
