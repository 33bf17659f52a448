"""When a certified shipment's confirmation of receipt is due, and whether one that came agrees with the report.

The KPCS asks the importing authority to confirm receipt of each shipment to the exporting authority: the
certificate number, the parcels, the carats, the importer and the exporter. Headquarters records those
confirmations (``hq.confirmations``) and compares each with the latest version of the certified report of its
certificate number: a figure that differs is named (``differences``). A certified report with none recorded
``hq_confirmation_days`` days after its signing is overdue (``receipt_of``).

"Overdue" depends on the date alone, not on anything recorded: ``today`` is the one clock of it (tests replace
it), and the anomalies that say so are judged again on a listing made on another day (``hq.anomalies``).
No SQL here: these read rows ``hq.store`` made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from kpmonitor.domain.quantities import format_carats
from kpmonitor.hq.shared import judging_settings
from kpmonitor.hq.store import Confirmation, Receipt, ReceiptReport
from kpmonitor.i18n import _
from kpmonitor.settings import SETTINGS

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

SETTING = "hq_confirmation_days"


def today() -> date:
    """Today's date in UTC: the day an overdue confirmation is counted to."""
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class ReceiptTerms:
    """How long a confirmation of receipt may take (``hq_confirmation_days``), counted to ``today``."""

    days: int
    today: date

    def marker(self) -> str:
        """What the stored receipt anomalies were judged with: another day, or another setting, judges again."""
        return f"{self.today.isoformat()} {self.days}"

    def elapsed(self, signed_at: str) -> int | None:
        """Whole days from the signing (its UTC date) to today; None when the moment cannot be read."""
        try:
            signed = datetime.fromisoformat(signed_at)
        except ValueError:
            return None
        if signed.tzinfo is not None:
            signed = signed.astimezone(UTC)
        return max(0, (self.today - signed.date()).days)

    def overdue(self, signed_at: str) -> bool:
        """More than ``days`` days since the signing."""
        elapsed = self.elapsed(signed_at)
        return elapsed is not None and elapsed > self.days


def terms_for(ws: Workspace) -> ReceiptTerms:
    """The home's setting, counted to today (a setting that is no whole number of days takes its default)."""
    value = judging_settings(ws).get(SETTING)  # a joined analyst counts with the issuing home's setting
    try:
        days = int(value)
        if days < 0 or isinstance(value, bool):
            raise ValueError(value)
    except (TypeError, ValueError):
        log.warning("Setting %s is not a number of days; using its default", SETTING)
        days = int(SETTINGS[SETTING].default)
    return ReceiptTerms(days, today())


def _same_name(a: str, b: str) -> bool:
    # The importing side types the names again: case and spacing are not a difference, a word is.
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def differences(report: ReceiptReport, confirmation: Confirmation) -> list[str]:
    """What the confirmation says that the report does not, one phrase each ("carats: certified …, received …");
    a figure the confirmation leaves empty is not compared. In the language the core speaks (the verdict stays its
    code, as the report's JSON has it)."""
    out: list[str] = []
    if report.verdict != "certified":
        out.append(_("the monitor's verdict is {verdict}, not certified, yet its receipt is confirmed").format(
            verdict=report.verdict or _("none")))
    if confirmation.parcels is not None and confirmation.parcels != report.parcels:
        out.append(_("parcels: certified {certified}, received {received}").format(
            certified=report.parcels, received=confirmation.parcels))
    if confirmation.carats is not None and confirmation.carats != report.carats:
        certified = format_carats(report.carats) if report.carats is not None else _("none")
        out.append(_("carats: certified {certified}, received {received}").format(
            certified=certified, received=format_carats(confirmation.carats)))
    if confirmation.importer and not _same_name(report.importer, confirmation.importer):
        out.append(_("importer: certified “{certified}”, received “{received}”").format(
            certified=report.importer, received=confirmation.importer))
    if confirmation.exporter and not _same_name(report.exporter, confirmation.exporter):
        out.append(_("exporter: certified “{certified}”, received “{received}”").format(
            certified=report.exporter, received=confirmation.exporter))
    return out


def receipt_of(report: ReceiptReport | None, confirmation: Confirmation | None, terms: ReceiptTerms) -> Receipt:
    """Where a report's receipt stands: ``report`` is None for a version that is superseded (nothing awaited of it;
    a confirmation is still shown beside it)."""
    if confirmation is not None:
        found = differences(report, confirmation) if report is not None else []
        return Receipt("mismatch" if found else "confirmed", confirmation.confirmed_on, None, tuple(found),
                       confirmation)
    if report is None or report.verdict != "certified":
        return Receipt("")
    elapsed = terms.elapsed(report.held.signed_at)
    return Receipt("overdue" if terms.overdue(report.held.signed_at) else "awaited", days=elapsed)


__all__ = ["SETTING", "ReceiptTerms", "differences", "receipt_of", "terms_for", "today"]
