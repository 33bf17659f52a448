"""Headquarters' window: bundles dropped into the inbox are imported in the background, then found, opened,
flagged and counted; the root key issues and revokes monitors' certificates."""

from __future__ import annotations

import csv
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.workers import pool
from kpmonitor.gui.hq.detail import ReportDetailDialog
from kpmonitor.gui.hq.window import HqWindow, open_files_into
from kpmonitor.hq.store import HQStore
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE
from tests.conftest_hq import HQEngine
from tests.test_bundle import example, export, make_device, make_hq, photo, run, sign_doc


def other_doc(number: str, seal: str) -> dict[str, Any]:
    doc = example()
    doc["certificate"]["number"] = number
    doc["seals"] = [{"number": seal, "type": "bolt", "iso_class": "H", "parcel": None}]
    return doc


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Headquarters, and a device it certified with three signed reports (the first with two photos), each
    exported to a folder of its own; and a second device's certificate request."""
    base = tmp_path_factory.mktemp("hq-gui-world")
    hq = make_hq(base / "hq")
    a = make_device(base / "a", "Amélie Ndlovu", hq)
    ids = [sign_doc(a, example(), [photo(21), photo(22, "Seal")]),
           sign_doc(a, other_doc("ZW 004300", "ZW-C-000300")),
           sign_doc(a, other_doc("ZW 004400", "ZW-C-000400"))]
    bundles = [export(a, rid, base / "out" / f"r{n}") for n, rid in enumerate(ids, 1)]
    b = base / "b"
    assert run(b, "init", "--role", "field", "--name", "Baraka Moyo").exit_code == 0
    request = base / "b-request.pem"
    assert run(b, "keys", "request", "--out", str(request)).exit_code == 0
    return {"base": base, "hq": hq, "ids": ids, "bundles": bundles, "request": request}


@pytest.fixture
def stick(world: dict[str, Any], tmp_path: Path) -> Path:
    """A USB stick's folder holding reports 1 and 3 of the device (report 2 has not arrived)."""
    folder = tmp_path / "stick" / "KPMONITOR"
    folder.mkdir(parents=True)
    for bundle in (world["bundles"][0], world["bundles"][2]):
        shutil.copy(bundle, folder / bundle.name)
    return tmp_path / "stick"


@pytest.fixture
def window(world: dict[str, Any], tmp_path: Path, qtbot: QtBot, hq_engine: HQEngine) -> Iterator[HqWindow]:
    """The window over a copy of headquarters, on each engine (SQLite's file, a PostgreSQL database)."""
    home = hq_engine.home(world["hq"], tmp_path / "hq")
    paths = Paths.for_home(home)
    ws = Workspace(paths)
    assert ws.role == "hq"
    win = HqWindow(paths, ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()
    pool().waitForDone(30_000)
    ws.close()


def import_and_wait(qtbot: QtBot, window: HqWindow, *paths: Path) -> list[tuple[str, str]]:
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        assert window.import_files(list(paths))
    return [(r.file.name, r.outcome) for r in window.results_model.rows]


def shown(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# ------------------------------------------------------------------------------------------ inbox


def test_a_folder_of_bundles_is_imported_then_recognised(qtbot: QtBot, window: HqWindow, stick: Path,
                                                         world: dict[str, Any]) -> None:
    names = sorted(b.name for b in (world["bundles"][0], world["bundles"][2]))
    assert sorted(import_and_wait(qtbot, window, stick)) == [(n, "imported") for n in names]
    assert shown(window.results_model, 1) == ["Imported", "Imported"]
    model = window.results_model
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole).name() == "#2e7d32"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.AccessibleTextRole) == "✓ Imported"
    assert "2 imported" in window.import_status.text()
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()

    assert sorted(import_and_wait(qtbot, window, stick)) == [(n, "already") for n in names]
    assert all("already imported" in s for s in shown(window.results_model, 3))
    assert window.log_model.rowCount() == 4  # the history keeps every attempt
    assert window.reports_model.rowCount() == 2


