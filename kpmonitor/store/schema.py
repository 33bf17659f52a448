"""The field store's schema: every change to it is a migration (``sqlite_utils.Migrations``).

Each migration runs in a transaction and is recorded by name in sqlite-utils' own table; the store
applies what is pending when it opens. A database is never changed by hand: a new column, index or
table is a new function at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "kpmonitor"
# Where sqlite-utils records the migrations applied (``Migrations.migrations_table``), read here
# without importing it; a test holds the two names together.
MIGRATIONS_TABLE = "_sqlite_migrations"


# The first schema: the inspection, its parts, reports, the audit chain, derived tables.
_M001_TABLES = (
    """CREATE TABLE inspections (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        monitor TEXT NOT NULL DEFAULT '',
        device_id TEXT NOT NULL DEFAULT '',
        supersedes TEXT REFERENCES inspections(id),
        site TEXT NOT NULL DEFAULT '',
        site_lat REAL, site_lon REAL,
        inspected_at TEXT NOT NULL DEFAULT '',
        verdict TEXT CHECK (verdict IN ('certified', 'not_certified', 'held')),
        cert_number TEXT NOT NULL DEFAULT '',
        cert_number_norm TEXT NOT NULL DEFAULT '',
        issuing_authority TEXT NOT NULL DEFAULT '',
        issued_on TEXT, expires_on TEXT,
        exporter_name TEXT NOT NULL DEFAULT '', exporter_address TEXT NOT NULL DEFAULT '',
        importer_name TEXT NOT NULL DEFAULT '', importer_address TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '', provenance TEXT NOT NULL DEFAULT '',
        destination TEXT NOT NULL DEFAULT '',
        hs_codes TEXT NOT NULL DEFAULT '[]',
        carats INTEGER CHECK (carats >= 0),
        value_usd INTEGER CHECK (value_usd >= 0),
        parcel_count INTEGER CHECK (parcel_count >= 0)
    )""",
    "CREATE INDEX inspections_updated ON inspections(updated_at)",
    "CREATE INDEX inspections_cert ON inspections(cert_number_norm)",
    "CREATE INDEX inspections_supersedes ON inspections(supersedes)",
    """CREATE TABLE parcels (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        position INTEGER NOT NULL,
        number TEXT NOT NULL DEFAULT '',
        hs_code TEXT NOT NULL DEFAULT '',
        declared_carats INTEGER CHECK (declared_carats >= 0),
        weighed_carats INTEGER CHECK (weighed_carats >= 0),
        stones INTEGER CHECK (stones >= 0),
        declared_value_usd INTEGER CHECK (declared_value_usd >= 0),
        description TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX parcels_inspection ON parcels(inspection_id, position)",
    """CREATE TABLE seals (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'bag',
        iso_class TEXT NOT NULL DEFAULT 'S' CHECK (iso_class IN ('I', 'S', 'H')),
        manufacturer TEXT NOT NULL DEFAULT '',
        parcel_id TEXT REFERENCES parcels(id),
        applied_by TEXT NOT NULL DEFAULT '',
        witness TEXT NOT NULL DEFAULT '',
        applied_at TEXT NOT NULL DEFAULT '',
        applied_place TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX seals_inspection ON seals(inspection_id, position)",
    "CREATE INDEX seals_number ON seals(number)",
    """CREATE TABLE seal_events (
        id TEXT PRIMARY KEY,
        seal_id TEXT NOT NULL REFERENCES seals(id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT '',
        by TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX seal_events_seal ON seal_events(seal_id)",
    """CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        position INTEGER NOT NULL,
        severity TEXT NOT NULL DEFAULT 'info',
        section TEXT NOT NULL DEFAULT 'general',
        text TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX findings_inspection ON findings(inspection_id, position)",
    """CREATE TABLE acknowledgements (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        code TEXT NOT NULL,
        field TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        by TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL DEFAULT '',
        UNIQUE (inspection_id, code, field)
    )""",
    """CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        sha256 TEXT NOT NULL,
        parcel_id TEXT REFERENCES parcels(id),
        seal_id TEXT REFERENCES seals(id),
        caption TEXT NOT NULL DEFAULT '',
        original_name TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT '',
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        size INTEGER NOT NULL DEFAULT 0,
        taken_at TEXT,
        gps_lat REAL, gps_lon REAL,
        added_at TEXT NOT NULL,
        UNIQUE (inspection_id, sha256)
    )""",
    "CREATE INDEX photos_inspection ON photos(inspection_id)",
    # Signed reports: a frozen snapshot each. The signing work fills in the rest.
    """CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        version INTEGER NOT NULL,
        supersedes TEXT REFERENCES reports(id),
        snapshot TEXT NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        audit_seq INTEGER NOT NULL,
        audit_head TEXT NOT NULL,
        signed_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        change TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    # Derived data, rebuilt at will: not audited.
    """CREATE TABLE validation (
        inspection_id TEXT PRIMARY KEY REFERENCES inspections(id),
        errors INTEGER NOT NULL,
        warnings INTEGER NOT NULL
    )""",
    "CREATE VIRTUAL TABLE inspection_search USING fts5(inspection_id UNINDEXED, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
)


def _frozen_triggers() -> list[str]:
    """Defence in depth: even a bug in the application cannot change a signed inspection."""
    statements: list[str] = []
    for table in ("parcels", "seals", "findings", "acknowledgements", "photos"):
        for op, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TRIGGER {table}_{op.lower()}_frozen BEFORE {op} ON {table} "
                f"WHEN (SELECT status FROM inspections WHERE id = {row}.inspection_id) = 'signed' "
                f"BEGIN SELECT RAISE(ABORT, 'signed inspections are frozen'); END"
            )
    for op, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER seal_events_{op.lower()}_frozen BEFORE {op} ON seal_events "
            f"WHEN (SELECT i.status FROM seals s JOIN inspections i ON i.id = s.inspection_id "
            f"WHERE s.id = {row}.seal_id) = 'signed' "
            f"BEGIN SELECT RAISE(ABORT, 'signed inspections are frozen'); END"
        )
    statements.append(
        "CREATE TRIGGER inspections_update_frozen BEFORE UPDATE ON inspections "
        "WHEN OLD.status = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'signed inspections are frozen'); END"
    )
    statements.append(
        "CREATE TRIGGER inspections_delete_frozen BEFORE DELETE ON inspections WHEN OLD.status = 'signed' "
        "BEGIN SELECT RAISE(ABORT, 'signed inspections are frozen'); END"
    )
    return statements


