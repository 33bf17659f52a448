"""The inspection editor: the sections of one inspection beside its live validation panel."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.fields import TextField, bold
from kpmonitor.gui.common.labels import FeedbackLabel, ok_color, plain_label
from kpmonitor.gui.editor.certificate import CertificateSectionWidget
from kpmonitor.gui.editor.findings import FindingsSectionWidget
from kpmonitor.gui.editor.parcels import ParcelsSectionWidget
from kpmonitor.gui.editor.photo_gallery import PhotosSectionWidget
from kpmonitor.gui.editor.seals import SealsSectionWidget
from kpmonitor.gui.editor.validation_panel import ValidationPanelWidget
from kpmonitor.gui.session import InspectionSession

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.rules.problems import Problem
    from kpmonitor.workspace import Workspace

class _Section(Protocol):
    def focus_field(self, path: str) -> bool: ...


SECTIONS = ("certificate", "parcels", "seals", "photos", "findings")


def section_of(path: str) -> str:
    """Which section holds a problem's field."""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    return {"parcels": "parcels", "seals": "seals", "photos": "photos", "findings": "findings",
            "verdict": "findings"}.get(head, "certificate")


class InspectionEditorWidget(QWidget):
    """Edits one inspection; every change is stored as it is made."""

    back_requested = Signal()
    inspection_changed = Signal(object)  # Inspection, as stored

    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = InspectionSession(ws, inspection_id, self)

        self.back_button = QToolButton(self)
        self.back_button.setText(self.tr("← Inspections"))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back_button.setAutoRaise(True)
        self.back_button.setToolTip(self.tr("Back to the list of inspections (Alt+Left)"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = plain_label("", self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.saved_label = FeedbackLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setWordWrap(False)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # What this record is, when it is not a plain draft: signed (frozen), or the amendment of a report.
        self.banner = plain_label("", self, wrap=True)
        self.banner.setObjectName("banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(6)
        bold(self.banner)
        self.banner.setVisible(False)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.saved_label)

        self.certificate = CertificateSectionWidget(self.session, self)
        self.parcels = ParcelsSectionWidget(self.session, self)
        self.seals = SealsSectionWidget(self.session, self)
        self.photos = PhotosSectionWidget(self.session, self)
        self.findings = FindingsSectionWidget(self.session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for widget in (self.certificate, self.parcels, self.seals, self.photos, self.findings):
            self.tabs.addTab(widget, "")
        self.validation = ValidationPanelWidget(self.session, self)
        self.validation.problem_activated.connect(self.go_to_field)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.validation)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 330])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        style = self.style()
        self._icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        self.session.inspection_changed.connect(self._on_inspection_changed)
        self.session.saved.connect(self._on_saved)
        self.session.write_failed.connect(self._on_write_failed)
        self._on_inspection_changed(self.session.inspection)
        self.saved_label.show_understood(self.tr("Every change is saved as you make it."))

    @property
    def inspection_id(self) -> str:
        return self.session.inspection_id

    def title_text(self) -> str:
        insp = self.session.inspection
        cert = insp.certificate
        number = cert.number or self.tr("New inspection")
        return f"{number} — {cert.exporter.name}" if cert.exporter.name else number

    def _on_inspection_changed(self, insp: Inspection) -> None:
        self.title.setText(self.title_text())
        self._update_banner()
        self._label_tabs(insp, self.session.problems)
        self.inspection_changed.emit(insp)

    def banner_text(self) -> str:
        """What the banner says: signed (with its report), an amendment (of which report), or nothing."""
        from kpmonitor.domain.moments import show_moment

        session = self.session
        report = session.report()
        if report is not None:
            return self.tr("Signed on {when} — report {report}, version {version}. Amend to correct.").format(
                when=show_moment(report["signed_at"]), report=str(report["id"])[:8], version=report["version"])
        if session.read_only:
            return self.tr("This inspection is signed and can no longer be changed. Amend to correct.")
        earlier = session.amended_report()
        if earlier is not None:
            return self.tr("Amends report {report} v{version}; will be version {next}.").format(
                report=str(earlier["id"])[:8], version=earlier["version"], next=int(earlier["version"]) + 1)
        return ""

    def _update_banner(self) -> None:
        text = self.banner_text()
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _label_tabs(self, insp: Inspection, problems: list[Problem]) -> None:
        labels = {
            "certificate": self.tr("C&ertificate"),
            "parcels": self.tr("&Parcels ({count})").format(count=len(insp.parcels)),
            "seals": self.tr("&Seals ({count})").format(count=len(insp.seals)),
            "photos": self.tr("P&hotos ({count})").format(count=len(insp.photos)),
            "findings": self.tr("&Findings and verdict"),
        }
        worst: dict[str, str] = {}
        for p in problems:
            section = section_of(p.field)
            if p.is_error:
                worst[section] = "error"
            elif insp.acknowledged(p.code, p.field) is None:
                worst.setdefault(section, "warning")
        for i, section in enumerate(SECTIONS):
            self.tabs.setTabText(i, labels[section])
            self.tabs.setTabIcon(i, self._icons.get(worst.get(section, ""), QIcon()))

    def _on_saved(self, at: str) -> None:
        self.saved_label.show_understood(self.tr("Saved at {time}").format(time=at))
        palette = self.saved_label.palette()
        palette.setColor(self.saved_label.foregroundRole(), ok_color(self))
        self.saved_label.setPalette(palette)

    def _on_write_failed(self, sentence: str) -> None:
        self.saved_label.show_error(self.tr("Not saved: {why}").format(why=sentence))

    def apply_palette(self) -> None:
        """Recolour what marks problems after a switch between light and dark."""
        from kpmonitor.gui.common.labels import error_color, muted_color, warning_color

        for model in (self.parcels.model, self.parcels.totals, self.seals.model, self.findings.model):
            model.error_color = error_color(self)
            model.warning_color = warning_color(self)
        self.validation.model.muted = muted_color(self)
        self.validation.refresh(self.session.problems)
        self.session.inspection_changed.emit(self.session.inspection)

    # --- navigation ------------------------------------------------------------------------

    def section_index(self) -> int:
        return self.tabs.currentIndex()

    def show_section(self, section: str | int) -> None:
        index = SECTIONS.index(section) if isinstance(section, str) else section
        if 0 <= index < len(SECTIONS):
            self.tabs.setCurrentIndex(index)

    def go_to_field(self, path: str) -> None:
        """Show the section holding ``path`` and put the cursor on it."""
        section = section_of(path)
        self.show_section(section)
        sections: dict[str, _Section] = {"certificate": self.certificate, "parcels": self.parcels,
                                         "seals": self.seals, "photos": self.photos, "findings": self.findings}
        sections[section].focus_field(path)

    def go_to_problem(self, step: int) -> None:
        """Select the next (or previous) problem in the panel and go to its field."""
        problems = self.validation.model.problems
        if not problems:
            return
        row = self.validation.view.currentIndex().row()
        row = (row + step) % len(problems) if row >= 0 else (0 if step > 0 else len(problems) - 1)
        self.validation.view.setCurrentIndex(self.validation.model.index(row))
        self.go_to_field(problems[row].field)

    def add_parcel(self) -> None:
        self.show_section("parcels")
        self.parcels.add_parcel()

    def scan_seal(self) -> None:
        self.show_section("seals")
        self.seals.focus_number()

    def add_photos(self) -> None:
        self.show_section("photos")
        self.photos.choose_and_add_files()

    # --- leaving ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Store what is being typed right now (quitting, going back to the list)."""
        for field in self.certificate.fields.values():
            if isinstance(field, TextField):
                field.commit()
        self.parcels.table.commit_editing()
        self.seals.table.commit_editing()
        self.findings.flush()
        self.photos.caption.commit()

    def shutdown(self) -> None:
        self.flush()
        self.photos.shutdown()
        if self.photos.viewer is not None:
            self.photos.viewer.close()
