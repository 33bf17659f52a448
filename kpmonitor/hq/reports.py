"""What headquarters reads of the reports it imported: the list and its search, one report's detail, the
import log; with today's badges (verified, signed before enrolment, revoked) and where the files are.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from cryptography import x509

from kpmonitor.domain.inspection import normalise_certificate_number
from kpmonitor.errors import KPError
from kpmonitor.hq.blobs import local_copies
from kpmonitor.hq.inbox import pdf_file
from kpmonitor.hq.receipts_due import ReceiptTerms, receipt_of, terms_for
from kpmonitor.hq.store import SORT_COLUMNS, Held, HQStore, ReceiptReport, ReportSummary, hq_store
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace


def revoked_serials(ws: Workspace) -> set[str]:
    """Serials (as formatted) on this headquarters' current revocation list."""
    crl = Keyring(ws.paths).crl()
    return {identity.format_serial(entry.serial_number) for entry in crl} if crl is not None else set()


VERIFIED, BEFORE_ENROLMENT, REVOKED = "verified", "signed before enrolment", "revoked"


class SignerBadges:
    """Each imported report's badge, as headquarters sees its signer today.

    Derived from what the import stored (the chain the bundle came with, the signer's certificate's SHA-256) and
    this headquarters' records of the keys it certified: "signed before enrolment" when the signer's certificate
    is self-signed (an import accepts one only when headquarters certified its key since:
    ``identity.enrolled_as``), "revoked" when the signer's certificate, or every one headquarters issued for that
    key, is revoked now, else "verified".
    """

    def __init__(self, ws: Workspace) -> None:
        self.keyring = Keyring(ws.paths)
        self.revoked = revoked_serials(ws)
        self._records: tuple[x509.Certificate | None, identity.Enrolment | None] | None = None
        # A device's reports carry the same chain: it is read once a list, not once a row.
        self._known: dict[tuple[str, str, str], str] = {}

    def __call__(self, signer_serial: str, signer_sha256: str, chain_pem: str) -> str:
        key = (signer_serial, signer_sha256, chain_pem)
        badge = self._known.get(key)
        if badge is None:
            badge = self._known[key] = self._badge(signer_serial, signer_sha256, chain_pem)
        return badge

    def _badge(self, signer_serial: str, signer_sha256: str, chain_pem: str) -> str:
        leaf = _certificate_in(chain_pem, signer_sha256)
        if leaf is None or not identity.is_self_signed(leaf):
            return REVOKED if signer_serial in self.revoked else VERIFIED
        if self._records is None:  # read once, and only when a self-signed signer is seen
            self._records = (self.keyring.root(), self.keyring.enrolment())
        root, enrolment = self._records
        revoked = root is not None and enrolment is not None and identity.enrolled_as(leaf, enrolment, root).revoked
        return REVOKED if revoked else BEFORE_ENROLMENT


def _certificate_in(chain_pem: str, sha256: str) -> x509.Certificate | None:
    """The certificate of this SHA-256 among a stored chain's; None when it is not there or cannot be read."""
    try:
        certs = identity.load_certs(chain_pem.encode("ascii"))
    except (KPError, ValueError, UnicodeEncodeError):
        return None
    return next((c for c in certs if identity.fingerprint(c) == sha256), None)


def list_reports(ws: Workspace, search: str | None = None, *, limit: int = 200, offset: int = 0,
                 order_by: str = "signed_at", descending: bool = True) -> list[ReportSummary]:
    """A page of imported reports, newest first, optionally filtered.

    :param search: words that must each appear (case-insensitive, anywhere) in
        the certificate number (with or without spaces), exporter, importer,
        monitor, origin, destination, site, a date, the verdict, the report id
        or a seal number.
    :param order_by: one of ``SORT_COLUMNS`` (another name sorts by signing time).
    """
    hqs = hq_store(ws)
    rows = hqs.list_reports(search, limit=limit, offset=offset, order_by=order_by, descending=descending,
                            badge=SignerBadges(ws))
    return with_receipts(hqs, rows, terms_for(ws))


