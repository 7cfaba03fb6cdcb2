"""The .galley project file: round trip, versions, damaged files, lock, autosave/recovery."""
from __future__ import annotations

import json
import zipfile

import pytest

from galley.app.errors import GalleyError
from galley.app.model import Kind
from galley.app.pipeline import edition_from_text, load_edition
from galley.app.project import ProjectLock, ProjectLockedError, load_project, save_project
from galley.app.project import format as fmt
from galley.app.project.autosave import Session, find_recoverable
from galley.app.project.format import Project

TEXT = "临江日报\n\n新区大桥今日通车\n\n本报讯 临江新区大桥今天上午正式通车，全长三千米。\n\n市民纷纷前来参观。\n"


def make_project() -> Project:
    ed = edition_from_text(TEXT, source="sample.txt")
    ed.stories[0].elements[1].kind = Kind.HEADLINE
    ed.stories[0].elements[2].text += "（编辑改动）"
    return Project(edition=ed, layout="broadsheet", plan={"pages": [{"modules": [{"story": "s1", "col": 0}]}]},
                   ignores=[{"kind": "here", "rule": "typo", "text": "三千米", "context": "全长\u2038。"},
                            {"kind": "word", "word": "临江"}])


def test_round_trip_keeps_everything(tmp_path):
    proj = make_project()
    out = save_project(proj, tmp_path / "e.galley")
    back = load_project(out)
    assert back.edition.text() == proj.edition.text()
    assert [e.kind for e in back.edition.stories[0].elements] == [e.kind for e in proj.edition.stories[0].elements]
    assert [e.parts for _, _, e in back.edition.elements()] == [e.parts for _, _, e in proj.edition.elements()]
    assert [b.text for b in back.edition.blocks] == [b.text for b in proj.edition.blocks]
    assert back.layout == "broadsheet" and back.plan == proj.plan
    assert back.ignores == proj.ignores
    # the pipeline opens .galley files through the project loader
    assert load_edition(out).text() == proj.edition.text()
    # and the file is a zip of JSON with a manifest
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "galley" and manifest["version"] == fmt.VERSION
        assert sorted(zf.namelist()) == ["edition.json", "manifest.json"]


def test_fix_flags_survive(tmp_path):
    from galley.app.model import Fix
    proj = make_project()
    proj.edition.fixes = [Fix("j1", "join", (2, 3), 0.9, "cut", "断行", accepted=False, before="a", after="b")]
    back = load_project(save_project(proj, tmp_path / "f.galley"))
    f = back.edition.fixes[0]
    assert (f.id, f.kind, f.blocks, f.accepted, f.before, f.after) == ("j1", "join", (2, 3), False, "a", "b")


def _rewrite(path, **manifest):
    with zipfile.ZipFile(path) as zf:
        docs = {n: json.loads(zf.read(n)) for n in zf.namelist()}
    docs["manifest.json"].update(manifest)
    with zipfile.ZipFile(path, "w") as zf:
        for n, d in docs.items():
            zf.writestr(n, json.dumps(d))


def test_newer_version_is_refused(tmp_path):
    p = save_project(make_project(), tmp_path / "v.galley")
    _rewrite(p, version=fmt.VERSION + 1)
    with pytest.raises(GalleyError, match="newer Galley"):
        load_project(p)


def test_older_version_is_migrated(tmp_path, monkeypatch):
    p = save_project(make_project(), tmp_path / "old.galley")
    monkeypatch.setattr(fmt, "VERSION", 2)

    def up(docs):
        docs["edition.json"]["layout"] = "tabloid"
        return docs
    monkeypatch.setitem(fmt.MIGRATIONS, 1, up)
    assert load_project(p).layout == "tabloid"


def test_other_format_is_refused(tmp_path):
    p = save_project(make_project(), tmp_path / "o.galley")
    _rewrite(p, format="something-else")
    with pytest.raises(GalleyError, match="not a valid Galley project"):
        load_project(p)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_corrupt_zip_is_a_galley_error(tmp_path, content):
    p = tmp_path / "bad.galley"
    p.write_bytes(content)
    with pytest.raises(GalleyError) as info:
        load_project(p)
    assert info.value.path == str(p)


def test_damaged_edition_json(tmp_path):
    p = tmp_path / "d.galley"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "galley", "version": 1}))
        zf.writestr("edition.json", json.dumps({"stories": [{"elements": [{"kind": "nonsense"}]}]}))
    with pytest.raises(GalleyError, match="edition.json"):
        load_project(p)


def test_refuses_to_overwrite_a_file_changed_on_disk(tmp_path):
    p = save_project(make_project(), tmp_path / "c.galley")
    mine = load_project(p)
    theirs = load_project(p)
    theirs.edition.stories[0].elements[0].text = "他人修改"
    save_project(theirs, p)
    mine.edition.stories[0].elements[0].text = "我的修改"
    with pytest.raises(GalleyError, match="changed on disk"):
        save_project(mine, p)
    assert load_project(p).edition.stories[0].elements[0].text == "他人修改"
    save_project(mine, tmp_path / "mine.galley")  # Save As still works
    save_project(mine, p, force=True)
    assert load_project(p).edition.stories[0].elements[0].text == "我的修改"


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    p = save_project(make_project(), tmp_path / "a.galley")
    before = p.read_bytes()
    proj = load_project(p)

    def boom(project):
        raise RuntimeError("disk full")
    monkeypatch.setattr(fmt, "project_bytes", boom)
    with pytest.raises(RuntimeError):
        save_project(proj, p)
    assert p.read_bytes() == before


