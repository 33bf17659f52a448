"""The log file, shared by the command line and the desktop app.

Tracebacks go here, never to the user; the GUI's "View log" window reads it. The file is the home's
own (0600, in the home's private cache folder): it names inspections, sites and people.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, cast

from kpmonitor.fileio import PRIVATE, ensure_dir

if TYPE_CHECKING:
    from kpmonitor.paths import Paths


def _private_handler(path: Path) -> logging.FileHandler:
    """A rotating file handler whose files (the log and each new one after a rotation) are made 0600."""
    import logging.handlers  # a slow import: the desktop app sets the log up after its first paint

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                         PRIVATE)
            return cast(TextIOWrapper, open(fd, self.mode, encoding=self.encoding, errors=self.errors))

    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.set_name(_NAME)
    return handler


_NAME = "kpmonitor-log"


def _ours() -> list[logging.FileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler) and h.get_name() == _NAME]


def log_file() -> Path | None:
    """The file the log goes to now (the home set up last), or None when there is none."""
    ours = _ours()
    return Path(ours[0].baseFilename) if ours else None


def setup_logging(paths: Paths) -> None:
    """Log INFO and above to the home's rotating log file.

    Once per home: asked again for the same home it does nothing; for another
    home (a process that works on several, as tests and scripts do) the log
    moves to that home's file.
    """
    root = logging.getLogger()
    ours = _ours()
    if any(Path(h.baseFilename) == paths.log_file.absolute() for h in ours):
        return
    for handler in ours:
        root.removeHandler(handler)
        handler.close()
    try:
        ensure_dir(paths.cache)
        handler = _private_handler(paths.log_file)
    except OSError:
        return  # a read-only or full disk must not stop the application; it runs without a log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
