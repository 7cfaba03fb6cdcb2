"""Damaged project files are one clear error (issue 15): flipped bits, deep nesting, huge numbers,
values of the wrong type; never a crash in repair, proofreading or layout later."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from galley.app.errors import GalleyError
from galley.app.pipeline import edition_from_text
from galley.app.project import Project, load_project, save_project
from galley.app.project.format import project_from_bytes

TEXT = "临川晚报 · 要闻\n\n新河大桥今日通车\n\n临川市新河大桥今天上午正式通车，\n全长一千二百米。\n"


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    p = tmp_path_factory.mktemp("d") / "p.galley"
    save_project(Project.from_edition(edition_from_text(TEXT)), p)
    return p.read_bytes()


def docs_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: json.loads(z.read(n)) for n in z.namelist()}


def pack(docs: dict, raw: dict | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, doc in docs.items():
            z.writestr(name, (raw or {}).get(name) or json.dumps(doc))
    return buf.getvalue()


def test_every_flipped_bit_in_the_compressed_edition_is_clear_or_harmless(saved):
    """zlib.error and bad CRCs were internal errors; one bit of each byte of edition.json's data."""
    with zipfile.ZipFile(io.BytesIO(saved)) as z:
        info = z.getinfo("edition.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    errors = 0
    for i in range(start, start + info.compress_size):
        for bit in (0, 5):
            data = bytearray(saved)
            data[i] ^= 1 << bit
            try:
                project_from_bytes(bytes(data), "p.galley")
            except GalleyError as exc:
                errors += 1
                assert str(exc).startswith("not a valid Galley project") and exc.path == "p.galley"
    assert errors > info.compress_size      # almost every flip is caught (by zlib or the CRC)


def test_deeply_nested_json(saved):
    raw = '{"blocks": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(GalleyError, match="nested too deeply"):
        project_from_bytes(pack(docs_of(saved), {"edition.json": raw}))


def test_hundred_thousand_digit_integer(saved):
    docs = docs_of(saved)
    raw = json.dumps(docs["edition.json"]).replace('"offset": 0', '"offset": ' + "9" * 100_000, 1)
    with pytest.raises(GalleyError, match="number too long"):
        project_from_bytes(pack(docs, {"edition.json": raw}))


@pytest.mark.parametrize("path, value, what", [
    (("blocks", 0), [1], "block 0 is not an object"),
    (("blocks", 0, "text"), 5, "block 0's text is not text"),
    (("blocks", 0, "index"), 7, "block 0's index"),
    (("blocks", 0, "page"), "x", "block 0's page"),
    (("stories", 0, "id"), ["s"], "story 0's id is not text"),
    (("stories", 0, "elements", 0, "kind"), "poem", "unknown kind"),
    (("stories", 0, "elements", 0, "parts"), [99], "parts"),
    (("stories", 0, "elements", 0, "lines"), "ab", "lines is not a list"),
    (("fixes",), {"a": 1}, "fixes is not a list"),
    (("script",), 5, "script"),
    (("ignores",), [{"kind": "word", "word": ["x"]}], "ignore record 0's word"),
    (("plan",), [1, 2], "plan"),
    (("layout",), 3, "layout is not text"),
])
def test_values_of_the_wrong_type(saved, path, value, what):
    docs = docs_of(saved)
    node = docs["edition.json"]
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    with pytest.raises(GalleyError, match="edition.json is damaged") as err:
        project_from_bytes(pack(docs))
    assert what in str(err.value)


def test_a_fix_with_junk_confidence(saved):
    docs = docs_of(saved)
    docs["edition.json"]["fixes"] = [{"id": "f", "kind": "join", "blocks": [0, 1], "confidence": "high"}]
    with pytest.raises(GalleyError, match="confidence"):
        project_from_bytes(pack(docs))


def test_control_characters_in_a_project_are_cleaned(saved, tmp_path):
    docs = docs_of(saved)
    docs["edition.json"]["stories"][0]["elements"][0]["text"] += "\x01\ud800"
    p = tmp_path / "c.galley"
    p.write_bytes(pack(docs))
    text = load_project(p).edition.text()
    assert "\x01" not in text and "\ud800" not in text


def test_a_huge_project_file_is_refused_unread(tmp_path):
    p = tmp_path / "big.galley"
    with open(p, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    with pytest.raises(GalleyError, match="too large"):
        load_project(p)
