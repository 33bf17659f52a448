"""Headquarters' import of report bundles: whole or not at all, any number of times.

An import takes bundle files (or folders holding them) as they come off a USB stick or out of an
e-mail. Each bundle is imported whole or not at all:

1. Its SHA-256 is looked up first: a bundle already imported is recognised before it is parsed, so a
   retried delivery costs a hash.
2. It is verified completely (``bundle.verify_bundle``) before anything is written: archive form,
   manifest signature, chain to this headquarters' root, revocation, every file's hash, the snapshot's
   schema, the PDF's signature, the snapshot and QR seal the PDF carries.
3. A report id already held with other content is a conflict (an alert when the two are of different
   devices: one took the other's id); a report superseding another device's report is refused, with an
   alert: a report may supersede only its own device's reports.
4. The PDF and the photo originals are written (fsynced) first — an orphaned file is harmless, half a
   report is not — then the report, its seals and photos are recorded through the audited store in one
   transaction, with its log line and the anomalies it changes (``anomalies.judge_import``).

Steps 1–3 and the files of step 4 are ``BundleChecker``'s: it reads the store only to ask whether a
bundle is known, and never writes it, so it may run on another thread (the window's import worker
does, with a read-only connection). Recording is ``Importer.record``'s, on the thread that owns the
store. Over many files (``import_paths``) the two make a pipeline: one bundle's files are written on a
writer thread while the next bundle is checked.

A refused or conflicting bundle leaves every audited table and the audit chain exactly as they were; a
copy goes to ``inbox/quarantine`` with a text file saying why, and the import log records the sentence.
The same bundle again is "already imported" and changes nothing. No Qt here: the Inbox screen follows
an import through a ``progress(done, total, text)`` callback, or runs the checker itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kpmonitor.bundle.format import EXTENSION, LIMITS, Limits
from kpmonitor.bundle.verify import VerifiedBundle, verify_bundle
from kpmonitor.domain.inspection import normalise_certificate_number, normalise_seal_number
from kpmonitor.domain.quantities import parse_hundredths
from kpmonitor.errors import FileRefused, HomeError, KPError, ParseError
from kpmonitor.fileio import PRIVATE, read_regular, write_atomic
from kpmonitor.hq.anomalies import (
    CROSS_DEVICE_ID,
    CROSS_DEVICE_SUPERSEDE,
    RefusedClaim,
    judge_import,
    kept_alert,
    kept_refusal,
    rules_for,
)
from kpmonitor.hq.blobs import blob_store, keep_blobs
from kpmonitor.hq.history import HISTORY_REWRITTEN, HeldCheckpoint, history_problem
from kpmonitor.hq.inbox import pdf_file, quarantine_dir
from kpmonitor.hq.pgstore import PGBlobs
from kpmonitor.hq.receipts_due import terms_for
from kpmonitor.hq.shared import sync_trust
from kpmonitor.hq.store import Anomaly, HQStore, hq_store
from kpmonitor.i18n import DEFAULT as DEFAULT_LANGUAGE
from kpmonitor.i18n import _, in_every_language
from kpmonitor.store.db import new_id, now
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring

if TYPE_CHECKING:
    from cryptography import x509

    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.history.checkpoint import CheckedHistory
    from kpmonitor.hq.receipts_due import ReceiptTerms
    from kpmonitor.paths import Paths
    from kpmonitor.rules.kp import RuleContext
    from kpmonitor.workspace import Progress, Workspace

log = logging.getLogger(__name__)

IMPORTED, ALREADY, CONFLICT, REFUSED = "imported", "already", "conflict", "refused"
OUTCOMES = (IMPORTED, ALREADY, CONFLICT, REFUSED)


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
    """The files to import: files as given, and every ``*.kpbundle`` under the folders given (sorted).

    Links and special files (a pipe, a device) named like a bundle are listed too, not followed: the
    import refuses each with a sentence in its results and its log (``fileio.read_regular``), rather
    than reading what a link on a stick points at or waiting on a pipe for ever.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        candidates = [path]
        if path.is_dir() and not path.is_symlink():
            # os.walk does not follow links to folders: a link loop on a stick cannot hang the import.
            candidates = sorted(Path(folder) / name for folder, _dirs, names in os.walk(path)
                                for name in names if name.lower().endswith(EXTENSION))
        for candidate in candidates:
            key = candidate.absolute()  # not resolve(): a link is its own entry, refused with its own sentence
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


