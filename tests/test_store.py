"""The store: schema from migrations, write-through edits, frozen signed records, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.domain.inspection import Finding, FindingSeverity, Parcel, Seal, SealEvent, SealEventKind, from_document
from kpmonitor.errors import Conflict, FrozenError, KPError, NotFound
from kpmonitor.store.db import Store, new_id, now
from kpmonitor.store.schema import MIGRATIONS, MIGRATIONS_TABLE, migrations, migrations_pending
from kpmonitor.workspace import Workspace


def create(ws: Workspace, doc: dict[str, Any]) -> str:
    insp, problems = from_document(doc)
    assert problems == []
    return ws.store.create_inspection(insp)


def test_migrations_build_the_schema_from_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"inspections", "parcels", "seals", "seal_events", "findings", "photos", "audit",
                "reports", "_sqlite_migrations"} <= tables
        assert [m.name for m in migrations().applied(store.db)] == [m.__name__ for m in MIGRATIONS]
        assert migrations().pending(store.db) == []
        assert not migrations_pending(store.conn)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # Opening again applies nothing twice.
    with Store(tmp_path / "new.db") as store:
        assert len(migrations().applied(store.db)) == len(MIGRATIONS)


def test_a_store_missing_a_migration_gets_it(tmp_path: Path) -> None:
    """The quick check (sqlite3 alone) sees what sqlite-utils would apply."""
    import sqlite_utils

    assert sqlite_utils.Migrations.migrations_table == MIGRATIONS_TABLE
    Store(tmp_path / "s.db").close()
    conn = sqlite3.connect(tmp_path / "s.db")
    with conn:
        conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = ?", ["m005_count_index"])
        conn.execute("DROP INDEX inspections_deleted")  # what that migration made
    assert migrations_pending(conn)
    conn.close()
    with Store(tmp_path / "s.db") as store:
        assert not migrations_pending(store.conn)
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "inspections_deleted" in indexes


def test_reading_an_up_to_date_store_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """The list opens on sqlite3 alone: sqlite-utils comes in with the first write."""
    import subprocess
    import sys

    Store(tmp_path / "s.db").close()
    script = (
        "import sys\n"
        "from kpmonitor.store.db import Store\n"
        f"store = Store({str(tmp_path / 's.db')!r})\n"
        "assert store.count() == 0 and store.summaries(limit=100) == []\n"
        "assert 'sqlite_utils' not in sys.modules, 'read'\n"
        "from kpmonitor.domain.inspection import Inspection\n"
        "store.create_inspection(Inspection())\n"
        "assert 'sqlite_utils' in sys.modules, 'written'\n"
        "assert store.count() == 1\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_an_inspection_round_trips(ws: Workspace, example_doc: dict[str, Any]) -> None:
    from kpmonitor.domain.inspection import to_document

    inspection_id = create(ws, example_doc)
    loaded = ws.store.get(inspection_id)
    assert to_document(loaded, with_record=False) == to_document(from_document(example_doc)[0], with_record=False)
    assert loaded.monitor == "Jane Monitor" and loaded.device_id == ws.home.device_id
    assert loaded.seals[0].parcel == "1" and loaded.seals[1].parcel is None


def test_every_edit_is_written_through_at_once(ws: Workspace, field_paths: Any, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    ws.store.update_inspection(inspection_id, {"certificate.exporter.name": "Marange Resources"})
    parcel_id = ws.store.get(inspection_id).parcels[0].id
    assert parcel_id
    ws.store.update_parcel(parcel_id, {"weighed_carats": 60030})
    # A second connection (another process) sees both changes without any save or close.
    other = sqlite3.connect(field_paths.database)
    assert other.execute("SELECT exporter_name FROM inspections").fetchone()[0] == "Marange Resources"
    assert other.execute("SELECT weighed_carats FROM parcels WHERE id = ?", [parcel_id]).fetchone()[0] == 60030


def test_a_reused_seal_is_refused_with_where_it_is_used(ws: Workspace, example_doc: dict[str, Any]) -> None:
    first = create(ws, example_doc)
    second_doc = {**example_doc, "seals": []}
    second = create(ws, second_doc)
    with pytest.raises(Conflict, match="ZW-S-000981 is already used on the inspection of certificate ZW 004217"):
        ws.store.add_seal(second, Seal(number="zw-s-000981"))
    with pytest.raises(Conflict, match="already used on parcel 1"):
        ws.store.add_seal(first, Seal(number="ZW-S-000981"))
    with pytest.raises(Conflict, match="only letters, digits"):
        ws.store.add_seal(second, Seal(number="ZW S 1"))
    assert len(ws.store.get(second).seals) == 0


def test_a_deleted_draft_frees_its_seals_and_can_be_restored(ws: Workspace, example_doc: dict[str, Any]) -> None:
    first = create(ws, example_doc)
    ws.store.delete_inspection(first)
    assert ws.store.count() == 0
    assert ws.store.seal_used_elsewhere("ZW-S-000981", None) is None
    ws.store.restore_inspection(first)
    assert ws.store.count() == 1 and ws.store.summaries()[0].id == first


def test_parcels_reorder_and_delete(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    third = ws.store.add_parcel(inspection_id, Parcel(number="3", hs_code="7102.31"))
    ws.store.move("parcels", third, 0)
    assert [p.number for p in ws.store.get(inspection_id).parcels] == ["3", "1", "2"]
    first = ws.store.get(inspection_id).parcels[1]
    assert first.id
    ws.store.delete_parcel(first.id)
    insp = ws.store.get(inspection_id)
    assert [p.number for p in insp.parcels] == ["3", "2"]
    # The seal that was on parcel 1 stays, now on nothing: the rules will say so.
    assert insp.seals[0].number == "ZW-S-000981" and insp.seals[0].parcel is None


def test_seal_events_and_findings(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    seal_id = ws.store.seal_id(inspection_id, "zw-c-000017")
    ws.store.add_seal_event(seal_id, SealEvent(SealEventKind.BROKEN, by="Jane", note="shank sheared"))
    ws.store.add_finding(inspection_id, Finding(FindingSeverity.MAJOR, "security", "Seal replaced."))
    insp = ws.store.get(inspection_id)
    assert insp.seals[1].events[0].kind is SealEventKind.BROKEN and insp.seals[1].events[0].at
    assert insp.findings[-1].text == "Seal replaced."
    codes = {p.code for p in ws.validate(insp)}
    assert "seal.event.broken" in codes


def test_validation_counts_follow_every_edit(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    assert (ws.store.summaries()[0].errors, ws.store.summaries()[0].warnings) == (0, 0)
    ws.store.update_inspection(inspection_id, {"verdict": None, "certificate.carats": 1})
    row = ws.store.summaries()[0]
    assert row.errors == 3 and row.warnings == 1  # the parcels, the lines, the verdict; the assortment


def test_signed_inspections_are_frozen_even_below_the_application(ws: Workspace,
                                                                   example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    # Signing proper comes with the report; here only the status matters.
    ws.store.conn.execute("UPDATE inspections SET status = 'signed' WHERE id = ?", [inspection_id])
    ws.store.conn.commit()
    with pytest.raises(FrozenError, match="amend it instead"):
        ws.store.update_inspection(inspection_id, {"site": "elsewhere"})
    with pytest.raises(FrozenError):
        ws.store.add_parcel(inspection_id, Parcel(number="9"))
    parcel_id = ws.store.get(inspection_id).parcels[0].id
    with pytest.raises(FrozenError):
        ws.store.update_parcel(str(parcel_id), {"weighed_carats": 1})
    # The triggers refuse even a direct UPDATE that bypasses the store's checks.
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        ws.store.conn.execute("UPDATE parcels SET weighed_carats = 1 WHERE id = ?", [parcel_id])
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        ws.store.conn.execute("UPDATE inspections SET site = 'x' WHERE id = ?", [inspection_id])


def test_search_by_certificate_exporter_importer_site_and_seal(ws: Workspace, example_doc: dict[str, Any]) -> None:
    target = create(ws, example_doc)
    other = {**example_doc, "seals": [], "site": "Gaborone valuation centre",
             "certificate": {**example_doc["certificate"], "number": "BW 77",
                             "exporter": {"name": "Okavango Diamond Company", "address": "Gaborone"},
                             "importer": {"name": "Dubai Rough DMCC", "address": "Dubai"}}}
    create(ws, other)
    for query in ["ZW 004217", "ZW004217", "zw 0042", "Mbada", "mbada diam", "Antwerp", "sort house",
                  "ZW-S-000981", "000981", "ZW-C"]:
        assert [r.id for r in ws.store.summaries(query)] == [target], query
    assert ws.store.count("Okavango") == 1
    assert ws.store.count("nothing-like-this") == 0
    assert ws.store.count('"') == 2  # a stray quote is not an FTS syntax error


def test_search_follows_edits(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    ws.store.update_inspection(inspection_id, {"certificate.importer.name": "Dubai Rough DMCC"})
    assert ws.store.count("Dubai") == 1 and ws.store.count("Antwerp Rough") == 0


def test_ids_resolve_from_a_unique_prefix(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    assert ws.store.resolve(inspection_id[:6]) == inspection_id
    with pytest.raises(NotFound):
        ws.store.resolve("ffffffffff")
    with pytest.raises(NotFound, match="at least its first 4"):
        ws.store.resolve("ab")


def test_acknowledging_a_warning_needs_a_note(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    with pytest.raises(KPError, match="Say why"):
        ws.store.acknowledge(inspection_id, "parcel.not_weighed", "parcels[0].weighed_carats", "  ")
    ws.store.acknowledge(inspection_id, "parcel.not_weighed", "parcels[0].weighed_carats", "scale broken")
    ack = ws.store.get(inspection_id).acknowledgements[0]
    assert ack.note == "scale broken" and ack.by == "Jane Monitor"


def test_a_broad_search_gives_the_same_page_as_a_narrow_plan(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.store import listing

    fill_demo(ws, count=30, photos=False)
    expected = [r.id for r in ws.store.summaries("ZW", limit=10, offset=5)]
    monkeypatch.setattr(listing, "BROAD_SEARCH", 3)  # every search now walks the list's order
    assert [r.id for r in ws.store.summaries("ZW", limit=10, offset=5)] == expected
    assert len(expected) == 10


def test_a_read_only_list_reader_gives_the_stores_rows_and_counts(ws: Workspace, field_paths: Any) -> None:
    """The desktop's first page is read on a connection of its own that cannot write: the same rows, the
    same counts, the same newest receipt, in any order and search."""
    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.store.listing import open_read_only

    fill_demo(ws, count=12, photos=False)
    reader = open_read_only(field_paths.database)
    assert reader is not None
    try:
        for search in (None, "ZW", "nothing-like-this"):
            assert reader.count(search) == ws.store.count(search)
            for order_by in ("updated_at", "carats", "status", "warnings"):
                for descending in (True, False):
                    assert reader.summaries(search, limit=5, offset=2, order_by=order_by,
                                            descending=descending) == ws.store.summaries(
                        search, limit=5, offset=2, order_by=order_by, descending=descending)
        assert reader.latest_receipt() == ws.store.latest_receipt()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("DELETE FROM validation")
    finally:
        reader.close()


def test_a_read_only_list_reader_is_refused_for_a_store_to_migrate_or_none(tmp_path: Path) -> None:
    """Only an up-to-date store is read without the store: a missing migration waits for the store to apply it."""
    from kpmonitor.store.listing import open_read_only

    assert open_read_only(tmp_path / "none.db") is None
    with Store(tmp_path / "s.db") as store:
        store.conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = ?", [MIGRATIONS[-1].__name__])
        store.conn.commit()
    assert open_read_only(tmp_path / "s.db") is None
    reader = open_read_only(tmp_path / "s.db", up_to_date=False)
    assert reader is not None
    reader.close()
    (tmp_path / "junk.db").write_bytes(b"not a database" * 100)
    assert open_read_only(tmp_path / "junk.db") is None


def test_the_list_knows_a_signed_status_as_the_domain_spells_it() -> None:
    from kpmonitor.domain.inspection import Status
    from kpmonitor.store.listing import SIGNED

    assert Status.SIGNED.value == SIGNED


def test_each_edit_is_validated_once_after_it_commits(ws: Workspace, example_doc: dict[str, Any],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    inspection_id = create(ws, example_doc)
    calls: list[bool] = []
    real = ws.validate

    def counting(insp: Any) -> Any:
        calls.append(ws.store.conn.in_transaction)
        return real(insp)

    monkeypatch.setattr(ws, "validate", counting)
    ws.store.update_inspection(inspection_id, {"site": "Mbada sort house"})
    insp, problems = ws.checked(inspection_id)  # what the editor reloads: no second validation
    assert calls == [False]  # once, and outside the write transaction
    assert insp.site == "Mbada sort house" and problems == real(insp)
    assert ws.store.summaries()[0].errors == sum(1 for p in problems if p.is_error)


def test_replacing_a_draft_keeps_its_photos_linked_by_number(ws: Workspace, example_doc: dict[str, Any]) -> None:
    inspection_id = create(ws, example_doc)
    parcel_1 = ws.store.parcel_id(inspection_id, "1")
    ws.store.add_photo(inspection_id, sha256="ab" * 32, original_name="p1.jpg", format="JPEG", width=4, height=3,
                       size=10, taken_at=None, gps_lat=None, gps_lon=None, parcel_id=parcel_1)
    ws.store.add_photo(inspection_id, sha256="cd" * 32, original_name="p2.jpg", format="JPEG", width=4, height=3,
                       size=10, taken_at=None, gps_lat=None, gps_lon=None,
                       parcel_id=ws.store.parcel_id(inspection_id, "2"))
    doc = {**example_doc, "parcels": [dict(example_doc["parcels"][0], number="1")]}
    doc["seals"] = [s for s in example_doc["seals"] if s["parcel"] in (None, "1")]
    insp, _ = from_document(doc)
    ws.store.replace_inspection(inspection_id, insp)
    after = ws.store.get(inspection_id)
    by_name = {p.original_name: p for p in after.photos}
    assert set(by_name) == {"p1.jpg", "p2.jpg"}  # evidence is never dropped by an edit
    assert by_name["p1.jpg"].parcel == "1" and by_name["p2.jpg"].parcel is None
    assert [p.number for p in after.parcels] == ["1"]


def _sign_in_store(ws: Workspace, inspection_id: str) -> None:
    """Freeze an inspection as signing does, without the keys (the store's part only)."""
    head = ws.store.audit_head()
    ws.store.record_report(inspection_id, {"id": new_id(), "version": 1, "snapshot": "{}", "snapshot_sha256": "0" * 64,
                                           "audit_seq": head.seq, "audit_head": head.hash, "signed_at": now()},
                           expected_head=head)


def test_a_report_has_one_amendment_at_a_time_even_through_restore(ws: Workspace,
                                                                    example_doc: dict[str, Any]) -> None:
    # Amend A (B), delete B, amend A again (C), restore B: two live amendments of one report.
    a = create(ws, example_doc)
    _sign_in_store(ws, a)
    b = ws.store.amend(a, "Corrected weights.")
    with pytest.raises(Conflict, match="already amended"):
        ws.store.amend(a, "Corrected weights.")
    ws.store.delete_inspection(b)
    c = ws.store.amend(a, "Corrected weights.")
    with pytest.raises(Conflict, match="amended again meanwhile"):
        ws.store.restore_inspection(b)
    assert {s.id for s in ws.store.summaries()} == {a, c}
    ws.store.delete_inspection(c)
    ws.store.restore_inspection(b)  # once the other is gone, it comes back
    assert {s.id for s in ws.store.summaries()} == {a, b}


def test_an_amendment_keeps_who_accepted_each_warning_and_when(ws: Workspace, example_doc: dict[str, Any]) -> None:
    a = create(ws, example_doc)
    ws.store.acknowledge(a, "parcel.weight.tolerance", "parcels[0].weighed_carats", "re-weighed three times")
    before = ws.store.get(a).acknowledgements[0]
    _sign_in_store(ws, a)
    ws.store.actor = "Another Monitor"
    amended = ws.store.get(ws.store.amend(a, "Corrected weights.")).acknowledgements[0]
    assert (amended.by, amended.at, amended.note) == (before.by, before.at, before.note)
    assert amended.by == "Jane Monitor"


def test_replacing_a_draft_keeps_its_acknowledgements(ws: Workspace, example_doc: dict[str, Any]) -> None:
    a = create(ws, example_doc)
    ws.store.acknowledge(a, "parcel.weight.tolerance", "parcels[0].weighed_carats", "re-weighed three times")
    insp, _ = from_document(example_doc)  # a document carries no acknowledgements
    ws.store.replace_inspection(a, insp)
    assert [x.note for x in ws.store.get(a).acknowledgements] == ["re-weighed three times"]


def test_what_the_last_commit_validated_is_not_handed_out_once_another_writer_changed_it(
        ws: Workspace, field_paths: Any, example_doc: dict[str, Any]) -> None:
    a = create(ws, example_doc)
    ws.store.update_inspection(a, {"site": "Mbada sort house"})  # validated, kept for checked()
    with Workspace(field_paths) as other:  # another window, or the command line
        other.store.update_inspection(a, {"site": "Harare vault"})
    insp, _ = ws.checked(a)
    assert insp.site == "Harare vault"


def test_out_of_date_counts_are_made_again(ws: Workspace, example_doc: dict[str, Any]) -> None:
    a = create(ws, example_doc)
    b = create(ws, {**example_doc, "seals": [], "certificate": {**example_doc["certificate"], "number": "ZW 000002"}})
    assert ws.revalidate_stale() == 0  # every count is current
    ws.store.conn.execute("DELETE FROM validation WHERE inspection_id = ?", [a])  # a crash before the count
    ws.store.conn.commit()
    assert ws.revalidate_stale() == 1
    assert {s.id: s.errors for s in ws.store.summaries()}[a] == 0
    # A changed tolerance is other rules: every count is made again, once.
    ws.settings.set("weight_tolerance_ct", "0.00")
    ws.settings.set("weight_tolerance_pct", "0")
    assert ws.revalidate_stale() == 2 and ws.revalidate_stale() == 0
    assert b in {s.id for s in ws.store.summaries()}


def test_a_change_the_database_refuses_is_a_sentence_not_a_traceback(ws: Workspace,
                                                                    example_doc: dict[str, Any]) -> None:
    from kpmonitor.errors import WriteFailed

    a = create(ws, example_doc)
    with pytest.raises(WriteFailed, match="not saved"):
        ws.store.update_inspection(a, {"certificate.carats": -5})  # a CHECK the application never breaks


def test_a_seals_applied_event_names_who_the_form_says_applied_it(ws: Workspace, example_doc: dict[str, Any]) -> None:
    """The event of a seal's application is the form's: filled from it when it names no one, and corrected with
    it, each correction audited; the verification events the monitor records keep their own actor."""
    inspection_id = create(ws, {**example_doc, "seals": []})
    seal_id = ws.store.add_seal(inspection_id, Seal(
        number="ZW-S-000990", applied_by="MMCZ sealing officer", witness="ZIMRA officer",
        applied_at="2026-11-21T10:05:00+02:00",
        events=[SealEvent(SealEventKind.APPLIED), SealEvent(SealEventKind.VERIFIED_INTACT, by="Jane Monitor")]))
    events = ws.store.get(inspection_id).seals[0].events
    assert [(e.kind, e.by, e.at) for e in events] == [
        (SealEventKind.APPLIED, "MMCZ sealing officer", "2026-11-21T10:05:00+02:00"),
        (SealEventKind.VERIFIED_INTACT, "Jane Monitor", events[1].at)]
    head = ws.store.audit_head().seq
    ws.store.update_seal(seal_id, {"applied_by": "T. Moyo (MMCZ)", "applied_at": "2026-11-21T10:07:00+02:00"})
    events = ws.store.get(inspection_id).seals[0].events
    assert (events[0].by, events[0].at) == ("T. Moyo (MMCZ)", "2026-11-21T10:07:00+02:00")
    assert events[1].by == "Jane Monitor"
    assert ws.store.audit_head().seq == head + 2  # the seal's change and its event's, in one transaction
    ws.store.update_seal(seal_id, {"witness": "Insp. R. Ncube"})  # the witness is no event's actor
    assert ws.store.get(inspection_id).seals[0].events[0].by == "T. Moyo (MMCZ)"
