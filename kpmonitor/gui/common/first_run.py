"""The first-run dialog: a home is made for a monitor (field) or for headquarters (hq), with its key.

A field home gets its signing key (self-signed until headquarters issues a
certificate), headquarters its certificate authority; either is protected by
the passphrase chosen here. Once it is made, the dialog says what to do next
(``next_steps``: enrol with headquarters, start an inspection), in the words
the empty list of inspections says them again.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressDialog,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common.dialogs import accept_on_ctrl_enter, fit_to_screen
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label

if TYPE_CHECKING:
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import HomeInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstRunDialog", text)


def is_enrolled(paths: Paths) -> bool:
    """Whether headquarters issued this home's signing certificate (until then it is self-signed)."""
    from kpmonitor.trust.identity import is_self_signed
    from kpmonitor.trust.keys import Keyring

    keyring = Keyring(paths)
    try:
        return keyring.has_signing_key() and not is_self_signed(keyring.device_certificate())
    except KPError:
        return False  # a certificate that cannot be read is no enrolment; the certificates dialog says why


def next_steps(role: str, *, enrolled: bool) -> list[str]:
    """What a new home's user does next, one step a sentence: the first-run dialog and the empty list say them."""
    if role == "hq":
        return [
            _tr("Issue each monitor's certificate from the request they send you (Monitors → Issue certificate "
                "from request…), and send it back to them."),
            _tr("Publish the trust list and revocation list (Monitors → Publish…) for the monitors' laptops and "
                "for verifiers."),
            _tr("Import the report bundles monitors bring you: drop a USB stick's folder on the Inbox."),
        ]
    new = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
    steps = [] if enrolled else [
        _tr("Enrol with headquarters, so that your reports verify as genuine: Tools → Signing certificate… → Write "
            "certificate request…, send the file to headquarters, then install the certificate it sends back "
            "(Install certificate from headquarters…)."),
    ]
    steps.append(_tr("Start an inspection: New inspection ({keys}), then type the KP certificate's number. Every "
                     "change is saved as you make it.").format(keys=new))
    return steps


def numbered(steps: list[str]) -> str:
    return "\n\n".join(f"{i}. {step}" for i, step in enumerate(steps, 1))


class FirstRunDialog(QDialog):
    """Asks for the role and the name, then creates the home (``init_home``)."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.info: HomeInfo | None = None
        self.setWindowTitle(self.tr("Welcome to kpmonitor"))
        intro = plain_label(self.tr("kpmonitor keeps its inspections, photos and keys in one folder on this "
                                    "computer. Say who will use it to create that folder."), self, wrap=True)
        where = plain_label(str(paths.data), self, wrap=True)
        where.setEnabled(False)
        self.field_role = QRadioButton(self.tr("A KP &monitor in the field"), self)
        self.hq_role = QRadioButton(self.tr("&Headquarters (receives monitors' reports)"), self)
        self.field_role.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.field_role)
        group.addButton(self.hq_role)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Jane Moyo"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        key_note = plain_label(self.tr("The passphrase protects the key that signs reports (or, at headquarters, "
                                       "issues monitors' certificates). It is asked each time; nobody can recover "
                                       "it if it is forgotten."), self, wrap=True)
        key_note.setEnabled(False)
        # Headquarters shared by several analysts: a PostgreSQL server (``hq.shared``); empty, this computer's file.
        self.database = QLineEdit(os.environ.get("KPMONITOR_DATABASE", ""), self)
        self.database.setPlaceholderText(self.tr("empty: on this computer; else postgresql://USER@HOST/DATABASE"))
        self.database.setToolTip(self.tr("A database that already holds headquarters is joined: this home then "
                                         "holds no key, and needs no passphrase."))
        self.field_role.toggled.connect(lambda field: self.database.setEnabled(not field))
        self.database.setEnabled(False)
        self.error = FeedbackLabel(self)
        self.next_label = plain_label("", self, wrap=True)  # once the home is made: what next
        self.next_label.setObjectName("first_run_next")
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.field_role)
        form.addRow("", self.hq_role)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Repeat it"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create_home)
        buttons.rejected.connect(self.reject)
        asking = QWidget(self)
        page = QVBoxLayout(asking)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(intro)
        page.addWidget(where)
        page.addLayout(form)
        page.addWidget(key_note)
        page.addWidget(self.error)
        page.addStretch(1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(asking)
        self.pages.addWidget(self.next_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        accept_on_ctrl_enter(self, self.ok_button)
        self.name.setFocus()
        fit_to_screen(self, 520, 380)

    def role(self) -> str:
        return "hq" if self.hq_role.isChecked() else "field"

    def create_home(self) -> None:
        """Make the home from what was typed; once it is made, say what to do next (OK then closes the dialog)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from kpmonitor.workspace import init_home

        if self.info is not None:
            self.accept()
            return
        if not self.name.text().strip():
            self.error.show_error(self.tr("Give the monitor's name (field) or the office's name (hq)."))
            return
        if self.passphrase.text() != self.repeat.text():
            self.error.show_error(self.tr("The two passphrases differ; type the same one twice."))
            return
        # Making the key takes a moment (a memory-hard key derivation): say so, then do it here, once.
        busy = QProgressDialog(self.tr("Making the key…"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        QApplication.processEvents()
        joined: tuple[bool, str] | None = None
        try:
            url = self.database.text().strip() if self.role() == "hq" else ""
            if url:
                from kpmonitor.hq.shared import init_on_database

                made = init_on_database(self.paths, self.name.text(), url, self.passphrase.text)
                self.info, joined = made.info, (made.joined, made.root_fingerprint)
            else:
                self.info = init_home(self.paths, self.role(), self.name.text(), self.passphrase.text())
        except KPError as exc:
            self.error.show_error(exc.message)
            return
        finally:
            busy.close()
        self.show_next_steps(self.info, joined)

    def show_next_steps(self, info: HomeInfo, joined: tuple[bool, str] | None = None) -> None:
        who = (self.tr("Headquarters' home for {name} is ready.") if info.role == "hq"
               else self.tr("Your home is ready, {name}.")).format(name=info.name)
        if joined is not None and joined[0]:
            who = self.tr("{name} joined headquarters on its database. This home trusts the root certificate found "
                          "there, SHA-256 {fingerprint}: compare it with the issuing home's (kpmonitor keys show, "
                          "there) before relying on it. It holds no key: it imports, lists and annotates; issuing "
                          "and revoking stay with the issuing home.").format(name=info.name, fingerprint=joined[1])
        self.next_label.setText(who + "\n\n" + self.tr("What to do next:") + "\n\n"
                          + numbered(next_steps(info.role, enrolled=False)))
        self.pages.setCurrentWidget(self.next_label)
        self.ok_button.setText(self.tr("Start"))
        self.ok_button.setFocus()
        self.cancel_button.hide()

    def reject(self) -> None:
        # Once the home is made there is nothing to cancel: closing the dialog starts the application on it.
        if self.info is not None:
            self.accept()
            return
        super().reject()
