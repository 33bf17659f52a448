"""The checkpoint a signing adds: the Merkle root of the audit log and the proofs, at a log of N events.

Ours: ``history.checkpoint.make_history`` for a log of N events with K earlier checkpoints to prove from
(the device never installed a receipt): the tree's root, a consistency proof from each earlier
checkpoint, the head's inclusion proof, and the ECDSA signature of the note. Floor, in the same run:
hashing the N leaves and the N − 1 inner nodes once with hashlib (the least any Merkle root over
those events costs), plus one ECDSA signature. Prints both medians and the ratio; the signing itself
(PDF, PAdES) costs about a second on these machines, so what matters is that this stays a small part.

``python bench/checkpoint.py [--events N] [--earlier K] [--runs R]``
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import statistics
import time

from kpmonitor.history.checkpoint import HistoryPlan, leaf_of, make_history
from kpmonitor.store.audit import Head
from kpmonitor.store.merkle import Tree
from kpmonitor.trust import ecdsa, identity


def floor(leaves: list[bytes], key: object) -> bytes:
    level = [hashlib.sha256(b"\x00" + leaf).digest() for leaf in leaves]
    while len(level) > 1:
        nxt = [hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    ecdsa.sign_der(key, level[0])  # type: ignore[arg-type]
    return level[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--earlier", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    key = identity.generate_key()
    hashes = [hashlib.sha256(i.to_bytes(8, "big")).hexdigest() for i in range(args.events)]
    raw = [bytes.fromhex(h) for h in hashes]
    step = max(1, args.events // (args.earlier + 1))
    whole = Tree([leaf_of(h) for h in hashes])
    earlier = [(s, base64.b64encode(whole.root(s)).decode()) for s in range(step, args.events, step)][:args.earlier]
    ours, base = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        floor(raw, key)
        base.append(time.perf_counter() - started)
        started = time.perf_counter()
        plan = HistoryPlan(Head(args.events, hashes[-1]), hashes, earlier)
        made = make_history(plan, key, "0" * 32)
        ours.append(time.perf_counter() - started)
    size = len(str(made.section))
    print(f"events {args.events:,}, earlier checkpoints {len(earlier):,}, history section {size / 1024:,.0f} KiB")
    print(f"ours  (root, {len(earlier):,} proofs, signature): median {statistics.median(ours) * 1000:,.0f} ms")
    print(f"floor (one pass of hashing, signature):        median {statistics.median(base) * 1000:,.0f} ms")
    print(f"ratio {statistics.median(ours) / statistics.median(base):.2f}")


if __name__ == "__main__":
    main()
