"""The open edition as the GUI sees it: project, findings as marks, undo stack, signals.

Every change goes through a command on `undo_stack` (see `ui.undo`), which calls the
`apply_*` methods here; the methods emit signals the panels listen to. Findings are kept
per element (`Mark`s, offsets local to the element) so typing re-checks one paragraph.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from galley.app.model import Element, Story
from galley.app.project import Project
from galley.ui import proofing
from galley.ui.proofing import Mark


class EditionDocument(QObject):
    storyChanged = Signal(object)      # a Story whose element texts changed (not from the editor itself)
    structureChanged = Signal()        # stories/elements replaced (a repair accepted or rejected)
    findingsChanged = Signal()         # the list of findings changed (panels refresh; debounced while typing)
    elementChecked = Signal(object)    # one element was re-checked (the editor re-highlights its paragraph)
    layoutChanged = Signal()           # layout name or placement plan changed

    RECHECK_DELAY_MS = 120

    def __init__(self, project: Project, settings: dict | None = None, parent=None):
        super().__init__(parent)
        self.project = project
        self.settings = settings or {}
        self.undo_stack = QUndoStack(self)
        self.marks: dict[int, list[Mark]] = {}
        self._dirty_elements: dict[int, Element] = {}
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(self.RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.flush_rechecks)
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(250)
        self._notify.timeout.connect(self.findingsChanged.emit)
        self._version = 0
        self._visible: tuple[int, list] | None = None

    # ------------------------------------------------------------------ basics
    @property
    def edition(self):
        return self.project.edition

    def locate(self, element: Element) -> tuple[int, int] | None:
        for si, st in enumerate(self.edition.stories):
            for ei, el in enumerate(st.elements):
                if el is element:
                    return si, ei
        return None

    def story_index(self, story: Story) -> int:
        for i, st in enumerate(self.edition.stories):
            if st is story:
                return i
        return -1

    # ------------------------------------------------------------------ findings
    ASYNC_CHARS = 20_000   # larger editions are proofread in the background process

    checking = False
    check_error: str | None = None
    _check_job: int | None = None

    def recheck_all(self, hub=None) -> None:
        """Proofread the whole edition: here for a small one, in the background for a large one."""
        self._dirty_elements.clear()
        self.check_error = None
        if hub is not None and self.edition.char_count > self.ASYNC_CHARS and proofing.available():
            spans = proofing.element_spans(self.edition)
            texts = [(el, el.text) for _, _, el in spans]
            hub.cancel(self._check_job)
            try:
                self._check_job = hub.submit("check", self.edition, self.proof_settings(),
                                             callback=lambda res, err: self._checked(res, err, spans, texts))
                self.checking = True
                self.findingsChanged.emit()
                return
            except (OSError, ValueError):
                pass
        self.marks = proofing.check_edition(self.edition, self.proof_settings())
        self._version += 1
        self.findingsChanged.emit()

    def _checked(self, findings, error, spans, texts) -> None:
        self._check_job = None
        self.checking = False
        if error is not None:
            self.check_error = error
            self.findingsChanged.emit()
            return
        self.marks = proofing.marks_from_findings(findings, spans)
        live = {id(el) for _, _, el in self.edition.elements()}
        for el, text in texts:
            if id(el) in live and el.text != text:   # edited while the check ran
                self.recheck_element(el)
        for _, _, el in self.edition.elements():
            if id(el) not in self.marks:              # added while the check ran
                self.recheck_element(el)
        self._version += 1
        self.findingsChanged.emit()

    def proof_settings(self) -> dict:
        return proofing.proof_settings(self.settings)

    def recheck_element(self, element: Element) -> None:
        """Re-check one paragraph in its place: its kind, its neighbours (a quotation running over
        paragraphs opens each and closes only at its end), the edition's script and its text (a
        form it writes three times is no slip: `words.misused`)."""
        prev_text = next_text = None
        for story in self.edition.stories:
            for k, el in enumerate(story.elements):
                if el is element:
                    prev_text = story.elements[k - 1].text if k else None
                    next_text = story.elements[k + 1].text if k + 1 < len(story.elements) else None
        self.marks[id(element)] = proofing.check_paragraph(
            element.text, self.proof_settings(), kind=str(element.kind), prev_text=prev_text,
            next_text=next_text, script=self.edition.script, edition_text=self.edition.text)
        self._version += 1

    def element_edited(self, element: Element, pos: int, removed: int, added: int) -> None:
        """Typing in the editor: shift the element's marks now, re-check it after a pause."""
        delta = added - removed
        kept = []
        for m in self.marks.get(id(element), []):
            if m.end <= pos:
                kept.append(m)
            elif m.start >= pos + removed:
                kept.append(Mark(m.finding, m.start + delta, m.end + delta))
        self.marks[id(element)] = kept
        self._version += 1
        self._dirty_elements[id(element)] = element
        self._recheck.start()

    def flush_rechecks(self) -> None:
        self._recheck.stop()
        if not self._dirty_elements:
            return
        dirty = list(self._dirty_elements.values())
        self._dirty_elements.clear()
        for el in dirty:
            self.recheck_element(el)
            self.elementChecked.emit(el)
        self._notify.start()

    def _ignores(self):
        key = (repr(self.project.ignores), tuple(self.settings.get("user_words") or ()))
        if getattr(self, "_ign_key", None) != key:
            self._ign_key = key
            self._ign = proofing.ignores_from(self.project.ignores, self.settings.get("user_words") or ())
        return self._ign

    def element_marks(self, story: Story, ei: int) -> list[Mark]:
        """The element's findings, less those the editor rejected, ignored or put in the dictionary."""
        el = story.elements[ei]
        marks = self.marks.get(id(el), [])
        ign = self._ignores() if marks else None
        if not ign:
            return list(marks)
        out = []
        for m in marks:
            f = m.finding
            local = dataclasses.replace(f, start=m.start, end=m.end) if (f.start, f.end) != (m.start, m.end) else f
            if not ign.suppresses(local, el.text, story.id):
                out.append(m)
        return out

    def visible_marks(self) -> list[tuple[int, int, Element, Mark]]:
        """Every finding not rejected, ignored or in the dictionary, in reading order (cached)."""
        key = (self._version, repr(self.project.ignores), tuple(self.settings.get("user_words") or ()),
               len(self.edition.stories))
        if self._visible is not None and self._visible[0] == key:
            return self._visible[1]
        out = []
        for si, st in enumerate(self.edition.stories):
            for ei, el in enumerate(st.elements):
                if id(el) in self.marks:
                    for m in sorted(self.element_marks(st, ei), key=lambda m: (m.start, m.end)):
                        out.append((si, ei, el, m))
        self._visible = (key, out)
        return out

    # ------------------------------------------------------------------ changes (called by commands)
    def apply_story_state(self, story: Story, state: list[tuple[Element, str]], full: bool) -> None:
        """Set element texts (and, when `full`, the story's element list) and tell the views."""
        self._version += 1
        if full:
            story.elements[:] = [el for el, _ in state]
        for el, text in state:
            if el.text != text:
                el.text = text
                self.recheck_element(el)
        self.storyChanged.emit(story)
        self.findingsChanged.emit()

    def apply_structure(self, stories: list[Story], fixes: list) -> None:
        self.edition.stories = stories
        self.edition.fixes = fixes
        live = {id(el) for _, _, el in self.edition.elements()}
        missing = [el for _, _, el in self.edition.elements() if id(el) not in self.marks]
        self.marks = {k: v for k, v in self.marks.items() if k in live}
        self._version += 1
        for el in missing:
            self.recheck_element(el)
        self.structureChanged.emit()
        self.findingsChanged.emit()

    def apply_snapshot(self, old, new) -> None:
        """Put the edition in the state `new` (a `ui.undo.structure_snapshot`), coming from `old`."""
        stories, lists, elements, fixes = new
        for st, els in lists:
            st.elements[:] = els
        changed = []
        old_text = {id(el): text for el, text, *_ in old[2]}
        for el, text, kind, parts, lines in elements:
            el.text, el.kind, el.parts, el.lines = text, kind, parts, lines
            if old_text.get(id(el)) != text:
                changed.append(el)
        for f, accepted in fixes:
            f.accepted = accepted
        for el in changed:
            self.marks.pop(id(el), None)
        self.apply_structure(stories, [f for f, _ in fixes])

    def apply_records(self, attr: str, records: list) -> None:
        setattr(self.project, attr, list(records))
        self.findingsChanged.emit()

    def apply_user_words(self, words: list[str]) -> None:
        self.settings["user_words"] = list(words)
        from galley.ui import prefs
        prefs.store_user_words(words)
        self.findingsChanged.emit()


    def apply_layout(self, layout: str | None, plan: dict | None) -> None:
        self.project.layout = layout
        self.project.plan = plan
        self.layoutChanged.emit()
