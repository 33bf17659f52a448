"""Table models of the headquarters screens: import results, the import log, reports (with their confirmations of
receipt), anomalies, certificates, statistics (by month and origin, or by operator or mine).

Each model holds plain rows from the core (``hq.importer.ImportResult``, ``hq.store.ReportSummary``…) and
never queries the database from ``data()``. The reports list is paged: a page of ``PAGE`` rows is read when
the view scrolls to the end (``canFetchMore``/``fetchMore``), and a search starts again from the first page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text
from kpmonitor.gui.common.labels import cell_text, safe_tooltip
from kpmonitor.gui.common.words import verdict_label

if TYPE_CHECKING:
    from kpmonitor.hq.importer import ImportResult
    from kpmonitor.hq.notes import NotedAnomaly
    from kpmonitor.hq.stats import GroupRow, MonitorSummary, StatsRow
    from kpmonitor.hq.store import Receipt, ReportSummary
    from kpmonitor.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole

# The same on a light or a dark palette: these colours mark a state, and each comes with a word and an icon.
GREEN, AMBER, RED, GREY = QColor("#2e7d32"), QColor("#b26a00"), QColor("#b3261e"), QColor("#757575")


def _standard_icon(pixmap: QStyle.StandardPixmap) -> Any:
    style = QApplication.style()
    return style.standardIcon(pixmap) if style is not None else None


class _ListModel(QAbstractTableModel):
    """A table over a Python list of rows, replaced whole (``set_rows``) or added to (``append``)."""

    columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append(self, row: Any) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self.headers()):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        value = self.cell(row, index.column(), role)
        # Every cell shows text from imported files: escaped here, once, for every model below.
        return cell_text(value) if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole) else value

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


# ------------------------------------------------------------------------------------ import


@dataclass(frozen=True)
class OutcomeLook:
    symbol: str
    colour: QColor
    icon: QStyle.StandardPixmap


OUTCOME_LOOKS = {
    "imported": OutcomeLook("✓", GREEN, QStyle.StandardPixmap.SP_DialogApplyButton),
    "already": OutcomeLook("=", GREY, QStyle.StandardPixmap.SP_MessageBoxInformation),
    "conflict": OutcomeLook("⚠", AMBER, QStyle.StandardPixmap.SP_MessageBoxWarning),
    "refused": OutcomeLook("✗", RED, QStyle.StandardPixmap.SP_MessageBoxCritical),
}


def outcome_label(outcome: str) -> str:
    t = QApplication.translate
    return {"imported": t("hq", "Imported"), "already": t("hq", "Already imported"),
            "conflict": t("hq", "Conflict, set aside"), "refused": t("hq", "Refused")}.get(outcome, outcome)


def _outcome_cell(outcome: str, role: int) -> Any:
    look = OUTCOME_LOOKS.get(outcome)
    if role == DISPLAY:
        return outcome_label(outcome)  # the icon and colour carry the symbol
    if look is None:
        return None
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{look.symbol} {outcome_label(outcome)}"
    if role == Qt.ItemDataRole.ForegroundRole:
        return look.colour
    if role == Qt.ItemDataRole.DecorationRole:
        return _standard_icon(look.icon)
    if role == Qt.ItemDataRole.UserRole:
        return outcome
    return None


class ImportResultsModel(_ListModel):
    """What happened to each file of the current import, as the results arrive."""

    FILE, OUTCOME, REPORT, SENTENCE = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Outcome"), self.tr("Report"), self.tr("What happened"))

    def cell(self, row: ImportResult, column: int, role: int) -> Any:
        if column == self.OUTCOME:
            return _outcome_cell(row.outcome, role)
        text = (row.file.name, "", (row.report_id or "")[:8], row.sentence)[column]
        if role == DISPLAY:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip(str(row.file) if column == self.FILE else text)
        return None


class ImportLogModel(_ListModel):
    """Headquarters' import history (``hq.reports.import_log``), newest first."""

    AT, FILE, OUTCOME, REPORT, SENTENCE = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("File"), self.tr("Outcome"), self.tr("Report"), self.tr("What happened"))

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if column == self.OUTCOME:
            return _outcome_cell(str(row.get("outcome") or ""), role)
        text = (show_moment(row.get("at")), str(row.get("file_name") or ""), "",
                str(row.get("report_id") or "")[:8], str(row.get("sentence") or ""))[column]
        if role == DISPLAY:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SENTENCE:
            return safe_tooltip(text)
        return None


