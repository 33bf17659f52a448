"""Where a headquarters home keeps the files it imports: report PDFs, and bundles set aside for review.

Taking the home's ``Paths`` (not a workspace): the thread that checks bundles writes these files without
opening the home's store.
"""

from __future__ import annotations

import re
from pathlib import Path

from kpmonitor.errors import NotFound
from kpmonitor.paths import Paths


def inbox_dir(paths: Paths) -> Path:
    return paths.inbox


def reports_dir(paths: Paths) -> Path:
    """Where imported report PDFs are kept, as ``<report id>.pdf``."""
    return inbox_dir(paths) / "reports"


def quarantine_dir(paths: Paths) -> Path:
    """Copies of refused and conflicting bundles, each with a ``.txt`` saying why."""
    return inbox_dir(paths) / "quarantine"


_REPORT_ID = re.compile(r"[0-9a-f]{32}\Z")


def pdf_file(paths: Paths, report_id: str) -> Path:
    """Where an imported report's PDF is kept. The id comes from a database (shared, on PostgreSQL, with other
    analysts): only a report id (32 hex digits, as every bundle's is) names a file, never a path elsewhere.

    :raises NotFound: for any other text.
    """
    if not _REPORT_ID.match(report_id):
        raise NotFound(f"No imported report with id {report_id[:40]!r}.")
    return reports_dir(paths) / f"{report_id}.pdf"


# The outcomes whose bundle is set aside: copied to quarantine, nothing of it recorded.
SET_ASIDE_OUTCOMES = ("conflict", "refused")


def set_aside_explained(paths: Paths) -> str:
    """What "set aside" means, for whoever reads an import's outcome (the window, ``hq import``, ``hq log``).

    One sentence in one place: an analyst seeing "refused" or "conflict" must know that nothing was lost
    and nothing was recorded, where the bundle is, and what can be done.
    """
    return (f"Set aside means the bundle was not imported: nothing of it was recorded (no report, seal, photo or "
            f"audit event; only its line in the import log), and a copy of it is kept in quarantine "
            f"({quarantine_dir(paths)}) with a .txt file saying why. Read why there or in the anomalies, write "
            "what you find on the anomaly (kpmonitor hq note), and ask the monitor for a correct bundle; once "
            "what stopped it is settled, import it again (importing a file twice changes nothing).")
