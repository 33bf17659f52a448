"""The rest of the record the Kimberley Process asks for, in three tabs of the editor.

- Validation and shipment: the exporting authority's validation of the certificate (who, which number, when)
  and what identifies the shipment (container, gross weight, carrier, airway bill, export declaration, port of
  exit, whether the certificate's number is marked on the container).
- Production and valuation: where the goods were produced and the record they were checked against; who
  valued them, how, at what figure (beside the value declared on the certificate), and the assortment.
- People and documents: who was present, and the documents the monitor received (with the photo of each).

Each field saves itself as the certificate's do (``bound.BoundFields``), each list as a whole
(``lists.ListSection``); a form tab puts its two boxes side by side when they fit, else one above the other, and
scrolls down, never sideways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from kpmonitor.domain.inspection import VALUATION_METHODS, parse_period, parse_port, parse_weight_kg
from kpmonitor.domain.quantities import format_usd, grouped, parse_usd, signed
from kpmonitor.gui.common.fields import tr
from kpmonitor.gui.common.labels import plain_label
from kpmonitor.gui.editor.bound import BoundFields, compact_form
from kpmonitor.gui.editor.lists import ListSection, assortment, documents, people

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.session import InspectionSession

SCROLL_BAR_ROOM = 20  # the vertical scroll bar the form may need


def against_declared(insp: Inspection) -> str:
    """The value declared on the certificate, and how far the valuator's figure is from it (shown, not judged)."""
    declared, figure = insp.certificate.value_usd, insp.valuation.value_usd
    if declared is None:
        return tr("RecordPage", "The certificate's value is not recorded yet (Certificate tab).")
    said = tr("RecordPage", "Declared on the certificate: {declared}.").format(declared=format_usd(declared))
    if figure is None or declared == 0:
        return said
    difference = figure - declared
    percent = abs(difference) * 100 / declared
    sign = "+" if difference > 0 else "−" if difference < 0 else ""
    return tr("RecordPage", "{declared} The valuator's figure differs by {difference} ({percent} %).").format(
        declared=said, difference=signed(difference), percent=f"{sign}{percent:.1f}")


class RecordPage(QScrollArea):
    """A tab of forms: two boxes side by side when they fit, else one above the other; lists under them."""

    def __init__(self, session: InspectionSession, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget(self)
        self.setWidget(self.body)
        self._grid = QGridLayout(self.body)
        self._grid.setContentsMargins(8, 8, 8, 8)
        self._grid.setHorizontalSpacing(16)
        self.bound = BoundFields(session, section, None, self.ensureWidgetVisible, self)
        self.fields = self.bound.fields
        self.lists: list[ListSection] = []
        self._boxes: tuple[QGroupBox, QGroupBox] | None = None
        self._two_columns: bool | None = None

    def box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self.body)
        return box, compact_form(box)

    def place(self, left: QGroupBox, right: QGroupBox, *lists: ListSection) -> None:
        """Lay the boxes out (``resizeEvent`` rearranges them), then show what is stored."""
        self._boxes = (left, right)
        self.lists = list(lists)
        self._arrange(two_columns=True)
        self.refresh(self.session.inspection)
        self.session.inspection_changed.connect(self.refresh)

    def two_columns_width(self) -> int:
        assert self._boxes is not None
        left, right = self._boxes
        margins = self._grid.contentsMargins()
        return (left.sizeHint().width() + right.sizeHint().width() + self._grid.horizontalSpacing()
                + margins.left() + margins.right())

    def _arrange(self, *, two_columns: bool) -> None:
        if two_columns == self._two_columns or self._boxes is None:
            return
        self._two_columns = two_columns
        grid = self._grid
        left, right = self._boxes
        for widget in (left, right, *self.lists):
            grid.removeWidget(widget)
        grid.addWidget(left, 0, 0)
        grid.addWidget(right, 0 if two_columns else 1, 1 if two_columns else 0)
        first = 1 if two_columns else 2
        for row, section in enumerate(self.lists, start=first):
            grid.addWidget(section, row, 0, 1, 2 if two_columns else 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if two_columns else 0)
        end = first + len(self.lists)
        for row in range(end + 2):
            grid.setRowStretch(row, 1 if row == end else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The area's own width (not its viewport's, which a scroll bar narrows) decides: no back and forth.
        if self._boxes is not None:
            self._arrange(two_columns=self.width() - SCROLL_BAR_ROOM >= self.two_columns_width())
        super().resizeEvent(event)

    # --- the editor's part ----------------------------------------------------------------------

    def refresh(self, insp: Inspection) -> None:
        self.bound.refresh(insp)

    def focus_field(self, path: str) -> bool:
        for section in self.lists:
            if section.select(path):
                self.ensureWidgetVisible(section)
                return section.focus_field(path)
        return self.bound.focus(path)

    def recover(self, key: str, text: str) -> str | None:
        list_name, slash, _rest = key.partition("/")
        section = next((s for s in self.lists if s.path == list_name), None) if slash else None
        return section.recover(key, text) if section is not None else self.bound.recover(key, text)

    def holds(self, key: str) -> bool:
        """Whether a journal key is one of this tab's fields or cells."""
        list_name, slash, _rest = key.partition("/")
        return any(s.path == list_name for s in self.lists) if slash else key in self.fields

    def flush(self) -> None:
        self.bound.commit_all()
        for section in self.lists:
            section.flush()


