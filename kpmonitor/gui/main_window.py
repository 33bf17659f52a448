"""The main window: the list of inspections, and the editor of the one that is open.

Window geometry, the list's sorting, the editor's panel sizes and the open
inspection and section are kept in the home (``config/gui.ini``), written as
they change, so the application reopens where the monitor was even after a
crash or a power cut.

Signing, export, amending, verification and the certificates each have a
dialog of their own, made when first used. Files handed to the application
(``kpmonitor gui FILE…``, a double-click, the macOS Finder) arrive at
``open_files``: reports and bundles go to the verify screen. A headquarters
home opens headquarters' own window instead (``hq_window``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence

# Only what the window's frame needs: it is painted before the home is opened, and each Qt class
# imported here is built before that. Not even the Qt namespace (PySide builds all its enums at once,
# some 30 ms): the methods that run after the home is open import it. The list, the editor and the
# dialogs come in when they are needed.
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from kpmonitor.errors import KPError
from kpmonitor.fileio import create_private

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.gui.common.log_window import LogWindowDialog
    from kpmonitor.gui.editor.editor import InspectionEditorWidget
    from kpmonitor.gui.field.certificates_dialog import CertificatesDialog
    from kpmonitor.gui.field.export_dialog import ExportDialog
    from kpmonitor.gui.field.inspections_model import SummarySource
    from kpmonitor.gui.field.sign_dialog import SignDialog
    from kpmonitor.gui.field.verify_dialog import VerifyDialog
    from kpmonitor.paths import Paths
    from kpmonitor.report.sign import SignedReport
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

# Qt.ContextMenuPolicy.ActionsContextMenu and Qt.ShortcutContext.WidgetWithChildrenShortcut as the numbers they
# are (a test holds them to the enums), set as properties: the list is shown before anything asks for the Qt
# namespace (PySide builds all of its enums at the first, some 20 ms).
ACTIONS_CONTEXT_MENU = 2
WIDGET_WITH_CHILDREN_SHORTCUT = 3


def gui_settings(paths: Paths) -> QSettings:
    """Per-home GUI state, kept with the home so that two homes (or tests) never share it."""
    create_private(paths.config / "gui.ini")  # Qt would make it 0644, and keeps the mode of a file that exists
    return QSettings(str(paths.config / "gui.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The list of inspections and the open inspection's editor, in one window."""

    inspection_opened = Signal(str)
    list_shown = Signal()
    inspection_signed = Signal(str)   # report id
    inspection_amended = Signal(str)  # the new draft's id

    def __init__(self, ws: Workspace | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, *, paths: Paths | None = None) -> None:
        """A window on a workspace, or (``ws`` None, ``paths`` given) an empty frame to attach one to.

        The application shows the frame first and opens the home right after
        (``attach_workspace``): the window is on screen while the core and the
        database load.
        """
        super().__init__(parent)
        home_paths = ws.paths if ws is not None else paths
        if home_paths is None:
            raise ValueError("MainWindow needs a workspace or the paths of one")
        self.paths = home_paths
        self.settings = settings if settings is not None else gui_settings(home_paths)
        self.listed = False    # the list is shown (``attach_list``): from the workspace's store, or before it
        self.attached = False  # the workspace is attached (``attach_workspace``)
        self.role = ""         # the home's, once the list is shown
        # Attaches the workspace at once when an action needs it before the application has (``ensure_workspace``).
        self.workspace_opener: Callable[[], object] | None = None
        self.editor: InspectionEditorWidget | None = None
        self.log_window: LogWindowDialog | None = None
        self.pending_files: list[Path] = []   # files that arrived before the home was open
        self.sign_dialog: SignDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.verify_dialogs: list[VerifyDialog] = []
        self.certificates_dialog: CertificatesDialog | None = None
        self.deleted: list[tuple[str, str]] = []  # (id, certificate number), for undo
        self.setWindowTitle("kpmonitor")
        # What a field laptop's 1024 × 600 leaves a window once its title bar and a panel are drawn.
        self.setMinimumSize(800, 540)

        self.stack = QStackedWidget(self)
        # Our own words (not a user's), so a little markup to centre them is safe.
        self.opening = QLabel("<p align='center'>" + self.tr("Opening the inspections…") + "</p>", self.stack)
        self.opening.setEnabled(False)
        self.stack.addWidget(self.opening)
        self.setCentralWidget(self.stack)
        self.saved_status = QLabel(self)  # our own words: "All changes saved (…)"
        self.statusBar().addPermanentWidget(self.saved_status)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._update_actions()
        self._restore_geometry()
        if ws is not None:
            self.attach_workspace(ws)

    def attach_list(self, source: SummarySource, *, role: str, received: Callable[[], dict[str, Any]]) -> None:
        """Show the list of the home's inspections and its first page, from ``source``.

        ``attach_workspace`` shows it from the workspace's store. The application may show it before, from
        a read-only ``store.listing.ListReader`` (the workspace is opened on the next turn): the actions
        are enabled at once, and one that needs the workspace attaches it first (``ensure_workspace``).

        :param received: what headquarters' newest receipt holds (``history.received.received_reports``).
        """
        from kpmonitor.gui.field.inspection_list import InspectionListWidget
        from kpmonitor.gui.field.inspections_model import InspectionsModel

        self.role = role
        # A country's name is a tool tip: the reference tables are read once the list is on screen.
        self.model: InspectionsModel = InspectionsModel(source, country_name=self._country_name, received=received,
                                                        parent=self)
        self._restore_sort()
        self.list: InspectionListWidget = InspectionListWidget(self.model, self)
        self.list.open_requested.connect(self.open_inspection)
        self.list.new_button.clicked.connect(self.new_inspection)
        self.list.open_button.clicked.connect(self.open_selected)
        self.list.delete_button.clicked.connect(self.delete_selected)
        self.list.undo_button.clicked.connect(self.undo_delete)
        self.list.begin_text = self._begin_text
        self.list.show_empty()
        self.list.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        self.list.table.selectionModel().currentRowChanged.connect(self._on_list_row_changed)
        # Open, delete, export and amend are also the rows' right-click menu.
        for action in (self.open_action, self.delete_action, self.export_action, self.amend_action):
            self.list.table.addAction(action)
        self.list.table.setProperty("contextMenuPolicy", ACTIONS_CONTEXT_MENU)
        self.delete_action.setProperty("shortcutContext", WIDGET_WITH_CHILDREN_SHORTCUT)
        self.stack.addWidget(self.list)
        self.stack.setCurrentWidget(self.list)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self.listed = True
        self._update_actions()
        self._apply_palette()
        self.list.table.setFocus()

    def attach_workspace(self, ws: Workspace) -> None:
        """Attach the opened home: the list from its store (shown now, or already shown and from now on read from
        the store), and what depends on the workspace."""
        from kpmonitor.gui.common.labels import plain_label
        from kpmonitor.gui.common.words import role_label
        from kpmonitor.history.received import received_reports

        self.ws = ws
        if not self.listed:
            self.attach_list(ws.store, role=ws.role, received=lambda: received_reports(ws))
        else:
            # The same database: the pages already read stay.
            self.role = ws.role
            self.model.set_source(ws.store, received=lambda: received_reports(ws))
        who = plain_label(self.tr("{name} · {role} home").format(name=ws.home.name, role=role_label(ws.role)), self)
        who.setEnabled(False)
        self.statusBar().addPermanentWidget(who)
        self.attached = True
        self._update_actions()
        self._apply_palette()
        pending, self.pending_files = self.pending_files, []
        if pending:
            self.open_files(pending)

    def ensure_workspace(self) -> bool:
        """Whether the workspace is attached, attaching it at once (``workspace_opener``) when the list was shown
        before it: what the monitor does the moment the list is there is done, not lost."""
        if not self.attached and self.workspace_opener is not None:
            self.workspace_opener()
        return self.attached

    def _country_name(self, code: str) -> str | None:
        return self.ws.reference.country_name(code) if self.ensure_workspace() else None

    # --- actions and menus -----------------------------------------------------------------

    def _action(self, text: str, slot: Any = None,
                shortcut: str | tuple[str, ...] | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        # setShortcuts, not setShortcut: PySide's overloads of the latter build the whole Qt namespace
        # (some 30 ms) before the first paint. A standard key brings all of the platform's bindings.
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            several = [shortcut] if isinstance(shortcut, str) else shortcut
            action.setShortcuts([QKeySequence(keys) for keys in several])
        if tip:
            # The menus show an action's keys; its tool tip (the toolbar's) says them too.
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action(self.tr("&New inspection"), self.new_inspection, QKeySequence.StandardKey.New,
                                       self.tr("Start a new inspection"))
        self.open_action = self._action(self.tr("&Open"), self.open_selected, QKeySequence.StandardKey.Open)
        self.delete_action = self._action(self.tr("&Delete draft…"), self.delete_selected,
                                          tip=self.tr("Delete the selected draft (it can be restored with Undo)"))
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        # Delete belongs to the list alone (attach_workspace gives it to the table): in the editor the key
        # belongs to what is being typed.
        self.removeAction(self.delete_action)
        # Ctrl+Z: the editor's last change while it is shown (``undo``), else the list's last deleted draft.
        self.undo_action = self._action(self.tr("&Undo delete"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo, QKeySequence.StandardKey.Redo)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(self.tr("&Find…"), self.start_search, QKeySequence.StandardKey.Find,
                                        self.tr("Search the inspections"))
        self.back_action = self._action(self.tr("&Back to the list"), self.show_list, "Alt+Left")
        self.section_actions = [
            self._action(text, lambda i=i: self._show_section(i), f"Ctrl+{i + 1}")
            for i, text in enumerate((self.tr("C&ertificate"), self.tr("&Parcels"), self.tr("&Seals"),
                                      self.tr("P&hotos"), self.tr("&Findings and verdict")))
        ]
        self.add_parcel_action = self._action(self.tr("Add &parcel"), self.add_parcel, "Ctrl+Shift+P",
                                              self.tr("Add a parcel and type its declared carats"))
        self.add_seal_action = self._action(self.tr("Add &seal"), self.scan_seal, "Ctrl+Shift+S",
                                            self.tr("Put the cursor in the seal number box, ready for the scanner"))
        # A for "attach": photos are attached from the camera's card (Ctrl+Shift+P and S are parcels and seals).
        self.add_photos_action = self._action(self.tr("Add p&hotos…"), self.add_photos, "Ctrl+Shift+A",
                                              self.tr("Attach photos from the camera's card or a folder"))
        self.next_problem_action = self._action(self.tr("&Next problem"), lambda: self._go_to_problem(+1), "F8",
                                                self.tr("Go to the field of the next problem"))
        self.previous_problem_action = self._action(self.tr("P&revious problem"), lambda: self._go_to_problem(-1),
                                                    "Shift+F8")
        # Ctrl+Shift+Enter: the inspection's own "done", as Ctrl+Enter is every dialog's (and Enter a field's).
        self.sign_action = self._action(self.tr("&Sign…"), self.sign_inspection,
                                        ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
                                        tip=self.tr("Freeze and sign the open inspection: a draft with no errors "
                                                    "and every warning acknowledged"))
        self.export_action = self._action(self.tr("&Export report…"), self.export_report, "Ctrl+E",
                                          self.tr("Write the signed report's PDF and bundle to a folder (a USB "
                                                  "stick); for a signed inspection"))
        self.amend_action = self._action(self.tr("&Amend…"), self.amend_inspection,
                                         tip=self.tr("Correct a signed inspection: a new draft whose report will "
                                                     "supersede the signed one"))
        self.verify_action = self._action(self.tr("&Verify a report…"), self.show_verify,
                                          tip=self.tr("Check a report PDF or its QR seal: genuine, or not"))
        self.certificates_action = self._action(self.tr("Signing &certificate…"), self.show_certificates,
                                                tip=self.tr("This home's signing certificate, headquarters' root "
                                                            "and revocation list"))
        self.receipt_action = self._action(self.tr("Install headquarters' &receipt…"), self.install_receipt,
                                           tip=self.tr("Headquarters' signed receipt: which reports it holds, and "
                                                       "the history of this device it cosigned"))
        self.log_action = self._action(self.tr("View &log"), self.show_log)
        self.about_action = self._action(self.tr("&About kpmonitor"), self.show_about)

    def _language_menu(self) -> QMenu:
        """Tools ▸ Language: the home's setting, read before the home opens; the choice applies at the next start."""
        from kpmonitor.gui.translations import language_menu, read_setting
        from kpmonitor.settings import Settings

        settings_file = self.paths.settings_file
        return language_menu(self, read_setting(settings_file),
                             lambda value: Settings(settings_file).set("language", value),
                             self.statusBar().showMessage)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.delete_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addAction(self.find_action)
        self.inspection_menu = bar.addMenu(self.tr("&Inspection"))
        self.inspection_menu.addAction(self.back_action)
        self.inspection_menu.addSeparator()
        for action in self.section_actions:
            self.inspection_menu.addAction(action)
        self.inspection_menu.addSeparator()
        for action in (self.add_parcel_action, self.add_seal_action, self.add_photos_action):
            self.inspection_menu.addAction(action)
        self.inspection_menu.addSeparator()
        self.inspection_menu.addAction(self.next_problem_action)
        self.inspection_menu.addAction(self.previous_problem_action)
        self.inspection_menu.addSeparator()
        self.inspection_menu.addAction(self.sign_action)
        self.inspection_menu.addAction(self.amend_action)
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.verify_action)
        tools.addAction(self.certificates_action)
        tools.addAction(self.receipt_action)
        tools.addSeparator()
        tools.addMenu(self._language_menu())
        tools.addSeparator()
        tools.addAction(self.log_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.log_action)
        self.help_menu.addAction(self.about_action)
        for menu in bar.findChildren(QMenu):
            menu.setToolTipsVisible(True)  # so a disabled action says why

    def _make_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.find_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.add_parcel_action, self.add_seal_action, self.add_photos_action,
                       self.next_problem_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.sign_action)
        toolbar.addAction(self.export_action)
        self.toolbar = toolbar

    def _update_actions(self) -> None:
        if not self.listed:
            for action in [*self.actions(), self.delete_action]:
                if action not in (self.quit_action, self.log_action, self.about_action):
                    action.setEnabled(False)
            return
        for action in (self.new_action, self.open_action, self.delete_action, self.find_action,
                       self.verify_action, self.certificates_action):
            action.setEnabled(True)
        editing = self.editor is not None and self.stack.currentWidget() is self.editor
        writable = editing and self.editor is not None and not self.editor.session.read_only
        for action in (self.back_action, *self.section_actions, self.next_problem_action,
                       self.previous_problem_action):
            action.setEnabled(editing)
        for action in (self.add_parcel_action, self.add_seal_action, self.add_photos_action):
            action.setEnabled(writable)
        self.open_action.setEnabled(not editing)
        if self.role != "field":
            self.new_action.setEnabled(False)
            self.new_action.setToolTip(self.tr("Inspections are recorded on a monitor's (field) home."))
            self.list.new_button.setEnabled(False)
        field = self.role == "field"
        target = self.current_target()
        signed = target is not None and target[1] == "signed"
        self.sign_action.setEnabled(field and writable)
        self.export_action.setEnabled(signed)
        self.amend_action.setEnabled(field and signed)
        self.receipt_action.setEnabled(field)
        on_list = self.stack.currentWidget() is self.list
        self.delete_action.setEnabled(on_list and target is not None and not signed)
        self.list.delete_button.setEnabled(on_list and target is not None and not signed)
        if editing and self.editor is not None:  # the editor's undo: what it would undo, or nothing (signed)
            for action, undoing, text in ((self.undo_action, True, self.tr("&Undo {what}")),
                                          (self.redo_action, False, self.tr("&Redo {what}"))):
                what = self.editor.undo_text(undoing=undoing)
                action.setEnabled(what is not None)
                # A name's own "&" ("Smith & Sons") is no menu shortcut.
                action.setText(text.format(what=what.replace("&", "&&")) if what else text.format(what="").strip())
        else:
            self.redo_action.setEnabled(False)
            self.redo_action.setText(self.tr("&Redo"))
            self.undo_action.setEnabled(bool(self.deleted))
            self.undo_action.setText(self.tr("&Undo delete of {number}").format(number=self.deleted[-1][1])
                                     if self.deleted else self.tr("&Undo delete"))

    # --- the list --------------------------------------------------------------------------

    def _begin_text(self) -> str:
        """What the empty list says: how to begin, in the first-run dialog's words."""
        from kpmonitor.gui.common.first_run import is_enrolled, next_steps, numbered

        if self.role != "field":
            return self.tr("No inspections: they are recorded on a monitor's (field) home.")
        steps = next_steps("field", enrolled=is_enrolled(self.paths))
        return self.tr("No inspections yet. To begin:") + "\n\n" + numbered(steps)

    def start_search(self) -> None:
        from PySide6.QtCore import Qt

        self.show_list()
        self.list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search.selectAll()

    def show_list(self) -> None:
        """Leave the editor for the list, showing the inspection that was open."""
        previous = self.close_editor()
        self.stack.setCurrentWidget(self.list)
        self.model.refresh()
        if previous is not None:
            self.list.select_id(previous)
        self.list.table.setFocus()
        self.settings.setValue("session/last_inspection", "")
        self.settings.sync()
        self.setWindowTitle("kpmonitor")
        self.saved_status.setText("")
        self._update_actions()
        self.list_shown.emit()

    def new_inspection(self) -> str | None:
        """Open an empty draft, dated now, on the certificate number; returns the id it will be stored under.

        The draft is stored at its first keystroke or change, not here: "New" and then Escape, going back
        or closing the window with nothing typed leaves no empty draft behind, nor does a crash before
        anything was typed.
        """
        from kpmonitor.domain.inspection import Inspection
        from kpmonitor.gui.common.fields import local_now
        from kpmonitor.store.db import new_id

        if self.role != "field":
            return None  # the action is disabled on a headquarters home, and says why
        inspection_id = new_id()
        if not self.open_inspection(inspection_id, new=Inspection(id=inspection_id, inspected_at=local_now())):
            return None
        if self.editor is not None:
            self.editor.show_section("certificate")
            self.editor.certificate.focus_field("certificate.number")
        return inspection_id

    def open_selected(self) -> None:
        inspection_id = self.list.current_id()
        if inspection_id:
            self.open_inspection(inspection_id)

    def confirm_delete(self, number: str) -> bool:
        """Ask before deleting a draft; tests replace this."""
        from kpmonitor.gui.common.dialogs import confirm

        return confirm(self, self.tr("Delete draft"),
                       self.tr("Delete the draft inspection {number}? You can undo this (Ctrl+Z).").format(
                           number=number), yes=self.tr("Delete"))

    def delete_selected(self) -> None:
        inspection_id = self.list.current_id()
        if inspection_id is None or self.stack.currentWidget() is not self.list:
            return
        row = self.list.table.currentIndex().row()
        summary = self.model.summary(row)
        number = (summary.cert_number if summary else "") or self.tr("(no number)")
        if summary is not None and summary.status == "signed":
            self.list.message.show_error(self.tr("A signed inspection cannot be deleted; it stays on record."))
            return
        if not self.confirm_delete(number) or not self.ensure_workspace():
            return
        try:
            self.ws.store.delete_inspection(inspection_id)
        except KPError as exc:
            self.list.message.show_error(exc.message)
            return
        self.deleted.append((inspection_id, number))
        self.model.refresh()
        if self.model.rowCount():
            self.list.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self.list.message.show_understood(self.tr("Deleted the draft {number}.").format(number=number))
        self.list.undo_button.show()
        self._update_actions()

    def undo(self) -> None:
        if self.editor is not None and self.stack.currentWidget() is self.editor:
            self.editor.undo()
        else:
            self.undo_delete()

    def redo(self) -> None:
        if self.editor is not None and self.stack.currentWidget() is self.editor:
            self.editor.redo()

    def undo_delete(self) -> None:
        if not self.deleted:
            return
        inspection_id, number = self.deleted.pop()
        try:
            self.ws.store.restore_inspection(inspection_id)
        except KPError as exc:
            self.list.message.show_error(exc.message)
            return
        self.model.refresh()
        self.list.select_id(inspection_id)
        self.list.message.show_understood(self.tr("Restored {number}.").format(number=number))
        self.list.undo_button.setVisible(bool(self.deleted))
        self._update_actions()

    def current_target(self) -> tuple[str, str, str] | None:
        """What the inspection actions act on: the open inspection, else the list's selected row.

        :returns: (inspection id, status, certificate number), or None.
        """
        if self.editor is not None and self.stack.currentWidget() is self.editor:
            insp = self.editor.session.inspection
            return self.editor.inspection_id, insp.status.value, insp.certificate.number
        if self.listed and self.stack.currentWidget() is self.list:
            row = self.list.table.currentIndex().row()
            summary = self.model.summary(row) if row >= 0 else None
            if summary is not None:
                return summary.id, summary.status, summary.cert_number
        return None

    def _on_list_row_changed(self, *_indexes: object) -> None:
        self._update_actions()

    def _on_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        from PySide6.QtCore import Qt

        self.settings.setValue("list/sort_column", column)
        self.settings.setValue("list/sort_descending", order == Qt.SortOrder.DescendingOrder)

    def _restore_sort(self) -> None:
        column = self.settings.value("list/sort_column", None)
        descending = self.settings.value("list/sort_descending", "true")
        if column is not None:
            self.model.sort_by(int(str(column)), descending=str(descending).lower() == "true")

    # --- the editor ------------------------------------------------------------------------

    def open_inspection(self, inspection_id: str, section: int | None = None, *, new: Inspection | None = None) -> bool:
        """Open an inspection in the editor (``new``: one not stored yet, under that id), putting back what an
        interruption left typed in it."""
        from kpmonitor.gui.editor.editor import InspectionEditorWidget

        if not self.ensure_workspace():
            return False
        self.close_editor()
        try:
            editor = InspectionEditorWidget(self.ws, inspection_id, self, new=new)
        except KPError as exc:
            self._tell(self.tr("Open inspection"), exc.message)
            return False
        self.editor = editor
        editor.back_requested.connect(self.show_list)
        editor.inspection_changed.connect(self._on_editor_changed)
        editor.session.saved.connect(self._on_saved)
        editor.session.write_failed.connect(self._on_write_failed)
        editor.session.write_refused.connect(self._on_write_failed)
        editor.session.told.connect(self._on_write_failed)  # what an undo did, a row removed: on the status line
        editor.session.history_changed.connect(self._update_actions)
        self.statusBar().clearMessage()
        editor.tabs.currentChanged.connect(self._on_section_changed)
        sizes = self.settings.value("editor/splitter")
        if isinstance(sizes, QByteArray):
            editor.splitter.restoreState(sizes)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        if section is not None:
            editor.show_section(section)
        editor.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.settings.setValue("session/last_inspection", inspection_id)
        self.settings.sync()
        self._on_editor_changed(editor.session.inspection)
        self.saved_status.setText("")
        self._update_actions()
        if editor.recover_journal():
            self.statusBar().showMessage(editor.recovered.text(), 15000)
        self.inspection_opened.emit(inspection_id)
        return True

    def close_editor(self) -> str | None:
        """Store what is being typed and close the editor; returns the id that was open."""
        editor = self.editor
        if editor is None:
            return None
        editor.shutdown()
        self.editor = None
        self.stack.removeWidget(editor)
        editor.deleteLater()
        return editor.inspection_id

    def _on_editor_changed(self, _insp: object) -> None:
        if self.editor is not None:
            self.setWindowTitle(f"{self.editor.title_text()} — kpmonitor")

    def _on_saved(self, at: str) -> None:
        self.saved_status.setText(self.tr("All changes saved ({time})").format(time=at))

    def _on_write_failed(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)

    def _on_section_changed(self, index: int) -> None:
        self.settings.setValue("editor/section", index)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        if self.editor is not None:
            self.settings.setValue("editor/splitter", self.editor.splitter.saveState())

    def _show_section(self, index: int) -> None:
        if self.editor is not None:
            self.editor.show_section(index)

    def add_parcel(self) -> None:
        if self.editor is not None:
            self.editor.add_parcel()

    def scan_seal(self) -> None:
        if self.editor is not None:
            self.editor.scan_seal()

    def add_photos(self) -> None:
        if self.editor is not None:
            self.editor.add_photos()

    def _go_to_problem(self, step: int) -> None:
        if self.editor is not None:
            self.editor.go_to_problem(step)

    # --- signing, export, amending --------------------------------------------------------------

    def sign_inspection(self) -> SignDialog | None:
        """Open the Sign dialog on the open draft (window-modal; the dialog does the rest)."""
        from kpmonitor.gui.field.sign_dialog import SignDialog

        editor = self.editor
        if editor is None or editor.session.read_only or self.ws.role != "field":
            return None
        if editor.photos.worker is not None:
            self._tell(self.tr("Sign"), self.tr("Photos are still being added; sign when they are in."))
            return None
        editor.flush()  # what is being typed goes in before the snapshot is taken
        dialog = SignDialog(editor.session, self)
        dialog.inspection_signed.connect(self._on_inspection_signed)
        dialog.export_requested.connect(self.export_report)
        dialog.field_requested.connect(editor.go_to_field)
        self.sign_dialog = dialog
        dialog.open()
        return dialog

    def _on_inspection_signed(self, report: SignedReport) -> None:
        self.model.refresh()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Signed: report {report}, version {version}.").format(
            report=report.report_id[:8], version=report.version), 10000)
        self.inspection_signed.emit(report.report_id)

    def report_of(self, inspection_id: str) -> str | None:
        """The id of a signed inspection's report."""
        rows = self.ws.store.reports(inspection_id)
        return str(rows[0]["id"]) if rows else None

    def choose_export_folder(self) -> Path | None:
        """The folder (a USB stick) to export to; tests replace this."""
        from PySide6.QtWidgets import QFileDialog

        from kpmonitor.gui.field.export_dialog import default_folder_hint

        start = str(self.settings.value("export/last_folder", "") or "") or default_folder_hint()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export the report to which folder?"), start)
        return Path(chosen) if chosen else None

    def export_report(self, report_id: str | None = None) -> ExportDialog | None:
        """Export a signed report (by default the open or selected inspection's) to a chosen folder."""
        from kpmonitor.gui.field.export_dialog import ExportDialog

        if not self.ensure_workspace():
            return None
        if report_id is None:
            target = self.current_target()
            if target is None or target[1] != "signed":
                return None
            report_id = self.report_of(target[0])
            if report_id is None:
                self._tell(self.tr("Export report"), self.tr("This inspection is marked signed but its report is "
                                                             "missing from this home."))
                return None
        folder = self.choose_export_folder()
        if folder is None:
            return None
        self.settings.setValue("export/last_folder", str(folder))
        dialog = ExportDialog(self.ws, report_id, folder, self)
        self.export_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def confirm_amend(self, number: str) -> str | None:
        """Ask before starting an amendment, and why: the reason (it goes into the new report), or None when the
        monitor says no; tests replace this."""
        from kpmonitor.gui.common.dialogs import ask_text

        answer = ask_text(self, self.tr("Amend"), self.tr(
            "Correct {number} with an amendment? A new draft is made from the signed inspection; when it is "
            "signed, its report supersedes the signed one. Both stay on record.").format(number=number),
            self.tr("Why is the report corrected? The reason goes into the new report."), yes=self.tr("Amend"))
        return answer[0] if answer is not None else None

    def amend_inspection(self) -> str | None:
        """Start the amendment of the open or selected signed inspection and open it."""
        target = self.current_target()
        if target is None or target[1] != "signed" or self.role != "field" or not self.ensure_workspace():
            return None
        inspection_id, _status, number = target
        reason = self.confirm_amend(number or self.tr("(no number)"))
        if not reason:
            return None
        try:
            new_id = self.ws.store.amend(inspection_id, reason)
        except KPError as exc:
            self._tell(self.tr("Amend"), exc.message)
            return None
        log.info("amending inspection %s as %s", inspection_id, new_id)
        self.model.refresh()
        self.open_inspection(new_id)
        self.inspection_amended.emit(new_id)
        return new_id

    # --- other windows ---------------------------------------------------------------------

    def show_verify(self, path: Path | None = None) -> VerifyDialog:
        """The verify screen, checking ``path`` if given (a second file while one is checked gets its own)."""
        from kpmonitor.gui.field.verify_dialog import VerifyDialog

        dialog = self.verify_dialog
        if dialog is None or (path is not None and dialog.worker is not None):
            dialog = VerifyDialog(self.paths, self)
            self.verify_dialog = dialog
            self.verify_dialogs.append(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if path is not None:
            dialog.verify_path(path)
        else:
            dialog.qr_edit.setFocus()  # a USB scanner types into whatever has the focus
        return dialog

    def show_certificates(self) -> CertificatesDialog | None:
        from kpmonitor.gui.field.certificates_dialog import CertificatesDialog

        if not self.ensure_workspace():
            return None
        dialog = CertificatesDialog(self.paths, self.ws.home, self)
        self.certificates_dialog = dialog
        dialog.open()
        return dialog

    def choose_receipt_file(self) -> Path | None:
        """The receipt file to install (on the stick from headquarters); tests replace this."""
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Install headquarters' receipt"), str(self.settings.value("export/last_folder", "") or ""),
            self.tr("Headquarters' receipts (*.kpreceipt)"))
        return Path(chosen) if chosen else None

    def install_receipt(self, path: Path | None = None) -> list[str] | None:
        """Install a receipt from headquarters and say what it holds; returns the sentences said (None: cancelled)."""
        from kpmonitor.history.receipts import install_receipt

        if not self.ensure_workspace() or self.ws.role != "field":
            return None
        path = path or self.choose_receipt_file()
        if path is None:
            return None
        title = self.tr("Headquarters' receipt")
        try:
            done = install_receipt(self.ws, path)
        except KPError as exc:
            self._tell(title, exc.message)
            return [exc.message]
        sentences = done.sentences() + done.problems
        if done.problems:
            self._tell(title, "\n\n".join(sentences))
        else:
            self._inform(title, "\n\n".join(sentences))
        return sentences

    def open_files(self, files: Iterable[Path | str]) -> None:
        """Files handed to the application: report PDFs, QR seal texts and bundles are verified.

        Called with the command line's files once the window shows, and for
        each file the desktop opens with kpmonitor later. Before the home is
        open they wait.
        """
        paths = [Path(f).expanduser().absolute() for f in files]
        if not self.attached:
            self.pending_files.extend(paths)
            return
        problems: list[str] = []
        for path in paths:
            if path.suffix.lower() in (".pdf", ".txt", ".kpbundle"):
                # A monitor's home verifies a bundle as it does a PDF; a missing file is said there, in place.
                self.show_verify(path)
            elif path.suffix.lower() == ".kpreceipt" and self.ws.role == "field":
                self.install_receipt(path)
            else:
                problems.append(self.tr("kpmonitor opens report PDFs, QR seal text files and bundles; {name} is "
                                        "none of these.").format(name=path.name))
        if problems:
            self._tell(self.tr("Open"), "\n".join(problems))

    def show_log(self) -> None:
        from kpmonitor.gui.common.log_window import LogWindowDialog

        if self.log_window is None:
            self.log_window = LogWindowDialog(self.paths.log_file, self)
        self.log_window.reload()
        self.log_window.show()
        self.log_window.raise_()

    def show_about(self) -> None:
        from kpmonitor.gui.common.dialogs import show_about

        self.about_box = show_about(self, self.paths.data)

    def _tell(self, title: str, sentence: str) -> None:
        from kpmonitor.gui.common.dialogs import show_error

        show_error(self, title, sentence)

    def _inform(self, title: str, sentence: str) -> None:
        from kpmonitor.gui.common.dialogs import show_info

        show_info(self, title, sentence)

    # --- light and dark ---------------------------------------------------------------------

    def _apply_palette(self) -> None:
        if not self.listed:
            return
        if not self.attached and not self._looks_dark():
            # Before the workspace (the list's first paint): the model's own colours are labels' light ones, and
            # labels brings the Qt namespace in. They are set once it is attached.
            return
        from kpmonitor.gui.common.labels import error_color, warning_color

        self.model.error_color = error_color(self)
        self.model.warning_color = warning_color(self)
        if self.editor is not None:
            self.editor.apply_palette()

    def _looks_dark(self) -> bool:
        from PySide6.QtGui import QPalette

        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128  # as ``labels.is_dark``

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: the colours that mark problems follow.
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # --- where the monitor was -------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def restore_session(self) -> None:
        """Reopen the inspection and section the monitor was in, if it is still there.

        Else a draft whose journal an interruption left text in (closing the editor ends its journal), so
        that text is recovered at once.
        """
        if not self.attached:
            return
        from kpmonitor.errors import NotFound

        last = str(self.settings.value("session/last_inspection", "") or "")
        try:
            # Quietly: an inspection that is gone (removed by hand, another home's, a new one never typed
            # into) just leaves the list.
            if last:
                self.ws.store.get(last)
        except NotFound:
            self.settings.setValue("session/last_inspection", "")
            last = ""
        last = last or self.ws.store.journaled_draft() or ""
        if not last:
            return
        section = self.settings.value("editor/section", 0)
        try:
            section_index = int(str(section))
        except ValueError:
            section_index = 0
        self.open_inspection(last, section_index)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.editor is not None:
            self.settings.setValue("editor/splitter", self.editor.splitter.saveState())
            self.settings.setValue("editor/section", self.editor.section_index())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            self.editor.shutdown()
        self.save_state()
        super().closeEvent(event)
