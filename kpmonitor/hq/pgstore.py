"""Headquarters on a PostgreSQL server: the connection, its schema and migrations, the writer's lock, and blobs.

Headquarters keeps one set of statements (``hq.store``) for both engines. They are written in the SQL both
understand, with sqlite3's placeholders (``?``, ``:name``); ``PGConnection`` gives psycopg 3 a connection that
takes them (``translate``), so every statement is the same text on both, and the few that differ (SQLite's
FTS5, ``json_extract``, ``group_concat``) are chosen by ``HQStore.pg``. The tables are those of SQLite's
migrations for headquarters (``store.schema``), written here in PostgreSQL's words (``MIGRATIONS``) and checked
column for column against SQLite's by the tests; a ``rowid`` column (an identity) keeps the insertion order that
SQLite's implicit rowid gives, so ``ORDER BY rowid`` means the same on both.

One writer at a time, as on SQLite: every writing transaction takes the advisory lock ``WRITER_LOCK`` first
(``PGStore.batch``). The audit chain is one sequence (each event names the hash of the one before), so its
appends cannot run side by side; the lock also covers the per-device checks an import makes (sequence gaps,
checkpoints, lineage), which read what was recorded before deciding, so two importers never disagree. Reading,
verifying and storing a bundle's bytes happen before the lock, each analyst's process on its own.

Blobs (the signed PDFs, the photo originals, the bundles set aside) are kept in ``hq_blobs`` by their SHA-256:
stored once, whoever imported them, so every analyst opens the same bytes (``PGBlobs``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from kpmonitor.errors import KPError, NotFound, WriteFailed
from kpmonitor.i18n import _
from kpmonitor.store import audit
from kpmonitor.store.db import frozen_refusal, id_by_prefix, new_id, now
from kpmonitor.store.schema import HQ_SEARCHED_COLUMNS

log = logging.getLogger(__name__)

URL_ENV = "KPMONITOR_DATABASE"
SCHEMES = ("postgresql://", "postgres://")
# pg_advisory_xact_lock keys (64-bit): the writer's, and the migrations'.
WRITER_LOCK = 0x4B504D5752495445  # "KPMWRITE"
MIGRATION_LOCK = 0x4B504D4D49475241  # "KPMMIGRA"
MIGRATIONS_TABLE = "kpmonitor_pg_migrations"
# The audited tables headquarters keeps (``audit.AUDITED_TABLES`` holds the field's too).
HQ_AUDITED_TABLES = tuple(t for t in audit.AUDITED_TABLES if t.startswith("hq_"))


class DatabaseUnavailable(KPError):
    """Headquarters' PostgreSQL server could not be reached, or refused us; the message says how to fix it."""


def is_url(value: str) -> bool:
    return value.strip().lower().startswith(SCHEMES)


def check_url(url: str) -> str:
    """The URL as given, if it names a PostgreSQL database without a password in it.

    A password in the URL would be written into the home's file and shown in logs: libpq's own ways keep it
    out (``~/.pgpass``, ``PGPASSWORD``, a client certificate), and kpmonitor never stores one.
    """
    import psycopg.conninfo

    text = url.strip()
    if not is_url(text):
        raise KPError(_("The database must be a PostgreSQL URL (postgresql://USER@HOST/DATABASE), not {url}.").format(
            url=repr(text)))
    try:
        parts = psycopg.conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError as exc:
        raise KPError(_("The database URL is not one PostgreSQL reads: {why}.").format(why=exc)) from exc
    if parts.get("password"):
        raise KPError(_("Keep the password out of the database URL: put it in ~/.pgpass (or PGPASSWORD), which "
                        "PostgreSQL reads itself; kpmonitor never stores it."))
    if not parts.get("dbname"):
        raise KPError(_("The database URL names no database: postgresql://USER@HOST/DATABASE."))
    return text


def shown(url: str) -> str:
    """The URL as a sentence may show it: user, host and database (never a password, never other options)."""
    import psycopg.conninfo

    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return _("the PostgreSQL database")
    host = str(parts.get("host") or "localhost")
    where = _("a local socket") if host.startswith("/") else host
    if parts.get("user"):
        return _("database {name} on {host} as {user}").format(name=parts.get("dbname", ""), host=where,
                                                              user=parts["user"])
    return _("database {name} on {host}").format(name=parts.get("dbname", ""), host=where)


