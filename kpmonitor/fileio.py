"""The one atomic file writer: a crash, a full disk or a pulled USB stick never leaves half a file.

Every file kpmonitor writes — photo originals, keys and certificates, settings, the home file,
signed reports and bundles — goes through here: a temporary file beside the target, written and
fsynced, renamed over the target, and the rename itself made durable by fsyncing the folder.
Readers see the old file or the new one, never a mixture; on failure the temporary file is removed
and the old file is untouched.

Photos need the two halves apart (the bytes go to disk while the image is still being checked, and
only a photo that passed is renamed into place): ``stage`` and ``commit``. Everyone else calls
``write_atomic``. A folder made to hold such files is made with ``ensure_dir``, so that the folder
itself is on disk too.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# What a caller hands over: the bytes, or a function that writes them to the open file (a zip
# streamed entry by entry, without the whole archive in memory).
Content = bytes | memoryview | Callable[[BinaryIO], object]

# Who may read a file. The home's own files (keys, settings, the database's neighbours, evidence) are
# PRIVATE; a file written for other people — a signed report and its bundle, a certificate, a
# certificate request, headquarters' published root and revocation list, statistics — is SHARED.
PRIVATE = 0o600
SHARED = 0o644

# Held while folders are made: a thread that finds a folder another thread has just made waits until
# that folder's entry is on disk, rather than writing into it as if it were.
_making_dirs = threading.Lock()


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


def ensure_dir(path: Path) -> Path:
    """Make the folder ``path`` and every missing level above it, each durably; returns ``path``.

    A new folder is an entry in its parent, and that entry reaches the disk only when the parent is
    fsynced: without it a pulled stick can lose the folder with the fsynced files inside. So the parent
    of every level made here is fsynced, top down.

    :raises OSError: when a level cannot be made (a file stands in its place, no permission, full disk).
    """
    path = Path(path)
    with _making_dirs:
        missing: list[Path] = []
        level = path
        while not level.is_dir() and level.parent != level:
            missing.append(level)
            level = level.parent
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                if not folder.is_dir():
                    raise
            fsync_dir(folder.parent)  # made here or by another process just now: durable either way
    return path


def stage(folder: Path, content: Content, *, prefix: str = ".", suffix: str = ".part",
          mode: int = PRIVATE, durable: bool = True) -> Path:
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
        if mode != PRIVATE:  # mkstemp made it PRIVATE
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


def write_atomic(path: Path, content: Content, *, mode: int = PRIVATE) -> None:
    """Write ``content`` to ``path`` atomically and durably (see the module's docstring).

    Missing folders above ``path`` are made durably (``ensure_dir``).

    :param content: the bytes, or ``write(fh)`` that writes them.
    :param mode: the file's permissions: ``PRIVATE`` unless the file is for other people (``SHARED``).
    """
    path = Path(path)
    ensure_dir(path.parent)
    commit(stage(path.parent, content, prefix=f".{path.name}.", mode=mode), path)
