"""Exporting a signed report to a folder (a USB stick): the PDF, and the bundle for headquarters.

The files are written by an ``ExportWorker``; the dialog shows the progress,
then every path written, as plain text the monitor can select and copy.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.labels import FeedbackLabel, plain_label
from kpmonitor.gui.common.workers import ExportWorker, pool

if TYPE_CHECKING:
    from kpmonitor.domain.reference import Reference
    from kpmonitor.paths import Paths

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    """Writes one report into a folder and says what was written."""

    exported = Signal(object)   # list[Path]
    export_failed = Signal(str)

    def __init__(self, paths: Paths, reference: Reference, report_id: str, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.reference = reference
        self.report_id = report_id
        self.folder = folder
        self.worker: ExportWorker | None = None
        # The last worker stays referenced until the next: its pool thread may still be returning from run().
        self.finished_worker: ExportWorker | None = None
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
        self.resize(640, 240)

    def start(self) -> None:
        worker = ExportWorker(self.paths, self.reference, self.report_id, self.folder)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_exported)
        worker.signals.failed.connect(self._on_failed)
        self.worker = worker
        log.info("exporting report %s to %s", self.report_id, self.folder)
        pool().start(worker)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what == "pdf":
            self.heading.setText(self.tr("Writing the signed PDF to {folder}…").format(folder=self.folder))
        elif what == "bundle":
            self.heading.setText(self.tr("Writing the bundle for headquarters (the report with its photos) to "
                                         "{folder}…").format(folder=self.folder))

    def _on_exported(self, written: list[Path]) -> None:
        self.finished_worker, self.worker = self.worker, None
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
        self.finished_worker, self.worker = self.worker, None
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

