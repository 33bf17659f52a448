"""Headquarters' window and confirmations of receipt: the Reports list's Receipt column (confirmed, mismatch,
awaited, overdue), the report's detail saying it, and the statistics by operator and mine."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpmonitor.gui.hq.detail import ReportDetailDialog
from kpmonitor.gui.hq.window import HqWindow
from kpmonitor.hq import receipts_due
from kpmonitor.hq.confirmations import confirm

# The fixtures of headquarters' window: a device headquarters certified, its bundles on a stick.
from tests.gui.test_hq_window import import_and_wait, shown, stick, window, world
from tests.test_bundle import example

__all__ = ["stick", "window", "world"]

AUTHORITY = "FPS Economy, Diamond Office Antwerp"


def receipts(window: HqWindow) -> dict[str, tuple[str, Any, str]]:
    """Certificate number → the Receipt cell's text, colour and tooltip."""
    model = window.reports_model
    out = {}
    for row in range(model.rowCount()):
        cell = model.index(row, model.RECEIPT)
        colour = model.data(cell, Qt.ItemDataRole.ForegroundRole)
        out[model.data(model.index(row, model.CERTIFICATE))] = (
            model.data(cell), colour.name() if colour is not None else None,
            model.data(cell, Qt.ItemDataRole.ToolTipRole))
    return out


def test_the_receipt_column_and_the_detail_say_what_the_importing_side_confirmed(
        qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any]) -> None:
    import_and_wait(qtbot, window, stick)
    model = window.reports_model
    assert model.columnCount() == 11 and model.headers()[model.RECEIPT] == "Receipt"  # no wider than before
    assert "Exporter → importer" in model.headers()
    assert {text for text, _colour, _tip in receipts(window).values()} == {"awaited 0 day(s)"}
    today = date.today().isoformat()
    confirm(window.ws, {"certificate": "ZW 004217", "confirmed_on": today, "authority": AUTHORITY, "parcels": "2",
                        "carats": "1200.50"})
    confirm(window.ws, {"certificate": "ZW 004400", "confirmed_on": today, "authority": AUTHORITY, "parcels": "5"})
    window.refresh()
    found = receipts(window)
    assert found["ZW 004217"][:2] == (f"✓ confirmed {today}", "#2e7d32")
    assert found["ZW 004400"][:2] == ("✗ mismatch", "#b3261e")
    assert "parcels: certified 2, received 5" in found["ZW 004400"][2]
    assert "Receipt differs from report" in shown(window.anomalies_model, window.anomalies_model.KIND)

    window.set_search("ZW 004217")
    with qtbot.waitSignal(window.report_opened):
        window._on_report_activated(model.index(0, model.CERTIFICATE))
    dialog = window.detail_dialog
    assert isinstance(dialog, ReportDetailDialog)
    assert dialog.fields["Receipt"].text() == f"Confirmed on {today} by {AUTHORITY} (2 parcel(s), 1,200.50 ct)"
    dialog.reject()
    window.set_search("ZW 004400")
    with qtbot.waitSignal(window.report_opened):
        window._on_report_activated(model.index(0, model.CERTIFICATE))
    dialog = window.detail_dialog
    assert isinstance(dialog, ReportDetailDialog)
    text = dialog.fields["Receipt"].text()
    assert text.startswith(f"Confirmed on {today}") and "It differs from this report: parcels" in text
    assert "#b3261e" in dialog.fields["Receipt"].styleSheet()
    dialog.reject()


def test_a_receipt_awaited_too_long_is_marked_overdue(qtbot: QtBot, window: HqWindow, stick: Path,
                                                      world: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import_and_wait(qtbot, window, stick)
    summary = window.reports_model.summary(0)
    assert summary is not None
    signed = datetime.fromisoformat(summary.signed_at).date()
    monkeypatch.setattr(receipts_due, "today", lambda: signed + timedelta(days=31))
    window.refresh()
    assert {v[:2] for v in receipts(window).values()} == {("⚠ awaited 31 day(s)", "#b26a00")}
    assert "Receipt not confirmed" in shown(window.anomalies_model, window.anomalies_model.KIND)
    window.set_search("ZW 004217")
    with qtbot.waitSignal(window.report_opened):
        window._on_report_activated(window.reports_model.index(0, 1))
    dialog = window.detail_dialog
    assert isinstance(dialog, ReportDetailDialog)
    assert dialog.fields["Receipt"].text() == "No confirmation of receipt yet, 31 day(s) after signing — overdue"
    dialog.reject()


def test_the_statistics_are_grouped_by_operator_or_mine_and_exported_so(
        qtbot: QtBot, window: HqWindow, stick: Path, tmp_path: Path) -> None:
    import_and_wait(qtbot, window, stick)
    production = example()["production"]
    window.set_stats_grouping("operator")
    model = window.stats.model()
    assert model is window.group_stats_model
    assert shown(model, 0) == [production["operator"]] and shown(model, 1) == ["2"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Operator"
    out = tmp_path / "by-operator.csv"
    assert window.export_stats(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["operator"], r["shipments"]) for r in rows] == [(production["operator"], "2")]
    window.set_stats_grouping("mine")
    assert shown(window.stats.model(), 0) == [production["mine"]]
    window.set_stats_grouping("month")
    assert window.stats.model() is window.stats_model
