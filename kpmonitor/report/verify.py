"""Verifying a signed report PDF, or the text of its QR seal, with nothing but headquarters' root.

Every check is listed, and the answer is yes only when every check holds. Revocation is checked
when headquarters' revocation list is given, and the answer says when it was not. Loading the
root and the list from files is ``trust.keys.load_trust``; choosing what a file is, is
``kpmonitor.verifying``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from kpmonitor.errors import KPError
from kpmonitor.i18n import _
from kpmonitor.report.contents import SNAPSHOT_ATTACHMENT, embedded_files, report_summary, seal_differences
from kpmonitor.report.snapshot import FORMAT_V1, UNBOUND_ID_NOTE, report_id_problem
from kpmonitor.report.verification import Verification
from kpmonitor.trust import identity, pdfsign, qrseal
from kpmonitor.trust.trustlist import TrustList, key_id

SIGNER_CHECK = "certificate names the signer"
CERT_VALID_CHECK = "certificate within its validity period"


def same_certificate(a: x509.Certificate, b: x509.Certificate) -> bool:
    """Whether two signatures were made with the very same certificate (byte for byte)."""
    return a.public_bytes(serialization.Encoding.DER) == b.public_bytes(serialization.Encoding.DER)


def signer_checked(cert: x509.Certificate, snap: Any) -> tuple[str, bool, str | None]:
    """Whether ``cert`` is the signer of ``snap`` (any JSON): its sentence, the answer, and a note or None.

    The signer is the certificate: it names exactly one device, the one the report states, and one monitor,
    the one the report names (``identity.signer_problem``); and the report id is that device's own
    (``snapshot.report_id_problem``). A format 1 report's id cannot be told: the note says so. The bundle's
    and the PDF's verifications both ask this.
    """
    report = snap.get("report") if isinstance(snap, dict) else None
    monitor = snap.get("monitor") if isinstance(snap, dict) else None
    if not isinstance(report, dict) or not isinstance(monitor, dict):
        return _("The snapshot does not state which device and monitor signed it."), False, None
    note = UNBOUND_ID_NOTE if snap.get("format") == FORMAT_V1 else None
    try:
        problem = identity.signer_problem(cert, device_id=str(report.get("device_id")),
                                          monitor=str(monitor.get("name")))
    except Exception:  # a hostile certificate's name can break decoding
        problem = _("The signing certificate cannot be read.")
    problem = problem or report_id_problem(snap.get("format"), report)
    if problem is not None:
        return problem, False, note
    sentence = (_("The certificate names device {device} and {monitor}, as the report does.") if note else
                _("The certificate names device {device} and {monitor}, as the report does, and the report id is "
                  "that device’s own."))
    return sentence.format(device=str(report["device_id"])[:8], monitor=monitor["name"]), True, note


# A report's first page is A4 (595 × 842 pt) or Letter (612 × 792 pt), upright or turned: each side is at
# most A4's long side. A larger page is not one kpmonitor printed, and rendering it is what a hostile file
# wants: a 14,400-point page at 150 dpi is 30,000 × 30,000 pixels, minutes and gigabytes. Such a page is
# not rendered. The pixel budget bounds the dpi too: A4 at 300 dpi is 8.7 million pixels.
MAX_PAGE_POINTS = 842.0 + 1.0  # A4's 841.9 pt, and a point for rounding
MAX_RENDER_PIXELS = 16_000_000


class PageTooLarge(KPError):
    """Page 1 of a PDF is larger than a report's page: it is not rendered to look for the QR seal."""


