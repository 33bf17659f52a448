"""What the parcels, seals and findings tables share.

``RowsModel`` is a table model over a list of domain objects (parcels, seals,
findings) as the store returned them. An edited cell is parsed by the core's
parser and handed to a commit callback that writes through the store; the
session then reloads and the model is given the stored rows back. Cells that
a problem of the core's rules points at are coloured and carry the sentence
as their tooltip.

``RowsTableView`` is typed into from the keyboard: Tab and Shift+Tab go from
editable cell to editable cell (a worked-out column such as the difference is
passed over), storing the cell they leave; Enter stores it and goes down, or,
after a row was typed across with Tab, to the next row's cell where that
typing began. A value the core cannot read keeps its cell open with the text
as typed, so nothing typed is lost on the way.

A cell's editor journals its text on every change (``JournalDelegate``, through
the model's ``journal``, the session), keyed by the row's id and the field, so
a crash while a cell is being typed in loses at most the keystroke; the cell's
save, or Escape, ends that journal. ``RowsTableView.recover`` puts what an
interruption left back into its cell.

Delete on a selected row (not while a cell is being typed in) asks its
section to remove the row at once (``remove_requested``): no question is
asked, undo (Ctrl+Z) being the safety, and the section says what went and
that Ctrl+Z brings it back (``removed_sentence``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kpmonitor.errors import ParseError
from kpmonitor.gui.common.labels import safe_tooltip
from kpmonitor.gui.editor.history import Said

if TYPE_CHECKING:
    from kpmonitor.rules.problems import Problem

# A list may lie inside a part of the inspection: ``certificate.lines[1].carats``.
_PATH_RE = re.compile(r"^(?P<list>[\w.]+?)\[(?P<row>\d+)\](?:\.(?P<field>\w+))?")


@dataclass(frozen=True)
class Column:
    field: str          # the domain attribute (and the problem path's last part)
    header: str
    right: bool = False
    editable: bool = True
    width: int = 100
    spoken: str = ""    # how a sentence names it ("weighed carats"); the header, in lower case, by default

    @property
    def name(self) -> str:
        return self.spoken or self.header[:1].lower() + self.header[1:]


class Journal(Protocol):
    """Where the text typed in a cell goes before the cell is stored (``InspectionSession``)."""

    def journal(self, field: str, text: str) -> None: ...

    def settle(self, field: str) -> None: ...


def problem_cell(path: str, list_name: str) -> tuple[int, str] | None:
    """``parcels[2].weighed_carats`` → ``(2, "weighed_carats")``; ``seals[0]`` → ``(0, "")``."""
    m = _PATH_RE.match(path)
    if m is None or m["list"] != list_name:
        return None
    return int(m["row"]), m["field"] or ""


class RowsModel(QAbstractTableModel):
    """A table over a list of domain objects, edited through a commit callback."""

    edit_refused = Signal(str)  # the sentence of a value that could not be understood
    list_name = ""
    # Problem paths' field names that belong to another column (seals[i].events[j] → "status").
    problem_columns: ClassVar[dict[str, str]] = {}

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._problems: dict[tuple[int, str], Problem] = {}
        self.commit: Callable[[Any, str, Any], bool] | None = None
        self.read_only = False
        self.refused: QPersistentModelIndex | None = None  # the cell whose last value was not stored
        self.journal: Journal | None = None
        self.error_color = QColor("#b3261e")
        self.warning_color = QColor("#8a5300")

    def set_rows(self, rows: Sequence[Any], problems: Sequence[Problem] = ()) -> None:
        """Show the stored rows; a reset only when rows came, went or moved, so an open editor survives."""
        new = list(rows)
        self._problems = {}
        for p in problems:
            cell = problem_cell(p.field, self.list_name)
            if cell is not None:
                row, field = cell
                field = self.problem_columns.get(field, field) or self.columns[0].field
                # An error wins over a warning on the same cell.
                if (row, field) not in self._problems or p.is_error:
                    self._problems[(row, field)] = p
        if [getattr(r, "id", None) for r in new] == [getattr(r, "id", None) for r in self.rows]:
            self.rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self.rows = new
            self.endResetModel()

    def column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field), 0)

    # --- the journal: a cell's key, and finding the cell of a key --------------------------------

    def journal_key(self, item: Any, field: str) -> str:
        """``parcels/<row id>/weighed_carats``: by id, so the cell is found again after rows moved."""
        return f"{self.list_name}/{getattr(item, 'id', '')}/{field}"

    def key_of(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.journal_key(self.rows[index.row()], self.columns[index.column()].field)

    def index_of(self, key: str) -> QModelIndex:
        """The cell a journal key names; invalid when its row or column is gone."""
        list_name, _, rest = key.partition("/")
        row_id, _, field = rest.partition("/")
        if list_name != self.list_name:
            return QModelIndex()
        column = next((i for i, c in enumerate(self.columns) if c.field == field and c.editable), None)
        row = next((i for i, r in enumerate(self.rows) if getattr(r, "id", None) == row_id), None)
        return QModelIndex() if column is None or row is None else self.index(row, column)

    def settle(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """The cell's text needs no saving (it means what is stored, or the monitor let it go)."""
        key = self.key_of(index)
        if key is not None and self.journal is not None:
            self.journal.settle(key)

    def row_name(self, item: Any) -> str:
        """How a sentence names a row ("parcel 2")."""
        return self.tr("row {number}").format(number=self.rows.index(item) + 1 if item in self.rows else "?")

    def cell_name(self, item: Any, field: str) -> str:
        """How a sentence names a cell ("parcel 2's weighed carats")."""
        column = self.columns[self.column_of(field)]
        return self.tr("{row}'s {column}").format(row=self.row_name(item), column=column.name)

    def change_said(self, item: Any, field: str, value: Any) -> Said:
        """How the change of a cell is told: the cell, and its value as it reads before and after the change."""
        return Said(self.cell_name(item, field), self.display(item, field),
                    self.display(dataclasses.replace(item, **{field: value}), field))

    # --- for subclasses --------------------------------------------------------------------

    def display(self, item: Any, field: str) -> str:
        value = getattr(item, field, "")
        return "" if value is None else str(value)

    def edit_text(self, item: Any, field: str) -> Any:
        return self.display(item, field)

    def parse(self, field: str, value: Any) -> Any:
        """What the editor holds → the domain value; raises ``ParseError``."""
        return value.strip() if isinstance(value, str) else value

    def tooltip(self, item: Any, field: str) -> str | None:
        # The whole text of a cell that may be cut short by its column's width.
        text = self.display(item, field)
        return text if len(text) > 16 else None

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return self.columns[section].header
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        if (role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns) and self.columns[section].right):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        item = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column.field)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(item, column.field)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        problem = self._problems.get((index.row(), column.field))
        if role == Qt.ItemDataRole.ForegroundRole and problem is not None:
            return self.error_color if problem.is_error else self.warning_color
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip(problem.message if problem is not None else self.tooltip(item, column.field))
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.commit is None:
            return False
        item = self.rows[index.row()]
        field = self.columns[index.column()].field
        self.refused = None
        try:
            parsed = self.parse(field, value)
        except ParseError as exc:
            self.refused = QPersistentModelIndex(index)
            self.edit_refused.emit(exc.message)
            return False
        if parsed == getattr(item, field, object()):
            self.settle(index)
            return True
        stored = self.commit(item, field, parsed)
        if not stored:
            self.refused = QPersistentModelIndex(index)
        return stored


