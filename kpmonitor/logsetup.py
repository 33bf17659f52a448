"""The log file, shared by the command line and the desktop app.

Tracebacks go here, never to the user; the GUI's "View log" window reads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpmonitor.paths import Paths


def setup_logging(paths: Paths) -> None:
    """Log INFO and above to the home's rotating log file.

    Once per home: asked again for the same home it does nothing; for another
    home (a process that works on several, as tests and scripts do) the log
    moves to that home's file.
    """
    import logging.handlers  # a slow import: the desktop app sets the log up after its first paint

    root = logging.getLogger()
    ours = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if any(Path(h.baseFilename) == paths.log_file.absolute() for h in ours):
        return
    for handler in ours:
        root.removeHandler(handler)
        handler.close()
    try:
        paths.cache.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(paths.log_file, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return  # a read-only or full disk must not stop the application; it runs without a log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
