"""The audit chain catches what is done to the database behind the application's back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.domain.inspection import Parcel, from_document
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace


@pytest.fixture
def history(ws: Workspace, example_doc: dict[str, Any]) -> str:
    """A short history: create, edit, add and delete a parcel."""
    insp, _ = from_document(example_doc)
    inspection_id = ws.store.create_inspection(insp)
    ws.store.update_inspection(inspection_id, {"site": "Mbada vault"})
    extra = ws.store.add_parcel(inspection_id, Parcel(number="3"))
    ws.store.update_parcel(extra, {"weighed_carats": 1234})
    ws.store.delete_parcel(extra)
    ws.store.update_inspection(inspection_id, {"certificate.carats": 120050})
    return inspection_id


def raw(paths: Paths) -> sqlite3.Connection:
    """A plain sqlite3 connection, as someone editing the file by hand would use."""
    return sqlite3.connect(paths.database, isolation_level=None)


def verify(paths: Paths) -> Any:
    with Workspace(paths) as ws:
        return ws.store.verify_audit()


def test_an_untouched_chain_verifies(history: str, field_paths: Paths) -> None:
    report = verify(field_paths)
    assert report.ok, report.problems
    assert report.events >= 10
    assert report.head.seq == report.events


def test_every_change_is_logged_with_actor_and_previous_hash(ws: Workspace, history: str) -> None:
    events = ws.store.audit_events()
    assert {e["actor"] for e in events} == {"Jane Monitor"}
    ops = {(e["entity"], e["op"]) for e in events}
    assert {("inspections", "insert"), ("inspections", "update"), ("parcels", "insert"), ("parcels", "update"),
            ("parcels", "delete"), ("seals", "insert"), ("findings", "insert")} <= ops
    update = next(e for e in events if e["entity"] == "inspections" and e["op"] == "update"
                  and "site" in e["change"]["set"])
    assert update["change"] == {"set": {"site": "Mbada vault"}, "was": {"site": "Mbada sort house, Marange"}}


def test_an_edited_event_is_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        change = json.loads(conn.execute("SELECT change FROM audit WHERE seq = 3").fetchone()[0])
        change["row"]["number"] = "99"
        conn.execute("UPDATE audit SET change = ? WHERE seq = 3", [json.dumps(change)])
    report = verify(field_paths)
    assert not report.ok
    assert report.problems[0].startswith("Audit event 3 ") and "altered" in report.problems[0]


def test_a_deleted_event_is_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        conn.execute("DELETE FROM audit WHERE seq = 5")
    report = verify(field_paths)
    assert not report.ok and report.problems[0].startswith("Audit event 5 is missing")


def test_a_deleted_last_event_shows_as_rows_the_log_does_not_explain(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        conn.execute("DELETE FROM audit WHERE seq = ?", [last])
    report = verify(field_paths)
    assert not report.ok and "outside kpmonitor" in report.problems[0]


def test_reordered_events_are_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        conn.execute("UPDATE audit SET seq = -1 WHERE seq = 4")
        conn.execute("UPDATE audit SET seq = 4 WHERE seq = 5")
        conn.execute("UPDATE audit SET seq = 5 WHERE seq = -1")
    report = verify(field_paths)
    assert not report.ok and report.problems[0].startswith("Audit event 4 ")


def test_a_rebuilt_chain_with_rows_swapped_is_caught(history: str, field_paths: Paths) -> None:
    """Even rewriting the seq and prev_hash columns cannot hide a swap: each hash covers its predecessor."""
    with raw(field_paths) as conn:
        rows = conn.execute("SELECT seq, change FROM audit WHERE seq IN (4, 5)").fetchall()
        conn.execute("UPDATE audit SET change = ? WHERE seq = 4", [rows[1][1]])
        conn.execute("UPDATE audit SET change = ? WHERE seq = 5", [rows[0][1]])
    report = verify(field_paths)
    assert not report.ok and report.problems[0].startswith("Audit event 4 ")


def test_a_row_edited_directly_is_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        conn.execute("UPDATE parcels SET weighed_carats = 70000 WHERE number = '1'")
    report = verify(field_paths)
    assert not report.ok
    assert "parcels" in report.problems[0] and "weighed_carats is 70000" in report.problems[0]
    assert "the audit log says 60027" in report.problems[0]


def test_a_row_deleted_directly_is_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        conn.execute("DELETE FROM findings")
    report = verify(field_paths)
    assert not report.ok and "findings" in report.problems[0] and "deleted outside" in report.problems[0]


def test_a_row_added_directly_is_named(history: str, field_paths: Paths) -> None:
    with raw(field_paths) as conn:
        conn.execute("INSERT INTO findings (id, inspection_id, position, text) "
                     "SELECT 'forged', id, 9, 'all fine' FROM inspections")
    report = verify(field_paths)
    assert not report.ok and "added outside" in report.problems[0]


def test_cli_audit_verify_exits_1_and_names_the_event(history: str, field_paths: Paths, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kpmonitor.cli.main import cli

    runner = CliRunner()
    ok = runner.invoke(cli, ["--home", str(field_paths.data), "audit", "verify"])
    assert ok.exit_code == 0 and "intact" in ok.output
    with raw(field_paths) as conn:
        conn.execute("UPDATE audit SET actor = 'Mallory' WHERE seq = 2")
    bad = runner.invoke(cli, ["--home", str(field_paths.data), "audit", "verify"])
    assert bad.exit_code == 1 and "Audit event 2 " in bad.output
