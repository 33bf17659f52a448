"""The rest of the KP record in the editor: validation and shipment, production and valuation, people and
documents, the certificate's lines per HS code. Each field saves as the certificate's do (a pause, Enter,
leaving it; journaled at each keystroke), each list as a whole; undo goes through the store; the problems
panel goes to each new field; everything fits a field laptop's 1024 × 600."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import CertificateLine, Inspection, Person, parse_moment
from kpmonitor.gui.common.fields import TextField
from kpmonitor.gui.editor.bound import ChoiceField
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.editor.lists import ListSection
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.gui.session import InspectionSession
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.gui.test_journal import kill_after_typing

SMALL = (1024, 600)


def open_editor(window: MainWindow, ws: Workspace, insp: Inspection, section: str) -> InspectionEditorWidget:
    assert window.open_inspection(ws.store.create_inspection(insp))
    editor = window.editor
    assert editor is not None
    editor.show_section(section)
    QApplication.processEvents()
    return editor


def type_into(qtbot: QtBot, field: TextField, text: str) -> None:
    """Type into a field as the monitor does, and press Enter."""
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def text_field(editor: InspectionEditorWidget, path: str) -> TextField:
    for page in (editor.shipment, editor.valuation):
        field = page.fields.get(path)
        if field is not None:
            assert isinstance(field, TextField)
            return field
    raise KeyError(path)


def type_cell(qtbot: QtBot, text: str) -> None:
    """Type into the cell editor that has the cursor (a line, or an editable drop-down's line), then Tab."""
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit | QComboBox), box
    line = box.lineEdit() if isinstance(box, QComboBox) else box
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_every_new_field_typed_is_stored_exactly(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "shipment")
    typed = {
        "validation.authority": ("Ministry of Mines and Mining Development", None),
        "validation.officer": ("T. Chikore", None),
        "validation.number": ("V-2026-0417", None),
        "validation.at": ("2026-11-21T08:45+02:00", parse_moment("2026-11-21T08:45+02:00", "time")),
        "shipment.container": ("BOX-ZW-0093", None),
        "shipment.gross_weight": ("12.4", 1240),
        "shipment.carrier": ("Emirates SkyCargo", None),
        "shipment.airway_bill": ("176-12345675", None),
        "shipment.export_declaration": ("CD1 2026/114", None),
        "shipment.port_of_exit": ("zwhre", "ZWHRE"),
        "production.operator": ("Mbada Diamonds (Pvt) Ltd", None),
        "production.mine": ("Marange block 4", None),
        "production.period": ("2026-09/2026-10", None),
        "production.register": ("Production register 2026, pages 41-44", None),
        "valuation.valuator": ("R. Ncube", None),
        "valuation.organisation": ("Government Diamond Valuator", None),
        "valuation.value_usd": ("37,015.50", 3701550),
    }
    for path, (text, _stored) in typed.items():
        editor.show_section("shipment" if path.startswith(("validation", "shipment")) else "valuation")
        type_into(qtbot, text_field(editor, path), text)
    stored = workspace.store.get(editor.inspection_id)
    for path, (text, value) in typed.items():
        part, name = path.split(".")
        assert getattr(getattr(stored, part), name) == (text if value is None else value), path

    choices: dict[str, tuple[ChoiceField, object]] = {}
    for page, path, value in ((editor.shipment, "shipment.certificate_number_on_container", False),
                              (editor.valuation, "production.stockpile", True),
                              (editor.valuation, "valuation.method", "tender")):
        field = page.fields[path]
        assert isinstance(field, ChoiceField)
        choices[path] = (field, value)
        field.choose(value)
    stored = workspace.store.get(editor.inspection_id)
    assert stored.shipment.certificate_number_on_container is False
    assert stored.production.stockpile is True and stored.valuation.method == "tender"
    # Back to "not recorded": None, not False.
    choices["production.stockpile"][0].choose(None)
    assert workspace.store.get(editor.inspection_id).production.stockpile is None
    # The valuator's figure beside the value declared, and how far it is from it.
    assert editor.valuation.declared.text() == ("Declared on the certificate: US$ 36,015.00. The valuator's figure "
                                                "differs by +1,000.50 (+2.8 %).")
    assert workspace.store.verify_audit().ok


