"""The export dialog: PDF, DOCX and PNG proofs of the edition on a page grid.

The export is `app.render.export.iter_export`, a generator that yields progress; a worker
QObject runs it in a QThread, the dialog shows a progress bar and can cancel between
steps. Problems (a missing font, an unwritable folder) end in a message box, never a
traceback; overset text is reported with the stories it concerns.
"""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from galley.app.errors import GalleyError
from galley.ui.errors import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class Cancelled(Exception):
    pass


class ExportWorker(QObject):
    """Runs one export in its thread; only numbers and text cross threads in signals."""

    progress = Signal(int, int, str)   # done, total, message
    finished = Signal()

    def __init__(self, edition, grid_name: str, plan: dict | None, targets: dict):
        super().__init__()
        self.edition, self.grid_name, self.plan, self.targets = edition, grid_name, plan, targets
        self.cancel_requested = False
        self.result = None
        self.error: BaseException | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            from galley.app.layout import load_layout
            from galley.app.render.export import iter_export
            from galley.ui.placement import plan_object
            grid = load_layout(self.grid_name)
            stage_names = {"layout": tr("Laying out pages"), "pdf": tr("Writing PDF"), "docx": tr("Writing DOCX"),
                           "png": tr("Rendering PNG proofs"), "done": tr("Done")}
            steps = {"layout": 0, "pdf": 1, "docx": 2, "png": 3, "done": 4}
            for p in iter_export(self.edition, grid, plan_object(self.plan), pdf=self.targets.get("pdf"),
                                 docx=self.targets.get("docx"), png=self.targets.get("png"),
                                 crop_marks=self.targets.get("crop_marks", False)):
                if self.cancel_requested:
                    raise Cancelled
                if p.stage == "layout":
                    done = int(40 * p.done / max(1, p.total))
                else:
                    done = 40 + int(60 * (steps.get(p.stage, 4) - 1 + p.done / max(1, p.total)) / 3)
                self.progress.emit(min(done, 100), 100, stage_names.get(p.stage, p.stage) + (
                    f" ({p.done}/{p.total})" if p.stage == "layout" else ""))
                if p.result is not None:
                    self.result = p.result
        except Cancelled:
            self.cancelled = True
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread and shown in a dialog
            self.error = exc
        finally:
            self.finished.emit()


class ExportDialog(QDialog):
    def __init__(self, doc, parent=None, overset: dict | None = None, overset_grid: str | None = None):
        super().__init__(parent)
        self.doc = doc
        self.overset = {k: v for k, v in (overset or {}).items() if v}   # as the page view laid it out
        self.overset_grid = overset_grid
        from galley.ui import prefs
        self.settings = prefs.qsettings()
        self.setWindowTitle(tr("Export"))
        self.setMinimumWidth(560)
        self.thread: QThread | None = None
        self.worker: ExportWorker | None = None
        self.written: list[str] = []

        form = QFormLayout()
        self.layout_box = QComboBox()
        try:
            from galley.app.layout import list_layouts
            for g in list_layouts():
                self.layout_box.addItem(g.title or g.name, g.name)
            current = doc.project.layout or next((g.name for g in list_layouts() if g.default), None)
            self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(current)))
        except ImportError:
            pass
        form.addRow(tr("Page grid:"), self.layout_box)
        src = Path(doc.project.path or doc.edition.source or "edition")
        folder = self.settings.value("export/folder")
        if folder and Path(str(folder)).is_dir():   # where the last export went
            src = Path(str(folder)) / src.name
        self.path_edit = QLineEdit(str(src.with_suffix("")))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(tr("Output (without extension):"), row)
        self.pdf = QCheckBox(tr("Print PDF (.pdf)"))
        self.pdf.setChecked(True)
        self.docx = QCheckBox(tr("Word document (.docx)"))
        self.png = QCheckBox(tr("PNG proofs (a folder of page images)"))
        self.crop = QCheckBox(tr("Crop marks"))
        fmts = QVBoxLayout()
        for w in (self.pdf, self.docx, self.png, self.crop):
            fmts.addWidget(w)
        form.addRow(tr("Formats:"), fmts)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(tr("Ready."))
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export to"), self.path_edit.text())
        if path:
            self.path_edit.setText(str(Path(path).with_suffix("")))

    def targets(self) -> dict:
        base = Path(self.path_edit.text().strip())
        t = {"crop_marks": self.crop.isChecked()}
        if self.pdf.isChecked():
            t["pdf"] = str(base.with_suffix(".pdf"))
        if self.docx.isChecked():
            t["docx"] = str(base.with_suffix(".docx"))
        if self.png.isChecked():
            t["png"] = str(base.parent / (base.name + "-png"))
        return t

    def start(self) -> None:
        targets = self.targets()
        if not self.path_edit.text().strip() or not any(k in targets for k in ("pdf", "docx", "png")):
            show_error(self, tr("Choose an output name and at least one format."))
            return
        if not Path(self.path_edit.text()).expanduser().parent.is_dir():
            show_error(self, GalleyError(tr("the output folder does not exist"), str(Path(self.path_edit.text()).parent)))
            return
        grid = self.layout_box.currentData()
        if self.overset and grid == self.overset_grid and not self.confirm_overset():
            self.status.setText(tr("Not exported: overset text."))
            return
        self.settings.setValue("export/folder", str(Path(self.path_edit.text()).expanduser().parent))
        plan = self.doc.project.plan
        if plan and plan.get("layout") not in (None, "", grid):
            plan = None  # a plan made for another grid: place automatically
        self.worker = ExportWorker(copy.deepcopy(self.doc.edition), grid, copy.deepcopy(plan), targets)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.export_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(tr("Starting…"))
        self.thread.start()

    def confirm_overset(self) -> bool:
        """Before anything is written: say which stories do not fit, and ask."""
        titles = {s.id: s.headline for s in self.doc.edition.stories}
        lines = "\n".join(f"• {titles.get(k, k)}: {v}" for k, v in self.overset.items())
        n = len(self.overset)
        head = (tr("1 story does not fit its module; its last characters would not be printed:") if n == 1 else
                tr("%1 stories do not fit their modules; their last characters would not be printed:")
                .replace("%1", str(n)))
        answer = QMessageBox.question(self, tr("Overset text"), head + "\n" + lines + "\n\n" + tr("Export anyway?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel_requested = True
            self.status.setText(tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(message)

    def _finished(self) -> None:
        w = self.worker
        self.thread.quit()
        self.thread.wait()
        self.thread = None
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if w.cancelled:
            self.status.setText(tr("Cancelled."))
            self.progress.setValue(0)
            return
        if w.error is not None:
            self.status.setText(tr("Export failed."))
            show_error(self, w.error, tr("Export failed"))
            return
        self.progress.setValue(self.progress.maximum())
        written = [str(p) for p in (w.result.written if w.result else [])]
        self.written = written
        self.status.setText(tr("Wrote %1").replace("%1", ", ".join(Path(p).name for p in written)))
        overset = {k: v for k, v in (w.result.overset if w.result else {}).items() if v}
        if overset:
            titles = {s.id: s.headline for s in self.doc.edition.stories}
            lines = "\n".join(f"• {titles.get(k, k)}: {v}" for k, v in overset.items())
            QMessageBox.warning(self, tr("Overset text"), tr("Some text did not fit its module and is not in the "
                                                             "output (characters not set):") + "\n" + lines)

    def reject(self) -> None:
        if self.thread is not None:  # still running: cancel first
            self.cancel()
            return
        super().reject()
