"""Headquarters' two engines hold the same tables: PostgreSQL's (``hq.pgstore``) column for column SQLite's.

A SQLite migration that gives a headquarters table a column without the PostgreSQL migration that gives it there
fails here. Skipped, with the reason, where Debian's PostgreSQL binaries are not installed (``tests/conftest_pg.py``).
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from kpmonitor.store.db import Store
from tests.conftest_hq import Databases

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed: the PostgreSQL tests are skipped")

HQ_TABLES = ("hq_reports", "hq_seals", "hq_photos", "import_log", "hq_anomalies", "hq_anomalies_judged",
             "hq_checkpoints", "hq_anomaly_notes", "hq_receipt_confirmations", "audit")
# SQLite's declared type → PostgreSQL's (information_schema.columns.data_type)
TYPES = {"INTEGER": "bigint", "TEXT": "text"}


def sqlite_columns(store: Store, table: str) -> list[tuple[str, str, bool]]:
    """(name, PostgreSQL's type for it, NOT NULL) of each column, in order; a primary key is never null."""
    return [(str(name), TYPES.get(str(kind).upper(), f"no PostgreSQL type for SQLite's {kind}"), bool(notnull or pk))
            for _cid, name, kind, notnull, _default, pk in store.conn.execute(f"PRAGMA table_info({table})")]


def test_postgresql_has_exactly_the_columns_of_sqlites_headquarters_tables(pg_databases: Databases,
                                                                            tmp_path: Path) -> None:
    url = pg_databases.fresh()  # a copy of the template: a database PGStore migrated from empty
    try:
        with Store(tmp_path / "hq.sqlite") as store, closing(psycopg.connect(url)) as conn:
            for table in HQ_TABLES:
                pg = [(str(name), str(kind), nullable == "NO") for name, kind, nullable in conn.execute(
                    "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema "
                    "= 'public' AND table_name = %s ORDER BY ordinal_position", [table])]
                assert pg, f"PostgreSQL has no table {table}"
                # PostgreSQL's own rowid (an identity): the insertion order SQLite's implicit rowid gives.
                rowid = [c for c in pg if c[0] == "rowid"]
                assert rowid in ([], [("rowid", "bigint", True)]), (table, rowid)
                assert [c for c in pg if c[0] != "rowid"] == sqlite_columns(store, table), table
    finally:
        pg_databases.drop(url)
