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
     Severity.WARNING, "cert.expired", "certificate.expires_on", "expired on 2026-11-01"),
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
     "certificate.hs_codes[0]", "not a rough-diamond HS code"),
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
