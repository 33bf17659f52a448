"""Headquarters' Anomalies tab at 100 and at 10,000 imported reports, in one run.

Ours: ``hq.anomalies.anomalies(ws)``, the call the window's refresh makes to fill the Anomalies tab: the
stored rows, once it has checked they were judged with today's rules. The floor, in the same run on the
same database: a bare ``SELECT`` of the stored rows, with nothing checked or built. Both stores hold the
same few anomalies (a gap, a fork, a rollback, a missing predecessor, a reused seal and certificate, value
and weight findings) among ordinary reports: what headquarters reads is the list, and reading it must not
grow with everything imported. We print the medians, the ratio 10,000 / 100 (target ≤ 2×: flat, not
linear), and ours against the floor. For scale, the old way — judging every snapshot again on each
refresh (``anomalies.recompute``, kept for rebuilds) — is timed at both sizes too.

The reports are synthetic rows recorded through ``HQStore.insert_report`` (importing 10,000 signed
bundles would measure the import, not the tab), judged once by ``anomalies.rebuild`` as a first open
does; the stores are kept under bench/out/ for later runs.

    python bench/hq_anomalies.py [--small N] [--large N] [--runs R] [--rebuild] [--check]
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kpmonitor.domain.inspection import normalise_certificate_number  # noqa: E402
from kpmonitor.hq.anomalies import anomalies, rebuild, recompute, rules_for  # noqa: E402
from kpmonitor.hq.store import HQStore  # noqa: E402
from kpmonitor.paths import Paths  # noqa: E402
from kpmonitor.store.db import new_id  # noqa: E402
from kpmonitor.workspace import Workspace, init_home  # noqa: E402

OUT = ROOT / "bench" / "out"
RATIO_TARGET = 2.0
DEVICES = 4


def _report(device: str, monitor: str, seq: int, audit_seq: int, n: int, doc: dict[str, Any],
            supersedes: str | None = None, version: int = 1) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An hq_reports row (and its seals) as the importer records one, with a snapshot the rules can read."""
    cert = doc["certificate"]
    signed_at = f"2026-11-{1 + n % 28:02d}T{n % 24:02d}:00:00.000+00:00"
    snapshot = {"report": {"id": "", "device_id": device, "device_seq": seq, "signed_at": signed_at},
                "inspection": doc, "monitor": {"name": monitor}, "warnings": []}
    row = {
        "id": new_id(), "version": version, "supersedes": supersedes, "device_id": device, "device_seq": seq,
        "audit_seq": audit_seq, "audit_head": f"{n:064x}", "monitor": monitor, "signer_serial": f"{device[:8]}",
        "signer_issuer": "Bench HQ", "signer_sha256": "0" * 64, "cert_number": cert["number"],
        "cert_number_norm": normalise_certificate_number(cert["number"]), "exporter": cert["exporter"]["name"],
        "importer": cert["importer"]["name"], "origin": cert["origin"], "provenance": cert["provenance"],
        "destination": cert["destination"], "site": doc["site"], "inspected_at": doc["inspected_at"],
        "signed_at": signed_at, "verdict": doc["verdict"], "carats": 120050, "value_usd": 3601500,
        "parcels": len(doc["parcels"]), "seals": len(doc["seals"]), "photos": 0,
        "snapshot": json.dumps(snapshot), "snapshot_sha256": "0" * 64, "pdf_sha256": "0" * 64, "pdf_size": 0,
        "manifest": "{}", "manifest_sig": "", "manifest_sha256": f"{n:064x}", "chain_pem": "",
        "bundle_sha256": f"{n:064x}", "bundle_name": f"bench-{n}.kpbundle", "verification": "{}",
        "imported_at": signed_at,
    }
    return row, [{"number": s["number"], "parcel": s.get("parcel")} for s in doc["seals"]]