def report_columns(snapshot: dict[str, Any], signer: dict[str, Any]) -> dict[str, Any]:
    """The columns of ``hq_reports`` that come from a verified report's snapshot and its signer's certificate
    (``identity.certificate_summary``): what the import records, and what ``hq.recheck`` derives again."""
    report, insp = snapshot["report"], snapshot["inspection"]
    cert = insp["certificate"]
    return {
        "id": report["id"], "version": report["version"], "supersedes": report["supersedes"],
        "device_id": report["device_id"], "device_seq": report["device_seq"],
        "audit_seq": report["audit"]["seq"], "audit_head": report["audit"]["head"],
        "monitor": signer["name"], "signer_serial": signer["serial"],  # the signer is the certificate
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
        "seals": len(insp["seals"]), "photos": len(insp["photos"]), **_record_columns(insp),
    }


def _record_columns(insp: dict[str, Any]) -> dict[str, str]:
    """What headquarters lists and counts of the KP record (m013): empty where the snapshot has none (a format
    before 4), so NULL is left to the reports imported before m013 (``hq.store`` reads their snapshots)."""
    def part(name: str) -> dict[str, Any]:
        value = insp.get(name)
        return value if isinstance(value, dict) else {}

    production, shipment, validation = part("production"), part("shipment"), part("validation")
    return {"production_operator": str(production.get("operator") or ""),
            "production_mine": str(production.get("mine") or ""),
            "container": str(shipment.get("container") or ""),
            "validation_number": str(validation.get("number") or ""),
            "airway_bill": str(shipment.get("airway_bill") or "")}


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


@dataclass(frozen=True)
class Settled:
    """An outcome known before anything is recorded (refused, already imported): ``Importer.record`` logs it,
    with its alert (a bundle refused for what another device's report holds) among the anomalies."""

    result: ImportResult
    alert: Anomaly | None = None
    claim: RefusedClaim | None = None  # a refused bundle's report (``anomalies.kept_refusal``)


class KnownBundles(Protocol):
    """What the checker asks of headquarters' store: ``HQStore``, or an ``HQReader`` on another thread."""

    def report_of_bundle(self, bundle_sha256: str) -> str | None: ...

    def manifest_of(self, report_id: str) -> str | None: ...

    def device_of(self, report_id: str) -> str | None: ...

    def checkpoints_of(self, device_id: str) -> list[HeldCheckpoint]: ...

    def first_checkpointed_seq(self, device_id: str) -> int | None: ...


def _unexpected(path: Path) -> str:
    return _("{file} could not be imported because of an unexpected error; the details are in the log.").format(
        file=path.name)


def _imported(row: dict[str, Any], report_id: str, before_enrolment: bool) -> str:
    """The import log's line for a report recorded, in the importing analyst's language."""
    facts = {"report": _short(report_id), "version": row["version"], "certificate": row["cert_number"] or "—",
             "monitor": row["monitor"], "parent": _short(row["supersedes"] or "")}
    if row["supersedes"] and before_enrolment:
        text = _("Imported report {report} v{version}: certificate {certificate}, monitor {monitor}, superseding "
                 "report {parent}, signed before enrolment.")
    elif row["supersedes"]:
        text = _("Imported report {report} v{version}: certificate {certificate}, monitor {monitor}, superseding "
                 "report {parent}.")
    elif before_enrolment:
        text = _("Imported report {report} v{version}: certificate {certificate}, monitor {monitor}, signed before "
                 "enrolment.")
    else:
        text = _("Imported report {report} v{version}: certificate {certificate}, monitor {monitor}.")
    return text.format(**facts)


