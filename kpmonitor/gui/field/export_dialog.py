"""Exporting a signed report to a folder (a USB stick): the PDF, and the bundle for headquarters.

The files are written by a task on the pool, which needs no database; the
dialog reads the report before it starts and records the export when it
finishes, both through the GUI's store (``gui.common.workers``). It shows the progress, then every
path written, as plain text the monitor can select and copy.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label
from kpmonitor.gui.common.workers import Task, core_call, run_task

if TYPE_CHECKING:
    from kpmonitor.bundle.export import ExportedReport
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

FAILURE = "The report could not be exported."


class ExportDialog(QDialog):
    """Writes one report into a folder and says what was written."""

    exported = Signal(object)   # list[Path]
    export_failed = Signal(str)

    def __init__(self, ws: Workspace, report_id: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.report_id = report_id
        self.folder = folder
        self.worker: Task[ExportedReport] | None = None  # writing in progress
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Export report {report}").format(report=report_id[:8]))
        self.heading = plain_label(self.tr("Writing report {report} to {folder}").format(
            report=report_id[:8], folder=folder), self, wrap=True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.files = QPlainTextEdit(self)
        self.files.setObjectName("exported_files")
        self.files.setReadOnly(True)
        self.files.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.files.setFixedHeight(90)
        self.files.hide()
        self.message = FeedbackLabel(self)
        buttons = QDialogButtonBox(self)
        self.open_folder_button = buttons.addButton(self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setEnabled(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.files)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        accept_on_ctrl_enter(self, self.close_button)  # once the files are written and checked
        fit_to_screen(self, 640, 240)

    def start(self) -> None:
        from kpmonitor.bundle.export import prepare_export, write_export

        try:  # reads the report's row, on the GUI thread whose connection it is
            plan = core_call(lambda: prepare_export(self.ws, self.report_id, self.folder), FAILURE)
        except KPError as exc:
            sentence = exc.message
            # Said once the dialog is up, as the worker's failures are: the caller connects after start() too.
            QTimer.singleShot(0, lambda: self._on_failed(sentence))
            return
        log.info("exporting report %s to %s", self.report_id, self.folder)
        # The bundle holds the photos, megabytes to copy to a slow USB stick: written on the pool.
        self.worker = run_task(lambda progress: write_export(plan, progress=progress), FAILURE,
                               progress=self._on_progress, finished=self._on_written, failed=self._on_failed)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what == "pdf":
            self.heading.setText(self.tr("Writing the signed PDF to {folder}…").format(folder=self.folder))
        elif what == "bundle":
            self.heading.setText(self.tr("Writing the bundle for headquarters (the report with its photos) to "
                                         "{folder}…").format(folder=self.folder))

    def _on_written(self, exported: ExportedReport) -> None:
        """The worker wrote the files: remember the export here, through the GUI's connection."""
        from kpmonitor.bundle.export import record_export

        try:
            core_call(lambda: record_export(self.ws, exported), FAILURE)
        except KPError as exc:
            self._on_failed(exc.message)
            return
        self._on_exported([exported.pdf, exported.bundle])

    def _on_exported(self, written: list[Path]) -> None:
        self.worker = None
        self.written = list(written)
        self.progress.hide()
        self.heading.setText(self.tr("Report {report} was written to {folder}:").format(
            report=self.report_id[:8], folder=self.folder))
        self.files.setPlainText("\n".join(str(p) for p in self.written))
        self.files.show()
        bundle = any(p.suffix == ".kpbundle" for p in self.written)
        self.message.show_understood(
            self.tr("Give the PDF to the exporter; send the bundle to headquarters.") if bundle
            else self.tr("Give the PDF to the exporter and to headquarters."))
        self.open_folder_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        self.exported.emit(self.written)

    def _on_failed(self, sentence: str) -> None:
        self.worker = None
        self.progress.hide()
        self.heading.setText(self.tr("Report {report} was not exported.").format(report=self.report_id[:8]))
        self.message.show_error(sentence)
        self.close_button.setEnabled(True)
        self.export_failed.emit(sentence)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def reject(self) -> None:
        if self.worker is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            event.ignore()  # a half-written PDF on a stick is worse than waiting a moment
            return
        super().closeEvent(event)


def default_folder_hint() -> str:
    """Where the folder chooser opens first: removable media are usually mounted under these."""
    for candidate in (Path("/media"), Path("/run/media"), Path("/Volumes")):
        if candidate.is_dir():
            return str(candidate)
    return str(Path.home())

