"""The inspection editor: the sections of one inspection beside its live validation panel."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.fields import bold
from kpmonitor.gui.common.labels import FeedbackLabel, ok_color, plain_label
from kpmonitor.gui.editor.certificate import CertificateSectionWidget
from kpmonitor.gui.editor.findings import FindingsSectionWidget
from kpmonitor.gui.editor.lists import ListSection
from kpmonitor.gui.editor.parcels import ParcelsSectionWidget, TotalsModel
from kpmonitor.gui.editor.photo_gallery import PhotosSectionWidget
from kpmonitor.gui.editor.record import PeopleSectionWidget, ShipmentSectionWidget, ValuationSectionWidget
from kpmonitor.gui.editor.rows import RowsModel
from kpmonitor.gui.editor.seals import SealsSectionWidget
from kpmonitor.gui.editor.undo_keys import UndoKeys, box_keeps, box_step
from kpmonitor.gui.editor.validation_panel import ValidationPanelWidget
from kpmonitor.gui.session import InspectionSession

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.editor.history import Where
    from kpmonitor.rules.problems import Problem
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)


class _Section(Protocol):
    def focus_field(self, path: str) -> bool: ...


class _Recovering(Protocol):
    def recover(self, key: str, text: str) -> str | None: ...


# The tabs, in order; the record's later parts come after the first five, whose places (Ctrl+1 to Ctrl+5, the
# section remembered between sessions) stay where monitors know them.
SECTIONS = ("certificate", "parcels", "seals", "photos", "findings", "shipment", "valuation", "people")
FIRST_NEW_SECTION = 5  # Ctrl+6 and on: the editor's own keys for the tabs after the main window's five


def section_of(path: str) -> str:
    """Which section holds a problem's field."""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    return {"parcels": "parcels", "seals": "seals", "photos": "photos", "findings": "findings",
            "verdict": "findings", "validation": "shipment", "shipment": "shipment", "production": "valuation",
            "valuation": "valuation", "present": "people", "documents": "people"}.get(head, "certificate")


