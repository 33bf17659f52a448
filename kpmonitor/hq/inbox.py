"""Where a headquarters home keeps the files it imports: report PDFs, and bundles set aside for review.

Taking the home's ``Paths`` (not a workspace): the thread that checks bundles writes these files without
opening the home's store.
"""

from __future__ import annotations

from pathlib import Path

from kpmonitor.paths import Paths


def inbox_dir(paths: Paths) -> Path:
    return paths.inbox


def reports_dir(paths: Paths) -> Path:
    """Where imported report PDFs are kept, as ``<report id>.pdf``."""
    return inbox_dir(paths) / "reports"


def quarantine_dir(paths: Paths) -> Path:
    """Copies of refused and conflicting bundles, each with a ``.txt`` saying why."""
    return inbox_dir(paths) / "quarantine"


def pdf_file(paths: Paths, report_id: str) -> Path:
    return reports_dir(paths) / f"{report_id}.pdf"