def m001_initial(db: sqlite_utils.Database) -> None:
    for sql in (*_M001_TABLES, *_frozen_triggers()):
        db.execute(sql)


def m002_report_files(db: sqlite_utils.Database) -> None:
    """What signing records besides the snapshot: the signed PDF, the QR seal, the signer."""
    for column, kind in (("device_seq", "INTEGER NOT NULL DEFAULT 0"), ("pdf_sha256", "TEXT NOT NULL DEFAULT ''"),
                         ("pdf_size", "INTEGER NOT NULL DEFAULT 0"), ("qr_text", "TEXT NOT NULL DEFAULT ''"),
                         ("signer_cert", "TEXT NOT NULL DEFAULT ''"), ("paper", "TEXT NOT NULL DEFAULT 'A4'")):
        db.execute(f"ALTER TABLE reports ADD COLUMN {column} {kind}")
    db.execute("CREATE UNIQUE INDEX reports_device_seq ON reports(device_seq)")
    db.execute("CREATE INDEX reports_inspection ON reports(inspection_id)")
    # A report, once written, never changes.
    db.execute("CREATE TRIGGER reports_update_frozen BEFORE UPDATE ON reports "
               "BEGIN SELECT RAISE(ABORT, 'signed reports are frozen'); END")
    db.execute("CREATE TRIGGER reports_delete_frozen BEFORE DELETE ON reports "
               "BEGIN SELECT RAISE(ABORT, 'signed reports are frozen'); END")


