"""The hash-chained audit log.

Every insert, update and delete the store makes appends one event in the same
transaction as the change. Each event's hash covers its content and the hash
of the event before it, so an event edited, deleted or reordered behind the
application's back breaks the chain from that point on; replaying the events
rebuilds every audited table, so a data row edited directly is caught too.

The chain head (sequence number and hash) goes into every signed report, so
headquarters can also tell a history that was rolled back or forked.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64

# Tables whose every row is rebuilt from the log, and the columns that are
# bookkeeping rather than evidence (not audited, not compared).
AUDITED_TABLES = ("inspections", "parcels", "seals", "seal_events", "findings", "acknowledgements", "photos",
                  "reports", "hq_reports", "hq_seals", "hq_photos", "checkpoints", "receipts", "hq_checkpoints",
                  "hq_anomaly_notes", "hq_receipt_confirmations")
UNAUDITED_COLUMNS = {"inspections": {"updated_at"}}


def canonical(obj: Any) -> str:
    """JSON with sorted keys and no spaces: one text for one value, hashed the same everywhere."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: str, op: str,
               change: str) -> str:
    body = canonical([seq, at, actor, entity, entity_id, op, change])
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


def head(conn: sqlite3.Connection) -> Head:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(0, GENESIS) if row is None else Head(int(row[0]), str(row[1]))


def event_hashes(conn: sqlite3.Connection, size: int | None = None) -> list[str]:
    """The hashes of events 1..``size`` (all), in order: the leaves of the log's Merkle tree (``history``)."""
    if size is None:
        return [str(r[0]) for r in conn.execute("SELECT hash FROM audit ORDER BY seq")]
    return [str(r[0]) for r in conn.execute("SELECT hash FROM audit WHERE seq <= ? ORDER BY seq", [size])]


def append(conn: sqlite3.Connection, *, at: str, actor: str, entity: str, entity_id: str, op: str,
           change: dict[str, Any]) -> Head:
    """Append one event; the caller holds the transaction that makes the change itself."""
    prev = head(conn)
    seq = prev.seq + 1
    change_text = canonical(change)
    digest = event_hash(prev.hash, seq, at, actor, entity, entity_id, op, change_text)
    conn.execute(
        "INSERT INTO audit (seq, at, actor, entity, entity_id, op, change, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, entity, entity_id, op, change_text, prev.hash, digest),
    )
    return Head(seq, digest)


@dataclass
class AuditReport:
    events: int = 0
    head: Head = field(default_factory=lambda: Head(0, GENESIS))
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _events(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    # rowid order is the physical insertion order: a swap of seq values shows up against it.
    yield from conn.execute(
        "SELECT rowid, seq, at, actor, entity, entity_id, op, change, prev_hash, hash FROM audit ORDER BY rowid"
    )


def verify(conn: sqlite3.Connection, tables: tuple[str, ...] = AUDITED_TABLES,
           bookkeeping: frozenset[str] = frozenset()) -> AuditReport:
    """Re-check the whole chain and the tables it describes.

    Names the first broken event: a gap, an event out of order, an event whose
    content no longer matches its hash, or a link to the wrong predecessor;
    then every row whose content differs from what the log recorded.

    :param tables: the audited tables the database holds (headquarters on PostgreSQL holds only its own).
    :param bookkeeping: columns of every table that are no content (PostgreSQL's ``rowid`` identity).
    """
    report = AuditReport()
    prev_hash, expected_seq = GENESIS, 1
    state: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in tables}
    for _rowid, seq, at, actor, entity, entity_id, op, change, prev, digest in _events(conn):
        label = f"Audit event {seq} ({op} {entity} {str(entity_id)[:8]})"
        if seq != expected_seq:
            if seq > expected_seq:
                report.problems.append(f"Audit event {expected_seq} is missing: the log jumps from "
                                       f"{expected_seq - 1} to {seq}.")
            else:
                report.problems.append(f"{label} is out of order: it comes after event {expected_seq - 1}.")
            return report
        if prev != prev_hash:
            report.problems.append(f"{label} does not follow event {seq - 1}: the log was reordered or an "
                                   "event was removed and the chain rebuilt.")
            return report
        if event_hash(prev, seq, at, actor, entity, entity_id, op, change) != digest:
            report.problems.append(f"{label} was altered after it was written: its hash does not match its "
                                   "content.")
            return report
        prev_hash, expected_seq = digest, seq + 1
        report.events += 1
        _replay(state, entity, entity_id, op, json.loads(change))
    report.head = Head(expected_seq - 1, prev_hash)
    report.problems += _compare_tables(conn, state, tables, bookkeeping)
    return report


def _replay(state: dict[str, dict[str, dict[str, Any]]], entity: str, entity_id: str, op: str,
            change: dict[str, Any]) -> None:
    table = state.setdefault(entity, {})
    if op == "insert":
        table[entity_id] = dict(change["row"])
    elif op == "update":
        table.setdefault(entity_id, {}).update(change["set"])
    elif op == "delete":
        table.pop(entity_id, None)


def _compare_tables(conn: sqlite3.Connection, state: dict[str, dict[str, dict[str, Any]]], tables: tuple[str, ...],
                    bookkeeping: frozenset[str]) -> list[str]:
    problems: list[str] = []
    for table in tables:
        skip = UNAUDITED_COLUMNS.get(table, set()) | bookkeeping
        cur = conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        seen: set[str] = set()
        expected = state.get(table, {})
        for values in cur:
            row = {k: v for k, v in zip(names, values, strict=True) if k not in skip}
            rid = str(row["id"])
            seen.add(rid)
            logged = expected.get(rid)
            if logged is None:
                problems.append(f"Row {table} {rid[:8]} is not in the audit log: it was added outside kpmonitor.")
                continue
            for key, value in row.items():
                if logged.get(key) != value:
                    problems.append(f"Row {table} {rid[:8]} was edited outside kpmonitor: {key} is {value!r}, "
                                    f"the audit log says {logged.get(key)!r}.")
                    break
        for rid in expected.keys() - seen:
            problems.append(f"Row {table} {rid[:8]} was deleted outside kpmonitor: the audit log still holds it.")
    return problems
