"""Child process for the crash test: saves inspections in a loop and says which are done.

A line "done <id> <weighed>" is printed (and flushed) only after the call that
saved it has returned, so the parent knows exactly what must survive a kill.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from kpmonitor.demo.fill import demo_inspection
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace


def main() -> None:
    home, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    with Workspace(Paths.for_home(home)) as ws:
        n = ws.store.count(include_deleted=True)
        while True:
            insp, _ = demo_inspection(rng, n + seed * 100_000, ws.home.name)
            inspection_id = ws.store.create_inspection(insp)
            print(f"done {inspection_id} -", flush=True)
            parcel = ws.store.get(inspection_id).parcels[0]
            weighed = rng.randint(1, 10**6)
            ws.store.update_parcel(str(parcel.id), {"weighed_carats": weighed})
            print(f"done {inspection_id} {weighed}", flush=True)
            n += 1


if __name__ == "__main__":
    main()
