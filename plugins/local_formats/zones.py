"""A business's default time zone, from the tz database's zones of its country."""

from __future__ import annotations

import pytz


def country_timezones(country: str) -> list[str]:
    """The tz database's zones of `country` (ISO 3166-1 alpha-2), its main zone first."""
    try:
        return list(pytz.country_timezones[country.upper()])
    except KeyError:
        return []


def default_timezone(country: str) -> str:
    """The time zone a business in `country` most likely keeps: the first zone the tz database
    lists for it (its order puts populous zones first where geography allows: America/New_York
    for the US), or UTC for a country without one. TIMEZONE in pelicanconf.py chooses another."""
    zones = country_timezones(country)
    return zones[0] if zones else "UTC"