def m003_bundles(db: sqlite_utils.Database) -> None:
    """Bundles: the signed manifest kept with each report (field), and what headquarters imports (hq).

    The manifest columns are nullable without a default: a report signed before this migration has
    none, and its audit event, which never held these columns, still matches its row.
    """
    for column in ("manifest", "manifest_sig", "chain_pem"):
        db.execute(f"ALTER TABLE reports ADD COLUMN {column} TEXT")
    statements = [
        # Field: which reports' bundles were written out, so "export every unsent report" knows. Bookkeeping.
        """CREATE TABLE bundle_exports (
            report_id TEXT PRIMARY KEY REFERENCES reports(id),
            bundle_sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            exported_at TEXT NOT NULL
        )""",
        # Headquarters: one row per imported report, with what lists, searches and statistics need.
        # `supersedes` is no foreign key: the report it replaces may arrive later, or never.
        """CREATE TABLE hq_reports (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            supersedes TEXT,
            device_id TEXT NOT NULL,
            device_seq INTEGER NOT NULL,
            audit_seq INTEGER NOT NULL,
            audit_head TEXT NOT NULL,
            monitor TEXT NOT NULL,
            signer_serial TEXT NOT NULL,
            signer_issuer TEXT NOT NULL,
            signer_sha256 TEXT NOT NULL,
            cert_number TEXT NOT NULL,
            cert_number_norm TEXT NOT NULL,
            exporter TEXT NOT NULL,
            importer TEXT NOT NULL,
            origin TEXT NOT NULL,
            provenance TEXT NOT NULL,
            destination TEXT NOT NULL,
            site TEXT NOT NULL,
            inspected_at TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            verdict TEXT NOT NULL,
            carats INTEGER,
            value_usd INTEGER,
            parcels INTEGER NOT NULL,
            seals INTEGER NOT NULL,
            photos INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            snapshot_sha256 TEXT NOT NULL,
            pdf_sha256 TEXT NOT NULL,
            pdf_size INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            manifest_sig TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            chain_pem TEXT NOT NULL,
            bundle_sha256 TEXT NOT NULL,
            bundle_name TEXT NOT NULL,
            verification TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )""",
        "CREATE INDEX hq_reports_bundle ON hq_reports(bundle_sha256)",
        "CREATE INDEX hq_reports_device ON hq_reports(device_id, device_seq)",
        "CREATE INDEX hq_reports_cert ON hq_reports(cert_number_norm)",
        "CREATE INDEX hq_reports_supersedes ON hq_reports(supersedes)",
        "CREATE INDEX hq_reports_signed ON hq_reports(signed_at)",
        """CREATE TABLE hq_seals (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES hq_reports(id),
            number TEXT NOT NULL,
            parcel TEXT
        )""",
        "CREATE INDEX hq_seals_number ON hq_seals(number)",
        "CREATE INDEX hq_seals_report ON hq_seals(report_id)",
        """CREATE TABLE hq_photos (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES hq_reports(id),
            sha256 TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            parcel TEXT,
            seal TEXT,
            original_name TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            taken_at TEXT
        )""",
        "CREATE INDEX hq_photos_report ON hq_photos(report_id)",
        # Every import attempt and its outcome in a sentence. Bookkeeping, not evidence: a refused bundle
        # leaves every audited table and the audit chain as they were, and only this log says why.
        """CREATE TABLE import_log (
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            bundle_sha256 TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'already', 'conflict', 'refused')),
            report_id TEXT,
            sentence TEXT NOT NULL,
            quarantined TEXT
        )""",
        "CREATE INDEX import_log_at ON import_log(at)",
    ]
    # What headquarters imported is evidence: it never changes.
    for table in ("hq_reports", "hq_seals", "hq_photos"):
        for op in ("UPDATE", "DELETE"):
            statements.append(f"CREATE TRIGGER {table}_{op.lower()}_frozen BEFORE {op} ON {table} "
                              f"BEGIN SELECT RAISE(ABORT, 'imported reports are frozen'); END")
    for sql in statements:
        db.execute(sql)


