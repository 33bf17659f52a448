"""A barcode scanner's burst of keys, told apart from a person typing.

A USB (keyboard-wedge) scanner is a keyboard: it types the seal number a few
milliseconds a character and presses Enter, into whatever has the focus. A
scan made while the cursor sits in "Applied by" would land in that field and
record nothing. ``ScanCatcher`` watches every widget of a section: a run of at
least ``SCAN_MIN_CHARS`` characters, each within ``SCAN_GAP_MS`` of the one
before, then Enter as quickly, is a scan. The widget the run fell into is put
back as it was (its text, cursor and selection, its choice; a cell editor the
run opened is closed without storing) and the number is handed on.

Why these numbers: a wedge scanner sends a character every 1–10 ms (a USB
report for each press and release; Bluetooth ones up to about 20 ms). People
type 100–250 ms a key; a fast typist's rolled pair of keys can come within
30–50 ms, but not four in a row followed by Enter. 30 ms sits between the two
with room on both sides, and four characters is shorter than any seal number
while longer than any chance run of a typist. A key the window system repeats
while it is held down is never part of a scan.

The time of a key is the one the window system stamped on it when it was
pressed, so a GUI thread that was busy and hands over queued keystrokes all at
once does not make typing look like a scan; a key without a stamp (a synthetic
one, as in tests) is timed as it arrives.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QChildEvent, QEvent, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget

from kpmonitor.gui.editor.rows import RowsTableView

SCAN_GAP_MS = 30     # the longest pause between two keys of a scan, Enter included
SCAN_MIN_CHARS = 4   # the fewest characters a scan carries before its Enter

_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                            Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock})
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
# Ctrl+Alt together is AltGr on some systems: it types characters (@, €…) as a scanner may.
_ALT_GR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _quick(gap_ms: float) -> bool:
    return 0 <= gap_ms < SCAN_GAP_MS


class KeyRun:
    """The characters typed in a row with no pause a person would make; where scans are decided."""

    def __init__(self) -> None:
        self.text = ""
        self._last_ms: float | None = None

    def character(self, char: str, at_ms: float) -> bool:
        """Add a typed character; True when it begins a new run (after a pause, or after another key)."""
        begins = self._last_ms is None or not _quick(at_ms - self._last_ms)
        if begins:
            self.text = ""
        self.text += char
        self._last_ms = at_ms
        return begins

    def enter(self, at_ms: float) -> str | None:
        """Enter was pressed: the scanned text if the run before it was a scan, else None. The run ends."""
        scanned = (self.text if self._last_ms is not None and _quick(at_ms - self._last_ms)
                   and len(self.text) >= SCAN_MIN_CHARS else None)
        self.reset()
        return scanned

    def reset(self) -> None:
        self.text = ""
        self._last_ms = None


def typed_char(event: QKeyEvent) -> str:
    """The text a key types into a field ("" for a command, an arrow, a control character)."""
    text = event.text()
    command = event.modifiers() & _COMMAND
    if not text or not text.isprintable() or (command and command != _ALT_GR):
        return ""
    return text


@dataclass
class _Before:
    """A widget as it was when a run of keys began, to be put back if the run was a scan."""

    widget: QWidget
    text: str = ""
    cursor: int = 0
    selection: tuple[int, int] = (-1, 0)  # start and length; -1: nothing selected
    choice: int = -1
    current: QPersistentModelIndex | None = None
    idle: bool = False  # a table not editing a cell

    @classmethod
    def of(cls, widget: QWidget) -> _Before:
        before = cls(widget)
        if isinstance(widget, QLineEdit):
            before.text, before.cursor = widget.text(), widget.cursorPosition()
            before.selection = (widget.selectionStart(), widget.selectionLength())
        elif isinstance(widget, QComboBox):
            before.choice, before.text = widget.currentIndex(), widget.currentText()
        elif isinstance(widget, QAbstractItemView):
            before.current = QPersistentModelIndex(widget.currentIndex())
            before.idle = widget.state() != QAbstractItemView.State.EditingState
        return before

    def holds(self, widget: QWidget) -> bool:
        """Whether keys going to ``widget`` are still in this place (a table's cell editor is the table's)."""
        return widget is self.widget or (isinstance(self.widget, QAbstractItemView)
                                         and self.widget.viewport().isAncestorOf(widget))

    def restore(self) -> None:
        widget = self.widget
        if isinstance(widget, QLineEdit):
            widget.setText(self.text)
            start, length = self.selection
            if start < 0:
                widget.setCursorPosition(self.cursor)
            elif self.cursor == start:  # selected leftwards: the cursor at the selection's start
                widget.setSelection(start + length, -length)
            else:
                widget.setSelection(start, length)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(self.choice)
            if widget.isEditable():
                widget.setEditText(self.text)
        elif isinstance(widget, QAbstractItemView):
            if self.idle and isinstance(widget, RowsTableView):
                widget.discard_editing()  # the cell editor the scan opened: nothing of it is stored
            if self.current is not None and self.current.isValid():
                widget.setCurrentIndex(self.current)


class ScanCatcher(QObject):
    """Catches a scanner's burst in any widget under ``root`` (and any made later) and hands it on.

    ``on_scan(text, widget)`` is called with the scanned text and the widget
    it fell into, already put back as it was; the burst's Enter goes nowhere
    else. Keys typed at a person's pace pass untouched.
    """

    def __init__(self, root: QWidget, on_scan: Callable[[str, QWidget], None]) -> None:
        super().__init__(root)
        self._on_scan = on_scan
        self._run = KeyRun()
        self._before: _Before | None = None
        # A table handed a character opens a cell editor and passes the same key on to it: counted once.
        self._passed_on: tuple[QAbstractItemView, int, str] | None = None
        self.watch(root)

    def watch(self, widget: QWidget) -> None:
        for each in (widget, *widget.findChildren(QWidget)):
            each.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:  # a cell editor, a drop-down's list: watched too
            child = event.child() if isinstance(event, QChildEvent) else None
            if isinstance(child, QWidget):
                self.watch(child)
            return False
        # A key goes to the focus widget first, then to its parents if refused: seen once, where it landed.
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)
                or not isinstance(watched, QWidget) or watched is not QApplication.focusWidget()):
            return False
        return self._key(watched, event)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Follow one key press; True when it was a scan's Enter (handled: the widget never sees it)."""
        key = event.key()
        if key in _MODIFIER_KEYS:  # a scanner presses Shift for capitals: part of the run
            return False
        at_ms = float(event.timestamp()) or time.monotonic() * 1000
        passed_on, self._passed_on = self._passed_on, None
        if key in _ENTER_KEYS and not event.modifiers() & _COMMAND:
            scanned = self._run.enter(at_ms)
            before, self._before = self._before, None
            if scanned is None or before is None:
                return False
            before.restore()
            self._on_scan(scanned, before.widget)
            return True
        char = typed_char(event)
        if not char or event.isAutoRepeat():
            self._run.reset()
            self._before = None
            return False
        if (passed_on is not None and passed_on[0].viewport().isAncestorOf(widget)
                and passed_on[1:] == (key, char)):
            return False  # the key the table just passed on to its new cell editor: already counted
        if self._before is not None and not self._before.holds(widget):
            self._run.reset()  # keys in another field: a scan never moves the focus, so a new run
        if self._run.character(char, at_ms):
            self._before = _Before.of(widget)
        if isinstance(widget, QAbstractItemView) and widget.state() != QAbstractItemView.State.EditingState:
            self._passed_on = (widget, key, char)
        return False
