"""The sign dialog's choice of the report's language: the app's by default, recorded in the snapshot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpmonitor import i18n
from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.workspace import Workspace
from tests.gui.conftest import SIGNING_PASSPHRASE


def test_the_report_is_signed_in_the_language_chosen_the_apps_by_default(
        qtbot: QtBot, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    ws = signing_workspace
    inspection_id = ws.store.create_inspection(clean())
    window = make_window(ws)
    window.open_inspection(inspection_id)
    window.sign_action.trigger()
    dialog = window.sign_dialog
    assert dialog is not None
    # Each language in its own name, the app's chosen.
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["English", "Français", "Português"]
    before = i18n.current_language()
    assert dialog.language.currentData() == before
    assert dialog.language_label.buddy() is dialog.language

    dialog.language.setCurrentIndex(dialog.language.findData("pt"))
    qtbot.keyClicks(dialog.passphrase, SIGNING_PASSPHRASE)
    with qtbot.waitSignal(dialog.inspection_signed, timeout=10_000) as signed:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    report = signed.args[0]
    assert report.snapshot["report"]["language"] == "pt"
    assert not dialog.language.isVisible()
    assert i18n.current_language() == before  # the app speaks as it did
