"""What start-up leaves for later still works when the monitor acts at once.

The list paints its first page from a read-only reader before the home is opened, before the reference
tables are read (a country's name is only a tool tip), without the label said over an empty list and
without PySide's Qt namespace; a key pressed the moment the list is there is neither lost nor a crash.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui import app as gui_app
from kpmonitor.gui.field import inspections_model
from kpmonitor.gui.main_window import ACTIONS_CONTEXT_MENU, WIDGET_WITH_CHILDREN_SHORTCUT, MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

ORIGIN = 2  # the list's column of the country of origin


@pytest.fixture
def no_file_logging() -> Iterator[None]:
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_list_paints_before_the_reference_tables_are_read_and_they_come_after(
        qtbot: QtBot, home: Paths, clean: Callable[..., Inspection]) -> None:
    with Workspace(home) as ws:
        ws.store.create_inspection(clean())
    window = MainWindow(paths=home)
    qtbot.addWidget(window)
    window.show()
    ws = gui_app.open_home_into(window, home, demo=False)
    try:
        assert "reference" not in vars(ws)  # not read for the list
        qtbot.waitUntil(lambda: window.list.table.isVisible())
        # The tool tip asks for them, and has the country's name at once.
        tip = window.model.index(0, ORIGIN).data(Qt.ItemDataRole.ToolTipRole)
        assert tip is not None and "Zimbabwe" in tip
        assert "reference" in vars(ws)
    finally:
        window.close()
        ws.close()


def test_the_warm_up_reads_the_reference_tables(qtbot: QtBot, home: Paths) -> None:
    window = MainWindow(paths=home)
    qtbot.addWidget(window)
    window.show()
    ws = gui_app.open_home_into(window, home, demo=False)
    try:
        gui_app.warm_up(ws, window)
        qtbot.waitUntil(lambda: "reference" in vars(ws), timeout=10_000)
    finally:
        window.close()
        ws.close()


def test_a_list_with_rows_makes_its_empty_label_only_when_a_search_finds_nothing(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    workspace.store.create_inspection(clean())
    window = make_window(workspace)
    assert window.list._empty is None  # the table's viewport was not asked for
    window.list.search.setText("nothing-matches-this")
    window.list.apply_search()
    empty = window.list.empty
    assert empty.isVisible() and "nothing-matches-this" in empty.text()
    # It follows the table's size.
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: empty.width() == window.list.table.viewport().width() - 64)
    window.list.search.clear()
    window.list.apply_search()
    assert not empty.isVisible()


def test_the_headers_and_alignment_are_those_of_the_columns(
        workspace: Workspace, make_window: Callable[[Workspace], MainWindow], clean: Callable[..., Inspection]) -> None:
    workspace.store.create_inspection(clean())
    window = make_window(workspace)
    model, headers = window.model, window.list.table.horizontalHeader().model()
    assert [headers.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())] == [
        "Certificate", "Exporter", "Origin", "Carats", "US$", "Parcels", "Status", "Problems", "Last change"]
    assert headers.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, (_key, is_right) in enumerate(model.COLUMNS):
        expected = right if is_right else left
        assert headers.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == expected
        assert model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole) == expected
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_the_numbers_that_stand_for_qt_enums_are_theirs(window: MainWindow) -> None:
    m = inspections_model
    assert (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole) == (m.DISPLAY, m.TOOL_TIP, m.ALIGNMENT, m.FOREGROUND)
    assert Qt.ItemDataRole.UserRole + 1 == m.ID_ROLE
    assert int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) == m.LEFT
    assert int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) == m.RIGHT
    assert Qt.ContextMenuPolicy.ActionsContextMenu.value == ACTIONS_CONTEXT_MENU
    assert Qt.ShortcutContext.WidgetWithChildrenShortcut.value == WIDGET_WITH_CHILDREN_SHORTCUT
    assert window.list.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert window.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_the_sort_arrow_is_on_the_lists_order_from_the_start(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    for number in ("ZW 000001", "ZW 000002"):
        workspace.store.create_inspection(clean(number, number[3:] + "-"))
    window = make_window(workspace)
    header, table = window.list.table.horizontalHeader(), window.list.table
    assert table.isSortingEnabled() and header.isSortIndicatorShown()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (8, Qt.SortOrder.DescendingOrder)
    # A click on a header sorts by it, and a window opened later starts there, arrow and rows alike.
    rect = header.sectionViewportPosition(0)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().topLeft() + QPoint(rect + 5, 5))
    assert window.model.sort_column() == 0
    order = header.sortIndicatorOrder()
    first = window.model.index(0, 0).data()
    window.close()
    again = make_window(workspace)
    header = again.list.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, order)
    assert (again.model.sort_column(), again.model.sort_order()) == (0, order)
    assert again.model.index(0, 0).data() == first


def test_keys_pressed_the_moment_the_window_shows_and_the_list_is_there_are_not_lost(
        qtbot: QtBot, home: Paths, clean: Callable[..., Inspection], no_file_logging: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``run`` as the monitor starts it: keys in the frame before the list do nothing (and no harm); Ctrl+N and
    typing the moment the list is there, before the home is open, open a draft that keeps the text."""
    with Workspace(home) as ws:
        ws.store.create_inspection(clean())
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    errors: list[BaseException] = []
    seen: dict[str, object] = {}
    deadline = time.monotonic() + 30

    before = set(QApplication.topLevelWidgets())  # an earlier test's window may linger

    def window() -> MainWindow | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible() and w not in before]
        return found[0] if found else None

    def look() -> None:
        try:
            shown = window()
            if shown is not None and not shown.listed and "frame" not in seen:
                seen["frame"] = True
                QTest.keyClick(shown, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
                QTest.keyClick(shown, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
                assert shown.editor is None
            if shown is not None and shown.listed:
                seen["rows"] = shown.model.rowCount()
                seen["home open before the keys"] = shown.attached
                QTest.keyClick(shown, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
                assert shown.editor is not None
                focused = QApplication.focusWidget()
                assert focused is not None
                QTest.keyClicks(focused, "ZW 770001")
                seen["typed"] = True
                QApplication.exit(0)
                return
        except BaseException as exc:  # reported below, not lost in the event loop
            errors.append(exc)
            QApplication.exit(2)
            return
        if time.monotonic() > deadline:
            QApplication.exit(3)
        else:
            QTimer.singleShot(0, look)

    QTimer.singleShot(0, look)
    assert gui_app.run(home) == 0, errors
    assert not errors
    assert seen["frame"] and seen["rows"] == 1 and seen["typed"]
    assert seen["home open before the keys"] is False  # it opened for Ctrl+N, at once
    with Workspace(home) as ws:  # run() stored the text on the way out, and counted its problems
        numbers = [s.cert_number for s in ws.store.summaries()]
        assert "ZW 770001" in numbers
        typed = next(s for s in ws.store.summaries() if s.cert_number == "ZW 770001")
        assert typed.errors is not None


def _run_until_listed(home: Paths, act: Callable[[MainWindow], None], no_file_logging: None,
                      monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """``run`` on ``home``: ``act`` on the window the first turn its list is shown and its home not yet open."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    errors: list[BaseException] = []
    seen: dict[str, object] = {}
    deadline = time.monotonic() + 30

    before = set(QApplication.topLevelWidgets())  # an earlier test's window may linger

    def look() -> None:
        try:
            shown = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w not in before]
            if shown and shown[0].listed:
                window = shown[0]
                seen["home open when the list showed"] = window.attached
                act(window)
                seen["home open after"] = window.attached
                QApplication.exit(0)
                return
        except BaseException as exc:  # reported below, not lost in the event loop
            errors.append(exc)
            QApplication.exit(2)
            return
        if time.monotonic() > deadline:
            QApplication.exit(3)
        else:
            QTimer.singleShot(0, look)

    QTimer.singleShot(0, look)
    try:
        assert gui_app.run(home) == 0, errors
    finally:
        for widget in set(QApplication.topLevelWidgets()) - before:
            widget.close()
    assert not errors
    return seen


def test_enter_on_a_row_and_a_search_before_the_home_is_open_are_done(
        home: Paths, clean: Callable[..., Inspection], no_file_logging: None, monkeypatch: pytest.MonkeyPatch) -> None:
    with Workspace(home) as ws:
        first = ws.store.create_inspection(clean("ZW 000001", "A-"))
        ws.store.create_inspection(clean("ZW 000002", "B-"))
    opened: list[str] = []

    def act(window: MainWindow) -> None:
        assert window.model.rowCount() == 2 and window.list.count_label.text() == "2 inspections"
        window.list.search.setText("A-000")  # a seal number: found by the reader, without the home
        window.list.apply_search()
        assert window.model.rowCount() == 1 and not window.attached
        window.inspection_opened.connect(opened.append)
        QTest.keyClick(window.list.search, Qt.Key.Key_Return)  # the one found opens: the home opens at once for it
        assert window.attached and window.editor is not None

    seen = _run_until_listed(home, act, no_file_logging, monkeypatch)
    assert seen["home open when the list showed"] is False and seen["home open after"] is True
    assert opened == [first]


def test_a_home_to_migrate_or_reopened_on_an_inspection_shows_its_list_with_the_home(
        home: Paths, clean: Callable[..., Inspection], no_file_logging: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor.gui.main_window import gui_settings
    from kpmonitor.store import schema

    with Workspace(home) as ws:
        last = ws.store.create_inspection(clean())
    with monkeypatch.context() as patch:
        patch.setattr(schema, "migrations_pending", lambda _conn: True)  # as the reader sees it
        seen = _run_until_listed(home, lambda window: None, no_file_logging, monkeypatch)
    assert seen["home open when the list showed"] is True  # the store migrates it first
    settings = gui_settings(home)
    settings.setValue("session/last_inspection", last)
    settings.sync()
    seen = _run_until_listed(home, lambda window: None, no_file_logging, monkeypatch)
    assert seen["home open when the list showed"] is True


FIRST_PAINT = """
import sys
from pathlib import Path
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from kpmonitor.gui import app
from kpmonitor.gui.main_window import MainWindow

seen = {}
attach = MainWindow.attach_list

class Filter(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen and obj.model.rowCount():
            seen["painted"] = ("Qt" in QtCore.__dict__, "kpmonitor.workspace" in sys.modules,
                               "sqlite_utils" in sys.modules, obj.table.horizontalHeader().sortIndicatorSection())
            QApplication.exit(0)
        return False

def attach_list(window, *args, **kwargs):
    attach(window, *args, **kwargs)
    window.list.installEventFilter(watcher)

watcher = Filter()
MainWindow.attach_list = attach_list
from kpmonitor.paths import Paths
app.run(Paths.for_home(sys.argv[1]))
print(seen["painted"])
"""


def test_the_lists_first_page_paints_before_the_home_and_without_the_qt_namespace(
        home: Paths, clean: Callable[..., Inspection]) -> None:
    """What the first paint must not wait for: the core (the workspace, sqlite-utils) and PySide's Qt namespace
    (the first use of one of its enums builds them all, some 20 ms). Only a fresh process can tell."""
    with Workspace(home) as ws:
        ws.store.create_inspection(clean())
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(home.data)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "(False, False, False, 8)"
