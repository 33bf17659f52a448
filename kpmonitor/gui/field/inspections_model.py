"""The inspections list as a table model that loads its rows a page at a time.

A home may hold a hundred thousand inspections. The model asks the store for
the number of rows (``count``) and, when the view paints a row it has not
seen, for the page of rows around it (``summaries`` with limit and offset):
one query per page, never one per cell. Only a few pages are kept; sorting
and searching are done by the store's own query (``order_by``, ``search``),
so nothing is sorted or filtered in Python.

Two versions of one report look alike but for what the Status column adds: the
version, what it supersedes or is superseded by, and how far its report got
(not exported, exported, received by headquarters, as the newest receipt says:
read once per reload, never per row).

The list's first paint touches no enum of PySide's ``Qt`` namespace, whose first use builds all of them
(some 20 ms, more than the page itself): the roles are plain numbers, the headers are the list widget's
(``header_texts``; a ``headerData`` here would be asked with a ``Qt.Orientation`` by the hidden vertical
header too), and ``sort_by`` takes a flag.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor

from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text
from kpmonitor.domain.text import printable

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from kpmonitor.store.listing import InspectionSummary

PAGE_SIZE = 100
# Pages kept in memory: enough for a screenful and some scrolling back.
MAX_PAGES = 20
# Qt's roles and alignments as the numbers they are (Qt.ItemDataRole, Qt.AlignmentFlag: fixed by Qt's ABI; a
# test holds them to the enums), compared once per cell the view paints.
DISPLAY, TOOL_TIP, ALIGNMENT, FOREGROUND = 0, 3, 7, 9  # DisplayRole, ToolTipRole, TextAlignmentRole, ForegroundRole
ID_ROLE = 0x0100 + 1  # UserRole + 1
ANSWERED = frozenset({DISPLAY, TOOL_TIP, ID_ROLE, ALIGNMENT, FOREGROUND})
LEFT = 0x0001 | 0x0080   # AlignLeft | AlignVCenter
RIGHT = 0x0002 | 0x0080  # AlignRight | AlignVCenter


class SummarySource(Protocol):
    """What the model needs from a store: ``store.db.Store`` and ``store.listing.ListReader`` satisfy it."""

    def summaries(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                  order_by: str = "updated_at", descending: bool = True) -> list[InspectionSummary]: ...

    def count(self, search: str | None = None) -> int: ...


class InspectionsModel(QAbstractTableModel):
    """Rows of ``Store.summaries``; ``ID_ROLE`` gives a row's inspection id."""

    # (sort key of Store.summaries, right-aligned)
    COLUMNS: tuple[tuple[str, bool], ...] = (
        ("cert_number", False), ("exporter", False), ("origin", False), ("carats", True), ("value_usd", True),
        ("parcel_count", True), ("status", False), ("warnings", False), ("updated_at", False),
    )
    page_loaded = Signal(int, int)  # offset, rows: for the status bar and for tests

    def __init__(self, source: SummarySource, *, country_name: Callable[[str], str | None] | None = None,
                 received: Callable[[], dict[str, Any]] | None = None, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        """Rows of ``source``, a page at a time.

        :param received: what headquarters' newest receipt holds (``history.received.received_reports``).
        """
        super().__init__(parent)
        self._source = source
        self._country_name = country_name
        self._received_source = received
        self._received: dict[str, Any] | None = None
        self._page_size = page_size
        self._pages: OrderedDict[int, list[InspectionSummary]] = OrderedDict()
        self._count: int | None = None
        self._search = ""
        self._order_by = "updated_at"
        self._descending = True
        self.error_color = QColor("#b3261e")
        self.warning_color = QColor("#8a5300")
        self.superseded_color = QColor("#6b6b6b")
        self._header_texts: tuple[str, ...] | None = None

    def set_source(self, source: SummarySource, *, received: Callable[[], dict[str, Any]] | None = None) -> None:
        """Read from another source of the same rows from now on (the store, once opened, instead of the
        read-only reader that showed the first page): the pages already read stay."""
        self._source = source
        self._received_source = received

    # --- what the list shows -------------------------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text == self._search:
            return
        self.beginResetModel()
        self._search = text
        self._forget()
        self.endResetModel()

    def refresh(self) -> None:
        """Forget every loaded row: the store changed."""
        self.beginResetModel()
        self._forget()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """The view's sort (ascending unless said otherwise): ``sort_by``."""
        from PySide6.QtCore import Qt

        self.sort_by(column, descending=order == Qt.SortOrder.DescendingOrder)

    def sort_by(self, column: int, *, descending: bool) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        order_by = self.COLUMNS[column][0]
        if (order_by, descending) == (self._order_by, self._descending):
            return
        self.beginResetModel()
        self._order_by, self._descending = order_by, descending
        self._forget()
        self.endResetModel()

    def sort_column(self) -> int:
        return next(i for i, (key, _right) in enumerate(self.COLUMNS) if key == self._order_by)

    @property
    def descending(self) -> bool:
        return self._descending

    def sort_order(self) -> Qt.SortOrder:
        from PySide6.QtCore import Qt

        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def _forget(self) -> None:
        self._pages.clear()
        self._count = None
        self._received = None

    def received(self) -> dict[str, Any]:
        """``{"issued_at", "ids"}`` of the newest receipt (empty without one), read once per reload."""
        if self._received is None:
            self._received = self._received_source() if self._received_source is not None else {}
        return self._received

    def is_received(self, s: InspectionSummary) -> bool:
        return s.report_id is not None and s.report_id in self.received().get("ids", ())

    def summary(self, row: int) -> InspectionSummary | None:
        """The row's summary, loading its page if needed."""
        if not 0 <= row < self.rowCount():
            return None
        number, within = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._source.summaries(self._search or None, limit=self._page_size,
                                          offset=number * self._page_size, order_by=self._order_by,
                                          descending=self._descending)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            self.page_loaded.emit(number * self._page_size, len(page))
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def loaded_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def row_of(self, inspection_id: str) -> int | None:
        """The row of an inspection among the pages already loaded (no query)."""
        for number, page in self._pages.items():
            for within, summary in enumerate(page):
                if summary.id == inspection_id:
                    return number * self._page_size + within
        return None

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._count is None:
            self._count = self._source.count(self._search or None)
        return self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def header_texts(self) -> tuple[str, ...]:
        """The columns' headers (the list widget shows them, ``inspection_list.header_model``)."""
        if self._header_texts is None:
            self._header_texts = (self.tr("Certificate"), self.tr("Exporter"), self.tr("Origin"), self.tr("Carats"),
                                  self.tr("US$"), self.tr("Parcels"), self.tr("Status"), self.tr("Problems"),
                                  self.tr("Last change"))
        return self._header_texts

    def alignment(self, column: int) -> int:
        """A column's alignment, of its cells and its header (``RIGHT`` or ``LEFT``)."""
        return RIGHT if self.COLUMNS[column][1] else LEFT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None  # answered without loading anything
        s = self.summary(index.row())
        if s is None:
            return None
        if role == ID_ROLE:
            return s.id
        key, right = self.COLUMNS[index.column()]
        if role == ALIGNMENT:
            return RIGHT if right else LEFT
        if role == FOREGROUND:
            if key == "warnings":
                if s.errors:
                    return self.error_color
                if s.warnings:
                    return self.warning_color
            if s.superseded_by_signed:
                return self.superseded_color  # a version that is no longer the report: dimmed
            return None
        if role == TOOL_TIP:
            from kpmonitor.gui.common.labels import safe_tooltip  # (with the Qt namespace: once the list is shown)

            return safe_tooltip(self._tooltip(s, key))
        return printable(self._display(s, key))  # a certificate number or exporter from a document: escaped

    def _display(self, s: InspectionSummary, key: str) -> str:
        if key == "cert_number":
            return s.cert_number or self.tr("(no number yet)")
        if key == "exporter":
            return s.exporter
        if key == "origin":
            return s.origin
        if key == "carats":
            return amount_text(s.carats)
        if key == "value_usd":
            return amount_text(s.value_usd)
        if key == "parcel_count":
            return "" if s.parcel_count is None else str(s.parcel_count)
        if key == "status":
            return self._status(s)
        if key == "warnings":
            return self._problems(s)
        if key == "updated_at":
            return show_moment(s.updated_at)
        return ""

    def _status(self, s: InspectionSummary) -> str:
        """"Signed v1 · certified · superseded by v2 · received by HQ": the version and where it stands."""
        if s.status == "signed":
            parts = [self.tr("Signed v{version}").format(version=s.version)]
        elif self.is_amendment(s):
            parts = [self.tr("Amendment v{version}").format(version=s.version)]
        else:
            parts = [self.tr("Draft")]
        if s.verdict:
            parts.append(self._verdict(s.verdict))
        if s.supersedes:
            parts.append(self.tr("supersedes v{version}").format(version=s.supersedes_version)
                         if s.supersedes_version else self.tr("supersedes an earlier report"))
        if s.superseded_by:
            parts.append(self.tr("superseded by v{version}").format(version=s.version + 1)
                         if s.superseded_by_signed else self.tr("being amended"))
        if s.report_id is not None:
            parts.append(self.tr("received by HQ") if self.is_received(s) else
                         self.tr("exported") if s.exported_at else self.tr("not exported"))
        return " · ".join(parts)

    def _status_tooltip(self, s: InspectionSummary) -> str | None:
        lines = []
        if s.report_id is not None:
            lines.append(self.tr("Report {report}, version {version}.").format(report=s.report_id[:8],
                                                                               version=s.version))
        if s.supersedes:
            lines.append(self.tr("Amends report version {version}: {reason}").format(
                version=s.supersedes_version or "?", reason=s.amend_reason or self.tr("(no reason given yet)")))
        if s.superseded_by:
            lines.append(self.tr("Superseded by version {version}.").format(version=s.version + 1)
                         if s.superseded_by_signed else
                         self.tr("An amendment (version {version}) is being drafted.").format(version=s.version + 1))
        if s.report_id is not None:
            lines.append(self.tr("Exported {when}.").format(when=show_moment(s.exported_at)) if s.exported_at
                         else self.tr("Not exported yet."))
            if self.is_received(s):
                lines.append(self.tr("Received by headquarters (its receipt of {when}).").format(
                    when=show_moment(self.received().get("issued_at"))))
        return "\n".join(lines) or None

    def is_amendment(self, s: InspectionSummary) -> bool:
        """A draft that will supersede a signed report."""
        return s.status != "signed" and bool(s.supersedes)

    def _verdict(self, verdict: str) -> str:
        return {"certified": self.tr("certified"), "not_certified": self.tr("not certified"),
                "held": self.tr("held pending")}.get(verdict, verdict)

    def _problems(self, s: InspectionSummary) -> str:
        if s.errors is None or s.warnings is None:
            return ""
        parts = []
        if s.errors:
            parts.append(self.tr("1 error") if s.errors == 1 else self.tr("%n errors", "", s.errors))
        if s.warnings:
            parts.append(self.tr("1 warning") if s.warnings == 1 else self.tr("%n warnings", "", s.warnings))
        return ", ".join(parts) if parts else self.tr("none")

    def _tooltip(self, s: InspectionSummary, key: str) -> str | None:
        if key == "origin" and s.origin and self._country_name is not None:
            return self._country_name(s.origin)
        if key == "exporter":
            return f"{s.exporter}\n→ {s.importer}" if s.importer else s.exporter or None
        if key == "cert_number":
            return s.site or None
        if key == "status":
            return self._status_tooltip(s)
        return None
