"""Find and replace across the stories (plain text or regular expressions), as one undoable step.

Searches the elements' texts in reading order from the story editor's cursor, wrapping round;
a match never crosses a paragraph. Replacing goes through `EditTextCommand`s on the undo stack
(Replace all: one step for the whole edition).
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from galley.ui.undo import EditTextCommand


def tr(text: str) -> str:
    return QCoreApplication.translate("FindDialog", text)


def compile_pattern(text: str, regex: bool, case: bool) -> re.Pattern:
    """The search as a pattern; raises re.error for a bad regular expression."""
    return re.compile(text if regex else re.escape(text), 0 if case else re.IGNORECASE)


def find_all(edition, pattern: re.Pattern, story: int | None = None):
    """Every match as (story index, element index, start, end), in reading order."""
    for si, ei, el in edition.elements():
        if story is not None and si != story:
            continue
        for m in pattern.finditer(el.text):
            if m.end() > m.start():
                yield si, ei, m.start(), m.end()


class FindDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.win = window
        self.setWindowTitle(tr("Find and replace"))
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        self.regex = QCheckBox(tr("Regular expression"))
        self.case = QCheckBox(tr("Match case"))
        self.all_stories = QCheckBox(tr("All stories"))
        self.all_stories.setChecked(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Find:"), self.find_edit)
        form.addRow(tr("Replace with:"), self.replace_edit)
        opts = QHBoxLayout()
        for w in (self.regex, self.case, self.all_stories):
            opts.addWidget(w)
        buttons = QHBoxLayout()
        self.next_button = QPushButton(tr("Find &next"))
        self.replace_button = QPushButton(tr("&Replace"))
        self.replace_all_button = QPushButton(tr("Replace &all"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        for b in (self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(opts)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

    def _pattern(self) -> re.Pattern | None:
        text = self.find_edit.text()
        if not text:
            self.message.setText(tr("Type what to find."))
            return None
        try:
            return compile_pattern(text, self.regex.isChecked(), self.case.isChecked())
        except re.error as exc:
            self.message.setText("<span style='color:#c62828'>" + tr("Not a valid regular expression: %1")
                                 .replace("%1", str(exc)) + "</span>")
            return None

    def _scope(self) -> int | None:
        if self.all_stories.isChecked() or self.win.editor.story is None:
            return None
        return self.win.doc.story_index(self.win.editor.story)

    def find_next(self) -> bool:
        pat = self._pattern()
        if pat is None:
            return False
        ed = self.win.editor
        si = self.win.doc.story_index(ed.story) if ed.story is not None else 0
        c = ed.textCursor()
        here = (si, c.blockNumber(), c.selectionEnd() - c.block().position() if c.hasSelection()
                else c.positionInBlock())
        hits = list(find_all(self.win.doc.edition, pat, self._scope()))
        if not hits:
            self.message.setText(tr("Not found."))
            return False
        nxt = next((h for h in hits if (h[0], h[1], h[2]) >= here and not (
            c.hasSelection() and (h[0], h[1], h[2]) == (si, c.blockNumber(), c.selectionStart() -
                                                         c.block().position()))), None)
        wrapped = nxt is None
        nxt = nxt or hits[0]
        self.win.show_story(nxt[0], nxt[1], nxt[2], nxt[3])
        self.message.setText(tr("Wrapped to the start.") if wrapped else
                             (tr("1 match") if len(hits) == 1 else tr("%1 matches").replace("%1", str(len(hits)))))
        return True

    def _selected_match(self, pat):
        ed = self.win.editor
        c = ed.textCursor()
        if ed.story is None or not c.hasSelection():
            return None
        ei = c.blockNumber()
        el = ed.story.elements[ei]
        start, end = c.selectionStart() - c.block().position(), c.selectionEnd() - c.block().position()
        m = pat.fullmatch(el.text, start, end)
        return (ei, el, m) if m else None

    def replace(self) -> bool:
        """Replace the match selected in the editor, then find the next."""
        pat = self._pattern()
        if pat is None:
            return False
        hit = self._selected_match(pat)
        if hit is None:
            return self.find_next()
        ei, el, m = hit
        new = el.text[:m.start()] + self._expand(m) + el.text[m.end():]
        story = self.win.editor.story
        self.win.doc.undo_stack.push(EditTextCommand(self.win.doc, story, [(el, el.text)], [(el, new)], typing=False,
                                                     apply_first=True, label=tr("Replace")))
        self.win.show_story(self.win.doc.story_index(story), ei, m.start() + len(self._expand(m)),
                            m.start() + len(self._expand(m)))
        self.find_next()
        return True

    def _expand(self, m: re.Match) -> str:
        rep = self.replace_edit.text()
        return m.expand(rep) if self.regex.isChecked() else rep

    def replace_all(self) -> int:
        pat = self._pattern()
        if pat is None:
            return 0
        scope = self._scope()
        doc = self.win.doc
        changes, n = [], 0
        for si, st in enumerate(doc.edition.stories):
            if scope is not None and si != scope:
                continue
            before, after = [], []
            for el in st.elements:
                try:
                    new, k = pat.subn(self._expand, el.text)
                except (re.error, IndexError) as exc:
                    self.message.setText(tr("Not a valid replacement: %1").replace("%1", str(exc)))
                    return 0
                if k and new != el.text:
                    before.append((el, el.text))
                    after.append((el, new))
                    n += k
            if after:
                changes.append((st, before, after))
        if not n:
            self.message.setText(tr("Not found."))
            return 0
        label = tr("Replace %1 matches").replace("%1", str(n))
        doc.undo_stack.beginMacro(label)
        for st, before, after in changes:
            doc.undo_stack.push(EditTextCommand(doc, st, before, after, typing=False, apply_first=True))
        doc.undo_stack.endMacro()
        self.message.setText(tr("Replaced 1 match.") if n == 1 else tr("Replaced %1 matches.").replace("%1", str(n)))
        return n

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
