"""Regenerate the sample certification report in this folder.

Starts from the example document (``docs/examples/inspection.json``: the validation, the shipment, the
production, the valuation, who was present and the documents received), spreads its goods over eleven
parcels, each with its seal, besides the container's (twelve seals), attaches three photos, and signs it
in a throw-away field home as a monitor does (``kpmonitor.report.sign``: self-signed, as before headquarters
issues a certificate). Its dates are moved so that it was inspected the day before it is signed. Writes
``sample-report.pdf`` and ``page-1.png``, ``page-2.png``… (100 dpi) next to this script.

    python docs/sample-report/make_sample.py [--paper A4|Letter] [--out FOLDER] [--language en|fr|pt]

``--page-one PNG`` writes only the first page, at 110 dpi by poppler's ``pdftoppm``, as the screenshots of the
report in French and Portuguese are made (``docs/screenshots/report_page1-fr.png``, ``-pt.png``):

    python docs/sample-report/make_sample.py --language fr --page-one docs/screenshots/report_page1-fr.png
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from kpmonitor.demo.images import make_evidence_jpeg
from kpmonitor.domain.inspection import from_document
from kpmonitor.i18n import LANGUAGES
from kpmonitor.paths import Paths
from kpmonitor.report.sign import sign_inspection
from kpmonitor.trust.identity import pem
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace, init_home

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "inspection.json"
MONITOR = "Jane Monitor"
PASSPHRASE = "sample report passphrase"  # a throw-away key in a throw-away home
PARCELS = 11
DPI = 100


def sample_document() -> dict[str, Any]:
    """The example document with its 1,200.50 ct spread over eleven sealed parcels."""
    doc: dict[str, Any] = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    cert = doc["certificate"]
    # 10 parcels of 109.14 ct and one of 109.10 ct make the certificate's 1,200.50 ct; US$ 30.00 a carat.
    carats = [10914] * (PARCELS - 1) + [120050 - 10914 * (PARCELS - 1)]
    parcel_sealed = datetime(2026, 11, 21, 9, 50, tzinfo=timezone(timedelta(hours=2)))
    doc["parcels"], doc["seals"] = [], []
    for i, ct in enumerate(carats, start=1):
        weighed = ct + (2 if i == 1 else 0)
        doc["parcels"].append({
            "number": str(i), "hs_code": "7102.31", "declared_carats": f"{ct // 100}.{ct % 100:02d}",
            "weighed_carats": f"{weighed // 100}.{weighed % 100:02d}",
            "declared_value_usd": f"{ct * 30 // 100}.{ct * 30 % 100:02d}", "stones": 250 + 7 * i,
            "description": "run of mine, +3 gr" if i % 2 else "run of mine, -3+1 gr"})
        doc["seals"].append({
            "number": f"ZW-S-{980 + i:06d}", "type": "bag", "iso_class": "S", "parcel": str(i),
            "applied_by": "R. Chikore (MMCZ)", "witness": "Jane Monitor",
            "applied_at": (parcel_sealed + timedelta(minutes=3 * i)).isoformat()})
    doc["seals"].append({"number": "ZW-C-000017", "type": "bolt", "iso_class": "H", "parcel": None,
                         "applied_by": "R. Chikore (MMCZ)", "witness": "P. Dube (ZIMRA)",
                         "applied_at": "2026-11-21T10:40:00+02:00"})
    cert["parcel_count"] = PARCELS
    doc["findings"] = [
        {"severity": "info", "section": "sort plant", "text": "Scale calibrated 2026-11-01 (certificate "
                                                              "ZW-CAL-1187 seen)."},
        {"severity": "minor", "section": "vault", "text": "The vault register's entry for parcel 1 was "
                                                          "corrected by hand and initialled."},
        {"severity": "info", "section": "security", "text": "Two guards at the sort-house door; CCTV recording."},
        {"severity": "info", "section": "production", "text": "Production register matches the parcels "
                                                              "(October run of mine)."},
    ]
    return doc


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(.*)$")


def days_to_yesterday() -> int:
    """How many days to move the example (inspected 2026-11-21) so that it was inspected yesterday.

    Signing stamps today's time, and a report signed long after the container was sealed rightly warns
    (a shipment is certified before it leaves): the sample shows a report signed the day after its inspection.
    """
    return (datetime.now(UTC).date() - timedelta(days=1) - date(2026, 11, 21)).days


def shifted(value: Any, days: int) -> Any:
    """A document with every date and moment in it ``days`` later (months and other text as they are)."""
    if isinstance(value, dict):
        return {k: shifted(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [shifted(v, days) for v in value]
    if isinstance(value, str) and (match := _DAY.match(value)):
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            return value
        return (day + timedelta(days=days)).isoformat() + match.group(2)
    return value


def photos(days: int) -> list[tuple[bytes, str, str | None]]:
    """Three photos, as a phone takes them: parcel 1 on the scale, the container seal, the register."""
    when = datetime(2026, 11, 21, 10, 0, tzinfo=timezone(timedelta(hours=2))) + timedelta(days=days)
    gps = (-19.99736, 32.30367)
    return [
        (make_evidence_jpeg(seed=1, title="Parcel 1", lines=["109.16 ct"], kind="scale", taken_at=when, gps=gps),
         "Parcel 1 on the scale: 109.16 ct", "1"),
        (make_evidence_jpeg(seed=2, title="ZW-C-000017", lines=["MMCZ"], kind="seal",
                            taken_at=when + timedelta(minutes=41), gps=gps), "Container seal ZW-C-000017", None),
        (make_evidence_jpeg(seed=3, title="Production register", lines=["PR-2026-10", "p. 112"], kind="document",
                            taken_at=when + timedelta(minutes=50), gps=gps), "Production register extract", None),
    ]


def make_pdf(paper: str, language: str = "en") -> bytes:
    with tempfile.TemporaryDirectory(prefix="kp-sample-") as tmp:
        # An enrolled monitor, as in the field: headquarters issued the device's certificate, so the report says
        # who vouches for it and its seal is of format KP2 (a self-signed device's is KP1, larger).
        paths, hq = Paths.for_home(Path(tmp) / "field"), Paths.for_home(Path(tmp) / "hq")
        init_home(hq, "hq", "KP Monitoring HQ", PASSPHRASE)
        info = init_home(paths, "field", MONITOR, PASSPHRASE)
        request = Keyring(paths).request(PASSPHRASE, info.name, info.device_id)
        Keyring(paths).install(Keyring(hq).issue(pem(request), PASSPHRASE))
        with Workspace(paths) as ws:
            ws.settings.set("paper_size", paper)
            days = days_to_yesterday()
            doc = shifted(sample_document(), days)
            pictures = photos(days)
            # The register's photo is the document received's.
            doc["documents"] = [
                {"title": "Production register extract", "reference": "PR-2026-10",
                 "photo": hashlib.sha256(pictures[2][0]).hexdigest()},
                {"title": "Export declaration", "reference": "ZW-ED-2026-99812", "photo": None},
                {"title": "Tender valuation sheet", "reference": "MMCZ-T-2026-118", "photo": None},
            ]
            insp, problems = from_document(doc)
            if problems:
                raise SystemExit(f"the sample document has problems: {problems}")
            inspection_id = ws.store.create_inspection(insp)
            for i, (data, caption, parcel) in enumerate(pictures):
                photo = ws.vault.ingest_bytes(data, f"IMG_{2041 + i}.JPG")
                seal = "ZW-C-000017" if i == 1 else None  # the second photo shows the container's seal
                ws.attach_photo(inspection_id, photo, caption=caption,
                                parcel_id=ws.store.parcel_id(inspection_id, parcel) if parcel else None,
                                seal_id=ws.store.seal_id(inspection_id, seal) if seal else None)
            for p in ws.validate(ws.store.get(inspection_id)):
                if not p.is_error:
                    ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site with the exporter.")
            return sign_inspection(ws, inspection_id, PASSPHRASE, language=language).pdf_path.read_bytes()


def page_one_png(pdf: bytes, png: Path, dpi: int = 110) -> None:
    """Page 1 as an officer's own tools draw it (poppler, not the renderer the tests read text with)."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("poppler's pdftoppm is not installed (apt install poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="kp-page-one-") as tmp:
        source = Path(tmp) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(source),
                        str(Path(tmp) / "page")], check=True, timeout=120)
        png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(tmp) / "page.png", png)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--paper", default="A4", help="A4 (the committed sample) or Letter")
    parser.add_argument("--out", type=Path, default=HERE, help="the folder to write into (default: this one)")
    parser.add_argument("--language", choices=LANGUAGES, default="en", help="the report's language (default: en)")
    parser.add_argument("--page-one", type=Path, help="write only page 1 to this PNG (110 dpi, pdftoppm)")
    args = parser.parse_args(argv)
    os.environ.pop("KPMONITOR_HOME", None)  # the sample never touches a real home

    pdf = make_pdf(args.paper, args.language)
    if args.page_one is not None:
        page_one_png(pdf, args.page_one)
        print(args.page_one)
        return 0
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("page-*.png"):
        old.unlink()
    (out / "sample-report.pdf").write_bytes(pdf)
    document = pdfium.PdfDocument(pdf)
    for i in range(len(document)):
        document[i].render(scale=DPI / 72).to_pil().save(out / f"page-{i + 1}.png", optimize=True)
    total = sum(p.stat().st_size for p in out.glob("page-*.png")) + len(pdf)
    print(f"sample-report.pdf: {len(document)} pages, {len(pdf) / 1e3:.0f} kB; with the page images "
          f"{total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
