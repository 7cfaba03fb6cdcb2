"""The navigator: pages and their stories in a tree; stories can be dragged onto the page view."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

STORY_MIME = "application/x-galley-story"


class Navigator(QTreeWidget):
    storyActivated = Signal(int)  # story index

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Pages and stories"), self.tr("Chars"), self.tr("Findings"), self.tr("Overset")])
        # the counts always whole (never elided); the headline takes what is left
        h = self.header()
        h.setStretchLastSection(False)
        h.setMinimumSectionSize(24)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._current)
        self.overset: dict[str, int] = {}
        self.set_document(doc)

    def set_document(self, doc) -> None:
        self.doc = doc
        doc.structureChanged.connect(self.refresh)
        doc.findingsChanged.connect(self.update_counts)
        self.refresh()

    def refresh(self) -> None:
        cur = self.current_story()
        self.blockSignals(True)
        self.clear()
        pages: dict[str, QTreeWidgetItem] = {}
        for i, st in enumerate(self.doc.edition.stories):
            key = st.page or self.tr("Page")
            parent = pages.get(key)
            if parent is None:
                parent = QTreeWidgetItem([key])
                f = parent.font(0)
                f.setBold(True)
                parent.setFont(0, f)
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
                self.addTopLevelItem(parent)
                pages[key] = parent
            label = st.headline or st.id
            if st.section:
                label = f"{label}  · {st.section}"
            it = QTreeWidgetItem([label, str(st.text_length), "", ""])
            it.setData(0, Qt.ItemDataRole.UserRole, i)
            it.setToolTip(0, f"{st.id}: {st.headline}")
            parent.addChild(it)
            if cur == i:
                self.setCurrentItem(it)
        self.expandAll()
        self.blockSignals(False)
        self.update_counts()

    def _story_items(self):
        for p in range(self.topLevelItemCount()):
            page = self.topLevelItem(p)
            for c in range(page.childCount()):
                yield page.child(c)

    def update_counts(self) -> None:
        counts: dict[int, int] = {}
        for si, *_ in self.doc.visible_marks():
            counts[si] = counts.get(si, 0) + 1
        stories = self.doc.edition.stories
        for it in self._story_items():
            i = it.data(0, Qt.ItemDataRole.UserRole)
            n = counts.get(i, 0)
            it.setText(2, str(n) if n else "")
            it.setForeground(2, QBrush(QColor("#c62828")))
            if i < len(stories):
                it.setText(1, str(stories[i].text_length))
                over = self.overset.get(stories[i].id, 0)
                it.setForeground(0, QBrush(QColor("#c62828" if over else "#000000")))
                it.setText(3, f"+{over}" if over else "")
                it.setForeground(3, QBrush(QColor("#c62828")))
                it.setToolTip(3, self.tr("%1 characters overset").replace("%1", str(over)) if over else "")

    def set_overset(self, overset: dict[str, int]) -> None:
        self.overset = dict(overset)
        self.update_counts()

    def current_story(self) -> int | None:
        it = self.currentItem()
        return it.data(0, Qt.ItemDataRole.UserRole) if it is not None else None

    def select_story(self, i: int) -> None:
        for it in self._story_items():
            if it.data(0, Qt.ItemDataRole.UserRole) == i:
                self.blockSignals(True)
                self.setCurrentItem(it)
                self.blockSignals(False)
                return

    def _current(self, cur, _prev) -> None:
        if cur is not None and cur.data(0, Qt.ItemDataRole.UserRole) is not None:
            self.storyActivated.emit(cur.data(0, Qt.ItemDataRole.UserRole))

    def mimeData(self, items) -> QMimeData:
        md = QMimeData()
        for it in items:
            i = it.data(0, Qt.ItemDataRole.UserRole)
            if i is not None:
                md.setData(STORY_MIME, self.doc.edition.stories[i].id.encode("utf-8"))
                md.setText(self.doc.edition.stories[i].headline)
        return md

    def mimeTypes(self) -> list[str]:
        return [STORY_MIME]
