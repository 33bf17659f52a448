"""The inspections list tells two versions of one report apart: "Signed v1 · certified · superseded by v2 ·
received by HQ" next to "Signed v2 · certified · supersedes v1 · not exported", never two identical rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from kpmonitor.gui.field.inspections_model import ID_ROLE, InspectionsModel
from kpmonitor.paths import Paths
from kpmonitor.report.sign import sign_inspection
from kpmonitor.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE
from tests.test_bundle import example, export, make_device, sign_doc

STATUS = 6
REASON = "Parcel 1 was re-weighed at the vault."


def statuses(model: InspectionsModel, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> dict[str, Any]:
    return {model.index(r, 0).data(ID_ROLE): model.index(r, STATUS).data(role) for r in range(model.rowCount())}


def test_the_status_says_the_version_its_lineage_and_how_far_its_report_got(qtbot: Any, tmp_path: Path) -> None:
    home = make_device(tmp_path / "field", "Amélie Ndlovu", None)
    r1 = sign_doc(home, example())
    with Workspace(Paths.for_home(home)) as ws:
        first = str(ws.store.report(r1)["inspection_id"])
        held: dict[str, Any] = {}
        reads: list[int] = []

        def received() -> dict[str, Any]:
            reads.append(1)
            return held

        model = InspectionsModel(ws.store, received=received)
        assert statuses(model) == {first: "Signed v1 · certified · not exported"}
        export(home, r1, tmp_path / "usb")
        draft = ws.store.amend(first, REASON)
        model.refresh()
        assert statuses(model) == {first: "Signed v1 · certified · being amended · exported",
                                   draft: "Amendment v2 · certified · supersedes v1"}
        tip = statuses(model, Qt.ItemDataRole.ToolTipRole)
        assert f"Amends report version 1: {REASON}" in tip[draft]
        assert f"Report {r1[:8]}, version 1." in tip[first] and "Exported " in tip[first]
        for p in ws.validate(ws.store.get(draft)):
            if not p.is_error and ws.store.get(draft).acknowledged(p.code, p.field) is None:
                ws.store.acknowledge(draft, p.code, p.field, "Checked on site.")
        r2 = sign_inspection(ws, draft, TEST_PASSPHRASE).report_id
        held.update({"issued_at": "2026-11-23T10:00:00+00:00", "ids": {r1}})  # headquarters' receipt holds v1
        reads.clear()
        model.refresh()
        assert statuses(model) == {first: "Signed v1 · certified · superseded by v2 · received by HQ",
                                   draft: "Signed v2 · certified · supersedes v1 · not exported"}
        assert len(reads) == 1  # the receipt is read once per reload, not once per row
        tip = statuses(model, Qt.ItemDataRole.ToolTipRole)
        assert "Superseded by version 2." in tip[first] and "Received by headquarters" in tip[first]
        assert f"Report {r2[:8]}, version 2." in tip[draft]
        # The version no longer in force is dimmed; the one in force is not.
        row_of = {model.index(r, 0).data(ID_ROLE): r for r in range(model.rowCount())}
        assert model.index(row_of[first], 0).data(Qt.ItemDataRole.ForegroundRole) == model.superseded_color
        assert model.index(row_of[draft], 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_amending_waits_for_a_reason(qtbot: Any) -> None:
    from kpmonitor.gui.common.dialogs import TextDialog

    dialog = TextDialog("Amend", "Correct ZW 004217 with an amendment?", "Why is the report corrected?",
                        yes="Amend", check="Resolved")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # nothing said yet: nothing to amend with
    dialog.text.setPlainText("   ")
    assert not dialog.ok.isEnabled()
    dialog.text.setPlainText("  " + REASON + "\n")
    assert dialog.ok.isEnabled() and dialog.text_value() == REASON and not dialog.checked()
    assert dialog.check is not None
    dialog.check.setChecked(True)
    assert dialog.checked()
