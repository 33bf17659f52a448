"""Long jobs off the GUI thread.

A worker is a ``QRunnable`` on the application's thread pool that reports
through signals (``progress``, ``finished``, ``failed(str)``) and never
touches a widget: Qt delivers its signals to the GUI thread, where slots
update the screen.

The SQLite connection of the open workspace belongs to the GUI thread, and
all writes go through it (one writer; STYLE.md §7). So workers do only work
that needs no database: reading and verifying photo files, writing their
original bytes to the vault, decoding thumbnails. The GUI thread records the
rows as each photo arrives, which keeps the core's promise that a photo's
bytes are fsynced before the row that points at them commits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from kpmonitor.errors import KPError, PhotoError

if TYPE_CHECKING:  # photos imports Pillow: loaded with the first photo, not at start-up
    from kpmonitor.photos import PhotoVault

log = logging.getLogger(__name__)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


class PhotoIngestSignals(QObject):
    progress = Signal(int, int, str)       # done, total, file name
    photo_stored = Signal(object, object)  # path, PhotoInfo: bytes are in the vault, the row is still to add
    photo_refused = Signal(object, str)    # path, sentence
    finished = Signal(bool)                # cancelled?
    failed = Signal(str)


class PhotoIngestWorker(QRunnable):
    """Verify and store photo files (folders searched, e.g. an SD card's DCIM) in the vault.

    :param vault: the workspace's ``PhotoVault`` (files only, no database).
    """

    def __init__(self, vault: PhotoVault, files: Iterable[Path]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the widget holds it until ``finished`` so its signals stay alive
        self.signals = PhotoIngestSignals()
        self._vault = vault
        self._files = list(files)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next file; photos already stored stay stored."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from kpmonitor.photos import iter_image_files

        vault = self._vault
        try:
            paths = iter_image_files(self._files)
            total = len(paths)
            for done, path in enumerate(paths):
                if self._cancel.is_set():
                    break
                self.signals.progress.emit(done, total, path.name)
                try:
                    info = vault.ingest(path)
                except PhotoError as exc:
                    self.signals.photo_refused.emit(path, exc.message)
                    continue
                self.signals.photo_stored.emit(path, info)
            else:
                self.signals.progress.emit(total, total, "")
        except KPError as exc:
            self.signals.failed.emit(exc.message)
            return
        except Exception as exc:  # a bug: the traceback goes to the log, a sentence to the monitor
            log.exception("photo import failed")
            self.signals.failed.emit(f"The photos could not be imported ({exc}); the details are in the log.")
            return
        self.signals.finished.emit(self._cancel.is_set())


class ThumbnailSignals(QObject):
    thumbnail_loaded = Signal(str, QImage)  # sha256, image
    thumbnail_failed = Signal(str, str)     # sha256, sentence
    finished = Signal()


class ThumbnailWorker(QRunnable):
    """Decode the cached thumbnails of some photos (made from the original if missing).

    ``QImage`` may be used off the GUI thread, ``QPixmap`` may not: the
    gallery turns each image into a pixmap when it arrives.
    """

    def __init__(self, vault: PhotoVault, hashes: Sequence[str]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = ThumbnailSignals()
        self._vault = vault
        self._hashes = list(hashes)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        vault = self._vault
        for sha in self._hashes:
            if self._cancel.is_set():
                break
            try:
                path = vault.thumbnail(sha)
                image = QImage(str(path))
                if image.isNull():
                    raise PhotoError(f"The preview of photo {sha[:12]} cannot be shown.")
            except KPError as exc:
                self.signals.thumbnail_failed.emit(sha, exc.message)
                continue
            except Exception as exc:
                log.exception("thumbnail of %s failed", sha)
                self.signals.thumbnail_failed.emit(sha, str(exc))
                continue
            self.signals.thumbnail_loaded.emit(sha, image)
        self.signals.finished.emit()
