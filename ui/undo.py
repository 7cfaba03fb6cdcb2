"""Undoable commands: every edit, fix and layout change goes on the document's QUndoStack.

A command records the state before and after and asks the `EditionDocument` to apply one
or the other; element objects are kept, not copied, so commands further down the stack
stay valid after a repair is undone (it restores the very same objects).
"""
from __future__ import annotations

import copy
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from galley.app.model import join_parts

TYPING_ID = 1001


def tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class EditTextCommand(QUndoCommand):
    """Text of a story's elements changed (typing, a paragraph split or joined, a finding fixed).

    `before`/`after` are lists of (element, text); with `full` they are the whole element list.
    Pushed after the editor already shows the change, so the first redo does nothing
    unless `apply_first` (a fix applied from the findings panel).
    """

    def __init__(self, doc, story, before, after, full=False, label=None, typing=True, apply_first=False):
        super().__init__(label or tr("Typing"))
        self.doc, self.story = doc, story
        self.before, self.after, self.full = before, after, full
        self.typing = typing
        self._skip = not apply_first
        self._time = time.monotonic()

    def id(self) -> int:
        return TYPING_ID if self.typing and not self.full else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, EditTextCommand) or other.story is not self.story or other.full or self.full:
            return False
        if [e for e, _ in other.after] != [e for e, _ in self.after] or other._time - self._time > 3.0:
            return False
        self.after = other.after
        self._time = other._time
        return True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.doc.apply_story_state(self.story, self.after, self.full)

    def undo(self) -> None:
        self.doc.apply_story_state(self.story, self.before, self.full)


def original_text(element, blocks) -> str:
    try:
        return join_parts([blocks[i].text for i in element.parts])
    except IndexError:
        return element.text


class RebuildCommand(QUndoCommand):
    """Accept or reject structural repairs: rebuild the stories from the imported blocks.

    The editor's text edits survive for every element made from the same blocks as before.
    """

    def __init__(self, doc, rejected: set[str], label: str, accepted: set[str] = frozenset()):
        super().__init__(label)
        self.doc = doc
        self.rejected = set(rejected)
        self.accepted = set(accepted)      # possible cuts the editor accepted
        ed = doc.edition
        self.before = (ed.stories, ed.fixes, [f.accepted for f in ed.fixes])
        self.after = None

    def redo(self) -> None:
        ed = self.doc.edition
        if self.after is None:
            from galley.app.pipeline import build_edition
            edited = {}
            kinds = {}
            for _, _, el in ed.elements():
                if not el.parts:
                    continue      # added by the editor: put back as it is (_keep_added_elements)
                if el.text != original_text(el, ed.blocks):
                    edited[el.parts] = el.text
                kinds[el.parts] = el
            new = build_edition(ed.blocks, rejected=self.rejected, source=ed.source, accepted=self.accepted)
            _keep_added_elements(ed.stories, new.stories)
            for _, _, el in new.elements():
                if el.parts in edited:
                    el.text = edited[el.parts]
                old = kinds.get(el.parts)
                if old is not None and old.text == el.text:
                    el.kind = old.kind  # keep a kind the editor chose, when the element is the same
            self.after = (new.stories, new.fixes, [f.accepted for f in new.fixes])
        stories, fixes, flags = self.after
        for f, a in zip(fixes, flags, strict=True):
            f.accepted = a
        self.doc.apply_structure(stories, fixes)

    def undo(self) -> None:
        stories, fixes, flags = self.before
        for f, a in zip(fixes, flags, strict=True):
            f.accepted = a
        self.doc.apply_structure(stories, fixes)


def _keep_added_elements(old_stories, new_stories) -> None:
    """Paragraphs the editor added (pasted or typed: made from no imported block) are not in a
    rebuild from the blocks: put each back after the element it followed."""
    by_part = {p: (st, el) for st in new_stories for el in st.elements for p in el.parts}
    for old in old_stories:
        where = None                      # (story, element) the next added paragraph goes after
        for el in old.elements:
            if el.parts:
                where = next((by_part[p] for p in el.parts if p in by_part), where)
                continue
            if where is None:
                st = next((s for s in new_stories if s.id == old.id), new_stories[0] if new_stories else None)
                if st is None:
                    continue
                st.elements.insert(0, el)
            else:
                st, after = where
                st.elements.insert(st.elements.index(after) + 1, el)
            where = (st, el)


class RecordCommand(QUndoCommand):
    """Add an ignore record to the project (`app.proof.ignores` JSON): a rejected finding
    ("here"), a rule ignored in a story ("rule_in_story") or a word of the edition ("word")."""

    def __init__(self, doc, attr: str, record: dict, label: str):
        super().__init__(label)
        self.doc, self.attr = doc, attr
        self.before = list(getattr(doc.project, attr))
        self.after = self.before + [record]

    def redo(self) -> None:
        self.doc.apply_records(self.attr, self.after)

    def undo(self) -> None:
        self.doc.apply_records(self.attr, self.before)


class DictionaryCommand(QUndoCommand):
    """Add a word to the user dictionary (the finding on it, and all like it, go away)."""

    def __init__(self, doc, word: str):
        super().__init__(tr("Add “%1” to dictionary").replace("%1", word))
        self.doc = doc
        self.before = list(doc.settings.get("user_words") or [])
        self.after = self.before + ([word] if word not in self.before else [])

    def redo(self) -> None:
        self.doc.apply_user_words(self.after)

    def undo(self) -> None:
        self.doc.apply_user_words(self.before)


class LayoutCommand(QUndoCommand):
    """A layout change: the template, or the placement plan (a story moved or a module resized)."""

    def __init__(self, doc, layout: str | None, plan: dict | None, label: str):
        super().__init__(label)
        self.doc = doc
        self.before = (doc.project.layout, copy.deepcopy(doc.project.plan))
        self.after = (layout, copy.deepcopy(plan))

    def redo(self) -> None:
        self.doc.apply_layout(*copy.deepcopy(self.after))

    def undo(self) -> None:
        self.doc.apply_layout(*copy.deepcopy(self.before))


def structure_snapshot(edition) -> tuple:
    """What a structure edit can change: the story list, each story's elements, each element's
    text, kind and blocks, and which repairs are accepted (objects kept, not copied)."""
    return (list(edition.stories),
            [(st, list(st.elements)) for st in edition.stories],
            [(el, el.text, el.kind, el.parts, el.lines) for _, _, el in edition.elements()],
            [(f, f.accepted) for f in edition.fixes])


class StructureCommand(QUndoCommand):
    """A structure edit made in place (`app.model.ops`): split, join, change kind, move out, or a
    repair accepted or rejected. `change(edition)` runs once; undo and redo restore snapshots."""

    def __init__(self, doc, label: str, change):
        super().__init__(label)
        self.doc, self.change = doc, change
        self.before = structure_snapshot(doc.edition)
        self.after = None
        self.applied = False

    def redo(self) -> None:
        if self.after is None:
            self.applied = bool(self.change(self.doc.edition))
            self.after = structure_snapshot(self.doc.edition)
            if not self.applied:
                self.setObsolete(True)
            self.doc.apply_snapshot(self.before, self.after)
            return
        self.doc.apply_snapshot(self.before, self.after)

    def undo(self) -> None:
        self.doc.apply_snapshot(self.after, self.before)
