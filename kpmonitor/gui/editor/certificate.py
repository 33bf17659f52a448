"""The certificate section: every KP certificate field (Annex I) and where and when the inspection took place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QScrollArea,
    QWidget,
)

from kpmonitor.domain.inspection import MIXED, parse_code, parse_date
from kpmonitor.domain.quantities import format_carats, format_usd, parse_carats, parse_usd
from kpmonitor.errors import ParseError
from kpmonitor.gui.common.fields import CodeField, DateField, HsCodesField, TextField, tr
from kpmonitor.gui.editor.bound import BoundFields, Field, compact_form
from kpmonitor.gui.editor.lists import certificate_lines

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.domain.reference import Reference
    from kpmonitor.gui.session import InspectionSession

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

        self.bound = BoundFields(session, "certificate", stored_values, self.ensureWidgetVisible, self,
                                 changes=self._changes)
        self.fields = self.bound.fields
        self.names = self.bound.names  # path → the field's label, to name it in a sentence
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
        self.bound.amount(form, "certificate.carats", self.tr("&Carats"), parse_carats,
                          lambda v: "= " + format_carats(v), self.tr("e.g. 1 234.56"))
        self.bound.amount(form, "certificate.value_usd", self.tr("&Value (US$)"), parse_usd,
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
        self.bound.moment(form, "inspected_at", self.tr("Inspected &at"), self.tr("inspection time"))

        # The certificate's carats and value per HS code (Annex I lists them so), under the rest.
        self.lines = certificate_lines(session, body)

        self._grid = grid
        self._groups = (certificate, parties, countries, place, self.lines)
        self._two_columns: bool | None = None
        self._arrange(two_columns=True)
        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)

    # --- two columns, or one on a small screen -------------------------------------------------

    def two_columns_width(self) -> int:
        """The width the two columns need: the certificate's boxes as they are, the names with room to read them."""
        certificate, parties, countries, _place, _lines = self._groups
        margins = self._grid.contentsMargins()
        return (certificate.sizeHint().width() + max(parties.minimumSizeHint().width() + NAME_ROOM,
                                                     countries.sizeHint().width())
                + self._grid.horizontalSpacing() + margins.left() + margins.right())

    def _arrange(self, *, two_columns: bool) -> None:
        """The certificate beside the parties and countries, the inspection under them, then the certificate's lines;
        else all in one column.

        One column on a narrow screen (or beside the unfolded problems): the form scrolls down, never sideways,
        and the exporter and importer keep their width.
        """
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        grid = self._grid
        certificate, parties, countries, place, lines = self._groups
        for group in self._groups:
            grid.removeWidget(group)
        if two_columns:
            grid.addWidget(certificate, 0, 0, 2, 1)
            grid.addWidget(parties, 0, 1)
            grid.addWidget(countries, 1, 1)
            grid.addWidget(place, 2, 0, 1, 2)
            grid.addWidget(lines, 3, 0)  # the certificate's column: a short table, the names keep their room
        else:
            for row, group in enumerate(self._groups):
                grid.addWidget(group, row, 0)
        # The names (exporter, importer) take more of the width than the certificate's short boxes need.
        grid.setColumnStretch(0, 2 if two_columns else 1)
        grid.setColumnStretch(1, 3 if two_columns else 0)
        for row in range(6):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(4 if two_columns else 5, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The area's own width (not its viewport's, which a scroll bar narrows) decides: no back and forth.
        self._arrange(two_columns=self.width() - SCROLL_BAR_ROOM >= self.two_columns_width())
        super().resizeEvent(event)

    # --- building --------------------------------------------------------------------------

    def _form(self, box: QGroupBox) -> QFormLayout:
        return compact_form(box)

    def _bind(self, path: str, field: Field, label: str) -> None:
        self.bound.bind(path, field, label)

    def _text(self, form: QFormLayout, path: str, label: str, placeholder: str = "") -> TextField:
        return self.bound.text(form, path, label, placeholder)

    def _date(self, form: QFormLayout, path: str, label: str) -> DateField:
        what = self.tr("date of issue") if path.endswith("issued_on") else self.tr("date of expiry")
        field = DateField(lambda text: parse_date(text, what))
        self.bound.add(form, path, field, label)
        return field

    def _code(self, form: QFormLayout, path: str, label: str, items: list[tuple[str, str]], what: str) -> None:
        self.bound.add(form, path, CodeField(items, lambda text: parse_code(text, what)), label)

    # --- reading and writing ---------------------------------------------------------------

    def refresh(self, insp: Inspection) -> None:
        """Show what is stored, except in a field the monitor is typing in (``show_stored``)."""
        self.bound.refresh(insp)

    @staticmethod
    def _changes(path: str, value: Any) -> dict[str, Any]:
        """The store's changes for a field's value: the site's position is two of them."""
        if path == "site_gps":
            lat, lon = value if value is not None else (None, None)
            return {"site_lat": lat, "site_lon": lon}
        return {path: value}

    def recover(self, path: str, text: str) -> str | None:
        """Put back what an interruption left typed in a field (``BoundFields.recover``) or a line's cell."""
        if path.startswith("certificate.lines/"):
            return self.lines.recover(path, text)
        return self.bound.recover(path, text)

    def focus_field(self, path: str) -> bool:
        """Put the cursor in the field of a problem's path (``certificate.hs_codes[0]`` → the HS boxes)."""
        if path.startswith("certificate.lines"):
            self.ensureWidgetVisible(self.lines)
            return self.lines.focus_field(path)
        return self.bound.focus("site_gps" if path in ("site_lat", "site_lon") else path)
