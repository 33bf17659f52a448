"""Headquarters' tests on both engines: the ``hq_engine`` fixture, ``sqlite`` or ``postgresql``.

Registered as a plugin from ``tests/conftest.py``. A test (or a fixture) that takes ``hq_engine`` runs twice,
``test_x[sqlite]`` and ``test_x[postgresql]``. On PostgreSQL, each use gets a database of its own on the session's
throwaway cluster (``tests/conftest_pg.py``), made from a template that holds headquarters' migrations already
(``CREATE DATABASE … TEMPLATE``, much quicker than migrating each), and dropped afterwards. ``hq_engine.home``
copies a headquarters home made once for a module (the homes that issued the devices' certificates) and points the
copy at a fresh database (``"database"`` in its home.json): its CA key stays in the home, and its first import
shares the root into the database (``hq.shared.share_trust``). Where PostgreSQL is not installed, the postgresql
variants are skipped with the harness's sentence; the SQLite ones run either way.

A test about SQLite itself (its file edited behind kpmonitor's back, its migrations, its locking) does not take
``hq_engine``, or takes it and stops where ``hq_engine.pg``, with a comment why. ``hq_engine_module`` is the same
fixture for a module-scoped world that its tests read, never change (a database a module).

``audit_ok``: headquarters' audit chain checked through its engine, as the code reads it.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.pgcluster import DATABASE, PgCluster, point_home

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "kp_hq_template"


class Databases:
    """Fresh headquarters databases on the session's cluster, each a copy of one migrated template."""

    def __init__(self, cluster: PgCluster) -> None:
        import psycopg

        from kpmonitor.hq.pgstore import PGStore

        self.cluster = cluster
        self.admin = psycopg.connect(cluster.url, autocommit=True)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        self.admin.execute(f'CREATE DATABASE "{TEMPLATE}"')
        PGStore(self.url(TEMPLATE)).close()  # the migrations, once: every database made from it holds them

    def url(self, name: str) -> str:
        return self.cluster.url.replace(f"/{DATABASE}?", f"/{name}?")

    def fresh(self) -> str:
        name = f"kp_hq_{uuid.uuid4().hex[:16]}"
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.split("/")[3].split("?")[0]
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # a connection left open is ended

    def close(self) -> None:
        self.admin.close()


@pytest.fixture(scope="session")
def pg_databases(pg_cluster: PgCluster) -> Iterator[Databases]:
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed: the PostgreSQL tests are skipped")
    made = Databases(pg_cluster)
    try:
        yield made
    finally:
        made.close()


@dataclass
class HQEngine:
    """The engine a test's headquarters homes keep their records on."""

    name: str
    databases: Databases | None = None
    made: list[str] = field(default_factory=list)

    @property
    def pg(self) -> bool:
        return self.name == "postgresql"

    def database(self) -> str:
        """A fresh, migrated PostgreSQL database's URL (dropped after the test); "" on SQLite."""
        if self.databases is None:
            return ""
        url = self.databases.fresh()
        self.made.append(url)
        return url

    def point(self, home: Path) -> Path:
        """Point a headquarters home not used yet at a fresh database of this engine (nothing on SQLite)."""
        url = self.database()
        return point_home(home, url) if url else home

    def home(self, source: Path, dest: Path) -> Path:
        """A copy of the headquarters home ``source`` at ``dest``, on this engine."""
        shutil.copytree(source, dest)
        return self.point(dest)

    def drop(self) -> None:
        if self.databases is not None:
            for url in self.made:
                self.databases.drop(url)
        self.made.clear()


def _engine(request: pytest.FixtureRequest) -> Iterator[HQEngine]:
    name = str(request.param)
    engine = HQEngine(name, request.getfixturevalue("pg_databases") if name == "postgresql" else None)
    try:
        yield engine
    finally:
        engine.drop()


@pytest.fixture(params=ENGINES)
def hq_engine(request: pytest.FixtureRequest) -> Iterator[HQEngine]:
    """``sqlite`` or ``postgresql``: the engine of this test's headquarters homes (``HQEngine.home``)."""
    yield from _engine(request)


@pytest.fixture(scope="module", params=ENGINES)
def hq_engine_module(request: pytest.FixtureRequest) -> Iterator[HQEngine]:
    """As ``hq_engine``, for a module's world built once per engine and read by its tests."""
    yield from _engine(request)


# --- reading headquarters through the engine ------------------------------------------------------------------


def audit_ok(ws: Any) -> bool:
    """Whether headquarters' audit chain holds, and its audited tables with it, as its engine checks them
    (``Store.verify_audit`` of the home's SQLite file, ``PGStore.verify_audit`` of the PostgreSQL database)."""
    from kpmonitor.hq.store import hq_store

    return bool(hq_store(ws).store.verify_audit().ok)
