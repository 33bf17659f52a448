"""Seal lineage: the one place that decides whether a seal number may be used again.

A tamper-evident seal is used once: a number seen on two shipments means a seal was reused or
forged. The exception is an amendment: a correction of a signed report carries the seals of the
report it supersedes, so holders of the same *lineage* (one supersede chain) share seal numbers
freely.

Who asks, and how they read the holders of a number from their own store:

- the field store, refusing to record a reused number (``Store.seal_used_elsewhere``) and
  refusing to restore a deleted draft whose seal is now used elsewhere;
- the KP rules, through the ``RuleContext`` callback the workspace fills from the store, so
  that the validation panel shows the same sentence the refusal gives;
- headquarters, across every report imported from every device (``kpmonitor.hq``).

Each hands in the holders it found and a way to follow ``supersedes`` one step up; the decision
and the lineage walk are here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Follows a holder to the one it supersedes (None: the first of its lineage).
SupersedesOf = Callable[[str], str | None]


@dataclass(frozen=True)
class SealHolder:
    """An inspection (in the field) or a report (at headquarters) that carries a seal number."""

    id: str
    label: str  # how a sentence names it: "on the inspection of certificate ZW 0042"


def lineage_root(holder_id: str, supersedes_of: SupersedesOf) -> str:
    """The first holder of ``holder_id``'s supersede chain (itself when it supersedes nothing).

    A chain that loops (only a forged or damaged store can hold one) ends where it repeats.
    """
    seen = {holder_id}
    current = holder_id
    while (parent := supersedes_of(current)) is not None and parent not in seen:
        seen.add(parent)
        current = parent
    return current


def reused_by(here: str | None, holders: Iterable[SealHolder], supersedes_of: SupersedesOf) -> SealHolder | None:
    """The first holder of a seal number that is not ``here`` and not of ``here``'s lineage, or None.

    :param here: the holder asking (an inspection being edited, a report being checked); None for
        a holder not stored yet, of which every stored holder is a reuse.
    :param holders: every holder of the number that counts (deleted drafts do not).
    """
    root = lineage_root(here, supersedes_of) if here is not None else None
    for holder in holders:
        if holder.id == here:
            continue
        if root is None or lineage_root(holder.id, supersedes_of) != root:
            return holder
    return None


def reuse_sentence(number: str, holder: SealHolder) -> str:
    """What a monitor reads when a number is refused: the number and where it is used."""
    return f"Seal {number} is already used {holder.label}."
