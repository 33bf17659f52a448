"""A field laptop's 1024 × 600: every screen usable, no form scrolling sideways, nothing cut off.

At that size the problems panel folds to a bar (F9 or a click unfolds it), the certificate form keeps
two columns beside the bar and goes to one when the panel is open, the list's columns narrow onto two
lines instead of scrolling, and every dialog fits inside the screen, its buttons within reach.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kpmonitor.domain.inspection import Inspection
from kpmonitor.gui.common.dialogs import FRAME
from kpmonitor.gui.common.first_run import FirstRunDialog
from kpmonitor.gui.editor.editor import InspectionEditorWidget
from kpmonitor.gui.field.verify_dialog import GENUINE, VerifyDialog
from kpmonitor.gui.main_window import MainWindow
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace
from tests.gui.conftest import SignedTemplate

SMALL = (1024, 600)


def small_window(qtbot: QtBot, make_window: Callable[[Workspace], MainWindow], ws: Workspace) -> MainWindow:
    window = make_window(ws)
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.size().toTuple() == SMALL, timeout=2000)
    return window


def open_small(qtbot: QtBot, window: MainWindow, ws: Workspace, insp: Inspection) -> InspectionEditorWidget:
    assert window.open_inspection(ws.store.create_inspection(insp))
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.validation.folded, timeout=2000)
    QApplication.processEvents()
    return editor


def fully_shown(edit: QLineEdit, area: QWidget) -> bool:
    """The box lies inside the scroll area's viewport and is wide enough for its whole text."""
    corner = edit.mapTo(area, QPoint(0, 0))
    inside = area.rect().contains(QRect(corner, edit.size()))
    return inside and edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text()) + 8


def test_at_1024_by_600_the_certificate_form_never_scrolls_sideways_and_the_panel_folds_to_a_bar(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    window = small_window(qtbot, make_window, workspace)
    insp = clean()
    insp.certificate.exporter.name = "Zimbabwe Consolidated Diamond Company (Private) Limited"
    insp.certificate.importer.name = "Antwerp Rough Trading NV, Hoveniersstraat 22"
    insp.parcels[1].weighed_carats = None  # a warning: the bar has something to say
    editor = open_small(qtbot, window, workspace, insp)
    panel, form = editor.validation, editor.certificate
    assert panel.folded and panel.bar.isVisible() and not panel.body.isVisible()
    assert panel.width() <= 40
    assert panel.bar.text() == "Problems: 1 warning to acknowledge"
    assert editor.tabs.width() >= SMALL[0] - 60  # the form has the room
    assert form.horizontalScrollBar().maximum() == 0
    for path in ("certificate.exporter.name", "certificate.importer.name", "certificate.number", "site"):
        assert fully_shown(form.fields[path].edit, form.viewport()), path

    # Open, the panel takes its width beside the form, which goes to one column: still never sideways.
    qtbot.mouseClick(panel.bar, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not panel.folded and panel.body.isVisible() and panel.width() >= 300
    assert form.horizontalScrollBar().maximum() == 0
    for path in ("certificate.exporter.name", "certificate.importer.name"):
        form.ensureWidgetVisible(form.fields[path])
        QApplication.processEvents()
        assert fully_shown(form.fields[path].edit, form.viewport()), path
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert panel.folded
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not panel.folded


def test_on_a_laptop_s_usual_screen_the_panel_stays_open(
        qtbot: QtBot, workspace: Workspace, window: MainWindow, clean: Callable[..., Inspection]) -> None:
    assert window.open_inspection(workspace.store.create_inspection(clean()))
    editor = window.editor
    assert editor is not None
    QApplication.processEvents()
    assert not editor.validation.folded and editor.validation.width() >= 300
    assert editor.certificate.horizontalScrollBar().maximum() == 0


def test_every_section_fits_beside_the_folded_panel(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    window = small_window(qtbot, make_window, workspace)
    editor = open_small(qtbot, window, workspace, clean())
    for index in range(editor.tabs.count()):
        editor.show_section(index)
        QApplication.processEvents()
        section = editor.tabs.currentWidget()
        assert section.minimumSizeHint().width() <= section.width(), index
        assert section.minimumSizeHint().height() <= section.height(), index
    assert window.minimumSizeHint().height() <= SMALL[1] - 20  # with a title bar, on a 600-pixel screen


def test_the_list_narrows_its_columns_instead_of_scrolling_sideways(
        qtbot: QtBot, workspace: Workspace, make_window: Callable[[Workspace], MainWindow],
        clean: Callable[..., Inspection]) -> None:
    for n in range(3):
        workspace.store.create_inspection(clean(f"ZW 00000{n}", f"S{n}-"))
    window = small_window(qtbot, make_window, workspace)
    table = window.list.table
    QApplication.processEvents()
    assert window.list.columns.compact and table.wordWrap()
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert sum(header.sectionSize(i) for i in range(header.count())) <= table.viewport().width()
    last = window.model.columnCount() - 1
    moment = str(window.model.index(0, last).data())
    # The moment and its zone fit in the cell's two lines.
    assert table.fontMetrics().horizontalAdvance(moment.rpartition(" ")[0]) < header.sectionSize(last)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.list.columns.compact is False, timeout=2000)
    assert not table.wordWrap()


def fits(dialog: QWidget) -> None:
    """The dialog can be the size of the screen a 1024 × 600 laptop leaves it, and is no larger than its own."""
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= SMALL[0] - FRAME[0] and minimum.height() <= SMALL[1] - FRAME[1], minimum
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_the_sign_verify_and_certificates_dialogs_fit_a_small_screen(
        qtbot: QtBot, signed_home: Paths, signed_template: SignedTemplate,
        make_window: Callable[[Workspace], MainWindow], clean: Callable[..., Inspection]) -> None:
    with Workspace(signed_home) as ws:
        window = small_window(qtbot, make_window, ws)
        insp = clean("ZW 000777", "N-")
        insp.parcels[1].weighed_carats = None
        open_small(qtbot, window, ws, insp)
        sign = window.sign_inspection()
        assert sign is not None
        fits(sign)
        sign.reject()
        verify = window.show_verify(signed_template.pdf)
        qtbot.waitUntil(lambda: verify.state == GENUINE, timeout=15_000)
        QApplication.processEvents()
        fits(verify)
        verify.close()
        certificates = window.show_certificates()
        assert certificates is not None
        fits(certificates)
        certificates.reject()


def test_the_first_run_and_a_bare_verify_dialog_fit(qtbot: QtBot, tmp_path: Path, signing_home: Paths) -> None:
    first = FirstRunDialog(Paths.for_home(tmp_path / "new"))
    qtbot.addWidget(first)
    fits(first)
    verify = VerifyDialog(signing_home)
    qtbot.addWidget(verify)
    fits(verify)
