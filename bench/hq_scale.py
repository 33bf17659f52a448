"""Headquarters at scale: search, the anomalies view, the statistics and the import, at 1,000 and 100,000 reports.

For each size, one headquarters home holds that many reports written through the store's own import path
(``hq.importer.record_report``: the report's audited rows, its seals and photos, its log line and the anomalies
judged at import), without signing: the bundles' checks are the import's cost, not the size's. The snapshots are
format kpmonitor-report/4 (``report.snapshot.build_snapshot`` of a varied inspection): devices with their report
numbers (a few never arrive), amendments, seals (a few used twice), photos by SHA-256 (a few shown twice),
production operators and mines, values around their band (a few far below), confirmations of receipt for most
certified shipments. Up to 10,000 reports each goes through ``record_report`` whole; above, the same rows go through
the store's audited insert and the anomalies are judged once at the end (``--fill bulk``: the same store, 6,399
anomalies at 100,000 either way, in minutes instead of the half hour that judging each device's 2,500 numbers again
at every report costs).

Each engine in turn (``--engine both``, the default): SQLite, the home's own file (each home is made once and kept
under bench/out/ for later runs); PostgreSQL, a database on a throwaway cluster (``tests/pgcluster.py``: Debian's
binaries, a Unix socket, started for the run and thrown away after it, so its homes are filled again each run),
skipped with a sentence where PostgreSQL is not installed. The cluster is filled with fsync off, as the harness
starts it, and made durable (fsync, synchronous_commit, full_page_writes on) before the imports are timed.

Then, on that home, ours against a floor in the same run, and the ratio:

* search: ``hq.reports.list_reports(ws, text)``, what ``hq list --search`` and the window call, over realistic
  searches (certificate numbers whole and in part, exporter and importer words, seal numbers whole and in part),
  median and p95; the window's page also counts the matches (``count_reports``). Floor: the bare SQL of the same
  page (the same WHERE, the ids only, no badges or receipts).
* the anomalies view: ``hq.notes.noted_anomalies(ws)``, what ``hq anomalies`` and the window's tab read. Floor: a
  bare SELECT of the stored rows in their order.
* the statistics: ``hq.stats.stats`` (by month and origin) and ``stats_by(ws, "operator")``. Floor: one SQL
  GROUP BY over the latest versions.
* the import of real signed bundles (``bench/import.py``'s set, made once) into a copy of that home, with 1, 2
  and 4 importers at once (processes, each importing its own devices' bundles, as analysts with their own USB
  sticks do): bundles a second, and what became of each. Both engines record one import at a time (SQLite by
  nature, PostgreSQL by the writer's lock, ``pgstore.WRITER_LOCK``): the numbers say what that costs. On PostgreSQL
  each run imports into its own copy of the filled database (``CREATE DATABASE … TEMPLATE``).

Targets at 100,000 reports: search median ≤ 50 ms, anomalies view ≤ 100 ms; 2 importers ≥ 1.6× one.

    python bench/hq_scale.py [--engine sqlite|postgresql|both] [--sizes 1000,100000] [--fill import|bulk|auto]
                             [--runs R] [--rebuild] [--bundles N] [--importers 1,2,4] [--no-import] [--check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import multiprocessing
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
SEARCH_TARGET_MS = 50.0
ANOMALIES_TARGET_MS = 100.0
IMPORTERS_TARGET = 1.6
REPORTS_PER_DEVICE = 2500  # a monitor's few years of shipments
BATCH = 500  # reports per transaction while filling (the import commits each; the size is what is measured here)

EXPORTERS = ("Mbada Diamonds (Pvt) Ltd", "Debswana Diamond Company", "Okavango Diamond Company", "Namdeb Holdings",
             "Catoca Mining Society", "Endiama Commercial", "Koidu Limited", "Sierra Rutile Gems",
             "Alrosa Export Desk", "Petra Cullinan Sales", "De Beers Sightholder Sales", "Lucara Karowe Mine",
             "Gem Diamonds Letseng", "Rockwell Kimberley Rough", "Tsodilo Resources", "Lulo Diamond Sales",
             "Marange Resources", "Anglo Rough Marketing", "Diamond Fields International", "Kasai Artisanal Export")
IMPORTERS = ("Antwerp Rough Trading NV", "Dubai Diamond Exchange FZE", "Surat Gem Imports Pvt", "Ramat Gan Rough Ltd",
             "Shanghai Diamond Exchange Co", "New York Rough Brokers LLC", "Tel Aviv Sorting House",
             "Hong Kong Gem Traders", "Mumbai Bharat Diamond Bourse", "London Rough Sales Ltd")
OPERATORS = ("Zimbabwe Consolidated Diamond Company (Pvt) Ltd", "Debswana", "Namdeb", "Sociedade Mineira de Catoca",
             "Koidu Holdings", "Alrosa", "Petra Diamonds", "Lucara", "Gem Diamonds", "Artisanal cooperative Tshikapa",
             "Rockwell Diamonds", "Endiama EP")
MINES = ("Marange concession A", "Jwaneng", "Orapa", "Elizabeth Bay", "Catoca pipe", "Koidu kimberlite", "Udachny",
         "Cullinan", "Karowe", "Letseng", "Tshikapa alluvials", "Kimberley tailings")
# Origins, with their reference value per carat of rough (``vpc_bands.csv``): values are drawn around it.
REFERENCE_USD_PER_CT = {"ZW": 62, "BW": 117, "NA": 417, "AO": 101, "SL": 194, "RU": 89, "ZA": 135, "LS": 333,
                        "CD": 97}
ORIGINS = tuple(REFERENCE_USD_PER_CT)
DESTINATIONS = ("BE", "AE", "IN", "IL", "CN", "US", "HK", "GB")
MONITORS = ("Tendai Moyo", "Kefilwe Dube", "Johanna Shikongo", "Manuel Dos Santos", "Fatmata Kamara",
            "Olga Ivanova", "Thabo Nkosi", "Lerato Mokoena", "Jean-Pierre Mbuyi", "Anna Kowalski")


# ------------------------------------------------------------------------------------------- engines


class Engine:
    """Where headquarters keeps its reports for the bench: the home's own SQLite file, or a database on a
    throwaway PostgreSQL cluster (``tests/pgcluster.py``), started once for the run and thrown away after it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cluster: Any = None

    @property
    def pg(self) -> bool:
        return self.name == "postgresql"

    def start(self) -> None:
        if self.pg:
            from tests.pgcluster import PgCluster

            self.cluster = PgCluster().start()

    def stop(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()
            self.cluster = None

    def home(self, count: int) -> Path:
        """Where the home of ``count`` reports is kept (SQLite's, made once and kept for later runs; PostgreSQL's
        is made again each run: its cluster does not outlive the run)."""
        return OUT / f"hq-scale-{self.name}-{count}"

    def url(self, database: str) -> str:
        """A URL to ``database`` on the run's cluster ("" on SQLite)."""
        if not self.pg:
            return ""
        from urllib.parse import urlsplit

        return str(urlsplit(self.cluster.url)._replace(path=f"/{database}").geturl())

    def create(self, database: str, template: str | None = None) -> str:
        """A new database on the cluster (a copy of ``template``'s, when given); its URL."""
        import psycopg

        with psycopg.connect(self.cluster.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
            conn.execute(f'CREATE DATABASE "{database}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY'
                                                              if template else ""))
        return self.url(database)

    def durable(self) -> None:
        """The cluster as a server runs (the harness starts it with fsync off: filling only)."""
        import psycopg

        with psycopg.connect(self.cluster.url, autocommit=True) as conn:
            for name in ("fsync", "synchronous_commit", "full_page_writes"):
                conn.execute(f"ALTER SYSTEM SET {name} = on")
            conn.execute("SELECT pg_reload_conf()")


def engines_asked(asked: str) -> list[Engine]:
    """The engines to measure; PostgreSQL only where its binaries are installed (said plainly when not)."""
    names = ["sqlite", "postgresql"] if asked == "both" else [asked]
    out = []
    for name in names:
        if name == "postgresql":
            try:
                import psycopg  # noqa: F401

                from tests.pgcluster import binaries

                binaries()
            except Exception as exc:  # PgUnavailable, or no psycopg: the sentence says which
                print(f"PostgreSQL skipped: {exc}", flush=True)
                if asked == "postgresql":
                    raise SystemExit(1) from exc
                continue
        out.append(Engine(name))
    return out


def retarget(home: Path, url: str) -> None:
    """Point a headquarters home (its root CA, the certificates it issued) at ``url``, or at its own SQLite file
    when ``url`` is "", and share its trust there (``hq.shared.share_trust``)."""
    from kpmonitor.hq.shared import share_trust
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace
    from tests.pgcluster import point_home

    paths = Paths.for_home(point_home(home, url))
    if url:
        with Workspace(paths) as ws:
            share_trust(ws)


# ------------------------------------------------------------------------------------- the synthetic home


def _bench_ca() -> tuple[Any, Any]:
    """A throwaway issuer for the devices' certificates (the badge reads the chain each report came with)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench Headquarters root")])
    start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))
    return key, cert


def _device_chain(ca: tuple[Any, Any], monitor: str, device_id: str) -> dict[str, str]:
    """A device certificate issued by the bench's issuer: what the importer keeps of a report's signer."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from kpmonitor.trust import identity

    ca_key, ca_cert = ca
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, monitor),
                                     x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id)]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(ca_cert.not_valid_before_utc).not_valid_after(ca_cert.not_valid_after_utc)
            .sign(ca_key, hashes.SHA256()))
    chain = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (cert, ca_cert)).decode("ascii")
    return {"monitor": monitor, "serial": identity.format_serial(cert.serial_number),
            "issuer": "Bench Headquarters root", "sha256": identity.fingerprint(cert), "chain": chain}


