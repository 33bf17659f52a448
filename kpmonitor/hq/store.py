"""Headquarters' store: every SQL statement on what headquarters imports, and what it derives from it.

``HQStore`` wraps the home's ``Store`` and its one connection (the writer; the thread that opened it):
the imported reports, their seals and photos (audited, through the store's own insert), the import log
and the stored anomalies (bookkeeping and derived data, not audited), and the reads the screens and the
command line make. ``HQReader`` is a read-only connection for a thread that checks bundles while the
owner of the store records them: it can answer "is this bundle already here?" and nothing else.

The row types of the reads sit here beside their queries.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpmonitor.domain.inspection import normalise_certificate_number
from kpmonitor.domain.quantities import plain
from kpmonitor.errors import NotFound
from kpmonitor.history.checkpoint import CheckedHistory
from kpmonitor.hq.history import HeldCheckpoint
from kpmonitor.hq.pgstore import PGStore, search_text
from kpmonitor.store.db import Store, new_id, now
from kpmonitor.store.schema import anomaly_key

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

# A report's badge from its signer's serial, its certificate's SHA-256 and its chain's PEM (``hq.reports``).
Badge = Callable[[str, str, str], str]

# SQLite's default limit of host parameters is 32,766 since 3.32; chunks well below it for older builds.
_CHUNK = 500


@dataclass
class Held:
    """What the anomaly checks read of an imported report (never its snapshot)."""

    id: str
    version: int
    supersedes: str | None
    device_id: str
    device_seq: int
    audit_seq: int
    audit_head: str
    monitor: str
    cert_number: str
    cert_number_norm: str
    signed_at: str = ""

    @property
    def order_key(self) -> str:
        """Headquarters' order of reports (device, its report number, signing time), as one sortable text.

        The same order as ``ORDER BY device_id, device_seq, signed_at, id``: a stored anomaly is sorted by
        it without reading the reports again.
        """
        return "\x1f".join((self.device_id, f"{self.device_seq:012d}", self.signed_at, self.id))


_HELD_COLUMNS = ("r.id, r.version, r.supersedes, r.device_id, r.device_seq, r.audit_seq, r.audit_head, r.monitor, "
                 "r.cert_number, r.cert_number_norm, r.signed_at")
_HELD_ORDER = "r.device_id, r.device_seq, r.signed_at, r.id"


@dataclass(frozen=True)
class Anomaly:
    """Something headquarters should look at, in a sentence."""

    kind: str
    sentence: str
    device_id: str = ""
    monitor: str = ""
    report_ids: tuple[str, ...] = ()
    severity: str = "warning"  # "alert": the record itself is in doubt; "warning": a finding to review
    # The sentence in the other languages kpmonitor speaks, ((language, sentence), …), made when it was judged
    # (``hq.anomalies``): analysts sharing headquarters each read it in their own (``said``). ``sentence`` is English.
    sentences: tuple[tuple[str, str], ...] = ()

    def said(self, language: str | None = None) -> str:
        """The sentence in ``language`` (default: the core's now), English when it was not judged in that one."""
        from kpmonitor.i18n import current_language

        return dict(self.sentences).get(language or current_language(), self.sentence)

    def to_json(self) -> dict[str, Any]:
        # Language-neutral, as every --json is: the English sentence.
        return {"kind": self.kind, "severity": self.severity, "sentence": self.sentence,
                "device_id": self.device_id or None, "monitor": self.monitor or None,
                "report_ids": list(self.report_ids)}


@dataclass(frozen=True)
class StoredAnomaly:
    """An anomaly as a row: the scope an import judges again, and its place in the list."""

    scope: str     # "device:<id>", "report:<id>", "seal:<number>", "photo:<sha256>", "certificate:<normalised no.>"
    sort_key: str  # most serious first, then by kind of check and the reports it is about
    anomaly: Anomaly
    # ``anomaly_key`` of the row, as stored (read back, not computed again, by a list); "" until it is stored
    key: str = dataclasses.field(default="", compare=False)


@dataclass(frozen=True)
class Confirmation:
    """An importing authority's confirmation of receipt of a certificate's shipment, as headquarters recorded it."""

    id: str
    cert_number: str
    cert_number_norm: str
    confirmed_on: str  # YYYY-MM-DD
    authority: str
    parcels: int | None
    carats: int | None  # hundredths
    importer: str
    exporter: str
    reference: str
    note: str
    source: str  # "entered" or "csv"
    source_file: str
    source_sha256: str
    source_line: int | None
    supersedes: str | None
    by: str
    at: str

    def content(self) -> tuple[Any, ...]:
        """What the importing side said: two confirmations with the same content are one (a CSV file imported
        twice records nothing the second time)."""
        return (self.cert_number_norm, self.confirmed_on, self.authority, self.parcels, self.carats, self.importer,
                self.exporter, self.reference, self.note)

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["carats"] = plain(self.carats) if self.carats is not None else None
        return out


_CONFIRMATION_COLUMNS = ", ".join(f.name for f in dataclasses.fields(Confirmation))


@dataclass(frozen=True)
class Receipt:
    """Where a report's confirmation of receipt stands, as the list and the detail show it (``hq.receipts_due``)."""

    # "confirmed"; "mismatch" (confirmed with other figures); "awaited" (certified, within the days allowed);
    # "overdue" (certified, none after them); "" (nothing awaited: not certified, or superseded)
    state: str
    confirmed_on: str = ""
    days: int | None = None  # days since signing, while none has come
    differences: tuple[str, ...] = ()
    confirmation: Confirmation | None = None

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "confirmed_on": self.confirmed_on or None, "days": self.days,
                "differences": list(self.differences),
                "confirmation": self.confirmation.to_json() if self.confirmation is not None else None}


