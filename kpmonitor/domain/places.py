"""Places on the earth: the one distance between two positions, and the one way a position reads.

Positions are decimal degrees (WGS 84), as the inspection's site and a photo's EXIF record them.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG): a great circle on it errs by well under 1 % anywhere


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two positions, in kilometres (the haversine formula).

    Haversine rather than the spherical law of cosines: it stays exact for the few hundred metres between a
    photo and its site, where the cosine of a tiny angle rounds to 1.
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def show_place(lat: float, lon: float) -> str:
    """A position for people: ``19.9500° S, 32.3300° E`` (four decimals: about ten metres)."""
    return (f"{abs(lat):.4f}° {'S' if lat < 0 else 'N'}, "
            f"{abs(lon):.4f}° {'W' if lon < 0 else 'E'}")


def show_km(km: float) -> str:
    """A distance for people: to a tenth under 100 km (so 25.3 km never reads as a 25 km limit), else whole;
    ``25 km``, not ``25.0 km``."""
    text = f"{km:,.1f}" if km < 100 else f"{km:,.0f}"
    return f"{text.removesuffix('.0')} km"
