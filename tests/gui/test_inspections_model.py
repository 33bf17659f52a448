"""The inspections list with 100,000 inspections: it opens, scrolls, sorts and filters a page at a time."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Certificate, Inspection, Party
from kpmonitor.gui.field.inspections_model import PAGE_SIZE, InspectionsModel
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.store.db import InspectionSummary, Store
from kpmonitor.workspace import Workspace, init_home

ROWS = 100_000
TEMPLATES = 500
EXPORTERS = ["Mbada Diamonds", "Marange Resources", "Anjin Investments", "ZCDC", "Diamond Mining Corporation"]


class CountingStore:
    """The store, with a tally of the queries the model makes and the rows they return."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.summary_calls = 0
        self.rows_fetched = 0
        self.count_calls = 0

    def summaries(self, search: str | None = None, **kwargs: Any) -> list[InspectionSummary]:
        self.summary_calls += 1
        rows = self.store.summaries(search, **kwargs)
        self.rows_fetched += len(rows)
        return rows

    def count(self, search: str | None = None) -> int:
        self.count_calls += 1
        return self.store.count(search)

    def reset(self) -> None:
        self.summary_calls = self.rows_fetched = self.count_calls = 0


def _build(paths: Paths) -> None:
    """A few hundred inspections through the store, then cloned to 100,000 with plain SQL.

    Only the fixture does this: written one by one through the store (audit
    event, search index and validation per inspection), 100,000 inspections
    take minutes, and this test is about the list, not about writing.
    """
    with Store(paths.database, actor="Bench") as store, store.batch():
        for i in range(TEMPLATES):
            exporter = EXPORTERS[i % len(EXPORTERS)]
            store.create_inspection(Inspection(
                certificate=Certificate(number=f"ZW {i:07d}", exporter=Party(exporter, "Zimbabwe"),
                                        importer=Party("Antwerp Rough Trading NV", "Antwerp"),
                                        origin="ZW", carats=1000 + i * 37, value_usd=50_000 + i * 1013,
                                        parcel_count=1 + i % 6),
                site=f"{exporter} sort house"))
    conn = sqlite3.connect(paths.database)
    with conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(inspections)")]
        replaced = {
            "id": "lower(hex(randomblob(16)))",
            "cert_number": "'ZW ' || printf('%07d', k.n * 1000 + CAST(substr(i.cert_number, 4) AS INTEGER))",
            "cert_number_norm": "'ZW' || printf('%07d', k.n * 1000 + CAST(substr(i.cert_number, 4) AS INTEGER))",
            "carats": "i.carats + k.n",
        }
        select = ", ".join(replaced.get(c, f"i.{c}") for c in columns)
        conn.execute(
            f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {ROWS // TEMPLATES - 1}) "
            f"INSERT INTO inspections ({', '.join(columns)}) SELECT {select} FROM inspections i, k")
        conn.execute("DELETE FROM inspection_search")
        conn.execute("INSERT INTO inspection_search (inspection_id, body) SELECT id, cert_number || ' ' || "
                     "cert_number_norm || ' ' || exporter_name || ' ' || importer_name || ' ' || site || ' ' || "
                     "origin FROM inspections")
    conn.close()


@pytest.fixture(scope="session")
def big_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paths]:
    paths = Paths.for_home(tmp_path_factory.mktemp("big") / "home")
    init_home(paths, "field", "Bench")
    started = time.perf_counter()
    _build(paths)
    print(f"\nbuilt {ROWS:,} inspections in {time.perf_counter() - started:.1f} s")
    yield paths


@pytest.fixture
def big(big_home: Paths) -> Iterator[Workspace]:
    with Workspace(big_home) as ws:
        assert ws.store.count() == ROWS
        yield ws


def _view(qtbot: QtBot, model: InspectionsModel) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view


def test_the_list_opens_on_one_page_and_counts_with_the_store(qtbot: QtBot, big: Workspace) -> None:
    source = CountingStore(big.store)
    started = time.perf_counter()
    model = InspectionsModel(source)
    view = _view(qtbot, model)
    elapsed = time.perf_counter() - started
    assert model.rowCount() == big.store.count() == ROWS
    assert source.count_calls == 1
    assert source.summary_calls == 1 and source.rows_fetched == PAGE_SIZE  # a screenful, one query
    assert view.model().data(model.index(0, 0))
    assert elapsed < 5, f"the list took {elapsed:.2f} s to open"


def test_scrolling_to_the_end_loads_only_the_last_page(qtbot: QtBot, big: Workspace) -> None:
    source = CountingStore(big.store)
    model = InspectionsModel(source)
    view = _view(qtbot, model)
    source.reset()
    view.scrollToBottom()
    QApplication.processEvents()
    assert source.summary_calls == 1 and source.rows_fetched == PAGE_SIZE
    last = model.summary(ROWS - 1)
    assert last is not None
    oldest = big.store.summaries(limit=1, order_by="updated_at", descending=False)[0]
    assert last.id == oldest.id
    assert source.summary_calls == 1  # already loaded


def test_sorting_is_the_stores_order(qtbot: QtBot, big: Workspace) -> None:
    source = CountingStore(big.store)
    model = InspectionsModel(source)
    view = _view(qtbot, model)
    source.reset()
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # carats
    QApplication.processEvents()
    heaviest = big.store.summaries(limit=1, order_by="carats", descending=True)[0]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole + 1) == heaviest.id
    assert source.summary_calls == 1 and source.rows_fetched == PAGE_SIZE


def test_typing_a_search_filters_after_a_pause_without_loading_every_row(
        qtbot: QtBot, big: Workspace, make_window: Callable[[Workspace], MainWindow]) -> None:
    window = make_window(big)
    source = CountingStore(big.store)
    window.model._source = source  # count what the list asks from here on
    window.list.search.setFocus()
    started = time.perf_counter()
    qtbot.keyClicks(window.list.search, "mbada 00001")
    qtbot.waitUntil(lambda: window.model.search == "mbada 00001", timeout=3000)
    QApplication.processEvents()
    elapsed = time.perf_counter() - started
    expected = big.store.count("mbada 00001")
    assert 0 < expected < ROWS
    assert window.model.rowCount() == expected
    assert window.list.count_label.text() == f"{QLocale().toString(expected)} found"
    # One search for the whole word, not one per keystroke; one page, not every match.
    assert source.count_calls == 1
    assert source.summary_calls == 1 and source.rows_fetched <= PAGE_SIZE
    assert all("Mbada" in (model_row.exporter) for model_row in
               [window.model.summary(r) for r in range(min(expected, 20))] if model_row is not None)
    assert elapsed < 5, f"the search took {elapsed:.2f} s"


def test_the_main_window_shows_a_big_home_fast(big: Workspace, make_window: Callable[[Workspace], MainWindow],
                                               tmp_path: Path) -> None:
    started = time.perf_counter()
    window = make_window(big)
    elapsed = time.perf_counter() - started
    assert window.list.count_label.text() == f"{QLocale().toString(ROWS)} inspections"
    assert window.model.loaded_rows() <= 2 * PAGE_SIZE
    assert elapsed < 5, f"the window took {elapsed:.2f} s"
