"""Analysts' notes on anomalies: what headquarters found out, and whether an anomaly is resolved.

Anomaly rows are derived: every import judges its scopes again, and a rebuild drops and judges them all
(``hq.anomalies``). So a note is never tied to a row. It is keyed by what the anomaly is about, its kind,
its scope and the reports it names (``anomaly_key``): the same finding judged again has the same key and
shows its note; a finding that changed (a third shipment with the same seal) or is gone does not.
One limit follows: anomalies of one kind and scope that name no report (two gaps in one device's
numbers) share a key, and so a note.

Notes are evidence of who said what and when, kept through the store's audited insert and frozen
(``schema.m010_amend_reason_and_notes``): a note is never edited; a later note on the same anomaly
supersedes it, and the latest says whether the anomaly is resolved. A resolved anomaly stays listed,
marked, and is not counted as open.

Each anomaly has a short reference, the first characters of its key, which ``hq anomalies`` prints and
``hq note REF`` takes (a unique prefix of at least four characters, as ``git`` takes ids).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kpmonitor.errors import NotFound, ParseError
from kpmonitor.hq.anomalies import stored_rows
from kpmonitor.hq.store import Anomaly, HQStore, StoredAnomaly, hq_store
from kpmonitor.i18n import _
from kpmonitor.store.db import now
from kpmonitor.store.schema import anomaly_key

if TYPE_CHECKING:
    from kpmonitor.workspace import Workspace

REF_CHARS = 8
NOTE_CHARS = 2_000  # as a monitor's note on a warning (``rules.kp.DESCRIPTION_CHARS``)


@dataclass(frozen=True)
class AnomalyNote:
    """The latest note on an anomaly."""

    text: str
    resolved: bool
    by: str
    at: str
    notes: int = 1  # how many were written on it, this one included

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "resolved": self.resolved, "by": self.by, "at": self.at, "notes": self.notes}


@dataclass(frozen=True)
class NotedAnomaly:
    """An anomaly with its reference and its latest note (the list's row, in the window and ``hq anomalies``)."""

    anomaly: Anomaly
    scope: str
    key: str
    note: AnomalyNote | None = None

    @property
    def ref(self) -> str:
        return self.key[:REF_CHARS]

    @property
    def resolved(self) -> bool:
        return self.note is not None and self.note.resolved

    # What an anomaly says, read through (the window's and the tests' rows read them so).
    @property
    def kind(self) -> str:
        return self.anomaly.kind

    @property
    def severity(self) -> str:
        return self.anomaly.severity

    @property
    def sentence(self) -> str:
        # In the reader's language: headquarters stores each anomaly in every language (``hq.anomalies``).
        return self.anomaly.said()

    @property
    def device_id(self) -> str:
        return self.anomaly.device_id

    @property
    def monitor(self) -> str:
        return self.anomaly.monitor

    @property
    def report_ids(self) -> tuple[str, ...]:
        return self.anomaly.report_ids

    def to_json(self) -> dict[str, Any]:
        return {**self.anomaly.to_json(), "ref": self.ref, "resolved": self.resolved,
                "note": self.note.to_json() if self.note is not None else None}


def _noted(rows: list[StoredAnomaly], notes: dict[str, dict[str, Any]]) -> list[NotedAnomaly]:
    out = []
    for row in rows:
        a = row.anomaly
        key = row.key or anomaly_key(a.kind, row.scope, a.report_ids)  # stored with the row (``HQStore``)
        note = notes.get(key)
        out.append(NotedAnomaly(a, row.scope, key, AnomalyNote(**note) if note is not None else None))
    return out


def noted_anomalies(ws: Workspace, *, rebuild: bool = False) -> list[NotedAnomaly]:
    """Every anomaly, most serious first, each with its reference and latest note (judged again first with
    ``rebuild``, as ``hq anomalies --rebuild``)."""
    rows = stored_rows(ws, rebuild_first=rebuild)
    return _noted(rows, hq_store(ws).latest_notes())


def noted_as_stored(hqs: HQStore) -> list[NotedAnomaly]:
    """The stored anomalies with their latest notes, as they are: never judged again, so that a read-only store
    (the window's worker) can read them; whoever asks checks first that they were judged by today's rules."""
    return _noted(hqs.stored_anomalies(), hqs.latest_notes())


def open_count(noted: list[NotedAnomaly]) -> tuple[int, int, int]:
    """(open alerts, open warnings, resolved): what is counted as still to look at, and what is not."""
    alerts = sum(1 for a in noted if not a.resolved and a.severity == "alert")
    resolved = sum(1 for a in noted if a.resolved)
    return alerts, len(noted) - alerts - resolved, resolved


def find_anomaly(noted: list[NotedAnomaly], ref: str) -> NotedAnomaly:
    """The anomaly whose reference starts with ``ref`` (at least four characters).

    :raises NotFound: when none or more than one does.
    """
    text = ref.strip().lower()
    if len(text) < 4 or any(c not in "0123456789abcdef" for c in text):
        raise NotFound(_("“{ref}” is not an anomaly's reference: give at least the first 4 characters "
                         "“kpmonitor hq anomalies” shows.").format(ref=ref))
    found = [a for a in noted if a.key.startswith(text)]
    if not found:
        raise NotFound(_("No anomaly has the reference {ref}: it may have been resolved by an import since (the "
                         "list is judged again at every import); see “kpmonitor hq anomalies”.").format(ref=ref))
    if len(found) > 1:
        raise NotFound(_("The reference {ref} is ambiguous: give more characters.").format(ref=ref))
    return found[0]


def add_note(ws: Workspace, ref: str, text: str, *, resolved: bool = False) -> NotedAnomaly:
    """Write an analyst's note on the anomaly ``ref`` names, marking it resolved or (again) open; returns it noted.

    :raises ParseError: for an empty note or one over ``NOTE_CHARS``.
    :raises NotFound: when no anomaly (or more than one) has that reference.
    """
    text = text.strip()
    if not text:
        raise ParseError(_("Write the note: what was found, or why the anomaly is resolved."), "text")
    if len(text) > NOTE_CHARS:
        raise ParseError(_("The note is {length} characters long; at most {most} are allowed.").format(
            length=f"{len(text):,}", most=f"{NOTE_CHARS:,}"), "text")
    target = find_anomaly(noted_anomalies(ws), ref)
    a = target.anomaly
    hq_store(ws).insert_note({
        "anomaly_key": target.key, "kind": a.kind, "scope": target.scope, "report_ids": json.dumps(list(a.report_ids)),
        "text": text, "resolved": int(resolved), "by": ws.store.actor, "at": now()})
    return find_anomaly(noted_anomalies(ws), target.key)


__all__ = ["NOTE_CHARS", "REF_CHARS", "AnomalyNote", "NotedAnomaly", "add_note", "anomaly_key", "find_anomaly",
           "noted_anomalies", "noted_as_stored", "open_count"]
