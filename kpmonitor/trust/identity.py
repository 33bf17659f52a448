"""Keys, certificates and revocation: who signed a report, and does headquarters vouch for them.

The trust model is deliberately small (see DESIGN.md, "Trust"):

- Headquarters holds one root CA key. It issues each field device a certificate for the device's own
  ECDSA P-256 key, and publishes a signed certificate revocation list (CRL).
- A device that has no certificate from headquarters yet signs with a self-signed one; every verifier
  says so plainly.
- A verifier holds only the root certificate (and optionally the CRL). A chain is leaf → root, with
  room for an intermediate should headquarters ever delegate.

Private keys never leave the device. At rest they are sealed with AES-256-GCM under a key derived from a
passphrase by a memory-hard KDF (Argon2id, or scrypt where this build of cryptography lacks Argon2id),
in a small versioned JSON file rather than PKCS#8 ``BestAvailableEncryption`` — whose KDF and cost
depend on the cryptography/OpenSSL version and are not memory-hard.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.x509.oid import NameOID

from kpmonitor.domain.moments import show_moment
from kpmonitor.errors import FileRefused, KPError
from kpmonitor.fileio import PRIVATE, read_regular, write_atomic
from kpmonitor.i18n import _

__all__ = [
    "DEFAULT_ARGON2ID",
    "DEFAULT_SCRYPT",
    "Argon2idParams",
    "CRLError",
    "CertificateError",
    "ChainResult",
    "Enrolled",
    "Enrolment",
    "KdfParams",
    "KeyFileError",
    "ScryptParams",
    "WrongPassphrase",
    "certificate_device",
    "certificate_monitor",
    "certificate_summary",
    "check_chain",
    "check_device_id",
    "check_request",
    "default_kdf",
    "enrolled_as",
    "fingerprint",
    "format_serial",
    "generate_key",
    "is_self_signed",
    "issue_certificate",
    "load_cert",
    "load_certs",
    "load_crl",
    "load_csr",
    "load_key",
    "make_crl",
    "make_csr",
    "make_root_ca",
    "make_self_signed",
    "pem",
    "public_key_matches",
    "save_key",
    "self_signed_note",
    "signer_problem",
    "spki",
]


# --------------------------------------------------------------------------------------------- errors


class KeyFileError(KPError):
    """A private key file is missing, unreadable or not ours."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not open the key file."""


class CertificateError(KPError):
    """A certificate, request or file of them is unusable or refused."""


class CRLError(KPError):
    """A revocation list is unreadable or not signed by headquarters."""


# ------------------------------------------------------------------------------------ key at rest

KEY_FILE_FORMAT = "kpmonitor-private-key"
KEY_FILE_VERSION = 1


@dataclass(frozen=True)
class Argon2idParams:
    """Argon2id cost (RFC 9106). ``memory_kib`` is in KiB."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4
    name: Literal["argon2id"] = "argon2id"


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost (RFC 7914). Memory used is 128 · n · r bytes."""

    n: int = 2**16
    r: int = 8
    p: int = 1
    name: Literal["scrypt"] = "scrypt"


KdfParams = Argon2idParams | ScryptParams

# Why these costs: the passphrase is typed once per session on a field laptop, so ~0.1–0.3 s is
# unnoticeable to the monitor, while every guess costs an attacker who stole the laptop the same time and,
# more importantly, the same memory (which is what defeats GPU/ASIC guessing).
# - Argon2id t=3, m=64 MiB, p=4 is RFC 9106 §4's second recommended option (for memory-constrained
#   hosts); it measured ~0.25 s on a 2-core build machine.
# - scrypt n=2**16, r=8, p=1 uses 64 MiB and measured ~0.24 s on the same machine (n=2**15: 0.10 s,
#   2**17: 0.54 s). It is the fallback where cryptography was built without Argon2id.
DEFAULT_ARGON2ID = Argon2idParams()
DEFAULT_SCRYPT = ScryptParams()

# A key file is input: refuse costs that would make opening it a denial of service (RAM or minutes).
_MAX_MEMORY_BYTES = 1 << 30  # 1 GiB
_MAX_ITERATIONS = 64
_MAX_LANES = 64


def default_kdf() -> KdfParams:
    """Argon2id when this cryptography build supports it, else scrypt."""
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        Argon2id(salt=b"\0" * 16, length=32, iterations=1, lanes=1, memory_cost=8).derive(b"probe")
    except (ImportError, UnsupportedAlgorithm):
        return DEFAULT_SCRYPT
    return DEFAULT_ARGON2ID


