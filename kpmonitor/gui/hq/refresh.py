"""Seeing what others record at headquarters: the window's poll, and the read of its lists on the pool.

A headquarters home is shared: ``kpmonitor hq import`` at the command line while the window is open today,
several analysts on one PostgreSQL server soon. Whatever anybody records (an import attempt, a note, a
confirmation of receipt) changes ``HQStore.change_marker``, one cheap query on either engine, which the
window's ``ChangeWatcher`` asks every ``POLL_MS``. When it changed, the window reads its lists again on the
pool (``read_lists``), through a read-only store that ``open_reader`` opens on the worker's own thread, and
shows them on the GUI thread, where the analyst's place in each list is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from kpmonitor.hq.notes import NotedAnomaly
    from kpmonitor.hq.receipts_due import ReceiptTerms
    from kpmonitor.hq.reports import SignerBadges
    from kpmonitor.hq.stats import MonitorSummary
    from kpmonitor.hq.store import HQStore, ReportSummary
    from kpmonitor.store.db import Store
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

Marker: TypeAlias = tuple[int, int, int]
ReaderOpener: TypeAlias = Callable[[], AbstractContextManager["HQStore"]]

# Every three seconds: a report imported at the command line is in the window by the time the analyst has switched
# back to it, while a poll costs one query of three aggregates (0.6 ms on SQLite with 100,000 log lines and 90,000
# confirmations held, warm), so ten analysts' windows on one server make three small queries a second between them.
# Faster would only add load; slower and an analyst would look at a list they know is out of date.
POLL_MS = 3_000


class _Connection:
    """What ``HQStore``'s reads use of a store: its connection (its writes need a ``Store``, which this is not)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn


def own_store(ws: Workspace) -> HQStore:
    """The window's own headquarters store (its writer, on the GUI thread; the home's engine): what its poll asks."""
    from kpmonitor.hq.store import hq_store

    return hq_store(ws)


def open_reader(ws: Workspace) -> ReaderOpener:
    """How the window's workers open a read-only headquarters store for ``ws``'s home: the one place that knows.

    A read-only connection of the worker's own (``hq.store.reader_for``: SQLite's ``mode=ro``, or a PostgreSQL
    session with ``default_transaction_read_only``) under ``HQStore``'s reads, which choose their dialect by the
    connection. The opener is called on the worker's thread, which then owns the connection (a SQLite connection
    refuses to be used by any other thread); it closes when the ``with`` ends.
    """
    from kpmonitor.hq.store import database_source

    source = database_source(ws)

    @contextmanager
    def opened() -> Iterator[HQStore]:
        from kpmonitor.hq.store import HQStore, reader_for

        with reader_for(source) as reader:
            # Read-only: whatever a read does, this connection cannot write; the window's store stays the one writer.
            yield HQStore(cast("Store", _Connection(reader.conn)))

    return opened


@dataclass(frozen=True)
class Wanted:
    """What the GUI thread knows that a read needs: the list's search and depth, and what judges the rows."""

    search: str
    limit: int  # as many reports as the list has loaded, so that its scroll position stays where it was
    badges: SignerBadges  # read the revocation list on the GUI thread; used only by the worker after
    terms: ReceiptTerms
    revoked: set[str]
    rules: str  # the fingerprint of the rules the stored anomalies must have been judged with


@dataclass(frozen=True)
class Lists:
    """The window's lists as read at one moment (each list's own statement: they follow each other closely)."""

    marker: Marker
    held: int  # reports held, whatever the search: how many arrived since the last read
    log_rows: list[dict[str, Any]]
    search: str
    total: int
    reports: list[ReportSummary]
    anomalies: list[NotedAnomaly]
    monitors: list[MonitorSummary]
    # False when the stored anomalies were judged by other rules or on another day: judging them again writes,
    # which only the window's own store may do, so the window reads everything again on its thread instead.
    judged: bool


def read_lists(opener: ReaderOpener, wanted: Wanted) -> Lists:
    """Read the window's lists through a read-only store (on the pool)."""
    from kpmonitor.hq.notes import noted_as_stored
    from kpmonitor.hq.reports import with_receipts
    from kpmonitor.hq.stats import monitors_in

    search = wanted.search or None
    with opener() as hqs:
        marker = hqs.change_marker()  # first: whatever is recorded after it changes it again, for the next poll
        judged = (hqs.anomalies_judged_with() == wanted.rules
                  and hqs.receipts_judged_with() == wanted.terms.marker())
        rows = hqs.list_reports(search, limit=wanted.limit, badge=wanted.badges)
        return Lists(marker, hqs.count_reports(None), hqs.import_log(500), wanted.search, hqs.count_reports(search),
                     with_receipts(hqs, rows, wanted.terms), noted_as_stored(hqs) if judged else [],
                     monitors_in(hqs, wanted.revoked), judged)


class ChangeWatcher(QObject):
    """Asks ``read_marker`` every ``interval`` milliseconds and says ``changed`` while it differs from the one
    ``settle`` was last given: again at every poll until the window has caught up, so that a refresh put off
    (a dialog open, an import running) happens at the first poll after."""

    changed = Signal()

    def __init__(self, read_marker: Callable[[], Marker], interval: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_marker = read_marker
        self.marker: Marker | None = None
        self.failing = False  # the last poll could not ask: said once in the log, not every few seconds
        self.timer = QTimer(self)
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def set_interval(self, interval: int) -> None:
        """Milliseconds between polls (tests poll often rather than wait seconds)."""
        self.timer.setInterval(interval)

    def settle(self, marker: Marker) -> None:
        """The window shows what was recorded up to ``marker``."""
        self.marker = marker

    def poll(self) -> None:
        try:
            marker = self.read_marker()
        except Exception as exc:  # any engine's: a database busy, a server out of reach; the next poll asks again
            if not self.failing:
                log.warning("headquarters' change marker could not be read: %s", exc)
            self.failing = True
            return
        self.failing = False
        if self.marker is not None and marker != self.marker:
            self.changed.emit()
