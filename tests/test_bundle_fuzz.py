"""Random damage to real bundles: every damaged bundle is refused, and headquarters' store never changes.

A bundle's every byte is determined by its files (see kpmonitor/bundle.py): file bytes by the hashes in the
signed manifest, the manifest by its signature, the signature text by its one base64 form, and every zip
header byte by the single layout kpmonitor writes. So there is no padding where a flipped byte could hide,
and every mutant must be refused — not imported, not "already imported", not a conflict.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.bundle.format import write_zip
from kpmonitor.hq.importer import Importer
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.test_bundle import entries_of, example, export, make_device, make_hq, photo, sign_doc

ITERATIONS = 600
REZIPPED = 150
SEED = 20091105  # the Joint Work Plan's year; any fixed seed keeps a failure reproducible


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("fuzz")
    hq = make_hq(base / "hq")
    field = make_device(base / "field", "Fuzz Monitor", hq)
    first = sign_doc(field, example(), [photo(21), photo(22, "Seal")])
    doc = example()
    doc["certificate"]["number"] = "ZW 009001"
    doc["seals"] = [{"number": "ZW-C-009001", "type": "bolt", "iso_class": "H", "parcel": None}]
    second = sign_doc(field, doc)
    amended = sign_doc(field, {}, supersedes=first, changes={"site": "Re-weighed at the vault"})
    out = base / "out"
    files = [export(field, rid, out) for rid in (first, second, amended)]
    return {"base": base, "hq": hq, "files": [f.read_bytes() for f in files]}


def _state(ws: Workspace) -> tuple[Any, ...]:
    conn = ws.store.conn
    tables = [conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("hq_reports", "hq_seals",
                                                                                  "hq_photos")]
    return ws.store.audit_head(), hashlib.sha256(repr(tables).encode()).hexdigest()


def test_every_randomly_damaged_bundle_is_refused_and_changes_nothing(bundles: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    home = tmp_path / "hq"
    shutil.copytree(bundles["hq"], home)
    rng = random.Random(SEED)
    started = time.monotonic()
    with Workspace(Paths.for_home(home)) as ws:
        importer = Importer(ws)
        # One report is already there: damage to its bundle must not pass as "already imported".
        assert importer.import_data(Path("good.kpbundle"), bundles["files"][0]).outcome == "imported"
        before = _state(ws)
        outcomes: dict[str, int] = {}
        for i in range(ITERATIONS):
            original = bundles["files"][i % len(bundles["files"])]
            data = bytearray(original)
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= rng.randint(1, 255)
            result = importer.import_data(Path(f"mutant-{i}.kpbundle"), bytes(data))
            outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
            assert result.outcome == "refused", (i, result)
            assert result.sentence.endswith((".", ")", "”")), result.sentence
            assert _state(ws) == before, i
        assert outcomes == {"refused": ITERATIONS}
        # Damage inside one file, then a well-formed archive around it (as someone with kpmonitor's own
        # writer could make): the layout is right, so the signed hashes must catch it.
        for i in range(REZIPPED):
            entries = entries_of(bundles["files"][i % len(bundles["files"])])
            name = rng.choice(sorted(entries))
            body = bytearray(entries[name])
            for _ in range(rng.randint(1, 4)):
                body[rng.randrange(len(body))] ^= rng.randint(1, 255)
            entries[name] = bytes(body)
            result = importer.import_data(Path(f"rezipped-{i}.kpbundle"), write_zip(entries))
            assert result.outcome == "refused", (i, name, result)
            assert _state(ws) == before, i
        assert ws.store.verify_audit().ok
        # The originals still import afterwards: nothing the mutants did is in the way.
        assert [importer.import_data(Path(f"{n}.kpbundle"), d).outcome
                for n, d in enumerate(bundles["files"])] == ["already", "imported", "imported"]
    assert time.monotonic() - started < 60
