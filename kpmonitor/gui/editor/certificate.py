"""The certificate section: every KP certificate field (Annex I) and where and when the inspection took place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kpmonitor.domain.inspection import MIXED, parse_code, parse_date, parse_moment
from kpmonitor.domain.quantities import format_carats, format_usd, grouped, parse_carats, parse_usd
from kpmonitor.errors import ParseError
from kpmonitor.gui.common.fields import (
    CodeField,
    DateField,
    HsCodesField,
    TextField,
    describe_moment,
    local_now,
    tr,
)
from kpmonitor.gui.editor.history import Said, Where

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.domain.reference import Reference
    from kpmonitor.gui.session import InspectionSession

Field = TextField | CodeField | HsCodesField
NAME_ROOM = 220       # pixels more than its minimum for a name box: "Zimbabwe Consolidated Diamond Company" reads whole
SCROLL_BAR_ROOM = 20  # the vertical scroll bar the form may need


def parse_count(text: str) -> int:
    stripped = text.strip()
    if not stripped.isdigit():
        raise ParseError(tr("CertificateSectionWidget", "“{text}” is not a whole number of parcels.")
                         .format(text=stripped))
    return int(stripped)


def parse_position(text: str) -> tuple[float, float]:
    """``"-19.95, 32.33"`` → ``(-19.95, 32.33)``: a GPS position typed or pasted from a map."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    try:
        if len(parts) != 2:
            raise ValueError
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise ParseError(tr("CertificateSectionWidget",
                            "Write the position as latitude, longitude in degrees, like -19.95, 32.33.")) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ParseError(tr("CertificateSectionWidget",
                            "A latitude lies between -90 and 90 and a longitude between -180 and 180."))
    return lat, lon


def country_items(ref: Reference) -> list[tuple[str, str]]:
    return sorted(ref.countries.items(), key=lambda item: item[1])


def participant_country_items(ref: Reference) -> list[tuple[str, str]]:
    """Countries a KP participant covers, named with the participant when it is not the country itself."""
    items: list[tuple[str, str]] = []
    for participant in ref.participants.values():
        if not participant.may_trade:
            continue
        for member in participant.members:
            name = ref.countries.get(member, member)
            items.append((member, name if member == participant.code else f"{name} ({participant.name})"))
        if participant.code not in participant.members:
            items.append((participant.code, participant.name))
    return sorted(items, key=lambda item: item[1])


def stored_values(insp: Inspection) -> dict[str, Any]:
    """What each field of the section shows of an inspection, by the field's path."""
    cert = insp.certificate
    return {
        "certificate.number": cert.number, "certificate.issuing_authority": cert.issuing_authority,
        "certificate.issued_on": cert.issued_on, "certificate.expires_on": cert.expires_on,
        "certificate.hs_codes": list(cert.hs_codes), "certificate.carats": cert.carats,
        "certificate.value_usd": cert.value_usd, "certificate.parcel_count": cert.parcel_count,
        "certificate.exporter.name": cert.exporter.name, "certificate.exporter.address": cert.exporter.address,
        "certificate.importer.name": cert.importer.name, "certificate.importer.address": cert.importer.address,
        "certificate.origin": cert.origin, "certificate.provenance": cert.provenance,
        "certificate.destination": cert.destination, "site": insp.site,
        "site_gps": (insp.site_lat, insp.site_lon) if insp.site_lat is not None and insp.site_lon is not None
        else None,
        "inspected_at": insp.inspected_at,
    }


