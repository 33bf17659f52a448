"""Several analysts importing into one PostgreSQL headquarters at the same time, as separate processes.

One issuing home made on an empty database (``kpmonitor init --role hq --database URL``) and analysts' homes that
joined it the same way; twelve signed bundles from three devices, some reusing a seal number and a certificate
number (so that anomalies arise across devices). Two, and then (on a fresh database) four ``kpmonitor hq import``
processes start together, each with most of the bundles and a few of them twice (the same stick plugged in twice:
the same bytes under another folder). Every report must be recorded exactly once, every process must end well, and
every analyst's home must list the same reports and the same anomalies (``hq list --json``, ``hq anomalies --json``,
byte for byte), the same as one import of the same bundles into headquarters on SQLite, one after another in the
order the database recorded them (the writer's lock makes the recording one at a time, in some order; that order
shows, legitimately: a reused seal's sentence names its shipments in the order they were imported). Only
``imported_at`` differs from SQLite's list: each importing process's clock.

Skipped, with the harness's sentence, where PostgreSQL is not installed (``tests/conftest_pg.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.pgcluster import point_home
from tests.test_bundle import example, export, make_device, sign_doc

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed: the PostgreSQL tests are skipped")

# Fields of ``hq list --json`` that legitimately differ between imports of the same bundles: the moment each
# report was recorded (a clock reading of the importing process).
VOLATILE_REPORT_FIELDS = ("imported_at",)


def cli(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``kpmonitor --home HOME ARGS`` as its own process, as an analyst's shell runs it."""
    done = subprocess.run(command(home, *args), env=environment(), capture_output=True, text=True, timeout=300,
                          check=False)
    if check:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kpmonitor.cli", "--home", str(home), *args]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KPMONITOR_DATABASE", "KPMONITOR_HOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env  # KPMONITOR_PASSPHRASE: the tests' passphrase (tests/conftest.py sets it)


def fresh_database(pg_url: str) -> str:
    """A new, empty database on the session's cluster; its URL (the same server, socket and user)."""
    name = f"kp_concurrency_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlsplit(pg_url)._replace(path=f"/{name}").geturl()


def moved_to(issuing: Path, target: Path, url: str) -> Path:
    """A copy of the issuing home (its root CA, the certificates it issued) keeping headquarters on ``url``, or on
    its own SQLite file when ``url`` is "": the same root on another database, as a restore onto a new server."""
    shutil.copytree(issuing, target)
    paths = Paths.for_home(point_home(target, url))
    if url:
        from kpmonitor.hq.shared import share_trust

        with Workspace(paths) as ws:
            share_trust(ws)  # the root, the revocation list and the issued certificates, into the new database
    return target


def doc_with(number: str, seals: list[str], site: str | None = None) -> dict[str, Any]:
    doc = example()
    doc["certificate"]["number"] = number
    doc["seals"] = [{**doc["seals"][1], "number": s} for s in seals]  # applied and witnessed, as the example's
    if site:
        doc["site"] = site
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, pg_url: str) -> dict[str, Any]:
    """The issuing home on a fresh database, three devices it certified, and twelve bundles."""
    base = tmp_path_factory.mktemp("hq-concurrency")
    url = fresh_database(pg_url)
    issuing = base / "issuing"
    cli(issuing, "init", "--role", "hq", "--name", "KP Monitoring HQ", "--database", url)
    devices = {name: make_device(base / key, name, issuing)
               for key, name in (("a", "Amélie Ndlovu"), ("b", "Baraka Moyo"), ("c", "Chipo Sibanda"))}
    a, b, c = devices.values()
    plan: list[tuple[str, Path, dict[str, Any]]] = [
        ("a1", a, example()),  # the example's certificate and seals
        ("a2", a, doc_with("ZW 005002", ["ZW-C-005002"])),
        ("a3", a, doc_with("ZW 005003", ["ZW-C-005003", "ZW-S-005003"])),
        ("a4", a, doc_with("ZW 005004", ["ZW-C-005004"])),
        ("b1", b, example()),  # a1's certificate number and seals, on another device: reused
        ("b2", b, doc_with("ZW 005102", ["ZW-C-005102"])),
        ("b3", b, doc_with("ZW 005103", ["ZW-C-005003"])),  # a3's seal again
        ("b4", b, doc_with("ZW 005104", ["ZW-C-005104"])),
        ("c1", c, doc_with("ZW 005201", ["ZW-C-005201"])),
        ("c2", c, doc_with("ZW 005202", ["ZW-C-005102"])),  # b2's seal again
        ("c3", c, doc_with("ZW 005203", ["ZW-C-005203"])),
        ("c4", c, doc_with("ZW 005204", ["ZW-C-005003"])),  # a3's seal a third time
    ]
    bundles = {}
    for name, home, doc in plan:
        report_id = sign_doc(home, doc)
        bundles[name] = export(home, report_id, base / "out" / name)
    return {"base": base, "url": url, "issuing": issuing, "bundles": bundles}


