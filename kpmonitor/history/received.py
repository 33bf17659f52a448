"""Which of this device's reports headquarters has received: what its newest installed receipt lists.

Apart from ``history.receipts`` (which reads and checks receipt files, and loads the cryptography to do
so) because the inspections list asks it for its first page, before anything heavy is loaded: reading
the stored list costs one query and a JSON parse.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace


def received_reports(ws: Workspace) -> dict[str, Any]:
    """What the newest installed receipt says headquarters holds: ``{"issued_at", "ids"}``; empty without one.

    The one answer to "has headquarters received this report?" (the list, ``kpmonitor list``): a report is
    received when the newest receipt lists it; without a receipt nothing is known to be received.
    """
    latest = ws.store.latest_receipt()
    if latest is None:
        return {}
    return {"issued_at": latest["issued_at"], "ids": {r[0] for r in json.loads(latest["reports"])}}