# ------------------------------------------------------------------------------------ reports


def badge_look(badge: str) -> tuple[str, QColor]:
    """The verification badge of an imported report (``hq.reports.SignerBadges``): a symbol and word, and its colour.

    Only reports whose every check held are imported (a self-signed one only once headquarters certified its
    key), so a report is verified, or signed before enrolment, or, since, its signer was revoked.
    """
    t = QApplication.translate
    if badge == "verified":
        return "✓ " + t("hq", "verified"), GREEN
    if badge == "signed before enrolment":
        return "✓ " + t("hq", "signed before enrolment"), AMBER
    if badge == "revoked":
        return "✗ " + t("hq", "signer revoked"), RED
    return "✗ " + badge, RED


def receipt_look(receipt: Receipt | None) -> tuple[str, QColor | None, str]:
    """A report's confirmation of receipt (``hq.store.Receipt``) in the list: its words, colour and tooltip."""
    t = QApplication.translate
    if receipt is None or not receipt.state:
        return "", None, t("hq", "No confirmation of receipt is awaited: the report is not certified, or a later "
                                 "version counts.")
    if receipt.state == "confirmed":
        return ("✓ " + t("hq", "confirmed {day}").format(day=receipt.confirmed_on), GREEN,
                t("hq", "The importing authority confirmed receipt on {day}.").format(day=receipt.confirmed_on))
    if receipt.state == "mismatch":
        return ("✗ " + t("hq", "mismatch"), RED,
                t("hq", "Confirmed on {day}, but not as certified: {what}.").format(
                    day=receipt.confirmed_on, what="; ".join(receipt.differences)))
    days = receipt.days if receipt.days is not None else 0
    text = t("hq", "awaited %n day(s)", "", days)
    if receipt.state == "overdue":
        return "⚠ " + text, AMBER, t("hq", "No confirmation of receipt yet, %n day(s) after signing: more than "
                                           "headquarters allows (setting hq_confirmation_days).", "", days)
    return text, None, t("hq", "No confirmation of receipt yet, %n day(s) after signing.", "", days)


