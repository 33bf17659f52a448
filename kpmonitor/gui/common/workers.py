"""Long jobs off the GUI thread.

A worker is a ``QRunnable`` on the application's thread pool that reports
through signals (``progress``, ``finished``, ``failed(str)``) and never
touches a widget: Qt delivers its signals to the GUI thread, where slots
update the screen.

The SQLite connection of the open workspace belongs to the GUI thread, and
the editor's writes go through it (one writer; STYLE.md §7). So the photo
workers do only work that needs no database: reading and verifying photo
files, writing their original bytes to the vault, decoding thumbnails. The
GUI thread records the rows as each photo arrives, which keeps the core's
promise that a photo's bytes are fsynced before the row that points at them
commits.

Signing and export come from the core in phases for the same reason: the
dialogs run the phases that read and write the store on the GUI thread
(through ``core_call``), and the workers run only the slow middle, which
needs no database (``SignWorker`` says why that is safe). Verification and
the key files need no database at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from kpmonitor.errors import KPError, PhotoError

if TYPE_CHECKING:  # photos imports Pillow: loaded with the first photo, not at start-up
    from kpmonitor.bundle.export import ExportPlan
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.report.sign import SigningPlan
    from kpmonitor.trust.keys import Keyring

log = logging.getLogger(__name__)

T = TypeVar("T")


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


class CancellableWorker(QRunnable):
    """A job on the thread pool that can be asked to stop before its next item.

    Kept alive by its owner (not auto-deleted) until ``finished``, so its signals outlive ``run``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next item; what is already done stays done."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class PhotoIngestSignals(QObject):
    progress = Signal(int, int, str)       # done, total, file name
    photo_stored = Signal(object, object)  # path, PhotoInfo: bytes are in the vault, the row is still to add
    photo_refused = Signal(object, str)    # path, sentence
    finished = Signal(bool)                # cancelled?
    failed = Signal(str)


class PhotoIngestWorker(CancellableWorker):
    """Verify and store photo files (folders searched, e.g. an SD card's DCIM) in the vault.

    :param vault: the workspace's ``PhotoVault`` (files only, no database).
    """

    def __init__(self, vault: PhotoVault, files: Iterable[Path]) -> None:
        super().__init__()
        self.signals = PhotoIngestSignals()
        self._vault = vault
        self._files = list(files)

    def run(self) -> None:
        from kpmonitor.evidence.photos import iter_image_files

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


class ThumbnailWorker(CancellableWorker):
    """Decode the cached thumbnails of some photos (made from the original if missing).

    ``QImage`` may be used off the GUI thread, ``QPixmap`` may not: the
    gallery turns each image into a pixmap when it arrives.
    """

    def __init__(self, vault: PhotoVault, hashes: Sequence[str]) -> None:
        super().__init__()
        self.signals = ThumbnailSignals()
        self._vault = vault
        self._hashes = list(hashes)

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


