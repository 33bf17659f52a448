"""A history that cannot be quietly rewritten, even by its owner: checkpoints, receipts, audit verify.

Insider A1: the audit chain is a hash chain anyone can recompute. Each signing now signs a checkpoint of the
log (C2SP tlog-checkpoint over an RFC 9162 tree); headquarters accepts a bundle only when its checkpoint
extends the history it holds for the device, cosigns what it accepted in a receipt, and the device's
``audit verify`` holds its log to its own signed checkpoints and to headquarters' receipts.
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.history.checkpoint import check_history
from kpmonitor.history.receipts import read_receipt
from kpmonitor.paths import Paths
from kpmonitor.store.audit import GENESIS, event_hash
from kpmonitor.trust import identity, note
from kpmonitor.trust.keys import Keyring
from kpmonitor.trust.note import NoteError
from kpmonitor.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE, fresh_copies
from tests.conftest_hq import HQEngine, audit_ok
from tests.test_bundle import make_device, make_hq, run, sign_doc
from tests.test_hq import imp, other_doc
from tests.test_insiders import anomalies, exported


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("history")
    hq = make_hq(base / "hq")
    return {"hq": hq, "a": make_device(base / "a", "Amélie Ndlovu", hq),
            "b": make_device(base / "b", "Baraka Moyo", hq), "other-hq": make_hq(base / "other-hq", "Elsewhere")}


@pytest.fixture
def homes(enrolled: dict[str, Path], tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, Path]:
    """Fresh copies of the homes; headquarters on each engine for a test that uses ``hq_engine`` (what headquarters
    records, and the receipts it makes of it); the others are about the devices' own files."""
    copies = fresh_copies(enrolled, tmp_path)
    if "hq_engine" in request.fixturenames:
        engine: HQEngine = request.getfixturevalue("hq_engine")
        engine.point(copies["hq"])
    return copies


on_both_engines = pytest.mark.usefixtures("hq_engine")


def signed(field: Path, n: int) -> str:
    return sign_doc(field, other_doc(f"ZW 00{n:04d}", [f"ZW-C-00{n:04d}"]))


def deliver(field: Path, report_id: str, hq: Path, usb: Path) -> tuple[int, list[dict[str, Any]]]:
    return imp(hq, exported(field, report_id, usb / report_id[:8])["bundle"])


def receipt_for(hq: Path, usb: Path) -> Path:
    result = run(hq, "hq", "receipts", "--out", str(usb / "receipts"))
    assert result.exit_code == 0, result.output
    [path] = (usb / "receipts").glob("*.kpreceipt")
    return path


def audit_verify(field: Path) -> tuple[int, dict[str, Any]]:
    result = run(field, "audit", "verify", "--json")
    return result.exit_code, json.loads(result.output)


def rewrite_event(field: Path, seq: int, *, change: str) -> None:
    """Edit one audit event and recompute every hash after it, as anyone with the file can."""
    conn = sqlite3.connect(Paths.for_home(field).database)
    rows = conn.execute("SELECT seq, at, actor, entity, entity_id, op, change FROM audit ORDER BY seq").fetchall()
    prev = GENESIS
    for s, at, actor, entity, entity_id, op, ch in rows:
        if s == seq:
            ch = change
        digest = event_hash(prev, s, at, actor, entity, entity_id, op, ch)
        conn.execute("UPDATE audit SET change = ?, prev_hash = ?, hash = ? WHERE seq = ?", [ch, prev, digest, s])
        prev = digest
    conn.commit()
    conn.close()


def first_finding_event(field: Path) -> tuple[int, str]:
    conn = sqlite3.connect(Paths.for_home(field).database)
    seq, change = conn.execute("SELECT seq, change FROM audit WHERE entity = 'inspections' AND op = 'insert' "
                               "ORDER BY seq LIMIT 1").fetchone()
    conn.close()
    return int(seq), str(change)


# ------------------------------------------------------------------------- the honest round trip