def generate_key() -> ec.EllipticCurvePrivateKey:
    """A new ECDSA P-256 private key."""
    return ec.generate_private_key(ec.SECP256R1())


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that "é" typed as one code point or as e + combining accent opens the same key
    # (keyboards and input methods differ between the field laptop and a replacement).
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(params: KdfParams, salt: bytes, passphrase: str) -> bytes:
    secret = _passphrase_bytes(passphrase)
    if isinstance(params, Argon2idParams):
        try:
            from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
        except ImportError as exc:  # pragma: no cover - depends on the cryptography build
            raise KeyFileError("This key file uses Argon2id, which this installation cannot compute.") from exc
        try:
            return Argon2id(
                salt=salt,
                length=32,
                iterations=params.iterations,
                lanes=params.lanes,
                memory_cost=params.memory_kib,
            ).derive(secret)
        except UnsupportedAlgorithm as exc:  # pragma: no cover - depends on the OpenSSL build
            raise KeyFileError("This key file uses Argon2id, which this installation cannot compute.") from exc
    return Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p).derive(secret)


def _kdf_to_json(params: KdfParams, salt: bytes) -> dict[str, Any]:
    if isinstance(params, Argon2idParams):
        return {
            "name": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
        }
    return {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p, "salt": _b64(salt)}


def _kdf_from_json(obj: Any, where: str) -> tuple[KdfParams, bytes]:
    bad = KeyFileError(f"The key file {where} has unreadable or unsafe key-derivation settings.")
    if not isinstance(obj, dict):
        raise bad
    try:
        salt = _unb64(obj["salt"])
        name = obj["name"]
        params: KdfParams
        if name == "argon2id":
            params = Argon2idParams(
                memory_kib=_int(obj["memory_kib"]),
                iterations=_int(obj["iterations"]),
                lanes=_int(obj["lanes"]),
            )
            ok = (
                8 * params.lanes <= params.memory_kib <= _MAX_MEMORY_BYTES // 1024
                and 1 <= params.iterations <= _MAX_ITERATIONS
                and 1 <= params.lanes <= _MAX_LANES
            )
        elif name == "scrypt":
            params = ScryptParams(n=_int(obj["n"]), r=_int(obj["r"]), p=_int(obj["p"]))
            ok = (
                params.n >= 2
                and params.n & (params.n - 1) == 0
                and 1 <= params.r <= 32
                and 1 <= params.p <= 16
                and 128 * params.n * params.r <= _MAX_MEMORY_BYTES
            )
        else:
            raise KeyFileError(f"The key file {where} uses an unknown key derivation ({name!r}).")
    except (KeyError, TypeError, ValueError) as exc:
        raise bad from exc
    if not ok or len(salt) < 16:
        raise bad
    return params, salt


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc


def _header_aad(header: dict[str, Any]) -> bytes:
    # The header (format, version, curve, KDF settings) is authenticated as AES-GCM associated data:
    # editing any of it in the file makes decryption fail rather than silently doing something else.
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def save_key(
    key: ec.EllipticCurvePrivateKey,
    path: str | os.PathLike[str],
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
) -> None:
    """Encrypt ``key`` under ``passphrase`` and write it atomically to ``path`` (mode 0600).

    ``kdf`` defaults to :func:`default_kdf`; tests pass a cheap one.
    """
    if not isinstance(key.curve, ec.SECP256R1):
        raise KeyFileError("Only ECDSA P-256 keys are used for signing reports.")
    if not passphrase:
        raise KeyFileError("The passphrase is empty; choose one to protect the signing key.")
    params = kdf or default_kdf()
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)  # 96-bit random nonce: the key is fresh for every save, never reused
    header = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "curve": "P-256",
        "kdf": _kdf_to_json(params, salt),
        "cipher": {"name": "aes-256-gcm", "nonce": _b64(nonce)},
    }
    plaintext = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    sealed = AESGCM(_derive(params, salt, passphrase)).encrypt(nonce, plaintext, _header_aad(header))
    document = dict(header)
    document["ciphertext"] = _b64(sealed)
    # The public key in clear lets a device show which key a file holds without the passphrase.
    document["public_key"] = _b64(
        key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    write_atomic(Path(path), text.encode("utf-8"), mode=PRIVATE)


def load_key(path: str | os.PathLike[str], passphrase: str) -> ec.EllipticCurvePrivateKey:
    """Open a key file written by :func:`save_key`.

    Raises :class:`WrongPassphrase` when the passphrase does not open it, and :class:`KeyFileError`
    when the file is missing or not a kpmonitor key file.
    """
    p = Path(path)
    where = f"“{p.name}”"
    try:
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise KeyFileError(f"The key file {where} does not exist.") from exc
    except OSError as exc:
        raise KeyFileError(f"The key file {where} cannot be read ({exc.strerror}).") from exc
    if len(raw) > 64 * 1024:
        raise KeyFileError(f"The file {where} is not a kpmonitor key file.")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeyFileError(f"The file {where} is not a kpmonitor key file.") from exc
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise KeyFileError(f"The file {where} is not a kpmonitor key file.")
    if document.get("version") != KEY_FILE_VERSION:
        raise KeyFileError(
            f"The key file {where} is version {document.get('version')!r}; "
            f"this kpmonitor reads version {KEY_FILE_VERSION}. Update kpmonitor."
        )
    try:
        header = {k: document[k] for k in ("format", "version", "curve", "kdf", "cipher")}
        cipher = header["cipher"]
        if not isinstance(cipher, dict) or cipher.get("name") != "aes-256-gcm":
            raise ValueError("cipher")
        nonce = _unb64(cipher["nonce"])
        sealed = _unb64(document["ciphertext"])
        if len(nonce) != 12 or header["curve"] != "P-256":
            raise ValueError("nonce/curve")
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"The key file {where} is damaged.") from exc
    params, salt = _kdf_from_json(header["kdf"], where)
    try:
        plaintext = AESGCM(_derive(params, salt, passphrase)).decrypt(nonce, sealed, _header_aad(header))
    except InvalidTag as exc:
        # GCM cannot tell a wrong passphrase from a damaged file; the passphrase is by far the likelier.
        raise WrongPassphrase(
            "The passphrase is wrong. (If you are sure it is right, the key file was altered.)"
        ) from exc
    try:
        key = serialization.load_der_private_key(plaintext, password=None)
    except ValueError as exc:  # pragma: no cover - only if we wrote garbage ourselves
        raise KeyFileError(f"The key file {where} is damaged.") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise KeyFileError(f"The key file {where} does not hold an ECDSA P-256 key.")
    return key