def read_qr_from_pdf(pdf: bytes, dpi: int = 150) -> str | None:
    """Render page 1 as a printer would and decode its QR seal, as a phone at the border would.

    Only a page of a report's size is rendered (``MAX_PAGE_POINTS``, ``MAX_RENDER_PIXELS``).

    :returns: the seal's text, or None when the PDF cannot be rendered or shows no seal.
    :raises PageTooLarge: page 1 is larger than a report's page, or would take too many pixels at ``dpi``.
    """
    import pypdfium2
    import zxingcpp

    try:
        doc = pypdfium2.PdfDocument(pdf)
    except Exception:
        return None
    try:
        page = doc[0]
        width, height = page.get_size()
        scale = dpi / 72
        if max(width, height) > MAX_PAGE_POINTS or width * scale * height * scale > MAX_RENDER_PIXELS:
            raise PageTooLarge(_("Page 1 is {width} × {height} points, larger than a report's page (A4 or "
                                 "Letter), so it was not rendered to read the QR seal.").format(
                                     width=f"{width:,.0f}", height=f"{height:,.0f}"))
        image = page.render(scale=scale).to_pil()
        barcodes = zxingcpp.read_barcodes(image)
    except PageTooLarge:
        raise
    except Exception:
        return None
    finally:
        doc.close()
    return seal_text_of(barcodes)


def seal_text_of(barcodes: Any) -> str | None:
    """The first decoded barcode's text that is a kpmonitor seal's (KP1 or KP2), or None."""
    for barcode in barcodes:
        text = str(barcode.text)
        if text.startswith((qrseal.PREFIX, qrseal.PREFIX_KP2)):
            return text
    return None


def _chain_checks(v: Verification, chain: identity.ChainResult | None, root: x509.Certificate | None,
                  crl: x509.CertificateRevocationList | None) -> None:
    if root is None:
        v.add("issued by headquarters", False,
              _("No headquarters root certificate was given to check the signer against."))
        return
    if chain is None:
        v.add("issued by headquarters", False, _("The signing certificate cannot be read."))
        return
    chain_checks(v, chain, crl is not None)
    if crl is None:
        v.warnings.append(_("Revocation was not checked: no revocation list from headquarters was given."))


def chain_checks(v: Verification, chain: identity.ChainResult, with_crl: bool) -> list[str]:
    """The chain's answer as check lines, each problem failing the check it concerns; the failed checks' names.

    Who issued the certificate ("issued by headquarters"), its validity period at the time judged
    (CERT_VALID_CHECK: expired on a date, or not valid yet) and, with a revocation list, revocation
    ("not revoked": revoked, a list not signed by the root, an expired list). The PDF's, the QR seal's and
    the bundle's verifications all say it so. A report signed before enrolment (``ChainResult.before_enrolment``)
    says so in its "issued by headquarters" line and its verdict.
    """
    issuer = chain.issuer_problems
    lines = [
        ("issued by headquarters", chain.issued_by_hq and not issuer,
         " ".join(issuer) or chain.before_enrolment or _("The signing certificate chains to headquarters' root.")),
        (CERT_VALID_CHECK, not chain.validity_problems,
         " ".join(chain.validity_problems) or _("The certificates are within their validity periods.")),
    ]
    if with_crl:
        lines.append(("not revoked", not chain.revoked and not chain.revocation_problems,
                      " ".join(chain.revocation_problems) or _("Not on headquarters' revocation list.")))
    for name, ok, detail in lines:
        v.add(name, ok, detail)
    v.before_enrolment = v.before_enrolment or chain.before_enrolment is not None
    v.warnings += chain.warnings
    return [name for name, ok, _detail in lines if not ok]


def _compare_seal(v: Verification, payload: dict[str, Any], snap: dict[str, Any], snap_sha: str,
                  signer: str | None) -> None:
    differing = seal_differences(payload, snap, snap_sha, signer=signer)
    v.add("QR seal matches the report", not differing,
          _("The QR seal states the same certificate, carats, value, parcels, seals, verdict, monitor, date and "
            "report as the signed report.") if not differing else
          _("The QR seal and the report disagree on: {fields}.").format(fields=", ".join(differing)))