@on_both_engines
def test_checkpoints_extend_receipts_install_and_audit_verify_holds_the_log_to_them(homes: dict[str, Path]) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    r1 = signed(a, 1)
    assert deliver(a, r1, hq, usb)[0] == 0
    r2 = signed(a, 2)
    assert deliver(a, r2, hq, usb)[0] == 0
    code, report = audit_verify(a)
    assert code == 0 and report["checkpoints"] == 2 and report["receipt"] is None
    receipt = receipt_for(hq, usb)
    r3 = signed(a, 3)  # signed after headquarters' receipt was written, before it is installed
    result = run(a, "receipts", "install", str(receipt))
    assert result.exit_code == 0, result.output
    assert "it holds 2 reports of this device" in result.output
    assert f"Not received by headquarters yet: report 3 ({r3[:8]})" in result.output
    assert run(a, "receipts", "install", str(receipt)).output.count("was already installed") == 1
    code, report = audit_verify(a)
    assert code == 0 and report["checkpoints"] == 3 and report["receipt"].startswith("event ")
    # After the receipt, the device proves from the receipted checkpoint on only; headquarters still checks it.
    r4 = signed(a, 4)
    with Workspace(Paths.for_home(a)) as ws:
        proofs = json.loads(ws.store.report(r4)["manifest"])["history"]["proofs"]
        sizes = [c["size"] for c in ws.store.checkpoints()]
    assert [p["size"] for p in proofs] == sizes[1:3]  # report 2's checkpoint (receipted) and report 3's
    assert deliver(a, r4, hq, usb)[0] == 0
    assert deliver(a, r3, hq, usb)[0] == 0  # late, and still linked: report 4 proved it extends report 3's
    with Workspace(Paths.for_home(hq)) as ws:
        assert audit_ok(ws)
    assert not [x for x in anomalies(hq) if x["kind"] == "history_rewritten"]


# ------------------------------------------------------------------- the rewritten and rolled-back log


def test_a_rewritten_log_with_its_chain_recomputed_is_caught_by_the_signed_checkpoints(homes: dict[str, Path]) -> None:
    a = homes["a"]
    signed(a, 1)
    seq, change = first_finding_event(a)
    rewrite_event(a, seq, change=change.replace("ZW 000001", "ZW 999999"))
    with Workspace(Paths.for_home(a)) as ws:
        chain = ws.store.verify_audit()
    assert not any("altered" in p or "does not follow" in p for p in chain.problems)  # the chain alone is fooled
    code, report = audit_verify(a)
    assert code == 1
    assert any("is not the one that was signed at that event: it was rewritten" in p for p in report["problems"])
    # And the device will not sign a new report on a history its own checkpoints contradict.
    with pytest.raises(NoteError, match="the log was changed after it was signed"):
        signed(a, 2)


def _insider_rewrite(field: Path) -> None:
    """The owner, with the passphrase: rewrite the log, drop the checkpoints' freeze, re-sign every checkpoint."""
    seq, change = first_finding_event(field)
    rewrite_event(field, seq, change=change.replace("ZW 000001", "ZW 999999"))
    paths = Paths.for_home(field)
    key = Keyring(paths).load_device_key(TEST_PASSPHRASE)
    conn = sqlite3.connect(paths.database)
    conn.execute("DROP TRIGGER checkpoints_update_frozen")
    from kpmonitor.history.checkpoint import leaf_of
    from kpmonitor.store.merkle import Tree

    tree = Tree([leaf_of(h) for (h,) in conn.execute("SELECT hash FROM audit ORDER BY seq")])
    for cid, size, note_text in conn.execute("SELECT id, size, note FROM checkpoints").fetchall():
        origin = note.parse_checkpoint(note.parse_note(note_text).text).origin
        cp = note.Checkpoint(origin, size, tree.root(size))
        conn.execute("UPDATE checkpoints SET root = ?, note = ? WHERE id = ?",
                     [cp.root_b64, note.sign(cp.text(), origin, key).format(), cid])
    conn.execute("CREATE TRIGGER checkpoints_update_frozen BEFORE UPDATE ON checkpoints "
                 "BEGIN SELECT RAISE(ABORT, 'history is frozen'); END")
    conn.commit()
    conn.close()


