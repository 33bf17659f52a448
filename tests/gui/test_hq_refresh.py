"""Headquarters' window and what others record: a report imported elsewhere (the command line, another analyst)
is in the lists after the next poll, read on a worker, with the analyst's place kept and a note being written
untouched; the window's own import is not read twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.dialogs import TextDialog
from kpmonitor.gui.hq.refresh import read_lists
from kpmonitor.gui.hq.window import HqWindow

# The fixtures of headquarters' window: a device headquarters certified, its bundles on a stick.
from tests.gui.test_hq_window import import_and_wait, other_doc, shown, stick, window, world
from tests.test_bundle import export, run, sign_doc

__all__ = ["stick", "window", "world"]


@pytest.fixture(scope="module")
def fourth(world: dict[str, Any]) -> Path:
    """A fourth report of the device, exported: one that leaves the gap of report 2 open when it is imported."""
    device = world["base"] / "a"
    return export(device, sign_doc(device, other_doc("ZW 004500", "ZW-C-000500")), world["base"] / "out" / "r4")


@pytest.fixture
def reads(window: HqWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads the window's lists were read on after a poll; the window polls every 50 ms."""
    threads: list[str] = []
    real = read_lists

    def recorded(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr("kpmonitor.gui.hq.window.read_lists", recorded)
    window.set_poll_interval(50)
    return threads


def import_elsewhere(window: HqWindow, tmp_path: Path, *bundles: Path, process: bool = False) -> None:
    """``kpmonitor hq import`` on the window's home: another workspace with its own connection, in this process or
    (``process``) in a process of its own, as an analyst's shell runs it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for bundle in bundles:
        shutil.copy(bundle, folder)
    if process:
        env = {k: v for k, v in os.environ.items() if k != "KPMONITOR_HOME"}
        done = subprocess.run([sys.executable, "-m", "kpmonitor.cli", "--home", str(window.paths.data), "hq",
                               "import", str(folder)], env=env, capture_output=True, text=True, timeout=300,
                              check=False)
        assert done.returncode == 0, (done.stdout, done.stderr)
        return
    result = run(window.paths.data, "hq", "import", str(folder))
    assert result.exit_code == 0, result.output


def certificates(window: HqWindow) -> list[str]:
    return shown(window.reports_model, window.reports_model.CERTIFICATE)


def test_a_report_imported_elsewhere_is_listed_after_the_poll_and_said(
        qtbot: QtBot, window: HqWindow, stick: Path, world: dict[str, Any], tmp_path: Path,
        reads: list[str]) -> None:
    import_and_wait(qtbot, window, stick)  # reports 1 and 3; report 2 has not arrived
    assert sorted(certificates(window)) == ["ZW 004217", "ZW 004400"]
    assert "missing_report" in [a.kind for a in window.anomalies_model.rows]
    window.tabs.setCurrentIndex(window.REPORTS)
    window.set_search("ZW")  # matches all three
    chosen = window.reports_model.rows[1].id
    window.reports.setCurrentIndex(window.reports_model.index(1, 0))
    window.search.setFocus()
    window.search.setText("ZW 00")  # being typed: the list waits for a pause, and the refresh leaves it alone
    window._search_timer.stop()
    assert window.monitors_model.rows[0].missing == 1
    logged = window.log_model.rowCount()

    with qtbot.waitSignal(window.refreshed_elsewhere, timeout=10_000) as said:
        import_elsewhere(window, tmp_path, world["bundles"][1], process=True)
    assert said.args == ["1 report imported elsewhere; the lists are up to date."]
    assert window.statusBar().currentMessage() == said.args[0]
    assert reads and all(name != threading.main_thread().name for name in reads)  # on the pool
    assert sorted(certificates(window)) == ["ZW 004217", "ZW 004300", "ZW 004400"]
    assert window.reports_count.text() == "3 report(s)"
    current = window.reports.currentIndex()
    assert current.isValid() and window.reports_model.rows[current.row()].id == chosen  # the same report
    assert window.search.text() == "ZW 00" and window.search.hasFocus()
    assert "missing_report" not in [a.kind for a in window.anomalies_model.rows]  # judged at that import
    assert window.monitors_model.rows[0].missing == 0
    assert window.log_model.rowCount() == logged + 1  # the import history has the line written elsewhere

    # Once caught up, nothing more is read until something else is recorded.
    done = len(reads)
    qtbot.wait(300)
    assert len(reads) == done


def test_a_note_being_written_is_kept_while_others_import_and_the_lists_follow_after(
        qtbot: QtBot, window: HqWindow, stick: Path, fourth: Path, tmp_path: Path, reads: list[str]) -> None:
    import_and_wait(qtbot, window, stick)  # reports 1 and 3: report 2 is missing
    window.tabs.setCurrentIndex(window.ANOMALIES)
    row = [a.kind for a in window.anomalies_model.rows].index("missing_report")
    window.anomalies.setCurrentIndex(window.anomalies_model.index(row, 0))
    key = window.anomalies_model.rows[row].key
    typed = "Asked the monitor: the seal was replaced at the airport, in front of customs."
    said: list[str] = []
    window.refreshed_elsewhere.connect(said.append)
    seen: dict[str, Any] = {}

    def while_writing() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TextDialog)
        QTest.keyClicks(dialog.text, typed[:30])
        import_elsewhere(window, tmp_path, fourth)  # another analyst imports while the note is being written
        qtbot.wait(400)  # several polls
        seen["read while writing"] = list(reads)
        seen["said while writing"] = list(said)
        QTest.keyClicks(dialog.text, typed[30:])
        seen["text"] = dialog.text.toPlainText()
        dialog.ok.click()

    QTimer.singleShot(0, while_writing)
    window.note_button.click()  # the note dialog, modal, until ``while_writing`` keeps the note
    assert seen["read while writing"] == [] and seen["said while writing"] == []  # nothing changed under it
    assert seen["text"] == typed
    note = next(a for a in window.anomalies_model.rows if a.key == key).note
    assert note is not None and note.text == typed
    # The note's own refresh shows report 4; that it was imported elsewhere is still said.
    assert "ZW 004500" in certificates(window)
    assert window.statusBar().currentMessage() == "1 report imported elsewhere; the lists are up to date."


def test_the_windows_own_import_and_note_are_not_read_again(qtbot: QtBot, window: HqWindow, stick: Path,
                                                            reads: list[str]) -> None:
    said: list[str] = []
    window.refreshed_elsewhere.connect(said.append)
    import_and_wait(qtbot, window, stick)
    qtbot.wait(400)  # several polls
    assert reads == [] and said == []
    assert "elsewhere" not in window.statusBar().currentMessage()
    def answer(_anomaly: Any) -> tuple[str, bool] | None:
        return "Report 2 is on its way.", False

    window.ask_anomaly_note = answer  # type: ignore[method-assign, assignment]
    window.note_anomaly(0)
    qtbot.wait(300)
    assert reads == [] and said == []


def test_a_note_written_elsewhere_is_shown_and_said(qtbot: QtBot, window: HqWindow, stick: Path,
                                                    reads: list[str]) -> None:
    import_and_wait(qtbot, window, stick)
    anomaly = next(a for a in window.anomalies_model.rows if a.kind == "missing_report")
    with qtbot.waitSignal(window.refreshed_elsewhere, timeout=10_000) as said:
        result = run(window.paths.data, "hq", "note", anomaly.ref, "--text", "The monitor resends it.")
        assert result.exit_code == 0, result.output
    assert said.args == ["1 note on anomalies written elsewhere; the lists are up to date."]
    noted = next(a for a in window.anomalies_model.rows if a.key == anomaly.key).note
    assert noted is not None and noted.text == "The monitor resends it."


def test_a_list_read_again_keeps_the_row_chosen_and_where_it_is_scrolled(qtbot: QtBot, window: HqWindow) -> None:
    lines = [{"at": f"2026-11-{1 + n // 100:02d}T10:{n % 60:02d}:00Z", "file_name": f"r{n}.kpbundle",
              "bundle_sha256": f"{n:064x}", "outcome": "already", "report_id": "", "sentence": "Already here.",
              "quarantined": ""} for n in range(300)]
    window.tabs.setCurrentIndex(window.INBOX)
    view = window.log_view
    window._show_log(lines)
    view.setCurrentIndex(window.log_model.index(150, 0))
    view.scrollTo(window.log_model.index(150, 0))
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    newer = [{**lines[0], "file_name": "new.kpbundle", "bundle_sha256": "f" * 64}, {**lines[1], "file_name": "n2"}]

    window._keep_places(lambda: window._show_log(newer + lines))  # two lines on top
    assert view.currentIndex().row() == 152 and window.log_model.rows[152]["file_name"] == "r150.kpbundle"
    assert view.verticalScrollBar().value() == scrolled