# ----------------------------------------------------------------------------------- certificates

# Backdating not-before absorbs clock drift between headquarters and a field laptop that has been
# offline for days; otherwise a fresh certificate could read as "not yet valid" on the device.
_CLOCK_SKEW = dt.timedelta(hours=1)
# Names are kept short on purpose: the signer's certificate travels inside the QR seal, where every
# byte costs ~1.5 characters and a larger QR version (see qrseal.py).
_SELF_SIGNED_OU = "Self-signed"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(when: dt.datetime | None) -> dt.datetime:
    if when is None:
        return _utcnow()
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _check_label(value: str, what: str) -> str:
    value = value.strip()
    # 64 is RFC 5280's upper bound for commonName and serialNumber attributes.
    if not value or len(value) > 64:
        raise CertificateError(f"The {what} must be 1 to 64 characters long.")
    return value


# A device id is what ``workspace.init_home`` makes (``uuid4().hex``): 32 lower-case hexadecimal characters. A
# certificate names its device in its one serialNumber attribute; every verifier reads it from there.
_DEVICE_ID = re.compile(r"[0-9a-f]{32}\Z")


def check_device_id(device_id: str) -> str:
    """``device_id`` when it is a kpmonitor device id (32 lower-case hexadecimal characters).

    :raises CertificateError: with a sentence, otherwise.
    """
    if not _DEVICE_ID.match(device_id):
        raise CertificateError("The device id must be the 32 hexadecimal characters kpmonitor makes for a device.")
    return device_id


def _only_attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    """The value of the one attribute of this type in ``name``; None when there is none, several, or not text."""
    attrs = name.get_attributes_for_oid(oid)
    return attrs[0].value if len(attrs) == 1 and isinstance(attrs[0].value, str) else None


def certificate_device(cert: x509.Certificate | x509.CertificateSigningRequest) -> str | None:
    """The one device a certificate (or request) names; None when it names none, several, or one malformed.

    Certificates name exactly one device: a certificate without one could sign as any device, so every
    verifier treats None as a refusal (``signer_problem``).
    """
    value = _only_attribute(cert.subject, NameOID.SERIAL_NUMBER)
    return value if value is not None and _DEVICE_ID.match(value) else None


def certificate_monitor(cert: x509.Certificate | x509.CertificateSigningRequest) -> str | None:
    """The monitor a certificate (or request) names: its one common name; None when it has none or several.

    The signer of a report is this name, never the name a home's settings give (anyone can edit those).
    """
    value = _only_attribute(cert.subject, NameOID.COMMON_NAME)
    return value if value else None


def signer_problem(cert: x509.Certificate, *, device_id: object = None, monitor: object = None) -> str | None:
    """Why ``cert`` cannot be the signer of a report of device ``device_id`` signed as ``monitor``; None if it can.

    The one rule every verifier applies (bundle, PDF, QR seal): the certificate names exactly one monitor and
    exactly one device, and the report states that device and that monitor. ``None`` for ``device_id`` or
    ``monitor`` leaves that statement unchecked (a QR seal states no device).
    """
    own_device = certificate_device(cert)
    own_name = certificate_monitor(cert)
    if own_device is None:
        return _("The signing certificate does not name exactly one device: a certificate must be issued to one "
                 "device, or its holder could sign as any device. The report is not trusted.")
    if own_name is None:
        return _("The signing certificate does not name exactly one monitor (one common name).")
    if device_id is not None and device_id != own_device:
        return _("The report says it comes from device {device}, but the signing certificate was issued to device "
                 "{own}: a device signs only its own reports.").format(device=str(device_id)[:8], own=own_device[:8])
    if monitor is not None and monitor != own_name:
        return _("The report names its monitor “{monitor}”, but the signing certificate is {own}'s: the signer is "
                 "the one the certificate names.").format(monitor=str(monitor)[:64], own=own_name)
    return None


