"""The dashboard's figures: what headquarters' Dashboard tab draws and the quarterly report prints.

Four tables, from the rows headquarters stores (``hq.store.DashboardReads``: columns and stored anomalies, never a
report's snapshot but for its certificate's HS codes, which SQLite reads out of it), under one ``Filter`` — a period,
an origin, a monitor's device:

- ``by_month``: shipments, carats and value by month and origin;
- ``per_carat``: each shipment's value per carat against the band for its origin and HS code (``vpc_bands.csv``),
  and whether it falls below, within or above it;
- ``anomalies``: the stored anomalies by kind and month, open and resolved (an analyst's note resolves one);
- ``monitors``: the reports each monitor's device sent, and the shipments they are.

A shipment counts once, at its latest version, and on its date: its inspection's (its signing's when the
inspection has no time), as ``hq stats`` counts it, so that the dashboard, the Statistics tab and the command line
agree, and an amendment signed weeks later does not move its shipment to another month. An anomaly is dated by the
latest report it names; one that names none held (a report that has not arrived) by the latest report of its
device; one about neither (a confirmation of receipt no report carries) is undated: it counts when no period is
chosen, in the month "" (``UNDATED``).

Each table writes as CSV (``figure_csv``, ``write_figure_csv``), as ``hq stats --csv`` does.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kpmonitor.domain.quantities import plain, usd_per_carat
from kpmonitor.errors import KPError, ParseError
from kpmonitor.fileio import SHARED, write_atomic
from kpmonitor.hq.lineage import latest, supersedes_among
from kpmonitor.hq.notes import anomaly_key
from kpmonitor.hq.stats import month_origin_sums
from kpmonitor.hq.store import DashboardReads, DashboardReport, hq_store, reader_for

if TYPE_CHECKING:
    from kpmonitor.domain.reference import Reference
    from kpmonitor.workspace import Workspace

UNDATED = ""  # the month of an anomaly about no report and no device
BELOW, WITHIN, ABOVE, NO_BAND = "below", "within", "above", ""
POSITIONS = (BELOW, WITHIN, ABOVE, NO_BAND)

# The anomalies' kinds in words (the window's list says the same, translated: ``gui.hq.models``).
KIND_NAMES = {
    "missing_report": "Report missing", "refused_report": "Report refused at import",
    "rollback": "History rolled back", "fork": "History forked", "seal_reused": "Seal reused",
    "certificate_reused": "KP certificate reused", "cross_device_supersede": "Supersedes another device's report",
    "history_rewritten": "Device history rewritten", "cross_device_id": "Another device's report id",
    "value_per_carat": "Value per carat", "weight_tolerance": "Weight off declared",
    "photo_out_of_place": "Photo out of time or place", "photo_reused": "Photo reused",
    "receipt_mismatch": "Receipt differs from report", "receipt_without_report": "Receipt without report",
    "receipt_unconfirmed": "Receipt not confirmed", "late_signing": "Signed long after sealing",
    "valuation_differs": "Valuation differs", "operator_not_cleared": "Operator not cleared",
    "validated_before_sealing": "Validated before sealing",
}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


# ------------------------------------------------------------------------------------------ the filter


@dataclass(frozen=True)
class Filter:
    """Which shipments count: dated from ``start`` to ``end`` (both included; None: open), of ``origin`` (an ISO code;
    "": any) and of the device ``device_id`` ("": any)."""

    start: date | None = None
    end: date | None = None
    origin: str = ""
    device_id: str = ""

    def in_period(self, day: str) -> bool:
        """Whether a date (YYYY-MM-DD…) is in the period; an undated one is only in an open period."""
        if self.start is None and self.end is None:
            return True
        if not day:
            return False
        text = day[:10]
        return (self.start is None or text >= self.start.isoformat()) and (
            self.end is None or text <= self.end.isoformat())

    def describe(self, monitor: str = "") -> str:
        """The filter in words ("1 October 2026 – 31 December 2026, origin ZW, every monitor")."""
        if self.start is None and self.end is None:
            period = "every date"
        else:
            period = f"{_day_text(self.start) or 'the first report'} – {_day_text(self.end) or 'the latest'}"
        origin = f"origin {self.origin}" if self.origin else "every origin"
        who = (monitor or f"device {self.device_id[:8]}") if self.device_id else "every monitor"
        return f"{period}, {origin}, {who}"


def _day_text(day: date | None) -> str:
    return f"{day.day} {day.strftime('%B %Y')}" if day is not None else ""


def quarter_period(quarter: str) -> tuple[date, date]:
    """The first and last day of a quarter written "2026-Q4".

    :raises ParseError: for anything else.
    """
    text = quarter.strip().upper().replace(" ", "")
    year_text, sep, q_text = text.partition("-Q")
    if not sep or not year_text.isdigit() or len(year_text) != 4 or q_text not in ("1", "2", "3", "4"):
        raise ParseError(f"“{quarter}” is not a quarter: write it as 2026-Q4 (the year, -Q, and 1 to 4).", "quarter")
    year, q = int(year_text), int(q_text)
    first = date(year, 3 * q - 2, 1)
    last = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def months_of(start: date, end: date) -> list[str]:
    """Every month (YYYY-MM) from ``start`` to ``end``."""
    out, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# ------------------------------------------------------------------------------------------ the figures


@dataclass(frozen=True)
class MonthOrigin:
    month: str  # YYYY-MM
    origin: str
    shipments: int
    certified: int
    carats: int  # hundredths
    value_usd: int  # cents

    @property
    def usd_per_carat(self) -> int | None:
        """Cents per carat; None without carats."""
        return usd_per_carat(self.value_usd, self.carats)


@dataclass(frozen=True)
class PerCarat:
    """One shipment's value per carat against its band."""

    report_id: str
    day: str  # YYYY-MM-DD
    cert_number: str
    monitor: str
    device_id: str
    origin: str
    hs_code: str  # the certificate's one HS code; "" when it lists none or several
    carats: int | None
    value_usd: int | None
    cents_per_carat: int | None
    low: Decimal | None  # the band, US$/ct; None: no band applies
    high: Decimal | None
    position: str  # BELOW, WITHIN, ABOVE or NO_BAND


