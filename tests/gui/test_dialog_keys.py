"""The keyboard: Ctrl+Enter answers every dialog, the acknowledge dialog keeps its refusal inside it, Enter in Find
opens the one inspection found, Sign and Export and Add photos have keys of their own (each key one action's), and
Escape closes headquarters' report detail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.common.dialogs import AcknowledgeDialog, PassphraseDialog, TextDialog
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(qtbot: QtBot, dialog: QWidget) -> None:
    """On screen and active, as a dialog opened on a desktop is: its keys go to it."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)


def test_ctrl_enter_accepts_the_text_dialog_once_its_answer_is_given(qtbot: QtBot) -> None:
    dialog = TextDialog("Amend", "Correct ZW 004217?", "Why is the report corrected?", yes="Amend")
    shown(qtbot, dialog)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.result() == 0  # no reason yet: the Amend button is disabled
    qtbot.keyClicks(dialog.text, "The weighed carats of parcel 2 were misread")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    assert dialog.text_value() == "The weighed carats of parcel 2 were misread"  # no new line typed into it


def test_ctrl_enter_on_the_keypad_accepts_the_acknowledge_and_passphrase_dialogs(qtbot: QtBot) -> None:
    ack = AcknowledgeDialog("Parcel 2 has not been weighed.", "Scale out of order")
    shown(qtbot, ack)
    ack.note.setFocus()
    with qtbot.waitSignal(ack.accepted, timeout=2000):
        qtbot.keyClick(ack.note, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert ack.note_text() == "Scale out of order"
    secret = PassphraseDialog("The passphrase of the signing key.")
    shown(qtbot, secret)
    qtbot.keyClicks(secret.passphrase, "correct horse")
    with qtbot.waitSignal(secret.accepted, timeout=2000):
        qtbot.keyClick(secret.passphrase, Qt.Key.Key_Return, CTRL)


def test_the_acknowledge_dialog_keeps_its_refusal_inside_it_with_what_was_typed(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.parcels[1].weighed_carats = None
    assert window.open_inspection(workspace.store.create_inspection(insp))
    editor = window.editor
    assert editor is not None
    panel = editor.validation
    panel.view.setCurrentIndex(panel.model.index(0))
    seen: dict[str, Any] = {}

    def answer() -> None:
        # The dialog is modal: it is answered from the event loop its exec() runs.
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, AcknowledgeDialog)
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
            qtbot.keyClicks(dialog.note, "   ")
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)
            seen["refusal"] = dialog.error.text()
            seen["still open"] = dialog.isVisible()
            seen["typed"] = dialog.note.toPlainText()
            seen["panel"] = panel.message.text()
            qtbot.keyClicks(dialog.note, "Scale broke; weighed at the airport")
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)
            seen["closed"] = not dialog.isVisible()
        finally:
            if isinstance(dialog, AcknowledgeDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    panel.acknowledge_selected()
    assert seen["refusal"] == "Say why the warning is acceptable: the note goes into the report."
    assert seen["still open"] and seen["typed"] == "   " and seen["panel"] == ""
    assert seen["closed"] and panel.is_clear() and panel.message.text() == ""
    [ack] = workspace.store.get(editor.inspection_id).acknowledgements
    assert ack.note == "Scale broke; weighed at the airport"
    assert workspace.store.verify_audit().ok


def test_enter_in_find_opens_the_one_inspection_found(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    first = workspace.store.create_inspection(clean("ZW 000001", "A-"))
    workspace.store.create_inspection(clean("ZW 000002", "B-"))
    window = make_window(workspace)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.list.search, "ZW 0000")
    qtbot.keyClick(window.list.search, Qt.Key.Key_Return)
    assert window.editor is None and window.list.table.hasFocus()  # two found: the first is selected
    window.list.search.setFocus()
    window.list.search.selectAll()
    qtbot.keyClicks(window.list.search, "A-000981")  # a seal number: one inspection
    with qtbot.waitSignal(window.inspection_opened) as opened:
        qtbot.keyClick(window.list.search, Qt.Key.Key_Return)
    assert opened.args == [first]


def keys_of(action: QAction) -> list[str]:
    return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]


def test_sign_export_and_add_photos_have_keys_each_its_own_shown_in_menu_and_tool_tip(window: MainWindow) -> None:
    assert keys_of(window.sign_action) == ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]
    assert keys_of(window.export_action) == ["Ctrl+E"]
    assert keys_of(window.add_photos_action) == ["Ctrl+Shift+A"]
    for action in (window.sign_action, window.export_action, window.add_photos_action):
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().endswith(f"({native})"), action.toolTip()
    # The window's own actions (menus, toolbar, the list's right-click): no key does two things.
    actions = window.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert window.delete_action in actions
    owner: dict[str, str] = {}
    for action in actions:
        for keys in keys_of(action):
            assert keys not in owner, f"{keys}: {owner.get(keys)} and {action.text()}"
            owner[keys] = action.text()
    assert len(owner) >= 20


def test_ctrl_shift_enter_opens_the_sign_dialog_from_the_form(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_inspection(workspace.store.create_inspection(clean()))
    editor = window.editor
    assert editor is not None
    editor.certificate.focus_field("certificate.exporter.name")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.sign_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    chosen: list[bool] = []
    monkeypatch.setattr(editor.photos, "choose_and_add_files", lambda: chosen.append(True))
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert chosen == [True] and editor.tabs.currentWidget() is editor.photos