def verify_pdf_bytes(pdf: bytes, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                     enrolment: identity.Enrolment | None = None, trust_list: TrustList | None = None) -> Verification:
    """Every check of a report PDF; ``enrolment``: headquarters' records of the keys it certified (at headquarters).

    A KP2 seal names its signer by key id: it is checked with ``trust_list`` when the list names the key, else
    with the PDF's own signing certificate (which chains to the root), so the root alone still verifies a PDF.
    """
    v = Verification("pdf")
    check = pdfsign.verify_pdf(pdf, root, crl, enrolment=enrolment)
    if check.signer_cert is None:
        v.add("signature intact", False, check.problems[0] if check.problems else _("The PDF carries no signature."))
        return v
    v.signer = identity.certificate_summary(check.signer_cert)
    v.add("signature intact", check.intact and check.signature_valid,
          _("The signed bytes are exactly those the monitor signed.") if check.intact and check.signature_valid
          else _("The PDF was changed after it was signed."))
    v.add("covers the whole file", check.covers_whole_file,
          _("The signature covers the entire file.") if check.covers_whole_file
          else _("Bytes were added or changed outside what the signature covers."))
    v.add("certified, no changes permitted", check.certified_no_changes,
          _("Certified by its author with no later changes permitted.") if check.certified_no_changes
          else _("The signature is not a certification forbidding changes."))
    _chain_checks(v, check.chain, root, crl)
    if not (check.intact and check.signature_valid and check.covers_whole_file and check.certified_no_changes):
        # Nothing the file says is looked at further, least of all its pages rendered: a forged or altered
        # PDF must not get to make the verifier work.
        v.add("QR seal signature", False, _("The QR seal was not read: the PDF's signature does not hold."))
        return v

    files = embedded_files(pdf)
    snap_bytes = files.get(SNAPSHOT_ATTACHMENT)
    snap: dict[str, Any] | None = None
    if snap_bytes is not None:
        try:
            snap = json.loads(snap_bytes)
        except ValueError:
            snap = None
    v.add("report snapshot attached", snap is not None,
          _("The frozen snapshot of the inspection is attached to the signed PDF.") if snap is not None
          else _("The PDF has no readable snapshot: it is not a kpmonitor report."))
    if snap is not None:
        detail, ok, note = signer_checked(check.signer_cert, snap)
        v.add(SIGNER_CHECK, ok, detail)
        v.warnings += [note] if note else []
    try:
        qr_text = read_qr_from_pdf(pdf)
    except PageTooLarge as exc:
        v.add("QR seal signature", False, exc.message)
        return v
    if qr_text is None:
        v.add("QR seal signature", False, _("No QR seal could be read on page 1."))
        return v
    seal = qrseal.verify_seal(qr_text, root, crl, enrolment=enrolment, trust_list=trust_list,
                              certificate=check.signer_cert)
    v.add("QR seal signature", seal.signature_valid,
          _("The printed QR seal's signature is valid.") if seal.signature_valid else " ".join(seal.problems))
    if seal.format == 2:
        same = seal.kid == key_id(check.signer_cert)
        v.add("QR seal and PDF signed by the same monitor", same,
              _("The QR seal's key id is the PDF's signing certificate's.") if same
              else _("The QR seal was signed by a different key than the PDF."))
        if seal.signature_valid and seal.signer_entry is not None:  # else the PDF's own chain said it above
            v.add("QR seal vouched for", seal.ok, seal.sentence)
    elif seal.signer_cert is not None:
        same = same_certificate(seal.signer_cert, check.signer_cert)
        v.add("QR seal and PDF signed by the same monitor", same,
              _("The same certificate signed the QR seal and the PDF.") if same
              else _("The QR seal was signed by a different certificate than the PDF."))
    if snap is not None and seal.payload is not None:
        snap_sha = hashlib.sha256(snap_bytes or b"").hexdigest()
        _compare_seal(v, seal.payload, snap, snap_sha, seal.signer_name)
        v.summary = report_summary(snap, v.signer.get("name"))
        v.summary["snapshot_sha256"] = snap_sha
    return v


