"""The device's signed checkpoint of its audit log, made at every signing, and its proofs.

At each signing the device signs a checkpoint (``trust.note``) of its audit log as the report's
snapshot saw it: the log's size (the audit event the snapshot names) and the Merkle root of the
event hashes (``store.merkle``). The bundle's manifest carries, under ``history``:

``checkpoint``
    the signed checkpoint note: origin ``kpmonitor/device/<device id>``, size, root;
``head_proof``
    the inclusion proof of the snapshot's audit head as the checkpoint's last leaf, so the head
    the report names is the one the checkpoint commits to;
``proofs``
    a consistency proof from every earlier checkpoint of this device that headquarters may hold
    as its latest: every checkpoint since the newest receipt the device installed (headquarters
    receipted that one, so it holds it or a later one). Headquarters checks the new checkpoint
    extends the one it holds (``hq.history``).

A history rewritten behind kpmonitor's back, truncated or restored from an old copy then has a
root that no proof from headquarters' checkpoint reaches: the bundle is refused with an alert,
whatever the device's owner knows (the passphrase signs new checkpoints, never old ones that
headquarters already holds).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from kpmonitor.store.audit import Head
from kpmonitor.store.merkle import Tree, leaf_hash, verify_consistency, verify_inclusion
from kpmonitor.trust import note
from kpmonitor.trust.note import Checkpoint, NoteError

ORIGIN_PREFIX = "kpmonitor/device/"
MAX_PROOFS = 4096  # a device that never installs a receipt: about four years of reports


def device_origin(device_id: str) -> str:
    """A device's log name: its checkpoints' origin line and their signatures' key name."""
    return ORIGIN_PREFIX + device_id


def leaf_of(event_hash: str) -> bytes:
    """The Merkle leaf of one audit event: its chain hash (which covers its content and its predecessor)."""
    return leaf_hash(bytes.fromhex(event_hash))


def log_root_problem(tree: Tree, size: int, root: bytes) -> str | None:
    """Whether the log (``tree``) has ``root`` at ``size`` events, as a checkpoint of it states; a sentence when not.

    The one judgement of a local log against a checkpoint: signing, ``receipts install`` and ``audit verify``.
    """
    if tree.size < size:
        return (f"The audit log has {tree.size} events, but a checkpoint of it at event {size} was signed: the log "
                "was truncated or restored from an old copy.")
    if tree.root(size) != root:
        return f"The audit log up to event {size} is not the one that was signed at that event: it was rewritten."
    return None


@dataclass(frozen=True)
class HistoryPlan:
    """What signing reads from the store for the checkpoint: the event hashes and the checkpoints to prove from."""

    head: Head
    event_hashes: Sequence[str]  # the chain hashes of events 1..head.seq (hashed into leaves off the caller's thread)
    earlier: Sequence[tuple[int, str]]  # (size, base64 root) of checkpoints headquarters may hold as its latest
    receipted: tuple[int, str] | None = None  # (size, base64 root) headquarters cosigned in the newest receipt


@dataclass(frozen=True)
class MadeHistory:
    section: dict[str, Any]  # the manifest's ``history``
    row: dict[str, Any]  # the device's ``checkpoints`` row


def make_history(plan: HistoryPlan, key: ec.EllipticCurvePrivateKey, device_id: str) -> MadeHistory:
    """Sign the checkpoint of ``plan``'s log with the device key, with the proofs headquarters needs.

    :raises KPError: when an earlier checkpoint of this device is not a prefix of the log (the log was
        rewritten since it was signed): the device refuses to sign on a history it contradicts.
    """
    tree = Tree([leaf_of(h) for h in plan.event_hashes])
    size = plan.head.seq
    checkpoint = Checkpoint(device_origin(device_id), size, tree.root(size))
    signed = note.sign(checkpoint.text(), checkpoint.origin, key)
    if plan.receipted is not None:
        problem = log_root_problem(tree, plan.receipted[0], base64.b64decode(plan.receipted[1]))
        if problem is not None:
            raise NoteError(f"The audit log does not hold the history headquarters' receipt cosigned: {problem} "
                            "kpmonitor will not sign on it; run kpmonitor audit verify, and tell headquarters.")
    proofs = []
    for old_size, old_root in plan.earlier[-MAX_PROOFS:]:
        if old_size >= size:
            continue
        problem = log_root_problem(tree, old_size, base64.b64decode(old_root))
        if problem is not None:
            raise NoteError(f"This device's own checkpoint does not match its audit log (the log was changed after "
                            f"it was signed): {problem} kpmonitor will not sign on it; run kpmonitor audit verify.")
        proofs.append({"size": old_size, "root": old_root,
                       "proof": note.b64_hashes(tree.consistency_proof(old_size, size))})
    section = {"checkpoint": signed.format(), "proofs": proofs,
               "head_proof": note.b64_hashes(tree.inclusion_proof(size - 1, size))}
    row = {"size": size, "root": checkpoint.root_b64, "note": signed.format()}
    return MadeHistory(section, row)