@dataclass(frozen=True)
class AnomalyMonth:
    month: str  # YYYY-MM, or UNDATED
    kind: str
    count: int
    open: int
    resolved: int
    alerts: int


@dataclass(frozen=True)
class MonitorReports:
    device_id: str
    monitor: str
    reports: int  # every report received, amendments included
    amendments: int
    shipments: int  # the shipments they are (each once, at its latest version)
    carats: int
    value_usd: int


@dataclass(frozen=True)
class Figures:
    """The four tables under one filter, and the choices the filter offers."""

    filter: Filter
    by_month: tuple[MonthOrigin, ...]
    per_carat: tuple[PerCarat, ...]
    anomalies: tuple[AnomalyMonth, ...]
    monitors: tuple[MonitorReports, ...]
    origins: tuple[str, ...] = ()  # every origin held
    devices: tuple[tuple[str, str], ...] = ()  # every device held, with its latest monitor, by name
    reports_held: int = 0
    bands: dict[tuple[str, str], tuple[Decimal, Decimal]] = field(default_factory=dict)  # (origin, HS) → low, high

    @property
    def shipments(self) -> int:
        return sum(r.shipments for r in self.by_month)

    @property
    def carats(self) -> int:
        return sum(r.carats for r in self.by_month)

    @property
    def value_usd(self) -> int:
        return sum(r.value_usd for r in self.by_month)

    @property
    def months(self) -> list[str]:
        return sorted({r.month for r in self.by_month})

    def band_counts(self) -> dict[str, int]:
        """Shipments below, within and above their band, and without one."""
        counts = dict.fromkeys(POSITIONS, 0)
        for r in self.per_carat:
            counts[r.position] += 1
        return counts

    def monitor_name(self, device_id: str) -> str:
        return next((name for d, name in self.devices if d == device_id), "")

    def anomaly_kinds(self) -> list[tuple[str, int, int, int]]:
        """(kind, count, open, resolved) over the period, most frequent first."""
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for r in self.anomalies:
            acc = sums[r.kind]
            acc[0] += r.count
            acc[1] += r.open
            acc[2] += r.resolved
        return sorted(((k, *v) for k, v in sums.items()), key=lambda t: (-t[1], t[0]))  # type: ignore[misc]


def _date_of(r: DashboardReport) -> str:
    return (r.inspected_at or r.held.signed_at)[:10]


def _position(cents_per_ct: int | None, band: tuple[Decimal, Decimal] | None) -> str:
    if cents_per_ct is None or band is None:
        return NO_BAND
    low, high = band
    # As the rules judge it (``rules.kp``): on the value as rounded to the cent.
    if cents_per_ct < low * 100:
        return BELOW
    return ABOVE if cents_per_ct > high * 100 else WITHIN


