"""The repairs panel: structural repairs (joins of split lines, moved sidebars) to review.

Each `Fix` is listed with its before/after; accepting or rejecting one rebuilds the
stories from the imported blocks (`RebuildCommand`), keeping the editor's text edits.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from galley.app.model import ops
from galley.ui.undo import RebuildCommand, StructureCommand


def tr(text: str) -> str:
    return QCoreApplication.translate("RepairsPanel", text)


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def kind_label(kind: str) -> str:
    return {"join": tr("Join"), "move": tr("Move"), "dehyphenate": tr("Hyphen")}.get(kind, kind)


def reason(f) -> str:
    """The repair's reason in the interface language."""
    from galley.ui.i18n import current_language
    return (f.reason_zh or f.reason) if current_language().startswith("zh") else (f.reason or f.reason_zh)


class RepairsPanel(QWidget):
    activated = Signal(object)  # Fix

    def __init__(self, doc, actions: dict, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([tr("State"), tr("Repair"), tr("Confidence"), tr("Where")])
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for i, w in enumerate((80, 60, 80)):
            self.tree.header().resizeSection(i, w)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for key in ("accept_repair", "reject_repair", "join_next", "split_here"):
            if key not in actions:
                continue
            b = QToolButton(self)
            b.setDefaultAction(actions[key])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(b)
        self.structure_button = QToolButton(self)
        self.structure_button.setText(tr("Structure"))
        self.structure_button.setToolTip(tr("Move the paragraph at the editor's cursor out, or change its kind"))
        self.structure_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.structure_button)
        split = self.split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([380, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        lay.addWidget(split)
        self.set_document(doc)

    def set_document(self, doc) -> None:
        self.doc = doc
        doc.structureChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        cur = self.current()
        cur_id = cur.id if cur else None
        self.tree.blockSignals(True)
        self.tree.clear()
        fixes = self.doc.edition.fixes
        for f in fixes:
            state = tr("Accepted") if f.accepted else (tr("Possible cut") if f.doubtful else tr("Rejected"))
            it = QTreeWidgetItem([state, kind_label(f.kind),
                                  f"{f.confidence:.0%}", _seam(f)])
            it.setData(0, Qt.ItemDataRole.UserRole, f.id)
            it.setForeground(0, QBrush(QColor("#2e7d32" if f.accepted else "#ef6c00" if f.doubtful else "#c62828")))
            it.setToolTip(3, reason(f))
            self.tree.addTopLevelItem(it)
            if f.id == cur_id:
                self.tree.setCurrentItem(it)
        self.tree.blockSignals(False)
        n_acc = sum(f.accepted for f in fixes)
        self.count_label.setText((tr("%1 repair, %2 accepted") if len(fixes) == 1 else tr("%1 repairs, %2 accepted"))
                                 .replace("%1", str(len(fixes))).replace("%2", str(n_acc)))
        self._show(self.current())

    def current(self):
        it = self.tree.currentItem()
        if it is None:
            return None
        fid = it.data(0, Qt.ItemDataRole.UserRole)
        return next((f for f in self.doc.edition.fixes if f.id == fid), None)

    def select_index(self, i: int) -> None:
        it = self.tree.topLevelItem(i)
        if it is not None:
            self.tree.setCurrentItem(it)

    def _current_changed(self, *_):
        f = self.current()
        self._show(f)
        if f is not None:
            self.activated.emit(f)

    def _show(self, f) -> None:
        if f is None:
            self.detail.setHtml("<p style='color:#777'>" + _esc(tr("Select a repair to see it before and after.")) +
                                "</p>")
            return
        blocks = self.doc.edition.blocks
        parts = [blocks[i].text for i in f.blocks if 0 <= i < len(blocks)]
        moved = [blocks[i].text for i in getattr(f, "moved", ()) if 0 <= i < len(blocks)]
        before_html = "".join(f"<p style='margin:2px 0;background:#fdecea'>{_esc(_clip(t))}</p>" for t in
                              (parts[:1] + moved + parts[1:]))
        joined = f"<span>{_esc(_clip(parts[0], tail=True))}</span><span style='background:#c8e6c9'>▸</span>" \
                 f"<span>{_esc(_clip(parts[1]) if len(parts) > 1 else '')}</span>" if parts else ""
        after_html = f"<p style='margin:2px 0;background:#e8f5e9'>{joined}</p>" + "".join(
            f"<p style='margin:2px 0;background:#e3f2fd'>{_esc(_clip(t))}</p>" for t in moved)
        state = tr("accepted") if f.accepted else tr("Possible cut") if f.doubtful else tr("rejected")
        self.detail.setHtml(
            f"<p><b>{_esc(kind_label(f.kind))}</b> · {_esc(state)} · {f.confidence:.0%}<br>"
            f"<span style='color:#555'>{_esc(reason(f))}</span></p>"
            f"<p style='margin-bottom:0'><b>{_esc(tr('Before'))}</b></p>{before_html}"
            f"<p style='margin-bottom:0'><b>{_esc(tr('After'))}</b></p>{after_html}")

    # ------------------------------------------------------------------ accept / reject
    def set_current_accepted(self, accepted: bool) -> bool:
        f = self.current()
        if f is None or f.accepted == accepted:
            return False
        label = (tr("Accept repair %1") if accepted else tr("Reject repair %1")).replace("%1", f.id)
        # in place: the other stories, typed text, pasted paragraphs and chosen kinds stay as they are
        done = []
        self.doc.undo_stack.push(StructureCommand(self.doc, label,
                                                  lambda ed: done.append(ops.set_fix(ed, f, accepted)) or done[-1]))
        if done and done[0]:
            return True
        # the editor restructured what the repair joined: rebuild from the imported blocks
        fixes = self.doc.edition.fixes
        rejected = {x.id for x in fixes if not x.accepted and not x.doubtful}
        chosen = {x.id for x in fixes if x.accepted and x.doubtful}     # possible cuts the editor took
        if f.doubtful:
            (chosen.add if accepted else chosen.discard)(f.id)
        else:
            (rejected.discard if accepted else rejected.add)(f.id)
        self.doc.undo_stack.push(RebuildCommand(self.doc, rejected, label, accepted=chosen))
        return True


def _clip(t: str, n: int = 60, tail: bool = False) -> str:
    if len(t) <= n:
        return t
    return "…" + t[-n:] if tail else t[:n] + "…"


def _seam(f) -> str:
    b, a = (f.before or "")[-12:], (f.after or "")[:12]
    return f"{b} ▸ {a}" if (b or a) else ", ".join(map(str, f.blocks))
