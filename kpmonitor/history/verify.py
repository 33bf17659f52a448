"""``audit verify``: the local history checked as far as this device can check it.

In order: the hash chain and the tables it describes (``store.audit``); the schema and its freeze
triggers against what the migrations make (``store.schema``); every checkpoint this device signed
(its signature by the device key, and the log still having its root at its size); and every receipt
headquarters signed and cosigned (the log still having the root headquarters holds). A log edited and
its chain recomputed passes the first check only: the device's signed checkpoints catch it when the
editor lacks the passphrase, headquarters' receipts when they have it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.domain.moments import show_moment
from kpmonitor.errors import KPError
from kpmonitor.history.checkpoint import device_origin, leaf_of
from kpmonitor.history.receipts import log_problem, read_receipt
from kpmonitor.store.audit import AuditReport
from kpmonitor.store.merkle import Tree
from kpmonitor.trust import identity, note
from kpmonitor.trust.keys import Keyring
from kpmonitor.trust.note import NoteError

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace


@dataclass
class HistoryReport:
    audit: AuditReport
    problems: list[str] = field(default_factory=list)  # the chain's, the schema's, the checkpoints', the receipts'
    checkpoints: int = 0  # checked and holding
    receipt: str = ""  # the newest receipt that holds: "event N, <time>" (ISO 8601, for JSON)
    receipt_shown: str = ""  # the same, its time as people read it (``show_moment``)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_history(ws: Workspace) -> HistoryReport:
    """Check the home's audit log, schema, signed checkpoints and installed receipts."""
    audit = ws.store.verify_audit()
    report = HistoryReport(audit, list(audit.problems) + ws.store.schema_problems())
    tree = Tree([leaf_of(h) for h in ws.store.audit_hashes()])
    keyring = Keyring(ws.paths)
    device = keyring.device_certificate() if keyring.has_signing_key() else None
    public_key = device.public_key() if device is not None else None
    device_id = identity.certificate_device(device) or "" if device is not None else ""
    for row in ws.store.checkpoints():
        problem = _checkpoint_problem(ws, tree, row["note"], int(row["size"]), public_key, device_id)
        if problem is not None:
            report.problems.append(problem)
        else:
            report.checkpoints += 1
    root = keyring.root()
    for row in ws.store.receipts():
        if root is None or device is None:
            report.problems.append("A receipt from headquarters is installed, but this home has no headquarters "
                                   "certificate to check it with.")
            break
        try:
            receipt = read_receipt(str(row["file_text"]).encode("utf-8"), root, device)
        except KPError as exc:
            report.problems.append(f"The receipt of {show_moment(row['issued_at'])} no longer verifies: "
                                   f"{exc.message}")
            continue
        problem = log_problem(ws, receipt.checkpoint, tree)
        if problem is not None:
            report.problems.append(f"Headquarters' receipt of {show_moment(receipt.issued_text)} does not match "
                                   "the log: " + problem)
        else:
            report.receipt = f"event {receipt.checkpoint.size}, {receipt.issued_text}"
            report.receipt_shown = f"event {receipt.checkpoint.size}, {show_moment(receipt.issued_text)}"
    return report


def _checkpoint_problem(ws: Workspace, tree: Tree, text: str, size: int, public_key: object,
                        device_id: str) -> str | None:
    try:
        signed = note.parse_note(text)
        checkpoint = note.parse_checkpoint(signed.text)
    except NoteError as exc:
        return f"The checkpoint signed at audit event {size} is damaged: {exc.message}"
    if checkpoint.size != size:
        return f"The checkpoint kept for audit event {size} is of event {checkpoint.size}: it was altered."
    if not (isinstance(public_key, ec.EllipticCurvePublicKey) and checkpoint.origin == device_origin(device_id)
            and note.verified(signed, checkpoint.origin, public_key)):
        return f"The checkpoint at audit event {size} is not signed by this device's key: it was altered."
    return log_problem(ws, checkpoint, tree)
