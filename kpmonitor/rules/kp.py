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
from functools import partial

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
from kpmonitor.i18n import N_, _, catalogues_fingerprint, current_language, ngettext
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
        """What the rules' findings depend on besides the inspection: tolerances, every reference table and the
        translations they are said in (the compiled catalogues).

        Stored beside what was judged (the list's counts, headquarters' anomalies), so that a changed
        setting or table is noticed and everything is judged again once.
        """
        judged_by = (RULES_VERSION, self.tolerance_hundredths, str(self.tolerance_pct), self.eu_max_validity_days,
                     self.photo_span_hours, str(self.photo_distance_km), str(self.valuation_tolerance_pct),
                     self.sealing_to_signing_hours, self.reference.digest,
                     catalogues_fingerprint())  # headquarters stores the findings' sentences in every language
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
        out.append(_err("certificate.number", "cert.number.missing", _("Enter the KP certificate number.")))
    else:
        prefix = number[:2].upper()
        if not prefix.isalpha():
            out.append(_err("certificate.number", "cert.number.prefix",
                            _("The certificate number {number} must start with the two-letter code of the "
                              "issuing participant (ZW, BW, EU…).").format(number=number)))
        elif not ref.is_participant(prefix):
            out.append(_err("certificate.number", "cert.number.prefix",
                            _("The certificate number starts with {prefix}, which is not a Kimberley Process "
                              "participant.").format(prefix=prefix)))
        elif cert.provenance and cert.provenance != MIXED and prefix != cert.provenance:
            issuer = ref.participant_for_country(cert.provenance)
            if issuer is None or issuer.code != prefix:
                out.append(_warn("certificate.number", "cert.number.provenance",
                                 _("The certificate was issued by {prefix} but the country of provenance is "
                                   "{provenance}.").format(prefix=prefix, provenance=cert.provenance)))
    if not cert.issuing_authority.strip():
        out.append(_err("certificate.issuing_authority", "cert.authority.missing",
                        _("Enter the certificate's issuing authority.")))
    for role, name_missing, address_missing in (
            ("exporter", _("Enter the exporter's name."), _("Enter the exporter's address.")),
            ("importer", _("Enter the importer's name."), _("Enter the importer's address."))):
        party = getattr(cert, role)
        if not party.name.strip():
            out.append(_err(f"certificate.{role}.name", f"cert.{role}.missing", name_missing))
        if not party.address.strip():
            out.append(_err(f"certificate.{role}.address", f"cert.{role}.address", address_missing))
    out += _check_dates(insp, ctx)
    out += _check_countries(insp, ctx)
    out += _check_hs_codes(insp, ctx)
    if cert.carats is None:
        out.append(_err("certificate.carats", "cert.carats.missing", _("Enter the certificate's carat weight.")))
    elif cert.carats == 0:
        out.append(_err("certificate.carats", "cert.carats.zero", _("The certificate's carat weight cannot be 0.")))
    if cert.value_usd is None:
        out.append(_err("certificate.value_usd", "cert.value.missing", _("Enter the certificate's value in US$.")))
    if cert.parcel_count is None:
        out.append(_err("certificate.parcel_count", "cert.parcels.missing",
                        _("Enter the number of parcels on the certificate.")))
    return out


