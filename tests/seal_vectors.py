"""Shared QR seal test vectors: the Python verifier and the offline verifier page must say the same of each.

``make_vectors(tmp_dir)`` builds, at test time, a headquarters root, its devices, two trust lists (a current
one and one past its next update) and one seal per case, with every date fixed so the sentences are the same on
every run (keys and ECDSA signatures are random, so texts, serials and key ids differ between runs). Each vector
holds what a verifier is given — the seal's text, the trust list file's bytes, the root certificate, the moment
of verification — and what it must answer: the verdict word and the sentence(s) (docs/qr-seal.md).

The stable API (the browser verifier's tests use it too)::

    make_vectors(tmp_dir: Path) -> list[SealVector]
    SealVector(name, text, trust_list, root_cert_pem, verdict, sentences, at)

``tmp_dir`` also receives ``kp-root.pem``, ``kp-trust-list.json``, ``kp-trust-list-stale.json`` and
``vectors.json`` (the vectors as JSON, trust lists as text), for a test that hands files to a page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import base45
import cbor2
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.trust import identity, qrseal, trustlist

__all__ = ["AT", "SealVector", "make_vectors", "verify_vector"]

UTC = dt.UTC
AT = "2025-06-15T12:00:00Z"  # the moment every vector is verified at
_AT = dt.datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
_ROOT_MADE = dt.datetime(2025, 1, 1, tzinfo=UTC)
_ISSUED = dt.datetime(2025, 1, 10, tzinfo=UTC)
_PUBLISHED = dt.datetime(2025, 6, 1, tzinfo=UTC)
_STALE_PUBLISHED = dt.datetime(2025, 4, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SealVector:
    """One case: what a verifier is given, and what it must say."""

    name: str
    text: str  # the QR's text
    trust_list: bytes  # the kp-trust-list.json file's bytes
    root_cert_pem: bytes  # headquarters' root certificate (the page embeds its SubjectPublicKeyInfo)
    verdict: str  # "genuine" | "unvouched" | "invalid"
    sentences: list[str]  # the verdict's sentence(s), exactly
    at: str  # the moment of verification, ISO 8601 UTC


def _device(root_key: ec.EllipticCurvePrivateKey, root: x509.Certificate, name: str,
            n: int) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = identity.generate_key()
    device = hashlib.sha256(name.encode()).hexdigest()[:32]
    csr = identity.make_csr(key, name, device)
    return key, identity.issue_certificate(root_key, root, csr, 730, now=_ISSUED + dt.timedelta(minutes=n))


def _payload(monitor: str, *, kp2: bool = True, date: str = "2025-06-10", seals: int = 8) -> dict[str, Any]:
    return qrseal.build_payload(
        certificate_number="ZW 004217", carats="1234.56", value_usd="987654.32", parcels=3,
        seals=[f"ZW-C-{n:06d}" for n in range(17, 17 + seals)], verdict="certified", monitor=monitor, date=date,
        report_id="3f2a9c1e5b7d4f60a1c2e3d4b5a69788", report_version=1, audit_seq=412,
        audit_head=hashlib.sha256(b"audit head").hexdigest(), snapshot_sha256=hashlib.sha256(b"snapshot").digest(),
        kp2=kp2, container="MMCZ-BOX-0417" if kp2 else "", validation_number="MMCZ/V/2025/0417" if kp2 else "")


def _altered(text: str, root: x509.Certificate, tl: trustlist.TrustList, sentence: str) -> str:
    """The seal with one character changed, the first from the middle for which the verifier says ``sentence``.

    KP2 is raw deflate, without zlib's Adler-32: a changed character is caught by the layer it breaks — most often
    the deflate stream or the CBOR (the text is damaged), sometimes only the signature (a changed character of a
    seal number, say: the message still reads, and is not the one signed). (A change to the padding bits after the
    final block would leave the message itself, and the seal genuine: such a position is skipped, docs/qr-seal.md.)
    """
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    for step in (7, 1, 20):
        for pos in range(len(text) // 2, len(text)):
            other = alphabet[(alphabet.index(text[pos]) + step) % len(alphabet)]
            altered = text[:pos] + other + text[pos + 1:]
            if qrseal.verify_seal(altered, root, at=_AT, trust_list=tl).sentence == sentence:
                return altered
    raise AssertionError(f"no single-character change was answered “{sentence}”")  # pragma: no cover


def _forged(text: str) -> str:
    """The seal re-packed with one bit of its signature flipped: well-formed, and its signature does not hold."""
    contents = qrseal.decode_seal(text)
    signature = contents.signature[:40] + bytes([contents.signature[40] ^ 1]) + contents.signature[41:]
    message = cbor2.dumps(cbor2.CBORTag(18, [contents.protected, {}, contents.payload_bytes, signature]))
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=qrseal.KP2_ZDICT)  # KP2: raw deflate
    return qrseal.PREFIX_KP2 + base45.b45encode(deflater.compress(message) + deflater.flush()).decode("ascii")


def make_vectors(tmp_dir: Path) -> list[SealVector]:
    """Build every vector (see the module's docstring); files for a browser test go into ``tmp_dir``."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring", now=_ROOT_MADE)
    root_pem = identity.pem(root)
    tendai_key, tendai = _device(root_key, root, "Tendai Moyo", 0)
    chipo_key, chipo = _device(root_key, root, "Chipo Dube", 1)  # revoked on 2025-05-01
    later_key, later = _device(root_key, root, "Farai Sibanda", 2)  # issued, never on these lists
    entries = [trustlist.SignerEntry.from_certificate(tendai),
               trustlist.SignerEntry.from_certificate(chipo, dt.datetime(2025, 5, 1, 9, 30, tzinfo=UTC))]
    current = trustlist.make_trust_list(root_key, root, entries, _PUBLISHED, _PUBLISHED + dt.timedelta(days=30), 7)
    stale = trustlist.make_trust_list(root_key, root, entries[:1], _STALE_PUBLISHED,
                                      _STALE_PUBLISHED + dt.timedelta(days=30), 5)
    tl = trustlist.read_trust_list(current, root)
    self_key = identity.generate_key()
    self_signed = identity.make_self_signed(self_key, "Rudo Chikore", "ab" * 16, now=_ISSUED)

    genuine = qrseal.encode_seal_kp2(_payload("Tendai Moyo"), tendai_key, tendai)
    # The expected sentences are written out here, not taken from the verifier: they are the contract.
    vouched = (f"The seal is genuine: signed by Tendai Moyo (device {identity.certificate_device(tendai)!s:.8}, "
               f"certificate {identity.format_serial(tendai.serial_number)}), whom headquarters' trust list of "
               "2025-06-01 vouches for.")
    forged = "The seal's signature does not match its contents: the seal was forged or altered."
    damaged = "The QR text is not a kpmonitor seal, or it was damaged or altered."
    validity = (f"{trustlist.day(tendai.not_valid_before_utc)} to {trustlist.day(tendai.not_valid_after_utc)}")
    cases: list[tuple[str, str, bytes, str, str]] = [
        ("genuine_kp2", genuine, current, "genuine", vouched),
        ("altered_kp2", _altered(genuine, root, tl, damaged), current, "invalid", damaged),
        ("altered_signed_bytes_kp2", _altered(genuine, root, tl, forged), current, "invalid", forged),
        ("forged_signature_kp2", _forged(genuine), current, "invalid", forged),
        ("revoked_signer_kp2", qrseal.encode_seal_kp2(_payload("Chipo Dube"), chipo_key, chipo), current, "invalid",
         f"The seal's signer, certificate {identity.format_serial(chipo.serial_number)} (Chipo Dube), was revoked "
         "by headquarters on 2025-05-01: the seal is not genuine."),
        ("unknown_signer_kp2", qrseal.encode_seal_kp2(_payload("Farai Sibanda"), later_key, later), current,
         "invalid", "The seal was signed by a key that is not on headquarters' trust list of 2025-06-01: it cannot "
         "be shown genuine. If the report is recent, get the current trust list."),
        ("stale_trust_list_kp2", genuine, stale, "unvouched",
         "The trust list was published on 2025-04-01 and was due to be replaced by 2025-05-01: get the current one "
         "from headquarters."),
        # A KP2 seal names no monitor (its signer is its monitor): the report's name for them is not in it.
        ("other_monitor_name_kp2", qrseal.encode_seal_kp2(_payload("Chipo Dube"), tendai_key, tendai), current,
         "genuine", vouched),
        ("monitor_mismatch_kp1", qrseal.encode_seal(_payload("Chipo Dube", kp2=False), tendai_key, tendai), current,
         "invalid", "The report names its monitor “Chipo Dube”, but the signing certificate is Tendai Moyo's: the "
         "signer is the one the certificate names."),
        # ``dt`` is the inspection's day: a monitor may inspect before the device is enrolled and sign after.
        ("dated_before_validity_kp2", qrseal.encode_seal_kp2(_payload("Tendai Moyo", date="2025-01-02"),
                                                             tendai_key, tendai), current, "genuine", vouched),
        ("date_outside_validity_kp2", qrseal.encode_seal_kp2(_payload("Tendai Moyo", date="2027-02-01"),
                                                             tendai_key, tendai), current, "invalid",
         f"The seal is dated 2027-02-01, outside its signer's certificate validity ({validity}): the seal is not "
         "genuine."),
        ("kp1_self_signed", qrseal.encode_seal(_payload("Rudo Chikore", kp2=False), self_key, self_signed), current,
         "unvouched", "The seal is unaltered, but its signer is not on headquarters' trust list: headquarters "
         "does not vouch for it."),
        ("kp1_hq_issued", qrseal.encode_seal(_payload("Tendai Moyo", kp2=False), tendai_key, tendai), current,
         "genuine", vouched),
    ]
    vectors = [SealVector(name=name, text=text, trust_list=list_bytes, root_cert_pem=root_pem, verdict=verdict,
                          sentences=[sentence], at=AT)
               for name, text, list_bytes, verdict, sentence in cases]
    (tmp_dir / "kp-root.pem").write_bytes(root_pem)
    (tmp_dir / trustlist.FILE_NAME).write_bytes(current)
    (tmp_dir / "kp-trust-list-stale.json").write_bytes(stale)
    (tmp_dir / "vectors.json").write_text(json.dumps(
        [{**asdict(v), "trust_list": v.trust_list.decode("utf-8"), "root_cert_pem": v.root_cert_pem.decode("ascii")}
         for v in vectors], indent=1), encoding="utf-8")
    return vectors


def verify_vector(vector: SealVector) -> qrseal.SealCheck:
    """What the Python verifier says of ``vector`` (given what the page is given: the root and the trust list)."""
    root = identity.load_cert(vector.root_cert_pem)
    tl = trustlist.read_trust_list(vector.trust_list, root)
    at = dt.datetime.strptime(vector.at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return qrseal.verify_seal(vector.text, root, at=at, trust_list=tl)
