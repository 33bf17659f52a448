"""Headquarters' window on a small screen and from the keyboard: the report detail fits 1024 × 600 and Escape closes
it; every moment reads as it does on the monitor's laptop, its zone named, never as raw ISO 8601."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.dialogs import FRAME
from kpmonitor.gui.hq.detail import ReportDetailDialog
from kpmonitor.gui.hq.window import HqWindow

# The fixtures of headquarters' window: a device headquarters certified, its bundles on a stick.
from tests.gui.test_hq_window import import_and_wait, shown, stick, window, world

__all__ = ["stick", "window", "world"]

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
SHOWN = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC([+−]\d\d:\d\d)?$")


def opened(qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any]) -> ReportDetailDialog:
    import_and_wait(qtbot, window, stick)
    window.set_search("ZW 004217")
    with qtbot.waitSignal(window.report_opened):
        window._on_report_activated(window.reports_model.index(0, 1))
    dialog = window.detail_dialog
    assert isinstance(dialog, ReportDetailDialog) and dialog.report_id == world["ids"][0]
    return dialog


def test_escape_closes_the_report_detail_wherever_the_focus_is_in_it(
        qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any]) -> None:
    dialog = opened(qtbot, window, stick, world)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)  # it has the keyboard as soon as it opens
    dialog.photos.setFocus()
    qtbot.keyClick(dialog.photos, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = opened(qtbot, window, stick, world)
    qtbot.waitUntil(again.isActiveWindow, timeout=5000)
    again.fields["Exporter"].setFocus()
    qtbot.keyClick(again.fields["Exporter"], Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_the_report_detail_and_the_window_fit_a_small_screen(
        qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any]) -> None:
    window.resize(1024, 600)
    dialog = opened(qtbot, window, stick, world)
    QApplication.processEvents()
    for widget in (dialog, window):
        minimum = widget.minimumSizeHint()
        assert minimum.width() <= 1024 - FRAME[0] and minimum.height() <= 600 - FRAME[1], (widget, minimum)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.reject()


def test_every_moment_at_headquarters_is_shown_with_its_zone_never_as_iso(
        qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any]) -> None:
    dialog = opened(qtbot, window, stick, world)
    for name in ("Inspected", "Signed", "Imported"):
        text = dialog.fields[name].text()
        assert SHOWN.match(text) and not ISO.search(text), (name, text)
    reports = window.reports_model
    for text in shown(reports, list(reports.headers()).index("Inspected")):
        assert SHOWN.match(text), text
    log = window.log_model
    for text in shown(log, log.AT):
        assert SHOWN.match(text), text
    dialog.reject()


def test_enter_in_find_opens_the_one_report_found(qtbot: QtBot, window: HqWindow, stick: Path,
                                                  world: dict[str, Any]) -> None:
    import_and_wait(qtbot, window, stick)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "ZW 00")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.detail_dialog is None and window.reports.currentIndex().row() == 0  # two found
    window.search.clear()
    qtbot.keyClicks(window.search, "ZW 004400")
    with qtbot.waitSignal(window.report_opened) as opened:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert opened.args == [world["ids"][2]]
    assert window.detail_dialog is not None
    window.detail_dialog.close()
