"""The offline verifier page, kp-verify.html, in a real browser: headless Chromium driven by selenium.

The page is opened from file:// with name resolution blocked (and its CSP forbidding requests anyway); every test
asserts that it made no request. It is checked against the shared seal vectors (tests/seal_vectors.py: the
Python verifier and the page must say the same verdict and sentence of each), through all three ways in: the URL
fragment, a chosen picture (a PNG of page 1 of a real report, a rotated and blurred JPEG of it) and the camera
(Chromium's fake capture device playing an MJPEG of page 1).

Run them with ``pytest -m browser``. They need Debian's ``chromium`` and ``chromium-driver`` and the ``selenium``
package (test extras); without them they are skipped, saying so. ``KPMONITOR_WRITE_SCREENSHOTS=1`` also writes the
phone-sized screenshots into docs/screenshots/ (look at them).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageFilter

from kpmonitor.trust import identity, qrseal, trustlist
from kpmonitor.trust.verifier_page import MAX_PAGE_BYTES, build_verifier_page, verifier_dir
from tests.seal_vectors import AT, SealVector, make_vectors, verify_vector

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip("the browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
                "chromium-driver); CI installs them", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="the browser tests need selenium (pip install -e .[test])")
from selenium.webdriver.chrome.service import Service  # noqa: E402

# Chromium as root in a container: no sandbox, no GPU, nothing of its own phoning home, a fresh profile.
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--mute-audio",
    # No name resolves: a request to any server fails even if the page's CSP let it out.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    # The camera: a fake device playing a file, and the permission prompt answered yes.
    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
]
PHONE = (412, 915)


# ------------------------------------------------------------------------------------------------ fixtures


def _page1_image(text: str) -> Image.Image:
    """Page 1 of a real report (the PDF renderer) carrying ``text`` as its QR seal, rendered at 150 dpi."""
    import pypdfium2 as pdfium

    from kpmonitor.report.pdf import render_report
    from tests.test_report_pdf import make_snapshot

    snapshot, store = make_snapshot()
    pdf = render_report(snapshot, qr_text=text, photo_jpeg=store.__getitem__)
    image: Image.Image = pdfium.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil().convert("RGB")
    return image


def _camera_mjpeg(page: Image.Image, path: Path) -> Path:
    """What a phone held over the top of page 1 sees, as Chromium's fake capture device plays it: an MJPEG file,
    JPEG frames one after another (the device takes the first frame's size, 1280×720 here, and loops)."""
    top = page.crop((0, 0, page.width, round(page.width * 9 / 16))).resize((1280, 720))
    frames = []
    for angle in (-3, -2, -1, 0, 1, 2):
        frame = top.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(90, 90, 90))
        frame = frame.filter(ImageFilter.GaussianBlur(0.8))
        buffer = io.BytesIO()
        frame.save(buffer, "JPEG", quality=80)
        frames.append(buffer.getvalue())
    path.write_bytes(b"".join(frames))
    return path


