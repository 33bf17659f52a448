"""Headquarters' trust list: every signing certificate it issued, signed by its root.

A KP2 QR seal names its signer by a key id (the first 8 bytes of the SHA-256 of the signer certificate's DER,
as the EU digital COVID certificate does) instead of carrying the certificate. The trust list is what turns
that id into a public key and a vouching: headquarters publishes it beside its root and its revocation list
(``hq publish``), field devices install it (``keys install``), verifiers load it (``verify --trust-list``),
and the offline verifier page carries it inside.

The file, ``kp-trust-list.json``, is a JSON object with exactly four keys (docs/qr-seal.md)::

    {"format": "kpmonitor-trust-list/1", "payload": <base64 of the signed bytes>,
     "signature": <base64 of r || s, ECDSA P-256 SHA-256 over the payload bytes by the root key, low-S>,
     "root_sha256": <hex SHA-256 of the root certificate's DER>}

The payload bytes are canonical JSON (sorted keys, no spaces): the publisher, the publication time, the time
the next list is due, the revocation list's number, and one entry per certificate issued, sorted by key id.
Signing bytes rather than a parsed object means a browser verifies exactly what Python signed, with no
canonicalisation of its own.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, read_regular, write_atomic
from kpmonitor.store.audit import canonical
from kpmonitor.trust import ecdsa
from kpmonitor.trust.identity import certificate_device, certificate_monitor, crl_number, format_serial, spki

__all__ = [
    "FILE_NAME",
    "FORMAT",
    "MAX_BYTES",
    "SignerEntry",
    "TrustList",
    "TrustListError",
    "day",
    "entries_from_records",
    "key_id",
    "make_trust_list",
    "publish_trust_list",
    "read_trust_list",
    "read_trust_list_file",
    "trust_list_older_problem",
]

FORMAT = "kpmonitor-trust-list/1"
FILE_NAME = "kp-trust-list.json"
# A list naming ten thousand certificates is about 4 MB of JSON; 2 MiB holds more than four thousand, far more
# devices than the KP has monitors. Anything larger is not read.
MAX_BYTES = 2 << 20
KID_BYTES = 8
# A list is due to be replaced after this long (as the revocation list published with it: identity.make_crl).
DEFAULT_VALIDITY = dt.timedelta(days=30)

_KEYS = {"format", "payload", "signature", "root_sha256"}
_PAYLOAD_KEYS = {"issuer", "published_at", "next_update", "crl_number", "signers"}
_ENTRY_KEYS = {"kid", "certificate_sha256", "serial", "device_id", "cn", "not_before", "not_after", "status",
               "revoked_at", "public_key"}
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_HEX = re.compile(r"[0-9a-f]+")
_SERIAL = re.compile(r"[0-9A-F]+")


class TrustListError(KPError):
    """A trust list cannot be read, is not headquarters', or is older than the one installed."""


def key_id(cert: x509.Certificate) -> bytes:
    """A certificate's key id: the first 8 bytes of the SHA-256 of its DER (as the EU DCC's ``kid``)."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).digest()[:KID_BYTES]


def _moment(when: dt.datetime) -> str:
    aware = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_moment(text: object) -> dt.datetime:
    if not isinstance(text, str) or not _MOMENT.fullmatch(text):
        raise ValueError("not a moment")
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def day(when: dt.datetime) -> str:
    """The UTC day of a moment, YYYY-MM-DD: how the seal's sentences name a list's or a certificate's date.

    A day, not a local time, so that the Python verifier and the browser page say the very same sentence.
    """
    return _moment(when)[:10]


@dataclass(frozen=True)
class SignerEntry:
    """One certificate headquarters issued, as the trust list states it."""

    kid: bytes
    certificate_sha256: str
    serial: str  # as ``identity.format_serial`` writes it
    device_id: str
    cn: str
    not_before: dt.datetime
    not_after: dt.datetime
    status: str  # "valid" | "revoked"
    revoked_at: dt.datetime | None
    public_key: bytes  # SubjectPublicKeyInfo, DER

    @classmethod
    def from_certificate(cls, cert: x509.Certificate, revoked_at: dt.datetime | None = None) -> SignerEntry:
        """The entry for ``cert``; ``revoked_at`` when headquarters revoked it."""
        return cls(
            kid=key_id(cert), certificate_sha256=hashlib.sha256(cert.public_bytes(serialization.Encoding.DER))
            .hexdigest(), serial=format_serial(cert.serial_number), device_id=certificate_device(cert) or "",
            cn=certificate_monitor(cert) or "", not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc, status="revoked" if revoked_at is not None else "valid",
            revoked_at=revoked_at, public_key=spki(cert.public_key()))

    def key(self) -> ec.EllipticCurvePublicKey | None:
        """The entry's public key, or None when it is not a P-256 key (the list is read, the seal refused)."""
        try:
            key = serialization.load_der_public_key(self.public_key)
        except (ValueError, TypeError):
            return None
        if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
            return None
        return key

    def to_json(self) -> dict[str, Any]:
        return {"kid": self.kid.hex(), "certificate_sha256": self.certificate_sha256, "serial": self.serial,
                "device_id": self.device_id, "cn": self.cn, "not_before": _moment(self.not_before),
                "not_after": _moment(self.not_after), "status": self.status,
                "revoked_at": _moment(self.revoked_at) if self.revoked_at is not None else None,
                "public_key": base64.b64encode(self.public_key).decode("ascii")}

    @classmethod
    def from_json(cls, obj: object) -> SignerEntry:
        if not isinstance(obj, dict) or set(obj) != _ENTRY_KEYS:
            raise ValueError("entry keys")
        kid, sha, serial = obj["kid"], obj["certificate_sha256"], obj["serial"]
        if not (isinstance(kid, str) and len(kid) == 2 * KID_BYTES and _HEX.fullmatch(kid)):
            raise ValueError("kid")
        if not (isinstance(sha, str) and len(sha) == 64 and _HEX.fullmatch(sha)) or sha[:16] != kid:
            raise ValueError("certificate hash")
        if not (isinstance(serial, str) and _SERIAL.fullmatch(serial)):
            raise ValueError("serial")
        if not isinstance(obj["device_id"], str) or not isinstance(obj["cn"], str):
            raise ValueError("names")
        status = obj["status"]
        revoked_at = None if obj["revoked_at"] is None else _parse_moment(obj["revoked_at"])
        if status not in ("valid", "revoked") or (status == "revoked") != (revoked_at is not None):
            raise ValueError("status")
        if not isinstance(obj["public_key"], str):
            raise ValueError("public key")
        return cls(kid=bytes.fromhex(kid), certificate_sha256=sha, serial=serial, device_id=obj["device_id"],
                   cn=obj["cn"], not_before=_parse_moment(obj["not_before"]),
                   not_after=_parse_moment(obj["not_after"]), status=status, revoked_at=revoked_at,
                   public_key=base64.b64decode(obj["public_key"].encode("ascii"), validate=True))


