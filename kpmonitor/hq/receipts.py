"""``hq receipts``: headquarters cosigns each device's latest accepted checkpoint and says what it holds.

One receipt file a device (``history.receipts`` has the format): the device's largest checkpoint that
an import accepted (``hq.history`` judged it extends every earlier one), cosigned with the root key —
headquarters acting as the witness of the device's log — and the list of that device's reports
headquarters holds. The monitor installs it (``kpmonitor receipts install``) and from then on the
device's own ``audit verify`` holds its log to what headquarters cosigned.
"""

from __future__ import annotations

import time
from pathlib import Path

from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, SHARED_DIR, ensure_dir, write_atomic
from kpmonitor.history.receipts import EXTENSION, HeldReport, make_receipt
from kpmonitor.hq.store import hq_store
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace


def write_receipts(ws: Workspace, passphrase: str, out_dir: Path, *, now: int | None = None) -> list[Path]:
    """Write a signed receipt for every device headquarters holds a checkpoint of; returns the files.

    :raises KPError: when the passphrase does not open the root key or the folder cannot be written.
    """
    keyring = Keyring(ws.paths)
    key = keyring.load_root_key(passphrase)
    root = keyring.root()
    if root is None:
        raise KPError("This home has no root certificate.")
    hqs = hq_store(ws)
    when = int(time.time()) if now is None else now
    out_dir = Path(out_dir)
    written = []
    try:
        ensure_dir(out_dir, SHARED_DIR)
        for latest in hqs.latest_checkpoints():
            device = str(latest["device_id"])
            held = [HeldReport(rid, version, seq) for rid, version, seq in hqs.reports_of_device(device)]
            data = make_receipt(str(latest["note"]), device, held, key, root, when)
            target = out_dir / f"receipt-{device[:8]}-{latest['size']}{EXTENSION}"
            write_atomic(target, data, mode=SHARED)  # on a stick, for the monitor
            written.append(target)
    except OSError as exc:
        raise KPError(f"The receipts could not be written to {out_dir} ({exc.strerror or exc}).") from exc
    return written
