"""Signed notes, checkpoints and cosignatures: the C2SP formats a device's history is stated in.

A *signed note* (c2sp.org/signed-note) is UTF-8 text ending in a newline, a blank line, then one
line per signature: ``— <key name> base64(key ID ‖ signature)``. A *checkpoint*
(c2sp.org/tlog-checkpoint) is a note whose text is exactly three lines: the log's origin, its size
in decimal, and the base64 root of its Merkle tree (``store.merkle``). A *cosignature*
(c2sp.org/tlog-cosignature) is a second signature line on a checkpoint, by a witness that checked
the checkpoint extends every earlier one it saw; it signs ``cosignature/v1``, ``time <T>`` and the
checkpoint text, and carries the time ``T`` (8 bytes, big-endian) before the signature.

kpmonitor's keys are ECDSA P-256, so:

- a device signs its checkpoints with signature type 0x02 (ECDSA, as transparency-dev's witness
  does): key ID = SHA-256(SubjectPublicKeyInfo DER)[:4], signature = DER ECDSA (low-S, ``trust.ecdsa``)
  over the note text;
- headquarters cosigns with its root key. cosignature/v1 specifies Ed25519; kpmonitor keeps the
  message and the timestamped structure but signs with ECDSA P-256, so its key ID uses the type byte
  0xff followed by the identifier ``kpmonitor-cosignature-ecdsa-p256/v1`` (the byte the note spec
  reserves for types it does not assign): SHA-256(name ‖ 0x0A ‖ 0xff ‖ identifier ‖ SPKI DER)[:4].

Parsing is strict and bounded: one text per note is accepted (no control characters but newline, no
spaces or plus signs in names, canonical base64, no leading zeros in sizes), so a note has one byte
form and a changed byte fails its signature or its parse.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.errors import KPError
from kpmonitor.trust import ecdsa

MAX_NOTE_BYTES = 16 * 1024
MAX_SIGNATURES = 16
_DASH = "\u2014 "
_NAME = re.compile(r"[^\s+]{1,200}\Z")
_SIZE = re.compile(r"(0|[1-9][0-9]{0,17})\Z")
COSIGNATURE_TYPE = b"\xffkpmonitor-cosignature-ecdsa-p256/v1"
TYPE_ECDSA = b"\x02"


class NoteError(KPError):
    """A note, checkpoint or cosignature that is malformed; the message names what."""


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        return f"{_DASH}{self.name} {base64.b64encode(self.key_id + self.signature).decode('ascii')}\n"


@dataclass(frozen=True)
class Note:
    text: str  # the signed text, ending in a newline
    signatures: tuple[NoteSignature, ...]

    def format(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)

    def signed_by(self, name: str, key_id: bytes) -> list[NoteSignature]:
        return [s for s in self.signatures if s.name == name and s.key_id == key_id]

    def with_signature(self, signature: NoteSignature) -> Note:
        kept = tuple(s for s in self.signatures if (s.name, s.key_id) != (signature.name, signature.key_id))
        return Note(self.text, (*kept, signature))


def _unb64(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"{what} is not base64.") from None
    if base64.b64encode(raw).decode("ascii") != text:  # unused bits set: a second text for the same bytes
        raise NoteError(f"{what} is not in canonical base64.")
    return raw


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise NoteError("A key name must be 1 to 200 characters, without spaces or plus signs.")
    return name


def parse_note(data: str | bytes, *, max_bytes: int = MAX_NOTE_BYTES) -> Note:
    """A signed note from its text. :raises NoteError: naming what is wrong."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise NoteError(f"The note is larger than {max_bytes // 1024} KiB.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NoteError("The note is not UTF-8 text.") from None
    if any(ord(ch) < 0x20 and ch != "\n" for ch in text) or "\x7f" in text:
        raise NoteError("The note holds control characters.")
    body, sep, sigs = text.rpartition("\n\n")
    if not sep or not body or not sigs.endswith("\n"):
        raise NoteError("The note has no signature lines after a blank line.")
    signatures = []
    for line in sigs[:-1].split("\n"):
        if not line.startswith(_DASH):
            raise NoteError("A signature line of the note does not begin with an em dash and a space.")
        name, space, b64 = line[len(_DASH):].partition(" ")
        if not space or " " in b64:
            raise NoteError("A signature line of the note is not “— name signature”.")
        raw_sig = _unb64(b64, "A note signature")
        if len(raw_sig) < 5:
            raise NoteError("A note signature is too short.")
        signatures.append(NoteSignature(check_name(name), raw_sig[:4], raw_sig[4:]))
    if len(signatures) > MAX_SIGNATURES:
        raise NoteError(f"The note has more than {MAX_SIGNATURES} signatures.")
    return Note(body + "\n", tuple(signatures))


def _spki(public_key: ec.EllipticCurvePublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def ecdsa_key_id(public_key: ec.EllipticCurvePublicKey) -> bytes:
    """Signature type 0x02's key ID: the first four bytes of SHA-256 of the key's SubjectPublicKeyInfo."""
    return hashlib.sha256(_spki(public_key)).digest()[:4]


def cosigner_key_id(name: str, public_key: ec.EllipticCurvePublicKey) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\n" + COSIGNATURE_TYPE + _spki(public_key)).digest()[:4]


def sign(text: str, name: str, key: ec.EllipticCurvePrivateKey) -> Note:
    """``text`` signed by ``key`` under ``name`` (signature type 0x02)."""
    if not text.endswith("\n"):
        raise NoteError("A note's text ends in a newline.")
    signature = ecdsa.sign_der(key, text.encode("utf-8"))
    return Note(text, (NoteSignature(check_name(name), ecdsa_key_id(key.public_key()), signature),))


def verified(note: Note, name: str, public_key: ec.EllipticCurvePublicKey) -> bool:
    """Whether ``note`` carries a valid signature by ``public_key`` under ``name`` (and none that fails)."""
    mine = note.signed_by(name, ecdsa_key_id(public_key))
    return bool(mine) and all(_ecdsa_ok(public_key, s.signature, note.text.encode("utf-8")) for s in mine)


def _ecdsa_ok(public_key: ec.EllipticCurvePublicKey, der: bytes, message: bytes) -> bool:
    rs = ecdsa.parse_der(der)
    return rs is not None and ecdsa.verify(public_key, rs[0], rs[1], message)


def _cosigned_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def cosign(note: Note, name: str, key: ec.EllipticCurvePrivateKey, timestamp: int) -> Note:
    """``note`` (a checkpoint) with headquarters' cosignature at ``timestamp`` (POSIX seconds) added."""
    if not 0 <= timestamp < 1 << 63:
        raise NoteError("A cosignature's time is out of range.")
    der = ecdsa.sign_der(key, _cosigned_message(note.text, timestamp))
    return note.with_signature(NoteSignature(check_name(name), cosigner_key_id(name, key.public_key()),
                                             struct.pack(">Q", timestamp) + der))


def cosigned_at(note: Note, name: str, public_key: ec.EllipticCurvePublicKey) -> int | None:
    """The time of ``note``'s valid cosignature by ``public_key`` under ``name``, or None."""
    times = []
    for s in note.signed_by(name, cosigner_key_id(name, public_key)):
        if len(s.signature) < 9:
            return None
        (timestamp,) = struct.unpack(">Q", s.signature[:8])
        if timestamp >= 1 << 63 or not _ecdsa_ok(public_key, s.signature[8:], _cosigned_message(note.text, timestamp)):
            return None
        times.append(timestamp)
    return max(times) if times else None


@dataclass(frozen=True)
class Checkpoint:
    """A log's size and Merkle root under its origin: the text of a checkpoint note."""

    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode('ascii')}\n"

    @property
    def root_b64(self) -> str:
        return base64.b64encode(self.root).decode("ascii")


def parse_checkpoint(text: str) -> Checkpoint:
    """A checkpoint from a note's text: origin, size and root, and nothing else.

    :raises NoteError: when the text is not exactly those three lines.
    """
    lines = text.split("\n")
    if len(lines) != 4 or lines[3] != "":
        raise NoteError("A checkpoint is three lines: the origin, the size and the root.")
    origin, size, root = lines[:3]
    check_name(origin)
    if not _SIZE.match(size):
        raise NoteError("A checkpoint's size is a decimal number without leading zeros.")
    raw = _unb64(root, "A checkpoint's root")
    if len(raw) != 32:
        raise NoteError("A checkpoint's root is not a SHA-256 hash.")
    return Checkpoint(origin, int(size), raw)


def b64_hashes(hashes: Iterable[bytes]) -> list[str]:
    return [base64.b64encode(h).decode("ascii") for h in hashes]


def hashes_from_b64(values: object, what: str, limit: int = 64) -> list[bytes]:
    """A list of base64 SHA-256 hashes (a proof), bounded. :raises NoteError:"""
    if not isinstance(values, list) or len(values) > limit or not all(isinstance(v, str) for v in values):
        raise NoteError(f"{what} is not a list of at most {limit} hashes.")
    out = [_unb64(v, what) for v in values]
    if any(len(h) != 32 for h in out):
        raise NoteError(f"{what} holds something that is not a SHA-256 hash.")
    return out
