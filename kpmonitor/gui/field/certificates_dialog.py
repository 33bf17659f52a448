"""The home's signing certificate, headquarters' root and revocation list, and how a monitor gets them.

A field device signs with a self-signed certificate until headquarters issues
one: the monitor writes a certificate request (the key is opened with the
passphrase, to prove it is held), sends it to headquarters, and installs the
file that comes back (the certificate with headquarters' root). Headquarters
also sends its revocation list from time to time. A headquarters home shows
its own root here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, ok_color, plain_label, warning_color
from kpmonitor.gui.common.workers import Progress, Task, run_task

if TYPE_CHECKING:
    from cryptography import x509

    from kpmonitor.paths import Paths
    from kpmonitor.workspace import HomeInfo

log = logging.getLogger(__name__)

MAX_FILE = 1024 * 1024  # a certificate file or a revocation list is a few kilobytes
T = TypeVar("T")


def _grouped_fingerprint(sha256: str) -> str:
    return " ".join(sha256[i:i + 4] for i in range(0, len(sha256), 4)).upper()


class CertificatesDialog(QDialog):
    """Shows and manages the home's certificates."""

    request_written = Signal(object)  # Path
    certificate_installed = Signal()
    crl_installed = Signal()
    key_created = Signal()
    action_failed = Signal(str)

    def __init__(self, paths: Paths, home: HomeInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kpmonitor.trust.keys import Keyring

        self.paths = paths
        self.home = home
        self.keyring = Keyring(paths)
        self.worker: Task[Any] | None = None  # the key's work in progress
        self.setWindowTitle(self.tr("Signing certificate") if home.role == "field"
                            else self.tr("Headquarters' certificates"))

        self.status = plain_label("", self, wrap=True)
        self.status.setObjectName("certificate_status")
        status_font = self.status.font()
        status_font.setBold(True)
        self.status.setFont(status_font)
        self.device_fields = self._form(("name", self.tr("Holder")), ("device", self.tr("Device")),
                                        ("issuer", self.tr("Issued by")), ("serial", self.tr("Serial")),
                                        ("valid", self.tr("Valid")), ("sha256", self.tr("Fingerprint")))
        self.device_box = QGroupBox(self.tr("This device's signing certificate"), self)
        self.device_box.setLayout(self.device_fields[0])
        self.root_note = plain_label("", self, wrap=True)
        self.root_fields = self._form(("name", self.tr("Name")), ("serial", self.tr("Serial")),
                                      ("valid", self.tr("Valid")), ("sha256", self.tr("Fingerprint")))
        root_layout = QVBoxLayout()
        root_layout.addWidget(self.root_note)
        root_layout.addLayout(self.root_fields[0])
        self.root_box = QGroupBox(self.tr("Headquarters' root certificate"), self)
        self.root_box.setLayout(root_layout)
        self.crl_text = plain_label("", self, wrap=True)
        crl_layout = QVBoxLayout()
        crl_layout.addWidget(self.crl_text)
        self.crl_box = QGroupBox(self.tr("Revocation list"), self)
        self.crl_box.setLayout(crl_layout)

        self.create_key_button = QPushButton(self.tr("Make a &signing key…"), self)
        self.create_key_button.setToolTip(self.tr("This home has no signing key: make one, protected by a "
                                                  "passphrase"))
        self.create_key_button.clicked.connect(self.create_key)
        self.request_button = QPushButton(self.tr("Write certificate &request…"), self)
        self.request_button.setToolTip(self.tr("Write the file to send to headquarters, which issues the "
                                               "certificate"))
        self.request_button.clicked.connect(self.write_request)
        self.install_button = QPushButton(self.tr("&Install certificate from headquarters…"), self)
        self.install_button.clicked.connect(self.install_certificate)
        self.install_crl_button = QPushButton(self.tr("Install revocation &list…"), self)
        self.install_crl_button.clicked.connect(self.install_crl)
        actions = QHBoxLayout()
        for button in (self.create_key_button, self.request_button, self.install_button, self.install_crl_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = FeedbackLabel(self)
        self.message.setObjectName("certificates_message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        accept_on_ctrl_enter(self, self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.device_box)
        layout.addWidget(self.root_box)
        layout.addWidget(self.crl_box)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.refresh()
        height = layout.totalHeightForWidth(760)  # the wrapped sentences' height at that width
        fit_to_screen(self, 760, max(height, 300) + 10)

    def _form(self, *rows: tuple[str, str]) -> tuple[QFormLayout, dict[str, QLabel]]:
        form = QFormLayout()
        labels: dict[str, QLabel] = {}
        for key, text in rows:
            value = plain_label("", self, wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            labels[key] = value
            form.addRow(text, value)
        return form, labels

    # --- what is installed -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the key files again and show them."""
        field = self.home.role == "field"
        for widget in (self.request_button, self.install_button, self.install_crl_button):
            widget.setVisible(field)
        self.device_box.setVisible(field)
        has_key = self.keyring.has_signing_key()
        self.create_key_button.setVisible(field and not has_key)
        self.request_button.setEnabled(has_key)
        self.install_button.setEnabled(has_key)
        if field:
            self._show_device(has_key)
        self._show_root(field)
        self._show_crl()
        self._update_busy()

    def _set_status(self, text: str, color_of: str) -> None:
        color = {"ok": ok_color, "warning": warning_color, "error": error_color}[color_of](self)
        palette = self.status.palette()
        palette.setColor(self.status.foregroundRole(), color)
        self.status.setPalette(palette)
        self.status.setText(text)

    def _show_device(self, has_key: bool) -> None:
        from kpmonitor.trust.identity import certificate_summary, is_self_signed

        fields = self.device_fields[1]
        if not has_key:
            for label in fields.values():
                label.setText("—")
            self._set_status(self.tr("This home has no signing key yet, so it cannot sign reports. Make one: it "
                                     "is protected by a passphrase that only you know."), "error")
            return
        try:
            cert = self.keyring.device_certificate()
        except KPError as exc:
            self._set_status(exc.message, "error")
            return
        s = certificate_summary(cert)
        self_signed = is_self_signed(cert)
        fields["name"].setText(s["name"])
        fields["device"].setText(s["device_id"])
        fields["issuer"].setText(self.tr("Itself (self-signed)") if self_signed else s["issuer"])
        fields["serial"].setText(s["serial"])
        fields["valid"].setText(self._validity(cert))
        fields["sha256"].setText(_grouped_fingerprint(s["sha256"]))
        if cert.not_valid_after_utc < datetime.now(UTC):
            self._set_status(self.tr("The signing certificate has expired: reports signed now are not valid. Write "
                                     "a certificate request and ask headquarters for a new one."), "error")
        elif self_signed:
            self._set_status(self.tr(
                "Self-signed: reports signed with it are intact, but verifiers will say headquarters does not vouch "
                "for them. Write a certificate request, send it to headquarters, and install the certificate it "
                "sends back."), "warning")
        else:
            self._set_status(self.tr("Issued by {issuer}: anyone holding headquarters' root certificate sees the "
                                     "reports signed here as genuine.").format(issuer=s["issuer"]), "ok")

    def _validity(self, cert: x509.Certificate) -> str:
        return self.tr("{start} to {end}").format(start=cert.not_valid_before_utc.date().isoformat(),
                                                  end=cert.not_valid_after_utc.date().isoformat())

    def _show_root(self, field: bool) -> None:
        from kpmonitor.trust.identity import certificate_summary

        try:
            root = self.keyring.root()
        except KPError as exc:
            root = None
            self.root_note.setText(exc.message)
        fields = self.root_fields[1]
        if root is None:
            if field:
                self.root_note.setText(self.tr("Not installed yet: it comes in the file with the certificate "
                                               "headquarters issues."))
            for label in fields.values():
                label.setText("—")
            return
        s = certificate_summary(root)
        if field:
            self.root_note.setText(self.tr("Reports are checked against it, here and by verifiers."))
        else:
            self.root_note.setText(self.tr("This headquarters' certificate authority: it issues monitors' "
                                           "certificates. Give it (kp-root.pem) to every verifier; issue and "
                                           "revoke with the command line (kpmonitor hq issue, hq revoke, hq "
                                           "publish)."))
            issued = len(self.keyring.issued())
            self._set_status(self.tr("1 monitor certificate issued here.") if issued == 1
                             else self.tr("%n monitor certificates issued here.", "", issued), "ok")
        fields["name"].setText(s["name"])
        fields["serial"].setText(s["serial"])
        fields["valid"].setText(self._validity(root))
        fields["sha256"].setText(_grouped_fingerprint(s["sha256"]))

    def _show_crl(self) -> None:
        try:
            crl = self.keyring.crl()
        except KPError as exc:
            self.crl_text.setText(exc.message)
            return
        if crl is None:
            self.crl_text.setText(self.tr("None installed: revocations are not checked. Headquarters sends its list "
                                          "(kp-crl.pem) with its root certificate."))
            return
        from kpmonitor.trust.identity import crl_expired_problem

        next_update = crl.next_update_utc
        revoked = (self.tr("1 certificate revoked") if len(crl) == 1
                   else self.tr("%n certificates revoked", "", len(crl)))
        text = self.tr("Of {date}: {revoked}.").format(date=crl.last_update_utc.date().isoformat(), revoked=revoked)
        if next_update is not None:
            if crl_expired_problem(crl) is not None:
                text += " " + self.tr("A newer list was due on {date}: ask headquarters for it.").format(
                    date=next_update.date().isoformat())
            else:
                text += " " + self.tr("The next is due by {date}.").format(date=next_update.date().isoformat())
        self.crl_text.setText(text)

    # --- asking (tests replace these) --------------------------------------------------------

    def ask_passphrase(self, prompt: str, *, new: bool = False) -> str | None:
        from kpmonitor.gui.common.dialogs import PassphraseDialog

        self.passphrase_dialog = PassphraseDialog(prompt, self, new=new)
        if self.passphrase_dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return None
        return self.passphrase_dialog.passphrase_text()

    def choose_save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filter_text)
        return Path(chosen) if chosen else None

    def choose_open_path(self, title: str, filter_text: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self, title, "", filter_text)
        return Path(chosen) if chosen else None

    # --- doing ------------------------------------------------------------------------------

    def write_request(self) -> bool:
        """Passphrase, then where: the request is written in the background (the key takes a moment to open)."""
        passphrase = self.ask_passphrase(self.tr("The passphrase of the signing key: the request is signed with "
                                                 "the key, to show headquarters that this device holds it."))
        if not passphrase:
            return False
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.home.name).strip("-") or "monitor"
        out = self.choose_save_path(self.tr("Save the certificate request"), f"kpmonitor-request-{safe}.pem",
                                    self.tr("Certificate requests (*.pem *.csr);;All files (*)"))
        if out is None:
            return False
        keyring, name, device_id = self.keyring, self.home.name, self.home.device_id
        return self._start(lambda _progress: keyring.write_request(out, passphrase, name, device_id),
                           "The certificate request could not be written.", self._on_request_written,
                           self.tr("Opening the key and writing the request…"))

    def _on_request_written(self, out: Path) -> None:
        self._finish()
        log.info("wrote a certificate request to %s", out)
        self.message.show_understood(self.tr("Wrote the certificate request to {path}. Send it to headquarters; "
                                             "install the file it sends back here.").format(path=out))
        self.request_written.emit(out)

    def create_key(self) -> bool:
        passphrase = self.ask_passphrase(self.tr(
            "Choose the passphrase that protects the signing key. It is asked each time you sign; nobody can "
            "recover it if it is forgotten."), new=True)
        if not passphrase:
            return False
        keyring, name, device_id = self.keyring, self.home.name, self.home.device_id
        return self._start(lambda _progress: keyring.create_field_identity(name, device_id, passphrase),
                           "The signing key could not be made.", self._on_key_created,
                           self.tr("Making the signing key…"))

    def _on_key_created(self, _cert: object) -> None:
        self._finish()
        log.info("made a signing key")
        self.refresh()
        self.message.show_understood(self.tr("Made the signing key, with a self-signed certificate. Reports can "
                                             "be signed now."))
        self.key_created.emit()

    def _read_chosen(self, title: str, filter_text: str) -> bytes | None:
        path = self.choose_open_path(title, filter_text)
        if path is None:
            return None
        try:
            if path.stat().st_size > MAX_FILE:
                self._fail(self.tr("{name} is far too large to be a certificate file.").format(name=path.name))
                return None
            return path.read_bytes()
        except OSError as exc:
            self._fail(self.tr("{name} cannot be read ({why}).").format(name=path.name, why=exc.strerror or exc))
            return None

    def install_certificate(self) -> bool:
        from kpmonitor.trust.identity import certificate_summary

        data = self._read_chosen(self.tr("Install the certificate from headquarters"),
                                 self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if data is None:
            return False
        if b"X509 CRL" in data:  # the other file headquarters sends: install it for what it is
            return self._install_crl_data(data)
        try:
            cert = self.keyring.install(data)
        except KPError as exc:
            self._fail(exc.message)
            return False
        s = certificate_summary(cert)
        log.info("installed certificate %s issued by %s", s["serial"], s["issuer"])
        self.refresh()
        self.message.show_understood(self.tr("Installed the certificate {serial} issued by {issuer}, valid until "
                                             "{end}. Reports are signed with it from now on.").format(
                                                 serial=s["serial"], issuer=s["issuer"], end=s["not_after"][:10]))
        self.certificate_installed.emit()
        return True

    def install_crl(self) -> bool:
        data = self._read_chosen(self.tr("Install headquarters' revocation list"),
                                 self.tr("Revocation lists (*.pem *.crl);;All files (*)"))
        return data is not None and self._install_crl_data(data)

    def _install_crl_data(self, data: bytes) -> bool:
        try:
            crl = self.keyring.install_crl(data)
        except KPError as exc:
            self._fail(exc.message)
            return False
        log.info("installed a revocation list of %s", crl.last_update_utc.isoformat())
        self.refresh()
        self.message.show_understood(self.tr("Installed headquarters' revocation list of {date}.").format(
            date=crl.last_update_utc.date().isoformat()))
        self.crl_installed.emit()
        return True

    # --- the background ---------------------------------------------------------------------

    def _start(self, work: Callable[[Progress], T], failure: str, finished: Callable[[T], object], what: str) -> bool:
        """Run the key's work on the pool (only the keys folder and the chosen file: no database)."""
        if self.worker is not None:
            return False
        self.worker = run_task(work, failure, finished=finished, failed=self._on_worker_failed)
        self.message.show_understood(what)
        self.progress.show()
        self._update_busy()
        return True

    def _finish(self) -> None:
        self.worker = None
        self.progress.hide()
        self._update_busy()

    def _on_worker_failed(self, sentence: str) -> None:
        self._finish()
        self._fail(sentence)

    def _fail(self, sentence: str) -> None:
        self.message.show_error(sentence)
        self.action_failed.emit(sentence)

    def _update_busy(self) -> None:
        busy = self.worker is not None
        has_key = self.keyring.has_signing_key()
        self.create_key_button.setEnabled(not busy)
        self.request_button.setEnabled(not busy and has_key)
        self.install_button.setEnabled(not busy and has_key)
        self.install_crl_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            event.ignore()
            return
        super().closeEvent(event)
