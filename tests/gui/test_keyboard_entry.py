"""A monitor's keyboard and a barcode scanner: scans caught wherever they land, Tab through editable cells only,
and a seal's target that stays where the monitor put it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.editor.scanner import SCAN_GAP_MS, SCAN_MIN_CHARS, KeyRun
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.workspace import Workspace

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SCANNER_MS = 1   # a wedge scanner's pause between keys (QTest waits at least this long)
PERSON_MS = 80   # a person typing briskly


def open_editor(window: MainWindow, ws: Workspace, insp: Inspection, section: str) -> InspectionEditorWidget:
    assert window.open_inspection(ws.store.create_inspection(insp))
    assert window.editor is not None
    window.editor.show_section(section)
    return window.editor


def press(key: Qt.Key | str, delay: int = -1, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whatever has the focus, as a keyboard (or a scanner) would send it.

    The release goes to what has the focus then: the press may have closed the cell editor it went to.
    """
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyPress(widget, key, modifier, delay)
    after = QApplication.focusWidget()
    assert after is not None
    QTest.keyRelease(after, key, modifier)


def type_keys(text: str, delay: int = -1) -> None:
    for char in text:
        press(char, delay)


# --- the burst: a scanner told from a person ---------------------------------------------------

def test_a_run_is_a_scan_only_when_quick_long_enough_and_ended_by_a_quick_enter() -> None:
    run = KeyRun()
    assert run.character("Z", 1000.0)                         # the first key begins a run
    for i, char in enumerate("W-S-300003", start=1):
        assert not run.character(char, 1000.0 + 4 * i)        # 4 ms apart: one run
    assert run.enter(1000.0 + 4 * 11) == "ZW-S-300003"
    assert run.enter(2000.0) is None                          # the run ended with its Enter

    for i, char in enumerate("MMCZ"):                         # a person: 80 ms a key
        run.character(char, 3000.0 + PERSON_MS * i)
    assert run.enter(3000.0 + PERSON_MS * 4) is None
    for i, char in enumerate("ZW-S"):                         # quick, but Enter came after a pause
        run.character(char, 4000.0 + i)
    assert run.enter(4000.0 + 3 + SCAN_GAP_MS) is None
    for i, char in enumerate("ZW-S"[: SCAN_MIN_CHARS - 1]):   # quick, but too short for a seal number
        run.character(char, 5000.0 + i)
    assert run.enter(5000.0 + SCAN_MIN_CHARS) is None
    run.character("a", 6000.0)                                # a slow key, then a scan: only the scan
    for i, char in enumerate("ZW-S-1", start=1):
        run.character(char, 6000.0 + 200 + i)
    assert run.enter(6000.0 + 210) == "ZW-S-1"