def _amount(hundredths: int) -> str:
    return f"{hundredths // 100}.{hundredths % 100:02d}"


class Synth:
    """Reports as devices make them: numbers in order (a few never arrive), amendments, reused seals and photos."""

    def __init__(self, count: int, seed: int = 2026) -> None:
        self.count = count
        self.rng = random.Random(seed)
        self.template = json.loads((ROOT / "docs" / "examples" / "inspection.json").read_text(encoding="utf-8"))
        ca = _bench_ca()
        devices = max(4, count // REPORTS_PER_DEVICE)
        self.devices: list[dict[str, Any]] = []
        for d in range(devices):
            device_id = hashlib.sha256(f"bench device {d}".encode()).hexdigest()[:32]
            self.devices.append({"id": device_id, "seq": 0, "audit": 0, "d": d,
                                 **_device_chain(ca, MONITORS[d % len(MONITORS)] + (f" {d}" if d >= 10 else ""),
                                                 device_id)})
        self.recent: list[dict[str, Any]] = []  # recent reports: amendments and reuse draw on them
        self.end = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
        self.start = self.end - dt.timedelta(days=3 * 365)

    def reports(self) -> Any:
        """``count`` reports: (the row the import records, its snapshot's inspection), in the order they arrive."""
        from kpmonitor.domain.inspection import PhotoRef, from_document, normalise_certificate_number
        from kpmonitor.hq.importer import _record_columns
        from kpmonitor.report.snapshot import SignerInfo, build_snapshot, report_id_for, snapshot_bytes
        from kpmonitor.store.audit import Head
        from kpmonitor.store.db import new_id

        rng = self.rng
        for n in range(self.count):
            dev = self.devices[n % len(self.devices)]
            dev["seq"] += 1
            if rng.random() < 0.003:
                dev["seq"] += 1  # a report that never arrived: a gap in the device's numbers
            dev["audit"] += rng.randint(8, 30)
            signed = self.start + (self.end - self.start) * (n / max(1, self.count - 1))
            signed_at = signed.isoformat(timespec="milliseconds")
            amend = self.recent and rng.random() < 0.03
            doc = json.loads(json.dumps(self.template))
            cert = doc["certificate"]
            parent = None
            if amend:
                same_device = [r for r in self.recent[-200:] if r["device_id"] == dev["id"] and r["version"] < 3]
                parent = rng.choice(same_device) if same_device else None
            if parent is not None:
                doc = json.loads(json.dumps(parent["doc"]))
                cert = doc["certificate"]
                doc["findings"].append({"severity": "info", "section": "amendment",
                                        "text": "Weights re-read from the scale's printout."})
            else:
                number = f"{rng.choice(ORIGINS)} {n + 1:07d}"
                cert["number"] = number
                cert["origin"] = number[:2]
                cert["provenance"] = number[:2]
                cert["destination"] = rng.choice(DESTINATIONS)
                cert["exporter"]["name"] = rng.choice(EXPORTERS)
                cert["importer"]["name"] = rng.choice(IMPORTERS)
                issued = signed.date() - dt.timedelta(days=1)
                cert["issued_on"] = issued.isoformat()
                cert["expires_on"] = (issued + dt.timedelta(days=60)).isoformat()
                carats = rng.randint(5_000, 500_000)  # 50 to 5,000 ct
                per_carat = REFERENCE_USD_PER_CT[number[:2]] * rng.uniform(0.5, 2.0)
                if rng.random() < 0.01:
                    per_carat = 2.0  # far below the band: undervalued
                value = int(carats * per_carat)
                half_c, half_v = carats // 2, value // 2
                cert["carats"], cert["value_usd"] = _amount(carats), _amount(value)
                cert["lines"] = [{"hs_code": "7102.31", "carats": _amount(carats), "value_usd": _amount(value)}]
                for p, (pc, pv) in zip(doc["parcels"], ((half_c, half_v), (carats - half_c, value - half_v)),
                                       strict=True):
                    p["declared_carats"] = p["weighed_carats"] = _amount(pc)
                    p["declared_value_usd"] = _amount(pv)
                doc["valuation"]["value_usd"] = _amount(value)
                doc["valuation"]["assortment"] = [{"sieve": "+11", "colour": "white", "quality": "gem",
                                                   "carats": _amount(half_c)},
                                                  {"sieve": "-11+7", "colour": "white", "quality": "near-gem",
                                                   "carats": _amount(carats - half_c)}]
                # Marange's exports name their operator, cleared by the KP (``operators.csv``); a few an operator no
                # longer cleared.
                doc["production"]["operator"] = (rng.choice(OPERATORS) if number[:2] != "ZW" else "ZCDC"
                                                 if rng.random() > 0.01 else "Mbada Diamonds (Pvt) Ltd")
                doc["production"]["mine"] = rng.choice(MINES)
                doc["production"]["period"] = signed.strftime("%Y-%m")
                doc["validation"]["number"] = f"V-{signed.year}-{n + 1:06d}"
                doc["shipment"]["container"] = f"BOX-{n + 1:06d}"
                doc["shipment"]["airway_bill"] = f"176-{n + 1:08d}"
                seals = [f"{number[:2]}-S-{n + 1:07d}", f"{number[:2]}-C-{n + 1:07d}"]
                if self.recent and rng.random() < 0.003:  # a seal number seen on another shipment
                    seals[1] = rng.choice(self.recent)["seals"][0]
                for seal, seal_no in zip(doc["seals"], seals, strict=True):
                    seal["number"] = seal_no
                doc["verdict"] = "certified" if rng.random() > 0.05 else "not_certified"
            local = signed - dt.timedelta(hours=3)
            if parent is None:  # an amendment keeps the inspection's own times
                doc["inspected_at"] = local.isoformat(timespec="seconds")
                for seal in doc["seals"]:
                    seal["applied_at"] = (local + dt.timedelta(minutes=30)).isoformat(timespec="seconds")
                doc["validation"]["at"] = (local + dt.timedelta(hours=2)).isoformat(timespec="seconds")
            insp, problems = from_document(doc)
            assert not problems, problems
            photos = []
            if parent is not None:
                photos = list(parent["photos"])
            elif rng.random() < 0.3:
                for i in range(rng.randint(1, 4)):
                    sha = hashlib.sha256(f"photo {n} {i}".encode()).hexdigest()
                    if self.recent and rng.random() < 0.01:  # a photo already shown for another shipment
                        sha = rng.choice(self.recent)["photo"] or sha
                    photos.append(PhotoRef(id=new_id(), sha256=sha, original_name=f"IMG_{n:05d}_{i}.JPG",
                                        caption=f"parcel {i % 2 + 1}", parcel=str(i % 2 + 1), format="jpeg",
                                        width=4000, height=3000, size=2_400_000 + i,
                                        taken_at=(local + dt.timedelta(minutes=10 + i)).isoformat(timespec="seconds")))
            insp.photos = photos
            insp.monitor = dev["monitor"]
            version = parent["version"] + 1 if parent is not None else 1
            if parent is not None:
                insp.amend_reason = "Weights re-read from the scale's printout."
            nonce = f"{n:032x}"
            report_id = report_id_for(dev["id"], dev["seq"], nonce)
            snapshot = build_snapshot(
                insp, [], report_id=report_id, id_nonce=nonce, version=version,
                supersedes=parent["id"] if parent is not None else None,
                supersedes_version=parent["version"] if parent is not None else None, signed_at=signed_at,
                device_seq=dev["seq"], audit_head=Head(dev["audit"], hashlib.sha256(nonce.encode()).hexdigest()),
                signer=SignerInfo(dev["monitor"], dev["id"], dev["serial"], dev["issuer"], f"CN={dev['monitor']}",
                                  self_signed=False))
            body = snapshot_bytes(snapshot)
            snap_doc = snapshot["inspection"]
            c = snap_doc["certificate"]
            bundle_sha = hashlib.sha256(b"bundle " + body).hexdigest()
            row = {
                "id": report_id, "version": version, "supersedes": snapshot["report"]["supersedes"],
                "device_id": dev["id"], "device_seq": dev["seq"], "audit_seq": dev["audit"],
                "audit_head": snapshot["report"]["audit"]["head"], "monitor": dev["monitor"],
                "signer_serial": dev["serial"], "signer_issuer": dev["issuer"], "signer_sha256": dev["sha256"],
                "cert_number": c["number"], "cert_number_norm": normalise_certificate_number(c["number"]),
                "exporter": c["exporter"]["name"], "importer": c["importer"]["name"], "origin": c["origin"],
                "provenance": c["provenance"], "destination": c["destination"], "site": snap_doc["site"],
                "inspected_at": snap_doc["inspected_at"], "signed_at": signed_at, "verdict": snap_doc["verdict"],
                "carats": int(c["carats"].replace(".", "")), "value_usd": int(c["value_usd"].replace(".", "")),
                "parcels": len(snap_doc["parcels"]), "seals": len(snap_doc["seals"]),
                "photos": len(snap_doc["photos"]), "snapshot": body.decode("utf-8"),
                "snapshot_sha256": hashlib.sha256(body).hexdigest(), "pdf_sha256": hashlib.sha256(nonce.encode())
                .hexdigest(), "pdf_size": 180_000, "manifest": json.dumps({"report": snapshot["report"]}),
                "manifest_sig": "", "manifest_sha256": hashlib.sha256(b"manifest " + body).hexdigest(),
                "chain_pem": dev["chain"], "bundle_sha256": bundle_sha, "bundle_name": f"{report_id[:12]}.kpbundle",
                "verification": "{}", "imported_at": (signed + dt.timedelta(days=rng.randint(1, 9))).isoformat(
                    timespec="milliseconds"), **_record_columns(snap_doc),
            }
            self.recent.append({"id": report_id, "device_id": dev["id"], "version": version, "doc": doc,
                                "photos": photos, "seals": [s["number"] for s in doc["seals"]],
                                "photo": photos[0].sha256 if photos else None})
            if len(self.recent) > 400:
                del self.recent[:200]
            yield row, snap_doc


def _confirmations(hqs: Any, actor: str) -> int:
    """Confirmations of receipt for most certified shipments (their latest versions), as an authority's CSV brings."""
    from kpmonitor.store.db import now

    rng = random.Random(7)
    count = 0
    at = now()
    for r in hqs.receipt_reports():
        if r.verdict != "certified" or rng.random() < 0.03:
            continue  # not certified, or its confirmation has not come
        h = r.held
        hqs.insert_confirmation({
            "cert_number": h.cert_number, "cert_number_norm": h.cert_number_norm,
            "confirmed_on": h.signed_at[:10], "authority": "Importing authority", "parcels": r.parcels,
            "carats": r.carats, "importer": r.importer, "exporter": r.exporter, "reference": f"C-{count:06d}",
            "note": "", "source": "csv", "source_file": "confirmations.csv", "source_sha256": "0" * 64,
            "source_line": count + 2, "supersedes": None, "by": actor, "at": at})
        count += 1
    return count


def build(engine: Engine, count: int, rebuild: bool, import_set: Path | None, fill: str) -> Path:
    """The home of ``count`` reports (made when missing): a copy of the import set's headquarters when there is one,
    so that its signed bundles can be imported into it.

    ``fill``: "import", each report through the import's record step (``record_report``: its rows, its log line
    and the anomalies it changes, judged at once); "bulk", the same rows through the store's audited insert, the
    anomalies judged once at the end over everything (``anomalies.rebuild``): the same store, without judging
    each device's numbers again at every report (which makes filling quadratic in a device's reports).
    """
    from kpmonitor.hq.anomalies import judge_receipts, rules_for
    from kpmonitor.hq.anomalies import rebuild as rebuild_anomalies
    from kpmonitor.hq.importer import photo_rows, record_report, seal_rows
    from kpmonitor.hq.receipts_due import terms_for
    from kpmonitor.hq.store import hq_store
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace, init_home

    home = engine.home(count)
    ready = home / "ready.json"
    if (rebuild or engine.pg) and home.exists():
        shutil.rmtree(home)
    if ready.exists():
        return home / "hq"
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    paths = Paths.for_home(home / "hq")
    if import_set is not None:
        shutil.copytree(import_set / "hq", home / "hq")
    else:
        init_home(paths, "hq", "Bench Headquarters")
    if engine.pg:
        retarget(home / "hq", engine.create(f"hq_scale_{count}"))
    print(f"filling headquarters ({engine.name}) with {count:,} reports ({fill}) …", file=sys.stderr)
    started = time.perf_counter()
    with Workspace(paths) as ws:
        hqs = hq_store(ws)
        if not engine.pg:
            hqs.conn.execute("PRAGMA synchronous=OFF")  # filling only: the size is measured, not the fsyncs
        rules, terms = rules_for(ws), terms_for(ws)
        synth = Synth(count)
        batch: list[tuple[dict[str, Any], dict[str, Any]]] = []

        def flush() -> None:
            with hqs.transaction():
                for row, insp in batch:
                    log_line = {"id": row["id"] + "-log", "at": row["imported_at"], "file_name": row["bundle_name"],
                                "bundle_sha256": row["bundle_sha256"], "outcome": "imported", "report_id": row["id"],
                                "sentence": f"Imported report {row['id'][:8]} v{row['version']}.", "quarantined": None}
                    if fill == "bulk":
                        hqs.insert_report(row, seal_rows(insp), photo_rows(insp))
                        hqs.write_log([log_line])
                    else:
                        record_report(hqs, rules, terms, row, insp, log_line)
            batch.clear()

        for i, item in enumerate(synth.reports(), 1):
            batch.append(item)
            if len(batch) >= BATCH:
                flush()
            if i % 10_000 == 0:
                print(f"  {i:,} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if batch:
            flush()
        if fill == "bulk":
            rebuild_anomalies(hqs, rules)
        with hqs.transaction():
            confirmed = _confirmations(hqs, ws.actor)
            judge_receipts(hqs, terms)
        hqs.conn.execute("ANALYZE" if engine.pg else "PRAGMA optimize")
    took = time.perf_counter() - started
    ready.write_text(json.dumps({"reports": count, "confirmations": confirmed, "seconds": round(took),
                                 "fill": fill}))
    print(f"filled in {took:.0f} s ({count / took:,.0f} reports a second)", file=sys.stderr)
    return home / "hq"


# ------------------------------------------------------------------------------------------- measuring


def _ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: the page cache, the statement cache
    return statistics.median(_ms(work) for _ in range(runs))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def searches(conn: Any, rng: random.Random, draws: int) -> list[str]:
    """What analysts type: certificate numbers whole, without the space and in part, exporter and importer words,
    seal numbers whole and in part."""
    rows = conn.execute("SELECT r.cert_number, r.exporter, r.importer, s.number FROM hq_reports r "
                        "JOIN hq_seals s ON s.report_id = r.id ORDER BY random() LIMIT ?", [draws]).fetchall()
    out: list[str] = []
    for cert, exporter, importer, seal in rows:
        out += [cert, cert.replace(" ", ""), cert[:6], exporter.split()[0], " ".join(importer.split()[:2]), seal,
                seal[-7:]]
    rng.shuffle(out)
    return out


def measure_queries(paths: Any, runs: int, draws: int) -> dict[str, Any]:
    from kpmonitor.hq.notes import noted_anomalies
    from kpmonitor.hq.reports import count_reports, list_reports
    from kpmonitor.hq.stats import stats, stats_by
    from kpmonitor.hq.store import _search_sql, hq_store
    from kpmonitor.workspace import Workspace

    with Workspace(paths) as ws:
        hqs = hq_store(ws)
        conn = hqs.conn
        items = searches(conn, random.Random(1), draws)

        def floor_search(text: str) -> None:
            where, params = _search_sql(text, hqs.pg)
            conn.execute(f"SELECT r.id FROM hq_reports r{where} ORDER BY r.signed_at DESC, r.id DESC LIMIT 200",
                         params).fetchall()

        for text in items[:8]:  # warm both sides alike
            floor_search(text)
            list_reports(ws, text)
        ours = [_ms(lambda t=text: list_reports(ws, t)) for text in items]  # type: ignore[misc]
        window = [_ms(lambda t=text: (count_reports(ws, t), list_reports(ws, t, limit=100)))  # type: ignore[misc]
                  for text in items]
        floor = [_ms(lambda t=text: floor_search(t)) for text in items]  # type: ignore[misc]
        found = noted_anomalies(ws)
        kinds: dict[str, int] = {}
        for a in found:
            kinds[a.kind] = kinds.get(a.kind, 0) + 1

        def floor_anomalies() -> None:
            conn.execute("SELECT scope, sort_key, kind, severity, sentence, device_id, monitor, report_ids "
                         "FROM hq_anomalies ORDER BY sort_key, id").fetchall()

        def floor_stats() -> None:
            conn.execute(
                "SELECT substr(CASE WHEN r.inspected_at != '' THEN r.inspected_at ELSE r.signed_at END, 1, 7) m, "
                "r.origin, count(*), sum(CASE WHEN r.verdict = 'certified' THEN 1 ELSE 0 END), sum(r.carats), "
                "sum(r.value_usd) FROM hq_reports r "
                "WHERE NOT EXISTS (SELECT 1 FROM hq_reports n WHERE n.supersedes = r.id AND n.device_id = r.device_id)"
                " GROUP BY m, r.origin ORDER BY m, r.origin").fetchall()

        def floor_operator() -> None:
            conn.execute(
                "SELECT r.production_operator, count(*), sum(CASE WHEN r.verdict = 'certified' THEN 1 ELSE 0 END), "
                "sum(r.carats), "
                "sum(r.value_usd) FROM hq_reports r WHERE NOT EXISTS (SELECT 1 FROM hq_reports n WHERE "
                "n.supersedes = r.id AND n.device_id = r.device_id) GROUP BY r.production_operator").fetchall()

        slow_runs = max(3, runs // 4)
        return {
            "reports": int(conn.execute("SELECT count(*) FROM hq_reports").fetchone()[0]),
            "devices": int(conn.execute("SELECT count(DISTINCT device_id) FROM hq_reports").fetchone()[0]),
            "searches": len(items), "search": ours, "window": window, "search_floor": floor,
            "anomalies": len(found), "kinds": kinds,
            "anomalies_ms": median_ms(lambda: noted_anomalies(ws), runs),
            "anomalies_floor": median_ms(floor_anomalies, runs),
            "stats_ms": median_ms(lambda: stats(ws), slow_runs), "stats_floor": median_ms(floor_stats, slow_runs),
            "operator_ms": median_ms(lambda: stats_by(ws, "operator"), slow_runs),
            "operator_floor": median_ms(floor_operator, slow_runs),
        }


# ------------------------------------------------------------------------------------------- importing


def _import_set(bundles: int) -> Path:
    """``bench/import.py``'s cached set of signed bundles (four devices; a few with ten photos): made when missing."""
    # Imported by its name (bench/ last on the path: it shadows nothing), so that the signing pool's spawned
    # processes find its functions again.
    if str(ROOT / "bench") not in sys.path:
        sys.path.append(str(ROOT / "bench"))
    module = importlib.import_module("import")
    base: Path = module.build(bundles, max(1, bundles // 40), 10, False, min(4, multiprocessing.cpu_count()))
    return base


def _importer(home: str, files: list[str], ready: Any, go: Any, results: Any) -> None:
    """Worker: open the home, say so, wait for the others, import its files; puts (outcomes, seconds, refusals)."""
    from kpmonitor.hq.importer import import_paths
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    with Workspace(Paths.for_home(Path(home))) as ws:
        ready.release()
        go.wait()
        started = time.perf_counter()
        found = import_paths(ws, [Path(f) for f in files])
        took = time.perf_counter() - started
    outcomes: dict[str, int] = {}
    for r in found:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    results.put({"outcomes": outcomes, "seconds": took,
                 "refused": [r.sentence for r in found if r.outcome != "imported"][:2]})


def judged_today(hq_home: Path) -> None:
    """The home's anomalies judged with today's rules, before the clock: a rule, a reference table or a translation
    changed since the home was filled (another engineer's work on this machine) makes the first import judge every
    report again, under the writer's lock (a minute at 100,000), which is not an import's cost."""
    from kpmonitor.hq.anomalies import rebuild, rules_for
    from kpmonitor.hq.receipts_due import terms_for
    from kpmonitor.hq.store import hq_store
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    with Workspace(Paths.for_home(hq_home)) as ws:
        hqs, rules = hq_store(ws), rules_for(ws)
        if hqs.anomalies_judged_with() != rules.fingerprint():
            print("  (the rules changed since the home was filled: judging everything again first)", file=sys.stderr)
            rebuild(hqs, rules, terms_for(ws))


def measure_import(engine: Engine, count: int, hq_home: Path, bundles: Path,
                   importers: list[int]) -> list[dict[str, Any]]:
    """Import the set into a fresh copy of ``hq_home`` (on PostgreSQL, of its database too) with k importers at
    once, each its own devices' bundles."""
    from kpmonitor.bundle.verify import verify_bundle  # noqa: F401  (loaded before the clock, as every importer does)

    files = sorted(bundles.glob("*.kpbundle"))
    by_device: dict[str, list[str]] = {}
    for f in files:
        with __import__("zipfile").ZipFile(f) as archive:
            device = json.loads(archive.read("manifest.json"))["report"]["device_id"]
        by_device.setdefault(device, []).append(str(f))
    devices = sorted(by_device)
    ctx = multiprocessing.get_context("spawn")
    out = []
    for k in importers:
        shares: list[list[str]] = [[] for _ in range(k)]
        for i, device in enumerate(devices):
            shares[i % k] += by_device[device]
        judged_today(hq_home)
        with tempfile.TemporaryDirectory(prefix="kp-hq-scale-", dir=OUT) as tmp:
            home = Path(tmp) / "hq"
            shutil.copytree(hq_home, home)
            if engine.pg:  # a copy of the filled database (no one is connected to it now), for this run alone
                retarget(home, engine.create(f"hq_scale_{count}_import_{k}", template=f"hq_scale_{count}"))
            ready, go, queue = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
            workers = [ctx.Process(target=_importer, args=(str(home), share, ready, go, queue)) for share in shares]
            for w in workers:
                w.start()
            for _ in workers:
                if not ready.acquire(timeout=120):
                    raise SystemExit("an importer did not start")
            started = time.perf_counter()
            go.set()
            results = [queue.get(timeout=1800) for _ in workers]
            wall = time.perf_counter() - started
            for w in workers:
                w.join()
        outcomes: dict[str, int] = {}
        for r in results:
            for name, n in r["outcomes"].items():
                outcomes[name] = outcomes.get(name, 0) + n
        refused = [s for r in results for s in r["refused"]][:2]
        out.append({"importers": k, "wall": wall, "bundles": len(files), "outcomes": outcomes,
                    "imported_per_s": outcomes.get("imported", 0) / wall, "refused": refused})
    return out


# ---------------------------------------------------------------------------------------------- main


def _ratio(ours: float, floor: float) -> str:
    return f"{ours / floor:6.1f}×" if floor > 0 else "     —"


def report_size(m: dict[str, Any]) -> list[str]:
    s, w, f = m["search"], m["window"], m["search_floor"]
    kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(m["kinds"].items(), key=lambda kv: -kv[1]))
    return [
        f"{m['reports']:,} reports on {m['devices']} devices; {m['anomalies']:,} anomalies ({kinds})",
        f"  search, hq list --search ({m['searches']} searches):  median {statistics.median(s):8.2f} ms   "
        f"p95 {p95(s):8.2f} ms",
        f"    window's page (count + 100 rows):               median {statistics.median(w):8.2f} ms   "
        f"p95 {p95(w):8.2f} ms",
        f"    floor (bare SQL of the page, ids only):          median {statistics.median(f):8.2f} ms   "
        f"p95 {p95(f):8.2f} ms   ours/floor {_ratio(statistics.median(s), statistics.median(f))}",
        f"  anomalies view (noted_anomalies):                 median {m['anomalies_ms']:8.2f} ms   "
        f"floor (bare SELECT) {m['anomalies_floor']:8.2f} ms   {_ratio(m['anomalies_ms'], m['anomalies_floor'])}",
        f"  statistics by month and origin (stats):           median {m['stats_ms']:8.2f} ms   "
        f"floor (GROUP BY)    {m['stats_floor']:8.2f} ms   {_ratio(m['stats_ms'], m['stats_floor'])}",
        f"  statistics by operator (stats_by):                median {m['operator_ms']:8.2f} ms   "
        f"floor (GROUP BY)    {m['operator_floor']:8.2f} ms   {_ratio(m['operator_ms'], m['operator_floor'])}",
    ]


def measure_engine(engine: Engine, args: argparse.Namespace, sizes: list[int], import_set: Path) -> bool:
    """Every figure on one engine; whether a target was missed at the largest size."""
    from kpmonitor.paths import Paths

    missed = False
    print(f"engine: {engine.name}" + (f" (PostgreSQL {engine.cluster.bin.parent.name}, a throwaway cluster on a "
                                      "Unix socket)" if engine.pg else ""), flush=True)
    for count in sizes:
        fill = args.fill if args.fill != "auto" else "import" if count <= 10_000 else "bulk"
        hq_home = build(engine, count, args.rebuild, import_set, fill)
        m = measure_queries(Paths.for_home(hq_home), args.runs, args.draws)
        print(f"[{engine.name}] " + "\n".join(report_size(m)), flush=True)
        if not args.no_import:
            if engine.pg:
                engine.durable()  # importing as a server would: fsync on
            single = None
            for r in measure_import(engine, count, hq_home, import_set / "bundles",
                                    [int(k) for k in args.importers.split(",")]):
                single = single or r["imported_per_s"]
                others = {k: v for k, v in r["outcomes"].items() if k != "imported"}
                print(f"  import, {r['importers']} importer{'s' if r['importers'] > 1 else ' '} at once: "
                      f"{r['bundles']} bundles in {r['wall']:6.2f} s = {r['imported_per_s']:6.1f} imported a second"
                      f" ({r['imported_per_s'] / single:4.2f}× one)"
                      + (f"; not imported: {others} — {r['refused'][0]}" if others else ""), flush=True)
                if count == max(sizes) and r["importers"] == 2 and r["imported_per_s"] / single < IMPORTERS_TARGET:
                    missed = True
        if count == max(sizes):
            med = statistics.median(m["search"])
            ok_search, ok_anom = med <= SEARCH_TARGET_MS, m["anomalies_ms"] <= ANOMALIES_TARGET_MS
            missed = missed or not (ok_search and ok_anom)
            print(f"[{engine.name}] targets at {count:,}: search median {med:.1f} ms (≤ {SEARCH_TARGET_MS:.0f}) "
                  f"{'ok' if ok_search else 'MISSED'}; anomalies view {m['anomalies_ms']:.1f} ms "
                  f"(≤ {ANOMALIES_TARGET_MS:.0f}) {'ok' if ok_anom else 'MISSED'}", flush=True)
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both",
                        help="both: SQLite, then PostgreSQL where its binaries are installed (said when not)")
    parser.add_argument("--fill", choices=("import", "bulk", "auto"), default="auto",
                        help="how the homes are filled (see build); auto: import up to 10,000 reports, bulk above")
    parser.add_argument("--sizes", default="1000,100000", help="report counts, comma-separated")
    parser.add_argument("--runs", type=int, default=20, help="runs of each timed view (the median is printed)")
    parser.add_argument("--draws", type=int, default=12, help="reports the searches are drawn from (×7 searches)")
    parser.add_argument("--bundles", type=int, default=200, help="signed bundles in the import set")
    parser.add_argument("--importers", default="1,2,4", help="importers at once, comma-separated")
    parser.add_argument("--no-import", action="store_true", help="skip measuring the import of signed bundles")
    parser.add_argument("--rebuild", action="store_true", help="fill the homes again")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed at the largest size")
    args = parser.parse_args(argv)
    engines = engines_asked(args.engine)  # says plainly when PostgreSQL is skipped
    sizes = [int(s) for s in args.sizes.split(",") if s]
    import_set = _import_set(args.bundles)  # its headquarters is every home's start, so its bundles import there
    missed = False
    for engine in engines:
        engine.start()
        try:
            missed = measure_engine(engine, args, sizes, import_set) or missed
        except Exception:
            if engine.cluster is not None:  # what the server said, before its folder goes
                print(f"PostgreSQL's log ends:{engine.cluster._log_tail()}", file=sys.stderr)
            raise
        finally:
            engine.stop()
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
