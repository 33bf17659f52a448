"""Print and scan: page 1 of a realistic signed report (eight seals), after what a printer and a scanner or a
phone do to it, still gives its QR seal to zxing-cpp and to zbar, and the seal verifies as genuine.

The damage is the issue's: page 1 rendered at 100 dpi in grey, turned 3°, blurred (radius 0.8) and noised (a
fixed seed), then kept as a JPEG at quality 60 for ``kpmonitor verify``. ``damaged_page`` is shared with
bench/verify.py, which prints what each decoder reads at every damage level.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from PIL import Image, ImageFilter

from kpmonitor.paths import Paths
from kpmonitor.trust import qrseal
from kpmonitor.trust.keys import Keyring
from kpmonitor.trust.trustlist import read_trust_list
from kpmonitor.verifying import capture_variants
from kpmonitor.workspace import Workspace
from tests.test_bundle import example, make_device, make_hq, run, sign_doc

SEALS = 8


def damaged_page(pdf: bytes, dpi: int = 100, angle: float = 3.0, blur: float = 0.8, noise: float = 0.12,
                 seed: int = 14) -> Image.Image:
    """Page 1 as a printer and a scanner leave it: grey at ``dpi``, turned ``angle``°, blurred, noised.

    The noise is uniform grey blended in at ``noise`` (a fixed ``seed``, so every run sees the same page).
    """
    doc = pypdfium2.PdfDocument(pdf)
    try:
        page = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
    if angle:
        page = page.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        rng = random.Random(seed)
        speckle = Image.frombytes("L", page.size, rng.randbytes(page.width * page.height))
        page = Image.blend(page, speckle, noise)
    return page


def zbar_read(image: Image.Image, tmp: Path) -> list[str]:
    """What zbar (``zbarimg`` of Debian's zbar-tools) reads in ``image``: the texts of the QR codes it found."""
    if shutil.which("zbarimg") is None:
        return []
    path = tmp / "zbar-input.png"
    image.save(path)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
                          capture_output=True, text=True, timeout=120, check=False)
    return [line for line in done.stdout.splitlines() if line]


def zxing_read(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def read_as_verify_does(image: Image.Image, decoder: Callable[[Image.Image], list[str]]) -> list[str]:
    """What ``decoder`` reads on the first of the capture's variants it reads anything on, as ``kpmonitor verify``
    tries them (``verifying.capture_variants``: as it is, contrast, scaled, sharpened)."""
    for variant in capture_variants(image):
        texts = decoder(variant)
        if texts:
            return texts
    return []


def eight_seal_document() -> dict[str, Any]:
    """The example shipment with eight seals: the two it has, and six more bolts on its parcels."""
    doc = example()
    for n in range(SEALS - len(doc["seals"])):
        doc["seals"].append({"number": f"ZW-C-{18 + n:06d}", "type": "bolt", "iso_class": "H",
                             "parcel": str(1 + n % 2), "applied_by": "MMCZ officer", "witness": "KP monitor",
                             "applied_at": "2026-11-21T10:45:00+02:00"})
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("print-scan")
    hq = make_hq(base / "hq")
    field = make_device(base / "field", "Tendai Moyo", hq)
    report_id = sign_doc(field, eight_seal_document())
    assert run(field, "export", report_id, "--out", str(base / "usb")).exit_code == 0
    assert run(hq, "hq", "publish", "--out", str(base / "pub")).exit_code == 0
    with Workspace(Paths.for_home(field)) as ws:
        text = ws.store.report(report_id)["qr_text"]
    pdf = next((base / "usb").glob("*.pdf")).read_bytes()
    return {"base": base, "hq": hq, "pub": base / "pub", "text": text, "pdf": pdf, "scan": damaged_page(pdf)}


def test_an_enrolled_device_seals_in_kp2_at_level_q_within_60_mm(world: dict[str, Any]) -> None:
    text = world["text"]
    qr = qrseal.make_qr(text)
    modules = qr.symbol_size(border=4)[0]  # with the quiet zone the page paints
    print(f"\nKP2, {SEALS} seals: {len(text)} characters, version {qr.version}-{qr.error}, "
          f"{modules * 0.65:.1f} mm at 0.65 mm modules")
    assert text.startswith(qrseal.PREFIX_KP2)
    # This shipment's seal (KP1 was version 19 at M) is version 15 at Q (docs/qr-seal.md, "Sizes"), its modules
    # 0.65 mm within 60 mm (the scan tests).
    assert qr.error in ("Q", "H") and qr.version <= 15 and modules * 0.65 <= 60


def test_zxing_reads_the_printed_and_scanned_page_and_the_seal_is_genuine(world: dict[str, Any]) -> None:
    assert read_as_verify_does(world["scan"], zxing_read) == [world["text"]]
    root = Keyring(Paths.for_home(world["hq"])).root()
    assert root is not None
    trust_list = read_trust_list((world["pub"] / "kp-trust-list.json").read_bytes(), root)
    check = qrseal.verify_seal(world["text"], root, trust_list=trust_list)
    assert check.verdict == "genuine", check.sentence
    assert check.sentence.startswith("The seal is genuine: signed by Tendai Moyo")


def test_zbar_reads_the_printed_and_scanned_page(world: dict[str, Any], tmp_path: Path) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian package zbar-tools) is not installed here; CI installs it")
    assert read_as_verify_does(world["scan"], lambda im: zbar_read(im, tmp_path)) == [world["text"]]


