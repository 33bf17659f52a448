"""What headquarters reads of the reports it imported: the list and its search, one report's detail, the
import log; with today's revocation badges and where the files are.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kpmonitor.hq.inbox import pdf_file
from kpmonitor.hq.store import SORT_COLUMNS, HQStore, ReportSummary
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace


def revoked_serials(ws: Workspace) -> set[str]:
    """Serials (as formatted) on this headquarters' current revocation list."""
    crl = Keyring(ws.paths).crl()
    return {identity.format_serial(entry.serial_number) for entry in crl} if crl is not None else set()


def list_reports(ws: Workspace, search: str | None = None, *, limit: int = 200, offset: int = 0,
                 order_by: str = "signed_at", descending: bool = True) -> list[ReportSummary]:
    """A page of imported reports, newest first, optionally filtered.

    :param search: words that must each appear (case-insensitive, anywhere) in
        the certificate number (with or without spaces), exporter, importer,
        monitor, origin, destination, site, a date, the verdict, the report id
        or a seal number.
    :param order_by: one of ``SORT_COLUMNS`` (another name sorts by signing time).
    """
    return HQStore(ws.store).list_reports(search, limit=limit, offset=offset, order_by=order_by,
                                          descending=descending, revoked=revoked_serials(ws))


def count_reports(ws: Workspace, search: str | None = None) -> int:
    return HQStore(ws.store).count_reports(search)


def report_detail(ws: Workspace, id_or_prefix: str) -> dict[str, Any]:
    """One imported report for its detail screen: the row, snapshot, checks, PDF path, photos, lineage."""
    hqs = HQStore(ws.store)
    row = hqs.report_row(id_or_prefix)
    report_id = row["id"]
    photos = [{**photo, "path": str(ws.vault.original_path(photo["sha256"]))} for photo in hqs.photos_of(report_id)]
    # A report supersedes only its own device's reports: one of another device's is no predecessor of it.
    parent_device = hqs.device_of(row["supersedes"]) if row["supersedes"] else None
    return {
        "report": {k: v for k, v in row.items() if k not in ("snapshot", "verification", "manifest", "chain_pem")},
        "snapshot": json.loads(row["snapshot"]),
        "verification": json.loads(row["verification"]),
        "manifest": json.loads(row["manifest"]),
        "badge": "revoked" if row["signer_serial"] in revoked_serials(ws) else "verified",
        "pdf_path": str(pdf_file(ws.paths, report_id)),
        "photos": photos,
        "superseded_by": hqs.superseded_by(report_id),
        "supersedes_received": parent_device == row["device_id"],
        "supersedes_foreign": parent_device is not None and parent_device != row["device_id"],
    }


def import_log(ws: Workspace, limit: int = 500) -> list[dict[str, Any]]:
    """The latest import attempts, newest first."""
    return HQStore(ws.store).import_log(limit)


__all__ = ["SORT_COLUMNS", "ReportSummary", "count_reports", "import_log", "list_reports", "report_detail",
           "revoked_serials"]
