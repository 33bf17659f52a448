"""Several analysts on one PostgreSQL headquarters: making it, joining it, the files and the trust they share.

Skipped, with the reason, where Debian's PostgreSQL binaries are not installed (``tests/conftest_pg.py``).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from kpmonitor.errors import NotFound
from kpmonitor.hq.inbox import pdf_file
from kpmonitor.hq.pgstore import DatabaseUnavailable, PGStore
from kpmonitor.hq.reports import report_detail
from kpmonitor.hq.store import HQStore, hq_store
from kpmonitor.paths import Paths
from kpmonitor.settings import Settings
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace, read_home
from tests.pgcluster import PgCluster
from tests.test_bundle import example, export, make_device, photo, run, sign_doc

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed: the PostgreSQL tests are skipped")


def fresh_database(cluster: PgCluster) -> str:
    """A new, empty database on the session's cluster; its URL."""
    name = f"kp_shared_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return cluster.url.replace("/kpmonitor_test?", f"/{name}?")


@pytest.fixture(scope="module")
def shared(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Headquarters made on a database by its issuing home, an analyst who joined it, and two devices' bundles."""
    base = tmp_path_factory.mktemp("hq-shared")
    url = fresh_database(pg_cluster)
    issuer, analyst = base / "issuer", base / "analyst"
    made = run(issuer, "init", "--role", "hq", "--name", "KP Monitoring HQ", "--database", url)
    assert made.exit_code == 0, made.output
    a = make_device(base / "a", "Amélie Ndlovu", issuer)
    b = make_device(base / "b", "Baraka Moyo", issuer)
    joined = run(analyst, "init", "--role", "hq", "--name", "Second Analyst", "--database", url)
    assert joined.exit_code == 0, joined.output
    ra = sign_doc(a, example(), [photo(21), photo(22, "Seal")])
    rb = sign_doc(b, {**example(), "certificate": {**example()["certificate"], "number": "ZW 009911"}})
    yield {"url": url, "issuer": issuer, "analyst": analyst, "a": a, "b": b, "made": made.output,
           "joined": joined.output, "bundle_a": export(a, ra, base / "out" / "a"), "report_a": ra,
           "bundle_b": export(b, rb, base / "out" / "b")}


def test_the_first_init_makes_headquarters_and_the_next_joins_it_without_a_ca_key(shared: dict[str, Any]) -> None:
    assert "Created headquarters" in shared["made"] and "Joined headquarters" in shared["joined"]
    issuer, analyst = Keyring(Paths.for_home(shared["issuer"])), Keyring(Paths.for_home(shared["analyst"]))
    assert issuer.root_key.exists() and not analyst.root_key.exists()
    assert issuer.root_cert_file.read_bytes() == analyst.root_cert_file.read_bytes()
    # The fingerprint printed for the analyst to compare is the issuing home's root's.
    root = issuer.root()
    assert root is not None and hashlib.sha256(root.public_bytes(Encoding.DER)).hexdigest() in shared["joined"]
    info = read_home(Paths.for_home(shared["analyst"]))
    assert info is not None and info.database == shared["url"] and "password" not in json.dumps(info.to_json())
    # Issuing stays with the home that holds the CA key.
    serial = json.loads(run(shared["a"], "keys", "show", "--json").output)["signing_certificate"]["serial"]
    refused = run(shared["analyst"], "hq", "revoke", serial)
    assert refused.exit_code != 0 and "no root key" in refused.output


def test_a_report_imported_by_one_analyst_is_listed_and_opened_by_the_other(shared: dict[str, Any]) -> None:
    done = run(shared["issuer"], "hq", "import", str(shared["bundle_a"]), "--json")
    assert done.exit_code == 0, done.output
    listed = [json.loads(run(home, "hq", "list", "--json").output) for home in (shared["issuer"], shared["analyst"])]
    assert listed[0] == listed[1] and [r["id"] for r in listed[0]] == [shared["report_a"]]
    # The analyst's home holds none of the files; opening the report takes them from the database, checked.
    with Workspace(Paths.for_home(shared["analyst"])) as ws:
        assert not any(ws.paths.originals.rglob("*.jpg"))
        detail = report_detail(ws, shared["report_a"])
    pdf = Path(detail["pdf_path"]).read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == detail["report"]["pdf_sha256"] and pdf.startswith(b"%PDF")
    assert len(detail["photos"]) == 2
    for item in detail["photos"]:
        assert hashlib.sha256(Path(item["path"]).read_bytes()).hexdigest() == item["sha256"]
    # Imported again by the other analyst: the same report, once.
    again = json.loads(run(shared["analyst"], "hq", "import", str(shared["bundle_a"]), "--json").output)
    assert again["results"][0]["outcome"] == "already"


def test_a_revocation_by_the_issuing_home_reaches_the_analysts_next_import(shared: dict[str, Any]) -> None:
    serial = json.loads(run(shared["b"], "keys", "show", "--json").output)["signing_certificate"]["serial"]
    assert run(shared["issuer"], "hq", "revoke", serial).exit_code == 0
    done = json.loads(run(shared["analyst"], "hq", "import", str(shared["bundle_b"]), "--json").output)
    assert done["results"][0]["outcome"] == "refused"
    assert "was revoked by headquarters" in done["results"][0]["sentence"]


def test_a_database_url_with_a_password_or_for_a_field_home_is_refused(shared: dict[str, Any],
                                                                         tmp_path: Path) -> None:
    with_password = shared["url"].replace("postgresql://postgres@", "postgresql://postgres:secret@")
    said = run(tmp_path / "p", "init", "--role", "hq", "--name", "X", "--database", with_password)
    assert said.exit_code != 0 and "~/.pgpass" in said.output and "secret" not in said.output
    assert read_home(Paths.for_home(tmp_path / "p")) is None
    field = run(tmp_path / "f", "init", "--role", "field", "--name", "X", "--database", shared["url"])
    assert field.exit_code != 0 and "headquarters home" in field.output
    assert read_home(Paths.for_home(tmp_path / "f")) is None


def test_an_unreachable_server_is_a_sentence_and_leaves_no_home(pg_cluster: PgCluster, tmp_path: Path) -> None:
    url = pg_cluster.url.replace(f"port={pg_cluster.port}", "port=1")
    said = run(tmp_path / "u", "init", "--role", "hq", "--name", "X", "--database", url)
    assert said.exit_code != 0 and "cannot be reached" in said.output
    assert read_home(Paths.for_home(tmp_path / "u")) is None


GRANTS = """
CREATE ROLE kp_analyst NOLOGIN;
GRANT CONNECT ON DATABASE "{db}" TO kp_analyst;
GRANT USAGE ON SCHEMA public TO kp_analyst;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO kp_analyst;
GRANT DELETE ON hq_anomalies TO kp_analyst;
GRANT UPDATE ON hq_anomalies_judged, hq_shared TO kp_analyst;
CREATE ROLE analyst3 LOGIN IN ROLE kp_analyst;
"""


def test_an_analyst_with_the_documented_grants_imports_and_cannot_change_evidence(shared: dict[str, Any],
                                                                                 tmp_path: Path) -> None:
    """docs/headquarters.md's roles, as written there: an analyst's own login joins, imports, and is refused
    an UPDATE of an imported report by the grants (before any trigger)."""
    db = shared["url"].split("/")[3].split("?")[0]
    with psycopg.connect(shared["url"], autocommit=True) as owner:
        for statement in GRANTS.format(db=db).strip().split(";\n"):
            owner.execute(statement.strip().rstrip(";"))
    url = shared["url"].replace("postgresql://postgres@", "postgresql://analyst3@")
    home = tmp_path / "analyst3"
    assert run(home, "init", "--role", "hq", "--name", "Third Analyst", "--database", url).exit_code == 0
    other = {**example(), "certificate": {**example()["certificate"], "number": "ZW 009922"}}
    other["seals"] = [{**seal, "number": seal["number"] + "9"} for seal in other["seals"]]
    bundle = export(shared["a"], sign_doc(shared["a"], other), tmp_path / "out")
    done = json.loads(run(home, "hq", "import", str(bundle), "--json").output)
    assert done["results"][0]["outcome"] == "imported", done
    assert run(home, "hq", "anomalies", "--json").exit_code == 0
    with psycopg.connect(url, autocommit=True) as analyst:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            analyst.execute("UPDATE hq_reports SET monitor = 'someone else'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            analyst.execute("DELETE FROM audit")


def test_the_audit_chain_on_postgresql_names_a_row_changed_behind_kpmonitors_back(shared: dict[str, Any]) -> None:
    with closing(PGStore(shared["url"])) as pg:
        before = pg.verify_audit()
    assert before.ok and before.events > 0, before.problems
    # `audit verify` of any analyst's home checks the chain on the server, not the home's own (empty) file.
    said = json.loads(run(shared["analyst"], "audit", "verify", "--json").output)
    assert said["ok"] and said["events"] == before.events and said["head"]["hash"] == before.head.hash
    with psycopg.connect(shared["url"], autocommit=True) as owner:  # an owner, around the freeze's trigger
        owner.execute("ALTER TABLE hq_reports DISABLE TRIGGER USER")
        owner.execute("UPDATE hq_reports SET monitor = 'Someone Else' WHERE id = %s", [shared["report_a"]])
        owner.execute("ALTER TABLE hq_reports ENABLE TRIGGER USER")
    with closing(PGStore(shared["url"])) as pg:
        after = pg.verify_audit()
    assert not after.ok
    assert any(f"hq_reports {shared['report_a'][:8]} was edited outside kpmonitor: monitor" in p
               for p in after.problems), after.problems
    refused = run(shared["analyst"], "audit", "verify", "--json")
    assert refused.exit_code == 1 and not json.loads(refused.output)["ok"]


def test_every_analyst_judges_with_the_issuing_homes_settings(shared: dict[str, Any]) -> None:
    """Anomalies are stored once for all: an analyst whose own settings differ reads them without judging
    everything again (each would, in turn, at every read), and judges an import with the issuing home's."""
    Settings(Paths.for_home(shared["analyst"]).settings_file).set("valuation_tolerance_pct", "7")
    Settings(Paths.for_home(shared["analyst"]).settings_file).set("hq_confirmation_days", 3)

    def judged() -> tuple[str | None, str | None]:
        with closing(PGStore(shared["url"])) as pg:
            hqs = HQStore(pg)
            return hqs.anomalies_judged_with(), hqs.receipts_judged_with()
    assert run(shared["issuer"], "hq", "anomalies").exit_code == 0
    first = judged()
    for home in ("analyst", "issuer", "analyst"):
        assert run(shared[home], "hq", "anomalies").exit_code == 0
        assert judged() == first, home


def test_what_someone_writes_into_the_shared_trust_never_stops_an_analysts_import(shared: dict[str, Any]) -> None:
    held = Keyring(Paths.for_home(shared["analyst"])).crl_file.read_bytes()
    with psycopg.connect(shared["url"], autocommit=True) as owner:
        saved = dict(owner.execute("SELECT name, value FROM hq_shared").fetchall())
        try:
            for name, value in (("crl", "café"), ("issued", "not a certificate"), ("root", "é")):
                owner.execute("UPDATE hq_shared SET value = %s WHERE name = %s", [value, name])
            done = run(shared["analyst"], "hq", "import", str(shared["bundle_a"]), "--json")
            assert done.exit_code == 0 and json.loads(done.output)["results"][0]["outcome"] == "already"
            assert Keyring(Paths.for_home(shared["analyst"])).crl_file.read_bytes() == held  # its own, kept
        finally:
            for name, value in saved.items():
                owner.execute("UPDATE hq_shared SET value = %s WHERE name = %s", [value, name])


def test_a_row_or_file_planted_in_the_database_cannot_name_a_path_or_other_bytes(shared: dict[str, Any]) -> None:
    with psycopg.connect(shared["url"], autocommit=True) as owner:
        with pytest.raises(psycopg.errors.CheckViolation):
            owner.execute("INSERT INTO hq_blobs (sha256, kind, size, data, stored_at) VALUES (%s, 'pdf', 4, "
                          "'junk', '')", ["0" * 64])
        row = owner.execute("SELECT * FROM hq_reports LIMIT 1")
        names = [d.name for d in row.description if d.name != "rowid"]
        values = dict(zip(names, row.fetchone(), strict=False))
        with pytest.raises(psycopg.errors.CheckViolation):
            owner.execute(f"INSERT INTO hq_reports ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})",
                          [{**values, "id": "/tmp/elsewhere"}[n] for n in names])
    with pytest.raises(NotFound):
        pdf_file(Paths.for_home(shared["analyst"]), "../../elsewhere")


def test_a_connection_the_server_dropped_is_made_again_and_a_transaction_it_cut_is_said(
        shared: dict[str, Any]) -> None:
    with Workspace(Paths.for_home(shared["analyst"])) as ws:
        hqs = hq_store(ws)
        before = hqs.count_reports()

        def drop() -> None:
            with psycopg.connect(shared["url"], autocommit=True) as owner:
                owner.execute("SELECT pg_terminate_backend(%s)", [hqs.conn.raw.info.backend_pid])
        drop()
        assert hqs.count_reports() == before  # a window open all day goes on
        with pytest.raises(DatabaseUnavailable, match="did not answer"), hqs.transaction():
            drop()
            hqs.write_log([{"id": "0" * 32, "at": "2026-12-02T00:00:00Z", "file_name": "x", "bundle_sha256": "",
                            "outcome": "refused", "report_id": None, "sentence": "x", "quarantined": None}])
        assert hqs.count_reports() == before
        assert all(line["file_name"] != "x" for line in hqs.import_log())  # nothing of it recorded
