"""Tools ▸ Install headquarters' receipt: the monitor sees what headquarters holds, and a rewritten log is said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.test_bundle import export, make_device, make_hq, run, sign_doc
from tests.test_hq import other_doc


def test_installing_a_receipt_says_what_headquarters_holds_and_what_it_has_not_received(
        qtbot: QtBot, tmp_path: Path, make_window: Callable[[Workspace], MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    hq = make_hq(tmp_path / "hq")
    field = make_device(tmp_path / "field", "Jane Monitor", hq)
    held = sign_doc(field, other_doc("ZW 000001", ["ZW-C-000001"]))
    assert run(hq, "hq", "import", str(export(field, held, tmp_path / "usb"))).exit_code == 0
    assert run(hq, "hq", "receipts", "--out", str(tmp_path / "usb")).exit_code == 0
    [receipt] = (tmp_path / "usb").glob("*.kpreceipt")
    later = sign_doc(field, other_doc("ZW 000002", ["ZW-C-000002"]))
    said: list[tuple[str, str, str]] = []
    with Workspace(Paths.for_home(field)) as ws:
        window = make_window(ws)
        monkeypatch.setattr(window, "_inform", lambda title, text: said.append(("info", title, text)))
        monkeypatch.setattr(window, "_tell", lambda title, text: said.append(("error", title, text)))
        monkeypatch.setattr(window, "choose_receipt_file", lambda: receipt)
        assert window.receipt_action.isEnabled()
        window.receipt_action.trigger()
        assert len(said) == 1 and said[0][0] == "info" and said[0][1] == "Headquarters' receipt"
        assert "it holds 1 report of this device" in said[0][2]
        assert f"Not received by headquarters yet: report 2 ({later[:8]})" in said[0][2]
        # A file that is not a receipt: a sentence, nothing installed.
        bogus = tmp_path / "bogus.kpreceipt"
        bogus.write_text("{}", encoding="utf-8")
        window.open_files([bogus])
        assert said[-1][0] == "error" and "not a receipt" in said[-1][2]
        assert len(ws.store.receipts()) == 1
