"""Signing, exporting and amending from the desktop: the dialog, the frozen editor, the files on the stick."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection, Status
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.gui.conftest import SIGNING_PASSPHRASE, SignedTemplate


def editable_widgets(editor: InspectionEditorWidget) -> list[str]:
    """Every input in the editor's sections that would still take a change (table corner buttons aside)."""
    found = []
    for i in range(editor.tabs.count()):
        section = editor.tabs.widget(i)
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton):
            for widget in section.findChildren(kind):
                read_only = isinstance(widget, QLineEdit | QPlainTextEdit) and widget.isReadOnly()
                if (widget.isEnabled() and not read_only and widget.isVisibleTo(editor)
                        and widget.objectName() != "qt_tableview_cornerbutton"
                        and not (isinstance(widget, QAbstractButton) and widget.text() in ("View", "&View…"))):
                    found.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r} in tab {i}")
    return found


def test_signing_refuses_a_wrong_passphrase_in_place_then_freezes_the_inspection(
        qtbot: QtBot, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = signing_workspace
    inspection_id = ws.store.create_inspection(clean())
    window = make_window(ws)
    window.open_inspection(inspection_id)
    assert window.sign_action.isEnabled()
    window.sign_action.trigger()
    dialog = window.sign_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text() == "No problems. Ready to sign."
    assert "issued by KP Monitoring HQ" in dialog.signer.text()
    assert "freezes" in dialog.freeze_note.text()
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.sign_button.isEnabled()  # no passphrase yet

    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    with qtbot.waitSignal(dialog.sign_failed, timeout=10_000) as failed:
        dialog.sign_button.click()
    assert failed.args[0].startswith("The passphrase is wrong.")
    assert dialog.isVisible() and dialog.message.text() == failed.args[0] and dialog.message.is_error
    assert dialog.passphrase.text() == "" and ws.store.get(inspection_id).status is Status.DRAFT

    qtbot.keyClicks(dialog.passphrase, SIGNING_PASSPHRASE)
    with qtbot.waitSignal(dialog.inspection_signed, timeout=10_000) as signed:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    report = signed.args[0]
    assert report.pdf_path.is_file() and report.pdf_path.read_bytes().startswith(b"%PDF")
    assert dialog.open_pdf_button.isVisible() and dialog.export_button.isVisible()
    assert f"Report {report.report_id[:8]}, version 1" in dialog.done_label.text()

    # The editor shows the stored, signed record: a banner, and nothing left to type into.
    editor = window.editor
    assert editor is not None and editor.session.read_only
    assert editor.banner.isVisible()
    assert editor.banner.text().startswith("Signed on ")
    assert editor.banner.text().endswith(f"— report {report.report_id[:8]}, version 1. Amend to correct.")
    assert editable_widgets(editor) == []
    assert not window.sign_action.isEnabled()
    assert window.export_action.isEnabled() and window.amend_action.isEnabled()
    window.show_list()
    # Its version, and how far its report got: not exported yet.
    assert window.model.index(0, 6).data() == "Signed v1 · certified · not exported"

    # Straight on to the USB stick, from the dialog.
    monkeypatch.setattr(window, "choose_export_folder", lambda: tmp_path / "stick")
    dialog.export_button.click()
    assert not dialog.isVisible() and window.export_dialog is not None
    with qtbot.waitSignal(window.export_dialog.exported, timeout=10_000) as exported:
        pass
    assert exported.args[0][0] == tmp_path / "stick" / f"KP-report-ZW-004217-v1-{report.report_id[:8]}.pdf"


def test_errors_block_signing_and_warnings_are_acknowledged_in_place(
        qtbot: QtBot, signing_workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection], monkeypatch: pytest.MonkeyPatch) -> None:
    ws = signing_workspace
    broken = clean()
    broken.certificate.carats = 99  # neither the parcels nor the certificate's lines add up to it any more
    window = make_window(ws)
    window.open_inspection(ws.store.create_inspection(broken))
    dialog = window.sign_inspection()
    assert dialog is not None
    assert dialog.summary.text() == "2 errors must be fixed before signing."
    qtbot.keyClicks(dialog.passphrase, SIGNING_PASSPHRASE)
    assert not dialog.sign_button.isEnabled() and "Fix the errors" in dialog.sign_button.toolTip()
    assert dialog.sign() is False  # not even through the Enter key
    dialog.problems.setCurrentIndex(dialog.model.index(0))
    assert not dialog.acknowledge_button.isEnabled()  # an error cannot be acknowledged away
    dialog.reject()

    unweighed = clean("ZW 000002", "B-")
    unweighed.parcels[1].weighed_carats = None  # a warning: acceptable with a reason
    window.open_inspection(ws.store.create_inspection(unweighed))
    dialog = window.sign_inspection()
    assert dialog is not None
    assert dialog.summary.text().startswith("1 warning must be acknowledged before signing")
    qtbot.keyClicks(dialog.passphrase, SIGNING_PASSPHRASE)
    assert not dialog.sign_button.isEnabled()
    row = next(i for i, p in enumerate(dialog.model.problems) if not p.is_error)
    dialog.problems.setCurrentIndex(dialog.model.index(row))
    monkeypatch.setattr(dialog, "ask_note", lambda problem, note: "Scale out of order; weighed at MMCZ.")
    dialog.acknowledge_button.click()
    assert dialog.summary.text().startswith("No errors; every warning acknowledged")
    assert dialog.sign_button.isEnabled()
    # The acknowledgement went through the editor's session: its panel says so too.
    assert window.editor is not None and window.editor.validation.is_clear()
    dialog.reject()


