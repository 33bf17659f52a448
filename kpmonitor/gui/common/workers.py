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

Signing and export are single core calls that read and write the store
themselves; their workers open a connection of their own, while a modal
dialog keeps the GUI from writing (``SignWorker`` says why that is safe).
Verification and the key files need no database at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from kpmonitor.errors import KPError, PhotoError

if TYPE_CHECKING:  # photos imports Pillow: loaded with the first photo, not at start-up
    from cryptography.x509 import Certificate, CertificateRevocationList

    from kpmonitor.domain.reference import Reference
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)


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
            result = self.work(progress)
        except KPError as exc:
            self.error = exc
            self.signals.failed.emit(exc.message)
            return
        except Exception:
            log.exception("%s failed", type(self).__name__)
            self.signals.failed.emit(self.bug_sentence)
            return
        self.signals.finished.emit(result)


class SignWorker(TaskWorker):
    """Freeze and sign an inspection (``reports.sign_inspection``); finishes with the ``SignedReport``.

    Signing cannot run on the GUI thread (pyHanko runs an asyncio loop of its
    own, and the key derivation and PDF work take a second), and the GUI's
    SQLite connection belongs to the GUI thread. So the worker opens a
    workspace of its own on the same home: WAL lets the two connections be
    open together, the dialog is modal so the GUI writes nothing meanwhile,
    and the core's ``record_report`` compares the audit head with the one the
    snapshot was taken at, so a write that slipped in between would refuse
    the signature rather than let it describe another record. When it
    finishes, the GUI reloads the inspection from its own store.
    """

    bug_sentence = "The inspection could not be signed; nothing was changed. The details are in the log."

    def __init__(self, paths: Paths, reference: Reference, inspection_id: str, passphrase: str) -> None:
        super().__init__()
        self._paths = paths
        self._reference = reference
        self._inspection_id = inspection_id
        self._passphrase = passphrase

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.report.reports import sign_inspection

        passphrase, self._passphrase = self._passphrase, ""
        from kpmonitor.workspace import Workspace

        with Workspace(self._paths, reference=self._reference) as ws:
            return sign_inspection(ws, self._inspection_id, passphrase, progress=progress)


class ExportWorker(TaskWorker):
    """Write a signed report's PDF (and its bundle, where this build has bundles) into a folder.

    On a workspace of its own, for the reason ``SignWorker`` gives: the bundle
    holds the photos, megabytes to copy to a slow USB stick. Finishes with the
    list of paths written.
    """

    bug_sentence = "The report could not be exported; the details are in the log."

    def __init__(self, paths: Paths, reference: Reference, report_id: str, out_dir: Path) -> None:
        super().__init__()
        self._paths = paths
        self._reference = reference
        self._report_id = report_id
        self._out_dir = out_dir

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        from kpmonitor.report.reports import export_pdf

        export_bundle: Callable[[Workspace, str, Path], Path] | None
        try:
            from kpmonitor.bundle.bundle import export_bundle
        except ImportError:  # a build without headquarters' bundles: the PDF alone
            export_bundle = None
        total = 2 if export_bundle is not None else 1
        written: list[Path] = []
        try:
            self._out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KPError(f"The folder {self._out_dir} cannot be written to ({exc.strerror or exc}).") from exc
        from kpmonitor.workspace import Workspace

        with Workspace(self._paths, reference=self._reference) as ws:
            try:
                progress(0, total, "pdf")
                written.append(export_pdf(ws, self._report_id, self._out_dir))
                if export_bundle is not None:
                    progress(1, total, "bundle")
                    written.append(export_bundle(ws, self._report_id, self._out_dir))
            except OSError as exc:  # a full or pulled-out USB stick
                raise KPError(f"Writing to {self._out_dir} failed ({exc.strerror or exc}); check that the "
                              "stick is still there and not full.") from exc
        progress(total, total, "")
        return written


def load_trust(keyring: Keyring, trust: Path | None,
               crl: Path | None) -> tuple[Certificate | None, CertificateRevocationList | None]:
    """Headquarters' root and revocation list for a check: the chosen files, or the home's installed ones.

    As the command line does: a chosen root brings no revocation list unless
    one is chosen too (the home's list belongs to the home's root).
    """
    from kpmonitor.trust import identity

    root = identity.load_cert(trust) if trust is not None else keyring.root()
    if crl is not None:
        if root is None:
            raise KPError("A revocation list can only be checked against headquarters' root certificate; "
                          "choose the root certificate too.")
        return root, identity.load_crl(crl, root)
    return root, (keyring.crl() if trust is None else None)


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
        from kpmonitor.report.reports import verify_file, verify_qr_text

        if self._path is not None:
            if self._crl is not None and self._trust is None and self._keyring.root() is None:
                load_trust(self._keyring, None, self._crl)  # raises the sentence (the core's names a CLI option)
            try:
                return verify_file(self._path, trust=self._trust, crl=self._crl, keyring=self._keyring)
            except OSError as exc:
                raise KPError(f"The file {self._path.name} cannot be read ({exc.strerror or exc}).") from exc
        root, crl = load_trust(self._keyring, self._trust, self._crl)
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
