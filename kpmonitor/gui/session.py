"""One open inspection: the single path from the editor's widgets to the store.

Every edit is a call on the workspace's store, made at once (there is no Save
button). After each write the inspection is read back with the problems the
core's rules found once it committed, and every section and the validation
panel are refreshed from what is stored, so the screen never shows a value the
disk does not hold.
A refused write (a reused seal, a signed inspection) comes back as the
core's sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kpmonitor.errors import KPError, WriteFailed

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection
    from kpmonitor.rules.problems import Problem
    from kpmonitor.store.db import Store
    from kpmonitor.workspace import Workspace

log = logging.getLogger(__name__)


class InspectionSession(QObject):
    """The inspection being edited, its problems, and the writes made to it."""

    inspection_changed = Signal(object)  # Inspection, as stored
    problems_changed = Signal(object)    # list[Problem]
    saved = Signal(str)                  # local time of the write, HH:MM:SS
    write_refused = Signal(str)          # the core refused the change (a reused seal…): its sentence
    write_failed = Signal(str)           # the change could not be written (disk full…): a sentence

    def __init__(self, ws: Workspace, inspection_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.inspection_id = inspection_id
        self.inspection: Inspection = ws.store.get(inspection_id)
        self.problems: list[Problem] = ws.validate(self.inspection)
        self.last_saved: str | None = None
        self.last_error: str | None = None
        self.writes = 0
        self._report: dict[str, Any] | None = None
        self._amended: dict[str, Any] | None = None

    @property
    def store(self) -> Store:
        return self.ws.store

    @property
    def read_only(self) -> bool:
        from kpmonitor.domain.inspection import Status

        return self.inspection.status is Status.SIGNED

    def report(self) -> dict[str, Any] | None:
        """The signed report of this inspection (its row, without the snapshot), or None for a draft."""
        if not self.read_only:
            return None
        if self._report is None:  # a signed report never changes: read once
            rows = self.store.reports(self.inspection_id)
            self._report = rows[0] if rows else None
        return self._report

    def amended_report(self) -> dict[str, Any] | None:
        """For an amendment, the signed report it will supersede; None otherwise."""
        if not self.inspection.supersedes:
            return None
        if self._amended is None:
            rows = self.store.reports(self.inspection.supersedes)
            self._amended = rows[0] if rows else None
        return self._amended

    def write(self, action: Callable[[], object]) -> bool:
        """Run one store call; on success reload and revalidate, else emit the sentence.

        :returns: whether the change was stored.
        """
        try:
            action()
        except WriteFailed as exc:  # the disk, not the monitor: the change was not stored
            log.exception("a change could not be written")
            self.last_error = exc.message
            self.write_failed.emit(self.last_error)
            return False
        except KPError as exc:
            self.last_error = exc.message
            self.write_refused.emit(exc.message)
            return False
        except OSError as exc:  # a file beside the database (a photo original) could not be written
            log.exception("a change could not be written")
            self.last_error = self.tr("The change could not be saved ({error}). Check that the disk is not full; "
                                      "the details are in the log.").format(error=exc)
            self.write_failed.emit(self.last_error)
            return False
        self.writes += 1
        self.last_error = None
        self.last_saved = datetime.now().strftime("%H:%M:%S")
        self.reload()
        self.saved.emit(self.last_saved)
        return True

    def update(self, changes: dict[str, Any]) -> bool:
        """Set inspection fields by domain path (``certificate.carats``: 123456)."""
        return self.write(lambda: self.store.update_inspection(self.inspection_id, changes))

    def acknowledge(self, problem: Problem, note: str) -> bool:
        """Accept a warning with the monitor's reason (it goes into the report)."""
        return self.write(lambda: self.store.acknowledge(self.inspection_id, problem.code, problem.field, note))

    def withdraw_acknowledgement(self, problem: Problem) -> bool:
        return self.write(lambda: self.store.unacknowledge(self.inspection_id, problem.code, problem.field))

    def reload(self) -> None:
        self.inspection, self.problems = self.ws.checked(self.inspection_id)
        self.inspection_changed.emit(self.inspection)
        self.problems_changed.emit(self.problems)
