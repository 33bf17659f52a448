"""Headquarters' amendment chains: which imported reports are one shipment, and its latest version.

Headquarters sees every device's reports, so its chains cross devices and may miss a link (a report
that has not arrived ends the chain there). The walk up a chain and the decision that a number is
reused are ``kpmonitor.store.seals``'s; this module only hands them headquarters' reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kpmonitor.hq.store import Held
from kpmonitor.store.seals import SealHolder, SupersedesOf, lineage_root, reused_by


def supersedes_among(held: Iterable[Held], fetch: Callable[[str], str | None] | None = None) -> SupersedesOf:
    """``supersedes_of`` over headquarters' reports: those in ``held``, then, with ``fetch``, any other
    asked of the store (once each). A report not held supersedes nothing: its chain ends there."""
    known: dict[str, str | None] = {h.id: h.supersedes or None for h in held}
    if fetch is None:
        return known.get

    def supersedes_of(report_id: str) -> str | None:
        if report_id not in known:
            known[report_id] = fetch(report_id)
        return known[report_id]

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
