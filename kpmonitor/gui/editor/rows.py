"""What the parcels, seals and findings tables share.

``RowsModel`` is a table model over a list of domain objects (parcels, seals,
findings) as the store returned them. An edited cell is parsed by the core's
parser and handed to a commit callback that writes through the store; the
session then reloads and the model is given the stored rows back. Cells that
a problem of the core's rules points at are coloured and carry the sentence
as their tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kpmonitor.errors import ParseError
from kpmonitor.gui.common.labels import safe_tooltip

if TYPE_CHECKING:
    from kpmonitor.rules.problems import Problem

_PATH_RE = re.compile(r"^(?P<list>\w+)\[(?P<row>\d+)\](?:\.(?P<field>\w+))?")


@dataclass(frozen=True)
class Column:
    field: str          # the domain attribute (and the problem path's last part)
    header: str
    right: bool = False
    editable: bool = True
    width: int = 100


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
        try:
            parsed = self.parse(field, value)
        except ParseError as exc:
            self.edit_refused.emit(exc.message)
            return False
        if parsed == getattr(item, field, object()):
            return True
        return self.commit(item, field, parsed)


class ComboDelegate(QStyledItemDelegate):
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
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self._editable:
            editor.setEditText("" if current is None else str(current))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findText(editor.currentText())
        value = editor.itemData(found) if found >= 0 else editor.currentText()
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class RowsTableView(QTableView):
    """A table for quick entry: Enter starts editing, and Enter again stores the cell and goes down a row."""

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

    def select_first_if_none(self) -> None:
        """Give the table a current row, so the details beside it show something."""
        model = self.model()
        if model is not None and not self.currentIndex().isValid() and model.rowCount() > 0:
            self.setCurrentIndex(model.index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid()
                and self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        super().closeEditor(editor, hint)
        # Enter in a cell (SubmitModelCache) moves down, as in a spreadsheet: weigh, type, Enter, next parcel.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and current.isValid():
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid():
                self.setCurrentIndex(below)
