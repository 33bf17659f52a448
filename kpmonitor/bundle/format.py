"""The bundle file: its zip layout, written and read, and the shape its manifest and snapshot must have.

A bundle (``*.kpbundle``) is a zip archive holding everything headquarters
needs to know a report is authentic and complete, with nothing else; its
entries and the signed manifest that lists them are ``report.manifest``
(the manifest is signed when the report is, below this package), and are
re-exported here for the bundle's readers.

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
in memory while they are hashed. Checking what the files say is ``bundle.verify``;
writing a report's bundle is ``bundle.export``. See ``docs/formats.md``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from kpmonitor.domain.inspection import from_document
from kpmonitor.errors import KPError
from kpmonitor.fileio import size_text as size_text
from kpmonitor.report.manifest import CERTS_NAME as CERTS_NAME
from kpmonitor.report.manifest import FORMAT as FORMAT
from kpmonitor.report.manifest import FORMAT_V1 as FORMAT_V1
from kpmonitor.report.manifest import FORMAT_V2 as FORMAT_V2
from kpmonitor.report.manifest import FORMATS as FORMATS
from kpmonitor.report.manifest import MANIFEST_NAME as MANIFEST_NAME
from kpmonitor.report.manifest import PDF_NAME as PDF_NAME
from kpmonitor.report.manifest import PHOTO_DIR as PHOTO_DIR
from kpmonitor.report.manifest import PHOTO_EXTENSIONS as PHOTO_EXTENSIONS
from kpmonitor.report.manifest import SIGNATURE_NAME as SIGNATURE_NAME
from kpmonitor.report.manifest import SNAPSHOT_FORMATS_OF as SNAPSHOT_FORMATS_OF
from kpmonitor.report.manifest import SNAPSHOT_NAME as SNAPSHOT_NAME
from kpmonitor.report.manifest import entry_matches as entry_matches
from kpmonitor.report.manifest import photo_entry as photo_entry
from kpmonitor.report.snapshot import FORMAT as SNAPSHOT_FORMAT
from kpmonitor.report.snapshot import FORMAT_V1 as SNAPSHOT_FORMAT_V1
from kpmonitor.report.snapshot import FORMAT_V3 as SNAPSHOT_FORMAT_V3
from kpmonitor.report.snapshot import FORMATS_READ as SNAPSHOT_FORMATS_READ
from kpmonitor.report.snapshot import RECORD_PARTS as SNAPSHOT_RECORD_PARTS

log = logging.getLogger(__name__)

EXTENSION = ".kpbundle"

_ALLOWED_NAME = re.compile(
    r"(manifest\.json|manifest\.sig|snapshot\.json|report\.pdf|certs\.pem|photos/[0-9a-f]{64}\.(jpg|png|heic))\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_HEX32 = re.compile(r"[0-9a-f]{32}\Z")


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


def show_name(name: str) -> str:
    """An entry name as a sentence can show it: quoted, control characters escaped, not too long."""
    text = name.encode("unicode_escape").decode("ascii")
    return "“" + (text if len(text) <= 120 else text[:117] + "…") + "”"


def _name_problem(name: str) -> str | None:
    """A sentence when an entry's name could write outside a folder it were extracted to."""
    shown = show_name(name)
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
        raise BundleError(f"The file is {size_text(len(data))}, more than a bundle may be "
                          f"({size_text(limits.max_file_bytes)}).")
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
            raise BundleError(f"The bundle holds two entries named {show_name(name)}: one could hide the other, so it "
                              "was refused.")
        seen.add(name)
        if _is_link(info):
            raise BundleError(f"The bundle holds a link, {show_name(name)}: a link could point outside the archive, so "
                              "it was refused.")
    total = sum(info.file_size for info in infos)
    if total > limits.max_expanded_bytes:
        raise BundleError(f"The bundle would expand to {size_text(total)}, more than the "
                          f"{size_text(limits.max_expanded_bytes)} allowed: it looks like a zip bomb and was refused.")
    for info in infos:
        if info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise BundleError(f"Entry {show_name(info.orig_filename)} would expand {ratio:,} times (to "
                              f"{size_text(info.file_size)}), past the {limits.max_ratio}× limit: it looks like a zip "
                              "bomb and was refused.")
    for info in infos:
        name = info.orig_filename
        if info.is_dir() or not _ALLOWED_NAME.match(name):
            raise BundleError(f"The bundle holds {show_name(name)}, which is not part of a kpmonitor bundle; it was "
                              "refused.")
        if info.flag_bits & 0x1:
            raise BundleError(f"Entry {show_name(name)} is encrypted; kpmonitor bundles never are.")
        if info.compress_type != zipfile.ZIP_STORED:
            raise BundleError(f"Entry {show_name(name)} is compressed, but kpmonitor writes bundles uncompressed: the "
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
            raise BundleError(f"The bundle is truncated: entry {show_name(name)} runs past the end of the file.")
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


# ------------------------------------------------------------------- manifest and snapshot shapes


def strict_json(data: bytes | memoryview) -> Any:
    """Parse UTF-8 JSON, refusing NaN and Infinity (Python accepts them; no other JSON reader does)."""

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    return json.loads(bytes(data).decode("utf-8"), parse_constant=no_constants)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_moment(value: Any) -> dt.datetime | None:
    """An ISO 8601 time with its time zone, or None (a time without a zone could be any moment)."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _report_problems(report: Any, where: str, *, bound: bool) -> list[str]:
    """The ``report`` block shared by the manifest and the snapshot.

    :param bound: format 2, whose report id is bound to its device by the ``id_nonce`` it carries; format 1
        has none.
    """
    if not isinstance(report, dict):
        return [f"{where} has no report section."]
    out: list[str] = []
    if not (isinstance(report.get("id"), str) and _HEX32.match(report["id"])):
        out.append(f"{where}: the report id is not a kpmonitor id.")
    nonce = report.get("id_nonce")
    if bound and not (isinstance(nonce, str) and _HEX32.match(nonce)):
        out.append(f"{where}: the report id's nonce is missing or malformed.")
    elif not bound and "id_nonce" in report:
        out.append(f"{where}: a report of format 1 carries no id nonce.")
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
    if parse_moment(report.get("signed_at")) is None:
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
    out = _report_problems(manifest.get("report"), "The manifest", bound=manifest.get("format") != FORMAT_V1)
    if not (isinstance(manifest.get("snapshot_sha256"), str) and _HEX64.match(manifest["snapshot_sha256"])):
        out.append("The manifest does not give the snapshot's SHA-256.")
    signer = manifest.get("signer")
    if not (isinstance(signer, dict) and isinstance(signer.get("certificate_sha256"), str)
            and _HEX64.match(signer["certificate_sha256"])):
        out.append("The manifest does not name the signer's certificate.")
    if (manifest.get("format") == FORMAT) != ("history" in manifest):
        out.append("The manifest's history checkpoint is missing." if manifest.get("format") == FORMAT else
                   "The manifest holds a history section its format does not have.")
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
            out.append(f"The manifest lists {show_name(item['path'])}, which is not part of a kpmonitor bundle.")
        paths.append(item["path"])
    if len(set(paths)) != len(paths):
        out.append("The manifest lists a file twice.")
    return out


_SNAPSHOT_SECTIONS = ("report", "monitor", "inspection", "totals", "warnings")


def _text_or_none(d: dict[str, Any], key: str) -> bool:
    return key in d and (d[key] is None or isinstance(d[key], str))


def _amendment_problems(snap: dict[str, Any]) -> list[str]:
    """Formats 3 and 4: a version after the first says why it amends its report (``amendment.reason``), the
    first says nothing; the formats before hold no such section."""
    if snap["format"] not in (SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V3):
        return ["The snapshot holds an amendment section its format does not have."] if "amendment" in snap else []
    if "amendment" not in snap:
        return ["The snapshot has no amendment section."]
    amendment, version = snap["amendment"], snap["report"].get("version") if isinstance(snap["report"], dict) else None
    if version == 1:
        return [] if amendment is None else ["The snapshot's first version states an amendment."]
    if not (isinstance(amendment, dict) and set(amendment) == {"reason"} and isinstance(amendment["reason"], str)):
        return ["The snapshot's amendment does not give its reason."]
    return []


def snapshot_problems(snap: Any) -> list[str]:
    """What is wrong with a parsed snapshot's shape, as sentences (empty: it follows the schema)."""
    if not isinstance(snap, dict):
        return ["The snapshot is not a JSON object."]
    if snap.get("format") not in SNAPSHOT_FORMATS_READ:
        return [f"The snapshot is of format {str(snap.get('format'))[:40]!r}; this kpmonitor reads "
                f"{', '.join(SNAPSHOT_FORMATS_READ)}. Update kpmonitor."]
    missing = [k for k in _SNAPSHOT_SECTIONS if k not in snap]
    if missing:
        return [f"The snapshot has no {', '.join(missing)} section."]
    out = _report_problems(snap["report"], "The snapshot", bound=snap["format"] != SNAPSHOT_FORMAT_V1)
    out += _amendment_problems(snap)
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
    if snap["format"] == SNAPSHOT_FORMAT:
        out += [f"The snapshot's inspection has no {key} section of its kind." for key, kind in
                SNAPSHOT_RECORD_PARTS.items() if not isinstance(insp.get(key), kind)]
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