def m004_faster_list(db: sqlite_utils.Database) -> None:
    """The list at 100,000 inspections: prefix indexes for search, an index for its default order.

    Typing "ZW 26" searches for words starting "zw" and "26": without prefix indexes FTS5 walks
    every term of the index for each; with them it reads one entry. The (updated_at, id) index
    serves the list's default order, including its last pages.
    """
    db.execute("CREATE VIRTUAL TABLE inspection_search_new USING fts5(inspection_id UNINDEXED, body, "
               "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4')")
    db.execute("INSERT INTO inspection_search_new (rowid, inspection_id, body) "
               "SELECT rowid, inspection_id, body FROM inspection_search")
    db.execute("DROP TABLE inspection_search")
    db.execute("ALTER TABLE inspection_search_new RENAME TO inspection_search")
    db.execute("CREATE INDEX inspections_updated_id ON inspections(updated_at, id)")
    db.execute("DROP INDEX inspections_updated")


def m005_count_index(db: sqlite_utils.Database) -> None:
    """The list's row count from an index: at 100,000 inspections, reading every row took ~0.1 s."""
    db.execute("CREATE INDEX inspections_deleted ON inspections(deleted)")


def m006_hq_anomalies(db: sqlite_utils.Database) -> None:
    """Headquarters' anomalies, judged when each bundle is imported and kept as rows (``kpmonitor.hq.anomalies``).

    Derived data, rebuilt at will: not audited, not frozen. Each row belongs to a *scope* (a device, a
    report, a seal number, a certificate number) that an import judges again when it can change it.
    ``hq_anomalies_judged`` holds one row once everything was judged, with a fingerprint of the rules
    used; a database imported into before this migration has none, so its first open judges what it
    holds, once (the rules need the home's reference tables and settings, which a migration cannot see).
    """
    db.execute("""CREATE TABLE IF NOT EXISTS hq_anomalies (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        sentence TEXT NOT NULL,
        device_id TEXT NOT NULL DEFAULT '',
        monitor TEXT NOT NULL DEFAULT '',
        report_ids TEXT NOT NULL DEFAULT '[]'
    )""")
    db.execute("CREATE INDEX IF NOT EXISTS hq_anomalies_scope ON hq_anomalies(scope)")
    db.execute("CREATE INDEX IF NOT EXISTS hq_anomalies_order ON hq_anomalies(sort_key)")
    db.execute("""CREATE TABLE IF NOT EXISTS hq_anomalies_judged (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rules TEXT NOT NULL,
        at TEXT NOT NULL
    )""")


def m007_validation_stamp(db: sqlite_utils.Database) -> None:
    """When each of the list's counts was made and under which rules (``RuleContext.fingerprint``).

    A count older than its inspection's last change (a crash between the commit and the count) or made
    under other rules (a changed tolerance or table) is made again (``Workspace.revalidate_stale``).
    Counts made before this migration were made in their change's own transaction: current.
    """
    db.execute("ALTER TABLE validation ADD COLUMN validated_at TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE validation ADD COLUMN rules TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE validation SET validated_at = (SELECT updated_at FROM inspections i "
               "WHERE i.id = validation.inspection_id)")


def m008_history(db: sqlite_utils.Database) -> None:
    """The device's signed checkpoints, headquarters' receipts, and the checkpoints headquarters accepted.

    ``checkpoints`` (field): the checkpoint of its audit log the device signed at each signing
    (``history.checkpoint``). ``receipts`` (field): headquarters' signed receipts the monitor installed
    (``history.receipts``). ``hq_checkpoints`` (headquarters): every device checkpoint an import
    accepted, with the earlier roots its bundle proved it extends (``hq.history``). All three are
    evidence: audited, and frozen like the reports they go with.
    """
    statements = [
        """CREATE TABLE checkpoints (
            id TEXT PRIMARY KEY,
            size INTEGER NOT NULL UNIQUE,
            root TEXT NOT NULL,
            note TEXT NOT NULL,
            report_id TEXT NOT NULL,
            made_at TEXT NOT NULL
        )""",
        """CREATE TABLE receipts (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            root TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            reports TEXT NOT NULL,
            file_text TEXT NOT NULL,
            installed_at TEXT NOT NULL
        )""",
        """CREATE TABLE hq_checkpoints (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            root TEXT NOT NULL,
            note TEXT NOT NULL,
            claims TEXT NOT NULL,
            report_id TEXT NOT NULL,
            bundle_sha256 TEXT NOT NULL,
            accepted_at TEXT NOT NULL
        )""",
        "CREATE INDEX hq_checkpoints_device ON hq_checkpoints(device_id, size)",
    ]
    for table in ("checkpoints", "receipts", "hq_checkpoints"):
        for op in ("UPDATE", "DELETE"):
            statements.append(f"CREATE TRIGGER {table}_{op.lower()}_frozen BEFORE {op} ON {table} "
                              f"BEGIN SELECT RAISE(ABORT, 'history is frozen'); END")
    for sql in statements:
        db.execute(sql)


