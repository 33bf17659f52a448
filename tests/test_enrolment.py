"""Key continuity and the trust around it: a report a device signed with its self-signed certificate before
headquarters enrolled it, a refused report said to be refused, and a certificate installed whole or not at all.

Driven through the command line as a monitor and headquarters would: a field home signs self-signed and exports,
headquarters issues a certificate for that device's key, the home installs it, and headquarters imports the
report signed before.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.paths import Paths
from kpmonitor.trust import identity, keys
from kpmonitor.trust.keys import Keyring
from tests.conftest import TEST_PASSPHRASE, fresh_copies
from tests.test_bundle import entries_of, example, make_device, make_hq, rezip, run, sign_doc
from tests.test_hq import imp, other_doc, state
from tests.test_insiders import anomalies, device_of, draft, exported, held_ids, stored_equal_recomputed, verified


@pytest.fixture(scope="module")
def unenrolled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Headquarters, and two devices that only have their self-signed certificates."""
    base = tmp_path_factory.mktemp("enrolment")
    return {"hq": make_hq(base / "hq"), "solo": make_device(base / "solo", "Solo Monitor", None),
            "stranger": make_device(base / "stranger", "Stranger Monitor", None)}


@pytest.fixture
def homes(unenrolled: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """Fresh copies of them, and a stick."""
    out = fresh_copies(unenrolled, tmp_path)
    out["usb"].mkdir()
    return out


def signed(field: Path, doc: dict[str, Any]) -> str:
    """A report signed through ``kpmonitor sign``; its id."""
    result = run(field, "sign", draft(field, doc))
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def enrol(hq: Path, field: Path, usb: Path) -> Path:
    """The device asks, headquarters issues, the device installs: the file headquarters sent."""
    request, cert = usb / f"{field.name}-req.pem", usb / f"{field.name}-cert.pem"
    assert run(field, "keys", "request", "--out", str(request)).exit_code == 0
    issued = run(hq, "hq", "issue", str(request), "--out", str(cert))
    assert issued.exit_code == 0, issued.output
    installed = run(field, "keys", "install", str(cert))
    assert installed.exit_code == 0, installed.output
    return cert


def with_certificate(field: Path, make: Callable[[Any, str, str], Any]) -> bytes:
    """Replace the home's signing certificate by ``make(key, monitor, device)``'s (the same key); the old file."""
    keyring = Keyring(Paths.for_home(field))
    old = keyring.device_cert.read_bytes()
    cert = identity.load_cert(old)
    name, device = identity.certificate_monitor(cert), identity.certificate_device(cert)
    assert name is not None and device is not None
    keyring.device_cert.write_bytes(identity.pem(make(keyring.load_device_key(TEST_PASSPHRASE), name, device)))
    return old


# ----------------------------------------------------------------------------------- key continuity


def test_a_report_signed_before_enrolment_is_imported_once_headquarters_certified_its_key(
        homes: dict[str, Path]) -> None:
    hq, solo, stranger, usb = homes["hq"], homes["solo"], homes["stranger"], homes["usb"]
    result = run(solo, "sign", draft(solo, example()))
    assert result.exit_code == 0, result.output
    early = result.stdout.strip()
    # Said plainly when signing: what headquarters and a customs verifier will make of it.
    note = " ".join(result.stderr.split())
    assert "self-signed certificate" in note and "only once it has certified this device's key" in note
    assert "signed before enrolment" in note and "customs verifier will see it as not issued by headquarters" in note
    files = exported(solo, early, usb / "early")

    # Before headquarters certified the key, it is refused, saying why.
    code, results = imp(hq, files["bundle"])
    assert code == 1 and results[0]["outcome"] == "refused", results
    assert "self-signed, and headquarters has not certified its key" in results[0]["sentence"]

    enrol(hq, solo, usb)
    before = state(hq)
    code, results = imp(hq, files["bundle"])
    assert code == 0 and results[0]["outcome"] == "imported", results
    assert "signed before enrolment" in results[0]["sentence"]
    assert state(hq) != before and held_ids(hq) == {early}

    [row] = json.loads(run(hq, "hq", "list", "--json").output)
    assert row["id"] == early and row["badge"] == "signed before enrolment"
    assert "[signed before enrolment]" in run(hq, "hq", "list").output
    shown = run(hq, "hq", "show", early[:8])
    assert f"Report {early} v1  [signed before enrolment]" in shown.output
    assert "PROBLEM" not in shown.output  # its stored row is what was signed (``hq.recheck``), chain by enrolment
    assert "[ok] issued by headquarters: Signed before enrolment: the signing certificate is self-signed" in \
        shown.output
    detail = json.loads(run(hq, "hq", "show", early[:8], "--json").output)
    assert detail["badge"] == "signed before enrolment" and detail["verification"]["signed_before_enrolment"]
    # Its refusal is over: no alert says it was refused, and nothing says a report has not arrived.
    assert not [a for a in anomalies(hq) if a["kind"] in ("refused_report", "missing_report")]
    assert stored_equal_recomputed(hq)

    # `verify` with headquarters' keys says the same; a verifier holding only the root says not issued by it.
    for kind in ("bundle", "pdf", "qr"):
        code_, output = verified(hq, files[kind])
        assert code_ == 0 and output.startswith("GENUINE, SIGNED BEFORE ENROLMENT"), (kind, output)
        code_, output = verified(solo, files[kind])
        assert code_ == 1 and "self-signed: it was not issued by headquarters" in output, (kind, output)
        assert "before enrolment" not in output

    # A device whose key headquarters never certified stays refused, and nothing is stored.
    foreign = exported(stranger, signed(stranger, other_doc("ZW 007001", ["ZW-C-007001"])), usb / "stranger")
    before = state(hq)
    code, results = imp(hq, foreign["bundle"])
    assert code == 1 and results[0]["outcome"] == "refused", results
    assert results[0]["sentence"] == ("The signing certificate is self-signed, and headquarters has not certified "
                                      "its key: it was not issued by headquarters.")
    assert state(hq) == before
    code_, output = verified(hq, foreign["bundle"])
    assert code_ == 1 and "[FAIL] issued by headquarters: The signing certificate is self-signed, and " \
        "headquarters has not certified its key" in output

    # Revoking the certificate issued for the key revokes what was signed before it too.
    serial = json.loads(run(solo, "keys", "show", "--json").output)["signing_certificate"]["serial"]
    assert run(hq, "hq", "revoke", serial).exit_code == 0
    assert json.loads(run(hq, "hq", "list", "--json").output)[0]["badge"] == "revoked"
    code_, output = verified(hq, files["bundle"])
    assert code_ == 1 and "headquarters revoked the certificate it issued for the same key" in output
    # Held as it was signed, revoked since: what headquarters stored still checks against what was signed.
    assert json.loads(run(hq, "audit", "verify", "--json").output)["ok"]
    assert "PROBLEM" not in run(hq, "hq", "show", early[:8]).output


@pytest.mark.parametrize("differs", ["monitor", "device"])
def test_a_self_signed_certificate_naming_another_monitor_or_device_than_the_issued_one_is_refused(
        homes: dict[str, Path], differs: str) -> None:
    """The same key, self-signed in another name or for another device id than headquarters certified it for."""
    hq, solo, usb = homes["hq"], homes["solo"], homes["usb"]

    def other(key: Any, name: str, device: str) -> Any:
        return identity.make_self_signed(key, "Someone Else" if differs == "monitor" else name,
                                         uuid.uuid4().hex if differs == "device" else device)

    own = with_certificate(solo, other)
    files = exported(solo, signed(solo, example()), usb / "other")
    Keyring(Paths.for_home(solo)).device_cert.write_bytes(own)
    enrol(hq, solo, usb)
    before = state(hq)
    code, results = imp(hq, files["bundle"])
    assert code == 1 and results[0]["outcome"] == "refused", results
    sentence = results[0]["sentence"]
    assert "The signing certificate is self-signed, in the name of" in sentence, sentence
    assert "but headquarters certified its key for Solo Monitor, device" in sentence
    assert sentence.endswith("it was not issued by headquarters.")
    assert state(hq) == before
    for kind in ("bundle", "pdf"):
        code_, output = verified(hq, files[kind])
        assert code_ == 1 and "headquarters certified its key for Solo Monitor" in output, (kind, output)


def test_enrolled_as_is_the_one_rule_for_a_key_certified_after_signing(homes: dict[str, Path]) -> None:
    hq, solo, usb = homes["hq"], homes["solo"], homes["usb"]
    keyring, hq_keys = Keyring(Paths.for_home(solo)), Keyring(Paths.for_home(hq))
    self_signed = keyring.device_certificate()
    enrol(hq, solo, usb)
    root, enrolment = hq_keys.root(), hq_keys.enrolment()
    assert root is not None and enrolment is not None
    answer = identity.enrolled_as(self_signed, enrolment, root)
    assert answer.certificate is not None and answer.problem is None
    assert identity.spki(answer.certificate.public_key()) == identity.spki(self_signed.public_key())
    # Another headquarters' root issued none of them; a field home keeps no such records.
    other_root = identity.make_root_ca(identity.generate_key(), "Someone Else")
    assert identity.enrolled_as(self_signed, enrolment, other_root).certificate is None
    assert keyring.enrolment() is None
    # Revoked: refused as revoked.
    serial = identity.format_serial(answer.certificate.serial_number)
    revoked = identity.Enrolment(enrolment.issued, frozenset({serial}))
    answer = identity.enrolled_as(self_signed, revoked, root)
    assert answer.certificate is None and answer.revoked and "revoked" in str(answer.problem)
    chain = identity.check_chain(self_signed, [], root, None, None, enrolment=revoked)
    assert not chain.ok and chain.revoked and chain.enrolment_certificate is None


# ---------------------------------------------------------------------- a refused report is refused


def test_a_report_whose_bundle_was_refused_is_said_refused_not_missing(homes: dict[str, Path]) -> None:
    hq, usb = homes["hq"], homes["usb"]
    field = make_device(usb.parent / "enrolled", "Amélie Ndlovu", hq)
    reports = [sign_doc(field, other_doc(f"ZW 00810{n}", [f"ZW-C-00810{n}"])) for n in range(1, 5)]
    bundles = [exported(field, r, usb / str(n))["bundle"] for n, r in enumerate(reports, 1)]
    entries = entries_of(bundles[2])
    entries["photos/" + hashlib.sha256(b"x").hexdigest() + ".jpg"] = b"x"  # report 3, with a file added
    tampered = usb / "tampered.kpbundle"
    tampered.write_bytes(rezip(entries))
    device = device_of(field)

    code, results = imp(hq, bundles[0], tampered, bundles[3])  # report 2 nobody delivered
    assert code == 1 and [r["outcome"] for r in results] == ["imported", "refused", "imported"], results
    found = anomalies(hq)
    missing = [a["sentence"] for a in found if a["kind"] == "missing_report"]
    assert missing == [f"Report 2 of device {device[:8]} (Amélie Ndlovu) has not arrived: headquarters holds "
                       "reports 1 and 4."], missing
    [refused] = [a for a in found if a["kind"] == "refused_report"]
    assert refused["severity"] == "alert" and refused["device_id"] == device and refused["report_ids"] == [reports[2]]
    sentence = refused["sentence"]
    assert sentence.startswith(f"Report 3 of device {device[:8]} (Amélie Ndlovu), as its bundle claims (the bundle "
                               "did not verify), was refused at import (")
    assert results[1]["sentence"] in sentence and "which its manifest does not list" in sentence
    with_monitors = json.loads(run(hq, "hq", "monitors", "--json").output)
    assert [m["missing"] for m in with_monitors] == [1]  # as the anomalies say: report 2, not 3
    assert stored_equal_recomputed(hq)
    rebuilt = json.loads(run(hq, "hq", "anomalies", "--json", "--rebuild").output)
    assert refused in rebuilt

    # The genuine report 3 arrives: its refusal is over; report 2 still has not arrived.
    assert imp(hq, bundles[2])[0] == 0
    found = anomalies(hq)
    assert not [a for a in found if a["kind"] == "refused_report"]
    assert [a["sentence"] for a in found if a["kind"] == "missing_report"] == [
        f"Report 2 of device {device[:8]} (Amélie Ndlovu) has not arrived: headquarters holds reports 1 and 3."]
    assert stored_equal_recomputed(hq)


# ------------------------------------------------------------- keys install: whole, or not at all


@pytest.mark.parametrize("crash_at", ["root-cert.pem", "chain.pem", "device-cert.pem"])
def test_a_crash_while_installing_leaves_the_old_certificate_or_the_whole_new_set(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, crash_at: str) -> None:
    hq, solo, usb = homes["hq"], homes["solo"], homes["usb"]
    keyring = Keyring(Paths.for_home(solo))
    old_cert = keyring.device_cert.read_bytes()
    request, cert_file = usb / "req.pem", usb / "cert.pem"
    assert run(solo, "keys", "request", "--out", str(request)).exit_code == 0
    assert run(hq, "hq", "issue", str(request), "--out", str(cert_file)).exit_code == 0
    real = keys.write_atomic

    def crashing(path: Path, content: Any, **kwargs: Any) -> None:
        if Path(path).name == crash_at:
            raise OSError(5, "Input/output error")
        real(path, content, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(keys, "write_atomic", crashing)
        with pytest.raises(OSError):
            keyring.install(cert_file.read_bytes())
    # The device certificate is written last: never a new one without the root and chain it needs.
    assert keyring.device_cert.read_bytes() == old_cert
    # The home signs with what it had, and headquarters vouches for it as signed before enrolment.
    files = exported(solo, signed(solo, example()), usb / "before")
    code, output = verified(hq, files["bundle"])
    assert code == 0 and output.startswith("GENUINE, SIGNED BEFORE ENROLMENT"), output

    # Installed again, without a crash: the whole new set, and reports signed with it are simply genuine.
    assert run(solo, "keys", "install", str(cert_file)).exit_code == 0
    issued = identity.load_certs(cert_file.read_bytes())
    assert keyring.device_certificate() == issued[0] and keyring.root() == issued[1] and keyring.chain() == issued[1:]
    files = exported(solo, signed(solo, other_doc("ZW 008201", ["ZW-C-008201"])), usb / "after")
    code, output = verified(hq, files["bundle"])
    assert code == 0 and output.startswith("GENUINE: "), output