@on_both_engines
def test_an_owner_who_rewrites_and_re_signs_is_caught_by_the_receipt_and_by_headquarters(
        homes: dict[str, Path]) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    r1 = signed(a, 1)
    assert deliver(a, r1, hq, usb)[0] == 0
    assert run(a, "receipts", "install", str(receipt_for(hq, usb))).exit_code == 0
    _insider_rewrite(a)
    code, report = audit_verify(a)
    assert code == 1 and report["checkpoints"] == 1  # the re-signed checkpoint matches the rewritten log…
    assert any(p.startswith("Headquarters' receipt of") and "rewritten" in p for p in report["problems"])  # …not HQ
    with pytest.raises(NoteError, match="headquarters' receipt"):  # kpmonitor will not sign on it
        signed(a, 2)
    # Nor does removing the receipt help: what headquarters holds is what the next bundle is judged against.
    conn = sqlite3.connect(Paths.for_home(a).database)
    conn.execute("DROP TRIGGER receipts_delete_frozen")
    conn.execute("DELETE FROM receipts")
    conn.commit()
    conn.close()
    r2 = signed(a, 3)
    code, results = deliver(a, r2, hq, usb)
    assert code == 1 and results[0]["outcome"] == "refused"
    assert "rewrites the device's log" in results[0]["sentence"], results[0]
    alerts = [x for x in anomalies(hq) if x["kind"] == "history_rewritten"]
    assert len(alerts) == 1 and alerts[0]["severity"] == "alert" and r2 in alerts[0]["report_ids"]


@on_both_engines
def test_an_old_copy_of_the_database_is_caught_on_the_device_by_the_next_receipt(homes: dict[str, Path],
                                                                                tmp_path: Path) -> None:
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    r1 = signed(a, 1)
    old = tmp_path / "a-old"
    shutil.copytree(a, old)
    r2 = signed(a, 2)
    assert imp(hq, exported(a, r1, usb / "1")["bundle"], exported(a, r2, usb / "2")["bundle"])[0] == 0
    receipt = receipt_for(hq, usb)
    shutil.rmtree(a)
    shutil.copytree(old, a)  # the laptop's database restored from the copy taken after report 1
    assert audit_verify(a)[0] == 0  # consistent in itself…
    # …but what it signs next is refused at headquarters: a history report 2 does not descend from.
    r5 = signed(a, 5)
    code, results = deliver(a, r5, hq, usb)
    assert code == 1 and results[0]["report_id"] == r5
    assert "rolled back" in results[0]["sentence"] or "forked" in results[0]["sentence"], results[0]
    # And on the device, once headquarters' receipt is installed: the log lacks what headquarters cosigned.
    result = run(a, "receipts", "install", str(receipt))
    assert result.exit_code == 1
    assert "is not the one that was signed" in result.output or "restored from an old copy" in result.output
    code, report = audit_verify(a)
    assert code == 1 and any(p.startswith("Headquarters' receipt of") for p in report["problems"])
    with pytest.raises(NoteError, match="headquarters' receipt"):
        signed(a, 6)


def test_audit_verify_names_a_dropped_freeze_trigger_and_an_added_object(homes: dict[str, Path]) -> None:
    a = homes["a"]
    signed(a, 1)
    conn = sqlite3.connect(Paths.for_home(a).database)
    conn.execute("DROP TRIGGER reports_update_frozen")
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON findings BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    code, report = audit_verify(a)
    assert code == 1
    assert any("lacks its trigger reports_update_frozen (a freeze" in p for p in report["problems"]), report
    assert any("trigger sneaky that kpmonitor did not make" in p for p in report["problems"])


# ------------------------------------------------------------------------- forged and wrong receipts


@on_both_engines
def test_a_receipt_changed_for_another_device_from_another_hq_or_older_is_refused(homes: dict[str, Path]) -> None:
    a, b, hq, usb = homes["a"], homes["b"], homes["hq"], homes["usb"]
    r1 = signed(a, 1)
    assert deliver(a, r1, hq, usb)[0] == 0
    first = receipt_for(hq, usb)
    older = usb / "older.kpreceipt"
    shutil.copy(first, older)
    doc = json.loads(first.read_text(encoding="utf-8"))
    forged = usb / "forged.kpreceipt"
    forged.write_text(json.dumps({**doc, "receipt": doc["receipt"].replace("report ", "report 0", 1)}),
                      encoding="utf-8")
    result = run(a, "receipts", "install", str(forged))
    assert result.exit_code == 1 and "not signed by this home's headquarters" in result.output
    result = run(b, "receipts", "install", str(first))
    assert result.exit_code == 1 and "not this one" in result.output
    other = homes["other-hq"]
    keys = Keyring(Paths.for_home(other))
    from kpmonitor.history.receipts import make_receipt

    foreign = usb / "foreign.kpreceipt"
    other_root = keys.root()
    assert other_root is not None
    foreign.write_bytes(make_receipt(_device_note(doc), _device(a), [], keys.load_root_key(TEST_PASSPHRASE),
                                     other_root, 1_800_000_000))
    result = run(a, "receipts", "install", str(foreign))
    assert result.exit_code == 1 and "not signed by this home's headquarters" in result.output
    assert run(a, "receipts", "install", str(first)).exit_code == 0
    r2 = signed(a, 2)
    assert deliver(a, r2, hq, usb)[0] == 0
    shutil.rmtree(usb / "receipts")
    assert run(a, "receipts", "install", str(receipt_for(hq, usb))).exit_code == 0
    result = run(a, "receipts", "install", str(older))
    assert result.exit_code == 1 and "is older than the one installed" in result.output
    with Workspace(Paths.for_home(a)) as ws:
        assert len(ws.store.receipts()) == 2


