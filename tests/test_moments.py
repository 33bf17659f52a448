"""One rule for showing a moment: as recorded, its zone named, whoever reads it."""

from __future__ import annotations

from kpmonitor.domain.moments import show_moment


def test_a_moment_keeps_the_zone_it_was_recorded_in() -> None:
    assert show_moment("2026-11-21T14:30:00+02:00") == "2026-11-21 14:30 UTC+02:00"
    assert show_moment("2026-11-21T12:30:00.123+00:00") == "2026-11-21 12:30 UTC"
    assert show_moment("2026-11-21T09:00-05:30") == "2026-11-21 09:00 UTC−05:30"


def test_a_moment_without_a_zone_says_so_and_text_stays_text() -> None:
    assert show_moment("2026-11-21T12:30") == "2026-11-21 12:30 (local time)"
    assert show_moment("yesterday") == "yesterday" and show_moment(None) == "" and show_moment("") == ""
    assert show_moment("2026-11-21T12:30:15+00:00", seconds=True) == "2026-11-21 12:30:15 UTC"


def test_how_far_apart_two_moments_are_reads_a_zoneless_one_in_the_others_zone() -> None:
    from datetime import timedelta

    from kpmonitor.domain.moments import after

    # A camera's EXIF time has no zone: it is the local time where the inspection is.
    assert after("2026-11-21T09:40:00", "2026-11-21T09:30:00+02:00") == timedelta(minutes=10)
    assert after("2026-11-21T07:40:00+00:00", "2026-11-21T09:30:00+02:00") == timedelta(minutes=10)
    assert after("2026-11-20T09:30:00", "2026-11-21T09:30:00") == timedelta(days=-1)
    assert after("yesterday", "2026-11-21T09:30:00") is None and after(None, "2026-11-21T09:30:00") is None
