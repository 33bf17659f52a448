"""The editor's sections and its validation panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection, Parcel
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.workspace import Workspace


def open_editor(window: MainWindow, ws: Workspace, insp: Inspection) -> InspectionEditorWidget:
    assert window.open_inspection(ws.store.create_inspection(insp))
    assert window.editor is not None
    return window.editor


def test_parcels_are_reordered_and_removed_and_totals_are_marked_by_the_rules(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        monkeypatch: pytest.MonkeyPatch) -> None:
    insp = clean()
    insp.parcels.append(Parcel(number="3", hs_code="7102.31", declared_carats=100, weighed_carats=100,
                               declared_value_usd=3000))
    editor = open_editor(window, workspace, insp)
    parcels = editor.parcels
    column = parcels.model.column_of("declared_carats")
    # Three parcels now add up to more than the certificate: the core says so, the totals show where.
    assert parcels.totals.data(parcels.totals.index(0, column), Qt.ItemDataRole.ForegroundRole) is not None
    assert "parcels add up to 1,201.50 ct" in parcels.totals.data(parcels.totals.index(0, column),
                                                                   Qt.ItemDataRole.ToolTipRole)
    editor.show_section("parcels")
    parcels.table.setFocus()
    parcels.table.setCurrentIndex(parcels.model.index(2, 0))
    qtbot.keyClick(parcels.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p.number for p in workspace.store.get(editor.inspection_id).parcels] == ["1", "3", "2"]
    assert parcels.table.currentIndex().row() == 1

    monkeypatch.setattr(parcels, "confirm_remove", lambda parcel: True)
    parcels.remove_parcel()
    assert [p.number for p in workspace.store.get(editor.inspection_id).parcels] == ["1", "2"]
    assert editor.validation.is_clear()


def test_a_cell_that_cannot_be_read_is_refused_with_the_sentence(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean())
    model = editor.parcels.model
    assert not model.setData(model.index(0, model.column_of("weighed_carats")), "600.2555")
    assert editor.parcels.message.text() == "The carats is recorded to 0.01 ct; “600.2555” has 4 decimals."
    assert workspace.store.get(editor.inspection_id).parcels[0].weighed_carats == 60025


def test_clicking_a_problem_goes_to_its_field(qtbot: QtBot, workspace: Workspace, window: MainWindow,
                                              clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.certificate.importer.address = ""
    insp.parcels[1].weighed_carats = None
    editor = open_editor(window, workspace, insp)
    panel = editor.validation
    messages = [p.message for p in panel.model.problems]
    assert messages == ["Enter the importer's address.", "Parcel 2 has not been weighed."]
    rect = panel.view.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.tabs.currentWidget() is editor.certificate
    assert QApplication.focusWidget() is editor.certificate.fields["certificate.importer.address"].edit
    qtbot.keyClick(window, Qt.Key.Key_F8)  # next problem
    assert editor.tabs.currentWidget() is editor.parcels
    current = editor.parcels.table.currentIndex()
    assert (current.row(), current.column()) == (1, editor.parcels.model.column_of("weighed_carats"))


def test_a_warning_is_acknowledged_with_a_note_and_the_panel_clears(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        monkeypatch: pytest.MonkeyPatch) -> None:
    insp = clean()
    insp.parcels[1].weighed_carats = None
    editor = open_editor(window, workspace, insp)
    panel = editor.validation
    assert not panel.is_clear() and panel.summary.text() == "1 warning to acknowledge."
    assert editor.tabs.tabIcon(1).isNull() is False  # the parcels tab is marked
    panel.view.setCurrentIndex(panel.model.index(0))
    monkeypatch.setattr(panel, "ask_note", lambda problem, note: "")
    panel.acknowledge_selected()
    assert panel.message.text() == "Say why the warning is acceptable: the note goes into the report."
    monkeypatch.setattr(panel, "ask_note", lambda problem, note: "Scale broke; weighed at the airport")
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.acknowledge_selected()
    assert panel.is_clear()
    assert panel.summary.text() == "No errors; every warning acknowledged: ready to sign."
    assert "Acknowledged: Scale broke" in panel.model.data(panel.model.index(0))
    assert workspace.store.get(editor.inspection_id).acknowledgements[0].note == "Scale broke; weighed at the airport"
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.withdraw_selected()
    assert not panel.is_clear()


def test_a_seal_number_that_is_malformed_is_refused_in_place(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean())
    seals = editor.seals
    editor.scan_seal()
    qtbot.keyClicks(seals.number, "ZW S 1")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    assert seals.entry_message.is_error
    assert "only letters, digits" in seals.entry_message.text()
    assert len(workspace.store.get(editor.inspection_id).seals) == 2


def test_a_scanned_seal_is_applied_by_whoever_the_form_names_and_an_empty_applier_is_a_warning(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean())
    seals = editor.seals
    seals.applied_by.setText("MMCZ sealing officer")
    seals.witness.setText("ZIMRA officer")
    editor.scan_seal()
    qtbot.keyClicks(seals.number, "ZW-S-000990")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    stored = workspace.store.get(editor.inspection_id).seals[-1]
    assert (stored.applied_by, stored.witness) == ("MMCZ sealing officer", "ZIMRA officer")
    # The application is the sealing officer's, not the monitor's who typed it in.
    assert [(e.kind.value, e.by, e.at) for e in stored.events] == [("applied", "MMCZ sealing officer",
                                                                    stored.applied_at)]
    assert workspace.actor != "MMCZ sealing officer"
    assert editor.validation.is_clear()
    seals.applied_by.clear()
    qtbot.keyClicks(seals.number, "ZW-S-000991")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    messages = [p.message for p in editor.validation.model.problems]
    assert messages == ["Seal ZW-S-000991: who applied it is not recorded (“Applied by” is empty)."]


def test_an_expired_certificate_is_an_error_the_monitor_accepts_with_a_reason(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date, timedelta

    insp = clean()
    insp.certificate.issued_on = date.today() - timedelta(days=70)
    insp.certificate.expires_on = date.today() - timedelta(days=10)
    editor = open_editor(window, workspace, insp)
    panel = editor.validation
    assert panel.summary.text() == "1 error."
    panel.view.setCurrentIndex(panel.model.index(0))
    assert panel.acknowledge_button.isEnabled()  # unlike other errors: the monitor judges it, cannot mend it
    monkeypatch.setattr(panel, "ask_note", lambda problem, note: "Validity extended in writing (MM/114)")
    panel.acknowledge_selected()
    assert panel.is_clear()
    assert panel.summary.text() == "No errors; every warning acknowledged: ready to sign."
    assert "Acknowledged: Validity extended" in panel.model.data(panel.model.index(0))


def test_photos_dropped_from_a_card_are_imported_and_viewed(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    editor = open_editor(window, workspace, clean())
    editor.show_section("photos")
    photos = editor.photos
    card = tmp_path / "card" / "DCIM"
    photo_files(card / "100CANON", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(card))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(photos.photos_added, timeout=30_000) as added:
        photos.dropEvent(drop)
    assert added.args == [2] and drop.isAccepted()
    assert editor.tabs.tabText(3) == "P&hotos (2)"
    qtbot.waitUntil(lambda: not photos.model.missing_thumbnails(), timeout=10_000)

    # The same card again adds nothing twice.
    with qtbot.waitSignal(photos.photos_added, timeout=30_000) as again:
        photos.add_files([card])
    assert again.args == [0]

    photos.gallery.setCurrentIndex(photos.model.index(0))
    assert photos.gps_label.text() == "-19.95000, 32.33000"
    assert photos.taken_label.text().endswith("09:30 (local time)")  # no zone recorded: moments.zone_name
    viewer = photos.open_viewer(0)
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow, timeout=5000)
    assert viewer.current_image_size() == (640, 480)
    assert viewer.windowTitle() == "Photo 1 of 2 — IMG_1000.JPG"
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.row == 1 and not viewer.next_button.isEnabled()
    before = viewer.view.transform().m11()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.view.transform().m11() > before
    viewer.close()
    assert QPoint(0, 0) == QPoint()


def test_an_import_can_be_cancelled_and_keeps_what_was_added(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    editor = open_editor(window, workspace, clean())
    photos = editor.photos
    files = photo_files(tmp_path / "many", 12)
    with qtbot.waitSignal(photos.photos_added, timeout=30_000) as added:
        assert photos.add_files(files)
        assert not photos.progress_box.isHidden()
        assert not photos.add_files(files)  # one import at a time
        photos.cancel_import()
    assert added.args[0] < 12
    assert "cancelled" in photos.message.text()
    assert len(workspace.store.get(editor.inspection_id).photos) == added.args[0]
    assert photos.progress_box.isHidden()


def test_leaving_during_an_import_records_every_photo_already_stored(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    editor = open_editor(window, workspace, clean())
    inspection_id = editor.inspection_id
    assert editor.photos.add_files(photo_files(tmp_path / "card", 12))
    window.show_list()  # the monitor goes back to the list while the card is being read
    stored = [p for p in workspace.paths.originals.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(workspace.store.get(inspection_id).photos) == len(stored)
