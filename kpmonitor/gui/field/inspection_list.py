"""The inspections list: a search box over the paged table of ``InspectionsModel``.

An empty list says how to begin (``begin_text``, given by the window); a search that finds nothing says so.
Enter in the search box opens the one inspection found, or goes to the first of several.

Like its model, the list paints its first page without PySide's ``Qt`` namespace (whose first use builds
every one of its enums, some 20 ms): the headers are a model of their own (``header_model``), the sort
arrow is put in place without a ``Qt.SortOrder`` (``show_sort``), and the labels of ``common.labels``
(which imports it) are made when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QLocale, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.gui.common.columns import ColumnFit
from kpmonitor.gui.field.inspections_model import ALIGNMENT, ID_ROLE, InspectionsModel

if TYPE_CHECKING:
    from kpmonitor.gui.common.labels import FeedbackLabel

SEARCH_PAUSE_MS = 150
# The last column shows a moment with its zone named ("2026-12-01 22:03 UTC+02:00").
# The status says the version, its lineage and how far its report got ("Signed v1 · certified · superseded by v2 ·
# received by HQ"): the widest.
LIST_WIDTHS = (150, 260, 60, 110, 120, 60, 330, 150, 190)
# On a small screen, on rows of two lines: "2026-12-01 22:03" over "UTC+02:00", every digit of an amount kept.
COMPACT_WIDTHS = (95, 140, 50, 95, 100, 60, 175, 100, 135)
EXPORTER = 1  # the column that stretches
# QHeaderView.saveState: a marker and a version, then the orientation, the sort order and section, and whether
# the arrow shows (QDataStream, big-endian), the rest of the header after them.
_STATE_HEAD = bytes.fromhex("000000ff" "00000000")
_HORIZONTAL, _ASCENDING, _DESCENDING = 1, 0, 1  # Qt.Orientation.Horizontal, Qt.SortOrder's values


def header_model(model: InspectionsModel, parent: QObject) -> QStandardItemModel:
    """The table's headers, with their alignment, as a model of their own for its horizontal header."""
    headers = QStandardItemModel(0, len(model.COLUMNS), parent)
    for column, text in enumerate(model.header_texts()):
        item = QStandardItem(text)
        item.setData(model.alignment(column), ALIGNMENT)
        headers.setHorizontalHeaderItem(column, item)
    return headers


def show_sort(header: QHeaderView, column: int, *, descending: bool) -> None:
    """Put the header's sort arrow on ``column``, without a signal (the model is in that order already).

    Through the header's own saved state with the order and section changed: ``setSortIndicator`` would
    want a ``Qt.SortOrder``, and with it every enum of the Qt namespace before the list's first paint.
    A state of another layout (a later Qt) takes that way instead.
    """
    state = bytearray(header.saveState().data())
    header.blockSignals(True)
    try:
        if state[:8] == _STATE_HEAD and state[8:12] == _HORIZONTAL.to_bytes(4, "big"):
            state[12:16] = (_DESCENDING if descending else _ASCENDING).to_bytes(4, "big")
            state[16:20] = column.to_bytes(4, "big")
            state[20] = 1
            if header.restoreState(QByteArray(bytes(state))) and header.sortIndicatorSection() == column:
                return
        from PySide6.QtCore import Qt

        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    finally:
        header.blockSignals(False)


