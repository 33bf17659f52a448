"""The rules of the record the KP asks for (validation, shipment, lines, production, valuation, people, documents),
table-driven like tests/test_rules.py: a change to the clean example shipment and the problem it must (or must
not) raise; then the table of cleared operations, Greenland and the value-per-carat bands."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.domain.inspection import Acknowledgement, PhotoRef, Status, from_document
from kpmonitor.domain.reference import OPERATORS_FILE, Operation, Reference, name_key, resources_dir
from kpmonitor.errors import KPError
from kpmonitor.rules.kp import RULES, RuleContext, check
from kpmonitor.rules.problems import Problem, Severity, blocking

Doc = dict[str, Any]
Change = Callable[[Doc], None]


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference.load()


def problems_of(doc: Doc, reference: Reference, **ctx: Any) -> list[Problem]:
    insp, parse_problems = from_document(doc)
    assert parse_problems == []
    return check(insp, RuleContext(reference=reference, **ctx))


def _set(path: str, value: Any) -> Change:
    def apply(doc: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
    return apply


def _all(*changes: Change) -> Change:
    def apply(doc: Doc) -> None:
        for change in changes:
            change(doc)
    return apply


def _two_codes(lines: list[tuple[str, str, str]] | None) -> Change:
    """Parcel 2 becomes industrial (7102.21), the certificate names both codes, with ``lines`` (or none)."""
    def apply(doc: Doc) -> None:
        doc["parcels"][1]["hs_code"] = "7102.21"
        doc["certificate"]["hs_codes"] = ["7102.31", "7102.21"]
        doc["certificate"]["lines"] = [{"hs_code": c, "carats": ct, "value_usd": v} for c, ct, v in lines or []]
    return apply


HELD = _set("verdict", "held")
SIGNED_LATE = {"signing_at": "2026-11-23T10:41:00+02:00"}  # 48 hours and a minute after the container's sealing

# (name, change, context, severity, code, field, words in the sentence)
CASES: list[tuple[str, Change, dict[str, Any], Severity, str, str, str]] = [
    # validation
    ("validation authority missing", _set("validation.authority", " "), {}, Severity.ERROR,
     "validation.authority.missing", "validation.authority", "enter the validating authority"),
    ("validation number missing", _set("validation.number", ""), {}, Severity.ERROR,
     "validation.number.missing", "validation.number", "enter the validation's number"),
    ("validation time missing", _set("validation.at", None), {}, Severity.ERROR,
     "validation.at.missing", "validation.at", "enter when it was validated"),
    ("validated before the sealing", _set("validation.at", "2026-11-21T10:30:00+02:00"), {}, Severity.ERROR,
     "validation.before_sealing", "validation.at", "validated on 2026-11-21 10:30 UTC+02:00, before the container "
     "was sealed on 2026-11-21 10:40 UTC+02:00"),
    ("validated before the sealing, in another zone", _set("validation.at", "2026-11-21T08:35:00+00:00"), {},
     Severity.ERROR, "validation.before_sealing", "validation.at", "Art. 12(2)"),
    ("validated before the sealing of a held shipment",
     _all(HELD, _set("validation.at", "2026-11-21T10:30:00+02:00")), {}, Severity.WARNING,
     "validation.before_sealing", "validation.at", "before the container was sealed"),
    # certificate lines
    ("lines do not add up to the carats", _set("certificate.lines.0.carats", "1200.00"), {}, Severity.ERROR,
     "lines.carats", "certificate.lines", "lines add up to 1,200.00 ct; its carat weight is 1,200.50 ct"),
    ("lines do not add up to the value", _set("certificate.lines.0.value_usd", "36000.00"), {}, Severity.ERROR,
     "lines.value", "certificate.lines", "lines add up to US$ 36,000.00; its value is US$ 36,015.00"),
    ("a parcel's code has no line", _two_codes([("7102.31", "1200.50", "36015.00")]), {}, Severity.ERROR,
     "line.missing", "certificate.lines", "No line of the certificate is for HS 7102.21, the code of parcel 2"),
    ("the parcels of a code do not add up to its line",
     _two_codes([("7102.31", "700.25", "18007.50"), ("7102.21", "500.25", "18007.50")]), {}, Severity.ERROR,
     "line.carats.parcels", "certificate.lines[0].carats",
     "parcels of HS 7102.31 (1) add up to 600.25 ct; the certificate's line states 700.25 ct"),
    ("the parcels of a code do not add up to its line's value",
     _two_codes([("7102.31", "600.25", "18000.00"), ("7102.21", "600.25", "18015.00")]), {}, Severity.ERROR,
     "line.value.parcels", "certificate.lines[1].value_usd",
     "parcels of HS 7102.21 (2) add up to US$ 18,007.50; the certificate's line states US$ 18,015.00"),
    ("a line's code is not on the certificate", _set("certificate.lines.0.hs_code", "7102.10"), {}, Severity.ERROR,
     "line.hs.not_on_certificate", "certificate.lines[0].hs_code", "HS 7102.10, which is not among"),
    ("a line's code is outside the scheme", _set("certificate.lines.0.hs_code", "7102.39"), {}, Severity.ERROR,
     "hs.outside", "certificate.lines[0].hs_code", "outside the Kimberley Process"),
    ("two lines of one code", _set("certificate.lines", [{"hs_code": "7102.31", "carats": "600.25",
                                                          "value_usd": "18007.50"}] * 2), {}, Severity.ERROR,
     "line.hs.duplicate", "certificate.lines[1].hs_code", "more than one line"),
    ("a line without carats", _set("certificate.lines.0.carats", None), {}, Severity.ERROR, "line.carats.missing",
     "certificate.lines[0].carats", "Enter the carats of line 1 (HS 7102.31)"),
    ("several codes and no lines", _two_codes(None), {}, Severity.WARNING, "lines.missing", "certificate.lines",
     "lists 2 HS codes (7102.21, 7102.31) but no lines"),
    # valuation
    ("valuator's figure far below", _set("valuation.value_usd", "33000.00"), {}, Severity.WARNING,
     "valuation.value.differs", "valuation.value_usd",
     "US$ 33,000.00, is 8.4 % below the declared value of US$ 36,015.00 (tolerance 5 %)"),
    ("valuator's figure far above", _set("valuation.value_usd", "40000.00"), {}, Severity.WARNING,
     "valuation.value.differs", "valuation.value_usd", "11.1 % above"),
    ("assortment does not add up", _set("valuation.assortment.0.carats", "500.25"), {}, Severity.WARNING,
     "valuation.assortment.carats", "valuation.assortment", "adds up to 1,100.50 ct; the certificate states"),
    # signing long after the sealing
    ("signed 49 hours after the sealing", lambda _d: None, SIGNED_LATE, Severity.WARNING, "signing.after_sealing",
     "seals[1].applied_at", "Signing on 2026-11-23 10:41 UTC+02:00 is 49 hours after the container was sealed "
     "(2026-11-21 10:40 UTC+02:00)"),
    ("signed days after the sealing", lambda _d: None, {"signing_at": "2026-12-02T01:54:00+00:00"},
     Severity.WARNING, "signing.after_sealing", "seals[1].applied_at", "is 11 days after"),
    # production: headquarters' list of operations cleared for export
    ("operator not on the list", _set("production.operator", "Chiadzwa Alluvial Syndicate"), {}, Severity.WARNING,
     "production.operator.unlisted", "production.operator",
     "Chiadzwa Alluvial Syndicate is not on headquarters' list of operations cleared for export in Zimbabwe "
     "(compiled 2026-11-27)"),
    ("operator not recorded", _set("production.operator", ""), {}, Severity.WARNING, "production.operator.missing",
     "production.operator", "Enter the operator"),
    ("operator no longer cleared", _set("production.operator", "Mbada Diamonds (Pvt) Ltd"), {}, Severity.ERROR,
     "production.operator.not_cleared", "production.operator",
     "cleared for export from 2010-08-01 to 2016-02-29, which does not cover the inspection on 2026-11-21"),
    ("operator no longer cleared, by another spelling", _set("production.operator", "MBADA DIAMONDS (PRIVATE) LIMITED"),
     {}, Severity.ERROR, "production.operator.not_cleared", "production.operator", "2016-02-29"),
    ("operator no longer cleared, shipment held", _all(HELD, _set("production.operator", "Anjin Investments")), {},
     Severity.WARNING, "production.operator.not_cleared", "production.operator", "Anjin Investments is on"),
    ("production after the inspection", _set("production.period", "2026-12"), {}, Severity.WARNING,
     "production.period.future", "production.period", "2026-12 begins after the inspection on 2026-11-21"),
    # shipment
    ("container not identified", _set("shipment.container", ""), {}, Severity.WARNING, "shipment.container.missing",
     "shipment.container", "not which container"),
    ("carrier missing", _set("shipment.carrier", ""), {}, Severity.WARNING, "shipment.carrier.missing",
     "shipment.carrier", "carrier is not recorded"),
    ("air waybill missing", _set("shipment.airway_bill", ""), {}, Severity.WARNING, "shipment.airway_bill.missing",
     "shipment.airway_bill", "air waybill is not recorded"),
    ("carrier too long", _set("shipment.carrier", "x" * 201), {}, Severity.ERROR, "text.too_long",
     "shipment.carrier", "The shipment's carrier is 201 characters long; at most 200"),
    # people present and documents received
    ("somebody present without a name", _set("present.1.name", " "), {}, Severity.ERROR, "present.name.missing",
     "present[1].name", "Person 2 present (sealing officer) has no name"),
    ("a document that is nothing", _set("documents.0", {"title": "", "reference": "", "photo": None}), {},
     Severity.ERROR, "document.title.missing", "documents[0].title", "neither a title nor a reference"),
    ("a document's photo not attached", _set("documents.0.photo", "ab" * 32), {}, Severity.WARNING,
     "document.photo.unattached", "documents[0].photo",
     "Document 1 (Production register extract) names the photo abababababab…, which is not attached"),
]


@pytest.mark.parametrize(("name", "change", "ctx", "severity", "code", "field", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_rule(example_doc: Doc, reference: Reference, name: str, change: Change, ctx: dict[str, Any],
              severity: Severity, code: str, field: str, words: str) -> None:
    change(example_doc)
    found = [p for p in problems_of(example_doc, reference, **ctx) if p.code == code and p.field == field]
    assert found, f"{name}: expected {code} on {field}"
    assert found[0].severity is severity
    assert words in found[0].message
    assert found[0].message[-1] in ".)"


# (name, change, context, the code that must not be raised)
QUIET: list[tuple[str, Change, dict[str, Any], str]] = [
    ("validated after the sealing, in another zone", _set("validation.at", "2026-11-21T08:45:00Z"), {},
     "validation.before_sealing"),
    ("validated at the minute of the sealing", _set("validation.at", "2026-11-21T10:40:00+02:00"), {},
     "validation.before_sealing"),
    ("no container seal time: nothing to order", _set("seals.1.applied_at", None), {}, "validation.before_sealing"),
    ("a refused shipment need not be validated", _all(_set("verdict", "not_certified"), _set("validation", None)),
     {}, "validation.authority.missing"),
    ("two codes whose parcels add up to their lines",
     _two_codes([("7102.31", "600.25", "18007.50"), ("7102.21", "600.25", "18007.50")]), {}, "line.carats.parcels"),
    ("one code and no lines", _set("certificate.lines", []), {}, "lines.missing"),
    ("valuator within the tolerance", _set("valuation.value_usd", "34300.00"), {}, "valuation.value.differs"),
    ("valuator within a wider tolerance", _set("valuation.value_usd", "33000.00"),
     {"valuation_tolerance_pct": Decimal(10)}, "valuation.value.differs"),
    ("no valuator's figure", _set("valuation.value_usd", None), {}, "valuation.value.differs"),
    ("signed exactly 48 hours after", lambda _d: None, {"signing_at": "2026-11-23T10:40:00+02:00"},
     "signing.after_sealing"),
    ("signed late under a longer limit", lambda _d: None, {**SIGNED_LATE, "sealing_to_signing_hours": 72},
     "signing.after_sealing"),
    ("the signing time unknown", lambda _d: None, {}, "signing.after_sealing"),
    ("the state company by its initials", _set("production.operator", "ZCDC"), {}, "production.operator.unlisted"),
    ("the state company without its suffix", _set("production.operator", "zimbabwe consolidated diamond company"),
     {}, "production.operator.unlisted"),
    ("an origin the list does not cover", _all(_set("certificate.origin", "BW"),
                                               _set("production.operator", "Debswana")), {},
     "production.operator.unlisted"),
    ("mixed goods", _all(_set("certificate.origin", "mixed"), _set("production.operator", "")), {},
     "production.operator.missing"),
    ("production the month before", _set("production.period", "2026-10/2026-11"), {}, "production.period.future"),
    ("no container seal, no container asked", _all(_set("seals.1.parcel", "2"), _set("shipment.container", "")), {},
     "shipment.container.missing"),
    ("a held shipment without its waybill", _all(HELD, _set("shipment.airway_bill", "")), {},
     "shipment.airway_bill.missing"),
    ("a document known by its reference only", _set("documents.0.title", ""), {}, "document.title.missing"),
    ("Greenland is the EU's", _set("certificate.destination", "GL"), {}, "cert.destination.participant"),
]


@pytest.mark.parametrize(("name", "change", "ctx", "code"), QUIET, ids=[q[0] for q in QUIET])
def test_quiet(example_doc: Doc, reference: Reference, name: str, change: Change, ctx: dict[str, Any],
               code: str) -> None:
    change(example_doc)
    assert not [p for p in problems_of(example_doc, reference, **ctx) if p.code == code], name


def test_the_example_is_clean_even_when_signed_on_time(example_doc: Doc, reference: Reference) -> None:
    assert problems_of(example_doc, reference, signing_at="2026-11-21T12:00:00+02:00") == []


def test_a_document_whose_photo_is_attached_is_quiet(example_doc: Doc, reference: Reference) -> None:
    example_doc["documents"][0]["photo"] = "AB" * 32  # read in lower case, as the vault names photos
    insp, _ = from_document(example_doc)
    insp.photos = [PhotoRef(id="p1", sha256="ab" * 32)]
    assert not [p for p in check(insp, RuleContext(reference=reference)) if p.code.startswith("document.")]


def test_a_signed_inspection_is_not_judged_by_the_clock(example_doc: Doc, reference: Reference) -> None:
    insp, _ = from_document(example_doc)
    ctx = RuleContext(reference=reference, **SIGNED_LATE)
    assert [p.code for p in check(insp, ctx)] == ["signing.after_sealing"]
    insp.status = Status.SIGNED
    assert check(insp, ctx) == []


def test_the_late_signature_is_acknowledged_like_any_warning(example_doc: Doc, reference: Reference) -> None:
    insp, _ = from_document(example_doc)
    problems = check(insp, RuleContext(reference=reference, **SIGNED_LATE))
    assert [p.code for p in blocking(problems, insp)] == ["signing.after_sealing"]
    insp.acknowledgements.append(Acknowledgement("signing.after_sealing", "seals[1].applied_at",
                                                 "The flight was cancelled; the container stayed in the vault."))
    assert blocking(problems, insp) == []


def test_new_settings_are_in_the_fingerprint_and_the_signing_time_is_not(reference: Reference) -> None:
    base = RuleContext(reference=reference)
    assert RuleContext(reference=reference, valuation_tolerance_pct=Decimal(10)).fingerprint() != base.fingerprint()
    assert RuleContext(reference=reference, sealing_to_signing_hours=72).fingerprint() != base.fingerprint()
    assert RuleContext(reference=reference, **SIGNED_LATE).fingerprint() == base.fingerprint()


def test_no_rule_runs_over_150_lines() -> None:
    import inspect

    for rule in RULES:
        assert len(inspect.getsource(rule).splitlines()) <= 150, rule.__name__


# --- the field: a draft is judged as if signed now --------------------------------------------------------------


def test_the_field_warns_of_a_late_signature_before_signing(tmp_path: Path, example_doc: Doc) -> None:
    from kpmonitor.paths import Paths
    from kpmonitor.report.sign import sign_inspection
    from kpmonitor.workspace import Workspace, init_home
    from tests.conftest import TEST_PASSPHRASE

    paths = Paths.for_home(tmp_path / "home")
    init_home(paths, "field", "Jane Monitor", TEST_PASSPHRASE)
    with Workspace(paths) as ws:
        ws.settings.set("sealing_to_signing_hours", 48)  # the shipped default (the tests' homes wait a century)
        insp, _ = from_document(example_doc)  # sealed 2026-11-21: long before today
        inspection_id = ws.store.create_inspection(insp)
        problems = ws.validate(ws.store.get(inspection_id))
        assert [(p.code, p.field) for p in problems] == [("signing.after_sealing", "seals[1].applied_at")]
        ws.store.acknowledge(inspection_id, "signing.after_sealing", "seals[1].applied_at",
                             "Signed once the report was typed up at the office.")
        report = sign_inspection(ws, inspection_id, TEST_PASSPHRASE)
        assert [w["code"] for w in report.snapshot["warnings"]] == ["signing.after_sealing"]
        # Signed, it is no longer judged by the clock.
        assert ws.validate(ws.store.get(inspection_id)) == []


def test_settings_reach_the_rules(ws: Any) -> None:
    ws.settings.set("valuation_tolerance_pct", "7.5")
    ws.settings.set("sealing_to_signing_hours", 24)
    ctx = ws.rule_context()
    assert (ctx.valuation_tolerance_pct, ctx.sealing_to_signing_hours) == (Decimal("7.5"), 24)


def test_demo_shipments_carry_the_record_and_have_no_errors(reference: Reference) -> None:
    import random

    from kpmonitor.demo.fill import demo_inspection

    rng = random.Random(2009)
    for index in range(60):
        insp, _odd = demo_inspection(rng, index, "Demo Monitor")
        problems = check(insp, RuleContext(reference=reference))
        assert not [p for p in problems if p.is_error], [p.message for p in problems if p.is_error]
        assert insp.validation.at and insp.shipment.airway_bill and insp.production.operator
        assert insp.valuation.value_usd and insp.present and insp.documents and insp.certificate.lines


# --- the table of operations cleared for export -----------------------------------------------------------------


def test_the_shipped_list_covers_zimbabwe_and_its_state_company(reference: Reference) -> None:
    assert reference.compiled_on[OPERATORS_FILE] == "2026-11-27"
    assert reference.lists_operations("zw") and not reference.lists_operations("BW")
    (zcdc,) = reference.operations_of("ZW", "ZCDC")
    assert zcdc.cleared_until is None and zcdc.covers(date(2026, 11, 21)) and not zcdc.covers(date(2015, 1, 1))
    (mbada,) = reference.operations_of("ZW", "Mbada Diamonds")
    assert mbada.covers(date(2012, 6, 1)) and not mbada.covers(date(2026, 11, 21))
    assert all(op.source for op in reference.operations)


@pytest.mark.parametrize(("a", "b"), [
    ("Mbada Diamonds (Pvt) Ltd", "MBADA DIAMONDS (PRIVATE) LIMITED"),
    ("Mbada Diamonds (Pvt) Ltd", "mbada diamonds"),
    ("Société Minière Ltd.", "societe miniere"),
    ("Marange concession A", "Marange Concession-A"),
])
def test_names_compare_without_case_punctuation_or_suffix(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_a_suffix_alone_is_still_a_name() -> None:
    assert name_key("Ltd") == "ltd" and name_key("Mbada Diamonds") != name_key("Mbada Mining")


def _operators_override(tmp_path: Path, *rows: str) -> Path:
    shutil.copy(resources_dir() / OPERATORS_FILE, tmp_path / OPERATORS_FILE)
    with (tmp_path / OPERATORS_FILE).open("a", encoding="utf-8") as f:
        f.writelines(rows)
    return tmp_path


def test_headquarters_replaces_the_list_and_the_digest_follows(tmp_path: Path, reference: Reference) -> None:
    ref = Reference.load(_operators_override(tmp_path, "ZW,Kusena Diamonds (Pvt) Ltd,Kusena,,2026-01-01,,HQ\n"))
    assert ref.paths[OPERATORS_FILE] == tmp_path / OPERATORS_FILE
    assert ref.operations_of("ZW", "Kusena") and ref.digest != reference.digest


def test_a_mine_the_list_names_is_checked(tmp_path: Path, example_doc: Doc) -> None:
    ref = Reference.load(_operators_override(
        tmp_path, "ZW,Chiadzwa Mining (Pvt) Ltd,,Marange concession B,2020-01-01,,HQ letter 2020/4\n"))
    example_doc["production"]["operator"] = "Chiadzwa Mining"
    found = [p for p in problems_of(example_doc, ref) if p.code == "production.mine.unlisted"]
    assert [(p.severity, p.field) for p in found] == [(Severity.WARNING, "production.mine")]
    assert "for Marange concession B only, not for Marange concession A." in found[0].message
    example_doc["production"]["mine"] = "marange concession b"
    assert not [p for p in problems_of(example_doc, ref) if p.code.startswith("production.")]


@pytest.mark.parametrize(("row", "complaint"), [
    ("ZW,Foo,,,2016-13-01,,x\n", "the cleared_from '2016-13-01' is not a date"),
    ("ZW,Foo,,,2016-03-01,2015-01-01,x\n", "ends (2015-01-01) before it starts (2016-03-01)"),
    ("QQ,Foo,,,2016-03-01,,x\n", "the country QQ is not in countries.csv"),
    ("Zimbabwe,Foo,,,2016-03-01,,x\n", "not a two-letter code"),
    ("ZW,,,,2016-03-01,,x\n", "the operator is empty"),
    ("ZW,--,,,2016-03-01,,x\n", "has no letters or digits"),
    ("ZW,Foo,,,,,x\n", "the cleared_from is empty"),
    ("ZW,Foo,,,2016-03-01,,\n", "the source is empty"),
    ("ZW,Foo,,2016-03-01,,x\n", "6 fields where 7 are expected"),
    ("ZW,Zimbabwe Consolidated Diamond Company Limited,,,2016-03-01,,x\n", "listed twice"),
])
def test_malformed_operations_are_refused_with_their_line(tmp_path: Path, row: str, complaint: str) -> None:
    override = _operators_override(tmp_path, row)
    last = len((override / OPERATORS_FILE).read_text(encoding="utf-8").splitlines())
    with pytest.raises(KPError, match=re.escape(complaint)) as caught:
        Reference.load(override)
    assert f"Line {last} of the reference table" in str(caught.value) and OPERATORS_FILE in str(caught.value)


def test_an_operations_table_without_its_header_or_date_is_refused(tmp_path: Path) -> None:
    text = (resources_dir() / OPERATORS_FILE).read_text(encoding="utf-8")
    (tmp_path / OPERATORS_FILE).write_text(text.replace("cleared_until,", "until,"), encoding="utf-8")
    with pytest.raises(KPError, match="the header must be"):
        Reference.load(tmp_path)
    (tmp_path / OPERATORS_FILE).write_text(text.replace("# compiled: 2026-11-27\n", ""), encoding="utf-8")
    with pytest.raises(KPError, match="compiled"):
        Reference.load(tmp_path)


def test_an_operation_matches_its_aliases_and_any_mine_unless_named() -> None:
    op = Operation("ZW", "Diamond Mining Corporation (Pvt) Ltd", ("DMC",), "", date(2012, 1, 1), None, "x")
    assert op.names("dmc") and op.names("Diamond Mining Corporation") and not op.names("") and op.at_mine("any")


# --- Greenland, with the EU -------------------------------------------------------------------------------------


def test_greenland_maps_to_the_eu(reference: Reference) -> None:
    eu = reference.participant_for_country("GL")
    assert eu is not None and eu.code == "EU" and "Greenland" in eu.notes
    assert reference.is_participant("GL")


# --- value-per-carat bands: tighter below ----------------------------------------------------------------------


def _down(value: Decimal) -> Decimal:
    """Rounded down to two significant figures, as the table's lower bounds are."""
    step = Decimal(1).scaleb(value.adjusted() - 1)
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


