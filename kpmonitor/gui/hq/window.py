"""Headquarters' window: the inbox where bundles arrive, every report with its verification, anomalies, the
monitors and their certificates, and statistics.

The window reads through the workspace it is given (on the GUI thread), and
polls whether anybody else recorded something at headquarters (another
analyst, ``kpmonitor hq import`` at the command line): if so it reads its
lists again on the pool, through a read-only store, and keeps the analyst's
place in them (``gui.hq.refresh``).
Imports run in an ``ImportWorker`` that writes no database (the window records
what it checked); the root key's work (issue, revoke, publish) in tasks that
touch only the keys folder (threads: ``gui.common.workers``). Every file
dialog, passphrase prompt and confirmation goes through a method a test can
replace (``choose_import_files``, ``ask_passphrase``…).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpmonitor.errors import KPError
from kpmonitor.gui.common import dialogs
from kpmonitor.gui.common.columns import ColumnFit
from kpmonitor.gui.common.labels import FeedbackLabel, plain_label
from kpmonitor.gui.common.workers import Progress, Task, pool, run_task, start
from kpmonitor.gui.hq.models import (
    AnomaliesModel,
    GroupStatsModel,
    ImportLogModel,
    ImportResultsModel,
    IssuedModel,
    IssuedRow,
    MonitorsModel,
    ReportsModel,
    StatsModel,
)
from kpmonitor.gui.hq.refresh import ChangeWatcher, Lists, Marker, Wanted, open_reader, own_store, read_lists
from kpmonitor.gui.hq.workers import ImportWorker, issue_to_file, publish, revoke
from kpmonitor.hq.importer import Importer, ImportResult
from kpmonitor.hq.notes import NotedAnomaly
from kpmonitor.hq.store import database_source
from kpmonitor.paths import Paths
from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_REQUEST = 64 * 1024  # a certificate request is under a kilobyte
BUNDLE_SUFFIX = ".kpbundle"


def table(parent: QWidget) -> QTableView:
    """A read-only table with whole-row selection."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


