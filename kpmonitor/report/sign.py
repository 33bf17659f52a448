"""Signing a report: freeze the inspection, seal it, render it, certify it, record it.

Signing freezes the inspection into a canonical snapshot, seals a summary of
it in a QR code (COSE_Sign1, ``qrseal``), renders the PDF from the snapshot
alone (``report.pdf``), attaches the snapshot and the seal text to the PDF,
certifies the whole with a PAdES signature (``pdfsign``), and signs the
bundle manifest while the key is open (``report.manifest``), with the checkpoint
of the audit log the snapshot names (``history.checkpoint``).

It runs in three phases, so that only the thread that owns the database
touches it (the GUI signs on a worker thread, and its SQLite connection
belongs to the GUI thread):

``prepare_signing``
    on the caller's thread: reads the inspection, refuses it while errors or
    unacknowledged warnings remain, reads the signing certificate (the signer:
    its monitor and its device, whatever the home's settings say), and fixes
    the report's id (its device's own), version and device sequence number,
    the audit head the snapshot describes and the language the report is
    drawn in (the monitor's choice; by default the app's).
``build_signing``
    anywhere, no database: opens the key, builds the snapshot, seals,
    renders, signs the PDF and the manifest. The slow part.
``record_signing``
    back on the caller's thread: writes the PDF (fsynced) before the database
    records the report and freezes the inspection, in one transaction; a crash
    in between leaves an unreferenced file, never a report without its PDF.

``sign_inspection`` runs the three in a row.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.domain.inspection import Inspection, Status
from kpmonitor.errors import Conflict, KPError
from kpmonitor.fileio import write_atomic
from kpmonitor.history.checkpoint import HistoryPlan, make_history
from kpmonitor.i18n import _, check_language, current_language, speaking
from kpmonitor.paths import Paths
from kpmonitor.report.contents import SEAL_ATTACHMENT, SNAPSHOT_ATTACHMENT, seal_payload
from kpmonitor.report.manifest import make_manifest
from kpmonitor.report.snapshot import SignerInfo, build_snapshot, new_report_id, snapshot_bytes
from kpmonitor.rules.problems import Problem, ValidationError, blocking
from kpmonitor.store.audit import Head
from kpmonitor.store.db import now
from kpmonitor.trust import identity, pdfsign, qrseal
from kpmonitor.trust.keys import Keyring

if TYPE_CHECKING:
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.workspace import Progress, Workspace

log = logging.getLogger(__name__)

STEPS = 5  # key, seal, render, sign, record: the progress the three phases report together


@dataclass(frozen=True)
class SignedReport:
    report_id: str
    version: int
    pdf_path: Path
    pdf_sha256: str
    qr_text: str
    snapshot: dict[str, Any]
    signer_note: str = ""  # ``SigningPlan.signer_note``: to be said to the monitor


@dataclass(frozen=True)
class SigningPlan:
    """What ``prepare_signing`` read from the store: everything the build needs, and nothing to write with."""

    inspection_id: str
    inspection: Inspection
    problems: list[Problem]
    report_id: str
    id_nonce: str  # what the report id was made with (``snapshot.report_id_for``)
    version: int
    supersedes: str | None
    supersedes_version: int | None
    device_seq: int
    audit_head: Head
    history: HistoryPlan  # the log's event hashes and earlier checkpoints: the checkpoint signed with the report
    certificate: x509.Certificate  # the signer: the report is signed as it names, with the key it certifies
    signer: SignerInfo
    signer_note: str  # "" or why the report is signed as another name or device than the home's settings say
    paper: str
    paths: Paths
    vault: PhotoVault
    language: str = "en"  # the report's language (``i18n.LANGUAGES``), recorded in its snapshot


@dataclass(frozen=True)
class SignedBuild:
    """What ``build_signing`` made: the signed PDF and the row the store will keep, not yet written."""

    plan: SigningPlan
    snapshot: dict[str, Any]
    row: dict[str, Any]  # the report's columns (``Store.record_report``)
    checkpoint: dict[str, Any]  # the ``checkpoints`` row signed with it
    pdf: bytes
    qr_text: str


def signer_info(cert: x509.Certificate) -> SignerInfo:
    """Who signs, as the certificate says: its monitor (common name) and its one device.

    The signer is the certificate, never the home's settings (anyone can edit those): a verifier refuses a
    report that names another monitor or device than its certificate.

    :raises KPError: when the certificate does not name exactly one monitor and one device.
    """
    problem = identity.signer_problem(cert)
    if problem is not None:
        raise KPError(problem + " Ask headquarters for a new certificate (kpmonitor keys request).")
    summary = identity.certificate_summary(cert)
    return SignerInfo(name=summary["name"], device_id=summary["device_id"], certificate_serial=summary["serial"],
                      certificate_issuer=summary["issuer"], certificate_subject=summary["name"],
                      self_signed=identity.is_self_signed(cert))


def signer_note(signer: SignerInfo, home_name: str, home_device: str) -> str:
    """What to tell a monitor whose home's settings name another monitor or device than the certificate; or ""."""
    notes = []
    if home_name.strip() != signer.name:
        notes.append(f"This home's name is “{home_name.strip()[:64]}”, but the signing certificate names "
                     f"{signer.name}: the report is signed as {signer.name}.")
    if home_device != signer.device_id:
        notes.append(f"This home's device id {home_device[:8]} is not the certificate's ({signer.device_id[:8]}): "
                     "the report is signed for the certificate's device.")
    return " ".join(notes)


