"""Headquarters' amendment chains: which imported reports are one shipment, and its latest version.

Headquarters sees every device's reports, and a lineage belongs to one device: a report may supersede
only a report of its own device (the device its certificate names). So a chain is followed only from a
report to a held report of the same device; a link to another device's report (refused at import, or
made before the other report arrived) or to a report not held ends the chain there. The walk up a chain
and the decision that a number is reused are ``kpmonitor.store.seals``'s; this module only hands them
headquarters' reports and that one way up (``supersedes_among``), so a report claiming another device's
cannot make that device's seals its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kpmonitor.hq.store import Held
from kpmonitor.store.seals import SealHolder, SupersedesOf, lineage_root, reused_by


def supersedes_among(held: Iterable[Held], fetch: Callable[[str], Held | None] | None = None) -> SupersedesOf:
    """``supersedes_of`` over headquarters' reports: those in ``held``, then, with ``fetch``, any other
    asked of the store (once each).

    A report's chain goes up only to the report it supersedes when headquarters holds that one and it is of
    the same device; otherwise (not arrived, or another device's) the report is the first of its lineage.
    """
    known: dict[str, Held | None] = {h.id: h for h in held}

    def get(report_id: str) -> Held | None:
        if report_id not in known:
            known[report_id] = fetch(report_id) if fetch is not None else None
        return known[report_id]

    def supersedes_of(report_id: str) -> str | None:
        report = get(report_id)
        if report is None or not report.supersedes:
            return None
        parent = get(report.supersedes)
        return parent.id if parent is not None and parent.device_id == report.device_id else None

    return supersedes_of


def latest(held: Iterable[Held], supersedes_of: SupersedesOf) -> list[Held]:
    """The latest version of each shipment among ``held`` (of equal versions, the first in ``held``)."""
    best: dict[str, Held] = {}
    for h in held:
        line = lineage_root(h.id, supersedes_of)
        if line not in best or h.version > best[line].version:
            best[line] = h
    return list(best.values())


def shipments(holders: list[Held], supersedes_of: SupersedesOf) -> list[Held]:
    """The first holder of each shipment among the holders of one seal or certificate number.

    More than one means the number was used again on another shipment; ``seals.reused_by`` decides
    that, amendments of one report sharing their numbers freely.
    """
    if not holders or reused_by(holders[0].id, [SealHolder(h.id, "") for h in holders], supersedes_of) is None:
        return holders[:1]
    first: dict[str, Held] = {}
    for h in holders:
        first.setdefault(lineage_root(h.id, supersedes_of), h)
    return list(first.values())