def test_a_corrupted_bundle_is_refused_with_its_sentence(qtbot: QtBot, window: HqWindow, world: dict[str, Any],
                                                         tmp_path: Path) -> None:
    data = bytearray(world["bundles"][1].read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / "damaged.kpbundle"
    bad.write_bytes(bytes(data))
    assert import_and_wait(qtbot, window, bad) == [("damaged.kpbundle", "refused")]
    sentence = window.results_model.rows[0].sentence
    assert sentence and shown(window.results_model, 3) == [sentence]
    assert shown(window.results_model, 1) == ["Refused"]
    assert not window.results_model.data(window.results_model.index(0, 1), Qt.ItemDataRole.DecorationRole).isNull()
    assert window.reports_model.rowCount() == 0
    assert shown(window.log_model, 4) == [sentence]


def test_bundles_dropped_on_the_inbox_are_imported(qtbot: QtBot, window: HqWindow, world: dict[str, Any]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(world["bundles"][1]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.drop_zone.dropEvent(event)
    assert [r.outcome for r in window.results_model.rows] == ["imported"]


def test_the_import_button_goes_through_the_file_chooser(qtbot: QtBot, window: HqWindow,
                                                         world: dict[str, Any]) -> None:
    window.choose_import_files = lambda: [world["bundles"][0]]  # type: ignore[method-assign]
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.import_files_button.click()
    assert [r.outcome for r in window.results_model.rows] == ["imported"]


def test_a_bundle_opened_from_the_desktop_is_imported(qtbot: QtBot, window: HqWindow, world: dict[str, Any],
                                                      tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a bundle")
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        open_files_into(window, [other, world["bundles"][2]])
    assert [r.file.name for r in window.results_model.rows] == [world["bundles"][2].name]


def test_cancel_stops_between_bundles_and_keeps_what_was_imported(qtbot: QtBot, window: HqWindow,
                                                                  stick: Path) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.import_files([stick])
        window.cancel_import()
    assert finished.args == [True]
    assert "stopped" in window.import_status.text()
    assert all(r.outcome == "imported" for r in window.results_model.rows)
    assert window.reports_model.rowCount() == len(window.results_model.rows)


def test_the_worker_only_checks_and_the_window_records(qtbot: QtBot, window: HqWindow, stick: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """One writer: the worker opens no workspace of its own; each report is recorded on the GUI thread."""
    opened: list[str] = []
    recorded: list[str] = []
    real_open, real_insert = Workspace.__init__, HQStore.insert_report

    def watch_open(self: Workspace, *args: Any, **kwargs: Any) -> None:
        opened.append(threading.current_thread().name)
        real_open(self, *args, **kwargs)

    def watch_insert(self: HQStore, *args: Any, **kwargs: Any) -> None:
        recorded.append(threading.current_thread().name)
        real_insert(self, *args, **kwargs)

    monkeypatch.setattr(Workspace, "__init__", watch_open)
    monkeypatch.setattr(HQStore, "insert_report", watch_insert)
    assert [outcome for _name, outcome in import_and_wait(qtbot, window, stick)] == ["imported", "imported"]
    assert opened == []
    assert recorded == [threading.main_thread().name] * 2


# ---------------------------------------------------------------------------------------- reports


def test_the_reports_list_shows_each_report_and_the_search_filters_it(qtbot: QtBot, window: HqWindow,
                                                                      stick: Path) -> None:
    import_and_wait(qtbot, window, stick)
    model = window.reports_model
    assert sorted(shown(model, model.CERTIFICATE)) == ["ZW 004217", "ZW 004400"]
    assert shown(model, model.BADGE) == ["✓ verified", "✓ verified"]
    window.set_search("ZW004400")
    assert shown(model, model.CERTIFICATE) == ["ZW 004400"]
    assert window.reports_count.text() == "1 report(s)"
    window.set_search("Amélie")
    assert model.rowCount() == 2
    window.set_search("no such exporter")
    assert model.rowCount() == 0


def test_a_report_opens_with_its_checks_photos_and_pdf(qtbot: QtBot, window: HqWindow, stick: Path,
                                                       world: dict[str, Any]) -> None:
    import_and_wait(qtbot, window, stick)
    window.set_search("ZW 004217")
    with qtbot.waitSignal(window.report_opened) as opened:
        window._on_report_activated(window.reports_model.index(0, 1))
    assert opened.args == [world["ids"][0]]
    dialog = window.detail_dialog
    assert isinstance(dialog, ReportDetailDialog)
    checks = dialog.checks_model
    assert checks.rowCount() > 5 and all(c.ok for c in checks.checks)
    assert dialog.badge.text() == "✓ verified"
    assert dialog.fields["KP certificate"].text() == "ZW 004217"
    assert dialog.photos.count() == 2
    assert dialog.thumbnail_worker is not None
    # The thumbnails arrive from the worker (waiting on its finished signal could miss a worker that
    # was quicker than the test).
    qtbot.waitUntil(lambda: all(not dialog.photos.item(i).icon().isNull() for i in range(2)), timeout=20_000)
    urls: list[QUrl] = []
    dialog.open_url = lambda url: urls.append(url) or True  # type: ignore[method-assign, func-returns-value]
    with qtbot.waitSignal(dialog.pdf_opened):
        dialog.pdf_button.click()
    assert Path(urls[0].toLocalFile()).read_bytes().startswith(b"%PDF")


# -------------------------------------------------------------------------------------- anomalies


def test_a_report_that_has_not_arrived_is_an_anomaly(qtbot: QtBot, window: HqWindow, stick: Path) -> None:
    assert window.anomalies_model.rowCount() == 0
    import_and_wait(qtbot, window, stick)
    model = window.anomalies_model
    kinds = [a.kind for a in model.rows]
    assert "missing_report" in kinds
    row = kinds.index("missing_report")
    assert model.data(model.index(row, model.SEVERITY)).startswith("✗")
    assert "Report 2 of device" in model.data(model.index(row, model.SENTENCE))
    assert window.tabs.tabText(window.ANOMALIES).startswith("Anomalies (")


def test_an_analyst_notes_and_resolves_an_anomaly_and_it_stays_listed_dimmed(qtbot: QtBot, window: HqWindow,
                                                                           stick: Path) -> None:
    import_and_wait(qtbot, window, stick)
    model = window.anomalies_model
    opened = len(model.rows)
    assert opened and window.tabs.tabText(window.ANOMALIES) == f"Anomalies ({opened})"
    row = [a.kind for a in model.rows].index("missing_report")
    asked: list[str] = []

    def answer(anomaly: Any) -> tuple[str, bool]:
        asked.append(anomaly.sentence)
        return "Report 2 was lost with a stick; the monitor resends it.", True

    window.ask_anomaly_note = answer  # type: ignore[method-assign]
    window.anomalies.setCurrentIndex(model.index(row, 0))
    assert window.note_button.isEnabled()
    window.note_button.click()
    assert asked and "Report 2 of device" in asked[0]
    row = [a.kind for a in model.rows].index("missing_report")
    assert model.rows[row].resolved and len(model.rows) == opened  # still listed
    assert model.data(model.index(row, model.SEVERITY)).startswith("✓ resolved")
    assert model.data(model.index(row, model.NOTE)) == "Report 2 was lost with a stick; the monitor resends it."
    assert model.data(model.index(row, model.SENTENCE), Qt.ItemDataRole.ForegroundRole).name() == "#757575"
    # Not counted as open any more.
    assert window.tabs.tabText(window.ANOMALIES) == (f"Anomalies ({opened - 1})" if opened > 1 else "Anomalies")
    assert "1 resolved" in window.anomalies_summary.text()
    assert "Resolved" in window.note_status.text()


def test_a_bundle_set_aside_is_explained_in_the_inbox(qtbot: QtBot, window: HqWindow, world: dict[str, Any],
                                                      tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.kpbundle"
    data = bytearray(world["bundles"][0].read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    assert import_and_wait(qtbot, window, damaged) == [("damaged.kpbundle", "refused")]
    assert "Set aside means the bundle was not imported" in window.import_status.text()
    assert window.set_aside_label.isVisible() and "quarantine" in window.set_aside_label.text()


# --------------------------------------------------------------------------------------- monitors


def answer(window: HqWindow, *, open_path: Path | None = None, save_path: Path | None = None,
           folder: Path | None = None) -> None:
    window.choose_open_path = lambda *_a: open_path  # type: ignore[method-assign]
    window.choose_save_path = lambda *_a: save_path  # type: ignore[method-assign]
    window.choose_folder = lambda *_a: folder  # type: ignore[method-assign]
    window.ask_passphrase = lambda *_a: TEST_PASSPHRASE  # type: ignore[method-assign]
    confirm: Callable[..., bool] = lambda *_a: True  # noqa: E731
    window.confirm = confirm  # type: ignore[method-assign]


def test_a_certificate_is_issued_from_a_request_then_revoked(qtbot: QtBot, window: HqWindow, world: dict[str, Any],
                                                              tmp_path: Path) -> None:
    before = window.issued_model.rowCount()
    out = tmp_path / "baraka.pem"
    answer(window, open_path=world["request"], save_path=out)
    with qtbot.waitSignal(window.certificate_issued, timeout=30_000):
        window.issue_button.click()
    assert out.read_text().count("BEGIN CERTIFICATE") == 2  # the certificate and headquarters' root
    rows = window.issued_model.rows
    assert len(rows) == before + 1 and rows[0].name == "Baraka Moyo"
    assert window.issued_model.data(window.issued_model.index(0, 5)) == "✓ valid"

    window.issued.selectRow(0)
    with qtbot.waitSignal(window.certificate_revoked, timeout=30_000):
        window.revoke_button.click()
    assert window.issued_model.rows[0].revoked_at
    assert window.issued_model.data(window.issued_model.index(0, 5)).startswith("✗ revoked")
    assert not window.revoke_button.isEnabled()


def test_a_wrong_passphrase_is_said_and_nothing_is_issued(qtbot: QtBot, window: HqWindow, world: dict[str, Any],
                                                           tmp_path: Path) -> None:
    out = tmp_path / "never.pem"
    answer(window, open_path=world["request"], save_path=out)
    window.ask_passphrase = lambda *_a: "not the passphrase"  # type: ignore[method-assign]
    with qtbot.waitSignal(window.action_failed, timeout=30_000) as failed:
        window.issue_button.click()
    assert "passphrase" in failed.args[0].lower()
    assert window.keys_status.is_error and not out.exists()


def test_the_trust_list_is_published_into_a_folder(qtbot: QtBot, window: HqWindow, tmp_path: Path) -> None:
    answer(window, folder=tmp_path / "published")
    (tmp_path / "published").mkdir()
    with qtbot.waitSignal(window.trust_published, timeout=30_000) as published:
        window.publish_button.click()
    assert published.args[0] and all(p.is_file() for p in published.args[0])


# ------------------------------------------------------------------------------------- statistics


def test_statistics_are_shown_and_exported(qtbot: QtBot, window: HqWindow, stick: Path, tmp_path: Path) -> None:
    import_and_wait(qtbot, window, stick)
    model = window.stats_model
    assert sum(r.shipments for r in model.rows) == 2
    out = tmp_path / "stats.csv"
    assert window.export_stats(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sum(int(r["shipments"]) for r in rows) == 2
    assert not window.stats_status.is_error


# ------------------------------------------------------------------------------------------ menus


def menu_actions(window: HqWindow) -> dict[str, Any]:
    return {a.text().replace("&", ""): a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()
            if a.text()}


def test_the_menus_import_switch_tabs_and_show_the_log(qtbot: QtBot, window: HqWindow, world: dict[str, Any]) -> None:
    actions = menu_actions(window)
    assert {"Import bundles…", "Import a folder…", "Export statistics…", "Quit", "Inbox", "Reports", "Anomalies",
            "Monitors", "Statistics", "Refresh", "View log", "About kpmonitor"} <= set(actions)
    window.choose_import_files = lambda: [world["bundles"][0]]  # type: ignore[method-assign]
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        actions["Import bundles…"].trigger()
        assert not actions["Import bundles…"].isEnabled()  # one import at a time
    assert [r.outcome for r in window.results_model.rows] == ["imported"]
    assert actions["Import bundles…"].isEnabled()

    actions["Monitors"].trigger()
    assert window.tabs.currentIndex() == window.MONITORS
    assert actions["Statistics"].shortcut().toString() == "Ctrl+5"

    window.paths.cache.mkdir(parents=True, exist_ok=True)
    window.paths.log_file.write_text("2026-11-27 INFO kpmonitor: imported <b>1</b> bundle\n", encoding="utf-8")
    actions["View log"].trigger()
    assert window.log_window is not None and window.log_window.isVisible()
    assert "imported <b>1</b> bundle" in window.log_window.findChild(QPlainTextEdit).toPlainText()

    actions["About kpmonitor"].trigger()
    assert window.about_box is not None and str(window.paths.data) in window.about_box.text()
    window.about_box.close()


def test_the_window_reopens_where_it_was_left(qtbot: QtBot, window: HqWindow) -> None:
    window.resize(700, 500)  # within the offscreen screen (800×600): restoring keeps a window on its screen
    window.close()
    again = HqWindow(window.paths, window.ws)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_the_statistics_read_value_per_carat_as_every_amount_reads(qapp: Any) -> None:
    from kpmonitor.gui.hq.models import StatsModel
    from kpmonitor.hq.stats import StatsRow

    model = StatsModel()
    model.set_rows([StatsRow("2026-11", "BW", 1, 1, carats=1000, value_usd=1234545)])
    assert shown(model, StatsModel.VALUE) == ["12,345.45"]
    assert shown(model, StatsModel.PER_CARAT) == ["1,234.55"]  # grouped, rounded half up
