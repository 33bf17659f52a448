"""Where kpmonitor keeps its files.

By default the data, config and cache directories are the platform's own
(platformdirs). One override, ``--home DIR`` or ``KPMONITOR_HOME``, puts all of
them under one folder: tests, portable installs on a USB stick, and scripts
use it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kpmonitor import APP_NAME
from kpmonitor.fileio import ensure_dir, make_private

HOME_ENV = "KPMONITOR_HOME"


@dataclass(frozen=True)
class Paths:
    """The directories of one kpmonitor home."""

    data: Path
    config: Path
    cache: Path

    @classmethod
    def for_home(cls, home: Path | str | None = None) -> Paths:
        """Resolve the directories: ``home`` wins, then ``$KPMONITOR_HOME``, then platformdirs."""
        chosen = home if home is not None else os.environ.get(HOME_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(data=root, config=root / "config", cache=root / "cache")
        import platformdirs  # only here: a home given (tests, portable installs, scripts) never needs it

        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database(self) -> Path:
        return self.data / "kpmonitor.db"

    @property
    def home_file(self) -> Path:
        """Identity of this home: role, device id, name (written by ``init``)."""
        return self.data / "home.json"

    @property
    def originals(self) -> Path:
        """Original photo bytes, content-addressed: the evidence."""
        return self.data / "photos"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def keys(self) -> Path:
        """The device key (field) or root CA key (hq), encrypted, and certificates."""
        return self.data / "keys"

    @property
    def reports(self) -> Path:
        """Signed PDFs, frozen once written."""
        return self.data / "reports"

    @property
    def inbox(self) -> Path:
        """Headquarters' imported report PDFs and set-aside bundles (``hq.inbox``)."""
        return self.data / "inbox"

    @property
    def reference_overrides(self) -> Path:
        """Reference tables imported by headquarters, which win over the shipped ones."""
        return self.config / "reference"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.cache / "kpmonitor.log"

    def ensure(self) -> None:
        """Make the home's folders that are missing, durably (a new folder's entry is synced) and private
        (0700: the inspections, the evidence and the keys are no other local user's to read)."""
        for d in (self.data, self.config, self.cache, self.originals, self.thumbnails, self.keys,
                  self.reports):
            ensure_dir(d)

    def make_private(self) -> tuple[list[Path], list[tuple[Path, str]]]:
        """Take the group's and others' permissions off the home's folders and files (``fileio.make_private``).

        Only what is kpmonitor's: the config and cache folders whole, and of the data folder (which
        ``--home`` may have put in a folder holding other things) itself and the entries kpmonitor keeps there.

        :returns: what was changed, and what could not be, with why.
        """
        changed: list[Path] = []
        failed: list[tuple[Path, str]] = []
        database = [self.database.with_name(self.database.name + end) for end in ("", "-wal", "-shm", "-journal")]
        for path, tree in ((self.data, False), (self.home_file, False), *((db, False) for db in database),
                           (self.originals, True), (self.keys, True), (self.reports, True), (self.inbox, True),
                           (self.config, True), (self.cache, True)):
            made, refused = make_private(path, tree=tree)
            changed += made
            failed += refused
        return changed, failed
