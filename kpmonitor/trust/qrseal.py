"""The QR seal printed on page 1 of a signed report.

It works like the EU digital COVID certificate (DCC), so anyone holding only headquarters' root
certificate can check a printed page offline:

    payload dict ─CBOR (canonical)→ COSE_Sign1 (ES256, signer certificate in the protected header)
                 ─zlib (preset dictionary)→ Base45 ─prefix "KP1:"→ QR code, alphanumeric, ECC level M

Format KP2 (a device holding a certificate headquarters issued) names its signer by a key id instead of
carrying the certificate (``kid``, 8 bytes of the certificate's SHA-256, as the DCC does), adds the
container and the exporting authority's validation number, and is printed at level Q: it is half the
size, so it survives a printer, a scanner and a phone. It is also tighter than KP1 byte for byte: raw
deflate (RFC 1951: no zlib header, dictionary id or Adler-32, which the signature makes redundant), the
report id as its 16 bytes, and no monitor's name (the signer is the monitor: the trust list names them).
The key id is looked up in headquarters' signed trust list (``trust.trustlist``). Both formats are read
and verified; see docs/qr-seal.md.

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
from kpmonitor.trust.identity import (
    ChainResult,
    Enrolment,
    certificate_device,
    certificate_monitor,
    check_chain,
    fingerprint,
    format_serial,
    is_self_signed,
    public_key_matches,
    signer_problem,
)
from kpmonitor.trust.trustlist import SignerEntry, TrustList, day, key_id

__all__ = [
    "ERROR_LEVEL",
    "ERROR_LEVEL_KP2",
    "KP2_ZDICT",
    "PAYLOAD_LABELS",
    "PREFIX",
    "PREFIX_KP2",
    "VERDICTS",
    "SealCheck",
    "SealContents",
    "SealError",
    "build_payload",
    "decode_seal",
    "encode_seal",
    "encode_seal_kp2",
    "hash_matches",
    "key_id",
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
PREFIX_KP2 = "KP2:"  # format 2: a key id instead of the certificate; container and validation number
_KP2_WBITS = -15  # raw deflate (RFC 1951), 32 KiB window: zlib's framing costs 10 bytes the signature makes redundant
# 25 % recovery, as the DCC's specification recommends for a code that is printed, folded and photographed;
# H (30 %) when it fits in the same version (``make_qr``).
ERROR_LEVEL_KP2 = "Q"
VERDICTS = ("genuine", "unvouched", "invalid")

# COSE labels (RFC 9052 §3.1; x5chain from RFC 9360 §2) and values.
_COSE_SIGN1_TAG = 18  # §4.2: COSE_Sign1 is CBOR tag 18
_HDR_ALG = 1
_HDR_X5CHAIN = 33
_HDR_KID = 4  # §3.1: kid, a bstr naming the key; protected here, so it cannot be swapped
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

# KP2's preset dictionary: the two rarer verdicts, the COSE framing of a KP2 message (tag 18, array of 4, the
# 13-byte protected header {1: -7, 4: h'<8 bytes>'}, the empty unprotected map, the payload's bstr header), the
# payload's map of 14 with its keys in canonical order, each followed by its value's usual first bytes (a date
# of the 2020s; the report id, the audit head and the snapshot hash as byte strings of 16), and the 64-byte
# signature's header. It saves ~40 bytes (~60 Base45 characters) on a realistic seal. Part of format KP2: never
# change it once seals are printed (docs/qr-seal.md gives its hex; the verifier page is built from this constant).
KP2_ZDICT = bytes.fromhex(
    "6d6e6f745f636572746966696564"  # "not_certified"
    "6468656c64"  # "held"
    "d2844da201260448"  # tag 18, array(4), bstr(13) {1: -7, 4: bstr(8) …}
    "a0590100"  # unprotected {}, payload bstr with a 2-byte length
    "ae"  # map(14)
    "626168 50"  # "ah" bstr(16)
    "626171 19"  # "aq" uint16
    "62636e 62636f 626374"  # "cn" "co" "ct"
    "626474 6a323032"  # "dt" "202"
    "626964 50"  # "id" bstr(16)
    "626e70"  # "np"
    "627276 01"  # "rv" 1
    "627368 50"  # "sh" bstr(16)
    "62736c"  # "sl"
    "627664 69636572746966696564"  # "vd" "certified"
    "62766e 63757364"  # "vn" "usd"
    "5840"  # the signature: bstr(64)
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
    "co": "Container",
    "vn": "Validation number (exporting authority)",
}
_KP1_KEYS = frozenset(PAYLOAD_LABELS) - {"co", "vn"}
# KP2 states no monitor's name: its signer is the monitor, and the trust list names them (``SealCheck.signer_name``).
_KP2_KEYS = frozenset(PAYLOAD_LABELS) - {"mn"}
_REPORT_ID = re.compile(r"[0-9a-f]{32}")

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
    kp2: bool = False,
    container: str = "",
    validation_number: str = "",
) -> dict[str, Any]:
    """The seal payload with its short keys (see :data:`PAYLOAD_LABELS`).

    Amounts stay decimal strings so that "1234.50" carats is exactly what the report says, never a
    binary float. Hashes may be given as bytes or hex; they are cut to 16 bytes.

    :param kp2: the payload of a KP2 seal (``encode_seal_kp2``): it also states the ``container`` (``co``) and the
        exporting authority's ``validation_number`` (``vn``), "" when the report has none, and not the
        ``monitor`` (``mn``): a KP2 seal's monitor is its signer, whom the trust list names. Its ``report_id``
        must be 32 lowercase hexadecimal characters (``report.snapshot.report_id_for``): the seal carries its 16
        bytes, and gives it back as hex (``decode_seal``). A KP1 payload has neither ``co`` nor ``vn`` and states
        the monitor (KP1's format is frozen).
    """
    if kp2 and not (isinstance(report_id, str) and _REPORT_ID.fullmatch(report_id)):
        raise SealError("A KP2 seal's report id is 32 lowercase hexadecimal characters.")
    payload = {
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
    if kp2:
        del payload["mn"]
        payload["co"] = str(container)
        payload["vn"] = str(validation_number)
    return payload


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


def _payload_bytes(payload: dict[str, Any], key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> bytes:
    if not isinstance(key.curve, ec.SECP256R1):
        raise SealError("The seal is signed with ECDSA P-256 (ES256); this key is another kind.")
    if not public_key_matches(key, cert):
        raise SealError("The signing key does not belong to the signing certificate.")
    try:
        # §9 / RFC 8949 §4.2.1 deterministic encoding: the same payload always gives the same bytes.
        return bytes(cbor2.dumps(payload, canonical=True))
    except (cbor2.CBOREncodeError, TypeError, ValueError) as exc:
        raise SealError("The seal payload holds a value that cannot be encoded.") from exc


def _signed_message(key: ec.EllipticCurvePrivateKey, protected: bytes, payload_bytes: bytes) -> bytes:
    # Low-S (``trust.ecdsa``): (r, n − s) would verify too, and verifiers refuse it.
    r, s = ecdsa.sign(key, _sig_structure(protected, payload_bytes))
    # RFC 9053 §2.1: ECDSA signatures in COSE are r || s, each left-padded to the curve size (32 bytes
    # for P-256) — not the DER SEQUENCE that cryptography produces.
    return _cose_sign1(protected, payload_bytes, r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def _text(prefix: str, message: bytes, zdict: bytes, wbits: int = zlib.MAX_WBITS) -> str:
    deflater = zlib.compressobj(9, zlib.DEFLATED, wbits, zdict=zdict)
    compressed = deflater.compress(message) + deflater.flush()
    text: str = prefix + base45.b45encode(compressed).decode("ascii")
    return text


def _kp2_protected(kid: bytes) -> bytes:
    return bytes(cbor2.dumps({_HDR_ALG: _ALG_ES256, _HDR_KID: kid}, canonical=True))


def encode_seal_kp2(payload: dict[str, Any], key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> str:
    """Sign a KP2 ``payload`` (``build_payload(kp2=True)``) and return the seal text (``KP2:`` + Base45).

    The protected header names the signer by ``key_id(cert)``; the certificate itself stays out of the seal, and
    a verifier finds the key in headquarters' trust list. The report id travels as its 16 bytes, and the message
    as raw deflate (docs/qr-seal.md).
    """
    if set(payload) != _KP2_KEYS:
        raise SealError("A KP2 seal's payload states the container and the validation number, and not the monitor "
                        "(build_payload(kp2=True)).")
    report_id = payload["id"]
    if not (isinstance(report_id, str) and _REPORT_ID.fullmatch(report_id)):
        raise SealError("A KP2 seal's report id is 32 lowercase hexadecimal characters.")
    payload_bytes = _payload_bytes({**payload, "id": bytes.fromhex(report_id)}, key, cert)
    return _text(PREFIX_KP2, _signed_message(key, _kp2_protected(key_id(cert)), payload_bytes), KP2_ZDICT,
                 _KP2_WBITS)


def encode_seal(payload: dict[str, Any], key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> str:
    """Sign ``payload`` and return the seal text (``KP1:`` + Base45) to put in the QR."""
    payload_bytes = _payload_bytes(payload, key, cert)
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
    return _text(PREFIX, _signed_message(key, protected, payload_bytes), _ZDICT)


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

    # What the seal states. KP2: its report id ``id`` as 32 hex characters, as KP1 states it (it travels as 16
    # bytes: ``payload_bytes``), and no ``mn``: the monitor is the signer (``SealCheck.signer_name``).
    payload: dict[str, Any]
    signer_cert: x509.Certificate | None  # KP1: the certificate the seal carries; KP2: None (it names a key id)
    protected: bytes  # the exact protected-header bytes that were signed
    payload_bytes: bytes
    signature: bytes  # r || s, 64 bytes
    raw: bytes  # the whole COSE_Sign1 message, inflated
    kid: bytes | None = None  # KP2: the signer's key id (``key_id``); KP1: None
    format: int = 1


_DAMAGED = "The QR text is not a kpmonitor seal, or it was damaged or altered."
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _inflate(body: str, zdict: bytes, wbits: int) -> bytes:
    """The inflated bytes of a seal's Base45 body; :class:`SealError` on anything else.

    ``wbits``: KP1 is a zlib stream (its Adler-32 catches most damage here); KP2 is raw deflate, whose damage the
    checks after this one catch: the message's one layout, the payload's keys, types and encoding, the signature.
    """
    if len(body) > _MAX_TEXT:
        raise SealError(_DAMAGED)
    try:
        compressed = base45.b45decode(body)
        # Bounded inflate: a small text must not expand into megabytes (a "zip bomb" in a QR). The stream must end
        # (``eof``: a cut stream is refused), and nothing may follow its end (``unused_data``).
        inflater = zlib.decompressobj(wbits, zdict=zdict)
        raw = inflater.decompress(bytes(compressed), _MAX_INFLATED)
    except Exception as exc:  # base45/zlib raise assorted types on garbage; all mean the same
        raise SealError(_DAMAGED) from exc
    if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise SealError(_DAMAGED)
    return bytes(raw)


def _inflated(body: str, zdict: bytes) -> tuple[Any, bytes]:
    """KP1: the CBOR item of a seal's Base45 body, and the inflated bytes; :class:`SealError` on anything else."""
    raw = _inflate(body, zdict, zlib.MAX_WBITS)
    try:
        stream = io.BytesIO(raw)
        message = cbor2.CBORDecoder(stream).decode()
        trailing = stream.tell() != len(raw)
    except Exception as exc:  # cbor2 raises assorted types on garbage; all mean the same
        raise SealError(_DAMAGED) from exc
    # One byte string per seal: only the form encode_seal writes is read (tag 18, an empty unprotected
    # header, nothing after the structure, every length in its shortest form), so no byte of the
    # message can change while the seal still verifies.
    if trailing:
        raise SealError("The seal's message has bytes after its end: it was altered.")
    if not isinstance(message, cbor2.CBORTag):
        raise SealError("The seal's message is not a tagged COSE_Sign1 (CBOR tag 18): it was not made by kpmonitor "
                        "or was altered.")
    return message, raw


# A KP2 message has one layout, byte for byte: tag 18 (d2), an array of 4 (84), the protected header as a bstr of
# 13 (4d) holding exactly {1: -7, 4: h'<kid, 8 bytes>'} (a2 01 26 04 48 …), the empty unprotected map (a0), the
# payload as a bstr (its length in the shortest form), and the signature as a bstr of 64 (58 40 …), nothing after.
_KP2_HEAD = bytes.fromhex("d2844da201260448")


def _kp2_parts(raw: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """(protected, payload, signature, kid) of a KP2 message in its one layout; ValueError for any other bytes.

    Read by position, not by a general CBOR decoder: whatever a damaged text inflates to is refused here in one
    sentence, the same in every verifier (the browser page reads it the same way).
    """
    if raw[:len(_KP2_HEAD)] != _KP2_HEAD or raw[16:17] != b"\xa0" or len(raw) < 18:
        raise ValueError("not a KP2 message")
    head = raw[17]
    if 0x40 <= head <= 0x57:
        size, at = head - 0x40, 18
    elif head == 0x58:
        size, at = int.from_bytes(raw[18:19], "big"), 19
    elif head == 0x59:
        size, at = int.from_bytes(raw[18:20], "big"), 20
    else:
        raise ValueError("not a KP2 payload")
    protected, payload, signature = raw[3:16], raw[at:at + size], raw[at + size + 2:]
    # The one byte form (every length in its shortest form, the signature's 58 40, nothing after it).
    if len(signature) != 64 or _cose_sign1(protected, payload, signature) != raw:
        raise ValueError("not the one layout of a KP2 message")
    return protected, payload, signature, raw[8:16]


def _cose_parts(message: cbor2.CBORTag, raw: bytes) -> tuple[bytes, bytes, bytes]:
    """(protected, payload, signature) of the one COSE_Sign1 form kpmonitor writes; raises ValueError/SealError."""
    if message.tag != _COSE_SIGN1_TAG:
        raise ValueError("not COSE_Sign1")
    value = message.value
    # cbor2 decodes the array inside a tag as a tuple and maps there as frozendict.
    if not (isinstance(value, (list, tuple)) and len(value) == 4):
        raise ValueError("not a 4-element COSE_Sign1")
    protected, unprotected, payload_bytes, signature = value
    if not (isinstance(protected, bytes) and isinstance(unprotected, Mapping) and isinstance(payload_bytes, bytes)
            and isinstance(signature, bytes)):
        raise ValueError("wrong element types")
    if unprotected:
        raise SealError("The seal's unprotected header is not empty: nothing a signature does not cover may ride "
                        "in a seal, so it was refused.")
    if _cose_sign1(protected, payload_bytes, signature) != raw:
        raise SealError("The seal's message is not in the one encoding kpmonitor writes: it was altered.")
    return protected, payload_bytes, signature


def _kp2_payload_ok(payload: dict[str, Any]) -> bool:
    """A KP2 payload, as it travels, has exactly its fourteen keys, each of its type (KP1's were never checked:
    frozen); the report id, the audit head and the snapshot hash are byte strings of 16."""
    if set(payload) != _KP2_KEYS:
        return False
    texts = ("cn", "ct", "usd", "vd", "dt", "co", "vn")
    ints = ("np", "rv", "aq")
    return (all(isinstance(payload[k], str) for k in texts)
            and all(isinstance(payload[k], int) and not isinstance(payload[k], bool) for k in ints)
            and all(isinstance(payload[k], bytes) and len(payload[k]) == 16 for k in ("ah", "sh", "id"))
            and isinstance(payload["sl"], list) and all(isinstance(x, str) for x in payload["sl"])
            and _DATE.fullmatch(payload["dt"]) is not None)


def decode_seal(text: str) -> SealContents:
    """Parse seal text (KP1 or KP2) into its parts without checking the signature. Raises :class:`SealError`."""
    text = text.strip()  # scanners and text files add newlines
    if text.startswith(PREFIX_KP2):
        return _decode_kp2(_inflate(text[len(PREFIX_KP2):], KP2_ZDICT, _KP2_WBITS))
    if not text.startswith(PREFIX):
        match = re.match(r"KP(\d+):", text)
        if match:
            raise SealError(f"This is a format {match.group(1)[:4]} seal; this kpmonitor reads formats 1 and 2. "
                            "Update kpmonitor.")
        raise SealError(_DAMAGED)
    message, raw = _inflated(text[len(PREFIX):], _ZDICT)
    try:
        protected, payload_bytes, signature = _cose_parts(message, raw)
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
            raise ValueError("payload is not a seal's map")
    except SealError:
        raise
    except Exception as exc:
        raise SealError(_DAMAGED) from exc
    return SealContents(payload=payload, signer_cert=cert, protected=protected, payload_bytes=payload_bytes,
                        signature=signature, raw=raw)


def _decode_kp2(raw: bytes) -> SealContents:
    """A KP2 message's parts: its one layout (``_kp2_parts``), then its payload, exactly the fourteen keys of their
    types in canonical CBOR. Anything else is damaged (one sentence: a text changed by accident or on purpose)."""
    try:
        protected, payload_bytes, signature, kid = _kp2_parts(raw)
        payload = _plain(cbor2.loads(payload_bytes))
        if not isinstance(payload, dict) or not _kp2_payload_ok(payload):
            raise ValueError("payload is not a seal's map")
        if bytes(cbor2.dumps(payload, canonical=True)) != payload_bytes:
            raise ValueError("payload not in its canonical encoding")
    except Exception as exc:
        raise SealError(_DAMAGED) from exc
    payload["id"] = payload["id"].hex()  # as KP1 and the report state it
    return SealContents(payload=payload, signer_cert=None, protected=protected, payload_bytes=payload_bytes,
                        signature=signature, raw=raw, kid=kid, format=2)


NO_TRUST_LIST = ("This is a KP2 seal: checking it needs headquarters' trust list (kp-trust-list.json, from hq "
                 "publish); none was given.")
NOT_IN_RECORDS = ("The seal was signed by a key that headquarters never certified (it is not in its records of the "
                  "certificates it issued): it cannot be shown genuine.")
BAD_SIGNATURE = "The seal's signature does not match its contents: the seal was forged or altered."
NOT_ON_LIST_KP1 = ("The seal is unaltered, but its signer is not on headquarters' trust list: headquarters does not "
                   "vouch for it.")
SELF_SIGNED_KP1 = ("The seal is unaltered, but its signer's certificate is self-signed: headquarters does not vouch "
                   "for it.")


def unknown_kid_sentence(trust_list: TrustList) -> str:
    return (f"The seal was signed by a key that is not on headquarters' trust list of {day(trust_list.published_at)}: "
            "it cannot be shown genuine. If the report is recent, get the current trust list.")


@dataclass
class SealCheck:
    """The verdict on a seal: is the signature good, and does headquarters vouch for the signer.

    ``verdict`` is one of :data:`VERDICTS` — ``genuine``; ``unvouched``: unaltered, but headquarters' vouching
    cannot be confirmed (a self-signed signer, a trust list past its next update); ``invalid``: not genuine —
    and ``sentence`` says why, in the words the offline verifier page uses too (docs/qr-seal.md).
    """

    signature_valid: bool
    chain: ChainResult | None
    payload: dict[str, Any] | None
    signer_cert: x509.Certificate | None
    problems: list[str] = field(default_factory=list)
    # Why the certificate is not the seal's signer (no single device, another monitor): also in ``problems``.
    signer_problem: str | None = None
    verdict: str = "invalid"
    sentence: str = ""
    format: int = 0  # 1 or 2; 0 when the text is not a seal
    kid: bytes | None = None
    # KP2 (and KP1 when a trust list was given): the trust list's entry for the signer, if it has one.
    signer_entry: SignerEntry | None = None
    trust_list: TrustList | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == "genuine"

    @property
    def warnings(self) -> list[str]:
        return list(self.chain.warnings) if self.chain is not None else []

    @property
    def signer_name(self) -> str | None:
        """The monitor who signed, as the certificate or the trust list names them (not as the payload says)."""
        if self.signer_entry is not None:
            return self.signer_entry.cn
        return certificate_monitor(self.signer_cert) if self.signer_cert is not None else None


def _signature_ok(contents: SealContents, public_key: object) -> bool:
    if len(contents.signature) != 64:
        return False
    r = int.from_bytes(contents.signature[:32], "big")
    s = int.from_bytes(contents.signature[32:], "big")
    # Seals are signed low-S from now on (``trust.ecdsa``), but KP1 seals printed before then are high-S
    # half the time and travel with shipments: both forms verify. Nothing keys on a seal's bytes — the
    # twin (r, n − s) carries the very payload that was signed — so accepting it changes no answer.
    # KP2 was always signed low-S: its high twin is refused.
    return ecdsa.verify(public_key, r, s, _sig_structure(contents.protected, contents.payload_bytes),
                        low_s_only=contents.format == 2)


def _entry_verdict(entry: SignerEntry, payload: dict[str, Any], trust_list: TrustList,
                   crl: x509.CertificateRevocationList | None, now: dt.datetime | None, *,
                   kp2: bool) -> tuple[str, str]:
    """What the trust list's ``entry`` says of a seal whose signature it verified: (verdict, sentence).

    A KP1 payload names its monitor (``mn``), who must be the signer; a KP2 payload names none: its signer is its
    monitor.
    """
    revoked_at = entry.revoked_at
    if revoked_at is None and crl is not None:
        listed = crl.get_revoked_certificate_by_serial_number(int(entry.serial, 16))
        revoked_at = listed.revocation_date_utc if listed is not None else None
    if entry.status != "valid" or revoked_at is not None:
        when = f" on {day(revoked_at)}" if revoked_at is not None else ""
        return "invalid", (f"The seal's signer, certificate {entry.serial} ({entry.cn}), was revoked by headquarters"
                           f"{when}: the seal is not genuine.")
    if not kp2 and payload.get("mn") != entry.cn:
        return "invalid", (f"The seal names its monitor “{payload.get('mn')}”, but its key is {entry.cn}'s: the seal "
                           "is not genuine.")
    # ``dt`` is the day of the inspection, and a report is signed after it: a seal dated after the certificate
    # expired was signed with an expired key. One dated before the certificate began is not refused: a monitor may
    # inspect before the device is enrolled and sign once it is (docs/qr-seal.md: a deviation from the draft).
    date = str(payload.get("dt"))
    if date > day(entry.not_after):
        return "invalid", (f"The seal is dated {date}, outside its signer's certificate validity "
                           f"({day(entry.not_before)} to {day(entry.not_after)}): the seal is not genuine.")
    if trust_list.stale(now):
        return "unvouched", trust_list.stale_sentence
    return "genuine", (f"The seal is genuine: signed by {entry.cn} (device {entry.device_id[:8]}, certificate "
                       f"{entry.serial}), whom headquarters' trust list of {day(trust_list.published_at)} vouches "
                       "for.")


def _certificate_check(contents: SealContents, cert: x509.Certificate, root: x509.Certificate | None,
                       crl: x509.CertificateRevocationList | None, at: dt.datetime | None,
                       enrolment: Enrolment | None, trust_list: TrustList | None,
                       now: dt.datetime | None) -> SealCheck:
    """A seal whose signer certificate is known: carried (KP1), or given beside a KP2 seal (the signed PDF's)."""
    problems: list[str] = []
    valid = _signature_ok(contents, cert.public_key())
    if not valid:
        problems.append(BAD_SIGNATURE)
    chain: ChainResult | None
    try:
        chain = check_chain(cert, [], root, crl, at, enrolment=enrolment)
    except Exception:  # a hostile certificate can break parsing of its extensions; say so, don't crash
        chain = None
        problems.append("The signing certificate in the seal cannot be read.")
    if chain is not None:
        problems.extend(chain.problems)
    try:
        # KP2 states no monitor (None: not checked); KP1 states one, the certificate's.
        who = signer_problem(cert, monitor=contents.payload.get("mn", "") if contents.format == 1 else None)
    except Exception:  # a hostile certificate's name can break decoding
        who = "The signing certificate in the seal cannot be read."
    if who is not None:
        problems.append(who)
    check = SealCheck(valid, chain, contents.payload, cert, problems, who, format=contents.format,
                      kid=contents.kid, trust_list=trust_list)
    entry = trust_list.by_certificate(fingerprint(cert)) if trust_list is not None else None
    if valid and trust_list is not None and entry is not None and (chain is None or not chain.self_signed):
        check.signer_entry = entry
        if problems:
            check.verdict, check.sentence = "invalid", problems[0]
        else:
            check.verdict, check.sentence = _entry_verdict(entry, contents.payload, trust_list, crl, now,
                                                           kp2=contents.format == 2)
        if check.verdict != "genuine" and check.sentence not in problems:
            problems.insert(0, check.sentence)
        return check
    if valid and chain is not None and chain.ok and not problems:
        check.verdict = "genuine"
        check.sentence = (f"The seal is genuine: signed by {certificate_monitor(cert)} (device "
                          f"{(certificate_device(cert) or '')[:8]}, certificate {format_serial(cert.serial_number)}), "
                          "whose certificate headquarters issued.")
    elif (valid and chain is not None and chain.self_signed and who is None and not chain.revoked
          and not chain.validity_problems and not chain.revocation_problems):
        check.verdict = "unvouched"
        check.sentence = NOT_ON_LIST_KP1 if trust_list is not None else SELF_SIGNED_KP1
    else:
        check.sentence = problems[0] if problems else BAD_SIGNATURE
    return check


def _kid_certificate(kid: bytes, certificate: x509.Certificate | None,
                     enrolment: Enrolment | None) -> x509.Certificate | None:
    """The certificate a KP2 seal's key id names, among those known beside it: the signed PDF's or bundle's
    (``certificate``), or headquarters' records of what it issued (``enrolment``)."""
    known = ([certificate] if certificate is not None else []) + list(enrolment.issued if enrolment else ())
    return next((c for c in known if key_id(c) == kid and not is_self_signed(c)), None)


def verify_seal(
    text: str,
    root: x509.Certificate | None,
    crl: x509.CertificateRevocationList | None = None,
    at: dt.datetime | None = None,
    *,
    enrolment: Enrolment | None = None,
    trust_list: TrustList | None = None,
    certificate: x509.Certificate | None = None,
    now: dt.datetime | None = None,
) -> SealCheck:
    """Check a seal (KP1 or KP2) and give its verdict (``SealCheck.verdict``, ``sentence``).

    KP1: its signature, that its certificate names one device and the monitor the seal names
    (``identity.signer_problem``), then that ``root`` vouches for the signer at ``at`` (default now); with a
    ``trust_list`` that lists the certificate, what the list says of it too.
    KP2: the key id is looked up in ``trust_list`` (read and checked against the root by
    ``trustlist.read_trust_list``); a seal whose key id is not on it is not genuine. Without a list entry, a
    ``certificate`` known to be the signer's (the one the signed PDF or bundle carries) with the very key id is
    checked as KP1's is; so is a certificate of headquarters' own records (``enrolment``). A KP2 seal names no
    monitor: its monitor is its signer, ``SealCheck.signer_name`` (the trust list's or the certificate's name).

    :param enrolment: headquarters' records of the keys it certified (``check_chain``), at headquarters only.
    :param now: the moment of verifying, at which the trust list's freshness is judged (default: ``at``, else now).
    Never raises for bad input: a damaged or forged seal is a result with sentences in ``problems``.
    """
    try:
        contents = decode_seal(text)
    except SealError as exc:
        return SealCheck(False, None, None, None, [exc.message], sentence=exc.message)
    judged = now if now is not None else at
    if contents.signer_cert is not None:
        return _certificate_check(contents, contents.signer_cert, root, crl, at, enrolment, trust_list, judged)
    kid = contents.kid or b""
    entry = trust_list.signer(kid) if trust_list is not None else None
    if entry is None:
        known = _kid_certificate(kid, certificate, enrolment)
        if known is not None:
            return _certificate_check(contents, known, root, crl, at, enrolment, None, judged)
        sentence = unknown_kid_sentence(trust_list) if trust_list is not None else NOT_IN_RECORDS \
            if enrolment is not None else NO_TRUST_LIST
        return SealCheck(False, None, contents.payload, None, [sentence], sentence=sentence, format=2, kid=kid,
                         trust_list=trust_list)
    assert trust_list is not None
    signer = certificate if certificate is not None and key_id(certificate) == kid else None
    check = SealCheck(False, None, contents.payload, signer, [], format=2, kid=kid, signer_entry=entry,
                      trust_list=trust_list)
    key = entry.key()
    check.signature_valid = key is not None and _signature_ok(contents, key)
    if not check.signature_valid:
        check.verdict, check.sentence = "invalid", BAD_SIGNATURE
    else:
        check.verdict, check.sentence = _entry_verdict(entry, contents.payload, trust_list, crl, judged, kp2=True)
    if check.verdict != "genuine":
        check.problems.append(check.sentence)
    return check


# ------------------------------------------------------------------------------------------- QR


def make_qr(text: str) -> segno.QRCode:
    """The QR symbol for seal text, alphanumeric mode.

    KP1: error correction M (segno may raise it for free). KP2: Q, or H when H fits in the same version (the
    symbol's size is the version's, so the stronger level costs nothing then).
    """
    # mode="alphanumeric" makes segno fail loudly instead of silently falling back to byte mode
    # (8 bits/char instead of 5.5) should a stray character ever slip in.
    if text.startswith(PREFIX_KP2):
        qr = segno.make(text, error=ERROR_LEVEL_KP2, mode="alphanumeric", micro=False, boost_error=False)
        try:
            return segno.make(text, error="H", mode="alphanumeric", micro=False, version=qr.version)
        except segno.DataOverflowError:
            return qr
    if not text.startswith(PREFIX):
        raise SealError("Only seal text (starting with KP1: or KP2:) goes into the seal's QR code.")
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