def _check_dates(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    cert = insp.certificate
    out: list[Problem] = []
    if cert.issued_on is None:
        out.append(_err("certificate.issued_on", "cert.issued.missing", _("Enter the certificate's date of issue.")))
    if cert.expires_on is None:
        out.append(_err("certificate.expires_on", "cert.expiry.missing",
                        _("Enter the certificate's date of expiry.")))
    if cert.issued_on and cert.expires_on:
        if cert.expires_on <= cert.issued_on:
            out.append(_err("certificate.expires_on", "cert.expiry.order",
                            _("The certificate expires ({expires}) on or before it was issued "
                              "({issued}).").format(expires=cert.expires_on, issued=cert.issued_on)))
        elif (cert.number[:2].upper() == "EU"
              and (cert.expires_on - cert.issued_on).days > ctx.eu_max_validity_days):
            out.append(_warn("certificate.expires_on", "cert.expiry.eu",
                             _("EU certificates are valid for at most two months; this one runs "
                               "{days} days.").format(days=(cert.expires_on - cert.issued_on).days)))
    moment = _inspection_date(insp)
    if moment and cert.expires_on and moment > cert.expires_on:
        # An error, since no shipment travels under an expired certificate; acceptable, since the monitor cannot
        # mend it, only judge it (an extension in writing from the authority): the reason, recorded as an
        # acknowledgement's note, goes into the report with who accepted it and when.
        out.append(Problem(Severity.ERROR, "certificate.expires_on", "cert.expired",
                           _("The certificate expired on {expired}, before the inspection on {inspected}: "
                             "it cannot cover the shipment unless you record why it is accepted (acknowledge it "
                             "with the reason).").format(expired=cert.expires_on, inspected=moment),
                           acceptable=True))
    if moment and cert.issued_on and moment < cert.issued_on:
        out.append(_warn("certificate.issued_on", "cert.not_yet_issued",
                         _("The inspection on {inspected} is before the certificate's issue date "
                           "{issued}.").format(inspected=moment, issued=cert.issued_on)))
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
                        _("Enter the country of origin, or “mixed”.")))
    elif cert.origin != MIXED and ref.country_name(cert.origin) is None:
        out.append(_err("certificate.origin", "cert.origin.unknown",
                        _("{code} is not a country code.").format(code=cert.origin)))
    sentences = {
        "provenance": (_("Enter the country of provenance."), _("The country of provenance cannot be “mixed”."),
                       _("The country of provenance {country} is not a Kimberley Process participant: rough "
                         "diamonds may not be traded with it.")),
        "destination": (_("Enter the destination."), _("The destination cannot be “mixed”."),
                        _("The destination {country} is not a Kimberley Process participant: rough "
                          "diamonds may not be traded with it.")),
    }
    for key, (missing, mixed, outside) in sentences.items():
        code = getattr(cert, key)
        if not code:
            out.append(_err(f"certificate.{key}", f"cert.{key}.missing", missing))
        elif code == MIXED:
            out.append(_err(f"certificate.{key}", f"cert.{key}.mixed", mixed))
        elif ref.participant_for_country(code) is None:
            name = ref.country_name(code, current_language())  # CLDR's name in the sentence's language
            out.append(_err(f"certificate.{key}", f"cert.{key}.participant", outside.format(country=name or code)))
    return out


# KPCS Section I: rough diamonds are "unworked or simply sawn, cleaved or bruted" under these three codes.
_ROUGH_HS = ("7102.10", "7102.21", "7102.31")


def _check_hs_code(code: str, path: str, ctx: RuleContext) -> list[Problem]:
    hs = ctx.reference.hs_codes.get(code)
    if not code:
        return [_err(path, "hs.missing", _("Choose the HS code."))]
    if hs is None:
        digits = "".join(c for c in code if c.isdigit())
        # A national tariff line (7102.31.00, 71023100) is the KP's code with more digits: the goods are covered.
        within = next((rough for rough in _ROUGH_HS if digits.startswith(rough.replace(".", ""))), None)
        if within and len(digits) >= 6:
            what = (_("HS {code}") if len(digits) == 6 else _("a national subdivision of HS {code}")).format(
                code=within)
            return [_err(path, "hs.unknown",
                         _("{code} is {what}, which the Kimberley Process covers: a KP certificate names the "
                           "six-digit code, so write {rough}.").format(code=code, what=what, rough=within))]
        return [_err(path, "hs.unknown",
                     _("{code} is not one of the HS codes of the Kimberley Process, which covers rough diamonds "
                       "(unsorted, unworked or simply sawn, cleaved or bruted) under 7102.10, 7102.21 and 7102.31: "
                       "write the certificate's code as one of them.").format(code=code))]
    if not hs.in_scheme:
        return [_err(path, "hs.outside", _("HS {code} is outside the Kimberley Process: {reason}").format(
            code=code, reason=hs.reason))]
    return []