def compute(reads: DashboardReads, reference: Reference, filt: Filter) -> Figures:
    """The figures of what ``reads`` holds, under ``filt``."""
    reports = reads.reports()
    by_id = {r.held.id: r for r in reports}
    counted = {h.id for h in latest([r.held for r in reports], supersedes_among([r.held for r in reports]))}
    devices: dict[str, str] = {}
    last_date: dict[str, str] = {}
    for r in sorted(reports, key=lambda r: r.held.signed_at):
        devices[r.held.device_id] = r.held.monitor  # the latest monitor of each device
        last_date[r.held.device_id] = max(last_date.get(r.held.device_id, ""), _date_of(r))

    def admitted(r: DashboardReport) -> bool:
        return (filt.in_period(_date_of(r)) and (not filt.origin or r.origin == filt.origin)
                and (not filt.device_id or r.held.device_id == filt.device_id))

    chosen = [r for r in reports if admitted(r)]
    shipments = [r for r in chosen if r.held.id in counted]
    bands: dict[tuple[str, str], tuple[Decimal, Decimal]] = {}
    per_carat = []
    for r in sorted(shipments, key=lambda r: (_date_of(r), r.held.order_key)):
        hs = r.hs_codes[0] if len(set(r.hs_codes)) == 1 else ""
        band = None
        if hs:
            found = reference.band_for(r.origin or "*", hs)
            band = (found.low, found.high) if found is not None else None
            if band is not None:
                bands[(r.origin, hs)] = band
        cents = usd_per_carat(r.value_usd, r.carats) if r.value_usd is not None and r.carats else None
        per_carat.append(PerCarat(r.held.id, _date_of(r), r.held.cert_number, r.held.monitor, r.held.device_id,
                                  r.origin, hs, r.carats, r.value_usd, cents, band[0] if band else None,
                                  band[1] if band else None, _position(cents, band)))
    return Figures(filt, _by_month(shipments), tuple(per_carat),
                   _anomalies(reads, filt, by_id, last_date), _monitors(chosen, counted, devices),
                   tuple(sorted({r.origin for r in reports if r.origin})),
                   tuple(sorted(devices.items(), key=lambda kv: (kv[1].casefold(), kv[0]))),
                   len(reports), bands)


def _by_month(shipments: Iterable[DashboardReport]) -> tuple[MonthOrigin, ...]:
    sums = month_origin_sums((_date_of(r)[:7], r.origin, r.verdict, r.carats, r.value_usd) for r in shipments)
    return tuple(MonthOrigin(month, origin, *acc) for (month, origin), acc in sums)


def _monitors(chosen: Iterable[DashboardReport], counted: set[str], devices: dict[str, str]
              ) -> tuple[MonitorReports, ...]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in chosen:
        acc = sums[r.held.device_id]
        acc[0] += 1
        acc[1] += 1 if r.held.version > 1 else 0
        if r.held.id in counted:
            acc[2] += 1
            acc[3] += r.carats or 0
            acc[4] += r.value_usd or 0
    rows = [MonitorReports(device, devices.get(device, ""), *acc) for device, acc in sums.items()]
    return tuple(sorted(rows, key=lambda m: (-m.reports, m.monitor.casefold(), m.device_id)))


def _anomalies(reads: DashboardReads, filt: Filter, by_id: dict[str, DashboardReport],
               last_date: dict[str, str]) -> tuple[AnomalyMonth, ...]:
    resolved_keys = reads.resolved_keys()
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for a in reads.anomalies():
        named = [by_id[i] for i in a.report_ids if i in by_id]
        devices = ({a.device_id} | {r.held.device_id for r in named}) - {""}
        # Dated by the latest report it names, else by its device's latest report.
        day = (max(_date_of(r) for r in named) if named
               else max((last_date.get(d, "") for d in devices), default=""))
        if not filt.in_period(day):
            continue
        if filt.origin and all(r.origin != filt.origin for r in named):
            continue
        if filt.device_id and filt.device_id not in devices:
            continue
        resolved = anomaly_key(a.kind, a.scope, a.report_ids) in resolved_keys
        acc = sums[(day[:7] if day else UNDATED, a.kind)]
        acc[0] += 1
        acc[1] += 0 if resolved else 1
        acc[2] += 1 if resolved else 0
        acc[3] += 1 if a.severity == "alert" else 0
    return tuple(AnomalyMonth(month, kind, *acc) for (month, kind), acc in sorted(sums.items()))


