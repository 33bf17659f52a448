"""Killed while typing: what was typed is on disk, and the application reopens on that inspection."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from kpmonitor.gui.app import make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace

    app = make_application()
    ws = Workspace(Paths.for_home(sys.argv[1]))
    window = MainWindow(ws)
    window.show()
    window.new_inspection()
    field = window.editor.certificate.fields["certificate.number"]
    QTest.keyClicks(field.edit, "ZW 004217")   # typed, no Enter, no Tab, no Save
    print(window.editor.inspection_id, flush=True)
    app.exec()
""")


def test_a_kill_while_typing_loses_nothing(qtbot: QtBot, home: Paths,
                                           make_window: Callable[[Workspace], MainWindow]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home.data)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert child.stdout is not None
        inspection_id = child.stdout.readline().strip()
        assert inspection_id, "the child did not start"
        time.sleep(1.5)  # the monitor stops typing for a moment: the field stores itself
        child.kill()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    with Workspace(home) as ws:
        assert ws.store.get(inspection_id).certificate.number == "ZW 004217"
        window = make_window(ws)
        window.restore_session()
        assert window.editor is not None and window.editor.inspection_id == inspection_id
        assert window.editor.certificate.fields["certificate.number"].edit.text() == "ZW 004217"
    assert Path(home.config / "gui.ini").is_file()
