"""Signed certification reports: sign, amend, export, verify.

Signing freezes the inspection into a canonical snapshot, seals a summary of
it in a QR code (COSE_Sign1, ``qrseal``), renders the PDF from the snapshot
alone (``report_pdf``), attaches the snapshot and the seal text to the PDF,
and certifies the whole with a PAdES signature (``pdfsign``). The PDF is
written (fsynced) before the database records the report and freezes the
inspection, in one transaction; a crash in between leaves an unreferenced
file, never a report without its PDF.

Verification needs nothing but headquarters' root certificate (and, to honour
revocations, its revocation list): every check is listed, and the answer is
yes only when every check holds.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from kpmonitor.domain.inspection import Status
from kpmonitor.errors import Conflict, KPError
from kpmonitor.fileio import write_atomic
from kpmonitor.report.snapshot import SignerInfo, build_snapshot, snapshot_bytes
from kpmonitor.rules.problems import ValidationError, blocking
from kpmonitor.store.db import new_id, now
from kpmonitor.trust import identity, pdfsign, qrseal
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Progress, Workspace

log = logging.getLogger(__name__)

SNAPSHOT_NAME = "snapshot.json"
SEAL_NAME = "qr-seal.txt"


@dataclass(frozen=True)
class SignedReport:
    report_id: str
    version: int
    pdf_path: Path
    pdf_sha256: str
    qr_text: str
    snapshot: dict[str, Any]


def signer_info(ws: Workspace, cert: x509.Certificate) -> SignerInfo:
    summary = identity.certificate_summary(cert)
    return SignerInfo(name=ws.home.name, device_id=ws.home.device_id, certificate_serial=summary["serial"],
                      certificate_issuer=summary["issuer"], certificate_subject=summary["name"],
                      self_signed=identity.is_self_signed(cert))


def pdf_path(ws: Workspace, report_id: str) -> Path:
    return ws.paths.reports / f"{report_id}.pdf"


def sign_inspection(ws: Workspace, inspection_id: str, passphrase: str, *,
                    progress: Progress | None = None) -> SignedReport:
    """Freeze and sign an inspection; returns the report.

    :raises ValidationError: while errors remain or warnings are not acknowledged.
    :raises WrongPassphrase: (a KPError) when the passphrase does not open the key.
    """
    from kpmonitor.report.pdf import render_report  # reportlab is heavy: load it when a report is made

    def step(done: int, text: str) -> None:
        if progress is not None:
            progress(done, 5, text)

    insp = ws.store.get(inspection_id)
    if insp.status is Status.SIGNED:
        raise Conflict("This inspection is already signed; amend it to make a correction.")
    problems = ws.validate(insp)
    stopping = blocking(problems, insp)
    if stopping:
        raise ValidationError(stopping)
    step(0, "Opening the signing key")
    keyring = Keyring(ws.paths)
    key = keyring.load_device_key(passphrase)
    cert = keyring.device_certificate()
    chain = keyring.chain()

    head = ws.store.audit_head()
    supersedes_report: dict[str, Any] | None = None
    if insp.supersedes:
        earlier = ws.store.reports(insp.supersedes)
        supersedes_report = earlier[0] if earlier else None
    version = (supersedes_report["version"] + 1) if supersedes_report else 1
    report_id = new_id()
    signed_at = now()
    snap = build_snapshot(
        insp, problems, report_id=report_id, version=version,
        supersedes=supersedes_report["id"] if supersedes_report else None,
        supersedes_version=supersedes_report["version"] if supersedes_report else None,
        signed_at=signed_at, device_seq=ws.store.next_device_seq(), audit_head=head,
        signer=signer_info(ws, cert))
    snap_bytes = snapshot_bytes(snap)
    snap_sha = hashlib.sha256(snap_bytes).hexdigest()
    step(1, "Sealing the summary")
    qr_text = qrseal.encode_seal(seal_payload(snap, snap_sha), key, cert)
    step(2, "Rendering the report")
    pdf = render_report(snap, qr_text=qr_text, photo_jpeg=lambda sha: ws.vault.scaled_jpeg(sha),
                        paper=str(ws.settings.get("paper_size")))
    step(3, "Signing the PDF")
    c = insp.certificate
    signed = pdfsign.sign_pdf(
        pdf, key, cert, chain, reason=f"KP monitor's certification report for certificate {c.number}",
        location=insp.site, name=ws.home.name,
        attachments={SNAPSHOT_NAME: snap_bytes, SEAL_NAME: qr_text.encode("ascii")})
    path = pdf_path(ws, report_id)
    write_atomic(path, signed)
    pdf_sha = hashlib.sha256(signed).hexdigest()
    # The bundle manifest is signed now, while the key is open, so that exporting a bundle later needs
    # no passphrase; the row keeps it (columns manifest, manifest_sig, chain_pem).
    from kpmonitor.bundle.bundle import make_manifest

    bundle_columns = make_manifest(snap, snap_bytes, signed, key, cert, chain)
    step(4, "Recording the report")
    ws.store.record_report(inspection_id, {
        "id": report_id, "version": version, "supersedes": snap["report"]["supersedes"],
        "snapshot": snap_bytes.decode("utf-8"), "snapshot_sha256": snap_sha, "audit_seq": head.seq,
        "audit_head": head.hash, "signed_at": signed_at, "device_seq": snap["report"]["device_seq"],
        "pdf_sha256": pdf_sha, "pdf_size": len(signed), "qr_text": qr_text,
        "signer_cert": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "paper": str(ws.settings.get("paper_size")), **bundle_columns}, expected_head=head)
    step(5, "Signed")
    return SignedReport(report_id, version, path, pdf_sha, qr_text, snap)


def seal_payload(snap: dict[str, Any], snap_sha: str) -> dict[str, Any]:
    """The QR seal's summary of a snapshot."""
    insp = snap["inspection"]
    cert = insp["certificate"]
    moment = insp.get("inspected_at") or snap["report"]["signed_at"]
    return qrseal.build_payload(
        certificate_number=cert["number"], carats=cert["carats"] or "0.00",
        value_usd=cert["value_usd"] or "0.00", parcels=len(insp["parcels"]),
        seals=[s["number"] for s in insp["seals"]], verdict=insp["verdict"] or "",
        monitor=snap["monitor"]["name"], date=str(moment)[:10], report_id=snap["report"]["id"],
        report_version=snap["report"]["version"], audit_seq=snap["report"]["audit"]["seq"],
        audit_head=snap["report"]["audit"]["head"], snapshot_sha256=snap_sha)


