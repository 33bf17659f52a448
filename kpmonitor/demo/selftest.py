"""A headless check of a whole install: the one a support person runs on a monitor's laptop.

In a temporary home it does what a monitor does — records an inspection, adds
a photo, signs it — then verifies the signed PDF and its printed QR seal
against a temporary headquarters root, and checks the audit chain. Each step
prints one line; the first failure stops with its sentence. Nothing touches
the user's own home.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kpmonitor.domain.inspection import from_document
from kpmonitor.paths import Paths
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace, init_home

PASSPHRASE = "self-test passphrase"

EXAMPLE = {
    "certificate": {"number": "ZW 000001", "issuing_authority": "Ministry of Mines and Mining Development",
                    "issued_on": "2026-11-20", "expires_on": "2027-01-19",
                    "exporter": {"name": "Self-test Exporter (Pvt) Ltd", "address": "Harare, Zimbabwe"},
                    "importer": {"name": "Société d'essai SA", "address": "Antwerpen, België"},
                    "origin": "ZW", "provenance": "ZW", "destination": "BE", "hs_codes": ["7102.31"],
                    "carats": "100.00", "value_usd": "5000.00", "parcel_count": 1},
    "site": "Self-test sort house", "inspected_at": "2026-11-21T09:30:00+02:00",
    "parcels": [{"number": "1", "hs_code": "7102.31", "declared_carats": "100.00", "weighed_carats": "100.00",
                 "declared_value_usd": "5000.00"}],
    "seals": [{"number": "SELFTEST-1", "type": "bag", "iso_class": "S", "parcel": "1",
               "applied_by": "Self-test sealing officer", "witness": "Self-test witness"},
              {"number": "SELFTEST-C", "type": "bolt", "iso_class": "H", "parcel": None,
               "applied_by": "Self-test sealing officer", "witness": "Self-test witness"}],
    "verdict": "certified",
    "validation": {"authority": "Ministry of Mines and Mining Development", "officer": "Self-test officer",
                   "number": "SELFTEST-V-1", "at": "2026-11-21T11:40:00+02:00"},
    "shipment": {"container": "SELFTEST-BOX-1", "carrier": "Self-test Cargo", "airway_bill": "000-00000000"},
    "production": {"operator": "Zimbabwe Consolidated Diamond Company (Pvt) Ltd", "mine": "Marange",
                   "period": "2026-10"},
}


def run(echo: Callable[[str], None] = print) -> bool:
    """Run every step; returns True when all passed."""
    from kpmonitor.demo.images import make_evidence_jpeg
    from kpmonitor.report.sign import sign_inspection
    from kpmonitor.report.verify import verify_pdf_bytes

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kpmonitor-selftest-") as tmp:
        base = Path(tmp)

        def step(label: str, fn: Callable[[], str]) -> None:
            t = time.perf_counter()
            detail = fn()
            echo(f"ok   {label:<34} {detail} ({(time.perf_counter() - t) * 1000:.0f} ms)")

        hq_paths, field_paths = Paths.for_home(base / "hq"), Paths.for_home(base / "field")
        try:
            step("headquarters root", lambda: init_home(hq_paths, "hq", "Self-test HQ", PASSPHRASE).role)
            homes: dict[str, str] = {}

            def field_home() -> str:
                homes["device"] = init_home(field_paths, "field", "Self-test Monitor", PASSPHRASE).device_id
                return homes["device"][:8]

            step("field home and device key", field_home)

            def issue() -> str:
                csr = Keyring(field_paths).request(PASSPHRASE, "Self-test Monitor", homes["device"])
                from kpmonitor.trust.identity import pem

                Keyring(field_paths).install(Keyring(hq_paths).issue(pem(csr), PASSPHRASE))
                return "issued and installed"

            step("certificate from headquarters", issue)
            with Workspace(field_paths) as ws:
                ids: dict[str, str] = {}

                def record() -> str:
                    insp, problems = from_document(json.loads(json.dumps(EXAMPLE)))
                    assert not problems, problems
                    ids["inspection"] = ws.store.create_inspection(insp)
                    remaining = ws.validate(ws.store.get(ids["inspection"]))
                    if remaining:
                        raise AssertionError("; ".join(p.message for p in remaining))
                    return ids["inspection"][:8]

                step("inspection recorded and valid", record)

                def photo() -> str:
                    path = base / "IMG_0001.JPG"
                    path.write_bytes(make_evidence_jpeg(seed=1, title="Parcel 1", lines=["100.00 ct"],
                                                        taken_at=None, gps=None))
                    added, refused = ws.add_photos(ids["inspection"], [path], parcel="1", caption="on the scale")
                    if refused or not added:
                        raise AssertionError(refused[0].reason if refused else "no photo added")
                    return added[0].info.sha256[:12]

                step("photo added as evidence", photo)

                def sign() -> str:
                    report = sign_inspection(ws, ids["inspection"], PASSPHRASE)
                    ids["pdf"] = str(report.pdf_path)
                    return f"{report.report_id[:8]}, {report.pdf_path.stat().st_size // 1024} kB"

                step("signed report rendered", sign)

                def verify() -> str:
                    keyring = Keyring(hq_paths)
                    result = verify_pdf_bytes(Path(ids["pdf"]).read_bytes(), keyring.root(), keyring.crl())
                    if not result.ok:
                        raise AssertionError(result.verdict)
                    return f"{len(result.checks)} checks hold"

                step("report and QR seal verified", verify)

                def chain() -> str:
                    report = ws.store.verify_audit()
                    if not report.ok:
                        raise AssertionError(report.problems[0])
                    return f"{report.events} events"

                step("audit chain", chain)
        except Exception as exc:  # the point of a self-test is to say what broke, whatever it was
            echo(f"FAIL {exc}")
            return False
    echo(f"kpmonitor self-test passed in {time.perf_counter() - started:.1f} s.")
    return True