def m009_draft_journal(db: sqlite_utils.Database) -> None:
    """What is being typed in a draft's fields before it is saved: one row per field, written on every keystroke.

    Bookkeeping, not evidence: not audited, never part of a report. A field's row goes when its value is
    saved through the field's own audited write (in that write's transaction); what is left after a crash
    is put back into the fields, through the same writes, when the draft is opened again (``Store.journal``).
    ``field`` names where it was typed: an inspection field's path (``certificate.number``) or a row's cell
    as ``list/row id/field`` (``parcels/<id>/weighed_carats``), so a row moved meanwhile is still found.
    """
    db.execute("""CREATE TABLE draft_journal (
        inspection_id TEXT NOT NULL REFERENCES inspections(id),
        field TEXT NOT NULL,
        text TEXT NOT NULL,
        typed_at TEXT NOT NULL,
        PRIMARY KEY (inspection_id, field)
    ) WITHOUT ROWID""")


def m010_amend_reason_and_notes(db: sqlite_utils.Database) -> None:
    """Why an amendment corrects its report (field), and headquarters' analysts' notes on anomalies (hq).

    ``inspections.amend_reason`` is nullable without a default, as m003's manifest columns are: an inspection
    made before it has none, and its audit events, which never held the column, still match its row.
    ``hq_anomaly_notes``: each note an analyst wrote on an anomaly, and whether it marked the anomaly
    resolved. Anomaly rows are derived and rebuilt at will, so a note is keyed by what the anomaly is about
    (``anomaly_key``: its kind, scope and reports, ``hq.notes``), never by a row id. Evidence of who said
    what: audited, and frozen (a later note supersedes an earlier one; none is edited or removed).
    """
    db.execute("ALTER TABLE inspections ADD COLUMN amend_reason TEXT")
    statements = [
        """CREATE TABLE hq_anomaly_notes (
            id TEXT PRIMARY KEY,
            anomaly_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            scope TEXT NOT NULL,
            report_ids TEXT NOT NULL,
            text TEXT NOT NULL,
            resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)),
            by TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX hq_anomaly_notes_key ON hq_anomaly_notes(anomaly_key, at)",
    ]
    for op in ("UPDATE", "DELETE"):
        statements.append(f"CREATE TRIGGER hq_anomaly_notes_{op.lower()}_frozen BEFORE {op} ON hq_anomaly_notes "
                          "BEGIN SELECT RAISE(ABORT, 'anomaly notes are frozen'); END")
    for sql in statements:
        db.execute(sql)


def m011_photo_hash_index(db: sqlite_utils.Database) -> None:
    """Headquarters finds the reports holding a photo by its SHA-256 (``photo_reused``) at each import.

    Without the index every import would read every photo row headquarters holds, as seal numbers once
    would have without ``hq_seals_number``.
    """
    db.execute("CREATE INDEX hq_photos_sha256 ON hq_photos(sha256)")


# The record the Kimberley Process asks for besides the certificate's figures (m012): column → SQL type.
RECORD_COLUMNS = (
    ("validation_authority", "TEXT"), ("validation_officer", "TEXT"), ("validation_number", "TEXT"),
    ("validated_at", "TEXT"),
    ("container", "TEXT"), ("gross_weight", "INTEGER CHECK (gross_weight >= 0)"), ("carrier", "TEXT"),
    ("airway_bill", "TEXT"), ("export_declaration", "TEXT"), ("port_of_exit", "TEXT"),
    ("cert_on_container", "INTEGER CHECK (cert_on_container IN (0, 1))"),
    ("production_operator", "TEXT"), ("production_mine", "TEXT"), ("production_period", "TEXT"),
    ("production_stockpile", "INTEGER CHECK (production_stockpile IN (0, 1))"), ("production_register", "TEXT"),
    ("valuator", "TEXT"), ("valuation_organisation", "TEXT"), ("valuation_method", "TEXT"),
    ("valuation_value_usd", "INTEGER CHECK (valuation_value_usd >= 0)"),
    ("cert_lines", "TEXT"), ("assortment", "TEXT"), ("present", "TEXT"), ("documents_received", "TEXT"),
)


def m012_kp_record(db: sqlite_utils.Database) -> None:
    """The exporting authority's validation, the shipment, the production, the valuation, who was present,
    the documents received, and the certificate's lines per HS code (the KPCS's Annex I and II).

    Columns of the inspection, nullable without a default as m010's is: a row made before holds none, and its
    audit events, which never held them, still match it. The four lists (certificate lines, the valuator's
    assortment, people present, documents received) are JSON arrays in one column each, as ``hs_codes`` is:
    small, edited and frozen with the inspection, never queried across inspections in the field.
    """
    for column, kind in RECORD_COLUMNS:
        db.execute(f"ALTER TABLE inspections ADD COLUMN {column} {kind}")


# What headquarters keeps beside each imported report's snapshot of its KP record (m013): column → SQL type.
HQ_RECORD_COLUMNS = (("production_operator", "TEXT"), ("production_mine", "TEXT"), ("container", "TEXT"),
                     ("validation_number", "TEXT"), ("airway_bill", "TEXT"))


def m013_receipt_confirmations(db: sqlite_utils.Database) -> None:
    """What headquarters lists and counts of each report's KP record (hq), and the importing authorities'
    confirmations of receipt (hq), and the day the receipts were last judged.

    The columns of ``hq_reports`` are filled at import from the snapshot (empty text where it has none: a
    format before 4). They are nullable without a default, as m003's are, and a report imported before
    stays NULL: its row is frozen evidence whose audit event never held them, so no migration may edit it
    (``audit verify`` would name every row so "filled"); what reads them takes the report's signed snapshot
    instead where they are NULL (``hq.store``), so nothing is lost.

    ``hq_receipt_confirmations``: each confirmation of receipt recorded, entered by hand or imported from a
    CSV file (its name and SHA-256 kept). Evidence of what the importing side said: audited, and frozen as
    the anomaly notes are (m010): a correction is a new row that supersedes the earlier (the latest for a
    certificate number counts); none is edited or removed.

    ``hq_anomalies_judged.receipts``: the day and the setting the receipts were judged with; "no confirmation
    after N days" changes with the date alone, so a listing on a later day judges them again (``hq.anomalies``).
    """
    for column, kind in HQ_RECORD_COLUMNS:
        db.execute(f"ALTER TABLE hq_reports ADD COLUMN {column} {kind}")
    statements = [
        """CREATE TABLE hq_receipt_confirmations (
            id TEXT PRIMARY KEY,
            cert_number TEXT NOT NULL,
            cert_number_norm TEXT NOT NULL,
            confirmed_on TEXT NOT NULL,
            authority TEXT NOT NULL,
            parcels INTEGER CHECK (parcels >= 0),
            carats INTEGER CHECK (carats >= 0),
            importer TEXT NOT NULL,
            exporter TEXT NOT NULL,
            reference TEXT NOT NULL,
            note TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('entered', 'csv')),
            source_file TEXT NOT NULL,
            source_sha256 TEXT NOT NULL,
            source_line INTEGER,
            supersedes TEXT,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX hq_receipt_confirmations_cert ON hq_receipt_confirmations(cert_number_norm, at)",
        "ALTER TABLE hq_anomalies_judged ADD COLUMN receipts TEXT",
    ]
    for op in ("UPDATE", "DELETE"):
        statements.append(f"CREATE TRIGGER hq_receipt_confirmations_{op.lower()}_frozen BEFORE {op} ON "
                          "hq_receipt_confirmations BEGIN SELECT RAISE(ABORT, 'confirmations of receipt are "
                          "frozen'); END")
    for sql in statements:
        db.execute(sql)


