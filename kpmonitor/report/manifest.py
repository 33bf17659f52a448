"""A report's bundle manifest: what its bundle holds, signed with the device key when the report is signed.

The manifest is signed while the key is open for the report (``report.sign``), so exporting a
bundle later needs no passphrase and the manifest can only describe what was signed. It lives
here, below the bundle package, because signing needs it and the layers go one way: ``bundle``
imports ``report``, never the reverse. ``bundle.format`` reads bundles with these same names
and re-exports them; ``manifest_problems`` there checks a manifest's shape.

The entries of a bundle (see ``docs/formats.md``)::

    certs.pem           the signer's certificate, then the chain above it (PEM)
    manifest.json       what the bundle holds: report id, version, supersedes, device and sequence
                        numbers, the audit head, every other file's path, size and SHA-256, and the
                        device's signed checkpoint of its audit log with its proofs (``history``)
    manifest.sig        ECDSA P-256 / SHA-256 signature of manifest.json by the device key (DER, base64)
    photos/<sha>.<ext>  the original photo bytes, named by their SHA-256
    report.pdf          the signed PDF (PAdES), which carries the snapshot and the QR seal text
    snapshot.json       the canonical snapshot the report was made from
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.report import snapshot
from kpmonitor.store.audit import canonical
from kpmonitor.trust import ecdsa, identity

# Format 3: the manifest carries ``history``, the device's signed checkpoint of its audit log and its proofs
# (``history.checkpoint``). Format 2: the report section carries the snapshot's ``id_nonce`` (report ids bound
# to their device). Bundles of formats 2 and 1 are still read; a format-1 snapshot goes with a format-1
# manifest only, as each format's snapshot is its own. A format-3 bundle carries a snapshot of format 3, or of
# format 2 when it was signed before snapshots carried an amendment's reason (its manifest is the same: the
# reason is the snapshot's, which the manifest pins by its SHA-256); so is format 4's record (validation,
# shipment, production…), carried in a format-3 bundle too.
FORMAT = "kpmonitor-bundle/3"
FORMAT_V2 = "kpmonitor-bundle/2"
FORMAT_V1 = "kpmonitor-bundle/1"
FORMATS = (FORMAT, FORMAT_V2, FORMAT_V1)
SNAPSHOT_FORMATS_OF = {FORMAT: (snapshot.FORMAT, snapshot.FORMAT_V3, snapshot.FORMAT_V2),
                       FORMAT_V2: (snapshot.FORMAT_V2,), FORMAT_V1: (snapshot.FORMAT_V1,)}
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SNAPSHOT_NAME = "snapshot.json"
PDF_NAME = "report.pdf"
CERTS_NAME = "certs.pem"
PHOTO_DIR = "photos/"
# Photo formats the vault accepts, and the extension their original gets in a bundle.
PHOTO_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "HEIF": "heic"}


def photo_entry(sha256: str, fmt: str) -> str:
    """The bundle path of a photo's original."""
    return f"{PHOTO_DIR}{sha256}.{PHOTO_EXTENSIONS.get(fmt.upper(), 'jpg')}"


def chain_pem(cert: x509.Certificate, chain: Iterable[x509.Certificate]) -> bytes:
    """``certs.pem``: the signer's certificate first, then the chain above it."""
    return identity.pem(cert, *chain)


def _file_entry(path: str, data: bytes) -> dict[str, Any]:
    return {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def entry_matches(item: Mapping[str, Any], data: bytes | memoryview | None) -> bool:
    """Whether ``data`` is the file a manifest entry lists: its size and its SHA-256 (absent data is not).

    The one check of a file against its signed manifest: export checks the stored files with it, a
    verifier the bundle's.
    """
    return data is not None and len(data) == item["size"] and hashlib.sha256(data).hexdigest() == item["sha256"]


def make_manifest(snap: dict[str, Any], snap_bytes: bytes, pdf: bytes, key: ec.EllipticCurvePrivateKey,
                  cert: x509.Certificate, chain: list[x509.Certificate], *,
                  history: dict[str, Any] | None) -> dict[str, str]:
    """The bundle manifest of a report being signed, signed with the device key.

    Called by ``report.sign`` once the signed PDF exists; returns the columns
    the report row keeps (``manifest``, ``manifest_sig``, ``chain_pem``), so
    that exporting the bundle needs no passphrase. Photos are listed with the
    size and hash the vault recorded; export re-reads and re-hashes them.
    """
    certs = chain_pem(cert, chain)
    files = [_file_entry(SNAPSHOT_NAME, snap_bytes), _file_entry(PDF_NAME, pdf), _file_entry(CERTS_NAME, certs)]
    seen: set[str] = set()
    for photo in snap["inspection"].get("photos") or []:
        sha = str(photo["sha256"])
        if sha in seen:
            continue
        seen.add(sha)
        files.append({"path": photo_entry(sha, str(photo.get("format") or "")), "size": int(photo["size"]),
                      "sha256": sha})
    manifest = {
        "format": FORMAT,
        "report": dict(snap["report"]),
        "snapshot_sha256": hashlib.sha256(snap_bytes).hexdigest(),
        "signer": {"certificate_sha256": identity.fingerprint(cert)},
        "files": sorted(files, key=lambda f: str(f["path"])),
    }
    if history is not None:  # None: a manifest of the formats before checkpoints (tests make those still)
        manifest["history"] = history
    data = canonical(manifest).encode("utf-8")
    signature = ecdsa.sign_der(key, data)  # low-S: the one signature of its manifest
    return {"manifest": data.decode("utf-8"), "manifest_sig": base64.b64encode(signature).decode("ascii"),
            "chain_pem": certs.decode("ascii")}


def signature_valid(cert: x509.Certificate, data: bytes | memoryview, signature_text: bytes | memoryview) -> bool:
    """The manifest signature: canonical base64 of a strict-DER, low-S ECDSA P-256 / SHA-256 signature by ``cert``."""
    text = bytes(signature_text)
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    # Base64 leaves unused bits in its last character that decoding ignores; only one text is accepted.
    if base64.b64encode(der) != text:
        return False
    # Strict DER, and low-S: (r, n − s) verifies too and anyone can make it, so it is refused (``trust.ecdsa``).
    # A format-1 manifest was signed before signing normalised s: either s of it verifies (and its
    # bundle's identity at headquarters stays the hash of the whole file), so its reports still import.
    rs = ecdsa.parse_der(der)
    return rs is not None and ecdsa.verify(cert.public_key(), rs[0], rs[1], bytes(data),
                                           low_s_only=not _is_format_1(data))


def _is_format_1(data: bytes | memoryview) -> bool:
    try:
        manifest = json.loads(bytes(data))
    except ValueError:
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT_V1
