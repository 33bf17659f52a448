"""The one rule for showing a moment: as it was recorded, with its zone named.

A monitor types the time of an inspection or a sealing with the offset of where it happened
(``2026-11-21T14:30+02:00``); the application stamps its own records in UTC. Either is shown as
recorded — ``2026-11-21 14:30 UTC+02:00``, ``2026-11-21 12:30 UTC`` — never converted silently into
the zone of whoever reads it, so the field, the report, headquarters and a customs officer all read
the same words for the same moment.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def parse(text: object) -> datetime | None:
    """An ISO 8601 moment, or None for anything that is not one."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def after(text: object, reference: object) -> timedelta | None:
    """How long after ``reference`` the moment ``text`` is (negative: before); None unless both are moments.

    A moment recorded without its zone (a camera's EXIF time, most often) is read in the other's zone: a
    camera's clock keeps the local time of where it is, which is the inspection's. Two moments without a
    zone compare as they read.
    """
    moment, base = parse(text), parse(reference)
    if moment is None or base is None:
        return None
    if (moment.tzinfo is None) != (base.tzinfo is None):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=base.tzinfo)
        else:
            base = base.replace(tzinfo=moment.tzinfo)
    return moment - base


def zone_name(moment: datetime) -> str:
    """``UTC``, ``UTC+02:00`` or ``UTC−05:30`` (a real minus sign); ``local time`` when none was recorded."""
    offset = moment.utcoffset()
    if offset is None:
        return "local time"
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def show_moment(text: object, *, seconds: bool = False) -> str:
    """A moment for people: date, time and the zone it was recorded in.

    Text that is not a moment comes back as it is (the caller escapes it for its medium); an empty
    value is an empty string.
    """
    if text is None or text == "":
        return ""
    moment = parse(text)
    if moment is None:
        return str(text)
    shown = moment.strftime("%Y-%m-%d %H:%M" + (":%S" if seconds and moment.second else ""))
    zone = zone_name(moment)
    return f"{shown} ({zone})" if zone == "local time" else f"{shown} {zone}"
