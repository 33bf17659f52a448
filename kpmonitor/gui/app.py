"""Starting the desktop application: ``kpmonitor`` or ``kpmonitor gui [--demo] [FILE…]``.

``run(paths, demo, files)`` makes the QApplication (one application id, its
icon, high-DPI aware, the system's light or dark palette), sends the log to
the home's rotating log file, creates the home on first start, fills a demo
home, opens the main window where the monitor left it, and then opens the
files it was given (a report to verify, a bundle to import). On macOS the
Finder hands files over as ``QEvent.FileOpen`` events instead, at start or
later; they are queued until the window can take them.

Start-up is kept light. The window is shown first, as a frame with its
menus. Just after its first paint the list shows its first page, read on a
read-only connection with sqlite3 alone (``store.listing``), before the core
is imported; the home (the workspace and its store) is opened once the list
has painted, or at once when the monitor acts before that (``MainWindow.
ensure_workspace``). A home whose database needs a migration, a demo home
and a window that reopens on an inspection open the home first instead.
Once the list is on screen, the log file is opened and what the first edit
needs (sqlite-utils, the rules, Pillow, the editor) is loaded a piece at a
time between events; dialogs are imported when first used. (Importing the
core on a thread while Qt starts was tried: both are mostly Python work
under one interpreter lock, and nothing was gained.)
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, cast

# Only what the first paint needs: every Qt class imported here is built before the window shows
# (the Qt namespace, whose enums take some 30 ms to build, is imported where it is used).
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, qVersion
from PySide6.QtGui import QFileOpenEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from kpmonitor import APP_ID, APP_NAME, __version__
from kpmonitor.errors import KPError
from kpmonitor.logsetup import setup_logging

if TYPE_CHECKING:
    from kpmonitor.domain.reference import Reference
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.store.listing import ListReader
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)

# Out-of-date counts made again per turn of the event loop at start: each is a validation, ~1 ms.
REVALIDATE_PER_TURN = 25

DEMO_COUNT = 12
ORGANIZATION = "kpmonitor"
# The passphrase of a demo home's signing key: the same as `kpmonitor demo` gives its homes.
DEMO_PASSPHRASE = "kimberley-demo"


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once; tests and the benchmark may have made it already."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # High-DPI: Qt 6 scales by the screen's factor, fractional ones (125 %, 150 %) included
    # (HighDpiScaleFactorRoundingPolicy.PassThrough is its default); nothing to switch on.
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("kpmonitor")
    app.setApplicationVersion(__version__)
    # The desktop file's name: the desktop shows the right icon and groups the windows.
    QGuiApplication.setDesktopFileName(APP_ID)


def application_icon() -> QIcon:
    """The application's icon at every size shipped (resources/icons/hicolor, as the .desktop file uses)."""
    from kpmonitor.domain.reference import resources_dir

    icon = QIcon()
    for png in sorted((resources_dir() / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        # The size from the folder's name ("64x64"): each file is then read only when that size is drawn.
        width, _x, height = png.parent.parent.name.partition("x")
        size = QSize(int(width), int(height)) if width.isdigit() and height.isdigit() else QSize()
        icon.addFile(str(png), size)
    return icon


class TakesFiles(Protocol):
    """A window that opens files: the monitor's main window (verify) or headquarters' (import)."""

    def open_files(self, files: list[Path]) -> None: ...


class FileOpenFilter(QObject):
    """Files the desktop asks the application to open (macOS: ``QEvent.FileOpen``).

    They can arrive before the main window exists (the Finder launched the
    application to open them): until a window is given, they are queued, as
    are the files of the command line.

    :param listen: filter the application's events. A filter on the
        application sees every event of every widget, so ``run`` listens only
        where the desktop delivers files this way (macOS); elsewhere they come
        on the command line.
    """

    def __init__(self, app: QApplication, *, listen: bool = True) -> None:
        super().__init__(app)
        self.window: TakesFiles | None = None
        self.queued: list[Path] = []
        if listen:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file() or event.url().toLocalFile()
            if name:
                log.info("asked by the desktop to open %s", name)
                self.open([Path(name)])
                return True
        return False

    def open(self, files: Iterable[Path]) -> None:
        paths = list(files)
        if self.window is None:
            self.queued.extend(paths)
        elif paths:
            self.window.open_files(paths)

    def attach(self, window: TakesFiles) -> None:
        """Hand the queued files, and every later one, to the window (which waits for its home if needed)."""
        self.window = window
        queued, self.queued = self.queued, []
        if queued:
            window.open_files(queued)


def _home_role(paths: Paths) -> str:
    """The home's role, read straight from its file (the core is not loaded yet)."""
    import json

    try:
        return str(json.loads(paths.home_file.read_text(encoding="utf-8")).get("role", "field"))
    except (OSError, ValueError):
        return "field"  # the workspace will say what is wrong with the file


def _run_headquarters(app: QApplication, paths: Paths, opener: FileOpenFilter) -> int:
    """Headquarters' window: inbox, reports, anomalies, monitors, statistics."""
    from kpmonitor.gui.hq.window import HqWindow
    from kpmonitor.workspace import Workspace

    setup_logging(paths)
    app.setWindowIcon(application_icon())
    log.info("kpmonitor %s starting (Qt %s) on %s (headquarters)", __version__, qVersion(), paths.data)
    try:
        ws = Workspace(paths)
    except KPError as exc:
        _message(tr("kpmonitor"), exc.message)
        return 1
    window = HqWindow(paths, ws)
    opener.attach(window)
    window.show()
    log.info("main window shown")
    status = app.exec()
    app.removeEventFilter(opener)
    from kpmonitor.gui.common.workers import pool

    pool().waitForDone(5000)  # import workers hold their own workspace; let them finish first
    ws.close()
    log.info("kpmonitor closed")
    return int(status)


def _message(title: str, sentence: str, parent: QWidget | None = None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, sentence, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _install_excepthook() -> None:
    """A bug reaches the monitor as a sentence and the log as a traceback; the work is already saved."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if isinstance(exc, KPError):
            sentence = exc.message
        else:
            sentence = tr("Something went wrong inside kpmonitor. Everything typed so far is saved. "
                          "The details are in the log (Help → View log).")
        _message(tr("kpmonitor"), sentence, QApplication.activeWindow())

    sys.excepthook = hook


def first_run(paths: Paths, demo: bool) -> bool:
    """Make the home if there is none; False if the monitor cancels."""
    from kpmonitor.workspace import init_home, read_home

    if read_home(paths) is not None:
        return True
    if demo:
        init_home(paths, "field", tr("Demo monitor"), DEMO_PASSPHRASE)
        return True
    from kpmonitor.gui.common.first_run import FirstRunDialog

    dialog = FirstRunDialog(paths)
    return dialog.exec() == FirstRunDialog.DialogCode.Accepted


def fill_demo_home(ws: Workspace, count: int | None = None, parent: QWidget | None = None) -> int:
    """Fill an empty home with demo inspections, with a progress dialog.

    Done on the GUI thread on purpose: a dozen inspections take a few
    seconds, nothing else can happen before they exist, and the store's
    connection belongs to this thread.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from kpmonitor.demo.fill import fill_demo

    if ws.store.count(include_deleted=True) > 0:
        return 0
    count = DEMO_COUNT if count is None else count
    dialog = QProgressDialog(tr("Making demo inspections…"), tr("Stop"), 0, count, parent)
    dialog.setWindowTitle(tr("kpmonitor demo"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)

    def progress(done: int, total: int, _text: str) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    made = fill_demo(ws, count=count, photos=True, progress=progress)
    dialog.setValue(count)
    dialog.close()
    log.info("filled the demo home with %d inspections", made)
    if parent is not None and hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(tr("A demo home: its signing passphrase is “{passphrase}”.").format(
            passphrase=DEMO_PASSPHRASE))
    return made


def open_main_window(paths: Paths, *, demo: bool = False,
                     reference: Reference | None = None) -> tuple[Workspace, MainWindow] | None:
    """Open the home and its main window (not yet shown); None if the monitor cancelled the first run."""
    if not first_run(paths, demo):
        return None
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.workspace import Workspace

    ws = Workspace(paths, reference=reference)
    if demo:
        fill_demo_home(ws)
    window = MainWindow(ws)
    window.restore_session()
    return ws, window


def open_home_into(window: MainWindow, paths: Paths, demo: bool, *, restore: bool = True) -> Workspace:
    """Open the home in a window already on screen: the slow part of start-up (the core, the database).

    :param restore: reopen the inspection the monitor was in (``MainWindow.restore_session``); not when
        the home is opened for what the monitor has just asked of the list.
    """
    from kpmonitor.workspace import Workspace

    ws = Workspace(paths)
    if demo:
        fill_demo_home(ws, parent=window)
    window.attach_workspace(ws)
    if restore:
        window.restore_session()
    return ws


class _ListHome:
    """What ``history.received.received_reports`` reads of a workspace (its store's newest receipt), from the
    list's reader: the first page says which reports headquarters holds as the store's would."""

    def __init__(self, reader: ListReader) -> None:
        self.store = reader


def show_list_first(window: MainWindow, paths: Paths) -> ListReader | None:
    """Show a field home's list in the window, before the home is opened: the first page from a read-only
    connection, with sqlite3 alone (``store.listing.open_read_only``).

    :returns: the reader, for the caller to close once the home is open (``open_home_into``); None, the list
        left for the home to show, when the window reopens on an inspection (its editor needs the home
        anyway) or the database cannot be read so (missing, or a migration to apply first).
    """
    from kpmonitor.history.received import received_reports
    from kpmonitor.store.listing import open_read_only

    if str(window.settings.value("session/last_inspection", "") or ""):
        return None
    reader = open_read_only(paths.database)
    if reader is None:
        return None
    home = cast("Workspace", _ListHome(reader))

    def received() -> dict[str, Any]:
        return received_reports(home)

    window.attach_list(reader, role="field", received=received)
    return reader


def warm_up(ws: Workspace, window: QObject) -> None:
    """Load, one piece per turn of the event loop, what the list did not need and the first edit will.

    The reference tables, sqlite-utils (the first write), the rules (the first validation), Pillow and the editor: each
    some tens of milliseconds that would otherwise delay the monitor's first keystroke or click.
    Then the list's counts that are out of date (a crash between a change and its count, a changed
    setting or table) are made again, a few per turn, and the list shows them. Keys and clicks that
    arrive meanwhile are handled between the pieces. The steps belong to the window: once it is gone
    (the application closing) none runs.
    """
    from importlib import import_module

    def revalidate() -> bool:
        done = ws.revalidate_stale(limit=REVALIDATE_PER_TURN)
        model = getattr(window, "model", None)
        if done and model is not None:
            model.refresh()
        return done == REVALIDATE_PER_TURN  # more may be waiting

    # Each step runs once, or again while it says there is more to do.
    steps: list[Callable[[], object]] = [
        lambda: ws.reference,
        lambda: ws.store.db,
        lambda: import_module("kpmonitor.rules.kp"),
        lambda: ws.vault,
        lambda: import_module("kpmonitor.gui.editor.editor"),
    ]
    if ws.role == "field":
        steps.append(revalidate)

    def next_step() -> None:
        if steps and not ws.store.closed:
            if steps[0]() is not True:
                steps.pop(0)
            QTimer.singleShot(0, window, next_step)

    QTimer.singleShot(0, window, next_step)


class AfterFirstPaint(QObject):
    """Runs a function once a window has painted itself (or after a short while, whichever is first).

    The window frame, its menus and an "Opening…" line are on screen before the
    core is imported and the database opened, so the monitor sees the
    application at once; the list follows a fraction of a second later, and
    what the list does not need (the log file, the icon, the editor) after it.
    """

    def __init__(self, window: QWidget, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action: Callable[[], None] | None = action
        window.installEventFilter(self)
        # A platform that paints late (a slow compositor) must not hold the home back. (With this
        # object as the context, a timer still pending when the window goes never fires.)
        QTimer.singleShot(500, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            QTimer.singleShot(0, self, self._after_paint)  # after this paint pass has reached the screen
        return False

    def _after_paint(self) -> None:
        # One turn more: what arrived during the paint (a key, a click, the desktop's own events) is handled
        # before the action, which loads for tens of milliseconds.
        QTimer.singleShot(0, self, self.fire)

    def fire(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


def run(paths: Paths, demo: bool = False, files: Iterable[Path] = ()) -> int:
    """Start the desktop application on a home; returns the exit status.

    :param files: reports to verify or bundles to import, opened once the
        main window shows (a missing one gets a sentence there).
    """
    app = make_application()
    _install_excepthook()
    # The monitor's language before any widget exists (KPMONITOR_LANG, the home's setting, else the system's); kept
    # out of make_application, so that tests and benchmarks build English windows unless they ask.
    from kpmonitor.gui.translations import install_for_home

    installed = install_for_home(app, paths.settings_file)
    opener = FileOpenFilter(app, listen=sys.platform == "darwin")  # the Finder's files may come before the window
    opener.open(files)
    # No home yet (a file check, without loading the core): the first-run dialog makes one.
    if not paths.home_file.exists():
        setup_logging(paths)
        if not first_run(paths, demo):
            return 0
    if _home_role(paths) == "hq":
        return _run_headquarters(app, paths, opener)
    from kpmonitor.gui.main_window import MainWindow

    window = MainWindow(paths=paths)
    opener.attach(window)  # the window keeps them until its home is open
    opened: list[Workspace] = []
    readers: list[ListReader] = []  # the list's, until the home is open
    failure: list[str] = []
    running = [True]

    def open_home() -> None:
        """After the frame's first paint: the list, and the home once the list has painted (or at once, when an
        action needs it first); or the home, and with it the list."""
        if not running:
            return
        reader = None if demo else show_list_first(window, paths)
        if reader is None:
            attach_home(restore=True)
            return
        readers.append(reader)
        window.workspace_opener = lambda: attach_home(restore=False)
        AfterFirstPaint(window.list, lambda: attach_home(restore=True))

    def attach_home(*, restore: bool) -> None:
        if opened or failure or not running:
            return
        listed = bool(readers)
        if demo:
            setup_logging(paths)  # filling a demo home says what it made
        try:
            opened.append(open_home_into(window, paths, demo, restore=restore))
        except KPError as exc:
            setup_logging(paths)
            log.warning("could not open the home: %s", exc.message)
            failure.append(exc.message)
            _message(tr("kpmonitor"), exc.message, window)
            app.exit(1)
            return
        finally:
            while readers:
                readers.pop().close()
        if listed:  # on screen already
            QTimer.singleShot(0, window, after_list)
        else:
            AfterFirstPaint(window.list, after_list)

    def after_list() -> None:
        # Once the list is on screen: the log file (logging.handlers is a slow import) and the icon
        # (the desktop updates the frame's), then what the monitor's first action will need.
        if not running:
            return
        setup_logging(paths)
        app.setWindowIcon(application_icon())
        log.info("kpmonitor %s started (Qt %s) on %s", __version__, qVersion(), paths.data)
        log.info("main window shown")
        warm_up(opened[0], window)

    AfterFirstPaint(window, open_home)
    window.show()
    if installed.problem:  # an unknown KPMONITOR_LANG, a catalogue missing: said, and the window still opens
        window.statusBar().showMessage(installed.problem)
    status = app.exec()
    app.removeEventFilter(opener)
    opener.deleteLater()
    running.clear()  # what is still pending (the loop ended before the list painted) does nothing now
    while readers:
        readers.pop().close()
    # However the loop ended (the window closed, the session ending), store what was being typed.
    if window.editor is not None:
        window.editor.shutdown()
    window.save_state()
    from kpmonitor.gui.common.workers import pool

    pool().waitForDone(5000)  # workers hold the vault; let them stop before the store closes
    for ws in opened:
        ws.close()
    log.info("kpmonitor closed")
    return 1 if failure else int(status)