@dataclass(frozen=True)
class TrustList:
    """A trust list whose signature by headquarters' root has been checked (``read_trust_list``)."""

    issuer: str
    published_at: dt.datetime
    next_update: dt.datetime
    crl_number: int | None
    signers: tuple[SignerEntry, ...]
    data: bytes  # the file's bytes, as read: what ``keys install`` keeps and the verifier page embeds

    def signer(self, kid: bytes) -> SignerEntry | None:
        """The entry for a seal's key id, or None when headquarters issued no such certificate."""
        return next((s for s in self.signers if s.kid == kid), None)

    def by_certificate(self, certificate_sha256: str) -> SignerEntry | None:
        """The entry for a certificate by its SHA-256 (hex): how a KP1 seal's carried certificate is found."""
        return next((s for s in self.signers if s.certificate_sha256 == certificate_sha256.lower()), None)

    def stale(self, at: dt.datetime | None = None) -> bool:
        """Whether the list is past its next update at ``at`` (default: now): it may miss revocations since."""
        when = at if at is not None else dt.datetime.now(dt.UTC)
        when = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
        return when > self.next_update

    @property
    def stale_sentence(self) -> str:
        return (f"The trust list was published on {day(self.published_at)} and was due to be replaced by "
                f"{day(self.next_update)}: get the current one from headquarters.")