def verify_qr_text(text: str, root: x509.Certificate | None, crl: x509.CertificateRevocationList | None, *,
                   enrolment: identity.Enrolment | None = None, trust_list: TrustList | None = None,
                   kind: str = "qr") -> Verification:
    """Every check of a QR seal's text; ``enrolment`` as for ``verify_pdf_bytes``; ``trust_list``: headquarters'
    (a KP2 seal needs it; with it, a KP1 seal's certificate is looked up there too).

    ``summary["seal"]`` holds the seal's format, verdict word and sentence (``qrseal.SealCheck``).
    """
    v = Verification(kind)
    seal = qrseal.verify_seal(text.strip(), root, crl, enrolment=enrolment, trust_list=trust_list)
    if seal.payload is None:
        v.add("QR seal signature", False, " ".join(seal.problems) or _("The text is not a kpmonitor QR seal."))
        return v
    if seal.format == 2 and seal.signer_cert is None:
        _kp2_checks(v, seal, crl)
    else:
        v.add("QR seal signature", seal.signature_valid,
              _("The QR seal's signature is valid.") if seal.signature_valid else " ".join(seal.problems))
        if seal.signer_cert is not None:
            v.signer = identity.certificate_summary(seal.signer_cert)
            v.add(SIGNER_CHECK, seal.signer_problem is None, seal.signer_problem or
                  _("The certificate names one device and {monitor}, the monitor the seal names.").format(
                      monitor=v.signer["name"]))
        _chain_checks(v, seal.chain, root, crl)
        if seal.signer_entry is not None and seal.signature_valid and seal.chain is not None and seal.chain.ok:
            v.add("on headquarters' trust list", seal.ok, seal.sentence)
    p = seal.payload
    v.summary = {"certificate_number": p.get("cn"), "carats": p.get("ct"), "value_usd": p.get("usd"),
                 "parcels": p.get("np"), "seals": p.get("sl"), "verdict": p.get("vd"),
                 "monitor": seal.signer_name or v.signer.get("name") or p.get("mn"), "date": p.get("dt"),
                 "report_id": p.get("id"), "report_version": p.get("rv"),
                 "seal": {"format": f"KP{seal.format}", "verdict": seal.verdict, "sentence": seal.sentence}}
    if seal.format == 2:
        v.summary.update(container=p.get("co"), validation_number=p.get("vn"))
    return v


def _kp2_checks(v: Verification, seal: qrseal.SealCheck, crl: x509.CertificateRevocationList | None) -> None:
    """A KP2 seal checked against headquarters' trust list, as check lines (``Verification.verdict`` reads them:
    a list past its next update fails only "issued by headquarters", so the seal reads as not vouched for).

    A revocation list given too is honoured as for a certificate: the signer's serial on it, or the list past its
    next update, fails "not revoked".
    """
    entry = seal.signer_entry
    if entry is None or not seal.signature_valid:
        v.add("QR seal signature", False, seal.sentence)
        return
    v.signer = {"name": entry.cn, "device_id": entry.device_id, "issuer": seal.trust_list.issuer
                if seal.trust_list is not None else "", "serial": entry.serial,
                "not_before": entry.not_before.isoformat(), "not_after": entry.not_after.isoformat(),
                "sha256": entry.certificate_sha256}
    v.add("QR seal signature", True, _("The QR seal's signature is valid, by a key on headquarters' trust list."))
    if seal.ok or seal.verdict == "unvouched":  # genuine, or a trust list past its next update
        v.add("issued by headquarters", seal.ok, seal.sentence)
    else:
        v.add("QR seal vouched for", False, seal.sentence)
    if crl is not None:
        stale = identity.crl_expired_problem(crl)
        listed = crl.get_revoked_certificate_by_serial_number(int(entry.serial, 16))
        v.add("not revoked", stale is None and listed is None, stale or (
            _("The certificate (serial {serial}) is on headquarters' revocation list.").format(serial=entry.serial)
            if listed is not None else _("Not on headquarters' revocation list.")))
    else:
        v.warnings.append(_("Revocation was checked on headquarters' trust list only: no revocation list was given."))
