"""A monitor records a whole inspection with the keyboard, a scanner and a card of photos; nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import SealEventKind, Verdict
from kpmonitor.gui.common.fields import CodeField, TextField
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def type_into(qtbot: QtBot, field: TextField | CodeField, text: str) -> None:
    """Click into a field, type, press Enter (which stores it and moves on)."""
    line = field.edit if isinstance(field, TextField) else field.combo.lineEdit()
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def type_in_cell(qtbot: QtBot, table: QTableView, row: int, column: int, text: str) -> None:
    """Go to a cell, Enter to edit, type, Enter to store."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_monitor_records_a_whole_inspection_and_finds_it_again(
        qtbot: QtBot, home: Paths, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    window = make_window(workspace)

    # New inspection (Ctrl+N): the cursor waits in the certificate number.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    editor = window.editor
    assert editor is not None
    cert = editor.certificate
    assert QApplication.focusWidget() is cert.fields["certificate.number"].edit
    inspection_id = editor.inspection_id

    # --- the certificate ---
    today = date.today()
    f = cert.fields
    type_into(qtbot, f["certificate.number"], "ZW 004217")
    type_into(qtbot, f["certificate.issuing_authority"], "Ministry of Mines and Mining Development")
    type_into(qtbot, f["certificate.issued_on"], (today - timedelta(days=2)).isoformat())
    type_into(qtbot, f["certificate.expires_on"], (today + timedelta(days=58)).isoformat())
    qtbot.mouseClick(f["certificate.hs_codes"].boxes()["7102.31"], Qt.MouseButton.LeftButton)

    # What cannot be read two ways is refused beside the field, and nothing is stored.
    carats = f["certificate.carats"]
    assert isinstance(carats, TextField)
    type_into(qtbot, carats, "1,200")
    assert carats.feedback.is_error and "ambiguous" in carats.feedback.text()
    assert workspace.store.get(inspection_id).certificate.carats is None
    type_into(qtbot, carats, "1 200,50")
    assert carats.feedback.text() == "= 1,200.50 ct" and not carats.feedback.is_error

    type_into(qtbot, f["certificate.value_usd"], "US$ 36,015.00")
    assert f["certificate.value_usd"].feedback.text() == "= US$ 36,015.00"
    type_into(qtbot, f["certificate.parcel_count"], "3")
    type_into(qtbot, f["certificate.exporter.name"], "Mbada Diamonds (Pvt) Ltd")
    type_into(qtbot, f["certificate.exporter.address"], "Harare, Zimbabwe")
    type_into(qtbot, f["certificate.importer.name"], "Antwerp Rough Trading NV")
    type_into(qtbot, f["certificate.importer.address"], "Antwerp, Belgium")
    type_into(qtbot, f["certificate.origin"], "zw")
    type_into(qtbot, f["certificate.provenance"], "Zimbabwe")
    type_into(qtbot, f["certificate.destination"], "Belg")
    type_into(qtbot, f["site"], "Mbada sort house, Marange")

    stored = workspace.store.get(inspection_id).certificate
    assert (stored.number, stored.carats, stored.value_usd, stored.parcel_count) == ("ZW 004217", 120050, 3601500, 3)
    assert (stored.origin, stored.provenance, stored.destination, stored.hs_codes) == ("ZW", "ZW", "BE", ["7102.31"])
    assert editor.saved_label.text().startswith("Saved at")

    # --- three parcels: Ctrl+Shift+P opens the new row on its declared carats ---
    declared = ["400.20", "400.15", "400.15"]
    for text in declared:
        qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
        cell_editor = QApplication.focusWidget()
        assert isinstance(cell_editor, QLineEdit)
        qtbot.keyClicks(cell_editor, text)
        qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    parcels = editor.parcels
    model = parcels.model
    assert [p.number for p in model.rows] == ["1", "2", "3"]
    assert [p.hs_code for p in model.rows] == ["7102.31"] * 3  # the certificate's only code
    for row, (weighed, value) in enumerate([("400.21", "12,006.00"), ("400.15", "12004.5"), ("400,14", "12 004.50")]):
        type_in_cell(qtbot, parcels.table, row, model.column_of("weighed_carats"), weighed)
        type_in_cell(qtbot, parcels.table, row, model.column_of("declared_value_usd"), value)
    assert [p.weighed_carats for p in workspace.store.get(inspection_id).parcels] == [40021, 40015, 40014]
    assert model.data(model.index(0, model.column_of("difference"))) == "+0.01"
    assert parcels.totals.data(parcels.totals.index(0, model.column_of("declared_carats"))) == "1,200.50"

    # --- two seals scanned (the scanner types and presses Enter), a reused one refused in place ---
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    seals = editor.seals
    assert QApplication.focusWidget() is seals.number
    # Who applies the seals and who witnesses it, once for the scans to come.
    seals.applied_by.setText("MMCZ sealing officer")
    seals.witness.setText("ZIMRA officer")
    qtbot.keyClicks(seals.number, "zw-s-000981")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    assert seals.number.text() == "" and QApplication.focusWidget() is seals.number
    container = seals.target_choice.findData("")  # the monitor picks the container for the next one
    seals.target_choice.setCurrentIndex(container)
    seals.target_choice.activated.emit(container)
    qtbot.keyClicks(seals.number, "ZW-C-000017")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    qtbot.keyClicks(seals.number, "ZW-S-000981")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    assert seals.entry_message.is_error
    assert seals.entry_message.text() == "Seal ZW-S-000981 is already used on parcel 1."
    assert seals.number.text() == "ZW-S-000981" and seals.number.selectedText() == "ZW-S-000981"
    assert QApplication.focusWidget() is seals.number  # the next scan replaces it
    stored_seals = workspace.store.get(inspection_id).seals
    assert [(s.number, s.parcel) for s in stored_seals] == [("ZW-S-000981", "1"), ("ZW-C-000017", None)]
    seals.table.setCurrentIndex(seals.model.index(0, 0))
    qtbot.mouseClick(seals.event_buttons[SealEventKind.VERIFIED_INTACT], Qt.MouseButton.LeftButton)
    assert [e.kind for e in workspace.store.get(inspection_id).seals[0].events] == [
        SealEventKind.APPLIED, SealEventKind.VERIFIED_INTACT]

    # --- photos from a camera card, imported by the worker ---
    card = tmp_path / "card" / "DCIM" / "100CANON"
    photo_files(card, 3)
    (card / "IMG_9999.JPG").write_bytes(b"not a photo at all")
    photos = editor.photos
    with qtbot.waitSignal(photos.photos_added, timeout=30_000) as added:
        assert photos.add_files([card.parent])
    assert added.args == [3]
    assert "IMG_9999.JPG" in photos.message.text()  # the refused file, with its sentence
    assert photos.model.rowCount() == 3
    photos.gallery.setCurrentIndex(photos.model.index(0))
    type_into(qtbot, photos.caption, "Parcel 1 on the scale")
    link = photos.link.findText("parcel 1")
    photos.link.setCurrentIndex(link)
    photos.link.activated.emit(link)
    first = workspace.store.get(inspection_id).photos[0]
    assert (first.caption, first.parcel, first.taken_at is not None, first.gps_lat) == (
        "Parcel 1 on the scale", "1", True, -19.95)

    # --- a finding and the verdict ---
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    findings = editor.findings
    qtbot.mouseClick(findings.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(findings.text, "Scale calibrated with a 500 ct reference weight.")
    qtbot.mouseClick(findings.verdict_buttons[Verdict.CERTIFIED], Qt.MouseButton.LeftButton)
    # Stored after the typing pause: until then the new finding has no text, which the panel says.
    qtbot.waitUntil(lambda: workspace.store.get(inspection_id).findings[0].text != "")

    # --- the exporting authority's validation and the shipment (Ctrl+6), the production (Ctrl+7) ---
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    shipment = editor.shipment.fields
    for path, text in (("validation.authority", "Ministry of Mines and Mining Development"),
                       ("validation.number", "MMMD-V-2026-0412"), ("validation.at", f"{today}T11:40+02:00"),
                       ("shipment.container", "MMCZ-BOX-0417"), ("shipment.carrier", "Emirates SkyCargo"),
                       ("shipment.airway_bill", "176-12345675")):
        type_into(qtbot, shipment[path], text)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    type_into(qtbot, editor.valuation.fields["production.operator"], "Zimbabwe Consolidated Diamond Company")
    stored = workspace.store.get(inspection_id)
    assert (stored.validation.number, stored.shipment.airway_bill, stored.production.operator) == (
        "MMMD-V-2026-0412", "176-12345675", "Zimbabwe Consolidated Diamond Company")

    # The validation panel is clear: nothing stands between the inspection and its signature.
    panel = editor.validation
    assert panel.is_clear(), [p.message for p in panel.model.problems]
    assert panel.summary.text() == "No problems: ready to sign."

    # --- quit, and open the home again: everything is there, and the editor is where the monitor was ---
    window.close()
    with Workspace(home) as again:
        window2 = make_window(again)
        window2.restore_session()
        editor2 = window2.editor
        assert editor2 is not None and editor2.inspection_id == inspection_id
        assert editor2.tabs.currentIndex() == 6  # production and valuation, where the monitor left off
        f2 = editor2.certificate.fields
        assert f2["certificate.number"].edit.text() == "ZW 004217"
        assert f2["certificate.carats"].edit.text() == "1,200.50"
        assert f2["certificate.destination"].combo.currentText() == "BE — Belgium (European Union)"
        assert [p.weighed_carats for p in editor2.parcels.model.rows] == [40021, 40015, 40014]
        assert [s.number for s in editor2.seals.model.rows] == ["ZW-S-000981", "ZW-C-000017"]
        assert editor2.photos.model.rowCount() == 3
        assert editor2.findings.model.rows[0].text == "Scale calibrated with a 500 ct reference weight."
        assert editor2.findings.verdict_buttons[Verdict.CERTIFIED].isChecked()
        assert editor2.validation.is_clear()
        window2.show_list()
        assert window2.list.current_id() == inspection_id
        assert window2.model.data(window2.model.index(0, 7)) == "none"
        assert window2.model.data(window2.model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "ZW 004217"
        assert not QModelIndex().isValid()
