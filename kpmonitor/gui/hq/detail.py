"""One imported report at headquarters: what the monitor signed, the checks it passed at import, its photos, its
PDF, and the reports it amends or that amend it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text
from kpmonitor.domain.text import printable
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label, safe_tooltip
from kpmonitor.gui.common.words import verdict_label
from kpmonitor.gui.common.workers import ThumbnailWorker, start
from kpmonitor.gui.field.verify_dialog import ChecksModel
from kpmonitor.gui.hq.models import AMBER, RED, badge_look
from kpmonitor.report.verification import Check
from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

THUMB = QSize(160, 120)


class ReportDetailDialog(QDialog):
    """The detail of one imported report (``hq.reports.report_detail``)."""

    report_requested = Signal(str)  # a report id: the analyst followed a supersedes / superseded-by link
    pdf_opened = Signal(str)        # the PDF's path

    def _headline(self, row: dict[str, Any]) -> QHBoxLayout:
        """The badge, and which report of which device this is."""
        text, colour = badge_look(self.detail["badge"])
        self.badge = QLabel(text, self)
        self.badge.setObjectName("report_badge")
        self.badge.setStyleSheet(f"color: white; background: {colour.name()}; padding: 4px 10px; "
                                 "border-radius: 4px; font-weight: bold;")
        headline = plain_label(self.tr("Report {id}, version {version}, number {seq} of device {device}").format(
            id=self.report_id[:8], version=row["version"], seq=row["device_seq"], device=row["device_id"][:8]),
            self)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(headline, 1)
        return top

    def _stored_problem_label(self) -> QLabel:
        """A row no monitor signed (``hq.recheck``), said first and in red: nothing below it may be believed."""
        label = plain_label(printable(self.detail.get("stored_problem") or ""), self)
        label.setObjectName("stored_problem")
        label.setStyleSheet("color: #b00020; font-weight: bold;")
        label.setWordWrap(True)
        label.setVisible(bool(self.detail.get("stored_problem")))
        return label

    def __init__(self, ws: Workspace, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kpmonitor.hq.reports import report_detail

        self.ws = ws
        self.detail: dict[str, Any] = report_detail(ws, report_id)
        self.report_id: str = self.detail["report"]["id"]
        self.thumbnail_worker: ThumbnailWorker | None = None
        row = self.detail["report"]
        snap = self.detail["snapshot"]
        insp = snap.get("inspection") or {}
        cert = insp.get("certificate") or {}
        self.setWindowTitle(self.tr("Report {id} — certificate {number}").format(
            id=self.report_id[:8], number=printable(str(row.get("cert_number") or "—"))))

        layout = QVBoxLayout(self)
        layout.addLayout(self._headline(row))
        self.stored_problem = self._stored_problem_label()
        layout.addWidget(self.stored_problem)

        body = QHBoxLayout()
        data = QGroupBox(self.tr("What the monitor signed"), self)
        form = QFormLayout(data)
        exporter = cert.get("exporter") or {}
        importer = cert.get("importer") or {}
        values = [
            (self.tr("KP certificate"), str(cert.get("number") or "")),
            (self.tr("Issued by"), str(cert.get("issuing_authority") or "")),
            (self.tr("Exporter"), str(exporter.get("name") or "")),
            (self.tr("Importer"), str(importer.get("name") or "")),
            (self.tr("Origin / provenance"), f"{cert.get('origin') or ''} / {cert.get('provenance') or ''}"),
            (self.tr("Destination"), str(cert.get("destination") or "")),
            (self.tr("Carats"), amount_text(cert.get("carats"))),
            (self.tr("Value (US$)"), amount_text(cert.get("value_usd"))),
            (self.tr("Parcels, seals, photos"), f"{row['parcels']}, {row['seals']}, {row['photos']}"),
            (self.tr("Site"), str(insp.get("site") or "")),
            (self.tr("Inspected"), show_moment(insp.get("inspected_at"))),
            (self.tr("Verdict"), verdict_label(insp.get("verdict"))),
            (self.tr("Monitor"), str(row.get("monitor") or "")),
            (self.tr("Signed"), show_moment(row.get("signed_at"))),
            (self.tr("Receipt"), self.receipt_text(self.detail.get("receipt") or {})),
            (self.tr("Certificate serial"), str(row.get("signer_serial") or "")),
            (self.tr("Imported"), show_moment(row.get("imported_at"))),
        ]
        self.fields: dict[str, QLabel] = {}
        for name, value in values:
            label = plain_label(printable(value), data, wrap=True)  # one field of the snapshot: on one line
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[name] = label
            form.addRow(name, label)
        receipt_state = str((self.detail.get("receipt") or {}).get("state") or "")
        if receipt_state in ("mismatch", "overdue"):  # the words say it too; the colour draws the eye
            colour = RED if receipt_state == "mismatch" else AMBER
            self.fields[self.tr("Receipt")].setStyleSheet(f"color: {colour.name()};")
        body.addWidget(data, 2)

        right = QVBoxLayout()
        checks_box = QGroupBox(self.tr("Checks at import"), self)
        checks_layout = QVBoxLayout(checks_box)
        self.checks_model = ChecksModel(self)
        verification = self.detail.get("verification") or {}
        self.checks_model.set_checks([Check(str(c.get("name")), bool(c.get("ok")), str(c.get("detail") or ""))
                                      for c in verification.get("checks") or []])
        self.checks = QTableView(checks_box)
        self.checks.setModel(self.checks_model)
        self.checks.verticalHeader().hide()
        self.checks.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.checks.setWordWrap(False)
        header = self.checks.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        checks_layout.addWidget(self.checks)
        right.addWidget(checks_box, 3)

        photos_box = QGroupBox(self.tr("Photos"), self)
        photos_layout = QVBoxLayout(photos_box)
        self.photos = QListWidget(photos_box)
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 40))
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setMovement(QListWidget.Movement.Static)
        self.photos.setWordWrap(True)
        self.photos.setMinimumHeight(THUMB.height() + 56)  # a whole row, caption and all, on a low screen
        self._photo_items: dict[str, list[QListWidgetItem]] = {}
        for photo in self.detail["photos"]:
            caption = str(photo.get("caption") or photo.get("original_name") or "")
            item = QListWidgetItem(caption[:40])
            item.setToolTip(safe_tooltip(caption) or "")
            item.setData(Qt.ItemDataRole.UserRole, photo["sha256"])
            self.photos.addItem(item)
            self._photo_items.setdefault(photo["sha256"], []).append(item)
        if not self.detail["photos"]:
            photos_layout.addWidget(QLabel(self.tr("The monitor attached no photos."), photos_box))
        photos_layout.addWidget(self.photos)
        right.addWidget(photos_box, 2)
        body.addLayout(right, 3)
        layout.addLayout(body, 1)

        self.status = FeedbackLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.pdf_button = QPushButton(self.tr("Open PDF"), self)
        self.pdf_button.clicked.connect(self._on_open_pdf_clicked)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.supersedes_button: QPushButton | None = None
        if row.get("supersedes"):
            earlier = str(row["supersedes"])
            self.supersedes_button = QPushButton(self.tr("Amends report {id}").format(id=earlier[:8]), self)
            self.supersedes_button.setEnabled(bool(self.detail["supersedes_received"]))
            if self.detail["supersedes_foreign"]:
                self.supersedes_button.setToolTip(self.tr("That report is another device's: this one is no "
                                                          "amendment of it."))
            elif not self.detail["supersedes_received"]:
                self.supersedes_button.setToolTip(self.tr("That report has not arrived at headquarters."))
            self.supersedes_button.clicked.connect(lambda: self.report_requested.emit(earlier))
            buttons.addButton(self.supersedes_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.superseded_buttons: list[QPushButton] = []
        for later in self.detail["superseded_by"]:
            button = QPushButton(self.tr("Superseded by report {id}").format(id=str(later)[:8]), self)
            button.clicked.connect(lambda _checked=False, target=str(later): self.report_requested.emit(target))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.superseded_buttons.append(button)
        amendment = self.detail["snapshot"].get("amendment")
        if isinstance(amendment, dict):  # format 3: why, as the monitor said when amending
            self.status.show_understood(self.tr("Why it amends report {id}: {reason}").format(
                id=str(row.get("supersedes"))[:8], reason=str(amendment.get("reason"))))
        if self.detail["superseded_by"]:
            self.status.show_error(self.tr("A later version of this report was received: this one is kept as "
                                           "evidence, but the later one counts."))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Escape closes it whatever has the focus in it (a selected field, the photos): it is a window of its
        # own beside the list, and an analyst goes through several in a row.
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self)
        close.setContext(Qt.ShortcutContext.WindowShortcut)
        close.activated.connect(self.reject)
        accept_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Close))
        fit_to_screen(self, 1100, 680)
        self._load_thumbnails()

    def receipt_text(self, receipt: dict[str, Any]) -> str:
        """The importing authority's confirmation of receipt (``hq.store.Receipt.to_json``), or how long it has been
        awaited, in words."""
        c = receipt.get("confirmation")
        state = receipt.get("state")
        if isinstance(c, dict):
            figures = ", ".join(part for part in (
                self.tr("%n parcel(s)", "", int(c["parcels"])) if c.get("parcels") is not None else "",
                amount_text(c.get("carats"), "ct") if c.get("carats") is not None else "",
                self.tr("reference {reference}").format(reference=c["reference"]) if c.get("reference") else "")
                if part)
            text = self.tr("Confirmed on {day} by {authority}").format(day=c.get("confirmed_on"),
                                                                       authority=c.get("authority"))
            text += f" ({figures})" if figures else ""
            if state == "mismatch":
                text += ". " + self.tr("It differs from this report: {what}.").format(
                    what="; ".join(str(d) for d in receipt.get("differences") or []))
            return text
        if state in ("awaited", "overdue"):
            days = int(receipt.get("days") or 0)
            text = self.tr("No confirmation of receipt yet, %n day(s) after signing", "", days)
            return text + (" — " + self.tr("overdue") if state == "overdue" else "")
        return self.tr("None awaited: not certified, or a later version counts")

    # --- photos -----------------------------------------------------------------------------

    def _load_thumbnails(self) -> None:
        hashes = list(self._photo_items)
        if not hashes:
            return
        worker = ThumbnailWorker(self.ws.vault, hashes)
        worker.signals.thumbnail_loaded.connect(self._on_thumbnail_loaded)
        worker.signals.thumbnail_failed.connect(self._on_thumbnail_failed)
        self.thumbnail_worker = start(worker)  # kept by ``start`` after this dialog is gone

    def _on_thumbnail_loaded(self, sha: str, image: QImage) -> None:
        icon = QIcon(QPixmap.fromImage(image).scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        for item in self._photo_items.get(sha, []):
            item.setIcon(icon)

    def _on_thumbnail_failed(self, sha: str, sentence: str) -> None:
        for item in self._photo_items.get(sha, []):
            item.setToolTip(safe_tooltip(sentence) or "")
            item.setText(self.tr("(cannot be shown)"))

    # --- the PDF ----------------------------------------------------------------------------

    def pdf_path(self) -> Path:
        return Path(self.detail["pdf_path"])

    def open_url(self, url: QUrl) -> bool:
        """Hand a file to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def open_pdf(self) -> bool:
        path = self.pdf_path()
        if not path.is_file():
            self.status.show_error(self.tr("The report's PDF is missing from headquarters' inbox folder; import "
                                           "its bundle again to restore it."))
            return False
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self.status.show_error(self.tr("No program on this computer opens PDF files."))
            return False
        self.pdf_opened.emit(str(path))
        return True

    def _on_open_pdf_clicked(self) -> None:
        self.open_pdf()

    def _stop(self) -> None:
        if self.thumbnail_worker is not None:
            self.thumbnail_worker.cancel()

    def reject(self) -> None:
        self._stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)
