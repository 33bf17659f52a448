"""The QR seal: signed, compact, checkable offline with only headquarters' root, and scannable."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zlib
from typing import Any

import base45
import cbor2
import pytest
import zxingcpp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from PIL import Image, ImageFilter

from kpmonitor.trust import ecdsa, identity, qrseal
from kpmonitor.trust.qrseal import PREFIX, SealError

# Device ids as kpmonitor makes them (``uuid4().hex``): a certificate names exactly one, well-formed.
DEVICE = "0123456789abcdef0123456789abcdef"
OTHER_DEVICE = "fedcba9876543210fedcba9876543210"
AUDIT_HEAD = hashlib.sha256(b"audit event 1234").hexdigest()
SNAPSHOT = hashlib.sha256(b"canonical snapshot").digest()

Pki = tuple[ec.EllipticCurvePrivateKey, x509.Certificate, ec.EllipticCurvePrivateKey, x509.Certificate]


@pytest.fixture(scope="module")
def pki() -> Pki:
    """HQ root key + cert, device key + the certificate HQ issued for it."""
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring")
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, "Tendai Moyo", DEVICE))
    return root_key, root, key, cert


def realistic_payload() -> dict[str, Any]:
    """A report with 8 seal numbers, as long as real ones get."""
    return qrseal.build_payload(
        certificate_number="ZW000123456",
        carats="12345.67",
        value_usd="987654.32",
        parcels=12,
        seals=[f"ZWMMCZ{n:08d}" for n in range(8)],
        verdict="certified",
        monitor="Tendai Moyo",
        date=dt.date(2025, 6, 1),
        report_id="01JXYZ7Q4M8R2K3N5P6T9V0W1A",
        report_version=1,
        audit_seq=1234,
        audit_head=AUDIT_HEAD,
        snapshot_sha256=SNAPSHOT,
    )


@pytest.fixture(scope="module")
def seal_text(pki: Pki) -> str:
    _, _, key, cert = pki
    return qrseal.encode_seal(realistic_payload(), key, cert)


def test_seal_round_trips_payload_and_signer(pki: Pki, seal_text: str) -> None:
    _, root, _, cert = pki
    contents = qrseal.decode_seal(seal_text)
    assert contents.payload == realistic_payload()
    assert contents.signer_cert == cert
    check = qrseal.verify_seal(seal_text, root)
    assert check.ok and check.signature_valid and check.problems == []
    assert check.chain is not None and check.chain.issued_by_hq
    assert check.payload == realistic_payload()


def test_amounts_are_exact_decimal_strings_and_hashes_truncated() -> None:
    payload = realistic_payload()
    assert payload["ct"] == "12345.67" and payload["usd"] == "987654.32"
    assert qrseal.build_payload(**{**_payload_kwargs(), "carats": 5})["ct"] == "5.00"
    assert payload["ah"] == bytes.fromhex(AUDIT_HEAD)[:16]
    assert qrseal.hash_matches(payload["sh"], SNAPSHOT)
    assert qrseal.hash_matches(payload["ah"], AUDIT_HEAD)
    assert not qrseal.hash_matches(payload["ah"], SNAPSHOT)
    with pytest.raises(SealError, match="hundredth"):
        qrseal.build_payload(**{**_payload_kwargs(), "carats": "1.005"})
    with pytest.raises(SealError, match="not a number"):
        qrseal.build_payload(**{**_payload_kwargs(), "value_usd": "lots"})


def _payload_kwargs() -> dict[str, Any]:
    return {
        "certificate_number": "ZW1",
        "carats": "1.00",
        "value_usd": "2.00",
        "parcels": 1,
        "seals": ["S1"],
        "verdict": "held",
        "monitor": "M",
        "date": "2025-06-01",
        "report_id": "R1",
        "report_version": 1,
        "audit_seq": 1,
        "audit_head": AUDIT_HEAD,
        "snapshot_sha256": SNAPSHOT,
    }


def test_seal_is_cose_sign1_es256_with_raw_signature(seal_text: str, pki: Pki) -> None:
    _, _, _, cert = pki
    # Take it apart by hand, as an independent verifier would (RFC 9052 §4.2).
    inflated = qrseal.decode_seal(seal_text).raw
    message = cbor2.loads(inflated)
    assert isinstance(message, cbor2.CBORTag) and message.tag == 18
    protected, _unprotected, payload, signature = message.value
    header = cbor2.loads(protected)
    assert header[1] == -7  # ES256
    assert x509.load_der_x509_certificate(header[33]) == cert  # x5chain, protected
    assert len(signature) == 64  # r || s, not DER
    assert cbor2.loads(payload)["cn"] == "ZW000123456"


def test_seal_text_is_only_qr_alphanumeric_characters(seal_text: str) -> None:
    alphabet = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert seal_text.startswith(PREFIX)
    assert set(seal_text) <= alphabet


def test_realistic_seal_fits_a_qr_that_scans_at_45_mm(seal_text: str) -> None:
    version = qrseal.qr_version(seal_text)
    modules = 17 + 4 * version + 8  # symbol + 4-module quiet zone each side
    module_mm = 45 / modules
    print(f"\nseal: {len(seal_text)} characters, QR version {version} (M), {module_mm:.2f} mm/module at 45 mm")
    # ≥ 0.4 mm per module prints cleanly on office laser/inkjet printers and phones resolve it.
    assert version <= 21 and module_mm >= 0.4
    qr = qrseal.make_qr(seal_text)
    assert qr.mode == "alphanumeric" and qr.error in ("M", "Q", "H")


def test_a_changed_character_fails_the_seal_or_leaves_its_signed_message(seal_text: str, pki: Pki) -> None:
    _, root, _, _ = pki
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    body_start = len(PREFIX)
    # Every position of the text, each replaced by the next alphabet character (still valid Base45
    # symbols, the hardest case for a decoder).
    for pos in range(body_start, len(seal_text)):
        char = seal_text[pos]
        other = alphabet[(alphabet.index(char) + 1) % len(alphabet)]
        altered = seal_text[:pos] + other + seal_text[pos + 1 :]
        check = qrseal.verify_seal(altered, root)
        if check.ok:
            # Only the transport may differ: deflate ignores the padding bits after a stored block's header, so
            # a bit there changes the text, never the inflated message that is signed (docs/qr-seal.md).
            assert qrseal.decode_seal(altered).raw == qrseal.decode_seal(seal_text).raw, f"change at {pos}"
            continue
        assert check.problems


def test_a_re_signed_payload_under_a_foreign_root_fails_the_chain(pki: Pki) -> None:
    _, root, _, _ = pki
    foreign_root_key = identity.generate_key()
    foreign_root = identity.make_root_ca(foreign_root_key, "KP Working Group on Monitoring")
    forger = identity.generate_key()
    forged_cert = identity.issue_certificate(
        foreign_root_key, foreign_root, identity.make_csr(forger, "Tendai Moyo", DEVICE)
    )
    text = qrseal.encode_seal(realistic_payload(), forger, forged_cert)
    check = qrseal.verify_seal(text, root)
    assert check.signature_valid  # the forger's signature is genuine, the authority is not
    assert not check.ok
    assert "The certificate was issued by another authority, not this headquarters root." in check.problems


def test_self_signed_seal_verifies_but_says_it_is_not_from_hq(pki: Pki) -> None:
    _, root, key, _ = pki
    cert = identity.make_self_signed(key, "Tendai Moyo", DEVICE)
    check = qrseal.verify_seal(qrseal.encode_seal(realistic_payload(), key, cert), root)
    assert check.signature_valid and not check.ok
    assert check.chain is not None and check.chain.self_signed
    assert "The signing certificate is self-signed: it was not issued by headquarters." in check.problems


def test_revoked_signer_makes_the_seal_invalid(pki: Pki, seal_text: str) -> None:
    root_key, root, _, cert = pki
    crl = identity.make_crl(root_key, root, [(cert.serial_number, dt.datetime(2025, 7, 1, tzinfo=dt.UTC))])
    check = qrseal.verify_seal(seal_text, root, crl=crl)
    assert check.signature_valid and not check.ok
    assert any("was revoked by headquarters on 2025-07-01" in p for p in check.problems)


def test_certificate_swapped_for_another_with_the_same_key_is_detected(pki: Pki, seal_text: str) -> None:
    _, root, key, _ = pki
    # Rebuild the message with a self-signed cert for the same key in the protected header but keep
    # the original signature: the header is signed, so this must fail.
    message = cbor2.loads(qrseal.decode_seal(seal_text).raw)
    protected, _unprotected, payload, signature = message.value
    header = dict(cbor2.loads(protected))
    header[33] = identity.make_self_signed(key, "Someone Else", OTHER_DEVICE).public_bytes(serialization.Encoding.DER)
    new_protected = cbor2.dumps(header, canonical=True)
    swapped = cbor2.dumps(cbor2.CBORTag(18, [new_protected, {}, payload, signature]))
    deflater = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS, zdict=qrseal._ZDICT)
    text = PREFIX + base45.b45encode(deflater.compress(swapped) + deflater.flush()).decode()
    check = qrseal.verify_seal(text, root)
    assert not check.signature_valid and not check.ok


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        PREFIX,
        PREFIX + "%%%",
        PREFIX + "ABC",
        "KP2:ABCDEF",
        PREFIX + base45.b45encode(zlib.compress(b"\x00" * 100_000)).decode(),  # inflates too far
        PREFIX + base45.b45encode(zlib.compress(cbor2.dumps([1, 2, 3]))).decode(),
        "kp1:" + "a" * 30,
    ],
)
def test_garbage_is_a_sentence_never_an_exception(text: str, pki: Pki) -> None:
    _, root, _, _ = pki
    check = qrseal.verify_seal(text, root)
    assert not check.ok and check.problems
    assert all(p.endswith(".") for p in check.problems)


def test_newer_seal_format_is_named(pki: Pki) -> None:
    _, root, _, _ = pki
    check = qrseal.verify_seal("KP2:ABCDEF", root)
    assert "format 2" in check.problems[0]


def test_scanner_whitespace_around_the_text_is_tolerated(pki: Pki, seal_text: str) -> None:
    _, root, _, _ = pki
    assert qrseal.verify_seal(f"  {seal_text}\r\n", root).ok


def test_qr_image_decodes_to_the_same_text(seal_text: str) -> None:
    png = qrseal.qr_png(seal_text, scale=4)
    image = Image.open(io.BytesIO(png)).convert("L")
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    assert results[0].text == seal_text


def test_qr_printed_at_45_mm_and_photographed_at_200_dpi_still_decodes(seal_text: str) -> None:
    # A 45 mm print captured at 200 dpi is ~354 px across (3.5 px per module at version 19), here
    # slightly out of focus and held askew: what a phone or a flatbed sees.
    sharp = Image.open(io.BytesIO(qrseal.qr_png(seal_text, scale=10))).convert("L")
    side = round(45 / 25.4 * 200)
    captured = (
        sharp.resize((side, side), Image.Resampling.BILINEAR)
        .filter(ImageFilter.GaussianBlur(0.8))
        .rotate(4, expand=True, fillcolor=255)
    )
    results = zxingcpp.read_barcodes(captured)
    assert [r.text for r in results] == [seal_text]


def test_qr_matrix_is_square_and_matches_the_version(seal_text: str) -> None:
    matrix = qrseal.qr_matrix(seal_text)
    size = 17 + 4 * qrseal.qr_version(seal_text)
    assert len(matrix) == size and all(len(row) == size for row in matrix)
    assert matrix[0][0] is True  # finder pattern corner


def test_qr_refuses_text_that_is_not_a_seal() -> None:
    with pytest.raises(SealError):
        qrseal.make_qr("https://example.org/")


def test_zlib_dictionary_is_frozen_for_format_1() -> None:
    # Changing the preset dictionary breaks every printed KP1 seal: it needs a new prefix instead.
    assert hashlib.sha256(qrseal._ZDICT).hexdigest() == (
        "67eac15e1e5971502483f27317ffe882557adc373df910c2876c8234c165eed2"
    )


def test_key_that_does_not_match_the_certificate_is_refused(pki: Pki) -> None:
    _, _, _, cert = pki
    with pytest.raises(SealError, match="does not belong"):
        qrseal.encode_seal(realistic_payload(), identity.generate_key(), cert)


# ------------------------------------------------------------------ one byte string per seal (M1)


def _text_of(message: bytes) -> str:
    deflater = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS, zdict=qrseal._ZDICT)
    return PREFIX + base45.b45encode(deflater.compress(message) + deflater.flush()).decode()


def _parts(seal_text: str) -> tuple[bytes, bytes, bytes]:
    contents = qrseal.decode_seal(seal_text)
    return contents.protected, contents.payload_bytes, contents.signature


def test_the_app_writes_tagged_seals_with_an_empty_unprotected_header_and_low_s(pki: Pki, seal_text: str) -> None:
    _, root, key, cert = pki
    for _ in range(20):  # random k: half of raw ECDSA signatures would be high-S
        text = qrseal.encode_seal(realistic_payload(), key, cert)
        protected, payload, signature = _parts(text)
        assert qrseal.decode_seal(text).raw == cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, signature]))
        assert int.from_bytes(signature[32:], "big") <= ecdsa.P256_ORDER // 2
        assert qrseal.verify_seal(text, root).ok


def test_a_high_s_seal_as_printed_before_signing_normalised_s_still_verifies(pki: Pki, seal_text: str) -> None:
    # KP1 seals printed before this version are high-S half the time and travel with shipments: they keep
    # verifying, and say exactly what the low-S one says (nothing keys on a seal's bytes).
    _, root, _, _ = pki
    protected, payload, signature = _parts(seal_text)
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    twin = r.to_bytes(32, "big") + (ecdsa.P256_ORDER - s).to_bytes(32, "big")
    old = qrseal.verify_seal(_text_of(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, twin]))), root)
    new = qrseal.verify_seal(seal_text, root)
    assert old.ok and new.ok and old.payload == new.payload
    # Any other change to the signature is still caught.
    broken = r.to_bytes(32, "big") + (ecdsa.P256_ORDER - s + 1).to_bytes(32, "big")
    assert not qrseal.verify_seal(_text_of(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, broken]))), root).ok


def test_an_untagged_cose_sign1_is_refused(pki: Pki, seal_text: str) -> None:
    _, root, _, _ = pki
    protected, payload, signature = _parts(seal_text)
    check = qrseal.verify_seal(_text_of(cbor2.dumps([protected, {}, payload, signature])), root)
    assert not check.ok
    assert check.problems == ["The seal's message is not a tagged COSE_Sign1 (CBOR tag 18): it was not made by "
                              "kpmonitor or was altered."]


@pytest.mark.parametrize("extra", [b"\x00", b"\xf6", cbor2.dumps({"x": 1})])
def test_bytes_after_the_cose_structure_are_refused(pki: Pki, seal_text: str, extra: bytes) -> None:
    _, root, _, _ = pki
    check = qrseal.verify_seal(_text_of(qrseal.decode_seal(seal_text).raw + extra), root)
    assert not check.ok
    assert check.problems == ["The seal's message has bytes after its end: it was altered."]


@pytest.mark.parametrize("unprotected", [{4: b"kid"}, {"x": 1}, {1: -7}])
def test_a_non_empty_unprotected_header_is_refused(pki: Pki, seal_text: str, unprotected: dict[Any, Any]) -> None:
    _, root, _, _ = pki
    protected, payload, signature = _parts(seal_text)
    check = qrseal.verify_seal(_text_of(cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, payload,
                                                                       signature]))), root)
    assert not check.ok
    assert check.problems == ["The seal's unprotected header is not empty: nothing a signature does not cover may "
                              "ride in a seal, so it was refused."]


def test_a_longer_encoding_of_the_same_cose_structure_is_refused(pki: Pki, seal_text: str) -> None:
    _, root, _, _ = pki
    raw = qrseal.decode_seal(seal_text).raw
    assert raw[:2] == b"\xd2\x84"  # tag 18, array of 4
    # The same array with its length in a 1-byte argument (0x98 0x04) instead of inline: decodes the same.
    longer = b"\xd2\x98\x04" + raw[2:]
    assert cbor2.loads(longer).value == cbor2.loads(raw).value
    check = qrseal.verify_seal(_text_of(longer), root)
    assert not check.ok
    assert check.problems == ["The seal's message is not in the one encoding kpmonitor writes: it was altered."]