@dataclass(frozen=True)
class ReceiptReport:
    """What the receipt checks read of a report: where it stands in the list, and the figures to compare."""

    held: Held
    verdict: str
    parcels: int
    carats: int | None
    importer: str
    exporter: str


@dataclass(frozen=True)
class ReportSummary:
    """One row of headquarters' reports list."""

    id: str
    version: int
    supersedes: str | None
    superseded_by: str | None
    device_id: str
    device_seq: int
    monitor: str
    cert_number: str
    exporter: str
    importer: str
    origin: str
    destination: str
    inspected_at: str
    signed_at: str
    verdict: str
    carats: int | None
    value_usd: int | None
    parcels: int
    photos: int
    signer_serial: str
    # "verified" (every check held at import), "signed before enrolment" (self-signed, its key certified by
    # headquarters since) or "revoked" (its signer's certificate, or the one issued since for its key, is, now)
    badge: str
    imported_at: str
    receipt: Receipt | None = None  # its confirmation of receipt (``hq.reports.list_reports`` adds it)

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["receipt"] = self.receipt.to_json() if self.receipt is not None else None
        out["carats"] = plain(self.carats) if self.carats is not None else None
        out["value_usd"] = plain(self.value_usd) if self.value_usd is not None else None
        return out


# A report's KP record as listed and counted: its m013 column, or, for a report imported before m013 (NULL there:
# its frozen row was never given them), what its signed snapshot says.
_RECORD_PATHS = {"production_operator": "$.inspection.production.operator",
                 "production_mine": "$.inspection.production.mine", "container": "$.inspection.shipment.container",
                 "validation_number": "$.inspection.validation.number",
                 "airway_bill": "$.inspection.shipment.airway_bill"}


def _json_text(column: str, path: str, pg: bool) -> str:
    """SQL for the text at ``path`` ("$.a.b") of a JSON ``column``: SQLite's json_extract, PostgreSQL's #>>."""
    if pg:
        # json, not jsonb: jsonb refuses a signed "\u0000" in any string of the snapshot, json keeps its text.
        return f"(CAST({column} AS json) #>> '{{{','.join(path.removeprefix('$.').split('.'))}}}')"
    return f"json_extract({column}, '{path}')"


def _record(column: str, pg: bool = False) -> str:
    return f"COALESCE(r.{column}, {_json_text('r.snapshot', _RECORD_PATHS[column], pg)}, '')"


# Latest: no report of its own device supersedes it (as ``superseded_by``).
_NOT_SUPERSEDED = ("NOT EXISTS (SELECT 1 FROM hq_reports n WHERE n.supersedes = r.id AND n.device_id = r.device_id)")

# Superseded by a report of the same device only: a report may amend only its own device's reports.
_SUMMARY_COLUMNS = ("r.id, r.version, r.supersedes, (SELECT n.id FROM hq_reports n WHERE n.supersedes = r.id "
                    "AND n.device_id = r.device_id ORDER BY n.version DESC LIMIT 1), r.device_id, r.device_seq, "
                    "r.monitor, r.cert_number, r.exporter, r.importer, r.origin, r.destination, r.inspected_at, "
                    "r.signed_at, r.verdict, r.carats, r.value_usd, r.parcels, r.photos, r.signer_serial, "
                    "r.imported_at")
SORT_COLUMNS = {"signed_at": "r.signed_at", "inspected_at": "r.inspected_at", "cert_number": "r.cert_number",
                "exporter": "r.exporter", "importer": "r.importer", "monitor": "r.monitor", "origin": "r.origin",
                "verdict": "r.verdict", "carats": "r.carats", "value_usd": "r.value_usd",
                "imported_at": "r.imported_at", "device_seq": "r.device_seq"}
_SEARCHED = ("r.cert_number", "r.exporter", "r.importer", "r.monitor", "r.origin", "r.destination",
             "r.provenance", "r.site", "r.inspected_at", "r.signed_at", "r.verdict", "r.id")


