"""Reading and writing the `.galley` ZIP of JSON documents (format described in `app.project`).

`load_project(path)` validates the manifest, migrates older versions and rebuilds the
`Edition`; `save_project(project, path)` writes atomically after checking that the file on
disk is still the one that was opened and that nobody else holds its lock.
"""
from __future__ import annotations

import hashlib
import io
import json
import lzma
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from galley.app import __version__, limits
from galley.app.errors import GalleyError
from galley.app.fsutil import atomic_write
from galley.app.importers.text import clean_text
from galley.app.model import Edition, Element, Fix, Kind, RawBlock, Story

if TYPE_CHECKING:
    from galley.app.project.lock import ProjectLock

FORMAT = "galley"
VERSION = 1

# version n -> a function turning version-n documents ({name: parsed JSON}) into version n+1.
# A new format version adds an entry here and a sample file + test under tests/app/project.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


@dataclass
class Project:
    """An edition plus everything the editor decided about it."""

    edition: Edition
    layout: str | None = None
    plan: dict | None = None
    ignores: list = field(default_factory=list)
    path: Path | None = None
    stamp: tuple | None = None  # (size, sha256) of the file as opened / last saved
    lock: ProjectLock | None = None  # a held lock, if the caller took one

    @classmethod
    def from_edition(cls, edition: Edition, **kw) -> Project:
        return cls(edition=edition, **kw)


