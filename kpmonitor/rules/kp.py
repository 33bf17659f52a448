"""Kimberley Process rules, checked against an inspection.

Each rule returns problems; a problem has a severity (an *error* blocks
signing, a *warning* must be acknowledged with a note before signing), the
field it concerns as a path the GUI can jump to (``parcels[2].weighed_carats``),
a stable code, and a sentence. No I/O: what a rule needs from outside (the
reference tables, the tolerance, whether a seal number is used elsewhere in
the store) comes in a ``RuleContext``.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from kpmonitor.domain.inspection import (
    ISO_CLASSES,
    MIXED,
    SEAL_NUMBER_RE,
    Inspection,
    PhotoRef,
    Status,
    Verdict,
    normalise_seal_number,
)
from kpmonitor.domain.moments import after, show_moment
from kpmonitor.domain.places import distance_km, show_km, show_place
from kpmonitor.domain.quantities import amount_text, format_carats, format_usd, grouped, signed, usd_per_carat
from kpmonitor.domain.reference import OPERATORS_FILE, Operation, Reference
from kpmonitor.rules.problems import Problem, Severity

# Raised whenever a rule is added or changes what it finds: what was judged before is judged again, once.
RULES_VERSION = 4


@dataclass
class RuleContext:
    reference: Reference
    # Weighed vs declared: the larger of an absolute and a relative tolerance.
    tolerance_hundredths: int = 2
    tolerance_pct: Decimal = Decimal("0.02")
    eu_max_validity_days: int = 61
    # A photo of the inspection is taken within this span of it and this distance of the site's position.
    photo_span_hours: int = 48
    photo_distance_km: Decimal = Decimal(25)
    # The valuator's figure vs the declared value: a difference beyond this percentage is a warning.
    valuation_tolerance_pct: Decimal = Decimal(5)
    # Signing more than this many hours after the container was sealed is a warning.
    sealing_to_signing_hours: int = 48
    # When the inspection is signed (or would be, signed now): the signing-delay rule runs only when it is set.
    # Per call, so not in the fingerprint: the field passes its clock, headquarters a report's signed_at.
    signing_at: str | None = None
    # The store's refusal of a seal number used on another shipment (kpmonitor.store.seals decides), or None.
    seal_used_elsewhere: Callable[[str], str | None] = field(default=lambda _n: None)

    def fingerprint(self) -> str:
        """What the rules' findings depend on besides the inspection: tolerances and every reference table.

        Stored beside what was judged (the list's counts, headquarters' anomalies), so that a changed
        setting or table is noticed and everything is judged again once.
        """
        judged_by = (RULES_VERSION, self.tolerance_hundredths, str(self.tolerance_pct), self.eu_max_validity_days,
                     self.photo_span_hours, str(self.photo_distance_km), str(self.valuation_tolerance_pct),
                     self.sealing_to_signing_hours, self.reference.digest)
        return hashlib.sha256(repr(judged_by).encode("utf-8")).hexdigest()


def _err(path: str, code: str, message: str) -> Problem:
    return Problem(Severity.ERROR, path, code, message)


def _warn(path: str, code: str, message: str) -> Problem:
    return Problem(Severity.WARNING, path, code, message)


# --- certificate -------------------------------------------------------------------------------


def check_certificate(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    cert = insp.certificate
    ref = ctx.reference
    out: list[Problem] = []
    number = cert.number.strip()
    if not number:
        out.append(_err("certificate.number", "cert.number.missing", "Enter the KP certificate number."))
    else:
        prefix = number[:2].upper()
        if not prefix.isalpha():
            out.append(_err("certificate.number", "cert.number.prefix",
                            f"The certificate number {number} must start with the two-letter code of the "
                            "issuing participant (ZW, BW, EU…)."))
        elif not ref.is_participant(prefix):
            out.append(_err("certificate.number", "cert.number.prefix",
                            f"The certificate number starts with {prefix}, which is not a Kimberley Process "
                            "participant."))
        elif cert.provenance and cert.provenance != MIXED and prefix != cert.provenance:
            issuer = ref.participant_for_country(cert.provenance)
            if issuer is None or issuer.code != prefix:
                out.append(_warn("certificate.number", "cert.number.provenance",
                                 f"The certificate was issued by {prefix} but the country of provenance is "
                                 f"{cert.provenance}."))
    if not cert.issuing_authority.strip():
        out.append(_err("certificate.issuing_authority", "cert.authority.missing",
                        "Enter the certificate's issuing authority."))
    for role in ("exporter", "importer"):
        party = getattr(cert, role)
        if not party.name.strip():
            out.append(_err(f"certificate.{role}.name", f"cert.{role}.missing", f"Enter the {role}'s name."))
        if not party.address.strip():
            out.append(_err(f"certificate.{role}.address", f"cert.{role}.address",
                            f"Enter the {role}'s address."))
    out += _check_dates(insp, ctx)
    out += _check_countries(insp, ctx)
    out += _check_hs_codes(insp, ctx)
    if cert.carats is None:
        out.append(_err("certificate.carats", "cert.carats.missing", "Enter the certificate's carat weight."))
    elif cert.carats == 0:
        out.append(_err("certificate.carats", "cert.carats.zero", "The certificate's carat weight cannot be 0."))
    if cert.value_usd is None:
        out.append(_err("certificate.value_usd", "cert.value.missing", "Enter the certificate's value in US$."))
    if cert.parcel_count is None:
        out.append(_err("certificate.parcel_count", "cert.parcels.missing",
                        "Enter the number of parcels on the certificate."))
    return out


def _check_dates(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    cert = insp.certificate
    out: list[Problem] = []
    if cert.issued_on is None:
        out.append(_err("certificate.issued_on", "cert.issued.missing", "Enter the certificate's date of issue."))
    if cert.expires_on is None:
        out.append(_err("certificate.expires_on", "cert.expiry.missing",
                        "Enter the certificate's date of expiry."))
    if cert.issued_on and cert.expires_on:
        if cert.expires_on <= cert.issued_on:
            out.append(_err("certificate.expires_on", "cert.expiry.order",
                            f"The certificate expires ({cert.expires_on}) on or before it was issued "
                            f"({cert.issued_on})."))
        elif (cert.number[:2].upper() == "EU"
              and (cert.expires_on - cert.issued_on).days > ctx.eu_max_validity_days):
            out.append(_warn("certificate.expires_on", "cert.expiry.eu",
                             f"EU certificates are valid for at most two months; this one runs "
                             f"{(cert.expires_on - cert.issued_on).days} days."))
    moment = _inspection_date(insp)
    if moment and cert.expires_on and moment > cert.expires_on:
        # An error, since no shipment travels under an expired certificate; acceptable, since the monitor cannot
        # mend it, only judge it (an extension in writing from the authority): the reason, recorded as an
        # acknowledgement's note, goes into the report with who accepted it and when.
        out.append(Problem(Severity.ERROR, "certificate.expires_on", "cert.expired",
                           f"The certificate expired on {cert.expires_on}, before the inspection on {moment}: "
                           "it cannot cover the shipment unless you record why it is accepted (acknowledge it "
                           "with the reason).", acceptable=True))
    if moment and cert.issued_on and moment < cert.issued_on:
        out.append(_warn("certificate.issued_on", "cert.not_yet_issued",
                         f"The inspection on {moment} is before the certificate's issue date {cert.issued_on}."))
    return out


def _inspection_date(insp: Inspection) -> date | None:
    if not insp.inspected_at:
        return None
    try:
        return datetime.fromisoformat(insp.inspected_at).date()
    except ValueError:
        return None


def _check_countries(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    cert = insp.certificate
    ref = ctx.reference
    out: list[Problem] = []
    if not cert.origin:
        out.append(_err("certificate.origin", "cert.origin.missing",
                        "Enter the country of origin, or “mixed”."))
    elif cert.origin != MIXED and ref.country_name(cert.origin) is None:
        out.append(_err("certificate.origin", "cert.origin.unknown", f"{cert.origin} is not a country code."))
    for key, label in (("provenance", "country of provenance"), ("destination", "destination")):
        code = getattr(cert, key)
        if not code:
            out.append(_err(f"certificate.{key}", f"cert.{key}.missing", f"Enter the {label}."))
        elif code == MIXED:
            out.append(_err(f"certificate.{key}", f"cert.{key}.mixed", f"The {label} cannot be “mixed”."))
        elif ref.participant_for_country(code) is None:
            name = ref.country_name(code)
            out.append(_err(f"certificate.{key}", f"cert.{key}.participant",
                            f"The {label} {name or code} is not a Kimberley Process participant: rough "
                            "diamonds may not be traded with it."))
    return out


# KPCS Section I: rough diamonds are "unworked or simply sawn, cleaved or bruted" under these three codes.
_ROUGH_HS = ("7102.10", "7102.21", "7102.31")


def _check_hs_code(code: str, path: str, ctx: RuleContext) -> list[Problem]:
    hs = ctx.reference.hs_codes.get(code)
    if not code:
        return [_err(path, "hs.missing", "Choose the HS code.")]
    if hs is None:
        digits = "".join(c for c in code if c.isdigit())
        # A national tariff line (7102.31.00, 71023100) is the KP's code with more digits: the goods are covered.
        within = next((rough for rough in _ROUGH_HS if digits.startswith(rough.replace(".", ""))), None)
        if within and len(digits) >= 6:
            what = "HS " + within if len(digits) == 6 else f"a national subdivision of HS {within}"
            return [_err(path, "hs.unknown",
                         f"{code} is {what}, which the Kimberley Process covers: a KP certificate names the "
                         f"six-digit code, so write {within}.")]
        return [_err(path, "hs.unknown",
                     f"{code} is not one of the HS codes of the Kimberley Process, which covers rough diamonds "
                     "(unsorted, unworked or simply sawn, cleaved or bruted) under 7102.10, 7102.21 and 7102.31: "
                     "write the certificate's code as one of them.")]
    if not hs.in_scheme:
        return [_err(path, "hs.outside", f"HS {code} is outside the Kimberley Process: {hs.reason}")]
    return []


def _check_hs_codes(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    codes = insp.certificate.hs_codes
    if not codes:
        return [_err("certificate.hs_codes", "hs.missing", "Enter at least one HS code.")]
    out: list[Problem] = []
    for i, code in enumerate(codes):
        out += _check_hs_code(code, f"certificate.hs_codes[{i}]", ctx)
    return out


# --- parcels -----------------------------------------------------------------------------------


def check_parcels(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    cert = insp.certificate
    out: list[Problem] = []
    parcels = insp.parcels
    if cert.parcel_count is not None and cert.parcel_count != len(parcels):
        out.append(_err("parcels", "parcels.count",
                        f"The certificate declares {cert.parcel_count} parcel"
                        f"{'s' if cert.parcel_count != 1 else ''}; {len(parcels)} "
                        f"{'are' if len(parcels) != 1 else 'is'} recorded."))
    counts = Counter(p.number for p in parcels)
    for i, p in enumerate(parcels):
        path = f"parcels[{i}]"
        if not p.number:
            out.append(_err(f"{path}.number", "parcel.number.missing", f"Parcel {i + 1} needs a number."))
        elif counts[p.number] > 1:
            out.append(_err(f"{path}.number", "parcel.number.duplicate",
                            f"Parcel number {p.number} is used more than once."))
        label = f"Parcel {p.number or i + 1}"
        out += _check_hs_code(p.hs_code, f"{path}.hs_code", ctx)
        if p.hs_code and cert.hs_codes and p.hs_code not in cert.hs_codes:
            out.append(_err(f"{path}.hs_code", "parcel.hs.not_on_certificate",
                            f"{label} is HS {p.hs_code}, which is not on the certificate "
                            f"({', '.join(cert.hs_codes)})."))
        if p.declared_carats is None:
            out.append(_err(f"{path}.declared_carats", "parcel.declared.missing",
                            f"Enter the declared carats of {label.lower()}."))
        if p.declared_value_usd is None:
            out.append(_err(f"{path}.declared_value_usd", "parcel.value.missing",
                            f"Enter the declared value of {label.lower()}."))
        if p.weighed_carats is None:
            out.append(_warn(f"{path}.weighed_carats", "parcel.not_weighed", f"{label} has not been weighed."))
        diff = p.difference
        if diff is not None and p.declared_carats is not None:
            allowed = max(ctx.tolerance_hundredths,
                          int(Decimal(p.declared_carats) * ctx.tolerance_pct / 100))
            if abs(diff) > allowed:
                out.append(_warn(f"{path}.weighed_carats", "parcel.weight.tolerance",
                                 f"{label} weighs {format_carats(p.weighed_carats or 0)} against "
                                 f"{format_carats(p.declared_carats)} declared ({signed(diff)} ct, "
                                 f"tolerance {grouped(allowed)} ct)."))
        out += _check_value_per_carat(insp, p.hs_code, p.declared_carats, p.declared_value_usd,
                                      f"{path}.declared_value_usd", label, ctx)
    if parcels:
        out += _check_totals(insp)
    return out


def _check_totals(insp: Inspection) -> list[Problem]:
    cert = insp.certificate
    out: list[Problem] = []
    if all(p.declared_carats is not None for p in insp.parcels) and cert.carats is not None:
        total = sum(p.declared_carats or 0 for p in insp.parcels)
        if total != cert.carats:
            out.append(_err("certificate.carats", "totals.carats",
                            f"The parcels add up to {format_carats(total)}; the certificate states "
                            f"{format_carats(cert.carats)}."))
    if all(p.declared_value_usd is not None for p in insp.parcels) and cert.value_usd is not None:
        total = sum(p.declared_value_usd or 0 for p in insp.parcels)
        if total != cert.value_usd:
            out.append(_err("certificate.value_usd", "totals.value",
                            f"The parcels add up to {format_usd(total)}; the certificate states "
                            f"{format_usd(cert.value_usd)}."))
    return out


def _check_value_per_carat(insp: Inspection, hs_code: str, carats: int | None, cents: int | None,
                           path: str, label: str, ctx: RuleContext) -> list[Problem]:
    if not carats or cents is None or not hs_code:
        return []
    origin = insp.certificate.origin or "*"
    band = ctx.reference.band_for(origin, hs_code)
    if band is None:
        return []
    per_ct = usd_per_carat(cents, carats)  # cents per carat, rounded as headquarters' statistics round it
    # Judged on the value the sentence shows, so a warning never quotes a number inside the band.
    if per_ct is None or band.low * 100 <= per_ct <= band.high * 100:
        return []
    where = "mixed goods" if origin == MIXED else (ctx.reference.country_name(origin) or origin)
    return [_warn(path, "value.per_carat",
                  f"{label} is valued at US$ {amount_text(per_ct)}/ct; the usual range for HS {hs_code} from "
                  f"{where} is US$ {band.low:,}–{band.high:,}/ct ({band.source}, {band.year}).")]


# --- certificate lines -------------------------------------------------------------------------


def _sum(values: list[int | None]) -> int | None:
    """The total of amounts that are all recorded; None when one is missing (the total of some would mislead)."""
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def check_certificate_lines(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """The certificate's lines (carats and value per HS code, as Annex I lists them) against its totals and parcels.

    A line's HS code must be among the certificate's own HS codes: the lines detail those codes, they do not add
    to them (as a parcel's code must be on the certificate).
    """
    cert = insp.certificate
    if not cert.lines:
        codes = sorted(set(cert.hs_codes))
        if len(codes) < 2:
            return []
        return [_warn("certificate.lines", "lines.missing",
                      f"The certificate lists {len(codes)} HS codes ({', '.join(codes)}) but no lines: it gives the "
                      "carats and value of each code, so enter them, to check the parcels of each code against "
                      "them.")]
    out: list[Problem] = []
    counts = Counter(line.hs_code for line in cert.lines)
    for i, line in enumerate(cert.lines):
        path = f"certificate.lines[{i}]"
        out += _check_hs_code(line.hs_code, f"{path}.hs_code", ctx)
        if line.hs_code and counts[line.hs_code] > 1:
            out.append(_err(f"{path}.hs_code", "line.hs.duplicate",
                            f"HS {line.hs_code} has more than one line: the certificate gives one line per code."))
        elif line.hs_code and cert.hs_codes and line.hs_code not in cert.hs_codes:
            out.append(_err(f"{path}.hs_code", "line.hs.not_on_certificate",
                            f"Line {i + 1} is for HS {line.hs_code}, which is not among the certificate's HS codes "
                            f"({', '.join(cert.hs_codes)})."))
        if line.carats is None:
            out.append(_err(f"{path}.carats", "line.carats.missing",
                            f"Enter the carats of line {i + 1} (HS {line.hs_code or 'not given'})."))
        if line.value_usd is None:
            out.append(_err(f"{path}.value_usd", "line.value.missing",
                            f"Enter the value of line {i + 1} (HS {line.hs_code or 'not given'})."))
    carats, value = _sum([line.carats for line in cert.lines]), _sum([line.value_usd for line in cert.lines])
    if carats is not None and cert.carats is not None and carats != cert.carats:
        out.append(_err("certificate.lines", "lines.carats",
                        f"The certificate's lines add up to {format_carats(carats)}; its carat weight is "
                        f"{format_carats(cert.carats)}."))
    if value is not None and cert.value_usd is not None and value != cert.value_usd:
        out.append(_err("certificate.lines", "lines.value",
                        f"The certificate's lines add up to {format_usd(value)}; its value is "
                        f"{format_usd(cert.value_usd)}."))
    return out + _check_lines_against_parcels(insp)


def _check_lines_against_parcels(insp: Inspection) -> list[Problem]:
    """Each parcel's HS code has its line, and the parcels of a code add up to that line, exactly (as the parcels
    add up to the certificate's totals: the declared figures are the certificate's own)."""
    lines: dict[str, tuple[int, int | None, int | None]] = {}
    for i, line in enumerate(insp.certificate.lines):
        if line.hs_code:
            lines.setdefault(line.hs_code, (i, line.carats, line.value_usd))
    by_code: dict[str, list[int]] = {}
    for j, parcel in enumerate(insp.parcels):
        if parcel.hs_code:
            by_code.setdefault(parcel.hs_code, []).append(j)
    out: list[Problem] = []
    for code, indexes in by_code.items():
        parcels = [insp.parcels[j] for j in indexes]
        numbers = ", ".join(p.number or str(j + 1) for j, p in zip(indexes, parcels, strict=True))
        named = f"parcel{'s' if len(parcels) != 1 else ''} {numbers}"
        if code not in lines:
            out.append(_err("certificate.lines", "line.missing",
                            f"No line of the certificate is for HS {code}, the code of {named}: enter the "
                            "certificate's line for it."))
            continue
        i, line_carats, line_value = lines[code]
        carats = _sum([p.declared_carats for p in parcels])
        if carats is not None and line_carats is not None and carats != line_carats:
            out.append(_err(f"certificate.lines[{i}].carats", "line.carats.parcels",
                            f"The parcels of HS {code} ({numbers}) add up to {format_carats(carats)}; the "
                            f"certificate's line states {format_carats(line_carats)}."))
        value = _sum([p.declared_value_usd for p in parcels])
        if value is not None and line_value is not None and value != line_value:
            out.append(_err(f"certificate.lines[{i}].value_usd", "line.value.parcels",
                            f"The parcels of HS {code} ({numbers}) add up to {format_usd(value)}; the "
                            f"certificate's line states {format_usd(line_value)}."))
    if insp.parcels:
        for code, (i, line_carats, _value) in lines.items():
            if code not in by_code and line_carats:
                out.append(_err(f"certificate.lines[{i}].carats", "line.carats.parcels",
                                f"No parcel is of HS {code}, for which the certificate's line states "
                                f"{format_carats(line_carats)}."))
    return out


# --- seals -------------------------------------------------------------------------------------


def seal_number_problem(number: str) -> str | None:
    """The sentence for a malformed seal number, or None when it is well-formed."""
    n = normalise_seal_number(number)
    if not n:
        return "Enter the seal number."
    if len(n) > 35:
        return f"Seal number {n[:12]}… is {len(n)} characters long; at most 35 are allowed."
    if not SEAL_NUMBER_RE.match(n):
        bad = sorted({c for c in n if not (c.isascii() and (c.isalnum() or c in "-/"))})
        return (f"Seal number {n} contains {' '.join(repr(c) for c in bad)}: only letters, digits, "
                "“-” and “/” are allowed.")
    return None


def check_seals(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    out: list[Problem] = []
    counts = Counter(normalise_seal_number(s.number) for s in insp.seals)
    parcel_numbers = {p.number for p in insp.parcels}
    for i, seal in enumerate(insp.seals):
        path = f"seals[{i}]"
        number = normalise_seal_number(seal.number)
        malformed = seal_number_problem(number)
        if malformed:
            out.append(_err(f"{path}.number", "seal.number.malformed", malformed))
            continue
        if counts[number] > 1:
            out.append(_err(f"{path}.number", "seal.number.duplicate",
                            f"Seal {number} is recorded more than once in this inspection."))
        reused = ctx.seal_used_elsewhere(number)
        if reused:
            out.append(_err(f"{path}.number", "seal.number.reused", reused))
        if seal.iso_class not in ISO_CLASSES:
            out.append(_err(f"{path}.iso_class", "seal.class",
                            f"Seal {number}: the ISO 17712 class must be I, S or H."))
        if not seal.applied_by.strip():
            out.append(_warn(f"{path}.applied_by", "seal.applied_by.missing",
                             f"Seal {number}: who applied it is not recorded (“Applied by” is empty)."))
        if not seal.witness.strip():
            out.append(_warn(f"{path}.witness", "seal.witness.missing",
                             f"Seal {number}: no witness to its application is recorded (“Witness” is empty)."))
        if seal.parcel is not None and seal.parcel not in parcel_numbers:
            out.append(_err(f"{path}.parcel", "seal.parcel.unknown",
                            f"Seal {number} is on parcel {seal.parcel}, which is not recorded."))
        for j, event in enumerate(seal.events):
            if event.kind.value in ("broken", "number_mismatch", "missing"):
                out.append(_warn(f"{path}.events[{j}]", f"seal.event.{event.kind.value}",
                                 f"Seal {number}: {event.kind.label.lower()}"
                                 + (f" — {event.note}" if event.note else "") + "."))
    if insp.parcels and not any(s.parcel is None for s in insp.seals):
        out.append(_warn("seals", "seal.container.none", "No seal is recorded on the container."))
    return out


# --- validation, shipment and signing -----------------------------------------------------------

_VALIDATION_NEEDED = (("authority", "the validating authority"), ("number", "the validation's number"),
                      ("at", "when it was validated"))


def check_validation(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """The exporting authority's validation: recorded for a certified shipment, and not before the sealing."""
    val = insp.validation
    out: list[Problem] = []
    if insp.verdict is Verdict.CERTIFIED:
        out += [_err(f"validation.{attr}", f"validation.{attr}.missing",
                     f"A shipment certified for export carries the exporting authority's validation (KPCS Annex "
                     f"I): enter {what}.")
                for attr, what in _VALIDATION_NEEDED if not getattr(val, attr).strip()]
    sealed = insp.container_sealed_at()
    apart = after(val.at, sealed) if val.at and sealed else None
    if apart is not None and apart < timedelta(0):
        # An error for a certified shipment; a warning when it is refused or held, so the report saying so is signed.
        make = _err if insp.verdict is Verdict.CERTIFIED else _warn
        out.append(make("validation.at", "validation.before_sealing",
                        f"The certificate was validated on {show_moment(val.at)}, before the container was sealed "
                        f"on {show_moment(sealed)}: a certificate is validated only once the contents are verified "
                        "and the container sealed (EU regulation 2368/2002, Art. 12(2))."))
    return out