def _check_hs_codes(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    codes = insp.certificate.hs_codes
    if not codes:
        return [_err("certificate.hs_codes", "hs.missing", _("Enter at least one HS code."))]
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
                        _("{declared}; {recorded}.").format(
                            declared=ngettext("The certificate declares {count} parcel",
                                              "The certificate declares {count} parcels",
                                              cert.parcel_count).format(count=cert.parcel_count),
                            recorded=ngettext("{count} is recorded", "{count} are recorded",
                                              len(parcels)).format(count=len(parcels)))))
    counts = Counter(p.number for p in parcels)
    for i, p in enumerate(parcels):
        path = f"parcels[{i}]"
        if not p.number:
            out.append(_err(f"{path}.number", "parcel.number.missing", _("Parcel {number} needs a number.").format(
                number=i + 1)))
        elif counts[p.number] > 1:
            out.append(_err(f"{path}.number", "parcel.number.duplicate",
                            _("Parcel number {number} is used more than once.").format(number=p.number)))
        number = p.number or str(i + 1)
        label = _("Parcel {number}").format(number=number)
        out += _check_hs_code(p.hs_code, f"{path}.hs_code", ctx)
        if p.hs_code and cert.hs_codes and p.hs_code not in cert.hs_codes:
            out.append(_err(f"{path}.hs_code", "parcel.hs.not_on_certificate",
                            _("Parcel {number} is HS {code}, which is not on the certificate "
                              "({codes}).").format(number=number, code=p.hs_code, codes=", ".join(cert.hs_codes))))
        if p.declared_carats is None:
            out.append(_err(f"{path}.declared_carats", "parcel.declared.missing",
                            _("Enter the declared carats of parcel {number}.").format(number=number)))
        if p.declared_value_usd is None:
            out.append(_err(f"{path}.declared_value_usd", "parcel.value.missing",
                            _("Enter the declared value of parcel {number}.").format(number=number)))
        if p.weighed_carats is None:
            out.append(_warn(f"{path}.weighed_carats", "parcel.not_weighed",
                             _("Parcel {number} has not been weighed.").format(number=number)))
        diff = p.difference
        if diff is not None and p.declared_carats is not None:
            allowed = max(ctx.tolerance_hundredths,
                          int(Decimal(p.declared_carats) * ctx.tolerance_pct / 100))
            if abs(diff) > allowed:
                out.append(_warn(f"{path}.weighed_carats", "parcel.weight.tolerance",
                                 _("Parcel {number} weighs {weighed} against {declared} declared "
                                   "({difference} ct, tolerance {tolerance} ct).").format(
                                     number=number, weighed=format_carats(p.weighed_carats or 0),
                                     declared=format_carats(p.declared_carats), difference=signed(diff),
                                     tolerance=grouped(allowed))))
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
                            _("The parcels add up to {total}; the certificate states {stated}.").format(
                                total=format_carats(total), stated=format_carats(cert.carats))))
    if all(p.declared_value_usd is not None for p in insp.parcels) and cert.value_usd is not None:
        total = sum(p.declared_value_usd or 0 for p in insp.parcels)
        if total != cert.value_usd:
            out.append(_err("certificate.value_usd", "totals.value",
                            _("The parcels add up to {total}; the certificate states {stated}.").format(
                                total=format_usd(total), stated=format_usd(cert.value_usd))))
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
    where = _("mixed goods") if origin == MIXED else (ctx.reference.country_name(origin, current_language()) or origin)
    return [_warn(path, "value.per_carat",
                  _("{what} is valued at US$ {value}/ct; the usual range for HS {code} from {where} is "
                    "US$ {low}–{high}/ct ({source}, {year}).").format(
                      what=label, value=amount_text(per_ct), code=hs_code, where=where, low=f"{band.low:,}",
                      high=f"{band.high:,}", source=ctx.reference.band_source(band, current_language()),
                      year=band.year))]


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
                      _("The certificate lists {count} HS codes ({codes}) but no lines: it gives the "
                        "carats and value of each code, so enter them, to check the parcels of each code against "
                        "them.").format(count=len(codes), codes=", ".join(codes)))]
    out: list[Problem] = []
    counts = Counter(line.hs_code for line in cert.lines)
    for i, line in enumerate(cert.lines):
        path = f"certificate.lines[{i}]"
        out += _check_hs_code(line.hs_code, f"{path}.hs_code", ctx)
        if line.hs_code and counts[line.hs_code] > 1:
            out.append(_err(f"{path}.hs_code", "line.hs.duplicate",
                            _("HS {code} has more than one line: the certificate gives one line per "
                              "code.").format(code=line.hs_code)))
        elif line.hs_code and cert.hs_codes and line.hs_code not in cert.hs_codes:
            out.append(_err(f"{path}.hs_code", "line.hs.not_on_certificate",
                            _("Line {number} is for HS {code}, which is not among the certificate's HS codes "
                              "({codes}).").format(number=i + 1, code=line.hs_code, codes=", ".join(cert.hs_codes))))
        if line.carats is None:
            out.append(_err(f"{path}.carats", "line.carats.missing",
                            _("Enter the carats of line {number} (HS {code}).").format(
                                number=i + 1, code=line.hs_code or _("not given"))))
        if line.value_usd is None:
            out.append(_err(f"{path}.value_usd", "line.value.missing",
                            _("Enter the value of line {number} (HS {code}).").format(
                                number=i + 1, code=line.hs_code or _("not given"))))
    carats, value = _sum([line.carats for line in cert.lines]), _sum([line.value_usd for line in cert.lines])
    if carats is not None and cert.carats is not None and carats != cert.carats:
        out.append(_err("certificate.lines", "lines.carats",
                        _("The certificate's lines add up to {total}; its carat weight is {stated}.").format(
                            total=format_carats(carats), stated=format_carats(cert.carats))))
    if value is not None and cert.value_usd is not None and value != cert.value_usd:
        out.append(_err("certificate.lines", "lines.value",
                        _("The certificate's lines add up to {total}; its value is {stated}.").format(
                            total=format_usd(value), stated=format_usd(cert.value_usd))))
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
        named = ngettext("parcel {numbers}", "parcels {numbers}", len(parcels)).format(numbers=numbers)
        if code not in lines:
            out.append(_err("certificate.lines", "line.missing",
                            _("No line of the certificate is for HS {code}, the code of {parcels}: enter the "
                              "certificate's line for it.").format(code=code, parcels=named)))
            continue
        i, line_carats, line_value = lines[code]
        carats = _sum([p.declared_carats for p in parcels])
        if carats is not None and line_carats is not None and carats != line_carats:
            out.append(_err(f"certificate.lines[{i}].carats", "line.carats.parcels",
                            _("The parcels of HS {code} ({numbers}) add up to {total}; the "
                              "certificate's line states {stated}.").format(
                                code=code, numbers=numbers, total=format_carats(carats),
                                stated=format_carats(line_carats))))
        value = _sum([p.declared_value_usd for p in parcels])
        if value is not None and line_value is not None and value != line_value:
            out.append(_err(f"certificate.lines[{i}].value_usd", "line.value.parcels",
                            _("The parcels of HS {code} ({numbers}) add up to {total}; the "
                              "certificate's line states {stated}.").format(
                                code=code, numbers=numbers, total=format_usd(value), stated=format_usd(line_value))))
    if insp.parcels:
        for code, (i, line_carats, _value) in lines.items():
            if code not in by_code and line_carats:
                out.append(_err(f"certificate.lines[{i}].carats", "line.carats.parcels",
                                _("No parcel is of HS {code}, for which the certificate's line states "
                                  "{stated}.").format(code=code, stated=format_carats(line_carats))))
    return out


