"""The certification report PDF: what a customs officer reads and scans."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import re
import shutil
import string
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops

from kpmonitor.demo.fill import demo_inspection, fill_demo
from kpmonitor.demo.images import KINDS, make_evidence_jpeg, render_evidence
from kpmonitor.domain.inspection import (
    Acknowledgement,
    DocumentReceived,
    Finding,
    FindingSeverity,
    Inspection,
    Parcel,
    PhotoRef,
    SealEvent,
    SealEventKind,
    Verdict,
    from_document,
)
from kpmonitor.errors import PhotoError
from kpmonitor.paths import Paths
from kpmonitor.report.pdf import ReportCancelled, ReportError, render_report
from kpmonitor.report.sign import sign_inspection
from kpmonitor.report.snapshot import SignerInfo, build_snapshot, snapshot_sha256
from kpmonitor.rules.problems import Problem, Severity
from kpmonitor.store.audit import Head
from kpmonitor.workspace import Workspace, init_home
from tests.conftest import EXAMPLE, TEST_PASSPHRASE

EXPORTER = "Société Minière de Lubumbashi — Ñandú"
IMPORTER = "ООО «Алмазы Сибири» / Διαμάντια Α.Ε."
MONITOR = "Jean-Baptiste Ñandú Ilunga"
QR_ALPHABET = string.digits + string.ascii_uppercase + " $%*+-./:"


def seal_text(length: int, seed: int = 1) -> str:
    """Text shaped like a real seal: "KP1:" and Base45 characters."""
    rng = random.Random(seed)
    return "KP1:" + "".join(rng.choice(QR_ALPHABET) for _ in range(length - 4))


def small_jpeg(seed: int, size: tuple[int, int] = (320, 240)) -> bytes:
    return make_evidence_jpeg(seed=seed, title=f"Photo {seed}", lines=["12.34 ct"], size=size, quality=80)


def print_copies(count: int, size: tuple[int, int] = (1600, 1200)) -> list[bytes]:
    """Distinct JPEGs like the vault's 1600-px report copies of camera photos.

    Evidence scenes with the faint noise a downscaled 12-megapixel photo keeps, at quality 80:
    about 150–250 kB each, as ``bench/report.py`` measures on real downscaling.
    """
    rng = random.Random(count)
    scenes = [render_evidence(seed=i, title=f"Parcel {i + 1}", lines=["HS 7102.31", "12.50 ct"], kind=kind,
                              size=size) for i, kind in enumerate(KINDS)]
    noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3)).point(lambda v: 123 + v // 25)
    out = []
    for i in range(count):
        shifted = ImageChops.offset(noise, rng.randrange(size[0]), rng.randrange(size[1]))
        picture = ImageChops.add(scenes[i % len(scenes)], shifted, 1.0, -128)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        out.append(buffer.getvalue())
    return out


def make_snapshot(*, parcels: int | None = None, photos: list[bytes] | None = None, verdict: Verdict | None = None,
                  supersedes: str | None = None, self_signed: bool = True, exporter: str = EXPORTER,
                  importer: str = IMPORTER, edit: Callable[[Inspection], None] | None = None,
                  problems: list[Problem] | None = None) -> tuple[dict[str, Any], dict[str, bytes]]:
    """A report snapshot of a demo shipment (no database), and its photos' print copies by SHA-256."""
    insp, _odd = demo_inspection(random.Random(7), 1, MONITOR)
    insp.certificate.exporter.name = exporter
    insp.certificate.importer.name = importer
    if parcels is not None:
        insp.parcels = [Parcel(number=str(i + 1), hs_code="7102.31", declared_carats=10_000 + i,
                               weighed_carats=10_000 + i, stones=200 + i, declared_value_usd=400_000 + i,
                               description="run of mine, +3 grainers") for i in range(parcels)]
        insp.certificate.carats = sum(p.declared_carats or 0 for p in insp.parcels)
        insp.certificate.value_usd = sum(p.declared_value_usd or 0 for p in insp.parcels)
        insp.certificate.parcel_count = parcels
    if verdict is not None:
        insp.verdict = verdict
    store: dict[str, bytes] = {}
    for i, data in enumerate(photos or []):
        sha = hashlib.sha256(data).hexdigest()  # stands in for the original's hash
        store[sha] = data
        insp.photos.append(PhotoRef(
            id=f"ph{i}", sha256=sha, caption=f"Parcel {i % 2 + 1} on the scale", parcel=str(i % 2 + 1),
            original_name=f"IMG_{1000 + i}.JPG", format="JPEG", width=4000, height=3000, size=4_200_000,
            taken_at="2026-11-22T12:35:00+02:00", gps_lat=-19.99736, gps_lon=32.30367))
    if edit is not None:
        edit(insp)
    signer = SignerInfo(name=MONITOR, device_id="d" * 32, self_signed=self_signed,
                        certificate_subject="" if self_signed else f"CN={MONITOR}, O=KP Monitoring",
                        certificate_issuer="" if self_signed else "CN=KP Monitoring Root CA",
                        certificate_serial="" if self_signed else "7A3F09C1")
    snapshot = build_snapshot(
        insp, problems or [], report_id="0123456789abcdef0123456789abcdef", id_nonce="a" * 32,
        version=2 if supersedes else 1,
        supersedes=supersedes, supersedes_version=1 if supersedes else None,
        signed_at="2026-11-22T16:00:00+02:00", device_seq=3, audit_head=Head(1234, "e62a714e7f72a8e8" + "0" * 48),
        signer=signer)
    return snapshot, store