# What headquarters' search reads of a report (``hq.store._SEARCHED``), one text a report, a line a column.
HQ_SEARCHED_COLUMNS = ("cert_number", "cert_number_norm", "exporter", "importer", "monitor", "origin", "destination",
                       "provenance", "site", "inspected_at", "signed_at", "verdict", "id")


def m014_hq_search(db: sqlite_utils.Database) -> None:
    """Headquarters' search at 100,000 reports: trigram indexes of what it searches (hq), kept by triggers.

    ``hq list --search`` and the window look for each word anywhere in a report's columns or seal numbers
    (``LIKE '%word%'``), which no B-tree index serves: every report was read for every search. ``hq_search`` holds
    each report's searched columns as one text, ``hq_seal_search`` each seal number, in FTS5's trigram index: a
    word of three characters or more finds the reports that may hold it, and the search's own conditions decide
    among those (``hq.store._search_sql``), so what it finds is unchanged. Derived data, not evidence: outside the
    audit chain, filled here from what is held and by the triggers after each insert (and, should a frozen row
    ever be changed behind kpmonitor's back, after that too, so the index never hides a row).

    ``hq_reports_signed_id``: the list's default order (signing time, then id) read from one index.
    ``hq_anomalies_kind``: the stored anomalies of one kind and device (an import reads its device's refused
    reports), found without reading every anomaly stored. ``hq_anomalies.anomaly_key``: each row's key
    (``hq.store.anomaly_key``, what analysts' notes are kept under), stored as the row is written so that a list
    of thousands does not hash each again; the rows stored before are given theirs here.
    """
    text = " || char(10) || ".join(f"new.{c}" for c in HQ_SEARCHED_COLUMNS)
    statements = [
        "CREATE VIRTUAL TABLE hq_search USING fts5(report_id UNINDEXED, text, tokenize='trigram')",
        "CREATE VIRTUAL TABLE hq_seal_search USING fts5(report_id UNINDEXED, number, tokenize='trigram')",
        f"CREATE TRIGGER hq_reports_search_insert AFTER INSERT ON hq_reports BEGIN "
        f"INSERT INTO hq_search (report_id, text) VALUES (new.id, {text}); END",
        f"CREATE TRIGGER hq_reports_search_update AFTER UPDATE ON hq_reports BEGIN "
        f"DELETE FROM hq_search WHERE report_id = old.id; "
        f"INSERT INTO hq_search (report_id, text) VALUES (new.id, {text}); END",
        "CREATE TRIGGER hq_reports_search_delete AFTER DELETE ON hq_reports BEGIN "
        "DELETE FROM hq_search WHERE report_id = old.id; END",
        "CREATE TRIGGER hq_seals_search_insert AFTER INSERT ON hq_seals BEGIN "
        "INSERT INTO hq_seal_search (report_id, number) VALUES (new.report_id, new.number); END",
        "CREATE TRIGGER hq_seals_search_update AFTER UPDATE ON hq_seals BEGIN "
        "DELETE FROM hq_seal_search WHERE report_id = old.report_id; "
        "INSERT INTO hq_seal_search (report_id, number) SELECT report_id, number FROM hq_seals "
        "WHERE report_id IN (old.report_id, new.report_id); END",
        "CREATE TRIGGER hq_seals_search_delete AFTER DELETE ON hq_seals BEGIN "
        "DELETE FROM hq_seal_search WHERE report_id = old.report_id; "
        "INSERT INTO hq_seal_search (report_id, number) SELECT report_id, number FROM hq_seals "
        "WHERE report_id = old.report_id; END",
        "INSERT INTO hq_search (report_id, text) SELECT id, "
        + " || char(10) || ".join(HQ_SEARCHED_COLUMNS) + " FROM hq_reports ORDER BY rowid",
        "INSERT INTO hq_seal_search (report_id, number) SELECT report_id, number FROM hq_seals ORDER BY rowid",
        "CREATE INDEX hq_reports_signed_id ON hq_reports(signed_at, id)",
        "CREATE INDEX hq_anomalies_kind ON hq_anomalies(kind, device_id)",
        "ALTER TABLE hq_anomalies ADD COLUMN anomaly_key TEXT",
    ]
    for sql in statements:
        db.execute(sql)
    db.conn.create_function("kpmonitor_anomaly_key", 3, lambda kind, scope, ids: anomaly_key(
        kind, scope, tuple(json.loads(ids))), deterministic=True)
    db.execute("UPDATE hq_anomalies SET anomaly_key = kpmonitor_anomaly_key(kind, scope, report_ids)")