class Files:
    """Everything made once for the module: vectors, one page per trust list, pictures and the camera's film."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vectors = make_vectors(folder / "vectors")
        self.by_name = {v.name: v for v in self.vectors}
        self.pages: dict[bytes, Path] = {}
        for v in self.vectors:
            if v.trust_list not in self.pages:
                path = folder / f"kp-verify-{len(self.pages)}.html"
                path.write_text(build_verifier_page(v.trust_list, identity.load_cert(v.root_cert_pem)), "utf-8")
                self.pages[v.trust_list] = path
        genuine = self.by_name["genuine_kp2"]
        self.page1 = _page1_image(genuine.text)
        self.page1_png = folder / "page1.png"
        self.page1.save(self.page1_png)
        # A careless photo: turned 8°, blurred, JPEG.
        turned = self.page1.rotate(8, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(200, 200, 200))
        self.page1_jpeg = folder / "page1-turned.jpg"
        turned.filter(ImageFilter.GaussianBlur(1.2)).save(self.page1_jpeg, "JPEG", quality=70)
        self.camera = _camera_mjpeg(self.page1, folder / "page1.mjpeg")

    def page_for(self, vector: SealVector) -> Path:
        return self.pages[vector.trust_list]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return Files(tmp_path_factory.mktemp("kp-verify"))


@pytest.fixture(scope="module")
def browser(files: Files, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument(f"--use-file-for-fake-video-capture={files.camera}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # A chromedriver path given: selenium's driver manager never runs (it would go to the network).
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(*PHONE)
    # Every page records what its Content-Security-Policy blocked: a request it tried and was refused.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__blocked = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));")})
    try:
        yield driver
    finally:
        driver.quit()


def _requests(driver: Any) -> list[str]:
    """The URLs the browser requested since the last call (the performance log's Network.requestWillBeSent)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _no_network(driver: Any, page: Path) -> None:
    """The page made no request but for itself (file://); data: and blob: URLs are not requests to a server."""
    urls = _requests(driver)
    own = [u for u in urls if u.split("#")[0].split("?")[0] == page.as_uri()]
    assert own, "the performance log saw not even the page's own load: it would not see a request either"
    others = [u for u in urls if u not in own and not u.startswith(("data:", "blob:"))]
    assert others == [], f"the page made requests: {others}"
    blocked = driver.execute_script("return window.__blocked")
    assert blocked == [], f"the page tried what its policy forbids: {blocked}"


def _open(driver: Any, page: Path, text: str | None = None, at: str | None = AT) -> None:
    _requests(driver)  # forget what came before
    url = page.as_uri() + (f"?at={at}" if at else "")
    if text is not None:
        url += "#" + urllib.parse.quote(text, safe="")
    driver.get("about:blank")
    driver.get(url)
    _wait(driver, {"idle", "done"} if text is None else {"done"})


def _wait(driver: Any, states: set[str], timeout: float = 30) -> str:
    end = time.monotonic() + timeout
    state = ""
    while time.monotonic() < end:
        state = driver.execute_script("return document.body.getAttribute('data-state')")
        if state in states:
            return str(state)
        time.sleep(0.05)
    raise AssertionError(f"the page stayed in state {state!r}")


def _said(driver: Any) -> tuple[str | None, list[str]]:
    """The result element's data-verdict and the sentence the page shows."""
    verdict, sentences = driver.execute_script(
        "const r = document.getElementById('result'), s = document.getElementById('sentence');"
        "return [r.hidden ? null : r.getAttribute('data-verdict'), s ? [s.textContent] : []];")
    return verdict, list(sentences)


# ------------------------------------------------------------------------------------------------ the page


def test_the_page_is_one_small_file_that_allows_no_request(files: Files) -> None:
    for page in files.pages.values():
        html = page.read_text("utf-8")
        assert len(html.encode("utf-8")) < MAX_PAGE_BYTES
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert csp is not None
        assert "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
        assert "unsafe-inline" not in csp.group(1) and "unsafe-eval'" not in csp.group(1).replace("wasm-unsafe", "")
        # No element loads anything from anywhere: no src= or href= at all.
        assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html, flags=re.IGNORECASE)
        # The dictionaries come from the Python encoder, one source.
        assert qrseal.KP2_ZDICT.hex() in html and qrseal._ZDICT.hex() in html


def test_the_watchers_see_a_request_and_a_refusal(files: Files, browser: Any) -> None:
    """The two watchers of the other tests are not blind: a fetch from the page is refused by its policy (and
    recorded), and outside the page the same fetch shows in the performance log (and fails: no name resolves)."""
    page = files.page_for(files.by_name["genuine_kp2"])
    _open(browser, page)
    browser.execute_script("fetch('https://example.org/x').catch(() => {});")
    time.sleep(0.3)
    assert any("example.org" in b for b in browser.execute_script("return window.__blocked"))
    _requests(browser)
    browser.get("about:blank")
    browser.execute_script("fetch('https://example.org/y').catch(() => {});")
    time.sleep(0.5)
    assert "https://example.org/y" in _requests(browser)