class ShipmentSectionWidget(RecordPage):
    """The exporting authority's validation of the certificate, and what identifies the shipment."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(session, "shipment", parent)
        bound = self.bound
        validation, form = self.box(self.tr("Validation of the certificate"))
        bound.text(form, "validation.authority", self.tr("Validating &authority"),
                   self.tr("e.g. Ministry of Mines and Mining Development"))
        bound.text(form, "validation.officer", self.tr("Validating &officer"))
        bound.text(form, "validation.number", self.tr("Validation nu&mber"))
        bound.moment(form, "validation.at", self.tr("&Validated at"), self.tr("time of the validation"))

        shipment, form = self.box(self.tr("Shipment"))
        bound.text(form, "shipment.container", self.tr("&Container"), self.tr("container or box id"))
        bound.amount(form, "shipment.gross_weight", self.tr("&Gross weight (kg)"), parse_weight_kg,
                     lambda v: f"= {grouped(v)} kg", self.tr("e.g. 12.40"))
        bound.text(form, "shipment.carrier", self.tr("Ca&rrier"), self.tr("airline or courier"))
        bound.text(form, "shipment.airway_bill", self.tr("Air&way bill"))
        bound.text(form, "shipment.export_declaration", self.tr("Export declaratio&n"))
        bound.text(form, "shipment.port_of_exit", self.tr("Port of e&xit"), self.tr("e.g. ZWHRE"), parse=parse_port)
        bound.choice(form, "shipment.certificate_number_on_container",
                     self.tr("Certificate num&ber on container"),
                     [(None, self.tr("not recorded")), (True, self.tr("yes, marked on it")),
                      (False, self.tr("no, not marked"))])
        self.place(validation, shipment)


class ValuationSectionWidget(RecordPage):
    """Where the goods come from, and their valuation against the value declared."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(session, "valuation", parent)
        bound = self.bound
        production, form = self.box(self.tr("Production"))
        bound.text(form, "production.operator", self.tr("&Operator"), self.tr("the mining company"))
        bound.text(form, "production.mine", self.tr("Mi&ne or concession"))
        bound.text(form, "production.period", self.tr("Pe&riod"), self.tr("2026-10, or 2026-09/2026-10"),
                   parse=parse_period)
        bound.choice(form, "production.stockpile", self.tr("Sto&ckpile or current"),
                     [(None, self.tr("not recorded")), (True, self.tr("from a stockpile")),
                      (False, self.tr("current production"))])
        bound.text(form, "production.register", self.tr("Re&gister checked"), self.tr("e.g. production register 2026"))

        valuation, form = self.box(self.tr("Valuation"))
        bound.text(form, "valuation.valuator", self.tr("&Valuator"))
        bound.text(form, "valuation.organisation", self.tr("Org&anisation"),
                   self.tr("e.g. Government Diamond Valuator"))
        bound.choice(form, "valuation.method", self.tr("&Method"),
                     [("", self.tr("not recorded")), *((m, m) for m in VALUATION_METHODS)])
        bound.amount(form, "valuation.value_usd", self.tr("Valuator's figure (US$)"), parse_usd,
                     lambda v: "= " + format_usd(v), self.tr("e.g. 36,015.00"))
        self.declared = plain_label("", valuation, wrap=True)
        self.declared.setObjectName("declared")
        form.addRow("", self.declared)
        self.assortment = assortment(session, self.body)
        self.place(production, valuation, self.assortment)

    def refresh(self, insp: Inspection) -> None:
        super().refresh(insp)
        self.declared.setText(against_declared(insp))


class PeopleSectionWidget(QWidget):
    """Who was present, and the documents received: two lists, each taking half the height."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.present = people(session, self)
        self.documents = documents(session, self)
        self.lists = [self.present, self.documents]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.present, 1)
        layout.addWidget(self.documents, 1)

    def focus_field(self, path: str) -> bool:
        return any(section.focus_field(path) for section in self.lists)

    def recover(self, key: str, text: str) -> str | None:
        list_name = key.partition("/")[0]
        section = next((s for s in self.lists if s.path == list_name), None)
        return section.recover(key, text) if section is not None else None

    def holds(self, key: str) -> bool:
        return any(s.path == key.partition("/")[0] for s in self.lists)

    def flush(self) -> None:
        for section in self.lists:
            section.flush()

