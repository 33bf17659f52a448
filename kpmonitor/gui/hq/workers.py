"""Headquarters' long jobs off the GUI thread: importing bundles, and the root key's work (issue, revoke, publish).

``hq.import_paths`` must run on the thread that owns its workspace (a SQLite
connection belongs to the thread that opened it), so ``ImportWorker`` opens a
workspace of its own on the same home, inside its thread, and closes it
there. The GUI's workspace only reads; WAL lets it read while the import
writes, and the screens reload when the worker has finished. The root key's
work needs no database: only the keys folder, and a passphrase whose key
derivation takes a moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kpmonitor.errors import KPError
from kpmonitor.gui.common.workers import CancellableWorker, TaskWorker, write_file

if TYPE_CHECKING:
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring

log = logging.getLogger(__name__)


class ImportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, file name
    result_arrived = Signal(object)   # hq.ImportResult, one per file, as soon as it is known
    finished = Signal(bool)           # cancelled?
    failed = Signal(str)


class ImportWorker(CancellableWorker):
    """Import bundle files, and the bundles under folders, into the headquarters home at ``paths``.

    Cancelling stops before the next file; bundles already imported stay imported (each is whole or not at all).
    """

    def __init__(self, paths: Paths, files: Sequence[Path]) -> None:
        super().__init__()
        self.signals = ImportSignals()
        self._paths = paths
        self._files = list(files)

    def run(self) -> None:
        from kpmonitor.hq import hq
        from kpmonitor.workspace import Workspace

        def progress(done: int, total: int, text: str) -> bool:
            self.signals.progress.emit(done, total, text)
            return not self._cancel.is_set()

        try:
            with Workspace(self._paths) as ws:
                hq.import_paths(ws, self._files, progress=progress, on_result=self.signals.result_arrived.emit)
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
