"""Headquarters' long jobs off the GUI thread: checking bundles, and the root key's work (issue, revoke, publish).

The threading model is in ``gui.common.workers``. The window's workspace is the one writer of headquarters'
store, on the GUI thread. ``ImportWorker`` does only what needs no database write: it reads and verifies
each bundle (asking a read-only connection whether it is already known) and writes its PDF and photo
originals, or its quarantine copy. Each checked bundle waits in the worker (``take_prepared``) and
``prepared`` tells the window, which records it through its own workspace (``hq.importer.Importer.record``):
the report, its log line and the anomalies it changes in one transaction. The root key's work needs no
database: only the keys folder, and a passphrase whose key derivation takes a moment; the functions below
are what the window's tasks run.
"""

from __future__ import annotations

import queue
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import Signal

from kpmonitor.errors import KPError
from kpmonitor.gui.common.workers import Progress, Task, TaskSignals

if TYPE_CHECKING:
    from kpmonitor.bundle.format import Limits
    from kpmonitor.evidence.photos import PhotoVault
    from kpmonitor.hq.importer import Settled, Verified
    from kpmonitor.hq.pgstore import PGBlobs
    from kpmonitor.paths import Paths
    from kpmonitor.trust.keys import Keyring

# A checked bundle and the error writing its files raised (None: written, or nothing to write).
Prepared: TypeAlias = "tuple[Settled | Verified, BaseException | None]"


class ImportSignals(TaskSignals):
    prepared = Signal()  # checked bundles wait in ``ImportWorker.take_prepared``, to be recorded


class ImportWorker(Task[bool]):
    """Check bundle files, and the bundles under folders, for the headquarters home at ``paths``; write their files.

    ``progress`` carries the file name; ``finished`` whether it was cancelled. Cancelling stops before the
    next file; what was checked is still handed over, to be recorded (each bundle whole or not at all).

    :param vault: the workspace's ``PhotoVault`` (files only, no database).
    :param limits: the recording importer's (``Importer.checker.limits``).
    """

    signals: ImportSignals

    def __init__(self, paths: Paths, vault: PhotoVault, files: Sequence[Path], limits: Limits, *,
                 source: Path | str | None = None, blobs: PGBlobs | None = None) -> None:
        super().__init__(self._check, "The import stopped; bundles imported so far stay imported.", ImportSignals())
        self._paths = paths
        self._vault = vault
        # Headquarters' database (``hq.store.database_source``: the SQLite file, or PostgreSQL's URL) and, on
        # PostgreSQL, the shared blobs the bundles' files also go into (``hq.blobs``).
        self._source: Path | str = paths.database if source is None else source
        self._blobs = blobs
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

    def _check(self, progress: Progress) -> bool:
        from kpmonitor.hq.importer import BundleChecker, checked, find_bundles
        from kpmonitor.hq.store import reader_for

        def go_on(done: int, total: int, text: str) -> bool:
            progress(done, total, text)
            return not self.cancelled

        with reader_for(self._source) as known:
            checker = BundleChecker(self._paths, self._vault, known, limits=self._limits, blobs=self._blobs)
            for step in checked(checker, find_bundles(self._files), progress=go_on):
                self._prepared.put(step)
                self.signals.prepared.emit()
        return self.cancelled


# --- the root key's work: what the window's tasks run ------------------------------------------------


def issue_to_file(keyring: Keyring, csr: bytes, passphrase: str, out: Path) -> Path:
    """Issue a monitor certificate from a request and write the file to send back; returns its path."""
    keyring.issue_to(out, csr, passphrase)
    return out


def revoke(keyring: Keyring, serial: str, passphrase: str) -> str:
    """Revoke an issued certificate and re-sign the revocation list; returns the serial."""
    keyring.revoke(serial, passphrase)
    return serial


def publish(keyring: Keyring, out_dir: Path, passphrase: str) -> list[Path]:
    """Write the root certificate and a freshly signed revocation list into a folder; returns the paths."""
    try:
        return keyring.publish(out_dir, passphrase)
    except OSError as exc:
        raise KPError(f"The folder {out_dir} cannot be written to ({exc.strerror or exc}).") from exc
