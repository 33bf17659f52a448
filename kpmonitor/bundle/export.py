"""Exporting a signed report: its PDF and its bundle, written into a folder (a USB stick).

The one export path: the command line's ``export`` and ``export-unsent`` and the GUI's export all
come through ``export_report``, or through its three phases when the writing runs on a worker
thread (the GUI's SQLite connection belongs to the GUI thread):

``prepare_export``
    on the caller's thread: reads the report's row.
``write_export``
    anywhere, no database: checks every stored file against what was signed and writes the PDF
    and the bundle. The slow part (the bundle holds the photos, megabytes for a slow stick).
``record_export``
    back on the caller's thread: remembers the export, so ``export_unsent`` leaves it out.

A bundle's bytes are a pure function of the report, so exporting again writes the same file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from kpmonitor.bundle.format import (
    CERTS_NAME,
    EXTENSION,
    MANIFEST_NAME,
    PDF_NAME,
    PHOTO_DIR,
    SIGNATURE_NAME,
    SNAPSHOT_NAME,
    BundleError,
    _write_zip_to,
    entry_matches,
)
from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, SHARED_DIR, ensure_dir, write_atomic
from kpmonitor.paths import Paths
from kpmonitor.report.manifest import signature_valid
from kpmonitor.report.sign import pdf_path
from kpmonitor.trust import identity

if TYPE_CHECKING:
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.workspace import Progress, Workspace

class ReportFiles(Protocol):
    """Where a home keeps a report's files: a ``Workspace``, or an ``ExportPlan`` off the GUI thread."""

    @property
    def paths(self) -> Paths: ...

    @property
    def vault(self) -> PhotoVault: ...


@dataclass(frozen=True)
class ExportPlan:
    """What ``prepare_export`` read from the store: the report's row, and where its files are and go."""

    row: dict[str, Any]
    out_dir: Path
    paths: Paths
    vault: PhotoVault

    @property
    def report_id(self) -> str:
        return str(self.row["id"])


@dataclass(frozen=True)
class ExportedReport:
    """The files one export wrote, and the bundle's SHA-256 for the store to remember."""

    pdf: Path
    bundle: Path
    report_id: str
    bundle_sha256: str


def export_stem(row: Mapping[str, Any]) -> str:
    """``KP-report-<certificate>-v<version>-<id>``: a report's PDF and bundle share it, side by side."""
    cert_number = json.loads(row["snapshot"])["inspection"]["certificate"]["number"]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in cert_number).strip("-") or "report"
    return f"KP-report-{safe}-v{row['version']}-{row['id'][:8]}"


def bundle_file_name(row: Mapping[str, Any]) -> str:
    """``KP-report-<certificate>-v<version>-<id>.kpbundle``: beside the PDF of the same name."""
    return export_stem(row) + EXTENSION


def bundle_entries(files: ReportFiles, row: Mapping[str, Any]) -> dict[str, bytes]:
    """The files of a report's bundle, each checked against its signed manifest.

    :raises BundleError: when the report predates bundles, or a stored file
        (the PDF, a photo original) no longer matches what was signed.
    """
    short = str(row["id"])[:8]
    if not row.get("manifest") or not row.get("manifest_sig") or not row.get("chain_pem"):
        raise BundleError(f"Report {short} was signed before bundles existed, so it has no signed manifest; send "
                          "its PDF instead, or amend and sign it again.")
    manifest_bytes = str(row["manifest"]).encode("utf-8")
    certs = str(row["chain_pem"]).encode("ascii")
    leaf = identity.load_certs(certs)[0]
    if not signature_valid(leaf, manifest_bytes, str(row["manifest_sig"]).encode("ascii")):
        raise BundleError(f"The stored manifest of report {short} no longer matches its signature; it was altered "
                          "on this disk.")
    manifest = json.loads(manifest_bytes)
    entries: dict[str, bytes] = {MANIFEST_NAME: manifest_bytes,
                                 SIGNATURE_NAME: str(row["manifest_sig"]).encode("ascii"),
                                 SNAPSHOT_NAME: str(row["snapshot"]).encode("utf-8"), CERTS_NAME: certs}
    try:
        entries[PDF_NAME] = pdf_path(files.paths, str(row["id"])).read_bytes()
    except OSError as exc:
        raise BundleError(f"The signed PDF of report {short} cannot be read ({exc.strerror or exc}).") from exc
    for item in manifest["files"]:
        path = str(item["path"])
        if path.startswith(PHOTO_DIR):
            # read_original re-hashes: damaged evidence is never exported.
            entries[path] = files.vault.read_original(str(item["sha256"]))
        data = entries.get(path)
        if not entry_matches(item, data):
            what = "signed PDF" if path == PDF_NAME else path
            raise BundleError(f"The stored {what} of report {short} no longer matches what was signed; it was "
                              "altered on this disk.")
    return entries


class _Hashing:
    """Hashes what it passes on: the bundle's SHA-256 without reading the file back."""

    def __init__(self, fh: BinaryIO, digest: Any) -> None:
        self.fh = fh
        self.digest = digest

    def write(self, data: bytes | memoryview, /) -> int:
        self.digest.update(data)
        return self.fh.write(data)


