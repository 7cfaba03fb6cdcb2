"""The findings panel: every proofreading finding in a table, filtered by rule, severity, story.

Rows are the document's visible marks (not rejected, ignored or in the dictionary). The
window's Proofreading actions (accept, reject, ignore, add to dictionary, next, previous)
work on the current row.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from galley.ui.editor import SEVERITY_COLORS


def tr(text: str) -> str:
    return QCoreApplication.translate("FindingsPanel", text)


def severity_label(sev: str) -> str:
    return {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Note")}.get(sev, sev)


_ROOT = QModelIndex()


class FindingsModel(QAbstractTableModel):
    COLUMNS = ("severity", "rule", "story", "text", "fix", "message")

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.rows: list = []
        self.filters = {"rule": None, "severity": None, "story": None}

    def refresh(self) -> None:
        self.beginResetModel()
        f = self.filters
        self.rows = [r for r in self.doc.visible_marks()
                     if (f["rule"] is None or r[3].rule == f["rule"])
                     and (f["severity"] is None or r[3].severity == f["severity"])
                     and (f["story"] is None or r[0] == f["story"])]
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [tr("Severity"), tr("Rule"), tr("Story"), tr("Text"), tr("Fix"), tr("Message")][section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        si, _ei, el, m = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "severity":
                return severity_label(m.severity)
            if col == "rule":
                from galley.ui.i18n import current_language
                from galley.ui.proofing import rule_name
                return rule_name(m.rule, current_language())
            if col == "story":
                return self.doc.edition.stories[si].headline[:18]
            if col == "text":
                return el.text[m.start:m.end] or getattr(m.finding, "text", "")
            if col == "fix":
                return "" if m.fix is None else ("∅" if m.fix == "" else m.fix)
            if col == "message":
                from galley.ui.i18n import current_language
                return m.message(current_language())
        if role == Qt.ItemDataRole.ForegroundRole and col == "severity":
            return QBrush(SEVERITY_COLORS.get(m.severity, QColor("black")))
        if role == Qt.ItemDataRole.ToolTipRole and col == "rule":
            return m.rule
        if role == Qt.ItemDataRole.ToolTipRole:
            from galley.ui.editor import mark_tooltip
            return mark_tooltip(m)
        return None


class FindingsPanel(QWidget):
    activated = Signal(int, int, object)     # story index, element index, Mark

    def __init__(self, doc, actions: dict, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(doc, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        for i, w in enumerate((64, 120, 130, 90, 90)):
            h.resizeSection(i, w)
        h.setSectionResizeMode(len(FindingsModel.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.rule_box, self.severity_box, self.story_box = QComboBox(), QComboBox(), QComboBox()
        for box in (self.rule_box, self.severity_box, self.story_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(QLabel(tr("Rule:")))
        bar.addWidget(self.rule_box)
        bar.addWidget(QLabel(tr("Severity:")))
        bar.addWidget(self.severity_box)
        bar.addWidget(QLabel(tr("Story:")))
        bar.addWidget(self.story_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        for key in ("prev_finding", "next_finding", "accept_finding", "reject_finding", "ignore_finding", "add_word",
                    "accept_rule", "accept_story", "accept_safe"):
            b = QToolButton(self)
            b.setDefaultAction(actions[key])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        self.set_document(doc)

    def set_document(self, doc) -> None:
        self.doc = doc
        self.model.doc = doc
        doc.findingsChanged.connect(self.refresh)
        doc.structureChanged.connect(self.refresh_filters)
        self.refresh_filters()

    def refresh_filters(self) -> None:
        from galley.ui import proofing
        marks = self.doc.visible_marks()
        from galley.ui.i18n import current_language
        lang = current_language()
        rules = sorted({m.rule for *_, m in marks} | {r[0] for r in proofing.all_rules()})
        named = sorted(((proofing.rule_name(r, lang), r) for r in rules), key=lambda x: x[0].lower())
        self._fill(self.rule_box, [(tr("All rules"), None)] + named)
        for i, (_name, rid) in enumerate(named, start=1):
            self.rule_box.setItemData(i, rid, Qt.ItemDataRole.ToolTipRole)
        self._fill(self.severity_box, [(tr("All severities"), None)] + [(severity_label(s), s)
                                                                        for s in proofing.SEVERITIES])
        self._fill(self.story_box, [(tr("All stories"), None)] + [(s.headline[:20] or s.id, i) for i, s in
                                                                 enumerate(self.doc.edition.stories)])
        self.refresh()

    def _fill(self, box: QComboBox, items) -> None:
        keep = box.currentData()
        box.blockSignals(True)
        box.clear()
        for label, data in items:
            box.addItem(label, data)
        i = box.findData(keep)
        box.setCurrentIndex(max(0, i))
        box.blockSignals(False)

    def _filter_changed(self) -> None:
        self.model.filters = {"rule": self.rule_box.currentData(), "severity": self.severity_box.currentData(),
                              "story": self.story_box.currentData()}
        self.refresh()

    def refresh(self) -> None:
        cur = self.current()
        self.model.refresh()
        n = len(self.model.rows)
        total = len(self.doc.visible_marks()) if any(self.model.filters.values()) else n
        self.count_label.setText((tr("%1 of %2 finding") if total == 1 else tr("%1 of %2 findings"))
                                 .replace("%1", str(n)).replace("%2", str(total)))
        if self.doc.checking:
            self.count_label.setText(tr("Proofreading…"))
        elif self.doc.check_error:
            self.count_label.setText(tr("Proofreading failed: %1").replace("%1", self.doc.check_error.splitlines()[0]))
        if cur:
            self.select_like(cur[0], cur[1], cur[3].start, quiet=True)

    def selected(self) -> list:
        """The selected rows (several with Shift/Ctrl), in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def current(self):
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(self.model.rows) else None

    def select_row(self, row: int, quiet: bool = False) -> None:
        if not (0 <= row < len(self.model.rows)):
            return
        self._quiet = quiet
        try:
            sm = self.table.selectionModel()
            if quiet and sm.isRowSelected(row, _ROOT):
                # the editor following a click in a multi-row selection: keep the selection
                sm.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False

    def select_like(self, si: int, ei: int, start: int, quiet: bool = False) -> None:
        """Select the first row at or after (story, element, offset)."""
        for r, (rsi, rei, _el, m) in enumerate(self.model.rows):
            if (rsi, rei, m.end) >= (si, ei, start):
                self.select_row(r, quiet)
                return
        if self.model.rows:
            self.select_row(len(self.model.rows) - 1, quiet)

    def _row_changed(self, cur, _prev) -> None:
        if getattr(self, "_quiet", False) or not cur.isValid():
            return
        si, ei, _el, m = self.model.rows[cur.row()]
        self.activated.emit(si, ei, m)
