"""Kill -9 a process that is saving, many times: nothing it reported saved is lost or damaged."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("KPMONITOR_CRASH_KILLS", "25"))


def test_sigkill_while_saving_loses_nothing_reported_done(field_paths: Paths) -> None:
    rng = random.Random(17)
    done: dict[str, str] = {}
    for round_ in range(KILLS):
        child = subprocess.Popen([sys.executable, str(CHILD), str(field_paths.data), str(round_)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        # Wait for the child to be saving, then kill it at a random moment.
        first = child.stdout.readline()
        assert first.startswith("done"), first
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        for line in [first, *out.splitlines()]:
            if line.startswith("done"):
                _, inspection_id, weighed = line.split()
                done[inspection_id] = weighed if weighed != "-" else done.get(inspection_id, "-")

        conn = sqlite3.connect(field_paths.database)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()

    assert len(done) >= KILLS
    with Workspace(field_paths) as ws:
        report = ws.store.verify_audit()
        assert report.ok, report.problems
        for inspection_id, weighed in done.items():
            insp = ws.store.get(inspection_id)
            if weighed != "-":
                assert insp.parcels[0].weighed_carats == int(weighed)
