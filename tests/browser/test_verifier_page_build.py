"""Building kp-verify.html (no browser needed): one file, bounded, everything inlined escaped, only our scripts."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from kpmonitor.trust import identity, trustlist
from kpmonitor.trust.trustlist import TrustListError
from kpmonitor.trust.verifier_page import MAX_PAGE_BYTES, VerifierPageError, _script_safe, build_verifier_page


def _list(name: str = "Tendai Moyo") -> tuple[bytes, x509.Certificate]:
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring")
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, name, "ab" * 16), 30)
    now = dt.datetime.now(dt.UTC)
    data = trustlist.make_trust_list(root_key, root, [trustlist.SignerEntry.from_certificate(cert)], now,
                                     now + dt.timedelta(days=30), 1)
    return data, root


def test_the_page_is_whole_bounded_and_runs_only_its_own_scripts() -> None:
    data, root = _list()
    html = build_verifier_page(data, root)
    assert len(html.encode("utf-8")) < MAX_PAGE_BYTES
    assert re.search(r"\{\{[A-Z0-9_]+\}\}", html) is None  # every part of the template filled
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    allowed = set(re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", csp.group(1)))
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(scripts) == 4  # pako, cborg, zxing-wasm, ours
    assert {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts} <= allowed
    style = re.search(r"<style>(.*?)</style>", html, flags=re.DOTALL)
    assert style is not None
    assert base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode() in allowed
    # The root the page trusts is the one given.
    assert hashlib.sha256(root.public_bytes(serialization.Encoding.DER)).hexdigest() in html


def test_what_is_inlined_cannot_close_its_element() -> None:
    hostile = "</script><!--<script>alert(1)</script>&"
    data, root = _list(hostile)
    html = build_verifier_page(data, root)
    block = re.search(r'<script type="application/json" id="kp-data">(.*?)</script>', html, flags=re.DOTALL)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1) and "&" not in block.group(1)
    # …and it is the list, byte for byte, once the page's JSON.parse has read it.
    assert json.loads(block.group(1))["trustList"] == data.decode("utf-8")
    assert html.lower().count("</script") == html.lower().count("<script")
    assert _script_safe('a = "</SCRIPT>"; b = "<!--"') == 'a = "<\\/SCRIPT>"; b = "<\\!--"'


def test_a_list_the_root_did_not_sign_makes_no_page() -> None:
    data, _root = _list()
    _data, other_root = _list()
    with pytest.raises(TrustListError):
        build_verifier_page(data, other_root)
    with pytest.raises(VerifierPageError):
        build_verifier_page(b"\xff\xfe", other_root, check_trust_list=False)