def file_stamp(path: Path) -> tuple | None:
    """What the file on disk is: (size, sha256), or None when it does not exist."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    return (len(data), hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------------------- to JSON

def edition_to_json(edition: Edition) -> dict:
    return {
        "source": edition.source,
        "script": edition.script,
        "blocks": [{"index": b.index, "text": b.text, "blank_before": b.blank_before, "offset": b.offset,
                    "page": b.page, "column": b.column, **({"role": b.role} if b.role else {}),
                    **({"indented": b.indented} if b.indented is not None else {})}
                   for b in edition.blocks],
        "stories": [{"id": s.id, "page": s.page, "section": s.section,
                     "elements": [{"kind": str(e.kind), "text": e.text, "parts": list(e.parts),
                                   "lines": list(e.lines)} for e in s.elements]}
                    for s in edition.stories],
        "fixes": [f.to_json() for f in edition.fixes],
    }


def project_documents(project: Project) -> dict[str, dict]:
    ed = edition_to_json(project.edition)
    ed.update({"ignores": list(project.ignores), "layout": project.layout, "plan": project.plan})
    manifest = {"format": FORMAT, "version": VERSION, "generator": f"galley {__version__}",
                "saved": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    return {"manifest.json": manifest, "edition.json": ed}


def project_bytes(project: Project) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, doc in project_documents(project).items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, json.dumps(doc, ensure_ascii=False, indent=1))
    return buf.getvalue()


# ---------------------------------------------------------------------------- from JSON
#
# A project file may come from anywhere (a damaged disk, another program, a hand edit), so
# every value is checked for its type and range before anything is built from it: a damaged
# file is one clear `GalleyError`, never a crash later in repair, proofreading or layout.

def _bad(path, what: str) -> GalleyError:
    return GalleyError(f"not a valid Galley project: {what}", path)


class _Damaged(ValueError):
    """A value of edition.json that is not what the format says (the message names it)."""


def _int(v, what: str, lo: int = 0, hi: int = 2**31) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v < hi:
        raise _Damaged(f"{what} is not a whole number from {lo} to {hi - 1}")
    return v


def _opt_int(v, what: str) -> int | None:
    return None if v is None else _int(v, what, 0, 100_000)


def _str(v, what: str) -> str:
    if not isinstance(v, str):
        raise _Damaged(f"{what} is not text")
    return clean_text(v)


def _opt_str(v, what: str) -> str | None:
    return None if v is None else _str(v, what)


def _opt_bool(v, what: str) -> bool | None:
    if v is not None and not isinstance(v, bool):
        raise _Damaged(f"{what} is not true or false")
    return v


def _list(v, what: str) -> list:
    if not isinstance(v, list):
        raise _Damaged(f"{what} is not a list")
    return v


def _obj(v, what: str) -> dict:
    if not isinstance(v, dict):
        raise _Damaged(f"{what} is not an object")
    return v


def _indices(v, what: str, n: int) -> tuple[int, ...]:
    return tuple(_int(i, what, 0, max(n, 1)) for i in _list(v, what))


def _fix_from_json(f: dict, n_blocks: int, where: str = "a fix") -> Fix:
    """A Fix from its JSON, tolerant of fields added or dropped by other Galley versions."""
    f = _obj(f, where)
    kw: dict[str, Any] = {"id": _str(f.get("id"), f"{where}'s id"), "kind": _str(f.get("kind"), f"{where}'s kind"),
          "blocks": _indices(f.get("blocks", []), f"{where}'s blocks", n_blocks)}
    conf = f.get("confidence", 0.0)
    if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0.0 <= conf <= 1.0:
        raise _Damaged(f"{where}'s confidence is not a number from 0 to 1")
    kw["confidence"] = float(conf)
    for name in ("reason", "reason_zh", "before", "after"):
        kw[name] = _str(f.get(name, ""), f"{where}'s {name}")
    kw["moved"] = _indices(f.get("moved", []), f"{where}'s moved blocks", n_blocks)
    accepted = f.get("accepted", True)
    if not isinstance(accepted, bool):
        raise _Damaged(f"{where}'s accepted flag is not true or false")
    kw["accepted"] = accepted
    return Fix(**kw)


def _blocks(doc: dict) -> list[RawBlock]:
    blocks = []
    for i, b in enumerate(_list(doc.get("blocks", []), "blocks")):
        where = f"block {i}"
        b = _obj(b, where)
        _int(b.get("index", i), f"{where}'s index", i, i + 1)
        blank = b.get("blank_before", True)
        if not isinstance(blank, bool):
            raise _Damaged(f"{where}'s blank_before is not true or false")
        blocks.append(RawBlock(index=i, text=_str(b.get("text"), f"{where}'s text"), blank_before=blank,
                               offset=_int(b.get("offset", 0), f"{where}'s offset"),
                               page=_opt_int(b.get("page"), f"{where}'s page"),
                               column=_opt_int(b.get("column"), f"{where}'s column"),
                               role=_opt_str(b.get("role"), f"{where}'s role"),
                               indented=_opt_bool(b.get("indented"), f"{where}'s indented")))
    return blocks


def _stories(doc: dict, n_blocks: int) -> list[Story]:
    stories, ids = [], set()
    for si, s in enumerate(_list(doc.get("stories", []), "stories")):
        where = f"story {si}"
        s = _obj(s, where)
        sid = _str(s.get("id"), f"{where}'s id")
        if not sid or sid in ids:
            raise _Damaged(f"{where}'s id is empty or used twice")
        ids.add(sid)
        elements = []
        for ei, e in enumerate(_list(s.get("elements", []), f"{where}'s elements")):
            at = f"element {ei} of story {sid}"
            e = _obj(e, at)
            try:
                raw_kind = e.get("kind")
                kind = Kind(raw_kind if isinstance(raw_kind, str) else "")
            except ValueError:
                raise _Damaged(f"{at} has an unknown kind") from None
            elements.append(Element(kind=kind, text=_str(e.get("text"), f"{at}'s text"),
                                    parts=_indices(e.get("parts", []), f"{at}'s parts", n_blocks),
                                    lines=tuple(_str(x, f"{at}'s lines") for x in _list(e.get("lines", []),
                                                                                         f"{at}'s lines"))))
        stories.append(Story(id=sid, page=_opt_str(s.get("page"), f"{where}'s page"),
                             section=_opt_str(s.get("section"), f"{where}'s section"), elements=elements))
    return stories


def edition_from_json(doc: dict, path=None) -> Edition:
    try:
        doc = _obj(doc, "edition.json")
        blocks = _blocks(doc)
        stories = _stories(doc, len(blocks))
        fixes = [_fix_from_json(f, len(blocks), f"fix {i}") for i, f in enumerate(_list(doc.get("fixes", []), "fixes"))]
        script = doc.get("script")
        if script not in (None, "simplified", "traditional"):
            raise _Damaged("script is neither simplified nor traditional")
        source = _opt_str(doc.get("source"), "source")
    except _Damaged as exc:
        raise _bad(path, f"edition.json is damaged ({exc})") from None
    chars = max(sum(len(b.text) for b in blocks), sum(len(e.text) for s in stories for e in s.elements))
    if chars > limits.MAX_EDITION_CHARS:
        raise GalleyError(limits.edition_too_large(chars), path)
    return Edition(blocks=blocks, stories=stories, fixes=fixes, source=source, script=script or "simplified")


def _depth(value, limit: int) -> bool:
    """Whether `value` (parsed JSON) nests objects and lists no deeper than `limit`."""
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > limit:
                return False
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return True


def _ignores(value, path) -> list:
    records = _list(value or [], "ignores")
    for i, r in enumerate(records):
        r = _obj(r, f"ignore record {i}")
        for key in ("kind", "rule", "text", "context", "story", "word"):
            if key in r and not isinstance(r[key], str):
                raise _Damaged(f"ignore record {i}'s {key} is not text")
    return records


def _plan(value, path) -> dict | None:
    """The plan as saved (layout reads it with `Plan.from_json`, which checks it): an object or null."""
    if value is None:
        return None
    if not isinstance(value, dict) or not _depth(value, limits.MAX_JSON_DEPTH):
        raise _Damaged("plan is not a placement plan")
    return value


def read_documents(data: bytes, path=None) -> dict[str, dict]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise _bad(path, "the file is not a ZIP archive or is damaged") from exc
    docs = {}
    with zf:
        for name in ("manifest.json", "edition.json"):
            try:
                info = zf.getinfo(name)
            except KeyError:
                raise _bad(path, f"{name} is missing") from None
            if info.file_size > limits.MAX_PROJECT_MEMBER:
                raise _bad(path, f"{name} is too large ({info.file_size / 2**20:.0f} MB; "
                                 f"at most {limits.MAX_PROJECT_MEMBER // 2**20} MB)")
            try:
                docs[name] = json.loads(zf.read(info).decode("utf-8"))
            except RecursionError:
                raise _bad(path, f"{name} is nested too deeply") from None
            except json.JSONDecodeError as exc:
                raise _bad(path, f"{name} is not valid JSON (line {exc.lineno})") from None
            except UnicodeDecodeError:
                raise _bad(path, f"{name} is not UTF-8 text") from None
            except ValueError as exc:        # a number too long to read, among others
                what = "holds a number too long to read" if "digits" in str(exc) else f"cannot be read ({str(exc)[:80]})"
                raise _bad(path, f"{name} {what}") from None
            except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, NotImplementedError,
                    RuntimeError) as exc:   # damaged data, an unknown compression method, encryption
                raise _bad(path, f"{name} cannot be read, the archive is damaged ({type(exc).__name__})") from None
            if not isinstance(docs[name], dict):
                raise _bad(path, f"{name} is not a JSON object")
    return docs


def migrate(docs: dict[str, dict], path=None) -> dict[str, dict]:
    """Bring documents of an older format version up to `VERSION`."""
    manifest = docs["manifest.json"]
    if manifest.get("format") != FORMAT:
        raise _bad(path, f"format is {manifest.get('format')!r}, expected {FORMAT!r}")
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise _bad(path, f"unknown format version {version!r}")
    if version > VERSION:
        raise GalleyError(f"this project was saved by a newer Galley (format version {version}; "
                          f"this Galley reads up to {VERSION}); please update Galley", path)
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise _bad(path, f"no migration from format version {version}")
        docs = step(docs)
        version += 1
        docs["manifest.json"]["version"] = version
    return docs


def project_from_bytes(data: bytes, path=None) -> Project:
    docs = migrate(read_documents(data, path), path)
    ed = docs["edition.json"]
    edition = edition_from_json(ed, path)
    try:
        layout = _opt_str(ed.get("layout"), "layout")
        plan = _plan(ed.get("plan"), path)
        ignores = _ignores(ed.get("ignores"), path)
    except _Damaged as exc:
        raise _bad(path, f"edition.json is damaged ({exc})") from None
    return Project(edition=edition, layout=layout, plan=plan, ignores=list(ignores))


def load_project(path: str | Path) -> Project:
    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size > limits.MAX_FILE_BYTES:
            raise GalleyError(f"the file is too large for a Galley project ({p.stat().st_size / 2**20:.0f} MB)", p)
        data = p.read_bytes()
    except FileNotFoundError:
        raise GalleyError("no such file", p) from None
    except IsADirectoryError:
        raise GalleyError("is a folder, not a file", p) from None
    except OSError as exc:
        raise GalleyError(f"cannot read the file: {exc.strerror or exc}", p) from exc
    project = project_from_bytes(data, p)
    project.path = p
    project.stamp = (len(data), hashlib.sha256(data).hexdigest())
    if not project.edition.source:
        project.edition.source = str(p)
    return project


def save_project(project: Project, path: str | Path | None = None, *, force: bool = False) -> Path:
    """Write `project` to `path` (default: where it came from) atomically.

    Refuses (GalleyError) when the target is the file the project was opened from and it
    has changed on disk since (someone else saved it), unless `force`; and when another
    computer or process holds the project's lock.
    """
    from galley.app.project.lock import ProjectLock

    target = Path(path) if path is not None else project.path
    if target is None:
        raise GalleyError("no file name given for the project")
    same_file = project.path is not None and Path(project.path).resolve() == target.resolve()
    if same_file and not force and project.stamp is not None and file_stamp(target) not in (None, project.stamp):
        raise GalleyError("the project file was changed on disk since it was opened "
                          "(by another program or computer); save under another name", target)
    data = project_bytes(project)
    held = project.lock if (project.lock is not None and Path(project.lock.project_path) == target) else None
    lock = held or ProjectLock(target)
    if held is None:
        lock.acquire()  # raises ProjectLockedError naming the holder
    try:
        with atomic_write(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise GalleyError(f"cannot write the project: {exc.strerror or exc}", target) from exc
    finally:
        if held is None:
            lock.release()
    project.path = target
    project.stamp = (len(data), hashlib.sha256(data).hexdigest())
    return target
