"""The Qt binding does not leak or steal references at each signal: a busy window emits thousands a minute.

PySide6 6.12.0 on Python 3.11 took a reference from ``True`` at every ``Signal.emit()``; the interpreter aborted
("bool_dealloc") once the count ran out, minutes into a session (pyproject.toml excludes that release).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_emitting_signals_leaves_true_and_false_as_they_were() -> None:
    emitter = _Emitter()
    seen: list[object] = []
    emitter.plain.connect(lambda: seen.append(None))
    emitter.flag.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.plain.emit()
        emitter.flag.emit(False)
    seen.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