class CertificateSectionWidget(QScrollArea):
    """Certificate, parties, countries, and the inspection's place and time; each field saved as it is left."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        ref = session.ws.reference
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        grid = QGridLayout(body)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(16)

        self.fields: dict[str, Field] = {}
        self.names: dict[str, str] = {}  # path → the field's label, to name it in a sentence
        certificate = QGroupBox(self.tr("KP certificate"), body)
        form = self._form(certificate)
        self._text(form, "certificate.number", self.tr("Certificate &number"),
                   placeholder=self.tr("e.g. ZW 004217"))
        self._text(form, "certificate.issuing_authority", self.tr("Issuing &authority"))
        self._date(form, "certificate.issued_on", self.tr("Date of &issue"))
        self._date(form, "certificate.expires_on", self.tr("Date of e&xpiry"))
        in_scheme = [(hs.code, hs.description) for hs in ref.hs_codes.values() if hs.in_scheme]
        hs = HsCodesField(in_scheme, certificate)
        self._bind("certificate.hs_codes", hs, self.tr("HS code(s)"))
        form.addRow(self.tr("HS code(s)"), hs)
        self._amount(form, "certificate.carats", self.tr("&Carats"), parse_carats,
                     lambda v: "= " + format_carats(v), self.tr("e.g. 1 234.56"))
        self._amount(form, "certificate.value_usd", self.tr("&Value (US$)"), parse_usd,
                     lambda v: "= " + format_usd(v), self.tr("e.g. 36,015.00"))
        count = TextField(parse_count, to_text=str, understood=None, empty=None, placeholder="",
                          parent=certificate)
        count.set_edit_width(80)
        self._bind("certificate.parcel_count", count, self.tr("Number of &parcels"))
        form.addRow(self.tr("Number of &parcels"), count)

        parties = QGroupBox(self.tr("Exporter and importer"), body)
        form = self._form(parties)
        self._text(form, "certificate.exporter.name", self.tr("E&xporter"))
        self._text(form, "certificate.exporter.address", self.tr("Exporter's address"))
        self._text(form, "certificate.importer.name", self.tr("I&mporter"))
        self._text(form, "certificate.importer.address", self.tr("Importer's address"))

        countries = QGroupBox(self.tr("Countries"), body)
        form = self._form(countries)
        all_countries = [(MIXED, self.tr("mixed origins")), *country_items(ref)]
        traders = participant_country_items(ref)
        self._code(form, "certificate.origin", self.tr("&Origin"), all_countries, self.tr("country of origin"))
        self._code(form, "certificate.provenance", self.tr("P&rovenance"), traders,
                   self.tr("country of provenance"))
        self._code(form, "certificate.destination", self.tr("&Destination"), traders, self.tr("destination"))

        place = QGroupBox(self.tr("Inspection"), body)
        form = self._form(place)
        self._text(form, "site", self.tr("&Site"), placeholder=self.tr("e.g. Mbada sort house, Marange"))
        gps = TextField(parse_position, to_text=lambda p: f"{p[0]:.5f}, {p[1]:.5f}", understood=None, empty=None,
                        placeholder=self.tr("latitude, longitude"), parent=place)
        self._bind("site_gps", gps, self.tr("Site &GPS"))
        form.addRow(self.tr("Site &GPS"), gps)
        when = TextField(lambda t: parse_moment(t, "inspection time"), understood=describe_moment,
                         placeholder="2026-11-21T09:30+02:00", parent=place)
        when.set_edit_width(200)
        now_button = QPushButton(self.tr("Now"), when)
        now_button.setToolTip(self.tr("Set to the current time"))
        now_button.clicked.connect(self._on_now_clicked)
        when.insert_widget(now_button)
        self._bind("inspected_at", when, self.tr("Inspected &at"))
        form.addRow(self.tr("Inspected &at"), when)

        self._grid = grid
        self._groups = (certificate, parties, countries, place)
        self._two_columns: bool | None = None
        self._arrange(two_columns=True)
        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)

    # --- two columns, or one on a small screen -------------------------------------------------

    def two_columns_width(self) -> int:
        """The width the two columns need: the certificate's boxes as they are, the names with room to read them."""
        certificate, parties, countries, _place = self._groups
        margins = self._grid.contentsMargins()
        return (certificate.sizeHint().width() + max(parties.minimumSizeHint().width() + NAME_ROOM,
                                                     countries.sizeHint().width())
                + self._grid.horizontalSpacing() + margins.left() + margins.right())

    def _arrange(self, *, two_columns: bool) -> None:
        """The certificate beside the parties and countries, the inspection under them; else all in one column.

        One column on a narrow screen (or beside the unfolded problems): the form scrolls down, never sideways,
        and the exporter and importer keep their width.
        """
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        grid = self._grid
        certificate, parties, countries, place = self._groups
        for group in self._groups:
            grid.removeWidget(group)
        if two_columns:
            grid.addWidget(certificate, 0, 0, 2, 1)
            grid.addWidget(parties, 0, 1)
            grid.addWidget(countries, 1, 1)
            grid.addWidget(place, 2, 0, 1, 2)
        else:
            for row, group in enumerate(self._groups):
                grid.addWidget(group, row, 0)
        # The names (exporter, importer) take more of the width than the certificate's short boxes need.
        grid.setColumnStretch(0, 2 if two_columns else 1)
        grid.setColumnStretch(1, 3 if two_columns else 0)
        for row in range(5):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(3 if two_columns else 4, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The area's own width (not its viewport's, which a scroll bar narrows) decides: no back and forth.
        self._arrange(two_columns=self.width() - SCROLL_BAR_ROOM >= self.two_columns_width())
        super().resizeEvent(event)

    # --- building --------------------------------------------------------------------------

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _bind(self, path: str, field: Field, label: str) -> None:
        self.fields[path] = field
        self.names[path] = label.replace("&", "")
        field.committed.connect(lambda value, p=path: self._on_field_committed(p, value))
        if not isinstance(field, HsCodesField):  # a box ticked is a change at once, never a text being typed
            field.typed.connect(lambda text, p=path: self.session.journal(p, text))

    def _text(self, form: QFormLayout, path: str, label: str, placeholder: str = "") -> TextField:
        field = TextField(placeholder=placeholder)
        self._bind(path, field, label)
        form.addRow(label, field)
        return field

    def _date(self, form: QFormLayout, path: str, label: str) -> DateField:
        what = self.tr("date of issue") if path.endswith("issued_on") else self.tr("date of expiry")
        field = DateField(lambda text: parse_date(text, what))
        self._bind(path, field, label)
        form.addRow(label, field)
        return field

    def _amount(self, form: QFormLayout, path: str, label: str, parse: Any, understood: Any,
                placeholder: str) -> TextField:
        field = TextField(parse, to_text=grouped, understood=understood, empty=None, placeholder=placeholder)
        field.set_edit_width(130)
        self._bind(path, field, label)
        form.addRow(label, field)
        return field

    def _code(self, form: QFormLayout, path: str, label: str, items: list[tuple[str, str]], what: str) -> None:
        field = CodeField(items, lambda text: parse_code(text, what))
        self._bind(path, field, label)
        form.addRow(label, field)

    # --- reading and writing ---------------------------------------------------------------

    def refresh(self, insp: Inspection) -> None:
        """Show what is stored, except in a field the monitor is typing in (``show_stored``)."""
        values = stored_values(insp)
        read_only = self.session.read_only
        for path, field in self.fields.items():
            field.set_read_only(read_only)
            field.show_stored(values[path])

    def _on_field_committed(self, path: str, value: Any) -> None:
        field = self.fields[path]
        before = stored_values(self.session.inspection)[path]
        said = Said(self.names[path], field.text_for(before), field.text_for(value))
        where = Where("certificate", field=path)
        if path == "site_gps":
            lat, lon = value if value is not None else (None, None)
            stored = self.session.update({"site_lat": lat, "site_lon": lon}, said=said, where=where, settles=path)
        else:
            stored = self.session.update({path: value}, said=said, where=where, settles=path)
        if not stored and not isinstance(field, HsCodesField):
            field.feedback.setVisible(True)
            field.feedback.show_error(self.session.last_error or "")

    def recover(self, path: str, text: str) -> str | None:
        """Put back what an interruption left typed in a field, saved through the field as if typed now.

        :returns: how the monitor is told what was recovered, or None when the field already holds it.
        """
        field = self.fields.get(path)
        if field is None or isinstance(field, HsCodesField) or text == field.text():
            self.session.settle(path)
            return None
        head = self.session.store.audit_head()
        field.recover(text)
        name = self.names[path]
        if field.feedback.is_error:  # kept in the box as typed, its sentence beside it: the monitor decides
            return self.tr("“{field}” as typed (“{text}”), not saved").format(field=name, text=text)
        if self.session.store.audit_head() == head:
            self.session.settle(path)  # it means what is stored
            return None
        return self.tr("“{field}” ({text})").format(field=name, text=field.text())

    def _on_now_clicked(self) -> None:
        field = self.fields["inspected_at"]
        assert isinstance(field, TextField)
        field.edit.setText(local_now())
        field.commit()

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the field of a problem's path (``certificate.hs_codes[0]`` → the HS boxes)."""
        key = re.sub(r"\[\d+\]$", "", path)
        if key in ("site_lat", "site_lon"):
            key = "site_gps"
        field = self.fields.get(key)
        if field is None:
            return False
        self.ensureWidgetVisible(field)
        if isinstance(field, HsCodesField):
            boxes = list(field.boxes().values())
            if boxes:
                boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
