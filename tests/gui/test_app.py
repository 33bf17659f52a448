"""Starting the application: first run, the demo home, the log."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kpmonitor import APP_ID, __version__
from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui import app as gui_app
from kpmonitor.gui.common.first_run import FirstRunDialog
from kpmonitor.gui.common.log_window import LogWindowDialog, read_tail
from kpmonitor.gui.common.workers import pool
from kpmonitor.paths import Paths
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import read_home


@pytest.fixture
def no_file_logging() -> Iterator[None]:
    """Remove the rotating handlers a test adds, so later tests log nowhere near a tmp home."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_application_carries_one_id(qtbot: QtBot) -> None:
    gui_app.configure_application(QCoreApplication.instance())  # type: ignore[arg-type]
    assert QGuiApplication.desktopFileName() == APP_ID
    assert QCoreApplication.applicationName() == "kpmonitor"


def test_first_run_makes_a_home_for_the_chosen_role(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths.for_home(tmp_path / "new")
    dialog = FirstRunDialog(paths)
    qtbot.addWidget(dialog)
    dialog.create_home()
    assert dialog.error.text() == "Give the monitor's name (field) or the office's name (hq)."
    assert read_home(paths) is None
    dialog.hq_role.setChecked(True)
    qtbot.keyClicks(dialog.name, "KP secretariat")
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.create_home()
    assert dialog.error.text().startswith("Choose a passphrase of at least 8 characters")
    assert read_home(paths) is None
    qtbot.keyClicks(dialog.passphrase, " but long enough")
    dialog.create_home()
    assert dialog.error.text() == "The two passphrases differ; type the same one twice."
    qtbot.keyClicks(dialog.repeat, " but long enough")
    dialog.create_home()
    info = read_home(paths)
    assert info is not None and (info.role, info.name) == ("hq", "KP secretariat")
    assert Keyring(paths).root() is not None  # headquarters' certificate authority, made with the home


def test_demo_opens_a_filled_home_and_logs_to_the_home(qtbot: QtBot, tmp_path: Path, no_file_logging: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    paths = Paths.for_home(tmp_path / "demo")
    gui_app.setup_logging(paths)
    monkeypatch.setattr(gui_app, "DEMO_COUNT", 2)
    opened = gui_app.open_main_window(paths, demo=True)
    assert opened is not None
    ws, window = opened
    qtbot.addWidget(window)
    try:
        assert ws.home.role == "field" and ws.store.count() == 2
        assert window.model.rowCount() == 2
        # A second start does not fill it again.
        assert gui_app.fill_demo_home(ws) == 0
        logging.getLogger("kpmonitor.test").info("a line for the log window")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "a line for the log window" in read_tail(paths.log_file)
        window.show_log()
        assert window.log_window is not None
        assert "a line for the log window" in window.log_window.text.toPlainText()
    finally:
        window.close()
        pool().waitForDone(10_000)
        ws.close()


def test_the_log_window_shows_the_end_of_a_long_log_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    log_file = tmp_path / "kpmonitor.log"
    log_file.write_text("".join(f"line {i} <b>not bold</b>\n" for i in range(30_000)), encoding="utf-8")
    dialog = LogWindowDialog(log_file)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert text.endswith("line 29999 <b>not bold</b>\n")
    assert not text.startswith("line 0 ")
    assert len(text.encode()) <= 256 * 1024


def test_the_window_frame_comes_first_and_the_home_after(qtbot: QtBot, home: Paths,
                                                         clean: Callable[..., Inspection]) -> None:
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.workspace import Workspace

    with Workspace(home) as ws:
        ws.store.create_inspection(clean())
    window = MainWindow(paths=home)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.opening
    assert not window.new_action.isEnabled() and window.quit_action.isEnabled()
    ws = gui_app.open_home_into(window, home, demo=False)
    try:
        assert window.attached and window.model.rowCount() == 1
        assert window.stack.currentWidget() is window.list and window.new_action.isEnabled()
    finally:
        window.close()
        ws.close()


def test_run_opens_the_home_after_the_first_paint_and_returns_when_closed(
        qtbot: QtBot, home: Paths, clean: Callable[..., Inspection], no_file_logging: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.workspace import Workspace

    with Workspace(home) as ws:
        ws.store.create_inspection(clean())
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    seen: dict[str, int] = {}
    deadline = time.monotonic() + 30

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        # The log file is opened once the list has painted.
        if windows and windows[0].attached and home.log_file.exists():
            seen["rows"] = windows[0].model.rowCount()
            QApplication.exit(0)  # not close(): the last window closing would also post a quit for later
        elif time.monotonic() > deadline:
            QApplication.exit(3)  # a failure, not a hang
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    assert gui_app.run(home) == 0
    assert seen == {"rows": 1}
    assert f"kpmonitor {__version__} started" in read_tail(home.log_file)
    assert "main window shown" in read_tail(home.log_file)


def test_a_headquarters_home_opens_the_headquarters_window(qtbot: QtBot, tmp_path: Path, no_file_logging: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kpmonitor.gui.hq.window import HqWindow
    from kpmonitor.workspace import init_home

    paths = Paths.for_home(tmp_path / "hq")
    init_home(paths, "hq", "KP Monitoring HQ")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    seen: list[str] = []

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, HqWindow) and w.isVisible()]
        if windows:
            seen.append(windows[0].windowTitle())
            QApplication.exit(0)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    assert gui_app.run(paths) == 0
    assert len(seen) == 1
    assert "main window shown" in read_tail(paths.log_file)