@dataclass(frozen=True)
class CheckedHistory:
    """A bundle's history section, checked on its own: the signed checkpoint and the earlier roots it proves."""

    checkpoint: Checkpoint
    note: str  # the checkpoint note with the device's signature, as the bundle carries it
    claims: dict[int, bytes]  # size → root of every earlier checkpoint the bundle proves it extends


def check_history(section: Any, public_key: ec.EllipticCurvePublicKey, device_id: str,
                  audit: Mapping[str, Any]) -> CheckedHistory:
    """Check a manifest's ``history``: the device signed it, it ends at the report's audit head, its proofs hold.

    :param audit: the report's ``{"seq", "head"}`` (the manifest's, which the snapshot repeats).
    :raises NoteError: with the sentence of the first thing wrong.
    """
    if not isinstance(section, dict) or set(section) != {"checkpoint", "proofs", "head_proof"}:
        raise NoteError("The history section is not a checkpoint with its proofs.")
    if not isinstance(section["checkpoint"], str):
        raise NoteError("The history checkpoint is not a note.")
    signed = note.parse_note(section["checkpoint"])
    checkpoint = note.parse_checkpoint(signed.text)
    origin = device_origin(device_id)
    if checkpoint.origin != origin:
        raise NoteError("The history checkpoint is of another device's log than the report's.")
    if not note.verified(signed, origin, public_key):
        raise NoteError("The history checkpoint is not signed by the report's device key.")
    if signed.format() != section["checkpoint"]:
        raise NoteError("The history checkpoint is not in its one written form.")
    seq, head = audit.get("seq"), audit.get("head")
    if checkpoint.size != seq or not isinstance(head, str):
        raise NoteError(f"The history checkpoint is of audit event {checkpoint.size}, but the report was signed at "
                        f"event {seq}.")
    head_proof = note.hashes_from_b64(section["head_proof"], "The head proof")
    if not verify_inclusion(leaf_of(head), checkpoint.size - 1, checkpoint.size, head_proof, checkpoint.root):
        raise NoteError("The report's audit head is not the last event of the history checkpoint.")
    return CheckedHistory(checkpoint, signed.format(), _claims(section["proofs"], checkpoint))


def _claims(proofs: Any, checkpoint: Checkpoint) -> dict[int, bytes]:
    if not isinstance(proofs, list) or len(proofs) > MAX_PROOFS:
        raise NoteError(f"The history's proofs are not a list of at most {MAX_PROOFS}.")
    claims: dict[int, bytes] = {}
    for item in proofs:
        if not (isinstance(item, dict) and set(item) == {"size", "root", "proof"} and type(item["size"]) is int
                and 0 < item["size"] < checkpoint.size and isinstance(item["root"], str)):
            raise NoteError("A history proof is not a size below the checkpoint's, a root and a proof.")
        if item["size"] in claims or (claims and item["size"] < max(claims)):
            raise NoteError("The history's proofs are not in order of size, each once.")
        root = note.hashes_from_b64([item["root"]], "A history proof's root")[0]
        proof = note.hashes_from_b64(item["proof"], "A history proof")
        if not verify_consistency(item["size"], checkpoint.size, root, checkpoint.root, proof):
            raise NoteError(f"The history checkpoint does not extend the device's checkpoint at audit event "
                            f"{item['size']}: its proof fails.")
        claims[item["size"]] = root
    return claims
