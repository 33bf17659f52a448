"""Report bundles: one file per signed report, from the field to headquarters.

A bundle (``*.kpbundle``) is a zip archive holding everything headquarters
needs to know a report is authentic and complete, with nothing else::

    certs.pem           the signer's certificate, then the chain above it (PEM)
    manifest.json       what the bundle holds: report id, version, supersedes, device and sequence
                        numbers, the audit head, and every other file's path, size and SHA-256
    manifest.sig        ECDSA P-256 / SHA-256 signature of manifest.json by the device key (DER, base64)
    photos/<sha>.<ext>  the original photo bytes, named by their SHA-256
    report.pdf          the signed PDF (PAdES), which carries the snapshot and the QR seal text
    snapshot.json       the canonical snapshot the report was made from

The manifest is signed when the report is signed (``make_manifest``, called
from ``reports.sign_inspection`` while the key is open), so exporting later
needs no passphrase and the manifest can only describe what was signed.

Every byte of a bundle is determined by its files: entries sorted by name,
stored uncompressed, with fixed times and attributes and no extra fields or
comments (``write_zip``). Reading insists on exactly that form (``open_bundle``),
so a changed byte anywhere — in a file, a header, the central directory — is
caught: file bytes by their hashes, the rest by the one layout allowed. Nothing
is compressed because deflate leaves padding bits in its last byte that no CRC
or hash covers, and different zlib builds compress the same bytes differently;
the JSON files are a few kilobytes, next to the PDF and the photos.

Reading never extracts to disk: names, links and sizes are checked on the zip
directory before any file is read, and files are read as slices of the bundle
in memory while they are hashed. See ``docs/formats.md``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.domain.inspection import from_document
from kpmonitor.errors import KPError
from kpmonitor.report.snapshot import FORMAT as SNAPSHOT_FORMAT
from kpmonitor.report.snapshot import snapshot_bytes
from kpmonitor.store.audit import canonical
from kpmonitor.trust import identity, pdfsign, qrseal

if TYPE_CHECKING:  # reports imports this module when it signs; the types alone are needed here
    from kpmonitor.report.reports import Verification
    from kpmonitor.workspace import Progress, Workspace

log = logging.getLogger(__name__)

FORMAT = "kpmonitor-bundle/1"
EXTENSION = ".kpbundle"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SNAPSHOT_NAME = "snapshot.json"
PDF_NAME = "report.pdf"
CERTS_NAME = "certs.pem"
PHOTO_DIR = "photos/"
# Photo formats the vault accepts, and the extension their original gets in a bundle.
PHOTO_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "HEIF": "heic"}

_ALLOWED_NAME = re.compile(
    r"(manifest\.json|manifest\.sig|snapshot\.json|report\.pdf|certs\.pem|photos/[0-9a-f]{64}\.(jpg|png|heic))\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_HEX32 = re.compile(r"[0-9a-f]{32}\Z")

# The snapshot and the PDF are attached to the PDF under these names (reports.py).
PDF_SNAPSHOT_ATTACHMENT = "snapshot.json"
PDF_SEAL_ATTACHMENT = "qr-seal.txt"


class BundleError(KPError):
    """A bundle cannot be written or is refused; the message names the reason (and the entry)."""


@dataclass(frozen=True)
class Limits:
    """What headquarters accepts before reading any file of a bundle (zip bombs, runaway archives)."""

    max_file_bytes: int = 1 << 30  # the bundle file itself
    max_expanded_bytes: int = 1 << 30  # the sum of the sizes its entries declare
    max_ratio: int = 100  # declared size ÷ stored size of one entry
    max_entries: int = 10_000


LIMITS = Limits()


# ------------------------------------------------------------------------------ the zip layout

# Zip structures (APPNOTE 4.3.7, 4.3.12, 4.3.16), little-endian, and the one value each field may take.
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: stored files, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix, so that the mode bits below mean what they say
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00, the earliest zip time: no clock leaks
_ATTRIBUTES = (stat.S_IFREG | 0o644) << 16  # a regular file, rw-r--r--
_MAX_ZIP32 = 0xFFFFFFFF


def _local_header(name: bytes, crc: int, size: int) -> bytes:
    return _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE, crc, size, size,
                       len(name), 0) + name


def _central_header(name: bytes, crc: int, size: int, offset: int) -> bytes:
    return _CENTRAL.pack(_CENTRAL_SIG, _MADE_BY, _VERSION, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE, crc,
                         size, size, len(name), 0, 0, 0, 0, _ATTRIBUTES, offset) + name


def _end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return _END.pack(_END_SIG, 0, 0, count, count, cd_size, cd_offset, 0)


class _Sink(Protocol):
    def write(self, data: bytes | memoryview, /) -> int: ...


def _write_zip_to(fh: _Sink, entries: Mapping[str, bytes | memoryview]) -> int:
    """Write the canonical zip of ``entries`` to ``fh``; returns the number of bytes written."""
    names = sorted(entries)
    if len(names) > 0xFFFF:
        raise BundleError("A bundle holds at most 65,535 files.")
    pos = 0
    central: list[bytes] = []
    for name in names:
        raw = name.encode("ascii")
        data = entries[name]
        size = len(data)
        if size > _MAX_ZIP32 or pos > _MAX_ZIP32:
            raise BundleError("The report is too large for a bundle (over 4 GB).")
        crc = zlib.crc32(data)
        header = _local_header(raw, crc, size)
        fh.write(header)
        fh.write(data)
        central.append(_central_header(raw, crc, size, pos))
        pos += len(header) + size
    cd = b"".join(central)
    fh.write(cd)
    end = _end_record(len(names), len(cd), pos)
    fh.write(end)
    return pos + len(cd) + len(end)


def write_zip(entries: Mapping[str, bytes | memoryview]) -> bytes:
    """The canonical bundle zip of ``entries`` (name → bytes): a pure function of its files."""
    buf = io.BytesIO()
    _write_zip_to(buf, entries)
    return buf.getvalue()


def _show(name: str) -> str:
    """An entry name as a sentence can show it: quoted, control characters escaped, not too long."""
    text = name.encode("unicode_escape").decode("ascii")
    return "“" + (text if len(text) <= 120 else text[:117] + "…") + "”"


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n:,} bytes"


def _name_problem(name: str) -> str | None:
    """A sentence when an entry's name could write outside a folder it were extracted to."""
    shown = _show(name)
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return f"The bundle holds an entry whose name has control characters, {shown}; it was refused."
    if "\\" in name:
        return (f"The bundle holds an entry with a backslash in its name, {shown}: on Windows that is a path, "
                "so it was refused.")
    if name.startswith("/"):
        return f"The bundle holds an entry with an absolute path, {shown}; it was refused."
    if re.match(r"[A-Za-z]:", name):
        return f"The bundle holds an entry with a drive letter, {shown}; it was refused."
    if ".." in name.split("/"):
        return f"The bundle holds an entry that climbs out of the archive with “..”, {shown}; it was refused."
    return None


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    # Unix symlink mode bits, or the Windows reparse-point attribute (junctions and links).
    return stat.S_ISLNK(mode) or bool(info.external_attr & 0x400)


