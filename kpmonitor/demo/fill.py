"""Realistic demo data: Marange-style export shipments under a KP monitor.

The figures follow what the record shows of supervised Marange exports
(run-of-mine goods at tens of dollars a carat, parcels of hundreds to
thousands of carats, Antwerp, Dubai, Mumbai and Tel Aviv buyers). Most
shipments are clean; some carry the findings a monitor meets — a parcel that
weighs more than declared, a seal that arrived broken, a value far below the
band — so the validation panel and the anomaly views have something to show.
Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from kpmonitor.demo.images import make_evidence_jpeg
from kpmonitor.domain.inspection import (
    Certificate,
    CertificateLine,
    DocumentReceived,
    Finding,
    FindingSeverity,
    Inspection,
    Parcel,
    Party,
    Person,
    Production,
    Seal,
    SealEvent,
    SealEventKind,
    Shipment,
    Validation,
    Valuation,
    Verdict,
    applied_event,
)
from kpmonitor.domain.quantities import format_carats
from kpmonitor.workspace import Progress, Workspace

HARARE = timezone(timedelta(hours=2))

EXPORTERS = [
    ("Mbada Diamonds (Pvt) Ltd", "Mutare Road, Marange, Zimbabwe", "Mbada sort house, Marange"),
    ("Marange Resources (Pvt) Ltd", "Chiadzwa, Marange, Zimbabwe", "Marange Resources sort house"),
    ("Anjin Investments (Pvt) Ltd", "Chiadzwa, Marange, Zimbabwe", "Anjin sort house, Chiadzwa"),
    ("Zimbabwe Consolidated Diamond Company", "Borrowdale, Harare, Zimbabwe", "ZCDC valuation centre, Harare"),
    ("Diamond Mining Corporation (Pvt) Ltd", "Chiadzwa, Marange, Zimbabwe", "MMCZ sorting house, Harare"),
]
IMPORTERS = [
    ("Antwerp Rough Trading NV", "Hoveniersstraat 22, 2018 Antwerpen, Belgium", "BE"),
    ("Gulf Rough Diamonds DMCC", "Almas Tower, Jumeirah Lakes Towers, Dubai, UAE", "AE"),
    ("Surat Rough Imports Pvt Ltd", "Bharat Diamond Bourse, Bandra-Kurla Complex, Mumbai, India", "IN"),
    ("Ramat Gan Diamond Trading Ltd", "Maccabi Building, 1 Jabotinsky St, Ramat Gan, Israel", "IL"),
    ("Shanghai Diamond Exchange Members Co.", "1701 Century Avenue, Pudong, Shanghai, China", "CN"),
    ("Johannesburg Diamond Buyers (Pty) Ltd", "225 Main Street, Johannesburg, South Africa", "ZA"),
]
WITNESSES = ["Tendai Moyo (MMCZ)", "Farai Chikomba (ZIMRA)", "Insp. R. Ncube (ZRP Minerals Unit)",
             "Blessing Mutasa (Ministry of Mines)"]
MARANGE_GPS = (-19.9500, 32.3300)
# Since 2016 every carat mined in Marange is the state company's, whoever exports it (headquarters' list of
# cleared operations, operators.csv, says so): the demo's goods are all produced by it.
PRODUCER = "Zimbabwe Consolidated Diamond Company (Pvt) Ltd"
VALIDATORS = ["T. Moyo", "S. Chiweshe", "N. Mhlanga"]
VALUATORS = ["G. Ncube", "R. Marufu", "E. Sibanda"]
CARRIERS = [("Emirates SkyCargo", "176"), ("Ethiopian Cargo", "071"), ("Qatar Airways Cargo", "157"),
            ("Kenya Airways Cargo", "706")]
DESCRIPTIONS = ["run of mine, +3 grainers", "run of mine, -3 grainers", "boart and industrial", "near-gem",
                "cleavages and macles", "coated stones, +11 sieve", "mixed sizes, brown and grey"]


def _carats(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(low * 100, high * 100)


def demo_inspection(rng: random.Random, index: int, monitor: str) -> tuple[Inspection, dict[str, bool]]:
    """One plausible shipment; returns it and what was made odd about it (for photos and captions)."""
    exporter, exp_addr, site = rng.choice(EXPORTERS)
    importer, imp_addr, destination = rng.choice(IMPORTERS)
    # Spread over two years back from today, newest first; the index keeps numbers unique.
    day = date(2026, 11, 27) - timedelta(days=(3 * index) % 730 + rng.randint(0, 2))
    inspected_at = datetime(day.year, day.month, day.day, rng.randint(7, 15), rng.choice([0, 15, 30, 45]),
                            tzinfo=HARARE)
    issued = day - timedelta(days=rng.randint(0, 4))
    industrial = rng.random() < 0.25
    hs = "7102.21" if industrial else rng.choice(["7102.31", "7102.10"])
    n_parcels = rng.randint(2, 6)
    odd = {"overweight": rng.random() < 0.15, "broken_seal": rng.random() < 0.08, "cheap": rng.random() < 0.06}
    parcels: list[Parcel] = []
    for number in range(1, n_parcels + 1):
        declared = _carats(rng, 150, 4000)
        per_ct = rng.uniform(2.0, 9.0) if industrial else rng.uniform(22.0, 85.0)
        if odd["cheap"] and number == 1 and not industrial:
            per_ct = 1.1
        value = int(declared * per_ct)  # cents = hundredths-ct × US$/ct
        weighed = declared + rng.choice([0, 0, 0, 1, -1, 2])
        if odd["overweight"] and number == n_parcels:
            weighed = declared + rng.randint(40, 400)
        parcels.append(Parcel(number=str(number), hs_code=hs, declared_carats=declared, weighed_carats=weighed,
                              stones=rng.randint(300, 9000) if rng.random() < 0.6 else None,
                              declared_value_usd=value, description=rng.choice(DESCRIPTIONS)))
    year = day.year % 100
    cert = Certificate(
        number=f"ZW {year:02d}{40000 + index * 7 + rng.randint(0, 6):05d}",
        issuing_authority="Ministry of Mines and Mining Development, Zimbabwe",
        issued_on=issued, expires_on=issued + timedelta(days=60), exporter=Party(exporter, exp_addr),
        importer=Party(importer, imp_addr), origin="ZW", provenance="ZW", destination=destination,
        hs_codes=[hs], carats=sum(p.declared_carats or 0 for p in parcels),
        value_usd=sum(p.declared_value_usd or 0 for p in parcels), parcel_count=n_parcels)
    witness = rng.choice(WITNESSES)
    seals: list[Seal] = []
    for p in parcels:
        applied = inspected_at + timedelta(minutes=20 + 6 * int(p.number))
        seal = Seal(number=f"ZW-S-{(index * 10 + int(p.number)) + 100000:06d}", type="bag", iso_class="S",
                    manufacturer="TydenBrooks", parcel=p.number, applied_by="MMCZ sealing officer",
                    witness=witness, applied_at=applied.isoformat(), applied_place=site)
        seal.events.append(applied_event(seal))  # by the sealing officer, as the form says, not the monitor
        seals.append(seal)
    container_time = inspected_at + timedelta(hours=1, minutes=30)
    container = Seal(number=f"ZW-C-{index + 5000:06d}", type="bolt", iso_class="H", manufacturer="Unisto",
                     parcel=None, applied_by="MMCZ sealing officer", witness=witness,
                     applied_at=container_time.isoformat(), applied_place=site)
    container.events.append(applied_event(container))
    if odd["broken_seal"]:
        container.events.append(SealEvent(SealEventKind.BROKEN, at=(container_time + timedelta(minutes=5))
                                          .isoformat(), by=monitor, note="bolt shank sheared on closing; replaced"))
    seals.append(container)
    findings = [Finding(FindingSeverity.INFO, "sort house",
                        f"Scale calibrated {(day - timedelta(days=rng.randint(3, 25))).isoformat()} "
                        "with a 500 ct reference weight."),
                Finding(FindingSeverity.INFO, "security",
                        "Vault access log reviewed; two-person rule observed.")]
    verdict = Verdict.CERTIFIED
    if odd["overweight"]:
        last = parcels[-1]
        findings.append(Finding(FindingSeverity.MAJOR, "parcels",
                                f"Parcel {last.number} weighed {format_carats(last.weighed_carats or 0)} against "
                                f"{format_carats(last.declared_carats or 0)} declared; re-weighed twice."))
        verdict = Verdict.HELD
    insp = Inspection(certificate=cert, site=site, site_lat=MARANGE_GPS[0] + rng.uniform(-0.05, 0.05),
                      site_lon=MARANGE_GPS[1] + rng.uniform(-0.05, 0.05), inspected_at=inspected_at.isoformat(),
                      parcels=parcels, seals=seals, findings=findings, verdict=verdict, monitor=monitor)
    _record_parts(insp, index, container_time, witness)
    return insp, odd


def _record_parts(insp: Inspection, index: int, container_time: datetime, witness: str) -> None:
    """The validation, shipment, production, valuation, people present and documents of a demo shipment.

    Drawn from their own generator, seeded by the certificate number, so the shipments' other figures stay those
    of earlier versions for a seed.
    """
    rng = random.Random(insp.certificate.number)
    cert = insp.certificate
    carats, value = cert.carats or 0, cert.value_usd or 0
    cert.lines = [CertificateLine(hs_code=cert.hs_codes[0], carats=carats, value_usd=value)]
    validated = container_time + timedelta(minutes=rng.randint(20, 90))  # after the sealing, as Art. 12(2) asks
    officer = rng.choice(VALIDATORS)
    insp.validation = Validation(authority=cert.issuing_authority, officer=officer,
                                 number=f"MMMD-V-{validated.year}-{index:05d}", at=validated.isoformat())
    carrier, prefix = rng.choice(CARRIERS)
    # A carat is 0.2 g: hundredths of a carat / 5,000 are hundredths of a kilogram; the box and bags weigh 2 to 4 kg.
    insp.shipment = Shipment(container=f"MMCZ-BOX-{index + 5000:05d}",
                             gross_weight=carats // 5000 + rng.randint(200, 400), carrier=carrier,
                             airway_bill=f"{prefix}-{rng.randint(10_000_000, 99_999_999)}",
                             export_declaration=f"ZW-ED-{validated.year}-{rng.randint(10_000, 99_999)}",
                             port_of_exit="HRE", certificate_number_on_container=True)
    month = (date.fromisoformat(insp.inspected_at[:10]).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    insp.production = Production(operator=PRODUCER, mine="Marange", period=month, stockpile=rng.random() < 0.2,
                                 register=f"vault register p. {rng.randint(20, 400)}")
    # The government valuator's figure, within a few per cent of the declared value.
    valuator = rng.choice(VALUATORS)
    insp.valuation = Valuation(valuator=valuator, organisation="MMCZ", method="tender",
                               value_usd=int(value * (1 + rng.uniform(-0.03, 0.03))))
    insp.present = [Person(officer, "validating officer", "Ministry of Mines and Mining Development"),
                    Person(valuator, "valuator", "MMCZ"), Person(witness, "witness", "")]
    insp.documents = [DocumentReceived("Production register extract", f"PR-{month}"),
                      DocumentReceived("Valuation report", f"MMCZ-VAL-{validated.year}-{index:05d}")]


def fill_demo(ws: Workspace, *, count: int, photos: bool = True, seed: int = 2009,
              progress: Progress | None = None) -> int:
    """Add ``count`` demo inspections (with generated evidence photos) to a field home."""
    rng = random.Random(seed + ws.store.count(include_deleted=True))
    start = ws.store.count(include_deleted=True)
    made = 0
    batch = 200 if not photos else 1
    while made < count:
        with ws.store.batch():
            for _ in range(min(batch, count - made)):
                if progress is not None and progress(made, count, "") is False:
                    return made
                insp, _odd = demo_inspection(rng, start + made, ws.home.name)
                inspection_id = ws.store.create_inspection(insp)
                if photos:
                    _add_demo_photos(ws, inspection_id, insp, rng)
                made += 1
    return made


def _add_demo_photos(ws: Workspace, inspection_id: str, insp: Inspection, rng: random.Random) -> None:
    when = datetime.fromisoformat(insp.inspected_at)
    gps = (insp.site_lat or MARANGE_GPS[0], insp.site_lon or MARANGE_GPS[1])
    stored = ws.store.get(inspection_id)
    for parcel in stored.parcels[:3]:
        data = make_evidence_jpeg(
            seed=rng.randint(0, 1 << 30), title=f"Parcel {parcel.number}",
            lines=[format_carats(parcel.weighed_carats or 0), insp.certificate.number], kind="parcel",
            taken_at=when + timedelta(minutes=5 * int(parcel.number)), gps=gps)
        info = ws.vault.ingest_bytes(data, f"IMG_{rng.randint(1000, 9999)}.JPG")
        ws.attach_photo(inspection_id, info, caption=f"Parcel {parcel.number} on the scale", parcel_id=parcel.id)
    seal = stored.seals[-1]
    data = make_evidence_jpeg(seed=rng.randint(0, 1 << 30), title=f"Seal {seal.number}", lines=[seal.number],
                              kind="seal", taken_at=when + timedelta(hours=1, minutes=32), gps=gps)
    info = ws.vault.ingest_bytes(data, f"IMG_{rng.randint(1000, 9999)}.JPG")
    ws.attach_photo(inspection_id, info, caption=f"Container seal {seal.number} applied", seal_id=seal.id)
    data = make_evidence_jpeg(seed=rng.randint(0, 1 << 30), title="Container", lines=[insp.certificate.number],
                              kind="container", taken_at=when + timedelta(hours=1, minutes=35), gps=gps)
    info = ws.vault.ingest_bytes(data, f"IMG_{rng.randint(1000, 9999)}.JPG")
    ws.attach_photo(inspection_id, info, caption="Container closed and sealed")