def _write_pdf(plan: ExportPlan) -> Path:
    """Copy the report's stored PDF into the folder, checking it is the one recorded."""
    row = plan.row
    data = pdf_path(plan.paths, plan.report_id).read_bytes()
    if hashlib.sha256(data).hexdigest() != row["pdf_sha256"]:
        raise KPError(f"The stored PDF of report {plan.report_id[:8]} no longer matches what was signed; it was "
                      "altered on this disk.")
    target = plan.out_dir / f"{export_stem(row)}.pdf"
    write_atomic(target, data, mode=SHARED)  # on a stick, for others: the exporter, headquarters
    return target


def _write_bundle(plan: ExportPlan) -> tuple[Path, str]:
    """Write the report's bundle into the folder; returns its path and SHA-256."""
    entries = bundle_entries(plan, plan.row)
    target = Path(plan.out_dir) / bundle_file_name(plan.row)
    digest = hashlib.sha256()
    try:
        write_atomic(target, lambda fh: _write_zip_to(_Hashing(fh, digest), entries), mode=SHARED)
    except OSError as exc:
        raise BundleError(f"The bundle could not be written to {target.parent} ({exc.strerror or exc}); nothing "
                          "was left half-written.") from exc
    return target, digest.hexdigest()


def prepare_export(ws: Workspace, report_id: str, out_dir: Path) -> ExportPlan:
    """Read what exporting a report needs from the store (the caller's thread).

    :raises NotFound: when there is no such report.
    """
    return ExportPlan(row=ws.store.report(report_id), out_dir=Path(out_dir), paths=ws.paths, vault=ws.vault)


def write_export(plan: ExportPlan, *, progress: Progress | None = None) -> ExportedReport:
    """Write the report's PDF, then its bundle, into the plan's folder (any thread: no database).

    :param progress: ``progress(done, 2, what)`` with ``what`` "pdf", then "bundle", then "".
    :raises KPError: when the folder cannot be written to, or a stored file no longer matches what was
        signed; a file that was not finished is never left behind.
    """
    out_dir = plan.out_dir
    try:
        ensure_dir(out_dir, SHARED_DIR)  # durably: a pulled stick must not lose the folder with its fsynced files
    except OSError as exc:
        raise KPError(f"The folder {out_dir} cannot be written to ({exc.strerror or exc}).") from exc
    try:
        if progress is not None:
            progress(0, 2, "pdf")
        pdf = _write_pdf(plan)
        if progress is not None:
            progress(1, 2, "bundle")
        bundle, sha = _write_bundle(plan)
    except OSError as exc:  # a full or pulled-out USB stick
        raise KPError(f"Writing to {out_dir} failed ({exc.strerror or exc}); check that the stick is still there "
                      "and not full.") from exc
    if progress is not None:
        progress(2, 2, "")
    return ExportedReport(pdf=pdf, bundle=bundle, report_id=plan.report_id, bundle_sha256=sha)


def record_export(ws: Workspace, exported: ExportedReport) -> None:
    """Remember that the report's bundle was written (the caller's thread)."""
    ws.store.record_bundle_export(exported.report_id, exported.bundle_sha256, exported.bundle.name)


def export_report(ws: Workspace, report_id: str, out_dir: Path, *,
                  progress: Progress | None = None) -> ExportedReport:
    """Write a signed report's PDF and bundle into ``out_dir`` and remember the export.

    :raises KPError: as ``write_export``; ``NotFound`` when there is no such report.
    """
    exported = write_export(prepare_export(ws, report_id, out_dir), progress=progress)
    record_export(ws, exported)
    return exported


def export_pdf(ws: Workspace, report_id: str, out_dir: Path) -> Path:
    """Copy a signed report's PDF into a folder (a USB stick), checking it is the one recorded."""
    return _write_pdf(prepare_export(ws, report_id, out_dir))


def export_bundle(ws: Workspace, report_id: str, out_dir: Path) -> Path:
    """Write a signed report's bundle into ``out_dir`` and remember the export; returns its path.

    :raises BundleError: when a stored file no longer matches what was signed.
    """
    plan = prepare_export(ws, report_id, out_dir)
    target, sha = _write_bundle(plan)
    ws.store.record_bundle_export(plan.report_id, sha, target.name)
    return target


def unsent_reports(ws: Workspace) -> list[str]:
    """Ids of signed reports whose bundle was never exported, oldest first (the store decides)."""
    return ws.store.unexported_reports()


def export_unsent(ws: Workspace, out_dir: Path, *, progress: Progress | None = None) -> list[Path]:
    """Export the PDF and bundle of every report not exported yet; returns the files written.

    :param progress: ``progress(done, total, text)``; returning False stops
        before the next report (those written stay written and remembered).
    """
    ids = ws.store.unexported_reports()
    written: list[Path] = []
    for i, report_id in enumerate(ids):
        if progress is not None and progress(i, len(ids), report_id[:8]) is False:
            return written
        exported = export_report(ws, report_id, out_dir)
        written += [exported.pdf, exported.bundle]
    if progress is not None:
        progress(len(ids), len(ids), "")
    return written
