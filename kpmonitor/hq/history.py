"""Whether a device's new checkpoint extends the history headquarters already holds for that device.

Each imported format-3 bundle carries the device's signed checkpoint (size and Merkle root of its
audit log) and proofs that it extends the device's earlier checkpoints (``history.checkpoint``).
Headquarters keeps every checkpoint it accepted with the earlier roots its bundle proved
(``hq_checkpoints``). A new checkpoint must agree with its neighbours among those:

- the nearest one *below* it: the new bundle must prove it extends that one, with the same root
  (a device proves from every checkpoint since its newest receipt, and headquarters' nearest one is
  always among those);
- the nearest one *above* it (a bundle delivered late): that later bundle must have proved it
  extended a checkpoint at this size with this root;
- one of the same size: the same root.

Consistency carries along the chain, so agreeing with both neighbours agrees with all. What fails is
a history rewritten (an earlier root that differs), forked (two roots at one size), or rolled back
(a checkpoint signed on a log restored from an old copy, which no later checkpoint descends from):
the bundle is refused and set aside with an alert. One function decides it: ``history_problem``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kpmonitor.history.checkpoint import CheckedHistory
from kpmonitor.i18n import _

HISTORY_REWRITTEN = "history_rewritten"


@dataclass(frozen=True)
class HeldCheckpoint:
    """A checkpoint headquarters accepted: the device's log at ``size`` events had ``root``."""

    size: int
    root: bytes
    claims: dict[int, bytes]  # the earlier roots its bundle proved it extends
    report_id: str


def history_problem(held: Iterable[HeldCheckpoint], new: CheckedHistory, report_id: str) -> str | None:
    """Why ``new`` contradicts the device's checkpoints headquarters holds, as a sentence; None when it extends them."""
    size, root = new.checkpoint.size, new.checkpoint.root
    held = sorted(held, key=lambda h: h.size)
    short = report_id[:8]
    for h in held:
        if h.size == size and h.root != root:
            return _("Report {report} was signed on a history of the device that differs from the one "
                     "headquarters holds at audit event {size} (report {held}): the device's log was forked or "
                     "rewritten. It was refused and set aside for review.").format(
                         report=short, size=size, held=h.report_id[:8])
        claimed = new.claims.get(h.size)
        if claimed is not None and claimed != h.root:
            return _("Report {report} was signed on a history that rewrites the device's log before audit event "
                     "{size}, which headquarters holds from report {held}. It was refused and set aside for "
                     "review.").format(report=short, size=h.size, held=h.report_id[:8])
    if any(h.size == size for h in held):
        return None
    below = [h for h in held if h.size < size]
    if below and below[-1].size not in new.claims:
        b = below[-1]
        return _("Report {report} does not prove that the device's history extends its checkpoint at audit event "
                 "{size} (report {held}), which headquarters holds: the log may have been rewritten. It was refused "
                 "and set aside for review.").format(report=short, size=b.size, held=b.report_id[:8])
    above = [h for h in held if h.size > size]
    if above:
        a = above[0]
        claimed = a.claims.get(size)
        if claimed is None:
            return _("Report {report} was signed at audit event {size} on a history that the device's later "
                     "report {later} (event {later_size}) does not descend from: the device's log was rolled back or "
                     "restored from an old copy. It was refused and set aside for review.").format(
                         report=short, size=size, later=a.report_id[:8], later_size=a.size)
        if claimed != root:
            return _("Report {report} was signed on a history of the device at audit event {size} that differs "
                     "from the one its later report {later} descends from: the log was forked or rewritten. It was "
                     "refused and set aside for review.").format(report=short, size=size, later=a.report_id[:8])
    return None