class ReportsModel(_ListModel):
    """Imported reports, newest first, read a page at a time; ``set_search`` filters (``hq.reports.list_reports``).

    The exporter and the importer share a column, so that the receipt's fits in 1024 pixels beside the others.
    """

    PAGE = 200
    BADGE, CERTIFICATE, PARTIES, ORIGIN, MONITOR, INSPECTED, VERDICT, CARATS, VALUE, RECEIPT, VERSION = range(11)
    EXPORTER = IMPORTER = PARTIES
    _RIGHT = (CARATS, VALUE)

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.search = ""
        self.total = 0

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Verification"), self.tr("KP certificate"), self.tr("Exporter → importer"),
                self.tr("Origin"), self.tr("Monitor"), self.tr("Inspected"), self.tr("Verdict"),
                self.tr("Carats"), self.tr("Value (US$)"), self.tr("Receipt"), self.tr("Version"))

    def set_search(self, text: str) -> None:
        self.search = text.strip()
        self.reload()

    def reload(self) -> None:
        from kpmonitor.hq.reports import count_reports, list_reports

        self.beginResetModel()
        self.total = count_reports(self.ws, self.search or None)
        self.rows = list_reports(self.ws, self.search or None, limit=self.PAGE)
        self.endResetModel()

    def set_page(self, total: int, rows: Sequence[ReportSummary]) -> None:
        """Show rows read elsewhere (the window's worker) for the current search: its count and first rows."""
        self.beginResetModel()
        self.total = total
        self.rows = list(rows)
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        from kpmonitor.hq.reports import list_reports

        if parent.isValid():
            return
        page = list_reports(self.ws, self.search or None, limit=self.PAGE, offset=len(self.rows))
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def summary(self, row: int) -> ReportSummary | None:
        found: ReportSummary | None = self.row_at(row)
        return found

    def _version(self, r: ReportSummary) -> str:
        text = self.tr("v{version}").format(version=r.version)
        if r.superseded_by:
            text += " · " + self.tr("superseded by {id}").format(id=r.superseded_by[:8])
        elif r.supersedes:
            text += " · " + self.tr("amends {id}").format(id=r.supersedes[:8])
        return text

    def cell(self, r: ReportSummary, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.BADGE:
                return badge_look(r.badge)[0]
            return ("", r.cert_number, f"{r.exporter} → {r.importer}", r.origin, r.monitor,
                    show_moment(r.inspected_at), verdict_label(r.verdict), amount_text(r.carats),
                    amount_text(r.value_usd), receipt_look(r.receipt)[0], self._version(r))[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.BADGE:
                return badge_look(r.badge)[1]
            if column == self.RECEIPT and receipt_look(r.receipt)[1] is not None:
                return receipt_look(r.receipt)[1]
            return GREY if r.superseded_by else None
        if role == Qt.ItemDataRole.FontRole and r.superseded_by and column != self.BADGE:
            font = QFont()
            font.setStrikeOut(column == self.CERTIFICATE)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.VERSION and r.superseded_by:
                return self.tr("A later version of this report was received; statistics count only the "
                               "latest.")
            if column == self.PARTIES:
                return safe_tooltip(self.tr("Exporter: {exporter}\nImporter: {importer}").format(
                    exporter=r.exporter, importer=r.importer))
            if column == self.RECEIPT:
                return safe_tooltip(receipt_look(r.receipt)[2])
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


# ---------------------------------------------------------------------------------- anomalies


def anomaly_kind_label(kind: str) -> str:
    t = QApplication.translate
    return {
        "missing_report": t("hq", "Report missing"), "refused_report": t("hq", "Report refused at import"),
        "rollback": t("hq", "History rolled back"),
        "fork": t("hq", "History forked"), "seal_reused": t("hq", "Seal reused"),
        "certificate_reused": t("hq", "KP certificate reused"),
        "cross_device_supersede": t("hq", "Supersedes another device's report"),
        "history_rewritten": t("hq", "Device history rewritten"),
        "cross_device_id": t("hq", "Another device's report id"),
        "value_per_carat": t("hq", "Value per carat"), "weight_tolerance": t("hq", "Weight off declared"),
        "photo_out_of_place": t("hq", "Photo out of time or place"), "photo_reused": t("hq", "Photo reused"),
        "receipt_mismatch": t("hq", "Receipt differs from report"),
        "receipt_without_report": t("hq", "Receipt without report"),
        "receipt_unconfirmed": t("hq", "Receipt not confirmed"),
        "late_signing": t("hq", "Signed long after sealing"), "valuation_differs": t("hq", "Valuation differs"),
        "operator_not_cleared": t("hq", "Operator not cleared"),
        "validated_before_sealing": t("hq", "Validated before sealing"),
    }.get(kind, kind)


class AnomaliesModel(_ListModel):
    """``hq.notes.noted_anomalies``: the stored rows, most serious first (the core's order), each with its analysts'
    latest note; a resolved one stays listed, dimmed and marked."""

    SEVERITY, KIND, MONITOR, REPORTS, SENTENCE, NOTE = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Severity"), self.tr("Kind"), self.tr("Device / monitor"), self.tr("Reports"),
                self.tr("What headquarters should look at"), self.tr("Analyst's note"))

    def cell(self, a: NotedAnomaly, column: int, role: int) -> Any:
        alert = a.severity == "alert"
        if role == DISPLAY:
            who = f"{a.device_id[:8]} · {a.monitor}" if a.device_id else a.monitor
            severity = "✗ " + self.tr("alert") if alert else "⚠ " + self.tr("warning")
            if a.resolved:
                severity = "✓ " + self.tr("resolved") + f" ({severity[2:]})"
            return (severity, anomaly_kind_label(a.kind), who, ", ".join(r[:8] for r in a.report_ids), a.sentence,
                    self._note(a))[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if a.resolved:
                return GREY  # stays listed, not counted as open
            return (RED if alert else AMBER) if column == self.SEVERITY else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.SENTENCE, self.NOTE):
            return safe_tooltip(a.sentence if column == self.SENTENCE else self._note(a, long=True))
        return None

    def _note(self, a: NotedAnomaly, *, long: bool = False) -> str:
        if a.note is None:
            return ""
        if not long:
            return a.note.text
        return self.tr("{text}\n— {by}, {when} (reference {ref})").format(
            text=a.note.text, by=a.note.by, when=show_moment(a.note.at), ref=a.ref)


# ---------------------------------------------------------------------------------- monitors


@dataclass(frozen=True)
class IssuedRow:
    """One certificate headquarters issued, as the Monitors screen shows it."""

    name: str
    device_id: str
    serial: str
    not_before: str
    not_after: str
    revoked_at: str | None

    @property
    def expired(self) -> bool:
        try:
            return datetime.fromisoformat(self.not_after) < datetime.now(UTC)
        except ValueError:
            return False


class IssuedModel(_ListModel):
    NAME, DEVICE, SERIAL, FROM, UNTIL, STATE = range(6)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Monitor"), self.tr("Device"), self.tr("Serial"), self.tr("Valid from"),
                self.tr("Valid until"), self.tr("State"))

    def cell(self, r: IssuedRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.STATE:
                if r.revoked_at:
                    return "✗ " + self.tr("revoked {date}").format(date=show_moment(r.revoked_at))
                return "⚠ " + self.tr("expired") if r.expired else "✓ " + self.tr("valid")
            return (r.name, r.device_id[:8], r.serial, r.not_before[:10], r.not_after[:10])[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return RED if r.revoked_at else AMBER if r.expired else GREEN
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DEVICE:
            return r.device_id
        return None


class MonitorsModel(_ListModel):
    """``hq.stats.monitors``: every device headquarters has heard from."""

    MONITOR, DEVICE, REPORTS, LAST_SEQ, MISSING, LAST_SIGNED, LAST_IMPORTED = range(7)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Monitor"), self.tr("Device"), self.tr("Reports"), self.tr("Last number"),
                self.tr("Missing"), self.tr("Last signed"), self.tr("Last imported"))

    def cell(self, m: MonitorSummary, column: int, role: int) -> Any:
        if role == DISPLAY:
            name = m.monitor + (" — " + self.tr("revoked") if m.revoked else "")
            return (name, m.device_id[:8], str(m.reports), str(m.last_seq), str(m.missing) if m.missing else "",
                    show_moment(m.last_signed_at), show_moment(m.last_imported_at))[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.MISSING and m.missing:
                return RED
            if column == self.MONITOR and m.revoked:
                return RED
        return None


# -------------------------------------------------------------------------------- statistics


class GroupStatsModel(_ListModel):
    """``hq.stats.stats_by``: shipments, carats and value per production operator or mine."""

    GROUP, SHIPMENTS, CERTIFIED, CARATS, VALUE, PER_CARAT = range(6)

    def __init__(self, by: str = "operator", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.by = by

    def set_by(self, by: str, rows: Sequence[GroupRow]) -> None:
        self.beginResetModel()
        self.by = by
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Mine") if self.by == "mine" else self.tr("Operator"), self.tr("Shipments"),
                self.tr("Certified"), self.tr("Carats"), self.tr("Value (US$)"), self.tr("US$ per carat"))

    def cell(self, r: GroupRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            group = r.group or self.tr("(not recorded)")
            return (group, str(r.shipments), str(r.certified), amount_text(r.carats), amount_text(r.value_usd),
                    amount_text(r.usd_per_carat))[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.GROUP and not r.group:
            return GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.SHIPMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StatsModel(_ListModel):
    MONTH, ORIGIN, SHIPMENTS, CERTIFIED, CARATS, VALUE, PER_CARAT = range(7)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Month"), self.tr("Origin"), self.tr("Shipments"), self.tr("Certified"),
                self.tr("Carats"), self.tr("Value (US$)"), self.tr("US$ per carat"))

    def cell(self, r: StatsRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (r.month, r.origin, str(r.shipments), str(r.certified), amount_text(r.carats),
                    amount_text(r.value_usd), amount_text(r.usd_per_carat))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.SHIPMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