def self_signed_note(cert: x509.Certificate) -> str:
    """What a monitor signing with ``cert`` must know when it is self-signed, else "": the sign dialog shows it before
    signing and ``kpmonitor sign`` prints it."""
    if not is_self_signed(cert):
        return ""
    name = certificate_monitor(cert) or "this monitor"
    return (f"Signing with {name}'s self-signed certificate: headquarters will accept this report only once it has "
            "certified this device's key (send it a certificate request: kpmonitor keys request, or Tools ▸ Signing "
            "certificate), and will then show it as signed before enrolment. A customs verifier will see it as not "
            "issued by headquarters.")


def _require_p256(public_key: Any, what: str) -> ec.EllipticCurvePublicKey:
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or not isinstance(public_key.curve, ec.SECP256R1):
        raise CertificateError(f"The {what} is not an ECDSA P-256 key; kpmonitor signs only with P-256.")
    return public_key


def spki(public_key: CertificatePublicKeyTypes) -> bytes:
    """A public key's SubjectPublicKeyInfo (DER): two certificates or requests are for the same key when theirs are
    equal."""
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def public_key_matches(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> bool:
    """Whether ``cert`` certifies ``key``'s public half."""
    return spki(key.public_key()) == spki(cert.public_key())


def make_root_ca(
    key: ec.EllipticCurvePrivateKey,
    office_name: str,
    valid_years: int = 20,
    *,
    now: dt.datetime | None = None,
) -> x509.Certificate:
    """Headquarters' self-signed root: CA, may sign certificates and CRLs, nothing else."""
    office = _check_label(office_name, "headquarters office name")
    start = _aware(now)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, office)])
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start - _CLOCK_SKEW)
        .not_valid_after(start + dt.timedelta(days=round(365.25 * valid_years)))
        # path_length=0: the root issues device certificates directly; no sub-CAs unless re-issued.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )


def _key_usage(
    *,
    digital_signature: bool = False,
    content_commitment: bool = False,
    key_cert_sign: bool = False,
    crl_sign: bool = False,
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=content_commitment,  # the X.509 name for nonRepudiation
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=crl_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _device_name(monitor_name: str, device_id: str, ou: str | None = None) -> x509.Name:
    """The subject of a device's certificate: its monitor (one common name) and its device (one serialNumber)."""
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, _check_label(monitor_name, "monitor name")),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, check_device_id(device_id.strip())),
    ]
    if ou is not None:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou))
    return x509.Name(attributes)


def make_csr(key: ec.EllipticCurvePrivateKey, monitor_name: str, device_id: str) -> x509.CertificateSigningRequest:
    """The request a field device sends headquarters; signed by the device key (proof of possession)."""
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_device_name(monitor_name, device_id))
        .sign(key, hashes.SHA256())
    )


def make_self_signed(
    key: ec.EllipticCurvePrivateKey,
    monitor_name: str,
    device_id: str,
    *,
    valid_days: int = 730,
    now: dt.datetime | None = None,
) -> x509.Certificate:
    """A stop-gap signing certificate until headquarters issues one.

    It is marked in two ways a verifier (human or program) can see: issuer == subject, and an
    organisational unit that says it in words, which PDF readers show in their signature panel.
    Like an issued certificate it is kept small for the QR seal (short serial, no key identifiers).
    """
    start = _aware(now)
    name = _device_name(monitor_name, device_id, _SELF_SIGNED_OU)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(_short_serial())
        .not_valid_before(start - _CLOCK_SKEW)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .sign(key, hashes.SHA256())
    )


