"""The inspections list read from the store: its pages, its counts and the newest receipt, with sqlite3 alone.

Apart from ``db`` so that the list can be read before the rest of the store (the domain objects, the
audit chain's hashing, sqlite-utils) is loaded: the desktop application paints the list's first page
from a ``ListReader`` on a read-only connection of its own, and opens the store just after. The store
reads its list through a ``ListReader`` on its own connection, so both give the same rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# ``Status.SIGNED`` of ``domain.inspection``, which this module does not import (a test holds the two together).
SIGNED = "signed"


@dataclass(frozen=True)
class InspectionSummary:
    """One row of the inspections list."""

    id: str
    cert_number: str
    exporter: str
    importer: str
    origin: str
    site: str
    carats: int | None
    value_usd: int | None
    parcel_count: int | None
    status: str
    verdict: str | None
    errors: int | None
    warnings: int | None
    inspected_at: str
    updated_at: str
    supersedes: str | None = None  # an amendment: the inspection whose signed report it corrects
    # What sets one version of a report apart from another (``ListReader.summaries``, read for the page only).
    version: int = 1  # the report's (signed), or the one it will be (a draft: the amended report's + 1)
    supersedes_version: int | None = None  # the version of the report it corrects
    report_id: str | None = None  # its signed report
    superseded_by: str | None = None  # the amendment (not deleted) of its report: a draft or signed
    superseded_by_signed: bool = False  # that amendment is signed: this report is superseded
    exported_at: str | None = None  # when its report's bundle was last written (``bundle_exports``)
    amend_reason: str = ""  # an amendment's reason


SUMMARY_SORT_COLUMNS = {
    "cert_number": "i.cert_number", "exporter": "i.exporter_name", "origin": "i.origin", "carats": "i.carats",
    "value_usd": "i.value_usd", "parcel_count": "i.parcel_count", "status": "i.status",
    "warnings": "v.warnings", "updated_at": "i.updated_at", "inspected_at": "i.inspected_at",
    "site": "i.site", "importer": "i.importer_name",
}


# Above this many matches a search walks the list's order instead of sorting every match.
BROAD_SEARCH = 2000


def fts_query(text: str) -> str | None:
    """What a person types → an FTS5 query: every word must match as a prefix."""
    terms = [t for t in text.replace('"', " ").split() if t]
    if not terms:
        return None
    return " ".join(f'"{t}"*' for t in terms)


class ListReader:
    """The list's queries over a connection to a store's database, which it only reads.

    :param conn: the store's own connection, or one opened read-only for the list (``open_read_only``).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def summaries(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                  order_by: str = "updated_at", descending: bool = True,
                  include_deleted: bool = False) -> list[InspectionSummary]:
        """A page of the inspections list, optionally filtered by a search.

        The search matches certificate number (with or without spaces),
        exporter, importer, site, origin, destination and seal numbers, each
        word as a prefix.
        """
        sql, params = self._list_sql(search, include_deleted)
        column = SUMMARY_SORT_COLUMNS.get(order_by, "i.updated_at")
        direction = "DESC" if descending else "ASC"
        query = fts_query(search or "")
        if query and column == "i.updated_at" and self._matches(query) > BROAD_SEARCH:
            # A broad search ("Mbada", "ZW") matches tens of thousands: walking the list's own order and
            # keeping the matches stops after one page, where sorting every match first takes ~0.5 s.
            # A narrow one is faster the other way round, so SQLite's own plan is kept for it.
            sql = sql.replace("FROM inspections i", "FROM inspections i INDEXED BY inspections_updated_id", 1)
        rows = self.conn.execute(
            "SELECT i.id, i.cert_number, i.exporter_name, i.importer_name, i.origin, i.site, i.carats, "
            "i.value_usd, i.parcel_count, i.status, i.verdict, v.errors, v.warnings, i.inspected_at, "
            f"i.updated_at, i.supersedes {sql} ORDER BY {column} {direction}, i.id {direction} LIMIT ? OFFSET ?",
            [*params, limit, offset])
        page = rows.fetchall()
        return self._with_reports(page) if page else []

    def _with_reports(self, page: list[tuple[Any, ...]]) -> list[InspectionSummary]:
        """The page's rows with their versions, lineage and exports, read in one query over its ids.

        Not in the page's own query: a sort no index serves (by carats, by status) computes every matching
        row's columns before it keeps one page, so these joins would run for every match; here they run
        for the rows shown. A draft that amends nothing has no report, no amendment and version 1: only the
        signed rows and the amendments are looked up (none, on a page of new drafts).
        """
        status, supersedes = 9, 15  # their places in a page's row (``summaries``' columns)
        ids = [r[0] for r in page if r[status] == SIGNED or r[supersedes]]
        found: dict[str, tuple[Any, ...]] = {}
        for row in [] if not ids else self.conn.execute(
                "SELECT p.id, r.id, r.version, pr.version, a.id, a.status, e.exported_at, p.amend_reason "
                "FROM inspections p LEFT JOIN reports r ON r.inspection_id = p.id "
                "LEFT JOIN reports pr ON pr.inspection_id = p.supersedes "
                # The unary + keeps SQLite from reading the amendment by the index on ``deleted`` (every row).
                "LEFT JOIN inspections a ON a.supersedes = p.id AND +a.deleted = 0 "
                "LEFT JOIN bundle_exports e ON e.report_id = r.id "
                f"WHERE p.id IN ({', '.join('?' for _ in ids)}) ORDER BY a.status = 'signed'", ids):
            found[row[0]] = row  # a signed amendment, ordered last, wins over a draft one
        out = []
        for r in page:
            extra = found.get(r[0])
            if extra is None:  # positional, as the fields are declared: a page is built in well under a millisecond
                out.append(InspectionSummary(*r))
                continue
            _pid, report_id, version, amended_version, later, later_status, exported, reason = extra
            out.append(InspectionSummary(*(
                *r, version or ((amended_version or 0) + 1 if r[supersedes] else 1), amended_version, report_id, later,
                later_status == SIGNED, exported, reason or "")))
        return out

    def _matches(self, query: str) -> int:
        return int(self.conn.execute("SELECT count(*) FROM inspection_search WHERE inspection_search MATCH ?",
                                     [query]).fetchone()[0])

    def count(self, search: str | None = None, *, include_deleted: bool = False) -> int:
        # Without the validation counts: the join cannot change how many rows there are, and without
        # it the count reads only the narrow index on ``deleted``, not every inspection's row.
        sql, params = self._list_sql(search, include_deleted, with_validation=False)
        return int(self.conn.execute(f"SELECT count(*) {sql}", params).fetchone()[0])

    def _list_sql(self, search: str | None, include_deleted: bool, *,
                  with_validation: bool = True) -> tuple[str, list[Any]]:
        sql = "FROM inspections i"
        if with_validation:
            sql += " LEFT JOIN validation v ON v.inspection_id = i.id"
        # The count reads the index on ``deleted``; a page must not (it would sort every row instead of
        # walking the order's index): SQLite's unary + keeps a term from choosing an index.
        live = "+i.deleted = 0" if with_validation else "i.deleted = 0"
        where: list[str] = [] if include_deleted else [live]
        params: list[Any] = []
        query = fts_query(search or "")
        if query:
            where.append("i.rowid IN (SELECT rowid FROM inspection_search WHERE inspection_search MATCH ?)")
            params.append(query)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params

    def latest_receipt(self) -> dict[str, Any] | None:
        """The newest receipt installed (largest checkpoint, then latest issued), without its file: what it says
        is held (``history.received``: which rows of the list headquarters has received)."""
        cur = self.conn.execute("SELECT id, size, issued_at, reports FROM receipts ORDER BY size DESC, "
                                "issued_at DESC LIMIT 1")
        names = [d[0] for d in cur.description]
        row = cur.fetchone()
        return dict(zip(names, row, strict=True)) if row is not None else None


def open_read_only(database: Path, *, up_to_date: bool = True) -> ListReader | None:
    """A ``ListReader`` on a connection of its own that cannot write, or None when it cannot serve the list.

    None when the database is missing or unreadable, or (``up_to_date``) lacks a migration: the store,
    which applies them, must be opened first. The connection waits for a writer as the store's does.
    """
    from kpmonitor.store.schema import migrations_pending

    path = Path(database)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error:
        return None
    try:
        if up_to_date and migrations_pending(conn):
            conn.close()
            return None
    except sqlite3.Error:
        conn.close()
        return None
    return ListReader(conn)
