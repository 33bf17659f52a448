"""A new monitor is told what to do next: the first start says to enrol with headquarters and to start an
inspection, and so does the empty list; a search that finds nothing says so. The list's moments read with
their zone named."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpmonitor.gui.common.first_run import FirstRunDialog
from kpmonitor.gui.field.inspections_model import InspectionsModel
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.store.db import InspectionSummary
from kpmonitor.trust import identity
from kpmonitor.workspace import Workspace, read_home

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.fixture
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identity, "default_kdf", lambda: identity.Argon2idParams(memory_kib=1024, iterations=1,
                                                                                 lanes=1))


def test_the_first_start_says_what_to_do_next_and_closing_it_opens_the_home(
        qtbot: QtBot, tmp_path: Path, cheap_keys: None) -> None:
    paths = Paths.for_home(tmp_path / "new")
    dialog = FirstRunDialog(paths)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Tendai Moyo")
    qtbot.keyClicks(dialog.passphrase, "correct horse")
    qtbot.keyClicks(dialog.repeat, "correct horse")
    dialog.create_home()
    assert read_home(paths) is not None and dialog.result() == 0  # made, and still open: it says what next
    text = dialog.next_label.text()
    assert text.startswith("Your home is ready, Tendai Moyo.\n\nWhat to do next:\n\n1. Enrol with headquarters")
    assert "Tools → Signing certificate… → Write certificate request…" in text
    assert "2. Start an inspection: New inspection (Ctrl+N)" in text
    assert dialog.pages.currentWidget() is dialog.next_label and dialog.ok_button.text() == "Start"
    assert dialog.cancel_button.isHidden()
    dialog.reject()  # nothing to cancel once the home is made: it opens
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_headquarters_first_start_names_its_own_next_steps(qtbot: QtBot, tmp_path: Path, cheap_keys: None) -> None:
    dialog = FirstRunDialog(Paths.for_home(tmp_path / "hq"))
    qtbot.addWidget(dialog)
    dialog.hq_role.setChecked(True)
    qtbot.keyClicks(dialog.name, "KP secretariat")
    qtbot.keyClicks(dialog.passphrase, "correct horse")
    qtbot.keyClicks(dialog.repeat, "correct horse")
    dialog.create_home()
    text = dialog.next_label.text()
    assert "1. Issue each monitor's certificate" in text and "Import the report bundles" in text
    assert "Enrol" not in text
    dialog.create_home()  # OK again: done
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_the_empty_list_says_how_to_begin_and_an_empty_search_says_so(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow]) -> None:
    window = make_window(workspace)
    empty = window.list.empty
    assert empty.isVisible()
    text = empty.text()
    assert text.startswith("No inspections yet. To begin:\n\n1. Enrol with headquarters"), text
    assert "2. Start an inspection: New inspection (Ctrl+N)" in text
    window.list.search.setText("ZW 9")
    window.list.apply_search()
    assert empty.isVisible() and empty.text().startswith("No inspection matches “ZW 9”.")
    window.list.search.clear()
    window.list.apply_search()
    window.new_inspection()
    assert window.editor is not None
    window.editor.certificate.fields["certificate.number"].edit.setText("ZW 1")  # stored at its first change
    window.editor.certificate.fields["certificate.number"].commit()
    window.show_list()
    assert window.model.rowCount() == 1 and not empty.isVisible()


def test_an_enrolled_home_s_empty_list_says_only_how_to_start(
        qtbot: QtBot, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow]) -> None:
    window = make_window(signing_workspace)
    assert window.list.empty.text() == ("No inspections yet. To begin:\n\n1. Start an inspection: New inspection "
                                        "(Ctrl+N), then type the KP certificate's number. Every change is saved as "
                                        "you make it.")


def summary(**changes: object) -> InspectionSummary:
    row = InspectionSummary(id="i1", cert_number="ZW 004217", exporter="Mbada", importer="Antwerp", origin="ZW",
                            site="Marange", carats=120050, value_usd=3601500, parcel_count=2, status="signed",
                            verdict="certified", errors=0, warnings=0, inspected_at="2026-12-01T09:30:00+02:00",
                            updated_at="2026-12-01T22:03:00+02:00", report_id="r1234567",
                            exported_at="2026-12-01T20:05:00+00:00")
    for key, value in changes.items():
        setattr(row, key, value)
    return row


class OneRow:
    def __init__(self, row: InspectionSummary) -> None:
        self.row = row

    def summaries(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                  order_by: str = "updated_at", descending: bool = True) -> list[InspectionSummary]:
        return [self.row][offset:offset + limit]

    def count(self, search: str | None = None) -> int:
        return 1


def test_the_list_and_its_tool_tips_show_moments_with_their_zone_never_as_iso(qtbot: QtBot) -> None:
    model = InspectionsModel(OneRow(summary()), received=lambda: {"issued_at": "2026-12-02T08:00:00+00:00",
                                                                  "ids": ["r1234567"]})
    columns = [key for key, _right in model.COLUMNS]
    changed = model.index(0, columns.index("updated_at")).data()
    assert changed == "2026-12-01 22:03 UTC+02:00"
    tip = model.index(0, columns.index("status")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Exported 2026-12-01 20:05 UTC." in tip and "its receipt of 2026-12-02 08:00 UTC" in tip
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert not ISO.search(str(model.index(0, column).data(role) or "")), (column, role)


def test_headquarters_first_start_on_a_database_makes_it_then_joins_it(qtbot: QtBot, tmp_path: Path,
                                                                         cheap_keys: None, pg_url: str) -> None:
    """The first analyst's first start makes headquarters on the server (with its key); the next one's joins it, with
    no passphrase, and is told the root's fingerprint to compare."""
    import psycopg

    name = f"kp_first_{tmp_path.name[-12:].replace('-', '_')}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = pg_url.replace("/kpmonitor_test?", f"/{name}?")
    first = FirstRunDialog(Paths.for_home(tmp_path / "issuing"))
    qtbot.addWidget(first)
    assert not first.database.isEnabled()  # a monitor's home is on this computer
    first.hq_role.setChecked(True)
    assert first.database.isEnabled()
    first.database.setText(url)
    qtbot.keyClicks(first.name, "KP secretariat")
    qtbot.keyClicks(first.passphrase, "correct horse")
    qtbot.keyClicks(first.repeat, "correct horse")
    first.create_home()
    assert first.info is not None and first.info.database == url
    assert "1. Issue each monitor's certificate" in first.next_label.text()
    second = FirstRunDialog(Paths.for_home(tmp_path / "analyst"))
    qtbot.addWidget(second)
    second.hq_role.setChecked(True)
    second.database.setText(url)
    qtbot.keyClicks(second.name, "Second analyst")
    second.create_home()
    root = identity.load_cert(Paths.for_home(tmp_path / "issuing").keys / "root-cert.pem")
    assert second.info is not None and second.info.database == url
    text = second.next_label.text()
    assert text.startswith("Second analyst joined headquarters on its database.") and identity.fingerprint(root) in text
    assert not (Paths.for_home(tmp_path / "analyst").keys / "root-key.json").exists()
