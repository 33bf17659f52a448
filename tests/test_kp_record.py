"""The record the Kimberley Process asks for besides the certificate's figures, through the core.

The exporting authority's validation, the shipment, the production, the valuation, who was present, the documents
received and the certificate's lines per HS code: read from a document (every bad value named), stored (m012),
carried by amendments and edits, frozen into the signed snapshot (format ``kpmonitor-report/4``), verified and
imported; a database made before m012 and a report of format 3 keep working.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.domain.inspection import from_document, record_parts_document
from kpmonitor.paths import Paths
from kpmonitor.report import sign as report_sign
from kpmonitor.report.snapshot import RECORD_PARTS
from kpmonitor.store.schema import RECORD_COLUMNS
from kpmonitor.workspace import Workspace
from tests.conftest import fresh_copies
from tests.test_bundle import example, make_device, make_hq, run, sign_doc
from tests.test_hq import imp
from tests.test_insiders import exported


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("record")
    hq = make_hq(base / "hq")
    return {"hq": hq, "a": make_device(base / "a", "Amélie Ndlovu", hq)}


@pytest.fixture
def homes(enrolled: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    return {**fresh_copies(enrolled, tmp_path), "usb": tmp_path / "usb"}


def parts(doc: dict[str, Any]) -> dict[str, Any]:
    """The record's parts of a document as the store gives them back (amounts canonical)."""
    insp, problems = from_document(doc)
    assert not problems, problems
    return {**record_parts_document(insp), "lines": [vars(line) for line in insp.certificate.lines]}


# ---------------------------------------------------------------- the document: every bad value named

BAD_PARTS = [
    ({"validation": {"at": "yesterday"}}, "validation.at", "is not a date and time"),
    ({"validation": {"stamp": "x"}}, "validation.stamp", "is not a field of the validation"),
    ({"shipment": {"gross_weight_kg": 4.2}}, "shipment.gross_weight_kg", "not a JSON float"),
    ({"shipment": {"gross_weight_kg": "4.2051"}}, "shipment.gross_weight_kg", "has 4 decimals"),
    ({"shipment": {"gross_weight_kg": "100001"}}, "shipment.gross_weight_kg", "cannot be more than"),
    ({"shipment": {"certificate_number_on_container": "yes"}}, "shipment.certificate_number_on_container",
     "must be true or false"),
    ({"production": {"period": "October"}}, "production.period", "is not a production period"),
    ({"production": {"period": "2026-11/2026-09"}}, "production.period", "is not a production period"),
    ({"production": {"period": "2026-02-30"}}, "production.period", "is not a production period"),
    ({"production": {"stockpile": 1}}, "production.stockpile", "must be true or false"),
    ({"valuation": {"method": "guesswork"}}, "valuation.method", "is not a valuation method"),
    ({"valuation": {"value_usd": "-5"}}, "valuation.value_usd", "cannot be negative"),
    ({"valuation": {"assortment": [{"carats": "1,200"}]}}, "valuation.assortment[0].carats", "is ambiguous"),
    ({"valuation": {"assortment": [{"size": "+11"}]}}, "valuation.assortment[0].size",
     "is not a field of a lot of the assortment"),
    ({"present": [{"name": "T. Moyo", "rank": "officer"}]}, "present[0].rank", "is not a field of a person present"),
    ({"present": {"name": "T. Moyo"}}, "present", "must be a list"),
    ({"documents": [{"title": "Register", "photo": "abc"}]}, "documents[0].photo", "is not a photo's SHA-256"),
    ({"certificate": {"lines": [{"hs_code": "7102.31", "carats": 12.5}]}}, "certificate.lines[0].carats",
     "not a JSON float"),
]


@pytest.mark.parametrize(("change", "field", "words"), BAD_PARTS)
def test_a_bad_value_in_a_part_of_the_record_is_named(change: dict[str, Any], field: str, words: str) -> None:
    doc = example()
    for key, value in change.items():
        doc[key] = {**doc[key], **value} if isinstance(value, dict) and isinstance(doc.get(key), dict) else value
    _insp, problems = from_document(doc)
    assert [message for path, message in problems if path == field and words in message], problems


