"""Drafts from the command line, as the desktop app has them: delete (undoable), restore, edit from a document."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor.cli.main import cli
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run(home, "init", "--role", "field", "--name", "Jane Monitor").exit_code == 0
    return home


def new(home: Path, tmp_path: Path, doc: dict[str, Any], name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    created = run(home, "new", "--from-json", str(path))
    assert created.exit_code == 0, created.output
    return created.output.strip().splitlines()[-1]


def listed(home: Path) -> list[str]:
    return [row["id"] for row in json.loads(run(home, "list", "--json").output)]


def with_seals(doc: dict[str, Any], cert: str, numbers: list[str]) -> dict[str, Any]:
    other = copy.deepcopy(doc)
    other["certificate"]["number"] = cert
    for seal, number in zip(other["seals"], numbers, strict=False):
        seal["number"] = number
    other["seals"] = other["seals"][:len(numbers)]
    return other


def test_delete_hides_a_draft_and_restore_brings_it_back(home: Path, tmp_path: Path,
                                                        example_doc: dict[str, Any]) -> None:
    draft = new(home, tmp_path, example_doc)
    deleted = run(home, "delete", draft[:8])
    assert deleted.exit_code == 0 and f"kpmonitor restore {draft[:8]}" in deleted.output
    assert draft not in listed(home)
    restored = run(home, "restore", draft[:8])
    assert restored.exit_code == 0 and "Restored" in restored.output
    assert draft in listed(home)


def test_restore_refuses_a_draft_whose_seal_is_now_used_elsewhere(home: Path, tmp_path: Path,
                                                                example_doc: dict[str, Any]) -> None:
    # Delete draft A, put A's seal on draft B, restore A: both would carry the same seal number.
    seal = example_doc["seals"][0]["number"]
    a = new(home, tmp_path, example_doc, "a.json")
    assert run(home, "delete", a).exit_code == 0
    b = new(home, tmp_path, with_seals(example_doc, "ZW 009999", [seal]), "b.json")

    refused = run(home, "restore", a)
    assert refused.exit_code == 1
    assert seal in refused.output and "ZW 009999" in refused.output and "stays deleted" in refused.output
    assert a not in listed(home) and b in listed(home)
    with Workspace(Paths.for_home(home)) as ws:  # A is kept, deleted, with its seal: only B is live
        assert ws.store.count() == 1 and ws.store.count(include_deleted=True) == 2
        assert seal in [s.number for s in ws.store.get(a).seals]


def test_restore_works_again_once_the_seal_is_free(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    seal = example_doc["seals"][0]["number"]
    a = new(home, tmp_path, example_doc, "a.json")
    run(home, "delete", a)
    b = new(home, tmp_path, with_seals(example_doc, "ZW 009999", [seal]), "b.json")
    assert run(home, "restore", a).exit_code == 1
    run(home, "delete", b)
    assert run(home, "restore", a).exit_code == 0 and a in listed(home)


def test_edit_replaces_a_draft_from_a_document(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    draft = new(home, tmp_path, example_doc)
    changed = copy.deepcopy(example_doc)
    changed["certificate"]["exporter"]["name"] = "Marange Resources (Pvt) Ltd"
    changed["parcels"][1]["weighed_carats"] = "600.24"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed), encoding="utf-8")
    edited = run(home, "edit", draft[:8], "--from-json", str(path))
    assert edited.exit_code == 0, edited.output
    assert edited.output.strip().splitlines()[-1] == draft
    shown = json.loads(run(home, "show", draft, "--json").output)
    assert shown["certificate"]["exporter"]["name"] == "Marange Resources (Pvt) Ltd"
    assert [p["weighed_carats"] for p in shown["parcels"]] == ["600.27", "600.24"]
    # Its own seals are not a reuse: the same numbers stay on the same draft.
    assert [s["number"] for s in shown["seals"]] == [s["number"] for s in example_doc["seals"]]
    assert listed(home) == [draft]


def test_edit_with_errors_is_refused_and_leaves_the_draft_as_it_was(home: Path, tmp_path: Path,
                                                                   example_doc: dict[str, Any]) -> None:
    draft = new(home, tmp_path, example_doc)
    before = json.loads(run(home, "show", draft, "--json").output)
    broken = copy.deepcopy(example_doc)
    broken["certificate"]["hs_codes"] = ["7102.99"]
    broken["certificate"]["carats"] = "12,345"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    refused = run(home, "edit", draft, "--from-json", str(path))
    assert refused.exit_code == 1 and "7102.99" in refused.output and "12,345" in refused.output
    assert json.loads(run(home, "show", draft, "--json").output) == before


def test_edit_refuses_a_seal_used_on_another_inspection(home: Path, tmp_path: Path,
                                                       example_doc: dict[str, Any]) -> None:
    a = new(home, tmp_path, example_doc, "a.json")
    b = new(home, tmp_path, with_seals(example_doc, "ZW 009999", ["ZW-S-777777"]), "b.json")
    taken = with_seals(example_doc, "ZW 009999", [example_doc["seals"][0]["number"]])
    path = tmp_path / "taken.json"
    path.write_text(json.dumps(taken), encoding="utf-8")
    refused = run(home, "edit", b, "--from-json", str(path))
    assert refused.exit_code == 1 and example_doc["seals"][0]["number"] in refused.output
    shown = json.loads(run(home, "show", b, "--json").output)
    assert [s["number"] for s in shown["seals"]] == ["ZW-S-777777"]
    assert a in listed(home)


def test_edit_refuses_a_deleted_draft(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    draft = new(home, tmp_path, example_doc)
    path = tmp_path / "same.json"
    path.write_text(json.dumps(example_doc), encoding="utf-8")
    with Workspace(Paths.for_home(home)) as ws:
        ws.store.delete_inspection(draft)
    refused = run(home, "edit", draft, "--from-json", str(path))
    assert refused.exit_code == 1 and "restore it first" in refused.output


def test_list_shows_counts_made_again_after_a_crash_left_them_behind(home: Path, tmp_path: Path,
                                                                   example_doc: dict[str, Any]) -> None:
    heavy = copy.deepcopy(example_doc)
    heavy["parcels"][0]["weighed_carats"] = "601.00"  # one warning: off its declared weight
    draft = new(home, tmp_path, heavy)
    with Workspace(Paths.for_home(home)) as ws:  # as if the process died between the change and its count
        ws.store.conn.execute("DELETE FROM validation WHERE inspection_id = ?", [draft])
        ws.store.conn.commit()
    rows = json.loads(run(home, "list", "--json").output)
    assert [(r["id"], r["errors"], r["warnings"]) for r in rows] == [(draft, 0, 1)]