def test_a_scan_into_applied_by_adds_the_seal_and_leaves_the_field_as_it_was(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    seals.applied_by.setText("MMCZ sealing officer")
    seals.applied_by.setFocus()
    seals.applied_by.setCursorPosition(4)
    qtbot.waitUntil(seals.applied_by.hasFocus)

    QTest.keyClicks(seals.applied_by, "ZW-S-300003", Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    QTest.keyClick(seals.applied_by, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, SCANNER_MS)

    assert seals.applied_by.text() == "MMCZ sealing officer"
    assert seals.applied_by.cursorPosition() == 4
    assert QApplication.focusWidget() is seals.applied_by  # the monitor goes on typing where they were
    stored = workspace.store.get(editor.inspection_id).seals
    assert [(s.number, s.parcel, s.applied_by) for s in stored][-1] == ("ZW-S-300003", "2", "MMCZ sealing officer")
    assert len(stored) == 3
    assert seals.entry_message.text() == ("Scanned seal ZW-S-300003 added to parcel 2; “Applied by”, where the "
                                          "scan was typed, is back as it was.")
    assert not seals.entry_message.is_error


def test_typing_at_a_persons_pace_is_not_taken_for_a_scan(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    seals.applied_by.setText("MMCZ sealing officer")
    seals.applied_by.setFocus()
    qtbot.waitUntil(seals.applied_by.hasFocus)

    QTest.keyClicks(seals.applied_by, " ZW-S-300003", Qt.KeyboardModifier.NoModifier, PERSON_MS)
    QTest.keyClick(seals.applied_by, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, PERSON_MS)
    assert seals.applied_by.text() == "MMCZ sealing officer ZW-S-300003"
    # Quick, but three characters: no seal number is that short.
    QTest.keyClicks(seals.applied_by, "abc", Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    QTest.keyClick(seals.applied_by, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    assert seals.applied_by.text() == "MMCZ sealing officer ZW-S-300003abc"
    assert len(workspace.store.get(editor.inspection_id).seals) == 2


def test_a_scan_into_a_cell_of_the_seal_list_is_added_and_the_cell_is_not_changed(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    seals.table.setFocus()
    seals.table.setCurrentIndex(seals.model.index(0, seals.model.column_of("number")))
    qtbot.waitUntil(seals.table.hasFocus)

    type_keys("ZW-S-300004", SCANNER_MS)  # the first key opens the cell's editor, the rest go into it
    press(Qt.Key.Key_Return, SCANNER_MS)

    assert seals.table.state() != QAbstractItemView.State.EditingState
    stored = workspace.store.get(editor.inspection_id).seals
    assert [s.number for s in stored] == ["ZW-S-000981", "ZW-S-C017", "ZW-S-300004"]
    assert seals.entry_message.text().startswith("Scanned seal ZW-S-300004 added to parcel 2; “the list of seals”")


def test_a_scan_into_the_number_box_replaces_what_it_held(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    editor.scan_seal()
    QTest.keyClicks(seals.number, "ZW", Qt.KeyboardModifier.NoModifier, PERSON_MS)  # begun by hand…
    qtbot.wait(200)
    QTest.keyClicks(seals.number, "ZW-S-300005", Qt.KeyboardModifier.NoModifier, SCANNER_MS)  # …then scanned
    QTest.keyClick(seals.number, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    assert [s.number for s in workspace.store.get(editor.inspection_id).seals][-1] == "ZW-S-300005"
    assert seals.number.text() == "" and QApplication.focusWidget() is seals.number
    assert seals.entry_message.text() == "Scanned seal ZW-S-300005 added to parcel 2."


def test_a_scan_on_the_target_drop_down_does_not_change_the_target(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    assert seals.target_choice.currentText() == "parcel 2"
    seals.target_choice.setFocus()
    qtbot.waitUntil(seals.target_choice.hasFocus)
    # Its first key, C, alone would choose "container" from the drop-down's list.
    QTest.keyClicks(seals.target_choice, "C-000123", Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    QTest.keyClick(seals.target_choice, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, SCANNER_MS)
    assert seals.target_choice.currentText() == "parcel 2"
    stored = workspace.store.get(editor.inspection_id).seals
    assert (stored[-1].number, stored[-1].parcel) == ("C-000123", "2")
    assert "what the seal goes on" in seals.entry_message.text()


def test_a_scan_into_a_cell_being_typed_keeps_what_the_monitor_typed(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    seals = editor.seals
    seals.table.setFocus()
    seals.table.setCurrentIndex(seals.model.index(0, seals.model.column_of("applied_by")))
    qtbot.waitUntil(seals.table.hasFocus)
    press(Qt.Key.Key_Return)
    type_keys("MMCZ", PERSON_MS)
    qtbot.wait(100)
    type_keys("ZW-S-300006", SCANNER_MS)
    press(Qt.Key.Key_Return, SCANNER_MS)
    stored = workspace.store.get(editor.inspection_id).seals
    assert stored[0].applied_by == "MMCZ"  # the monitor's text, the scan taken out of it
    assert stored[-1].number == "ZW-S-300006"
    assert QApplication.focusWidget() is seals.table


# --- the target stays ----------------------------------------------------------------------------

def test_three_container_seals_scanned_in_a_row_are_all_on_the_container(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.seals = []  # no parcel sealed yet: the target starts on parcel 1
    editor = open_editor(window, workspace, insp, "seals")
    seals = editor.seals
    assert seals.target_choice.currentText() == "parcel 1"
    seals.target_choice.setFocus()
    qtbot.waitUntil(seals.target_choice.hasFocus)
    press("c", PERSON_MS)  # the monitor picks the container from the keyboard
    assert seals.target_choice.currentText() == "container"
    qtbot.wait(100)

    editor.scan_seal()
    for number in ("ZW-C-000017", "ZW-C-000018", "ZW-C-000019"):
        QTest.keyClicks(seals.number, number, Qt.KeyboardModifier.NoModifier, SCANNER_MS)
        QTest.keyClick(seals.number, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, SCANNER_MS)
        assert seals.target_choice.currentText() == "container"
        assert seals.entry_message.text() == f"Scanned seal {number} added to the container."
    stored = workspace.store.get(editor.inspection_id).seals
    assert [(s.number, s.parcel) for s in stored] == [("ZW-C-000017", None), ("ZW-C-000018", None),
                                                      ("ZW-C-000019", None)]
    column = seals.model.column_of("parcel")
    assert column == 1  # beside the number
    assert [seals.model.data(seals.model.index(r, column)) for r in range(3)] == ["container"] * 3
    assert seals.model.headerData(column, Qt.Orientation.Horizontal) == "On"


def test_the_target_stays_on_its_parcel_when_the_parcel_is_renumbered(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.seals = []
    editor = open_editor(window, workspace, insp, "seals")
    seals = editor.seals
    seals.target_choice.setCurrentIndex(seals.target_choice.findText("parcel 2"))
    editor.scan_seal()
    type_keys("ZW-S-000001", PERSON_MS // 4)  # typed by hand, Enter at a person's pace: the same path
    press(Qt.Key.Key_Return, PERSON_MS)
    assert seals.entry_message.text() == "Seal ZW-S-000001 added to parcel 2."
    parcel_id = editor.session.inspection.parcels[1].id
    assert parcel_id is not None
    assert editor.session.write(lambda: workspace.store.update_parcel(parcel_id, {"number": "2b"}))
    assert seals.target_choice.currentText() == "parcel 2b"


# --- Tab and Enter through editable cells only -----------------------------------------------------

def test_a_parcel_row_typed_with_tab_lands_every_value_in_its_column(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "parcels")
    parcels = editor.parcels
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)  # a new parcel, its declared carats open
    assert parcels.table.currentIndex().column() == parcels.model.column_of("declared_carats")
    press(Qt.Key.Key_Backtab, modifier=Qt.KeyboardModifier.ShiftModifier)  # back to the HS code…
    press(Qt.Key.Key_Backtab, modifier=Qt.KeyboardModifier.ShiftModifier)  # …and the parcel's number
    assert parcels.table.currentIndex().column() == parcels.model.column_of("number")

    # The scale slip, read left to right; the difference is worked out, not typed.
    for value in ("7", "7102.21", "400.20", "400.21", "420", "17500", "Rough, mixed"):
        assert isinstance(QApplication.focusWidget(), QLineEdit) or value == "7102.21"
        type_keys(value, PERSON_MS // 8)
        press(Qt.Key.Key_Return if value == "Rough, mixed" else Qt.Key.Key_Tab)
    qtbot.wait(50)  # Enter stores a cell a moment later (Qt queues it)

    stored = workspace.store.get(editor.inspection_id).parcels[2]
    assert (stored.number, stored.hs_code, stored.declared_carats, stored.weighed_carats, stored.stones,
            stored.declared_value_usd, stored.description) == ("7", "7102.21", 40020, 40021, 420, 1750000,
                                                               "Rough, mixed")
    assert parcels.model.data(parcels.model.index(2, parcels.model.column_of("difference"))) == "+0.01"
    assert parcels.table.state() != QAbstractItemView.State.EditingState  # the last row: Enter stays put


def test_shift_tab_and_enter_skip_the_difference_and_enter_goes_on_to_the_next_row(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "parcels")
    table, model = editor.parcels.table, editor.parcels.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.column_of("weighed_carats")))
    qtbot.waitUntil(table.hasFocus)
    press(Qt.Key.Key_Return)
    type_keys("600.30")
    press(Qt.Key.Key_Tab)
    assert table.currentIndex().column() == model.column_of("stones")
    press(Qt.Key.Key_Backtab, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert table.currentIndex().column() == model.column_of("weighed_carats")
    press(Qt.Key.Key_Tab)
    type_keys("51")
    for _ in range(2):  # stones → declared US$ → description
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.currentIndex().row() == 1)
    # Down to the next row, at the cell where typing across the row began.
    assert table.currentIndex().column() == model.column_of("weighed_carats")
    first = workspace.store.get(editor.inspection_id).parcels[0]
    assert (first.weighed_carats, first.stones) == (60030, 51)

    # A key on the worked-out column is not lost in silence: the monitor is told.
    table.setCurrentIndex(model.index(1, model.column_of("difference")))
    press("4")
    assert editor.parcels.message.text() == "“Difference” is not typed in; what was typed there was not kept."


def test_a_value_that_cannot_be_read_keeps_its_cell_open_with_the_text(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "parcels")
    table, model = editor.parcels.table, editor.parcels.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.column_of("weighed_carats")))
    qtbot.waitUntil(table.hasFocus)
    press(Qt.Key.Key_Return)
    type_keys("600.2555")
    press(Qt.Key.Key_Tab)
    cell_editor = QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit) and cell_editor.text() == "600.2555"
    assert table.currentIndex().column() == model.column_of("weighed_carats")
    assert editor.parcels.message.text() == "The carats is recorded to 0.01 ct; “600.2555” has 4 decimals."
    cell_editor.selectAll()
    type_keys("600.26")
    press(Qt.Key.Key_Tab)
    assert workspace.store.get(editor.inspection_id).parcels[0].weighed_carats == 60026
    assert table.currentIndex().column() == model.column_of("stones")


def test_tab_in_the_seal_list_passes_over_the_last_event_to_the_next_seal(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    editor = open_editor(window, workspace, clean(), "seals")
    table, model = editor.seals.table, editor.seals.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.column_of("applied_place")))
    qtbot.waitUntil(table.hasFocus)
    press(Qt.Key.Key_Return)
    type_keys("Sort house, bay 2", PERSON_MS // 8)
    press(Qt.Key.Key_Tab)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, model.column_of("number"))
    assert table.state() == QAbstractItemView.State.EditingState
    assert workspace.store.get(editor.inspection_id).seals[0].applied_place == "Sort house, bay 2"
