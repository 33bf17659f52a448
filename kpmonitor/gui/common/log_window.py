"""The "View log" window: the end of the log file, for a monitor to read or copy to support."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kpmonitor.gui.common.labels import plain_label

# Enough for the last few sessions; the whole file can be megabytes.
TAIL_BYTES = 256 * 1024


def read_tail(path: Path, limit: int = TAIL_BYTES) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - limit))
            data = fh.read()
    except FileNotFoundError:
        return ""
    text = data.decode("utf-8", errors="replace")
    if size > limit:
        text = text.split("\n", 1)[-1]  # drop the line cut in half
    return text


class LogWindowDialog(QDialog):
    """Shows the log as plain text (it quotes file names and what people typed), refreshed while open."""

    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.setWindowTitle(self.tr("kpmonitor log"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        where = plain_label(str(log_file), self)
        where.setEnabled(False)
        refresh = QPushButton(self.tr("&Refresh"), self)
        refresh.clicked.connect(self.reload)
        copy = QPushButton(self.tr("&Copy all"), self)
        copy.clicked.connect(self._on_copy_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(where, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.reload)
        self.resize(900, 500)
        self.reload()

    def reload(self) -> None:
        text = read_tail(self.log_file) or self.tr("The log is empty.")
        if text == self.text.toPlainText():
            return
        at_end = self.text.verticalScrollBar().value() == self.text.verticalScrollBar().maximum()
        self.text.setPlainText(text)
        if at_end:
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.timer.start()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.timer.stop()

    def _on_copy_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.text.toPlainText())