# --- sqlite3's placeholders on psycopg -------------------------------------------------------------------

# What is left alone (its ``?`` is no placeholder): quoted text, E'' text with backslash escapes, quoted names,
# dollar-quoted text, comments, and PostgreSQL's ``::`` cast.
_TOKENS = re.compile(r"""[Ee]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$([A-Za-z_]*)\$.*?\$\1\$|--[^\n]*"""
                     r"|/\*.*?\*/|::|\?|:[A-Za-z_][A-Za-z0-9_]*|%", re.S)


def translate(sql: str, *, params: bool = True) -> str:
    """``sql`` with sqlite3's placeholders as psycopg's: ``?`` → ``%s``, ``:name`` → ``%(name)s``.

    With ``params``, every ``%`` is doubled, inside quoted text too (psycopg reads its placeholders everywhere);
    without, the statement goes as written (psycopg sends it untouched). A ``?`` or ``:name`` inside quoted text,
    a comment or dollar-quoted text stays what it is."""
    if not params:
        return sql

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token.startswith(":") and token != "::":
            return f"%({token[1:]})s"
        return token.replace("%", "%%")
    return _TOKENS.sub(swap, sql)


# libpq's keepalives: a server gone (a laptop closed mid-import, the network lost) is noticed in about a minute,
# not after the system's two hours.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
# How long a writer waits for another's transaction (``WRITER_LOCK``) before it says so: a few milliseconds is
# usual; a minute means a process stalled holding it.
LOCK_WAIT = "60s"


class PGConnection:
    """A psycopg 3 connection that takes sqlite3's statements (``translate``) and gives rows as tuples.

    In autocommit: a statement outside ``transaction()`` commits by itself, and a reader never holds a
    transaction open between statements (which would keep a snapshot and block the migrations)."""

    is_pg = True

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        import psycopg

        try:
            self.raw = self._connect(url, read_only)
        except psycopg.Error as exc:
            raise DatabaseUnavailable(_(
                "Headquarters' database ({database}) cannot be reached: {why}. Check the server, the URL and your "
                "account (docs/headquarters.md).").format(database=shown(url), why=_first_line(exc))) from exc
        self.url = url
        self.read_only = read_only

    @staticmethod
    def _connect(url: str, read_only: bool) -> Any:
        import psycopg

        raw = psycopg.connect(url, autocommit=True, connect_timeout=15, application_name="kpmonitor",
                              **KEEPALIVES)  # type: ignore[arg-type]
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
        return raw

    def _ready(self) -> None:
        """Connected again when the server dropped the connection (restarted, the network lost) and no transaction
        was under way: a window open all day goes on; one under way is lost and said (``_unavailable``)."""
        if self.raw.closed or self.raw.broken:
            try:
                self.raw = self._connect(self.url, self.read_only)
            except Exception as exc:
                raise _unavailable(exc, self.url) from exc

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self._ready()
        alone = not self.in_transaction  # a statement of its own: asked again once on a new connection
        text, values = translate(sql, params=bool(params)), params if params else None
        try:
            return self.raw.execute(text, values, prepare=False)  # type: ignore[arg-type]
        except Exception as exc:
            if not (alone and (self.raw.closed or self.raw.broken)):
                raise _translated(exc, self.url) from exc
        self._ready()  # the server dropped the connection since the last statement: once more, on a new one
        try:
            return self.raw.execute(text, values, prepare=False)  # type: ignore[arg-type]
        except Exception as exc:
            raise _translated(exc, self.url) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> None:
        items = list(rows)
        if items:
            self._ready()
            try:
                with self.raw.cursor() as cur:
                    cur.executemany(translate(sql), items)  # type: ignore[arg-type]
            except Exception as exc:
                raise _translated(exc, self.url) from exc

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.raw.transaction():
            yield

    def close(self) -> None:
        self.raw.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or ["no reason given"])[0].rstrip(".")


def _unavailable(exc: BaseException, url: str) -> DatabaseUnavailable:
    return DatabaseUnavailable(_("Headquarters' database ({database}) did not answer: {why}. Nothing of what was "
                                 "under way was recorded; try again once the server is back.").format(
                                     database=shown(url), why=_first_line(exc)))