def _device(field: Path) -> str:
    return identity.certificate_device(Keyring(Paths.for_home(field)).device_certificate()) or ""


def _device_note(doc: dict[str, Any]) -> str:
    """The device's checkpoint note of a receipt, without headquarters' cosignature."""
    cp = note.parse_note(doc["checkpoint"])
    return note.Note(cp.text, tuple(s for s in cp.signatures if s.name.startswith("kpmonitor/device/"))).format()


# ------------------------------------------------------------------- the bundle's history, on its own


def _history(homes: dict[str, Path]) -> tuple[dict[str, Any], Any, str, dict[str, Any]]:
    a = homes["a"]
    signed(a, 1)
    r2 = signed(a, 2)
    with Workspace(Paths.for_home(a)) as ws:
        manifest = json.loads(ws.store.report(r2)["manifest"])
    cert = Keyring(Paths.for_home(a)).device_certificate()
    return manifest["history"], cert.public_key(), manifest["report"]["device_id"], manifest["report"]["audit"]


def test_a_bundles_history_is_checked_on_its_own(homes: dict[str, Path]) -> None:
    section, key, device, audit = _history(homes)
    checked = check_history(section, key, device, audit)
    assert checked.checkpoint.size == audit["seq"] and len(checked.claims) == 1
    bad_cases = [
        ({**section, "head_proof": section["head_proof"][:-1]}, audit, "audit head is not the last event"),
        (section, {**audit, "seq": audit["seq"] - 1}, "but the report was signed at"),
        (section, {**audit, "head": "0" * 64}, "audit head is not the last event"),
        ({**section, "proofs": [{**section["proofs"][0], "root": base64.b64encode(b"x" * 32).decode()}]}, audit,
         "its proof fails"),
        ({**section, "proofs": section["proofs"] * 2}, audit, "each once"),
        ({**section, "extra": 1}, audit, "not a checkpoint with its proofs"),
        ({**section, "checkpoint": section["checkpoint"].replace("\n\n", "\n\n\n")}, audit,
         "three lines"),
    ]
    for bad, bad_audit, message in bad_cases:
        with pytest.raises(NoteError, match=message):
            check_history(bad, key, device, bad_audit)
    with pytest.raises(NoteError, match="another device's log"):
        check_history(section, key, "f" * 32, audit)
    other_key = identity.generate_key().public_key()
    with pytest.raises(NoteError, match="not signed by the report's device key"):
        check_history(section, other_key, device, audit)


SEED = 20091105


def test_random_damage_to_notes_receipts_and_histories_is_refused_with_a_sentence(homes: dict[str, Path]) -> None:
    """Fuzz: every mutant of a checkpoint note, a history section or a receipt is refused by the parsers'
    own errors (never another exception), and none verifies."""
    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    section, key, device, audit = _history(homes)
    with Workspace(Paths.for_home(a)) as ws:
        r1, r2 = [r["id"] for r in ws.store.reports()][::-1]
    assert imp(hq, exported(a, r1, usb / "1")["bundle"], exported(a, r2, usb / "2")["bundle"])[0] == 0
    receipt = receipt_for(hq, usb).read_bytes()
    keyring = Keyring(Paths.for_home(a))
    root, cert = keyring.root(), keyring.device_certificate()
    assert root is not None
    read_receipt(receipt, root, cert)
    rng = random.Random(SEED)
    text = json.dumps(section).encode()
    for _ in range(300):
        mutant = bytearray(text)
        for _ in range(rng.randint(1, 3)):
            mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        try:
            parsed = json.loads(bytes(mutant))
        except ValueError:
            continue
        if parsed == section:
            continue
        with pytest.raises(NoteError):
            check_history(parsed, key, device, audit)
    refused = 0
    for _ in range(300):
        mutant = bytearray(receipt)
        for _ in range(rng.randint(1, 3)):
            mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        if bytes(mutant) == receipt:
            continue
        from kpmonitor.errors import KPError

        try:
            got = read_receipt(bytes(mutant), root, cert)
        except KPError:
            refused += 1
            continue
        # JSON escapes can spell the same text two ways: only an unchanged receipt may verify.
        assert got == read_receipt(receipt, root, cert)
    assert refused > 250