def render(snapshot: dict[str, Any], store: dict[str, bytes], qr: str | None = None, **kwargs: Any) -> bytes:
    return render_report(snapshot, qr_text=qr or seal_text(600), photo_jpeg=store.__getitem__, **kwargs)


def page_texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def demo() -> tuple[dict[str, Any], dict[str, bytes], bytes]:
    snapshot, store = make_snapshot(photos=[small_jpeg(i) for i in range(3)], verdict=Verdict.CERTIFIED)
    return snapshot, store, render(snapshot, store)


# --- the whole path from a workspace --------------------------------------------------------------


def test_renders_a_demo_inspection_from_the_workspace(ws: Workspace) -> None:
    fill_demo(ws, count=1)
    insp = ws.store.get(ws.store.summaries()[0].id)
    snapshot = build_snapshot(insp, ws.validate(insp), report_id="f" * 32, id_nonce="a" * 32, version=1,
                              supersedes=None,
                              supersedes_version=None, signed_at="2026-11-21T12:00:00+00:00", device_seq=1,
                              audit_head=ws.store.audit_head(),
                              signer=SignerInfo(name="Jane Monitor", device_id=ws.home.device_id))
    calls: list[tuple[int, int]] = []
    pdf = render_report(snapshot, qr_text=seal_text(500), photo_jpeg=lambda sha: ws.vault.scaled_jpeg(sha),
                        progress=lambda done, total, _what: calls.append((done, total)))
    assert pdf.startswith(b"%PDF-")
    texts = page_texts(pdf)
    assert 3 <= len(texts) <= 3 + len(insp.photos)
    everything = flat(" ".join(texts))
    assert insp.certificate.number in everything
    assert "Photo appendix" in everything
    assert f"Photo {len(insp.photos)} of {len(insp.photos)}" in everything
    for photo in insp.photos:
        assert photo.sha256 in everything  # the original's full fingerprint, not the print copy's
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]


def test_a_seals_application_is_printed_with_who_the_form_says_applied_it(ws: Workspace,
                                                                            example_doc: dict[str, Any]) -> None:
    """Jane Monitor types the seals in; the MMCZ officer applied them, and the report says so, as corrected."""
    from kpmonitor.domain.inspection import Seal, from_document

    insp, _problems = from_document({**example_doc, "seals": []})
    inspection_id = ws.store.create_inspection(insp)
    seal_id = ws.store.add_seal(inspection_id, Seal(
        number="ZW-S-000990", parcel="1", applied_by="MMCZ officr", witness="ZIMRA officer",
        applied_at="2026-11-21T10:05:00+02:00", events=[SealEvent(SealEventKind.APPLIED)]))
    ws.store.update_seal(seal_id, {"applied_by": "T. Moyo (MMCZ sealing officer)"})  # a typo corrected
    insp = ws.store.get(inspection_id)
    snapshot = build_snapshot(insp, ws.validate(insp), report_id="f" * 32, id_nonce="a" * 32, version=1,
                              supersedes=None, supersedes_version=None, signed_at="2026-11-21T12:00:00+00:00",
                              device_seq=1, audit_head=ws.store.audit_head(),
                              signer=SignerInfo(name="Jane Monitor", device_id=ws.home.device_id))
    everything = flat(" ".join(page_texts(render_report(snapshot, qr_text=seal_text(500),
                                                        photo_jpeg=ws.vault.scaled_jpeg))))
    assert "Applied 2026-11-21 10:05 UTC+02:00, T. Moyo (MMCZ sealing officer)" in everything
    assert "officr" not in everything


