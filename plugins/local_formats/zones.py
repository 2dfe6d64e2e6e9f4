"""A business's default time zone: its region's, where the address names one, else its country's.

A country such as the US, Canada or Australia spans several zones, and the tz database lists
them in no order of use (Australia's first is Lord Howe Island's, Canada's Newfoundland's). The
zone of a state or province is the one its places keep: airportsdata (MIT) gives the tz zone of
every airport with its ISO 3166-1 country and its state or province by name, and the zone most
of a region's airports keep is the region's. pycountry (ISO 3166-2) turns the address's region,
a code (CA, NSW, ON) or a name (California), into that name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache

import airportsdata
import pycountry
import pytz


def country_timezones(country: str) -> list[str]:
    """The tz database's zones of `country` (ISO 3166-1 alpha-2), its main zone first."""
    try:
        return list(pytz.country_timezones[country.upper()])
    except KeyError:
        return []


def default_timezone(country: str, region: str | None = None) -> str:
    """The time zone a business in `country` most likely keeps: its region's (`region` as in
    the address: a code such as CA or NSW, or a name), else the first zone the tz database
    lists for the country, or UTC for a country without one. TIMEZONE in pelicanconf.py
    chooses another."""
    zones = country_timezones(country)
    if len(zones) > 1 and region:
        zone = region_timezone(country, region)
        if zone in zones:
            return zone
    return zones[0] if zones else "UTC"


def region_timezone(country: str, region: str) -> str | None:
    """The zone most airports of the region keep, or None for a region no data names."""
    country = country.upper()
    counts = _zones_by_region().get(country, {})
    for name in _region_names(country, region):
        if _key(name) in counts:
            return counts[_key(name)].most_common(1)[0][0]
    return None


def known_timezone(name: str) -> bool:
    return name in pytz.all_timezones_set


def known_timezones() -> frozenset[str]:
    return frozenset(pytz.all_timezones_set)


def _region_names(country: str, region: str) -> list[str]:
    """The region as written, and its ISO 3166-2 code and name when pycountry knows it."""
    names = [region]
    code = f"{country}-{region.strip().upper()}"
    for subdivision in pycountry.subdivisions.get(country_code=country) or []:
        if subdivision.code == code or _key(subdivision.name) == _key(region):
            names += [subdivision.name, subdivision.code.split("-", 1)[1]]
    return names


def _key(name: str) -> str:
    """Names compared without accents, case or punctuation (Québec, Quebec; Nord-Est)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_name.casefold())


@cache
def _zones_by_region() -> dict[str, dict[str, Counter[str]]]:
    zones: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for airport in airportsdata.load("ICAO").values():
        if airport["subd"] and airport["tz"]:
            zones[airport["country"]][_key(airport["subd"])][airport["tz"]] += 1
    return zones