def _first_difference(actual: bytes | memoryview, expected: bytes) -> int:
    a = bytes(actual)
    for i, (x, y) in enumerate(zip(a, expected, strict=False)):
        if x != y:
            return i
    return min(len(a), len(expected))


def _layout_error(offset: int) -> BundleError:
    return BundleError(f"The bundle's zip structure was altered or repacked by another program (it differs from "
                       f"what kpmonitor writes at byte {offset:,}); it was refused.")


def open_bundle(data: bytes, limits: Limits = LIMITS) -> dict[str, memoryview]:
    """Check a bundle's archive and return its files (name → bytes, slices of ``data``).

    Everything is decided on the zip directory before a single file is read:
    names (no absolute path, ``..``, backslash, drive letter, control
    character or duplicate; only the names a bundle holds), no links, the
    declared sizes and compression ratios against ``limits``. Then the
    archive must be byte for byte the one ``write_zip`` makes of these files.

    :raises BundleError: with a sentence naming the entry at fault.
    """
    if len(data) > limits.max_file_bytes:
        raise BundleError(f"The file is {_size(len(data))}, more than a bundle may be "
                          f"({_size(limits.max_file_bytes)}).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error,
            UnicodeDecodeError, NotImplementedError) as exc:
        log.debug("not a zip: %s", exc)
        raise BundleError("The file is not a complete bundle: it is truncated, damaged or not a zip archive.") from exc
    if not infos:
        raise BundleError("The bundle is empty.")
    if len(infos) > limits.max_entries:
        raise BundleError(f"The bundle holds {len(infos):,} entries, more than the {limits.max_entries:,} allowed.")
    seen: set[str] = set()
    for info in infos:
        name = info.orig_filename
        problem = _name_problem(name)
        if problem:
            raise BundleError(problem)
        if name in seen:
            raise BundleError(f"The bundle holds two entries named {_show(name)}: one could hide the other, so it "
                              "was refused.")
        seen.add(name)
        if _is_link(info):
            raise BundleError(f"The bundle holds a link, {_show(name)}: a link could point outside the archive, so "
                              "it was refused.")
    total = sum(info.file_size for info in infos)
    if total > limits.max_expanded_bytes:
        raise BundleError(f"The bundle would expand to {_size(total)}, more than the "
                          f"{_size(limits.max_expanded_bytes)} allowed: it looks like a zip bomb and was refused.")
    for info in infos:
        if info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise BundleError(f"Entry {_show(info.orig_filename)} would expand {ratio:,} times (to "
                              f"{_size(info.file_size)}), past the {limits.max_ratio}× limit: it looks like a zip "
                              "bomb and was refused.")
    for info in infos:
        name = info.orig_filename
        if info.is_dir() or not _ALLOWED_NAME.match(name):
            raise BundleError(f"The bundle holds {_show(name)}, which is not part of a kpmonitor bundle; it was "
                              "refused.")
        if info.flag_bits & 0x1:
            raise BundleError(f"Entry {_show(name)} is encrypted; kpmonitor bundles never are.")
        if info.compress_type != zipfile.ZIP_STORED:
            raise BundleError(f"Entry {_show(name)} is compressed, but kpmonitor writes bundles uncompressed: the "
                              "bundle was repacked by another program. Export it again from kpmonitor.")
    return _canonical_entries(data, [info.orig_filename for info in infos],
                              [info.file_size for info in infos])


