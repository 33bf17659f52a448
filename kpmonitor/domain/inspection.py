"""The inspection a monitor records, as plain data.

No I/O and no Qt: these dataclasses are what the store saves, the rules check,
the report freezes and the GUI edits. Carats are integer hundredths and US$
integer cents throughout (see ``quantities``); dates are ``datetime.date``;
moments are ISO 8601 strings as typed (with the UTC offset when known), so the
monitor's local time is kept exactly.

``from_document``/``to_document`` map the JSON document of
``kpmonitor new --from-json`` (schema in ``docs/inspection.schema.json``).
Parsing collects every problem instead of stopping at the first, so a monitor
fixing a file sees the whole list at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from kpmonitor.domain.quantities import parse_carats, parse_usd, plain
from kpmonitor.errors import ParseError


class Verdict(StrEnum):
    CERTIFIED = "certified"
    NOT_CERTIFIED = "not_certified"
    HELD = "held"

    @property
    def label(self) -> str:
        return {"certified": "Certified for export", "not_certified": "Not certified",
                "held": "Held pending"}[self.value]


class FindingSeverity(StrEnum):
    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class SealEventKind(StrEnum):
    APPLIED = "applied"
    VERIFIED_INTACT = "verified_intact"
    BROKEN = "broken"
    NUMBER_MISMATCH = "number_mismatch"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Status(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


ISO_CLASSES = ("I", "S", "H")  # ISO 17712: indicative, security, high security
ISO_CLASS_LABELS = {"I": "I — indicative", "S": "S — security", "H": "H — high security"}
SEAL_TYPES = ("bag", "tape", "bolt", "cable", "wire", "padlock", "label", "strap", "other")
MIXED = "mixed"
# Report sections used by KP monitoring teams; free text is allowed too.
SECTIONS = ("general", "location", "production", "sort house", "vault", "security", "workflow",
            "parcels", "seals", "documents")

SEAL_NUMBER_RE = re.compile(r"^[A-Z0-9/-]{1,35}$")


def normalise_seal_number(text: str) -> str:
    """Seal numbers compare without case or surrounding space: scanners and people differ there."""
    return text.strip().upper()


def normalise_certificate_number(text: str) -> str:
    """``"zw 004-217"`` → ``"ZW004217"``: for duplicate detection and search."""
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


@dataclass
class Party:
    name: str = ""
    address: str = ""


@dataclass
class Certificate:
    number: str = ""
    issuing_authority: str = ""
    issued_on: date | None = None
    expires_on: date | None = None
    exporter: Party = field(default_factory=Party)
    importer: Party = field(default_factory=Party)
    origin: str = ""            # ISO 3166-1 alpha-2 or "mixed"
    provenance: str = ""        # last exporting participant
    destination: str = ""
    hs_codes: list[str] = field(default_factory=list)
    carats: int | None = None   # hundredths of a carat
    value_usd: int | None = None  # cents
    parcel_count: int | None = None


@dataclass
class Parcel:
    number: str = ""
    hs_code: str = ""
    declared_carats: int | None = None
    weighed_carats: int | None = None
    stones: int | None = None
    declared_value_usd: int | None = None
    description: str = ""
    id: str | None = None

    @property
    def difference(self) -> int | None:
        """Weighed minus declared, in hundredths of a carat."""
        if self.declared_carats is None or self.weighed_carats is None:
            return None
        return self.weighed_carats - self.declared_carats


@dataclass
class SealEvent:
    kind: SealEventKind
    at: str = ""
    by: str = ""
    note: str = ""
    id: str | None = None


@dataclass
class Seal:
    number: str = ""
    type: str = "bag"
    iso_class: str = "S"
    manufacturer: str = ""
    parcel: str | None = None   # parcel number it seals; None = the container
    applied_by: str = ""
    witness: str = ""
    applied_at: str = ""
    applied_place: str = ""
    events: list[SealEvent] = field(default_factory=list)
    id: str | None = None


@dataclass
class Finding:
    severity: FindingSeverity = FindingSeverity.INFO
    section: str = "general"
    text: str = ""
    id: str | None = None


@dataclass
class Acknowledgement:
    """A warning the monitor has seen and accepted, with why."""

    code: str
    field: str
    note: str = ""
    by: str = ""
    at: str = ""


@dataclass
class PhotoRef:
    """A photo attached to the inspection (the bytes live in the photo vault)."""

    id: str
    sha256: str
    caption: str = ""
    parcel: str | None = None   # parcel number
    seal: str | None = None     # seal number
    original_name: str = ""
    format: str = ""
    width: int = 0
    height: int = 0
    size: int = 0
    taken_at: str | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    added_at: str = ""


@dataclass
class Inspection:
    certificate: Certificate = field(default_factory=Certificate)
    site: str = ""
    site_lat: float | None = None
    site_lon: float | None = None
    inspected_at: str = ""
    parcels: list[Parcel] = field(default_factory=list)
    seals: list[Seal] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    verdict: Verdict | None = None
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    photos: list[PhotoRef] = field(default_factory=list)
    # Set by the store.
    id: str | None = None
    status: Status = Status.DRAFT
    monitor: str = ""
    device_id: str = ""
    created_at: str = ""
    updated_at: str = ""
    supersedes: str | None = None

    def parcel_by_number(self, number: str) -> Parcel | None:
        return next((p for p in self.parcels if p.number == number), None)

    def acknowledged(self, code: str, field_path: str) -> Acknowledgement | None:
        return next((a for a in self.acknowledgements if a.code == code and a.field == field_path), None)


# --- parsing what people type ------------------------------------------------------------------


def parse_date(text: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ParseError(f"“{text}” is not a date; write the {what} as YYYY-MM-DD.") from None


def parse_moment(text: str, what: str = "time") -> str:
    """Check an ISO 8601 date-time and return it normalised (seconds kept, offset kept)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ParseError(f"“{text}” is not a date and time; write the {what} like 2026-11-21T09:30+02:00.") from None
    return moment.isoformat()


