"""Undo and redo in the editor: every change since the inspection was opened, undone and redone through the store,
each an audited edit; Delete removes a row at once and Ctrl+Z brings it back; a signed inspection offers none."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Finding, Inspection, SealEvent, SealEventKind, Verdict
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_editor(window: MainWindow, ws: Workspace, insp: Inspection | str, section: str) -> InspectionEditorWidget:
    inspection_id = insp if isinstance(insp, str) else ws.store.create_inspection(insp)
    assert window.open_inspection(inspection_id)
    assert window.editor is not None
    window.editor.show_section(section)
    return window.editor


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def undo(qtbot: QtBot, redo: bool = False) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z) to whatever has the focus, as the keyboard sends it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL_SHIFT if redo else CTRL)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def audited(ws: Workspace, entity_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The audit events of a row, newest first: (op, change)."""
    return [(e["op"], e["change"]) for e in ws.store.audit_events(entity_id)]


def content(insp: Inspection) -> Inspection:
    """What an inspection holds, without the moment it last changed."""
    return dataclasses.replace(insp, updated_at="")


def test_a_cell_edit_is_undone_and_redone_through_the_store_each_an_audited_edit(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "parcels")
    parcels = editor.parcels
    parcel_id = parcels.model.rows[1].id
    assert parcel_id is not None
    focus(qtbot, parcels.table)
    parcels.table.setCurrentIndex(parcels.model.index(1, parcels.model.column_of("weighed_carats")))
    qtbot.keyClick(parcels.table, Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    qtbot.keyClicks(cell, "612")
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # stored a moment later (Qt queues the commit)
    qtbot.waitUntil(lambda: workspace.store.get(editor.inspection_id).parcels[1].weighed_carats == 61200)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo parcel 2's weighed carats (612.00 → 600.25)"
    assert not window.redo_action.isEnabled()

    undo(qtbot)  # the table has the focus: the editor's undo
    assert workspace.store.get(editor.inspection_id).parcels[1].weighed_carats == 60025
    assert status(window) == "Undone: parcel 2's weighed carats (612.00 → 600.25)."
    assert audited(workspace, parcel_id)[0] == (
        "update", {"set": {"weighed_carats": 60025}, "was": {"weighed_carats": 61200}})
    assert parcels.model.display(parcels.model.rows[1], "weighed_carats") == "600.25"
    assert window.redo_action.text() == "&Redo parcel 2's weighed carats (600.25 → 612.00)"

    undo(qtbot, redo=True)
    assert workspace.store.get(editor.inspection_id).parcels[1].weighed_carats == 61200
    assert status(window) == "Redone: parcel 2's weighed carats (600.25 → 612.00)."
    assert [op for op, _change in audited(workspace, parcel_id)[:3]] == ["update", "update", "update"]
    assert audited(workspace, parcel_id)[0][1]["set"] == {"weighed_carats": 61200}
    assert workspace.store.verify_audit().ok


def test_a_field_undoes_its_own_typing_until_it_is_saved_then_the_editor_undoes_the_saved_value(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "certificate")
    field = editor.certificate.fields["certificate.carats"]
    box = field.edit
    assert isinstance(box, QLineEdit)
    focus(qtbot, box)
    box.selectAll()
    qtbot.keyClicks(box, "1300")
    qtbot.waitUntil(lambda: workspace.store.get(editor.inspection_id).certificate.carats == 130000)  # the pause
    head = workspace.store.audit_head()

    qtbot.keyClicks(box, "5")  # not saved yet: Ctrl+Z is the box's own, as in any text box
    undo(qtbot)
    assert box.text() == "1300" and QApplication.focusWidget() is box
    assert workspace.store.audit_head() == head  # nothing written

    undo(qtbot)  # the box's text is what is stored: the editor undoes the saved value, as an edit
    assert workspace.store.get(editor.inspection_id).certificate.carats == 120050
    assert box.text() == "1,200.50" and QApplication.focusWidget() is box
    assert status(window) == "Undone: Carats (1,300.00 → 1,200.50)."
    assert audited(workspace, editor.inspection_id)[0] == ("update", {"set": {"carats": 120050},
                                                                      "was": {"carats": 130000}})
    undo(qtbot, redo=True)
    assert workspace.store.get(editor.inspection_id).certificate.carats == 130000
    assert box.text() == "1,300.00"
    assert status(window) == "Redone: Carats (1,200.50 → 1,300.00)."
    assert workspace.store.verify_audit().ok


def test_delete_removes_a_seal_with_its_events_at_once_and_ctrl_z_brings_it_all_back(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    inspection_id = workspace.store.create_inspection(clean())
    seal_id = workspace.store.seal_id(inspection_id, "ZW-S-000981")
    for kind, note in ((SealEventKind.APPLIED, ""), (SealEventKind.VERIFIED_INTACT, "intact at the border")):
        workspace.store.add_seal_event(seal_id, SealEvent(kind, at="2026-11-21T09:30:00+02:00", by="Jane", note=note))
    workspace.add_photos(inspection_id, photo_files(tmp_path / "DCIM", 1), seal="ZW-S-000981")
    before = workspace.store.get(inspection_id)
    editor = open_editor(window, workspace, inspection_id, "seals")
    seals = editor.seals
    focus(qtbot, seals.table)
    seals.table.setCurrentIndex(seals.model.index(0, 0))

    qtbot.keyClick(seals.table, Qt.Key.Key_Delete)  # no question: undo is the safety
    after = workspace.store.get(inspection_id)
    assert [s.number for s in after.seals] == ["ZW-S-C017"] and after.photos[0].seal is None
    assert seals.table_message.text() == "Removed seal ZW-S-000981; Ctrl+Z brings it back."
    assert status(window) == "Removed seal ZW-S-000981; Ctrl+Z brings it back."
    assert window.undo_action.text() == "&Undo remove seal ZW-S-000981"

    undo(qtbot)
    restored = workspace.store.get(inspection_id)
    assert restored.seals == before.seals  # the same id, place and events (ids, order, notes)
    assert restored.photos == before.photos  # the photo shows the seal again
    assert status(window) == "Undone: remove seal ZW-S-000981."
    assert [op for op, _change in audited(workspace, seal_id)[:2]] == ["update", "insert"]  # back, then in its place
    for event in before.seals[0].events:
        assert event.id is not None and audited(workspace, event.id)[0][0] == "insert"
    assert audited(workspace, before.photos[0].id)[0] == ("update", {"set": {"seal_id": seal_id},
                                                                     "was": {"seal_id": None}})
    assert seals.selected_seal() is not None and seals.selected_seal() == before.seals[0]

    undo(qtbot, redo=True)
    assert [s.number for s in workspace.store.get(inspection_id).seals] == ["ZW-S-C017"]
    assert audited(workspace, seal_id)[0][0] == "delete"
    assert workspace.store.verify_audit().ok


def test_delete_removes_a_parcel_and_ctrl_z_brings_it_back_in_its_place_with_its_seals_and_photos(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path) -> None:
    inspection_id = workspace.store.create_inspection(clean())
    workspace.add_photos(inspection_id, photo_files(tmp_path / "DCIM", 1), parcel="1")
    before = workspace.store.get(inspection_id)
    editor = open_editor(window, workspace, inspection_id, "parcels")
    parcels = editor.parcels
    focus(qtbot, parcels.table)
    parcels.table.setCurrentIndex(parcels.model.index(0, parcels.model.column_of("description")))

    qtbot.keyClick(parcels.table, Qt.Key.Key_Return)  # a cell being typed in: Delete is the text's
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClick(cell, Qt.Key.Key_Delete)
    assert len(workspace.store.get(inspection_id).parcels) == 2
    qtbot.keyClick(cell, Qt.Key.Key_Escape)

    qtbot.keyClick(parcels.table, Qt.Key.Key_Delete)
    after = workspace.store.get(inspection_id)
    assert [p.number for p in after.parcels] == ["2"]
    assert after.seals[0].parcel is None and after.photos[0].parcel is None  # linked to nothing
    assert parcels.message.text() == "Removed parcel 1; Ctrl+Z brings it back."

    undo(qtbot)
    assert content(workspace.store.get(inspection_id)) == content(before)  # its id, its place, its links
    assert status(window) == "Undone: remove parcel 1."
    parcel_id = before.parcels[0].id
    assert parcel_id is not None
    assert [op for op, _change in audited(workspace, parcel_id)[:2]] == ["update", "insert"]
    assert audited(workspace, before.seals[0].id or "")[0] == ("update", {"set": {"parcel_id": parcel_id},
                                                                          "was": {"parcel_id": None}})
    assert parcels.selected_parcel() == before.parcels[0]

    undo(qtbot, redo=True)
    assert [p.number for p in workspace.store.get(inspection_id).parcels] == ["2"]
    assert workspace.store.verify_audit().ok


def test_delete_removes_a_finding_and_ctrl_z_brings_it_back(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.findings = [Finding(text="Seal intact on arrival"), Finding(text="Scale calibrated this morning")]
    inspection_id = workspace.store.create_inspection(insp)
    before = workspace.store.get(inspection_id)
    editor = open_editor(window, workspace, inspection_id, "findings")
    findings = editor.findings
    focus(qtbot, findings.table)
    findings.table.setCurrentIndex(findings.model.index(0, 0))

    qtbot.keyClick(findings.table, Qt.Key.Key_Delete)
    assert [f.text for f in workspace.store.get(inspection_id).findings] == ["Scale calibrated this morning"]
    assert findings.message.text() == "Removed the finding ‘Seal intact on…’; Ctrl+Z brings it back."
    assert window.undo_action.text() == "&Undo remove the finding ‘Seal intact on…’"

    undo(qtbot)
    assert workspace.store.get(inspection_id).findings == before.findings
    finding_id = before.findings[0].id
    assert finding_id is not None
    assert [op for op, _change in audited(workspace, finding_id)[:2]] == ["update", "insert"]
    assert audited(workspace, finding_id)[0][1]["set"] == {"position": 0}
    assert findings.text.toPlainText() == "Seal intact on arrival"  # selected again, its text in the box
    undo(qtbot, redo=True)
    assert len(workspace.store.get(inspection_id).findings) == 1
    assert audited(workspace, finding_id)[0][0] == "delete"

    # The finding's text box: its typing is its own until the pause saves it, then the editor's.
    box = findings.text
    focus(qtbot, box)
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " and after")
    qtbot.waitUntil(lambda: workspace.store.get(inspection_id).findings[0].text.endswith("and after"))
    qtbot.keyClicks(box, "noon")
    undo(qtbot)
    assert box.toPlainText() == "Scale calibrated this morning and after"
    undo(qtbot)
    assert workspace.store.get(inspection_id).findings[0].text == "Scale calibrated this morning"
    assert box.toPlainText() == "Scale calibrated this morning" and QApplication.focusWidget() is box
    assert status(window) == ("Undone: the text of the finding ‘Scale…’ (Scale calibrated this morning and after → "
                              "Scale calibrated this morning).")


def test_every_change_since_opening_is_undone_back_to_the_record_opened_and_redone_to_the_last(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inspection_id = workspace.store.create_inspection(clean())
    workspace.add_photos(inspection_id, photo_files(tmp_path / "DCIM", 2), parcel="2")
    opened = workspace.store.get(inspection_id)
    editor = open_editor(window, workspace, inspection_id, "parcels")

    editor.parcels.add_parcel()
    editor.parcels.table.commit_editing()
    editor.parcels.move_parcel(-1)
    editor.seals.table.setCurrentIndex(editor.seals.model.index(0, 0))
    editor.seals.add_event(SealEventKind.BROKEN)
    editor.seals.add_event(SealEventKind.VERIFIED_INTACT)
    editor.seals.events_view.setCurrentIndex(editor.seals.events.index(0, 0))
    editor.seals.remove_event()  # the first: the one after it goes back after it
    editor.findings.verdict_buttons[Verdict.HELD].setChecked(True)
    editor.findings.add_finding()
    editor.findings.text.setPlainText("Seal ZW-S-000981 broken on arrival")
    editor.findings.commit_text()
    editor.photos.gallery.setCurrentIndex(editor.photos.model.index(0))
    editor.photos.caption.edit.setText("Parcel 2 on the scale")
    editor.photos.caption.commit()
    editor.photos.gallery.setCurrentIndex(editor.photos.model.index(1))
    monkeypatch.setattr(editor.photos, "confirm_remove", lambda photo: True)
    editor.photos.remove_selected()  # detached: the original stays in the vault
    editor.seals.table.setCurrentIndex(editor.seals.model.index(1, 0))
    editor.seals.remove_seal(ask=False)
    editor.parcels.table.setCurrentIndex(editor.parcels.model.index(0, 0))
    editor.parcels.remove_parcel(ask=False)
    last = workspace.store.get(inspection_id)
    assert window.undo_action.text() == "&Undo remove parcel 1"
    changes = 12

    for _ in range(changes):
        editor.undo()
    assert content(workspace.store.get(inspection_id)) == content(opened)
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
    editor.undo()
    assert status(window) == "Nothing to undo."
    for _ in range(changes):
        editor.redo()
    assert content(workspace.store.get(inspection_id)) == content(last)
    assert not window.redo_action.isEnabled()
    assert workspace.store.verify_audit().ok


def test_an_undo_the_store_refuses_says_why_changes_nothing_and_stays_the_next_to_undo(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    focus(qtbot, seals.table)
    seals.table.setCurrentIndex(seals.model.index(0, 0))
    qtbot.keyClick(seals.table, Qt.Key.Key_Delete)
    # Meanwhile the seal number goes on another shipment (the command line, another window).
    other = workspace.store.create_inspection(clean("ZW 000002", "B-"))
    workspace.store.add_seal(other, dataclasses.replace(clean().seals[0], parcel=None))
    head = workspace.store.audit_head()

    undo(qtbot)
    assert status(window) == (
        "Not undone: remove seal ZW-S-000981. Seal ZW-S-000981 is already used on the inspection of certificate "
        "ZW 000002. It stays the next to undo.")
    assert workspace.store.audit_head() == head
    assert [s.number for s in workspace.store.get(editor.inspection_id).seals] == ["ZW-S-C017"]
    assert window.undo_action.text() == "&Undo remove seal ZW-S-000981"

    workspace.store.delete_seal(workspace.store.seal_id(other, "ZW-S-000981"))
    undo(qtbot)
    assert [s.number for s in workspace.store.get(editor.inspection_id).seals] == ["ZW-S-000981", "ZW-S-C017"]
    assert status(window) == "Undone: remove seal ZW-S-000981."


def test_a_scanned_seal_is_undone_from_the_empty_number_box_while_typing_there_is_the_boxs_own(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    editor.scan_seal()
    qtbot.waitUntil(seals.number.hasFocus)
    qtbot.keyClicks(seals.number, "ZW-S-300001")
    qtbot.keyClick(seals.number, Qt.Key.Key_Return)
    assert len(workspace.store.get(editor.inspection_id).seals) == 3 and seals.number.text() == ""

    qtbot.keyClicks(seals.number, "ZW-S-3")
    undo(qtbot)  # what is typed in the box: the box's own
    assert seals.number.text() == "" and len(workspace.store.get(editor.inspection_id).seals) == 3
    undo(qtbot)  # the box is empty: the editor's, the seal just scanned
    assert [s.number for s in workspace.store.get(editor.inspection_id).seals] == ["ZW-S-000981", "ZW-S-C017"]
    assert status(window) == "Undone: add seal ZW-S-300001."
    assert QApplication.focusWidget() is seals.number  # ready for the next scan


def test_a_signed_inspection_offers_no_undo_redo_or_delete(
        qtbot: QtBot, signed_home: Paths, make_window: Callable[[Workspace], MainWindow]) -> None:
    with Workspace(signed_home) as ws:
        inspection_id = ws.store.summaries()[0].id
        window = make_window(ws)
        editor = open_editor(window, ws, inspection_id, "parcels")
        assert editor.session.read_only
        head = ws.store.audit_head()
        assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
        assert not window.redo_action.isEnabled() and window.redo_action.text() == "&Redo"
        for section, table in (("parcels", editor.parcels.table), ("seals", editor.seals.table)):
            editor.show_section(section)
            focus(qtbot, table)
            table.setCurrentIndex(table.model().index(0, 0))
            qtbot.keyClick(table, Qt.Key.Key_Delete)
            undo(qtbot)
        editor.undo()
        assert status(window) == "Nothing to undo."
        signed = ws.store.get(inspection_id)
        assert len(signed.parcels) == 2 and len(signed.seals) == 2
        assert ws.store.audit_head() == head
