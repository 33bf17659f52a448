"""The QR seal: signed, compact, checkable offline with only headquarters' root, and scannable."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zlib
from pathlib import Path
from typing import Any

import base45
import cbor2
import pytest
import segno
import zxingcpp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from PIL import Image, ImageFilter

from kpmonitor.trust import ecdsa, identity, qrseal, trustlist
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
    check = qrseal.verify_seal("KP3:ABCDEF", root)
    assert "format 3" in check.problems[0]


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


# ---------------------------------------------------------------------------------------- KP2 (key id)


REPORT_ID = "3f2a9c1e5b7d4f60a1c2e3d4b5a69788"  # as ``report.snapshot.report_id_for`` makes them


def kp2_payload(monitor: str = "Tendai Moyo", date: str = "2025-06-01") -> dict[str, Any]:
    return qrseal.build_payload(**{**_payload_kwargs(), "monitor": monitor, "date": date, "report_id": REPORT_ID,
                                   "seals": [f"ZW-C-{n:06d}" for n in range(8)]},
                                kp2=True, container="MMCZ-BOX-0417", validation_number="MMMD-V-2026-0412")


def kp2_wire(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as a KP2 seal carries it: the report id as its 16 bytes."""
    return {**payload, "id": bytes.fromhex(payload["id"])}


@pytest.fixture(scope="module")
def listed(pki: Pki) -> trustlist.TrustList:
    root_key, root, _, cert = pki
    now = dt.datetime.now(dt.UTC)
    data = trustlist.make_trust_list(root_key, root, [trustlist.SignerEntry.from_certificate(cert)],
                                     now - dt.timedelta(days=1), now + dt.timedelta(days=29), 1)
    return trustlist.read_trust_list(data, root)


@pytest.fixture(scope="module")
def kp2_text(pki: Pki) -> str:
    _, _, key, cert = pki
    return qrseal.encode_seal_kp2(kp2_payload(), key, cert)


def _raw_deflate(message: bytes) -> bytes:
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=qrseal.KP2_ZDICT)
    return deflater.compress(message) + deflater.flush()


def _kp2_text_of(message: bytes) -> str:
    return qrseal.PREFIX_KP2 + base45.b45encode(_raw_deflate(message)).decode()


def test_kp2_round_trips_with_a_key_id_and_no_certificate(pki: Pki, kp2_text: str) -> None:
    _, _, _, cert = pki
    contents = qrseal.decode_seal(kp2_text)
    assert contents.format == 2 and contents.signer_cert is None
    assert contents.kid == qrseal.key_id(cert) == hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)
                                                                 ).digest()[:8]
    assert cbor2.loads(contents.protected) == {1: -7, 4: contents.kid}
    assert contents.payload == kp2_payload()
    assert contents.payload["co"] == "MMCZ-BOX-0417" and contents.payload["vn"] == "MMMD-V-2026-0412"
    # On the wire: the report id as 16 bytes, no monitor's name (the signer is the monitor), raw deflate.
    assert "mn" not in contents.payload and contents.payload["id"] == REPORT_ID
    assert contents.payload_bytes == cbor2.dumps(kp2_wire(kp2_payload()), canonical=True)
    compressed = base45.b45decode(kp2_text[len(qrseal.PREFIX_KP2):])
    assert zlib.decompressobj(-15, zdict=qrseal.KP2_ZDICT).decompress(compressed) == contents.raw
    with pytest.raises(zlib.error):
        zlib.decompress(compressed)  # no zlib header: raw deflate (RFC 1951)


def test_kp2_is_half_the_size_of_kp1_and_goes_in_at_level_q(pki: Pki, kp2_text: str, seal_text: str) -> None:
    assert len(kp2_text) < 0.6 * len(seal_text)
    assert qrseal.make_qr(kp2_text).error in ("Q", "H")
    assert qrseal.make_qr(seal_text).error in ("M", "Q")  # KP1 stays at M (segno raises it only for free)
    assert qrseal.qr_version(kp2_text) <= 15 < qrseal.qr_version(seal_text)
    size = 17 + 4 * qrseal.qr_version(kp2_text)
    assert len(qrseal.qr_matrix(kp2_text)) == size


def test_kp2_verifies_as_genuine_with_the_trust_list(pki: Pki, kp2_text: str, listed: trustlist.TrustList) -> None:
    _, root, _, cert = pki
    check = qrseal.verify_seal(kp2_text, root, trust_list=listed)
    assert check.ok and check.verdict == "genuine" and check.signature_valid and check.problems == []
    assert check.signer_entry is not None and check.signer_entry.cn == "Tendai Moyo" and check.signer_name == \
        "Tendai Moyo"
    assert check.sentence == (f"The seal is genuine: signed by Tendai Moyo (device {DEVICE[:8]}, certificate "
                              f"{identity.format_serial(cert.serial_number)}), whom headquarters' trust list of "
                              f"{trustlist.day(listed.published_at)} vouches for.")