def parse_code(text: str, what: str) -> str:
    code = text.strip()
    if code.lower() == MIXED:
        return MIXED
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise ParseError(f"“{text}” is not a two-letter country code for the {what}.")
    return code.upper()


# --- the JSON document -------------------------------------------------------------------------


class _Collector:
    """Gathers parse problems with their field paths."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def take(self, path: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except ParseError as exc:
            self.problems.append((path, exc.message))
            return None

    def objects(self, doc: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
        """The objects of a list field with their paths (``parcels[2]``); anything else is a problem."""
        items = doc.get(key) or []
        if not isinstance(items, list):
            self.problems.append((key, "must be a list."))
            return []
        out: list[tuple[str, dict[str, Any]]] = []
        for i, item in enumerate(items):
            if isinstance(item, dict):
                out.append((f"{key}[{i}]", item))
            else:
                self.problems.append((f"{key}[{i}]", "must be an object."))
        return out


def _s(d: dict[str, Any], key: str) -> str:
    value = d.get(key)
    return value.strip() if isinstance(value, str) else ""


def _amount(c: _Collector, d: dict[str, Any], key: str, path: str, parse: Any) -> int | None:
    value = d.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        # Floats are refused on purpose: 0.1 + 0.2 is not what a scale printed.
        c.problems.append((f"{path}.{key}", "must be a string such as \"1234.56\" (not a JSON float)."))
        return None
    result: int | None = c.take(f"{path}.{key}", parse, str(value))
    return result


def _int(c: _Collector, d: dict[str, Any], key: str, path: str) -> int | None:
    value = d.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        c.problems.append((f"{path}.{key}", "must be a whole number."))
        return None
    if value < 0:
        c.problems.append((f"{path}.{key}", "cannot be negative."))
        return None
    return value


def from_document(doc: Any) -> tuple[Inspection, list[tuple[str, str]]]:
    """Build an inspection from the ``new --from-json`` document.

    :returns: the inspection (fields that failed to parse left empty) and the
        parse problems as ``(field path, sentence)``; the rules then find the
        rest.
    """
    c = _Collector()
    insp = Inspection()
    if not isinstance(doc, dict):
        return insp, [("document", "The document must be a JSON object.")]
    cert_doc = doc.get("certificate")
    if not isinstance(cert_doc, dict):
        c.problems.append(("certificate", "The certificate section is missing."))
        cert_doc = {}
    cert = insp.certificate
    cert.number = _s(cert_doc, "number")
    cert.issuing_authority = _s(cert_doc, "issuing_authority")
    if cert_doc.get("issued_on"):
        cert.issued_on = c.take("certificate.issued_on", parse_date, str(cert_doc["issued_on"]), "issue date")
    if cert_doc.get("expires_on"):
        cert.expires_on = c.take("certificate.expires_on", parse_date, str(cert_doc["expires_on"]),
                                 "expiry date")
    for role in ("exporter", "importer"):
        party_doc = cert_doc.get(role) or {}
        if not isinstance(party_doc, dict):
            c.problems.append((f"certificate.{role}", "must be an object with name and address."))
            party_doc = {}
        setattr(cert, role, Party(name=_s(party_doc, "name"), address=_s(party_doc, "address")))
    for key in ("origin", "provenance", "destination"):
        if cert_doc.get(key):
            setattr(cert, key, c.take(f"certificate.{key}", parse_code, str(cert_doc[key]), key) or "")
    hs = cert_doc.get("hs_codes") or []
    if isinstance(hs, str):
        hs = [hs]
    if not isinstance(hs, list):
        c.problems.append(("certificate.hs_codes", "must be a list of HS codes."))
        hs = []
    cert.hs_codes = [str(h).strip() for h in hs]
    cert.carats = _amount(c, cert_doc, "carats", "certificate", parse_carats)
    cert.value_usd = _amount(c, cert_doc, "value_usd", "certificate", parse_usd)
    cert.parcel_count = _int(c, cert_doc, "parcel_count", "certificate")

    insp.site = _s(doc, "site")
    gps = doc.get("site_gps")
    if isinstance(gps, dict):
        try:
            insp.site_lat, insp.site_lon = float(gps["lat"]), float(gps["lon"])
        except (KeyError, TypeError, ValueError):
            c.problems.append(("site_gps", "must be {\"lat\": number, \"lon\": number}."))
    if doc.get("inspected_at"):
        insp.inspected_at = c.take("inspected_at", parse_moment, str(doc["inspected_at"]), "inspection time") or ""

    for path, pd in c.objects(doc, "parcels"):
        insp.parcels.append(Parcel(
            number=str(pd.get("number") or "").strip(),
            hs_code=_s(pd, "hs_code"),
            declared_carats=_amount(c, pd, "declared_carats", path, parse_carats),
            weighed_carats=_amount(c, pd, "weighed_carats", path, parse_carats),
            stones=_int(c, pd, "stones", path),
            declared_value_usd=_amount(c, pd, "declared_value_usd", path, parse_usd),
            description=_s(pd, "description"),
        ))

    for path, sd in c.objects(doc, "seals"):
        seal = Seal(
            number=normalise_seal_number(str(sd.get("number") or "")),
            type=_s(sd, "type") or "bag",
            iso_class=(_s(sd, "iso_class") or "S").upper(),
            manufacturer=_s(sd, "manufacturer"),
            parcel=str(sd["parcel"]).strip() if sd.get("parcel") not in (None, "") else None,
            applied_by=_s(sd, "applied_by"),
            witness=_s(sd, "witness"),
            applied_place=_s(sd, "applied_place"),
        )
        if sd.get("applied_at"):
            seal.applied_at = c.take(f"{path}.applied_at", parse_moment, str(sd["applied_at"]),
                                     "time the seal was applied") or ""
        for j, ed in enumerate(sd.get("events") or []):
            epath = f"{path}.events[{j}]"
            if not isinstance(ed, dict):
                c.problems.append((epath, "must be an object."))
                continue
            try:
                kind = SealEventKind(_s(ed, "kind"))
            except ValueError:
                c.problems.append((f"{epath}.kind", "must be one of " + ", ".join(k.value for k in SealEventKind)
                                   + "."))
                continue
            at = c.take(f"{epath}.at", parse_moment, str(ed["at"]), "event time") if ed.get("at") else ""
            seal.events.append(SealEvent(kind=kind, at=at or "", by=_s(ed, "by"), note=_s(ed, "note")))
        insp.seals.append(seal)

    for path, fd in c.objects(doc, "findings"):
        try:
            severity = FindingSeverity(_s(fd, "severity") or "info")
        except ValueError:
            c.problems.append((f"{path}.severity", "must be one of "
                               + ", ".join(s.value for s in FindingSeverity) + "."))
            severity = FindingSeverity.INFO
        insp.findings.append(Finding(severity=severity, section=_s(fd, "section") or "general",
                                     text=_s(fd, "text")))

    verdict = doc.get("verdict")
    if verdict not in (None, ""):
        try:
            insp.verdict = Verdict(str(verdict))
        except ValueError:
            c.problems.append(("verdict", "must be one of certified, not_certified, held."))
    return insp, c.problems


def _opt(value: int | None) -> str | None:
    return plain(value) if value is not None else None


def to_document(insp: Inspection, *, with_record: bool = True) -> dict[str, Any]:
    """The inspection as the JSON document (amounts as exact strings).

    :param with_record: include what the store adds (id, status, monitor,
        times, acknowledgements, photos), as ``show --json`` and snapshots do.
    """
    cert = insp.certificate
    doc: dict[str, Any] = {
        "certificate": {
            "number": cert.number,
            "issuing_authority": cert.issuing_authority,
            "issued_on": cert.issued_on.isoformat() if cert.issued_on else None,
            "expires_on": cert.expires_on.isoformat() if cert.expires_on else None,
            "exporter": {"name": cert.exporter.name, "address": cert.exporter.address},
            "importer": {"name": cert.importer.name, "address": cert.importer.address},
            "origin": cert.origin,
            "provenance": cert.provenance,
            "destination": cert.destination,
            "hs_codes": list(cert.hs_codes),
            "carats": _opt(cert.carats),
            "value_usd": _opt(cert.value_usd),
            "parcel_count": cert.parcel_count,
        },
        "site": insp.site,
        "site_gps": {"lat": insp.site_lat, "lon": insp.site_lon} if insp.site_lat is not None else None,
        "inspected_at": insp.inspected_at or None,
        "parcels": [
            {"number": p.number, "hs_code": p.hs_code, "declared_carats": _opt(p.declared_carats),
             "weighed_carats": _opt(p.weighed_carats), "stones": p.stones,
             "declared_value_usd": _opt(p.declared_value_usd), "description": p.description}
            for p in insp.parcels
        ],
        "seals": [
            {"number": s.number, "type": s.type, "iso_class": s.iso_class, "manufacturer": s.manufacturer,
             "parcel": s.parcel, "applied_by": s.applied_by, "witness": s.witness,
             "applied_at": s.applied_at or None, "applied_place": s.applied_place,
             "events": [{"kind": e.kind.value, "at": e.at or None, "by": e.by, "note": e.note}
                        for e in s.events]}
            for s in insp.seals
        ],
        "findings": [{"severity": f.severity.value, "section": f.section, "text": f.text}
                     for f in insp.findings],
        "verdict": insp.verdict.value if insp.verdict else None,
    }
    if with_record:
        doc = {
            "id": insp.id, "status": insp.status.value, "monitor": insp.monitor, "device_id": insp.device_id,
            "created_at": insp.created_at, "updated_at": insp.updated_at, "supersedes": insp.supersedes,
            **doc,
            "acknowledgements": [{"code": a.code, "field": a.field, "note": a.note, "by": a.by, "at": a.at}
                                 for a in insp.acknowledgements],
            "photos": [{"id": ph.id, "sha256": ph.sha256, "caption": ph.caption, "parcel": ph.parcel,
                        "seal": ph.seal, "original_name": ph.original_name, "format": ph.format,
                        "width": ph.width, "height": ph.height, "size": ph.size, "taken_at": ph.taken_at,
                        "gps_lat": ph.gps_lat, "gps_lon": ph.gps_lon, "added_at": ph.added_at}
                       for ph in insp.photos],
        }
    return doc
