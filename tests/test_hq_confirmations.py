"""Confirmations of receipt at headquarters: entered or imported from a CSV file (whole or not at all), listed,
shown beside the report, compared with it; a certified report without one after the days allowed is an anomaly;
the KP record's operator, mine and container listed and counted (m013)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.errors import FrozenError
from kpmonitor.hq import receipts_due
from kpmonitor.hq.anomalies import recompute, rules_for
from kpmonitor.hq.importer import import_paths
from kpmonitor.hq.receipts_due import terms_for
from kpmonitor.hq.store import hq_store
from kpmonitor.paths import Paths
from kpmonitor.store import schema
from kpmonitor.store.schema import HQ_RECORD_COLUMNS
from kpmonitor.workspace import Workspace
from tests.conftest_hq import HQEngine, audit_ok
from tests.test_bundle import example, export, make_device, make_hq, run, sign_doc

HEADER = "certificate,confirmed_on,authority,parcels,carats,importer,exporter,reference,note\n"
AUTHORITY = "FPS Economy, Diamond Office Antwerp"
QUOTED = f'"{AUTHORITY}"'  # it holds a comma
HOSTILE = f'"{AUTHORITY} \x1b[2J"'
IMPORTER, EXPORTER = "Antwerp Rough Trading NV", "Mbada Diamonds (Pvt) Ltd"


def other_doc(number: str, seal: str) -> dict[str, Any]:
    doc = example()
    doc["certificate"]["number"] = number
    doc["seals"] = [{"number": seal, "type": "bolt", "iso_class": "H", "parcel": None}]
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Headquarters, and a device it certified with two signed reports of docs/examples/inspection.json (the
    second under another certificate number), each exported."""
    base = tmp_path_factory.mktemp("hq-confirmations")
    hq = make_hq(base / "hq")
    a = make_device(base / "a", "Amélie Ndlovu", hq)
    ids = [sign_doc(a, example()), sign_doc(a, other_doc("ZW 004300", "ZW-C-000300"))]
    bundles = [export(a, rid, base / "out" / f"r{n}") for n, rid in enumerate(ids, 1)]
    return {"base": base, "hq": hq, "a": a, "ids": ids, "bundles": bundles}


@pytest.fixture
def hq(world: dict[str, Any], tmp_path: Path, hq_engine: HQEngine) -> Path:
    """A fresh copy of headquarters holding both reports, on each engine."""
    home = hq_engine.home(world["hq"], tmp_path / "hq")
    with ws(home) as h:
        assert all(r.outcome == "imported" for r in import_paths(h, world["bundles"]))
    return home


def ws(home: Path) -> Workspace:
    return Workspace(Paths.for_home(home))


def confirm(home: Path, cert: str, *extra: str, on: str | None = None) -> Any:
    return run(home, "hq", "confirm", cert, "--on", on or date.today().isoformat(), "--authority", AUTHORITY, *extra)


