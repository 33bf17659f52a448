"""The QR seal printed on page 1 of a signed report.

It works like the EU digital COVID certificate (DCC), so anyone holding only headquarters' root
certificate can check a printed page offline:

    payload dict ─CBOR (canonical)→ COSE_Sign1 (ES256, signer certificate in the protected header)
                 ─zlib (preset dictionary)→ Base45 ─prefix "KP1:"→ QR code, alphanumeric, ECC level M

Base45 (RFC 9285) uses exactly the 45 characters of QR's alphanumeric mode, which packs 2 characters
in 11 bits; that is why it beats Base64 in byte mode for the same bytes. The prefix's ":" is in that
alphabet too, so the whole text stays one alphanumeric segment.

COSE_Sign1 (RFC 9052) is small enough to build by hand with cbor2, which keeps the dependency list short
and the bytes exactly under our control. Section numbers in comments refer to RFC 9052 unless noted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import base45
import cbor2
import segno
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.errors import KPError
from kpmonitor.trust import ecdsa
from kpmonitor.trust.identity import ChainResult, Enrolment, check_chain, public_key_matches, signer_problem

__all__ = [
    "ERROR_LEVEL",
    "PAYLOAD_LABELS",
    "PREFIX",
    "SealCheck",
    "SealContents",
    "SealError",
    "build_payload",
    "decode_seal",
    "encode_seal",
    "hash_matches",
    "make_qr",
    "qr_matrix",
    "qr_png",
    "qr_version",
    "verify_seal",
]


class SealError(KPError):
    """A QR seal cannot be made or read."""


PREFIX = "KP1:"  # "KP" seal, format 1: a later format gets "KP2:" and old verifiers say so plainly
ERROR_LEVEL = "M"  # 15 % recovery: survives a crease, a stamp or a smudge on a printed page

# COSE labels (RFC 9052 §3.1; x5chain from RFC 9360 §2) and values.
_COSE_SIGN1_TAG = 18  # §4.2: COSE_Sign1 is CBOR tag 18
_HDR_ALG = 1
_HDR_X5CHAIN = 33
_ALG_ES256 = -7  # RFC 9053 §2.1: ECDSA w/ SHA-256 on P-256

# Refuse input far larger than any QR can hold before doing any work on it. A version-40 QR holds
# 4296 alphanumeric characters; the inflated COSE message of a real seal is ~1 KB.
_MAX_TEXT = 4296
_MAX_INFLATED = 16 * 1024

# A preset zlib dictionary (RFC 1950 FDICT) holding byte strings every seal contains: the COSE framing,
# the DER boilerplate of a kpmonitor P-256 certificate (algorithm identifiers, the SPKI header, the
# extensions we issue, name attribute types) and the payload keys. Deflate can then point back into it
# instead of spelling these bytes out, which saves ~60 bytes (~90 Base45 characters, two QR versions)
# on a realistic seal. It is part of format KP1: never change it — a new dictionary needs "KP2:".
# Most frequent material sits last, where back-references are shortest.
_ZDICT = bytes.fromhex(
    "d28459"  # COSE_Sign1 tag 18, array(4), bstr with 2-byte length
    "a20126182159"  # protected header: {1: -7, 33: bstr …}
    "a003020102"  # TBSCertificate version v3
    "0603550403"  # commonName
    "0603550405"  # serialNumber (the device id)
    "060355040b0c0b53656c662d7369676e6564"  # OU "Self-signed"
    "170d"  # UTCTime
    "3059301306072a8648ce3d020106082a8648ce3d03010703420004"  # SubjectPublicKeyInfo, P-256
    "300c0603551d130101ff04023000"  # basicConstraints: critical, not a CA
    "300e0603551d0f0101ff0404030206c0"  # keyUsage: critical, digitalSignature + nonRepudiation
    "301f0603551d23041830168014"  # authorityKeyIdentifier, 20-byte keyid
    "300a06082a8648ce3d040302"  # ecdsa-with-SHA256
    # the payload's keys as CBOR text strings: cn ct usd np sl vd mn dt id rv aq ah sh
    "62636e 626374 63757364 626e70 62736c 627664 626d6e 626474 626964 627276 626171 626168 627368"
)

# Short keys keep the QR small; this table is the schema and gives the labels a verifier shows.
PAYLOAD_LABELS: dict[str, str] = {
    "cn": "KP certificate number",
    "ct": "Carats",
    "usd": "Value (US$)",
    "np": "Parcels",
    "sl": "Seal numbers",
    "vd": "Verdict",
    "mn": "Monitor",
    "dt": "Date",
    "id": "Report id",
    "rv": "Report version",
    "aq": "Audit sequence",
    "ah": "Audit chain head (first 16 bytes of SHA-256)",
    "sh": "Snapshot SHA-256 (first 16 bytes)",
}

# The audit head and the snapshot hash are SHA-256 values, cut to their first 16 bytes here to save
# 32 bytes (~48 Base45 characters, a QR version step). The seal only has to *bind* the page to the
# full values held in the signed PDF and the bundle: finding another snapshot that matches a given
# 128-bit prefix is a second-preimage search (2^128 work). A 64-bit collision search would only let a
# signer make two snapshots with one seal — and a signer can simply sign both anyway.
_TRUNCATED_HASH = 16


def _hundredths(value: Decimal | str | int, what: str) -> str:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise SealError(f"The {what} “{value}” is not a number.") from exc
    if not number.is_finite() or number < 0:
        raise SealError(f"The {what} must be a number of zero or more.")
    exact = number.quantize(Decimal("0.01"))
    if exact != number:
        raise SealError(f"The {what} must be given to the hundredth at most (got {value}).")
    return f"{exact:f}"


def _hash_prefix(value: bytes | str, what: str) -> bytes:
    if isinstance(value, str):
        try:
            value = bytes.fromhex(value)
        except ValueError as exc:
            raise SealError(f"The {what} is not a hexadecimal hash.") from exc
    if len(value) < _TRUNCATED_HASH:
        raise SealError(f"The {what} is shorter than {_TRUNCATED_HASH} bytes.")
    return bytes(value[:_TRUNCATED_HASH])


def build_payload(
    *,
    certificate_number: str,
    carats: Decimal | str | int,
    value_usd: Decimal | str | int,
    parcels: int,
    seals: Sequence[str],
    verdict: str,
    monitor: str,
    date: dt.date | str,
    report_id: str,
    report_version: int,
    audit_seq: int,
    audit_head: bytes | str,
    snapshot_sha256: bytes | str,
) -> dict[str, Any]:
    """The seal payload with its short keys (see :data:`PAYLOAD_LABELS`).

    Amounts stay decimal strings so that "1234.50" carats is exactly what the report says, never a
    binary float. Hashes may be given as bytes or hex; they are cut to 16 bytes.
    """
    return {
        "cn": certificate_number,
        "ct": _hundredths(carats, "carat weight"),
        "usd": _hundredths(value_usd, "value in US$"),
        "np": int(parcels),
        "sl": [str(s) for s in seals],
        "vd": verdict,
        "mn": monitor,
        "dt": date.isoformat() if isinstance(date, dt.date) else str(date),
        "id": report_id,
        "rv": int(report_version),
        "aq": int(audit_seq),
        "ah": _hash_prefix(audit_head, "audit chain head"),
        "sh": _hash_prefix(snapshot_sha256, "snapshot hash"),
    }


def hash_matches(truncated: bytes, full: bytes | str) -> bool:
    """Whether a 16-byte hash from a seal is the start of the full SHA-256 (bytes or hex)."""
    if isinstance(full, str):
        try:
            full = bytes.fromhex(full)
        except ValueError:
            return False
    return len(truncated) == _TRUNCATED_HASH and full[:_TRUNCATED_HASH] == truncated


# ----------------------------------------------------------------------------------------- COSE


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    # §4.4: Sig_structure = ["Signature1", body_protected, external_aad, payload]. We use no external
    # AAD (empty bstr). The protected header goes in as the exact bytes that travel, not re-encoded.
    return bytes(cbor2.dumps(["Signature1", protected, b"", payload], canonical=True))


def _cose_sign1(protected: bytes, payload_bytes: bytes, signature: bytes) -> bytes:
    # §4.2: COSE_Sign1 = [protected, unprotected, payload, signature], tagged 18 (tagged, as the DCC does,
    # so a generic COSE tool recognises the structure), with an empty unprotected header. This is the one
    # byte form of a seal's message: a reader re-encodes what it decoded and refuses any other.
    return bytes(cbor2.dumps(cbor2.CBORTag(_COSE_SIGN1_TAG, [protected, {}, payload_bytes, signature])))


def encode_seal(payload: dict[str, Any], key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> str:
    """Sign ``payload`` and return the seal text (``KP1:`` + Base45) to put in the QR."""
    if not isinstance(key.curve, ec.SECP256R1):
        raise SealError("The seal is signed with ECDSA P-256 (ES256); this key is another kind.")
    if not public_key_matches(key, cert):
        raise SealError("The signing key does not belong to the signing certificate.")
    try:
        # §9 / RFC 8949 §4.2.1 deterministic encoding: the same payload always gives the same bytes.
        payload_bytes = bytes(cbor2.dumps(payload, canonical=True))
    except (cbor2.CBOREncodeError, TypeError, ValueError) as exc:
        raise SealError("The seal payload holds a value that cannot be encoded.") from exc
    # §3: the protected header is a bstr wrapping a CBOR map, so its bytes are covered by the signature.
    # The signer certificate (RFC 9360 x5chain; one certificate is carried as a bare bstr) sits here,
    # protected, so nobody can swap in another certificate that shares the key. A verifier that holds
    # only the root needs this certificate to build leaf → root.
    protected = bytes(
        cbor2.dumps(
            {_HDR_ALG: _ALG_ES256, _HDR_X5CHAIN: cert.public_bytes(serialization.Encoding.DER)},
            canonical=True,
        )
    )
    # Low-S (``trust.ecdsa``): (r, n − s) would verify too, and verifiers refuse it.
    r, s = ecdsa.sign(key, _sig_structure(protected, payload_bytes))
    # RFC 9053 §2.1: ECDSA signatures in COSE are r || s, each left-padded to the curve size (32 bytes
    # for P-256) — not the DER SEQUENCE that cryptography produces.
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    message = _cose_sign1(protected, payload_bytes, signature)
    deflater = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS, zdict=_ZDICT)
    compressed = deflater.compress(message) + deflater.flush()
    text: str = PREFIX + base45.b45encode(compressed).decode("ascii")
    return text


def _plain(value: Any) -> Any:
    """Decoded CBOR as plain dicts and lists, so callers can compare it and dump it as JSON."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass
class SealContents:
    """What a seal says, before anyone has checked it."""

    payload: dict[str, Any]
    signer_cert: x509.Certificate
    protected: bytes  # the exact protected-header bytes that were signed
    payload_bytes: bytes
    signature: bytes  # r || s, 64 bytes
    raw: bytes  # the whole COSE_Sign1 message, inflated


_DAMAGED = "The QR text is not a kpmonitor seal, or it was damaged or altered."


def decode_seal(text: str) -> SealContents:
    """Parse seal text into its parts without checking the signature. Raises :class:`SealError`."""
    text = text.strip()  # scanners and text files add newlines
    if not text.startswith(PREFIX):
        match = re.match(r"KP(\d+):", text)
        if match:
            raise SealError(f"This is a format {match.group(1)} seal; this kpmonitor reads format 1. Update kpmonitor.")
        raise SealError(_DAMAGED)
    body = text[len(PREFIX) :]
    if len(body) > _MAX_TEXT:
        raise SealError(_DAMAGED)
    try:
        compressed = base45.b45decode(body)
        # Bounded inflate: a small text must not expand into megabytes (a "zip bomb" in a QR).
        inflater = zlib.decompressobj(zlib.MAX_WBITS, zdict=_ZDICT)
        raw = inflater.decompress(bytes(compressed), _MAX_INFLATED)
        if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
            raise SealError(_DAMAGED)
        stream = io.BytesIO(raw)
        message = cbor2.CBORDecoder(stream).decode()
        trailing = stream.tell() != len(raw)
    except SealError:
        raise
    except Exception as exc:  # base45/zlib/cbor2 raise assorted types on garbage; all mean the same
        raise SealError(_DAMAGED) from exc

    # One byte string per seal: only the form encode_seal writes is read (tag 18, an empty unprotected
    # header, nothing after the structure, every length in its shortest form), so no byte of the
    # message can change while the seal still verifies.
    if trailing:
        raise SealError("The seal's message has bytes after its end: it was altered.")
    if not isinstance(message, cbor2.CBORTag):
        raise SealError("The seal's message is not a tagged COSE_Sign1 (CBOR tag 18): it was not made by kpmonitor "
                        "or was altered.")
    try:
        if message.tag != _COSE_SIGN1_TAG:
            raise ValueError("not COSE_Sign1")
        message = message.value
        # cbor2 decodes the array inside a tag as a tuple and maps there as frozendict.
        if not (isinstance(message, (list, tuple)) and len(message) == 4):
            raise ValueError("not a 4-element COSE_Sign1")
        protected, unprotected, payload_bytes, signature = message
        if not (
            isinstance(protected, bytes)
            and isinstance(unprotected, Mapping)
            and isinstance(payload_bytes, bytes)
            and isinstance(signature, bytes)
        ):
            raise ValueError("wrong element types")
        if unprotected:
            raise SealError("The seal's unprotected header is not empty: nothing a signature does not cover may ride "
                            "in a seal, so it was refused.")
        if _cose_sign1(protected, payload_bytes, signature) != bytes(raw):
            raise SealError("The seal's message is not in the one encoding kpmonitor writes: it was altered.")
        header = cbor2.loads(protected)
        if not isinstance(header, Mapping):
            raise ValueError("protected header is not a map")
        if header.get(_HDR_ALG) != _ALG_ES256:
            raise SealError("The seal uses a signature algorithm kpmonitor does not accept (only ES256).")
        chain = header.get(_HDR_X5CHAIN)
        if isinstance(chain, (list, tuple)):  # RFC 9360: several certificates are an array, leaf first
            chain = chain[0] if chain else None
        if not isinstance(chain, bytes):
            raise ValueError("no signer certificate")
        cert = x509.load_der_x509_certificate(chain)
        payload = _plain(cbor2.loads(payload_bytes))
        if not isinstance(payload, dict):
            raise ValueError("payload is not a map")
    except SealError:
        raise
    except Exception as exc:
        raise SealError(_DAMAGED) from exc
    return SealContents(
        payload=payload,
        signer_cert=cert,
        protected=protected,
        payload_bytes=payload_bytes,
        signature=signature,
        raw=bytes(raw),
    )


