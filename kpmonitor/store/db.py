"""The local store: SQLite through sqlite-utils.

Every edit is written through at once, in its own transaction, together with
its audit event (``audit.py``). The database runs in WAL mode with
``synchronous=FULL``: a commit is on the disk before the call returns, so a
crash, a kill or a power cut loses at most the edit being made. A laptop in a
sort house has no UPS; the few milliseconds per edit are worth it.

The store owns the schema (``sqlite_utils.Migrations``), the mapping between
rows and domain objects, and the rules that need the whole store (a seal
number is never reused). It holds one connection, which belongs to the thread
that opened it: the GUI funnels all writes through one writer.

Opening a store that is up to date and reading from it needs only
``sqlite3``: sqlite-utils (some 60 ms to import, more than the whole list's
first page) comes in for the first migration or the first write, so the
application shows its list without waiting for it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kpmonitor.domain.inspection import (
    Acknowledgement,
    AssortmentLot,
    Certificate,
    CertificateLine,
    DocumentReceived,
    Finding,
    FindingSeverity,
    Inspection,
    Parcel,
    Party,
    Person,
    PhotoRef,
    Production,
    Seal,
    SealEvent,
    SealEventKind,
    Shipment,
    Status,
    Validation,
    Valuation,
    Verdict,
    normalise_certificate_number,
    normalise_seal_number,
)
from kpmonitor.errors import Conflict, FrozenError, KPError, NotFound, ParseError, WriteFailed
from kpmonitor.fileio import create_private
from kpmonitor.i18n import N_, _
from kpmonitor.store import audit, seals
from kpmonitor.store.listing import BROAD_SEARCH as BROAD_SEARCH
from kpmonitor.store.listing import SUMMARY_SORT_COLUMNS as SUMMARY_SORT_COLUMNS
from kpmonitor.store.listing import InspectionSummary as InspectionSummary
from kpmonitor.store.listing import ListReader
from kpmonitor.store.listing import fts_query as fts_query
from kpmonitor.store.schema import migrations, migrations_pending, schema_problems

if TYPE_CHECKING:
    import sqlite_utils

_Row = TypeVar("_Row", CertificateLine, AssortmentLot, Person, DocumentReceived)

log = logging.getLogger(__name__)

def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return uuid.uuid4().hex


# Inspection fields a caller may set, by domain path, with the column they live in.
INSPECTION_FIELDS: dict[str, str] = {
    "site": "site", "site_lat": "site_lat", "site_lon": "site_lon", "inspected_at": "inspected_at",
    "verdict": "verdict",
    "certificate.number": "cert_number", "certificate.issuing_authority": "issuing_authority",
    "certificate.issued_on": "issued_on", "certificate.expires_on": "expires_on",
    "certificate.exporter.name": "exporter_name", "certificate.exporter.address": "exporter_address",
    "certificate.importer.name": "importer_name", "certificate.importer.address": "importer_address",
    "certificate.origin": "origin", "certificate.provenance": "provenance",
    "certificate.destination": "destination", "certificate.hs_codes": "hs_codes",
    "certificate.carats": "carats", "certificate.value_usd": "value_usd",
    "certificate.parcel_count": "parcel_count", "certificate.lines": "cert_lines",
    "validation.authority": "validation_authority", "validation.officer": "validation_officer",
    "validation.number": "validation_number", "validation.at": "validated_at",
    "shipment.container": "container", "shipment.gross_weight": "gross_weight", "shipment.carrier": "carrier",
    "shipment.airway_bill": "airway_bill", "shipment.export_declaration": "export_declaration",
    "shipment.port_of_exit": "port_of_exit", "shipment.certificate_number_on_container": "cert_on_container",
    "production.operator": "production_operator", "production.mine": "production_mine",
    "production.period": "production_period", "production.stockpile": "production_stockpile",
    "production.register": "production_register",
    "valuation.valuator": "valuator", "valuation.organisation": "valuation_organisation",
    "valuation.method": "valuation_method", "valuation.value_usd": "valuation_value_usd",
    "valuation.assortment": "assortment", "present": "present", "documents": "documents_received",
}
PARCEL_FIELDS = ("number", "hs_code", "declared_carats", "weighed_carats", "stones", "declared_value_usd",
                 "description")
SEAL_FIELDS = ("number", "type", "iso_class", "manufacturer", "parcel_id", "applied_by", "witness",
               "applied_at", "applied_place")
FINDING_FIELDS = ("severity", "section", "text")
PHOTO_FIELDS = ("caption", "parcel_id", "seal_id")


def _column_value(value: Any) -> Any:
    """Domain values to what SQLite stores."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Verdict, FindingSeverity, SealEventKind, Status)):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        # A list of rows (certificate lines, people present…) is kept as JSON objects, amounts as integers.
        return json.dumps([dataclasses.asdict(item) if dataclasses.is_dataclass(item)
                           and not isinstance(item, type) else item for item in value])
    return value


def _rows_of(text: str | None, kind: type[_Row]) -> list[_Row]:
    """A JSON column of rows back into its dataclasses; keys no field has are ignored (a later version's)."""
    names = {f.name for f in dataclasses.fields(kind)}
    return [kind(**{k: v for k, v in item.items() if k in names})
            for item in json.loads(text or "[]") if isinstance(item, dict)]


def _flag_of(value: int | None) -> bool | None:
    return None if value is None else bool(value)


@dataclass(frozen=True)
class Links:
    """An inspection's links by id (``Store.links``): row id → the parcel or seal it is linked to, or None."""

    seal_parcel: dict[str, str | None]   # seal → the parcel it is on (None: the container)
    photo_parcel: dict[str, str | None]  # photo → the parcel it shows
    photo_seal: dict[str, str | None]    # photo → the seal it shows


def _content_columns(insp: Inspection) -> dict[str, Any]:
    """The inspection's own columns that its content sets (not who, where from or when it was made)."""
    cert = insp.certificate
    return {
        "site": insp.site, "site_lat": insp.site_lat, "site_lon": insp.site_lon,
        "inspected_at": insp.inspected_at, "verdict": insp.verdict,
        "cert_number": cert.number, "cert_number_norm": normalise_certificate_number(cert.number),
        "issuing_authority": cert.issuing_authority, "issued_on": cert.issued_on,
        "expires_on": cert.expires_on, "exporter_name": cert.exporter.name,
        "exporter_address": cert.exporter.address, "importer_name": cert.importer.name,
        "importer_address": cert.importer.address, "origin": cert.origin,
        "provenance": cert.provenance, "destination": cert.destination, "hs_codes": cert.hs_codes,
        "carats": cert.carats, "value_usd": cert.value_usd, "parcel_count": cert.parcel_count,
        **_record_columns(insp),
    }


def _record_columns(insp: Inspection) -> dict[str, Any]:
    """The columns of m012: validation, shipment, production, valuation, people, documents, certificate lines."""
    val, ship, prod, valn = insp.validation, insp.shipment, insp.production, insp.valuation
    return {
        "validation_authority": val.authority, "validation_officer": val.officer,
        "validation_number": val.number, "validated_at": val.at,
        "container": ship.container, "gross_weight": ship.gross_weight, "carrier": ship.carrier,
        "airway_bill": ship.airway_bill, "export_declaration": ship.export_declaration,
        "port_of_exit": ship.port_of_exit, "cert_on_container": ship.certificate_number_on_container,
        "production_operator": prod.operator, "production_mine": prod.mine, "production_period": prod.period,
        "production_stockpile": prod.stockpile, "production_register": prod.register,
        "valuator": valn.valuator, "valuation_organisation": valn.organisation,
        "valuation_method": valn.method, "valuation_value_usd": valn.value_usd,
        "cert_lines": insp.certificate.lines, "assortment": valn.assortment, "present": insp.present,
        "documents_received": insp.documents,
    }