# --- page 1 -------------------------------------------------------------------------------------------


def test_first_page_carries_the_certificate_verdict_and_monitor(demo: tuple[dict[str, Any], dict[str, bytes], bytes]
                                                                ) -> None:
    snapshot, _store, pdf = demo
    first = flat(page_texts(pdf)[0])
    cert = snapshot["inspection"]["certificate"]
    assert "Monitor's certification report" in first
    assert cert["number"] in first
    assert "CERTIFIED FOR EXPORT" in first
    assert EXPORTER in first and IMPORTER in first and MONITOR in first
    assert cert["issued_on"] in first and cert["expires_on"] in first
    assert "Zimbabwe (ZW)" in first
    assert snapshot["report"]["id"] in first
    assert "Self-signed: not issued by headquarters" in first
    assert "Scan to verify offline: kp-verify.html from headquarters, in any browser, or kpmonitor verify" in first


def test_fonts_are_embedded_and_nothing_else_is_used(demo: tuple[dict[str, Any], dict[str, bytes], bytes]) -> None:
    pdf = demo[2]
    assert b"/FontFile2" in pdf
    fonts = set(re.findall(rb"/BaseFont /([A-Za-z0-9+-]+)", pdf))
    assert fonts and all(b"+DejaVuSans" in f for f in fonts), fonts  # subsets of ours, no unembedded base 14


@pytest.mark.parametrize("length", [400, 700])
def test_qr_seal_on_page_one_scans_to_the_seal_text(length: int) -> None:
    snapshot, store = make_snapshot()
    qr = seal_text(length, seed=length)
    pdf = render(snapshot, store, qr)
    image = pdfium.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert [r.text for r in found] == [qr]


def test_qr_text_outside_the_alphanumeric_alphabet_is_refused_with_a_sentence() -> None:
    snapshot, store = make_snapshot()
    with pytest.raises(ReportError, match="alphanumeric"):
        render(snapshot, store, "kp1:lowercase")


@pytest.mark.parametrize(("verdict", "label"), [(Verdict.CERTIFIED, "CERTIFIED FOR EXPORT"),
                                                (Verdict.NOT_CERTIFIED, "NOT CERTIFIED"),
                                                (Verdict.HELD, "HELD PENDING")])
def test_each_verdict_is_spelled_out(verdict: Verdict, label: str) -> None:
    snapshot, store = make_snapshot(verdict=verdict)
    texts = page_texts(render(snapshot, store))
    assert label in texts[0]
    assert all(label.capitalize() in t for t in texts[1:])  # the running header of later pages


def test_a_correction_names_the_report_it_supersedes_and_an_issued_certificate_is_shown() -> None:
    old = "fedcba9876543210fedcba9876543210"
    snapshot, store = make_snapshot(supersedes=old, self_signed=False)
    texts = [flat(t) for t in page_texts(render(snapshot, store))]
    first = texts[0]
    # Page 1 tells the two reports apart by the first 8 characters; page 2 has the whole id.
    assert f"supersedes report {old[:8]}… (version 1)" in first and old not in first
    assert f"Supersedes report {old} (version 1)" in texts[1]
    assert "CN=KP Monitoring Root CA" in first and "7A3F09C1" in first
    assert "Self-signed" not in first


# --- plain text, whatever it holds -----------------------------------------------------------------


def test_user_text_is_printed_literally_never_as_markup() -> None:
    def edit(insp: Inspection) -> None:
        insp.findings.append(Finding(FindingSeverity.MAJOR, "<script>",
                                     "Bag <b>torn</b> & resealed; <img src=\"http://example.invalid/x.png\"/> &amp;"))
        insp.parcels[0].description = "A&B <i>near-gem</i>"

    snapshot, store = make_snapshot(exporter="Tom & Jerry <b>Mining</b>", edit=edit)
    everything = flat(" ".join(page_texts(render(snapshot, store))))
    assert "Tom & Jerry <b>Mining</b>" in everything
    assert "Bag <b>torn</b> & resealed; <img src=\"http://example.invalid/x.png\"/> &amp;" in everything
    assert "<script>" in everything
    assert "A&B <i>near-gem</i>" in everything