def fit_columns(view: QTableView, stretch: int, *, within: bool = True) -> None:
    """Size the columns to their content once rows are in, and let ``stretch`` take the rest.

    :param within: keep them within the table's width (``ColumnFit``: on a small screen they narrow and
        their text wraps on two lines); a table whose rows already wrap to their content does without.
    """
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    header.setStretchLastSection(False)
    widths = []
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            widths.append(0)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.resizeColumnToContents(column)
            widths.append(min(header.sectionSize(column), 320))
            header.resizeSection(column, widths[-1])
    if not within or stretch < 0:
        return
    fit = view.findChild(ColumnFit)
    if fit is None:
        ColumnFit(view, stretch, widths)
    else:
        fit.set_widths(widths)


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class DropZoneWidget(QFrame):
    """Where a folder (a USB stick's) or bundle files are dropped to be imported."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("drop_zone")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(64)  # on a screen 600 pixels high the import history needs the room more
        self._set_hover(False)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Drop report bundles (.kpbundle) or a folder here — a USB stick's folder is "
                                    "searched for bundles"), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)

    def _set_hover(self, hover: bool) -> None:
        colour = "#1e88e5" if hover else "#9e9e9e"
        self.setStyleSheet(f"QFrame#drop_zone {{ border: 2px dashed {colour}; border-radius: 8px; }}")

    @staticmethod
    def _paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._paths(event):
            self._set_hover(True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class HqWindow(QMainWindow):
    """Headquarters' main window, over an opened headquarters home."""

    import_finished = Signal(bool)     # cancelled?
    import_failed = Signal(str)
    certificate_issued = Signal(object)  # Path of the file to send back
    certificate_revoked = Signal(str)    # serial
    trust_published = Signal(list)       # list[Path]
    action_failed = Signal(str)          # a sentence from the root key's work
    report_opened = Signal(str)          # report id
    refreshed_elsewhere = Signal(str)    # the lists show what others recorded; the status bar's sentence

    INBOX, REPORTS, ANOMALIES, MONITORS, STATISTICS, DASHBOARD = range(6)

    def __init__(self, paths: Paths, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kpmonitor.trust.keys import Keyring

        self.paths = paths
        self.ws = ws
        self.keyring = Keyring(paths)
        self._take_trust()
        self.import_worker: ImportWorker | None = None
        self.importer: Importer | None = None  # records what the import worker checked, on this thread
        self.task: Task[Any] | None = None  # the root key's work in hand
        self._queued: list[Path] = []
        self.detail_dialog: QWidget | None = None
        self.log_window: QWidget | None = None
        self.about_box: QWidget | None = None
        # What others record (``gui.hq.refresh``): the poll, the read of the lists on the pool, and what this
        # window recorded itself since its last read, which is not announced as someone else's.
        self.watcher = ChangeWatcher(lambda: own_store(self.ws).change_marker(), parent=self)
        self.watcher.changed.connect(self._on_changed_elsewhere)
        self.open_reader = open_reader(ws)
        self.lists_task: Task[Lists] | None = None
        self._read_number = 0  # each read of the lists; a worker's read older than the latest is dropped
        self._held = 0  # reports held at the last read
        self._own_reports = self._own_notes = 0
        self._stats_stale = False
        self.setWindowTitle(self.tr("kpmonitor — headquarters: {name}").format(name=ws.home.name))

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_inbox(), self.tr("Inbox"))
        self.tabs.addTab(self._build_reports(), self.tr("Reports"))
        self.tabs.addTab(self._build_anomalies(), self.tr("Anomalies"))
        self.tabs.addTab(self._build_monitors(), self.tr("Monitors"))
        self.tabs.addTab(self._build_statistics(), self.tr("Statistics"))
        # The dashboard's charts (pyqtgraph, numpy) load when the tab is first shown (``_show_dashboard``).
        self.dashboard: Any = None  # gui.hq.dashboard.DashboardTab, once built
        self.dashboard_page = QWidget(self)
        QVBoxLayout(self.dashboard_page)
        self.tabs.addTab(self.dashboard_page, self.tr("Dashboard"))
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._make_menus()
        self.statusBar().showMessage(self.tr("Headquarters home: {name}").format(name=ws.home.name))
        self._restore_geometry()
        self.refresh()
        self.watcher.start()

    # --- menus and the window's place ------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
        action = menu.addAction(text)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _make_menus(self) -> None:
        """Everything the tabs' buttons do, and what they cannot: the log, the version, quitting."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_files_action = self._action(
            file_menu, self.tr("&Import bundles…"), self._on_import_files_clicked, QKeySequence.StandardKey.Open,
            self.tr("Import report bundles received from monitors"))
        self.import_folder_action = self._action(
            file_menu, self.tr("Import a &folder…"), self._on_import_folder_clicked, "Ctrl+Shift+O",
            self.tr("Import every bundle in a folder, such as a USB stick"))
        file_menu.addSeparator()
        self.export_stats_action = self._action(file_menu, self.tr("&Export statistics…"),
                                                self._on_export_stats_clicked)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        view = bar.addMenu(self.tr("&View"))
        names = (self.tr("&Inbox"), self.tr("&Reports"), self.tr("&Anomalies"), self.tr("&Monitors"),
                 self.tr("&Statistics"), self.tr("&Dashboard"))
        for index, name in enumerate(names):
            self._action(view, name, lambda index=index: self.tabs.setCurrentIndex(index), f"Ctrl+{index + 1}")
        view.addSeparator()
        self._action(view, self.tr("Re&fresh"), self.refresh, QKeySequence.StandardKey.Refresh,
                     self.tr("Read the reports, anomalies and monitors again"))
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addMenu(self._language_menu())
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("View &log"), self.show_log)
        self._action(help_menu, self.tr("&About kpmonitor"), self.show_about)
        for menu in bar.findChildren(QMenu):
            menu.setToolTipsVisible(True)

    def _language_menu(self) -> QMenu:
        """Tools ▸ Language, as in the field's window: the choice applies at the next start."""
        from kpmonitor.gui.translations import language_menu, read_setting
        from kpmonitor.settings import Settings

        settings_file = self.paths.settings_file
        return language_menu(self, read_setting(settings_file),
                             lambda value: Settings(settings_file).set("language", value),
                             self.statusBar().showMessage)

    def show_log(self) -> None:
        from kpmonitor.gui.common.log_window import LogWindowDialog

        if not isinstance(self.log_window, LogWindowDialog):
            self.log_window = LogWindowDialog(self.paths.log_file, self)
        self.log_window.reload()
        self.log_window.show()
        self.log_window.raise_()

    def show_about(self) -> None:
        self.about_box = dialogs.show_about(self, self.paths.data)

    def _restore_geometry(self) -> None:
        from kpmonitor.gui.main_window import gui_settings

        geometry = gui_settings(self.paths).value("hq/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def save_geometry(self) -> None:
        from kpmonitor.gui.main_window import gui_settings

        settings = gui_settings(self.paths)
        settings.setValue("hq/geometry", self.saveGeometry())
        settings.sync()

    # ================================================================================== inbox

    def _build_inbox(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.drop_zone = DropZoneWidget(page)
        self.drop_zone.files_dropped.connect(self._on_files_dropped)
        layout.addWidget(self.drop_zone)

        row = QHBoxLayout()
        self.import_files_button = QPushButton(self.tr("Import files…"), page)
        self.import_files_button.clicked.connect(self._on_import_files_clicked)
        self.import_folder_button = QPushButton(self.tr("Import a folder…"), page)
        self.import_folder_button.clicked.connect(self._on_import_folder_clicked)
        self.progress = QProgressBar(page)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        row.addWidget(self.import_files_button)
        row.addWidget(self.import_folder_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)
        layout.addLayout(row)
        self.import_status = plain_label("", page, wrap=True)
        layout.addWidget(self.import_status)

        split = QSplitter(Qt.Orientation.Vertical, page)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(self.tr("This import"), top))
        self.results_model = ImportResultsModel(self)
        self.results = table(top)
        self.results.setModel(self.results_model)
        top_layout.addWidget(self.results)
        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(heading(self.tr("Import history"), bottom))
        self.log_model = ImportLogModel(self)
        self.log_view = table(bottom)
        self.log_view.setModel(self.log_model)
        bottom_layout.addWidget(self.log_view)
        # What "set aside" means, under the history whenever a bundle in it was (``hq.inbox.set_aside_explained``).
        self.set_aside_label = plain_label("", bottom, wrap=True)
        self.set_aside_label.hide()
        bottom_layout.addWidget(self.set_aside_label)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 300])
        layout.addWidget(split, 1)
        return page

    # --- asking (tests replace these) --------------------------------------------------------

    def choose_import_files(self) -> list[Path]:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import report bundles"), "",
            self.tr("Report bundles (*.kpbundle);;All files (*)"))
        return [Path(p) for p in chosen]

    def choose_import_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import every bundle in a folder"))
        return Path(chosen) if chosen else None

    def choose_open_path(self, title: str, filter_text: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self, title, "", filter_text)
        return Path(chosen) if chosen else None

    def choose_save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filter_text)
        return Path(chosen) if chosen else None

    def choose_folder(self, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title)
        return Path(chosen) if chosen else None

    def ask_passphrase(self, prompt: str) -> str | None:
        self.passphrase_dialog = dialogs.PassphraseDialog(prompt, self)
        if self.passphrase_dialog.exec() != dialogs.PassphraseDialog.DialogCode.Accepted:
            return None
        return self.passphrase_dialog.passphrase_text()

    def confirm(self, title: str, text: str, yes: str) -> bool:
        return dialogs.confirm(self, title, text, yes=yes)

    def show_error(self, title: str, sentence: str) -> None:
        dialogs.show_error(self, title, sentence)

    # --- importing ---------------------------------------------------------------------------

    def _on_import_files_clicked(self) -> None:
        files = self.choose_import_files()
        if files:
            self.import_files(files)

    def _on_import_folder_clicked(self) -> None:
        folder = self.choose_import_folder()
        if folder is not None:
            self.import_files([folder])

    def _on_files_dropped(self, paths: list[Path]) -> None:
        self.import_files(paths)

    @property
    def importing(self) -> bool:
        return self.import_worker is not None

    def open_files(self, files: list[Path]) -> None:
        """Files the desktop asks headquarters to open (a double-clicked bundle, a dropped folder)."""
        open_files_into(self, files)

    def import_files(self, paths: Iterable[Path]) -> bool:
        """Import bundle files and the bundles under folders (the file-open hook: a double-clicked bundle).

        While an import runs, the files wait and are imported next. Returns whether an import was started.
        """
        paths = [Path(p) for p in paths]
        if not paths:
            return False
        self.tabs.setCurrentIndex(self.INBOX)
        if self.import_worker is not None:
            self._queued += paths
            self.import_status.setText(self.tr("{count} more will be imported when this import is done.")
                                       .format(count=len(self._queued)))
            return False
        try:
            self.importer = Importer(self.ws, batch_log=True)
        except KPError as exc:
            self.import_status.setText(exc.message)
            self.import_failed.emit(exc.message)
            return False
        self.results_model.set_rows([])
        worker = ImportWorker(self.paths, self.ws.vault, paths, self.importer.checker.limits,
                              source=database_source(self.ws), blobs=self.importer.checker.blobs)
        worker.signals.progress.connect(self._on_import_progress)
        worker.signals.prepared.connect(self._record_prepared)
        worker.signals.finished.connect(self._on_import_finished)
        worker.signals.failed.connect(self._on_import_failed)
        self.import_worker = start(worker)
        self.progress.setRange(0, 0)  # busy until the files are counted
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.import_status.setText(self.tr("Looking for bundles…"))
        self._update_buttons()
        return True

    def cancel_import(self) -> None:
        """Stop before the next bundle; those already imported stay imported."""
        if self.import_worker is not None:
            self.import_worker.cancel()
            self._queued = []
            self.cancel_button.setEnabled(False)
            self.import_status.setText(self.tr("Stopping after this bundle…"))

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if name:
            self.progress.setFormat(self.tr("{done} of {total}: {name}").format(done=done + 1, total=total,
                                                                               name=name))
        else:
            self.progress.setFormat(self.tr("{done} of {total}").format(done=done, total=total))

    def _record_prepared(self) -> None:
        """Record the bundles the worker checked, through this window's workspace: the one writer."""
        worker, importer = self.import_worker, self.importer
        if worker is None or importer is None:
            return
        for step, write_error in worker.take_prepared():
            self._on_result_arrived(importer.record(step, write_error))

    def _on_result_arrived(self, result: ImportResult) -> None:
        if result.outcome == "imported":
            self._own_reports += 1
        self.results_model.append(result)
        if self.results_model.rowCount() == 1:
            fit_columns(self.results, ImportResultsModel.SENTENCE)
        self.results.scrollToBottom()

    def _end_import(self) -> None:
        self._record_prepared()  # what the worker checked before it stopped is recorded all the same
        if self.importer is not None:
            self.importer.flush()
        self.importer = None
        self.import_worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()
        self.refresh()

    def _on_import_finished(self, cancelled: bool) -> None:
        self._end_import()
        counts: dict[str, int] = {}
        for result in self.results_model.rows:
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
        if not self.results_model.rows:
            summary = self.tr("No report bundles (.kpbundle) were found there.")
        else:
            summary = self.tr("{imported} imported, {already} already here, {conflict} set aside, {refused} "
                              "refused.").format(imported=counts.get("imported", 0),
                                                 already=counts.get("already", 0),
                                                 conflict=counts.get("conflict", 0),
                                                 refused=counts.get("refused", 0))
        if cancelled:
            summary = self.tr("Import stopped.") + " " + summary
        if counts.get("conflict", 0) + counts.get("refused", 0):
            summary += " " + self._set_aside_text()
        self.import_status.setText(summary)
        self.import_finished.emit(cancelled)
        if self._queued:
            queued, self._queued = self._queued, []
            self.import_files(queued)

    def _on_import_failed(self, sentence: str) -> None:
        self._end_import()
        self._queued = []
        self.import_status.setText(sentence)
        self.import_failed.emit(sentence)

    def _set_aside_text(self) -> str:
        from kpmonitor.hq.inbox import set_aside_explained

        return set_aside_explained(self.paths)

    def _update_buttons(self) -> None:
        busy = self.import_worker is not None
        for control in (self.import_files_button, self.import_folder_button, self.import_files_action,
                        self.import_folder_action):
            control.setEnabled(not busy)

    # ================================================================================ reports

    def _build_reports(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(self.tr("Search: certificate number, exporter, importer, monitor, origin, "
                                               "date, verdict, seal…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._on_search_due)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._on_search_return)
        search_label = QLabel(self.tr("&Find"), page)
        search_label.setBuddy(self.search)
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        self.reports_count = QLabel(page)
        row.addWidget(self.reports_count)
        self.open_report_button = QPushButton(self.tr("Open report"), page)
        self.open_report_button.clicked.connect(self._on_open_report_clicked)
        row.addWidget(self.open_report_button)
        layout.addLayout(row)
        self.reports_model = ReportsModel(self.ws, self)
        self.reports = table(page)
        self.reports.setModel(self.reports_model)
        self.reports.doubleClicked.connect(self._on_report_activated)
        self.reports.activated.connect(self._on_report_activated)
        layout.addWidget(self.reports, 1)
        return page

    def set_search(self, text: str) -> None:
        """Filter the reports list now (the search box waits for a pause in typing)."""
        if self.search.text() != text:
            self.search.setText(text)
        self._search_timer.stop()
        self._on_search_due()

    def _on_search_due(self) -> None:
        self.reports_model.set_search(self.search.text())
        self._show_reports_count()

    def _on_search_return(self) -> None:
        """Enter: the one report found opens, as in the monitor's list; of several, the first is selected."""
        self._search_timer.stop()
        self._on_search_due()
        if self.reports_model.total == 1 and self.search.text().strip():
            self._on_report_activated(self.reports_model.index(0, 0))
        elif self.reports_model.rowCount():
            self.reports.setFocus()
            self.reports.setCurrentIndex(self.reports_model.index(0, 0))

    def _show_reports_count(self) -> None:
        total = self.reports_model.total
        self.reports_count.setText(self.tr("%n report(s)", "", total))

    def _on_report_activated(self, index: QModelIndex) -> None:
        summary = self.reports_model.summary(index.row())
        if summary is not None:
            self.open_report(summary.id)

    def _on_open_report_clicked(self) -> None:
        index = self.reports.currentIndex()
        if index.isValid():
            self._on_report_activated(index)

    def open_report(self, report_id: str) -> QWidget | None:
        """Show one report's detail; returns the dialog (not modal, so the list stays usable)."""
        from kpmonitor.gui.hq.detail import ReportDetailDialog

        try:
            dialog = ReportDetailDialog(self.ws, report_id, self)
        except KPError as exc:
            self.show_error(self.tr("Report"), exc.message)
            return None
        dialog.report_requested.connect(self.open_report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its thumbnails' worker is kept by ``start``
        self.detail_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()  # the keyboard goes to it: Escape closes it, the arrows go through it
        self.report_opened.emit(dialog.report_id)
        return dialog

    # ============================================================================== anomalies

    def _build_anomalies(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.anomalies_summary = plain_label("", page, wrap=True)
        layout.addWidget(self.anomalies_summary)
        self.anomalies_model = AnomaliesModel(self)
        self.anomalies = table(page)
        self.anomalies.setModel(self.anomalies_model)
        self.anomalies.setWordWrap(True)
        self.anomalies.doubleClicked.connect(self._on_anomaly_activated)
        layout.addWidget(self.anomalies, 1)
        row = QHBoxLayout()
        self.note_button = QPushButton(self.tr("Note or resolve…"), page)
        self.note_button.setToolTip(self.tr("Write what you found on the selected anomaly, and mark it resolved if "
                                            "it is: kept on record, a later note supersedes it"))
        self.note_button.clicked.connect(self._on_note_clicked)
        self.note_status = FeedbackLabel(page)
        row.addWidget(self.note_button)
        row.addWidget(self.note_status, 1)
        layout.addLayout(row)
        self.anomalies.selectionModel().currentRowChanged.connect(self._update_note_button)
        self._update_note_button()
        return page

    def _on_anomaly_activated(self, index: QModelIndex) -> None:
        anomaly = self.anomalies_model.row_at(index.row())
        if anomaly is not None and anomaly.report_ids:
            self.open_report(anomaly.report_ids[-1])

    def _update_note_button(self, *_args: object) -> None:
        self.note_button.setEnabled(self.anomalies.currentIndex().isValid())

    def _on_note_clicked(self) -> None:
        self.note_anomaly(self.anomalies.currentIndex().row())

    def ask_anomaly_note(self, anomaly: NotedAnomaly) -> tuple[str, bool] | None:
        """The note and whether it resolves the anomaly, or None (cancelled); tests replace this."""
        note = anomaly.note
        return dialogs.ask_text(
            self, self.tr("Note on an anomaly"), anomaly.sentence,
            self.tr("What did you find? The note is kept on record with your name; a later note supersedes it."),
            yes=self.tr("Keep the note"), text=note.text if note is not None else "",
            check=self.tr("Resolved: nothing more to look at"), checked=note is not None and note.resolved)

    def note_anomaly(self, row: int) -> bool:
        """Ask for a note on the anomaly of ``row`` and keep it (audited); the list is read again."""
        from kpmonitor.hq.notes import add_note

        anomaly = self.anomalies_model.row_at(row)
        if anomaly is None:
            return False
        answer = self.ask_anomaly_note(anomaly)
        if answer is None:
            return False
        try:
            noted = add_note(self.ws, anomaly.key, answer[0], resolved=answer[1])
        except KPError as exc:
            self.note_status.show_error(exc.message)
            return False
        self._own_notes += 1
        self.refresh()
        self.note_status.show_understood(
            self.tr("Resolved, with your note.") if noted.resolved else self.tr("Your note is kept."))
        return True

    # =============================================================================== monitors

    def _build_monitors(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("Issue certificate from request…"), page)
        self.issue_button.clicked.connect(self._on_issue_clicked)
        self.revoke_button = QPushButton(self.tr("Revoke…"), page)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.publish_button = QPushButton(self.tr("Publish trust list and revocation list…"), page)
        self.publish_button.clicked.connect(self._on_publish_clicked)
        for button in (self.issue_button, self.revoke_button, self.publish_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.keys_status = FeedbackLabel(page)
        layout.addWidget(self.keys_status)
        layout.addWidget(heading(self.tr("Certificates issued by headquarters"), page))
        self.issued_model = IssuedModel(self)
        self.issued = table(page)
        self.issued.setModel(self.issued_model)
        self.issued.selectionModel().selectionChanged.connect(lambda *_: self._update_key_buttons())
        layout.addWidget(self.issued, 1)
        layout.addWidget(heading(self.tr("Devices headquarters has received reports from"), page))
        self.monitors_model = MonitorsModel(self)
        self.monitors = table(page)
        self.monitors.setModel(self.monitors_model)
        layout.addWidget(self.monitors, 1)
        return page

    def selected_certificate(self) -> IssuedRow | None:
        index = self.issued.currentIndex()
        found: IssuedRow | None = self.issued_model.row_at(index.row()) if index.isValid() else None
        return found

    def _update_key_buttons(self) -> None:
        busy = self.task is not None
        chosen = self.selected_certificate()
        self.issue_button.setEnabled(not busy)
        self.publish_button.setEnabled(not busy)
        self.revoke_button.setEnabled(not busy and chosen is not None and not chosen.revoked_at)

    def _on_issue_clicked(self) -> None:
        self.issue_certificate()

    def issue_certificate(self) -> bool:
        """A request file, the root key's passphrase, and where to save the certificate to send back."""
        request = self.choose_open_path(self.tr("Choose the monitor's certificate request"),
                                        self.tr("Certificate requests (*.pem *.csr);;All files (*)"))
        if request is None:
            return False
        try:
            if request.stat().st_size > MAX_REQUEST:
                raise KPError(f"{request.name} is too large to be a certificate request.")
            csr = request.read_bytes()
            from kpmonitor.trust import identity

            subject = identity.load_csr(csr).subject
        except OSError as exc:
            return self._fail(f"The file {request.name} cannot be read ({exc.strerror or exc}).")
        except KPError as exc:
            return self._fail(exc.message)
        from cryptography.x509.oid import NameOID

        names = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        holder = str(names[0].value) if names else request.stem
        passphrase = self.ask_passphrase(self.tr("The passphrase of headquarters' root key, to issue a "
                                                 "certificate to {name}.").format(name=holder))
        if not passphrase:
            return False
        safe = "".join(ch if ch.isalnum() else "-" for ch in holder).strip("-") or "monitor"
        out = self.choose_save_path(self.tr("Save the certificate to send to the monitor"),
                                    f"kpmonitor-certificate-{safe}.pem",
                                    self.tr("Certificates (*.pem);;All files (*)"))
        if out is None:
            return False
        keyring = self.keyring
        return self._start_task(lambda _progress: issue_to_file(keyring, csr, passphrase, out),
                                "The certificate could not be issued.", self._on_certificate_issued,
                                self.tr("Issuing the certificate…"))

    def _on_certificate_issued(self, out: Path) -> None:
        self._end_task()
        self._share_trust()
        self.issued_model.set_rows(self._issued_rows())
        fit_columns(self.issued, IssuedModel.STATE)
        self.keys_status.show_understood(self.tr("Certificate issued and saved as {file}; send it to the monitor, "
                                                 "who installs it under Signing certificate.").format(file=out.name))
        self.certificate_issued.emit(out)

    def _on_revoke_clicked(self) -> None:
        self.revoke_certificate()

    def revoke_certificate(self, serial: str | None = None) -> bool:
        """Revoke the chosen (or selected) certificate, after a confirmation and the root key's passphrase."""
        chosen = next((r for r in self.issued_model.rows if r.serial == serial), None) if serial else \
            self.selected_certificate()
        if chosen is None:
            return self._fail(self.tr("Choose the certificate to revoke in the list."))
        if not self.confirm(self.tr("Revoke certificate"),
                            self.tr("Revoke the certificate of {name} (serial {serial})? Reports signed with it "
                                    "will no longer be accepted once the new revocation list is published; this "
                                    "cannot be undone.").format(name=chosen.name, serial=chosen.serial),
                            self.tr("Revoke")):
            return False
        passphrase = self.ask_passphrase(self.tr("The passphrase of headquarters' root key, to sign the "
                                                 "revocation list."))
        if not passphrase:
            return False
        keyring, serial = self.keyring, chosen.serial
        return self._start_task(lambda _progress: revoke(keyring, serial, passphrase),
                                "The certificate could not be revoked.", self._on_certificate_revoked,
                                self.tr("Revoking the certificate…"))

    def _on_certificate_revoked(self, serial: str) -> None:
        self._end_task()
        self._share_trust()
        self.keys_status.show_understood(self.tr("Certificate {serial} is revoked. Publish the revocation list so "
                                                 "that field devices and verifiers learn of it.").format(
                                                     serial=serial))
        self.refresh()
        self.certificate_revoked.emit(serial)

    def _on_publish_clicked(self) -> None:
        self.publish_trust()

    def publish_trust(self) -> bool:
        out = self.choose_folder(self.tr("Choose the folder to publish the trust list and revocation list into"))
        if out is None:
            return False
        passphrase = self.ask_passphrase(self.tr("The passphrase of headquarters' root key, to sign the "
                                                 "revocation list."))
        if not passphrase:
            return False
        keyring = self.keyring
        return self._start_task(lambda _progress: publish(keyring, out, passphrase),
                                "The trust list could not be published.", self._on_trust_published,
                                self.tr("Publishing…"))

    def _on_trust_published(self, written: list[Path]) -> None:
        self._end_task()
        self._share_trust()
        self.keys_status.show_understood(self.tr("Written: {files}. Send them to field devices and verifiers.")
                                         .format(files=", ".join(p.name for p in written)))
        self.trust_published.emit(list(written))

    def _start_task(self, work: Callable[[Progress], T], failure: str, finished: Callable[[T], object],
                    what: str) -> bool:
        self.task = run_task(work, failure, finished=finished, failed=self._on_task_failed)
        self.keys_status.show_understood(what)
        self._update_key_buttons()
        return True

    def _take_trust(self) -> None:
        """Headquarters on PostgreSQL: the issuing home's latest revocation list and certificates before the badges
        are read (``hq.shared.sync_trust``; every import takes them again)."""
        from kpmonitor.hq.shared import sync_trust

        try:
            sync_trust(self.ws)
        except KPError as exc:
            log.warning("headquarters' trust was not taken from its database: %s", exc.message)

    def _share_trust(self) -> None:
        """Headquarters on PostgreSQL: the other analysts' homes take the new certificate or revocation list from
        the database before their next import (``hq.shared``); nothing on SQLite."""
        from kpmonitor.hq.shared import share_trust

        try:
            share_trust(self.ws)
        except KPError as exc:
            self._fail(self.tr("Done here, but not yet shared with the other analysts: {why}").format(
                why=exc.message))

    def _end_task(self) -> None:
        self.task = None
        self._update_key_buttons()

    def _on_task_failed(self, sentence: str) -> None:
        self._end_task()
        self._fail(sentence)

    def _fail(self, sentence: str) -> bool:
        self.keys_status.show_error(sentence)
        self.action_failed.emit(sentence)
        return False

    # ============================================================================= statistics

    def _build_statistics(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Shipments, carats and value; an amended report counts once, at its "
                                          "latest version."), page, wrap=True), 1)
        self.stats_by = QComboBox(page)
        for text, by in ((self.tr("By month and origin"), "month"), (self.tr("By operator"), "operator"),
                         (self.tr("By mine"), "mine")):
            self.stats_by.addItem(text, by)
        self.stats_by.setAccessibleName(self.tr("Group the statistics"))
        self.stats_by.currentIndexChanged.connect(self._on_stats_by_changed)
        by_label = QLabel(self.tr("&Group"), page)
        by_label.setBuddy(self.stats_by)
        row.addWidget(by_label)
        row.addWidget(self.stats_by)
        self.export_stats_button = QPushButton(self.tr("Export CSV…"), page)
        self.export_stats_button.clicked.connect(self._on_export_stats_clicked)
        row.addWidget(self.export_stats_button)
        layout.addLayout(row)
        self.stats_status = FeedbackLabel(page)
        layout.addWidget(self.stats_status)
        self.stats_model = StatsModel(self)
        self.group_stats_model = GroupStatsModel("operator", self)  # by operator or mine
        self.stats = table(page)
        self.stats.setModel(self.stats_model)
        layout.addWidget(self.stats, 1)
        return page

    def stats_grouping(self) -> str:
        """"month" (by month and origin), "operator" or "mine"."""
        return str(self.stats_by.currentData() or "month")

    def set_stats_grouping(self, by: str) -> None:
        self.stats_by.setCurrentIndex(max(0, self.stats_by.findData(by)))

    def _on_stats_by_changed(self, _index: int) -> None:
        self._load_stats()
        fit_columns(self.stats, -1)

    def _load_stats(self) -> None:
        from kpmonitor.hq.stats import stats, stats_by

        by = self.stats_grouping()
        if by == "month":
            self.stats_model.set_rows(stats(self.ws))
            model: StatsModel | GroupStatsModel = self.stats_model
        else:
            self.group_stats_model.set_by(by, stats_by(self.ws, by))
            model = self.group_stats_model
        if self.stats.model() is not model:
            self.stats.setModel(model)

    def _on_export_stats_clicked(self) -> None:
        out = self.choose_save_path(self.tr("Export statistics"), "kpmonitor-statistics.csv",
                                    self.tr("CSV files (*.csv);;All files (*)"))
        if out is not None:
            self.export_stats(out)

    def export_stats(self, out: Path) -> bool:
        """Write the statistics as shown (by month and origin, or by operator or mine) as CSV."""
        from kpmonitor.hq.stats import write_group_csv, write_stats_csv

        by = self.stats_grouping()
        try:
            rows: Sequence[object] = write_stats_csv(self.ws, out) if by == "month" else write_group_csv(
                self.ws, out, by)
        except KPError as exc:
            self.stats_status.show_error(exc.message)
            return False
        self.stats_status.show_understood(self.tr("%n row(s) written to {file}.", "", len(rows)).format(
            file=out.name))
        return True

    # ================================================================================ refresh

    def refresh(self) -> None:
        """Read everything again (after an import, a revocation), on this thread."""
        self._refresh_here(polled=False)

    def _refresh_here(self, *, polled: bool) -> None:
        self._read_number += 1
        hqs = own_store(self.ws)
        # Before the lists: whatever is recorded while they are read changes the marker again, for the next poll.
        marker, held = hqs.change_marker(), hqs.count_reports(None)
        if polled:  # others' work: the analyst's place in each list is kept, as after a worker's read
            self._keep_places(self._read_here)
        else:
            self._read_here()
        self._settle(marker, held, polled=polled)

    def _read_here(self) -> None:
        from kpmonitor.hq.notes import noted_anomalies
        from kpmonitor.hq.reports import import_log
        from kpmonitor.hq.stats import monitors

        self._show_log(import_log(self.ws, limit=500))
        self.reports_model.reload()
        self._show_reports_count()
        self._show_anomalies(noted_anomalies(self.ws))
        self.issued_model.set_rows(self._issued_rows())
        self.monitors_model.set_rows(monitors(self.ws))
        self._load_stats()
        self._stats_stale = False
        if self.dashboard is not None:
            self.dashboard.load()  # on the pool: the figures change with every import
        self._update_key_buttons()
        self._fit_all()

    def _show_log(self, log_rows: list[dict[str, Any]]) -> None:
        from kpmonitor.hq.inbox import SET_ASIDE_OUTCOMES

        self.log_model.set_rows(log_rows)
        set_aside = any(row["outcome"] in SET_ASIDE_OUTCOMES for row in log_rows)
        self.set_aside_label.setText(self._set_aside_text() if set_aside else "")
        self.set_aside_label.setVisible(set_aside)

    def _show_anomalies(self, found: list[NotedAnomaly], *, fit_rows: bool = False) -> None:
        """:param fit_rows: each row as high as its wrapped sentence (a refresh that does not ``_fit_all``)."""
        from kpmonitor.hq.notes import open_count

        self.anomalies_model.set_rows(found)
        if fit_rows:
            self.anomalies.resizeRowsToContents()
        alerts, warnings, resolved = open_count(found)
        opened = alerts + warnings
        summary = (self.tr("Nothing to look at: every report has arrived, and none repeats a seal or a certificate.")
                   if not found else
                   self.tr("{alerts} alert(s) and {warnings} warning(s) open, most serious first. Double-click one "
                           "to open its report; select one to note or resolve it.").format(alerts=alerts,
                                                                                           warnings=warnings))
        if resolved:
            summary += " " + self.tr("{resolved} resolved (listed, dimmed).").format(resolved=resolved)
        self.anomalies_summary.setText(summary)
        # Resolved ones are not counted as open.
        self.tabs.setTabText(self.ANOMALIES, self.tr("Anomalies ({count})").format(count=opened)
                             if opened else self.tr("Anomalies"))

    # --- what others record ----------------------------------------------------------------------

    def set_poll_interval(self, milliseconds: int) -> None:
        """How often the window asks whether others recorded something (tests ask often)."""
        self.watcher.set_interval(milliseconds)

    def _busy(self) -> bool:
        """An import running, or a dialog waiting for the analyst (a note being written, a passphrase, a file):
        the lists are read again after, at the next poll, so that nothing changes under what they are doing."""
        return self.importing or QApplication.activeModalWidget() is not None

    def _on_changed_elsewhere(self) -> None:
        if self._busy() or self.lists_task is not None:
            return  # the watcher says it again at the next poll
        from kpmonitor.hq.anomalies import rules_for
        from kpmonitor.hq.receipts_due import terms_for
        from kpmonitor.hq.reports import SignerBadges, revoked_serials

        wanted = Wanted(self.reports_model.search, max(ReportsModel.PAGE, self.reports_model.rowCount()),
                        SignerBadges(self.ws), terms_for(self.ws), revoked_serials(self.ws),
                        rules_for(self.ws).fingerprint())
        opener, number = self.open_reader, self._read_number
        self.lists_task = run_task(lambda _progress: read_lists(opener, wanted),
                                   "The lists could not be read again.",
                                   finished=lambda lists: self._on_lists_read(lists, number),
                                   failed=self._on_lists_failed)

    def _on_lists_failed(self, sentence: str) -> None:
        self.lists_task = None
        self.statusBar().showMessage(sentence)

    def _on_lists_read(self, lists: Lists, number: int) -> None:
        """Show what the worker read, each list where the analyst left it; unless the window read again since,
        or is busy now (the next poll reads again)."""
        self.lists_task = None
        if number != self._read_number or self._busy():
            return
        if not lists.judged:  # judging the anomalies again writes: the window's own store does it
            self._refresh_here(polled=True)
            return
        self._read_number += 1

        def show() -> None:
            # The columns keep their widths (no ``_fit_all``): nothing moves under the analyst's eyes or pointer.
            self._show_log(lists.log_rows)
            if lists.search == self.reports_model.search:  # else the search typed since has read the list already
                self.reports_model.set_page(lists.total, lists.reports)
                self._show_reports_count()
            self._show_anomalies(lists.anomalies, fit_rows=True)
            self.monitors_model.set_rows(lists.monitors)

        self._keep_places(show)
        if self.tabs.currentIndex() == self.STATISTICS:
            self._load_stats()
        else:  # read on the GUI thread, and seldom looked at: when the tab is next shown
            self._stats_stale = True
        if self.dashboard is not None:
            self.dashboard.load()
        self._settle(lists.marker, lists.held, polled=True)

    def _log_key(self, row: int) -> object:
        line = self.log_model.row_at(row)
        return (line["at"], line["file_name"], line["bundle_sha256"]) if line is not None else None

    def _keep_places(self, show: Callable[[], object]) -> None:
        """``show`` new rows in the lists keeping the analyst's place in each: the row they chose (found again by
        what it is about, wherever it moved to) and where the list is scrolled to."""
        lists: list[tuple[QTableView, Callable[[int], object]]] = [
            (self.log_view, self._log_key),
            (self.reports, lambda row: getattr(self.reports_model.summary(row), "id", None)),
            (self.anomalies, lambda row: getattr(self.anomalies_model.row_at(row), "key", None)),
            (self.monitors, lambda row: getattr(self.monitors_model.row_at(row), "device_id", None))]
        places = []
        for view, key in lists:
            current = view.currentIndex()
            places.append((key(current.row()) if current.isValid() else None, max(current.column(), 0),
                           view.verticalScrollBar().value(), view.horizontalScrollBar().value()))
        show()
        for (view, key), (chosen, column, down, across) in zip(lists, places, strict=True):
            model = view.model()
            if model is None:
                continue
            view.doItemsLayout()  # the scroll bars' ranges now, not at the next paint, so that the values hold
            found = next((row for row in range(model.rowCount()) if key(row) == chosen), None) \
                if chosen is not None else None
            if found is not None:
                view.selectionModel().setCurrentIndex(
                    model.index(found, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
            view.verticalScrollBar().setValue(down)
            view.horizontalScrollBar().setValue(across)

    def _settle(self, marker: Marker, held: int, *, polled: bool) -> None:
        """The window shows what was recorded up to ``marker``: say what others recorded since the last read."""
        before, held_before = self.watcher.marker, self._held
        own_reports, own_notes = self._own_reports, self._own_notes
        self._own_reports = self._own_notes = 0
        self._held = held
        self.watcher.settle(marker)
        if before is None:  # the window's first read
            return
        sentence = self._elsewhere_sentence(held - held_before - own_reports, marker[1] - before[1] - own_notes,
                                            marker[2] - before[2])
        if not sentence and polled:  # a bundle refused, or set aside, elsewhere: only the history changed
            sentence = self.tr("Others recorded something at headquarters; the lists are up to date.")
        if sentence:
            self.statusBar().showMessage(sentence)
        if polled:
            self.refreshed_elsewhere.emit(sentence)

    def _elsewhere_sentence(self, reports: int, notes: int, confirmations: int) -> str:
        # English has no catalogue: its singular is a message of its own, as elsewhere in the window.
        if reports == 1:
            return self.tr("1 report imported elsewhere; the lists are up to date.")
        if reports > 1:
            return self.tr("%n reports imported elsewhere; the lists are up to date.", "", reports)
        if notes == 1:
            return self.tr("1 note on anomalies written elsewhere; the lists are up to date.")
        if notes > 1:
            return self.tr("%n notes on anomalies written elsewhere; the lists are up to date.", "", notes)
        if confirmations == 1:
            return self.tr("1 confirmation of receipt recorded elsewhere; the lists are up to date.")
        if confirmations > 1:
            return self.tr("%n confirmations of receipt recorded elsewhere; the lists are up to date.", "",
                           confirmations)
        return ""

    def _issued_rows(self) -> list[IssuedRow]:
        from kpmonitor.trust import identity

        revoked = self.keyring.revoked()
        rows = []
        for cert in self.keyring.issued():
            s = identity.certificate_summary(cert)
            rows.append(IssuedRow(s["name"], s["device_id"], s["serial"], s["not_before"], s["not_after"],
                                  revoked.get(s["serial"])))
        return sorted(rows, key=lambda r: r.not_before, reverse=True)

    def _fit_all(self) -> None:
        fit_columns(self.results, ImportResultsModel.SENTENCE)
        fit_columns(self.log_view, ImportLogModel.SENTENCE)
        fit_columns(self.reports, ReportsModel.IMPORTER)
        fit_columns(self.anomalies, AnomaliesModel.SENTENCE, within=False)
        self.anomalies.resizeRowsToContents()
        fit_columns(self.issued, IssuedModel.STATE)
        fit_columns(self.monitors, MonitorsModel.LAST_IMPORTED)
        fit_columns(self.stats, -1)

    def _show_dashboard(self) -> None:
        """Build the Dashboard tab (and load its chart library) the first time it is shown."""
        from kpmonitor.gui.hq.dashboard import DashboardTab

        # Asked through the window at the time (a test replaces ``choose_save_path``).
        self.dashboard = DashboardTab(self.ws, lambda *args: self.choose_save_path(*args), self.dashboard_page)
        layout = self.dashboard_page.layout()
        assert layout is not None
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dashboard)
        self.dashboard.load()

    def _on_tab_changed(self, index: int) -> None:
        if index == self.DASHBOARD and self.dashboard is None:
            self._show_dashboard()
        if index == self.STATISTICS and self._stats_stale:
            self._stats_stale = False
            self._load_stats()
            fit_columns(self.stats, -1)
        if index == self.ANOMALIES:
            self.anomalies.resizeRowsToContents()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.stop()
        self._read_number += 1  # a worker's read that arrives after this is dropped: the home may be closed by then
        if self.import_worker is not None:
            self.import_worker.cancel()
        pool().waitForDone(30_000)  # no worker may outlive the home whose files it writes
        if self.import_worker is not None:
            self._record_prepared()
            if self.importer is not None:
                self.importer.flush()
        self.save_geometry()
        super().closeEvent(event)


def open_files_into(window: HqWindow, files: Sequence[Path]) -> None:
    """What the application does with files it is asked to open at headquarters: bundles are imported."""
    bundles = [Path(f) for f in files if Path(f).is_dir() or Path(f).suffix.lower() == BUNDLE_SUFFIX]
    if bundles:
        window.import_files(bundles)
