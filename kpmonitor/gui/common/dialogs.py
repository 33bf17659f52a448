"""Small dialogs: a confirmation, an error sentence, the note that acknowledges a warning, a passphrase, a
text that must be given (an amendment's reason, a note on an anomaly), about kpmonitor.

Every one shows its text as plain text: sentences often quote what a monitor
typed or a file held, and that must never be read as markup. Every dialog of
kpmonitor is answered with Ctrl+Enter (``accept_on_ctrl_enter``) and fits the
screen it opens on (``fit_to_screen``): a field laptop may have 1024 × 600.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
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


# What a window manager takes from a screen for a window's title bar and frame, and a panel or task bar.
FRAME = (16, 64)


def accept_on_ctrl_enter(dialog: QWidget, button: QAbstractButton | Callable[[], QAbstractButton | None]) -> None:
    """Ctrl+Enter (Return, or the keypad's Enter) presses the dialog's answer, wherever the cursor is.

    Enter alone belongs to what has the focus (a new line in a note, the next field), so the one key that
    says "done" in every dialog is Ctrl+Enter, as in mail and chat programs. It presses ``button`` (or the one
    ``button()`` names now, for a dialog whose answer changes), so it does exactly what a click does: nothing
    while the button is disabled or hidden.
    """
    def press() -> None:
        target = button if isinstance(button, QAbstractButton) else button()
        if target is not None and target.isEnabled() and target.isVisible():
            target.click()

    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(press)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a window to ``width`` × ``height``, or to what its screen leaves room for, if less.

    A window larger than its screen has its buttons below the screen's edge, where a monitor cannot reach
    them; its layout shrinks it to its minimum at most (each dialog keeps that within 1024 × 600).
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME[0])
        height = min(height, room.height() - FRAME[1])
    minimum = window.minimumSizeHint()
    window.resize(max(width, minimum.width()), max(height, minimum.height()))


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
    """Accept a warning, saying why: the note goes into the report.

    With ``submit`` (the note → None once it is stored, else the refusal's sentence), OK stores the note from
    here: a refusal is said in the dialog, which stays open with what was typed, to be put right.
    """

    def __init__(self, warning: str, note: str = "", parent: QWidget | None = None, *,
                 submit: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
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
        accept_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Ok))
        fit_to_screen(self, 480, 240)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def accept(self) -> None:
        if self.submit is not None:
            refusal = self.submit(self.note_text())
            if refusal is not None:
                self.error.show_error(refusal)
                self.note.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().accept()


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
        accept_on_ctrl_enter(self, self.ok)
        fit_to_screen(self, 480, 260)

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
        accept_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.passphrase.setFocus()
        fit_to_screen(self, 440, 200 if new else 160)

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


def ask_acknowledgement(parent: QWidget, problem: Problem, note: str,
                        submit: Callable[[str], str | None] | None = None) -> tuple[AcknowledgeDialog, str | None]:
    """Ask why a warning is acceptable; the dialog (kept by the caller, for tests) and the note, or None.

    :param submit: stores the note from the dialog (``AcknowledgeDialog``), so a refusal is said in it.
    """
    dialog = AcknowledgeDialog(problem.message, note, parent, submit=submit)
    if dialog.exec() != AcknowledgeDialog.DialogCode.Accepted:
        return dialog, None
    return dialog, dialog.note_text()