class InspectionListWidget(QWidget):
    """Search box and the paged table of inspections."""

    open_requested = Signal(str)

    def __init__(self, model: InspectionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search certificate number, exporter, importer, site, seal…"))
        self.search_label = QLabel(self.tr("&Find"), self)
        self.search_label.setBuddy(self.search)
        self.count_label = QLabel(self)  # our own words, a number of rows: never rich text
        self.new_button = QPushButton(self.tr("&New inspection"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.delete_button = QPushButton(self.tr("&Delete draft"), self)
        self._message: FeedbackLabel | None = None  # made when first said (``message``), in this place
        self._message_place = QWidget(self)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.hide()

        self.table = QTableView(self)
        self.table.setObjectName("inspections")
        # Before the model: enabling the sort asks the model to sort (with a Qt.SortOrder), and ``model`` is
        # in its order already.
        self.table.setSortingEnabled(True)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: nothing ever measures every row of a 100,000-row list.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setModel(header_model(model, header))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns = ColumnFit(self.table, EXPORTER, LIST_WIDTHS, COMPACT_WIDTHS)
        show_sort(header, model.sort_column(), descending=model.descending)
        self.table.activated.connect(self._on_activated)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._on_search_return)
        # Said over the empty table: how to begin, or that the search found nothing.
        self.begin_text: Callable[[], str] = lambda: self.tr("No inspections yet.")
        self._empty: QLabel | None = None  # made the first time the list is empty (``empty``)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self._message_place, 1)
        self._bottom = bottom
        bottom.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        model.modelReset.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._update_count()
        self._on_current_row_changed(QModelIndex(), QModelIndex())

    @property
    def message(self) -> FeedbackLabel:
        """What the list says of the last action (deleted, restored, refused), beside its buttons."""
        if self._message is None:
            from kpmonitor.gui.common.labels import FeedbackLabel

            self._message = FeedbackLabel(self)
            self._bottom.replaceWidget(self._message_place, self._message)
            self._message_place.deleteLater()
        return self._message

    def _on_search_edited(self, _text: str) -> None:
        self._search_timer.start()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def _on_search_return(self) -> None:
        """Enter: the one inspection found opens; of several, the first is selected to go on with the arrows."""
        self.apply_search()
        if self.model.rowCount() == 1 and self.model.search:
            self.table.setCurrentIndex(self.model.index(0, 0))
            self._on_activated(self.model.index(0, 0))
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _update_count(self) -> None:
        n = self.model.rowCount()
        count = QLocale().toString(n)
        if self.model.search:
            text = self.tr("1 found") if n == 1 else self.tr("{count} found").format(count=count)
        else:
            text = self.tr("1 inspection") if n == 1 else self.tr("{count} inspections").format(count=count)
        self.count_label.setText(text)
        self.show_empty()

    @property
    def empty(self) -> QLabel:
        """The label said over an empty table, made when first needed.

        Not with the list: it lives on the table's viewport, and the first call of ``viewport()`` makes
        PySide load every class of QtWidgets (some 15 ms), which a list with rows need not wait for.
        """
        if self._empty is None:
            from PySide6.QtCore import Qt

            from kpmonitor.gui.common.labels import plain_label

            viewport = self.table.viewport()
            label = plain_label("", viewport, wrap=True)
            label.setObjectName("empty_list")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.hide()
            viewport.installEventFilter(self)
            self._empty = label
        return self._empty

    def show_empty(self) -> None:
        """Over an empty table, what to do: begin (``begin_text``), or search for something else."""
        if self.model.rowCount():
            if self._empty is not None:
                self._empty.hide()
            return
        if self.model.search:
            self.empty.setText(self.tr("No inspection matches “{search}”. Search for a certificate number, an "
                                       "exporter, an importer, a site or a seal number, or clear the search to see "
                                       "every inspection.").format(search=self.model.search))
        else:
            self.empty.setText(self.begin_text())
        self._place_empty()
        self.empty.show()

    def _place_empty(self) -> None:
        area = self.table.viewport().rect()
        self.empty.setGeometry(area.adjusted(32, 24, -32, -24))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the viewport is watched, and only once the label is made.
        if self._empty is not None and event.type() == QEvent.Type.Resize:
            self._place_empty()
        return False

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ID_ROLE)
        return str(value) if value else None

    def select_id(self, inspection_id: str) -> None:
        row = self.model.row_of(inspection_id)
        if row is None and self.model.rowCount():
            # Just reloaded: an inspection that was just changed is near the top; look at the first page.
            self.model.summary(0)
            row = self.model.row_of(inspection_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value:
            self.open_requested.emit(str(value))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_button.setEnabled(current.isValid())
        self.delete_button.setEnabled(current.isValid())
