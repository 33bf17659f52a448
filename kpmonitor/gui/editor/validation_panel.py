"""The live validation panel: every error and warning the core's rules find, as the monitor types.

Clicking a problem takes the monitor to its field. A warning can be
acknowledged with a note saying why it is acceptable (the note goes into the
report); an error cannot, it must be fixed.

On a small screen (a field laptop's 1024 × 600) the panel folds to a narrow
bar that still says what stands, so that the form beside it keeps its width;
the bar, or F9, unfolds it (``follow_width``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QToolButton,
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
# Below this width of the editor the panel folds to its bar: the certificate form needs some 800 pixels for its
# two columns, the panel 330 beside them.
FOLD_BELOW = 1180
PANEL_WIDTH = 330
TOGGLE_KEY = "F9"  # beside F8 and Shift+F8, which go from problem to problem


def acknowledged_with(session: InspectionSession, problem: Problem, note: str) -> str | None:
    """Acknowledge ``problem`` with ``note`` through the session: None once it stands so, else the refusal's sentence.

    A warning already acknowledged with these very words is left as it is: no second audited write.
    """
    ack = session.inspection.acknowledged(problem.code, problem.field)
    if ack is not None and ack.note == note.strip():
        return None
    if session.acknowledge(problem, note):
        return None
    return session.last_error or ""


def acknowledge_asking(session: InspectionSession, problem: Problem,
                       ask_note: Callable[[Problem, str], str | None], message: FeedbackLabel) -> None:
    """Ask for the note of a warning (its current one offered) and acknowledge it through the session.

    The one acknowledgement flow, for the validation panel and the sign dialog. The dialog stores the note
    itself (``acknowledged_with``), so that a refusal is said inside it and what was typed stays there; the
    note it hands back is already stored. A refusal of a note given otherwise is shown in ``message``.
    """
    ack = session.inspection.acknowledged(problem.code, problem.field)
    note = ask_note(problem, ack.note if ack else "")
    if note is None:
        return
    refusal = acknowledged_with(session, problem, note)
    if refusal is None:
        message.show_understood("")
    else:
        message.show_error(refusal)


class ProblemsBar(QAbstractButton):
    """The folded panel: a narrow bar with the worst problem's icon and the summary, read top to bottom.

    Clicking it unfolds the panel. Drawn as a button, so that it looks like something to press.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_bar")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.color = QColor()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 14, self.iconSize().height() + metrics.horizontalAdvance(self.text()) + 32)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().height() + 14, self.iconSize().height() + 40)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        option.initFrom(self)
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        painter.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option)
        icon_size = self.iconSize()
        top = 8
        if not self.icon().isNull():
            self.icon().paint(painter, QRect((self.width() - icon_size.width()) // 2, top, icon_size.width(),
                                             icon_size.height()))
            top += icon_size.height() + 6
        painter.save()
        painter.translate(self.width(), top)
        painter.rotate(90)  # the text runs down the bar, read with the head tilted right, as on a book's spine
        if self.color.isValid():
            painter.setPen(self.color)
        length = self.height() - top - 8
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, length)
        painter.drawText(QRect(0, 0, length, self.width()), int(Qt.AlignmentFlag.AlignLeft
                                                                 | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


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
        self.body = QWidget(self)  # all of the panel but its bar
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(4, 8, 8, 8)
        title = plain_label(self.tr("Problems"), self.body)
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        title.setFont(title_font)
        self.fold_button = QToolButton(self.body)
        self.fold_button.setObjectName("fold_problems")
        self.fold_button.setText("»")
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolTip(self.tr("Fold the problems to a bar, giving the form the room ({key})").format(
            key=TOGGLE_KEY))
        self.fold_button.clicked.connect(lambda: self.set_folded(True))
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(self.fold_button)
        layout.addLayout(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.bar = ProblemsBar(self)
        self.bar.clicked.connect(lambda: self.set_folded(False))
        self.bar.hide()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.bar)
        outer.addWidget(self.body)
        self.folded = False
        toggle = QShortcut(QKeySequence(TOGGLE_KEY), self)
        toggle.setContext(Qt.ShortcutContext.WindowShortcut)
        toggle.activated.connect(lambda: self.set_folded(not self.folded))
        self._splitter: QSplitter | None = None
        self._fold_below = FOLD_BELOW
        self._narrow: bool | None = None  # the splitter's width against ``FOLD_BELOW``, once known
        self.refresh(session.problems)
        session.problems_changed.connect(self.refresh)

    # --- folding on a small screen -------------------------------------------------------------

    def follow_width(self, splitter: QSplitter, below: int = FOLD_BELOW) -> None:
        """Fold to the bar whenever ``splitter`` (the panel's, beside the form) is narrower than ``below`` pixels,
        and unfold when it is wider again; in between the monitor folds and unfolds it (the bar, F9)."""
        self._splitter = splitter
        self._fold_below = below
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            narrow = self._splitter.width() < self._fold_below
            if narrow != self._narrow:
                self._narrow = narrow
                self.set_folded(narrow)
        return False

    def set_folded(self, folded: bool) -> None:
        """Show the bar alone, or the whole panel (at least ``PANEL_WIDTH`` wide, beside the form)."""
        focus = QApplication.focusWidget()
        had_focus = folded and focus is not None and self.body.isAncestorOf(focus)
        self.folded = folded
        self.bar.setVisible(folded)
        self.body.setVisible(not folded)
        splitter = self._splitter if self._splitter is not None and self._splitter.count() == 2 else None
        total = sum(splitter.sizes()) if splitter is not None else 0
        if folded:
            width = self.bar.sizeHint().width()
            self.setMaximumWidth(width)
            if splitter is not None:
                splitter.setSizes([max(total - width, 0), width])  # the room goes to the form
            if had_focus:
                self.bar.setFocus(Qt.FocusReason.OtherFocusReason)  # the focus does not vanish with the panel
            return
        self.setMaximumWidth(16777215)  # QWIDGETSIZE_MAX
        if splitter is not None and splitter.sizes()[1] < self.body.minimumSizeHint().width():
            splitter.setSizes([max(total - PANEL_WIDTH, 0), PANEL_WIDTH])

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
        self._update_bar(text, color, (errors, to_ack, acked))
        self._update_buttons()

    def _update_bar(self, text: str, color: QColor, counts: tuple[int, int, int]) -> None:
        """The folded bar: what stands, in the summary's colour, with the worst problem's icon."""
        errors, to_ack, acked = counts
        if errors or to_ack:
            said = text.rstrip(".")
        elif self.session.read_only:
            said = self.tr("signed") if not acked else self.tr("signed, %n acknowledged", "", acked)
        else:
            said = self.tr("none, ready to sign")
        self.bar.setText(self.tr("Problems: {summary}").format(summary=said))
        self.bar.color = color
        self.bar.setIcon(self.model.icons.get("error" if errors else "warning" if to_ack else "ack", QIcon()))
        self.bar.setToolTip(self.tr("{summary} Click or press {key} to show the problems.").format(
            summary=text, key=TOGGLE_KEY))
        self.bar.setAccessibleName(self.bar.text())
        self.bar.updateGeometry()
        self.bar.update()

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
        """The monitor's reason for accepting a warning (stored from the dialog), or None if they cancel; tests
        replace this."""
        from kpmonitor.gui.common.dialogs import ask_acknowledgement

        self.acknowledge_dialog, text = ask_acknowledgement(
            self, problem, note, lambda typed: acknowledged_with(self.session, problem, typed))
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