def test_kp2_without_a_trust_list_says_it_needs_one(pki: Pki, kp2_text: str) -> None:
    _, root, _, _ = pki
    check = qrseal.verify_seal(kp2_text, root)
    assert check.verdict == "invalid" and not check.ok and check.payload == kp2_payload()
    assert check.problems == ["This is a KP2 seal: checking it needs headquarters' trust list (kp-trust-list.json, "
                              "from hq publish); none was given."]


def test_kp2_with_the_signers_certificate_beside_it_verifies_with_only_the_root(pki: Pki, kp2_text: str) -> None:
    # What a signed PDF or a bundle carries: the certificate whose key id the seal names, checked to the root.
    _, root, _, cert = pki
    check = qrseal.verify_seal(kp2_text, root, certificate=cert)
    assert check.ok and check.signer_cert == cert and check.chain is not None and check.chain.ok
    other = identity.issue_certificate(pki[0], root, identity.make_csr(identity.generate_key(), "Tendai Moyo",
                                                                        OTHER_DEVICE))
    assert qrseal.verify_seal(kp2_text, root, certificate=other).sentence.startswith("This is a KP2 seal")


def test_kp2_key_id_looked_up_in_headquarters_records(pki: Pki, kp2_text: str) -> None:
    _, root, _, cert = pki
    check = qrseal.verify_seal(kp2_text, root, enrolment=identity.Enrolment((cert,)))
    assert check.ok and check.signer_cert == cert


def test_a_kp2_payload_needs_container_and_validation(pki: Pki) -> None:
    _, _, key, cert = pki
    with pytest.raises(SealError, match="container"):
        qrseal.encode_seal_kp2(realistic_payload(), key, cert)


def test_kp2_high_s_twin_is_refused(pki: Pki, kp2_text: str, listed: trustlist.TrustList) -> None:
    # KP2 was always signed low-S: unlike KP1's printed seals, its twin (r, n − s) is not accepted.
    _, root, _, _ = pki
    contents = qrseal.decode_seal(kp2_text)
    r, s = int.from_bytes(contents.signature[:32], "big"), int.from_bytes(contents.signature[32:], "big")
    twin = r.to_bytes(32, "big") + (ecdsa.P256_ORDER - s).to_bytes(32, "big")
    text = _kp2_text_of(cbor2.dumps(cbor2.CBORTag(18, [contents.protected, {}, contents.payload_bytes, twin])))
    check = qrseal.verify_seal(text, root, trust_list=listed)
    assert not check.ok and check.sentence == qrseal.BAD_SIGNATURE


@pytest.mark.parametrize("case", ["untagged", "trailing", "unprotected", "longer", "header", "payload", "kid"])
def test_kp2_has_one_byte_string_per_seal(pki: Pki, kp2_text: str, listed: trustlist.TrustList, case: str) -> None:
    _, root, key, _ = pki
    c = qrseal.decode_seal(kp2_text)
    parts = [c.protected, {}, c.payload_bytes, c.signature]
    message: bytes
    if case == "untagged":
        message = cbor2.dumps(parts)
    elif case == "trailing":
        message = c.raw + b"\x00"
    elif case == "unprotected":
        message = cbor2.dumps(cbor2.CBORTag(18, [c.protected, {4: c.kid}, c.payload_bytes, c.signature]))
    elif case == "longer":
        message = b"\xd2\x98\x04" + c.raw[2:]
    elif case == "header":  # another key in the protected header, signed: still not a KP2 header
        protected = cbor2.dumps({1: -7, 4: c.kid, 33: b"x"}, canonical=True)
        payload = c.payload_bytes
        r, s = ecdsa.sign(key, cbor2.dumps(["Signature1", protected, b"", payload], canonical=True))
        signed = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        message = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, signed]))
    elif case == "payload":  # the payload's map in another (non-canonical) key order, signed
        payload = cbor2.dumps(dict(reversed(list(kp2_wire(kp2_payload()).items()))))
        r, s = ecdsa.sign(key, cbor2.dumps(["Signature1", c.protected, b"", payload], canonical=True))
        signed = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        message = cbor2.dumps(cbor2.CBORTag(18, [c.protected, {}, payload, signed]))
    else:  # a kid of another length
        protected = cbor2.dumps({1: -7, 4: (c.kid or b"") + b"\x00"}, canonical=True)
        message = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, c.payload_bytes, c.signature]))
    check = qrseal.verify_seal(_kp2_text_of(message), root, trust_list=listed)
    assert not check.ok and check.verdict == "invalid" and check.problems
    assert all(p.endswith(".") for p in check.problems)


