"""Findings (each with a severity and a report section) and the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.inspection import SECTIONS, Finding, FindingSeverity, Verdict
from kpmonitor.gui.common.fields import TYPING_PAUSE_MS
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, warning_color
from kpmonitor.gui.common.words import severity_label
from kpmonitor.gui.editor.history import Said, Where
from kpmonitor.gui.editor.rows import (
    Column,
    ComboDelegate,
    RowsModel,
    RowsTableView,
    problem_cell,
    removed_sentence,
)

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.session import InspectionSession


class NoteEdit(QPlainTextEdit):
    """A text box that says when the monitor leaves it, so the text is stored at once."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class FindingsModel(RowsModel):
    list_name = "findings"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column("severity", self.tr("Severity"), width=90),
            Column("section", self.tr("Section"), width=120),
            Column("text", self.tr("Finding"), width=400),
        ], parent)

    def display(self, item: Any, field: str) -> str:
        finding: Finding = item
        if field == "severity":
            return severity_label(finding.severity.value)
        if field == "text":
            return finding.text.replace("\n", " ")
        return super().display(item, field)

    def edit_text(self, item: Any, field: str) -> Any:
        finding: Finding = item
        if field == "severity":
            return finding.severity.value
        return super().edit_text(item, field)

    def tooltip(self, item: Any, field: str) -> str | None:
        finding: Finding = item
        return finding.text if field == "text" and finding.text else super().tooltip(item, field)

    def parse(self, field: str, value: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if field == "severity":
            return FindingSeverity(text)
        return text

    def row_name(self, item: Any) -> str:
        finding: Finding = item
        if finding.text.strip():
            return self.tr("the finding ‘{text}’").format(text=opening(finding.text))
        return self.tr("finding {number}").format(number=self.rows.index(item) + 1 if item in self.rows else "?")

    def cell_name(self, item: Any, field: str) -> str:
        if field == "text":
            return self.row_name(item)
        column = self.columns[self.column_of(field)]
        return self.tr("the {column} of {finding}").format(column=column.name, finding=self.row_name(item))


def opening(text: str, limit: int = 16) -> str:
    """The first words of a text, to name it in a sentence: ``Seal intact on…``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,;:.") + "…"


class FindingsSectionWidget(QWidget):
    """The verdict on top; findings below, the selected one's text in a box big enough to write in."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        verdict_box = QGroupBox(self.tr("Verdict"), self)
        self.verdict_group = QButtonGroup(self)
        self.verdict_buttons: dict[Verdict, QRadioButton] = {}
        verdict_layout = QHBoxLayout(verdict_box)
        labels = {Verdict.CERTIFIED: self.tr("&Certified for export"), Verdict.NOT_CERTIFIED: self.tr("&Not certified"),
                  Verdict.HELD: self.tr("&Held pending")}
        for verdict, text in labels.items():
            button = QRadioButton(text, verdict_box)
            self.verdict_group.addButton(button)
            self.verdict_buttons[verdict] = button
            verdict_layout.addWidget(button)
            button.toggled.connect(lambda checked, v=verdict: self._on_verdict_toggled(v, checked))
        verdict_layout.addStretch(1)

        findings_box = QGroupBox(self.tr("Findings"), self)
        self.model = FindingsModel(self)
        self.model.error_color = error_color(self)
        self.model.warning_color = warning_color(self)
        self.model.commit = self._commit
        self.model.journal = session
        self.model.edit_refused.connect(self._on_edit_refused)
        self.table = RowsTableView(findings_box)
        self.table.setModel(self.model)
        self.table.apply_column_widths(self.model.columns, stretch="text")
        self.table.setItemDelegateForColumn(
            0, ComboDelegate(lambda: [(s.value, severity_label(s.value)) for s in FindingSeverity], parent=self))
        self.table.setItemDelegateForColumn(
            1, ComboDelegate(lambda: [(s, s) for s in SECTIONS], editable=True, parent=self))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.remove_requested.connect(lambda: self.remove_finding(ask=False))

        self.add_button = QPushButton(self.tr("&Add finding"), findings_box)
        self.add_button.clicked.connect(self.add_finding)
        self.remove_button = QPushButton(self.tr("&Remove"), findings_box)
        self.remove_button.clicked.connect(self.remove_finding)
        self.up_button = QPushButton(self.tr("Move &up"), findings_box)
        self.up_button.clicked.connect(lambda: self.move_finding(-1))
        self.down_button = QPushButton(self.tr("Move do&wn"), findings_box)
        self.down_button.clicked.connect(lambda: self.move_finding(+1))
        self.message = FeedbackLabel(findings_box)

        self.text_label = QLabel(self.tr("&Text of the selected finding"), findings_box)
        self.text = NoteEdit(findings_box)
        self.text.focus_lost.connect(self.commit_text)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.text_label.setBuddy(self.text)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TYPING_PAUSE_MS)
        self._text_timer.timeout.connect(self.commit_text)
        self.text.textChanged.connect(self._on_text_changed)
        self._loading_text = False
        self._text_finding_id: str | None = None
        self._text_saved = ""  # the box's text as last loaded or stored: what it holds beyond that is typing

        buttons = QHBoxLayout()
        for push in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(push)
        buttons.addWidget(self.message, 1)
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.addLayout(buttons)
        findings_layout.addWidget(self.table, 1)
        findings_layout.addWidget(self.text_label)
        findings_layout.addWidget(self.text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(verdict_box)
        layout.addWidget(findings_box, 1)
        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)

    def refresh(self, insp: Inspection) -> None:
        read_only = self.session.read_only
        self.verdict_group.setExclusive(False)  # lets "no verdict yet" show as no button checked
        for verdict, button in self.verdict_buttons.items():
            button.blockSignals(True)
            button.setChecked(insp.verdict is verdict)
            button.setEnabled(not read_only)
            button.blockSignals(False)
        self.verdict_group.setExclusive(True)
        self.model.read_only = read_only
        self.model.set_rows(insp.findings, self.session.problems)
        self.table.select_first_if_none()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            widget.setEnabled(not read_only)
        self.text.setReadOnly(read_only)
        self._load_text()

    def _on_verdict_toggled(self, verdict: Verdict, checked: bool) -> None:
        earlier = self.session.inspection.verdict
        if checked and earlier is not verdict:
            def named(v: Verdict | None) -> str:
                return self.verdict_buttons[v].text().replace("&", "") if v is not None else ""

            self.session.update({"verdict": verdict}, said=Said(self.tr("the verdict"), named(earlier), named(verdict)),
                                where=Where("findings", field="verdict"))

    def _on_edit_refused(self, sentence: str) -> None:
        self.message.show_error(sentence)

    def selected_finding(self) -> Finding | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_text()
        self._load_text()

    def holds_typing(self) -> bool:
        """Whether the text box holds typing not stored yet (Ctrl+Z there is the box's own, ``box_keeps``)."""
        return self.text.toPlainText().strip() != self._text_saved.strip()

    def _load_text(self) -> None:
        finding = self.selected_finding()
        if finding is not None and finding.id == self._text_finding_id and (
                self.holds_typing() or (self.text.hasFocus() and finding.text == self._text_saved)):
            return  # the monitor is writing it, or it is what is stored: the box keeps its cursor and its undo
        self._loading_text = True
        self._text_finding_id = finding.id if finding else None
        self._text_saved = finding.text if finding else ""
        self.text.setPlainText(self._text_saved)
        self.text.setEnabled(finding is not None)
        self._loading_text = False

    def _text_key(self) -> str | None:
        return f"findings/{self._text_finding_id}/text" if self._text_finding_id is not None else None

    def _on_text_changed(self) -> None:
        if not self._loading_text:
            self._text_timer.start()
            key = self._text_key()
            if key is not None:
                self.session.journal(key, self.text.toPlainText())

    def commit_text(self) -> None:
        self._text_timer.stop()
        finding_id = self._text_finding_id
        finding = next((f for f in self.model.rows if f.id == finding_id), None)
        if finding is None or finding_id is None:
            return
        text = self.text.toPlainText().strip()
        key = self._text_key()
        if text != finding.text:
            said = Said(self.tr("the text of {finding}").format(finding=self.model.row_name(finding)), finding.text,
                        text)
            if self.session.update_row("findings", finding_id, {"text": text}, said=said,
                                       where=Where("findings", finding_id, "text"), settles=key):
                self._text_saved = text
                # Qt's undo of the box ends at the text saved: past it, Ctrl+Z is the editor's (``undo_keys``).
                self.text.document().clearUndoRedoStacks()
        else:
            self._text_saved = text
            if key is not None:
                self.session.settle(key)

    def _commit(self, finding: Finding, field: str, value: Any) -> bool:
        assert finding.id is not None
        finding_id = finding.id
        return self.session.update_row("findings", finding_id, {field: value},
                                       said=self.model.change_said(finding, field, value),
                                       where=Where("findings", finding_id, field),
                                       settles=self.model.journal_key(finding, field))

    def recover(self, key: str, text: str) -> str | None:
        """Put back what an interruption left typed in a finding's text (the box below) or one of its cells."""
        index = self.model.index_of(key)
        if not index.isValid() or self.model.columns[index.column()].field != "text":
            return self.table.recover(key, text)
        finding = self.model.rows[index.row()]
        if text.strip() == finding.text:
            self.session.settle(key)
            return None
        self.table.setCurrentIndex(self.model.index(index.row(), 0))  # the box shows this finding's text
        self._loading_text = True
        self.text.setPlainText(text)
        self._loading_text = False
        self.commit_text()
        return self.model.row_name(next((f for f in self.model.rows if f.id == finding.id), finding))

    def add_finding(self) -> None:
        self.table.commit_editing()
        self.commit_text()
        if self.session.add_row("findings", Finding(), said=Said(self.tr("add a finding")), where=Where("findings")):
            self.table.setCurrentIndex(self.model.index(len(self.model.rows) - 1, 0))
            self.text.setFocus()

    def confirm_remove(self, finding: Finding) -> bool:
        from kpmonitor.gui.common.dialogs import confirm

        return confirm(self, self.tr("Remove finding"), self.tr("Remove this finding?\n\n{text}").format(
            text=finding.text[:300]))

    def remove_finding(self, *, ask: bool = True) -> None:
        """Remove the selected finding: asked first from the button; at once with Delete, Ctrl+Z being the safety."""
        self.table.commit_editing()
        self.commit_text()
        finding = self.selected_finding()
        if (finding is None or finding.id is None or self.session.read_only
                or (ask and not self.confirm_remove(finding))):
            return
        name = self.model.row_name(finding)
        if not self.session.remove_row("findings", finding.id, said=Said(self.tr("remove {row}").format(row=name)),
                                       where=Where("findings", finding.id)):
            self.message.show_error(self.session.last_error or "")
            return
        self.message.show_understood(removed_sentence(name))
        self.session.tell(removed_sentence(name))

    def move_finding(self, step: int) -> None:
        self.table.commit_editing()
        finding = self.selected_finding()
        row = self.table.currentIndex().row()
        if finding is None or finding.id is None or not 0 <= row + step < len(self.model.rows):
            return
        what = (self.tr("move {row} up") if step < 0 else self.tr("move {row} down")).format(
            row=self.model.row_name(finding))
        if self.session.move_row("findings", finding.id, row + step, said=Said(what),
                                 where=Where("findings", finding.id)):
            self.table.setCurrentIndex(self.model.index(row + step, 0))

    def flush(self) -> None:
        self.table.commit_editing()
        self.commit_text()

    def focus_field(self, path: str) -> bool:
        if path == "verdict":
            checked: QAbstractButton = self.verdict_group.checkedButton() or self.verdict_buttons[Verdict.CERTIFIED]
            checked.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        cell = problem_cell(path, "findings")
        if cell is None or cell[0] >= self.model.rowCount():
            return False
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(cell[0], 0))
        return True