class BundleChecker:
    """Reads and verifies bundles and writes their files (PDF, photo originals, quarantine copies).

    It reads the store only through ``known`` and never writes it, so it may run on any thread, given a
    ``known`` of that thread (``HQReader``).
    """

    def __init__(self, paths: Paths, vault: PhotoVault, known: KnownBundles, *, limits: Limits = LIMITS,
                 blobs: PGBlobs | None = None) -> None:
        self.paths = paths
        self.vault = vault
        self.known = known
        self.limits = limits
        self.blobs = blobs  # headquarters on PostgreSQL: the bytes every analyst opens (``hq.blobs``)
        keyring = Keyring(paths)
        self.root: x509.Certificate | None = keyring.root()
        self.crl: x509.CertificateRevocationList | None = keyring.crl()
        # The keys headquarters certified: a report signed self-signed before its device was enrolled is accepted.
        self.enrolment = keyring.enrolment()
        if self.root is None:
            raise HomeError("This headquarters home has no root certificate, so no bundle can be checked.")

    def prepare_file(self, path: Path) -> Settled | Verified:
        path = Path(path)
        try:
            # A link, a pipe, a device or an oversized file is refused unread, and not copied to quarantine.
            data = read_regular(path, self.limits.max_file_bytes, "bundle")
        except FileRefused as exc:
            return self.settle(path, REFUSED, exc.message, "", None)
        except OSError as exc:
            return self.settle(path, REFUSED, _("{file} cannot be read ({why}).").format(
                file=path.name, why=exc.strerror or exc), "", None)
        return self.prepare_data(path, data)

    def prepare_data(self, path: Path, data: bytes) -> Settled | Verified:
        """Everything before the first write: the outcome when there is nothing to record, else the checked bundle."""
        path = Path(path)
        if len(data) > self.limits.max_file_bytes:
            return self.settle(path, REFUSED, _("{file} is {size} bytes, more than a bundle may be; it was not "
                                                "copied to quarantine.").format(file=path.name, size=f"{len(data):,}"),
                               "", None)
        sha = hashlib.sha256(data).hexdigest()
        # The cheap path: these exact bytes were imported before.
        known = self.known.report_of_bundle(sha)
        if known is not None:
            return self.settle(path, ALREADY, _("Report {report} was already imported from this bundle; nothing "
                                                "changed.").format(report=_short(known)), sha, known)
        try:
            vb = verify_bundle(data, self.root, self.crl, limits=self.limits, stop_early=True, bundle_sha256=sha,
                               enrolment=self.enrolment)
            if not vb.ok:
                return self.refuse(path, data, sha, vb.refusal, vb.report_id or None, claim=_claim(vb))
            return self.held_against(path, data, sha, vb) or Verified(path, data, sha, vb, self._row(path, vb, sha))
        except KPError as exc:
            return self.refuse(path, data, sha, exc.message, None)
        except Exception:  # a bug must not stop the other files
            log.exception("import of %s failed", path)
            return self.refuse(path, data, sha, _unexpected(path), None)

    def write_files(self, step: Verified) -> None:
        """The PDF and the photo originals, each fsynced. No database: may run on another thread.

        Written before the report is recorded: should recording fail, they are harmless orphans.
        """
        vb = step.vb
        target = pdf_file(self.paths, vb.report_id)
        if not (target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == vb.manifest_pdf_sha256):
            write_atomic(target, vb.pdf)
        self._store_photos(vb)
        if self.blobs is not None:  # on the shared database too, before the report that names them is recorded
            keep_blobs(self.blobs, [(vb.pdf, "pdf"), *((data, "photo") for data in vb.photos.values())])

    def _store_photos(self, vb: VerifiedBundle) -> None:
        """The originals into the vault, named by their SHA-256, each durable before the report is recorded.

        They are not decoded here: the hashes in the signed manifest prove these are the very bytes the
        monitor's vault verified when they were added, and every later display goes through the vault's own
        checks (pixel limits, a sentence for a damaged image). Decoding a thousand camera photos again would
        triple the cost of an import and prove nothing more.
        """
        # Several fsyncs in flight let the disk commit them together: twenty photos cost a few waits, not twenty.
        # The vault keeps each as it keeps a monitor's: a damaged copy repaired, read-only, its shard durable.
        list(_photo_writers().map(self.vault.store_verified, vb.photos.keys(), vb.photos.values()))

    def _row(self, path: Path, vb: VerifiedBundle, sha: str) -> dict[str, Any]:
        assert vb.signer is not None
        return {
            **report_columns(vb.snapshot, identity.certificate_summary(vb.signer)),
            "snapshot": vb.snapshot_bytes.decode("utf-8"), "snapshot_sha256": vb.manifest["snapshot_sha256"],
            "pdf_sha256": vb.manifest_pdf_sha256, "pdf_size": len(vb.pdf),
            "manifest": vb.manifest_bytes.decode("utf-8"), "manifest_sig": vb.manifest_sig,
            "manifest_sha256": vb.manifest_sha256, "chain_pem": vb.certs_pem, "bundle_sha256": sha,
            "bundle_name": path.name, "verification": json.dumps(vb.verification.to_json(), ensure_ascii=False),
            "imported_at": now(),
        }

    # -- outcomes: files only; the log line is the recorder's

    def held_against(self, path: Path, data: bytes, sha: str, vb: VerifiedBundle) -> Settled | None:
        """What headquarters' reports say of a verified bundle: its id held already (the same report again, or a
        conflict), or it supersedes another device's report (refused, with an alert); None: it is to be recorded.

        Asked before its files are written, and again in the transaction that records it.
        """
        existing = self.known.manifest_of(vb.report_id)
        if existing is not None:
            return self.already_held(path, data, sha, vb, existing)
        report = vb.manifest["report"]
        parent = report["supersedes"]
        parent_device = self.known.device_of(parent) if parent else None
        if parent_device is None or parent_device == report["device_id"]:
            return self.history_against(path, data, sha, vb)
        def said() -> str:
            return _("Report {report} of {device} claims to supersede report {parent}, which is device {other}'s: "
                     "a report may supersede only its own device's reports. It was refused and set aside for "
                     "review.").format(report=_short(vb.report_id), device=self._device_label(vb),
                                       parent=_short(parent), other=parent_device[:8])
        return self.settle(path, REFUSED, said(), sha, vb.report_id, quarantine=data,
                           alert=self._alert(CROSS_DEVICE_SUPERSEDE, said, vb, parent), claim=_claim(vb))

    def history_against(self, path: Path, data: bytes, sha: str, vb: VerifiedBundle) -> Settled | None:
        """A checkpoint that does not extend the device's history headquarters holds: refused, with an alert."""
        device, seq = vb.manifest["report"]["device_id"], vb.manifest["report"]["device_seq"]
        if vb.history is None:  # a report of a format before checkpoints (its verification says so)
            first = self.known.first_checkpointed_seq(device)
            if first is None or seq < first:
                return None
            def unsigned() -> str:
                return _("Report {report} of {device} is number {number} but of a format without a signed history, "
                         "and the device's report {first} already carried one: a device that signs its history does "
                         "not go back. It was refused and set aside for review.").format(
                             report=_short(vb.report_id), device=self._device_label(vb), number=seq, first=first)
            return self.settle(path, REFUSED, unsigned(), sha, vb.report_id, quarantine=data,
                               alert=self._alert(HISTORY_REWRITTEN, unsigned, vb, vb.report_id), claim=_claim(vb))
        held = self.known.checkpoints_of(device)
        problem = history_problem(held, vb.history, vb.report_id)
        if problem is None:
            return None
        other = held[-1].report_id if held else vb.report_id
        history = vb.history

        def rewritten() -> str:
            return history_problem(held, history, vb.report_id) or problem
        return self.settle(path, REFUSED, problem, sha, vb.report_id, quarantine=data,
                           alert=self._alert(HISTORY_REWRITTEN, rewritten, vb, other), claim=_claim(vb))

    def already_held(self, path: Path, data: bytes, sha: str, vb: VerifiedBundle, manifest_sha: str) -> Settled:
        """A report whose id is held already: the same content again, or a conflict set aside (an alert when the
        id is held for another device: one device took another's report id)."""
        report_id = vb.report_id
        if manifest_sha == vb.manifest_sha256:
            return self.settle(path, ALREADY, _("Report {report} was already imported with the same content; "
                                                "nothing changed.").format(report=_short(report_id)), sha, report_id)
        held_device = self.known.device_of(report_id) or ""
        if held_device != vb.manifest["report"]["device_id"]:
            def taken() -> str:
                return _("Report {report} of {device} carries the id of a report headquarters holds from device "
                         "{other}: one device used another's report id. This one was set aside for review.").format(
                             report=_short(report_id), device=self._device_label(vb), other=held_device[:8])
            return self.settle(path, CONFLICT, taken(), sha, report_id, quarantine=data,
                               alert=self._alert(CROSS_DEVICE_ID, taken, vb, report_id))
        sentence = _("Report {report} was already imported with different content: two different reports carry the "
                     "same id, so this one was set aside for review.").format(report=_short(report_id))
        return self.settle(path, CONFLICT, sentence, sha, report_id, quarantine=data)

    @staticmethod
    def _device_label(vb: VerifiedBundle) -> str:
        assert vb.signer is not None
        return _("device {device} ({monitor})").format(device=vb.manifest["report"]["device_id"][:8],
                                                      monitor=identity.certificate_summary(vb.signer)["name"])

    @staticmethod
    def _alert(kind: str, make: Callable[[], str], vb: VerifiedBundle, other: str) -> Anomaly:
        """An alert kept with the anomalies, its sentence in every language (each analyst reads their own)."""
        assert vb.signer is not None
        said = in_every_language(make)
        english = said.pop(DEFAULT_LANGUAGE)
        return Anomaly(kind, english, vb.manifest["report"]["device_id"],
                       identity.certificate_summary(vb.signer)["name"], (vb.report_id, other), severity="alert",
                       sentences=tuple(said.items()))

    def refuse(self, path: Path, data: bytes, sha: str, sentence: str, report_id: str | None, *,
               claim: RefusedClaim | None = None) -> Settled:
        return self.settle(path, REFUSED, sentence, sha, report_id, quarantine=data, claim=claim)

    def settle(self, path: Path, outcome: str, sentence: str, sha: str, report_id: str | None, *,
               quarantine: bytes | None = None, alert: Anomaly | None = None,
               claim: RefusedClaim | None = None) -> Settled:
        """The outcome, with a copy of the bundle in quarantine when ``quarantine`` holds its bytes."""
        quarantined = self._quarantine(path, quarantine, sha, outcome, sentence) if quarantine is not None else None
        return Settled(ImportResult(path, outcome, sentence, report_id, sha, quarantined), alert, claim)

    def _quarantine(self, path: Path, data: bytes, sha: str, outcome: str, sentence: str) -> Path | None:
        folder = quarantine_dir(self.paths)
        target = folder / f"{sha[:12]}-{path.name}"
        try:
            # PRIVATE: a hostile bundle is evidence for headquarters' eyes, not for every user of the computer.
            if not target.exists():
                write_atomic(target, data, mode=PRIVATE)
            note = f"{outcome}: {sentence}\nfile: {path.name}\nsha256: {sha}\nat: {now()}\n"
            write_atomic(target.with_name(target.name + ".txt"), note.encode("utf-8"), mode=PRIVATE)
        except OSError as exc:
            log.warning("could not quarantine %s: %s", path, exc)
            return None
        return target