def _fill(ws: Workspace, count: int) -> None:
    """``count`` reports on four devices; the same handful of anomalies whatever ``count`` is."""
    example = json.loads((ROOT / "docs" / "examples" / "inspection.json").read_text(encoding="utf-8"))
    hqs = HQStore(ws.store)
    devices = [(new_id(), f"Bench Monitor {d}") for d in range(DEVICES)]
    per_device = count // DEVICES
    n = 0
    with hqs.transaction():
        for d, (device, monitor) in enumerate(devices):
            first_of_device = ""
            for seq in range(1, per_device + 1):
                n += 1
                if d == 0 and seq == 5:
                    continue  # a report that has not arrived
                doc = copy.deepcopy(example)
                doc["certificate"]["number"] = f"ZW {d}{seq:06d}"
                doc["seals"] = [{"number": f"D{d}-S-{seq:06d}", "type": "bag", "iso_class": "S", "parcel": "1"},
                                {"number": f"D{d}-C-{seq:06d}", "type": "bolt", "iso_class": "H", "parcel": None}]
                audit_seq = 10 * seq
                if d == 1 and seq == 3:
                    doc["seals"][1]["number"] = "D0-C-000001"  # another shipment's seal, and its certificate
                    doc["certificate"]["number"] = "ZW 0000001"
                if d == 2 and seq == 4:
                    doc["parcels"][0]["weighed_carats"] = "612.00"   # beyond the weighing tolerance
                    doc["parcels"][0]["declared_value_usd"] = "1.00"  # far below the value band
                if d == 3 and seq == 6:
                    audit_seq = 25  # signed before report 5 of its device: a rollback
                row, seals = _report(device, monitor, seq, audit_seq, n, doc)
                hqs.insert_report(row, seals, [])
                if seq == 1:
                    first_of_device = row["id"]
                if d == 1 and seq == 7:  # report 7 issued twice: a fork
                    n += 1
                    doc["certificate"]["number"] = f"ZW {d}{seq:06d}F"
                    doc["seals"] = [{"number": f"D{d}-F-{seq:06d}", "type": "bag", "iso_class": "S",
                                     "parcel": None}]
                    hqs.insert_report(*_report(device, monitor, seq, audit_seq + 1, n, doc), [])
            # An amendment whose predecessor never arrived (its own number, the device's next).
            n += 1
            doc = copy.deepcopy(example)
            doc["certificate"]["number"] = f"ZW {d}9{per_device:05d}"
            doc["seals"] = [{"number": f"D{d}-A-{per_device:06d}", "type": "bag", "iso_class": "S", "parcel": None}]
            supersedes = new_id() if d == 3 else first_of_device
            hqs.insert_report(*_report(device, monitor, per_device + 1, 10 * (per_device + 1), n, doc,
                                       supersedes=supersedes, version=2), [])
    rebuild(hqs, rules_for(ws))  # what a first open does


def build(count: int, fresh: bool) -> Paths:
    paths = Paths.for_home(OUT / f"hq-anomalies-{count}")
    if fresh and paths.data.exists():
        shutil.rmtree(paths.data)
    if not paths.home_file.exists():
        if paths.data.exists():
            shutil.rmtree(paths.data)
        init_home(paths, "hq", "Bench Headquarters")
        started = time.perf_counter()
        print(f"building headquarters with {count:,} reports …", file=sys.stderr)
        with Workspace(paths) as ws:
            _fill(ws, count)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return paths


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: the page cache, the statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(paths: Paths, runs: int) -> dict[str, Any]:
    with Workspace(paths) as ws:
        conn = ws.store.conn
        hqs = HQStore(ws.store)
        found = anomalies(ws)

        def floor() -> None:
            conn.execute("SELECT kind, sentence, device_id, monitor, report_ids, severity FROM hq_anomalies "
                         "ORDER BY sort_key").fetchall()

        return {
            "reports": hqs.count_reports(), "anomalies": len(found),
            "kinds": sorted({a.kind for a in found}),
            "floor": median_ms(floor, runs),
            "ours": median_ms(lambda: anomalies(ws), runs),
            "recompute": median_ms(lambda: recompute(hqs, rules_for(ws)), max(1, runs // 10)),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50, help="runs of each side (the median is printed)")
    parser.add_argument("--rebuild", action="store_true", help="make the stores again")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    small = measure(build(args.small, args.rebuild), args.runs)
    large = measure(build(args.large, args.rebuild), args.runs)
    if small["anomalies"] != large["anomalies"]:
        raise SystemExit(f"the two stores should hold the same anomalies: {small['anomalies']} vs "
                         f"{large['anomalies']}")
    ratio = large["ours"] / small["ours"]
    for side in (small, large):
        print(f"{side['reports']:>7,} reports, {side['anomalies']} anomalies ({', '.join(side['kinds'])})")
        print(f"        ours  (anomalies(ws), the tab's call):   median {side['ours']:8.3f} ms")
        print(f"        floor (bare SELECT of the stored rows):  median {side['floor']:8.3f} ms   "
              f"ours/floor {side['ours'] / side['floor']:.1f}×")
        print(f"        old way (judge every snapshot again):    median {side['recompute']:8.1f} ms")
    verdict = "ok" if ratio <= RATIO_TARGET else "MISSED"
    print(f"ratio {args.large:,} / {args.small:,} reports: {ratio:.2f}×   (target ≤ {RATIO_TARGET:.0f}×)  {verdict}")
    return 1 if args.check and ratio > RATIO_TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
