"""The command line end to end, as scripts and headquarters use it: exit codes, JSON, sentences."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kpmonitor.cli.main import cli


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def run(home: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], input=input, catch_exceptions=False)


def write(tmp_path: Path, doc: dict[str, Any], name: str = "doc.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_init_creates_a_home_once(home: Path) -> None:
    first = run(home, "init", "--role", "field", "--name", "Jane Monitor")
    assert first.exit_code == 0 and "field home for Jane Monitor" in first.output
    again = run(home, "init", "--role", "hq", "--name", "KP HQ")
    assert again.exit_code == 1 and "already exists" in again.output
    info = json.loads((home / "home.json").read_text())
    assert info["role"] == "field" and len(info["device_id"]) == 32


def test_usage_errors_exit_2(home: Path) -> None:
    assert run(home, "init", "--role", "boss", "--name", "x").exit_code == 2
    assert run(home, "no-such-command").exit_code == 2


def test_commands_on_a_missing_home_say_what_to_do(home: Path) -> None:
    result = run(home, "list")
    assert result.exit_code == 1 and "kpmonitor init" in result.output


def test_new_show_list_round_trip(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    created = run(home, "new", "--from-json", str(write(tmp_path, example_doc)))
    assert created.exit_code == 0, created.output
    inspection_id = created.output.strip().splitlines()[-1]
    assert len(inspection_id) == 32

    shown = json.loads(run(home, "show", inspection_id[:8], "--json").output)
    assert shown["certificate"]["carats"] == "1200.50" and shown["certificate"]["value_usd"] == "36015.00"
    assert shown["parcels"][0]["weighed_carats"] == "600.27" and shown["problems"] == []
    assert shown["status"] == "draft" and shown["monitor"] == "Jane Monitor"

    listed = json.loads(run(home, "list", "--json").output)
    assert [r["id"] for r in listed] == [inspection_id]
    assert listed[0]["carats"] == "1200.50" and listed[0]["errors"] == 0

    text = run(home, "show", inspection_id).output
    assert "ZW 004217" in text and "ready to sign" in text
    assert run(home, "list", "--search", "ZW-C-000017").output.startswith(inspection_id[:8])
    assert "No inspection matches" in run(home, "list", "--search", "Okavango").output


def test_a_document_with_errors_is_refused_whole(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    example_doc["certificate"]["hs_codes"] = ["7102.39"]
    example_doc["certificate"]["carats"] = "1,200"
    example_doc["parcels"][1]["declared_carats"] = 600.25
    result = run(home, "new", "--from-json", str(write(tmp_path, example_doc)))
    assert result.exit_code == 1
    assert "HS 7102.39 is outside the Kimberley Process" in result.output
    assert "certificate.carats" in result.output and "ambiguous" in result.output
    assert "parcels[1].declared_carats" in result.output and "JSON float" in result.output
    assert json.loads(run(home, "list", "--json").output) == []
    assert "intact: 0 events" in run(home, "audit", "verify").output


def test_warnings_are_stored_and_shown(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    example_doc["parcels"][0]["weighed_carats"] = "612.00"
    result = run(home, "new", "--from-json", str(write(tmp_path, example_doc)))
    assert result.exit_code == 0
    assert "warning parcels[0].weighed_carats: Parcel 1 weighs 612.00 ct" in result.output
    assert json.loads(run(home, "list", "--json").output)[0]["warnings"] == 1


def test_invalid_json_gets_a_sentence(home: Path, tmp_path: Path) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run(home, "new", "--from-json", str(bad))
    assert result.exit_code == 1 and "not valid JSON" in result.output


def test_photo_add_links_parcel_and_refuses_junk(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    from PIL import Image

    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    inspection_id = run(home, "new", "--from-json", str(write(tmp_path, example_doc))).output.strip()
    good = tmp_path / "scale.jpg"
    Image.new("RGB", (640, 480), (200, 180, 160)).save(good, quality=90)
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = run(home, "photo", "add", inspection_id, str(good), str(junk), "--parcel", "1",
                 "--caption", "Parcel 1 on the scale")
    assert result.exit_code == 1  # one file was refused
    assert "added: scale.jpg" in result.output and "refused: junk.jpg" in result.output
    photos = json.loads(run(home, "show", inspection_id, "--json").output)["photos"]
    assert len(photos) == 1 and photos[0]["parcel"] == "1" and photos[0]["caption"] == "Parcel 1 on the scale"
    again = run(home, "photo", "add", inspection_id, str(good))
    assert again.exit_code == 0 and "already attached" in again.output
    missing_parcel = run(home, "photo", "add", inspection_id, str(good), "--parcel", "9")
    assert missing_parcel.exit_code == 1 and "no parcel 9" in missing_parcel.output


def test_demo_fills_a_home_with_photos(home: Path) -> None:
    result = run(home, "demo", "--inspections", "3")
    assert result.exit_code == 0, result.output
    listed = json.loads(run(home, "list", "--json").output)
    assert len(listed) == 3
    shown = json.loads(run(home, "show", listed[0]["id"], "--json").output)
    assert len(shown["photos"]) >= 3 and shown["photos"][0]["taken_at"]
    assert run(home, "audit", "verify").exit_code == 0


def test_the_installed_entry_point_runs(home: Path, tmp_path: Path, example_doc: dict[str, Any]) -> None:
    """Through a real process, as a script would call it: exit codes and stdout only."""
    env = {**os.environ, "KPMONITOR_HOME": str(home)}
    exe = [sys.executable, "-m", "kpmonitor.cli"]
    assert subprocess.run([*exe, "init", "--role", "field", "--name", "J"], env=env).returncode == 0
    out = subprocess.run([*exe, "new", "--from-json", str(write(tmp_path, example_doc))], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0 and len(out.stdout.strip()) == 32
    assert subprocess.run([*exe, "show", "0000"], env=env, capture_output=True).returncode == 1


def test_self_test_passes_on_this_install() -> None:
    """What a support person runs on a monitor's laptop: exit 0 and a line per step."""
    result = subprocess.run([sys.executable, "-m", "kpmonitor.cli", "--self-test"], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "KPMONITOR_PASSPHRASE"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\nok ") + result.stdout.startswith("ok ") == 8
    assert "self-test passed" in result.stdout


def test_a_home_made_without_a_key_gets_one_with_keys_init(home: Path) -> None:
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import init_home

    init_home(Paths.for_home(home), "field", "Jane Monitor")  # as an older version or a script might
    assert "no signing key yet" in run(home, "keys", "request", "--out", str(home / "req.pem")).output
    assert run(home, "keys", "init").exit_code == 0
    shown = json.loads(run(home, "keys", "show", "--json").output)
    assert shown["signing_certificate"]["self_signed"] is True
    assert run(home, "keys", "request", "--out", str(home / "req.pem")).exit_code == 0


def test_show_reads_amounts_and_moments_as_every_screen_does(home: Path, tmp_path: Path,
                                                             example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    example_doc["parcels"][1]["weighed_carats"] = "598.75"
    example_doc["seals"][0]["events"] = [{"kind": "verified_intact", "at": "2026-11-21T10:40:00+02:00"}]
    inspection_id = run(home, "new", "--from-json", str(write(tmp_path, example_doc))).output.strip().splitlines()[-1]
    text = run(home, "show", inspection_id).output
    assert "at 2026-11-21 09:30 UTC+02:00" in text  # as recorded, its zone named
    assert "600.27 ct (+0.02)" in text and "598.75 ct (−1.50)" in text  # a real minus sign
    assert "verified intact 2026-11-21 10:40 UTC+02:00" in text and "T10:40" not in text


def test_show_names_who_applied_each_seal_and_the_actor_of_each_event(home: Path, tmp_path: Path,
                                                                      example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    example_doc["seals"][0]["events"] = [{"kind": "applied"},
                                         {"kind": "verified_intact", "at": "2026-11-21T10:40:00+02:00",
                                          "by": "Jane Monitor"}]
    example_doc["seals"][1]["witness"] = ""
    created = run(home, "new", "--from-json", str(write(tmp_path, example_doc)))
    # An empty witness is a warning, named for its seal, that the monitor acknowledges as any other.
    assert "warning seals[1].witness: Seal ZW-C-000017: no witness to its application is recorded" in created.output
    inspection_id = created.output.strip().splitlines()[-1]
    text = run(home, "show", inspection_id).output
    assert "applied by MMCZ officer, witness KP monitor" in text
    # The application is the sealing officer's, as the form says; the verification is the monitor's.
    assert "[applied 2026-11-21 10:05 UTC+02:00 by MMCZ officer; verified intact 2026-11-21 10:40 UTC+02:00 by " \
           "Jane Monitor]" in text
    assert run(home, "ack", inspection_id, "seal.witness.missing", "seals[1].witness", "--note",
               "Sealed alone at night; the ZIMRA officer saw it at dawn").exit_code == 0
    assert "ack'd   seals[1].witness: Seal ZW-C-000017" in run(home, "show", inspection_id).output


def test_an_expired_certificate_is_an_error_until_accepted_with_a_reason(home: Path, tmp_path: Path,
                                                                         example_doc: dict[str, Any]) -> None:
    run(home, "init", "--role", "field", "--name", "Jane Monitor")
    example_doc["certificate"].update(issued_on="2026-09-01", expires_on="2026-11-01")
    created = run(home, "new", "--from-json", str(write(tmp_path, example_doc)))
    assert created.exit_code == 0, created.output  # recorded: the monitor accepts it on the draft, or not
    assert "error   certificate.expires_on: The certificate expired on 2026-11-01" in created.output
    inspection_id = created.output.strip().splitlines()[-1]
    assert json.loads(run(home, "list", "--json").output)[0]["errors"] == 1
    assert run(home, "ack", inspection_id, "cert.expired", "certificate.expires_on", "--note",
               "Validity extended to 2026-11-30 by the Ministry's letter MM/114").exit_code == 0
    listed = json.loads(run(home, "list", "--json").output)[0]
    assert (listed["errors"], listed["warnings"]) == (0, 0)
    assert "ack'd   certificate.expires_on" in run(home, "show", inspection_id).output