def _canonical_entries(data: bytes, names: list[str], sizes: list[int]) -> dict[str, memoryview]:
    """Walk the archive as ``write_zip`` lays it out; every header byte must be the one it writes."""
    if names != sorted(names):
        raise BundleError("The bundle's files are not in the order kpmonitor writes them: it was repacked by "
                          "another program; it was refused.")
    view = memoryview(data)
    files: dict[str, memoryview] = {}
    central: list[bytes] = []
    pos = 0
    for name, size in zip(names, sizes, strict=True):
        raw = name.encode("ascii")
        start = pos + _LOCAL.size + len(raw)
        end = start + size
        if end > len(data):
            raise BundleError(f"The bundle is truncated: entry {_show(name)} runs past the end of the file.")
        body = view[start:end]
        crc = zlib.crc32(body)
        header = _local_header(raw, crc, size)
        if view[pos:start] != header:
            raise _layout_error(pos + _first_difference(view[pos:start], header))
        central.append(_central_header(raw, crc, size, pos))
        files[name] = body
        pos = end
    expected = b"".join(central) + _end_record(len(names), sum(map(len, central)), pos)
    if view[pos:] != expected:
        raise _layout_error(pos + _first_difference(view[pos:], expected))
    return files


# ------------------------------------------------------------------------------------ manifest


def photo_entry(sha256: str, fmt: str) -> str:
    """The bundle path of a photo's original."""
    return f"{PHOTO_DIR}{sha256}.{PHOTO_EXTENSIONS.get(fmt.upper(), 'jpg')}"


def _looks_like(fmt: str, data: bytes | memoryview) -> bool:
    """Whether a photo's first bytes are those of its format (the field's vault decoded it in full)."""
    head = bytes(data[:12])
    if fmt.upper() == "JPEG":
        return head.startswith(b"\xff\xd8\xff")
    if fmt.upper() == "PNG":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if fmt.upper() == "HEIF":
        return head[4:8] == b"ftyp"
    return False


def _file_entry(path: str, data: bytes) -> dict[str, Any]:
    return {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def chain_pem(cert: x509.Certificate, chain: Iterable[x509.Certificate]) -> bytes:
    """``certs.pem``: the signer's certificate first, then the chain above it."""
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (cert, *chain))


def make_manifest(snap: dict[str, Any], snap_bytes: bytes, pdf: bytes, key: ec.EllipticCurvePrivateKey,
                  cert: x509.Certificate, chain: list[x509.Certificate]) -> dict[str, str]:
    """The bundle manifest of a report being signed, signed with the device key.

    Called by ``reports.sign_inspection`` once the signed PDF exists; returns
    the columns the report row keeps (``manifest``, ``manifest_sig``,
    ``chain_pem``), so that ``export_bundle`` needs no passphrase. Photos are
    listed with the size and hash the vault recorded; export re-reads and
    re-hashes them.
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
    data = canonical(manifest).encode("utf-8")
    signature = key.sign(data, ec.ECDSA(hashes.SHA256()))
    return {"manifest": data.decode("utf-8"), "manifest_sig": base64.b64encode(signature).decode("ascii"),
            "chain_pem": certs.decode("ascii")}


def _signature_valid(cert: x509.Certificate, data: bytes | memoryview, signature_text: bytes | memoryview) -> bool:
    """The manifest signature: canonical base64 of a DER ECDSA P-256 / SHA-256 signature by ``cert``."""
    text = bytes(signature_text)
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    # Base64 leaves unused bits in its last character that decoding ignores; only one text is accepted.
    if base64.b64encode(der) != text:
        return False
    public_key = cert.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or not isinstance(public_key.curve, ec.SECP256R1):
        return False
    try:
        public_key.verify(der, bytes(data), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


# -------------------------------------------------------------------------------------- export


def bundle_file_name(row: Mapping[str, Any]) -> str:
    """``KP-report-<certificate>-v<version>-<id>.kpbundle``: beside the PDF of the same name."""
    cert_number = json.loads(row["snapshot"])["inspection"]["certificate"]["number"]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in cert_number).strip("-") or "report"
    return f"KP-report-{safe}-v{row['version']}-{row['id'][:8]}{EXTENSION}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable enough with the file fsynced
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, write: Callable[[Any], object]) -> None:
    """Write through ``write(fh)`` to ``<path>.part``, fsync, then rename over ``path``.

    A full disk or a stick pulled mid-write leaves at most a ``.part`` file,
    never a file with the final name that looks complete.
    """
    created = not path.parent.is_dir()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    if created:  # the new folder's own entry must be on disk too
        _fsync_dir(path.parent.parent)


def bundle_entries(ws: Workspace, row: Mapping[str, Any]) -> dict[str, bytes]:
    """The files of a report's bundle, each checked against its signed manifest.

    :raises BundleError: when the report predates bundles, or a stored file
        (the PDF, a photo original) no longer matches what was signed.
    """
    from kpmonitor.report.reports import pdf_path

    short = str(row["id"])[:8]
    if not row.get("manifest") or not row.get("manifest_sig") or not row.get("chain_pem"):
        raise BundleError(f"Report {short} was signed before bundles existed, so it has no signed manifest; send "
                          "its PDF instead, or amend and sign it again.")
    manifest_bytes = str(row["manifest"]).encode("utf-8")
    certs = str(row["chain_pem"]).encode("ascii")
    leaf = identity.load_certs(certs)[0]
    if not _signature_valid(leaf, manifest_bytes, str(row["manifest_sig"]).encode("ascii")):
        raise BundleError(f"The stored manifest of report {short} no longer matches its signature; it was altered "
                          "on this disk.")
    manifest = json.loads(manifest_bytes)
    entries: dict[str, bytes] = {MANIFEST_NAME: manifest_bytes,
                                 SIGNATURE_NAME: str(row["manifest_sig"]).encode("ascii"),
                                 SNAPSHOT_NAME: str(row["snapshot"]).encode("utf-8"), CERTS_NAME: certs}
    try:
        entries[PDF_NAME] = pdf_path(ws, str(row["id"])).read_bytes()
    except OSError as exc:
        raise BundleError(f"The signed PDF of report {short} cannot be read ({exc.strerror or exc}).") from exc
    for item in manifest["files"]:
        path = str(item["path"])
        if path.startswith(PHOTO_DIR):
            # read_original re-hashes: damaged evidence is never exported.
            entries[path] = ws.vault.read_original(str(item["sha256"]))
        data = entries.get(path)
        if data is None or len(data) != item["size"] or hashlib.sha256(data).hexdigest() != item["sha256"]:
            what = "signed PDF" if path == PDF_NAME else path
            raise BundleError(f"The stored {what} of report {short} no longer matches what was signed; it was "
                              "altered on this disk.")
    return entries


def export_bundle(ws: Workspace, report_id: str, out_dir: Path) -> Path:
    """Write a signed report's bundle into ``out_dir``; returns its path.

    The bytes are a pure function of the report, so exporting again writes the
    same file. The export is remembered (``unsent_reports``).

    :raises BundleError: when a stored file no longer matches what was signed.
    """
    row = ws.store.report(report_id)
    entries = bundle_entries(ws, row)
    target = Path(out_dir) / bundle_file_name(row)
    digest = hashlib.sha256()

    class _Hashing:
        """Hashes what it passes on: the bundle's SHA-256 without reading the file back."""

        def __init__(self, fh: _Sink) -> None:
            self.fh = fh

        def write(self, data: bytes | memoryview, /) -> int:
            digest.update(data)
            return self.fh.write(data)

    try:
        write_atomic(target, lambda fh: _write_zip_to(_Hashing(fh), entries))
    except OSError as exc:
        raise BundleError(f"The bundle could not be written to {target.parent} ({exc.strerror or exc}); nothing "
                          "was left half-written.") from exc
    with ws.store.conn:
        ws.store.conn.execute(
            "INSERT INTO bundle_exports (report_id, bundle_sha256, file_name, exported_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(report_id) DO UPDATE SET bundle_sha256 = excluded.bundle_sha256, "
            "file_name = excluded.file_name, exported_at = excluded.exported_at",
            [row["id"], digest.hexdigest(), target.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])
    return target


