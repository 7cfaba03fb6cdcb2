"""The main window: navigator, story editor, page view, findings and repairs, menus and toolbar.

It opens files (menu, drag and drop, recent files), saves projects (.galley, with the
project lock), autosaves a moment after each change (at least every 10 s) and offers to recover after a crash, and routes the
Proofreading and Repairs actions to the panels. All changes go through the document's
QUndoStack. On a language change the whole interface is rebuilt in the new language.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontDatabase, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from galley.app.data import resource
from galley.app.errors import GalleyError
from galley.app.model import Kind, ops
from galley.app.project import Project, ProjectLock, ProjectLockedError, load_project, save_project
from galley.app.project.autosave import Session, find_recoverable
from galley.ui import i18n, prefs
from galley.ui.document import EditionDocument
from galley.ui.editor import StoryEditor, kind_label
from galley.ui.errors import show_error
from galley.ui.findings import FindingsPanel
from galley.ui.navigator import Navigator
from galley.ui.repairs import RepairsPanel
from galley.ui.undo import DictionaryCommand, EditTextCommand, RecordCommand, StructureCommand

OPEN_SUFFIXES = (".txt", ".docx", ".pdf", ".galley")
MAX_RECENT = 10


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def empty_project() -> Project:
    from galley.app.model import Edition
    return Project(edition=Edition(blocks=[], stories=[]))


def editor_font() -> QFont:
    """A CJK font for the editor: the body (song) font of the layout when registered, else a system one."""
    fams = set(QFontDatabase.families())
    for fam in ("AR PL UMing CN", "AR PL UMing", "LXGW WenKai", "WenQuanYi Zen Hei", "Noto Serif CJK SC",
                "SimSun", "Microsoft YaHei"):
        if fam in fams:
            f = QFont(fam)
            f.setPointSizeF(12.5)
            return f
    f = QFont()
    f.setPointSizeF(12)
    return f


def register_layout_fonts() -> None:
    """Make the layout's font files known to Qt (editor and page view use the same fonts as the PDF)."""
    try:
        from galley.app.layout.fonts import ROLES, resolve_font
    except ImportError:
        return
    for role in ROLES:
        try:
            QFontDatabase.addApplicationFont(resolve_font(role))
        except GalleyError:
            pass


