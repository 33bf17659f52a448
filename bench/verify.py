"""QR seals: how fast Python verifies them, and what decoders read of a printed and scanned seal.

    python bench/verify.py [--seconds 2] [--no-matrix]

1. Seals verified per second (KP2 against headquarters' trust list; KP1 against the root), against a floor: a
   bare ECDSA P-256 verification of the very bytes signed (cryptography, no decoding, no checks). The ratio says
   what decoding and checking cost on top of the signature.
2. The decode matrix: a realistic report's seal (eight seal numbers) printed as page 1 prints it — KP1 at level
   M in 48 mm, KP2 at level Q with 0.65 mm modules (``QR_RULE``) — then scanned at 150/100/75 dpi, turned
   0/3/6°, blurred (radius 0.5/0.8/1.2) and noised (a fixed seed), and read by zxing-cpp and by zbar
   (``zbarimg``, when installed): on the image as it is, and as ``kpmonitor verify`` tries it
   (``verifying.capture_variants``). Print: 1200 dpi modules area-averaged down to the scan's resolution.

The sizes of KP2 for 1, 8 and 20 seals (characters, version, millimetres) are printed first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import segno
import zxingcpp
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from PIL import Image, ImageFilter

from kpmonitor.trust import identity, qrseal, trustlist
from kpmonitor.verifying import capture_variants

MODULE_MM = 0.65  # KP2's printed module (see docs/qr-seal.md, "Printing")
MIN_MM, MAX_MM = 35.0, 60.0
KP1_WIDTH_MM = 48.0  # what page 1 drew KP1 at


def qr_width_mm(text: str) -> float:
    """The printed symbol's width with its quiet zone: ``QR_RULE``."""
    if not text.startswith(qrseal.PREFIX_KP2):
        return KP1_WIDTH_MM
    modules = len(qrseal.qr_matrix(text)) + 8
    return min(MAX_MM, max(MIN_MM, modules * MODULE_MM))


def _world() -> dict[str, Any]:
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Monitoring HQ")
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, "Amélie Ndlovu", "ab" * 16))
    now = dt.datetime.now(dt.UTC)
    listed = trustlist.read_trust_list(trustlist.make_trust_list(
        root_key, root, [trustlist.SignerEntry.from_certificate(cert)], now, now + dt.timedelta(days=30), 1), root)
    return {"root": root, "key": key, "cert": cert, "list": listed}


def payload(seals: int, kp2: bool) -> dict[str, Any]:
    return qrseal.build_payload(
        certificate_number="ZW 004217", carats="1200.50", value_usd="36015.00", parcels=2,
        seals=["ZW-S-000981", *[f"ZW-C-{17 + n:06d}" for n in range(seals - 1)]], verdict="certified",
        monitor="Amélie Ndlovu", date="2026-11-21", report_id=hashlib.sha256(b"report").hexdigest()[:32],
        report_version=1, audit_seq=12, audit_head=hashlib.sha256(b"head").hexdigest(),
        snapshot_sha256=hashlib.sha256(b"snap").digest(), kp2=kp2, container="MMCZ-BOX-0417" if kp2 else "",
        validation_number="MMMD-V-2026-0412" if kp2 else "")


def sizes(world: dict[str, Any]) -> None:
    print("KP2 sizes (level Q, or H when it fits the same version; the version H alone would need):")
    for seals in (1, 8, 20):
        text = qrseal.encode_seal_kp2(payload(seals, True), world["key"], world["cert"])
        qr = qrseal.make_qr(text)
        at_h = segno.make(text, error="H", mode="alphanumeric", micro=False, boost_error=False)
        modules = len(qrseal.qr_matrix(text)) + 8
        print(f"  {seals:2} seals: {len(text):3} characters, version {qr.version}-{qr.error} ({at_h.version}-H), "
              f"{modules * 0.5:.1f} mm at 0.5 mm modules, printed {qr_width_mm(text):.1f} mm "
              f"({qr_width_mm(text) / modules:.2f} mm modules)")
    kp1 = qrseal.encode_seal(payload(8, False), world["key"], world["cert"])
    print(f"  KP1, 8 seals: {len(kp1)} characters, version {qrseal.make_qr(kp1).version}-"
          f"{qrseal.make_qr(kp1).error}")