def check_shipment(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """What identifies the consignment: the sealed container, and for a certified shipment its carrier and waybill."""
    ship = insp.shipment
    out: list[Problem] = []
    if insp.container_seals() and not ship.container.strip():
        out.append(_warn("shipment.container", "shipment.container.missing",
                         "A seal is recorded on the container but not which container it is: enter the "
                         "container's identification as it is marked."))
    if insp.verdict is Verdict.CERTIFIED:
        if not ship.carrier.strip():
            out.append(_warn("shipment.carrier", "shipment.carrier.missing",
                             "The shipment is certified for export but its carrier is not recorded: enter the "
                             "airline or courier."))
        if not ship.airway_bill.strip():
            out.append(_warn("shipment.airway_bill", "shipment.airway_bill.missing",
                             "The shipment is certified for export but its air waybill is not recorded: enter its "
                             "number, which ties the certificate to the consignment."))
    return out


def check_signing_delay(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """Signing long after the container was sealed: a warning, judged only when the signing time is known.

    A signed inspection judged in the field is skipped: its signing time is its report's, not the context's clock.
    """
    sealed = insp.container_sealed_at()
    if ctx.signing_at is None or insp.status is Status.SIGNED or not sealed:
        return []
    apart = after(ctx.signing_at, sealed)
    if apart is None or apart <= timedelta(hours=ctx.sealing_to_signing_hours):
        return []
    index = next((i for i, seal in enumerate(insp.seals) if seal.parcel is None and seal.applied_at == sealed), None)
    hours = math.ceil(apart.total_seconds() / 3600)
    return [_warn(f"seals[{index}].applied_at" if index is not None else "seals", "signing.after_sealing",
                  f"Signing on {show_moment(ctx.signing_at)} is {_hours_text(hours)} after the container was sealed "
                  f"({show_moment(sealed)}): a shipment is certified before it leaves, within "
                  f"{_hours_text(ctx.sealing_to_signing_hours)} of its sealing; say why this one was not.")]


# --- production and valuation --------------------------------------------------------------------


def _period_start(period: str) -> date | None:
    first = period.split("/")[0]
    try:
        return date.fromisoformat(first if len(first) == 10 else first + "-01")
    except ValueError:
        return None


def check_production(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """Where the goods were produced: a period not after the inspection, an operator cleared for export."""
    prod = insp.production
    origin = insp.certificate.origin
    out: list[Problem] = []
    day = _inspection_date(insp)
    start = _period_start(prod.period) if prod.period else None
    if day and start and start > day:
        out.append(_warn("production.period", "production.period.future",
                         f"The production period {prod.period} begins after the inspection on {day}: goods are "
                         "inspected after they are produced."))
    if origin and origin != MIXED and ctx.reference.lists_operations(origin):
        out += _check_operator(insp, ctx)
    return out


def _clearances(operations: list[Operation]) -> str:
    return " and ".join(f"from {op.cleared_from} to {op.cleared_until}" if op.cleared_until
                        else f"from {op.cleared_from} on" for op in operations)


def _check_operator(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """The producing operator (and its mine, when the list names one) on headquarters' list, cleared that day."""
    prod = insp.production
    ref = ctx.reference
    origin = insp.certificate.origin
    listed = (f"headquarters' list of operations cleared for export in {ref.country_name(origin) or origin} "
              f"(compiled {ref.compiled_on.get(OPERATORS_FILE, 'on an unknown date')})")
    if not prod.operator.strip():
        return [_warn("production.operator", "production.operator.missing",
                      f"Enter the operator that produced the goods: {listed} is checked against it.")]
    operations = ref.operations_of(origin, prod.operator)
    if not operations:
        return [_warn("production.operator", "production.operator.unlisted",
                      f"{prod.operator} is not on {listed}: check the name, or say how its exports were cleared.")]
    at_mine = [op for op in operations if op.at_mine(prod.mine)]
    if not at_mine:
        mines = ", ".join(sorted({op.mine for op in operations}))
        return [_warn("production.mine", "production.mine.unlisted",
                      f"{prod.operator} is on {listed} for {mines} only"
                      + (f", not for {prod.mine}." if prod.mine.strip() else ": enter the mine the goods come from."))]
    day = _inspection_date(insp)
    if day is None or any(op.covers(day) for op in at_mine):
        return []
    # An error for a certified shipment; a warning when it is refused or held, so the report saying so is signed.
    make = _err if insp.verdict is Verdict.CERTIFIED else _warn
    return [make("production.operator", "production.operator.not_cleared",
                 f"{prod.operator} is on {listed}, cleared for export {_clearances(at_mine)}, which does not cover "
                 f"the inspection on {day}.")]


def check_valuation(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """The valuator's figure against the declared value, and the assortment against the certificate's carats."""
    valn = insp.valuation
    cert = insp.certificate
    out: list[Problem] = []
    if valn.value_usd is not None and cert.value_usd:
        diff = valn.value_usd - cert.value_usd
        # Judged on the percentage the sentence shows, so a warning never quotes one within the tolerance.
        pct = (Decimal(abs(diff)) * 100 / cert.value_usd).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if pct > ctx.valuation_tolerance_pct:
            out.append(_warn("valuation.value_usd", "valuation.value.differs",
                             f"The valuator's figure, {format_usd(valn.value_usd)}, is {pct:f} % "
                             f"{'above' if diff > 0 else 'below'} the declared value of {format_usd(cert.value_usd)} "
                             f"(tolerance {ctx.valuation_tolerance_pct:f} %): say which is right and why they "
                             "differ."))
    lots = _sum([lot.carats for lot in valn.assortment])
    if valn.assortment and lots is not None and cert.carats is not None and lots != cert.carats:
        out.append(_warn("valuation.assortment", "valuation.assortment.carats",
                         f"The valuator's assortment adds up to {format_carats(lots)}; the certificate states "
                         f"{format_carats(cert.carats)}."))
    return out


# --- people present and documents received --------------------------------------------------------


def check_people_and_documents(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """Everybody present named; each document received is something, and its photo is one of the inspection's."""
    out = [_err(f"present[{i}].name", "present.name.missing",
                f"Person {i + 1} present ({person.role or person.organisation or 'no role given'}) has no name: "
                "enter it, or remove the line.")
           for i, person in enumerate(insp.present) if not person.name.strip()]
    attached = {photo.sha256.lower() for photo in insp.photos}
    for i, doc in enumerate(insp.documents):
        label = doc.title.strip() or doc.reference.strip()
        if not label:
            out.append(_err(f"documents[{i}].title", "document.title.missing",
                            f"Document {i + 1} received has neither a title nor a reference: say what it is, or "
                            "remove it."))
        if doc.photo and doc.photo.lower() not in attached:
            out.append(_warn(f"documents[{i}].photo", "document.photo.unattached",
                             f"Document {i + 1} ({label or 'untitled'}) names the photo {doc.photo[:12]}…, which is "
                             "not attached to this inspection: attach it, or clear the document's photo."))
    return out


# --- photos ------------------------------------------------------------------------------------


def _hours_text(hours: int) -> str:
    if hours < 72:
        return f"{hours:,} hour{'s' if hours != 1 else ''}"
    return f"{-(-hours // 24):,} days"  # rounded up, as the hours are: never a number inside the span


def _photo_problem(i: int, photo: PhotoRef, insp: Inspection, ctx: RuleContext) -> Problem | None:
    """Photo ``i`` when its EXIF time or position contradicts the inspection's (None when it does not, or
    neither can be told)."""
    gps = (photo.gps_lat, photo.gps_lon) if photo.gps_lat is not None and photo.gps_lon is not None else None
    km = None
    if gps is not None and insp.site_lat is not None and insp.site_lon is not None:
        km = distance_km(insp.site_lat, insp.site_lon, *gps)
    apart = after(photo.taken_at, insp.inspected_at)
    hours = math.ceil(abs(apart).total_seconds() / 3600) if apart is not None else None
    # Judged on the figures the sentence shows, so that a warning never quotes a value inside its limit.
    far = km is not None and Decimal(str(round(km, 1))) > ctx.photo_distance_km
    off = apart is not None and abs(apart) > timedelta(hours=ctx.photo_span_hours)
    if not (far or off):
        return None
    when = f"on {show_moment(photo.taken_at)}" if photo.taken_at else "at an unknown time"
    where = f"at {show_place(*gps)}" if gps is not None else "at an unknown place"
    facts = []
    if km is not None:
        facts.append(f"{show_km(km)} from the site")
    elif gps is not None:
        facts.append("the site's position is not recorded")
    if apart is not None and hours is not None:
        facts.append(f"{_hours_text(hours)} {'before' if apart < timedelta(0) else 'after'} the inspection "
                     f"({show_moment(insp.inspected_at)})")
    name = photo.original_name or photo.sha256[:12]
    return _warn(f"photos[{i}]", "photo.out_of_place",
                 f"Photo {i + 1} ({name}) was taken {when} {where}, {' and '.join(facts)}: evidence of this "
                 f"inspection is taken within {_hours_text(ctx.photo_span_hours)} of it and "
                 f"{show_km(float(ctx.photo_distance_km))} of the site.")


def check_photos(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """Each photo whose EXIF time or position contradicts the inspection it is evidence of: a warning, so that a
    photo of another day or another place is never certified without the monitor saying why."""
    return [p for i, photo in enumerate(insp.photos) if (p := _photo_problem(i, photo, insp, ctx)) is not None]


# --- findings -----------------------------------------------------------------------------------


def check_findings(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """A finding says what was found: one without text is refused (an error), never signed as an empty line."""
    return [_err(f"findings[{i}].text", "finding.text.missing",
                 f"Finding {i + 1} ({finding.section or 'general'}) has no text: write what was found, or "
                 "remove the finding.")
            for i, finding in enumerate(insp.findings) if not finding.text.strip()]


# --- lengths ----------------------------------------------------------------------------------

# The longest text each field takes, in characters: what real documents hold, with room to spare (a
# company's registered name runs to a hundred characters, a postal address to three hundred, a KP
# certificate number to twenty). Past these a field is a payload, not a field: an 80,000-character
# exporter took 22 s to lay out in the PDF and 10 MB never finished. A longer text is an error, so it
# blocks signing; the document parser refuses whole documents over 5 MiB before this.
NUMBER_CHARS = 50  # a certificate or parcel number, a seal's type, a finding's section
NAME_CHARS = 200  # a name, an authority, a site, a place, a seal's manufacturer, who applied or witnessed
ADDRESS_CHARS = 500  # an address; a photo's caption
DESCRIPTION_CHARS = 2_000  # a parcel's description, a seal event's note, an acknowledgement's note
FINDING_CHARS = 10_000  # a finding: the monitor's own account, pages of it if need be


_TextField = tuple[str, str, str, int]  # path, what it is, its text, its limit


def _fields(path: str, what: str, record: object, spec: tuple[tuple[str, str, int], ...]) -> list[_TextField]:
    return [(f"{path}.{attr}", f"{what} {word}", getattr(record, attr), limit) for attr, word, limit in spec]


_PARTY = (("name", "name", NAME_CHARS), ("address", "address", ADDRESS_CHARS))
_PARCEL = (("number", "number", NUMBER_CHARS), ("description", "description", DESCRIPTION_CHARS))
_SEAL = (("type", "type", NUMBER_CHARS), ("manufacturer", "manufacturer", NAME_CHARS),
         ("applied_by", "“applied by”", NAME_CHARS), ("witness", "witness", NAME_CHARS),
         ("applied_place", "place", NAME_CHARS))
_EVENT = (("by", "“by”", NAME_CHARS), ("note", "note", DESCRIPTION_CHARS))
_FINDING = (("section", "section", NUMBER_CHARS), ("text", "text", FINDING_CHARS))
_LINE = (("hs_code", "HS code", NUMBER_CHARS),)
_VALIDATION = (("authority", "authority", NAME_CHARS), ("officer", "officer", NAME_CHARS),
               ("number", "number", NUMBER_CHARS))
_SHIPMENT = (("container", "container", NUMBER_CHARS), ("carrier", "carrier", NAME_CHARS),
             ("airway_bill", "air waybill", NUMBER_CHARS), ("export_declaration", "export declaration", NUMBER_CHARS),
             ("port_of_exit", "port of exit", NUMBER_CHARS))
_PRODUCTION = (("operator", "operator", NAME_CHARS), ("mine", "mine", NAME_CHARS),
               ("register", "register", ADDRESS_CHARS))
_VALUATION = (("valuator", "valuator", NAME_CHARS), ("organisation", "organisation", NAME_CHARS))
_LOT = (("sieve", "sieve", NUMBER_CHARS), ("colour", "colour", NUMBER_CHARS), ("quality", "quality", NUMBER_CHARS))
_PERSON = (("name", "name", NAME_CHARS), ("role", "role", NAME_CHARS), ("organisation", "organisation", NAME_CHARS))
_RECEIVED = (("title", "title", ADDRESS_CHARS), ("reference", "reference", NAME_CHARS))


def _text_fields(insp: Inspection) -> list[_TextField]:
    """Every free-text field of the inspection: ``(path, what it is, text, its limit)``."""
    cert = insp.certificate
    fields = _fields("certificate", "The certificate's", cert, (("number", "number", NUMBER_CHARS),
                                                                ("issuing_authority", "issuing authority", NAME_CHARS)))
    fields.append(("site", "The site", insp.site, NAME_CHARS))
    fields.append(("amend_reason", "The amendment's reason", insp.amend_reason, DESCRIPTION_CHARS))
    for role in ("exporter", "importer"):
        fields += _fields(f"certificate.{role}", f"The {role}'s", getattr(cert, role), _PARTY)
    for i, parcel in enumerate(insp.parcels):
        fields += _fields(f"parcels[{i}]", f"Parcel {i + 1}'s", parcel, _PARCEL)
    for i, seal in enumerate(insp.seals):
        fields += _fields(f"seals[{i}]", f"Seal {i + 1}'s", seal, _SEAL)
        for j, event in enumerate(seal.events):
            fields += _fields(f"seals[{i}].events[{j}]", f"Seal {i + 1}'s event {j + 1}:", event, _EVENT)
    for i, finding in enumerate(insp.findings):
        fields += _fields(f"findings[{i}]", f"Finding {i + 1}'s", finding, _FINDING)
    for i, photo in enumerate(insp.photos):
        fields += _fields(f"photos[{i}]", f"Photo {i + 1}'s", photo, (("caption", "caption", ADDRESS_CHARS),))
    for i, ack in enumerate(insp.acknowledgements):
        fields += _fields(f"acknowledgements[{i}]", f"Acknowledgement {i + 1}'s", ack,
                          (("note", "note", DESCRIPTION_CHARS),))
    return fields + _record_text_fields(insp)


def _record_text_fields(insp: Inspection) -> list[_TextField]:
    """The free text of the certificate's lines, the validation, shipment, production, valuation, people present and
    documents received."""
    fields: list[_TextField] = []
    for i, line in enumerate(insp.certificate.lines):
        fields += _fields(f"certificate.lines[{i}]", f"Certificate line {i + 1}'s", line, _LINE)
    fields += _fields("validation", "The validation's", insp.validation, _VALIDATION)
    fields += _fields("shipment", "The shipment's", insp.shipment, _SHIPMENT)
    fields += _fields("production", "The production's", insp.production, _PRODUCTION)
    fields += _fields("valuation", "The valuation's", insp.valuation, _VALUATION)
    for i, lot in enumerate(insp.valuation.assortment):
        fields += _fields(f"valuation.assortment[{i}]", f"Assortment lot {i + 1}'s", lot, _LOT)
    for i, person in enumerate(insp.present):
        fields += _fields(f"present[{i}]", f"Person present {i + 1}'s", person, _PERSON)
    for i, doc in enumerate(insp.documents):
        fields += _fields(f"documents[{i}]", f"Document {i + 1}'s", doc, _RECEIVED)
    return fields


def check_lengths(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """Every free-text field within its limit (``NAME_CHARS``…): an error naming the field and the limit."""
    return [_err(path, "text.too_long", f"{what} is {len(text):,} characters long; at most {limit:,} are allowed.")
            for path, what, text, limit in _text_fields(insp) if len(text) > limit]


# --- the inspection as a whole -----------------------------------------------------------------


def check_inspection_record(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    out: list[Problem] = []
    if not insp.site.strip():
        out.append(_err("site", "site.missing", "Enter where the inspection takes place."))
    if not insp.inspected_at:
        out.append(_err("inspected_at", "inspected_at.missing", "Enter when the inspection took place."))
    if insp.verdict is None:
        out.append(_err("verdict", "verdict.missing",
                        "Choose a verdict: certified for export, not certified, or held pending."))
    if insp.supersedes and not insp.amend_reason.strip():
        # The new report says why it replaces the signed one; an amendment begun before reasons were asked has none.
        out.append(_err("amend_reason", "amend_reason.missing",
                        "Say why this amendment corrects the signed report: amend that report again "
                        "(Amend…, or kpmonitor amend ID --reason TEXT) to give the reason."))
    return out


RULES: tuple[Callable[[Inspection, RuleContext], list[Problem]], ...] = (
    check_certificate,
    check_certificate_lines,
    check_parcels,
    check_seals,
    check_validation,
    check_shipment,
    check_signing_delay,
    check_production,
    check_valuation,
    check_people_and_documents,
    check_photos,
    check_findings,
    check_inspection_record,
    check_lengths,
)


def check(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """Every problem of the inspection, errors first, in field order within each severity."""
    problems = [p for rule in RULES for p in rule(insp, ctx)]
    return sorted(problems, key=lambda p: 0 if p.is_error else 1)
