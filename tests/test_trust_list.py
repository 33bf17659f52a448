"""Headquarters' trust list: signed by the root, published beside it, installed on field devices, refused when
altered, foreign or older than the one installed, and what KP2 seals are checked against."""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kpmonitor.paths import Paths
from kpmonitor.trust import identity, trustlist
from kpmonitor.trust.keys import Keyring
from kpmonitor.trust.trustlist import TrustListError
from kpmonitor.workspace import Workspace
from tests.test_bundle import example, make_device, make_hq, run, sign_doc

UTC = dt.UTC
T0 = dt.datetime(2025, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def pki() -> dict[str, Any]:
    root_key = identity.generate_key()
    root = identity.make_root_ca(root_key, "KP Monitoring HQ")
    certs = [identity.issue_certificate(root_key, root, identity.make_csr(identity.generate_key(), name, f"{n:032x}"))
             for n, name in enumerate(["Tendai Moyo", "Chipo Dube"])]
    return {"root_key": root_key, "root": root, "certs": certs}


def make(pki: dict[str, Any], published: dt.datetime = T0, revoked: dict[str, str] | None = None) -> bytes:
    entries = trustlist.entries_from_records(pki["certs"], revoked or {})
    return trustlist.make_trust_list(pki["root_key"], pki["root"], entries, published,
                                     published + dt.timedelta(days=30), 3)


def test_a_trust_list_round_trips_every_certificate_with_its_status(pki: dict[str, Any]) -> None:
    serial = identity.format_serial(pki["certs"][1].serial_number)
    listed = trustlist.read_trust_list(make(pki, revoked={serial: "2025-05-01T09:30:00+00:00"}), pki["root"])
    assert listed.issuer == "KP Monitoring HQ" and listed.crl_number == 3
    assert listed.published_at == T0 and listed.next_update == T0 + dt.timedelta(days=30)
    assert [s.kid for s in listed.signers] == sorted(s.kid for s in listed.signers)
    tendai = listed.signer(trustlist.key_id(pki["certs"][0]))
    assert tendai is not None and tendai.cn == "Tendai Moyo" and tendai.status == "valid"
    assert tendai.device_id == f"{0:032x}" and tendai.key() is not None
    chipo = listed.by_certificate(identity.fingerprint(pki["certs"][1]))
    assert chipo is not None and chipo.status == "revoked" and chipo.revoked_at == dt.datetime(2025, 5, 1, 9, 30,
                                                                                               tzinfo=UTC)
    assert listed.signer(b"\0" * 8) is None


def test_the_file_is_the_four_keys_and_its_payload_canonical_json(pki: dict[str, Any]) -> None:
    document = json.loads(make(pki))
    assert set(document) == {"format", "payload", "signature", "root_sha256"}
    assert document["format"] == "kpmonitor-trust-list/1" and len(base64.b64decode(document["signature"])) == 64
    payload = base64.b64decode(document["payload"])
    assert payload == json.dumps(json.loads(payload), sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False).encode()


def test_staleness_is_judged_at_the_moment_asked(pki: dict[str, Any]) -> None:
    listed = trustlist.read_trust_list(make(pki), pki["root"])
    assert not listed.stale(T0 + dt.timedelta(days=29)) and listed.stale(T0 + dt.timedelta(days=31))
    assert listed.stale_sentence == ("The trust list was published on 2025-06-01 and was due to be replaced by "
                                     "2025-07-01: get the current one from headquarters.")


def _tampered(data: bytes, **changes: Any) -> bytes:
    document = json.loads(data)
    document.update(changes)
    return json.dumps(document).encode()


def test_an_altered_foreign_or_malformed_list_is_refused_with_a_sentence(pki: dict[str, Any]) -> None:
    data = make(pki)
    document = json.loads(data)
    payload = json.loads(base64.b64decode(document["payload"]))
    payload["signers"][0]["status"] = "valid" if payload["signers"][0]["status"] == "revoked" else "revoked"
    forged = base64.b64encode(json.dumps(payload).encode()).decode()
    other_root = identity.make_root_ca(identity.generate_key(), "KP Monitoring HQ")
    cases = {
        _tampered(data, payload=forged): "signature is not headquarters' root's",
        data: "another headquarters root",  # read against another root
        _tampered(data, format="kpmonitor-trust-list/2"): "format 2",
        b"not json": "not a kpmonitor trust list",
        _tampered(data, extra=1): "other parts",
        b" " * (trustlist.MAX_BYTES + 1): "larger than",
    }
    for bad, phrase in cases.items():
        with pytest.raises(TrustListError, match=phrase):
            trustlist.read_trust_list(bad, other_root if bad is data else pki["root"])


def test_a_signed_list_with_a_malformed_entry_is_refused(pki: dict[str, Any]) -> None:
    entry = trustlist.SignerEntry.from_certificate(pki["certs"][0])
    broken = trustlist.SignerEntry(**{**entry.__dict__, "certificate_sha256": "0" * 64})  # not its kid's hash
    data = trustlist.make_trust_list(pki["root_key"], pki["root"], [broken], T0, T0 + dt.timedelta(days=1), None)
    with pytest.raises(TrustListError, match="malformed"):
        trustlist.read_trust_list(data, pki["root"])


def test_an_older_list_is_named_as_such(pki: dict[str, Any]) -> None:
    new = trustlist.read_trust_list(make(pki), pki["root"])
    old = trustlist.read_trust_list(make(pki, T0 - dt.timedelta(days=30)), pki["root"])
    assert trustlist.trust_list_older_problem(new, old) is None
    assert trustlist.trust_list_older_problem(old, new) == ("This trust list (of 2025-05-02) is older than the one "
                                                            "installed (of 2025-06-01); it was not installed.")


# --------------------------------------------------------------------- published, installed, used by verify


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("trust-list")
    hq = make_hq(base / "hq")
    field = make_device(base / "field", "Tendai Moyo", hq)
    assert run(hq, "hq", "publish", "--out", str(base / "pub")).exit_code == 0
    return {"base": base, "hq": hq, "field": field, "pub": base / "pub"}


def test_hq_publish_writes_the_trust_list_of_every_certificate_issued(homes: dict[str, Path]) -> None:
    keyring = Keyring(Paths.for_home(homes["hq"]))
    root = keyring.root()
    assert root is not None
    listed = trustlist.read_trust_list((homes["pub"] / "kp-trust-list.json").read_bytes(), root)
    assert [s.certificate_sha256 for s in listed.signers] == [identity.fingerprint(c) for c in keyring.issued()]
    assert listed.signers[0].cn == "Tendai Moyo" and not listed.stale()


def test_a_field_device_installs_the_list_and_refuses_an_older_one(homes: dict[str, Path], tmp_path: Path) -> None:
    home = tmp_path / "field"
    shutil.copytree(homes["field"], home)
    installed = run(home, "keys", "install", str(homes["pub"] / "kp-trust-list.json"))
    assert installed.exit_code == 0 and "Installed headquarters' trust list of" in installed.output
    keyring = Keyring(Paths.for_home(home))
    assert keyring.trust_list() is not None
    hq = Keyring(Paths.for_home(homes["hq"]))
    root = hq.root()
    assert root is not None
    old = tmp_path / "old.json"
    old.write_bytes(trustlist.make_trust_list(hq.load_root_key("correct horse battery"), root, [],
                                              T0, T0 + dt.timedelta(days=30), None))
    refused = run(home, "keys", "install", str(old))
    assert refused.exit_code == 1 and "older than the one installed" in refused.output


def test_verify_takes_the_list_from_the_option_or_the_published_folder(homes: dict[str, Path],
                                                                      tmp_path: Path) -> None:
    report_id = sign_doc(homes["field"], example())
    with Workspace(Paths.for_home(homes["field"])) as ws:
        text = ws.store.report(report_id)["qr_text"]
    seal = tmp_path / "seal.txt"
    seal.write_text(text)
    assert text.startswith("KP2:")
    nohome = homes["base"] / "nohome"
    alone = tmp_path / "root-alone.pem"
    alone.write_bytes((homes["pub"] / "kp-root.pem").read_bytes())
    missing = run(nohome, "verify", str(seal), "--trust", str(alone))
    assert missing.exit_code == 1 and "needs headquarters' trust list" in missing.output
    for extra in (["--trust", str(alone), "--trust-list", str(homes["pub"] / "kp-trust-list.json")],
                  ["--trust", str(homes["pub"])]):
        result = run(nohome, "verify", str(seal), *extra, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["report"]["seal"]["verdict"] == "genuine" and data["report"]["container"] == "MMCZ-BOX-0417"