def anomalies(home: Path) -> list[dict[str, Any]]:
    result = run(home, "hq", "anomalies", "--json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.output)
    return found


def receipt_kinds(home: Path) -> list[str]:
    return sorted(a["kind"] for a in anomalies(home) if a["kind"].startswith("receipt_"))


def listed(home: Path) -> list[dict[str, Any]]:
    result = run(home, "hq", "confirmations", "--json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def stored(home: Path) -> int:
    with ws(home) as h:
        return len(hq_store(h).confirmations())


def signed_on(home: Path, report_id: str) -> date:
    with ws(home) as h:
        return datetime.fromisoformat(hq_store(h).report_row(report_id)["signed_at"]).date()


def on_day(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(receipts_due, "today", lambda: day)


# ------------------------------------------------------------------------------------ recording


def test_entered_and_csv_confirmations_are_recorded_listed_and_shown(world: dict[str, Any], hq: Path,
                                                                     tmp_path: Path) -> None:
    r1, r2 = world["ids"]
    today = date.today().isoformat()
    done = confirm(hq, "zw 004-217", "--parcels", "2", "--carats", "1,200.50", "--importer", IMPORTER,
                   "--exporter", EXPORTER, "--reference", "BE-IMP-2026-0077")
    assert done.exit_code == 0 and "Recorded the confirmation of receipt of certificate zw 004-217" in done.output
    csv_file = tmp_path / "confirmations.csv"
    csv_file.write_text(
        "\ufeff" + HEADER
        + f"ZW 004300,{today},{QUOTED},2,1200.50,{IMPORTER},{EXPORTER},BE-IMP-2026-0078,\n"
        + f"zw 004-217,{today},{QUOTED},2,\"1,200.50\",{IMPORTER},{EXPORTER},BE-IMP-2026-0077,\n",
        encoding="utf-8")
    imported = run(hq, "hq", "confirmations", "import", str(csv_file), "--json")
    assert imported.exit_code == 0, imported.output
    result = json.loads(imported.output)
    assert (len(result["recorded"]), result["duplicates"]) == (1, 1)  # the entered one was there already
    assert result["file"] == "confirmations.csv" and len(result["sha256"]) == 64
    again = run(hq, "hq", "confirmations", "import", str(csv_file))
    assert again.exit_code == 0 and "Recorded 0 confirmations" in again.output and "2 recorded already" in again.output
    rows = listed(hq)
    assert [(r["cert_number_norm"], r["state"], r["reports"], r["source"]) for r in rows] == [
        ("ZW004300", "matched", [r2], "csv"), ("ZW004217", "matched", [r1], "entered")]
    assert rows[0]["source_file"] == "confirmations.csv" and rows[0]["source_line"] == 2
    assert rows[1]["carats"] == "1200.50" and rows[1]["parcels"] == 2
    text = run(hq, "hq", "confirmations").output
    assert "ZW 004300" in text and "matched" in text and "confirmations.csv, line 2" in text
    shown = run(hq, "hq", "show", r1[:8]).output
    assert f"Receipt       confirmed on {today} by {AUTHORITY} (2 parcels, 1,200.50 ct" in shown
    assert receipt_kinds(hq) == []
    listing = json.loads(run(hq, "hq", "list", "--json").output)
    assert {r["receipt"]["state"] for r in listing} == {"confirmed"}
    with ws(hq) as h:
        assert audit_ok(h)  # audited: each confirmation has its event


def test_an_entered_confirmation_is_checked_field_by_field(hq: Path) -> None:
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    bad = confirm(hq, "ZW 004217", "--parcels", "two", "--carats", "12.345", on=tomorrow)
    assert bad.exit_code != 0
    assert "in the future" in bad.output and "parcels" in bad.output and "carats" in bad.output
    assert run(hq, "hq", "confirm", "---", "--on", "21/11/2026", "--authority", " ").exit_code != 0
    assert stored(hq) == 0


def test_a_bad_csv_is_refused_whole_with_its_line_numbers_and_nothing_is_stored(hq: Path, tmp_path: Path) -> None:
    today = date.today().isoformat()
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(HEADER
                        + f"ZW 004300,{today},{QUOTED},2,1200.50,,,,\n"
                        + f"ZW 004217,2026-13-01,{QUOTED},2,1200.50,,,,\n"
                        + "# a comment line\n"
                        + f"ZW 004217,{today},,2,many,,,,\n"
                        + f"ZW 004217,{today},{QUOTED},2\n", encoding="utf-8")
    result = run(hq, "hq", "confirmations", "import", str(csv_file))
    assert result.exit_code != 0
    assert "bad.csv was refused, nothing of it recorded" in result.output
    assert "line 3: the date “2026-13-01” is not written YYYY-MM-DD" in result.output
    assert "line 5: the authority is empty" in result.output and "line 5" in result.output
    assert "line 6: it has 4 fields where 9 are expected" in result.output
    assert "line 2" not in result.output
    assert stored(hq) == 0
    csv_file.write_text("cert,date\nZW 004217,2026-11-30\n", encoding="utf-8")
    assert "must be the header certificate,confirmed_on" in run(hq, "hq", "confirmations", "import",
                                                                 str(csv_file)).output
    csv_file.write_bytes(HEADER.encode() + b"ZW 004217,\xff\xfe,x,,,,,,\n")
    assert "is not UTF-8 text" in run(hq, "hq", "confirmations", "import", str(csv_file)).output
    csv_file.write_text(HEADER + f"ZW 004217,{today},{HOSTILE},,,,,,\n", encoding="utf-8")
    hostile = run(hq, "hq", "confirmations", "import", str(csv_file))
    assert "line 2: the authority holds a control character" in hostile.output and "\x1b" not in hostile.output
    assert stored(hq) == 0


def test_a_fifo_a_link_or_an_oversized_csv_is_refused_unread(hq: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + f"ZW 004217,{date.today().isoformat()},{QUOTED},,,,,,\n", encoding="utf-8")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    link = tmp_path / "link.csv"
    link.symlink_to(good)
    big = tmp_path / "big.csv"
    big.write_bytes(HEADER.encode() + b"#" * (3 * 1024 * 1024))
    for path in (fifo, link, big):
        result = run(hq, "hq", "confirmations", "import", str(path))
        assert result.exit_code != 0 and path.name in result.output, result.output
    assert stored(hq) == 0


# ------------------------------------------------------------------------------------ anomalies


def test_a_confirmation_that_differs_from_the_report_is_an_alert_until_corrected(world: dict[str, Any],
                                                                                 hq: Path) -> None:
    r1 = world["ids"][0]
    assert confirm(hq, "ZW 004217", "--parcels", "3", "--carats", "1150", "--importer", "antwerp  rough trading nv",
                   "--exporter", "Someone Else Ltd").exit_code == 0
    found = [a for a in anomalies(hq) if a["kind"] == "receipt_mismatch"]
    assert len(found) == 1 and found[0]["severity"] == "alert" and found[0]["report_ids"] == [r1]
    sentence = found[0]["sentence"]
    assert "parcels: certified 2, received 3" in sentence and "carats: certified 1,200.50 ct, received 1,150.00 ct" \
        in sentence and "exporter: certified “Mbada Diamonds (Pvt) Ltd”, received “Someone Else Ltd”" in sentence
    assert "importer" not in sentence  # case and spacing are no difference
    assert listed(hq)[0]["state"] == "mismatch"
    # Notes and resolution work on it as on every anomaly.
    noted = run(hq, "hq", "note", found[0]["ref"], "--text", "Asked Antwerp to check its count.", "--resolved")
    assert noted.exit_code == 0, noted.output
    assert [a["resolved"] for a in anomalies(hq) if a["kind"] == "receipt_mismatch"] == [True]
    listing = {r["id"]: r for r in json.loads(run(hq, "hq", "list", "--json").output)}
    assert listing[r1]["receipt"]["state"] == "mismatch"
    # A correction is a new confirmation that supersedes the first; the first is kept.
    assert confirm(hq, "ZW 004217", "--parcels", "2", "--carats", "1200.50").exit_code == 0
    assert receipt_kinds(hq) == []
    assert [r["state"] for r in listed(hq)] == ["matched", "superseded"]
    rows = listed(hq)
    assert rows[0]["supersedes"] == rows[1]["id"]


def test_a_certified_report_without_confirmation_is_an_anomaly_after_the_days_allowed(
        world: dict[str, Any], hq: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r1, r2 = world["ids"]
    signed = signed_on(hq, r1)
    on_day(monkeypatch, signed + timedelta(days=30))
    assert receipt_kinds(hq) == []  # 30 days: not yet
    assert "no confirmation of receipt yet, 30 days after signing" in run(hq, "hq", "show", r1[:8]).output
    on_day(monkeypatch, signed + timedelta(days=31))  # the next day's listing judges them again
    found = [a for a in anomalies(hq) if a["kind"] == "receipt_unconfirmed"]
    assert sorted(a["report_ids"][0] for a in found) == sorted([r1, r2])
    assert all(a["severity"] == "warning" and "signed 31 days ago" in a["sentence"] for a in found)
    assert "31 days after signing, overdue" in run(hq, "hq", "show", r1[:8]).output
    with ws(hq) as h:  # what is stored is what judging everything again gives
        hqs = hq_store(h)
        assert hqs.stored_anomalies() == recompute(hqs, rules_for(h), terms_for(h))
        h.settings.set("hq_confirmation_days", 60)
    assert receipt_kinds(hq) == []  # another setting judges them again
    with ws(hq) as h:
        h.settings.set("hq_confirmation_days", 30)
    assert receipt_kinds(hq) == ["receipt_unconfirmed", "receipt_unconfirmed"]
    # A confirmation clears it, in its own transaction.
    assert confirm(hq, "ZW 004217", on=(signed + timedelta(days=20)).isoformat()).exit_code == 0
    assert [a["report_ids"] for a in anomalies(hq) if a["kind"] == "receipt_unconfirmed"] == [[r2]]
    # An import on a later day judges its own certificate number's receipts as of that day.
    with ws(hq) as h:
        hqs = hq_store(h)
        assert hqs.stored_anomalies() == recompute(hqs, rules_for(h), terms_for(h))


def test_a_confirmation_for_a_certificate_headquarters_holds_no_report_of_is_unmatched(hq: Path) -> None:
    assert confirm(hq, "ZW 009999", "--parcels", "1").exit_code == 0
    found = [a for a in anomalies(hq) if a["kind"] == "receipt_without_report"]
    assert len(found) == 1 and found[0]["severity"] == "alert" and found[0]["report_ids"] == []
    assert "ZW 009999" in found[0]["sentence"] and "holds no report of it" in found[0]["sentence"]
    assert listed(hq)[0]["state"] == "unmatched"
    assert "unmatched" in run(hq, "hq", "confirmations").output


def test_confirmations_are_frozen(hq: Path, hq_engine: HQEngine) -> None:
    assert confirm(hq, "ZW 004217").exit_code == 0
    with ws(hq) as h:  # through the engine: its trigger refuses, a FrozenError on both
        hqs = hq_store(h)
        for sql in ("UPDATE hq_receipt_confirmations SET parcels = 9", "DELETE FROM hq_receipt_confirmations"):
            with pytest.raises(FrozenError, match="can no longer be changed"), hqs.transaction():
                hqs.conn.execute(sql)
        assert len(hqs.confirmations()) == 1 and audit_ok(h)
    if hq_engine.pg:
        return
    # SQLite: its file opened by another program is refused the same by the triggers, and kpmonitor's schema
    # check finds them all still there.
    conn = sqlite3.connect(Paths.for_home(hq).database)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="confirmations of receipt are frozen"):
            conn.execute("UPDATE hq_receipt_confirmations SET parcels = 9")
        with pytest.raises(sqlite3.IntegrityError, match="confirmations of receipt are frozen"):
            conn.execute("DELETE FROM hq_receipt_confirmations")
    finally:
        conn.close()
    with ws(hq) as h:
        assert not h.store.schema_problems() and h.store.verify_audit().ok


# ------------------------------------------------------------------------------ the KP record at hq


def test_the_record_goes_field_to_bundle_to_headquarters_and_is_counted_by_operator_and_mine(
        world: dict[str, Any], hq: Path) -> None:
    r1 = world["ids"][0]
    with ws(hq) as h:
        row = tuple(hq_store(h).conn.execute(
            "SELECT production_operator, production_mine, container, validation_number, airway_bill FROM hq_reports "
            "WHERE id = ?", [r1]).fetchone())
    doc = example()
    operator, mine = doc["production"]["operator"], doc["production"]["mine"]
    assert row == (operator, mine, doc["shipment"]["container"], doc["validation"]["number"],
                   doc["shipment"]["airway_bill"])
    by_operator = json.loads(run(hq, "hq", "stats", "--by", "operator", "--json").output)
    assert by_operator == [{"operator": operator, "shipments": 2, "certified": 2, "carats": "2401.00",
                            "value_usd": "72030.00", "usd_per_carat": "30.00"}]
    by_mine = run(hq, "hq", "stats", "--by", "mine").output
    assert mine in by_mine and "2 shipments" in by_mine
    assert f"Production    {operator}, {mine}   container {doc['shipment']['container']}" in run(
        hq, "hq", "show", r1[:8]).output


def test_a_database_at_m012_gets_m013_keeps_its_reports_and_reads_their_record(
        world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite only: a headquarters file of an older kpmonitor, migrated when opened (PostgreSQL's schema began
    # after m013: it has no such past).
    from kpmonitor.hq import importer

    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)  # no report imported yet: its schema goes back to m012 as it is
    conn = sqlite3.connect(Paths.for_home(home).database)
    with conn:
        for op in ("update", "delete"):
            conn.execute(f"DROP TRIGGER hq_receipt_confirmations_{op}_frozen")
        conn.execute("DROP TABLE hq_receipt_confirmations")
        for column, _kind in HQ_RECORD_COLUMNS:
            conn.execute(f"ALTER TABLE hq_reports DROP COLUMN {column}")
        conn.execute("ALTER TABLE hq_anomalies_judged DROP COLUMN receipts")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_receipt_confirmations'")
    conn.close()
    real_row = importer.BundleChecker._row
    with monkeypatch.context() as m:  # the kpmonitor of m012: its schema, its rows, its anomalies
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:12])
        m.setattr(importer.BundleChecker, "_row", lambda self, *a: {
            k: v for k, v in real_row(self, *a).items() if k not in dict(HQ_RECORD_COLUMNS)})
        m.setattr(importer, "judge_import", lambda *_a: None)
        with ws(home) as h:
            assert h.store.conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = "
                                        "'m013_receipt_confirmations'").fetchone()[0] == 0
            assert all(r.outcome == "imported" for r in import_paths(h, world["bundles"]))
    with ws(home) as h:  # this kpmonitor: m013 applied on opening
        assert not h.store.schema_problems() and h.store.verify_audit().ok
        hqs = hq_store(h)
        assert len(hqs.held()) == 2
        assert {r[0] for r in h.store.conn.execute("SELECT production_operator FROM hq_reports")} == {None}
        assert hqs.record_of(world["ids"][0])["container"] == example()["shipment"]["container"]  # its snapshot's
    by_mine = json.loads(run(home, "hq", "stats", "--by", "mine", "--json").output)
    assert [(r["mine"], r["shipments"]) for r in by_mine] == [(example()["production"]["mine"], 2)]
    assert confirm(home, "ZW 004217").exit_code == 0
    assert listed(home)[0]["state"] == "matched"
