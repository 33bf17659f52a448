"""The main window: new, open, delete with undo, where the monitor was, places for later work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.field.inspections_model import ID_ROLE
from kpmonitor.gui.main_window import MainWindow, gui_settings
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace, init_home


def test_a_draft_is_deleted_after_confirmation_and_comes_back_with_undo(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection], monkeypatch: pytest.MonkeyPatch) -> None:
    first = workspace.store.create_inspection(clean("ZW 000001", "A-"))
    workspace.store.create_inspection(clean("ZW 000002", "B-"))
    window = make_window(workspace)
    assert window.model.rowCount() == 2
    window.list.table.setFocus()
    window.list.select_id(first)

    asked: list[str] = []
    monkeypatch.setattr(window, "confirm_delete", lambda number: asked.append(number) or False)
    qtbot.keyClick(window.list.table, Qt.Key.Key_Delete)
    assert asked == ["ZW 000001"] and window.model.rowCount() == 2  # said no: nothing happens

    monkeypatch.setattr(window, "confirm_delete", lambda number: True)
    qtbot.keyClick(window.list.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 1 and workspace.store.count() == 1
    assert window.list.message.text() == "Deleted the draft ZW 000001."
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo delete of ZW 000001"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 2 and window.list.current_id() == first
    assert not window.undo_action.isEnabled()


def test_enter_opens_the_selected_inspection_and_alt_left_goes_back(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    inspection_id = workspace.store.create_inspection(clean())
    window = make_window(workspace)
    window.list.table.setFocus()
    window.list.table.setCurrentIndex(window.model.index(0, 0))
    with qtbot.waitSignal(window.inspection_opened) as opened:
        qtbot.keyClick(window.list.table, Qt.Key.Key_Return)
    assert opened.args == [inspection_id]
    assert window.windowTitle() == "ZW 004217 — Mbada Diamonds (Pvt) Ltd — kpmonitor"
    assert window.editor is not None and window.editor.validation.is_clear()
    with qtbot.waitSignal(window.list_shown):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.editor is None and window.list.current_id() == inspection_id


def test_ctrl_f_searches_from_anywhere(qtbot: QtBot, workspace: Workspace,
                                       make_window: Callable[[Workspace], MainWindow],
                                       clean: Callable[..., Inspection]) -> None:
    workspace.store.create_inspection(clean("ZW 000001", "A-"))
    workspace.store.create_inspection(clean("ZW 000002", "B-"))
    window = make_window(workspace)
    window.new_inspection()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.list
    assert QApplication.focusWidget() is window.list.search
    qtbot.keyClicks(window.list.search, "A-000981")  # a seal number finds its inspection
    qtbot.waitUntil(lambda: window.model.search == "A-000981" and window.model.rowCount() == 1, timeout=2000)
    assert window.model.data(window.model.index(0, 0)) == "ZW 000001"


def test_geometry_and_sort_order_are_kept_in_the_home(qtbot: QtBot, workspace: Workspace, home: Paths,
                                                      make_window: Callable[[Workspace], MainWindow],
                                                      tmp_path: Path) -> None:
    window = make_window(workspace)
    window.resize(1200, 700)
    window.list.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    window.close()
    assert (home.config / "gui.ini").is_file()
    again = make_window(workspace)
    assert again.model.sort_column() == 3 and again.model.sort_order() == Qt.SortOrder.AscendingOrder
    stored = gui_settings(home).value("window/geometry")
    assert stored is not None
    # Another home has its own state.
    other = Paths.for_home(tmp_path / "other")
    init_home(other, "field", "Someone else")
    assert QSettings(str(other.config / "gui.ini"), QSettings.Format.IniFormat).value("window/geometry") is None


def test_signing_actions_are_enabled_only_where_they_apply(window: MainWindow, workspace: Workspace,
                                                           clean: Callable[..., Inspection]) -> None:
    # The list, nothing selected: nothing to sign, export or amend; a report can always be verified.
    assert not window.sign_action.isEnabled() and "sign" in window.sign_action.toolTip()
    assert not window.export_action.isEnabled() and not window.amend_action.isEnabled()
    assert window.verify_action.isEnabled() and window.certificates_action.isEnabled()
    window.open_inspection(workspace.store.create_inspection(clean()))
    assert window.sign_action.isEnabled()  # an open draft
    assert not window.export_action.isEnabled() and not window.amend_action.isEnabled()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Headquarters" not in menus  # a field home has no inbox


def test_the_list_shows_problems_from_the_core(workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
                                               clean: Callable[..., Inspection]) -> None:
    broken = clean()
    broken.certificate.carats = 99  # neither its lines nor its parcels add up to it any more
    broken_id = workspace.store.create_inspection(broken)
    # What the core finds (its rules grow), counted as the list counts: the list says the same.
    problems = workspace.validate(workspace.store.get(broken_id))
    errors = sum(1 for p in problems if p.is_error)
    assert errors >= 1 and len(problems) == errors  # the totals are errors, and nothing else is wrong
    window = make_window(workspace)
    index = window.model.index(0, 7)
    assert index.data(ID_ROLE) == broken_id
    assert index.data() == ("1 error" if errors == 1 else f"{errors} errors")
    assert index.data(Qt.ItemDataRole.ForegroundRole) == window.model.error_color


def test_user_text_is_never_rendered_as_rich_text(workspace: Workspace,
                                                  make_window: Callable[[Workspace], MainWindow],
                                                  clean: Callable[..., Inspection]) -> None:
    insp = clean()
    insp.certificate.exporter.name = "<b>Bold</b> <img src=x>"
    window = make_window(workspace)
    window.open_inspection(workspace.store.create_inspection(insp))
    assert window.editor is not None
    assert window.editor.title.text() == "ZW 004217 — <b>Bold</b> <img src=x>"
    labels = [w for w in window.findChildren(QLabel) if "<b>" in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    # Tool tips guess at rich text: the list's are escaped.
    window.show_list()
    tip = window.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<b>" not in tip
