"""ECDSA P-256 / SHA-256 with one signature per message and key: low-S only.

An ECDSA signature (r, s) has a twin, (r, n − s), that verifies just as well. Anyone can make the
twin of a signature they hold, without the key, so a signed file could be changed and still verify.
kpmonitor signs with the low one, s ≤ n / 2 (as Bitcoin's BIP 62 and RFC 6979 users do), and its
verifiers refuse the high one. The bundle manifest (DER) and the QR seal (r ‖ s) are signed and
checked here and nowhere else.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

__all__ = ["P256_ORDER", "parse_der", "sign", "sign_der", "verify"]

# The order n of P-256's base point (FIPS 186-4 D.1.2.3).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_HALF = P256_ORDER // 2


def sign(key: ec.EllipticCurvePrivateKey, data: bytes) -> tuple[int, int]:
    """Sign ``data`` (ECDSA P-256, SHA-256) and return (r, s) with s normalised to min(s, n − s)."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r, min(s, P256_ORDER - s)


def sign_der(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """:func:`sign`, as the DER SEQUENCE of r and s."""
    return bytes(encode_dss_signature(*sign(key, data)))


def parse_der(der: bytes) -> tuple[int, int] | None:
    """(r, s) of a DER ECDSA signature in its one strict form (re-encoding gives the same bytes), else None."""
    try:
        r, s = decode_dss_signature(der)
    except ValueError:
        return None
    if r < 0 or s < 0 or encode_dss_signature(r, s) != der:
        return None
    return r, s


def verify(public_key: object, r: int, s: int, data: bytes, *, low_s_only: bool = True) -> bool:
    """Whether (r, s) is a low-S ECDSA P-256 / SHA-256 signature of ``data`` by ``public_key``.

    The one check of both the manifest and the seal: a high-S signature (the twin anyone can make of
    a good one) is refused, as is any key that is not P-256.

    :param low_s_only: False only for what was signed before signing normalised s (format-1
        manifests, KP1 seals already printed): half of those are high-S and must keep verifying.
    """
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or not isinstance(public_key.curve, ec.SECP256R1):
        return False
    if not (0 < r < P256_ORDER and 0 < s <= (_HALF if low_s_only else P256_ORDER - 1)):
        return False
    try:
        public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True