def issue_certificate(
    ca_key: ec.EllipticCurvePrivateKey,
    ca_cert: x509.Certificate,
    csr: x509.CertificateSigningRequest,
    valid_days: int = 730,
    *,
    now: dt.datetime | None = None,
) -> x509.Certificate:
    """Headquarters signs a device's request: an end-entity certificate for signing reports.

    The certificate is kept small because it travels inside the QR seal: a 72-bit serial and no
    subjectKeyIdentifier (RFC 5280 §4.2.1.2 makes it a SHOULD for end entities, useful for path
    building through certificates a leaf issues, and a leaf issues none; CMS in the PDF names the
    signer by issuer and serial). The authorityKeyIdentifier stays: it is a MUST (§4.2.1.1).

    The request's own signature is checked first (it proves the requester holds the key). The request
    must name exactly one monitor (common name) and exactly one well-formed device id (serialNumber): a
    certificate names one device, or its holder could sign as any. The subject is made here from those
    two, and every extension is set here: nothing else is taken from the request.
    ``now`` is for tests and back-dated re-issues.
    """
    monitor, device_id = check_request(csr)
    if not public_key_matches(ca_key, ca_cert):
        raise CertificateError("The headquarters key does not belong to the headquarters certificate.")
    subject = _device_name(monitor, device_id)
    start = _aware(now)
    not_after = start + dt.timedelta(days=valid_days)
    # A certificate must not outlive the root that vouches for it.
    not_after = min(not_after, ca_cert.not_valid_after_utc)
    if not_after <= start:
        raise CertificateError("The headquarters root certificate has expired; make a new root first.")
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(csr.public_key())
        .serial_number(_short_serial())
        .not_valid_before(start - _CLOCK_SKEW)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(_aki_for(ca_cert), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def check_request(csr: x509.CertificateSigningRequest) -> tuple[str, str]:
    """The monitor and the device a certificate request names, once it proves fit to be issued.

    Its signature holds (the requester holds the key), its key is P-256, and it names exactly one monitor
    (common name) and exactly one well-formed device id (serialNumber).

    :raises CertificateError: with a sentence, otherwise.
    """
    if not csr.is_signature_valid:
        raise CertificateError(
            "The certificate request's signature is not valid: it was altered, or not made by the key it names."
        )
    _require_p256(csr.public_key(), "key in the certificate request")
    monitor = certificate_monitor(csr)
    if monitor is None:
        count = len(csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME))
        raise CertificateError("The certificate request must name exactly one monitor (one common name); it has "
                               f"{count or 'none'}. It was not issued.")
    device_id = certificate_device(csr)
    if device_id is None:
        raise CertificateError("The certificate request does not name exactly one device (one device id of 32 "
                               "hexadecimal characters, as kpmonitor makes it): a certificate for no device could "
                               "sign as any device. It was not issued.")
    return monitor, device_id


def _short_serial() -> int:
    # 70 random bits under a fixed top bit: always positive, always 9 DER bytes, and above the 64 bits
    # of entropy the CA/Browser Forum asks of public CAs — at under half the usual 20 bytes.
    return secrets.randbits(70) | (1 << 70)


def _aki_for(ca_cert: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    try:
        ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    except x509.ExtensionNotFound:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(
            _require_p256(ca_cert.public_key(), "headquarters key")
        )
    return x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)


# ------------------------------------------------------------------------------------- revocation


def make_crl(
    ca_key: ec.EllipticCurvePrivateKey,
    ca_cert: x509.Certificate,
    revoked: list[tuple[int, dt.datetime]],
    next_update_days: int = 30,
    *,
    crl_number: int | None = None,
    now: dt.datetime | None = None,
) -> x509.CertificateRevocationList:
    """Headquarters' signed list of revoked certificate serials, each with its revocation time.

    ``crl_number`` should grow with each list published; by default it is the issue time in seconds,
    which grows without headquarters having to keep a counter.
    """
    if not public_key_matches(ca_key, ca_cert):
        raise CRLError("The headquarters key does not belong to the headquarters certificate.")
    start = _aware(now)
    number = crl_number if crl_number is not None else int(start.timestamp())
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(start)
        .next_update(start + dt.timedelta(days=next_update_days))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(_aki_for(ca_cert), critical=False)
    )
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(_aware(when)).build()
        )
    return builder.sign(ca_key, hashes.SHA256())


def load_crl(source: str | os.PathLike[str] | bytes, root: x509.Certificate) -> x509.CertificateRevocationList:
    """Read a CRL (PEM or DER, from a path or bytes) and check headquarters' root signed it."""
    data = _read_source(source, "revocation list", CRLError)
    try:
        crl = x509.load_pem_x509_crl(data) if data.lstrip().startswith(b"-----BEGIN") else x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise CRLError("The file is not a certificate revocation list.") from exc
    if crl.issuer != root.subject or not crl.is_signature_valid(_crl_key(root)):
        raise CRLError("The revocation list was not signed by this headquarters root; it was ignored.")
    return crl


def _crl_key(root: x509.Certificate) -> ec.EllipticCurvePublicKey:
    return _require_p256(root.public_key(), "headquarters root key")


# -------------------------------------------------------------------------------------------- PEM

PemObject = x509.Certificate | x509.CertificateSigningRequest | x509.CertificateRevocationList


def pem(*objects: PemObject) -> bytes:
    """Certificates, a request or a revocation list as PEM text: the one PEM encoder.

    Written with ``fileio.write_atomic``: ``SHARED`` when the file is for other people, else ``PRIVATE``.
    """
    if not objects:
        raise ValueError("pem needs at least one object")
    return b"".join(obj.public_bytes(serialization.Encoding.PEM) for obj in objects)


# A certificate, a request or a revocation list is a few kilobytes; a revocation list naming a hundred
# thousand certificates is about 4 MiB. Anything larger is not one of them, and is not read.
MAX_PEM_FILE_BYTES = 16 << 20