def unsent_reports(ws: Workspace) -> list[str]:
    """Ids of signed reports whose bundle was never exported, oldest first."""
    return [str(r[0]) for r in ws.store.conn.execute(
        "SELECT id FROM reports WHERE manifest IS NOT NULL AND id NOT IN (SELECT report_id FROM bundle_exports) "
        "ORDER BY device_seq")]


def export_unsent(ws: Workspace, out_dir: Path, *, progress: Progress | None = None) -> list[Path]:
    """Export the PDF and bundle of every report not exported yet; returns the files written.

    :param progress: ``progress(done, total, text)``; returning False stops
        before the next report (those written stay written and remembered).
    """
    from kpmonitor.report.reports import export_pdf

    ids = unsent_reports(ws)
    written: list[Path] = []
    for i, report_id in enumerate(ids):
        if progress is not None and progress(i, len(ids), report_id[:8]) is False:
            return written
        written.append(export_pdf(ws, report_id, out_dir))
        written.append(export_bundle(ws, report_id, out_dir))
    if progress is not None:
        progress(len(ids), len(ids), "")
    return written


# -------------------------------------------------------------------------------- verification


def _strict_json(data: bytes | memoryview) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    return json.loads(bytes(data).decode("utf-8"), parse_constant=no_constants)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _moment(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _report_problems(report: Any, where: str) -> list[str]:
    """The ``report`` block shared by the manifest and the snapshot."""
    if not isinstance(report, dict):
        return [f"{where} has no report section."]
    out: list[str] = []
    if not (isinstance(report.get("id"), str) and _HEX32.match(report["id"])):
        out.append(f"{where}: the report id is not a kpmonitor id.")
    if not (_is_int(report.get("version")) and report["version"] >= 1):
        out.append(f"{where}: the report version is not a number from 1.")
    sup = report.get("supersedes")
    if sup is not None and not (isinstance(sup, str) and _HEX32.match(sup)):
        out.append(f"{where}: the superseded report's id is not a kpmonitor id.")
    if (sup is None) != (report.get("version") == 1):
        out.append(f"{where}: only version 1 of a report supersedes nothing.")
    sv = report.get("supersedes_version")
    if sv is not None and not _is_int(sv):
        out.append(f"{where}: the superseded version is not a number.")
    if _moment(report.get("signed_at")) is None:
        out.append(f"{where}: the signing time is not a time with its time zone.")
    if not (isinstance(report.get("device_id"), str) and report["device_id"]):
        out.append(f"{where}: the device id is missing.")
    if not (_is_int(report.get("device_seq")) and report["device_seq"] >= 1):
        out.append(f"{where}: the device's report number is not a number from 1.")
    audit = report.get("audit")
    if not (isinstance(audit, dict) and _is_int(audit.get("seq")) and audit["seq"] >= 0
            and isinstance(audit.get("head"), str) and _HEX64.match(audit["head"])):
        out.append(f"{where}: the audit chain's sequence and head are missing or malformed.")
    return out


def manifest_problems(manifest: Any) -> list[str]:
    """What is wrong with a parsed manifest's shape, as sentences (empty: well-formed)."""
    if not isinstance(manifest, dict):
        return ["The manifest is not a JSON object."]
    out = _report_problems(manifest.get("report"), "The manifest")
    if not (isinstance(manifest.get("snapshot_sha256"), str) and _HEX64.match(manifest["snapshot_sha256"])):
        out.append("The manifest does not give the snapshot's SHA-256.")
    signer = manifest.get("signer")
    if not (isinstance(signer, dict) and isinstance(signer.get("certificate_sha256"), str)
            and _HEX64.match(signer["certificate_sha256"])):
        out.append("The manifest does not name the signer's certificate.")
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        out.append("The manifest lists no files.")
        return out
    paths: list[str] = []
    for item in files:
        if not (isinstance(item, dict) and isinstance(item.get("path"), str) and _is_int(item.get("size"))
                and item["size"] >= 0 and isinstance(item.get("sha256"), str) and _HEX64.match(item["sha256"])):
            out.append("The manifest lists a file without a path, size and SHA-256.")
            return out
        if not _ALLOWED_NAME.match(item["path"]) or item["path"] in (MANIFEST_NAME, SIGNATURE_NAME):
            out.append(f"The manifest lists {_show(item['path'])}, which is not part of a kpmonitor bundle.")
        paths.append(item["path"])
    if len(set(paths)) != len(paths):
        out.append("The manifest lists a file twice.")
    return out


_SNAPSHOT_SECTIONS = ("report", "monitor", "inspection", "totals", "warnings")


def _text_or_none(d: dict[str, Any], key: str) -> bool:
    return key in d and (d[key] is None or isinstance(d[key], str))


def snapshot_problems(snap: Any) -> list[str]:
    """What is wrong with a parsed snapshot's shape, as sentences (empty: it follows the schema)."""
    if not isinstance(snap, dict):
        return ["The snapshot is not a JSON object."]
    if snap.get("format") != SNAPSHOT_FORMAT:
        return [f"The snapshot is of format {str(snap.get('format'))[:40]!r}; this kpmonitor reads "
                f"{SNAPSHOT_FORMAT}."]
    missing = [k for k in _SNAPSHOT_SECTIONS if k not in snap]
    if missing:
        return [f"The snapshot has no {', '.join(missing)} section."]
    out = _report_problems(snap["report"], "The snapshot")
    monitor = snap["monitor"]
    if not (isinstance(monitor, dict) and isinstance(monitor.get("name"), str)
            and all(isinstance(monitor.get(k), str) for k in ("certificate_serial", "certificate_issuer",
                                                                "certificate_subject"))
            and isinstance(monitor.get("self_signed"), bool)):
        out.append("The snapshot's monitor section is malformed.")
    insp = snap["inspection"]
    if not isinstance(insp, dict):
        return [*out, "The snapshot's inspection is not an object."]
    _parsed, parse_problems = from_document(insp)
    out += [f"The snapshot's inspection: {path} {message}" for path, message in parse_problems[:3]]
    # What the seal, the summaries and headquarters' tables read must be there, each of its type.
    cert = insp.get("certificate")
    if not (isinstance(cert, dict) and isinstance(cert.get("number"), str)
            and all(isinstance(cert.get(role), dict) and isinstance(cert[role].get("name"), str)
                    for role in ("exporter", "importer"))
            and all(_text_or_none(cert, k) for k in ("carats", "value_usd", "origin", "destination", "provenance"))):
        out.append("The snapshot's certificate section is malformed.")
    if not (isinstance(insp.get("site"), str) and _text_or_none(insp, "inspected_at")
            and _text_or_none(insp, "verdict")):
        out.append("The snapshot's site, time or verdict is malformed.")
    for key, kind in (("parcels", list), ("seals", list), ("findings", list), ("photos", list),
                      ("acknowledgements", list)):
        if not isinstance(insp.get(key), kind):
            out.append(f"The snapshot's inspection has no {key} list.")
    for photo in insp["photos"] if isinstance(insp.get("photos"), list) else []:
        if not (isinstance(photo, dict) and isinstance(photo.get("sha256"), str) and _HEX64.match(photo["sha256"])
                and _is_int(photo.get("size")) and isinstance(photo.get("format"), str)):
            out.append("The snapshot lists a photo without its SHA-256, size and format.")
            break
    for seal in insp["seals"] if isinstance(insp.get("seals"), list) else []:
        if not (isinstance(seal, dict) and isinstance(seal.get("number"), str)):
            out.append("The snapshot lists a seal without a number.")
            break
    if not isinstance(snap["totals"], dict):
        out.append("The snapshot's totals are malformed.")
    warnings = snap["warnings"]
    if not (isinstance(warnings, list) and all(
            isinstance(w, dict) and all(isinstance(w.get(k), str) for k in ("code", "field", "message", "note"))
            for w in warnings)):
        out.append("The snapshot's acknowledged warnings are malformed.")
    return out


@dataclass
class VerifiedBundle:
    """A bundle read and checked: every check, and its parts for an import."""

    verification: Verification
    bundle_sha256: str
    manifest: dict[str, Any] = field(default_factory=dict)
    manifest_bytes: bytes = b""
    manifest_sig: str = ""
    manifest_sha256: str = ""
    snapshot: dict[str, Any] = field(default_factory=dict)
    snapshot_bytes: bytes = b""
    pdf: memoryview | bytes = b""
    photos: dict[str, memoryview] = field(default_factory=dict)  # sha256 → original bytes
    certs_pem: str = ""
    signer: x509.Certificate | None = None

    @property
    def ok(self) -> bool:
        return bool(self.verification.ok)

    @property
    def refusal(self) -> str:
        """The first failed check's sentence."""
        failed = [c for c in self.verification.checks if not c.ok]
        return str(failed[0].detail) if failed else ""

    @property
    def manifest_pdf_sha256(self) -> str:
        """The signed PDF's SHA-256 as the manifest lists it."""
        for item in self.manifest.get("files") or []:
            if isinstance(item, dict) and item.get("path") == PDF_NAME:
                return str(item.get("sha256"))
        return ""

    @property
    def report_id(self) -> str:
        report = self.manifest.get("report") if isinstance(self.manifest, dict) else None
        return str(report.get("id") or "") if isinstance(report, dict) else ""


def verify_bundle(data: bytes, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                  limits: Limits = LIMITS, stop_early: bool = False, bundle_sha256: str | None = None,
                  now: dt.datetime | None = None) -> VerifiedBundle:
    """Check a bundle completely, against headquarters' ``root`` and revocation list ``crl``.

    The archive's form is checked first (``open_bundle``: names, links, zip
    bombs, layout) and a refusal there raises. Then, each a check of the
    returned verification: the manifest's signature, the signer's chain to
    ``root`` and its revocation, every file's size and hash and that the
    manifest lists exactly the files present, the snapshot's schema and its
    agreement with the manifest and the certificate, the photos, the PDF's
    signature and the snapshot it carries, and the QR seal it carries.
    Certificates are judged at the signing time the manifest states, so a
    report signed shortly before a certificate expired still imports;
    revocation is honoured whatever the time.

    :param stop_early: stop at the first failed check (an import needs only one reason).
    :raises BundleError: when the archive itself is refused.
    """
    from kpmonitor.report.reports import Verification, report_summary, seal_payload

    sha = bundle_sha256 or hashlib.sha256(data).hexdigest()
    v = Verification("bundle")
    result = VerifiedBundle(v, sha)
    files = open_bundle(data, limits)

    def failed(name: str, detail: str) -> bool:
        v.add(name, False, detail)
        return stop_early

    # The manifest, and who signed it.
    if MANIFEST_NAME not in files or SIGNATURE_NAME not in files:
        raise BundleError("The bundle has no signed manifest (manifest.json and manifest.sig); it is not a "
                          "kpmonitor bundle.")
    manifest_view = files[MANIFEST_NAME]
    try:
        manifest = _strict_json(manifest_view)
        if canonical(manifest).encode("utf-8") != manifest_view:
            raise ValueError("not canonical")
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError("The bundle's manifest is damaged: it is not the JSON kpmonitor writes.") from exc
    if isinstance(manifest, dict) and manifest.get("format") != FORMAT:
        raise BundleError(f"The bundle is of format {str(manifest.get('format'))[:40]!r}; this kpmonitor reads "
                          f"{FORMAT}. Update kpmonitor.")
    shape = manifest_problems(manifest)
    if shape:
        raise BundleError(shape[0])
    result.manifest = manifest
    result.manifest_bytes = bytes(manifest_view)
    result.manifest_sha256 = hashlib.sha256(manifest_view).hexdigest()
    result.manifest_sig = bytes(files[SIGNATURE_NAME]).decode("ascii", "replace")
    report = manifest["report"]

    certs: list[x509.Certificate] = []
    if CERTS_NAME in files:
        try:
            certs = identity.load_certs(bytes(files[CERTS_NAME]))
        except (KPError, ValueError):
            certs = []
    leaf = next((c for c in certs if identity.fingerprint(c) == manifest["signer"]["certificate_sha256"]), None)
    if leaf is None:
        if failed("manifest signature", "The certificate that signed the manifest is not in the bundle: certs.pem "
                  "was altered, replaced or removed."):
            return result
    else:
        result.signer = leaf
        result.certs_pem = bytes(files[CERTS_NAME]).decode("ascii", "replace")
        v.signer = identity.certificate_summary(leaf)
        if _signature_valid(leaf, manifest_view, files[SIGNATURE_NAME]):
            v.add("manifest signature", True, "The manifest is signed by the monitor's device key.")
        elif failed("manifest signature", "The manifest's signature does not match it: the manifest was altered "
                    "or the signature damaged."):
            return result

    signed_at = _moment(report["signed_at"])
    assert signed_at is not None  # manifest_problems checked it
    moment = now or dt.datetime.now(dt.UTC)
    if signed_at > moment + dt.timedelta(days=1) and failed(
            "signing time", f"The report claims to be signed on {report['signed_at'][:16]}, in the future: the "
            "device's clock is wrong or the report is forged."):
        return result
    if leaf is not None:
        if root is None:
            if failed("issued by headquarters", "No headquarters root certificate is installed in this home."):
                return result
        else:
            try:
                chain = identity.check_chain(leaf, [c for c in certs if c is not leaf], root, crl, signed_at)
            except Exception:  # a hostile certificate can break parsing of its extensions
                log.debug("chain check failed", exc_info=True)
                chain = None
            if chain is None:
                if failed("issued by headquarters", "The signing certificate in the bundle cannot be read."):
                    return result
            else:
                issued = [p for p in chain.problems if "revoked" not in p]
                if chain.issued_by_hq and not chain.expired and not issued:
                    v.add("issued by headquarters", True, "The signing certificate chains to headquarters' root.")
                elif failed("issued by headquarters", " ".join(issued) or "The signing certificate was not issued "
                            "by headquarters."):
                    return result
                if crl is None:
                    v.warnings.append("Revocation was not checked: this home has no revocation list.")
                elif chain.revoked:
                    if failed("not revoked", " ".join(p for p in chain.problems if "revoked" in p)):
                        return result
                else:
                    v.add("not revoked", True, "Not on headquarters' revocation list.")
                v.warnings += chain.warnings

    # Every file present is listed, every listed file is present, with its size and hash.
    listed = {str(item["path"]): item for item in manifest["files"]}
    present = set(files) - {MANIFEST_NAME, SIGNATURE_NAME}
    extra = sorted(present - set(listed))
    missing = sorted(set(listed) - present)
    wrong = [path for path in sorted(set(listed) & present)
             if len(files[path]) != listed[path]["size"]
             or hashlib.sha256(files[path]).hexdigest() != listed[path]["sha256"]]
    if extra:
        if failed("files match the manifest", f"The bundle holds {_show(extra[0])}, which its manifest does not "
                  "list: a file was added."):
            return result
    elif missing:
        if failed("files match the manifest", f"The manifest lists {_show(missing[0])}, which is missing from the "
                  "bundle."):
            return result
    elif wrong:
        path = wrong[0]
        size, signed_size = len(files[path]), listed[path]["size"]
        detail = (f"{path} is {size:,} bytes, not the {signed_size:,} the signed manifest lists: it was truncated, "
                  "padded or replaced." if size != signed_size else
                  f"{path} was altered: it does not match its SHA-256 in the signed manifest.")
        if failed("files match the manifest", detail):
            return result
    else:
        v.add("files match the manifest", True, f"All {len(listed)} files are present, listed and unaltered.")

    # The snapshot: its hash, its schema, and that it tells the manifest's story.
    snap: Any = None
    snap_view = files.get(SNAPSHOT_NAME)
    if snap_view is None or listed.get(SNAPSHOT_NAME, {}).get("sha256") != manifest["snapshot_sha256"]:
        if failed("snapshot schema", "The bundle's snapshot is not the one its manifest names."):
            return result
    else:
        try:
            snap = _strict_json(snap_view)
            if snapshot_bytes(snap) != snap_view:
                raise ValueError("not canonical")
            problems = snapshot_problems(snap)
        except (ValueError, UnicodeDecodeError):
            problems = ["The snapshot is not the canonical JSON kpmonitor writes."]
        if problems:
            snap = None
            if failed("snapshot schema", problems[0]):
                return result
        else:
            v.add("snapshot schema", True, f"The snapshot follows {SNAPSHOT_FORMAT}.")
            result.snapshot = snap
            result.snapshot_bytes = bytes(snap_view)
            v.summary = report_summary(snap)
            v.summary["snapshot_sha256"] = manifest["snapshot_sha256"]
    if snap is not None:
        differing = [k for k in ("id", "version", "supersedes", "supersedes_version", "signed_at", "device_id",
                                 "device_seq", "audit") if snap["report"].get(k) != report.get(k)]
        if leaf is not None:
            summary = identity.certificate_summary(leaf)
            if snap["monitor"]["certificate_serial"] != summary["serial"]:
                differing.append("the signer's certificate")
            if summary["device_id"] and summary["device_id"] != report["device_id"]:
                differing.append("the device (the certificate was issued to another device)")
        if not differing:
            v.add("snapshot matches the manifest", True, "The snapshot and the manifest describe the same report, "
                  "device and audit head.")
        elif failed("snapshot matches the manifest", "The snapshot and the manifest disagree on: "
                    + ", ".join(d.replace("_", " ") for d in differing) + "."):
            return result

        # Photos: exactly the snapshot's, each stored under its own hash.
        wanted = {str(p["sha256"]): str(p["format"]) for p in snap["inspection"]["photos"]}
        photos = {name[len(PHOTO_DIR):].split(".")[0]: (name, files[name]) for name in files
                  if name.startswith(PHOTO_DIR)}
        lacking = sorted(set(wanted) - set(photos))
        unknown = sorted(set(photos) - set(wanted))
        misnamed = [sha for sha, (name, data) in photos.items()
                    if sha in wanted and (name != photo_entry(sha, wanted[sha])
                                          or listed.get(name, {}).get("sha256") != sha)]
        sizes = {str(p["sha256"]): p["size"] for p in snap["inspection"]["photos"]}
        not_images = [sha for sha, (_name, data) in photos.items()
                      if sha in wanted and (not _looks_like(wanted[sha], data) or sizes[sha] != len(data))]
        if lacking:
            if failed("photos match the snapshot", f"Photo {lacking[0][:12]} of the report is missing from the "
                      "bundle."):
                return result
        elif unknown:
            if failed("photos match the snapshot", f"The bundle holds photo {unknown[0][:12]}, which the report "
                      "does not list."):
                return result
        elif misnamed:
            if failed("photos match the snapshot", f"Photo {misnamed[0][:12]} is stored under a name that is not "
                      "its own hash."):
                return result
        elif not_images:
            sha = not_images[0]
            if failed("photos match the snapshot", f"Photo {sha[:12]} is not the {wanted[sha]} image of "
                      f"{sizes[sha]:,} bytes the report describes."):
                return result
        else:
            v.add("photos match the snapshot", True, "The report has no photos." if not wanted else
                  f"The report's {len(wanted)} photo{'s are' if len(wanted) != 1 else ' is'} here, unaltered.")
            result.photos = {sha: data for sha, (_name, data) in photos.items()}

    # The PDF: its signature, its signer, and the snapshot and seal it carries.
    pdf_view = files.get(PDF_NAME)
    if pdf_view is None:
        failed("PDF signature", "The bundle has no report PDF.")
        return result
    pdf = bytes(pdf_view)
    result.pdf = pdf
    check = pdfsign.verify_pdf(pdf, root, crl, signed_at)
    pdf_intact = check.intact and check.signature_valid and check.covers_whole_file and check.certified_no_changes
    # Trust was judged above on the manifest's certificate; here only the PDF's own problems count.
    own = [p for p in check.problems if check.chain is None or p not in check.chain.problems]
    if not pdf_intact or own or check.signer_cert is None:
        if failed("PDF signature", own[0] if own else "The PDF's signature is not valid."):
            return result
    elif leaf is not None and check.signer_cert.public_bytes(serialization.Encoding.DER) != leaf.public_bytes(
            serialization.Encoding.DER):
        if failed("PDF signature", "The PDF was signed with another certificate than the manifest."):
            return result
    else:
        v.add("PDF signature", True, "The PDF's certification signature is intact, covers the whole file and "
              "was made by the same certificate.")
    if snap is None:
        return result
    from kpmonitor.report.reports import embedded_files

    attached = embedded_files(pdf)
    if attached.get(PDF_SNAPSHOT_ATTACHMENT) != result.snapshot_bytes:
        if failed("PDF carries the snapshot", "The snapshot attached to the signed PDF is not the bundle's "
                  "snapshot."):
            return result
    else:
        v.add("PDF carries the snapshot", True, "The signed PDF carries exactly this snapshot.")
    # The seal text attached to the PDF is the text the page's QR code was drawn from, under the same
    # signature; `kpmonitor verify` on the PDF also scans the printed code. Rendering every page to scan it
    # would multiply the cost of an import several times over for no stronger guarantee.
    seal_text = attached.get(PDF_SEAL_ATTACHMENT, b"").decode("ascii", "replace")
    seal = qrseal.verify_seal(seal_text, root, crl, signed_at)
    if not seal.signature_valid or seal.signer_cert is None or seal.payload is None:
        if failed("QR seal signature", " ".join(seal.problems[:1]) or "The PDF carries no QR seal."):
            return result
    elif leaf is not None and seal.signer_cert.public_bytes(serialization.Encoding.DER) != leaf.public_bytes(
            serialization.Encoding.DER):
        if failed("QR seal signature", "The QR seal was signed with another certificate than the manifest."):
            return result
    else:
        v.add("QR seal signature", True, "The QR seal's signature is valid.")
        expected = seal_payload(snap, manifest["snapshot_sha256"])
        differing_seal = [qrseal.PAYLOAD_LABELS.get(k, k) for k in expected if seal.payload.get(k) != expected[k]]
        if differing_seal:
            if failed("QR seal matches the report", "The QR seal and the report disagree on: "
                      + ", ".join(differing_seal) + "."):
                return result
        else:
            v.add("QR seal matches the report", True, "The QR seal states the same certificate, amounts, seals, "
                  "verdict and report as the snapshot.")
    return result


def verify_bundle_data(data: bytes, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                       limits: Limits = LIMITS) -> Verification:
    """Every check of a bundle's bytes as a ``reports.Verification`` (for ``kpmonitor verify``); never raises."""
    from kpmonitor.report.reports import Verification

    v = Verification("bundle")
    try:
        return verify_bundle(data, root, crl, limits=limits).verification
    except BundleError as exc:
        v.add("readable bundle", False, exc.message)
    except Exception:  # a signed but hostile snapshot can break any step; a verifier must answer, not crash
        log.exception("bundle verification stopped")
        v.add("readable bundle", False, "The bundle's content could not be read; the details are in the log.")
    return v


def verify_bundle_file(path: Path, root: x509.Certificate | None,
                       crl: x509.CertificateRevocationList | None, *, limits: Limits = LIMITS) -> Verification:
    """Every check of a bundle file as a ``reports.Verification``; never raises."""
    from kpmonitor.report.reports import Verification

    try:
        size = path.stat().st_size
        if size <= limits.max_file_bytes:
            return verify_bundle_data(path.read_bytes(), root, crl, limits=limits)
        problem = f"The file is {_size(size)}, more than a bundle may be ({_size(limits.max_file_bytes)})."
    except OSError as exc:
        problem = f"The file cannot be read ({exc.strerror or exc})."
    v = Verification("bundle")
    v.add("readable bundle", False, problem)
    return v
