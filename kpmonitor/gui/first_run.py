"""The first-run dialog: a home is made for a monitor (field) or for headquarters (hq)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.labels import FeedbackLabel, plain_label

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
        self.error = FeedbackLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.field_role)
        form.addRow("", self.hq_role)
        form.addRow(self.tr("&Name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create"))
        buttons.accepted.connect(self.create_home)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()
        self.resize(460, 260)

    def role(self) -> str:
        return "hq" if self.hq_role.isChecked() else "field"

    def create_home(self) -> None:
        from kpmonitor.workspace import init_home

        try:
            self.info = init_home(self.paths, self.role(), self.name.text())
        except KPError as exc:
            self.error.show_error(exc.message)
            return
        self.accept()
