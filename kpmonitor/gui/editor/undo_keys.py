"""Ctrl+Z and Ctrl+Shift+Z in the editor: a text box's own typing, or the editor's last saved change.

Where one ends and the other begins, so that a monitor's Ctrl+Z never surprises:

- Typing not saved yet is undone in its box, keystroke by keystroke, as in any text box (Qt's own
  undo): a certificate field, a finding's text or a photo's caption while its text is not stored, and a
  cell while it is being typed in (a cell is stored when it is left).
- Once a box's text is saved (a pause in typing, Enter, leaving it), Ctrl+Z is the editor's: it undoes
  the last saved change as a whole, that box's value or whatever was changed last, through the store, and
  the status line says what ("Undone: parcel 2's weighed carats (612.00 → 600.25)"). A box whose value is
  undone shows the stored value, and Qt's undo of its old typing goes with it.
- A box that is not part of the record (the seal entry's number, "applied by", witness, manufacturer, an
  event's note) keeps Ctrl+Z while it holds text whose typing Qt can undo. Empty, as the number box is
  after each scan, it gives Ctrl+Z to the editor: scan, Ctrl+Z, and the seal just scanned is gone.
- Redo (Ctrl+Shift+Z) stays in a box while Qt has typing of it to redo; otherwise it is the editor's.
- Anywhere else in the editor (a table, a button, a tick box) Ctrl+Z is the editor's, as Edit > Undo is.

A box would take Ctrl+Z for itself even with nothing to undo (Qt's line edits claim the key before any
shortcut); ``UndoKeys`` watches the editor's boxes and takes the key from them when it is the editor's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

TextBox = QLineEdit | QPlainTextEdit


def text_box(widget: QWidget) -> TextBox | None:
    """The text box a widget is (an editable drop-down: its line), or None."""
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    return widget if isinstance(widget, QLineEdit | QPlainTextEdit) else None


def box_keeps(widget: QWidget, *, undoing: bool, typing: Callable[[], bool] | None) -> bool:
    """Whether Ctrl+Z (``undoing``) or Ctrl+Shift+Z in ``widget`` is the box's own, rather than the editor's.

    :param typing: for a box of the record, whether it holds typing not stored yet; None for any other box.
    """
    box = text_box(widget)
    if box is None or box.isReadOnly():
        return False
    if isinstance(box, QLineEdit):
        available = box.isUndoAvailable() if undoing else box.isRedoAvailable()
        text = box.text()
    else:
        document = box.document()
        available = document.isUndoAvailable() if undoing else document.isRedoAvailable()
        text = box.toPlainText()
    if not available or not undoing:
        return available
    return typing() if typing is not None else bool(text)


def box_step(widget: QWidget, *, undoing: bool) -> None:
    """Qt's own undo (or redo) of the typing in a box."""
    box = text_box(widget)
    if box is not None and undoing:
        box.undo()
    elif box is not None:
        box.redo()


class UndoKeys(QObject):
    """Takes Ctrl+Z and Ctrl+Shift+Z from the editor's text boxes when they are the editor's (``keeps`` says no).

    :param keeps: ``(box, undoing)`` → whether the key is the box's own.
    :param step: ``(undoing)`` → the editor's undo or redo.
    """

    def __init__(self, parent: QObject, keeps: Callable[[QWidget, bool], bool], step: Callable[[bool], None]) -> None:
        super().__init__(parent)
        self._keeps = keeps
        self._step = step

    def watch(self, root: QWidget) -> None:
        """Watch every text box under ``root`` (a drop-down's line is its drop-down's)."""
        for widget in root.findChildren(QWidget):
            if text_box(widget) is not None and not isinstance(widget.parent(), QComboBox):
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent)
                or not isinstance(watched, QWidget)):
            return False
        undoing = event.matches(QKeySequence.StandardKey.Undo)
        if not (undoing or event.matches(QKeySequence.StandardKey.Redo)) or self._keeps(watched, undoing):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key then comes to the box as a key press, taken below: no window shortcut runs too
        else:
            self._step(undoing)
        return True