# The shortest text the trigram indexes (m014) can look up: a shorter word is looked for in every report.
_TRIGRAM = 3


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere, its own ``%``, ``_`` and ``\\`` taken as they are."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_sql(search: str | None, pg: bool = False) -> tuple[str, list[Any]]:
    """Each word anywhere in a report's searched columns, its normalised certificate number or a seal number.

    A word whose every form (as typed, as a certificate number, as a seal number) is three characters or more
    first narrows the reports to those the trigram indexes (m014) say may hold it, a superset: the conditions
    after it decide, so a search finds exactly what reading every report would, without reading them.

    On PostgreSQL (``pg``) the same conditions with ILIKE (SQLite's LIKE ignores ASCII case, PostgreSQL's does
    not), narrowed by pg_trgm's indexes of the same text (``pgstore.p002_trigram_search``).
    """
    where: list[str] = []
    params: list[Any] = []
    words = [(word, normalise_certificate_number(word)) for word in (search or "").split()]
    forms_of = [{word, word.upper(), *((norm,) if norm else ())} for word, norm in words]
    # Any word narrowing the reports makes every word's seals a question of a few candidates ("ZW 0012345").
    any_narrowed = any(all(len(form) >= _TRIGRAM for form in forms) for forms in forms_of)
    for (word, norm), forms in zip(words, forms_of, strict=True):
        like = _like(word)
        narrowed = all(len(form) >= _TRIGRAM for form in forms)
        op = "ILIKE" if pg else "LIKE"
        alternatives = [f"{col} {op} ? ESCAPE '\\'" for col in _SEARCHED]
        own: list[Any] = [like] * len(_SEARCHED)
        if norm:  # "ZW004217" finds "ZW 004217"
            alternatives.append(f"r.cert_number_norm {op} ?")
            own.append(f"%{norm}%")
        if any_narrowed:  # among a few candidates: each one's own seals, by their index
            alternatives.append(f"EXISTS (SELECT 1 FROM hq_seals s WHERE s.report_id = r.id AND s.number {op} ? "
                                "ESCAPE '\\')")
        else:  # among every report: the matching seals, found once
            alternatives.append(f"r.id IN (SELECT report_id FROM hq_seals WHERE number {op} ? ESCAPE '\\')")
        own.append(like.upper())
        condition = "(" + " OR ".join(alternatives) + ")"
        if narrowed and pg:
            text = search_text("r.")
            # The same narrowing twice, in two shapes (bench/hq_scale.py, EXPLAIN ANALYZE at 100,000 reports): the
            # seals as "= ANY(ARRAY(…))" make the whole an index condition (a BitmapOr of the trigram index and the
            # primary key: a rare word in 1 ms, not a scan of every report in 160 ms), and as "IN (…)", a hashed
            # lookup, they keep the filter cheap when the planner walks the signed_at index instead (a common
            # word: thousands of seals, which "= ANY" would compare one by one, for each report).
            # Every form of the word, as SQLite's phrases below ("ZW-004217" finds "ZW 004217"); ILIKE folds case.
            likes = [_like(form) for form in sorted({form.lower() for form in forms})]
            texts = " OR ".join([f"({text}) ILIKE ? ESCAPE '\\'"] * len(likes))
            seals = "SELECT report_id FROM hq_seals WHERE " + " OR ".join(["number ILIKE ? ESCAPE '\\'"] * len(likes))
            condition = (f"({texts} OR r.id IN ({seals})) AND "
                         f"({texts} OR r.id = ANY (ARRAY({seals}))) AND " + condition)
            own = [*likes, *likes, *likes, *likes, *own]
        elif narrowed:
            phrases = " OR ".join(_fts_phrase(form) for form in sorted(forms))
            condition = ("r.id IN (SELECT report_id FROM hq_search WHERE hq_search MATCH ? UNION "
                         "SELECT report_id FROM hq_seal_search WHERE hq_seal_search MATCH ?) AND " + condition)
            own = [phrases, phrases, *own]
        where.append(condition)
        params += own
    return (" WHERE " + " AND ".join(where)) if where else "", params


def listable(row: dict[str, Any]) -> dict[str, Any]:
    """A row's texts as both engines keep them: a NUL (which a device may sign in a field: the snapshot keeps it,
    escaped) becomes U+FFFD in the columns copied out of the snapshot for listing, which PostgreSQL's text could not
    hold. The signed snapshot, manifest and chain are JSON and PEM, which hold no raw NUL."""
    return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for k, v in row.items()}


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _marks(values: Collection[object]) -> str:
    return ", ".join("?" for _ in values)


class _BundleLookups:
    """The two questions asked of a bundle before it is verified and recorded."""

    conn: sqlite3.Connection

    def report_of_bundle(self, bundle_sha256: str) -> str | None:
        """The report imported from exactly these bytes, if any."""
        row = self.conn.execute("SELECT id FROM hq_reports WHERE bundle_sha256 = ? LIMIT 1",
                                [bundle_sha256]).fetchone()
        return str(row[0]) if row is not None else None

    def manifest_of(self, report_id: str) -> str | None:
        """The manifest SHA-256 of the imported report with this id, if any."""
        row = self.conn.execute("SELECT manifest_sha256 FROM hq_reports WHERE id = ?", [report_id]).fetchone()
        return str(row[0]) if row is not None else None

    def device_of(self, report_id: str) -> str | None:
        """The device of the imported report with this id, if any."""
        row = self.conn.execute("SELECT device_id FROM hq_reports WHERE id = ?", [report_id]).fetchone()
        return str(row[0]) if row is not None else None

    def first_checkpointed_seq(self, device_id: str) -> int | None:
        """The lowest report number of the device's reports that carried a checkpoint, if any."""
        row = self.conn.execute("SELECT min(r.device_seq) FROM hq_checkpoints c "
                                "JOIN hq_reports r ON r.id = c.report_id WHERE c.device_id = ?", [device_id]).fetchone()
        return int(row[0]) if row[0] is not None else None

    def checkpoints_of(self, device_id: str) -> list[HeldCheckpoint]:
        """The device's checkpoints headquarters accepted (``hq.history``), by size."""
        return [HeldCheckpoint(int(size), base64.b64decode(root),
                               {int(k): base64.b64decode(v) for k, v in json.loads(claims).items()}, str(rid))
                for size, root, claims, rid in self.conn.execute(
                    "SELECT size, root, claims, report_id FROM hq_checkpoints WHERE device_id = ? ORDER BY size",
                    [device_id])]


def database_url(ws: Workspace) -> str:
    """Headquarters' PostgreSQL URL for this home, or "" for its own SQLite file."""
    return ws.home.database if ws.role == "hq" else ""


def hq_store(ws: Workspace) -> HQStore:
    """Headquarters' store of this home: its PostgreSQL database's (one connection, opened once and closed with
    the workspace) or its SQLite file's (the workspace's own store). Use it on the thread that owns ``ws``."""
    found = ws.attached.get("hq_store")
    if isinstance(found, HQStore):
        return found
    url = database_url(ws)
    made = HQStore(PGStore(url, actor=ws.actor, device_id=ws.home.device_id) if url else ws.store)
    ws.attached["hq_store"] = made
    return made


