"""The PostgreSQL harness headquarters' engine will be tested on: a throwaway cluster, two connections, commits.

Skipped, with the reason, where Debian's PostgreSQL binaries are not installed (``tests/conftest_pg.py``).
"""

from __future__ import annotations

import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed: the PostgreSQL tests are skipped")


def test_two_connections_see_each_others_commits(pg_url: str) -> None:
    with psycopg.connect(pg_url) as a, psycopg.connect(pg_url) as b:
        a.execute("CREATE TABLE harness (id integer PRIMARY KEY, said text NOT NULL)")
        a.commit()
        a.execute("INSERT INTO harness VALUES (1, 'from a')")
        # Not committed yet: the other connection does not see it.
        assert b.execute("SELECT count(*) FROM harness").fetchone() == (0,)
        b.rollback()
        a.commit()
        assert b.execute("SELECT said FROM harness").fetchall() == [("from a",)]
        b.execute("INSERT INTO harness VALUES (2, 'from b')")
        b.commit()
        assert a.execute("SELECT id, said FROM harness ORDER BY id").fetchall() == [(1, "from a"), (2, "from b")]
        a.rollback()
        a.execute("DROP TABLE harness")
        a.commit()


def test_the_cluster_is_a_unix_socket_only_and_throwaway(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
        assert conn.execute("SHOW fsync").fetchone() == ("off",)
        # A transaction-scoped advisory lock: what the engine will take per device while it records an import.
        assert conn.execute("SELECT pg_try_advisory_xact_lock(42)").fetchone() == (True,)
