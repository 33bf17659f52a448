"""The parcels section: one row per parcel, weighed against what was declared, totalled against the certificate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.domain import quantities
from kpmonitor.domain.inspection import Parcel
from kpmonitor.domain.quantities import grouped, parse_carats, parse_usd
from kpmonitor.errors import ParseError
from kpmonitor.gui.common.fields import tr
from kpmonitor.gui.common.labels import FeedbackLabel, error_color, safe_tooltip, warning_color
from kpmonitor.gui.editor.history import Said, Where
from kpmonitor.gui.editor.rows import Column, ComboDelegate, RowsModel, RowsTableView, removed_sentence

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.session import InspectionSession
    from kpmonitor.rules.problems import Problem

VERTICAL_HEADER_WIDTH = 90


def signed(hundredths: int | None) -> str:
    return "" if hundredths is None else quantities.signed(hundredths)


def parse_stones(text: str) -> int | None:
    stripped = text.strip().replace(" ", "").replace(",", "")
    if not stripped:
        return None
    if not stripped.isdigit():
        raise ParseError(tr("ParcelsModel", "“{text}” is not a number of stones.").format(text=text.strip()))
    return int(stripped)


class ParcelsModel(RowsModel):
    list_name = "parcels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column("number", self.tr("Parcel"), width=60, spoken=self.tr("number")),
            Column("hs_code", self.tr("HS code"), width=80, spoken=self.tr("HS code")),
            Column("declared_carats", self.tr("Declared ct"), right=True, width=110,
                   spoken=self.tr("declared carats")),
            Column("weighed_carats", self.tr("Weighed ct"), right=True, width=110, spoken=self.tr("weighed carats")),
            Column("difference", self.tr("Difference"), right=True, editable=False, width=90),
            Column("stones", self.tr("Stones"), right=True, width=70),
            Column("declared_value_usd", self.tr("Declared US$"), right=True, width=120,
                   spoken=self.tr("declared value (US$)")),
            Column("description", self.tr("Description"), width=200),
        ], parent)

    def row_name(self, item: Any) -> str:
        parcel: Parcel = item
        return self.tr("parcel {number}").format(number=parcel.number or "?")

    def display(self, item: Any, field: str) -> str:
        value = item.difference if field == "difference" else getattr(item, field)
        if value is None:
            return ""
        if field in ("declared_carats", "weighed_carats", "declared_value_usd"):
            return grouped(value)
        if field == "difference":
            return signed(value)
        return str(value)

    def parse(self, field: str, value: Any) -> Any:
        text = "" if value is None else str(value)
        if field in ("declared_carats", "weighed_carats"):
            return parse_carats(text) if text.strip() else None
        if field == "declared_value_usd":
            return parse_usd(text) if text.strip() else None
        if field == "stones":
            return parse_stones(text)
        return text.strip()


class TotalsModel(QAbstractTableModel):
    """Two rows under the parcels: their totals, and what the certificate states.

    A cell is marked when the core's rules find the totals do not match
    (``totals.carats``, ``totals.value``, ``parcels.count``); the GUI does no
    comparing of its own.
    """

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._insp: Inspection | None = None
        self._marks: dict[str, Problem] = {}
        self.error_color = QColor("#b3261e")
        self.warning_color = QColor("#8a5300")

    def set_inspection(self, insp: Inspection, problems: list[Problem]) -> None:
        self.beginResetModel()
        self._insp = insp
        by_code = {p.code: p for p in problems}
        self._marks = {}
        for code, field in (("totals.carats", "declared_carats"), ("totals.value", "declared_value_usd"),
                            ("parcels.count", "number")):
            if code in by_code:
                self._marks[field] = by_code[code]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Total") if section == 0 else self.tr("Certificate")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._insp is None:
            return None
        column = self._columns[index.column()]
        mark = self._marks.get(column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(index.row(), column.field)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and mark is not None:
            return self.error_color if mark.is_error else self.warning_color
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and mark is not None:
            return safe_tooltip(mark.message)
        return None

    def _value(self, row: int, field: str) -> str:
        assert self._insp is not None
        parcels = self._insp.parcels
        cert = self._insp.certificate
        if row == 0:
            if field == "number":
                return str(len(parcels))
            if field in ("declared_carats", "weighed_carats", "declared_value_usd", "stones"):
                values = [getattr(p, field) for p in parcels if getattr(p, field) is not None]
                if not values:
                    return ""
                return str(sum(values)) if field == "stones" else grouped(sum(values))
            if field == "difference":
                diffs = [p.difference for p in parcels if p.difference is not None]
                return signed(sum(diffs)) if diffs else ""
            return ""
        if field == "number":
            return "" if cert.parcel_count is None else str(cert.parcel_count)
        if field == "declared_carats":
            return "" if cert.carats is None else grouped(cert.carats)
        if field == "declared_value_usd":
            return "" if cert.value_usd is None else grouped(cert.value_usd)
        if field == "hs_code":
            return ", ".join(cert.hs_codes)
        return ""


class ParcelsSectionWidget(QWidget):
    """Add, weigh, reorder and remove parcels; every cell is stored when it is left."""

    def __init__(self, session: InspectionSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ParcelsModel(self)
        self.model.error_color = error_color(self)
        self.model.warning_color = warning_color(self)
        self.model.commit = self._commit
        self.model.journal = session
        self.model.edit_refused.connect(self._on_edit_refused)

        self.add_button = QPushButton(self.tr("&Add parcel"), self)
        self.add_button.setToolTip(self.tr("Add a parcel ({key})").format(
            key=QKeySequence("Ctrl+Shift+P").toString(QKeySequence.SequenceFormat.NativeText)))
        self.add_button.clicked.connect(self.add_parcel)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_parcel)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.up_button.clicked.connect(lambda: self.move_parcel(-1))
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.down_button.clicked.connect(lambda: self.move_parcel(+1))
        self.message = FeedbackLabel(self)
        for key, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self.move_parcel(s))
            self.addAction(action)

        self.table = RowsTableView(self)
        self.table.setModel(self.model)
        self.table.apply_column_widths(self.model.columns, stretch="description")
        self.table.verticalHeader().setFixedWidth(VERTICAL_HEADER_WIDTH)
        in_scheme = [(hs.code, hs.code) for hs in session.ws.reference.hs_codes.values() if hs.in_scheme]
        self.table.setItemDelegateForColumn(self.model.column_of("hs_code"),
                                            ComboDelegate(lambda: in_scheme, editable=True, parent=self))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.remove_requested.connect(lambda: self.remove_parcel(ask=False))

        self.totals = TotalsModel(self.model.columns, self)
        self.totals.error_color = self.model.error_color
        self.totals.warning_color = self.model.warning_color
        self.totals_view = QTableView(self)
        self.totals_view.setModel(self.totals)
        self.totals_view.horizontalHeader().hide()
        self.totals_view.verticalHeader().setFixedWidth(VERTICAL_HEADER_WIDTH)
        self.totals_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_height = 2 * self.totals_view.verticalHeader().defaultSectionSize()
        self.totals_view.setFixedHeight(rows_height + 2 * self.totals_view.frameWidth())
        # The totals sit under their columns whatever the widths.
        self.table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.table.horizontalScrollBar().valueChanged.connect(self.totals_view.horizontalScrollBar().setValue)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_view)
        self.refresh(session.inspection)
        session.inspection_changed.connect(self.refresh)
        for i, column in enumerate(self.model.columns):
            self.totals_view.horizontalHeader().resizeSection(i, column.width)
        self._sync_widths()

    def refresh(self, insp: Inspection) -> None:
        self.model.read_only = self.session.read_only
        self.model.set_rows(insp.parcels, self.session.problems)
        self.table.select_first_if_none()
        self.totals.set_inspection(insp, self.session.problems)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not self.session.read_only)
        self._on_current_row_changed(self.table.currentIndex(), QModelIndex())

    def _sync_widths(self) -> None:
        header = self.table.horizontalHeader()
        for i in range(header.count()):
            self.totals_view.horizontalHeader().resizeSection(i, header.sectionSize(i))

    def _on_section_resized(self, index: int, _old: int, new: int) -> None:
        self.totals_view.horizontalHeader().resizeSection(index, new)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._sync_widths()

    # --- actions -----------------------------------------------------------------------------

    def _commit(self, parcel: Parcel, field: str, value: Any) -> bool:
        assert parcel.id is not None
        parcel_id = parcel.id
        self.message.show_understood("")
        return self.session.update_row("parcels", parcel_id, {field: value},
                                       said=self.model.change_said(parcel, field, value),
                                       where=Where("parcels", parcel_id, field),
                                       settles=self.model.journal_key(parcel, field))

    def _on_edit_refused(self, sentence: str) -> None:
        self.message.show_error(sentence)

    def add_parcel(self) -> None:
        """Add the next parcel and start typing its declared carats."""
        self.table.commit_editing()
        insp = self.session.inspection
        numbers = [int(p.number) for p in insp.parcels if p.number.isdigit()]
        number = str(max(numbers, default=len(insp.parcels)) + 1)
        # The certificate's HS code when it has only one: what nearly every parcel carries.
        hs = insp.certificate.hs_codes[0] if len(insp.certificate.hs_codes) == 1 else ""
        parcel = Parcel(number=number, hs_code=hs)
        said = Said(self.tr("add parcel {number}").format(number=number))
        if not self.session.add_row("parcels", parcel, said=said, where=Where("parcels")):
            self.message.show_error(self.session.last_error or "")
            return
        row = len(self.session.inspection.parcels) - 1
        index = self.model.index(row, self.model.column_of("declared_carats"))
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def selected_parcel(self) -> Parcel | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def confirm_remove(self, parcel: Parcel) -> bool:
        """Ask before removing; tests replace this."""
        from kpmonitor.gui.common.dialogs import confirm

        return confirm(self, self.tr("Remove parcel"),
                       self.tr("Remove parcel {number}? Seals and photos linked to it stay, linked to nothing.")
                       .format(number=parcel.number or "?"))

    def remove_parcel(self, *, ask: bool = True) -> None:
        """Remove the selected parcel: asked first from the button; at once with Delete, Ctrl+Z being the safety."""
        self.table.commit_editing()
        parcel = self.selected_parcel()
        if (parcel is None or parcel.id is None or self.session.read_only
                or (ask and not self.confirm_remove(parcel))):
            return
        row = self.table.currentIndex().row()
        name = self.model.row_name(parcel)
        if not self.session.remove_row("parcels", parcel.id, said=Said(self.tr("remove {row}").format(row=name)),
                                       where=Where("parcels", parcel.id)):
            self.message.show_error(self.session.last_error or "")
            return
        self._select_row(min(row, len(self.model.rows) - 1))
        self.message.show_understood(removed_sentence(name))
        self.session.tell(removed_sentence(name))

    def move_parcel(self, step: int) -> None:
        self.table.commit_editing()
        parcel = self.selected_parcel()
        if parcel is None or parcel.id is None:
            return
        row = self.table.currentIndex().row()
        target = row + step
        if not 0 <= target < len(self.model.rows):
            return
        what = (self.tr("move {row} up") if step < 0 else self.tr("move {row} down")).format(
            row=self.model.row_name(parcel))
        if self.session.move_row("parcels", parcel.id, target, said=Said(what), where=Where("parcels", parcel.id)):
            self._select_row(target, self.table.currentIndex().column())

    def _select_row(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, max(column, 0)))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        has = current.isValid() and not self.session.read_only
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and current.row() > 0)
        self.down_button.setEnabled(has and current.row() < self.model.rowCount() - 1)

    def recover(self, key: str, text: str) -> str | None:
        """Put back what an interruption left typed in a cell (``RowsTableView.recover``)."""
        return self.table.recover(key, text)

    def focus_field(self, path: str) -> bool:
        from kpmonitor.gui.editor.rows import problem_cell

        if path == "parcels":
            self.table.setFocus()
            return True
        cell = problem_cell(path, "parcels")
        if cell is None or cell[0] >= self.model.rowCount():
            return False
        row, field = cell
        index = self.model.index(row, self.model.column_of(field) if field else 0)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True