def read_pem_file(path: str | os.PathLike[str], what: str = "certificate",
                  error: type[KPError] = CertificateError) -> bytes:
    """The bytes of a certificate, request or revocation list file, read as every file from outside is.

    Through ``fileio.read_regular``: a link, a pipe or a device is refused, and so is a file over
    ``MAX_PEM_FILE_BYTES``.

    :raises error: with a sentence naming the file when it is missing, refused or unreadable.
    """
    p = Path(path)
    try:
        return read_regular(p, MAX_PEM_FILE_BYTES, f"{what} file")
    except FileRefused as exc:
        raise error(exc.message) from exc
    except FileNotFoundError as exc:
        raise error(f"The {what} file “{p.name}” does not exist.") from exc
    except OSError as exc:
        raise error(f"The {what} file “{p.name}” cannot be read ({exc.strerror}).") from exc


def _read_source(source: str | os.PathLike[str] | bytes, what: str, error: type[KPError]) -> bytes:
    return source if isinstance(source, bytes) else read_pem_file(source, what, error)


def load_certs(source: str | os.PathLike[str] | bytes) -> list[x509.Certificate]:
    """All certificates in a PEM chain file (or one DER certificate)."""
    data = _read_source(source, "certificate", CertificateError)
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise CertificateError("The file is not a certificate (PEM or DER).") from exc
    return certs


def load_cert(source: str | os.PathLike[str] | bytes) -> x509.Certificate:
    """The first (usually only) certificate in a PEM or DER file."""
    return load_certs(source)[0]


def load_csr(source: str | os.PathLike[str] | bytes) -> x509.CertificateSigningRequest:
    """A certificate request (PEM or DER)."""
    data = _read_source(source, "certificate request", CertificateError)
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_csr(data)
        return x509.load_der_x509_csr(data)
    except ValueError as exc:
        raise CertificateError("The file is not a certificate request (PEM or DER).") from exc


# ------------------------------------------------------------------------------- describing certs