def sticks(bundles: dict[str, Path], where: Path, k: int) -> list[list[str]]:
    """Each importer's arguments: most of the bundles (every bundle goes to at least two importers), in its own
    order, and a few twice (another folder holding the same bytes: the same stick plugged in twice)."""
    names = sorted(bundles)
    out: list[list[str]] = []
    for i in range(k):
        left_out = {names[j] for j in range(i, len(names), k + 2)}  # a few bundles this importer does not get
        mine = [n for n in names if n not in left_out]
        mine = mine[i * 3 % len(mine):] + mine[:i * 3 % len(mine)]  # each starts elsewhere
        if i % 2:
            mine.reverse()
        again = where / f"importer-{i}" / "stick-again"
        again.mkdir(parents=True)
        twice = mine[:: 4]
        for n in twice:
            shutil.copy2(bundles[n], again / bundles[n].name)
        out.append([str(bundles[n]) for n in mine] + [str(again)])
    covered = {Path(p).name for args in out for p in args}
    assert {p.name for p in bundles.values()} <= covered
    return out


def not_ok(out: str) -> Any:
    """The results of an ``hq import --json`` that were neither imported nor already there (or its output)."""
    try:
        return [r for r in json.loads(out)["results"] if r["outcome"] not in ("imported", "already")]
    except (ValueError, KeyError):
        return out


def log_tails(homes: list[Path]) -> dict[str, str]:
    """The end of each home's log: where an import that failed unexpectedly says why."""
    out = {}
    for home in homes:
        log = Paths.for_home(home).log_file
        out[home.name] = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
    return out


def meaningful(listed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in VOLATILE_REPORT_FIELDS} for row in listed]


def recorded_rows(url: str) -> dict[str, int]:
    """Rows per report and per bundle, and the import log's outcomes, counted by the engine itself."""
    with psycopg.connect(url) as conn:
        out = {"reports": conn.execute("SELECT count(*) FROM hq_reports").fetchone()[0],
               "distinct reports": conn.execute("SELECT count(DISTINCT id) FROM hq_reports").fetchone()[0],
               "distinct bundles": conn.execute("SELECT count(DISTINCT bundle_sha256) FROM hq_reports").fetchone()[0],
               "seals": conn.execute("SELECT count(*) FROM hq_seals").fetchone()[0]}
        for outcome, n in conn.execute("SELECT outcome, count(*) FROM import_log GROUP BY outcome"):
            out[f"log {outcome}"] = n
        out["audit gaps"] = conn.execute(
            "SELECT count(*) FROM audit a WHERE a.seq > 1 AND NOT EXISTS (SELECT 1 FROM audit p WHERE p.seq = "
            "a.seq - 1 AND p.hash = a.prev_hash)").fetchone()[0]
        return out