def test_long_text_wraps_and_stays_on_the_page() -> None:
    def edit(insp: Inspection) -> None:
        insp.certificate.exporter.address = "Avenue des Élégantes 12, Quartier Industriel, " * 8
        insp.certificate.issuing_authority = "X" * 300  # one unbreakable word
        insp.parcels[0].description = "Y" * 200
        insp.findings.append(Finding(FindingSeverity.CRITICAL, "security", "A long finding. " * 700))
        insp.seals[0].events.append(SealEvent(SealEventKind.BROKEN, at="2026-11-22T15:00:00+02:00", by="Z" * 90,
                                              note="snapped " * 60))

    snapshot, store = make_snapshot(edit=edit, photos=[small_jpeg(1, (240, 360))])
    for paper in ("A4", "Letter"):
        doc = pdfium.PdfDocument(render(snapshot, store, paper=paper))
        assert len(doc) > 3  # the long finding flowed over pages instead of failing
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            text = page.get_textpage()
            for c in range(text.count_chars()):
                left, bottom, right, top = text.get_charbox(c)
                if right - left <= 0:  # spaces and line ends have no box
                    continue
                assert left >= -0.5 and right <= width + 0.5 and bottom >= -0.5 and top <= height + 0.5, (paper, i)


# --- pages ---------------------------------------------------------------------------------------------


def test_every_page_says_page_x_of_y_report_id_and_audit_head() -> None:
    snapshot, store = make_snapshot(parcels=60, photos=[small_jpeg(i) for i in range(3)])
    texts = page_texts(render(snapshot, store))
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "0123456789abcdef0123456789abcdef" in text
        assert "event 1234 · e62a714e7f72a8e8" in text


def test_parcel_table_header_repeats_on_every_page_it_spans() -> None:
    snapshot, store = make_snapshot(parcels=60)
    texts = page_texts(render(snapshot, store))
    with_parcels = [t for t in texts if re.search(r"run of mine", t)]
    assert len(with_parcels) >= 2
    assert all("Declared ct" in t and "Weighed ct" in t and "Declared US$" in t for t in with_parcels)
    everything = flat(" ".join(texts))
    assert "Total, 60 parcels" in everything
    assert "6,017.70" in everything  # 60 parcels of 100.00–100.59 ct, grouped for people


@pytest.mark.parametrize(("paper", "size"), [("A4", (595.28, 841.89)), ("Letter", (612.0, 792.0))])
def test_paper_sizes(paper: str, size: tuple[float, float]) -> None:
    snapshot, store = make_snapshot()
    doc = pdfium.PdfDocument(render(snapshot, store, paper=paper))
    for i in range(len(doc)):
        assert doc[i].get_size() == pytest.approx(size, abs=0.01)


def test_unknown_paper_is_refused_with_a_sentence() -> None:
    snapshot, store = make_snapshot()
    with pytest.raises(ReportError, match="A4 or Letter"):
        render(snapshot, store, paper="A3")


# --- the file ------------------------------------------------------------------------------------------


def test_same_snapshot_and_photos_give_the_same_bytes(demo: tuple[dict[str, Any], dict[str, bytes], bytes]) -> None:
    snapshot, store, pdf = demo
    assert render(copy.deepcopy(snapshot), dict(store)) == pdf


def test_metadata(demo: tuple[dict[str, Any], dict[str, bytes], bytes]) -> None:
    snapshot, _store, pdf = demo
    meta = pdfium.PdfDocument(pdf).get_metadata_dict()
    number = snapshot["inspection"]["certificate"]["number"]
    assert number in meta["Title"] and "Kimberley Process" in meta["Title"]
    assert meta["Author"] == MONITOR
    assert meta["Subject"] == number
    assert meta["Creator"].startswith("kpmonitor ")
    assert number in meta["Keywords"] and snapshot["report"]["id"] in meta["Keywords"]
    assert meta["CreationDate"].startswith("D:20261122160000+02'00'")  # the signing time, not "now"


