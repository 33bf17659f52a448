"""Input fields that accept what people type and say what they understood.

Each field parses with the core's own parser (``quantities.parse_carats``,
``domain.parse_date``…), so a typed value means the same in the GUI, the CLI
and a JSON file. A value is committed (``committed`` signal) when the field
loses focus, when Enter is pressed, or after a short pause in typing, so an
edit reaches the disk while the monitor is still standing at the scale; a
value that cannot be understood is not committed and the core's sentence is
shown beside the field instead. Every change of the text before that is said
too (``typed``), for the session's journal of what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from kpmonitor.domain.moments import zone_name
from kpmonitor.errors import ParseError
from kpmonitor.gui.common.labels import FeedbackLabel, safe_tooltip

# A pause this long in typing commits the text (an audited change, validated): short enough that the
# record and its problems follow the typing, long enough not to make a change of every keystroke. What is
# typed before the pause is journaled on each keystroke (``typed``), so a crash loses at most that keystroke.
TYPING_PAUSE_MS = 400


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class TextField(QWidget):
    """A line edit bound to one value, with a parser and a description of what was understood.

    :param parse: text → value; raises ``ParseError`` with the sentence to show.
        Empty text always means "no value" (``empty``).
    :param to_text: value → the text to put in the box.
    :param understood: value → what to show beside the box ("= 1,234.56 ct"),
        or None for plain text fields.
    """

    committed = Signal(object)   # the parsed value, after the text was accepted
    refused = Signal(str)        # the sentence, when the text was not understood
    typed = Signal(str)          # the text, at each change the monitor makes (not yet committed)

    def __init__(self, parse: Callable[[str], Any] = str.strip, *, to_text: Callable[[Any], str] = str,
                 understood: Callable[[Any], str] | None = None, empty: Any = "", placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse = parse
        self._to_text = to_text
        self._understood = understood
        self._empty = empty
        self._committed_text = ""
        self._committed_value: Any = empty
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(False)
        self.feedback = FeedbackLabel(self)
        self.feedback.setVisible(understood is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._extra_layout = layout
        self._extras: list[QWidget] = []
        layout.addWidget(self.feedback, 1)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.editingFinished.connect(self.commit)
        self.edit.returnPressed.connect(self._on_return_pressed)

    def set_edit_width(self, width: int) -> None:
        self.edit.setFixedWidth(width)
        self._extra_layout.addStretch(0)  # keeps the box on the left when there is no feedback beside it

    def insert_widget(self, widget: QWidget) -> None:
        """Put a button between the box and the feedback (a calendar, "Now")."""
        self._extra_layout.insertWidget(1, widget)
        self._extras.append(widget)

    def is_editing(self) -> bool:
        """Whether the monitor is typing here, so a reload must not overwrite the box."""
        return self.edit.hasFocus() or self._timer.isActive() or self.feedback.is_error

    def holds_typing(self) -> bool:
        """Whether the box holds typing that is not stored yet (not understood, or not saved)."""
        return self.edit.text() != self._committed_text or self.feedback.is_error

    def show_stored(self, value: Any) -> None:
        """Show a stored value, never over typing not stored yet.

        The box the cursor is in keeps its own writing of the value it stored ("1234.5" for 1,234.50 ct), and
        with it Qt's undo of its typing; a value that differs from it (the editor's undo) replaces it.
        """
        if self.holds_typing() or (self.edit.hasFocus() and value == self._committed_value):
            return
        self.set_value(value)

    def text_for(self, value: Any) -> str:
        """How the box writes a value."""
        return "" if value is None or value == self._empty else self._to_text(value)

    def set_value(self, value: Any) -> None:
        text = self.text_for(value)
        self._committed_text = text
        self._committed_value = value
        if self.edit.text() != text:
            self.edit.setText(text)
        self._show_understood(value)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        for widget in self._extras:  # a calendar or "Now" would change the value
            widget.setEnabled(not read_only)

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> Any:
        """The parsed value of the text; raises ``ParseError``."""
        text = self.edit.text()
        return self._empty if not text.strip() else self._parse(text)

    def commit(self) -> None:
        """Parse the text now and emit ``committed`` if it is new and understood."""
        self._timer.stop()
        text = self.edit.text()
        if text == self._committed_text and not self.feedback.is_error:
            return
        try:
            value = self.value()
        except ParseError as exc:
            self.feedback.setVisible(True)
            self.feedback.show_error(exc.message)
            self.refused.emit(exc.message)
            return
        self._committed_text = text
        self._committed_value = value
        self._forget_typing()
        self._show_understood(value)
        self.committed.emit(value)

    def _forget_typing(self) -> None:
        """End Qt's undo of the box at the text being saved: past it, Ctrl+Z is the editor's (``editor.undo_keys``)."""
        edit = self.edit
        if not (edit.isUndoAvailable() or edit.isRedoAvailable()):
            return
        cursor, start, length = edit.cursorPosition(), edit.selectionStart(), edit.selectionLength()
        edit.setText(edit.text())  # the one way to empty a line edit's undo; the cursor is put back
        if start < 0:
            edit.setCursorPosition(cursor)
        elif cursor == start:  # selected leftwards
            edit.setSelection(start + length, -length)
        else:
            edit.setSelection(start, length)

    def _show_understood(self, value: Any) -> None:
        if self._understood is None:
            self.feedback.setVisible(False)
            self.feedback.show_understood("")
            return
        self.feedback.setVisible(True)
        self.feedback.show_understood("" if value is None or value == self._empty else self._understood(value))

    def _on_text_edited(self, text: str) -> None:
        self._timer.start()
        self.typed.emit(text)

    def recover(self, text: str) -> None:
        """Put back text an interruption left unsaved, and commit it as if typed (``typed``, then ``commit``)."""
        self.edit.setText(text)
        self.typed.emit(text)
        self.commit()

    def _on_return_pressed(self) -> None:
        # Enter accepts the field and moves on, as on a paper form filled in a hurry.
        self.commit()
        if not self.feedback.is_error:
            self.edit.focusNextChild()


class DateField(TextField):
    """A date typed as YYYY-MM-DD, or picked from a calendar."""

    def __init__(self, parse: Callable[[str], date], parent: QWidget | None = None) -> None:
        super().__init__(parse, to_text=lambda d: d.isoformat(), understood=_long_date, empty=None,
                         placeholder=tr("DateField", "YYYY-MM-DD"), parent=parent)
        self.set_edit_width(110)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(tr("DateField", "Pick the date from a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.insert_widget(self.calendar_button)
        self.calendar: QCalendarWidget | None = None

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        try:
            current = self.value()
        except ParseError:
            current = None
        start = current or date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.clicked.connect(self._on_calendar_picked)
        calendar.activated.connect(self._on_calendar_picked)
        calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _on_calendar_picked(self, picked: QDate) -> None:
        self.edit.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
        self.commit()
        self.edit.setFocus()


def _long_date(d: date) -> str:
    from PySide6.QtCore import QLocale

    return "= " + QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)


def describe_moment(text: str) -> str:
    """``2026-11-21T09:30:00+02:00`` → ``= 21 November 2026, 09:30 (UTC+02:00)`` for the feedback label.

    The day is long and localized; the zone is named by the one rule (``domain.moments.zone_name``).
    """
    from PySide6.QtCore import QLocale

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return ""
    day = QLocale().toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.LongFormat)
    return f"= {day}, {moment:%H:%M} ({zone_name(moment)})"


def local_now() -> str:
    """Now, in local time with its UTC offset, to the minute: what a monitor writes on a form."""
    return datetime.now().astimezone().replace(second=0, microsecond=0).isoformat()


class CodeField(QWidget):
    """A country or participant picker with type-ahead: "zw", "Zimb" or "Zimbabwe" all mean ZW.

    :param items: ``(code, name)`` pairs, offered in the list.
    :param parse: what to do with text that matches no item (the core's
        ``parse_code``, which accepts any two-letter code and says why
        anything else is refused).
    """

    committed = Signal(object)
    refused = Signal(str)
    typed = Signal(str)  # the text, at each change the monitor makes (not yet committed)

    def __init__(self, items: Sequence[tuple[str, str]], parse: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._parse = parse
        self._committed = ""
        self._shown = ""  # the text set_value put in the box: anything else in it is typing
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(15)
        for code, name in self._items:
            self.combo.addItem(f"{code} — {name}", code)
        self.combo.setCurrentIndex(-1)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        self.combo.setMinimumContentsLength(22)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.feedback = FeedbackLabel(self)
        self.feedback.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.feedback, 1)
        self.setFocusProxy(self.combo)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(tr("CodeField", "type a code or a name"))
        line.editingFinished.connect(self.commit)
        line.returnPressed.connect(self._on_return_pressed)
        line.textEdited.connect(self.typed)
        self.combo.activated.connect(self._on_activated)

    def is_editing(self) -> bool:
        return self.combo.hasFocus() or self.feedback.is_error

    def holds_typing(self) -> bool:
        """Whether the box holds typing that is not stored yet."""
        return self.combo.currentText() != self._shown or self.feedback.is_error

    def show_stored(self, code: str) -> None:
        """Show a stored code, never over typing not stored yet; the box the cursor is in keeps the code it stored."""
        if self.holds_typing() or (self.combo.hasFocus() and code == self._committed):
            return
        self.set_value(code)

    def text_for(self, code: str) -> str:
        index = self.combo.findData(code)
        return self.combo.itemText(index) if index >= 0 else code

    def set_value(self, code: str) -> None:
        self._committed = code
        index = self.combo.findData(code)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText(code)
        self._shown = self.combo.currentText()
        self.feedback.setVisible(False)
        self.feedback.show_understood("")

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)

    def text(self) -> str:
        return self.combo.currentText()

    def recover(self, text: str) -> None:
        """Put back text an interruption left unsaved, and commit it as if typed."""
        self.combo.setEditText(text)
        self.typed.emit(text)
        self.commit()

    def value(self) -> str:
        """The code for what is typed; raises ``ParseError``."""
        text = self.combo.currentText().strip()
        if not text:
            return ""
        folded = text.casefold()
        for code, name in self._items:
            if folded in (code.casefold(), name.casefold(), f"{code} — {name}".casefold()):
                return code
        starting = [code for code, name in self._items if name.casefold().startswith(folded)]
        if len(starting) == 1 and len(text) > 2:
            return starting[0]
        return self._parse(text)

    def commit(self) -> None:
        try:
            code = self.value()
        except ParseError as exc:
            self.feedback.setVisible(True)
            self.feedback.show_error(exc.message)
            self.refused.emit(exc.message)
            return
        changed = code != self._committed
        self.set_value(code)
        if changed:
            self.committed.emit(code)

    def _on_activated(self, _index: int) -> None:
        self.commit()

    def _on_return_pressed(self) -> None:
        self.commit()
        if not self.feedback.is_error:
            self.combo.focusNextChild()


class HsCodesField(QWidget):
    """The certificate's HS codes: one box per rough-diamond code of the reference table.

    A code outside the scheme that came in from a file is shown too, checked,
    so the monitor sees it (the validation panel says why it is refused) and
    can clear it.
    """

    committed = Signal(object)  # list[str]

    def __init__(self, codes: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._boxes: dict[str, QCheckBox] = {}
        for code, description in codes:
            self._add_box(code, description)
        self._layout.addStretch(1)

    def _add_box(self, code: str, description: str) -> QCheckBox:
        box = QCheckBox(code, self)
        box.setToolTip(safe_tooltip(description) or "")  # the reference table is a file
        box.toggled.connect(self._on_toggled)
        self._layout.insertWidget(len(self._boxes), box)
        self._boxes[code] = box
        return box

    def boxes(self) -> dict[str, QCheckBox]:
        return dict(self._boxes)

    def is_editing(self) -> bool:
        return False

    def show_stored(self, codes: list[str]) -> None:
        self.set_value(codes)

    def text_for(self, codes: list[str]) -> str:
        return ", ".join(codes)

    def set_value(self, codes: list[str]) -> None:
        for code in codes:
            if code not in self._boxes:
                self._add_box(code, tr("HsCodesField", "Not a rough-diamond code of the reference table"))
        for code, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(code in codes)
            box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        for box in self._boxes.values():
            box.setEnabled(not read_only)

    def value(self) -> list[str]:
        return [code for code, box in self._boxes.items() if box.isChecked()]

    def _on_toggled(self, _checked: bool) -> None:
        self.committed.emit(self.value())


def bold(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setBold(True)
    widget.setFont(font)
