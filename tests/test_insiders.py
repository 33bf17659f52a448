"""Insiders: an enrolled monitor — a genuine certificate from headquarters, or whoever holds that laptop and its
passphrase — cannot sign as another device, be shown under another name, take another device's lineage or
occupy another device's report ids.

Two enrolled devices (A and B) and one headquarters, driven through the command line. What an insider's
modified kpmonitor would sign is made by patching the signing code at the one seam such a change would touch
(``kpmonitor.report.sign``); everything headquarters and the verifiers do is the real code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from kpmonitor.domain.inspection import from_document
from kpmonitor.hq.anomalies import recompute, rules_for
from kpmonitor.hq.store import hq_store
from kpmonitor.paths import Paths
from kpmonitor.report import manifest as report_manifest
from kpmonitor.report import sign as report_sign
from kpmonitor.report import snapshot as report_snapshot
from kpmonitor.report.snapshot import SignerInfo
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace, read_home
from tests.conftest import TEST_PASSPHRASE, fresh_copies
from tests.conftest_hq import HQEngine
from tests.test_bundle import example, make_device, make_hq, run, sign_doc
from tests.test_hq import imp, other_doc, state


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("insiders")
    hq = make_hq(base / "hq")
    return {"hq": hq, "a": make_device(base / "a", "Amélie Ndlovu", hq),
            "b": make_device(base / "b", "Baraka Moyo", hq)}


@pytest.fixture
def homes(enrolled: dict[str, Path], tmp_path: Path, hq_engine: HQEngine) -> dict[str, Path]:
    """Fresh copies of headquarters (on each engine) and the two devices, before any report."""
    copies = fresh_copies(enrolled, tmp_path)
    hq_engine.point(copies["hq"])
    return copies


@pytest.fixture
def issuing(enrolled: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """Fresh copies of headquarters and the two devices, for what headquarters issues (its keys, not its records:
    one engine is enough)."""
    return fresh_copies(enrolled, tmp_path)


def device_of(home: Path) -> str:
    info = read_home(Paths.for_home(home))
    assert info is not None
    return info.device_id


def exported(field: Path, report_id: str, out: Path) -> dict[str, Path]:
    """The report's PDF, bundle and QR text, written out through the command line."""
    result = run(field, "export", report_id, "--out", str(out))
    assert result.exit_code == 0, result.output
    with Workspace(Paths.for_home(field)) as ws:
        qr = out / f"{report_id}.qr.txt"
        qr.write_text(ws.store.report(report_id)["qr_text"], encoding="ascii")
    [pdf] = out.glob(f"*{report_id[:8]}.pdf")
    [bundle] = out.glob(f"*{report_id[:8]}.kpbundle")
    return {"pdf": pdf, "bundle": bundle, "qr": qr}


def draft(field: Path, doc: dict[str, Any]) -> str:
    """A draft inspection ready to sign (its warnings acknowledged); its id."""
    with Workspace(Paths.for_home(field)) as ws:
        insp, problems = from_document(doc)
        assert not problems, problems
        inspection_id = ws.store.create_inspection(insp)
        for p in ws.validate(ws.store.get(inspection_id)):
            ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site.")
        return inspection_id