def m015_anomaly_sentences(db: sqlite_utils.Database) -> None:
    """Each anomaly's sentence in every language kpmonitor speaks (``hq_anomalies.sentences``: JSON, language →
    sentence; ``sentence`` stays the English one), made when it is judged, so that analysts sharing headquarters
    each read it in their own. The rows stored before have none (``{}``): they read in English until judged again,
    which the changed fingerprint of the rules (it covers the catalogues now) asks for at the first listing."""
    db.execute("ALTER TABLE hq_anomalies ADD COLUMN sentences TEXT NOT NULL DEFAULT '{}'")


def anomaly_key(kind: str, scope: str, report_ids: tuple[str, ...]) -> str:
    """The one key of a stored anomaly that survives its rows being judged again: SHA-256 of its kind, scope and
    reports (what an analyst's note is kept under, ``hq.notes``; ``hq_anomalies.anomaly_key``, m014)."""
    text = json.dumps([kind, scope, list(report_ids)], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# In the order they apply; each is recorded under its function's name (never rename one).
MIGRATIONS = (m001_initial, m002_report_files, m003_bundles, m004_faster_list, m005_count_index, m006_hq_anomalies,
              m007_validation_stamp, m008_history, m009_draft_journal, m010_amend_reason_and_notes,
              m011_photo_hash_index, m012_kp_record, m013_receipt_confirmations, m014_hq_search,
              m015_anomaly_sentences)


def migrations() -> sqlite_utils.Migrations:
    """The schema's migrations, as sqlite-utils applies them."""
    import sqlite_utils

    applier = sqlite_utils.Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        applier()(migration)
    return applier


def migrations_pending(conn: sqlite3.Connection) -> bool:
    """Whether the database lacks any migration (a new one lacks them all), read with sqlite3 alone."""
    try:
        applied = {row[0] for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])}
    except sqlite3.OperationalError:  # no such table: nothing applied yet
        return True
    return any(migration.__name__ not in applied for migration in MIGRATIONS)




