"""The editor's undo history: each change the session writes, kept so that it can be undone and redone.

Every write the editor makes goes through ``InspectionSession`` with a ``Change`` that says what it
changed: the values before and after, or the whole row a removal took (a seal with its events, the seals
and photos linked to a parcel, its place in its list). Undo applies the inverse through the store's
ordinary write methods, and redo applies the change again: each is validated and audited as any edit,
in one transaction, so the audit log shows an undo as what it is, another edit, and nothing is rolled
back behind it. A removed row comes back under its own id, in its place, with its children and links,
so the changes below it in the history still name it.

A refused inverse (a seal number put on another inspection meanwhile, a row someone else removed)
changes nothing and stays the next to undo, with the store's sentence: the history never skips a step,
so each change is undone onto the very record it was made on. The history belongs to one open editor and
ends with it; a signed inspection has none.

Photos the importer adds are not on it: they arrive from a worker while the monitor goes on typing, and
Ctrl+Z must not take the camera's card back photo by photo instead of the value just typed. A photo
detached (Remove) is, and comes back.

What Ctrl+Z means in a text box, the box's own typing or the editor's last change, is decided in one
place, ``undo_keys.box_keeps``.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, Protocol

from PySide6.QtCore import QCoreApplication

from kpmonitor.domain.inspection import Finding, Parcel, Seal, SealEvent
from kpmonitor.errors import Conflict, NotFound

if TYPE_CHECKING:
    from kpmonitor.domain.inspection import Inspection, PhotoRef
    from kpmonitor.store.db import Store

RowKind = Literal["parcels", "seals", "findings", "events", "photos"]
Kind = Literal["inspection", "parcels", "seals", "findings", "events", "photos"]
SAID_CHARS = 40  # a value longer than this is cut in a sentence or a menu item (a finding's text)


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class Target(Protocol):
    """What a change is applied to: the open inspection as last read from the store (``InspectionSession``)."""

    inspection_id: str
    inspection: Inspection

    @property
    def store(self) -> Store: ...


@dataclass(frozen=True)
class Said:
    """How a change is told: what it did ("remove seal ZW-S-000981"), or what it set, as it read before and after."""

    what: str
    before: str | None = None
    after: str | None = None

    def told(self, *, undoing: bool) -> str:
        """The change as undoing (or redoing) it does it: "parcel 2's weighed carats (612.00 → 600.25)"."""
        if self.before is None or self.after is None:
            return self.what
        old, new = (self.after, self.before) if undoing else (self.before, self.after)
        return tr("{what} ({old} → {new})").format(what=self.what, old=short(old), new=short(new))


def short(value: str) -> str:
    """A value as a sentence or a menu item names it: on one line, cut when long, "empty" when there is none."""
    flat = " ".join(value.split())
    if not flat:
        return tr("empty")
    return flat if len(flat) <= SAID_CHARS else flat[:SAID_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Where:
    """Where a change shows: its section, and there its row (by id) and field."""

    section: str
    row: str | None = None
    field: str = ""


@dataclass(kw_only=True)
class Change(ABC):
    """One write, as it is undone and redone through the store."""

    said: Said
    where: Where

    @abstractmethod
    def undo(self, target: Target) -> None: ...

    @abstractmethod
    def redo(self, target: Target) -> None: ...


@dataclass(kw_only=True)
class SetValues(Change):
    """Values set on the inspection (by domain path) or on one of its rows (by the store's field names)."""

    kind: Kind
    row_id: str
    before: dict[str, Any]
    after: dict[str, Any]

    def undo(self, target: Target) -> None:
        update(target, self.kind, self.row_id, self.before)

    def redo(self, target: Target) -> None:
        update(target, self.kind, self.row_id, self.after)


@dataclass(kw_only=True)
class AddRow(Change):
    """A row added; undone, it is removed, and what it held by then is what redo brings back."""

    kind: RowKind
    row_id: str
    taken: RowCopy | None = None

    def undo(self, target: Target) -> None:
        self.taken = RowCopy.take(target, self.kind, self.row_id)
        remove(target, self.kind, self.row_id)

    def redo(self, target: Target) -> None:
        if self.taken is None:
            raise NotFound(tr("There is nothing to add again."))
        self.taken.restore(target)


@dataclass(kw_only=True)
class RemoveRow(Change):
    """A row removed, kept whole (``RowCopy``) to come back."""

    taken: RowCopy

    def undo(self, target: Target) -> None:
        self.taken.restore(target)

    def redo(self, target: Target) -> None:
        remove(target, self.taken.kind, self.taken.row_id)


@dataclass(kw_only=True)
class MoveRow(Change):
    """A parcel, seal or finding moved from one place in its list to another."""

    kind: Literal["parcels", "seals", "findings"]
    row_id: str
    before: int
    after: int

    def undo(self, target: Target) -> None:
        target.store.move(self.kind, self.row_id, self.before)

    def redo(self, target: Target) -> None:
        target.store.move(self.kind, self.row_id, self.after)


@dataclass(kw_only=True)
class Acknowledge(Change):
    """A problem accepted with a note, or (``after`` None) its acceptance withdrawn.

    An acceptance brought back is made again with its note, by the monitor, now: the store records who
    accepted a problem and when, and that is who and when.
    """

    code: str
    field: str
    before: str | None  # the note of the acceptance it replaced or withdrew; None: there was none
    after: str | None

    def undo(self, target: Target) -> None:
        self._set(target, self.before)

    def redo(self, target: Target) -> None:
        self._set(target, self.after)

    def _set(self, target: Target, note: str | None) -> None:
        if note is None:
            target.store.unacknowledge(target.inspection_id, self.code, self.field)
        else:
            target.store.acknowledge(target.inspection_id, self.code, self.field, note)


@dataclass(frozen=True)
class RowCopy:
    """A row as it was before it went, with its place and its links: all it needs to come back as it was.

    :param index: its place in its list (an event's among its seal's events).
    :param parcel_id: what a seal was on, or what a photo showed.
    :param seal_id: an event's seal, or the seal a photo showed.
    :param seals: a parcel's seals; ``photos``: a parcel's or a seal's photos (each linked to it again).
    :param later: an event's successors: events are kept in the order recorded, so they go back after it.
    """

    kind: RowKind
    row: Any  # Parcel | Seal | Finding | SealEvent | PhotoRef, a copy
    index: int
    parcel_id: str | None = None
    seal_id: str | None = None
    seals: tuple[str, ...] = ()
    photos: tuple[str, ...] = ()
    later: tuple[SealEvent, ...] = ()

    @property
    def row_id(self) -> str:
        return str(self.row.id)

    @classmethod
    def take(cls, target: Target, kind: RowKind, row_id: str) -> RowCopy:
        """Copy the row ``row_id`` of the inspection, as last read from the store, with what is linked to it."""
        insp = target.inspection
        if kind == "events":
            for seal in insp.seals:
                for i, event in enumerate(seal.events):
                    if event.id == row_id:
                        return cls(kind, copy.deepcopy(event), i, seal_id=seal.id,
                                   later=tuple(copy.deepcopy(seal.events[i + 1:])))
            raise NotFound(tr("That seal event is no longer in this inspection."))
        rows: list[Any] = rows_of(insp, kind)
        index = next((i for i, r in enumerate(rows) if r.id == row_id), None)
        if index is None:
            raise NotFound(tr("That row is no longer in this inspection."))
        row = copy.deepcopy(rows[index])
        links = target.store.links(target.inspection_id)
        if kind == "parcels":
            return cls(kind, row, index, seals=tuple(s for s, p in links.seal_parcel.items() if p == row_id),
                       photos=tuple(ph for ph, p in links.photo_parcel.items() if p == row_id))
        if kind == "seals":
            return cls(kind, row, index, parcel_id=links.seal_parcel.get(row_id),
                       photos=tuple(ph for ph, s in links.photo_seal.items() if s == row_id))
        if kind == "photos":
            return cls(kind, row, index, parcel_id=links.photo_parcel.get(row_id),
                       seal_id=links.photo_seal.get(row_id))
        return cls(kind, row, index)

    def restore(self, target: Target) -> None:
        """Bring the row back through the store: its content and id, its place, its links; one transaction."""
        store, inspection_id = target.store, target.inspection_id
        with store.batch():
            if self.kind == "events":
                assert self.seal_id is not None
                for event in self.later:
                    store.delete_seal_event(str(event.id))
                for event in (self.row, *self.later):
                    store.add_seal_event(self.seal_id, event)
                return
            if self.kind == "photos":
                self._restore_photo(target)
                return
            count = len(rows_of(target.inspection, self.kind))
            if self.kind == "parcels":
                store.add_parcel(inspection_id, self.row)
            elif self.kind == "seals":
                self._restore_seal(target)
            else:
                store.add_finding(inspection_id, self.row)
            if self.index < count:  # added last: moved back to where it was
                store.move(self.kind, self.row_id, self.index)
            for seal_id in self.seals:
                store.update_seal(seal_id, {"parcel_id": self.row_id})
            link = "parcel_id" if self.kind == "parcels" else "seal_id"
            for photo_id in self.photos:
                store.update_photo(photo_id, {link: self.row_id})

    def _restore_seal(self, target: Target) -> None:
        seal: Seal = self.row
        number = None
        if self.parcel_id is not None:
            number = next((p.number for p in target.inspection.parcels if p.id == self.parcel_id), None)
            if number is None:
                raise NotFound(tr("The parcel seal {number} was on is no longer in this inspection.").format(
                    number=seal.number))
        store = target.store
        store.add_seal(target.inspection_id, replace(seal, parcel=number))
        # The store finds a parcel by its number; of two parcels with one number, the seal goes back to its own.
        if number is not None and store.parcel_id(target.inspection_id, number) != self.parcel_id:
            store.update_seal(self.row_id, {"parcel_id": self.parcel_id})

    def _restore_photo(self, target: Target) -> None:
        photo: PhotoRef = self.row
        if any(p.sha256 == photo.sha256 for p in target.inspection.photos):
            raise Conflict(tr("Photo {name} was added to this inspection again since; it is there once.").format(
                name=photo.original_name))
        target.store.add_photo(
            target.inspection_id, sha256=photo.sha256, original_name=photo.original_name, format=photo.format,
            width=photo.width, height=photo.height, size=photo.size, taken_at=photo.taken_at,
            gps_lat=photo.gps_lat, gps_lon=photo.gps_lon, caption=photo.caption, parcel_id=self.parcel_id,
            seal_id=self.seal_id, photo_id=photo.id, added_at=photo.added_at)


def rows_of(insp: Inspection, kind: RowKind) -> list[Any]:
    """The inspection's list of a kind of row (events are each seal's own: ``RowCopy.take``)."""
    lists: dict[str, list[Any]] = {"parcels": insp.parcels, "seals": insp.seals, "findings": insp.findings,
                                   "photos": insp.photos}
    return lists[kind]


def values_of(target: Target, kind: Kind, row_id: str, fields: list[str]) -> dict[str, Any]:
    """The stored values of fields (by domain path for the inspection, else by the store's names): what a change
    of them is undone to. Links are read by id from the store; the domain names them by number."""
    if kind == "inspection":
        return {path: copy.copy(attrgetter(path)(target.inspection)) for path in fields}
    row = next((r for r in rows_of(target.inspection, kind) if r.id == row_id), None) if kind != "events" else None
    if row is None:
        raise NotFound(tr("That row is no longer in this inspection."))
    links = target.store.links(target.inspection_id) if {"parcel_id", "seal_id"} & set(fields) else None
    values: dict[str, Any] = {}
    for name in fields:
        if links is not None and name == "parcel_id":
            values[name] = (links.seal_parcel if kind == "seals" else links.photo_parcel).get(row_id)
        elif links is not None and name == "seal_id":
            values[name] = links.photo_seal.get(row_id)
        else:
            values[name] = copy.copy(getattr(row, name))
    return values


def update(target: Target, kind: Kind, row_id: str, values: dict[str, Any]) -> None:
    """Set values through the store method of their kind."""
    store = target.store
    if kind == "inspection":
        store.update_inspection(target.inspection_id, values)
    elif kind == "parcels":
        store.update_parcel(row_id, values)
    elif kind == "seals":
        store.update_seal(row_id, values)
    elif kind == "findings":
        store.update_finding(row_id, values)
    elif kind == "photos":
        store.update_photo(row_id, values)
    else:  # a seal's events are added and removed, never edited
        raise KeyError(kind)


def add(target: Target, kind: RowKind, row: Parcel | Seal | Finding | SealEvent, *, seal_id: str | None = None) -> None:
    """Add a row through the store method of its kind (photos come from the vault: ``Workspace.attach_photo``)."""
    store, inspection_id = target.store, target.inspection_id
    if kind == "parcels" and isinstance(row, Parcel):
        store.add_parcel(inspection_id, row)
    elif kind == "seals" and isinstance(row, Seal):
        store.add_seal(inspection_id, row)
    elif kind == "findings" and isinstance(row, Finding):
        store.add_finding(inspection_id, row)
    elif kind == "events" and isinstance(row, SealEvent) and seal_id is not None:
        store.add_seal_event(seal_id, row)
    else:
        raise KeyError(kind)


def remove(target: Target, kind: RowKind, row_id: str) -> None:
    """Remove a row through the store method of its kind."""
    store = target.store
    {"parcels": store.delete_parcel, "seals": store.delete_seal, "findings": store.delete_finding,
     "events": store.delete_seal_event, "photos": store.delete_photo}[kind](row_id)


class History:
    """The changes made since the editor opened: the last done is the first undone; a new change ends what redo had."""

    def __init__(self) -> None:
        self._done: list[Change] = []
        self._undone: list[Change] = []

    @property
    def to_undo(self) -> Change | None:
        return self._done[-1] if self._done else None

    @property
    def to_redo(self) -> Change | None:
        return self._undone[-1] if self._undone else None

    def record(self, change: Change) -> None:
        self._done.append(change)
        self._undone.clear()

    def undone(self) -> None:
        """The change to undo was undone: it is the next to redo."""
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> bool:
        """Forget every change; whether there was any."""
        had = bool(self._done or self._undone)
        self._done.clear()
        self._undone.clear()
        return had
