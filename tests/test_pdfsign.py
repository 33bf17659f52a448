"""PAdES certification of report PDFs, and a verifier that notices any change."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2
import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import SignatureCoverageLevel, read_certification_data, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kpmonitor.trust import identity, pdfsign
from kpmonitor.trust.pdfsign import PdfSignError

# Device ids as kpmonitor makes them (``uuid4().hex``): a certificate names exactly one, well-formed.
DEVICE = "0123456789abcdef0123456789abcdef"
OTHER_DEVICE = "fedcba9876543210fedcba9876543210"
Pki = tuple[ec.EllipticCurvePrivateKey, x509.Certificate, ec.EllipticCurvePrivateKey, x509.Certificate]


def report_pdf() -> bytes:
    """A small one-page report, as reportlab writes it."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle("KP monitoring report")
    page.drawString(72, 780, "Kimberley Process shipment monitoring report")
    page.drawString(72, 760, "Certificate ZW000123456 — 12 parcels, 12,345.67 ct, US$ 987,654.32")
    page.drawString(72, 740, "Verdict: certified for export")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pki() -> Pki:
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Working Group on Monitoring")
    key = identity.generate_key()
    cert = identity.issue_certificate(root_key, root, identity.make_csr(key, "Tendai Moyo", DEVICE))
    return root_key, root, key, cert


def sign(pdf: bytes, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate, chain: list[x509.Certificate]) -> bytes:
    return pdfsign.sign_pdf(
        pdf, key, cert, chain, reason="KP monitoring report", location="Harare, ZW", name="Tendai Moyo"
    )


@pytest.fixture(scope="module")
def signed(pki: Pki) -> bytes:
    _, root, key, cert = pki
    return sign(report_pdf(), key, cert, [root])


def test_signed_report_verifies_against_the_root(pki: Pki, signed: bytes) -> None:
    _, root, _, cert = pki
    check = pdfsign.verify_pdf(signed, root)
    assert check.ok, check.problems
    assert check.intact and check.signature_valid and check.covers_whole_file and check.certified_no_changes
    assert check.signer_cert == cert
    assert root in check.embedded_chain  # the chain travels with the PDF
    assert check.chain is not None and check.chain.issued_by_hq
    assert check.reason == "KP monitoring report" and check.location == "Harare, ZW"
    assert check.signed_at is not None
    assert abs(check.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=10)


def test_signature_is_pades_certification_with_no_changes_allowed(signed: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(signed))
    (sig,) = reader.embedded_regular_signatures
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig.md_algorithm == "sha256"
    assert sig.signer_info["signature_algorithm"]["algorithm"].native in ("sha256_ecdsa", "ecdsa")
    certification = read_certification_data(reader)
    assert certification is not None and certification.permission == MDPPerm.NO_CHANGES


