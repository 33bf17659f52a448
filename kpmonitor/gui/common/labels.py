"""Labels for text from people and files, and the colours that mark problems on a light or dark palette.

Kept apart from ``fields`` so that the main window, which shows only labels at
start-up, does not load every input widget class before its first paint.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kpmonitor.domain.text import printable


class PlainLabel(QLabel):
    """A label for text that came from a user or a file: never rich text, and never reordered.

    Every text it is given goes through ``domain.text.printable``: a bidi override (U+202E) in a forged
    name cannot show its characters in another order, a control character shows as its escape. Line
    breaks are kept: such labels show sentences made of lines on purpose.
    """

    def setText(self, text: str) -> None:
        super().setText(printable(text, lines=True))


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label for text that came from a user or a file: never interpreted as rich text, escaped (``PlainLabel``)."""
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    return label


def cell_text(value: object) -> object:
    """What a table cell shows of a value from data: text escaped on one line (``printable``), else as it is."""
    return printable(value) if isinstance(value, str) else value


def safe_tooltip(text: str | None) -> str | None:
    """A tool tip for text from people or files.

    Qt guesses whether a tool tip is rich text (a tag at the start is enough),
    so such text is escaped and wrapped: it is always shown as written, its
    control characters and bidi overrides as escapes (``printable``).
    """
    if not text:
        return None
    return "<p style='white-space:pre-wrap'>" + html.escape(printable(text, lines=True)) + "</p>"


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_color(widget: QWidget) -> QColor:
    """A red that reads on the current palette, light or dark."""
    return QColor("#ff8a80") if is_dark(widget) else QColor("#b3261e")


def warning_color(widget: QWidget) -> QColor:
    return QColor("#ffd180") if is_dark(widget) else QColor("#8a5300")


def ok_color(widget: QWidget) -> QColor:
    return QColor("#9ccc65") if is_dark(widget) else QColor("#2e7d32")


def muted_color(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)


class FeedbackLabel(QLabel):
    """What a field understood (muted) or why it refused the text (the sentence, in red)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.is_error = False

    def show_understood(self, text: str) -> None:
        self.is_error = False
        self._paint(muted_color(self))
        self.setText(printable(text, lines=True))

    def show_error(self, sentence: str) -> None:
        self.is_error = True
        self._paint(error_color(self))
        self.setText(printable(sentence, lines=True))  # a refusal can quote a file's name or a field

    def _paint(self, color: QColor) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.setPalette(palette)