# --- seals -------------------------------------------------------------------------------------


def seal_number_problem(number: str) -> str | None:
    """The sentence for a malformed seal number, or None when it is well-formed."""
    n = normalise_seal_number(number)
    if not n:
        return _("Enter the seal number.")
    if len(n) > 35:
        return _("Seal number {number}… is {length} characters long; at most {limit} are allowed.").format(
            number=n[:12], length=len(n), limit=35)
    if not SEAL_NUMBER_RE.match(n):
        bad = sorted({c for c in n if not (c.isascii() and (c.isalnum() or c in "-/"))})
        return _("Seal number {number} contains {characters}: only letters, digits, "
                 "“-” and “/” are allowed.").format(number=n, characters=" ".join(repr(c) for c in bad))
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
                            _("Seal {number} is recorded more than once in this inspection.").format(number=number)))
        reused = ctx.seal_used_elsewhere(number)
        if reused:
            out.append(_err(f"{path}.number", "seal.number.reused", reused))
        if seal.iso_class not in ISO_CLASSES:
            out.append(_err(f"{path}.iso_class", "seal.class",
                            _("Seal {number}: the ISO 17712 class must be I, S or H.").format(number=number)))
        if not seal.applied_by.strip():
            out.append(_warn(f"{path}.applied_by", "seal.applied_by.missing",
                             _("Seal {number}: who applied it is not recorded (“Applied by” is empty).").format(
                                 number=number)))
        if not seal.witness.strip():
            out.append(_warn(f"{path}.witness", "seal.witness.missing",
                             _("Seal {number}: no witness to its application is recorded (“Witness” is "
                               "empty).").format(number=number)))
        if seal.parcel is not None and seal.parcel not in parcel_numbers:
            out.append(_err(f"{path}.parcel", "seal.parcel.unknown",
                            _("Seal {number} is on parcel {parcel}, which is not recorded.").format(
                                number=number, parcel=seal.parcel)))
        for j, event in enumerate(seal.events):
            what = _seal_events().get(event.kind.value)
            if what is not None:
                sentence = (_("Seal {number}: {event} — {note}.") if event.note else _("Seal {number}: {event}."))
                out.append(_warn(f"{path}.events[{j}]", f"seal.event.{event.kind.value}",
                                 sentence.format(number=number, event=what, note=event.note)))
    if insp.parcels and not any(s.parcel is None for s in insp.seals):
        out.append(_warn("seals", "seal.container.none", _("No seal is recorded on the container.")))
    return out


