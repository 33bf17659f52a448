"""Start-up of the desktop application against a bare PySide6 window, measured in the same run.

    python bench/gui_start.py [--inspections 10000] [--runs 5] [--home DIR]

A home with the given number of demo inspections is built once, before any
timing (or reused with ``--home``). Then three programs are started the same
way, as ``python bench/gui_start.py --child KIND HOME``, in turn:

- ``bare``: a QApplication and an empty QMainWindow;
- ``app``: ``kpmonitor.gui.app.run`` on the home, which opens the main window
  with the first page of the list;
- ``cli``: the ``kpmonitor`` program with no arguments (``kpmonitor.launch.main``,
  the installed entry point), which starts the desktop app without the command line.

Each child prints ``painted`` as soon as its main window has finished its
first paint, and ``listed`` when the list's first page has too (the
application paints its window first and opens the home right after; for the
bare window both are the same moment). The parent times from starting the
process to reading each line, and prints the medians, the best runs and
their ratios to the bare window (target: at most 1.5). All children run
offscreen unless QT_QPA_PLATFORM says otherwise.

The package is byte-compiled first, as an installed copy is, and the
children watch only their window and its table for paints, so that the
measuring itself costs the application nothing the bare window is spared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
PAINTED = "painted"
LISTED = "listed"


# --- the children --------------------------------------------------------------------------------


class FirstPaint:
    """Prints ``painted`` when the main window has finished its first paint, and ``listed`` when the
    list's table has painted rows (at once for a window without a list), then quits.

    It watches only the window and the table, never the whole application: a Python event filter on
    the application receives every event of every object, and handing PySide objects of types it has
    not loaded yet makes it build all of their module's enums (some 40 ms), which no real start pays.
    """

    def __init__(self, *, wait_for_rows: bool) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.wait_for_rows = wait_for_rows
        self.painted = self.listed = False
        watcher = self

        class Filter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watcher.seen(obj)
                return False

        self.filter = Filter()
        self.timer = QTimer

    def watch_window(self, window: object) -> None:
        window.installEventFilter(self.filter)  # type: ignore[attr-defined]

    def watch_list(self, list_widget: object, table: object) -> None:
        """The widget holding the table: its children (the table's rows) paint in the same pass."""
        self.list_widget, self.table = list_widget, table
        list_widget.installEventFilter(self.filter)  # type: ignore[attr-defined]

    def seen(self, obj: object) -> None:
        if not self.painted:
            self.painted = True
            # After the rest of this paint pass: the window is on screen.
            self.timer.singleShot(0, lambda: self.report(PAINTED))
        table = getattr(self, "table", None)
        # (Not the table's viewport: asking PySide for it loads every class of QtWidgets, some 20 ms.)
        if (not self.listed and self.wait_for_rows and table is not None and obj is self.list_widget
                and table.model() is not None and table.model().rowCount() > 0):
            self.listed = True
            self.timer.singleShot(0, lambda: self.report(LISTED))

    def report(self, what: str) -> None:
        from PySide6.QtWidgets import QApplication

        # With the processor time the child has used so far: less shaken than the wall clock by the rest of a busy
        # machine.
        print(what, time.process_time(), flush=True)
        if what == LISTED or not self.wait_for_rows:
            if not self.wait_for_rows:
                print(LISTED, time.process_time(), flush=True)
            QApplication.quit()


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    watcher = FirstPaint(wait_for_rows=False)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1366, 768)
    watcher.watch_window(window)
    window.show()
    return app.exec()


def _watch_the_app() -> None:
    """Watch the application's main window from the moment it is shown, and its list from the moment it is made.

    ``run`` imports the main window's module before building the window anyway; importing it here
    first only moves that time earlier within what is measured.
    """
    from kpmonitor.gui.main_window import MainWindow

    watcher = FirstPaint(wait_for_rows=True)
    show, attach = MainWindow.show, MainWindow.attach_list

    def show_and_watch(window: MainWindow) -> None:
        watcher.watch_window(window)
        show(window)

    def attach_and_watch(window: MainWindow, *args: object, **kwargs: object) -> None:
        # The list is made here, whether before the home is open (from a read-only reader) or with it.
        attach(window, *args, **kwargs)  # type: ignore[arg-type]
        watcher.watch_list(window.list, window.list.table)

    MainWindow.show = show_and_watch  # type: ignore[method-assign]
    MainWindow.attach_list = attach_and_watch  # type: ignore[method-assign]
    MainWindow.first_paint_watcher = watcher  # type: ignore[attr-defined]  # kept alive with the class


def child_app(home: Path) -> int:
    """``kpmonitor.gui.app.run``, as the ``gui`` command calls it."""
    _watch_the_app()
    from kpmonitor.gui.app import run
    from kpmonitor.paths import Paths

    return run(Paths.for_home(home))


def child_cli(home: Path) -> int:
    """The ``kpmonitor`` program itself with no arguments, its home given as a user would (KPMONITOR_HOME)."""
    _watch_the_app()
    os.environ["KPMONITOR_HOME"] = str(home)
    sys.argv = ["kpmonitor"]
    from kpmonitor.launch import main

    try:
        main()
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


# --- the parent ----------------------------------------------------------------------------------