def _translated(exc: BaseException, url: str) -> BaseException:
    """A psycopg error as the sentence a person reads, where it is not the code's own fault: the server gone,
    a permission the database's owner did not grant, a writer that waited too long. Anything else (a frozen row,
    a constraint: ``refusal``) goes on as it is, to abort its transaction."""
    import psycopg

    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return DatabaseUnavailable(_("Headquarters' database ({database}) refused: {why}. Ask the database's owner "
                                     "for the grants of docs/headquarters.md (Roles).").format(
                                         database=shown(url), why=_first_line(exc)))
    if isinstance(exc, psycopg.errors.LockNotAvailable):
        return DatabaseUnavailable(_("Another analyst's kpmonitor has held headquarters' database for over a minute "
                                     "(stalled, or its connection lost); nothing was recorded. Try again shortly; "
                                     "if it goes on, the database's owner can end that session."))
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return _unavailable(exc, url)
    return exc


# --- the schema ----------------------------------------------------------------------------------------------

T = 'TEXT COLLATE "C"'  # byte order, as SQLite compares: ids by prefix, times as ISO text, the same on both
ROWID = "rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE"


def _frozen(table: str, why: str) -> list[str]:
    return [
        f"CREATE FUNCTION {table}_frozen() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{why}' USING ERRCODE = 'integrity_constraint_violation'; END $$",
        f"CREATE TRIGGER {table}_frozen BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION {table}_frozen()",
    ]