def format_serial(serial: int) -> str:
    """A certificate serial as people and ``hq revoke`` see it: upper-case hex."""
    return f"{serial:X}"


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, hex."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def _name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    attrs = name.get_attributes_for_oid(oid)
    if not attrs:
        return None
    value = attrs[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def certificate_summary(cert: x509.Certificate) -> dict[str, str]:
    """What a verifier shows about a signer: name, device, issuer, serial, validity, fingerprint."""
    return {
        "name": certificate_monitor(cert) or cert.subject.rfc4514_string(),
        "device_id": certificate_device(cert) or "",
        "issuer": _name_attr(cert.issuer, NameOID.COMMON_NAME) or cert.issuer.rfc4514_string(),
        "serial": format_serial(cert.serial_number),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "sha256": fingerprint(cert),
    }


# ------------------------------------------------------------------------------------------ chain


@dataclass
class ChainResult:
    """The answer to "does headquarters vouch for this signer, at this time?"."""

    ok: bool
    issued_by_hq: bool
    self_signed: bool
    revoked: bool
    expired: bool
    problems: list[str] = field(default_factory=list)
    # Not failures, but worth saying.
    warnings: list[str] = field(default_factory=list)
    revoked_at: dt.datetime | None = None
    not_yet_valid: bool = False
    # ``problems`` split by the check each belongs to: the certificates' validity periods (leaf,
    # intermediates, root), and revocation (revoked, a list not signed by the root, an expired list).
    # The rest (``issuer_problems``) concern who issued the certificate and what it may do.
    validity_problems: list[str] = field(default_factory=list)
    revocation_problems: list[str] = field(default_factory=list)
    # The certificate headquarters issued, since, for the key of a self-signed leaf (``enrolled_as``): the report
    # was signed before enrolment, and headquarters vouches for it through that certificate.
    enrolment_certificate: x509.Certificate | None = None

    @property
    def issuer_problems(self) -> list[str]:
        return [p for p in self.problems if p not in self.validity_problems and p not in self.revocation_problems]

    @property
    def before_enrolment(self) -> str | None:
        """The sentence saying the signer was enrolled after signing (``enrolment_certificate``); None otherwise."""
        cert = self.enrolment_certificate
        if cert is None:
            return None
        return _("Signed before enrolment: the signing certificate is self-signed, and headquarters has since "
                 "certified the same key for this device and monitor (certificate {serial}).").format(
                     serial=format_serial(cert.serial_number))


@dataclass(frozen=True)
class Enrolment:
    """What headquarters knows of the keys it certified: every certificate it issued, and the serials it revoked.

    Headquarters' own records (``Keyring.enrolment``). With them a verifier at headquarters tells a report a device
    signed with its self-signed certificate before it was enrolled (``enrolled_as``); a verifier holding only the
    root has none, and to it such a report is not issued by headquarters.
    """

    issued: tuple[x509.Certificate, ...] = ()
    revoked: frozenset[str] = frozenset()  # serials, as ``format_serial`` writes them


@dataclass(frozen=True)
class Enrolled:
    """The answer of ``enrolled_as``: the certificate headquarters issued for the key, or why there is none."""

    certificate: x509.Certificate | None
    problem: str | None = None
    revoked: bool = False  # the key was certified for this device and monitor, and every such certificate revoked


def _named(cert: x509.Certificate) -> str:
    device = certificate_device(cert)
    return _("{monitor}, device {device}").format(monitor=certificate_monitor(cert) or _("no single monitor"),
                                                  device=device[:8] if device else _("(none)"))


def enrolled_as(leaf: x509.Certificate, enrolment: Enrolment, root: x509.Certificate) -> Enrolled:
    """Whether headquarters has since certified the key of the self-signed ``leaf``: the one rule for a report signed
    before enrolment (bundle, PDF and QR seal verification through ``check_chain``, headquarters' badges).

    It has when ``root`` issued (its signature holds) one of ``enrolment.issued`` for exactly ``leaf``'s public key
    (the SubjectPublicKeyInfo, byte for byte), naming the same device and the same monitor (common name) as
    ``leaf``, and not revoked. Not the issued certificate's validity period: the report was signed before it began.
    A key certified for another device or monitor, or only in revoked certificates, is not: the answer says why.
    """
    key = spki(leaf.public_key())
    device, monitor = certificate_device(leaf), certificate_monitor(leaf)
    same_key = [c for c in enrolment.issued if spki(c.public_key()) == key and _verifies(c, root)]
    named = [c for c in same_key if device is not None and monitor is not None
             and certificate_device(c) == device and certificate_monitor(c) == monitor]
    valid = [c for c in named if format_serial(c.serial_number) not in enrolment.revoked]
    if valid:
        return Enrolled(max(valid, key=lambda c: c.not_valid_before_utc))
    if named:
        serials = ", ".join(format_serial(c.serial_number) for c in named)
        return Enrolled(None, _("The signing certificate is self-signed, and headquarters revoked the certificate it "
                                "issued for the same key (serial {serials}): the report is not trusted.").format(
                                    serials=serials), revoked=True)
    if same_key:
        other = same_key[-1]
        return Enrolled(None, _("The signing certificate is self-signed, in the name of {named}, but headquarters "
                                "certified its key for {other} (certificate {serial}): it was not issued by "
                                "headquarters.").format(named=_named(leaf), other=_named(other),
                                                        serial=format_serial(other.serial_number)))
    return Enrolled(None, _("The signing certificate is self-signed, and headquarters has not certified its key: it "
                            "was not issued by headquarters."))


def _verifies(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Issuer name matches and issuer's key made the signature."""
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def is_self_signed(cert: x509.Certificate) -> bool:
    return cert.issuer == cert.subject and _verifies(cert, cert)


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bc.ca and ku.key_cert_sign


def _day(when: dt.datetime) -> str:
    """A certificate's, a list's or a signature's moment, in UTC as such moments are recorded."""
    return show_moment(_aware(when).astimezone(dt.UTC).isoformat())


def crl_expired_problem(crl: x509.CertificateRevocationList, now: dt.datetime | None = None) -> str | None:
    """Whether headquarters' list is past its next update at ``now`` (default: this moment): a sentence, or None.

    The one place the list's freshness is judged, always at the time of verifying (never at a signing
    time a signer states): a list past its next update may miss revocations made since, so it does not
    vouch that a certificate is not revoked.
    """
    due = crl.next_update_utc
    if due is None or _aware(now) <= due:
        return None
    return _("The revocation list is out of date: its next update was due on {day}. Ask headquarters for its latest "
             "list.").format(day=_day(due))


def crl_number(crl: x509.CertificateRevocationList) -> int | None:
    """The list's CRL Number, or None when it carries none."""
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except (x509.ExtensionNotFound, ValueError):
        return None


def crl_older_problem(new: x509.CertificateRevocationList, installed: x509.CertificateRevocationList) -> str | None:
    """Whether ``new`` is older than the ``installed`` list: a sentence, or None.

    Lists are ordered by their CRL Number when both carry one, else by their issue time (lastUpdate).
    """
    new_number, old_number = crl_number(new), crl_number(installed)
    if new_number is not None and old_number is not None:
        older = new_number < old_number
    else:
        older = new.last_update_utc < installed.last_update_utc
    if not older:
        return None
    return (f"This revocation list (of {_day(new.last_update_utc)}) is older than the one installed "
            f"(of {_day(installed.last_update_utc)}); it was not installed.")


def check_chain(
    leaf: x509.Certificate,
    intermediates: list[x509.Certificate],
    root: x509.Certificate | None,
    crl: x509.CertificateRevocationList | None,
    at: dt.datetime | None,
    *,
    now: dt.datetime | None = None,
    enrolment: Enrolment | None = None,
) -> ChainResult:
    """Check that ``root`` vouches for ``leaf`` at time ``at`` (default now), honouring ``crl``.

    Signatures are checked directly with cryptography: the chain is leaf → root, optionally through
    intermediates that are themselves CAs. ``problems`` are sentences for people; ``ok`` means issued by
    this headquarters, in its validity period, and not revoked. The revocation list's freshness is judged
    at ``now`` (default: this moment), the time of verifying (``crl_expired_problem``).

    With headquarters' own records (``enrolment``), a self-signed ``leaf`` whose key headquarters has since
    certified for its device and monitor (``enrolled_as``) is vouched for: signed before enrolment
    (``enrolment_certificate``).
    """
    when = _aware(at)
    problems: list[str] = []
    warnings: list[str] = []
    validity: list[str] = []
    revocation: list[str] = []

    self_signed = is_self_signed(leaf)
    expired = when > leaf.not_valid_after_utc
    not_yet_valid = not expired and when < leaf.not_valid_before_utc
    if expired:
        validity.append(_("The certificate expired on {day}.").format(day=_day(leaf.not_valid_after_utc)))
    elif not_yet_valid:
        validity.append(_("The certificate is not valid yet: it is not valid before {day}; check the computer's "
                          "clock.").format(day=_day(leaf.not_valid_before_utc)))
    problems += validity
    try:
        leaf_ku: x509.KeyUsage | None = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        leaf_ku = None
    if leaf_ku is not None and not (leaf_ku.digital_signature or leaf_ku.content_commitment):
        problems.append(_("The certificate is not allowed to sign documents (its key usage forbids it)."))

    issued_by_hq = False
    issuer_of_leaf: x509.Certificate | None = None
    enrolled = enrolled_as(leaf, enrolment, root) if self_signed and enrolment is not None and root is not None \
        else None
    if enrolled is not None and enrolled.certificate is not None:
        issued_by_hq = True  # through the certificate headquarters issued since for this very key
    elif self_signed:
        problems.append(enrolled.problem if enrolled is not None and enrolled.problem else
                        _("The signing certificate is self-signed: it was not issued by headquarters."))
    elif root is None:
        problems.append(
            _("No headquarters root certificate was given, so who issued the signing certificate cannot be checked.")
        )
    else:
        # Walk up from the leaf: each step must be signed by the next; stop at the root.
        current = leaf
        reached_root = False
        pool = [c for c in intermediates if c != leaf and c != root]
        for _depth in range(4):
            if _verifies(current, root):
                reached_root = True
                if current is leaf:
                    issuer_of_leaf = root
                break
            step = next((c for c in pool if _is_ca(c) and _verifies(current, c)), None)
            if step is None:
                break
            if current is leaf:
                issuer_of_leaf = step
            pool.remove(step)
            if not (step.not_valid_before_utc <= when <= step.not_valid_after_utc):
                validity.append(_("An intermediate certificate in the chain is outside its validity period "
                                  "({start} to {end}).").format(start=_day(step.not_valid_before_utc),
                                                                end=_day(step.not_valid_after_utc)))
                problems.append(validity[-1])
            current = step
        # A root that is not a CA (or lacks keyCertSign) vouches for nothing.
        issued_by_hq = reached_root and _is_ca(root)
        if not issued_by_hq:
            problems.append(_("The certificate was issued by another authority, not this headquarters root."))
        elif not (root.not_valid_before_utc <= when <= root.not_valid_after_utc):
            validity.append(_("The headquarters root certificate is not valid on {day} (it is valid {start} to "
                              "{end}).").format(day=_day(when), start=_day(root.not_valid_before_utc),
                                                end=_day(root.not_valid_after_utc)))
            problems.append(validity[-1])

    revoked = enrolled is not None and enrolled.revoked
    revoked_at: dt.datetime | None = None
    if crl is not None:
        if root is None or crl.issuer != root.subject or not crl.is_signature_valid(_crl_key(root)):
            revocation.append(
                _("The revocation list was not signed by this headquarters root, so revocation could not be checked.")
            )
        else:
            stale = crl_expired_problem(crl, now)
            if stale is not None:
                revocation.append(stale)
            # The root's CRL speaks for certificates the root issued directly (the usual leaf → root).
            if issuer_of_leaf is root:
                entry = crl.get_revoked_certificate_by_serial_number(leaf.serial_number)
                if entry is not None:
                    revoked = True
                    revoked_at = entry.revocation_date_utc
                    revocation.insert(0, _("The certificate (serial {serial}) was revoked by headquarters on "
                                           "{day}.").format(serial=format_serial(leaf.serial_number),
                                                            day=_day(revoked_at)))
    problems += revocation

    ok = issued_by_hq and not revoked and not expired and not problems
    return ChainResult(
        ok=ok,
        issued_by_hq=issued_by_hq,
        self_signed=self_signed,
        revoked=revoked,
        expired=expired,
        problems=problems,
        warnings=warnings,
        revoked_at=revoked_at,
        not_yet_valid=not_yet_valid,
        validity_problems=validity,
        revocation_problems=revocation,
        enrolment_certificate=enrolled.certificate if enrolled is not None else None,
    )