# --- one core call off the GUI thread: signing, export, verification, keys -----------------------


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, text (the core's words; the dialogs show their own)
    finished = Signal(object)         # what the core call returned
    failed = Signal(str)              # the sentence to show


class TaskWorker(QRunnable):
    """Runs one core call (``work``) on the pool and reports its result or its sentence.

    Subclasses implement ``work(progress)``. A ``KPError`` is the core's
    sentence and is kept in ``error`` (a dialog may treat a wrong passphrase
    differently from a refusal); anything else is a bug: the traceback goes to
    the log and the monitor gets ``bug_sentence``.
    """

    bug_sentence = "Something went wrong; the details are in the log (Help → View log)."

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog holds it until ``finished`` so its signals stay alive
        self.signals = TaskSignals()
        self.error: KPError | None = None

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        raise NotImplementedError

    def run(self) -> None:
        def progress(done: int, total: int, text: str) -> None:
            self.signals.progress.emit(done, total, text)

        try:
            result = core_call(lambda: self.work(progress), self.bug_sentence, type(self).__name__)
        except KPError as exc:
            self.error = exc
            self.signals.failed.emit(exc.message)
            return
        self.signals.finished.emit(result)


def core_call(call: Callable[[], T], bug_sentence: str, what: str) -> T:
    """Run a core call as a worker does, on any thread: the core's ``KPError`` passes through as it is.

    Anything else is a bug: its traceback goes to the log and a ``KPError``
    carrying ``bug_sentence`` is raised in its place. The dialogs run the
    phases of signing and export that touch the store through this, on the GUI
    thread, so that they fail in the same words as the worker's phase.
    """
    try:
        return call()
    except KPError:
        raise
    except Exception as exc:
        log.exception("%s failed", what)
        raise KPError(bug_sentence) from exc


class SignWorker(TaskWorker):
    """The slow middle of signing (``report.sign.build_signing``); finishes with the ``SignedBuild``.

    Signing cannot run on the GUI thread (pyHanko runs an asyncio loop of its
    own, and the key derivation and PDF work take a second), and the GUI's
    SQLite connection belongs to the GUI thread. So the dialog prepares on the
    GUI thread (``prepare_signing``: reads only), this worker builds the
    signed PDF without the database, and the dialog records it on the GUI
    thread when ``finished`` arrives (``record_signing``: the PDF, then the
    row, in one go). ``record_report`` compares the audit head with the one
    the snapshot was taken at, so a write that slipped in between refuses the
    signature rather than let it describe another record.
    """

    bug_sentence = "The inspection could not be signed; nothing was changed. The details are in the log."

    def __init__(self, plan: SigningPlan, passphrase: str) -> None:
        super().__init__()
        self._plan = plan
        self._passphrase = passphrase

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.report.sign import build_signing

        passphrase, self._passphrase = self._passphrase, ""
        return build_signing(self._plan, passphrase, progress=progress)


class ExportWorker(TaskWorker):
    """Write a signed report's PDF and bundle into a folder (``bundle.export.write_export``).

    No database: the dialog reads the report's row on the GUI thread
    (``prepare_export``) and records the export there when ``finished``
    arrives (``record_export``). The bundle holds the photos, megabytes to
    copy to a slow USB stick, hence the worker. Finishes with the
    ``ExportedReport``.
    """

    bug_sentence = "The report could not be exported; the details are in the log."

    def __init__(self, plan: ExportPlan) -> None:
        super().__init__()
        self._plan = plan

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.bundle.export import write_export

        return write_export(self._plan, progress=progress)


class VerifyWorker(TaskWorker):
    """Verify a report PDF, a text file holding a QR seal, or QR text itself; finishes with a ``Verification``.

    Needs no database: only the files and the home's keys folder.
    """

    bug_sentence = "The report could not be checked; the details are in the log."

    def __init__(self, keyring: Keyring, *, path: Path | None = None, text: str | None = None,
                 trust: Path | None = None, crl: Path | None = None) -> None:
        super().__init__()
        self._keyring = keyring
        self._path = path
        self._text = text
        self._trust = trust
        self._crl = crl

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.report.verify import verify_qr_text
        from kpmonitor.trust.keys import load_trust
        from kpmonitor.verifying import verify_file

        if self._path is not None:
            try:
                return verify_file(self._path, trust=self._trust, crl=self._crl, keyring=self._keyring)
            except OSError as exc:
                raise KPError(f"The file {self._path.name} cannot be read ({exc.strerror or exc}).") from exc
        root, crl = load_trust(self._trust, self._crl, self._keyring)
        return verify_qr_text(self._text or "", root, crl)


class RequestWorker(TaskWorker):
    """Write a certificate request for headquarters (the key is opened with the passphrase: Argon2, a moment)."""

    bug_sentence = "The certificate request could not be written; the details are in the log."

    def __init__(self, keyring: Keyring, passphrase: str, name: str, device_id: str, out: Path) -> None:
        super().__init__()
        self._keyring = keyring
        self._passphrase = passphrase
        self._name = name
        self._device_id = device_id
        self._out = out

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.trust.keys import pem

        passphrase, self._passphrase = self._passphrase, ""
        csr = self._keyring.request(passphrase, self._name, self._device_id)
        try:
            write_file(self._out, pem(csr))
        except OSError as exc:
            raise KPError(f"The request could not be written to {self._out} ({exc.strerror or exc}).") from exc
        return self._out


class KeyWorker(TaskWorker):
    """Make this field home's signing key and its self-signed certificate (a home made without one)."""

    bug_sentence = "The signing key could not be made; the details are in the log."

    def __init__(self, keyring: Keyring, passphrase: str, name: str, device_id: str) -> None:
        super().__init__()
        self._keyring = keyring
        self._passphrase = passphrase
        self._name = name
        self._device_id = device_id

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        passphrase, self._passphrase = self._passphrase, ""
        return self._keyring.create_field_identity(self._name, self._device_id, passphrase)


def write_file(path: Path, data: bytes) -> None:
    """Write a small file whole or not at all (fsynced temporary file, then renamed)."""
    from kpmonitor.fileio import write_atomic

    write_atomic(path, data)