def test_a_bad_period_or_weight_shows_the_sentence_and_stores_nothing(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "valuation")
    head = workspace.store.audit_head()
    period = text_field(editor, "production.period")
    type_into(qtbot, period, "2026-13")
    assert period.feedback.is_error and period.feedback.isVisible()
    assert period.feedback.text().startswith("“2026-13” is not a production period; write a month as 2026-10")
    assert period.text() == "2026-13"  # kept as typed, for the monitor to correct

    editor.show_section("shipment")
    weight = text_field(editor, "shipment.gross_weight")
    type_into(qtbot, weight, "twelve")
    assert weight.feedback.is_error and "gross weight in kg" in weight.feedback.text()
    assert workspace.store.audit_head() == head
    stored = workspace.store.get(editor.inspection_id)
    assert stored.production.period == "" and stored.shipment.gross_weight is None

    type_into(qtbot, weight, "12,40")  # corrected: stored, the sentence gone
    assert not weight.feedback.is_error and weight.feedback.text() == "= 12.40 kg"
    assert workspace.store.get(editor.inspection_id).shipment.gross_weight == 1240


def test_the_lists_take_rows_typed_with_tab_and_give_them_back_when_removed(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    bare = clean()
    bare.certificate.lines = []  # typed here, from the first
    editor = open_editor(window, workspace, bare, "certificate")
    lines = editor.certificate.lines
    lines.add_row()  # the first cell is open at once
    for text in ("7102.31", "1 200.5", "36015"):
        type_cell(qtbot, text)
    lines.add_row()
    for text in ("7102.10", "0.5", "15.25"):
        type_cell(qtbot, text)
    assert workspace.store.get(editor.inspection_id).certificate.lines == [
        CertificateLine("7102.31", 120050, 3601500), CertificateLine("7102.10", 50, 1525)]
    assert lines.summary.text() == "The lines add up to 1,201.00 ct and US$ 36,030.25."
    # A carat figure the parser refuses keeps its cell open, with the sentence, and stores nothing.
    head = workspace.store.audit_head()
    index = lines.model.index(1, lines.model.column_of("carats"))
    lines.table.setCurrentIndex(index)
    lines.table.edit(index)
    type_cell(qtbot, "half a carat")
    assert lines.message.is_error and lines.table.state() == lines.table.State.EditingState
    assert workspace.store.audit_head() == head
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    editor.show_section("valuation")
    lots = editor.valuation.assortment
    lots.add_row()
    for text in ("+11", "D-F", "sawables", "812.40"):
        type_cell(qtbot, text)
    lot = workspace.store.get(editor.inspection_id).valuation.assortment[0]
    assert (lot.sieve, lot.colour, lot.quality, lot.carats) == ("+11", "D-F", "sawables", 81240)

    editor.show_section("people")
    present = editor.people.present
    present.add_row()
    for text in ("Tendai Moyo", "MMCZ officer", "Minerals Marketing Corporation of Zimbabwe"):
        type_cell(qtbot, text)
    present.add_row()
    for text in ("S. Dube", "shift supervisor", "Mbada Diamonds"):  # a role not offered: typed
        type_cell(qtbot, text)
    assert workspace.store.get(editor.inspection_id).present == [
        Person("Tendai Moyo", "MMCZ officer", "Minerals Marketing Corporation of Zimbabwe"),
        Person("S. Dube", "shift supervisor", "Mbada Diamonds")]

    docs = editor.people.documents
    docs.add_row()
    for text in ("Packing list", "PL-0093"):
        type_cell(qtbot, text)
    stored = workspace.store.get(editor.inspection_id)
    assert (stored.documents[0].title, stored.documents[0].reference, stored.documents[0].photo) == (
        "Packing list", "PL-0093", None)

    # Removed with Delete, the row selected: at once, and said.
    present.table.setFocus()
    present.table.setCurrentIndex(present.model.index(0, 0))
    qtbot.keyClick(present.table, Qt.Key.Key_Delete)
    assert [p.name for p in workspace.store.get(editor.inspection_id).present] == ["S. Dube"]
    assert present.message.text().startswith("Removed person 1;")
    present.remove_row()
    assert workspace.store.get(editor.inspection_id).present == []
    assert workspace.store.verify_audit().ok


def test_a_documents_photo_is_chosen_among_the_inspections_photos_by_caption(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        photo_files: Callable[..., list[object]], tmp_path: object) -> None:
    from pathlib import Path

    inspection_id = workspace.store.create_inspection(clean())
    for path in photo_files(Path(str(tmp_path)) / "DCIM", 2):
        workspace.attach_photo(inspection_id, workspace.vault.ingest(path))
    photo = workspace.store.get(inspection_id).photos[1]
    workspace.store.update_photo(photo.id, {"caption": "Packing list, page 1"})
    assert window.open_inspection(inspection_id) and window.editor is not None
    editor = window.editor
    editor.show_section("people")
    docs = editor.people.documents
    docs.add_row()
    type_cell(qtbot, "Packing list")
    type_cell(qtbot, "PL-0093")
    cell = QApplication.focusWidget()  # the photo's drop-down, opened by Tab
    assert isinstance(cell, QComboBox) and not cell.isEditable()
    labels = [cell.itemText(i) for i in range(cell.count())]
    assert labels == ["none", "IMG_1000.JPG", "Packing list, page 1 (IMG_1001.JPG)"]
    cell.setCurrentIndex(2)
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    stored = workspace.store.get(inspection_id).documents[0]
    assert stored.photo == photo.sha256
    assert docs.model.data(docs.model.index(0, docs.model.column_of("photo"))) == "Packing list, page 1 (IMG_1001.JPG)"


def test_the_problems_panel_goes_to_the_new_fields_and_cells(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.present = [Person("Tendai Moyo", "MMCZ officer", "MMCZ")]
    insp.certificate.lines = [CertificateLine("7102.31", 100, 100), CertificateLine("7102.31", 200, 200)]
    editor = open_editor(window, workspace, insp, "parcels")
    editor.validation.problem_activated.emit("validation.at")
    assert editor.tabs.currentWidget() is editor.shipment
    assert QApplication.focusWidget() is text_field(editor, "validation.at").edit

    editor.validation.problem_activated.emit("present[0].name")
    present = editor.people.present
    assert editor.tabs.currentWidget() is editor.people and present.table.hasFocus()
    assert (present.table.currentIndex().row(), present.table.currentIndex().column()) == (0, 0)

    editor.validation.problem_activated.emit("certificate.lines[1].carats")
    lines = editor.certificate.lines
    assert editor.tabs.currentWidget() is editor.certificate and lines.table.hasFocus()
    assert lines.table.currentIndex().row() == 1
    assert lines.table.currentIndex().column() == lines.model.column_of("carats")

    for path, page in (("valuation.value_usd", editor.valuation), ("production.period", editor.valuation),
                       ("shipment.port_of_exit", editor.shipment), ("documents", editor.people),
                       ("valuation.assortment[0].carats", editor.valuation)):
        editor.go_to_field(path)
        assert editor.tabs.currentWidget() is page, path


def test_undo_of_a_list_edit_puts_the_list_back_through_the_store(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.present = [Person("Tendai Moyo", "MMCZ officer", "MMCZ")]
    editor = open_editor(window, workspace, insp, "people")
    present = editor.people.present
    index = present.model.index(0, present.model.column_of("name"))
    assert present.model.setData(index, "Tendai Moyo-Ncube")
    present.table.setCurrentIndex(index)
    present.remove_row()
    assert workspace.store.get(editor.inspection_id).present == []

    editor.undo()  # the removal
    assert workspace.store.get(editor.inspection_id).present == [Person("Tendai Moyo-Ncube", "MMCZ officer", "MMCZ")]
    editor.undo()  # the name
    assert workspace.store.get(editor.inspection_id).present == [Person("Tendai Moyo", "MMCZ officer", "MMCZ")]
    assert present.model.data(index) == "Tendai Moyo"
    assert present.table.currentIndex().row() == 0
    editor.redo()
    assert workspace.store.get(editor.inspection_id).present[0].name == "Tendai Moyo-Ncube"
    assert workspace.store.verify_audit().ok


def test_a_signed_inspection_shows_the_new_parts_read_only(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        monkeypatch: pytest.MonkeyPatch) -> None:
    insp = clean()
    insp.present = [Person("Tendai Moyo", "MMCZ officer", "MMCZ")]
    editor = open_editor(window, workspace, insp, "people")
    # As the session of a signed inspection says (signing itself is the signing tests').
    monkeypatch.setattr(InspectionSession, "read_only", property(lambda _self: True))
    editor.session.reload()
    assert text_field(editor, "validation.officer").edit.isReadOnly()
    assert text_field(editor, "validation.at").edit.isReadOnly()
    choice = editor.valuation.fields["valuation.method"]
    assert isinstance(choice, ChoiceField) and not choice.combo.isEnabled()
    sections: list[ListSection] = editor.list_sections()
    assert all(not s.add_button.isEnabled() and s.model.read_only for s in sections)
    present = editor.people.present
    assert not present.model.flags(present.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    head = workspace.store.audit_head()
    present.table.setCurrentIndex(present.model.index(0, 0))
    present.remove_row()
    present.add_row()
    assert workspace.store.audit_head() == head


def test_at_1024_by_600_every_new_tab_shows_without_scrolling_sideways(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    window = make_window(workspace)
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.size().toTuple() == SMALL, timeout=2000)
    editor = open_editor(window, workspace, clean(), "certificate")
    qtbot.waitUntil(lambda: editor.validation.folded, timeout=2000)
    bar = editor.tabs.tabBar()
    # Every tab's title in sight: none behind the tab bar's scroll arrows.
    assert bar.tabRect(bar.count() - 1).right() <= bar.width()
    for section in ("shipment", "valuation", "people", "certificate"):
        editor.show_section(section)
        QApplication.processEvents()
        page = editor.tabs.currentWidget()
        assert page.minimumSizeHint().width() <= page.width(), section
        if hasattr(page, "horizontalScrollBar"):
            assert page.horizontalScrollBar().maximum() == 0, section
    for path in ("validation.authority", "shipment.certificate_number_on_container", "valuation.organisation"):
        page = editor.shipment if path.startswith(("validation", "shipment")) else editor.valuation
        editor.show_section("shipment" if page is editor.shipment else "valuation")
        QApplication.processEvents()
        field: QWidget = page.fields[path]
        corner = field.mapTo(page.viewport(), field.rect().topLeft())
        assert page.viewport().rect().contains(field.rect().translated(corner)), path
    assert window.minimumSizeHint().width() <= SMALL[0]


# Opens the inspection, types into the validating officer's box without a pause, says so, runs until killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtTest import QTest
    from kpmonitor.gui.app import make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    home, inspection_id = sys.argv[1:3]
    app = make_application()
    window = MainWindow(Workspace(Paths.for_home(home)))
    window.show()
    window.open_inspection(inspection_id)
    editor = window.editor
    editor.show_section("shipment")
    field = editor.shipment.fields["validation.officer"]
    field.edit.setFocus()
    QTest.keyClicks(field.edit, "T. Chikore")  # no pause, no Enter
    print("typed", flush=True)
    app.exec()
""")


def test_a_kill_while_typing_the_validating_officer_loses_nothing(
        qtbot: QtBot, home: Paths, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    with Workspace(home) as ws:
        unsigned = clean()
        unsigned.validation.officer = ""  # typed when the app is killed
        inspection_id = ws.store.create_inspection(unsigned)
    kill_after_typing(CHILD, str(home.data), inspection_id)

    with Workspace(home) as ws:
        assert ws.store.get(inspection_id).validation.officer == ""  # only the journal holds it
        assert ws.store.journaled(inspection_id) == {"validation.officer": "T. Chikore"}
        window = make_window(ws)
        window.restore_session()
        editor = window.editor
        assert editor is not None and editor.inspection_id == inspection_id
        assert ws.store.get(inspection_id).validation.officer == "T. Chikore"
        assert text_field(editor, "validation.officer").text() == "T. Chikore"
        assert editor.recovered.text() == "Recovered after an interruption: “Validating officer” (T. Chikore)."
        assert ws.store.journaled(inspection_id) == {} and ws.store.verify_audit().ok
