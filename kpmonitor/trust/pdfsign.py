"""PAdES signatures on report PDFs (pyHanko), and checking them offline.

A report PDF gets one *certification* signature (DocMDP, no changes permitted): PAdES baseline B-B
(SubFilter ETSI.CAdES.detached), SHA-256, ECDSA P-256, with the certificate chain embedded so a PDF
reader or a validator that trusts headquarters' root can check it. There is no timestamp server: field
devices are offline, so the signing time is the signer's own claim.

Verifying uses pyHanko for the PDF mechanics (finding the signature, the byte-range digest, the CMS
signature) and :func:`kpmonitor.trust.identity.check_chain` for trust, so the PDF, the QR seal and the bundle
all answer "does headquarters vouch for this signer?" the same way. pyHanko's own path validation is
not used: on an untrusted signer it logs warnings with tracebacks, which a customs officer running
``kpmonitor verify`` must not see.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    SignatureCoverageLevel,
    read_certification_data,
)
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko_certvalidator.registry import SimpleCertificateStore

from kpmonitor.errors import KPError
from kpmonitor.i18n import N_, _
from kpmonitor.trust.identity import ChainResult, Enrolment, check_chain, public_key_matches

__all__ = ["FIELD_NAME", "PdfCheck", "PdfSignError", "sign_pdf", "verify_pdf"]

log = logging.getLogger(__name__)

# pyHanko logs warnings with tracebacks (exc_info) for malformed signatures it skips. With no handler
# configured, Python's last-resort handler would print those tracebacks on stderr of `kpmonitor verify`.
# A NullHandler (what a library normally adds for itself) stops that; an application that configures
# logging still receives the records through propagation and decides where they go.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

FIELD_NAME = "KPMonitorSignature"

# Digest algorithms accepted on verification. SHA-1 and MD5 are broken for signatures.
_GOOD_DIGESTS = {"sha256", "sha384", "sha512"}


class PdfSignError(KPError):
    """A PDF could not be signed."""


def _to_asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    # pyHanko works on asn1crypto objects; DER is the lossless bridge from cryptography's.
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _to_cryptography_cert(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def sign_pdf(
    pdf_bytes: bytes,
    key: ec.EllipticCurvePrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    *,
    reason: str,
    location: str,
    name: str,
    attachments: dict[str, bytes] | None = None,
) -> bytes:
    """Certify ``pdf_bytes`` (no changes permitted) and return the signed PDF.

    ``attachments`` are embedded as files in the same revision the signature
    covers (the report's snapshot and seal text), so they are signed with it.

    ``chain`` holds the certificates above ``cert`` (headquarters' root, any intermediate); they are
    embedded in the CMS so a verifier needs nothing but the root it already trusts. The signature field
    is invisible: the page shows the QR seal instead.

    pyHanko runs its own event loop (``asyncio.run``), so call this from a worker thread in a GUI that
    has one running, never from inside a coroutine.
    """
    if not isinstance(key.curve, ec.SECP256R1):
        raise PdfSignError("Reports are signed with ECDSA P-256; this key is another kind.")
    if not public_key_matches(key, cert):
        raise PdfSignError("The signing key does not belong to the signing certificate.")
    signing_key = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=_to_asn1_cert(cert),
        signing_key=signing_key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [_to_asn1_cert(c) for c in chain]
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=reason,
        location=location,
        name=name,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    except Exception as exc:  # pyHanko raises assorted errors on a non-PDF; all mean the same here
        raise PdfSignError("The report could not be signed: the file is not a readable PDF.") from exc
    for file_name, data in (attachments or {}).items():
        mime = "application/json" if file_name.endswith(".json") else "text/plain"
        embed.embed_file(writer, embed.FileSpec(
            file_spec_string=file_name, file_name=file_name,
            embedded_data=embed.EmbeddedFileObject.from_file_data(
                writer, data, mime_type=mime, params=embed.EmbeddedFileParams(embed_checksum=False)),
            af_relationship=generic.pdf_name("/Data")))
    out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())


@dataclass
class PdfCheck:
    """The verdict on a signed report PDF."""

    intact: bool = False  # the signed bytes hash to the digest that was signed
    signature_valid: bool = False  # the CMS signature over that digest verifies with the signer's key
    covers_whole_file: bool = False  # nothing was added or changed outside the signed bytes
    certified_no_changes: bool = False  # a DocMDP certification that forbids any change
    signer_cert: x509.Certificate | None = None
    embedded_chain: list[x509.Certificate] = field(default_factory=list)
    chain: ChainResult | None = None
    signed_at: dt.datetime | None = None  # the signer's own claim (no timestamp authority offline)
    reason: str | None = None
    location: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and self.signature_valid
            and self.covers_whole_file
            and self.certified_no_changes
            and self.chain is not None
            and self.chain.ok
            and not self.problems
        )

    @property
    def warnings(self) -> list[str]:
        return list(self.chain.warnings) if self.chain is not None else []


# Translated where they are said (``_``): a verification's sentences are in the language the core speaks.
_NOT_PDF = N_("The file is not a readable PDF.")
_DAMAGED_SIG = N_("The signature in the PDF is damaged and cannot be read.")


def _der_length(data: bytes) -> int | None:
    """Total length of the DER TLV at the start of ``data`` (definite lengths only), or None."""
    if len(data) < 2:
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        return None  # indefinite or absurd length: CMS in a PDF signature must be DER
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def _strict_der(data: bytes) -> bool:
    """Whether ``data`` is exactly one DER TLV whose constructed parts are exactly filled by their children.

    asn1crypto parses leniently: a SEQUENCE whose length was changed to swallow some of the zero padding
    that follows the CMS still loads. Here every length must be definite and minimal, and every
    constructed value must end exactly where its last child ends.
    """

    def walk(start: int, end: int) -> bool:
        pos = start
        while pos < end:
            if end - pos < 2:
                return False
            tag = data[pos]
            if tag == 0 or tag & 0x1F == 0x1F:  # end-of-contents / high tag numbers: not in our CMS
                return False
            first = data[pos + 1]
            if first < 0x80:
                length, header = first, 2
            else:
                count = first & 0x7F
                if count == 0 or count > 4 or pos + 2 + count > end:
                    return False
                length = int.from_bytes(data[pos + 2 : pos + 2 + count], "big")
                # Minimal length encoding: no leading zero byte, and long form only from 128.
                if data[pos + 2] == 0 or length < 0x80:
                    return False
                header = 2 + count
            value_end = pos + header + length
            if value_end > end:
                return False
            if tag & 0x20:
                if not walk(pos + header, value_end):
                    return False
            elif not _canonical_primitive(tag, data[pos + header : value_end]):
                return False
            pos = value_end
        return pos == end

    return walk(0, len(data))


def _canonical_primitive(tag: int, value: bytes) -> bool:
    """DER's one-encoding rules for the primitive types whose bytes a signature may not cover.

    A certificate's outer signature BIT STRING is outside what that signature signs, and parsers accept
    e.g. a changed unused-bits count there; DER allows exactly one encoding, so insist on it.
    """
    if tag == 0x01:  # BOOLEAN: exactly 00 or FF
        return value in (b"\x00", b"\xff")
    if tag == 0x02:  # INTEGER: not empty, no redundant leading 00 / FF byte
        if not value:
            return False
        return len(value) == 1 or not (
            (value[0] == 0x00 and value[1] < 0x80) or (value[0] == 0xFF and value[1] >= 0x80)
        )
    if tag == 0x03:
        # BIT STRING. Outside extension values (which are OCTET STRINGs, not walked), the bit strings in
        # a certificate or CMS are public keys and signatures: whole bytes, so zero unused bits. A
        # changed count would otherwise be a valid DER encoding of a shorter string that parsers
        # silently read back as the same bytes.
        return bool(value) and value[0] == 0
    if tag == 0x05:  # NULL
        return not value
    return True


def _gap_is_exactly_contents(pdf: bytes, byte_range: list[int], contents: bytes) -> bool:
    """The unsigned gap in the byte range holds the CMS as a hex string and nothing else.

    pyHanko's digest covers everything but this gap, so anything that hides in the gap escapes it:
    hex digits in the other letter case, whitespace (a PDF reader skips it inside a hex string), a
    different string syntax, or changed padding after the CMS. Only pyHanko's own output form passes:
    ``<`` + CMS in upper-case hex (``binascii.hexlify(...).upper()``, as pyHanko writes it) + zero
    padding + ``>``: the same signature in lower-case hex is another byte string and is refused.
    """
    start, end = byte_range[1], byte_range[2]
    gap = pdf[start:end]
    if gap != b"<" + contents.hex().upper().encode("ascii") + b">":
        return False
    der_len = _der_length(contents)
    return der_len is not None and der_len <= len(contents) and not any(contents[der_len:])


def _cms_shape_problem(
    sig: EmbeddedPdfSignature, embedded: list[x509.Certificate], root: x509.Certificate | None
) -> str | None:
    """A sentence if the CMS differs from the one form kpmonitor writes, else None."""
    contents = sig.pkcs7_content
    der_len = _der_length(contents)
    if der_len is None or der_len > len(contents):
        return _(_DAMAGED_SIG)
    altered = _("The signature container in the PDF was altered.")
    if not _strict_der(contents[:der_len]):
        return altered
    signed_data = sig.signed_data
    signer_info = sig.signer_info
    digest_algorithms = signed_data["digest_algorithms"]
    eci = signed_data["encap_content_info"]
    if (
        signed_data["version"].native != "v1"
        or len(digest_algorithms) != 1
        or digest_algorithms[0].dump() != signer_info["digest_algorithm"].dump()
        or eci["content_type"].native != "data"
        or eci["content"].native is not None
        or signed_data["crls"].native is not None
        or len(signed_data["signer_infos"]) != 1
        or signer_info["version"].native != "v1"
        or signer_info["sid"].name != "issuer_and_serial_number"
        or signer_info["unsigned_attrs"].native is not None
        or signer_info["signature_algorithm"]["algorithm"].native not in ("sha256_ecdsa", "ecdsa")
    ):
        return altered
    # Every certificate carried must be signed by another one carried, or by the trusted root, or
    # be a self-signed certificate that verifies itself: a changed byte in any of them breaks that.
    pool = [*embedded, *([root] if root is not None else [])]
    for cert in embedded:
        if not any(_issued_by(cert, issuer) for issuer in pool):
            return altered
    return None


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:
        return False
    return True


def verify_pdf(
    pdf_bytes: bytes,
    root: x509.Certificate | None,
    crl: x509.CertificateRevocationList | None = None,
    at: dt.datetime | None = None,
    *,
    enrolment: Enrolment | None = None,
) -> PdfCheck:
    """Check a signed report PDF against headquarters' ``root`` (and ``crl``) at time ``at`` (default now).

    ``enrolment``: headquarters' records of the keys it certified (``check_chain``), at headquarters only.

    Never raises for bad input: garbage, an unsigned PDF, or any altered byte gives a result that is
    not ``ok`` with sentences in ``problems``.
    """
    result = PdfCheck()
    try:
        _verify_into(result, pdf_bytes, root, crl, at, enrolment)
    except Exception as exc:
        # pyHanko and asn1crypto raise many exception types on malformed input; for a verifier they all
        # mean the file cannot be trusted. Keep the detail in the log for a developer.
        log.debug("PDF verification stopped on malformed input", exc_info=exc)
        sentence = _(_NOT_PDF if result.signer_cert is None else _DAMAGED_SIG)
        if sentence not in result.problems:
            result.problems.append(sentence)
    return result


def _verify_into(
    result: PdfCheck,
    pdf_bytes: bytes,
    root: x509.Certificate | None,
    crl: x509.CertificateRevocationList | None,
    at: dt.datetime | None,
    enrolment: Enrolment | None,
) -> None:
    if not pdf_bytes.startswith(b"%PDF-"):
        result.problems.append(_(_NOT_PDF))
        return
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=True)
        signatures = reader.embedded_regular_signatures
    except Exception:
        log.debug("PDF could not be parsed", exc_info=True)
        result.problems.append(_(_NOT_PDF))
        return
    if not signatures:
        result.problems.append(_("The PDF carries no signature."))
        return
    if len(signatures) > 1 or len(reader.embedded_signatures) > 1:
        result.problems.append(_("The PDF carries {count} signatures; a kpmonitor report carries exactly one.").format(
            count=len(reader.embedded_signatures)))
    try:
        sig = signatures[0]
        signer = sig.signer_cert
        result.signer_cert = _to_cryptography_cert(signer)
        result.embedded_chain = [_to_cryptography_cert(c) for c in sig.other_embedded_certs]
    except Exception:
        log.debug("signature could not be read", exc_info=True)
        result.problems.append(_(_DAMAGED_SIG))
        return

    reason = sig.sig_object.get("/Reason")
    location = sig.sig_object.get("/Location")
    result.reason = str(reason) if reason is not None else None
    result.location = str(location) if location is not None else None
    try:
        result.signed_at = sig.self_reported_timestamp
    except Exception:
        result.signed_at = None

    if sig.sig_object.get("/SubFilter") != "/ETSI.CAdES.detached":
        result.problems.append(_("The signature is not a PAdES signature (ETSI.CAdES.detached)."))

    # Coverage: pyHanko compares the byte range with the file size; we also require the one gap in it
    # to be exactly the signature value (see _gap_is_exactly_contents).
    sig.compute_integrity_info(skip_diff=False)
    byte_range = [int(x) for x in sig.byte_range]
    result.covers_whole_file = (
        sig.coverage == SignatureCoverageLevel.ENTIRE_FILE
        and len(byte_range) == 4
        and byte_range[0] == 0
        and byte_range[2] + byte_range[3] == len(pdf_bytes)
        and _gap_is_exactly_contents(pdf_bytes, byte_range, sig.pkcs7_content)
    )
    if not result.covers_whole_file:
        signed_end = byte_range[2] + byte_range[3] if len(byte_range) == 4 else 0
        if sig.coverage == SignatureCoverageLevel.ENTIRE_FILE:
            result.problems.append(_("The signature value area of the PDF was altered."))
        elif signed_end >= len(pdf_bytes):
            result.problems.append(_("The part of the PDF the signature covers was altered."))
        else:
            result.problems.append(_(
                "The PDF was changed after it was signed: something was added after the signed part "
                "(an incremental update or appended bytes)."
            ))

    # Integrity: the byte-range digest against the signed messageDigest, then the ECDSA signature
    # over the signed attributes. This is pyHanko's integrity check without its trust validation.
    if sig.md_algorithm not in _GOOD_DIGESTS:
        result.problems.append(_("The signature uses a weak digest algorithm ({algorithm}).").format(
            algorithm=sig.md_algorithm))
    try:
        intact, valid = validate_sig_integrity(
            sig.signer_info,
            signer,
            expected_content_type="data",
            actual_digest=sig.compute_digest(),
        )
    except Exception:
        log.debug("CMS integrity check failed", exc_info=True)
        intact, valid = False, False
    result.intact, result.signature_valid = bool(intact), bool(valid)
    if not result.intact:
        result.problems.append(_("The PDF was changed after it was signed: its content no longer matches the "
                                 "signature."))
    elif not result.signature_valid:
        result.problems.append(_("The signature does not match the signing certificate: it was forged or damaged."))

    # The CMS container has parts no signature covers (the certificate set, versions, the list of
    # digest algorithms). They cannot change who signed or what, but "any changed byte is detected" is
    # the promise to the people checking a report, so they are held to the exact form we write.
    shape = _cms_shape_problem(sig, result.embedded_chain, root)
    if shape is not None:
        result.problems.append(shape)

    # Certification: /Perms /DocMDP in the catalogue must point at *this* signature and say P=1.
    certification = read_certification_data(reader)
    this_sig_ref = sig.sig_field.raw_get("/V")
    author_ref = reader.root["/Perms"].raw_get("/DocMDP") if certification is not None else None
    result.certified_no_changes = (
        certification is not None
        and certification.permission == fields.MDPPerm.NO_CHANGES
        and sig.docmdp_level == fields.MDPPerm.NO_CHANGES
        and getattr(author_ref, "reference", None) is not None
        and getattr(author_ref, "reference", None) == getattr(this_sig_ref, "reference", None)
    )
    if not result.certified_no_changes:
        result.problems.append(_(
            "The PDF is not certified against changes (a kpmonitor report forbids any change after signing)."
        ))

    # Trust: the same chain check as the QR seal and the bundle. The embedded chain supplies any
    # intermediate; the root comes only from the caller, never from the file.
    intermediates = [c for c in result.embedded_chain if c != result.signer_cert]
    result.chain = check_chain(result.signer_cert, intermediates, root, crl, at, enrolment=enrolment)
    result.problems.extend(result.chain.problems)
