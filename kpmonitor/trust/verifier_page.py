"""The offline verifier page, ``kp-verify.html``: one self-contained file a customs officer opens in a browser.

``hq publish`` writes it beside the trust list. It checks a QR seal (KP1 or KP2) read from the camera, from a
photo, from pasted text or from the URL fragment (``kp-verify.html#<percent-encoded seal text>``), with the
checks and the sentences of ``kpmonitor verify`` (docs/verifier.md). Everything is inside: the page's own
script and style (``kpmonitor/resources/verifier/``), the vendored browser libraries (``…/verifier/vendor/``,
re-vendored by ``scripts/vendor_verifier.py``, never fetched), headquarters' root public key, the trust list,
and the seal formats' preset dictionaries, read here from :mod:`kpmonitor.trust.qrseal` so that they have one
source. Its Content-Security-Policy allows no request to any server and only the inlined scripts (by hash).

Building the page needs no Node: it is string assembly, with everything inlined escaped for where it goes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

import kpmonitor
from kpmonitor.domain.reference import resources_dir
from kpmonitor.errors import KPError
from kpmonitor.trust import qrseal
from kpmonitor.trust.identity import certificate_monitor, spki
from kpmonitor.trust.trustlist import read_trust_list

__all__ = ["MAX_PAGE_BYTES", "PAGE_NAME", "VerifierPageError", "build_verifier_page", "verifier_dir"]

PAGE_NAME = "kp-verify.html"
# The bound: a page that a phone opens from a message or a memory stick without a wait.
MAX_PAGE_BYTES = 3 * 1024 * 1024

# The vendored libraries, in the order they must run (docs/verifier.md; vendor/README.md says where each is from).
_VENDOR_SCRIPTS = ("pako_inflate.min.js", "cborg.js", "zxing-wasm-reader.js")
_VENDOR_WASM = "zxing_reader.wasm"
_NOTICES = (
    "pako (MIT AND Zlib, © Vitaly Puzrin and Andrei Tuputcyn); cborg (Apache-2.0, © Rod Vagg); zxing-wasm (MIT, "
    "© Ze-Zheng Wu) with ZXing-C++ inside (Apache-2.0, © the ZXing-C++ and ZXing authors). Their licences ship "
    "with kpmonitor (resources/verifier/vendor)."
)
_PLACEHOLDER = re.compile(r"\{\{([A-Z0-9_]+)\}\}")


class VerifierPageError(KPError):
    """The verifier page cannot be built."""


def verifier_dir() -> Path:
    """``kpmonitor/resources/verifier``: the page's template, script and style, and ``vendor/``."""
    folder = resources_dir() / "verifier"
    if not (folder / "kp-verify.html").is_file() or not (folder / "vendor" / _VENDOR_WASM).is_file():
        raise VerifierPageError(f"The verifier page's files were not found in {folder}. The installation is "
                                "incomplete: reinstall kpmonitor.")
    return folder


def _script_safe(js: str) -> str:
    """Script text that cannot end its <script> element early: "</script" (any case) and "<!--" never appear.

    Inside a JavaScript string, regular expression or comment, "<\\/" means "</" and "<\\!--" means "<!--"; our
    own and the vendored code hold these sequences nowhere else (the tests check the built page).
    """
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def _json_safe(value: Any) -> str:
    """JSON for a <script type="application/json"> element: no "<", ">", "&" or line separators as such.

    A trust list is headquarters' data, but a certificate's name in it was typed by someone: "</script>" in a
    monitor's name must stay text, and does — the script reads it with JSON.parse and shows it as text.
    """
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Put each value in place of its {{NAME}}, in one pass: nothing inlined is read for placeholders again."""
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise VerifierPageError(f"The verifier page's template names an unknown part {{{{{name}}}}}.")
        return values[name]

    return _PLACEHOLDER.sub(one, template)


def build_verifier_page(trust_list: bytes, root_cert: x509.Certificate, *, check_trust_list: bool = True) -> str:
    """The whole self-contained HTML of the verifier page for this trust list and root.

    :param trust_list: the bytes of ``kp-trust-list.json`` (``trustlist.make_trust_list``), embedded as they are:
        the page checks their signature with the root's public key before it trusts them.
    :param check_trust_list: read the list here first (``read_trust_list``) and refuse to build a page around a
        list the root did not sign. False only for tests of the page's own refusal.
    :raises VerifierPageError: the resources are missing, the list is not text, or the page would be too large.
    :raises TrustListError: when ``check_trust_list`` and the list does not hold.
    """
    if check_trust_list:
        read_trust_list(trust_list, root_cert)
    try:
        list_text = trust_list.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise VerifierPageError("The trust list is not UTF-8 text.") from exc
    folder = verifier_dir()
    vendor = folder / "vendor"
    root_der = root_cert.public_bytes(serialization.Encoding.DER)
    root_sha256 = hashlib.sha256(root_der).hexdigest()
    data = {
        "trustList": list_text,
        "root": {"spki": base64.b64encode(spki(root_cert.public_key())).decode("ascii"), "sha256": root_sha256,
                 "cn": certificate_monitor(root_cert) or ""},
        # One source: the formats' dictionaries come from the Python encoder, as bytes, at every build.
        "zdict": {"KP1": qrseal._ZDICT.hex(), "KP2": qrseal.KP2_ZDICT.hex()},
        "labels": dict(qrseal.PAYLOAD_LABELS),
        "version": kpmonitor.__version__,
    }
    scripts = [_script_safe((vendor / name).read_text("utf-8")) for name in _VENDOR_SCRIPTS]
    scripts.append(_script_safe((folder / "kp-verify.js").read_text("utf-8")))
    style = (folder / "kp-verify.css").read_text("utf-8")
    if re.search(r"</style", style, flags=re.IGNORECASE):
        raise VerifierPageError("The verifier page's style holds “</style”.")
    # Only these scripts and this style may run (by hash); WebAssembly may compile (the QR reader); nothing may
    # be fetched, sent, framed or submitted. Pictures are shown from blob:/data: URLs, the camera from its stream.
    csp = "; ".join([
        "default-src 'none'",
        "script-src 'wasm-unsafe-eval' " + " ".join(_csp_hash(s) for s in scripts),
        "style-src " + _csp_hash(style),
        "img-src blob: data:",
        "media-src blob: mediastream:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    page = _fill((folder / "kp-verify.html").read_text("utf-8"), {
        "CSP": _html_text(csp),
        "STYLE": style,
        "VERSION": _html_text(kpmonitor.__version__),
        "ROOT_SHA256": root_sha256,
        "NOTICES": _html_text(_NOTICES),
        "DATA": _json_safe(data),
        "WASM": base64.b64encode((vendor / _VENDOR_WASM).read_bytes()).decode("ascii"),
        "SCRIPTS": "\n".join(f"<script>{s}</script>" for s in scripts),
    })
    size = len(page.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        raise VerifierPageError(f"The verifier page would be {size / 2**20:.1f} MiB, over its bound of "
                                f"{MAX_PAGE_BYTES >> 20} MiB: the trust list is too large for one page.")
    return page