def test_export_writes_the_pdf_and_the_bundle_to_the_chosen_folder(
        qtbot: QtBot, signed_home: Paths, signed_template: SignedTemplate,
        make_window: Callable[[Workspace], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "USB STICK"
    with Workspace(signed_home) as ws:
        window = make_window(ws)
        window.list.select_id(signed_template.inspection_id)
        assert window.export_action.isEnabled()  # a signed row, from the list
        monkeypatch.setattr(window, "choose_export_folder", lambda: stick)
        dialog = window.export_report()
        assert dialog is not None
        with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
            pass
        written = exported.args[0]
        assert [p.parent for p in written] == [stick] * len(written)
        assert written[0].suffix == ".pdf" and written[0].read_bytes().startswith(b"%PDF")
        try:
            import kpmonitor.bundle.export  # noqa: F401
        except ImportError:
            assert len(written) == 1
        else:
            assert [p.suffix for p in written] == [".pdf", ".kpbundle"] and written[1].stat().st_size > 0
        assert dialog.files.toPlainText().splitlines() == [str(p) for p in written]
        assert window.settings.value("export/last_folder") == str(stick)


def test_a_missing_folder_is_made_and_an_unwritable_one_is_a_sentence(
        qtbot: QtBot, signed_home: Paths, signed_template: SignedTemplate,
        make_window: Callable[[Workspace], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("in the way")
    with Workspace(signed_home) as ws:
        window = make_window(ws)
        monkeypatch.setattr(window, "choose_export_folder", lambda: not_a_folder)
        dialog = window.export_report(signed_template.report_id)
        assert dialog is not None
        with qtbot.waitSignal(dialog.export_failed, timeout=10_000) as failed:
            pass
        assert "cannot be written to" in failed.args[0] and dialog.message.is_error


def test_amend_opens_a_new_draft_whose_banner_names_the_signed_report(
        qtbot: QtBot, signed_home: Paths, signed_template: SignedTemplate,
        make_window: Callable[[Workspace], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    with Workspace(signed_home) as ws:
        window = make_window(ws)
        window.open_inspection(signed_template.inspection_id)
        asked: list[str] = []
        monkeypatch.setattr(window, "confirm_amend", lambda number: asked.append(number) or None)
        assert window.amend_inspection() is None and asked == ["ZW 004217"]  # said no
        monkeypatch.setattr(window, "confirm_amend", lambda number: "Parcel 1 was re-weighed.")
        with qtbot.waitSignal(window.inspection_amended) as amended:
            window.amend_action.trigger()
        new_id = amended.args[0]
        editor = window.editor
        assert editor is not None and editor.inspection_id == new_id and not editor.session.read_only
        report = signed_template.report_id[:8]
        assert editor.banner.isVisible()
        assert editor.banner.text() == f"Amends report {report} v1; will be version 2."
        assert window.sign_action.isEnabled() and not window.amend_action.isEnabled()
        window.show_list()
        statuses = {window.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1): window.model.index(r, 6).data()
                    for r in range(window.model.rowCount())}
        # Two versions of one report, told apart: the version, the lineage, how far the report got.
        assert statuses == {new_id: "Amendment v2 · certified · supersedes v1",
                            signed_template.inspection_id: "Signed v1 · certified · being amended · exported"}