def p001_headquarters() -> list[str]:
    """Headquarters' tables as SQLite's migrations m003, m006, m008, m010, m011, m013, m014 and m015 leave them."""
    statements = [
        f"""CREATE TABLE audit (
            seq BIGINT PRIMARY KEY CHECK (seq > 0), at {T} NOT NULL, actor {T} NOT NULL, entity {T} NOT NULL,
            entity_id {T} NOT NULL, op {T} NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            change {T} NOT NULL, prev_hash {T} NOT NULL, hash {T} NOT NULL, {ROWID})""",
        f"""CREATE TABLE hq_reports (
            id {T} PRIMARY KEY CHECK (id ~ '^[0-9a-f]{{32}}$'), version BIGINT NOT NULL, supersedes {T},
            device_id {T} NOT NULL,
            device_seq BIGINT NOT NULL, audit_seq BIGINT NOT NULL, audit_head {T} NOT NULL, monitor {T} NOT NULL,
            signer_serial {T} NOT NULL, signer_issuer {T} NOT NULL, signer_sha256 {T} NOT NULL,
            cert_number {T} NOT NULL, cert_number_norm {T} NOT NULL, exporter {T} NOT NULL, importer {T} NOT NULL,
            origin {T} NOT NULL, provenance {T} NOT NULL, destination {T} NOT NULL, site {T} NOT NULL,
            inspected_at {T} NOT NULL, signed_at {T} NOT NULL, verdict {T} NOT NULL, carats BIGINT,
            value_usd BIGINT, parcels BIGINT NOT NULL, seals BIGINT NOT NULL, photos BIGINT NOT NULL,
            snapshot {T} NOT NULL, snapshot_sha256 {T} NOT NULL, pdf_sha256 {T} NOT NULL, pdf_size BIGINT NOT NULL,
            manifest {T} NOT NULL, manifest_sig {T} NOT NULL, manifest_sha256 {T} NOT NULL, chain_pem {T} NOT NULL,
            bundle_sha256 {T} NOT NULL, bundle_name {T} NOT NULL, verification {T} NOT NULL,
            imported_at {T} NOT NULL, production_operator {T}, production_mine {T}, container {T},
            validation_number {T}, airway_bill {T}, {ROWID})""",
        "CREATE INDEX hq_reports_bundle ON hq_reports(bundle_sha256)",
        "CREATE INDEX hq_reports_device ON hq_reports(device_id, device_seq)",
        "CREATE INDEX hq_reports_cert ON hq_reports(cert_number_norm)",
        "CREATE INDEX hq_reports_supersedes ON hq_reports(supersedes)",
        "CREATE INDEX hq_reports_signed_id ON hq_reports(signed_at, id)",
        f"""CREATE TABLE hq_seals (
            id {T} PRIMARY KEY, report_id {T} NOT NULL REFERENCES hq_reports(id), number {T} NOT NULL,
            parcel {T}, {ROWID})""",
        "CREATE INDEX hq_seals_number ON hq_seals(number)",
        "CREATE INDEX hq_seals_report ON hq_seals(report_id)",
        f"""CREATE TABLE hq_photos (
            id {T} PRIMARY KEY, report_id {T} NOT NULL REFERENCES hq_reports(id), sha256 {T} NOT NULL,
            caption {T} NOT NULL DEFAULT '', parcel {T}, seal {T}, original_name {T} NOT NULL DEFAULT '',
            format {T} NOT NULL DEFAULT '', size BIGINT NOT NULL DEFAULT 0, taken_at {T}, {ROWID})""",
        "CREATE INDEX hq_photos_report ON hq_photos(report_id)",
        "CREATE INDEX hq_photos_sha256 ON hq_photos(sha256)",
        f"""CREATE TABLE import_log (
            id {T} PRIMARY KEY, at {T} NOT NULL, file_name {T} NOT NULL, bundle_sha256 {T} NOT NULL,
            outcome {T} NOT NULL CHECK (outcome IN ('imported', 'already', 'conflict', 'refused')),
            report_id {T}, sentence {T} NOT NULL, quarantined {T}, {ROWID})""",
        "CREATE INDEX import_log_at ON import_log(at)",
        f"""CREATE TABLE hq_anomalies (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, scope {T} NOT NULL, sort_key {T} NOT NULL,
            kind {T} NOT NULL, severity {T} NOT NULL, sentence {T} NOT NULL, device_id {T} NOT NULL DEFAULT '',
            monitor {T} NOT NULL DEFAULT '', report_ids {T} NOT NULL DEFAULT '[]', anomaly_key {T},
            sentences {T} NOT NULL DEFAULT '{{}}')""",
        "CREATE INDEX hq_anomalies_scope ON hq_anomalies(scope)",
        "CREATE INDEX hq_anomalies_order ON hq_anomalies(sort_key)",
        "CREATE INDEX hq_anomalies_kind ON hq_anomalies(kind, device_id)",
        f"""CREATE TABLE hq_anomalies_judged (
            id BIGINT PRIMARY KEY CHECK (id = 1), rules {T} NOT NULL, at {T} NOT NULL, receipts {T})""",
        f"""CREATE TABLE hq_checkpoints (
            id {T} PRIMARY KEY, device_id {T} NOT NULL, size BIGINT NOT NULL, root {T} NOT NULL, note {T} NOT NULL,
            claims {T} NOT NULL, report_id {T} NOT NULL, bundle_sha256 {T} NOT NULL, accepted_at {T} NOT NULL,
            {ROWID})""",
        "CREATE INDEX hq_checkpoints_device ON hq_checkpoints(device_id, size)",
        f"""CREATE TABLE hq_anomaly_notes (
            id {T} PRIMARY KEY, anomaly_key {T} NOT NULL, kind {T} NOT NULL, scope {T} NOT NULL,
            report_ids {T} NOT NULL, text {T} NOT NULL, resolved BIGINT NOT NULL CHECK (resolved IN (0, 1)),
            by {T} NOT NULL, at {T} NOT NULL, {ROWID})""",
        "CREATE INDEX hq_anomaly_notes_key ON hq_anomaly_notes(anomaly_key, at)",
        f"""CREATE TABLE hq_receipt_confirmations (
            id {T} PRIMARY KEY, cert_number {T} NOT NULL, cert_number_norm {T} NOT NULL, confirmed_on {T} NOT NULL,
            authority {T} NOT NULL, parcels BIGINT CHECK (parcels >= 0), carats BIGINT CHECK (carats >= 0),
            importer {T} NOT NULL, exporter {T} NOT NULL, reference {T} NOT NULL, note {T} NOT NULL,
            source {T} NOT NULL CHECK (source IN ('entered', 'csv')), source_file {T} NOT NULL,
            source_sha256 {T} NOT NULL, source_line BIGINT, supersedes {T}, by {T} NOT NULL, at {T} NOT NULL,
            {ROWID})""",
        "CREATE INDEX hq_receipt_confirmations_cert ON hq_receipt_confirmations(cert_number_norm, at)",
        # Engine-only: the bytes every analyst opens, and headquarters' shared identity (``hq.shared``).
        f"""CREATE TABLE hq_blobs (
            sha256 {T} PRIMARY KEY CHECK (sha256 = encode(sha256(data), 'hex')), kind {T} NOT NULL,
            size BIGINT NOT NULL CHECK (size = length(data)), data BYTEA NOT NULL, stored_at {T} NOT NULL)""",
        f"""CREATE TABLE hq_shared (
            name {T} PRIMARY KEY, value {T} NOT NULL, by {T} NOT NULL, at {T} NOT NULL)""",
    ]
    for table, why in (("hq_reports", "imported reports are frozen"), ("hq_seals", "imported reports are frozen"),
                       ("hq_photos", "imported reports are frozen"), ("hq_checkpoints", "history is frozen"),
                       ("hq_anomaly_notes", "anomaly notes are frozen"),
                       ("hq_receipt_confirmations", "confirmations of receipt are frozen"),
                       ("hq_blobs", "stored files are frozen")):
        statements += _frozen(table, why)
    return statements