def database_source(ws: Workspace) -> Path | str:
    """What a worker thread opens headquarters' database from (``reader_for``): the URL, or the SQLite file."""
    return database_url(ws) or ws.paths.database


def reader_for(source: Path | str) -> HQReader | PGReader:
    """A read-only connection of its own to headquarters' database at ``source`` (``database_source``), for a
    worker thread (close it there)."""
    return PGReader(source) if isinstance(source, str) else HQReader(source)


def open_reader(ws: Workspace) -> HQReader | PGReader:
    """A read-only connection to headquarters' database of its own, for a worker thread (close it there)."""
    return reader_for(database_source(ws))


class PGReader(_BundleLookups):
    """A read-only connection to headquarters' PostgreSQL database, for a thread that only reads."""

    def __init__(self, url: str) -> None:
        from kpmonitor.hq.pgstore import PGConnection

        self.conn: Any = PGConnection(url, read_only=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PGReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class HQReader(_BundleLookups):
    """A read-only connection to a headquarters database, for a thread that only checks bundles.

    Read-only by SQLite's own ``mode=ro``: whatever the caller does, this connection cannot write, so the
    store's owner stays the one writer. WAL lets it read while the owner commits.
    """

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> HQReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class HQStore(_BundleLookups):
    """Headquarters' tables in a home's store; use it on the thread that owns the store."""

    def __init__(self, store: Store | PGStore) -> None:
        self.store = store
        self.conn: Any = store.conn
        # The few statements that differ (``pgstore``): over a PostgreSQL connection (PostgreSQL's store, or a
        # worker's read-only ``PGReader``).
        self.pg = bool(getattr(self.conn, "is_pg", False))

    def close(self) -> None:
        """Close headquarters' own connection (PostgreSQL's); SQLite's is the workspace's, closed with it."""
        if isinstance(self.store, PGStore):
            self.store.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (nested ones are savepoints): a report, its log line and its anomalies commit together.

        A writer's from its first statement: another importer on the same database (another analyst, another
        process) waits its turn here, for up to the store's busy timeout. A transaction that read first would take
        a snapshot, and SQLite refuses at once ("database is locked") to let it write once another writer
        committed after that snapshot: the bundle would have been refused for being imported at the same time.
        """
        outermost = not self.conn.in_transaction
        with self.store.batch():  # on PostgreSQL, the outermost takes the writer's lock (``PGStore.batch``)
            # SQLite: a write that changes nothing, SQLite's BEGIN IMMEDIATE inside the store's BEGIN
            if outermost and not self.pg:
                self.conn.execute("UPDATE hq_anomalies_judged SET id = id WHERE 0")
            yield

    # --- recording an import -------------------------------------------------------------------

    def insert_report(self, row: dict[str, Any], seals: Iterable[dict[str, Any]],
                      photos: Iterable[dict[str, Any]]) -> None:
        """Record an imported report, its seals and its photos, each with its audit event (call in a transaction)."""
        # The store's audited insert: the same audit chain as every other piece of evidence.
        self.store.insert("hq_reports", listable(row))
        for seal in seals:
            self.store.insert("hq_seals", listable({"id": new_id(), "report_id": row["id"], **seal}))
        for photo in photos:
            self.store.insert("hq_photos", listable({"id": new_id(), "report_id": row["id"], **photo}))

    def insert_checkpoint(self, device_id: str, report_id: str, bundle_sha256: str, history: CheckedHistory) -> None:
        """Keep a device checkpoint an import accepted, with the earlier roots it proved (call in a transaction)."""
        claims = {str(k): base64.b64encode(v).decode("ascii") for k, v in sorted(history.claims.items())}
        self.store.insert("hq_checkpoints", {
            "id": new_id(), "device_id": device_id, "size": history.checkpoint.size,
            "root": history.checkpoint.root_b64, "note": history.note, "claims": json.dumps(claims),
            "report_id": report_id, "bundle_sha256": bundle_sha256, "accepted_at": now()})

    def latest_checkpoints(self) -> list[dict[str, Any]]:
        """Each device's largest accepted checkpoint, with its note: what ``hq receipts`` cosigns."""
        # The first accepted of the largest size (two of one size hold the same root): one row a device.
        cur = self.conn.execute(
            "SELECT device_id, size, root, note, report_id FROM hq_checkpoints c WHERE rowid = "
            "(SELECT d.rowid FROM hq_checkpoints d WHERE d.device_id = c.device_id ORDER BY d.size DESC, d.rowid "
            "LIMIT 1) ORDER BY device_id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def reports_of_device(self, device_id: str) -> list[tuple[str, int, int]]:
        """(id, version, device report number) of every report headquarters holds from a device."""
        return [(str(i), int(v), int(s)) for i, v, s in self.conn.execute(
            "SELECT id, version, device_seq FROM hq_reports WHERE device_id = ? ORDER BY device_seq, id",
            [device_id])]

    def write_log(self, rows: Iterable[dict[str, Any]]) -> None:
        """Import log lines (call in a transaction). Bookkeeping, not evidence: outside the audit chain."""
        self.conn.executemany(
            "INSERT INTO import_log (id, at, file_name, bundle_sha256, outcome, report_id, sentence, quarantined) "
            "VALUES (:id, :at, :file_name, :bundle_sha256, :outcome, :report_id, :sentence, :quarantined)",
            list(rows))

    def change_marker(self) -> tuple[int, int, int]:
        """What changes when anybody records something at headquarters: the import log's last line (every import
        attempt writes one), the notes and the confirmations of receipt. A window compares it between polls to
        see another analyst's (or another process's) work without reading the reports again."""
        row = self.conn.execute(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM import_log), (SELECT count(*) FROM hq_anomaly_notes), "
            "(SELECT count(*) FROM hq_receipt_confirmations)").fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def import_log(self, limit: int = 500) -> list[dict[str, Any]]:
        """The latest import attempts, newest first."""
        cur = self.conn.execute("SELECT at, file_name, bundle_sha256, outcome, report_id, sentence, quarantined "
                                "FROM import_log ORDER BY at DESC, rowid DESC LIMIT ?", [limit])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    # --- what the anomaly checks read ----------------------------------------------------------

    def _held(self, where: str = "", params: Iterable[Any] = ()) -> list[Held]:
        return [Held(*r) for r in self.conn.execute(
            f"SELECT {_HELD_COLUMNS} FROM hq_reports r{where} ORDER BY {_HELD_ORDER}", list(params))]

    def held(self) -> list[Held]:
        """Every imported report, in headquarters' order (``Held.order_key``)."""
        return self._held()

    def held_report(self, report_id: str) -> Held | None:
        found = self._held(" WHERE r.id = ?", [report_id])
        return found[0] if found else None

    def held_of_device(self, device_id: str) -> list[Held]:
        return self._held(" WHERE r.device_id = ?", [device_id])

    def held_descending_from(self, root: str) -> list[Held]:
        """``root`` (when held) and every report superseding it, directly or through others, of any device: one
        lineage, and the whole lineage of any report there that claims another device's (``hq.lineage``)."""
        # UNION, not UNION ALL: a chain that loops (a forged store) ends instead of recursing for ever.
        # PostgreSQL: the first term's text in the columns' own collation ("C"), or the recursion is refused.
        start = "CAST(? AS TEXT) COLLATE \"C\"" if self.pg else "?"
        return self._held(f" WHERE r.id IN (WITH RECURSIVE line(id) AS (SELECT {start} UNION SELECT s.id FROM "
                          "hq_reports s JOIN line ON s.supersedes = line.id) SELECT id FROM line)", [root])

    def held_claiming(self, report_id: str) -> list[Held]:
        """The reports that say they supersede ``report_id``, of any device."""
        return self._held(" WHERE r.supersedes = ?", [report_id])

    def snapshot(self, report_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT snapshot FROM hq_reports WHERE id = ?", [report_id]).fetchone()
        if row is None:
            raise NotFound(f"No imported report with id {report_id}.")
        snapshot: dict[str, Any] = json.loads(row[0])
        return snapshot

    def seal_numbers(self, report_ids: Iterable[str]) -> set[str]:
        """The seal numbers the reports carry."""
        return self._carried("hq_seals", "number", report_ids)

    def seal_holders(self, numbers: Iterable[str] | None = None) -> dict[str, list[Held]]:
        """Seal number → the reports carrying it, in the order they were imported; every number when ``numbers``
        is None."""
        return self._holders("hq_seals", "number", numbers)

    def photo_hashes(self, report_ids: Iterable[str]) -> set[str]:
        """The SHA-256 of the photos the reports carry."""
        return self._carried("hq_photos", "sha256", report_ids)

    def photo_holders(self, hashes: Iterable[str] | None = None) -> dict[str, list[Held]]:
        """Photo SHA-256 → the reports carrying it, in the order they were imported; every photo when ``hashes``
        is None."""
        return self._holders("hq_photos", "sha256", hashes)

    def _carried(self, table: str, column: str, report_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(report_ids):
            out.update(r[0] for r in self.conn.execute(
                f"SELECT {column} FROM {table} WHERE report_id IN ({_marks(chunk)})", chunk))
        return out

    def _holders(self, table: str, column: str, values: Iterable[str] | None) -> dict[str, list[Held]]:
        """``column``'s value (a seal number, a photo's SHA-256) → the reports whose ``table`` rows carry it."""
        out: dict[str, list[Held]] = defaultdict(list)
        if values is None:
            held = {h.id: h for h in self.held()}
            pairs: Iterable[tuple[str, Held]] = (
                (value, held[report_id]) for value, report_id in self.conn.execute(
                    f"SELECT {column}, report_id FROM {table} ORDER BY {column}, rowid"))
        else:
            pairs = ((value, Held(*row)) for chunk in _chunks(values) for value, *row in self.conn.execute(
                f"SELECT s.{column}, {_HELD_COLUMNS} FROM {table} s JOIN hq_reports r ON r.id = s.report_id "
                f"WHERE s.{column} IN ({_marks(chunk)}) ORDER BY s.{column}, s.rowid", chunk))
        for value, h in pairs:
            holders = out[value]
            if all(other.id != h.id for other in holders):  # a report listing one seal twice holds it once
                holders.append(h)
        return dict(out)

    def certificate_holders(self, norms: Iterable[str]) -> dict[str, list[Held]]:
        """Normalised KP certificate number → the reports carrying it, in headquarters' order."""
        out: dict[str, list[Held]] = defaultdict(list)
        for chunk in _chunks(norms):
            for h in self._held(f" WHERE r.cert_number_norm IN ({_marks(chunk)})", chunk):
                out[h.cert_number_norm].append(h)
        return dict(out)

    # --- stored anomalies ----------------------------------------------------------------------

    def anomalies(self) -> list[Anomaly]:
        """The stored anomalies, most serious first."""
        return [row.anomaly for row in self.stored_anomalies()]

    def stored_anomalies(self) -> list[StoredAnomaly]:
        """The stored rows with their scopes and places, in the list's order."""
        return self._stored_rows("", [])

    def stored_of_kind(self, kind: str, device_id: str | None = None) -> list[StoredAnomaly]:
        """The stored rows of one kind (of one device, when ``device_id`` is given), in the list's order."""
        if device_id is None:
            return self._stored_rows(" WHERE kind = ?", [kind])
        return self._stored_rows(" WHERE kind = ? AND device_id = ?", [kind, device_id])

    def _stored_rows(self, where: str, params: list[Any]) -> list[StoredAnomaly]:
        out = []
        loads = json.loads
        for scope, sort_key, kind, sentence, device_id, monitor, ids, severity, key, said in self.conn.execute(
                "SELECT scope, sort_key, kind, sentence, device_id, monitor, report_ids, severity, anomaly_key, "
                f"sentences FROM hq_anomalies{where} ORDER BY sort_key, id", params):
            report_ids = tuple(loads(ids))
            # Every row has its key since m014; one written without (a hand-made store) gets it computed.
            out.append(StoredAnomaly(scope, sort_key, Anomaly(kind, sentence, device_id, monitor, report_ids, severity,
                                                              tuple(loads(said or "{}").items())),
                                     key or anomaly_key(kind, scope, report_ids)))
        return out

    def replace_anomalies(self, scopes: Iterable[str] | None, rows: Iterable[StoredAnomaly]) -> None:
        """Drop the anomalies of ``scopes`` (every one when None) and store ``rows`` (call in a transaction).

        Derived data, not evidence: written directly, outside the audit chain, and rebuilt at will.
        """
        if scopes is None:
            self.conn.execute("DELETE FROM hq_anomalies")
        else:
            for chunk in _chunks(scopes):
                self.conn.execute(f"DELETE FROM hq_anomalies WHERE scope IN ({_marks(chunk)})", chunk)
        self.conn.executemany(
            "INSERT INTO hq_anomalies (scope, sort_key, kind, severity, sentence, device_id, monitor, report_ids, "
            "anomaly_key, sentences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.scope, r.sort_key, r.anomaly.kind, r.anomaly.severity, r.anomaly.sentence, r.anomaly.device_id,
              r.anomaly.monitor, json.dumps(list(r.anomaly.report_ids)),
              anomaly_key(r.anomaly.kind, r.scope, r.anomaly.report_ids),
              json.dumps(dict(r.anomaly.sentences), ensure_ascii=False)) for r in rows])

    def anomalies_judged_with(self) -> str | None:
        """The fingerprint of the rules the stored anomalies were judged with; None: never judged."""
        row = self.conn.execute("SELECT rules FROM hq_anomalies_judged WHERE id = 1").fetchone()
        return str(row[0]) if row is not None else None

    def set_anomalies_judged_with(self, rules: str) -> None:
        """Record that every stored anomaly was judged with these rules (call in a transaction)."""
        self.conn.execute("INSERT INTO hq_anomalies_judged (id, rules, at) VALUES (1, ?, ?) ON CONFLICT(id) "
                          "DO UPDATE SET rules = excluded.rules, at = excluded.at", [rules, now()])

    def replace_anomalies_under(self, prefix: str, rows: Iterable[StoredAnomaly]) -> None:
        """Drop every anomaly whose scope starts with ``prefix`` and store ``rows`` (call in a transaction)."""
        self.conn.execute("DELETE FROM hq_anomalies WHERE substr(scope, 1, ?) = ?", [len(prefix), prefix])
        self.replace_anomalies([], rows)

    def receipts_judged_with(self) -> str | None:
        """The day and setting every receipt was last judged with (``hq.anomalies.judge_receipts``); None: never."""
        row = self.conn.execute("SELECT receipts FROM hq_anomalies_judged WHERE id = 1").fetchone()
        return str(row[0]) if row is not None and row[0] is not None else None

    def set_receipts_judged_with(self, marker: str) -> None:
        """Record that every receipt was judged with ``marker`` (call in a transaction, once everything else was
        judged: the row is the rules')."""
        self.conn.execute("UPDATE hq_anomalies_judged SET receipts = ? WHERE id = 1", [marker])

    # --- confirmations of receipt --------------------------------------------------------------

    def insert_confirmation(self, row: dict[str, Any]) -> str:
        """Keep a confirmation of receipt with its audit event (call in a transaction). Evidence of what the
        importing side said: frozen (m013); a later confirmation of the certificate supersedes it."""
        return self.store.insert("hq_receipt_confirmations", {"id": new_id(), **row})

    def confirmations(self, norms: Iterable[str] | None = None) -> list[Confirmation]:
        """The confirmations recorded (of these normalised certificate numbers), oldest first."""
        sql = f"SELECT {_CONFIRMATION_COLUMNS} FROM hq_receipt_confirmations"
        if norms is None:
            return [Confirmation(*r) for r in self.conn.execute(f"{sql} ORDER BY at, rowid")]
        out: list[Confirmation] = []
        for chunk in _chunks(norms):
            out += [Confirmation(*r) for r in self.conn.execute(
                f"{sql} WHERE cert_number_norm IN ({_marks(chunk)}) ORDER BY at, rowid", chunk)]
        return sorted(out, key=lambda c: c.at)

    def current_confirmations(self, norms: Iterable[str] | None = None) -> dict[str, Confirmation]:
        """Normalised certificate number → the confirmation that counts: the latest recorded (it supersedes the
        earlier ones)."""
        return {c.cert_number_norm: c for c in self.confirmations(norms)}

    def receipt_reports(self, norms: Iterable[str] | None = None) -> list[ReceiptReport]:
        """The latest version of each report (of these normalised certificate numbers), in headquarters' order."""
        sql = (f"SELECT {_HELD_COLUMNS}, r.verdict, r.parcels, r.carats, r.importer, r.exporter FROM hq_reports r "
               f"WHERE {_NOT_SUPERSEDED}")

        def rows(where: str, params: list[str]) -> list[ReceiptReport]:
            return [ReceiptReport(Held(*r[:11]), *r[11:]) for r in self.conn.execute(
                f"{sql}{where} ORDER BY {_HELD_ORDER}", params)]
        if norms is None:
            return rows("", [])
        out: list[ReceiptReport] = []
        for chunk in _chunks(norms):
            out += rows(f" AND r.cert_number_norm IN ({_marks(chunk)})", chunk)
        return sorted(out, key=lambda rr: rr.held.order_key)

    def certificate_norms_held(self, norms: Iterable[str]) -> set[str]:
        """Which of these normalised certificate numbers a report headquarters holds carries (any version)."""
        out: set[str] = set()
        for chunk in _chunks(norms):
            out.update(str(r[0]) for r in self.conn.execute(
                f"SELECT DISTINCT cert_number_norm FROM hq_reports WHERE cert_number_norm IN ({_marks(chunk)})",
                chunk))
        return out

    # --- analysts' notes on anomalies ----------------------------------------------------------

    def insert_note(self, row: dict[str, Any]) -> str:
        """Keep an analyst's note on an anomaly (``hq.notes``), with its audit event, in its own transaction.

        Evidence of who said what and when: audited, and frozen (a later note supersedes it; none is changed).
        """
        with self.store.batch():
            return self.store.insert("hq_anomaly_notes", {"id": new_id(), **row})

    def latest_notes(self) -> dict[str, dict[str, Any]]:
        """Each anomaly key's latest note: ``text``, ``resolved``, ``by``, ``at`` (and how many were written)."""
        out: dict[str, dict[str, Any]] = {}
        for key, text, resolved, by, at in self.conn.execute(
                "SELECT anomaly_key, text, resolved, by, at FROM hq_anomaly_notes ORDER BY at, rowid"):
            earlier = out.get(key, {}).get("notes", 0)
            out[key] = {"text": text, "resolved": bool(resolved), "by": by, "at": at, "notes": earlier + 1}
        return out

    # --- the reports list and one report ---------------------------------------------------------

    def list_reports(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                     order_by: str = "signed_at", descending: bool = True,
                     badge: Badge = lambda _serial, _sha256, _chain: "verified") -> list[ReportSummary]:
        """A page of imported reports (see ``hq.reports.list_reports``); ``badge``: each one's, from its signer's
        serial, its certificate's SHA-256 and the chain it came with."""
        where, params = _search_sql(search, self.pg)
        column = SORT_COLUMNS.get(order_by, "r.signed_at")
        direction = "DESC" if descending else "ASC"
        # A report without carats or value (NULL): SQLite's smallest value, PostgreSQL's largest unless told.
        nulls = (" NULLS LAST" if descending else " NULLS FIRST") if self.pg else ""
        order = f"ORDER BY {column} {direction}{nulls}, r.id {direction}"
        # The page's ids first (the search and the order alone), then the columns of those rows only: the
        # superseding report and the chain are read for the page, not for every report the search matched.
        rows = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, r.signer_sha256, r.chain_pem FROM hq_reports r WHERE r.id IN "
            f"(SELECT r.id FROM hq_reports r{where} {order} LIMIT ? OFFSET ?) {order}",
            [*params, limit, offset]).fetchall()
        names = [f.name for f in dataclasses.fields(ReportSummary) if f.name not in ("badge", "receipt")]
        out = []
        for *r, signer_sha256, chain_pem in rows:
            values: dict[str, Any] = dict(zip(names, r, strict=True))
            out.append(ReportSummary(**values, badge=badge(values["signer_serial"], signer_sha256, chain_pem)))
        return out

    def count_reports(self, search: str | None = None) -> int:
        where, params = _search_sql(search, self.pg)
        return int(self.conn.execute(f"SELECT count(*) FROM hq_reports r{where}", params).fetchone()[0])

    def signed_rows(self) -> Iterator[dict[str, Any]]:
        """Every imported report's whole row, in the order imported (``hq.recheck``: what it signed, checked)."""
        cur = self.conn.execute("SELECT * FROM hq_reports ORDER BY rowid")
        names = [d[0] for d in cur.description]
        for values in cur:
            yield {k: v for k, v in zip(names, values, strict=True) if k != "rowid"}

    def report_row(self, id_or_prefix: str) -> dict[str, Any]:
        """One imported report's whole row, by id or a unique prefix of at least four characters."""
        return self.store.row_by_prefix("hq_reports", id_or_prefix, "imported report")

    def photos_of(self, report_id: str) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT sha256, caption, parcel, seal, original_name, format, size, taken_at "
                                "FROM hq_photos WHERE report_id = ? ORDER BY rowid", [report_id])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def superseded_by(self, report_id: str) -> list[str]:
        """The reports of its own device that supersede this one, oldest version first."""
        return [str(r[0]) for r in self.conn.execute(
            "SELECT n.id FROM hq_reports n JOIN hq_reports r ON r.id = n.supersedes AND r.device_id = n.device_id "
            "WHERE n.supersedes = ? ORDER BY n.version", [report_id])]

    # --- monitors and statistics ---------------------------------------------------------------

    def devices(self) -> list[tuple[str, str, int, int, str, str, str, str]]:
        """Per device: id, latest monitor, reports, highest number, the numbers held (comma-separated), last
        signed, last imported, its signers' serials (comma-separated)."""
        def joined(column: str) -> str:
            if self.pg:
                return f"string_agg(DISTINCT CAST({column} AS TEXT), ',')"
            return f"group_concat(DISTINCT {column})"
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT r.device_id, (SELECT m.monitor FROM hq_reports m WHERE m.device_id = r.device_id ORDER BY "
            f"m.signed_at DESC LIMIT 1), count(*), max(r.device_seq), {joined('r.device_seq')}, "
            f"max(r.signed_at), max(r.imported_at), {joined('r.signer_serial')} FROM hq_reports r "
            "GROUP BY r.device_id ORDER BY r.device_id")]

    def record_rows(self) -> list[tuple[str, str, str, str, int | None, int | None]]:
        """Per report: id, production operator, mine, verdict, carats, value (what statistics by operator and mine
        add up; a report imported before m013 is read from its snapshot)."""
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            f"SELECT r.id, {_record('production_operator', self.pg)}, {_record('production_mine', self.pg)}, "
            "r.verdict, r.carats, r.value_usd FROM hq_reports r ORDER BY r.rowid")]

    def record_of(self, report_id: str) -> dict[str, str]:
        """One report's KP record as listed (``HQ_RECORD_COLUMNS``), its snapshot's for a report imported before."""
        names = list(_RECORD_PATHS)
        columns = ", ".join(_record(n, self.pg) for n in names)
        row = self.conn.execute(f"SELECT {columns} FROM hq_reports r WHERE r.id = ?", [report_id]).fetchone()
        return {n: str(v or "") for n, v in zip(names, row or [""] * len(names), strict=True)}

    def shipment_rows(self) -> list[tuple[str, str, str, str, str, int | None, int | None]]:
        """Per report: id, inspected at, signed at, origin, verdict, carats, value (what statistics add up)."""
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT id, inspected_at, signed_at, origin, verdict, carats, value_usd FROM hq_reports ORDER BY rowid")]


