"""Errors that reach people.

Every exception the core raises on purpose is a ``KPError`` whose message is a
sentence a monitor can act on. The CLI prints it and exits 1; the GUI shows it
in a dialog or beside the field. Anything else is a bug: it goes to the log.
"""

from __future__ import annotations


class KPError(Exception):
    """Base of all expected errors; ``str(err)`` is the sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ParseError(KPError, ValueError):
    """What a person typed cannot be understood (a number, a date, a code)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(KPError):
    """No record with that id (or id prefix)."""


class Conflict(KPError):
    """The change collides with what is stored (a reused seal, a frozen record)."""


class WriteFailed(KPError):
    """The disk refused a change (full, failing, locked): nothing of it was stored."""


class FrozenError(Conflict):
    """A signed inspection cannot be edited; amend it instead."""


class PhotoError(KPError):
    """A photo was refused: corrupt, not an image, too large."""


class HomeError(KPError):
    """The data directory is missing, not initialised, or of the wrong role."""


class FileRefused(KPError):
    """A file from outside was refused before it was read: a link, a pipe or a device, a folder, or too large.

    ``fileio.read_regular`` raises it; the sentence names the file.
    """

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.path = path
