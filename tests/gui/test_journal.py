"""The journal of what is being typed: a kill loses at most the keystroke; New, then Escape, leaves nothing."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Finding, Inspection
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

# Opens the inspection as the monitor left it, types, says so, and goes on running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtTest import QTest
    from kpmonitor.gui.app import make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    home, inspection_id, where = sys.argv[1:4]
    app = make_application()
    window = MainWindow(Workspace(Paths.for_home(home)))
    window.show()
    window.open_inspection(inspection_id)
    editor = window.editor
    if where == "finding":
        editor.show_section("findings")
        editor.findings.text.setFocus()
        QTest.keyClicks(editor.findings.text, "Seal intact on parcel 2, witnessed")  # no pause, no Tab
    else:
        editor.show_section("parcels")
        parcels = editor.parcels
        index = parcels.model.index(1, parcels.model.column_of("weighed_carats"))
        parcels.table.setCurrentIndex(index)
        parcels.table.edit(index)
        cell = parcels.table.indexWidget(index)
        cell.selectAll()
        QTest.keyClicks(cell, "612")  # the cell's editor still open: no Enter, no Tab
    print("typed", flush=True)
    app.exec()
""")


def with_a_finding(insp: Inspection) -> Inspection:
    insp.findings.append(Finding())
    return insp