class JournalDelegate(QStyledItemDelegate):
    """A cell's editor whose text is journaled at each change the monitor makes (the model's ``journal``)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        self.journal_edits(editor, index)
        return editor

    @staticmethod
    def journal_edits(editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        key = model.key_of(index) if isinstance(model, RowsModel) else None
        if key is None or not isinstance(model, RowsModel) or model.journal is None:
            return
        line = editor if isinstance(editor, QLineEdit) else editor.lineEdit() if isinstance(editor, QComboBox) else None
        if line is not None:  # a drop-down without text to type is a choice, stored when it is made
            journal = model.journal
            line.textEdited.connect(lambda text: journal.journal(key, text))


class ComboDelegate(JournalDelegate):
    """A drop-down editor for one column: ``choices`` are ``(stored value, label)``."""

    def __init__(self, choices: Callable[[], Sequence[tuple[Any, str]]], *, editable: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._editable = editable

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self._editable)
        for value, label in self._choices():
            combo.addItem(label, value)
        self.journal_edits(combo, index)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self._editable:
            editor.setEditText("" if current is None else str(current))
        line = editor.lineEdit()
        if line is not None:  # what is typed replaces the cell's value, as in a plain text cell
            line.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findText(editor.currentText())
        value = editor.itemData(found) if found >= 0 else editor.currentText()
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def removed_sentence(row: str) -> str:
    """What the monitor is told when a row is removed: what went, and how it comes back."""
    from PySide6.QtCore import QCoreApplication

    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
    return QCoreApplication.translate("RowsModel", "Removed {row}; {key} brings it back.").format(row=row, key=undo)


class RowsTableView(QTableView):
    """A table for quick entry from the keyboard, along a row with Tab or down a column with Enter."""

    remove_requested = Signal()  # Delete on a selected row, no cell being typed in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setTabKeyNavigation(True)
        self.setItemDelegate(JournalDelegate(self))
        self._row_entry: tuple[int, int] | None = None  # (row, column) where typing across this row began
        self._tab_target: QModelIndex | None = None     # where the Tab being handled moves to

    def apply_column_widths(self, columns: Sequence[Column], stretch: str | None = None) -> None:
        header = self.horizontalHeader()
        for i, column in enumerate(columns):
            header.resizeSection(i, column.width)
            if column.field == stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def commit_editing(self) -> None:
        """Store the cell being typed in now.

        Enter commits a cell editor a moment later (Qt queues it), and adding,
        moving or removing a row closes every editor without committing: a
        monitor who types a value, presses Enter and at once Ctrl+Shift+P
        would lose it. Actions that change rows call this first.
        """
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def discard_editing(self) -> None:
        """Close the cell being typed in without storing what it holds (a scan fell into it)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def recover(self, key: str, text: str) -> str | None:
        """Put back what an interruption left typed in a cell, stored through the cell as if typed now.

        A text the core cannot read is left in the cell's open editor, as typed, with its sentence.

        :returns: how the monitor is told what was recovered; None when the cell is gone or holds it already.
        """
        model = self.model()
        if not isinstance(model, RowsModel):
            return None
        index = model.index_of(key)
        if not index.isValid() or text == str(model.data(index, Qt.ItemDataRole.EditRole) or ""):
            if model.journal is not None:
                model.journal.settle(key)
            return None
        row_id, field = getattr(model.rows[index.row()], "id", None), model.columns[index.column()].field
        before = getattr(model.rows[index.row()], field, None)
        if model.setData(index, text):
            index = model.index_of(key)
            item = model.rows[index.row()] if index.isValid() else None
            if item is None or getattr(item, "id", None) != row_id or getattr(item, field, None) == before:
                return None  # it meant what was stored
            return self.tr("{cell} ({value})").format(cell=model.cell_name(item, field),
                                                      value=model.display(item, field))
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index)
        line = editor if isinstance(editor, QLineEdit) else editor.lineEdit() if isinstance(editor, QComboBox) else None
        if line is not None:
            line.setText(text)
        return self.tr("{cell} as typed (“{text}”), not saved").format(
            cell=model.cell_name(model.rows[index.row()], field), text=text)

    def select_first_if_none(self) -> None:
        """Give the table a current row, so the details beside it show something."""
        model = self.model()
        if model is not None and not self.currentIndex().isValid() and model.rowCount() > 0:
            self.setCurrentIndex(model.index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if self.state() != QAbstractItemView.State.EditingState and current.isValid():
            model = self.model()
            if (event.key() == Qt.Key.Key_Delete and isinstance(model, RowsModel) and not model.read_only
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
                # Not a cell's text to delete (no cell is being typed in): the row, which undo brings back.
                self.remove_requested.emit()
                event.accept()
                return
            editable = bool(current.flags() & Qt.ItemFlag.ItemIsEditable)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and editable:
                self.edit(current)
                return
            if (not editable and isinstance(model, RowsModel) and not model.read_only
                    and event.text().isprintable() and event.text()
                    and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                 | Qt.KeyboardModifier.MetaModifier)):
                # Not searched for, not dropped in silence: said, so the monitor moves to a cell that takes it.
                header = model.headerData(current.column(), Qt.Orientation.Horizontal)
                model.edit_refused.emit(self.tr("“{column}” is not typed in; what was typed there was not kept.")
                                        .format(column=header))
                event.accept()
                return
        super().keyPressEvent(event)

    def editable_after(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next (or previous) editable cell in reading order: along the row, then the next row's first."""
        model = self.model()
        if model is None or not index.isValid():
            return QModelIndex()
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        cells = [(r, c) for r in range(model.rowCount()) for c in columns]
        if not forward:
            cells.reverse()
        here = cells.index((index.row(), index.column())) if (index.row(), index.column()) in cells else -1
        for row, column in cells[here + 1:]:
            cell = model.index(row, column)
            if cell.flags() & Qt.ItemFlag.ItemIsEditable:
                return cell
        return QModelIndex()  # past the last: Tab leaves the table rather than wrap round onto the first row

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        tabbing = cursorAction in (QAbstractItemView.CursorAction.MoveNext,
                                   QAbstractItemView.CursorAction.MovePrevious)
        if not tabbing or model is None or not any(
                model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable for c in range(model.columnCount())):
            return super().moveCursor(cursorAction, modifiers)  # nothing to type in: Tab visits every cell
        current = self.currentIndex()
        target = self.editable_after(current, cursorAction == QAbstractItemView.CursorAction.MoveNext)
        if target.isValid():
            if target.row() != current.row():
                self._row_entry = (target.row(), target.column())
            elif self._row_entry is None or self._row_entry[0] != current.row():
                self._row_entry = (current.row(), current.column())
            self._tab_target = target
        return target

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        # Typing across a row is over when the cursor goes anywhere but where Tab sent it.
        if self._tab_target is None or current != self._tab_target:
            self._row_entry = None
        self._tab_target = None
        super().currentChanged(current, previous)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        model = self.model()
        moving = hint in (QAbstractItemDelegate.EndEditHint.EditNextItem,
                          QAbstractItemDelegate.EndEditHint.EditPreviousItem,
                          QAbstractItemDelegate.EndEditHint.SubmitModelCache)
        if (moving and isinstance(model, RowsModel) and model.refused is not None
                and model.refused == QPersistentModelIndex(current)):
            # The value was refused (its sentence is shown): the cell stays open with the text as typed.
            model.refused = None
            return
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and isinstance(model, RowsModel):
            model.settle(current)  # Escape, or a scan that fell into the cell: what was typed is let go
        entry = self._row_entry
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and current.isValid():
            # Enter goes down, as in a spreadsheet: weigh, type, Enter, next parcel. After a row typed
            # across with Tab, down to the next row's cell where that typing began.
            column = entry[1] if entry is not None and entry[0] == current.row() else current.column()
            below = current.sibling(current.row() + 1, column)
            if below.isValid():
                self.setCurrentIndex(below)