def _verify(world: dict[str, Any], path: Path) -> Any:
    result = run(world["base"] / "nohome", "verify", str(path), "--trust", str(world["pub"]), "--json")
    return result.exit_code, json.loads(result.output)


def test_a_phone_jpeg_of_the_scan_verifies_as_genuine_through_kpmonitor_verify(world: dict[str, Any],
                                                                              tmp_path: Path) -> None:
    photo = tmp_path / "page1.jpg"
    world["scan"].save(photo, "JPEG", quality=60)
    code, data = _verify(world, photo)
    assert code == 0, data
    assert data["kind"] == "photo" and data["verdict"].startswith("GENUINE")
    assert data["checks"][0]["detail"] == "A KP2 seal was found on the photo (page 1 of 1)."
    assert data["report"]["seal"]["verdict"] == "genuine"
    assert data["report"]["container"] == "MMCZ-BOX-0417"
    proves = [w for w in data["warnings"] if "it does not prove the rest of the paper" in w]
    assert proves and "(certificate, carats, value, parcels, seal numbers, verdict, monitor, date, container, " \
                      "validation) was signed by Tendai Moyo" in proves[0]


def test_a_multi_page_tiff_scan_names_the_page_the_seal_is_on(world: dict[str, Any], tmp_path: Path) -> None:
    blank = Image.new("L", world["scan"].size, 255)
    page = Image.frombytes("L", world["scan"].size, world["scan"].tobytes())  # the pixels, without the PNG's info
    scan = tmp_path / "batch.tif"
    blank.save(scan, "TIFF", save_all=True, append_images=[page, blank], compression="tiff_deflate")
    code, data = _verify(world, scan)
    assert code == 0, data
    assert data["kind"] == "scan"
    assert data["checks"][0]["detail"] == "A KP2 seal was found on the scan (page 2 of 3)."


def test_a_scanners_pdf_without_a_signature_is_read_as_a_scan(world: dict[str, Any], tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    world["scan"].convert("RGB").save(scan, "PDF", resolution=100.0)
    code, data = _verify(world, scan)
    assert code == 0, data
    assert data["kind"] == "scan" and data["report"]["seal"]["verdict"] == "genuine"


def test_a_heic_photo_verifies(world: dict[str, Any], tmp_path: Path) -> None:
    heif = pytest.importorskip("pillow_heif", reason="pillow-heif (the test extra) writes HEIC")
    heif.register_heif_opener()
    photo = tmp_path / "page1.heic"
    world["scan"].convert("RGB").save(photo, "HEIF", quality=70)
    code, data = _verify(world, photo)
    assert code == 0, data
    assert data["kind"] == "photo"


def test_a_photo_without_a_seal_says_so(world: dict[str, Any], tmp_path: Path) -> None:
    photo = tmp_path / "wall.png"
    Image.new("L", (640, 480), 200).save(photo)
    code, data = _verify(world, photo)
    assert code == 1
    assert data["checks"][0]["name"] == "QR seal found" and not data["checks"][0]["ok"]


def test_a_photo_claiming_gigapixels_is_refused_before_decoding(world: dict[str, Any], tmp_path: Path) -> None:
    # A PNG header claiming 100,000 × 100,000 pixels, and next to no data: refused with a sentence.
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = (100_000).to_bytes(4, "big") * 2
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(bytes(data))
    result = run(world["base"] / "nohome", "verify", str(bomb), "--trust", str(world["pub"]))
    assert result.exit_code == 1
    assert "pixels" in result.output or "cannot be" in result.output