def _seal_events() -> dict[str, str]:
    """The events of a seal that are a problem, as the sentence names them."""
    return {"broken": _("broken"), "number_mismatch": _("number mismatch"), "missing": _("missing")}


# --- validation, shipment and signing -----------------------------------------------------------


def _validation_needed() -> tuple[tuple[str, str], ...]:
    return (("authority", _("the validating authority")), ("number", _("the validation's number")),
            ("at", _("when it was validated")))


def check_validation(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """The exporting authority's validation: recorded for a certified shipment, and not before the sealing."""
    val = insp.validation
    out: list[Problem] = []
    if insp.verdict is Verdict.CERTIFIED:
        out += [_err(f"validation.{attr}", f"validation.{attr}.missing",
                     _("A shipment certified for export carries the exporting authority's validation (KPCS Annex "
                       "I): enter {what}.").format(what=what))
                for attr, what in _validation_needed() if not getattr(val, attr).strip()]
    sealed = insp.container_sealed_at()
    apart = after(val.at, sealed) if val.at and sealed else None
    if apart is not None and apart < timedelta(0):
        # An error for a certified shipment; a warning when it is refused or held, so the report saying so is signed.
        make = _err if insp.verdict is Verdict.CERTIFIED else _warn
        out.append(make("validation.at", "validation.before_sealing",
                        _("The certificate was validated on {validated}, before the container was sealed "
                          "on {sealed}: a certificate is validated only once the contents are verified "
                          "and the container sealed (EU regulation 2368/2002, Art. 12(2)).").format(
                            validated=show_moment(val.at), sealed=show_moment(sealed))))
    return out


def check_shipment(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """What identifies the consignment: the sealed container, and for a certified shipment its carrier and waybill."""
    ship = insp.shipment
    out: list[Problem] = []
    if insp.container_seals() and not ship.container.strip():
        out.append(_warn("shipment.container", "shipment.container.missing",
                         _("A seal is recorded on the container but not which container it is: enter the "
                           "container's identification as it is marked.")))
    if insp.verdict is Verdict.CERTIFIED:
        if not ship.carrier.strip():
            out.append(_warn("shipment.carrier", "shipment.carrier.missing",
                             _("The shipment is certified for export but its carrier is not recorded: enter the "
                               "airline or courier.")))
        if not ship.airway_bill.strip():
            out.append(_warn("shipment.airway_bill", "shipment.airway_bill.missing",
                             _("The shipment is certified for export but its air waybill is not recorded: enter "
                               "its number, which ties the certificate to the consignment.")))
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
                  _("Signing on {signing} is {delay} after the container was sealed "
                    "({sealed}): a shipment is certified before it leaves, within "
                    "{span} of its sealing; say why this one was not.").format(
                      signing=show_moment(ctx.signing_at), delay=_hours_text(hours), sealed=show_moment(sealed),
                      span=_hours_text(ctx.sealing_to_signing_hours)))]


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
                         _("The production period {period} begins after the inspection on {inspected}: goods are "
                           "inspected after they are produced.").format(period=prod.period, inspected=day)))
    if origin and origin != MIXED and ctx.reference.lists_operations(origin):
        out += _check_operator(insp, ctx)
    return out


def _clearances(operations: list[Operation]) -> str:
    spans = [_("from {start} to {end}").format(start=op.cleared_from, end=op.cleared_until) if op.cleared_until
             else _("from {start} on").format(start=op.cleared_from) for op in operations]
    return _and(spans)


def _and(items: list[str]) -> str:
    """``a and b and c``, in the current language."""
    text = items[0] if items else ""
    for item in items[1:]:
        text = _("{first} and {second}").format(first=text, second=item)
    return text


