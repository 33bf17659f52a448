"""Signed reports end to end: sign → verify, and every way a report can be false is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor.cli.main import cli
from kpmonitor.domain.inspection import from_document
from kpmonitor.errors import FrozenError, KPError
from kpmonitor.paths import Paths
from kpmonitor.report.sign import sign_inspection
from kpmonitor.report.verify import read_qr_from_pdf, verify_qr_text
from kpmonitor.rules.problems import ValidationError
from kpmonitor.trust import qrseal
from kpmonitor.verifying import verify_file
from kpmonitor.workspace import Workspace, init_home
from tests.conftest import TEST_PASSPHRASE


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Headquarters, a monitor whose certificate it issued, and one signed report — made once."""
    base = tmp_path_factory.mktemp("world")
    hq, field = base / "hq", base / "field"
    assert run(hq, "init", "--role", "hq", "--name", "KP Monitoring HQ").exit_code == 0
    assert run(field, "init", "--role", "field", "--name", "Amélie Ndlovu").exit_code == 0
    assert run(field, "keys", "request", "--out", str(base / "req.pem")).exit_code == 0
    assert run(hq, "hq", "issue", str(base / "req.pem"), "--out", str(base / "cert.pem")).exit_code == 0
    assert run(field, "keys", "install", str(base / "cert.pem")).exit_code == 0
    assert run(hq, "hq", "publish", "--out", str(base / "pub")).exit_code == 0
    doc = json.loads((Path(__file__).parent.parent / "docs" / "examples" / "inspection.json").read_text())
    (base / "doc.json").write_text(json.dumps(doc))
    inspection_id = run(field, "new", "--from-json", str(base / "doc.json")).output.strip()
    signed = run(field, "sign", inspection_id)
    assert signed.exit_code == 0, signed.output
    report_id = signed.output.strip()
    exported = run(field, "export", report_id, "--out", str(base / "usb"))
    assert exported.exit_code == 0, exported.output
    pdf = next((base / "usb").glob("*.pdf"))
    return {"base": base, "hq": hq, "field": field, "inspection_id": inspection_id, "report_id": report_id,
            "pdf": pdf, "root": base / "pub" / "kp-root.pem", "crl": base / "pub" / "kp-crl.pem", "doc": doc}


def verify(world: dict[str, Any], path: Path, *extra: str) -> Result:
    crl = () if "--crl" in extra else ("--crl", str(world["crl"]))
    return run(world["base"] / "nohome", "verify", str(path), "--trust", str(world["root"]), *crl, *extra)


