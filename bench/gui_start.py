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


def _watch_first_paint(*, wait_for_rows: bool) -> None:
    """Print ``painted`` when the main window has finished its first paint, and ``listed`` when a
    table with rows has (at once for a window without a list), then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QWidget

    app = QApplication.instance()
    assert app is not None

    class FirstPaint(QObject):
        painted = listed = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
                return False
            if not self.painted and isinstance(obj.window(), QMainWindow):
                self.painted = True
                # After the rest of this paint pass: the window is on screen.
                QTimer.singleShot(0, lambda: self.report(PAINTED))
            view = obj.parent()
            if (not self.listed and wait_for_rows and isinstance(view, QAbstractItemView)
                    and view.model() is not None and view.model().rowCount() > 0):
                self.listed = True
                QTimer.singleShot(0, lambda: self.report(LISTED))
            return False

        def report(self, what: str) -> None:
            print(what, flush=True)
            if what == LISTED or not wait_for_rows:
                if not wait_for_rows:
                    print(LISTED, flush=True)
                app.quit()

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
    app.setProperty("first_paint_watcher", watcher)  # kept alive with the application


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    _watch_first_paint(wait_for_rows=False)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1366, 768)
    window.show()
    return app.exec()


def _watch_the_app() -> None:
    """Let the application create its QApplication as it always does, and watch it from then on."""
    import kpmonitor.gui.app as gui_app

    make = gui_app.make_application

    def make_and_watch(argv: list[str] | None = None) -> object:
        app = make(argv)
        _watch_first_paint(wait_for_rows=True)
        return app

    gui_app.make_application = make_and_watch  # type: ignore[assignment]


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
    from kpmonitor.demo import fill_demo
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


def time_child(kind: str, home: Path) -> tuple[float, float]:
    """Seconds from starting the process to the window painted, and to the list's rows painted."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE), "--child", kind, str(home)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    for line in proc.stdout:
        seen.setdefault(line.strip(), time.perf_counter() - started)
        if LISTED in seen:
            break
    proc.wait(timeout=30)
    if PAINTED not in seen or LISTED not in seen:
        raise SystemExit(f"the {kind} child did not paint (exit status {proc.returncode})")
    return seen[PAINTED], seen[LISTED]


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
        kinds = ("bare", "app", "cli")
        for kind in kinds:  # warm the disk cache for all
            time_child(kind, home)
        painted: dict[str, list[float]] = {kind: [] for kind in kinds}
        listed: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            for kind in kinds:  # interleaved, so that a busy moment of the machine hits all alike
                window, rows = time_child(kind, home)
                painted[kind].append(window)
                listed[kind].append(rows)

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
