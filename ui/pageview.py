"""The page view: the layout's `PagedDocument` painted in a QGraphicsScene, and edited.

Preview equals print: the scene paints the very display items the PDF writer paints
(`app/layout/paged.py`), at the same positions (scene units are PostScript points, y down,
origin at each page's trim top-left), with the same font files (`app.layout.fonts`)
loaded as QRawFonts and every glyph placed at its `xs` position.

Editing: modules (a story's rectangle of whole columns and grid lines) can be dragged and
resized, snapping to columns and grid lines; a story dragged from the navigator onto the
page is placed in the module under the drop point (or a new module there). Each change
becomes a placement plan and a `LayoutCommand` on the undo stack. Overset text is shown on
its module: a red marker with the count of characters not set. Layout runs again (in a
worker thread) a moment after any edit.
"""
from __future__ import annotations

import copy
import importlib
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGlyphRun, QPainter, QPainterPath, QPen, QRawFont
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from galley.app.errors import GalleyError
from galley.ui.navigator import STORY_MIME
from galley.ui.undo import LayoutCommand

PAGE_GAP = 36.0


def _font_settings() -> dict:
    from galley.ui import prefs
    return {k: v for k, v in (prefs.load_preferences().get("fonts") or {}).items() if v}


def layout_module():
    """`app.layout` when this build has the layout engine, else None."""
    try:
        mod = importlib.import_module("galley.app.layout")
    except ImportError:
        return None
    return mod if hasattr(mod, "layout_edition") else None


def cmyk_color(c, alpha: float = 1.0) -> QColor:
    """A print colour on screen (naive CMYK → RGB, good enough for a preview)."""
    if c is None:
        return QColor(0, 0, 0, 0)
    r = 255 * (1 - c.c) * (1 - c.k)
    g = 255 * (1 - c.m) * (1 - c.k)
    b = 255 * (1 - c.y) * (1 - c.k)
    return QColor(int(r), int(g), int(b), int(255 * alpha))


class FontCache:
    """One QRawFont per (role, size), loaded from the same files the PDF embeds."""

    def __init__(self):
        self._base: dict[str, QRawFont] = {}
        self._sized: dict[tuple[str, float], QRawFont] = {}

    def get(self, role: str, size: float) -> QRawFont | None:
        key = (role, round(size, 3))
        f = self._sized.get(key)
        if f is not None:
            return f
        base = self._base.get(role)
        if base is None:
            try:
                from galley.app.layout.fonts import resolve_font
                base = QRawFont(resolve_font(role), 10.0)
            except (ImportError, GalleyError):
                base = QRawFont()
            self._base[role] = base
        if not base.isValid():
            return None
        f = QRawFont(base)
        f.setPixelSize(size)
        self._sized[key] = f
        return f


    def clear(self) -> None:
        self._base.clear()
        self._sized.clear()


FONTS = FontCache()


class LineItem(QGraphicsItem):
    """One `TextLine`: every run's glyphs drawn at their `xs` on the line's baseline."""

    def __init__(self, line, parent=None):
        super().__init__(parent)
        self.line = line
        self._runs: list[tuple[QGlyphRun, object]] | None = None
        self._fallback: list = []
        self._paths: dict[int, QPainterPath] = {}
        size = line.size or 9
        right = max((r.xs[-1] + (r.advances[-1] if r.advances else r.size) for r in line.runs if r.xs),
                    default=line.x + line.width)
        self._rect = QRectF(line.x, line.y - size * 1.05, max(right, line.x + line.width) - line.x, size * 1.35)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    def boundingRect(self) -> QRectF:
        return self._rect

    def glyph_runs(self) -> list[tuple[QGlyphRun, object]]:
        if self._runs is None:
            self._runs = []
            for run in self.line.runs:
                raw = FONTS.get(run.role, run.size)
                if raw is None:
                    self._fallback.append(run)
                    continue
                gr = QGlyphRun()
                gr.setRawFont(raw)
                idx = raw.glyphIndexesForString(run.text)
                if len(idx) != len(run.xs):  # characters outside the BMP: place them one by one
                    idx = [raw.glyphIndexesForString(ch)[0] for ch in run.text]
                gr.setGlyphIndexes(idx)
                gr.setPositions([QPointF(x, self.line.y) for x in run.xs])
                self._runs.append((gr, run))
        return self._runs

    def outline(self, gr: QGlyphRun, run) -> QPainterPath:
        """The outlines of a run's glyphs at their positions (for a run set heavier with a stroke)."""
        got = self._paths.get(id(gr))
        if got is None:
            raw = gr.rawFont()
            got = QPainterPath()
            for idx, pos in zip(gr.glyphIndexes(), gr.positions(), strict=False):
                got.addPath(raw.pathForGlyph(idx).translated(pos))
            self._paths[id(gr)] = got
        return got

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for gr, run in self.glyph_runs():
            if run.stroke:
                # as the PDF draws it (text render mode 2): fill and stroke the outlines, the pen
                # `stroke` points wide, so a light face reads heavier on screen as in print
                color = cmyk_color(run.color)
                path = self.outline(gr, run)
                painter.fillPath(path, color)
                painter.strokePath(path, QPen(color, run.stroke))
                continue
            painter.setPen(cmyk_color(run.color))
            painter.drawGlyphRun(QPointF(0, 0), gr)
        for run in self._fallback:  # no font file for the role: still show the text
            f = QFont()
            f.setPixelSize(max(1, int(run.size)))
            painter.setFont(f)
            painter.setPen(cmyk_color(run.color))
            for ch, x in zip(run.text, run.xs, strict=False):
                painter.drawText(QPointF(x, self.line.y), ch)


