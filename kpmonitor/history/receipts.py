"""Headquarters' signed receipts: the Kimberley Process's confirmation of what it holds from a device.

A receipt file (``*.kpreceipt``, format ``kpmonitor-receipt/1``) is the canonical JSON of::

    {"format": "kpmonitor-receipt/1",
     "checkpoint": "<the device's latest checkpoint headquarters accepted, cosigned by headquarters>",
     "receipt": "<a note signed by headquarters: the device, that checkpoint, the time, the reports held>"}

The receipt note's text (``trust.note``, signed with headquarters' root key, type 0x02)::

    kpmonitor/receipt/v1
    device <device id>
    checkpoint <size> <base64 root>
    time <POSIX seconds>
    report <report id> <version> <device report number>      (one line a report held, by number)

``hq receipts --out DIR`` writes one a device (``hq.receipts``); ``kpmonitor receipts install FILE``
checks it here: headquarters signed and cosigned it, it is this device's, its checkpoint is one this
device signed, it is not older than the receipt installed; then keeps it (audited, frozen) and compares
the checkpoint with the local audit log. From then on ``audit verify`` holds the log to it: a log
rewritten, truncated or restored from an old copy no longer has the root headquarters cosigned.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.domain.moments import show_moment
from kpmonitor.errors import KPError
from kpmonitor.fileio import read_regular
from kpmonitor.history.checkpoint import device_origin, leaf_of, log_root_problem
from kpmonitor.history.received import received_reports as received_reports
from kpmonitor.store.audit import canonical
from kpmonitor.store.merkle import Tree
from kpmonitor.trust import identity, note
from kpmonitor.trust.keys import Keyring
from kpmonitor.trust.note import Checkpoint, NoteError

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

FORMAT = "kpmonitor-receipt/1"
EXTENSION = ".kpreceipt"
MAX_RECEIPT_BYTES = 4 << 20
_HEADER = "kpmonitor/receipt/v1"
_REPORT_LINE = re.compile(r"report ([0-9a-f]{32,64}) ([1-9][0-9]{0,8}) ([1-9][0-9]{0,17})\Z")


def hq_key_name(root: x509.Certificate) -> str:
    """Headquarters' key name in notes: its root certificate's fingerprint, so another headquarters' never matches."""
    return "kpmonitor/hq/" + identity.fingerprint(root)[:16]


@dataclass(frozen=True)
class HeldReport:
    report_id: str
    version: int
    device_seq: int


@dataclass(frozen=True)
class Receipt:
    device_id: str
    checkpoint: Checkpoint
    issued_at: int  # POSIX seconds, as cosigned
    reports: tuple[HeldReport, ...]

    @property
    def issued_text(self) -> str:
        return dt.datetime.fromtimestamp(self.issued_at, dt.UTC).isoformat(timespec="seconds")


def _public_key(cert: x509.Certificate) -> ec.EllipticCurvePublicKey:
    key = cert.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise KPError("The certificate's key is not an ECDSA P-256 key.")
    return key


# --- headquarters: making one ---------------------------------------------------------------


def make_receipt(checkpoint_note: str, device_id: str, reports: list[HeldReport], key: ec.EllipticCurvePrivateKey,
                 root: x509.Certificate, when: int) -> bytes:
    """A receipt file: the device's checkpoint cosigned at ``when``, and the signed list of what is held."""
    name = hq_key_name(root)
    cp_note = note.parse_note(checkpoint_note)
    checkpoint = note.parse_checkpoint(cp_note.text)
    cosigned = note.cosign(cp_note, name, key, when)
    lines = [_HEADER, f"device {device_id}", f"checkpoint {checkpoint.size} {checkpoint.root_b64}", f"time {when}"]
    lines += [f"report {r.report_id} {r.version} {r.device_seq}" for r in reports]
    receipt = note.sign("\n".join(lines) + "\n", name, key)
    return canonical({"format": FORMAT, "checkpoint": cosigned.format(), "receipt": receipt.format()}).encode()


# --- the field: reading one -----------------------------------------------------------------


def _parse_body(text: str) -> Receipt:
    lines = text.split("\n")
    if len(lines) < 5 or lines[0] != _HEADER or lines[-1] != "":
        raise NoteError("The receipt is not a kpmonitor receipt.")
    device = re.fullmatch(r"device ([0-9a-f]{32})", lines[1])
    cp = re.fullmatch(r"checkpoint ([1-9][0-9]{0,17}) (\S{44})", lines[2])
    when = re.fullmatch(r"time (0|[1-9][0-9]{0,17})", lines[3])
    if not (device and cp and when):
        raise NoteError("The receipt does not name a device, a checkpoint and a time.")
    root = note.hashes_from_b64([cp[2]], "The receipt's checkpoint root")[0]
    reports = []
    for line in lines[4:-1]:
        found = _REPORT_LINE.match(line)
        if not found:
            raise NoteError("A line of the receipt is not a report headquarters holds.")
        reports.append(HeldReport(found[1], int(found[2]), int(found[3])))
    return Receipt(device[1], Checkpoint(device_origin(device[1]), int(cp[1]), root), int(when[1]), tuple(reports))


