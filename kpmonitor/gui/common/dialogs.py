"""Small dialogs: a confirmation, an error sentence, the note that acknowledges a warning, a passphrase, a
text that must be given (an amendment's reason, a note on an anomaly), about kpmonitor.

Every one shows its text as plain text: sentences often quote what a monitor
typed or a file held, and that must never be read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.fields import tr
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label

if TYPE_CHECKING:
    from pathlib import Path

    from kpmonitor.rules.problems import Problem


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    ok = box.addButton(yes or tr("confirm", "OK"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget | None, title: str, sentence: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_info(parent: QWidget | None, title: str, sentence: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, sentence, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def about_text(data: Path) -> str:
    from kpmonitor import __version__

    return tr("about", "kpmonitor {version}\nKimberley Process shipment inspections, with every change saved "
                       "as it is made.\n\nData: {home}").format(version=__version__, home=data)


def show_about(parent: QWidget, data: Path) -> QMessageBox:
    """The version and where the home's data is: what a support call asks first."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("about", "About kpmonitor"), about_text(data),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box


class AcknowledgeDialog(QDialog):
    """Accept a warning, saying why: the note goes into the report."""

    def __init__(self, warning: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge warning"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(warning, self, wrap=True))
        prompt = QLabel(self.tr("Why is it acceptable? The note goes into the report."), self)
        layout.addWidget(prompt)
        self.note = QPlainTextEdit(self)
        self.note.setPlainText(note)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        prompt.setBuddy(self.note)
        layout.addWidget(self.note)
        self.error = FeedbackLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class TextDialog(QDialog):
    """A question that needs a written answer (why an amendment is made, a note on an anomaly): OK waits for it."""

    def __init__(self, title: str, sentence: str, prompt: str, *, yes: str | None = None, text: str = "",
                 check: str | None = None, checked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(sentence, self, wrap=True))
        label = plain_label(prompt, self, wrap=True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(text)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        label.setBuddy(self.text)
        layout.addWidget(self.text)
        self.check = QCheckBox(check, self) if check else None
        if self.check is not None:
            self.check.setChecked(checked)
            layout.addWidget(self.check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(yes or tr("confirm", "OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        self.resize(480, 260)

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.text_value()))

    def text_value(self) -> str:
        return self.text.toPlainText().strip()

    def checked(self) -> bool:
        return self.check is not None and self.check.isChecked()


def ask_text(parent: QWidget | None, title: str, sentence: str, prompt: str, *, yes: str | None = None,
             text: str = "", check: str | None = None, checked: bool = False) -> tuple[str, bool] | None:
    """Ask for a text that must be given (and a box ticked or not): ``(text, ticked)``, or None when cancelled."""
    dialog = TextDialog(title, sentence, prompt, yes=yes, text=text, check=check, checked=checked, parent=parent)
    if dialog.exec() != TextDialog.DialogCode.Accepted:
        return None
    return dialog.text_value(), dialog.checked()


class PassphraseDialog(QDialog):
    """Asks for the passphrase of a key (echo off); ``new`` asks twice and checks the length.

    The passphrase is only read from ``passphrase_text()`` and never stored.
    """

    def __init__(self, prompt: str, parent: QWidget | None = None, *, new: bool = False,
                 minimum: int = 8) -> None:
        super().__init__(parent)
        self.new = new
        self.minimum = minimum
        self.setWindowTitle(self.tr("New passphrase") if new else self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(prompt, self, wrap=True))
        form = QFormLayout()
        self.passphrase = self._secret()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        self.repeat = self._secret()
        if new:
            form.addRow(self.tr("&Repeat it"), self.repeat)
        else:
            self.repeat.hide()
        layout.addLayout(form)
        self.error = FeedbackLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()
        self.resize(440, 200 if new else 160)

    def _secret(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhSensitiveData)
        return edit

    def problem(self) -> str | None:
        text = self.passphrase.text()
        if not text:
            return self.tr("Type the passphrase.")
        if self.new and len(text) < self.minimum:
            return self.tr("Choose a passphrase of at least {count} characters: it protects the signing "
                           "key.").format(count=self.minimum)
        if self.new and text != self.repeat.text():
            return self.tr("The two passphrases differ; type the same one twice.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.show_error(problem)
            return
        super().accept()

    def passphrase_text(self) -> str:
        return self.passphrase.text()


def ask_acknowledgement(parent: QWidget, problem: Problem, note: str) -> tuple[AcknowledgeDialog, str | None]:
    """Ask why a warning is acceptable; the dialog (kept by the caller, for tests) and the note, or None."""
    dialog = AcknowledgeDialog(problem.message, note, parent)
    if dialog.exec() != AcknowledgeDialog.DialogCode.Accepted:
        return dialog, None
    return dialog, dialog.note_text()
