"""The one atomic file writer: a crash, a full disk or a pulled USB stick never leaves half a file.

Every file kpmonitor writes — photo originals, keys and certificates, settings, the home file,
signed reports and bundles — goes through here: a temporary file beside the target, written and
fsynced, renamed over the target, and the rename itself made durable by fsyncing the folder.
Readers see the old file or the new one, never a mixture; on failure the temporary file is removed
and the old file is untouched.

Photos need the two halves apart (the bytes go to disk while the image is still being checked, and
only a photo that passed is renamed into place): ``stage`` and ``commit``. Everyone else calls
``write_atomic``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# What a caller hands over: the bytes, or a function that writes them to the open file (a zip
# streamed entry by entry, without the whole archive in memory).
Content = bytes | memoryview | Callable[[BinaryIO], object]


def fsync_dir(path: Path) -> None:
    """Make renames and new entries in ``path`` durable. Windows cannot open a folder: skipped there."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (a FAT stick on some kernels) refuse a folder's fsync
        pass
    finally:
        os.close(fd)


def stage(folder: Path, content: Content, *, prefix: str = ".", suffix: str = ".part",
          mode: int = 0o600, durable: bool = True) -> Path:
    """Write ``content`` to a new temporary file in ``folder`` and fsync it; returns its path.

    The file is created 0600 (``mkstemp``), so a key is never readable by others even briefly;
    ``mode`` is applied before it is renamed into place. ``durable=False`` skips the fsync, for
    caches that can be made again (thumbnails): atomic still, only not worth a disk flush.
    """
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if mode != 0o600:
            os.chmod(tmp, mode)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def commit(tmp: Path, path: Path, *, durable: bool = True) -> None:
    """Rename a staged file over ``path`` and make the rename durable; the staged file never stays."""
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def write_atomic(path: Path, content: Content, *, mode: int = 0o600) -> None:
    """Write ``content`` to ``path`` atomically and durably (see the module's docstring).

    :param content: the bytes, or ``write(fh)`` that writes them.
    :param mode: the file's permissions (0600 unless the file is meant to be shared).
    """
    path = Path(path)
    created = not path.parent.is_dir()
    path.parent.mkdir(parents=True, exist_ok=True)
    commit(stage(path.parent, content, prefix=f".{path.name}.", mode=mode), path)
    if created:  # the new folder's own entry must be on disk too
        fsync_dir(path.parent.parent)