def kill_after_typing(program: str, *args: str) -> None:
    """Run ``program`` (it types, then prints "typed") and kill it 100 ms later, before a field saves itself."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", program, *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "typed", child.stderr.read() if child.stderr else line
        time.sleep(0.1)  # less than the pause after which a field saves itself
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()


@pytest.mark.parametrize("where", ["finding", "parcel"])
def test_a_kill_100_ms_after_the_last_keystroke_loses_nothing_and_says_what_was_recovered(
        where: str, qtbot: QtBot, home: Paths, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    with Workspace(home) as ws:
        inspection_id = ws.store.create_inspection(with_a_finding(clean()))
    kill_after_typing(CHILD, str(home.data), inspection_id, where)

    with Workspace(home) as ws:
        stored = ws.store.get(inspection_id)
        # The kill came before the field saved itself: only the journal holds what was typed.
        assert stored.findings[0].text == "" and stored.parcels[1].weighed_carats == 60025
        window = make_window(ws)
        window.restore_session()
        editor = window.editor
        assert editor is not None and editor.inspection_id == inspection_id
        stored = ws.store.get(inspection_id)
        if where == "finding":
            assert stored.findings[0].text == "Seal intact on parcel 2, witnessed"
            assert editor.findings.text.toPlainText() == "Seal intact on parcel 2, witnessed"
            told = "the finding ‘Seal intact on…’"
        else:
            assert stored.parcels[1].weighed_carats == 61200
            model = editor.parcels.model
            assert model.data(model.index(1, model.column_of("weighed_carats"))) == "612.00"
            told = "parcel 2's weighed carats (612.00)"
        assert editor.recovered.isVisible()
        assert editor.recovered.text() == f"Recovered after an interruption: {told}."
        # Recovered through the fields' own writes: audited (the chain holds), and the journal is done with.
        assert ws.store.verify_audit().ok
        assert ws.store.journaled(inspection_id) == {}
        change = ws.store.audit_events(limit=1)[0]
        assert change["op"] == "update" and change["entity"] in ("findings", "parcels")


def test_every_keystroke_is_journaled_and_the_save_ends_it_in_its_own_transaction(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    window.open_inspection(workspace.store.create_inspection(clean()))
    editor = window.editor
    assert editor is not None
    field = editor.certificate.fields["certificate.exporter.name"]
    assert isinstance(field.edit, QLineEdit)
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "Mbada")
    assert workspace.store.journaled(editor.inspection_id) == {"certificate.exporter.name": "Mbada"}
    head = workspace.store.audit_head()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert workspace.store.get(editor.inspection_id).certificate.exporter.name == "Mbada"
    assert workspace.store.journaled(editor.inspection_id) == {}
    assert workspace.store.audit_head().seq == head.seq + 1  # one audited change; the journal is not evidence

    # A cell typed in and let go with Escape leaves no journal: the monitor chose to keep what was stored.
    editor.show_section("parcels")
    parcels = editor.parcels
    index = parcels.model.index(0, parcels.model.column_of("stones"))
    parcels.table.setFocus()
    parcels.table.setCurrentIndex(index)
    qtbot.keyClick(parcels.table, Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "41")
    key = f"parcels/{parcels.model.rows[0].id}/stones"
    assert workspace.store.journaled(editor.inspection_id) == {key: "41"}
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    assert workspace.store.journaled(editor.inspection_id) == {}
    assert workspace.store.get(editor.inspection_id).parcels[0].stones is None


def test_a_signed_inspection_ignores_a_stale_journal(
        qtbot: QtBot, signed_home: Paths, make_window: Callable[[Workspace], MainWindow],
        caplog: pytest.LogCaptureFixture) -> None:
    with Workspace(signed_home) as ws:
        inspection_id = ws.store.summaries()[0].id
        signed = ws.store.get(inspection_id)
        assert signed.status.value == "signed"
        # Text journaled before the inspection was signed (by another window, or the command line).
        ws.store.journal(inspection_id, "certificate.number", "ZW 999999")
        ws.store.journal(inspection_id, f"parcels/{signed.parcels[0].id}/weighed_carats", "1.00")
        head = ws.store.audit_head()
        window = make_window(ws)
        with caplog.at_level(logging.WARNING, logger="kpmonitor.store.db"):
            assert window.open_inspection(inspection_id)
        editor = window.editor
        assert editor is not None and editor.session.read_only
        assert editor.certificate.fields["certificate.number"].text() == signed.certificate.number
        assert not editor.recovered.isVisible() and editor.recovered.text() == ""
        assert ws.store.get(inspection_id) == signed and ws.store.audit_head() == head
        assert ws.store.journaled(inspection_id) == {}  # discarded, not kept for later
        discarded = [r.getMessage() for r in caplog.records if "never takes recovered text" in r.getMessage()]
        assert len(discarded) == 2 and "certificate.number" in discarded[0] and "ZW 999999" in discarded[0]


def test_new_then_escape_leaves_no_draft(qtbot: QtBot, workspace: Workspace, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor
    assert editor is not None
    assert QApplication.focusWidget() is editor.certificate.fields["certificate.number"].edit
    with qtbot.waitSignal(window.list_shown):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window.editor is None and window.stack.currentWidget() is window.list
    assert workspace.store.count(include_deleted=True) == 0 and window.model.rowCount() == 0
    assert workspace.store.audit_head().seq == 0  # not created and deleted: never created

    # Closing the window on a new inspection nothing was typed into leaves nothing either.
    window.new_inspection()
    window.close()
    assert workspace.store.count(include_deleted=True) == 0


def test_a_new_inspection_is_stored_at_its_first_keystroke(qtbot: QtBot, workspace: Workspace,
                                                           window: MainWindow) -> None:
    inspection_id = window.new_inspection()
    assert inspection_id is not None and workspace.store.count() == 0
    field = window.editor.certificate.fields["certificate.number"] if window.editor else None
    assert field is not None
    qtbot.keyClicks(QApplication.focusWidget(), "Z")
    assert workspace.store.get(inspection_id).certificate.number == ""  # the draft, with the journal of its text
    assert workspace.store.journaled(inspection_id) == {"certificate.number": "Z"}
    # Once something is typed, Escape is the field's own: the editor stays.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window.editor is not None and window.editor.inspection_id == inspection_id
    qtbot.keyClicks(QApplication.focusWidget(), "W 004217")
    window.show_list()
    assert workspace.store.get(inspection_id).certificate.number == "ZW 004217"
    assert workspace.store.journaled(inspection_id) == {}


def test_text_the_core_cannot_read_comes_back_as_typed_with_its_sentence(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    inspection_id = workspace.store.create_inspection(clean())
    parcel = workspace.store.get(inspection_id).parcels[0]
    workspace.store.journal(inspection_id, "certificate.carats", "1,200")  # ambiguous: 1.2 or 1,200?
    workspace.store.journal(inspection_id, f"parcels/{parcel.id}/weighed_carats", "600.2x")
    workspace.store.journal(inspection_id, "certificate.site", "nothing of the editor is called so")
    head = workspace.store.audit_head()
    assert window.open_inspection(inspection_id)
    editor = window.editor
    assert editor is not None
    carats = editor.certificate.fields["certificate.carats"]
    assert carats.text() == "1,200" and carats.feedback.is_error and "ambiguous" in carats.feedback.text()
    parcels = editor.parcels
    cell = parcels.table.indexWidget(parcels.model.index(0, parcels.model.column_of("weighed_carats")))
    assert isinstance(cell, QLineEdit) and cell.text() == "600.2x"  # open, as typed, for the monitor to correct
    assert workspace.store.audit_head() == head  # nothing the core cannot read was stored
    assert editor.recovered.text() == ("Recovered after an interruption: “Carats” as typed (“1,200”), not saved "
                                       "and parcel 1's weighed carats as typed (“600.2x”), not saved.")
    # Still unsaved, still journaled, until the monitor corrects them or leaves.
    assert set(workspace.store.journaled(inspection_id)) == {"certificate.carats",
                                                             f"parcels/{parcel.id}/weighed_carats"}
    window.show_list()
    assert workspace.store.journaled(inspection_id) == {}