def _check_operator(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """The producing operator (and its mine, when the list names one) on headquarters' list, cleared that day."""
    prod = insp.production
    ref = ctx.reference
    origin = insp.certificate.origin
    compiled = ref.compiled_on.get(OPERATORS_FILE)
    listed = (_("headquarters' list of operations cleared for export in {country} (compiled {date})")
              if compiled else _("headquarters' list of operations cleared for export in {country} "
                                 "(compiled on an unknown date)")).format(
        country=ref.country_name(origin, current_language()) or origin, date=compiled)
    if not prod.operator.strip():
        return [_warn("production.operator", "production.operator.missing",
                      _("Enter the operator that produced the goods: {list} is checked against it.").format(
                          list=listed))]
    operations = ref.operations_of(origin, prod.operator)
    if not operations:
        return [_warn("production.operator", "production.operator.unlisted",
                      _("{operator} is not on {list}: check the name, or say how its exports were "
                        "cleared.").format(operator=prod.operator, list=listed))]
    at_mine = [op for op in operations if op.at_mine(prod.mine)]
    if not at_mine:
        mines = ", ".join(sorted({op.mine for op in operations}))
        return [_warn("production.mine", "production.mine.unlisted",
                      (_("{operator} is on {list} for {mines} only, not for {mine}.") if prod.mine.strip()
                       else _("{operator} is on {list} for {mines} only: enter the mine the goods come from.")).format(
                          operator=prod.operator, list=listed, mines=mines, mine=prod.mine))]
    day = _inspection_date(insp)
    if day is None or any(op.covers(day) for op in at_mine):
        return []
    # An error for a certified shipment; a warning when it is refused or held, so the report saying so is signed.
    make = _err if insp.verdict is Verdict.CERTIFIED else _warn
    return [make("production.operator", "production.operator.not_cleared",
                 _("{operator} is on {list}, cleared for export {clearances}, which does not cover "
                   "the inspection on {inspected}.").format(operator=prod.operator, list=listed,
                                                            clearances=_clearances(at_mine), inspected=day))]


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
                             (_("The valuator's figure, {figure}, is {percent} % above the declared value of "
                                "{declared} (tolerance {tolerance} %): say which is right and why they differ.")
                              if diff > 0 else
                              _("The valuator's figure, {figure}, is {percent} % below the declared value of "
                                "{declared} (tolerance {tolerance} %): say which is right and why they differ.")
                              ).format(figure=format_usd(valn.value_usd), percent=f"{pct:f}",
                                       declared=format_usd(cert.value_usd),
                                       tolerance=f"{ctx.valuation_tolerance_pct:f}")))
    lots = _sum([lot.carats for lot in valn.assortment])
    if valn.assortment and lots is not None and cert.carats is not None and lots != cert.carats:
        out.append(_warn("valuation.assortment", "valuation.assortment.carats",
                         _("The valuator's assortment adds up to {total}; the certificate states {stated}.").format(
                             total=format_carats(lots), stated=format_carats(cert.carats))))
    return out


# --- people present and documents received --------------------------------------------------------


