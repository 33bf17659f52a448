"""Search over a store of 100,000 inspections, inside the process.

Ours: ``Store.summaries(text)`` — the first page of the inspections list as the
CLI and the GUI ask for it (FTS5 match, join with the validation counts, sort
by last change, 200 rows). Floor, in the same run on the same database: the
bare FTS5 match that yields the matching rowids, with nothing joined, sorted
or built. Prints both medians and the ratio; the target is a median ≤ 50 ms.

The store is built once with the demo generator (no photos) and kept in
bench/out/ for later runs: ``python bench/search.py [--count N] [--rebuild]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

from kpmonitor.demo.fill import fill_demo
from kpmonitor.paths import Paths
from kpmonitor.store.db import fts_query
from kpmonitor.workspace import Workspace, init_home

OUT = Path(__file__).resolve().parent / "out"


def build(count: int, rebuild: bool) -> Paths:
    home = OUT / f"search-{count}"
    paths = Paths.for_home(home)
    if rebuild and home.exists():
        shutil.rmtree(home)
    if not paths.home_file.exists():
        init_home(paths, "field", "Bench Monitor")
    with Workspace(paths) as ws:
        have = ws.store.count(include_deleted=True)
        if have < count:
            started = time.perf_counter()
            print(f"building a store of {count:,} inspections (have {have:,}) …", file=sys.stderr)

            def progress(done: int, total: int, _text: str) -> None:
                if done and done % 5000 == 0:
                    print(f"  {have + done:,}", file=sys.stderr)

            fill_demo(ws, count=count - have, photos=False, seed=7, progress=progress)
            print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return paths


def queries(ws: Workspace, n: int, rng: random.Random) -> list[str]:
    """What monitors and analysts type: certificate numbers whole or in part, names, seal numbers."""
    rows = ws.store.conn.execute(
        "SELECT i.cert_number, i.exporter_name, i.importer_name, i.site, s.number FROM inspections i "
        "JOIN seals s ON s.inspection_id = i.id ORDER BY random() LIMIT ?", [n]).fetchall()
    out: list[str] = []
    for cert, exporter, importer, site, seal in rows:
        out += [cert, cert.replace(" ", ""), cert[:6], exporter.split()[0], importer.split()[0] + " "
                + importer.split()[1][:3], site.split()[0], seal, seal[-6:]]
    rng.shuffle(out)
    return out


def timed(fn: object, items: list[str]) -> list[float]:
    times = []
    for q in items:
        t = time.perf_counter()
        fn(q)  # type: ignore[operator]
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=40, help="inspections to draw queries from (×8)")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    paths = build(args.count, args.rebuild)
    with Workspace(paths) as ws:
        items = queries(ws, args.queries, random.Random(1))
        conn = ws.store.conn

        def floor(text: str) -> None:
            conn.execute("SELECT rowid FROM inspection_search WHERE inspection_search MATCH ?",
                         [fts_query(text)]).fetchall()

        def ours(text: str) -> None:
            ws.store.summaries(text)

        for fn in (floor, ours):  # warm the page cache for both alike
            timed(fn, items[:10])
        floor_ms = timed(floor, items)
        ours_ms = timed(ours, items)
        count_ms = timed(lambda q: ws.store.count(q), items)
        total = ws.store.count()
    med_ours, med_floor = statistics.median(ours_ms), statistics.median(floor_ms)
    print(f"store: {total:,} inspections; {len(items)} queries")
    print(f"ours  (first page, sorted, joined): median {med_ours:7.2f} ms   p95 "
          f"{statistics.quantiles(ours_ms, n=20)[-1]:7.2f} ms   max {max(ours_ms):7.2f} ms")
    print(f"count (rows matching, for the list): median {statistics.median(count_ms):7.2f} ms")
    print(f"floor (bare FTS5 match):            median {med_floor:7.2f} ms")
    print(f"ratio ours/floor: {med_ours / med_floor:.2f}×   target: median ≤ 50 ms -> "
          f"{'met' if med_ours <= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
