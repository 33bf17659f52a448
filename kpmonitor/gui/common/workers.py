"""Long jobs off the GUI thread: the one runner (``Task``), and how the GUI's threads share the work.

**The GUI thread** runs every widget, and the open ``Workspace``: its SQLite
connection belongs to this thread, and every read and write of the home goes
through it (one writer, docs/architecture.md). It also runs the phases of a
job that touch the store, through ``core_call``.

**The pool** (Qt's global ``QThreadPool``, ``pool()``) runs a ``Task``: one
callable, ``work(progress)``, that does the slow part of a job without the
database. A task never touches a widget, a ``Workspace`` or a store; it gets
what it needs as arguments (a plan the GUI thread prepared, a keyring, a
vault that writes files, paths) and hands back a value. So a job that reads
or writes the store comes in three phases:

- *prepare* on the GUI thread: reads only (``report.sign.prepare_signing``,
  ``bundle.export.prepare_export``);
- *the slow middle* in a task: unlock the key, render and sign the PDF
  (``build_signing``); write the PDF and the bundle to a stick
  (``write_export``); verify and write photo originals to the vault (files,
  not rows); decode thumbnails; check bundles for headquarters (asking a
  read-only ``HQReader`` whether one is known);
- *record* on the GUI thread, when the task's ``finished`` arrives
  (``record_signing``, ``record_export``, ``Importer.record``, the gallery's
  ``attach_photo``). Recording a signature compares the audit head with the
  one its plan was read at, so a write that slipped in between refuses the
  signature rather than let it describe another record.

Verification, certificate requests and the root key's work (issue, revoke,
publish) need no database at all: only files and the keys folder.

**Results come back only as Qt signals** of ``task.signals``, a ``QObject``
made on the GUI thread: ``progress(done, total, text)``, ``finished(result)``
or ``failed(sentence)`` (exactly one of the last two), and a worker's own
per-item signals (``PhotoIngestWorker``, ``ThumbnailWorker``,
``hq.workers.ImportWorker``). Qt queues them to the GUI thread, where the
slots update the screen and record what arrived. Nothing else is shared,
but what a thread-safe queue hands over (``ImportWorker.take_prepared``).

**Errors** have one mapping for the whole GUI, ``core_call``, used by every
task and by the GUI-thread phases: a ``KPError`` is the core's sentence, as
it is (and stays in ``task.error``); anything else is a bug, logged with its
traceback, and becomes the caller's ``failure`` sentence (what did not
happen) followed by where the details are.

**Lifetime and cancel.** ``start(task)`` (or ``run_task``, which builds and
connects one) puts it on the pool and keeps a reference until ``finished``
or ``failed`` has arrived, and for a few tasks more: a runnable that has
emitted its last signal may still be returning from ``run()`` on its pool
thread. An owner keeps the task in hand (``self.worker``) only to know it is
busy. ``task.cancel()`` asks a worker that goes item by item to stop before
the next; what is done stays done. On quit the app waits for the pool
before the workspace closes.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from kpmonitor.errors import KPError, PhotoError

if TYPE_CHECKING:  # photos imports Pillow: loaded with the first photo, not at start-up
    from kpmonitor.evidence.photos import PhotoVault

log = logging.getLogger(__name__)

T = TypeVar("T")
TaskT = TypeVar("TaskT", bound="Task[Any]")
Progress: TypeAlias = Callable[[int, int, str], None]  # done, total, text (the core's words)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def core_call(call: Callable[[], T], failure: str) -> T:
    """Run a core call on any thread; what it raises becomes what the monitor reads (the GUI's one mapping).

    :param failure: what did not happen, as a sentence ("The report could not be exported."): said, with
        where the details are, when the call fails by a bug.
    :raises KPError: the core's own, as it is; for anything else (logged with its traceback) one that
        carries ``failure``.
    """
    try:
        return call()
    except KPError:
        raise
    except Exception as exc:
        log.exception("unexpected error: %s", failure)
        hint = QCoreApplication.translate("workers", "The details are in the log (Help → View log).")
        raise KPError(f"{failure} {hint}") from exc


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, text (the core's words; the dialogs show their own)
    finished = Signal(object)         # what ``work`` returned
    failed = Signal(str)              # the sentence to show


class Task(QRunnable, Generic[T]):
    """Runs ``work(progress)`` on the pool and reports its result, or its sentence, through ``signals``.

    ``work`` is dropped once it has run (with whatever its closure holds, a
    passphrase among them). A failure's ``KPError`` stays in ``error``: a
    dialog may treat a wrong passphrase differently from a refusal.

    :param failure: see ``core_call``.
    :param signals: a ``TaskSignals`` with a worker's own signals added (made on the GUI thread).
    """

    def __init__(self, work: Callable[[Progress], T], failure: str, signals: TaskSignals | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # ``start`` keeps it, so that its signals outlive ``run``
        self.signals = signals if signals is not None else TaskSignals()
        self.failure = failure
        self.error: KPError | None = None
        self._work: Callable[[Progress], T] | None = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next item (for a worker that goes item by item); what is done stays done."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        work, self._work = self._work, None
        if work is None:  # run twice: the first run said everything
            return
        try:
            result = core_call(functools.partial(work, self.signals.progress.emit), self.failure)
        except KPError as exc:
            self.error = exc
            self.signals.failed.emit(exc.message)
            return
        self.signals.finished.emit(result)


class _Keeper(QObject):
    """Holds each started task until its last signal has arrived, and the last few finished ones after."""

    def __init__(self) -> None:
        super().__init__()
        self._running: dict[int, Task[Any]] = {}  # by id(task.signals)
        self._finished: deque[Task[Any]] = deque(maxlen=16)

    def keep(self, task: Task[Any]) -> None:
        self._running[id(task.signals)] = task
        task.signals.finished.connect(self._release)
        task.signals.failed.connect(self._release)

    @Slot()
    def _release(self) -> None:
        task = self._running.pop(id(self.sender()), None)
        if task is not None:  # its pool thread may still be returning from run(): not dropped yet
            self._finished.append(task)


@functools.cache
def _keeper() -> _Keeper:
    return _Keeper()  # made by the first ``start``, on the GUI thread, where its slot runs


def start(task: TaskT) -> TaskT:
    """Start a task on the global pool and keep it until it has finished (on the GUI thread)."""
    _keeper().keep(task)
    pool().start(task)
    return task


def run_task(work: Callable[[Progress], T], failure: str, *, finished: Callable[[T], object],
             failed: Callable[[str], object], progress: Progress | None = None) -> Task[T]:
    """Run ``work(progress)`` on the pool; ``finished(result)`` or ``failed(sentence)`` follows on the GUI thread.

    Build ``work`` from the core function and its arguments (a lambda or
    ``functools.partial``), taking them from the widgets now: the task must
    not read a widget or the workspace while it runs.
    """
    task = Task(work, failure)
    if progress is not None:
        task.signals.progress.connect(progress)
    task.signals.finished.connect(finished)
    task.signals.failed.connect(failed)
    return start(task)


# --- photos: item by item, cancellable --------------------------------------------------------------


class PhotoIngestSignals(TaskSignals):
    photo_stored = Signal(object, object)  # path, PhotoInfo: bytes are in the vault, the row is still to add
    photo_refused = Signal(object, str)    # path, sentence


class PhotoIngestWorker(Task[bool]):
    """Verify and store photo files (folders searched, e.g. an SD card's DCIM) in the vault.

    ``progress`` carries the file name; ``finished`` whether it was cancelled.

    :param vault: the workspace's ``PhotoVault`` (files only, no database).
    """

    signals: PhotoIngestSignals

    def __init__(self, vault: PhotoVault, files: Iterable[Path]) -> None:
        super().__init__(self._ingest, "The photos could not be imported; those already added stay.",
                         PhotoIngestSignals())
        self._vault = vault
        self._files = list(files)

    def _ingest(self, progress: Progress) -> bool:
        from kpmonitor.evidence.photos import iter_image_files

        paths = iter_image_files(self._files)
        total = len(paths)
        for done, path in enumerate(paths):
            if self.cancelled:
                return True
            progress(done, total, path.name)
            try:
                info = self._vault.ingest(path)
            except PhotoError as exc:
                self.signals.photo_refused.emit(path, exc.message)
                continue
            self.signals.photo_stored.emit(path, info)
        progress(total, total, "")
        return self.cancelled


class ThumbnailSignals(TaskSignals):
    thumbnail_loaded = Signal(str, QImage)  # sha256, image
    thumbnail_failed = Signal(str, str)     # sha256, sentence


class ThumbnailWorker(Task[None]):
    """Decode the cached thumbnails of some photos (made from the original if missing).

    ``QImage`` may be used off the GUI thread, ``QPixmap`` may not: the
    gallery turns each image into a pixmap when it arrives.
    """

    signals: ThumbnailSignals

    def __init__(self, vault: PhotoVault, hashes: Sequence[str]) -> None:
        super().__init__(self._decode_all, "The photos' previews could not be made.", ThumbnailSignals())
        self._vault = vault
        self._hashes = list(hashes)

    def _decode_all(self, _progress: Progress) -> None:
        for sha in self._hashes:
            if self.cancelled:
                return
            try:
                image = core_call(functools.partial(self._decode, sha), "The preview could not be made.")
            except KPError as exc:
                self.signals.thumbnail_failed.emit(sha, exc.message)
                continue
            self.signals.thumbnail_loaded.emit(sha, image)

    def _decode(self, sha: str) -> QImage:
        image = QImage(str(self._vault.thumbnail(sha)))
        if image.isNull():
            raise PhotoError(f"The preview of photo {sha[:12]} cannot be shown.")
        return image