def read_figures(database: Path | str, reference: Reference, filt: Filter) -> Figures:
    """The figures read through a read-only connection of its own: for a worker thread (the window's)."""
    with reader_for(database) as reader:
        return compute(DashboardReads(reader.conn), reference, filt)


def figures(ws: Workspace, filt: Filter) -> Figures:
    """The figures of the workspace's headquarters (on the workspace's thread)."""
    return compute(DashboardReads(hq_store(ws).conn), ws.reference, filt)


# ------------------------------------------------------------------------------------------ CSV

TABLES = ("by_month", "per_carat", "anomalies", "monitors")
TABLE_TITLES = {"by_month": "Carats and value by month and origin", "per_carat": "Value per carat against the bands",
                "anomalies": "Anomalies by kind and month", "monitors": "Reports per monitor"}
HEADERS = {
    "by_month": ("month", "origin", "shipments", "certified", "carats", "value_usd", "usd_per_carat"),
    "per_carat": ("date", "report_id", "certificate", "monitor", "device_id", "origin", "hs_code", "carats",
                  "value_usd", "usd_per_carat", "band_low_usd_per_ct", "band_high_usd_per_ct", "position"),
    "anomalies": ("month", "kind", "kind_name", "count", "open", "resolved", "alerts"),
    "monitors": ("monitor", "device_id", "reports", "amendments", "shipments", "carats", "value_usd"),
}


def _opt(hundredths: int | None) -> str:
    return plain(hundredths) if hundredths is not None else ""


def table_rows(fig: Figures, table: str) -> list[list[str | int]]:
    """One table's rows as CSV cells (amounts as plain decimals, as ``hq stats --csv`` writes them)."""
    if table == "by_month":
        return [[r.month, r.origin, r.shipments, r.certified, plain(r.carats), plain(r.value_usd),
                 _opt(r.usd_per_carat)] for r in fig.by_month]
    if table == "per_carat":
        return [[r.day, r.report_id, r.cert_number, r.monitor, r.device_id, r.origin, r.hs_code, _opt(r.carats),
                 _opt(r.value_usd), _opt(r.cents_per_carat), "" if r.low is None else str(r.low),
                 "" if r.high is None else str(r.high), r.position or "no band"] for r in fig.per_carat]
    if table == "anomalies":
        return [[r.month or "undated", r.kind, kind_name(r.kind), r.count, r.open, r.resolved, r.alerts]
                for r in fig.anomalies]
    if table == "monitors":
        return [[r.monitor, r.device_id, r.reports, r.amendments, r.shipments, plain(r.carats), plain(r.value_usd)]
                for r in fig.monitors]
    raise ValueError(table)


def figure_csv(fig: Figures, table: str) -> str:
    """One table as CSV text: a header line, then its rows (the csv module quotes whatever text a monitor typed)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADERS[table])
    writer.writerows(table_rows(fig, table))
    return buf.getvalue()


def write_figure_csv(fig: Figures, table: str, path: Path) -> int:
    """Write one table as CSV (atomically, readable by the office's spreadsheets); returns its rows."""
    text = figure_csv(fig, table)
    try:
        write_atomic(Path(path), text.encode("utf-8"), mode=SHARED)
    except OSError as exc:
        raise KPError(f"The figures could not be written to {path} ({exc.strerror or exc}).") from exc
    return text.count("\n") - 1


def write_all_csv(fig: Figures, folder: Path) -> list[Path]:
    """Every table as ``dashboard-<table>.csv`` in ``folder`` (made if need be); returns the files."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KPError(f"The folder {folder} cannot be made ({exc.strerror or exc}).") from exc
    out = []
    for table in TABLES:
        path = Path(folder) / f"dashboard-{table.replace('_', '-')}.csv"
        write_figure_csv(fig, table, path)
        out.append(path)
    return out


__all__ = ["ABOVE", "BELOW", "HEADERS", "KIND_NAMES", "NO_BAND", "POSITIONS", "TABLES", "TABLE_TITLES", "UNDATED",
           "WITHIN", "AnomalyMonth", "Figures", "Filter", "MonitorReports", "MonthOrigin", "PerCarat", "compute",
           "figure_csv", "figures", "kind_name", "months_of", "quarter_of", "quarter_period", "read_figures",
           "table_rows", "write_all_csv", "write_figure_csv"]