def test_acknowledged_warnings_are_printed_with_the_monitors_note() -> None:
    problems = [Problem(Severity.WARNING, "parcels[1].weighed_carats", "parcel.weight.tolerance",
                        "Parcel 2 weighs 0.40 ct more than declared.")]

    def edit(insp: Inspection) -> None:
        insp.acknowledgements = [Acknowledgement("parcel.weight.tolerance", "parcels[1].weighed_carats",
                                                 "Re-weighed twice; scale checked.", MONITOR,
                                                 "2026-11-22T13:00:00+02:00")]

    snapshot, store = make_snapshot(edit=edit, problems=problems)
    everything = flat(" ".join(page_texts(render(snapshot, store))))
    assert "Parcel 2 weighs 0.40 ct more than declared." in everything
    assert "Re-weighed twice; scale checked." in everything
    assert "⚠ 2" in everything  # the parcel row points at it


# --- photos --------------------------------------------------------------------------------------------


def test_forty_photos_go_in_unchanged_and_stay_under_fifteen_megabytes() -> None:
    photos = print_copies(40)
    snapshot, store = make_snapshot(photos=photos)
    pdf = render(snapshot, store)
    assert len(pdf) < 15_000_000
    for data in photos:
        assert data in pdf  # embedded byte for byte: not decoded, re-encoded or ASCII85-wrapped
    # Everything but the photos is small and does not grow with them, so the size is the
    # photos' own: the caller's choice of print size and quality decides it.
    overhead = len(pdf) - sum(len(d) for d in photos)
    assert 0 < overhead < 400_000
    texts = page_texts(pdf)
    assert len(texts) <= 3 + 20 + 1  # two photos a page
    assert "Photo 40 of 40" in flat(" ".join(texts))


def test_the_same_photo_twice_is_embedded_once() -> None:
    photo = small_jpeg(3)
    snapshot, store = make_snapshot(photos=[photo])
    snapshot["inspection"]["photos"].append(dict(snapshot["inspection"]["photos"][0], caption="again"))
    pdf = render(snapshot, store)
    assert pdf.count(photo) == 1


def test_a_photo_that_cannot_be_read_stops_the_report_with_a_sentence() -> None:
    snapshot, _store = make_snapshot(photos=[small_jpeg(1)])
    with pytest.raises(ReportError, match=r"Photo 1 \(IMG_1000.JPG\).*not a JPEG"):
        render_report(snapshot, qr_text=seal_text(500), photo_jpeg=lambda _sha: b"GIF89a...")

    def missing(sha: str) -> bytes:
        raise PhotoError(f"The original of photo {sha[:12]} is missing from the photo store.")

    with pytest.raises(ReportError, match="missing from the photo store"):
        render_report(snapshot, qr_text=seal_text(500), photo_jpeg=missing)


def test_progress_can_cancel() -> None:
    snapshot, store = make_snapshot(photos=[small_jpeg(i) for i in range(3)])
    with pytest.raises(ReportCancelled):
        render(snapshot, store, progress=lambda done, _total, _what: done < 2)


def test_a_snapshot_of_another_format_is_refused() -> None:
    snapshot, store = make_snapshot()
    snapshot["format"] = "kpmonitor-report/99"
    with pytest.raises(ReportError, match="format"):
        render(snapshot, store)


# --- page 1 for the officer at the border: the record of format 4 ---------------------------------------------

CONTAINER_SEAL = "ZW-C-000017"


def sealed_document(seals: int) -> dict[str, Any]:
    """The example document (validation, shipment, production, valuation, people, documents) with ``seals``
    seals: one on the container and one on each of ``seals - 1`` parcels of 100.00 ct at US$ 30.00 a carat."""
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    n = seals - 1
    doc["parcels"] = [{"number": str(i), "hs_code": "7102.31", "declared_carats": "100.00",
                       "weighed_carats": "100.00", "declared_value_usd": "3000.00", "stones": 300,
                       "description": "run of mine"} for i in range(1, n + 1)]
    doc["seals"] = [{"number": f"ZW-S-{900 + i:06d}", "type": "bag", "iso_class": "S", "parcel": str(i),
                     "applied_by": "MMCZ officer", "witness": "KP monitor",
                     "applied_at": f"2026-11-21T10:{i % 40:02d}:00+02:00"} for i in range(1, n + 1)]
    doc["seals"].append({"number": CONTAINER_SEAL, "type": "bolt", "iso_class": "H", "parcel": None,
                         "applied_by": "MMCZ officer", "witness": "ZIMRA officer",
                         "applied_at": "2026-11-21T10:45:00+02:00"})
    total_ct, total_usd = f"{100 * n}.00", f"{3000 * n}.00"
    doc["certificate"].update(carats=total_ct, value_usd=total_usd, parcel_count=n,
                              lines=[{"hs_code": "7102.31", "carats": total_ct, "value_usd": total_usd}])
    doc["valuation"]["value_usd"] = total_usd
    half = f"{50 * n}.00"
    for lot in doc["valuation"]["assortment"]:
        lot["carats"] = half
    return doc


