"""Each imported report checked again from what headquarters stored of it: its signature, its chain, its files.

An import verifies a bundle before it records anything; the row it records is then trusted by every list, badge
and count. Someone who can write to headquarters' database outside kpmonitor (an analyst's own login on the shared
PostgreSQL server holds INSERT on the evidence tables and on the audit log, whose chain anyone can extend: it
holds no secret) could add a row, and an audit event for it, that no monitor signed. ``stored_problem`` finds
such a row from the row alone: the manifest it keeps must be signed by the certificate it keeps, that certificate
issued by this home's root (or, signed before enrolment, its key certified here), and the snapshot, the PDF's
hash and every column it lists must be what that signed manifest and snapshot say. ``audit verify`` asks it of
every report; the report's detail (``hq show``, the window) of the one shown.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography import x509

from kpmonitor.errors import KPError
from kpmonitor.hq.importer import report_columns
from kpmonitor.hq.store import hq_store, listable
from kpmonitor.i18n import _
from kpmonitor.report.manifest import PDF_NAME, signature_valid
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace


def stored_problem(row: dict[str, Any], root: x509.Certificate, enrolment: identity.Enrolment | None) -> str | None:
    """Why headquarters' stored row of a report is not what a monitor signed, in a sentence; None: it is."""
    short = str(row.get("id", ""))[:8]
    forged = _("Imported report {report} is not what a monitor signed: {why}. It was written into headquarters' "
               "database outside kpmonitor.")
    try:
        manifest = json.loads(row["manifest"])
        certs = identity.load_certs(str(row["chain_pem"]).encode("ascii"))
        snapshot = json.loads(row["snapshot"])
    except (KPError, ValueError, TypeError, KeyError):
        return forged.format(report=short, why=_("its manifest, snapshot or certificates cannot be read"))
    leaf = certs[0] if certs else None
    if leaf is None or identity.fingerprint(leaf) != manifest.get("signer", {}).get("certificate_sha256"):
        return forged.format(report=short, why=_("its certificate is not the one its manifest names"))
    if not signature_valid(leaf, str(row["manifest"]).encode("utf-8"), str(row["manifest_sig"]).encode("ascii")):
        return forged.format(report=short, why=_("its manifest's signature does not verify"))
    # Issued by this headquarters (or, signed before enrolment, its key certified here): the chain's signatures,
    # not its dates nor revocations (a report signed then is held whatever became of its certificate; its badge
    # says that), so no revocation list, and a key certified then revoked still counts.
    chain = identity.check_chain(leaf, certs[1:], root, None, None, enrolment=enrolment)
    if not (chain.issued_by_hq or chain.revoked):
        return forged.format(report=short, why=_("its certificate was not issued by this headquarters"))
    if hashlib.sha256(str(row["snapshot"]).encode("utf-8")).hexdigest() != manifest.get("snapshot_sha256"):
        return forged.format(report=short, why=_("its snapshot is not the one its manifest signs"))
    pdf = next((f for f in manifest.get("files", []) if f.get("path") == PDF_NAME), None)
    if pdf is None or pdf.get("sha256") != row.get("pdf_sha256") or manifest.get("report", {}).get("id") != row["id"]:
        return forged.format(report=short, why=_("its PDF or its id is not the one its manifest signs"))
    try:
        derived = listable(report_columns(snapshot, identity.certificate_summary(leaf)))
    except (KeyError, TypeError, AttributeError):
        return forged.format(report=short, why=_("its snapshot is not a report's"))
    for column, value in derived.items():
        if row.get(column) != value and not (row.get(column) is None and column in _RECORD_COLUMNS):
            return forged.format(report=short, why=_("its {column} is not what its snapshot says").format(
                column=column))
    return None


# m013's columns: NULL in a report imported before them (its frozen row was never given them).
_RECORD_COLUMNS = ("production_operator", "production_mine", "container", "validation_number", "airway_bill")


def stored_problems(ws: Workspace) -> list[str]:
    """``stored_problem`` of every report headquarters holds (``audit verify``); none for a home that holds none."""
    keyring = Keyring(ws.paths)
    root = keyring.root()
    if root is None:
        return []
    enrolment = keyring.enrolment()
    hqs = hq_store(ws)
    out = []
    for row in hqs.signed_rows():
        problem = stored_problem(row, root, enrolment)
        if problem is not None:
            out.append(problem)
    return out