class MainWindow(QMainWindow):
    def __init__(self, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.settings = prefs.qsettings()
        self.preferences, problems = prefs.read_preferences()
        if problems:
            QTimer.singleShot(0, self, lambda: self._warn_preferences(problems))
        prefs.apply_fonts(self.preferences)
        self.session = Session()
        self.session.start(None)
        self.read_only = False
        self.setAcceptDrops(True)
        self.setWindowIcon(self._icon("app"))
        from galley.ui.jobs import JobHub
        self.hub = JobHub(self)
        self.hub.start()
        self.doc = self._make_doc(project or empty_project())
        self._build()
        self.resize(1440, 900)
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        self.restore_settings()
        # autosave: a moment after the editor stops (idle), and at least every few seconds while
        # changes keep coming, so a crash loses at most those seconds
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(prefs.autosave_seconds(self.preferences) * 1000)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(self.IDLE_AUTOSAVE_MS)
        self.idle_timer.timeout.connect(self.autosave)

    IDLE_AUTOSAVE_MS = 1500

    def _warn_preferences(self, problems: list[str]) -> None:
        QMessageBox.warning(self, tr("Preferences"), tr("Some settings in %1 were not used, and their defaults apply "
                                                        "instead:").replace("%1", str(prefs.preferences_path())) +
                            "\n\n• " + "\n• ".join(problems))

    # ------------------------------------------------------------------ construction
    def _make_doc(self, project: Project) -> EditionDocument:
        doc = EditionDocument(project, settings=self._proof_prefs(), parent=self)
        doc.recheck_all(self.hub)
        doc.undo_stack.cleanChanged.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._changed)
        return doc

    _changes = 0            # every change pushed (typing merged into one command counts each time)
    _autosaved_changes = 0

    def _changed(self, *_):
        self._changes += 1
        if hasattr(self, "idle_timer"):
            self.idle_timer.start()

    def _proof_prefs(self) -> dict:
        p = self.preferences
        return {"severities": dict(p.get("severities") or {}), "spelling_language": p.get("spelling_language",
                                                                                         "en_US"),
                "user_words": list(p.get("user_words") or [])}

    def _icon(self, name: str) -> QIcon:
        own = resource("icons", f"{name}.png")
        if own.exists():
            return QIcon(str(own))
        sp = {"open": QStyle.StandardPixmap.SP_DialogOpenButton, "save": QStyle.StandardPixmap.SP_DialogSaveButton,
              "undo": QStyle.StandardPixmap.SP_ArrowBack, "redo": QStyle.StandardPixmap.SP_ArrowForward,
              "next": QStyle.StandardPixmap.SP_ArrowDown, "prev": QStyle.StandardPixmap.SP_ArrowUp,
              "accept": QStyle.StandardPixmap.SP_DialogApplyButton,
              "reject": QStyle.StandardPixmap.SP_DialogCancelButton,
              "ignore": QStyle.StandardPixmap.SP_DialogDiscardButton,
              "word": QStyle.StandardPixmap.SP_FileDialogNewFolder,
              "export": QStyle.StandardPixmap.SP_DriveFDIcon, "grid": QStyle.StandardPixmap.SP_FileDialogDetailedView,
              "prefs": QStyle.StandardPixmap.SP_FileDialogInfoView, "app": QStyle.StandardPixmap.SP_DesktopIcon,
              "zoomin": QStyle.StandardPixmap.SP_ArrowUp, "zoomout": QStyle.StandardPixmap.SP_ArrowDown,
              "fit": QStyle.StandardPixmap.SP_TitleBarMaxButton, "quit": QStyle.StandardPixmap.SP_DialogCloseButton,
              "recheck": QStyle.StandardPixmap.SP_BrowserReload}.get(name, QStyle.StandardPixmap.SP_FileIcon)
        return self.style().standardIcon(sp)

    def _action(self, key: str, text: str, slot, shortcut=None, icon: str | None = None, tip: str | None = None,
                checkable: bool = False) -> QAction:
        a = QAction(text, self)
        if icon:
            a.setIcon(self._icon(icon))
        if shortcut:
            seqs = shortcut if isinstance(shortcut, list) else [shortcut]
            a.setShortcuts([QKeySequence(s) for s in seqs])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        a.setToolTip((tip or text.replace("&", "")) + (f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                                                        if shortcut else ""))
        a.setStatusTip(tip or text.replace("&", ""))
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _=False: slot())
        self.actions_by_key[key] = a
        return a

    def _build(self) -> None:
        """(Re)build every widget, action and menu for `self.doc` in the current language."""
        state = self._ui_state() if hasattr(self, "editor") else None
        if hasattr(self, "page_panel"):
            self.page_panel.shutdown()
        for w in self.findChildren(QDockWidget):
            self.removeDockWidget(w)
            w.deleteLater()
        for tb in self.findChildren(QToolBar):
            self.removeToolBar(tb)
            tb.deleteLater()
        self.menuBar().clear()
        self.actions_by_key: dict[str, QAction] = {}
        A = self._action
        A("open", tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open, "open",
          tr("Open an edition: .txt, .docx, .pdf or .galley"))
        A("save", tr("&Save"), self.save, QKeySequence.StandardKey.Save, "save", tr("Save the project (.galley)"))
        A("save_as", tr("Save &As…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        A("export", tr("&Export…"), self.export_dialog, "Ctrl+E", "export", tr("Export PDF, DOCX or PNG"))
        A("prefs", tr("&Preferences…"), self.preferences_dialog, QKeySequence.StandardKey.Preferences, "prefs")
        A("quit", tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        A("next_finding", tr("&Next finding"), self.next_finding, "F8", "next")
        A("prev_finding", tr("&Previous finding"), self.prev_finding, "Shift+F8", "prev")
        A("accept_finding", tr("&Accept fix"), self.accept_finding, "Ctrl+Return", "accept",
          tr("Apply the finding's fix"))
        A("reject_finding", tr("&Reject finding"), self.reject_finding, "Ctrl+Backspace", "reject",
          tr("Dismiss this finding here"))
        A("ignore_finding", tr("&Ignore rule in story"), self.ignore_finding, "Ctrl+Shift+I", "ignore",
          tr("Ignore this rule in the whole story"))
        A("add_word", tr("Add to &dictionary"), self.add_word, "Ctrl+Shift+D", "word",
          tr("Add the word to the user dictionary"))
        A("accept_rule", tr("Accept all fixes of this &rule"), lambda: self.accept_many("rule"), "Ctrl+Alt+Return",
          "accept", tr("Apply every fix of the current finding's rule"))
        A("accept_story", tr("Accept all fixes in this s&tory"), lambda: self.accept_many("story"), "Ctrl+Alt+T",
          "accept", tr("Apply every fix in the current story"))
        A("accept_safe", tr("Accept every &safe fix"), lambda: self.accept_many("safe"), "Ctrl+Alt+Shift+Return",
          "accept", tr("Apply every fix marked safe in the whole edition"))
        A("recheck", tr("Re-check &all"), self.recheck_all, "Ctrl+Shift+R", "recheck")
        A("find", tr("&Find and replace…"), self.find_dialog, [QKeySequence(QKeySequence.StandardKey.Find), "Ctrl+H"],
          None, tr("Find and replace in the stories (regular expressions too)"))
        A("find_next", tr("Find ne&xt"), self.find_next, "F3")
        A("next_spelling", tr("Next &spelling finding"), self.next_spelling, "F7", None,
          tr("Go to the next spelling or misused-word finding"))
        A("join_next", tr("&Join with next paragraph"), self.join_next, "Ctrl+J", None,
          tr("Join this paragraph with the one after it"))
        A("split_here", tr("&Split paragraph here"), self.split_here, "Ctrl+Shift+J", None,
          tr("Split this paragraph at the cursor"))
        for kind, key in ((Kind.SIDEBAR, "Ctrl+Alt+1"), (Kind.CAPTION, "Ctrl+Alt+2"), (Kind.CREDIT, "Ctrl+Alt+3")):
            A(f"move_out_{kind}", tr("Move out as %1").replace("%1", kind_label(kind).lower()),
              lambda kind=kind: self.move_out(kind), key)
        A("accept_repair", tr("Accept &repair"), lambda: self.set_repair(True), "Ctrl+Shift+Return", "accept")
        A("reject_repair", tr("Re&ject repair"), lambda: self.set_repair(False), "Ctrl+Shift+Backspace", "reject")
        A("next_repair", tr("Next repai&r"), self.next_repair, "F9")
        A("grid", tr("&Grid overlay"), self._toggle_grid, "Ctrl+G", "grid", checkable=True)
        A("zoom_in", tr("Zoom &in"), lambda: self.page_panel.zoom(1.25), QKeySequence.StandardKey.ZoomIn, "zoomin")
        A("zoom_out", tr("Zoom &out"), lambda: self.page_panel.zoom(0.8), QKeySequence.StandardKey.ZoomOut,
          "zoomout")
        A("fit", tr("&Fit page"), lambda: self.page_panel.fit(), "Ctrl+0", "fit")
        A("relayout", tr("&Lay out again"), lambda: self.page_panel.relayout(), "Ctrl+L", "recheck")
        undo = self.doc.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(self._icon("undo"))
        redo = self.doc.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        redo.setIcon(self._icon("redo"))
        self.actions_by_key["undo"], self.actions_by_key["redo"] = undo, redo
        # the toolbar's buttons keep a fixed label (the menu items name the step): buttons do not jump
        stack = self.doc.undo_stack
        for key, text, act, can, changed, text_changed in (
                ("undo_tb", tr("Undo"), undo, stack.canUndo, stack.canUndoChanged, stack.undoTextChanged),
                ("redo_tb", tr("Redo"), redo, stack.canRedo, stack.canRedoChanged, stack.redoTextChanged)):
            a = QAction(act.icon(), text, self)
            a.setEnabled(can())
            a.triggered.connect(act.trigger)
            changed.connect(a.setEnabled)
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{text} ({shortcut})")
            text_changed.connect(lambda t, a=a, text=text, sc=shortcut: a.setToolTip(
                (f"{text}: {t}" if t else text) + f" ({sc})"))
            self.actions_by_key[key] = a

        self.kind_menu = QMenu(tr("Change &kind to"), self)
        for kind in Kind:
            a = self.kind_menu.addAction(kind_label(kind))
            a.triggered.connect(lambda _=False, kind=kind: self.change_kind(kind))
        self.structure_actions = [self.actions_by_key[k] for k in ("join_next", "split_here", "move_out_sidebar",
                                                                   "move_out_caption", "move_out_credit")]

        # central: editor | page view
        self.editor = StoryEditor(self.doc, self)
        self.editor.extra_actions = self.structure_actions + [self.kind_menu]
        self.editor.setFont(editor_font())
        self.editor.markClicked.connect(self._mark_under_cursor)
        self.editor.fixRequested.connect(lambda st, ei, m: self.apply_fix(self.doc.story_index(st), ei, m))
        self.editor.dismissRequested.connect(lambda st, ei, m: self.dismiss_mark(self.doc.story_index(st), ei, m))
        from galley.ui.pageview import PagePanel
        self.page_panel = PagePanel(self.doc, self, hub=self.hub)
        self.page_panel.storyActivated.connect(self.show_story_id)
        self.page_panel.oversetChanged.connect(self._overset_changed)
        self.page_panel.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.actions_by_key["grid"].setChecked(self.page_panel.grid_visible())
        self.copyfit_label = QLabel(self)
        self.copyfit_label.setWordWrap(True)
        self.copyfit_label.setStyleSheet("background:#fdecea;color:#b71c1c;padding:4px 8px;font-weight:bold")
        self.copyfit_label.hide()
        self.editor.oversetChanged.connect(self._copyfit_changed)
        editor_box = QWidget(self)
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.copyfit_label)
        box.addWidget(self.editor, 1)
        self.central_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.central_split.setObjectName("central-split")
        self.central_split.addWidget(editor_box)
        self.central_split.addWidget(self.page_panel)
        self.central_split.setStretchFactor(0, 3)
        self.central_split.setStretchFactor(1, 2)
        self.central_split.setSizes([760, 520])
        self.setCentralWidget(self.central_split)

        self.navigator = Navigator(self.doc, self)
        self.navigator.storyActivated.connect(self.show_story)
        nav_dock = QDockWidget(tr("Navigator"), self)
        nav_dock.setObjectName("navigator")
        nav_dock.setWidget(self.navigator)
        nav_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, nav_dock)

        self.findings = FindingsPanel(self.doc, self.actions_by_key, self)
        self.findings.activated.connect(self.go_to_mark)
        self.repairs = RepairsPanel(self.doc, self.actions_by_key, self)
        structure_menu = QMenu(self.repairs)
        structure_menu.addActions([self.actions_by_key[k] for k in ("move_out_sidebar", "move_out_caption",
                                                                    "move_out_credit")])
        structure_menu.addMenu(self.kind_menu)
        self.repairs.structure_button.setMenu(structure_menu)
        self.repairs.activated.connect(self.go_to_fix)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self.findings, tr("Findings"))
        self.bottom_tabs.addTab(self.repairs, tr("Repairs"))
        self.doc.findingsChanged.connect(self._update_tab_titles)
        self.doc.structureChanged.connect(self._update_tab_titles)
        bottom = QDockWidget(tr("Review"), self)
        bottom.setObjectName("review")
        bottom.setWidget(self.bottom_tabs)
        bottom.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom)
        self.resizeDocks([nav_dock], [270], Qt.Orientation.Horizontal)
        self.resizeDocks([bottom], [250], Qt.Orientation.Vertical)

        # menus
        m = self.menuBar().addMenu(tr("&File"))
        m.addAction(self.actions_by_key["open"])
        self.recent_menu = m.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_menu.setToolTipsVisible(True)
        m.addAction(self.actions_by_key["save"])
        m.addAction(self.actions_by_key["save_as"])
        m.addSeparator()
        m.addAction(self.actions_by_key["export"])
        m.addSeparator()
        m.addAction(self.actions_by_key["quit"])
        m = self.menuBar().addMenu(tr("&Edit"))
        m.addAction(undo)
        m.addAction(redo)
        m.addSeparator()
        m.addAction(self.actions_by_key["find"])
        m.addAction(self.actions_by_key["find_next"])
        m.addSeparator()
        m.addAction(self.actions_by_key["prefs"])
        m = self.menuBar().addMenu(tr("&Proofreading"))
        for k in ("next_finding", "prev_finding", "next_spelling", None, "accept_finding", "accept_rule", "accept_story", "accept_safe",
                  None, "reject_finding", "ignore_finding", "add_word", None, "recheck"):
            m.addSeparator() if k is None else m.addAction(self.actions_by_key[k])
        m = self.menuBar().addMenu(tr("&Repairs"))
        for k in ("next_repair", "accept_repair", "reject_repair"):
            m.addAction(self.actions_by_key[k])
        m.addSeparator()
        m.addActions(self.structure_actions)
        m.addMenu(self.kind_menu)
        m = self.menuBar().addMenu(tr("&Page"))
        for k in ("grid", None, "zoom_in", "zoom_out", "fit", None, "relayout"):
            m.addSeparator() if k is None else m.addAction(self.actions_by_key[k])
        m = self.menuBar().addMenu(tr("&View"))
        m.addAction(nav_dock.toggleViewAction())
        m.addAction(bottom.toggleViewAction())
        m = self.menuBar().addMenu(tr("&Help"))
        about = QAction(tr("&About Galley"), self)
        about.triggered.connect(self.about)
        m.addAction(about)

        tb = QToolBar(tr("Main"), self)
        tb.setObjectName("main-toolbar")
        self.main_toolbar = tb
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for k in ("open", "save", None, "undo_tb", "redo_tb", None, "prev_finding", "next_finding", "accept_finding",
                  "reject_finding", None, "export", None, "grid", "fit"):
            tb.addSeparator() if k is None else tb.addAction(self.actions_by_key[k])
        self.addToolBar(tb)

        self.status_label = QLabel(self)
        self.overset_label = QLabel(self)
        sb = self.statusBar()
        for w in sb.findChildren(QLabel):
            sb.removeWidget(w)
        sb.addPermanentWidget(self.overset_label)
        sb.addPermanentWidget(self.status_label)
        self._update_title()
        self._update_status()
        self._update_tab_titles()
        if state:
            self._restore_ui_state(state)
        elif self.doc.edition.stories:
            self.show_story(0)

    def _ui_state(self) -> dict:
        p = self.page_panel
        return {"story": self.editor.story, "split": self.central_split.sizes(),
                "tab": self.bottom_tabs.currentIndex(), "repairs_split": self.repairs.split.sizes(),
                "filters": dict(self.findings.model.filters), "grid": p.grid_visible(),
                "fit_mode": p.fit_mode,
                "zoom": p._initial_zoom if p.paged is None and p._initial_zoom else p.zoom_level()}

    def _restore_ui_state(self, st: dict) -> None:
        # a window not laid out yet reports token sizes: then the remembered ones apply
        self.central_split.setSizes(st["split"] if sum(st["split"]) > 200 else
                                    self._saved_sizes("window/central_split") or [760, 520])
        self.bottom_tabs.setCurrentIndex(st["tab"])
        self.repairs.split.setSizes(st["repairs_split"] if sum(st["repairs_split"]) > 200 else
                                    self._saved_sizes("review/repairs_split") or [380, 420])
        for box, key in ((self.findings.rule_box, "rule"), (self.findings.severity_box, "severity")):
            i = box.findData(st["filters"].get(key))
            if st["filters"].get(key) is not None and i >= 0:
                box.setCurrentIndex(i)
        self.actions_by_key["grid"].setChecked(st["grid"])
        self.page_panel.fit_mode = st["fit_mode"]
        if st["fit_mode"] is None:
            self.page_panel._initial_zoom = st["zoom"]
        i = self.doc.story_index(st["story"]) if st["story"] is not None else -1
        if i >= 0:
            self.show_story(i)
        elif self.doc.edition.stories:
            self.show_story(0)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "editor"):
            QTimer.singleShot(0, self._build)
        super().changeEvent(event)

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until a background import, proofreading and layout have arrived (screenshots, tests, benchmarks)."""
        self.hub.wait(self._open_job, timeout)
        self.hub.wait(self.doc._check_job, timeout)
        self.page_panel.wait_idle(timeout)

    # ------------------------------------------------------------------ status
    def _update_title(self, *_):
        p = self.doc.project
        name = Path(p.path).name if p.path else (Path(p.edition.source).name if p.edition.source else tr("Untitled"))
        mod = "" if self.doc.undo_stack.isClean() else "*"
        ro = " " + tr("[read-only]") if self.read_only else ""
        self.setWindowTitle(f"{name}{mod}{ro} — Galley")

    def _update_status(self, *_):
        ed = self.doc.edition
        n = len(self.doc.visible_marks())
        stories = tr("1 story") if len(ed.stories) == 1 else tr("%1 stories").replace("%1", str(len(ed.stories)))
        chars = tr("1 character") if ed.char_count == 1 else tr("%1 characters").replace("%1", f"{ed.char_count:,}")
        found = tr("1 finding") if n == 1 else tr("%1 findings").replace("%1", str(n))
        self.status_label.setText(f"{stories} · {chars} · {found}")

    def _update_tab_titles(self) -> None:
        self.bottom_tabs.setTabText(0, tr("Findings (%1)").replace("%1", str(len(self.doc.visible_marks()))))
        pending = len(self.doc.edition.fixes)
        self.bottom_tabs.setTabText(1, tr("Repairs (%1)").replace("%1", str(pending)))
        self._update_status()

    def _copyfit_changed(self, n: int) -> None:
        self.copyfit_label.setVisible(n > 0)
        if n:
            self.copyfit_label.setText((tr("Overset: cut 1 character (or give the story more room on the page).")
                                        if n == 1 else tr("Overset: cut %1 characters (or give the story more room on "
                                                          "the page).")).replace("%1", str(n)))

    def _overset_changed(self, overset: dict) -> None:
        self.navigator.set_overset(overset)
        self.editor.set_overset(overset)
        total = sum(overset.values())
        if total:
            n = sum(1 for v in overset.values() if v)
            text = (tr("Overset: %1 characters in 1 story") if n == 1 else tr("Overset: %1 characters in %2 stories"))
            self.overset_label.setText("<span style='color:#c62828'>" + text.replace("%1", str(total))
                                       .replace("%2", str(n)) + "</span>")
        else:
            self.overset_label.setText("")

    # ------------------------------------------------------------------ navigation
    def show_story(self, i: int, element: int = 0, start: int = 0, end: int | None = None) -> None:
        stories = self.doc.edition.stories
        if not (0 <= i < len(stories)):
            return
        self.editor.show_story(stories[i], element, start, end)
        self.navigator.select_story(i)
        self.page_panel.highlight_story(stories[i].id)

    def show_story_id(self, story_id: str) -> None:
        for i, st in enumerate(self.doc.edition.stories):
            if st.id == story_id:
                self.show_story(i)
                return

    def go_to_mark(self, si: int, ei: int, mark) -> None:
        self.show_story(si, ei, mark.start, mark.end)

    def go_to_fix(self, fix) -> None:
        for si, ei, el in self.doc.edition.elements():
            if set(fix.blocks) & set(el.parts):
                self.show_story(si, ei, 0, 0)
                return

    def _mark_under_cursor(self, story, ei: int, mark) -> None:
        if self.findings.table.hasFocus():
            return      # the editor follows the table: leave the table's (multi-row) selection alone
        si = self.doc.story_index(story)
        self.findings.select_like(si, ei, mark.start, quiet=True)

    def _step_finding(self, step: int) -> None:
        rows = self.findings.model.rows
        if not rows:
            self.statusBar().showMessage(tr("No findings."), 3000)
            return
        si = self.doc.story_index(self.editor.story) if self.editor.story is not None else 0
        ei, off = self.editor.current_location()
        c = self.editor.textCursor()
        sel_start = c.selectionStart() - c.block().position() if c.hasSelection() else off
        here = (si, ei, sel_start)
        keys = [(r[0], r[1], r[3].start) for r in rows]
        if step > 0:
            nxt = next((i for i, k in enumerate(keys) if k > here), 0)
        else:
            nxt = next((i for i in range(len(keys) - 1, -1, -1) if keys[i] < here), len(keys) - 1)
        self.findings.select_row(nxt, quiet=True)
        r = rows[nxt]
        self.go_to_mark(r[0], r[1], r[3])

    def next_finding(self) -> None:
        self._step_finding(+1)

    SPELLING_RULES = ("spell.", "words.")

    def next_spelling(self) -> None:
        """F7: the next spelling or misused-word finding after the cursor, wrapping round."""
        rows = [r for r in self.doc.visible_marks() if r[3].rule.startswith(self.SPELLING_RULES)]
        if not rows:
            self.statusBar().showMessage(tr("No spelling findings."), 3000)
            return
        si = self.doc.story_index(self.editor.story) if self.editor.story is not None else 0
        c = self.editor.textCursor()
        here = (si, c.blockNumber(), c.selectionEnd() - c.block().position() if c.hasSelection() else
                c.positionInBlock())
        r = next((r for r in rows if (r[0], r[1], r[3].start) >= here), rows[0])
        self.findings.select_like(r[0], r[1], r[3].start, quiet=True)
        self.go_to_mark(r[0], r[1], r[3])

    def find_dialog(self) -> None:
        from galley.ui.find import FindDialog
        if getattr(self, "_find", None) is None:
            self._find = FindDialog(self)
        c = self.editor.textCursor()
        if c.hasSelection() and "\u2029" not in c.selectedText():
            self._find.find_edit.setText(c.selectedText())
        self._find.show()
        self._find.raise_()
        self._find.find_edit.setFocus()
        self._find.find_edit.selectAll()

    def find_next(self) -> None:
        if getattr(self, "_find", None) is None or not self._find.find_edit.text():
            self.find_dialog()
            return
        self._find.find_next()

    def prev_finding(self) -> None:
        self._step_finding(-1)

    def _current_finding(self):
        return self.findings.current()

    def accept_finding(self) -> None:
        sel = self.findings.selected()
        if len(sel) > 1:
            self.apply_fixes(sel, tr("Accept %1 fixes"))
            return
        cur = self._current_finding()
        if cur is None:
            return
        si, ei, _el, m = cur
        self.apply_fix(si, ei, m)

    def accept_many(self, scope: str) -> None:
        """Accept every fix of the current finding's rule, of the current story, or every safe fix."""
        marks = self.doc.visible_marks()
        cur = self._current_finding()
        if scope == "rule":
            if cur is None:
                self.statusBar().showMessage(tr("Select a finding of the rule first."), 4000)
                return
            rows = [r for r in marks if r[3].rule == cur[3].rule]
        elif scope == "story":
            si = cur[0] if cur is not None else self.doc.story_index(self.editor.story)
            rows = [r for r in marks if r[0] == si]
        else:
            rows = [r for r in marks if getattr(r[3].finding, "safe", False)]
        self.apply_fixes(rows, tr("Accept %1 fixes"))

    def apply_fixes(self, rows: list, label: str) -> int:
        """Apply the fixes of many findings as one undoable step; returns how many were applied."""
        by_story: dict[int, dict[int, list]] = {}
        for si, ei, _el, m in rows:
            if m.fix is not None:
                by_story.setdefault(si, {}).setdefault(ei, []).append(m)
        n = 0
        stories = self.doc.edition.stories
        changes = []
        for si, elements in by_story.items():
            before, after = [], []
            for ei, ms in elements.items():
                el = stories[si].elements[ei]
                text, end = el.text, len(el.text) + 1
                for m in sorted(ms, key=lambda m: m.start, reverse=True):
                    if m.end > end or m.end > len(text):
                        continue          # overlaps a fix already taken
                    text = text[:m.start] + m.fix + text[m.end:]
                    end = m.start
                    n += 1
                if text != el.text:
                    before.append((el, el.text))
                    after.append((el, text))
            if after:
                changes.append((stories[si], before, after))
        if not n:
            self.statusBar().showMessage(tr("No fixes to apply."), 4000)
            return 0
        stack = self.doc.undo_stack
        stack.beginMacro(label.replace("%1", str(n)))
        for story, before, after in changes:
            stack.push(EditTextCommand(self.doc, story, before, after, typing=False, apply_first=True))
        stack.endMacro()
        self.statusBar().showMessage((tr("1 fix applied.") if n == 1 else tr("%1 fixes applied."))
                                     .replace("%1", str(n)), 4000)
        return n

    def apply_fix(self, si: int, ei: int, m) -> None:
        el = self.doc.edition.stories[si].elements[ei]
        if m.fix is None:
            self.statusBar().showMessage(tr("This finding has no automatic fix; edit the text or reject it."), 4000)
            return
        story = self.doc.edition.stories[si]
        new = el.text[:m.start] + m.fix + el.text[m.end:]
        self.doc.undo_stack.push(EditTextCommand(self.doc, story, [(el, el.text)], [(el, new)], typing=False,
                                                 apply_first=True,
                                                 label=tr("Fix “%1” → “%2”").replace("%1", el.text[m.start:m.end])
                                                 .replace("%2", m.fix)))
        self._after_finding_action(si, ei, m.start)

    def _after_finding_action(self, si: int, ei: int, start: int) -> None:
        self.findings.select_like(si, ei, start, quiet=True)
        cur = self.findings.current()
        if cur is not None:
            self.go_to_mark(cur[0], cur[1], cur[3])

    def reject_finding(self) -> None:
        """Dismiss this finding here (an "ignore here" record, kept in the project)."""
        cur = self._current_finding()
        if cur is None:
            return
        si, ei, _el, m = cur
        self.dismiss_mark(si, ei, m)

    def dismiss_mark(self, si: int, ei: int, m) -> None:
        el = self.doc.edition.stories[si].elements[ei]
        text = el.text[m.start:m.end]
        rec = {"kind": "here", "rule": m.rule, "text": getattr(m.finding, "text", text),
               "context": el.text[max(0, m.start - 6):m.start] + "\u2038" + el.text[m.end:m.end + 6]}
        self.doc.undo_stack.push(RecordCommand(self.doc, "ignores", rec,
                                               tr("Reject finding “%1”").replace("%1", rec["text"])))
        self._after_finding_action(si, ei, m.start)

    def ignore_finding(self) -> None:
        """Ignore this rule in this story."""
        cur = self._current_finding()
        if cur is None:
            return
        si, ei, _el, m = cur
        rec = {"kind": "rule_in_story", "rule": m.rule, "story": self.doc.edition.stories[si].id}
        self.doc.undo_stack.push(RecordCommand(self.doc, "ignores", rec,
                                               tr("Ignore %1 in this story").replace("%1", m.rule)))
        self._after_finding_action(si, ei, m.start)

    def add_word(self) -> None:
        cur = self._current_finding()
        if cur is None:
            return
        si, ei, el, m = cur
        word = getattr(m.finding, "text", "") or el.text[m.start:m.end]
        if not m.rule.startswith(("words.", "spell.")):
            self.statusBar().showMessage(tr("Only word and spelling findings can be added to the dictionary."), 4000)
            return
        if word.strip():
            self.doc.undo_stack.push(DictionaryCommand(self.doc, word.strip()))
            self.preferences["user_words"] = list(self.doc.settings.get("user_words") or [])
        self._after_finding_action(si, ei, m.start)

    # ------------------------------------------------------------------ structure edits (at the editor's cursor)
    def _structure_edit(self, label: str, change) -> bool:
        story = self.editor.story
        if story is None or not story.elements:
            return False
        ei, off = self.editor.current_location()
        ei = min(ei, len(story.elements) - 1)
        done = []
        self.doc.undo_stack.push(StructureCommand(self.doc, label, lambda ed: done.append(
            change(ed, story, ei, off)) or done[-1]))
        if not done[0]:
            self.statusBar().showMessage(tr("That does not apply here."), 3000)
        return done[0]

    def join_next(self) -> bool:
        return self._structure_edit(tr("Join paragraphs"), lambda ed, st, ei, off: ops.join_with_next(st, ei))

    def split_here(self) -> bool:
        return self._structure_edit(tr("Split paragraph"),
                                    lambda ed, st, ei, off: ops.split_element(st, ei, off, ed))

    def move_out(self, kind: Kind) -> bool:
        return self._structure_edit(tr("Move out as %1").replace("%1", kind_label(kind).lower()),
                                    lambda ed, st, ei, off: ops.move_out(st, ei, kind))

    def change_kind(self, kind: Kind) -> bool:
        return self._structure_edit(tr("Make it: %1").replace("%1", kind_label(kind).lower()),
                                    lambda ed, st, ei, off: ops.set_kind(st, ei, kind))

    def recheck_all(self) -> None:
        self.doc.recheck_all(self.hub)

    def set_repair(self, accepted: bool) -> None:
        if self.bottom_tabs.currentWidget() is not self.repairs:
            self.bottom_tabs.setCurrentWidget(self.repairs)
        if self.repairs.current() is None:
            self.repairs.select_index(0)
        if not self.repairs.set_current_accepted(accepted):
            self.statusBar().showMessage(tr("Nothing to change."), 3000)

    def next_repair(self) -> None:
        self.bottom_tabs.setCurrentWidget(self.repairs)
        it = self.repairs.tree.currentItem()
        i = self.repairs.tree.indexOfTopLevelItem(it) + 1 if it is not None else 0
        self.repairs.select_index(i if i < self.repairs.tree.topLevelItemCount() else 0)

    def _toggle_grid(self, on: bool) -> None:
        self.page_panel.set_grid_visible(on)

    # ------------------------------------------------------------------ files
    def open_dialog(self) -> None:
        start = self.settings.value("files/last_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, tr("Open an edition"), start,
                                              tr("Editions (*.txt *.docx *.pdf *.galley);;All files (*)"))
        if path:
            self.open_path(path)

    ASYNC_OPEN_BYTES = 100_000   # larger text/DOCX/PDF files are imported in the background process

    def open_path(self, path: str | Path) -> bool:
        """Open an edition or project; problems are shown in a dialog.

        Returns True when opened (or, for a large file, when its import has started in the
        background: the window stays usable and shows it when ready)."""
        if not self.maybe_save():
            return False
        p = Path(path)
        if p.suffix.lower() != ".galley" and p.is_file() and p.stat().st_size > self.ASYNC_OPEN_BYTES:
            return self._open_in_background(p)
        return self._open_here(p)

    opening: Path | None = None
    _open_job: int | None = None

    def _open_in_background(self, p: Path) -> bool:
        try:
            self.hub.cancel(self._open_job)
            self._open_job = self.hub.submit("open", str(p), callback=lambda ed, err: self._opened(p, ed, err))
        except (OSError, ValueError):
            self._open_job = None
            return self._open_here(p)
        self.opening = p
        self.statusBar().showMessage(tr("Opening %1…").replace("%1", p.name))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        return True

    def _opened(self, p: Path, edition, error) -> None:
        self._open_job = None
        self.opening = None
        QApplication.restoreOverrideCursor()
        self.statusBar().clearMessage()
        if error is not None:
            show_error(self, GalleyError(error.splitlines()[0]), tr("Cannot open the file"))
            return
        self.set_project(Project(edition=edition))
        self.settings.setValue("files/last_dir", str(p.parent))
        self._add_recent(str(p))

    def _open_here(self, p: Path) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            project, read_only = self._load(p)
        except Exception as exc:  # noqa: BLE001 - a GalleyError or a bug in an importer: a dialog either way
            QApplication.restoreOverrideCursor()
            show_error(self, exc, tr("Cannot open the file"))
            return False
        QApplication.restoreOverrideCursor()
        self.set_project(project, read_only)
        self.settings.setValue("files/last_dir", str(p.parent))
        self._add_recent(str(p))
        return True

    def _load(self, p: Path) -> tuple[Project, bool]:
        if p.suffix.lower() == ".galley":
            project = load_project(p)
            lock = ProjectLock(p)
            try:
                project.lock = lock.acquire()
                return project, False
            except ProjectLockedError as exc:
                answer = QMessageBox.question(
                    self, tr("Project in use"),
                    exc.message + "\n\n" + tr("Open it read-only? (Choose No to take over the lock if you are "
                                              "sure the other computer is not working on it.)"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No |
                    QMessageBox.StandardButton.Cancel)
                if answer == QMessageBox.StandardButton.Yes:
                    return project, True
                if answer == QMessageBox.StandardButton.No:
                    lock.break_lock()
                    project.lock = lock.acquire()
                    return project, False
                raise GalleyError(tr("not opened: the project is in use"), str(p)) from None
        from galley.app.pipeline import load_edition
        return Project(edition=load_edition(p)), False

    def set_project(self, project: Project, read_only: bool = False, modified: bool = False) -> None:
        old = self.doc
        if old.project.lock is not None:
            old.project.lock.release()
        self.read_only = read_only
        self.doc = self._make_doc(project)
        self._build()
        old.deleteLater()
        self.session.set_source(str(project.path or project.edition.source or ""))
        if modified:
            self.doc.undo_stack.resetClean()
        self._autosaved_changes = self._changes
        self._update_title()

    def save(self) -> bool:
        p = self.doc.project
        if p.path is None or Path(p.path).suffix.lower() != ".galley":
            return self.save_as()
        return self._save_to(Path(p.path))

    def save_as(self) -> bool:
        p = self.doc.project
        base = Path(p.path or p.edition.source or "edition").with_suffix(".galley")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save project"), str(base), tr("Galley projects (*.galley)"))
        if not path:
            return False
        if not path.lower().endswith(".galley"):
            path += ".galley"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        project = self.doc.project
        self.doc.flush_rechecks()
        try:
            if project.lock is None or Path(project.lock.project_path) != path:
                new_lock = ProjectLock(path).acquire()
                if project.lock is not None:
                    project.lock.release()
                project.lock = new_lock
            save_project(project, path)
        except GalleyError as exc:
            show_error(self, exc, tr("Cannot save the project"))
            return False
        self.read_only = False
        self.doc.undo_stack.setClean()
        self.session.set_source(str(path))
        self.session.discard_autosave()
        self._add_recent(str(path))
        self._update_title()
        self.statusBar().showMessage(tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    def maybe_save(self) -> bool:
        """Before the edition is replaced or the window closes: save, discard or cancel."""
        if self.doc.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self, tr("Unsaved changes"), tr("Save the changes to this edition first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def autosave(self) -> None:
        self.idle_timer.stop()
        if self._changes == self._autosaved_changes or not self.doc.edition.stories:
            return
        if self.doc.undo_stack.isClean() and self.doc.project.path is not None and \
                self.session.autosave_file is not None and not self.session.autosave_file.exists():
            self._autosaved_changes = self._changes   # back to what is saved on disk: nothing to keep
            return
        try:
            self.session.autosave(self.doc.project)
            self._autosaved_changes = self._changes
            self.statusBar().showMessage(tr("Autosaved at %1").replace("%1", time.strftime("%H:%M")), 3000)
        except OSError as exc:
            self.statusBar().showMessage(tr("Autosave failed: %1").replace("%1", str(exc)), 6000)

    def offer_recovery(self) -> None:
        for rec in find_recoverable():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.saved_at))
            name = Path(rec.source).name if rec.source else tr("an unsaved edition")
            answer = QMessageBox.question(
                self, tr("Recover unsaved work?"),
                tr("Galley did not close properly. Your work on %1 was autosaved at %2. Recover it?")
                .replace("%1", name).replace("%2", when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    project = load_project(rec.autosave)
                except GalleyError as exc:
                    show_error(self, exc)
                    rec.discard()
                    continue
                project.path = None
                if rec.source and rec.source.lower().endswith(".galley") and Path(rec.source).exists():
                    from galley.app.project.format import file_stamp
                    project.path = Path(rec.source)
                    project.stamp = file_stamp(Path(rec.source))
                    try:
                        project.lock = ProjectLock(rec.source).acquire()
                    except ProjectLockedError:
                        project.path, project.stamp = None, None
                self.set_project(project, modified=True)
                # the recovered work is written to this session's autosave before the crashed
                # session's copy goes: it stays recoverable until it is saved, crash after crash
                try:
                    self.session.autosave(self.doc.project)
                except OSError as exc:
                    self.statusBar().showMessage(tr("Autosave failed: %1").replace("%1", str(exc)), 6000)
                    rec.forget(keep=rec.autosave)
                    return
                rec.forget(keep=self.session.autosave_file)
                return
            rec.discard()

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != path]
        # stored as JSON text: an INI list of one item would come back as a plain string
        self.settings.setValue("files/recent_json", json.dumps(([path] + recent)[:MAX_RECENT], ensure_ascii=False))
        self.settings.remove("files/recent")

    def recent_files(self) -> list[str]:
        raw = self.settings.value("files/recent_json")
        if raw is None:
            old = self.settings.value("files/recent") or []      # as older versions stored it
            items = [old] if isinstance(old, str) else list(old)
        else:
            try:
                items = json.loads(str(raw))
            except ValueError:
                items = []
        return [p for p in items if isinstance(p, str) and p][:MAX_RECENT] if isinstance(items, list) else []

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        names = [Path(p).name for p in files]
        for i, p in enumerate(files):
            label = Path(p).name
            if names.count(label) > 1:   # same-named files: the folder tells them apart
                label += f"  — {Path(p).parent.name or Path(p).parent}"
            a = self.recent_menu.addAction(f"&{i + 1} {label}")
            a.setToolTip(p)
            a.setStatusTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_path(p))
        if not files:
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(OPEN_SUFFIXES) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for u in event.mimeData().urls():
            if u.isLocalFile() and u.toLocalFile().lower().endswith(OPEN_SUFFIXES):
                event.acceptProposedAction()
                self.open_path(u.toLocalFile())
                return

    # ------------------------------------------------------------------ dialogs
    def export_dialog(self) -> None:
        from galley.ui.export import ExportDialog
        self.doc.flush_rechecks()
        panel = self.page_panel
        overset = dict(panel.paged.overset) if panel.paged is not None else None
        grid = panel.grid.name if panel.grid is not None else None
        ExportDialog(self.doc, self, overset=overset, overset_grid=grid).exec()

    def preferences_dialog(self) -> None:
        from galley.ui.prefs import PreferencesDialog
        lang = self.settings.value("ui/language", "system")
        dlg = PreferencesDialog(self.preferences, lang, self)
        if dlg.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        self.apply_preferences(dlg.result_preferences(self.preferences), dlg.chosen_language())

    def apply_preferences(self, new: dict, language: str) -> None:
        self.preferences = new
        prefs.save_preferences(new)
        prefs.apply_fonts(new)
        from galley.ui.pageview import FONTS
        FONTS.clear()
        self.doc.settings.update(self._proof_prefs())
        self.doc.recheck_all(self.hub)
        self.autosave_timer.setInterval(prefs.autosave_seconds(new) * 1000)
        self.page_panel.relayout()
        if language != self.settings.value("ui/language", "system"):
            self.settings.setValue("ui/language", language)
            i18n.install(language)  # LanguageChange → _build()

    def about(self) -> None:
        from galley.app import __version__
        QMessageBox.about(self, tr("About Galley"),
                          tr("<b>Galley %1</b><p>Copy-editing, proofreading and page layout for Chinese newspaper "
                             "newsrooms.</p>").replace("%1", __version__))

    # ------------------------------------------------------------------ what is remembered between sessions
    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/central_split", json.dumps(self.central_split.sizes()))
        s.setValue("review/repairs_split", json.dumps(self.repairs.split.sizes()))
        s.setValue("review/tab", self.bottom_tabs.currentIndex())
        f = self.findings.model.filters
        s.setValue("findings/filters", json.dumps({"rule": f["rule"], "severity": f["severity"]}))
        p = self.page_panel
        s.setValue("page/zoom", p.fit_mode or f"{p.zoom_level():.5f}")
        s.setValue("page/grid", "1" if p.grid_visible() else "0")
        s.sync()

    def _saved_sizes(self, key: str) -> list[int] | None:
        try:
            v = json.loads(str(self.settings.value(key, "null")))
        except ValueError:
            return None
        return v if isinstance(v, list) and v and all(isinstance(x, int) and x >= 0 for x in v) else None

    def restore_settings(self) -> None:
        s = self.settings
        sizes = self._saved_sizes
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        if (v := sizes("window/central_split")) and len(v) == self.central_split.count():
            self.central_split.setSizes(v)
        if (v := sizes("review/repairs_split")) and len(v) == 2:
            self.repairs.split.setSizes(v)
        try:
            tab = int(s.value("review/tab", 0))
        except (TypeError, ValueError):
            tab = 0
        self.bottom_tabs.setCurrentIndex(max(0, min(tab, self.bottom_tabs.count() - 1)))
        try:
            filters = json.loads(str(s.value("findings/filters", "{}")))
        except ValueError:
            filters = {}
        if isinstance(filters, dict):
            for box, key in ((self.findings.rule_box, "rule"), (self.findings.severity_box, "severity")):
                i = box.findData(filters.get(key))
                if filters.get(key) is not None and i >= 0:
                    box.setCurrentIndex(i)
        zoom = str(s.value("page/zoom", "width"))
        if zoom in ("width", "page"):
            self.page_panel.fit_mode = zoom
        else:
            try:
                self.page_panel._initial_zoom = max(0.05, min(20.0, float(zoom)))
                self.page_panel.fit_mode = None
            except ValueError:
                pass
        grid = str(s.value("page/grid", "0")) in ("1", "true")
        self.actions_by_key["grid"].setChecked(grid)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.page_panel.shutdown()
        if self.doc.project.lock is not None:
            self.doc.project.lock.release()
        self.session.end()
        self.hub.close()
        event.accept()


__all__ = ["MainWindow", "QWidget"]
