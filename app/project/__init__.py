"""Project files (`.galley`): an edition with its review state, saved and reopened.

Where it sits: after import/repair/structure (an `Edition`) and beside proof and layout;
the GUI saves its work here, and `app.pipeline.load_edition` opens `.galley` files through
`load_project`.

The format (version 1) is a ZIP archive of JSON documents, UTF-8, no executable content:

``manifest.json``
    ``{"format": "galley", "version": 1, "generator": "galley 0.1.0", "saved": ISO time}``.
    A file with another ``format`` is refused; an older ``version`` is migrated on load
    (`app.project.format.MIGRATIONS`), a newer one is refused with a message.
``edition.json``
    ``source`` (the path first imported), ``script`` ("simplified"/"traditional"),
    ``blocks`` (the imported raw blocks: ``index, text, blank_before, offset, page, column`` and, from a PDF, ``role``),
    ``stories`` (``id, page, section, elements: [{kind, text, parts, lines}]``; element
    texts carry the editor's edits), ``fixes`` (the structural repairs with their
    ``accepted`` flags, as `Fix.to_json`), ``ignores`` (the editor's decisions on findings
    as `app.proof.ignores` serialises them: a rejected finding is an "ignore here" record,
    also "ignore this rule in this story" and the edition's own words), ``layout`` (the
    page grid template's name or null) and ``plan`` (the placement plan as
    `app.layout.plan` writes it, or null).

Saving is atomic (`app.fsutil.atomic_write`), refuses to overwrite a file that changed on
disk since it was opened or last saved, and refuses while another computer holds the
project's lock (`app.project.lock`). Autosave and crash recovery: `app.project.autosave`.
"""
from __future__ import annotations

from galley.app.project.format import FORMAT, VERSION, Project, load_project, save_project
from galley.app.project.lock import ProjectLock, ProjectLockedError

__all__ = ["FORMAT", "VERSION", "Project", "ProjectLock", "ProjectLockedError", "load_project",
           "save_project"]
