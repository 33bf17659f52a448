"""Regenerate the sample certification report in this folder from demo data.

Makes a throw-away field home with demo inspections, freezes one into a report snapshot, seals
it (QR), renders it (``kpmonitor.report_pdf``), signs it with a self-signed key (``pdfsign``)
and writes ``sample-report.pdf`` and ``page-1.png``, ``page-2.png``… (100 dpi) next to this
script. Three photos are kept so the committed files stay small.

    python docs/sample-report/make_sample.py [--paper A4|Letter] [--unsigned]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from kpmonitor.identity import generate_key, make_self_signed
from kpmonitor.qrseal import build_payload, encode_seal
from kpmonitor.report_pdf import render_report
from kpmonitor.snapshot import SignerInfo, build_snapshot, snapshot_sha256

from kpmonitor.demo import fill_demo
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace, init_home

HERE = Path(__file__).resolve().parent
MONITOR = "Jane Monitor"
PHOTOS = 3
DPI = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--paper", default="A4")
    parser.add_argument("--unsigned", action="store_true", help="leave the PAdES signature off")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kp-sample-") as tmp:
        paths = Paths.for_home(tmp)
        init_home(paths, "field", MONITOR)
        with Workspace(paths) as ws:
            fill_demo(ws, count=8)
            # The shipment with the most parcels shows the tables best.
            inspections = [ws.store.get(s.id) for s in ws.store.summaries()]
            insp = max(inspections, key=lambda i: (len(i.parcels), i.certificate.number))
            # One parcel photo, the container seal and the closed container.
            parcel_photos = [p for p in insp.photos if p.parcel]
            others = [p for p in insp.photos if not p.parcel]
            insp.photos = (parcel_photos[:1] + others)[:PHOTOS]
            key = generate_key()
            cert = make_self_signed(key, MONITOR, ws.home.device_id)
            snapshot = build_snapshot(
                insp, ws.validate(insp), report_id="3f9c2a7e5b1d4c8e9a0b6d2f7e1c5a93", version=1, supersedes=None,
                supersedes_version=None, signed_at="2026-11-27T16:05:00+02:00", device_seq=1,
                audit_head=ws.store.audit_head(),
                signer=SignerInfo(name=MONITOR, device_id=ws.home.device_id, self_signed=True))
            c = snapshot["inspection"]["certificate"]
            payload = build_payload(
                certificate_number=c["number"], carats=c["carats"], value_usd=c["value_usd"],
                parcels=len(snapshot["inspection"]["parcels"]),
                seals=[s["number"] for s in snapshot["inspection"]["seals"]],
                verdict=snapshot["inspection"]["verdict"], monitor=MONITOR,
                date=str(snapshot["inspection"]["inspected_at"])[:10], report_id=snapshot["report"]["id"],
                report_version=1, audit_seq=snapshot["report"]["audit"]["seq"],
                audit_head=snapshot["report"]["audit"]["head"], snapshot_sha256=snapshot_sha256(snapshot))
            qr_text = encode_seal(payload, key, cert)
            pdf = render_report(snapshot, qr_text=qr_text, photo_jpeg=lambda sha: ws.vault.scaled_jpeg(sha),
                                paper=args.paper)
    if not args.unsigned:
        from kpmonitor.pdfsign import sign_pdf

        pdf = sign_pdf(pdf, key, cert, [], reason=f"KP monitor's certification report for certificate {c['number']}",
                       location=str(snapshot["inspection"]["site"]), name=MONITOR)

    for old in HERE.glob("page-*.png"):
        old.unlink()
    (HERE / "sample-report.pdf").write_bytes(pdf)
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        doc[i].render(scale=DPI / 72).to_pil().save(HERE / f"page-{i + 1}.png", optimize=True)
    total = sum(p.stat().st_size for p in HERE.glob("page-*.png")) + len(pdf)
    print(f"sample-report.pdf: {len(doc)} pages, {len(pdf) / 1e3:.0f} kB; with the page images {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
