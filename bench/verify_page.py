"""The offline verifier page (kp-verify.html) in headless Chromium: seals checked per second, and camera to verdict.

1. Throughput: the page checks 100 KP2 seals in a loop (``kpVerify.checkMany``: Base45, bounded inflate, CBOR
   with the one-encoding check, trust-list lookup, ES256 over the Sig_structure, the verdict). The floor, in the
   same page on the same seals, is what no verifier can skip: 100 bare WebCrypto ECDSA verifies of the same
   Sig_structures with the keys already imported (``kpVerify.bareVerifies``). We report the best of several
   runs of each and the ratio; the target is at most 3 times the floor.
2. Camera: Chromium's fake capture device plays an MJPEG of page 1 of a report carrying a seal; the page's
   ``cameraTiming()`` gives the time from the frame the seal was read in to the verdict shown (decoding the
   frame with zxing-wasm, then the check), and we time the click on "Scan with the camera" to the verdict too.

    python bench/verify_page.py [--seals N] [--runs R] [--check]

Needs Debian's chromium and chromium-driver and selenium (as tests/browser).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cryptography import x509
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kpmonitor.trust import identity, qrseal, trustlist  # noqa: E402
from kpmonitor.trust.verifier_page import build_verifier_page  # noqa: E402

TARGET_RATIO = 3.0
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--use-fake-device-for-media-stream",
         "--use-fake-ui-for-media-stream"]


def make_seals(count: int) -> tuple[bytes, x509.Certificate, list[str]]:
    """A root, one headquarters-issued device, a current trust list, and ``count`` KP2 seals it signed."""
    now = dt.datetime.now(dt.UTC)
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring", now=now - dt.timedelta(days=30))
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, "Tendai Moyo", "ab" * 16), 365,
                                      now=now - dt.timedelta(days=10))
    data = trustlist.make_trust_list(root_key, root, [trustlist.SignerEntry.from_certificate(cert)], now,
                                     now + dt.timedelta(days=30), 1)
    seals = []
    for n in range(count):
        payload = qrseal.build_payload(
            certificate_number=f"ZW {4200 + n:06d}", carats=f"{1000 + n}.25", value_usd=f"{50000 + 37 * n}.50",
            parcels=1 + n % 6, seals=[f"ZW-C-{n:04d}{i:02d}" for i in range(1 + n % 8)], verdict="certified",
            monitor="Tendai Moyo", date=now.date(), report_id=f"{n:032x}", report_version=1, audit_seq=100 + n,
            audit_head=bytes([n % 256]) * 32, snapshot_sha256=bytes([(n * 7) % 256]) * 32, kp2=True,
            container=f"MMCZ-BOX-{n:04d}", validation_number=f"MMCZ/V/2025/{n:04d}")
        seals.append(qrseal.encode_seal_kp2(payload, key, cert))
    return data, root, seals


def camera_film(text: str, path: Path) -> Path:
    """An MJPEG (JPEG frames end to end) of the top of a page carrying the seal's QR, as a phone would see it."""
    page = Image.new("RGB", (1280, 720), (235, 232, 225))
    qr = Image.open(io.BytesIO(qrseal.qr_png(text, scale=5, border=4))).convert("RGB")
    page.paste(qr, (1280 - qr.width - 80, 60))
    frames = []
    for angle in (-2, -1, 0, 1):
        buffer = io.BytesIO()
        page.rotate(angle, fillcolor=(90, 90, 90)).filter(ImageFilter.GaussianBlur(0.7)).save(buffer, "JPEG",
                                                                                                 quality=80)
        frames.append(buffer.getvalue())
    path.write_bytes(b"".join(frames))
    return path


def browser(profile: Path, film: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in [*FLAGS, f"--user-data-dir={profile}", f"--use-file-for-fake-video-capture={film}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)


def wait_done(driver: Any, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if driver.execute_script("return document.body.getAttribute('data-state')") == "done":
            return
        time.sleep(0.005)
    raise RuntimeError("the page gave no verdict")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seals", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help=f"exit 1 above {TARGET_RATIO}× the floor")
    args = parser.parse_args()
    data, root, seals = make_seals(args.seals)
    with tempfile.TemporaryDirectory(prefix="kp-verify-bench-") as tmp:
        folder = Path(tmp)
        page = folder / "kp-verify.html"
        page.write_text(build_verifier_page(data, root), "utf-8")
        driver = browser(folder / "profile", camera_film(seals[0], folder / "film.mjpeg"))
        try:
            driver.get(page.as_uri())
            driver.set_script_timeout(120)
            texts = json.dumps(seals)
            page_s, floor_s = [], []
            for _ in range(args.runs):
                run = driver.execute_async_script(
                    f"const done = arguments[0]; kpVerify.checkMany({texts}).then(done);")
                assert set(run["verdicts"]) == {"genuine"}, run["verdicts"][:3]
                page_s.append(run["seconds"])
                bare = driver.execute_async_script(
                    f"const done = arguments[0]; kpVerify.bareVerifies({texts}).then(done);")
                assert bare["ok"] == len(seals)
                floor_s.append(bare["seconds"])
            best_page, best_floor = min(page_s), min(floor_s)
            ratio = best_page / best_floor
            print(f"{len(seals)} KP2 seals, best of {args.runs} runs, Chromium headless")
            print(f"  page (full check):     {best_page * 1000:8.1f} ms  {len(seals) / best_page:8.0f} seals/s")
            print(f"  floor (bare verifies): {best_floor * 1000:8.1f} ms  {len(seals) / best_floor:8.0f} verifies/s")
            print(f"  ratio: {ratio:.2f} (target ≤ {TARGET_RATIO})")

            frame_ms, click_ms = [], []
            for _ in range(args.runs):
                driver.get("about:blank")
                driver.get(page.as_uri())
                driver.execute_async_script("kpVerify.ready.then(arguments[0]);")
                start = time.perf_counter()
                driver.find_element("id", "camera").click()
                wait_done(driver)
                click_ms.append((time.perf_counter() - start) * 1000)
                timing = driver.execute_script("return kpVerify.cameraTiming()")
                assert driver.find_element("id", "result").get_attribute("data-verdict") == "genuine"
                frame_ms.append(timing["frameToVerdictMs"])
            print("camera (fake device, 1280×720 MJPEG of the seal):")
            print(f"  frame → verdict: median {statistics.median(frame_ms):6.0f} ms, best {min(frame_ms):6.0f} ms "
                  "(decode the frame in which the seal was read, check, show)")
            print(f"  click → verdict: median {statistics.median(click_ms):6.0f} ms, best {min(click_ms):6.0f} ms "
                  "(camera start, reader start, the frames before, the check)")
        finally:
            driver.quit()
    if args.check and ratio > TARGET_RATIO:
        print(f"FAIL: the page takes {ratio:.2f} times the floor (target ≤ {TARGET_RATIO}).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
