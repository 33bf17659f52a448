"""Headquarters' long jobs off the GUI thread: checking bundles, and the root key's work (issue, revoke, publish).

The window's workspace is the one writer of headquarters' store, on the GUI thread. ``ImportWorker`` does
only what needs no database write: it reads and verifies each bundle (asking a read-only connection
whether it is already known) and writes its PDF and photo originals, or its quarantine copy. Each
checked bundle waits in the worker (``take_prepared``) and ``prepared`` tells the window, which records
it through its own workspace (``hq.importer.Importer.record``): the report, its log line and the
anomalies it changes in one transaction. The root key's work needs no database: only the keys folder,
and a passphrase whose key derivation takes a moment.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Signal

from kpmonitor.errors import KPError
from kpmonitor.gui.common.workers import CancellableWorker, TaskWorker, write_file

if TYPE_CHECKING:
    from kpmonitor.bundle.format import Limits
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.hq.importer import Settled, Verified
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring

log = logging.getLogger(__name__)

# A checked bundle and the error writing its files raised (None: written, or nothing to write).
Prepared: TypeAlias = "tuple[Settled | Verified, BaseException | None]"


class ImportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, file name
    prepared = Signal()               # checked bundles wait in ``ImportWorker.take_prepared``, to be recorded
    finished = Signal(bool)           # cancelled?
    failed = Signal(str)


class ImportWorker(CancellableWorker):
    """Check bundle files, and the bundles under folders, for the headquarters home at ``paths``; write their files.

    Cancelling stops before the next file; what was checked is still handed over, to be recorded (each
    bundle whole or not at all).

    :param vault: the workspace's ``PhotoVault`` (files only, no database).
    :param limits: the recording importer's (``Importer.checker.limits``).
    """

    def __init__(self, paths: Paths, vault: PhotoVault, files: Sequence[Path], limits: Limits) -> None:
        super().__init__()
        self.signals = ImportSignals()
        self._paths = paths
        self._vault = vault
        self._files = list(files)
        self._limits = limits
        self._prepared: queue.SimpleQueue[Prepared] = queue.SimpleQueue()

    def take_prepared(self) -> list[Prepared]:
        """The checked bundles not taken yet, in order (the GUI thread records them)."""
        out: list[Prepared] = []
        while True:
            try:
                out.append(self._prepared.get_nowait())
            except queue.Empty:
                return out

    def run(self) -> None:
        from kpmonitor.hq.importer import BundleChecker, checked, find_bundles
        from kpmonitor.hq.store import HQReader

        def progress(done: int, total: int, text: str) -> bool:
            self.signals.progress.emit(done, total, text)
            return not self._cancel.is_set()

        try:
            with HQReader(self._paths.database) as known:
                checker = BundleChecker(self._paths, self._vault, known, limits=self._limits)
                for step in checked(checker, find_bundles(self._files), progress=progress):
                    self._prepared.put(step)
                    self.signals.prepared.emit()
        except KPError as exc:
            self.signals.failed.emit(exc.message)
            return
        except Exception:  # a bug: the traceback goes to the log, a sentence to the analyst
            log.exception("bundle import failed")
            self.signals.failed.emit("The import stopped because of an unexpected error; bundles imported so far "
                                     "stay imported. The details are in the log.")
            return
        self.signals.finished.emit(self._cancel.is_set())


class IssueWorker(TaskWorker):
    """Issue a monitor certificate from a request and write the file to send back; finishes with its path."""

    bug_sentence = "The certificate could not be issued; the details are in the log."

    def __init__(self, keyring: Keyring, csr: bytes, passphrase: str, out: Path) -> None:
        super().__init__()
        self._keyring = keyring
        self._csr = csr
        self._passphrase = passphrase
        self._out = out

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        passphrase, self._passphrase = self._passphrase, ""
        data = self._keyring.issue(self._csr, passphrase)
        try:
            write_file(self._out, data)
        except OSError as exc:
            raise KPError(f"The certificate was issued, but it could not be written to {self._out} "
                          f"({exc.strerror or exc}); issue it again to another place.") from exc
        return self._out


class RevokeWorker(TaskWorker):
    """Revoke an issued certificate and re-sign the revocation list; finishes with the serial."""

    bug_sentence = "The certificate could not be revoked; the details are in the log."

    def __init__(self, keyring: Keyring, serial: str, passphrase: str) -> None:
        super().__init__()
        self._keyring = keyring
        self._serial = serial
        self._passphrase = passphrase

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        passphrase, self._passphrase = self._passphrase, ""
        self._keyring.revoke(self._serial, passphrase)
        return self._serial


class PublishWorker(TaskWorker):
    """Write the root certificate and a freshly signed revocation list into a folder; finishes with the paths."""

    bug_sentence = "The trust list could not be published; the details are in the log."

    def __init__(self, keyring: Keyring, out_dir: Path, passphrase: str) -> None:
        super().__init__()
        self._keyring = keyring
        self._out_dir = out_dir
        self._passphrase = passphrase

    def work(self, progress: Callable[[int, int, str], None]) -> object:
        passphrase, self._passphrase = self._passphrase, ""
        try:
            return self._keyring.publish(self._out_dir, passphrase)
        except OSError as exc:
            raise KPError(f"The folder {self._out_dir} cannot be written to ({exc.strerror or exc}).") from exc
