"""The inspections list: a search box over the paged table of ``InspectionsModel``.

An empty list says how to begin (``begin_text``, given by the window); a search that finds nothing says so.
Enter in the search box opens the one inspection found, or goes to the first of several.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
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
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label
from kpmonitor.gui.field.inspections_model import ID_ROLE, InspectionsModel

SEARCH_PAUSE_MS = 150
# The last column shows a moment with its zone named ("2026-12-01 22:03 UTC+02:00").
# The status says the version, its lineage and how far its report got ("Signed v1 · certified · superseded by v2 ·
# received by HQ"): the widest.
LIST_WIDTHS = (150, 260, 60, 110, 120, 60, 330, 150, 190)
# On a small screen, on rows of two lines: "2026-12-01 22:03" over "UTC+02:00", every digit of an amount kept.
COMPACT_WIDTHS = (95, 140, 50, 95, 100, 60, 175, 100, 135)
EXPORTER = 1  # the column that stretches


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
        self.count_label = plain_label("", self)
        self.new_button = QPushButton(self.tr("&New inspection"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.delete_button = QPushButton(self.tr("&Delete draft"), self)
        self.message = FeedbackLabel(self)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.hide()

        self.table = QTableView(self)
        self.table.setObjectName("inspections")
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns = ColumnFit(self.table, EXPORTER, LIST_WIDTHS, COMPACT_WIDTHS)
        header.setSortIndicator(model.sort_column(), model.sort_order())
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._on_activated)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._on_search_return)
        # Said over the empty table: how to begin, or that the search found nothing.
        self.begin_text: Callable[[], str] = lambda: self.tr("No inspections yet.")
        self.empty = plain_label("", self.table.viewport(), wrap=True)
        self.empty.setObjectName("empty_list")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty.hide()
        self.table.viewport().installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.message, 1)
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

    def show_empty(self) -> None:
        """Over an empty table, what to do: begin (``begin_text``), or search for something else."""
        if self.model.rowCount():
            self.empty.hide()
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
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
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