def anomalies(hq: Path) -> list[dict[str, Any]]:
    result = run(hq, "hq", "anomalies", "--json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.output)
    return found


def held_ids(hq: Path) -> set[str]:
    """The reports headquarters holds anything of: report rows, seals, photos."""
    with Workspace(Paths.for_home(hq)) as ws:
        conn = hq_store(ws).conn
        return {r[0] for t, c in (("hq_reports", "id"), ("hq_seals", "report_id"), ("hq_photos", "report_id"))
                for r in conn.execute(f"SELECT {c} FROM {t}")}


def stored_equal_recomputed(hq: Path) -> bool:
    with Workspace(Paths.for_home(hq)) as ws:
        hqs = hq_store(ws)
        return hqs.stored_anomalies() == recompute(hqs, rules_for(ws))


def verified(hq: Path, path: Path) -> tuple[int, str]:
    result = run(hq, "verify", str(path))
    return result.exit_code, result.output


# ------------------------------------------------------------------- the insider's modified kpmonitor


def _unchecked_signer(cert: x509.Certificate) -> SignerInfo:
    summary = identity.certificate_summary(cert)
    return SignerInfo(name=summary["name"], device_id=summary["device_id"], certificate_serial=summary["serial"],
                      certificate_issuer=summary["issuer"], certificate_subject=summary["name"], self_signed=False)


@contextmanager
def modified(mp: pytest.MonkeyPatch, *, signer: dict[str, Any] | None = None,
             plan: Callable[[report_sign.SigningPlan], dict[str, Any]] | None = None,
             old_format: bool = False) -> Iterator[None]:
    """Signing as a kpmonitor changed by its holder would: another signer's device or name, another plan (a
    report it supersedes, an id), or the old format (``kpmonitor-report/1``, ids drawn at random)."""
    with mp.context() as m:
        if signer is not None:
            m.setattr(report_sign, "signer_info", lambda cert: dataclasses.replace(_unchecked_signer(cert), **signer))
        real_prepare, real_build = report_sign.prepare_signing, report_snapshot.build_snapshot
        if plan is not None:
            changes = plan

            def prepare(ws: Workspace, inspection_id: str, **kwargs: Any) -> report_sign.SigningPlan:
                planned = real_prepare(ws, inspection_id, **kwargs)
                return dataclasses.replace(planned, **changes(planned))

            m.setattr(report_sign, "prepare_signing", prepare)
            real_build_signing = report_sign.build_signing

            def build(planned: report_sign.SigningPlan, passphrase: str, **kwargs: Any) -> report_sign.SignedBuild:
                built = real_build_signing(planned, passphrase, **kwargs)
                # Its own store holds no report of another device to link to: only what it signs says so.
                built.row["supersedes"] = None
                return built

            m.setattr(report_sign, "build_signing", build)
        if old_format:
            def old_snapshot(*args: Any, **kwargs: Any) -> dict[str, Any]:
                snap = real_build(*args, **kwargs)
                del snap["report"]["id_nonce"]
                del snap["amendment"]  # format 3's, after this one
                return {**snap, "format": "kpmonitor-report/1"}

            m.setattr(report_sign, "build_snapshot", old_snapshot)
            m.setattr("kpmonitor.report.manifest.FORMAT", "kpmonitor-bundle/1")
            real_manifest = report_manifest.make_manifest
            m.setattr(report_sign, "make_manifest",
                      lambda *args, history, **kwargs: real_manifest(*args, history=None, **kwargs))
            m.setattr("kpmonitor.report.pdf.FORMAT", "kpmonitor-report/1")
        yield


def with_supersedes(report_id: str) -> Callable[[report_sign.SigningPlan], dict[str, Any]]:
    return lambda _plan: {"supersedes": report_id, "supersedes_version": 1, "version": 2}


def with_id(report_id: str) -> Callable[[report_sign.SigningPlan], dict[str, Any]]:
    return lambda _plan: {"report_id": report_id}


# ---------------------------------------------------------------- I3: certificates name exactly one device


def _request(field: Path, subject: list[x509.NameAttribute[str]]) -> bytes:
    key = Keyring(Paths.for_home(field)).load_device_key(TEST_PASSPHRASE)
    csr = x509.CertificateSigningRequestBuilder().subject_name(x509.Name(subject)).sign(key, hashes.SHA256())
    return identity.pem(csr)


@pytest.mark.parametrize(("subject", "phrase"), [
    ([("CN", "Baraka Moyo")], "does not name exactly one device"),
    ([("CN", "Baraka Moyo"), ("SN", "device ()")], "does not name exactly one device"),
    ([("CN", "Baraka Moyo"), ("SN", "0" * 31 + "Z")], "does not name exactly one device"),
    ([("CN", "Baraka Moyo"), ("SN", "a" * 32), ("SN", "b" * 32)], "does not name exactly one device"),
    ([("SN", "a" * 32)], "must name exactly one monitor"),
    ([("CN", "Baraka Moyo"), ("CN", "Amélie Ndlovu"), ("SN", "a" * 32)], "must name exactly one monitor"),
], ids=["no-device", "device-()", "malformed", "two-devices", "no-name", "two-names"])
def test_hq_issue_refuses_a_request_without_exactly_one_monitor_and_one_device(
        issuing: dict[str, Path], subject: list[tuple[str, str]], phrase: str) -> None:
    homes = issuing
    oids = {"CN": NameOID.COMMON_NAME, "SN": NameOID.SERIAL_NUMBER}
    req, out = homes["usb"] / "req.pem", homes["usb"] / "cert.pem"
    req.parent.mkdir()
    req.write_bytes(_request(homes["b"], [x509.NameAttribute(oids[k], v) for k, v in subject]))
    issued_before = sorted(Keyring(Paths.for_home(homes["hq"])).issued_dir.iterdir())
    result = run(homes["hq"], "hq", "issue", str(req), "--out", str(out))
    assert result.exit_code == 1 and phrase in result.output, result.output
    assert not out.exists() and sorted(Keyring(Paths.for_home(homes["hq"])).issued_dir.iterdir()) == issued_before


def test_hq_issue_gives_a_device_id_to_one_key_only(issuing: dict[str, Path]) -> None:
    """B asks for a certificate naming A's device (to sign as A), or a second device for its own key."""
    homes = issuing
    usb = homes["usb"]
    usb.mkdir()
    cases = [(homes["b"], device_of(homes["a"]), "already holds certificate"),
             (homes["b"], uuid.uuid4().hex, "This key already holds certificate")]
    for field, device, phrase in cases:
        (usb / "req.pem").write_bytes(_request(field, [x509.NameAttribute(NameOID.COMMON_NAME, "Baraka Moyo"),
                                                       x509.NameAttribute(NameOID.SERIAL_NUMBER, device)]))
        result = run(homes["hq"], "hq", "issue", str(usb / "req.pem"), "--out", str(usb / "cert.pem"))
        assert result.exit_code == 1 and phrase in result.output, result.output
        assert not (usb / "cert.pem").exists()
    # Its own device and key again (a renewal) is issued.
    assert run(homes["b"], "keys", "request", "--out", str(usb / "renew.pem")).exit_code == 0
    assert run(homes["hq"], "hq", "issue", str(usb / "renew.pem"), "--out", str(usb / "cert.pem")).exit_code == 0


def _certificate_naming_no_device(hq: Path, field: Path) -> bytes:
    """What `hq issue` made of a request with only a name, before it refused them."""
    hq_keys, field_keys = Keyring(Paths.for_home(hq)), Keyring(Paths.for_home(field))
    root, root_key = hq_keys.root(), hq_keys.load_root_key(TEST_PASSPHRASE)
    assert root is not None
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Baraka Moyo")]))
            .issuer_name(root.subject).public_key(field_keys.load_device_key(TEST_PASSPHRASE).public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(root_key, hashes.SHA256()))
    return identity.pem(cert, root)


@pytest.mark.parametrize("certificate", ["naming no device", "naming B"])
def test_a_report_claiming_another_device_is_refused_by_every_verifier(homes: dict[str, Path],
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       certificate: str) -> None:
    """B signs as device A, to make headquarters accuse A of a fork: with a certificate naming no device (as
    `hq issue` once gave), or with its own genuine one."""
    hq, a, b, usb = homes["hq"], homes["a"], homes["b"], homes["usb"]
    a1 = sign_doc(a, example())
    assert imp(hq, exported(a, a1, usb / "a")["bundle"])[0] == 0
    if certificate == "naming no device":
        data = _certificate_naming_no_device(hq, b)
        (usb / "old-cert.pem").write_bytes(data)
        refused = run(b, "keys", "install", str(usb / "old-cert.pem"))
        assert refused.exit_code == 1 and "does not name exactly one device" in refused.output
        keys = Keyring(Paths.for_home(b))
        keys.device_cert.write_bytes(data.split(b"-----END CERTIFICATE-----")[0] + b"-----END CERTIFICATE-----\n")
        # The real kpmonitor will not sign with it.
        result = run(b, "sign", draft(b, other_doc("ZW 009001", ["ZW-C-009001"])))
        assert result.exit_code == 1 and "does not name exactly one device" in result.output, result.output
    with modified(monkeypatch, signer={"device_id": device_of(a)}):
        forged = sign_doc(b, other_doc("ZW 009002", ["ZW-C-009002"]))
    files = exported(b, forged, usb / "b")
    before = state(hq)
    code, results = imp(hq, files["bundle"])
    phrase = "does not name exactly one device" if certificate == "naming no device" else "issued to device"
    assert code == 1 and results[0]["outcome"] == "refused" and phrase in results[0]["sentence"], results
    assert state(hq) == before and not [x for x in anomalies(hq) if x["kind"] in ("fork", "rollback")]
    for kind in ("bundle", "pdf") + (("qr",) if certificate == "naming no device" else ()):
        code_, output = verified(hq, files[kind])
        # A KP2 seal names its signer by key id alone: headquarters' records say that key was never certified.
        expected = "never certified" if kind == "qr" else "[FAIL] certificate names the signer"
        assert code_ == 1 and expected in output, (kind, output)


# ------------------------------------------------------------------------ I4: the signer is the certificate


def test_a_home_renamed_signs_with_the_certificates_name_and_says_so(homes: dict[str, Path]) -> None:
    hq, b, usb = homes["hq"], homes["b"], homes["usb"]
    home_file = Paths.for_home(b).home_file
    info = json.loads(home_file.read_text(encoding="utf-8"))
    home_file.write_text(json.dumps({**info, "name": "Jane Monitor"}), encoding="utf-8")
    result = run(b, "sign", draft(b, other_doc("ZW 009101", ["ZW-C-009101"])))
    assert result.exit_code == 0, result.output
    report_id = result.stdout.strip()
    assert "the report is signed as Baraka Moyo" in result.stderr and "Jane Monitor" in result.stderr
    with Workspace(Paths.for_home(b)) as ws:
        assert json.loads(ws.store.report(report_id)["snapshot"])["monitor"]["name"] == "Baraka Moyo"
    files = exported(b, report_id, usb)
    for kind in ("pdf", "bundle", "qr"):
        code, output = verified(hq, files[kind])
        assert code == 0 and "monitor Baraka Moyo" in output and "Jane" not in output, (kind, output)
    assert imp(hq, files["bundle"])[0] == 0
    [row] = json.loads(run(hq, "hq", "list", "--json").output)
    assert row["monitor"] == "Baraka Moyo"
    assert "Monitor       Baraka Moyo" in run(hq, "hq", "show", report_id[:8]).output


def test_a_report_or_seal_naming_another_monitor_than_its_certificate_is_refused(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    hq, b, usb = homes["hq"], homes["b"], homes["usb"]
    with modified(monkeypatch, signer={"name": "Amélie Ndlovu"}):
        forged = sign_doc(b, other_doc("ZW 009201", ["ZW-C-009201"]))
    files = exported(b, forged, usb)
    before = state(hq)
    code, results = imp(hq, files["bundle"])
    assert code == 1 and results[0]["outcome"] == "refused"
    assert "names its monitor “Amélie Ndlovu”, but the signing certificate is Baraka Moyo's" in results[0]["sentence"]
    assert state(hq) == before
    for kind in ("bundle", "pdf"):
        code, output = verified(hq, files[kind])
        assert code == 1 and "[FAIL] certificate names the signer" in output, (kind, output)
        assert "monitor Baraka Moyo" in output  # what is shown as the signer is the certificate's
    # A KP2 seal names no monitor: its monitor is its signer, so the seal alone claims nobody else, and is Baraka's.
    code, output = verified(hq, files["qr"])
    assert code == 0 and "monitor Baraka Moyo" in output and "Amélie" not in output, output


# ---------------------------------------------------------------- I1: a lineage belongs to one device


@pytest.mark.parametrize("delivered", ["apart", "together"])
def test_a_report_superseding_another_devices_report_is_refused_with_an_alert(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, delivered: str, hq_engine: HQEngine) -> None:
    """B ships a report that "supersedes" A's, with A's seals: to hide A's report and reuse its seals. Delivered
    together, A's is checked and B's is checked before A's is recorded: B's is refused when it is recorded."""
    hq, a, b, usb = homes["hq"], homes["a"], homes["b"], homes["usb"]
    a1 = sign_doc(a, example())
    a_bundle = exported(a, a1, usb / "a")["bundle"]
    with modified(monkeypatch, plan=with_supersedes(a1)):
        b1 = sign_doc(b, example())  # the same certificate number and seals as a1
    b_bundle = exported(b, b1, usb / "b")["bundle"]
    if delivered == "apart":
        assert imp(hq, a_bundle)[0] == 0
        stats_before, before = run(hq, "hq", "stats", "--json").output, state(hq)
        code, results = imp(hq, b_bundle)
    else:
        reference = hq.parent / "reference-hq"
        shutil.copytree(hq, reference)
        hq_engine.point(reference)  # a database of its own
        assert imp(reference, a_bundle)[0] == 0
        stats_before, before = run(reference, "hq", "stats", "--json").output, None
        code, results = imp(hq, a_bundle, b_bundle)
        assert results[0]["outcome"] == "imported"
        results = results[1:]
    assert code == 1 and results[0]["outcome"] == "refused", results
    sentence = results[0]["sentence"]
    assert f"claims to supersede report {a1[:8]}" in sentence and "only its own device's reports" in sentence
    quarantined = Path(results[0]["quarantined"])
    assert sentence in quarantined.with_name(quarantined.name + ".txt").read_text(encoding="utf-8")
    assert state(hq) == before if before is not None else held_ids(hq) == {a1}
    [row] = json.loads(run(hq, "hq", "list", "--json").output)
    assert row["id"] == a1 and row["superseded_by"] is None
    assert run(hq, "hq", "stats", "--json").output == stats_before
    [alert] = [x for x in anomalies(hq) if x["kind"] == "cross_device_supersede"]
    assert alert["severity"] == "alert" and alert["sentence"] == sentence and alert["device_id"] == device_of(b)
    assert stored_equal_recomputed(hq)
    rebuilt = json.loads(run(hq, "hq", "anomalies", "--json", "--rebuild").output)
    assert alert in rebuilt  # nothing held says it again: the import's alert is kept


def test_a_report_that_superseded_another_devices_before_it_arrived_stays_apart(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The same trick, B's report delivered first: A's report still arrives, is not superseded, and the seals
    the two share are a reuse."""
    hq, a, b, usb = homes["hq"], homes["a"], homes["b"], homes["usb"]
    a1 = sign_doc(a, example())
    with modified(monkeypatch, plan=with_supersedes(a1)):
        b1 = sign_doc(b, example())
    assert imp(hq, exported(b, b1, usb / "b")["bundle"])[0] == 0
    assert imp(hq, exported(a, a1, usb / "a")["bundle"])[0] == 0
    rows = {r["id"]: r for r in json.loads(run(hq, "hq", "list", "--json").output)}
    assert rows[a1]["superseded_by"] is None
    assert "another device's report: not an amendment of it" in run(hq, "hq", "show", b1[:8]).output
    found = anomalies(hq)
    kinds = {x["kind"] for x in found if x["severity"] == "alert"}
    assert {"cross_device_supersede", "seal_reused", "certificate_reused"} <= kinds, found
    assert not [x for x in found if x["kind"] == "missing_report" and "supersedes" in x["sentence"]]
    [shipments] = json.loads(run(hq, "hq", "stats", "--json").output)
    assert shipments["shipments"] == 2
    assert stored_equal_recomputed(hq)


# ---------------------------------------------------------------- I2: a report id belongs to its device


def test_a_device_cannot_sign_with_another_devices_report_id(homes: dict[str, Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    hq, a, b, usb = homes["hq"], homes["a"], homes["b"], homes["usb"]
    a1 = sign_doc(a, example())  # printed and handed over at the border; not delivered yet
    with modified(monkeypatch, plan=with_id(a1)):
        b1 = sign_doc(b, other_doc("ZW 009301", ["ZW-C-009301"]))
    assert b1 == a1
    files = exported(b, b1, usb / "b")
    before = state(hq)
    code, results = imp(hq, files["bundle"])
    assert code == 1 and results[0]["outcome"] == "refused" and "not one its device makes" in results[0]["sentence"]
    assert state(hq) == before
    for kind in ("bundle", "pdf"):
        code, output = verified(hq, files[kind])
        assert code == 1 and "[FAIL] certificate names the signer" in output, (kind, output)
    assert imp(hq, exported(a, a1, usb / "a")["bundle"])[0] == 0  # A's own report is A's


@pytest.mark.parametrize("first", ["b", "a"])
def test_another_devices_id_in_an_old_format_report_is_an_alert_not_a_silent_conflict(
        homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, first: str) -> None:
    """Format 1 reports are still imported, and their ids could be anything: B occupies A's id with one."""
    hq, a, b, usb = homes["hq"], homes["a"], homes["b"], homes["usb"]
    a1 = sign_doc(a, example())
    with modified(monkeypatch, plan=with_id(a1), old_format=True):
        assert sign_doc(b, other_doc("ZW 009401", ["ZW-C-009401"])) == a1
    bundles = {"a": exported(a, a1, usb / "a")["bundle"], "b": exported(b, a1, usb / "b")["bundle"]}
    second = "a" if first == "b" else "b"
    assert imp(hq, bundles[first])[0] == 0
    before = state(hq)
    code, results = imp(hq, bundles[second])
    assert code == 1 and results[0]["outcome"] == "conflict", results
    assert "one device used another's report id" in results[0]["sentence"]
    assert state(hq) == before
    [alert] = [x for x in anomalies(hq) if x["kind"] == "cross_device_id"]
    assert alert["severity"] == "alert" and alert["device_id"] == device_of(homes[second])
    assert stored_equal_recomputed(hq)


def test_an_old_format_report_still_verifies_and_imports_with_a_note(homes: dict[str, Path],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    hq, a, usb = homes["hq"], homes["a"], homes["usb"]
    with modified(monkeypatch, plan=with_id(uuid.uuid4().hex), old_format=True):
        old = sign_doc(a, example())
    files = exported(a, old, usb)
    with Workspace(Paths.for_home(a)) as ws:
        assert json.loads(ws.store.report(old)["manifest"])["format"] == "kpmonitor-bundle/1"
    for kind in ("bundle", "pdf"):
        code, output = verified(hq, files[kind])
        assert code == 0 and "[note] This report is of format kpmonitor-report/1" in output, (kind, output)
    code, results = imp(hq, files["bundle"])
    assert code == 0 and results[0]["outcome"] == "imported", results
    assert "[note] This report is of format kpmonitor-report/1" in run(hq, "hq", "show", old[:8]).output
