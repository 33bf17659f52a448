"""The verify screen, the certificates dialog, and files handed to the application."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpmonitor.gui import app as gui_app
from kpmonitor.gui.field.verify_dialog import GENUINE, INTACT, INVALID, VerifyDialog, bundles_verifiable
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.trust import identity
from kpmonitor.trust.keys import Keyring
from kpmonitor.workspace import Workspace, init_home
from tests.gui.conftest import SIGNING_PASSPHRASE, SignedTemplate, SigningWorld


def verify(qtbot: QtBot, dialog: VerifyDialog, start: Callable[[], object]) -> None:
    with qtbot.waitSignal(dialog.verified, timeout=15_000):
        assert start() is True


def test_the_exported_pdf_is_genuine_with_every_check_passed(
        qtbot: QtBot, signing_home: Paths, signing_world: SigningWorld, signed_template: SignedTemplate) -> None:
    dialog = VerifyDialog(signing_home)
    qtbot.addWidget(dialog)
    assert dialog.root_label.text() == "This home's: KP Monitoring HQ"
    # The home's root, and headquarters' revocation list chosen as a file: revocation is checked too.
    assert dialog.set_trust(None, signing_world.crl)
    verify(qtbot, dialog, lambda: dialog.verify_path(signed_template.pdf))
    assert dialog.state == GENUINE and dialog.headline.text() == "✓  Genuine"
    checks = dialog.checks_model
    assert checks.rowCount() >= 9 and all(c.ok for c in checks.checks)
    assert [checks.index(r, 0).data() for r in range(checks.rowCount())] == ["✓"] * checks.rowCount()
    assert "Not revoked" in [checks.index(r, 1).data() for r in range(checks.rowCount())]
    fields = {k: v.text() for k, v in dialog.report_fields.items()}
    assert fields["certificate_number"] == "ZW 004217" and fields["carats"] == "1,200.50 ct"
    assert fields["value_usd"] == "US$ 36,015.00" and fields["parcels"] == "2"
    assert fields["seals"] == "ZW-S-000981, ZW-S-C017" and fields["verdict"] == "Certified for export"
    assert fields["monitor"] == "Jane Monitor"
    assert fields["report"] == f"{signed_template.report_id[:8]}, version 1"
    assert dialog.signer_fields["issuer"].text() == "KP Monitoring HQ"
    assert dialog.notes.isHidden()  # revocation was checked: nothing to add


def test_one_flipped_byte_makes_it_not_valid(qtbot: QtBot, signing_home: Paths, signed_template: SignedTemplate,
                                             tmp_path: Path) -> None:
    data = bytearray(signed_template.pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    dialog = VerifyDialog(signing_home)
    qtbot.addWidget(dialog)
    verify(qtbot, dialog, lambda: dialog.verify_path(bad))
    assert dialog.state == INVALID and dialog.headline.text() == "✗  Not valid"
    assert "✗" in [dialog.checks_model.index(r, 0).data() for r in range(dialog.checks_model.rowCount())]
    assert dialog.verdict.text() and not dialog.verdict.text().startswith("NOT VALID")


def test_scanned_qr_text_is_verified_when_the_scanner_presses_enter(
        qtbot: QtBot, signed_home: Paths, signed_template: SignedTemplate) -> None:
    with Workspace(signed_home) as ws:
        qr_text = ws.store.report(signed_template.report_id)["qr_text"]
    dialog = VerifyDialog(signed_home)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.qr_edit.setFocus()
    with qtbot.waitSignal(dialog.verified, timeout=15_000) as verified:
        qtbot.keyClicks(dialog.qr_edit, qr_text)
        qtbot.keyClick(dialog.qr_edit, Qt.Key.Key_Return)
    assert verified.args[0].kind == "qr"
    assert dialog.state == GENUINE and dialog.verdict.text()
    assert dialog.report_fields["certificate_number"].text() == "ZW 004217"
    # The revocation list was not given: the screen says what revocation was checked on, in its own words (a KP2
    # seal's signer is found on headquarters' trust list, which gives each certificate's status).
    assert dialog.notes.text() == ("Revocation was checked on headquarters' trust list only: no revocation list was "
                                   "given.")


def test_without_headquarters_root_a_report_is_intact_but_not_vouched_for(
        qtbot: QtBot, home: Paths, signed_template: SignedTemplate, signing_world: SigningWorld) -> None:
    dialog = VerifyDialog(home)  # a home with no root installed
    qtbot.addWidget(dialog)
    assert dialog.root_label.text().startswith("None installed in this home")
    verify(qtbot, dialog, lambda: dialog.verify_path(signed_template.pdf))
    assert dialog.state == INTACT
    assert dialog.headline.text() == "⚠  Intact but not vouched for by headquarters"
    # Choosing headquarters' root checks the same file again.
    with qtbot.waitSignal(dialog.verified, timeout=15_000):
        assert dialog.set_trust(signing_world.root, None)
    assert dialog.state == GENUINE and "kp-root.pem" in dialog.root_label.text()


def test_what_cannot_be_verified_gets_a_sentence(qtbot: QtBot, home: Paths, tmp_path: Path) -> None:
    dialog = VerifyDialog(home)
    qtbot.addWidget(dialog)
    assert dialog.verify_path(tmp_path / "gone.pdf") is False
    assert dialog.message.text() == f"There is no file {tmp_path / 'gone.pdf'}." and dialog.message.is_error
    bundle = tmp_path / "report.kpbundle"
    bundle.write_bytes(b"PK\x03\x04 and then nothing a bundle holds")
    if bundles_verifiable():
        with qtbot.waitSignal(dialog.verified, timeout=15_000):
            assert dialog.verify_path(bundle)
        assert dialog.state == INVALID
    else:
        assert dialog.verify_path(bundle) is False and "bundle" in dialog.message.text()
    not_a_root = tmp_path / "root.pem"
    not_a_root.write_text("<b>not a certificate</b>")
    assert dialog.set_trust(not_a_root, None) is False
    assert dialog.message.text().startswith("root.pem cannot be used as headquarters' root")
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    with qtbot.waitSignal(dialog.verified, timeout=15_000):
        dialog.verify_text("KP1:NOT-A-SEAL")
    assert dialog.state == INVALID


def test_a_dropped_pdf_is_verified(qtbot: QtBot, signing_home: Paths, signed_template: SignedTemplate) -> None:
    dialog = VerifyDialog(signing_home)
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(signed_template.pdf))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(dialog.verified, timeout=15_000):
        dialog.dropEvent(event)
    assert dialog.file_edit.text() == str(signed_template.pdf) and dialog.state == GENUINE


# --- files handed to the application -------------------------------------------------------------


def test_a_pdf_given_to_the_application_opens_the_verify_screen(
        qtbot: QtBot, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        signed_template: SignedTemplate, tmp_path: Path) -> None:
    window = make_window(signing_workspace)
    window.open_files([signed_template.pdf])
    dialog = window.verify_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=15_000)
    assert dialog.state == GENUINE
    # A missing file: said on the same screen.
    window.open_files([tmp_path / "missing.pdf"])
    assert window.verify_dialog is dialog and dialog.message.text() == f"There is no file {tmp_path / 'missing.pdf'}."


def test_files_that_arrive_before_the_home_is_open_wait_for_it(
        qtbot: QtBot, signing_home: Paths, signed_template: SignedTemplate) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opener = gui_app.FileOpenFilter(app)
    try:
        # macOS: the Finder launched the application to open a report.
        QApplication.sendEvent(app, QFileOpenEvent(str(signed_template.pdf)))
        assert opener.queued == [signed_template.pdf]
        window = MainWindow(paths=signing_home)  # the frame, before its home
        qtbot.addWidget(window)
        opener.attach(window)
        assert window.pending_files == [signed_template.pdf] and window.verify_dialog is None
        ws = gui_app.open_home_into(window, signing_home, demo=False)
        try:
            assert window.verify_dialog is not None
            qtbot.waitUntil(lambda: window.verify_dialog is not None and window.verify_dialog.state == GENUINE,
                            timeout=15_000)
        finally:
            window.close()
            ws.close()
    finally:
        app.removeEventFilter(opener)
        opener.deleteLater()


def test_a_bundle_opened_on_a_monitors_home_is_verified(
        qtbot: QtBot, tmp_path: Path, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        signed_template: SignedTemplate, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = signed_template.bundle
    if bundle is None:
        pytest.skip("this build has no bundles")
    window = make_window(signing_workspace)
    told: list[str] = []
    monkeypatch.setattr(window, "_tell", lambda title, sentence: told.append(sentence))
    window.open_files([bundle, tmp_path / "notes.docx"])
    assert told == ["kpmonitor opens report PDFs, QR seal text files and bundles; notes.docx is none of these."]
    dialog = window.verify_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=15_000)
    assert dialog.state == GENUINE and dialog.verification is not None and dialog.verification.kind == "bundle"
    labels = [dialog.checks_model.index(r, 1).data() for r in range(dialog.checks_model.rowCount())]
    assert "Manifest signature" in labels and "Files match the manifest" in labels

    # (At headquarters a bundle opened from the desktop is imported: test_hq_window.)


def test_the_application_icon_comes_from_the_shipped_pngs(qtbot: QtBot) -> None:
    icon = gui_app.application_icon()
    assert not icon.isNull() and len(icon.availableSizes()) >= 4
    assert QGuiApplication.instance() is not None


# --- the certificates -------------------------------------------------------------------------------


def test_a_self_signed_monitor_requests_and_installs_headquarters_certificate(
        qtbot: QtBot, tmp_path: Path, signing_world: SigningWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpmonitor.gui.field.certificates_dialog import CertificatesDialog
    from kpmonitor.workspace import read_home

    paths = Paths.for_home(tmp_path / "field")
    with monkeypatch.context() as cheap:
        cheap.setattr(identity, "default_kdf", lambda: identity.Argon2idParams(memory_kib=1024, iterations=1,
                                                                                lanes=1))
        init_home(paths, "field", "Sam Monitor", SIGNING_PASSPHRASE)
    info = read_home(paths)
    assert info is not None
    dialog = CertificatesDialog(paths, info)
    qtbot.addWidget(dialog)
    assert dialog.status.text().startswith("Self-signed:")
    assert dialog.device_fields[1]["issuer"].text() == "Itself (self-signed)"
    assert dialog.root_note.text().startswith("Not installed yet")

    # The request: the passphrase (a wrong one is said in place), then where to write it.
    request = tmp_path / "request.pem"
    monkeypatch.setattr(dialog, "choose_save_path", lambda *args: request)
    monkeypatch.setattr(dialog, "ask_passphrase", lambda *args, **kwargs: "wrong passphrase")
    with qtbot.waitSignal(dialog.action_failed, timeout=10_000) as failed:
        assert dialog.write_request()
    assert "passphrase" in failed.args[0].lower() and not request.exists()
    monkeypatch.setattr(dialog, "ask_passphrase", lambda *args, **kwargs: SIGNING_PASSPHRASE)
    with qtbot.waitSignal(dialog.request_written, timeout=10_000):
        assert dialog.write_request()
    assert identity.load_csr(request.read_bytes()) is not None
    assert str(request) in dialog.message.text()

    # Headquarters issues it; a wrong file first, then the right one.
    issued = tmp_path / "issued.pem"
    issued.write_bytes(Keyring(Paths.for_home(signing_world.hq)).issue(request.read_bytes(), SIGNING_PASSPHRASE))
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    monkeypatch.setattr(dialog, "choose_open_path", lambda *args: junk)
    assert dialog.install_certificate() is False
    assert dialog.message.is_error and dialog.message.text() == "The file is not a certificate (PEM or DER)."
    monkeypatch.setattr(dialog, "choose_open_path", lambda *args: issued)
    with qtbot.waitSignal(dialog.certificate_installed):
        assert dialog.install_certificate()
    assert dialog.status.text().startswith("Issued by KP Monitoring HQ")
    assert dialog.root_fields[1]["name"].text() == "KP Monitoring HQ"

    monkeypatch.setattr(dialog, "choose_open_path", lambda *args: signing_world.crl)
    with qtbot.waitSignal(dialog.crl_installed):
        assert dialog.install_crl()
    assert "0 certificates revoked" in dialog.crl_text.text()


def test_a_home_without_a_key_can_make_one(qtbot: QtBot, home: Paths, monkeypatch: pytest.MonkeyPatch,
                                           workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
                                           ) -> None:
    monkeypatch.setattr(identity, "default_kdf", lambda: identity.Argon2idParams(memory_kib=1024, iterations=1,
                                                                                  lanes=1))
    window = make_window(workspace)
    dialog = window.show_certificates()
    assert dialog is not None and dialog.create_key_button.isVisible()
    assert not dialog.request_button.isEnabled()
    monkeypatch.setattr(dialog, "ask_passphrase", lambda *args, **kwargs: SIGNING_PASSPHRASE)
    with qtbot.waitSignal(dialog.key_created, timeout=10_000):
        assert dialog.create_key()
    assert Keyring(home).has_signing_key() and dialog.request_button.isEnabled()
    assert dialog.status.text().startswith("Self-signed:")
    dialog.close()

