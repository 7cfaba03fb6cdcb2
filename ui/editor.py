"""The story editor: one story's elements as paragraphs, findings underlined by severity.

Each element is one paragraph (QTextBlock) of a QPlainTextEdit. The editor's own undo is
off: every change becomes an `EditTextCommand` on the document's QUndoStack. Typing shifts
the paragraph's marks at once and re-checks only that paragraph after a short pause.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip

from galley.app.model import Element, Kind
from galley.ui.undo import EditTextCommand

SEVERITY_COLORS = {"error": QColor("#d32f2f"), "warning": QColor("#ef8a00"), "info": QColor("#1e6fd9")}
HEADING_COLORS = {Kind.HEADLINE: "#111111", Kind.KICKER: "#5a3d8a", Kind.DECK: "#5a3d8a", Kind.SUBHEAD: "#1d4f91",
                  Kind.SECTION: "#7a7a7a", Kind.PAGE: "#7a7a7a", Kind.BANNER: "#7a7a7a"}


def tr(text: str) -> str:
    return QCoreApplication.translate("StoryEditor", text)


class FindingHighlighter(QSyntaxHighlighter):
    """Paints heading styles and the wavy underlines of an element's findings."""

    def __init__(self, editor: StoryEditor):
        super().__init__(editor.document())
        self.editor = editor

    def highlightBlock(self, text: str) -> None:
        ed = self.editor
        n = self.currentBlock().blockNumber()
        if ed.story is None or n >= len(ed.story.elements):
            return
        el = ed.story.elements[n]
        if el.kind.is_heading or el.kind in (Kind.BYLINE, Kind.AUTHOR, Kind.CAPTION, Kind.CREDIT, Kind.SIDEBAR):
            fmt = QTextCharFormat()
            if el.kind.is_heading:
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setForeground(QColor(HEADING_COLORS.get(el.kind, "#111111")))
            else:
                fmt.setForeground(QColor("#4a4a4a"))
                fmt.setFontItalic(el.kind in (Kind.CAPTION, Kind.CREDIT))
            self.setFormat(0, len(text), fmt)
        for m in ed.doc.element_marks(ed.story, n):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(SEVERITY_COLORS.get(m.severity, SEVERITY_COLORS["info"]))
            start, end = max(0, m.start), min(len(text), max(m.end, m.start + 1))
            if start < len(text):
                self.setFormat(start, end - start, fmt)


