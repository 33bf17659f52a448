"""The inspection a monitor records, as plain data.

No I/O and no Qt: these dataclasses are what the store saves, the rules check,
the report freezes and the GUI edits. Carats are integer hundredths and US$
integer cents throughout (see ``quantities``); dates are ``datetime.date``;
moments are ISO 8601 strings as typed (with the UTC offset when known), so the
monitor's local time is kept exactly.

``from_document``/``to_document`` map the JSON document of
``kpmonitor new --from-json`` (schema in ``docs/inspection.schema.json``);
``parse_document`` reads its JSON, refusing what no document holds (too large,
nested too deep, numbers too long). The document is hostile until read: every
value is read into its type or named as a problem, and so is a key that is no
field's. Parsing collects every problem instead of stopping at the first, so a
monitor fixing a file sees the whole list at once.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from kpmonitor.domain.moments import after
from kpmonitor.domain.quantities import parse_carats, parse_hundredths, parse_usd, plain
from kpmonitor.errors import ParseError
from kpmonitor.i18n import N_, _, ngettext


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
# Report sections, in the order the verification reports written under the 2009 Joint Work Plan were organised
# (location, geology, production, mining, processing plant, sort plant, vault, security, sort-house workflow,
# relocation), then valuation and export; "general" for what belongs to none. Free text is allowed too, and a
# finding's section of an earlier version ("sort house", "workflow", "documents"…) is kept as it was written.
SECTIONS = ("general", "location", "geology", "production", "mining", "processing plant", "sort plant", "vault",
            "security", "sort-house workflow", "relocation", "valuation", "export", "parcels", "seals")
# How the parcels were valued (the KP's and the EU's practice: a government valuator's tender or auction, or a
# price book); "other" with the detail in a finding.
VALUATION_METHODS = ("tender", "auction", "price book", "negotiated sale", "other")

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
class CertificateLine:
    """One line of the certificate: carats and value of one HS code (Annex I lists them per code)."""

    hs_code: str = ""
    carats: int | None = None     # hundredths of a carat
    value_usd: int | None = None  # cents


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
    lines: list[CertificateLine] = field(default_factory=list)


@dataclass
class Validation:
    """The exporting authority's validation of the certificate (an Annex I minimum element).

    EU regulation 2368/2002, Art. 12(2): a certificate is validated only after the contents were verified and
    the container sealed, so its time is checked against the container seal's.
    """

    authority: str = ""
    officer: str = ""
    number: str = ""
    at: str = ""  # ISO 8601, as typed

    @property
    def recorded(self) -> bool:
        return bool(self.authority or self.officer or self.number or self.at)


@dataclass
class Shipment:
    """What identifies the shipment the certificate travels with."""

    container: str = ""
    gross_weight: int | None = None   # hundredths of a kilogram
    carrier: str = ""
    airway_bill: str = ""
    export_declaration: str = ""
    port_of_exit: str = ""
    certificate_number_on_container: bool | None = None  # an Annex I optional element


@dataclass
class Production:
    """Where the goods were produced, and the record they were checked against."""

    operator: str = ""
    mine: str = ""
    period: str = ""   # YYYY-MM, YYYY-MM-DD, or a range of either with "/"
    stockpile: bool | None = None  # True: from a stockpile; False: current production
    register: str = ""


@dataclass
class AssortmentLot:
    """One lot of the valuator's assortment."""

    sieve: str = ""
    colour: str = ""
    quality: str = ""
    carats: int | None = None


@dataclass
class Valuation:
    """Who valued the goods, how, and at what figure (compared with the declared value)."""

    valuator: str = ""
    organisation: str = ""
    method: str = ""
    value_usd: int | None = None
    assortment: list[AssortmentLot] = field(default_factory=list)


@dataclass
class Person:
    """Somebody present at the inspection (ministry, MMCZ, customs, police, company, valuator, buyer)."""

    name: str = ""
    role: str = ""
    organisation: str = ""


