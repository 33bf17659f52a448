"""What one keystroke costs now that every keystroke is journaled, against a bare SQLite upsert of the same row.

Ours: a key typed into a finding's text box of the open editor (its press and release sent to the box as
the keyboard's are, offscreen; not ``QTest.keyClick``, whose Python binding leaks a reference to None per
call and brings the interpreter down after a few thousand): Qt's own
handling of the key, then ``InspectionSession.journal`` → ``Store.journal``, one upsert of the field's row
committed on the GUI thread's connection (WAL, ``synchronous=FULL``, as every write). Also timed alone:
the session's journal call for the same texts. Floor, in the same run and folder: the same upsert of the
same row with ``sqlite3`` alone, on a connection with the same pragmas, one transaction per keystroke.
For scale, a key typed into a bare ``QPlainTextEdit`` (Qt alone, nothing journaled). Prints the medians
and 95th percentiles in µs and the ratios to the floor. The field's own save (after a pause in typing)
is not part of a keystroke and is not timed.

``python bench/keystroke.py [--keys 400] [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = "Seal intact on parcel 2, witnessed by the exporter's representative; bag weight as declared. "


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(keys: int, one: Callable[[int], None]) -> list[float]:
    out = []
    for i in range(keys):
        started = time.perf_counter()
        one(i)
        out.append(time.perf_counter() - started)
    return out


def floor_connection(folder: Path) -> sqlite3.Connection:
    """A bare connection with the store's pragmas and the journal's table, in the same folder."""
    conn = sqlite3.connect(str(folder / "floor.sqlite"))
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE IF NOT EXISTS draft_journal (inspection_id TEXT NOT NULL, field TEXT NOT NULL, "
                 "text TEXT NOT NULL, typed_at TEXT NOT NULL, PRIMARY KEY (inspection_id, field)) WITHOUT ROWID")
    conn.commit()
    return conn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", type=int, default=400, help="keystrokes per run")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    # A bench of the desktop app's typing, so Qt (the rule keeping it out of the core is for kpmonitor's packages).
    from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: TID251
    from PySide6.QtGui import QKeyEvent  # noqa: TID251
    from PySide6.QtWidgets import QPlainTextEdit, QWidget  # noqa: TID251

    def type_key(widget: QWidget, char: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char))

    from kpmonitor.domain.inspection import Finding, Inspection
    from kpmonitor.gui.app import make_application
    from kpmonitor.gui.main_window import MainWindow
    from kpmonitor.paths import Paths
    from kpmonitor.store.db import now
    from kpmonitor.workspace import Workspace, init_home

    _app = make_application()  # held: the widgets need it alive
    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths.for_home(Path(tmp) / "home")
        init_home(paths, "field", "Bench monitor")
        with Workspace(paths) as ws:
            inspection_id = ws.store.create_inspection(Inspection(findings=[Finding()]))
            window = MainWindow(ws)
            window.show()
            window.open_inspection(inspection_id)
            editor = window.editor
            assert editor is not None
            editor.show_section("findings")
            box = editor.findings.text
            box.setFocus()
            session = editor.session
            key = f"findings/{session.inspection.findings[0].id}/text"
            bare = QPlainTextEdit()
            bare.show()
            conn = floor_connection(Path(tmp))
            texts = [(TEXT * (1 + args.keys // len(TEXT)))[:i + 1] for i in range(args.keys)]
            upsert = ("INSERT INTO draft_journal (inspection_id, field, text, typed_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT(inspection_id, field) DO UPDATE SET text = excluded.text, "
                      "typed_at = excluded.typed_at")

            def floor_one(i: int) -> None:
                with conn:
                    conn.execute(upsert, [inspection_id, key, texts[i], now()])

            ours: list[float] = []
            journal: list[float] = []
            floor: list[float] = []
            qt: list[float] = []
            for _ in range(args.runs):
                box.clear()  # loads nothing: the box journals only what is typed
                bare.clear()
                # Interleaved, key by key, so that the disk's moods fall on all four alike.
                for i in range(args.keys):
                    ours += timed(1, lambda _i, i=i: type_key(box, TEXT[i % len(TEXT)]))
                    # The same texts through the session alone (each differs from the last: each is written).
                    journal += timed(1, lambda _i, i=i: session.journal(key, texts[i] + "."))
                    floor += timed(1, lambda _i, i=i: floor_one(i))
                    qt += timed(1, lambda _i, i=i: type_key(bare, TEXT[i % len(TEXT)]))
            assert ws.store.journaled(inspection_id), "the keystrokes were not journaled"
            conn.close()
            window.close()
            # The widgets go before the application and the workspace do, not in the interpreter's last sweep.
            for widget in (window, bare):
                widget.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def line(name: str, values: list[float]) -> str:
        return (f"{name:<58} median {statistics.median(values) * 1e6:7.0f} µs   "
                f"p95 {percentile(values, 0.95) * 1e6:7.0f} µs")

    print(f"{args.keys:,} keystrokes × {args.runs} runs, WAL, synchronous=FULL, {sys.platform}")
    print(line("ours: a key typed into a finding's box (journaled)", ours))
    print(line("ours: InspectionSession.journal alone", journal))
    print(line("floor: bare sqlite3 upsert of the same row, committed", floor))
    print(line("for scale: a key typed into a bare QPlainTextEdit", qt))
    base = statistics.median(floor)
    print(f"ratio to the floor: keystroke {statistics.median(ours) / base:.2f}, "
          f"journal call {statistics.median(journal) / base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