def test_the_vendored_files_are_those_the_readme_lists() -> None:
    vendor = verifier_dir() / "vendor"
    rows = re.findall(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| `([^`]+)` \| [\d,]+ \| `([0-9a-f]{64})` \|",
                      (vendor / "README.md").read_text("utf-8"), flags=re.MULTILINE)
    assert len(rows) == 4
    for name, digest in rows:
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    for licence in ("LICENSE-zxing-wasm.txt", "LICENSE-pako.txt", "LICENSE-cborg.txt", "LICENSE-zxing-cpp.txt"):
        assert (vendor / licence).stat().st_size > 400


def test_every_shared_vector_gets_the_python_verdict_and_sentence(files: Files, browser: Any) -> None:
    wrong = []
    for vector in files.vectors:
        python = verify_vector(vector)
        assert (python.verdict, [python.sentence]) == (vector.verdict, vector.sentences), vector.name
        page = files.page_for(vector)
        _open(browser, page, vector.text, at=vector.at)
        said = _said(browser)
        if said != (vector.verdict, vector.sentences):
            wrong.append((vector.name, said, vector.sentences))
        _no_network(browser, page)
    assert wrong == []


def _page_says(driver: Any, texts: list[str], at: str) -> list[tuple[str, list[str]]]:
    """What ``kpVerify.check`` says of each text (verdict, sentences), in one round trip."""
    driver.set_script_timeout(120)
    said = driver.execute_async_script(
        "const [texts, at, done] = arguments;"
        "(async () => { const out = [];"
        " for (const t of texts) { const r = await window.kpVerify.check(t, at); out.push([r.verdict, r.sentences]); }"
        " done(out); })();", texts, at)
    return [(verdict, list(sentences)) for verdict, sentences in said]


def test_every_changed_character_gets_the_python_sentence(files: Files, browser: Any) -> None:
    """KP2 is raw deflate, without zlib's Adler-32: a changed character is caught by the deflate stream, the CBOR,
    the one encoding, the payload's types or the signature, and the page must say what Python says at each."""
    vector = files.by_name["genuine_kp2"]
    page = files.page_for(vector)
    _open(browser, page)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    text = vector.text
    altered = [text[:pos] + alphabet[(alphabet.index(text[pos]) + step) % len(alphabet)] + text[pos + 1:]
               for step in (1, 23) for pos in range(len(qrseal.PREFIX_KP2), len(text))]
    python = []
    for t in altered:
        check = verify_vector(SealVector("altered", t, vector.trust_list, vector.root_cert_pem, "", [], vector.at))
        python.append((check.verdict, [check.sentence]))
    said = _page_says(browser, altered, vector.at)
    wrong = [(t, p, s) for t, p, s in zip(altered, python, said, strict=True) if p != s]
    assert wrong == []
    assert len({p for _, [p] in python}) >= 2  # more than one layer caught something
    _no_network(browser, page)


def test_the_page_bounds_and_ends_the_raw_deflate(files: Files, browser: Any) -> None:
    import zlib

    import base45

    vector = files.by_name["genuine_kp2"]
    raw = qrseal.decode_seal(vector.text).raw

    def deflated(message: bytes) -> bytes:
        deflater = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=qrseal.KP2_ZDICT)
        return deflater.compress(message) + deflater.flush()

    bodies = [deflated(b"\0" * 100_000), deflated(raw)[:-3], deflated(raw) + b"\0", zlib.compress(raw)]
    texts = [qrseal.PREFIX_KP2 + base45.b45encode(b).decode() for b in bodies]
    page = files.page_for(vector)
    _open(browser, page)
    damaged = ("invalid", ["The QR text is not a kpmonitor seal, or it was damaged or altered."])
    assert _page_says(browser, texts, vector.at) == [damaged] * len(texts)
    for t in texts:
        check = verify_vector(SealVector("bounded", t, vector.trust_list, vector.root_cert_pem, "", [], vector.at))
        assert (check.verdict, [check.sentence]) == damaged


def test_a_kp1_seal_made_now_by_a_self_signed_device_is_unvouched(files: Files, browser: Any) -> None:
    key = identity.generate_key()
    cert = identity.make_self_signed(key, "Nyasha Banda", "cd" * 16)
    payload = qrseal.build_payload(
        certificate_number="ZW 1", carats="1.00", value_usd="2.00", parcels=1, seals=["A-1"], verdict="held",
        monitor="Nyasha Banda", date=dt.date.today(), report_id="ab" * 16, report_version=1, audit_seq=1,
        audit_head=b"\1" * 32, snapshot_sha256=b"\2" * 32)
    text = qrseal.encode_seal(payload, key, cert)
    page = files.page_for(files.by_name["genuine_kp2"])
    _open(browser, page, text, at=None)  # now: the trust list is stale by then, said after the first sentence
    verdict, sentences = _said(browser)
    assert verdict == "unvouched"
    assert sentences == ["The seal is unaltered, but its signer is not on headquarters' trust list: headquarters "
                         "does not vouch for it."]
    _no_network(browser, page)


def test_the_contents_are_shown_in_the_order_of_the_paper(files: Files, browser: Any) -> None:
    vector = files.by_name["genuine_kp2"]
    _open(browser, files.page_for(vector), vector.text)
    rows = browser.execute_script(
        "return Array.from(document.querySelectorAll('#result table.contents tr'), "
        "r => [r.dataset.key, r.querySelector('td').innerText.trim()]);")
    keys = [k for k, _ in rows]
    assert keys == ["cn", "ct", "usd", "np", "sl", "co", "vn", "vd", "mn", "dt", "id", "rv"]
    shown = dict(rows)
    assert shown["cn"] == "ZW 004217" and shown["ct"] == "1234.56" and shown["usd"] == "987654.32"
    assert shown["sl"].split("\n") == [f"ZW-C-{n:06d}" for n in range(17, 25)]
    assert shown["co"] == "MMCZ-BOX-0417" and shown["vn"] == "MMCZ/V/2025/0417"
    assert shown["mn"] == "Tendai Moyo" and shown["dt"] == "2025-06-10" and shown["vd"] == "Certified"
    assert shown["id"] == "3f2a9c1e5b7d4f60a1c2e3d4b5a69788"  # 16 bytes in the seal, shown as the report states it
    # A KP2 seal names no monitor: the page shows its signer, as the trust list names them.
    label = browser.execute_script("return document.querySelector('tr[data-key=mn] th').textContent")
    assert label == "Monitor (the signer, as headquarters' trust list names them)"
    trust = browser.find_element("id", "trust-published").text
    assert trust == "2025-06-01"


def test_a_stale_trust_list_is_said_beside_the_verdict(files: Files, browser: Any) -> None:
    vector = files.by_name["stale_trust_list_kp2"]
    _open(browser, files.page_for(vector), vector.text)
    box = browser.find_element("id", "trust-list")
    assert box.get_attribute("data-stale") == "true"
    assert "due to be replaced by 2025-05-01" in box.text


# ------------------------------------------------------------------------------------------------ pictures


def _choose(driver: Any, path: Path) -> None:
    driver.find_element("id", "file").send_keys(str(path))


@pytest.mark.parametrize("picture", ["page1_png", "page1_jpeg"])
def test_a_chosen_picture_of_page_one_is_read_and_checked(files: Files, browser: Any, picture: str) -> None:
    vector = files.by_name["genuine_kp2"]
    page = files.page_for(vector)
    _open(browser, page)
    _choose(browser, getattr(files, picture))
    _wait(browser, {"done", "no-seal"}, timeout=60)
    assert _said(browser) == (vector.verdict, vector.sentences)
    assert browser.find_element("id", "result").get_attribute("data-source") == "file"
    _no_network(browser, page)


def test_a_picture_without_a_seal_says_so(files: Files, browser: Any) -> None:
    blank = files.folder / "blank.png"
    Image.new("RGB", (800, 600), "white").save(blank)
    page = files.page_for(files.by_name["genuine_kp2"])
    _open(browser, page)
    _choose(browser, blank)
    _wait(browser, {"no-seal"}, timeout=60)
    assert "No kpmonitor seal was found" in browser.find_element("id", "status").text
    assert browser.find_element("id", "result").get_attribute("data-verdict") is None


def test_a_chosen_pdf_is_answered_with_what_to_do(files: Files, browser: Any) -> None:
    pdf = files.folder / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    page = files.page_for(files.by_name["genuine_kp2"])
    _open(browser, page)
    _choose(browser, pdf)
    _wait(browser, {"no-seal"})
    assert "take a screenshot of page 1" in browser.find_element("id", "status").text


# ------------------------------------------------------------------------------------------------ camera


def test_the_camera_reads_page_one_and_stops(files: Files, browser: Any) -> None:
    vector = files.by_name["genuine_kp2"]
    page = files.page_for(vector)
    _open(browser, page)
    browser.find_element("id", "camera").click()
    _wait(browser, {"done"}, timeout=60)
    assert _said(browser) == (vector.verdict, vector.sentences)
    assert browser.find_element("id", "result").get_attribute("data-source") == "camera"
    # The camera is off again: no live track, the preview hidden.
    assert browser.execute_script("return document.getElementById('video').srcObject") is None
    assert browser.find_element("id", "camera-box").get_attribute("hidden") is not None
    assert browser.execute_script("return window.kpVerify.cameraTiming().frameToVerdictMs") > 0
    _no_network(browser, page)


# ------------------------------------------------------------------------------------------------ hostile input


def _hostile_list(tmp: Path) -> tuple[Path, str, str]:
    """A page whose trust list names a monitor "</script><script>…" and a seal that monitor signed."""
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring")
    name = "</script><script>window.pwned=1</script>&amp;<b id=x>"
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, name, "ef" * 16), 30)
    now = dt.datetime.now(dt.UTC)
    data = trustlist.make_trust_list(root_key, root, [trustlist.SignerEntry.from_certificate(cert)], now,
                                     now + dt.timedelta(days=30), 1)
    payload = qrseal.build_payload(
        certificate_number="ZW 2", carats="3.00", value_usd="4.00", parcels=1, seals=["<i>S-1</i>"],
        verdict="certified", monitor=name, date=dt.date.today(), report_id="cd" * 16, report_version=1,
        audit_seq=2, audit_head=b"\3" * 32, snapshot_sha256=b"\4" * 32, kp2=True, container="</td>C",
        validation_number="V")
    page = tmp / "hostile.html"
    page.write_text(build_verifier_page(data, root), "utf-8")
    return page, qrseal.encode_seal_kp2(payload, key, cert), name


def test_a_hostile_name_in_the_trust_list_stays_text(files: Files, browser: Any) -> None:
    page, text, name = _hostile_list(files.folder)
    html = page.read_text("utf-8")
    assert html.lower().count("</script") == html.lower().count("<script")  # nothing inlined closed a script early
    _open(browser, page, text, at=None)
    verdict, sentences = _said(browser)
    assert verdict == "genuine"
    assert name in sentences[0]
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.getElementById('x')") is None
    shown = browser.execute_script("return document.querySelector('tr[data-key=mn] td').textContent")
    assert shown == name
    _no_network(browser, page)


def test_a_trust_list_headquarters_did_not_sign_is_refused_by_the_page(files: Files, browser: Any) -> None:
    vector = files.by_name["genuine_kp2"]
    root = identity.load_cert(vector.root_cert_pem)
    document = json.loads(vector.trust_list)
    payload = json.loads(base64.b64decode(document["payload"]))
    payload["next_update"] = "2099-01-01T00:00:00Z"  # a longer life, written in by someone
    document["payload"] = base64.b64encode(json.dumps(payload).encode()).decode()
    page = files.folder / "altered-list.html"
    page.write_text(build_verifier_page(json.dumps(document).encode(), root, check_trust_list=False), "utf-8")
    _open(browser, page, vector.text)
    assert _said(browser) == ("invalid", [qrseal.NO_TRUST_LIST])
    assert ("The trust list's signature is not headquarters' root's: it was altered or forged."
            in browser.find_element("id", "trust-list").text)


# ------------------------------------------------------------------------------------------------ screenshots


@pytest.mark.parametrize("case", [("genuine", "genuine_kp2"), ("unvouched", "stale_trust_list_kp2"),
                                  ("invalid", "revoked_signer_kp2")], ids=lambda c: c[0])
def test_phone_screenshots(files: Files, browser: Any, case: tuple[str, str]) -> None:
    verdict, name = case
    vector = files.by_name[name]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
    try:
        _open(browser, files.page_for(vector), vector.text)
        assert _said(browser)[0] == verdict
        if verdict == "invalid":  # show what an officer would open: the claims under their warning
            browser.execute_script("document.querySelector('#result details').open = true;"
                                   "document.getElementById('result').scrollIntoView();")
        png = browser.get_screenshot_as_png()
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    image = Image.open(io.BytesIO(png))
    assert image.size == PHONE
    low, high = image.convert("L").getextrema()
    assert high - low > 100  # not blank
    (files.folder / f"verify-page-{verdict}.png").write_bytes(png)
    if os.environ.get("KPMONITOR_WRITE_SCREENSHOTS") == "1":
        (REPO / "docs" / "screenshots" / f"verify-page-{verdict}.png").write_bytes(png)