def test_the_parts_read_as_the_issue_writes_them() -> None:
    insp, problems = from_document(example())
    assert not problems
    assert insp.validation.number == "MMMD-V-2026-0412" and insp.validation.at == "2026-11-21T11:40:00+02:00"
    assert (insp.shipment.container, insp.shipment.gross_weight, insp.shipment.port_of_exit) == (
        "MMCZ-BOX-0417", 420, "HRE")
    assert insp.shipment.certificate_number_on_container is True and insp.production.stockpile is False
    assert [(lot.sieve, lot.carats) for lot in insp.valuation.assortment] == [("+11", 60025), ("-11+7", 60025)]
    assert [(line.hs_code, line.carats, line.value_usd) for line in insp.certificate.lines] == [
        ("7102.31", 120050, 3601500)]
    assert insp.container_sealed_at() == "2026-11-21T10:40:00+02:00"


def test_the_container_was_sealed_when_its_last_seal_went_on_whatever_the_zone() -> None:
    doc = example()
    doc["seals"] += [{"number": "ZW-C-000018", "parcel": None, "applied_at": "2026-11-21T09:50:00Z"},  # 11:50 +02
                     {"number": "ZW-S-000982", "parcel": "2", "applied_at": "2026-11-21T12:00:00+02:00"}]
    insp, _problems = from_document(doc)
    assert insp.container_sealed_at() == "2026-11-21T09:50:00+00:00"  # later than 10:40 +02:00; a parcel's ignored


# ---------------------------------------------------------------- the store

def test_the_parts_are_stored_edited_and_carried_by_an_amendment(homes: dict[str, Path], tmp_path: Path) -> None:
    a = homes["a"]
    doc = example()
    rid = sign_doc(a, doc)
    with Workspace(Paths.for_home(a)) as ws:
        report = ws.store.report(rid)
        snap = json.loads(report["snapshot"])
        assert snap["format"] == "kpmonitor-report/4"
        assert {key: snap["inspection"][key] for key in RECORD_PARTS} == {
            key: value for key, value in parts(doc).items() if key != "lines"}
        assert snap["inspection"]["certificate"]["lines"] == doc["certificate"]["lines"]
        draft = ws.store.amend(report["inspection_id"], "The airway bill was mistyped.")
        amended = ws.store.get(draft)
        assert record_parts_document(amended) == record_parts_document(ws.store.get(report["inspection_id"]))
        ws.store.update_inspection(draft, {"shipment.airway_bill": "176-12345686", "present": [],
                                           "shipment.certificate_number_on_container": None})
        again = ws.store.get(draft)
        assert (again.shipment.airway_bill, again.present, again.shipment.certificate_number_on_container) == (
            "176-12345686", [], None)
        assert ws.store.verify_audit().ok
    # edit --from-json replaces the parts with the document's
    changed = example()
    changed["production"]["mine"] = "Marange concession B"
    changed["documents"] = []
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(changed), encoding="utf-8")
    assert run(a, "edit", draft[:8], "--from-json", str(source)).exit_code == 0
    with Workspace(Paths.for_home(a)) as ws:
        edited = ws.store.get(draft)
        assert (edited.production.mine, edited.documents, edited.shipment.airway_bill) == (
            "Marange concession B", [], "176-12345675")
    shown = run(a, "show", draft[:8]).output
    assert "Container     MMCZ-BOX-0417   sealed 2026-11-21 10:40 UTC+02:00" in shown
    assert "Validated     MMMD-V-2026-0412 by T. Moyo" in shown and "airway bill 176-12345675" in shown


def _as_before_the_record(m: pytest.MonkeyPatch) -> None:
    """This kpmonitor as it was before m012: no migration, no columns written or read, format-3 snapshots."""
    from kpmonitor.store import db as store_db
    from kpmonitor.store import schema

    m.setattr(schema, "MIGRATIONS", tuple(x for x in schema.MIGRATIONS if x is not schema.m012_kp_record))
    m.setattr(store_db, "_record_columns", lambda _insp: {})
    m.setattr(store_db, "_record_parts", lambda _row, _insp: None)
    m.setattr(store_db.Store, "_reindex", lambda _self, _id: None)  # the search index is not what is tested here
    _signs_format_3(m)