def pdf_path(paths: Paths, report_id: str) -> Path:
    """Where a home keeps a signed report's PDF."""
    return paths.reports / f"{report_id}.pdf"


def _stepper(progress: Progress | None) -> Callable[[int, str], None]:
    def step(done: int, text: str) -> None:
        if progress is not None:
            progress(done, STEPS, text)

    return step


def make_seal(snap: dict[str, Any], snap_sha: str, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> str:
    """The QR seal's text for a snapshot: KP2 when headquarters issued ``cert`` (its key id is on headquarters'
    trust list, so the seal need not carry the certificate), else KP1 (a self-signed certificate is on no list:
    it rides in the seal, so the signature can still be checked, and every verifier says it is not vouched for).
    """
    if identity.is_self_signed(cert):
        return qrseal.encode_seal(seal_payload(snap, snap_sha), key, cert)
    return qrseal.encode_seal_kp2(seal_payload(snap, snap_sha, kp2=True), key, cert)


def prepare_signing(ws: Workspace, inspection_id: str, *, language: str | None = None) -> SigningPlan:
    """Read what signing needs from the store (the caller's thread).

    :param language: the language of the report (``en``, ``fr``, ``pt``); None: the app's (``current_language``).
    :raises UnknownLanguage: for a language kpmonitor does not speak (before anything is read).
    :raises ValidationError: while errors remain or warnings are not acknowledged.
    :raises Conflict: when the inspection is already signed.
    """
    chosen = check_language(language) if language else current_language()
    insp = ws.store.get(inspection_id)
    if insp.status is Status.SIGNED:
        raise Conflict("This inspection is already signed; amend it to make a correction.")
    problems = ws.validate(insp)
    stopping = blocking(problems, insp)
    if stopping:
        raise ValidationError(stopping)
    earlier = ws.store.reports(insp.supersedes) if insp.supersedes else []
    superseded: dict[str, Any] | None = earlier[0] if earlier else None
    cert = Keyring(ws.paths).device_certificate()
    signer = signer_info(cert)
    device_seq = ws.store.next_device_seq()
    report_id, nonce = new_report_id(signer.device_id, device_seq)
    head = ws.store.audit_head()
    receipts = ws.store.receipts()
    # Only the read here (the store's thread); hashing 100,000 leaves is the build's, on the worker.
    history = HistoryPlan(head, ws.store.audit_hashes(head.seq),
                          ws.store.checkpoints_to_prove(),
                          (int(receipts[-1]["size"]), str(receipts[-1]["root"])) if receipts else None)
    return SigningPlan(
        inspection_id=inspection_id, inspection=insp, problems=problems, report_id=report_id, id_nonce=nonce,
        version=(superseded["version"] + 1) if superseded else 1,
        supersedes=superseded["id"] if superseded else None,
        supersedes_version=superseded["version"] if superseded else None,
        device_seq=device_seq, audit_head=head, history=history, certificate=cert, signer=signer,
        signer_note=signer_note(signer, ws.home.name, ws.home.device_id), paper=str(ws.settings.get("paper_size")),
        paths=ws.paths, vault=ws.vault, language=chosen)


def build_signing(plan: SigningPlan, passphrase: str, *, progress: Progress | None = None) -> SignedBuild:
    """Open the key and make the signed report (any thread: no database).

    :raises WrongPassphrase: (a KPError) when the passphrase does not open the key.
    """
    from kpmonitor.report.pdf import render_report  # reportlab is heavy: load it when a report is made

    step = _stepper(progress)
    step(0, "Opening the signing key")
    keyring = Keyring(plan.paths)
    key = keyring.load_device_key(passphrase)
    cert = plan.certificate
    chain = keyring.chain()
    insp = plan.inspection
    head = plan.audit_head
    signed_at = now()
    snap = build_snapshot(
        insp, plan.problems, report_id=plan.report_id, id_nonce=plan.id_nonce, version=plan.version,
        supersedes=plan.supersedes, supersedes_version=plan.supersedes_version, signed_at=signed_at,
        device_seq=plan.device_seq, audit_head=head, signer=plan.signer, language=plan.language)
    snap_bytes = snapshot_bytes(snap)
    snap_sha = hashlib.sha256(snap_bytes).hexdigest()
    step(1, "Sealing the summary")
    qr_text = make_seal(snap, snap_sha, key, cert)
    step(2, "Rendering the report")
    pdf = render_report(snap, qr_text=qr_text, photo_jpeg=plan.vault.scaled_jpeg, paper=plan.paper)
    step(3, "Signing the PDF")
    with speaking(plan.language):  # the signature's reason, which PDF readers show, in the report's language
        reason = _("KP monitor's certification report for certificate {number}").format(
            number=insp.certificate.number)
    signed = pdfsign.sign_pdf(
        pdf, key, cert, chain,
        reason=reason,
        location=insp.site, name=plan.signer.name,
        attachments={SNAPSHOT_ATTACHMENT: snap_bytes, SEAL_ATTACHMENT: qr_text.encode("ascii")})
    # The bundle manifest is signed now, while the key is open, so that exporting a bundle later needs
    # no passphrase; the row keeps it (columns manifest, manifest_sig, chain_pem).
    made = make_history(plan.history, key, plan.signer.device_id)
    bundle_columns = make_manifest(snap, snap_bytes, signed, key, cert, chain, history=made.section)
    row = {
        "id": plan.report_id, "version": plan.version, "supersedes": snap["report"]["supersedes"],
        "snapshot": snap_bytes.decode("utf-8"), "snapshot_sha256": snap_sha, "audit_seq": head.seq,
        "audit_head": head.hash, "signed_at": signed_at, "device_seq": snap["report"]["device_seq"],
        "pdf_sha256": hashlib.sha256(signed).hexdigest(), "pdf_size": len(signed), "qr_text": qr_text,
        "signer_cert": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"), "paper": plan.paper,
        **bundle_columns}
    return SignedBuild(plan=plan, snapshot=snap, row=row, checkpoint=made.row, pdf=signed, qr_text=qr_text)


def record_signing(ws: Workspace, built: SignedBuild, *, progress: Progress | None = None) -> SignedReport:
    """Write the signed PDF, then record the report and freeze the inspection (the caller's thread).

    :raises Conflict: when the inspection changed since ``prepare_signing`` read it.
    """
    step = _stepper(progress)
    plan = built.plan
    path = pdf_path(ws.paths, plan.report_id)
    write_atomic(path, built.pdf)
    step(4, "Recording the report")
    ws.store.record_report(plan.inspection_id, built.row, expected_head=plan.audit_head,
                           checkpoint=built.checkpoint)
    step(5, "Signed")
    return SignedReport(plan.report_id, plan.version, path, built.row["pdf_sha256"], built.qr_text, built.snapshot,
                        plan.signer_note)


def sign_inspection(ws: Workspace, inspection_id: str, passphrase: str, *, progress: Progress | None = None,
                    language: str | None = None) -> SignedReport:
    """Freeze and sign an inspection, its report in ``language`` (None: the app's); returns the report.

    :raises ValidationError: while errors remain or warnings are not acknowledged.
    :raises WrongPassphrase: (a KPError) when the passphrase does not open the key.
    """
    built = build_signing(prepare_signing(ws, inspection_id, language=language), passphrase, progress=progress)
    return record_signing(ws, built, progress=progress)


def amend(ws: Workspace, inspection_id: str, reason: str) -> str:
    """Start the draft that will supersede a signed inspection, with why (it goes into the new report)."""
    return ws.store.amend(inspection_id, reason)
