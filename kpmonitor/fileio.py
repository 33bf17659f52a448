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

Reading is the other way round: a file from a USB stick or the command line is hostile until it is read.
``read_regular`` is the one reader of such files (bundles, reports to verify, photos, JSON documents,
certificates, requests and revocation lists): a regular file only, never through a link, never a pipe
or a device, and never more than a stated number of bytes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kpmonitor.errors import FileRefused

# What a caller hands over: the bytes, or a function that writes them to the open file (a zip
# streamed entry by entry, without the whole archive in memory).
Content = bytes | memoryview | Callable[[BinaryIO], object]

# Who may read a file. The home's own files (keys, settings, the database's neighbours, evidence) are
# PRIVATE; a file written for other people — a signed report and its bundle, a certificate, a
# certificate request, headquarters' published root and revocation list, statistics — is SHARED.
PRIVATE = 0o600
SHARED = 0o644
# Folders likewise: the home's are PRIVATE_DIR (every level, so nothing inside is reachable by others); a
# folder made for files for other people (an export's on a stick, a published root's) is SHARED_DIR.
PRIVATE_DIR = 0o700
SHARED_DIR = 0o755

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


def ensure_dir(path: Path, mode: int = PRIVATE_DIR) -> Path:
    """Make the folder ``path`` and every missing level above it, each durably; returns ``path``.

    A new folder is an entry in its parent, and that entry reaches the disk only when the parent is
    fsynced: without it a pulled stick can lose the folder with the fsynced files inside. So the parent
    of every level made here is fsynced, top down.

    :param mode: the permissions of each level made (less what the umask takes): ``PRIVATE_DIR``
        unless the folder is for other people (``SHARED_DIR``). A folder that exists is left as it is.
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
                folder.mkdir(mode)
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

    Missing folders above ``path`` are made durably (``ensure_dir``), readable by whom the file is.

    :param content: the bytes, or ``write(fh)`` that writes them.
    :param mode: the file's permissions: ``PRIVATE`` unless the file is for other people (``SHARED``).
    """
    path = Path(path)
    ensure_dir(path.parent, mode | (mode & 0o444) >> 2)  # a folder may be entered by whoever may read the file
    commit(stage(path.parent, content, prefix=f".{path.name}.", mode=mode), path)


def create_private(path: Path) -> None:
    """Make ``path`` an empty ``PRIVATE`` file if it is missing, for a writer that would make it 0644 itself
    (SQLite, Qt's settings) and that keeps the mode of a file that exists. A missing folder is left for that
    writer to refuse; a link is never followed (``O_EXCL``)."""
    with contextlib.suppress(FileNotFoundError, FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), PRIVATE))


def make_private(path: Path, *, tree: bool = False) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Take the group's and others' permissions off ``path`` (0755 → 0700, 0644 → 0600, 0444 → 0400) and,
    with ``tree``, off the folders and files under it: a home an older kpmonitor made readable by all.

    Of the folders under ``path``, only those that were open to others are looked into: what a private
    folder holds no other user can reach, and a home's tens of thousands of photos are not listed on every
    open. A link is neither followed nor changed (it may point anywhere); what is missing is skipped.
    Windows keeps no such permissions: nothing is done there.

    :returns: what was changed, and what could not be, with why (not its owner's, a file system that keeps
        no permissions, such as a FAT stick).
    """
    changed: list[Path] = []
    failed: list[tuple[Path, str]] = []
    if os.name == "nt":
        return changed, failed
    root = Path(path)
    pending = [root]
    while pending:
        item = pending.pop()
        try:
            info = os.lstat(item)
        except OSError:  # missing, or gone meanwhile
            continue
        if stat.S_ISLNK(info.st_mode) or not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
            continue
        loose = bool(stat.S_IMODE(info.st_mode) & 0o077)
        if loose:
            try:
                os.chmod(item, stat.S_IMODE(info.st_mode) & ~0o077)
                if stat.S_IMODE(os.lstat(item).st_mode) & 0o077:
                    raise OSError("the file system keeps no permissions")
                changed.append(item)
            except OSError as exc:
                failed.append((item, exc.strerror or str(exc)))
        if tree and stat.S_ISDIR(info.st_mode) and (loose or item == root):
            try:
                pending.extend(Path(entry.path) for entry in os.scandir(item))
            except OSError as exc:
                failed.append((item, exc.strerror or str(exc)))
    return changed, failed


# --------------------------------------------------------------------------------------------- reading

# How a file from outside is opened: never through a link (a link on a stick to /etc/shadow or the root
# key), never waiting on a pipe (a FIFO blocks the open until someone writes), never taking a terminal.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_LINK_ERRNOS = {errno.ELOOP, errno.EMLINK}  # what O_NOFOLLOW gives for a link (Linux, macOS; FreeBSD)
_CHUNK = 1 << 20


def size_text(n: int) -> str:
    """A size as a sentence shows it (``1.5 MiB``)."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n:,} bytes"


def _not_regular(label: str, mode: int) -> FileRefused:
    if stat.S_ISLNK(mode):
        return FileRefused(f"{label} is a link, not a file; it was skipped.")
    if stat.S_ISDIR(mode):
        return FileRefused(f"{label} is a folder, not a file; it was skipped.")
    return FileRefused(f"{label} is not a regular file (a pipe, a device or a socket); it was skipped.")


def read_regular(path: Path | str, limit: int, what: str = "file", *,
                 head: Callable[[bytes], object] | None = None) -> bytes:
    """The bytes of the regular file ``path``, if it holds at most ``limit``: the one reader of files from outside.

    The name is looked at without following a link, the file is opened with ``O_NOFOLLOW`` (a link swapped
    in meanwhile fails) and ``O_NONBLOCK`` (a FIFO cannot block the open), and the open file must be a
    regular file (``fstat``) of at most ``limit`` bytes; at most ``limit + 1`` bytes are ever read, so a
    file growing while it is read, or a device behind it, is refused rather than read to the end.

    :param what: what the file is, for the sentence: "The {what} {path} is a link, not a file…".
    :param head: called with the first bytes (up to 64) before the rest is read; it may raise to refuse
        the file without reading it all (a video given as a photo).
    :raises FileRefused: a link, a folder, a pipe, a device or a socket, or more than ``limit`` bytes.
    :raises OSError: the file is missing or cannot be read; the caller says so in its own words.
    """
    path = Path(path)
    label = f"The {what} {path}"
    mode = os.lstat(path).st_mode
    if not stat.S_ISREG(mode):  # refused before it is opened: opening a device can have effects of its own
        raise _not_regular(label, mode)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS:  # the name became a link since it was looked at
            raise _not_regular(label, stat.S_IFLNK) from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(label, info.st_mode)
        if info.st_size > limit:
            raise FileRefused(f"{label} is {size_text(info.st_size)}, more than a {what} may be "
                              f"({size_text(limit)}); it was not read.")
        parts: list[bytes] = []
        got = 0
        if head is not None:
            first = os.read(fd, 64)
            head(first)
            parts.append(first)
            got = len(first)
        # Read as much as fstat said, then on (a file that grew) until EOF or one byte past the limit.
        want = min(info.st_size, limit) + 1
        while got <= limit:
            part = os.read(fd, min(max(want - got, _CHUNK), limit + 1 - got))
            if not part:
                break
            parts.append(part)
            got += len(part)
    finally:
        os.close(fd)
    if got > limit:
        raise FileRefused(f"{label} grew past {size_text(limit)}, more than a {what} may be, while it was read; "
                          "it was not read.")
    return parts[0] if len(parts) == 1 else b"".join(parts)