def test_a_changed_character_of_a_kp2_seal_is_never_genuine(pki: Pki, kp2_text: str,
                                                           listed: trustlist.TrustList) -> None:
    _, root, _, _ = pki
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    raw = qrseal.decode_seal(kp2_text).raw
    for pos in range(len(qrseal.PREFIX_KP2), len(kp2_text)):
        other = alphabet[(alphabet.index(kp2_text[pos]) + 1) % len(alphabet)]
        altered = kp2_text[:pos] + other + kp2_text[pos + 1:]
        check = qrseal.verify_seal(altered, root, trust_list=listed)
        assert not check.ok or qrseal.decode_seal(altered).raw == raw, f"change at {pos}"


def test_kp2_dictionary_is_frozen_for_format_2() -> None:
    assert hashlib.sha256(qrseal.KP2_ZDICT).hexdigest() == (
        "d523173aa16a0c6a3160f3846189e796e840e4f71bbc1ae25390e792a666c5b0"
    )


# The issue's target: an 8-seal report at level Q (or H) in version 15 or less, with room to spare.
V15_Q_CAPACITY = 426  # alphanumeric characters in a version-15 symbol at level Q (ISO/IEC 18004, table 7)
MARGIN = 10


def realistic_kp2_payload(seals: int) -> dict[str, Any]:
    """A KP2 report as long as real ones get: seal numbers like "ZW-S-000981", a monitor's name with an accent."""
    return qrseal.build_payload(
        certificate_number="ZW 004217", carats="1200.50", value_usd="36015.00", parcels=2,
        seals=["ZW-S-000981", *[f"ZW-C-{17 + n:06d}" for n in range(seals - 1)]], verdict="certified",
        monitor="Amélie Ndlovu", date="2026-11-21", report_id=hashlib.sha256(b"report").hexdigest()[:32],
        report_version=1, audit_seq=12, audit_head=hashlib.sha256(b"head").hexdigest(),
        snapshot_sha256=hashlib.sha256(b"snap").digest(), kp2=True, container="MMCZ-BOX-0417",
        validation_number="MMMD-V-2026-0412")


@pytest.fixture(scope="module")
def amelie(pki: Pki) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    root_key, root, _, _ = pki
    key = identity.generate_key()
    return key, identity.issue_certificate(root_key, root, identity.make_csr(key, "Amélie Ndlovu", OTHER_DEVICE))


def test_a_realistic_eight_seal_kp2_seal_is_version_15_at_level_q(amelie: tuple[ec.EllipticCurvePrivateKey,
                                                                                 x509.Certificate]) -> None:
    key, cert = amelie
    lengths = []
    for _ in range(8):  # random ECDSA signatures deflate a byte or two differently
        text = qrseal.encode_seal_kp2(realistic_kp2_payload(8), key, cert)
        qr = qrseal.make_qr(text)
        lengths.append(len(text))
        assert qr.version <= 15 and qr.error in ("Q", "H") and qr.mode == "alphanumeric"
    print(f"\nKP2, 8 realistic seals: {min(lengths)}–{max(lengths)} characters, version 15-Q holds "
          f"{V15_Q_CAPACITY}")
    assert max(lengths) <= V15_Q_CAPACITY - MARGIN
    # The capacity itself, as the encoder counts it.
    segno.make("A" * V15_Q_CAPACITY, error="Q", mode="alphanumeric", version=15, boost_error=False)
    with pytest.raises(segno.DataOverflowError):
        segno.make("A" * (V15_Q_CAPACITY + 1), error="Q", mode="alphanumeric", version=15, boost_error=False)