def _signs_format_3(m: pytest.MonkeyPatch) -> None:
    """Signing as a kpmonitor of before the record did: format-3 snapshots, without the record's parts."""
    real_build = report_sign.build_snapshot

    def format_3(*args: Any, **kwargs: Any) -> dict[str, Any]:
        snap = real_build(*args, **kwargs)
        for key in RECORD_PARTS:
            del snap["inspection"][key]
        del snap["inspection"]["certificate"]["lines"]
        return {**snap, "format": "kpmonitor-report/3"}

    m.setattr(report_sign, "build_snapshot", format_3)


def test_a_database_made_before_the_record_gets_it_and_its_report_still_verifies(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    doc = example()
    for key in RECORD_PARTS:
        del doc[key]
    del doc["certificate"]["lines"]
    doc["verdict"] = "held"  # a certified verdict now needs the validation this kpmonitor of before never asked
    conn = sqlite3.connect(Paths.for_home(a).database)
    with conn:  # the home, which holds no inspection yet, back to m011: the columns gone, the migration unrecorded
        assert conn.execute("SELECT count(*) FROM inspections").fetchone() == (0,)
        for column, _kind in RECORD_COLUMNS:
            conn.execute(f"ALTER TABLE inspections DROP COLUMN {column}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm012_kp_record'")
    conn.close()
    with monkeypatch.context() as m:
        _as_before_the_record(m)
        rid = sign_doc(a, doc)
        with Workspace(Paths.for_home(a)) as ws:
            draft = ws.store.create_inspection(from_document({**doc, "seals": []})[0])
            assert "validation_number" not in {c[1] for c in ws.store.conn.execute("PRAGMA table_info(inspections)")}
    files = exported(a, rid, usb / "before")
    with Workspace(Paths.for_home(a)) as ws:  # opened by this kpmonitor: m012 applies
        assert not ws.store.schema_problems()
        signed = ws.store.get(ws.store.report(rid)["inspection_id"])
        assert signed.validation.number == "" and signed.present == [] and signed.shipment.gross_weight is None
        assert ws.store.verify_audit().ok
        ws.store.update_inspection(draft, {"validation.number": "MMMD-V-2026-0413"})  # the draft takes them
        assert ws.store.get(draft).validation.number == "MMMD-V-2026-0413" and ws.store.verify_audit().ok
    for kind in ("bundle", "pdf"):
        checked = run(a, "verify", str(files[kind]))
        assert checked.exit_code == 0 and checked.output.startswith("GENUINE"), checked.output
    code, results = imp(hq, files["bundle"])
    assert code == 0 and results[0]["outcome"] == "imported", results


def test_a_format_3_report_still_verifies_and_imports(homes: dict[str, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    with monkeypatch.context() as m:  # a kpmonitor of before the record's parts
        _signs_format_3(m)
        rid = sign_doc(a, example())
    files = exported(a, rid, usb / "v3")
    for kind in ("bundle", "pdf"):
        checked = run(hq, "verify", str(files[kind]))
        assert checked.exit_code == 0 and checked.output.startswith("GENUINE"), (kind, checked.output)
    code, results = imp(hq, files["bundle"])
    assert code == 0 and results[0]["outcome"] == "imported", results


def test_a_format_4_snapshot_without_its_parts_is_refused(homes: dict[str, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The format says what the snapshot holds: a format-4 snapshot lacking the validation is not one."""
    from kpmonitor.bundle.format import snapshot_problems

    a = homes["a"]
    rid = sign_doc(a, example())
    with Workspace(Paths.for_home(a)) as ws:
        snap = json.loads(ws.store.report(rid)["snapshot"])
    assert snapshot_problems(snap) == []
    del snap["inspection"]["validation"]
    assert snapshot_problems(snap) == ["The snapshot's inspection has no validation section of its kind."]