def test_a_signed_report_verifies_with_only_the_root(world: dict[str, Any]) -> None:
    result = verify(world, world["pdf"], "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] and data["verdict"].startswith("GENUINE")
    assert {c["name"] for c in data["checks"]} >= {
        "signature intact", "covers the whole file", "certified, no changes permitted", "issued by headquarters",
        "not revoked", "QR seal signature", "QR seal matches the report", "report snapshot attached"}
    assert data["report"]["certificate_number"] == "ZW 004217" and data["report"]["carats"] == "1200.50"
    assert data["signer"]["name"] == "Amélie Ndlovu"


def test_the_verify_summary_reads_amounts_for_people(world: dict[str, Any]) -> None:
    result = verify(world, world["pdf"])
    assert result.exit_code == 0, result.output
    assert "certificate ZW 004217, 1,200.50 ct, US$ 36,015.00, 2 parcels" in result.output


@pytest.mark.parametrize("where", [0.0, 0.1, 0.5, 0.9, -1])
def test_one_flipped_byte_anywhere_makes_it_invalid(world: dict[str, Any], tmp_path: Path, where: float) -> None:
    data = bytearray(world["pdf"].read_bytes())
    i = len(data) - 1 if where == -1 else max(10, int(len(data) * where))
    data[i] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    result = verify(world, bad)
    assert result.exit_code == 1
    assert "GENUINE" not in result.output


def test_appended_bytes_are_caught(world: dict[str, Any], tmp_path: Path) -> None:
    bad = tmp_path / "appended.pdf"
    bad.write_bytes(world["pdf"].read_bytes() + b"\n% an innocent-looking comment\n")
    result = verify(world, bad)
    assert result.exit_code == 1 and "covers the whole file" in result.output


def test_without_a_revocation_list_the_answer_says_revocation_was_not_checked(world: dict[str, Any]) -> None:
    result = run(world["base"] / "nohome", "verify", str(world["pdf"]), "--trust", str(world["root"]), "--json")
    data = json.loads(result.output)
    assert "not revoked" not in {c["name"] for c in data["checks"]}
    assert any("Revocation was not checked" in w for w in data["warnings"])


def test_another_root_is_refused_with_the_reason(world: dict[str, Any], tmp_path: Path) -> None:
    other = tmp_path / "other-hq"
    run(other, "init", "--role", "hq", "--name", "Someone Else")
    run(other, "hq", "publish", "--out", str(tmp_path / "pub"))
    result = run(tmp_path / "x", "verify", str(world["pdf"]), "--trust", str(tmp_path / "pub" / "kp-root.pem"))
    assert result.exit_code == 1 and "another authority" in result.output


def test_a_revoked_certificate_is_refused(world: dict[str, Any], tmp_path: Path) -> None:
    hq = tmp_path / "hq-copy"
    shutil.copytree(world["hq"], hq)
    serial = json.loads(run(world["field"], "keys", "show", "--json").output)["signing_certificate"]["serial"]
    assert run(hq, "hq", "revoke", serial).exit_code == 0
    run(hq, "hq", "publish", "--out", str(tmp_path / "pub"))
    result = verify(world, world["pdf"], "--crl", str(tmp_path / "pub" / "kp-crl.pem"))
    assert result.exit_code == 1 and "revoked" in result.output


def test_a_self_signed_report_is_intact_but_not_vouched_for(tmp_path: Path, example_doc: dict[str, Any]) -> None:
    field = tmp_path / "field"
    run(field, "init", "--role", "field", "--name", "Solo Monitor")
    hq = tmp_path / "hq"
    run(hq, "init", "--role", "hq", "--name", "HQ")
    run(hq, "hq", "publish", "--out", str(tmp_path / "pub"))
    (tmp_path / "doc.json").write_text(json.dumps(example_doc))
    inspection_id = run(field, "new", "--from-json", str(tmp_path / "doc.json")).output.strip()
    report_id = run(field, "sign", inspection_id).stdout.strip()  # stderr says it is self-signed
    run(field, "export", report_id, "--out", str(tmp_path / "usb"))
    pdf = next((tmp_path / "usb").glob("*.pdf"))
    result = run(tmp_path / "x", "verify", str(pdf), "--trust", str(tmp_path / "pub" / "kp-root.pem"))
    assert result.exit_code == 1
    assert result.output.startswith("INTACT BUT NOT VOUCHED FOR")
    assert "self-signed" in result.output


def test_the_printed_qr_decodes_to_the_signed_seal(world: dict[str, Any]) -> None:
    with Workspace(Paths.for_home(world["field"])) as ws:
        row = ws.store.report(world["report_id"])
    assert read_qr_from_pdf(world["pdf"].read_bytes(), dpi=150) == row["qr_text"]


def test_the_qr_text_alone_verifies_and_one_changed_character_does_not(world: dict[str, Any],
                                                                       tmp_path: Path) -> None:
    with Workspace(Paths.for_home(world["field"])) as ws:
        text = ws.store.report(world["report_id"])["qr_text"]
    good = tmp_path / "seal.txt"
    good.write_text(text)
    ok = verify(world, good, "--json")
    assert ok.exit_code == 0 and json.loads(ok.output)["report"]["certificate_number"] == "ZW 004217"
    signed = qrseal.decode_seal(text).payload_bytes
    tried = 0
    for i in [*range(len(text) // 3, len(text) // 3 + 8), *range(len(text) // 2, len(text) // 2 + 8),
              *range(len(text) - 8, len(text))]:
        changed = text[:i] + ("A" if text[i] != "A" else "B") + text[i + 1:]
        try:
            if qrseal.decode_seal(changed).payload_bytes == signed:
                continue  # only deflate's padding bits changed: the very message signed (docs/qr-seal.md)
        except qrseal.SealError:
            pass
        bad = tmp_path / f"seal{i}.txt"
        bad.write_text(changed)
        assert verify(world, bad).exit_code == 1
        tried += 1
    assert tried >= 12


def test_signed_inspections_refuse_edits_and_amend_names_the_old_report(world: dict[str, Any]) -> None:
    with Workspace(Paths.for_home(world["field"])) as ws, pytest.raises(FrozenError):
        ws.store.update_inspection(world["inspection_id"], {"site": "elsewhere"})
    amended = run(world["field"], "amend", world["inspection_id"], "--reason", "Parcel 1 was re-weighed.")
    assert amended.exit_code == 0, amended.output
    new_id = amended.output.strip()
    with Workspace(Paths.for_home(world["field"])) as ws:
        ws.store.update_parcel(str(ws.store.get(new_id).parcels[0].id), {"weighed_carats": 60026})
        # The amendment carries the same seals: that is not a reuse.
        assert ws.validate(ws.store.get(new_id)) == []
        report = sign_inspection(ws, new_id, TEST_PASSPHRASE)
        assert report.version == 2 and report.snapshot["report"]["supersedes"] == world["report_id"]
        # Both stay on record.
        assert {r["id"] for r in ws.store.reports()} >= {world["report_id"], report.report_id}
        assert ws.store.verify_audit().ok


def test_signing_is_refused_while_errors_or_unacknowledged_warnings_remain(tmp_path: Path,
                                                                          example_doc: dict[str, Any]) -> None:
    paths = Paths.for_home(tmp_path / "f")
    init_home(paths, "field", "Jane", TEST_PASSPHRASE)
    example_doc["parcels"][0]["weighed_carats"] = "612.00"
    with Workspace(paths) as ws:
        insp, _ = from_document(example_doc)
        inspection_id = ws.store.create_inspection(insp)
        with pytest.raises(ValidationError, match=r"612\.00 ct"):
            sign_inspection(ws, inspection_id, TEST_PASSPHRASE)
        ws.store.acknowledge(inspection_id, "parcel.weight.tolerance", "parcels[0].weighed_carats",
                             "Re-weighed three times; declared weight was a typing error by the exporter.")
        with pytest.raises(KPError, match="passphrase"):
            sign_inspection(ws, inspection_id, "not the passphrase")
        report = sign_inspection(ws, inspection_id, TEST_PASSPHRASE)
        assert report.snapshot["warnings"][0]["note"].startswith("Re-weighed")
        assert ws.store.get(inspection_id).status.value == "signed"


def test_the_stored_pdf_is_checked_before_export(world: dict[str, Any], tmp_path: Path) -> None:
    field = tmp_path / "field"
    shutil.copytree(world["field"], field)
    stored = field / "reports" / f"{world['report_id']}.pdf"
    stored.write_bytes(stored.read_bytes()[:-10] + b"0000000000")
    result = run(field, "export", world["report_id"], "--out", str(tmp_path / "usb"))
    assert result.exit_code == 1 and "altered" in result.output


def test_verify_refuses_a_file_that_is_neither(world: dict[str, Any], tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    result = verify(world, junk)
    assert result.exit_code == 1 and "neither" in result.output
    assert verify_qr_text("KP1:garbage", None, None).ok is False
    assert verify_file(junk).ok is False


def _stale_crl(world: dict[str, Any], path: Path, *, days_ago: int = 400, number: int | None = None) -> Any:
    """Headquarters' list, properly signed, but issued ``days_ago`` days ago for 30 days."""
    import datetime as dt

    from kpmonitor.trust import identity
    from kpmonitor.trust.keys import Keyring, pem

    keyring = Keyring(Paths.for_home(world["hq"]))
    root = keyring.root()
    assert root is not None
    crl = identity.make_crl(keyring.load_root_key(TEST_PASSPHRASE), root, [], crl_number=number,
                            now=dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago))
    path.write_bytes(pem(crl))
    return crl


def test_a_revocation_list_past_its_next_update_fails_pdf_and_qr_verification(world: dict[str, Any],
                                                                             tmp_path: Path) -> None:
    crl = _stale_crl(world, tmp_path / "old-crl.pem")
    due = crl.next_update_utc.strftime("%Y-%m-%d")
    with Workspace(Paths.for_home(world["field"])) as ws:
        (tmp_path / "seal.txt").write_text(ws.store.report(world["report_id"])["qr_text"])
    for path in (world["pdf"], tmp_path / "seal.txt"):
        result = verify(world, path, "--crl", str(tmp_path / "old-crl.pem"), "--json")
        assert result.exit_code == 1, result.output
        data = json.loads(result.output)
        failed = [c for c in data["checks"] if not c["ok"]]
        assert [c["name"] for c in failed] == ["not revoked"]
        assert "out of date" in failed[0]["detail"] and due in failed[0]["detail"]
        assert data["verdict"].startswith("NOT VALID")


def test_chain_problems_fail_their_check_expired_and_clock_behind(world: dict[str, Any]) -> None:
    import datetime as dt

    from kpmonitor.report.verification import Verification
    from kpmonitor.report.verify import CERT_VALID_CHECK, chain_checks
    from kpmonitor.trust import identity, pdfsign

    root = identity.load_cert(world["root"])
    check = pdfsign.verify_pdf(world["pdf"].read_bytes(), root, None)
    assert check.signer_cert is not None
    leaf = check.signer_cert
    # A clock 3 days behind: the certificate is not valid yet, and the answer is not GENUINE.
    behind = pdfsign.verify_pdf(world["pdf"].read_bytes(), root, None,
                                leaf.not_valid_before_utc - dt.timedelta(days=3))
    v = Verification("pdf")
    assert behind.chain is not None and chain_checks(v, behind.chain, False)
    assert not v.ok and {c.name for c in v.checks if not c.ok} >= {CERT_VALID_CHECK}
    assert "not valid yet" in next(c.detail for c in v.checks if c.name == CERT_VALID_CHECK)
    # Past its expiry: "expired on DATE", not "not issued by headquarters".
    after = pdfsign.verify_pdf(world["pdf"].read_bytes(), root, None, leaf.not_valid_after_utc + dt.timedelta(days=1))
    v = Verification("pdf")
    assert after.chain is not None and chain_checks(v, after.chain, False) == [CERT_VALID_CHECK]
    assert v.verdict == f"NOT VALID: The certificate expired on {leaf.not_valid_after_utc:%Y-%m-%d %H:%M} UTC."
    assert next(c for c in v.checks if c.name == "issued by headquarters").ok


def test_keys_install_refuses_an_older_revocation_list(world: dict[str, Any], tmp_path: Path) -> None:
    field = tmp_path / "field-copy"
    shutil.copytree(world["field"], field)
    _stale_crl(world, tmp_path / "new.pem", days_ago=1, number=20)
    _stale_crl(world, tmp_path / "old.pem", days_ago=0, number=10)  # issued later, but an older number
    assert run(field, "keys", "install", str(tmp_path / "new.pem")).exit_code == 0
    refused = run(field, "keys", "install", str(tmp_path / "old.pem"))
    assert refused.exit_code == 1 and "older than the one installed" in refused.output
    assert run(field, "keys", "install", str(tmp_path / "new.pem")).exit_code == 0  # the same again is fine
