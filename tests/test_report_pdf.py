"""The certification report PDF: what a customs officer reads and scans."""

from __future__ import annotations

import copy
import hashlib
import io
import random
import re
import string
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops

from kpmonitor.demo.fill import demo_inspection, fill_demo
from kpmonitor.demo.images import KINDS, make_evidence_jpeg, render_evidence
from kpmonitor.domain.inspection import (
    Acknowledgement,
    Finding,
    FindingSeverity,
    Inspection,
    Parcel,
    PhotoRef,
    SealEvent,
    SealEventKind,
    Verdict,
)
from kpmonitor.errors import PhotoError
from kpmonitor.report.pdf import ReportCancelled, ReportError, render_report
from kpmonitor.report.snapshot import SignerInfo, build_snapshot
from kpmonitor.rules.problems import Problem, Severity
from kpmonitor.store.audit import Head
from kpmonitor.workspace import Workspace

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
    assert "Scan to verify offline: kpmonitor verify" in first


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
    first = flat(page_texts(render(snapshot, store))[0])
    assert f"supersedes report {old} (version 1)" in first
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