def p002_trigram_search() -> list[str]:
    """The search's trigram indexes (SQLite's m014 does it with FTS5): pg_trgm's GIN indexes on the text the
    search reads (``search_text``) and on seal numbers. pg_trgm is a trusted extension since PostgreSQL 13:
    the database's owner may create it."""
    return ["CREATE EXTENSION IF NOT EXISTS pg_trgm",
            f"CREATE INDEX hq_reports_search ON hq_reports USING gin (({search_text()}) gin_trgm_ops)",
            "CREATE INDEX hq_seals_search ON hq_seals USING gin (number gin_trgm_ops)"]


def search_text(alias: str = "") -> str:
    """The text the search narrows on (``hq.store._search_sql``): the columns SQLite's m014 puts in ``hq_search``,
    a line each. The index and the search write it alike (with or without the table's alias: the same
    expression to the planner)."""
    return " || chr(10) || ".join(f"{alias}{column}" for column in HQ_SEARCHED_COLUMNS)


MIGRATIONS = (p001_headquarters, p002_trigram_search)


def migrate(conn: PGConnection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction under ``MIGRATION_LOCK`` (two analysts
    starting at once: the second waits, then finds them applied). Returns the names applied."""
    applied: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(?)", [MIGRATION_LOCK])
        conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT "
                     "NOT NULL)")
        done = {str(r[0]) for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")}
        for migration in MIGRATIONS:
            if migration.__name__ in done:
                continue
            with conn.transaction():
                for sql in migration():
                    conn.raw.execute(sql)  # DDL as written: no placeholders to translate
                conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                             [migration.__name__, now()])
            applied.append(migration.__name__)
    return applied


def migrations_pending(conn: PGConnection) -> bool:
    import psycopg

    try:
        done = {str(r[0]) for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")}
    except psycopg.errors.UndefinedTable:  # a new database: nothing applied yet
        return True
    return any(m.__name__ not in done for m in MIGRATIONS)


# --- the store: what headquarters asks of the field store's write path ------------------------------------


def refusal(exc: BaseException) -> KPError | None:
    """The sentence for a write PostgreSQL refused, or None when the error is a bug to log as it is."""
    import psycopg

    if isinstance(exc, psycopg.errors.IntegrityConstraintViolation | psycopg.errors.IntegrityError):
        frozen = frozen_refusal(str(exc))
        if frozen is not None:  # the same sentence as SQLite's for the same trigger
            return frozen
        log.error("the database refused a change", exc_info=exc)
        return WriteFailed("The change was refused by the database and not saved; the details are in the log.")
    if isinstance(exc, psycopg.OperationalError):
        return WriteFailed(f"The change could not be saved: headquarters' database did not take it "
                           f"({_first_line(exc)}); nothing of it was stored.")
    return None


class PGStore:
    """Headquarters' tables on PostgreSQL, with the field store's audited write path (``Store.insert``,
    ``batch``, ``row_by_prefix``) over the same audit chain code (``store.audit``)."""

    def __init__(self, url: str, *, actor: str = "", device_id: str = "") -> None:
        self.url = url
        self.actor = actor
        self.device_id = device_id
        self.conn = PGConnection(url)
        try:
            if migrations_pending(self.conn):
                migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.conn.close()
            self.closed = True

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction (nested ones are savepoints); the outermost takes the writer's lock first."""
        outermost = not self.conn.in_transaction
        try:
            with self.conn.transaction():
                if outermost:
                    # Bounded: a process stalled with the lock is said, not waited for without end.
                    self.conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
                    self.conn.execute("SELECT pg_advisory_xact_lock(?)", [WRITER_LOCK])
                    self.conn.execute("SET LOCAL lock_timeout = 0")
                yield
        except BaseException as exc:
            why = refusal(exc)
            if why is None:
                raise
            raise why from exc

    def insert(self, table: str, row: dict[str, Any]) -> str:
        """Insert a row with its audit event (call inside ``batch()``). Returns the row's id."""
        row = dict(row)
        row.setdefault("id", new_id())
        cols = ", ".join(row)
        self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
        audited = {k: v for k, v in row.items() if k not in audit.UNAUDITED_COLUMNS.get(table, set())}
        audit.append(self.conn, at=now(), actor=self.actor, entity=table, entity_id=str(row["id"]),  # type: ignore[arg-type]
                     op="insert", change={"row": audited})
        return str(row["id"])

    def _row(self, table: str, row_id: str) -> dict[str, Any]:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        values = cur.fetchone()
        if values is None:
            raise NotFound(f"No {table.rstrip('s').replace('_', ' ')} with id {row_id}.")
        return {d.name: v for d, v in zip(cur.description, values, strict=True) if d.name != "rowid"}

    def row_by_prefix(self, table: str, id_or_prefix: str, what: str) -> dict[str, Any]:
        """As ``Store.row_by_prefix``: a whole row by id or a unique prefix of at least four characters."""
        return self._row(table, id_by_prefix(self.conn, table, id_or_prefix, what))

    def audit_head(self) -> audit.Head:
        return audit.head(self.conn)  # type: ignore[arg-type]

    def verify_audit(self) -> audit.AuditReport:
        """The audit chain and headquarters' audited tables checked against it (``audit.verify``), as on SQLite."""
        return audit.verify(self.conn, HQ_AUDITED_TABLES, frozenset({"rowid"}))  # type: ignore[arg-type]

    # --- what headquarters shares: its identity, its trust -------------------------------------------------

    def shared(self) -> dict[str, str]:
        return {str(n): str(v) for n, v in self.conn.execute("SELECT name, value FROM hq_shared")}

    def share(self, values: dict[str, str]) -> None:
        """Set shared values (the issuing home's root, revocation list, certificates issued)."""
        with self.batch():
            for name, value in values.items():
                self.conn.execute("INSERT INTO hq_shared (name, value, by, at) VALUES (?, ?, ?, ?) ON CONFLICT "
                                  "(name) DO UPDATE SET value = excluded.value, by = excluded.by, at = excluded.at",
                                  [name, value, self.actor, now()])


class PGBlobs:
    """The bytes headquarters keeps, by SHA-256, in ``hq_blobs``, on a connection of their own (shared by the threads
    that write a bundle's files, one statement at a time), written before the report that names them is recorded:
    a blob no report names is harmless, as a file is. The table checks each row's SHA-256 and size against its
    bytes (``p001``): a row planted under another file's hash cannot be stored."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: PGConnection | None = None
        self._lock = threading.Lock()

    def _run(self, sql: str, params: Sequence[Any]) -> Any:
        with self._lock:
            if self._conn is None:
                self._conn = PGConnection(self.url)
            return self._conn.execute(sql, params).fetchone()

    def put(self, data: bytes, kind: str) -> str:
        sha = hashlib.sha256(data).hexdigest()
        self._run("INSERT INTO hq_blobs (sha256, kind, size, data, stored_at) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (sha256) DO NOTHING RETURNING sha256", [sha, kind, len(data), data, now()])
        return sha

    def get(self, sha256: str) -> bytes | None:
        """The bytes stored under ``sha256``, checked against it (None: none stored, or not those bytes)."""
        row = self._run("SELECT data FROM hq_blobs WHERE sha256 = ?", [sha256])
        if row is None:
            return None
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != sha256:
            log.error("the blob stored as %s holds other bytes: not used", sha256)
            return None
        return data

    def has(self, sha256: str) -> bool:
        return self._run("SELECT 1 FROM hq_blobs WHERE sha256 = ?", [sha256]) is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