def export_pdf(ws: Workspace, report_id: str, out_dir: Path) -> Path:
    """Copy a signed report's PDF into a folder (a USB stick), checking it is the one recorded."""
    row = ws.store.report(report_id)
    data = pdf_path(ws, row["id"]).read_bytes()
    if hashlib.sha256(data).hexdigest() != row["pdf_sha256"]:
        raise KPError(f"The stored PDF of report {row['id'][:8]} no longer matches what was signed; it was "
                      "altered on this disk.")
    cert_number = json.loads(row["snapshot"])["inspection"]["certificate"]["number"]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in cert_number).strip("-") or "report"
    target = out_dir / f"KP-report-{safe}-v{row['version']}-{row['id'][:8]}.pdf"
    write_atomic(target, data)
    return target


# --- verification ----------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Verification:
    """The answer for one file: every check, and what the report says."""

    kind: str
    checks: list[Check] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    signer: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def verdict(self) -> str:
        if self.ok:
            return "GENUINE: signed by a monitor headquarters vouches for, and unaltered since."
        failed = [c for c in self.checks if not c.ok]
        intact = all(c.ok for c in self.checks if c.name in ("signature intact", "covers the whole file",
                                                               "QR seal signature"))
        if intact and all(c.name in ("issued by headquarters",) for c in failed):
            return "INTACT BUT NOT VOUCHED FOR: unaltered since signing, but not signed with a certificate " \
                   "issued by headquarters."
        return "NOT VALID: " + failed[0].detail

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.checks.append(Check(name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ok": self.ok, "verdict": self.verdict,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
                "report": self.summary, "signer": self.signer, "warnings": self.warnings}


def embedded_files(pdf: bytes) -> dict[str, bytes]:
    """The files attached to a PDF (the snapshot and the seal text), by name; empty when unreadable."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        out: dict[str, bytes] = {}
        for i in range(0, len(names), 2):
            spec = names[i + 1].get_object()
            out[str(names[i])] = spec["/EF"]["/F"].get_object().data
        return out
    except Exception:  # a hostile PDF can break any step of this; the checks say what is missing
        return {}


def read_qr_from_pdf(pdf: bytes, dpi: int = 150) -> str | None:
    """Render page 1 as a printer would and decode its QR seal, as a phone at the border would."""
    import pypdfium2
    import zxingcpp

    try:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            image = doc[0].render(scale=dpi / 72).to_pil()
        finally:
            doc.close()
    except Exception:
        return None
    for barcode in zxingcpp.read_barcodes(image):
        if barcode.text.startswith(qrseal.PREFIX):
            return str(barcode.text)
    return None


def _load_trust(trust: Path | None, crl_path: Path | None,
                fallback: Keyring | None) -> tuple[x509.Certificate | None, x509.CertificateRevocationList | None]:
    root = identity.load_cert(trust) if trust else (fallback.root() if fallback else None)
    crl = None
    if crl_path is not None:
        if root is None:
            raise KPError("A revocation list needs headquarters' root certificate (--trust) to be checked.")
        crl = identity.load_crl(crl_path, root)
    elif fallback is not None and trust is None:
        crl = fallback.crl()
    return root, crl


def _chain_checks(v: Verification, chain: identity.ChainResult | None, root: x509.Certificate | None,
                  crl: x509.CertificateRevocationList | None) -> None:
    if root is None:
        v.add("issued by headquarters", False,
              "No headquarters root certificate was given to check the signer against.")
        return
    if chain is None:
        v.add("issued by headquarters", False, "The signing certificate cannot be read.")
        return
    # The chain's sentences, split by what they concern: revocation has its own check line.
    revoked_words = [p for p in chain.problems if chain.revoked and "revoked" in p]
    other = [p for p in chain.problems if p not in revoked_words]
    v.add("issued by headquarters", chain.issued_by_hq and not chain.expired,
          " ".join(other) or "The signing certificate chains to headquarters' root.")
    if crl is not None:
        v.add("not revoked", not chain.revoked,
              " ".join(revoked_words) or "Not on headquarters' revocation list.")
    else:
        v.warnings.append("Revocation was not checked: no revocation list from headquarters was given.")
    v.warnings += chain.warnings


def _compare_seal(v: Verification, payload: dict[str, Any], snap: dict[str, Any], snap_sha: str) -> None:
    expected = seal_payload(snap, snap_sha)
    differing = [qrseal.PAYLOAD_LABELS.get(k, k) for k in expected if payload.get(k) != expected[k]]
    v.add("QR seal matches the report", not differing,
          "The QR seal states the same certificate, carats, value, parcels, seals, verdict, monitor, date and "
          "report as the signed report." if not differing else
          "The QR seal and the report disagree on: " + ", ".join(differing) + ".")


def verify_pdf_bytes(pdf: bytes, root: x509.Certificate | None,
                     crl: x509.CertificateRevocationList | None) -> Verification:
    v = Verification("pdf")
    check = pdfsign.verify_pdf(pdf, root, crl)
    if check.signer_cert is None:
        v.add("signature intact", False, check.problems[0] if check.problems else "The PDF carries no signature.")
        return v
    v.signer = identity.certificate_summary(check.signer_cert)
    v.add("signature intact", check.intact and check.signature_valid,
          "The signed bytes are exactly those the monitor signed." if check.intact and check.signature_valid
          else "The PDF was changed after it was signed.")
    v.add("covers the whole file", check.covers_whole_file,
          "The signature covers the entire file." if check.covers_whole_file
          else "Bytes were added or changed outside what the signature covers.")
    v.add("certified, no changes permitted", check.certified_no_changes,
          "Certified by its author with no later changes permitted." if check.certified_no_changes
          else "The signature is not a certification forbidding changes.")
    _chain_checks(v, check.chain, root, crl)

    files = embedded_files(pdf)
    snap_bytes = files.get(SNAPSHOT_NAME)
    snap: dict[str, Any] | None = None
    if snap_bytes is not None:
        try:
            snap = json.loads(snap_bytes)
        except ValueError:
            snap = None
    v.add("report snapshot attached", snap is not None,
          "The frozen snapshot of the inspection is attached to the signed PDF." if snap is not None
          else "The PDF has no readable snapshot: it is not a kpmonitor report.")
    qr_text = read_qr_from_pdf(pdf)
    if qr_text is None:
        v.add("QR seal signature", False, "No QR seal could be read on page 1.")
        return v
    seal = qrseal.verify_seal(qr_text, root, crl)
    v.add("QR seal signature", seal.signature_valid,
          "The printed QR seal's signature is valid." if seal.signature_valid else " ".join(seal.problems))
    if seal.signer_cert is not None:
        same = seal.signer_cert.public_bytes(serialization.Encoding.DER) == check.signer_cert.public_bytes(
            serialization.Encoding.DER)
        v.add("QR seal and PDF signed by the same monitor", same,
              "The same certificate signed the QR seal and the PDF." if same
              else "The QR seal was signed by a different certificate than the PDF.")
    if snap is not None and seal.payload is not None:
        snap_sha = hashlib.sha256(snap_bytes or b"").hexdigest()
        _compare_seal(v, seal.payload, snap, snap_sha)
        v.summary = report_summary(snap)
        v.summary["snapshot_sha256"] = snap_sha
    return v


def verify_qr_text(text: str, root: x509.Certificate | None,
                   crl: x509.CertificateRevocationList | None) -> Verification:
    v = Verification("qr")
    seal = qrseal.verify_seal(text.strip(), root, crl)
    if seal.payload is None:
        v.add("QR seal signature", False, " ".join(seal.problems) or "The text is not a kpmonitor QR seal.")
        return v
    v.add("QR seal signature", seal.signature_valid,
          "The QR seal's signature is valid." if seal.signature_valid else " ".join(seal.problems))
    if seal.signer_cert is not None:
        v.signer = identity.certificate_summary(seal.signer_cert)
    _chain_checks(v, seal.chain, root, crl)
    p = seal.payload
    v.summary = {"certificate_number": p.get("cn"), "carats": p.get("ct"), "value_usd": p.get("usd"),
                 "parcels": p.get("np"), "seals": p.get("sl"), "verdict": p.get("vd"), "monitor": p.get("mn"),
                 "date": p.get("dt"), "report_id": p.get("id"), "report_version": p.get("rv")}
    return v


def report_summary(snap: dict[str, Any]) -> dict[str, Any]:
    insp = snap["inspection"]
    cert = insp["certificate"]
    return {"report_id": snap["report"]["id"], "report_version": snap["report"]["version"],
            "supersedes": snap["report"]["supersedes"], "signed_at": snap["report"]["signed_at"],
            "certificate_number": cert["number"], "exporter": cert["exporter"]["name"],
            "importer": cert["importer"]["name"], "carats": cert["carats"], "value_usd": cert["value_usd"],
            "parcels": len(insp["parcels"]), "seals": [s["number"] for s in insp["seals"]],
            "verdict": insp["verdict"], "monitor": snap["monitor"]["name"],
            "audit": snap["report"]["audit"]}


def verify_file(path: Path, *, trust: Path | None = None, crl: Path | None = None,
                keyring: Keyring | None = None) -> Verification:
    """Verify a report PDF, or a text file holding the QR seal's text.

    :param trust: headquarters' root certificate; without it, a home's
        installed root is used when a keyring is given.
    """
    root, crl_obj = _load_trust(trust, crl, keyring)
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        return verify_pdf_bytes(data, root, crl_obj)
    if data.startswith(b"PK\x03\x04"):  # a report bundle (zip)
        from kpmonitor.bundle.bundle import verify_bundle_data

        return verify_bundle_data(data, root, crl_obj)
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        text = ""
    if text.startswith(qrseal.PREFIX):
        return verify_qr_text(text, root, crl_obj)
    v = Verification("unknown")
    v.add("recognised", False, "The file is neither a kpmonitor report PDF nor the text of a QR seal.")
    return v


def amend(ws: Workspace, inspection_id: str) -> str:
    """Start the draft that will supersede a signed inspection."""
    return ws.store.amend(inspection_id)
