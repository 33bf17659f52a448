"""The bytes of what headquarters imported, shared by every analyst when headquarters is on PostgreSQL.

On SQLite, headquarters is one home: the signed PDFs are in its inbox, the photo originals in its vault. On a
shared PostgreSQL database every analyst's home imports, and each must open the PDF and the photos of a report
another analyst imported: the importing home puts them into ``hq_blobs`` by SHA-256 (stored once, whoever
imports them again: ``keep_blobs``), and a home that lacks a report's files takes them from there when the
report is opened (``local_copies``), each checked against the SHA-256 the signed manifest names, into the same
inbox and vault, so everything that reads files reads them as before.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable

from kpmonitor.fileio import write_atomic
from kpmonitor.hq.inbox import pdf_file
from kpmonitor.hq.pgstore import PGBlobs
from kpmonitor.hq.store import database_url
from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)


def blob_store(ws: Workspace) -> PGBlobs | None:
    """Headquarters' shared blobs of this home (opened once, closed with the workspace); None on SQLite."""
    found = ws.attached.get("hq_blobs")
    if isinstance(found, PGBlobs):
        return found
    url = database_url(ws)
    if not url:
        return None
    made = PGBlobs(url)
    ws.attached["hq_blobs"] = made
    return made


def keep_blobs(blobs: PGBlobs, items: Iterable[tuple[bytes | memoryview, str]]) -> None:
    """Store each (bytes, kind) once: bytes already there (another analyst's import of them) are not sent."""
    for data, kind in items:
        if not blobs.has(hashlib.sha256(data).hexdigest()):
            blobs.put(bytes(data), kind)


def local_copies(ws: Workspace, report_id: str, pdf_sha256: str, photo_sha256s: Iterable[str]) -> list[str]:
    """Make sure this home holds the report's PDF and photo originals, taking those it lacks from the shared
    database (each checked against its SHA-256). Returns the SHA-256 of those neither here nor there."""
    blobs = blob_store(ws)
    missing: list[str] = []
    target = pdf_file(ws.paths, report_id)
    # A file there that is not the signed PDF (a conflicting bundle of the same id, checked before this one was
    # recorded, wrote it): the right one from the database, else the report's detail says it is missing.
    if not (target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == pdf_sha256):
        data = blobs.get(pdf_sha256) if blobs is not None else None
        if data is None:
            missing.append(pdf_sha256)
        else:
            write_atomic(target, data)
    for sha in photo_sha256s:
        if ws.vault.original_path(sha).is_file():
            continue
        data = blobs.get(sha) if blobs is not None else None
        if data is None:
            missing.append(sha)
        else:
            ws.vault.store_verified(sha, data)
    if missing:
        log.warning("report %s: %d of its files are neither in this home nor in headquarters' database",
                    report_id, len(missing))
    return missing
