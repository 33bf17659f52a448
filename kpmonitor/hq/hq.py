"""Headquarters: import report bundles, and what headquarters learns from them.

An import takes bundle files (or folders holding them) as they come off a USB
stick or out of an e-mail. Each bundle is imported whole or not at all:

1. Its SHA-256 is looked up first: a bundle already imported is recognised
   before it is parsed, so a retried delivery costs a hash.
2. It is verified completely (``bundle.verify_bundle``) before anything is
   written: archive form, manifest signature, chain to this headquarters'
   root, revocation, every file's hash, the snapshot's schema, the PDF's
   signature, the snapshot and QR seal the PDF carries.
3. A report id already held with other content is a conflict.
4. The PDF and the photo originals are written (fsynced) first — an orphaned
   file is harmless, half a report is not — then the report, its seals and
   photos are recorded through the audited store in one transaction. Over
   many files (``import_paths``) this is a pipeline: one bundle's files are
   written on a writer thread while the next bundle is checked.

A refused or conflicting bundle leaves every audited table and the audit
chain exactly as they were; a copy goes to ``inbox/quarantine`` with a text
file saying why, and the import log records the sentence. The same bundle
again is "already imported" and changes nothing.

The rest of the module reads what was imported: the reports list and its
search, one report's detail, anomalies (missing reports, rolled-back or forked
histories, reused seals and certificate numbers, value per carat and weight
findings), monitors, and statistics. No Qt here: the Inbox screen calls
``import_paths`` with a ``progress(done, total, text)`` callback.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import hashlib
import io
import json
import logging
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509

from kpmonitor.bundle.bundle import (
    EXTENSION,
    LIMITS,
    Limits,
    VerifiedBundle,
    verify_bundle,
    write_atomic,
)
from kpmonitor.domain.inspection import from_document, normalise_certificate_number, normalise_seal_number
from kpmonitor.domain.quantities import parse_hundredths, plain, usd_per_carat
from kpmonitor.errors import HomeError, KPError, NotFound, ParseError, PhotoError
from kpmonitor.rules.kp import check
from kpmonitor.store.db import new_id, now
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Progress, Workspace

log = logging.getLogger(__name__)

IMPORTED, ALREADY, CONFLICT, REFUSED = "imported", "already", "conflict", "refused"
OUTCOMES = (IMPORTED, ALREADY, CONFLICT, REFUSED)


def inbox_dir(ws: Workspace) -> Path:
    return ws.paths.data / "inbox"


def reports_dir(ws: Workspace) -> Path:
    """Where imported report PDFs are kept, as ``<report id>.pdf``."""
    return inbox_dir(ws) / "reports"


def quarantine_dir(ws: Workspace) -> Path:
    """Copies of refused and conflicting bundles, each with a ``.txt`` saying why."""
    return inbox_dir(ws) / "quarantine"


def pdf_file(ws: Workspace, report_id: str) -> Path:
    return reports_dir(ws) / f"{report_id}.pdf"


# ------------------------------------------------------------------------------------------ import


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file."""

    file: Path
    outcome: str  # imported | already | conflict | refused
    sentence: str
    report_id: str | None = None
    bundle_sha256: str = ""
    quarantined: Path | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (IMPORTED, ALREADY)

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.file), "outcome": self.outcome, "sentence": self.sentence,
                "report_id": self.report_id, "bundle_sha256": self.bundle_sha256 or None,
                "quarantined": str(self.quarantined) if self.quarantined else None}