@dataclass
class DocumentReceived:
    """A document the monitor received (the report's annex), with the photo of it when one was taken."""

    title: str = ""
    reference: str = ""
    photo: str | None = None  # the SHA-256 of an attached photo


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


def applied_event(seal: Seal) -> SealEvent:
    """The event of a seal's application, as its form records it: by whoever the form says applied it (a
    sealing officer, often not the monitor who types it in), at the time the form gives."""
    return SealEvent(SealEventKind.APPLIED, at=seal.applied_at, by=seal.applied_by)


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
    validation: Validation = field(default_factory=Validation)
    shipment: Shipment = field(default_factory=Shipment)
    production: Production = field(default_factory=Production)
    valuation: Valuation = field(default_factory=Valuation)
    present: list[Person] = field(default_factory=list)
    documents: list[DocumentReceived] = field(default_factory=list)
    # Set by the store.
    id: str | None = None
    status: Status = Status.DRAFT
    monitor: str = ""
    device_id: str = ""
    created_at: str = ""
    updated_at: str = ""
    supersedes: str | None = None
    # An amendment's reason, asked when amending: it goes into the new report; signing refuses without it.
    amend_reason: str = ""

    def parcel_by_number(self, number: str) -> Parcel | None:
        return next((p for p in self.parcels if p.number == number), None)

    def acknowledged(self, code: str, field_path: str) -> Acknowledgement | None:
        return next((a for a in self.acknowledgements if a.code == code and a.field == field_path), None)

    def container_seals(self) -> list[Seal]:
        """The seals on the container (not on a parcel), in the order recorded."""
        return [s for s in self.seals if s.parcel is None]

    def container_sealed_at(self) -> str:
        """When the container was sealed: the latest application time of its seals ("" when none is recorded).

        The latest, because the container is sealed when its last seal is on; moments compare as instants
        (``moments.after``), so one typed in another zone is still ordered right.
        """
        latest = ""
        for seal in self.container_seals():
            later = after(seal.applied_at, latest) if latest else None
            if seal.applied_at and (not latest or (later is not None and later > timedelta(0))):
                latest = seal.applied_at
        return latest


# --- parsing what people type ------------------------------------------------------------------


def parse_date(text: str, what: str = N_("date")) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ParseError(_("“{text}” is not a date; write the {what} as YYYY-MM-DD.").format(
            text=text, what=_(what))) from None


