"""Reading and writing the `.galley` ZIP of JSON documents (format described in `app.project`).

`load_project(path)` validates the manifest, migrates older versions and rebuilds the
`Edition`; `save_project(project, path)` writes atomically after checking that the file on
disk is still the one that was opened and that nobody else holds its lock.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.errors import GalleyError
from app.fsutil import atomic_write
from app.model import Edition, Element, Fix, Kind, RawBlock, Story

FORMAT = "galley"
VERSION = 1

# version n -> a function turning version-n documents ({name: parsed JSON}) into version n+1.
# A new format version adds an entry here and a sample file + test under tests/app/project.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

_MAX_MEMBER = 512 * 1024 * 1024  # refuse absurd (zip bomb) members


@dataclass
class Project:
    """An edition plus everything the editor decided about it."""

    edition: Edition
    layout: str | None = None
    plan: dict | None = None
    ignores: list = field(default_factory=list)
    path: Path | None = None
    stamp: tuple | None = None  # (size, sha256) of the file as opened / last saved
    lock: object | None = None  # a held `ProjectLock`, if the caller took one

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
                    "page": b.page, "column": b.column} for b in edition.blocks],
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

def _bad(path, what: str) -> GalleyError:
    return GalleyError(f"not a valid Galley project: {what}", path)


def _fix_from_json(f: dict) -> Fix:
    """A Fix from its JSON, tolerant of fields added or dropped by other Galley versions."""
    kw = {}
    for fl in dataclasses.fields(Fix):
        if fl.name in f:
            v = f[fl.name]
            kw[fl.name] = tuple(int(i) for i in v) if isinstance(v, list) else v
    return Fix(**kw)


def edition_from_json(doc: dict, path=None) -> Edition:
    try:
        blocks = [RawBlock(index=int(b["index"]), text=str(b["text"]), blank_before=bool(b.get("blank_before", True)),
                           offset=int(b.get("offset", 0)), page=b.get("page"), column=b.get("column"))
                  for b in doc.get("blocks", [])]
        stories = [Story(id=str(s["id"]), page=s.get("page"), section=s.get("section"),
                         elements=[Element(kind=Kind(e["kind"]), text=str(e["text"]),
                                           parts=tuple(int(i) for i in e.get("parts", ())),
                                           lines=tuple(str(x) for x in e.get("lines", ())))
                                   for e in s.get("elements", [])])
                   for s in doc.get("stories", [])]
        fixes = [_fix_from_json(f) for f in doc.get("fixes", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad(path, f"edition.json is damaged ({type(exc).__name__}: {exc})") from exc
    return Edition(blocks=blocks, stories=stories, fixes=fixes, source=doc.get("source"),
                   script=doc.get("script") or "simplified")


def read_documents(data: bytes, path=None) -> dict[str, dict]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _bad(path, "the file is not a ZIP archive or is damaged") from exc
    docs = {}
    with zf:
        for name in ("manifest.json", "edition.json"):
            try:
                info = zf.getinfo(name)
            except KeyError:
                raise _bad(path, f"{name} is missing") from None
            if info.file_size > _MAX_MEMBER:
                raise _bad(path, f"{name} is too large")
            try:
                docs[name] = json.loads(zf.read(info).decode("utf-8"))
            except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, OSError, EOFError) as exc:
                raise _bad(path, f"{name} cannot be read ({exc})") from exc
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
    plan = ed.get("plan")
    return Project(edition=edition, layout=ed.get("layout"), plan=plan if isinstance(plan, dict) else None,
                   ignores=list(ed.get("ignores") or []))


def load_project(path: str | Path) -> Project:
    p = Path(path)
    try:
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
    from app.project.lock import ProjectLock

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