def read_receipt(data: bytes, root: x509.Certificate, device: x509.Certificate) -> Receipt:
    """A receipt file checked: headquarters (``root``) signed and cosigned it, for ``device``'s own checkpoint.

    :raises KPError: naming what is wrong.
    """
    try:
        doc = json.loads(data, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (ValueError, UnicodeDecodeError):
        raise KPError("The file is not a kpmonitor receipt (it is not JSON).") from None
    if not (isinstance(doc, dict) and set(doc) == {"format", "checkpoint", "receipt"} and doc["format"] == FORMAT
            and isinstance(doc["checkpoint"], str) and isinstance(doc["receipt"], str)):
        raise KPError(f"The file is not a receipt of format {FORMAT}.")
    name, hq_key = hq_key_name(root), _public_key(root)
    receipt_note = note.parse_note(doc["receipt"], max_bytes=MAX_RECEIPT_BYTES)
    if not note.verified(receipt_note, name, hq_key):
        raise KPError("The receipt is not signed by this home's headquarters (its root certificate).")
    receipt = _parse_body(receipt_note.text)
    own_device = identity.certificate_device(device) or ""
    if receipt.device_id != own_device:
        raise KPError(f"The receipt is for device {receipt.device_id[:8]}, not this one ({own_device[:8]}).")
    cp_note = note.parse_note(doc["checkpoint"])
    if note.parse_checkpoint(cp_note.text) != receipt.checkpoint:
        raise KPError("The receipt's checkpoint is not the one its signed text names.")
    if not note.verified(cp_note, receipt.checkpoint.origin, _public_key(device)):
        raise KPError("The receipt's checkpoint was not signed by this device's key.")
    if note.cosigned_at(cp_note, name, hq_key) != receipt.issued_at:
        raise KPError("The receipt's checkpoint is not cosigned by headquarters at the receipt's time.")
    return receipt


def log_problem(ws: Workspace, checkpoint: Checkpoint, tree: Tree | None = None) -> str | None:
    """Whether the home's audit log has the root a checkpoint states at its size (``log_root_problem``)."""
    if tree is None:
        tree = Tree([leaf_of(h) for h in ws.store.audit_hashes(checkpoint.size)])
    return log_root_problem(tree, checkpoint.size, checkpoint.root)


@dataclass
class Installed:
    receipt: Receipt
    already: bool = False
    problems: list[str] = field(default_factory=list)  # the local log against the receipt: empty when it holds
    not_received: list[tuple[str, int]] = field(default_factory=list)  # signed here, not held there: (id, number)

    def sentences(self) -> list[str]:
        """What installing it says, for the command line and the desktop alike (problems are ``problems``)."""
        receipt = self.receipt
        count = len(receipt.reports)
        out = [f"Headquarters' receipt of {show_moment(receipt.issued_text)} "
               f"{'was already installed' if self.already else 'installed'}: it holds {count} report"
               f"{'' if count == 1 else 's'} of this device, and cosigned its history up to audit event "
               f"{receipt.checkpoint.size}."]
        if self.not_received:
            out.append("Not received by headquarters yet: " + ", ".join(
                f"report {seq} ({rid[:8]})" for rid, seq in self.not_received) + ".")
        elif not self.problems:
            out.append("Headquarters holds every report this device signed.")
        return out


def install_receipt(ws: Workspace, path: Path) -> Installed:
    """Check a receipt file and keep it; then hold the local audit log to its checkpoint.

    :raises KPError: when the file is not a genuine receipt for this device, or is older than the one installed.
    """
    data = read_regular(Path(path), MAX_RECEIPT_BYTES, "receipt")
    keyring = Keyring(ws.paths)
    root = keyring.root()
    if root is None:
        raise KPError("This home has no headquarters certificate yet: install the certificate headquarters issued "
                      "first (kpmonitor keys install).")
    receipt = read_receipt(data, root, keyring.device_certificate())
    text = data.decode("utf-8")
    installed = ws.store.receipts()
    latest = installed[-1] if installed else None
    if latest is not None and latest["file_text"] == text:
        return _report(ws, Installed(receipt, already=True))
    if latest is not None and (receipt.checkpoint.size, receipt.issued_text) < (latest["size"], latest["issued_at"]):
        raise KPError(f"This receipt (audit event {receipt.checkpoint.size}, {show_moment(receipt.issued_text)}) is "
                      f"older than the one installed (event {latest['size']}, {show_moment(latest['issued_at'])}); it "
                      "was not installed.")
    ws.store.install_receipt({
        "device_id": receipt.device_id, "size": receipt.checkpoint.size, "root": receipt.checkpoint.root_b64,
        "issued_at": receipt.issued_text, "file_text": text,
        "reports": json.dumps([[r.report_id, r.version, r.device_seq] for r in receipt.reports])})
    return _report(ws, Installed(receipt))


def _report(ws: Workspace, done: Installed) -> Installed:
    problem = log_problem(ws, done.receipt.checkpoint)
    if problem is not None:
        done.problems.append(problem + " Headquarters holds the signed history; tell headquarters.")
    held = {r.report_id for r in done.receipt.reports}
    done.not_received = [(str(r["id"]), int(r["device_seq"])) for r in reversed(ws.store.reports())
                         if r["id"] not in held]
    return done