def _record_parts(row: dict[str, Any], insp: Inspection) -> None:
    """``_record_columns`` read back into ``insp`` (a row made before m012 holds NULLs: empty parts)."""
    def text(column: str) -> str:
        return str(row[column] or "")

    insp.certificate.lines = _rows_of(row["cert_lines"], CertificateLine)
    insp.validation = Validation(text("validation_authority"), text("validation_officer"), text("validation_number"),
                                 text("validated_at"))
    insp.shipment = Shipment(text("container"), row["gross_weight"], text("carrier"), text("airway_bill"),
                             text("export_declaration"), text("port_of_exit"), _flag_of(row["cert_on_container"]))
    insp.production = Production(text("production_operator"), text("production_mine"), text("production_period"),
                                 _flag_of(row["production_stockpile"]), text("production_register"))
    insp.valuation = Valuation(text("valuator"), text("valuation_organisation"), text("valuation_method"),
                               row["valuation_value_usd"], _rows_of(row["assortment"], AssortmentLot))
    insp.present = _rows_of(row["present"], Person)
    insp.documents = _rows_of(row["documents_received"], DocumentReceived)


# What each freeze trigger says when it refuses (``store.schema``, ``hq.pgstore``), and the sentence a person reads.
_FROZEN = (("history is frozen", N_("Signed checkpoints and receipts are history: they can no longer be changed.")),
           ("imported reports are frozen", N_("What headquarters imported is evidence: it can no longer be changed.")),
           ("anomaly notes are frozen", N_("An analyst's note is kept as written and can no longer be changed: write "
            "a new note instead.")),
           ("confirmations of receipt are frozen", N_("A confirmation of receipt is kept as recorded and can no longer "
            "be changed: record a new one to correct it.")),
           ("stored files are frozen", N_("What headquarters imported is evidence: it can no longer be changed.")),
           ("frozen", N_("This inspection is signed and can no longer be changed; amend it instead.")))


def frozen_refusal(error: str) -> FrozenError | None:
    """The sentence for a write a freeze trigger refused (its error's text), on either engine; None: not one."""
    for said, sentence in _FROZEN:
        if said in error:
            return FrozenError(_(sentence))
    return None


def id_by_prefix(conn: Any, table: str, id_or_prefix: str, what: str) -> str:
    """The id of the one row of ``table`` whose id is ``id_or_prefix`` or starts with it (four characters at least,
    as ``git``), on any connection taking sqlite3's statements (SQLite's, or headquarters' PostgreSQL one).

    :param what: how a sentence names the row ("report", "imported report").
    :raises NotFound: when no row or more than one matches.
    """
    text = id_or_prefix.strip().lower()
    rows = conn.execute(f"SELECT id FROM {table} WHERE id >= ? AND id < ? LIMIT 2",
                        [text, text + "g"]).fetchall() if len(text) >= 4 else []
    if len(rows) != 1:
        raise NotFound(f"No {what} with id {id_or_prefix}." if not rows else
                       f"The {what.split()[-1]} id {id_or_prefix} is ambiguous: give more characters.")
    return str(rows[0][0])


def _refusal(exc: BaseException) -> KPError | None:
    """The sentence for a write SQLite refused, or None when the error is a bug to log as it is."""
    if isinstance(exc, sqlite3.IntegrityError):
        frozen = frozen_refusal(str(exc))
        if frozen is not None:
            return frozen
        # A foreign key or CHECK the application should never have broken: a bug, kept in the log.
        log.error("the database refused a change", exc_info=exc)
        return WriteFailed("The change was refused by the database and not saved; the details are in the log.")
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        # Disk full, I/O error, the database locked past the timeout: nothing of the change was stored.
        return WriteFailed(f"The change could not be saved ({exc}). Check that the disk is not full; the "
                           "details are in the log.")
    return None