class StoryEditor(QPlainTextEdit):
    """Edits the elements of one story; all changes go through the undo stack."""

    markClicked = Signal(object, int, object)   # story, element index, Mark (cursor entered a finding)
    fixRequested = Signal(object, int, object)  # story, element index, Mark: apply its fix (context menu)
    dismissRequested = Signal(object, int, object)
    oversetChanged = Signal(int)                # characters of the shown story that do not fit

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.story = None
        self._loading = False
        self.extra_actions: list = []
        self.overset: dict = {}   # appended to the context menu (the window's structure commands)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(14)
        self.highlighter = FindingHighlighter(self)
        self.document().contentsChange.connect(self._contents_change)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.setPlaceholderText(tr("Open an edition (File ▸ Open) or drop a .txt, .docx, .pdf or .galley file here."))
        self.set_document(doc)

    def set_document(self, doc) -> None:
        self.doc = doc
        doc.storyChanged.connect(self._story_changed)
        doc.structureChanged.connect(self._structure_changed)
        doc.findingsChanged.connect(self.highlighter.rehighlight)
        doc.elementChecked.connect(self._element_checked)

    # ------------------------------------------------------------------ showing
    def show_story(self, story, element: int = 0, start: int = 0, end: int | None = None) -> None:
        if story is not self.story:
            self.story = story
            self._reload()
            self.oversetChanged.emit(self.story_overset())
        self.select(element, start, end if end is not None else start)

    def _reload(self) -> None:
        self._loading = True
        try:
            bar = self.verticalScrollBar().value()
            pos = self.textCursor().position()
            text = "\n".join(e.text for e in self.story.elements) if self.story else ""
            self.document().setPlainText(text)
            self.setReadOnly(self.story is None)
            c = self.textCursor()
            c.setPosition(min(pos, len(text)))
            self.setTextCursor(c)
            self.verticalScrollBar().setValue(bar)
        finally:
            self._loading = False

    def select(self, element: int, start: int, end: int) -> None:
        block = self.document().findBlockByNumber(element)
        if not block.isValid():
            return
        c = QTextCursor(block)
        c.setPosition(block.position() + min(start, block.length() - 1))
        c.setPosition(block.position() + min(end, block.length() - 1), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        self.centerCursor()

    def current_location(self) -> tuple[int, int]:
        """(element index, offset in it) of the text cursor."""
        c = self.textCursor()
        return c.blockNumber(), c.positionInBlock()

    def _element_checked(self, element) -> None:
        if self.story is None:
            return
        for n, el in enumerate(self.story.elements):
            if el is element:
                block = self.document().findBlockByNumber(n)
                if block.isValid():
                    self.highlighter.rehighlightBlock(block)
                return

    def _story_changed(self, story) -> None:
        if story is self.story:
            self._reload()

    def _structure_changed(self) -> None:
        if self.story is None:
            return
        stories = self.doc.edition.stories
        if any(s is self.story for s in stories):
            self._reload()
            return
        same = next((s for s in stories if s.id == self.story.id), stories[0] if stories else None)
        self.story = same
        self._reload()
        self.oversetChanged.emit(self.story_overset())

    # ------------------------------------------------------------------ editing
    def _contents_change(self, pos: int, removed: int, added: int) -> None:
        if self._loading or self.story is None:
            return
        doc = self.document()
        els = self.story.elements
        first = doc.findBlock(pos)
        b0 = first.blockNumber()
        b1 = doc.findBlock(pos + added).blockNumber()
        delta = doc.blockCount() - len(els)
        if delta == 0 and b0 == b1:
            el = els[b0]
            new_text = first.text()
            before = [(el, el.text)]
            el.text = new_text
            self.doc.element_edited(el, pos - first.position(), removed, added)
            self.doc.undo_stack.push(EditTextCommand(self.doc, self.story, before, [(el, new_text)]))
            return
        # paragraphs split, joined or several touched: the story's element list is restated
        before = [(e, e.text) for e in els]
        old_last = b1 - delta
        new_els: list[Element] = []
        for n in range(doc.blockCount()):
            text = doc.findBlockByNumber(n).text()
            if n < b0:
                e = els[n]
            elif n > b1:
                e = els[n - delta]
            else:
                i = n if n <= old_last else None
                if i is not None and i < len(els):
                    e = els[i]
                else:
                    kind = Kind.BODY if els and els[min(b0, len(els) - 1)].kind.is_heading else (
                        els[min(b0, len(els) - 1)].kind if els else Kind.BODY)
                    e = Element(kind, text)
            new_els.append(e)
        after = [(e, doc.findBlockByNumber(n).text()) for n, e in enumerate(new_els)]
        self.story.elements[:] = new_els
        for e, t in after:
            if e.text != t:
                e.text = t
                self.doc.element_edited(e, 0, 0, 0)
        self.doc.undo_stack.push(EditTextCommand(self.doc, self.story, before, after, full=True,
                                                 label=tr("Edit paragraphs")))

    # ------------------------------------------------------------------ overset (copy-fitting)
    def set_overset(self, overset: dict) -> None:
        """Characters of each story the page could not set (from the layout); repaints the mark."""
        self.overset = dict(overset)
        self.oversetChanged.emit(self.story_overset())
        self.viewport().update()

    def story_overset(self) -> int:
        return self.overset.get(self.story.id, 0) if self.story is not None else 0

    def overset_position(self) -> tuple[int, int] | None:
        """(element, offset) where the text that does not fit begins: that many characters back
        from the end of the story's running text (inserts are set apart)."""
        n = self.story_overset()
        if not n or self.story is None:
            return None
        for ei in range(len(self.story.elements) - 1, -1, -1):
            el = self.story.elements[ei]
            if el.kind.is_insert:
                continue
            if n <= len(el.text):
                return ei, len(el.text) - n
            n -= len(el.text)
        return 0, 0

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        where = self.overset_position()
        if where is None:
            return
        from PySide6.QtGui import QPainter, QPen
        block = self.document().findBlockByNumber(where[0])
        if not block.isValid():
            return
        c = QTextCursor(block)
        c.setPosition(block.position() + min(where[1], block.length() - 1))
        r = self.cursorRect(c)
        p = QPainter(self.viewport())
        red = QColor("#d32f2f")
        p.setPen(QPen(red, 2))
        # the overset line: under the last line that fits, from the cut to the right edge, then across
        p.drawLine(r.left(), r.top(), r.left(), r.bottom())
        p.drawLine(r.left(), r.top(), self.viewport().width(), r.top())
        p.drawLine(0, r.bottom(), r.left(), r.bottom())
        tint = QColor(red)
        tint.setAlpha(22)
        p.fillRect(r.left(), r.top(), self.viewport().width() - r.left(), r.height(), tint)
        p.fillRect(0, r.bottom(), self.viewport().width(), self.viewport().height() - r.bottom(), tint)
        p.end()

    # ------------------------------------------------------------------ undo and the context menu
    def _is_undo_key(self, event) -> str | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        if event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() == QKeySequence("Ctrl+Y")[0]:
            return "redo"
        return None

    def event(self, event) -> bool:
        # the text widget claims Ctrl+Z / Ctrl+Shift+Z for its own (disabled) undo: route them
        # to the document's undo stack instead, where Galley's edits are
        if event.type() == QEvent.Type.ShortcutOverride and self._is_undo_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        which = self._is_undo_key(event)
        if which is not None:
            self.doc.flush_rechecks()
            getattr(self.doc.undo_stack, which)()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.build_context_menu(self.cursorForPosition(event.pos()) if not self.textCursor().hasSelection()
                                       else self.textCursor())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, cursor: QTextCursor) -> QMenu:
        """The editor's menu: the finding's fix at the cursor first, then Undo/Redo from the document's
        stack, the text actions, and the structure commands the window adds (`extra_actions`)."""
        menu = self.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        hit = self.mark_at(cursor)
        if hit is not None:
            n, m = hit
            if m.fix is not None:
                el = self.story.elements[n]
                label = tr("Fix: “%1” → “%2”").replace("%1", el.text[m.start:m.end]).replace("%2", m.fix or "∅")
                a = menu.addAction(label)
                a.triggered.connect(lambda _=False, n=n, m=m: self.fixRequested.emit(self.story, n, m))
                menu.insertAction(first, a)
            a = menu.addAction(tr("Dismiss this finding"))
            a.triggered.connect(lambda _=False, n=n, m=m: self.dismissRequested.emit(self.story, n, m))
            menu.insertAction(first, a)
            menu.insertSeparator(first)
        for a in list(menu.actions()):
            # Qt's own Undo/Redo act on the text widget's stack, which is off: use the document's
            name = a.objectName()
            if name in ("edit-undo", "edit-redo"):
                stack = self.doc.undo_stack
                mine = menu.addAction(a.text())
                mine.setShortcut(a.shortcut())
                if name == "edit-undo":
                    mine.setEnabled(stack.canUndo())
                    mine.triggered.connect(stack.undo)
                else:
                    mine.setEnabled(stack.canRedo())
                    mine.triggered.connect(stack.redo)
                menu.insertAction(a, mine)
                menu.removeAction(a)
        if self.extra_actions:
            menu.addSeparator()
            for a in self.extra_actions:
                if a is None:
                    menu.addSeparator()
                elif isinstance(a, QMenu):
                    menu.addMenu(a)
                else:
                    menu.addAction(a)
        return menu

    # ------------------------------------------------------------------ findings under the cursor
    def mark_at(self, cursor: QTextCursor):
        if self.story is None:
            return None
        n, off = cursor.blockNumber(), cursor.positionInBlock()
        if n >= len(self.story.elements):
            return None
        for m in self.doc.element_marks(self.story, n):
            if m.start <= off <= m.end:
                return n, m
        return None

    def _cursor_moved(self) -> None:
        hit = self.mark_at(self.textCursor())
        if hit:
            self.markClicked.emit(self.story, hit[0], hit[1])

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.mark_at(self.cursorForPosition(event.pos()))
            if hit:
                QToolTip.showText(event.globalPos(), mark_tooltip(hit[1]), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def kind_label(kind) -> str:
    """An element kind in the newsroom's words, in the interface language."""
    return {Kind.PAGE: tr("Page marker"), Kind.SECTION: tr("Section label"), Kind.BANNER: tr("Banner"),
            Kind.KICKER: tr("Kicker"), Kind.HEADLINE: tr("Headline"), Kind.DECK: tr("Deck"),
            Kind.BYLINE: tr("Byline"), Kind.SUBHEAD: tr("Subhead"), Kind.BODY: tr("Body paragraph"),
            Kind.SIDEBAR: tr("Sidebar"), Kind.CAPTION: tr("Caption"), Kind.CREDIT: tr("Credit"),
            Kind.AUTHOR: tr("Author line")}.get(Kind(kind), str(kind))


def mark_tooltip(mark) -> str:
    from galley.ui.i18n import current_language
    lang = current_language()
    sev = {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Note")}.get(mark.severity, mark.severity)
    color = SEVERITY_COLORS.get(mark.severity, SEVERITY_COLORS["info"]).name()
    html = (f"<b style='color:{color}'>{sev}</b> · <code>{mark.rule}</code><br>{_esc(mark.message(lang))}")
    if mark.fix is not None:
        html += "<br>" + tr("Fix: “%1” → “%2”").replace("%1", _esc(getattr(mark.finding, "text", ""))).replace(
            "%2", _esc(mark.fix))
    return html


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


__all__ = ["SEVERITY_COLORS", "Qt", "StoryEditor", "mark_tooltip"]