@dataclass
class SealCheck:
    """The verdict on a seal: is the signature good, and does headquarters vouch for the signer."""

    signature_valid: bool
    chain: ChainResult | None
    payload: dict[str, Any] | None
    signer_cert: x509.Certificate | None
    problems: list[str] = field(default_factory=list)
    # Why the certificate is not the seal's signer (no single device, another monitor): also in ``problems``.
    signer_problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.signature_valid and self.chain is not None and self.chain.ok and not self.problems

    @property
    def warnings(self) -> list[str]:
        return list(self.chain.warnings) if self.chain is not None else []


def _signature_ok(contents: SealContents) -> bool:
    if len(contents.signature) != 64:
        return False
    r = int.from_bytes(contents.signature[:32], "big")
    s = int.from_bytes(contents.signature[32:], "big")
    # Seals are signed low-S from now on (``trust.ecdsa``), but KP1 seals printed before then are high-S
    # half the time and travel with shipments: both forms verify. Nothing keys on a seal's bytes — the
    # twin (r, n − s) carries the very payload that was signed — so accepting it changes no answer.
    return ecdsa.verify(contents.signer_cert.public_key(), r, s,
                        _sig_structure(contents.protected, contents.payload_bytes), low_s_only=False)


def verify_seal(
    text: str,
    root: x509.Certificate | None,
    crl: x509.CertificateRevocationList | None = None,
    at: dt.datetime | None = None,
    *,
    enrolment: Enrolment | None = None,
) -> SealCheck:
    """Check a seal: its signature, that its certificate names one device and the monitor the seal names
    (``identity.signer_problem``), then that ``root`` vouches for the signer at ``at`` (default now).
    ``enrolment``: headquarters' records of the keys it certified (``check_chain``), at headquarters only.

    Never raises for bad input: a damaged or forged seal is a result with sentences in ``problems``.
    """
    try:
        contents = decode_seal(text)
    except SealError as exc:
        return SealCheck(False, None, None, None, [exc.message])
    problems: list[str] = []
    valid = _signature_ok(contents)
    if not valid:
        problems.append("The seal's signature does not match its contents: the seal was forged or altered.")
    try:
        chain = check_chain(contents.signer_cert, [], root, crl, at, enrolment=enrolment)
    except Exception:  # a hostile certificate can break parsing of its extensions; say so, don't crash
        chain = None
        problems.append("The signing certificate in the seal cannot be read.")
    if chain is not None:
        problems.extend(chain.problems)
    try:
        who = signer_problem(contents.signer_cert, monitor=contents.payload.get("mn", ""))
    except Exception:  # a hostile certificate's name can break decoding
        who = "The signing certificate in the seal cannot be read."
    if who is not None:
        problems.append(who)
    return SealCheck(valid, chain, contents.payload, contents.signer_cert, problems, who)


# ------------------------------------------------------------------------------------------- QR


def make_qr(text: str) -> segno.QRCode:
    """The QR symbol for seal text: alphanumeric mode, error correction M (segno may raise it for free)."""
    if not text.startswith(PREFIX):
        raise SealError("Only seal text (starting with KP1:) goes into the seal's QR code.")
    # mode="alphanumeric" makes segno fail loudly instead of silently falling back to byte mode
    # (8 bits/char instead of 5.5) should a stray character ever slip in.
    return segno.make(text, error=ERROR_LEVEL, mode="alphanumeric", micro=False)


def qr_version(text: str) -> int:
    """The QR version (1–40) the seal needs; the PDF renderer uses it to check module size."""
    return int(make_qr(text).version)


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules, row by row, True = dark; no quiet zone (draw 4 light modules around it).

    The PDF renderer draws these as vector rectangles, so the printed code is sharp at any size.
    """
    return [[bool(cell) for cell in row] for row in make_qr(text).matrix]


def qr_png(text: str, scale: int = 4, border: int = 4) -> bytes:
    """The QR as a PNG (for the GUI and tests); ``scale`` pixels per module."""
    buffer = io.BytesIO()
    make_qr(text).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()