class Store:
    """The field or headquarters database of one home.

    :param path: the SQLite file (created when missing).
    :param actor: the name written into every audit event.
    :param committed: called after each write transaction commits, with the ids of the
        inspections it changed: the workspace validates them there, once, outside the write.
    """

    def __init__(self, path: Path | str, *, actor: str = "", device_id: str = "",
                 committed: Callable[[set[str]], None] | None = None) -> None:
        self.path = Path(path)
        self.actor = actor
        self.device_id = device_id
        self.committed = committed
        self._depth = 0                # nesting of _tx: only the outermost commits
        self._changed: set[str] = set()  # inspections changed in the transaction under way
        if str(self.path) != ":memory:":
            create_private(self.path)  # SQLite would make it 0644; its -wal and -shm files take the database's mode
        self.conn = sqlite3.connect(str(self.path), timeout=10.0)
        self.closed = False
        self.listing = ListReader(self.conn)  # the list's queries, shared with the desktop's first page
        # recursive_triggers as sqlite-utils sets it on every connection it wraps, from the start:
        # the triggers behave the same before and after the first write brings it in.
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000",
                       "recursive_triggers=ON"):
            self.conn.execute(f"PRAGMA {pragma}")
        if migrations_pending(self.conn):
            migrations().apply(self.db)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the store's connection: its transactions and the migrations."""
        import sqlite_utils

        # No sqlite-utils plugins: a package installed beside kpmonitor has no business changing
        # the connection that holds the evidence (and finding plugins scans every installed package).
        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()
        self.closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many changes into one transaction (demo data, imports): one fsync instead of many."""
        with self._tx():
            yield

    # --- the write path: every change and its audit event in one transaction -----------------

    @contextmanager
    def _tx(self) -> Iterator[None]:
        outermost = self._depth == 0
        self._depth += 1
        try:
            with self.db.atomic():
                yield
        except BaseException as exc:
            if outermost:
                self._changed.clear()
            refusal = _refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        finally:
            self._depth -= 1
        if outermost and self._changed:
            changed, self._changed = self._changed, set()
            if self.committed is not None:
                self.committed(changed)

    def _audit(self, entity: str, entity_id: str, op: str, change: dict[str, Any]) -> None:
        audit.append(self.conn, at=now(), actor=self.actor, entity=entity, entity_id=entity_id, op=op,
                     change=change)

    def _insert(self, table: str, row: dict[str, Any]) -> str:
        row = {k: _column_value(v) for k, v in row.items()}
        row.setdefault("id", new_id())
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
        audited = {k: v for k, v in row.items() if k not in audit.UNAUDITED_COLUMNS.get(table, set())}
        self._audit(table, row["id"], "insert", {"row": audited})
        return str(row["id"])

    def _update(self, table: str, row_id: str, changes: dict[str, Any]) -> bool:
        changes = {k: _column_value(v) for k, v in changes.items()}
        current = self._row(table, row_id)
        changed = {k: v for k, v in changes.items() if current.get(k) != v}
        if not changed:
            return False
        sets = ", ".join(f"{k} = ?" for k in changed)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*changed.values(), row_id])
        skip = audit.UNAUDITED_COLUMNS.get(table, set())
        audited = {k: v for k, v in changed.items() if k not in skip}
        if audited:
            self._audit(table, row_id, "update",
                        {"set": audited, "was": {k: current.get(k) for k in audited}})
        return True

    def _delete(self, table: str, row_id: str) -> None:
        current = self._row(table, row_id)
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        self._audit(table, row_id, "delete", {"was": current})

    def _row(self, table: str, row_id: str) -> dict[str, Any]:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        values = cur.fetchone()
        if values is None:
            raise NotFound(f"No {table.rstrip('s').replace('_', ' ')} with id {row_id}.")
        return dict(zip([d[0] for d in cur.description], values, strict=True))

    def _touch(self, inspection_id: str) -> None:
        """After a change: bump the time, refresh the search index; validated once committed."""
        self.conn.execute("UPDATE inspections SET updated_at = ? WHERE id = ?", [now(), inspection_id])
        self._reindex(inspection_id)
        self._changed.add(inspection_id)

    def set_validation(self, inspection_id: str, errors: int, warnings: int, rules: str) -> None:
        """Record the list's counts for an inspection: derived data, written after its change committed.

        Not audited and not part of the change's transaction: a crash between the two leaves a count
        older than the change, which ``stale_validations`` finds and ``Workspace.revalidate_stale``
        puts right; never a change without its audit.

        :param rules: ``RuleContext.fingerprint()`` of the rules the counts were made under.
        """
        with self.conn:
            self.conn.execute(
                "INSERT INTO validation (inspection_id, errors, warnings, validated_at, rules) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(inspection_id) DO UPDATE SET errors = excluded.errors, warnings = excluded.warnings, "
                "validated_at = excluded.validated_at, rules = excluded.rules",
                [inspection_id, errors, warnings, now(), rules])

    def stale_validations(self, rules: str) -> list[str]:
        """Live inspections whose counts are missing, older than their last change, or made under other rules.

        Counts stamped before stamps existed (``rules`` empty) were made in their change's transaction.
        """
        return [str(r[0]) for r in self.conn.execute(
            "SELECT i.id FROM inspections i LEFT JOIN validation v ON v.inspection_id = i.id WHERE i.deleted = 0 "
            "AND (v.inspection_id IS NULL OR v.validated_at < i.updated_at OR (v.rules != '' AND v.rules != ?))",
            [rules])]

    def _reindex(self, inspection_id: str) -> None:
        # The index row shares the inspection's rowid: FTS5 finds rows by rowid at once, while a
        # lookup on an UNINDEXED column would scan the whole index on every keystroke.
        row = self.conn.execute(
            "SELECT rowid, cert_number, cert_number_norm, exporter_name, importer_name, site, origin, destination, "
            "coalesce(container, ''), coalesce(airway_bill, '') "
            "FROM inspections WHERE id = ?", [inspection_id]).fetchone()
        if row is None:
            return
        seals = [r[0] for r in self.conn.execute("SELECT number FROM seals WHERE inspection_id = ?",
                                                 [inspection_id])]
        self.conn.execute("INSERT OR REPLACE INTO inspection_search (rowid, inspection_id, body) VALUES (?, ?, ?)",
                          [row[0], inspection_id, " ".join([*row[1:], *seals])])

    def _live_amendment(self, inspection_id: str, *, besides: str | None = None) -> str | None:
        """The draft or report, not deleted, that amends ``inspection_id`` (other than ``besides``), or None."""
        row = self.conn.execute("SELECT id FROM inspections WHERE supersedes = ? AND deleted = 0 AND id IS NOT ?",
                                [inspection_id, besides]).fetchone()
        return str(row[0]) if row else None

    def require_draft(self, inspection_id: str) -> None:
        """Refuse, with the sentence, unless the inspection is a draft that is not deleted."""
        self._require_draft(inspection_id)

    def _require_draft(self, inspection_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT status, deleted FROM inspections WHERE id = ?",
                                [inspection_id]).fetchone()
        if row is None:
            raise NotFound(f"No inspection with id {inspection_id}.")
        if row[0] == Status.SIGNED:
            raise FrozenError("This inspection is signed and can no longer be changed; amend it instead.")
        if row[1]:
            raise Conflict("This inspection was deleted; restore it first.")
        return {"status": row[0]}

    def _inspection_of(self, table: str, row_id: str) -> str:
        if table == "seal_events":
            found = self.conn.execute(
                "SELECT s.inspection_id FROM seal_events e JOIN seals s ON s.id = e.seal_id WHERE e.id = ?",
                [row_id]).fetchone()
        else:
            found = self.conn.execute(f"SELECT inspection_id FROM {table} WHERE id = ?", [row_id]).fetchone()
        if found is None:
            raise NotFound(f"No {table.rstrip('s').replace('_', ' ')} with id {row_id}.")
        return str(found[0])

    # --- inspections -------------------------------------------------------------------------

    def create_inspection(self, insp: Inspection, *, supersedes: str | None = None) -> str:
        """Store a whole inspection (parcels, seals, findings) in one transaction; returns its id.

        :raises Conflict: when a seal number is reused.
        """
        with self._tx():
            created = now()
            inspection_id = self._insert("inspections", {
                "id": insp.id or new_id(), "status": Status.DRAFT.value, "deleted": 0,
                "created_at": created, "updated_at": created, "monitor": insp.monitor or self.actor,
                "device_id": insp.device_id or self.device_id, "supersedes": supersedes or insp.supersedes,
                **_content_columns(insp),
                # Only an amendment's row holds the column: every other row stays as its audit events describe it.
                **({"amend_reason": insp.amend_reason} if insp.amend_reason else {}),
            })
            self._add_parts(inspection_id, insp)
            self._touch(inspection_id)
        return inspection_id

    def _add_parts(self, inspection_id: str, insp: Inspection) -> dict[str, str]:
        """Parcels, seals, findings and acknowledgements of ``insp``; returns parcel ids by number."""
        parcel_ids: dict[str, str] = {}
        for parcel in insp.parcels:
            parcel_ids[parcel.number] = self._add_parcel(inspection_id, parcel)
        for seal in insp.seals:
            self._add_seal(inspection_id, seal, parcel_ids.get(seal.parcel) if seal.parcel else None)
        for finding in insp.findings:
            self._add_finding(inspection_id, finding)
        for ack in insp.acknowledgements:  # copied (an amendment): who accepted it, and when, stay
            self._acknowledge(inspection_id, ack.code, ack.field, ack.note, by=ack.by, at=ack.at)
        return parcel_ids

    def replace_inspection(self, inspection_id: str, insp: Inspection) -> None:
        """Replace a draft's content (certificate, site, parcels, seals, findings, verdict) with ``insp``'s.

        What the draft is stays: its id, monitor, device, creation and the report it supersedes; so
        do its acknowledgements (a document does not carry them, and one whose warning is gone no
        longer counts). Its photos stay too (evidence is never dropped by an edit): each keeps its link to a parcel
        or seal whose number the new content still has, and loses it otherwise. One transaction:
        a refused seal number leaves the draft as it was.

        :raises Conflict: when a seal number is malformed or used elsewhere.
        """
        with self._tx():
            self._require_draft(inspection_id)
            photo_links = self.conn.execute(
                "SELECT ph.id, p.number, s.number FROM photos ph LEFT JOIN parcels p ON p.id = ph.parcel_id "
                "LEFT JOIN seals s ON s.id = ph.seal_id WHERE ph.inspection_id = ?", [inspection_id]).fetchall()
            for photo_id, _parcel, _seal in photo_links:
                self._update("photos", photo_id, {"parcel_id": None, "seal_id": None})
            for table, where in (("seal_events", "seal_id IN (SELECT id FROM seals WHERE inspection_id = ?)"),
                                 ("seals", "inspection_id = ?"), ("parcels", "inspection_id = ?"),
                                 ("findings", "inspection_id = ?")):
                for (row_id,) in self.conn.execute(f"SELECT id FROM {table} WHERE {where}",
                                                   [inspection_id]).fetchall():
                    self._delete(table, row_id)
            self._update("inspections", inspection_id, _content_columns(insp))
            parcel_ids = self._add_parts(inspection_id, insp)
            seal_ids = {number: sid for sid, number in self.conn.execute(
                "SELECT id, number FROM seals WHERE inspection_id = ?", [inspection_id])}
            for photo_id, parcel, seal in photo_links:
                links = {"parcel_id": parcel_ids.get(parcel) if parcel else None,
                         "seal_id": seal_ids.get(seal) if seal else None}
                if any(links.values()):
                    self._update("photos", photo_id, links)
            self._touch(inspection_id)

    def update_inspection(self, inspection_id: str, changes: dict[str, Any]) -> bool:
        """Set inspection fields by domain path (``certificate.exporter.name``, ``verdict``…).

        Values are domain values: carats and cents as ints, dates as ``date``.
        Returns whether anything changed.
        """
        unknown = set(changes) - set(INSPECTION_FIELDS)
        if unknown:
            raise KeyError(f"unknown inspection fields: {sorted(unknown)}")
        with self._tx():
            self._require_draft(inspection_id)
            columns = {INSPECTION_FIELDS[k]: v for k, v in changes.items()}
            if "cert_number" in columns:
                columns["cert_number_norm"] = normalise_certificate_number(str(columns["cert_number"] or ""))
            changed = self._update("inspections", inspection_id, columns)
            if changed:
                self._touch(inspection_id)
        return changed

    def delete_inspection(self, inspection_id: str) -> None:
        """Delete a draft. It is kept, marked deleted, so that it can be restored (undo)."""
        with self._tx():
            self._require_draft(inspection_id)
            self._update("inspections", inspection_id, {"deleted": 1})

    def restore_inspection(self, inspection_id: str) -> None:
        """Bring a deleted draft back (undo of ``delete_inspection``).

        :raises Conflict: when one of its seal numbers was put on another inspection meanwhile; the
            draft stays deleted (a seal is never on two shipments).
        """
        with self._tx():
            row = self._row("inspections", inspection_id)
            if not row["deleted"]:
                return
            name = row["cert_number"] or inspection_id[:8]
            if row["supersedes"] and self._live_amendment(row["supersedes"], besides=inspection_id):
                raise Conflict(f"The inspection of certificate {name} cannot be restored: the report it amends "
                               "was amended again meanwhile, and a report has one amendment at a time. It stays "
                               "deleted; delete the other amendment first.")
            for (number,) in self.conn.execute("SELECT number FROM seals WHERE inspection_id = ? ORDER BY position",
                                                [inspection_id]).fetchall():
                refusal = self.seal_used_elsewhere(number, inspection_id)
                if refusal:
                    raise Conflict(f"The inspection of certificate {name} cannot be restored: {refusal} "
                                   "It stays deleted; remove the seal from one of the two first.")
            self._update("inspections", inspection_id, {"deleted": 0})
            self._touch(inspection_id)

    def get(self, inspection_id: str) -> Inspection:
        """Load one inspection with its parcels, seals, findings, acknowledgements and photos."""
        row = self._row("inspections", inspection_id)
        cert = Certificate(
            number=row["cert_number"], issuing_authority=row["issuing_authority"],
            issued_on=date.fromisoformat(row["issued_on"]) if row["issued_on"] else None,
            expires_on=date.fromisoformat(row["expires_on"]) if row["expires_on"] else None,
            exporter=Party(row["exporter_name"], row["exporter_address"]),
            importer=Party(row["importer_name"], row["importer_address"]),
            origin=row["origin"], provenance=row["provenance"], destination=row["destination"],
            hs_codes=json.loads(row["hs_codes"]), carats=row["carats"], value_usd=row["value_usd"],
            parcel_count=row["parcel_count"],
        )
        insp = Inspection(
            certificate=cert, site=row["site"], site_lat=row["site_lat"], site_lon=row["site_lon"],
            inspected_at=row["inspected_at"], verdict=Verdict(row["verdict"]) if row["verdict"] else None,
            id=row["id"], status=Status(row["status"]), monitor=row["monitor"], device_id=row["device_id"],
            created_at=row["created_at"], updated_at=row["updated_at"], supersedes=row["supersedes"],
            amend_reason=row["amend_reason"] or "",
        )
        _record_parts(row, insp)
        q = self.conn.execute
        parcel_numbers: dict[str, str] = {}
        for pid, number, hs, dc, wc, st, dv, desc in q(
                "SELECT id, number, hs_code, declared_carats, weighed_carats, stones, declared_value_usd, "
                "description FROM parcels WHERE inspection_id = ? ORDER BY position", [inspection_id]):
            insp.parcels.append(Parcel(number=number, hs_code=hs, declared_carats=dc, weighed_carats=wc,
                                       stones=st, declared_value_usd=dv, description=desc, id=pid))
            parcel_numbers[pid] = number
        seal_numbers: dict[str, str] = {}
        seals_by_id: dict[str, Seal] = {}
        for (sid, number, typ, cls, manu, parcel_id, applied_by, witness, applied_at, place) in q(
                "SELECT id, number, type, iso_class, manufacturer, parcel_id, applied_by, witness, applied_at, "
                "applied_place FROM seals WHERE inspection_id = ? ORDER BY position", [inspection_id]):
            seal = Seal(number=number, type=typ, iso_class=cls, manufacturer=manu,
                        parcel=parcel_numbers.get(parcel_id) if parcel_id else None, applied_by=applied_by,
                        witness=witness, applied_at=applied_at, applied_place=place, id=sid)
            insp.seals.append(seal)
            seals_by_id[sid] = seal
            seal_numbers[sid] = number
        for eid, seal_id, kind, at, by, note in q(
                "SELECT e.id, e.seal_id, e.kind, e.at, e.by, e.note FROM seal_events e JOIN seals s "
                "ON s.id = e.seal_id WHERE s.inspection_id = ? ORDER BY e.rowid", [inspection_id]):
            seals_by_id[seal_id].events.append(SealEvent(kind=SealEventKind(kind), at=at, by=by, note=note,
                                                         id=eid))
        for fid, sev, section, text in q(
                "SELECT id, severity, section, text FROM findings WHERE inspection_id = ? ORDER BY position",
                [inspection_id]):
            insp.findings.append(Finding(severity=FindingSeverity(sev), section=section, text=text, id=fid))
        for code, fld, note, by, at in q(
                "SELECT code, field, note, by, at FROM acknowledgements WHERE inspection_id = ? ORDER BY rowid",
                [inspection_id]):
            insp.acknowledgements.append(Acknowledgement(code=code, field=fld, note=note, by=by, at=at))
        for (phid, sha, parcel_id, seal_id, caption, name, fmt, w, h, size, taken, lat, lon, added) in q(
                "SELECT id, sha256, parcel_id, seal_id, caption, original_name, format, width, height, size, "
                "taken_at, gps_lat, gps_lon, added_at FROM photos WHERE inspection_id = ? "
                "ORDER BY added_at, rowid", [inspection_id]):
            insp.photos.append(PhotoRef(
                id=phid, sha256=sha, caption=caption, parcel=parcel_numbers.get(parcel_id) if parcel_id else None,
                seal=seal_numbers.get(seal_id) if seal_id else None, original_name=name, format=fmt,
                width=w, height=h, size=size, taken_at=taken, gps_lat=lat, gps_lon=lon, added_at=added))
        return insp

    def resolve(self, id_or_prefix: str) -> str:
        """The full id for an id or a unique prefix of at least 4 characters (as ``git`` does)."""
        text = id_or_prefix.strip().lower()
        if len(text) < 4 or not all(c in "0123456789abcdef" for c in text):
            raise NotFound(f"“{id_or_prefix}” is not an inspection id; give at least its first 4 characters.")
        rows = [r[0] for r in self.conn.execute(
            "SELECT id FROM inspections WHERE id >= ? AND id < ? LIMIT 2", [text, text + "g"])]
        if not rows:
            raise NotFound(f"No inspection with id {id_or_prefix}.")
        if len(rows) > 1:
            raise NotFound(f"The id {id_or_prefix} is ambiguous: give more characters.")
        return str(rows[0])

    def summaries(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                  order_by: str = "updated_at", descending: bool = True,
                  include_deleted: bool = False) -> list[InspectionSummary]:
        """A page of the inspections list, optionally filtered by a search (``ListReader.summaries``)."""
        return self.listing.summaries(search, limit=limit, offset=offset, order_by=order_by, descending=descending,
                                      include_deleted=include_deleted)

    def count(self, search: str | None = None, *, include_deleted: bool = False) -> int:
        """How many rows the list has, or a search finds (``ListReader.count``)."""
        return self.listing.count(search, include_deleted=include_deleted)

    # --- parcels -----------------------------------------------------------------------------

    def _next_position(self, table: str, inspection_id: str) -> int:
        row = self.conn.execute(f"SELECT max(position) FROM {table} WHERE inspection_id = ?",
                                [inspection_id]).fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def _add_parcel(self, inspection_id: str, parcel: Parcel) -> str:
        return self._insert("parcels", {
            "id": parcel.id or new_id(), "inspection_id": inspection_id,
            "position": self._next_position("parcels", inspection_id),
            **{f: getattr(parcel, f) for f in PARCEL_FIELDS},
        })

    def add_parcel(self, inspection_id: str, parcel: Parcel) -> str:
        with self._tx():
            self._require_draft(inspection_id)
            parcel_id = self._add_parcel(inspection_id, parcel)
            self._touch(inspection_id)
        return parcel_id

    def update_parcel(self, parcel_id: str, changes: dict[str, Any]) -> bool:
        return self._update_child("parcels", parcel_id, changes, PARCEL_FIELDS)

    def delete_parcel(self, parcel_id: str) -> None:
        """Delete a parcel; seals and photos linked to it stay, linked to nothing."""
        with self._tx():
            inspection_id = self._inspection_of("parcels", parcel_id)
            self._require_draft(inspection_id)
            for (seal_id,) in self.conn.execute("SELECT id FROM seals WHERE parcel_id = ?", [parcel_id]).fetchall():
                self._update("seals", seal_id, {"parcel_id": None})
            for (photo_id,) in self.conn.execute("SELECT id FROM photos WHERE parcel_id = ?",
                                                 [parcel_id]).fetchall():
                self._update("photos", photo_id, {"parcel_id": None})
            self._delete("parcels", parcel_id)
            self._touch(inspection_id)

    def move(self, table: str, row_id: str, new_index: int) -> None:
        """Reorder a parcel, seal or finding to ``new_index`` within its inspection."""
        if table not in ("parcels", "seals", "findings"):
            raise KeyError(table)
        with self._tx():
            inspection_id = self._inspection_of(table, row_id)
            self._require_draft(inspection_id)
            ids = [r[0] for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE inspection_id = ? ORDER BY position", [inspection_id])]
            ids.remove(row_id)
            ids.insert(max(0, min(new_index, len(ids))), row_id)
            for position, rid in enumerate(ids):
                self._update(table, rid, {"position": position})
            self._touch(inspection_id)

    def _update_child(self, table: str, row_id: str, changes: dict[str, Any], allowed: tuple[str, ...]) -> bool:
        unknown = set(changes) - set(allowed)
        if unknown:
            raise KeyError(f"unknown {table} fields: {sorted(unknown)}")
        with self._tx():
            inspection_id = self._inspection_of(table, row_id)
            self._require_draft(inspection_id)
            if table == "seals" and "number" in changes:
                changes = {**changes, "number": self._check_seal_number(inspection_id, str(changes["number"]),
                                                                         exclude_seal=row_id)}
            changed = self._update(table, row_id, changes)
            if changed:
                self._touch(inspection_id)
        return changed

    # --- seals -------------------------------------------------------------------------------

    def _supersedes_of(self, inspection_id: str) -> str | None:
        row = self.conn.execute("SELECT supersedes FROM inspections WHERE id = ?", [inspection_id]).fetchone()
        return str(row[0]) if row and row[0] else None

    def seal_used_elsewhere(self, number: str, inspection_id: str | None) -> str | None:
        """The sentence refusing the seal number on ``inspection_id``, or None when it is free there.

        Decided by ``seals.reused_by`` over every draft and signed inspection holding the number
        (a deleted draft holds none).
        """
        number = normalise_seal_number(number)
        holders = [seals.SealHolder(str(other_id), f"on the inspection of certificate {cert_number or other_id[:8]}")
                   for other_id, cert_number in self.conn.execute(
                       "SELECT i.id, i.cert_number FROM seals s JOIN inspections i ON i.id = s.inspection_id "
                       "WHERE s.number = ? AND i.deleted = 0 ORDER BY i.created_at", [number])]
        other = seals.reused_by(inspection_id, holders, self._supersedes_of)
        return seals.reuse_sentence(number, other) if other else None

    def _check_seal_number(self, inspection_id: str, number: str, exclude_seal: str | None = None) -> str:
        n = normalise_seal_number(number)
        from kpmonitor.rules.kp import seal_number_problem  # the rules load the reference tables

        problem = seal_number_problem(n)
        if problem:
            raise Conflict(problem)
        for sid, parcel_id in self.conn.execute(
                "SELECT id, parcel_id FROM seals WHERE inspection_id = ? AND number = ?", [inspection_id, n]):
            if sid != exclude_seal:
                where = "the container"
                if parcel_id:
                    prow = self.conn.execute("SELECT number FROM parcels WHERE id = ?", [parcel_id]).fetchone()
                    where = f"parcel {prow[0]}" if prow else where
                raise Conflict(f"Seal {n} is already used on {where}.")
        refusal = self.seal_used_elsewhere(n, inspection_id)
        if refusal:
            raise Conflict(refusal)
        return n

    def _add_seal(self, inspection_id: str, seal: Seal, parcel_id: str | None) -> str:
        number = self._check_seal_number(inspection_id, seal.number)
        seal_id = self._insert("seals", {
            "id": seal.id or new_id(), "inspection_id": inspection_id,
            "position": self._next_position("seals", inspection_id), "number": number, "type": seal.type,
            "iso_class": seal.iso_class, "manufacturer": seal.manufacturer, "parcel_id": parcel_id,
            "applied_by": seal.applied_by, "witness": seal.witness, "applied_at": seal.applied_at,
            "applied_place": seal.applied_place,
        })
        for event in seal.events:
            if event.kind is SealEventKind.APPLIED:
                # The application is the form's: an event that names no one or no time takes the seal's own.
                event = dataclasses.replace(event, by=event.by or seal.applied_by, at=event.at or seal.applied_at)
            self._add_seal_event(seal_id, event)
        return seal_id

    def add_seal(self, inspection_id: str, seal: Seal) -> str:
        """Add a seal; ``seal.parcel`` names the parcel number it seals (None: the container).

        :raises Conflict: with the sentence when the number is malformed or already used.
        """
        with self._tx():
            self._require_draft(inspection_id)
            parcel_id = self.parcel_id(inspection_id, seal.parcel) if seal.parcel else None
            seal_id = self._add_seal(inspection_id, seal, parcel_id)
            self._touch(inspection_id)
        return seal_id

    def parcel_id(self, inspection_id: str, number: str) -> str:
        row = self.conn.execute("SELECT id FROM parcels WHERE inspection_id = ? AND number = ? ORDER BY position",
                                [inspection_id, number]).fetchone()
        if row is None:
            raise NotFound(f"There is no parcel {number} in this inspection.")
        return str(row[0])

    def seal_id(self, inspection_id: str, number: str) -> str:
        row = self.conn.execute("SELECT id FROM seals WHERE inspection_id = ? AND number = ?",
                                [inspection_id, normalise_seal_number(number)]).fetchone()
        if row is None:
            raise NotFound(f"There is no seal {number} in this inspection.")
        return str(row[0])

    def update_seal(self, seal_id: str, changes: dict[str, Any]) -> bool:
        """Change a seal's fields; its "applied" events follow who applied it and when, in the same transaction.

        The application event says what the form says (the report prints it): a corrected "Applied by" or
        "Applied at" corrects the event too, each change audited.
        """
        with self._tx():
            changed = self._update_child("seals", seal_id, changes, SEAL_FIELDS)
            follows = {column: changes[field] for field, column in (("applied_by", "by"), ("applied_at", "at"))
                       if field in changes}
            if changed and follows:
                for (event_id,) in self.conn.execute(
                        "SELECT id FROM seal_events WHERE seal_id = ? AND kind = ?",
                        [seal_id, SealEventKind.APPLIED.value]).fetchall():
                    self._update("seal_events", event_id, follows)
        return changed

    def delete_seal(self, seal_id: str) -> None:
        with self._tx():
            inspection_id = self._inspection_of("seals", seal_id)
            self._require_draft(inspection_id)
            for (event_id,) in self.conn.execute("SELECT id FROM seal_events WHERE seal_id = ?",
                                                 [seal_id]).fetchall():
                self._delete("seal_events", event_id)
            for (photo_id,) in self.conn.execute("SELECT id FROM photos WHERE seal_id = ?", [seal_id]).fetchall():
                self._update("photos", photo_id, {"seal_id": None})
            self._delete("seals", seal_id)
            self._touch(inspection_id)

    def _add_seal_event(self, seal_id: str, event: SealEvent) -> str:
        return self._insert("seal_events", {"id": event.id or new_id(), "seal_id": seal_id,
                                            "kind": event.kind, "at": event.at or now(), "by": event.by,
                                            "note": event.note})

    def add_seal_event(self, seal_id: str, event: SealEvent) -> str:
        with self._tx():
            inspection_id = self._inspection_of("seals", seal_id)
            self._require_draft(inspection_id)
            event_id = self._add_seal_event(seal_id, event)
            self._touch(inspection_id)
        return event_id

    def delete_seal_event(self, event_id: str) -> None:
        with self._tx():
            inspection_id = self._inspection_of("seal_events", event_id)
            self._require_draft(inspection_id)
            self._delete("seal_events", event_id)
            self._touch(inspection_id)

    # --- findings and acknowledgements ---------------------------------------------------------

    def _add_finding(self, inspection_id: str, finding: Finding) -> str:
        return self._insert("findings", {
            "id": finding.id or new_id(), "inspection_id": inspection_id,
            "position": self._next_position("findings", inspection_id), "severity": finding.severity,
            "section": finding.section, "text": finding.text})

    def add_finding(self, inspection_id: str, finding: Finding) -> str:
        with self._tx():
            self._require_draft(inspection_id)
            finding_id = self._add_finding(inspection_id, finding)
            self._touch(inspection_id)
        return finding_id

    def update_finding(self, finding_id: str, changes: dict[str, Any]) -> bool:
        return self._update_child("findings", finding_id, changes, FINDING_FIELDS)

    def delete_finding(self, finding_id: str) -> None:
        self._delete_child("findings", finding_id)

    def _delete_child(self, table: str, row_id: str) -> None:
        with self._tx():
            inspection_id = self._inspection_of(table, row_id)
            self._require_draft(inspection_id)
            self._delete(table, row_id)
            self._touch(inspection_id)

    def _acknowledge(self, inspection_id: str, code: str, field_path: str, note: str, *, by: str = "",
                     at: str = "") -> str:
        who = {"note": note, "by": by or self.actor, "at": at or now()}
        existing = self.conn.execute(
            "SELECT id FROM acknowledgements WHERE inspection_id = ? AND code = ? AND field = ?",
            [inspection_id, code, field_path]).fetchone()
        if existing:
            self._update("acknowledgements", existing[0], who)
            return str(existing[0])
        return self._insert("acknowledgements", {"inspection_id": inspection_id, "code": code,
                                                 "field": field_path, **who})

    def acknowledge(self, inspection_id: str, code: str, field_path: str, note: str) -> str:
        """Record that the monitor has seen a warning and accepts it, with a note saying why."""
        if not note.strip():
            raise KPError("Say why the warning is acceptable: the note goes into the report.")
        with self._tx():
            self._require_draft(inspection_id)
            ack_id = self._acknowledge(inspection_id, code, field_path, note.strip())
            self._touch(inspection_id)
        return ack_id

    def unacknowledge(self, inspection_id: str, code: str, field_path: str) -> None:
        row = self.conn.execute(
            "SELECT id FROM acknowledgements WHERE inspection_id = ? AND code = ? AND field = ?",
            [inspection_id, code, field_path]).fetchone()
        if row:
            self._delete_child("acknowledgements", row[0])

    # --- photos ------------------------------------------------------------------------------

    def add_photo(self, inspection_id: str, *, sha256: str, original_name: str, format: str, width: int,
                  height: int, size: int, taken_at: str | None, gps_lat: float | None, gps_lon: float | None,
                  caption: str = "", parcel_id: str | None = None, seal_id: str | None = None,
                  photo_id: str | None = None, added_at: str | None = None) -> tuple[str, bool]:
        """Record a photo whose bytes are already in the vault.

        Adding the same bytes to the same inspection again is not an error
        (a retried import): the existing row is returned. Returns
        ``(photo id, created)``.

        :param photo_id: the id, and ``added_at`` the time, of a photo detached and brought back (the editor's
            undo): the row returns as it was, in its place among the photos, under the id later changes name.
        """
        with self._tx():
            self._require_draft(inspection_id)
            existing = self.conn.execute("SELECT id FROM photos WHERE inspection_id = ? AND sha256 = ?",
                                         [inspection_id, sha256]).fetchone()
            if existing:
                return str(existing[0]), False
            photo_id = self._insert("photos", {
                "id": photo_id or new_id(), "inspection_id": inspection_id, "sha256": sha256,
                "parcel_id": parcel_id, "seal_id": seal_id, "caption": caption, "original_name": original_name,
                "format": format, "width": width, "height": height, "size": size, "taken_at": taken_at,
                "gps_lat": gps_lat, "gps_lon": gps_lon, "added_at": added_at or now()})
            self._touch(inspection_id)
        return photo_id, True

    def update_photo(self, photo_id: str, changes: dict[str, Any]) -> bool:
        return self._update_child("photos", photo_id, changes, PHOTO_FIELDS)

    def delete_photo(self, photo_id: str) -> None:
        """Detach a photo from its inspection (the original bytes stay in the vault)."""
        self._delete_child("photos", photo_id)

    def links(self, inspection_id: str) -> Links:
        """What each seal is on and what each photo shows, by id (the domain names them by number, which two
        rows may share): what a removed parcel or seal takes with it, and gets back when it is restored."""
        seal_parcel = {str(sid): pid for sid, pid in self.conn.execute(
            "SELECT id, parcel_id FROM seals WHERE inspection_id = ?", [inspection_id])}
        photo_parcel: dict[str, str | None] = {}
        photo_seal: dict[str, str | None] = {}
        for phid, pid, sid in self.conn.execute("SELECT id, parcel_id, seal_id FROM photos WHERE inspection_id = ?",
                                                [inspection_id]):
            photo_parcel[str(phid)], photo_seal[str(phid)] = pid, sid
        return Links(seal_parcel, photo_parcel, photo_seal)

    def photo_hashes_in_use(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT DISTINCT sha256 FROM photos")}

    # --- signed reports ----------------------------------------------------------------------

    def next_device_seq(self) -> int:
        row = self.conn.execute("SELECT max(device_seq) FROM reports").fetchone()
        return 1 if row[0] is None else int(row[0]) + 1

    def record_report(self, inspection_id: str, report: dict[str, Any], *, expected_head: audit.Head,
                      checkpoint: dict[str, Any] | None = None) -> None:
        """Freeze the inspection and record its signed report (and the checkpoint signed with it), in one transaction.

        :param expected_head: the audit head the snapshot was taken at; if
            anything changed since (another window, the CLI), the signature
            would not describe the stored record, so signing is refused.
        :param checkpoint: the ``checkpoints`` row of the log's checkpoint signed with the report.
        """
        with self._tx():
            self._require_draft(inspection_id)
            if audit.head(self.conn) != expected_head:
                raise Conflict("The inspection changed while it was being signed; sign it again.")
            superseded = self.conn.execute("SELECT supersedes FROM inspections WHERE id = ?",
                                           [inspection_id]).fetchone()[0]
            if superseded and self.conn.execute(
                    "SELECT 1 FROM inspections WHERE supersedes = ? AND status = 'signed' AND id != ?",
                    [superseded, inspection_id]).fetchone():
                raise Conflict("The report this draft amends already has a signed amendment; amend that one "
                               "instead.")
            self._insert("reports", {**report, "inspection_id": inspection_id})
            if checkpoint is not None:
                self._insert("checkpoints", {**checkpoint, "report_id": report["id"], "made_at": now()})
            self._update("inspections", inspection_id, {"status": Status.SIGNED.value})
            self._changed.add(inspection_id)  # now signed: the editor reloads it read-only

    def reports(self, inspection_id: str | None = None) -> list[dict[str, Any]]:
        """Report rows (without the snapshot text), newest first."""
        sql = ("SELECT id, inspection_id, version, supersedes, snapshot_sha256, audit_seq, audit_head, signed_at, "
               "device_seq, pdf_sha256, pdf_size, qr_text, paper FROM reports")
        params: list[Any] = []
        if inspection_id:
            sql += " WHERE inspection_id = ?"
            params.append(inspection_id)
        cur = self.conn.execute(sql + " ORDER BY device_seq DESC", params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def report(self, id_or_prefix: str) -> dict[str, Any]:
        """One report row, with its snapshot and signer certificate, by id or unique prefix."""
        return self.row_by_prefix("reports", id_or_prefix, "report")

    def row_by_prefix(self, table: str, id_or_prefix: str, what: str) -> dict[str, Any]:
        """A whole row of ``table`` by its id or a unique prefix of at least four characters (as ``git``).

        :param what: how a sentence names the row ("report", "imported report").
        :raises NotFound: when no row or more than one matches.
        """
        return self._row(table, id_by_prefix(self.conn, table, id_or_prefix, what))

    def insert(self, table: str, row: dict[str, Any]) -> str:
        """Insert a row with its audit event, for a store of the same home that owns ``table``
        (headquarters' reports, seals and photos); call inside ``batch()``. Returns the row's id."""
        return self._insert(table, row)

    def record_bundle_export(self, report_id: str, bundle_sha256: str, file_name: str) -> None:
        """Remember that a report's bundle was written (``unexported_reports`` leaves it out from now on)."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO bundle_exports (report_id, bundle_sha256, file_name, exported_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(report_id) DO UPDATE SET bundle_sha256 = excluded.bundle_sha256, "
                "file_name = excluded.file_name, exported_at = excluded.exported_at",
                [report_id, bundle_sha256, file_name, datetime.now(UTC).isoformat(timespec="seconds")])

    def unexported_reports(self) -> list[str]:
        """Ids of signed reports whose bundle was never exported, oldest first."""
        return [str(r[0]) for r in self.conn.execute(
            "SELECT id FROM reports WHERE manifest IS NOT NULL AND id NOT IN (SELECT report_id FROM bundle_exports) "
            "ORDER BY device_seq")]

    def amend(self, inspection_id: str, reason: str) -> str:
        """Start a new draft that will supersede a signed inspection: a copy, both kept on record.

        :param reason: why the report is corrected; it goes into the new report. An amendment begun before
            reasons were asked (a draft without one, which cannot be signed) is given this one instead.
        :raises ParseError: when the reason is blank.
        """
        reason = reason.strip()
        if not reason:
            raise ParseError("Say why the report is amended: the reason goes into the new report.", "amend_reason")
        with self._tx():  # the check and the copy in one transaction: two windows cannot both amend
            insp = self.get(inspection_id)
            if insp.status is not Status.SIGNED:
                raise Conflict("Only a signed inspection can be amended; this one is still a draft.")
            live = self._live_amendment(inspection_id)
            if live and self.conn.execute("SELECT 1 FROM inspections WHERE id = ? AND status = 'draft' AND "
                                          "coalesce(amend_reason, '') = ''", [live]).fetchone():
                self._update("inspections", live, {"amend_reason": reason})
                self._touch(live)
                return live
            if live:
                raise Conflict("This inspection was already amended; open the amendment instead.")
            insp.amend_reason = reason
            parcel_ids = {p.number: p.id for p in insp.parcels}
            seal_ids = {s.number: s.id for s in insp.seals}
            for p in insp.parcels:
                p.id = None
            for s in insp.seals:
                s.id = None
                for e in s.events:
                    e.id = None
            for f in insp.findings:
                f.id = None
            insp.id = None
            new_id_ = self.create_inspection(insp, supersedes=inspection_id)
            amended = self.get(new_id_)
            new_parcels = {p.number: p.id for p in amended.parcels}
            new_seals = {s.number: s.id for s in amended.seals}
            for ph in insp.photos:
                self._insert("photos", {
                    "inspection_id": new_id_, "sha256": ph.sha256,
                    "parcel_id": new_parcels.get(ph.parcel) if ph.parcel and parcel_ids.get(ph.parcel) else None,
                    "seal_id": new_seals.get(ph.seal) if ph.seal and seal_ids.get(ph.seal) else None,
                    "caption": ph.caption, "original_name": ph.original_name, "format": ph.format,
                    "width": ph.width, "height": ph.height, "size": ph.size, "taken_at": ph.taken_at,
                    "gps_lat": ph.gps_lat, "gps_lon": ph.gps_lon, "added_at": ph.added_at})
            self._touch(new_id_)
        return new_id_

    # --- the draft journal: what is being typed, before it is saved --------------------------

    def journal(self, inspection_id: str, field: str, text: str) -> None:
        """Keep the text being typed in one field of a draft, on each keystroke (``schema.m009_draft_journal``).

        One small upsert, committed as every write is (WAL, ``synchronous=FULL``): a crash, a kill or a
        power cut loses at most the keystroke being typed, where the pause before a field saves itself
        would lose the word. Bookkeeping, not evidence: not audited, not validated, the inspection's
        time untouched; the text reaches the record only through the field's own write, which ends the
        journal of that field in its transaction (``settle_journal``).
        """
        self._bookkeeping(
            "INSERT INTO draft_journal (inspection_id, field, text, typed_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(inspection_id, field) DO UPDATE SET text = excluded.text, typed_at = excluded.typed_at",
            [inspection_id, field, text, now()])

    def settle_journal(self, inspection_id: str, field: str | None = None) -> None:
        """Forget the journal of one field (its value was saved, or the monitor let the text go), or of a draft.

        Inside a change's transaction (``batch``) it commits with the change, so the saved value and the
        end of its journal are one step: never both, never neither.
        """
        if field is None:
            self._bookkeeping("DELETE FROM draft_journal WHERE inspection_id = ?", [inspection_id])
        else:
            self._bookkeeping("DELETE FROM draft_journal WHERE inspection_id = ? AND field = ?",
                              [inspection_id, field])

    def journaled(self, inspection_id: str) -> dict[str, str]:
        """What the journal holds for an inspection, field → text in the order it was typed: what to recover.

        A signed inspection never takes journaled text (a signature covers what was stored, and it is
        frozen): what the journal holds for one is discarded here, each field with a log line.
        """
        rows = self.conn.execute("SELECT field, text FROM draft_journal WHERE inspection_id = ? ORDER BY typed_at",
                                 [inspection_id]).fetchall()
        if not rows:
            return {}
        status = self.conn.execute("SELECT status FROM inspections WHERE id = ?", [inspection_id]).fetchone()
        if status is not None and status[0] == Status.SIGNED.value:
            for field, text in rows:
                log.warning("discarded the text journaled in %s of signed inspection %s, %r: a signed inspection "
                            "never takes recovered text", field, inspection_id, text[:200])
            self.settle_journal(inspection_id)
            return {}
        return {str(field): str(text) for field, text in rows}

    def journaled_draft(self) -> str | None:
        """The live draft last typed in whose journal still holds text (an interruption left it), or None."""
        # CROSS JOIN keeps the journal (empty, or a few rows) the outer loop: SQLite would otherwise walk every
        # draft of the home looking each up in the journal, some 10 ms at 10,000 inspections, at every start.
        row = self.conn.execute(
            "SELECT j.inspection_id FROM draft_journal j CROSS JOIN inspections i ON i.id = j.inspection_id "
            "WHERE i.status = 'draft' AND i.deleted = 0 ORDER BY j.typed_at DESC LIMIT 1").fetchone()
        return str(row[0]) if row else None

    def _bookkeeping(self, sql: str, params: list[Any]) -> None:
        """One statement on a table that is not evidence: committed at once, or with the change under way."""
        try:
            if self._depth:  # inside a change's transaction (_tx): it commits, or rolls back, with it
                self.conn.execute(sql, params)
                return
            with self.conn:
                self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            refusal = _refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc

    # --- history: the device's checkpoints and headquarters' receipts ------------------------

    def audit_hashes(self, size: int | None = None) -> list[str]:
        """The hashes of audit events 1..``size`` (all by default): the leaves of the log's Merkle tree."""
        return audit.event_hashes(self.conn, size)

    def checkpoints(self) -> list[dict[str, Any]]:
        """Every checkpoint this device signed, by size."""
        return self._rows("SELECT id, size, root, note, report_id, made_at FROM checkpoints ORDER BY size")

    def checkpoints_to_prove(self) -> list[tuple[int, str]]:
        """(size, root) of the checkpoints headquarters may hold as this device's latest: since the newest receipt."""
        return [(int(r[0]), str(r[1])) for r in self.conn.execute(
            "SELECT size, root FROM checkpoints WHERE size >= (SELECT coalesce(max(size), 0) FROM receipts) "
            "ORDER BY size")]

    def receipts(self) -> list[dict[str, Any]]:
        """Headquarters' receipts installed here, newest (largest checkpoint) last."""
        return self._rows("SELECT id, device_id, size, root, issued_at, reports, file_text, installed_at "
                          "FROM receipts ORDER BY size, issued_at")

    def latest_receipt(self) -> dict[str, Any] | None:
        """The newest receipt installed (as ``receipts`` orders them), without its file: what it says is held
        (``ListReader.latest_receipt``: the list asks it)."""
        return self.listing.latest_receipt()

    def install_receipt(self, row: dict[str, Any]) -> str:
        """Keep a receipt headquarters signed (checked by ``history.receipts``), with its audit event."""
        with self._tx():
            return self._insert("receipts", {**row, "installed_at": now()})

    def schema_problems(self) -> list[str]:
        """How the tables, indexes and freeze triggers differ from what the migrations made (``schema``)."""
        return schema_problems(self.conn)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    # --- audit -------------------------------------------------------------------------------

    def audit_head(self) -> audit.Head:
        return audit.head(self.conn)

    def verify_audit(self) -> audit.AuditReport:
        return audit.verify(self.conn)

    def audit_events(self, entity_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        sql = "SELECT seq, at, actor, entity, entity_id, op, change FROM audit"
        params: list[Any] = []
        if entity_id:
            sql += " WHERE entity_id = ?"
            params.append(entity_id)
        sql += " ORDER BY seq DESC LIMIT ?"
        params.append(limit)
        return [{"seq": s, "at": at, "actor": ac, "entity": e, "entity_id": eid, "op": op,
                 "change": json.loads(ch)} for s, at, ac, e, eid, op, ch in self.conn.execute(sql, params)]

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