def find_bundles(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, and every ``*.kpbundle`` under the folders given (sorted)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        candidates = [path]
        if path.is_dir():
            # os.walk does not follow links to folders: a link loop on a stick cannot hang the import.
            candidates = sorted(Path(folder) / name for folder, _dirs, names in os.walk(path)
                                for name in names if name.lower().endswith(EXTENSION))
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


_PHOTO_WRITERS: ThreadPoolExecutor | None = None
_PHOTO_WRITERS_LOCK = threading.Lock()


def _photo_writers() -> ThreadPoolExecutor:
    global _PHOTO_WRITERS
    with _PHOTO_WRITERS_LOCK:
        if _PHOTO_WRITERS is None:
            _PHOTO_WRITERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kpmonitor-photo-writer")
        return _PHOTO_WRITERS


def _amount(text: Any) -> int | None:
    if text in (None, ""):
        return None
    try:
        return parse_hundredths(str(text))
    except ParseError:
        return None


def _short(report_id: str | None) -> str:
    return (report_id or "")[:8]


@dataclass(frozen=True)
class Verified:
    """A bundle that passed every check, with the report row to record."""

    path: Path
    data: bytes
    sha: str
    vb: VerifiedBundle
    row: dict[str, Any]


class Importer:
    """Imports bundles into a headquarters home, trusting its own root and its current revocation list.

    ``import_file`` does it all for one file. ``import_paths`` runs the same three steps as a pipeline: while
    one bundle's files are being written and fsynced on a writer thread, the next one is being checked.
    """

    def __init__(self, ws: Workspace, *, limits: Limits = LIMITS, batch_log: bool = False) -> None:
        if ws.role != "hq":
            raise HomeError(f"This is a {ws.role} home; bundles are imported into a headquarters home.")
        self.ws = ws
        self.limits = limits
        self.batch_log = batch_log
        self._pending: list[list[Any]] = []
        keyring = Keyring(ws.paths)
        self.root: x509.Certificate | None = keyring.root()
        self.crl: x509.CertificateRevocationList | None = keyring.crl()
        if self.root is None:
            raise HomeError("This headquarters home has no root certificate, so no bundle can be checked.")

    # -- one file, in three steps: check (no writes), write the files (no database), record (one transaction)

    def import_file(self, path: Path) -> ImportResult:
        """Import one bundle file; never raises for a bad file (the result says why)."""
        return self._complete(self.prepare_file(path))

    def import_data(self, path: Path, data: bytes) -> ImportResult:
        """Import a bundle's bytes (``path`` names it: a file, an e-mail attachment); never raises for bad input."""
        return self._complete(self.prepare_data(path, data))

    def _complete(self, step: ImportResult | Verified) -> ImportResult:
        if isinstance(step, ImportResult):
            return step
        try:
            self.write_files(step)
        except Exception as exc:
            return self.record(step, exc)
        return self.record(step)

    def prepare_file(self, path: Path) -> ImportResult | Verified:
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > self.limits.max_file_bytes:
                return self._log(path, REFUSED, f"{path.name} is {size:,} bytes, more than a bundle may be; it was "
                                 "not copied to quarantine.", "", None)
            data = path.read_bytes()
        except OSError as exc:
            return self._log(path, REFUSED, f"{path.name} cannot be read ({exc.strerror or exc}).", "", None)
        return self.prepare_data(path, data)

    def prepare_data(self, path: Path, data: bytes) -> ImportResult | Verified:
        """Everything before the first write: the outcome when there is nothing to write, else the checked bundle."""
        path = Path(path)
        if len(data) > self.limits.max_file_bytes:
            return self._log(path, REFUSED, f"{path.name} is {len(data):,} bytes, more than a bundle may be; it was "
                             "not copied to quarantine.", "", None)
        sha = hashlib.sha256(data).hexdigest()
        # The cheap path: these exact bytes were imported before.
        known = self.ws.store.conn.execute("SELECT id FROM hq_reports WHERE bundle_sha256 = ? LIMIT 1",
                                           [sha]).fetchone()
        if known is not None:
            return self._log(path, ALREADY, f"Report {_short(known[0])} was already imported from this bundle; "
                             "nothing changed.", sha, str(known[0]))
        try:
            vb = verify_bundle(data, self.root, self.crl, limits=self.limits, stop_early=True, bundle_sha256=sha)
            if not vb.ok:
                return self._refuse(path, data, sha, vb.refusal, vb.report_id or None)
            existing = self.ws.store.conn.execute("SELECT manifest_sha256 FROM hq_reports WHERE id = ?",
                                                  [vb.report_id]).fetchone()
            if existing is not None:
                return self._known(path, data, sha, vb, existing[0])
            return Verified(path, data, sha, vb, self._row(path, vb, sha))
        except KPError as exc:
            return self._refuse(path, data, sha, exc.message, None)
        except Exception:  # a bug must not stop the other files
            log.exception("import of %s failed", path)
            return self._refuse(path, data, sha, f"{path.name} could not be imported because of an unexpected "
                                "error; the details are in the log.", None)

    def write_files(self, step: Verified) -> None:
        """The PDF and the photo originals, each fsynced. No database: may run on another thread.

        Written before the report is recorded: should recording fail, they are harmless orphans.
        """
        vb = step.vb
        target = pdf_file(self.ws, vb.report_id)
        if not (target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == vb.manifest_pdf_sha256):
            write_atomic(target, lambda fh: fh.write(vb.pdf))
        self._store_photos(vb)

    def record(self, step: Verified, write_error: BaseException | None = None) -> ImportResult:
        """Record a checked bundle whose files were written (or say why they could not be)."""
        path, data, sha, vb = step.path, step.data, step.sha, step.vb
        if isinstance(write_error, OSError):  # the bundle is not at fault: it can simply be imported again
            log.warning("import of %s could not write: %s", path, write_error)
            return self._log(path, REFUSED, f"{path.name} could not be stored on this computer "
                             f"({write_error.strerror or write_error}); nothing was recorded, import it again once "
                             "that is fixed.", sha, vb.report_id)
        try:
            if write_error is not None:
                raise write_error
            return self._insert(step)
        except KPError as exc:
            return self._refuse(path, data, sha, exc.message, vb.report_id)
        except Exception:  # the transaction rolled back: nothing of the report is recorded
            log.exception("import of %s failed", path)
            return self._refuse(path, data, sha, f"{path.name} could not be imported because of an unexpected "
                                "error; the details are in the log.", vb.report_id)

    def _insert(self, step: Verified) -> ImportResult:
        path, sha, vb, row = step.path, step.sha, step.vb, step.row
        report_id = vb.report_id
        store = self.ws.store
        self.flush()  # pending log lines go first, so a failed transaction below cannot take them along
        insp = vb.snapshot["inspection"]
        with store.batch():
            # Checked again inside the transaction: an earlier file of this import, or another import, may have
            # recorded this report since it was checked.
            again = store.conn.execute("SELECT manifest_sha256 FROM hq_reports WHERE id = ?",
                                       [report_id]).fetchone()
            if again is None:
                store._insert("hq_reports", row)
                for seal in insp["seals"]:
                    store._insert("hq_seals", {"id": new_id(), "report_id": report_id,
                                               "number": normalise_seal_number(str(seal["number"])),
                                               "parcel": seal.get("parcel")})
                for photo in insp["photos"]:
                    store._insert("hq_photos", {
                        "id": new_id(), "report_id": report_id, "sha256": photo["sha256"],
                        "caption": str(photo.get("caption") or ""), "parcel": photo.get("parcel"),
                        "seal": photo.get("seal"), "original_name": str(photo.get("original_name") or ""),
                        "format": str(photo.get("format") or ""), "size": int(photo.get("size") or 0),
                        "taken_at": photo.get("taken_at")})
                sentence = (f"Imported report {_short(report_id)} v{row['version']}: certificate "
                            f"{row['cert_number'] or '—'}, monitor {row['monitor']}"
                            + (f", superseding report {_short(row['supersedes'])}" if row["supersedes"] else "")
                            + ".")
                self._log_row(path, IMPORTED, sentence, sha, report_id, None)
        if again is not None:
            return self._known(path, step.data, sha, vb, again[0])
        return ImportResult(path, IMPORTED, sentence, report_id, sha)

    def _known(self, path: Path, data: bytes, sha: str, vb: VerifiedBundle, manifest_sha: str) -> ImportResult:
        report_id = vb.report_id
        if manifest_sha == vb.manifest_sha256:
            return self._log(path, ALREADY, f"Report {_short(report_id)} was already imported with the same "
                             "content; nothing changed.", sha, report_id)
        sentence = (f"Report {_short(report_id)} was already imported with different content: two different "
                    "reports carry the same id, so this one was set aside for review.")
        return self._log(path, CONFLICT, sentence, sha, report_id, quarantine=data)

    def _store_photos(self, vb: VerifiedBundle) -> None:
        """The originals into the vault, named by their SHA-256, each durable before the report is recorded.

        They are not decoded here: the hashes in the signed manifest prove these are the very bytes the
        monitor's vault verified when they were added, and every later display goes through the vault's own
        checks (pixel limits, a sentence for a damaged image). Decoding a thousand camera photos again would
        triple the cost of an import and prove nothing more.
        """
        vault = self.ws.vault

        def store(sha: str, data: memoryview) -> None:
            dest = vault.original_path(sha)
            if dest.is_file():
                try:
                    vault.read_original(sha)
                    return  # the same evidence is already kept (a superseding report carries its photos)
                except PhotoError:
                    with contextlib.suppress(OSError):  # a damaged copy, kept read-only: the bundle repairs it
                        os.chmod(dest, 0o644)
            write_atomic(dest, lambda fh: fh.write(data))
            with contextlib.suppress(OSError):  # evidence is not for editing, even by accident
                os.chmod(dest, 0o444)

        # Several fsyncs in flight let the disk commit them together: twenty photos cost a few waits, not twenty.
        list(_photo_writers().map(store, vb.photos.keys(), vb.photos.values()))

    def _row(self, path: Path, vb: VerifiedBundle, sha: str) -> dict[str, Any]:
        snap = vb.snapshot
        report = snap["report"]
        insp = snap["inspection"]
        cert = insp["certificate"]
        assert vb.signer is not None
        signer = identity.certificate_summary(vb.signer)
        return {
            "id": report["id"], "version": report["version"], "supersedes": report["supersedes"],
            "device_id": report["device_id"], "device_seq": report["device_seq"],
            "audit_seq": report["audit"]["seq"], "audit_head": report["audit"]["head"],
            "monitor": snap["monitor"]["name"], "signer_serial": signer["serial"],
            "signer_issuer": signer["issuer"], "signer_sha256": signer["sha256"],
            "cert_number": str(cert.get("number") or ""),
            "cert_number_norm": normalise_certificate_number(str(cert.get("number") or "")),
            "exporter": str((cert.get("exporter") or {}).get("name") or ""),
            "importer": str((cert.get("importer") or {}).get("name") or ""),
            "origin": str(cert.get("origin") or ""), "provenance": str(cert.get("provenance") or ""),
            "destination": str(cert.get("destination") or ""), "site": str(insp.get("site") or ""),
            "inspected_at": str(insp.get("inspected_at") or ""), "signed_at": report["signed_at"],
            "verdict": str(insp.get("verdict") or ""), "carats": _amount(cert.get("carats")),
            "value_usd": _amount(cert.get("value_usd")), "parcels": len(insp["parcels"]),
            "seals": len(insp["seals"]), "photos": len(insp["photos"]),
            "snapshot": vb.snapshot_bytes.decode("utf-8"), "snapshot_sha256": vb.manifest["snapshot_sha256"],
            "pdf_sha256": vb.manifest_pdf_sha256, "pdf_size": len(vb.pdf),
            "manifest": vb.manifest_bytes.decode("utf-8"), "manifest_sig": vb.manifest_sig,
            "manifest_sha256": vb.manifest_sha256, "chain_pem": vb.certs_pem, "bundle_sha256": sha,
            "bundle_name": path.name, "verification": json.dumps(vb.verification.to_json(), ensure_ascii=False),
            "imported_at": now(),
        }

    # -- outcomes

    def _refuse(self, path: Path, data: bytes, sha: str, sentence: str, report_id: str | None) -> ImportResult:
        return self._log(path, REFUSED, sentence, sha, report_id, quarantine=data)

    def _quarantine(self, path: Path, data: bytes, sha: str, outcome: str, sentence: str) -> Path | None:
        folder = quarantine_dir(self.ws)
        target = folder / f"{sha[:12]}-{path.name}"
        try:
            if not target.exists():
                write_atomic(target, lambda fh: fh.write(data))
            note = f"{outcome}: {sentence}\nfile: {path.name}\nsha256: {sha}\nat: {now()}\n"
            write_atomic(target.with_name(target.name + ".txt"), lambda fh: fh.write(note.encode("utf-8")))
        except OSError as exc:
            log.warning("could not quarantine %s: %s", path, exc)
            return None
        return target

    def _log(self, path: Path, outcome: str, sentence: str, sha: str, report_id: str | None, *,
             quarantine: bytes | None = None) -> ImportResult:
        quarantined = self._quarantine(path, quarantine, sha, outcome, sentence) if quarantine is not None else None
        row = self._log_values(path, outcome, sentence, sha, report_id, quarantined)
        if outcome == ALREADY and self.batch_log:
            # A retried delivery of many bundles must cost little more than hashing them: their log lines
            # are written together by flush() (before the next import, and at the end), not one commit each.
            self._pending.append(row)
        else:
            with self.ws.store.batch():
                self._write_log([row])
        return ImportResult(path, outcome, sentence, report_id, sha, quarantined)

    def _log_row(self, path: Path, outcome: str, sentence: str, sha: str, report_id: str | None,
                 quarantined: Path | None) -> None:
        """Log within the caller's transaction."""
        self._write_log([self._log_values(path, outcome, sentence, sha, report_id, quarantined)])

    @staticmethod
    def _log_values(path: Path, outcome: str, sentence: str, sha: str, report_id: str | None,
                    quarantined: Path | None) -> list[Any]:
        return [new_id(), now(), path.name, sha, outcome, report_id, sentence,
                str(quarantined) if quarantined else None]

    def _write_log(self, rows: list[list[Any]]) -> None:
        # Bookkeeping, not evidence: written directly, outside the audit chain (see the migration).
        self.ws.store.conn.executemany(
            "INSERT INTO import_log (id, at, file_name, bundle_sha256, outcome, report_id, sentence, quarantined) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def flush(self) -> None:
        """Write the import log lines still pending."""
        if self._pending:
            with self.ws.store.batch():
                self._write_log(self._pending)
            self._pending = []


def import_paths(ws: Workspace, paths: Iterable[Path], *, progress: Progress | None = None,
                 on_result: Callable[[ImportResult], None] | None = None,
                 limits: Limits = LIMITS) -> list[ImportResult]:
    """Import bundle files, and the ``*.kpbundle`` files under folders, into a headquarters home.

    Each bundle is imported atomically and independently: one refused file
    does not stop the others. Call from the thread that owns ``ws``.

    :param progress: ``progress(done, total, file name)`` before each file and
        once at the end; returning False stops before the next file.
    :param on_result: called with each file's result as soon as it is known.
    :raises HomeError: when ``ws`` is not a headquarters home with a root certificate.
    """
    importer = Importer(ws, limits=limits, batch_log=True)
    files = find_bundles(paths)
    results: list[ImportResult] = []

    def emit(result: ImportResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    writing: tuple[Verified, Future[None]] | None = None

    def land() -> None:
        """Record the bundle whose files were being written (waiting for them, if need be)."""
        nonlocal writing
        if writing is not None:
            step, future = writing
            writing = None
            emit(importer.record(step, future.exception()))

    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kpmonitor-import") as writer:
            for i, path in enumerate(files):
                if progress is not None and progress(i, len(files), path.name) is False:
                    land()
                    return results
                step = importer.prepare_file(path)
                land()
                if isinstance(step, ImportResult):
                    emit(step)
                else:
                    writing = (step, writer.submit(importer.write_files, step))
            land()
    finally:
        importer.flush()
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def import_log(ws: Workspace, limit: int = 500) -> list[dict[str, Any]]:
    """The latest import attempts, newest first."""
    cur = ws.store.conn.execute("SELECT at, file_name, bundle_sha256, outcome, report_id, sentence, quarantined "
                                "FROM import_log ORDER BY at DESC, rowid DESC LIMIT ?", [limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class ReportSummary:
    """One row of headquarters' reports list."""

    id: str
    version: int
    supersedes: str | None
    superseded_by: str | None
    device_id: str
    device_seq: int
    monitor: str
    cert_number: str
    exporter: str
    importer: str
    origin: str
    destination: str
    inspected_at: str
    signed_at: str
    verdict: str
    carats: int | None
    value_usd: int | None
    parcels: int
    photos: int
    signer_serial: str
    badge: str  # "verified" (every check held at import) or "revoked" (its signer's certificate is, now)
    imported_at: str

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["carats"] = plain(self.carats) if self.carats is not None else None
        out["value_usd"] = plain(self.value_usd) if self.value_usd is not None else None
        return out


_SUMMARY_COLUMNS = ("r.id, r.version, r.supersedes, (SELECT n.id FROM hq_reports n WHERE n.supersedes = r.id "
                    "ORDER BY n.version DESC LIMIT 1), r.device_id, r.device_seq, r.monitor, r.cert_number, "
                    "r.exporter, r.importer, r.origin, r.destination, r.inspected_at, r.signed_at, r.verdict, "
                    "r.carats, r.value_usd, r.parcels, r.photos, r.signer_serial, r.imported_at")
SORT_COLUMNS = {"signed_at": "r.signed_at", "inspected_at": "r.inspected_at", "cert_number": "r.cert_number",
                "exporter": "r.exporter", "importer": "r.importer", "monitor": "r.monitor", "origin": "r.origin",
                "verdict": "r.verdict", "carats": "r.carats", "value_usd": "r.value_usd",
                "imported_at": "r.imported_at", "device_seq": "r.device_seq"}
_SEARCHED = ("r.cert_number", "r.exporter", "r.importer", "r.monitor", "r.origin", "r.destination",
             "r.provenance", "r.site", "r.inspected_at", "r.signed_at", "r.verdict", "r.id")


def revoked_serials(ws: Workspace) -> set[str]:
    """Serials (as formatted) on this headquarters' current revocation list."""
    crl = Keyring(ws.paths).crl()
    return {identity.format_serial(entry.serial_number) for entry in crl} if crl is not None else set()


def _search_sql(search: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for word in (search or "").split():
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        alternatives = [f"{col} LIKE ? ESCAPE '\\'" for col in _SEARCHED]
        params += [like] * len(_SEARCHED)
        norm = normalise_certificate_number(word)
        if norm:  # "ZW004217" finds "ZW 004217"
            alternatives.append("r.cert_number_norm LIKE ?")
            params.append(f"%{norm}%")
        alternatives.append("r.id IN (SELECT report_id FROM hq_seals WHERE number LIKE ? ESCAPE '\\')")
        params.append(like.upper())
        where.append("(" + " OR ".join(alternatives) + ")")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_reports(ws: Workspace, search: str | None = None, *, limit: int = 200, offset: int = 0,
                 order_by: str = "signed_at", descending: bool = True) -> list[ReportSummary]:
    """A page of imported reports, newest first, optionally filtered.

    :param search: words that must each appear (case-insensitive, anywhere) in
        the certificate number (with or without spaces), exporter, importer,
        monitor, origin, destination, site, a date, the verdict, the report id
        or a seal number.
    """
    where, params = _search_sql(search)
    column = SORT_COLUMNS.get(order_by, "r.signed_at")
    direction = "DESC" if descending else "ASC"
    revoked = revoked_serials(ws)
    rows = ws.store.conn.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM hq_reports r{where} ORDER BY {column} {direction}, r.id {direction} "
        "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    names = [f.name for f in dataclasses.fields(ReportSummary) if f.name != "badge"]
    out = []
    for r in rows:
        values: dict[str, Any] = dict(zip(names, r, strict=True))
        out.append(ReportSummary(**values, badge="revoked" if values["signer_serial"] in revoked else "verified"))
    return out


def count_reports(ws: Workspace, search: str | None = None) -> int:
    where, params = _search_sql(search)
    return int(ws.store.conn.execute(f"SELECT count(*) FROM hq_reports r{where}", params).fetchone()[0])


def report_detail(ws: Workspace, id_or_prefix: str) -> dict[str, Any]:
    """One imported report for its detail screen: the row, snapshot, checks, PDF path, photos, lineage."""
    text = id_or_prefix.strip().lower()
    rows = ws.store.conn.execute("SELECT id FROM hq_reports WHERE id >= ? AND id < ? LIMIT 2",
                                 [text, text + "g"]).fetchall() if len(text) >= 4 else []
    if len(rows) != 1:
        raise NotFound(f"No imported report with id {id_or_prefix}." if not rows else
                       f"The report id {id_or_prefix} is ambiguous: give more characters.")
    cur = ws.store.conn.execute("SELECT * FROM hq_reports WHERE id = ?", [rows[0][0]])
    row = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
    report_id = row["id"]
    photos = [{"sha256": sha, "caption": caption, "parcel": parcel, "seal": seal, "original_name": name,
               "format": fmt, "size": size, "taken_at": taken, "path": str(ws.vault.original_path(sha))}
              for sha, caption, parcel, seal, name, fmt, size, taken in ws.store.conn.execute(
                  "SELECT sha256, caption, parcel, seal, original_name, format, size, taken_at FROM hq_photos "
                  "WHERE report_id = ? ORDER BY rowid", [report_id])]
    later = [r[0] for r in ws.store.conn.execute("SELECT id FROM hq_reports WHERE supersedes = ? ORDER BY version",
                                                 [report_id])]
    predecessor_here = bool(row["supersedes"]) and ws.store.conn.execute(
        "SELECT 1 FROM hq_reports WHERE id = ?", [row["supersedes"]]).fetchone() is not None
    return {
        "report": {k: v for k, v in row.items() if k not in ("snapshot", "verification", "manifest", "chain_pem")},
        "snapshot": json.loads(row["snapshot"]),
        "verification": json.loads(row["verification"]),
        "manifest": json.loads(row["manifest"]),
        "badge": "revoked" if row["signer_serial"] in revoked_serials(ws) else "verified",
        "pdf_path": str(pdf_file(ws, report_id)),
        "photos": photos,
        "superseded_by": later,
        "supersedes_received": predecessor_here,
    }


# --------------------------------------------------------------------------------- anomalies

MISSING_REPORT, ROLLBACK, FORK = "missing_report", "rollback", "fork"
SEAL_REUSED, CERTIFICATE_REUSED = "seal_reused", "certificate_reused"
VALUE_PER_CARAT, WEIGHT_TOLERANCE = "value_per_carat", "weight_tolerance"
_RULE_KINDS = {"value.per_carat": VALUE_PER_CARAT, "parcel.weight.tolerance": WEIGHT_TOLERANCE}


@dataclass(frozen=True)
class Anomaly:
    """Something headquarters should look at, in a sentence."""

    kind: str
    sentence: str
    device_id: str = ""
    monitor: str = ""
    report_ids: tuple[str, ...] = ()
    severity: str = "warning"  # "alert": the record itself is in doubt; "warning": a finding to review

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": self.severity, "sentence": self.sentence,
                "device_id": self.device_id or None, "monitor": self.monitor or None,
                "report_ids": list(self.report_ids)}


@dataclass
class _Held:
    id: str
    version: int
    supersedes: str | None
    device_id: str
    device_seq: int
    audit_seq: int
    audit_head: str
    monitor: str
    cert_number: str
    cert_number_norm: str


def _held(ws: Workspace) -> list[_Held]:
    return [_Held(*r) for r in ws.store.conn.execute(
        "SELECT id, version, supersedes, device_id, device_seq, audit_seq, audit_head, monitor, cert_number, "
        "cert_number_norm FROM hq_reports ORDER BY device_id, device_seq, signed_at")]


def _lineages(held: list[_Held]) -> dict[str, str]:
    """Report id → the id of the first report of its amendment chain (known or not)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for h in held:
        parent.setdefault(h.id, h.id)
        if h.supersedes:
            parent.setdefault(h.supersedes, h.supersedes)
            a, b = find(h.id), find(h.supersedes)
            if a != b:
                parent[a] = b
    return {h.id: find(h.id) for h in held}


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _device_label(h: _Held) -> str:
    return f"device {h.device_id[:8]} ({h.monitor})"


def _device_anomalies(reports: list[_Held]) -> list[Anomaly]:
    first = reports[0]
    label = _device_label(first)
    out: list[Anomaly] = []
    by_seq: dict[int, list[_Held]] = defaultdict(list)
    for h in reports:
        by_seq[h.device_seq].append(h)
    seqs = sorted(by_seq)
    missing = sorted(set(range(1, seqs[-1] + 1)) - set(seqs))
    for low, high in _ranges(missing):
        numbers = f"Report {low}" if low == high else f"Reports {low}–{high}"
        verb = "has" if low == high else "have"
        before = max((s for s in seqs if s < low), default=None)
        after = min(s for s in seqs if s > high)
        context = (f"headquarters holds reports {before} and {after}" if before is not None
                   else f"the first report headquarters holds is number {after}")
        out.append(Anomaly(MISSING_REPORT, f"{numbers} of {label} {verb} not arrived: {context}.",
                           first.device_id, first.monitor, severity="alert"))
    # Forks: one report number issued twice, or two reports signed at one point of the history.
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for seq, same in by_seq.items():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                pairs[(min(a.id, b.id), max(a.id, b.id))].append(f"both are report number {seq}")
    by_audit: dict[int, list[_Held]] = defaultdict(list)
    for h in reports:
        by_audit[h.audit_seq].append(h)
    for audit_seq, same in by_audit.items():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                key = (min(a.id, b.id), max(a.id, b.id))
                how = "different histories" if a.audit_head != b.audit_head else "the same history state"
                pairs[key].append(f"both were signed at audit event {audit_seq} with {how}")
    for (a_id, b_id), reasons in pairs.items():
        out.append(Anomaly(FORK, f"Reports {a_id[:8]} and {b_id[:8]} of {label} conflict: {'; '.join(reasons)}. "
                           "The device's history was copied or restored from a backup and went on twice.",
                           first.device_id, first.monitor, (a_id, b_id), severity="alert"))
    # Rollback: a later report number signed at an earlier point of the audit chain.
    highest: _Held | None = None
    for seq in seqs:
        group = by_seq[seq]
        if highest is not None:
            for h in group:
                if h.audit_seq <= highest.audit_seq and h.device_seq > highest.device_seq:
                    out.append(Anomaly(
                        ROLLBACK, f"Report {h.device_seq} ({h.id[:8]}) of {label} was signed at audit event "
                        f"{h.audit_seq}, not after report {highest.device_seq} ({highest.id[:8]}) at event "
                        f"{highest.audit_seq}: the device's history was rolled back.",
                        first.device_id, first.monitor, (highest.id, h.id), severity="alert"))
        top = max(group, key=lambda x: x.audit_seq)
        if highest is None or top.audit_seq > highest.audit_seq:
            highest = top
    return out


def anomalies(ws: Workspace) -> list[Anomaly]:
    """Everything headquarters should look at, most serious first.

    Per device: reports that have not arrived (gaps in the device's report
    numbers, and numbers before the first one received), a history rolled back
    (a later report signed at an earlier audit event) or forked (a report
    number issued twice, or two reports signed at one audit event). Across
    devices: a seal number or a KP certificate number on two shipments
    (amendments of one report share them legitimately), and, on the latest
    version of each report, value per carat outside its band and weighed vs
    declared beyond tolerance, judged by the rules with headquarters' current
    reference tables and settings.
    """
    held = _held(ws)
    if not held:
        return []
    out: list[Anomaly] = []
    by_device: dict[str, list[_Held]] = defaultdict(list)
    for h in held:
        by_device[h.device_id].append(h)
    for reports in by_device.values():
        out += _device_anomalies(reports)
    ids = {h.id: h for h in held}
    for h in held:
        if h.supersedes and h.supersedes not in ids:
            out.append(Anomaly(MISSING_REPORT, f"Report {h.id[:8]} (certificate {h.cert_number}) supersedes report "
                               f"{h.supersedes[:8]}, which has not arrived.", h.device_id, h.monitor, (h.id,),
                               severity="alert"))
    lineage = _lineages(held)
    users: dict[str, dict[str, _Held]] = defaultdict(dict)
    for number, report_id in ws.store.conn.execute("SELECT number, report_id FROM hq_seals ORDER BY number"):
        h = ids[report_id]
        users[number].setdefault(lineage[h.id], h)
    for number, lines in sorted(users.items()):
        if len(lines) > 1:
            where = ", ".join(f"certificate {h.cert_number} (report {h.id[:8]}, {h.monitor})" for h in lines.values())
            out.append(Anomaly(SEAL_REUSED, f"Seal {number} was used on {len(lines)} shipments: {where}.",
                               report_ids=tuple(h.id for h in lines.values()), severity="alert"))
    certs: dict[str, dict[str, _Held]] = defaultdict(dict)
    for h in held:
        if h.cert_number_norm:
            certs[h.cert_number_norm].setdefault(lineage[h.id], h)
    for lines in certs.values():
        if len(lines) > 1:
            hs = list(lines.values())
            where = ", ".join(f"report {h.id[:8]} ({h.monitor})" for h in hs)
            out.append(Anomaly(CERTIFICATE_REUSED, f"KP certificate {hs[0].cert_number} appears on {len(hs)} "
                               f"different shipments: {where}.", report_ids=tuple(h.id for h in hs),
                               severity="alert"))
    out += _rule_anomalies(ws, held, lineage)
    order = {"alert": 0, "warning": 1}
    return sorted(out, key=lambda a: order.get(a.severity, 2))


def _latest(held: list[_Held], lineage: dict[str, str]) -> list[_Held]:
    best: dict[str, _Held] = {}
    for h in held:
        line = lineage[h.id]
        if line not in best or h.version > best[line].version:
            best[line] = h
    return list(best.values())


def _rule_anomalies(ws: Workspace, held: list[_Held], lineage: dict[str, str]) -> list[Anomaly]:
    # The rules themselves decide (rules.check), on the signed inspection, with this home's reference tables.
    # Seal reuse is judged across reports above, not against this home's own (empty) inspections.
    ctx = dataclasses.replace(ws.rule_context(), seal_used_elsewhere=lambda _n: None)
    out: list[Anomaly] = []
    for h in _latest(held, lineage):
        snap = json.loads(ws.store.conn.execute("SELECT snapshot FROM hq_reports WHERE id = ?",
                                                [h.id]).fetchone()[0])
        insp, _problems = from_document(snap["inspection"])
        notes = {(w.get("code"), w.get("field")): w.get("note") for w in snap.get("warnings") or []}
        for p in check(insp, ctx):
            kind = _RULE_KINDS.get(p.code)
            if kind is None:
                continue
            note = notes.get((p.code, p.field))
            sentence = (f"Report {h.id[:8]} (certificate {h.cert_number}, {h.monitor}): {p.message}"
                        + (f" The monitor noted: “{note}”" if note else " The monitor left no note."))
            out.append(Anomaly(kind, sentence, h.device_id, h.monitor, (h.id,)))
    return out


# ---------------------------------------------------------------------------------- monitors


@dataclass(frozen=True)
class MonitorSummary:
    """One device and the monitor who signs on it, as headquarters has heard from them."""

    device_id: str
    monitor: str
    signer_serials: tuple[str, ...]
    reports: int
    last_seq: int
    missing: int
    last_signed_at: str
    last_imported_at: str
    revoked: bool

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["signer_serials"] = list(self.signer_serials)
        return out


def monitors(ws: Workspace) -> list[MonitorSummary]:
    """Every device headquarters has received reports from, most recent first."""
    revoked = revoked_serials(ws)
    out = []
    rows = ws.store.conn.execute(
        "SELECT device_id, count(*), max(device_seq), count(DISTINCT device_seq), max(signed_at), max(imported_at), "
        "group_concat(DISTINCT signer_serial) FROM hq_reports GROUP BY device_id").fetchall()
    for device_id, count, last_seq, distinct, last_signed, last_imported, serials in rows:
        monitor = ws.store.conn.execute("SELECT monitor FROM hq_reports WHERE device_id = ? ORDER BY signed_at DESC "
                                        "LIMIT 1", [device_id]).fetchone()[0]
        serial_list = tuple(sorted(str(serials or "").split(",")))
        out.append(MonitorSummary(device_id, monitor, serial_list, count, last_seq, last_seq - distinct,
                                  last_signed, last_imported, any(s in revoked for s in serial_list)))
    return sorted(out, key=lambda m: m.last_signed_at, reverse=True)


# -------------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class StatsRow:
    month: str  # YYYY-MM of the inspection (of signing when the inspection has no time)
    origin: str
    shipments: int
    certified: int
    carats: int  # hundredths
    value_usd: int  # cents

    @property
    def usd_per_carat(self) -> str:
        per_carat = usd_per_carat(self.value_usd, self.carats)
        return plain(per_carat) if per_carat is not None else ""


def stats(ws: Workspace) -> list[StatsRow]:
    """Shipments, carats and value by month and origin; each shipment counted once, at its latest version."""
    held = _held(ws)
    latest = {h.id for h in _latest(held, _lineages(held))}
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for report_id, inspected_at, signed_at, origin, verdict, carats, value in ws.store.conn.execute(
            "SELECT id, inspected_at, signed_at, origin, verdict, carats, value_usd FROM hq_reports"):
        if report_id not in latest:
            continue
        key = ((inspected_at or signed_at)[:7], origin or "")
        acc = sums[key]
        acc[0] += 1
        acc[1] += 1 if verdict == "certified" else 0
        acc[2] += carats or 0
        acc[3] += value or 0
    return [StatsRow(month, origin, *acc) for (month, origin), acc in sorted(sums.items())]


STATS_HEADER = ("month", "origin", "shipments", "certified", "carats", "value_usd", "usd_per_carat")


def stats_csv(rows: list[StatsRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(STATS_HEADER)
    for r in rows:
        writer.writerow([r.month, r.origin, r.shipments, r.certified, plain(r.carats), plain(r.value_usd),
                         r.usd_per_carat])
    return buf.getvalue()


def write_stats_csv(ws: Workspace, path: Path) -> list[StatsRow]:
    """Write the statistics as CSV (atomically); returns the rows."""
    rows = stats(ws)
    data = stats_csv(rows).encode("utf-8")
    try:
        write_atomic(Path(path), lambda fh: fh.write(data))
    except OSError as exc:
        raise KPError(f"The statistics could not be written to {path} ({exc.strerror or exc}).") from exc
    return rows


__all__ = [
    "ALREADY", "CONFLICT", "IMPORTED", "OUTCOMES", "REFUSED", "Anomaly", "ImportResult", "Importer",
    "MonitorSummary", "ReportSummary", "StatsRow", "Verified", "anomalies", "count_reports", "find_bundles",
    "import_log", "import_paths", "list_reports", "monitors", "pdf_file", "quarantine_dir", "report_detail", "stats",
    "stats_csv", "write_stats_csv",
]