def sequential_on_sqlite(world: dict[str, Any], order: list[str], where: Path) -> dict[str, str]:
    """What one import of the bundles, one after another in ``order`` (sha256s), gives on headquarters' own SQLite
    file: ``hq list --json`` and ``hq anomalies --json``."""
    home = moved_to(world["issuing"], where, "")
    by_sha = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in world["bundles"].values()}
    done = cli(home, "hq", "import", *[str(by_sha[sha]) for sha in order], "--json")
    assert [r["outcome"] for r in json.loads(done.stdout)["results"]] == ["imported"] * len(order)
    return {"list": cli(home, "hq", "list", "--json").stdout,
            "anomalies": cli(home, "hq", "anomalies", "--json").stdout}


@pytest.mark.parametrize("importers", [2, 4])
def test_analysts_importing_at_once_record_each_report_once_and_agree(
        world: dict[str, Any], importers: int, tmp_path: Path) -> None:
    bundles = world["bundles"]
    if importers == 2:  # the database the issuing home was made on
        url, issuing = world["url"], world["issuing"]
    else:  # a fresh database, the same root
        url = fresh_database(world["url"])
        issuing = moved_to(world["issuing"], tmp_path / "issuing", url)
    analysts = [tmp_path / f"analyst-{i}" for i in range(importers - 1)]
    for i, home in enumerate(analysts):
        joined = cli(home, "init", "--role", "hq", "--name", f"Analyst {i + 1}", "--database", url)
        assert "Joined headquarters" in joined.stdout + joined.stderr
    homes = [issuing, *analysts]
    args = sticks(bundles, tmp_path / "sticks", importers)

    started = time.perf_counter()
    processes = [subprocess.Popen(command(home, "hq", "import", *mine, "--json"), env=environment(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for home, mine in zip(homes, args, strict=True)]
    outputs = [p.communicate(timeout=600) for p in processes]
    took = time.perf_counter() - started
    print(f"{importers} importers at once: {sum(len(a) for a in args)} arguments in {took:.1f} s")

    outcomes: dict[str, int] = {}
    for p, (out, err), mine in zip(processes, outputs, args, strict=True):
        assert p.returncode == 0, (not_ok(out), err, log_tails(homes))
        assert "Traceback" not in err and "rror" not in err, err
        results = json.loads(out)["results"]
        assert len(results) == len(mine) - 1 + len(list(Path(mine[-1]).iterdir()))
        for r in results:
            outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    attempts = sum(outcomes.values())
    assert outcomes == {"imported": len(bundles), "already": attempts - len(bundles)}, outcomes

    counted = recorded_rows(url)
    assert counted["reports"] == counted["distinct reports"] == counted["distinct bundles"] == len(bundles), counted
    assert counted["log imported"] == len(bundles) and counted["log already"] == attempts - len(bundles), counted
    assert counted["audit gaps"] == 0, counted
    assert cli(issuing, "audit", "verify", check=False).returncode == 0

    # Recorded one at a time (the writer's lock): the same as importing them one after another in that order.
    with psycopg.connect(url) as conn:
        order = [str(r[0]) for r in conn.execute("SELECT bundle_sha256 FROM hq_reports ORDER BY rowid")]
    sequential = sequential_on_sqlite(world, order, tmp_path / "sqlite-hq")
    lists = [cli(home, "hq", "list", "--json").stdout for home in homes]
    anomalies = [cli(home, "hq", "anomalies", "--json").stdout for home in homes]
    assert all(text == lists[0] for text in lists), "the analysts' lists differ"
    assert all(text == anomalies[0] for text in anomalies), "the analysts' anomalies differ"
    assert meaningful(json.loads(lists[0])) == meaningful(json.loads(sequential["list"]))
    found = json.loads(anomalies[0])
    assert found == json.loads(sequential["anomalies"])
    kinds = {a["kind"] for a in found}
    assert {"seal_reused", "certificate_reused"} <= kinds, kinds