def rate(seconds: float, world: dict[str, Any]) -> None:
    texts = {"KP2": qrseal.encode_seal_kp2(payload(8, True), world["key"], world["cert"]),
             "KP1": qrseal.encode_seal(payload(8, False), world["key"], world["cert"])}
    contents = qrseal.decode_seal(texts["KP2"])
    signed = qrseal._sig_structure(contents.protected, contents.payload_bytes)  # the very bytes signed
    der = encode_dss_signature(int.from_bytes(contents.signature[:32], "big"),
                               int.from_bytes(contents.signature[32:], "big"))
    public = world["cert"].public_key()

    def floor() -> None:
        public.verify(der, signed, ec.ECDSA(hashes.SHA256()))

    def per_second(work: Any) -> float:
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            work()
            count += 1
        return count / (time.perf_counter() - start)

    base = per_second(floor)
    print(f"\nSeals verified per second in Python (one core), floor = bare ECDSA verify: {base:,.0f}/s")
    for name, text in texts.items():
        got = per_second(lambda t=text: qrseal.verify_seal(t, world["root"], trust_list=world["list"]))
        print(f"  {name}: {got:,.0f}/s  (ratio to the floor {got / base:.2f})")


def printed_and_scanned(text: str, dpi: int, angle: float, blur: float, seed: int = 14) -> Image.Image:
    """The seal printed at its width (1200 dpi modules) on white, scanned at ``dpi``, turned, blurred, noised."""
    matrix = qrseal.qr_matrix(text)
    modules = len(matrix) + 8
    symbol = Image.new("L", (modules, modules), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                symbol.putpixel((c + 4, r + 4), 0)
    hi = round(qr_width_mm(text) / 25.4 * 1200)
    page = Image.new("L", (hi + 600, hi + 600), 255)
    page.paste(symbol.resize((hi, hi), Image.Resampling.NEAREST), (300, 300))
    scan = page.resize((round(page.width * dpi / 1200), round(page.height * dpi / 1200)), Image.Resampling.BOX)
    scan = scan.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    scan = scan.filter(ImageFilter.GaussianBlur(blur))
    speckle = Image.frombytes("L", scan.size, random.Random(seed).randbytes(scan.width * scan.height))
    return Image.blend(scan, speckle, 0.12)


def _zbar(image: Image.Image, tmp: Path) -> list[str]:
    path = tmp / "scan.png"
    image.save(path)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, timeout=60,
                          check=False)
    return done.stdout.splitlines()


def _zxing(image: Image.Image, _tmp: Path) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def _mark(text: str, image: Image.Image, decoder: Any, tmp: Path) -> str:
    """"R": read as it is; "v": read on one of verify's variants; "-": not read."""
    if text in decoder(image, tmp):
        return "R"
    if any(text in decoder(v, tmp) for v in list(capture_variants(image))[1:]):
        return "v"
    return "-"


def matrix(world: dict[str, Any]) -> None:
    decoders = [("zxing", _zxing)] + ([("zbar", _zbar)] if shutil.which("zbarimg") else [])
    print("\nDecode matrix (8 seals). R = read as scanned, v = read after verify's preprocessing, - = not read")
    print("  cells: " + " ".join(name for name, _ in decoders) + "; columns: blur 0.5 / 0.8 / 1.2")
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        for fmt, kp2 in (("KP1", False), ("KP2", True)):
            text = (qrseal.encode_seal_kp2 if kp2 else qrseal.encode_seal)(payload(8, kp2), world["key"],
                                                                          world["cert"])
            qr = qrseal.make_qr(text)
            print(f"  {fmt}: {len(text)} characters, version {qr.version}-{qr.error}, {qr_width_mm(text):.1f} mm")
            for dpi in (150, 100, 75):
                for angle in (0, 3, 6):
                    cells = []
                    for blur in (0.5, 0.8, 1.2):
                        image = printed_and_scanned(text, dpi, angle, blur)
                        cells.append("".join(_mark(text, image, d, tmp) for _, d in decoders))
                    print(f"    {dpi:3} dpi {angle}°: " + "  ".join(f"{c:>3}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per rate measurement")
    parser.add_argument("--no-matrix", action="store_true", help="skip the decode matrix")
    args = parser.parse_args()
    world = _world()
    sizes(world)
    rate(args.seconds, world)
    if not args.no_matrix:
        matrix(world)


if __name__ == "__main__":
    main()