def test_twenty_seals_report_their_version(amelie: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    key, cert = amelie
    text = qrseal.encode_seal_kp2(realistic_kp2_payload(20), key, cert)
    qr = qrseal.make_qr(text)
    modules = qr.symbol_size(border=4)[0]
    print(f"\nKP2, 20 seals: {len(text)} characters, version {qr.version}-{qr.error}, {modules * 0.65:.1f} mm at "
          "0.65 mm modules")
    assert qr.error in ("Q", "H") and qr.version <= 17  # docs/qr-seal.md: 16-Q
    assert qrseal.decode_seal(text).payload == realistic_kp2_payload(20)


def test_a_kp2_seal_names_its_monitor_by_its_signer(pki: Pki, listed: trustlist.TrustList,
                                                   amelie: tuple[ec.EllipticCurvePrivateKey, x509.Certificate]) -> None:
    # No ``mn`` travels: whatever the report's monitor was called, the seal's monitor is the key's holder.
    _, root, key, cert = pki
    text = qrseal.encode_seal_kp2(kp2_payload(monitor="Someone Else"), key, cert)
    assert text == text and "mn" not in qrseal.decode_seal(text).payload
    check = qrseal.verify_seal(text, root, trust_list=listed)
    assert check.ok and check.signer_name == "Tendai Moyo" and check.signer_problem is None
    beside = qrseal.verify_seal(text, root, certificate=cert)  # the signed PDF's certificate, checked to the root
    assert beside.ok and beside.signer_name == "Tendai Moyo" and beside.signer_problem is None


@pytest.mark.parametrize("report_id", ["R1", "3F2A9C1E5B7D4F60A1C2E3D4B5A69788", "ab" * 17, "ab" * 15])
def test_a_kp2_report_id_is_32_lowercase_hex(report_id: str) -> None:
    with pytest.raises(SealError, match="32 lowercase hexadecimal"):
        qrseal.build_payload(**{**_payload_kwargs(), "report_id": report_id}, kp2=True)


def test_kp2_raw_deflate_is_bounded_whole_and_alone(pki: Pki, kp2_text: str, listed: trustlist.TrustList) -> None:
    _, root, _, _ = pki
    raw = qrseal.decode_seal(kp2_text).raw
    compressed = _raw_deflate(raw)
    damaged = "The QR text is not a kpmonitor seal, or it was damaged or altered."
    cases = {
        "bomb": _raw_deflate(b"\x00" * 100_000),  # inflates past 16 KiB: stopped there
        "cut short": compressed[:-3],  # the stream does not end
        "data after its end": compressed + b"\x00",  # unused data after the final block
        "zlib-wrapped": zlib.compress(raw),  # KP1's framing is not KP2's
    }
    for name, data in cases.items():
        check = qrseal.verify_seal(qrseal.PREFIX_KP2 + base45.b45encode(data).decode(), root, trust_list=listed)
        assert (check.verdict, check.problems) == ("invalid", [damaged]), name
    # What is signed is the inflated message, not its deflate: the same message deflated without the dictionary's
    # help is another text of the same seal, and says what it says (nothing keys on a seal's text).
    plain = zlib.compressobj(9, zlib.DEFLATED, -15)
    other = qrseal.PREFIX_KP2 + base45.b45encode(plain.compress(raw) + plain.flush()).decode()
    assert other != kp2_text and qrseal.decode_seal(other).raw == raw
    assert qrseal.verify_seal(other, root, trust_list=listed).ok


def test_every_changed_character_of_a_kp2_seal_gets_a_sentence(pki: Pki, kp2_text: str,
                                                              listed: trustlist.TrustList) -> None:
    # Without zlib's Adler-32, damage is caught by what follows it: the deflate stream, the message's one layout,
    # the payload's keys, types and encoding, and in the end the signature. Each says so in a sentence.
    _, root, _, _ = pki
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    raw = qrseal.decode_seal(kp2_text).raw
    said: set[str] = set()
    for step in (1, 17):
        for pos in range(len(qrseal.PREFIX_KP2), len(kp2_text)):
            other = alphabet[(alphabet.index(kp2_text[pos]) + step) % len(alphabet)]
            check = qrseal.verify_seal(kp2_text[:pos] + other + kp2_text[pos + 1:], root, trust_list=listed)
            if check.ok:  # only the padding bits after the final block: the very message that was signed
                assert qrseal.decode_seal(kp2_text[:pos] + other + kp2_text[pos + 1:]).raw == raw
                continue
            assert check.verdict == "invalid" and check.sentence.endswith(".") and check.problems
            said.add(check.sentence)
    assert "The QR text is not a kpmonitor seal, or it was damaged or altered." in said
    # The message has one layout, read by position (``_kp2_parts``): what is not it is damaged, in one sentence.
    assert said <= {"The QR text is not a kpmonitor seal, or it was damaged or altered.", qrseal.BAD_SIGNATURE,
                    qrseal.unknown_kid_sentence(listed)}, said


def test_the_shared_vectors_get_their_verdicts_and_sentences(tmp_path: Path) -> None:
    from tests.seal_vectors import make_vectors, verify_vector

    vectors = make_vectors(tmp_path)
    assert {v.name for v in vectors} >= {"genuine_kp2", "altered_kp2", "altered_signed_bytes_kp2",
                                         "forged_signature_kp2", "revoked_signer_kp2", "unknown_signer_kp2",
                                         "stale_trust_list_kp2", "other_monitor_name_kp2", "monitor_mismatch_kp1",
                                         "date_outside_validity_kp2", "dated_before_validity_kp2", "kp1_self_signed",
                                         "kp1_hq_issued"}
    for vector in vectors:
        check = verify_vector(vector)
        assert (check.verdict, [check.sentence]) == (vector.verdict, vector.sentences), vector.name
    assert (tmp_path / "vectors.json").is_file()
