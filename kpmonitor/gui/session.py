"""One open inspection: the single path from the editor's widgets to the store.

Every edit is a call on the workspace's store, made at once (there is no Save
button). After each write the inspection is read back with the problems the
core's rules found once it committed, and every section and the validation
panel are refreshed from what is stored, so the screen never shows a value the
disk does not hold.
A refused write (a reused seal, a signed inspection) comes back as the
core's sentence.

Between a field's keystrokes and the moment it saves itself (a pause, Enter,
leaving it) the text is journaled on every change (``journal``): a crash loses
at most the keystroke being typed, and the editor recovers the rest through
the fields' own writes when the draft opens again (``journaled``). A field's
journal ends in the transaction of the write that saves it (``write(…,
settles=…)``).

A new inspection is not stored until something is written to it: its first
keystroke or change creates it, in the same transaction, so "New" and then
leaving without typing leaves nothing behind, even after a crash.

Each edit is made through a method that says what it changes (``update``,
``update_row``, ``add_row``, ``remove_row``, ``move_row``, ``acknowledge``),
and is kept in the editor's undo history (``gui.editor.history``): ``undo`` and
``redo`` write its inverse, or the change again, through the store like any
edit, and say on the status line (``told``) what they did, or why the store
refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kpmonitor.errors import KPError, WriteFailed
from kpmonitor.gui.editor.history import (
    Acknowledge,
    AddRow,
    Change,
    History,
    Kind,
    MoveRow,
    RemoveRow,
    RowCopy,
    RowKind,
    Said,
    SetValues,
    Where,
    add,
    rows_of,
    short,
    values_of,
)

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Finding, Inspection, Parcel, Seal, SealEvent
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
    history_changed = Signal()           # what undo and redo would do changed
    told = Signal(str)                   # a sentence for the status line: what was undone, removed…

    def __init__(self, ws: Workspace, inspection_id: str, parent: QObject | None = None, *,
                 new: Inspection | None = None) -> None:
        """The stored inspection ``inspection_id``, or (``new`` given, with that id) one stored at its first change."""
        super().__init__(parent)
        self.ws = ws
        self.inspection_id = inspection_id
        self._new = new  # not stored yet
        self.inspection: Inspection = new if new is not None else ws.store.get(inspection_id)
        self.problems: list[Problem] = ws.validate(self.inspection)
        self.last_saved: str | None = None
        self.last_error: str | None = None
        self.writes = 0
        self._report: dict[str, Any] | None = None
        self._amended: dict[str, Any] | None = None
        self._journaled: dict[str, str] = {}  # field → the text in the journal, for the fields it holds
        self._journal_failed = False          # said once in the log, not on every keystroke
        self._write_failed = False            # the last write did not reach the disk: keep the journal
        self.history = History()              # every change since the editor opened, to undo

    @property
    def stored(self) -> bool:
        """Whether the inspection is in the store (a new one is, from its first change)."""
        return self._new is None

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

    def write(self, action: Callable[[], object], *, settles: str | None = None, change: Change | None = None) -> bool:
        """Run one store call; on success reload and revalidate, else emit the sentence.

        :param settles: the journaled field whose value this write saves: its journal ends in the
            same transaction.
        :param change: what the call changes, kept in the undo history once it is stored.
        :returns: whether the change was stored.
        """
        settling = settles if settles is not None and settles in self._journaled else None
        try:
            self._in_transaction(action, settling)
        except WriteFailed as exc:  # the disk, not the monitor: the change was not stored
            log.exception("a change could not be written")
            self.last_error = exc.message
            self._write_failed = True
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
            self._write_failed = True
            self.write_failed.emit(self.last_error)
            return False
        if settling is not None:
            self._journaled.pop(settling, None)
        self._write_failed = False
        self.writes += 1
        self.last_error = None
        self.last_saved = datetime.now().strftime("%H:%M:%S")
        if change is not None:
            self.history.record(change)
        self.reload()
        self.saved.emit(self.last_saved)
        if change is not None:
            self.history_changed.emit()
        return True

    def _in_transaction(self, action: Callable[[], object], settling: str | None) -> None:
        """The action, with what goes with it in its transaction: a new inspection's creation, the end of a journal."""
        if self._new is None and settling is None:
            action()
            return
        with self.store.batch():
            self._store_new()
            action()
            if settling is not None:
                self.store.settle_journal(self.inspection_id, settling)
        self._new = None

    def _store_new(self) -> None:
        if self._new is not None:
            self.store.create_inspection(self._new)
            log.info("new inspection %s, stored at its first change", self.inspection_id)

    # --- the edits, each kept to be undone ---------------------------------------------------

    def update(self, changes: dict[str, Any], *, said: Said, where: Where, settles: str | None = None) -> bool:
        """Set inspection fields by domain path (``certificate.carats``: 123456)."""
        return self._set("inspection", self.inspection_id, changes, said=said, where=where, settles=settles)

    def update_row(self, kind: RowKind, row_id: str, changes: dict[str, Any], *, said: Said, where: Where,
                   settles: str | None = None) -> bool:
        """Set fields of a parcel, seal, finding or photo, by the store's names (a seal's ``parcel_id``)."""
        return self._set(kind, row_id, changes, said=said, where=where, settles=settles)

    def _set(self, kind: Kind, row_id: str, changes: dict[str, Any], *, said: Said, where: Where,
             settles: str | None) -> bool:
        try:
            before = values_of(self, kind, row_id, list(changes))
        except KPError as exc:  # the row is gone (removed by another window or the command line)
            return self._refuse(exc)
        change = SetValues(said=said, where=where, kind=kind, row_id=row_id, before=before, after=dict(changes))
        return self.write(lambda: change.redo(self), settles=settles, change=change)

    def _refuse(self, exc: KPError) -> bool:
        self.last_error = exc.message
        self.write_refused.emit(exc.message)
        return False

    def add_row(self, kind: RowKind, row: Parcel | Seal | Finding | SealEvent, *, said: Said, where: Where,
                seal_id: str | None = None) -> bool:
        """Add a parcel, seal, finding or (to ``seal_id``) seal event; it is given its id here, so that redo brings
        back the same row (and ``where``, naming no row, the row added)."""
        from kpmonitor.store.db import new_id

        if row.id is None:
            row.id = new_id()
        change = AddRow(said=said, where=where if where.row else replace(where, row=row.id), kind=kind,
                        row_id=row.id)
        return self.write(lambda: add(self, kind, row, seal_id=seal_id), change=change)

    def remove_row(self, kind: RowKind, row_id: str, *, said: Said, where: Where) -> bool:
        """Remove a row, kept whole (its events, what is linked to it, its place) for undo to bring back."""
        try:
            taken = RowCopy.take(self, kind, row_id)
        except KPError as exc:
            return self._refuse(exc)
        change = RemoveRow(said=said, where=where, taken=taken)
        return self.write(lambda: change.redo(self), change=change)

    def move_row(self, kind: RowKind, row_id: str, to: int, *, said: Said, where: Where) -> bool:
        """Move a parcel, seal or finding to place ``to`` of its list."""
        assert kind in ("parcels", "seals", "findings")
        before = next((i for i, r in enumerate(rows_of(self.inspection, kind)) if r.id == row_id), to)
        change = MoveRow(said=said, where=where, kind=kind, row_id=row_id, before=before, after=to)
        return self.write(lambda: change.redo(self), change=change)

    # --- undo and redo -----------------------------------------------------------------------

    def tell(self, sentence: str) -> None:
        """Say something on the status line (what a key did)."""
        self.told.emit(sentence)

    def undo(self) -> Change | None:
        """Undo the last change since the editor opened, through the store; None when none was (said why)."""
        return self._step(undoing=True)

    def redo(self) -> Change | None:
        """Make again the change last undone; None when none was (said why)."""
        return self._step(undoing=False)

    def _step(self, *, undoing: bool) -> Change | None:
        change = self.history.to_undo if undoing else self.history.to_redo
        if change is None or self.read_only:
            self.tell(self.tr("Nothing to undo.") if undoing else self.tr("Nothing to redo."))
            return None
        what = change.said.told(undoing=undoing)
        step = change.undo if undoing else change.redo
        if not self.write(lambda: step(self)):
            # Nothing was changed and the change stays where it is: the history never skips a step.
            sentence = (self.tr("Not undone: {what}. {why} It stays the next to undo.") if undoing
                        else self.tr("Not redone: {what}. {why} It stays the next to redo."))
            self.tell(sentence.format(what=what, why=self.last_error or ""))
            return None
        if undoing:
            self.history.undone()
        else:
            self.history.redone()
        self.history_changed.emit()
        self.tell((self.tr("Undone: {what}.") if undoing else self.tr("Redone: {what}.")).format(what=what))
        return change

    # --- the journal of what is being typed ----------------------------------------------------

    def journal(self, field: str, text: str) -> None:
        """Keep what is typed in ``field`` (an inspection path, or ``list/row id/field``), on every keystroke.

        The first keystroke in a new inspection stores it, in the same transaction. A journal that
        cannot be written is said in the log once; the field's own save still says why it failed.
        """
        if self.read_only or self._journaled.get(field) == text:
            return
        try:
            if self._new is None:
                self.store.journal(self.inspection_id, field, text)
            else:
                with self.store.batch():
                    self._store_new()
                    self.store.journal(self.inspection_id, field, text)
                self._new = None
        except KPError:
            if not self._journal_failed:
                log.exception("what is being typed could not be journaled")
            self._journal_failed = True
            return
        self._journaled[field] = text

    def settle(self, field: str) -> None:
        """End the journal of a field whose text needs no saving (it reads as stored, or the monitor let it go)."""
        if self._journaled.pop(field, None) is None:
            return
        try:
            self.store.settle_journal(self.inspection_id, field)
        except KPError:
            log.exception("the journal of %s could not be cleared", field)

    def journaled(self) -> dict[str, str]:
        """What an interruption left in the journal of this inspection, field → text, to recover.

        A signed inspection's journal is discarded by the store (``Store.journaled``), and gives nothing.
        """
        if self._new is not None:
            return {}
        found = self.store.journaled(self.inspection_id)
        self._journaled.update(found)
        return found

    def close(self) -> None:
        """The editor is closing, what was typed having been saved (``flush``): the journal is done with.

        Text a field refused stays out of the record, as it always did when the monitor left it; the
        journal is kept only when the last write failed to reach the disk, so the next opening recovers it.
        """
        if self.history.clear():  # the history ends with the editor
            self.history_changed.emit()
        if not self._journaled or self._write_failed or self._new is not None:
            return
        self._journaled.clear()
        try:
            self.store.settle_journal(self.inspection_id)
        except KPError:
            log.exception("the journal of inspection %s could not be cleared", self.inspection_id)

    def acknowledge(self, problem: Problem, note: str) -> bool:
        """Accept a warning with the monitor's reason (it goes into the report)."""
        return self._acknowledgement(problem, note.strip(), self.tr("accept “{problem}”"))

    def withdraw_acknowledgement(self, problem: Problem) -> bool:
        return self._acknowledgement(problem, None, self.tr("withdraw the acceptance of “{problem}”"))

    def _acknowledgement(self, problem: Problem, note: str | None, what: str) -> bool:
        earlier = self.inspection.acknowledged(problem.code, problem.field)
        change = Acknowledge(said=Said(what.format(problem=short(problem.message))), where=Where(""), code=problem.code,
                             field=problem.field, before=earlier.note if earlier else None, after=note)
        return self.write(lambda: change.redo(self), change=change)

    def reload(self) -> None:
        self.inspection, self.problems = self.ws.checked(self.inspection_id)
        if self.read_only and self.history.clear():  # signed: nothing is undone on it any more
            self.history_changed.emit()
        self.inspection_changed.emit(self.inspection)
        self.problems_changed.emit(self.problems)