def document_snapshot(doc: dict[str, Any], *, self_signed: bool = True) -> dict[str, Any]:
    """A snapshot of a document, frozen as signing freezes it (no database, no rules)."""
    insp, problems = from_document(doc)
    assert not problems, problems
    signer = SignerInfo(name=MONITOR, device_id="d" * 32, self_signed=self_signed)
    return build_snapshot(insp, [], report_id="0123456789abcdef0123456789abcdef", id_nonce="a" * 32, version=1,
                          supersedes=None, supersedes_version=None, signed_at="2026-11-21T12:00:00+02:00",
                          device_seq=3, audit_head=Head(1234, "e62a714e7f72a8e8" + "0" * 48), signer=signer)


def boxes(page: pdfium.PdfPage, text: str) -> list[tuple[float, float, float, float]]:
    """Where ``text`` is printed on a page: the box (left, bottom, right, top) of each occurrence's first character."""
    textpage = page.get_textpage()
    searcher = textpage.search(text, match_case=True)
    found = []
    while (hit := searcher.get_next()) is not None:
        found.append(textpage.get_charbox(hit[0]))
    return found


@pytest.fixture(scope="module")
def signed_twelve(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict[str, Any]]]:
    """A 12-seal report, signed as a monitor signs it (self-signed), on each paper."""
    out = {}
    for paper in ("A4", "Letter"):
        paths = Paths.for_home(tmp_path_factory.mktemp(f"twelve-{paper}"))
        init_home(paths, "field", MONITOR, TEST_PASSPHRASE)
        with Workspace(paths) as ws:
            ws.settings.set("paper_size", paper)
            insp, problems = from_document(sealed_document(12))
            assert not problems, problems
            inspection_id = ws.store.create_inspection(insp)
            for p in ws.validate(ws.store.get(inspection_id)):
                if not p.is_error:
                    ws.store.acknowledge(inspection_id, p.code, p.field, "Checked on site.")
            report = sign_inspection(ws, inspection_id, TEST_PASSPHRASE)
            out[paper] = (report.pdf_path.read_bytes(), report.snapshot)
    return out


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_page_one_of_a_signed_report_holds_what_the_officer_compares(
        signed_twelve: dict[str, tuple[bytes, dict[str, Any]]], paper: str) -> None:
    pdf, snapshot = signed_twelve[paper]
    insp = snapshot["inspection"]
    assert len(insp["seals"]) == 12
    first = flat(page_texts(pdf)[0])
    for seal in insp["seals"]:
        assert seal["number"] in first, seal["number"]
    assert "CONTAINER MMCZ-BOX-0417" in first
    assert f"CONTAINER SEAL {CONTAINER_SEAL} sealed 2026-11-21 10:45 UTC+02:00" in first
    assert "Validation number MMMD-V-2026-0412" in first
    assert "Validating officer T. Moyo" in first and "Validated at 2026-11-21 11:40 UTC+02:00" in first
    assert "Airway bill 176-12345675" in first and "Carrier Emirates SkyCargo" in first
    assert "Port of exit HRE" in first
    assert "US$ per carat" in first
    assert "KP certificate states 1,100.00 33,000.00 30.00 11" in first  # carats, value, value per carat, parcels
    assert "Seal numbers — 12 seals: 1 on the container, 11 on parcels" in first


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed (CI installs it)")
def test_pdftotext_of_page_one_holds_every_seal_the_container_the_validation_and_the_airway_bill(
        signed_twelve: dict[str, tuple[bytes, dict[str, Any]]], tmp_path: Path) -> None:
    """As an officer's own tools read it: poppler, another PDF reader than the one the other tests use."""
    pdf, snapshot = signed_twelve["A4"]
    (tmp_path / "report.pdf").write_bytes(pdf)
    page_one = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(tmp_path / "report.pdf"), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
    for seal in snapshot["inspection"]["seals"]:
        assert seal["number"] in page_one, seal["number"]
    for text in ("MMCZ-BOX-0417", "MMMD-V-2026-0412", "176-12345675"):
        assert text in page_one, text


