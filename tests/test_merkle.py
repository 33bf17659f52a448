"""The Merkle tree of the audit log, held to RFC 9162 through the reference vectors of transparency-dev/merkle."""

from __future__ import annotations

import hashlib

import pytest

from kpmonitor.store.merkle import EMPTY_ROOT, Tree, leaf_hash, verify_consistency, verify_inclusion

# The reference implementation's test leaves, and the roots of the trees of their first 1..8.
LEAVES = [bytes.fromhex(h) for h in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                      "606162636465666768696a6b6c6d6e6f")]
ROOTS = [bytes.fromhex(h) for h in (
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
CONSISTENCY = {
    (1, 8): ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
    (6, 8): ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
    (2, 5): ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
    (6, 7): ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
             "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
}
INCLUSION = {
    (0, 8): ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
    (5, 8): ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
    (2, 3): ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    (1, 5): ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
}

TREE = Tree([leaf_hash(d) for d in LEAVES])


def test_roots_match_the_reference() -> None:
    assert TREE.root(0) == EMPTY_ROOT == hashlib.sha256(b"").digest()
    assert [TREE.root(n) for n in range(1, 9)] == ROOTS


@pytest.mark.parametrize(("old", "new"), sorted(CONSISTENCY))
def test_consistency_proofs_match_the_reference_and_verify(old: int, new: int) -> None:
    proof = TREE.consistency_proof(old, new)
    assert [p.hex() for p in proof] == CONSISTENCY[(old, new)]
    assert verify_consistency(old, new, ROOTS[old - 1], ROOTS[new - 1], proof)


@pytest.mark.parametrize(("index", "size"), sorted(INCLUSION))
def test_inclusion_proofs_match_the_reference_and_verify(index: int, size: int) -> None:
    proof = TREE.inclusion_proof(index, size)
    assert [p.hex() for p in proof] == INCLUSION[(index, size)]
    assert verify_inclusion(leaf_hash(LEAVES[index]), index, size, proof, ROOTS[size - 1])


def _corruptions(old: int, new: int, r1: bytes, r2: bytes, proof: list[bytes]) -> list[tuple[object, ...]]:
    """The reference's own list of ways a consistency proof must fail (wrong sizes, roots, garbage, a bit)."""
    out: list[tuple[object, ...]] = [
        (old - 1, new, r1, r2, proof), (old + 1, new, r1, r2, proof), (old ^ 2, new, r1, r2, proof),
        (old, new * 2, r1, r2, proof), (old, new // 2, r1, r2, proof),
        (old, new, b"WrongRoot", r2, proof), (old, new, r1, b"WrongRoot", proof), (old, new, r2, r1, proof),
        (old, new, r1, r2, []), (old, new, r1, r2, [*proof, b""]), (old, new, r1, r2, [*proof, r1]),
        (old, new, r1, r2, [*proof, r2]), (old, new, r1, r2, [b"", *proof]), (old, new, r1, r2, [r1, *proof]),
        (old, new, r1, r2, [r2, *proof]), (old, new, r1, r2, [proof[0], *proof]), (old, new, r1, r2, proof[:-1]),
    ]
    for i in range(len(proof)):
        flipped = list(proof)
        flipped[i] = bytes([flipped[i][0] ^ 16]) + flipped[i][1:]
        out.append((old, new, r1, r2, flipped))
    return out


@pytest.mark.parametrize(("old", "new"), sorted(CONSISTENCY))
def test_a_changed_consistency_proof_or_claim_never_verifies(old: int, new: int) -> None:
    proof = TREE.consistency_proof(old, new)
    for probe in _corruptions(old, new, ROOTS[old - 1], ROOTS[new - 1], proof):
        assert not verify_consistency(*probe), probe  # type: ignore[arg-type]


def test_every_pair_of_sizes_is_consistent_and_a_rewritten_leaf_is_not() -> None:
    leaves = [leaf_hash(i.to_bytes(4, "big")) for i in range(70)]
    tree = Tree(leaves)
    for new in range(1, 71):
        for old in range(0, new + 1):
            proof = tree.consistency_proof(old, new)
            assert verify_consistency(old, new, tree.root(old), tree.root(new), proof), (old, new)
        for index in range(new):
            assert verify_inclusion(leaves[index], index, new, tree.inclusion_proof(index, new), tree.root(new))
    # A history with event 10 rewritten: no old tree that holds event 10 is consistent with it.
    rewritten = Tree([*leaves[:10], leaf_hash(b"edited"), *leaves[11:]])
    for old in range(11, 70):
        proof = rewritten.consistency_proof(old, 70)
        assert not verify_consistency(old, 70, tree.root(old), rewritten.root(70), proof)
    for old in range(0, 11):  # trees that end before the edit are still its prefix
        assert verify_consistency(old, 70, tree.root(old), rewritten.root(70), rewritten.consistency_proof(old, 70))


def test_the_trivial_cases() -> None:
    assert verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert verify_consistency(0, 5, b"anything", ROOTS[4], [])
    assert not verify_consistency(0, 5, b"anything", ROOTS[4], [EMPTY_ROOT])
    assert verify_consistency(3, 3, ROOTS[2], ROOTS[2], [])
    assert not verify_consistency(3, 3, ROOTS[2], ROOTS[3], [])
    assert not verify_consistency(4, 3, ROOTS[3], ROOTS[2], [])
    assert not verify_inclusion(ROOTS[0], 1, 1, [], ROOTS[0])
    with pytest.raises(ValueError):
        TREE.consistency_proof(5, 9)