@on_both_engines
def test_a_device_that_signed_its_history_cannot_go_back_to_a_format_without_one(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """An insider signs a format-1 report to escape the history check: refused once the device's history is held;
    a genuine older report of that format, numbered before the first checkpointed one, still imports."""
    from tests.test_insiders import modified

    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    with modified(monkeypatch, old_format=True):
        old = signed(a, 1)  # signed before the upgrade, delivered late
    r2 = signed(a, 2)
    assert deliver(a, r2, hq, usb)[0] == 0
    with modified(monkeypatch, old_format=True):
        sneaky = signed(a, 3)
    code, results = deliver(a, sneaky, hq, usb)
    assert code == 1 and "a device that signs its history does not go back" in results[0]["sentence"]
    assert any(x["kind"] == "history_rewritten" and sneaky in x["report_ids"] for x in anomalies(hq))
    code, results = deliver(a, old, hq, usb)
    assert code == 0 and results[0]["outcome"] == "imported", results


def test_a_receipt_for_a_checkpoint_this_device_never_signed_is_refused(homes: dict[str, Path]) -> None:
    """Headquarters (or whoever holds its key) cannot hand a device a history it did not sign as its own."""
    from kpmonitor.history.checkpoint import device_origin
    from kpmonitor.history.receipts import make_receipt

    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    signed(a, 1)
    device = _device(a)
    stranger = identity.generate_key()  # not the device's key: a checkpoint "of" the device made elsewhere
    fake = note.sign(note.Checkpoint(device_origin(device), 3, b"\x07" * 32).text(), device_origin(device), stranger)
    keys = Keyring(Paths.for_home(hq))
    root = keys.root()
    assert root is not None
    forged = usb / "forged.kpreceipt"
    usb.mkdir(parents=True, exist_ok=True)
    forged.write_bytes(make_receipt(fake.format(), device, [], keys.load_root_key(TEST_PASSPHRASE), root,
                                    1_800_000_000))
    result = run(a, "receipts", "install", str(forged))
    assert result.exit_code == 1 and "was not signed by this device's key" in result.output
    with Workspace(Paths.for_home(a)) as ws:
        assert ws.store.receipts() == []


def test_headquarters_accepted_checkpoints_are_frozen_and_audited(homes: dict[str, Path],
                                                                 hq_engine: HQEngine) -> None:
    from kpmonitor.errors import FrozenError
    from kpmonitor.hq.store import hq_store

    a, hq, usb = homes["a"], homes["hq"], homes["usb"]
    assert deliver(a, signed(a, 1), hq, usb)[0] == 0
    with Workspace(Paths.for_home(hq)) as ws:
        hqs = hq_store(ws)
        for sql in ("UPDATE hq_checkpoints SET root = 'x'", "DELETE FROM hq_checkpoints"):
            with pytest.raises(FrozenError, match="history"), hqs.transaction():
                hqs.conn.execute(sql)
        assert len(hqs.latest_checkpoints()) == 1 and audit_ok(ws)
    if hq_engine.pg:
        return
    # SQLite: its file edited behind kpmonitor's back, a trigger dropped first, is what `audit verify` names.
    conn = sqlite3.connect(Paths.for_home(hq).database)
    conn.execute("DROP TRIGGER hq_checkpoints_update_frozen")
    conn.execute("UPDATE hq_checkpoints SET size = size + 1")
    conn.commit()
    conn.close()
    code, report = audit_verify(hq)
    assert code == 1
    assert any("hq_checkpoints" in p and "edited outside kpmonitor" in p for p in report["problems"]), report
    assert any("lacks its trigger hq_checkpoints_update_frozen" in p for p in report["problems"])