def _schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    # sqlite_stat tables appear when the planner is asked to ANALYZE: statistics, not schema.
    return {(str(t), str(n)): " ".join(str(sql or "").split()) for t, n, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")}


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """How the database's tables, indexes and triggers differ from those the migrations make, as sentences.

    The expected schema is made by running every migration on an empty database in memory, so it is
    exactly what ``MIGRATIONS`` makes: a freeze trigger dropped or changed, a table altered, or an
    object added behind kpmonitor's back is named.
    """
    import sqlite_utils

    fresh = sqlite3.connect(":memory:")
    try:
        migrations().apply(sqlite_utils.Database(fresh, execute_plugins=False))
        expected = _schema_of(fresh)
    finally:
        fresh.close()
    actual = _schema_of(conn)
    problems = []
    for (kind, name), sql in sorted(expected.items()):
        if (kind, name) not in actual:
            frozen = " (a freeze that keeps signed records from changing)" if name.endswith("_frozen") else ""
            problems.append(f"The database lacks its {kind} {name}{frozen}: it was removed outside kpmonitor.")
        elif actual[(kind, name)] != sql:
            problems.append(f"The database's {kind} {name} is not the one kpmonitor made: it was changed outside "
                            "kpmonitor.")
    for kind, name in sorted(actual.keys() - expected.keys()):
        problems.append(f"The database holds a {kind} {name} that kpmonitor did not make.")
    return problems
