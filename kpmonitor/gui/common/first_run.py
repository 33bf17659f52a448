"""The first-run dialog: a home is made for a monitor (field) or for headquarters (hq), with its key.

A field home gets its signing key (self-signed until headquarters issues a
certificate), headquarters its certificate authority; either is protected by
the passphrase chosen here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label

if TYPE_CHECKING:
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import HomeInfo


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
        self.error = FeedbackLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.field_role)
        form.addRow("", self.hq_role)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Repeat it"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create"))
        buttons.accepted.connect(self.create_home)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(key_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()
        self.resize(480, 340)

    def role(self) -> str:
        return "hq" if self.hq_role.isChecked() else "field"

    def create_home(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from kpmonitor.workspace import init_home

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
        try:
            self.info = init_home(self.paths, self.role(), self.name.text(), self.passphrase.text())
        except KPError as exc:
            self.error.show_error(exc.message)
            return
        finally:
            busy.close()
        self.accept()