def test_forty_seals_continue_on_page_two_and_none_is_lost() -> None:
    doc = sealed_document(40)
    pdf = render(document_snapshot(doc), {})
    texts = [flat(t) for t in page_texts(pdf)]
    numbers = [seal["number"] for seal in doc["seals"]]
    # The table starts under its heading (the container band above names the container seal too); page 2's own
    # sections start after the rest of it.
    on_first = [n for n in numbers if n in texts[0].split("Seal numbers — 40 seals")[1]]
    on_second = [n for n in numbers if n in texts[1].split("Report record and signature")[0]]
    assert on_first and on_second
    assert on_first == numbers[:len(on_first)]  # page 1 holds the first ones, in order
    assert on_second == numbers[len(on_first):]  # page 2 all the rest
    assert "The seal numbers continue on the next page" in texts[0]
    assert "Seal numbers, continued # Seal number On" in texts[1]  # its header repeated where it continues
    assert texts[1].index(numbers[-1]) < texts[1].index("Report record and signature")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_self_signed_warning_is_inside_the_verdict_box(paper: str) -> None:
    pdf = render(document_snapshot(sealed_document(12)), {}, paper=paper)
    first = flat(page_texts(pdf)[0])
    verdict, warning = "CERTIFIED FOR EXPORT", "Self-signed: not issued by headquarters"
    assert first.count(warning) == 1
    assert first.index(verdict) < first.index(warning) < first.index("CONTAINER")
    page = pdfium.PdfDocument(pdf)[0]
    (label,), (warned,), container = boxes(page, verdict), boxes(page, warning), boxes(page, "CONTAINER")
    assert container[0][3] < warned[1] < label[1]  # printed under the verdict, above what follows the box


def test_long_ids_and_hashes_are_off_page_one_but_the_footer_names_the_report() -> None:
    """Page 1 names the report only in its footer; the device id, the audit head and the snapshot's
    fingerprint are on page 2 (the footer keeps the audit head's first 16 characters)."""
    snapshot = document_snapshot(sealed_document(12))
    pdf = render(snapshot, {})
    doc = pdfium.PdfDocument(pdf)
    report_id = snapshot["report"]["id"]
    footer_top = 21 * 72 / 25.4  # the bottom margin: the footer is drawn below it
    where = boxes(doc[0], report_id)
    assert len(where) == 1 and where[0][3] < footer_top
    first = page_texts(pdf)[0]
    for long in ("d" * 32, snapshot["report"]["audit"]["head"], snapshot_sha256(snapshot)):
        assert long not in first
    second = flat(page_texts(pdf)[1])
    assert f"Report {report_id} · version 1" in second
    assert snapshot["report"]["audit"]["head"] in second and snapshot_sha256(snapshot) in second
    assert "d" * 32 in second


def test_a_snapshot_of_an_older_format_still_renders() -> None:
    """A report signed before format 4 has no validation, shipment, production… : it prints as it was signed."""
    snapshot, store = make_snapshot(photos=[small_jpeg(1)])
    snapshot["format"] = "kpmonitor-report/3"
    for key in ("validation", "shipment", "production", "valuation", "present", "documents"):
        del snapshot["inspection"][key]
    del snapshot["inspection"]["certificate"]["lines"]
    snapshot["inspection"]["findings"].append({"severity": "minor", "section": "workflow", "text": "Old."})
    texts = page_texts(render(snapshot, store))
    first, everything = flat(texts[0]), flat(" ".join(texts))
    assert "CONTAINER not recorded" in first
    assert "predates the record of the validation and the shipment" in first
    for seal in snapshot["inspection"]["seals"]:
        assert seal["number"] in first
    assert "Who was present is not recorded." in everything
    assert "No documents received are recorded." in everything
    assert "workflow · 1 finding Minor Old." in everything  # a section of an earlier version, as written


