"""Amendments that cannot be mistaken for originals, and headquarters' notes on what it should look at.

The field: the list tells two versions of one report apart (its version, what it supersedes or is superseded
by, whether its bundle was exported and headquarters' newest receipt holds it); amending asks why, and the
reason goes into the new report (snapshot ``kpmonitor-report/3`` and its PDF), while reports of format 2 still
verify and import. Headquarters: "set aside" is explained where it is said; an analyst's note on an anomaly,
audited and never edited, survives the anomalies being judged again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.domain.inspection import from_document
from kpmonitor.paths import Paths
from kpmonitor.report import sign as report_sign
from kpmonitor.report.sign import sign_inspection
from kpmonitor.rules.problems import ValidationError
from kpmonitor.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE, fresh_copies
from tests.test_bundle import example, make_device, make_hq, run, sign_doc
from tests.test_history import receipt_for
from tests.test_hq import imp, other_doc
from tests.test_insiders import exported
from tests.test_report_pdf import flat, page_texts

REASON = "Parcel 1 was re-weighed at the vault: 600.26 ct, not 600.27 ct."


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("amendments")
    hq = make_hq(base / "hq")
    return {"hq": hq, "a": make_device(base / "a", "Amélie Ndlovu", hq),
            "b": make_device(base / "b", "Baraka Moyo", hq)}


@pytest.fixture
def homes(enrolled: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    return fresh_copies(enrolled, tmp_path)


def listed(home: Path) -> dict[str, dict[str, Any]]:
    result = run(home, "list", "--json")
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.output)}


def inspection_of(home: Path, report_id: str) -> str:
    with Workspace(Paths.for_home(home)) as ws:
        return str(ws.store.report(report_id)["inspection_id"])


def amend(home: Path, inspection_id: str, reason: str = REASON) -> str:
    result = run(home, "amend", inspection_id[:8], "--reason", reason)
    assert result.exit_code == 0, result.output
    return result.output.strip()


# ------------------------------------------------------------------- the list tells versions apart


def test_the_list_shows_version_lineage_export_and_receipt(homes: dict[str, Path]) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    r1 = sign_doc(a, example())
    first = inspection_of(a, r1)
    row = listed(a)[first]
    assert (row["version"], row["report_id"], row["exported"], row["received"]) == (1, r1, False, False)
    assert row["supersedes"] is None and row["superseded_by"] is None
    # Exported, imported, receipted: the receipt installed here says headquarters holds it.
    files = exported(a, r1, usb / "r1")
    assert imp(hq, files["bundle"])[0] == 0
    assert run(a, "receipts", "install", str(receipt_for(hq, usb))).exit_code == 0
    draft = amend(a, first)
    rows = listed(a)
    old, new = rows[first], rows[draft]
    assert old["exported"] and old["exported_at"] and old["received"] and old["receipt_issued_at"]
    assert (old["superseded_by"], old["superseded_by_signed"]) == (draft, False)
    assert (new["status"], new["version"], new["supersedes"], new["supersedes_version"]) == ("draft", 2, first, 1)
    assert new["amend_reason"] == REASON and new["report_id"] is None and not new["exported"]
    text = run(a, "list").output
    assert "being amended" in text and "received by headquarters" in text and "draft v2" in text

    with Workspace(Paths.for_home(a)) as ws:
        r2 = sign_inspection(ws, draft, TEST_PASSPHRASE).report_id
    rows = listed(a)
    old, new = rows[first], rows[draft]
    assert old["superseded_by_signed"] and old["received"]  # what headquarters holds stays held
    assert (new["status"], new["version"], new["report_id"]) == ("signed", 2, r2)
    assert not new["exported"] and not new["received"]  # not sent yet: the receipt predates it
    lines = {line[:8]: line for line in run(a, "list").output.splitlines()}
    assert f"superseded by v2 ({draft[:8]})" in lines[first[:8]] and "signed v1" in lines[first[:8]]
    assert f"supersedes v1 ({first[:8]})" in lines[draft[:8]] and "not exported" in lines[draft[:8]]


def test_the_lists_extra_fields_come_in_one_query_per_page(homes: dict[str, Path]) -> None:
    """Versions, lineage and exports are read for the page shown, in one more query, whatever the order."""
    a = homes["a"]
    r1 = sign_doc(a, example())
    first = inspection_of(a, r1)
    draft = amend(a, first)
    with Workspace(Paths.for_home(a)) as ws:
        queries: list[str] = []
        ws.store.conn.set_trace_callback(queries.append)
        for order in ("updated_at", "carats", "status"):
            page = {s.id: s for s in ws.store.summaries(order_by=order)}
            assert page[first].superseded_by == draft and page[draft].version == 2
        ws.store.conn.set_trace_callback(None)
    assert len([q for q in queries if q.lstrip().upper().startswith("SELECT")]) == 6


# ------------------------------------------------------------ amending says why, and the report says it too


def test_amend_asks_for_the_reason_and_the_new_report_carries_it(homes: dict[str, Path]) -> None:
    a = homes["a"]
    r1 = sign_doc(a, example())
    first = inspection_of(a, r1)
    missing = run(a, "amend", first)
    assert missing.exit_code == 2 and "--reason" in missing.output
    blank = run(a, "amend", first, "--reason", "   ")
    assert blank.exit_code == 1 and "Say why the report is amended" in blank.output
    draft = amend(a, first)
    with Workspace(Paths.for_home(a)) as ws:
        assert ws.store.get(draft).amend_reason == REASON
        report = sign_inspection(ws, draft, TEST_PASSPHRASE)
        snap = json.loads(ws.store.report(report.report_id)["snapshot"])
        pdf = report.pdf_path.read_bytes()
        assert ws.store.verify_audit().ok
    assert snap["format"] == "kpmonitor-report/4" and snap["report"]["version"] == 2
    assert snap["amendment"] == {"reason": REASON} and snap["report"]["supersedes"] == r1
    assert f"Amends report v1 ({r1[:8]}): {REASON}" in flat(page_texts(pdf)[0])
    with Workspace(Paths.for_home(a)) as ws:  # the first version states no amendment
        assert json.loads(ws.store.report(r1)["snapshot"])["amendment"] is None


def test_an_amendment_without_a_reason_cannot_be_signed_until_it_is_given(homes: dict[str, Path]) -> None:
    """A draft amended before reasons were asked has none: signing names the field; amending again gives it."""
    a = homes["a"]
    r1 = sign_doc(a, example())
    first = inspection_of(a, r1)
    with Workspace(Paths.for_home(a)) as ws:
        old = ws.store.get(first)
        old.id = None
        for part in (*old.parcels, *old.seals, *old.findings):
            part.id = None
        draft = ws.store.create_inspection(old, supersedes=first)  # as the store made amendments before
        with pytest.raises(ValidationError) as refused:
            sign_inspection(ws, draft, TEST_PASSPHRASE)
        assert [p.field for p in refused.value.problems] == ["amend_reason"]
        assert "amend_reason: Say why this amendment corrects the signed report" in str(refused.value)
    assert amend(a, first) == draft  # the draft is given the reason, not a second amendment made
    with Workspace(Paths.for_home(a)) as ws:
        assert not [p for p in ws.validate(ws.store.get(draft)) if p.is_error]
        report = sign_inspection(ws, draft, TEST_PASSPHRASE)
        assert report.snapshot["amendment"] == {"reason": REASON}
        assert ws.store.verify_audit().ok


def test_a_format_2_report_still_verifies_and_imports(homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    real_build = report_sign.build_snapshot

    def format_2(*args: Any, **kwargs: Any) -> dict[str, Any]:
        snap = real_build(*args, **kwargs)
        del snap["amendment"]
        return {**snap, "format": "kpmonitor-report/2"}

    with monkeypatch.context() as m:  # a kpmonitor of before: no amendment section, amendments without a reason
        m.setattr(report_sign, "build_snapshot", format_2)
        r1 = sign_doc(a, example())
        r2 = sign_doc(a, {}, supersedes=r1, changes={"site": "Mbada sort house (re-weighed)"})
    r3 = sign_doc(a, other_doc("ZW 009301", ["ZW-C-009301"]))  # this kpmonitor's own, after them
    for rid, fmt in ((r1, "kpmonitor-report/2"), (r2, "kpmonitor-report/2"), (r3, "kpmonitor-report/4")):
        files = exported(a, rid, usb / rid[:8])
        with Workspace(Paths.for_home(a)) as ws:
            snap = json.loads(ws.store.report(rid)["snapshot"])
            assert snap["format"] == fmt and json.loads(ws.store.report(rid)["manifest"])["format"] == (
                "kpmonitor-bundle/3")
        for kind in ("bundle", "pdf"):
            checked = run(hq, "verify", str(files[kind]))
            assert checked.exit_code == 0 and checked.output.startswith("GENUINE"), (rid, kind, checked.output)
        code, results = imp(hq, files["bundle"])
        assert code == 0 and results[0]["outcome"] == "imported", results
    shown = run(hq, "hq", "show", r2[:8]).output
    assert f"Supersedes    {r1}" in shown and "Reason" not in shown  # a format-2 amendment gave none


# --------------------------------------------------------------------------------- headquarters


def _two_devices_reusing_a_seal(homes: dict[str, Path]) -> list[dict[str, Any]]:
    a, b, hq, usb = homes["a"], homes["b"], homes["hq"], homes["usb"]
    bundles = [exported(home, sign_doc(home, example()), usb / home.name)["bundle"] for home in (a, b)]
    assert imp(hq, *bundles)[0] == 0
    result = run(hq, "hq", "anomalies", "--json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.output)
    return found


def test_a_note_on_an_anomaly_survives_a_rebuild_and_is_audited(homes: dict[str, Path]) -> None:
    hq = homes["hq"]
    [seal] = [x for x in _two_devices_reusing_a_seal(homes) if x["kind"] == "seal_reused"][:1]
    assert seal["note"] is None and not seal["resolved"] and len(seal["ref"]) == 8
    listing = run(hq, "hq", "anomalies").output
    assert f"[alert] seal_reused {seal['ref']}: Seal " in listing
    open_before = listing.splitlines()[-1]
    assert open_before.endswith(", 0 resolved.")

    noted = run(hq, "hq", "note", seal["ref"][:6], "--text", "The monitors were asked; a typing error.",
                "--resolved")
    assert noted.exit_code == 0 and "now resolved" in noted.output, noted.output
    rebuilt = {x["ref"]: x for x in json.loads(run(hq, "hq", "anomalies", "--json", "--rebuild").output)}
    after = rebuilt[seal["ref"]]
    assert after["resolved"] and after["note"]["text"] == "The monitors were asked; a typing error."
    assert after["note"]["by"] == "KP Monitoring HQ" and after["sentence"] == seal["sentence"]
    listing = run(hq, "hq", "anomalies").output
    assert f"[alert] seal_reused {seal['ref']} (resolved): Seal " in listing
    assert "    note by KP Monitoring HQ" in listing and "resolved: The monitors were asked" in listing
    total = len(rebuilt)
    assert listing.splitlines()[-1].startswith(f"{total - 1} open (") and listing.endswith(", 1 resolved.\n")

    # A later note supersedes it (and opens it again); the first stays on record, unchanged.
    assert run(hq, "hq", "note", seal["ref"], "--text", "Reopened: a third shipment may be involved.").exit_code == 0
    again = {x["ref"]: x for x in json.loads(run(hq, "hq", "anomalies", "--json").output)}[seal["ref"]]
    assert not again["resolved"] and again["note"]["notes"] == 2
    assert run(hq, "audit", "verify").exit_code == 0
    with Workspace(Paths.for_home(hq)) as ws:
        events = [e for e in ws.store.audit_events() if e["entity"] == "hq_anomaly_notes"]
        assert len(events) == 2 and {e["op"] for e in events} == {"insert"}
        assert events[-1]["change"]["row"]["text"] == "The monitors were asked; a typing error."
    conn = sqlite3.connect(Paths.for_home(hq).database)
    try:
        for sql in ("UPDATE hq_anomaly_notes SET text = 'nothing happened'", "DELETE FROM hq_anomaly_notes"):
            with pytest.raises(sqlite3.IntegrityError, match="frozen"):
                conn.execute(sql)
    finally:
        conn.close()


def test_a_note_needs_text_and_a_reference_the_list_shows(homes: dict[str, Path]) -> None:
    hq = homes["hq"]
    ref = _two_devices_reusing_a_seal(homes)[0]["ref"]
    assert run(hq, "hq", "note", ref, "--text", "  ").exit_code == 1
    unknown = run(hq, "hq", "note", "0000", "--text", "x")
    assert unknown.exit_code == 1 and ("No anomaly has the reference 0000" in unknown.output
                                       or "ambiguous" in unknown.output)
    assert run(hq, "hq", "note", "zz", "--text", "x").exit_code == 1
    with Workspace(Paths.for_home(hq)) as ws:
        assert not ws.store.conn.execute("SELECT count(*) FROM hq_anomaly_notes").fetchone()[0]


def test_set_aside_is_explained_where_it_is_said(homes: dict[str, Path], tmp_path: Path) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    bundle = exported(a, sign_doc(a, example()), usb)["bundle"]
    damaged = tmp_path / "damaged.kpbundle"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    result = run(hq, "hq", "import", str(damaged))
    assert result.exit_code == 1
    explained = "Set aside means the bundle was not imported: nothing of it was recorded"
    assert explained in result.output and "quarantine" in result.output and "kpmonitor hq note" in result.output
    as_json = json.loads(run(hq, "hq", "import", str(damaged), "--json").output)
    assert as_json["set_aside"].startswith(explained)
    assert explained in run(hq, "hq", "log").output
    good = run(hq, "hq", "import", str(bundle))
    assert good.exit_code == 0 and explained not in good.output
    assert json.loads(run(hq, "hq", "import", str(bundle), "--json").output)["set_aside"] is None


def test_an_inspection_from_a_document_has_no_reason_and_needs_none(homes: dict[str, Path]) -> None:
    with Workspace(Paths.for_home(homes["a"])) as ws:
        insp, _ = from_document(example())
        inspection_id = ws.store.create_inspection(insp)
        assert ws.store.get(inspection_id).amend_reason == ""
        assert "amend_reason" not in {p.field for p in ws.validate(ws.store.get(inspection_id))}


def test_an_amendment_edited_from_a_document_keeps_its_reason(homes: dict[str, Path], tmp_path: Path) -> None:
    a = homes["a"]
    first = inspection_of(a, sign_doc(a, example()))
    draft = amend(a, first)
    doc = example()
    doc["site"] = "Mbada sort house, Marange (re-weighed)"
    path = tmp_path / "fixed.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    edited = run(a, "edit", draft[:8], "--from-json", str(path))
    assert edited.exit_code == 0, edited.output
    with Workspace(Paths.for_home(a)) as ws:
        insp = ws.store.get(draft)
        assert insp.site.endswith("(re-weighed)") and insp.amend_reason == REASON
    assert f"Amends        inspection {first[:8]}: {REASON}" in run(a, "show", draft[:8]).output
