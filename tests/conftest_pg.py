"""The ``pg_url`` fixture: one throwaway PostgreSQL cluster for the test session (``tests/pgcluster.py``).

Registered as a plugin from ``tests/conftest.py``. Where Debian's PostgreSQL binaries are not installed, or the
cluster cannot start, every test that asks for it is skipped with the sentence that says why; the SQLite tests
run either way. The cluster is started on the first test that needs it, and stopped when the session ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pgcluster import PgCluster, PgUnavailable


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    try:
        cluster = PgCluster().start()
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: PgCluster) -> str:
    """A libpq URL to an empty database on the session's throwaway cluster (a Unix socket, no password)."""
    return pg_cluster.url
