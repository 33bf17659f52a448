"""A report signed with a self-signed certificate, on the desktop: the sign dialog says, before signing, what
headquarters and a customs verifier will make of it, and headquarters' report detail shows it signed before enrolment
once headquarters certified the device's key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.common.labels import warning_color
from kpmonitor.gui.common.workers import pool
from kpmonitor.gui.hq.detail import ReportDetailDialog
from kpmonitor.gui.hq.models import AMBER
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.trust import identity
from kpmonitor.workspace import Workspace, init_home
from tests.gui.conftest import SIGNING_PASSPHRASE
from tests.test_bundle import example, export, make_device, make_hq, run, sign_doc


@pytest.fixture
def self_signed_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    paths = Paths.for_home(tmp_path / "solo")
    monkeypatch.setattr(identity, "default_kdf", lambda: identity.Argon2idParams(memory_kib=1024, iterations=1,
                                                                                 lanes=1))
    init_home(paths, "field", "Solo Monitor", SIGNING_PASSPHRASE)
    with Workspace(paths) as ws:
        yield ws
        pool().waitForDone(10_000)


def test_the_sign_dialog_says_plainly_what_a_self_signed_report_will_be(
        qtbot: QtBot, self_signed_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    ws = self_signed_workspace
    window = make_window(ws)
    window.open_inspection(ws.store.create_inspection(clean()))
    window.sign_action.trigger()
    dialog = window.sign_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.signer.isVisible() and not dialog.sign_button.isEnabled()  # before signing: no passphrase yet
    text = dialog.signer.text()
    assert text.startswith("Signing with Solo Monitor's self-signed certificate: headquarters will accept this "
                           "report only once it has certified this device's key"), text
    assert "signed before enrolment" in text and "customs verifier will see it as not issued by headquarters" in text
    assert dialog.signer.palette().color(dialog.signer.foregroundRole()) == warning_color(dialog.signer)
    dialog.reject()


def test_headquarters_shows_a_report_signed_before_enrolment_as_such(qtbot: QtBot, tmp_path: Path) -> None:
    hq, solo = make_hq(tmp_path / "hq"), make_device(tmp_path / "solo", "Solo Monitor", None)
    bundle = export(solo, sign_doc(solo, example()), tmp_path / "usb")
    request, cert = tmp_path / "req.pem", tmp_path / "cert.pem"
    assert run(solo, "keys", "request", "--out", str(request)).exit_code == 0
    assert run(hq, "hq", "issue", str(request), "--out", str(cert)).exit_code == 0
    assert run(hq, "hq", "import", str(bundle)).exit_code == 0
    with Workspace(Paths.for_home(hq)) as ws:
        [report_id] = [r[0] for r in ws.store.conn.execute("SELECT id FROM hq_reports")]
        dialog = ReportDetailDialog(ws, report_id)
        qtbot.addWidget(dialog)
        assert dialog.badge.text() == "✓ signed before enrolment"
        assert AMBER.name() in dialog.badge.styleSheet()
        [issued] = [c for c in dialog.checks_model.checks if c.name == "issued by headquarters"]
        assert issued.ok and issued.detail.startswith("Signed before enrolment:")
        dialog.close()
        pool().waitForDone(10_000)