def parse_moment(text: str, what: str = N_("time")) -> str:
    """Check an ISO 8601 date-time and return it normalised (seconds kept, offset kept)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ParseError(_("“{text}” is not a date and time; write the {what} like 2026-11-21T09:30+02:00.").format(
            text=text, what=_(what))) from None
    return moment.isoformat()


def parse_code(text: str, what: str) -> str:
    code = text.strip()
    if code.lower() == MIXED:
        return MIXED
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise ParseError(_("“{text}” is not a two-letter country code for the {what}.").format(text=text, what=_(what)))
    return code.upper()


_PERIOD_PART = r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?"


def parse_period(text: str) -> str:
    """A production period: a month (``2026-10``), a day, or a range of either (``2026-09/2026-10``)."""
    period = text.strip()
    parts = period.split("/")
    ok = 1 <= len(parts) <= 2 and all(re.fullmatch(_PERIOD_PART, part) for part in parts)
    if ok:
        try:
            starts = [date.fromisoformat(part if len(part) == 10 else part + "-01") for part in parts]
        except ValueError:
            ok = False
        else:
            ok = starts == sorted(starts)
    if not ok:
        raise ParseError(_("“{text}” is not a production period; write a month as 2026-10, a day as "
                           "2026-10-14, or a range as 2026-09/2026-10.").format(text=_shown(period)))
    return period


def parse_weight_kg(text: str) -> int:
    """Typed kilograms → integer hundredths of a kilogram."""
    return parse_hundredths(text, what=N_("gross weight in kg"), unit="kg", maximum=MAX_GROSS_WEIGHT)


def parse_port(text: str) -> str:
    """A port of exit as its code is written (IATA ``HRE``, UN/LOCODE ``ZWHRE``): capitals, whatever was typed."""
    return text.strip().upper()


def parse_method(text: str) -> str:
    method = " ".join(text.strip().lower().split())
    if method not in VALUATION_METHODS:
        raise ParseError(_("“{text}” is not a valuation method; write one of {methods}.").format(
            text=_shown(text.strip()), methods=", ".join(VALUATION_METHODS)))
    return method


def parse_sha256(text: str) -> str:
    digest = text.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ParseError(_("“{text}” is not a photo's SHA-256 (64 hexadecimal digits).").format(
            text=_shown(text.strip())))
    return digest


# --- the JSON document -------------------------------------------------------------------------

# The fields of each object of the document, as docs/inspection.schema.json lists them. Any other key is refused,
# named: a misspelt "weighed_carat" would otherwise leave the parcel unweighed without a word.
DOCUMENT_FIELDS = frozenset({"certificate", "site", "site_gps", "inspected_at", "parcels", "seals", "findings",
                             "verdict", "validation", "shipment", "production", "valuation", "present",
                             "documents"})
# What the store adds (``show --json``, a report's snapshot): known, and ignored when read back.
RECORD_FIELDS = frozenset({"id", "status", "monitor", "device_id", "created_at", "updated_at", "supersedes",
                           "acknowledgements", "photos", "problems"})
CERTIFICATE_FIELDS = frozenset({"number", "issuing_authority", "issued_on", "expires_on", "exporter", "importer",
                                "origin", "provenance", "destination", "hs_codes", "carats", "value_usd",
                                "parcel_count", "lines"})
LINE_FIELDS = frozenset({"hs_code", "carats", "value_usd"})
VALIDATION_FIELDS = frozenset({"authority", "officer", "number", "at"})
SHIPMENT_FIELDS = frozenset({"container", "gross_weight_kg", "carrier", "airway_bill", "export_declaration",
                             "port_of_exit", "certificate_number_on_container"})
PRODUCTION_FIELDS = frozenset({"operator", "mine", "period", "stockpile", "register"})
VALUATION_FIELDS = frozenset({"valuator", "organisation", "method", "value_usd", "assortment"})
LOT_FIELDS = frozenset({"sieve", "colour", "quality", "carats"})
PERSON_FIELDS = frozenset({"name", "role", "organisation"})
RECEIVED_FIELDS = frozenset({"title", "reference", "photo"})
PARTY_FIELDS = frozenset({"name", "address"})
GPS_FIELDS = frozenset({"lat", "lon"})
PARCEL_FIELDS = frozenset({"number", "hs_code", "declared_carats", "weighed_carats", "stones", "declared_value_usd",
                           "description"})
SEAL_FIELDS = frozenset({"number", "type", "iso_class", "manufacturer", "parcel", "applied_by", "witness",
                         "applied_at", "applied_place", "events"})
EVENT_FIELDS = frozenset({"kind", "at", "by", "note"})
FINDING_FIELDS = frozenset({"severity", "section", "text"})

# A document nests five deep (the document, seals, a seal, its events, an event); a file nested deeper is not one,
# and is refused before Python's parser recurses into it (it gives up, past some thousand levels, with a crash).
MAX_DEPTH = 8
MAX_DOCUMENT_BYTES = 5 * 2**20
MAX_STONES = 100_000_000   # in one parcel: melee runs to hundreds of thousands
MAX_PARCEL_COUNT = 100_000
MAX_GROSS_WEIGHT = 100_000_00  # hundredths of a kg: 100 tonnes, more than any air-freighted box of diamonds
_MAX_DIGITS = 40           # a JSON integer longer than this is no field's (SQLite's INTEGER has 19 digits)
_MAX_SHOWN = 40            # characters of a key or a value quoted back


def parse_document(data: bytes | str) -> Any:
    """Parse the JSON of an inspection document (``new --from-json``, ``edit --from-json``): UTF-8 bytes or text.

    What no document holds is refused before or while parsing, with a sentence: more than
    ``MAX_DOCUMENT_BYTES``, nesting deeper than ``MAX_DEPTH`` and integers of more than 40 digits. NaN,
    infinities and every other wrong value are left to ``from_document``, which names their field.

    :raises ParseError: when it is not JSON, or not a document's JSON.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ParseError(_("The document is larger than {size} MiB; no inspection is.").format(
            size=MAX_DOCUMENT_BYTES // 2**20))
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise ParseError(_("The document is not UTF-8 text (byte {byte} is not).").format(
            byte=f"{exc.start + 1:,}")) from None
    if _nests_deeper(text, MAX_DEPTH):
        raise ParseError(_("The document nests more than {depth} levels deep; an inspection document nests "
                           "five.").format(depth=MAX_DEPTH))
    try:
        return json.loads(text, parse_int=_json_int)
    except ParseError:
        raise
    except ValueError as exc:  # json.JSONDecodeError, a byte-order mark
        raise ParseError(_("The document is not valid JSON ({error}).").format(error=exc)) from None