def _claim(vb: VerifiedBundle) -> RefusedClaim | None:
    """What a refused bundle's manifest says of its report: its device and number (checked only when the bundle
    verified); None when it names no device id kpmonitor makes."""
    report = vb.manifest.get("report")
    if not isinstance(report, dict) or not isinstance(report.get("device_seq"), int) or not vb.report_id:
        return None
    try:
        device = identity.check_device_id(str(report.get("device_id")))
    except KPError:
        return None
    return RefusedClaim(device, report["device_seq"], vb.report_id, str(vb.verification.signer.get("name") or ""),
                        verified=vb.ok)


def seal_rows(insp: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``hq_seals`` rows of a signed inspection: each seal's number as headquarters compares them."""
    return [{"number": normalise_seal_number(str(seal["number"])), "parcel": seal.get("parcel")}
            for seal in insp["seals"]]


def photo_rows(insp: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``hq_photos`` rows of a signed inspection: each photo by its SHA-256, with what the record says of it."""
    return [{"sha256": photo["sha256"], "caption": str(photo.get("caption") or ""), "parcel": photo.get("parcel"),
             "seal": photo.get("seal"), "original_name": str(photo.get("original_name") or ""),
             "format": str(photo.get("format") or ""), "size": int(photo.get("size") or 0),
             "taken_at": photo.get("taken_at")} for photo in insp["photos"]]


def record_report(hqs: HQStore, rules: RuleContext, terms: ReceiptTerms | None, row: dict[str, Any],
                  insp: dict[str, Any], log_line: dict[str, Any], history: CheckedHistory | None = None) -> None:
    """The lowest step of an import: a verified report's row, seals and photos (audited), the checkpoint it
    carried, its log line and the anomalies it changes (``anomalies.judge_import``). Call in a transaction.

    Everything before it (reading, verifying, writing the files, the checks against what is held) is the
    checker's; ``bench/hq_scale.py`` drives this step alone to fill a headquarters of any size.
    """
    hqs.insert_report(row, seal_rows(insp), photo_rows(insp))
    if history is not None:
        hqs.insert_checkpoint(row["device_id"], row["id"], row["bundle_sha256"], history)
    hqs.write_log([log_line])
    judge_import(hqs, rules, row["id"], terms)


def _log_row(result: ImportResult) -> dict[str, Any]:
    return {"id": new_id(), "at": now(), "file_name": result.file.name, "bundle_sha256": result.bundle_sha256,
            "outcome": result.outcome, "report_id": result.report_id, "sentence": result.sentence,
            "quarantined": str(result.quarantined) if result.quarantined else None}


class Importer:
    """Imports bundles into a headquarters home, trusting its own root and its current revocation list.

    ``import_file`` does it all for one file. The steps apart: ``checker.prepare_file`` (no writes),
    ``checker.write_files`` (files only, any thread), ``record`` (the database: the thread owning ``ws``).
    """

    def __init__(self, ws: Workspace, *, limits: Limits = LIMITS, batch_log: bool = False) -> None:
        if ws.role != "hq":
            raise HomeError(f"This is a {ws.role} home; bundles are imported into a headquarters home.")
        self.ws = ws
        self.store = hq_store(ws)
        sync_trust(ws)  # on a shared database: the issuing home's latest revocations before any bundle is checked
        self.checker = BundleChecker(ws.paths, ws.vault, self.store, limits=limits, blobs=blob_store(ws))
        self.rules = rules_for(ws)
        self.terms = terms_for(ws)  # receipts are judged at import too, as of the day it began
        self.batch_log = batch_log
        self._pending: list[dict[str, Any]] = []

    def import_file(self, path: Path) -> ImportResult:
        """Import one bundle file; never raises for a bad file (the result says why)."""
        return self._complete(self.checker.prepare_file(path))

    def import_data(self, path: Path, data: bytes) -> ImportResult:
        """Import a bundle's bytes (``path`` names it: a file, an e-mail attachment); never raises for bad input."""
        return self._complete(self.checker.prepare_data(path, data))

    def _complete(self, step: Settled | Verified) -> ImportResult:
        if isinstance(step, Verified):
            try:
                self.checker.write_files(step)
            except Exception as exc:
                return self.record(step, exc)
        return self.record(step)

    def record(self, step: Settled | Verified, write_error: BaseException | None = None) -> ImportResult:
        """Record a checked bundle whose files were written (or say why they could not be), or log an outcome."""
        if isinstance(step, Settled):
            return self._log(step)
        path, data, sha, vb = step.path, step.data, step.sha, step.vb
        if isinstance(write_error, OSError):  # the bundle is not at fault: it can simply be imported again
            log.warning("import of %s could not write: %s", path, write_error)
            why = write_error.strerror or write_error
            return self._log(self.checker.settle(
                path, REFUSED, _("{file} could not be stored on this computer ({why}); nothing was recorded, import "
                                 "it again once that is fixed.").format(file=path.name, why=why),
                sha, vb.report_id, claim=_claim(vb)))
        try:
            if write_error is not None:
                raise write_error
            return self._insert(step)
        except KPError as exc:
            return self._log(self.checker.refuse(path, data, sha, exc.message, vb.report_id, claim=_claim(vb)))
        except Exception:  # the transaction rolled back: nothing of the report is recorded
            log.exception("import of %s failed", path)
            return self._log(self.checker.refuse(path, data, sha, _unexpected(path), vb.report_id,
                                                 claim=_claim(vb)))

    def _insert(self, step: Verified) -> ImportResult:
        path, sha, vb, row = step.path, step.sha, step.vb, step.row
        report_id = vb.report_id
        self.flush()  # pending log lines go first, so a failed transaction below cannot take them along
        insp = vb.snapshot["inspection"]
        with self.store.transaction():
            # Checked again inside the transaction: an earlier file of this import, or another import, may have
            # recorded this report, or the one it supersedes, since it was checked.
            held = self.checker.held_against(path, step.data, sha, vb)
            if held is None:
                sentence = _imported(row, report_id, vb.verification.before_enrolment)
                result = ImportResult(path, IMPORTED, sentence, report_id, sha)
                record_report(self.store, self.rules, self.terms, row, insp, _log_row(result), vb.history)
        if held is not None:
            return self._log(held)
        return result

    def _log(self, step: Settled) -> ImportResult:
        result = step.result
        if result.outcome == ALREADY and self.batch_log:
            # A retried delivery of many bundles must cost little more than hashing them: their log lines
            # are written together by flush() (before the next import, and at the end), not one commit each.
            self._pending.append(_log_row(result))
        else:
            with self.store.transaction():
                line = _log_row(result)
                self.store.write_log([line])
                if step.alert is not None:  # kept with the anomalies, as the log line is kept
                    kept_alert(self.store, result.bundle_sha256, step.alert)
                if step.claim is not None:  # its number arrived and was refused: not one that has not arrived
                    kept_refusal(self.store, self.rules, result.bundle_sha256, step.claim, line["at"], result.sentence)
        return result

    def flush(self) -> None:
        """Write the import log lines still pending."""
        if self._pending:
            with self.store.transaction():
                self.store.write_log(self._pending)
            self._pending = []


def checked(checker: BundleChecker, files: list[Path], *,
            progress: Progress | None = None) -> Iterator[tuple[Settled | Verified, BaseException | None]]:
    """Each file checked and, when it passed, its files written: ``(step, the write's error or None)`` in order.

    No database writes: the consumer records each step (``Importer.record``), on its own thread. One bundle's
    files are written on a writer thread while the next bundle is checked.

    :param progress: ``progress(done, total, file name)`` before each file and once at the end; returning
        False stops before the next file.
    """
    writing: tuple[Verified, Future[None]] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kpmonitor-import") as writer:
        for i, path in enumerate(files):
            if progress is not None and progress(i, len(files), path.name) is False:
                break
            step = checker.prepare_file(path)
            if writing is not None:
                yield writing[0], writing[1].exception()
                writing = None
            if isinstance(step, Settled):
                yield step, None
            else:
                writing = (step, writer.submit(checker.write_files, step))
        else:
            if writing is not None:
                yield writing[0], writing[1].exception()
            if progress is not None:
                progress(len(files), len(files), "")
            return
        if writing is not None:  # stopped: the bundle whose files are written is still recorded
            yield writing[0], writing[1].exception()


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
    results: list[ImportResult] = []
    try:
        for step, write_error in checked(importer.checker, find_bundles(paths), progress=progress):
            result = importer.record(step, write_error)
            results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        importer.flush()
    return results


__all__ = [
    "ALREADY", "CONFLICT", "IMPORTED", "OUTCOMES", "REFUSED", "BundleChecker", "ImportResult", "Importer",
    "KnownBundles", "Settled", "Verified", "checked", "find_bundles", "import_paths", "photo_rows", "record_report",
    "seal_rows",
]