def build_home(home: Path, count: int) -> None:
    from kpmonitor.demo.fill import fill_demo
    from kpmonitor.paths import Paths
    from kpmonitor.workspace import Workspace, init_home, read_home

    paths = Paths.for_home(home)
    if read_home(paths) is None:
        init_home(paths, "field", "Bench monitor")
    with Workspace(paths) as ws:
        have = ws.store.count()
        if have < count:
            started = time.perf_counter()
            fill_demo(ws, count=count - have, photos=False)
            print(f"built a home with {count:,} inspections in {time.perf_counter() - started:.1f} s")
        else:
            print(f"reusing the home in {home} ({have:,} inspections)")
    # Open on the list, at a laptop's size, as a monitor would find it.
    (paths.config / "gui.ini").unlink(missing_ok=True)


def compile_the_package() -> None:
    """Byte-compile kpmonitor as installing it does (pip and the frozen build write the .pyc files).

    Without them every child would compile our modules from source (some 80 ms), which no installed
    copy does; PySide6 and the standard library come byte-compiled already. A machine that sets
    PYTHONDONTWRITEBYTECODE never writes them on its own.
    """
    import compileall

    import kpmonitor

    compileall.compile_dir(Path(kpmonitor.__file__).parent, quiet=1)


class Timing:
    """One start of a child: seconds from starting the process to the window painted and to the list's rows
    painted, and the processor time the child had used at each.

    (A plain class: the children import this module too, and ``typing`` is no import of the bare window's.)
    """

    def __init__(self, painted: float, listed: float, painted_cpu: float, listed_cpu: float) -> None:
        self.painted, self.listed, self.painted_cpu, self.listed_cpu = painted, listed, painted_cpu, listed_cpu


def time_child(kind: str, home: Path) -> Timing:
    """Seconds from starting the process to the window painted, and to the list's rows painted."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE), "--child", kind, str(home)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for line in proc.stdout:
        at = time.perf_counter() - started
        what, _space, used = line.strip().partition(" ")
        seen.setdefault(what, at)
        cpu.setdefault(what, float(used or "nan"))
        if LISTED in seen:
            break
    proc.wait(timeout=30)
    if PAINTED not in seen or LISTED not in seen:
        raise SystemExit(f"the {kind} child did not paint (exit status {proc.returncode})")
    return Timing(seen[PAINTED], seen[LISTED], cpu[PAINTED], cpu[LISTED])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", type=Path, help="a home to build once and reuse across runs of the bench")
    parser.add_argument("--child", choices=("bare", "app", "cli"), help=argparse.SUPPRESS)
    parser.add_argument("child_home", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        return child_bare()
    if args.child == "app":
        return child_app(args.child_home)
    if args.child == "cli":
        return child_cli(args.child_home)

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        build_home(home, args.inspections)
        compile_the_package()
        kinds = ("bare", "app", "cli")
        for kind in kinds:  # warm the disk cache for all
            time_child(kind, home)
        runs: dict[str, list[Timing]] = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            for kind in kinds:  # interleaved, so that a busy moment of the machine hits all alike
                runs[kind].append(time_child(kind, home))
    painted = {kind: [t.painted for t in timings] for kind, timings in runs.items()}
    listed = {kind: [t.listed for t in timings] for kind, timings in runs.items()}

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    def best(values: list[float]) -> float:
        return min(values) * 1000

    def line(label: str, kind: str) -> str:
        return (f"{label:44s} window {ms(painted[kind]):5.0f} ms (best {best(painted[kind]):4.0f})   "
                f"list {ms(listed[kind]):5.0f} ms (best {best(listed[kind]):4.0f})")

    print(line("bare PySide6 window", "bare"))
    print(line(f"kpmonitor.gui.app.run, {args.inspections:,} inspections", "app"))
    print(line(f"`kpmonitor` command, {args.inspections:,} inspections", "cli"))
    for name, stat in (("median", ms), ("best", best)):
        bare = stat(painted["bare"])
        print(f"ratio to the bare window ({name} of {args.runs}; target ≤ 1.5): main window painted: "
              f"run() {stat(painted['app']) / bare:.2f}, `kpmonitor` {stat(painted['cli']) / bare:.2f}; "
              f"list's first page painted: run() {stat(listed['app']) / bare:.2f}, "
              f"`kpmonitor` {stat(listed['cli']) / bare:.2f}")
    # Two more views of the same runs, steadier on a busy machine: each start against the bare window started just
    # before it (the median of those ratios), and the processor time each child had used (medians).
    def paired(kind: str, field: str) -> float:
        return statistics.median(getattr(t, field) / b.painted for t, b in zip(runs[kind], runs["bare"], strict=True))

    print(f"median of each run's ratio to the bare window started just before it: main window painted: "
          f"run() {paired('app', 'painted'):.2f}, `kpmonitor` {paired('cli', 'painted'):.2f}; list's first page "
          f"painted: run() {paired('app', 'listed'):.2f}, `kpmonitor` {paired('cli', 'listed'):.2f}")

    def cpu(kind: str, field: str) -> float:
        return statistics.median(getattr(t, field) for t in runs[kind]) * 1000

    bare_cpu = cpu("bare", "painted_cpu")
    print(f"processor time used (median): bare {bare_cpu:.0f} ms; main window painted: run() "
          f"{cpu('app', 'painted_cpu'):.0f} ms ({cpu('app', 'painted_cpu') / bare_cpu:.2f}), `kpmonitor` "
          f"{cpu('cli', 'painted_cpu'):.0f} ms ({cpu('cli', 'painted_cpu') / bare_cpu:.2f}); list's first page "
          f"painted: run() {cpu('app', 'listed_cpu'):.0f} ms ({cpu('app', 'listed_cpu') / bare_cpu:.2f}), "
          f"`kpmonitor` {cpu('cli', 'listed_cpu'):.0f} ms ({cpu('cli', 'listed_cpu') / bare_cpu:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
