"""The command line says every moment as people read it, its zone named (``domain.moments.show_moment``), and as
headquarters and the desktop say it; its JSON keeps ISO 8601."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.test_bundle import example, make_device, make_hq, run, sign_doc
from tests.test_insiders import exported

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
SHOWN = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"


def test_show_keys_receipts_and_audit_name_their_moments_as_people_read_them(tmp_path: Path) -> None:
    hq = make_hq(tmp_path / "hq")
    field = make_device(tmp_path / "field", "Amélie Ndlovu", hq)
    report_id = sign_doc(field, example())
    bundle = exported(field, report_id, tmp_path / "usb")["bundle"]
    assert run(hq, "hq", "import", str(bundle)).exit_code == 0
    with Workspace(Paths.for_home(field)) as ws:
        inspection_id = ws.store.report(report_id)["inspection_id"]

    shown = run(field, "show", inspection_id).output
    assert re.search(rf"Report +{report_id[:8]} v1, signed {SHOWN}\n", shown), shown
    assert re.search(rf"at {SHOWN}\+02:00", shown), shown  # the inspection, in the zone it was typed in
    at_hq = run(hq, "hq", "show", report_id).output
    assert re.search(rf"Signed +{SHOWN} +imported {SHOWN}", at_hq), at_hq
    keys = run(field, "keys", "show").output
    assert re.search(rf"not_after +{SHOWN}", keys), keys

    assert run(hq, "hq", "receipts", "--out", str(tmp_path / "receipts")).exit_code == 0
    [receipt] = (tmp_path / "receipts").glob("*.kpreceipt")
    installed = run(field, "receipts", "install", str(receipt)).output
    assert re.search(rf"^Headquarters' receipt of {SHOWN} installed", installed), installed
    audit = run(field, "audit", "verify").output
    assert re.search(rf"Headquarters' receipt \(event \d+, {SHOWN}\) matches it", audit), audit

    for text in (shown, at_hq, keys, installed, audit):
        assert not ISO.search(text), text
    # What scripts read keeps the moments exact.
    assert ISO.search(json.loads(run(field, "audit", "verify", "--json").output)["receipt"])
    assert ISO.search(json.loads(run(field, "keys", "show", "--json").output)["signing_certificate"]["not_after"])