class ModuleItem(QGraphicsRectItem):
    """A story's module: drag to move, drag the corner handle to resize, arrow keys to nudge
    (a column or a grid line; Shift: five lines); snaps to the page grid."""

    HANDLE_PX = 14.0     # the resize handle's size on screen, whatever the zoom

    def __init__(self, panel: PagePanel, page, module, grid, parent=None):
        super().__init__(0, 0, module.w, module.h, parent)
        self.panel, self.page, self.module, self.grid = panel, page, module, grid
        self.setPos(module.x, module.y)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable |
                      QGraphicsItem.GraphicsItemFlag.ItemIsFocusable |
                      QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self._resizing = False
        self._press = None
        self.highlight = False
        self._style()
        title = panel.story_title(module.story) if module.kind == "story" else (module.label or module.kind)
        self.setToolTip(QCoreApplication.translate("PageView", "%1 — %2 columns × %3 lines").replace("%1", title).replace(
            "%2", str(module.columns)).replace("%3", str(module.lines)))
        if module.overset:
            marker = QGraphicsRectItem(0, 0, 54, 16, self)
            marker.setBrush(QBrush(QColor("#d32f2f")))
            marker.setPen(QPen(Qt.PenStyle.NoPen))
            marker.setPos(module.w - 56, module.h - 18)
            label = QGraphicsSimpleTextItem(f"+{module.overset}", marker)
            f = QFont()
            f.setPixelSize(11)
            f.setBold(True)
            label.setFont(f)
            label.setBrush(QBrush(QColor("white")))
            label.setPos(4, 1)
            marker.setToolTip(QCoreApplication.translate("PageView", "%1 characters overset").replace("%1", str(module.overset)))
            self.overset_marker = marker

    def _style(self) -> None:
        over = self.module.overset > 0
        color = QColor("#d32f2f") if over else QColor("#1e6fd9")
        pen = QPen(color, 1.6 if (over or self.highlight) else 0.8)
        pen.setCosmetic(True)
        if not (over or self.highlight):
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(28 if self.highlight else 0)
        self.setBrush(QBrush(fill))

    def handle_size(self) -> float:
        """The handle's side in page points at the current zoom."""
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        return self.HANDLE_PX / max(scale, 1e-3)

    def handle_rect(self) -> QRectF:
        r, h = self.rect(), self.handle_size()
        return QRectF(r.right() - h, r.bottom() - h, h, h)

    def on_handle(self, pos: QPointF) -> bool:
        return self.handle_rect().adjusted(-2, -2, 2, 2).contains(pos)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        color = QColor("#d32f2f") if self.module.overset > 0 else QColor("#1e6fd9")
        if not (self.highlight or self.isSelected()):
            color.setAlpha(120)
        r = self.handle_rect()
        painter.fillRect(r, color)
        painter.setPen(QPen(QColor("white"), 0))
        for k in (0.35, 0.65):   # the grip's diagonal lines
            painter.drawLine(QPointF(r.left() + r.width() * k, r.bottom()), QPointF(r.right(), r.top() + r.height() * k))

    def keyPressEvent(self, event) -> None:
        step = 5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        d = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -step),
             Qt.Key.Key_Down: (0, step)}.get(event.key())
        if d is None:
            super().keyPressEvent(event)
            return
        m, g = self.module, self.grid
        col = max(0, min(m.column + d[0], g.columns - m.columns))
        line = max(0, min(m.line + d[1], g.lines - m.lines))
        if (col, line) != (m.column, m.line):
            self.panel.change_module(self.page, m, col, m.columns, line, m.lines)
        event.accept()

    def set_highlight(self, on: bool) -> None:
        self.highlight = on
        self._style()

    def _snap_pos(self, p: QPointF) -> QPointF:
        col, line = self.panel.cell_at(self.grid, p.x() + 1, p.y() + 1, clamp_cols=self.module.columns,
                                       clamp_lines=self.module.lines)
        return QPointF(self.grid.column_x(col), self.grid.line_y(line))

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and not self._resizing:
            return self._snap_pos(value)
        return super().itemChange(change, value)

    def hoverMoveEvent(self, event) -> None:
        near = self.on_handle(event.pos())
        self.setCursor(Qt.CursorShape.SizeFDiagCursor if near else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        self._resizing = self.on_handle(event.pos())
        self._press = self.pos()
        self.setFocus()
        self.panel.storyActivated.emit(self.module.story)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._resizing:
            g = self.grid
            x1, y1 = self.pos().x() + event.pos().x(), self.pos().y() + event.pos().y()
            cols = max(1, round((x1 - g.column_x(self.module.column) + g.gutter) / (g.column_width + g.gutter)))
            cols = min(cols, g.columns - self.module.column)
            lines = max(3, min(round((y1 - g.line_y(self.module.line)) / g.leading), g.lines - self.module.line))
            self.setRect(0, 0, g.span_width(cols), lines * g.leading)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        g = self.grid
        if self._resizing:
            self._resizing = False
            cols = max(1, round((self.rect().width() + g.gutter) / (g.column_width + g.gutter)))
            lines = max(1, round(self.rect().height() / g.leading))
            if (cols, lines) != (self.module.columns, self.module.lines):
                self.panel.change_module(self.page, self.module, self.module.column, cols, self.module.line, lines)
            return
        if self._press is not None and self.pos() != self._press:
            col, line = self.panel.cell_at(g, self.pos().x() + 1, self.pos().y() + 1)
            self.panel.change_module(self.page, self.module, col, self.module.columns, line, self.module.lines)


class GridOverlay(QGraphicsItem):
    """Columns and body grid lines of a page (toggled from the Page menu)."""

    def __init__(self, grid, parent=None):
        super().__init__(parent)
        self.grid = grid
        self.setZValue(5)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.grid.width, self.grid.height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        g = self.grid
        top, bottom = g.line_y(0), g.line_y(g.lines)
        col_fill = QColor(30, 111, 217, 18)
        for c in range(g.columns):
            painter.fillRect(QRectF(g.column_x(c), top, g.column_width, bottom - top), col_fill)
        pen = QPen(QColor(30, 111, 217, 60), 0)
        painter.setPen(pen)
        for n in range(g.lines + 1):
            y = g.line_y(n)
            painter.drawLine(QPointF(g.column_x(0), y), QPointF(g.column_x(g.columns - 1) + g.column_width, y))


class PageScene(QGraphicsScene):
    """All pages of a PagedDocument, stacked vertically; remembers which display item each graphics item paints."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackgroundBrush(QBrush(QColor("#8a8f96")))
        self.painted: list = []           # the display-list items painted, in paint order
        self.page_items: list[QGraphicsRectItem] = []
        self.module_items: list[ModuleItem] = []
        self.grid_items: list[GridOverlay] = []

    def build(self, panel: PagePanel, paged, grid, grid_visible: bool) -> None:
        from galley.app.layout.paged import Box, Rule, TextLine
        self.clear()
        self.painted, self.page_items, self.module_items, self.grid_items = [], [], [], []
        y = 0.0
        for page in paged.pages:
            shadow = self.addRect(QRectF(4, y + 4, page.width, page.height), QPen(Qt.PenStyle.NoPen),
                                  QBrush(QColor(0, 0, 0, 70)))
            shadow.setZValue(-2)
            sheet = self.addRect(QRectF(0, 0, page.width, page.height), QPen(QColor("#666"), 0),
                                 QBrush(QColor("white")))
            sheet.setPos(0, y)
            sheet.setZValue(-1)
            sheet.setData(0, page.number)
            self.page_items.append(sheet)
            for it in page.items:
                if isinstance(it, TextLine):
                    LineItem(it, sheet)
                elif isinstance(it, Rule):
                    pen = QPen(cmyk_color(it.color), it.width)
                    if it.dash:
                        pen.setDashPattern([d / max(it.width, 0.1) for d in it.dash])
                    item = self.addLine(it.x1, it.y1, it.x2, it.y2, pen)
                    item.setParentItem(sheet)
                elif isinstance(it, Box):
                    pen = QPen(cmyk_color(it.stroke), it.stroke_width) if it.stroke else QPen(Qt.PenStyle.NoPen)
                    item = QGraphicsRectItem(it.x, it.y, it.w, it.h, sheet)
                    item.setPen(pen)
                    item.setBrush(QBrush(cmyk_color(it.fill)) if it.fill else QBrush(Qt.BrushStyle.NoBrush))
                    item.setZValue(-0.5 if it.fill else 0)
                else:
                    continue
                self.painted.append(it)
            if grid is not None:
                ov = GridOverlay(grid, sheet)
                ov.setVisible(grid_visible)
                self.grid_items.append(ov)
                for m in page.modules:
                    if m.w > 0 and m.h > 0:
                        self.module_items.append(ModuleItem(panel, page, m, grid, sheet))
            y += page.height + PAGE_GAP
        self.setSceneRect(QRectF(-PAGE_GAP, -PAGE_GAP, (max((p.width for p in paged.pages), default=600) +
                                                         2 * PAGE_GAP), y + PAGE_GAP))

    def line_items(self) -> list[LineItem]:
        return [i for i in self.items() if isinstance(i, LineItem)]


class PageView(QGraphicsView):
    storyDropped = Signal(str, QPointF)   # story id, scene position
    menuRequested = Signal(QPointF, QPoint)   # scene position, global position (right click)

    def __init__(self, scene: PageScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAcceptDrops(True)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.scale(*(2 * [1.15 if event.angleDelta().y() > 0 else 1 / 1.15]))
            panel = self.parent()
            if isinstance(panel, PagePanel):
                panel.fit_mode = None
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        self.setDragMode(QGraphicsView.DragMode.NoDrag if isinstance(item, ModuleItem) or (
            item is not None and isinstance(item.parentItem(), ModuleItem)) else QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.menuRequested.emit(self.mapToScene(event.pos()), event.globalPos())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(STORY_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(STORY_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasFormat(STORY_MIME):
            sid = bytes(event.mimeData().data(STORY_MIME)).decode("utf-8")
            self.storyDropped.emit(sid, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            super().dropEvent(event)


class PagePanel(QWidget):
    """The page view with its layout chooser; keeps the layout in step with the edition."""

    storyActivated = Signal(str)
    oversetChanged = Signal(dict)
    message = Signal(str)                 # a page edit was refused: why

    RELAYOUT_DELAY_MS = 400
    MIN_DROP_LINES = 6

    def __init__(self, doc, parent=None, hub=None):
        super().__init__(parent)
        self.doc = doc
        self.hub = hub
        self._job: int | None = None
        self._closed = False
        self._highlight: str | None = None
        self.paged = None
        self.grid = None
        self._grid_visible = False
        self._pending = False
        self.lay = layout_module()
        self.scene = PageScene(self)
        self.view = PageView(self.scene, self)
        self.view.storyDropped.connect(self.drop_story)
        self.view.menuRequested.connect(self._show_menu)
        self.layout_box = QComboBox(self)
        self.info = QLabel(self)
        self.info.setStyleSheet("color:#555")
        top = QHBoxLayout()
        top.setContentsMargins(6, 3, 6, 3)
        top.addWidget(QLabel(self.tr("Page grid:")))
        top.addWidget(self.layout_box)
        top.addStretch(1)
        top.addWidget(self.info)
        # the highlighted story's module in numbers: first column, columns, first line, lines
        fields = QHBoxLayout()
        fields.setContentsMargins(6, 0, 6, 3)
        self.fields_label = QLabel(self.tr("Module:"))
        fields.addWidget(self.fields_label)
        self.fields: dict[str, QSpinBox] = {}
        for key, label, tip in (("column", self.tr("col "), self.tr("First column (1 = leftmost)")),
                                ("columns", self.tr("× "), self.tr("Columns wide")),
                                ("line", self.tr("line "), self.tr("First grid line (1 = top of the type area)")),
                                ("lines", self.tr("× "), self.tr("Grid lines deep"))):
            box = QSpinBox(self)
            box.setPrefix(label)
            box.setToolTip(tip)
            box.setRange(1, 999)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._fields_edited)
            fields.addWidget(box)
            self.fields[key] = box
        fields.addStretch(1)
        self._fields_module = None
        self._set_fields(None)
        self.placeholder = QLabel(self.tr("The page view appears here when the layout engine is installed."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(top)
        lay.addLayout(fields)
        lay.addLayout(self.stack)
        self._initial_zoom: float | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(60)
        self._refit.timeout.connect(self._fit_again)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.RELAYOUT_DELAY_MS)
        self._timer.timeout.connect(self.relayout)
        if self.lay is None:
            self.stack.setCurrentWidget(self.placeholder)
            self.layout_box.setEnabled(False)
            return
        self._fill_layouts()
        self.layout_box.currentIndexChanged.connect(self._layout_chosen)
        doc.storyChanged.connect(self.schedule)
        doc.structureChanged.connect(self.schedule)
        doc.layoutChanged.connect(self._layout_changed)
        QTimer.singleShot(0, self, self.relayout)

    # ------------------------------------------------------------------ layouts
    def _fill_layouts(self) -> None:
        try:
            grids = self.lay.list_layouts()
        except GalleyError as exc:
            self.info.setText(str(exc))
            grids = []
        self.layout_box.blockSignals(True)
        for g in grids:
            self.layout_box.addItem(g.title or g.name, g.name)
        want = self.doc.project.layout or next((g.name for g in grids if getattr(g, "default", False)), None)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(want)))
        self.layout_box.blockSignals(False)

    def current_grid(self):
        name = self.doc.project.layout or self.layout_box.currentData()
        if not name:
            return None
        return self.lay.load_layout(name)

    def _layout_chosen(self) -> None:
        name = self.layout_box.currentData()
        if name and name != (self.doc.project.layout or None):
            self.doc.undo_stack.push(LayoutCommand(self.doc, name, None, self.tr("Page grid: %1").replace(
                "%1", self.layout_box.currentText())))

    def _layout_changed(self) -> None:
        i = self.layout_box.findData(self.doc.project.layout)
        if i >= 0 and i != self.layout_box.currentIndex():
            self.layout_box.blockSignals(True)
            self.layout_box.setCurrentIndex(i)
            self.layout_box.blockSignals(False)
        self.schedule()

    # ------------------------------------------------------------------ relayout
    def schedule(self, *_):
        if self.lay is not None:
            self._timer.start()

    def relayout(self, sync: bool = False) -> None:
        """Lay the edition out again (in the worker thread, or right here when `sync`)."""
        if self.lay is None or self._closed:
            return
        self._timer.stop()
        if not self.doc.edition.stories:
            self.scene.clear()
            self.scene.page_items, self.scene.module_items, self.scene.grid_items = [], [], []
            self.info.setText("")
            return
        try:
            grid = self.current_grid()
        except GalleyError as exc:
            self.info.setText(str(exc))
            return
        plan = copy.deepcopy(self.doc.project.plan)
        if sync:
            if self.hub is not None:
                self.hub.cancel(self._job)
                self._job = None
            try:
                from galley.ui.placement import plan_object
                paged = self.lay.layout_edition(copy.deepcopy(self.doc.edition), grid, plan=plan_object(plan))
                self._apply(paged, grid)
            except Exception as exc:  # noqa: BLE001
                self._show_error(exc)
            return
        if self.hub is None:
            self.relayout(sync=True)
            return
        if self.hub.pending(self._job):
            self._pending = True
            return
        self.info.setText(self.tr("Laying out…"))
        self._pending_grid = grid
        try:
            # the edition is pickled into the pipe right away: a snapshot
            self._job = self.hub.submit("layout", self.doc.edition, grid.name, plan, _font_settings(),
                                        callback=self._done)
        except (OSError, ValueError) as exc:  # no background process here: lay out in this one
            self.info.setText(str(exc))
            self.hub = None
            self.relayout(sync=True)

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until the pending layout (if any) has arrived and is shown (tests, screenshots)."""
        if self.lay is None or self._closed:
            return
        if self._timer.isActive() or (self.paged is None and not (self.hub and self.hub.pending(self._job))):
            self.relayout()
        while self.hub is not None and self.hub.pending(self._job):
            self.hub.wait(self._job, timeout)

    def _done(self, paged, error) -> None:
        self._job = None
        if self._closed:
            return
        if error is not None:
            self._show_error(error)
        elif paged is not None:
            self._apply(paged, self._pending_grid)
        if self._pending:
            self._pending = False
            self.relayout()

    def _show_error(self, exc) -> None:
        msg = str(exc) if isinstance(exc, GalleyError) else f"{type(exc).__name__}: {exc}"
        self.info.setText(self.tr("Layout failed: %1").replace("%1", msg))

    def _apply(self, paged, grid) -> None:
        center = self.view.mapToScene(self.view.viewport().rect().center())
        first = self.paged is None
        self.paged, self.grid = paged, grid
        self.scene.build(self, paged, grid, self._grid_visible)
        overset = {k: v for k, v in paged.overset.items() if v}
        n_over = sum(overset.values())
        txt = self.tr("1 page") if len(paged.pages) == 1 else self.tr("%1 pages").replace("%1", str(len(paged.pages)))
        if n_over:
            txt += " · <span style='color:#c62828'>" + self.tr("overset %1 characters").replace("%1", str(n_over)) + \
                "</span>"
        self.info.setText(txt)
        self.oversetChanged.emit(overset)
        if first:
            if self.fit_mode is None and self._initial_zoom:
                self.set_zoom(self._initial_zoom)
            elif self.fit_mode == "page":
                self.fit()
                QTimer.singleShot(0, self, self._fit_again)
            else:
                self.fit_width()
                QTimer.singleShot(0, self, self._fit_again)  # again once the panel has its final size
        else:
            self.view.centerOn(center)
        if self._highlight:
            self.highlight_story(self._highlight)

    def shutdown(self) -> None:
        """Stop the worker thread and drop the Qt font objects (before the application goes away)."""
        self._closed = True
        if self.hub is not None:
            self.hub.cancel(self._job)
        self._timer.stop()
        self._refit.stop()
        self.scene.clear()
        self.scene.painted = []
        self.scene.page_items, self.scene.module_items, self.scene.grid_items = [], [], []
        self.paged = None
        FONTS.clear()

    # ------------------------------------------------------------------ view
    fit_mode: str | None = "width"      # "width", "page" or None (a zoom the user chose): kept on resize

    def zoom(self, factor: float) -> None:
        self.fit_mode = None
        self.view.scale(factor, factor)

    def zoom_level(self) -> float:
        return self.view.transform().m11()

    def set_zoom(self, scale: float) -> None:
        self.fit_mode = None
        self.view.resetTransform()
        self.view.scale(scale, scale)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit_mode is not None and self.scene.page_items:
            self._refit.start()

    def _fit_again(self) -> None:
        if self._closed:
            return
        if self.fit_mode == "page":
            self.fit()
        elif self.fit_mode == "width":
            self.fit_width()

    def fit(self) -> None:
        """The whole first page in view."""
        self.fit_mode = "page"
        if self.scene.page_items:
            first = self.scene.page_items[0]
            self.view.fitInView(first.sceneBoundingRect().adjusted(-12, -12, 12, 12), Qt.AspectRatioMode.KeepAspectRatio)

    def fit_width(self) -> None:
        """The first page as wide as the view, its top in sight (how a page is first shown)."""
        self.fit_mode = "width"
        if not self.scene.page_items:
            return
        r = self.scene.page_items[0].sceneBoundingRect().adjusted(-10, -10, 10, 10)
        vw = max(50, self.view.viewport().width() - 4)
        self.view.resetTransform()
        self.view.scale(vw / r.width(), vw / r.width())
        self.view.centerOn(r.center().x(), r.top() + self.view.viewport().height() / 2 * r.width() / vw)

    def grid_visible(self) -> bool:
        return self._grid_visible

    def set_grid_visible(self, on: bool) -> None:
        self._grid_visible = on
        for g in self.scene.grid_items:
            g.setVisible(on)

    def highlight_story(self, story_id: str) -> None:
        self._highlight = story_id
        first = None
        for m in self.scene.module_items:
            m.set_highlight(m.module.story == story_id)
            if first is None and m.module.story == story_id:
                first = m
        self._set_fields(first)

    def _set_fields(self, item) -> None:
        """Show the module's place in the numeric fields (disabled when the story is not placed)."""
        self._fields_module = item
        g = self.grid
        for key, box in self.fields.items():
            box.blockSignals(True)
            box.setEnabled(item is not None)
            if item is not None:
                m = item.module
                box.setRange(1, g.columns if key in ("column", "columns") else g.lines)
                box.setValue(getattr(m, key) + (1 if key in ("column", "line") else 0))
            box.blockSignals(False)

    def _fields_edited(self, *_):
        item = self._fields_module
        if item is None:
            return
        f = {k: b.value() for k, b in self.fields.items()}
        m = item.module
        target = (f["column"] - 1, f["columns"], f["line"] - 1, f["lines"])
        if target != (m.column, m.columns, m.line, m.lines) and not self.change_module(item.page, m, *target):
            self._set_fields(item)

    def story_title(self, story_id: str) -> str:
        st = next((s for s in self.doc.edition.stories if s.id == story_id), None)
        return st.headline if st else story_id

    # ------------------------------------------------------------------ editing the placement
    def cell_at(self, grid, x: float, y: float, clamp_cols: int = 1, clamp_lines: int = 1) -> tuple[int, int]:
        """The column and grid line at page point (x, y), kept inside the type area."""
        col = int((x - grid.margin_left) // (grid.column_width + grid.gutter))
        line = round((y - grid.margin_top) / grid.leading)
        col = max(0, min(col, grid.columns - clamp_cols))
        line = max(0, min(line, grid.lines - clamp_lines))
        return col, line

    def current_plan(self) -> dict:
        """The placement now on the pages, as a plan (what automatic placement chose, made explicit)."""
        if self.doc.project.plan:
            return copy.deepcopy(self.doc.project.plan)
        from galley.ui.placement import plan_from_paged
        return plan_from_paged(self.paged, self.grid)

    def change_module(self, page, module, column: int, columns: int, line: int, lines: int) -> bool:
        """Move or resize a module; modules in the way are pushed down, or the change is refused
        (with a message) when one would leave the page. Returns whether the change was made."""
        from galley.ui.placement import Collision, set_module, settle
        g = self.grid
        column = max(0, min(column, g.columns - 1))
        columns = max(1, min(columns, g.columns - column))
        line = max(0, min(line, g.lines - 1))
        lines = max(1, min(lines, g.lines - line))
        plan = set_module(self.current_plan(), page.number, module.story, column, columns, line, lines)
        try:
            plan = settle(plan, page.number, module.story, g.lines)
        except Collision as exc:
            self.refuse(self.tr("There is no room for that: “%1” would be pushed off the page.")
                        .replace("%1", self.story_title(exc.story)))
            return False
        label = self.tr("Move %1") if columns == module.columns and lines == module.lines else self.tr("Resize %1")
        self.doc.undo_stack.push(LayoutCommand(self.doc, self.doc.project.layout or self.layout_box.currentData(),
                                               plan, label.replace("%1", self.story_title(module.story))))
        self.relayout()
        return True

    def refuse(self, message: str) -> None:
        """A page edit that cannot be made: say why, and show the page as it was."""
        self.message.emit(message)
        self.info.setText("<span style='color:#c62828'>" + message + "</span>")
        QTimer.singleShot(0, self, self._rebuild)   # not under the module item's own mouse event

    def _rebuild(self) -> None:
        if self.paged is not None and not self._closed:
            self.scene.build(self, self.paged, self.grid, self._grid_visible)
            if self._highlight:
                self.highlight_story(self._highlight)

    def page_at(self, scene_pos: QPointF):
        for sheet, page in zip(self.scene.page_items, self.paged.pages if self.paged else [], strict=False):
            local = sheet.mapFromScene(scene_pos)
            if sheet.rect().contains(local):
                return page, local
        return None, None

    def drop_story(self, story_id: str, scene_pos: QPointF) -> None:
        if self.paged is None or self.grid is None:
            return
        page, local = self.page_at(scene_pos)
        if page is None:
            return
        g = self.grid
        target = next((m for m in page.modules if m.x <= local.x() <= m.x + m.w and m.y <= local.y() <= m.y + m.h
                       and m.story != story_id), None)
        from galley.ui.placement import Collision, free_lines_below, place_story, settle
        current = self.current_plan()
        if target is not None:
            col, cols, line, lines = target.column, target.columns, target.line, target.lines
        else:
            # the module starts where the story was dropped, as deep as the free space below allows
            cols = min(2, g.columns)
            col, line = self.cell_at(g, local.x(), local.y(), cols, 1)
            lines = free_lines_below(current, page.number, story_id, col, cols, line, min(60, g.lines - line))
            if lines < self.MIN_DROP_LINES:
                self.refuse(self.tr("There is no room to place “%1” there.").replace("%1", self.story_title(story_id)))
                return
        plan = place_story(current, page.number, story_id, col, cols, line, lines,
                           replace=target.story if target is not None else None)
        try:
            plan = settle(plan, page.number, story_id, g.lines)
        except Collision as exc:
            self.refuse(self.tr("There is no room for that: “%1” would be pushed off the page.")
                        .replace("%1", self.story_title(exc.story)))
            return
        self.doc.undo_stack.push(LayoutCommand(self.doc, self.doc.project.layout or self.layout_box.currentData(),
                                               plan, self.tr("Place %1").replace("%1", self.story_title(story_id))))
        self.relayout()

    # ------------------------------------------------------------------ picture and ad frames
    FRAME_LINES: ClassVar[dict[str, int]] = {"picture": 14, "ad": 12}

    def frame_menu(self, scene_pos: QPointF) -> QMenu | None:
        """The page's menu at a point: add a picture or ad frame there; on a frame, edit its
        caption or label, or remove it."""
        if self.paged is None or self.grid is None:
            return None
        page, local = self.page_at(scene_pos)
        if page is None:
            return None
        menu = QMenu(self)
        frame = next((m for m in page.modules if m.kind != "story" and m.x <= local.x() <= m.x + m.w
                      and m.y <= local.y() <= m.y + m.h), None)
        if frame is not None:
            what = self.tr("Edit caption…") if frame.kind == "picture" else self.tr("Edit label…")
            menu.addAction(what, lambda: self._ask_label(page, frame))
            menu.addAction(self.tr("Remove frame"), lambda: self.remove_frame(page, frame))
        else:
            menu.addAction(self.tr("Add picture frame here…"), lambda: self._ask_frame("picture", scene_pos))
            menu.addAction(self.tr("Add ad frame here"), lambda: self.add_frame("ad", scene_pos, AD_LABEL))
        return menu

    def _show_menu(self, scene_pos: QPointF, global_pos: QPoint) -> None:
        menu = self.frame_menu(scene_pos)
        if menu is not None:
            menu.exec(global_pos)

    def _ask_frame(self, kind: str, scene_pos: QPointF) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Picture frame"), self.tr("Caption (may be left empty):"))
        if ok:
            self.add_frame(kind, scene_pos, text.strip())

    def _ask_label(self, page, frame) -> None:
        title = self.tr("Picture frame") if frame.kind == "picture" else self.tr("Ad frame")
        prompt = self.tr("Caption:") if frame.kind == "picture" else self.tr("Label:")
        text, ok = QInputDialog.getText(self, title, prompt, text=frame.label)
        if ok:
            self.set_frame_label(page, frame, text.strip())

    def add_frame(self, kind: str, scene_pos: QPointF, label: str) -> bool:
        """A picture frame (two columns) or an ad frame (the page's width), `FRAME_LINES` deep,
        from the point clicked down; the modules it covers get shallower (`placement.make_room`:
        their text that no longer fits is overset, shown in red), or it is refused, with the
        reason, when too little of one would be left. Undoable like every page edit."""
        if self.paged is None or self.grid is None:
            return False
        page, local = self.page_at(scene_pos)
        if page is None:
            return False
        from galley.ui.placement import Collision, add_frame, make_room
        g = self.grid
        cols = min(2, g.columns) if kind == "picture" else g.columns
        lines = min(self.FRAME_LINES[kind], g.lines)
        col, line = self.cell_at(g, local.x(), local.y(), cols, lines)
        under = next((m for m in page.modules if m.x <= local.x() <= m.x + m.w and m.y <= local.y() <= m.y + m.h), None)
        if under is not None and under.columns >= cols:       # inside the module clicked, not astride two
            col = max(under.column, min(col, under.column + under.columns - cols))
        plan, fid = add_frame(self.current_plan(), page.number, kind, label, col, cols, line, lines)
        try:
            plan = make_room(plan, page.number, fid)       # what it covers gets shallower
        except Collision as exc:
            self.refuse(self.tr("There is no room for the frame there: too little of “%1” would be left.")
                        .replace("%1", self.story_title(exc.story)))
            return False
        what = self.tr("Add picture frame") if kind == "picture" else self.tr("Add ad frame")
        self.doc.undo_stack.push(LayoutCommand(self.doc, self.doc.project.layout or self.layout_box.currentData(),
                                               plan, what))
        self.relayout()
        return True

    def remove_frame(self, page, frame) -> None:
        from galley.ui.placement import remove_frame
        plan = remove_frame(self.current_plan(), page.number, frame.story)
        self.doc.undo_stack.push(LayoutCommand(self.doc, self.doc.project.layout or self.layout_box.currentData(),
                                               plan, self.tr("Remove frame")))
        self.relayout()

    def set_frame_label(self, page, frame, label: str) -> None:
        from galley.ui.placement import set_label
        plan = set_label(self.current_plan(), page.number, frame.story, label)
        what = self.tr("Edit caption") if frame.kind == "picture" else self.tr("Edit label")
        self.doc.undo_stack.push(LayoutCommand(self.doc, self.doc.project.layout or self.layout_box.currentData(),
                                               plan, what))
        self.relayout()


AD_LABEL = "广告"      # as automatic placement labels the ad frames it makes (app.layout.place)


__all__ = ["FONTS", "LineItem", "PagePanel", "PageScene", "layout_module"]