def _json_int(text: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise ParseError(_("The document holds a number of {digits} digits; no field of an inspection takes "
                           "one.").format(digits=f"{len(text):,}"))
    return int(text)


_JSON_MARKS = re.compile(r'["\\\[\]{}]')


def _nests_deeper(text: str, limit: int) -> bool:
    """Whether the JSON ``text`` opens more than ``limit`` arrays and objects inside each other (strings skipped)."""
    depth, in_string, escaped_at = 0, False, -1
    for mark in _JSON_MARKS.finditer(text):
        at, char = mark.start(), mark.group()
        if at == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _shown(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN] + "…"


class _Collector:
    """Gathers parse problems with their field paths."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def take(self, path: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except ParseError as exc:
            self.add(path, exc.message)
            return None

    def known(self, d: dict[str, Any], path: str, fields: frozenset[str], what: str,
              ignored: frozenset[str] = frozenset()) -> None:
        """Refuse the keys of ``d`` that are not ``fields`` of ``what``, naming them (the first five)."""
        unknown = [key for key in d if key not in fields and key not in ignored]
        for key in unknown[:5]:
            close = difflib.get_close_matches(key, fields, n=1)
            hint = (_("did you mean {field}?").format(field=close[0]) if close
                    else _("its fields are {fields}.").format(fields=", ".join(sorted(fields))))
            self.add(_at(path, _shown(key)), _("is not a field of {what}; {hint}").format(what=_(what), hint=hint))
        if len(unknown) > 5:
            more = len(unknown) - 5
            self.add(path or "document", ngettext("has {count} more field that is not one of those of {what}.",
                                                  "has {count} more fields that are not those of {what}.",
                                                  more).format(count=more, what=_(what)))

    def section(self, d: dict[str, Any], key: str, path: str, fields: frozenset[str],
                what: str) -> dict[str, Any] | None:
        """The object under ``key`` (its keys checked), or None when it is missing, null or not an object."""
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            names = sorted(fields)
            if len(names) == 2:
                sentence = _("must be an object with {first} and {second}.").format(first=names[0], second=names[1])
            elif len(names) == 1:
                sentence = _("must be an object with {field}.").format(field=names[0])
            else:
                sentence = _("must be an object.")
            self.add(_at(path, key), sentence)
            return None
        self.known(value, _at(path, key), fields, what)
        return value

    def objects(self, d: dict[str, Any], key: str, path: str, fields: frozenset[str],
                what: str) -> list[tuple[str, dict[str, Any]]]:
        """The objects of a list field with their paths (``parcels[2]``), their keys checked."""
        items = d.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.add(_at(path, key), _("must be a list."))
            return []
        out: list[tuple[str, dict[str, Any]]] = []
        for i, item in enumerate(items):
            item_path = f"{_at(path, key)}[{i}]"
            if isinstance(item, dict):
                self.known(item, item_path, fields, what)
                out.append((item_path, item))
            else:
                self.add(item_path, _("must be an object."))
        return out


def _text(c: _Collector, d: dict[str, Any], key: str, path: str) -> str:
    value = d.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        c.add(_at(path, key), _("must be text (a JSON string)."))
        return ""
    return value.strip()


def _label(c: _Collector, d: dict[str, Any], key: str, path: str) -> str | None:
    """A parcel or seal number: text, or a whole number written bare (``"number": 1``); None when missing."""
    value = d.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**18:
        return str(value)
    if not isinstance(value, str):
        c.add(_at(path, key), _("must be text (a JSON string), such as \"1\"."))
        return None
    return value.strip()


def _parsed(c: _Collector, d: dict[str, Any], key: str, path: str, parse: Any, *args: Any) -> Any:
    """What ``parse`` makes of the text under ``key``; None when it is missing, empty or refused."""
    value = d.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        c.add(_at(path, key), _("must be text (a JSON string)."))
        return None
    return c.take(_at(path, key), parse, value, *args)


def _choice(c: _Collector, d: dict[str, Any], key: str, path: str, kind: type[StrEnum]) -> Any:
    """A member of ``kind`` named by its value; None when missing or refused."""
    value = d.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip() in kind._value2member_map_:
        return kind(value.strip())
    c.add(_at(path, key), _("must be one of {values}.").format(values=", ".join(k.value for k in kind)))
    return None


def _amount(c: _Collector, d: dict[str, Any], key: str, path: str, parse: Any) -> int | None:
    value = d.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        # Floats are refused on purpose: 0.1 + 0.2 is not what a scale printed.
        c.add(_at(path, key), _("must be a string such as \"1234.56\" (not a JSON float)."))
        return None
    if isinstance(value, int) and value.bit_length() > 128:  # str() of a number of 5,000 digits refuses
        c.add(_at(path, key), _("is far too large."))
        return None
    result: int | None = c.take(_at(path, key), parse, str(value))
    return result


def _whole(c: _Collector, d: dict[str, Any], key: str, path: str, maximum: int) -> int | None:
    value = d.get(key)
    if value is None or value == "":
        return None
    where = _at(path, key)
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,40}\s*", value):
        value = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        c.add(where, _("must be written with the digits 0 to 9 (“{text}” is not).").format(text=_shown(value.strip())))
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        c.add(where, _("must be a whole number."))
        return None
    if value < 0:
        c.add(where, _("cannot be negative."))
        return None
    if value > maximum:
        c.add(where, _("cannot be more than {most}.").format(most=f"{maximum:,}"))
        return None
    return value


_DECIMAL = re.compile(r"\s*-?[0-9]{1,3}(\.[0-9]{1,20})?\s*")


def _degrees(c: _Collector, gps: dict[str, Any], key: str, limit: int) -> float | None:
    """A latitude or longitude: a finite number of degrees from -limit to limit (a plain decimal text too)."""
    value = gps.get(key)
    where = f"site_gps.{key}"
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        c.add(where, _("must be a number of degrees.") if value is not None else _("is missing."))
        return None
    if isinstance(value, float) and not math.isfinite(value):
        c.add(where, _("must be a finite number of degrees (not NaN or an infinity)."))
        return None
    if not -limit <= value <= limit:
        c.add(where, _("must be from -{limit} to {limit} degrees.").format(limit=limit))
        return None
    return float(value)


def _certificate(c: _Collector, doc: dict[str, Any]) -> Certificate:
    cert = Certificate()
    if doc.get("certificate") is None:
        c.add("certificate", _("The certificate section is missing."))
    cert_doc = c.section(doc, "certificate", "", CERTIFICATE_FIELDS, N_("a certificate")) or {}
    path = "certificate"
    cert.number = _text(c, cert_doc, "number", path)
    cert.issuing_authority = _text(c, cert_doc, "issuing_authority", path)
    cert.issued_on = _parsed(c, cert_doc, "issued_on", path, parse_date, N_("issue date"))
    cert.expires_on = _parsed(c, cert_doc, "expires_on", path, parse_date, N_("expiry date"))
    for role, party in (("exporter", N_("the exporter")), ("importer", N_("the importer"))):
        party_doc = c.section(cert_doc, role, path, PARTY_FIELDS, party) or {}
        setattr(cert, role, Party(name=_text(c, party_doc, "name", f"{path}.{role}"),
                                  address=_text(c, party_doc, "address", f"{path}.{role}")))
    for key, what in (("origin", N_("origin")), ("provenance", N_("provenance")),
                      ("destination", N_("destination"))):
        setattr(cert, key, _parsed(c, cert_doc, key, path, parse_code, what) or "")
    hs = cert_doc.get("hs_codes")
    if isinstance(hs, str):
        hs = [hs]
    if hs is not None and not isinstance(hs, list):
        c.add("certificate.hs_codes", _("must be a list of HS codes."))
    for i, code in enumerate(hs if isinstance(hs, list) else []):
        if isinstance(code, str):
            cert.hs_codes.append(code.strip())
        else:
            c.add(f"certificate.hs_codes[{i}]", _("must be text (a JSON string), such as \"7102.31\"."))
    cert.carats = _amount(c, cert_doc, "carats", path, parse_carats)
    cert.value_usd = _amount(c, cert_doc, "value_usd", path, parse_usd)
    cert.parcel_count = _whole(c, cert_doc, "parcel_count", path, MAX_PARCEL_COUNT)
    for lpath, ld in c.objects(cert_doc, "lines", path, LINE_FIELDS, N_("a certificate line")):
        cert.lines.append(CertificateLine(hs_code=_text(c, ld, "hs_code", lpath),
                                          carats=_amount(c, ld, "carats", lpath, parse_carats),
                                          value_usd=_amount(c, ld, "value_usd", lpath, parse_usd)))
    return cert


def _flag(c: _Collector, d: dict[str, Any], key: str, path: str) -> bool | None:
    """A yes or no (JSON true or false); None when missing or null: not recorded."""
    value = d.get(key)
    if value is None or isinstance(value, bool):
        return value
    c.add(_at(path, key), _("must be true or false (or null when not recorded)."))
    return None


def _record_parts(c: _Collector, doc: dict[str, Any], insp: Inspection) -> None:
    """The validation, shipment, production, valuation, people present and documents received."""
    vd = c.section(doc, "validation", "", VALIDATION_FIELDS, N_("the validation")) or {}
    insp.validation = Validation(
        authority=_text(c, vd, "authority", "validation"), officer=_text(c, vd, "officer", "validation"),
        number=_text(c, vd, "number", "validation"),
        at=_parsed(c, vd, "at", "validation", parse_moment, N_("time of the validation")) or "")
    sd = c.section(doc, "shipment", "", SHIPMENT_FIELDS, N_("the shipment")) or {}
    insp.shipment = Shipment(
        container=_text(c, sd, "container", "shipment"),
        gross_weight=_amount(c, sd, "gross_weight_kg", "shipment", parse_weight_kg),
        carrier=_text(c, sd, "carrier", "shipment"), airway_bill=_text(c, sd, "airway_bill", "shipment"),
        export_declaration=_text(c, sd, "export_declaration", "shipment"),
        port_of_exit=parse_port(_text(c, sd, "port_of_exit", "shipment")),
        certificate_number_on_container=_flag(c, sd, "certificate_number_on_container", "shipment"))
    pd = c.section(doc, "production", "", PRODUCTION_FIELDS, N_("the production")) or {}
    insp.production = Production(
        operator=_text(c, pd, "operator", "production"), mine=_text(c, pd, "mine", "production"),
        period=_parsed(c, pd, "period", "production", parse_period) or "",
        stockpile=_flag(c, pd, "stockpile", "production"), register=_text(c, pd, "register", "production"))
    vald = c.section(doc, "valuation", "", VALUATION_FIELDS, N_("the valuation")) or {}
    insp.valuation = Valuation(
        valuator=_text(c, vald, "valuator", "valuation"),
        organisation=_text(c, vald, "organisation", "valuation"),
        method=_parsed(c, vald, "method", "valuation", parse_method) or "",
        value_usd=_amount(c, vald, "value_usd", "valuation", parse_usd))
    for lpath, ld in c.objects(vald, "assortment", "valuation", LOT_FIELDS, N_("a lot of the assortment")):
        insp.valuation.assortment.append(AssortmentLot(
            sieve=_text(c, ld, "sieve", lpath), colour=_text(c, ld, "colour", lpath),
            quality=_text(c, ld, "quality", lpath), carats=_amount(c, ld, "carats", lpath, parse_carats)))
    for ppath, prd in c.objects(doc, "present", "", PERSON_FIELDS, N_("a person present")):
        insp.present.append(Person(name=_text(c, prd, "name", ppath), role=_text(c, prd, "role", ppath),
                                   organisation=_text(c, prd, "organisation", ppath)))
    for dpath, dd in c.objects(doc, "documents", "", RECEIVED_FIELDS, N_("a document received")):
        insp.documents.append(DocumentReceived(title=_text(c, dd, "title", dpath),
                                               reference=_text(c, dd, "reference", dpath),
                                               photo=_parsed(c, dd, "photo", dpath, parse_sha256)))


def _seal(c: _Collector, path: str, sd: dict[str, Any]) -> Seal:
    seal = Seal(
        number=normalise_seal_number(_label(c, sd, "number", path) or ""),
        type=_text(c, sd, "type", path) or "bag",
        iso_class=(_text(c, sd, "iso_class", path) or "S").upper(),
        manufacturer=_text(c, sd, "manufacturer", path),
        parcel=_label(c, sd, "parcel", path),
        applied_by=_text(c, sd, "applied_by", path),
        witness=_text(c, sd, "witness", path),
        applied_at=_parsed(c, sd, "applied_at", path, parse_moment, N_("time the seal was applied")) or "",
        applied_place=_text(c, sd, "applied_place", path),
    )
    for epath, ed in c.objects(sd, "events", path, EVENT_FIELDS, N_("a seal event")):
        kind = _choice(c, ed, "kind", epath, SealEventKind)
        if kind is None:
            if ed.get("kind") in (None, ""):
                c.add(f"{epath}.kind", _("must be one of {values}.").format(
                    values=", ".join(k.value for k in SealEventKind)))
            continue
        seal.events.append(SealEvent(kind=kind, at=_parsed(c, ed, "at", epath, parse_moment, N_("event time")) or "",
                                     by=_text(c, ed, "by", epath), note=_text(c, ed, "note", epath)))
    return seal


def from_document(doc: Any) -> tuple[Inspection, list[tuple[str, str]]]:
    """Build an inspection from the ``new --from-json`` document (or a snapshot's, or ``show --json``'s).

    Every value is read into its type or named as a problem, never raising: a wrong type, NaN or an infinity, a
    number out of its field's range, a digit other than 0 to 9, a key that is no field's.

    :returns: the inspection (fields that failed to parse left empty) and the
        parse problems as ``(field path, sentence)``; the rules then find the
        rest.
    """
    c = _Collector()
    insp = Inspection()
    if not isinstance(doc, dict):
        return insp, [("document", _("The document must be a JSON object."))]
    c.known(doc, "", DOCUMENT_FIELDS, N_("an inspection document"), ignored=RECORD_FIELDS)
    insp.certificate = _certificate(c, doc)
    insp.site = _text(c, doc, "site", "")
    gps = c.section(doc, "site_gps", "", GPS_FIELDS, N_("a position"))
    if gps is not None:
        lat, lon = _degrees(c, gps, "lat", 90), _degrees(c, gps, "lon", 180)
        if lat is not None and lon is not None:
            insp.site_lat, insp.site_lon = lat, lon
    insp.inspected_at = _parsed(c, doc, "inspected_at", "", parse_moment, N_("inspection time")) or ""

    for path, pd in c.objects(doc, "parcels", "", PARCEL_FIELDS, N_("a parcel")):
        insp.parcels.append(Parcel(
            number=_label(c, pd, "number", path) or "",
            hs_code=_text(c, pd, "hs_code", path),
            declared_carats=_amount(c, pd, "declared_carats", path, parse_carats),
            weighed_carats=_amount(c, pd, "weighed_carats", path, parse_carats),
            stones=_whole(c, pd, "stones", path, MAX_STONES),
            declared_value_usd=_amount(c, pd, "declared_value_usd", path, parse_usd),
            description=_text(c, pd, "description", path),
        ))
    insp.seals = [_seal(c, path, sd) for path, sd in c.objects(doc, "seals", "", SEAL_FIELDS, N_("a seal"))]
    for path, fd in c.objects(doc, "findings", "", FINDING_FIELDS, N_("a finding")):
        insp.findings.append(Finding(severity=_choice(c, fd, "severity", path, FindingSeverity) or FindingSeverity.INFO,
                                     section=_text(c, fd, "section", path) or "general",
                                     text=_text(c, fd, "text", path)))
    insp.verdict = _choice(c, doc, "verdict", "", Verdict)
    _record_parts(c, doc, insp)
    return insp, c.problems


def _finite(value: object, limit: int) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and -limit <= number <= limit else None


def record_photos(doc: Any) -> list[PhotoRef]:
    """The photos a record lists (``show --json``, a report's snapshot): what the rules judge of them.

    A document for ``new --from-json`` attaches no photo (their bytes live in the vault), so ``from_document``
    ignores this part; headquarters reads it here to judge a signed report's photos as the field did. Read as
    hostile as the rest: an entry without a SHA-256 is skipped, a time that is not text, or a position that is
    not two finite numbers in range, is taken as not recorded.
    """
    items = doc.get("photos") if isinstance(doc, dict) else None
    out: list[PhotoRef] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("sha256"), str):
            continue
        lat, lon = _finite(item.get("gps_lat"), 90), _finite(item.get("gps_lon"), 180)
        out.append(PhotoRef(id=_str(item, "id"), sha256=item["sha256"], caption=_str(item, "caption"),
                            original_name=_str(item, "original_name"), taken_at=_str(item, "taken_at") or None,
                            gps_lat=lat if lon is not None else None, gps_lon=lon if lat is not None else None))
    return out


def _str(d: dict[str, Any], key: str) -> str:
    value = d.get(key)
    return value if isinstance(value, str) else ""


def _opt(value: int | None) -> str | None:
    return plain(value) if value is not None else None


def record_parts_document(insp: Inspection) -> dict[str, Any]:
    """The validation, shipment, production, valuation, people present and documents received, as JSON."""
    val, ship, prod, valn = insp.validation, insp.shipment, insp.production, insp.valuation
    return {
        "validation": {"authority": val.authority, "officer": val.officer, "number": val.number,
                       "at": val.at or None},
        "shipment": {"container": ship.container, "gross_weight_kg": _opt(ship.gross_weight),
                     "carrier": ship.carrier, "airway_bill": ship.airway_bill,
                     "export_declaration": ship.export_declaration, "port_of_exit": ship.port_of_exit,
                     "certificate_number_on_container": ship.certificate_number_on_container},
        "production": {"operator": prod.operator, "mine": prod.mine, "period": prod.period or None,
                       "stockpile": prod.stockpile, "register": prod.register},
        "valuation": {"valuator": valn.valuator, "organisation": valn.organisation, "method": valn.method or None,
                      "value_usd": _opt(valn.value_usd),
                      "assortment": [{"sieve": lot.sieve, "colour": lot.colour, "quality": lot.quality,
                                      "carats": _opt(lot.carats)} for lot in valn.assortment]},
        "present": [{"name": p.name, "role": p.role, "organisation": p.organisation} for p in insp.present],
        "documents": [{"title": d.title, "reference": d.reference, "photo": d.photo} for d in insp.documents],
    }


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
            "lines": [{"hs_code": line.hs_code, "carats": _opt(line.carats), "value_usd": _opt(line.value_usd)}
                      for line in cert.lines],
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
        **record_parts_document(insp),
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
