"""The live validation panel: every error and warning the core's rules find, as the monitor types.

Clicking a problem takes the monitor to its field. A warning can be
acknowledged with a note saying why it is acceptable (the note goes into the
report); an error cannot, it must be fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain.text import printable
from kpmonitor.gui.common.labels import (
    FeedbackLabel,
    error_color,
    muted_color,
    ok_color,
    plain_label,
    safe_tooltip,
    warning_color,
)

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Acknowledgement, Inspection
    from kpmonitor.gui.session import InspectionSession
    from kpmonitor.rules.problems import Problem

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


def acknowledge_asking(session: InspectionSession, problem: Problem,
                       ask_note: Callable[[Problem, str], str | None], message: FeedbackLabel) -> None:
    """Ask for the note of a warning (its current one offered) and acknowledge it through the session.

    The one acknowledgement flow, for the validation panel and the sign dialog; the refusal, if any,
    is shown in ``message``.
    """
    ack = session.inspection.acknowledged(problem.code, problem.field)
    note = ask_note(problem, ack.note if ack else "")
    if note is None:
        return
    if session.acknowledge(problem, note):
        message.show_understood("")
    else:
        message.show_error(session.last_error or "")


class ProblemsModel(QAbstractListModel):
    """The problems of one inspection, errors first, each with its acknowledgement if any."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.acks: list[Acknowledgement | None] = []
        self.icons: dict[str, QIcon] = {}
        self.muted = QColor("gray")

    @classmethod
    def styled_for(cls, widget: QWidget) -> ProblemsModel:
        """A model owned by ``widget``, with its style's icons and muted colour (the panel and the sign dialog)."""
        model = cls(widget)
        style = widget.style()
        model.icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "ack": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        }
        model.muted = muted_color(widget)
        return model

    def set_problems(self, problems: list[Problem], insp: Inspection) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.acks = [insp.acknowledged(p.code, p.field) if p.acknowledgeable else None for p in problems]
        self.endResetModel()

    def counts(self) -> tuple[int, int, int]:
        """(errors still standing, warnings still to acknowledge, acknowledged warnings and accepted errors)."""
        errors = sum(1 for p, a in zip(self.problems, self.acks, strict=True) if p.is_error and a is None)
        acked = sum(1 for a in self.acks if a is not None)
        return errors, len(self.problems) - errors - acked, acked

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.problems):
            return None
        problem = self.problems[index.row()]
        ack = self.acks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # a message quotes the inspection's fields: escaped
            if ack is not None:
                return self.tr("{message}\nAcknowledged: {note}").format(message=printable(problem.message),
                                                                          note=printable(ack.note))
            return printable(problem.message)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.get("ack" if ack is not None else problem.severity.value)
        if role == Qt.ItemDataRole.ForegroundRole and ack is not None:
            return self.muted
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = self.tr("Error") if problem.is_error else self.tr("Warning")
            return safe_tooltip(self.tr("{kind} in {field} — click to go there").format(kind=kind, field=problem.field))
        if role == PROBLEM_ROLE:
            return problem
        return None


class ValidationPanelWidget(QWidget):
    """The problems of the open inspection; ``problem_activated`` carries the field path to go to."""

    problem_activated = Signal(str)

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ProblemsModel.styled_for(self)
        self.summary = plain_label("", self, wrap=True)
        self.summary.setObjectName("validation_summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.setIconSize(QSize(16, 16))
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.acknowledge_button = QPushButton(self.tr("Ac&knowledge…"), self)
        self.acknowledge_button.setToolTip(self.tr("Accept the selected warning, with a note saying why"))
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.withdraw_button.setToolTip(self.tr("Withdraw the acknowledgement of the selected warning"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.message = FeedbackLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        title = plain_label(self.tr("Problems"), self)
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        title.setFont(title_font)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh(session.problems)
        session.problems_changed.connect(self.refresh)

    def refresh(self, problems: list[Problem]) -> None:
        self.model.set_problems(problems, self.session.inspection)
        errors, to_ack, acked = self.model.counts()
        if self.session.read_only:
            text = (self.tr("Signed, with the warnings below acknowledged in the report.") if acked
                    else self.tr("Signed."))
            color = muted_color(self)
        elif errors == 0 and to_ack == 0:
            text = self.tr("No problems: ready to sign.")
            if acked:
                text = self.tr("No errors; every warning acknowledged: ready to sign.")
            color = ok_color(self)
        else:
            parts = []
            if errors:
                parts.append(self.tr("1 error") if errors == 1 else self.tr("%n errors", "", errors))
            if to_ack:
                parts.append(self.tr("1 warning to acknowledge") if to_ack == 1
                             else self.tr("%n warnings to acknowledge", "", to_ack))
            text = ", ".join(parts) + "."
            color = error_color(self) if errors else warning_color(self)
        palette = self.summary.palette()
        palette.setColor(self.summary.foregroundRole(), color)
        self.summary.setPalette(palette)
        self.summary.setText(text)
        self._update_buttons()

    def is_clear(self) -> bool:
        """No error and no warning left unacknowledged."""
        errors, to_ack, _acked = self.model.counts()
        return errors == 0 and to_ack == 0

    def selected(self) -> tuple[Problem, Acknowledgement | None] | None:
        row = self.view.currentIndex().row()
        if not 0 <= row < len(self.model.problems):
            return None
        return self.model.problems[row], self.model.acks[row]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        writable = not self.session.read_only
        self.acknowledge_button.setEnabled(writable and chosen is not None and chosen[0].acknowledgeable)
        self.withdraw_button.setEnabled(writable and chosen is not None and chosen[1] is not None)

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _on_clicked(self, index: QModelIndex) -> None:
        problem = index.data(PROBLEM_ROLE)
        if problem is not None:
            self.problem_activated.emit(problem.field)

    def ask_note(self, problem: Problem, note: str) -> str | None:
        """The monitor's reason for accepting a warning, or None if they cancel; tests replace this."""
        from kpmonitor.gui.common.dialogs import ask_acknowledgement

        self.acknowledge_dialog, text = ask_acknowledgement(self, problem, note)
        return text

    def acknowledge_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen[0].acknowledgeable:
            return
        acknowledge_asking(self.session, chosen[0], self.ask_note, self.message)

    def withdraw_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[1] is None:
            return
        self.session.withdraw_acknowledgement(chosen[0])

    def select_problem(self, code: str, field: str) -> bool:
        for row, p in enumerate(self.model.problems):
            if p.code == code and p.field == field:
                self.view.setCurrentIndex(self.model.index(row))
                return True
        return False