def test_lower_bounds_follow_the_documented_method(reference: Reference) -> None:
    world = reference.band_for("*", "7102.10")
    assert world is not None
    floor = _down(world.reference / 5)
    assert floor == 19
    for band in reference.bands:
        if band.hs_code == "7102.10":
            assert band.low == _down(band.reference / 4), band
        elif band.hs_code == "7102.31" and band.origin == "CD":  # its reference is the world's: see below
            assert band.low == floor
        elif band.hs_code == "7102.31":
            assert band.low == max(_down(band.reference / 4), floor), band
        else:
            assert band.low == Decimal("0.5"), band


def test_gem_goods_of_the_drc_are_no_longer_plausible_at_a_dollar(reference: Reference) -> None:
    gem = reference.band_for("CD", "7102.31")
    assert gem is not None and gem.low == 19 and gem.reference == 97  # the national 7.8 is an industrial figure
    unsorted = reference.band_for("CD", "7102.10")
    assert unsorted is not None and unsorted.low == Decimal("1.9")


@pytest.mark.parametrize(("per_carat", "warned"), [("30.00", False), ("19.00", False), ("15.00", True),
                                                   ("5.00", True)])
def test_zimbabwe_gem_parcels_below_the_new_floor_warn(example_doc: Doc, reference: Reference, per_carat: str,
                                                       warned: bool) -> None:
    for p in example_doc["parcels"]:
        p.update(declared_carats="100.00", weighed_carats="100.00", declared_value_usd=str(Decimal(per_carat) * 100))
    total = str(Decimal(per_carat) * 200)
    example_doc["certificate"].update(carats="200.00", value_usd=total, lines=[])
    example_doc["valuation"].update(value_usd=total, assortment=[])
    found = [p for p in problems_of(example_doc, reference) if p.code == "value.per_carat"]
    assert bool(found) is warned
    if warned:
        assert "US$ 19–970/ct" in found[0].message