# ================================================================================== the dashboard's reads
# Added for the dashboard and the quarterly report (``hq.dashboard``, ``hq.quarterly``); read-only. A class of its
# own over any connection to headquarters' database: the workspace's on the GUI thread (``HQStore(...).conn``),
# or a read-only ``HQReader``'s on a worker, which reads the figures while the window goes on.


@dataclass(frozen=True)
class DashboardReport:
    """What the dashboard counts of one imported report: its columns, and its certificate's HS codes."""

    held: Held
    inspected_at: str
    origin: str
    verdict: str
    carats: int | None  # hundredths
    value_usd: int | None  # cents
    hs_codes: tuple[str, ...]


@dataclass(frozen=True)
class DashboardAnomaly:
    """A stored anomaly as the dashboard counts it: its kind and severity, and what it is about."""

    scope: str
    kind: str
    severity: str
    device_id: str
    report_ids: tuple[str, ...]


class DashboardReads:
    """The dashboard's reads, on ``conn`` (any connection to headquarters' database; it is never written)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.pg = bool(getattr(conn, "is_pg", False))

    def reports(self) -> list[DashboardReport]:
        """Every imported report, in headquarters' order. Columns only, but for the certificate's HS codes, which
        ``hq_reports`` has no column for: SQLite takes them out of the snapshot (one small JSON value; no
        snapshot crosses into Python)."""
        out = []
        for *held, inspected_at, origin, verdict, carats, value, codes in self.conn.execute(
                f"SELECT {_HELD_COLUMNS}, r.inspected_at, r.origin, r.verdict, r.carats, r.value_usd, "
                f"{_json_text('r.snapshot', '$.inspection.certificate.hs_codes', self.pg)} FROM hq_reports r "
                f"ORDER BY {_HELD_ORDER}"):
            try:
                parsed = json.loads(codes) if codes else []
            except ValueError:
                parsed = []
            hs = tuple(str(c).strip() for c in parsed if isinstance(c, str) and c.strip()) \
                if isinstance(parsed, list) else ()
            out.append(DashboardReport(Held(*held), inspected_at or "", origin or "", verdict or "", carats, value,
                                       hs))
        return out

    def anomalies(self) -> list[DashboardAnomaly]:
        """The stored anomalies, in the list's order."""
        out = []
        for scope, kind, severity, device_id, ids in self.conn.execute(
                "SELECT scope, kind, severity, device_id, report_ids FROM hq_anomalies ORDER BY sort_key, id"):
            try:
                report_ids = tuple(str(i) for i in json.loads(ids or "[]"))
            except (TypeError, ValueError):
                report_ids = ()
            out.append(DashboardAnomaly(scope, kind, severity, device_id or "", report_ids))
        return out

    def resolved_keys(self) -> set[str]:
        """The anomaly keys (``hq.notes.anomaly_key``) whose latest note marks them resolved."""
        latest: dict[str, bool] = {}
        for key, resolved in self.conn.execute(
                "SELECT anomaly_key, resolved FROM hq_anomaly_notes ORDER BY at, rowid"):
            latest[str(key)] = bool(resolved)
        return {key for key, resolved in latest.items() if resolved}

    def receipt_reports(self) -> list[ReceiptReport]:
        """The latest version of each report, in headquarters' order (as ``HQStore.receipt_reports``)."""
        return [ReceiptReport(Held(*r[:11]), *r[11:]) for r in self.conn.execute(
            f"SELECT {_HELD_COLUMNS}, r.verdict, r.parcels, r.carats, r.importer, r.exporter FROM hq_reports r "
            f"WHERE {_NOT_SUPERSEDED} ORDER BY {_HELD_ORDER}")]

    def current_confirmations(self) -> dict[str, Confirmation]:
        """Normalised certificate number → the confirmation that counts (as ``HQStore.current_confirmations``)."""
        return {c.cert_number_norm: c for c in (Confirmation(*r) for r in self.conn.execute(
            f"SELECT {_CONFIRMATION_COLUMNS} FROM hq_receipt_confirmations ORDER BY at, rowid"))}