def _root_sha256(root_cert: x509.Certificate) -> str:
    return hashlib.sha256(root_cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def _root_cn(root_cert: x509.Certificate) -> str:
    return certificate_monitor(root_cert) or root_cert.subject.rfc4514_string()


def make_trust_list(root_key: ec.EllipticCurvePrivateKey, root_cert: x509.Certificate,
                    signers: Iterable[SignerEntry], published_at: dt.datetime, next_update: dt.datetime,
                    crl_number: int | None) -> bytes:
    """The trust list file's bytes, signed by headquarters' root key.

    :param signers: every certificate headquarters issued (``entries_from_records``); sorted here by key id.
    :param published_at: the moment of publication; ``next_update``: when the next list is due.
    :param crl_number: the number of the revocation list published with it, or None.
    """
    if next_update <= published_at:
        raise TrustListError("A trust list's next update must come after its publication.")
    payload = {"issuer": _root_cn(root_cert), "published_at": _moment(published_at),
               "next_update": _moment(next_update), "crl_number": crl_number,
               "signers": [s.to_json() for s in sorted(signers, key=lambda s: (s.kid, s.certificate_sha256))]}
    signed = canonical(payload).encode("utf-8")
    r, s = ecdsa.sign(root_key, signed)
    document = {"format": FORMAT, "payload": base64.b64encode(signed).decode("ascii"),
                "signature": base64.b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode("ascii"),
                "root_sha256": _root_sha256(root_cert)}
    return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_trust_list(data: bytes, root_cert: x509.Certificate) -> TrustList:
    """Read a trust list and check that ``root_cert`` signed it.

    :raises TrustListError: with a sentence: too large, not a trust list, a newer format, made for another root,
        a signature that does not hold, or a malformed entry.
    """
    if len(data) > MAX_BYTES:
        raise TrustListError(f"The trust list is larger than {MAX_BYTES >> 20} MiB: it is not one headquarters "
                             "published.")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise TrustListError("The file is not a kpmonitor trust list.") from exc
    if not isinstance(document, dict) or not isinstance(document.get("format"), str) \
            or not document["format"].startswith("kpmonitor-trust-list/"):
        raise TrustListError("The file is not a kpmonitor trust list.")
    if document["format"] != FORMAT:
        raise TrustListError(f"The trust list is in format {str(document['format'])[21:][:8]}; this kpmonitor "
                             "reads format 1. Update kpmonitor.")
    if set(document) != _KEYS:
        raise TrustListError("The trust list has other parts than a trust list has: it was not published by "
                             "kpmonitor or was altered.")
    if document["root_sha256"] != _root_sha256(root_cert):
        raise TrustListError("The trust list was published for another headquarters root than this one.")
    try:
        signed = base64.b64decode(str(document["payload"]).encode("ascii"), validate=True)
        signature = base64.b64decode(str(document["signature"]).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise TrustListError("The trust list is damaged.") from exc
    if len(signature) != 64 or not ecdsa.verify(root_cert.public_key(), int.from_bytes(signature[:32], "big"),
                                                int.from_bytes(signature[32:], "big"), signed):
        raise TrustListError("The trust list's signature is not headquarters' root's: it was altered or forged.")
    return _parse_payload(signed, data)


def _parse_payload(signed: bytes, data: bytes) -> TrustList:
    bad = TrustListError("The trust list is signed by headquarters but its content is malformed; ask headquarters "
                         "for a new one.")
    try:
        payload = json.loads(signed.decode("utf-8"))
        if not isinstance(payload, dict) or set(payload) != _PAYLOAD_KEYS:
            raise ValueError("payload keys")
        number = payload["crl_number"]
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise ValueError("crl number")
        if not isinstance(payload["issuer"], str) or not isinstance(payload["signers"], list):
            raise ValueError("issuer, signers")
        signers = tuple(SignerEntry.from_json(e) for e in payload["signers"])
        if len({s.kid for s in signers}) != len(signers):
            raise ValueError("two entries for one key id")
        return TrustList(issuer=payload["issuer"], published_at=_parse_moment(payload["published_at"]),
                         next_update=_parse_moment(payload["next_update"]), crl_number=number, signers=signers,
                         data=bytes(data))
    except (UnicodeDecodeError, ValueError, TypeError, binascii.Error, RecursionError) as exc:
        raise bad from exc


def read_trust_list_file(path: Path, root_cert: x509.Certificate) -> TrustList:
    """A trust list from a file from outside: a regular file of at most ``MAX_BYTES`` (``fileio.read_regular``)."""
    try:
        data = read_regular(path, MAX_BYTES, "trust list")
    except OSError as exc:
        raise TrustListError(f"The trust list {path} cannot be read ({exc.strerror or exc}).") from exc
    return read_trust_list(data, root_cert)


def trust_list_older_problem(new: TrustList, installed: TrustList) -> str | None:
    """Whether ``new`` was published before the ``installed`` list: a sentence, or None.

    A replayed old list could hide a revocation or a device headquarters stopped vouching for (as the revocation
    list: ``identity.crl_older_problem``).
    """
    if new.published_at >= installed.published_at:
        return None
    return (f"This trust list (of {day(new.published_at)}) is older than the one installed (of "
            f"{day(installed.published_at)}); it was not installed.")


def entries_from_records(issued: Iterable[x509.Certificate], revoked: Mapping[str, str],
                         crl: x509.CertificateRevocationList | None = None) -> list[SignerEntry]:
    """The trust list's entries from headquarters' records: every certificate issued (``Keyring.issued``), revoked
    when its serial is in ``revoked`` (serial → ISO moment, ``Keyring.revoked``) or on the revocation list."""
    on_crl = {format_serial(e.serial_number): e.revocation_date_utc for e in crl} if crl is not None else {}
    entries = []
    for cert in issued:
        serial = format_serial(cert.serial_number)
        when: dt.datetime | None = None
        if serial in revoked:
            when = dt.datetime.fromisoformat(revoked[serial])
            when = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
        elif serial in on_crl:
            when = on_crl[serial]
        entries.append(SignerEntry.from_certificate(cert, when))
    return entries


def publish_trust_list(out: Path, root_key: ec.EllipticCurvePrivateKey, root_cert: x509.Certificate,
                       issued: Iterable[x509.Certificate], revoked: Mapping[str, str], *,
                       crl: x509.CertificateRevocationList | None = None, now: dt.datetime | None = None,
                       validity: dt.timedelta = DEFAULT_VALIDITY) -> Path:
    """Write headquarters' trust list to ``out`` (readable by others): every certificate issued, with its status.

    :param crl: the revocation list published with it: its number goes in, and its entries count as revoked.
    :param now: the publication moment (default: now); the next list is due ``validity`` later.
    :returns: ``out``.
    """
    when = now if now is not None else dt.datetime.now(dt.UTC)
    data = make_trust_list(root_key, root_cert, entries_from_records(issued, revoked, crl), when, when + validity,
                           crl_number(crl) if crl is not None else None)
    write_atomic(out, data, mode=SHARED)
    return out