def test_lock_blocks_a_second_writer(tmp_path):
    p = tmp_path / "l.galley"
    save_project(make_project(), p)
    lock = ProjectLock(p).acquire()
    # a lock file written by another computer
    lock.release()
    other = {"host": "desk-07", "user": "wang", "pid": 1234, "time_text": "2026-03-13 09:00"}
    ProjectLock(p).lock_path.write_text(json.dumps(other), encoding="utf-8")
    proj = load_project(p)
    with pytest.raises(ProjectLockedError, match="wang on desk-07"):
        save_project(proj, p)
    with pytest.raises(ProjectLockedError):
        ProjectLock(p).acquire()
    ProjectLock(p).break_lock()
    save_project(proj, p)


def test_stale_lock_from_a_dead_process_is_taken_over(tmp_path):
    import socket
    p = tmp_path / "s.galley"
    save_project(make_project(), p)
    lk = ProjectLock(p)
    lk.lock_path.write_text(json.dumps({"host": socket.gethostname(), "user": "me", "pid": 999999999}))
    lk.acquire()
    assert lk.held and json.loads(lk.lock_path.read_text())["pid"] != 999999999
    lk.release()
    assert not lk.lock_path.exists()


def test_held_lock_allows_own_saves(tmp_path):
    p = save_project(make_project(), tmp_path / "h.galley")
    proj = load_project(p)
    proj.lock = ProjectLock(p).acquire()
    proj.edition.stories[0].elements[0].text = "改"
    save_project(proj, p)
    assert proj.lock.lock_path.exists()
    proj.lock.release()
    assert not proj.lock.lock_path.exists()


def test_autosave_and_crash_recovery(tmp_path, monkeypatch):
    monkeypatch.setenv("GALLEY_DATA_DIR", str(tmp_path / "data"))
    s = Session()
    s.start(str(tmp_path / "e.galley"))
    auto = s.autosave(make_project())
    assert auto.exists() and auto.parent.parent == tmp_path / "data"
    assert find_recoverable() == []  # this process is alive: not a crash
    # pretend the process died
    info = json.loads(s.file.read_text())
    info["pid"] = 999999999
    s.file.write_text(json.dumps(info))
    rec = find_recoverable()
    assert len(rec) == 1 and rec[0].source == str(tmp_path / "e.galley")
    assert load_project(rec[0].autosave).edition.text() == make_project().edition.text()
    rec[0].discard()
    assert find_recoverable() == [] and not auto.exists()


def test_clean_exit_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("GALLEY_DATA_DIR", str(tmp_path / "data"))
    s = Session()
    s.start(None)
    auto = s.autosave(make_project())
    s.end()
    assert not auto.exists() and not s.file.exists()


def test_the_page_roles_of_pdf_blocks_survive_a_save(tmp_path):
    """A PDF's folios and captions stay typed in the project, so a rebuild (accepting or
    rejecting a repair) still keeps them out of the running text."""
    from galley.app.model.edition import RawBlock
    from galley.app.pipeline import build_edition
    blocks = [RawBlock(0, "本报讯 市政府昨天召开会议，要求各区加快推进繁", page=1, column=0),
              RawBlock(1, "— 1 —", page=1, column=0, role="furniture"),
              RawBlock(2, "荣发展的各项举措。", page=2, column=0)]
    proj = Project(edition=build_edition(blocks))
    back = load_project(save_project(proj, tmp_path / "p.galley")).edition
    assert [b.role for b in back.blocks] == [None, "furniture", None]
    rebuilt = build_edition(back.blocks)
    assert rebuilt.text().split("\n\n")[0].endswith("繁荣发展的各项举措。")


def test_which_pdf_blocks_the_page_set_indented_survives_a_save(tmp_path):
    """The page's word that a block opens a paragraph (its first line indented) stays in the
    project, so a rebuild does not join a paragraph ending on a stray ... to the next one."""
    from galley.app.model.edition import RawBlock
    from galley.app.pipeline import build_edition
    blocks = [RawBlock(0, "本报讯 临川港外贸集装箱航线新开通3条，通达东南亚、日韩等地的主要港口...", indented=True),
              RawBlock(1, "今年以来，港口加快智慧化改造，无人集卡陆续投入使用。", indented=True),
              RawBlock(2, "制图：王明")]
    proj = Project(edition=build_edition(blocks))
    assert len(proj.edition.text().split("\n\n")) >= 2
    back = load_project(save_project(proj, tmp_path / "p.galley")).edition
    assert [b.indented for b in back.blocks] == [True, True, None]
    assert build_edition(back.blocks).text() == proj.edition.text()
