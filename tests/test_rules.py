"""Every KP rule, table-driven: a change to a clean shipment and the problem it must raise."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from kpmonitor.domain.inspection import from_document
from kpmonitor.domain.reference import Reference
from kpmonitor.rules.kp import RuleContext, check, seal_number_problem
from kpmonitor.rules.problems import Problem, Severity, blocking

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference.load()


def problems_of(doc: Doc, reference: Reference, **ctx: Any) -> list[Problem]:
    insp, parse_problems = from_document(doc)
    assert parse_problems == []
    return check(insp, RuleContext(reference=reference, **ctx))


def test_the_example_shipment_is_clean(example_doc: Doc, reference: Reference) -> None:
    assert problems_of(example_doc, reference) == []


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def apply(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
    return apply


def _both_parcels(key: str, value: Any) -> Callable[[Doc], None]:
    def apply(doc: Doc) -> None:
        for p in doc["parcels"]:
            p[key] = value
        doc["certificate"]["hs_codes"] = [value] if key == "hs_code" else doc["certificate"]["hs_codes"]
    return apply


CASES: list[tuple[str, Callable[[Doc], None], Severity, str, str, str]] = [
    # (name, change, severity, code, field, words in the sentence)
    ("prefix not a participant", _set("certificate.number", "XX 123"), Severity.ERROR, "cert.number.prefix",
     "certificate.number", "XX, which is not"),
    ("number without a prefix", _set("certificate.number", "004217"), Severity.ERROR, "cert.number.prefix",
     "certificate.number", "two-letter code"),
    ("number missing", _set("certificate.number", ""), Severity.ERROR, "cert.number.missing",
     "certificate.number", "certificate number"),
    ("issuing authority missing", _set("certificate.issuing_authority", ""), Severity.ERROR,
     "cert.authority.missing", "certificate.issuing_authority", "issuing authority"),
    ("exporter address missing", _set("certificate.exporter.address", ""), Severity.ERROR,
     "cert.exporter.address", "certificate.exporter.address", "exporter's address"),
    ("expiry before issue", _set("certificate.expires_on", "2026-11-19"), Severity.ERROR, "cert.expiry.order",
     "certificate.expires_on", "before it was issued"),
    ("expires the day it was issued", _set("certificate.expires_on", "2026-11-20"), Severity.ERROR,
     "cert.expiry.order", "certificate.expires_on", "on or before"),
    ("expired at inspection", (lambda d: d["certificate"].update(issued_on="2026-09-01", expires_on="2026-11-01")),
     Severity.ERROR, "cert.expired", "certificate.expires_on", "expired on 2026-11-01"),
    ("destination not a participant", _set("certificate.destination", "SO"), Severity.ERROR,
     "cert.destination.participant", "certificate.destination", "not a Kimberley Process participant"),
    ("origin not a country", _set("certificate.origin", "QQ"), Severity.ERROR, "cert.origin.unknown",
     "certificate.origin", "not a country code"),
    ("worked goods refused", _both_parcels("hs_code", "7102.39"), Severity.ERROR, "hs.outside",
     "certificate.hs_codes[0]", "outside the Kimberley Process"),
    ("worked industrial refused", _both_parcels("hs_code", "7102.29"), Severity.ERROR, "hs.outside",
     "parcels[0].hs_code", "outside the Kimberley Process"),
    ("dust refused", _both_parcels("hs_code", "7105"), Severity.ERROR, "hs.outside",
     "certificate.hs_codes[0]", "outside"),
    ("unknown HS code", _set("certificate.hs_codes", ["9999.99"]), Severity.ERROR, "hs.unknown",
     "certificate.hs_codes[0]", "covers rough diamonds (unsorted, unworked or simply sawn, cleaved or bruted) "
     "under 7102.10, 7102.21 and 7102.31"),
    ("a national tariff line is the KP's code", _set("certificate.hs_codes", ["7102.31.00"]), Severity.ERROR,
     "hs.unknown", "certificate.hs_codes[0]", "national subdivision of HS 7102.31, which the Kimberley Process "
     "covers"),
    ("parcel HS not on certificate", _set("parcels.1.hs_code", "7102.21"), Severity.ERROR,
     "parcel.hs.not_on_certificate", "parcels[1].hs_code", "not on the certificate"),
    ("parcel count differs", _set("certificate.parcel_count", 3), Severity.ERROR, "parcels.count", "parcels",
     "declares 3 parcels; 2 are recorded"),
    ("carats do not add up", _set("certificate.carats", "1200.49"), Severity.ERROR, "totals.carats",
     "certificate.carats", "add up to 1,200.50 ct"),
    ("value does not add up", _set("certificate.value_usd", "36016.00"), Severity.ERROR, "totals.value",
     "certificate.value_usd", "US$ 36,015.00"),
    ("duplicate parcel number", _set("parcels.1.number", "1"), Severity.ERROR, "parcel.number.duplicate",
     "parcels[1].number", "more than once"),
    ("overweight parcel", _set("parcels.0.weighed_carats", "601.00"), Severity.WARNING,
     "parcel.weight.tolerance", "parcels[0].weighed_carats", "601.00 ct against 600.25 ct"),
    ("underweight parcel", _set("parcels.1.weighed_carats", "599.00"), Severity.WARNING,
     "parcel.weight.tolerance", "parcels[1].weighed_carats", "−1.25 ct"),
    ("parcel not weighed", _set("parcels.1.weighed_carats", None), Severity.WARNING, "parcel.not_weighed",
     "parcels[1].weighed_carats", "not been weighed"),
    ("malformed seal", _set("seals.0.number", "ZW S 981"), Severity.ERROR, "seal.number.malformed",
     "seals[0].number", "only letters, digits"),
    ("seal too long", _set("seals.0.number", "A" * 36), Severity.ERROR, "seal.number.malformed",
     "seals[0].number", "36 characters"),
    ("seal twice in one inspection", _set("seals.1.number", "zw-s-000981"), Severity.ERROR,
     "seal.number.duplicate", "seals[0].number", "more than once"),
    ("seal on an unknown parcel", _set("seals.0.parcel", "7"), Severity.ERROR, "seal.parcel.unknown",
     "seals[0].parcel", "parcel 7"),
    ("no container seal", _set("seals.1.parcel", "2"), Severity.WARNING, "seal.container.none", "seals",
     "container"),
    ("seal applied by no one", _set("seals.0.applied_by", ""), Severity.WARNING, "seal.applied_by.missing",
     "seals[0].applied_by", "Seal ZW-S-000981: who applied it is not recorded"),
    ("seal without a witness", _set("seals.1.witness", " "), Severity.WARNING, "seal.witness.missing",
     "seals[1].witness", "Seal ZW-C-000017: no witness"),
    ("empty finding", _set("findings.0.text", "  "), Severity.ERROR, "finding.text.missing", "findings[0].text",
     "Finding 1 (sort plant) has no text"),
    ("no verdict", _set("verdict", None), Severity.ERROR, "verdict.missing", "verdict", "Choose a verdict"),
]


@pytest.mark.parametrize(("name", "change", "severity", "code", "field", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_rule(example_doc: Doc, reference: Reference, name: str, change: Callable[[Doc], None],
              severity: Severity, code: str, field: str, words: str) -> None:
    change(example_doc)
    found = [p for p in problems_of(example_doc, reference) if p.code == code and p.field == field]
    assert found, f"{name}: expected {code} on {field}"
    assert found[0].severity is severity
    assert words in found[0].message
    assert found[0].message[-1] in ".)"


def test_eu_certificate_valid_longer_than_two_months_warns(example_doc: Doc, reference: Reference) -> None:
    example_doc["certificate"].update(number="EU 00012345", provenance="BE", issued_on="2026-11-01",
                                      expires_on="2027-03-01")
    found = [p for p in problems_of(example_doc, reference) if p.code == "cert.expiry.eu"]
    assert found and found[0].severity is Severity.WARNING and "120 days" in found[0].message


def test_eu_certificate_within_two_months_is_fine(example_doc: Doc, reference: Reference) -> None:
    example_doc["certificate"].update(number="EU 00012345", provenance="BE", issued_on="2026-11-01",
                                      expires_on="2026-12-31")
    assert not [p for p in problems_of(example_doc, reference) if p.code.startswith("cert.expiry")]


def test_eu_member_destination_is_a_participant(example_doc: Doc, reference: Reference) -> None:
    example_doc["certificate"]["destination"] = "DE"
    assert problems_of(example_doc, reference) == []


def test_mixed_origin_is_accepted(example_doc: Doc, reference: Reference) -> None:
    example_doc["certificate"]["origin"] = "mixed"
    assert problems_of(example_doc, reference) == []


def test_tolerance_is_configurable(example_doc: Doc, reference: Reference) -> None:
    example_doc["parcels"][0]["weighed_carats"] = "600.30"  # +0.05 ct
    strict = {"tolerance_pct": Decimal(0)}
    assert [p.code for p in problems_of(example_doc, reference, **strict)] == ["parcel.weight.tolerance"]
    assert problems_of(example_doc, reference, tolerance_hundredths=5, **strict) == []
    # The default relative tolerance (0.02 % of 600.25 ct = 0.12 ct) covers it too.
    assert problems_of(example_doc, reference) == []


def test_value_per_carat_far_below_the_band_warns(example_doc: Doc, reference: Reference) -> None:
    for p in example_doc["parcels"]:
        p["declared_value_usd"] = "300.00"  # 0.50 $/ct for gem goods from Zimbabwe
    example_doc["certificate"]["value_usd"] = "600.00"
    found = [p for p in problems_of(example_doc, reference) if p.code == "value.per_carat"]
    assert len(found) == 2 and all(p.severity is Severity.WARNING for p in found)
    assert "US$ 0.50/ct" in found[0].message and "Zimbabwe" in found[0].message


def test_value_per_carat_inside_the_band_is_quiet(example_doc: Doc, reference: Reference) -> None:
    assert not [p for p in problems_of(example_doc, reference) if p.code == "value.per_carat"]


def test_a_seal_used_elsewhere_in_the_store_is_an_error(example_doc: Doc, reference: Reference) -> None:
    used = {"ZW-C-000017": "on the inspection of certificate ZW 001111"}
    found = [p for p in problems_of(example_doc, reference, seal_used_elsewhere=used.get)
             if p.code == "seal.number.reused"]
    assert len(found) == 1 and found[0].field == "seals[1].number" and "ZW 001111" in found[0].message


def test_warnings_block_signing_until_acknowledged(example_doc: Doc, reference: Reference) -> None:
    from kpmonitor.domain.inspection import Acknowledgement

    example_doc["parcels"][0]["weighed_carats"] = "601.00"
    insp, _ = from_document(example_doc)
    problems = check(insp, RuleContext(reference=reference))
    assert [p.code for p in blocking(problems, insp)] == ["parcel.weight.tolerance"]
    insp.acknowledgements.append(Acknowledgement("parcel.weight.tolerance", "parcels[0].weighed_carats",
                                                 "re-weighed three times; scale drift"))
    assert blocking(problems, insp) == []


def test_errors_come_before_warnings(example_doc: Doc, reference: Reference) -> None:
    example_doc["parcels"][0]["weighed_carats"] = "601.00"
    example_doc["verdict"] = None
    severities = [p.severity for p in problems_of(example_doc, reference)]
    assert severities == sorted(severities, key=lambda s: s is Severity.WARNING)


@pytest.mark.parametrize("number", ["A", "ZW-S-000981", "12/2026-77", "x" * 35, " zw-c-1 "])
def test_well_formed_seal_numbers(number: str) -> None:
    assert seal_number_problem(number) is None


@pytest.mark.parametrize("number", ["", "ZW S 1", "ZW_S_1", "ZW.1", "É1", "x" * 36])
def test_malformed_seal_numbers(number: str) -> None:
    assert seal_number_problem(number)


def test_parse_problems_name_every_bad_field() -> None:
    doc = {"certificate": {"number": "ZW 1", "carats": 12.5, "value_usd": "1,234", "issued_on": "21/11/2026",
                           "parcel_count": "two"},
           "parcels": [{"number": "1", "declared_carats": "abc"}], "verdict": "maybe"}
    _insp, problems = from_document(doc)
    fields = {f for f, _ in problems}
    assert fields == {"certificate.carats", "certificate.value_usd", "certificate.issued_on",
                      "certificate.parcel_count", "parcels[0].declared_carats", "verdict"}


def test_value_per_carat_reads_as_headquarters_statistics_read_it(example_doc: Doc, reference: Reference) -> None:
    from kpmonitor.domain.quantities import amount_text
    from kpmonitor.hq.stats import StatsRow

    # US$ 12,345.45 for 10.00 ct is 1,234.545 $/ct: half up, as the statistics round, it is 1,234.55.
    for p in example_doc["parcels"]:
        p.update(declared_carats="10.00", weighed_carats="10.00", declared_value_usd="12345.45")
    example_doc["certificate"].update(carats="20.00", value_usd="24690.90")
    found = [p for p in problems_of(example_doc, reference) if p.code == "value.per_carat"]
    assert len(found) == 2
    assert "US$ 1,234.55/ct" in found[0].message
    per_carat = StatsRow("2026-11", "ZW", 1, 1, carats=1000, value_usd=1234545).usd_per_carat
    assert f"US$ {amount_text(per_carat)}/ct" in found[0].message


# --- an expired certificate: an error until the monitor records why it is accepted --------------------------


def test_an_expired_certificate_blocks_signing_until_the_monitor_records_why(example_doc: Doc,
                                                                               reference: Reference) -> None:
    from kpmonitor.domain.inspection import Acknowledgement
    from kpmonitor.rules.problems import open_errors

    example_doc["certificate"].update(issued_on="2026-09-01", expires_on="2026-11-01")
    insp, _ = from_document(example_doc)
    problems = check(insp, RuleContext(reference=reference))
    expired = [p for p in problems if p.code == "cert.expired"]
    assert len(expired) == 1 and expired[0].is_error and expired[0].acceptable and expired[0].acknowledgeable
    assert "record why it is accepted" in expired[0].message
    assert [p.code for p in blocking(problems, insp)] == ["cert.expired"]
    insp.acknowledgements.append(Acknowledgement("cert.expired", "certificate.expires_on",
                                                 "Validity extended to 2026-11-30 by the Ministry's letter MM/114"))
    assert blocking(problems, insp) == [] and open_errors(problems, insp) == []


def test_an_ordinary_error_is_not_settled_by_an_acknowledgement(example_doc: Doc, reference: Reference) -> None:
    from kpmonitor.domain.inspection import Acknowledgement

    example_doc["verdict"] = None
    insp, _ = from_document(example_doc)
    problems = check(insp, RuleContext(reference=reference))
    insp.acknowledgements.append(Acknowledgement("verdict.missing", "verdict", "no time"))
    assert [p.code for p in blocking(problems, insp)] == ["verdict.missing"]
    assert not problems[0].acknowledgeable


# --- photos: evidence of this inspection, not of another day or place --------------------------------------

MARANGE = (-19.9500, 32.3300)
TUSCANY = (43.4633, 11.2531)  # Chianti, where the photos of 2008 were taken


def _with_photos(doc: Doc, *photos: tuple[str | None, tuple[float, float] | None]) -> Any:
    from kpmonitor.domain.inspection import PhotoRef

    doc["site_gps"] = {"lat": MARANGE[0], "lon": MARANGE[1]}
    insp, parse_problems = from_document(doc)
    assert parse_problems == []
    insp.photos = [PhotoRef(id=f"p{i}", sha256=f"{i:064x}", original_name=f"IMG_{i:04d}.JPG", taken_at=taken,
                            gps_lat=gps[0] if gps else None, gps_lon=gps[1] if gps else None)
                   for i, (taken, gps) in enumerate(photos)]
    return insp


def _photo_problems(insp: Any, reference: Reference, **ctx: Any) -> list[Problem]:
    return [p for p in check(insp, RuleContext(reference=reference, **ctx)) if p.code == "photo.out_of_place"]


def test_a_photo_taken_years_before_and_far_away_is_a_warning_with_its_time_place_and_distance(
        example_doc: Doc, reference: Reference) -> None:
    # The inspection: 2026-11-21 09:30 UTC+02:00 at Marange. Photo 2: a camera's 2008 holiday in Tuscany.
    insp = _with_photos(example_doc, ("2026-11-21T09:41:00", (-19.9512, 32.3321)), ("2008-06-14T11:20:00", TUSCANY))
    found = _photo_problems(insp, reference)
    assert len(found) == 1
    problem = found[0]
    assert (problem.severity, problem.field) == (Severity.WARNING, "photos[1]")
    assert problem.message.startswith("Photo 2 (IMG_0001.JPG) was taken on 2008-06-14 11:20 (local time) at "
                                      "43.4633° N, 11.2531° E, 7,")  # some 7,300 km from Marange
    assert " km from the site and 6,734 days before the inspection (2026-11-21 09:30 UTC+02:00)" in problem.message
    assert problem.message.endswith("within 48 hours of it and 25 km of the site.")
    # It is acknowledgeable, as every warning is.
    from kpmonitor.domain.inspection import Acknowledgement

    insp.acknowledgements.append(Acknowledgement("photo.out_of_place", "photos[1]", "Wrong card; removed later"))
    assert blocking(check(insp, RuleContext(reference=reference)), insp) == []


def test_a_photo_out_of_time_only_or_out_of_place_only_is_a_warning(example_doc: Doc, reference: Reference) -> None:
    # Three days after, at the site; then the same hour, 30 km away (the site's camera time has its zone).
    late = _with_photos(example_doc, ("2026-11-24T09:30:00+02:00", MARANGE))
    (problem,) = _photo_problems(late, reference)
    assert "0 km from the site and 3 days after the inspection" in problem.message
    away = _with_photos(example_doc, ("2026-11-21T07:40:00+00:00", (-19.68, 32.33)))
    (problem,) = _photo_problems(away, reference)
    assert "30 km from the site and 1 hour after the inspection" in problem.message


def test_the_span_and_the_distance_are_settings(example_doc: Doc, reference: Reference) -> None:
    insp = _with_photos(example_doc, ("2026-11-24T09:30:00+02:00", (-19.68, 32.33)))
    assert len(_photo_problems(insp, reference)) == 1
    assert _photo_problems(insp, reference, photo_span_hours=96, photo_distance_km=Decimal(40)) == []
    assert len(_photo_problems(insp, reference, photo_span_hours=96)) == 1  # still 30 km away
    base = RuleContext(reference=reference)
    assert RuleContext(reference=reference, photo_span_hours=96).fingerprint() != base.fingerprint()
    assert RuleContext(reference=reference, photo_distance_km=Decimal(40)).fingerprint() != base.fingerprint()


def test_a_photo_near_the_site_and_time_or_without_exif_is_quiet(example_doc: Doc, reference: Reference) -> None:
    insp = _with_photos(example_doc, ("2026-11-21T11:45:00", (-19.9, 32.4)), (None, None), (None, TUSCANY),
                        ("2008-06-14T11:20:00", None))
    found = _photo_problems(insp, reference)
    # Only what can be told is judged: Tuscany without a time, 2008 without a place.
    assert [p.field for p in found] == ["photos[2]", "photos[3]"]
    assert "at an unknown time" in found[0].message and "at an unknown place" in found[1].message
    insp.site_lat = insp.site_lon = None  # the site's position unknown: the place cannot be judged
    assert [p.field for p in _photo_problems(insp, reference)] == ["photos[3]"]


def test_the_distance_is_the_great_circle() -> None:
    from kpmonitor.domain.places import distance_km, show_place

    assert distance_km(*MARANGE, *MARANGE) == 0
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=0.5)  # Paris–London
    assert distance_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1)  # half the equator
    assert distance_km(-19.95, 32.33, -19.95, 32.33 + 1e-5) == pytest.approx(0.001045, rel=0.01)  # about a metre
    assert show_place(*MARANGE) == "19.9500° S, 32.3300° E" and show_place(40.7, -74.0) == "40.7000° N, 74.0000° W"
