"""Headquarters' Dashboard tab: built when first shown, read on the pool, filtered, exported, at 1024 × 600."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.workers import pool
from kpmonitor.gui.hq.window import HqWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.test_hq_dashboard import world  # noqa: F401  (the small headquarters whose figures are known)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(world: dict[str, Any], tmp_path: Path, qtbot: QtBot) -> Iterator[HqWindow]:  # noqa: F811
    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)
    paths = Paths.for_home(home)
    ws = Workspace(paths)
    win = HqWindow(paths, ws)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    yield win
    win.close()
    pool().waitForDone(30_000)
    ws.close()


def show_dashboard(win: HqWindow, qtbot: QtBot) -> Any:
    win.tabs.setCurrentIndex(win.DASHBOARD)
    assert win.dashboard is not None
    qtbot.waitUntil(lambda: win.dashboard.figures is not None and win.dashboard.task is None, timeout=20_000)
    return win.dashboard


def test_the_window_starts_without_the_chart_library(world: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    home = tmp_path / "hq"
    shutil.copytree(world["hq"], home)
    code = textwrap.dedent(f"""
        import sys
        from kpmonitor.gui.app import make_application
        from kpmonitor.gui.hq.window import HqWindow
        from kpmonitor.paths import Paths
        from kpmonitor.workspace import Workspace
        app = make_application()
        paths = Paths.for_home({str(home)!r})
        with Workspace(paths) as ws:
            win = HqWindow(paths, ws)
            win.show()
            app.processEvents()
            # (numpy may be there: sqlite-utils loads it, when installed, with itself, at the first write.)
            before = "pyqtgraph" in sys.modules
            win.tabs.setCurrentIndex(win.DASHBOARD)
            after = "pyqtgraph" in sys.modules
            win.close()
        print(before, after)
        """)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.split()[-2:] == ["False", "True"], done.stderr


def test_the_tab_is_built_when_first_shown_and_reads_the_figures(window: HqWindow, qtbot: QtBot) -> None:
    assert window.dashboard is None
    tab = show_dashboard(window, qtbot)
    assert tab.figures.shipments == 4 and tab.figures.reports_held == 5
    assert "4 shipments" in tab.status.text()
    # The filter offers what is held.
    assert [tab.origin.itemData(i) for i in range(tab.origin.count())] == ["", "BW", "ZW"]
    assert [tab.period.itemData(i) for i in range(tab.period.count())] == ["", "2026-Q4", "2026-Q3", "custom"]
    assert tab.monitor.count() == 3
    # Every chart has its sentence.
    assert "Below its band: 1; within: 3" in tab.band_panel.summary.text()
    assert "Amélie Ndlovu: 4 report(s), 3 shipment(s)" in tab.monitors_panel.summary.text()


def test_filters_change_the_figures(window: HqWindow, qtbot: QtBot) -> None:
    tab = show_dashboard(window, qtbot)
    with qtbot.waitSignal(tab.figures_shown, timeout=20_000):
        tab.set_filter(period="2026-Q4")
    assert tab.figures.shipments == 3
    with qtbot.waitSignal(tab.figures_shown, timeout=20_000):
        tab.set_filter(period="2026-Q4", origin="BW")
    assert tab.figures.shipments == 1 and [m.monitor for m in tab.figures.monitors] == ["Baraka Moyo"]
    assert tab.origin.currentData() == "BW"  # the choice stays chosen as the choices are filled again
    amelie = next(d for d, name in tab.figures.devices if name == "Amélie Ndlovu")
    with qtbot.waitSignal(tab.figures_shown, timeout=20_000):
        tab.set_filter(device_id=amelie)
    assert tab.figures.shipments == 3 and tab.figures.filter.device_id == amelie


def test_an_import_refreshes_the_dashboard(window: HqWindow, qtbot: QtBot) -> None:
    tab = show_dashboard(window, qtbot)
    with qtbot.waitSignal(tab.figures_shown, timeout=20_000):
        window.refresh()  # what the end of an import does


def test_each_chart_exports_as_png_and_its_figures_as_csv(window: HqWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tab = show_dashboard(window, qtbot)
    for panel in tab.panels:
        out = tmp_path / f"{panel.table}.png"
        window.choose_save_path = lambda *_a, out=out: out  # type: ignore[method-assign]
        panel.png_button.click()
        assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "monitors.csv"
    window.choose_save_path = lambda *_a: out  # type: ignore[method-assign]
    tab.monitors_panel.csv_button.click()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["monitor"]: r["reports"] for r in rows} == {"Amélie Ndlovu": "4", "Baraka Moyo": "1"}


def test_the_quarterly_report_button_writes_the_chosen_quarter(window: HqWindow, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    tab = show_dashboard(window, qtbot)
    asked: list[str] = []
    out = tmp_path / "q.pdf"

    def choose(title: str, name: str, _filter: str) -> Path:
        asked.append(name)
        return out

    window.choose_save_path = choose  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.quarterly_written, timeout=30_000):
        tab.quarterly_button.click()
    assert asked == ["kpmonitor-quarterly-2026-Q4.pdf"]  # the latest quarter with shipments
    assert out.read_bytes().startswith(b"%PDF")


def test_the_dashboard_fits_1024_by_600_and_scrolls_only_down(window: HqWindow, qtbot: QtBot) -> None:
    tab = show_dashboard(window, qtbot)
    qtbot.wait(50)
    assert window.width() <= 1024 and window.height() <= 600
    assert not tab.scroll_area.horizontalScrollBar().isVisible()
    body = tab.scroll_area.widget()
    assert body.width() <= tab.scroll_area.viewport().width()
    for panel in tab.panels:  # every chart and its buttons are within the tab's width
        right = panel.mapTo(tab, panel.rect().topRight()).x()
        assert right <= tab.width()
        assert panel.png_button.isVisibleTo(tab) and panel.csv_button.isVisibleTo(tab)


def test_the_dashboard_is_reached_and_worked_with_the_keyboard(window: HqWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    tab = show_dashboard(window, qtbot)
    window.tabs.setCurrentIndex(window.INBOX)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.DASHBOARD
    tab.period.setFocus()
    seen = set()
    for _ in range(30):
        seen.add(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for widget in (tab.origin, tab.monitor, tab.quarterly_button, tab.measure,
                   *(p.png_button for p in tab.panels), *(p.csv_button for p in tab.panels)):
        assert widget in seen, widget