class InspectionEditorWidget(QWidget):
    """Edits one inspection; every change is stored as it is made."""

    back_requested = Signal()
    inspection_changed = Signal(object)  # Inspection, as stored

    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None, *,
                 new: Inspection | None = None) -> None:
        """The editor of a stored inspection, or of ``new`` (with that id), stored at its first change."""
        super().__init__(parent)
        self.session = InspectionSession(ws, inspection_id, self, new=new)

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
        # What was put back after an interruption (a crash, a kill, a power cut), said once it is stored.
        self.recovered = plain_label("", self, wrap=True)
        self.recovered.setObjectName("recovered")
        self.recovered.setFrameShape(QFrame.Shape.StyledPanel)
        self.recovered.setMargin(6)
        self.recovered.setVisible(False)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.saved_label)

        self.certificate = CertificateSectionWidget(self.session, self)
        self.parcels = ParcelsSectionWidget(self.session, self)
        self.seals = SealsSectionWidget(self.session, self)
        self.photos = PhotosSectionWidget(self.session, self)
        self.findings = FindingsSectionWidget(self.session, self)
        self.shipment = ShipmentSectionWidget(self.session, self)
        self.valuation = ValuationSectionWidget(self.session, self)
        self.people = PeopleSectionWidget(self.session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setExpanding(False)
        for widget in (self.certificate, self.parcels, self.seals, self.photos, self.findings, self.shipment,
                       self.valuation, self.people):
            self.tabs.addTab(widget, "")
        self._tab_keys()
        self.validation = ValidationPanelWidget(self.session, self)
        self.validation.problem_activated.connect(self.go_to_field)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.validation)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 330])
        self.validation.follow_width(self.splitter)  # a bar on a small screen: the form keeps its width

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.recovered)
        layout.addWidget(self.splitter, 1)

        style = self.style()
        self._icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        self.session.inspection_changed.connect(self._on_inspection_changed)
        self.session.saved.connect(self._on_saved)
        self.session.write_failed.connect(self._on_write_failed)
        self._on_inspection_changed(self.session.inspection)
        self.saved_label.show_understood(self.tr("Every change is saved as you make it."))
        # Ctrl+Z in a box: its own typing until that is saved, then the editor's undo (``undo_keys``).
        self._typing: dict[QWidget, Callable[[], bool]] = {self.findings.text: self.findings.holds_typing,
                                                           self.photos.caption.edit: self.photos.caption.holds_typing}
        for bound in (self.certificate.bound, self.shipment.bound, self.valuation.bound):
            self._typing.update(bound.typing())
        self.undo_keys = UndoKeys(self, self.box_keeps, lambda undoing: self._step(undoing=undoing))
        self.undo_keys.watch(self)

    def _tab_keys(self) -> None:
        """Ctrl+6 and on for the tabs after the main window's Ctrl+1 to Ctrl+5, said in each tab's tool tip."""
        for index in range(self.tabs.count()):
            key = QKeySequence(f"Ctrl+{index + 1}")
            self.tabs.setTabToolTip(index, key.toString(QKeySequence.SequenceFormat.NativeText))
            if index < FIRST_NEW_SECTION:
                continue
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, i=index: self.show_section(i))
            self.addAction(action)

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
            # No letter of these is free of the menus' and the other tabs' (an Alt+letter two widgets share
            # would go to each in turn): Ctrl+6 to Ctrl+8 and Ctrl+PgDn reach them.
            "shipment": self.tr("Shipment"),
            "valuation": self.tr("Production && valuation"),
            "people": self.tr("People && documents"),
        }
        worst: dict[str, str] = {}
        for p in problems:
            section = section_of(p.field)
            if p.acknowledgeable and insp.acknowledged(p.code, p.field) is not None:
                continue  # settled: an acknowledged warning, or an error accepted with its reason
            if p.is_error:
                worst[section] = "error"
            else:
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

        models: list[RowsModel | TotalsModel] = [self.parcels.model, self.parcels.totals, self.seals.model,
                                                 self.findings.model,
                                                 *(section.model for section in self.list_sections())]
        for model in models:
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
        self._sections()[section].focus_field(path)

    def _sections(self) -> dict[str, _Section]:
        return {"certificate": self.certificate, "parcels": self.parcels, "seals": self.seals,
                "photos": self.photos, "findings": self.findings, "shipment": self.shipment,
                "valuation": self.valuation, "people": self.people}

    def list_sections(self) -> list[ListSection]:
        """The small tables of lists kept whole (certificate lines, assortment, people, documents)."""
        return [self.certificate.lines, *self.valuation.lists, *self.people.lists]

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

    # --- undo and redo ---------------------------------------------------------------------

    def box_keeps(self, box: QWidget, undoing: bool) -> bool:
        """Whether Ctrl+Z (or Ctrl+Shift+Z) in ``box`` is the box's own typing rather than the editor's change."""
        return box_keeps(box, undoing=undoing, typing=self._typing.get(box))

    def undo(self) -> None:
        """Edit > Undo, Ctrl+Z: what is typed and not saved in the box with the cursor, else the last change saved."""
        self._step(undoing=True)

    def redo(self) -> None:
        self._step(undoing=False)

    def _step(self, *, undoing: bool) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and self.box_keeps(focus, undoing):
            box_step(focus, undoing=undoing)
            return
        tables = [self.parcels.table, self.seals.table, self.findings.table,
                  *(section.table for section in self.list_sections())]
        if any(t.state() == QAbstractItemView.State.EditingState for t in tables):
            self.session.tell(self.tr("A cell is being typed in: Enter stores it, Escape lets it go; then Ctrl+Z "
                                      "undoes the changes saved."))
            return
        change = self.session.undo() if undoing else self.session.redo()
        if change is not None:
            self._show_change(change.where)

    def _show_change(self, where: Where) -> None:
        """Show what was undone or redone: its section, and there its row."""
        if where.section in SECTIONS:
            self.show_section(where.section)
        tables: dict[str, ParcelsSectionWidget | SealsSectionWidget | FindingsSectionWidget] = {
            "parcels": self.parcels, "seals": self.seals, "findings": self.findings}
        if where.field and where.row is None:
            # A list kept whole (``lists``): its row and cell are named by the path, not by an id.
            for lists in self.list_sections():
                if lists.select(where.field):
                    return
        section = tables.get(where.section)
        if section is None or where.row is None:
            return
        model = section.model
        row = next((i for i, r in enumerate(model.rows) if r.id == where.row), None)
        if row is not None:
            field = where.field if any(c.field == where.field for c in model.columns) else ""
            column = model.column_of(field) if field else max(section.table.currentIndex().column(), 0)
            section.table.setCurrentIndex(model.index(row, column))

    def undo_text(self, *, undoing: bool) -> str | None:
        """What Edit > Undo (or Redo) would do ("remove seal ZW-S-000981"), or None when there is nothing."""
        history = self.session.history
        change = history.to_undo if undoing else history.to_redo
        return None if change is None or self.session.read_only else change.said.told(undoing=undoing)

    # --- after an interruption ------------------------------------------------------------

    def recover_journal(self) -> list[str]:
        """Put back what the journal holds that the store does not, through each field's own save, and say so.

        A signed inspection takes nothing (its journal is discarded: ``Store.journaled``).

        :returns: what was recovered, each as the monitor is told it.
        """
        sections: dict[str, _Recovering] = {"parcels": self.parcels, "seals": self.seals,
                                            "findings": self.findings, "photos": self.photos}
        said: list[str] = []
        for key, text in self.session.journaled().items():
            list_name, slash, _rest = key.partition("/")
            page = next((p for p in (self.shipment, self.valuation, self.people) if p.holds(key)), None)
            section = page or (sections.get(list_name) if slash and list_name != "certificate.lines"
                               else self.certificate)
            if section is None:
                log.warning("dropped journaled text for %s: no field of the editor is called so", key)
                self.session.settle(key)
                continue
            told = section.recover(key, text)
            if told:
                said.append(told)
        if said:
            log.info("recovered after an interruption in inspection %s: %s", self.inspection_id, "; ".join(said))
            self.recovered.setText(self.tr("Recovered after an interruption: {what}.").format(what=and_list(said)))
            self.recovered.setVisible(True)
        return said

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape on a new inspection nothing was typed into: the monitor changed their mind, and nothing
        # was stored (the draft is made at its first change). Once something is, Escape is the fields' own.
        if event.key() == Qt.Key.Key_Escape and not self.session.stored:
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    # --- leaving ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Store what is being typed right now (quitting, going back to the list)."""
        self.certificate.bound.commit_all()
        self.certificate.lines.flush()
        for page in (self.shipment, self.valuation, self.people):
            page.flush()
        self.parcels.table.commit_editing()
        self.seals.table.commit_editing()
        self.findings.flush()
        self.photos.caption.commit()

    def shutdown(self) -> None:
        self.flush()
        self.session.close()
        self.photos.shutdown()
        if self.photos.viewer is not None:
            self.photos.viewer.close()


def and_list(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: parts said in one sentence."""
    from PySide6.QtCore import QCoreApplication

    if len(parts) < 2:
        return "".join(parts)
    return QCoreApplication.translate("InspectionEditorWidget", "{first} and {last}").format(
        first=", ".join(parts[:-1]), last=parts[-1])