def with_receipts(hqs: HQStore, rows: list[ReportSummary], terms: ReceiptTerms) -> list[ReportSummary]:
    """The rows, each with where its confirmation of receipt stands (``hq.receipts_due.receipt_of``)."""
    norms = {normalise_certificate_number(r.cert_number) for r in rows} - {""}
    confirmations = hqs.current_confirmations(norms) if norms else {}
    out = []
    for r in rows:
        norm = normalise_certificate_number(r.cert_number)
        held = Held(r.id, r.version, r.supersedes, r.device_id, r.device_seq, 0, "", r.monitor, r.cert_number, norm,
                    r.signed_at)
        # A superseded version awaits nothing: its latest version does.
        latest = None if r.superseded_by else ReceiptReport(held, r.verdict, r.parcels, r.carats, r.importer,
                                                            r.exporter)
        out.append(dataclasses.replace(r, receipt=receipt_of(latest, confirmations.get(norm), terms)))
    return out


def count_reports(ws: Workspace, search: str | None = None) -> int:
    return hq_store(ws).count_reports(search)


def report_detail(ws: Workspace, id_or_prefix: str) -> dict[str, Any]:
    """One imported report for its detail screen: the row, snapshot, checks, PDF path, photos, lineage."""
    hqs = hq_store(ws)
    row = hqs.report_row(id_or_prefix)
    report_id = row["id"]
    held_photos = hqs.photos_of(report_id)
    # Another analyst's import (headquarters on PostgreSQL): its PDF and photos from the shared database.
    local_copies(ws, report_id, str(row["pdf_sha256"]), [str(p["sha256"]) for p in held_photos])
    photos = [{**photo, "path": str(ws.vault.original_path(photo["sha256"]))} for photo in held_photos]
    # A report supersedes only its own device's reports: one of another device's is no predecessor of it.
    parent_device = hqs.device_of(row["supersedes"]) if row["supersedes"] else None
    norm = str(row["cert_number_norm"])
    latest = next((r for r in hqs.receipt_reports([norm]) if r.held.id == report_id), None)
    confirmation = hqs.current_confirmations([norm]).get(norm) if norm else None
    receipt = receipt_of(latest, confirmation, terms_for(ws))
    return {
        "report": {k: v for k, v in row.items() if k not in ("snapshot", "verification", "manifest", "chain_pem")},
        "snapshot": json.loads(row["snapshot"]),
        "verification": json.loads(row["verification"]),
        "manifest": json.loads(row["manifest"]),
        "badge": SignerBadges(ws)(row["signer_serial"], row["signer_sha256"], row["chain_pem"]),
        "pdf_path": str(pdf_file(ws.paths, report_id)),
        "photos": photos,
        "superseded_by": hqs.superseded_by(report_id),
        "supersedes_received": parent_device == row["device_id"],
        "supersedes_foreign": parent_device is not None and parent_device != row["device_id"],
        "record": hqs.record_of(report_id),  # its KP record as listed (read from the snapshot when imported before)
        "stored_problem": _stored_problem(ws, row),  # None: the row is what its monitor signed (``hq.recheck``)
        "receipt": receipt.to_json(),  # its confirmation of receipt, or how long it has been awaited
    }


def _stored_problem(ws: Workspace, row: dict[str, Any]) -> str | None:
    from kpmonitor.hq.recheck import stored_problem

    keyring = Keyring(ws.paths)
    root = keyring.root()
    return stored_problem(row, root, keyring.enrolment()) if root is not None else None


def import_log(ws: Workspace, limit: int = 500) -> list[dict[str, Any]]:
    """The latest import attempts, newest first."""
    return hq_store(ws).import_log(limit)


__all__ = ["BEFORE_ENROLMENT", "REVOKED", "SORT_COLUMNS", "VERIFIED", "ReportSummary", "SignerBadges", "count_reports",
           "import_log", "list_reports", "report_detail", "revoked_serials", "with_receipts"]