def test_the_annex_lists_the_documents_received_with_their_photos_fingerprints() -> None:
    photo = small_jpeg(5)
    sha = hashlib.sha256(photo).hexdigest()

    def edit(insp: Inspection) -> None:
        insp.documents = [DocumentReceived("Production register extract", "PR-2026-10", sha),
                          DocumentReceived("Export declaration <b>copy</b>", "ZW-ED-2026-99812", None)]

    snapshot, store = make_snapshot(photos=[photo], edit=edit)
    texts = page_texts(render(snapshot, store))
    annex = flat(" ".join(texts)).split("Annex — documents received")[1]
    assert f"1 Production register extract PR-2026-10 {sha} photo 1 in the appendix" in annex
    assert "2 Export declaration <b>copy</b> ZW-ED-2026-99812 no photo" in annex
    assert annex.index("ZW-ED-2026-99812") < annex.index("Photo appendix")
    assert "Shows parcel 1, document 1 received (annex)" in annex  # and the photo says which document it is


def test_the_later_pages_carry_the_record_of_format_four() -> None:
    doc = sealed_document(4)
    doc["valuation"].update(value_usd="9300.00", valuator="G. Ncube <i>")  # US$ 300.00 over 9,000.00 declared
    doc["production"]["stockpile"] = True
    doc["shipment"]["certificate_number_on_container"] = None
    doc["certificate"]["lines"].append({"hs_code": "7102.21", "carats": "1.00", "value_usd": "10.00"})
    everything = flat(" ".join(page_texts(render(document_snapshot(doc), {}))))
    assert f"Operator {doc['production']['operator']} Mine Marange concession A" in everything
    assert "Period produced 2026-10 Goods from a stockpile" in everything
    assert "Register checked vault register p. 112" in everything
    assert "Valuator G. Ncube <i> Organisation MMCZ" in everything
    assert "Valuator's figure US$ 9,300.00" in everything
    assert "Valuator − declared +300.00 (+3.3 %)" in everything
    assert "Total, 2 lots · KP certificate states 300.00 ct 300.00" in everything
    assert "Export declaration ZW-ED-2026-99812" in everything and "Gross weight 4.20 kg" in everything
    assert "Certificate number on the container not recorded" in everything
    assert "Total of 2 lines (≠: not the certificate's total) ≠ 301.00 ≠ 9,010.00" in everything
    assert "T. Moyo validating officer MMMD R. Chikore sealing officer MMCZ P. Dube customs officer ZIMRA" \
        in everything


def test_findings_are_grouped_under_their_sections_in_the_report_order() -> None:
    doc = sealed_document(3)
    doc["findings"] = [{"severity": "info", "section": section, "text": f"About {section}."}
                       for section in ("vault", "sort house", "location", "export", "vault", "workflow")]
    text = flat(" ".join(page_texts(render(document_snapshot(doc), {}))))
    text = text.split("Findings by report section")[1]
    order = ["Location · 1 finding", "Vault · 2 findings", "Export · 1 finding", "sort house · 1 finding",
             "workflow · 1 finding"]
    assert [text.index(o) for o in order] == sorted(text.index(o) for o in order)
    assert "Vault · 2 findings Info About vault. Info About vault." in text
    assert "No findings under: location" not in text and "No findings under: geology, production" in text


def test_hostile_text_in_the_record_prints_literally_and_stays_on_the_page() -> None:
    doc = sealed_document(5)
    doc["shipment"].update(container="<b>BOX</b>" + "X" * 120, airway_bill="176-" + "9" * 200)
    doc["validation"]["authority"] = "Ministry & <img src='x'/> " * 10
    doc["documents"] = [{"title": "T" * 400, "reference": "&amp;" * 30, "photo": None}]
    doc["present"] = [{"name": "N" * 300, "role": "<i>r</i>", "organisation": "O " * 80}]
    for paper in ("A4", "Letter"):
        pdf = render(document_snapshot(doc), {}, paper=paper)
        everything = flat(" ".join(page_texts(pdf)))
        assert "Ministry & <img src='x'/>" in everything and "<i>r</i>" in everything
        assert "<b>BOX</b>" in re.sub(r"\s+", "", everything)
        document = pdfium.PdfDocument(pdf)
        for i in range(len(document)):
            width, height = document[i].get_size()
            text = document[i].get_textpage()
            for c in range(text.count_chars()):
                left, bottom, right, top = text.get_charbox(c)
                if right - left > 0:
                    assert left >= -0.5 and right <= width + 0.5 and bottom >= -0.5 and top <= height + 0.5
