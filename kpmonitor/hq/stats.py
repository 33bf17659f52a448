"""What headquarters counts: the devices it hears from, and shipments, carats and value by month and origin, or by
the production's operator or mine."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpmonitor.domain.quantities import plain, usd_per_carat
from kpmonitor.errors import KPError
from kpmonitor.fileio import SHARED, write_atomic
from kpmonitor.hq.anomalies import missing_count, refused_numbers
from kpmonitor.hq.lineage import latest, supersedes_among
from kpmonitor.hq.reports import revoked_serials
from kpmonitor.hq.store import HQStore, hq_store

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

# ---------------------------------------------------------------------------------- monitors


@dataclass(frozen=True)
class MonitorSummary:
    """One device and the monitor who signs on it, as headquarters has heard from them."""

    device_id: str
    monitor: str
    signer_serials: tuple[str, ...]
    reports: int
    last_seq: int
    missing: int
    last_signed_at: str
    last_imported_at: str
    revoked: bool

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["signer_serials"] = list(self.signer_serials)
        return out


def monitors(ws: Workspace) -> list[MonitorSummary]:
    """Every device headquarters has received reports from, most recent first."""
    return monitors_in(hq_store(ws), revoked_serials(ws))


def monitors_in(hqs: HQStore, revoked: set[str]) -> list[MonitorSummary]:
    """``monitors`` read through any headquarters store (the window's worker reads through a read-only one), with
    the serials revoked on today's revocation list."""
    refused = refused_numbers(hqs)  # arrived and refused: not missing
    out = []
    for device_id, monitor, count, last_seq, numbers, last_signed, last_imported, serials in hqs.devices():
        serial_list = tuple(sorted(str(serials or "").split(",")))
        missing = missing_count((int(n) for n in str(numbers or "").split(",") if n),
                                refused.get(device_id, ()))  # as the anomalies say
        out.append(MonitorSummary(device_id, monitor, serial_list, count, last_seq, missing,
                                  last_signed, last_imported, any(s in revoked for s in serial_list)))
    return sorted(out, key=lambda m: m.last_signed_at, reverse=True)


# -------------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class StatsRow:
    month: str  # YYYY-MM of the inspection (of signing when the inspection has no time)
    origin: str
    shipments: int
    certified: int
    carats: int  # hundredths
    value_usd: int  # cents

    @property
    def usd_per_carat(self) -> str:
        per_carat = usd_per_carat(self.value_usd, self.carats)
        return plain(per_carat) if per_carat is not None else ""


def stats(ws: Workspace) -> list[StatsRow]:
    """Shipments, carats and value by month and origin; each shipment counted once, at its latest version."""
    hqs = hq_store(ws)
    held = hqs.held()
    counted = {h.id for h in latest(held, supersedes_among(held))}
    sums = month_origin_sums(((inspected_at or signed_at)[:7], origin, verdict, carats, value)
                             for report_id, inspected_at, signed_at, origin, verdict, carats, value
                             in hqs.shipment_rows() if report_id in counted)
    return [StatsRow(month, origin, *acc) for (month, origin), acc in sums]


def month_origin_sums(shipments: Iterable[tuple[str, str | None, str | None, int | None, int | None]]
                      ) -> list[tuple[tuple[str, str], tuple[int, int, int, int]]]:
    """The one count by month and origin (``stats`` and the dashboard): each shipment given once as (month,
    origin, verdict, carats, cents) → per (month, origin), in order: shipments, certified, carats, cents."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for month, origin, verdict, carats, value in shipments:
        acc = sums[(month, origin or "")]
        acc[0] += 1
        acc[1] += 1 if verdict == "certified" else 0
        acc[2] += carats or 0
        acc[3] += value or 0
    return [(key, (acc[0], acc[1], acc[2], acc[3])) for key, acc in sorted(sums.items())]


STATS_HEADER = ("month", "origin", "shipments", "certified", "carats", "value_usd", "usd_per_carat")

# The groupings besides month and origin (``stats_by``): the production's operator and mine (format 4's record).
GROUPINGS = ("operator", "mine")


@dataclass(frozen=True)
class GroupRow:
    """Shipments, carats and value of one operator or mine (``stats_by``)."""

    group: str  # the operator's or mine's name as the monitor recorded it; "" for reports that name none
    shipments: int
    certified: int
    carats: int  # hundredths
    value_usd: int  # cents

    @property
    def usd_per_carat(self) -> str:
        per_carat = usd_per_carat(self.value_usd, self.carats)
        return plain(per_carat) if per_carat is not None else ""

    def to_json(self, by: str) -> dict[str, Any]:
        return {by: self.group, "shipments": self.shipments, "certified": self.certified,
                "carats": plain(self.carats), "value_usd": plain(self.value_usd),
                "usd_per_carat": self.usd_per_carat or None}


def stats_by(ws: Workspace, by: str) -> list[GroupRow]:
    """Shipments, carats and value per production operator or mine (``GROUPINGS``), each shipment counted once, at
    its latest version, as ``stats``; reports naming none (made before the record was kept) are one group, "".

    :raises ValueError: for another grouping.
    """
    if by not in GROUPINGS:
        raise ValueError(by)
    hqs = hq_store(ws)
    held = hqs.held()
    counted = {h.id for h in latest(held, supersedes_among(held))}
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for report_id, operator, mine, verdict, carats, value in hqs.record_rows():
        if report_id not in counted:
            continue
        # The same name typed with other spacing is one group, named with single spaces.
        acc = sums[" ".join(str(operator if by == "operator" else mine).split())]
        acc[0] += 1
        acc[1] += 1 if verdict == "certified" else 0
        acc[2] += carats or 0
        acc[3] += value or 0
    return [GroupRow(group, *acc) for group, acc in sorted(sums.items(), key=lambda kv: (kv[0] == "", kv[0]))]


def group_csv(rows: list[GroupRow], by: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow((by, *STATS_HEADER[2:]))
    for r in rows:
        writer.writerow([r.group, r.shipments, r.certified, plain(r.carats), plain(r.value_usd), r.usd_per_carat])
    return buf.getvalue()


def stats_csv(rows: list[StatsRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(STATS_HEADER)
    for r in rows:
        writer.writerow([r.month, r.origin, r.shipments, r.certified, plain(r.carats), plain(r.value_usd),
                         r.usd_per_carat])
    return buf.getvalue()


def write_stats_csv(ws: Workspace, path: Path) -> list[StatsRow]:
    """Write the statistics as CSV (atomically, readable by others); returns the rows."""
    rows = stats(ws)
    _write(path, stats_csv(rows))
    return rows


def write_group_csv(ws: Workspace, path: Path, by: str) -> list[GroupRow]:
    """Write the statistics per operator or mine as CSV (as ``write_stats_csv``); returns the rows."""
    rows = stats_by(ws, by)
    _write(path, group_csv(rows, by))
    return rows


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(Path(path), text.encode("utf-8"), mode=SHARED)  # for the office's spreadsheets and people
    except OSError as exc:
        raise KPError(f"The statistics could not be written to {path} ({exc.strerror or exc}).") from exc


__all__ = ["GROUPINGS", "STATS_HEADER", "GroupRow", "MonitorSummary", "StatsRow", "group_csv", "monitors",
           "monitors_in", "stats", "stats_by", "stats_csv", "write_group_csv", "write_stats_csv"]
