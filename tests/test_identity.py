"""Keys at rest, certificates from headquarters, revocation, and the chain check every verifier uses."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kpmonitor.errors import KPError
from kpmonitor.trust import identity
from kpmonitor.trust.identity import (
    Argon2idParams,
    CertificateError,
    CRLError,
    KeyFileError,
    ScryptParams,
    WrongPassphrase,
    check_chain,
)

# Device ids as kpmonitor makes them (``uuid4().hex``): a certificate names exactly one, well-formed.
DEVICE = "0123456789abcdef0123456789abcdef"
OTHER_DEVICE = "fedcba9876543210fedcba9876543210"

# Cheap KDF costs for tests: the format and code path are the same, the seconds are not.
FAST_SCRYPT = ScryptParams(n=2**10, r=8, p=1)
FAST_ARGON = Argon2idParams(memory_kib=1024, iterations=1, lanes=1)
NOW = dt.datetime.now(dt.UTC)


@pytest.fixture(scope="module")
def hq() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = identity.generate_key()
    return key, identity.make_root_ca(key, "KP Working Group on Monitoring")


@pytest.fixture(scope="module")
def device_key() -> ec.EllipticCurvePrivateKey:
    return identity.generate_key()


@pytest.fixture(scope="module")
def issued(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> x509.Certificate:
    ca_key, ca_cert = hq
    csr = identity.make_csr(device_key, "Jane Moyo", DEVICE)
    return identity.issue_certificate(ca_key, ca_cert, csr)


# ------------------------------------------------------------------------------------- key files


@pytest.mark.parametrize("kdf", [FAST_SCRYPT, FAST_ARGON], ids=["scrypt", "argon2id"])
def test_saved_key_loads_back_with_the_same_passphrase(
    tmp_path: Path, device_key: ec.EllipticCurvePrivateKey, kdf: identity.KdfParams
) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "correct horse battery staple", kdf=kdf)
    loaded = identity.load_key(path, "correct horse battery staple")
    assert loaded.private_numbers() == device_key.private_numbers()


def test_wrong_passphrase_is_refused_with_a_sentence(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "right one", kdf=FAST_SCRYPT)
    with pytest.raises(WrongPassphrase) as err:
        identity.load_key(path, "wrong one")
    assert isinstance(err.value, KPError)
    assert "The passphrase is wrong." in str(err.value)


def test_passphrase_in_another_unicode_normal_form_opens_the_key(
    tmp_path: Path, device_key: ec.EllipticCurvePrivateKey
) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "caf\u00e9", kdf=FAST_SCRYPT)  # é as one code point
    assert identity.load_key(path, "cafe\u0301").private_numbers() == device_key.private_numbers()


def test_key_file_is_our_json_with_a_memory_hard_kdf_not_pkcs8(
    tmp_path: Path, device_key: ec.EllipticCurvePrivateKey
) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "pass", kdf=FAST_ARGON)
    raw = path.read_bytes()
    assert b"-----BEGIN" not in raw  # not PEM / PKCS#8 EncryptedPrivateKeyInfo
    doc = json.loads(raw)
    assert doc["format"] == "kpmonitor-private-key" and doc["version"] == 1
    assert doc["kdf"]["name"] == "argon2id"
    assert doc["kdf"]["memory_kib"] == 1024 and len(doc["kdf"]["salt"]) > 0
    assert doc["cipher"]["name"] == "aes-256-gcm"
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(raw, password=b"pass")


def test_default_kdf_is_memory_hard_and_costly(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "pass")  # real cost, once
    kdf = json.loads(path.read_text())["kdf"]
    if kdf["name"] == "argon2id":
        assert kdf["memory_kib"] >= 64 * 1024 and kdf["iterations"] >= 3
    else:
        assert kdf["name"] == "scrypt" and kdf["n"] >= 2**15 and kdf["r"] == 8


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_key_file_is_private_to_its_owner(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "pass", kdf=FAST_SCRYPT)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["device.key"]  # no temp file left behind


def test_saving_over_an_existing_key_replaces_it_whole(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    path = tmp_path / "device.key"
    identity.save_key(identity.generate_key(), path, "old", kdf=FAST_SCRYPT)
    identity.save_key(device_key, path, "new", kdf=FAST_SCRYPT)
    assert identity.load_key(path, "new").private_numbers() == device_key.private_numbers()


def test_edited_kdf_settings_do_not_open_the_key(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "pass", kdf=FAST_SCRYPT)
    doc = json.loads(path.read_text())
    doc["kdf"]["n"] = 2**11
    path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        identity.load_key(path, "pass")


def test_absurd_kdf_cost_in_a_key_file_is_refused_before_computing(
    tmp_path: Path, device_key: ec.EllipticCurvePrivateKey
) -> None:
    path = tmp_path / "device.key"
    identity.save_key(device_key, path, "pass", kdf=FAST_ARGON)
    doc = json.loads(path.read_text())
    doc["kdf"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError, match="unsafe"):
        identity.load_key(path, "pass")


@pytest.mark.parametrize("content", [b"", b"not json", b'{"format": "other"}', b"\xff\xfe"])
def test_a_file_that_is_not_a_key_file_gets_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.key"
    path.write_bytes(content)
    with pytest.raises(KeyFileError, match="not a kpmonitor key file"):
        identity.load_key(path, "pass")


def test_missing_key_file_gets_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="does not exist"):
        identity.load_key(tmp_path / "nope.key", "pass")


def test_empty_passphrase_is_refused(tmp_path: Path, device_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(KeyFileError, match="empty"):
        identity.save_key(device_key, tmp_path / "k", "", kdf=FAST_SCRYPT)


# ---------------------------------------------------------------------------------- certificates


def test_root_is_a_ca_for_certificates_and_crls_only(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
) -> None:
    _, root = hq
    bc = root.extensions.get_extension_for_class(x509.BasicConstraints)
    ku = root.extensions.get_extension_for_class(x509.KeyUsage)
    assert bc.critical and bc.value.ca
    assert ku.critical and ku.value.key_cert_sign and ku.value.crl_sign and not ku.value.digital_signature
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    aki = root.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    assert root.not_valid_after_utc - root.not_valid_before_utc > dt.timedelta(days=365 * 19)


def test_request_issued_by_hq_chains_to_the_root(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    _, root = hq
    result = check_chain(issued, [], root, None, None)
    assert result.ok and result.issued_by_hq
    assert not (result.self_signed or result.revoked or result.expired)
    assert result.problems == []


def test_issued_certificate_signs_documents_and_is_not_a_ca(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
    issued: x509.Certificate,
    device_key: ec.EllipticCurvePrivateKey,
) -> None:
    _, root = hq
    ku = issued.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_cert_sign
    assert not issued.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    aki = issued.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    root_ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == root_ski.digest
    assert issued.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Jane Moyo"
    assert issued.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == DEVICE
    assert identity.public_key_matches(device_key, issued)


def test_serials_are_random(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> None:
    ca_key, ca_cert = hq
    csr = identity.make_csr(device_key, "Jane Moyo", DEVICE)
    serials = {identity.issue_certificate(ca_key, ca_cert, csr).serial_number for _ in range(5)}
    assert len(serials) == 5 and all(s.bit_length() > 64 for s in serials)


def test_tampered_request_is_refused(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> None:
    ca_key, ca_cert = hq
    der = bytearray(identity.make_csr(device_key, "Jane Moyo", DEVICE).public_bytes(serialization.Encoding.DER))
    index = der.index(b"Jane Moyo")
    der[index] = ord("X")  # a different name under the same signature
    csr = x509.load_der_x509_csr(bytes(der))
    with pytest.raises(CertificateError, match="signature is not valid"):
        identity.issue_certificate(ca_key, ca_cert, csr)


def test_certificate_from_another_root_is_refused_with_the_reason(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> None:
    _, root = hq
    other_key = identity.generate_key()
    # Same office name, different key: a look-alike root must not pass.
    other_root = identity.make_root_ca(other_key, "KP Working Group on Monitoring")
    foreign = identity.issue_certificate(
        other_key, other_root, identity.make_csr(device_key, "Jane Moyo", DEVICE)
    )
    result = check_chain(foreign, [other_root], root, None, None)
    assert not result.ok and not result.issued_by_hq and not result.self_signed
    assert "The certificate was issued by another authority, not this headquarters root." in result.problems


def test_self_signed_certificate_is_marked_and_never_issued_by_hq(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> None:
    _, root = hq
    cert = identity.make_self_signed(device_key, "Jane Moyo", DEVICE)
    assert identity.is_self_signed(cert)
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment
    assert "Self-signed" in cert.subject.rfc4514_string()
    result = check_chain(cert, [], root, None, None)
    assert result.self_signed and not result.issued_by_hq and not result.ok
    assert result.problems == ["The signing certificate is self-signed: it was not issued by headquarters."]


def test_revoked_certificate_is_refused_with_serial_and_date(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate, tmp_path: Path
) -> None:
    ca_key, root = hq
    when = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
    crl = identity.make_crl(ca_key, root, [(issued.serial_number, when)])
    (tmp_path / "hq.crl").write_bytes(identity.pem(crl))
    loaded = identity.load_crl(tmp_path / "hq.crl", root)
    result = check_chain(issued, [], root, loaded, None)
    assert result.revoked and not result.ok and result.issued_by_hq
    assert result.revoked_at == when
    serial = identity.format_serial(issued.serial_number)
    assert f"The certificate (serial {serial}) was revoked by headquarters on 2025-03-01" in result.problems[0]


def test_crl_that_does_not_list_the_certificate_keeps_it_valid(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    ca_key, root = hq
    crl = identity.make_crl(ca_key, root, [(12345, NOW)])
    assert check_chain(issued, [], root, crl, None).ok


def test_crl_not_signed_by_the_root_is_refused(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    _, root = hq
    forger_key = identity.generate_key()
    # A forger's CRL under the real root's name, in DER this time.
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(NOW)
        .next_update(NOW + dt.timedelta(days=1))
        .sign(forger_key, hashes.SHA256())
    )
    der = forged.public_bytes(serialization.Encoding.DER)
    with pytest.raises(CRLError, match="not signed by this headquarters root"):
        identity.load_crl(der, root)
    result = check_chain(issued, [], root, forged, None)
    assert not result.ok


def test_an_expired_crl_fails_revocation_judged_at_the_time_of_verifying(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    ca_key, root = hq
    crl = identity.make_crl(ca_key, root, [], next_update_days=1, now=NOW - dt.timedelta(days=400))
    due = crl.next_update_utc
    assert due is not None
    # Judged at a signing time when the list was fresh, it is still out of date now.
    result = check_chain(issued, [], root, crl, NOW - dt.timedelta(minutes=1))
    assert not result.ok and result.issued_by_hq and not result.revoked
    assert result.revocation_problems == [identity.crl_expired_problem(crl)]
    assert f"its next update was due on {due:%Y-%m-%d}" in result.revocation_problems[0]
    assert not result.issuer_problems and not result.warnings
    # Verified while it was fresh, it vouches.
    assert identity.crl_expired_problem(crl, due - dt.timedelta(hours=1)) is None
    fresh = identity.make_crl(ca_key, root, [], next_update_days=1)
    assert check_chain(issued, [], root, fresh, None).ok


def test_a_crl_is_older_by_its_number_else_its_issue_time(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
) -> None:
    ca_key, root = hq
    old = identity.make_crl(ca_key, root, [], crl_number=5, now=NOW)
    new = identity.make_crl(ca_key, root, [], crl_number=6, now=NOW - dt.timedelta(days=1))
    assert identity.crl_older_problem(new, old) is None  # the number wins over the time
    problem = identity.crl_older_problem(old, new)
    assert problem is not None and "older than the one installed" in problem
    unnumbered = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(NOW - dt.timedelta(days=2))
        .next_update(NOW + dt.timedelta(days=1))
        .sign(ca_key, hashes.SHA256())
    )
    assert identity.crl_older_problem(unnumbered, old) is not None
    assert identity.crl_older_problem(old, unnumbered) is None


def test_a_not_yet_valid_certificate_is_a_validity_problem(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    _, root = hq
    result = check_chain(issued, [], root, None, issued.not_valid_before_utc - dt.timedelta(days=3))
    assert not result.ok and result.not_yet_valid and not result.expired and result.issued_by_hq
    assert "not valid yet" in result.validity_problems[0]  # (and the root, made just now, is not valid yet)
    assert not result.issuer_problems


def test_expired_certificate_is_refused_with_the_date(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], device_key: ec.EllipticCurvePrivateKey
) -> None:
    ca_key, root = hq
    # Built directly with a validity window wholly in the past.
    start = NOW - dt.timedelta(days=400)
    end = NOW - dt.timedelta(days=35)
    expired = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Jane Moyo")]))
        .issuer_name(root.subject)
        .public_key(device_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    result = check_chain(expired, [], root, None, None)
    assert result.expired and result.issued_by_hq and not result.ok
    assert f"The certificate expired on {end:%Y-%m-%d}" in result.problems[0]
    assert result.validity_problems == [result.problems[0]] and not result.issuer_problems
    # Checked at a time inside its window (against a root that was valid then), it is fine.
    old_root = identity.make_root_ca(ca_key, "KP Working Group on Monitoring", now=NOW - dt.timedelta(days=500))
    assert check_chain(expired, [], old_root, None, start + dt.timedelta(days=1)).ok


def test_no_root_means_the_issuer_cannot_be_confirmed(issued: x509.Certificate) -> None:
    result = check_chain(issued, [], None, None, None)
    assert not result.ok and not result.issued_by_hq
    assert "No headquarters root certificate" in result.problems[0]


def test_naive_check_time_is_taken_as_utc(
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], issued: x509.Certificate
) -> None:
    _, root = hq
    naive = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert check_chain(issued, [], root, None, naive).ok


def test_issued_certificate_never_outlives_the_root(device_key: ec.EllipticCurvePrivateKey) -> None:
    ca_key = identity.generate_key()
    root = identity.make_root_ca(ca_key, "Short-lived HQ", valid_years=1)
    cert = identity.issue_certificate(ca_key, root, identity.make_csr(device_key, "Jane", OTHER_DEVICE),
                                      valid_days=3650)
    assert cert.not_valid_after_utc == root.not_valid_after_utc


def test_names_too_long_for_a_certificate_get_a_sentence(device_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(CertificateError, match="monitor name must be 1 to 64"):
        identity.make_csr(device_key, "x" * 65, "D1")
    with pytest.raises(CertificateError, match="device id"):
        identity.make_csr(device_key, "Jane", "  ")


# -------------------------------------------------------------------------------------------- PEM


def test_pem_files_round_trip(
    tmp_path: Path,
    hq: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
    issued: x509.Certificate,
    device_key: ec.EllipticCurvePrivateKey,
) -> None:
    _, root = hq
    (tmp_path / "chain.pem").write_bytes(identity.pem(issued, root))
    assert identity.load_certs(tmp_path / "chain.pem") == [issued, root]
    assert identity.load_cert(tmp_path / "chain.pem") == issued
    csr = identity.make_csr(device_key, "Jane Moyo", DEVICE)
    (tmp_path / "req.pem").write_bytes(identity.pem(csr))
    assert identity.load_csr(tmp_path / "req.pem") == csr
    # DER is accepted too, as people get certificates in both forms.
    (tmp_path / "root.der").write_bytes(root.public_bytes(serialization.Encoding.DER))
    assert identity.load_cert(tmp_path / "root.der") == root


def test_a_file_that_is_not_a_certificate_gets_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "x.pem").write_text("hello")
    with pytest.raises(CertificateError, match="not a certificate"):
        identity.load_cert(tmp_path / "x.pem")
    with pytest.raises(CertificateError, match="does not exist"):
        identity.load_cert(tmp_path / "missing.pem")
    with pytest.raises(CRLError, match="not a certificate revocation list"):
        identity.load_crl(b"garbage", identity.make_root_ca(identity.generate_key(), "HQ"))


def test_certificate_summary_names_the_signer(issued: x509.Certificate) -> None:
    summary = identity.certificate_summary(issued)
    assert summary["name"] == "Jane Moyo" and summary["device_id"] == DEVICE
    assert summary["issuer"] == "KP Working Group on Monitoring"
    assert summary["serial"] == identity.format_serial(issued.serial_number)
    assert len(summary["sha256"]) == 64