def test_a_standard_validator_trusting_only_the_root_accepts_the_signature(pki: Pki, signed: bytes) -> None:
    # pyHanko's full PAdES validation (path building, key usage, DocMDP), as a reader or validator
    # other than kpmonitor would do it, given nothing but headquarters' root.
    _, root, _, _ = pki
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    (sig,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(sig, context)
    assert status.bottom_line and status.trusted and status.docmdp_ok
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def test_signed_report_still_renders(signed: bytes) -> None:
    document = pypdfium2.PdfDocument(signed)
    try:
        assert len(document) == 1
        assert "shipment monitoring report" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


def test_sign_and_verify_timings(pki: Pki) -> None:
    _, root, key, cert = pki
    pdf = report_pdf()
    start = time.perf_counter()
    out = sign(pdf, key, cert, [root])
    signing = time.perf_counter() - start
    start = time.perf_counter()
    check = pdfsign.verify_pdf(out, root)
    verifying = time.perf_counter() - start
    print(f"\nsign {signing * 1000:.0f} ms, verify {verifying * 1000:.0f} ms, {len(out)} bytes")
    assert check.ok
    assert signing < 5 and verifying < 5  # generous: this is a smoke bound, not a benchmark


@pytest.mark.parametrize("where", ["first byte", "header", "middle", "signature contents", "padding", "last byte"])
def test_one_flipped_byte_anywhere_is_caught(pki: Pki, signed: bytes, where: str) -> None:
    _, root, _, _ = pki
    reader = PdfFileReader(io.BytesIO(signed))
    byte_range = [int(x) for x in reader.embedded_regular_signatures[0].byte_range]
    contents_start = byte_range[1] + 1  # after "<"
    positions = {
        "first byte": 0,
        "header": 5,
        "middle": len(signed) // 2,
        "signature contents": contents_start + 200,  # inside the CMS DER, as hex
        "padding": byte_range[2] - 10,  # the zero padding after the CMS, which no digest covers
        "last byte": len(signed) - 1,
    }
    position = positions[where]
    for mask in (0x01, 0x20):  # a changed bit, and a changed letter case in hex
        tampered = bytearray(signed)
        tampered[position] ^= mask
        check = pdfsign.verify_pdf(bytes(tampered), root)
        assert not check.ok, f"flip {mask:#x} at {position} ({where}) went unnoticed"
        assert check.problems and all(p.endswith(".") for p in check.problems)


def test_the_signature_hex_is_accepted_only_in_the_case_pyhanko_writes(pki: Pki, signed: bytes) -> None:
    _, root, _, _ = pki
    reader = PdfFileReader(io.BytesIO(signed))
    byte_range = [int(x) for x in reader.embedded_regular_signatures[0].byte_range]
    start, end = byte_range[1], byte_range[2]
    gap = signed[start:end]
    assert gap[:1] == b"<" and gap[-1:] == b">"
    assert gap == gap.upper() and any(c in gap for c in b"ABCDEF")  # pyHanko writes upper-case hex
    assert pdfsign.verify_pdf(signed, root).ok
    first_letter = next(i for i, c in enumerate(gap) if c in b"ABCDEF")
    one_lowered = gap[:first_letter] + gap[first_letter:first_letter + 1].lower() + gap[first_letter + 1:]
    for variant in (gap.lower(), one_lowered):  # all of it in the other case, and one digit
        other = signed[:start] + variant + signed[end:]
        assert other != signed and len(other) == len(signed)
        check = pdfsign.verify_pdf(other, root)
        assert not check.ok and not check.covers_whole_file
        assert "The signature value area of the PDF was altered." in check.problems


def test_flipped_bytes_across_the_whole_file_are_all_caught(pki: Pki, signed: bytes) -> None:
    _, root, _, _ = pki
    # A sample of positions through the whole file (the exhaustive sweep is too slow for every run).
    for position in range(0, len(signed), 11):
        tampered = bytearray(signed)
        tampered[position] ^= 0x01
        assert not pdfsign.verify_pdf(bytes(tampered), root).ok, f"flip at {position} went unnoticed"


@pytest.mark.slow
def test_every_single_byte_flip_is_caught(pki: Pki, signed: bytes) -> None:
    # Exhaustive (~45 s): the test that found the gaps in the unsigned parts of the CMS.
    _, root, _, _ = pki
    missed = []
    for position in range(len(signed)):
        tampered = bytearray(signed)
        tampered[position] ^= 0x01
        if pdfsign.verify_pdf(bytes(tampered), root).ok:
            missed.append(position)
    assert missed == []


def test_appended_bytes_mean_the_signature_no_longer_covers_the_file(pki: Pki, signed: bytes) -> None:
    _, root, _, _ = pki
    check = pdfsign.verify_pdf(signed + b"\n% a note added later\n", root)
    assert check.intact  # the signed part itself is untouched …
    assert not check.covers_whole_file and not check.ok  # … but the file is more than what was signed
    assert any("changed after it was signed" in p for p in check.problems)


def test_incremental_update_after_signing_is_refused(pki: Pki, signed: bytes) -> None:
    _, root, _, _ = pki
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    info = writer.root  # any object will do: change the catalogue in a new revision
    info["/Lang"] = generic.TextStringObject("en")
    writer.update_root()  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    check = pdfsign.verify_pdf(out.getvalue(), root)
    assert check.intact and not check.covers_whole_file and not check.ok


def test_second_signature_on_a_certified_report_is_refused(pki: Pki, signed: bytes) -> None:
    root_key, root, _, _ = pki
    other = identity.generate_key()
    other_cert = identity.issue_certificate(root_key, root, identity.make_csr(other, "Someone Else", OTHER_DEVICE))
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(other_cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            other.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
    try:
        twice = signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(signed)),
            signers.PdfSignatureMetadata(field_name="Second"),
            signer=signer,
        ).getvalue()
    except Exception:
        return  # pyHanko itself refused to add a signature to a NO_CHANGES document: fine
    check = pdfsign.verify_pdf(twice, root)
    assert not check.ok and not check.covers_whole_file


