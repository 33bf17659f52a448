"""Headquarters import: field → bundle → headquarters, whole or not at all, any number of times; and anomalies."""

from __future__ import annotations

import base64
import csv
import difflib
import hashlib
import json
import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from kpmonitor.demo.images import make_evidence_jpeg
from kpmonitor.hq import importer
from kpmonitor.hq.anomalies import anomalies, recompute, rules_for
from kpmonitor.hq.anomalies import device_anomalies as _device_anomalies
from kpmonitor.hq.importer import import_paths
from kpmonitor.hq.inbox import pdf_file
from kpmonitor.hq.pgstore import PGStore
from kpmonitor.hq.reports import import_log, list_reports, report_detail
from kpmonitor.hq.stats import stats
from kpmonitor.hq.store import Held as _Held
from kpmonitor.hq.store import HQStore, hq_store
from kpmonitor.paths import Paths
from kpmonitor.store.db import Store
from kpmonitor.workspace import Workspace
from tests.conftest_hq import ENGINES, Databases, HQEngine, audit_ok
from tests.test_bundle import (
    _symlink,
    entries_of,
    example,
    export,
    hostile_zip,
    make_device,
    make_hq,
    photo,
    rezip,
    run,
    sign_doc,
)

P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def other_doc(number: str, seals: list[str]) -> dict[str, Any]:
    doc = example()
    doc["certificate"]["number"] = number
    doc["seals"] = [{"number": s, "type": "bolt", "iso_class": "H", "parcel": None} for s in seals]
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Headquarters; device A (four reports, one an amendment), device B (reusing A's seal and certificate
    number), a self-signed device, a device of another headquarters, a conflicting and a forked report."""
    base = tmp_path_factory.mktemp("hq-world")
    hq = make_hq(base / "hq")
    a = make_device(base / "a", "Amélie Ndlovu", hq)
    photos = [photo(11), photo(12, "Seal")]
    r: dict[str, str] = {"a1": sign_doc(a, example(), photos)}
    shutil.copytree(a, base / "a-backup")  # a copy of the device's history after its first report
    r["a2"] = sign_doc(a, {}, supersedes=r["a1"], changes={"site": "Mbada sort house, Marange (re-weighed)"})
    conflict_home = base / "a-conflict"
    shutil.copytree(a, conflict_home)  # a copy of the device's history just before its third report
    r["a3"] = sign_doc(a, other_doc("ZW 004300", ["ZW-C-000300"]))
    findings = other_doc("ZW 004400", ["ZW-C-000400", "ZW-S-000401"])
    findings["seals"][1]["parcel"] = "1"
    findings["parcels"][0]["weighed_carats"] = "612.00"  # beyond the weighing tolerance
    findings["parcels"][0]["declared_value_usd"] = "1.00"  # US$ 0.0017/ct: far below the band
    findings["certificate"]["value_usd"] = "18008.50"
    findings["certificate"]["lines"][0]["value_usd"] = "18008.50"  # the certificate's line says so too
    findings["site_gps"] = {"lat": -19.95, "lon": 32.33}
    # Evidence of another shipment (a1's photo of its parcel) and of another day and place (2008, in Tuscany).
    elsewhere = make_evidence_jpeg(seed=13, title="Parcel 13", lines=["evidence"], size=(480, 360),
                                   taken_at=datetime(2008, 6, 14, 11, 20), gps=(43.4633, 11.2531))
    r["a4"] = sign_doc(a, findings, [photos[0], elsewhere])
    b = make_device(base / "b", "Baraka Moyo", hq)
    r["b1"] = sign_doc(b, example())  # same certificate number and seals as a1, on another shipment
    c = make_device(base / "c", "Solo Monitor", None)
    r["c1"] = sign_doc(c, other_doc("ZW 004500", ["ZW-C-000500"]))
    other_hq = make_hq(base / "other-hq", "Someone Else")
    d = make_device(base / "d", "Foreign Monitor", other_hq)
    r["d1"] = sign_doc(d, other_doc("ZW 004600", ["ZW-C-000600"]))
    # The backup goes on as if it were the device: its next report is number 2 again.
    r["fork"] = sign_doc(base / "a-backup", other_doc("ZW 004700", ["ZW-C-000700"]))
    # The same report id as a3 with other content, validly signed by A's key (from a copy that lacks a3): its
    # report number 3 again, and a3's nonce, make a3's id (a device's ids are its own: report_id_for).
    a3_nonce = report_of(a, r["a3"])["report"]["id_nonce"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("kpmonitor.report.sign.new_report_id", lambda *_a: (r["a3"], a3_nonce))
        assert sign_doc(conflict_home, other_doc("ZW 004800", ["ZW-C-000800"])) == r["a3"]
    homes = {"a1": a, "a2": a, "a3": a, "a4": a, "b1": b, "c1": c, "d1": d, "fork": base / "a-backup"}
    bundles = {name: export(homes[name], rid, base / "out" / name) for name, rid in r.items() if name in homes}
    bundles["conflict"] = export(conflict_home, r["a3"], base / "out" / "conflict")
    return {"base": base, "hq": hq, "a": a, "r": r, "bundles": bundles, "photos": photos, "elsewhere": elsewhere}


def report_of(field: Path, report_id: str) -> dict[str, Any]:
    """The snapshot of a report signed on a field home."""
    with Workspace(Paths.for_home(field)) as w:
        snapshot: dict[str, Any] = json.loads(w.store.report(report_id)["snapshot"])
        return snapshot


@pytest.fixture
def hq(world: dict[str, Any], tmp_path: Path, hq_engine: HQEngine) -> Path:
    """A fresh copy of headquarters, before any import, on each engine."""
    return hq_engine.home(world["hq"], tmp_path / "hq")


def state(home: Path) -> tuple[Any, ...]:
    """Everything an import may change, except the import log (read through headquarters' engine)."""
    with ws(home) as h:
        hqs = hq_store(h)
        tables = [hqs.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                  for t in ("hq_reports", "hq_seals", "hq_photos")]
        return hqs.store.audit_head(), hashlib.sha256(repr(tables).encode()).hexdigest(), len(tables[0])


def imp(home: Path, *paths: Path) -> tuple[int, list[dict[str, Any]]]:
    result = run(home, "hq", "import", *map(str, paths), "--json")
    return result.exit_code, json.loads(result.output)["results"]


def ws(home: Path) -> Workspace:
    return Workspace(Paths.for_home(home))


# ------------------------------------------------------------------------------------ round trip


def test_field_to_headquarters_round_trip_with_photos(world: dict[str, Any], hq: Path, hq_engine: HQEngine) -> None:
    code, results = imp(hq, world["bundles"]["a1"])
    assert code == 0 and results[0]["outcome"] == "imported", results
    with Store(Paths.for_home(hq).database) as local:  # on PostgreSQL, the home's own file holds none of it
        held = local.conn.execute("SELECT count(*) FROM hq_reports").fetchone()[0]
    assert held == (0 if hq_engine.pg else 1)
    assert results[0]["report_id"] == world["r"]["a1"] and "Imported report" in results[0]["sentence"]
    with ws(hq) as h, ws(world["a"]) as field:
        row = field.store.report(world["r"]["a1"])
        for data in world["photos"]:
            assert h.vault.read_original(hashlib.sha256(data).hexdigest()) == data
        assert pdf_file(h.paths, world["r"]["a1"]).read_bytes() == (
            field.paths.reports / f"{world['r']['a1']}.pdf").read_bytes()
        detail = report_detail(h, world["r"]["a1"][:8])
        assert detail["snapshot"] == json.loads(row["snapshot"])
        assert detail["badge"] == "verified" and len(detail["photos"]) == 2
        assert all(c["ok"] for c in detail["verification"]["checks"])
        assert audit_ok(h)
        log = import_log(h)
        assert [e["outcome"] for e in log] == ["imported"]
    listed = json.loads(run(hq, "hq", "list", "--json").output)
    assert [(r["id"], r["cert_number"], r["carats"], r["badge"]) for r in listed] == [
        (world["r"]["a1"], "ZW 004217", "1200.50", "verified")]
    shown = run(hq, "hq", "show", world["r"]["a1"][:8])
    assert shown.exit_code == 0 and "[ok] QR seal matches the report" in shown.output
    assert run(hq, "audit", "verify").exit_code == 0


def test_headquarters_commands_read_amounts_and_moments_for_people(world: dict[str, Any], hq: Path) -> None:
    assert imp(hq, world["bundles"]["a1"])[0] == 0
    shown = run(hq, "hq", "show", world["r"]["a1"][:8]).output
    assert "Declared      1,200.50 ct   US$ 36,015.00   2 parcels" in shown
    assert "inspected 2026-11-21 09:30 UTC+02:00" in shown  # as the monitor recorded it
    for command in ("list", "monitors", "log"):
        lines = run(hq, "hq", command).output.splitlines()
        assert lines and all(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC", line) for line in lines), lines


def test_the_same_bundle_twice_changes_nothing(world: dict[str, Any], hq: Path, tmp_path: Path) -> None:
    assert imp(hq, world["bundles"]["a1"])[0] == 0
    before = state(hq)
    # Again, and again under another name in a folder (a retried e-mail, a second USB copy).
    folder = tmp_path / "again"
    folder.mkdir()
    shutil.copy(world["bundles"]["a1"], folder / "copy.kpbundle")
    code, results = imp(hq, world["bundles"]["a1"], folder)
    assert code == 0 and [r["outcome"] for r in results] == ["already", "already"]
    assert "already imported" in results[0]["sentence"]
    assert state(hq) == before


def test_the_high_s_twin_of_an_imported_bundle_is_refused(world: dict[str, Any], hq: Path,
                                                          tmp_path: Path) -> None:
    # ECDSA lets anyone turn (r, s) into (r, n − s): other bytes of the same signed content. Signing writes
    # the low one and verifiers refuse the high one, so a bundle has one byte form (its SHA-256 is its identity).
    entries = entries_of(world["bundles"]["a1"])
    r_, s_ = decode_dss_signature(base64.b64decode(entries["manifest.sig"]))
    assert s_ <= P256_ORDER // 2
    entries["manifest.sig"] = base64.b64encode(encode_dss_signature(r_, P256_ORDER - s_))
    other = tmp_path / "other.kpbundle"
    other.write_bytes(rezip(entries))
    assert imp(hq, world["bundles"]["a1"])[0] == 0
    before = state(hq)
    code, results = imp(hq, other)
    assert code == 1 and results[0]["outcome"] == "refused" and "signature does not match" in results[0]["sentence"]
    assert state(hq) == before


def test_a_report_id_with_other_content_is_a_conflict_and_quarantined(world: dict[str, Any], hq: Path) -> None:
    assert imp(hq, world["bundles"]["a3"])[0] == 0
    before = state(hq)
    code, results = imp(hq, world["bundles"]["conflict"])
    assert code == 1 and results[0]["outcome"] == "conflict"
    assert "already imported with different content" in results[0]["sentence"]
    quarantined = Path(results[0]["quarantined"])
    assert quarantined.read_bytes() == world["bundles"]["conflict"].read_bytes()
    assert "different content" in quarantined.with_name(quarantined.name + ".txt").read_text()
    assert state(hq) == before
    with ws(hq) as h:
        assert json.loads(hq_store(h).conn.execute("SELECT snapshot FROM hq_reports").fetchone()[0])[
            "inspection"]["certificate"]["number"] == "ZW 004300"


def test_a_superseding_report_is_linked_and_both_are_kept_in_any_order(world: dict[str, Any], hq: Path) -> None:
    r = world["r"]
    assert imp(hq, world["bundles"]["a2"])[0] == 0
    with ws(hq) as h:
        found = anomalies(h)
        assert any(a.kind == "missing_report" and "supersedes report" in a.sentence for a in found)
    assert imp(hq, world["bundles"]["a1"])[0] == 0
    with ws(hq) as h:
        rows = {x.id: x for x in list_reports(h)}
        assert rows[r["a1"]].superseded_by == r["a2"] and rows[r["a2"]].supersedes == r["a1"]
        assert rows[r["a2"]].version == 2
        found = anomalies(h)
        # An amendment carries its predecessor's seals and certificate number: not a reuse.
        assert not [a for a in found if a.kind in ("seal_reused", "certificate_reused", "missing_report")], found
        assert [(s.shipments, s.carats) for s in stats(h)] == [(1, 120050)]


# ------------------------------------------------------------------------------------ refusals


def test_a_revoked_certificate_is_refused(world: dict[str, Any], hq: Path) -> None:
    assert imp(hq, world["bundles"]["a3"])[0] == 0
    serial = json.loads(run(world["a"], "keys", "show", "--json").output)["signing_certificate"]["serial"]
    assert run(hq, "hq", "revoke", serial).exit_code == 0
    # What was imported before stays, with a badge that says the certificate is now revoked.
    [listed] = json.loads(run(hq, "hq", "list", "--json").output)
    assert listed["badge"] == "revoked"
    assert json.loads(run(hq, "hq", "monitors", "--json").output)[0]["revoked"] is True
    before = state(hq)
    code, results = imp(hq, world["bundles"]["a1"])
    assert code == 1 and results[0]["outcome"] == "refused"
    assert "was revoked by headquarters" in results[0]["sentence"]
    assert Path(results[0]["quarantined"]).exists()
    assert state(hq) == before


@pytest.mark.parametrize(("name", "phrase"), [("d1", "issued by another authority"), ("c1", "self-signed")])
def test_a_foreign_or_self_signed_certificate_is_refused(world: dict[str, Any], hq: Path, name: str,
                                                         phrase: str) -> None:
    before = state(hq)
    code, results = imp(hq, world["bundles"][name])
    assert code == 1 and results[0]["outcome"] == "refused" and phrase in results[0]["sentence"], results
    assert state(hq) == before


def _variants(world: dict[str, Any], tmp_path: Path) -> dict[str, Path]:
    good = world["bundles"]["a1"]
    data = good.read_bytes()
    entries = entries_of(good)
    without_photo = {n: b for n, b in entries.items() if n != sorted(entries)[3]}
    extra = dict(entries)
    extra["photos/" + hashlib.sha256(b"x").hexdigest() + ".jpg"] = b"x"
    out = {
        "zip-slip": hostile_zip([("../../evil.sh", b"#!/bin/sh\n")]),
        "link": hostile_zip([(_symlink("manifest.json"), b"/etc/passwd")]),
        "bomb": hostile_zip([("report.pdf", b"\0" * (8 << 20))], 8),
        "truncated": data[: len(data) * 2 // 3],
        "missing-photo": rezip(without_photo),
        "extra-file": rezip(extra),
    }
    paths = {}
    for name, content in out.items():
        paths[name] = tmp_path / f"{name}.kpbundle"
        paths[name].write_bytes(content)
    return paths


@pytest.mark.parametrize(("variant", "phrase"), [
    ("zip-slip", "climbs out of the archive with “..”, “../../evil.sh”"),
    ("link", "a link, “manifest.json”"),
    ("bomb", "zip bomb"),
    ("truncated", "not a complete bundle"),
    ("missing-photo", "which is missing from the bundle"),
    ("extra-file", "which its manifest does not list"),
])
def test_hostile_and_damaged_bundles_are_refused_and_change_nothing(world: dict[str, Any], hq: Path,
                                                                    tmp_path: Path, variant: str,
                                                                    phrase: str) -> None:
    path = _variants(world, tmp_path)[variant]
    assert imp(hq, world["bundles"]["a3"])[0] == 0
    before = state(hq)
    code, results = imp(hq, path)
    assert code == 1 and results[0]["outcome"] == "refused" and phrase in results[0]["sentence"], results
    assert state(hq) == before
    with ws(hq) as h:
        assert import_log(h)[0]["sentence"] == results[0]["sentence"]
    assert not (tmp_path / "evil.sh").exists() and not (hq.parent / "evil.sh").exists()


def test_one_bad_file_does_not_stop_the_others_and_the_exit_status_says_so(world: dict[str, Any], hq: Path,
                                                                           tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(world["bundles"]["a1"], inbox / "1.kpbundle")
    (inbox / "2.kpbundle").write_bytes(b"not a bundle")
    shutil.copy(world["bundles"]["a3"], inbox / "3.kpbundle")
    (inbox / "notes.txt").write_text("ignored: not a bundle name")
    (inbox / "4.kpbundle.part").write_bytes(b"an export that was interrupted: ignored")
    code, results = imp(hq, inbox)
    assert code == 1
    assert [(Path(r["file"]).name, r["outcome"]) for r in results] == [
        ("1.kpbundle", "imported"), ("2.kpbundle", "refused"), ("3.kpbundle", "imported")]
    text = run(hq, "hq", "import", str(inbox))
    assert text.exit_code == 1 and "2 already imported, 0 in conflict, 1 refused" in text.output


def test_a_failure_inside_the_transaction_leaves_nothing(world: dict[str, Any], hq: Path, hq_engine: HQEngine,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    engine, method = (PGStore, "insert") if hq_engine.pg else (Store, "_insert")  # each engine's audited insert
    real = getattr(engine, method)

    def failing(self: Any, table: str, row: dict[str, Any]) -> str:
        if table == "hq_photos":
            raise RuntimeError("disk on fire")
        return str(real(self, table, row))

    before = state(hq)
    monkeypatch.setattr(engine, method, failing)
    with ws(hq) as h:
        [result] = import_paths(h, [world["bundles"]["a1"]])
    assert result.outcome == "refused" and "unexpected error" in result.sentence
    assert state(hq) == before
    monkeypatch.setattr(engine, method, real)
    with ws(hq) as h:
        assert import_paths(h, [world["bundles"]["a1"]])[0].outcome == "imported"


def test_a_full_disk_at_headquarters_refuses_without_blaming_the_bundle(world: dict[str, Any], hq: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(path: Path, write: Any) -> None:
        raise OSError(28, "No space left on device")

    before = state(hq)
    monkeypatch.setattr(importer, "write_atomic", disk_full)
    with ws(hq) as h:
        [result] = import_paths(h, [world["bundles"]["a1"]])
    assert result.outcome == "refused" and "No space left on device" in result.sentence
    assert "import it again" in result.sentence and result.quarantined is None
    assert state(hq) == before


def test_only_a_headquarters_home_imports(world: dict[str, Any], tmp_path: Path) -> None:
    result = run(world["a"], "hq", "import", str(world["bundles"]["a1"]))
    assert result.exit_code == 1 and "needs a hq home" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(world["hq"], "hq", "import", str(empty))
    assert result.exit_code == 1 and "No .kpbundle files" in result.output


def test_progress_is_reported_and_can_cancel(world: dict[str, Any], hq: Path) -> None:
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, text: str) -> bool:
        seen.append((done, total, text))
        return done < 1

    with ws(hq) as h:
        results = import_paths(h, [world["bundles"]["a1"], world["bundles"]["a3"]], progress=progress)
    assert [r.outcome for r in results] == ["imported"]
    assert [s[:2] for s in seen] == [(0, 2), (1, 2)]


# ------------------------------------------------------------------------------------ anomalies


def test_a_gap_in_the_sequence_is_a_missing_report(world: dict[str, Any], hq: Path, hq_engine: HQEngine) -> None:
    b = world["bundles"]
    assert imp(hq, b["a3"])[0] == 0
    with ws(hq) as h:
        first = [a for a in anomalies(h) if a.kind == "missing_report"]
    assert len(first) == 1 and first[0].sentence.startswith("Reports 1–2 of device")
    assert "the first report headquarters holds is number 3" in first[0].sentence
    assert imp(hq, b["a1"], b["a2"], b["a4"])[0] == 0
    assert imp(hq, b["a3"])[0] == 0  # already
    result = json.loads(run(hq, "hq", "anomalies", "--json").output)
    assert not [a for a in result if a["kind"] == "missing_report"]
    hq2 = hq_engine.home(world["hq"], hq.parent / "hq2")
    assert imp(hq2, b["a1"], b["a2"], b["a4"])[0] == 0
    result = json.loads(run(hq2, "hq", "anomalies", "--json").output)
    missing = [a for a in result if a["kind"] == "missing_report"]
    assert len(missing) == 1 and missing[0]["severity"] == "alert"
    assert missing[0]["sentence"].startswith("Report 3 of device") and "Amélie Ndlovu" in missing[0]["sentence"]
    assert "headquarters holds reports 2 and 4" in missing[0]["sentence"]


def test_the_monitors_view_counts_the_missing_reports_the_anomalies_name(world: dict[str, Any], hq: Path) -> None:
    from kpmonitor.hq.anomalies import missing_count, missing_ranges
    from kpmonitor.hq.stats import monitors

    assert missing_ranges([7, 3, 5, 5]) == [(1, 2), (4, 4), (6, 6)] and missing_count([7, 3, 5, 5]) == 4
    assert missing_ranges([1, 2]) == missing_ranges([]) == [] and missing_count([10**12]) == 10**12 - 1
    b = world["bundles"]
    for bundles, missing in (([b["a4"]], 3), ([b["a1"], b["a2"]], 1), ([b["a3"]], 0)):  # reports 4, 1–2, 3
        assert imp(hq, *bundles)[0] == 0
        with ws(hq) as h:
            [device] = [m for m in monitors(h) if m.monitor == "Amélie Ndlovu"]
            sentences = [a.sentence for a in anomalies(h) if a.kind == "missing_report"
                         and a.device_id == device.device_id and "of device" in a.sentence]
        # The numbers the anomalies say have not arrived: "Report 3 of device…", "Reports 1–2 of…"
        named: list[int] = []
        for sentence in sentences:
            found = re.match(r"Reports? (\d+)(?:–(\d+))? of device", sentence)
            assert found, sentence
            named += range(int(found[1]), int(found[2] or found[1]) + 1)
        assert device.missing == len(named) == missing


@pytest.mark.parametrize("late", [False, True])
def test_a_history_copied_and_continued_is_refused_as_a_fork(world: dict[str, Any], hq: Path, late: bool) -> None:
    """A copy of the device's home after report 1 goes on signing: its checkpoint does not extend the history
    headquarters holds (report 2 after it), or is one the later report 2 does not descend from (report 2 first)."""
    b, r = world["bundles"], world["r"]
    code, results = imp(hq, *((b["a2"], b["fork"], b["a1"]) if late else (b["a1"], b["a2"], b["fork"])))
    assert code == 1
    [refused] = [x for x in results if x["outcome"] == "refused"]
    assert refused["report_id"] == r["fork"] and "set aside for review" in refused["sentence"], refused
    # Signed at fewer events than report 2: a history report 2 does not descend from, whichever came first.
    assert "rolled back or restored from an old copy" in refused["sentence"], refused
    assert [x["outcome"] for x in results].count("imported") == 2
    with ws(hq) as h:
        alerts = [a for a in anomalies(h) if a.kind == "history_rewritten"]
        assert len(alerts) == 1 and alerts[0].severity == "alert" and r["fork"] in alerts[0].report_ids
        assert r["fork"] not in {held.id for held in hq_store(h).held()}


def test_a_later_report_signed_earlier_in_the_audit_chain_is_a_rollback() -> None:
    def held(rid: str, seq: int, audit_seq: int, head: str) -> _Held:
        return _Held(rid * 32, 1, None, "dev" * 10, seq, audit_seq, head * 64, "M", "ZW 1", "ZW1")

    found = _device_anomalies([held("a", 1, 10, "a"), held("b", 2, 40, "b"), held("c", 3, 25, "c")])
    assert [a.kind for a in found] == ["rollback"]
    assert "Report 3 (cccccccc)" in found[0].sentence and "not after report 2" in found[0].sentence
    found = _device_anomalies([held("a", 1, 10, "a"), held("b", 2, 20, "b"), held("c", 3, 20, "c")])
    assert {a.kind for a in found} == {"fork", "rollback"}
    assert "signed at audit event 20 with different histories" in found[0].sentence


def test_a_seal_or_certificate_number_on_two_shipments_is_flagged(world: dict[str, Any], hq: Path) -> None:
    b = world["bundles"]
    assert imp(hq, b["a1"], b["a2"], b["b1"])[0] == 0
    with ws(hq) as h:
        found = anomalies(h)
    seals = sorted(a.sentence for a in found if a.kind == "seal_reused")
    assert len(seals) == 2 and seals[0].startswith("Seal ZW-C-000017 was used on 2 shipments")
    certs = [a for a in found if a.kind == "certificate_reused"]
    assert len(certs) == 1 and "KP certificate ZW 004217 appears on 2 different shipments" in certs[0].sentence
    assert "Baraka Moyo" in certs[0].sentence


def test_value_per_carat_and_weight_findings_are_listed_with_the_monitors_note(world: dict[str, Any],
                                                                              hq: Path) -> None:
    assert imp(hq, world["bundles"]["a4"])[0] == 0
    result = run(hq, "hq", "anomalies")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    value = [x for x in lines if x.startswith("[warning] value_per_carat")]
    weight = [x for x in lines if x.startswith("[warning] weight_tolerance")]
    assert len(value) == 1 and "US$ 0.00/ct" in value[0] and "Checked on site" in value[0]
    assert len(weight) == 1 and "612.00 ct" in weight[0]


# ------------------------------------------------------------------------- stored anomalies


def stored_and_recomputed(h: Workspace) -> tuple[list[Any], list[Any]]:
    hqs = hq_store(h)
    return hqs.stored_anomalies(), recompute(hqs, rules_for(h))


@pytest.mark.parametrize("order", [
    ("a2", "a3", "b1", "fork", "conflict", "a1", "c1", "a4"),
    ("a4", "fork", "a1", "b1", "a3", "a2"),
    ("b1", "a1", "a3", "fork", "a2", "a4"),
])
def test_anomalies_judged_at_each_import_equal_a_recomputation(world: dict[str, Any], hq: Path,
                                                                order: tuple[str, ...]) -> None:
    """Forked histories, gaps, a missing predecessor, reused seals and certificate, value and weight findings: whatever
    the order the bundles arrive in, the rows each import leaves are what judging everything again gives."""
    kinds: set[str] = set()
    with ws(hq) as h:
        for name in order:
            import_paths(h, [world["bundles"][name]])
            stored, recomputed = stored_and_recomputed(h)
            assert stored == recomputed, name
            kinds |= {row.anomaly.kind for row in stored}
        assert anomalies(h) == [row.anomaly for row in recomputed]
    assert {"missing_report", "history_rewritten", "value_per_carat", "weight_tolerance",
            "photo_out_of_place", "photo_reused"} <= kinds
    if "b1" in order and "a1" in order:
        assert {"seal_reused", "certificate_reused"} <= kinds


def test_a_photo_in_two_shipments_is_an_alert_and_one_taken_elsewhere_a_warning(world: dict[str, Any],
                                                                                  hq: Path) -> None:
    b, r = world["bundles"], world["r"]
    with ws(hq) as h:
        import_paths(h, [b["a1"], b["a2"]])  # an amendment carries its report's photos: no reuse
        assert not [a for a in anomalies(h) if a.kind.startswith("photo_")]
        import_paths(h, [b["a4"]])
        found = {a.kind: a for a in anomalies(h) if a.kind.startswith("photo_")}
        assert set(found) == {"photo_reused", "photo_out_of_place"}
        reused, elsewhere = found["photo_reused"], found["photo_out_of_place"]
        sha = hashlib.sha256(world["photos"][0]).hexdigest()
        assert reused.severity == "alert" and reused.report_ids == (r["a1"], r["a4"])  # a1 and a2: one shipment
        assert reused.sentence.startswith(f"The photo with SHA-256 {sha[:16]}… is evidence in the reports of 2 "
                                          "shipments: certificate ZW 004217 (report")
        assert elsewhere.severity == "warning" and elsewhere.report_ids == (r["a4"],)
        assert "Photo 2 (IMG_0001.jpg) was taken on 2008-06-14 11:20 (local time) at 43.4633° N, 11.2531° E" \
            in elsewhere.sentence and " km from the site and 6," in elsewhere.sentence
        assert elsewhere.sentence.endswith("The monitor noted: “Checked on site with the exporter.”")
        hqs = hq_store(h)
        assert hqs.stored_anomalies() == recompute(hqs, rules_for(h))


def test_an_import_that_fills_a_gap_or_a_missing_predecessor_removes_the_anomaly(world: dict[str, Any],
                                                                                   hq: Path) -> None:
    b, r = world["bundles"], world["r"]
    with ws(hq) as h:
        hqs = hq_store(h)
        import_paths(h, [b["a2"], b["a3"]])  # report 1 (a1) has not arrived; a2 supersedes it
        missing = [a.sentence for a in hqs.anomalies() if a.kind == "missing_report"]
        assert len(missing) == 2 and any(s.startswith("Report 1 of device") for s in missing)
        assert any(f"supersedes report {r['a1'][:8]}, which has not arrived" in s for s in missing)
        import_paths(h, [b["a1"]])
        assert [a for a in hqs.anomalies() if a.kind == "missing_report"] == []
        assert hqs.stored_anomalies() == recompute(hqs, rules_for(h))


def test_a_database_imported_into_before_anomalies_were_stored_judges_them_once(
        world: dict[str, Any], hq: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    b = world["bundles"]
    with ws(hq) as h:
        import_paths(h, [b["a1"], b["a3"], b["a4"], b["b1"]])
        expected = anomalies(h)
        hqs = hq_store(h)
        with hqs.transaction():  # what the migration leaves in a database that held reports already
            hqs.conn.execute("DELETE FROM hq_anomalies")
            hqs.conn.execute("DELETE FROM hq_anomalies_judged")
    with ws(hq) as h:
        assert anomalies(h) == expected
        # From now on the list is read from the rows: no snapshot is parsed again.
        monkeypatch.setattr(HQStore, "snapshot", lambda *_a: pytest.fail("a snapshot was read"))
        assert anomalies(h) == expected


def test_other_rule_settings_judge_the_findings_again(world: dict[str, Any], hq: Path) -> None:
    with ws(hq) as h:
        import_paths(h, [world["bundles"]["a4"]])
        assert "weight_tolerance" in {a.kind for a in anomalies(h)}
        h.settings.set("weight_tolerance_pct", "5")  # 5 % of the declared weight either way
    with ws(hq) as h:
        assert "weight_tolerance" not in {a.kind for a in anomalies(h)}
        hqs = hq_store(h)
        assert hqs.stored_anomalies() == recompute(hqs, rules_for(h))


def test_the_rebuild_command_judges_everything_again(world: dict[str, Any], hq: Path) -> None:
    assert imp(hq, world["bundles"]["a3"])[0] == 0
    with ws(hq) as h, hq_store(h).transaction():
        hq_store(h).conn.execute("DELETE FROM hq_anomalies")  # rows lost: the judged marker says they are current
    assert json.loads(run(hq, "hq", "anomalies", "--json").output) == []
    rebuilt = json.loads(run(hq, "hq", "anomalies", "--json", "--rebuild").output)
    assert [a["kind"] for a in rebuilt] == ["missing_report"]


# ------------------------------------------------------------------------------ search and stats


def test_search_and_statistics(world: dict[str, Any], hq: Path, tmp_path: Path) -> None:
    b = world["bundles"]
    assert imp(hq, b["a1"], b["a2"], b["a3"], b["a4"], b["b1"])[0] == 0

    def ids(search: str) -> set[str]:
        return {r["id"] for r in json.loads(run(hq, "hq", "list", "--json", "--search", search).output)}

    r = world["r"]
    assert ids("ZW004300") == ids("zw 004300") == {r["a3"]}
    assert ids("Baraka") == {r["b1"]}
    assert ids("mbada amélie") == {r["a1"], r["a2"], r["a3"], r["a4"]}
    assert ids("2026-11") == ids("certified") == {r["a1"], r["a2"], r["a3"], r["a4"], r["b1"]}
    assert ids("ZW-C-000400") == {r["a4"]}
    assert ids("nothing-like-this") == set()
    out = tmp_path / "stats.csv"
    result = run(hq, "hq", "stats", "--csv", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # a1 and a2 are one shipment (a2 supersedes a1): four shipments, not five.
    assert rows == [{"month": "2026-11", "origin": "ZW", "shipments": "4", "certified": "4",
                     "carats": "4802.00", "value_usd": "126053.50", "usd_per_carat": "26.25"}]
    monitors = json.loads(run(hq, "hq", "monitors", "--json").output)
    assert {(m["monitor"], m["reports"], m["missing"]) for m in monitors} == {("Amélie Ndlovu", 4, 0),
                                                                                ("Baraka Moyo", 1, 0)}


# What differs between two imports of the same bundles whatever the engine: when, and where the home is.
_WHEN = re.compile(r'"(imported_at|at|last_imported_at)": "[^"]*"')


def _answers(home: Path) -> dict[str, Any]:
    """What the command line answers about everything headquarters holds, made comparable across homes (the ids
    headquarters draws itself, a confirmation's, named by their order)."""
    drawn = {c["id"]: f"confirmation {n}" for n, c in enumerate(json.loads(run(home, "hq", "confirmations",
                                                                                 "--json").output))}
    out: dict[str, Any] = {}
    for command in (["list"], ["list", "--search", "zw 0043"], ["list", "--search", "amélie"], ["anomalies"],
                    ["monitors"], ["stats"], ["stats", "--by", "operator"], ["log"], ["confirmations"],
                    ["dashboard"]):
        result = run(home, "hq", *command, "--json")
        assert result.exit_code == 0, (command, result.output)
        text = _WHEN.sub(r'"\1": "…"', result.output.replace(str(home), "HOME"))
        for drawn_id, name in drawn.items():
            text = text.replace(drawn_id, name)
        out[" ".join(command)] = json.loads(text)
    return out


def test_both_engines_give_the_same_answers_in_the_same_order(world: dict[str, Any], tmp_path: Path,
                                                                pg_databases: Databases) -> None:
    """The same bundles imported on SQLite and on PostgreSQL: every list, count and sentence alike, in one order."""
    b = world["bundles"]
    bundles = [b[n] for n in ("a2", "a3", "b1", "fork", "conflict", "a1", "c1", "d1", "a4")]
    engines = [HQEngine(name, pg_databases if name == "postgresql" else None) for name in ENGINES]
    try:
        answers = []
        for engine in engines:
            home = engine.home(world["hq"], tmp_path / engine.name / "hq")
            code, _results = imp(home, *bundles)
            assert code == 1  # the fork, the conflict and the foreign device's report
            confirmed = run(home, "hq", "confirm", "ZW 004217", "--on", "2026-11-30", "--authority", "Antwerp",
                            "--parcels", "3")
            assert confirmed.exit_code == 0, confirmed.output
            answers.append(_answers(home))
        sqlite, postgresql = answers
        assert all(sqlite[c] for c in ("list", "list --search zw 0043", "anomalies", "monitors", "stats",
                                       "confirmations"))
        for command, answer in sqlite.items():  # as text, a line a value: a difference reads as one
            texts = [json.dumps(a, indent=1, ensure_ascii=False).splitlines() for a in (answer, postgresql[command])]
            diff = difflib.unified_diff(texts[0], texts[1], ENGINES[0], ENGINES[1], lineterm="")
            assert texts[0] == texts[1], "\n".join([command, *diff])
    finally:
        for engine in engines:
            engine.drop()


def test_a_report_without_carats_or_value_sorts_below_every_other_on_both_engines(world: dict[str, Any],
                                                                                 hq: Path) -> None:
    """SQLite sorts NULL as the smallest value, PostgreSQL as the largest unless told: the list sorted by carats or
    value is one order on both (a report without them last, largest first; first, smallest first)."""
    assert imp(hq, world["bundles"]["a1"], world["bundles"]["a3"])[0] == 0
    blank = "f" * 32
    with ws(hq) as h:
        hqs = hq_store(h)
        names = [str(d[0]) for d in hqs.conn.execute("SELECT * FROM hq_reports LIMIT 0").description
                 if d[0] != "rowid"]
        copied = {"id": f"'{blank}'", "carats": "NULL", "value_usd": "NULL"}
        with hqs.transaction():  # a3 again, without its figures (a certificate that gives none)
            hqs.conn.execute(f"INSERT INTO hq_reports ({', '.join(names)}) SELECT "
                             f"{', '.join(copied.get(n, n) for n in names)} FROM hq_reports WHERE id = ?",
                             [world["r"]["a3"]])
        for column in ("carats", "value_usd"):
            largest_first = [r.id for r in list_reports(h, order_by=column)]
            smallest_first = [r.id for r in list_reports(h, order_by=column, descending=False)]
            assert largest_first[-1] == smallest_first[0] == blank, (column, largest_first, smallest_first)
            assert largest_first == smallest_first[::-1], column


def test_an_import_with_headquarters_list_past_its_next_update_is_refused(world: dict[str, Any], hq: Path) -> None:
    from kpmonitor.trust.identity import pem
    from kpmonitor.trust.keys import Keyring
    from tests.test_bundle import stale_crl

    crl = stale_crl(hq)
    Keyring(Paths.for_home(hq)).crl_file.write_bytes(pem(crl))
    before = state(hq)
    code, results = imp(hq, world["bundles"]["a1"])
    assert code == 1 and results[0]["outcome"] == "refused"
    assert "out of date" in results[0]["sentence"] and f"{crl.next_update_utc:%Y-%m-%d}" in results[0]["sentence"]
    assert state(hq) == before


def test_a_row_no_monitor_signed_is_named_by_audit_verify_and_the_detail(world: dict[str, Any], hq: Path) -> None:
    """Someone who can write to headquarters' database adds a report row, with its audit event (the chain holds no
    secret): the chain checks, but the row is not what its manifest signs (``hq.recheck``)."""
    assert imp(hq, world["bundles"]["a1"], world["bundles"]["a4"])[0] == 0
    assert json.loads(run(hq, "audit", "verify", "--json").output)["ok"]  # what was imported checks
    with ws(hq) as h:
        hqs = hq_store(h)
        row = next(hqs.signed_rows())
        with hqs.transaction():  # the store's own audited insert: a valid audit event
            hqs.store.insert("hq_reports", {**row, "id": "f" * 32, "bundle_sha256": "0" * 64})
    said = json.loads(run(hq, "audit", "verify", "--json").output)
    assert not said["ok"]
    assert [p for p in said["problems"] if "not what a monitor signed" in p] == [
        "Imported report ffffffff is not what a monitor signed: its PDF or its id is not the one its manifest "
        "signs. It was written into headquarters' database outside kpmonitor."]
    shown = run(hq, "hq", "show", "f" * 32)
    assert "PROBLEM: Imported report ffffffff is not what a monitor signed" in shown.output
    assert "PROBLEM" not in run(hq, "hq", "show", row["id"]).output


@pytest.mark.parametrize("typed", ["ZW 004217", "ZW004217", "ZW-004217", "zw/004217", "004-217"])
def test_a_certificate_number_typed_any_way_finds_its_report_on_each_engine(world: dict[str, Any], hq: Path,
                                                                            typed: str) -> None:
    assert imp(hq, world["bundles"]["a1"], world["bundles"]["a3"])[0] == 0
    found = json.loads(run(hq, "hq", "list", "--search", typed, "--json").output)
    assert [r["id"] for r in found] == [world["r"]["a1"]], typed