def check_people_and_documents(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """Everybody present named; each document received is something, and its photo is one of the inspection's."""
    out = [_err(f"present[{i}].name", "present.name.missing",
                _("Person {number} present ({role}) has no name: enter it, or remove the line.").format(
                    number=i + 1, role=person.role or person.organisation or _("no role given")))
           for i, person in enumerate(insp.present) if not person.name.strip()]
    attached = {photo.sha256.lower() for photo in insp.photos}
    for i, doc in enumerate(insp.documents):
        label = doc.title.strip() or doc.reference.strip()
        if not label:
            out.append(_err(f"documents[{i}].title", "document.title.missing",
                            _("Document {number} received has neither a title nor a reference: say what it is, or "
                              "remove it.").format(number=i + 1)))
        if doc.photo and doc.photo.lower() not in attached:
            out.append(_warn(f"documents[{i}].photo", "document.photo.unattached",
                             _("Document {number} ({title}) names the photo {photo}…, which is "
                               "not attached to this inspection: attach it, or clear the document's photo.").format(
                                 number=i + 1, title=label or _("untitled"), photo=doc.photo[:12])))
    return out


# --- photos ------------------------------------------------------------------------------------


def _hours_text(hours: int) -> str:
    if hours < 72:
        return ngettext("{count} hour", "{count} hours", hours).format(count=f"{hours:,}")
    days = -(-hours // 24)  # rounded up, as the hours are: never a number inside the span
    return ngettext("{count} day", "{count} days", days).format(count=f"{days:,}")


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
    when = (_("on {moment}").format(moment=show_moment(photo.taken_at)) if photo.taken_at
            else _("at an unknown time"))
    where = _("at {place}").format(place=show_place(*gps)) if gps is not None else _("at an unknown place")
    facts = []
    if km is not None:
        facts.append(_("{distance} from the site").format(distance=show_km(km)))
    elif gps is not None:
        facts.append(_("the site's position is not recorded"))
    if apart is not None and hours is not None:
        fact = (_("{span} before the inspection ({moment})") if apart < timedelta(0)
                else _("{span} after the inspection ({moment})"))
        facts.append(fact.format(span=_hours_text(hours), moment=show_moment(insp.inspected_at)))
    name = photo.original_name or photo.sha256[:12]
    return _warn(f"photos[{i}]", "photo.out_of_place",
                 _("Photo {number} ({name}) was taken {when} {where}, {facts}: evidence of this "
                   "inspection is taken within {span} of it and {distance} of the site.").format(
                     number=i + 1, name=name, when=when, where=where, facts=_and(facts),
                     span=_hours_text(ctx.photo_span_hours), distance=show_km(float(ctx.photo_distance_km))))


def check_photos(insp: Inspection, ctx: RuleContext) -> list[Problem]:
    """Each photo whose EXIF time or position contradicts the inspection it is evidence of: a warning, so that a
    photo of another day or another place is never certified without the monitor saying why."""
    return [p for i, photo in enumerate(insp.photos) if (p := _photo_problem(i, photo, insp, ctx)) is not None]


# --- findings -----------------------------------------------------------------------------------


def check_findings(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """A finding says what was found: one without text is refused (an error), never signed as an empty line."""
    return [_err(f"findings[{i}].text", "finding.text.missing",
                 _("Finding {number} ({section}) has no text: write what was found, or "
                   "remove the finding.").format(number=i + 1, section=finding.section or _("general")))
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


_TextField = tuple[str, Callable[[], str], str, int]  # path, what it is (in the current language), its text, limit


def _what(owner: str, numbers: dict[str, int], word: str) -> str:
    """``The certificate's number``, ``Parcel 2's description``, in the current language."""
    return _("{owner} {field}").format(owner=_(owner).format(**numbers), field=_(word))


def _fields(path: str, owner: str, record: object, spec: tuple[tuple[str, str, int], ...],
            **numbers: int) -> list[_TextField]:
    return [(f"{path}.{attr}", partial(_what, owner, numbers, word), getattr(record, attr), limit)
            for attr, word, limit in spec]


_PARTY = (("name", N_("name"), NAME_CHARS), ("address", N_("address"), ADDRESS_CHARS))
_PARCEL = (("number", N_("number"), NUMBER_CHARS), ("description", N_("description"), DESCRIPTION_CHARS))
_SEAL = (("type", N_("type"), NUMBER_CHARS), ("manufacturer", N_("manufacturer"), NAME_CHARS),
         ("applied_by", N_("“applied by”"), NAME_CHARS), ("witness", N_("witness"), NAME_CHARS),
         ("applied_place", N_("place"), NAME_CHARS))
_EVENT = (("by", N_("“by”"), NAME_CHARS), ("note", N_("note"), DESCRIPTION_CHARS))
_FINDING = (("section", N_("section"), NUMBER_CHARS), ("text", N_("text"), FINDING_CHARS))
_LINE = (("hs_code", N_("HS code"), NUMBER_CHARS),)
_VALIDATION = (("authority", N_("authority"), NAME_CHARS), ("officer", N_("officer"), NAME_CHARS),
               ("number", N_("number"), NUMBER_CHARS))
_SHIPMENT = (("container", N_("container"), NUMBER_CHARS), ("carrier", N_("carrier"), NAME_CHARS),
             ("airway_bill", N_("air waybill"), NUMBER_CHARS),
             ("export_declaration", N_("export declaration"), NUMBER_CHARS),
             ("port_of_exit", N_("port of exit"), NUMBER_CHARS))
_PRODUCTION = (("operator", N_("operator"), NAME_CHARS), ("mine", N_("mine"), NAME_CHARS),
               ("register", N_("register"), ADDRESS_CHARS))
_VALUATION = (("valuator", N_("valuator"), NAME_CHARS), ("organisation", N_("organisation"), NAME_CHARS))
_LOT = (("sieve", N_("sieve"), NUMBER_CHARS), ("colour", N_("colour"), NUMBER_CHARS),
        ("quality", N_("quality"), NUMBER_CHARS))
_PERSON = (("name", N_("name"), NAME_CHARS), ("role", N_("role"), NAME_CHARS),
           ("organisation", N_("organisation"), NAME_CHARS))
_RECEIVED = (("title", N_("title"), ADDRESS_CHARS), ("reference", N_("reference"), NAME_CHARS))
_ROLES = {"exporter": N_("The exporter's"), "importer": N_("The importer's")}


def _whole(what: str) -> Callable[[], str]:
    return partial(_, what)


def _text_fields(insp: Inspection) -> list[_TextField]:
    """Every free-text field of the inspection: ``(path, what it is, text, its limit)``."""
    cert = insp.certificate
    fields = _fields("certificate", N_("The certificate's"), cert, (
        ("number", N_("number"), NUMBER_CHARS), ("issuing_authority", N_("issuing authority"), NAME_CHARS)))
    fields.append(("site", _whole(N_("The site")), insp.site, NAME_CHARS))
    fields.append(("amend_reason", _whole(N_("The amendment's reason")), insp.amend_reason, DESCRIPTION_CHARS))
    for role, owner in _ROLES.items():
        fields += _fields(f"certificate.{role}", owner, getattr(cert, role), _PARTY)
    for i, parcel in enumerate(insp.parcels):
        fields += _fields(f"parcels[{i}]", N_("Parcel {number}'s"), parcel, _PARCEL, number=i + 1)
    for i, seal in enumerate(insp.seals):
        fields += _fields(f"seals[{i}]", N_("Seal {number}'s"), seal, _SEAL, number=i + 1)
        for j, event in enumerate(seal.events):
            fields += _fields(f"seals[{i}].events[{j}]", N_("Seal {seal}'s event {event}:"), event, _EVENT,
                              seal=i + 1, event=j + 1)
    for i, finding in enumerate(insp.findings):
        fields += _fields(f"findings[{i}]", N_("Finding {number}'s"), finding, _FINDING, number=i + 1)
    for i, photo in enumerate(insp.photos):
        fields += _fields(f"photos[{i}]", N_("Photo {number}'s"), photo, (("caption", N_("caption"), ADDRESS_CHARS),),
                          number=i + 1)
    for i, ack in enumerate(insp.acknowledgements):
        fields += _fields(f"acknowledgements[{i}]", N_("Acknowledgement {number}'s"), ack,
                          (("note", N_("note"), DESCRIPTION_CHARS),), number=i + 1)
    return fields + _record_text_fields(insp)


def _record_text_fields(insp: Inspection) -> list[_TextField]:
    """The free text of the certificate's lines, the validation, shipment, production, valuation, people present and
    documents received."""
    fields: list[_TextField] = []
    for i, line in enumerate(insp.certificate.lines):
        fields += _fields(f"certificate.lines[{i}]", N_("Certificate line {number}'s"), line, _LINE, number=i + 1)
    fields += _fields("validation", N_("The validation's"), insp.validation, _VALIDATION)
    fields += _fields("shipment", N_("The shipment's"), insp.shipment, _SHIPMENT)
    fields += _fields("production", N_("The production's"), insp.production, _PRODUCTION)
    fields += _fields("valuation", N_("The valuation's"), insp.valuation, _VALUATION)
    for i, lot in enumerate(insp.valuation.assortment):
        fields += _fields(f"valuation.assortment[{i}]", N_("Assortment lot {number}'s"), lot, _LOT, number=i + 1)
    for i, person in enumerate(insp.present):
        fields += _fields(f"present[{i}]", N_("Person present {number}'s"), person, _PERSON, number=i + 1)
    for i, doc in enumerate(insp.documents):
        fields += _fields(f"documents[{i}]", N_("Document {number}'s"), doc, _RECEIVED, number=i + 1)
    return fields


def check_lengths(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    """Every free-text field within its limit (``NAME_CHARS``…): an error naming the field and the limit."""
    return [_err(path, "text.too_long", _capitalised(
                 _("{what} is {length} characters long; at most {limit} are allowed.").format(
                     what=what(), length=f"{len(text):,}", limit=f"{limit:,}")))
            for path, what, text, limit in _text_fields(insp) if len(text) > limit]


def _capitalised(sentence: str) -> str:
    """A sentence that opens with a field's name (“le numéro du certificat”, in French) opens with a capital."""
    return sentence[:1].upper() + sentence[1:]


# --- the inspection as a whole -----------------------------------------------------------------


def check_inspection_record(insp: Inspection, _ctx: RuleContext) -> list[Problem]:
    out: list[Problem] = []
    if not insp.site.strip():
        out.append(_err("site", "site.missing", _("Enter where the inspection takes place.")))
    if not insp.inspected_at:
        out.append(_err("inspected_at", "inspected_at.missing", _("Enter when the inspection took place.")))
    if insp.verdict is None:
        out.append(_err("verdict", "verdict.missing",
                        _("Choose a verdict: certified for export, not certified, or held pending.")))
    if insp.supersedes and not insp.amend_reason.strip():
        # The new report says why it replaces the signed one; an amendment begun before reasons were asked has none.
        out.append(_err("amend_reason", "amend_reason.missing",
                        _("Say why this amendment corrects the signed report: amend that report again "
                          "(Amend…, or kpmonitor amend ID --reason TEXT) to give the reason.")))
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