def test_unsigned_pdf_is_not_ok_with_a_sentence(pki: Pki) -> None:
    _, root, _, _ = pki
    check = pdfsign.verify_pdf(report_pdf(), root)
    assert not check.ok
    assert check.problems == ["The PDF carries no signature."]


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"%PDF-1.7\n garbage", b"\x00" * 1000, b"%PDF-1.4\n%%EOF\n", report_pdf()[:300]],
    ids=["empty", "text", "bad-pdf", "zeros", "only-eof", "truncated"],
)
def test_garbage_input_is_a_sentence_never_an_exception(pki: Pki, data: bytes) -> None:
    _, root, _, _ = pki
    check = pdfsign.verify_pdf(data, root)
    assert not check.ok
    assert check.problems and all(p.endswith(".") for p in check.problems)


def test_verifying_a_mangled_signature_prints_no_traceback(pki: Pki, signed: bytes, tmp_path: Path) -> None:
    # pyHanko logs skipped signatures with exc_info; without a handler Python would print the traceback
    # on stderr. Run in a fresh interpreter, as `kpmonitor verify` would, to see what a person sees.
    _, root, _, _ = pki
    mangled = signed.replace(b"/ETSI.CAdES.detached", b"/ETSI.CAdES.detacheD", 1)
    (tmp_path / "report.pdf").write_bytes(mangled)
    (tmp_path / "root.pem").write_bytes(identity.pem(root))
    script = (
        "import sys\n"
        "from kpmonitor.trust import identity, pdfsign\n"
        "check = pdfsign.verify_pdf(open(sys.argv[1], 'rb').read(), identity.load_cert(sys.argv[2]))\n"
        "print(check.ok, check.problems)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "report.pdf"), str(tmp_path / "root.pem")],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("False")
    assert "Traceback" not in done.stderr


def test_truncated_signed_pdf_is_not_ok(pki: Pki, signed: bytes) -> None:
    _, root, _, _ = pki
    for cut in (len(signed) - 1, len(signed) - 40, len(signed) // 2):
        assert not pdfsign.verify_pdf(signed[:cut], root).ok


def test_self_signed_pdf_is_intact_but_not_issued_by_hq(pki: Pki) -> None:
    _, root, key, _ = pki
    cert = identity.make_self_signed(key, "Tendai Moyo", DEVICE)
    check = pdfsign.verify_pdf(sign(report_pdf(), key, cert, []), root)
    assert check.intact and check.signature_valid and check.covers_whole_file and check.certified_no_changes
    assert check.chain is not None and check.chain.self_signed and not check.chain.issued_by_hq
    assert not check.ok
    assert "The signing certificate is self-signed: it was not issued by headquarters." in check.problems


def test_pdf_signed_under_a_foreign_root_is_refused(pki: Pki) -> None:
    _, root, key, _ = pki
    foreign_key = identity.generate_key()
    foreign_root = identity.make_root_ca(foreign_key, "KP Working Group on Monitoring")
    cert = identity.issue_certificate(foreign_key, foreign_root, identity.make_csr(key, "Tendai Moyo", OTHER_DEVICE))
    check = pdfsign.verify_pdf(sign(report_pdf(), key, cert, [foreign_root]), root)
    assert check.intact and not check.ok
    assert "The certificate was issued by another authority, not this headquarters root." in check.problems


def test_revoked_signer_is_refused(pki: Pki, signed: bytes) -> None:
    root_key, root, _, cert = pki
    crl = identity.make_crl(root_key, root, [(cert.serial_number, dt.datetime.now(dt.UTC))])
    check = pdfsign.verify_pdf(signed, root, crl=crl)
    assert check.intact and not check.ok
    assert check.chain is not None and check.chain.revoked


def test_signing_with_a_key_that_is_not_the_certificates_is_refused(pki: Pki) -> None:
    _, root, _, cert = pki
    with pytest.raises(PdfSignError, match="does not belong"):
        sign(report_pdf(), identity.generate_key(), cert, [root])


def test_signing_something_that_is_not_a_pdf_gets_a_sentence(pki: Pki) -> None:
    _, root, key, cert = pki
    with pytest.raises(PdfSignError, match="not a readable PDF"):
        sign(b"not a pdf", key, cert, [root])
